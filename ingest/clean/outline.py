"""The outline of a document: its parts as printed, as a tree whose nodes keep their spans.

Roman-numbered sections ("V. TỔ CHỨC THỰC HIỆN"), numbered items ("1. Sở Y tế", "2.1."), lettered
sub-items ("a) Chủ trì, …"), dashes and pluses, "(1)", "Điều 6.", "Chương", "Mục", the recipients
("Nơi nhận:"), the texts attached after the signature ("PHỤ LỤC I", "QUY ĐỊNH …") and tables with
their columns and rows. Every node has its span in the cleaned text and the span of its heading, so a
stage can read an item together with the path of headings above it.

How the tree is made:

1. *Blocks.* The lines are joined into blocks. A block starts at a line that opens with an item marker
   ("a) Chủ trì …"), after a blank line, and — in a text that does not set its paragraphs apart with
   blank lines — after a line that ends a sentence or a heading in capitals. A wrapped line goes on
   the block before it; so does a block cut by a page break (no stop at its end, a lower-case letter
   after the break).
2. *Tables.* A table printed as text is one block per cell, row after row, its cells set apart by blank
   lines. Its header is a run of short cells with column names ("STT", "Nhiệm vụ", "Cơ quan chủ trì",
   "Thời gian hoàn thành"); a row starts at a cell that goes on with the row numbering ("1", "2",
   "2.1", "II", "A."). Merged cells are left out of the rows below a row's first, whose cells then fill
   the rightmost columns (the width that puts a time in the last column of each of them).
3. *Nesting.* Each kind of item has its rank: "Phần" > "Chương" > "Mục" > "Điều" > "II." > "1." >
   "1.1." > "(1)" > "a)" > "-" > "+"; an item closes every open item of its rank or deeper. A
   paragraph that ends with a colon ("Sở Y tế:") is a lead-in: the items after it are its own, until
   one of the rank of the item it is in. A plain paragraph goes under the
   innermost item; in a text whose paragraphs are set apart by blank lines, under the innermost item
   that is a heading only ("2. Sở Nội vụ" then "Phối hợp Sở Y tế …"), and under the part itself when
   it closes the text ("Trên đây là Kế hoạch …").

>>> text = "V. TỔ CHỨC THỰC HIỆN\\n\\n1. Sở Y tế\\n\\na) Chủ trì, phối hợp với\\nSở Nội vụ.\\n\\n2. Sở Nội vụ\\n\\nPhối hợp Sở Y tế."
>>> print(show(text, outline(text, [(0, len(text))])))
document
  roman V.: TỔ CHỨC THỰC HIỆN
    number 1.: Sở Y tế
      letter a): Chủ trì, phối hợp với
    number 2.: Sở Nội vụ
      paragraph: Phối hợp Sở Y tế.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterator

from ..lexicon.stops import STOP_MARK_RE
from ..lexicon.vocab import alternation, hyphen_compounds, load, type_start_re

# ---- words and patterns --------------------------------------------------------------------------------


@cache
def words() -> dict:
    """The words of ``ingest/lexicon/outline.toml``."""
    return load("outline.toml")


@cache
def marker_re() -> re.Pattern[str]:
    """An item marker at the start of a line, and the space after it: "II. TỔ CHỨC THỰC HIỆN", "1. Sở Y
    tế", "2.1. Mục tiêu", "a) Chủ trì, …", "- Phối hợp …", "+ Sở Xây dựng …", "(1) 100% số …",
    "Điều 6. Trách nhiệm …", "Chương III", "Mục 2". The named group says the kind."""
    w = words()
    return re.compile(
        r"(?P<marker>"
        rf"(?P<article>{w['article']}\s+\d+[a-zđ]?\s*[.:])"
        rf"|(?P<chapter>{w['chapter']}\s+(?:[IVXLC]+|\d+)\b\.?)"
        rf"|(?P<section>{w['section']}\s+(?:\d+|[IVXLC]+)\b\.?)"
        rf"|(?P<part>{w['part']}\s+(?:{w['ordinal']}\s+\w+|[IVXLC]+|\d+)\b\.?)"
        r"|(?P<roman>[IVXLC]{1,5}\s*[.)])"
        r"|(?P<decimal>\d{1,2}(?:\.\d{1,2}){1,3}\.?)"
        r"|(?P<number>\d{1,2}\s*[.)])"
        r"|(?P<paren>\(\d{1,2}\))"
        r"|(?P<letter>[a-zđ]\s*\))"
        r"|(?P<letterdot>[a-zđ]\.(?=\s))"
        r"|(?P<dash>[-–—])"
        r"|(?P<plus>\+)"
        r"|(?P<bullet>[•·*])"
        r")(?:\s+(?=\S)|\s*$)"
    )


# Markers whose item must open with a capital, a digit or an opening mark: "- Phối hợp", "1. 100% …",
# "- “Tháng hành động …”". A dash before a lower-case word is a wrapped hyphen: "tổ chức chính trị\n- xã hội".
CHECKED_KINDS = frozenset({"dash", "plus", "bullet", "letter", "letterdot", "number", "decimal", "paren", "roman"})
ITEM_OPENERS = "\"“‘'([«"
# A paragraph that ends with a colon ("Sở Y tế:", "Thủ tướng Chính phủ yêu cầu:"): the items after it are its own.
LEAD_IN = "lead-in"
# How deep each kind of item sits (smaller is outer): "Điều" under "Chương", "1." under "II.", "a)" under "1.",
# "-" under "a)", "+" under "-". A lead-in paragraph ("Sở Y tế:") sits just below the item it is in.
RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3, "roman": 4, "number": 5, "decimal": 6, "paren": 7,
        "letter": 8, "letterdot": 8, "dash": 9, "plus": 10, "bullet": 11}
FIXED_RANK = {k: RANK[k] for k in ("part", "chapter", "section", "article")}
# Items of a list of dashes, pluses or bullets.
LIST_KINDS = frozenset({"dash", "plus", "bullet"})
# A line this share of the text's width (or more) was filled and wrapped, not ended: "… Việt Nam, Công nghiệp" (81
# characters in 634/TB-VPCP, whose lines are set at 80).
FILLED_LINE = 0.95
WIDTH_QUANTILE = 0.9


@cache
def word_marker_alone_re() -> re.Pattern[str]:
    """A word marker alone on its line, its number wrapped to the next: "Điều" (then "8. Tổ chức …")."""
    w = words()
    return re.compile("|".join(re.escape(w[k]) for k in ("article", "chapter", "section", "part")))


@cache
def recipients_re() -> re.Pattern[str]:
    """The recipients after the signed text: "Nơi nhận:", "NƠI NHẬN:"."""
    return re.compile(rf"\s*(?:{alternation(words()['recipients'], ignore_case=True)})\s*:?", re.IGNORECASE)


@cache
def attached_title_re() -> re.Pattern[str]:
    """The heading of a text attached after the signature: "PHỤ LỤC I", "QUY ĐỊNH", "KẾ HOẠCH"."""
    return re.compile(rf"(?:{alternation(words()['attached_titles'])})(?=\s|$)")


@cache
def attached_alone_re() -> re.Pattern[str]:
    """A line that is only the title of an attached text: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 01", "QUY ĐỊNH"."""
    return re.compile(rf"(?:{alternation(words()['attached_titles'])})(?:\s+(?:[IVXLC]+|\d+|[A-Z]))?\s*[.:]?")


@cache
def annex_re() -> re.Pattern[str]:
    """A line that is only an annex's title, wherever it stands: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 01"."""
    return re.compile(rf"(?:{alternation(words()['annex_titles'])})(?:\s+(?:[IVXLC]+|\d+|[A-Z]))?\s*[.:]?")


@cache
def closing_re() -> re.Pattern[str]:
    """A paragraph that closes the whole text: "Trên đây là Kế hoạch …"."""
    return re.compile(rf"(?:{alternation(words()['closing_paragraphs'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def time_re() -> re.Pattern[str]:
    """A time in a table cell: "Năm 2026", "Quý I/2026", "Giai đoạn 2026 - 2027", "Thường xuyên"."""
    return re.compile(rf"(?<!\w)(?:{alternation(words()['time_words'], ignore_case=True)})(?!\w)|\b(?:19|20)\d\d\b",
                      re.IGNORECASE)


# An item marker alone on its line, its text on the next: "IV." then "PHÂN CÔNG NHIỆM VỤ", "1." then "Sở Công
# Thương:", "-" then "Phân công, chỉ đạo, …" (1627/QĐ-UBND of Quảng Ngãi).
MARKER_ALONE_RE = re.compile(r"[IVXLC]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|\(\d{1,2}\)|[-–+•]")
# A footnote printed at the end of the text: "[1] Lâm Đồng, Bắc Ninh, …".
NOTE_RE = re.compile(r"\s*\[\d{1,2}\]")
# A cell that numbers a row: "1", "2.1", "II", "A.", "a)".
ROW_NUMBER_RE = re.compile(r"(?:\d{1,3}(?:\.\d{1,2}){0,3}\.?|[IVXLC]{1,5}\.?|[A-ZĐ]\.?|[a-zđ][.)]?)")
# Marks after which a block's text is whole (no page-break continuation).
STOPS = ".;:!?)”\""
# A text whose paragraphs are set apart by blank lines: at least this share of its lines are blank.
BLANK_STYLE_SHARE = 0.2
# A text with a blank line after this share of its lines or more is double-spaced: its blank lines tell nothing.
DOUBLE_SPACED_SHARE = 0.8
MAX_COLUMN_NAME = 60     # characters of a header cell at most
MAX_TIME_CELL = 200      # characters of a time cell at most
HEADING_COLON_REACH = 300  # a colon this far into an item ends its heading: "1. Sở Y tế: …"
HEADING_CHARS = 200      # characters of a heading kept in the record
SHORT_HEADING = 160       # a block this short with no stop in it is a heading, however many lines
ONE_LINE_PARAGRAPH = 150  # a line this long is a paragraph printed on one line, not a wrapped one
HEADING_GOES_ON = 100     # the rest of a heading cut by a blank line is at most this long


# ---- the tree ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One part of the outline. ``kind`` is "document", "attachment", "recipients", "note", "paragraph",
    "table", "row", "cell" or a marker kind ("roman", "number", "decimal", "letter", "dash", "plus",
    "article", …); ``title`` is the span of its heading (after the marker); a cell has its ``column``,
    a table its ``columns``."""

    kind: str
    start: int
    end: int
    title: tuple[int, int]
    marker: str | None = None
    children: tuple["Node", ...] = ()
    column: str | None = None
    columns: tuple[str, ...] = ()

    def walk(self, path: tuple["Node", ...] = ()) -> Iterator[tuple["Node", tuple["Node", ...]]]:
        """Every node under this one (itself first) with the path of nodes above it."""
        yield self, path
        for child in self.children:
            yield from child.walk(path + (self,))

    def heading(self, text: str) -> str:
        return " ".join(text[self.title[0]:self.title[1]].split())

    def shown_heading(self, text: str) -> str:
        """The heading a reader is shown: the title, or — when the title is only the first line of a sentence
        that wraps ("Điều 2. Quyết" / "định này có hiệu lực …") — that sentence, up to its first stop."""
        a, b = self.title
        own_end = self.children[0].start if self.children else self.end
        if b < own_end and text[b:b + 1] == "\n" and text[b + 1:own_end].lstrip()[:1].islower():
            stop = STOP_MARK_RE.search(text, b, min(own_end, a + HEADING_CHARS))
            b = stop.start() if stop else min(own_end, a + HEADING_CHARS)
        return " ".join(text[a:b].split())

    def to_dict(self, text: str) -> dict[str, Any]:
        """The record's form: kind, marker, heading, span and children (a table's columns, a cell's column)."""
        out: dict[str, Any] = {"kind": self.kind}
        if self.marker:
            out["marker"] = self.marker
        out["heading"] = self.shown_heading(text)[:HEADING_CHARS]
        out["span"] = [self.start, self.end]
        if self.columns:
            out["columns"] = list(self.columns)
        if self.column:
            out["column"] = self.column
        if self.children:
            out["children"] = [c.to_dict(text) for c in self.children]
        return out


@dataclass
class _Open:
    """A node being built."""

    kind: str
    start: int
    end: int
    title: tuple[int, int]
    marker: str | None = None
    children: list["_Open | Node"] = field(default_factory=list)
    column: str | None = None
    columns: tuple[str, ...] = ()
    heading_only: bool = False

    def close(self) -> Node:
        kids = tuple(c.close() if isinstance(c, _Open) else c for c in self.children)
        end = max([self.end] + [k.end for k in kids])
        marker = " ".join(self.marker.split()) if self.marker else self.marker  # "Điều\n8." → "Điều 8."
        return Node(self.kind, self.start, end, self.title, marker, kids, self.column, self.columns)


@dataclass
class Block:
    start: int
    end: int
    kind: str | None = None     # the marker's kind; None for a plain paragraph
    marker: str | None = None
    body: int = 0               # where the text starts after the marker
    blank_before: bool = False

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def outline(text: str, ranges: list[tuple[int, int]], start: int = 0) -> Node:
    """The outline of ``text`` from ``start`` (the end of the header) over the line ``ranges`` kept
    (footnotes and page furniture left out)."""
    ranges = [(max(a, start), b) for a, b in ranges if b > start]
    blocks = read_blocks(text, ranges)
    root = _Open("document", ranges[0][0] if ranges else start, ranges[-1][1] if ranges else start, (start, start))
    builder = _Builder(text, blocks, root)
    builder.spaced = blank_style(text, ranges) == "spaced"
    builder.run()
    return root.close()


class _Builder:
    def __init__(self, text: str, blocks: list[Block], root: _Open) -> None:
        self.text, self.blocks, self.root = text, blocks, root
        self.part = root
        self.stack: list[_Open] = []
        self.signed = False
        self.spaced = False

    def run(self) -> None:
        i = 0
        while i < len(self.blocks):
            i = self.step(i)

    def step(self, i: int) -> int:
        text, b = self.text, self.blocks[i]
        s = b.text(text)
        if b.kind is None and recipients_re().match(s):
            self.signed = True
            self.new_part(_Open("recipients", b.start, b.end, (b.start, b.end)))
            return i + 1
        if b.kind is None and (self.signed and self.attached(s) or annex_re().fullmatch(s.split("\n")[0].strip())):
            self.new_part(_Open("attachment", b.start, b.end, (b.start, b.end)))  # "PHỤ LỤC" also before a signature
            return i + 1
        columns = header_length(text, self.blocks, i) if b.kind is None else 0
        if columns:
            table, after = read_table(text, self.blocks, i, columns)
            self.add(table)
            return after
        if self.signed and NOTE_RE.match(s):
            self.part.children.append(_Open("note", b.start, b.end, (b.start, b.end)))
            return i + 1
        if b.kind is None:
            self.paragraph(b)
            return i + 1
        node = _Open(b.kind, b.start, b.end, heading_span(text, b), b.marker)
        node.heading_only = not text[node.title[1]:b.end].strip(" :")
        self.nest(node)
        if b.body >= b.end and i + 1 < len(self.blocks):  # "Chương I" then "QUY ĐỊNH CHUNG": its heading
            nxt = self.blocks[i + 1]
            nxt_text = nxt.text(text).strip()
            if nxt.kind is None and (_is_caps(nxt_text) or len(nxt_text) <= SHORT_HEADING and nxt_text[-1:] not in ".;"):
                node.title, node.end, node.heading_only = (nxt.start, nxt.end), nxt.end, True
                return i + 2
        return i + 1

    def attached(self, s: str) -> bool:
        """A text attached after the signature starts here: a line that is only its title ("PHỤ LỤC I",
        "QUY ĐỊNH"), or — right after the signature — a heading in capitals that opens with one."""
        first = s.split("\n")[0].strip()
        if attached_alone_re().fullmatch(first):
            return True
        return self.part.kind == "recipients" and attached_title_re().match(s) is not None and _is_caps(first)

    def new_part(self, node: _Open) -> None:
        self.root.children.append(node)
        self.part, self.stack = node, []

    def add(self, node: _Open | Node) -> None:
        (self.stack[-1] if self.stack else self.part).children.append(node)

    def paragraph(self, b: Block) -> None:
        node = _Open("paragraph", b.start, b.end, heading_span(self.text, b))
        if closing_re().match(self.text, b.start):
            self.part.children.append(node)
            self.stack = []
            return
        if b.blank_before and self.spaced_text():
            while self.stack and not self.stack[-1].heading_only:
                self.stack.pop()
        elif not self.spaced:  # a paragraph after a finished dash item leaves the dashes
            while self.stack and self.stack[-1].kind in LIST_KINDS and self.ended(self.stack[-1]):
                self.stack.pop()
        if self.text[b.start:b.end].rstrip().endswith(":"):
            # "Sở Y tế:" or "Thủ tướng Chính phủ yêu cầu:" — a lead-in that owns the items after it
            while self.stack and self.stack[-1].kind == LEAD_IN:
                self.stack.pop()
            node.kind = LEAD_IN
            node.heading_only = True
            self.add(node)
            self.stack.append(node)
            return
        self.add(node)

    def ended(self, node: _Open) -> bool:
        """Whether an item's text ends a sentence ("…;", "….")."""
        tail = self.text[node.start:node.end].rstrip()
        return tail[-1:] in (".", ";", ":", "!", "?")

    def spaced_text(self) -> bool:
        return any(blk.blank_before for blk in self.blocks[1:]) and self.spaced

    def nest(self, node: _Open) -> None:
        stack = self.stack
        rank = RANK[node.kind]
        while stack and (self.rank(len(stack) - 1) >= rank
                         or stack[0].kind == LEAD_IN and len(stack) == 1 and rank <= RANK["roman"]):
            stack.pop()  # a lead-in before the body ("… cụ thể như sau:") does not own its sections
        self.add(node)
        stack.append(node)

    def rank(self, k: int) -> float:
        """The rank of ``stack[k]``: a lead-in sits just below the item it is in."""
        node = self.stack[k]
        if node.kind == LEAD_IN:
            return (self.rank(k - 1) if k else 0) + 0.5
        return RANK[node.kind]


def heading_span(text: str, b: Block) -> tuple[int, int]:
    """The heading of a block: all of it when in capitals, else up to its first colon (not too far in),
    else its capitals ("THỰC HIỆN KẾ HOẠCH Danh mục …"), else its first line."""
    s = text[b.body:b.end]
    if _is_caps(s):
        return (b.body, b.end)
    if s.rstrip().endswith(":") and b.kind is None:  # a lead-in: "… các chỉ tiêu cụ thể như sau:"
        return (b.body, b.body + len(s.rstrip()) - 1)
    colon = s.find(":")
    if 0 <= colon <= HEADING_COLON_REACH:
        return (b.body, b.body + colon)
    caps = _caps_prefix(s)
    if caps > 8:
        return (b.body, b.body + caps)
    if len(s) <= SHORT_HEADING and not any(c in s for c in ".;"):
        return (b.body, b.end)  # "3. Ngân hàng Nhà nước chi\nnhánh khu vực 14": a heading wrapped
    nl = s.find("\n")
    return (b.body, b.end if nl < 0 else b.body + nl)


def _caps_prefix(s: str) -> int:
    """How long the run of lines in capitals is that opens ``s``."""
    at = 0
    for line in s.split("\n"):
        if not _is_caps(line):
            break
        at += len(line) + 1
    return max(0, at - 1)


def _is_caps(s: str) -> bool:
    """At least three letters, none in lower case: "TỔ CHỨC THỰC HIỆN", "II. NHIỆM VỤ"."""
    return s == s.upper() and len(LETTERS_RE.findall(s)) >= 3


# A letter: a word character that is neither a digit nor "_".
LETTERS_RE = re.compile(r"[^\W\d_]")


# ---- blocks ------------------------------------------------------------------------------------------


def blank_style(text: str, ranges: list[tuple[int, int]]) -> str:
    """How the text uses blank lines: "spaced" (they set paragraphs apart: a line that wraps after a
    full stop goes on the same paragraph), "double" (one after nearly every line, as some exports print
    them: they tell nothing) or "single" (few)."""
    lines = [ln for a, b in ranges for ln in text[a:b].split("\n")]
    filled = [k for k, ln in enumerate(lines) if ln.strip()]
    if not filled:
        return "single"
    followed = sum(1 for k in filled if k + 1 < len(lines) and not lines[k + 1].strip())
    if followed >= DOUBLE_SPACED_SHARE * len(filled):
        return "double"
    return "spaced" if sum(not ln.strip() for ln in lines) >= BLANK_STYLE_SHARE * len(lines) else "single"


def read_blocks(text: str, ranges: list[tuple[int, int]]) -> list[Block]:
    """The blocks of the lines in ``ranges`` (see the module docstring).

    >>> src = "a) Chủ trì, phối hợp với Sở Nội vụ (Ban\\nThi đua - Khen thưởng) tiến hành họp xét;\\n\\nb) Tham mưu"
    >>> [(b.kind, b.marker, b.text(src)[:20]) for b in read_blocks(src, [(0, len(src))])]
    [('letter', 'a)', 'a) Chủ trì, phối hợp'), ('letter', 'b)', 'b) Tham mưu')]
    """
    style = blank_style(text, ranges)
    spaced = style == "spaced"
    lines = _lines(text, ranges)
    width = _text_width(text, lines)
    out: list[Block] = []
    blank, prev = False, (0, 0)
    pending_word: int | None = None
    for k, (start, end, gap) in enumerate(lines):
        blank = blank or gap
        line = text[start:end]
        if not line.strip() and style == "double":
            continue
        if not line.strip():
            if pending_word is not None:  # "1." then a blank line: a number, not a marker
                out.append(Block(pending_word, pending_word + len(text[pending_word:end].strip()), None, None,
                                 pending_word, blank))
                pending_word = None
            blank = True
            continue
        s = start + len(line) - len(line.lstrip())
        if pending_word is not None:  # "Điều" then "8. Tổ chức thực hiện": one marker over two lines
            s, pending_word = pending_word, None
        if word_marker_alone_re().fullmatch(line.strip()) or MARKER_ALONE_RE.fullmatch(line.strip()):
            pending_word = s  # the next line, if it follows at once, goes on this marker
            continue
        found = _marker(text, s, end)
        if found is not None and found[0] == "dash" and not blank and out and _wrapped_hyphen(
                text[prev[0]:prev[1]], text[found[2]:end], width):
            found = None  # "Bộ Lao động" / "- Thương binh và Xã hội …": the line goes on the one before
        current = out[-1] if out else None
        if found is None and current is not None:
            joins = not blank and not (_new_paragraph(text, prev, s, end) and (not spaced or _hard_break(text, prev)))
            if joins or (blank and (_continues(text, current, s)
                                    or _heading_goes_on(text, current, s, _paragraph_end(text, lines, k)))):
                current.end = end
                prev, blank = (s, end), False
                continue
        kind, marker, body = found if found else (None, None, s)
        out.append(Block(s, end, kind, marker, body, blank))
        prev, blank = (s, end), False
    for blk in out:
        while blk.end > blk.start and text[blk.end - 1].isspace():
            blk.end -= 1
    return out


def _lines(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, after a gap) of every line in ``ranges``: a gap is lines left out between two ranges (a
    footnote area, a page number), which breaks a paragraph like a blank line."""
    out: list[tuple[int, int, bool]] = []
    last = None
    for a, b in ranges:
        gap = last is not None and a > last + 1
        last = b
        pos = a
        for line in text[a:b].split("\n"):
            out.append((pos, pos + len(line), gap))
            gap = False
            pos += len(line) + 1
    return out


def _marker(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    m = marker_re().match(text, start, end)
    if m is None:
        return None
    kind = next(k for k, v in m.groupdict().items() if v is not None and k != "marker")
    if kind not in FIXED_RANK and m.end() >= end:
        return None  # "2." alone on a line is a number, not an item
    if kind in CHECKED_KINDS and not _opens_item(text[m.end():m.end() + 1]):
        return None
    return kind, m["marker"].strip(), m.end()


def _wrapped_hyphen(before: str, after: str, width: int) -> bool:
    """Whether a dash opening a line is the hyphen of a name or a range wrapped there, after the line ``before``:
    "… của Bộ Quốc phòng, Bộ Lao động" / "- Thương binh và Xã hội hướng dẫn …" (2929/QĐ-UBND; a hyphenated name
    of the registry, :func:`~ingest.lexicon.vocab.hyphen_compounds`), "… giai đoạn 2026" / "- 2030, tập trung …"
    (179/KH-UBND; a number each side), or a line filled to the text's width that ends in a name and a capital
    after the dash: "… Bưu chính viễn thông Việt Nam, Công nghiệp" / "- Viễn thông Quân đội theo chức năng …"
    (634/TB-VPCP) — unless a document type opens it, an item of a list of acts ("… của Luật Đầu tư" /
    "- Nghị định số 239/2025/NĐ-CP …", 1936/QĐ-UBND)."""
    before = before.rstrip()
    if before[-1:].isdigit() and after[:1].isdigit():
        return True
    if any((before == left or before.endswith(" " + left)) and after.startswith(right)
           and not after[len(right):len(right) + 1].isalnum() for left, right in hyphen_compounds()):
        return True
    return (len(before) >= FILLED_LINE * width and before[-1:].isalnum()
            and any(word[:1].isupper() for word in before.split()[-2:]) and after[:1].isupper()
            and not type_start_re().match(after))


def _text_width(text: str, lines: list[tuple[int, int, bool]]) -> int:
    """How wide the text's lines are set: the length most lines stay within (:data:`WIDTH_QUANTILE`)."""
    lengths = sorted(stop - start for start, stop, _ in lines if text[start:stop].strip())
    return lengths[int(len(lengths) * WIDTH_QUANTILE)] if lengths else 0


def _opens_item(ch: str) -> bool:
    return bool(ch) and (ch.isupper() or ch.isdigit() or ch in ITEM_OPENERS)


def _new_paragraph(text: str, prev: tuple[int, int], start: int, end: int) -> bool:
    """A line that starts a paragraph although no blank line is before it: the line before ends a
    sentence ("…năm 2025;" then "Căn cứ …") or is a heading in capitals ("THỰC HIỆN KẾ HOẠCH" then
    "Danh mục …"), and this one starts with a capital, a digit or a quote."""
    before = text[prev[0]:prev[1]].rstrip()
    if not before or not _opens_item(text[start]):
        return False
    return before[-1] in ".;:!?" or (_is_caps(before) and not _is_caps(text[start:end]))


def _hard_break(text: str, prev: tuple[int, int]) -> bool:
    """In a text that sets paragraphs apart with blank lines, a line break still ends a paragraph after a
    colon ("… có ý kiến chỉ đạo:") or after a whole paragraph printed on one line."""
    before = text[prev[0]:prev[1]].rstrip()
    return before.endswith(":") or len(before) > ONE_LINE_PARAGRAPH


def _paragraph_end(text: str, lines: list[tuple[int, int, bool]], k: int) -> int:
    """Where the paragraph that line ``k`` opens ends: at the next blank line or gap."""
    end = lines[k][1]
    for start, stop, gap in lines[k + 1:]:
        if gap or not text[start:stop].strip():
            break
        end = stop
    return end


def _heading_goes_on(text: str, block: Block, start: int, end: int) -> bool:
    """An item's heading cut by a blank line: "3. Đề nghị Ủy ban Mặt trận …, Hội Liên hiệp" then "Phụ nữ Thành
    phố và các tổ" / "chức thành viên của Mặt trận" (174/KH-UBND) — no stop in either, the rest short. A dash item's
    line is no heading: "- UBND các tỉnh, thành phố" then "Thực hiện mới" are two cells (2530/QĐ-TTg)."""
    head = text[block.body:block.end]
    line = text[start:end].rstrip()
    return block.kind is not None and block.kind not in LIST_KINDS and len(head) <= SHORT_HEADING and not any(c in head for c in ".;:") \
        and len(line) <= HEADING_GOES_ON and not any(c in line[:-1] for c in ".;:") and line[-1:] not in ".;"


def _continues(text: str, block: Block, start: int) -> bool:
    """A paragraph cut by a page break: no stop at the block's end, a lower-case letter after the break."""
    tail = text[block.start:block.end].rstrip()
    return bool(tail) and tail[-1] not in STOPS and text[start].islower()


# ---- tables ------------------------------------------------------------------------------------------


@cache
def _column_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in words()["column_words"])


@cache
def _row_number_columns() -> frozenset[str]:
    return frozenset(w.casefold() for w in words()["row_number_columns"])


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def _is_column(s: str) -> bool:
    f = _fold(s)
    return len(f) <= MAX_COLUMN_NAME and _column_re().search(f) is not None


@cache
def _column_re() -> re.Pattern[str]:
    # A column's word in a folded header cell: "cơ quan chủ trì", "thời gian hoàn thành", "stt".
    return re.compile(rf"(?<!\w)(?:{alternation(list(_column_words()))})(?!\w)")


def header_length(text: str, blocks: list[Block], i: int) -> int:
    """How many blocks from ``i`` are a table's header (0 when none): "STT" or column names, then short
    cells, up to the first row number.

    >>> src = "STT\\n\\nNhiệm vụ\\n\\nCơ quan chủ trì\\n\\nThời gian\\nhoàn thành\\n\\n1\\n\\nRà soát các\\nvăn bản"
    >>> header_length(src, read_blocks(src, [(0, len(src))]), 0)
    4
    """
    numbered = _fold(blocks[i].text(text)) in _row_number_columns()
    n = names = 0
    while i + n < len(blocks):
        s = blocks[i + n].text(text).strip()
        if n and _is_row_number(s):
            break
        short = len(s) <= MAX_COLUMN_NAME and s[-1:] not in ".;:" and s.count("\n") <= 2
        if not short or not (_is_column(s) or (numbered and _is_caps(s))):
            break
        names += _is_column(s)
        n += 1
    return n if n >= 3 and (numbered or names >= 3) else 0


def _is_row_number(s: str) -> bool:
    return "\n" not in s and ROW_NUMBER_RE.fullmatch(s.strip()) is not None


def read_table(text: str, blocks: list[Block], i: int, n_header: int) -> tuple[_Open, int]:
    """The table whose header starts at ``blocks[i]``, and the index of the block after it."""
    header = blocks[i:i + n_header]
    columns = tuple(" ".join(b.text(text).split()) for b in header)
    j = i + n_header
    body: list[Block] = []
    while j < len(blocks):
        b = blocks[j]
        s = b.text(text)
        if recipients_re().match(s) or b.kind in ("article", "chapter") \
                or (attached_title_re().match(s) and _is_caps(s.split("\n")[0])):
            break
        body.append(b)
        j += 1
    cells = _cells(body)
    table = _Open("table", header[0].start, cells[-1].end if cells else header[-1].end,
                  (header[0].start, header[-1].end), columns=columns)
    for row in _row_groups(text, cells):
        table.children += _rows(text, row, columns)
    return table, j


def _cells(blocks: list[Block]) -> list[Block]:
    """Cells are set apart by blank lines: blocks that follow without one ("- Cách thức …" then "- Sở Y
    tế …" in one cell) go on the cell before."""
    out: list[Block] = []
    for b in blocks:
        if out and not b.blank_before:
            out[-1] = Block(out[-1].start, b.end, out[-1].kind, out[-1].marker, out[-1].body, out[-1].blank_before)
        else:
            out.append(b)
    return out


def _row_groups(text: str, cells: list[Block]) -> list[list[Block]]:
    """The cells of each row: a row starts at a cell that goes on with the numbering."""
    rows: list[list[Block]] = []
    seen: list[tuple] = []
    for c in cells:
        s = c.text(text)
        if _is_row_number(s):
            key = next((k for k in _number_keys(s) if _follows(seen, k)), None)
            if key is not None and (not rows or len(rows[-1]) > 1):
                seen = _numbered(seen, key)
                rows.append([c])
                continue
        if not rows:
            rows.append([])
        rows[-1].append(c)
    return rows


def _numbered(seen: list[tuple], key: tuple) -> list[tuple]:
    """The numbering after row number ``key``: the last number of each kind, outer kinds first; a number of an outer
    kind closes the deeper ones, whose numbering starts again ("A.", "1" … "9", then "B.", "1").

    >>> _numbered([("A", 65), ("n", 9)], ("A", 66)), _numbered([("A", 65)], ("n", 1))
    ([('A', 66)], [('A', 65), ('n', 1)])
    """
    kinds = [p[0] for p in seen]
    if key[0] in kinds:
        return seen[:kinds.index(key[0])] + [key]
    return seen + [key]


def _number_key(s: str) -> tuple:
    """"2.1" → ("n", 2, 1); "II" → ("r", 2); "A." → ("A", 65); "b)" → ("a", 98)."""
    s = s.strip().rstrip(".)")
    if s[0].isdigit():
        return ("n",) + tuple(int(p) for p in s.split("."))
    if set(s) <= set("IVXLC"):
        return ("r", _roman(s))
    if s.isupper():
        return ("A", ord(s))
    return ("a", ord(s[0]))


def _number_keys(s: str) -> list[tuple]:
    """The readings of a row number: "C." is the roman hundred or the letter after "B." (2530/QĐ-TTg numbers the
    bodies of its annex "A.", "B.", "C.", "D." …).

    >>> _number_keys("C."), _number_keys("2.1")
    ([('r', 100), ('A', 67)], [('n', 2, 1)])
    """
    key = _number_key(s)
    letter = s.strip().rstrip(".)")
    if key[0] == "r" and len(letter) == 1:
        return [key, ("A", ord(letter))]
    return [key]


def _roman(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    return sum(-values[c] if k + 1 < len(s) and values[s[k + 1]] > values[c] else values[c]
               for k, c in enumerate(s))


def _follows(seen: list[tuple], key: tuple) -> bool:
    """Whether row number ``key`` goes on with the numbering ``seen`` (the last number of each kind).

    >>> _follows([("r", 1), ("n", 1)], ("n", 2)), _follows([("r", 1), ("n", 1)], ("n", 20))
    (True, False)
    >>> _follows([("n", 5)], ("n", 5, 1)), _follows([("n", 5, 3)], ("n", 6))
    (True, True)
    """
    if not seen:
        return True
    for p in reversed(seen):
        if p[0] != key[0]:
            continue
        if key[0] != "n":
            return key[1] == p[1] + 1  # II → III, A → B, a → b
        old, new = p[1:], key[1:]
        if len(new) == len(old):
            return new[:-1] == old[:-1] and new[-1] == old[-1] + 1  # 2 → 3, 2.1 → 2.2
        if len(new) == len(old) + 1:
            return new[:-1] == old and new[-1] == 1  # 2 → 2.1
        d = len(new)
        return d < len(old) and new[:-1] == old[:d - 1] and new[-1] == old[d - 1] + 1  # 2.3 → 3, 2.1.3 → 2.2
    first = {"n": ("n", 1), "a": ("a", ord("a")), "A": ("A", ord("A")), "r": ("r", 1)}
    return key == first[key[0]]  # "I" then "1": a new level


def _rows(text: str, row: list[Block], columns: tuple[str, ...]) -> list[_Open]:
    """One row, or — merged cells left out below the first — one row per sub-row."""
    if not row:
        return []
    ncols = len(columns)
    first = _Open("row", row[0].start, row[min(len(row), ncols) - 1].end, (row[0].start, row[0].end))
    first.children = [_Open("cell", c.start, c.end, (c.start, c.end), column=col) for c, col in zip(row, columns)]
    if len(row) <= ncols:
        return [first]
    width = _subrow_width(text, row, ncols)
    out = [first]
    rest = row[ncols:]
    for k in range(0, len(rest), width):
        sub = rest[k:k + width]
        node = _Open("row", sub[0].start, sub[-1].end, (sub[0].start, sub[0].end))
        node.children = [_Open("cell", c.start, c.end, c.title, column=c.column) for c in first.children[:ncols - width]]
        node.children += [_Open("cell", c.start, c.end, (c.start, c.end), column=col)
                          for c, col in zip(sub, columns[ncols - width:])]
        out.append(node)
    return out


def _subrow_width(text: str, row: list[Block], ncols: int) -> int:
    """How many cells each sub-row holds: the width for which the last cell of every sub-row is a time
    and the other cells are not."""
    extra = len(row) - ncols
    best: tuple[float, int] | None = None
    for width in range(ncols - 1, 0, -1):
        if extra % width:
            continue
        subs = [row[ncols + width * k: ncols + width * (k + 1)] for k in range(extra // width)]
        lasts = [sub[-1] for sub in subs]
        others = [c for sub in subs for c in sub[:-1]]
        score = sum(_looks_like_time(c.text(text)) for c in lasts) / len(lasts)
        if others:
            score -= sum(_looks_like_time(c.text(text)) for c in others) / len(others)
        if best is None or score > best[0]:
            best = (score, width)
    return best[1] if best else ncols


def _looks_like_time(s: str) -> bool:
    return len(s) < MAX_TIME_CELL and time_re().search(s) is not None


# ---- reading it --------------------------------------------------------------------------------------


def show(text: str, node: Node, width: int = 90) -> str:
    """The outline as an indented listing: kind, marker and heading of each node."""
    lines = []
    for n, path in node.walk():
        head = " | ".join(n.columns) if n.kind == "table" else n.heading(text)
        label = n.kind + (f" {n.marker}" if n.marker else "") + (f" [{n.column}]" if n.column else "")
        lines.append("  " * len(path) + (f"{label}: {head[:width]}" if head else label))
    return "\n".join(lines)
