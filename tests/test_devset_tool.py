"""The development-set tool rebuilds a text from a re-fetched excerpt only when it is the text on record."""
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("devset_tool", Path(__file__).parent.parent / "tools" / "devset.py")
devset = importlib.util.module_from_spec(spec)
spec.loader.exec_module(devset)

EXCERPT = ("Home › Nieuws\nBuurtrestaurant in Lier\n\nHet OCMW opent een buurtrestaurant voor alleenstaande "
           "ouderen.\n• 12u: Middagmaal\n• 13u: Koffie en gesprek met de vrijwil")
SAVED = EXCERPT[len("Home › Nieuws\n"):EXCERPT.rindex("\n")] + "\n"


@pytest.fixture
def devset_dir(tmp_path, monkeypatch):
    entry = {"id": "z01", "source": "z01.txt", "sha256": hashlib.sha256(SAVED.encode()).hexdigest()}
    (tmp_path / "manifest.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    monkeypatch.setattr(devset, "DEVSET", tmp_path)
    monkeypatch.setattr(devset, "ROOT", tmp_path.parent)
    return tmp_path


def test_recover_finds_the_trim_the_collector_saved(devset_dir):
    message = devset.recover("z01", EXCERPT)
    assert ": ok," in message
    assert (devset_dir / "texts" / "z01.txt").read_bytes() == SAVED.encode()


def test_recover_saves_nothing_when_the_excerpt_differs(devset_dir):
    message = devset.recover("z01", EXCERPT.replace("buurtrestaurant", "buurtresto"))
    assert "no trim" in message
    assert not (devset_dir / "texts" / "z01.txt").exists()


def test_recover_names_an_unknown_id(devset_dir):
    assert "no such id" in devset.recover("q99", EXCERPT)


def test_recover_also_tries_the_excerpt_without_line_end_spaces(devset_dir):
    spaced = EXCERPT.replace("ouderen.\n", "ouderen. \n")
    assert ": ok," in devset.recover("z01", spaced)


def test_merge_adds_new_batches_and_keeps_the_earlier_ones() -> None:
    current = [{"id": "a01", "v": 1}, {"id": "a02", "v": 1}]
    new = [{"id": "a02", "v": 2}, {"id": "b01", "v": 1}]
    assert devset.merged(current, new, "id") == [{"id": "a01", "v": 1}, {"id": "a02", "v": 2}, {"id": "b01", "v": 1}]


def test_committed_annotations_hold_spans_not_the_texts_words() -> None:
    """The texts are other people's words and stay out of git: gold and second annotations give offsets only."""
    root = Path(__file__).parent.parent / "devset"
    files = [root / "gold.jsonl", *sorted((root / "agreement").glob("*.jsonl"))]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert "text" not in record, f"{path.name}: {record.get('id')} carries the text itself"
