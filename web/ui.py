"""Pure helpers for the Streamlit app: URL state and safe HTML for cards and provenance.

Nothing here imports Streamlit, so it is unit-testable. Every piece of record
text goes through `escape` before it is placed in HTML: programme texts are
untrusted input and must show literally, never run as markup.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit, urlunsplit

from kb.errors import KBError
from kb.fields import FACET_ORDER, filter_fields
from kb.labels import (
    KIND_FROM_LABEL,
    KIND_LABELS,
    body_text,
    date_label,
    emails_in,
    event_label,
    kind_label,
    links_in,
    place_label,
    status_label,
)
from kb.record import Record
from kb.search import Filters, Hit, snippet

# filter field → (URL parameter, sidebar label); the order is the sidebar's order
FILTERS: dict[str, tuple[str, str]] = {f.filter: (f.param, f.filter_label) for f in filter_fields(FACET_ORDER)}
QUERY_PARAM = "q"
RECORD_PARAM = "id"
ORDER_PARAM = "sorteer"
# search order (kb.search.ORDERS) → (URL value, label); the first is the default
ORDERS: dict[str, tuple[str, str]] = {
    "relevance": ("relevantie", "Best passend"),
    "date": ("datum", "Datum, nieuwste eerst"),
    "added": ("toegevoegd", "Recent toegevoegd"),
}
ORDER_FROM_PARAM = {param: order for order, (param, _) in ORDERS.items()}

EXAMPLE_QUERIES: tuple[str, ...] = (
    "dak- en thuisloosheid regionaal",
    "sociale kruidenier",
    "jongeren die uit de jeugdhulp stromen",
)

RELATED_WHEN_FEWER = 5  # fewer matches than this: the nearest other records follow under their own heading


FIELD_PROBLEMS = {  # kb.curation.validate's problem codes, in the app's words
    "empty_title": "de titel mag niet leeg zijn",
    "unknown_kind": "„{value}” is geen soort praktijk",
    "unknown_municipality": "„{value}” is geen gemeente die we kennen",
    "unknown_province": "„{value}” is geen provincie",
    "unknown_region": "„{value}” is geen regio die we kennen",
    "unknown_theme": "„{value}” is geen thema uit de lijst",
    "unknown_target_group": "„{value}” is geen doelgroep uit de lijst",
    "bad_date": "de datum „{value}” moet als JJJJ-MM-DD (ISO) geschreven worden, bijvoorbeeld 2024-03-21",
}


def error_text(exc: KBError) -> str:
    """A library error in the app's words, chosen by its code, never by reading its English message."""
    values = exc.values
    if exc.code == "auth.throttled":
        minutes = int(values.get("minutes", 15))
        return f"Te veel mislukte pogingen. Probeer het over {count_label(minutes, 'minuut', 'minuten')} opnieuw."
    if exc.code == "auth.disabled":
        return "Dit account is uitgeschakeld."
    if exc.code == "auth.wrong_credentials":
        return "Onbekende gebruikersnaam of fout wachtwoord."
    if exc.code in ("auth.session_expired", "auth.login_needed"):
        return "U bent niet (meer) ingelogd; log opnieuw in via de zijbalk."
    if exc.code == "forbidden":
        return "Uw rol laat dit niet toe."
    if exc.code == "record.invalid_fields":
        return "; ".join(FIELD_PROBLEMS.get(code, "{value}: niet geldig").format(value=value)
                         for code, value in values.get("problems", []))
    if exc.code == "workshop.not_yours":
        return "Deze workshop is niet van u en niet met u gedeeld; u kunt hem alleen bekijken."
    if exc.code == "workshop.unknown_member":
        return f"Geen account met de naam {', '.join(values.get('names', []))}."
    return str(exc)


def count_label(n: int, one: str, many: str) -> str:
    """ "1 praktijk", "12 praktijken": the count with the noun in the right number."""
    return f"{n} {one if n == 1 else many}"


# HTML's five, plus what markdown (or Streamlit's emoji/LaTeX extensions) could read as syntax;
# one translation pass, so no entity is escaped twice.
_ESCAPES = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]#|~$:"} | {
    ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;"}
_MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_{}\[\]()#+\-.!|~$<>:&=\"']")
_COUNT_SUFFIX = re.compile(r" \(\d+\)$")


@dataclass
class SearchState:
    """What a search is: the query, the active filters and an opened record; round-trips through the URL."""

    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    record_id: str | None = None
    order: str = "relevance"

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str]]) -> SearchState:
        """Read URL parameters (each a list of values, as `st.query_params.get_all` gives them)."""
        query = " ".join(v.strip() for v in params.get(QUERY_PARAM, []) if v.strip())
        filters: dict[str, list[str]] = {}
        for name, (param, _) in FILTERS.items():
            values = [v.strip() for v in params.get(param, []) if v.strip()]
            if name == "kind":
                values = [KIND_FROM_LABEL.get(v, v) for v in values]
            if values:
                filters[name] = list(dict.fromkeys(values))
        ids = [v.strip() for v in params.get(RECORD_PARAM, []) if v.strip()]
        orders = [ORDER_FROM_PARAM[v] for v in params.get(ORDER_PARAM, []) if v in ORDER_FROM_PARAM]
        return cls(query, filters, ids[0] if ids else None, orders[0] if orders else "relevance")

    def to_params(self) -> dict[str, str | list[str]]:
        """URL parameters for this state; empty fields are left out so shared links stay short."""
        params: dict[str, str | list[str]] = {}
        if self.query.strip():
            params[QUERY_PARAM] = self.query.strip()
        for name, (param, _) in FILTERS.items():
            values = self.filters.get(name, [])
            if name == "kind":
                values = [KIND_LABELS.get(v, v) for v in values]
            if values:
                params[param] = list(values)
        if self.order != "relevance":
            params[ORDER_PARAM] = ORDERS[self.order][0]
        if self.record_id:
            params[RECORD_PARAM] = self.record_id
        return params

    def to_filters(self) -> Filters:
        return Filters(**{name: list(values) for name, values in self.filters.items() if values})

    def is_empty(self) -> bool:
        """No query, no filters and no chosen order: the app shows its introduction instead of results."""
        return not self.query.strip() and not any(self.filters.values()) and self.order == "relevance"

    def active_filters(self) -> dict[str, list[str]]:
        """The active filters under their Dutch labels, values as a reader sees them (for exports)."""
        out = {}
        for name, (_, label) in FILTERS.items():
            values = self.filters.get(name, [])
            if values:
                out[label] = [KIND_LABELS.get(v, v) for v in values] if name == "kind" else list(values)
        return out


def clean_selection(values: Iterable[str], options: Sequence[str]) -> list[str]:
    """Keep known options only, also when a stale widget value still carries its old "(n)" count."""
    known = set(options)
    out = []
    for value in values:
        value = value if value in known else _COUNT_SUFFIX.sub("", value)
        if value in known and value not in out:
            out.append(value)
    return out


def option_label(name: str, value: str, counts: Mapping[str, int]) -> str:
    """"Mechelen (3)": the count is for the current result set."""
    shown = KIND_LABELS.get(value, value) if name == "kind" else value
    return f"{shown} ({counts.get(value, 0)})"


def record_link(page_url: str, record_id: str) -> str:
    """The stable address of one practice, from the address of the page showing it ("" when unknown)."""
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return ""
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode({RECORD_PARAM: record_id}), ""))


def escape(text: str) -> str:
    """Text → HTML that shows literally: no tags, no entities, no markdown syntax survive."""
    return text.translate(_ESCAPES)


def md(text: str) -> str:
    """Text for a markdown-rendered Streamlit string (st.error, button labels): every syntax character escaped.

    Without this a shared URL such as `?id=[klik hier](https://…)` would put a disguised link in an error
    message. (A bare URL is still linked by GFM, but then the link shows its own target.)
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\g<0>", text)


def escape_block(text: str) -> str:
    """Like `escape`, keeping line breaks as <br> (a blank line would end Streamlit's HTML block)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(escape(line) for line in lines)


def highlight(pieces: Iterable[tuple[str, bool]]) -> str:
    """Snippet pieces → HTML with the query's words in <mark>."""
    return "".join(f"<mark>{escape(p)}</mark>" if hit else escape(p) for p, hit in pieces)


def _row(label: str, values: Sequence[str]) -> str:
    if not values:
        return ""
    return f'<div class="pb-row"><span class="pb-label">{escape(label)}</span> {escape(", ".join(values))}</div>'


def card_html(hit: Hit, query: str) -> str:
    """One result card as a single HTML block (no blank lines, so markdown leaves it alone)."""
    record = hit.record
    meta = [f'<span class="pb-kind pb-kind-{escape(record.kind)}">{escape(kind_label(record.kind))}</span>']
    meta += [f"<span>{escape(part)}</span>" for part in (place_label(record), event_label(record)) if part]
    body = body_text(record)
    snippet_html = (highlight(snippet(body, query)) if query.strip() else escape(_lead(body))) if body else ""
    parts = [
        f'<div class="pb-card{"" if hit.match else " pb-related"}"><div class="pb-title">{escape(record.title)}</div>',
        f'<div class="pb-meta">{" · ".join(meta)}</div>',
        _row("Thema's:", record.themes),
        _row("Doelgroepen:", record.target_groups),
        _row("Partners:", record.partners),
        f'<div class="pb-snippet">{snippet_html}</div>' if snippet_html else "",
        f'<div class="pb-why">{escape("; ".join(hit.why))}</div>' if hit.why else "",
        _duplicates(hit),
        "</div>",
    ]
    return "".join(parts)


def _duplicates(hit: Hit) -> str:
    """Near-duplicates grouped under this hit: the same practice presented elsewhere."""
    if not hit.duplicates:
        return ""
    where = [f"{d.title} ({d.event or d.source})" for d in hit.duplicates]
    return f'<div class="pb-why">{escape("Ook gepresenteerd als: " + "; ".join(where))}</div>'


def _lead(text: str, width: int = 260) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= width else flat[:width].rsplit(" ", 1)[0] + " …"


def details_html(record: Record) -> str:
    """The record's fields as a definition list, for the detail view."""
    rows = [
        ("Soort", [kind_label(record.kind)]),
        ("Gemeenten", record.municipalities),
        ("Regio", [record.region] if record.region else []),
        ("Provincies", record.provinces),
        ("Thema's", record.themes),
        ("Doelgroepen", record.target_groups),
        ("Partners", record.partners),
        ("Sprekers", record.speakers),
        ("Evenement", [record.event] if record.event else []),
        ("Datum", [date_label(record.event_date)] if record.event_date else []),
        ("Status", [status_label(record.status)]),
    ]
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(', '.join(values))}</dd>"
                    for label, values in rows if values)
    links = [link_html(url) for url in links_in(record.text)]
    mails = [f'<a href="mailto:{escape(address)}">{escape(address)}</a>' for address in emails_in(record.text)]
    items += "".join(f"<dt>{escape(label)}</dt><dd>{', '.join(values)}</dd>"
                     for label, values in (("Website", links), ("Contact", mails)) if values)
    return f'<dl class="pb-fields">{items}</dl>'


def link_html(url: str) -> str:
    """An outside link from a programme text: http(s) only, shown as its own address, opened in a new tab."""
    if not url.lower().startswith(("http://", "https://")):
        return escape(url)
    return f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer nofollow">{escape(url)}</a>'


def text_html(text: str) -> str:
    return f'<div class="pb-text">{escape_block(text.strip())}</div>'


def provenance_html(before: str, own: str, after: str, cut_before: bool = True, cut_after: bool = True) -> str:
    """The source passage: surrounding text in grey, the record's own span highlighted.

    Where the context was cut from a longer text, the partial word at the cut is dropped and "…" marks it.
    """
    if cut_before and before:
        before = "… " + re.sub(r"^\S*\s*", "", before, count=1)
    if cut_after and after:
        after = re.sub(r"\s*\S*$", "", after, count=1) + " …"
    return ('<div class="pb-source" tabindex="0" role="region" aria-label="Bronpassage">'
            f'<span class="pb-context">{escape_block(before)}</span>'
            f'<span class="pb-own">{escape_block(own)}</span>'
            f'<span class="pb-context">{escape_block(after)}</span>'
            "</div>")


def origin_label(origin: dict, with_file: bool = False) -> str:
    """One merged-in presentation: its title, event and date; curators also see the file and span."""
    parts = [p for p in (origin.get("title"), origin.get("event"), date_label(origin.get("event_date"))) if p]
    label = " · ".join(parts) or "een andere brontekst"
    if with_file:
        label += f" ({origin.get('source', '')}, tekens {origin.get('start')}–{origin.get('end')})"
    return label


def source_label(record: Record) -> str:
    """Where a record sits in its source file, for curators who check the extraction."""
    return f"{record.source}, tekens {record.start}–{record.end}"


def source_line(record: Record) -> str:
    """Where a reader's practice comes from, in words: the event and its date, not a file and offsets."""
    when = date_label(record.event_date)
    if record.event:
        return f"Uit het programma van {record.event}" + (f" ({when})" if when else "")
    return f"Uit een programmatekst van {when}" if when else "Uit een programmatekst"


CSS = """
<style>
.pb-card .pb-title { font-size: 1.15rem; font-weight: 600; margin-bottom: .2rem; }
.pb-meta { color: #555; font-size: .9rem; margin-bottom: .3rem; }
.pb-kind { background: #e8eef7; color: #1f3b63; border-radius: .4rem; padding: .05rem .45rem;
           font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.pb-kind-session { background: #eef6e8; color: #2f5d1a; }
.pb-kind-theme-table { background: #f7efe4; color: #6b4210; }
.pb-row { font-size: .9rem; }
.pb-label { color: #666; }
.pb-snippet { margin-top: .4rem; line-height: 1.5; }
.pb-snippet mark, .pb-own mark { background: #ffe58a; padding: 0 .1rem; border-radius: .15rem; }
.pb-why { color: #5f6368; font-size: .8rem; margin-top: .3rem; }
.pb-fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
.pb-fields dt { color: #666; font-weight: 400; }
.pb-fields dd { margin: 0; }
.pb-text { line-height: 1.55; }
.pb-source { font-family: ui-serif, Georgia, serif; line-height: 1.55; border: 1px solid #ddd;
             border-radius: .5rem; padding: .8rem 1rem; max-height: 32rem; overflow-y: auto; }
.pb-context { color: #6b6b6b; }
.pb-own { background: #fff6cc; color: #222; border-left: 3px solid #e0b000;
          box-decoration-break: clone; -webkit-box-decoration-break: clone; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #55585e !important; }
[data-testid="stExpandSidebarButton"]::after { content: "Filters"; font-size: .85rem; margin-left: .25rem; }
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stTextInput"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stPopover"],
  [data-testid="stButtonGroup"], [data-testid="stExpandSidebarButton"], [data-testid="stCode"] button,
  [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
  .pb-source { max-height: none; overflow: visible; }
  .block-container, [data-testid="stMainBlockContainer"] { padding-top: 0 !important; max-width: 100% !important; }
}
</style>
"""
