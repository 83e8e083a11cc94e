"""Taking a search along: CSV, XLSX and PDF hold exactly the shown records, in order, with their links."""
from __future__ import annotations

import io

import pandas as pd
from pypdf import PdfReader

from kb import Record, listing

RECORDS = [
    Record(source="s.txt", start=0, end=10, kind="practice", title="Sociale kruidenier Mechelen",
           text="Sociale kruidenier Mechelen\nBetaalbare voeding voor mensen in **armoede**.",
           municipalities=["Mechelen"], provinces=["Antwerpen"], themes=["Armoedebestrijding"],
           event="Trefdag Sociaal", event_date="2024-03-21"),
    Record(source="s.txt", start=10, end=20, kind="session", title="Kracht.wonen – regio W13",
           text="Regionale aanpak van dak- en thuisloosheid; „één loket” voor Kortrijk en Menen.", region="W13"),
]
SHOWN = listing.Listing(RECORDS, "armoede", {"Gemeente": ["Mechelen"]}, "http://localhost:8501/?id=")


def test_csv_holds_the_shown_records_in_order_with_links() -> None:
    table = pd.read_csv(io.BytesIO(listing.to_csv(SHOWN)), encoding="utf-8-sig")
    assert table["Praktijk"].tolist() == [r.title for r in RECORDS]
    assert table["Record-id"].tolist() == [r.id for r in RECORDS]
    assert table["Link"].tolist() == [f"http://localhost:8501/?id={r.id}" for r in RECORDS]
    assert table.loc[0, "Soort"] == "praktijk" and table.loc[1, "Soort"] == "sessie"
    assert table.loc[0, "Samenvatting"] == "Betaalbare voeding voor mensen in armoede."


def test_xlsx_matches_the_csv() -> None:
    table = pd.read_excel(io.BytesIO(listing.to_xlsx(SHOWN)), sheet_name=listing.SHEET).fillna("")
    csv = pd.read_csv(io.BytesIO(listing.to_csv(SHOWN)), encoding="utf-8-sig", dtype=str).fillna("")
    assert table.astype(str).values.tolist() == csv.values.tolist()


def test_pdf_lists_what_was_searched_and_every_shown_record() -> None:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(listing.to_pdf(SHOWN))).pages)
    assert "zoekopdracht „armoede”" in text and "Gemeente: Mechelen" in text and "2 praktijken" in text
    for record in RECORDS:
        assert record.title in text
    assert "21 maart 2024" in text and "„één loket”" in text


def test_no_links_when_the_address_is_unknown_and_an_empty_list_still_prints() -> None:
    bare = listing.Listing(RECORDS[:1])
    assert pd.read_csv(io.BytesIO(listing.to_csv(bare)), encoding="utf-8-sig")["Link"].isna().all()
    assert bare.description() == "alle praktijken"
    assert "Geen praktijken" in PdfReader(io.BytesIO(listing.to_pdf(listing.Listing([])))).pages[0].extract_text()
