"""Print and share a workshop: a PDF with one page per table, Markdown, CSV and XLSX (kb/listing.py reuses
its printed cards for a list of search results).

The PDF is what moderators lay on the tables: a page per table with its theme
and a card per practice (title, place, partners, target group, a short
summary, speakers and the event it was shown at). It uses DejaVu Sans (Debian's
fonts-dejavu-core) for Dutch accents and typographic punctuation, and falls
back to fpdf2's core Helvetica with latin-1 text when that font is missing.
Summaries are shortened until a table's cards fit on its page.
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from kb.knowledge import KnowledgeBase
from kb.labels import body_text, date_label, event_label, kind_label, place_label
from kb.record import Record
from kb.workshop import ShortlistItem, Table, Workshop, get_workshop, tables, unseated

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
SUMMARY_LIMITS = (420, 320, 240, 170, 110, 60, 0)   # characters tried, longest first, until the page fits
FORMATS = ("pdf", "md", "csv", "xlsx")
Statuses = Sequence[str] | None  # keep only records of these statuses (what a visitor may see); None: all
COLUMNS = {
    "table": "Tafel", "table_name": "Tafelnaam", "title": "Praktijk", "kind": "Soort", "municipalities": "Gemeenten",
    "region": "Regio", "provinces": "Provincies", "themes": "Thema's", "target_groups": "Doelgroepen",
    "partners": "Partners", "speakers": "Sprekers", "event": "Evenement", "event_date": "Datum", "note": "Notitie",
    "summary": "Samenvatting", "source": "Bron", "record_id": "Record-id",
}
INK = (33, 37, 41)
MUTED = (105, 112, 120)
ACCENT = (31, 59, 99)
CARD_FILL = (246, 248, 251)
CARD_EDGE = (205, 214, 226)


# ---------------------------------------------------------------- rows (CSV, XLSX)
def summary(record: Record, limit: int = 320) -> str:
    """The record's text without its title line, cut at a word boundary."""
    flat = re.sub(r"\s+", " ", body_text(record)).strip()
    if limit <= 0:
        return ""
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _row(item: ShortlistItem, table: Table | None) -> dict[str, object]:
    r = item.record
    return {
        "table": table.position if table else None, "table_name": table.name if table else "", "title": r.title,
        "kind": kind_label(r.kind), "municipalities": ", ".join(r.municipalities), "region": r.region or "",
        "provinces": ", ".join(r.provinces), "themes": ", ".join(r.themes),
        "target_groups": ", ".join(r.target_groups), "partners": ", ".join(r.partners),
        "speakers": ", ".join(r.speakers), "event": r.event or "", "event_date": r.event_date or "",
        "note": item.note, "summary": summary(r), "source": f"{r.source} [{r.start}:{r.end}]", "record_id": r.id,
    }


def workshop_frame(kb: KnowledgeBase, workshop_id: int, statuses: Statuses = None) -> pd.DataFrame:
    """One row per shortlisted practice, seated ones by table first, with Dutch column names."""
    rows = [_row(item, table) for table in tables(kb, workshop_id, statuses) for item in table.items]
    rows += [_row(item, None) for item in unseated(kb, workshop_id, statuses)]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["table"] = frame["table"].astype("Int64")
    return frame.rename(columns=COLUMNS)


def to_csv(kb: KnowledgeBase, workshop_id: int, statuses: Statuses = None) -> bytes:
    return csv_bytes(workshop_frame(kb, workshop_id, statuses))


def to_xlsx(kb: KnowledgeBase, workshop_id: int, statuses: Statuses = None) -> bytes:
    return xlsx_bytes(workshop_frame(kb, workshop_id, statuses), "Tafels")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, so Excel opens the accents right."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    """One sheet, columns as wide as their content (up to 60 characters), the header row frozen."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet_name)
        sheet = writer.sheets[sheet_name]
        for column, name in zip(sheet.columns, frame.columns, strict=True):
            width = max([len(str(name))] + [min(60, len(str(v))) for v in frame[name].tolist()])
            sheet.column_dimensions[column[0].column_letter].width = width + 2
        sheet.freeze_panes = "A2"
    return buffer.getvalue()


# ---------------------------------------------------------------- Markdown
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Record text shows literally in Markdown: the characters that would become markup are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text).strip())


def workshop_heading(workshop: Workshop) -> str:
    return " · ".join(part for part in (date_label(workshop.date), workshop.place) if part)


def _md_item(item: ShortlistItem) -> list[str]:
    r = item.record
    lines = [f"### {_md(r.title)}", ""]
    fields = [("Waar", place_label(r)), ("Partners", ", ".join(r.partners)),
              ("Doelgroep", ", ".join(r.target_groups)), ("Sprekers", ", ".join(r.speakers)),
              ("Bron", " · ".join(p for p in (r.event, r.event_date) if p)), ("Notitie", item.note)]
    lines += [f"- **{label}:** {_md(value)}" for label, value in fields if value]
    lines += ["", _md(summary(r)), ""]
    return lines


def to_markdown(kb: KnowledgeBase, workshop_id: int, statuses: Statuses = None) -> str:
    workshop = get_workshop(kb, workshop_id)
    lines = [f"# {_md(workshop.title)}", ""]
    if workshop_heading(workshop):
        lines += [_md(workshop_heading(workshop)), ""]
    for table in tables(kb, workshop_id, statuses):
        lines += [f"## {_md(table.label)}", ""]
        if table.themes():
            lines += [f"*Thema's: {_md(', '.join(table.themes()))}*", ""]
        for item in table.items:
            lines += _md_item(item)
    waiting = unseated(kb, workshop_id, statuses)
    if waiting:
        lines += ["## Nog niet aan een tafel", ""]
        for item in waiting:
            lines += _md_item(item)
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- PDF
class PrintDocument(FPDF):
    """An A4 document in the Praktijkenbank style: fonts with Dutch accents, a footer with title and page."""

    def __init__(self, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc_title = title
        self.base_font = self._fonts()
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(auto=True, margin=16)
        self.set_title(title)
        self.set_creator("Praktijkenbank")

    def _fonts(self) -> str:
        if all((FONT_DIR / name).exists() for name in FONT_FILES.values()):
            for style, name in FONT_FILES.items():
                self.add_font("DejaVu", style, str(FONT_DIR / name))
            return "DejaVu"
        return "Helvetica"

    def text_of(self, value: str) -> str:
        """Core fonts know latin-1 only; anything else becomes '?' rather than an error."""
        if self.base_font == "DejaVu":
            return value
        replaced = value.replace("…", "...").replace("–", "-").replace("—", "-").replace("’", "'")
        return replaced.encode("latin-1", "replace").decode("latin-1")

    def style(self, size: float, style: str = "", color: tuple[int, int, int] = INK) -> None:
        self.set_font(self.base_font, style, size)
        self.set_text_color(*color)

    def footer(self) -> None:
        self.set_y(-11)
        self.style(7.5, "", MUTED)
        left = self.text_of(f"Praktijkenbank · {self.doc_title}")
        self.cell(0, 4, left, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, f"{self.page_no()} / {{nb}}", align="R")


@dataclass
class CardBlock:
    """One paragraph of a card: font size, style, colour, text."""

    size: float
    style: str
    color: tuple[int, int, int]
    text: str
    gap: float = 0.6


CARD_PAD = 3.2
CARD_GAP = 4.0


class _Document(PrintDocument):
    def __init__(self, workshop: Workshop) -> None:
        super().__init__(workshop.title)
        self.workshop = workshop


def _card_blocks(pdf: PrintDocument, item: ShortlistItem, limit: int) -> list[CardBlock]:
    return record_blocks(pdf, item.record, limit, item.note)


def record_blocks(pdf: PrintDocument, r: Record, limit: int, note: str = "") -> list[CardBlock]:
    """A practice as the paragraphs of a printed card; the summary cut to ``limit`` characters."""
    meta = " · ".join(p for p in (kind_label(r.kind), place_label(r)) if p)
    blocks = [CardBlock(11.5, "B", INK, r.title, 0.8), CardBlock(8.5, "", ACCENT, meta, 1.2)]
    fields = [("Partners", ", ".join(r.partners)), ("Doelgroep", ", ".join(r.target_groups)),
              ("Sprekers / contact", ", ".join(r.speakers))]
    blocks += [CardBlock(8.5, "", INK, f"{label}: {value}") for label, value in fields if value]
    text = summary(r, limit)
    if text:
        blocks.append(CardBlock(9, "", INK, text, 1.2))
    source = event_label(r) or r.source
    blocks.append(CardBlock(7.5, "I", MUTED, f"Getoond op: {source}"))
    if note:
        blocks.append(CardBlock(8, "I", ACCENT, f"Notitie: {note}"))
    return [CardBlock(b.size, b.style, b.color, pdf.text_of(b.text), b.gap) for b in blocks]


def _line_height(size: float) -> float:
    return size * 0.47


def blocks_height(pdf: PrintDocument, blocks: list[CardBlock], width: float) -> float:
    total = 0.0
    for block in blocks:
        pdf.style(block.size, block.style, block.color)
        total += pdf.multi_cell(width, _line_height(block.size), block.text, align="L", dry_run=True,
                                output=MethodReturnValue.HEIGHT) + block.gap
    return total + 2 * CARD_PAD


def draw_card(pdf: PrintDocument, blocks: list[CardBlock], height: float) -> None:
    x, y, width = pdf.l_margin, pdf.get_y(), pdf.epw
    pdf.set_fill_color(*CARD_FILL)
    pdf.set_draw_color(*CARD_EDGE)
    pdf.set_line_width(0.3)
    pdf.rect(x, y, width, height, style="DF", round_corners=True, corner_radius=2.5)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(x, y + 2, 1.4, height - 4, style="F")
    pdf.set_xy(x + CARD_PAD + 2, y + CARD_PAD)
    inner = width - 2 * CARD_PAD - 2
    for block in blocks:
        pdf.style(block.size, block.style, block.color)
        pdf.set_x(x + CARD_PAD + 2)
        pdf.multi_cell(inner, _line_height(block.size), block.text, align="L", new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
        pdf.set_y(pdf.get_y() + block.gap)
    pdf.set_y(y + height + CARD_GAP)


def _page_header(pdf: _Document, table: Table) -> None:
    workshop = pdf.workshop
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 9, style="F")
    pdf.set_xy(pdf.l_margin, 2.4)
    pdf.style(8.5, "B", (255, 255, 255))
    heading = " · ".join(p for p in (workshop.title, date_label(workshop.date), workshop.place) if p)
    pdf.cell(pdf.epw, 4.5, pdf.text_of(heading))
    pdf.set_xy(pdf.l_margin, 15)
    pdf.style(22, "B", ACCENT)
    pdf.cell(pdf.epw, 10, f"Tafel {table.position}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if table.name:
        pdf.style(14, "B", INK)
        pdf.multi_cell(pdf.epw, 6.5, pdf.text_of(table.name), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.style(9, "", MUTED)
    themes = ", ".join(table.themes()) or "—"
    count = len(table.items)
    line = f"Thema's: {themes}   ·   {count} {'praktijk' if count == 1 else 'praktijken'}"
    pdf.multi_cell(pdf.epw, 5, pdf.text_of(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*CARD_EDGE)
    pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.w - pdf.r_margin, pdf.get_y() + 2)
    pdf.set_y(pdf.get_y() + 6)


def _fitting_cards(pdf: _Document, table: Table) -> list[tuple[list[CardBlock], float]]:
    """The longest summaries for which all the table's cards fit under the header on one page."""
    room = pdf.h - pdf.b_margin - pdf.get_y()
    width = pdf.epw - 2 * CARD_PAD - 2
    cards: list[tuple[list[CardBlock], float]] = []
    for limit in SUMMARY_LIMITS:
        cards = []
        for item in table.items:
            blocks = _card_blocks(pdf, item, limit)
            cards.append((blocks, blocks_height(pdf, blocks, width)))
        if sum(h for _, h in cards) + CARD_GAP * (len(cards) - 1) <= room:
            break
    return cards


def _table_page(pdf: _Document, table: Table) -> None:
    pdf.add_page()
    _page_header(pdf, table)
    if not table.items:
        pdf.style(10, "I", MUTED)
        pdf.multi_cell(pdf.epw, 5, "Nog geen praktijken aan deze tafel.")
        return
    for blocks, height in _fitting_cards(pdf, table):
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        draw_card(pdf, blocks, height)
    _note_lines(pdf)


NOTE_SPACING = 8.0


def _note_lines(pdf: _Document) -> None:
    """Ruled lines in the space left on the page, for what the table wants to remember."""
    bottom = pdf.h - pdf.b_margin - 2
    if bottom - pdf.get_y() < 4 * NOTE_SPACING:
        return
    pdf.style(9.5, "B", MUTED)
    pdf.cell(pdf.epw, 6, "Notities van de tafel", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*CARD_EDGE)
    pdf.set_line_width(0.2)
    y = pdf.get_y() + NOTE_SPACING
    while y <= bottom:
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        y += NOTE_SPACING


def to_pdf(kb: KnowledgeBase, workshop_id: int, statuses: Statuses = None) -> bytes:
    """One A4 page per table (more only when a table holds too many practices to fit)."""
    workshop = get_workshop(kb, workshop_id)
    pdf = _Document(workshop)
    for table in tables(kb, workshop_id, statuses):
        _table_page(pdf, table)
    if pdf.page == 0:
        pdf.add_page()
    return bytes(pdf.output())


# ---------------------------------------------------------------- one entry point
MEDIA_TYPES = {"pdf": "application/pdf", "md": "text/markdown", "csv": "text/csv",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def export(kb: KnowledgeBase, workshop_id: int, fmt: str, statuses: Statuses = None) -> bytes:
    """The workshop in one of FORMATS, as bytes ready to write or download; only records of `statuses` if given."""
    if fmt == "pdf":
        return to_pdf(kb, workshop_id, statuses)
    if fmt == "md":
        return to_markdown(kb, workshop_id, statuses).encode("utf-8")
    if fmt == "csv":
        return to_csv(kb, workshop_id, statuses)
    if fmt == "xlsx":
        return to_xlsx(kb, workshop_id, statuses)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def file_name(workshop: Workshop, fmt: str) -> str:
    """A safe download name from the workshop title: "workshop-armoede-en-wonen.pdf"."""
    plain = unicodedata.normalize("NFKD", workshop.title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "workshop"
    return f"workshop-{slug}.{fmt}"
