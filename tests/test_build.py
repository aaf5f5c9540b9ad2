"""Records → graph: the builder's rules, one row per case, with names and sentences from the corpus."""

from __future__ import annotations

import pytest

from graph.build import _parent, _scope_agency, build
from graph.ids import agency_uid


def record(uid, path="x.txt", sha="0" * 64, doc_type="Công văn", code=None, issuer=None, **more):
    return {"source": {"path": path, "sha256": sha, "format": "txt"},
            "document": {"id": uid, "doc_type": doc_type, "code": code, "number": code and code.split("/")[0],
                         "issue_date": "2025", "issuer": issuer, "subject": None},
            "references": more.get("references", []), "addressees": more.get("addressees", []),
            "addressee_agencies": more.get("addressee_agencies", []),
            "assignments": more.get("assignments", []), "targets": more.get("targets", []),
            "warnings": more.get("warnings", [])}


def reference(uid, code, relation="cites", issue_date=None, doc_type="Quyết định", sentence=None, span=(10, 20)):
    return {"id": uid, "doc_type": doc_type, "code": code, "issue_date": issue_date, "issuer": None,
            "relation": relation, "spans": [list(span)], "span": list(span), "sentence": sentence}


@pytest.mark.parametrize("name, parent", [
    ("Sở Xây dựng tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"),                      # a department → its province
    ("Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),  # the committee's office
    ("Ủy ban nhân dân tỉnh Kon Tum", "Chính phủ"),                                     # a province → the Government
    ("Bộ Tài chính", "Chính phủ"),                                                     # a ministry
    ("Thủ tướng Chính phủ", "Chính phủ"),                                              # the Prime Minister
    ("Tỉnh ủy Quảng Ngãi", None),                                                      # Party bodies: not the state
    ("Ban chỉ đạo phòng, chống dịch Covid-19 các cấp", None),                          # unknown to the registry
])
def test_part_of(name, parent):
    assert _parent(name) == parent


@pytest.mark.parametrize("scope, agency", [
    ("cả nước", "Chính phủ"),                                    # "tăng trưởng năm 2025 của cả nước đạt 8% trở lên"
    ("thành phố Hải Phòng", "Ủy ban nhân dân thành phố Hải Phòng"),  # "… và thành phố đạt 12,5%"
    ("tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"),              # "tăng trưởng GRDP … 10% trở lên"
    ("ngành giáo dục", None),                                    # a sector: no agency answers by name
    (None, None),
])
def test_target_scope_agency(scope, agency):
    assert _scope_agency(scope) == agency


def test_succession_chain_is_followed_with_dates():
    # Kon Tum's "Sở Kế hoạch và Đầu tư" merged into Sở Tài chính (1 March 2025), then Kon Tum into Quảng Ngãi.
    graph = build([record("vn/a", issuer="Sở Kế hoạch và Đầu tư tỉnh Kon Tum")])
    steps = {(e.start, e.end, e.props["date"]) for e in graph.edges if e.type == "SUCCEEDED_BY"}
    assert (agency_uid("Sở Kế hoạch và Đầu tư tỉnh Kon Tum"), agency_uid("Sở Tài chính tỉnh Kon Tum"),
            "2025-03-01") in steps
    assert (agency_uid("Sở Tài chính tỉnh Kon Tum"), agency_uid("Sở Tài chính tỉnh Quảng Ngãi"), "2025-07-01") in steps
    assert graph.nodes[agency_uid("Sở Tài chính tỉnh Quảng Ngãi")].props["kind"] == "local"


@pytest.mark.parametrize("issuer, name, level", [
    ("Sở Xây dựng tỉnh Kon Tum", "Sở Xây dựng tỉnh Kon Tum", "department"),              # agencies.toml: department
    ("Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "Sở Tài chính tỉnh Quảng Ngãi", "department"),  # its successor (registry)
    ("Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", None),  # office
    ("Ủy ban nhân dân tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum", "province"),        # the committee itself
    ("Bộ Tài chính", "Bộ Tài chính", "ministry"),
])
def test_a_provinces_department_has_its_level(issuer, name, level):
    """Example 14 (departments left out) finds a province's departments by ``level: "department"``."""
    graph = build([record("vn/a", issuer=issuer)])
    assert graph.nodes[agency_uid(name)].props.get("level") == level


def test_an_undated_reference_joins_the_one_dated_document_with_its_code():
    # 032 (Hà Giang): "… Đề án 06 … Quyết định số 06/QĐ-TTg" without a date; 030 cites it with its date.
    a = record("vn/a", references=[reference("vn/qd-ttg/undated/06", "06/QĐ-TTg")])
    b = record("vn/b", references=[reference("vn/qd-ttg/2022/06", "06/QĐ-TTg", issue_date="2022-01-06")])
    graph = build([a, b])
    assert {e.end for e in graph.edges if e.type == "CITES"} == {"vn/qd-ttg/2022/06"}
    assert "vn/qd-ttg/undated/06" not in graph.nodes


def test_an_undated_code_with_two_dated_documents_stays_apart():
    # 02/NQ-CP exists in 2025 and in 2026 (024, 025): an undated mention cannot choose.
    refs = [reference("vn/nq-cp/2025/02", "02/NQ-CP", issue_date="2025-01-08", doc_type="Nghị quyết"),
            reference("vn/nq-cp/2026/02", "02/NQ-CP", issue_date="2026-01-08", doc_type="Nghị quyết")]
    a = record("vn/a", references=refs)
    b = record("vn/b", references=[reference("vn/nq-cp/undated/02", "02/NQ-CP", doc_type="Nghị quyết")])
    assert "vn/nq-cp/undated/02" in build([a, b]).nodes


def test_stubs_gather_what_every_mention_knows():
    a = record("vn/a", references=[reference("vn/qd-ttg/2022/06", "06/QĐ-TTg", doc_type=None)])
    b = record("vn/b", references=[reference("vn/qd-ttg/2022/06", "06/QĐ-TTg", issue_date="2022-01-06")])
    node = build([a, b]).nodes["vn/qd-ttg/2022/06"]
    assert node.props == {"stub": True, "code": "06/QĐ-TTg", "issue_date": "2022-01-06", "doc_type": "Quyết định"}
    assert node.labels == ("Document", "Decision")


def test_a_held_document_is_never_a_stub():
    a = record("vn/a", references=[reference("vn/b", "1/QĐ-TTg")])
    b = record("vn/b", code="1/QĐ-TTg", doc_type="Quyết định")
    graph = build([a, b])
    assert graph.nodes["vn/b"].props["stub"] is False
    assert graph.counts().stubs == 0


def test_the_same_document_from_two_files_is_one_node_with_a_warning():
    graph = build([record("vn/a", path="one.txt"), record("vn/a", path="two.txt")])
    documents = [uid for uid, n in graph.nodes.items() if n.label == "Document"]
    assert documents == ["vn/a"] and graph.nodes["vn/a"].props["source_path"] == "one.txt"
    assert "two.txt: document vn/a was read from another file too" in graph.warnings[0]


def test_tasks_group_agencies_by_sentence():
    # Kon Tum seed: "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính … trước ngày 25 tháng 7 năm 2025."
    task = "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát, tổng hợp"
    entries = [
        {"agency": "Sở Xây dựng tỉnh Kon Tum", "role": "lead", "task": task, "deadline": "2025-07-25",
         "span": [6998, 7537], "agency_match": "registry", "confidence": 1.0},
        {"agency": "Sở Tài chính tỉnh Kon Tum", "role": "support", "task": task, "deadline": "2025-07-25",
         "span": [6998, 7537], "agency_match": "registry", "confidence": 1.0},
    ]
    graph = build([record("vn/a", issuer="Ủy ban nhân dân tỉnh Kon Tum", assignments=entries)])
    (task_node,) = [n for n in graph.nodes.values() if n.label == "Task"]
    assert task_node.props["deadline"] == "2025-07-25"
    roles = {(graph.nodes[e.end].props["name"], e.props["role"]) for e in graph.edges if e.type == "ASSIGNED_TO"}
    assert roles == {("Sở Xây dựng tỉnh Kon Tum", "lead"), ("Sở Tài chính tỉnh Kon Tum", "support")}


def test_an_issuer_read_from_the_body_is_less_sure():
    graph = build([record("vn/a", issuer="Ủy ban nhân dân tỉnh Kon Tum",
                          warnings=["issuer read from the body text, not a header: Ủy ban nhân dân tỉnh Kon Tum"])])
    (edge,) = [e for e in graph.edges if e.type == "ISSUED_BY"]
    assert edge.props["confidence"] < 1


def test_every_province_and_ministry_is_in_the_graph_named_or_not():
    """issue 22: the registry's provinces and ministries are agencies of every graph (provinces.toml: 63 before 1 July 2025, Huế
    since 1 January 2025 from Thừa Thiên Huế), so which provinces did not relay a directive is one query."""
    graph = build([])
    provinces = {n.props["province"]: n for n in graph.nodes.values() if n.props.get("level") == "province"}
    assert len(provinces) == 64 and all(n.label == "Agency" and n.props["kind"] == "local" for n in provinces.values())
    assert provinces["Huế"].props["valid_from"] == "2025-01-01" and "valid_from" not in provinces["Kon Tum"].props
    merged = {(graph.nodes[e.start].props["province"], graph.nodes[e.end].props["province"], e.props["date"])
              for e in graph.edges if e.type == "SUCCEEDED_BY" and graph.nodes[e.start].props.get("level") == "province"}
    assert ("Kon Tum", "Quảng Ngãi", "2025-07-01") in merged and ("Thừa Thiên Huế", "Huế", "2025-01-01") in merged
    assert len({start for start, _, date in merged if date == "2025-07-01"}) == 63 - 34  # merged into others that day
    ministries = {n.props["name"] for n in graph.nodes.values() if n.props.get("level") == "ministry"}
    assert len(ministries) == 23 and {"Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"} <= ministries  # agencies.toml
