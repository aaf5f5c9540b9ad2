"""The evaluation on the gold sets, read against ``docs/record.md``.

Two sets: the 40 partial documents the extractor was first built on (``tests/data/corpus``: mostly first
pages, the two seeds among them), held to issue 4's thresholds; and 64 whole official documents of 2025
(``tests/data/whole``: plans, decisions with regulations, Công điện, HĐND resolutions, letters, news pages),
held to floors just under what the extractor measures today. The floors guard against regressions; issue
18's goals (assignments and targets F1 ≥ 0.90 on all the gold) are measured by ``lineage eval`` and reported
in the README.
"""

import pytest

from ingest import extract_path
from ingest.evaluate import evaluate, load_gold


def _report(data_dir, folder: str, count: int):
    golds = {p.stem: p for p in (data_dir / "gold").glob("*.json")}
    docs = sorted((data_dir / folder).glob("*.txt"))
    assert len(docs) == count and all(d.stem in golds for d in docs), [d.stem for d in docs if d.stem not in golds]
    return evaluate((d.stem, extract_path(d).to_dict(), load_gold(golds[d.stem])) for d in docs)


@pytest.fixture(scope="module")
def partial(data_dir):
    return _report(data_dir, "corpus", 40)


@pytest.fixture(scope="module")
def whole(data_dir):
    return _report(data_dir, "whole", 64)


# ---- the 40 partial documents: issue 4's thresholds -------------------------------------------------


def test_document_fields(partial):
    for field in ("doc_type", "code", "issue_date", "issuer"):
        assert partial.fields[field].accuracy >= 0.97, (field, partial.fields[field].misses)


def test_reference_f1(partial):
    assert partial.references.f1 >= 0.95, partial.references.misses


def test_relation_accuracy(partial):
    assert partial.relation.accuracy >= 0.95, partial.relation.misses


def test_assignment_f1(partial):
    # Issue 4: agency + role F1 >= 0.85 (the gold read to the whole-document conventions, see its notes);
    # issue 18: not lower than the 0.881 measured before whole documents were read (0.918 now).
    assert partial.assignments.f1 >= 0.90, partial.assignments.misses


def test_target_f1(partial):
    # Issue 4: value + unit + comparator F1 >= 0.90, counted as a multiset.
    assert partial.targets.f1 >= 0.90, partial.targets.misses


def test_target_scope_and_period(partial):
    assert partial.target_scope.accuracy >= 0.9, partial.target_scope.misses
    assert partial.target_period.accuracy >= 0.9, partial.target_period.misses


# ---- the 64 whole documents: floors under today's figures ------------------------------------------


def test_whole_document_fields(whole):
    for field in ("doc_type", "code", "issue_date", "issuer", "subject"):
        assert whole.fields[field].accuracy >= 0.97, (field, whole.fields[field].misses)


def test_whole_references(whole):
    assert whole.references.f1 >= 0.95, whole.references.misses
    assert whole.relation.accuracy >= 0.93, whole.relation.misses


def test_whole_addressees(whole):
    # The Kính gửi block and a telegram's "THỦ TƯỚNG CHÍNH PHỦ điện:" block, items over several lines.
    assert whole.addressees.f1 >= 0.95, whole.addressees.misses


def test_whole_assignments(whole):
    # Measured 0.904 (P 0.920, R 0.889) on the 64 when this floor was set (0.905 with the 40 partial documents).
    assert whole.assignments.f1 >= 0.89, whole.assignments.misses


def test_whole_targets(whole):
    # Measured 0.925 (P 0.974, R 0.881) when this floor was set; issue 18 asks for 0.90.
    assert whole.targets.f1 >= 0.90, whole.targets.misses
