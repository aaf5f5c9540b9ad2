"""Each speed trick that remains equals its plain version (issue 17 item 3), on the texts of tests/data and on
random strings: the patterns whose look-behind is checked after their first character (so that a search skips at
C speed to where a match can start), ``word_start_re``'s exact first letters, and the functions that answer a
search from positions found once per text."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.vocabulary import OLD_TONE_RE
from ingest.clean.flat import FOLDABLE, IRREGULAR_FOLD_RE, flatten
from ingest.clean.language import VIETNAMESE_LETTERS, looks_vietnamese
from ingest.lexicon.codes import PARTY_CODE_RE, STATE_CODE_RE
from ingest.lexicon.dates import DAY
from ingest.lexicon.vocab import alternation, word_start_re
from ingest.stages import relations, targets
from ingest.stages.header import PLACE_DATE_RE

DATA = Path(__file__).parent / "data"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("corpus/*.txt")) + sorted(DATA.glob("whole/*.txt"))]
FLATS = [flatten(t, [(0, len(t))]).text for t in TEXTS]


def _plain(pattern: re.Pattern[str], fast: str, plain: str) -> re.Pattern[str]:
    """``pattern`` with its trick ``fast`` written the plain way, ``plain`` (the trick must be in it)."""
    assert fast in pattern.pattern, fast
    return re.compile(pattern.pattern.replace(fast, plain), pattern.flags)


def _fold_plain() -> re.Pattern[str]:
    # Two or more foldable characters, or one that is not a space: what IRREGULAR_FOLD_RE's look-behind says.
    chars = re.escape("".join(sorted(FOLDABLE)))
    return re.compile(f"[{chars}]{{2,}}|[{re.escape(''.join(sorted(FOLDABLE - {' '})))}]")


def _old_tone_plain() -> re.Pattern[str]:
    # "(?<![qQ])o[àá…]" where the pattern has "o(?<![qQ].)[àá…]".
    return re.compile(re.sub(r"(\w)\(\?<!\[qQ\]\.\)", r"(?<![qQ])\1", OLD_TONE_RE.pattern), OLD_TONE_RE.flags)


# (name, the pattern with its trick, the plain pattern): each a row of the comparison.
PATTERNS = [
    # lexicon/codes.py: "124/NQ-CP" — the number's look-behind after its first digit.
    ("state code", STATE_CODE_RE, _plain(STATE_CODE_RE, r"\d(?<![\w/]\d)", r"(?<![\w/])\d")),
    # lexicon/codes.py: "57-NQ/TW".
    ("party code", PARTY_CODE_RE, _plain(PARTY_CODE_RE, r"\d(?<![\w/-]\d)", r"(?<![\w/-])\d")),
    # stages/targets.py: "12,5%", "2.675 tỷ đồng".
    ("number", targets._number_re(), _plain(targets._number_re(), r"\d(?<![\w/.,-]\d)", r"(?<![\w/.,-])\d")),
    # graph/vocabulary: "Thanh Hoá" — "not after q" checked after the first letter.
    ("old tone", OLD_TONE_RE, _old_tone_plain()),
    # stages/header.py: "Hà Nội, ngày 08 tháng 5 năm 2025" — the comma or the space matched before the branches.
    ("place date", PLACE_DATE_RE, re.compile(rf",\s*{DAY}(?:\s+|$)|\s\s*,\s*{DAY}(?:\s+|$)", re.IGNORECASE)),
    # clean/flat.py: "Sở  Tài\nchính".
    ("irregular fold", IRREGULAR_FOLD_RE, _fold_plain()),
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name,fast,plain", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_trick_patterns_equal_the_plain_ones_on_the_corpora(name, fast, plain):
    assert fast.pattern != plain.pattern
    found = 0
    for text in TEXTS + FLATS:
        spans = _spans(plain, text)
        assert _spans(fast, text) == spans, name
        found += len(spans)
    assert found, f"{name}: no match in the corpora, the comparison says nothing"


_PIECES = ["1", "12", "124", "/", "-", "- ", ".", ",", " ", "  ", "\n", "\t", "\u00a0", "|", "%", "q", "Q", "o", "oà",
           "uỷ", "Hoá", "a", "x", "NQ", "CP", "TW", "QĐ", "TTg", "2025", "ngày", "Ngày", "NGÀY", "Hà Nội", "tỷ đồng",
           "/1.000", "_", "đ"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_trick_patterns_equal_the_plain_ones_on_random_texts(text):
    for name, fast, plain in PATTERNS:
        assert _spans(fast, text) == _spans(plain, text), name


_PHRASE_LISTS = [
    ["Sở Tài chính", "Sở Tư pháp", "Sở", "sở"],
    ["chịu trách nhiệm thi hành", "yêu cầu", "đề nghị", "gửi", "gửi về", "trước ngày", "6 tháng một lần", "quý"],
]
_WORDS = sorted({w for ps in _PHRASE_LISTS for p in ps for w in p.split()} | {p.upper() for ps in _PHRASE_LISTS for p in ps})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS + [" ", "  ", "\n", "x", "1", ",", "ſ", "\u212a", "İ"]), max_size=25).map("".join))
def test_word_start_re_equals_the_plain_pattern_on_random_texts(text):
    """``word_start_re`` (each branch opening with one case of its first letter, the look-behind after it) finds
    what ``(?<!\\w)(?:…)`` finds (tests/test_alternation.py compares them on the corpus)."""
    for phrases in _PHRASE_LISTS:
        for tail in ("", r"(?!\w)", r"\s+"):
            for ignore_case in (True, False):
                plain = re.compile(rf"(?<!\w)(?:{alternation(phrases, ignore_case=ignore_case)}){tail}",
                                   re.IGNORECASE if ignore_case else 0)
                fast = word_start_re(phrases, tail, ignore_case=ignore_case)
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
                inside = re.compile(plain.pattern.removeprefix(r"(?<!\w)"), plain.flags)  # whole_word=False
                fast = word_start_re(phrases, tail, ignore_case=ignore_case, whole_word=False)
                assert [m.span() for m in fast.finditer(text)] == [m.span() for m in inside.finditer(text)]


def _recurring_plain() -> re.Pattern[str]:
    # What deadlines' "recurring" pattern says it matches: "định kỳ hằng tháng", "hằng quý".
    from ingest.stages.deadlines import _periodic
    from ingest.lexicon.vocab import duties, one_of
    phrases = alternation(list(duties()["deadlines"]["recurring"]), ignore_case=True)
    return re.compile(rf"(?:{one_of(_periodic())}\s+)?(?<!\w)(?:{phrases})(?!\w)", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["định kỳ", "Định kỳ", "ĐỊNH KỲ", "hằng", "Hằng", "HẰNG", "tháng", "quý", "năm", " ",
                                 "  ", "\n", "x", "1", ","]), max_size=20).map("".join))
def test_recurring_deadline_pattern_equals_the_plain_one(text):
    """deadlines' "recurring" pattern (its "định kỳ" branch opening with an exact "Đ" or "đ") finds what the plain
    pattern finds."""
    from ingest.stages.deadlines import _res
    assert [m.span() for m in _res()["recurring"].finditer(text)] == [m.span() for m in _recurring_plain().finditer(text)]


def test_recurring_deadline_pattern_equals_the_plain_one_on_the_corpora():
    from ingest.stages.deadlines import _res
    found = 0
    for text in TEXTS + FLATS:
        plain = [m.span() for m in _recurring_plain().finditer(text)]
        assert [m.span() for m in _res()["recurring"].finditer(text)] == plain
        found += len(plain)
    assert found


def _sentence_end_cases(text: str):
    return range(0, len(text) + 1, max(1, len(text) // 300))


@pytest.mark.parametrize("n", range(0, len(FLATS), 7))
def test_position_lookups_equal_their_searches_on_the_corpora(n):
    """relations: ``_sentence_end`` (bisection in the ends found once) is ``SENTENCE_END_RE.search``;
    ``_full_stops`` (``str.find``) is ``finditer`` of ". "; ``_expires_after`` is a search of the slice up to the
    sentence's end."""
    text = FLATS[n]
    _check_lookups(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([". ", ".", ":", " ", "A", "a", "1", "(", "hết hiệu lực", "Hết hiệu lực ", "x",
                                 "Điều 2", "\n"]), max_size=30).map("".join))
def test_position_lookups_equal_their_searches_on_random_texts(text):
    _check_lookups(text)


def _check_lookups(text: str) -> None:
    for pos in _sentence_end_cases(text):
        m = relations.SENTENCE_END_RE.search(text, pos)
        assert relations._sentence_end(text, pos) == (m.start() if m else len(text)), pos
    assert relations._full_stops(text) == [m.start() for m in re.finditer(re.escape(relations.DOT_SPACE), text)]
    expiring = relations._expiry_starts(text)
    assert expiring == [m.start() for m in relations._expires_re().finditer(text)]
    for a in range(0, len(text), max(1, len(text) // 300)):
        b = relations._sentence_end(text, a)  # as classify asks it: up to the sentence's end, which no phrase spans
        assert relations._expires_after(text, a, b, expiring) == \
            (relations._expires_re().search(text[a:b]) is not None), (a, b)


def _looks_vietnamese_by_subtraction(text: str) -> bool:
    """The counting :func:`looks_vietnamese` replaced (letters as the characters less the non-letters)."""
    sample = text[:1500]
    ascii_part = sample.encode("ascii", "ignore")
    wide = len(sample) - len(ascii_part) - len(re.findall(r"[^\x00-\x7f](?<![^\W\d_])", sample))
    letters = len(ascii_part.translate(None, bytes(c for c in range(128) if not chr(c).isalpha()))) + wide
    if letters < 200:
        return True
    foreign = len(re.findall(r"[^\x00-\x7f](?<![" + "".join(sorted(VIETNAMESE_LETTERS)) + r"])(?<![\W\d_])", sample))
    return (wide - foreign) / letters >= 0.03


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "ư", "ñ", "ü", "²", "½", "3", "_", " ", "“", "–", "The report ", "Căn cứ "]),
                min_size=150, max_size=400).map("".join))
def test_looks_vietnamese_counts_as_the_subtraction_did(text):
    assert looks_vietnamese(text) == _looks_vietnamese_by_subtraction(text)


def test_looks_vietnamese_counts_as_the_subtraction_did_on_the_corpora():
    for text in TEXTS + ["The Government shall submit the annual report to the National Assembly. " * 30]:
        assert looks_vietnamese(text) == _looks_vietnamese_by_subtraction(text)
