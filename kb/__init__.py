"""Praktijkenbank: programme texts → practice records → SQLite + FAISS → search.

Texts become records in the layer above (`ingest.run.ingest_paths(kb, paths)`);
`kb` itself never imports `ingest`, the web app or the command line.

Public API::

    from kb import KnowledgeBase, Filters
    kb = KnowledgeBase.open("~/praktijkenbank")
    result = kb.search("dak- en thuisloosheid regionaal", {"province": ["Antwerpen"]}, k=10)
"""
from kb.errors import (
    AuthError,
    BadInput,
    Forbidden,
    IndexMismatch,
    InvalidQuery,
    InvalidRecord,
    KBError,
    NotFound,
    VersionConflict,
)
from kb.knowledge import KnowledgeBase
from kb.record import Record
from kb.search import Filters, Hit, SearchResult, snippet
from kb.settings import Settings

__all__ = ["KnowledgeBase", "Record", "Filters", "Hit", "SearchResult", "Settings", "snippet",
           "KBError", "BadInput", "IndexMismatch", "InvalidQuery", "InvalidRecord", "NotFound",
           "VersionConflict", "AuthError", "Forbidden"]
