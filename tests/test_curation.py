"""Curation on a real store and FAISS index (fake embedder): edits, locking, merge/split, undo, re-ingest."""
from __future__ import annotations

import shutil

import numpy as np
import pytest

from ingest.run import ingest_paths, preview_upload
from kb import KnowledgeBase, Settings
from kb.errors import InvalidRecord, VersionConflict
from tests.conftest import FakeEmbedder


@pytest.fixture
def kb(two_sources_kb):
    return two_sources_kb


def practice(kb: KnowledgeBase, n: int = 0):
    return [r for r in kb.records() if r.kind == "practice"][n]


def index_matches_store(kb: KnowledgeBase) -> None:
    """The incrementally updated view ranks exactly like one built from scratch over the store."""
    assert kb.check(repair=False) == []
    searcher = kb.searcher()
    assert {r.id: r for r in searcher.records} == {r.id: r for r in kb.records()}
    fresh = KnowledgeBase(kb.settings, embedder=FakeEmbedder())
    try:
        for query, filters in (("sociale kruidenier", {}), ("armoede", {"status": ["approved", "draft"]}),
                               ("Nieuwe titel", {}), ("", {"municipality": ["Mechelen"]})):
            ours, theirs = kb.search(query, filters, k=10), fresh.search(query, filters, k=10)
            assert [(h.record.id, round(h.score, 5)) for h in ours.hits] == \
                   [(h.record.id, round(h.score, 5)) for h in theirs.hits]
            assert ours.facets == theirs.facets
    finally:
        fresh.close()


def test_edit_validates_against_gazetteer_and_taxonomy(kb):
    record = practice(kb)
    with pytest.raises(InvalidRecord) as err:
        kb.curation.edit(record.id, {"municipalities": ["Atlantis"], "themes": ["Ruimtevaart"]},
                         record.version, "ann")
    assert "Atlantis" in str(err.value) and "Ruimtevaart" in str(err.value)
    assert kb.get(record.id) == record  # nothing written


def test_edit_sets_fields_derives_provinces_and_updates_search(kb):
    record = practice(kb)
    theme = "Armoede"
    from kb.taxonomy import Taxonomy

    theme = Taxonomy.default().themes()[0].name
    edited = kb.curation.edit(record.id, {"municipalities": ["deerlijk"], "themes": [theme]}, record.version, "ann")
    assert edited.municipalities == ["Deerlijk"]
    assert edited.provinces == ["West-Vlaanderen"]
    assert edited.themes == [theme]
    assert edited.version == record.version + 1
    assert {"municipalities", "themes"} <= set(edited.curated)
    found = kb.search("", {"municipality": ["Deerlijk"], "theme": [theme]}, k=50)
    assert record.id in [h.record.id for h in found.hits]
    index_matches_store(kb)


def test_second_save_on_an_old_version_is_refused_with_the_other_change(kb):
    record = practice(kb)
    kb.curation.edit(record.id, {"title": "Eerste curator"}, record.version, "ann")
    with pytest.raises(VersionConflict) as err:
        kb.curation.edit(record.id, {"title": "Tweede curator"}, record.version, "bob")
    message = str(err.value)
    assert "ann" in message and "title" in message
    assert err.value.user == "ann" and "title" in err.value.fields
    assert kb.get(record.id).title == "Eerste curator"


def test_two_knowledge_bases_on_one_home_cannot_overwrite_each_other(kb):
    other = KnowledgeBase(kb.settings, embedder=FakeEmbedder())
    try:
        record = practice(kb)
        kb.curation.set_status(record.id, "approved", record.version, "ann")
        with pytest.raises(VersionConflict):
            other.curation.set_status(record.id, "hidden", record.version, "bob")
        assert other.search("", {"status": ["approved"]}, k=5).hits[0].record.id == record.id
    finally:
        other.close()


def test_audit_log_and_undo(kb):
    record = practice(kb)
    kb.curation.edit(record.id, {"title": "Nieuwe titel"}, record.version, "ann")
    approved = kb.curation.set_status(record.id, "approved", record.version + 1, "bob")
    history = kb.curation.history(record.id)
    assert [(c.action, c.user) for c in history] == [("approved", "bob"), ("edit", "ann")]
    assert history[1].before.title == record.title and history[1].after.title == "Nieuwe titel"
    assert history[0].fields() == ["status"]
    kb.curation.undo(record.id, "bob")
    back = kb.get(record.id)
    assert back.status == "draft" and back.title == "Nieuwe titel" and back.version == approved.version + 1
    kb.curation.undo(record.id, "bob")  # undoing the undo redoes it
    assert kb.get(record.id).status == "approved"
    index_matches_store(kb)


def test_undo_is_refused_when_the_record_changed_since(kb):
    a, b = practice(kb, 0), practice(kb, 1)
    merged = kb.curation.merge([a.id, b.id], "ann")
    kb.curation.edit(a.id, {"title": "Later"}, merged.version, "bob")
    with pytest.raises(VersionConflict, match="changed since"):
        kb.curation.undo(b.id, "ann")  # b's last change is the merge, but a moved on since
    kb.curation.undo(a.id, "ann")  # bob's edit
    kb.curation.undo(b.id, "ann")  # now the merge can go
    assert kb.get(b.id).title == b.title
    assert kb.get(a.id).origins == a.origins and kb.get(a.id).title == a.title


def test_merge_keeps_every_source_and_undo_restores(kb, corpus_files):
    first = [r for r in kb.records() if r.source == corpus_files[0].name and r.kind == "practice"][0]
    second = [r for r in kb.records() if r.source == corpus_files[1].name and r.kind == "practice"][0]
    merged = kb.curation.merge([first.id, second.id], "ann")
    assert merged.id == first.id
    assert (second.source, second.start, second.end) in merged.spans()
    origin = merged.origins[0]
    assert origin["event"] == second.event and origin["id"] == second.id
    assert set(second.municipalities) <= set(merged.municipalities)
    assert kb.store.find(second.id) is None
    index_matches_store(kb)
    kb.curation.undo(first.id, "ann")
    assert kb.get(second.id).title == second.title
    assert kb.get(first.id).origins == []
    index_matches_store(kb)


def test_merged_record_survives_reingest_of_both_sources(kb, corpus_files):
    first = [r for r in kb.records() if r.source == corpus_files[0].name and r.kind == "practice"][0]
    second = [r for r in kb.records() if r.source == corpus_files[1].name and r.kind == "practice"][0]
    kb.curation.merge([first.id, second.id], "ann")
    count = len(kb.records())
    ingest_paths(kb, corpus_files[:2])
    assert len(kb.records()) == count
    assert kb.store.find(second.id) is None
    assert len(kb.get(first.id).spans()) == 2


def test_split_keeps_provenance_and_survives_reingest(kb, corpus_files):
    record = max((r for r in kb.records() if r.kind == "practice"), key=lambda r: len(r.text))
    at = record.text.index(" ", len(record.text) // 2)
    first, second = kb.curation.split(record.id, at, "Tweede praktijk", record.version, "ann")
    source = kb.store.source_text(record.source)
    assert first.id == record.id
    assert source[first.start:first.end] == first.text
    assert source[second.start:second.end] == second.text
    assert first.start == record.start and second.end == record.end
    count = len(kb.records())
    ingest_paths(kb, [p for p in corpus_files if p.name == record.source])
    assert len(kb.records()) == count  # the pipeline's unsplit record is not added back
    assert kb.get(second.id).title == "Tweede praktijk"
    kb.curation.undo(second.id, "ann")
    assert kb.store.find(second.id) is None and kb.get(record.id).text == record.text
    index_matches_store(kb)


def test_split_reads_each_parts_fields_from_its_own_text(fake_kb):
    from ingest.pipeline import refresh_fields

    text = ("Het OCMW van Brugge opent een sociale kruidenier voor gezinnen in armoede. "
            "Vrijwilligers van vzw De Schakel helpen in de winkel.\n"
            "In Genk start de stad een project rond eenzaamheid bij ouderen met huisbezoeken.")
    whole = fake_kb.curation.add({"title": "Twee praktijken", "text": text, "kind": "practice",
                                  "municipalities": ["Brugge", "Genk"]}, "ann")
    at = text.index("In Genk")
    first, second = fake_kb.curation.split(whole.id, at, "Huisbezoeken in Genk", whole.version, "ann",
                                           refresh=refresh_fields)
    assert first.municipalities == ["Brugge"] and second.municipalities == ["Genk"]
    assert first.provinces == ["West-Vlaanderen"] and second.provinces == ["Limburg"]
    assert "municipalities" not in first.curated and "municipalities" not in second.curated
    assert "Ouderen" in second.target_groups and "Ouderen" not in first.target_groups


def test_curated_fields_survive_reingest_of_a_changed_source(kb, corpus_files, tmp_path):
    path = corpus_files[0]
    record = [r for r in kb.records() if r.source == path.name and r.kind == "practice"][1]
    kb.curation.edit(record.id, {"municipalities": ["Mechelen"]}, record.version, "ann")
    kb.curation.set_status(record.id, "approved", record.version + 1, "ann")
    changed = tmp_path / path.name
    text = path.read_text(encoding="utf-8")
    changed.write_text("Nieuwe inleiding bovenaan het programma.\n\n" + text + "\n\n"
                       "Sessie 99: Een gloednieuwe buurtwerking in Gent\n"
                       "De stad Gent toont hoe buurtwerkers armoede in kaart brengen.\n", encoding="utf-8")
    ingest_paths(kb, [changed])
    kept = kb.get(record.id)  # same id although the text moved
    assert kept.municipalities == ["Mechelen"] and kept.status == "approved"
    assert kb.store.source_text(path.name)[kept.start:kept.end] == kept.text
    new = [r for r in kb.records() if r.source == path.name and "buurtwerking" in r.title.lower()]
    assert new and all(r.status == "draft" for r in new)
    index_matches_store(kb)


def test_add_by_hand_is_a_curated_record_with_its_own_source(kb):
    record = kb.curation.add({"title": "Buurtkruidenier", "text": "Een sociale kruidenier in Lier.",
                              "municipalities": ["Lier"]}, "ann")
    assert record.status == "draft" and record.provinces == ["Antwerpen"]
    assert kb.store.source_text(record.source)[record.start:record.end] == record.text
    assert kb.curation.history(record.id)[0].action == "add"
    assert record.id in [h.record.id for h in kb.search("sociale kruidenier Lier", k=5).hits]
    kb.curation.undo(record.id, "ann")
    assert kb.store.find(record.id) is None


def test_upload_preview_stores_nothing_until_accepted(kb, corpus_files):
    path = corpus_files[2]
    count = len(kb.records())
    preview = preview_upload(kb, path.name, path.read_bytes())
    assert preview.records and len(kb.records()) == count
    kept = preview.records[:2]
    from dataclasses import replace

    kept[0] = replace(kept[0], title="Titel door curator")
    stored = kb.curation.accept(preview, kept, "ann")
    assert len(kb.records()) == count + 2 and len(stored) == 2
    assert "title" in kb.get(kept[0].id).curated and kb.get(kept[0].id).status == "draft"
    index_matches_store(kb)


def test_a_crash_in_the_middle_of_a_save_leaves_store_and_index_consistent(kb, monkeypatch):
    record = practice(kb)
    before = kb.records()

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(kb.store, "log_change", boom)  # fails after the record row was written
    with pytest.raises(RuntimeError):
        kb.curation.edit(record.id, {"title": "Half"}, record.version, "ann")
    assert kb.records() == before
    monkeypatch.undo()
    index_matches_store(kb)


def test_a_crash_between_store_and_index_is_repaired_on_open(kb, monkeypatch):
    record = practice(kb)
    monkeypatch.setattr(type(kb), "sync_index", lambda self, save=True: None)
    kb.curation.edit(record.id, {"title": "Nieuwe titel na crash"}, record.version, "ann")
    monkeypatch.undo()
    reopened = KnowledgeBase(Settings.from_env(home=kb.settings.home), embedder=FakeEmbedder())
    try:
        assert "older than the store" in reopened.check(repair=False)[0]
        reopened.search("Nieuwe titel na crash", k=1)  # opening the index rebuilds it
        assert reopened.check(repair=False) == []
        vector = reopened.index().vector(reopened.store.rowid_of(record.id))
        expected = FakeEmbedder().passages([reopened.get(record.id).embedding_text()])[0]
        assert np.allclose(vector, expected, atol=1e-6)
    finally:
        reopened.close()


def test_merge_suggestions_find_the_same_practice_twice(fake_kb, corpus_files, tmp_path):
    copy = tmp_path / ("copy-" + corpus_files[0].name)
    shutil.copy(corpus_files[0], copy)
    ingest_paths(fake_kb, [corpus_files[0], copy])
    suggestions = fake_kb.curation.suggestions(limit=100)
    pairs = {frozenset((s.left.source, s.right.source)) for s in suggestions}
    assert frozenset((corpus_files[0].name, copy.name)) in pairs
    top = suggestions[0]
    assert top.left.title == top.right.title and top.cosine > 0.99


def test_uploading_a_known_file_again_keeps_the_rest_and_undo_restores(kb, corpus_files):
    from dataclasses import replace

    path = corpus_files[0]
    count = len(kb.records())
    preview = preview_upload(kb, path.name, path.read_bytes())
    first = preview.records[0]
    original = kb.get(first.id)
    kb.curation.accept(preview, [replace(first, title="Nieuwe titel bij het opladen")], "ann")
    assert len(kb.records()) == count  # the records not kept are left alone
    assert kb.get(first.id).title == "Nieuwe titel bij het opladen"
    kb.curation.undo(first.id, "ann")
    assert kb.get(first.id).title == original.title


def test_a_save_without_changes_is_not_a_new_version(kb):
    record = practice(kb)
    assert kb.curation.edit(record.id, {"title": record.title}, record.version, "ann").version == record.version
    assert kb.curation.history(record.id) == []


def test_a_merge_within_one_programme_survives_its_reingest(kb, corpus_files):
    path = corpus_files[0]
    first, second = [r for r in kb.records() if r.source == path.name and r.kind == "practice"][:2]
    kb.curation.merge([first.id, second.id], "ann")
    count = len(kb.records())
    ingest_paths(kb, [path])
    assert len(kb.records()) == count  # the merged-away presentation is not added back as a draft
    assert kb.store.find(second.id) is None


def test_upload_preview_segments_exactly_like_ingest(kb, tmp_path):
    """A lettered programme uploaded in the app gives the records a CLI ingest gives, not one record."""
    text = ("Inspiratiemoment armoede\n\nA. Buurtwerk in de Brugse Poort\n\nHet buurtwerk in Gent organiseert elke "
            "week een ontmoeting voor bewoners van de wijk, met koffie en een luisterend oor voor wie het moeilijk "
            "heeft.\n\nB. Sociale kruidenier Oudenburg\n\nIn Oudenburg opende het OCMW een sociale kruidenier waar "
            "mensen met een laag inkomen goedkoper boodschappen doen, met begeleiding.\n")
    path = tmp_path / "lettered.txt"
    path.write_text(text, encoding="utf-8")
    preview = preview_upload(kb, path.name, path.read_bytes())
    ingest_paths(kb, [path])
    ingested = [(r.start, r.end, r.title, r.kind) for r in kb.records() if r.source == path.name]
    assert [(r.start, r.end, r.title, r.kind) for r in preview.records] == sorted(ingested)
    assert [r.title for r in preview.records] == ["Buurtwerk in de Brugse Poort", "Sociale kruidenier Oudenburg"]


def test_merge_preview_shows_the_merge_without_storing_it(kb):
    first, second = [r for r in kb.records() if r.kind == "practice"][:2]
    before = {r.id: r.version for r in kb.records()}
    preview, records = kb.curation.merge_preview([first.id, second.id])
    assert [r.id for r in records] == [first.id, second.id]
    assert {r.id: r.version for r in kb.records()} == before, "a preview stores nothing"
    merged = kb.curation.merge([first.id, second.id], "test")
    for name in ("municipalities", "themes", "target_groups", "partners", "speakers"):
        assert getattr(merged, name) == getattr(preview, name)


def test_split_points_are_sentence_and_line_starts_only() -> None:
    from kb.curation import split_points

    text = "Eerste zin over het project. Tweede zin met dr. Jansen en o.a. de buurt.\nNieuwe regel! Nog een zin."
    starts = [text[p:p + 6] for p in split_points(text)]
    assert starts == ["Tweede", "Nieuwe", "Nog ee"]
    assert split_points("Eén zin zonder einde") == []


def test_validation_problems_carry_codes_and_values(fake_kb):
    from kb import Record
    from kb.curation import validate

    record = Record(source="a.txt", start=0, end=5, kind="practice", title="Titel", text="Tekst")
    with pytest.raises(InvalidRecord) as refused:
        validate({"title": " ", "municipalities": ["Atlantis"], "themes": ["Ruimtevaart"],
                  "event_date": "21 maart"}, record)
    assert refused.value.code == "record.invalid_fields"
    assert refused.value.values["problems"] == [("empty_title", ""), ("unknown_municipality", "Atlantis"),
                                                 ("unknown_theme", "Ruimtevaart"), ("bad_date", "21 maart")]
    assert "'Atlantis' is not a municipality" in str(refused.value)  # the CLI's English stays
