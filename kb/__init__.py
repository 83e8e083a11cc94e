"""Praktijkenbank: programme texts → practice records → SQLite + FAISS → search.

Public API::

    from kb import KnowledgeBase, Filters
    kb = KnowledgeBase.open("~/praktijkenbank")
    kb.ingest(["corpus/"])
    result = kb.search("dak- en thuisloosheid regionaal", {"province": ["Antwerpen"]}, k=10)
"""
from kb.errors import (AuthError, BadInput, Forbidden, IndexMismatch, InvalidQuery, InvalidRecord, KBError,
                       NotFound, VersionConflict)
from kb.knowledge import IngestReport, KnowledgeBase
from kb.record import Record
from kb.search import Filters, Hit, SearchResult, snippet
from kb.settings import Settings

__all__ = ["KnowledgeBase", "IngestReport", "Record", "Filters", "Hit", "SearchResult", "Settings", "snippet",
           "KBError", "BadInput", "IndexMismatch", "InvalidQuery", "InvalidRecord", "NotFound",
           "VersionConflict", "AuthError", "Forbidden"]
