"""Curator page: records with missing or low-confidence fields (the same list as `kb audit`).

Each finding opens in the editor with one click; the filter works on the problems' codes.
"""
from __future__ import annotations

import streamlit as st

from kb import KBError
from kb.audit import PROBLEM_LABELS
from web import ui
from web.state import open_kb, require_role
from web.widgets import follow_to_editor, open_in_editor

ALL = "alle problemen"


def main() -> None:
    require_role("curator")
    follow_to_editor()
    st.title("Controle van de records")
    st.caption("Records met ontbrekende of onzekere velden, om na te kijken en te verbeteren.")
    try:
        kb = open_kb()
        findings = kb.audit()
        total = kb.count()
    except KBError as exc:
        st.error(ui.md(ui.error_text(exc)))
        st.stop()
    st.markdown(f"**{len(findings)} van {ui.count_label(total, 'record', 'records')}** vragen aandacht.")
    present = [code for code in PROBLEM_LABELS if any(code in f.codes for f in findings)]
    problem = st.selectbox("Toon alleen", [ALL, *present], format_func=lambda c: PROBLEM_LABELS.get(c, c))
    for finding in findings:
        if problem != ALL and problem not in finding.codes:
            continue
        with st.container(border=True):
            st.markdown(f"**{ui.md(finding.title)}**  \n{ui.md(finding.source)} · `{finding.record_id}`")
            st.markdown("\n".join(f"- {ui.md(p)}" for p in finding.problems))
            st.button("Bewerken", key=f"edit-{finding.record_id}", on_click=open_in_editor,
                      args=(finding.record_id,))


main()
