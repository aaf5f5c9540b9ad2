"""The interactive lineage view's pure parts (ui/lineage_view.py): elements, layout, click, GraphML."""

from __future__ import annotations

import html
import io

import networkx as nx

from ui.lineage_view import (GROUP_CATEGORY, Words, categories, clicked_agency, clicked_document, elements,
                              fold_action, graphml, picture, place)
from ui.tree import DocNode, toward

WORDS = Words(document="Văn bản", agency="Cơ quan được giao", implements="thực hiện",
              roles={"lead": "chủ trì", "support": "phối hợp", "all": "toàn bộ"}, level="Cấp {depth}")
NQ = DocNode("vn/nq-cp/2025/124", "124/NQ-CP", "Nghị quyết", "Chính phủ")
KT = DocNode("vn/kt", None, "Công văn", "Ủy ban nhân dân tỉnh Kon Tum")
HP = DocNode("vn/hp", None, "Công văn", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng")
SXD = DocNode("vn/sxd", "12/KH-SXD", "Kế hoạch", "Sở Xây dựng tỉnh Kon Tum")
EDGES = [(KT, NQ), (HP, NQ), (SXD, KT)]  # (document, what it implements), as the tree query gives them


def test_elements_of_124_grouped_by_province():
    drawn = elements(NQ, EDGES, WORDS, {"vn/kt": [("Sở Xây dựng tỉnh Kon Tum", "lead")]},
                     {"vn/kt": "Kon Tum", "vn/sxd": "Kon Tum", "vn/hp": "Hải Phòng"})
    nodes = {n["data"]["id"]: n["data"] for n in drawn["nodes"]}
    assert nodes["vn/kt"]["name"] == "Công văn (không số) — UBND tỉnh Kon Tum" and nodes["vn/kt"]["label"] == "Công văn"
    assert nodes["vn/kt"]["parent"] == nodes["vn/sxd"]["parent"] == "group:Kon Tum" != nodes["vn/hp"]["parent"]
    assert nodes["group:Kon Tum"]["label"] == GROUP_CATEGORY and "parent" not in nodes[NQ.uid]
    edges = {(e["data"]["source"], e["data"]["target"]): e["data"]["name"] for e in drawn["edges"]}
    assert edges[(NQ.uid, "vn/kt")] == "thực hiện" and edges[("vn/kt", "vn/sxd")] == "thực hiện"  # directive first
    assert edges[("vn/kt", "vn/kt|Sở Xây dựng tỉnh Kon Tum")] == "chủ trì"
    colours = categories(drawn)
    assert colours["Nghị quyết"] != colours["Công văn"] and colours["Cơ quan được giao"] == "#bbbbbb"


def test_every_node_is_placed_left_to_right_and_none_overlap():
    letters = [DocNode(f"vn/l{i}", f"{i}/UBND", "Công văn", f"Ủy ban nhân dân tỉnh P{i % 63}") for i in range(500)]
    drawn = elements(NQ, [(d, NQ) for d in letters], WORDS, groups={d.uid: f"P{i % 63}" for i, d in enumerate(letters)})
    placed = {n["data"]["id"]: (n["position"]["x"], n["position"]["y"]) for n in drawn["nodes"] if "position" in n}
    assert len(placed) == 501                                  # the boxes are sized by their members
    assert len(set(placed.values())) == 501                    # no two documents on one spot
    assert all(x > placed[NQ.uid][0] for uid, (x, _) in placed.items() if uid != NQ.uid)  # the directive leftmost
    xs, ys = [x for x, _ in placed.values()], [y for _, y in placed.values()]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) < 4       # a wall, not a 35,000-pixel column


def test_a_click_on_a_document_opens_it_and_on_anything_else_nothing():
    known = ["vn/kt", "vn/hp"]
    click = {"action": "clicked_node", "data": {"type": "tap", "target_id": "vn/kt", "target_group": "nodes"},
             "timestamp": 1}  # what st-link-analysis returns for Event("clicked_node", "click tap", "node")
    assert clicked_document(click, known) == "vn/kt"
    assert clicked_document({**click, "data": {"target_id": "vn/kt|Sở Xây dựng tỉnh Kon Tum"}}, known) is None
    assert clicked_document({"action": "expand", "data": {"node_ids": ["vn/kt"]}}, known) is None
    assert clicked_document(None, known) is None
    leaf = {**click, "data": {"target_id": "vn/kt|Sở Xây dựng tỉnh Kon Tum"}}
    assert clicked_agency(leaf) == "Sở Xây dựng tỉnh Kon Tum" and clicked_agency(click) is None


def test_graphml_holds_the_drawn_subgraph():
    drawn = elements(NQ, EDGES, WORDS, {"vn/kt": [("Sở Xây dựng tỉnh Kon Tum", "lead")]})
    g = nx.read_graphml(io.BytesIO(graphml(drawn).encode("utf-8")))
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4
    assert g.nodes["vn/kt"]["name"] == "Công văn (không số) — UBND tỉnh Kon Tum"
    assert g.edges["vn/kt", "vn/kt|Sở Xây dựng tỉnh Kon Tum"]["relation"] == "lead"


def test_search_in_the_graph_keeps_the_way_down():
    assert toward(EDGES, NQ.uid, {"vn/sxd"}) == [(KT, NQ), (SXD, KT)]   # the plan, and the letter above it
    assert toward(EDGES, NQ.uid, {"vn/hp"}) == [(HP, NQ)]
    assert toward(EDGES, NQ.uid, set()) == []


def test_place_starts_from_the_directive():
    drawn = elements(NQ, EDGES, WORDS)
    place(drawn, NQ.uid)
    x = {n["data"]["id"]: n["position"]["x"] for n in drawn["nodes"]}
    assert x[NQ.uid] < x["vn/kt"] == x["vn/hp"] < x["vn/sxd"]


def test_folds_asked_in_the_graph_are_done_once():
    remove = {"action": "remove", "data": {"node_ids": ["vn/kt", "vn/kt|Sở Xây dựng tỉnh Kon Tum"]}, "timestamp": 7}
    assert fold_action(remove, None) == ("collapse", ["vn/kt"], 7)   # an agency leaf folds nothing
    assert fold_action(remove, 7) is None                             # the same event on the next rerun
    expand = {"action": "expand", "data": {"node_ids": ["vn/kt"]}, "timestamp": 9}
    assert fold_action(expand, 7) == ("expand", ["vn/kt"], 9)
    assert fold_action({"action": "clicked_node", "data": {"target_id": "vn/kt"}, "timestamp": 10}, 9) is None


# (format, how the file starts)
PICTURES = [("png", b"\x89PNG\r\n"), ("svg", b"<?xml")]


def test_the_picture_draws_what_the_browser_draws():
    """The PNG and SVG of the view: every document and agency named (the SVG keeps the names as text)."""
    drawn = elements(NQ, EDGES, WORDS, {"vn/kt": [("Sở Xây dựng tỉnh Kon Tum", "lead")]},
                     {"vn/kt": "Kon Tum", "vn/sxd": "Kon Tum", "vn/hp": "Hải Phòng"})
    for fmt, start in PICTURES:
        body = picture(drawn, categories(drawn), fmt)
        assert body.startswith(start) and len(body) > 2_000
    svg = picture(drawn, categories(drawn), "svg").decode("utf-8")
    assert svg.count("<path") > 5
    names = [n["data"]["name"] for n in drawn["nodes"]]
    assert all(f">{html.escape(name, quote=False)}</text>" in svg for name in names), names
