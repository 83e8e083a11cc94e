"""Workshops: storage, shortlist, table proposals (balance, locks, spread), coverage, suggestions and the CLI.

The knowledge base holds ten hand-made practices and uses the fake embedder,
so these tests need no model. `workshop_records` is shared with the export and
browser tests.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from kb import KnowledgeBase, NotFound, Record, Settings
from kb import workshop as ws
from kb.errors import InvalidQuery, KBError

SOURCE = "inspiratiedag-welzijn-2025.txt"
EVENT = "Inspiratiedag Lokaal Welzijn 2025"
DATE = "2025-05-15"

# (title, text, municipalities, region, provinces, themes, target groups, partners, speakers)
PRACTICES = [
    ("Housing First in de Kempen",
     "Elf gemeenten geven dak- en thuisloze mensen meteen een eigen woning, met woonbegeleiding door OCMW en CAW.",
     [], "Kempen", ["Antwerpen"], ["Dak- en thuisloosheid", "Wonen"], ["Dak- en thuislozen"], ["OCMW", "CAW"],
     ["Els Peeters"]),
    ("Sociale kruidenier De Zuurdesem",
     "Verse voeding aan verminderde prijs voor gezinnen in armoede; vrijwilligers begeleiden naar schuldhulp.",
     ["Mechelen"], None, ["Antwerpen"], ["Armoede", "Voeding"], ["Mensen in armoede"],
     ["OCMW Mechelen", "Vzw De Zuurdesem"], ["Jan Wouters"]),
    ("Begeleid zelfstandig wonen na de jeugdhulp",
     "Jongeren die uit de jeugdhulp stromen krijgen een kamer en een vaste begeleider tot hun vijfentwintigste.",
     ["Gent"], None, ["Oost-Vlaanderen"], ["Jeugd", "Wonen"], ["Jongeren"], ["CAW Oost-Vlaanderen"], []),
    ("Sociaal verhuurkantoor zoekt private woningen",
     "Het sociaal verhuurkantoor brengt meer private huurwoningen naar kwetsbare huurders met een huurgarantie.",
     ["Leuven"], None, ["Vlaams-Brabant"], ["Wonen"], ["Huurders"], ["SVK Leuven"], ["Schepen van Wonen"]),
    ("Wijkgezondheidscentrum verlaagt drempels",
     "Artsen en het OCMW verlagen de drempel naar zorg voor mensen in armoede met een forfaitair systeem.",
     ["Mechelen"], None, ["Antwerpen"], ["Armoede", "Gezondheid"], ["Mensen in armoede"], ["WGC De Vaart"], []),
    ("Buurtwerk 't Zand",
     "Het buurtwerk brengt bewoners samen rond een buurtrestaurant met maaltijden aan € 5 en een babbelbank.",
     ["Brugge"], None, ["West-Vlaanderen"], ["Buurtwerk", "Eenzaamheid"], ["Buurtbewoners"], ["Samenlevingsopbouw"],
     ["Lotte Vermeulen"]),
    ("Energiesnoeiers isoleren woningen",
     "Langdurig werkzoekenden isoleren daken van kwetsbare eigenaars en huurders en verlagen zo de energiefactuur.",
     ["Mechelen"], None, ["Antwerpen"], ["Energie", "Wonen"], ["Mensen in armoede"], ["Energiehuis"], []),
    ("Kinderarmoede aanpakken in de Westhoek",
     "Huizen van het Kind in de Westhoek bundelen hun aanbod voor gezinnen met jonge kinderen in armoede.",
     [], "Westhoek", ["West-Vlaanderen"], ["Armoede", "Gezinnen"], ["Kinderen", "Gezinnen"],
     ["Huis van het Kind"], ["Coördinator Westhoek"]),
    ("Eenzaamheid bij ouderen doorbreken",
     "Vrijwilligers bellen wekelijks alleenstaande ouderen en organiseren een praatcafé in het dienstencentrum.",
     ["Hasselt"], None, ["Limburg"], ["Eenzaamheid", "Ouderen"], ["Ouderen"], ["Lokaal dienstencentrum"], []),
    ("Schuldhulp in de wijk",
     "Budgetbegeleiders houden spreekuur in de wijk zodat mensen met schulden sneller en dichter bij huis hulp vinden.",
     ["Aalst"], None, ["Oost-Vlaanderen"], ["Armoede", "Schulden"], ["Mensen met schulden"], ["OCMW Aalst"], []),
]


def workshop_records() -> tuple[str, list[Record]]:
    """A programme text and its records (each record's span is its own paragraph)."""
    parts, records, pos = [f"{EVENT} – programma\n\n"], [], 0
    pos = len(parts[0])
    for title, text, munis, region, provinces, themes, groups, partners, speakers in PRACTICES:
        paragraph = f"{title}\n{text}"
        records.append(Record(source=SOURCE, start=pos, end=pos + len(paragraph), kind="practice", title=title,
                              text=paragraph, municipalities=munis, region=region, provinces=provinces,
                              themes=themes, target_groups=groups, partners=partners, speakers=speakers,
                              event=EVENT, event_date=DATE))
        parts.append(paragraph + "\n\n")
        pos += len(paragraph) + 2
    return "".join(parts), records


def store_records(kb: KnowledgeBase) -> list[Record]:
    programme, records = workshop_records()
    kb.store.upsert(records)
    kb.store.put_source(SOURCE, f"corpus/{SOURCE}", hashlib.sha256(programme.encode()).hexdigest(), "utf-8",
                        programme)
    kb.reindex()
    return records


@pytest.fixture
def kb(fake_kb: KnowledgeBase) -> KnowledgeBase:
    store_records(fake_kb)
    return fake_kb


@pytest.fixture
def records(kb: KnowledgeBase) -> list[Record]:
    return kb.records()


def seated(tables: list[ws.Table]) -> list[str]:
    return [item.record_id for table in tables for item in table.items]


# ---------------------------------------------------------------- workshops
def test_create_list_rename_delete(kb: KnowledgeBase, records: list[Record]) -> None:
    first = ws.create_workshop(kb, "Inspiratiedag armoede", date="2025-10-02", place="Gent", n_tables=3)
    second = ws.create_workshop(kb, "Welzijnscafé Kempen")
    assert [w.id for w in ws.list_workshops(kb)] == [second.id, first.id]
    assert [t.label for t in ws.tables(kb, first.id)] == ["Tafel 1", "Tafel 2", "Tafel 3"]
    renamed = ws.rename_workshop(kb, first.id, "Inspiratiedag armoede en wonen")
    assert renamed.title == "Inspiratiedag armoede en wonen" and renamed.place == "Gent"
    ws.add_items(kb, first.id, [records[0].id])
    ws.delete_workshop(kb, first.id)
    assert [w.id for w in ws.list_workshops(kb)] == [second.id]
    assert kb.store.db.execute("SELECT COUNT(*) FROM workshop_items").fetchone()[0] == 0
    assert kb.store.db.execute("SELECT COUNT(*) FROM workshop_tables WHERE workshop_id = ?",
                               (first.id,)).fetchone()[0] == 0
    with pytest.raises(NotFound):
        ws.get_workshop(kb, first.id)


def test_invalid_workshops_are_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidQuery):
        ws.create_workshop(kb, "  ")
    with pytest.raises(InvalidQuery):
        ws.create_workshop(kb, "Te veel tafels", n_tables=0)


def test_shortlist_add_note_remove(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels")
    assert ws.add_items(kb, w.id, [records[0].id, records[1].id], note="sterk regionaal") == 2
    assert ws.add_items(kb, w.id, [records[0].id]) == 0  # no duplicates
    ws.set_note(kb, w.id, records[1].id, "spreker bevestigd")
    items = {i.record_id: i for i in ws.shortlist(kb, w.id)}
    assert items[records[0].id].note == "sterk regionaal" and items[records[1].id].note == "spreker bevestigd"
    assert all(i.table is None for i in items.values())
    assert ws.remove_items(kb, w.id, [records[0].id]) == 1
    assert [i.record_id for i in ws.shortlist(kb, w.id)] == [records[1].id]
    with pytest.raises(NotFound):
        ws.add_items(kb, w.id, ["r000000000000"])


def test_deleting_a_record_drops_it_from_shortlists(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels")
    ws.add_items(kb, w.id, [r.id for r in records[:3]])
    kb.store.delete([records[0].id])
    assert {i.record_id for i in ws.shortlist(kb, w.id)} == {records[1].id, records[2].id}


def test_add_from_search_fills_the_tables(kb: KnowledgeBase) -> None:
    w = ws.create_workshop(kb, "Wonen", n_tables=2, per_table=2)
    assert ws.add_from_search(kb, w.id, "", {"theme": ["Wonen"]}) == 4
    assert all("Wonen" in i.record.themes for i in ws.shortlist(kb, w.id))


# ---------------------------------------------------------------- proposals
def test_proposal_is_balanced_and_seats_everyone_once(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=4)
    ws.add_items(kb, w.id, [r.id for r in records])
    proposed = ws.propose_tables(kb, w.id, seed=3)
    sizes = [len(t.items) for t in proposed]
    assert max(sizes) - min(sizes) <= 1 and sum(sizes) == len(records)
    assert sorted(seated(proposed)) == sorted(r.id for r in records)
    assert not ws.unseated(kb, w.id)
    assert all(t.name for t in proposed)  # named after their dominant themes


def test_proposal_is_deterministic_for_a_seed(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=3)
    ws.add_items(kb, w.id, [r.id for r in records])
    first = [(t.name, [i.record_id for i in t.items]) for t in ws.propose_tables(kb, w.id, seed=7)]
    again = [(t.name, [i.record_id for i in t.items]) for t in ws.propose_tables(kb, w.id, seed=7)]
    assert first == again


def test_rerun_leaves_locked_tables_untouched(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=3)
    ws.add_items(kb, w.id, [r.id for r in records[:7]])
    proposed = ws.propose_tables(kb, w.id, seed=1)
    ws.rename_table(kb, w.id, 1, "Onze eigen tafel")
    ws.lock_table(kb, w.id, 1)
    locked_before = [i.record_id for i in proposed[0].items]
    ws.add_items(kb, w.id, [r.id for r in records[7:]])  # new practices wait unseated
    assert len(ws.unseated(kb, w.id)) == 3
    rerun = ws.propose_tables(kb, w.id, seed=99)
    assert rerun[0].name == "Onze eigen tafel" and rerun[0].locked
    assert [i.record_id for i in rerun[0].items] == locked_before
    assert sorted(seated(rerun)) == sorted(r.id for r in records)
    rest = [len(t.items) for t in rerun[1:]]
    assert max(rest) - min(rest) <= 1


def test_every_table_locked_is_an_error_when_practices_wait(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=1)
    ws.add_items(kb, w.id, [records[0].id])
    ws.lock_table(kb, w.id, 1)
    with pytest.raises(KBError, match="locked"):
        ws.propose_tables(kb, w.id)


def test_move_and_unseat(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=2)
    ws.add_items(kb, w.id, [r.id for r in records[:4]])
    proposed = ws.propose_tables(kb, w.id)
    moving = proposed[0].items[0].record_id
    ws.move_item(kb, w.id, moving, 2)
    after = ws.tables(kb, w.id)
    assert moving in [i.record_id for i in after[1].items] and moving not in [i.record_id for i in after[0].items]
    ws.move_item(kb, w.id, moving, None)
    assert [i.record_id for i in ws.unseated(kb, w.id)] == [moving]
    with pytest.raises(NotFound):
        ws.move_item(kb, w.id, moving, 5)


def test_fewer_tables_unseat_the_dropped_ones(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=3)
    ws.add_items(kb, w.id, [r.id for r in records[:6]])
    ws.propose_tables(kb, w.id)
    ws.update_workshop(kb, w.id, n_tables=2)
    assert len(ws.tables(kb, w.id)) == 2 and len(ws.unseated(kb, w.id)) == 2


def test_three_practices_of_one_town_land_on_three_tables(kb: KnowledgeBase) -> None:
    """Three near-identical practices from Mechelen: content alone seats them together; the spread penalty does not."""
    extra = [Record(source="extra.txt", start=i, end=i + 1, kind="practice", title=f"Sociale kruidenier {n}",
                    text=f"Sociale kruidenier {n}: verse voeding aan verminderde prijs voor gezinnen in armoede.",
                    municipalities=["Mechelen"], themes=["Voeding"]) for i, n in enumerate(["Noord", "Zuid", "Oost"])]
    others = [r for r in kb.records() if "Mechelen" not in r.municipalities][:6]
    kb.store.upsert(extra)
    kb.reindex()
    w = ws.create_workshop(kb, "Voeding", n_tables=3)
    ws.add_items(kb, w.id, [r.id for r in extra + others])
    naive = ws.propose_tables(kb, w.id, seed=0, spread=0.0)
    assert max(sum("Mechelen" in i.record.municipalities for i in t.items) for t in naive) >= 2
    spread = ws.propose_tables(kb, w.id, seed=0)
    assert [sum("Mechelen" in i.record.municipalities for i in t.items) for t in spread] == [1, 1, 1]


# ---------------------------------------------------------------- coverage and suggestions
def test_coverage_counts_per_table(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=2)
    ws.add_items(kb, w.id, [r.id for r in records[:4]])
    ws.propose_tables(kb, w.id)
    cover = ws.coverage(kb, w.id)
    assert len(cover.tables) == 2
    assert sum(cover.counts["themes"]["Wonen"].values()) == 3
    assert set(cover.counts["provinces"]) == {"Antwerpen", "Oost-Vlaanderen", "Vlaams-Brabant"}
    assert cover.counts["region"] == {"Kempen": {next(t.label for t in ws.tables(kb, w.id)
                                                     if records[0].id in [i.record_id for i in t.items]): 1}}
    assert ("Eenzaamheid", 2) in cover.missing_themes


def test_suggestions_are_not_on_the_shortlist(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=2)
    assert ws.suggestions(kb, w.id) == []
    ws.add_items(kb, w.id, [r.id for r in records[:4]])
    ws.propose_tables(kb, w.id)
    found = ws.suggestions(kb, w.id, k=3)
    assert len(found) == 3
    assert not {s.record.id for s in found} & {r.id for r in records[:4]}
    assert all(s.table in (1, 2) for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_suggestions_for_a_visitor_hold_no_drafts(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Tafels", n_tables=2)
    ws.add_items(kb, w.id, [r.id for r in records[:4]])
    ws.propose_tables(kb, w.id)
    approved = {r.id for r in kb.curation.set_statuses([r.id for r in records[4:7]], "approved", "test")}
    found = ws.suggestions(kb, w.id, k=10, statuses=["approved"])
    assert found and {s.record.id for s in found} <= approved
    assert len(ws.suggestions(kb, w.id, k=10)) > len(found)  # drafts are proposed to curators


# ---------------------------------------------------------------- CLI
@pytest.fixture
def cli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A KB home with the practices, and the CLI's KnowledgeBase wired to the fake embedder."""
    from conftest import FakeEmbedder

    import cli.base

    home = tmp_path / "cli-home"
    base = KnowledgeBase(Settings.from_env(home=home), embedder=FakeEmbedder())
    store_records(base)
    base.close()
    original = cli.base.KnowledgeBase

    def fake(settings: Settings, **kwargs: object) -> KnowledgeBase:
        return original(settings, embedder=FakeEmbedder())

    monkeypatch.setattr(cli.base, "KnowledgeBase", fake)
    return home


def run(home: Path, *args: str) -> str:
    from cli import main

    result = CliRunner().invoke(main, ["--home", str(home), "workshop", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_workshop_flow(cli_home: Path, tmp_path: Path) -> None:
    created = json.loads(run(cli_home, "create", "Welzijnscafé Kempen", "--date", "2025-11-06", "--place", "Geel",
                             "--tables", "3", "--format", "json"))
    wid = str(created["id"])
    assert "Welzijnscafé Kempen" in run(cli_home, "list")
    run(cli_home, "rename", wid, "Welzijnscafé Kempen en Mechelen")
    added = run(cli_home, "add", wid, "--query", "armoede", "--k", "6", "--note", "uit de zoektocht")
    assert "6" in added
    shown = json.loads(run(cli_home, "propose", wid, "--seed", "2", "--format", "json"))
    sizes = [len(t["practices"]) for t in shown["tables"]]
    assert sorted(sizes) == [2, 2, 2]
    moving = shown["tables"][0]["practices"][0]["id"]
    run(cli_home, "move", wid, moving, "2")
    run(cli_home, "lock", wid, "2")
    run(cli_home, "rename-table", wid, "2", "Armoede en voeding")
    after = json.loads(run(cli_home, "show", wid, "--format", "json"))
    assert after["tables"][1]["locked"] and after["tables"][1]["name"] == "Armoede en voeding"
    assert moving in [p["id"] for p in after["tables"][1]["practices"]]
    assert "Thema" in run(cli_home, "coverage", wid)
    run(cli_home, "suggest", wid, "--k", "2")
    out = tmp_path / "tafels.csv"
    run(cli_home, "export", wid, "--format", "csv", "--output", str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbfTafel,")
    run(cli_home, "remove", wid, moving)
    run(cli_home, "delete", wid)
    assert "Welzijnscafé" not in run(cli_home, "list")


def test_cli_unknown_workshop_is_a_one_line_error(cli_home: Path) -> None:
    from cli import main

    result = CliRunner().invoke(main, ["--home", str(cli_home), "workshop", "show", "42"])
    assert result.exit_code == 1
    assert "kb: error: no workshop with id 42" in result.output


def test_seated_counts_match_records(kb: KnowledgeBase, records: list[Record]) -> None:
    """A practice shortlisted in two workshops sits at a table in each, independently."""
    a, b = ws.create_workshop(kb, "A", n_tables=2, per_table=5), ws.create_workshop(kb, "B", n_tables=5)
    for w in (a, b):
        ws.add_items(kb, w.id, [r.id for r in records])
        ws.propose_tables(kb, w.id)
    counts = Counter(seated(ws.tables(kb, a.id)) + seated(ws.tables(kb, b.id)))
    assert set(counts.values()) == {2}


# ---------------------------------------------------------------- the Streamlit page, in-process
WORKSHOPS_PAGE = str(Path(__file__).parent.parent / "web" / "views" / "workshops.py")


def workshop_page(home: Path, monkeypatch: pytest.MonkeyPatch, token: str | None = None):  # noqa: ANN201 - AppTest
    """The workshops page run in-process over `home`, as a visitor or as the account behind `token`."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from web.state import TOKEN_KEY

    monkeypatch.setenv("KB_HOME", str(home))
    st.cache_resource.clear()
    at = AppTest.from_file(WORKSHOPS_PAGE, default_timeout=180)
    if token:
        at.session_state[TOKEN_KEY] = token
    return at.run()


def moderated_base(tmp_path: Path) -> tuple[KnowledgeBase, list[Record], str]:
    """A base of the hand-made practices with a moderator "mia" logged in; returns it, the records and her token."""
    from kb.accounts import Accounts

    base = KnowledgeBase(Settings.from_env(home=tmp_path / "page-kb"))
    records = store_records(base)
    accounts = Accounts(base.store)
    accounts.add("mia", "een-lang-wachtwoord", "moderator")
    return base, records, accounts.login("mia", "een-lang-wachtwoord").token


@pytest.mark.model
def test_page_shows_markup_in_titles_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workshop title or record text with markup shows literally on the workshops page."""
    import streamlit as st

    base, records, token = moderated_base(tmp_path)
    home = base.settings.home
    w = ws.create_workshop(base, "<b>Tafels</b> [klik](https://example.org)", n_tables=2, owner="mia")
    ws.add_items(base, w.id, [r.id for r in records[:4]], note="*vet*")
    ws.propose_tables(base, w.id)
    base.close()
    try:
        at = workshop_page(home, monkeypatch, token)
        assert not at.exception, at.exception
        assert at.title[0].value == "\\<b\\>Tafels\\</b\\> \\[klik\\]\\(https\\://example\\.org\\)"
        lines = [m.value for m in at.markdown if "ws-practice" in m.value]
        assert len(lines) == 4 and all("<script" not in v for v in lines)
        assert any(ws_title.startswith("#### Tafel 1") for ws_title in (m.value for m in at.markdown))
    finally:
        st.cache_resource.clear()


@pytest.mark.model
def test_a_visitor_sees_only_public_workshops_read_only_and_approved(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st

    from kb.accounts import Accounts

    home = tmp_path / "page-kb"
    base = KnowledgeBase(Settings.from_env(home=home))
    records = store_records(base)
    Accounts(base.store).add("mia", "een-lang-wachtwoord", "moderator")
    approved = base.curation.set_status(records[0].id, "approved", records[0].version, "ann")
    private = ws.create_workshop(base, "Privé voorbereiding", owner="mia")
    public = ws.create_workshop(base, "Open tafels", n_tables=1, owner="mia")
    for w in (private, public):
        ws.add_items(base, w.id, [r.id for r in records[:3]])
        ws.propose_tables(base, w.id)
    ws.share_workshop(base, public.id, public=True)
    base.close()
    try:
        at = workshop_page(home, monkeypatch)
        assert not at.exception, at.exception
        assert at.title[0].value == "Open tafels"
        assert [s.options for s in at.sidebar.selectbox] == [["Open tafels"]]
        assert not at.sidebar.button and not at.button and not at.text_input and not at.sidebar.text_input
        assert [tab.label for tab in at.tabs] == ["Tafels", "Afdrukken"]
        shown = " ".join(m.value for m in at.markdown if "ws-practice" in m.value)
        assert approved.title.split()[0] in shown
        assert all(r.title not in shown for r in records[1:3])  # drafts never reach a visitor
    finally:
        st.cache_resource.clear()


def test_only_the_owner_members_and_admins_may_change_a_workshop(kb: KnowledgeBase) -> None:
    from kb.accounts import Accounts
    from kb.errors import AuthError, Forbidden

    accounts = Accounts(kb.store)
    for name, role in (("mia", "moderator"), ("tom", "moderator"), ("ann", "curator"), ("root", "admin")):
        accounts.add(name, "een-lang-wachtwoord", role)
    session = {name: accounts.login(name, "een-lang-wachtwoord") for name in ("mia", "tom", "ann", "root")}
    w = ws.create_workshop(kb, "Van Mia", owner="mia")
    assert ws.editable(kb, w.id, session["mia"]).owner == "mia"
    assert ws.editable(kb, w.id, session["root"])
    with pytest.raises(AuthError):
        ws.editable(kb, w.id, None)
    for other in ("tom", "ann"):
        with pytest.raises(Forbidden) as refused:
            ws.editable(kb, w.id, session[other])
        assert refused.value.code == "workshop.not_yours"
    ws.share_workshop(kb, w.id, ["tom"])
    assert ws.editable(kb, w.id, session["tom"]).members == ("tom",)
    assert [x.id for x in ws.visible_workshops(kb, None)] == []
    assert [x.id for x in ws.visible_workshops(kb, session["ann"])] == []
    with pytest.raises(InvalidQuery):
        ws.share_workshop(kb, w.id, ["niemand"])
    with pytest.raises(InvalidQuery):
        ws.create_workshop(kb, "Van niemand", owner="niemand")


def test_proposal_never_seats_more_than_per_table(kb: KnowledgeBase, records: list[Record]) -> None:
    w = ws.create_workshop(kb, "Klein", n_tables=2, per_table=3)
    ws.add_items(kb, w.id, [r.id for r in records])
    current = ws.propose_tables(kb, w.id)
    assert [len(t.items) for t in current] == [3, 3]
    waiting = ws.unseated(kb, w.id)
    assert len(waiting) == len(records) - 6
    added_order = [i.record_id for i in ws.shortlist(kb, w.id)]
    assert {i.record_id for i in waiting} == set(added_order[6:])  # the practices added last wait


@pytest.mark.model
def test_page_says_why_practices_stay_unseated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import streamlit as st

    base, records, token = moderated_base(tmp_path)
    home = base.settings.home
    w = ws.create_workshop(base, "Kleine zaal", n_tables=1, per_table=2, owner="mia")
    ws.add_items(base, w.id, [r.id for r in records[:4]])
    base.close()
    try:
        at = workshop_page(home, monkeypatch, token)
        next(b for b in at.button if b.label == "Tafels voorstellen").click().run()
        assert not at.exception, at.exception
        assert any("2 praktijken kregen" in m.value and "geen plaats" in m.value for m in at.warning), \
            [m.value for m in at.warning]
    finally:
        st.cache_resource.clear()
