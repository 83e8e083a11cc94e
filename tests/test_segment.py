"""Segmentation of programme texts into records (ingest.segment).

Small hand-made Dutch snippets for each text shape, a few checks on slices of the
real corpus, and Hypothesis properties that hold for any input.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.layout import SECTION_NUMBER_RE, Line, time_slot_rest_of
from ingest.segment import (
    Segment,
    _clean_title,
    _heading_shaped,
    _intertitle,
    _Item,
    _one_sentence,
    _project_named,
    _recognisable,
    _sentence_case,
    _title_from_entry,
    _told_title,
    _without_speaker,
    segment,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

LONG = ("Het project brengt buurtbewoners, vrijwilligers en professionals samen rond een gedeelde vraag. "
        "Samen zoeken ze naar oplossingen die in de buurt werken en die lang meegaan. ")


def texts(text: str, segs: list[Segment]) -> list[str]:
    return [text[s.start:s.end] for s in segs]


def check_invariants(text: str, segs: list[Segment]) -> None:
    last_end = -1
    spans = sorted((s.start, s.end) for s in segs)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert a >= last_end, "spans overlap"
        last_end = b
    for k, s in enumerate(segs):
        assert s.title.strip()
        assert s.kind in ("practice", "session", "theme-table")
        assert s.parent is None or 0 <= s.parent < k


def checked(text: str) -> list[Segment]:
    """The segments of ``text``, after checking the invariants every segmentation keeps."""
    segs = segment(text)
    check_invariants(text, segs)
    return segs


def assert_one_record_to_the_end(text: str) -> None:
    """``text`` is one record, from wherever it starts to the end of the text's last words."""
    segs = checked(text)
    assert len(segs) == 1 and segs[0].end == len(text.rstrip())


def openings(text: str, width: int = 20) -> list[str]:
    """How each record of ``text`` begins: its first ``width`` characters."""
    return [t[:width] for t in texts(text, checked(text))]


# ---------------------------------------------------------------- shapes
def test_numbered_items_with_time_slots() -> None:
    text = ("Programma\n\n10.30 - 11.30 uur\n\n"
            "1.Publieke ruimte: pleidooi voor schoonheid\n\n" + LONG + "\n\n"
            "2.Onderwijs anders bekeken   presentatie\n\n" + LONG + "\n\n11.45 - 12.45 uur\n\n"
            "3.Werkbezoek Sociaal centrum Plein: hulp voor mensen zonder papieren\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Publieke ruimte: pleidooi voor schoonheid", "Onderwijs anders bekeken",
                                       "Sociaal centrum Plein: hulp voor mensen zonder papieren"]
    assert text[segs[0].start:].startswith("1.Publieke ruimte")
    assert text[segs[0].start:segs[0].end].rstrip().endswith("gaan.")
    assert segs[2].kind == "practice"  # a work visit shows one concrete place


def test_practice_sublist_after_praktijken_line() -> None:
    text = ("12.Vernieuwende praktijken voor een zorgzame buurt\n\n" + LONG + "\n\nPraktijken\n\n"
            "• Zorgcoaches in Mechelen: het OCMW werkt met zorgcoaches vanuit het lokaal dienstencentrum.\n\n"
            "• Buurthuis Herselt: een buurthuis in een sociale woonwijk, nu gedragen door de bewoners.\n\n"
            "13.De kracht van heterogene teams\n\n" + LONG + "\n")
    segs = checked(text)
    parent, a, b, nxt = segs
    assert parent.end <= text.index("• Zorg") and text[parent.start:parent.end].endswith("Praktijken")
    assert (a.parent, b.parent) == (0, 0) and a.kind == b.kind == "practice"
    assert a.title == "Zorgcoaches in Mechelen" and text[a.start] == "Z"
    assert nxt.parent is None and nxt.title == "De kracht van heterogene teams"


def test_name_description_run_is_a_practice_list() -> None:
    lines = ["Zottegem Zorgt: Zottegem stemt het zorgaanbod van publieke en private partners op elkaar af.",
             "Mobiel zorgdorp: In Londerzeel trekt het mobiel zorgdorp met drie bussen door de deelgemeenten.",
             "Buren voor mekaar: Het OCMW van Hoegaarden investeert in een netwerk van vrijwilligers."]
    text = "5.Zorgzame buurten\n\n" + LONG + "\n\n" + "\n".join(lines) + "\n"
    segs = checked(text)
    assert [s.title for s in segs[1:]] == ["Zottegem Zorgt", "Mobiel zorgdorp", "Buren voor mekaar"]
    assert all(s.parent == 0 for s in segs[1:])


def test_an_organisation_named_with_its_legal_form_first_keeps_a_name_description_run() -> None:
    lines = ["Wijkcomité “Chrysalide” : aankoop van bloembakken die vóór de huizen worden geplaatst.",
             "vzw Cosmos (Lokaal dienstencentrum Kuregem) : Het ombouwen en inrichten van de buitenkoer tot "
             "een gezellige ontmoetingsplek.",
             "Groep Intro : De tuin opwaarderen van het braakliggend terrein naast de klaslokalen."]
    segs = checked("De laureaten van de Wijkenveloppen zijn :\n\n" + "\n\n".join(lines) + "\n")
    assert [s.title for s in segs] == ["Wijkcomité “Chrysalide”", "Het ombouwen en inrichten van de buitenkoer tot "
                                       "een gezellige ontmoetingsplek (vzw Cosmos)",
                                       "Groep Intro"]
    joint = "Wijkcomité “Grande Ceinture” + Broekwijkcomité + Samenlevingsopbouw Brussel : co-financiëring van de " \
            "heropening van de loopbrug over de spoorweg."
    segs = checked("De laureaten van de Wijkenveloppen zijn :\n\n" + "\n\n".join([*lines[:2], joint, lines[2]]) + "\n")
    assert len(segs) == 4  # several organisations, joined by '+', may name one entry of the run


def test_sub_numbered_sections_are_records_titled_without_their_number_and_clock_times_are_not() -> None:
    text = ("1. Een preventieaanbod rond schulden\n\n" + LONG + "\n\n1.1. Ons preventieproject voor kinderen\n\n"
            + LONG + LONG + "\n\n1.2 Ons preventieproject voor jongeren\n\n" + LONG + LONG + "\n")
    assert [s.title for s in checked(text)] == ["Een preventieaanbod rond schulden",
                                                "Ons preventieproject voor kinderen",
                                                "Ons preventieproject voor jongeren"]
    assert SECTION_NUMBER_RE.match("9.30 Onthaal met koffie") is None


def test_a_description_in_wat_waar_wie_fields_is_one_record_where_waar_is_no_logistics() -> None:
    text = ("Wat\n\nHet Buurtpensioen is een netwerk van buren dat samen zorgt voor elkaar en voor later.\n\n"
            "Waar\n\nNeder-Over-Heembeek.\n\nWie\n\nLokaal dienstencentrum ADO Icarus, met ondersteuning van het "
            "Kenniscentrum Wonen Welzijn Zorg Brussel.\n\nInhoud\n\n" + LONG + LONG + "\n")
    segs = checked(text)
    assert len(segs) == 1 and texts(text, segs)[0].startswith("Het Buurtpensioen")
    assert texts(text, segs)[0].endswith(LONG.strip())


def test_how_to_apply_on_a_service_page_is_no_record_of_its_own() -> None:
    text = ("Begrafenis of crematie: tussenkomst door het OCMW\n\n" + LONG + "\n\nVoorwaarden\n\n" + LONG
            + "\n\nHoe aanvragen\n\nNabestaanden doen binnen 24 uur na het overlijden een aanvraag bij het OCMW. "
            + LONG + "\n")
    assert [s.title for s in checked(text)] == ["Begrafenis of crematie: tussenkomst door het OCMW"]


def test_the_procedure_what_to_bring_and_the_amount_of_a_service_are_no_records_of_their_own() -> None:
    text = ("Budgetbegeleiding\n\n" + LONG + "\n\nVoorwaarden\n\n • je woont in de gemeente\n • je werkt mee\n\n"
            "Terug naar boven\n\nProcedure\n\n • de aanvraag voor een budgetbegeleiding gebeurt op het OCMW\n"
            " • het OCMW doet een sociaal en financieel onderzoek en kijkt of je aan de voorwaarden voldoet\n"
            " • binnen de 30 dagen krijg je een antwoord op je vraag\n\nTerug naar boven\n\n"
            "Meebrengen\n\n • identiteitsdocumenten\n • alle bewijzen van inkomsten, uitgaven en schulden van het "
            "hele gezin:\n  • inkomstenbewijzen (loonfiches, bankrekeninguitreksels,...)\n"
            "  • kredietovereenkomsten en leningscontracten\n\nTerug naar boven\n\nBedrag\n\n"
            "Budgetbegeleiding is gratis.\n")
    assert [s.title for s in checked(text)] == ["Budgetbegeleiding"]


def test_how_to_apply_what_to_bring_and_what_it_costs_head_logistics_not_a_service() -> None:
    from ingest.layout import is_logistics_header
    heads = ["Procedure", "Aanvraag", "Meebrengen", "Wat meebrengen:", "Welke documenten heeft u nodig?", "Bedrag",
             "Voor wie is dit formulier bedoeld?", "Voor wie is de studiedag?"]
    assert all(is_logistics_header(Line(0, 0, len(h), h)) for h in heads)
    assert not any(is_logistics_header(Line(0, 0, len(h), h)) for h in ["Budgetbeheer", "Aanvraag van een leefloon",
                                                                         "Voor wie zorgen we vandaag?"])


def test_childcare_and_a_hot_meal_in_a_programme_are_logistics() -> None:
    text = ("10:30 - 11:00: Onthaal\n\n11:00 - 12:00: Buurtwerk en armoede in Borgerhout\n\n"
            "12:00 - 15:00: Kinderanimatie en opvang\n\n12:00 - 19:00: Warm eten (gedurende hele evenement)\n\n"
            "13:15 - 14:00: Burgerparticipatie in een superdiverse stad\n")
    assert [s.title for s in checked(text)] == ["Buurtwerk en armoede in Borgerhout",
                                                "Burgerparticipatie in een superdiverse stad"]


def test_titles_are_unique_within_a_source_and_talks_listed_under_a_welcome_slot_are_records() -> None:
    text = ("Programma\n10u00 Verwelkoming - Patrick Colemont\n"
            " Resultaten enquête ervaringswerk - Tijs Van Steenberghe\n Ervaringswerk en ik - Nathalie Albert\n"
            "11u30 pauze\n12u00 Hoe reizen we?\n13u00 middagpauze\n14u00 Hoe reizen we?\n16u30 Einde\n")
    titles = [s.title for s in checked(text)]
    assert titles == ["Resultaten enquête ervaringswerk", "Ervaringswerk en ik", "Hoe reizen we?", "Hoe reizen we? (2)"]


def test_an_entry_opened_by_who_runs_it_is_titled_by_what_it_does() -> None:
    bullets = checked("Praktijktafels\n\n" + LONG + "\n\n"
                      " • OCMW Kortrijk. Budgetvriendelijk en gezond koken met 1-2-3 euro. (Wim Verbesselt)\n"
                      " • Zottegem. Het lokaal netwerk Zottegem Zorgt. (Jeannine Bellens)\n"
                      " • OCMW Herent. Werken met de derdebetalersregeling op lokaal niveau. (Ann Knuts)\n")
    assert [s.title for s in bullets][-3:] == ["Budgetvriendelijk en gezond koken met 1-2-3 euro (OCMW Kortrijk)",
                                               "Het lokaal netwerk Zottegem Zorgt",
                                               "Werken met de derdebetalersregeling op lokaal niveau (OCMW Herent)"]
    named = checked("De laureaten zijn :\n\nMaks vzw : Een babbelbox voor Kuregem : een kast met een camera.\n\n"
                    "Groep Intro : De tuin opwaarderen van het braakliggend terrein naast de klaslokalen.\n\n"
                    "Buurthuis Herselt : Het OCMW van Herselt hielp bij de uitbouw van een buurthuis.\n")
    assert [s.title for s in named] == ["Een babbelbox voor Kuregem (Maks vzw)", "Groep Intro", "Buurthuis Herselt"]


def test_a_title_loses_the_date_and_hours_set_after_it_between_bars() -> None:
    segs = checked("Jeugdwerkondersteuning | 5 NOVEMBER 2019 | 09:30-16:30\n\n" + LONG + LONG + "\n")
    assert [s.title for s in segs] == ["Jeugdwerkondersteuning"]


def test_labels_before_colon_are_not_practices() -> None:
    text = ("Werksessie actie 13: In contact brengen met sport\n" + LONG + "\n"
            "Begeleiding: Tim Lamon, consulent buurtsport (Gent) en Dorien Heuninck (Dendermonde)\n")
    segs = segment(text)
    assert len(segs) == 1 and segs[0].title == "In contact brengen met sport"
    assert text[segs[0].start:segs[0].end].endswith("(Dendermonde)")


def test_file_name_grid_gives_one_practice_per_name() -> None:
    text = ("31.Lokale praktijken kinderopvang die inspireren\xa0\xa0\n"
            "StadTurnhout_MamaLeert\xa0\xa0 Westerlo_Peuterspeelpunt\n"
            "StadGent_TheTravelMandalaKids\xa0\xa0 Halen_IBO\xa0\xa0\nLeuven\xa0\xa0 Puurs\n\n"
            "In deze workshop krijgt u informatie op maat over lokale en inspirerende praktijken in de "
            "kinderopvang. Laureaten van de Gouden Kinderschoen stellen hun werking voor.\n")
    segs = checked(text)
    titles = [s.title for s in segs]
    assert "The Travel Mandala Kids (Stad Gent)" in titles and "Peuterspeelpunt (Westerlo)" in titles
    assert "Leuven" in titles and "Puurs" in titles
    parent = segs[0]
    assert parent.title == "Lokale praktijken kinderopvang die inspireren"
    assert text[parent.start:].startswith("In deze workshop")  # its description follows the list
    assert all(s.parent == 0 and s.kind == "practice" for s in segs[1:])


def test_numbered_region_list() -> None:
    text = ("Wat\n\nMet deze inspiratiedag willen we aan de hand van goede praktijken tonen wat regionaal "
            "sociaal beleid oplevert. Regionale samenwerking helpt kleine gemeenten. Dat tonen we met "
            "voorbeelden uit heel Vlaanderen. " + LONG + "\n\nDeze 3 goede praktijken komen aan bod :\n\n"
            " 1. Kracht.wonen (regionale aanpak van dak- en thuisloosheid) – W13\n"
            " 2. Katrolwerking (studieondersteuning aan huis) – welzijnsband Meetjesland\n"
            " 3. Wijkgezondheidscentra Kempen – Welzijnszorg Kempen en partners\n")
    segs = checked(text)
    intro, *listed = segs
    assert intro.kind == "session" and text[intro.start:intro.end].endswith("aan bod :")
    assert [s.title for s in listed][0] == "Kracht.wonen (regionale aanpak van dak- en thuisloosheid) (W13)"
    assert text[listed[0].start:].startswith("Kracht.wonen")
    assert len(listed) == 3 and all(s.parent == 0 for s in listed)


def test_theme_tables_and_repeated_banner() -> None:
    banner = "WELZIJNSVERENIGING VAN, VOOR EN DOOR 27 OCMW'S\n\nREGIONAAL WELZIJNSCAFÉ\n\n"
    text = (banner + "Thema 1:\n\nHet lokale bestuur als moderne werkgever\n\n" + LONG + "\n\n" + banner
            + "Thema 2:\n\nEen bovenlokaal netwerk rond dakloosheid\n\n" + LONG + "\n\n"
            + "WELZIJSVERENIGING VAN, VOOR EN DOOR 27 OCMW'S\n")
    segs = checked(text)
    assert [(s.kind, s.title) for s in segs] == [("theme-table", "Het lokale bestuur als moderne werkgever"),
                                                 ("theme-table", "Een bovenlokaal netwerk rond dakloosheid")]
    assert all("OCMW'S" not in t for t in texts(text, segs))


def test_logistics_and_agenda_are_dropped() -> None:
    text = ("AGENDA\n\n8u30: ontvangst met welkomstkoffie\n\n9u00: opening met kabinet\n\n"
            "09.25 uur Een bestuurskundige insteek: wat kan regionaal sociaal beleid inhouden? door prof. Voets\n"
            "12.35 uur Informele afronding met broodjes\n\nDeelnameprijs\n\n€ 70, inclusief documentatie.\n\n"
            "Betaling\n\nJe betaalt na ontvangst van factuur.\n\nAnnuleren\n\nKosteloos annuleren kan tot 7 november.\n\n"
            "Info praktisch\n\nGudrun, gudrun@vvsg.be\n\nNavigatie\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].kind == "session"
    assert text[segs[0].start:segs[0].end].startswith("Een bestuurskundige insteek")


def test_short_slots_with_a_topic_are_talks_and_format_words_are_placeholders() -> None:
    text = ("Programma\n9u00    Ontvangst\n9u35    Vlaamse verordening toegankelijkheid in de praktijk\n"
            "10u30  Keuzesessies\n11u00  Realtime beleving van het Provinciehuis\n11u45  Samen in verscheidenheid\n"
            "12u15  Vragen uit het publiek\n12u30  Lunch\n")
    titles = [s.title for s in checked(text)]
    assert titles == ["Vlaamse verordening toegankelijkheid in de praktijk", "Realtime beleving van het Provinciehuis",
                      "Samen in verscheidenheid"]


def test_link_list_is_dropped() -> None:
    links = "\n".join(f"Presentatie over onderwerp {i} in gemeente {i}." for i in range(12))
    text = "Leefbaarheid\n\nSlides:\n\nAdvertisements\nVerwante presentaties\n" + links + "\n"
    assert segment(text) == []


def test_a_list_announced_by_a_sentence_is_no_link_list() -> None:
    """Six short lines under a sentence that ends on a colon are the story's list, not titles of other pages."""
    story = ("Stad Lier start een dienst voor aangepast vervoer. Vrijwilligers rijden mensen met een beperking naar "
             "de dokter, de winkel of familie. Wie geen eigen vervoer heeft, belt de centrale.\n\n")
    listed = ("Zo kregen vorig jaar bijna 900 mensen aangepast vervoer in deze deelgemeenten:\n"
              "Rolkar vzw in deelgemeente Koningshooikt: 210 ritten\nMinder Mobielen Centrale in deelgemeente Lisp: "
              "180 ritten\nRolmobiel vzw in deelgemeente Mesenhoek: 150 ritten (nieuw!)\nHandicar in Lier centrum: "
              "120 ritten\n"
              "Een centrale voor wie beperkt mobiel is\n\n"
              "Voor mensen die beperkt mobiel zijn is het niet vanzelfsprekend om wegwijs te raken in het aanbod. "
              "Daar moest het Mobiliteitspunt verandering in brengen.\n")
    text = "900 ritten aangepast vervoer in Lier\n\n04/09/2014\n\nPersbericht van de stad Lier\n" + story + listed
    segs = checked(text)
    assert segs and segs[-1].end == len(text.rstrip())  # the list and the paragraph under it stay in the record


def test_slide_transcript_with_practices_at_slide_end() -> None:
    body = ("Het buurtwerk wil de leefbaarheid van de wijk verbeteren. Bewoners worden actief betrokken. "
            "Er zijn activiteiten voor alle leeftijden.")
    text = (f"Deck Opbouwwerk 1.1. Referentiekader {body}\n\n"
            "Deck Opbouwwerk 1.2. Historiek In 1968 werd een federatie opgericht. Later kwam er meer.\n\n"
            f"Deck Opbouwwerk 1.3. Leefbaarheid {body} Projecten in de regio: Poperinge Dorp In Zicht\n\n"
            f"Deck 2. Buurtwerk {body} Buurtdienst Bellewijk Poperinge http://bellewijk.example\n")
    segs = checked(text)
    kinds_titles = [(s.kind, s.title) for s in segs]
    assert ("practice", "Poperinge Dorp In Zicht") in kinds_titles
    assert ("practice", "Buurtdienst Bellewijk Poperinge") in kinds_titles
    assert not any("Historiek" in t for _, t in kinds_titles)  # slides about the organisation itself
    assert sum(k == "session" for k, _ in kinds_titles) == 3


def test_a_sentence_title_is_never_cut_inside_a_list_of_names() -> None:
    """The first clause of a long opening sentence titles a news item, but the comma between two towns lists them:
    'De lokale besturen van Eeklo' would be a fragment."""
    text = ("De lokale besturen van Eeklo, Aalter, Assenede, Kaprijke en Lievegem dienden een dossier in bij de "
            "Vlaamse overheid om de digitale toegankelijkheid van hun inwoners te verbeteren. Nu dat dossier is "
            "goedgekeurd, krijgen zij een coördinator die de inwoners helpt met digitale dienstverlening.\n\n"
            "De coördinator start in september en werkt vanuit het Sociaal Huis. Inwoners kunnen er terecht met "
            "vragen over hun computer, hun smartphone of het internet.\n")
    (seg,) = checked(text)
    assert seg.title.startswith("De lokale besturen van Eeklo, Aalter, Assenede, Kaprijke en Lievegem")


def test_a_repeated_byline_under_each_heading_keeps_the_heading_with_its_text() -> None:
    """'By Community building' under every post's heading is a repeated line, but it does not cut the heading
    from the text below it: each post keeps its heading as title."""
    posts = [("De Babbelbus", "De Babbelbus is een sociaal initiatief in Arendonk. Als mobiele ontmoetingsplaats rijdt "
              "de bus langs de wijken, met een keuken, een salon en een terras."),
             ("Het Buurtpunt", "Het Buurtpunt in Nijlen biedt dicht bij huis een plek waar iedereen welkom is en waar "
              "ruimte is voor spontane ontmoeting tussen buren."),
             ("Zorgvuldige zorgzoekers", "In Geel zoeken vrijwilligers mensen op die nog niet vonden wat ze zoeken. "
              "Ze gaan op huisbezoek en brengen hen in contact met de hulpverlening.")]
    text = "".join(f"{title}\n\nBy Community building\n\n{body}\n\nBEZOEK HUN SITE\n\n" for title, body in posts)
    segs = checked(text)
    assert [s.title for s in segs] == [title for title, _ in posts]
    assert all(text[s.start:s.end].startswith(s.title) for s in segs)


def test_short_intro_is_not_a_record_but_a_news_item_is() -> None:
    assert segment("Om lokale besturen te inspireren organiseren we op 25 mei een inspiratiedag.\n\nProgramma\n") == []
    news = ("Nieuws\n\nLier zet buddy's in voor nieuwkomers\n\n12 maart 2021\n\n"
            "De stad Lier startte vorig jaar met een buddyproject voor nieuwkomers. Vrijwilligers koppelen zich "
            "aan een gezin. Samen gaan ze op stap naar de bibliotheek of de sportclub.\n\n"
            "Het project loopt samen met het Agentschap Integratie en Inburgering. Er zijn al veertig duo's.\n\n"
            "Meer info\n\nContactpersoon: Jan Peeters\n")
    segs = segment(news)
    assert len(segs) == 1 and segs[0].kind == "practice" and segs[0].title == "Lier zet buddy's in voor nieuwkomers"
    assert "Contactpersoon" not in news[segs[0].start:segs[0].end]


def test_web_page_with_a_few_practices() -> None:
    page = ("Welzijnsvereniging Kempen\n\nOnze projecten\n\nBuddywerking Geel\n\n"
            "In Geel koppelt het OCMW vrijwilligers aan mensen die eenzaam zijn. De buddy's komen wekelijks op "
            "bezoek. Het project bereikt vooral alleenstaande ouderen.\n\nSchuldhulp op maat\n\n"
            "De welzijnsvereniging zet een gezamenlijke jurist in voor collectieve schuldenregeling in twaalf "
            "gemeenten. Zo krijgen kleine gemeenten toegang tot juridische expertise.\n\nContact\n\ninfo@example.be\n")
    segs = checked(page)
    assert [(s.kind, s.title) for s in segs] == [("practice", "Buddywerking Geel"), ("practice", "Schuldhulp op maat")]


def test_offsets_point_into_original_text_with_nbsp_and_bold() -> None:
    text = "\xa0\n\n7.Dilbeek **kantelt** zijn organisatie\xa0\xa0\n\n" + LONG + "\xa0\n"
    (seg,) = segment(text)
    assert text[seg.start:seg.end].startswith("7.Dilbeek **kantelt**")
    assert seg.kind == "practice"


# ---------------------------------------------------------------- corpus slices
def _corpus(prefix: str) -> str:
    files = sorted(CORPUS.glob(prefix + "*.txt"))
    if not files:
        pytest.skip("corpus not available")
    return files[0].read_text(encoding="utf-8")


def test_corpus_item_12_lists_ten_practices() -> None:
    text = _corpus("000_")
    segs = segment(text)
    (item,) = [k for k, s in enumerate(segs) if s.title.startswith("Vernieuwende praktijken voor een zorgzame")]
    children = [s for s in segs if s.parent == item]
    assert len(children) == 10 and all(s.kind == "practice" for s in children)
    assert children[0].title == "Zorgcoachen Mechelen"


def test_corpus_logistics_tail_gives_no_records() -> None:
    text = _corpus("000_")
    tail = text.index("Deelnameprijs")
    assert all(s.end <= tail for s in segment(text))


def test_corpus_werksessies_each_one_record() -> None:
    text = _corpus("001_")
    segs = segment(text)
    assert len(segs) == text.count("Werksessie")
    assert all(text[s.start:].startswith("Werksessie") for s in segs)


def test_corpus_theme_tables() -> None:
    segs = segment(_corpus("004_"))
    assert [s.kind for s in segs].count("theme-table") == 4


def test_corpus_invariants() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        check_invariants(text, segment(text))


# ---------------------------------------------------------------- properties
PROGRAMME_ALPHABET = st.sampled_from(
    ["\n", "\n\n", " ", "\xa0", "•", "1.", "12.", "10.30 - 11.30 uur", "Thema 1:", "Werksessie actie 5: ",
     "Praktijken", "Deelnameprijs", "Naam: ", "_", "StadGent_Mandala", "http://x.be", ".", ":", "Zorg", "buurt",
     "Het OCMW van Mechelen werkt met zorgcoaches. ", "Leefbaarheid Opbouwwerk 1.4. ", " • ", "Case: ", "A. ",
     "13u: ", "De projecten", "Buurtwerk – Jan Peeters (UGent)", "20171019_1028", "ONTHAAL", "‘Stoasje’",
     "Dit nieuwsbericht werd toegevoegd op 3 mei 2017.", " -- ", "Kritisch burgerschap -- Labo vzw"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PROGRAMME_ALPHABET, max_size=60).map("".join))
def test_invariants_on_programme_like_text(text: str) -> None:
    check_invariants(text, segment(text))


#: Whole lines in the shapes of web, news and PDF copy: towns with and without dates, closing fields, titled
#: workshops with bullets, intertitles, quoted names, brands, news time stamps, one-line paragraphs.
WEB_LINES = st.sampled_from(
    ["Aalst – Zaterdag 13 oktober", "Gent", "Sint-Job-in-’t-Goor", "Deze praktijk in", "“Hoog tijd voor actie!”",
     "Van 10:00 tot 12:00 op de Grote Markt. Mensen koken samen.", "Kostprijs project: 80.000 euro",
     "Subsidie: 40.000 euro (50 %)", "WORKSHOP 1: ANALYSE VAN DE SITUATIE", " • Wettelijk kader", " • Omgeving",
     "Het project Buurtenergie wil energiearmoede aanpakken door toestellen te verhuren aan gezinnen.",
     "Speciaal concept", "Dat zijn goede resultaten. Op korte tijd bereikte het project veel gezinnen in de wijk.",
     "Hulp bij huurwaarborg:", "-", "", "geWOONtebreker: samen wonen", "Hocus Pocus vzw: Start Sterk",
     "15u54 0 Zonnegem Gezellig werd het.", "workshop lichten we toe", "Babyspot", "10u00 Onthaal",
     "In 2017 lanceerden het Huis van het Kind en de stad de Babyspots. Ouders kunnen er even rusten. Meer info.",
     "De gemeente lanceert het project ‘Belmaatjes’ met vrijwilligers"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WEB_LINES, max_size=40).map("\n".join))
def test_invariants_on_web_page_like_text(text: str) -> None:
    check_invariants(text, segment(text))


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_ish_garbage(data: bytes) -> None:
    text = data.decode("latin-1")
    check_invariants(text, segment(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\xa0\xa0", "x" * 200_000, ("woord " * 50_000).strip(),
                                  "1.\n2.\n3.\n", "•\n• \n•  x", "Thema 1:", "10.30 uur", ":" * 500])
def test_edge_cases(text: str) -> None:
    check_invariants(text, segment(text))


def test_programme_without_blank_lines_is_not_a_link_list() -> None:
    text = "\n".join(
        f"{n}.Sessie over thema {n} in de lokale context\n" + LONG.strip() for n in range(1, 8)) + "\n"
    segs = checked(text)
    assert len(segs) == 7


def test_lettered_items_are_records() -> None:
    text = ("Inspiratiemoment armoede\n\nA. Buurtwerk in de Brugse Poort\n\n" + LONG + "\n\n"
            "B. Sociale kruidenier Oudenburg\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Buurtwerk in de Brugse Poort", "Sociale kruidenier Oudenburg"]


def test_a_title_is_never_only_its_prefixes() -> None:
    """Found by Hypothesis: stripping 'Werksessie actie 5:' twice left an empty title."""
    text = "Werksessie actie 5: Werksessie actie 5: 10.30 - 11.30 uurHet OCMW van Mechelen werkt met zorgcoaches. "
    segs = checked(text)
    assert segs and "OCMW" in segs[0].title


def test_programme_section_headers_with_a_date_are_no_records() -> None:
    text = "Programma 25 oktober 2021\n\n9.30 uur Keynote over betaalbaar wonen\n\n" + LONG + "\n"
    assert all(not s.title.startswith("Programma") for s in segment(text))


def test_bullets_that_name_services_are_records_but_goals_are_not() -> None:
    services = ("Onze diensten:\n\n"
                " • De dienst Vorming organiseert opfriscursussen voor talen, stages en coaching voor werkzoekenden.\n"
                " • De dienst Huisvesting helpt mensen voorkomen dat ze hun huis kwijtraken en zoekt een woning.\n"
                " • De dienst Jeugd begeleidt jongeren tussen 18 en 25 jaar bij hun studie- en loopbaanplannen.\n")
    segs = checked(services)
    assert [s.title for s in segs] == ["De dienst Vorming", "De dienst Huisvesting", "De dienst Jeugd"]
    goals = ("Doel:\n\n • Je wisselt van gedachten over de plaats van voedselhulp in het armoedebeleid.\n"
             " • Niemand mag uit de boot vallen wanneer de energieprijzen blijven stijgen in Vlaanderen.\n"
             " • Bestuurlijk : de integratie van OCMW en gemeente en de rol van de provincies daarin.\n")
    assert len(segment(goals)) <= 1


def test_a_news_dateline_is_no_agenda_slot() -> None:
    text = ("Tien extra medewerkers in strijd tegen kinderarmoede\n\n28 november 2018\n\n"
            "12u00 0 Genk Een op de drie kinderen in Genk wordt geboren in een kansarm gezin. " + LONG + "\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0


def test_a_short_numbered_enumeration_stays_inside_its_record() -> None:
    text = ("Kinderen Eerst\n\n" + LONG + "\n\nEr zijn 30 scholen actief in zeven netwerken:\n\n"
            " 1. Deurne-Noord\n 2. Luchtbal\n 3. Antwerpen-Kiel\n 4. Merksem\n")
    assert_one_record_to_the_end(text)


def test_a_round_of_workshops_listed_with_their_speakers_gives_one_record_each() -> None:
    text = ("Programma\n\n09u30 – 09u40 : Welkomstwoord door Colette Victor\n\n"
            "09u40 – 10u20 : Keynote: Onderwijs en armoede – Heidi Degerickx (Vrouwenraad)\n\n"
            "10u20 – 12u30 : Workshops\n\n"
            " • Een goede samenwerking tussen ouders en school – Jan De Mets (UGent)\n"
            " • Herkennen en detecteren van armoede – Nicole Formeysn (Samenlevingsopbouw)\n"
            " • Een bewust kostenbeleid op school – Marie Reusens (STOS)\n\n"
            "12u30 – 13u30 : Lunchpauze\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Keynote: Onderwijs en armoede",
                                       "Een goede samenwerking tussen ouders en school",
                                       "Herkennen en detecteren van armoede", "Een bewust kostenbeleid op school"]


def test_titles_lose_dates_and_bare_labels_get_their_subject() -> None:
    text = "Derde Huis van het Kind opent op 3 maart 21 februari 2018\n\n" + LONG
    assert [s.title for s in segment(text)] == ["Derde Huis van het Kind opent op 3 maart"]
    lines = [Line(0, 0, 7, "Panel 1"), Line(1, 8, 70, "Beleidsvisies en -ontwikkelingen in de Brusselse eerste lijn")]
    item = _Item(0, 70, "Panel 1", "item", body=lines)
    assert _recognisable("Panel 1", item) == "Panel 1: Beleidsvisies en -ontwikkelingen in de Brusselse eerste lijn"


def test_a_sentence_title_gives_way_to_the_name_it_is_about() -> None:
    text = "KRISPIE is een initiatief in naschoolse activiteiten van de Dorpsraad Kermt met de basisscholen. " + LONG
    assert [s.title for s in segment(text)] == ["KRISPIE"]


def test_projects_listed_with_their_organisation_are_records_outside_programmes_too() -> None:
    text = ("De provincie keurde negen plattelandsprojecten goed.\n\nThema: armoede en welzijn\n\n"
            "  • Sociale kruidenier als toegangspoort naar ontmoeting – OCMW Erpe-Mere\n"
            "  • Boek aan huis – OCMW Merelbeke\n  • Buiten gewone zorg – vzw Gooikenshoeve\n")
    segs = checked(text)
    assert [s.title for s in segs][-3:] == ["Sociale kruidenier als toegangspoort naar ontmoeting", "Boek aan huis",
                                            "Buiten gewone zorg"]
    assert {s.kind for s in segs[-3:]} == {"practice"}


def test_hour_only_slots_with_a_labelled_title_are_agenda_items() -> None:
    text = ("Wat staat er op het programma?\n\n12u: Onthaal met netwerklunch\n\n"
            "13u: Dialoog | Kindvriendelijk? Kindgericht?\n\n" + LONG + "\n\n14u30: Receptie\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Dialoog | Kindvriendelijk? Kindgericht?"]


def test_slots_that_end_on_a_whole_hour_are_agenda_items() -> None:
    text = ("Programma\n\n8.30-9 uur Onthaal\n\n9u50-10u: Welkomstwoord door de schepen\n\n"
            "13.30 - 14.45 uur Wat is de stand van zaken? Pablo Annys, schepen Stad Brugge\n\n"
            "14.45 - 15 uur Pauze\n15 - 16 uur Aan het werk: wat vinden jullie van de realisaties tegen eenzaamheid?\n")
    segs = checked(text)
    assert [t[:14] for t in texts(text, segs)] == ["Wat is de stan", "Aan het werk: "]


def test_a_speaker_after_a_bar_leaves_the_title() -> None:
    text = ("Programma:\n  9u30 onthaal – koffie\n"
            "  10u30 Het gebeurt in de wijk: waar burgers willen slagen | Philippe Delespaul, professor Universiteit "
            "Maastricht\n"
            "  13u45 Hope in stations-project | Filip Strobbe, sociaal referent voor personen op de dool, NMBS\n"
            "  14u25 Over herstel en kwartiermaken |\n")
    assert [s.title for s in checked(text)] == ["Het gebeurt in de wijk: waar burgers willen slagen",
                                                "Hope in stations-project", "Over herstel en kwartiermaken"]


def test_bullets_used_as_headings_open_a_record_each() -> None:
    text = ("Zes projecten tegen armoede\n\n  • Case: Steun op maat\n" + LONG
            + "\n  • Case: Buddy Mechelen\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Steun op maat", "Buddy Mechelen"]


@pytest.mark.parametrize("raw, title", [
    ("“Uit onderzoek blijkt dat mantelzorgers", "Uit onderzoek blijkt dat mantelzorgers"),  # a quotation cut short
    ("‘Buurten in Hageland", "Buurten in Hageland"),
    ("‘Stoasje’", "‘Stoasje’"),  # a quoted name keeps its quotes
    ("'t Pasrel", "'t Pasrel"),  # an elided article is no quotation mark
])
def test_a_title_keeps_no_lone_opening_quote(raw: str, title: str) -> None:
    assert _clean_title(raw) == title


def test_after_de_projecten_each_paragraph_is_a_project() -> None:
    p1 = "Het project Connect Karreveld in Sint-Jans-Molenbeek wil informele en formele hulp samenbrengen in de wijk."
    p2 = "Het project Be Coming Home focust op de wijken Hallepoort en Bosnië in Sint-Gillis met ontmoetingsruimtes."
    text = f"Vijf buurten krijgen steun.\n\nDe projecten\n\n{p1}\n\n{p2}\n"
    segs = checked(text)
    assert [s.title for s in segs] == ["Connect Karreveld (Sint-Jans-Molenbeek)", "Be Coming Home"]
    invite = ("Ook in jouw gemeente zijn er ongetwijfeld inspirerende projecten. Deel jouw ervaringen en ideeën met "
              "je collega's op de collegagroep van maandag 30 maart.")
    assert len(checked(f"{text}\n{invite}\n")) == 2  # an invitation to the reader is no project of the list


def test_a_listed_project_paragraph_is_titled_by_the_name_it_gives_its_project() -> None:
    p1 = ("Met het project de Buurtkeuken wil het buurthuis Elzenhof in zijn tuin een keuken bouwen die de bewoners "
          "samen beheren.")
    p2 = "Wijkwerk Noord wil met ‘Open Pleinen’ zijn werking op de pleinen van de wijk versterken met buurtbewoners."
    segs = checked(f"Vier buurten krijgen steun.\n\nDe projecten\n\n{p1}\n\n{p2}\n")
    assert [s.title for s in segs] == ["Buurtkeuken", "Open Pleinen"]


@pytest.mark.parametrize("raw, title", [
    ("10.15u Energiearmoede (Jan Willems, coördinator dienst schuldbemiddeling)", "Energiearmoede"),
    ("Getuigenis Onthaal Sint-Antonius (Guy Beckers en Rita Somers)", "Getuigenis Onthaal Sint-Antonius"),
    ("Family Justice Center (FJC, Mechelen)", "Family Justice Center (FJC, Mechelen)"),
])
def test_titles_lose_time_slots_and_who_presents(raw: str, title: str) -> None:
    item = _Item(0, len(raw), raw, "child", title=raw)
    assert _recognisable(raw, item) == title


@pytest.mark.parametrize("heading", ["‘Stoasje’", "Wijk Zwartegevel-Dierdonk, Tielt", "ACTIEPLAN INTEGRATIE"])
def test_quoted_placed_and_capital_sub_headings_open_a_record(heading: str) -> None:
    text = f"Buddywerking Geel\n\n{LONG}\n\n{LONG}\n\n{LONG}\n\n{heading}\n\n{LONG}\n"
    segs = checked(text)
    assert len(segs) == 2 and text[segs[1].start:].startswith(heading)


def test_coffee_welcome_bare_labels_and_photo_names_are_no_records() -> None:
    text = ("Programma\n\n • Ontvangst met koffie\n • Sessie 1:\n"
            " • Toelichting UGent-onderzoek naar lokale burgerparticipatie – Sofie Hennau (UGent)\n"
            " • Netwerklunch met standenmarkt\n\n20171019_102804klein          20171019_111730klein\n\n"
            "Dit nieuwsbericht werd toegevoegd op 14 maart 2017.\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].title.startswith("Toelichting UGent-onderzoek")
    closing = checked("Programma\n\n10.50u Regionale prioriteiten en gezamenlijke werven in de centrumregio\n"
                      "Prof. dr. Filip De Rynck (UGent)\n11.20u Q & A | Conclusies\nJo Discart (Toekomstforum)\n"
                      "12.15u Vragenronde\n12.30u Einde\n")
    assert [s.title for s in closing] == [
        "Regionale prioriteiten en gezamenlijke werven in de centrumregio"]
    moderated = checked("Programma\n\n  • 12u15 inleiding door moderator Steven Vromman (vzw Labland)\n"
                        "  • 12u20 Silke Heiden (vzw Apart) over een woonproject voor dakloze jongvolwassenen\n")
    assert [s.title for s in moderated] == ["Een woonproject voor dakloze jongvolwassenen"]


def test_a_programmes_bulleted_talks_are_records_but_its_logistics_and_questions_are_not() -> None:
    talks = ("Programma van de netwerkdag\n\n"
             " • Geïntegreerd Breed Onthaal: een samenwerking tussen OCMW's, CAW en ziekenfondsen\n"
             " • Top in je Kop: een project rond het psychisch welzijn van jongeren\n"
             " • MOEF: hoe krijgen we jongeren duurzaam aan de slag?\n")
    segs = checked(talks)
    assert len(segs) == 3
    details = ("Programma van de studiedag\n\n • 29 oktober 2020 van 12:15 tot 16:45 uur\n • Provinciehuis Leuven\n"
               " • Wat is jongdementie?\n • Wat zijn de symptomen bij jonge mensen?\n")
    assert len(segment(details)) <= 1  # at most the page as a whole, never a record per detail


@pytest.mark.parametrize("section", ["Reglement", "Inhoud (kort)", "Inhoud:", "Informatie", "Meer informatie"])
def test_a_generic_section_word_over_a_paragraph_goes_on_with_the_practice(section: str) -> None:
    text = (f"Leuvens Fonds ter Bestrijding van Kinderarmoede\n\n{LONG}\n\nFinanciering\n\n"
            "In 2018 financiert het fonds de volgende acties:\n\n  • Toelage schoolkosten\n  • Spelmateriaal\n\n"
            "Alle documenten moeten opgestuurd worden naar OCMW Leuven.\n\n"
            f"{section}\n\nDe voorwaarden, aanvraagprocedure en financiering van alle acties kan je terugvinden in "
            "het 'Reglement Leuvens Fonds ter Bestrijding van Kinderarmoede 2018'.\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].title.startswith("Leuvens Fonds")


def test_a_news_lead_on_a_dateline_makes_its_short_plain_headings_intertitles() -> None:
    """Without a headline, a lead that opens on a dateline ('ZottegemBij JongLeer ...') still tells one news story:
    a short plain heading in it ('Job of woning') goes on with that story."""
    text = ("ZottegemBij JongLeer in de Meengracht bundelen sociale organisaties hun krachten om de positie van "
            "kwetsbare jongeren te versterken. “Via intensieve begeleiding en jobcoaching maken we jongeren "
            "krachtiger”, zegt coördinator Eva Ghysels.\n\nJongleer is een samenwerkingsverband dat actief is binnen "
            "Herzele, Brakel, Oosterzele, Lierde en Zottegem. Het voordeel van een partnerschap is dat de jongere in "
            "verschillende levensdomeinen wordt ondersteund zonder van hot naar her te worden gestuurd.\n\n"
            "Job of woning\n\nJongerencoach Shareena Rasschaert verduidelijkt de doelgroep: “De jongeren die bij ons "
            "terecht komen, hebben diverse noden. Zo bieden wij psychosociale begeleiding aan en zoeken we samen met "
            "de jongere een job of een woning.”\n")
    assert_one_record_to_the_end(text)


def test_a_line_that_dates_each_item_of_a_news_listing_parts_the_items() -> None:
    """'Op 11 januari 2022, over deze onderwerpen: Welzijn' over each item, the same but for its date and topics:
    a listing of news items, each paragraph under such a line a record of its own."""
    items = [("11 januari 2022", "Welzijn - OCMW",
              "Ouders willen het beste voor hun kind en het aanbod van scholen om de hoek is niet voor iedereen "
              "gelijk. De stad begeleidt ouders bij de schoolkeuze met infosessies."),
             ("10 februari 2021", "Welzijn - OCMW",
              "Structuur en een vast dagelijks ritme zijn een houvast voor mensen met een verstandelijke beperking. "
              "Daarom biedt het dagcentrum atelierwerking aan in de Stuiverstraat."),
             ("3 november 2020", "Mobiliteit, Welzijn - OCMW",
              "De coronacrisis maakte duidelijk dat gezonde voeding voor iedereen niet vanzelfsprekend is. De stad "
              "professionaliseert de negen noodvoedselhulporganisaties.")]

    def listing(entries: list[tuple[str, str, str]]) -> str:
        return "".join(f"Op {day}, over deze onderwerpen: {topics}\n\n{body}\n\n" for day, topics, body in entries)

    text = listing(items)
    segs = checked(text)
    assert [text[s.start:s.end] for s in segs] == [body for _, _, body in items]
    assert len(checked(listing(items[:2]))) < 2  # twice is no listing yet


def test_the_turns_of_an_interview_are_no_records() -> None:
    """An interviewee introduced with their initials ('Karlien Winnelinckx (KW): “...') answers in turns ('KW: “...'):
    the answers belong to the interview, not to records of their own, and the initials are no speakers' talks."""
    text = ("Schakels naar werk in het Brussels gewest\n\n" + LONG + "\n\nWat doet Tracé Brussel?\n\n"
            "Karlien Winnelinckx (KW): “Tracé Brussel wil Brusselaars aan een job, een gepast traject naar werk of een "
            "beroepsopleiding helpen. We werken hiervoor samen met verschillende begeleidingsdiensten.”\n\n"
            "Marlies Luts (ML): “Daarnaast runnen wij, samen met VDAB en Actiris, drie Werkwinkels: in Schaarbeek, in "
            "Anderlecht en in Brussel-stad. Consulenten begeleiden werkzoekenden op maat.”\n\n"
            "KW: “Het feit dat we op een kruispunt zitten met de verschillende bevoegdheden maakt het zoeken naar werk "
            "tegelijk boeiend en complex.”\n")
    assert_one_record_to_the_end(text)


def test_bullets_under_a_practical_header_are_no_talks() -> None:
    """'Voor wie' over the audiences of the day, a bullet each and set apart: practical details, no sessions."""
    text = ("Studiedag opvang en vrije tijd\n\nPraktisch\n\n • Wanneer\n  Donderdag 22 juni 2023 van 9 tot 16.30 u.\n"
            " • Prijs\n  35 euro per persoon\n\nVoor wie\n\n • Lokale regisseurs opvang van schoolkinderen\n\n"
            " • Verantwoordelijken en beleidsmedewerkers van opvangorganisaties\n\n"
            " • Medewerkers van scholen die voor opvang zorgen buiten de schooltijd\n\nProgramma\n\n"
            " • 9.00 - 9.30 u.: registratie en onthaal met koffie\n\n"
            " • 10.40 - 12.10 u.: Collegiale reflectie over de muren van opvang en onderwijs heen\n")
    titles = [s.title for s in checked(text)]
    audiences = ("Lokale regisseurs", "Verantwoordelijken", "Medewerkers")
    assert not any(t.startswith(audiences) for t in titles), titles
    assert any("Collegiale reflectie" in t for t in titles), titles


def test_a_news_pages_opening_story_is_a_practice_not_a_session() -> None:
    text = ("Meer tijd voor Babbeltafel en Campuscafé\n\nDe provincie steunt twee projecten tegen eenzaamheid. "
            + LONG + LONG + "\n\nCampuscafé\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.kind for s in segs] == ["practice", "practice"]


def test_a_story_that_says_how_to_register_for_a_service_goes_on_past_it() -> None:
    """'Inschrijven' in a news story about a driving service: how to join the service, not the sign-up of an event,
    so the story is no programme and its last paragraph still belongs to it."""
    text = ("In Tielt kregen de vrijwillige chauffeurs van de Minder Mobielen Centrale een bedankje.\n\n"
            "“De centrale brengt mensen die moeilijk buiten komen naar de dokter of de winkel”, zegt coördinator "
            "An Peeters. " + LONG + "\n\nInschrijven\n\nWie een rit wil, moet zich eerst inschrijven. “Het "
            "lidgeld bedraagt 12 euro per jaar. Daarnaast vragen we 0,35 euro per kilometer.”\n\n“Als de chauffeur "
            "moet wachten, betaal je een kleine vergoeding. Betalen kan rechtstreeks aan de chauffeur of via een "
            "overschrijving, en daarvoor krijg je een bewijs.”\n\nBedankt\n\nOp vrijdag 3 maart werden de "
            "chauffeurs uitgenodigd voor een etentje in het dienstencentrum. " + LONG + "\n")
    assert_one_record_to_the_end(text)


@pytest.mark.parametrize("mention", ["Elke maandag en donderdag van 16.15 uur tot 17.15 uur is het huis open.",
                                     "We bieden specifieke programma's aan voor jongeren.",
                                     "Inschrijven kan bij het Sociaal Huis."])
def test_a_page_that_only_mentions_a_clock_time_programmes_or_registration_holds_practices(mention: str) -> None:
    text = ("Vrije tijd in Ledegem\n\n" + LONG + "\n\nHuiswerkklas\n\nIn Ledegem helpen vrijwilligers anderstalige "
            "kinderen met hun huiswerk. " + LONG + " " + mention + "\n\nLeesclub\n\n" + LONG + "\n")
    assert [s.kind for s in checked(text)] == ["practice", "practice"]
    event = "Programma\n\n" + text
    assert [s.kind for s in checked(event)] == ["session", "session"]


@pytest.mark.parametrize("raw, heading, title", [
    ("Take 4", "• Take 4: De instrumenten buurtbudget en tijdelijke bestemming als hefboom voor initiatief? Janna",
     "Take 4: De instrumenten buurtbudget en tijdelijke bestemming als hefboom voor initiatief"),
    ("Genk - Medewerkers van de stad gaan inwoners aan huis bezoeken",
     "Genk - Medewerkers van de stad gaan inwoners aan huis bezoeken",
     "Medewerkers van de stad gaan inwoners aan huis bezoeken"),
    ("Houthalen-HelchterenHouthalen-Helchteren telt 7.500 inwoners met een niet-EU-nationaliteit", "",
     "Houthalen-Helchteren telt 7.500 inwoners met een niet-EU-nationaliteit"),  # a dateline glued to the lead
    ("Heist-op-den-Berg - Vestah bouwt vijf studio’s voor mensen met een beperking", "",
     "Vestah bouwt vijf studio’s voor mensen met een beperking"),  # a dateline's town with lowercase particles
    ("Bilzen - Het Sociaal Huis zoekt extra chauffeurs", "", "Het Sociaal Huis zoekt extra chauffeurs"),  # merged
    ("VraseneVanaf nu kan iedereen terecht in het dienstencentrum", "",
     "Vanaf nu kan iedereen terecht in het dienstencentrum"),  # a sub-municipality glued to the lead
    ("Niel/BoomWie de stap zet om alleen te gaan wonen", "", "Wie de stap zet om alleen te gaan wonen"),  # two towns
    ("MoZaïek opent deuren", "", "MoZaïek opent deuren"),  # a name's own capital inside a word stays
    ("Samen tegen energiearmoede (partnersessie Eandis en Infrax)", "",
     "Samen tegen energiearmoede (partnersessie Eandis en Infrax)"),
])
def test_numbered_labels_datelines_and_partner_sessions_in_titles(raw: str, heading: str, title: str) -> None:
    assert _recognisable(raw, _Item(0, 10, heading, "child", title=raw)) == title


def test_captions_and_page_metadata_are_never_headings() -> None:
    text = f"Huurwaarborg\n\n{LONG}\n\nAfbeelding van een huis\n\n{LONG}\n\nGepubliceerd op:\n\n{LONG}\n"
    segs = segment(text)
    assert len(segs) == 1 and not any(w in segs[0].title for w in ("Afbeelding", "Gepubliceerd"))


def test_template_fields_and_staff_lines_are_not_a_list_of_practices() -> None:
    """'Activiteiten: …', 'Team: …' describe one practice; 'CAW: Nancy … en Linda … (plaatsvervanger)' lists people."""
    from ingest.layout import lists_people, name_desc

    text = ("Klusploeg Groep Intro\n"
            "Activiteiten: binnenschilderwerk en decoratie, plaatsen van binnenwanden in gipskarton, opruimingswerk.\n"
            "Team: vier inschakelingscoaches, twee sociale maribel en een begeleider instructeur voor de ploeg.\n"
            "Business model: middelen uit de sociale economie met commerciële inkomsten van externe klanten.\n")
    assert len(segment(text)) == 1
    assert lists_people("Nancy Mouqué en Linda Lievens (plaatsvervanger)")
    assert lists_people("Shirley Van den Driessche, Marc Lapierre")
    assert not lists_people("Het OCMW organiseert een sociale kruidenier in de buurt")
    text = "Zorgcoachen Mechelen: het OCMW bezoekt ouderen die alleen wonen thuis"
    line = Line(0, 0, len(text), text)
    assert name_desc(line) == ("Zorgcoachen Mechelen", "het OCMW bezoekt ouderen die alleen wonen thuis")


BODY = ("Het OCMW begeleidt gezinnen die moeilijk rondkomen met een vaste maatschappelijk werker, die samen met hen "
        "een plan opmaakt en elke maand bekijkt wat lukt en wat beter kan, in overleg met de school en de buurt.")


def test_a_section_of_an_article_is_no_new_practice_but_a_named_service_is() -> None:
    article = f"Buurtcoaches in Lokeren\n\n{BODY}\n\nOnze aanpak\n\n{BODY}\n\nHet resultaat\n\n{BODY}\n"
    assert len(segment(article)) == 1
    services = f"Schuldhulpverlening\n\n{BODY}\n\nBudgetbeheer\n\n{BODY}\n\nSchuldbemiddeling\n\n{BODY}\n"
    assert [s.title for s in segment(services)][-2:] == ["Budgetbeheer", "Schuldbemiddeling"]


def test_bulleted_named_practices_are_records_but_one_word_labels_are_arguments() -> None:
    intro = ("De stuurgroep welzijn en zorg trekt deze pijler en brengt de Kempense organisaties samen rond "
             "gedeelde uitdagingen.\n\nMomenteel zijn er twee werven in ontwikkeling:\n\n")
    named = intro + (" • Buurtgerichte zorg: in Balen en Ravels werken het OCMW en de buurtbewoners samen aan zorg.\n"
                     " • Cultuursensitieve zorg: samen met het Agentschap Integratie worden prikkelsessies gegeven.\n")
    assert [s.title for s in segment(named)][-2:] == ["Buurtgerichte zorg", "Cultuursensitieve zorg"]
    labels = intro + (" • Bestuurlijk: de integratie van OCMW en gemeente vraagt een nieuwe manier van werken.\n"
                      " • Beleid: de gemeente moet haar sociaal beleid opnieuw bekijken en bijsturen waar nodig.\n")
    assert not {"Bestuurlijk", "Beleid"} & {s.title for s in segment(labels)}


def test_a_time_range_without_spaces_is_a_slot_and_its_bullets_are_parallel_sessions() -> None:
    text = ("Op het programma:\n"
            "10u00-10u30: Onthaal\n"
            "10u30-12u00:\n"
            "– Workshop over schuldhulp bij jonge gezinnen, met voorbeelden uit drie OCMW's en een gesprek\n"
            "– Workshop over een buurtgerichte aanpak van vereenzaming bij ouderen in kleine gemeenten\n"
            "12u00-13u00: Lunch\n")
    segs = checked(text)
    assert [t[:30] for t in texts(text, segs)] == ["Workshop over schuldhulp bij j", "Workshop over een buurtgericht"]


def test_an_hour_alone_on_its_line_is_a_slot() -> None:
    text = ("PROGRAMMA\n\n10u\n\nWelkomstwoord door de voorzitter van Gastvrij Netwerk vzw, Josee Goethals.\n\n"
            "10u30\n"
            "  • Workshop 1: Werken rond toekomstoriëntatie met mensen zonder wettig verblijf. Begeleid door Hilde "
            "Geraets (ORBIT)\n\n" + LONG + "\n\n"
            "  • Workshop 2: Gezinnen op de vlucht: een netwerk werkt. Begeleid door Fien Van Buggenhout\n\n"
            + LONG + "\n")
    segs = checked(text)
    assert [t[:20] for t in texts(text, segs)][-2:] == ["Workshop 1: Werken r", "Workshop 2: Gezinnen"]


def test_an_indented_line_under_a_bullet_continues_its_entry() -> None:
    text = ("De projecten die steun krijgen zijn:\n\n"
            " • OCMW Arendonk voor ‘Samen aan tafel’\n"
            "  Het OCMW organiseert maandelijks een gezamenlijke maaltijd voor alleenstaande ouderen.\n"
            " • Stad Lier voor de organisatie van kookateliers met de voedselbedeling en het centrum voor basiseducatie\n")
    segs = checked(text)
    assert [t[:12] for t in texts(text, segs)[-2:]] == ["OCMW Arendon", "Stad Lier vo"]
    assert texts(text, segs)[-2].endswith("alleenstaande ouderen.")


def test_a_section_titled_like_its_siblings_is_a_record_even_with_a_short_description_or_an_article() -> None:
    text = ("Schuldhulp\n\n" + LONG + "\n\nBudgetbeheer\n\n" + LONG + "\n\nSchuldbemiddeling\n\n" + LONG
            + "\n\nHuurwaarborg\n\nHet OCMW kan de huurwaarborg voor u voorschieten als u die zelf niet kan betalen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Budgetbeheer", "Schuldbemiddeling", "Huurwaarborg"]
    last = (text[:text.index("Huurwaarborg")]
            + "{}\n\nJaarlijks roept de stad haar inwoners op om een stoel buiten te zetten.\n")
    assert [s.title for s in checked(last.format("De langste stoel"))][-1] == "De langste stoel"  # a name may open
    # on an article, a section word may not
    assert [s.title for s in checked(last.format("De aanpak"))] == ["Budgetbeheer", "Schuldbemiddeling"]


def test_the_steps_of_an_approach_stay_inside_its_record() -> None:
    text = ("Buurtanalyse wijk Kapelhof\n\n" + LONG + "\n\nStap 1: cijfers verzamelen\n\n" + LONG
            + "\n\nStap 2: bevraging van partners\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Buurtanalyse wijk Kapelhof"]


def test_an_event_programmes_announcement_is_no_record_but_its_sessions_are() -> None:
    intro = ("Studiedag Wonen en welzijn\n\nOp 14 maart 2024 organiseren we een studiedag over betaalbaar wonen. "
             "Lokale besturen, CAW's en sociale verhuurkantoren delen er hun ervaringen. Iedereen is welkom. "
             "Wie werkt rond wonen en armoede, vindt hier inspiratie en collega's om mee samen te werken. "
             "De dag sluit af met een gesprek tussen beleidsmakers en mensen die zelf een woning zoeken. "
             "Deelnemen is gratis, maar inschrijven is nodig. ")
    text = (intro + "\n\n9u30: Onthaal\n\n10u00: Lezing over de wooncrisis en wat lokale besturen kunnen doen\n\n"
            + LONG + "\n\n11u00: Panelgesprek met drie OCMW-voorzitters over sociale huur\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Lezing over de wooncrisis en wat lokale besturen kunnen doen",
                                       "Panelgesprek met drie OCMW-voorzitters over sociale huur"]


def test_an_introduction_headed_by_the_events_name_is_no_record() -> None:
    intro = ("Netwerkdag Gastvrij Netwerk - Deel I\n\nWe brengen vrijwilligers en beroepskrachten samen die mensen "
             "zonder wettig verblijf ondersteunen. Wie werkt rond opvang en begeleiding, vindt hier inspiratie en "
             "collega's om mee samen te werken. We kijken naar wat goed loopt en naar wat beter kan. "
             "Iedereen die betrokken is bij het netwerk is welkom om mee te denken en ervaringen te delen. "
             "Samen maken we een agenda voor het komende werkjaar, met de vragen die het vaakst terugkomen.")
    text = (intro + "\n\n9u30: Onthaal\n\n10u00: Lezing over toekomstoriëntatie met mensen zonder wettig verblijf"
            "\n\n" + LONG + "\n\n11u00: Panelgesprek met drie opvanginitiatieven\n\n" + LONG + "\n")
    assert [s.title for s in checked(text)] == ["Lezing over toekomstoriëntatie met mensen zonder wettig verblijf",
                                                "Panelgesprek met drie opvanginitiatieven"]


def test_an_announcement_that_names_its_event_day_is_no_record_but_an_initiative_that_launches_it_is() -> None:
    talks = ("\n\n9u30: Onthaal\n\n10u00: Lezing over voedselverlies en wat lokale besturen kunnen doen\n\n" + LONG
             + "\n\n11u00: Panelgesprek met drie voedselbanken over samenwerken\n\n" + LONG + "\n")
    themadag = ("Themadag voedselhulp in de Westhoek\n\nOp 30 januari 2020 brengen we alle organisaties voor "
                "voedselhulp uit onze regio samen. Een eerste rondvraag leert dat veel verdeelpunten dezelfde "
                "vragen hebben over aanvoer, vrijwilligers en hygiëne. Daarom zoeken we samen naar antwoorden, "
                "met wie het werk elke week doet en met de besturen die het steunen. Zo groeit er een netwerk dat ook "
                "na deze dag blijft werken.")
    conference = themadag.replace("Themadag voedselhulp", "Voedselhulp").replace("Op 30", "Op de conferentie van 30")
    evening = themadag.replace("Themadag voedselhulp", "Voedselhulp").replace("Op 30", "Op de gespreksavond van 30")
    for announcement in (themadag, conference, evening):
        segs = checked(announcement + talks)
        assert [s.title for s in segs] == ["Lezing over voedselverlies en wat lokale besturen kunnen doen",
                                           "Panelgesprek met drie voedselbanken over samenwerken"]
    cafe = ("Grenzen verleggen via regionale samenwerking\n\nAls welzijnsvereniging van de OCMW's wil Kina een "
            "trekkersrol opnemen in de regio, zodat lokale besturen sterker worden. Met een regionaal welzijnscafé "
            "bouwen we een platform waar besturen samen nadenken over regionale thema's binnen het welzijnsveld. "
            "De aftrap is op 2 juni, met vier actuele thema's en daarna een vaste plaats om elkaar te vinden. "
            "Wie er bij is, neemt ideeën mee naar de eigen gemeente.")
    segs = checked(cafe + talks)
    assert segs[0].title == "Grenzen verleggen via regionale samenwerking" and len(segs) == 3


def test_a_slot_titled_after_its_arrow_format_label_and_session_number_without_how_full_it_is() -> None:
    text = ("Weekprogramma\n\nMaandag 22/04\n\n"
            "09u30 — 10u15 > Keynote (Sessie 01) : Een school met een doordacht kostenbeleid – onbeperkt deelnemers\n\n"
            "11u00 — 12u30 > Dialoogtafel (Sessie 02) : Omgaan met verschillen in de klas – max. 20 deelnemers\n\n"
            "14u30 – 16u00 > Workshop (Sessie 03) : De digitale kloof verkleinen * – VOLZET\n")
    assert [s.title for s in checked(text)] == ["Een school met een doordacht kostenbeleid",
                                                "Omgaan met verschillen in de klas", "De digitale kloof verkleinen"]


def test_a_grants_amount_leaves_the_brackets_after_a_title() -> None:
    text = ("Goedgekeurde projecten\n\n"
            "1. Vonk, een passe-partout (Dilbeek - 83.977,43 euro per jaar)\n\n" + LONG + "\n\n"
            "2. Nesteltuin van vzw Huyse Nestelt (8.000 euro)\n\n" + LONG + "\n")
    assert [s.title for s in checked(text)] == ["Vonk, een passe-partout (Dilbeek)", "Nesteltuin van vzw Huyse Nestelt"]


def test_a_grants_amount_after_a_dash_leaves_the_title_and_a_name_may_open_on_the_elided_article() -> None:
    text = ("Investeringssubsidies: gesubsidieerde initiatieven\n\n2021 - goedgekeurde investeringssubsidies\n\n"
            "'t Pasrel - 249.000 euro\n\n" + LONG + "\n\n"
            "Wijkpartenariaat De Schakel - 26.620 euro\n\n" + LONG + "\n\n"
            "Cosmos - 600.000 euro\n\n" + LONG + "\n")
    assert [s.title for s in checked(text)] == ["'t Pasrel", "Wijkpartenariaat De Schakel", "Cosmos"]


def test_ordinal_programme_items_are_records_titled_without_their_ordinal() -> None:
    text = ("Programma\n\n1e panel: Twintig jaar strijd tegen armoede\n\n" + LONG
            + "\n\n2e panel: Ervaringsdeskundigen in het OCMW\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Twintig jaar strijd tegen armoede", "Ervaringsdeskundigen in het OCMW"]


def test_title_drops_the_speaker_after_door_but_keeps_an_organisation() -> None:
    assert _without_speaker("Kritische reflectie door prof. dr. Ann Peeters, docent") == "Kritische reflectie"
    assert _without_speaker("Buurtwerk georganiseerd door OCMW Gent") == "Buurtwerk georganiseerd door OCMW Gent"
    assert _without_speaker("Voorwoord door Jan Jansen") == "Voorwoord door Jan Jansen"  # the speaker is all it says


def test_a_question_is_not_cut_before_its_verb() -> None:
    assert _title_from_entry("Wie is er welkom in de buurt van morgen? Een gesprek").startswith("Wie is er welkom")
    assert _title_from_entry("Buurtpunt Noord is een ontmoetingsplek voor iedereen") == "Buurtpunt Noord"


# ---------------------------------------------------------------- conventions of web and PDF copy
def test_a_heading_set_directly_above_its_paragraph_starts_a_record() -> None:
    body = ("De stad helpt huurders die hun woning dreigen te verliezen. Een maatschappelijk werker gaat op "
            "huisbezoek en zoekt samen met de huisbaas naar een afbetalingsplan.")
    text = (f"Wonen in de stad\nMeer info over wonen en welzijn:\n \nHuurdersbegeleiding\n{body}\n \n"
            f"Woonloket aan huis\n{body}\n \nKlusdienst voor senioren\n{body}\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Huurdersbegeleiding", "Woonloket aan huis", "Klusdienst voor senioren"]


def test_numbered_steps_that_address_the_reader_stay_in_one_record() -> None:
    text = ("Installatiepremie\n\nWie na een periode van dakloosheid een woning vindt, kan een premie vragen bij "
            "het OCMW. De premie helpt om de eerste meubels te kopen.\n\n1. U heeft een woning gevonden.\n\n"
            "2. De woning wordt uw hoofdverblijfplaats.\n\n3. U vraagt de premie aan binnen de twee maanden.\n")
    segs = checked(text)
    assert len(segs) == 1
    assert text[segs[0].start:segs[0].end].rstrip().endswith("twee maanden.")


def test_a_date_at_a_titles_end_goes_with_its_preposition() -> None:
    item = _Item(0, 10, "Netwerkdag van 01/12/2015", "item")
    assert _recognisable("Netwerkdag van 01/12/2015", item) == "Netwerkdag"
    assert _recognisable("Dag van de vrijwilliger", item) == "Dag van de vrijwilliger"


def test_a_news_headline_loses_the_byline_printed_above_its_date() -> None:
    story = ("Het stadsbestuur maakt geld vrij voor een buurtrestaurant in de wijk. Bewoners koken er samen "
             "en betalen wat ze kunnen. \"Zo eet niemand alleen\", zegt de schepen.\n")
    for headline, title in (("Stad opent buurtrestaurant in Kessel-Lo Ellen Peeters", "Stad opent buurtrestaurant "
                             "in Kessel-Lo"), ("Buurtrestaurant krijgt extra kok Van Damme", None),
                            ("Nieuwe vrijwilligers voor het sociaal restaurant LXB", "Nieuwe vrijwilligers voor "
                             "het sociaal restaurant"), ("Meer steun voor het OCMW", "Meer steun voor het OCMW")):
        text = f"{headline}\n\n04 december 2019\n\n{story}"
        segs = checked(text)
        assert segs[0].title == (title or headline)
    undated = segment(f"Gesprek met Ellen Peeters\n\n{story}")
    assert undated[0].title == "Gesprek met Ellen Peeters"  # no date under it: no byline either


def test_bulleted_coffee_and_welcome_slots_are_no_records() -> None:
    text = ("Programma van de studiedag\n\n • 9.00u Onthaal met koffie\n"
            " • 9.30u Welkom door prof. dr. Lies Goossens, voorzitter van de werkgroep Armoede\n"
            " • 9.45u Getuigenis “Onthaal Sint-Jozef” (Ann Smets en Jo Wouters)\n"
            " • 10.15u De sector van de buurtwinkels (Jan Claes, coördinator, Buurtwinkel Lier)\n"
            " • 10.45u Energiearmoede (Els Maes, coördinator energie, OCMW Mechelen)\n • 12.30u Lunch\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Getuigenis “Onthaal Sint-Jozef”", "De sector van de buurtwinkels",
                                       "Energiearmoede"]


def test_prose_hard_wrapped_without_blank_lines_is_read_not_taken_for_links() -> None:
    prose = ("Het Sociaal Huis van de gemeente bundelt sinds 2006 de sociale dienst, de\n"
             "dienst burgerzaken en het onthaal in een gebouw. Vroeger moesten inwoners\n"
             "voor elke vraag naar een ander loket, en wisten ze vaak niet waar ze\n"
             "terecht konden. Nu helpt een onthaalmedewerker hen verder en verwijst\n"
             "door waar nodig. De samenwerking tussen gemeente en OCMW groeide zo\n"
             "stap voor stap, eerst voor informatica en communicatie, daarna voor\n"
             "alle diensten aan de burger.\n")
    text = "Het Sociaal Huis van Zonnegem\nOntstaan\n" + prose
    segs = checked(text)
    assert len(segs) == 1 and segs[0].end >= len(text.rstrip()) - 1


def test_a_report_flattened_under_its_repeated_cover_lines_is_read_not_taken_for_links() -> None:
    cover = "Sociaal Huis Zonnegem JAARVERSLAG 2014\nSociaal Huis Zonnegem\nJaarverslag 2014\n1\n" * 2
    letter = ("Beste lezer Naar jaarlijkse gewoonte krijgt u hierbij het jaarverslag van het Sociaal Huis. " + LONG
              + "In 2014 startte de stuurgroep kinderarmoede met een werking rond kleuterparticipatie. ") * 2
    segs = checked(cover + letter + "\n")
    assert len(segs) == 1 and texts(cover + letter, segs)[0].startswith("Beste lezer")


def test_prose_after_a_contact_block_is_one_record_and_logistics_alone_are_none() -> None:
    contact = "Buurtwerk Noord\n\nContact:\n\nKerkstraat 1\n2000 Antwerpen\nTel : 03/123 45 67\n\n"
    prose = ("Wonen is voor veel gezinnen te duur. Het buurtwerk brengt huurders samen en zoekt met hen naar "
             "betaalbare woningen. Samen met de huisvestingsmaatschappij worden leegstaande panden opgeknapt "
             "door de toekomstige bewoners zelf. Zo leren ze een vak en krijgen ze een thuis. Wie wil "
             "meedoen, komt eerst naar een kennismaking in het buurthuis.\n")
    segs = checked(contact + prose)
    assert [(s.start, s.title) for s in segs] == [(len(contact), "Buurtwerk Noord")]
    assert segment(contact + "Inschrijven kan tot 3 mei via info@buurtwerk.be. Deelname kost 10 euro.\n") == []


def test_talks_presented_after_the_programmes_last_slot_are_records_titled_by_their_subject() -> None:
    text = ("Netwerkavond Dorpen in beweging\n\nProgramma\n\n19.30 u. Onthaal\n\n20 u. Welkom\n\n"
            "20.10 u. Lezing\n\n21.30 u. Drankje\n\nDe lezing wordt gegeven door\n\nSara Wouters\n\n"
            "Sara onderzocht ‘de dorpskern als ontmoetingsplaats’ in tien Kempense gemeenten. Ze sprak met "
            "bewoners, handelaars en verenigingen over wat een dorp leefbaar houdt.\n\n"
            "Tom Peeters\n\nis coördinator bij Buurtwerk Kempen. Hij vertelt hoe bewoners er zelf een "
            "buurtwinkel openden, met steun van de gemeente en vrijwilligers uit het dorp.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["De dorpskern als ontmoetingsplaats", "Coördinator bij Buurtwerk Kempen"]
    assert [text[s.start:s.end].split("\n")[0] for s in segs] == ["Sara Wouters", "Tom Peeters"]


def test_a_heading_of_two_capitalised_words_is_no_speaker_unless_the_text_goes_on_about_them() -> None:
    text = (f"Goede praktijken\n\nBuddy Mechelen\n\nNiet alle kinderen hebben het makkelijk op school. {LONG}\n\n"
            f"De Meander\n\nHet inloopcentrum is elke dag open voor wie een babbel zoekt. {LONG}\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Buddy Mechelen", "De Meander"]


def test_a_programme_announced_by_a_question_ends_the_registration_block_before_it() -> None:
    text = ("Studiedag Sterk OCMW\n\nInschrijven\n\nDeel de studiedag\n\nWat staat op het programma?\n\n"
            "Buurtwerk in Kessel-Lo\n\n" + LONG + LONG + "\n\nSociale kruidenier in Hamme\n\n" + LONG + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Buurtwerk in Kessel-Lo", "Sociale kruidenier in Hamme"]


def test_a_workshop_title_over_its_practical_bullets_starts_a_record() -> None:
    text = ("Campagneweek tegen armoede\n\nOp het programma:\n\n"
            "Samen sterk! Hoe betrek je gebruikers bij je organisatie?\n• Voor wie? Iedereen die met "
            "participatie werkt\n• Wanneer en waar? 11 oktober om 11u in het stadhuis\n• Inschrijven bij: "
            "info@voorbeeld.be\n\n" + LONG + "\n\nOuders en school als partners\n• Voor wie? Leerkrachten en "
            "directies\n• Wanneer en waar? 12 oktober om 9.30u in de bibliotheek\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Samen sterk! Hoe betrek je gebruikers bij je organisatie?",
                                       "Ouders en school als partners"]


def test_news_headlines_over_their_dates_each_start_a_record() -> None:
    text = ("Realisaties\n\nHieronder vind je een greep uit de initiatieven.\n\n"
            f"Vakantiewerking in Merksplas\n05-07-2017\n\n{LONG}{LONG}\n\n"
            f"Opening van de buurttuin\n12 september 2017\n\n{LONG}{LONG}\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Vakantiewerking in Merksplas", "Opening van de buurttuin"]


def test_numbered_workshops_are_records_titled_without_their_label() -> None:
    text = ("Namiddag: kies een werkwinkel\n\n"
            f"Werkwinkel 1: Diversiteit als troef!\n\n{LONG}\n\nWerkwinkel 2: Ouders als partners\n\n{LONG}\n\n"
            f"Themasessie 3: Taal op de werkvloer\n\n{LONG}\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Diversiteit als troef!", "Ouders als partners", "Taal op de werkvloer"]


def test_sessions_numbered_within_their_block_are_records_and_their_numbered_panel_is_none() -> None:
    panel = ("Moderator: Prof. Dr. Jan Peeters, Vakgroep Bestuurskunde (UGent)\n\n"
             " 1. Dirk Van Praet (Schepen sociale zaken Zonnegem en voorzitter welzijnskoepel)\n"
             " 2. Sara Smets, (inhoudelijk directeur CAW Zonnegem)\n"
             " 3. Bram De Wit – huisarts, lid huisartsenkring Zonnegem\n\n")
    text = ("10:00 uur – Sessies, blok A\n\nDeelnemers kozen één van de onderstaande sessies.\n\n"
            f"Sessie A.1. – De zorgende regio!\n{LONG}\n\n{panel}"
            f"Sessie A.2. – Een leefbare regio!\n{LONG}\n\n{panel}")
    segs = checked(text)
    assert [s.title for s in segs] == ["De zorgende regio!", "Een leefbare regio!"]


def test_a_panel_bullet_over_its_members_set_deeper_is_one_session_with_its_speakers() -> None:
    text = ("Inspiratiedag Kom op voor je Wijk\n\nProgramma\n\n"
            " • Gesprek over het belang van burgerinitiatieven met Filip De Rynck – Hoogleraar Bestuurskunde, UGent\n"
            " • Panelgesprek over het ‘Zonnegem van de toekomst’ met:\n"
            "  • Johan Van Reeth – stedenbouwkundige BUUR & trekker autoluwe binnenstad\n"
            "  • Kolet Janssen – auteur en aanvraagster van het eerste uur\n"
            "  • Elke Plovie – coördinator Centrum voor Burgerschap\n\nModerator: Wim De Vilder\n")
    segs = checked(text)
    assert [s.title for s in segs][-1] == "Zonnegem van de toekomst"
    assert texts(text, segs)[-1].endswith("Centrum voor Burgerschap")


def test_the_speakers_a_panels_description_tells_are_that_one_session() -> None:
    text = ("Wereldvluchtelingendag is hét moment om bruggen te slaan tussen inwoners en mensen op de vlucht.\n\n"
            "Dinsdagavond 19 juni ben je welkom op het panelgesprek. Woensdag leer je op de wandeling de diensten "
            "voor vluchtelingen kennen.\n\nPanelgesprek Mensenrechtensteden\n\n"
            "Naar aanloop van Wereldvluchtelingendag kan je op dinsdag 19 juni om 20.00 uur het panelgesprek over "
            "Mensenrechtensteden bijwonen.\n\nVicerector Mieke Van Aken van de Universiteit Gent leidt de avond in. "
            "Daarna steekt Prof. Dr. Barbara Oomen van wal met haar bevindingen uit internationaal onderzoek. "
            "Moderator Tina De Gendt leidt de discussie met de panelleden. Farah Laporte van Refu Interim vertelt "
            "over het belang van basiswerk met vluchtelingen in Zonnegem.\n\nDeze activiteit is gratis.\n")
    segs = checked(text)
    assert [(s.title, s.kind) for s in segs][-1] == ("Panelgesprek Mensenrechtensteden", "session")
    assert segs[-1].end == len(text.rstrip())


def test_a_training_or_info_evening_named_as_such_heads_a_record_also_over_a_quotation() -> None:
    text = (f"Elk jaar vindt de Week van de Opvoeding plaats. {LONG}\n\n"
            "Vorming voor ouders: Veilig online – schermtijd, schermstrijd?\n\n"
            f"“Al van bij de geboorte worden baby’s omringd door schermen.” {LONG}\n\n"
            f"Infoavond: slapen zonder zorgen\n\n{LONG}\n")
    titles = [s.title for s in checked(text)]
    assert titles[-2:] == ["Vorming voor ouders: Veilig online – schermtijd, schermstrijd?",
                           "Infoavond: slapen zonder zorgen"]
    section = f"Het buurtwerk\n\n{LONG}\n\nVorming\n\n{LONG}\n"  # a bare 'Vorming' is a section word
    assert [s.title for s in checked(section)] == ["Het buurtwerk"]


def test_titles_keep_amounts_and_lose_a_news_time_stamp_and_a_presenting_speaker() -> None:
    item = _Item(0, 10, "x", "item")
    assert _recognisable("560.000 euro voor kinderopvang 02u48 0 Geraardsbergen Het Huis van het Kind", item) == (
        "560.000 euro voor kinderopvang")
    # a long headline cut short just after the time stamp, before the town
    assert _recognisable("Tienen krijgt 23 extra plaatsen in kinderopvang voor kwetsbare gezinnen 02u27 3 …", item) == (
        "Tienen krijgt 23 extra plaatsen in kinderopvang voor kwetsbare gezinnen")
    assert _recognisable("Mathias Vaes, diensthoofd bij het Sociaal Huis, vertelt over de buurtgerichte aanpak van "
                         "armoede", item) == "De buurtgerichte aanpak van armoede"
    text = ("560.000 euro voor kinderopvang in Geraardsbergen\n\nHet Huis van het Kind krijgt geld van de Vlaamse "
            "overheid voor activiteiten met ouders en kinderen. De stad start ermee in september.\n")
    assert [s.title for s in segment(text)] == ["560.000 euro voor kinderopvang in Geraardsbergen"]


@pytest.mark.parametrize("shape", ["{}\n\n", "## {}\n\n", "**{}**\n\n", "# {} #\n\n", "__{}__\n\n"])
def test_sections_under_a_page_title_are_records_with_or_without_markdown(shape: str) -> None:
    text = "Goede praktijken in de regio\n\n"
    for name in ("Buurtwerk Noord", "Sociale kruidenier Hamme", "Klusdienst voor senioren"):
        text += shape.format(name) + LONG + "De gemeente steunt het initiatief.\n\n"
    segs = checked(text)
    assert [s.title for s in segs] == ["Buurtwerk Noord", "Sociale kruidenier Hamme", "Klusdienst voor senioren"]
    assert all(text[s.start:s.end].startswith(s.title) for s in segs)  # the markup stays outside the span


def test_a_logo_caption_is_no_title() -> None:
    text = f"Logo Woondienst Zonnegem\n\nWonen en energie\n\n{LONG}{LONG}\n"
    segs = checked(text)
    assert [s.title for s in segs] == ["Wonen en energie"]


def test_markup_left_in_a_plain_text_copy_is_no_part_of_a_title() -> None:
    text = f"Leernetwerk Opvoedingsondersteuning <strong>Meetjesland</strong><br />\n\n{LONG}{LONG}\n"
    segs = checked(text)
    assert [s.title for s in segs] == ["Leernetwerk Opvoedingsondersteuning Meetjesland"]


@pytest.mark.parametrize("head, start, title", [
    ("Zorgpunt Zonnegem", 0, "Zorgpunt Zonnegem"),
    ("Nieuwsbrief april 2016", None, "Inzetten op een lokaal mantelzorgbeleid"),  # an edition, not the practice
])
def test_the_only_practice_under_a_page_title_and_its_lead_is_headed_by_the_page_title(head: str, start: int | None,
                                                                                         title: str) -> None:
    section = "Inzetten op een lokaal mantelzorgbeleid\n\n"
    text = (f"{head}\n\nVia het Zorgpunt kunnen mantelzorgers in Zonnegem ervaringen en goede praktijken "
            f"uitwisselen.\n\n{section}{LONG}{LONG}\n")
    segs = checked(text)
    assert [(s.start, s.title) for s in segs] == [(text.index(section) if start is None else start, title)]


def test_a_listing_of_posts_gives_a_record_per_post_titled_without_its_icon() -> None:
    post = ("posticon {title}\n\nPosted on vr, 05/{day}/2014 - 13:28 by Mieke Peeters\n\n{title}\n\n"
            f"{LONG}{LONG}\n\nTags:\n\n")
    titles = ["Week van de opvoeding", "Opening centrum Molenmoes", "Investeren in zorg"]
    text = "".join(post.format(title=t, day=20 + k) for k, t in enumerate(titles))
    segs = checked(text)
    assert [s.title for s in segs] == titles
    assert [s.start for s in segs] == [text.index(f"posticon {t}") for t in titles]
    visit = f"45.Werkbezoek nachtopvangcentrum De Biekorf\n\n{LONG}\n"  # after a prefix the word is the title's
    assert [s.title for s in checked(visit)] == ["Nachtopvangcentrum De Biekorf"]


def test_a_page_is_titled_by_its_short_heading_across_photo_credits() -> None:
    text = (f"ZenneLab – Broek\n\nProject\n\n© Jan Peeters\n\n© iso800 voor SAAMO\n\n© iso800 voor SAAMO\n\n"
            f"{LONG}{LONG}\n\n© iso800 voor SAAMO\n\n{LONG}\n")
    segs = checked(text)
    assert [(s.start, s.title) for s in segs] == [(0, "ZenneLab – Broek")]
    assert segs[0].end == len(text.rstrip())
    two_words = segment(f"STEK Peterbos\n\nProject\n\nIn de woonwijk werken we samen met de bewoners. {LONG}\n")
    assert [s.title for s in two_words] == ["STEK Peterbos"]


def test_a_numbered_list_announced_as_the_days_themes_gives_a_theme_table_each() -> None:
    text = ("Inspiratiedag buurtzorg\n\nOp de inspiratiedag kwamen vier thema's aan bod:\n\n 1. Co-creatie\n"
            " 2. Wonen met zorg\n 3. Detectie en toeleiding van kwetsbare bewoners\n 4. Bottom-up\n")
    segs = checked(text)
    assert [(s.title, s.kind) for s in segs] == [("Co-creatie", "theme-table"), ("Wonen met zorg", "theme-table"),
                                                 ("Detectie en toeleiding van kwetsbare bewoners", "theme-table"),
                                                 ("Bottom-up", "theme-table")]


def test_bulleted_or_lower_case_themes_announced_by_the_lead_sentence_are_theme_tables() -> None:
    bullets = checked("Verslag buurtnetwerken\n\n" + LONG + "\n\nVervolgens gingen we in gesprek aan gesprekstafels. "
                      "De volgende thema's werden besproken:\n\n  • Geldzorgen\n  • Tandartsbezoek\n"
                      "  • Digitalisering\n")
    assert [(s.title, s.kind) for s in bullets][-3:] == [("Geldzorgen", "theme-table"),
                                                        ("Tandartsbezoek", "theme-table"),
                                                        ("Digitalisering", "theme-table")]
    lower = checked("Nadien bespraken 4 werkgroepen de volgende thema’s:\n\n1.ouderen (ouderenzorg en participatie)\n"
                    "2.kinderen (kinderopvang en opvoedingsondersteuning)\n")
    assert [s.kind for s in lower] == ["theme-table", "theme-table"]
    earlier = checked("Praatcafés dementie\n\n" + LONG + "\n\nDit jaar staan er boeiende thema's op het programma. "
                      "Hieronder vind je een overzicht van alle praatcafés:\n\n  • Dinsdag 25 februari 2025\n"
                      "  • Donderdag 24 april 2025\n")
    assert "theme-table" not in [s.kind for s in earlier]
    plan = checked("Afstemming tussen zorgraden en gemeenten\n\n" + LONG + " De prioritaire thema's die werden "
                   "doorgestuurd zijn:\n\n  • Kwetsbare ouderen\n  • Intrafamiliaal geweld\n  • Mantelzorg\n")
    assert [s.kind for s in plan] == ["practice"]  # what a plan is about, no tables talked at
    groups = checked("Sociaalwerkconferentie\n\n" + LONG + " In november werden drie werkgroepen samengesteld met "
                     "terreinwerkers uit verschillende sectoren:\n\n  • Sociaal werk op de eerste lijn\n"
                     "  • Sociaal werk en kinderen\n  • Sociaal werk en ouderen\n")
    assert [s.kind for s in groups][-3:] == ["theme-table"] * 3  # each group works on its theme
    each = checked("Werkgroep praktijk\n\n" + LONG + "\n\nDeze werkgroep komt driemaal samen, telkens rond één bepaald "
                   "thema:\n\n 1. grondrechten in het sociaal werk;\n 2. superdiversiteit en sociaal werk;\n"
                   " 3. sterktes van het sociaal werk.\n")
    assert [s.kind for s in each][-3:] == ["theme-table"] * 3


def test_bulleted_headings_set_apart_over_their_paragraphs_are_sibling_sections_however_short() -> None:
    text = ("Op het programma stonden:\n\n  • Rolstoelparcours:\n\n" + LONG + LONG + "\n\n  • Blindenparcours:\n\n"
            "Welkom in de wereld van de duisternis. Een programma dat door blinden wordt begeleid.\n\n"
            "  • Dovenworkshop:\n\nEr is een interactief programma door dove personen, in gebarentaal.\n")
    assert [s.title for s in checked(text)] == ["Rolstoelparcours", "Blindenparcours", "Dovenworkshop"]
    partners = checked("Lokaal overleg\n\n" + LONG + "\n\n • vzw Soma\n  vereniging waar armen het woord nemen\n"
                       " • Huis van het Kind\n  helpt mensen op weg in het aanbod rond opvoeding en opgroeien\n")
    assert len(partners) == 1


def test_a_headline_that_quotes_the_projects_name_is_titled_by_it() -> None:
    item = _Item(0, 10, "", "item")
    assert _recognisable("Gemeente Zonnegem lanceert het project ‘Buurtmaatjes’", item) == "Buurtmaatjes"
    assert _recognisable("‘Samen Sterk’ op bezoek bij de burgemeester", item) == "Samen Sterk"
    assert _recognisable("Buurtcafé: ook voor daklozen een ‘Warme Winter’", item) == (
        "Buurtcafé: ook voor daklozen een ‘Warme Winter’")  # a name before the colon already heads it


def test_a_listed_project_after_its_organisation_is_titled_by_the_project() -> None:
    assert _title_from_entry("Buurtwerk De Schakel vzw: Samen aan tafel") == "Samen aan tafel"
    assert _title_from_entry("Basisschool De Linde, Stedelijke Basisschool Het Anker en de brugfiguur onderwijs "
                             "Zonnegem: Brede school op woensdag") == "Brede school op woensdag"
    assert _title_from_entry("OKAN Roeselare: Moestuin op school") == "Moestuin op school"
    assert _title_from_entry("Ladymove in Ronse: meer dan sport") == "Ladymove in Ronse"  # a practice and its place


def test_short_titles_between_paragraphs_without_blank_lines_are_sections() -> None:
    sections = [("Luierpunt", "In de bibliotheek kunnen ouders hun baby verversen en voeden. Het is een rustige plek "
                              "met een verzorgingstafel en een zetel. Meer info op www.zonnegem.be/luierpunt."),
                ("Fietsbieb", "Ouders lenen er voor een klein bedrag een kinderfiets. Groeit je kind, dan ruil je "
                              "de fiets in voor een grotere. Vrijwilligers herstellen de fietsen elke zaterdag."),
                ("Speelstraat", "Bewoners kunnen hun straat in de zomer afsluiten voor het verkeer. Kinderen spelen "
                                "er dan veilig buiten. De aanvraag gebeurt bij de dienst mobiliteit van de stad.")]
    text = "Jong in Zonnegem: een terugblik\n-\n" + "\n".join(f"{h}\n{p}" for h, p in sections) + "\n"
    segs = checked(text)
    assert [s.title for s in segs] == ["Luierpunt", "Fietsbieb", "Speelstraat"]
    story = ("Dienstencentrum opent de deuren in Zonnegem\n" + sections[0][1] + "\nLuierpunt\n" + sections[1][1]
             + "\n")
    assert len(segment(story)) == 1  # one intertitle in a news story: the same story goes on


def test_bullets_under_a_titled_workshop_heading_are_its_topics() -> None:
    text = ("Programma\n\nWORKSHOP 1: ANALYSE VAN DE SITUATIE\n\n • Wettelijk kader\n • Analyse van de omgeving\n"
            " • Sterktes en zwaktes\n\nWORKSHOP 2: DE ROL VAN DE COÖRDINATOR\n\n • Opdracht en werkwijze\n"
            " • Netwerk van coördinatoren\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Analyse van de situatie", "De rol van de coördinator"]
    assert segs[0].end > text.index("Sterktes")


def test_cards_under_repeated_category_labels_give_a_record_each() -> None:
    text = ("De prijs voor succesvolle buurtprojecten\n\nIn 2025 beloonde de award inspirerende buurtprojecten met "
            "een prijzenpot van 26.000 euro. Voor de tiende keer reikten we prijzen uit aan besturen en burgers.\n\n"
            "Ontdek de winnaars\n\nWinnaar van het buurtfeest\n\nBuurtpunt Den Hannekesnest\n\n"
            "Een warm nest waar buren, met en zonder beperking, elkaar kunnen ontmoeten\n\n"
            "Publieksprijs\n\nCorrid'or\n\nBruisende sport- en ontmoetingsplek onder het viaduct\n\n"
            "Winnaar van het buurtfeest\n\nPousse-Pousse\n\nLevend laboratorium voor ecologische transitie\n\n"
            "Publieksprijs\n\nParc des Dames Blanches\n\nVerlaten schoolsite wordt nieuw buurtpark\n")
    segs = checked(text)
    tabs = ("Zonnegem Dialoogstad\n\nZonnegem Dialoogstad is een samenwerkingsverband tussen verenigingen die werken "
            "rond armoede, het OCMW en de stad. Het platform komt maandelijks samen. Op de vergaderingen worden "
            "initiatieven rond armoede besproken en opgevolgd. Hieronder een overzicht van de dialoogtafels.\n\n"
            "Dialoogtafels 2010 : 'Dialoog werkt'\n\nDialoogtafels 2013 : 'Onderwijs'\n\n"
            "Dialoogtafels 2010 : 'Dialoog werkt'\n\nNaar aanleiding van het Europees jaar van de bestrijding van "
            "armoede gingen mensen in armoede in dialoog met het beleid.\n")
    assert checked(tabs)[0].title == "Zonnegem Dialoogstad"  # 'Dialoogtafels 2013' is a tab, no card
    story = ("Ondertekening van het charter\n\n22-11-2017\n\nNa Antwerpen en Mechelen heeft nu ook de Kempen een "
             "Family Justice Center. Burgemeesters en partners ondertekenden het charter in Turnhout.\n\n22-11-2017\n\n"
             "Het centrum brengt hulpverlening, politie en justitie samen onder één dak.\n")
    assert [s.title for s in checked(story)] == ["Ondertekening van het charter"]  # a repeated date labels no card
    paged = ("Echo's uit de wijk\n\nIn de wijk Zonnegem-Noord vertellen bewoners hoe zij hun buurt beleven en wat er "
             "beter kan. De verhalen worden gebundeld in een krant die elke maand verschijnt.\n\nEcho's uit de wijk\n\n"
             "2\n\nEcho's uit de wijk\n\nDe wijkkrant wordt gemaakt door vrijwilligers met steun van het buurtwerk.\n")
    assert [s.title[:2] for s in checked(paged)][0] == "In"  # a page number under the label is no card's name
    assert [s.title for s in segs][-4:] == ["Buurtpunt Den Hannekesnest", "Corrid'or", "Pousse-Pousse",
                                            "Parc des Dames Blanches"]
    assert texts(text, segs)[-1].endswith("nieuw buurtpark")


def test_a_field_line_repeated_under_each_project_ends_it() -> None:
    projects = ["Het project Buurtenergie wil energiearmoede in drie dorpen aanpakken door zuinige toestellen\n"
                "te verhuren aan gezinnen in armoede en door hulpverleners van het OCMW samen te laten\n"
                "werken, zodat ze alle nieuwe initiatieven kennen.\n",
                "Samen Tuinieren is een participatief project waarmee vrijwilligers een moestuin aanleggen\n"
                "voor en met bewoners van de sociale woonwijk. De oogst wordt gedeeld en de bewoners\n"
                "leren er van elkaar.\n"]
    text = "".join(p + f"Kostprijs project: {n}.000 euro\nSubsidie: {n // 2}.000 euro (50 %)\n"
                   for p, n in zip(projects, (80, 60)))
    segs = checked(text)
    assert [s.title for s in segs] == ["Buurtenergie", "Samen Tuinieren"]
    assert segs[0].end == text.index("\nSamen Tuinieren")  # the fields close the first project


def test_a_field_line_closes_a_project_whose_description_ends_in_a_quotation() -> None:
    quotes = ["“Het project richt een Huis van het Kind op als uitvalsbasis voor het netwerk van lokale bondgenoten.”",
              "“De scholen willen inzetten op de overgang van de derde kleuterklas naar het eerste leerjaar.\"",
              "“Het project besteedt aandacht aan de scharniermomenten bij schoolgaande kinderen.”"]
    text = "\n\n\n".join(f"{town}: SAAMO in samenwerking met de gemeente, het Huis van het Kind en de scholen "
                           f"van de gemeente\n\n{LONG}{q}\n\nSubsidiebedrag: "
                           f"{n}.000 euro" for town, q, n in zip(("De Panne", "Blankenberge", "Gistel"), quotes,
                                                                 (155, 150, 195)))
    segs = checked(text)
    assert [text[s.start:s.end].split(":")[0] for s in segs] == ["De Panne", "Blankenberge", "Gistel"]


def test_a_label_line_set_off_by_wider_space_above_heads_what_follows() -> None:
    items = [("Talent in de kijker: pysanky", "Paaseieren beschilderen op traditioneel-Oekraïense wijze. Het werd een "
              "bijzonder leuke activiteit voor 55-plussers die kennismaakten met het talent van twee Genkenaren."),
             ("Talent in de kijker: betere foto's met je smartphone", "Een hobbyfotograaf leerde een dertigtal "
              "senioren hoe ze betere foto's maken met hun smartphone. Na wat theorie volgde de praktijk in het park, "
              "waar iedereen zijn beste beeld mocht tonen."),
             ("Talent in de kijker: planten in bloembakken", "In mei kregen twintig senioren allerlei tips voor "
              "meer succes in hun bloembakken van een inspirerende 55-plusser die zijn talent deelde met andere "
              "inwoners van de stad.")]
    text = "Ons jaar in foto's\n\n" + "".join(f"\n \n\n{head}\n\n{body}\n" for head, body in items)
    segs = checked(text)
    assert [s.title for s in segs] == [head for head, _ in items]


def test_bullets_naming_an_activity_and_its_hosts_in_brackets_are_one_practice_each() -> None:
    visits = ["Fietstocht langs natuur en erfgoed (Natuurpunt, Depot Rato & de Fietsersbond)",
              "Circulaire economie en ouderenzorg (Hof Van Egmont, Klusbib & Fietsbib)",
              "Op stap in de buurt Heihoek (Buurtparlement Heihoek en Wijkhuis Oost)",
              "Jeugd (Transit M, Circolito en Jeugdraad)"]
    text = ("Studiebezoeken\n\nDe deelnemers konden kiezen uit vier tours bij organisaties waar vrijwilligers het "
            "verschil maken.\n\n" + "".join(f"  • {v}\n" for v in visits))
    segs = checked(text)
    listed = [s for s in segs if s.start > text.index("•")]
    assert [s.title for s in listed] == ["Fietstocht langs natuur en erfgoed", "Circulaire economie en ouderenzorg",
                                         "Op stap in de buurt Heihoek", "Jeugd (Transit M, Circolito en Jeugdraad)"]
    people = segment("Sprekers\n\n" + "".join(f"  • {p}\n" for p in (
        "Leen Vandermeeren (VVSG, KU Leuven)", "Bart Claes (OCMW Gent & CAW Oost-Vlaanderen)",
        "Ine Moens (Samenlevingsopbouw, SAAMO)")))
    assert len(people) <= 1


def test_a_bullet_announcing_the_examples_set_deeper_under_it_is_no_record_and_they_are_practices() -> None:
    text = ("Gespreksavond over wonen\n\nProgramma:\n\n"
            "  • Introductie van de wooncrisis door Céline Drieskens (VUB)\n"
            "  • Panelgesprek met vertegenwoordigers van 3 inspirerende voorbeelden :\n"
            "    • Community Land Trust Brussels-project Arc-en-Ciel in Molenbeek,\n"
            "    • Daryacu, een solidair en collectief huis in Sint-Joost,\n"
            "    • WoonBox Gent, tijdelijk onderdak voor dak- of thuislozen.\n")
    segs = checked(text)
    assert [text[s.start:s.end].split(",")[0] for s in segs] == [
        "Introductie van de wooncrisis door Céline Drieskens (VUB)",
        "Community Land Trust Brussels-project Arc-en-Ciel in Molenbeek", "Daryacu", "WoonBox Gent"]
    assert [s.kind for s in segs] == ["session", "practice", "practice", "practice"]


def test_a_time_range_under_the_date_of_the_event_is_when_it_is_held_not_a_slot() -> None:
    text = ("Onbeperkt op de planken\n\nDrie theaterverenigingen\nvr 27 okt 23 13:30 - 18:00\n"
            "Inspiratiedag sociaal-artistiek theater\nvr 27 okt '23\n13:30 - 18:00\n"
            "  • vr 27 okt '23\n    13:30 - 18:00\n"
            "    Theaterzaal Biekorf - Sint-Jakobsstraat 8\n\nTheater brengt iedereen samen. In de zaal, achter de "
            "schermen en op het podium. Maar krijgt echt iedereen evenveel kansen? Of vallen mensen met minder kansen "
            "nog te vaak uit de boot? Hoog tijd om van elkaar te leren en ideeën te delen.\n\nTijdens het festival "
            "organiseren drie verenigingen op 27 oktober een inspiratiedag. Ze bieden een podium aan experten en "
            "sleutelfiguren uit het theater om met elkaar in dialoog te gaan.\n\n"
            "Tickets:\n\n- inspiratiedag: gratis\n- inspiratiedag + netwerkmoment: 10 euro\n\n"
            "13u30 - 14u00 ontvangst & inloop\n\n"
            "14u45 - 16u00 Gesprek met als kapstok de voorstelling Ne Kersentuin\n\n"
            "16u30 - 17u30 Gesprektafels over drempels in het amateurtheater\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Gesprek met als kapstok de voorstelling Ne Kersentuin",
                                       "Gesprektafels over drempels in het amateurtheater"]


def test_a_wrapped_line_that_goes_on_with_workshop_is_no_heading_and_a_brand_is_a_title() -> None:
    text = (f"Zij aan zij tegen kinderarmoede\n\n{LONG}In deze\nworkshop leren we de methodiek kennen en gaan we er "
            f"zelf mee aan de slag met de deelnemers.\n")
    assert len(segment(text)) == 1
    brand = segment(f"geWOONtebreker: samen wonen hertekenen\n\n12u10\n\n{LONG}\n\n"
                    "Dit is een sessie van de provincie\n")
    assert brand[0].title == "geWOONtebreker: samen wonen hertekenen"


def test_a_headline_over_a_news_time_stamp_loses_its_byline() -> None:
    text = (f"Dienstencentrum komt naar buiten met koffie Els Peeters\n\n15u54 0 Zonnegem Gezellig werd het "
            f"dinsdag op het voetpad van de wijk. {LONG}\n")
    assert segment(text)[0].title == "Dienstencentrum komt naar buiten met koffie"


def test_towns_with_their_dates_head_one_action_each() -> None:
    actions = [("Aalst – Zaterdag 13 oktober", "“Hoog tijd voor een sterk armoedebeleid!”",
                "Van 10:00 tot 12:00 op de Grote Markt. Mensen in armoede trekken zelf de sjerp aan."),
               ("Brugge – Woensdag 17 oktober", "“Samen voor een sociaal beleid”",
                "Van 18:00 tot 20:00 op het Burgplein. Getuigenissen over uitsluiting en een oproep."),
               ("Gent – Woensdag 17 oktober", "“Gent maakt lawaai tegen armoede”",
                "Van 17:00 tot 18:00 aan de Stadshal: breng een trommel, pot of pan mee.")]
    text = "Werelddag van verzet tegen armoede\n\n" + "".join(f"{a}\n\n{b}\n\n{c}\n\n" for a, b, c in actions)
    segs = checked(text)
    assert [s.title for s in segs] == ["Hoog tijd voor een sterk armoedebeleid!", "Samen voor een sociaal beleid",
                                       "Gent maakt lawaai tegen armoede"]
    practice_in = segment("Deze praktijk in\n\nBeersel\n\nVrijetijdscheque in het onthaalpakket voor nieuwe inwoners "
                          "en voor cliënten van het OCMW. Elke cheque is 10 euro waard.\n\nEeklo\n\n"
                          "Actieve bekendmaking van de Uitpas bij anderstalige nieuwkomers.\n")
    assert [s.title for s in practice_in] == ["Vrijetijdscheque in het onthaalpakket voor nieuwe inwoners en voor "
                                              "cliënten van het OCMW", "Actieve bekendmaking van de Uitpas bij "
                                              "anderstalige nieuwkomers"]


def test_a_news_storys_intertitle_over_a_paragraph_that_points_back_is_no_new_record() -> None:
    lead = ("Zonnegem - Het sociaal huis opende zaterdag een buurtrestaurant in de wijk Kouter. Bewoners koken er "
            "samen en betalen wat ze kunnen, zodat niemand nog alleen hoeft te eten in de buurt.")
    on = ("Deze aanpak is voor de schepen de kroon op het werk. “We zien nu al dat mensen elkaar vaker opzoeken”, "
          "zegt ze. Het restaurant is open op dinsdag en donderdag.")
    story = f"Buurtrestaurant opent de deuren\n\n{lead}\n\nKroon op het werk\n\n{on}\n"
    segs = checked(story)
    assert len(segs) == 1 and segs[0].end == len(story.rstrip())
    line = lambda t: Line(0, 0, len(t), t)  # noqa: E731 - a one-off constructor
    assert _intertitle(line("Kroon op het werk"), line("Deze aanpak is ..."))
    assert not _intertitle(line("Fietsbieb Kouter"), line("Deze fietsen ..."))  # a name heads a new practice
    assert not _intertitle(line("Kroon op het werk"), line("In de Fietsbieb lenen ouders ..."))


def test_a_short_heading_ending_in_a_colon_over_its_paragraph_starts_a_record() -> None:
    text = ("Tussenkomst huishuur\n\nDe huur is voor veel mensen een zware kost. Daarom kan het OCMW in bepaalde "
            "gevallen een deel van de huur betalen. Die tussenkomst bedraagt hoogstens een vijfde van de huur. Een "
            "maatschappelijk werker onderzoekt eerst de aanvraag, samen met u, en bekijkt welke andere steun nog "
            "mogelijk is. Zo komt u niet in de problemen met de verhuurder en blijft uw woning betaalbaar, ook als uw "
            "inkomen een tijd daalt.\n\nHulp bij huurwaarborg:\n\nWie een huurwoning zoekt en de waarborg niet "
            "zelf kan betalen, kan bij het OCMW een renteloze lening aanvragen. De maatschappelijk werker bekijkt "
            "samen met u wat haalbaar is.\n\nDoelgroep:\n\nInwoners met een laag inkomen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Tussenkomst huishuur", "Hulp bij huurwaarborg"]


def test_a_lists_parent_that_goes_on_after_its_entries_stops_at_the_first_entry() -> None:
    text = ("Bouw van een ontmoetingsruimte in het project Oude Schoolsite in Zonnegem\n"
            "De woonmaatschappij bouwt op de plaats van de voormalige school een groepswoning voor actieve senioren "
            "rond een gemeenschappelijke tuin met een ontmoetingsruimte voor de hele buurt en de verenigingen.\n"
            "De provincie investeert 80.000 euro in vier projecten die de woonomgeving aangenamer maken. "
            "Verbeteringswerken aan het buurthuis horen daar ook bij, net als een nieuw park.\n"
            "•    20.000 euro aan de stad Halle voor verbeteringswerken aan het buurthuis Vogelweelde \n"
            "De provincie investeert nu 80.000 euro in de volgende vier projecten: \n"
            "•    20.000 euro aan de woonmaatschappij voor de bouw van een ontmoetingsruimte in Zonnegem\n"
            "•    20.000 euro aan de gemeente Zonnegem voor het buurthuis in de Kerkstraat\n"
            "80.000 euro voor een aangenamere woonomgeving\n"
            "“Om de open ruimte te beschermen zetten we in op kernversterking. Dat doen we doordacht. Zo moet "
            "wonen kwalitatief en betaalbaar blijven”, zegt de gedeputeerde.\n"
            "•    20.000 euro aan het OCMW voor het belevings- en ontmoetingspark in Zonnegem\n"
            "Meer info over de projecten: \n")
    check_invariants(text, segment(text))  # no record runs on over the entries of its own list


def test_a_bulleted_agenda_gives_a_record_a_talk_and_drops_its_welcome() -> None:
    text = ("Colloquium 20 jaar Buurtwerk Zonnegem\n\nPROGRAMMA - VRIJDAG 9 DECEMBER:\n\n"
            "  • 13u45 — 13u55: Onthaal\n"
            "  • 14u00 — 14u15: Verwelkoming door de coördinator van Buurtwerk Zonnegem\n"
            "  • 14u15 — 14u45: Key-note spreker — Belang van grondrechten — dhr. Jan Peeters (onderzoeker)\n"
            "  • 14u45 — 15u30: Panelgesprek met vertegenwoordigers van het middenveld over wonen en werk\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Belang van grondrechten",
                                       "Panelgesprek met vertegenwoordigers van het middenveld over wonen en werk"]
    listed = checked("Projecten in de praktijk:\n\n • 10 uur INSPIRER (energie)\n • 10.15 uur DNA (veilige "
                     "steden)\n • 10.30 uur iAge (e-inclusion)\n")
    assert len(listed) == 3  # under 'Projecten:' a timed bullet stays an entry of the list, however short


def test_a_line_announcing_initiatives_with_a_colon_makes_its_bullets_records() -> None:
    text = (f"Jaarverslag 2008\n\n{LONG}\n\nBovendien was er de kans om nieuwe initiatieven voor te bereiden, die "
            "dan verder in 2009 zullen geïmplementeerd worden:\n\n"
            "  • zo werd een aanvraag ingediend voor de erkenning van een karweidienst binnen de lokale "
            "diensteneconomie;\n"
            "  • het concept voor de opvoedingswinkel werd in overleg tussen gemeenten en OCMW's uitgewerkt;\n"
            "  • in de zijlijn werd meegewerkt aan het intergemeentelijk samenwerkingsverband rond wonen.\n")
    segs = checked(text)
    assert [t.split()[0] for t in texts(text, segs)[-3:]] == ["zo", "het", "in"]


def test_a_heading_over_two_short_paragraphs_and_a_count_of_examples_start_records() -> None:
    text = (f"Academische expertise rond armoede is er ook. {LONG}\n\n{LONG}\n\n"
            "Voorstelling van enkele verenigingen\n\nArmentekort\n\nArmentekort is een vzw die jongeren uitdaagt "
            "om kansarmoede te beëindigen. In ieder mens schuilt een kracht.\n\nMet opleidingen rond empowerment "
            "leert Armentekort buddy's de vlam in ieder van ons terug te vinden.\n")
    segs = checked(text)
    assert segs[-1].title == "Armentekort" and texts(text, segs)[-1].endswith("terug te vinden.")
    examples = (f"Buurten staan volop in de belangstelling. {LONG}\n\nTwee Zonnegemse voorbeelden voor Vlaanderen\n\n"
                "In het rapport wordt het buurtsalon in Kouter vermeld. Het buurtsalon is een centrale plek in het "
                "dorp waar dienstverlening en ontmoeting samenkomen.\n\nHet tweede voorbeeld is de buurtbabbel, "
                "waarbij het dienstencentrum verspreid over de gemeente ontmoetingsmomenten organiseert.\n")
    segs = checked(examples)
    assert [t.split(".")[0] for t in texts(examples, segs)[-2:]] == [
        "In het rapport wordt het buurtsalon in Kouter vermeld", "Het tweede voorbeeld is de buurtbabbel, waarbij "
        "het dienstencentrum verspreid over de gemeente ontmoetingsmomenten organiseert"]


def test_a_bulleted_list_of_speakers_belongs_to_the_session_it_follows() -> None:
    segs = checked("Ouders en Huizen van het Kind: op zoek naar een goede match\n\nDoor:\n\n"
                   " • Rudy De Cock – stafmedewerker Kind en Gezin\n"
                   " • Sare Possemiers en Viviane Spruyt – Recht-Op projectwerking Deurne\n"
                   " • Suzanne Decleer - Basiseducatie Zuidoost Vlaanderen\n\n" + LONG + "\n")
    assert [s.title for s in segs] == ["Ouders en Huizen van het Kind: op zoek naar een goede match"]
    named = checked("Praktijksessies\n\n • Wijkbudgetten Gent\n  " + LONG
                    + "\n • Burgercontracten Peer\n  " + LONG + "\n")
    assert [s.title for s in named] == ["Wijkbudgetten Gent", "Burgercontracten Peer"]


def test_a_page_asking_a_question_is_titled_by_it_never_by_its_posting_date_or_contact_line() -> None:
    asked = checked("Wat kost slecht wonen aan de samenleving?\n\nGepost op 2016-07-06\n\n" + LONG
                    + "\n\nMeer info kan je bekomen via veerle.beernaert@samenlevingsopbouw.be of via de website\n")
    assert [s.title for s in asked] == ["Wat kost slecht wonen aan de samenleving?"]
    trailing = checked("Babbelkous, babbelbox of babbelziek: er wordt gebabbeld in Brugge…\n\nGeschreven op 18 april "
                       "2024 om 07:24 door Mario De Wilde\n\n" + LONG + "\n")  # a headline, then its byline
    assert [s.title for s in trailing] == ["Babbelkous, babbelbox of babbelziek: er wordt gebabbeld in Brugge…"]
    subject = checked("WAT IS WELZIJNSBAND MEETJESLAND ?\n\nDoel\n\n" + LONG + "\n")
    assert [s.title for s in subject] == ["Welzijnsband meetjesland"]


def test_sessions_coded_by_round_and_letter_under_a_choice_slot() -> None:
    segs = checked("9.00 - 9.30 uur\n\nOntvangst met koffie\n\n"
                   "9.50 - 11.00 uur - Workshopronde 1 - keuze uit 3 sessies\n\n"
                   "1A: Denk mee na over regiowerking (zaal Herten Aas)\n" + LONG + "\n\n"
                   "1B: In gesprek met de doorbraakprojecten (Auditorium)\n" + LONG + "\n")
    assert [s.title for s in segs] == ["Denk mee na over regiowerking", "In gesprek met de doorbraakprojecten"]


def test_projects_listed_with_the_same_bulleted_fields_are_one_record_each() -> None:
    segs = checked("Zorgzame buurten\n\n" + LONG + "\n\nOnze zorgzame buurten\n\nWarme Flora Floreert\n\n"
                   " • Indiener: Zorgband Leie & Schelde\n"
                   " • Buurt: Flora, Merelbeke\n • " + LONG + "\n\nZoWe - Buurten in Zorgzaam Wetteren\n\n"
                   " • Indiener: OCMW Wetteren\n • Buurt: Wetteren-Ten-Ede\n • " + LONG + "\n")
    assert [s.title for s in segs][-2:] == ["Warme Flora Floreert", "ZoWe - Buurten in Zorgzaam Wetteren"]


def test_a_short_line_under_a_quotation_goes_on_with_the_story() -> None:
    segs = checked("Zorgzame buurten\n\n" + LONG + "\n\nStel je een warme buurt voor waar jong en oud samen leven. "
                   "Een buurt waar het goed leven is.\"\n\nVlaams minister Beke\n\n" + LONG + "\n")
    assert [s.title for s in segs] == ["Zorgzame buurten"]


def test_a_heading_over_a_quotation_goes_on_with_the_story() -> None:
    quote = ("“We zijn ook van start gegaan met een buddywerking”, zegt Boudewijn Goos. “Hiervoor matchen we "
             "buddy’s en organiseren we groepsactiviteiten, zoals een dag aan zee.”\n")
    segs = checked("De vzw Booms Welkom is een vrijwilligersorganisatie die vluchtelingen ondersteunt. " + LONG
                   + "\n\nDe naamsverandering ging gepaard met een nieuw logo en een nieuwe website. " + LONG
                   + "\n\nBuddywerking\n\n" + quote + "\nOok met de komst van het asielcentrum ziet de vzw een rol "
                   "voor zichzelf weggelegd.\n")
    assert len(segs) == 1
    series = checked("Armoedebeleid in Leuven\n\n" + LONG + "\n\nHefboom 1: een menswaardig inkomen\n\n" + quote
                     + LONG + "\n\nHefboom 2: onderwijs en opvang\n\n" + quote + LONG + "\n")
    assert [s.title for s in series] == ["Hefboom 1: een menswaardig inkomen", "Hefboom 2: onderwijs en opvang"]


def test_name_value_rows_of_amounts_or_contacts_are_no_practices() -> None:
    amounts = checked("Leefloon van het OCMW\n\n" + LONG + " Vanaf 1 september 2018 bedraagt het leefloon:\n\n"
                      "Voor een samenwonende (categorie 1): 607,01 euro per maand of 7.284,12 euro per jaar;\n"
                      "Voor een alleenstaand persoon (categorie 2): 910,52 euro per maand;\n"
                      "Voor een persoon met een gezin ten laste (categorie 3): 1.254,82 euro per maand.\n")
    assert [s.title for s in amounts] == ["Leefloon van het OCMW"]
    contacts = checked("Thuiszorg aan huis\n\n" + LONG + "\n\nGezinszorg: 016 24 84 71, thuiszorg@ocmw-leuven.be\n"
                       "Maaltijden: 016 24 83 93, thuiszorg@ocmw-leuven.be\n"
                       "Klusjesdienst: 016 24 82 45, klusjesdienst@ocmw-leuven.be\n")
    assert [s.title for s in contacts] == ["Thuiszorg aan huis"]


def test_a_project_named_with_its_owner_and_place_is_titled_by_name_and_place() -> None:
    segs = checked("De projecten\n\nDrie projecten gingen van start:\n\n"
                   "Het project Connect Karreveld van i-mens in Sint-Jans-Molenbeek voegt informele en formele hulp "
                   "samen. " + LONG + "\n\n"
                   "Het project Buurtzorg Noord van vzw Ons Huis in Anderlecht brengt buren samen. " + LONG + "\n")
    assert [s.title for s in segs][-2:] == ["Connect Karreveld (Sint-Jans-Molenbeek)", "Buurtzorg Noord (Anderlecht)"]


def test_a_grant_entry_is_titled_by_who_receives_it_and_where() -> None:
    assert _title_from_entry("Begeleid Wonen in Leuven kreeg 1.745,30 euro voor de inrichting van haar "
                             "secretariaat.") == "Begeleid Wonen (Leuven)"
    assert _title_from_entry("Centrum Ganspoel in Huldenberg ontving 30.000 euro impulssubsidie en 18.000 euro voor "
                             "een nieuwbouwwoning") == "Centrum Ganspoel (Huldenberg)"
    assert _title_from_entry("Samen Sterk in Actie werkt met buren aan een groenere straat") == "Samen Sterk in Actie"
    assert _title_from_entry("Op 4 juli startte het participatietraject voor het dorpsplein") != "Op 4 juli"
    assert _title_from_entry("de dienst schuldbemiddeling, de dienst collectieve schuldenregeling en") == \
        "de dienst schuldbemiddeling, de dienst collectieve schuldenregeling"


def test_a_section_that_opens_by_naming_or_pointing_at_the_practice_above_goes_on_with_it() -> None:
    named = checked("Het verhaal van West4Youth over partnerschappen in hulpverlening\n\n" + LONG
                    + "\n\nLokale organisaties werken samen\n\nWest4Youth is een samenwerking van elf organisaties "
                    "uit de Westkust die jongvolwassenen begeleiden. " + LONG + "\n")
    assert [s.title for s in named] == ["Het verhaal van West4Youth over partnerschappen in hulpverlening"]
    pointed = checked("6. Beïnvloeden we of voeren we uit?\n\nEen workshop over lokale besturen en middenveld. " + LONG
                      + "\n\nLuisteren en Oefenen\n\nTijdens deze workshop denken we na over de rol van "
                      "organisaties. " + LONG + "\n")
    assert [s.title for s in pointed] == ["Beïnvloeden we of voeren we uit?"]


def test_bullets_that_finish_a_sentence_or_hold_two_are_no_talks() -> None:
    text = ("Vrijdag organiseerde VVSG de studiedag Onder dak.\n\nDe rode draden op deze studiedagen waren\n\n"
            "  • Dak- en thuisloosheid is een welzijns- én woonprobleem. De oplossing komt uit meer beleidsdomeinen\n"
            "  • Er is – meer dan we denken – verborgen dakloosheid\n\n" + LONG + "\n\nDe studiedag trachtte\n\n"
            "  • Inzicht in het belang van daklozentellingen mee te geven\n"
            "  • Praktijken en innovatieve oplossingen voor dak- en thuisloosheid te tonen\n")
    assert len(checked(text)) == 1


def test_numbered_categories_or_steps_are_parts_of_one_service() -> None:
    text = ("Aanvraag verwarmingstoelagen\n\nAls je tot een van de volgende categorieën behoort, heb je recht op "
            "een toelage.\n\nCategorie 1: personen met recht op een verhoogde verzekeringstegemoetkoming.\n"
            "Categorie 2: personen met een laag inkomen, onder de grens die de wet bepaalt.\n"
            "Categorie 3: personen met schuldoverlast die genieten van een schuldbemiddeling.\n")
    assert [s.title for s in checked(text)] == ["Aanvraag verwarmingstoelagen"]


def test_bulleted_units_of_a_service_named_with_what_they_do_are_one_record_each() -> None:
    text = ("Begeleiding bij huisvesting\n\n" + LONG + "\n\nConcreet bestaat de Dienst huisvesting uit:\n"
            "  • De cel woningtafel, die sociale begeleiding biedt aan mensen die een woning zoeken in de stad.\n"
            "  • De cel transit, die tijdelijke huisvesting aanbiedt bij dringende situaties en daarbij begeleidt.\n"
            "  • De cel uitzetting, die instaat voor de begeleiding van wie zijn woning dreigt te verliezen.\n")
    assert [s.title for s in checked(text)][-3:] == ["De cel woningtafel", "De cel transit", "De cel uitzetting"]


def test_a_list_of_names_with_their_towns_gives_a_record_each() -> None:
    text = ("GoeBezig-prijs 2021\n\n" + LONG + "\n\nEervolle vermelding:\nBewonersplatform Abele (Poperinge)\n"
            "Bewonersplatform Bassevelde (Assenede)\nDorpsraad Kermt (Hasselt)\n")
    assert [s.title for s in checked(text)][-3:] == [
        "Bewonersplatform Abele (Poperinge)", "Bewonersplatform Bassevelde (Assenede)", "Dorpsraad Kermt (Hasselt)"]


def test_paragraphs_that_each_open_on_another_service_are_a_practice_each() -> None:
    text = ("Jaarverslag 2010\n\n" + LONG + "\n\n"
            "Zo behaalde de dienst T&O het kwaliteitscertificaat van het Europees Sociaal Fonds voor zijn "
            "opleidingstrajecten met werkzoekenden.\n\n"
            "De dienst Gezinszorg verkreeg de award voor het opleidingsplan dat de verzorgenden zelf mee hebben "
            "opgesteld.\n\n"
            "De Opvoedingswinkel wist na amper één jaar werken een kwaliteitslabel van Kind en Gezin te behalen voor "
            "zijn aanbod.\n\n"
            "Regelmatig worden wij uitgenodigd om het verhaal van onze samenwerking tussen de OCMW's voor te "
            "stellen.\n")
    assert [s.title for s in checked(text)][-3:] == ["Dienst T&O", "Dienst Gezinszorg", "Opvoedingswinkel"]
    one_subject = text.replace("De dienst Gezinszorg", "De dienst T&O")  # the same service twice: one story
    assert len(checked(one_subject)) == 1


def test_title_and_paragraph_cards_in_a_row_are_a_record_each() -> None:
    text = ("Dit was N-Brussel in 2022\n\n" + LONG + "\n\n"
            "Sporten en spelen in de stad\nPlaycation, Stadskriebels en de speelpleinen maken van Brussel een stad "
            "voor kinderen.\n\n"
            "Muziek verbindt jong en oud\nSing 4.0, een interactief klassiek concert. Kinderen luisteren en bewegen "
            "mee.\n\n"
            "De stem van elke jongere telt\nCinema Cachet laat jongeren die met jeugdhulp in aanraking kwamen aan het "
            "woord.\n")
    assert [s.title for s in checked(text)][-3:] == ["Sporten en spelen in de stad", "Muziek verbindt jong en oud",
                                                     "De stem van elke jongere telt"]


def test_a_label_repeated_by_a_service_template_is_no_banner() -> None:
    service = ("{name}\n\n\nDe {low} is er voor alle mensen, jong of bejaard, die door ziekte of ouderdom hun "
               "huishoudelijke en familiale taken niet meer zelf kunnen uitvoeren.\n\nWerkwijze:\nDe maatschappelijk "
               "assistente doet een huisbezoek en bespreekt met de cliënt de duur, de taken en de bijdrage.\n\n")
    text = "".join(service.format(name=n, low=n.lower()) for n in ("Poetsdienst", "Gezinszorg", "Oppasdienst"))
    segs = checked(text)
    assert [s.title for s in segs] == ["Poetsdienst", "Gezinszorg", "Oppasdienst"]  # the first is no introduction:
    assert all("Werkwijze:" in t for t in texts(text, segs))  # it has the template of the services below it
    goals = text.replace("Werkwijze:\n", "Doel\n")  # each service's goal under the same heading
    assert [s.title for s in checked(goals)][-2:] == ["Gezinszorg", "Oppasdienst"]
    asked = text.replace("Werkwijze:\n", "Hoe werkt het?\n\n")  # a question the template asks of each service
    segs = checked(asked)
    assert [s.title for s in segs][-2:] == ["Gezinszorg", "Oppasdienst"]
    assert all("Hoe werkt het?" in t for t in texts(asked, segs))
    fielded = text.replace("Werkwijze:\n", "Wat\n\n")  # a bare field word over each service's description
    segs = checked(fielded)
    assert [s.title for s in segs][-2:] == ["Gezinszorg", "Oppasdienst"]
    assert all("Wat\n" in t for t in texts(fielded, segs))
    listed = text.replace("bespreekt met de cliënt de duur, de taken en de bijdrage.",
                          "bespreekt met de cliënt:\n • de taken die de helpster op zich moet nemen\n"
                          " • de financiële bijdrage")  # each service lists the same points
    segs = checked(listed)
    assert [s.title for s in segs][-2:] == ["Gezinszorg", "Oppasdienst"]
    assert all("de financiële bijdrage" in t for t in texts(listed, segs))


def test_speakers_under_a_speakers_label_each_over_what_they_present_are_a_talk_each() -> None:
    text = ("Info-avond: hoe maken we een einde aan energie-armoede?\n\n" + LONG + "\n\nSprekerspanel:\n\n"
            "David Dessers, stafmedewerker vzw Climaxi.\n\nSchetst de problematiek van energie-armoede.\n\n"
            "Jos Hellings, Sociale Dienst OCMW-Leuven.\n\nLicht aan de hand van recente cijfers de situatie in "
            "Leuven toe.\n")
    segs = checked(text)
    assert [(s.kind, texts(text, [s])[0][:14]) for s in segs][-2:] == [("session", "David Dessers,"),
                                                                        ("session", "Jos Hellings, ")]


def test_a_numbered_run_of_topics_each_given_by_someone_is_a_talk_each() -> None:
    text = ("Studiedag vrijwilligerswerk\n\n" + LONG + "\n\nNa de lunch kon men kiezen uit vier werkgroepen:\n"
            "1. goed bestuur, door Amand Dewaele van Kwasimodo\n"
            "2. goede samenwerking van on- en betaalde krachten, door Lies Vermeulen, SAW\n"
            "3. discussietafel rond “ondersteuning” o.l.v. Hugo De Blende\n")
    assert [s.title for s in checked(text)][-3:] == ["Goed bestuur", "Goede samenwerking van on- en betaalde krachten",
                                                     "Discussietafel rond “ondersteuning”"]


def test_a_page_of_teasers_gives_a_record_per_teaser_titled_by_its_link() -> None:
    text = ("Sinds 2017 zijn er drie dorpsconsulenten actief in de deelgemeenten. " + LONG + " Dit ...lees verder "
            "\"3 dorpsconsulenten in de deelgemeenten\"\n\n"
            "Om boeken dichter bij de inwoners te brengen worden in de dorpen boekenkastjes geplaatst. " + LONG
            + " Zo wordt ...lees verder \"Boekenruilkastjes in de dorpen\"\n")
    assert [s.title for s in checked(text)] == ["3 dorpsconsulenten in de deelgemeenten",
                                                "Boekenruilkastjes in de dorpen"]


def test_a_listing_with_its_links_on_lines_of_their_own_gives_each_entry_whole_with_its_headline() -> None:
    text = ("Aankoop pand voor nachtopvang\n\nDe stad koopt in Nieuwland een pand aan voor de nachtopvang. Het "
            "college stemde vrijdag in met de aankoop.\n\nLees verder\n\nAdvertenties\n\n"
            "Zonnegem overlegt met ambassadeurs over de Roma\n\nDe schepen pleegde dinsdag overleg met de "
            "ambassadeurs over de situatie van de Roma in Zonnegem.\n\nDe ambassadeurs erkennen de inspanningen die "
            "de stad doet en hebben begrip voor de situatie.\n\nLees verder\n\n"
            "Nachtopvang breidt uit\n\nDe nachtopvang voor daklozen wordt vanaf 15 december uitgebreid met 50 "
            "bedden.\n\nLees verder\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Aankoop pand voor nachtopvang",
                                       "Zonnegem overlegt met ambassadeurs over de Roma", "Nachtopvang breidt uit"]
    assert texts(text, segs)[1].endswith("begrip voor de situatie.")


@pytest.mark.parametrize("pointer", ["Lees : Alles op alles om de kriekenteelt opnieuw rendabel te maken",
                                     "LEES OOK. Alles op alles om de kriekenteelt opnieuw rendabel te maken"])
def test_a_line_that_points_to_another_article_by_its_title_is_no_record(pointer: str) -> None:
    text = ("Twaalf plattelandsprojecten krijgen subsidie\n\n"
            "Lokale zorghubs in Zonnegem : Een zorghub brengt zorg en welzijn dichter bij inwoners : 76.300 euro\n\n"
            "Kriekenteelt in het Pajottenland : Een rendabele struikvariant voor de kriekenteelt : 122.828 euro\n\n"
            f"{pointer}\n")
    segs = checked(text)
    assert not any("Alles op alles" in t for t in texts(text, segs))


def test_a_page_of_services_described_in_the_same_fields_gives_a_record_per_service() -> None:
    text = ("Hulp bij wonen\n\nCrisisopvang\n\nWat?\n\nIndien je dakloos geworden bent, kan de sociale dienst je "
            "helpen bij het zoeken naar een tijdelijke opvang.\n\nMeebrengen\n\n • identiteitskaart\n"
            " • bewijs van inkomen\n\nHuurwaarborg\n\nWat?\n\nHet OCMW betaalt in jouw plaats de huurwaarborg als "
            "voorschot.\n\nVoor wie\n\nHuurders met een beperkt inkomen die in de gemeente wonen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Crisisopvang", "Huurwaarborg"]
    assert texts(text, segs)[0].endswith("bewijs van inkomen")
    assert texts(text, segs)[1].endswith("in de gemeente wonen.")


def test_a_calendar_of_events_each_with_its_where_and_when_gives_a_record_per_event() -> None:
    text = ("Wat gaat er gebeuren?\nJanuari 2025\n-\nOpeningsceremonie\n"
            "Waar? Predikherenkerk, Kerkstraat 88, 2800 Zonnegem\nWanneer? Zaterdag 18 januari 2025\n"
            "Op zaterdag 18 januari geeft de stad het startschot van haar jaar als vrijwilligershoofdstad. In de kerk "
            "plannen we een feest voor alle vrijwilligers en de verenigingen die met hen werken.\n"
            "Februari 2025\n-\nStudiedag vrijwilligerswerk\n"
            "Waar? Stadsbibliotheek, Goswin de Stassartstraat 88, 2800 Zonnegem\n"
            "Wanneer? Donderdag 27 februari 2025 van 9u00 tot 16u10\n"
            "Als voorproefje op de week van de vrijwilligers organiseren het steunpunt en het vrijwilligerspunt een "
            "leerrijke studiedag over vrijwilligerswerk in de buurt. Meer informatie en een inschrijvingslink volgen "
            "later op deze pagina.\nMaart 2025\n-\nWeek van de vrijwilliger\nWaar? Zonnegem\n"
            "Wanneer? 1 tot 9 maart 2025\nHet vrijwilligerspunt zet vrijwilligerswerk een hele week lang in de kijker "
            "met een goedgevuld programma. Verenigingen die willen meedoen, kunnen zich tot eind januari bij het "
            "vrijwilligerspunt aanmelden.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Openingsceremonie", "Studiedag vrijwilligerswerk", "Week van de vrijwilliger"]
    assert "Waar? Stadsbibliotheek" in texts(text, segs)[1]


def test_a_programme_item_labelled_with_when_is_titled_by_its_quoted_title() -> None:
    text = ("Zorgzame buurten - Webinarreeks\n\nDe webinars zijn gratis, maar inschrijving is verplicht.\n\n"
            "WEBINAR 3 - 29 maart 2021 van 13.00 tot 15.00 u. - \"Kwetsbaarheid publiek maken\"\n\n"
            "Peter Dierinck toont ons hoe het publiek delen van kwetsbaarheden leidt tot meer begrip tussen mensen in "
            "de buurt.\n\n"
            "WEBINAR 4 - 29 april 2021 van 15.00 tot 17.00 u. - \"Recht op menswaardig bestaan\"\n\n"
            "Koen Hermans maakt duidelijk hoe zorg een middel is om menswaardig bestaan mogelijk te maken voor "
            "iedereen.\n\n"
            "WEBINAR 5 - 18 mei 2021 van 10.00 tot 12.00 u. - \"De rol van vrijwilligers in zorgzame buurten\"\n\n"
            "Drie onderzoekers vertellen over de vele gezichten van vrijwilligers en vrijwilligerswerk in zorgzame "
            "buurten, en over wat lokale besturen kunnen doen om hen te ondersteunen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Kwetsbaarheid publiek maken", "Recht op menswaardig bestaan",
                                       "De rol van vrijwilligers in zorgzame buurten"]
    assert {s.kind for s in segs} == {"session"}  # a numbered webinar is a talk, as 'Sessie 2:' is


def test_a_reception_slot_over_practical_details_gives_no_record() -> None:
    text = ("Programma:\n17u - 17u30\nOnthaal, bezoek aan de stands van gemeenten en deelnemende verenigingen\n"
            "17u30 - 18u\nOpeningstoespraak door de voorzitter van de welzijnsraad en door de burgemeester\n"
            "18u - 20u15\nGesprekstafels\n20u30\nReceptie\n\nAan het onthaal van het gebouw wordt een "
            "identiteitscontrole verricht. Gelieve daar rekening mee te houden, zodat we de vooropgestelde timing van "
            "de avond kunnen houden.\n\nGratis\nInfo en inschrijving verplicht voor 6 oktober.\n")
    assert "Receptie" not in [s.title for s in checked(text)]


def test_an_apostrophe_inside_a_word_opens_no_quotation_in_a_title() -> None:
    text = ("Nieuws\n\nSam'Help stelt masterplan voor om Zonnegem tegen 2029 'daklozenvrije stad' te maken\n\n"
            "De coördinatieorganisatie voor daklozen Sam'Help heeft maandag haar masterplan aangekondigd om "
            "dakloosheid in de stad tegen 2029 te beëindigen.\n")
    assert [s.title for s in checked(text)] == [
        "Sam'Help stelt masterplan voor om Zonnegem tegen 2029 'daklozenvrije stad' te maken"]
    text = ("Het project ‘Echo’s uit de wijk’ stelt de buurtbewoners in staat om hun verhalen "
            "te delen. Het project loopt sinds 2019 in twee wijken van de stad.\n")
    assert [s.title for s in checked(text)] == ["Echo’s uit de wijk"]


def test_a_label_right_under_an_entry_link_is_no_headline_of_the_next_entry() -> None:
    text = ("Zes principes voor sterke akkoorden\n\nHet netwerk van middenveldorganisaties komt naar buiten met zes "
            "principes voor de politici die nu aan zet zijn.\n\nLees meer\n"
            "# Nieuws # aanbevelingen # Armoede # Dak- en thuisloosheid\n\n"
            "Politiek debat: \"Zonnegem, hoofdstad van armoede\"\n\nOp 13 mei organiseerde het netwerk een politiek "
            "debat met vertegenwoordigers van de partijen.\n\nLees meer\n# Nieuws # Armoede\n\n"
            "Welzijnshuis stelt plan voor om dakloosheid te beëindigen\n\nHet welzijnshuis kondigde maandag een "
            "plan aan om dakloosheid tegen 2029 te beëindigen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Zes principes voor sterke akkoorden", "Politiek debat",
                                       "Welzijnshuis stelt plan voor om dakloosheid te beëindigen"]
    assert texts(text, segs)[1].startswith("Politiek debat")


def test_paragraphs_that_end_pointing_to_their_page_are_teasers_after_the_page_introduction() -> None:
    text = ("Vrijetijdsparticipatie in de regio\n\nVrijetijdsparticipatie van mensen in armoede is een actueel thema, "
            "waar al heel wat besturen mee bezig zijn. Welke goede voorbeelden kunnen inspireren? Hieronder vindt u "
            "instrumenten en praktijkvoorbeelden.\n\n"
            "De brochure ‘Wegwijzer Vrijetijdsparticipatie’ van de Dienst Vrije Tijd helpt verenigingen die met dit "
            "thema aan de slag willen op weg. Meer>\n\n"
            "Ook in onze regio wordt werk gemaakt van een regionale UiTPAS voor iedereen met een laag inkomen. Lees "
            "hier meer over het traject.\n\n"
            "Lokale netwerken kunnen participatiedrempels voor mensen in armoede wegwerken. Meer info vind je op deze "
            "pagina.\n\nHet fonds voor vrijetijdsparticipatie biedt financiële tussenkomsten zodat mensen in armoede "
            "kunnen deelnemen. Lees hier meer over de werking van het fonds.\n")
    segs = checked(text)
    assert [s.start for s in segs] == [text.index(w) for w in ("De brochure", "Ook in", "Lokale", "Het fonds")]
    assert {s.kind for s in segs} == {"practice"}
    assert segs[-1].title == "Het fonds voor vrijetijdsparticipatie"  # who acts, as for a listed entry


def test_bullets_that_call_initiatives_by_their_name_are_a_practice_each() -> None:
    text = ("Beleidsplan kinderarmoede\n\nWat zijn meerwaarde aantoonde, zal de komende beleidsperiode verdergezet "
            "worden. Denk aan :\n\n"
            "  • de 10 beurtenkaart voor baby- en peuteropvang waarmee gezinnen de kinderopvang leren kennen,\n"
            "  • de gezinsondersteuning van het project Zonnekind dat gezinnen intensief op maat ondersteunt,\n"
            "  • de campagne ‘AAP & NEL’ waarmee we het vrijetijdsaanbod voor kinderen in de kijker zetten,\n"
            "  • de samenwerking met de vrijwilligers van het project Joepie Jarig die verjaardagsfeestjes geven.\n")
    segs = checked(text)
    assert [text[s.start:s.start + 12] for s in segs] == ["de 10 beurte", "de gezinsond", "de campagne ",
                                                          "de samenwerk"]


def test_a_heading_over_the_line_naming_who_runs_the_project_heads_the_project() -> None:
    text = ("Projecten\n\nTOEGANKELIJKE HULPVERLENING VOOR MENSEN IN ARMOEDE\n\nPromotor: vzw VoedSaam\n\n" + LONG
            + "\n\nOPVANGNETWERK WAASLAND\n\nPromotor: OCMW Kruibeke i.s.m. OCMW Beveren-Waas\n\n" + LONG + "\n")
    segs = checked(text)
    assert [s.title.lower() for s in segs] == ["toegankelijke hulpverlening voor mensen in armoede",
                                               "opvangnetwerk waasland"]


def test_a_heading_that_only_names_the_format_or_the_day_is_completed_by_the_line_under_it() -> None:
    text = ("Studiedag perinatale zorg\n\nWorkshop\n\nPerinatale zorg vandaag, nieuwe vorderingen op het gebied van "
            "begeleiding. " + LONG + "\n\nDonderdag\n\nZes toekomstuitdagingen voor het jeugdwerk. " + LONG + "\n")
    titles = [s.title for s in checked(text)]
    assert titles[-2:] == ["Workshop: Perinatale zorg vandaag, nieuwe vorderingen op het gebied van begeleiding",
                           "Donderdag: Zes toekomstuitdagingen voor het jeugdwerk"]


def test_short_bullets_naming_an_organisation_and_its_town_are_a_practice_each() -> None:
    text = ("Een instuif- of jeugdhuiswerking\n\nVoor jongeren vanaf 14 lijkt het jeugdhuis het meest aangewezen als "
            "jeugdwerkvorm, om in een licht georganiseerde vorm samen te komen.\n\n"
            " • Ajko vzw uit Kortrijk met hun boothuis en andere werkingen\n"
            " • de instuifwerking van Lejo in Ronse en in Gent\n • Don Bosco met De Takel in Oostende\n")
    segs = checked(text)
    assert [text[s.start:s.end] for s in segs][-3:] == ["Ajko vzw uit Kortrijk met hun boothuis en andere werkingen",
                                                         "de instuifwerking van Lejo in Ronse en in Gent",
                                                         "Don Bosco met De Takel in Oostende"]
    places = text.replace("uit Kortrijk", "uit het jeugdwerk").replace("in Ronse en in Gent", "in de vakantie")
    assert len(segment(places.replace("in Oostende", "in de zomer"))) <= 1  # no towns: a list of examples


def test_bullet_headings_under_a_section_word_or_announced_as_parts_are_parts_of_one_practice() -> None:
    text = ("Housing First voor jongeren\n\nEen project in samenwerking met het OCMW.\n\n" + LONG + "\n\nWerking\n\n"
            " • Huisvesting\n\n  Een selectiecomité kiest samen met de jongere een woning die past bij zijn noden en "
            "zijn budget, en volgt de eerste maanden op.\n\n • Begeleiding en ondersteuning\n\n  Elke jongere krijgt "
            "een vaste begeleider die hem helpt met zijn administratie, zijn huur en zijn gezondheid.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Housing First voor jongeren"] and segs[0].end == len(text.rstrip())
    activities = text.replace("Werking\n\n", "Activiteiten\n\n")  # what the one practice does
    assert [s.title for s in checked(activities)] == ["Housing First voor jongeren"]
    forms = text.replace("Werking\n\n", "Het project verenigt twee vormen van ondersteuning:\n\n")
    assert [s.title for s in checked(forms)] == ["Housing First voor jongeren"]  # announced as its parts
    listed = text.replace("Werking\n\n", "Onze projecten\n\n")
    assert len(checked(listed)) >= 2  # under a heading of its own, each bullet heads a practice
    named = activities.replace("• Begeleiding en ondersteuning", "• Budget in Zicht (BIZ)")
    assert [s.title for s in checked(named)][-1] == "Budget in Zicht (BIZ)"  # the organisation's own initiatives


def test_a_bullet_over_its_indented_description_heads_it_up_to_twelve_words() -> None:
    text = ("Trefpunt Armoede\n\nHet Trefpunt versterkt mensen in armoede en hun verenigingen. " + LONG + "\n\n"
            "Onze acties\n\n • Trefdagen voor armoedeverenigingen\n  Het Trefpunt organiseert trefdagen voor "
            "armoedeverenigingen om informatie uit te wisselen en te leren van elkaar. Een werkgroep met "
            "afgevaardigden van de verenigingen bereidt ze voor.\n\n"
            " • 17 oktober - werelddag van verzet tegen extreme armoede\n"
            "  Ieder jaar treden de verenigingen op 17 oktober gezamenlijk naar buiten om een sterk signaal te geven "
            "van verzet tegen armoede, met een manifestatie en een fakkeltocht.\n")
    assert openings(text)[-1].startswith("17 oktober")
    alone = text.replace("armoede\n  Ieder", "armoede\n\nIeder")  # no description under it: a long entry
    assert not any(o.startswith("17 oktober") for o in openings(alone))


def test_numbered_advice_in_the_imperative_is_no_practice() -> None:
    text = ("Bouwstenen voor samenwerking\n\nElk panellid schoof een bouwsteen naar voren. " + LONG + "\n\n"
            "  1. Durf te beginnen. Het olievlekeffect doet de rest in de buurt.\n"
            "  2. Zoek mensen in je werkomgeving. Zij kunnen je helpen met de eerste stappen.\n"
            "  3. Betrek de huidige organisatoren van opvang. Zij zijn het vertrouwde aanspreekpunt.\n"
            "  4. Schenk aandacht aan de arbeidsvoorwaarden. De medewerkers blijven dan langer.\n")
    assert_one_record_to_the_end(text)
    named = text.replace("Durf te beginnen", "Buurtwerk De Kring").replace("Zoek mensen in je werkomgeving",
                                                                          "Speelpunt Kokon in Ieper")
    assert len(checked(named.replace("Betrek de huidige organisatoren van opvang", "Vzw Kiem in Gent"))) > 1


def test_bullets_under_a_lead_that_names_a_panel_s_members_are_part_of_the_item() -> None:
    text = ("Studiedag 'Samen opvangen'\n\nOrganisaties\n\nDe studiedag 'Samen opvangen', georganiseerd door twee "
            "hogescholen, vond plaats op 6 juni 2023 in Gent. De dag opende met een panelgesprek, met een "
            "vertegenwoordiging van vier organisaties:\n\n  • Vlaams Welzijnsverbond (perspectief werkgevers opvang)\n"
            "  • Lokaal bestuur Zottegem (perspectief lokale besturen)\n  • Gezinsbond (perspectief gezinnen)\n"
            "  • Kinderrechtencommissariaat (perspectief kinderen) alleen op het debat in Gent\n")
    assert [s.title for s in checked(text)] == ["Studiedag 'Samen opvangen'"]
    examples = text.replace("vier organisaties:", "vier inspirerende voorbeelden:")
    assert len(checked(examples)) == 4  # a panel of examples presents practices, one a bullet


def test_entries_numbered_with_a_slash_head_records() -> None:
    text = ("Verslag van de ruilbeurs\n\n1/ Mijn budgetcoach\n\nHet resultaat van een reeks brainstormsessies van "
            "twee werkgroepen van maatschappelijk werkers. " + LONG + "\n\n2/ Parcours van de supermarkt\n\n"
            "Groepsanimatie voor kinderen van de speelpleinwerking, met een groot bord van een supermarkt. " + LONG
            + "\n")
    assert [s.title for s in checked(text)] == ["Mijn budgetcoach", "Parcours van de supermarkt"]
    assert len(checked(text.replace("1/ ", "1/3 ").replace("2/ ", "2/3 "))) < 2  # a fraction is no number


def test_bullets_naming_services_by_what_they_do_are_a_practice_each() -> None:
    text = ("Welzijnsband\n\nDe vereniging kwam tot stand als een samenwerkingsverband tussen twaalf OCMW's. " + LONG
            + "\n\n  • de veiligheidsconsultatie voor de Kruispuntbank van de Sociale Zekerheid (KSZ),\n"
            "  • de dienst juridische informatie en advies,\n"
            "  • de dienst schuldbemiddeling, de dienst collectieve schuldenregeling en\n  • de dienst archivering.\n")
    segs = checked(text)
    assert [text[s.start:s.start + 18] for s in segs][-4:] == ["de veiligheidscons", "de dienst juridisc",
                                                               "de dienst schuldbe", "de dienst archiver"]


def test_bullets_named_by_one_rare_word_are_practices_but_ordinary_labels_are_arguments() -> None:
    text = ("Banden creëren\n"
            "- Babbelcafé: een informeel moment voor de buurtbewoners om elkaar beter te leren kennen.\n"
            "- Buurtfeesten: samen met partners van de gemeente seizoensgebonden buurtfeesten organiseren.\n"
            "- Moestuinworkshop: samen zaaien, planten en oogsten in de tuin achter het buurthuis.\n")
    assert [s.title for s in checked(text)] == ["Babbelcafé", "Buurtfeesten", "Moestuinworkshop"]
    arguments = ("Waarom samenwerken\n- Bestuurlijk: de integratie van gemeente en OCMW vraagt een gedeelde visie.\n"
                 "- Financieel: samen aankopen en delen van diensten bespaart middelen voor beide.\n"
                 "- Inhoudelijk: de burger verwacht één loket voor al zijn vragen over welzijn.\n")
    assert len(segment(arguments)) <= 1


def test_the_days_of_a_training_after_its_practical_details_are_a_record_each() -> None:
    text = ("Vorming Bindkracht – armoede en kunst & cultuur\n\n" + LONG + "\n\nWaar:\n31 mei: CC Muze, Zolder\n\n"
            "Wat komt aan bod:\n\nDag 1: Deelnemen aan kunst & cultuur\n\n • het recht op cultuur\n"
            " • cultuurparticipatie als welzijnsindicator\n\nDag 2: Deelhebben aan kunst & cultuur\n\n"
            " • functies van sociaal-artistiek werk\n • netwerkontwikkeling en thuisgevoel\n")
    assert [s.title for s in checked(text)][-2:] == ["Deelnemen aan kunst & cultuur", "Deelhebben aan kunst & cultuur"]


def test_municipalities_announced_as_examples_give_a_practice_per_paragraph() -> None:
    text = ("Het belang van een ketenaanpak\n\n" + LONG + "\n\nEnkele van onze partnergemeenten illustreren een "
            "succesvolle ketenaanpak\n\nSint-Pieters-Leeuw zet het Huis van het Kind centraal in hun netwerk. Dit "
            "zorgt voor een toegankelijke dienstverlening voor gezinnen.\n\nDilbeek zet in op intensieve "
            "instroommonitoring zodat ze de noden van nieuwe inwoners in kaart kunnen brengen.\n")
    assert [s.title for s in checked(text)][-2:] == ["Sint-Pieters-Leeuw", "Dilbeek"]


def test_the_introduction_of_a_page_that_presents_practices_is_furniture_but_a_programmes_is_kept() -> None:
    page = ("Zorgzame buurten in de regio\n\n" + LONG + " " + LONG + " " + LONG + "\n\nBuurtpunt De Blomme\n\n" + LONG
            + "\n\nDorpsrestaurant Kouter\n\n" + LONG + "\n")
    assert [s.title for s in checked(page)] == ["Buurtpunt De Blomme", "Dorpsrestaurant Kouter"]
    programme = page.replace("\n\nBuurtpunt De Blomme", "\n\nProgramma\n\nBuurtpunt De Blomme")
    assert len(checked(programme)) == 3
    announced = programme.replace("Zorgzame buurten in de regio", "Studiedag zorgzame buurten in de regio")
    assert len(checked(announced)) == 2  # headed by the event's name: the event's promotion, no session


def test_a_story_told_on_under_headings_that_go_back_to_its_subject_stays_one_record() -> None:
    text = ("Welzijnsschakel Kouter viert feest: 25 jaar ontmoetingshuis\n\n" + LONG + "\n\n"
            "Hoe het begon 25 jaar geleden\n\nToen wilden vijf mensen een antwoord bieden op de armoede in hun "
            "dorp. " + LONG + "\n\nWelzijnsschakel Kouter is een verhaal dat verder gaat …\n\n" + LONG + "\n")
    assert len(checked(text)) == 1


def test_a_project_page_goes_on_after_its_practical_details() -> None:
    text = ("Eenzaamheid (op den) buiten\n\nPlattelandsverbindingen tegen eenzaamheid\n\n" + LONG + "\n\n"
            "Datum\n\nVan tot\n\nWat?\n\n" + LONG + " " + LONG + "\n")
    assert_one_record_to_the_end(text)


def test_a_programme_header_in_capitals_is_a_boundary_not_sidebar_debris() -> None:
    text = ("Actiedag Recht op sociale huisvesting\n\n" + LONG + " " + LONG + " " + LONG + "\n\nPROGRAMMA\n\n"
            "Wat zal de impact zijn van de fusie op de sociale huisvesting? Wat moet er gebeuren om verlies van "
            "sociaal patrimonium tegen te gaan?\n\nEen gesprek met Marc Heughebaert en Trui Maes.\n")
    segs = checked(text)
    assert texts(text, segs)[-1].startswith("Wat zal de impact")


def test_a_speaker_with_an_affiliation_in_brackets_is_titled_by_the_talk_and_photo_lines_title_nothing() -> None:
    talk = checked("PROGRAMMA\n\n  • 12u15 inleiding door moderator Steven Vromman\n"
                   "  • 12u20 Silke Heiden (vzw Apart, Gent) gaat in op het parcours van een woonproject voor dakloze "
                   "jongvolwassenen\n  • 13u05 Griet Boodts (Stad Sint-Niklaas) vertelt meer over de invulling van de "
                   "Paterssite\n")
    assert [s.title for s in talk][-2:] == ["Het parcours van een woonproject voor dakloze jongvolwassenen",
                                            "De invulling van de Paterssite"]
    photo = checked("Foto Jan Buyens\n\nVolledig scherm Babs\n\nVroeg en Nabij\n\n" + LONG + "\n")
    assert [s.title for s in photo] == ["Vroeg en Nabij"]


def test_two_paragraphs_that_open_on_quoted_project_names_are_a_practice_each() -> None:
    text = ("VGC pakt eenzaamheid aan\n\n" + LONG + "\n\n“Ode aan de eenzaamheid” van vzw Avansa Citizenne is een "
            "reeks sociaal-culturele activiteiten voor Brusselaars.\n\n“Art for you(th)” van vzw Globe Aroma focust "
            "zich op de opvang van niet-begeleide minderjarige vluchtelingen.\n")
    assert [s.title for s in checked(text)][-2:] == ["Ode aan de eenzaamheid", "Art for you(th)"]


def test_staff_lists_numbered_findings_and_photo_file_names_are_no_records() -> None:
    staff = checked(f"De mensen van W13\n\n{LONG}\n\nHet beleidsteam bestaat uit:\n\n • Kim Peeters (directeur)\n"
                    " • Petra Janssens (innovator)\n • Stijn Maes (expert Zorg)\n • Liesbet Claes (expert Wonen)\n")
    assert len(staff) == 1
    findings = checked(f"Resultaten van het project\n\n{LONG}\n\n"
                       " 1. De gebiedsgerichte aanpak in het stadscentrum werd een onderdeel van het stadsbeleid.\n"
                       " 2. De inzet van de wijkmanager en de buurtwerker is permanent verankerd in het beleid.\n"
                       " 3. Bewoners van het centrum weten de wijkmanager en de buurtwerker te vinden.\n")
    assert len(findings) == 1
    photos = checked(f"Café Matinee\n\nIMG 20220328 123235 714\n\n{LONG}\n\nIMG 20220328 123235 902\n\n{LONG}\n")
    assert [s.title for s in photos] == ["Café Matinee"]


def test_talks_written_speaker_first_are_records_titled_by_their_subject() -> None:
    text = ("Studienamiddag wonen en zorg op het platteland\n\nU vindt de presentaties hieronder per spreker:\n\n"
            "Pascal Peeters (KU Leuven) - Ouder worden op onaangepaste plaatsen, een probleemschets\n\n"
            "Brecht Maes (Atelier Romain) - Bevolkingsevoluties op het Vlaamse platteland\n\nKoffiepauze\n\n"
            "Emma Claes (Prov. West-Vlaanderen) - De ouderen zelf – kwalitatieve studie in de Westhoek\n\n"
            "Lotte Janssens (Planbureau, Den Haag) - Verouderen op het Nederlandse platteland\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Ouder worden op onaangepaste plaatsen, een probleemschets",
                                       "Bevolkingsevoluties op het Vlaamse platteland",
                                       "De ouderen zelf – kwalitatieve studie in de Westhoek",
                                       "Verouderen op het Nederlandse platteland"]
    assert {s.kind for s in segs} == {"session"}


def test_agenda_titles_name_the_talk_not_its_speaker_label_or_opening() -> None:
    text = ("Programma studiedag\n\n9.30 uur: Opening door de schepen van Welzijn\n\n"
            "10 uur: Michel Peeters, Universiteit Gent, gaat dieper in op wat we verstaan onder lokaal "
            "gezinsbeleid\n\n10.45u Jan Maes, Stad Zonnegem; \"Van kwartieragent tot kwartiermaker\"\n\n"
            "11.30u Uit de praktijk: Actief burgerschap in Kouter (vrijwilliger vzw Den Donk)\n\n"
            "12.00u Actief burgerschap: tussen theorie en praktijk (Koen Claes, Commons Lab)\n")
    assert [s.title for s in checked(text)] == ["Wat we verstaan onder lokaal gezinsbeleid",
                                                "Van kwartieragent tot kwartiermaker",
                                                "Actief burgerschap in Kouter",
                                                "Actief burgerschap: tussen theorie en praktijk"]


def test_a_page_dated_by_a_month_is_titled_by_its_heading_and_a_story_by_its_subject() -> None:
    dated = checked(f"Augustus 2020 - …\n\nCafé Matinee\n\n{LONG}\n")
    assert [s.title for s in dated] == ["Café Matinee"]
    story = ("De Prijs Armoede Uitsluiten is dit jaar gewonnen door De Vrolijke Kring uit Zonnegem. Het is de "
             "22ste keer dat de prijs wordt toegekend.\n\nDe Vrolijke Kring kreeg de prijs uit handen van de "
             "minister. Mensen met een armoede-ervaring geven mee richting aan De Vrolijke Kring.\n")
    assert [s.title for s in checked(story)] == ["De Vrolijke Kring"]


def test_in_a_news_article_an_intertitle_of_ordinary_words_goes_on_with_the_story() -> None:
    story = (f"Jeugd kan voortaan terecht in Overkophuis\n\n02u26 0 Zonnegem In de Ooievaarstraat opende het "
             f"Overkophuis. {LONG}\n\nEén per provincie\n\nElke provincie krijgt een Overkophuis, en voor de "
             f"provincie is dat dus Zonnegem geworden. Hulpverlening en doorverwijzing komen erbij kijken. {LONG}\n")
    segs = checked(story)
    assert len(segs) == 1 and segs[0].end == len(story.rstrip())
    page = story.replace("02u26 0 Zonnegem ", "").replace("een Overkophuis,", "een eigen huis,")
    page += f"\nSamen met de scholen\n\nDe scholen van de regio werken mee aan het aanbod. {LONG}\n"
    # no news article, and the paragraph does not name the story's subject: a heading over its own paragraph
    assert "Eén per provincie" in [s.title for s in segment(page)]


def test_in_a_news_article_a_quotation_set_as_intertitle_goes_on_with_the_story() -> None:
    story = (f"Nieuw opvangcentrum voor daklozen geopend\n\n13u31 0 Zonnegem In opdracht van de overheid opende "
             f"zaterdag de tweedelijnsopvang voor daklozen. {LONG}\n\n“Geen winterplan ontwikkeld door de "
             f"staatssecretaris”\n\nOpmerkelijk is dat minderjarigen rechtstreeks in de opvang terechtkomen. {LONG}\n")
    segs = checked(story)
    assert len(segs) == 1 and (segs[0].start, segs[0].end) == (0, len(story.rstrip()))
    named = story.replace("“Geen winterplan ontwikkeld door de staatssecretaris”", "‘Stoasje’")
    assert segment(named)[-1].title == "‘Stoasje’"  # a quoted name is a heading of its own


def test_in_a_news_story_an_intertitle_that_states_something_goes_on_with_the_story() -> None:
    story = (f"Zonnegem wil eenzaamheid bestrijden\n\nZonnegem wil alles op alles zetten om de eenzaamheid van "
             f"sommige inwoners te bestrijden. {LONG}\n\nLokaal Dienstencentrum is cruciaal in de strijd tegen "
             f"vereenzaming\n\nDe politici zetten hiervoor sterk in op de werking van het dienstencentrum. {LONG}\n")
    segs = checked(story)
    assert len(segs) == 1 and (segs[0].start, segs[0].end) == (0, len(story.rstrip()))


def test_in_a_news_article_a_heading_of_words_the_story_already_used_goes_on_with_it() -> None:
    story = (f"Stad Tongeren gaat kwetsbare wijken versterken Dirk Selis\n\n19 februari 2020\n\n09u46 0 Tongeren De "
             f"stad geeft RIMO Limburg de opdracht om in vijf buurten een buurtanalyse uit te voeren. {LONG}\n\n"
             f"De stad en RIMO werken al samen sinds 2013. {LONG}\n\nBuurtanalyses\n\nStad Tongeren wil de "
             f"samenhang in de buurten Motmolen en Plinius versterken. {LONG}\n")
    assert len(checked(story)) == 1
    new = story.replace("Buurtanalyses", "Sociaal beheersrecht")  # names something the story did not tell yet
    assert [s.title for s in checked(new)][-1] == "Sociaal beheersrecht"


def test_a_visit_or_a_case_from_practice_in_a_programme_is_a_practice() -> None:
    text = ("Programma studiedag\n\n10.00u Lezing over armoede en wonen door Jan Peeters, onderzoeker\n\n"
            "11.00u Bezoek aan een sociale woonwijk van de huisvestingsmaatschappij\n\n"
            "14.00u Uit de praktijk: Actief burgerschap in Kouter\n")
    assert [s.kind for s in checked(text)] == ["session", "practice", "practice"]


def test_where_and_when_is_logistics_and_a_speaker_after_the_title_is_no_part_of_it() -> None:
    text = (f"Webinarreeks over nieuwkomers. {LONG}\n\nWaar en wanneer\n\nWoensdag 1 december 2021\n\n"
            "telkens van 10u tot 12u, online\n\nProgramma:\n\n10u00  Verwelkoming door de directeur\n\n"
            "10u10  Afghaanse vluchtelingen en migranten in Europa en België in kaart, Charlotte Peeters, Fedasil\n\n"
            "10u35  Begeleiding van jongeren en hun omgeving. Sarah De Bruyn, OTA\n")
    segs = checked(text)
    assert not any("telkens" in t for t in texts(text, segs))
    assert [s.title for s in segs][-2:] == ["Afghaanse vluchtelingen en migranten in Europa en België in kaart",
                                            "Begeleiding van jongeren en hun omgeving"]


def test_a_service_name_under_a_summary_titles_the_page_and_a_grant_is_titled_by_what_it_pays_for() -> None:
    page = checked(f"Het Welzijnshuis bundelt alle welzijnsvragen en biedt zitdagen aan.\n\nWelzijnshuis Zonnegem\n\n"
                   f"{LONG}\n")
    assert [s.title for s in page] == ["Welzijnshuis Zonnegem"]
    assert _title_from_entry("20.000 euro aan de gemeente Zonnegem voor het Buurthuis 1601 in Kouter") == (
        "Buurthuis 1601 in Kouter")
    assert _title_from_entry("66 000 EUR aan Obra Baken vzw uit Kouter. Hier wordt een pastorij een doorgangswoning."
                             ) == "Obra Baken vzw (Kouter)"
    assert _title_from_entry("Subsidie van 75 000 EUR aan de universiteit in Kouter voor het project RenoceeC-plus. "
                             "Ze ontwikkelde expertise.") == "RenoceeC-plus"


def test_bullets_that_each_describe_a_named_kind_of_service_are_records() -> None:
    services = ["De juridische dienst adviseert en ondersteunt de sociale diensten van 16 OCMW's. Ook inwoners "
                "kunnen er terecht voor juridische hulp.",
                "De regionale dienst gezinszorg is veruit de grootste dienst. Bijna 100 medewerkers leveren dagelijks "
                "zorg aan huis.",
                "De regionale dienst schuldbemiddeling treedt op als schuldbemiddelaar in naam van 12 OCMW's in de "
                "regio."]
    text = f"Welzijnskoepel Zonnegem groeide sterk\n\n{LONG}\n\nEnkele cijfers:\n\n" + "".join(
        f"- {s}\n\n" for s in services)
    segs = checked(text)
    assert [t.split(".")[0] for t in texts(text, segs)[-3:]] == [s.split(".")[0] for s in services]
    aims = (f"Verdoken armoede\n\n{LONG}\n\nDoel en aanleiding\n\n • Zonnegem wil inzetten op preventieve acties "
            "tegen armoede in alle wijken.\n • Opbouwwerker Leen Peeters voert daarvoor een praktijkgericht "
            "onderzoek naar verdoken armoede.\n • Het project heeft een looptijd van 1 jaar, van mei tot mei.\n")
    assert len(checked(aims)) == 1  # 'Het project' points back at the page's own project


def test_a_time_range_written_with_to_is_a_time_slot() -> None:
    assert time_slot_rest_of("13:00 to 16:45") == ""  # an English page's range, as '13:00 - 16:45'
    assert time_slot_rest_of("09:30 to 10:15 Welcome and introduction") == "Welcome and introduction"
    assert time_slot_rest_of("Tomorrow we meet") is None


def test_parts_of_the_day_are_slots_and_the_workgroups_bulleted_under_one_are_a_session_each() -> None:
    text = ("Vrijwilligerswerk verdedigen!\n\nSymposium vrijdag 7 maart in Zonnegem\n\n"
            "Voormiddag: plenair debat dat focust op de toepasselijkheid van het arbeidsrecht op het "
            "vrijwilligerswerk.\n\nNa het debat zoomen we in op een aantal praktijkvoorbeelden.\n\n"
            "Namiddag: werkgroepen rond een aantal knelpunten onder het motto “de hiaten opvullen”.\n\n"
            "  • vrijwilligerswerk en vreemdelingen: gesprek met Tine Debosscher en Bart De Wolf\n"
            "  • de kostenvergoeding: naar een soepeler of strakker systeem? o.l.v. Griet Van Mol\n"
            "  • lokale groepen en hun koepels: een gesprek met Griet Vanden Abbeele\n")
    segs = checked(text)
    assert segs[0].title.startswith("Plenair debat dat focust op")
    assert [s.title for s in segs[1:]] == ["Vrijwilligerswerk en vreemdelingen",  # who leads it is no title
                                           "De kostenvergoeding: naar een soepeler of strakker systeem?",
                                           "Lokale groepen en hun koepels"]
    assert texts(text, segs)[0].endswith("praktijkvoorbeelden.")


def test_a_programme_told_in_sentences_gives_a_record_for_each_talk() -> None:
    text = ("Driedaagse rond dementie in Zonnegem\n\nHet programma van de driedaagse is klaar.\n\n"
            "Zaterdag begint met een welkomstwoord door de burgemeester om 9.45 uur. Daarop volgt van 10 tot 11 uur "
            "een lezing ‘De werking van onze hersenen’ door professor Julie Peeters. Ouderenpsycholoog Luc Maes "
            "komt spreken over de kunst van het ouder worden van 11.30 uur tot en met 12.30 uur. Vervolgens is "
            "Jan Claes, directeur van het expertisecentrum, te gast. Hij praat van 15.30 uur tot 16.30 uur over "
            "zijn tocht in de Alpen. De zaterdag besluit met een concert van het rockkoor.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["De werking van onze hersenen", "De kunst van het ouder worden",
                                       "Zijn tocht in de Alpen"]
    assert texts(text, segs)[-1].endswith("tocht in de Alpen.")


def test_people_quoted_in_a_news_story_tell_no_talks() -> None:
    text = ("De minister bezocht woensdag 5 oktober twee jongerencentra in Zonnegem.\n\n"
            "Het bezoek kaderde in de week van de jeugd. De eerste stop was Zappa, waar een uitgebreide rondleiding "
            "volgde.\n\n"
            "Ruim de helft van de jongeren heeft een schoolachterstand. \"Onze centra zijn laagdrempelig en gebaseerd "
            "op drie luiken,\" vertelt Isa Van Damme van de jeugddienst.\n\n"
            "\"We proberen jongeren concreet te ondersteunen. Dat lukt niet altijd,\" gaat Filip Baert van De "
            "Branderij verder. Daarna staat De Branderij op het programma.\n")
    segs = checked(text)
    assert len(segs) == 1 and texts(text, segs)[0].endswith("op het programma.")


def test_a_report_that_tells_the_day_in_the_past_gives_a_record_for_each_talk_across_paragraphs() -> None:
    text = ("Terugblik op het symposium\n\nVerslag\n\n"
            "Prof. dr. Niels Mulder nam het woord en vertelde ons over herstelgerichte samenwerking. "
            "Vervolgens was het de beurt aan dr. Geert Pint en dhr. Walter Geuens. Ze gaven een stand van zaken. "
            "Hierna stond dhr. Gert Peeters stil bij de lessen van de voorbije jaren.\n\n"
            "Na de koffiepauze was het tijd voor de toespraak van minister Frank Vandenbroucke. Ook zijn Vlaamse "
            "collega sprak ons toe.\n")
    assert openings(text, 22) == ["Prof. dr. Niels Mulder", "Vervolgens was het de ", "Hierna stond dhr. Gert",
                                  "Na de koffiepauze was "]


def test_a_webinar_report_that_tells_its_order_a_few_words_in_gives_a_record_for_each_talk() -> None:
    text = ("Webinar warmte in de wijk\n\nVerslag van de sessie\n\n"
            "Eerst kwam Zonnegem aan bod, met een verhaal over de regie van een renovatietraject voor eigenaars. "
            "Berkhove vertelde ons daarna hoe het de aankoop van warmtepompen bundelde voor alle inwoners. "
            "Wijkkracht kwam als derde aan het woord over een coöperatie die buurten zelf laat investeren.\n")
    assert openings(text) == ["Eerst kwam Zonnegem ", "Berkhove vertelde on", "Wijkkracht kwam als "]


def test_a_congress_report_that_tells_its_talks_gives_a_record_for_each_talk() -> None:
    text = ("Verslag huurderscongres 2024: ouderen in de sociale huur\n\n"
            "Op zaterdag verwelkomde het huurdersnetwerk tweehonderd huurders in het stadhuis.\n\n"
            "De aftrap was voor Jan Peeters (directeur van Woonpunt). Hij stond stil bij het aandeel ouderen "
            "in de sociale woningen van de stad.\n\n"
            "Daarna was het de beurt aan Els Maes van Samenlevingsopbouw. Zij toonde hoe bewoners samen een "
            "binnentuin inrichtten.\n")
    assert openings(text) == ["De aftrap was voor J", "Daarna was het de be"]


def test_a_news_item_that_tells_who_won_each_prize_gives_a_practice_per_winner() -> None:
    text = ("Buurtprijzen uitgereikt\n\n12 mei 2023\n\n"
            "De bouwgroep reikte voor de derde keer zijn prijs voor het beste buurtinitiatief uit. "
            "In de categorie ‘bewoners’ kwam ‘Groene Gevels’ uit Mol als winnaar uit de bus. De bewoners "
            "vergroenden samen hun straat. De publieksprijs ging naar het Buurtkot in Lommel, waar jongeren "
            "en ouderen samen koken.\n")
    assert openings(text) == ["In de categorie ‘bew", "De publieksprijs gin"]


def test_a_news_item_that_tells_who_receives_a_grant_gives_a_practice_per_grant() -> None:
    text = ("Leuvense projecten tegen kinderarmoede\n\n" + LONG + "\n\nIn Vlaams-Brabant krijgen 9 verenigingen "
            "samengeteld 90.000 euro steun. De vzw Link in de Kabel ontvangt 9.000 euro voor project ‘Start to "
            "media: digitale vaardigheden voor kansarme kinderen’. Windekind krijgt dan weer 8.000 euro voor project "
            "‘Actieve snoezelruimte’. In onze regio geeft de Foundation tot slot 9.000 euro aan organisatie Missing "
            "You. Die vzw ontwikkelde een educatief spel rond rouw en verlies.\n")
    segs = checked(text)
    assert [s.kind for s in segs][-3:] == ["practice"] * 3
    assert [s.title for s in segs][-3:-1] == ["Start to media: digitale vaardigheden voor kansarme kinderen",
                                              "Actieve snoezelruimte"]
    assert texts(text, segs)[-1].endswith("rond rouw en verlies.")


def test_a_date_bullet_under_a_headline_is_no_title_and_an_owner_before_a_spaced_colon_is_dropped() -> None:
    text = (f"Minister investeert in sociale infrastructuur.\n\n  • 18 december 2017\n\n{LONG}\n\n"
            f"Stad Zonnegem : De Gendarmerie: broedplaats voor talent\n\n{LONG}\n\n"
            f"De stad Kouter : Huis Archimedes: jongerenwerking van het OCMW\n\n{LONG}\n")
    titles = [s.title for s in checked(text)]
    assert "18 december 2017" not in titles
    assert titles[-2:] == ["De Gendarmerie: broedplaats voor talent", "Huis Archimedes: jongerenwerking van het OCMW"]


def test_a_table_of_contents_is_no_record_nor_part_of_one() -> None:
    contents = "\n\n".join(["Inhoudstafel", "Voorwoord van de voorzitster 3", "Vooruitblik 6", "Dienst Gezinszorg 7-8",
                            "Rechtshulp 9", "Regionale dienst schuldbemiddeling 10", "Archiefbeheer 13"])
    text = f"{contents}\n\nVoorwoord van de voorzitster\n\n{LONG}\n"
    segs = checked(text)
    assert segs and all("Vooruitblik" not in t and "Archiefbeheer" not in t for t in texts(text, segs))
    agenda = "\n\n".join(["Tafel 1", LONG, "Tafel 2", LONG])  # numbered labels over their content stay
    assert len(checked(agenda)) == 2


def test_a_pointer_to_another_page_heads_nothing() -> None:
    text = (f"VIPSA\n\n{LONG}\n\nZie nieuwsbericht: Startmoment VIPSA\n\nACTIEPLAN INTEGRATIE\n\n"
            f"Een zelfde enthousiasme bij de integratiemedewerker om het actieplan voor te stellen. {LONG}\n")
    segs = checked(text)
    assert "Zie nieuwsbericht" not in [s.title for s in segs]
    assert segs[-1].title == "Actieplan integratie"


def test_a_list_under_a_goal_heading_or_a_lead_to_criteria_is_no_record() -> None:
    text = (f"Inspiratiedag jeugdwerk en armoede\n\n{LONG}\n\nDoelstellingen\n\n"
            "Rode draad doorheen de dag: hoe krijgen we zaken in beweging?\n\n"
            " • Bewustmaking rond armoede en wat het jeugdwerk hierin kan betekenen\n"
            " • Informeren over de resultaten en getuigenissen van het project\n"
            " • Handvatten aanreiken voor het werken met kinderen in armoede\n\n"
            "De projecten moeten beantwoorden aan één van de volgende prioritaire aandachtsdomeinen:\n\n"
            " • Ontwikkelen van initiatieven voor de sociale cohesie op lokaal niveau\n"
            " • Stimuleren van de interculturele en intergenerationele dialoog\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].title == "Inspiratiedag jeugdwerk en armoede"
    assert texts(text, segs)[0].endswith("intergenerationele dialoog")


def test_a_list_of_success_factors_or_recommendations_is_no_list_of_practices() -> None:
    text = (f"Verslag van de uitwisselingsdag\n\n{LONG}\n\nTijdens presentaties en sessies kwamen er duidelijke "
            "succesfactoren naar voren voor een impactvolle samenwerking:\n\n"
            "  • Nabijheid en korte lijnen: snel en persoonlijk contact maakt een wereld van verschil.\n"
            "  • Elkaar aanvullen en ondersteunen: over grenzen van bevoegdheden heen werken.\n"
            "  • Feedback als sleutel: luisteren naar zowel nieuwkomers als aanbodpartners na elk traject.\n")
    assert [s.title for s in checked(text)] == ["Verslag van de uitwisselingsdag"]


def test_a_few_words_a_bullet_ending_on_semicolons_is_an_enumeration_not_a_list_of_practices() -> None:
    text = ("Toelage voor participatie\n\n" + LONG + "\n\nVoorbeelden van activiteiten die worden terugbetaald:\n\n"
            " • Een concert;\n • Schooluitstap;\n • Bioscoop;\n • Lidgeld van een sportclub;\n • Kooklessen\n\n"
            "De tussenkomst kan enkel worden toegekend na voorlegging van de originele betalingsbewijzen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Toelage voor participatie"] and texts(text, segs)[0].endswith("bewijzen.")


def test_a_bulleted_time_over_its_talk_is_a_slot_and_its_logistics_close_the_programme() -> None:
    text = ("Kennisplatform intergemeentelijke samenwerking\n\nHet programma ziet er als volgt uit :\n\n"
            "• 11u30\nOnthaal met broodjeslunch\n"
            "• 12u10\nVlaanderen: stand van zaken interne staatshervorming – door Simon Gheysen\n"
            "• 12u40\nNederland: afweging tussen politieke en ambtelijke fusie – beschouwingen op basis van het "
            "eindrapport ‘Samen Sterker, maar toch apart’ door Stan van de Laar\n"
            "• 13u40\nVragenronde en afsluiten\n\n"
            "U kunt deze uitnodiging ook gerust verder verspreiden bij collega’s.\n\nMet vriendelijke groeten\n")
    segs = checked(text)
    assert [s.title for s in segs][-2:] == ["Vlaanderen: stand van zaken interne staatshervorming",
                                            "Nederland: afweging tussen politieke en ambtelijke fusie"]
    assert texts(text, segs)[-1].endswith("Stan van de Laar")


def test_bullets_under_a_programme_header_are_its_items_and_a_deeper_bullet_tells_more() -> None:
    text = (f"Uitwisselingsmoment voedselhulp\n\n{LONG}\n\nProgramma:\n"
            "  • Stillen voedselinitiatieven de honger naar mensenrechten? Onderzoekers van de hogeschool brachten "
            "in kaart hoe initiatieven bijdragen aan de realisatie van rechten.\n"
            "  • Zeg niet sociale kruidenier, maar zeg de Cirkel-shop. Herentals aan het woord over de nieuwe aanpak.\n"
            "    • Een medewerker licht toe hoe de winkel werkt.\n"
            "  • Panelgesprek\n"
            "  • Nabespreking in kleine groepjes: wat neem je mee?\n\nDeelname is gratis.\n")
    segs = checked(text)
    bodies = texts(text, segs)
    assert [b[:20] for b in bodies[-2:]] == ["Stillen voedseliniti", "Zeg niet sociale kru"]
    assert bodies[-1].endswith("hoe de winkel werkt.")


def test_dated_bullets_under_past_or_coming_visits_are_one_item_each_titled_without_their_date() -> None:
    text = (f"Sociale economie in de regio\n\n{LONG}\n\nVoorbije werkbezoeken\n\n"
            "  • 24/02/2016: Natuurwerk vzw\n"
            "  • 07/10/2016: Arbeidszorg bij Den Leeuweric\n"
            "  • 20/01/2017: Arbeidszorg bij 't Twijgje en Route 11\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Natuurwerk vzw", "Arbeidszorg bij Den Leeuweric",
                                      "Arbeidszorg bij 't Twijgje en Route 11"]


def test_a_programme_talk_given_by_its_title_and_a_speaker_bullet_is_a_session() -> None:
    text = ("Conferentie Eerstelijnszorg\n\n" + LONG + "\n\nPlenaire sessie voormiddag\n\n"
            "De hervorming van de eerste lijn in perspectief\n\n"
            "  • Prof.dr. Jan De Maeseneer, verslaggever wetenschappelijke reflectiekamer\n\n"
            "Geïntegreerde zorg in de eerste lijn\n\n"
            "  • Dr. Hans Kluge, head of the Division of Health Systems\n\n"
            "Parallelsessie 1: Als de zorg complex wordt\n\n"
            "  • Illustratie aan de hand van een case. Hoe verloopt de samenwerking tussen diverse disciplines?\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["De hervorming van de eerste lijn in perspectief",
                                      "Geïntegreerde zorg in de eerste lijn", "Als de zorg complex wordt"]
    assert all(s.kind == "session" for s in segs)


def test_a_heading_right_over_a_paragraph_broken_over_short_lines_heads_a_record() -> None:
    text = ("Samen tegen armoede\n\nOp 17 oktober brengen verenigingen armoede onder de aandacht.\n\n" + LONG + "\n\n"
            "Soep in Duin en Zee\n" + LONG + "\n\nTentoonstelling toont activering\nIn Bredene\n"
            "wordt hard ingezet op activering van wie in de maatschappij op een zijspoor is beland. Het OCMW\n"
            "leidt mensen naar duurzaam werk met begeleiding, opleiding en werkervaring.\n")
    segs = checked(text)
    assert segs[-1].title == "Tentoonstelling toont activering" and texts(text, segs)[-1].endswith("werkervaring.")


def test_winners_each_under_their_name_and_prize_are_a_practice_each() -> None:
    """'Name' / 'winnaar categorie X' / why it won, in quotes: the prize line is a field of the entry, and the
    name after the previous winner's quotation is the next winner, not who said it."""
    entry = ("{name}\n\nwinnaar categorie {cat}\n\n\"De vrijwilligers van {name} staan elke week klaar voor "
             "mensen in armoede en eenzaamheid, en zorgen voor een warme maaltijd en een babbel. Iedereen is welkom, "
             "buurtbewoners, supporters en wie zondag niet alleen wil eten.\"\n\n\n")
    text = "Winnaars en genomineerden 2020\n\n" + "".join(entry.format(name=n, cat=c) for n, c in [
        ("Werkgroep Dag en Nacht", "jeugd"), ("De Volkskeuken", "sport"), ("Dorpshuis Walem", "algemeen")])
    assert [s.title for s in checked(text)] == ["Werkgroep Dag en Nacht", "De Volkskeuken", "Dorpshuis Walem"]


def test_a_name_after_a_quotation_heads_the_paragraph_that_opens_with_it() -> None:
    """After a paragraph that ends on a quotation, a short line is mostly who said it; when the paragraph under it
    opens with that line ('De Molens' / 'De Molens van Orschoven is ...'), it heads a practice of its own."""
    text = ("Leuvense participatiepraktijken\n\nDe Met\n\nDe Met is een leerplek voor middelbare scholieren. " + LONG
            + " “Er is inspraak over hoe ik kan groeien in deze wereld.”\n\nDe Molens\n\nDe Molens van Orschoven is "
            "een verborgen parel in Leuven. " + LONG + "\n")
    assert [s.title for s in checked(text)][-1] == "De Molens van Orschoven"


def test_a_list_of_speakers_with_forms_of_address_is_no_list_of_practices() -> None:
    text = (f"Mini-congres lokaal seniorenbeleid\n\n{LONG}\n\n"
            "Als sprekers hebben wij achtereenvolgens volgende personen uitgenodigd:\n\n"
            "  • Dhr. Jul Geeroms, voorzitter van de Vlaamse ouderenraad;\n"
            "  • Mw. Clara Van den Broeck, raadgever ouderenzorg bij de Vlaamse minister;\n"
            "  • Dhr. Dirk Vanderhoydonks, schepen van seniorenbeleid.\n")
    segs = checked(text)
    assert len(segs) == 1 and texts(text, segs)[0].endswith("schepen van seniorenbeleid.")


def test_group_headings_between_named_bullets_are_no_practices() -> None:
    text = ("PSC Drie Linden\n"
            "Diversiteit\n"
            "- Workshops “Ontmoetingen en wereldkeuken”: interculturele opleiding gevolgd door maandelijkse "
            "kookworkshops.\n"
            "- Babbelcafé met spelletjes voor alle leeftijden: eens per maand worden er gezelschapsspellen gespeeld.\n"
            "Empowerment van de bewoners\n"
            "- “Billets de quartier” (wijkverhalen): deze workshop laat deelnemers over hun wijk vertellen.\n"
            "- “Cherchons Ensemble”: een groep bewoners doet samen participatief burgeronderzoek.\n")
    titles = [s.title for s in checked(text)]
    assert "Empowerment van de bewoners" not in titles
    assert "Billets de quartier" in titles


def test_a_table_whose_row_numbers_stand_on_lines_of_their_own_gives_a_record_per_row() -> None:
    text = (f"Zes plattelandsprojecten\n\n{LONG}\n\nDe goedgekeurde projecten zijn:\n\nOmschrijving\n\nWaar?\n\n"
            "Subsidie\n\n1.\n\nAanleg van een groen centrum in de dorpskern met zitplekken en een buitenklas.\n\n"
            "Kortenaken\n\n24.610 euro\n\n2.\n\nCreatie van een multifunctionele parkzone Mevrouwkensveld.\n"
            "De nieuwe wandelpaden sluiten aan op de bestaande netwerken.\n\nBierbeek\n\n70.200 euro\n")
    bodies = texts(text, checked(text))
    assert bodies[-2].startswith("Aanleg van een groen centrum") and bodies[-2].endswith("24.610 euro")
    assert bodies[-1].startswith("Creatie van") and bodies[-1].endswith("70.200 euro")


def test_a_dateline_is_no_heading_nor_a_title() -> None:
    story = ("De stad zal vanaf augustus in aparte opvang voorzien voor dak- en thuislozen tussen 18 en 25 jaar. "
             "Niet alleen ’s nachts, maar ook overdag kunnen de jongvolwassenen er terecht. ") * 3
    text = f"Stad organiseert aparte opvang voor jongvolwassen daklozen\n\nAntwerpen -\n\n{story}\n"
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0
    assert segs[0].title == "Stad organiseert aparte opvang voor jongvolwassen daklozen"
    caps = f"GENK: Het OCMW opent een sociale kruidenier in de wijk\n\n{story}\n"
    assert checked(caps)[0].title.startswith("Het OCMW opent een sociale kruidenier")


def test_an_agenda_line_that_opens_with_its_speaker_is_titled_by_what_they_present() -> None:
    text = ("Lokaal ouderenbeleid\n\nProgramma\n9.30 Koffie en infomarkt\n"
            "10.05 Ingrid Pira, burgemeester, heeft in haar stad ondervonden dat ouderen bondgenoten zijn; zij licht "
            "het ouderenbeleid in Mortsel toe\n"
            "11.15 Bert Weyts, trekker van de seniorenwerking, geeft zijn persoonlijke visie op ouder worden\n"
            "12.30 Broodjeslunch\n")
    assert [s.title for s in checked(text)][-2:] == ["Ouderenbeleid in Mortsel", "Persoonlijke visie op ouder worden"]


def test_any_numbered_kind_of_table_is_a_theme_table() -> None:
    text = (f"Praktijktafel afsprakennota\n\n{LONG}\n\nDe tafels:\n\n"
            f"Praktijktafel 1: De UiTPAS en het lokaal netwerk\n\n{LONG}\n\nSpreker: Ruben Schietse\n\n"
            f"Praktijktafel 2: Toeleiding via een Rap op Stap kantoor\n\n{LONG}\n")
    segs = checked(text)
    assert [(s.kind, s.title) for s in segs][-2:] == [("theme-table", "De UiTPAS en het lokaal netwerk"),
                                                      ("theme-table", "Toeleiding via een Rap op Stap kantoor")]


def test_a_sub_heading_opened_by_a_preposition_is_a_section_of_the_same_service() -> None:
    text = (f"Sociaal Huis\n\nEén centraal aanspreekpunt voor alle hulpvragen\n\n{LONG}\n\n"
            f"Een lage drempel\n\n{LONG}\n\nIn samenwerking met andere diensten\n\n{LONG}\n\n"
            f"Met een coördinatiefunctie\n\n{LONG}\n")
    assert len(checked(text)) == 1


def test_a_list_of_who_a_service_is_for_is_part_of_that_service() -> None:
    text = (f"Hulp in coronatijd\n\n{LONG}\n\nBilzen\n\nInwoners die hulp nodig hebben kunnen naar de warme lijn. "
            "Die lijn is beschikbaar voor:\n\n1. Personen die eenzaam zijn of nood hebben aan een babbel\n\n"
            "2. Personen die boodschappen of medicatie nodig hebben\n\n3. Mensen die zelf willen helpen\n\n"
            f"Bocholt\n\nInwoners die in moeilijkheden komen, kunnen het OCMW steeds contacteren. {LONG}\n")
    bodies = texts(text, checked(text))
    assert not any(b.startswith(("Personen", "Mensen")) for b in bodies)
    assert any("warme lijn" in b and b.endswith("Mensen die zelf willen helpen") for b in bodies)


def test_a_numbered_list_under_a_paragraph_about_goals_is_no_list_of_sessions() -> None:
    text = (f"Generatie 2030\n\n{LONG}\n\nWij noemen die 3 thema's generatiedoelen. Wat willen we precies?\n\n"
            "1. Ruimte: meer plek voor kinderen en jongeren\n"
            "2. Recht op vrije tijd: meer vrijetijdskansen voor meer kinderen en jongeren\n"
            "3. Mentaal welzijn: de kracht van jeugdwerk inzetten zodat jongeren zich goed voelen\n")
    segs = checked(text)
    assert len(segs) == 1 and texts(text, segs)[0].endswith("zich goed voelen")
    pillars = (f"Lokale welzijnscontracten\n\n{LONG}\n\nDe prioritaire pijlers van het contract zijn:\n\n"
               "1. Bevordering van de toegang tot bestaande gezondheids- en sociale diensten\n"
               "2. Versterking van de sociale cohesie in de wijk\n")
    assert len(checked(pillars)) == 1


def test_grants_told_one_a_line_give_a_practice_each_titled_by_what_they_pay_for() -> None:
    text = ("Provincie steunt dagopvang voor ouderen\n"
            "De deputatie keurde voor 85.000 euro subsidies goed voor nieuwe dagopvanginitiatieven voor ouderen.\n"
            "Zo krijgt het OCMW van Asse een subsidie van 65.000 euro voor het nieuwe dagverzorgingscentrum "
            "Gastenhuis met 15 plaatsen voor ouderen.\n"
            "Het woonzorgcentrum uit Tienen krijgt 10.000 euro voor een minibus dat ouderen vervoert.\n"
            "'Het busje is de kers op de taart', zegt de gedeputeerde.\n"
            "Het OCMW van Halle krijgt 10.000 euro voor haar project 'Samen uit en thuis'. Met dit project wil het "
            "OCMW de vereenzaming van 65-plussers tegengaan.\n")
    titles = [s.title for s in checked(text)]
    assert titles[-3:] == ["Dagverzorgingscentrum Gastenhuis", "Minibus", "Samen uit en thuis"]


def test_bullets_that_open_on_om_and_a_time_are_agenda_slots_and_lunch_is_logistics() -> None:
    text = (f"Themadag voedselhulp\n\n{LONG}\n\nWe bieden twee activiteiten aan:\n"
            "• om 9:00 uur wordt er een korte opleiding voedselveiligheid aangeboden door het FAVV.\n"
            "• om 10:30 uur wordt er geluncht in de cafetaria.\n"
            "• Om 11:30 uur komt Colruyt Group uitleg geven over het project Aan tafel in 1-2-3 euro.\n")
    bodies = texts(text, checked(text))
    assert [b[:12] for b in bodies[-2:]] == ["wordt er een", "komt Colruyt"]


def test_a_slot_that_opens_with_its_speaker_and_role_is_titled_by_the_line_after_the_role() -> None:
    text = ("Colloquium zorg\n\nPresentaties\n\n9.00\n\nOnthaal en koffie\n\n9.30\n\n"
            "Karine Moykens, Secretaris-generaal van het departement Welzijn,\nVolksgezondheid en Gezin\n"
            "Beleid en tendensen in Vlaanderen.\n\n9.45\n\nAnne Dedry, Directeur Ons Zorgnetwerk\n"
            "Vermaatschappelijking van zorg gezien door de gebruiker.\nPresentatie\n")
    assert [s.title for s in checked(text)][-2:] == ["Beleid en tendensen in Vlaanderen",
                                                     "Vermaatschappelijking van zorg gezien door de gebruiker"]


def test_a_plain_intertitle_in_a_story_under_a_news_headline_goes_on_with_the_story() -> None:
    lead = ("Dak- en thuisloosheid speelt zich niet alleen af in grote steden. Beide steden slaan nu de handen in "
            "elkaar en stappen in het project. Een team van hulpverleners helpt dak- en thuislozen aan een nieuwe "
            "thuis. ")
    more = ("Toenemende financiële onzekerheid, tegenslag en medische problemen zorgen ervoor dat steeds meer "
            "mensen hun thuis verliezen. Ook de pandemie speelt een rol. ") * 2
    text = f"Thuislozenproject Cabrio start in Bilzen en Tongeren\n\n{lead}\n\nCorona\n\n{more}\n"
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0 and segs[0].title.startswith("Thuislozenproject Cabrio")


def test_a_quoted_name_that_ends_on_an_exclamation_mark_titles_a_told_practice_whole() -> None:
    text = ("Vlaanderen selecteerde het project ‘Hallo Buurt!’ in de wijk Zandberg in Harelbeke als een van de 114 "
            "projecten die zorg en ondersteuning bieden. Het project krijgt 50.000 euro per jaar.\n\n"
            "Een Zorgzame Buurt draait om het bieden van zorg en het versterken van sociale cohesie in de wijk.\n")
    assert [s.title for s in checked(text)] == ["Hallo Buurt!"]


def test_the_last_item_of_a_bulleted_list_of_topics_is_no_heading_of_the_paragraph_after_it() -> None:
    text = ("Lokale onthaalgesprekken\n\nEen projectmedewerker maakt nieuwe inwoners wegwijs in Machelen. Het "
            "onthaalgesprek maakt deel uit van de inschrijving. Deze geeft hen basisuitleg over:\n\n"
            "  • de werking van het lokaal bestuur\n  • het inburgeringsprogramma\n  • het woningaanbod\n\n"
            "Vervolgens verwijst de projectmedewerker de nieuwe inwoners door naar de juiste interne en externe "
            "gespecialiseerde diensten, zodat ze zich gemakkelijker integreren.\n")
    assert_one_record_to_the_end(text)


def test_a_numbered_list_that_goes_on_with_the_sentence_above_stays_in_its_practice() -> None:
    text = ("Kracht.wonen als regionaal partnerschap\n\n" + LONG + "\n\nHet unieke karakter ligt hem in\n\n"
            " 1. de regionale solidariteit die zich uit in een woning per 10.000 inwoners in het project\n"
            " 2. CAW die het dedicated team in kader van Housing First ter beschikking stelt voor dit project\n"
            " 3. Het mandaat die gegeven wordt aan W13 om als meldpunt woningen toe te wijzen.\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0


def test_a_deeper_bullet_tells_more_of_the_list_entry_above_it() -> None:
    text = ("Vrijwilligerswerk bij de stad\n\nU kunt zich kandidaat stellen voor vrijwilligerswerk binnen de "
            "stadsdiensten. Dit zijn enkele voorbeelden:\n\n"
            " • Vrijwilligerswerk in het inloopcentrum ‘Gelijkvloers’\n • Helpen in Den Alleman\n"
            "  • Dit kan gaan van de cafetaria helpen uitbaten tot soep maken.\n"
            " • Speelpleinwerking in de zomervakantie\n")
    assert not any(s.title.startswith("Dit kan gaan") for s in checked(text))


def test_a_headline_loses_a_byline_whose_surname_has_two_particles() -> None:
    text = ("Buurtcomputer gaat opnieuw van start met nieuwe initiaties Claudia Van den Houte\n\n03 september 2020\n\n"
            "10u14 0 Denderleeuw Buurtcomputer gaat opnieuw van start in Denderleeuw. Dat is een project om de "
            "digitale kloof te helpen verkleinen. Een tiental vrijwilligers werken eraan mee.\n")
    assert [s.title for s in checked(text)] == ["Buurtcomputer gaat opnieuw van start met nieuwe initiaties"]
    town_in_name = ("Vannacht extra opvang voor daklozen Sabine Van Damme\n\n22 januari 2019\n\n19u22 0 Gent Omdat het "
                    "ijskoud is, voorziet de stad vannacht noodopvang, in samenwerking met het CAW.\n")
    assert "Damme" not in checked(town_in_name)[0].title  # a surname that is also a town is still a byline
    fused = ("Buurttelefoon moet eenzaamheid verlichten Lieke D'hondt\n\n15 juni 2020\n\nHet OCMW start een "
             "buurttelefoon. Vrijwilligers bellen wekelijks naar alleenwonende ouderen in de gemeente.\n")
    assert [s.title for s in checked(fused)] == ["Buurttelefoon moet eenzaamheid verlichten"]  # a fused particle


def test_a_title_over_a_line_of_its_speakers_and_a_description_heads_a_session() -> None:
    sessions = [("Jong en betrokken", "Bruno Vanobbergen, voorzitter en Wim Beelaert, Voetbal in de Stad."),
                ("Jong en geborgen", "Sofie Crommen, voorzitter en Wendy Eerdekens, Arteveldehogeschool Gent."),
                ("Jong en gezond", "Inge Vervotte, voorzitter en leden van de werkgroep.")]
    text = "Conferentie\n\nDeelsessies\n\n" + "\n\n".join(f"{t}\n{who}\n{LONG}" for t, who in sessions) + "\n"
    assert [s.title for s in checked(text)] == [t for t, _ in sessions]


def test_the_board_and_its_members_are_no_practice() -> None:
    text = (f"Historiek\n\n{LONG}\n\nRaad van Bestuur\n\nDe raad van bestuur legt de beleidsprioriteiten van de "
            "projectvereniging vast via de begroting, de jaarrekening en het jaarverslag. Iedere aangesloten gemeente "
            "vaardigt twee bestuursleden af.\n\nCarine Meyers Alken\nKris Franssens Alken\nDanny Deneuker Borgloon\n")
    assert not any("bestuur" in s.title.lower() for s in checked(text))


def test_a_name_and_organisation_under_a_pull_quote_say_who_said_it_in_a_story() -> None:
    text = (f"Brussel verlengt de winteropvang voor daklozen\n\n{LONG}\n\n"
            "Wie deze zomer nog wil komen overnachten moet het wel eens zijn met begeleiding.\n\n"
            f"Kris Gijsen, CAW Brussel\n\n{LONG}\n")
    assert len(checked(text)) == 1


def test_a_name_after_dr_is_part_of_the_title_not_a_speaker_after_it() -> None:
    text = ("Het Fonds Dr. Daniël De Coninck, genoemd naar de vroegere voorzitter van het Wit-Gele Kruis, deed een "
            "projectoproep om projecten te steunen die focussen op eerstelijnszorg in de buurt. " + LONG + "\n")
    assert checked(text)[0].title.startswith("Het Fonds Dr. Daniël De Coninck")


def test_procedure_and_conditions_are_sections_of_the_service_above() -> None:
    text = (f"Budgetbeheer\n\n{LONG}\n\nVoorwaarden\n\nU woont in de gemeente en u hebt schulden die u niet zelf "
            "kunt afbetalen. Een maatschappelijk werker bekijkt samen met u of budgetbeheer kan helpen.\n\n"
            "Procedure\n\nGa langs bij het team schuldhulpverlening in het Sociaal Huis. Een maatschappelijk werker "
            "luistert naar uw verhaal en gaat na of budgetbeheer een oplossing voor u kan zijn.\n")
    assert len(checked(text)) == 1


def test_a_told_talk_is_titled_by_what_the_speaker_dwelt_on() -> None:
    text = ("Symposium geestelijke gezondheid\n\nProgramma\n\n"
            "Vervolgens vestigde Prof. Dr. Liesbeth De Donder de aandacht op het waarom en belang van een lokaal "
            "ouderenbeleid. Zij toonde met cijfers aan hoe snel de bevolking vergrijst en wat dat vraagt.\n\n"
            "Hierna stond dhr. Gert Peeters stil bij een aantal lessen die we de voorbije jaren getrokken hebben en "
            "bij een aantal speerpunten die richtinggevend kunnen zijn voor de komende jaren.\n")
    assert checked(text)[0].title == "Het waarom en belang van een lokaal ouderenbeleid"
    told = "Hierna stond dhr. Gert Peeters stil bij een aantal lessen die we de voorbije jaren getrokken hebben."
    assert _told_title(told) == "Een aantal lessen die we de voorbije jaren getrokken hebben"


def test_a_report_that_tells_one_talk_a_paragraph_gives_a_record_for_each() -> None:
    text = ("Studiedag zorg in de stad\n\nVerslag\n\n"
            "Het programma begon met een uiteenzetting van professor Anna Claes over de vraag naar wijkzorg in de "
            "stad. Zij liet zien waar zorg ontbreekt en welke buurten het moeilijkst bereikt worden.\n\n"
            "In de namiddag waren er rondetafelgesprekken met Peter Maes en zorgverleners uit de wijken. Ze zochten "
            "samen naar plekken waar zorg en huisvesting elkaar kunnen versterken.\n")
    assert openings(text) == ["Het programma begon ", "In de namiddag waren"]


def test_after_the_lecture_opens_the_next_told_talk() -> None:
    text = ("Congres jeugdwelzijnswerk\n\n" + LONG + "\n\n"
            "In de namiddag is er een lezing over maatschappelijke kwetsbaarheid in de huidige samenleving. We staan "
            "even stil bij de theorie met professor Nicolle Vettenburg. Na de lezing volgt er een panelgesprek over "
            "wat de strijd om de essentie betekent voor het jeugdwelzijnswerk.\n")
    titles = [s.title for s in checked(text)]
    assert any(t.lower().startswith("maatschappelijke kwetsbaarheid") for t in titles)
    assert any(t.lower().startswith("wat de strijd om de essentie") for t in titles)


def test_grants_told_with_a_plural_subject_give_a_practice_each() -> None:
    text = ("Foundation steunt tien Antwerpse kinderprojecten\n\n"
            "Kinderen lopen meer kans om in armoede te belanden. Daarom steunt de Foundation in totaal 93 projecten. "
            "De City Pirates krijgen 12.500 euro voor het project ‘Opstart Sport+’. Kadee uit Antwerpen ontvangt "
            "14.000 euro steun voor een project rond vakantiekampen voor kwetsbare kinderen.\n")
    titles = [s.title for s in checked(text)]
    assert "Opstart Sport+" in titles and len(titles) >= 2


def test_a_section_whose_paragraph_opens_with_the_project_above_belongs_to_it() -> None:
    text = ("Voor het project Digihulp slaan acht lokale besturen – Avelgem, Deerlijk en Harelbeke – de handen in "
            "elkaar. Inwoners kunnen met hun digitale vragen terecht in een Digipunt.\n\n"
            "Onze samenleving wordt almaar digitaler en dat is voor lang niet iedereen vanzelfsprekend. Dat blijkt "
            "uit de Barometer Digitale Inclusie. Zo is bijna de helft van de bevolking digitaal kwetsbaar.\n\n"
            "Digipunten\n\nDigihulp werkt op twee sporen: in elke gemeente zijn er Digipunten waar mensen met hun "
            "digitale vraag terechtkunnen, en er is ondersteuning aan huis voor wie niet tot daar geraakt.\n\n"
            "Digihelpers\n\nDigihulp zet daarvoor Digihelpers in: vrijwilligers en studenten met een IT-achtergrond "
            "die mensen thuis helpen met hun computer, smartphone of tablet.\n")
    assert len(checked(text)) == 1


def test_working_groups_and_talks_at_a_clock_time_are_told_parts_of_a_programme() -> None:
    text = ("Welzijnsavond in Bree\n\n" + LONG + "\n\n"
            "De avond start met een lezing over eenzaamheid bij ouderen. Nadien wordt er in kleine groepjes gewerkt "
            "rond buurtzorg, vrijwilligers en mobiliteit.\n\n"
            "Op 12 mei vinden er in het dienstencentrum huiskamergesprekken plaats vanaf 19.30 uur. \"Iedereen kan "
            "meepraten over wonen in onze gemeente\", zegt de schepen.\n")
    starts = openings(text, 24)
    assert "De avond start met een l" in starts and "Nadien wordt er in klein" in starts
    assert "Op 12 mei vinden er in h" in starts
    told = "Er zijn huiskamergesprekken vanaf 19.30 uur. \"Iedereen praat mee over wonen in onze gemeente\", zegt ze."
    assert _told_title(told) == "Wonen in onze gemeente"


def test_a_listing_whose_entries_end_on_their_link_gives_a_record_each() -> None:
    text = ("Projecten rond armoede\n\n"
            "In Boom begeleidt het OCMW een traject om van de gemeente een plek te maken met een helder aanbod van "
            "hulp- en dienstverlening, samen met alle partners in het werkveld.\n\nMeer info\n\n"
            "Buurtkeuken - Sint-Lukasacademie\n\nDe kantine op de site in Schaarbeek wordt een ontmoetingsplek voor "
            "buurtbewoners, leerkrachten en ouders. Elke week kookt er een buurtorganisatie.\n\nMeer info:\n\n"
            "Dit project wil met de gemeenten van het arrondissement Turnhout een beleid uitwerken tegen "
            "kinderarmoede, met concrete acties en een participatieve methode.\n\nMeer info\n")
    records = [text[s.start:s.end] for s in checked(text)]
    assert len(records) == 3 and "In Boom begeleidt" in records[0] and "Meer info" not in records[0]
    assert records[1].startswith("Buurtkeuken - Sint-L") and records[2].startswith("Dit project wil met ")


def test_entries_that_each_end_on_their_website_and_mail_links_are_a_record_each() -> None:
    first = ("Molenbos is de 2de kleuterklas van de Vier Winden Basisschool in Sint-Jans-Molenbeek. Via het project "
             "‘Buitenklas in de binnentuin’ wil de school kinderen een doorlopende natuurbeleving aanbieden. "
             "Wekelijks op donderdag trekken ze naar buiten.")
    second = ("‘Onzichtbaar Parcours’ is een participatief project van Decoratelier i.s.m. de vzw Brufeest.\nHet "
              "betreft een turn- en fitnessparcours op de site van de 5 blokken (1000 Brussel), met een groep "
              "jongeren. Door minimale ingrepen in de bestaande infrastructuur ontstaat een parcours.")
    text = ("Projecten 2021\n\nAlle ingezonden projecten werden beoordeeld door een jury van Brusselaars.\n"
            "Het College van de VGC kende in 2021 een subsidie toe aan 33 projecten.\n\n"
            "Je kan deze projecten ontdekken op verschillende plekken in Brussel.\n\n"
            + first + "\n\nWebsite\nMail\n\n" + second + "\n")
    records = [text[s.start:s.end] for s in checked(text)]
    assert len(records) == 2 and records[0].endswith("naar buiten.") and records[1] == second
    assert not any("Website" in r for r in records)


def test_projects_listed_in_groups_under_short_headings_are_one_list() -> None:
    text = ("Overzicht van de goedgekeurde projecten\n\nRegio Meetjesland\n\n"
            "  • Leefbaar Sint-Laureins - Plattelandscentrum Meetjesland\n"
            "  • Groen en gastvrij Galgenhof - Pro natura\n"
            "  • Dorp-kern-gezond - Lokaal gezondheidsoverleg\n\nRegio Vlaamse Ardennen\n\n"
            "  • Mobiel buurthuis - iDROPS\n  • Beleef meer in de Ardennen - Toerisme Vlaamse Ardennen\n\n"
            "Regio Waasland\n\n  • Belevingsvol wandelen in het Waasland - Toerisme Oost-Vlaanderen\n")
    titles = [s.title for s in checked(text)]
    assert len(titles) == 6 and titles[3].startswith("Mobiel buurthuis")
    assert titles[5].startswith("Belevingsvol wandelen in het Waasland")


def test_a_picture_placeholder_between_paragraphs_parts_no_story() -> None:
    text = ("Vzw opent huis voor nieuwkomers\n\nVzw opent huis voor nieuwkomers\n\n"
            "Op 6 december opende ‘De Bekaf’ in Aarschot officieel haar deuren. Vrijwilligers van de vzw vangen er "
            "nieuwkomers op en helpen hen hun weg te vinden in de streek.\n\nStory image\n\n"
            "Het Hageland kent de laatste jaren een sterke groei in het aantal nieuwkomers.\n"
            "De vzw wil zich voor de integratie van deze mensen inzetten en oefent met hen Nederlands.\n\n"
            "De vzw vond een gebouw in het centrum van Aarschot met zes gastenkamers voor vluchtelingen die op een "
            "moeilijk moment onderdak zoeken.\n\nStory image\n\n"
            "“Een goede begeleiding stopt niet na de eerste opvang”, zegt gedeputeerde Monique Swinnen.\n\n"
            "Het project krijgt steun van het Europese programma LEADER.\n")
    segs = checked(text)
    assert len(segs) == 1 and text[segs[0].start:segs[0].end].endswith("programma LEADER.")


def test_each_practice_a_speaker_presented_at_the_day_is_told_apart() -> None:
    """An inspiration day's report: 'X stelde het atelier ... voor', then 'Hierna kwam Y aan bod': two told parts."""
    text = ("Inspiratiedag geestelijke gezondheid\n\n" + LONG + "\n\n"
            "Katrien Vanhove, gezondheidspromotor bij het wijkgezondheidscentrum, stelde het wijkatelier voor "
            "bewoners met een psychische kwetsbaarheid voor. Het atelier brengt wijkpartners en bewoners samen.\n\n"
            "Hierna kwam praktijkondersteuner Kristel Lauwers aan bod. In haar centrum is de zorg voor mensen met "
            "psychische klachten een gedeeld verhaal tussen de artsen en de praktijkondersteuner.\n")
    starts = openings(text, 20)
    assert "Katrien Vanhove, gez" in starts and "Hierna kwam praktijk" in starts, starts


def test_bullets_under_a_line_that_counts_talks_are_a_session_each() -> None:
    """'... organiseert drie lezingen waarop ...:' over a bullet per talk: each bullet is one of the talks, a session
    titled by what it is about."""
    text = ("Week van de Opvoeding in Lier\n\n" + LONG + "\n\nHet Huis van het Kind organiseert drie lezingen waarop "
            "ouders en professionelen met elkaar in gesprek gaan:\n\n"
            " • Pedagoge Eva Bronselaer geeft op dinsdag 15 mei een lezing over de kracht van voorbeeldgedrag.\n"
            " • Op woensdag 16 mei vertelt ze in een tweede lezing hoe ouders kunnen reageren op ruzies.\n"
            " • Dinsdag 22 mei kunnen ouders een workshop volgen over mediawijs opvoeden.\n")
    talks = [s for s in checked(text) if s.kind == "session"]
    assert len(talks) == 3, [(s.kind, s.title) for s in checked(text)]
    assert talks[0].title.startswith("De kracht van voorbeeldgedrag")


def test_daarnaast_opens_the_next_told_workshop() -> None:
    text = ("Congres jeugdwerk\n\n" + LONG + "\n\n"
            "In de voormiddag zijn er workshops over de kern van het jeugdwerk. Medewerkers van het CMGJ zitten samen "
            "met wie inspiratie zoekt voor vrijetijdsactiviteiten met jonge vluchtelingen. Daarnaast zijn er ook "
            "workshops rond hiphop en de gemeenteraadsverkiezingen.\n\n"
            "In de namiddag is er een lezing over kwetsbaarheid door professor Nicolle Vettenburg.\n")
    starts = openings(text, 22)
    assert "Daarnaast zijn er ook " in starts


def test_a_service_page_is_titled_by_its_one_word_heading_never_by_its_contact_line() -> None:
    segs = checked("Mantelzorgpremie\n\nScroll naar\n\n" + LONG + "\n\nVoorwaarden\n\nOp deze premie staat geen "
                   "leeftijdsvoorwaarde.\n\nContactpersonen:\n\nMaatschappelijk werker Loes Vroman  051 48 06 10\n"
                   "loes.vroman@zonnebeke.be\n")
    assert [s.title for s in segs] == ["Mantelzorgpremie"]
    domain = checked("Welzijn\n\nScroll naar\n\n" + LONG + "\n\nContactpersonen:\n\n"
                     "Maatschappelijk werker Loes Vroman  051 48 06 10\n")
    assert "051" not in domain[0].title and domain[0].title != "Welzijn"


def test_a_title_over_a_description_after_a_contact_card_opens_the_next_entry() -> None:
    text = ("JONGEREN EN SCHOOLUITVAL\n\n"
            "De wijk heeft een jonge bevolking met veel gezinnen met kinderen. Het percentage vroegtijdige "
            "schoolverlaters is er erg hoog.\n\n"
            "MAKE A CHANGE\n"
            "In de strijd tegen schoolverzuim biedt het jeugdhuis Same Same sociaal-culturele en sportieve "
            "activiteiten aan voor jongeren, om hun motivatie en zelfvertrouwen te vergroten.\n\n"
            "Contact\nSame Same Brussels\nKoninklijke Sint-Mariastraat 92-94 - 1030 Schaarbeek\n"
            "T 0483 635 836 - info@samesame.be\n\n"
            "HIP HOP SCHOOL CALLING\n"
            "Wekelijks hiphopworkshops (schrijven, dans, graffiti) voor jongeren met inspirerende rolmodellen, "
            "sommige uitsluitend voor meisjes.\n\n"
            "Contact\nSouterrain Production\nRogierstraat 126 - 1030 Schaarbeek\n")
    segs = checked(text)
    assert [s.title.lower() for s in segs] == ["make a change", "hip hop school calling"]
    assert all("0483" not in text[s.start:s.end] for s in segs)
    told = checked("Contact\nSame Same Brussels\nKoninklijke Sint-Mariastraat 92-94 - 1030 Schaarbeek\n"
                   "Het jeugdhuis is open op woensdag en zaterdag, telkens van twee tot zes uur.\n"
                   "Openingsuren\n"
                   "Wie langs wil komen, belt best eerst even naar het onthaal van het jeugdhuis in Schaarbeek.\n")
    assert all("Openingsuren" not in s.title for s in told)


def test_a_paragraph_without_heading_is_titled_by_the_project_it_names_in_quotes() -> None:
    text = ("Ethias had in totaal 450.000 euro te verdelen om de armoede bij kinderen aan te pakken. Het OCMW van "
            "Kruibeke kreeg steun voor het project ‘Alle kinderen, alle kansen’. Daarmee krijgen kinderen uit "
            "kwetsbare gezinnen huiswerkbegeleiding en een vrijetijdsaanbod dat bij hen past, samen met de scholen "
            "en de jeugdverenigingen van de gemeente.\n")
    assert [s.title for s in checked(text)][0].startswith("Alle kinderen, alle kansen")


def test_a_story_without_headline_is_titled_by_the_name_it_quotes_and_uses_again() -> None:
    text = ("De zes steden en gemeenten van de eerstelijnszone Houtland en Polder sturen in juli en augustus "
            "vrijwilligers op pad, om een praatje te slaan met eenzame inwoners.\n\nHet initiatief krijgt de naam "
            "‘Babbelgoeste’, en komt er nu de coronamaatregelen wat soepeler worden.\n\nDoor de coronacrisis "
            "verzeilden veel senioren in eenzaamheid, en Babbelgoeste moet hen uit hun sociaal isolement halen.\n")
    assert [s.title for s in checked(text)] == ["Babbelgoeste"]
    once = text.replace("en Babbelgoeste moet", "en de vrijwilligers moeten")  # quoted once: no sign it is the name
    assert [s.title for s in checked(once)] != ["Babbelgoeste"]


def test_a_phrase_put_before_the_verb_is_no_subject_to_title_by() -> None:
    text = ("In de wijk Leeuwbrug heeft het nieuwe ontmoetings- en renovatiecentrum De Cement de deuren geopend. Het "
            "is een initiatief van het lokaal bestuur om bewoners te helpen hun woning te renoveren en om de "
            "samenhorigheid in de wijk te verbeteren.\n")
    assert "De Cement" in checked(text)[0].title  # not 'In de wijk Leeuwbrug'
    named = text.replace("In de wijk Leeuwbrug heeft het nieuwe", "Het nieuwe").replace("De Cement de deuren",
                                                                                     "De Cement heeft de deuren")
    assert checked(named)[0].title.startswith("Het nieuwe ontmoetings- en renovatiecentrum De Cement")


def test_a_web_pages_print_and_pdf_buttons_never_title_a_record() -> None:
    segs = checked("Printervriendelijke versiePDF version\n\nBuurthuis ZETTU\n\n" + LONG + "\n\nTerug naar boven\n")
    assert [s.title for s in segs] == ["Buurthuis ZETTU"]
    assert all("boven" not in s.title for s in segs)


def test_sub_headings_about_the_project_are_sections_of_its_one_description() -> None:
    text = ("Context waarin het project ontwikkeld werd\n\n"
            "De opvoeders van de buurthuizen stelden vast dat jongeren van 12 jaar vaak grote aanpassingsproblemen "
            "hebben in het secundair onderwijs. Er was dus nood aan bijkomende ondersteuning. " + LONG + "\n\n"
            "Filosofie van het project\n\n"
            "Jongeren engageren zich met een reglement om het hele jaar te komen. Hun ouders ondertekenen het mee, "
            "om het hele gezin te betrekken. " + LONG + "\n\n"
            "Beschrijving van het project\n\n"
            "Elke woensdagnamiddag komt een groep van tien jongeren samen onder begeleiding van een opvoeder en "
            "twee studenten. De studenten volgen het schoolwerk op.\n")
    segs = checked(text)
    assert len(segs) == 1 and text[segs[0].start:segs[0].end].endswith("De studenten volgen het schoolwerk op.")


def test_a_sentence_title_opened_by_a_one_word_service_name_is_that_name() -> None:
    segs = checked("Budgetbeheer heeft als doel u te helpen om in de toekomst terug zelfstandig uw inkomsten en "
                   "uitgaven te beheren. " + LONG + "\n")
    assert [s.title for s in segs] == ["Budgetbeheer"]
    town = checked("Poperinge ontvangt 336.000 euro om eenzaamheid en welzijn van ouderen aan te pakken in de "
                   "deelgemeenten. " + LONG + "\n")
    assert town[0].title != "Poperinge"
    plural = checked("Pragmatisch werken aan betere dienstverlening samen met gemeente en OCMW "
                     "(partnersessie CIPAL)\n\n" + LONG + "\n")
    assert plural[0].title != "Pragmatisch"


def test_a_story_that_opens_with_what_someone_said_is_not_titled_by_the_quotation() -> None:
    text = ("“Een e-mail versturen of een attest aanvragen met je smartphone lijkt vanzelfsprekend. Helaas is dit niet "
            "voor iedereen zo”, zegt schepen van ICT Tom Sorgeloos.\n\n"
            "Het digipunt zal een plekje krijgen in de hoofdbibliotheek. Op vaste momenten helpen vrijwilligers wie "
            "weinig kennis heeft van de digitale wereld.\n")
    assert checked(text)[0].title.startswith("Het digipunt")
    named = checked("‘Dorpspunt in Beveren’ is een plek waar inwoners uit het dorp elkaar kunnen ontmoeten. " + LONG
                    + "\n")
    assert "Dorpspunt" in named[0].title


def test_an_event_item_held_as_a_conversation_at_tables_is_a_theme_table() -> None:
    text = ("Studiedag zorg en onderwijs\n\nProgramma\n\n"
            "1. Lezing over de zorgnoden van leerlingen door Anne Peeters\n\n"
            "2. Discussietafel rond “ondersteuning” o.l.v. Hugo De Blende\n\n"
            "3. Dialoogtafel: omgaan met culturele verschillen in de klas\n")
    kinds = {s.title: s.kind for s in checked(text)}
    assert [k for t, k in kinds.items() if "ondersteuning" in t or "culturele" in t] == ["theme-table"] * 2
    assert [k for t, k in kinds.items() if "zorgnoden" in t] == ["session"]
    news = checked("Meer tijd voor Babbeltafel\n\nIn het dienstencentrum komt de Babbeltafel voortaan twee keer per "
                   "week samen. Buurtbewoners praten er over wat hen bezighoudt. " + LONG + "\n")
    assert [s.kind for s in news] == ["practice"]


def test_an_intertitle_inside_a_story_does_not_title_it_but_a_name_further_down_may() -> None:
    story = ("Elk jaar voorzien Gent en Aalst winteropvang voor daklozen. Maar hoeveel mensen slapen er echt op "
             "straat? Een telling met een Europese methode moet dat duidelijk maken.\n\n"
             "Onder de radar\n\n"
             "Veel daklozen blijven onzichtbaar: ze slapen bij vrienden of in hun auto. " + LONG + "\n")
    assert "radar" not in checked(story)[0].title
    named = ("Het Welzijnshuis bundelt alle welzijnsvragen en zorgt voor een antwoord op maat van elke inwoner. "
             + LONG + "\n\nWelzijnshuis Waregem\n\nJe kan er terecht met vragen over geld, wonen en gezondheid. "
             + LONG + "\n")
    assert checked(named)[0].title == "Welzijnshuis Waregem"


def test_an_item_labelled_by_its_format_and_number_is_a_session() -> None:
    text = ("Netwerkdag eerste lijn\n\nDe dag brengt hulpverleners en beleidsmakers samen. " + LONG + "\n\n"
            "Panel 1: Beleidsvisies in de Brusselse eerste lijn\n\n"
            "Het OCMW Anderlecht werkt samen met het CAW aan één loket. De panelleden lichten hun aanpak toe. "
            + LONG + "\n\n"
            "Panel 2: Reflecties uit het werkveld op de huidige beleidsontwikkelingen\n\n"
            "Stad Gent licht het project ‘Buurtzorg’ toe, daarna praten hulpverleners over het beleid. " + LONG + "\n")
    assert [s.kind for s in checked(text) if s.title.startswith("Panel")] == ["session", "session"]


def test_an_interviewers_bulleted_questions_are_sections_of_one_story() -> None:
    text = ("Het OCMW stuurt jongeren rechtstreeks aan op straat. De coördinatrice van de jongerencel legt het "
            "nieuwe project uit…\n"
            "  • Kunt u ons meer vertellen over de jongerencel?\n\n"
            "De cel helpt ongeveer 2.400 studenten. Wij steunen hen financieel en met begeleiding. " + LONG + "\n\n"
            "  • Hoe maak je jongeren bewust?\n\n"
            "Wij gaan de straat op, samen met partners uit de verenigingswereld. " + LONG + "\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0
    assert not segs[0].title.endswith("?")


def test_a_headingless_story_is_titled_by_the_quoted_name_in_its_first_sentence() -> None:
    text = ("Op donderdag 12 mei vindt in het ontmoetingscentrum van Ooigem het startmoment plaats van "
            "‘Zorgzaam Wielsbeke’. Buren, verenigingen en hulpverleners zoeken er samen hoe ze op elkaar kunnen "
            "letten. " + LONG + "\n")
    assert checked(text)[0].title == "Zorgzaam Wielsbeke"


def test_an_age_range_in_a_title_is_no_date() -> None:
    text = "Vrijetijdspas 18-25\n\nJongeren tussen 18 en 25 jaar krijgen korting op sport en cultuur. " + LONG + "\n"
    assert checked(text)[0].title == "Vrijetijdspas 18-25"
    dated = "Netwerkdag armoede - 12/03\n\nDe netwerkdag brengt alle partners samen. " + LONG + "\n"
    assert checked(dated)[0].title == "Netwerkdag armoede"


def test_a_heading_may_open_on_the_elided_article() -> None:
    for heading in ("'t Kompas, Gent", "'t Pasrel:", "’t Kelderke"):  # as layout's title test already allows
        assert _heading_shaped(Line(0, 0, len(heading), heading)), heading
    assert not _heading_shaped(Line(0, 0, 12, "'t is zover."))


def test_in_an_outline_in_capitals_the_headings_over_a_text_are_records_and_the_sections_are_none() -> None:
    text = ("Instrumenten lokaal woonbeleid Zonnegem\n\n"
            "1. LOKAAL WOONBELEID COÖRDINEREN\nA. INTERNE ORGANISATIE\nB. OVERLEG\nLokale woonraad\n"
            "Woonoverleg Zonnegem\nVier keer per jaar zitten de huisvestingsmaatschappij, het SVK en het OCMW samen "
            "om de wachtlijsten te bespreken.\nOverleg andere actoren\nBuurtoverleg sociale woonwijken\n"
            "Twee keer per jaar overleggen de wijkmanagers met de uitvoeringsdiensten over de drie wijken.\n"
            "C. SAMENWERKINGSVERBANDEN\nDe intergemeentelijke samenwerking tussen Zonnegem en Oosterveld huurt sinds "
            "2015 een gedeelde woonconsulent in.\n2. KLANTGERICHTE DIENSTVERLENING\nA. LOKETFUNCTIE\nWoonwinkel\n"
            "De stad heeft een woonloket waar huurders en eigenaars terecht kunnen met vragen over premies.\n")
    segs = checked(text)
    assert [text[s.start:s.end].split("\n")[0] for s in segs] == [
        "Woonoverleg Zonnegem", "Buurtoverleg sociale woonwijken", "C. SAMENWERKINGSVERBANDEN", "Woonwinkel"]
    assert segs[-1].end == len(text.rstrip())


@pytest.mark.parametrize("sentence, name", [
    ("Zo werd het project Youyou dat op 31 mei werd ingehuldigd een thuis voor vijftig mensen.", "Youyou"),
    ("Het project Buurtkeuken wil bewoners samen laten koken.", "Buurtkeuken"),
])
def test_the_name_a_description_gives_its_project_ends_before_a_relative_clause(sentence: str, name: str) -> None:
    assert _project_named(sentence) == name


@pytest.mark.parametrize("heading, title", [
    ("OPVANGNETWERK WAASLAND", "Opvangnetwerk Waasland"),  # a name the text writes with a capital
    ("JAC ALS UITHANGBORD VAN CAW BRUSSEL", "JAC als uithangbord van CAW Brussel"),  # acronyms as written
    ("ANALYSE VAN DE BESTAANDE SITUATIE", "Analyse van de bestaande situatie"),  # 'De Beuk' makes no 'De'
])
def test_a_heading_in_capitals_is_set_in_sentence_case_keeping_the_names_the_text_writes_with_capitals(
        heading: str, title: str) -> None:
    text = (f"{heading}\nHet JAC van het CAW Brussel en het opvangnetwerk in het Waasland werken samen bij De Beuk. "
            "De situatie in de regio is de bestaande werking van de partners.")
    assert _sentence_case(heading, text) == title


def test_listed_themes_with_their_table_leader_are_theme_tables_titled_without_the_leader() -> None:
    text = ("Studiedag 15 jaar overleg\n\nOp vrijdag 27 april organiseert het agentschap een studiedag voor "
            "voorzitters en leden van de lokale overlegplatforms. Dit jaar zijn er drie thema’s die de voorzitters "
            "naar voren schuiven:\n\n"
            "Armoede (trekker: Jan Peeters, de voorzitter van het overleg in Beringen)\n\n"
            "Ouderbetrokkenheid (trekkers: Els Maes, de voorzitter van het overleg in Temse, en Tom Claes)\n\n"
            "Anderstalige nieuwkomers (trekker: Ann Wouters, de voorzitter van het overleg in Vilvoorde)\n\n"
            "• 10.30 uur Buurtwerk (veilige en leefbare wijken – actief burgerschap)\n")
    segs = checked(text)
    assert [(s.kind, s.title) for s in segs] == [
        ("theme-table", "Armoede"), ("theme-table", "Ouderbetrokkenheid"), ("theme-table", "Anderstalige nieuwkomers"),
        ("practice", "Buurtwerk (veilige en leefbare wijken – actief burgerschap)")]  # a dash inside brackets


def test_a_headline_that_ends_on_what_someone_says_is_titled_by_who_says_it_unless_that_is_a_person() -> None:
    body = ("\n\nHet psychosociaal centrum in Molenbeek begeleidt jongeren met een beperking naar werk en vrije tijd. "
            "De begeleiders werken samen met scholen en jeugdhuizen in de buurt.\n")
    text = "PSC Machtens: “Eigenlijk willen we dat ze dezelfde kansen krijgen als alle andere Brusselaars.”" + body
    title = checked(text)[0].title
    assert title.startswith("PSC Machtens") and "Eigenlijk" not in title
    told = "Burgemeester Lode Ceyssens: “In zorgzame buurten worden noden door de omgeving opgemerkt.”" + body
    assert checked(told)[0].title != "Burgemeester Lode Ceyssens"  # a person says it: the title keeps what is said


def test_a_headline_whose_subject_is_a_person_with_a_function_keeps_what_they_do() -> None:
    text = ("Vlaams minister Wouter Beke brengt bezoek aan Campus Zonneveld in Genk en spreekt er met medewerkers\n\n"
            "De minister kreeg een rondleiding in het Huis van het Kind en sprak met ouders over de opvoedingswinkel "
            "en het consultatiebureau.\n")
    assert checked(text)[0].title.startswith("Vlaams minister Wouter Beke brengt bezoek aan Campus Zonneveld")


def test_a_page_whose_title_is_followed_by_its_genre_presents_one_project_its_sections_are_parts() -> None:
    text = ("Efkes Bijtanken\n\nProject\n\nOutreachend werken aan energiearmoede in Turnhout\n\n"
            "Voor veel mensen neemt de energiefactuur een te grote hap uit het budget. De vereniging gaat met het "
            "project outreachend op zoek naar mensen die hulp nodig hebben.\n\n"
            "Outreachend opsporen van mensen in energiearmoede\n\n"
            "We gaan deur-aan-deur in de wijk en bellen aan bij huishoudens die afgesloten zijn van gas of stroom.\n\n"
            "Bredere welzijnscontext aanpakken\n\n"
            "Energiearmoede is een toegangspoort om ook andere vragen aan te pakken, via warme toeleiding naar "
            "de juiste diensten.\n")
    segs = checked(text)
    assert [(s.start, s.title) for s in segs] == [(0, "Efkes Bijtanken")] and segs[0].end == len(text.rstrip())
    assert checked(text.replace("Project\n\n", "Nieuws\n\n"))[0].start > 0  # no genre: no such page


def test_a_bullet_over_who_runs_it_and_then_its_paragraph_heads_a_practice() -> None:
    text = ("Subsidies voor sociaal beleid\n\nDe stad kent subsidies toe aan organisaties die de sociale grondrechten "
            "helpen realiseren. Er wordt 40.000 euro toegekend aan zes projecten rond gezondheid en leefmilieu.\n\n"
            " • Spelen met Veerkracht\n  van vzw De Bron – Gezondheidscentrum Zonnegem\n\n"
            " Het project versterkt de veerkracht van gezinnen met groepssessies, een expertisekoffer en een vorming "
            "voor leerkrachten en begeleiders.\n\n"
            " • Atelier P van Groep Intro\n  Atelier P organiseert wekelijkse ontmoetingsmomenten voor\n"
            "  buurtbewoners die nood hebben aan sociaal contact, met een buurtfeest, kampen en een moestuin.\n")
    assert [s.title for s in checked(text)] == ["Spelen met Veerkracht", "Atelier P van Groep Intro"]


def test_a_heading_said_again_under_its_image_caption_and_credit_heads_its_record() -> None:
    text = ("Participatie\n\nBrussel maken we samen. U denkt mee, praat mee en doet mee, samen met veel partners en "
            "verenigingen uit de hele stad.\n"
            "Ronde van Brussel: scholen aan het woord\n© Christian Smits\n\n"
            "Ronde van Brussel: scholen aan het woord\n\nHoe zien Brusselse schoolteams de toekomst van het "
            "onderwijs? Uit gesprekken met achttien scholen kwamen een heleboel ideeën en bruikbare tips naar voren.\n"
            "Kinderen over buitenschoolse opvang\n© VBJK\n\nKinderen over buitenschoolse opvang\n\n"
            "Het centrum betrok de kinderen zelf actief in zijn onderzoek over opvang en vrije tijd. Ouders gaven "
            "hun mening in focusgroepen. En professionals reflecteerden samen over die bevindingen.\n")
    titles = [s.title for s in checked(text)]
    assert titles[-2:] == ["Ronde van Brussel: scholen aan het woord", "Kinderen over buitenschoolse opvang"]


def test_a_long_title_of_several_sentences_keeps_its_first() -> None:
    long = ("Stadspiratie, dat is inspiratie van en voor de stad. In 2020 vroegen we aan onze inwoners en organisaties "
            "wat er beter kan in de stad.")
    assert _one_sentence(long) == "Stadspiratie, dat is inspiratie van en voor de stad"
    question = ("Wat zal de impact zijn van de fusie op de sociale huisvesting? Wat moet er gebeuren om verlies van "
                "sociaal patrimonium tegen te gaan?")
    assert _one_sentence(question) == "Wat zal de impact zijn van de fusie op de sociale huisvesting?"
    short = "Wat kosten kinderen? Wat kost het onderwijs?"
    assert _one_sentence(short) == short
    named = ("Buitenkans. Het project begeleidt jongeren die de school verlaten zonder diploma naar een opleiding, "
             "werk of vrijwilligerswerk")
    assert _one_sentence(named) == named


def test_a_heading_said_twice_over_its_paragraph_is_one_heading_not_two_closing_fields() -> None:
    text = ("Participatie\n\nBrussel maken we samen. U denkt mee, praat mee en doet mee, samen met veel partners en "
            "verenigingen uit de hele stad.\nStadspiratie: ideeën voor Brussel\n\nStadspiratie: ideeën voor Brussel\n\n"
            "Stadspiratie, dat is inspiratie van en voor de stad. In 2020 vroegen we aan onze inwoners en organisaties "
            "wat er beter kan in de stad. Ze dachten actief mee na en inspireerden ons beleid.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Stadspiratie: ideeën voor Brussel"]
    assert text[segs[0].start:segs[0].end].endswith("inspireerden ons beleid.")


def test_a_programme_drops_its_breaks_and_welcome_but_keeps_a_closing_talk_with_its_own_title() -> None:
    text = ("Studiedag 'Geweld in gezinnen'\n\nGeweld in gezinnen is een veelvoorkomend probleem met ernstige "
            "gevolgen. "
            "Een goede aanpak vraagt samenwerking tussen veel disciplines.\n\nProgramma\n\n"
            " • 09u00-09u30 - Ontvangst\n"
            " • 09u30-09u50 - Welkomstwoord\n"
            "  • dr. Anne Groenen (dagvoorzitter), domeinverantwoordelijke ‘Resilient People’ UC Leuven-Limburg\n"
            "  • Pieter Willems, directeur Onderzoek en Dienstverlening UC Leuven Limburg\n"
            " • 09u50-10u00 -  Getuigenis\n"
            " • 10u00-10u40 - Bevindingen van het onderzoek naar ketengericht werken bij geweld\n"
            " • 10u50-11u30 - Workshops sessie 1\n"
            " • 12u20-13u20 - Broodjeslunch met standenmarkt\n"
            " • 13u30-14u10 - Workshops sessie 2\n"
            " • 15u10-15u40    Plenaire afsluiter ‘Blik vooruit in de toekomst: vanuit onderzoek en praktijk’\n"
            "  • Hans Dominicus, afdelingshoofd van de justitiehuizen\n"
            " • 15u40-16u30    Receptie\n")
    assert [s.title for s in checked(text)] == ["Bevindingen van het onderzoek naar ketengericht werken bij geweld",
                                                "Blik vooruit in de toekomst: vanuit onderzoek en praktijk"]


def test_each_meeting_of_a_series_headed_with_its_date_is_a_record_titled_without_its_number() -> None:
    text = ("Lerend netwerk 'ons buurtpunt'\n\n13.03.2020\n\nVia dit lerend netwerk ondersteunen we lokale actoren om "
            "een eigen actieplan uit te tekenen. We organiseren 4 interactieve werksessies over\n\n"
            "  • verschillende stappen bij de oprichting en invulling van een buurtpunt\n"
            "  • drempels en succesfactoren, gebracht door inspirerende praktijkgetuigenissen\n\n"
            "Bijeenkomst 1: Participatie en communicatie 6 juni 2019\n\nIn een eerste bijeenkomst lichten we de "
            "dossiers en de resultaten uit het vooronderzoek toe. Aan de hand van een interactieve werksessie "
            "buigen we ons over twee thema's: participatie en communicatie.\n\n"
            "Bijeenkomst 2: Invulling en opstart, 24 september 2019\n\nTijdens deze tweede gaan we dieper in op hoe we "
            "de lokale samenwerking kunnen vormgeven en concretiseren, en laten we inspirerende verhalen uit het "
            "netwerk aan het woord.\n\n"
            "Bijeenkomst 3: Juridisch en financieel kader, 22 oktober 2019\n\nTijdens deze derde bijeenkomst focussen "
            "we op de juridische en financiële kant van de zaak. We overlopen de mogelijkheden en koppelen ze "
            "terug naar de concrete cases van de leden.\n")
    titles = [s.title for s in checked(text)]
    assert titles[-3:] == ["Participatie en communicatie", "Invulling en opstart", "Juridisch en financieel kader"]


def test_a_report_that_tells_a_keynote_and_the_workshops_after_it_gives_a_record_each() -> None:
    text = ("Inspiratiedag mantelzorg\n\nMantelzorgers vormen een onzichtbare ruggengraat van onze samenleving. Met "
            "vier partners organiseerden wij de inspiratiedag “Van onzichtbaar naar onmisbaar” voor zorg- en "
            "welzijnsprofessionals uit West-Vlaanderen.\n\n"
            "Ida Walgraef opende de dag met een keynote over de meerwaarde van mantelzorg in ziekenhuizen. Daarna "
            "volgden workshops geleid door Naomi De Bruyne en Phoebe Ameye, die zich richtten op samenwerking tussen "
            "formele en informele zorgverleners.\n")
    segs = checked(text)
    told = [text[s.start:s.end] for s in segs[-2:]]
    assert told[0].startswith("Ida Walgraef opende de dag met een keynote") and told[1].startswith("Daarna volgden")


def test_the_numbered_lines_of_work_of_one_project_are_its_goals_not_practices() -> None:
    text = ("Het Chasse Cœur project\n\nOntwikkeling van een zorgzame buurt in Etterbeek\n\nVanuit onze ervaring met "
            "kwetsbare personen in de semi-publieke ruimte zijn we in 2022 een samenwerking opgestart met het wijkhuis "
            "Chambéry om een zorgzame buurt uit te bouwen in de wijk De Jacht.\n\n"
            "De zorgzame buurt die we helpen opbouwen in Etterbeek wil een impact hebben via deze 3 werklijnen:\n\n"
            " 1. Bereiken van een optimale sociale cohesie en sociale mix: een buurt is een leefomgeving waar mensen "
            "wonen, werken en naar school gaan.\n"
            " 2. Zorg dragen voor het algemeen welzijn en gezondheid: de bestaande burenhulpnetwerken in de wijk "
            "verstevigen elkaar en stemmen op elkaar af.\n"
            " 3. Toegang tot rechten: bewoners vinden de weg naar de diensten waar ze recht op hebben.\n")
    segs = checked(text)
    assert len(segs) == 1 and segs[0].start == 0


def test_a_short_bullet_ending_on_a_full_stop_over_its_indented_text_heads_a_practice() -> None:
    text = ("Sociaal convenanten\n\nDe stad werkt in het kader van het lokaal sociaal beleid samen met een aantal "
            "externe organisaties om welbepaalde opdrachten te laten uitvoeren.\n\nSAAMO Oost-Vlaanderen VZW\n\n"
            " • Onderwijsopbouwwerk in het basisonderwijs.\n"
            "  Het onderwijsopbouwwerk ondersteunt de basisscholen bij het creëren van maximale leer- en "
            "ontwikkelingskansen voor alle kinderen en jongeren, door in te zetten op versterkende leeromgevingen.\n"
            "  Om dit te realiseren worden projecten opgezet die zich richten op ouders en leerlingen, scholen en de "
            "buurt rond de scholen.\n"
            "  • Sterke Schoolteams\n"
            "  • Sterke Ouders\n")
    titles = [s.title for s in checked(text)]
    assert "Onderwijsopbouwwerk in het basisonderwijs" in titles


def test_a_paragraph_labelled_by_its_table_number_is_a_theme_table_titled_by_what_it_says() -> None:
    text = ("Dossier bij de praktijktafel 'Gezocht: vrijetijdsaanbieders!'\n"
            "Demos en het Fonds Vrijetijdsparticipatie organiseerden opnieuw een praktijktafel over de samenwerking "
            "van het lokaal netwerk vrijetijdsparticipatie met vrijetijdsaanbieders.\n"
            "Tafel 1: Aan de eerste praktijktafel bekeek het Fonds Vrijetijdsparticipatie hoe je vanuit het lokaal "
            "netwerk vrijetijdsaanbieders kan aanspreken, we hadden het over solidaire kostendeling, reglementen en "
            "samenwerkingsovereenkomsten.\n"
            "Tafel 2: Aan de tweede praktijktafel ging Demos aan de slag met drie concrete praktijkvoorbeelden van "
            "samenwerking met vrijetijdsaanbieders uit de cultuur-, sport- en jeugdsector.\n"
            "Tafel 3: Aan de derde praktijktafel nam het Netwerk tegen Armoede jullie aan de hand van een spel mee in "
            "de vragen én antwoorden rond omkaderde toeleiding van mensen in armoede naar het cultuur-, jeugd- en "
            "sportaanbod.\n")
    tables = [s for s in checked(text) if text[s.start:s.end].startswith("Tafel")]
    assert len(tables) == 3 and {s.kind for s in tables} == {"theme-table"}
    assert tables[1].title.startswith("Aan de tweede praktijktafel ging Demos")  # not 'Tafel 2'
    longest = tables[0].title  # over 200 characters: cut on a whole word
    assert len(longest) <= 200 and longest.endswith(" …") and longest[:-2].split()[-1] in text.split()
    round_table = ("Ronde Tafel: opbouw sociaal netwerk\n15/02/2019\n\nRecent onderzoek bewijst dat mensen in armoede "
                   "minder vaak een netwerk hebben dat hen informeert en ondersteunt. " + LONG + "\n")
    assert [s.kind for s in checked(round_table)] == ["theme-table"]  # a table named by its format, on any page
    dialogue = round_table.replace("Ronde Tafel:", "Dialoogtafels 2018 :")
    assert [s.kind for s in checked(dialogue)] == ["theme-table"]


def test_a_byline_on_a_line_of_its_own_is_no_heading() -> None:
    text = ("Tien jaar Opvoedingswinkel Noord-Limburg\n\nREGIO – De Opvoedingswinkel biedt ouders een luisterend oor "
            "en advies bij alle vragen over opvoeden, en dat al tien jaar lang.\n\nDoor Ben Ieven\n\n"
            "Je kan er terecht met alle opvoedingsvragen en wordt er bijgestaan door professionele medewerkers. Het is "
            "een gezamenlijk initiatief van twee centra voor kinderzorg en gezinsondersteuning in de regio.\n")
    assert all("Ben Ieven" not in s.title for s in checked(text))


@pytest.mark.parametrize("credit", ["Geschreven door Liesbeth Bernolet",
                                    "V.l.n.r.: Anne Delvoye (gemeenteraadslid), Gabriella De Francesco (schepen), "
                                    "Björn Siffer (schepen) en Ann Peeters (coördinator) ter hoogte van de stadsgrens"])
def test_a_byline_or_a_photo_caption_over_a_story_never_titles_it(credit: str) -> None:
    """'Geschreven door ...' says who wrote the story, 'V.l.n.r.: ...' who stands on its photo: neither names it."""
    text = (credit + "\n\nTijdens de eerste coronagolf zette de stad een belactie op voor alleenstaande ouderen. "
            "Vrijwilligers belden wekelijks wie alleen woont en brachten boodschappen rond. " + LONG + "\n")
    titles = [s.title for s in checked(text)]
    assert titles and not any(t.startswith(credit[:12]) for t in titles), titles


def test_an_entry_that_says_who_tells_about_what_is_titled_by_what() -> None:
    text = ("Dag van de mantelzorg\n\n"
            "Het OCMW organiseert op dinsdag 25 november – van 14u tot 20u – een mantelzorgdag in het woonzorgcentrum. "
            "Deze dag richt zich naar iedereen die op één of andere manier zorgt voor een ander.\n\n"
            "Het aanbod van het OCMW wordt in de kijker gezet, er zijn rondleidingen in de zorgcampus en de "
            "medewerkers van het Sociaal Huis zijn aanwezig om al je vragen te beantwoorden.\n\n"
            "Naast het OCMW-aanbod komen ook enkele aspecten vanuit de regelgeving aan bod:\n"
            "– Notaris Hilde Fermon vertelt over de praktische zaken van het erfenisrecht.\n"
            "– De Federale Overheidsdienst Sociale Zekerheid komt een uiteenzetting geven over verschillende "
            "vergoedingen, zoals de tegemoetkoming voor hulp aan bejaarden.\n"
            "– De personeelsdienst geeft informatie over de mogelijkheden van tijdskrediet. Welke soort van "
            "loopbaanonderbrekingen kan je allemaal nemen?\n")
    titles = [s.title for s in checked(text)]
    assert "De praktische zaken van het erfenisrecht" in titles


def test_a_page_of_projects_each_a_short_title_over_bullets_gives_the_last_one_too() -> None:
    text = ("Dementievriendelijke gemeente\n\nDrie projecten brengen mensen met dementie en hun buurt samen.\n\n"
            "Samen uit\n\n • Samenwerking: lokale economie, handelaars in het centrum\n"
            " • Werken aan een genuanceerde beeldvorming en een betere integratie van mensen met dementie.\n\n"
            "Samen tuinen\n\n • Samenwerking: scholen, lokaal dienstencentrum\n"
            " • Natuur gebruiken als middel om contact te nemen met personen met dementie.\n\n"
            "Samen wandelen\n\n • Een aangenaam en ontspannen moment dat bijdraagt tot het welzijn van personen met "
            "dementie en hun mantelzorgers.\n")
    assert [s.title for s in checked(text)][-3:] == ["Samen uit", "Samen tuinen", "Samen wandelen"]


def test_a_page_of_news_items_under_their_titles_keeps_the_first_item_and_the_last_one_of_plain_words() -> None:
    text = ("Genkse Leerwinkel organiseert Leermarkt\n\n"
            "Er blijken heel wat jonge mensen uit te vallen op school. De Leerwinkel zoekt met hen naar een opleiding "
            "op maat en zet daarvoor op zaterdag een leermarkt op met alle aanbieders uit de regio.\n\n"
            "Genk vangt vluchtende Oekraïners op\n\n"
            "Op vraag van de Federale en Vlaamse overheid zorgt Genk voor ongeveer 110 collectieve opvangplaatsen "
            "voor oorlogsvluchtelingen uit Oekraïne, op drie locaties in de stad.\n\n"
            "Buurtrestaurant De Kolenhaven\n\n"
            "In de oude kantine van de Kolenhavens kookt een ploeg vrijwilligers elke dinsdag een warme maaltijd "
            "voor wie alleen woont of het financieel moeilijk heeft.\n\n"
            "Een heel speciaal trouwfeest\n\n"
            "Ter gelegenheid van de Internationale Dag tegen Holibi- en Transgenderfobie organiseerde OGWA in "
            "samenwerking met het Huis van de Mens een trouwerij van een vijftiental holibikoppels.\n")
    assert [s.title for s in checked(text)] == ["Genkse Leerwinkel organiseert Leermarkt",
                                                "Genk vangt vluchtende Oekraïners op",
                                                "Buurtrestaurant De Kolenhaven", "Een heel speciaal trouwfeest"]


def test_a_report_whose_paragraphs_tell_the_day_in_order_gives_a_talk_each_without_naming_the_event() -> None:
    text = ("In de voormiddag gaf Dorien Van Gassen van Opgroeien Regie aan beide groepen een toelichting over de "
            "twee uitvoeringsbesluiten bij het decreet buitenschoolse opvang en activiteiten.\n\n"
            "Vervolgens konden de deelnemers vragen stellen over deze uitvoeringsbesluiten. De vragen en antwoorden "
            "vind je op onze website.\n\n"
            "In de namiddag gaf Peter Coussaert aan groep 2 een toelichting over regie en organisatienetwerken.\n\n"
            "De presentatie van Peter Coussaert vind je op onze website.\n")
    segments = checked(text)
    assert len(segments) == 2 and {s.kind for s in segments} == {"session"}
    assert text[segments[1].start:].startswith("In de namiddag")


def test_a_town_and_its_day_on_a_line_of_their_own_head_an_event_even_when_only_one_town_is_listed() -> None:
    text = ("Werelddag van Verzet tegen Extreme Armoede\n\n"
            "Hieronder vinden jullie een overzicht van de activiteiten die gepland staan.\n\n"
            "Internationaal zoom event\n\n"
            "Dit jaar vindt de herdenking bij de Verenigde Naties plaats op vrijdag 15 oktober. De herdenking zal "
            "virtueel zijn, via Zoom en in het Engels, van 16u tot 18.30u.\n\n"
            "Je moet je op voorhand registreren via de website.\n\n"
            "Aalst – zaterdag 16 oktober\n\n"
            "“Als je in armoede leeft, is uitsluiting dagelijkse kost”\n\n"
            "Voor mensen in armoede is niet gehoord worden dagelijkse kost. De werkgroep Stop de Armoede vraagt op "
            "de Grote Markt aandacht voor de meer dan 3000 gezinnen in armoede in Aalst.\n")
    segments = checked(text)
    assert text[segments[-1].start:].startswith("Aalst – zaterdag 16 oktober")
    assert segments[-1].title == "Als je in armoede leeft, is uitsluiting dagelijkse kost"


def test_a_netwerkdag_report_that_tells_its_plenary_topics_in_one_paragraph_gives_a_session_each() -> None:
    text = ("Verslag netwerkdag 2015\n\n"
            "Demos nodigde de trekkers van lokale netwerken vrijetijdsparticipatie uit voor ontmoeting en uitwisseling "
            "op vrijdag 5 juni in Oostende.\n\n"
            "In plenum gingen we dieper in op vrije tijd als sociaal grondrecht in een lokaal vrijetijdsbeleid. "
            "Daarna ging het over samenwerken met diensten en partners uit verschillende sectoren. Carolien Vermeiren "
            "schetste enkele dilemma’s. Tot slot stonden we stil bij maatschappelijk verantwoord ondernemen binnen de "
            "vrijetijdssector.\n")
    starts = [text[s.start:s.start + 12] for s in checked(text)]
    assert starts[-3:] == ["In plenum gi", "Daarna ging ", "Tot slot sto"]


def test_bullets_that_name_a_speaker_then_their_own_talk_are_talks_not_a_list_of_speakers() -> None:
    text = ("Vormingsdag buurtwerk\n\nProgramma\n\n9u30-10u00\n\nOnthaal\n\n10u00-11u00\n\n"
            "Hoe bereiken we bewoners die niemand ziet?\n\n"
            " • Lien Maes, opbouwwerker bij SAAMO: Aanbellen in de torens. Wat leerden we van huisbezoeken?\n"
            " • Buurtwerk Noord vzw: Hoe maken we van een plein een ontmoetingsplek?\n"
            " • De Schakel: Welke rol spelen sleutelfiguren in een wijk?\n\n"
            "11u00-12u00\n\nInfomarkt met de projecten van de regio\n")
    segs = checked(text)
    assert [t[:14] for t in texts(text, segs)] == ["Lien Maes, opb", "Buurtwerk Noor", "De Schakel: We",
                                                   "Infomarkt met "]
    assert [s.title for s in segs[:3]] == ["Aanbellen in de torens", "Hoe maken we van een plein een ontmoetingsplek?",
                                           "Welke rol spelen sleutelfiguren in een wijk?"]
    listed = ("Panelgesprek over eenzaamheid\n\n • Ann Peeters, schepen van Welzijn\n"
              " • Jan Claes, coördinator van het dienstencentrum\n • Els Smet: buurtbewoner\n")
    assert len(checked(listed)) == 1


def test_a_numbered_session_written_as_a_bullet_opens_its_record_even_after_a_list() -> None:
    text = ("Trefdag buurtwerk: verslag\n\n"
            " • Sessie 1: Buurtkoks aan de slag\n\n"
            "  Drie buurtkoks uit Gent vertellen hoe ze met bewoners koken en zo nieuwe contacten leggen.\n\n"
            "  Dit onthouden we:\n\n"
            "  • Begin klein en laat bewoners zelf het menu kiezen.\n"
            "  • Zoek een vaste plek waar iedereen zich welkom voelt.\n\n"
            " • Sessie 2: Samen tuinieren in de wijk\n\n"
            "  De sportdienst en het buurtcentrum van Lier tonen hoe een moestuin de buurt verbindt.\n")
    assert openings(text, 18) == ["Sessie 1: Buurtkok", "Sessie 2: Samen tu"]


def test_a_short_title_called_out_with_an_exclamation_mark_heads_a_section_but_a_question_does_not() -> None:
    first = ("Het OCMW en de buurtwerking werken samen aan een buurthuis voor en door de bewoners. In de wijk wonen "
             "ruim vijfhonderd mensen van twintig nationaliteiten. Het buurthuis is de plek waar bewoners terecht "
             "kunnen met hun vragen en voorstellen.")
    second = ("In de wijk Rabot loopt een project over samenleven met als rode draad: fietsen. Fietsen om je te "
              "verplaatsen met een klein budget. Fietsen om elkaar te leren kennen. Vrijwilligers trekken het project.")

    def titles(heading: str) -> list[str]:
        return [s.title for s in checked(f"Projecten in de kijker\n\nBuurthuis De Wijk\n\n{first}\n\n{heading}\n\n"
                                         f"{second}\n")]
    assert titles("Fietsles") == ["Fietsles"]
    assert titles("Fiets!") == ["Fiets!"]
    assert "Fietsen?" not in titles("Fietsen?")


def test_a_paragraph_opening_on_an_organisation_does_not_point_back_so_a_heading_over_it_opens_a_record() -> None:
    """'Het OCMW kent ...' names its subject; 'Het is ...' points back at the paragraph before. Over the first, a
    service heading ('Financiële hulp') opens a service of its own, as 'Sociale hulp' before it did."""
    def text(opening: str) -> str:
        return ("Sociale dienst\n\nDe sociale dienst helpt elke persoon en elk gezin om een menswaardig leven te "
                "leiden.\n\nSociale hulp\n\nDe hulp kan van materiële, sociale, medische of psychologische aard "
                "zijn. De maatschappelijk werkers luisteren naar u, onderzoeken uw sociale rechten en zoeken samen "
                "met u naar oplossingen voor de problemen waarmee u geconfronteerd wordt.\n\nFinanciële hulp\n\n"
                f"{opening} een leefloon toe aan wie geen of te weinig inkomsten heeft. Daarnaast komt het tussen "
                "in de kosten van verwarming, medicatie, opvang van kinderen en schoolkosten, na een sociaal "
                "onderzoek.\n")
    assert [s.title for s in checked(text("Het OCMW kent"))] == ["Sociale hulp", "Financiële hulp"]
    assert len(checked(text("Het kent ook"))) == 1


def test_the_organisations_listed_under_a_lead_naming_the_partners_are_no_practices() -> None:
    """'... een samenwerking tussen volgende partners:' lists who takes part: the bullets stay in the practice
    above, whose partners they are. Under 'Projecten van onze partners:' the bullets are practices of their own."""
    def text(lead: str) -> str:
        return ("Schuldhulp Noorderkempen\n\nHet netwerk ondersteunt hulpverleners die mensen met schulden begeleiden, "
                "met vorming, intervisie en een gedeelde wegwijzer naar de juiste dienst.\n\n"
                f"{lead}\n\n"
                "  • OCMW Hoogstraten, dat de budgetbegeleiding van de gemeente verzorgt en het netwerk trekt.\n"
                "  • CAW De Kempen, met zijn onthaal voor iedereen met een vraag over geld of wonen.\n"
                "  • Vereniging waar armen het woord nemen 't Kompas, die de ervaringen van gezinnen inbrengt.\n")
    assert len(checked(text("Het netwerk is een samenwerking tussen volgende partners:"))) == 1
    assert len(checked(text("Partnerorganisaties die zich engageren in het netwerk zijn:"))) == 1
    assert len(checked(text("Projecten van onze partners:"))) >= 3


def test_a_number_written_with_a_thousands_point_is_no_time_of_day() -> None:
    """'1.800 mensen' in a paragraph does not make it logistics: the page's only description is its record, also
    when the page mentions a 'programma'."""
    text = ("Ontmoetingsdag voor mantelzorgers\n\nDatum\nVoorjaar\n\n"
            "In onze provincie zorgen naar schatting 1.800 jonge mantelzorgers voor een ouder of een broer. Zij "
            "combineren school of werk met zorg en komen zelden aan bod. Daarom brengt het regionaal "
            "mantelzorgnetwerk hen jaarlijks samen voor een dag van ontmoeting, uitwisseling en ontspanning, met "
            "de steun van de stad Hasselt.\n\nSamen met de partners werd een gevarieerd programma uitgewerkt.\n")
    segs = checked(text)
    assert len(segs) == 1 and text[segs[0].start:].startswith("In onze provincie")


def test_the_time_of_day_at_a_headings_end_is_no_part_of_its_title() -> None:
    """'Buurtcentrum De Vonk - 14u tot 16u30' over what happens there is titled 'Buurtcentrum De Vonk'."""
    text = ("Onze opvanglocaties\n\nBuurtcentrum De Vonk - 14u tot 16u30\n\nIn het buurtcentrum tonen de kinderen "
            "hun opvanglokaal aan de buren. Ze bakken samen wafels met de bewoners van het woonzorgcentrum om de hoek "
            "en zingen een lied.\n\nSpeelpunt Samen Spelen\n\nOuders en grootouders spelen elke woensdagmiddag "
            "mee in de tuin van de opvang. Ze maken er kennis met de begeleiders, met de andere gezinnen en met "
            "elkaar.\n\n"
            "Fietsbieb Kouter\n\nWie een fiets nodig heeft voor een kind, leent er een in de fietsbibliotheek van de "
            "wijk. Dat kost een kleine bijdrage per jaar, en vrijwilligers herstellen de fietsen elke zaterdag.\n")
    assert [s.title for s in checked(text)] == ["Buurtcentrum De Vonk", "Speelpunt Samen Spelen", "Fietsbieb Kouter"]


def test_the_line_that_says_when_a_post_went_online_is_never_its_title() -> None:
    """'Artikel geplaatst 3 maart 2015 Print Friendly' between a page's headline and its story says when, not what."""
    text = ("Buurtstad nu ook Zorgstad\n\nBewoners en schepenen zitten samen aan tafel in Lier\n\n"
            "Artikel geplaatst 3 maart 2015 Print Friendly\n\n"
            "Op dinsdag 10 februari 2015 was er een buurtgesprek in het cultuurcentrum van Lier. Bewoners van de "
            "sociale woonwijken en de schepenen spraken er over wonen, werk, gezondheid en vrije tijd. De bewoners "
            "kregen echt het gevoel dat er naar hen geluisterd werd.\nNadien vertelden de schepenen wat ze zouden "
            "aanpakken.\n")
    segs = checked(text)
    assert len(segs) == 1 and "buurtgesprek" in text[segs[0].start:segs[0].end]
    assert "geplaatst" not in segs[0].title and "2015" not in segs[0].title


def test_a_post_headed_by_its_pictures_caption_is_titled_by_what_it_says() -> None:
    """A blog's post whose headline slot holds 'Foto van Jan Peeters' over its date is not titled by a person."""
    text = ("Welzijn\n\nDe provincie zet sterk in op zorg dicht bij huis, vooral voor wie het moeilijk heeft.\n\n"
            "Hieronder vind je een greep uit de initiatieven.\n\n"
            "Foto van Jan Peeters\n12-03-2018\n\n"
            "De provincie steunt de buurtwerking in de wijk Kiel met een jaarlijkse bijdrage. Vrijwilligers openen er "
            "elke week een ontmoetingsruimte waar buren samen koken, praten en elkaar helpen met papieren.\n\n"
            "Buurtrestaurant Kiel\n12-02-2018\n\nIn het buurtrestaurant eten bewoners aan een democratische prijs. "
            "Mensen met een leefloon betalen minder, en vrijwilligers uit de wijk koken er samen met een kok.\n")
    titles = [s.title for s in checked(text)]
    assert titles[0].startswith("De provincie steunt de buurtwerking") and "Buurtrestaurant Kiel" in titles


def test_when_and_where_at_a_headings_end_are_no_part_of_its_title() -> None:
    """'... - 8 november 2016 in Hasselt', '(31 oktober 2017)': the title says what, and where in brackets."""
    body = ("\n\nGemeenten en buurtwerkers wisselen uit hoe ze samen met bewoners werken aan gezonde buurten, met "
            "voorbeelden uit drie steden en een wandeling door de wijk.\n")
    cases = (("Themadag gezonde buurten - 8 november 2016 in Hasselt", "Themadag gezonde buurten (Hasselt)"),
             ("Themadag gezonde buurten op 13 maart 2017 in De Schakel", "Themadag gezonde buurten"),
             ("Themadag gezonde buurten (31 oktober 2017)", "Themadag gezonde buurten"))
    for heading, title in cases:
        assert [s.title for s in checked(heading + body)] == [title]


def test_the_stops_of_a_tour_of_projects_are_practices_and_the_walks_between_them_logistics() -> None:
    text = ("Rallye 'Inspirerende projecten bezoeken!'\n\nKom op zondag ter plaatse inspiratie opdoen en met de "
            "projectleiders uitwisselen over composteren, moestuinen en regenwater.\n\nHET PROGRAMMA :\n\n"
            "13:00-13:30 Verwelkoming\n"
            "13:30-15:00 Duurzame Wijk City Zen. Kom en ontdek deze wijk, het resultaat van denkwerk onder buren en "
            "hun wil om zich samen in te zetten voor een collectieve moestuin en een burgerboomgaard.\n"
            "15:00-15:20 Traject te voet\n"
            "15:20-15:40 Duurzame Wijk Uni-Vert. Welkom in deze wijk waar de bewoners u hun regenwatertanks en hun "
            "collectieve kippenhok laten ontdekken.\n"
            "15:40-16:00 Project Bal’Evere.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Duurzame Wijk City Zen", "Duurzame Wijk Uni-Vert", "Project Bal’Evere"]
    assert {s.kind for s in segs} == {"practice"}
    talks = checked(text.replace("Rallye 'Inspirerende projecten bezoeken!'", "Studiedag 'Duurzame wijken'"))
    assert talks[0].kind == "session"  # the same items at a study day are talks about them


def test_a_headline_that_opens_on_a_handle_names_the_page_but_an_e_mail_line_does_not() -> None:
    text = ("@Home18-24: het opvanghuis dat dakloze jongeren er bovenop helpt\n\nIn Brussel worden al tien jaar "
            "jongeren die dakloos zijn begeleid in een opvanghuis van vzw Spullenhulp. " + LONG + "\n")
    assert [s.title for s in checked(text)] == ["@Home18-24: het opvanghuis dat dakloze jongeren er bovenop helpt"]
    mail = text.replace("@Home18-24: het", "info@home.be het")
    assert "info@home.be" not in checked(mail)[0].title


def test_each_item_of_a_news_listing_tagged_with_town_and_rubric_is_a_record() -> None:
    text = ("Tielt / Samenleving Tielt / Samenleving Stijn en Annelies openen zorgboerderij Agapé Na meer dan tien "
            "jaar dromen openen ze een zorgboerderij waar mensen met een beperking meewerken op het land.\n"
            "Diksmuide / Samenleving Diksmuide / Samenleving Westhoek Vredeshoek lanceert eerste Vredescafé Het "
            "allereerste Vredescafé vond onlangs plaats, een initiatief binnen het nieuwe vredesproject.\n")
    assert [o[:18] for o in openings(text)] == ["Stijn en Annelies ", "Westhoek Vredeshoe"]
    once = text.replace("Diksmuide / Samenleving Diksmuide / Samenleving", "Diksmuide / Samenleving")
    assert len(checked(once)) == 2  # the tag printed once
    alone = text.split("\n")[0] + "\n"
    assert len(checked(alone)) <= 1  # one tagged line is no listing


def test_a_report_that_tells_the_morning_and_afternoon_by_their_titles_gives_a_session_each() -> None:
    text = ("Tweede Gezinsconferentie op de dag van het gezin\n\n15 mei 2014\n\n"
            "Tijdens de voormiddag stond het Vlaamse gezinsbeleid centraal: 'Beschouwing en vooruitblik op het Vlaamse "
            "gezinsbeleid'. Met drie thema's op de agenda: materiële ondersteuning van gezinnen en gezinsrelaties.\n\n"
            "In de namiddag zetten we het lokale gezinsbeleid in de kijker: 'Het lokaal gezinsbeleid in opmars: "
            "tendensen en spanningsvelden'. Gemeenten kunnen een eigen beleid uitstippelen.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Beschouwing en vooruitblik op het Vlaamse gezinsbeleid",
                                       "Het lokaal gezinsbeleid in opmars: tendensen en spanningsvelden"]
    assert {s.kind for s in segs} == {"session"}  # told talks are a programme's items, on any page


def test_keynotes_told_with_their_speakers_open_sessions() -> None:
    text = ("Jong in de buurt - Samen voor een lokaal gezinsbeleid\n\n"
            "Keynotes Michel Vandenbroeck, UGent, en Stijn Oosterlynck, Universiteit Antwerpen deelden hun reflecties. "
            "Wat is de betekenis van de stad als motor voor sociale mobiliteit?\n"
            "Peter Cousaert, VVSG, ging dieper in op de rol die een lokaal bestuur kan opnemen als "
            "netwerkorganisatie.\n\n"
            "Deze vervolgconferentie werd georganiseerd door Kind en Gezin en de VVSG.\n")
    assert [o[:12] for o in openings(text)] == ["Keynotes Mic", "Peter Cousae"]


def test_an_invitation_that_tells_its_morning_and_afternoon_gives_a_session_each() -> None:
    text = ("Inspiratiedag lokaal transversaal beleid\n\nVoor de Vlaamse overheid zijn lokale besturen de prioritaire "
            "partners op vlak van integratie en armoedebestrijding.\n\n"
            "Tijdens de voormiddag krijg je inzicht in de resultaten van wetenschappelijk onderzoek rond de regierol "
            "van lokale besturen. In de namiddag inspireren workshops met goede praktijken en concrete voorbeelden.\n")
    assert [o[:20] for o in openings(text)] == ["Tijdens de voormidda", "In de namiddag inspi"]
    questions = text.replace("In de namiddag inspireren workshops met goede praktijken en concrete voorbeelden.",
                             "Na de toelichting is er ruimte om vragen te stellen.")
    assert not any(o.startswith("Na de toelichting") for o in openings(questions))  # the talk before goes on


def test_a_paragraph_after_a_list_of_one_line_entries_is_about_the_list_not_its_last_entry() -> None:
    text = ("Goedkeuring projecten gezinsondersteuning\n\nDe beschikbare middelen laten toe om volgende aanvragen goed "
            "te keuren:\n1. Kinderen kansen geven! (Leuven – € 84.000,00/ jaar)\n2. Vonk, een passe-partout (Dilbeek "
            "– € 83.977,43/ jaar)\n3. TOOM. Tongerse Ondersteuning op maat (Tongeren – 84.000,00/jaar)\n\n"
            "Deze 3 projecten scoren sterk op de manier waarop ze gezinnen willen ondersteunen bij de realisatie van "
            "grondrechten.\n")
    segs = checked(text)
    assert [s.title for s in segs] == ["Kinderen kansen geven! (Leuven)", "Vonk, een passe-partout (Dilbeek)",
                                       "TOOM. Tongerse Ondersteuning op maat (Tongeren)"]
    assert texts(text, segs)[-1] == "TOOM. Tongerse Ondersteuning op maat (Tongeren – 84.000,00/jaar)"


def test_a_numbered_run_that_finishes_the_sentence_above_it_is_part_of_its_item() -> None:
    text = ("Op naar een Sociaalwerkconferentie\n\nDe drie masteropleidingen sociaal werk organiseren een conferentie. "
            + LONG + "\n\nDe doelstelling van de conferentie is om\n\n"
            " 1. De gedeelde basis van het sociaal werk te expliciteren;\n"
            " 2. De mensenrechtenbenadering te expliciteren en te concretiseren.\n")
    assert_one_record_to_the_end(text)
    told = text.replace("is om\n", "is drieledig.\n")
    assert len(checked(told)) > 1  # after a whole sentence the entries stand alone
