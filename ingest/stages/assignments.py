"""Who must do what, by when: the ``assignments`` of a record, read from the document's outline.

An item is read with what the items above it say (the contract's conventions for whole documents):

- An item headed by bodies ("1. Sở Y tế", "Sở Tài chính:", "Điều 6. Trách nhiệm của Sở Công Thương",
  "6. Đề nghị các tổ chức cung cấp dịch vụ chi trả") owns its text and its sub-items: each bullet makes
  its owners ``lead``, or ``support`` when its duty opens with "phối hợp".
- A sentence names its own subject: "Giao Sở Xây dựng chủ trì …", "Sở Tài chính chủ trì, phối hợp với
  …", "Đề nghị Ủy ban Mặt trận …". A list of several bodies told to act together ("Các sở, ban, ngành,
  Ủy ban nhân dân các xã căn cứ chức năng, nhiệm vụ …"), a lead-in that addresses them ("Thủ tướng yêu
  cầu các Bộ trưởng, … tập trung thực hiện …"), the execution clause ("… chịu trách nhiệm thi hành
  Quyết định này") and the closing ("… thông báo để … biết, thực hiện") give ``all``.
- Every body named after "phối hợp (với)" is ``support``, but not inside what another body is told to
  do ("Chỉ đạo các ngân hàng … phối hợp với Sở Y tế …").
- A task table's "Cơ quan chủ trì" / "Cơ quan phối hợp" cells give ``lead`` / ``support``, its time
  column the deadline ("Năm 2026" → 2026-12-31, "Giai đoạn 2026 - 2027" → 2027-12-31).
- A deadline is the sentence's own; else the next one printed in its item ("… Thời hạn hoàn thành:
  trước ngày 30/11/2025"); else its heading's or its table row's.

One entry per (agency, role, deadline); the task is the sentence that made it first, ``items`` the
spans of the others, ``path`` the headings above it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Iterator

from graph.vocabulary import Province, fold

from ..clean.flat import Flat
from ..clean.outline import LEAD_IN, Node, marker_re
from ..lexicon.stops import FULL_STOP_RE
from ..lexicon.vocab import CAPITALS, alternation, duties, load, phrases_re
from .deadlines import Deadline, find_deadlines
from .names import (Name, completed, head_re, list_end, list_remark_re, mask, named_units, people_re, plural_re, qualify,
                    read_names, shared_noun_before, verb_noun_re, words as body_words)

# Outline parts that give no assignment: the recipients after the signature, footnotes at the end.
SKIPPED = frozenset({"recipients", "note"})
# A year range or a year in a table's time cell: "Giai đoạn 2026 - 2027", "Năm 2026", "2026-2030".
YEAR_RANGE_RE = re.compile(r"(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)")
YEAR_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)")
# Where a clause ends inside an item: ". " before a capital, "; " — "Chủ trì … . Đồng thời, …". Not
# lexicon.stops.STOP_MARK_RE: the match takes the whitespace after the mark, a full stop counts only before a
# capital, a digit or an opening quote or bracket, and a colon only before a list ("…như sau: - …", ": 1. …").
ITEM_CLAUSE_END_RE = re.compile(rf"\.\s+(?=[{CAPITALS}]|\d|[\"“(])|;\s+|:\s+(?=[-+•]|\d|[a-zđ]\))")
MAX_TASK_CHARS = 600
FIELD_LABEL_CHARS = 40  # "Cơ quan chủ trì", "Thời gian thực hiện": a field's label is short
LEAD_REACH = 80  # "chủ trì" this early in a duty makes its body lead
FRAME_CHARS = 120  # a framing phrase before a duty ("Trong phạm vi chức năng, nhiệm vụ, …") is this short
OPENING_REACH = 120  # characters of an opening phrase before the subject at most
HEADING_CHARS = 120
WRAPPED_HEADING_CHARS = 160  # the rest of a heading wrapped onto the next lines is this long at most


@cache
def cues() -> dict:
    """The words of ``ingest/lexicon/roles.toml``."""
    return load("roles.toml")


@cache
def _re(key: str, at_start: bool = False) -> re.Pattern[str]:
    return phrases_re(cues()[key], at_start=at_start)


@cache
def _time_re(key: str) -> re.Pattern[str]:
    """The words of a time cell ([columns] of roles.toml): "open_ended", "until_event"."""
    return phrases_re(cues()["columns"][key])


@cache
def _support_re() -> re.Pattern[str]:
    """"phối hợp với", "phối hợp chặt chẽ với", "chủ trì cùng" — the partners follow."""
    return re.compile(rf"(?<!\w)(?:{alternation(cues()['support'], ignore_case=True)})(?!\w)\s*"
                      rf"(?:(?:{alternation(cues()['partner_words'], ignore_case=True)})\s+)?", re.IGNORECASE)


VERB_NOUN_REACH = 40  # characters enough to hold a verb noun ("tổ chức") and the word after it
SUPPORT_NOUN_REACH = 20  # characters before "phối hợp" that hold a noun making it a name ("Quy chế ")


@cache
def _support_noun_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(cues()['support_nouns'], ignore_case=True)})\s+$", re.IGNORECASE)


@cache
def _opens_support_re() -> re.Pattern[str]:
    """A duty that opens with coordination: "Phối hợp Sở Y tế …", "Chủ động phối hợp với …"."""
    lead = alternation(cues()["duty_openers"], ignore_case=True)
    return re.compile(rf"(?:(?:{lead})\s*,?\s*)*(?:{alternation(cues()['opens_support'], ignore_case=True)})(?!\w)",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    flat: Flat
    source: str
    locality: Province | None
    year: str | None
    issuer: str | None
    reserved: tuple[tuple[int, int], ...] = ()   # flat spans that are no deadlines (target periods)
    addressees: tuple[Name, ...] = ()            # the bodies of the Kính gửi lines
    defined: tuple[str, ...] = ()                # bodies the text calls by the start of their name
    short_names: tuple[tuple[str, str], ...] = ()  # (short, full): "(gọi tắt là Hội đồng thi đua)" after the full name


@dataclass(frozen=True)
class Duty:
    name: Name
    role: str
    start: int                  # flat span of the task
    end: int
    deadline: Deadline | None
    path: tuple[str, ...] = ()
    subject: bool = False       # the body the clause gives its duty to (not a partner)


@dataclass(frozen=True)
class Scope:
    """What an item takes from the items above it."""

    owners: tuple[Name, ...] = ()
    deadline: Deadline | None = None
    path: tuple[str, ...] = ()
    role: str | None = None   # the role a lead-in gave its subject ("Các sở, … căn cứ …, thực hiện các nội dung sau:")


def find_assignments(outline: Node, ctx: Context) -> list[dict[str, Any]]:
    """The assignments of a document (see the module docstring)."""
    return _entries(list(_walk(outline, Scope(), ctx)), ctx)


def addressee_names(addressees: tuple[str, ...], locality: Province | None) -> tuple[tuple[str, Name], ...]:
    """Each Kính gửi line with the bodies it names, canonical and qualified: "Các sở, ban ngành, đơn vị thuộc
    tỉnh", "Ủy ban nhân dân các huyện, thành phố" (a body named on two lines once)."""
    out: list[tuple[str, Name]] = []
    for line in addressees:
        names = read_names(line, 0, len(line), locality, whole=True)
        if names is not None:
            out += [(line, n) for n in names.bodies if n.name not in {m.name for _, m in out}]
    return tuple(out)


# ---- walking the outline -----------------------------------------------------------------------------


def _walk(node: Node, scope: Scope, ctx: Context) -> Iterator[Duty]:
    last: list[Duty] = []  # the duties of the item before: a time field after it dates them
    for child in node.children:
        if child.kind in SKIPPED:
            continue
        if child.kind == "attachment":
            yield from _walk(child, Scope(), ctx)
            continue
        if child.kind == "table":
            yield from _table(child, scope, ctx)
            continue
        if child.children and _re("goal_sections", True).match(_heading_text(ctx, child)):
            continue  # "II. MỤC TIÊU", "2. Mục tiêu cụ thể": goals, no one's duty
        if _time_field(ctx, child):  # "- Tổng hợp kết quả kiểm kê …" / "Thời hạn hoàn thành: Trước ngày 31/3/2026."
            when = _cell_deadline(ctx, child, after_title=True)
            yield from (replace(d, deadline=d.deadline or when) for d in last)
            last = []
            continue
        yield from last
        last = list(_item(child, scope, ctx))
    yield from last


def _heading_text(ctx: Context, node: Node) -> str:
    return " ".join(ctx.source[node.title[0]:node.title[1]].split())


def _time_field(ctx: Context, node: Node) -> bool:
    """A paragraph that only gives the time of the item before it: "Thời hạn hoàn thành: Trước ngày …"."""
    if node.kind != "paragraph" or node.children or ctx.source[node.title[1]:node.title[1] + 1] != ":":
        return False
    head = fold(ctx.source[node.title[0]:node.title[1]])
    return len(head) <= FIELD_LABEL_CHARS and any(fold(w) in head for w in cues()["columns"]["time"])


def _field_of(ctx: Context, node: Node) -> str | None:
    """The field an item labels ("- Cơ quan chủ trì: Sở Nội vụ …" → "lead", "- Cơ quan phối hợp: …" →
    "support", "- Thời gian thực hiện: Năm 2025" → "time"), or None."""
    if node.kind == "paragraph" or node.title[1] >= node.end or ctx.source[node.title[1]:node.title[1] + 1] != ":":
        return None
    head = fold(ctx.source[node.title[0]:node.title[1]])
    if len(head) > FIELD_LABEL_CHARS:
        return None
    c = cues()["columns"]
    for field_ in ("support", "lead", "time"):
        if any(fold(w) in head for w in c[field_]):
            return field_
    return None


def _fields(node: Node, scope: Scope, ctx: Context, path: tuple[str, ...]) -> Iterator[Duty] | None:
    """An item whose sub-items are labelled fields — "Cơ quan chủ trì: …", "Cơ quan phối hợp: …",
    "Thời gian thực hiện: …" — reads like a row of a task table."""
    fields = [(c, _field_of(ctx, c)) for c in node.children]
    if not any(f in ("lead", "support") for _, f in fields):
        return None
    time = next((c for c, f in fields if f == "time"), None)
    when = _cell_deadline(ctx, time, after_title=True) if time is not None else None
    out: list[Duty] = []
    for child, field_ in fields:
        if field_ not in ("lead", "support"):
            continue
        a, b = _flat(ctx, child.title[1] + 1, child.end)
        parts = [_flat(ctx, g.start, g.end) for g in child.children] or [(a, b)]  # "+ Sở …" under "Cơ quan thực hiện:"
        duties = [d for pa, pb in parts for d in _unit(ctx, pa, pb, (), Scope(), path, heading=False)]
        if field_ == "lead" and any(d.subject for d in duties):  # "Cơ quan thực hiện: Sở Nội vụ chủ trì …; Sở Tư pháp …"
            out += [replace(d, deadline=d.deadline or when) for d in duties]
            continue
        names = read_names(ctx.flat.text, a, b, ctx.locality, whole=True)
        for n in _acting(ctx, names):
            out.append(Duty(n, field_, a, b, when or scope.deadline, path, subject=True))
    return iter(out)


def _item(node: Node, scope: Scope, ctx: Context) -> Iterator[Duty]:
    a, b = _flat(ctx, node.start, node.children[0].start if node.children else node.end)
    ta, tb = _flat(ctx, *_title(ctx, node))
    heading = " ".join(ctx.flat.text[ta:tb].split())[:HEADING_CHARS]
    owners, duty_start = _heading_owners(ctx, node, ta, tb)
    path = scope.path + ((f"{node.marker} {heading}" if node.marker else heading),) if heading else scope.path
    unit_owners = owners or scope.owners
    text_start = duty_start if owners else (ta if node.marker else a)
    if not owners and node.marker and ctx.flat.text[tb:tb + 1] == ":" and tb < b \
            and not _shared_noun_end(ctx.flat.text, ta, tb) and _topic(ctx, ta, tb):
        text_start = tb + 1  # "1. Về hỗ trợ kinh phí …: Giao Bộ Tài chính chủ trì …" — the duty after the topic
    here = list(_unit(ctx, max(text_start, a), b, unit_owners, scope, path, heading=bool(owners),
                      paragraph=node.kind == "paragraph", lead_in=node.kind == LEAD_IN and bool(node.children)))
    if node.children and _time_field(ctx, node.children[0]):  # "- Tham mưu …" then, under it, "Thời gian hoàn thành: …"
        when = _cell_deadline(ctx, node.children[0], after_title=True)
        here = [replace(d, deadline=d.deadline or when) for d in here]
    yield from here
    if (table_like := _fields(node, scope, ctx, path)) is not None:
        yield from table_like
        return
    deadline = _first_dated(ctx, ta, tb) or scope.deadline
    if owners and _remarked_members(ctx, node, ta, tb):
        node = replace(node, children=node.children[0].children + node.children[1:])  # the members, then their items
    if node.kind == LEAD_IN and not owners and (led := [d for d in here if d.subject]):
        # the bodies a lead-in asks carry the items under it: an item's own deadline makes one more entry
        yield from _walk(node, Scope(tuple(d.name for d in led), deadline, path, led[0].role), ctx)
        return
    if node.children and not owners and (directed := _directed_owners(ctx, a, b)):
        yield from _walk(node, Scope(directed, deadline, path, None), ctx)
        return
    yield from _walk(node, Scope(unit_owners, deadline, path, scope.role if not owners else None), ctx)


def _remarked_members(ctx: Context, node: Node, ta: int, tb: int) -> bool:
    """The heading remarks on some of its bodies and names them on the next line: "1. Chủ tịch Ủy ban nhân dân các
    tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh:" / "Đắk Lắk, Khánh Hòa, Gia Lai và Lâm
    Đồng:" (234/CĐ-TTg) — the items under them stay the heading's bodies'."""
    if not node.children or node.children[0].kind != LEAD_IN or not list_remark_re().search(ctx.flat.text, ta, tb):
        return False
    a, b = _flat(ctx, node.children[0].start, node.children[0].children[0].start if node.children[0].children
                 else node.children[0].end)
    names = read_names(ctx.flat.text, a, b, ctx.locality, whole=True)
    return names is not None and all(n.kind != "other" for n in names.names)


@cache
def _items_follow_re() -> re.Pattern[str]:
    # The end of an item that its sub-items follow: "… thực hiện các nội dung sau:".
    return re.compile(rf"(?<!\w)(?:{alternation(cues()['items_follow'], ignore_case=True)})\s*:\s*$", re.IGNORECASE)


def _opens_what_follows(text: str, a: int, b: int) -> bool:
    """The sentence introduces what comes after it: "… có ý kiến như sau:", "… có ý kiến chỉ đạo:"."""
    sentence = text[a:b].rstrip()
    return sentence.endswith(":") or _items_follow_re().search(sentence + ":") is not None


def _directed_owners(ctx: Context, a: int, b: int) -> tuple[Name, ...]:
    """The bodies an item directs to do what its sub-items say: "1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục
    Biển đảo và Thủy sản thực hiện các nội dung sau:" (235/KH-UBND of Thanh Hóa) — the Chi cục's items."""
    text = ctx.flat.text
    if not _items_follow_re().search(text[a:b].rstrip()) or (at := _directed_at(text, a, b)) is None:
        return ()
    word = _re("directs").match(text, at)
    names = read_names(text, word.end(), b, ctx.locality) if word else None
    return tuple(_acting(ctx, names)) if names and names.bodies else ()


def _title(ctx: Context, node: Node) -> tuple[int, int]:
    """The item's heading in the source. A first line cut mid-word that its sub-items follow is only the
    start of it: "1. Thủ" then "trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường" (012/CT-UBND
    of Đắk Lắk) is one heading."""
    start, end = node.title
    if not node.children or node.kind == "paragraph":
        return start, end
    rest = ctx.source[end:node.children[0].start].rstrip()
    if rest[:1] == ":" and rest[1:].lstrip()[:1].isupper() and len(rest) <= WRAPPED_HEADING_CHARS \
            and named_units(" ".join(ctx.source[start:end + 1].split())):
        return start, end + len(rest)  # "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, …" — the communes it names too
    if rest[:1] != "\n" or not rest.lstrip()[:1].islower() or len(rest) > WRAPPED_HEADING_CHARS \
            or FULL_STOP_RE.search(rest):  # "… thực hiện. Sở Tài chính …": a heading has no full stop
        return start, end
    colon = rest.find(":")  # "12. Ủy" / "ban nhân dân các xã: Gia Thuận, Tân Điền, …": the heading ends at its colon
    return start, end + (colon if colon >= 0 else len(rest))


def _topic(ctx: Context, a: int, b: int) -> bool:
    """A heading that names what its item is about, not who acts: "Về hỗ trợ kinh phí thực hiện dự án …"."""
    return _re("topic_openers", True).match(ctx.flat.text[a:b]) is not None


def _flat(ctx: Context, start: int, end: int) -> tuple[int, int]:
    index = ctx.flat.index
    return bisect.bisect_left(index, start), bisect.bisect_left(index, end)


def _whole_heading(ctx: Context, node: Node) -> bool:
    """Whether the heading is all of it: the whole block, up to a colon, or a first line that a new
    sentence follows ("2. Sở Nội vụ\nPhối hợp Sở Y tế …"), not a line that wraps ("- Các ngân hàng thương
    mại tham\ngia phối hợp …")."""
    src = ctx.source
    own_end = node.children[0].start if node.children else node.end
    after = _title(ctx, node)[1]
    if not src[after:own_end].strip():
        return True
    if src[after:after + 1] == ":":
        return True
    rest = src[after:own_end].lstrip()
    return src[after:after + 1] == "\n" and rest[:1].isupper() and _opens_duty(rest)


@cache
def _duty_verbs_re() -> re.Pattern[str]:
    return phrases_re(body_words()["duty_verbs"] + cues()["duty_openers"], at_start=True)


def _opens_duty(text: str) -> bool:
    """A line that opens with a duty ("Phối hợp Sở Y tế …", "Chủ trì …"), not the rest of a name."""
    return _duty_verbs_re().match(text) is not None


def _heading_owners(ctx: Context, node: Node, ta: int, tb: int) -> tuple[tuple[Name, ...], int]:
    """The bodies an item's heading names ("Sở Y tế", "Đề nghị Ủy ban Mặt trận …", "Trách nhiệm của Sở
    Tài chính", "Sở Nội vụ (Cơ quan thường trực …):"), and where the item's duty text starts after it."""
    if node.kind == "paragraph" or tb <= ta or not _whole_heading(ctx, node):
        return (), ta
    text = ctx.flat.text
    own_end = _flat(ctx, node.start, node.children[0].start if node.children else node.end)[1]
    if listed := _listed_in_aside(ctx, ta, own_end):
        close = text.find(")", ta, own_end)  # "Các cơ quan tham mưu … (gồm các Sở: Xây dựng, …)"
        return listed, _after_heading(text, close + 1 if close >= 0 else tb)
    if text[tb:tb + 1] == ":" and _shared_noun_end(text, ta, tb) and text[tb + 1:own_end].strip():
        return (), ta  # "5. Các Bộ: Quốc phòng, Công an chủ động …" — a noun the names after the colon share
    at = ta
    owner_opener = _re("owner_openers", True).match(text[at:tb])
    if m := _re("heading_openers", True).match(text[at:tb]):
        at += m.end()
    elif m := _re("give", True).match(text[at:tb]):
        at += m.end()
    at += len(text[at:tb]) - len(text[at:tb].lstrip(" :"))
    if (known := _addressee_at(ctx, at, tb)) is not None and not text[known[1]:tb].strip(" :.,"):
        return (known[0],), _after_heading(text, tb)  # "7. Cục Kinh tế - Quản lý đầu tư xây dựng", as addressed
    names = read_names(text, at, tb, ctx.locality)
    if owner_opener and (names is None or not names.bodies):
        return _printed_owner(ctx, at, tb), _after_heading(text, tb)  # "Trách nhiệm của đối tượng thực hiện kiểm kê"
    rest = text[names.end:tb].strip(" :.,") if names else ""
    if rest and APPOSITION_RE.match(rest) or names and list_remark_re().match(text, names.end):
        rest = ""  # "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the body, then what it is; "…, trong đó trọng
        # tâm là các tỉnh: …" (234/CĐ-TTg): a remark on the bodies named
    if names is not None and names.bodies and rest and text[tb:tb + 1] == ":" \
            and (j := _joiner_re().match(rest)) and not _is_issuer(ctx, names.bodies[0]):
        # "9. Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, …, Cổng Thông tin điện tử tỉnh và hệ thống
        # truyền thanh cơ sở:" (0129/KH-UBND): the last owner is no body the registry knows, named as printed
        last = tb - len(rest[j.end():].lstrip())
        return tuple(_acting(ctx, names)) + _printed_owner(ctx, last, tb), _after_heading(text, tb)
    if names is not None and rest and not _re("heading_tails", True).match(rest):
        if not _class_heading(text[at:tb]):
            return (), ta
        names = read_names(text, at, _before_tail(text, at, tb), ctx.locality, whole=True)  # "các tổ chức cung cấp
        # dịch vụ chi trả"; "Các đơn vị cấp nước sạch trên địa bàn thành phố có trách nhiệm" (09/CT-UBND): its tail no name
    if names is None or not names.bodies or any(n.kind == "other" for n in names.names):
        return (), ta
    if any(_is_issuer(ctx, n) for n in names.bodies):
        return (), ta
    return tuple(_acting(ctx, names)), _after_heading(text, tb)


@cache
def _joiner_re() -> re.Pattern[str]:
    return phrases_re(body_words()["joiners"], at_start=True)  # "và hệ thống truyền thanh cơ sở"


def _after_heading(text: str, tb: int) -> int:
    while tb < len(text) and text[tb] in " :":
        tb += 1
    return tb


# A bracketed list in a heading: "(gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, …)".
ASIDE_LIST_RE = re.compile(r"\((?P<inside>[^()]+)\)")


def _listed_in_aside(ctx: Context, a: int, b: int) -> tuple[Name, ...]:
    """The bodies a heading's aside lists after "gồm": "1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực
    (gồm các Sở: Xây dựng, …)" (1627/QĐ-UBND of Quảng Ngãi) — they are the item's owners."""
    text = ctx.flat.text
    for m in ASIDE_LIST_RE.finditer(text, a, b):
        if opener := _re("list_openers", True).match(m["inside"].lstrip()):
            start = m.start("inside") + len(m["inside"]) - len(m["inside"].lstrip()) + opener.end()
            names = read_names(text, start, m.end("inside"), ctx.locality, whole=True)
            if names is not None and names.bodies and all(n.kind != "other" for n in names.names):
                return tuple(names.bodies)
    return ()


def _printed_owner(ctx: Context, a: int, b: int) -> tuple[Name, ...]:
    """What follows "Trách nhiệm của" when it is no registry body nor class: the owner as printed, qualified
    ("đối tượng thực hiện kiểm kê" → "Đối tượng thực hiện kiểm kê tỉnh Quảng Ngãi")."""
    printed = ASIDE_LIST_RE.sub("", ctx.flat.text[a:b]).strip(" :.,")
    if not printed or len(printed) > HEADING_CHARS:
        return ()
    name = qualify(printed[:1].upper() + printed[1:], ctx.locality)
    return (Name(printed, (a, b), name, "class", "collective", 1.0),)


@cache
def _shared_noun_end_re() -> re.Pattern[str]:
    # "Các Bộ" before "Quốc phòng, Công an", "Giám đốc các Sở" before "Tài chính, Xây dựng", "Các Bộ, cơ quan"
    # before "Tài chính, …, Tập đoàn Điện lực Việt Nam".
    # Not the end of a name: "Sở Nội vụ:" (2579/QĐ-UBND) ends with "vụ", no shared "Vụ" — the noun opens the
    # heading or follows "các".
    w = body_words()
    return re.compile(rf"(?:^|(?<!\w){re.escape(w['plural'])}\s+)(?:{alternation(w['shared_nouns'])})"
                      rf"(?:\s*,\s*(?:{alternation(w['shared_noun_tails'], ignore_case=True)}))?\s*$", re.IGNORECASE)


def _shared_noun_end(text: str, a: int, b: int) -> bool:
    """The heading ``text[a:b]`` ends with a noun the names after its colon share."""
    return _shared_noun_end_re().search(text[a:b].strip()) is not None


# A dash after a heading's body that says what the body is: "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ
# đạo" (1627/QĐ-UBND of Quảng Ngãi).
APPOSITION_RE = re.compile(r"[-–]\s+\S")


def _before_tail(text: str, a: int, b: int) -> int:
    """Where a heading's closing words ("có trách nhiệm", "thực hiện các nhiệm vụ sau") start, else ``b``."""
    end = a + len(text[a:b].rstrip(" :"))
    return next((m.start() for m in _re("heading_tails").finditer(text, a, end) if m.end() == end), b)


def _class_heading(title: str) -> bool:
    """A heading that names a class by what its bodies do: "các tổ chức cung cấp dịch vụ chi trả"."""
    return plural_re().match(fold(title)) is not None


def _is_issuer(ctx: Context, name: Name) -> bool:
    if not ctx.issuer or not name.name:
        return False
    key, issuer = fold(name.name), fold(ctx.issuer)
    if key == issuer or any(key == fold(f"{head} {ctx.issuer}") for head in cues()["issuer_heads"]):
        return True
    rest = key.removeprefix(issuer).strip(" (")
    return key.startswith(issuer + " ") and bool(rest) and name.name[len(ctx.issuer):].strip(" (")[:1].isupper() \
        and not _re("duty_words").match(rest)  # "Thủ tướng Chính phủ Phạm Minh Chính": the issuer, by name


# ---- one item's text ---------------------------------------------------------------------------------


def _clauses(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The clauses of an item: cut at full stops and semicolons — but an execution clause is one, its
    titles set apart by semicolons ("Chánh Văn phòng …; Thủ trưởng …; Chủ tịch … chịu trách nhiệm thi hành")."""
    out, at = [], a
    ends = sorted([*ITEM_CLAUSE_END_RE.finditer(text, a, b), *_colon_give_re().finditer(text, a, b)], key=lambda m: m.start())
    for m in ends:
        if m.start() < at:
            continue
        if m.start() > at:
            out.append((at, m.start() + (1 if text[m.start()] == ":" else 0)))
        at = m.end()
    if at < b and text[at:b].strip():
        out.append((at, b))
    merged: list[tuple[int, int]] = []
    for ca, cb in out:
        after_semicolon = merged and text[merged[-1][1]:ca].lstrip().startswith(";")
        if after_semicolon and _re("execution").search(text, ca, cb):
            merged[-1] = (merged[-1][0], cb)
            while len(merged) > 1 and text[merged[-2][1]:merged[-1][0]].lstrip().startswith(";"):
                merged[-2:] = [(merged[-2][0], merged[-1][1])]
            continue
        if after_semicolon and (_open_request(text, *merged[-1]) or _only_names(text, *merged[-1])):
            merged[-1] = (merged[-1][0], cb)  # "… yêu cầu các thành viên Ban chỉ đạo …; Thủ trưởng các sở …; …", "Các
            continue  # bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; Ủy ban nhân dân các tỉnh … căn cứ …" (230/CĐ-TTg)
        merged.append((ca, cb))
    return merged


@cache
def _colon_give_re() -> re.Pattern[str]:
    """A colon before "giao", "đề nghị" …: "8. Về hoạt động của mô hình chính quyền địa phương 02 cấp: tăng số lượng cấp
    phó …: giao Bộ Nội vụ chủ trì, …" (634/TB-VPCP) — the duty is a clause of its own after the topic."""
    return re.compile(rf":\s+(?=(?:{alternation(cues()['give'], ignore_case=True)})\s)", re.IGNORECASE)


def _only_names(text: str, a: int, b: int) -> bool:
    """The clause is a list of bodies and nothing else: the list goes on after its semicolon."""
    names = read_names(text, a, b, None)
    return names is not None and bool(names.bodies) and not text[names.end:b].strip(" ;,")


def _open_request(text: str, a: int, b: int) -> bool:
    """A request whose list of bodies runs to the clause's end: the next clause after ";" goes on with it."""
    m = _re("request").search(text, a, b)
    return m is not None and list_end(text, m.end(), b) >= b - 1


def _unit(ctx: Context, a: int, b: int, owners: tuple[Name, ...], scope: Scope, path: tuple[str, ...],
          heading: bool, paragraph: bool = False, lead_in: bool = False) -> Iterator[Duty]:
    """The duties of one item's own text: clause by clause, the owners' role from the first. In a plain
    paragraph, once a clause reports what a body did ("Chính phủ đã hoàn thành …"), the subjects of the
    clauses after it report too."""
    text = ctx.flat.text
    clauses = _clauses(text, a, b)
    found_all = [d for d in find_deadlines(text, a, b, ctx.year) if not _reserved(ctx, d)]
    dated = [d for d in found_all if d.date]
    recurring = [d for d in found_all if not d.date and d.recurring]  # "định kỳ hằng tháng": kept as text
    reporting = False
    for k, (ca, cb) in enumerate(clauses):
        if paragraph and not owners and (reporting or _reports(ctx, ca, cb)):
            reporting = True
            if not _re("request").search(text, ca, cb):
                continue
        if _re("topic_openers", True).match(text[ca:cb].lstrip(" -+•")) and text[ca:cb].rstrip().endswith(":"):
            continue  # "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính …:" (634/TB-VPCP): what the item is about, no duty
        found = list(_clause(ctx, ca, cb, owners if k == 0 else (), k == 0, heading, scope.role, lead_in))
        if not found:
            continue
        taken = {d.start for d in (f.deadline for f in found) if d is not None}  # a send's deadline is its own
        dated = [d for d in dated if d.start not in taken]
        own = next((d for d in dated if ca <= d.start < cb), None)
        later = next((d for d in dated if d.start >= cb), None)
        every = next((d for d in recurring if ca <= d.start < cb), None)
        when = own or later or scope.deadline or every
        for duty in found:
            yield replace(duty, deadline=duty.deadline or when, path=path)


# A blank line in the source: a paragraph ends there.
BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


def _after_blank(ctx: Context, a: int, b: int) -> int:
    """Where the text from ``a`` to ``b`` starts after its last paragraph break, unless the paragraph before
    ends with ";" (a list of titles goes on): "Điều 4. Tổ chức thực hiện" / "" / "Chánh Văn phòng …;"."""
    index = ctx.flat.index
    src_a = index[a] if a < len(index) else len(ctx.source)
    src_b = index[b] if b < len(index) else len(ctx.source)
    last = None
    for last in BLANK_LINE_RE.finditer(ctx.source, src_a, src_b):
        pass
    if last is None or ctx.source[:last.start()].rstrip().endswith(";"):
        return a
    return max(a, bisect.bisect_left(index, last.end()))


def _reports(ctx: Context, a: int, b: int) -> bool:
    """A clause whose subject is followed by a past marker: "Ở trong nước, Chính phủ đã hoàn thành …"."""
    text = ctx.flat.text
    if not _re("past_markers").search(text, a, b):
        return False  # no "đã" anywhere: nothing to read
    at = _after_opening(text, a, b, ctx.locality)
    at += len(text[at:b]) - len(text[at:b].lstrip(" -+•"))
    names = read_names(text, at, b, ctx.locality)
    if names is None or not names.bodies:
        comma = text.find(", ", at, min(b, at + OPENING_REACH))  # "Ở trong nước, Chính phủ đã …"
        names = read_names(text, comma + 2, b, ctx.locality) if comma > 0 else None
        if names is None or not names.bodies:
            return False
    return _re("past_markers", True).match(text[names.end:b].lstrip(" ,")) is not None


def _reserved(ctx: Context, d: Deadline) -> bool:
    return any(x <= d.start < y for x, y in ctx.reserved)


def _clause(ctx: Context, a: int, b: int, owners: tuple[Name, ...], first: bool, heading: bool,
            inherited: str | None = None, lead_in: bool = False) -> Iterator[Duty]:
    text = ctx.flat.text
    body = a + len(text[a:b]) - len(text[a:b].lstrip(" -+•–"))
    if m := _re("execution").search(text, body, b):
        first = _after_blank(ctx, _sentence_start(text, m.start()), m.start())  # titles over lines ending ";"
        if marker := marker_re().match(text, first):
            first = marker.end()  # "Điều 5. Bộ trưởng …": the titles after the article's marker
        if (shared := shared_noun_before(text, first)) is not None:
            # "Điều 5. Bộ trưởng các Bộ:" / "Xây dựng, … chịu trách nhiệm thi hành"; "Chánh Văn phòng …, Giám
            # đốc các Sở: Tài chính, Xây dựng; …": the sentence the shared title is in
            first = _after_blank(ctx, max(_sentence_start(text, shared), body if body < shared else 0), shared)
            if marker := marker_re().match(text, first):
                first = marker.end()
        names = read_names(text, first, m.start(), ctx.locality, whole=True)
        if first < body and (names is None or not names.bodies):  # not over a heading: "Tổ chức thực hiện"
            names = read_names(text, body, m.start(), ctx.locality, whole=True)
        for n in _acting(ctx, names):
            yield Duty(n, "all", body, b, None)
        return
    if m := _re("closing").search(text, body, b):
        names = read_names(text, m.end(), b, ctx.locality)
        # "… thông báo để Bộ Xây dựng và các cơ quan liên quan biết, thực hiện": the bodies named; "… để Quý
        # cơ quan biết" or "… để các đơn vị, địa phương biết, thực hiện": the addressees
        acting = _acting(ctx, names, closing=True)
        if ctx.addressees and all(n.kind in ("class", "local") for n in acting):
            acting = list(ctx.addressees)  # "… để các Sở, ban, ngành, địa phương thực hiện": the addressees
        for n in acting:
            yield Duty(n, "all", body, b, None, subject=True)
        return
    yield from _sent_to(ctx, body, b)
    subject, role_at, directed, given = _subject(ctx, body, b, owners)
    if subject and given == "owner" and not _task_verb_re().search(text, body, b):
        subject = ()  # "b) Ủy ban nhân dân xã, phường." / "(Đính kèm Phụ lục I)."; "Xét tối đa 2 tập thể" (2579/QĐ-UBND)
    if subject:
        if inherited and given == "owner":
            role = inherited
        else:
            role = _role(ctx, subject, role_at, b, heading=heading and subject == owners, given=given, lead_in=lead_in)
        for n in subject:
            yield Duty(n, role, body, b, None, subject=True)
    yield from _partners(ctx, body, b, directed)


# Where the sentence of an execution clause starts: after a full stop, a colon or "Điều 3." before it. Not
# lexicon.stops.STOP_MARK_RE: the match runs over the whitespace to where the next sentence starts, and a ";"
# does not start one (an execution clause lists its bodies across semicolons).
SENTENCE_START_RE = re.compile(r"(?:\.|:)\s+(?=\S)")
EXECUTION_REACH = 900  # characters an execution clause's list may run back over


def _sentence_start(text: str, at: int) -> int:
    start = max(0, at - EXECUTION_REACH)
    last = None
    for m in SENTENCE_START_RE.finditer(text, start, at):
        last = m
    return last.end() if last else start


def _sent_to(ctx: Context, a: int, b: int) -> Iterator[Duty]:
    """"… gửi Sở Xây dựng để tổng hợp … trước ngày 25 tháng 7 năm 2025": the body a result is sent to, so
    that it acts on it, leads (with the deadline printed after it)."""
    text = ctx.flat.text
    for m in _re("send").finditer(text, a, b):
        names = read_names(text, m.end(), b, ctx.locality)
        if names is None or not names.bodies or not _re("send_purpose", True).match(text[names.end:b].lstrip()):
            continue
        due = next((d for d in find_deadlines(text, names.end, b, ctx.year) if d.date and not _reserved(ctx, d)), None)
        for n in _acting(ctx, names):
            yield Duty(n, "lead", a, b, due)


def _acting(ctx: Context, names, closing: bool = False, partners: bool = False) -> list[Name]:
    """The bodies of a list that can be given a duty: not the issuer, unless the list is of partners (the
    contract: "phối hợp với Ủy ban nhân dân tỉnh" makes the issuer support like any agency); in a closing
    ("… báo để các đơn vị, địa phương biết, thực hiện") "các đơn vị, địa phương" is the addressees, when the
    letter has them."""
    if names is None:
        return []
    out: list[Name] = []
    for n in names.bodies:
        if not partners and _is_issuer(ctx, n):
            continue
        if closing and ctx.addressees and _addressee_phrase(n):
            out += [a for a in ctx.addressees if a not in out]
        elif named := _named_above(ctx, n):
            out += [a for a in named if a not in out]
        elif (full := _addressed_in_full(ctx, n)) is not None:
            if full not in out:
                out.append(full)
        elif n not in out:
            out.append(n)
    return out


def _addressed_in_full(ctx: Context, name: Name) -> Name | None:
    """The addressee a class is the start of: "đề nghị UBND các tỉnh, thành phố quan tâm chỉ đạo" to "Kính gửi: Ủy ban
    nhân dân các tỉnh, thành phố trực thuộc Trung ương" (17986/BTC-CT) is that addressee."""
    if name.kind not in ("class", "local") or not name.name:
        return None
    key = fold(name.name)
    full = [a for a in ctx.addressees if a.name and fold(a.name).startswith(key + " ")]
    return full[0] if len(full) == 1 else None


def _addressee_at(ctx: Context, at: int, b: int) -> tuple[Name, int] | None:
    """An addressee named in full at ``at``: the letter's own list says where its name ends, though a word of
    it is a verb elsewhere ("Cục Kết cấu hạ tầng xây dựng tham mưu …", 96/CĐ-BXD)."""
    text = ctx.flat.text
    here = fold(text[at:min(b, at + MAX_NAME_CHARS)])
    for a in sorted(ctx.addressees, key=lambda n: len(n.name or ""), reverse=True):
        key = fold(a.name or "")
        if key and here.startswith(key) and not here[len(key):len(key) + 1].isalnum():
            return a, at + len(key)
    for a in ctx.addressees:  # "Văn phòng Ban chỉ đạo …" of "Chánh Văn phòng Ban chỉ đạo …" (217/CĐ-TTg)
        if not a.name or not (h := head_re().match(a.name)):
            continue
        first = a.name.find(" ") + 1  # the title's own word: "Chánh" of "Chánh Văn phòng"
        for body in (a.name[first:], a.name[h.end():]):
            key = fold(body)
            if body[:1].isupper() and here.startswith(key) and not here[len(key):len(key) + 1].isalnum():
                return Name(body, (at, at + len(body)), body, "body", a.match, a.confidence), at + len(key)
    return None


MAX_NAME_CHARS = 160  # an agency's name is never longer


def _named_above(ctx: Context, name: Name) -> list[Name]:
    """The addressees a name points back to: "Các Sở Xây dựng nêu trên" in a telegram to "Sở Xây dựng các
    tỉnh, thành phố: Gia Lai, Đắk Lắk, …" (96/CĐ-BXD) is each of them."""
    m = _re("anaphora").search(name.printed)
    if m is None or not ctx.addressees:
        return []
    stem = _without_plural(fold(name.printed[:m.start()].strip()))
    return [a for a in ctx.addressees if stem and fold(a.name).startswith(stem)]


def _without_plural(key: str) -> str:
    """"các đơn vị, địa phương" → "đơn vị, địa phương"."""
    m = plural_re().match(key)
    return key[m.end():] if m else key


@cache
def _addressee_phrases() -> frozenset[str]:
    return frozenset(_without_plural(fold(p)) for p in duties()["assign"]["addressees"])


def _addressee_phrase(name: Name) -> bool:
    return _without_plural(fold(name.printed)) in _addressee_phrases()


def _subject(ctx: Context, a: int, b: int, owners: tuple[Name, ...]) -> tuple[tuple[Name, ...], int, int | None, str]:
    """Who the clause gives its duty to, where that duty starts, where a body it directs is named
    (partners after that are the directed body's, not ours), and how the subject was named: "given"
    ("Giao X"), "asked" ("Đề nghị X"), "subject" (X opens the sentence) or "owner" (the heading's)."""
    text = ctx.flat.text
    if m := _re("give", True).match(text[a:b]):
        word = fold(m.group().strip())
        names = read_names(text, a + m.end(), b, ctx.locality)
        if names and names.bodies:
            if word in _folded("directs_at_start"):  # "Chỉ đạo các ngân hàng …": the banks get nothing here
                return owners, a + m.end(), a, "owner"
            how = "asked" if word in _folded("asks") else "given"
            return tuple(_acting(ctx, names)), names.end, _directed_at(text, names.end, b), how
    at = _after_opening(text, a, b, ctx.locality)
    if (o := _re("subject_openers", True).match(text[at:b])) and (after := at + o.end() + 1) < b \
            and (listed := read_names(text, after, b, ctx.locality)) and listed.bodies \
            and _duty_follows(text, listed.end, b):
        at = after  # "Đối với các chủ đầu tư cần …": the bodies after the opener
    if (known := _addressee_at(ctx, at, b)) is not None and _duty_follows(text, known[1], b):
        return (known[0],), known[1], _directed_at(text, known[1], b), "subject"  # a name the Kính gửi printed
    names = read_names(text, at, b, ctx.locality)
    if names and names.bodies and names.end < b and (v := _re("speaker_verbs", True).match(spoken := text[names.end:b].lstrip(" ,"))) \
            and not ((fold(v.group()) in _folded("request") or _re("request", True).match(spoken[v.end():].lstrip()))
                     and _re("request").search(text, names.end, b)) \
            and (fold(v.group()) not in _folded("speaker_verbs_opening") or _opens_what_follows(text, names.end, b)):
        return (), a, None, "owner"  # "Chủ tịch Ủy ban nhân dân thành phố có ý kiến như sau:" — the speaker
        # ("Bộ Nội vụ trân trọng đề nghị Ban Tuyên giáo …" asks, 10988/BNV-CQĐP)
    if names and names.bodies and all(n.kind in ("class", "title") for n in names.bodies) \
            and (_re("role_defined", True).match(text[names.end:b].lstrip(" ,"))
                 or _re("role_defined_classes", True).match(text[at:b])):
        return (), a, None, "owner"  # "Các cơ quan được phân công chủ trì …", "Cơ quan chủ trì có trách nhiệm …"
    if names and names.bodies and names.end < b and _passive(text[names.end:b].lstrip(" ,")):
        return (), a, None, "owner"  # "Hệ thống cấp nước tập trung bị hư hại …": what happens to it, no duty
    if names and at > a and all(n.kind == "title" for n in names.bodies):
        names = None  # "căn cứ kết quả …, trách nhiệm của các cá nhân, người đứng đầu làm cơ sở …" (012/CT-UBND): a
        # title of no body, met past an opening phrase, is no subject
    if names and names.bodies and names.end < b and _duty_follows(text, names.end, b) \
            and (_opens_subject(names) or _owes(text, names, b)):
        acting = tuple(_acting(ctx, names))
        if acting and names.names[0].kind != "people":
            # "các sở, ban, ngành, …, các doanh nghiệp … và mọi người dân triển khai …" (982/KH-UBND), "Các cơ quan,
            # đơn vị và người sử dụng có trách nhiệm …" (2610/QĐ-UBND): the bodies, people besides them; a list that
            # opens with people ("Cá nhân, tổ chức nộp hồ sơ …") is the public's, no body's duty
            return acting, names.end, _directed_at(text, names.end, b), "subject"
        return (), a, None, "owner"
    if m := _re("request").search(text, a, b):
        if not _re("not_request_before").search(text[max(a, m.start() - 16):m.start()]):
            names = read_names(text, m.end(), b, ctx.locality)
            if names and names.bodies:
                acting = _acting(ctx, names)
                if len(acting) == 1 and acting[0].kind == "body":  # "… yêu cầu Giám đốc Sở Kế hoạch và Đầu tư …"
                    return tuple(acting), names.end, None, "given"
                return tuple(replace(n, kind="addressed") for n in acting), names.end, None, "asked"
    if owners:
        return owners, a, _directed_at(text, a, b), "owner"
    return (), a, _directed_at(text, a, b), "owner"


def _passive(rest: str) -> bool:
    """The list is the object of a passive sentence: "… bị hư hại", "… được xây dựng nhằm …" (not "được giao")."""
    return _re("passive", True).match(rest) is not None and _re("passive_duties", True).match(rest) is None


def _owes(text: str, names, b: int) -> bool:
    """One class printed without "các" is the subject before "khẩn trương", "có trách nhiệm" ("Cơ quan thanh tra
    khẩn trương hoàn thành …", 230/CĐ-TTg) — unless it counts people in ("Tổ chức, cá nhân có trách nhiệm tuân thủ
    …": the public's duty, no body's)."""
    return len(names.bodies) == 1 and not people_re().search(mask(names.bodies[0].printed)) \
        and _re("owing_words", True).match(text[names.end:b].lstrip(" ,")) is not None


def _opens_subject(names) -> bool:
    """A list can open a sentence as its subject when it starts with a name, a title, a local government or
    "các …" — not with a bare class noun, which is more likely a verb ("Tổ chức thực hiện …")."""
    first = names.names[0]
    return first.kind != "class" or plural_re().match(first.printed) is not None \
        or head_re().match(first.printed) is not None  # "Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ …"


@cache
def _folded(key: str) -> frozenset[str]:
    return frozenset(fold(w) for w in cues()[key])


def _after_opening(text: str, a: int, b: int, locality: Province | None = None) -> int:
    """Where the subject starts after an opening phrase: "Trong quá trình thực hiện, nếu có khó khăn,
    vướng mắc, các cơ quan, đơn vị …" → at "các" (the first comma after which a list of bodies opens)."""
    m = _re("clause_openers", True).match(text[a:b])
    if m is None:
        return a
    for comma in re.finditer(", ", text[a:min(b, a + OPENING_REACH)]):
        at = a + comma.end()
        names = read_names(text, at, b, locality)
        if names is not None and names.bodies and _opens_subject(names):
            return at
    reach = text.rfind(", ", a, min(b, a + OPENING_REACH))
    return reach + 2 if reach > a else a


def _duty_follows(text: str, at: int, end: int) -> bool:
    """After a subject list: a duty word ("chủ trì", "có trách nhiệm", "phối hợp", any task verb)."""
    rest = text[at:end].lstrip(" ,")
    if (s := _series_start_re().match(rest)) and rest[s.end():].lstrip().startswith(","):
        rest = rest[s.end():].lstrip(" ,")  # "xét, trình, đề nghị …": the verbs after it say it is a duty
    if (verb := _task_start_re().match(rest)) is not None and _passive(rest[verb.end():].lstrip()):
        return False  # "Hệ thống cấp nước tập trung bị hư hại" (0130/KH-UBND): the verb was the name's, the clause passive
    return bool(rest) and (_re("duty_words", True).match(rest) is not None or verb is not None)


@cache
def _series_start_re() -> re.Pattern[str]:
    return phrases_re(duties()["assign"]["series_starts"], at_start=True)


@cache
def _task_verbs() -> list[str]:
    """The verbs that open a task: "đẩy nhanh tiến độ …", "khẩn trương hoàn thiện …" (duties.toml task_starts and
    the verbs that end a list of bodies, less ``not_task_starts``)."""
    assign = duties()["assign"]
    skip = {fold(w) for w in assign["not_task_starts"]}
    return sorted(set(assign["task_starts"]) | {w for w in body_words()["duty_verbs"] if fold(w) not in skip})


@cache
def _task_start_re() -> re.Pattern[str]:
    return phrases_re(_task_verbs(), at_start=True)  # a task's verb where the text starts


@cache
def _task_verb_re() -> re.Pattern[str]:
    return phrases_re(_task_verbs())  # a task's verb anywhere in a clause


def _directed_at(text: str, a: int, b: int) -> int | None:
    """Where the clause directs another body ("chỉ đạo", "hướng dẫn", "đôn đốc", "yêu cầu" + whom), not where
    the word names a direction given ("thực hiện ý kiến chỉ đạo của Thủ tướng …, chủ động, phối hợp Bộ Nội vụ …")."""
    if not _re("directs").search(text, a, b):
        return None  # most clauses direct no one: the names are masked only where a direction's word is
    masked = mask(text[a:b])  # not inside a name: "Trưởng Ban chỉ đạo Nhà nước …"
    for m in _re("directs").finditer(masked):
        if not _after_of(masked, m.end(), b - a) and not _re("not_directs", True).match(masked[m.start():]) \
                and not _directs_no_one(masked, m):
            return a + m.start()
    return None


PASSIVE_REACH = 8  # characters before a direction's word that hold "được" ("được giao chủ trì")


def _directs_no_one(text: str, m: re.Match[str]) -> bool:
    """"Bộ trưởng Bộ Nội vụ chỉ đạo chủ trì, phối hợp với …" (224/CĐ-TTg): a lead's word follows, no one is directed
    — unless the word is a role given ("Đơn vị được giao chủ trì …: phối hợp với …", 2610/QĐ-UBND)."""
    return _re("lead_words", True).match(text[m.end():].lstrip(" ,")) is not None \
        and _re("passive_duties").search(text, max(0, m.start() - PASSIVE_REACH), m.end()) is None


def _after_of(text: str, at: int, b: int) -> bool:
    """The word after a direction is "của": "ý kiến chỉ đạo của Thủ tướng" names who directed, not whom."""
    return _re("of_words", True).match(text[at:b].lstrip()) is not None


def _role(ctx: Context, subject: tuple[Name, ...], at: int, end: int, heading: bool, given: str,
          lead_in: bool = False) -> str:
    """lead, support (the duty opens with "phối hợp") or all (see the module docstring)."""
    text = ctx.flat.text
    raw = text[at:end].lstrip(" ,:")
    rest = _skip_frame(raw)
    if any(n.kind == "addressed" for n in subject):
        return "all"
    if _opens_support_re().match(raw):
        return "support"
    if _re("lead_words").search(raw[:LEAD_REACH]):
        return "lead"  # "… theo chức năng, nhiệm vụ và thẩm quyền chủ trì, phối hợp với …"
    only_classes = all(n.kind in ("class", "local", "title") for n in subject)
    if (m := _opens_support_re().match(rest)) and not (only_classes and _opens_generic(raw) and
                                                       _opens_generic(rest[m.end():].lstrip(" ,"))):
        return "support"  # not "… căn cứ chức năng, nhiệm vụ được giao, khẩn trương phối hợp triển khai thực hiện"
    everyone = _all_addressees(ctx, subject) or bool(ctx.addressees) and all(_addressee_phrase(n) for n in subject)
    if everyone and any(n.kind in ("class", "local", "title") for n in subject):
        return "all"  # "Ủy ban nhân dân các huyện, thị, thành phố vận động …" to "Kính gửi: UBND huyện, thị, thành phố"
    if heading or given in ("given", "owner"):
        return "lead"
    if lead_in and given == "subject" and len(subject) >= 2 and any(n.kind in ("class", "local") for n in subject):
        return "all"  # "các sở, ban, ngành, …, các doanh nghiệp … triển khai Đợt thi đua …, tập trung thực hiện các
        # nội dung chủ yếu sau:" (982/KH-UBND): a lead-in to several bodies that frames the items below
    if everyone:
        return "all"  # the whole set of addressees told to act
    if given == "asked":
        return "all" if only_classes and (_opens_generic(raw) or any(_addressee_class(n) for n in subject)) else "lead"
    if _re("lead_words").search(rest[:40]):
        return "lead"
    classes = [n for n in subject if n.kind in ("class", "local", "title")]
    if len(subject) >= 2 and classes and (_opens_generic(raw) or len(classes) == len(subject)):
        return "all"  # "Các sở, ban, ngành, UBND các xã căn cứ chức năng, nhiệm vụ …": the whole set
    if classes and len(subject) == 1 and (_opens_generic(raw) or _addressee_class(subject[0])):
        return "all"
    return "lead"


def _all_addressees(ctx: Context, subject: tuple[Name, ...]) -> bool:
    """The subject names every body of the Kính gửi lines ("các" aside: "UBND huyện" is "UBND các huyện"), or,
    when they are titles, every title of them, each of its names one of them: "Đề nghị các đồng chí Bộ trưởng,
    Thủ trưởng các cơ quan ngang Bộ, Chủ tịch UBND các tỉnh, thành phố …" to "Bộ trưởng; Thủ trưởng cơ quan
    ngang Bộ, cơ quan thuộc Chính phủ; Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương" (230/CĐ-TTg)."""
    def key(n: Name) -> str:
        return " ".join(w for w in fold(n.name).split() if w != fold(body_words()["plural"]))
    if not ctx.addressees:
        return False
    keys, wanted = {key(n) for n in subject}, {key(n) for n in ctx.addressees}
    if wanted <= keys:
        return True
    def head(k: str) -> str | None:
        return m["head"].casefold() if (m := head_re().match(k)) else None
    heads = {head(k) for k in wanted}
    return len(subject) >= 2 and None not in heads and heads <= {head(k) for k in keys} \
        and all(any(w.startswith(k) or k.startswith(w) for w in wanted) for k in keys)


def _skip_frame(rest: str) -> str:
    """A duty after its framing phrase: "Trong phạm vi, lĩnh vực quản lý của mình, chủ động phối hợp …" →
    "chủ động phối hợp …"; "theo chức năng, nhiệm vụ, thẩm quyền chủ động phối hợp …" → "chủ động phối hợp …"."""
    if not (frame := _re("frames", True).match(rest)):
        return rest
    after = rest[frame.end():].lstrip(" ,")
    while m := _re("frame_nouns", True).match(after):  # the frame's nouns, then the duty
        after = after[m.end():].lstrip(" ,")
    if after != rest[frame.end():].lstrip(" ,") and (_opens_support_re().match(after) or _duty_verbs_re().match(after)):
        return after
    comma = rest.find(", ", 0, FRAME_CHARS)
    while comma >= 0 and rest.find(", ", comma + 2, FRAME_CHARS) >= 0 \
            and not _opens_support_re().match(rest[comma + 2:]) and not _duty_verbs_re().match(rest[comma + 2:]):
        comma = rest.find(", ", comma + 2, FRAME_CHARS)
    return rest[comma + 2:] if comma >= 0 else rest


def _opens_generic(rest: str) -> bool:
    """A duty any body of a class has: it opens (adverbs aside) with "căn cứ chức năng, nhiệm vụ",
    "nghiêm túc triển khai", "phản ánh" …"""
    m = re.match(rf"(?:(?:{alternation(cues()['duty_openers'], ignore_case=True)})\s*,?\s*)*", rest, re.IGNORECASE)
    at = m.end() if m else 0
    return _re("generic", True).match(rest[at:]) is not None or _re("generic", True).match(rest) is not None


def _addressee_class(name: Name) -> bool:
    key = _without_plural(fold(name.printed))
    return any(key == fold(p) or key.startswith(fold(p) + " ") for p in cues()["addressee_classes"])


def _partners(ctx: Context, a: int, b: int, directed: int | None) -> Iterator[Duty]:
    text = ctx.flat.text
    for m in _support_re().finditer(text, a, b):
        if directed is not None and directed < m.start():
            return
        if not m.group().rstrip().endswith(tuple(cues()["partner_words"])) and verb_noun_re().match(text[m.end():m.end() + VERB_NOUN_REACH]):
            continue  # "phối hợp tổ chức tuyên truyền": what is done together, not with whom (75/2025/NQ-HĐND)
        if _support_noun_re().search(text[max(a, m.start() - SUPPORT_NOUN_REACH):m.start()]):
            continue  # "Quy chế phối hợp các đơn vị": a document's name (5155/SGDĐT-GDTXNNĐH)
        if _re("role_defined_classes", True).match(text[m.end():b].lstrip()):
            continue  # "phối hợp với cơ quan chủ trì": the lead already named, no new partner (172/KH-UBND)
        if _recounted(text, a, m.start()):
            return  # "Phó Thủ tướng … đã kiểm tra thực tế … và làm việc với thành phố Đà Nẵng" (641/TB-VPCP): a visit told
        names = read_names(text, m.end(), b, ctx.locality)
        for n in _acting(ctx, names, partners=True) if names else ():
            if n.kind != "people":
                yield Duty(n, "support", a, b, None)


def _recounted(text: str, a: int, b: int) -> bool:
    """The clause so far tells what was done: a past marker before a verb, not "đã được giao" (a duty given)."""
    return any(not _re("passive", True).match(text[m.end():b].lstrip()) for m in _re("past_markers").finditer(text, a, b))


def _first_dated(ctx: Context, a: int, b: int) -> Deadline | None:
    return next((d for d in find_deadlines(ctx.flat.text, a, b, ctx.year) if d.date and not _reserved(ctx, d)), None)


# ---- task tables -------------------------------------------------------------------------------------


def _columns(columns: tuple[str, ...]) -> dict[str, int] | None:
    """Which columns hold the lead, the partners, the time and the task; None for a table that assigns
    nothing (no lead column, or a list of procedures)."""
    c = cues()["columns"]
    found: dict[str, int] = {}
    for i, col in enumerate(columns):
        key = fold(col)
        if any(fold(w) in key for w in c["not_tasks"]):
            return None
        for role in ("support", "lead", "time", "task"):
            if role not in found and any(fold(w) in key for w in c[role]):
                found[role] = i
                break
    return found if "lead" in found else None


def _table(node: Node, scope: Scope, ctx: Context) -> Iterator[Duty]:
    cols = _columns(node.columns)
    if cols is None:
        return
    for row in node.children:
        cells = {c.column: c for c in row.children}
        by_index = [cells.get(col) for col in node.columns]
        lead = by_index[cols["lead"]] if cols["lead"] < len(by_index) else None
        if lead is None or len(row.children) < 3:
            continue
        a, b = _flat(ctx, row.start, row.end)
        when = _cell_deadline(ctx, by_index[cols["time"]]) if "time" in cols and cols["time"] < len(by_index) \
            and by_index[cols["time"]] is not None else None
        task = by_index[cols["task"]] if "task" in cols and cols["task"] < len(by_index) else None
        ta, tb = _flat(ctx, task.start, task.end) if task is not None else (a, b)
        path = scope.path + (" | ".join(node.columns)[:HEADING_CHARS],)
        for role, cell in (("lead", lead), ("support", by_index[cols["support"]] if "support" in cols else None)):
            for n in _cell_names(ctx, cell):
                yield Duty(n, role, ta, tb, when or scope.deadline, path)


def _cell_names(ctx: Context, cell: Node | None) -> list[Name]:
    """The bodies of a table cell, a line or a dash-item each: "- Bộ Khoa học và Công nghệ;\\n- Bộ Xây dựng"."""
    if cell is None:
        return []
    a, b = _flat(ctx, cell.start, cell.end)
    names = read_names(ctx.flat.text, a, b, ctx.locality, whole=True)
    if names is None:
        return []
    return [n for n in names.bodies if n.kind != "people" and not _is_caps(n.printed)]


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@cache
def _open_join_re() -> re.Pattern[str]:
    # What joins a date to the words that make it open-ended: "Năm 2025 và các năm tiếp theo".
    return re.compile(rf"[\s,;.-]*(?:(?:{alternation(body_words()['joiners'])})\s*)?")


def _cell_deadline(ctx: Context, cell: Node, after_title: bool = False) -> Deadline | None:
    """A time cell's deadline: its printed date, else the end of its last year ("Năm 2026",
    "Giai đoạn 2026 - 2027"); none for "Thường xuyên", "Năm 2025 và các năm tiếp theo"."""
    a, b = _flat(ctx, cell.title[1] + 1 if after_title else cell.start, cell.end)
    text = ctx.flat.text
    if _time_re("until_event").search(text, a, b):
        return None  # "Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê": no date it must be done by
    found = [d for d in find_deadlines(text, a, b, ctx.year) if d.date]
    if found:
        when = found[0]
    elif m := YEAR_RANGE_RE.search(text, a, b):
        when = Deadline(f"{m['b']}-12-31", m.group(), m.start(), m.end())
    elif m := YEAR_RE.search(text, a, b):
        when = Deadline(f"{m['y']}-12-31", m.group(), m.start(), m.end())
    else:
        return None
    open_ended = _time_re("open_ended").search(text, a, b)
    if open_ended and (open_ended.start() < when.start or _open_join_re().fullmatch(text[when.end:open_ended.start()])):
        return None  # "Thường xuyên", "Năm 2025 và các năm tiếp theo": the same duty goes on
    return when  # "Xây dựng, trong giai đoạn 2026 - 2027 và vận hành … thường xuyên": the work done by 2027


# ---- entries -----------------------------------------------------------------------------------------


@dataclass
class _Entry:
    agency: str
    role: str
    task: str
    deadline: Deadline | None
    span: tuple[int, int]
    match: str
    confidence: float | None
    path: tuple[str, ...]
    items: list[tuple[int, int]] = field(default_factory=list)

    def add(self, span: tuple[int, int]) -> None:
        """One more item the same duty is printed in."""
        if span != self.span and span not in self.items:
            self.items.append(span)

    def to_dict(self) -> dict[str, Any]:
        d = self.deadline
        out: dict[str, Any] = {"agency": self.agency, "role": self.role, "task": self.task,
                               "deadline": d.date if d else None, "span": list(self.span)}
        if d is not None:
            out["deadline_text"] = d.text
            if d.recurring:
                out["recurring"] = d.recurring
        out["agency_match"] = self.match
        out["confidence"] = self.confidence
        if self.path:
            out["path"] = list(self.path)
        if self.items:
            out["items"] = [list(s) for s in self.items]
        return out


def _entries(found: list[Duty], ctx: Context) -> list[dict[str, Any]]:
    entries: dict[tuple[str, str, str | None], _Entry] = {}
    for duty in found:
        name = duty.name
        if not name.name:
            continue
        d = duty.deadline
        agency = completed(name.name, ctx.defined)  # "Văn phòng Ban Chỉ đạo" of the Ban Chỉ đạo's regulation
        if agency == name.name and (full := next((f for s, f in ctx.short_names if fold(s) == fold(name.printed)), None)):
            agency = qualify(full, ctx.locality)  # "Hội đồng thi đua", the short name 157/KH-UBND defines, in full
        key = (fold(agency), duty.role, d.date if d else None)
        span = ctx.flat.span(duty.start, duty.end)
        if key in entries:
            entries[key].add(span)
            continue
        match = "collective" if name.kind in ("class", "local", "title", "addressed") else name.match
        entries[key] = _Entry(agency, duty.role, _task(ctx.flat.text, duty.start, duty.end), d, span,
                              match, name.confidence, duty.path)
    return [e.to_dict() for e in _one_per_form(list(entries.values()))]


# What sets the nouns of a class apart in its printed forms: commas, semicolons, spaces.
FORM_SPLIT_RE = re.compile(r"[\s,;]+")


def _form(agency: str) -> tuple[str, ...]:
    """A class's nouns in any order, without "có" and "và": "Các bộ ngành, địa phương liên quan" and "Các bộ,
    ngành, địa phương có liên quan" have one form (224/CĐ-TTg prints both)."""
    drop = {fold(w) for w in body_words()["form_words"]}
    return tuple(sorted(w for w in FORM_SPLIT_RE.split(fold(agency)) if w and w not in drop))


def _name_back(entries: list[_Entry]) -> None:
    """A class that points back ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên") takes the one form of it
    printed in full elsewhere ("… các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", 217/CĐ-TTg)."""
    classes = {e.agency for e in entries if e.match == "collective"}
    for e in entries:
        if e.match != "collective" or (m := _re("anaphora").search(e.agency)) is None:
            continue
        stem = fold(e.agency[:m.start()].strip())
        full = {c for c in classes if c != e.agency and fold(c).startswith(stem) and not _re("anaphora").search(c)}
        if stem and len(full) == 1:
            e.agency = full.pop()


def _one_per_form(entries: list[_Entry]) -> list[_Entry]:
    """A class printed in several forms is named by its fullest form (the longest) in every entry; entries that
    then agree on name, role and deadline are one."""
    _name_back(entries)
    fullest: dict[tuple[str, ...], str] = {}
    for e in entries:
        if e.match == "collective" and len(e.agency) > len(fullest.get(form := _form(e.agency), "")):
            fullest[form] = e.agency
    kept: dict[tuple, _Entry] = {}
    out: list[_Entry] = []
    for e in entries:
        if e.match == "collective":
            e.agency = fullest[_form(e.agency)]
        key = (fold(e.agency), e.role, e.deadline.date if e.deadline else None)
        if (first := kept.get(key)) is None:
            kept[key] = e
            out.append(e)
            continue
        for span in [e.span, *e.items]:
            first.add(span)
    return out


# Whitespace a task's text collapses: a run of two or more, or one that is not a plain space.
IRREGULAR_SPACE_RE = re.compile(r"\s(?:\s+|(?<=[^\S ]))")


def _task(text: str, a: int, b: int) -> str:
    task = IRREGULAR_SPACE_RE.sub(" ", text[a:b]).strip(" ;,")
    return task if len(task) <= MAX_TASK_CHARS else task[:MAX_TASK_CHARS].rsplit(" ", 1)[0] + " …"
