"""The store: one SQLite file, the source of truth (the FAISS index can always be rebuilt from it).

`Store` (kb/store/core.py) holds records, source texts and the change log, and reaches the SQL of
accounts (kb/store/accounts.py) and workshops (kb/store/workshops.py); the schema and its
migrations are in kb/store/schema.py. No other module writes SQL against this file.
"""
from kb.store.core import Change, Store
from kb.store.schema import MIGRATIONS, SCHEMA_VERSION, now

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Change", "Store", "now"]
