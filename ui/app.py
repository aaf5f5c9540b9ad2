"""directive-lineage in the browser: ``lineage ui`` (or ``streamlit run ui/app.py``).

The store comes from the environment: ``NEO4J_URI`` (with ``NEO4J_USER``/``NEO4J_PASSWORD``) for Neo4j,
else the embedded store folder ``LINEAGE_STORE`` (default ``lineage-data``), opened read-only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

if __package__ in (None, ""):  # run as a script by `streamlit run ui/app.py`: import the package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui import pages  # noqa: E402

st.set_page_config(page_title="directive-lineage", layout="wide")
pages.PAGES.update({
    "find": st.Page(pages.find_page, title="Find", url_path="find", default=True),
    "propagation": st.Page(pages.propagation_page, title="Propagation", url_path="propagation"),
    "coverage": st.Page(pages.coverage_page, title="Coverage and lag", url_path="coverage"),
    "targets": st.Page(pages.targets_page, title="Targets across levels", url_path="targets"),
    "agency": st.Page(pages.agency_page, title="Agency", url_path="agency"),
    "console": st.Page(pages.console_page, title="Query console", url_path="console"),
})
st.navigation(list(pages.PAGES.values())).run()
