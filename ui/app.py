"""directive-lineage in the browser: ``lineage ui`` (or ``streamlit run ui/app.py``).

The store comes from the environment: ``NEO4J_URI`` (with ``NEO4J_USER``/``NEO4J_PASSWORD``) for Neo4j,
else the embedded store folder ``LINEAGE_STORE`` (default ``lineage-data``), opened read-only.
In Vietnamese, with an English switch in the sidebar.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run as a script by `streamlit run ui/app.py`: import the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui import pages  # noqa: E402
from ui.labels import t  # noqa: E402

st.set_page_config(page_title=t("app_title"), layout="wide")
navigation = st.navigation(pages.register(), position="hidden")
pages.sidebar()
navigation.run()
