"""Exports of a workshop: PDF (a page per table), Markdown, CSV and XLSX round trips."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader
from test_workshop import store_records

from kb import KnowledgeBase, Record, export
from kb import workshop as ws


@pytest.fixture
def workshop(fake_kb: KnowledgeBase) -> tuple[KnowledgeBase, ws.Workshop, list[Record]]:
    records = store_records(fake_kb)
    w = ws.create_workshop(fake_kb, "Inspiratiedag welzijn – thematafels", date="2025-10-02", place="Mechelen",
                           n_tables=3)
    ws.add_items(fake_kb, w.id, [r.id for r in records[:9]])
    ws.set_note(fake_kb, w.id, records[1].id, "Spreker bevestigd")
    ws.propose_tables(fake_kb, w.id, seed=0)
    ws.add_items(fake_kb, w.id, [records[9].id])  # shortlisted, not yet at a table
    return fake_kb, w, records


def test_pdf_has_a_page_per_table_with_dutch_text(workshop) -> None:  # noqa: ANN001 - fixture tuple
    kb, w, records = workshop
    data = export.to_pdf(kb, w.id)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 3
    first = reader.pages[0].extract_text()
    assert "Tafel 1" in first and "thematafels" in first
    everything = "".join(page.extract_text() for page in reader.pages)
    for record in records[:9]:
        assert record.title in everything.replace("\n", " ")
    assert "Coördinator Westhoek" in everything and "€ 5" in everything
    assert records[9].title not in everything  # not seated, so not printed


def test_pdf_keeps_a_full_table_on_one_page(fake_kb: KnowledgeBase) -> None:
    """Six practices at one table: the summaries get shorter so the table still gets one page."""
    records = store_records(fake_kb)
    w = ws.create_workshop(fake_kb, "Eén grote tafel", n_tables=1)
    ws.add_items(fake_kb, w.id, [r.id for r in records[:6]])
    ws.propose_tables(fake_kb, w.id)
    assert len(PdfReader(io.BytesIO(export.to_pdf(fake_kb, w.id))).pages) == 1


def test_csv_round_trip(workshop) -> None:  # noqa: ANN001
    kb, w, records = workshop
    frame = pd.read_csv(io.BytesIO(export.to_csv(kb, w.id)), encoding="utf-8-sig")
    assert list(frame.columns) == list(export.COLUMNS.values())
    assert len(frame) == 10 and set(frame["Record-id"]) == {r.id for r in records}
    assert frame["Tafel"].isna().sum() == 1
    assert set(frame["Tafel"].dropna().astype(int)) == {1, 2, 3}
    row = frame.set_index("Record-id").loc[records[1].id]
    assert row["Notitie"] == "Spreker bevestigd" and row["Gemeenten"] == "Mechelen"


def test_xlsx_round_trip(workshop) -> None:  # noqa: ANN001
    kb, w, records = workshop
    frame = pd.read_excel(io.BytesIO(export.to_xlsx(kb, w.id)), sheet_name="Tafels")
    assert len(frame) == 10
    assert frame.set_index("Record-id").loc[records[7].id, "Sprekers"] == "Coördinator Westhoek"


def test_markdown_lists_tables_and_escapes_record_text(workshop) -> None:  # noqa: ANN001
    kb, w, records = workshop
    text = export.to_markdown(kb, w.id)
    assert text.startswith("# Inspiratiedag welzijn – thematafels\n")
    assert text.count("\n## Tafel ") == 3 and "## Nog niet aan een tafel" in text
    assert "- **Notitie:** Spreker bevestigd" in text


def test_markdown_escape() -> None:
    assert export._md("<b>*x*</b> [a](b)") == "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b)"


def test_export_dispatch_and_file_name(workshop) -> None:  # noqa: ANN001
    kb, w, _ = workshop
    assert export.export(kb, w.id, "pdf").startswith(b"%PDF")
    assert export.export(kb, w.id, "xlsx").startswith(b"PK")
    with pytest.raises(ValueError):
        export.export(kb, w.id, "docx")
    assert export.file_name(w, "pdf") == "workshop-inspiratiedag-welzijn-thematafels.pdf"
