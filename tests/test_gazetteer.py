"""Gazetteer look-ups: current, former, locality, French and foreign names; partnerships."""
from __future__ import annotations

import pytest

from kb.gazetteer import Gazetteer, Municipality, fold


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_default_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz


def test_all_565_municipalities_after_2025_mergers(gaz: Gazetteer) -> None:
    assert len(gaz.municipalities()) == 565
    assert gaz.lookup("Beveren-Kruibeke-Zwijndrecht") is not None


def test_municipality_fields(gaz: Gazetteer) -> None:
    gent = gaz.lookup("Gent")
    assert gent == Municipality("Gent", "44021", "Oost-Vlaanderen", "Gent", "Vlaams Gewest", "Gent")


def test_brussels_has_no_province(gaz: Gazetteer) -> None:
    brussel = gaz.lookup("Brussel")
    assert brussel.province is None
    assert brussel.gewest == "Brussels Hoofdstedelijk Gewest"


def test_ten_provinces(gaz: Gazetteer) -> None:
    assert len(gaz.provinces()) == 10
    assert "Vlaams-Brabant" in gaz.provinces()


@pytest.mark.parametrize("old, new", [
    ("Borsbeek", "Antwerpen"), ("Kruibeke", "Beveren-Kruibeke-Zwijndrecht"), ("Melle", "Merelbeke-Melle"),
    ("Ruiselede", "Wingene"), ("Meulebeke", "Tielt"), ("Puurs", "Puurs-Sint-Amands"), ("Gooik", "Pajottegem"),
])
def test_old_merged_names_resolve_to_the_new_municipality(gaz: Gazetteer, old: str, new: str) -> None:
    assert gaz.lookup(old).name == new
    assert gaz.lookup_historic(old).name == old
    assert gaz.lookup_historic(old).successor == new


@pytest.mark.parametrize("locality, municipality", [
    ("Borgerhout", "Antwerpen"), ("Linkeroever", "Antwerpen"), ("Kiel", "Antwerpen"), ("Kessel-Lo", "Leuven"),
    ("Heverlee", "Leuven"), ("Ledeberg", "Gent"), ("Sint-Amandsberg", "Gent"), ("Rabot", "Gent"),
    ("Sint-Joost", "Sint-Joost-ten-Node"), ("Watermaal", "Watermaal-Bosvoorde"),
])
def test_localities_map_to_their_municipality(gaz: Gazetteer, locality: str, municipality: str) -> None:
    assert gaz.lookup(locality).name == municipality


@pytest.mark.parametrize("name, expected", [
    ("Anvers", "Antwerpen"), ("Liège", "Luik"), ("liege", "Luik"), ("Mons", "Bergen"),
    ("SINT NIKLAAS", "Sint-Niklaas"), ("sint-niklaas", "Sint-Niklaas"),
])
def test_lookup_is_case_accent_and_language_insensitive(gaz: Gazetteer, name: str, expected: str) -> None:
    assert gaz.lookup(name).name == expected


def test_foreign_places_have_a_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("Copenhagen") == gaz.lookup("Kopenhagen")
    assert gaz.lookup("Rijsel").country == "FR"
    assert gaz.lookup("Lille").country == "BE"  # the Kempen municipality, not French Lille
    assert gaz.lookup("Rotterdam").country == "NL"
    assert gaz.abroad("Rotterdam") and gaz.abroad("Rijsel") and not gaz.abroad("Lille") and not gaz.abroad("Atlantis")
    assert all(m.country == "BE" for m in gaz.municipalities())


def test_unknown_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("Atlantis") is None
    assert gaz.covering("Atlantis") == []


def test_partnership_by_label_or_alias(gaz: Gazetteer) -> None:
    assert gaz.partnership("KINA").label == "referentieregio Antwerpen"
    assert gaz.partnership("welzijnsband Meetjesland").label == "Meetjesland"
    assert len(gaz.partnership("W13").municipalities) == 13


def test_w13_covers_the_arrondissement_kortrijk(gaz: Gazetteer) -> None:
    members = gaz.partnership("W13").municipalities
    assert {"Kortrijk", "Menen", "Wevelgem", "Harelbeke"} <= set(members)


def test_covering_finds_regions_of_a_municipality(gaz: Gazetteer) -> None:
    assert "W13" in gaz.covering("Kortrijk")
    assert "Kempen" in gaz.covering("Turnhout")
    assert "referentieregio Antwerpen" in gaz.covering("Borsbeek")
    assert "Westhoek" in gaz.covering("Ieper")


def test_every_referentieregio_is_a_partnership(gaz: Gazetteer) -> None:
    regions = {m.referentieregio for m in gaz.municipalities() if m.referentieregio}
    assert all(gaz.partnership(f"referentieregio {r}") is not None for r in regions)


@pytest.mark.parametrize("name", ["Westhoek", "Kempen", "Meetjesland"])
def test_a_referentieregio_with_its_own_partnership_is_that_partnership(gaz: Gazetteer, name: str) -> None:
    assert gaz.partnership(f"referentieregio {name}").label == name


def test_fold() -> None:
    assert fold("Sint-Genesius-Rode") == fold("sint genesius rode")
    assert fold("Liège") == "liege"


@pytest.mark.parametrize("name, municipality", [
    ("St-Niklaas", "Sint-Niklaas"), ("St.-Truiden", "Sint-Truiden"), ("Ste-Ode", "Sainte-Ode"),
    ("Sint Niklaas", "Sint-Niklaas"),
])
def test_saint_names_in_their_short_forms(gaz: Gazetteer, name: str, municipality: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.name == municipality
