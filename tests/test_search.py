"""Find that forgives (queries/search.py) on the sample corpus in the embedded store: what a researcher types
→ the documents or the agency found."""

from __future__ import annotations

import pytest

from graph.build import build
from graph.rdf_store import OxigraphStore
from queries.search import IMPLEMENTER, code_matches, expand, find_agency, loose, search

NQ_124 = "vn/nq-cp/2025/124"
KON_TUM = "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"
HAI_PHONG = "vn/van-phong-uy-ban-nhan-dan-thanh-pho-hai-phong/unnumbered/2025/75f339db03e9"
QUANG_NGAI_140 = "vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140"


@pytest.fixture(scope="module")
def store(corpus_records, tmp_path_factory):
    rdf = OxigraphStore(tmp_path_factory.mktemp("search") / "rdf")
    rdf.write(build(corpus_records))
    yield rdf
    rdf.close()


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


# (typed, the agency meant)
AGENCIES = [
    ("Ủy ban nhân dân tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"),      # as the store names it
    ("UBND tỉnh Kon Tum", "Ủy ban nhân dân tỉnh Kon Tum"),                # the registry's abbreviation
    ("uy ban nhan dan tinh kon tum", "Ủy ban nhân dân tỉnh Kon Tum"),     # no diacritics
    ("ubnd tinh kon tum", "Ủy ban nhân dân tỉnh Kon Tum"),                # both
    ("so xay dung tinh kon tum", "Sở Xây dựng tỉnh Kon Tum"),             # the letter's lead department
    ("zzz", None),                                                        # nothing fits
]


@pytest.mark.parametrize("typed, name", AGENCIES, ids=[row[0] for row in AGENCIES])
def test_agency_by_what_was_typed(store, typed, name):
    match = find_agency(store, typed)
    assert match.name == name


def test_several_agencies_are_offered(store):
    """"kon tum" alone fits the province's committee, its department and its addressee groups: all offered."""
    match = find_agency(store, "kon tum")
    assert match.name is None
    assert {"Ủy ban nhân dân tỉnh Kon Tum", "Sở Xây dựng tỉnh Kon Tum"} <= set(match.candidates)


def test_folding():
    assert loose("Ủy ban nhân dân tỉnh Đắk Lắk") == "uy ban nhan dan tinh dak lak"
    assert expand("HĐND TP Hải Phòng") == "hoi dong nhan dan thanh pho hai phong"
    assert code_matches("124", "124/NQ-CP") and not code_matches("124", "1240/QĐ-UBND")
