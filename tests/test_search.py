"""Find that forgives (queries/search.py) on the sample corpus, in the embedded store (read as the app reads
it, through the text index beside its generation) and in Neo4j (its full-text index): what a researcher
types → the documents or the agency found."""

from __future__ import annotations

import pytest

from graph.build import build
from graph.neo4j_store import TEXT_INDEX, Neo4jStore
from graph.rdf_store import TEXT_SUFFIX, OxigraphStore
from queries.search import IMPLEMENTER, search, text_terms

NQ_124 = "vn/nq-cp/2025/124"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"
QUANG_NGAI_140 = "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140"


@pytest.fixture(scope="module")
def neo4j_store(corpus_records, neo4j_uri):
    from conftest_neo4j import neo4j_auth

    neo = Neo4jStore(neo4j_uri, neo4j_auth())
    neo.delete_all()
    neo.write(build(corpus_records))
    yield neo
    neo.close()


@pytest.fixture(scope="module", params=["rdf", "neo4j"])
def store(request, corpus_rdf):
    if request.param == "neo4j":
        yield request.getfixturevalue("neo4j_store")
        return
    with OxigraphStore(corpus_rdf, read_only=True) as reader:
        yield reader


# (typed, documents that must be found, documents that must not)
FOUND = [
    # "124" is part of a code: 124/NQ-CP and the two letters implementing it (Hải Phòng's has no number and
    # its subject does not say 124: only the IMPLEMENTS edge brings it)
    ("124", {NQ_124, KON_TUM, HAI_PHONG}, set()),
    # no diacritics, any case: "Nghị quyết … 124"
    ("nghi quyet 124", {NQ_124, KON_TUM, HAI_PHONG}, set()),
    ("NGHỊ QUYẾT 124/nq-cp", {NQ_124}, set()),
    # "UBND" stands for "Ủy ban nhân dân": the Kon Tum letter's issuer
    ("UBND kon tum", {KON_TUM}, {NQ_124}),
    # "hai phong" at the start of words: Hải Phòng's letter, not Thanh Hóa's plan saying "phải phòng"
    ("hai phong", {HAI_PHONG}, {"vn/uy-ban-nhan-dan-tinh-thanh-hoa/kh-ubnd/2025/130"}),
    # "CP" is the Government's symbol: its resolutions, by issuer "Chính phủ"
    ("CP 138", {"vn/nq-cp/2025/138"}, set()),
    # the Quảng Ngãi plan by its number, and Quảng Ngãi's name without diacritics
    ("140/KH", {QUANG_NGAI_140}, set()),
    ("quang ngai ke hoach", {QUANG_NGAI_140}, set()),
    # words only in the outline of the Kon Tum letter (its item 11 "tháo gỡ vướng mắc", item 14 "nhà dột nát"):
    # no code, subject or issuer says them, only the store's text index has them
    ("vuong mac", {KON_TUM}, {NQ_124}),
    ("nha dot nat", {KON_TUM}, {HAI_PHONG}),
]


@pytest.mark.parametrize("typed, wanted, unwanted", FOUND, ids=[row[0] for row in FOUND])
def test_find_forgives(store, typed, wanted, unwanted):
    found = {h.document for h in search(store, typed)}
    assert wanted <= found, wanted - found
    assert not (unwanted & found)


def test_implementers_say_why_and_stubs_say_so(store):
    hits = {h.document: h for h in search(store, "124")}
    assert hits[HAI_PHONG].reason == IMPLEMENTER and hits[HAI_PHONG].via == "124/NQ-CP"
    assert hits[NQ_124].reason != IMPLEMENTER
    ttg = search(store, "TTg")  # the Prime Minister's documents: 1911/QĐ-TTg held, 56/CĐ-TTg only cited
    assert any(h.stub for h in ttg) and any(not h.stub for h in ttg)
    assert [h.stub for h in ttg] == sorted(h.stub for h in ttg)  # held ones first


def test_an_unknown_code_finds_nothing(store):
    assert search(store, "999/NQ-XYZ") == []


def test_the_index_answers(store):
    """Find asks the store's index (``find_text``), which has the outline's words, not a scan of the rows."""
    assert [r["document"] for r in store.find_text(text_terms("vuong mac"))] == [KON_TUM]
    assert store.find_text(text_terms("zzzz")) == []


def test_neo4j_keeps_a_folding_full_text_index(neo4j_store):
    rows = neo4j_store.query("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options",
                             {"name": TEXT_INDEX})
    assert rows and rows[0]["options"]["indexConfig"]["fulltext.analyzer"] == "standard-folding"


def test_the_embedded_index_follows_the_generation(corpus_records, tmp_path):
    """The text index is made with each generation: a reader opened before an ingest keeps finding what its
    generation holds; one opened after finds the new document; the old generation's index goes with it."""
    path = tmp_path / "rdf"
    without_kon_tum = [r for r in corpus_records if "kon-tum-cv" not in r["source"]["path"]]
    assert len(without_kon_tum) == len(corpus_records) - 1
    with OxigraphStore(path) as writer:
        writer.write(build(without_kon_tum))
    before = OxigraphStore(path, read_only=True)
    assert len(list(path.glob(f"gen-*{TEXT_SUFFIX}"))) == 1
    assert search(before, "vuong mac") == []
    with OxigraphStore(path) as writer:
        writer.write(build(corpus_records))
    after = OxigraphStore(path, read_only=True)
    assert [h.document for h in search(after, "vuong mac")] == [KON_TUM]
    assert search(before, "vuong mac") == []  # the index of the generation it opened
    before.close()
    with OxigraphStore(path) as writer:  # the next write removes what no reader holds, its index too
        writer.write(build(without_kon_tum))
    after.close()
    assert len(list(path.glob(f"gen-*{TEXT_SUFFIX}"))) == len(list(path.glob("gen-*[0-9]"))) == 2
