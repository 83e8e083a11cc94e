"""Dutch words for record values, shared by the app (web/) and the exports (kb/export.py).

Plain text only: HTML and Streamlit live in web/, so the library stays free of the web layer.
"""
from __future__ import annotations

from kb.record import Record

KIND_LABELS: dict[str, str] = {"practice": "praktijk", "session": "sessie", "theme-table": "thematafel"}
KIND_FROM_LABEL: dict[str, str] = {label: kind for kind, label in KIND_LABELS.items()}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def place_label(record: Record) -> str:
    """Where the practice happens: its municipalities, else its region, else its provinces."""
    if record.municipalities:
        return ", ".join(record.municipalities)
    if record.region:
        return f"regio {record.region}"
    return ", ".join(record.provinces)


def event_label(record: Record) -> str:
    return " · ".join(part for part in (record.event, record.event_date) if part)


def body_text(record: Record) -> str:
    """The record's text without its leading title line, so a card does not say the title twice."""
    text = record.text.strip()
    if text.startswith(record.title):
        rest = text[len(record.title):].lstrip(" :.-–\n")
        return rest or text
    return text
