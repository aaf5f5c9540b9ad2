"""The query catalogue on the sample corpus: Neo4j (Cypher) and the embedded RDF store (SPARQL) give the
same rows; pinned answers for NQ 124 and the seeds; raw queries are read-only and time out."""

from __future__ import annotations

import pytest

from graph.build import build
from graph.errors import LineageError
from graph.neo4j_store import Neo4jStore
from graph.rdf_store import OxigraphStore, select_read_only
from queries import catalogue, coverage, run
from queries.catalogue import examples
from queries.run import run_query

NQ_124 = "vn/nq-cp/2025/124"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"

# Every catalogue query with the parameters it is tried with.
CASES = {
    "propagation": {"directive": "124/NQ-CP"},                   # by code
    "ancestry": {"document": "140/KH-UBND"},                     # Quảng Ngãi's plan for 138/139/NQ-CP
    "relays": {"directive": NQ_124},                             # by uid
    "targets": {"directive": "124/NQ-CP"},
    "workload": {"agency": "Sở Xây dựng tỉnh Kon Tum", "as_of": "2025-08-01"},
    "most_cited": {"year_from": "2020", "year_to": "2025", "limit": "5"},
    "most_implemented": {},
    "unresolved": {},
    "evidence": {"start": KON_TUM, "end": "124/NQ-CP"},
    "find": {"text": "124/nq", "year_from": "2025"},                # case-insensitive words of code/subject
    "tree": {"directive": "138/NQ-CP"},                           # Quảng Ngãi's plan → 138/NQ-CP
    "document": {"document": KON_TUM},
    "links": {"document": KON_TUM},
    "tasks": {"document": KON_TUM},
    "agency": {"agency": "Ủy ban nhân dân tỉnh Kon Tum"},          # issued the letter; merged into Quảng Ngãi
    "not_relayed": {"directive": "124/NQ-CP"},                      # 61 of the 63 provinces of 8 May 2025
    "known_agencies": {},                                         # every agency: what the app matches names to
    "reuse": {"document": HAI_PHONG},                             # copies 65% of its words from Kon Tum's letter
    "copied_share": {"directive": "124/NQ-CP"},                   # its "Căn cứ" lines, in the later resolutions
    "derived_tasks": {"directive": "138/NQ-CP"},                  # its execution clause, in 139 and 140/NQ-CP
}


@pytest.fixture(scope="module")
def stores(corpus_records, neo4j_uri, tmp_path_factory):
    from conftest_neo4j import neo4j_auth

    from ingest.reuse.index import ReuseIndex
    from ingest.reuse.link import link

    graph, _ = link(build(corpus_records), corpus_records, ReuseIndex())  # with text reuse's edges
    neo = Neo4jStore(neo4j_uri, neo4j_auth())
    neo.delete_all()
    neo.write(graph)
    path = tmp_path_factory.mktemp("rdf") / "rdf"
    rdf = OxigraphStore(path)
    rdf.write(graph)
    yield {"neo4j": neo, "rdf": rdf, "rdf_path": path}
    neo.close()
    rdf.close()


# Queries that read the whole graph by nature (rankings, the open references, a text search).
GLOBAL = frozenset({"most_cited", "most_implemented", "unresolved", "find", "known_agencies"})
SCANS = ("AllNodesScan", "NodeByLabelScan")


def _operators(plan: dict) -> list[str]:
    return [plan["operatorType"].split("@")[0]] + [op for child in plan.get("children", ()) for op in _operators(child)]


@pytest.mark.parametrize("name", sorted(set(CASES) - GLOBAL))
def test_a_lookup_query_starts_from_an_index(stores, name):
    """A query about one document, directive or agency finds it by uid, code or name through an index: a
    label scan costs ~30 ms at 100k documents and grows with the store (bench/README.md)."""
    from queries.run import bind

    q = catalogue()[name]
    params = {k: v for k, v in bind(q, CASES[name]).items() if k != "limit"}
    _, summary, _ = stores["neo4j"].driver.execute_query("EXPLAIN " + q.cypher, params)
    operators = _operators(summary.plan)
    assert not [op for op in operators if op in SCANS], operators


def test_every_named_query_is_tried():
    assert set(CASES) == set(catalogue())


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_rows_from_cypher_and_sparql(stores, name):
    from_neo4j = run(name, stores["neo4j"], **CASES[name])
    from_rdf = run(name, stores["rdf"], **CASES[name])
    assert from_neo4j, f"{name} found nothing on the corpus"
    assert from_neo4j == from_rdf


# Every example of queries/examples (docs/examples.md) with the parameters it is tried with. Each gives rows on
# the sample corpus except 07 (no document of the corpus replaces or repeals another: both languages give none) and
# 11 (every name of the corpus the registry did not know was an office-holder's title before a body it knows,
# "Giám đốc Sở Kế hoạch và Đầu tư", which the graph gives to the body: none is left unknown).
EXAMPLE_CASES = {
    "01_relay_coverage": {"directive": "124/NQ-CP"},     # 63 provinces + the ministries of 8 May 2025; 2 relayed
    "02_overdue_by_agency": {"as_of": "2025-08-01"},      # Sở Xây dựng tỉnh Kon Tum: 25 July 2025 passed
    "03_party_chains": {},                                # 68-NQ/TW → 138/NQ-CP → 140/KH-UBND (Quảng Ngãi)
    "04_above_national": {},                              # Hải Phòng's 12.5% growth over the national 8%
    "05_merged_open_tasks": {"as_of": "2025-07-01"},      # Kon Tum's departments, merged into Quảng Ngãi's
    "06_laws_per_year": {},
    "07_replaced_cited": {},
    "08_relay_lag": {"directive": "138/NQ-CP"},         # 140/KH-UBND of 23 June 2025
    "09_lead_load": {},
    "10_weak_links": {"below": "90"},                    # the issuers read from a header (0.8)
    "11_unknown_agencies": {},                            # none on the corpus (above); tests/test_build.py's HEADS
    "12_copied_uncited": {},
    "13_deadlines_by_month": {"directive": "124/NQ-CP"},  # Kon Tum's letter: by 30 June and by 25 July 2025
    "14_departments_left_out": {"directive": "138/NQ-CP"},  # Quảng Ngãi's plan 140/KH-UBND tasks no department
    "15_cited_not_implemented": {"directive": "68-NQ/TW"},  # 139/NQ-CP: "Căn cứ Nghị quyết số 68-NQ/TW …"
}
EMPTY_ON_THE_CORPUS = frozenset({"07_replaced_cited", "11_unknown_agencies"})


def test_every_example_is_tried():
    assert set(EXAMPLE_CASES) == set(examples())


@pytest.mark.parametrize("name", sorted(EXAMPLE_CASES))
def test_examples_give_the_same_rows_in_both_languages(stores, name):
    q = examples()[name]
    from_neo4j = run_query(q, stores["neo4j"], **EXAMPLE_CASES[name])
    from_rdf = run_query(q, stores["rdf"], **EXAMPLE_CASES[name])
    assert bool(from_neo4j) is (name not in EMPTY_ON_THE_CORPUS), f"{name}: {len(from_neo4j)} rows on the corpus"
    assert from_neo4j == from_rdf


def test_the_examples_page_is_up_to_date(stores):
    """docs/examples.md shows each question in both languages and the rows both give on the corpus."""
    import os
    from pathlib import Path

    from queries.examples_page import render

    rows = {name: run_query(q, stores["rdf"], **EXAMPLE_CASES[name]) for name, q in examples().items()}
    page = render(examples(), EXAMPLE_CASES, rows)
    path = Path(__file__).parents[1] / "docs" / "examples.md"
    if os.environ.get("LINEAGE_WRITE_EXAMPLES"):
        path.write_text(page, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == page, "docs/examples.md is out of date: LINEAGE_WRITE_EXAMPLES=1 " \
                                                     "python3 -m pytest tests/test_queries.py -k examples_page"


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_examples_answer_what_the_corpus_says(stores, store):
    def rows(name):
        return run_query(examples()[name], stores[store], **EXAMPLE_CASES[name])

    coverage_rows = rows("01_relay_coverage")
    assert {r.unit for r in coverage_rows if r.relayed} == {"Kon Tum", "Hải Phòng"}
    assert sum(1 for r in coverage_rows if r.level == "province") == 63 and not all(r.relayed for r in coverage_rows)
    # Kon Tum: "Giao Sở Xây dựng chủ trì, … trước ngày 25 tháng 7 năm 2025"
    assert ("Sở Xây dựng tỉnh Kon Tum", 1) in {(r.agency, r.lead) for r in rows("02_overdue_by_agency")}
    assert any(r.agency == "Sở Xây dựng tỉnh Kon Tum" and r.successor == "Sở Xây dựng tỉnh Quảng Ngãi"
               and r.deadline == "2025-07-25" for r in rows("05_merged_open_tasks"))
    # tests/data/corpus 046_cv-ubnd-tinh-2018-y-kien-du-thao-chi-thi-phat-trien-ben-vung.txt (Kon Tum): "Chủ tịch UBND
    # tỉnh yêu cầu Giám đốc Sở Kế hoạch và Đầu tư triển khai thực hiện" — the head's task is the department's, which
    # Sở Tài chính carries on from 1 March 2025
    assert ("Sở Kế hoạch và Đầu tư", "Sở Tài chính", "2025-03-01", "lead", None) in {
        (r.agency, r.successor, r.merged_on, r.role, r.deadline) for r in rows("05_merged_open_tasks")}
    # Hải Phòng: "cả nước đạt 8% trở lên … và thành phố đạt 12,5%"
    assert (HAI_PHONG, 12.5, 8.0) in {(r.document, r.value, r.national_value) for r in rows("04_above_national")}
    assert ("68-NQ/TW", "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140", 2) in {
        (r.resolution, r.document, r.depth) for r in rows("03_party_chains")}
    # Kon Tum: "trong tháng 5 và tháng 6 năm 2025" (its departments and districts, all) and "Giao Sở Xây dựng chủ
    # trì, … trước ngày 25 tháng 7 năm 2025" (to lead); Hải Phòng's letter sets no deadline
    assert [(r.month, r.assignments, r.provinces, r.lead) for r in rows("13_deadlines_by_month")] == [
        ("2025-06", 2, 1, 0), ("2025-07", 1, 1, 1)]
    # Quảng Ngãi relays 138/NQ-CP (140/KH-UBND of 23 June 2025) and gives no task; the one department of Quảng Ngãi
    # the store knows is the registry's successor of Kon Tum's Sở Xây dựng (named in Kon Tum's letter)
    assert [(r.province, r.relays, r.first_relay, r.department) for r in rows("14_departments_left_out")] == [
        ("Quảng Ngãi", 1, "2025-06-23", "Sở Xây dựng tỉnh Quảng Ngãi")]
    # 139/NQ-CP: "Căn cứ Nghị quyết số 68-NQ/TW …" but it carries out 198/2025/QH15; the two seed letters cite it
    # among the Party's resolutions; 138/NQ-CP and Quảng Ngãi's plan implement it, so they are not listed
    assert {(r.document, r.link) for r in rows("15_cited_not_implemented")} == {
        ("vn/nq-cp/2025/139", "BASED_ON"), (KON_TUM, "CITES"), (HAI_PHONG, "CITES")}


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_nq_124_propagation(stores, store):
    rows = run("propagation", stores[store], directive="124/NQ-CP")
    documents = {(r.document, r.issuer, r.depth) for r in rows}
    assert documents == {(KON_TUM, "Ủy ban nhân dân tỉnh Kon Tum", 1),
                         (HAI_PHONG, "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", 1)}
    # Kon Tum: "Giao Sở Xây dựng chủ trì, … trước ngày 25 tháng 7 năm 2025"
    assert any(r.document == KON_TUM and r.agency == "Sở Xây dựng tỉnh Kon Tum" and r.role == "lead"
               and r.deadline == "2025-07-25" for r in rows)
    assert any(r.document == HAI_PHONG and r.agency == "Các sở, ban, ngành thành phố Hải Phòng" for r in rows)


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_document_card_has_its_outline_and_tasks_their_path(stores, store):
    (doc,) = run("document", stores[store], document=KON_TUM)
    assert "1. Tập trung triển khai thực hiện nghiêm túc" in doc.outline  # the Kon Tum letter's numbered items
    assert "10. Rà soát, tổng hợp" in doc.outline
    tasks = run("tasks", stores[store], document=KON_TUM)
    # "10. Rà soát, tổng hợp các công trình …, gửi Sở Xây dựng để tổng hợp …": the item is the task's path
    (lead,) = [t for t in tasks if t.agency == "Sở Xây dựng tỉnh Kon Tum"]
    assert lead.path.split(" › ")[-1].startswith("10. Rà soát, tổng hợp")


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_seeds_targets_across_levels(stores, store):
    rows = run("targets", stores[store], directive="124/NQ-CP")
    found = {(r.document, r.indicator, r.value, r.scope) for r in rows}
    assert (HAI_PHONG, "tăng trưởng", 8.0, "cả nước") in found               # "cả nước đạt 8% trở lên"
    assert (HAI_PHONG, "tăng trưởng", 12.5, "thành phố Hải Phòng") in found  # "và thành phố đạt 12,5%"
    assert (KON_TUM, "tăng trưởng GRDP", 10.0, "tỉnh Kon Tum") in found      # "GRDP … đạt 10% trở lên"
    assert all(r.sentence for r in rows)


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_ancestry_reaches_the_party_resolution(stores, store):
    rows = run("ancestry", stores[store], document="140/KH-UBND")
    assert {(r.code, r.depth, r.top) for r in rows} >= {("138/NQ-CP", 1, False), ("139/NQ-CP", 1, False),
                                                         ("68-NQ/TW", 2, True)}


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_workload_overdue_depends_on_the_day(stores, store):
    before = run("workload", stores[store], agency="Sở Xây dựng tỉnh Kon Tum", as_of="2025-07-01")
    after = run("workload", stores[store], agency="Sở Xây dựng tỉnh Kon Tum", as_of="2025-08-01")
    assert [r.overdue for r in before] == [False] and [r.overdue for r in after] == [True]


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_coverage_of_nq_124(stores, store):
    rows = coverage(stores[store], "124/NQ-CP")
    relayed = {r.unit for r in rows if r.relayed}
    assert relayed == {"tỉnh Kon Tum", "thành phố Hải Phòng"}
    provinces = [r for r in rows if r.kind == "province"]
    assert len(provinces) == 63  # on 8 May 2025, before the provinces merged
    assert any(r.unit == "Bộ Tài chính" and not r.relayed for r in rows)


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_provinces_and_ministries_that_did_not_relay_nq_124(stores, store):
    """issue 22: the registry is in the graph, so the provinces and ministries that did not relay are one query in
    either language, and they are the ones coverage (which reads the registry in Python) finds."""
    rows = run("not_relayed", stores[store], directive="124/NQ-CP")
    provinces = {r.unit for r in rows if r.level == "province"}
    assert len(provinces) == 61 and {"Kon Tum", "Hải Phòng"}.isdisjoint(provinces)  # the two seed letters relayed it
    assert {"Quảng Ngãi", "Bình Dương", "Thừa Thiên Huế"} & provinces == {"Quảng Ngãi", "Bình Dương"}  # Huế since Jan
    assert {r.agency for r in rows} >= {"Ủy ban nhân dân tỉnh Quảng Ngãi", "Ủy ban nhân dân thành phố Huế"}
    ministries = {r.unit for r in rows if r.level == "ministry"}
    assert "Bộ Tài chính" in ministries and "Bộ Kế hoạch và Đầu tư" not in ministries  # merged on 1 March 2025
    silent = {(r.kind, r.unit) for r in coverage(stores[store], "124/NQ-CP") if not r.relayed}
    assert silent == {("ministry", r.unit) if r.level == "ministry" else ("province", r.agency.split(" ", 4)[4])
                      for r in rows}  # "Ủy ban nhân dân tỉnh X" → "tỉnh X"


def test_evidence_of_the_kon_tum_link(stores):
    (row,) = run("evidence", stores["rdf"], start=KON_TUM, end="124/NQ-CP")
    assert row.type == "IMPLEMENTS" and row.sentence.startswith("V/v triển khai Nghị quyết số 124/NQ-CP")
    assert row.span_end > row.span_start and row.extractor == "references"


@pytest.mark.parametrize("store", ["neo4j", "rdf"])
def test_agency_succession(stores, store):
    rows = run("agency", stores[store], agency="Ủy ban nhân dân tỉnh Kon Tum")
    assert ("succeeded by", "Ủy ban nhân dân tỉnh Quảng Ngãi", "2025-07-01") in {
        (r.relation, r.other_label, r.date) for r in rows}
    assert ("part of", "Chính phủ") in {(r.relation, r.other_label) for r in rows}


def test_unknown_query_and_missing_parameter(stores):
    with pytest.raises(LineageError, match="the catalogue has"):
        run("nothing", stores["rdf"])
    with pytest.raises(LineageError, match="needs directive"):
        run("propagation", stores["rdf"])
    with pytest.raises(LineageError, match="YYYY-MM-DD"):
        run("workload", stores["rdf"], agency="x", as_of="1/8/2025")


# Raw queries and their refusals: tests/test_guards.py.


def test_neo4j_refuses_writes_even_past_the_check(stores):
    with pytest.raises(LineageError, match="writes are refused"):
        stores["neo4j"].query("CREATE (n:Document {uid: 'x'}) RETURN n")
    assert not stores["neo4j"].query("MATCH (n {uid: 'x'}) RETURN n")


def test_runaway_cypher_hits_the_timeout(stores):
    with pytest.raises(LineageError, match="ran longer than 1 s"):
        stores["neo4j"].query("MATCH (a), (b), (c), (d) WHERE a.uid < b.uid AND c.uid < d.uid RETURN count(*) AS n",
                              timeout=1)


def test_runaway_sparql_hits_the_timeout(stores):
    with pytest.raises(LineageError, match="ran longer than 1 s"):
        select_read_only(stores["rdf_path"], "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                         timeout=1)


def test_row_limit(stores):
    assert len(stores["neo4j"].query("MATCH (n) RETURN n.uid AS uid", limit=7)) == 7
    _, rows = select_read_only(stores["rdf_path"], "SELECT ?s WHERE { ?s ?p ?o }", limit=7)
    assert len(rows) == 7


def _rq_files():
    from pathlib import Path

    root = Path(__file__).parents[1] / "queries"
    return sorted([*root.glob("catalogue/*.rq"), *root.glob("examples/*.rq")])


@pytest.mark.parametrize("path", _rq_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_sparql_is_standard(path):
    """Every SPARQL query of the catalogue and the examples is standard SPARQL 1.1: rdflib's parser, which knows
    no extension (Oxigraph's LATERAL, ADJUST…), reads it — through the raw-query guard, which reads a query with
    room for the grammar's recursion (evidence.rq needs about Python's default limit)."""
    from graph.rdf_store import QUERY_PREFIXES
    from queries.safety import check_sparql

    text = path.read_text(encoding="utf-8")
    assert "LATERAL" not in text.upper().replace("# ", "#")
    check_sparql(text, QUERY_PREFIXES)


def test_an_extension_is_caught():
    """The check above can fail: Oxigraph's LATERAL is not SPARQL 1.1."""
    from graph.errors import LineageError
    from queries.safety import check_sparql

    with pytest.raises(LineageError, match="syntax error"):
        check_sparql("SELECT ?s ?o WHERE { ?s ?p ?x LATERAL { ?x ?q ?o } }")


def test_a_query_nested_past_the_room_to_parse_is_refused_with_a_message():
    """A query nesting deeper than the guard's room (PARSE_RECURSION) is an error that says so, not a crash."""
    from graph.errors import LineageError
    from queries.safety import check_sparql

    deep = "SELECT ?x WHERE { BIND(" + "(" * 400 + "1" + ")" * 400 + " AS ?x) }"
    with pytest.raises(LineageError, match="nests too deep"):
        check_sparql(deep)
