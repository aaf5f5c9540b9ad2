"""The trie-built phrase alternation matches exactly what a flat longest-first alternation matches."""

import re
from pathlib import Path

import pytest

from graph.vocabulary import vocabulary
from ingest.vocab import alternation, cues, duties

CORPUS = Path(__file__).parent / "data" / "corpus"


def flat(phrases: list[str]) -> str:
    """The plain alternation, longest phrase first (what ``alternation`` replaced)."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


ROWS = [
    # The longest registry name wins over its prefix.
    (["Sở", "Sở Tài chính", "Sở Tư pháp"], "Giao Sở Tài chính chủ trì", "Sở Tài chính"),
    # A line break inside a name still matches.
    (["Ủy ban nhân dân tỉnh"], "Ủy ban nhân\ndân tỉnh Kon Tum", "Ủy ban nhân\ndân tỉnh"),
    # Case-insensitive: the upper-case heading matches the lower-case cue.
    (["chủ trì, phối hợp", "chủ trì"], "CHỦ TRÌ, PHỐI HỢP với các sở", "CHỦ TRÌ, PHỐI HỢP"),
    # The longer phrase fails ("chính" ≠ "nguyên"), the shorter one on its path matches.
    (["Bộ Tài chính", "Bộ Tài"], "Bộ Tài nguyên và Môi trường", "Bộ Tài"),
    # A phrase cut inside a word is no match: "Sở Y" in "Sở Y tế" needs the word to end.
    (["Sở Y"], "Sở Y tế", "Sở Y"),
    (["Sở Y"], "Sở Ytế", None),
    # Regex characters in a phrase are literal: "V/v", "(nếu có)".
    (["V/v", "(nếu có)"], "các đơn vị (nếu có)", "(nếu có)"),
]


@pytest.mark.parametrize("phrases,text,expected", ROWS)
def test_rows(phrases, text, expected):
    m = re.search(rf"(?<!\w)(?:{alternation(phrases, ignore_case=True)})(?!\w)", text, re.IGNORECASE)
    assert (m.group() if m else None) == expected


def _lists() -> dict[str, list[str]]:
    v = vocabulary()
    out = {"registry": [n for b in (*v.central, *v.local) for n in (b.name, *b.aliases)],
           "type_words": list(v.type_words())}
    for source, data in (("cues", cues()), ("duties", duties())):
        for section, words in data.items():
            for key, value in (words.items() if isinstance(words, dict) else ()):
                if isinstance(value, list) and value and all(isinstance(w, str) for w in value):
                    out[f"{source}.{section}.{key}"] = value
    return out


@pytest.mark.parametrize("name", sorted(_lists()))
def test_same_matches_as_flat_on_the_corpus(name):
    phrases = _lists()[name]
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for flags, ignore_case in ((re.IGNORECASE, True), (0, False)):
        trie = re.compile(rf"(?<!\w)(?:{alternation(phrases, ignore_case=ignore_case)})(?!\w)", flags)
        plain = re.compile(rf"(?<!\w)(?:{flat(phrases)})(?!\w)", flags)
        for text in texts:
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], name
