"""Records a curator should look at: missing fields and low-confidence extractions.

Each problem has a stable code (what the app filters on) and a Dutch description
(what a curator reads), so no page needs to take the description apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.record import Record

LOW_PLACE_CONFIDENCE = 0.5
LOW_LABEL_SCORE = 1.8  # classifier score (see kb.taxonomy.Weights: themes need 1.5)
MAX_TITLE_CHARS = 140

# code → the Dutch name of the kind of problem (the Controle page's filter)
PROBLEM_LABELS: dict[str, str] = {
    "no_place": "geen gemeente of regio",
    "place_unsure": "gemeente onzeker",
    "no_theme": "geen thema",
    "labels_unsure": "thema/doelgroep onzeker",
    "no_target_group": "geen doelgroep",
    "no_event": "geen evenement",
    "no_date": "geen datum",
    "long_title": "titel te lang",
    "short_text": "zeer korte tekst",
}


@dataclass(frozen=True)
class Problem:
    code: str   # one of PROBLEM_LABELS
    text: str   # Dutch, with the details ("gemeente onzeker (0.42)")


@dataclass(frozen=True)
class Finding:
    record_id: str
    title: str
    source: str
    found: tuple[Problem, ...]

    @property
    def problems(self) -> tuple[str, ...]:
        """The Dutch descriptions, as `kb audit` prints them."""
        return tuple(p.text for p in self.found)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(p.code for p in self.found)


def problems(record: Record) -> list[Problem]:
    """What looks wrong or missing in one record."""
    found = []

    def add(code: str, detail: str = "") -> None:
        found.append(Problem(code, PROBLEM_LABELS[code] + detail))

    if record.kind == "practice" and not record.municipalities and not record.region:
        add("no_place")
    if record.municipalities and record.confidence.get("places", 1.0) < LOW_PLACE_CONFIDENCE:
        add("place_unsure", f" ({record.confidence['places']:.2f})")
    if not record.themes:
        add("no_theme")
    weak = [k.split(":", 1)[1] for k, v in record.confidence.items()
            if k.startswith(("theme:", "target_group:")) and v < LOW_LABEL_SCORE]
    if weak:
        add("labels_unsure", ": " + ", ".join(weak))
    if record.kind == "practice" and not record.target_groups:
        add("no_target_group")
    if not record.event:
        add("no_event")
    if record.event and not record.event_date:
        add("no_date")
    if len(record.title) > MAX_TITLE_CHARS:
        add("long_title")
    if len(record.text.strip()) < 40:
        add("short_text")
    return found


def audit(records: list[Record]) -> list[Finding]:
    """Findings for every record with at least one problem, most problems first."""
    findings = [Finding(r.id, r.title, r.source, tuple(p)) for r in records if (p := problems(r))]
    return sorted(findings, key=lambda f: (-len(f.found), f.source, f.title))
