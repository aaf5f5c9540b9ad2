"""One real click in a real browser: the propagation page of the Streamlit app in Debian's Chromium.

The app's drawing and click → state logic are covered without a browser; this test checks what only
a browser can: the graphviz chart renders offline, a node's link (DOT ``URL="?sel=<uid>"``) reloads
the page with ``?sel=`` and the document card follows. It takes a screenshot of the propagation view;
``LINEAGE_SCREENSHOT=docs/propagation.png python3 -m pytest tests/test_ui_browser.py`` refreshes the README's.
"""
import os
import re
import subprocess
import sys

from browser import REPO, VIEWPORT, chromium_page, serve_ui

CORPUS = REPO / "tests" / "data" / "corpus"
GRAPH = '[data-testid="stGraphVizChart"]'
RERUN_MS = 60_000  # a Streamlit rerun on a cold store (queries, graphviz layout) takes seconds on 2 cores


def test_pick_124_and_open_a_document_card(tmp_path):
    from playwright.sync_api import expect

    store = tmp_path / "store"
    subprocess.run(
        [sys.executable, "-m", "lineage", "ingest", str(CORPUS), "--store", str(store)],
        cwd=REPO, check=True, capture_output=True,
    )
    with serve_ui(store) as base, chromium_page(tmp_path) as page:
        page.goto(f"{base}/propagation")
        directive = page.get_by_label("Directive (code or uid)")
        directive.fill("124/NQ-CP")
        directive.press("Enter")

        nodes = page.locator(f"{GRAPH} svg g.node")  # a node's text joins its label's lines with spaces
        expect(nodes.filter(has_text="Hải Phòng").first).to_be_visible(timeout=RERUN_MS)
        # The Kon Tum letter, not the Kon Tum agencies it assigned tasks to: documents link, agencies don't.
        kon_tum = nodes.filter(has_text="Kon Tum").filter(has=page.locator("a")).first
        expect(kon_tum).to_be_visible()
        href = kon_tum.locator("a").first.get_attribute("href")
        assert href and re.match(r"\?(.*&)?sel=", href), f"the Kon Tum node links to {href!r}, not ?sel=<uid>"

        # Streamlit scrolls inside its main pane, so a full-page shot stops at the viewport: grow the
        # viewport to the pane's height for the picture, then restore it.
        directive.blur()
        height = page.locator('[data-testid="stMain"]').evaluate("e => e.scrollHeight")
        page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
        page.wait_for_timeout(500)  # the chart redraws at the new size
        shot = REPO / os.environ["LINEAGE_SCREENSHOT"] if os.environ.get("LINEAGE_SCREENSHOT") else tmp_path / "p.png"
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 20_000  # a picture of the tree, not a blank page
        page.set_viewport_size(VIEWPORT)

        # A line of the node's label, not the centre of its <a>: an unfilled shape is not clickable
        # inside, and the centre of a two-line label falls between the lines, on the graph's backdrop.
        kon_tum.locator("text").first.click()
        page.wait_for_url(re.compile(r"/propagation\?(.*&)?sel="), timeout=RERUN_MS)

        expect(page.get_by_role("heading", name="Document card")).to_be_visible(timeout=RERUN_MS)
        # Outside the chart, which draws the agencies too; textContent, so rows of st.dataframe count.
        card = page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]').filter(
            has_not=page.locator(GRAPH))
        expect(card.filter(has_text="Sở Xây dựng tỉnh Kon Tum").first).to_be_attached(timeout=RERUN_MS)
        expect(card.filter(has_text="V/v triển khai Nghị quyết số 124/NQ-CP").first).to_be_attached()
