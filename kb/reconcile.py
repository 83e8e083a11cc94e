"""Re-ingest without losing curation: match a source's fresh records to the stored ones.

Ingesting a source again (the same text or a changed one) must never overwrite
what a curator decided. Each fresh record from the pipeline is matched to a
stored record, in this order:

1. a stored record with exactly that span in this source (its own span or one
   merged into it);
2. skipped when it falls inside spans a curator drew by hand (a split);
3. a stored record of this source with the same title (the text moved);
4. otherwise it is new and becomes a draft.

A matched record takes the fresh extraction only for fields no curator set and
keeps its id, status and history. A stored record that no fresh record matches
is deleted when nobody touched it, and kept (moved to its text if the text is
still there) when a curator did.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kb.record import EDITABLE, Record, record_id

SPLIT_OVERLAP = 0.5  # a fresh record this much inside curator-drawn spans is already represented


@dataclass
class Plan:
    """What re-ingesting one source changes in the store."""

    write: list[Record] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)


def normal_title(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def reconcile(stored: list[Record], fresh: list[Record], source: str, text: str) -> Plan:
    """The writes and deletes that bring `stored` (records with a span in `source`) in line with `fresh`."""
    plan = Plan()
    by_span: dict[tuple[int, int], Record] = {}
    for record in stored:
        for src, start, end in record.spans():
            if src == source:
                by_span.setdefault((start, end), record)
    pinned = [(r.start, r.end) for r in stored if r.source == source and "span" in r.curated]
    by_title: dict[str, list[Record]] = {}
    for record in stored:
        if record.source == source and "span" not in record.curated:
            by_title.setdefault(normal_title(record.title), []).append(record)
    matched: set[str] = set()
    taken = {r.id for r in stored}
    fresh_spans = {(f.start, f.end) for f in fresh}

    for new in fresh:
        span = (new.start, new.end)
        target = by_span.get(span)
        if target is None and _inside(new, pinned):
            continue
        if target is None:
            candidates = [r for r in by_title.get(normal_title(new.title), [])
                          if r.id not in matched and (r.start, r.end) not in fresh_spans]
            target = candidates[0] if candidates else None
        if target is None:
            plan.write.append(_new_draft(new, taken))
            continue
        matched.add(target.id)
        via_origin = target.source != source or (span != (target.start, target.end)
                                                 and span in _origin_spans(target, source))
        if not via_origin:  # a merged-in presentation only confirms its span; fields follow the main one
            updated = refresh(target, new)
            if updated != target:
                plan.write.append(updated)
    for record in stored:
        if record.id in matched or record.source != source:
            continue
        if record.touched:
            moved = _relocate(record, text)
            if moved is not None:
                plan.write.append(moved)
        else:
            plan.delete.append(record.id)
    return plan


def refresh(stored: Record, new: Record) -> Record:
    """The stored record with the fresh extraction in every field no curator set."""
    changes = {name: getattr(new, name) for name in EDITABLE if name not in stored.curated}
    if "span" not in stored.curated:
        changes.update(start=new.start, end=new.end)
    return replace(stored, **changes, confidence=new.confidence, parent_id=new.parent_id)


def _origin_spans(record: Record, source: str) -> set[tuple[int, int]]:
    return {(o["start"], o["end"]) for o in record.origins if o["source"] == source}


def _inside(new: Record, pinned: list[tuple[int, int]]) -> bool:
    length = max(1, new.end - new.start)
    covered = sum(max(0, min(end, new.end) - max(start, new.start)) for start, end in pinned)
    return covered / length >= SPLIT_OVERLAP


def _new_draft(new: Record, taken: set[str]) -> Record:
    """A fresh record as a draft, with an id no kept record uses (a kept record may have moved)."""
    rid, salt = new.id, 0
    while rid in taken:
        salt += 1
        rid = record_id(f"{new.source}#{salt}", new.start, new.end)
    taken.add(rid)
    return replace(new, id=rid, status="draft", origins=[])


def _relocate(record: Record, text: str) -> Record | None:
    """Point a kept record at its text in the changed source, when that text is still there verbatim."""
    if text[record.start:record.end] == record.text or not record.text:
        return None
    at = text.find(record.text)
    if at < 0:
        return None
    return replace(record, start=at, end=at + len(record.text))
