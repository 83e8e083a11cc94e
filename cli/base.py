"""The `kb` group, its context and what every command group shares (see ../shared/spec/cli-contract.md).

Library errors become a one-line message on stderr and a non-zero exit.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

import click

from kb.errors import KBError
from kb.fields import filter_fields
from kb.knowledge import KnowledgeBase
from kb.record import Record
from kb.search import Filters, SearchResult
from kb.settings import Settings

FILTER_OPTIONS = tuple((f.cli_option, f.param) for f in filter_fields())  # ("target-group", "doelgroep"), ...


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


# The command line is the operator's tool: it searches drafts too, never hidden records, unless --status says.
CLI_STATUSES = ["approved", "draft"]


def with_status(filters: Filters) -> Filters:
    if not filters.status:
        filters.status = list(CLI_STATUSES)
    return filters


def filter_options(func):  # noqa: ANN001, ANN202 - click decorator plumbing
    for name, dutch in reversed(FILTER_OPTIONS):
        func = click.option(f"--{name}", multiple=True, help=f"filter ({dutch}); repeatable")(func)
    return func


def cli_user(user: str | None) -> str:
    """Who acts, for the change log: the name given, else cli:<login>."""
    import getpass

    return user or f"cli:{getpass.getuser()}"


def results_json(result: SearchResult) -> list[dict]:
    return [{"rank": h.rank, "score": h.score, **h.record.to_dict(), "why": h.why, "match": h.match}
            for h in result.hits]


def describe(record: Record) -> str:
    place = ", ".join(record.municipalities) or record.region or "-"
    return (f"{record.title} [{record.kind}] ({place}) — {record.id}\n"
            f"       thema's: {', '.join(record.themes) or '-'}; doelgroepen: {', '.join(record.target_groups) or '-'}")
