"""The order in which `make test` hands out test files: seconds per file from a '--durations=0' report."""
import importlib.util
import json
from pathlib import Path

TESTS = Path(__file__).parent
TOOL = TESTS.parent / "tools" / "test_durations.py"
spec = importlib.util.spec_from_file_location("test_durations", TOOL)
test_durations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(test_durations)

REPORT = """============================= slowest durations =============================
40.64s call     tests/test_curation_browser.py::test_seven_parallel_wrong_logins_lock_the_account
13.92s setup    tests/test_curation_browser.py::test_viewer_cannot_reach_the_curation_page
9.69s call     tests/test_places.py::test_local_government_running_a_practice[Het OCMW van Mechelen werkt.-expected0]
0.01s teardown tests/test_places.py::test_local_government_running_a_practice[Het OCMW van Mechelen werkt.-expected0]
942 passed, 1 skipped in 465.22s (0:07:45)
"""


def test_setup_call_and_teardown_add_up_per_file_longest_first() -> None:
    found = test_durations.durations(REPORT)
    assert list(found) == ["tests/test_curation_browser.py", "tests/test_places.py"]
    assert found["tests/test_curation_browser.py"] == 54.6 and found["tests/test_places.py"] == 9.7


def test_every_file_in_the_committed_order_still_exists() -> None:
    for name in json.loads((TESTS / "durations.json").read_text(encoding="utf-8")):
        assert (TESTS.parent / name).is_file(), f"{name} is gone: run tools/test_durations.py again"
