"""The `kb` command line, a module per command group; `python -m kb` runs `main`.

Each command calls one library function (`kb`) or, for texts, the ingest layer
(`ingest.run`): the command line is where the two meet.
"""
from cli import curation, maintenance, records, users, workshops  # noqa: F401 - registers the commands
from cli.base import main

__all__ = ["main"]
