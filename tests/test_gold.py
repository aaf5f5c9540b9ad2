"""The evaluation on the whole gold set (seeds + corpus), with the issue's thresholds."""

import pytest

from ingest import extract_path
from ingest.evaluate import evaluate, load_gold


@pytest.fixture(scope="module")
def report(data_dir):
    golds = {p.stem: p for p in (data_dir / "gold").glob("*.json")}
    docs = sorted((data_dir / "corpus").glob("*.txt"))
    assert len(docs) == 40 and all(d.stem in golds for d in docs)
    return evaluate((d.stem, extract_path(d).to_dict(), load_gold(golds[d.stem])) for d in docs)


def test_document_fields(report):
    for field in ("doc_type", "code", "issue_date", "issuer"):
        assert report.fields[field].accuracy >= 0.97, (field, report.fields[field].misses)


def test_reference_f1(report):
    assert report.references.f1 >= 0.95, report.references.misses


def test_relation_accuracy(report):
    assert report.relation.accuracy >= 0.95, report.relation.misses
