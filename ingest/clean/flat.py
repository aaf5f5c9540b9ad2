"""Flat views of the cleaned text: whitespace runs, line breaks and table pipes collapse to one space,
footnote markers glued to words and page numbers drop out, and each flat character remembers where it
came from (:meth:`Flat.span`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


# Whitespace and table pipes that the flat view folds to one space: "CHÍNH PHỦ | CỘNG HÒA".
FOLDABLE = frozenset(" \t\n\r\f\v\u00A0\u2009\u200B|")


@dataclass(frozen=True)
class Flat:
    """A one-line view of part of the cleaned text; ``index[i]`` is the source offset of ``text[i]``."""

    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]``."""
        if end <= start:
            at = self.index[start] if start < len(self.index) else (self.index[-1] + 1 if self.index else 0)
            return (at, at)
        return (self.index[start], self.index[end - 1] + 1)


# Whitespace the flat view must rewrite — a run of two or more, or one that is not a plain space:
# "Sở  Tài\nchính" → "Sở Tài chính". Single spaces are kept as they are, so most text is copied in slices.
# (One foldable character, then more or a look-behind that it is not a space: the pattern starts with a
# character class, so a search skips to the next foldable character at C speed.)
IRREGULAR_FOLD_RE = re.compile("[" + re.escape("".join(sorted(FOLDABLE))) + "](?:["
                               + re.escape("".join(sorted(FOLDABLE))) + "]+|(?<=["
                               + re.escape("".join(sorted(FOLDABLE - {" "}))) + "]))")


def flatten(source: str, ranges: list[tuple[int, int]], dropped: frozenset[int] = frozenset()) -> Flat:
    """Flatten ``source[a:b]`` for each range, in order, skipping ``dropped`` offsets: each run of
    whitespace (and each range boundary) becomes one space, whose index is the offset before the next
    kept character.

    >>> flat = flatten("Sở  Tài\\nchính | Bộ", [(0, 13), (16, 18)])
    >>> flat.text, flat.span(3, 12)
    ('Sở Tài chính Bộ', (4, 13))
    """
    out = _FlatWriter(source)
    cuts = sorted(dropped)
    for a, b in ranges:
        for s, e in _kept_segments(a, b, cuts):
            at = s
            for m in IRREGULAR_FOLD_RE.finditer(source, s, e):
                out.piece(at, m.start())
                out.pause()
                at = m.end()
            out.piece(at, e)
        out.pause()
    return Flat("".join(out.chars), tuple(out.index))


class _FlatWriter:
    """The flat text being built: pieces of source whose only whitespace is single spaces."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.chars: list[str] = []
        self.index: list[int] = []
        self.pending = False

    def pause(self) -> None:
        """Whitespace or a boundary: one space before the next kept character (none at the start)."""
        self.pending = bool(self.chars)

    def piece(self, a: int, b: int) -> None:
        source = self.source
        if a < b and source[a] == " ":
            a += 1
            self.pause()
        trailing = a < b and source[b - 1] == " "
        if trailing:
            b -= 1
        if a < b:
            if self.pending:
                self.chars.append(" ")
                self.index.append(a - 1)
                self.pending = False
            self.chars.append(source[a:b])
            self.index.extend(range(a, b))
        if trailing:
            self.pause()


def _kept_segments(a: int, b: int, cuts: list[int]) -> list[tuple[int, int]]:
    """``[a, b)`` without the offsets in ``cuts`` (sorted), as consecutive segments."""
    out, at = [], a
    for i in cuts[bisect.bisect_left(cuts, a):bisect.bisect_left(cuts, b)]:
        if i > at:
            out.append((at, i))
        at = i + 1
    if at < b:
        out.append((at, b))
    return out
