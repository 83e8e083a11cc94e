"""The workshops page in a real browser: a moderator logs in, creates a workshop, shortlists from a search,
proposes 4 tables, moves a practice, downloads the PDF and renders its first page (with KB_REFRESH_DOCS=1 it
replaces docs/workshop-pdf-page1.png, the image the README shows); a visitor can open a public workshop but not
create, change or delete one.

`streamlit run web/server.py` runs in a subprocess over ten hand-made practices embedded with the real model;
Debian's chromium is driven by Playwright.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import Error as PlaywrightError
from pypdf import PdfReader
from test_app import ROOT
from test_browser import CHROMIUM, new_page, running_app, settle
from test_curation_browser import logged_in
from test_workshop import store_records

from kb import KnowledgeBase, Settings
from kb import workshop as ws
from kb.accounts import Accounts

pytestmark = pytest.mark.browser

PNG = ROOT / "docs" / "workshop-pdf-page1.png"
TITLE = "Inspiratiedag Lokaal Welzijn – thematafels"
MODERATOR, PASSWORD = "mia", "een-lang-wachtwoord"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A streamlit server over the practices; always terminated, even when the test fails."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    home = tmp_path_factory.mktemp("workshop-browser-kb")
    kb = KnowledgeBase(Settings.from_env(home=home))
    try:
        store_records(kb)
        kb.store.upsert([replace(r, status="approved") for r in kb.records()])  # what viewers may see
        kb.reindex()
        Accounts(kb.store).add(MODERATOR, PASSWORD, "moderator")
        for title, public in (("Privé voorbereiding", False), ("Open tafels", True)):
            w = ws.create_workshop(kb, title, n_tables=2, owner=MODERATOR)
            ws.add_items(kb, w.id, [r.id for r in kb.records()[:4]])
            ws.propose_tables(kb, w.id)
            ws.share_workshop(kb, w.id, public=public)
    finally:
        kb.close()
    with running_app(home) as url:
        yield url


@pytest.fixture
def page(server: str, browser: Browser) -> Iterator[Page]:
    with new_page(browser, viewport={"width": 1400, "height": 1000}, accept_downloads=True) as page:
        yield page


def success(page: Page, text: str) -> None:
    """Wait for the flash message a change leaves on the next run."""
    page.get_by_test_id("stAlertContentSuccess").filter(has_text=text).wait_for(state="visible")


def titles_at(page: Page, position: int) -> list[str]:
    return page.locator(f".st-key-table-{position} .ws-practice b").all_inner_texts()


def test_a_visitor_cannot_create_change_or_delete_a_workshop(server: str, page: Page) -> None:
    page.goto(f"{server}/workshops?workshop=1")  # the private one, by its address
    page.get_by_role("heading", name="Open tafels").wait_for(state="visible")
    expect(page.get_by_text("U bekijkt deze workshop")).to_be_visible()
    assert page.get_by_text("Privé voorbereiding").count() == 0
    expect(page.locator(".ws-practice")).to_have_count(4)
    for control in ("Workshop aanmaken", "Workshop verwijderen", "Opslaan", "Tafels voorstellen", "Vergrendelen",
                    "Verwijderen", "Toevoegen aan workshop", "Delen bewaren"):
        assert page.get_by_role("button", name=control).count() == 0, control
    assert page.get_by_label("Naam van de tafel").count() == 0 and page.get_by_label("Titel").count() == 0
    assert page.get_by_role("tab", name="Praktijken zoeken").count() == 0
    expect(page.get_by_text("Log in als moderator")).to_be_visible()


def test_prepare_tables_and_print(server: str, page: Page, tmp_path: Path) -> None:
    page.goto(f"{server}/workshops")
    logged_in(page, MODERATOR, PASSWORD)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Nieuwe workshop").click()
    sidebar.get_by_label("Titel").fill(TITLE)
    sidebar.get_by_label("Plaats").fill("Mechelen")
    sidebar.get_by_role("button", name="Workshop aanmaken").click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()

    box = page.get_by_label("Zoek praktijken")
    box.fill("armoede")
    box.press("Enter")
    first = page.locator(".pb-card").first
    first.wait_for(state="visible")
    first_title = first.locator(".pb-title").inner_text()
    page.get_by_role("button", name="Toevoegen aan workshop").first.click()
    success(page, "1 praktijk op de shortlist gezet")
    page.get_by_role("button", name="nieuwe toevoegen").click()
    success(page, "praktijken op de shortlist gezet")
    expect(page.get_by_text("Staat op de shortlist")).to_have_count(10)

    page.get_by_role("tab", name="Tafels").click()
    page.get_by_role("button", name="Tafels voorstellen").click()
    success(page, "Tafels voorgesteld")
    expect(page.locator("[class*='st-key-table-'] .ws-practice b")).to_have_count(10)  # all four tables drawn
    sizes = [len(titles_at(page, p)) for p in range(1, 5)]
    assert sorted(sizes) == [2, 2, 3, 3]
    assert first_title in sum((titles_at(page, p) for p in range(1, 5)), [])

    moving = titles_at(page, 1)[0]
    page.locator(".st-key-table-1 [data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Tafel 2", exact=True).click()
    success(page, "Praktijk verplaatst")
    expect(page.locator(".st-key-table-2 .ws-practice b").filter(has_text=moving)).to_have_count(1)
    assert moving in titles_at(page, 2) and moving not in titles_at(page, 1)

    page.get_by_role("tab", name="Afdrukken en delen").click()
    pdf = download_pdf(page, tmp_path)
    if moving not in PdfReader(pdf).pages[1].extract_text().replace("\n", " "):
        # under load a click can reach the button of the run before the move; the next run's button must be right
        page.wait_for_timeout(2000)
        pdf = download_pdf(page, tmp_path)
    assert pdf.name == "workshop-inspiratiedag-lokaal-welzijn-thematafels.pdf"
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert len(reader.pages) == 4
    assert "Tafel 1" in reader.pages[0].extract_text() and TITLE in reader.pages[0].extract_text()
    assert moving in reader.pages[1].extract_text().replace("\n", " ")
    page.goto(f"{server}/redactie")  # a curation page's address: still logged in, but a moderator may not edit
    page.get_by_text("uw account (moderator) geeft er geen toegang toe").wait_for(state="visible")
    assert page.get_by_role("button", name="Opslaan").count() == 0 and page.get_by_text("Page not found").count() == 0
    png = render_first_page(pdf, tmp_path / "page1.png")
    if os.environ.get("KB_REFRESH_DOCS") == "1":
        shutil.copyfile(png, PNG)  # the image the README shows; a plain test run leaves the checkout as it was


def download_pdf(page: Page, folder: Path) -> Path:
    """The PDF the button gives once the app has finished its run. Under load a run that ends between the click
    and the transfer replaces the file and Chromium cancels the download; the button of the new run then works."""
    for _ in range(3):
        settle(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="PDF (een pagina per tafel)").click()
        pdf = folder / download.value.suggested_filename
        try:
            download.value.save_as(pdf)
            return pdf
        except PlaywrightError as exc:
            if "canceled" not in str(exc):
                raise
    raise AssertionError("the PDF download was canceled three times in a row")


def render_first_page(pdf: Path, png: Path) -> Path:
    """The PDF's first page as a PNG, as a moderator would see it printed."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils); PDF checked, PNG not rendered")
    subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)
    assert png.stat().st_size > 10_000
    return png
