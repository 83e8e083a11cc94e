"""One registry of record fields: names, Dutch labels, filter and URL names, facet order.

Search (filters, facets), the command line (filter options), the app (sidebar, URL,
edit form and history) and the exports all read their field knowledge here, so a
field is added or renamed in one place.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str                 # the Record attribute
    label: str                # Dutch, as a form or a table heads it ("Gemeenten")
    filter: str | None = None          # the filter and facet name, singular ("municipality") ...
    filter_label: str | None = None    # ... its Dutch label in the sidebar ("Gemeente") ...
    param: str | None = None           # ... and its URL parameter and CLI word ("gemeente")
    many: bool = False        # a list of values

    @property
    def cli_option(self) -> str | None:
        """The command line's option name: `--target-group` for the filter target_group."""
        return self.filter.replace("_", "-") if self.filter else None


FIELDS: tuple[Field, ...] = (
    Field("title", "Titel"),
    Field("kind", "Soort", "kind", "Soort", "soort"),
    Field("text", "Tekst"),
    Field("municipalities", "Gemeenten", "municipality", "Gemeente", "gemeente", many=True),
    Field("provinces", "Provincies", "province", "Provincie", "provincie", many=True),
    Field("region", "Regio", "region", "Regio", "regio"),
    Field("themes", "Thema's", "theme", "Thema", "thema", many=True),
    Field("target_groups", "Doelgroepen", "target_group", "Doelgroep", "doelgroep", many=True),
    Field("partners", "Partners", many=True),
    Field("speakers", "Sprekers", many=True),
    Field("event", "Evenement", "event", "Evenement", "evenement"),
    Field("event_date", "Datum"),
    Field("year", "Jaar", "year", "Jaar", "jaar"),  # derived from event_date, never edited
    Field("status", "Status", "status", "Status", "status"),
)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
BY_FILTER: dict[str, Field] = {f.filter: f for f in FIELDS if f.filter}

# The order of the sidebar's filters and of the facets; status filters but is no facet.
FILTER_ORDER: tuple[str, ...] = ("municipality", "province", "region", "theme", "target_group", "kind", "event",
                                 "year", "status")
FACET_ORDER: tuple[str, ...] = tuple(name for name in FILTER_ORDER if name != "status")


def filter_fields(names: tuple[str, ...] = FILTER_ORDER) -> list[Field]:
    return [BY_FILTER[name] for name in names]


def filter_aliases() -> dict[str, str]:
    """Other spellings a filter accepts: the record attribute ("municipalities") and the CLI's hyphen."""
    aliases = {f.name: f.filter for f in FIELDS if f.filter and f.name != f.filter}
    aliases.update({f.cli_option: f.filter for f in FIELDS if f.filter and f.cli_option != f.filter})
    return aliases


def values(record: object, field: Field) -> list[str]:
    """A record's values for a field as a list (empty when unset)."""
    value = getattr(record, field.name)
    if field.many:
        return list(value)
    return [value] if value else []
