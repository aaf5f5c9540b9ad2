"""Who must do what, by when: the ``assignments`` of a record.

Read sentence by sentence over the body (after the header, up to the sign-off "./." or "Nơi nhận"):

- "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với …" → the named agencies lead, the others support;
- "Chủ tịch UBND tỉnh yêu cầu các Bộ, ngành, địa phương …", "1. Yêu cầu các Sở, ban, ngành …" → classes
  of bodies get role ``all``, a single named body leads;
- "Các sở, ban ngành, …, Ủy ban nhân dân các huyện, thành phố căn cứ chức năng … thực hiện … nội
  dung sau:" → a subject-first introducer; its agencies carry every numbered item below it, and an
  item's own deadline ("4. … hoàn thành trước ngày 30 tháng 6 năm 2025") makes one more entry;
- "… chịu trách nhiệm thi hành Quyết định này" → every body listed, role ``all``;
- "gửi Sở Xây dựng để tổng hợp … trước ngày 25 tháng 7 năm 2025" → Sở Xây dựng leads, with that date;
- "… báo để các đơn vị, địa phương biết, thực hiện./." → the Kính gửi list, role ``all``.

One entry per (agency, role, deadline), as the contract says; the task is the sentence or item
that made it, and ``items`` lists the spans of the further items the same entry covers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from graph.vocabulary import Province

from .agency_lists import AgencyList, Group, read_list
from .deadlines import Deadline, cue_phrases, find_deadlines
from ..clean.flat import Flat
from ..lexicon.vocab import alternation, case_twins, duties, phrases_re, word_start_re

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
# Words before "yêu cầu/đề nghị" that make it someone else's request: "Theo đề nghị của …".
NOT_REQUEST_BEFORE_RE = re.compile(r"(?:theo|xét|trên cơ sở|được)\s*$", re.IGNORECASE)
# Task words that make a subject-first sentence an order, not a report: "… căn cứ chức năng …".
OBLIGATION_WORDS = (r"căn cứ|có trách nhiệm|chịu trách nhiệm|cần|phải|chủ trì|khẩn trương|"
                    r"tập trung|chủ động|nghiêm túc|quyết liệt|tiếp tục")
OBLIGATION_RE = re.compile(rf"^(?:{OBLIGATION_WORDS})(?!\w)", re.IGNORECASE)
# The same words anywhere in an item ("2. Các sở … căn cứ chức năng …"): without one, no subject-first order.
# Each branch opens with one exact case of its first letter (case ignored after it), so that a search skips
# at C speed; the matches are those of ``(?i:căn cứ|có trách nhiệm|…)``.
OBLIGATION_ANYWHERE_RE = re.compile("|".join(f"{re.escape(twin)}(?i:{re.escape(word[1:])})"
                                             for word in OBLIGATION_WORDS.split("|") for twin in case_twins(word[0])))
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


@dataclass
class _Event:
    group: Group
    role: str
    start: int
    end: int
    deadline: Deadline | None = None


@dataclass
class _Entry:
    agency: str
    role: str
    task: str
    deadline: str | None
    span: tuple[int, int]
    deadline_text: str | None
    match: str
    confidence: float | None
    recurring: str | None = None
    items: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"agency": self.agency, "role": self.role, "task": self.task,
                               "deadline": self.deadline, "span": list(self.span)}
        if self.deadline_text:
            out["deadline_text"] = self.deadline_text
        if self.recurring:
            out["recurring"] = self.recurring
        out["agency_match"] = self.match
        out["confidence"] = self.confidence
        if self.items:
            out["items"] = [list(s) for s in self.items]
        return out


@cache
def _res() -> dict[str, re.Pattern[str]]:
    a = duties()["assign"]
    return {
        "give": re.compile(rf"(?:{alternation(a['give'])})\s+(?:cho\s+)?"),
        "lead": re.compile(rf"^\s*,?\s*(?:{alternation(a['lead'], ignore_case=True)})(?!\w)\s*,?\s*", re.IGNORECASE),
        # The lead word anywhere in a sentence ("Sở Tài chính chủ trì, …"): without it, no subject-first "give".
        "lead_anywhere": word_start_re(a["lead"], whole_word=False),
        "support": word_start_re(a["support"], r"\s+"),
        "require": word_start_re(a["require"], r"(?!\w)\s*:?\s*(?!của)"),
        "execution": phrases_re(a["execution"]),
        "send": word_start_re(a["send"], r"\s+"),
        "purpose": re.compile(rf"^\s*,?\s*(?:{alternation(a['send_purpose'], ignore_case=True)})(?!\w)", re.IGNORECASE),
        "closing": phrases_re(a["closing"]),
        "speaker": phrases_re(a["speaker_verbs"], at_start=True),
        # Any word the execution, request, sending or deadline readers start with ("chịu trách nhiệm thi
        # hành", "yêu cầu", "gửi", "trước ngày" …): most sentences have none, and one search spares them four.
        "cue": word_start_re(a["execution"] + a["require"] + a["send"] + cue_phrases()),
    }


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


def find_assignments(flat: Flat, sentences: list[Sentence], items: list[Item], locality: Province | None,
                     addressees: tuple[str, ...], year: str | None, reserved: list[tuple[int, int]] = (),
                     issuer: str | None = None) -> list[dict[str, Any]]:
    """The assignments of the body ``flat``, read from its ``segment`` (see the module docstring).

    ``reserved`` spans (periods of targets) are not deadlines; ``issuer`` is never its own assignee
    in a subject-first sentence ("Chính phủ tập trung thực hiện …" reports, it does not assign).
    """
    text = flat.text
    res = _res()
    entries: dict[tuple[str, str, str | None], _Entry] = {}
    addressee_groups = _addressee_groups(addressees, locality)

    def emit(ev: _Event, task_span: tuple[int, int]) -> None:
        g = ev.group
        if g.name is None:
            return
        d = ev.deadline
        key = (g.name.casefold(), ev.role, d.date if d else None)
        if key in entries:
            entry, span = entries[key], flat.span(*task_span)
            if span == entry.span:
                return
            for k, (a, b) in enumerate(entry.items):
                if a == span[0]:
                    entry.items[k] = (a, max(b, span[1]))
                    return
            entry.items.append(span)
            return
        entries[key] = _Entry(g.name, ev.role, _task(text, task_span), d.date if d else None, flat.span(*task_span),
                              d.text if d else None, g.match, g.confidence, d.recurring if d else None)

    scope: tuple[int, list[_Event]] | None = None  # (introducer level, events)
    previous: list[_Event] = []
    prev_colon_request = False
    for n, s in enumerate(sentences):
        level = items[s.item].level if s.item is not None else -1
        if scope is not None and (level <= scope[0] or (s.item is None and not s.closing and n
                                                          and sentences[n - 1].item is not None)):
            scope = None
        events: list[_Event] = []
        used: list[tuple[int, int]] = list(reserved)
        cued = res["cue"].search(text, s.body, s.end) is not None
        deadlines = [d for d in find_deadlines(text, s.body, s.end, year)
                     if not any(a <= d.start < b for a, b in reserved)] if cued else []

        if cued and (m := res["execution"].search(text, s.body, s.end)):
            lst = read_list(text, s.body, locality, limit=m.start())
            events += _events(lst, "all", addressee_groups)
        if not events and (m := res["give"].match(text, s.body)):
            events += _give(text, m.end(), s.end, locality, addressee_groups)
        task_start = s.body
        if not events and cued:
            for m in res["require"].finditer(text, s.body, s.end):
                if NOT_REQUEST_BEFORE_RE.search(text[max(s.body, m.start() - 14):m.start()]):
                    continue
                if m.end() >= s.end:
                    break  # "… yêu cầu:" — the next sentence holds the list
                lst = read_list(text, m.end(), locality, limit=s.end)
                events += _events(lst, None, addressee_groups)
                if events:
                    task_start = m.start()  # "yêu cầu các Bộ, ngành …", not the opening "Thực hiện …"
                    break
        if not events and _may_order(text, s, prev_colon_request):
            lst = read_list(text, s.body, locality, limit=s.end, require_task=True)
            after = text[lst.end:s.end] if lst is not None else ""
            own = issuer is not None and lst is not None and any(g.name == issuer for g in lst.named)
            if lst is not None and (lst.named or lst.addressed) and after[:1].islower() and not own \
                    and not res["speaker"].match(after):
                if res["lead"].match(after):
                    events += _give(text, s.body, s.end, locality, addressee_groups)
                elif s.colon or prev_colon_request or (OBLIGATION_RE.match(after) and s.body != s.start):
                    events += _events(lst, None, addressee_groups)
        if s.closing or n == len(sentences) - 1:
            if m := res["closing"].search(text, s.body, s.end + 3):
                lst = read_list(text, m.end(), locality, limit=s.end)
                events += [_Event(g, "all", s.body, s.end) for g in (addressee_groups or (lst.named if lst else []))]
        sends = res["send"].finditer(text, s.body, s.end) if cued else ()
        for m in sends:
            lst = read_list(text, m.end(), locality, limit=s.end)
            if lst is None or not lst.named or not res["purpose"].match(text[lst.end:s.end]):
                continue
            due = next((d for d in deadlines if d.start > lst.end), None)
            if due is not None:
                used.append((due.start, due.end))
            events += [_Event(g, "lead", s.body, s.end, due) for g in lst.named]

        free = [d for d in deadlines if not any(a <= d.start < b for a, b in used)]
        due = free[0] if free else None
        if events:
            for ev in events:
                if ev.deadline is None:
                    ev.deadline = due
                emit(ev, (task_start, s.end))
            previous = [e for e in events if e.role in ("lead", "all")]
        elif due is not None and scope is not None and s.item is not None:
            item_span = _item_span(sentences, n, s)
            for ev in scope[1]:
                emit(_Event(ev.group, ev.role, *item_span, due), item_span)
        elif due is not None and previous and _continues(text, s):
            for ev in previous:
                emit(_Event(ev.group, ev.role, s.body, s.end, due), (s.body, s.end))
        if events and s.colon and n + 1 < len(sentences) and sentences[n + 1].item is not None \
                and items[sentences[n + 1].item].level > level:
            scope = (level, [e for e in events if e.role in ("lead", "all")])
        elif scope is not None and s.item is not None and level > scope[0]:
            item_span = _item_span(sentences, n, s)
            for ev in scope[1]:
                emit(_Event(ev.group, ev.role, *item_span), item_span)
        if not s.colon:
            prev_colon_request = False
        if s.colon and not events and res["require"].search(text[s.body:s.end][-40:] + " "):
            prev_colon_request = True
        elif s.colon and not events:
            prev_colon_request = bool(re.search(r"(?:như sau|sau)\s*$", text[s.body:s.end]))
    return [e.to_dict() for e in entries.values()]


def _may_order(text: str, s: Sentence, prev_colon_request: bool) -> bool:
    """Whether a subject-first sentence can give an order: it ends with a colon or follows a request
    ("… yêu cầu:"), names the lead ("… chủ trì, …"), or is an item with an obligation word ("… căn cứ …").
    A cheap test on the sentence before its agency list is read: those words must be in it somewhere."""
    if s.colon or prev_colon_request or _res()["lead_anywhere"].search(text, s.body, s.end):
        return True
    return s.body != s.start and OBLIGATION_ANYWHERE_RE.search(text, s.body, s.end) is not None


def _continues(text: str, s: Sentence) -> bool:
    """A sentence with no agency of its own that goes on with the last one: "Yêu cầu hoàn thiện …"."""
    return bool(re.match(r"(?:yêu cầu|đề nghị|đồng thời|sau đó|hoàn thành|báo cáo|gửi)\b", text[s.body:s.end], re.IGNORECASE))


def _item_span(sentences: list[Sentence], n: int, s: Sentence) -> tuple[int, int]:
    """From the item's first sentence to ``s``."""
    k = n
    while k > 0 and sentences[k - 1].item == s.item:
        k -= 1
    return sentences[k].body, s.end


def _events(lst: AgencyList | None, role: str | None, addressee_groups: list[Group]) -> list[_Event]:
    """Events for a list; without a ``role`` one named body leads and anything more is ``all``."""
    if lst is None:
        return []
    out = []
    single = len(lst.named) == 1 and lst.named[0].match != "collective" and not lst.addressed
    for g in lst.groups:
        if g.match == "addressees":
            out += [_Event(a, role or "all", lst.start, lst.end) for a in addressee_groups]
        elif g.name:
            out.append(_Event(g, role or ("lead" if single else "all"), g.span[0], g.span[1]))
    return out


def _give(text: str, pos: int, end: int, locality: Province | None, addressee_groups: list[Group]) -> list[_Event]:
    res = _res()
    lst = read_list(text, pos, locality, limit=end)
    events = _events(lst, "lead", addressee_groups)
    if lst is None:
        return events
    at = lst.end
    if lead := res["lead"].match(text, at):
        at = lead.end()
    for m in res["support"].finditer(text, at, end):
        support = read_list(text, m.end(), locality, limit=end)
        events += _events(support, "support", addressee_groups)
        break
    return events


@lru_cache(maxsize=64)  # asked twice per document (its assignments, its record's addressees), same lines often
def addressee_agencies(addressees: tuple[str, ...], locality: Province | None) -> tuple[tuple[str, Group], ...]:
    """Each Kính gửi line with the agencies it names, canonical and qualified by ``locality``."""
    out = []
    for a in addressees:
        lst = read_list(a + " thực hiện", 0, locality)
        if lst is not None:
            out += [(a, g) for g in lst.named]
    return tuple(out)


def _addressee_groups(addressees: tuple[str, ...], locality: Province | None) -> list[Group]:
    return [g for _, g in addressee_agencies(addressees, locality)]


# Whitespace a task's text collapses: a run of two or more, or one that is not a plain space ("năm\u20032025").
# Single spaces are left alone (the flat text has almost no other whitespace, so most tasks are kept as cut).
IRREGULAR_SPACE_RE = re.compile(r"\s(?:\s+|(?<=[^\S ]))")


def _task(text: str, span: tuple[int, int]) -> str:
    return IRREGULAR_SPACE_RE.sub(" ", text[span[0]:span[1]]).strip(" ;,")
