"""Every page of the Streamlit app, run by ``AppTest`` on a store built from the sample corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.tree import DocNode, propagation_dot, within

APP = Path(__file__).resolve().parents[1] / "ui" / "app.py"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"


@pytest.fixture(scope="module")
def store(data_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui") / "store"
    done = subprocess.run([sys.executable, "-m", "lineage", "ingest", str(data_dir / "corpus"), "--store", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def page(store, monkeypatch):
    monkeypatch.setenv("LINEAGE_STORE", str(store))
    monkeypatch.delenv("NEO4J_URI", raising=False)

    def open_page(name: str, **query) -> AppTest:
        at = AppTest.from_string(f"from ui import pages\npages.{name}()", default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, at.exception
        return at
    return open_page


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [t.value for t in at.text]  # document text, shown as text
    parts += [s.value for s in at.subheader] + [g.proto.spec for g in at.get("graphviz_chart")]
    return "\n".join(parts)


def test_the_app_opens_on_find(store, monkeypatch):
    monkeypatch.setenv("LINEAGE_STORE", str(store))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception and at.title[0].value == "Find a document"


def test_find_by_code(page):
    at = page("find_page")
    at.text_input[0].input("124/NQ-CP")
    at.button[0].click().run()
    table = at.dataframe[0].value
    assert set(table["document"]) == {"vn/nq-cp/2025/124", KON_TUM}


def test_propagation_of_124_shows_both_letters_and_their_departments(page):
    at = page("propagation_page")
    assert at.text_input[0].value == "124/NQ-CP"
    dot = at.get("graphviz_chart")[0].proto.spec.replace("\\n", " ")  # labels are wrapped with \n
    assert f'"{KON_TUM}"' in dot and f'"{HAI_PHONG}"' in dot
    assert "Công văn (không số) — UBND tỉnh Kon Tum" in dot
    assert "Sở Xây dựng tỉnh Kon Tum" in dot            # "Giao Sở Xây dựng chủ trì … trước ngày 25 tháng 7"
    assert "Các sở, ban, ngành thành phố Hải Phòng" in dot  # Hải Phòng's addressees, role all
    assert "Document card" not in text_of(at)


def test_clicking_a_node_opens_its_card(page):
    at = page("propagation_page", sel=KON_TUM)
    text = text_of(at)
    assert "Document card" in text and "Công văn (không số) — UBND tỉnh Kon Tum" in text
    assert "V/v triển khai Nghị quyết số" in text          # the sentence behind the IMPLEMENTS edge
    tasks = at.dataframe[1].value  # after the card's fields
    assert ("Sở Xây dựng tỉnh Kon Tum", "lead", "2025-07-25") in set(zip(tasks["agency"], tasks["role"], tasks["deadline"]))
    targets = at.dataframe[2].value
    assert 10.0 in set(targets["value"])                   # "tăng trưởng GRDP … đạt 10% trở lên"
    outline = [c.value for c in at.code]                   # the letter's parts as printed
    assert any("10. Rà soát, tổng hợp" in c for c in outline)
    assert any(p.split(" › ")[-1].startswith("10. Rà soát") for p in tasks["path"] if p)  # the item above the task


def test_depth_and_collapse(page):
    at = page("propagation_page")
    at.text_input[0].set_value("138/NQ-CP").run()
    assert "140/KH-UBND" in at.get("graphviz_chart")[0].proto.spec
    at.multiselect[0].set_value([at.multiselect[0].options[0]]).run()
    assert "140/KH-UBND" in at.get("graphviz_chart")[0].proto.spec  # collapsing a leaf hides nothing above it


def test_coverage_page(page):
    at = page("coverage_page")
    assert at.metric[0].value == "2 of 79 provinces and ministries"  # 63 provinces and 16 ministries on 8 May 2025
    relayed = at.dataframe[0].value
    assert set(relayed["unit"]) == {"tỉnh Kon Tum", "thành phố Hải Phòng"}


def test_targets_page(page):
    at = page("targets_page")
    table = at.dataframe[0].value
    assert {8.0, 12.5, 10.0} <= set(table["value"])        # national 8%, Hải Phòng 12.5%, Kon Tum 10%


def test_agency_page_shows_succession(page):
    at = page("agency_page")
    text = text_of(at)
    assert "succeeded by" in text and "Ủy ban nhân dân tỉnh Quảng Ngãi (2025-07-01)" in text
    assert KON_TUM in set(at.dataframe[0].value["other"])


def test_console_runs_a_named_query_and_refuses_a_write(page):
    at = page("console_page")
    at.button[0].click().run()  # propagation with its default directive typed in
    assert not at.exception
    at.text_input(key="propagation.directive").input("124/NQ-CP")
    at.button[0].click().run()
    assert len(at.dataframe[0].value) > 0
    at.text_area[0].input('INSERT DATA { <urn:a> <urn:b> "c" }')
    at.button[1].click().run()
    assert any("refused" in e.value for e in at.error)


def test_console_says_when_the_row_limit_cut_the_answer(page):
    at = page("console_page")
    at.text_area[0].input("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")  # every triple of the store: over 6,000
    at.button[1].click().run()
    assert len(at.dataframe[0].value) == 1000
    assert any("first 1000 rows" in w.value for w in at.warning)
    at.text_area[0].input("SELECT ?d WHERE { ?d eli:id_local '124/NQ-CP' }")
    at.button[1].click().run()
    assert len(at.dataframe[0].value) == 1 and not at.warning


def test_dot_escapes_quotes_and_links_every_document():
    root = DocNode('vn/x', '1/QĐ-TTg', "Quyết định", 'Bộ "Y"')
    child = DocNode("vn/y", None, "Công văn", "Ủy ban nhân dân tỉnh Kon Tum")
    dot = propagation_dot(root, [(child, root)], selected="vn/y", assignments={"vn/y": [("Sở Y tế tỉnh Kon Tum", "lead")]})
    assert 'Bộ \\"Y\\"' in dot and 'URL="?sel=vn%2Fy"' in dot and 'penwidth="3"' in dot
    assert '"vn/x" -> "vn/y";' in dot and "Sở Y tế tỉnh Kon Tum" in dot


def test_within_keeps_k_hops_and_stops_below_collapsed():
    a, b, c = DocNode("a", None, None, None), DocNode("b", None, None, None), DocNode("c", None, None, None)
    edges = [(b, a), (c, b)]  # c implements b implements a
    assert within(edges, "a", 1) == [(b, a)]
    assert within(edges, "a", 5) == [(b, a), (c, b)]
    assert within(edges, "a", 5, collapsed={"b"}) == [(b, a)]
