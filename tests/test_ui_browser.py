"""Real clicks in a real browser: the Streamlit app in Debian's Chromium, offline, in Vietnamese.

The app's drawing and click → state logic are covered without a browser (tests/test_ui.py); this checks what
only a browser can: ``/find`` opens Find (not "Page not found"), ticking a result's row opens its card, the
graphviz chart renders offline and a node's link (DOT ``URL="?sel=<uid>"``) reloads the page with its card,
and the English switch. It takes a screenshot of each page it walks;
``LINEAGE_SCREENSHOTS=docs python3 -m pytest tests/test_ui_browser.py`` refreshes the README's.
"""
import os
import re
import subprocess
import sys

import pytest

from browser import REPO, VIEWPORT, chromium_page, serve_ui

CORPUS = REPO / "tests" / "data" / "corpus"
GRAPH = '[data-testid="stGraphVizChart"]'
TABLE = '[data-testid="stDataFrame"]'
RERUN_MS = 60_000  # a Streamlit rerun on a cold store (queries, graphviz layout) takes seconds on 2 cores
ROW_PX = 35        # st.dataframe's header and row height; the row's tick box sits 16 px from the table's left


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    store = tmp / "store"
    subprocess.run([sys.executable, "-m", "lineage", "ingest", str(CORPUS), "--store", str(store)],
                   cwd=REPO, check=True, capture_output=True)
    with serve_ui(store) as base, chromium_page(tmp) as page:
        yield base, page


def shoot(page, name: str, tmp_path) -> None:
    """A picture of the whole main pane (Streamlit scrolls inside it: the viewport grows to its height)."""
    height = page.locator('[data-testid="stMain"]').evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": VIEWPORT["width"], "height": min(max(VIEWPORT["height"], height), 4000)})
    page.wait_for_timeout(500)  # charts redraw at the new size
    folder = REPO / os.environ["LINEAGE_SCREENSHOTS"] if os.environ.get("LINEAGE_SCREENSHOTS") else tmp_path
    folder.mkdir(exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))
    assert (folder / f"{name}.png").stat().st_size > 20_000  # a page, not a blank
    page.set_viewport_size(VIEWPORT)


def test_find_124_and_tick_a_row_for_its_card(app, tmp_path):
    from playwright.sync_api import expect

    base, page = app
    page.goto(f"{base}/find")
    expect(page.get_by_role("heading", name="Tìm văn bản")).to_be_visible(timeout=RERUN_MS)
    box = page.get_by_role("textbox", name="Số hiệu, trích yếu hoặc cơ quan ban hành")
    box.fill("124")
    box.press("Enter")
    expect(page.get_by_text("3 văn bản lưu trong kho, 0 văn bản chỉ được trích dẫn")).to_be_visible(timeout=RERUN_MS)
    shoot(page, "find", tmp_path)
    table = page.locator(TABLE).first.bounding_box()
    page.mouse.click(table["x"] + 16, table["y"] + ROW_PX + ROW_PX + ROW_PX / 2)  # the second row: Kon Tum's letter
    page.wait_for_url(re.compile(r"/card\?uid="), timeout=RERUN_MS)
    expect(page.get_by_role("heading", name="Công văn (không số) — UBND tỉnh Kon Tum")).to_be_visible(timeout=RERUN_MS)
    expect(page.get_by_text("Mỗi liên kết được đọc từ câu nào")).to_be_visible()
    shoot(page, "card", tmp_path)


KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
CYTOSCAPE = 'iframe[title="st_link_analysis.component.component.st_link_analysis"]'
# Where a node is drawn, in the component frame's pixels (Cytoscape draws on a canvas: no element to click).
NODE_AT_JS = """uid => { const box = document.getElementById('cy'); const cy = box && box._cyreg && box._cyreg.cy;
  const node = cy && cy.getElementById(uid); if (!node || node.empty()) return null;
  const p = node.renderedPosition(), r = box.getBoundingClientRect(); return {x: p.x + r.left, y: p.y + r.top}; }"""


def test_click_a_document_in_the_interactive_graph_for_its_card(app, tmp_path):
    from playwright.sync_api import expect

    base, page = app
    page.goto(f"{base}/propagation?directive=124/NQ-CP")
    expect(page.get_by_text("Chú giải")).to_be_visible(timeout=RERUN_MS)
    frame_element = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS)
    frame = frame_element.content_frame()
    frame.wait_for_function(f"() => ({NODE_AT_JS})('{KON_TUM}') !== null", timeout=RERUN_MS)
    page.wait_for_timeout(500)  # the view fitted
    shoot(page, "propagation-interactive", tmp_path)
    at = frame.evaluate(f"({NODE_AT_JS})('{KON_TUM}')")
    where = frame_element.bounding_box()
    page.mouse.click(where["x"] + at["x"], where["y"] + at["y"])
    expect(page.get_by_role("heading", name="Văn bản", exact=True)).to_be_visible(timeout=RERUN_MS)
    card = page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]')
    expect(card.filter(has_text="Sở Xây dựng tỉnh Kon Tum").first).to_be_attached(timeout=RERUN_MS)
    expect(page.get_by_role("button", name="Tải sơ đồ (GraphML)")).to_be_visible()

    # The view exported as pictures, made on the server when the button is pressed.
    for label, start in (("Tải hình (PNG)", b"\x89PNG"), ("Tải hình (SVG)", b"<?xml")):
        with page.expect_download(timeout=RERUN_MS) as download:
            page.get_by_role("button", name=label).click()
        body = open(download.value.path(), "rb").read()
        assert body.startswith(start) and len(body) > 1_000, (label, body[:40])
        assert download.value.suggested_filename.startswith("124-NQ-CP.")
    assert b"Kon Tum" in body  # the SVG names the documents drawn

    # With the agencies given tasks drawn, a click on one opens its page.
    page.get_by_text("Hiện các cơ quan được giao nhiệm vụ", exact=True).click()
    leaf = f"{KON_TUM}|Sở Xây dựng tỉnh Kon Tum"
    frame = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS).content_frame()
    frame.wait_for_function(f"() => ({NODE_AT_JS})({leaf!r}) !== null", timeout=RERUN_MS)
    page.wait_for_timeout(500)  # the view fitted
    frame_element = page.wait_for_selector(CYTOSCAPE, timeout=RERUN_MS)
    at = frame.evaluate(f"({NODE_AT_JS})({leaf!r})")
    where = frame_element.bounding_box()
    page.mouse.click(where["x"] + at["x"], where["y"] + at["y"])
    expect(page.get_by_role("textbox", name="Tên cơ quan")).to_have_value("Sở Xây dựng tỉnh Kon Tum",
                                                                          timeout=RERUN_MS)
    expect(page).to_have_url(re.compile(r"/agency\?agency="))


def test_pick_124_and_click_a_node_for_its_card(app, tmp_path):
    from playwright.sync_api import expect

    base, page = app
    page.goto(f"{base}/propagation")
    page.get_by_text("Hình tĩnh", exact=True).click()
    directive = page.get_by_role("textbox", name="Văn bản chỉ đạo (số hiệu hoặc mã)")
    directive.fill("124/NQ-CP")
    directive.press("Enter")

    nodes = page.locator(f"{GRAPH} svg g.node")  # a node's text joins its label's lines with spaces
    expect(nodes.filter(has_text="Hải Phòng").first).to_be_visible(timeout=RERUN_MS)
    expect(page.locator(f"{GRAPH} svg g.edge", has_text="chủ trì").first).to_be_attached()  # roles in words
    # The Kon Tum letter, not the Kon Tum agencies it assigned tasks to: documents link to ?sel=, agencies to
    # their page.
    kon_tum = nodes.filter(has_text="Kon Tum").filter(has=page.locator('a[*|href^="?sel="]')).first
    expect(kon_tum).to_be_visible()
    href = kon_tum.locator("a").first.get_attribute("href")
    assert href and re.match(r"\?(.*&)?sel=", href), f"the Kon Tum node links to {href!r}, not ?sel=<uid>"
    directive.blur()
    shoot(page, "propagation-static", tmp_path)

    # A line of the node's label, not the centre of its <a>: an unfilled shape is not clickable
    # inside, and the centre of a two-line label falls between the lines, on the graph's backdrop.
    kon_tum.locator("text").first.click()
    page.wait_for_url(re.compile(r"/propagation\?(.*&)?sel="), timeout=RERUN_MS)
    expect(page.get_by_role("heading", name="Văn bản", exact=True)).to_be_visible(timeout=RERUN_MS)
    # Outside the chart, which draws the agencies too; textContent, so rows of st.dataframe count.
    card = page.locator('[data-testid="stMain"] [data-testid="stElementContainer"]').filter(has_not=page.locator(GRAPH))
    expect(card.filter(has_text="Sở Xây dựng tỉnh Kon Tum").first).to_be_attached(timeout=RERUN_MS)
    expect(card.filter(has_text="V/v triển khai Nghị quyết số 124/NQ-CP").first).to_be_attached()

    # An agency given a task opens its page.
    department = nodes.filter(has=page.locator('a[*|href^="agency?"]')).filter(has_text="Sở Xây dựng").first
    department.locator("text").first.click()
    page.wait_for_url(re.compile(r"/agency\?agency="), timeout=RERUN_MS)
    expect(page.get_by_role("textbox", name="Tên cơ quan")).to_have_value("Sở Xây dựng tỉnh Kon Tum",
                                                                          timeout=RERUN_MS)
    expect(page.get_by_text("chủ trì").first).to_be_attached(timeout=RERUN_MS)


def test_the_other_pages_in_vietnamese_then_english(app, tmp_path):
    from playwright.sync_api import expect

    base, page = app
    for path, heading, seen in (
        ("coverage", "Độ phủ và độ trễ", "2 trên 79 tỉnh, thành phố và bộ, ngành"),
        ("targets", "Chỉ tiêu các cấp", "Cơ quan ban hành"),
        ("agency", "Cơ quan", "được kế thừa bởi"),
    ):
        page.goto(f"{base}/{path}")
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible(timeout=RERUN_MS)
        expect(page.get_by_text(seen).first).to_be_visible(timeout=RERUN_MS)
        shoot(page, path, tmp_path)
    name = page.get_by_role("textbox", name="Tên cơ quan")
    name.fill("so xay dung tinh kon tum")
    name.press("Enter")
    expect(page.get_by_text("Hiểu là: Sở Xây dựng tỉnh Kon Tum")).to_be_visible(timeout=RERUN_MS)
    expect(name).to_have_value("so xay dung tinh kon tum")
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Agency", exact=True)).to_be_visible(timeout=RERUN_MS)
    expect(page.get_by_text("Read as: Sở Xây dựng tỉnh Kon Tum")).to_be_visible(timeout=RERUN_MS)

