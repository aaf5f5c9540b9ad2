"""Cleaned text, footnotes, and a flat view whose offsets point back into the cleaned text.

The *cleaned text* is what every span in a record points into: the decoded file, Unicode NFC, line
ends unified, nothing else changed. Extraction runs on *flat* views of it: whitespace runs, line
breaks and table pipes collapse to one space, footnote markers glued to words and page numbers
drop out, and each flat character remembers where it came from.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# A footnote's first line below the rule: "1 Ban hành tại Quyết định số 43/QĐ-UBND …" (the letter
# after the number must be a capital: see ``_footnote_start``).
FOOTNOTE_START_RE = re.compile(r"^(\d{1,2}) +(?=[^\W\d_])")
# The rule above a footnote area as PDF text export leaves it: a line of spaces only.
FOOTNOTE_RULE_RE = re.compile(r"^[ \t\u00A0]{10,}$")
# A page number alone on its line: "3".
PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
# Where a reader marks a new page (PDF): a form feed on its own line.
PAGE_BREAK = "\f"
# Digits in a running header or footer change from page to page: "Trang 2/5", "Công báo số 12".
RUNNING_DIGITS_RE = re.compile(r"\d+")
# A line at the top or bottom of at least this share of pages (and of 3 pages or more) is page furniture.
RUNNING_SHARE = 0.6
RUNNING_DEPTH = 2  # how many lines from the top and bottom of a page are looked at
# A bracketed footnote marker: "suy giảm[1]".
BRACKET_MARKER_RE = re.compile(r"\[\d{1,2}\]")
# Whitespace and table pipes that the flat view folds to one space: "CHÍNH PHỦ | CỘNG HÒA".
FOLDABLE = frozenset(" \t\n\r\f\v\u00A0\u2009\u200B|")


def clean(raw: str) -> str:
    """Cleaned text: BOM dropped, CR/LF unified, Unicode NFC."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


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


@dataclass(frozen=True)
class Footnote:
    marker: str
    text: str
    span: tuple[int, int]
    anchor: tuple[int, int] | None


@dataclass(frozen=True)
class Layout:
    """Where the body, footnotes and page furniture are in the cleaned text."""

    text: str
    lines: tuple[Line, ...]
    body_ranges: tuple[tuple[int, int], ...]
    footnotes: tuple[Footnote, ...]
    dropped: frozenset[int]

    def body(self) -> Flat:
        return flatten(self.text, list(self.body_ranges), self.dropped)

    def footnote_flat(self, note: Footnote) -> Flat:
        return flatten(self.text, [note.span], self.dropped)


def _footnote_start(line: str) -> re.Match[str] | None:
    m = FOOTNOTE_START_RE.match(line)
    return m if m and line[m.end()].isupper() else None


def _footnote_areas(lines: list[Line]) -> list[tuple[int, int, list[tuple[str, int, int]]]]:
    """(first line, last line, [(marker, start, end)]) for each footnote area below a rule line."""
    areas = []
    i = 0
    while i < len(lines):
        if not FOOTNOTE_RULE_RE.match(lines[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        notes: list[tuple[str, int, int]] = []
        while j < len(lines) and (m := _footnote_start(lines[j].text)):
            start = lines[j].start + m.end()
            k = j
            while not lines[k].text.rstrip().endswith(".") and k + 1 < len(lines):
                k += 1
                if PAGE_NUMBER_RE.match(lines[k].text) or _footnote_start(lines[k].text) and lines[k - 1].text.strip() != "":
                    k -= 1
                    break
            notes.append((m.group(1), start, lines[k].end))
            j = k + 1
            while j < len(lines) and not lines[j].text.strip():
                j += 1
        if notes:
            areas.append((i, j - 1, notes))
            i = j
        else:
            i += 1
    return areas


def _anchor(text: str, marker: str, after: int, before: int) -> tuple[int, int] | None:
    """Where ``marker`` is glued to a word or a year between ``after`` and ``before``.

    "năm 20251" (2025 + note 1), "của Chính phủ2;" (note 2).
    """
    glued = re.compile(
        r"(?:(?<=\b(?:19|20)\d\d)|(?<=[^\W\d_]))" + re.escape(marker) + r"(?=[\s,.;:)\]]|$)"
    )
    m = glued.search(text, after, before)
    return (m.start(), m.end()) if m else None


def _running_lines(lines: list[Line]) -> set[int]:
    """Running headers and footers: the same line, digits aside, at the top or bottom of most pages."""
    pages: list[list[int]] = [[]]
    for n, line in enumerate(lines):
        if PAGE_BREAK in line.text:
            pages.append([])
        elif line.text.strip():
            pages[-1].append(n)
    pages = [p for p in pages if p]
    if len(pages) < 3:
        return set()
    edges: dict[str, list[int]] = {}
    for page in pages:
        seen = set()
        for n in page[:RUNNING_DEPTH] + page[-RUNNING_DEPTH:]:
            key = RUNNING_DIGITS_RE.sub("#", " ".join(lines[n].text.split()))
            if key not in seen:
                seen.add(key)
                edges.setdefault(key, []).append(n)
    need = max(3, RUNNING_SHARE * len(pages))
    return {n for found in edges.values() if len(found) >= need for n in found}


def layout(text: str) -> Layout:
    """Split cleaned ``text`` into body, footnotes and dropped page furniture."""
    lines = lines_of(text)
    excluded: set[int] = set()
    dropped: set[int] = set()
    footnotes: list[Footnote] = []
    last_anchor = 0
    for first, last, notes in _footnote_areas(lines):
        excluded.update(range(first, last + 1))
        for marker, start, end in notes:
            anchor = _anchor(text, marker, last_anchor, lines[first].start)
            if anchor:
                dropped.update(range(*anchor))
                last_anchor = anchor[1]
            body = re.sub(r"\s+", " ", text[start:end]).strip()
            footnotes.append(Footnote(marker, body, (start, end), anchor))
    for n, line in enumerate(lines):
        if n in excluded or not PAGE_NUMBER_RE.match(line.text) or n == 0:
            continue
        if not lines[n - 1].text.strip() and n + 1 < len(lines):
            excluded.add(n)
    running = _running_lines(lines)
    excluded.update(running)
    for m in BRACKET_MARKER_RE.finditer(text):
        dropped.update(range(m.start(), m.end()))
    ranges: list[tuple[int, int]] = []
    for n, line in enumerate(lines):
        if n in excluded:
            continue
        if ranges and ranges[-1][1] + 1 == line.start:
            ranges[-1] = (ranges[-1][0], line.end)
        else:
            ranges.append((line.start, line.end))
    kept = tuple(line for n, line in enumerate(lines) if n not in running)  # the header reader never sees them
    return Layout(text, kept, tuple(ranges), tuple(footnotes), frozenset(dropped))


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
        word = text[j + 1:].split(" ", 1)[0]
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


# A sentence mark that ends a sentence: one followed by a space or the end of the text ("…năm 2022; Xét").
STOP_END_RE = re.compile(r"[.;:!?](?= |$)")


def _paragraph_breaks(flat: Flat, source: str) -> list[int]:
    """The spaces of ``flat.text`` that stand for a line break starting a paragraph (see :func:`_paragraph_break`)."""
    index, out = flat.index, []
    seen = set()
    for q in NEWLINE_RE.finditer(source):
        k = bisect.bisect_right(index, q.start())  # the first kept character after the line break
        for j in (k, k - 1):
            if 0 < j < len(index) and j not in seen and flat.text[j] == " ":
                seen.add(j)
                if _paragraph_break(flat, source, j):
                    out.append(j)
    return out


NEWLINE_RE = re.compile(r"\n")


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
