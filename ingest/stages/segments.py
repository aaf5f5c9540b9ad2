"""Sentences and list items of the operative text: what the target reader goes through sentence by
sentence (``segment``), and where the operative text ends (``region``)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..clean.flat import Flat

# An item marker, as at the start of a line: "1. ", "2.1. ", "a) ", "- ", "+ ", "II. ".
MARKER = r"(?P<marker>[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+•])"
ITEM_MARKER_RE = re.compile(MARKER + r"\s")
# The same after a space, which the match takes (the marker is looked ahead at): the pattern starts with a
# space, so that a search skips to the next one at C speed, and a marker right after an earlier one's space
# ("- - …") is still found.
MARKER_AFTER_SPACE_RE = re.compile(rf" (?={MARKER}\s)")
# "Điều 3. " before an article's text.
ARTICLE_RE = re.compile(r"Điều\s+\d+\s*\.\s*")
# A stop and a space before a new line's first letter: ". Giao", ": Sở" (the letter must be a capital).
PARAGRAPH_CANDIDATE_RE = re.compile(r"[.:] (?=[^\W\d_])")
# Where a sentence ends: ". Chủ tịch …", "như sau: ", "./.".
SENTENCE_END_RE = re.compile(r"\./\.|\.(?=\s+[A-ZĐ\u00C0-\u00DD\u1EA0-\u1EF8\d\"“(-])|:(?=\s)|\.$")
# The end of the operative text: the sign-off "./." or the recipients block ("Nơi nhận:", "NƠI NHẬN:").
# Each branch starts with a literal (both cases of "N"), so the search skips to those characters at C speed.
REGION_END_RE = re.compile(r"\./\.|N(?<!\wN)(?i:ơi nhận)\s*:|n(?<!\wn)(?i:ơi nhận)\s*:")
# A colon after a head title does not end the sentence: "Giao Giám đốc: Sở Văn hóa, …".
HEAD_COLON_RE = re.compile(r"(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng ban|Bộ trưởng)\s*$")
LEVELS = {"roman": 0, "number": 1, "subnumber": 2, "letter": 3, "-": 4, "•": 4, "+": 5}
# The kinds of numbered markers: "II.", "3.", "2.1.".
ROMAN_MARKER_RE = re.compile(r"[IVX]+\.")
NUMBER_MARKER_RE = re.compile(r"\d+\.")
SUBNUMBER_MARKER_RE = re.compile(r"\d+(?:\.\d+)+\.")



@dataclass(frozen=True)
class Sentence:
    start: int
    end: int           # exclusive; the end mark is not included
    body: int          # where the text starts after an item marker / "Điều n."
    item: int | None   # index of the item the sentence belongs to
    colon: bool        # ends with ":"
    closing: bool      # ends with "./."


@dataclass(frozen=True)
class Item:
    start: int
    level: int


def _line_start(flat: Flat, source: str, pos: int) -> bool:
    at = flat.index[pos]
    while at > 0 and source[at - 1] in " \t\u00a0":
        at -= 1
    return at == 0 or source[at - 1] == "\n"


def _level(marker: str) -> int:
    if marker in LEVELS:
        return LEVELS[marker]
    if ROMAN_MARKER_RE.fullmatch(marker):
        return LEVELS["roman"]
    if NUMBER_MARKER_RE.fullmatch(marker):
        return LEVELS["number"]
    if SUBNUMBER_MARKER_RE.fullmatch(marker):
        return LEVELS["subnumber"]
    return LEVELS["letter"]


def segment(flat: Flat, source: str, start: int, end: int) -> tuple[list[Sentence], list[Item]]:
    """Sentences and list items of ``flat.text[start:end]``."""
    text = flat.text
    items: list[Item] = []
    marks: dict[int, int] = {}  # item start → body start
    for at, body, marker in _markers(text, start, end):
        if _line_start(flat, source, at):
            items.append(Item(at, _level(marker)))
            marks[at] = body
    paragraphs = [m.end() for m in PARAGRAPH_CANDIDATE_RE.finditer(text, max(start - 1, 0), end)
                  if start < m.end() < end and text[m.end()].isupper() and _line_start(flat, source, m.end())
                  and m.end() not in marks]
    cuts = sorted(set(marks) | set(paragraphs))
    sentences: list[Sentence] = []
    pos = start
    marker_dots = {e - 2 for e in marks.values()}  # the dot of "1. " is no sentence end
    bounds = [m for m in SENTENCE_END_RE.finditer(text, start, end)
              if m.start() not in marker_dots
              and (m.group() != ":" or not HEAD_COLON_RE.search(text, max(start, m.start() - 20), m.start()))
              and (m.group() != ":" or _open_paren(text, start, m.start()) == 0)]
    ends = sorted({(m.start(), m.end(), m.group()) for m in bounds})
    stops = sorted([(c, c, "") for c in cuts if c > start] + ends)
    item_starts = [i.start for i in items]
    for a, b, mark in stops + [(end, end, "")]:
        if a < pos:
            continue
        if not text[pos:a].isspace() and pos < a:
            body = marks.get(pos, pos)
            if am := ARTICLE_RE.match(text, body):
                body = am.end()
            k = bisect.bisect_right(item_starts, pos) - 1
            # the item goes on unless a paragraph starts after its marker, up to ``pos``
            in_item = k if k >= 0 and bisect.bisect_right(paragraphs, pos) == bisect.bisect_right(paragraphs, items[k].start) else None
            sentences.append(Sentence(pos, a, body, in_item, mark == ":", mark == "./."))
        pos = b
        while pos < end and text[pos] == " ":
            pos += 1
    return sentences, items


def _markers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, marker) of each item marker in ``text[start:end]`` at the start or after a space, in
    order: what ``finditer`` of the marker with a ``(?<![^ ])`` look-behind gives (a marker holds no space
    but the one after it, so no marker starts inside another)."""
    out = []
    if start == 0 and (m := ITEM_MARKER_RE.match(text, 0, end)):
        out.append((0, m.end(), m["marker"]))
    for m in MARKER_AFTER_SPACE_RE.finditer(text, max(start - 1, 0), end):
        out.append((m.start("marker"), m.end("marker") + 1, m["marker"]))
    return out


def _open_paren(text: str, start: int, pos: int) -> int:
    """How many brackets are open at ``pos`` since the last sentence start."""
    cut = max(text.rfind(". ", start, pos), start)
    return text.count("(", cut, pos) - text.count(")", cut, pos)


def region(flat: Flat, start: int) -> tuple[int, int]:
    """The operative text: from ``start`` to the sign-off or the recipients block."""
    m = REGION_END_RE.search(flat.text, start)
    return start, (m.end() if m and m.group() == "./." else m.start() if m else len(flat.text))
