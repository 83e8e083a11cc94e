"""Take the README screenshot of the search app: `python tools/screenshot.py [--url URL] [--query Q]`.

Needs a running app (`streamlit run app.py`) and Debian's chromium; it uses the
system browser through Playwright, never a downloaded one.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DEFAULT_URL = "http://localhost:8501"
DEFAULT_QUERY = "dak- en thuisloosheid regionaal"
DEFAULT_OUT = ROOT / "docs" / "screenshot-search.png"


def search_url(base: str, query: str) -> str:
    return f"{base.rstrip('/')}/?{urlencode({'q': query})}"


def take(url: str, query: str, out: Path, width: int = 1400, height: int = 1000, timeout_s: float = 180) -> Path:
    """Open the search, wait until the results are fully rendered, and save a full-page PNG."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(search_url(url, query), timeout=timeout_s * 1000)
            wait_for_results(page, timeout_s * 1000)
            fit_height(page, height)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()
    return out


def wait_for_results(page, timeout_ms: float) -> None:  # noqa: ANN001 - playwright Page
    """Result cards are visible and Streamlit's "running" indicator has gone."""
    page.locator(".pb-card").first.wait_for(state="visible", timeout=timeout_ms)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout_ms)
    page.locator('[data-testid="stSpinner"]').wait_for(state="hidden", timeout=timeout_ms)
    page.evaluate("document.fonts.ready")


def fit_height(page, minimum: int, maximum: int = 4000) -> None:  # noqa: ANN001 - playwright Page
    """Grow the viewport to the app's content: Streamlit scrolls inside its main pane, not the page."""
    content = page.evaluate("Math.max(...[...document.querySelectorAll("
                            "'[data-testid=stMain], [data-testid=stMainBlockContainer]')]"
                            ".map(e => e.scrollHeight), 0)")
    height = max(minimum, min(maximum, int(content) + 40))
    page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL, help=f"the running app (default {DEFAULT_URL})")
    parser.add_argument("--query", default=DEFAULT_QUERY, help=f"the search to show (default {DEFAULT_QUERY!r})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the PNG")
    parser.add_argument("--width", type=int, default=1400, help="viewport width in pixels")
    args = parser.parse_args(argv)
    path = take(args.url, args.query, args.out, width=args.width)
    print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
