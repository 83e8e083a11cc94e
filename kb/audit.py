"""Records a curator should look at: missing fields and low-confidence extractions."""
from __future__ import annotations

from dataclasses import dataclass

from kb.record import Record

LOW_PLACE_CONFIDENCE = 0.5
LOW_LABEL_SCORE = 1.8  # classifier score (see kb.taxonomy.Weights: themes need 1.5)
MAX_TITLE_CHARS = 140


@dataclass(frozen=True)
class Finding:
    record_id: str
    title: str
    source: str
    problems: tuple[str, ...]


def problems(record: Record) -> list[str]:
    """Dutch, curator-facing descriptions of what looks wrong or missing in one record."""
    found = []
    if record.kind == "practice" and not record.municipalities and not record.region:
        found.append("geen gemeente of regio")
    if record.municipalities and record.confidence.get("places", 1.0) < LOW_PLACE_CONFIDENCE:
        found.append(f"gemeente onzeker ({record.confidence['places']:.2f})")
    if not record.themes:
        found.append("geen thema")
    weak = [k.split(":", 1)[1] for k, v in record.confidence.items()
            if k.startswith(("theme:", "target_group:")) and v < LOW_LABEL_SCORE]
    if weak:
        found.append("thema/doelgroep onzeker: " + ", ".join(weak))
    if record.kind == "practice" and not record.target_groups:
        found.append("geen doelgroep")
    if not record.event:
        found.append("geen evenement")
    if record.event and not record.event_date:
        found.append("geen datum")
    if len(record.title) > MAX_TITLE_CHARS:
        found.append("titel te lang")
    if len(record.text.strip()) < 40:
        found.append("zeer korte tekst")
    return found


def audit(records: list[Record]) -> list[Finding]:
    """Findings for every record with at least one problem, most problems first."""
    findings = [Finding(r.id, r.title, r.source, tuple(p)) for r in records if (p := problems(r))]
    return sorted(findings, key=lambda f: (-len(f.problems), f.source, f.title))
