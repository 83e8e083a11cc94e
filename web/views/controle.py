"""Curator page: records with missing or low-confidence fields (the same list as `kb audit`)."""
from __future__ import annotations

import streamlit as st

from kb import KBError
from web import ui
from web.state import open_kb, require_role


def main() -> None:
    require_role("curator")
    st.title("Controle van de records")
    st.caption("Records met ontbrekende of onzekere velden, om na te kijken en te verbeteren.")
    try:
        kb = open_kb()
        findings = kb.audit()
        total = kb.store.count()
    except KBError as exc:
        st.error(ui.md(str(exc)))
        st.stop()
    st.markdown(f"**{len(findings)} van {total} records** vragen aandacht.")
    problem = st.selectbox("Toon alleen", ["alle problemen"] + sorted({p.split(" (")[0].split(":")[0]
                                                                          for f in findings for p in f.problems}))
    for finding in findings:
        if problem != "alle problemen" and not any(p.startswith(problem) for p in finding.problems):
            continue
        with st.container(border=True):
            st.markdown(f"**{ui.md(finding.title)}**  \n{ui.md(finding.source)} · `{finding.record_id}`")
            st.markdown("\n".join(f"- {ui.md(p)}" for p in finding.problems))


main()
