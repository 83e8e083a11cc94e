"""Place extraction: where a practice runs, not where its speakers work or the event is held."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.places import Places, demonyms, extract_places

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_slice(prefix: str, needle: str, before: int = 0, after: int = 300) -> str:
    """A short slice of a corpus file around a phrase, so tests follow the real layout."""
    path = next(CORPUS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    at = text.index(needle)
    return text[max(0, at - before): at + after]


def munis(text: str, title: str = "") -> list[str]:
    return extract_places(text, title).municipalities


@pytest.mark.parametrize("text, expected", [
    ("Het OCMW van Mechelen werkt met zorgcoaches.", ["Mechelen"]),
    ("De stad Genk licht het project TALim toe.", ["Genk"]),
    ("Zorgcoachen Mechelen: buren helpen buren.", ["Mechelen"]),
    ("Het Sociaal Huis Deerlijk rijdt rond met een mobiel dienstencentrum.", ["Deerlijk"]),
    ("De gemeente Herselt opende een buurthuis.", ["Herselt"]),
    ("Het OCMW van Berlare, Laarne en Buggenhout start een kruidenier.", ["Berlare", "Laarne", "Buggenhout"]),
    ("In 2015 gingen de colleges van burgemeester en schepenen van Anzegem, Avelgem en Deerlijk akkoord met een "
     "intergemeentelijke samenwerking.", ["Anzegem", "Avelgem", "Deerlijk"]),
    ("Het plan loopt in Stad en OCMW Oostende, zegt gedeputeerde Jan Peeters.", ["Oostende"]),
])
def test_local_government_running_a_practice(text: str, expected: list[str]) -> None:
    assert sorted(munis(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("De dienst opende een tweede loket in St-Niklaas.", ["Sint-Niklaas"]),
    ("Het project loopt in St.-Laureins en in Sint Truiden.", ["Sint-Laureins", "Sint-Truiden"]),
    ("Het OCMW van St-Agatha-Berchem start een sociale kruidenier.", ["Sint-Agatha-Berchem"]),
])
def test_short_and_unhyphenated_saint_names(text: str, expected: list[str]) -> None:
    """'St-' and a space for the hyphen are common ways to write a saint's town; Berchem alone is Antwerp's."""
    assert sorted(munis(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    ("Goedele Desmet is architecte en docente aan de KULeuven. "
     "Het bureau won een prijs voor sociale woningen in Kessel-Lo."),
    "Fons Duchateau, OCMW-voorzitter en schepen stad Antwerpen, heet u welkom.",
    "Zij is schrijfster en columniste bij De Morgen en werd geboren in Heusden-Zolder.",
    "Hij is als docent verbonden aan de Universiteit van Amsterdam en aan de KU Leuven.",
    "Brugfiguren ontstaan steeds vaker in Vlaanderen en Brussel.",
    "Het arrondissement Antwerpen is hierin een blinde vlek.",
])
def test_speaker_bio_venue_and_generic_mentions_are_not_counted(text: str) -> None:
    assert munis(text) == []


@pytest.mark.parametrize("text", [
    "In die cijfers spant West-Vlaanderen samen met Antwerpen de kroon.",
    "Limburg is, na Antwerpen, de tweede regio met een eigen netwerk van buurtzorg.",
])
def test_a_province_name_beside_another_province_is_the_province(text: str) -> None:
    assert munis(text) == []


def test_three_or_more_hyphenated_towns_are_the_towns_a_shared_service_works_in() -> None:
    assert extract_places("Zahira is brugfiguur secundair onderwijs in de regio Menen-Wervik-Wevelgem.")\
        .municipalities == ["Menen", "Wervik", "Wevelgem"]
    assert extract_places("Het project loopt in de regio Anzegem-Avelgem-Deerlijk-Spiere-Helkijn.")\
        .municipalities == ["Anzegem", "Avelgem", "Deerlijk", "Spiere-Helkijn"]
    assert extract_places("Dat doen we samen met CAW Boom-Mechelen-Lier.").municipalities == []  # the CAW's name
    assert extract_places("Het CAW Halle-Vilvoorde helpt.").municipalities == []  # two name an area


def test_a_town_whose_name_is_another_towns_adjective_is_itself() -> None:
    assert extract_places("De provincie organiseert een opleiding tot burenbemiddelaar in het PIVO in Asse.")\
        .municipalities == ["Asse"]  # not As, whose adjective 'Asse' would be
    assert extract_places("Het OCMW van As start een project.").municipalities == ["As"]


def test_a_province_city_without_another_province_stays_a_town() -> None:
    assert munis("Het buurtwerk in Antwerpen opent een tweede ontmoetingsruimte.") == ["Antwerpen"]


def test_event_venue_line_is_not_counted() -> None:
    venue = corpus_slice("004", "'T GASTHUIS, WIJNEGEM", after=40)
    assert "Wijnegem" not in munis(venue)


def test_speaker_role_in_corpus_opening_is_not_counted() -> None:
    text = corpus_slice("000", "Fons Duchateau, OCMW-voorzitter", after=90)
    assert munis(text) == []


@pytest.mark.parametrize("text", [
    "Jan Mol en Peer Van Dijk praten erover.",
    "Stephanie Van Houtven en Ilse De Pinte geven toelichting.",
    "We eten ham en kaas; de boom staat in de tuin.",
    "Het project LENS van het opbouwwerk.",
])
def test_common_words_and_surnames_are_not_places(text: str) -> None:
    assert munis(text) == []


def test_capitalised_common_word_name_with_cue_is_a_place() -> None:
    assert munis("Dienstencentrum Den Travoo van het OCMW Mol helpt ouderen.") == ["Mol"]


@pytest.mark.parametrize("title, expected", [
    ("Antwerpen_Kinderopvangtoelage", "Antwerpen"),
    ("StadGent_TheTravelMandalaKids", "Gent"),
    ("OCMWBrugge_DeKapoentjesbib", "Brugge"),
    ("Ichtemgem_IBO", "Ichtegem"),
])
def test_file_like_names(title: str, expected: str) -> None:
    assert munis(title) == [expected]


def test_university_prefix_in_glued_names_is_not_a_place() -> None:
    assert munis("Rilana Barberi (UHasselt) en Eva Vens (HOGent)") == []


def test_adjective_in_title_and_inhabitants() -> None:
    assert munis("", title="In contact brengen met jeugdwerk (Leuvense aanpak)") == ["Leuven"]
    assert munis("De Londerzeelnaren bouwen samen een zorgdorp.") == ["Londerzeel"]
    assert munis("Collectief Goed is een Antwerpse coöperatie die huizen renoveert.") == ["Antwerpen"]
    assert "Antwerpen" in demonyms("Antwerpen") or "Antwerpse" in demonyms("Antwerpen")


def test_adjective_places_a_practice_only_when_nothing_else_does() -> None:
    assert munis("Het armoedeplan steunt kwetsbare Lokerse gezinnen met voedselhulp.") == ["Lokeren"]
    assert munis("Het OCMW van Gent helpt ook Lokerse gezinnen.") == ["Gent"]


def test_brussels_adjective_is_the_capital_region() -> None:
    assert munis("Kinderen uit Brusselse aandachtswijken krijgen les.") == []


def test_localities_map_to_municipality() -> None:
    assert munis("", title="De Roma (Borgerhout): sociaal artistiek werkt") == ["Antwerpen"]
    assert munis("Huis van het Kind Antwerpen-Kiel: een open thuis") == ["Antwerpen"]


def test_old_names_stay_as_written() -> None:
    assert sorted(munis("Het project loopt in Borsbeek en in Puurs.")) == ["Borsbeek", "Puurs"]


def test_foreign_places() -> None:
    assert munis("", title="Niet chillen maar skillen: Rotterdam Vakmanstad") == ["Rotterdam"]
    places = extract_places("Hetty Linden, directeur Volksgezondheid van de gemeente Utrecht, vertelt.")
    assert places.municipalities == ["Utrecht"]
    assert places.provinces == []


def test_a_foreign_city_named_in_passing_does_not_count() -> None:
    text = "Het buurtproject leunt op onderzoek van de Hogeschool van Arnhem en Nijmegen."
    assert munis(text) == []


def test_limburg_is_the_province_not_the_walloon_town() -> None:
    assert munis("De cijfers komen uit Limburg in cijfers; het project loopt in Leopoldsburg.") == ["Leopoldsburg"]


def test_two_hyphenated_towns_name_an_area() -> None:
    assert munis("Het CAW Halle-Vilvoorde opent een woonproject in Vilvoorde.") == ["Vilvoorde"]


@pytest.mark.parametrize("text", [
    "Na een jaar blies OverKop Tienen het eerste kaarsje uit.",
    "Getuigenis van Tom Es (‘t Saam Diksmuide) over laptops op school.",
])
def test_a_brand_or_named_thing_before_a_town_is_no_first_name(text: str) -> None:
    assert len(munis(text)) == 1


def test_facilitator_affiliation_counts_only_next_to_other_evidence() -> None:
    alone = "Werksessie sport.\nBegeleiding: Tim Lamon, consulent buurtsport (Gent) en Dorien Heuninck (Dendermonde)"
    assert munis(alone) == []
    with_practice = corpus_slice("001", "De Stad Gent biedt al enkele jaren omstaandertrainingen", after=1200)
    assert {"Gent", "Lokeren"} <= set(munis(with_practice))


@pytest.mark.parametrize("text, region", [
    ("Kracht.wonen (regionale aanpak van dak- en thuisloosheid) – W13", "W13"),
    ("Katrolwerking – welzijnsband Meetjesland", "Meetjesland"),
    ("KINA zal als regiodekkende welzijnsvereniging het voortouw nemen.", "referentieregio Antwerpen"),
    ("Binnen referentieregio Antwerpen zijn er heel wat mogelijkheden.", "referentieregio Antwerpen"),
    ("Samenwerking met privé partners – DVV Westhoek", "Westhoek"),
    ("BudgetInZicht Noord-West-Vlaanderen", "Noord-West-Vlaanderen"),
    ("Tewerkstellingsbegeleiding – Welzijnsregio Noord-Limburg", "Noord-Limburg"),
])
def test_regions(text: str, region: str) -> None:
    places = extract_places(text)
    assert places.region == region
    assert places.municipalities == []


def test_regional_practice_drops_member_municipalities_named_in_passing() -> None:
    places = extract_places("W13 werkt samen met de OCMW's van Kortrijk en Menen rond wonen.")
    assert places.region == "W13"
    assert places.municipalities == []


def test_a_regional_practice_keeps_the_towns_it_runs_in() -> None:
    places = extract_places("Met steun van W13 wordt in Kuurne en Harelbeke een sociale kruidenier geopend.")
    assert places.region == "W13"
    assert places.municipalities == ["Kuurne", "Harelbeke"]


def test_towns_enumerated_together_run_a_regional_practice_but_arrondissements_are_areas() -> None:
    places = extract_places("In maart 2016 startten Malle, Zandhoven, Zoersel en de provincie met de Buurtbus. "
                            "In samenwerking met Kina rijdt de bus door de drie gemeenten.")
    assert places.region == "referentieregio Antwerpen"
    assert places.municipalities == ["Malle", "Zandhoven", "Zoersel"]
    areas = extract_places("Hoe groot is de uitstroom in de arrondissementen Veurne, Diksmuide en Ieper? "
                           "DVV Westhoek zoekt een antwoord.")
    assert areas.municipalities == []


def test_the_owner_field_of_a_project_sheet_says_which_member_town_runs_a_regional_project() -> None:
    sheet = ("Schuldhulp in de Westhoek\n\nLocatie\n\nWesthoek\n\nPromotor\n\nOCMW Veurne\n\n"
             "Het project helpt gezinnen uit de hele regio, ook uit Diksmuide.")
    places = extract_places(sheet)
    assert places.region == "Westhoek"
    assert places.municipalities == ["Veurne"]
    inline = extract_places("Buurtwerk in de Westhoek\nInitiatiefnemer: OCMW Poperinge\nOok Diksmuide doet mee.")
    assert inline.municipalities == ["Poperinge"]


def test_provinces_from_municipalities_and_explicit_mentions() -> None:
    assert extract_places("Het OCMW van Ieper start een project.").provinces == ["West-Vlaanderen"]
    assert extract_places("De provincie Limburg ondersteunt dit.").provinces == ["Limburg"]


def test_mentions_explain_the_result() -> None:
    text = "Het OCMW van Hoegaarden investeert in vrijwilligers."
    places = extract_places(text)
    assert places.municipalities == ["Hoegaarden"]
    (mention,) = places.mentions
    assert text[mention.start:mention.end] == "Hoegaarden"
    assert 0 < places.confidence <= 1


def test_empty_text() -> None:
    assert extract_places("") == Places()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("abc AGMLe-_()\n.,:'") + ["Gent", "Mol ", "OCMW van ", "W13", "Kessel-Lo"]),
                max_size=60).map("".join),
       st.text(max_size=40))
def test_never_crashes_and_offsets_are_inside_the_text(text: str, title: str) -> None:
    places = extract_places(text, title)
    for mention in places.mentions:
        assert 0 <= mention.start <= mention.end <= len(text)
    assert 0.0 <= places.confidence <= 1.0


@pytest.mark.parametrize("text, expected", [
    ("Het Sociaal Huis van Kortemark kan rekenen op veertig vrijwilligers voor zijn vervoersdienst.", ["Kortemark"]),
    ("Een op de drie kinderen in Genk wordt geboren in een kansarm gezin; het OCMW breidt zijn team uit.", ["Genk"]),
])
def test_a_local_service_or_place_in_a_news_sentence_counts(text: str, expected: list[str]) -> None:
    assert extract_places(text).municipalities == expected


def test_a_mayors_town_still_does_not_count() -> None:
    assert extract_places("Spreker is Jan Peeters, burgemeester van Lier, over participatie.").municipalities == []


@pytest.mark.parametrize("text", [
    "De OCMW's van Lier, Berlaar en Nijlen kwamen kijken naar de sociale kruidenier in Genk.",
    "Een delegatie van het OCMW van Lier was te gast bij het buurtrestaurant in Genk.",
])
def test_towns_of_visitors_do_not_count(text: str) -> None:
    assert munis(text) == ["Genk"]


def test_a_speakers_surname_in_the_title_is_no_town() -> None:
    assert munis("Over de winteropvang.", title="Een warme winter in Gent? Sabine Van Damme") == ["Gent"]


@pytest.mark.parametrize("text", [
    "Sprekers\n • Mira Dewulf (Stad Lier)\n • Ruben Claes (VVSG)",
    "10u Energiearmoede (Jan Willems, stafmedewerker, OCMW Lier)",
    "Schoolreizen voor iedereen – Els Maes (Vierde Wereldgroep De Brug, Lier)",
])
def test_a_speakers_employer_town_is_not_where_the_session_runs(text: str) -> None:
    assert munis(text) == []


def test_a_near_complete_member_list_of_a_partnership_is_where_it_runs() -> None:
    text = ("Welzijnsband Meetjesland bundelt de lokale besturen. "
            "Dit betreft de OCMW's van Aalter, Assenede, Eeklo, Kaprijke, Maldegem en Zelzate.")
    assert sorted(munis(text)) == ["Aalter", "Assenede", "Eeklo", "Kaprijke", "Maldegem", "Zelzate"]


def test_a_french_town_name_that_is_a_dutch_word_is_that_word() -> None:
    hall = extract_places("Hal 5 is een collectief van burgers in Leuven. Ze bouwen samen aan de buurt.")
    assert hall.municipalities == ["Leuven"]
    brussels = extract_places("Het OCMW van Bruxelles en de Stad Anvers werken samen aan een project.")
    assert set(brussels.municipalities) == {"Brussel", "Antwerpen"}  # rarer French names are still read


def test_a_walloon_towns_dutch_name_that_is_a_dutch_word_needs_a_cue() -> None:
    text = ("Wat het huis al aanbiedt:\n\nLessen digitale vaardigheden voor ouderen in Wetteren\n"
            "De tentoonstelling Lens op dementie reist langs de bibliotheken.")
    assert extract_places(text).municipalities == ["Wetteren"]
    assert extract_places("Het OCMW van Lessen opende een sociale kruidenier.").municipalities == ["Lessen"]


def test_a_typographic_apostrophe_in_a_place_name_is_the_plain_one() -> None:
    places = extract_places("De Jobtuin in Sint-Job-in-’t-Goor biedt werk aan langdurig werklozen.")
    assert places.municipalities == ["Brecht"]
    assert places.mentions[0].surface == "Sint-Job-in-’t-Goor"  # the text as written, for the explanation


def test_a_town_name_with_a_number_on_a_line_of_its_own_is_a_label() -> None:
    text = "Assen\n\nAs 4\n\nPromotor\n\nOCMW Ieper\n\nHet OCMW van Ieper helpt mensen met schulden."
    assert extract_places(text).municipalities == ["Ieper"]


def test_brussel_alone_is_the_capital_region_and_the_city_only_when_named_so() -> None:
    assert munis("Vanaf 2016 richtte Groep Intro in Brussel een kleine klusploeg op met twee medewerkers.") == []
    assert munis("SAAMO Brussel bouwt met thuislozen acht mobiele woonunits in Anderlecht.") == ["Anderlecht"]
    assert munis("Het OCMW van de Stad Brussel lanceert een nieuw initiatief voor jonge daklozen.") == ["Brussel"]
    assert munis("Een mobiele koffiebar trekt naar verschillende wijken in Brussel-Stad.") == ["Brussel"]
    title = "Stadspiratie: 1.130 ideeën voor Brussel"  # in a title too
    assert extract_places("Bewoners dienden ideeën in voor hun stad en hun buurt.", title).municipalities == []
    assert extract_places("Het OCMW opent een nieuw sociaal restaurant.", "OCMW Brussel").municipalities == ["Brussel"]


def test_a_local_service_named_with_its_town_runs_the_practice_even_beside_a_bio_cue() -> None:
    text = ("Sociaal Huis Mechelen organiseerde donderdagochtend in De Schrijf een ontbijt voor mensen die het wat "
            "minder breed hebben.")
    assert extract_places(text).municipalities == ["Mechelen"]
