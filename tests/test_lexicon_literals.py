"""One lexicon: every Vietnamese word lives in a data file (``ingest/lexicon/*.toml``, the registry in
``graph/vocabulary/``), never as a string in the code of ``ingest/`` or of the app (``ui/``, whose words are in ``ui/labels.toml``) — so that a new cue phrase is a line of
data, and a word is changed in one place.

The rule the scan applies to every string constant of a ``.py`` file under ``ingest/`` outside
``ingest/lexicon/`` (comments and docstrings may quote Vietnamese examples): with its regex character classes
taken out (``[A-ZĐ\\u00C0-\\u1EF8]``, ``[a-zđ]`` are letters, not words), no run of two letters or more may
hold a letter only Vietnamese writes ("đ", "ơ", "ạ" …). The alphabets in ``ALPHABETS`` are sets of letters
that patterns are built from, and pass by name.
"""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from ingest import extract_text
from ingest.clean.language import VIETNAMESE_LETTERS
from ingest.lexicon import vocab
from ingest.stages import references

ROOT = Path(__file__).parent.parent
# Alphabets, not words: (file, constant) of the letter sets character classes are made of.
ALPHABETS = {
    ("ingest/clean/language.py", "VIETNAMESE_LETTERS"),  # "ăâđêôơư…": the letters only Vietnamese writes
    ("ingest/read/legacy.py", "WIDE_VIETNAMESE"),  # "ăĂđĐơƠưƯẠ-ỹ": the inside of a class of wide letters
}
# A regex escape ("\s", "\u00C0") or a character class ("[a-zđ]", "[^.;:,]", one cut by an f-string's
# field: "[{CAPITALS}"): no words in either.
ESCAPE_OR_CLASS_RE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*(?:\]|$)")
# A run of letters.
LETTERS_RE = re.compile(r"[^\W\d_]{2,}")


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _alphabet_constants(tree: ast.AST, path: str) -> set[int]:
    """The ids of the string constants assigned to a name of :data:`ALPHABETS`."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and (path, t.id) in ALPHABETS
                                                for t in node.targets):
            out.update(id(c) for c in ast.walk(node.value) if isinstance(c, ast.Constant))
    return out


def vietnamese_word(literal: str) -> str | None:
    """The first Vietnamese word of ``literal`` outside its regex escapes and character classes, if any.

    >>> vietnamese_word(r"^\\s*(?:Kính gửi)\\s*:?")
    'Kính'
    >>> vietnamese_word(r"(?<agency>[A-ZĐ\\u00C0-\\u1EF8][^.;:,]{2,80}?)\\s+(?:") is None
    True
    """
    for run in LETTERS_RE.findall(ESCAPE_OR_CLASS_RE.sub(" ", literal)):
        if any(ch in VIETNAMESE_LETTERS for ch in run):
            return run
    return None


def literals(source: str, path: str) -> list[tuple[int, str]]:
    """(line, literal) of each string constant of ``source`` that holds a Vietnamese word."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _alphabet_constants(tree, path)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and vietnamese_word(node.value))


def _code_files() -> list[Path]:
    """The code of ``ingest/`` (its words in ``ingest/lexicon/``) and of the app, ``ui/`` (its words in
    ``ui/labels.toml``)."""
    ingest = [p for p in (ROOT / "ingest").rglob("*.py") if "lexicon" not in p.relative_to(ROOT / "ingest").parts]
    return sorted([*ingest, *(ROOT / "ui").rglob("*.py")])


@pytest.mark.parametrize("path", _code_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_vietnamese_word_in_code(path):
    name = str(path.relative_to(ROOT))
    found = literals(path.read_text(encoding="utf-8"), name)
    assert not found, "Vietnamese words in code (move them to ingest/lexicon/*.toml):\n" + "\n".join(
        f"{name}:{line}: {literal!r}" for line, literal in found)


def test_a_word_put_back_is_found():
    """"Kính gửi" written back into a pattern is caught; letter classes, escapes, docstrings and the alphabets
    are not."""
    source = '''"""Kính gửi: the addressees."""
import re
ADDRESSEE_RE = re.compile(r"^\\s*Kính gửi\\s*:")
CAPITAL_RE = re.compile(r"[A-ZĐ\\u00C0-\\u1EF8][a-zđ]+\\s+\\u0111")
'''
    assert literals(source, "ingest/stages/header.py") == [(3, r"^\s*Kính gửi\s*:")]
    alphabet = 'WIDE_VIETNAMESE = "ăĂđĐơƠưƯẠ-ỹ"\n'
    assert literals(alphabet, "ingest/read/legacy.py") == []
    assert literals(alphabet, "ingest/read/other.py") == [(1, "ăĂđĐơƠưƯẠ-ỹ")]


def test_a_cue_phrase_is_one_line_of_data(monkeypatch):
    """A new way to point back at a document ("Công văn kể trên") is one more phrase in cues.toml's anaphora:
    the pattern is built from the data, no code changes."""
    text = ("Thực hiện Công văn số 2522/STC-TH ngày 22 tháng 5 năm 2025 của Sở Tài chính. "
            "Các đơn vị thực hiện theo Công văn kể trên.")

    def spans() -> int:
        return len(extract_text(text).to_dict()["references"][0]["spans"])

    assert spans() == 1  # "kể trên" is not yet a cue: the second mention is not read
    cues = resources.files("ingest.lexicon").joinpath("cues.toml").read_text(encoding="utf-8")
    edited = cues.replace('anaphora = ["nêu trên",', 'anaphora = ["kể trên", "nêu trên",')
    assert edited != cues  # (one line of the file)
    load = vocab.load
    monkeypatch.setattr(vocab, "load", lambda name: tomllib.loads(edited) if name == "cues.toml" else load(name))
    references._anaphora_re.cache_clear()
    try:
        assert spans() == 2  # "Công văn kể trên" now joins 2522/STC-TH
    finally:
        references._anaphora_re.cache_clear()
