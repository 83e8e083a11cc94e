"""Plain Dutch for readers: dates and times, statuses, and card text without markup or a repeated title."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.labels import body_text, date_label, municipalities_and_abroad, readable_text, status_label, time_label
from kb.record import Record
from kb.search import snippet


def record(title: str, text: str) -> Record:
    return Record(source="s.txt", start=0, end=len(text), kind="practice", title=title, text=text)


@pytest.mark.parametrize(("value", "said"), [
    ("2019-11-12", "12 november 2019"), ("2024-03-01", "1 maart 2024"), ("2019-11", "november 2019"),
    ("2019", "2019"), (date(2023, 6, 2), "2 juni 2023"), ("najaar 2023", "najaar 2023"), ("2019-13-01", "2019-13-01"),
    (None, ""), ("", "")])
def test_dates_are_said_in_dutch(value, said) -> None:
    assert date_label(value) == said


def test_times_are_belgian_time_in_words() -> None:
    assert time_label("2026-11-29T12:40:00Z") == "29 november 2026 om 13:40"     # winter: UTC+1
    assert time_label("2026-07-01T10:00:00+00:00") == "1 juli 2026 om 12:00"     # summer: UTC+2
    assert time_label("2026-07-01T10:00:00") == "1 juli 2026 om 12:00"           # stored naive = UTC
    assert time_label("gisteren") == "gisteren"


def test_statuses_in_dutch() -> None:
    assert [status_label(s) for s in ("draft", "approved", "hidden")] == ["concept", "goedgekeurd", "verborgen"]


def test_card_text_drops_markup_numbers_and_bullets() -> None:
    text = "38.Werkbezoek De Link\n**Sterk** verhaal over _buurtwerk_\n• eerste punt\n- tweede punt\n2) derde"
    assert readable_text(text) == "Werkbezoek De Link\nSterk verhaal over buurtwerk\neerste punt\ntweede punt\nderde"
    assert readable_text("Om 12.30 u start het; 3.5 procent") == "Om 12.30 u start het; 3.5 procent"


@pytest.mark.parametrize(("title", "text", "body"), [
    ("Sociale kruidenier", "Sociale kruidenier\nVerse voeding.", "Verse voeding."),
    ("Een netwerk rond wonen", "Thema 2:\n\nEen netwerk rond wonen\n\nEén actie uit het plan.",
     "Eén actie uit het plan."),
    ("Kracht.wonen (W13)", "Kracht.wonen – W13", ""),
    ("Iets", "W13 – Iets: en meer", "en meer"),
    ("38. Werkbezoek", "38.Werkbezoek\nDe tekst.", "De tekst."),
    ("Iets anders", "De tekst gaat over iets anders.", "De tekst gaat over iets anders."),
])
def test_a_card_never_repeats_the_title(title, text, body) -> None:
    assert body_text(record(title, text)) == body


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400),
       st.sampled_from(["armoede", "wonen", "x", "Mechelen buurt"]))
def test_snippets_start_and_end_on_whole_words(text, query) -> None:
    flat = " ".join(text.split())
    shown = "".join(piece for piece, _ in snippet(text, query, width=80))
    inner = shown.removeprefix("… ").removesuffix(" …")
    assert inner in flat
    at = flat.find(inner)
    if shown.startswith("… ") and inner:
        assert at == 0 or flat[at - 1] == " " or not flat[at - 1].isalnum() or not inner[0].isalnum()
    if shown.endswith(" …") and inner:
        end = at + len(inner)
        assert end == len(flat) or flat[end] == " " or not flat[end].isalnum() or not inner[-1].isalnum()


def test_links_and_mail_addresses_in_a_practice_text() -> None:
    from kb.labels import emails_in, links_in

    text = ("Meer info op www.samenleving.be/armoede. Inschrijven via https://welzijnszorg.be/start-1, "
            "of mail info@netwerktegenarmoede.be. Nog eens www.samenleving.be/armoede en javascript:alert(1).")
    assert links_in(text) == ["https://www.samenleving.be/armoede", "https://welzijnszorg.be/start-1"]
    assert emails_in(text) == ["info@netwerktegenarmoede.be"]


def test_detail_links_are_http_only_and_escaped() -> None:
    from web import ui

    html = ui.details_html(record("Praktijk", 'Zie https://example.org/a"onmouseover=alert(1) en mail x@y.be'))
    assert 'href="https&#58;//example.org/a"' in html and "onmouseover" not in html.split("</a>")[0]
    assert 'rel="noopener noreferrer nofollow"' in html and "mailto:x@y.be" in html
    assert ui.link_html("javascript:alert(1)") == "javascript&#58;alert(1)"


def test_cities_abroad_are_set_apart_from_the_municipalities() -> None:
    record = Record(source="a.txt", start=0, end=5, kind="practice", title="Vakmanstad", text="Tekst",
                    municipalities=["Gent", "Rotterdam", "Kopenhagen"])
    assert municipalities_and_abroad(record) == (["Gent"], ["Rotterdam", "Kopenhagen"])
    from web import ui

    html = ui.details_html(record)
    assert "<dt>Gemeenten</dt><dd>Gent</dd>" in html and "<dt>Buitenland</dt><dd>Rotterdam, Kopenhagen</dd>" in html
