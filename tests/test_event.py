"""Event title and date for whole programme texts."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.event import detect_event, event_date, event_title

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("text, expected", [
    ("REGIONAAL WELZIJNSCAFÉ\n\n02.06.2023\n\nWelkom", "2023-06-02"),
    ("Opleidingssessies\n\n12 nov '19\n", "2019-11-12"),
    ("De studiedag vindt plaats op dinsdag 3 maart 2020 in Gent.", "2020-03-03"),
    ("Inspiratiedag\n\n5-10-2021\n", "2021-10-05"),
    ("Ontmoet elkaar op 26 april. De uitreiking van de Gouden Kinderschoen 2016 volgt.", "2016-04-26"),
    ("We organiseren op 25 mei een inspiratiedag.", None),
    ("Kosteloos annuleren is mogelijk tot en met 7 november 2019.", None),
    ("Geen datum hier.", None),
    ("Op 31 februari 2020 gebeurt niets.", None),
])
def test_date_variants(text, expected):
    assert event_date(text) == expected


def test_deadlines_do_not_beat_the_event_date():
    text = "Inschrijven kan tot 22 mei 2023.\n\n02.06.2023\n\nAnnuleren kan tot 30 mei 2023."
    assert event_date(text) == "2023-06-02"


def test_a_page_of_many_dates_gives_none():
    text = "Congres A 14 oktober 2012.\nStudiedag B 21 november 2014.\nForum C 24 mei 2007."
    assert event_date(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Voor een sterk bestuur\n\nTrefdag Sociaal: Durf meer Doen\npolitici en medewerkers ...", "Trefdag Sociaal: Durf meer Doen"),
    ("De VVSG organiseert op 25 mei een inspiratiedag rond het Plan Samenleven in Brussel.", "Inspiratiedag Plan Samenleven"),
    ("WELZIJNSVERENIGING KINA\n\nREGIONAAL WELZIJNSCAFÉ\n\nKINA wil trekken. KINA nodigt uit. Groeten van KINA.",
     "Regionaal welzijnscafé KINA"),
    ("Leefbaarheid Opbouwwerk\n\nSlides:\n\nEen lange tekst zonder evenement.", "Leefbaarheid Opbouwwerk"),
    ("Waarom\n\nDit is een gewone zin zonder evenement.", None),
])
def test_titles(text, expected):
    assert event_title(text) == expected


def test_title_from_repeated_topic_phrase():
    text = ("Het debat over regionaal sociaal beleid groeit. Met deze inspiratiedag tonen we de meerwaarde van "
            "regionaal sociaal beleid. Wat kan regionaal sociaal beleid betekenen?")
    assert event_title(text) == "Inspiratiedag regionaal sociaal beleid"


def test_corpus_documents():
    text = next(CORPUS.glob("004*.txt")).read_text(encoding="utf-8")
    info = detect_event(text)
    assert info.date == "2023-06-02"
    assert info.title and info.title.lower().startswith("regionaal welzijnscafé")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_detect_event_never_crashes(text):
    info = detect_event(text)
    assert info.date is None or len(info.date) == 10
