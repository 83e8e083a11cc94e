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
from kb.search import Filters, SearchResult
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
    """Search the records (QUERY in Dutch; filters narrow the candidates)."""
    if batch:
        for line_no, line in enumerate(Path(batch).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                request = json.loads(line)
            except json.JSONDecodeError as exc:
                fail(f"{batch}:{line_no}: not a JSON object ({exc.msg})")
            result = obj.kb.search(str(request.get("query", "")), Filters.from_mapping(request.get("filters")),
                                   int(request.get("k", k)))
            click.echo(json.dumps({"qid": request.get("qid"), "results": results_json(result)}, ensure_ascii=False))
        return
    chosen = Filters.from_mapping({name: list(v) for name, v in filters.items() if v})
    result = obj.kb.search(query, chosen, k)
    if fmt == "json":
        click.echo(json.dumps({"query": query, "total": result.total, "results": results_json(result)},
                              ensure_ascii=False))
        return
    click.echo(f"{result.total} passende records voor {query!r}")
    for hit in result.hits:
        click.echo(f"{hit.rank:>3}. {hit.score:.3f}  {describe(hit.record)}")


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


def results_json(result: SearchResult) -> list[dict]:
    return [{"rank": h.rank, "score": h.score, **h.record.to_dict(), "why": h.why} for h in result.hits]


def describe(record: Record) -> str:
    place = ", ".join(record.municipalities) or record.region or "-"
    return (f"{record.title} [{record.kind}] ({place}) — {record.id}\n"
            f"       thema's: {', '.join(record.themes) or '-'}; doelgroepen: {', '.join(record.target_groups) or '-'}")


if __name__ == "__main__":
    main()
