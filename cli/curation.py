"""Curators' commands: audit, status, history, undo (kb/curation.py)."""
from __future__ import annotations

import json

import click

from cli.base import Context, cli_user, fail, main


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
        click.echo(f"{len(findings)} van {obj.kb.count()} records vragen aandacht", err=True)


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
    done = kb.curation.set_statuses(ids, status, cli_user(user))
    click.echo(f"{len(done)} record(s) now {status}", err=True)


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
    restored = obj.kb.curation.undo(record_id, cli_user(user))
    click.echo(f"undone; {len(restored)} record(s) restored", err=True)
