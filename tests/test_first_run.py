"""A newcomer's first run: `make demo` (what `make run` does first) leaves a base a viewer can search."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_app import ROOT
from test_browser import CHROMIUM, chromium_page, running_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_fresh_base_after_make_demo_answers_the_first_search(tmp_path: Path, real_kb) -> None:  # noqa: ANN001
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    home = tmp_path / "kb"
    home.mkdir()
    # the session's corpus vectors, so the test does not embed the corpus again (the cache is keyed by text)
    shutil.copy(real_kb.settings.cache_path, home / real_kb.settings.cache_path.name)
    env = {**os.environ, "KB_HOME": str(home)}
    made = subprocess.run(["make", "-s", "demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stderr[-2000:]
    assert "approved" in made.stdout
    again = subprocess.run(["make", "-s", "demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "approved" not in again.stdout, "a second run leaves the base alone"
    with running_app(home) as url, chromium_page() as page:
        page.goto(url)
        box = page.get_by_label("Zoek in de praktijkenbank")
        box.fill("dak- en thuisloosheid regionaal")
        box.press("Enter")
        page.locator(".pb-card").first.wait_for(state="visible")
        titles = page.locator(".pb-card:not(.pb-related) .pb-title").all_inner_texts()
        assert titles and any("thuisloosheid" in t.lower() for t in titles)
        assert "nog geen goedgekeurde" not in page.content()
