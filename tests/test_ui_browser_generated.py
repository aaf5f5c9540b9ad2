"""The browser walk of tests/test_ui_browser.py on a store of generated documents (bench/generate.py), in
Vietnamese: Find → card, the propagation of the most implemented resolution → a document's card and an agency's
page, the picture exported, coverage and targets; each number checked against the query that gives it.

``LINEAGE_BROWSER_STORE=/path/to/store`` walks a store already ingested (the README's pictures come from one of
10,000 documents, made in 5 minutes on this machine: ``python3 -m bench.generate 10000 OUT`` then ``lineage
ingest OUT/docs --store STORE``); without it a store of ``LINEAGE_BROWSER_DOCUMENTS`` documents (default 300) is
made for the run, so that the suite stays within minutes on two shared cores.
"""
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from browser import REPO, chromium_page, serve_ui
from graph.rdf_store import OxigraphStore
from queries import coverage, run
from queries.search import search
from test_ui_browser import CYTOSCAPE, NODE_AT_JS, RERUN_MS, ROW_PX, TABLE, shoot

GENERATED = int(os.environ.get("LINEAGE_BROWSER_DOCUMENTS", "300"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("generated")
    if os.environ.get("LINEAGE_BROWSER_STORE"):
        store = Path(os.environ["LINEAGE_BROWSER_STORE"])
    else:
        subprocess.run([sys.executable, "-m", "bench.generate", str(GENERATED), str(tmp / "corpus")], cwd=REPO,
                       check=True, capture_output=True)
        store = tmp / "store"
        subprocess.run([sys.executable, "-m", "lineage", "ingest", str(tmp / "corpus" / "docs"), "--store",
                        str(store)], cwd=REPO, check=True, capture_output=True)
    with serve_ui(store) as base, chromium_page(tmp) as page:
        yield base, page, OxigraphStore(store / "rdf", read_only=True)


def test_walk_a_generated_store(generated, tmp_path):
    """Find → card, the propagation of the most implemented resolution (its count as the tree query gives it)
    → a document's card and an agency's page, its picture exported, coverage as queries.coverage counts it."""
    from playwright.sync_api import expect

    base, page, store = generated
    top = run("most_implemented", store, limit=1)[0]
    # Find by the resolution's code: the caption counts what search() finds; its row opens its card.
    hits = search(store, top.code)
    held = sum(1 for h in hits if not h.stub)
    page.goto(f"{base}/find?q={quote(top.code)}")
    expect(page.get_by_text(f"{held} văn bản lưu trong kho, {len(hits) - held} văn bản chỉ được trích dẫn")
           ).to_be_visible(timeout=RERUN_MS)
    shoot(page, "find-generated", tmp_path)
    assert hits[0].document == top.document
    table = page.locator(TABLE).first.bounding_box()
    page.mouse.click(table["x"] + 16, table["y"] + ROW_PX + ROW_PX / 2)  # the first row: the resolution
    page.wait_for_url(re.compile(r"/card\?uid="), timeout=RERUN_MS)
    expect(page.get_by_text(top.code).first).to_be_visible(timeout=RERUN_MS)
    shoot(page, "card-generated", tmp_path)

    # Its propagation: as many documents as the tree query gives, a click on one opens its card.
    tree = run("tree", store, directive=top.document)
    page.goto(f"{base}/propagation?directive={quote(top.document)}")
    expect(page.get_by_text(f"{len({r.source for r in tree})} văn bản triển khai")).to_be_visible(timeout=RERUN_MS)
    first = sorted(r.source for r in tree if r.target == top.document)[0]
    frame = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS).content_frame()
    frame.wait_for_function(f"() => ({NODE_AT_JS})({first!r}) !== null", timeout=RERUN_MS)
    page.wait_for_timeout(500)  # the view fitted
    shoot(page, "propagation-generated", tmp_path)
    _click_node(page, first)
    expect(page.get_by_role("heading", name="Văn bản", exact=True)).to_be_visible(timeout=RERUN_MS)
    with page.expect_download(timeout=RERUN_MS) as download:
        page.get_by_role("button", name="Tải hình (PNG)").click()
    assert open(download.value.path(), "rb").read(4) == b"\x89PNG"

    # An agency given a task by the first letter: its leaf opens its page.
    agency = next(r.agency for r in run("propagation", store, directive=top.document)
                  if r.document == first and r.agency)
    page.get_by_text("Hiện các cơ quan được giao nhiệm vụ", exact=True).click()
    frame = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS).content_frame()
    frame.wait_for_function(f"() => ({NODE_AT_JS})({first + '|' + agency!r}) !== null", timeout=RERUN_MS)
    page.wait_for_timeout(500)
    _click_node(page, f"{first}|{agency}")
    expect(page.get_by_role("textbox", name="Tên cơ quan")).to_have_value(agency, timeout=RERUN_MS)
    shoot(page, "agency-generated", tmp_path)

    # Coverage: the count queries.coverage gives, the map of the provinces of the resolution's date.
    rows = coverage(store, top.document)
    page.goto(f"{base}/coverage?directive={quote(top.document)}")
    expect(page.get_by_text(f"{sum(r.relayed for r in rows)} trên {len(rows)} tỉnh, thành phố và bộ, ngành")
           ).to_be_visible(timeout=RERUN_MS)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible(timeout=RERUN_MS)
    shoot(page, "coverage-generated", tmp_path)
    page.goto(f"{base}/targets?directive={quote(top.document)}")
    expect(page.get_by_role("heading", name="Chỉ tiêu các cấp", exact=True)).to_be_visible(timeout=RERUN_MS)
    shoot(page, "targets-generated", tmp_path)


def _click_node(page, uid: str) -> None:
    """Click the node ``uid`` where Cytoscape drew it (inside the component's frame), once the view has settled
    (a node of a large graph is a few pixels wide: a view still fitting moves it away). The graph is scrolled into
    the viewport first: a click below the viewport's edge reaches nothing."""
    frame_element = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS)
    frame_element.scroll_into_view_if_needed()
    at, before = None, {}
    while at != before:
        before = at
        page.wait_for_timeout(400)
        at = frame_element.content_frame().evaluate(f"({NODE_AT_JS})({uid!r})")
    where = frame_element.bounding_box()
    page.mouse.click(where["x"] + at["x"], where["y"] + at["y"])
