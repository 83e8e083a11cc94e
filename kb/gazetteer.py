"""Belgian municipalities, their localities, foreign cities and regional partnerships.

All names live in kb/data (built by tools/build_gazetteer.py or hand-entered with a source
column); this module only loads them, lazily and once, and answers look-ups.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
NAME_TOKEN = re.compile(r"[^\W\d_][\w'’]*")  # hyphens split: "Halle-Vilvoorde" → Halle, Vilvoorde
MAX_NAME_WORDS = 4
SAINT = re.compile(r"^(?:Sint|Saint)(e?)(?=[- ])")  # 'St-Niklaas', 'Ste-Marie': the usual short forms


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key, so 'Sint-Niklaas' == 'sint niklaas'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", ascii_name).strip()


@dataclass(frozen=True)
class Municipality:
    """A municipality; `successor` is set for one merged away in 2019 or 2025."""

    name: str
    nis: str
    province: str | None
    arrondissement: str | None
    gewest: str | None
    referentieregio: str | None
    country: str = "BE"
    successor: str | None = None


@dataclass(frozen=True)
class Partnership:
    """A supra-local area: its label is the record's region value."""

    label: str
    aliases: tuple[str, ...]
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class Alias:
    """A surface name and what it stands for: a (possibly former) municipality name."""

    surface: str
    municipality: str
    kind: str


def _read_csv(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Gazetteer:
    """Look-ups over the data files; build one with `Gazetteer.default()`."""

    def __init__(self, data_dir: Path = DATA) -> None:
        self._dir = data_dir
        self._current: dict[str, Municipality] = {}
        self._former: dict[str, Municipality] = {}
        self._aliases: dict[str, Alias] = {}
        self._partnerships: dict[str, Partnership] = {}
        self._load_municipalities()
        self._load_localities()
        self._load_foreign()
        self._load_partnerships()

    @classmethod
    @cache
    def default(cls) -> Gazetteer:
        """The shared instance; loading the files once is enough for a process."""
        return cls()

    # ------------------------------------------------------------------ loading
    def _load_municipalities(self) -> None:
        for row in _read_csv(self._dir, "gazetteer.csv"):
            m = Municipality(
                name=row["name"], nis=row["nis"], province=row["province"] or None,
                arrondissement=row["arrondissement"] or None, gewest=row["gewest"] or None,
                referentieregio=row["referentieregio"] or None,
            )
            self._current[row["name"]] = m
            self._add_alias(row["name"], row["name"], "municipality")
            if row["name_fr"]:
                self._add_alias(row["name_fr"], row["name"], "french-name")

    def _load_localities(self) -> None:
        rows = _read_csv(self._dir, "localities.csv")
        for row in rows:
            if row["kind"] == "former-municipality":
                successor = self._current[row["municipality"]]
                self._former[row["name"]] = Municipality(
                    name=row["name"], nis="", province=successor.province,
                    arrondissement=successor.arrondissement, gewest=successor.gewest,
                    referentieregio=successor.referentieregio, successor=successor.name,
                )
        for row in rows:
            target = row["former_municipality"] or row["municipality"]
            if row["kind"] == "former-municipality":
                target = row["name"]
            self._add_alias(row["name"], target, row["kind"])

    def _load_foreign(self) -> None:
        for row in _read_csv(self._dir, "foreign_places.csv"):
            m = Municipality(name=row["name"], nis="", province=None, arrondissement=None,
                             gewest=None, referentieregio=None, country=row["country"])
            self._current[row["name"]] = m
            self._add_alias(row["name"], row["name"], "foreign")
            for alias in filter(None, row["aliases"].split("|")):
                self._add_alias(alias, row["name"], "foreign")

    def _load_partnerships(self) -> None:
        spec = json.loads((self._dir / "regions.json").read_text(encoding="utf-8"))
        by_arr: dict[str, list[str]] = {}
        by_ref: dict[str, list[str]] = {}
        codes = {row["name_nl"]: row["code"] for row in _read_csv(self._dir, "arrondissements.csv")}
        for m in self._current.values():
            if m.arrondissement:
                by_arr.setdefault(codes[m.arrondissement], []).append(m.name)
            if m.referentieregio:
                by_ref.setdefault(m.referentieregio, []).append(m.name)
        for item in spec["partnerships"]:
            members = list(item.get("municipalities", []))
            for code in item.get("arrondissements", []):
                members += by_arr.get(code, [])
            members += by_ref.get(item.get("referentieregio", ""), [])
            self._add_partnership(item["label"], item["aliases"], members)
        template = spec["referentieregio_label"]
        for name, members in by_ref.items():
            label = template.format(name=name)
            same_area = self._partnerships.get(name)
            if same_area is not None:  # "referentieregio Westhoek" is the Westhoek partnership's area
                self._add_partnership(name, [*same_area.aliases, label], list(same_area.municipalities))
            elif label not in self._partnerships:
                self._add_partnership(label, [label], members)

    def _add_partnership(self, label: str, aliases: list[str], members: list[str]) -> None:
        self._partnerships[label] = Partnership(
            label=label, aliases=tuple(dict.fromkeys(aliases)),
            municipalities=tuple(sorted(set(members))))

    def _add_alias(self, surface: str, municipality: str, kind: str) -> None:
        """The name, and its abbreviated form when it opens on a saint ('St-Truiden' for 'Sint-Truiden')."""
        for form in dict.fromkeys([surface, SAINT.sub(r"St\1", surface)]):
            self._aliases.setdefault(fold(form), Alias(form, municipality, kind))

    # ------------------------------------------------------------------ queries
    def lookup(self, name: str) -> Municipality | None:
        """The current municipality a name stands for (old merged names resolve to the new one)."""
        found = self.lookup_historic(name)
        if found is not None and found.successor:
            return self._current[found.successor]
        return found

    def lookup_historic(self, name: str) -> Municipality | None:
        """The municipality as it was named before the 2019/2025 mergers, if the name is older."""
        alias = self._aliases.get(fold(name))
        if alias is None:
            return None
        return self._former.get(alias.municipality) or self._current.get(alias.municipality)

    def aliases(self) -> list[Alias]:
        """Every surface name the extractor may match, with what it stands for."""
        return list(self._aliases.values())

    def municipalities(self, country: str | None = "BE") -> list[Municipality]:
        """Current municipalities (Belgian by default; None for foreign places too)."""
        return [m for m in self._current.values() if country is None or m.country == country]

    def provinces(self) -> list[str]:
        """The ten provinces (Dutch names)."""
        return sorted({m.province for m in self._current.values() if m.province})

    def partnerships(self) -> list[Partnership]:
        return list(self._partnerships.values())

    def partnership(self, label: str) -> Partnership | None:
        """A partnership by its label or any of its aliases."""
        key = fold(label)
        for p in self._partnerships.values():
            if key == fold(p.label) or key in {fold(a) for a in p.aliases}:
                return p
        return None

    def area(self, label: str) -> tuple[list[str], list[str]]:
        """The municipalities and provinces a region covers, so a regional practice counts for each of them."""
        found = self.partnership(label)
        if found is None:
            return [], []
        names = [m for m in found.municipalities if m in self._current]
        provinces = sorted({p for m in names if (p := self._current[m].province)})
        return names, provinces

    def named_in(self, text: str) -> tuple[list[str], str | None]:
        """The municipalities and the region a short text (a query) names, longest names first.

        A plain look-up of every run of up to four words, so "Sint-Niklaas" beats "Niklaas"
        and "Welzijnsregio Kempen" is the region; kb.query uses it to boost, never to filter.
        """
        tokens = NAME_TOKEN.findall(text)
        municipalities: list[str] = []
        region: str | None = None
        taken: set[int] = set()
        for size in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
            for start in range(len(tokens) - size + 1):
                span = set(range(start, start + size))
                if span & taken:
                    continue
                name = " ".join(tokens[start:start + size])
                if start and tokens[start - 1].lower() == "provincie":  # "provincie Antwerpen" is no town
                    continue
                partnership = self.partnership(name) if size > 1 or name[:1].isupper() else None
                found = self.lookup(name) if name[:1].isupper() else None
                if partnership is not None and region is None:
                    region = partnership.label
                    taken |= span
                elif found is not None and found.name not in municipalities:
                    municipalities.append(found.name)
                    taken |= span
        return municipalities, region

    def abroad(self, name: str) -> bool:
        """A city outside Belgium ('Rotterdam', 'Kopenhagen'): a practice may run there, but it is no municipality
        a user filters on."""
        found = self.lookup_historic(name)
        return found is not None and found.country != "BE"

    def covering(self, municipality_name: str) -> list[str]:
        """Region labels whose area covers a municipality, so a municipality filter finds them."""
        found = self.lookup(municipality_name)
        if found is None:
            return []
        return [p.label for p in self._partnerships.values() if found.name in p.municipalities]
