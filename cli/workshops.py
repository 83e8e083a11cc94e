"""Workshops: shortlist practices and seat them at discussion tables (kb/workshop.py, kb/export.py)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from cli.base import Context, describe, filter_options, main
from kb import workshop as workshops
from kb.knowledge import KnowledgeBase


def echo_workshop(kb: KnowledgeBase, workshop_id: int, fmt: str) -> None:
    data = workshops.as_dict(kb, workshop_id)
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
@click.option("--owner", default=None, help="the account that prepares it (default: only admins may change it)")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def workshop_create(obj: Context, title: str, date: str | None, place: str | None, n_tables: int, per_table: int,
                    owner: str | None, fmt: str) -> None:
    """Create a workshop; prints its id."""
    w = workshops.create_workshop(obj.kb, title, date, place, n_tables, per_table, owner=owner)
    click.echo(json.dumps(workshops.as_dict(obj.kb, w.id), ensure_ascii=False) if fmt == "json" else w.id)


@workshop.command("share")
@click.argument("workshop_id", type=int)
@click.argument("usernames", nargs=-1)
@click.option("--public/--private", default=None, help="whether visitors may open it read-only")
@click.pass_obj
def workshop_share(obj: Context, workshop_id: int, usernames: tuple[str, ...], public: bool | None) -> None:
    """Let these accounts change the workshop too (replaces the list; none: only its owner)."""
    w = workshops.share_workshop(obj.kb, workshop_id, usernames, public)
    shared = ", ".join(w.members) or "nobody else"
    click.echo(f"workshop {w.id}: owner {w.owner or '(admins)'}, shared with {shared}, "
               f"{'public' if w.public else 'private'}")


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
@filter_options
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
    waiting = workshops.unseated(obj.kb, workshop_id)
    if waiting:
        per_table = workshops.get_workshop(obj.kb, workshop_id).per_table
        click.echo(f"kb: {len(waiting)} practice(s) left unseated: every unlocked table already holds {per_table}; "
                   "add tables or raise --per-table (kb workshop edit) and propose again", err=True)


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
            tables = "; ".join(f"{t}: {n}" for t, n in per_table.items())
            click.echo(f"  {value}: {sum(per_table.values())}  ({tables})")
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
