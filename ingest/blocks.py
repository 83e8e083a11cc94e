"""Candidate blocks of a text and the layout features a learned tagger reads from them.

A block is the smallest stretch of text the segmenter decides about: a paragraph,
a heading with the body under it, one bullet or list entry, or one record the
rule-based reader (``ingest.segment``) proposed. Each block becomes a record of
its own (``B``), part of the record before it (``I``) or furniture (``O``); that
decision is learned (``ingest.tagger``). Features describe shape (headings,
bullets, numbering, length), a few cross-text conventions of Dutch programme and
web pages (logistics words, contact lines, staff lines), the neighbours, and what
the rule-based reader made of the same stretch.

Offsets always point into the original text.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import layout as L
from ingest.layout import Line

LOGISTICS_RE = re.compile(
    r"\b(?:inschrijv\w*|schrijf\s+(?:je|u)\s+in|prijs|kostprijs|deelname\w*|gratis|betal\w*|annul\w*|locatie|"
    r"adres|parking|bereikba\w*|route|broodjes|lunch|koffie|onthaal|registratie|rekeningnummer|btw|"
    r"openingsuren|openingstijden|tel\.?|telefoon|e-?mail|contacteer|cookie\w*|privacy|nieuwsbrief|"
    r"volg ons|deel (?:dit|deze)|lees (?:meer|ook)|klik hier|terug naar|menu|zoeken)\b|€|@|https?://|www\.",
    re.IGNORECASE)
PROGRAMME_WORDS_RE = re.compile(
    r"\b(?:sessie|workshop|lezing|keynote|panel\w*|werkbezoek|inspiratiedag|studiedag|trefdag|vormingsdag|"
    r"programma|spreker\w*|moderator|thematafel|praattafel)\b", re.IGNORECASE)
PRACTICE_WORDS_RE = re.compile(
    r"\b(?:project\w*|initiatief\w*|werking|dienst\w*|aanpak|proefproject|samenwerking\w*|opgericht|gestart|"
    r"startte|organiseert|biedt|ondersteunt|begeleid\w*|vrijwilliger\w*|buurt\w*)\b", re.IGNORECASE)
MODAL_RE = re.compile(r"\b(?:moet|moeten|mag|mogen|willen|wil|zullen|zal|streven|garanderen)\b", re.IGNORECASE)
CONNECTIVE_RE = re.compile(
    r"^(?:Daarnaast|Daarbij|Bovendien|Ook|Zo|Verder|Daarom|Hierbij|Hiervoor|Daardoor|Tegelijk|Tot slot|Want|"
    r"Maar|En|Dat|Die|Dit|Deze|Het project|De werking|Zij|Ze|Hij|Het)\b")
DATE_RE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|"
                     r"augustus|september|oktober|november|december)\b", re.IGNORECASE)
CAPWORD_RE = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+")


@dataclass(frozen=True)
class Block:
    """A stretch of text the tagger labels; ``rule`` is what the rule-based reader did here."""

    start: int
    end: int
    lines: tuple[Line, ...]
    rule: str        # start | inside | outside
    rule_index: int  # the rule-based segment this block lies in, or -1


def build_blocks(text: str, rule_spans: list[tuple[int, int]]) -> list[Block]:
    """Cut ``text`` into blocks at structural boundaries and at the rule-based segment edges."""
    lines = L.split_lines(text)
    cuts = _rule_cuts(rule_spans)
    groups: list[list[Line]] = []
    cur: list[Line] = []
    prev: Line | None = None
    for ln in lines:
        if ln.blank:
            if cur:
                groups.append(cur)
            cur, prev = [], None
            continue
        if cur and (is_heading_line(ln) or L.is_bullet(ln) or _crosses(cuts, prev, ln)):
            groups.append(cur)
            cur = []
        cur.append(ln)
        prev = ln
    if cur:
        groups.append(cur)
    groups = _attach_headings(groups)
    blocks: list[Block] = []
    seen: set[int] = set()
    for group in groups:
        for start, end, part in _split_at_rules(group, cuts):
            index = _rule_index(start, end, rule_spans)
            rule = "outside" if index < 0 else "inside" if index in seen else "start"
            seen.add(index)
            blocks.append(Block(start, end, tuple(part), rule, index))
    return blocks


def proposals(blocks: list[Block]) -> list[str]:
    """The rule-based reader's label for each block: B where its record starts, I inside it, O elsewhere."""
    return [{"start": "B", "inside": "I"}.get(b.rule, "O") for b in blocks]


def is_heading_line(line: Line) -> bool:
    """A line that opens something by its shape: numbered, lettered, a time slot, a keyword, a theme."""
    return (L.is_numbered_heading(line) or L.is_lettered_heading(line) or L.is_keyword_heading(line)
            or L.theme_match(line) is not None or (L.time_slot_rest(line) is not None and line.words >= 2)
            or L.is_logistics_header(line) or L.is_section_header(line))


def _rule_cuts(spans: list[tuple[int, int]]) -> set[int]:
    return {s for s, _ in spans} | {e for _, e in spans}


def _crosses(cuts: set[int], prev: Line | None, line: Line) -> bool:
    return prev is not None and any(prev.end <= c <= line.start for c in cuts)


def _attach_headings(groups: list[list[Line]]) -> list[list[Line]]:
    """A lone short title line followed by a paragraph is that paragraph's heading."""
    out: list[list[Line]] = []
    k = 0
    while k < len(groups):
        g = groups[k]
        nxt = groups[k + 1] if k + 1 < len(groups) else None
        if (len(g) == 1 and nxt is not None and _title_shape(g[0]) and not _title_shape(nxt[0])
                and not L.is_bullet(nxt[0]) and not is_heading_line(nxt[0]) and not L.is_bullet(g[0])):
            out.append(g + nxt)
            k += 2
            continue
        out.append(g)
        k += 1
    return out


def _title_shape(line: Line) -> bool:
    t = line.text
    return 1 <= line.words <= 14 and t[:1].isupper() and not t.endswith((".", ",", ";")) and len(t) <= 120


def _split_at_rules(group: list[Line], cuts: set[int]) -> list[tuple[int, int, list[Line]]]:
    """Split a group where a rule-based segment starts or ends inside one of its lines (list cells, slides)."""
    start, end = group[0].start, group[-1].end
    inner = sorted(p for p in cuts if start < p < end)
    if not inner:
        return [(start, end, group)]
    out = []
    edges = [start] + inner + [end]
    for a, b in zip(edges, edges[1:]):
        part = [ln for ln in group if ln.end > a and ln.start < b]
        if part:
            out.append((a, b, part))
    return out


def _rule_index(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """The rule-based segment covering most of the block, or -1 when none covers half of it."""
    best, index = 0, -1
    for k, (s, e) in enumerate(spans):
        overlap = min(end, e) - max(start, s)
        if overlap > best:
            best, index = overlap, k
    return index if index >= 0 and best >= (end - start) / 2 else -1


# ---------------------------------------------------------------- features
@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    from kb.gazetteer import Gazetteer
    gaz = Gazetteer.default()
    return frozenset(a.surface for a in gaz.aliases() if a.kind in ("municipality", "former-municipality"))


def features(text: str, blocks: list[Block], rule_kinds: list[str]) -> list[dict[str, float]]:
    """One feature dict per block (names are stable: the model file refers to them)."""
    programme = min(len(PROGRAMME_WORDS_RE.findall(text)), 10) / 10
    base = [_own(text, b, rule_kinds) for b in blocks]
    rows = []
    for k, f in enumerate(base):
        row = dict(f)
        prev = base[k - 1] if k > 0 else None
        nxt = base[k + 1] if k + 1 < len(base) else None
        for name in ("bullet", "title_only", "heading_body", "logistics", "rule_start", "numbered", "chars"):
            row[f"prev_{name}"] = prev[name] if prev else 0.0
            row[f"next_{name}"] = nxt[name] if nxt else 0.0
        row["same_as_prev_bullet"] = float(bool(prev) and prev["bullet"] == 1.0 and f["bullet"] == 1.0)
        run = _run(base, k, "bullet")
        row["list_run"] = math.log1p(len(run)) / 3 if f["bullet"] else 0.0
        row["list_long_items"] = (sum(base[j]["chars"] for j in run) / len(run)) if f["bullet"] else 0.0
        head = _list_head(base, k)
        row["list_after_colon"] = head["head_colon"] if head and f["bullet"] else 0.0
        row["list_head_modal"] = head["modal"] if head and f["bullet"] else 0.0
        row["first_block"] = float(k == 0)
        row["last_block"] = float(k == len(base) - 1)
        row["position"] = k / max(1, len(base) - 1)
        row["programme_text"] = programme
        row["bias_many_blocks"] = math.log1p(len(base)) / 4
        rows.append(row)
    return rows


def _run(rows: list[dict[str, float]], k: int, name: str) -> list[int]:
    """Indices of the run of neighbouring blocks that share feature ``name`` with block k."""
    lo = hi = k
    while lo > 0 and rows[lo - 1][name]:
        lo -= 1
    while hi + 1 < len(rows) and rows[hi + 1][name]:
        hi += 1
    return list(range(lo, hi + 1))


def _list_head(rows: list[dict[str, float]], k: int) -> dict[str, float] | None:
    """The block just before the bullet run that block k belongs to (its announcing line)."""
    j = k
    while j >= 0 and rows[j]["bullet"]:
        j -= 1
    return rows[j] if j >= 0 else None


def _own(text: str, b: Block, rule_kinds: list[str]) -> dict[str, float]:
    own = text[b.start:b.end]
    first = b.lines[0]
    head = own.split("\n", 1)[0].strip()
    words = own.split()
    n_words = max(1, len(words))
    body_after_head = len(own) - len(head)
    caps = CAPWORD_RE.findall(own)
    bullets = [ln for ln in b.lines if L.is_bullet(ln)]
    places = _place_names()
    kind = rule_kinds[b.rule_index] if b.rule_index >= 0 else ""
    title_line = _title_shape(first)
    return {
        "rule_start": float(b.rule == "start"),
        "rule_inside": float(b.rule == "inside"),
        "rule_outside": float(b.rule == "outside"),
        "rule_practice": float(kind == "practice"),
        "rule_session": float(kind == "session"),
        "rule_theme": float(kind == "theme-table"),
        "numbered": float(L.is_numbered_heading(first) or L.is_lettered_heading(first)),
        "time_slot": float(L.time_slot_rest(first) is not None),
        "keyword_heading": float(L.is_keyword_heading(first) or L.theme_match(first) is not None),
        "logistics_header": float(L.is_logistics_header(first) or L.is_section_header(first)),
        "bullet": float(bool(bullets) and L.is_bullet(first)),
        "bullet_share": len(bullets) / len(b.lines),
        "title_only": float(len(b.lines) == 1 and title_line and len(own) < 120),
        "heading_body": float(title_line and body_after_head > 80),
        "head_colon": float(head.endswith(":")),
        "head_question": float(head.endswith("?")),
        "proper_head": float(bool(re.match(r"(?:De|Het|Een)?\s*\w*\s*[A-Z]", L.unbulleted(first).text[1:]))),
        "head_caps": float(head.isupper() and len(head) > 3),
        "head_words": min(len(head.split()), 30) / 30,
        "chars": math.log1p(len(own)) / 8,
        "lines": math.log1p(len(b.lines)) / 3,
        "sentences": math.log1p(L.sentence_count(own)) / 3,
        "starts_lower": float(own[:1].islower()),
        "connective": float(bool(CONNECTIVE_RE.match(own))),
        "logistics": min(len(LOGISTICS_RE.findall(own)) / n_words * 10, 1.0),
        "logistics_any": float(bool(LOGISTICS_RE.search(own))),
        "programme_words": min(len(PROGRAMME_WORDS_RE.findall(own)), 3) / 3,
        "practice_words": min(len(PRACTICE_WORDS_RE.findall(own)), 5) / 5,
        "modal": min(len(MODAL_RE.findall(own)) / n_words * 10, 1.0),
        "dates": float(bool(DATE_RE.search(own))),
        "digits": sum(c.isdigit() for c in own) / max(1, len(own)),
        "capitalised": len(caps) / n_words,
        "commas": own.count(",") / n_words,
        "place_named": float(any(c in places for c in caps)),
        "place_in_head": float(any(c in places for c in CAPWORD_RE.findall(head))),
        "quoted_name": float(bool(re.search(r"[‘'\"“][A-Z][^‘'\"“”’]{2,40}[’'\"”]", own))),
        "ends_sentence": float(own.rstrip().endswith((".", "!", "?", "”", '"', ")"))),
    }
