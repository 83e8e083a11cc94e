"""Records in and out: ingest, records, show, search, similar, inspect."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cli.base import Context, describe, fail, filter_options, main, results_json, with_status
from ingest.run import ingest_paths
from kb.errors import BadInput, KBError
from kb.search import ORDERS, Filters, SearchRequest, check_query


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--url", default=None, help="address of the original programme page (with one file)")
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...], url: str | None) -> None:
    """Split programme texts (files or folders) into records, store and index them."""
    missing = [p for p in paths if not Path(p).exists()]
    for p in missing:
        click.echo(f"kb: error: {p}: no such file or folder", err=True)
    try:
        report = ingest_paths(obj.kb, [p for p in paths if p not in missing], url=url)
    except BadInput as exc:
        fail(str(exc))
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
@click.argument("query", required=False, default="")
@click.option("--k", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="JSONL file of queries")
@click.option("--order", type=click.Choice(ORDERS), default="relevance", show_default=True,
              help="relevance, newest event first (date) or most recently added first (added)")
@filter_options
@click.pass_obj
def search(obj: Context, query: str, k: int, fmt: str, batch: str | None, order: str,
           **filters: tuple[str, ...]) -> None:
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
                result = obj.kb.search(request.query, with_status(request.filters), request.k, order=order)
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
    chosen = with_status(Filters.from_mapping({name: list(v) for name, v in filters.items() if v}))
    result = obj.kb.search(query, chosen, k, order=order)
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


@main.command("inspect")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--tagger", "use_tagger", is_flag=True, help="Let the learned block tagger decide (experimental).")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text")
def inspect_cmd(path: str, use_tagger: bool, fmt: str) -> None:
    """Show how a text is split: every block, the decision on it and why, then the records."""
    from ingest.readers import read_document
    from ingest.segment import inspect

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
