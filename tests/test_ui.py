"""Every page of the Streamlit app, run by ``AppTest`` on a store built from the sample corpus: in Vietnamese
first (English on request), values in words and days as dd/mm/yyyy, search that forgives, a card per document."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from ui.tree import DocNode, propagation_dot, within

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "ui" / "app.py"
NQ_124 = "vn/nq-cp/2025/124"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"
KON_TUM_LABEL = "Công văn (không số) — UBND tỉnh Kon Tum"
DAY_RE = re.compile(r"^(\d{2}/)?(\d{2}/)?\d{4}$|^không có$")  # 25/07/2025, 07/2025, 2025 or nothing


@pytest.fixture(scope="module")
def store(data_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui") / "store"
    done = subprocess.run([sys.executable, "-m", "lineage", "ingest", str(data_dir / "corpus"), "--store", str(folder)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def page(store, monkeypatch):
    from ui import pages

    monkeypatch.setenv("LINEAGE_STORE", str(store))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    pages.source.clear()  # this module's store, not one another test opened

    def open_page(name: str, lang: str | None = None, **query) -> AppTest:
        at = AppTest.from_string(f"from ui import pages\npages.{name}()", default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        if lang:
            at.session_state["lang"] = lang
        at.run()
        assert not at.exception, at.exception
        return at
    return open_page


def text_of(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [t.value for t in at.text] + [t.value for t in at.title]
    parts += [s.value for s in at.subheader] + [g.proto.spec for g in at.get("graphviz_chart")]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(parts).replace("\\", "")  # Markdown escapes ("124/NQ\\-CP") read as printed


def cells(at: AppTest) -> list:
    return [v for d in at.dataframe for col in d.value.columns for v in d.value[col]]


def test_the_app_opens_on_find_in_vietnamese_and_switches_to_english(store, monkeypatch):
    from ui import pages

    monkeypatch.setenv("LINEAGE_STORE", str(store))
    pages.source.clear()
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception and at.title[0].value == "Tìm văn bản"
    assert at.sidebar.radio[0].value == "vi"
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Find a document"
    assert "Issuer" not in at.dataframe[0].value.columns and "Document" in at.dataframe[0].value.columns
    again = AppTest.from_file(str(APP), default_timeout=60)   # a page reloaded from a link with ?lang=en
    again.query_params["lang"] = "en"
    again.run()
    assert again.sidebar.radio[0].value == "en" and again.title[0].value == "Find a document"


def test_both_languages_have_every_label():
    labels = tomllib.loads((ROOT / "ui" / "labels.toml").read_text(encoding="utf-8"))

    def keys(node, prefix=""):
        return {k for key, value in node.items()
                for k in (keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}"})}
    assert keys(labels["vi"]) == keys(labels["en"])


# -- Find ---------------------------------------------------------------------------------------
def test_find_124_brings_the_letters_that_implement_it(page):
    at = page("find_page")
    at.text_input[0].input("124")
    at.button[0].click().run()
    table = at.dataframe[0].value
    rows = dict(zip(table["Văn bản"], table["Vì sao"]))
    assert rows["Nghị quyết 124/NQ-CP — Chính phủ"] == "khớp từ tìm"
    assert rows[KON_TUM_LABEL] == "thực hiện 124/NQ-CP"          # its subject names 124/NQ-CP, its code is blank
    assert rows["Công văn (không số) — VP UBND thành phố Hải Phòng"] == "thực hiện 124/NQ-CP"  # its subject does not
    assert set(table["Tình trạng"]) == {"lưu giữ"}
    assert all(DAY_RE.match(d) for d in table["Ngày ban hành"]) and "08/05/2025" in set(table["Ngày ban hành"])
    assert not any("vn/" in str(v) for v in cells(at))           # no internal ids


def test_find_without_diacritics_and_by_abbreviation(page):
    at = page("find_page")
    at.text_input[0].input("ubnd kon tum")
    at.button[0].click().run()
    assert KON_TUM_LABEL in set(at.dataframe[0].value["Văn bản"])
    at.text_input[0].input("TTg")                                  # the Prime Minister's: held and only cited
    at.button[0].click().run()
    status = list(at.dataframe[0].value["Tình trạng"])
    assert "được trích dẫn, không lưu giữ" in status and "lưu giữ" in status
    assert status.index("lưu giữ") < status.index("được trích dẫn, không lưu giữ")


def test_find_an_unknown_code_says_so(page):
    at = page("find_page")
    at.text_input[0].input("999/NQ-XYZ")
    at.button[0].click().run()
    assert not at.dataframe
    assert "Không tìm thấy văn bản nào cho “999/NQ-XYZ” trong kho." in text_of(at)


def test_a_clicked_row_is_the_document_opened():
    from ui.pages import chosen

    hits = [SimpleNamespace(document=NQ_124), SimpleNamespace(document=KON_TUM)]
    click = SimpleNamespace(selection=SimpleNamespace(rows=[1], columns=[]))  # what st.dataframe returns
    assert chosen(click, hits) == KON_TUM
    assert chosen(SimpleNamespace(selection=SimpleNamespace(rows=[], columns=[])), hits) is None


# -- Card ---------------------------------------------------------------------------------------
def test_card_of_the_kon_tum_letter(page):
    at = page("card_page", uid=KON_TUM)
    text = text_of(at)
    assert at.title[0].value.replace("\\", "") == KON_TUM_LABEL
    assert "thực hiện → 124/NQ-CP: V/v triển khai Nghị quyết số" in text  # the sentence behind the IMPLEMENTS edge
    tasks = at.dataframe[1].value
    assert ("Sở Xây dựng tỉnh Kon Tum", "chủ trì", "25/07/2025") in set(zip(tasks["Cơ quan"], tasks["Vai trò"],
                                                                             tasks["Hạn"]))
    assert set(tasks["Vai trò"]) <= {"chủ trì", "phối hợp", "toàn bộ"}
    assert None not in cells(at) and "None" not in [str(v) for v in cells(at)]
    targets = at.dataframe[2].value
    assert 10.0 in set(targets["Giá trị"])                   # "tăng trưởng GRDP … đạt 10% trở lên"
    assert any("10. Rà soát, tổng hợp" in c.value for c in at.code)  # the letter's parts as printed
    assert [p.label for p in at.get("page_link")] == ["Xem văn bản này được triển khai thế nào"]
    text = at.get("html")[-1].proto.body                     # the letter itself, what was read from it marked
    assert '<mark title="thực hiện → 124/NQ-CP" style="background:#cfe2f3">Nghị \n\nquyết số 124/NQ-CP</mark>' in text
    assert '<mark title="Sở Xây dựng tỉnh Kon Tum — chủ trì"' in text
    assert "Đã đánh dấu 18 liên kết, 3 nhiệm vụ, 4 chỉ tiêu." in text_of(at)  # 16 read from it, 2 passages it reuses
    reused = [line for line in text_of(at).split("\n") if line.startswith("dùng lại văn bản của")]
    assert reused and all(line.endswith("(các đoạn văn hai văn bản cùng có: không phải một câu)") for line in reused)
    assert [b.proto.label for b in at.get("download_button")] == ["Tải tệp gốc"]


def test_card_of_a_stub_and_of_nothing(page):
    at = page("card_page", uid="vn/cd-ttg/2025/56")           # 56/CĐ-TTg: cited by the corpus, not held
    assert "Văn bản này chỉ được trích dẫn" in text_of(at)
    assert "Không tìm thấy tệp gốc" in text_of(at)           # a stub has no file
    at = page("card_page", uid="vn/none/1")
    assert "Kho không có văn bản vn/none/1." in text_of(at)


# -- Propagation --------------------------------------------------------------------------------
def static(at: AppTest) -> AppTest:
    """The propagation page drawn as the static picture (Graphviz DOT, which a test can read)."""
    at.radio[0].set_value("static").run()
    assert not at.exception, at.exception
    return at


def test_propagation_of_124_shows_both_letters_and_their_departments(page):
    at = static(page("propagation_page"))
    assert at.text_input[0].value == "124/NQ-CP"
    dot = at.get("graphviz_chart")[0].proto.spec.replace("\\n", " ")  # labels are wrapped with \n
    assert f'"{KON_TUM}"' in dot and f'"{HAI_PHONG}"' in dot
    assert KON_TUM_LABEL in dot
    assert "Sở Xây dựng tỉnh Kon Tum" in dot            # "Giao Sở Xây dựng chủ trì … trước ngày 25 tháng 7"
    assert 'label="chủ trì"' in dot and 'label="lead"' not in dot
    assert 'URL="agency?agency=S%E1%BB%9F%20X%C3%A2y%20d%E1%BB%B1ng%20t%E1%BB%89nh%20Kon%20Tum"' in dot  # its page
    assert "Các sở, ban, ngành thành phố Hải Phòng" in dot  # Hải Phòng's addressees, role all
    assert not at.header                                # no card until a node is clicked


def test_a_node_links_back_to_this_view_and_directive(page):
    at = page("propagation_page", directive="138/NQ-CP", view="static")
    assert at.radio[0].value == "static"
    assert 'URL="?sel=vn%2Fuy-ban-nhan-dan-tinh-quang-ngai%2Fkh-ubnd%2F2025%2F140&directive=vn%2Fnq-cp%2F2025%2F138' \
           '&view=static&lang=vi"' in at.get("graphviz_chart")[0].proto.spec


def test_clicking_a_node_opens_its_card(page):
    at = page("propagation_page", sel=KON_TUM)
    text = text_of(at)
    assert "Văn bản" in [h.value for h in at.header] and KON_TUM_LABEL in text
    assert "V/v triển khai Nghị quyết số" in text


def test_depth_and_collapse_name_documents_not_ids(page):
    at = static(page("propagation_page"))
    at.text_input[0].set_value("138/NQ-CP").run()
    assert "140/KH-UBND" in at.get("graphviz_chart")[0].proto.spec
    collapse = at.multiselect[0]
    assert collapse.options and not any(o.startswith("vn/") for o in collapse.options)
    assert collapse.options == ["Kế hoạch 140/KH-UBND — UBND tỉnh Quảng Ngãi"]
    collapse.set_value(["vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140"]).run()  # chosen by its label
    assert "140/KH-UBND" in at.get("graphviz_chart")[0].proto.spec  # collapsing a leaf hides nothing above it


def test_the_interactive_view_is_the_default_with_its_legend_and_exports(page):
    at = page("propagation_page")
    assert at.radio[0].value == "interactive"
    assert [e for e in at.main if type(e).__name__ == "UnknownElement"]  # the Cytoscape component (a custom one)
    assert not at.get("graphviz_chart")
    assert [b.proto.label for b in at.get("download_button")] == ["Tải các liên kết (CSV)", "Tải sơ đồ (GraphML)", "Tải hình (PNG)", "Tải hình (SVG)"]
    assert "Chú giải" in at.get("html")[0].proto.body and "Nghị quyết" in at.get("html")[0].proto.body
    at.selectbox[0].set_value("province").run()                # grouped by province: still drawn, no error
    assert not at.exception


def test_search_in_the_graph_keeps_only_the_way_to_what_fits(page):
    at = static(page("propagation_page"))
    at.text_input[1].input("hai phong").run()                  # no diacritics
    dot = at.get("graphviz_chart")[0].proto.spec
    assert f'"{HAI_PHONG}"' in dot and f'"{KON_TUM}"' not in dot
    assert "1 văn bản khớp" in text_of(at)


def test_an_unknown_directive_says_so(page):
    at = page("propagation_page", directive="999/NQ-XYZ")
    assert "Kho không có văn bản 999/NQ-XYZ" in text_of(at) and not at.get("graphviz_chart")


# -- Coverage -----------------------------------------------------------------------------------
def test_coverage_page(page):
    at = page("coverage_page")
    assert at.metric[0].value == "2 trên 79 tỉnh, thành phố và bộ, ngành"  # 63 provinces, 16 ministries on 8 May 2025
    relayed = at.dataframe[0].value
    assert set(relayed["Tỉnh, bộ"]) == {"tỉnh Kon Tum", "thành phố Hải Phòng"}
    assert set(relayed["Độ trễ (ngày)"]) == {"không có"}          # both letters print the year only
    assert KON_TUM_LABEL in set(relayed["Văn bản"]) and not any("vn/" in str(v) for v in cells(at))
    import json
    maps = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert [m["projection"]["type"] for m in maps if "projection" in m] == ["mercator"]  # the dot map
    assert "Bản đồ 63 tỉnh, thành phố vào ngày của văn bản chỉ đạo" in text_of(at)  # 63 on 8 May 2025
    assert "Chưa có văn bản triển khai nào ghi ngày đầy đủ." in text_of(at)  # both letters print the year only


def test_coverage_of_an_unknown_code_says_so(page):
    at = page("coverage_page", directive="999/NQ-XYZ")
    assert not at.metric and "Kho không có văn bản 999/NQ-XYZ" in text_of(at)


# -- Targets ------------------------------------------------------------------------------------
def test_targets_page_draws_each_target_as_its_own_mark(page):
    """Hải Phòng's letter sets two growth targets (8% quoted for the country, 12.5% its own): two marks, not one
    bar of 20.5 (how the old chart showed Cần Thơ aiming for 38%)."""
    import json

    at = page("targets_page")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["mark"]["type"] == "point" and "yOffset" in spec["encoding"]
    assert "aggregate" not in json.dumps(spec) and "stack" not in json.dumps(spec)
    table = at.dataframe[0].value
    growth = table[table["Chỉ tiêu"].str.contains("tăng trưởng")]
    hai_phong = growth[growth["Cơ quan ban hành"].str.contains("Hải Phòng")]
    assert sorted(hai_phong["Giá trị"]) == [8.0, 12.5]
    from ui.pages import target_marks
    marks = target_marks([SimpleNamespace(issuer="Văn phòng Ủy ban nhân dân thành phố Hải Phòng", depth=1,
                                          indicator="tăng trưởng", value=v, unit="%", comparator=">=",
                                          scope="thành phố Hải Phòng", period="2025") for v in (8.0, 12.5)])
    assert list(marks["value"]) == [8.0, 12.5] and marks["mark"].nunique() == 2  # one mark each, never summed


def test_targets_of_124_across_levels(page):
    at = page("targets_page")
    table = at.dataframe[0].value
    assert {8.0, 12.5, 10.0} <= {float(v) for v in table["Giá trị"]}  # national 8%, Hải Phòng 12.5%, Kon Tum 10%


# -- Agency -------------------------------------------------------------------------------------
def test_agency_page_shows_succession_in_words_and_days(page):
    at = page("agency_page")
    text = text_of(at)
    assert "được kế thừa bởi" in text and "Ủy ban nhân dân tỉnh Quảng Ngãi (01/07/2025)" in text
    assert "ban hành" in set(at.dataframe[0].value["Quan hệ"])


def test_agency_page_opened_from_a_graph_link(page):
    at = page("agency_page", agency="Sở Xây dựng tỉnh Kon Tum")   # ?agency= from a node of the graph
    assert at.text_input[0].value == "Sở Xây dựng tỉnh Kon Tum"
    assert "chủ trì" in set(at.dataframe[-1].value["Vai trò"])
    at.text_input[0].input("ubnd tinh kon tum").run()              # typed afterwards: kept, not the link's
    assert at.text_input[0].value == "ubnd tinh kon tum"


def test_agency_page_reads_what_was_typed_and_keeps_it(page):
    at = page("agency_page")
    at.text_input[0].input("so xay dung tinh kon tum").run()
    assert "Hiểu là: Sở Xây dựng tỉnh Kon Tum" in text_of(at)
    tasks = at.dataframe[-1].value
    assert "chủ trì" in set(tasks["Vai trò"])
    at.run()
    assert at.text_input[0].value == "so xay dung tinh kon tum"   # a second run keeps what was typed
    at.text_input[0].input("UBND tỉnh Kon Tum").run()
    assert at.text_input[0].value == "UBND tỉnh Kon Tum" and "Hiểu là: Ủy ban nhân dân tỉnh Kon Tum" in text_of(at)
    at.text_input[0].input("kon tum").run()                       # several fit: a choice
    assert {"Ủy ban nhân dân tỉnh Kon Tum", "Sở Xây dựng tỉnh Kon Tum"} <= set(at.selectbox[0].options)
    at.text_input[0].input("zzz").run()
    assert "Kho không có cơ quan nào khớp với “zzz”." in text_of(at)


# -- Query console ------------------------------------------------------------------------------
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
    assert any("Chỉ hiện 1000 dòng đầu" in w.value for w in at.warning)
    at.text_area[0].input("SELECT ?d WHERE { ?d eli:id_local '124/NQ-CP' }")
    at.button[1].click().run()
    assert len(at.dataframe[0].value) == 1 and not at.warning


def test_english_pages_say_the_same_in_english(page):
    at = page("card_page", lang="en", uid=KON_TUM)
    tasks = at.dataframe[1].value
    assert ("Sở Xây dựng tỉnh Kon Tum", "lead", "25/07/2025") in set(zip(tasks["Agency"], tasks["Role"],
                                                                          tasks["Deadline"]))
    at = page("coverage_page", lang="en")
    assert at.metric[0].value == "2 of 79 provinces and ministries"


# -- Drawing ------------------------------------------------------------------------------------
def test_dot_escapes_quotes_and_links_every_document():
    root = DocNode('vn/x', '1/QĐ-TTg', "Quyết định", 'Bộ "Y"')
    child = DocNode("vn/y", None, "Công văn", "Ủy ban nhân dân tỉnh Kon Tum")
    dot = propagation_dot(root, [(child, root)], selected="vn/y", assignments={"vn/y": [("Sở Y tế tỉnh Kon Tum", "lead")]},
                          words={"lead": "chủ trì"})
    assert 'Bộ \\"Y\\"' in dot and 'URL="?sel=vn%2Fy"' in dot and 'penwidth="3"' in dot
    assert '"vn/x" -> "vn/y";' in dot and "Sở Y tế tỉnh Kon Tum" in dot and 'label="chủ trì"' in dot


def test_within_keeps_k_hops_and_stops_below_collapsed():
    a, b, c = DocNode("a", None, None, None), DocNode("b", None, None, None), DocNode("c", None, None, None)
    edges = [(b, a), (c, b)]  # c implements b implements a
    assert within(edges, "a", 1) == [(b, a)]
    assert within(edges, "a", 5) == [(b, a), (c, b)]
    assert within(edges, "a", 5, collapsed={"b"}) == [(b, a)]


# -- Text reuse ---------------------------------------------------------------------------------
def test_reuse_page_shows_the_seeds_side_by_side_with_the_shared_passages(page):
    """The Hải Phòng letter copies 65% of its words from the Kon Tum letter (tests/test_reuse.py has its passages):
    the page says so and marks the ten passages in both texts, each opening with the same words on both sides."""
    at = page("reuse_page", uid=HAI_PHONG)
    text = text_of(at)
    assert "Văn bản dùng lại: đoạn chép, đoạn sửa, đoạn riêng" in text
    assert at.selectbox[0].options[0].startswith("dùng lại văn bản Công văn")
    assert "65% chép nguyên văn" in text and "10 đoạn." in text
    later, earlier = (h.proto.body for h in at.get("html")[-2:])
    marked = [re.findall(r"<mark [^>]*>(.*?)</mark>", side, re.S) for side in (later, earlier)]
    assert len(marked[0]) == len(marked[1]) == 10
    opening = [[" ".join(m.split()[:2]).casefold() for m in side] for side in marked]
    assert sorted(opening[0]) == sorted(opening[1])  # each passage opens with the same words on both sides (in
    # each text's own order)
    assert opening[0][:2] == ["thực hiện", "có ý"]


def test_reuse_page_of_a_document_with_none(page):
    at = page("reuse_page", uid="124/NQ-CP-không-có")
    assert "Không thấy đoạn văn nào" in text_of(at)
    at = page("reuse_page")
    assert "Gõ số hiệu hoặc mã một văn bản" in text_of(at)


def test_propagation_shows_how_much_each_relay_copies(page):
    """The documents reusing 124/NQ-CP's text, each with its shares, under the propagation view."""
    at = page("propagation_page", directive="124/NQ-CP")
    assert any(e.label.startswith("Văn bản dùng lại văn bản này: tỷ lệ chép, sửa, riêng") for e in at.expander)
    shares = at.dataframe[-1].value
    assert list(shares.columns[:3]) == ["Văn bản", "Ngày ban hành", "Chép nguyên văn"]
    assert all(v.endswith("%") for v in shares["Chép nguyên văn"]) and set(shares["Có trích dẫn"]) <= {"có", "không"}
