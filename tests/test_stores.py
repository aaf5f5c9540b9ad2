"""One contract, every store: a real Neo4j, rdflib on Oxigraph, and networkx hold the same graph.

The graph is built from the project's sample corpus (the two seeds and 38 documents). Each test runs
once per store; the Neo4j one uses the session's real server (``neo4j_uri``) and fails if it cannot
start.
"""

from __future__ import annotations

import pytest

from graph.build import build
from graph.model import DOCUMENT_EDGES, TEXT_EDGES
from graph.neo4j_store import Neo4jStore
from graph.nx_store import NetworkxStore
from graph.rdf_store import OxigraphStore

NQ_124 = "vn/nq-cp/2025/124"
HAI_PHONG = "hai-phong-cv-trien-khai-nq-124-nq-cp-2025.txt"
KON_TUM = "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
NQ_124_FILE = "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt"
# Edges whose record entry has a place in the text: they carry span and sentence, not only the source.
SPAN_EDGES = frozenset((*DOCUMENT_EDGES.values(), "ASSIGNS", "ASSIGNED_TO", "SETS_TARGET", "TARGET_FOR"))


@pytest.fixture(params=["neo4j", "oxigraph", "networkx"])
def store(request, tmp_path):
    if request.param == "neo4j":
        from conftest_neo4j import neo4j_auth
        s = Neo4jStore(request.getfixturevalue("neo4j_uri"), neo4j_auth())
        s.delete_all()
    elif request.param == "oxigraph":
        s = OxigraphStore(tmp_path / "rdf")
    else:
        s = NetworkxStore()
    yield s
    s.close()


def _by_file(records, name):
    return next(r for r in records if r["source"]["path"].endswith(name))


def test_the_store_holds_exactly_the_built_graph(store, corpus_records):
    graph = build(corpus_records)
    store.write(graph)
    assert store.counts() == graph.counts()
    assert store.read().canonical() == graph.canonical()


def test_counts_by_label_and_type(store, corpus_records):
    store.write(build(corpus_records))
    counts = store.counts()
    assert counts.nodes["Document"] == 40 + counts.stubs  # 40 held documents, the rest cited only
    assert counts.nodes["Resolution"] >= 10               # the family label sits beside Document
    assert {"IMPLEMENTS", "BASED_ON", "CITES", "ISSUED_BY", "ADDRESSED_TO", "ASSIGNS", "ASSIGNED_TO",
            "SETS_TARGET", "TARGET_FOR", "SUCCEEDED_BY", "PART_OF"} <= set(counts.edges)


def test_nq_124_lineage_with_evidence(store, corpus_records):
    store.write(build(corpus_records))
    graph = store.read()
    hai_phong = _by_file(corpus_records, HAI_PHONG)["document"]["id"]
    kon_tum = _by_file(corpus_records, KON_TUM)["document"]["id"]
    implementers = {e.start: e for e in graph.edges if e.type == "IMPLEMENTS" and e.end == NQ_124}
    assert {hai_phong, kon_tum} <= set(implementers)
    for uid in (hai_phong, kon_tum):
        edge = implementers[uid]
        assert edge.props["span_end"] > edge.props["span_start"] >= 0
        assert "124/NQ-CP" in edge.props["sentence"]
    assert graph.nodes[NQ_124].props["stub"] is False       # the resolution itself is in the corpus
    assert graph.nodes[NQ_124].props["issue_date"] == "2025-05-08"
    # Hải Phòng restates the national 8% as 12.5% for the city (both targets, each with its agency).
    targets = {(graph.nodes[e.end].props["value"], graph.nodes[e.end].props["scope"])
               for e in graph.edges if e.type == "SETS_TARGET" and e.start == hai_phong}
    assert {(8.0, "cả nước"), (12.5, "thành phố Hải Phòng")} <= targets


def test_every_text_edge_carries_provenance(store, corpus_records):
    store.write(build(corpus_records))
    graph = store.read()
    shas = {r["source"]["sha256"] for r in corpus_records}
    text_edges = [e for e in graph.edges if e.type in TEXT_EDGES]
    assert len(text_edges) > 200
    for e in text_edges:
        assert e.props["source_sha256"] in shas, e
        assert e.props["extractor"] and 0 < e.props["confidence"] <= 1, e
        if e.type in SPAN_EDGES:
            assert e.props["span_end"] >= e.props["span_start"] and e.props["sentence"], e
    for e in graph.edges:
        if e.type not in TEXT_EDGES:
            assert e.props["extractor"] == "registry", e
    # Header facts point at the header: the issuer block, the Kính gửi block.
    (issued,) = [e for e in graph.edges if e.type == "ISSUED_BY" and e.start == NQ_124]
    assert issued.props["sentence"] == "CHÍNH PHỦ" and issued.props["span_end"] > issued.props["span_start"]
    kon_tum = _by_file(corpus_records, KON_TUM)["document"]["id"]
    addressed = [e for e in graph.edges if e.type == "ADDRESSED_TO" and e.start == kon_tum]
    assert len(addressed) == 2 and all(e.props["sentence"].startswith("Kính gửi:") for e in addressed)
    with_span = [e for e in graph.edges if e.type == "ISSUED_BY" and "span_start" in e.props]
    assert len(with_span) >= 30  # all but issuers read from a body with no header


def test_reingest_is_idempotent(store, corpus_records):
    graph = build(corpus_records)
    store.write(graph)
    first = store.counts()
    store.write(graph)
    store.write(build(corpus_records))
    assert store.counts() == first
    assert store.read().canonical() == graph.canonical()


def test_a_stub_is_filled_in_when_its_document_arrives(store, corpus_records):
    without = [r for r in corpus_records if not r["source"]["path"].endswith(NQ_124_FILE)]
    store.write(build(without))
    before = store.read()
    assert before.nodes[NQ_124].props["stub"] is True
    assert before.nodes[NQ_124].props["code"] == "124/NQ-CP"
    store.write(build([_by_file(corpus_records, NQ_124_FILE)]))
    after = store.read()
    assert after.nodes[NQ_124].props["stub"] is False
    assert after.nodes[NQ_124].props["subject"].startswith("Phiên họp Chính phủ thường kỳ tháng 4")
    assert sum(1 for uid in after.nodes if uid == NQ_124) == 1
    # The same store as one ingest of everything: nothing duplicated, nothing lost.
    assert after.canonical() == build(corpus_records).canonical()


def test_a_later_stub_does_not_overwrite_a_held_document(store, corpus_records):
    store.write(build([_by_file(corpus_records, NQ_124_FILE)]))
    store.write(build([_by_file(corpus_records, KON_TUM)]))
    node = store.read().nodes[NQ_124]
    assert node.props["stub"] is False
    assert node.props["subject"].startswith("Phiên họp Chính phủ thường kỳ tháng 4")
