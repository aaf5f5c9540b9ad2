"""One scan of a document's text for every trigger phrase the stages look for (Aho-Corasick, the way eyecite's
tokenizer finds its triggers): the stages try their patterns only where one of their phrases starts, instead
of each searching the whole text for its own words.

The phrases are the lexicon's (:func:`triggers`: the document types, the named laws, the openers of a
preamble line, the change and expiry words, the article word, the short-name cues); they are matched with
case and whitespace folded as a pattern compiled with ``re.IGNORECASE`` and ``\\s+`` between words would
match them, so that every place such a pattern matches is a hit (a hit may be more: each pattern checks its
own case and context at the hit).

>>> [(h.key, h.phrase, h.start, h.end) for h in scan("Căn cứ Nghị quyết số 124/NQ-CP").hits if h.key == "type_words"]
[('type_words', 'Nghị quyết', 7, 17)]
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from graph.vocabulary import vocabulary

from .vocab import case_twins, cues, load


@cache
def triggers() -> dict[str, tuple[str, ...]]:
    """The phrases scanned for, by key (each key one list of the lexicon): what the stages' whole-text patterns
    open with."""
    body, refs = cues()["body"], cues()["references"]
    return {
        "type_words": tuple(vocabulary().type_words()),           # "Nghị quyết", "Công văn" (the registry)
        "named_laws": tuple(refs["named_laws"]),                  # "Luật", "Bộ luật", "Hiến pháp" (cues.toml)
        "implement_openers": tuple(body["implement_openers"]),    # "Thực hiện", "Triển khai"
        "basis_openers": tuple(body["basis_openers"]),            # "Căn cứ"
        "preamble_enders": tuple(body["preamble_enders"]),        # "Theo đề nghị", "Xét"
        "expires": tuple(body["expires"]),                        # "hết hiệu lực"
        "list_after": tuple(body["list_after"]),                  # "các quyết định sau"
        "amends": tuple(body["amends"]),                          # "sửa đổi", "bổ sung"
        "replaces": tuple(body["replaces"]),                      # "thay thế"
        "repeals": tuple(body["repeals"]),                        # "bãi bỏ"
        "article": (load("outline.toml")["article"],),            # "Điều" (outline.toml)
        "short_name_cues": tuple(load("bodies.toml")["short_name_cues"]),  # "sau đây gọi tắt là"
    }


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found: ``text[start:end]`` is ``phrase`` of list ``key`` with case and spacing folded;
    ``word_start`` / ``word_end``: no letter or digit touches it before / after."""

    key: str
    phrase: str
    start: int
    end: int
    word_start: bool
    word_end: bool


@dataclass(frozen=True)
class Hits:
    """Every hit of one text, in order of their starts (then ends)."""

    hits: tuple[Hit, ...]

    def starts(self, *keys: str, word_start: bool = False) -> list[int]:
        """The distinct starts of the hits of ``keys``, in order (``word_start``: only those not inside a word)."""
        wanted = set(keys)
        return sorted({h.start for h in self.hits if h.key in wanted and (h.word_start or not word_start)})


@lru_cache(maxsize=8)
def scan(text: str) -> Hits:
    """Every trigger phrase in ``text`` (kept for the last few texts: the stages of one document ask it in
    turn, and the text is scanned once)."""
    folded, cuts = fold_for_scan(text)
    found: list[Hit] = []
    for last, (length, entries) in _automaton().iter(folded):
        a, b = last + 1 - length, last + 1
        if cuts:
            a, b = _unfold(cuts, a), _unfold(cuts, b - 1) + 1
        word_start = a == 0 or not _is_word(text[a - 1])
        word_end = b == len(text) or not _is_word(text[b])
        found.extend(Hit(key, phrase, a, b, word_start, word_end) for key, phrase in entries)
    found.sort(key=lambda h: (h.start, h.end))
    return Hits(tuple(found))


def _is_word(ch: str) -> bool:
    r"""What ``\w`` matches in a ``str`` pattern: a letter, a digit or "_"."""
    return ch.isalnum() or ch == "_"


@cache
def _automaton() -> ahocorasick.Automaton:
    """The automaton of the folded phrases; each value is the phrase's length and the (key, phrase) it stands for."""
    entries: dict[str, list[tuple[str, str]]] = {}
    for key, phrases in triggers().items():
        for phrase in phrases:
            entries.setdefault(_fold_phrase(phrase), []).append((key, phrase))
    automaton = ahocorasick.Automaton()
    for folded, pairs in entries.items():
        automaton.add_word(folded, (len(folded), tuple(pairs)))
    automaton.make_automaton()
    return automaton


def _fold_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _odd_chars() -> dict[int, str]:
    """The characters :func:`fold_for_scan` rewrites before lower-casing: whitespace other than a space (→ " ")
    and those a case-ignoring pattern takes for a letter of the phrases whose ``lower()`` is not that letter
    ("ſ" for "s", "İ" for "i", whose ``lower()`` is two characters)."""
    table = {ord(c): " " for c in map(chr, range(0x10000)) if c.isspace() and c != " "}
    letters = {c for phrases in triggers().values() for p in phrases for c in _fold_phrase(p) if c != " "}
    for letter in letters:
        for twin in case_twins(letter):
            if twin.lower() != letter:
                table[ord(twin)] = letter
    return table


@cache
def _odd_re() -> re.Pattern[str]:
    # One of the characters :func:`_odd_chars` rewrites: "\n", "\u00A0", "ſ" (a search at C speed, so that a text
    # holding none is not translated).
    return re.compile("[" + re.escape("".join(map(chr, _odd_chars()))) + "]")


# A run of two or more spaces, which a phrase's one space stands for: "Nghị   quyết".
SPACE_RUN_RE = re.compile(" {2,}")


def fold_for_scan(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` lower-cased, each whitespace character a space and each run of spaces one space; with the
    cuts (position in the folded text, characters dropped before it so far) that map it back, empty when
    no run was cut. Lower-casing keeps the length: a character whose ``lower()`` is longer stays as it is.

    >>> fold_for_scan("Nghị  QUYẾT\\nsố")
    ('nghị quyết số', [(5, 1)])
    """
    if _odd_re().search(text):
        text = text.translate(_odd_chars())
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if "  " not in lowered:
        return lowered, []
    cuts: list[tuple[int, int]] = []
    pieces: list[str] = []
    at = dropped = 0
    for m in SPACE_RUN_RE.finditer(lowered):
        pieces.append(lowered[at:m.start() + 1])  # up to the run's first space
        at = m.end()
        dropped += m.end() - m.start() - 1
        cuts.append((at - dropped, dropped))  # the folded position of the character after the run
    pieces.append(lowered[at:])
    return "".join(pieces), cuts


def _unfold(cuts: list[tuple[int, int]], pos: int) -> int:
    """The offset in the original text of folded position ``pos`` (a folded character stands for its first)."""
    k = bisect.bisect_right(cuts, (pos, math.inf)) - 1
    return pos + cuts[k][1] if k >= 0 else pos


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int], pos: int = 0,
                endpos: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern whose every match (never empty) starts at one of ``starts``
    (given in order): the pattern is tried only there, and a start inside an earlier match is skipped, as
    ``finditer`` resumes after a match. tests/test_scanner.py checks it equals ``finditer`` on the corpora."""
    endpos = len(text) if endpos is None else endpos
    done = pos
    for at in starts:
        if at < done:
            continue
        if at >= endpos:
            break
        if m := pattern.match(text, at, endpos):
            yield m
            done = m.end()
