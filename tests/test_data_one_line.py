"""Adding an agency's alias or a document type's abbreviation is one line of one data file (graph/vocabulary),
no code: each test makes the edit the way a maintainer would, reloads the vocabulary, and sees it used. (A cue
phrase of the extractor's lexicon: tests/test_lexicon_literals.py.)"""

import tomllib
from importlib import resources

import pytest

import graph.vocabulary as vocab_module
from graph.vocabulary import vocabulary
from ingest.lexicon.codes import parse_code


def _edited(monkeypatch, name: str, old: str, new: str) -> None:
    """``graph/vocabulary/NAME`` with one line changed, loaded instead of the file; the caches built on it cleared."""
    text = resources.files("graph.vocabulary").joinpath(name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    edited = text.replace(old, new)
    assert len(edited.splitlines()) == len(text.splitlines())  # one line changed, none added
    load = vocab_module._load
    monkeypatch.setattr(vocab_module, "_load", lambda n: tomllib.loads(edited) if n == name else load(n))
    vocabulary.cache_clear()


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    vocabulary.cache_clear()
    yield
    vocabulary.cache_clear()


def test_an_agency_alias_is_one_line(monkeypatch):
    # "Sở KHCN" (no "&") is how some letters print the department of science and technology.
    assert vocabulary().canonical_name("Sở KHCN tỉnh Kon Tum") is None
    _edited(monkeypatch, "agencies.toml", 'aliases = ["Sở KH&CN"]', 'aliases = ["Sở KH&CN", "Sở KHCN"]')
    assert vocabulary().canonical_name("Sở KHCN tỉnh Kon Tum") == "Sở Khoa học và Công nghệ tỉnh Kon Tum"


def test_a_document_type_abbreviation_is_one_line(monkeypatch):
    # "01/CTPH-UBND-MTTQ", a Chương trình phối hợp of a People's Committee and the Front.
    assert parse_code("01/CTPH-UBND-MTTQ").doc_type() is None
    _edited(monkeypatch, "doc_types.toml", 'abbr = ["CTr"]', 'abbr = ["CTr", "CTPH"]')
    assert parse_code("01/CTPH-UBND-MTTQ").doc_type().name == "Chương trình"
