"""Curation end to end in Debian's chromium: a curator logs in, corrects a record, approves it, a viewer finds it.

The server runs `streamlit run app.py` over a demo KB built with the real model
(tests/test_app.py); the browser is driven by Playwright, never a downloaded one.
"""
from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from test_app import build_demo_kb, by_title
from test_browser import CHROMIUM, WAIT_MS, chromium_page, running_app

from kb import KnowledgeBase, Record, Settings
from kb.accounts import Accounts

pytestmark = pytest.mark.browser

CURATOR, PASSWORD = "ria", "een-lang-wachtwoord"
TITLE = "Buurtwerk 't Zand in Brugge"
THEME = "Buurtwerk en leefbaarheid"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Record, Path]]:
    """The demo KB with one record back in draft, two accounts, and a server over it."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    home = tmp_path_factory.mktemp("curation-browser-kb")
    build_demo_kb(home)
    kb = KnowledgeBase(Settings.from_env(home=home))
    try:
        record = by_title(kb.records(), TITLE)
        record = kb.curation.set_status(record.id, "draft", record.version, "setup")
        accounts = Accounts(kb.store)
        accounts.add(CURATOR, PASSWORD, "curator")
        accounts.add("tom", "nog-een-lang-wachtwoord", "curator")
    finally:
        kb.close()
    with running_app(home) as url:
        yield url, record, home


@pytest.fixture
def browser_page() -> Iterator[Page]:
    with chromium_page(viewport={"width": 1400, "height": 1000}) as page:
        yield page


def log_in(page: Page, username: str, password: str) -> None:
    field = page.get_by_label("Gebruikersnaam")
    if not field.is_visible():  # the expander stays open after a failed attempt
        page.get_by_text("Inloggen voor redacteurs").click()
    field.fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()



def pick(page: Page, label: str, option: str) -> None:
    """Add one option to the multiselect labelled `label` (typing narrows the long gazetteer list)."""
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    box.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def test_viewer_cannot_reach_the_curation_page(server: tuple[str, Record, Path], browser_page: Page) -> None:
    url, record, _ = server
    page = browser_page
    page.goto(f"{url}/redactie")
    page.get_by_text("Praktijkenbank lokaal sociaal beleid").wait_for(state="visible")
    assert page.get_by_role("link", name="Nakijken en bewerken").count() == 0
    assert page.get_by_role("button", name="Opslaan").count() == 0
    assert page.get_by_role("heading", name="Nakijken en bewerken").count() == 0
    page.goto(f"{url}/?id={record.id}")  # a draft is not shown to viewers, not even by a shared link
    page.get_by_text("nog) niet openbaar").wait_for(state="visible")


def test_curator_edits_approves_and_a_viewer_finds_it_by_the_new_filter(server: tuple[str, Record, Path],
                                                                           browser_page: Page) -> None:
    url, record, _ = server
    page = browser_page
    page.goto(url)
    log_in(page, CURATOR, PASSWORD)
    page.get_by_text(f"Ingelogd als {CURATOR}").wait_for(state="visible")
    page.get_by_role("link", name="Nakijken en bewerken").click()
    page.get_by_role("heading", name="Nakijken en bewerken").wait_for(state="visible")
    page.get_by_text(f"nummer {record.id}").wait_for(state="visible")  # the only draft opens first
    source = page.locator(".pb-source, .pb-own").first
    source.wait_for(state="visible")
    assert "<script>alert(1)</script>" in page.locator("body").inner_text()  # literal text, never markup

    pick(page, "Gemeenten", "Deerlijk")
    pick(page, "Thema's", THEME)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Opgeslagen (versie").wait_for(state="visible")
    page.get_by_role("button", name="Goedkeuren").click()
    page.get_by_text("Status: Goedgekeurd").wait_for(state="visible")

    viewer = page.context.browser.new_page(viewport={"width": 1300, "height": 900})
    viewer.set_default_timeout(WAIT_MS)
    viewer.goto(f"{url}/?gemeente=Deerlijk&thema={THEME.replace(' ', '+')}")
    card = viewer.locator(".pb-card").filter(has_text=TITLE)
    card.wait_for(state="visible")
    assert viewer.locator(".pb-card").count() == 1
    assert viewer.locator("script:has-text('alert(1)')").count() == 0


def failures(home: Path, username: str) -> int:
    with sqlite3.connect(home / "kb.sqlite3") as db:
        return int(db.execute("SELECT COUNT(*) FROM login_failures WHERE username = ?", (username,)).fetchone()[0])


def test_login_is_throttled_after_repeated_failures(server: tuple[str, Record, Path], browser_page: Page) -> None:
    url, _, home = server
    page = browser_page
    page.goto(url)
    page.get_by_text("Praktijkenbank lokaal sociaal beleid").wait_for(state="visible")
    for attempt in range(5):
        log_in(page, "tom", f"fout-wachtwoord-{attempt}")
        page.get_by_text("Onbekende gebruikersnaam of fout wachtwoord").wait_for(state="visible")
        deadline = time.monotonic() + 60
        while failures(home, "tom") < attempt + 1 and time.monotonic() < deadline:
            time.sleep(0.2)  # the server has handled this attempt before the next one is typed
        assert failures(home, "tom") == attempt + 1
    log_in(page, "tom", "nog-een-lang-wachtwoord")
    page.get_by_text("Te veel mislukte pogingen").wait_for(state="visible")
    assert page.get_by_text("Ingelogd als tom").count() == 0
