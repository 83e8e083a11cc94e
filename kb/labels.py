"""Dutch words for record values, shared by the app (web/) and the exports (kb/export.py).

Plain text only: HTML and Streamlit live in web/, so the library stays free of the web layer.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from kb.gazetteer import Gazetteer
from kb.record import Record

BELGIAN_TIME = ZoneInfo("Europe/Brussels")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_ISO_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

STATUS_LABELS: dict[str, str] = {"draft": "concept", "approved": "goedgekeurd", "hidden": "verborgen"}
KIND_LABELS: dict[str, str] = {"practice": "praktijk", "session": "sessie", "theme-table": "thematafel"}
KIND_FROM_LABEL: dict[str, str] = {label: kind for kind, label in KIND_LABELS.items()}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def date_label(value: str | date | None) -> str:
    """ "2019-11-12" → "12 november 2019" ("2019-11" → "november 2019"); anything else is returned as given."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        value = value.isoformat()
    m = _ISO_DAY.match(value.strip())
    if not m or not 1 <= int(m.group(2) or 1) <= 12:
        return value
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def time_label(value: str | datetime | None) -> str:
    """A stored UTC timestamp as a Belgian reader says it: "29 november 2026 om 13:45" (Brussels time)."""
    if value is None or value == "":
        return ""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(BELGIAN_TIME)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year} om {local:%H:%M}"


def municipalities_and_abroad(record: Record) -> tuple[list[str], list[str]]:
    """The record's Belgian municipalities and, apart, the cities abroad it runs in ('Rotterdam')."""
    gazetteer = Gazetteer.default()
    abroad = [name for name in record.municipalities if gazetteer.abroad(name)]
    return [name for name in record.municipalities if name not in abroad], abroad


def place_label(record: Record) -> str:
    """Where the practice happens: its municipalities, else its region, else its provinces."""
    if record.municipalities:
        return ", ".join(record.municipalities)
    if record.region:
        return f"regio {record.region}"
    return ", ".join(record.provinces)


def event_label(record: Record) -> str:
    return " · ".join(part for part in (record.event, date_label(record.event_date)) if part)


_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_ITEM_MARK = re.compile(r"^[ \t]*(?:\d{1,3}\s*[.)](?!\d)|[•●▪◦·*–-](?=\s))\s*", re.MULTILINE)
_FOLD = re.compile(r"[^\w]+")
TITLE_LABEL_CHARS = 25  # a label before the title on the first line ("Thema 2:", "Workshop 3 –") is at most this long
LABEL_ENDS = ":.-–—)|"  # ... and ends in one of these


_LINK = re.compile(r"\bhttps?://[^\s<>\"'()]+[^\s<>\"'().,;:!?]|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"'()]*[^\s<>\"'().,;:!?])?",
                   re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)


def links_in(text: str) -> list[str]:
    """Web addresses a practice's own text gives (its website, a page to read more), as https links, once each."""
    found = [m.group() if m.group().lower().startswith("http") else f"https://{m.group()}"
             for m in _LINK.finditer(text)]
    return list(dict.fromkeys(found))


def emails_in(text: str) -> list[str]:
    """E-mail addresses in a practice's own text: whom to contact."""
    return list(dict.fromkeys(m.group() for m in _EMAIL.finditer(text)))


def readable_text(text: str) -> str:
    """Source text as a card shows it: no markdown emphasis markers, no item numbers or bullets at line starts."""
    return _ITEM_MARK.sub("", _MARKUP.sub("", text))


def body_text(record: Record) -> str:
    """The record's readable text without its title, so a card never says the title twice.

    The title may follow a short label on the first line ("Thema 2: …", "W13 – …"); a record
    whose text is only its title has no body (an empty string).
    """
    text = readable_text(record.text).strip()
    shown_title = readable_text(record.title).strip()  # numbering is gone from the text, so from the title too
    title = _FOLD.sub(" ", shown_title.lower()).strip()
    lines = text.split("\n")
    skip = 0  # blank lines and a label on a line of its own ("Thema 2:") before the title
    while skip < min(3, len(lines) - 1) and (not lines[skip].strip() or _is_label(lines[skip])):
        skip += 1
    first, rest = lines[skip], "\n".join(lines[skip + 1:])
    for start in [0] + [m.end() for m in re.finditer(r"\s+", first[:TITLE_LABEL_CHARS])]:
        label = first[:start].rstrip()
        if label and label[-1] not in LABEL_ENDS:
            continue
        if title and _FOLD.sub(" ", first[start:].lower()).strip().startswith(title):
            tail = first[start + _title_end(first[start:], shown_title):].lstrip(" :.-–—)")
            return (tail + "\n" + rest if tail else rest).strip()
    return text


def _is_label(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= TITLE_LABEL_CHARS and line[-1] in LABEL_ENDS


def _title_end(line: str, title: str) -> int:
    """Where the title ends in ``line``, matching word characters only (punctuation may differ)."""
    wanted = _FOLD.sub("", title.lower())
    seen = 0
    for i, ch in enumerate(line):
        if seen == len(wanted):
            return i
        if _FOLD.sub("", ch.lower()):
            seen += 1
    return len(line)
