"""How fast the app answers in a real browser: first search after a restart, and later searches.

    python bench/browser.py [--home DIR] [--repeat 3] [--screenshots docs/]

Starts `streamlit run web/server.py` over a knowledge base (by default a fresh one with
the bundled corpus ingested and approved, as `make run` leaves it), opens the
search page in Debian's chromium, and times each search from pressing Enter to
the result cards being drawn. Each round restarts the server, so the first search
of a round is a first search after a restart. Prints the figures; asserts nothing.
With --screenshots it also saves the search page, a detail view and the map
(the README's pictures), taken on the same base.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
QUERIES = ("dak- en thuisloosheid regionaal", "sociale kruidenier", "jongeren die uit de jeugdhulp stromen",
           "armoede bij ouderen", "vrijwilligers in de buurt", "schuldhulpverlening", "eenzaamheid",
           "wonen en huisvesting", "kinderarmoede", "gezondheid en zorg")


def demo_home(folder: Path) -> Path:
    """The bundled corpus ingested and approved, as `make run` leaves a fresh machine."""
    kb = [sys.executable, "-m", "kb", "--home", str(folder)]
    subprocess.run([*kb, "ingest", "corpus/"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run([*kb, "status", "approved", "--all-drafts", "--user", "bench"], cwd=ROOT, check=True,
                   capture_output=True)
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "web/server.py", "--server.headless", "true", "--server.port",
               str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "KB_HOME": str(home)},
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"streamlit did not start:\n{log.read_text()}")


def settled(page: Page) -> None:
    """Wait until Streamlit has finished its run (no running indicator, stale elements or placeholders)."""
    page.wait_for_timeout(50)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"], [data-stale=\"true\"],"
        " [data-testid=\"stSkeleton\"], [data-testid=\"stAppSkeleton\"], [data-testid=\"stSkeletonElement\"]')",
        timeout=120_000)


def timed_search(page: Page, query: str) -> float:
    """Seconds from pressing Enter to this query's result cards being drawn."""
    box = page.get_by_label("Zoek in de praktijkenbank")
    box.fill(query)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query, timeout=120_000)
    page.locator(".pb-card").first.wait_for(state="visible", timeout=120_000)
    settled(page)
    return time.perf_counter() - started


def screenshots(url: str, folder: Path) -> None:
    """The search page, a detail view and the map for "dak- en thuisloosheid regionaal", as a newcomer sees them."""
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000})
        page.goto(f"{url}/?q=dak-+en+thuisloosheid+regionaal")
        page.locator(".pb-card").first.wait_for(state="visible", timeout=120_000)
        settled(page)
        page.screenshot(path=str(folder / "screenshot-search.png"))
        page.get_by_text("Toon op de kaart").click()
        page.locator('path[aria-roledescription="geoshape"]').first.wait_for(state="visible", timeout=120_000)
        settled(page)
        page.screenshot(path=str(folder / "screenshot-map.png"))
        page.get_by_role("button", name="Details en bron").first.click()
        page.locator(".pb-own").wait_for(state="visible", timeout=120_000)
        settled(page)
        page.evaluate("() => document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
        page.screenshot(path=str(folder / "screenshot-detail.png"))
        browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, help="knowledge-base folder (default: a fresh demo base)")
    ap.add_argument("--repeat", type=int, default=3, help="server restarts")
    ap.add_argument("--screenshots", type=Path, help="also save the README's screenshots in this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        home = args.home or demo_home(Path(tmp) / "kb")
        opened, first, later = [], [], []
        for _ in range(args.repeat):
            process, url = start_server(home, Path(tmp) / "streamlit.log")
            try:
                with sync_playwright() as pw:
                    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                    page = browser.new_page(viewport={"width": 1300, "height": 900})
                    started = time.perf_counter()
                    page.goto(url)
                    page.get_by_label("Zoek in de praktijkenbank").wait_for(state="visible", timeout=120_000)
                    settled(page)
                    opened.append(time.perf_counter() - started)
                    first.append(timed_search(page, QUERIES[0]))
                    later += [timed_search(page, q) for q in QUERIES[1:]]
                    browser.close()
            finally:
                process.terminate()
                process.wait(timeout=20)
        if args.screenshots:
            process, url = start_server(home, Path(tmp) / "streamlit.log")
            try:
                screenshots(url, args.screenshots)
            finally:
                process.terminate()
                process.wait(timeout=20)
    print(f"page ready after a restart: median {statistics.median(opened):.2f} s  (runs: "
          + ", ".join(f"{t:.2f}" for t in opened) + ")")
    print(f"first search after a restart: median {statistics.median(first):.2f} s  max {max(first):.2f} s  (runs: "
          + ", ".join(f"{t:.2f}" for t in first) + ")")
    print(f"later searches: median {statistics.median(later):.2f} s  p90 "
          f"{statistics.quantiles(later, n=10)[-1]:.2f} s  ({len(later)} searches)")


if __name__ == "__main__":
    main()
