"""Speakers and partners on hand-made Dutch snippets and short slices of the bundled corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.entities import extract_partners, extract_speakers, is_person_name

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def corpus_slice(name_start: str, marker: str, length: int = 600) -> str:
    path = next(CORPUS.glob(f"{name_start}*.txt"))
    text = path.read_text(encoding="utf-8")
    start = text.index(marker)
    return text[start:start + length]


@pytest.mark.parametrize("text, expected", [
    ("Het project wordt toegelicht. Spreker: Nele De Wever.", ["Nele De Wever"]),
    ("Sprekers: Ilse Elshout (hoofd maatschappelijk werkster) en Teske Loos (verantwoordelijke LOI).",
     ["Ilse Elshout", "Teske Loos"]),
    ("Begeleiding: Tim Lamon, consulent buurtsport (Gent) en Dorien Heuninck diversiteitscoördinator (Dendermonde)",
     ["Tim Lamon", "Dorien Heuninck"]),
    ("Het debat wordt gemodereerd door voormalig journalist Guy Tegenbos.", ["Guy Tegenbos"]),
    ("Moderator: Sarah Van den Eeden", ["Sarah Van den Eeden"]),
    ("Uw gids is Aurélie van Lierop.", ["Aurélie van Lierop"]),
    ("Spreker: Prof Orhan Agirdag en Mevrouw Ann Boeraeve.", ["Orhan Agirdag", "Ann Boeraeve"]),
    ("Spreker: Katelijne Exelmans van Isom.", ["Katelijne Exelmans"]),
    ("Moderator: Lina D’Amico en Stijn D'hoore", ["Lina D’Amico", "Stijn D'hoore"]),
])
def test_speaker_cues(text, expected):
    assert extract_speakers(text) == expected


@pytest.mark.parametrize("name", ["Economische Zaken", "Zorgzame Buurten", "Iedereen Digitaal"])
def test_an_adjective_or_a_pronoun_opens_no_persons_name(name: str) -> None:
    assert not is_person_name(name)
    assert is_person_name("Bart Wolf") and is_person_name("Elke Van Damme")


def test_titles_are_stripped_from_names():
    text = ("Prof. Dr. Orhan Agirdag. In 1984 geboren in Limburg.\n\n"
            "Onder begeleiding van mvr. Marijke De Lange, stafmedewerker personeelsbeleid, brengen we dit in kaart.\n"
            "Een insteek door prof. dr. Joris Voets (UGent)")
    assert extract_speakers(text) == ["Orhan Agirdag", "Marijke De Lange", "Joris Voets"]


def test_name_role_lines_and_biographies():
    text = ("Jo Vandeurzen, Vlaams minister van Welzijn\n"
            "Dominique Verté, professor Sociale gerontologie aan de VUB\n\n"
            "Koen Hermans is doctor in de sociale wetenschappen.")
    assert extract_speakers(text) == ["Jo Vandeurzen", "Dominique Verté", "Koen Hermans"]


def test_project_names_are_not_speakers():
    text = ("Rotterdam Vakmanstad (RVS) is een stichting. Rotterdam Vakmanstad is in 2007 gestart.\n"
            "Levanto Fietshaven is een onderdeel van Levanto vzw.")
    assert extract_speakers(text) == []


def test_a_plural_noun_on_a_line_of_its_own_is_no_speaker():
    text = "Wandelingen Buurtwijzer\n\nBuurtwijzer is een stadsspel voor schoolteams en welzijnswerkers."
    assert extract_speakers(text) == []


def test_speakers_are_deduplicated_in_order():
    text = "Spreker: Wim Van Lancker.\n\nWim Van Lancker is socioloog. Spreker: Celia Ledoux."
    assert extract_speakers(text) == ["Wim Van Lancker", "Celia Ledoux"]


def test_speakers_from_corpus_slice():
    text = corpus_slice("001", "Begeleiding: Maarten De Waele", 300)
    assert extract_speakers(text) == ["Maarten De Waele", "Gunter Van Avondt", "Chloé Deflandre", "Fri Dekeyser"]


def test_partner_triggers():
    text = ("De sociale dienst van Sociaal Huis Mechelen werkt samen met de vzw Cachet. "
            "Ook CAW Noord-West-Vlaanderen en Samenlevingsopbouw Oost-Vlaanderen doen mee, "
            "met de steun van het Europees Sociaal Fonds (ESF).")
    partners = extract_partners(text)
    assert partners[:2] == ["Sociaal Huis Mechelen", "vzw Cachet"]
    assert "CAW Noord-West-Vlaanderen" in partners
    assert "Samenlevingsopbouw Oost-Vlaanderen" in partners
    assert "Europees Sociaal Fonds (ESF)" in partners


def test_partner_sessions_and_known_organisations():
    assert extract_partners("Samen tegen energiearmoede (partnersessie Eandis en Infrax)") == ["Eandis", "Infrax"]
    assert extract_partners("KULeuven en UCLL werken samen met scholen. HOGENT onderzoekt brugfiguren.") == [
        "KULeuven", "UCLL", "HOGENT"]


def test_roles_are_not_partners():
    text = "Fons Duchateau, OCMW-voorzitter en schepen, heet u welkom. Lies Vereecke is stafmedewerker."
    assert extract_partners(text) == []


def test_affiliations_in_academic_biographies_are_not_partners():
    text = ("Dries Lesage is docent aan de Universiteit van Gent. "
            "Het OCMW Mol werkt samen met de VVSG.")
    assert extract_partners(text) == ["OCMW Mol", "VVSG"]


def test_ocmw_lists_and_city_services():
    text = "Het OCMW van Berlare, Laarne en Buggenhout sloegen de handen in elkaar met de stad Genk."
    assert extract_partners(text) == ["OCMW Berlare", "OCMW Laarne", "OCMW Buggenhout", "stad Genk"]


def test_partners_from_corpus_slice():
    text = corpus_slice("004", "Onder begeleiding van", 200)
    assert "VVSG" in extract_partners(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_extractors_never_crash(text):
    assert isinstance(extract_speakers(text), list)
    assert isinstance(extract_partners(text), list)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Spreker:", "Jan", "Van", "den", "Berg", "OCMW", "vzw", "Gent", ",", "en", "(", ")",
                                 "i.s.m.", "Stad", "\n", "Prof.", "Dr.", "KINA", "is"]), max_size=40))
def test_extractors_never_crash_on_cue_soup(words):
    text = " ".join(words)
    assert all(isinstance(x, str) and x for x in extract_speakers(text))
    assert all(isinstance(x, str) and x for x in extract_partners(text))


def test_partners_are_names_not_numbers_or_sentence_starts() -> None:
    partners = extract_partners("Een project van Samenlevingsopbouw Vlaanderen Het recht op wonen staat centraal. "
                                "In 358 gezinnen werkt OCMW Gent samen met CAW Oost-Vlaanderen.")
    assert "Samenlevingsopbouw Vlaanderen" in partners
    assert not any(p.endswith(" Het") or not any(c.isalpha() for c in p) for p in partners)


def test_an_article_after_van_goes_on_in_an_organisations_name() -> None:
    assert extract_partners("Het Huis van het Kind Zonnegem organiseert een babbelcafé.") == [
        "Huis van het Kind Zonnegem"]


@pytest.mark.parametrize("text, speakers", [
    ("Een goede samenwerking tussen ouders en school – Jan De Mets (UGent)", ["Jan De Mets"]),
    ("Heldere communicatie – Eva Germeys (STOS) & Marianne Van den Bremt (STOS)",
     ["Eva Germeys", "Marianne Van den Bremt"]),
    ("Publieke ruimte – Gent en Antwerpen", []),
])
def test_speakers_after_the_dash_of_a_listed_talk(text: str, speakers: list[str]) -> None:
    assert extract_speakers(text) == speakers


def test_extraction_of_one_enormous_word_stays_linear() -> None:
    """A 200,000-character word once took minutes (a pattern rescanned the word from every position);
    bench/ingest_search.py prints the timing, this only keeps the path exercised."""
    from ingest.places import extract_places

    word = "a" * 200_000
    assert extract_partners(word) == [] and extract_speakers(word) == []
    assert extract_places(word).municipalities == []


@pytest.mark.parametrize("text", [
    "“We openen in mei een tweede winkel”, zegt schepen Hanne Verlinden.",
    "Marc Peeters, voorzitter van het OCMW: “Dit is een mooie dag.”",
    "Op de foto zie je v.l.n.r. Jan Smet en Els Maes (jeugddienst).",
])
def test_quoted_or_pictured_officials_are_not_speakers(text: str) -> None:
    assert extract_speakers(text) == []


def test_a_quote_does_not_hide_a_presenter() -> None:
    text = "Schepen Hanne Verlinden stelde het project voor en zegt: “We zijn trots.”"
    assert extract_speakers(text) == ["Hanne Verlinden"]


def test_programme_lines_and_brackets_of_names() -> None:
    text = ("Sprekers\n\n • Ruben Claes (VVSG)\n • Mira Dewulf (Stad Lier)\n"
            "10u Getuigenis 'Buurtwinkel' (Tom Baert en Ines Goossens)")
    assert extract_speakers(text) == ["Ruben Claes", "Mira Dewulf", "Tom Baert", "Ines Goossens"]
    speaker_first = ("Presentaties per spreker\n\n"
                     "Bram Maes (Atelier Romain) - Bevolkingsevoluties op het platteland\n\n"
                     "Lotte Peeters (Planbureau, Den Haag) - Verouderen op het platteland")
    assert extract_speakers(speaker_first) == ["Bram Maes", "Lotte Peeters"]  # the brackets say where they work


def test_who_spoke_and_who_led_a_table_are_speakers() -> None:
    assert extract_speakers("Jan Peeters sprak over wonen in de stad.") == ["Jan Peeters"]
    assert extract_speakers("De minister, Ann Maes, sprak de zaal toe.") == ["Ann Maes"]
    assert extract_speakers("3. Gesprekstafel rond ondersteuning o.l.v. Hugo Claes") == ["Hugo Claes"]


def test_a_news_items_byline_and_a_contact_person_are_not_speakers() -> None:
    told = ("Het huis biedt hulp en advies aan ouders met kinderen tot 24 jaar.\n\n"
            "Door Ben Ieven op 3 maart 2020\n\nJe kan er terecht met alle vragen over opvoeding.\n"
            "Contactpersoon: Leen Smets (0472 11 22 33)")
    assert extract_speakers(told, presenting_only=True) == []
    programme = "Lezing over opvoeding\nDoor Ben Ieven (Kind en Gezin)\nContact: Leen Smets (0472 11 22 33)"
    assert extract_speakers(programme) == ["Ben Ieven"]  # in a programme 'door' opens who gives the talk


def test_services_named_after_their_town_are_not_speakers() -> None:
    assert extract_speakers("Buurtbudgetten Lier\nMet Buurtbudgetten Lier steunt de stad ideeën.") == []
    assert extract_speakers("Spreker: Sofie Van Rumst") == ["Sofie Van Rumst"]


def test_a_speakers_organisation_runs_the_session_with_them() -> None:
    text = ("Sprekers\n • Ruben Claes (Kringloopcentrum Hageland)\n"
            " • Mira Dewulf (coördinator wijkwerking, Stad Lier, CD&V)\n"
            "10u Energie (Jan Willems, stafmedewerker, Buurtwerk Noord)")
    partners = extract_partners(text)
    assert "Kringloopcentrum Hageland" in partners and "Stad Lier" in partners and "Buurtwerk Noord" in partners
    assert not any("coördinator" in p or p in ("CD&V", "Lier") for p in partners)


def test_a_bare_local_service_is_the_towns_own() -> None:
    from ingest.entities import with_local_services

    text = "Het OCMW nam het initiatief. Vrijwilligers van het Sociaal Huis helpen."
    assert with_local_services([], text, ["Zemst"]) == ["OCMW Zemst", "Sociaal Huis Zemst"]
    assert with_local_services([], text, ["Zemst", "Lier"]) == []
    assert with_local_services(["OCMW Zemst"], "Het OCMW van Mechelen werkt mee.", ["Zemst"]) == ["OCMW Zemst"]


def test_every_organisation_of_a_cooperation_list() -> None:
    text = ("De stad organiseert kookateliers samen met LOGO, de buurtwerkers, De Pollepel en Wijkteam Noord, "
            "waarbij ze inzetten op gezonde voeding. Daarvoor werken we samen met SAAMO Limburg.")
    assert extract_partners(text) == ["LOGO", "De Pollepel", "Wijkteam Noord", "SAAMO Limburg"]


def test_a_case_heading_names_the_organisation_acting_below_it() -> None:
    assert extract_partners("Case: De Opstap\n\nDe Opstap begeleidt gezinnen naar werk.") == ["De Opstap"]
    assert extract_partners("Budgetbeheer\n\nBudgetbeheer helpt mensen met hun geld.") == []


def test_a_town_named_as_an_area_is_no_partner() -> None:
    text = "In elke buurt van de Stad Lier is er een antenne van het OCMW. De stad Lier betaalt mee."
    assert extract_partners(text) == ["stad Lier"]


def test_the_subject_of_a_presenting_verb_is_a_speaker() -> None:
    text = ("Op het overleg kwamen medewerkers Bram Claes en Lotte Wuyts hun aanpak toelichten. "
            "Coördinator Ine Moens stelde het buurtpunt voor. Kinderopvang Wiske is er voor ouders.")
    assert extract_speakers(text) == ["Bram Claes", "Lotte Wuyts", "Ine Moens"]


def test_named_things_and_acronym_compounds_are_neither_people_nor_partners() -> None:
    assert extract_speakers("De Witte Kamer, een vereniging uit Lier, vertelt over haar werking.") == []
    assert extract_partners("Docenten van NT2-opleidingen werken samen met VDAB.") == ["VDAB"]


@pytest.mark.parametrize("text, partners", [
    (" • Onthaal op school – College Ter Beke en Buurtcentrum De Knoop, Lier", ["College Ter Beke", "Buurtcentrum De Knoop"]),
    ("Jongdementie – Dinsdag 23 mei", []),
    ("Publieke ruimte – Lier en Mol", []),
])
def test_organisations_after_the_dash_of_a_programme_item(text: str, partners: list[str]) -> None:
    assert extract_partners(text) == partners


@pytest.mark.parametrize("text, partners", [
    ("• Circulair mensenwerk en culturele verbinding (La Luna, Foodsavers & Sjarabang)",
     ["La Luna", "Foodsavers", "Sjarabang"]),
    ("Op stap in de buurt Heihoek (Buurthuis De Schakel en Wijkhuis Oost)", ["Buurthuis De Schakel", "Wijkhuis Oost"]),
    ("• Wonen en zorg (Jan Peeters & Bart Claes)", []),
    ("Het project loopt in drie gemeenten (Lier, Mol en Geel).", []),
])
def test_organisations_in_brackets_after_a_programme_item(text: str, partners: list[str]) -> None:
    assert extract_partners(text) == partners


def test_a_legal_form_names_no_partner_alone_but_heads_one() -> None:
    found = extract_partners("De klusploeg werkt in gebouwen die eigendom zijn van de VZW Groep Intro, of in "
                             "gebouwen in erfpacht. Het project is een VZW.")
    assert found == ["VZW Groep Intro"]


def test_a_legal_form_after_a_pronoun_or_a_number_points_back_and_names_no_partner() -> None:
    found = extract_partners("De provincie steunt Buurtwerk Ruimte vzw uit Tienen. Deze vzw opent een ontmoetingsplek. "
                             "Die vzw zoekt vrijwilligers, net als de 12 vzw's van het netwerk.")
    assert found == ["Buurtwerk Ruimte vzw"]


def test_a_list_of_speakers_under_a_cue_line_of_its_own() -> None:
    text = ("Ouders en Huizen van het Kind\n\nDoor:\n\n"
            " • Rudy De Cock – stafmedewerker Kind en Gezin\n"
            " • Sare Possemiers en Viviane Spruyt – Recht-Op projectwerking Deurne\n")
    assert extract_speakers(text) == ["Rudy De Cock", "Sare Possemiers", "Viviane Spruyt"]
    panel = ("Panelgesprek over het ‘Zonnegem van de toekomst’ met:\n"
             "  • Johan Van Reeth – stedenbouwkundige BUUR & trekker autoluwe binnenstad\n"
             "  • Kolet Janssen – auteur en aanvraagster van het eerste uur\n")
    assert extract_speakers(panel) == ["Johan Van Reeth", "Kolet Janssen"]  # a line that ends on 'met:' cues them


def test_a_practice_in_the_news_has_no_speakers_for_the_people_it_names_by_role() -> None:
    text = ("In het najaar zal OCMW Leuven 60.000 euro per jaar vrijmaken voor dak- en thuislozen. Dat maakte "
            "OCMW-voorzitter Erik Vanderheiden vandaag bekend. Het project wordt voorgesteld door Els Peeters.")
    assert extract_speakers(text, presenting_only=True) == ["Els Peeters"]
    assert "Erik Vanderheiden" in extract_speakers(text)  # at an event, a role beside a name marks a speaker


def test_a_name_on_a_line_of_its_own_or_in_brackets_in_a_news_item_is_its_author_not_a_speaker() -> None:
    """A news item's byline ('Olivier Neese' / 'Editieredacteur'), photo credit or closing '(Yob Hillewaert)'
    names who wrote it; in a programme the same lines name who speaks."""
    text = ("De Kansenpas geeft inwoners met een laag inkomen korting op sport en cultuur.\nOlivier Neese\n"
            "Editieredacteur\n\nWie een Kansenpas heeft, betaalt maar een vierde van de prijs. (Yob Hillewaert)")
    assert extract_speakers(text, presenting_only=True) == []
    assert extract_speakers(text) == ["Olivier Neese", "Yob Hillewaert"]


def test_a_local_service_is_written_with_its_town_as_one_name() -> None:
    text = "Het OCMW van Halle krijgt 10.000 euro voor haar project. Ook het Sociaal Huis van Rumst doet mee."
    assert extract_partners(text) == ["OCMW Halle", "Sociaal Huis Rumst"]


def test_a_record_headed_title_dash_organisation_names_who_runs_it() -> None:
    assert extract_partners("Mosko Kola - Toestand\n\nIn Sint-Gillis bouwde Toestand een paviljoen op het plein.") \
        == ["Toestand"]
    assert extract_partners("Ruimte voor verbinding – Plattelandscentrum Meetjesland") == \
        ["Plattelandscentrum Meetjesland"]
    assert extract_partners("Het Begijnenhuis - Molenbeek\n\nEen huis voor ouderen.") == []
    assert extract_partners("Bewonersplatforms - Poperinge Dorp In Zicht\n\nDorpen werken samen.") == []
    assert extract_partners("Door Redactie - 23 november 2016 - Samenleving") == []
    assert "Erik Van Hove" not in extract_partners("Ontbijt op school - Erik Van Hove\n\nHij vertelt over Cedes.")
    text = "Belevingsvol wandelen in het Waasland - Toerisme Oost-Vlaanderen"
    assert extract_speakers(text) == [] and extract_partners(text) == ["Toerisme Oost-Vlaanderen"]


@pytest.mark.parametrize("text, expected", [
    ("Ann Peeters van Buurtwerk De Wijk vertelt hoe de buurtrestaurants begonnen.", ["Buurtwerk De Wijk"]),
    ("Tom Claes, algemeen coördinator bij Wonderwijk, legt uit hoe de woonbegeleiding werkt.", ["Wonderwijk"]),
    ("Volgens Sofie Maes van Gezin en Werk kwamen er vorig jaar veel vragen.", ["Gezin en Werk"]),
    ("Ann Peeters van Buurtwerk Noord en Els Janssens van Trefpunt Oost openden de ontmoetingsplek.",
     ["Buurtwerk Noord", "Trefpunt Oost"]),
    ("Jan Peeters van Mechelen kwam ook kijken naar de nieuwe ontmoetingsruimte.", []),  # a town
    ("Karel Smet van Groen reageerde tevreden op het plan.", []),  # a party
    ("Karel Smet van Welzijn nam het woord over de plannen.", []),  # a common word, no name
    ("Het profiel van Bart Wouters werd vaak bekeken.", []),  # a person after 'van'
])
def test_a_persons_employer_is_a_partner(text, expected):
    assert extract_partners(text, speakers=[]) == expected


def test_a_capitalised_adjective_before_its_noun_is_no_partner() -> None:
    text = ("Daarom trekken we samen met Brugse organisaties en vzw Kiem de straat op. Giraff kadert binnen het "
            "project Zorgzame buurten van CAW Oost-Vlaanderen.")
    assert extract_partners(text) == ["vzw Kiem", "CAW Oost-Vlaanderen"]
    assert "Kortrijkse sportdienst" in extract_partners("Het project loopt samen met de Kortrijkse sportdienst.")


def test_speakers_who_share_reflections_or_go_deeper_into_a_subject_present() -> None:
    text = ("Keynotes Michel Vandenbroeck, UGent, en Stijn Oosterlynck, Universiteit Antwerpen deelden hun "
            "reflecties. Peter Cousaert, VVSG, ging dieper in op de rol van een lokaal bestuur.")
    assert extract_speakers(text, presenting_only=True) == ["Michel Vandenbroeck", "Stijn Oosterlynck",
                                                            "Peter Cousaert"]
