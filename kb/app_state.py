"""The one knowledge base a Streamlit server shares across its pages (model and index load once)."""
from __future__ import annotations

import streamlit as st

from kb.knowledge import KnowledgeBase


@st.cache_resource(show_spinner="Zoekmodel en index laden…")
def open_kb() -> KnowledgeBase:
    """Open the knowledge base once per server: loading the model and index is the slow part."""
    kb = KnowledgeBase.open()
    kb.searcher()
    return kb
