"""Two annotators' agreement is scored like records are: one-to-one pairs by span overlap, then fields."""
import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location("agreement", Path(__file__).parent.parent / "tools" / "agreement.py")
agreement = importlib.util.module_from_spec(spec)
spec.loader.exec_module(agreement)


def rec(start: int, end: int, title: str, towns: list[str], kind: str = "practice", source: str = "z01.txt") -> dict:
    return {"source": source, "start": start, "end": end, "title": title, "municipalities": towns, "kind": kind}


GOLD = [rec(0, 100, "Buurtrestaurant De Smaak (Lier)", ["Lier"]), rec(100, 200, "Sociale kruidenier", ["Lier"]),
        rec(0, 50, "Elders", [], source="z02.txt")]


def test_an_annotation_agrees_fully_with_itself_on_the_texts_it_covers():
    r = agreement.agreement(GOLD, GOLD[:2])
    assert (r["texts"], r["gold"], r["paired"]) == (1, 2, 2)
    assert r["records_f1"] == r["kind"] == r["municipalities_f1"] == r["titles"] == 1.0


def test_a_merged_record_pairs_with_at_most_one_and_titles_may_drop_their_context():
    second = [rec(0, 190, "Buurtrestaurant De Smaak", ["Lier", "Nijlen"], kind="session")]
    r = agreement.agreement(GOLD, second)
    assert r["paired"] == 1 and r["records_f1"] == 2 / 3
    assert r["kind"] == 0.0 and r["municipalities_f1"] == 2 / 3 and r["titles"] == 1.0
    assert agreement.agreement(GOLD, [rec(0, 40, "Buurtrestaurant", ["Lier"])])["paired"] == 0  # overlap 0.4
