"""The trie-built phrase alternation matches exactly what a flat longest-first alternation matches."""

import re
from pathlib import Path

import pytest

from graph.vocabulary import old_tones, vocabulary
from ingest.lexicon.vocab import alternation, cues, duties

CORPUS = Path(__file__).parent / "data" / "corpus"


def flat(phrases: list[str], old: bool = False) -> str:
    """The plain alternation, longest phrase first (what ``alternation`` replaced); with ``old``, each phrase
    also with its tone marks in the old place."""
    parts = sorted({v for p in phrases for v in ((p, old_tones(p)) if old else (p,))}, key=len, reverse=True)
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


OLD_TONE_ROWS = [
    # With ``old`` (the registry's names), tone marks in the old place match the modern phrase; without it they do
    # not: 1512-qd-ubnd-994b8e prints "Sở Văn hoá, Thể thao và Du lịch", 27-2025-qd-ubnd-2fa877 "Uỷ ban nhân dân".
    (["Sở Văn hóa, Thể thao và Du lịch"], "Giám đốc Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hoá, Thể thao và Du lịch", None),
    (["Ủy ban nhân dân"], "Chánh Văn phòng Uỷ ban nhân dân tỉnh", "Uỷ ban nhân dân", None),
    (["Sở Văn hóa"], "Sở Văn hóa tỉnh", "Sở Văn hóa", "Sở Văn hóa"),
]


@pytest.mark.parametrize("phrases,text,with_old,without", OLD_TONE_ROWS)
def test_old_tone_rows(phrases, text, with_old, without):
    for old, expected in ((True, with_old), (False, without)):
        m = re.search(rf"(?<!\w)(?:{alternation(phrases, ignore_case=True, old=old)})(?!\w)", text, re.IGNORECASE)
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
    old = name == "registry"  # the registry's names are matched with their marks in either place
    for flags, ignore_case in ((re.IGNORECASE, True), (0, False)):
        trie = re.compile(rf"(?<!\w)(?:{alternation(phrases, ignore_case=ignore_case, old=old)})(?!\w)", flags)
        plain = re.compile(rf"(?<!\w)(?:{flat(phrases, old)})(?!\w)", flags)
        for text in texts:
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], name


def test_case_twins_cover_unicode():
    """A phrase pattern opens with each case of its first letter (``word_start_re``): those are every
    character of Unicode that a case-ignoring match takes for the letter, none beyond the BMP."""
    from ingest.clean.language import VIETNAMESE_LETTERS
    from ingest.lexicon.vocab import case_twins

    every = "".join(map(chr, range(0x110000)))
    for letter in sorted(set("abcdefghijklmnopqrstuvwxyz") | {c.lower() for c in VIETNAMESE_LETTERS}):
        assert tuple(re.findall(f"(?i:{re.escape(letter)})", every)) == case_twins(letter), letter


@pytest.mark.parametrize("phrases", [
    ["Sở Tài chính", "Sở Tư pháp", "Sở", "sở"],
    ["chịu trách nhiệm thi hành", "yêu cầu", "đề nghị", "gửi", "gửi về", "trước ngày", "6 tháng một lần", "quý"],
    ["KẾ HOẠCH", "kế hoạch", "Kế", "Ủy ban nhân dân", "ủy ban"],
])
def test_word_start_re_matches_the_plain_pattern(phrases):
    """``word_start_re`` finds what ``(?<!\\w)(?:…)`` finds, case ignored or not, at every start and end."""
    from ingest.lexicon.vocab import word_start_re

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:10]]
    texts += ["Kế hoạch; xKế hoạch SỞ TÀI CHÍNH, sở Tư\npháp; ſở; KẾ; 6 tháng một lần; quýt; Gửi về yêu cầu:"]
    for tail in ("", r"(?!\w)", r"\s+"):
        for ignore_case in (True, False):
            plain = re.compile(rf"(?<!\w)(?:{alternation(phrases, ignore_case=ignore_case)}){tail}",
                               re.IGNORECASE if ignore_case else 0)
            fast = word_start_re(phrases, tail, ignore_case=ignore_case)
            for text in texts:
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
                for start in range(0, len(text), 97):
                    a, b = plain.search(text, start, start + 200), fast.search(text, start, start + 200)
                    assert (a and a.span()) == (b and b.span())
