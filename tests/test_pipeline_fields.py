"""Fields a record takes from the rest of its document: a service page's items are its town's."""
from __future__ import annotations

from ingest.pipeline import _inherit_from_lead
from ingest.segment import Segment
from kb.record import Record


def _records(kind: str) -> tuple[list[Record], list[Segment]]:
    lead = Record(source="s.txt", start=0, end=40, kind=kind, title="Taalcoaching",
                  text="Het OCMW Lier begeleidt anderstaligen.", municipalities=["Lier"], provinces=["Antwerpen"],
                  partners=["OCMW Lier"])
    item = Record(source="s.txt", start=41, end=80, kind=kind, title="Onthaalklas",
                  text="Een klas voor nieuwe cliënten.")
    segments = [Segment(0, 40, "Taalcoaching", kind, None, ""), Segment(41, 80, "Onthaalklas", kind, None, "")]
    return [lead, item], segments


def test_items_after_a_towns_service_are_that_towns() -> None:
    records, segments = _records("practice")
    _inherit_from_lead(records, segments)
    assert records[1].municipalities == ["Lier"] and records[1].partners == ["OCMW Lier"]


def test_sessions_after_a_hosts_welcome_keep_no_town() -> None:
    records, segments = _records("session")
    _inherit_from_lead(records, segments)
    assert records[1].municipalities == [] and records[1].partners == []
