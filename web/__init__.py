"""The Streamlit app's own code: pages (`web/views/`), session state, widgets and HTML.

`app.py` sets up the pages; everything here talks to the library (`kb`) and, for
uploads, to `ingest.run`. `kb` never imports this package or Streamlit.
"""
