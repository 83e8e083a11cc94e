"""Take a search with you: the results a reader sees as CSV, XLSX and a printable PDF list.

The app hands over exactly the records it shows, in the order shown; each row
carries a permanent link to the practice when the app knows its own address.
Dates are ISO in the spreadsheets (so they sort) and in words in the PDF.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from kb import export
from kb.export import (
    ACCENT,
    CARD_PAD,
    MUTED,
    CardBlock,
    PrintDocument,
    blocks_height,
    csv_bytes,
    draw_card,
    record_blocks,
    summary,
    xlsx_bytes,
)
from kb.labels import BELGIAN_TIME, date_label, kind_label
from kb.record import Record

COLUMNS = {
    "title": "Praktijk", "kind": "Soort", "municipalities": "Gemeenten", "region": "Regio",
    "provinces": "Provincies", "themes": "Thema's", "target_groups": "Doelgroepen", "partners": "Partners",
    "speakers": "Sprekers", "event": "Evenement", "event_date": "Datum", "summary": "Samenvatting",
    "link": "Link", "record_id": "Record-id",
}
SHEET = "Praktijken"
PDF_SUMMARY_CHARS = 420


@dataclass
class Listing:
    """What was searched and what was shown: the records in order, the query and the active filters."""

    records: Sequence[Record]
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    link_base: str = ""  # the app's address of a practice without its id ("https://…/?id="); empty: no links

    def description(self) -> str:
        """ "zoekopdracht „wonen” · Gemeente: Gent, Mechelen": what the list answers, in words."""
        parts = [f"zoekopdracht „{self.query.strip()}”"] if self.query.strip() else []
        parts += [f"{label}: {', '.join(values)}" for label, values in self.filters.items() if values]
        return " · ".join(parts) or "alle praktijken"

    def link_of(self, record: Record) -> str:
        return self.link_base + record.id if self.link_base else ""


def frame(listing: Listing) -> pd.DataFrame:
    """One row per shown record, in the order shown, with Dutch column names."""
    rows = [{
        "title": r.title, "kind": kind_label(r.kind), "municipalities": ", ".join(r.municipalities),
        "region": r.region or "", "provinces": ", ".join(r.provinces), "themes": ", ".join(r.themes),
        "target_groups": ", ".join(r.target_groups), "partners": ", ".join(r.partners),
        "speakers": ", ".join(r.speakers), "event": r.event or "", "event_date": r.event_date or "",
        "summary": summary(r), "link": listing.link_of(r), "record_id": r.id,
    } for r in listing.records]
    return pd.DataFrame(rows, columns=list(COLUMNS)).rename(columns=COLUMNS)


def to_csv(listing: Listing) -> bytes:
    return csv_bytes(frame(listing))


def to_xlsx(listing: Listing) -> bytes:
    return xlsx_bytes(frame(listing), SHEET)


def to_pdf(listing: Listing, now: datetime | None = None) -> bytes:
    """An A4 list: what was searched and when, then a card per practice (cards never split over pages)."""
    pdf = PrintDocument("Zoekresultaten")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.style(18, "B")
    pdf.multi_cell(pdf.epw, 9, "Praktijkenbank: zoekresultaten", new_x="LMARGIN", new_y="NEXT")
    when = date_label((now or datetime.now(BELGIAN_TIME)).astimezone(BELGIAN_TIME).date())
    count = len(listing.records)
    line = f"{listing.description()} · {count} {'praktijk' if count == 1 else 'praktijken'} · {when}"
    pdf.style(9.5, "", MUTED)
    pdf.multi_cell(pdf.epw, 5, pdf.text_of(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 4)
    width = pdf.epw - 2 * CARD_PAD - 2
    for record in listing.records:
        blocks = record_blocks(pdf, record, PDF_SUMMARY_CHARS)
        link = listing.link_of(record)
        if link:
            blocks.append(CardBlock(7.5, "", ACCENT, pdf.text_of(link)))
        height = blocks_height(pdf, blocks, width)
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        draw_card(pdf, blocks, height)
    if not listing.records:
        pdf.style(10, "I")
        pdf.multi_cell(pdf.epw, 5, "Geen praktijken.")
    return bytes(pdf.output())


WRITERS = {"csv": to_csv, "xlsx": to_xlsx, "pdf": to_pdf}
MEDIA_TYPES = {fmt: export.MEDIA_TYPES[fmt] for fmt in WRITERS}
