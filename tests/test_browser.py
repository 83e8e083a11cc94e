"""The app in a real browser: `streamlit run` in a subprocess, driven by Debian's chromium via Playwright."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from test_app import EVENT, ROOT, SOURCE, build_demo_kb, by_title

from kb import Record

pytestmark = pytest.mark.browser

SERVER = str(ROOT / "web" / "server.py")  # app.py behind the login-cookie route, metrics closed
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
STARTUP_TIMEOUT_S = 120
WAIT_MS = 180_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll Streamlit's health endpoint until the server answers (or the process dies)."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"streamlit did not start within {STARTUP_TIMEOUT_S}s:\n{log.read_text()}")


@contextmanager
def running_app(home: Path) -> Iterator[str]:
    """`streamlit run web/server.py` over the KB in `home`; yields its URL and always terminates the server."""
    port = free_port()
    log = home / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", SERVER, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "KB_HOME": str(home)}, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Record]]]:
    """A streamlit server over the demo KB; always terminated, even when a test fails."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    home = tmp_path_factory.mktemp("browser-kb")
    records = build_demo_kb(home)
    with running_app(home) as url:
        yield url, records


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium (never a downloaded browser); it always closes."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def new_page(browser: Browser, **options: object) -> Iterator[Page]:
    """A page in a fresh context of `browser`: its own cookies and storage, as a new visitor has; always closed."""
    context = browser.new_context(**{"viewport": {"width": 1300, "height": 900}, **options})
    try:
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        yield page
    finally:
        context.close()


@contextmanager
def chromium_page(**options: object) -> Iterator[Page]:
    """A page in a browser of its own, for a test that needs no other."""
    with chromium() as browser, new_page(browser, **options) as page:
        yield page


@pytest.fixture
def page(server: tuple[str, list[Record]], browser: Browser) -> Iterator[Page]:
    with new_page(browser) as page:
        yield page


def test_search_then_detail_shows_provenance(server: tuple[str, list[Record]], page: Page) -> None:
    url, records = server
    record = by_title(records, "Sociale kruidenier De Zuurdesem in Mechelen")
    page.goto(url)
    box = page.get_by_label("Zoek in de praktijkenbank")
    box.fill("sociale kruidenier")
    box.press("Enter")
    card = page.locator(".pb-card").filter(has_text=record.title)
    card.wait_for(state="visible")
    assert "Vzw De Zuurdesem" in card.inner_text()
    assert card.locator("mark").count() > 0
    page.wait_for_url("**q=sociale+kruidenier**")

    page.get_by_role("button", name="Details en bron").first.click()
    own = page.locator(".pb-own")
    own.wait_for(state="visible")
    assert "verse voeding aan verminderde prijs" in own.inner_text()
    assert "tot hun vijfentwintigste" in page.locator(".pb-source").inner_text()
    assert f"Uit het programma van {EVENT}" in page.locator(".pb-source-line").inner_text()
    assert SOURCE not in page.content()
    page.wait_for_url(f"**id={record.id}**")


def test_shared_link_shows_script_as_text(server: tuple[str, list[Record]], page: Page) -> None:
    url, records = server
    record = by_title(records, "Buurtwerk 't Zand in Brugge")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{url}/?id={record.id}")
    text = page.locator(".pb-text")
    text.wait_for(state="visible")
    shown = text.inner_text()
    assert "<script>alert(1)</script>" in shown
    assert "*vet* en _schuin_ en $5 per maaltijd :smile: [link](https://example.org)" in shown
    assert page.locator(".pb-text script").count() == 0
    assert not dialogs


def test_filter_stays_selected_when_the_query_changes(server: tuple[str, list[Record]], page: Page) -> None:
    """Filter labels carry counts that change with the query; the selection must survive that."""
    url, _ = server
    page.goto(f"{url}/?q=armoede")
    page.locator(".pb-card").first.wait_for(state="visible")
    municipality = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Gemeente")
    municipality.click()
    page.get_by_role("option", name="Mechelen (2)").click()
    page.wait_for_url("**gemeente=Mechelen**")
    page.keyboard.press("Escape")
    box = page.get_by_label("Zoek in de praktijkenbank")
    box.fill("gezondheid en zorg")
    box.press("Enter")
    page.wait_for_url("**q=gezondheid+en+zorg&gemeente=Mechelen**")
    municipality.get_by_text("Mechelen (1)").wait_for(state="visible")
    expect(page.locator(".pb-card:not(.pb-related) .pb-title")).to_have_text(["Thematafel armoede en gezondheid"],
                                                                             timeout=WAIT_MS)


def test_nonsense_query_says_nothing_matched_and_shows_related(server: tuple[str, list[Record]], page: Page) -> None:
    url, _ = server
    page.goto(f"{url}/?q=xqzvbn")
    page.get_by_text("Verwant, maar geen rechtstreekse treffer", exact=True).wait_for(state="visible")
    page.locator(".pb-card.pb-related").first.wait_for(state="visible")
    assert "Geen praktijk vermeldt" in page.content()
    assert page.locator(".pb-card.pb-related").count() > 0
    assert page.locator(".pb-card:not(.pb-related)").count() == 0


def settle(page: Page) -> None:
    """Wait until Streamlit finished its run: no running indicator, stale elements or placeholders."""
    page.wait_for_timeout(100)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"], [data-stale=\"true\"],"
        " [data-testid=\"stSkeleton\"], [data-testid=\"stAppSkeleton\"]')", timeout=WAIT_MS)


def shown_titles(page: Page) -> list[str]:
    return page.locator(".pb-card:not(.pb-related) .pb-title").all_inner_texts()


def test_back_returns_from_a_detail_to_the_results(server: tuple[str, list[Record]], page: Page) -> None:
    url, records = server
    page.goto(f"{url}/?q=armoede")
    page.locator(".pb-card").first.wait_for(state="visible")
    settle(page)
    before = shown_titles(page)
    page.get_by_role("button", name="Details en bron").first.click()
    page.locator(".pb-own").wait_for(state="visible")
    page.wait_for_url("**id=**")
    link = page.locator('[data-testid="stCode"]').inner_text().strip()
    assert link.startswith(url) and "id=" in link and "q=" not in link
    page.go_back()
    page.wait_for_url(lambda address: "id=" not in address and "q=armoede" in address)
    page.locator(".pb-card").first.wait_for(state="visible")
    settle(page)
    assert page.locator(".pb-own").count() == 0
    assert shown_titles(page) == before
    page.go_forward()
    page.locator(".pb-own").wait_for(state="visible")
    page.goto(link)  # the copied link opens the practice on its own
    page.locator(".pb-own").wait_for(state="visible")


def test_clicking_the_map_filters_on_that_area(server: tuple[str, list[Record]], page: Page) -> None:
    from kb.geography import MapAreas

    url, _ = server
    area = MapAreas.default().by_id[MapAreas.default().areas_of("Mechelen")[0]]
    page.goto(f"{url}/?q=armoede")
    page.locator(".pb-card").first.wait_for(state="visible")
    page.get_by_text("Toon op de kaart").click()
    shape = page.locator(f'path[aria-roledescription="geoshape"][aria-label*="Gebied: {area.name};"]')
    shape.wait_for(state="visible")
    settle(page)
    assert "Aantal: 2 praktijken" in shape.get_attribute("aria-label")
    box = shape.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**gemeente=Mechelen**")
    settle(page)
    titles = shown_titles(page)
    assert titles and all(t in ("Sociale kruidenier De Zuurdesem in Mechelen", "Thematafel armoede en gezondheid")
                          for t in titles)


def test_exports_hold_exactly_the_shown_results(server: tuple[str, list[Record]], page: Page,
                                                tmp_path: Path) -> None:
    import io

    import pandas as pd
    from pypdf import PdfReader

    url, _ = server
    page.goto(f"{url}/?q=wonen&provincie=Oost-Vlaanderen")
    page.locator(".pb-card").first.wait_for(state="visible")
    settle(page)
    titles = shown_titles(page)
    files = {}
    for label, fmt in (("CSV", "csv"), ("Excel", "xlsx"), ("PDF-lijst", "pdf")):
        page.get_by_role("button", name="Download").click()
        with page.expect_download() as download:
            page.get_by_role("button", name=label, exact=True).click()
        files[fmt] = download.value.path().read_bytes()
        page.keyboard.press("Escape")
    assert pd.read_csv(io.BytesIO(files["csv"]), encoding="utf-8-sig")["Praktijk"].tolist() == titles
    assert pd.read_excel(io.BytesIO(files["xlsx"]))["Praktijk"].tolist() == titles
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(files["pdf"])).pages)
    assert all(t in text for t in titles) and "Provincie: Oost-Vlaanderen" in text


def axe_violations(page: Page) -> list[dict]:
    """axe-core (from npm, installed by `make setup-test`) on the current page: serious and critical ones."""
    script = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
    assert script.exists(), "axe-core is missing: run `make setup-test` (npm install --prefix .venv/axe axe-core)"
    page.add_script_tag(path=str(script))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [(n["target"], n["html"][:120]) for n in v["nodes"][:6]]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_no_serious_accessibility_violations(server: tuple[str, list[Record]], page: Page) -> None:
    url, records = server
    record = by_title(records, "Sociale kruidenier De Zuurdesem in Mechelen")
    found = {}
    page.goto(f"{url}/?q=armoede")
    page.locator(".pb-card").first.wait_for(state="visible")
    settle(page)
    found["search"] = axe_violations(page)
    page.get_by_text("Toon op de kaart").click()  # the same results with their map: no second page load
    page.locator('path[aria-roledescription="geoshape"]').first.wait_for(state="visible")
    settle(page)
    found["map"] = axe_violations(page)
    for name, address, ready in (("detail", f"{url}/?id={record.id}", ".pb-own"),
                                 ("workshops", f"{url}/workshops", "h1")):
        page.goto(address)
        page.locator(ready).first.wait_for(state="visible")
        settle(page)
        found[name] = axe_violations(page)
    assert not any(found.values()), found


def test_the_main_flow_works_with_the_keyboard_alone(server: tuple[str, list[Record]], page: Page) -> None:
    url, _ = server
    page.goto(url)
    page.get_by_label("Zoek in de praktijkenbank").wait_for(state="visible")
    settle(page)

    def tab_to(test: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && ({test}); }}"):
                return
        pytest.fail(f"Tab never reached {test}")

    tab_to("e.getAttribute('aria-label') === 'Zoek in de praktijkenbank'")
    page.keyboard.type("sociale kruidenier")
    page.keyboard.press("Enter")
    page.locator(".pb-card").first.wait_for(state="visible")
    settle(page)
    tab_to("e.tagName === 'BUTTON' && e.innerText.trim() === 'Details en bron'")
    page.keyboard.press("Enter")
    page.locator(".pb-own").wait_for(state="visible")
