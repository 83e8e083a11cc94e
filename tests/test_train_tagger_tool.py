"""The tagger's trainer reads the tune texts that are there; one that could not be fetched again is named, left out."""
import importlib.util
import json
from pathlib import Path

import pytest

TOOL = Path(__file__).parent.parent / "tools" / "train_tagger.py"
spec = importlib.util.spec_from_file_location("train_tagger", TOOL)
train_tagger = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train_tagger)

TEXT = ("Buurtrestaurant De Smaak\n\nIn Lier kookt het buurtrestaurant elke middag voor wie weinig verdient. "
        "Vrijwilligers en het OCMW werken samen.\n")


def test_a_missing_tune_text_is_named_and_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "z01.txt").write_text(TEXT, encoding="utf-8")
    manifest = [{"id": "z01", "source": "z01.txt", "split": "tune"},
                {"id": "z02", "source": "z02.txt", "split": "tune"},
                {"id": "z03", "source": "z03.txt", "split": "heldout"}]
    gold = [{"id": "z01-01", "source": "z01.txt", "start": 0, "end": len(TEXT.rstrip()), "kind": "practice",
             "title": "Buurtrestaurant De Smaak (Lier)", "municipalities": ["Lier"]},
            {"id": "z02-01", "source": "z02.txt", "start": 0, "end": 50, "kind": "practice", "title": "Weg",
             "municipalities": []}]
    for name, rows in (("manifest", manifest), ("gold", gold)):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(train_tagger, "DEVSET", tmp_path)
    docs = train_tagger.load()
    assert [d["id"] for d in docs] == ["z01"] and [g["id"] for g in docs[0]["gold"]] == ["z01-01"]
    assert "1 tune texts are missing and left out: z02.txt" in capsys.readouterr().out
