"""The one form for a practice's fields, drawn by the editor (redactie) and by adding by hand (toevoegen).

It only draws inputs and collects what was typed, as `kb.curation` takes it (lists for
list fields, None for an empty optional one); checking the values is the library's job
(`kb.curation.validate`), so both pages refuse the same mistakes with the same words.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from kb import Record
from kb.record import KINDS
from web import ui


def lines(text: str) -> list[str]:
    """One value per non-empty line (partners, speakers)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def options_for_new() -> dict[str, list[str]]:
    """Widget options from the gazetteer and taxonomy."""
    from kb.gazetteer import Gazetteer
    from kb.taxonomy import Taxonomy

    gazetteer, taxonomy = Gazetteer.default(), Taxonomy.default()
    return {"municipalities": sorted({m.name for m in gazetteer.municipalities()}),
            "region": ["", *sorted({p.label for p in gazetteer.partnerships()})],
            "themes": [label.name for label in taxonomy.themes()],
            "target_groups": [label.name for label in taxonomy.target_groups()]}


def options(record: Record) -> dict[str, list[str]]:
    """The options with a record's own values kept even when the lists no longer hold them, so opening an
    old record never drops its values."""
    base = options_for_new()
    return {
        "municipalities": sorted(set(base["municipalities"]) | set(record.municipalities)),
        "region": ["", *sorted(set(base["region"][1:]) | ({record.region} if record.region else set()))],
        "themes": base["themes"] + [t for t in record.themes if t not in base["themes"]],
        "target_groups": base["target_groups"] + [g for g in record.target_groups if g not in base["target_groups"]],
    }


def record_fields(record: Record | None, key: Callable[[str], str]) -> dict[str, Any]:
    """Every editable field as an input (call inside an `st.form`), filled from `record` when given.

    `key(name)` names each widget, so a page can rebuild the form after a save. Returns the
    values by field name.
    """
    def value(name: str, empty: Any = "") -> Any:
        return getattr(record, name) if record is not None else empty

    choices = options(record) if record is not None else options_for_new()
    title = st.text_input("Titel", value=value("title"), key=key("title"))
    kind = st.selectbox("Soort", list(KINDS), index=KINDS.index(value("kind", "practice")), format_func=ui.kind_label,
                        key=key("kind"))
    municipalities = st.multiselect("Gemeenten", choices["municipalities"], default=value("municipalities", []),
                                    key=key("municipalities"), placeholder="Kies gemeenten")
    region = st.selectbox("Regio", choices["region"], index=choices["region"].index(value("region") or ""),
                          format_func=lambda r: r or "(geen)", key=key("region"))
    themes = st.multiselect("Thema's", choices["themes"], default=value("themes", []), key=key("themes"),
                            placeholder="Kies thema's")
    groups = st.multiselect("Doelgroepen", choices["target_groups"], default=value("target_groups", []),
                            key=key("target_groups"), placeholder="Kies doelgroepen")
    partners = st.text_area("Partners (één per regel)", value="\n".join(value("partners", [])), key=key("partners"))
    speakers = st.text_area("Sprekers (één per regel)", value="\n".join(value("speakers", [])), key=key("speakers"))
    event = st.text_input("Evenement", value=value("event") or "", key=key("event"))
    event_date = st.text_input("Datum (JJJJ-MM-DD)", value=value("event_date") or "", key=key("event_date"),
                               placeholder="2024-03-21")
    text = st.text_area("Tekst", value=value("text"), height=300, key=key("text"),
                        help=None if record else "De beschrijving van de praktijk; ze wordt bewaard als eigen bron.")
    return {"title": title, "kind": kind, "municipalities": municipalities, "region": region or None,
            "themes": themes, "target_groups": groups, "partners": lines(partners), "speakers": lines(speakers),
            "event": event.strip() or None, "event_date": event_date.strip() or None, "text": text}
