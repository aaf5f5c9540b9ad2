"""The cleaned text — the decoded file with its BOM dropped, line ends unified and Unicode NFC, nothing
else changed — is what every span in a record points into; :func:`offset_map` and :func:`original_span`
lead from it back to the text as first decoded.
"""

from __future__ import annotations

import re
import unicodedata


def clean(raw: str) -> str:
    """Cleaned text: BOM dropped, CR/LF unified, Unicode NFC."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# A run of text between whitespace: conversions (NFC, a legacy encoding) change letters, never spaces.
TOKEN_RE = re.compile(r"\S+")


def offset_map(text: str, original: str) -> tuple[tuple[int, int], ...]:
    """Breakpoints (position in ``text``, position in ``original``) from which the shift between the two
    stays the same, for texts that differ only inside words (NFC composition, TCVN3/VNI conversion).
    Exact at every word's start and end; ``()`` when the words do not line up.

    >>> offset_map("Kính gửi", "Ki\u0301nh gư\u0309i")
    ((0, 0), (4, 5), (8, 10))
    """
    ours, theirs = list(TOKEN_RE.finditer(text)), list(TOKEN_RE.finditer(original))
    if len(ours) != len(theirs):
        return ()
    points: list[tuple[int, int]] = [(0, 0)]
    for a, b in zip(ours, theirs):
        for mine, other in ((a.start(), b.start()), (a.end(), b.end())):
            if mine - points[-1][0] != other - points[-1][1]:
                points.append((mine, other))
    return tuple(points)


def original_span(span: tuple[int, int], offsets) -> tuple[int, int]:
    """Where ``span`` (in the cleaned text) lies in the text as first decoded, by :func:`offset_map`.

    >>> original_span((5, 8), ((0, 0), (4, 5), (8, 10)))  # "gửi" in "Kính gửi", decomposed
    (6, 10)
    """
    if not offsets:
        return tuple(span)

    def one(pos: int) -> int:
        clean, orig = max((p for p in offsets if p[0] <= pos), default=(0, 0))
        return orig + (pos - clean)

    return one(span[0]), one(span[1])
