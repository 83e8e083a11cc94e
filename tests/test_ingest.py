"""Ingest through the library: re-ingest after a change, big files, failures that lose nothing."""
from __future__ import annotations

import pytest

from ingest.run import ingest_paths


def test_reingest_changed_file_replaces_its_records(fake_kb, corpus_files, tmp_path):
    source = tmp_path / "programma.txt"
    text = corpus_files[2].read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    ingest_paths(fake_kb, [source])
    first = {r.id for r in fake_kb.records()}
    source.write_text(text.replace("Kracht.wonen", "Kracht.wonen plus"), encoding="utf-8")
    report = ingest_paths(fake_kb, [source])
    assert not report.errors
    second = {r.id for r in fake_kb.records()}
    assert len(second) == len(first) and any("Kracht.wonen plus" in r.text for r in fake_kb.records())
    assert len(fake_kb.index()) == len(second)


@pytest.mark.slow
def test_long_file_is_ingested(fake_kb, corpus_files, tmp_path):
    """A long annual report: segmentation and extraction stay linear (when they were not, 16 kB took 12 s).

    bench/ingest_search.py measures a 1.2 MB file; 370 kB here would already take hours if they were not.
    """
    big = tmp_path / "groot.txt"
    text = corpus_files[0].read_text(encoding="utf-8")
    big.write_text((text + "\n\n") * 6, encoding="utf-8")
    assert big.stat().st_size > 360_000
    report = ingest_paths(fake_kb, [big])
    # six copies of 86 records; every short line now repeats, so some are taken for a page's banners
    assert not report.errors and report.records > 6 * 70
    assert len(fake_kb.index()) == fake_kb.store.count()


def test_failure_in_the_middle_of_a_save_keeps_store_and_index_consistent(fake_kb, corpus_files, monkeypatch):
    ingest_paths(fake_kb, [corpus_files[2]])
    before = {r.id: r for r in fake_kb.records()}
    from kb.store import Store

    def crash(self, name, *args):
        raise OSError("disk full")

    monkeypatch.setattr(Store, "put_source", crash)
    with pytest.raises(OSError):
        ingest_paths(fake_kb, [corpus_files[4]])
    monkeypatch.undo()
    assert {r.id: r for r in fake_kb.records()} == before
    fake_kb._index = None
    assert set(fake_kb.index().ids().tolist()) == {rowid for rowid, _ in fake_kb.store.all()}


def test_bad_file_does_not_stop_the_others(fake_kb, corpus_files, tmp_path):
    empty = tmp_path / "leeg.md"
    empty.write_text("", encoding="utf-8")
    report = ingest_paths(fake_kb, [empty, corpus_files[2]])
    assert report.errors == ["leeg.md: the file is empty"]
    assert {r.source for r in fake_kb.records()} == {corpus_files[2].name}


def test_listed_services_inherit_the_one_town_of_their_page() -> None:
    from ingest.pipeline import process
    from kb.record import Document

    text = ("Het OCMW van Brussel werkt in elke buurt van de stad met een sociale antenne waar burgers met "
            "al hun vragen terecht kunnen, van huur tot leefloon en schulden. De antenne is de toegangspoort tot "
            "alle hulp. Afhankelijk van de vraag wordt iedereen doorverwezen naar een gespecialiseerde dienst, "
            "die samen met de bewoner een plan opmaakt en opvolgt. Zo blijft niemand in de stad zonder een "
            "antwoord op zijn of haar vraag.\n\n"
            " • De dienst Vorming organiseert opfriscursussen voor talen, stages en coaching voor werkzoekenden.\n"
            " • De dienst Huisvesting helpt mensen voorkomen dat ze hun huis kwijtraken en zoekt een woning.\n")
    records = process(Document("diensten.txt", "diensten.txt", text, "utf-8", ""))
    assert [r.title for r in records] == ["De dienst Vorming", "De dienst Huisvesting"]  # the lead is furniture
    assert all(r.municipalities == ["Brussel"] for r in records)


def _two_services_under(opening: str) -> str:
    """A page that opens on ``opening`` and then describes two services that name no place."""
    body = ("Vrijwilligers rijden mensen die minder mobiel zijn naar de dokter, de winkel of de bibliotheek. Wie "
            "een rit nodig heeft, belt een dag op voorhand en betaalt een kleine vergoeding per kilometer.")
    return f"{opening}\n\nMindermobielencentrale\n\n{body}\n\nStationshub De Stoasje\n\n{body}\n"


def test_practices_of_a_page_about_one_town_run_there_but_a_programmes_talks_do_not() -> None:
    from ingest.pipeline import process
    from kb.record import Document

    page = _two_services_under("Het Sociaal Huis van Kortemark zet zijn vrijwilligers in de bloemetjes.\n\nZonder "
                               "hen zouden veel diensten niet bestaan. Ze geven elke week hun tijd aan wie hulp "
                               "nodig heeft.")
    records = process(Document("sociaal-huis.txt", "sociaal-huis.txt", page, "utf-8", ""))
    practices = [r for r in records if r.kind == "practice"]
    assert len(practices) >= 2 and all(r.municipalities == ["Kortemark"] for r in practices)
    programme = page.replace("zet zijn vrijwilligers in de bloemetjes", "organiseert een studiedag. Programma:")
    records = process(Document("studiedag.txt", "studiedag.txt", programme, "utf-8", ""))
    assert not any(r.municipalities for r in records if "Stoasje" in r.title)


def test_a_walloon_town_a_flemish_page_names_is_no_town_for_its_other_practices() -> None:
    from ingest.pipeline import process
    from kb.record import Document

    page = _two_services_under("Het netwerk zet zijn vrijwilligers in de bloemetjes.\n\nZonder hen zouden veel "
                               "diensten niet bestaan. Op hun jaarlijkse uitstap naar Terhulpen werd hen dat nog eens "
                               "gezegd.")
    records = process(Document("netwerk.txt", "netwerk.txt", page, "utf-8", ""))
    assert any(r.kind == "practice" for r in records)
    assert not any("Terhulpen" in r.municipalities for r in records if "Stoasje" in r.title)


def test_services_of_an_association_run_in_the_member_towns_its_page_lists() -> None:
    from ingest.pipeline import process
    from kb.record import Document

    page = ("De vereniging Welzijnsband kwam tot stand als een samenwerkingsverband tussen de OCMW's van de "
            "volgende gemeenten: Aalter, Assenede, Eeklo en Maldegem. Samen organiseren ze diensten die een "
            "gemeente alleen niet kan dragen. Elke dienst werkt voor de inwoners van alle deelnemende gemeenten, "
            "met dezelfde voorwaarden en dezelfde aanpak, en met medewerkers die de buurt goed kennen.\n\n"
            " • De dienst juridisch advies helpt inwoners gratis met vragen over huur, werk en familierecht.\n"
            " • De dienst schuldbemiddeling maakt met gezinnen een afbetalingsplan op en volgt het op.\n")
    records = process(Document("vereniging.txt", "vereniging.txt", page, "utf-8", ""))
    services = [r for r in records if "dienst" in r.title]
    assert len(services) == 2
    assert all(sorted(r.municipalities) == ["Aalter", "Assenede", "Eeklo", "Maldegem"] for r in services)
    two = page.replace("Aalter, Assenede, Eeklo en Maldegem", "Aalter en Eeklo")
    records = process(Document("twee.txt", "twee.txt", two, "utf-8", ""))
    assert not any(r.municipalities for r in records if "dienst" in r.title)  # two towns: which one is not said
