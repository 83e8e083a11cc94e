"""Keeping the base sound: reindex, check, export and import (backups), stats."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from cli.base import Context, main
from kb.knowledge import KnowledgeBase


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


@main.command()
@click.pass_obj
def stats(obj: Context) -> None:
    """How many records per status and kind; warns when viewers would see nothing."""
    statuses, kinds = obj.kb.counts()
    total = sum(statuses.values())
    click.echo(f"{total} records: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) +
               " (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
    public = obj.settings.public_statuses
    if total and not any(statuses[s] for s in public):
        click.echo(f"note: no record is {' or '.join(public)} yet, so the app shows viewers an empty base; "
                   "approve records as a curator (kb users add NAME --role curator), run "
                   "`kb status approved --all-drafts`, or set KB_PUBLIC=approved,draft", err=True)
