"""`kb` command line: a thin shell over KnowledgeBase (see ../shared/spec/cli-contract.md).

Library errors become a one-line message on stderr and a non-zero exit.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from kb.errors import KBError
from kb.knowledge import KnowledgeBase
from kb.record import Record
from kb.search import Filters, SearchRequest, SearchResult, check_query
from kb.settings import Settings

FILTER_OPTIONS = (("municipality", "gemeente"), ("province", "provincie"), ("region", "regio"),
                  ("theme", "thema"), ("target-group", "doelgroep"), ("kind", "soort"), ("event", "evenement"),
                  ("status", "status"))


def tqdm_progress(total: int, label: str) -> Callable[[int], None]:
    from tqdm import tqdm

    bar = tqdm(total=total or None, desc=label, unit="rec", file=sys.stderr, leave=False,
               disable=not total)
    return bar.update


class Context:
    def __init__(self, home: str | None) -> None:
        self.settings = Settings.from_env(home=home)
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase(self.settings, progress=tqdm_progress)
        return self._kb


def fail(message: str, code: int = 1) -> None:
    click.echo(f"kb: error: {message}", err=True)
    sys.exit(code)


class KBGroup(click.Group):
    """Turns library errors into one line on stderr instead of a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except KBError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)


@click.group(cls=KBGroup)
@click.option("--home", type=click.Path(file_okay=False), envvar="KB_HOME", default=None,
              help="Knowledge-base folder (database, index, cache). Default: $KB_HOME or <project>/.kb")
@click.pass_context
def main(ctx: click.Context, home: str | None) -> None:
    """Praktijkenbank: a knowledge base of local social-policy practices in Flanders."""
    ctx.obj = Context(home)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Split programme texts (files or folders) into records, store and index them."""
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        click.echo(f"kb: error: {p}: no such file or folder", err=True)
    report = obj.kb.ingest([p for p in paths if p not in missing])
    for f in report.files:
        if f.error:
            click.echo(f"kb: error: {f.error}", err=True)
        else:
            click.echo(f"{Path(f.path).name}: {f.records} records (+{f.added} new, -{f.removed} removed)", err=True)
    if report.errors or missing:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl")
@click.pass_obj
def records(obj: Context, fmt: str) -> None:
    """Print every record."""
    rows = [r.to_dict() for r in obj.kb.records()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))


@main.command()
@click.argument("record_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def show(obj: Context, record_id: str, fmt: str) -> None:
    """Show one record with its source passage."""
    record = obj.kb.get(record_id)
    if fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(describe(record))
    before, own, after = obj.kb.source_context(record, margin=200)
    click.echo(f"\n--- {record.source} [{record.start}:{record.end}] ---")
    click.echo(f"{before[-200:]}[[{own}]]{after[:200]}")


@main.command()
@click.pass_obj
def reindex(obj: Context) -> None:
    """Rebuild the FAISS index from the store (vectors come from the cache where possible)."""
    index = obj.kb.reindex()
    click.echo(f"index rebuilt: {len(index)} vectors ({index.family} via {index.backend}, {index.index_type})",
               err=True)


@main.command("export")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "xlsx"]), default=None,
              help="default: from the file's suffix")
@click.pass_obj
def export_cmd(obj: Context, path: str, fmt: str | None) -> None:
    """Back up every record to PATH (JSONL, CSV or XLSX; records only, not the source texts)."""
    from kb import backup

    n = backup.export_records(obj.kb, Path(path), fmt)
    click.echo(f"{n} records written to {path}", err=True)


@main.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def import_cmd(obj: Context, path: str) -> None:
    """Restore records from a backup (all rows or none), then rebuild the index."""
    from kb import backup

    n = backup.import_records(obj.kb, Path(path))
    click.echo(f"{n} records imported from {path}", err=True)


@main.command()
@click.option("--no-repair", is_flag=True, help="only report; do not rebuild an inconsistent index")
@click.pass_obj
def check(obj: Context, no_repair: bool) -> None:
    """Check the index against the model and the store, and record spans against their sources."""
    problems = obj.kb.check(repair=not no_repair)
    for p in problems:
        click.echo(p)
    remaining = [p for p in problems if not p.endswith(KnowledgeBase.REPAIRED)]
    click.echo(f"{len(remaining)} problem(s) remain" if problems else "no problems found", err=True)
    if remaining:
        sys.exit(1)


# The command line is the operator's tool: it searches drafts too, never hidden records, unless --status says.
CLI_STATUSES = ["approved", "draft"]


def _with_status(filters: Filters) -> Filters:
    if not filters.status:
        filters.status = list(CLI_STATUSES)
    return filters


def _filter_options(func):  # noqa: ANN001, ANN202 - click decorator plumbing
    for name, dutch in reversed(FILTER_OPTIONS):
        func = click.option(f"--{name}", multiple=True, help=f"filter ({dutch}); repeatable")(func)
    return func


@main.command()
@click.argument("query", required=False, default="")
@click.option("--k", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="JSONL file of queries")
@_filter_options
@click.pass_obj
def search(obj: Context, query: str, k: int, fmt: str, batch: str | None, **filters: tuple[str, ...]) -> None:
    """Search the records (QUERY in Dutch; filters narrow the candidates).

    Approved and draft records count unless --status chooses; hidden ones only with --status hidden.
    """
    if batch:
        try:
            lines = Path(batch).read_bytes().decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            fail(f"{batch}: not UTF-8 text (byte {exc.start})")
        bad = 0
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                request = SearchRequest.from_mapping(data, k)
                result = obj.kb.search(request.query, _with_status(request.filters), request.k)
            except (json.JSONDecodeError, KBError) as exc:  # answer the line, then go on with the rest
                bad += 1
                qid = data.get("qid") if not isinstance(exc, json.JSONDecodeError) and isinstance(data, dict) else None
                message = f"not JSON ({exc.msg})" if isinstance(exc, json.JSONDecodeError) else str(exc)
                click.echo(json.dumps({"qid": qid, "line": line_no, "error": message}, ensure_ascii=False))
                continue
            click.echo(json.dumps({"qid": request.qid, "results": results_json(result)}, ensure_ascii=False))
        if bad:
            fail(f"{batch}: {bad} line(s) could not be answered (see their \"error\")")
        return
    query = check_query(query)
    chosen = _with_status(Filters.from_mapping({name: list(v) for name, v in filters.items() if v}))
    result = obj.kb.search(query, chosen, k)
    if fmt == "json":
        click.echo(json.dumps({"query": query, "total": result.total, "results": results_json(result)},
                              ensure_ascii=False))
        return
    click.echo(f"{result.total} passende records voor {query!r}")
    for hit in result.hits:
        related = "" if hit.match else "  (verwant, geen rechtstreekse treffer)"
        click.echo(f"{hit.rank:>3}. {hit.score:.3f}  {describe(hit.record)}{related}")


@main.command()
@click.argument("record_id")
@click.option("--k", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text")
@click.pass_obj
def similar(obj: Context, record_id: str, k: int, fmt: str) -> None:
    """Records most similar in meaning to RECORD_ID."""
    result = obj.kb.similar(record_id, k)
    if fmt == "json":
        click.echo(json.dumps({"id": record_id, "results": results_json(result)}, ensure_ascii=False))
        return
    for hit in result.hits:
        click.echo(f"{hit.rank:>3}. {hit.score:.3f}  {describe(hit.record)}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
@click.pass_obj
def audit(obj: Context, fmt: str) -> None:
    """Records with missing or low-confidence fields, for curators."""
    findings = obj.kb.audit()
    for f in findings:
        if fmt == "jsonl":
            click.echo(json.dumps({"id": f.record_id, "title": f.title, "source": f.source,
                                   "problems": list(f.problems)}, ensure_ascii=False))
        else:
            click.echo(f"{f.record_id}  {f.title[:70]}  ({f.source})\n    - " + "\n    - ".join(f.problems))
    if fmt == "text":
        click.echo(f"{len(findings)} van {obj.kb.store.count()} records vragen aandacht", err=True)


@main.command("inspect")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--tagger", "use_tagger", is_flag=True, help="Let the learned block tagger decide (experimental).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
def inspect_cmd(path: str, use_tagger: bool, fmt: str) -> None:
    """Show how a text is split: every block, the decision on it and why, then the records."""
    from kb.ingest.readers import read_document
    from kb.ingest.segment import inspect

    text = read_document(path).text
    seen = inspect(text, use_tagger=use_tagger)
    for block, d in zip(seen.blocks, seen.decisions):
        why = ", ".join(f"{name} {value:+.1f}" for name, value in d.reasons)
        if fmt == "jsonl":
            click.echo(json.dumps({"start": block.start, "end": block.end, "rules": d.proposed, "label": d.label,
                                   "tagger": d.best, "tagger_p": round(d.probability, 3), "why": dict(d.reasons),
                                   "text": text[block.start:block.end][:200]}, ensure_ascii=False))
            continue
        mark = {"B": "new record", "I": "continues", "O": "furniture"}
        verdict = "overrides" if d.overridden else "agrees" if d.best == d.proposed else "would say"
        click.echo(f"{block.start:>6}-{block.end:<6} rules: {mark[d.proposed]:<10} -> {mark[d.label]:<10} "
                   f"(tagger {verdict} {mark[d.best]} p {d.probability:.2f}: {why})\n"
                   f"        {' '.join(text[block.start:block.end].split())[:110]}")
    if fmt == "text":
        click.echo(f"\n{len(seen.segments)} records:")
        for s in seen.segments:
            click.echo(f"  {s.start:>6}-{s.end:<6} {s.kind:<11} {s.title}")


# ---------------------------------------------------------------- workshops (kb/workshop.py, kb/export.py)
from kb import workshop as workshops  # noqa: E402 - kept next to the commands that use it


def workshop_json(kb: KnowledgeBase, workshop_id: int) -> dict:
    """A workshop with its tables and practices, as the `show`/`propose` commands print it."""
    w = workshops.get_workshop(kb, workshop_id)

    def practice(item: workshops.ShortlistItem) -> dict:
        r = item.record
        return {"id": r.id, "title": r.title, "municipalities": r.municipalities, "region": r.region,
                "themes": r.themes, "note": item.note}

    return {"id": w.id, "title": w.title, "date": w.date, "place": w.place, "tables_wanted": w.n_tables,
            "per_table": w.per_table,
            "tables": [{"position": t.position, "name": t.name, "locked": t.locked, "themes": t.themes(),
                        "practices": [practice(i) for i in t.items]} for t in workshops.tables(kb, workshop_id)],
            "unseated": [practice(i) for i in workshops.unseated(kb, workshop_id)]}


def echo_workshop(kb: KnowledgeBase, workshop_id: int, fmt: str) -> None:
    data = workshop_json(kb, workshop_id)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    when = " · ".join(p for p in (data["date"], data["place"]) if p)
    click.echo(f"[{data['id']}] {data['title']}" + (f" ({when})" if when else ""))
    for table in data["tables"] + [{"position": "-", "name": "nog niet aan een tafel", "locked": False,
                                    "practices": data["unseated"]}]:
        if table["position"] == "-" and not table["practices"]:
            continue
        lock = " [vergrendeld]" if table["locked"] else ""
        click.echo(f"  Tafel {table['position']}: {table['name'] or '-'}{lock}")
        for p in table["practices"]:
            place = ", ".join(p["municipalities"]) or p["region"] or "-"
            click.echo(f"    - {p['title']} ({place}) — {p['id']}" + (f"  # {p['note']}" if p["note"] else ""))


@main.group()
def workshop() -> None:
    """Workshops: shortlist practices and seat them at discussion tables."""


@workshop.command("create")
@click.argument("title")
@click.option("--date", default=None, help="e.g. 2025-10-02")
@click.option("--place", default=None)
@click.option("--tables", "n_tables", type=click.IntRange(1, workshops.MAX_TABLES), default=4, show_default=True)
@click.option("--per-table", type=click.IntRange(1, workshops.MAX_PER_TABLE), default=4, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_create(obj: Context, title: str, date: str | None, place: str | None, n_tables: int, per_table: int,
                    fmt: str) -> None:
    """Create a workshop; prints its id."""
    w = workshops.create_workshop(obj.kb, title, date, place, n_tables, per_table)
    click.echo(json.dumps(workshop_json(obj.kb, w.id), ensure_ascii=False) if fmt == "json" else w.id)


@workshop.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_list(obj: Context, fmt: str) -> None:
    """Every workshop, newest first."""
    for w in workshops.list_workshops(obj.kb):
        if fmt == "json":
            click.echo(json.dumps(w.__dict__, ensure_ascii=False))
        else:
            click.echo(f"{w.id:>4}  {w.title}  ({w.date or '-'}, {w.place or '-'}; {w.n_tables} tafels)")


@workshop.command("show")
@click.argument("workshop_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_show(obj: Context, workshop_id: int, fmt: str) -> None:
    """A workshop's tables and shortlist."""
    echo_workshop(obj.kb, workshop_id, fmt)


@workshop.command("rename")
@click.argument("workshop_id", type=int)
@click.argument("title")
@click.pass_obj
def workshop_rename(obj: Context, workshop_id: int, title: str) -> None:
    workshops.rename_workshop(obj.kb, workshop_id, title)


@workshop.command("edit")
@click.argument("workshop_id", type=int)
@click.option("--title", default=None)
@click.option("--date", default=None)
@click.option("--place", default=None)
@click.option("--tables", "n_tables", type=click.IntRange(1, workshops.MAX_TABLES), default=None)
@click.option("--per-table", type=click.IntRange(1, workshops.MAX_PER_TABLE), default=None)
@click.pass_obj
def workshop_edit(obj: Context, workshop_id: int, **changes: object) -> None:
    """Change a workshop's fields; fewer tables take the practices of the dropped tables off."""
    workshops.update_workshop(obj.kb, workshop_id, **changes)  # type: ignore[arg-type]


@workshop.command("delete")
@click.argument("workshop_id", type=int)
@click.pass_obj
def workshop_delete(obj: Context, workshop_id: int) -> None:
    """Delete a workshop with its tables and shortlist (the records stay)."""
    workshops.delete_workshop(obj.kb, workshop_id)


@workshop.command("add")
@click.argument("workshop_id", type=int)
@click.argument("record_ids", nargs=-1)
@click.option("--query", default=None, help="also shortlist the best matches of this search")
@click.option("--k", type=click.IntRange(1, 1000), default=None, help="how many matches (default: tables × per table)")
@click.option("--note", default="", help="why these practices are on the shortlist")
@_filter_options
@click.pass_obj
def workshop_add(obj: Context, workshop_id: int, record_ids: tuple[str, ...], query: str | None, k: int | None,
                 note: str, **filters: tuple[str, ...]) -> None:
    """Shortlist records by id, and/or the matches of a search (--query with filters)."""
    chosen = {name: list(v) for name, v in filters.items() if v}
    added = workshops.add_items(obj.kb, workshop_id, record_ids, note)
    if query is not None or chosen:
        added += workshops.add_from_search(obj.kb, workshop_id, query or "", chosen, k, note)
    click.echo(f"{added} praktijken toegevoegd", err=True)


@workshop.command("remove")
@click.argument("workshop_id", type=int)
@click.argument("record_ids", nargs=-1, required=True)
@click.pass_obj
def workshop_remove(obj: Context, workshop_id: int, record_ids: tuple[str, ...]) -> None:
    """Take records off the shortlist (and their tables)."""
    workshops.remove_items(obj.kb, workshop_id, record_ids)


@workshop.command("note")
@click.argument("workshop_id", type=int)
@click.argument("record_id")
@click.argument("note")
@click.pass_obj
def workshop_note(obj: Context, workshop_id: int, record_id: str, note: str) -> None:
    """Note why a practice is on the shortlist."""
    workshops.set_note(obj.kb, workshop_id, record_id, note)


@workshop.command("propose")
@click.argument("workshop_id", type=int)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--spread", type=float, default=workshops.grouping.DEFAULT_SPREAD, show_default=True,
              help="penalty for two practices of one place at a table (0: content only)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_propose(obj: Context, workshop_id: int, seed: int, spread: float, fmt: str) -> None:
    """Seat the shortlist at the unlocked tables: balanced sizes, by content, places spread."""
    workshops.propose_tables(obj.kb, workshop_id, seed=seed, spread=spread)
    echo_workshop(obj.kb, workshop_id, fmt)


@workshop.command("move")
@click.argument("workshop_id", type=int)
@click.argument("record_id")
@click.argument("table", type=click.IntRange(0))
@click.pass_obj
def workshop_move(obj: Context, workshop_id: int, record_id: str, table: int) -> None:
    """Seat a shortlisted practice at TABLE (0: take it off its table)."""
    workshops.move_item(obj.kb, workshop_id, record_id, table or None)


@workshop.command("lock")
@click.argument("workshop_id", type=int)
@click.argument("table", type=click.IntRange(1))
@click.option("--unlock", is_flag=True, help="unlock instead")
@click.pass_obj
def workshop_lock(obj: Context, workshop_id: int, table: int, unlock: bool) -> None:
    """Keep a table as it is when the proposal is re-run."""
    workshops.lock_table(obj.kb, workshop_id, table, not unlock)


@workshop.command("rename-table")
@click.argument("workshop_id", type=int)
@click.argument("table", type=click.IntRange(1))
@click.argument("name")
@click.pass_obj
def workshop_rename_table(obj: Context, workshop_id: int, table: int, name: str) -> None:
    workshops.rename_table(obj.kb, workshop_id, table, name)


@workshop.command("coverage")
@click.argument("workshop_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_coverage(obj: Context, workshop_id: int, fmt: str) -> None:
    """Themes, target groups, provinces and regions per table, and base themes no table covers."""
    cover = workshops.coverage(obj.kb, workshop_id)
    if fmt == "json":
        click.echo(json.dumps(cover.__dict__, ensure_ascii=False, indent=1))
        return
    labels = {"themes": "Thema's", "target_groups": "Doelgroepen", "provinces": "Provincies", "region": "Regio's"}
    for facet, label in labels.items():
        click.echo(f"{label}:")
        for value, per_table in sorted(cover.counts[facet].items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            click.echo(f"  {value}: {sum(per_table.values())}  ({'; '.join(f'{t}: {n}' for t, n in per_table.items())})")
    if cover.missing_themes:
        click.echo("Niet aan tafel: " + ", ".join(f"{theme} ({n})" for theme, n in cover.missing_themes))


@workshop.command("suggest")
@click.argument("workshop_id", type=int)
@click.option("--k", type=click.IntRange(1, 100), default=5, show_default=True)
@click.pass_obj
def workshop_suggest(obj: Context, workshop_id: int, k: int) -> None:
    """Practices not on the shortlist that are closest to a table's subject."""
    for s in workshops.suggestions(obj.kb, workshop_id, k):
        click.echo(f"{s.score:.3f}  tafel {s.table}  {describe(s.record)}")


@workshop.command("export")
@click.argument("workshop_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["pdf", "md", "csv", "xlsx"]), default="pdf", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), default=None,
              help="file to write (default: workshop-<title>.<format> here)")
@click.pass_obj
def workshop_export(obj: Context, workshop_id: int, fmt: str, output: str | None) -> None:
    """Print and share: a PDF with a page per table, or Markdown, CSV, XLSX."""
    from kb import export

    data = export.export(obj.kb, workshop_id, fmt)
    path = Path(output or export.file_name(workshops.get_workshop(obj.kb, workshop_id), fmt))
    path.write_bytes(data)
    click.echo(str(path), err=True)


@main.command()
@click.pass_obj
def stats(obj: Context) -> None:
    """How many records per status and kind; warns when viewers would see nothing."""
    from collections import Counter

    records = obj.kb.records()
    statuses = Counter(r.status for r in records)
    kinds = Counter(r.kind for r in records)
    click.echo(f"{len(records)} records: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) +
               " (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
    public = obj.settings.public_statuses
    if records and not any(statuses[s] for s in public):
        click.echo(f"note: no record is {' or '.join(public)} yet, so the app shows viewers an empty base; "
                   "approve records as a curator (kb users add NAME --role curator), run "
                   "`kb status approved --all-drafts`, or set KB_PUBLIC=approved,draft", err=True)


def _cli_user(user: str | None) -> str:
    import getpass

    return user or f"cli:{getpass.getuser()}"


@main.command("status")
@click.argument("status", type=click.Choice(["approved", "draft", "hidden"]))
@click.argument("record_ids", nargs=-1)
@click.option("--source", "sources", multiple=True, help="every record of this source file (repeatable)")
@click.option("--all-drafts", is_flag=True, help="every record that is still a draft")
@click.option("--user", default=None, help="name for the change log (default cli:<login>)")
@click.pass_obj
def set_status(obj: Context, status: str, record_ids: tuple[str, ...], sources: tuple[str, ...], all_drafts: bool,
               user: str | None) -> None:
    """Approve, hide or return records to draft (logged, undoable with `kb undo`)."""
    kb = obj.kb
    ids = list(record_ids)
    if sources or all_drafts:
        ids += [r.id for r in kb.records() if r.source in sources or (all_drafts and r.status == "draft")]
    if not ids:
        fail("no records chosen: give ids, --source or --all-drafts", 2)
    for rid in dict.fromkeys(ids):
        record = kb.get(rid)
        if record.status != status:
            kb.curation.set_status(rid, status, record.version, _cli_user(user))
    click.echo(f"{len(set(ids))} record(s) now {status}", err=True)


@main.command()
@click.argument("record_id")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
@click.pass_obj
def history(obj: Context, record_id: str, fmt: str) -> None:
    """The change log of one record, newest first: who changed which fields, when."""
    for change in obj.kb.curation.history(record_id):
        if fmt == "jsonl":
            click.echo(json.dumps({"at": change.at, "user": change.user, "action": change.action,
                                   "fields": change.fields(), "batch": change.batch,
                                   "before": change.before.to_dict() if change.before else None,
                                   "after": change.after.to_dict() if change.after else None}, ensure_ascii=False))
        else:
            click.echo(f"{change.at}  {change.user:<16} {change.action:<9} {', '.join(change.fields())}")


@main.command()
@click.argument("record_id")
@click.option("--user", default=None, help="name for the change log (default cli:<login>)")
@click.pass_obj
def undo(obj: Context, record_id: str, user: str | None) -> None:
    """Undo the last change of a record (and of every record that change touched)."""
    restored = obj.kb.curation.undo(record_id, _cli_user(user))
    click.echo(f"undone; {len(restored)} record(s) restored", err=True)


def results_json(result: SearchResult) -> list[dict]:
    return [{"rank": h.rank, "score": h.score, **h.record.to_dict(), "why": h.why, "match": h.match}
            for h in result.hits]


def describe(record: Record) -> str:
    place = ", ".join(record.municipalities) or record.region or "-"
    return (f"{record.title} [{record.kind}] ({place}) — {record.id}\n"
            f"       thema's: {', '.join(record.themes) or '-'}; doelgroepen: {', '.join(record.target_groups) or '-'}")


from kb.cli_users import users  # noqa: E402 - accounts (kb/accounts.py); opens only the store
main.add_command(users)

if __name__ == "__main__":
    main()
