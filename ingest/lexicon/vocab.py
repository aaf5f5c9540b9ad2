"""The vocabulary files of ``ingest/lexicon/`` (cue phrases, agency-list words, target words), loaded once."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from graph.vocabulary import old_tones, vocabulary


# Every capital letter a Vietnamese text may hold ("A"…"Z", "Đ", "Ắ", "Ỹ" …), as the inside of a character
# class: regex ranges such as "À-Ỹ" would take lower-case letters too ("đ" is U+0111).
CAPITALS = re.escape("".join(ch for ch in map(chr, range(0x41, 0x1F00)) if ch.isupper()))


@cache
def load(name: str) -> dict:
    """One TOML data file of this package: ``load("duties.toml")``."""
    with resources.files(__package__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def cues() -> dict:
    """The cue phrases of ``cues.toml`` (header and reference cues)."""
    return load("cues.toml")


def duties() -> dict:
    """The words of ``duties.toml`` (assignments, agency lists, deadlines, targets)."""
    return load("duties.toml")


def dates() -> dict:
    """The words of ``dates.toml`` ("ngày", "tháng", "năm", "quý", "giai đoạn")."""
    return load("dates.toml")


def common() -> dict:
    """The words of ``common.toml`` that many stages share ("và", "của", "các", the provincial units)."""
    return load("common.toml")


@cache
def type_words(ignore_case: bool = True) -> str:
    """The words of the document types as one alternation, the longest first: "Nghị quyết liên tịch|Nghị quyết|…"
    (with ``ignore_case``, also in the letters a case-ignoring match needs)."""
    return alternation(vocabulary().type_words(), ignore_case=ignore_case)


@cache
def type_start_re() -> re.Pattern[str]:
    """A document type's word opening a text, in any case: "QUYẾT ĐỊNH …", "Nghị định số 239/2025/NĐ-CP …"."""
    return re.compile(rf"^(?:{type_words()})\b", re.IGNORECASE)


@cache
def hyphen_compounds() -> frozenset[tuple[str, str]]:
    """The halves around the hyphen of the registry's hyphenated names, two words each side at most:
    "Bộ Lao động - Thương binh và Xã hội" → ("Lao động", "Thương binh"). A line ending with the first half and the
    next opening "- " and the second is one name wrapped at its hyphen, not a dash item (``clean/outline.py``)."""
    v = vocabulary()
    names = [n for body in (*v.central, *v.local) for n in (body.name, *body.aliases)]
    pairs = set()
    for name in names:
        left, sep, right = name.partition(" - ")
        if sep and left.strip() and right.strip():
            pairs.add((" ".join(left.split()[-2:]), " ".join(right.split()[:2])))
    return frozenset(pairs)


def one_of(phrases: str | list[str], space: str = " ") -> str:
    r"""``phrases`` (or one phrase) as a plain alternation in the order given, each escaped, each space
    matching ``space`` (one space as printed, or ``r"\s+"``): what a hand-written ``tỉnh|thành phố`` is, where
    the first phrase that fits wins (:func:`alternation` builds a trie that tries the longest).

    >>> one_of(["tỉnh", "thành phố"])
    'tỉnh|thành phố'
    >>> one_of("lần thứ", r"\s+")
    'lần\\s+thứ'
    """
    if isinstance(phrases, str):
        phrases = [phrases]
    return "|".join(space.join(map(re.escape, phrase.split(" "))) for phrase in phrases)


def phrases_re(phrases, *, at_start: bool = False, ignore_case: bool = True, old: bool = False) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words (``at_start``: only at the start of the string searched; ``old``: each
    also with its tone marks in the old place, see :func:`alternation`)."""
    if not at_start:
        return word_start_re(phrases, r"(?!\w)", ignore_case=ignore_case, old=old)
    pattern = alternation(list(phrases), ignore_case=ignore_case, old=old)
    return re.compile(rf"^(?:{pattern})(?!\w)", re.IGNORECASE if ignore_case else 0)


def word_start_re(phrases, tail: str = "", *, ignore_case: bool = True, whole_word: bool = True,
                  old: bool = False) -> re.Pattern[str]:
    r"""``(?<!\w)(?:<phrases>)<tail>`` — any of ``phrases`` not inside a word, then ``tail`` — built so
    that a search skips at C speed to where a phrase can start.

    A pattern that opens with a look-behind, or with a letter whose case is ignored, is tried at every
    position of the text. Here each branch opens with one case of a first letter, exactly ("T", "t"; "K",
    "k" and the Kelvin sign: whatever ignoring case would take), the look-behind is checked after it
    (``(?<!\w.)``: the character before that letter), and the rest of the trie follows with case ignored.
    The matches are those of the plain pattern. Without ``whole_word`` there is no look-behind (a phrase may
    start inside a word).

    >>> [m.group() for m in word_start_re(["Sở Tài chính", "sở"], r"(?!\w)").finditer("SỞ TÀI CHÍNH, xsở, sở")]
    ['SỞ TÀI CHÍNH', 'sở']
    """
    trie = _trie(list(phrases), ignore_case, old)
    rests: dict[str, list[str]] = {}  # a first character as printed → the rest of each phrase it starts
    for key in sorted(k for k in trie if k != _END):
        for char in case_twins(key) if ignore_case else (key,):
            rests.setdefault(char, []).append(_trie_pattern(trie[key]))
    flags = "(?i:" if ignore_case else "(?:"
    behind = r"(?<!\w.)" if whole_word else ""
    branches = [rf"{re.escape(char)}{behind}{flags}(?:{'|'.join(rest)}){tail})" for char, rest in rests.items()]
    return re.compile("|".join(branches))


@cache
def case_twins(char: str) -> tuple[str, ...]:
    """The characters a case-ignoring match takes for ``char``: "k" → ("K", "k", "\u212a" (Kelvin sign)).
    Only cased characters match a cased one, and none outside the Basic Multilingual Plane does a letter
    of the vocabulary (tests/test_alternation.py checks the whole of Unicode)."""
    if char.lower() == char.upper():
        return (char,)
    return tuple(re.findall(f"(?i:{re.escape(char)})", _cased_bmp()))


@cache
def _cased_bmp() -> str:
    """Every character of the Basic Multilingual Plane that has another case."""
    return "".join(c for c in map(chr, range(0x10000)) if c.lower() != c or c.upper() != c)


_END = ""  # the trie key marking "a phrase ends here"


def alternation(phrases: list[str], *, ignore_case: bool = False, old: bool = False) -> str:
    r"""A regex matching any of ``phrases``, the longest first, spaces matching any whitespace.

    Built as a trie ("Sở Tài chính|Sở Tư pháp" → ``Sở\s+T(?:ài\s+chính|ư\s+pháp)``): at each
    character one branch at most can go on, so a long list costs what one phrase costs, where a flat
    alternation tries every phrase at every position. Give ``ignore_case`` when the pattern is compiled
    with ``re.IGNORECASE``, so that "Sở" and "sở" share a branch.

    >>> alternation(["Sở Tài chính", "Sở Tư pháp", "Sở"])
    'Sở(?:\\s+T(?:ài\\s+chính|ư\\s+pháp))?'
    >>> bool(re.fullmatch(alternation(["ủy ban", "Ủy ban nhân dân"], ignore_case=True), "ỦY BAN  NHÂN DÂN", re.I))
    True
    """
    return _trie_pattern(_trie(phrases, ignore_case, old))


def _trie(phrases: list[str], ignore_case: bool, old: bool = False) -> dict:
    """The phrases as a trie of characters (whitespace one token), lower-cased when case is ignored; with
    ``old``, each also with its tone marks in the old place ("Văn hóa" and "Văn hoá") — for the registry's
    names, whose patterns find bodies in text, not for every cue (it would cost a fifth of the extraction)."""
    trie: dict = {}
    for phrase in {v: None for p in phrases for v in ((p, old_tones(p)) if old else (p,))}:
        node = trie
        for token in _tokens(phrase):
            key = token.lower() if ignore_case else token
            node = node.setdefault(key, {})
        node[_END] = {}
    return trie


def _tokens(phrase: str) -> list[str]:
    out: list[str] = []
    for n, word in enumerate(phrase.split()):
        if n:
            out.append(" ")
        out.extend(word)
    return out


def _trie_pattern(node: dict) -> str:
    branches = []
    for key in sorted(k for k in node if k != _END):
        token = r"\s+" if key == " " else re.escape(key)
        branches.append(token + _trie_pattern(node[key]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"  # greedy: the longer phrase first, the shorter when the rest fails
    return body
