"""Workshops: moderators shortlist practices and seat them at discussion tables.

A workshop (an inspiration day, a regional welfare café) has a title, date,
place, a number of tables and a target number of practices per table. It
belongs to the moderator who created it and whom they share it with
(`can_edit`); visitors see it, read-only, only when it is made public. Its
shortlist holds practices (record ids, with a note why). `propose_tables`
groups the shortlist into balanced tables by content with places spread out
(kb/tables.py); the moderator then moves practices, renames and locks tables,
and re-runs the proposal for the unlocked rest. Everything lives in the same
store as the records (its SQL in kb/store/workshops.py) and is read back fresh
on every call, so the app and the CLI never hold stale copies.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from kb import tables as grouping
from kb.accounts import Session, require
from kb.errors import Forbidden, InvalidQuery, KBError
from kb.knowledge import KnowledgeBase
from kb.record import Record
from kb.search import Filters

MAX_TABLES = 50
MAX_PER_TABLE = 50
TABLE_THEMES = 2          # dominant themes that make up a proposed table's name
PLACE_WEIGHTS = {"gemeente": 1.0, "regio": 1.0, "provincie": 0.05}  # a shared province only breaks ties
COVERAGE_FACETS = ("themes", "target_groups", "provinces", "region")


@dataclass
class Workshop:
    id: int
    title: str
    date: str | None
    place: str | None
    n_tables: int
    per_table: int
    created_at: str
    updated_at: str
    owner: str | None = None          # None: made before workshops had owners (or by the CLI); admins manage it
    public: bool = False              # visitors may open it read-only
    members: tuple[str, ...] = ()     # other accounts that may change it


@dataclass
class ShortlistItem:
    record: Record
    note: str
    table: int | None   # the table's position (1-based), None while not seated
    added_at: str

    @property
    def record_id(self) -> str:
        return self.record.id


@dataclass
class Table:
    id: int
    position: int
    name: str
    locked: bool
    items: list[ShortlistItem] = field(default_factory=list)

    @property
    def label(self) -> str:
        """"Tafel 2: Wonen · Armoede" — the position always shows, so people can find their table."""
        return f"Tafel {self.position}: {self.name}" if self.name else f"Tafel {self.position}"

    @property
    def records(self) -> list[Record]:
        return [item.record for item in self.items]

    def themes(self, top: int = 3) -> list[str]:
        return dominant_themes(self.records, top)


@dataclass
class Suggestion:
    record: Record
    score: float
    table: int   # position of the table whose subject it is closest to


@dataclass
class Coverage:
    """Per facet, per value, how many seated practices each table holds; plus base themes no table covers."""

    tables: list[str]
    counts: dict[str, dict[str, dict[str, int]]]
    missing_themes: list[tuple[str, int]]


# ---------------------------------------------------------------- workshops
def _workshop(row: dict) -> Workshop:
    return Workshop(int(row["id"]), row["title"], row["date"], row["place"], int(row["n_tables"]),
                    int(row["per_table"]), row["created_at"], row["updated_at"], row["owner"], bool(row["public"]),
                    tuple(row["members"]))


# ---------------------------------------------------------------- who may see and change a workshop
def can_edit(workshop: Workshop, session: Session | None) -> bool:
    """Its owner, the accounts it is shared with, and admins; never a visitor."""
    if session is None:
        return False
    return session.role == "admin" or session.username == workshop.owner or session.username in workshop.members


def can_view(workshop: Workshop, session: Session | None) -> bool:
    return workshop.public or can_edit(workshop, session)


def visible_workshops(kb: KnowledgeBase, session: Session | None) -> list[Workshop]:
    """The workshops this visitor or account may open, newest first."""
    return [w for w in list_workshops(kb) if can_view(w, session)]


def editable(kb: KnowledgeBase, workshop_id: int, session: Session | None) -> Workshop:
    """The workshop, when `session` may change it; AuthError for a visitor, Forbidden for someone else's."""
    workshop = get_workshop(kb, workshop_id)
    require(session, "moderator")
    if not can_edit(workshop, session):
        assert session is not None
        raise Forbidden(f"workshop {workshop_id} belongs to {workshop.owner or 'the administrators'}; "
                        f"{session.username} may not change it", code="workshop.not_yours",
                        workshop=workshop_id, owner=workshop.owner)
    return workshop


def share_workshop(kb: KnowledgeBase, workshop_id: int, members: Iterable[str] = (),
                   public: bool | None = None) -> Workshop:
    """Who else may change the workshop (replaces the list), and whether visitors may open it read-only."""
    current = get_workshop(kb, workshop_id)
    names = [m for m in dict.fromkeys(m.strip() for m in members) if m and m != current.owner]
    kb.store.workshops.share(workshop_id, names, public)
    return get_workshop(kb, workshop_id)


def _check(title: str | None, n_tables: int | None, per_table: int | None) -> None:
    if title is not None and not title.strip():
        raise InvalidQuery("a workshop needs a title", code="workshop.no_title")
    if n_tables is not None and not 1 <= n_tables <= MAX_TABLES:
        raise InvalidQuery(f"number of tables must be between 1 and {MAX_TABLES}, got {n_tables}",
                           code="workshop.tables_out_of_range", value=n_tables, maximum=MAX_TABLES)
    if per_table is not None and not 1 <= per_table <= MAX_PER_TABLE:
        raise InvalidQuery(f"practices per table must be between 1 and {MAX_PER_TABLE}, got {per_table}",
                           code="workshop.per_table_out_of_range", value=per_table, maximum=MAX_PER_TABLE)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def create_workshop(kb: KnowledgeBase, title: str, date: str | None = None, place: str | None = None,
                    n_tables: int = 4, per_table: int = 4, owner: str | None = None) -> Workshop:
    """A new, private workshop owned by `owner` (an account name; None for one the administrators manage)."""
    _check(title, n_tables, per_table)
    workshop_id = kb.store.workshops.create(title.strip(), _blank(date), _blank(place), n_tables, per_table, owner)
    return get_workshop(kb, workshop_id)


def list_workshops(kb: KnowledgeBase) -> list[Workshop]:
    """Newest first: the workshop being prepared now is the one people look for."""
    return [_workshop(row) for row in kb.store.workshops.all()]


def get_workshop(kb: KnowledgeBase, workshop_id: int) -> Workshop:
    """NotFound (code workshop.unknown) when there is no such workshop."""
    return _workshop(kb.store.workshops.get(workshop_id))


def update_workshop(kb: KnowledgeBase, workshop_id: int, *, title: str | None = None, date: str | None = None,
                    place: str | None = None, n_tables: int | None = None,
                    per_table: int | None = None) -> Workshop:
    """Change any of the fields given; fewer tables unseat the practices of the tables dropped."""
    _check(title, n_tables, per_table)
    current = get_workshop(kb, workshop_id)
    kb.store.workshops.update(workshop_id, title=(title or current.title).strip(),
                              date=_blank(date) if date is not None else current.date,
                              place=_blank(place) if place is not None else current.place,
                              n_tables=n_tables or current.n_tables, per_table=per_table or current.per_table)
    return get_workshop(kb, workshop_id)


def rename_workshop(kb: KnowledgeBase, workshop_id: int, title: str) -> Workshop:
    return update_workshop(kb, workshop_id, title=title)


def delete_workshop(kb: KnowledgeBase, workshop_id: int) -> None:
    """Deletes the workshop with its tables and shortlist (ON DELETE CASCADE); the records stay."""
    get_workshop(kb, workshop_id)
    kb.store.workshops.delete(workshop_id)


# ---------------------------------------------------------------- shortlist
def add_items(kb: KnowledgeBase, workshop_id: int, record_ids: Iterable[str], note: str = "") -> int:
    """Put records on the shortlist (unseated); returns how many were new. A note given replaces the old one."""
    get_workshop(kb, workshop_id)
    ids = list(dict.fromkeys(record_ids))
    for rid in ids:
        kb.get(rid)  # NotFound for an unknown id, before anything is written
    return kb.store.workshops.add_items(workshop_id, ids, note.strip())


def add_from_search(kb: KnowledgeBase, workshop_id: int, query: str, filters: Filters | dict | None = None,
                    k: int | None = None, note: str = "") -> int:
    """Shortlist the best matches of a search (by default enough to fill every table)."""
    workshop = get_workshop(kb, workshop_id)
    result = kb.search(query, filters, k=k or workshop.n_tables * workshop.per_table)
    return add_items(kb, workshop_id, [hit.record.id for hit in result.hits], note)


def set_note(kb: KnowledgeBase, workshop_id: int, record_id: str, note: str) -> None:
    kb.store.workshops.set_note(workshop_id, record_id, note.strip())


def remove_items(kb: KnowledgeBase, workshop_id: int, record_ids: Iterable[str]) -> int:
    get_workshop(kb, workshop_id)
    return kb.store.workshops.remove_items(workshop_id, record_ids)


def shortlist(kb: KnowledgeBase, workshop_id: int, statuses: Sequence[str] | None = None) -> list[ShortlistItem]:
    """The shortlist in the order practices were added, each with its table position (or None).

    `statuses` keeps only records with one of them: a visitor never sees a draft or hidden record.
    """
    get_workshop(kb, workshop_id)
    rows = kb.store.workshops.items(workshop_id)
    items = [ShortlistItem(kb.get(r["record_id"]), r["note"], r["position"], r["added_at"]) for r in rows]
    return [i for i in items if statuses is None or i.record.status in statuses]


# ---------------------------------------------------------------- tables
def tables(kb: KnowledgeBase, workshop_id: int, statuses: Sequence[str] | None = None) -> list[Table]:
    """The workshop's tables in order, each with its seated practices (of `statuses`, when given)."""
    items = shortlist(kb, workshop_id, statuses)
    rows = kb.store.workshops.tables(workshop_id)
    out = [Table(int(r["id"]), int(r["position"]), r["name"], bool(r["locked"])) for r in rows]
    by_position = {t.position: t for t in out}
    for item in items:
        if item.table is not None:
            by_position[item.table].items.append(item)
    return out


def unseated(kb: KnowledgeBase, workshop_id: int, statuses: Sequence[str] | None = None) -> list[ShortlistItem]:
    return [item for item in shortlist(kb, workshop_id, statuses) if item.table is None]


def move_item(kb: KnowledgeBase, workshop_id: int, record_id: str, position: int | None) -> None:
    """Seat a shortlisted practice at table `position` (None: take it off its table, keep it shortlisted)."""
    kb.store.workshops.seat(workshop_id, record_id, position)


def rename_table(kb: KnowledgeBase, workshop_id: int, position: int, name: str) -> None:
    kb.store.workshops.set_table(workshop_id, position, name=name.strip())


def lock_table(kb: KnowledgeBase, workshop_id: int, position: int, locked: bool = True) -> None:
    """A locked table keeps its practices and name when the proposal is re-run."""
    kb.store.workshops.set_table(workshop_id, position, locked=locked)


def dominant_themes(records: Sequence[Record], top: int = 3) -> list[str]:
    """Most frequent themes first; ties alphabetically, so labels are stable."""
    counts = Counter(theme for record in records for theme in record.themes)
    return [theme for theme, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def place_keys(record: Record) -> dict[str, float]:
    """The places a practice comes from, weighted: a shared town or region counts, a shared province barely."""
    keys = {f"gemeente:{m}": PLACE_WEIGHTS["gemeente"] for m in record.municipalities}
    if record.region:
        keys[f"regio:{record.region}"] = PLACE_WEIGHTS["regio"]
    keys.update({f"provincie:{p}": PLACE_WEIGHTS["provincie"] for p in record.provinces})
    return keys


def record_vectors(kb: KnowledgeBase, record_ids: Sequence[str]) -> np.ndarray:
    index = kb.index()
    return np.stack([index.vector(kb.store.rowid_of(rid)) for rid in record_ids])


def propose_tables(kb: KnowledgeBase, workshop_id: int, seed: int = 0,
                   spread: float = grouping.DEFAULT_SPREAD) -> list[Table]:
    """Seat the practices not on a locked table at the unlocked tables: balanced, by content, places spread.

    No table gets more than the workshop's practices per table: when the shortlist holds more, the
    practices added last stay unseated (`unseated` lists them, so the caller can say why).
    Unlocked tables get a name from their dominant themes; locked tables are left exactly as they are.
    """
    workshop = get_workshop(kb, workshop_id)
    current = tables(kb, workshop_id)
    free = [t for t in current if not t.locked]
    locked_positions = {t.position for t in current if t.locked}
    waiting = [item for item in shortlist(kb, workshop_id) if item.table not in locked_positions]
    if not waiting:
        return current
    if not free:
        raise KBError("every table is locked; unlock a table to seat the other practices", code="workshop.all_locked")
    capacity = len(free) * workshop.per_table
    pending = sorted(waiting[:capacity], key=lambda item: item.record_id)
    left_out = waiting[capacity:]
    vectors = record_vectors(kb, [item.record_id for item in pending])
    result = grouping.propose(vectors, len(free), [place_keys(item.record) for item in pending], seed=seed,
                              spread=spread)
    assignment = result.assignment.tolist()
    seats: dict[str, int | None] = {item.record_id: None for item in left_out}
    seats.update({item.record_id: free[t].position for item, t in zip(pending, assignment, strict=True)})
    names = {table.position: " · ".join(dominant_themes([item.record for item, a in zip(pending, assignment)
                                                         if a == t], TABLE_THEMES))
             for t, table in enumerate(free)}
    kb.store.workshops.arrange(workshop_id, seats, names)
    return tables(kb, workshop_id)


# ---------------------------------------------------------------- coverage
def _values(record: Record, facet: str) -> list[str]:
    value = getattr(record, facet)
    return [value] if isinstance(value, str) else list(value or [])


def coverage(kb: KnowledgeBase, workshop_id: int) -> Coverage:
    """What the seated practices cover per table, and which themes of the base no table touches."""
    seated = tables(kb, workshop_id)
    counts: dict[str, dict[str, dict[str, int]]] = {facet: {} for facet in COVERAGE_FACETS}
    for table in seated:
        for record in table.records:
            for facet in COVERAGE_FACETS:
                for value in _values(record, facet):
                    per_table = counts[facet].setdefault(value, {})
                    per_table[table.label] = per_table.get(table.label, 0) + 1
    base = Counter(theme for record in kb.records() for theme in record.themes)
    missing = sorted(((theme, n) for theme, n in base.items() if theme not in counts["themes"]),
                     key=lambda kv: (-kv[1], kv[0]))
    return Coverage([t.label for t in seated], counts, missing)


def suggestions(kb: KnowledgeBase, workshop_id: int, k: int = 5,
                statuses: Sequence[str] = ("approved", "draft")) -> list[Suggestion]:
    """Practices not on the shortlist closest to a table's subject (its centroid): candidates the moderator missed.

    Only records of the given statuses are proposed: the app passes what its visitor may see.
    """
    current = [t for t in tables(kb, workshop_id) if t.items]
    listed = {item.record_id for item in shortlist(kb, workshop_id)}
    if not current:
        return []
    index = kb.index()
    rows = dict(kb.store.all())
    allowed = np.asarray([rowid for rowid, record in rows.items()
                          if record.id not in listed and record.status in statuses], dtype=np.int64)
    if len(allowed) == 0:
        return []
    best: dict[int, tuple[float, int]] = {}
    for table in current:
        centroid = record_vectors(kb, [item.record_id for item in table.items]).mean(axis=0)
        centroid = centroid / (np.linalg.norm(centroid) or 1.0)
        scores, ids = index.search(centroid.astype(np.float32), k, allowed)
        for score, rowid in zip(scores.tolist(), ids.tolist()):
            if rowid not in best or score > best[rowid][0]:
                best[rowid] = (score, table.position)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:k]
    return [Suggestion(rows[rowid], round(score, 4), position) for rowid, (score, position) in ranked]


def as_dict(kb: KnowledgeBase, workshop_id: int) -> dict:
    """A workshop with its tables and practices as plain data (the CLI's JSON, exports)."""
    w = get_workshop(kb, workshop_id)

    def practice(item: ShortlistItem) -> dict:
        r = item.record
        return {"id": r.id, "title": r.title, "municipalities": r.municipalities, "region": r.region,
                "themes": r.themes, "note": item.note}

    return {"id": w.id, "title": w.title, "date": w.date, "place": w.place, "tables_wanted": w.n_tables,
            "per_table": w.per_table, "owner": w.owner, "public": w.public, "members": list(w.members),
            "tables": [{"position": t.position, "name": t.name, "locked": t.locked, "themes": t.themes(),
                        "practices": [practice(i) for i in t.items]} for t in tables(kb, workshop_id)],
            "unseated": [practice(i) for i in unseated(kb, workshop_id)]}
