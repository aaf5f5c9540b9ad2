"""Sentences of a flat view: :func:`sentence_at` gives the sentence around a mention, the evidence a record
quotes.
"""

from __future__ import annotations

import bisect
import re

from .flat import Flat, flatten  # flatten: for the doctest


# Marks that end an evidence sentence when a space follows: "…năm 2025; Căn cứ …", "… như sau: 1. …".
SENTENCE_MARKS = frozenset(".;:!?")
# Evidence longer than this is cut (a list item run together with no stop).
EVIDENCE_CHARS = 600


def _paragraph_break(flat: Flat, source: str, j: int) -> bool:
    """Whether the space at ``flat.text[j]`` stands for a line break that starts a new paragraph.

    A wrapped line ("… của\\nChính phủ", "… ngày 08 tháng 5 năm\\n2025", a title in capitals) goes on; a
    line after one that ends without a lower-case word or a comma ("Kon Tum, ngày … năm 2025\\nV/v triển khai …",
    "NGHỊ QUYẾT\\nCăn cứ …") starts a new one.
    """
    text = flat.text
    if j == 0 or j + 1 >= len(text) or text[j] != " ":
        return False
    if "\n" not in source[flat.index[j - 1] + 1:flat.index[j + 1]]:
        return False
    before, after = text[j - 1], text[j + 1]
    if before.islower() or before == ",":
        return False
    if before.isupper():  # a title in capitals wrapped: "… NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM\n2024 …"
        space = text.find(" ", j + 1)
        word = text[j + 1:space if space >= 0 else len(text)]  # the next word (not a copy of the rest of the text)
        if not any(c.islower() for c in word):
            return False
    return after.isupper() or after.isdigit() or after in "-+•"


def sentence_at(flat: Flat, source: str, start: int, end: int) -> str:
    """The sentence of ``flat.text[start:end]``; a longer one than :data:`EVIDENCE_CHARS` is cut around it.

    >>> src = "Căn cứ Luật Tổ chức Chính phủ;\\nCăn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6\\nnăm 2022; Xét đề nghị"
    >>> f = flatten(src, [(0, len(src))])
    >>> sentence_at(f, src, f.text.index("39/"), f.text.index("39/") + 13)
    'Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022;'
    """
    text = flat.text
    starts, ends = _sentence_bounds(flat, source)
    reach = 4 * EVIDENCE_CHARS
    k = bisect.bisect_right(starts, start) - 1  # the last sentence start at or before ``start``
    floor = max(0, start - reach)
    a = starts[k] if k >= 0 and starts[k] > floor else floor
    k = bisect.bisect_left(ends, (end, 0))  # the first sentence end at or after ``end``
    ceiling = min(len(text), end + reach)
    b = ends[k][1] if k < len(ends) and ends[k][0] < ceiling else ceiling
    if b - a > EVIDENCE_CHARS:  # a long run: the part around the mention
        room = max(0, EVIDENCE_CHARS - (end - start)) // 2
        a2, b2 = max(a, start - room), min(b, end + room)
        return ("…" if a2 > a else "") + text[a2:b2].strip() + ("…" if b2 < b else "")
    return text[a:b].strip()


_BOUNDS: dict[int, tuple[Flat, str, list[int], list[tuple[int, int]]]] = {}  # id(flat) → its bounds


def _sentence_bounds(flat: Flat, source: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where sentences of ``flat`` may start (after ". " or a paragraph break) and end ((position, end):
    a stop followed by a space ends after the stop, a paragraph break before the space), computed once
    per flat text."""
    held = _BOUNDS.get(id(flat))
    if held is not None and held[0] is flat and held[1] is source:
        return held[2], held[3]
    text = flat.text
    breaks = _paragraph_breaks(flat, source)
    stops = [m.start() for m in STOP_END_RE.finditer(text)]
    # A stop followed by a space ("…năm 2022; Xét") starts the next sentence after that space.
    starts = sorted({i + 2 for i in stops if text.startswith(" ", i + 1)} | {j + 1 for j in breaks})
    ends = sorted({(i, i + 1) for i in stops} | {(j, j) for j in breaks if not (text[j] in SENTENCE_MARKS)})
    if len(_BOUNDS) > 64:
        _BOUNDS.clear()
    _BOUNDS[id(flat)] = (flat, source, starts, ends)
    return starts, ends


# A sentence mark that ends a sentence: one followed by a space or the end of the text ("…năm 2022; Xét"). Not
# lexicon.stops.STOP_MARK_RE: "!" and "?" end an evidence sentence too, and the flat text it reads has only spaces.
STOP_END_RE = re.compile(r"[.;:!?](?= |$)")


def _paragraph_breaks(flat: Flat, source: str) -> list[int]:
    """The spaces of ``flat.text`` that stand for a line break starting a paragraph (see :func:`_paragraph_break`)."""
    index, out = flat.index, []
    if not index:
        return out
    seen = set()
    # Only the line breaks among the flat's own characters, and the first after them (a footnote's flat is
    # a few lines of a long text): those before or further after map to no space of the flat.
    after = source.find("\n", index[-1])
    for q in NEWLINE_RE.finditer(source, index[0], after + 1 if after >= 0 else len(source)):
        k = bisect.bisect_right(index, q.start())  # the first kept character after the line break
        for j in (k, k - 1):
            if 0 < j < len(index) and j not in seen and flat.text[j] == " ":
                seen.add(j)
                if _paragraph_break(flat, source, j):
                    out.append(j)
    return out


NEWLINE_RE = re.compile(r"\n")
