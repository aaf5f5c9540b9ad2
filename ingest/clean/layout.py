"""The layout of the cleaned text: its lines, the body, the footnotes below a rule (with the markers
that anchor them) and the page furniture that drops out (page numbers, running headers and footers).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property

from ..lexicon.vocab import load

from .flat import Flat, flatten


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

    def outline_ranges(self) -> list[tuple[int, int]]:
        """The body's lines for the outline: a number alone on its line is kept when the text has no pages
        (a table cell "20" or "115", not a page number)."""
        if PAGE_BREAK in self.text:
            return list(self.body_ranges)
        starts = [a for a, _ in self.body_ranges]
        notes = [f.span for f in self.footnotes]
        out = []
        for line in self.lines:
            k = bisect.bisect_right(starts, line.start) - 1
            inside = k >= 0 and line.start <= self.body_ranges[k][1]
            if inside or (PAGE_NUMBER_RE.match(line.text) and not any(a <= line.start < b for a, b in notes)):
                out.append((line.start, line.end))
        return out

    def footnote_flat(self, note: Footnote) -> Flat:
        a, b = note.span  # the dropped offsets inside the note only (not all of the text's, sorted for each note)
        cuts = self._dropped_sorted
        return flatten(self.text, [note.span], frozenset(cuts[bisect.bisect_left(cuts, a):bisect.bisect_left(cuts, b)]))

    @cached_property
    def _dropped_sorted(self) -> list[int]:
        return sorted(self.dropped)


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


# How far into a text a web page's block is looked for, in lines.
CHROME_REACH = 120
# A rule under a header block: "-------", "***".
RULE_LINE_RE = re.compile(r"\s*[-_*=]{3,}\s*$")


@cache
def _page_words() -> dict:
    return load("page.toml")


def site_chrome(lines: list[Line]) -> set[int]:
    r"""The lines of a web page's block before the document (a legal portal's copyright notice, "Đang tải văn
    bản…", its "Số hiệu / Loại văn bản / Tình trạng" table, a summary): every line before the header's agency
    block, when the first lines hold such a block.

    >>> ls = lines_of("THƯ VIỆN PHÁP LUẬT\nTình trạng:\nĐã biết\nBỘ XÂY DỰNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    >>> sorted(site_chrome(ls))
    [0, 1, 2]
    """
    w = _page_words()
    head = lines[:CHROME_REACH]
    if not any(c in ln.text for ln in head for c in w["chrome"]):
        return set()
    motto = next((n for n, ln in enumerate(head) if any(ln.text.lstrip().startswith(m) for m in w["motto"])), None)
    if motto is None:
        return set()
    k = motto - 1
    while k >= 0 and (not lines[k].text.strip() or RULE_LINE_RE.match(lines[k].text)):
        k -= 1
    while k > 0 and lines[k - 1].text.strip() and not RULE_LINE_RE.match(lines[k - 1].text) \
            and not any(c in lines[k - 1].text for c in w["chrome"]) and lines[k - 1].text.strip().isupper():
        k -= 1  # the agency block: "BỘ TÀI CHÍNH / CỤC THUẾ"
    return set(range(0, max(0, k)))


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
    running = _running_lines(lines) | site_chrome(lines)
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
