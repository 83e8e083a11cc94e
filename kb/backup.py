"""Backup and restore: records as JSONL, CSV or XLSX, with the source texts and change log beside them.

The records file is what people open (JSONL holds one `Record.to_dict()` per
line; in CSV and XLSX the list fields, `confidence`, `origins` and `curated` are
JSON strings in their cells and None is an empty cell). Next to it,
`<name>.sources.jsonl` keeps the programme texts the records point into,
`<name>.changes.jsonl` the curation log and `<name>.workshops.jsonl` the
workshops with their tables and shortlists, so a restore loses nothing. Accounts
are not exported: passwords stay on the machine that set them. The index is
rebuilt on import (from the vector cache or the embedder).

An import checks every row before it writes anything, then writes everything
in one transaction with stamps (created_at, updated_at, version) as given.
"""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.errors import BadInput, KBError
from kb.record import LIST_FIELDS, Record

if TYPE_CHECKING:
    from kb.knowledge import KnowledgeBase

FORMATS = ("jsonl", "csv", "xlsx")
COLUMNS = [f.name for f in fields(Record)]
JSON_COLUMNS = (*LIST_FIELDS, "confidence", "origins", "curated")
INT_COLUMNS = ("start", "end", "version")
OPTIONAL_COLUMNS = tuple(f.name for f in fields(Record) if f.default is None)  # empty cell → None
XLSX_CELL_LIMIT = 32_767  # Excel keeps no more characters in a cell (openpyxl would cut them silently)
MAX_SHOWN = 5             # problems named in an import's error line


def format_of(path: Path, fmt: str | None = None) -> str:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise BadInput(f"{Path(path).name}: unknown backup format {fmt!r} (use .jsonl, .csv or .xlsx)",
                       code="backup.unknown_format", format=fmt)
    return fmt


def export_records(kb: KnowledgeBase, path: Path, fmt: str | None = None) -> int:
    """Write every record to `path`; returns how many."""
    path = Path(path)
    fmt = format_of(path, fmt)
    rows = [r.to_dict() for r in kb.records()]
    if fmt == "xlsx":
        too_long = [(row["id"], k, len(v)) for row in map(_to_cells, rows) for k, v in row.items()
                    if isinstance(v, str) and len(v) > XLSX_CELL_LIMIT]
        if too_long:
            rid, column, n = too_long[0]
            raise BadInput(f"{path.name}: record {rid}'s {column} has {n} characters, more than an XLSX cell holds "
                           f"({XLSX_CELL_LIMIT}); nothing was written. Export as .jsonl or .csv instead",
                           code="backup.cell_too_long", record=rid, column=column, length=n)
    _write_jsonl(companion(path, "sources"), kb.store.sources())
    _write_jsonl(companion(path, "changes"), kb.store.change_rows())
    _write_jsonl(companion(path, "workshops"), kb.store.workshops.backup_rows())
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    import pandas as pd

    frame = pd.DataFrame([_to_cells(row) for row in rows], columns=COLUMNS, dtype=object)
    if fmt == "csv":
        frame.to_csv(path, index=False, encoding="utf-8")
    else:
        frame.to_excel(path, index=False, engine="openpyxl")
    return len(rows)


def import_records(kb: KnowledgeBase, path: Path) -> int:
    """Read records from `path` (format from its suffix) and upsert them all, or none; returns how many."""
    path = Path(path)
    records = read_records(path)
    sources = _read_jsonl(companion(path, "sources"), ("name", "path", "sha256", "encoding", "text", "ingested_at"))
    changes = _read_jsonl(companion(path, "changes"), ("batch", "record_id", "action", "user", "at"))
    workshops = _read_jsonl(companion(path, "workshops"), ("title", "created_at", "updated_at"))
    problems = check_backup(kb, records, sources, changes) + check_workshops(kb, records, workshops)
    if problems:
        shown = "; ".join(problems[:MAX_SHOWN]) + (f"; and {len(problems) - MAX_SHOWN} more" if
                                                   len(problems) > MAX_SHOWN else "")
        raise BadInput(f"{path.name}: not imported, nothing was changed: {shown}",
                       code="backup.refused", problems=problems)
    with kb.writing() as store:
        store.upsert(records, keep_stamps=True)
        for source in sources:
            store.restore_source(source)
        store.restore_changes(changes)
        store.workshops.restore(workshops)
    return len(records)


def check_backup(kb: KnowledgeBase, records: list[Record], sources: list[dict[str, Any]],
                 changes: list[dict[str, Any]]) -> list[str]:
    """Every reason a backup would put wrong data in the base, found before anything is written.

    Ids are unique; versions are whole numbers from 1; places and labels come from the
    gazetteer and the taxonomy (they become filter values); spans lie inside their source
    text (in the backup or already stored); change-log rows hold records or nothing.
    """
    from kb.gazetteer import Gazetteer
    from kb.taxonomy import Taxonomy

    gazetteer, taxonomy = Gazetteer.default(), Taxonomy.default()
    provinces = set(gazetteer.provinces())
    themes = {label.name for label in taxonomy.themes()}
    groups = {label.name for label in taxonomy.target_groups()}
    lengths: dict[str, int | None] = {str(row["name"]): len(str(row["text"])) for row in sources}
    problems: list[str] = []
    seen: set[str] = set()
    for record in records:
        where = f"record {record.id}"
        if record.id in seen:
            problems.append(f"{where} appears twice")
        seen.add(record.id)
        if isinstance(record.version, bool) or not isinstance(record.version, int) or record.version < 1:
            problems.append(f"{where}: version {record.version!r} is not a whole number from 1")
        problems += [f"{where}: unknown municipality {m!r}" for m in record.municipalities
                     if gazetteer.lookup(m) is None]
        problems += [f"{where}: unknown province {p!r}" for p in record.provinces if p not in provinces]
        if record.region and gazetteer.partnership(record.region) is None:
            problems.append(f"{where}: unknown region {record.region!r}")
        problems += [f"{where}: unknown theme {t!r}" for t in record.themes if t not in themes]
        problems += [f"{where}: unknown target group {g!r}" for g in record.target_groups if g not in groups]
        if record.source not in lengths:  # not in the backup: the stored text, if any (looked up once)
            lengths[record.source] = (len(kb.store.source_text(record.source))
                                      if kb.store.source_info(record.source) else None)
        length = lengths[record.source]
        if length is not None and record.end > length:
            problems.append(f"{where}: span {record.start}-{record.end} lies outside its source {record.source!r} "
                            f"({length} characters)")
    for number, row in enumerate(changes, 1):
        for side in ("before", "after"):
            value = row.get(side)
            try:
                if value is not None:
                    Record.from_dict(json.loads(value) if isinstance(value, str) else value)
                    if not isinstance(value, str):
                        raise ValueError("not JSON text")
            except (KBError, ValueError, TypeError) as exc:
                problems.append(f"change {number} ({row.get('record_id')}): '{side}' is no record ({exc})")
    return problems


def check_workshops(kb: KnowledgeBase, records: list[Record], rows: list[dict[str, Any]]) -> list[str]:
    """Workshops of a backup: whole-number sizes, tables by position, practices that exist."""
    known = {r.id for r in records}
    problems: list[str] = []
    for number, row in enumerate(rows, 1):
        where = f"workshop {number} ({row.get('title')!r})"
        sizes = [row.get("n_tables"), row.get("per_table")]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in sizes):
            problems.append(f"{where}: tables and places per table must be whole numbers from 1, got {sizes}")
        tables, items = row.get("tables"), row.get("items")
        if not isinstance(tables, list) or not isinstance(items, list):
            problems.append(f"{where}: needs lists of tables and items")
            continue
        positions = {t.get("position") for t in tables if isinstance(t, dict)}
        for item in items:
            rid = item.get("record_id") if isinstance(item, dict) else None
            if not isinstance(rid, str) or (rid not in known and kb.store.find(rid) is None):
                problems.append(f"{where}: shortlists an unknown record {rid!r}")
            elif item.get("table") is not None and item.get("table") not in positions:
                problems.append(f"{where}: seats {rid} at a table that does not exist")
    return problems


def companion(path: Path, part: str) -> Path:
    """`backup.csv` → `backup.sources.jsonl`: the file beside a records file that holds `part`."""
    return path.with_name(f"{path.stem}.{part}.jsonl")


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows of a companion file (none when it is absent: an older export); bad rows raise BadInput."""
    if not path.is_file():
        return []
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BadInput(f"{path.name}: line {number}: not JSON ({exc})",
                           code="backup.not_json", line=number) from exc
        missing = [k for k in required if not isinstance(row, dict) or not isinstance(row.get(k), str)]
        if missing:
            raise BadInput(f"{path.name}: line {number}: missing {', '.join(missing)}",
                           code="backup.missing_fields", line=number, missing=missing)
        rows.append(row)
    return rows


def read_records(path: Path) -> list[Record]:
    """Every row of a backup file as a Record; a bad row raises BadInput naming the file and the row."""
    fmt = format_of(path)
    if not path.is_file():
        raise BadInput(f"{path}: no such file", code="backup.missing", name=str(path))
    records = []
    if fmt == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if line.strip():
                records.append(_parse(path, f"line {number}", lambda: json.loads(line)))
        return records
    import pandas as pd

    try:
        if fmt == "csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        else:
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"{path.name}: cannot be read as {fmt} ({exc})", code="backup.unreadable", format=fmt) from exc
    for number, row in enumerate(frame.to_dict(orient="records"), 2):  # row 1 is the header
        records.append(_parse(path, f"row {number}", lambda row=row: _from_cells(row)))
    return records


def _parse(path: Path, where: str, load) -> Record:  # noqa: ANN001 - a thunk giving the row's dict
    try:
        data = load()
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        record = Record.from_dict(data)
        if not isinstance(record.confidence, dict):
            raise ValueError(f"confidence must be an object, got {record.confidence!r}")
        return record
    except (KBError, ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
        raise BadInput(f"{path.name}: {where}: {exc}", code="backup.bad_row", where=where) from exc


def _to_cells(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS else v for k, v in row.items()}


def _from_cells(row: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in row.items():
        value = "" if value is None else str(value)
        if key in JSON_COLUMNS:
            data[key] = json.loads(value) if value.strip() else ({} if key == "confidence" else [])
        elif key in INT_COLUMNS:
            data[key] = int(value)
        elif key in OPTIONAL_COLUMNS and value == "":
            data[key] = None
        else:
            data[key] = value
    return data
