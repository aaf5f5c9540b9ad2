"""The one scan of a text for the stages' trigger phrases (ingest/lexicon/scanner.py): what it finds in real
sentences, and that each stage pattern tried only at its hits finds what ``finditer`` over the whole text finds."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.lexicon.scanner import finditer_at, fold_for_scan, scan, triggers

DATA = Path(__file__).parent / "data"
TEXTS = sorted(DATA.glob("corpus/*.txt")) + sorted(DATA.glob("whole/*.txt"))

ROWS = [
    # tests/data/corpus/001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt: the basis opener, and "Luật" both
    # a document type and a named law.
    ("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
     [("basis_openers", "Căn cứ", 0, 6, True, True), ("type_words", "Luật", 7, 11, True, True),
      ("named_laws", "Luật", 7, 11, True, True)]),
    # tests/data/whole/48-2025-qd-ubnd-112969.txt: an expiry phrase, then a type word.
    ("Chính phủ hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.",
     [("expires", "hết hiệu lực", 10, 22, True, True), ("type_words", "Quyết định", 34, 44, True, True)]),
    # tests/data/whole/36-2025-nq-hdnd-13be17.txt: "Bãi bỏ" as printed finds the lexicon's "bãi bỏ" (case folded).
    ("Bãi bỏ Nghị quyết số",
     [("repeals", "bãi bỏ", 0, 6, True, True), ("type_words", "Nghị quyết", 7, 17, True, True)]),
    # tests/data/corpus/030_qd-468-qd-ubnd-2022-dak-nong-ke-hoach-de-an-06.txt: a heading in capitals.
    ("QUYẾT ĐỊNH:", [("type_words", "Quyết định", 0, 10, True, True)]),
    # tests/data/corpus/002_nq-03-nq-cp-2025-chuong-trinh-hanh-dong-57-nq-tw.txt: the article word.
    ("Điều 1. Ban hành kèm theo Nghị quyết này Chương",
     [("article", "Điều", 0, 4, True, True), ("type_words", "Nghị quyết", 26, 36, True, True)]),
    # tests/data/corpus/014_kh-1902-kh-ubnd-2023-phu-tho-trien-khai-nq-77-nq-cp-27-nq-tw.txt ("Thực hiện Nghị quyết
    # số"), with a doubled space and a line break put in as PDFs print them: the phrase's one space stands for any
    # run of whitespace.
    ("Thực  hiện\nNghị quyết số",
     [("implement_openers", "Thực hiện", 0, 10, True, True), ("type_words", "Nghị quyết", 11, 21, True, True)]),
    # /work/shared/corpus-full/docs/1378-qd-bnv-77e88f.txt: a type word glued to the word before ("thảoTờ"):
    # found, but not at a word's start.
    ("+ Dự thảoTờ trình giải thể đơn vị sự nghiệp công lập.",
     [("type_words", "Tờ trình", 9, 17, False, True)]),
    # /work/shared/corpus-full/docs/212-2025-qd-ubnd-7ff354.txt: a footnote marker glued after "quy định".
    ("và công khai tài sản, thu nhập theo quy định1", [("type_words", "Quy định", 36, 44, True, False)]),
    # tests/data/corpus/004_kh-130-kh-ubnd-2025-thanh-hoa-thi-dua-doi-moi-sang-tao-chuyen-doi-so.txt: the short-name
    # cue inside its bracket, and the shorter cue inside it ("sau" is also a list word: "các quyết định sau").
    ("đổi số” (sau đây viết tắt là Phong trào thi đua)",
     [("list_after", "sau", 9, 12, True, True), ("list_after", "sau đây", 9, 16, True, True),
      ("short_name_cues", "sau đây viết tắt là", 9, 28, True, True),
      ("short_name_cues", "viết tắt là", 17, 28, True, True)]),
]


@pytest.mark.parametrize("text,expected", ROWS)
def test_rows(text, expected):
    assert [(h.key, h.phrase, h.start, h.end, h.word_start, h.word_end) for h in scan(text).hits] == expected


def _stage_patterns():
    """Each stage's whole-text pattern, with the hits it is tried at (as the stage asks them)."""
    from ingest.stages import names, references, relations

    def keys(*k, word_start=False):
        return lambda text: scan(text).starts(*k, word_start=word_start)

    return {
        "typed": (references._typed_re(), keys("type_words", word_start=True)),
        "anaphora": (references._anaphora_re(), keys("type_words", word_start=True)),
        "named_laws": (references.NAMED_START_RE, keys("named_laws", word_start=True)),
        "openers": (relations._opener_re(), keys("implement_openers", "basis_openers")),
        "preamble": (relations._preamble_re(), keys("preamble_enders")),
        "first_article": (relations.FIRST_ARTICLE_RE, keys("article")),
        "expires": (relations._expires_re(), keys("expires", word_start=True)),
        "listed_change": (relations._listed_change_re(), keys("amends", "replaces", "repeals")),
        "listed_expiry": (relations._listed_expiry_re(), keys("list_after", word_start=True)),
        "short_name": (names._short_name_re(),
                       lambda text: names._brackets_before(text, scan(text).starts("short_name_cues"))),
    }


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("name", sorted(_stage_patterns()))
def test_hits_find_what_finditer_finds_on_the_corpora(name):
    """Tried only at the scan's hits, each pattern finds every match ``finditer`` finds in the test corpora (the
    raw texts, line breaks and runs of spaces included, and their one-line flat views)."""
    from ingest.clean.flat import flatten

    pattern, starts = _stage_patterns()[name]
    found = 0
    for path in TEXTS:
        raw = path.read_text(encoding="utf-8")
        for text in (raw, flatten(raw, [(0, len(raw))]).text):
            plain = list(pattern.finditer(text))
            assert _spans(finditer_at(pattern, text, starts(text))) == _spans(plain), (name, path.name)
            found += len(plain)
    assert found, f"{name}: no match in the corpora, the comparison says nothing"


# Pieces random texts are made of: the phrases as printed, in capitals and lower case, their words, and the
# characters that test the folding ("ſ" and the Kelvin sign a case-ignoring pattern takes for "s" and "k", "İ"
# whose lower case is two characters, a no-break space, line breaks, brackets, colons, digits).
_PHRASES = sorted({p for ps in triggers().values() for p in ps})
_PIECES = (_PHRASES + [p.upper() for p in _PHRASES] + [w for p in _PHRASES for w in p.split()]
           + [" ", "  ", "\n", "\u00a0", "(", ")", ":", ": ", ". ", "1. ", "Điều 1. ", "ſ", "\u212a", "İ", "x", "1",
              "“", "Ban Chỉ đạo", " số 12/QĐ-UBND", " nêu trên", " sau:", "của các"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_hits_find_what_finditer_finds_on_random_texts(text):
    for name, (pattern, starts) in _stage_patterns().items():
        assert _spans(finditer_at(pattern, text, starts(text))) == _spans(pattern.finditer(text)), name


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_every_hit_is_its_phrase_in_the_text(text):
    """Each hit's span of the text is its phrase, case and spacing folded; the folded text keeps the offsets."""
    for h in scan(text).hits:
        assert " ".join(text[h.start:h.end].lower().split()) == " ".join(h.phrase.lower().split()) \
            or set(text[h.start:h.end]) & {"ſ", "\u212a", "İ"}, h
        assert h.word_start == (h.start == 0 or not re.match(r"\w", text[h.start - 1]))
        assert h.word_end == (h.end == len(text) or not re.match(r"\w", text[h.end]))
    folded, cuts = fold_for_scan(text)
    assert len(folded) == len(text) - (cuts[-1][1] if cuts else 0)
