"""Curation: edit, approve, merge, split, add and undo, each as one logged, version-checked transaction.

Every operation follows the same path (`Curation._commit`, through the knowledge
base's one write path `KnowledgeBase.writing`): check that each record is still
at the version the curator opened, write the new states in one transaction
together with their change-log rows, then bring the vector index and the search
view in step. A crash before the commit leaves nothing; a crash
after it leaves an index older than the store, which the next open detects
(the store generation) and catches up with.
"""
from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kb.errors import InvalidRecord, NotFound, VersionConflict
from kb.record import EDITABLE, KINDS, LIST_FIELDS, STATUSES, Document, Record, record_id
from kb.store import Change

if TYPE_CHECKING:
    from kb.knowledge import KnowledgeBase

MANUAL_PREFIX = "handmatig-"  # the source name of a practice typed in by hand
SUGGEST_COSINE = 0.90         # merge suggestions: at least this similar in meaning ...
SUGGEST_MIN_SCORE = 0.95      # ... and this much after adding title and municipality overlap
TITLE_WEIGHT = 0.1
PLACE_WEIGHT = 0.05
SAME_SOURCE_PENALTY = 0.15


@dataclass(frozen=True)
class MergeSuggestion:
    left: Record
    right: Record
    score: float
    cosine: float
    title_similarity: float
    shared_municipalities: list[str]


@dataclass
class Preview:
    """What an uploaded programme text would add, before anything is stored."""

    document: Document
    records: list[Record]


class Curation:
    """The curator's operations on one knowledge base; `user` names who acts, for the change log."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ reading
    def history(self, rid: str) -> list[Change]:
        """Every logged change of a record, newest first."""
        return self.kb.store.changes(record_id=rid)

    def queue(self, statuses: tuple[str, ...] = ("draft",)) -> list[Record]:
        """Records waiting for review, in document order."""
        return [r for r in self.kb.records() if r.status in statuses]

    # ------------------------------------------------------------------ single record
    def edit(self, rid: str, changes: dict[str, Any], version: int, user: str) -> Record:
        """Set fields of a record; the fields become curated, so re-ingest keeps them."""
        current = self.kb.get(rid)
        values = validate(changes, current)
        touched = [name for name in values if values[name] != getattr(current, name)]
        if not touched:
            _check_version(self.kb.store, rid, current, version)
            return current
        curated = list(dict.fromkeys([*current.curated, *touched]))
        updated = replace(current, **values, curated=curated)
        self._commit("edit", user, [(current, updated, version)])
        return self.kb.get(rid)

    def set_status(self, rid: str, status: str, version: int, user: str) -> Record:
        if status not in STATUSES:
            raise InvalidRecord(f"status {status!r} is not one of {', '.join(STATUSES)}",
                                code="record.unknown_status", value=status)
        current = self.kb.get(rid)
        self._commit(status, user, [(current, replace(current, status=status), version)])
        return self.kb.get(rid)

    def set_statuses(self, rids: Sequence[str], status: str, user: str) -> list[Record]:
        """Give many records one status as one logged batch, so a single `undo` reverts them all."""
        if status not in STATUSES:
            raise InvalidRecord(f"status {status!r} is not one of {', '.join(STATUSES)}",
                                code="record.unknown_status", value=status)
        chosen = list(dict.fromkeys(rids))
        current = [self.kb.get(rid) for rid in chosen]
        steps = [(r, replace(r, status=status), r.version) for r in current if r.status != status]
        if steps:
            self._commit(status, user, steps)
        return [self.kb.get(rid) for rid in chosen]

    def add(self, values: dict[str, Any], user: str, status: str = "draft") -> Record:
        """A practice typed in by hand; its text is stored as its own small source, for provenance."""
        title = str(values.get("title") or "").strip()
        text = str(values.get("text") or "").strip() or title
        if not title:
            raise InvalidRecord("a practice needs a title", code="record.empty_title")
        digest = hashlib.sha256(f"{title}\0{text}\0{uuid.uuid4()}".encode()).hexdigest()
        source = f"{MANUAL_PREFIX}{_slug(title)}-{digest[:8]}.txt"
        base = Record(source=source, start=0, end=len(text), kind=values.get("kind") or "practice",
                      title=title, text=text, status=status)
        fields = validate({k: v for k, v in values.items() if k not in ("title", "text")}, base)
        record = replace(base, **fields, curated=[n for n in EDITABLE if n in values or n in ("title", "text")])
        self._commit("add", user, [(None, record, None)],
                     also=lambda: self.kb.store.put_source(source, f"(ingevoerd door {user})", digest, "utf-8", text))
        return self.kb.get(record.id)

    # ------------------------------------------------------------------ merge and split
    def merge(self, ids: list[str], user: str, versions: dict[str, int] | None = None,
              choices: dict[str, Any] | None = None) -> Record:
        """One record for the same practice presented several times; the first id survives.

        The merged record keeps every source span (`origins`, with event and date of each)
        and every workshop shortlist entry of the others. Its fields are the preview's
        (`merge_preview`: the first record's, list fields united) except those in `choices`,
        where the curator picked the values field by field (checked like an edit).
        """
        merged, records = self.merge_preview(ids)
        if choices:
            chosen = _merge_choices(choices, merged, records)
            merged = replace(merged, **chosen, curated=list(dict.fromkeys([*merged.curated, *chosen])))
        versions = versions or {r.id: r.version for r in records}
        keep, others = records[0], records[1:]
        steps = [(keep, merged, versions.get(keep.id, keep.version))]
        steps += [(other, None, versions.get(other.id, other.version)) for other in others]
        self._commit("merge", user, steps, repoint={o.id: keep.id for o in others})
        return self.kb.get(keep.id)

    def merge_preview(self, ids: list[str]) -> tuple[Record, list[Record]]:
        """The record a merge would make, and the records it would merge; nothing is stored.

        Curators see it before they confirm: every list field becomes the union of the records' values.
        """
        ids = list(dict.fromkeys(ids))
        if len(ids) < 2:
            raise InvalidRecord("choose at least two records to merge", code="merge.too_few")
        records = [self.kb.get(rid) for rid in ids]
        keep, others = records[0], records[1:]
        origins = list(keep.origins)
        merged_lists: dict[str, list[str]] = {}
        for other in others:
            origins.append({"source": other.source, "start": other.start, "end": other.end, "id": other.id,
                            "title": other.title, "event": other.event, "event_date": other.event_date})
            origins.extend(other.origins)
        for name in LIST_FIELDS:
            merged_lists[name] = list(dict.fromkeys(v for r in records for v in getattr(r, name)))
        grown = [n for n in LIST_FIELDS if merged_lists[n] != getattr(keep, n)]
        merged = replace(keep, **merged_lists, origins=_unique_origins(origins, keep),
                         curated=list(dict.fromkeys([*keep.curated, *grown])))
        return merged, records

    def split(self, rid: str, at: int, title: str, version: int, user: str,
              refresh: Callable[[Record], Record] | None = None) -> tuple[Record, Record]:
        """Cut a record holding two practices at character `at` of its text; the second part gets `title`.

        The first part keeps the id (and its workshop entries and history); both spans are
        marked as drawn by a curator, so re-ingest does not glue them together again.
        `refresh` reads each part's fields again from its own text (the app and CLI pass
        `ingest.pipeline.refresh_fields`; the library cannot import ingest); without it both
        parts keep the whole record's fields.
        """
        current = self.kb.get(rid)
        if not 0 < at < len(current.text):
            raise InvalidRecord(f"split position {at} is not inside the record's text (1..{len(current.text) - 1})",
                                code="split.bad_position", position=at)
        if not title.strip():
            raise InvalidRecord("the second part needs a title", code="split.no_title")
        head, tail = current.text[:at], current.text[at:]
        cut = current.start + len(head.rstrip())
        tail_start = current.start + at + (len(tail) - len(tail.lstrip()))
        curated = list(dict.fromkeys([*current.curated, "span", "text"]))
        first = replace(current, end=cut, text=head.rstrip(), curated=curated)
        second = replace(current, id=record_id(current.source, tail_start, current.end), start=tail_start,
                         text=tail.strip(), title=title.strip(), origins=[], status="draft",
                         curated=list(dict.fromkeys(["span", "text", "title", *current.curated])),
                         version=1, created_at=None, updated_at=None)
        if self.kb.store.find(second.id) is not None:
            raise InvalidRecord(f"a record already covers {second.source} {second.start}-{second.end}",
                                code="split.exists")
        if refresh is not None:
            first, second = refresh(first), refresh(second)
        self._commit("split", user, [(current, first, version), (None, second, None)])
        return self.kb.get(first.id), self.kb.get(second.id)

    # ------------------------------------------------------------------ undo
    def undo(self, rid: str, user: str) -> list[Record]:
        """Revert the last operation that touched the record (all records of that operation).

        Refused with a VersionConflict when one of those records changed again since.
        """
        last = self.kb.store.changes(record_id=rid, limit=1)
        if not last:
            raise NotFound(f"record {rid} has no change to undo", code="undo.nothing", record=rid)
        batch = self.kb.store.changes(batch=last[0].batch)
        steps = []
        for change in batch:
            current = self.kb.store.find(change.record_id)
            expected = current.version if current else None
            if _state(current) != _state(change.after):
                newer = self.kb.store.changes(record_id=change.record_id, limit=1)
                who, when = (newer[0].user, newer[0].at) if newer else ("someone", None)
                raise VersionConflict(
                    f"cannot undo the {change.action} of {change.at}: record {change.record_id} was changed "
                    f"since by {who}", code="undo.changed_since", current=current, user=who, at=when,
                    fields=newer[0].fields() if newer else [])
            if current is not None or change.before is not None:
                steps.append((current, change.before, expected))
        self._commit("undo", user, steps)
        return [r for r in (self.kb.store.find(c.record_id) for c in batch) if r is not None]

    # ------------------------------------------------------------------ merge suggestions
    def suggestions(self, limit: int = 20, neighbours: int = 5) -> list[MergeSuggestion]:
        """Pairs that look like the same practice: close in meaning, plus similar titles or places."""
        from rapidfuzz import fuzz

        kb = self.kb
        searcher = kb.searcher()
        index = searcher.index
        found: dict[tuple[str, str], MergeSuggestion] = {}
        for position, record in enumerate(searcher.records):
            if record.status == "hidden":
                continue
            rowid = int(searcher.rowids[position])
            scores, ids = index.search(index.vector(rowid), neighbours + 1)
            for cosine, other_id in zip(scores, ids):
                other = searcher.records[searcher.position[int(other_id)]]
                if other.id == record.id or other.status == "hidden" or cosine < SUGGEST_COSINE:
                    continue
                key = tuple(sorted((record.id, other.id)))
                if key in found:
                    continue
                title = fuzz.token_set_ratio(record.title.lower(), other.title.lower()) / 100
                shared = sorted(set(record.municipalities) & set(other.municipalities))
                score = float(cosine) + TITLE_WEIGHT * title + (PLACE_WEIGHT if shared else 0.0)
                if record.municipalities and other.municipalities and not shared:
                    score -= PLACE_WEIGHT  # named in different towns: rarely the same practice
                if record.source == other.source:
                    score -= SAME_SOURCE_PENALTY  # one programme seldom presents a practice twice
                if score >= SUGGEST_MIN_SCORE:
                    found[key] = MergeSuggestion(record, other, round(score, 4), round(float(cosine), 4),
                                                 round(title, 3), shared)
        return sorted(found.values(), key=lambda s: -s.score)[:limit]

    # ------------------------------------------------------------------ upload
    def accept(self, preview: Preview, records: list[Record], user: str) -> list[Record]:
        """Store the records a curator kept from a preview; what they changed counts as curated.

        Uploading a file that is already stored updates the kept records like a re-ingest
        (curated fields stay); its other stored records are left alone, never silently dropped.
        """
        proposed = {r.id: r for r in preview.records}
        kept = []
        for record in records:
            original = proposed.get(record.id)
            changed = [n for n in EDITABLE if original is not None and getattr(record, n) != getattr(original, n)]
            kept.append(replace(record, curated=list(dict.fromkeys([*record.curated, *changed]))))
        return self.kb.store_document(preview.document, kept, drop_missing=False, log=("upload", user))

    # ------------------------------------------------------------------ the one write path
    def _commit(self, action: str, user: str, steps: list[tuple[Record | None, Record | None, int | None]],
                repoint: dict[str, str] | None = None, also: Callable[[], None] | None = None) -> None:
        """Write (before, after, expected version) steps atomically, log them, then update the index.

        `also` runs inside the same transaction (storing the text of a hand-made record).
        """
        kb, store = self.kb, self.kb.store
        batch = uuid.uuid4().hex
        with kb.writing():
            if also is not None:
                also()
            for before, after, expected in steps:
                rid = (after or before).id  # type: ignore[union-attr]
                current = store.find(rid)
                if before is not None and (after is None or before.id == after.id):
                    _check_version(store, rid, current, expected)
                elif current is not None:
                    raise InvalidRecord(f"record {rid} already exists", code="record.exists", record=rid)
                if after is None:
                    if repoint and rid in repoint:
                        store.workshops.repoint(rid, repoint[rid])
                    store.delete([rid])
                else:
                    after = replace(after, version=(current.version + 1) if current else max(1, after.version))
                    store.upsert([after], keep_stamps=current is None)
                store.log_change(batch, rid, action, user, current, store.find(rid))


def _merge_choices(choices: dict[str, Any], merged: Record, records: list[Record]) -> dict[str, Any]:
    """The curator's picks for a merge, checked: a value one of the records already holds is kept as it is
    (records made before a taxonomy change keep their labels); anything else is validated like an edit."""
    kept: dict[str, Any] = {}
    for name, value in choices.items():
        if name == "title" and value in {r.title for r in records}:
            kept[name] = value
        elif name in ("themes", "target_groups", "partners", "speakers") and not isinstance(value, str) \
                and set(value) <= set(getattr(merged, name)):
            kept[name] = list(dict.fromkeys(value))
    return {**kept, **validate({k: v for k, v in choices.items() if k not in kept}, merged)}


def validate(changes: dict[str, Any], current: Record) -> dict[str, Any]:
    """Checked and normalised field values: places from the gazetteer, labels from the taxonomy.

    Provinces follow the municipalities unless given; every problem is reported at once, in English
    and as (code, value) pairs in the error's `problems`, which the app words in Dutch.
    """
    from kb.gazetteer import Gazetteer
    from kb.taxonomy import Taxonomy

    gazetteer, taxonomy = Gazetteer.default(), Taxonomy.default()
    unknown_fields = set(changes) - set(EDITABLE)
    if unknown_fields:
        raise InvalidRecord(f"these fields cannot be edited: {', '.join(sorted(unknown_fields))}",
                            code="record.not_editable", fields=sorted(unknown_fields))
    out: dict[str, Any] = {}
    problems: list[tuple[str, str, str]] = []  # (code, value, English text)
    for name, value in changes.items():
        if name in LIST_FIELDS:
            items = [value] if isinstance(value, str) else list(value or [])
            out[name] = list(dict.fromkeys(str(v).strip() for v in items if str(v).strip()))
        elif name in ("region", "event", "event_date"):
            out[name] = str(value).strip() if value not in (None, "") else None
        else:
            out[name] = str(value or "").strip()
    if "title" in out and not out["title"]:
        problems.append(("empty_title", "", "the title cannot be empty"))
    if "kind" in out and out["kind"] not in KINDS:
        problems.append(("unknown_kind", out["kind"], f"kind {out['kind']!r} is not one of {', '.join(KINDS)}"))
    if "municipalities" in out:
        found = {name: gazetteer.lookup(name) for name in out["municipalities"]}
        problems += [("unknown_municipality", name, f"{name!r} is not a municipality in the gazetteer")
                     for name, m in found.items() if m is None]
        places = [m for m in found.values() if m is not None]
        out["municipalities"] = list(dict.fromkeys(m.name for m in places))
        if "provinces" not in changes and not problems:
            out["provinces"] = sorted({m.province for m in places if m.province})
    if "provinces" in changes:
        known = {p.lower(): p for p in gazetteer.provinces()}
        bad = [p for p in out["provinces"] if p.lower() not in known]
        problems += [("unknown_province", p, f"{p!r} is not a province") for p in bad]
        out["provinces"] = [known[p.lower()] for p in out["provinces"] if p.lower() in known]
    if out.get("region"):
        partnership = gazetteer.partnership(out["region"])
        if partnership is None:
            problems.append(("unknown_region", out["region"], f"{out['region']!r} is not a region in the gazetteer"))
        else:
            out["region"] = partnership.label
    for name, kind in (("themes", "theme"), ("target_groups", "target_group")):
        if name in out:
            labels = []
            for wording in out[name]:
                label = taxonomy.canonical(wording, kind)
                if label is None:
                    problems.append((f"unknown_{kind}", wording,
                                     f"{wording!r} is not a {kind.replace('_', ' ')} in the taxonomy"))
                else:
                    labels.append(label)
            out[name] = list(dict.fromkeys(labels))
    if out.get("event_date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", out["event_date"]):
        problems.append(("bad_date", out["event_date"],
                         f"event date {out['event_date']!r} is not an ISO date (YYYY-MM-DD)"))
    if problems:
        raise InvalidRecord("; ".join(text for _, _, text in problems), code="record.invalid_fields",
                            problems=[(code, value) for code, value, _ in problems])
    return out


def _check_version(store: Any, rid: str, current: Record | None, expected: int | None) -> None:
    """Optimistic locking: refuse a save based on a version someone else has replaced."""
    if current is None:
        raise VersionConflict(f"record {rid} was deleted (merged or undone) since you opened it",
                              code="version.deleted", record=rid)
    if expected is not None and current.version != expected:
        last = store.changes(record_id=rid, limit=1)
        who = last[0].user if last else "someone"
        when = last[0].at if last else current.updated_at
        fields = last[0].fields() if last else []
        raise VersionConflict(
            f"record {rid} was changed by {who} at {when} (now version {current.version}, you opened "
            f"version {expected}; changed: {', '.join(fields) or 'unknown'}); reload it and apply your change again",
            code="version.changed", current=current, user=who, at=when, fields=fields)


def _state(record: Record | None) -> dict[str, Any] | None:
    """A record's content without stamps: what undo compares (an undo-of-undo brings content back)."""
    if record is None:
        return None
    return {k: v for k, v in record.to_dict().items() if k not in ("version", "created_at", "updated_at")}


def _unique_origins(origins: list[dict[str, Any]], keep: Record) -> list[dict[str, Any]]:
    seen = {(keep.source, keep.start, keep.end)}
    out = []
    for origin in origins:
        key = (origin["source"], origin["start"], origin["end"])
        if key not in seen:
            seen.add(key)
            out.append(origin)
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "praktijk"


_CUT = re.compile(r"\n\s*|(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-Ý0-9•*-])")


def split_points(text: str) -> list[int]:
    """Where a record's text may be cut in two: the start of every line and every sentence (never mid-sentence)."""
    points = {m.end() for m in _CUT.finditer(text) if m.group().startswith("\n") or not _abbreviation(text, m.start())}
    return sorted(p for p in points if 0 < p < len(text) and text[p:].strip())


def _abbreviation(text: str, end: int) -> bool:
    """The period before ``end`` closes 'dr.', 'bv.', 'o.a.' rather than a sentence."""
    word = text[:end].rsplit(None, 1)[-1] if text[:end].strip() else ""
    core = word.rstrip(".!?…\"”’)")
    return bool(core) and (("." in core) or (core.isalpha() and core.islower() and len(core) <= 3))
