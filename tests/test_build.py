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


# An assignment whose agency, as the extractor gives it (kept as printed, expanded), is an office-holder's title before
# a body: the task goes to the body the registry places (its kind, parent and successors), or to the class a title
# heads; the edge keeps what was printed and says agency_match "head". A name the registry knows as printed, and a
# title over a body it cannot place, stay as they were.
# (agency and agency_match in the record) → (the Agency's name, kind, parent, the edge's agency_match)
HEADS = [
    # /work/shared/corpus-full 1622-qd-ubnd-d91ef4.txt (Quảng Ngãi): "Giám đốc các Sở: Tài chính, Khoa học và Công nghệ"
    (("Giám đốc Sở Tài chính tỉnh Quảng Ngãi", "registry"),
     ("Sở Tài chính tỉnh Quảng Ngãi", "local", "Ủy ban nhân dân tỉnh Quảng Ngãi", "head")),
    # corpus-full 231-cd-ttg-422321.txt: "Bộ trưởng các Bộ: Quốc phòng, Công an chủ động chỉ đạo …"
    (("Bộ trưởng Bộ Công an", "registry"), ("Bộ Công an", "central", "Chính phủ", "head")),
    # corpus-full 1936-qd-ubnd-1249b0.txt (Thái Nguyên): "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: …" — the extractor
    # marks it a class; the registry places the body, which wins
    (("Chánh Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên", "collective"),
     ("Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên", "local", "Ủy ban nhân dân tỉnh Thái Nguyên", "head")),
    # tests/data/corpus 030_qd-468-qd-ubnd-2022-dak-nong-ke-hoach-de-an-06.txt: "Giám đốc Công an tỉnh; Thủ trưởng các
    # Sở, Ban, ngành; …" (the registry gives Công an tỉnh no parent: it is not the committee's)
    (("Giám đốc Công an tỉnh Đắk Nông", "registry"), ("Công an tỉnh Đắk Nông", "local", None, "head")),
    # tests/data/corpus 046_cv-ubnd-tinh-2018-…txt (Kon Tum, no province printed): "Chủ tịch UBND tỉnh yêu cầu Giám đốc
    # Sở Kế hoạch và Đầu tư triển khai thực hiện"
    (("Giám đốc Sở Kế hoạch và Đầu tư", "registry"), ("Sở Kế hoạch và Đầu tư", "local", None, "head")),
    # the same 030 (Đắk Nông): a title before a class → the class, its province's committee above it
    (("Thủ trưởng các sở, ban, ngành tỉnh Đắk Nông", "collective"),
     ("Các sở, ban, ngành tỉnh Đắk Nông", "collective", "Ủy ban nhân dân tỉnh Đắk Nông", "head")),
    # corpus-full 3617-qd-ubnd-ccfb3d.txt (Thanh Hóa): "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở; …"
    (("Giám đốc các sở tỉnh Thanh Hóa", "collective"),
     ("Các sở tỉnh Thanh Hóa", "collective", "Ủy ban nhân dân tỉnh Thanh Hóa", "head")),
    # tests/data/corpus 052_ct-11-ct-ctubnd-2020-hung-yen-phong-chong-covid.txt
    (("Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn", "collective"),
     ("Ủy ban nhân dân các xã, phường, thị trấn", "collective", None, "head")),
    # corpus-full 1948-qd-ubnd-c887f3.txt (Cao Bằng): a title over a body the registry cannot place stays unknown
    (("Giám đốc Trung tâm Phục vụ hành chính công tỉnh Cao Bằng", "unknown"),
     ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh Cao Bằng", "unknown", None, "unknown")),
    # corpus-full 2609-qd-ttg-87a623.txt: "Trưởng ban Ban Quản lý trình Ủy ban nhân dân thành phố Đà Nẵng …"
    (("Trưởng ban Ban Quản lý Khu kinh tế mở Chu Lai thành phố Đà Nẵng", "unknown"),
     ("Trưởng ban Ban Quản lý Khu kinh tế mở Chu Lai thành phố Đà Nẵng", "unknown", None, "unknown")),
    # corpus-full 3891-qd-btc-5d9c3c.txt: "Cục trưởng Cục Hải quan, Chánh Văn phòng Bộ Tài chính, …" (the registry knows
    # no "Văn phòng Bộ Tài chính")
    (("Chánh Văn phòng Bộ Tài chính", "registry"), ("Chánh Văn phòng Bộ Tài chính", "unknown", None, "registry")),
    # corpus-full 224-cd-ttg-6ca754.txt: "Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp chỉ đạo …"
    (("Phó Thủ tướng Chính phủ Trần Hồng Hà", "unknown"),
     ("Phó Thủ tướng Chính phủ Trần Hồng Hà", "unknown", None, "unknown")),
    # corpus-full 2609-qd-ttg-87a623.txt: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, …": a title and nothing after it
    (("Bộ trưởng", "collective"), ("Bộ trưởng", "collective", None, "collective")),
    # the registry knows the chairman as a body of the committee ("Chủ tịch Ủy ban nhân dân", symbol CTUBND): kept
    # (tests/data/corpus 052_ct-11-ct-ctubnd-2020-hung-yen-phong-chong-covid.txt: "Chủ tịch UBND tỉnh yêu cầu …")
    (("Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên", "registry"),
     ("Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên", "local", "Ủy ban nhân dân tỉnh Hưng Yên", "registry")),
    # the Kon Tum seed's "Thủ tướng Chính phủ": a registry name that opens with no title of the list, kept
    (("Thủ tướng Chính phủ", "registry"), ("Thủ tướng Chính phủ", "central", "Chính phủ", "registry")),
]


@pytest.mark.parametrize("given, expected", HEADS)
def test_a_head_s_task_goes_to_the_body_it_heads(given, expected):
    printed, match = given
    name, kind, parent, edge_match = expected
    entry = {"agency": printed, "role": "all", "task": "… chịu trách nhiệm thi hành Quyết định này./.", "deadline": None,
             "span": [10, 90], "agency_match": match, "confidence": 1.0 if match == "registry" else None}
    graph = build([record("vn/a", doc_type="Quyết định", assignments=[entry])])
    (edge,) = [e for e in graph.edges if e.type == "ASSIGNED_TO"]
    assert edge.end == agency_uid(name)
    assert (edge.props["printed"], edge.props["agency_match"]) == (printed, edge_match)
    node = graph.nodes[edge.end]
    assert (node.props["name"], node.props["kind"]) == (name, kind)
    parents = [graph.nodes[e.end].props["name"] for e in graph.edges if e.type == "PART_OF" and e.start == edge.end]
    assert parents == ([parent] if parent else [])


def test_a_head_s_task_follows_the_department_s_merger():
    # A Kon Tum decision of February 2025 as bench/generate.py writes them: "Giám đốc các Sở: Nông nghiệp và Môi trường,
    # Kế hoạch và Đầu tư; …" — Sở Kế hoạch và Đầu tư merged into Sở Tài chính on 1 March 2025, Kon Tum into Quảng Ngãi.
    entry = {"agency": "Giám đốc Sở Kế hoạch và Đầu tư tỉnh Kon Tum", "role": "all", "task": "Điều 3. …",
             "deadline": None, "span": [10, 90], "agency_match": "registry", "confidence": 1.0}
    graph = build([record("vn/a", doc_type="Quyết định", issuer="Ủy ban nhân dân tỉnh Kon Tum", assignments=[entry])])
    (edge,) = [e for e in graph.edges if e.type == "ASSIGNED_TO"]
    assert edge.end == agency_uid("Sở Kế hoạch và Đầu tư tỉnh Kon Tum")
    steps = {(e.start, e.end, e.props["date"]) for e in graph.edges if e.type == "SUCCEEDED_BY"}
    assert (edge.end, agency_uid("Sở Tài chính tỉnh Kon Tum"), "2025-03-01") in steps


def test_an_addressee_s_head_goes_to_the_body_and_keeps_the_line():
    # tests/data/corpus 051_cv-454-ubnd-ncth-2011-hau-giang-binh-chon-vinh-ha-long.txt: "Kính gửi: - Giám đốc Sở Văn hóa,
    # Thể thao và Du lịch; - Giám đốc Sở Thông tin và Truyền thông; …", read in a Hậu Giang letter
    line = "Giám đốc Sở Thông tin và Truyền thông"
    addressee = {"printed": line, "agency": "Giám đốc Sở Thông tin và Truyền thông tỉnh Hậu Giang",
                 "agency_match": "registry", "confidence": 1.0}
    graph = build([record("vn/a", addressees=[line], addressee_agencies=[addressee])])
    (edge,) = [e for e in graph.edges if e.type == "ADDRESSED_TO"]
    assert edge.end == agency_uid("Sở Thông tin và Truyền thông tỉnh Hậu Giang")
    assert (edge.props["printed"], edge.props["agency_match"]) == (line, "head")
    assert graph.nodes[edge.end].props["kind"] == "local"
