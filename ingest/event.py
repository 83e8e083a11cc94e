"""The event a programme text belongs to (its title) and the event's date.

A programme usually names its event once in a heading ("Trefdag Sociaal: Durf
meer Doen", "REGIONAAL WELZIJNSCAFÉ") or in a sentence ("een inspiratiedag rond
het Plan Samenleven"), and gives the date either in full ("02.06.2023", "12 nov
'19") or without a year ("op 26 april"), the year then coming from a named
edition elsewhere ("Gouden Kinderschoen 2016"). Deadlines for registration,
payment or cancellation are dates too, but not the event's.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ingest import layout as L

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "maa": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+"
NUMERIC_DATE = re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>(?:19|20)\d\d|\d\d)(?![\d.])")
WORD_DATE = re.compile(rf"(?<!\w)(?:{WEEKDAY})?(?P<d>[0-3]?\d)(?:e|ste|de)?\s+(?P<m>{MONTH})\.?"
                       rf"(?:\s+(?P<y>(?:19|20)\d\d)|\s*['’](?P<yy>\d\d))?(?!\w)", re.I)
# A date in such a sentence is a deadline or a past milestone, not the event.
DEADLINE = re.compile(r"\b(?:annuleren|annulatie|annuleer|inschrijven|inschrijving|inschrijvingen|schrijf|betalen|"
                      r"betaling|tot\s+en\s+met|uiterlijk|ten\s+laatste|vóór|voor\s+(?=\d)|vanaf|sinds|sedert|"
                      r"organiseerde|vond\s+plaats|deadline)\b", re.I)
# A year attached to a capitalised name: a named edition ("Gouden Kinderschoen 2016", "Trefdag 2016").
EDITION_YEAR = re.compile(r"\b[A-ZÀ-Ý][\w-]+\s+((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)")

EVENT_WORDS = (r"trefdag|inspiratiedag|studiedag|themadag|vormingsdag|netwerkdag|ontmoetingsdag|praktijkdag|"
               r"welzijnscaf[ée]|congres|symposium|colloquium|conferentie|forum|seminarie|webinar|beurs|"
               r"praktijkmarkt|lerend netwerk|netwerkmoment|dag van|week van|festival")
EVENT_HEADING = re.compile(rf"^[^\S\n]*(?:[\w'’-]+[^\S\n]+){{0,2}}(?:{EVENT_WORDS})\b[^\n]{{0,70}}$", re.I | re.M)
EVENT_SENTENCE = re.compile(rf"\b(?P<kind>{EVENT_WORDS})\b", re.I)
TOPIC_AFTER = re.compile(r"^\s+(?:rond|over|omtrent|in\s+het\s+teken\s+van)\s+(?:het\s+|de\s+)?"
                         r"(?P<topic>[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*){0,4})")
GENERIC_HEADINGS = frozenset("""
waarom wat wie waar wanneer hoe voor wie programma agenda info inhoud praktisch inschrijven navigatie
slides advertisements menu home contact
""".split())
STOP = frozenset("""
de het een en van in op met voor aan te om tot door bij uit over als dat die dit deze is zijn wordt worden
we wij je jij u ze zij hun onze ons er ook niet meer wat hoe waar wie zal kan kunnen moet wil willen
""".split())


@dataclass(frozen=True)
class EventInfo:
    title: str | None
    date: str | None


def detect_event(text: str) -> EventInfo:
    """Title and ISO date of the event a whole programme text describes; None where the text does not tell."""
    return EventInfo(title=event_title(text), date=event_date(text))


# ---------------------------------------------------------------- title
def event_title(text: str) -> str | None:
    """The event is named near the top; further down a page lists other, related events."""
    limit = max(len(text) // 2, 3000)
    return _heading_title(text, limit) or _sentence_title(text, limit) or _first_line_title(text)


def _heading_title(text: str, limit: int) -> str | None:
    """A short line that is itself an event name ("Trefdag Sociaal: Durf meer Doen").

    A line with a date or year in it lists some other event ("Trefdag Ouderen 4/4/2019").
    """
    for m in EVENT_HEADING.finditer(text, 0, limit):
        line = _clean_line(m.group(0))
        if not line or len(line.split()) > 8 or re.search(r"[.?!]$|\d", line):
            continue
        if line.isupper():
            line = _sentence_case(line)
        if len(line.split()) <= 2:
            organiser = _main_organiser(text)
            if organiser and organiser.lower() not in line.lower():
                line = f"{line} {organiser}"
        return line
    return None


def _sentence_title(text: str, limit: int) -> str | None:
    """'een inspiratiedag rond het Plan Samenleven' -> 'Inspiratiedag Plan Samenleven'."""
    for m in EVENT_SENTENCE.finditer(text, 0, limit):
        topic = TOPIC_AFTER.match(text[m.end():m.end() + 120])
        kind = m.group("kind").capitalize()
        if topic:
            return f"{kind} {topic.group('topic')}"
    for m in EVENT_SENTENCE.finditer(text, 0, limit):
        sentence = _sentence(text, m.start())
        if re.search(r"\d", sentence):
            continue  # "VVSG Inspiratiedag – 2 april 2015 ...": another, dated event
        phrase = _frequent_phrase(text, sentence)
        if phrase:
            return f"{m.group('kind').capitalize()} {phrase}"
    return None


def _first_line_title(text: str) -> str | None:
    """A short first heading ("Leefbaarheid Opbouwwerk") names the document when nothing else does."""
    for line in text.splitlines():
        line = _clean_line(line)
        if not line:
            continue
        words = line.split()
        if len(words) <= 6 and line.lower() not in GENERIC_HEADINGS and not re.search(r"[.?!:]$", line):
            return line
        return None
    return None


def _clean_line(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("*", "")).strip(" #•-–")


def _sentence_case(line: str) -> str:
    return line[:1].upper() + line[1:].lower()


def _main_organiser(text: str) -> str | None:
    """The acronym the text names most often (at least three times), e.g. the organising association."""
    counts = Counter(m.group(0) for m in re.finditer(r"\b[A-Z][A-Z0-9]{2,6}\b(?!['’])", text)
                     if not _on_capitals_line(text, m.start()))
    for word, n in counts.most_common():
        if n >= 3 and word not in {"OCMW", "CAW", "LOI", "IBO", "GOK"}:
            return word
    return None


def _on_capitals_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    letters = [c for c in text[start:end if end >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * max(1, len(letters))


def _sentence(text: str, pos: int) -> str:
    start, end = L.sentence_bounds(text, pos, pos, breaks=(". ",))
    return text[start:end]


def _frequent_phrase(text: str, sentence: str) -> str | None:
    """The sentence's two- or three-word phrase (no stop words) that the whole text repeats most, at least 3 times."""
    words = re.findall(r"[a-zà-ÿ]+", sentence.lower())
    lower = text.lower()
    best: tuple[int, int, str] | None = None  # (length, count, phrase): the longest repeated phrase wins
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if any(w in STOP for w in gram):
                continue
            phrase = " ".join(gram)
            count = len(re.findall(rf"\b{re.escape(phrase)}\b", lower))
            if count >= 3 and (best is None or (n, count) > best[:2]):
                best = (n, count, phrase)
    return best[2] if best else None


# ---------------------------------------------------------------- date
def event_date(text: str) -> str | None:
    full: Counter[str] = Counter()
    partial: Counter[tuple[int, int]] = Counter()
    for found, weight, is_full in _dates(text):
        if is_full:
            full[found] += weight
        else:
            partial[found] += weight
    if full:
        return _clear_winner(full)
    if partial:
        year = _edition_year(text)
        if year is None:
            return None
        (month, day), _ = max(partial.items(), key=lambda kv: kv[1])
        return _iso(year, month, day)
    return None


def _dates(text: str):
    """(date, weight, has_year) for every date outside deadline sentences; a date alone on its line weighs more."""
    for pattern in (NUMERIC_DATE, WORD_DATE):
        for m in pattern.finditer(text):
            if DEADLINE.search(_sentence(text, m.start())):
                continue
            day = int(m.group("d"))
            month = int(m.group("m")) if m.group("m").isdigit() else MONTHS[m.group("m").lower().rstrip(".")]
            year_text = m.group("y") or (m.groupdict().get("yy"))
            alone = _alone_on_line(text, m.start(), m.end())
            weight = 3 if alone else 1
            if year_text:
                year = int(year_text)
                year = year + 2000 if year < 100 else year
                iso = _iso(year, month, day)
                if iso:
                    yield iso, weight, True
            elif _iso(2000, month, day):
                yield (month, day), weight, False


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + text[end:line_end if line_end >= 0 else len(text)]
    return not re.search(r"\w", rest)


def _edition_year(text: str) -> int | None:
    """The latest year that names an edition ("Gouden Kinderschoen 2016"), else None."""
    years = [int(y) for y in EDITION_YEAR.findall(text)]
    return max(years) if years else None


def _clear_winner(scores: Counter[str]) -> str | None:
    """The only date, or one that stands out (alone on its line or repeated); a page of many dates tells none."""
    ranked = scores.most_common()
    if len(ranked) == 1:
        return ranked[0][0]
    (best, top), (_, runner_up) = ranked[0], ranked[1]
    return best if top >= 2 and top > runner_up else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
