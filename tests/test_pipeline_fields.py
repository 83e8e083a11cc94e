"""Fields a record takes from the rest of its document: a service page's items are its town's, and a service
titled by its kind is named with its town."""
from __future__ import annotations

from ingest.pipeline import _inherit_from_lead, process
from ingest.segment import Segment
from kb.record import Document, Record


def _records(kind: str) -> tuple[list[Record], list[Segment]]:
    lead = Record(source="s.txt", start=0, end=40, kind=kind, title="Taalcoaching",
                  text="Het OCMW Lier begeleidt anderstaligen.", municipalities=["Lier"], provinces=["Antwerpen"],
                  partners=["OCMW Lier"])
    item = Record(source="s.txt", start=41, end=80, kind=kind, title="Onthaalklas",
                  text="Een klas voor nieuwe cliënten.")
    segments = [Segment(0, 40, "Taalcoaching", kind, None, ""), Segment(41, 80, "Onthaalklas", kind, None, "")]
    return [lead, item], segments


def test_items_after_a_towns_service_are_that_towns() -> None:
    records, segments = _records("practice")
    _inherit_from_lead(records, segments)
    assert records[1].municipalities == ["Lier"] and records[1].partners == ["OCMW Lier"]


def test_sessions_after_a_hosts_welcome_keep_no_town() -> None:
    records, segments = _records("session")
    _inherit_from_lead(records, segments)
    assert records[1].municipalities == [] and records[1].partners == []


def _titles(text: str) -> list[str]:
    return [r.title for r in process(Document("p.txt", "p.txt", text, "utf-8", "x"))]


def test_a_service_titled_by_its_kind_gets_its_town() -> None:
    text = ("Mobiel dienstencentrum\n\nHet OCMW van Deerlijk rijdt elke week met een bus langs de wijken. "
            "Ouderen kunnen er terecht voor een koffie, een babbel en hulp bij hun papieren.")
    assert _titles(text) == ["Mobiel dienstencentrum (Deerlijk)"]


#: A practice with a name of its own, in Hooglede.
NAMED = ("Zonder Zulle\n\nHet OCMW van Hooglede brengt ouderen samen in een ontmoetingsruimte. "
         "Vrijwilligers zorgen voor vervoer en een warme maaltijd.")


def test_a_title_with_a_name_or_the_town_stays_as_written_on_a_page_of_several_practices() -> None:
    town = ("Sociale kruidenier Deerlijk\n\nHet OCMW van Deerlijk opende een winkel waar gezinnen in armoede "
            "goedkoper boodschappen doen, met begeleiding door een maatschappelijk werker.")
    page = ("Projecten in de regio\n\nDrie lokale besturen tonen hoe ze armoede en eenzaamheid aanpakken.\n\n"
            f"{NAMED} Ze komen elke dinsdag samen.\n\n{town} De winkel is open op woensdag.")
    assert _titles(page) == ["Zonder Zulle", "Sociale kruidenier Deerlijk"]
    assert _titles(town) == ["Sociale kruidenier Deerlijk"]


def test_the_only_practice_of_a_page_is_titled_with_its_town() -> None:
    """A news item's headline rarely says where; its one town, in brackets, tells a reader of the results."""
    headline = ("Vrijwilligers bellen alle 80-plussers op\n\nHet Sociaal Huis van Bilzen belt de komende weken "
                "alle inwoners ouder dan 80 op om te horen hoe het met hen gaat en of ze hulp nodig hebben.")
    assert _titles(NAMED) == ["Zonder Zulle (Hooglede)"]
    assert _titles(headline) == ["Vrijwilligers bellen alle 80-plussers op (Bilzen)"]


def test_items_under_an_introduction_that_is_no_record_take_the_town_of_its_service() -> None:
    intro = ("Nieuwkomers op weg\n\nHet OCMW Lier begeleidt anderstalige nieuwkomers op hun weg naar werk en "
             "opleiding. Elke nieuwkomer krijgt een eigen begeleider die samen met hem of haar een traject "
             "uitstippelt. Het OCMW werkt daarvoor samen met scholen, werkgevers en verenigingen uit de stad. Zo "
             "vindt iedereen een plek.\n\n")
    item = ("{name}\n\nWie net aangekomen is, leert hier de taal in kleine groepen, met veel oefening in gewone "
            "situaties zoals de winkel, de dokter en de school van de kinderen.\n\n")
    records = process(Document("lier.txt", "lier.txt", intro + item.format(name="Taalcoaching")
                               + item.format(name="Onthaalklas"), "utf-8", "x"))
    assert [r.title for r in records] == ["Taalcoaching (Lier)", "Onthaalklas (Lier)"]
    assert all(r.municipalities == ["Lier"] and "OCMW Lier" in r.partners for r in records)


def test_a_news_practice_names_no_speakers_for_its_officials_but_a_programme_item_does() -> None:
    news = ("OCMW Leuven investeert in zorg voor daklozen\n\nIn het najaar zal OCMW Leuven 60.000 euro per jaar "
            "vrijmaken om dak- en thuislozen met een psychiatrische problematiek beter te ondersteunen. Dat maakte "
            "OCMW-voorzitter Erik Vanderheiden vandaag bekend. Een mobiel team gaat aanklampend te werk.")
    records = process(Document("n.txt", "n.txt", news, "utf-8", "x"))
    assert [r.kind for r in records] == ["practice"] and records[0].speakers == []
    programme = ("Studiedag dakloosheid\n\nProgramma\n\n10.00 uur: Onthaal\n\n"
                 "10.30 uur: Aanklampende zorg in Leuven, door OCMW-voorzitter Erik Vanderheiden\n\n"
                 "12.00 uur: Lunch\n")
    assert any("Erik Vanderheiden" in r.speakers for r in process(Document("p.txt", "p.txt", programme, "utf-8", "x")))


def test_workshops_bulleted_under_a_choice_slot_with_a_typed_dash_are_sessions_with_their_speakers() -> None:
    text = ("Dagindeling:\n10:30 - 11:00: Inleiding, koffie & thee\n\n"
            "13:15 - 14:00: Keuze uit diverse workshops\n\n"
            " • Empowerment: vrouwen met diverse achtergronden -- Esma Uçan, Mahara\n\n"
            " • Over wijkcomités, buurtwerken en opbouwwerk -- Leona Maes\n\n"
            " • Wat zijn Commons? -- Koen Wynants, Commons Lab\n\n"
            "16:00: Slotwoord\n")
    records = process(Document("p.txt", "p.txt", text, "utf-8", "x"))
    assert [r.title for r in records] == ["Empowerment: vrouwen met diverse achtergronden",
                                          "Over wijkcomités, buurtwerken en opbouwwerk", "Wat zijn Commons?"]
    assert [r.kind for r in records] == ["session"] * 3
    assert [r.speakers for r in records][:2] == [["Esma Uçan"], ["Leona Maes"]]
    assert "Mahara" in records[0].partners
    assert all(text[r.start:r.end].endswith(("Mahara", "Leona Maes", "Commons Lab")) for r in records)
