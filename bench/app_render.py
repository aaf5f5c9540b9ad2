"""The app's lineage view at scale, timed in a real browser: from choosing a directive to the drawn view, with
N documents implementing it (default 500), in the interactive graph (Cytoscape) and the static picture (Graphviz).

    python -m bench.app_render [--n 500] [--rounds 3]

Writes N short provincial letters implementing Nghị quyết 124/NQ-CP (from the sample corpus) in the corpus's
forms, ingests them with the resolution into a temporary store, serves the app on 127.0.0.1 and drives Debian's
Chromium (tests/browser.py). A round types the directive into the propagation page and stops the clock when the
view holds every document: the Cytoscape instance inside the component's frame has them all laid out, or the
Graphviz SVG has a node for each. Prints the median and each round, by a clock kept in the page (Enter's event
time to the frame painted after) and by the driver's (Playwright polling from outside, as first measured).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph.vocabulary import vocabulary

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
RESOLUTION = REPO / "tests" / "data" / "corpus" / "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt"
LETTER = """ỦY BAN NHÂN DÂN
{unit_upper} {name_upper}

Số: {number}/UBND-KT
V/v triển khai Nghị quyết số 124/NQ-CP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{name}, ngày {day} tháng 5 năm 2025

Kính gửi: Các sở, ban, ngành thuộc {unit}.

Thực hiện Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025 của Chính phủ về Phiên họp Chính phủ thường kỳ
tháng 4 năm 2025, Ủy ban nhân dân {unit} yêu cầu:

Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai thực hiện, báo cáo Ủy ban nhân
dân {unit} trước ngày 30 tháng 6 năm 2025.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""
FRAME = 'iframe[title="st_link_analysis.component.component.st_link_analysis"]'
# How many nodes the Cytoscape view has laid out (0 until the component has drawn).
CYTOSCAPE_NODES_JS = "() => { const c = document.getElementById('cy'); const cy = c && c._cyreg && c._cyreg.cy; " \
                     "return cy ? cy.nodes().length : 0; }"
TIMEOUT_MS = 120_000
# The clock kept in the page: from the Enter key (the event's time) to the first frame painted after the Cytoscape
# instance holds N documents (looked for on every animation frame, in every frame of the page), so that the
# driver's round trips (Playwright polling from outside, 0.3–0.7 s on this shared machine) are not counted.
IN_PAGE_CLOCK_JS = """n => { window.__drawn = null; let start = null;
  document.addEventListener('keydown', e => { if (e.key === 'Enter' && start === null) start = e.timeStamp; }, true);
  const look = () => { for (const f of document.querySelectorAll('iframe')) { try {
      const c = f.contentDocument.getElementById('cy'), cy = c && c._cyreg && c._cyreg.cy;
      if (cy && cy.nodes().length > n && start !== null) {
        requestAnimationFrame(() => { window.__drawn = (performance.now() - start) / 1000; }); return; } } catch (e) {} }
    requestAnimationFrame(look); };
  look(); }"""


def write_letters(n: int, folder: Path) -> Path:
    """``n`` letters implementing 124/NQ-CP, spread over the provinces of May 2025, and the resolution."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / RESOLUTION.name).write_text(RESOLUTION.read_text(encoding="utf-8"), encoding="utf-8")
    provinces = vocabulary().provinces_on("2025-05-20")
    for i in range(n):
        p = provinces[i % len(provinces)]
        unit = p.full_name.removesuffix(p.name).strip()
        text = LETTER.format(unit=unit, unit_upper=unit.upper(), name=p.name, name_upper=p.name.upper(),
                             number=100 + i, day=10 + i % 18)
        (docs / f"letter-{i:04d}.txt").write_text(text, encoding="utf-8")
    return docs


def _round(page, base: str, view: str, n: int) -> tuple[float, float | None]:
    from playwright.sync_api import expect

    page.goto(f"{base}/propagation?directive=0/none")
    expect(page.get_by_text("Kho không có văn bản 0/none")).to_be_visible(timeout=TIMEOUT_MS)
    if view == "static":
        page.get_by_text("Hình tĩnh", exact=True).click()
        page.wait_for_timeout(1000)
    box = page.get_by_role("textbox", name="Văn bản chỉ đạo (số hiệu hoặc mã)")
    box.fill("124/NQ-CP")
    if view != "static":
        page.evaluate(IN_PAGE_CLOCK_JS, n)
    start = time.perf_counter()
    box.press("Enter")
    if view == "static":
        page.wait_for_function(f"() => document.querySelectorAll('[data-testid=\"stGraphVizChart\"] svg g.node')"
                               f".length > {n}", timeout=TIMEOUT_MS, polling="raf")
    else:
        frame = page.wait_for_selector(FRAME, timeout=TIMEOUT_MS).content_frame()
        frame.wait_for_function(f"() => ({CYTOSCAPE_NODES_JS})() > {n}", timeout=TIMEOUT_MS, polling="raf")
        frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")  # painted
    outside = time.perf_counter() - start
    if view == "static":
        return outside, None
    page.wait_for_function("() => window.__drawn !== null", timeout=TIMEOUT_MS)
    return outside, page.evaluate("() => window.__drawn")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from browser import chromium_page, serve_ui

    with tempfile.TemporaryDirectory(prefix="app-render-") as tmp:
        work = Path(tmp)
        docs = write_letters(args.n, work)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lineage", "ingest", str(docs), "--store", str(work / "store")],
                       cwd=REPO, check=True, capture_output=True)
        print(f"{args.n} letters + the resolution ingested in {time.perf_counter() - t:.1f} s")
        with serve_ui(work / "store") as base, chromium_page(work) as page:
            for view in ("interactive", "static"):
                first = _round(page, base, view, args.n)  # warm: the store opened, the component's code loaded
                rounds = [_round(page, base, view, args.n) for _ in range(args.rounds)]
                for clock, times in (("in the page", [r[1] for r in rounds]), ("from the driver", [r[0] for r in rounds])):
                    if None not in times:
                        print(f"{view}, {clock}: median {statistics.median(times):.2f} s "
                              f"({', '.join(f'{x:.2f}' for x in times)}) from Enter to {args.n} documents drawn")
                print(f"{view}: the first view after the app started {first[0]:.2f} s (from the driver)")


if __name__ == "__main__":
    main()
