"""The curator pages (redactie, samenvoegen, toevoegen) driven with AppTest over a small fake-embedded KB.

One corpus file is ingested twice (the second time under another name), so the
merge page has duplicates to suggest. `open_kb()` is pointed at that KB by
setting KB_HOME and swapping the embedder factory for the FakeEmbedder.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ingest.run import ingest_paths
from kb import KnowledgeBase, Record, Settings
from kb.curation import split_points
from tests.conftest import FakeEmbedder

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
VIEWS = ROOT / "web" / "views"
SMALL = ROOT / "corpus" / "002_eb639cf8665dc666.txt"     # a short programme (about a dozen records)
UPLOAD = ROOT / "corpus" / "004_b8c30ef598476138.txt"    # another short one, for the upload preview
TIMEOUT = 60
PASSWORD = "een-lang-wachtwoord"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    """The app's own KB instance (what `open_kb()` returns), built from SMALL and a renamed copy of it."""
    home = tmp_path_factory.mktemp("curation-app")
    copy = home / "upload" / f"kopie-{SMALL.name}"
    copy.parent.mkdir()
    shutil.copy(SMALL, copy)
    patch = pytest.MonkeyPatch()
    patch.setenv("KB_HOME", str(home / "kb"))
    patch.setattr("kb.knowledge.make_embedder", lambda settings: FakeEmbedder())
    builder = KnowledgeBase(Settings.from_env(), embedder=FakeEmbedder())
    try:
        report = ingest_paths(builder, [SMALL, copy])
        assert not report.errors, report.errors
    finally:
        builder.close()
    st.cache_resource.clear()
    from web.state import open_kb

    yield open_kb()
    st.cache_resource.clear()
    patch.undo()


@pytest.fixture(scope="module")
def token(kb: KnowledgeBase) -> str:
    from argon2 import PasswordHasher

    from kb.accounts import Accounts

    accounts = Accounts(kb.store, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    accounts.add("ria", PASSWORD, "curator")
    return accounts.login("ria", PASSWORD).token


def page(name: str, token: str | None = None, **state: object) -> AppTest:
    at = AppTest.from_file(str(VIEWS / name), default_timeout=TIMEOUT)
    if token:
        at.session_state["_kb_session_token"] = token
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def drafts(kb: KnowledgeBase, n: int) -> Record:
    """The n-th draft from SMALL (not the copy), so tests do not step on each other."""
    return [r for r in kb.records() if r.status == "draft" and r.source == SMALL.name][n]


def html_outputs(at: AppTest) -> list[str]:
    """Everything rendered as raw HTML: markdown with unsafe_allow_html and st.html."""
    return [m.value for m in at.markdown if m.allow_html] + [h.proto.body for h in at.get("html")]


# ---------------------------------------------------------------- access
def test_viewer_gets_no_curator_pages(kb: KnowledgeBase, token: str) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Praktijkenbank lokaal sociaal beleid"]
    for view in ("redactie.py", "samenvoegen.py", "toevoegen.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(str(VIEWS / view))

    curator = AppTest.from_file(APP, default_timeout=TIMEOUT)
    curator.session_state["_kb_session_token"] = token
    curator.run()
    for view, title in (("redactie.py", "Nakijken en bewerken"), ("samenvoegen.py", "Dubbels samenvoegen"),
                        ("toevoegen.py", "Toevoegen en opladen")):
        curator.switch_page(str(VIEWS / view)).run()
        assert not curator.exception, curator.exception
        assert [t.value for t in curator.title] == [title]


@pytest.mark.parametrize("view", ["redactie.py", "samenvoegen.py", "toevoegen.py"])
def test_curator_pages_refuse_a_viewer(kb: KnowledgeBase, view: str) -> None:
    at = page(view)
    assert any("alleen voor ingelogde redacteurs" in e.value for e in at.error)
    assert not at.text_input and not at.multiselect and not at.button
    assert len(kb.records()) > 0  # nothing happened to the KB


# ---------------------------------------------------------------- redactie
def test_edit_municipality_and_theme_then_approve(kb: KnowledgeBase, token: str) -> None:
    from kb.taxonomy import Taxonomy

    record = drafts(kb, 0)
    theme = next(t.name for t in Taxonomy.default().themes() if t.name not in record.themes)
    at = page("redactie.py", token, edit_record_id=record.id)
    suffix = f"{record.id}-{record.version}"
    assert at.text_input(key=f"title-{suffix}").value == record.title
    at.multiselect(key=f"municipalities-{suffix}").set_value(["Gent"])
    at.multiselect(key=f"themes-{suffix}").set_value([*record.themes, theme])
    click(at, "Opslaan")
    saved = kb.get(record.id)
    assert saved.municipalities == ["Gent"] and saved.provinces == ["Oost-Vlaanderen"]
    assert theme in saved.themes
    assert saved.version == record.version + 1
    assert any(f"Opgeslagen (versie {saved.version})" in s.value for s in at.success)
    assert at.multiselect(key=f"municipalities-{record.id}-{saved.version}").value == ["Gent"]
    history = [m.value for m in at.markdown if "pb-history" in m.value]
    assert history and "ria" in history[0] and "gemeenten" in history[0]

    click(at, "Goedkeuren")
    approved = kb.get(record.id)
    assert approved.status == "approved" and approved.version == saved.version + 1
    assert "Goedkeuren" not in [b.label for b in at.button]  # already approved: no button that does nothing
    history = [m.value for m in at.markdown if "pb-history" in m.value]
    assert "status: concept → goedgekeurd" in history[0] and "approved" not in history[0]


def test_invalid_date_is_refused_with_the_reason(kb: KnowledgeBase, token: str) -> None:
    record = drafts(kb, 1)
    at = page("redactie.py", token, edit_record_id=record.id)
    at.text_input(key=f"event_date-{record.id}-{record.version}").input("21 maart")
    click(at, "Opslaan")
    assert any("Niet opgeslagen: de datum" in e.value and "JJJJ" in e.value and "21 maart" in e.value
               for e in at.error), [e.value for e in at.error]
    assert not any("is not" in e.value for e in at.error)  # the app's words, not the library's English
    assert kb.get(record.id) == record


def test_conflicting_save_is_refused_and_names_the_other_curator(kb: KnowledgeBase, token: str) -> None:
    record = drafts(kb, 2)
    at = page("redactie.py", token, edit_record_id=record.id)
    suffix = f"{record.id}-{record.version}"
    kb.curation.edit(record.id, {"municipalities": ["Brugge"]}, record.version, "bob")  # behind the page's back
    at.multiselect(key=f"municipalities-{suffix}").set_value(["Gent"])
    click(at, "Opslaan")
    errors = [e.value for e in at.error]
    assert any("intussen gewijzigd door bob" in e and "Uw wijziging is niet bewaard" in e and "gemeenten" in e
               for e in errors), errors
    current = kb.get(record.id)
    assert current.municipalities == ["Brugge"] and current.version == record.version + 1
    assert at.multiselect(key=f"municipalities-{suffix}").value == ["Gent"]  # own edit still on screen

    click(at, "Nieuwe versie laden")
    assert not at.error
    assert at.multiselect(key=f"municipalities-{record.id}-{current.version}").value == ["Brugge"]


def test_undo_restores_the_previous_state(kb: KnowledgeBase, token: str) -> None:
    record = drafts(kb, 3)
    at = page("redactie.py", token, edit_record_id=record.id)
    at.text_input(key=f"title-{record.id}-{record.version}").input("Een betere titel")
    click(at, "Opslaan")
    assert kb.get(record.id).title == "Een betere titel"
    click(at, "Laatste wijziging ongedaan maken")
    restored = kb.get(record.id)
    assert restored.title == record.title and restored.version == record.version + 2
    assert any("ongedaan gemaakt" in s.value for s in at.success)
    assert at.text_input(key=f"title-{record.id}-{restored.version}").value == record.title


def test_status_filter_and_split(kb: KnowledgeBase, token: str) -> None:
    record = max((r for r in kb.records() if r.status == "draft" and r.source == SMALL.name),
                 key=lambda r: len(r.text))
    at = page("redactie.py", token, edit_record_id=record.id)
    at.text_input(key="review_filter").input(record.title[:12]).run()
    picker = at.selectbox(key="review_record")
    assert picker.value == record.id and all(record.title[:12].lower() in o.lower() for o in picker.options)
    suffix = f"{record.id}-{record.version}"
    picker = at.selectbox(key=f"split-at-{suffix}-{len(record.text)}")
    points = split_points(record.text)
    assert picker.options and len(picker.options) == len(points)  # whole sentences and lines only
    cut = min(points, key=lambda p: abs(p - len(record.text) // 2))
    picker.set_value(cut).run()
    at.text_input(key=f"split-title-{suffix}").input("Tweede deel")  # in the form: sent with the click
    before = len(kb.records())
    click(at, "Splitsen")
    assert not at.error, [e.value for e in at.error]
    assert len(kb.records()) == before + 1
    assert kb.get(record.id).text == record.text[:cut].rstrip()
    assert kb.get(record.id).text.endswith((".", "!", "?", ":", ")", "”")) or record.text[cut - 1] == "\n"
    assert any(r.title == "Tweede deel" and r.source == record.source for r in kb.records())


def test_status_filter_lists_other_statuses(kb: KnowledgeBase, token: str) -> None:
    record = drafts(kb, 4)
    kb.curation.set_status(record.id, "hidden", record.version, "bob")
    at = page("redactie.py", token)
    at.selectbox(key="review_status").set_value("hidden").run()
    assert not at.exception, at.exception
    picker = at.selectbox(key="review_record")
    assert picker.value == record.id
    labels = [b.label for b in at.button]
    assert "Verbergen" not in labels and {"Goedkeuren", "Terug naar concept"} <= set(labels)
    click(at, "Terug naar concept")
    assert kb.get(record.id).status == "draft"


def test_edit_button_on_the_search_page_opens_the_record(kb: KnowledgeBase, token: str) -> None:
    record = drafts(kb, 7)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["_kb_session_token"] = token
    at.session_state["include_drafts"] = True
    at.query_params["id"] = record.id
    at.run()
    at.button(key="edit-record").click().run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Nakijken en bewerken"]
    assert at.text_input(key=f"title-{record.id}-{record.version}").value == record.title


def test_script_in_a_title_shows_literally(kb: KnowledgeBase, token: str) -> None:
    record = kb.curation.add({"title": f"Buurtwerk {SCRIPT}", "text": f"Affiche met {SCRIPT} en *vet*."}, "test")
    at = page("redactie.py", token, edit_record_id=record.id)
    assert at.text_input(key=f"title-{record.id}-{record.version}").value == f"Buurtwerk {SCRIPT}"
    outputs = html_outputs(at)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in v for v in outputs)  # the source passage
    for value in outputs:
        assert "<script" not in value.lower()


# ---------------------------------------------------------------- toevoegen
def test_add_by_hand_creates_a_draft(kb: KnowledgeBase, token: str) -> None:
    at = page("toevoegen.py", token)
    at.text_input(key="add-title-0").input("Buurtpensioen in Lokeren")
    at.text_area(key="add-text-0").input("Buren zorgen voor elkaar, met steun van het OCMW.")
    at.multiselect(key="add-municipalities-0").set_value(["Lokeren"])
    click(at, "Toevoegen")
    added = [r for r in kb.records() if r.title == "Buurtpensioen in Lokeren"]
    assert len(added) == 1 and added[0].status == "draft" and added[0].municipalities == ["Lokeren"]
    assert any(added[0].id in s.value for s in at.success)
    assert at.text_input(key="add-title-1").value == ""  # a fresh form for the next one


def test_upload_empty_discard_and_keep(kb: KnowledgeBase, token: str) -> None:
    at = page("toevoegen.py", token)
    at.file_uploader(key="upload-file").upload("leeg.txt", b"", "text/plain")
    click(at, "Voorbeeld maken")
    assert any("empty" in e.value or "leeg" in e.value for e in at.error), [e.value for e in at.error]
    assert not at.data_editor

    count = len(kb.records())
    at.file_uploader(key="upload-file").set_value(("programma-2025.txt", UPLOAD.read_bytes(), "text/plain"))
    click(at, "Voorbeeld maken")
    assert not at.error, [e.value for e in at.error]
    assert len(at.data_editor) == 1
    proposed = len(at.data_editor[0].value)
    assert proposed >= 2
    click(at, "Weggooien")
    assert not at.data_editor and len(kb.records()) == count

    click(at, "Voorbeeld maken")
    table = at.data_editor[0].value
    editor_key = f"preview-editor-{at.session_state['_upload_editor_gen']}"
    at.session_state[editor_key] = {"edited_rows": {0: {"Titel": "Aangepaste titel"}, 1: {"Bewaren": False}},
                                    "added_rows": [], "deleted_rows": []}
    click(at, "Geselecteerde bewaren")
    assert not at.error, [e.value for e in at.error]
    stored = [r for r in kb.records() if r.source == "programma-2025.txt"]
    assert len(stored) == proposed - 1 == len(kb.records()) - count
    titles = {r.title for r in stored}
    assert "Aangepaste titel" in titles and table["Titel"][1] not in titles
    assert all(r.status == "draft" for r in stored)
    assert any(f"{proposed - 1} praktijken bewaard" in s.value for s in at.success)
    assert not at.data_editor


def test_upload_of_a_known_file_name_warns(kb: KnowledgeBase, token: str) -> None:
    at = page("toevoegen.py", token)
    at.file_uploader(key="upload-file").set_value((SMALL.name, SMALL.read_bytes(), "text/plain"))
    click(at, "Voorbeeld maken")
    assert any("al" in w.value and "bestand met deze naam" in w.value for w in at.warning)
    count = len(kb.records())
    click(at, "Weggooien")
    assert len(kb.records()) == count


def test_upload_with_an_unknown_municipality_stores_nothing(kb: KnowledgeBase, token: str) -> None:
    at = page("toevoegen.py", token)
    at.file_uploader(key="upload-file").set_value(("programma-fout.txt", UPLOAD.read_bytes(), "text/plain"))
    click(at, "Voorbeeld maken")
    editor_key = f"preview-editor-{at.session_state['_upload_editor_gen']}"
    at.session_state[editor_key] = {"edited_rows": {0: {"Gemeenten": "Atlantis"}}, "added_rows": [],
                                    "deleted_rows": []}
    click(at, "Geselecteerde bewaren")
    assert any("Atlantis" in e.value for e in at.error)
    assert not [r for r in kb.records() if r.source == "programma-fout.txt"]


# ---------------------------------------------------------------- samenvoegen
def test_merge_suggestions_and_merge(kb: KnowledgeBase, token: str) -> None:
    at = page("samenvoegen.py", token)
    merges = [b for b in at.button if b.key and b.key.startswith("merge-")]
    assert merges, "no merge suggestions shown"
    assert any("Betekenis" in c.value for c in at.caption)

    dismiss = [b for b in at.button if b.key and b.key.startswith("dismiss-")][0]
    hidden_pair = dismiss.key.removeprefix("dismiss-")
    dismiss.click().run()
    assert f"merge-{hidden_pair}" not in [b.key for b in at.button]

    count = len(kb.records())
    button = [b for b in at.button if b.key and b.key.startswith("merge-")][0]
    left_id = button.key.removeprefix("merge-").split("-")[0]
    button.click().run()
    assert not at.exception, at.exception
    assert len(kb.records()) == count - 1
    assert any("2 bronnen" in s.value for s in at.success), [s.value for s in at.success]
    assert len(kb.get(left_id).origins) == 1


def test_manual_merge(kb: KnowledgeBase, token: str) -> None:
    at = page("samenvoegen.py", token)
    assert "manual-merge" not in [b.key for b in at.button], "nothing is preselected beside a merge button"
    left, right = drafts(kb, 5), drafts(kb, 6)
    at.selectbox(key="manual_merge_left").set_value(left.id)
    at.selectbox(key="manual_merge_right").set_value(right.id).run()
    merged, _ = kb.curation.merge_preview([left.id, right.id])
    boxes = {box.label: box for box in at.multiselect if box.key and box.key.startswith(f"merge-choice-{left.id}-")}
    expected = {"Gemeenten": merged.municipalities, "Thema's": merged.themes, "Doelgroepen": merged.target_groups}
    assert {label: boxes[label].value for label, values in expected.items() if values} == \
        {label: values for label, values in expected.items() if values}
    assert merged.themes, "the two records chosen have themes to choose from"
    gained = [t for t in right.themes if t not in left.themes]
    assert not gained or any("Nieuw van rechts" in c.value and gained[0] in c.value for c in at.caption)
    kept_theme = merged.themes[0]
    boxes["Thema's"].set_value([kept_theme]).run()  # the curator drops the other themes before merging
    count = len(kb.records())
    at.button(key="manual-merge").click().run()
    assert not at.exception, at.exception
    assert len(kb.records()) == count - 1
    assert kb.store.find(right.id) is None and kb.get(left.id).origins[0]["id"] == right.id
    assert kb.get(left.id).themes == [kept_theme] and "themes" in kb.get(left.id).curated


def test_markup_in_an_ingested_programme_text_is_shown_as_text(kb: KnowledgeBase, tmp_path: Path) -> None:
    """A programme file whose text carries HTML and script: ingest, approve, open on the public page."""
    hostile = tmp_path / "vijandig-programma.txt"
    hostile.write_text("Inspiratiedag 2025\n\nSessie 1: Buurtwerk <img src=x onerror=alert(2)> in Gent\n"
                       f"De stad Gent toont {SCRIPT} hoe buurtwerkers armoede in kaart brengen met vrijwilligers.\n",
                       encoding="utf-8")
    report = ingest_paths(kb, [hostile])
    assert not report.errors, report.errors
    record = next(r for r in kb.records() if r.source == hostile.name and SCRIPT in r.text)
    kb.curation.set_status(record.id, "approved", record.version, "ria")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["id"] = record.id
    at.run()
    assert not at.exception, at.exception
    html = " ".join(m.value for m in at.markdown)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html and "<img" not in html


def test_upload_with_the_page_address_keeps_it_and_a_bad_one_is_refused_in_dutch(kb: KnowledgeBase,
                                                                                  token: str) -> None:
    at = page("toevoegen.py", token)
    at.file_uploader(key="upload-file").set_value(("pagina-2025.txt", UPLOAD.read_bytes(), "text/plain"))
    at.text_input(key="upload-url").input("javascript:alert(1)")
    click(at, "Voorbeeld maken")
    assert any("oorspronkelijke pagina moet met http" in e.value and "beginnen" in e.value for e in at.error)
    assert not at.data_editor
    at.text_input(key="upload-url").input("https://www.vvsg.be/programma-2025")
    click(at, "Voorbeeld maken")
    assert not at.error, [e.value for e in at.error]
    click(at, "Geselecteerde bewaren")
    assert kb.source_url("pagina-2025.txt") == "https://www.vvsg.be/programma-2025"
