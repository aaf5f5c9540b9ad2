"""The bodies a list names, as whole documents print them: one canonical name for each.

"Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Thủ trưởng các sở, ban, ngành cấp
tỉnh; Ủy ban nhân dân các xã, phường, đặc khu …" in a Quảng Trị decision reads as "Chánh Văn phòng Ủy
ban nhân dân tỉnh Quảng Trị", "Giám đốc Sở Công Thương tỉnh Quảng Trị", "Thủ trưởng các sở, ban, ngành
cấp tỉnh Quảng Trị", "Ủy ban nhân dân các xã, phường, đặc khu thuộc tỉnh Quảng Trị".

The rules, as the contract's conventions for whole documents read them:

- A list is cut into pieces at commas, semicolons and "và"; registry names and fixed phrases are
  protected from the cutting ("Sở Văn hóa, Thể thao và Du lịch").
- A piece that opens with a body's name, "Ủy ban nhân dân", a title or "các" starts a name; class nouns
  that follow without "các" go on the class ("các sở, ban, ngành, đoàn thể"), units go on a local
  government ("Ủy ban nhân dân các xã, phường, đặc khu"). A title is kept ("Thủ trưởng …") and shared by
  the kinds named one by one after it ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ").
- Registry bodies take their canonical name in the issuer's province ("Sở Y tế" → "Sở Y tế thành phố
  Cần Thơ"); classes are written "Các …" and qualified by the province ("Các sở, ban, ngành liên quan
  thành phố Cần Thơ"), local governments below the province with "thuộc"; a name that ends with a bare
  "tỉnh"/"Thành phố" takes the province's name; a name placed already ("… khu vực 14", "… trực thuộc
  Trung ương", a province named) is left as it is. A central document qualifies nothing.
- Catch-alls ("các cơ quan, đơn vị có liên quan") are classes like any other; a list of people alone
  ("người dân", "cá nhân") names no body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from graph.vocabulary import Province, fold, vocabulary

from ..lexicon.scanner import finditer_at, scan
from ..lexicon.stops import FULL_STOP
from ..lexicon.vocab import CAPITALS, alternation, duties, load, phrases_re
from .agencies import expand_abbreviations, locality_of, resolve_agency, tidy

# What a protected name is blanked with (one private-use character per character, so offsets hold).
MASK = "\uE000"


@cache
def words() -> dict:
    """The words of ``ingest/lexicon/bodies.toml``."""
    return load("bodies.toml")


@cache
def separator_re() -> re.Pattern[str]:
    # Cuts between pieces: "các sở, ban, ngành; Chủ tịch …", "… và các cơ quan …" (a comma or semicolon with
    # the spaces around it and a joiner after it, or a joiner between spaces).
    joiners = alternation(words()["joiners"])
    return re.compile(rf"\s*[,;]\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+")
# A slash between two units: "các tỉnh/ thành phố", "xã/phường".
SLASH_RE = re.compile(r"\s*/\s*")
# A bracketed aside inside a list: "Sở Nội vụ (Ban Thi đua - Khen thưởng)".
ASIDE_RE = re.compile(r"\s*\([^()]*\)")
# Where a list ends at the latest: a full stop, a colon (not after "Sở"), an opening quote. Not
# lexicon.stops.STOP_MARK_RE: a ";" does not end it ("Sở Tài chính; Sở Nội vụ; …" is one list of bodies).
STOP_RE = re.compile(rf"{FULL_STOP}|:(?=\s|$)|[“\"]")


@cache
def _protect_re() -> re.Pattern[str]:
    return phrases_re(_registry_names() + words()["protected"], old=True)


def _registry_names(bodies=None) -> list[str]:
    """Registry names and aliases (of ``bodies``, else of every central and local body) long enough not to be
    abbreviations ("UBND" is expanded instead)."""
    v = vocabulary()
    return [n for b in (bodies if bodies is not None else (*v.central, *v.local)) for n in (b.name, *b.aliases)
            if len(n) > 4]


@cache
def _registry_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_registry_names(), ignore_case=True, old=True)})(?!\w)", re.IGNORECASE)


def mask(text: str) -> str:
    """``text`` with registry names and fixed phrases blanked out (same length), so that their commas, "và"
    and verbs ("Sở Khoa học và Công nghệ", "Ban Chỉ đạo") are not read as list structure."""
    return _protect_re().sub(lambda m: MASK * len(m.group()), text)


def _registry_start(text: str) -> bool:
    return _registry_re().match(text) is not None


@cache
def _stop_words_re() -> re.Pattern[str]:
    """Words that start the duty after a list: "… Ủy ban nhân dân cấp xã căn cứ chức năng …"."""
    return phrases_re(words()["duty_verbs"], ignore_case=False)  # "Cao Bằng" is a name, "bằng" a verb


@cache
def _not_body_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words()['not_bodies'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def _place_range_re() -> re.Pattern[str]:
    """A range of places: "từ Hà Tĩnh đến Khánh Hòa" (217/CĐ-TTg)."""
    start, end = words()["place_range"]
    proper = rf"[{CAPITALS}][\w-]*(?:\s+[{CAPITALS}][\w-]*)*"
    return re.compile(rf"{start}\s+{proper}\s+{end}\s+{proper}")


@cache
def _class_tail_re() -> re.Pattern[str]:
    """One qualifier after a class: " liên quan", " trên địa bàn tỉnh Kon Tum", " thuộc Ủy ban nhân dân Thành
    phố", " cấp tỉnh", " Thành phố" (with the proper names after it)."""
    w = words()
    tails, places, lower = alternation(w["class_tails"]), alternation(w["tail_places"]), alternation(w["name_words"])
    proper = rf"[{CAPITALS}{MASK}][\w{MASK}-]*(?:\s+(?:[{CAPITALS}{MASK}][\w{MASK}-]*|{lower}|-))*"
    owner = alternation([w['owner_word']])  # "của Ủy ban nhân dân tỉnh", "của địa phương" (96/CĐ-BXD)
    return re.compile(rf"\s+(?:{owner}\s+(?:{alternation(w['class_nouns'], ignore_case=True)})(?!\w)"
                      rf"|(?:{owner}\s+)?{proper}|{_place_range_re().pattern}"
                      rf"|(?:{tails})(?!\w)(?:\s+(?:[{CAPITALS}][\w-]*|{places})(?!\w))*)")


def local_extent(text: str) -> int:
    """How much of "Ủy ban nhân dân các xã, phường tổ chức vận chuyển …" is the name: the body, its units
    and their qualifiers.

    >>> s = "UBND các xã, phường tổ chức vận chuyển"
    >>> s[:local_extent(s)]
    'UBND các xã, phường'
    """
    m = _local_government_re().match(text)
    if m is None:
        return len(text)
    return m.start("rest") + _unit_extent(text[m.start("rest"):]) if m["rest"] else m.end("body")


def _unit_extent(text: str) -> int:
    at = 0
    while m := _unit_re().match(text, at) or ((separator_re().match(text, at) or SLASH_RE.match(text, at)) if at else None):
        if m.end() == at:
            break
        at = m.end()
    while m := _class_tail_re().match(text, at):
        at = m.end()
    return at


def class_extent(text: str) -> int:  # noqa: D103 — see _class_extent
    return _class_extent(mask(text), text)


# A class noun right after another: "cơ quan thông tấn báo chí", "tổ chức chính trị - xã hội".
SPACE_RE = re.compile(r"\s+")


def _class_extent(text: str, original: str = "") -> int:
    at = 0
    while True:
        if at and original and original[at:at + 1].isspace() and original[at:].lstrip()[:1].isupper():
            return len(text.rstrip())  # a proper name ("Cơ quan Kiểm lâm", "Ban chỉ đạo …") runs to the piece's end
        m = _class_re().match(text, at)
        if m is None and at:
            sep = separator_re().match(text, at) or SPACE_RE.match(text, at)
            m = _class_re().match(text, sep.end()) if sep else None
            if m is not None and sep.group().isspace() and verb_noun_re().match(text[sep.end():]):
                break  # "các đơn vị tổ chức trực ban": the verb, not a second noun
        if m is None or m.end() == at:
            break
        at = m.end()
    if at and (q := SPACE_RE.match(text, at)) and _qualifying_re().match(text, q.end()):
        return len(text.rstrip())  # "các Sở, ban, ngành quản lý quy hoạch": the bodies that manage it
    while m := _class_tail_re().match(text, at + (1 if text[at:at + 1] == "," else 0)):
        at = m.end()  # "các ngành, các cấp": a comma may stand before the tail
    return at


@cache
def _national_re() -> re.Pattern[str]:
    # "Ban Chỉ đạo Nhà nước về du lịch", "Ban Chỉ đạo quốc gia …"
    return phrases_re(words()["national"], ignore_case=False)


def national_body(name: str) -> bool:
    """A body whose name makes it national ("Ban Chỉ đạo Nhà nước về du lịch") and no province's."""
    return locality_of(name) is None and _national_re().search(name) is not None


def defined_bodies(issuer: str | None, subject: str | None,
                   shorts: tuple[tuple[str, str], ...] = ()) -> tuple[str, ...]:
    """Bodies a text calls by the start of their name: the issuer, the body the subject is of ("Ban hành quy
    chế hoạt động của Ban Chỉ đạo Nhà nước về du lịch" → "Ban Chỉ đạo Nhà nước về du lịch"), and those the
    text gives a short name (``shorts``, from :func:`short_names`: "… (gọi tắt là Hội đồng thi đua)")."""
    out = [issuer] if issuer else []
    if subject:
        owner = f" {words()['owner_word']} "
        at = subject.rfind(owner)
        tail = subject[at + len(owner):].strip(" .;,") if at >= 0 else ""
        if tail and _body_re().match(tail[:1].upper() + tail[1:]):
            out.append(tail[:1].upper() + tail[1:])
    return tuple(out) + tuple(full for _, full in shorts if full not in out)


# The body a short name is defined for: "Hội đồng Thi đua – Khen thưởng ngành Y tế thành phố (gọi tắt là Hội đồng
# thi đua)" — the words before the bracket from where the short name's first two words stand.
SHORT_NAME_REACH = 200


@cache
def _short_name_re() -> re.Pattern[str]:
    cues_ = alternation(words()["short_name_cues"], ignore_case=True)
    return re.compile(rf"\(\s*(?:{cues_})\s+[“\"]?(?P<short>[{CAPITALS}][^()“”\"]{{2,60}}?)[”\"]?\s*\)", re.IGNORECASE)


def _brackets_before(text: str, cues_at: list[int]) -> list[int]:
    """The "(" before each short-name cue, with only whitespace between: where :func:`_short_name_re` can match
    ("(sau đây gọi tắt là Ban Chỉ đạo)": the bracket before "sau")."""
    out = []
    for at in cues_at:
        at -= 1
        while at >= 0 and text[at].isspace():
            at -= 1
        if at >= 0 and text[at] == "(":
            out.append(at)
    return out


def short_names(text: str) -> list[tuple[str, str]]:
    """The short names ``text`` defines for bodies, with their full names, when the short name is their start."""
    out = []
    for m in finditer_at(_short_name_re(), text, _brackets_before(text, scan(text).starts("short_name_cues"))):
        first = m["short"].split()[:2]
        if len(first) < 2:
            continue
        window = text[max(0, m.start() - SHORT_NAME_REACH):m.start()]
        at = window.lower().rfind(" ".join(first).lower())
        full = " ".join(window[at:].split()) if at >= 0 else ""
        if full and not full.isupper() and _body_re().match(full) and fold(full) != fold(m["short"]):
            out.append((m["short"].strip(), full))
    return out


def completed(name: str, defined: tuple[str, ...]) -> str:
    """A name that ends with the start of a defined body's name, with that name in full: "Văn phòng Ban
    Chỉ đạo" → "Văn phòng Ban Chỉ đạo Nhà nước về du lịch" (the start has at least two words).

    >>> completed("Các thành viên Ban chỉ đạo", ("Ban Chỉ đạo Nhà nước về du lịch",))
    'Các thành viên Ban Chỉ đạo Nhà nước về du lịch'
    >>> completed("Ban Chỉ đạo phát triển du lịch các địa phương", ("Ban Chỉ đạo Nhà nước về du lịch",))
    'Ban Chỉ đạo phát triển du lịch các địa phương'
    """
    key = fold(name)
    for full in defined:
        parts = full.split()
        for k in range(len(parts) - 1, 1, -1):
            start = fold(" ".join(parts[:k]))
            if key == start or key.endswith(" " + start):
                return name[:len(name) - len(start)] + full
    return name


@cache
def verb_noun_re() -> re.Pattern[str]:
    # "tổ chức" right after a class noun, no comma between: the duty's verb ("các đơn vị tổ chức trực ban"); after
    # "phối hợp", what is done together ("phối hợp tổ chức tuyên truyền").
    return phrases_re(words()["verb_nouns"], at_start=True)


@cache
def plural_re() -> re.Pattern[str]:
    # "các " before a class: "các sở, ban, ngành", "Thủ trưởng các sở".
    return re.compile(rf"(?<!\w)(?:{alternation([words()['plural'], *words()['plural_like']])})\s+", re.IGNORECASE)


@cache
def head_re() -> re.Pattern[str]:
    """A title opening a name: "Giám đốc", "các đồng chí Bộ trưởng", "Thủ trưởng" (then a colon, maybe)."""
    w = words()
    return re.compile(rf"(?:(?:{alternation(w['head_openers'], ignore_case=True)})\s+)?(?P<plural>{re.escape(w['plural'])}\s+)?"
                      rf"(?P<head>{alternation(w['heads'])})(?!\w)\s*:?\s*", re.IGNORECASE)


@cache
def _heads_set() -> frozenset[str]:
    return frozenset(words()["heads"])


@cache
def _class_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words()['class_nouns'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def _body_re() -> re.Pattern[str]:
    """A body's proper name opens here: a body noun and a capital ("Sở Y tế", "Đài Truyền hình …") or a
    lower-case word after a long noun ("Hệ thống truyền thanh cơ sở")."""
    return re.compile(rf"(?:{alternation(words()['body_nouns'])})(?=\s+\w)")


@cache
def _local_government_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<body>{alternation(words()['local_government'], ignore_case=True)})(?!\w)\s*(?P<rest>.*)",
                      re.IGNORECASE | re.DOTALL)


@cache
def _unit_re() -> re.Pattern[str]:
    w = words()
    # "các xã", "cấp xã", "04 xã" (a count: "Ủy ban nhân dân 04 xã: Gia Thuận, …", 556/KH-UBND)
    return re.compile(rf"(?:(?:{alternation([w['plural'], w['level_word']], ignore_case=True)}|\d{{1,3}})\s+)?"
                      rf"(?:{alternation(w['local_units'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def people_re() -> re.Pattern[str]:
    w = words()
    return re.compile(rf"(?:(?:{alternation([w['plural'], *w['people_openers']], ignore_case=True)})\s+)?"
                      rf"(?:{alternation(w['people'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def _shared_tail_re() -> re.Pattern[str]:
    # "cơ quan: " after "Các Bộ," — the words between a shared noun and its colon.
    return re.compile(rf"(?:{alternation(words()['shared_noun_tails'], ignore_case=True)})\s*:\s*", re.IGNORECASE)


@cache
def _shared_colon_re() -> re.Pattern[str]:
    # "Các Bộ, cơ quan:" ending where a list's colon is.
    w = words()
    return re.compile(rf"(?<!\w)(?:{alternation(w['shared_nouns'])})\s*,\s*"
                      rf"(?:{alternation(w['shared_noun_tails'], ignore_case=True)})\s*:\s*$", re.IGNORECASE)


@cache
def _shared_before_re() -> re.Pattern[str]:
    # "Bộ trưởng các Bộ: " right before a list of names: the title and noun those names share.
    w = words()
    return re.compile(rf"(?:(?:{alternation(w['heads'])})\s+)?(?:{re.escape(w['plural'])}\s+)?"
                      rf"(?:{alternation(w['shared_nouns'])})(?:\s*,\s*(?:{alternation(w['shared_noun_tails'], ignore_case=True)}))?"
                      rf"\s*:\s*$", re.IGNORECASE)


def shared_noun_before(text: str, at: int) -> int | None:
    """Where the title and noun that a list at ``at`` shares start: "Bộ trưởng các Bộ: Xây dựng, Ngoại giao …"
    (385/NQ-CP) → at "Bộ trưởng"."""
    m = _shared_before_re().search(text[max(0, at - SHARED_BEFORE_REACH):at])
    return at - len(text[max(0, at - SHARED_BEFORE_REACH):at]) + m.start() if m else None


SHARED_BEFORE_REACH = 60


@cache
def _distributed_re() -> re.Pattern[str]:
    # A noun shared without a colon by the proper names after it: "lực lượng Kiểm lâm, Công an, Quân đội".
    return re.compile(rf"(?P<noun>{alternation(words()['distributed_nouns'], ignore_case=True)})\s+"
                      rf"(?P<proper>(?-i:[{CAPITALS}]\w*))", re.IGNORECASE)


# Lower-case words a proper name after a shared noun goes on with: "Kiểm lâm", "Quân đội", "Cảnh sát cơ động".
PROPER_WORDS = 2


def _distributed_name(rest: str) -> str | None:
    """"lực lượng Quân đội" of "lực lượng Quân đội tổ chức kiểm tra": the noun, the capitalised word and up to
    two lower-case words that are no class noun nor duty."""
    d = _distributed_re().match(rest)
    if d is None:
        return None
    end = d.end()
    for _ in range(PROPER_WORDS):
        m = re.match(r"\s+(\w+)", rest[end:])
        if not m or not m.group(1)[:1].islower() or _class_re().match(rest, end + 1) \
                or _stop_words_re().match(rest[end + 1:]):
            break
        end += m.end()
    return rest[:end]


@cache
def _shared_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in words()["shared_nouns"])


@cache
def _shared_noun_re() -> re.Pattern[str]:
    """"Sở: Nội vụ, Y tế" — a noun and a colon, shared by the names after it."""
    w = words()
    return re.compile(rf"(?:{re.escape(w['plural'])}\s+)?(?P<noun>{alternation(w['shared_nouns'])})\s*:\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    """One body (or class of bodies, or office-holder) in a list."""

    printed: str                 # as printed ("Sở, ban ngành liên quan")
    span: tuple[int, int]        # where, in the text read
    name: str | None             # canonical and qualified; None when the list names people only
    kind: str                    # "body" | "class" | "local" | "title" | "people" | "other" (no body)
    match: str                   # registry | fuzzy | collective | unknown
    confidence: float | None = None


@dataclass(frozen=True)
class Names:
    names: tuple[Name, ...]
    start: int
    end: int                     # where the list ends (the duty starts)

    @property
    def bodies(self) -> list[Name]:
        return [n for n in self.names if n.name]


@dataclass
class _Piece:
    """A name being put together from the pieces of a list."""

    start: int
    end: int
    head: str | None = None      # the title as printed ("Thủ trưởng", "Các Bộ trưởng")
    plural: bool = False         # "các" before the class
    kind: str = "body"           # body | class | local | people
    parts: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # as printed before parts[1:]: ", ", " và "
    owner: str | None = None     # a province's body when not its People's Committee: "Sở Xây dựng"

    def joined(self, parts: list[str] | None = None) -> str:
        """The parts with their printed joins: "cơ quan", "đơn vị", "cá nhân" → "cơ quan, đơn vị và cá nhân"."""
        parts = self.parts if parts is None else parts
        joins = self.joins + [", "] * len(parts)
        return "".join((joins[k - 1] if k else "") + part for k, part in enumerate(parts))


# How far a list of names may run (the longest of the 375 whole documents: 458 characters): a text read
# for a list at each of many places is read so far at each, not to its end.
LIST_REACH = 1500


def list_end(text: str, start: int, limit: int) -> int:
    """Where a list from ``start`` ends: the first duty word (not right after "các" or a comma, where
    it is a noun: "các tổ chức …"), a full stop or a colon (not "Sở: …"); never inside an aside ("Sở Nội vụ
    (Ban Thi đua - Khen thưởng) tiến hành …")."""
    limit = min(limit, start + LIST_REACH)
    masked = mask(ASIDE_RE.sub(lambda m: MASK * len(m.group()), text[start:limit]))
    end = limit
    if m := STOP_RE.search(masked):
        shared = _shared_noun_re().search(masked[max(0, m.start() - 12):m.end() + 1]) \
            or _shared_colon_re().search(text[start:start + m.end() + 1]) \
            or head_re().match(text[start:start + m.end() + 1].lstrip())
        before = fold(text[start:start + m.start()].rstrip())
        provinces = (_local_government_re().match(text, start)
                     or any(before.endswith(" " + fold(t)) for t in words()["province_classes"])) \
            and province_of(text[start + m.end():limit])
        if not (m.group() == ":" and (shared or provinces or named_units(text[start:start + m.end()]))):
            end = start + m.start()
    end = min(end, _after_registry_name(masked, start, end, text[start:limit]))
    for m in _stop_words_re().finditer(masked, 0, end - start):
        before = masked[:m.start()].rstrip()
        if m.start() == 0 or before.endswith((",", ";")) or plural_re().fullmatch(before[-6:].split(" ")[-1] + " ") \
                or before.lower().endswith(_joined_ends()) or masked[:m.end()].lower().endswith(_joined_ends()) \
                or _place_range_re().match(text, start + m.start()) or _inside_class_noun(masked, m.start(), m.end()) \
                or _qualifies_class(masked, before, m.end()) or _qualifying_verb(masked, before, m):
            continue
        return start + m.start()
    return end


@cache
def _bare_units_folded() -> frozenset[str]:
    return frozenset(fold(u) for u in words()["local_units"])


# A count before units that a colon and their names follow: "Ủy ban nhân dân 04 xã: Gia Thuận, …" (556/KH-UBND).
COUNT_RE = re.compile(r"\b\d{1,3}\s+")


def named_units(before_colon: str) -> str | None:
    """"Ủy ban nhân dân các xã:" or "Ủy ban nhân dân 04 xã:" before the names of the units (below the province),
    as "Ủy ban nhân dân các xã"; ``None`` for anything else."""
    m = _local_government_re().match(before_colon.rstrip(" :"))
    if m is None or not (u := _unit_re().fullmatch(m["rest"])) or not _bare_units_re().search(m["rest"]):
        return None
    rest = COUNT_RE.sub(words()["plural"] + " ", u.group(), count=1)
    return f"{m['body']} {rest}"


@cache
def _qualifying_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words()['qualifying_verbs'], ignore_case=True)})(?!\w)", re.IGNORECASE)


def _ends_with_class_noun(before: str) -> bool:
    """The words before end with a class noun of one to three words that is not a bare unit ("tỉnh")."""
    tail = before.rsplit(",", 1)[-1].split()
    return bool(tail) and fold(tail[-1]) not in _bare_units_folded() \
        and any(_class_re().fullmatch(" ".join(tail[-k:])) for k in (1, 2, 3) if len(tail) >= k)


def _piece_kind(piece: str) -> str:
    """What a piece of a list names ("class", "body", …), "các" before it left aside."""
    if p := plural_re().match(piece):
        piece = piece[p.end():]
    return _kind_of(piece)


def _qualifying_verb(masked: str, before: str, m: re.Match[str]) -> bool:
    """"quản lý" right after a class noun: "các Sở, ban, ngành quản lý quy hoạch" — which bodies, not a duty."""
    return _qualifying_re().fullmatch(m.group()) is not None and _ends_with_class_noun(before)


def _inside_class_noun(masked: str, a: int, b: int) -> bool:
    """The duty word at ``a:b`` ends a class noun: "đầu tư" of "các chủ đầu tư" (627/TB-VPCP)."""
    k = masked.rfind(" ", 0, max(0, a - 1))
    return (m := _class_re().match(masked, k + 1)) is not None and m.end() >= b


def _qualifies_class(masked: str, before: str, b: int) -> bool:
    """A verb after a class noun that says which bodies it means, a comma and another body after it: "các đơn vị
    quản lý đường bộ khu vực, các lực lượng chức năng …" (96/CĐ-BXD)."""
    if not plural_re().match(before.rsplit(",", 1)[-1].lstrip()) or not _ends_with_class_noun(before) \
            or (comma := masked.find(",", b)) < 0 or STOP_RE.search(masked, b, comma):
        return False
    return _piece_kind(masked[comma + 1:].lstrip().split(",")[0]) in ("class", "local", "body")


@cache
def _after_name_re() -> re.Pattern[str]:
    # What may follow a registry name inside a list: a separator, a place, an aside, a capital ("Sở Y tế
    # Thành phố", "Công an tỉnh Đắk Lắk", "Sở Nội vụ (Ban Thi đua - Khen thưởng)").
    # A count before a unit goes on too: "Ủy ban nhân dân 04 xã: Gia Thuận, …".
    return re.compile(rf"\s*(?:[,;(:]|$)|\s+(?:{alternation(words()['after_name'])}|[{CAPITALS}])(?!\w)"
                      rf"|\s+[{CAPITALS}{MASK}]|\s+\d{{1,3}}\s+(?:{alternation(words()['local_units'])})(?!\w)")


@cache
def _joined_ends() -> tuple[str, ...]:
    """" và", " cùng": a list that ends with a joiner goes on."""
    return tuple(" " + j for j in words()["joiners"])


@cache
def _tails_folded() -> frozenset[str]:
    return frozenset(fold(t) for t in words()["class_tails"])


def _after_registry_name(masked: str, start: int, end: int, original: str) -> int:
    """Where a list must end after a registry name that a duty follows: "Bộ Xây dựng đẩy nhanh …" (not
    after a protected phrase in lower case: "Ban chỉ đạo phòng, chống dịch …")."""
    at = 0
    while (k := masked.find(MASK, at, end - start)) >= 0:
        e = k
        while e < len(masked) and masked[e] == MASK:
            e += 1
        if e >= end - start:
            return end
        named = original[k:k + 1].isupper() or fold(original[k:e]) in _tails_folded()  # not "phòng, chống"
        if named and plural_re().search(original[max(0, k - 6):k]) and _class_re().match(original, k):
            named = False  # "các Ban Quản lý dự án chuyên ngành, khu vực" (043/CT-UBND): a class, not one body
        if named and not _after_name_re().match(masked, e):
            return start + e
        at = e
    return end


@cache
def list_remark_re() -> re.Pattern[str]:
    """", trong đó" after a list (234/CĐ-TTg): where a remark on its members starts."""
    return re.compile(rf",\s*(?:{alternation(words()['list_remarks'], ignore_case=True)})(?!\w)", re.IGNORECASE)


def read_names(text: str, start: int, limit: int, locality: Province | None, *, whole: bool = False) -> Names | None:
    """The bodies listed from ``start``; ``None`` when the text there names none. ``whole``: the list
    runs to ``limit`` (a heading, a table cell) instead of ending at the first duty word.

    >>> ct = vocabulary().province("Cần Thơ")
    >>> [n.name for n in read_names("Sở, ban ngành liên quan triển khai", 0, 34, ct).names]
    ['Các sở, ban ngành liên quan thành phố Cần Thơ']
    >>> qt = vocabulary().province("Quảng Trị")
    >>> s = "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Công Thương; Ủy ban nhân dân các xã, phường, đặc khu"
    >>> [n.name for n in read_names(s, 0, len(s), qt).names]
    ['Chánh Văn phòng Ủy ban nhân dân tỉnh Quảng Trị', 'Giám đốc Sở Công Thương tỉnh Quảng Trị', 'Ủy ban nhân dân các xã, phường, đặc khu thuộc tỉnh Quảng Trị']
    """
    if not whole and _not_body_re().match(text, start, limit):
        return None  # "Tổ chức thực hiện" (a heading), though "thực hiện" would end a list at "Tổ chức"
    end = limit if whole else list_end(text, start, limit)
    if remark := list_remark_re().search(text, start, end):
        end = remark.start()  # "…, trong đó trọng tâm là các tỉnh: …" remarks on the members; they own nothing more
    if end <= start:
        return None
    pieces = _pieces(text, start, end, whole)
    if not pieces:
        return None
    names = tuple(m for n in (_resolve(p, text, locality) for p in pieces) if n is not None
                  for m in _named_in_aside(n, text, locality))
    if not names:
        return None
    return Names(names, start, pieces[-1].end if not whole else end)


# The inside of a bracketed aside: "Nhà đầu tư (Tập đoàn Đèo Cả)".
ASIDE_INSIDE_RE = re.compile(r"\(([^()]+)\)")


def _named_in_aside(name: Name, text: str, locality: Province | None) -> tuple[Name, ...]:
    """A class whose aside names the bodies it means is those bodies: "Yêu cầu Nhà đầu tư (Tập đoàn Đèo Cả) rà soát …"
    (627/TB-VPCP) is the Tập đoàn; any other name stays itself."""
    if name.kind != "class" or (m := ASIDE_INSIDE_RE.search(text, name.span[0], name.span[1])) is None:
        return (name,)
    inside = read_names(text, m.start(1), m.end(1), locality, whole=True)
    if inside is None or not inside.names or any(n.kind != "body" for n in inside.names):
        return (name,)
    return inside.names


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between separators, asides left out."""
    chunk = ASIDE_RE.sub(lambda m: MASK * len(m.group()), text[start:end])
    masked = mask(chunk)
    out, at = [], 0
    for m in separator_re().finditer(masked):
        if m.start() > at:
            out.append((start + at, start + m.start()))
        at = m.end()
    if at < len(masked):
        out.append((start + at, end))
    cleaned = []
    for a, b in out:
        piece = text[a:b]
        blank = ASIDE_RE.sub("", piece)
        if blank.strip(" -–+•;,.:"):
            lead = len(piece) - len(piece.lstrip(" -–+•\n\t"))
            cleaned.append((a + lead, b))
    return cleaned


def _pieces(text: str, start: int, end: int, whole: bool = False) -> list[_Piece]:
    out: list[_Piece] = []
    shared: str | None = None
    owner: str | None = None
    before = start
    named: _Piece | None = None  # "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, …": the communes it names
    spans = _spans(text, start, end)
    for k, (a, b) in enumerate(spans):
        semicolon = ";" in text[before:a]
        join, before = _join(text[before:a]), b
        raw = ASIDE_RE.sub("", text[a:b]).strip(" ;,.:")
        if named is not None and raw[:1].isupper() and province_of(raw) is None and _kind_of(raw) == "other":
            named.parts.append(raw)
            named.joins.append(join)
            named.end = b
            continue
        named = None
        if (c := raw.find(":")) > 0 and (units := named_units(raw[:c + 1])) and raw[c + 1:].strip()[:1].isupper() \
                and province_of(raw[c + 1:]) is None:
            raw = f"{units} {raw[c + 1:].strip()}"
            _add_piece(out, raw, a, b, join)
            named = out[-1] if out and out[-1].kind == "local" else None
            continue
        if _not_body_re().match(raw):
            if whole:
                out.append(_Piece(a, b, None, False, "other", [raw]))
            break
        if (c := raw.find(":")) > 0 and province_of(raw[c + 1:]) and (found := _province_owner(raw[:c], out)):
            owner, raw = found, raw[c + 1:].strip()  # "Sở Xây dựng các tỉnh, thành phố: Gia Lai, …"
            a = b - len(raw)
        if owner and (province := province_of(raw)) is not None:
            out.append(_Piece(a, b, None, False, "province", [province.name], owner=owner))
            continue
        owner = None
        if (c := raw.find(":")) > 0 and province_of(raw[c + 1:]) and \
                (_local_government_re().match(raw) or out and out[-1].kind == "local"):
            if out and out[-1].kind == "local" and not _local_government_re().match(raw):
                out.pop()  # "Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, …" — each province, not the class
            raw = raw[c + 1:].strip()
        if (t := _shared_tail_re().match(raw)) and out and out[-1].kind == "class" and len(out[-1].parts) == 1 \
                and fold(out[-1].parts[0]) in _shared_folded():
            noun = out.pop().parts[0]  # "Các Bộ" + "cơ quan: Tài chính" → "Bộ: Tài chính"
            raw = f"{noun[:1].upper() + noun[1:]}: {raw[t.end():].strip()}"
        if (h := head_re().match(raw)) and h.group().rstrip().endswith(":") and raw[h.end():].strip():
            shared = h["head"]  # "Giám đốc: Sở Văn hóa, …, Sở Thông tin …" — each body's head
        elif shared and shared in _heads_set() and (_body_re().match(raw) or _registry_start(raw)):
            raw = f"{shared} {raw}"
        if m := _shared_noun_re().search(raw):  # "Giám đốc các Sở: Tài chính" — the rest gets "Giám đốc Sở"
            noun = m["noun"][:1].upper() + m["noun"][1:]
            shared = (raw[:m.start()].strip() + " " + noun).strip()
            raw = (raw[:m.start()] + noun + " " + raw[m.end():]).strip()
        elif shared and shared not in _heads_set() and raw[:1].isupper() and not _body_re().match(raw) \
                and not head_re().match(raw):
            raw = f"{shared} {raw}"
        elif not (shared and shared in _heads_set() and raw.startswith(shared)) and not (h and shared == h["head"]):
            shared = None
        if shared is None and (d := _distributed_re().match(raw)):
            shared = d["noun"][:1].upper() + d["noun"][1:]  # "lực lượng Kiểm lâm, Công an, Quân đội": each a "Lực lượng"
        _add_piece(out, raw, a, b, join, semicolon)
        last = out[-1] if out else None
        if last is None:
            continue
        if semicolon and len(out) > 1 and last.kind == "class" and not last.head and not last.plural \
                and out[-2].head and out[-2].kind == "class" and out[-2].head in _heads_set():
            last.head = out[-2].head  # "Thủ trưởng cơ quan Trung ương …; cơ quan chuyên môn …; ban ngành thành phố"
        if not whole and last.kind == "other":
            out.pop()
            break
        if not whole and last.kind in ("class", "people", "local") and last.parts and not _name_follows(text, spans[k + 1:]):
            part = last.parts[-1]
            cut = local_extent(part) if last.kind == "local" and len(last.parts) == 1 else class_extent(part) \
                if last.kind != "local" else _unit_extent(part)
            if 0 < cut < len(part.rstrip()):
                last.parts[-1] = part[:cut]
                last.end = last.start + len(text[last.start:b]) - (len(part) - cut)
                break
    _member_owners(out)
    return [p for p in out if p.parts or p.head]


@cache
def _province_opener_re() -> re.Pattern[str]:
    # "tỉnh ", "các tỉnh ", "Thành phố ", "TP. " before a province's name.
    w = words()
    return re.compile(rf"(?:{re.escape(w['plural'])}\s+)?(?:{alternation(w['province_words'], ignore_case=True)})\.?\s+",
                      re.IGNORECASE)


def province_of(piece: str) -> Province | None:
    """The province a piece names by itself: "Tuyên Quang", "tỉnh Lâm Đồng", "các tỉnh Bắc Ninh",
    "Thành phố Hồ Chí Minh" (whose People's Committee is then meant); words after the name are the duty.

    >>> province_of("các tỉnh Bắc Ninh đẩy nhanh").full_name
    'tỉnh Bắc Ninh'
    """
    piece = piece.strip()
    m = _province_opener_re().match(piece)
    bare = piece[m.end():] if m else piece
    if not bare[:1].isupper():
        return None
    words_ = re.split(r"[\s,;:.]+", bare)
    for n in range(min(4, len(words_)), 0, -1):
        if (found := vocabulary().province(" ".join(words_[:n]))) is not None:
            return found
    return None


def _province_owner(before_colon: str, out: list[_Piece]) -> str | None:
    """The body of each province listed after a colon: "Sở Xây dựng các tỉnh" + ", thành phố:" → "Sở Xây
    dựng" (the piece read before is taken back)."""
    key = fold(before_colon)
    if out and out[-1].kind == "body" and out[-1].parts and not out[-1].head:
        key = fold(out[-1].parts[-1] + ", " + before_colon)
    for tail in sorted(words()["province_classes"], key=len, reverse=True):
        t = " " + fold(tail)
        if key.endswith(t) and len(key) > len(t):
            body = key[:-len(t)]
            whole = out[-1].parts[-1] + ", " + before_colon if fold(before_colon) != key else before_colon
            if fold(before_colon) != key:
                out.pop()
            name = whole[:len(body)].strip()
            return name if _body_re().match(name) or _registry_start(name) else None
    return None


def _join(separator: str) -> str:
    """A separator as a name prints it: "," → ", "; " và " → " và "; ", và" → ", và "."""
    words_ = " ".join(separator.split()).replace(";", ",")
    if not words_ or words_ == ",":
        return ", "
    return words_ + " " if words_.startswith(",") else f" {words_} "


@cache
def _zone_board_re() -> re.Pattern[str]:
    return phrases_re(words()["zone_boards"], at_start=True)


@cache
def _zone_word_re() -> re.Pattern[str]:
    return phrases_re(words()["zone_words"], at_start=True)


def _province_units(piece: str) -> bool:
    """The piece is a bare province-level unit word: "tỉnh", "thành phố"."""
    return fold(piece) in _bare_units_folded_set()


@cache
def _bare_units_folded_set() -> frozenset[str]:
    return frozenset(fold(u) for u in words()["bare_units"])


@cache
def _central_re() -> re.Pattern[str]:
    """A central body's name where a piece starts: "Bộ Quốc phòng" of "Bộ Quốc phòng các tỉnh Ninh Bình"."""
    return re.compile(rf"(?:{alternation(_registry_names(vocabulary().central), ignore_case=True)})(?!\w)", re.IGNORECASE)


def _add_piece(out: list[_Piece], raw: str, a: int, b: int, join: str = ", ", semicolon: bool = False) -> None:
    if (c := _central_re().match(raw)) and plural_re().match(after := raw[c.end():].lstrip()) and province_of(after):
        # "Bộ Xây dựng, Bộ Quốc phòng các tỉnh Ninh Bình, Hưng Yên …" (627/TB-VPCP): a ministry is no province's; the
        # comma after it was left out
        out.append(_Piece(a, a + c.end(), None, False, "body", [raw[:c.end()]]))
        raw, a = after, b - len(after)
    current = out[-1] if out else None
    if current is not None and current.kind == "body" and current.parts and join.strip() == words()["joiners"][0] \
            and _zone_board_re().match(current.parts[-1]) and _zone_word_re().match(raw):
        if (verb := _stop_words_re().search(mask(raw))) and verb.start():
            raw = raw[:verb.start()].rstrip()  # "… và khu công nghiệp thành phố Hà Nội cấp giấy phép": the duty after it
        current.parts[-1] += join + raw  # "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi": one board
        current.end = a + len(raw)
        return
    if current is not None and current.kind != "local" and current.parts and _province_units(raw) \
            and _province_units(current.parts[-1].split()[-1]):
        current.parts[-1] += join + raw  # "các Thuế tỉnh, thành phố" (5363/CT-CS): the offices of both, one class
        current.end = b
        return
    if (province := province_of(raw)) is not None:
        out.append(_Piece(a, b, None, False, "province", [province.name]))
        return
    head, plural, rest = None, False, raw
    if m := _head_before_name(rest):
        head = (m["plural"].strip().capitalize() + " " if m["plural"] else "") + m["head"]
        rest = rest[m.end():]
    elif c := _class_head_re().match(rest):
        head, rest = c["head"], rest[c.end("head"):].lstrip()  # "hệ thống" + "các cơ quan báo chí"
    elif p := plural_re().match(rest):
        plural, rest = True, rest[p.end():].lstrip()
    if head is None and current is not None and current.kind == "class" and raw[:1].islower() \
            and _class_tail_re().match(" " + (raw if plural else rest)) and not _class_re().match(rest):
        # "Thủ trưởng các sở, ban, ngành, thuộc tỉnh": a stray comma before the tail; "các ngành, các cấp" (0204/KH-UBND)
        current.parts[-1] += (join if plural else " ") + (raw if plural else rest)
        current.end = b
        return
    if head is None and not plural and current is not None and not semicolon and _continues(current, rest) \
            and not _second_class(current, rest, join):  # not "… đơn vị thuộc thành phố Hà Nội; cơ quan, đơn vị đóng …"
        if current.kind == "class" and current.head and (_title_split(rest) or _same_noun(current.parts[0], rest)):
            out.append(_Piece(a, b, current.head, False, "class", [rest]))  # "cơ quan thuộc Chính phủ" as printed
            return
        current.joins.append(join)
        current.parts.append(rest)
        current.end = b
        return
    if plural and head is None and _bare_units_re().fullmatch(rest):
        rest = f"{words()['local_government'][0]} {raw}"  # "các xã, phường" acting: their People's Committees (982/KH-UBND)
        plural = False
    kind = _kind_of(rest)
    if kind == "other" and head is None and not plural and current is not None and current.kind == "body" \
            and join.strip() == words()["joiners"][0] and rest[:1].isupper() and current.parts \
            and not _registry_re().fullmatch(current.parts[-1]):  # not "Bộ Công an" and "Quân đội"
        current.parts[-1] += join + rest  # "Chi cục Biển đảo và Thủy sản" (235/KH-UBND): one name, not a body and a word
        current.end = b
        return
    if head and not rest:
        out.append(_Piece(a, b, head, False, "title", []))
        return
    if m := plural_re().match(rest):  # "Thủ trưởng các sở" — the class after a title
        plural, rest = True, rest[m.end():]
        kind = _kind_of(rest)
    if plural and kind == "body" and not _registry_start(rest):
        kind = "class"  # "các Ngân hàng thương mại": a class, though it opens like a name
    elif kind == "class" and not plural and not head and rest[:1].isupper() and PROPER_AFTER_NOUN_RE.search(rest):
        kind = "body"  # "Cơ quan Kiểm lâm", "Cơ quan Công an": one body, named
    elif kind == "class" and not plural and not head and _sector_re().match(rest):
        kind = "body"  # "ngành Thuế", "ngành giáo dục": one sector, named by its field (0204/KH-UBND, 0130/KH-UBND)
    if kind == "body" and (named := _distributed_name(rest)):
        rest = named  # "lực lượng Quân đội" of "lực lượng Quân đội tổ chức kiểm tra"
    out.append(_Piece(a, b, head, plural, kind, [rest]))


def _name_follows(text: str, rest: list[tuple[int, int]]) -> bool:
    """The next piece of the list names a body: the words before its comma qualify a class ("các đơn vị quản lý
    đường bộ khu vực, các lực lượng chức năng …", 96/CĐ-BXD) rather than start its duty ("các đơn vị tổ chức
    trực ban, thực hiện …")."""
    if not rest:
        return False
    return _piece_kind(ASIDE_RE.sub("", text[rest[0][0]:rest[0][1]]).strip(" ;,.:")) != "other"


@cache
def _people_opener_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(words()['people_openers'], ignore_case=True)})\s", re.IGNORECASE)  # "mọi người dân"


@cache
def _class_head_re() -> re.Pattern[str]:
    # "hệ thống các cơ quan báo chí": a noun, then a class with "các".
    return re.compile(rf"(?P<head>{alternation(words()['class_heads'], ignore_case=True)})\s+(?={re.escape(words()['plural'])}\s)",
                      re.IGNORECASE)


@cache
def _bare_units_re() -> re.Pattern[str]:
    # Units below the province named alone: "xã" of "các xã, phường", "huyện".
    return re.compile(rf"(?:{alternation(words()['sub_provincial_units'], ignore_case=True)})", re.IGNORECASE)


@cache
def _sector_re() -> re.Pattern[str]:
    # A sector noun, alone (no "các") and followed by its field: "ngành giáo dục", "ngành Thuế".
    return re.compile(rf"(?:{alternation(words()['sector_nouns'], ignore_case=True)})\s+\w", re.IGNORECASE)


# A capitalised word after the opening noun: "Cơ quan Kiểm lâm chủ trì …" (213/2025/QĐ-UBND of Hải Phòng).
PROPER_AFTER_NOUN_RE = re.compile(rf"^\w+(?:\s+[a-zđà-ỹ]\w*)?\s+[{CAPITALS}]")


def _head_before_name(rest: str) -> re.Match[str] | None:
    """The title opening ``rest``, the longest that leaves a name after it: "Trưởng Ban Chỉ đạo" is "Trưởng" of
    "Ban Chỉ đạo", though "Trưởng Ban" is a title too (1627/QĐ-UBND of Quảng Ngãi)."""
    m = head_re().match(rest)
    if m is None or not rest[m.end():].strip() or _kind_of(rest[m.end():]) != "other":
        return m
    for head in sorted(_heads_set(), key=len, reverse=True):
        if len(head) >= len(m["head"]) or not rest.casefold().startswith(head.casefold()):
            continue
        shorter = re.compile(rf"(?P<plural>)(?P<head>{re.escape(head)})(?!\w)\s*:?\s*", re.IGNORECASE).match(rest)
        if shorter and _kind_of(rest[shorter.end():]) != "other":
            return shorter
    return m


def _kind_of(rest: str) -> str:
    if m := _local_government_re().match(rest):
        if not m["rest"] or _unit_re().match(m["rest"]):
            return "local"
    if _registry_start(rest) or _body_re().match(rest) or _distributed_re().match(rest):
        return "body"  # "Sở Y tế", "Lực lượng Kiểm lâm"
    if people_re().fullmatch(rest.strip()):
        return "people"
    if _class_re().match(rest):
        return "class"
    return "other"


def _continues(current: _Piece, rest: str) -> bool:
    """A piece that goes on with the name before: a class noun after a class, a unit after a local
    government, a person noun after a class ("cơ quan, tổ chức, cá nhân có liên quan")."""
    if not rest or rest[:1].isupper() and current.kind != "class":
        return False
    if current.kind == "local":
        return _unit_re().match(rest) is not None
    if current.kind == "class":
        if _people_opener_re().match(rest):
            return False  # "các doanh nghiệp … và mọi người dân": people of their own, not the class's members
        last = fold(current.parts[-1])
        if last in _members() and fold(rest).split(" ")[0] in {m.split(" ")[0] for m in _members()} | _members():
            return False  # "các Tổ đại biểu" / "và đại biểu Hội đồng nhân dân": two classes
        if any(last.endswith(" " + u) for u in words()["bare_units"]) or last.endswith(fold(words()["related"])):
            return False  # "các sở, ban, ngành Thành phố và đơn vị có liên quan": a class of its own
        return (_class_re().match(rest) is not None or people_re().match(rest) is not None) \
            and not _body_re().match(rest) and not _registry_start(rest)
    return False


def _second_class(current: _Piece, rest: str, join: str) -> bool:
    """"chính quyền địa phương và chủ rừng" (213/2025/QĐ-UBND of Hải Phòng): a class joined by "và" to one class
    noun is a class of its own, unless a qualifier after it is the two's ("cơ quan và đơn vị liên quan")."""
    if current.kind != "class" or join.strip() not in words()["joiners"][:1]:
        return False
    if (person := people_re().match(rest)) is not None and not _class_re().match(rest):
        # "Các cơ quan, đơn vị và người sử dụng" (2610/QĐ-UBND): people, not the class's members, unless a qualifier
        # after them is the whole list's ("cơ quan, tổ chức và cá nhân có liên quan")
        return not _class_tail_re().match(rest, person.end())
    noun = _class_re().match(rest)
    return len(current.parts) == 1 and noun is not None and not rest[noun.end():].strip()


@cache
def _members() -> frozenset[str]:
    return frozenset(fold(m) for m in words()["member_nouns"])


def _member_owners(out: list[_Piece]) -> None:
    """"các Tổ đại biểu" before "đại biểu Hội đồng nhân dân Thành phố": the body the later member names is
    the earlier one's too."""
    for k in range(len(out) - 1, 0, -1):
        first, after = out[k - 1], out[k]
        if first.kind != "class" or len(first.parts) != 1 or fold(first.parts[0]) not in _members() or not after.parts:
            continue
        later = fold(after.parts[0])
        member = next((m for m in sorted(_members(), key=len, reverse=True) if later.startswith(m + " ")), None)
        if member is not None:
            first.parts[0] += after.parts[0][len(member):]


def _same_noun(first: str, rest: str) -> bool:
    """A part that opens with the same class noun as the title's first class: "Thủ trưởng cơ quan ngang Bộ,
    cơ quan có liên quan" (375/NQ-CP) — two classes, each the title's."""
    f, r = fold(first), fold(rest)
    nouns = [fold(n) for n in words()["class_nouns"] if f.startswith(fold(n) + " ")]
    return bool(nouns) and r != f and r.startswith(min(nouns, key=len) + " ")


def _title_split(rest: str) -> bool:
    return any(fold(rest).startswith(fold(n)) for n in words()["title_split_nouns"])


# ---- canonical names ----------------------------------------------------------------------------------


def _resolve(p: _Piece, text: str, locality: Province | None) -> Name | None:
    printed = text[p.start:p.end].strip()
    kind = p.kind
    if p.kind == "people" and not p.head:
        return Name(printed, (p.start, p.end), None, "people", "unknown")
    if p.kind == "other" and not p.head:
        return Name(printed, (p.start, p.end), None, "other", "unknown")
    if p.kind == "title":
        return Name(printed, (p.start, p.end), _capital(p.head), "title", "collective", 1.0)
    if p.kind == "class":
        member = any(fold(p.parts[0]).startswith(m + " ") or fold(p.parts[0]) == m for m in _members()) \
            if p.parts else False
        name, match = _class_name(p, p.plural or not (p.head or member)), "collective"  # "Đại biểu …"
        name = _owner_in_full(qualify(name, locality))
        conf = 1.0
    elif p.kind == "province":
        province = vocabulary().province(p.parts[0])
        name, match, conf, kind = f"{p.owner or _council_names()[0]} {province.full_name}", "registry", 1.0, "body"
    elif p.kind == "local":
        name, match, conf = _local_name(p, locality), "collective", 1.0
        if _one_body(p):
            kind = "body"
    else:
        resolved = _ministry_of_sector(" ".join(p.parts), locality) or _body_name(" ".join(p.parts), locality)
        if resolved is None:
            return None
        name, match, conf = resolved
    if p.head:
        name = _headed(p.head, name[:1].lower() + name[1:] if p.kind == "class" else name)
    return Name(printed, (p.start, p.end), name, kind, match, conf)


def _ministry_of_sector(printed: str, locality: Province | None) -> tuple[str, str, float] | None:
    """In a central text, a sector named by its field is its ministry's: "phối hợp với … ngành Công Thương"
    (217/CĐ-TTg) → "Bộ Công Thương"; a province's "ngành Thuế" stays its own."""
    if locality is not None or not (m := _sector_re().match(printed)):
        return None
    body = vocabulary().central_body(f"{words()['ministry']} {printed[m.end() - 1:]}")
    return (body.name, "registry", 1.0) if body is not None else None


def _one_body(p: _Piece) -> bool:
    """"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân" alone: one body, not a class of local governments."""
    m = _local_government_re().match(expand_abbreviations(p.parts[0]))
    rest = fold(m["rest"]) if m else ""
    bare = tuple(fold(u) for u in words()["bare_units"])
    return len(p.parts) == 1 and (not rest or "," not in rest and (rest in bare or rest.startswith(tuple(u + " " for u in bare))))


# A hyphen printed without spaces between two lower-case words of a class: "các tổ chức chính trị-xã hội"
# (982/KH-UBND) is "chính trị - xã hội".
TIGHT_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _class_name(p: _Piece, plural: bool = True) -> str:
    """"các" + "sở", "ban ngành liên quan" → "Các sở, ban, ngành liên quan"."""
    parts = []
    for part in p.parts:
        part = TIGHT_HYPHEN_RE.sub(" - ", tidy(expand_abbreviations(part)))
        parts.append(part[:1].lower() + part[1:])
    joined = p.joined(parts)
    return f"{_capital(words()['plural'])} {joined}" if plural else joined[:1].upper() + joined[1:]


# A slash between two units of a local government, read as the comma it stands for: "UBND các tỉnh/ thành
# phố" (2530/QĐ-TTg) is "Ủy ban nhân dân các tỉnh, thành phố".
UNIT_SLASH_RE = re.compile(r"(?<=[^\W\d])\s*/\s*(?=[^\W\d])")


def _local_name(p: _Piece, locality: Province | None) -> str:
    """"Ủy ban nhân dân" + "các xã", "phường, đặc khu" → "Ủy ban nhân dân các xã, phường, đặc khu thuộc tỉnh X"."""
    first = expand_abbreviations(p.parts[0])
    m = _local_government_re().match(first)
    body = _council_of(m["body"])
    expansions = words()["unit_expansions"]
    parts = [tidy(m["rest"])] + [tidy(x) for x in p.parts[1:]]
    parts = [expansions.get(fold(x), x) for x in parts]
    units = UNIT_SLASH_RE.sub(", ", p.joined(parts).strip(", "))
    name = f"{body} {units}".strip()
    if not units:
        return f"{name} {locality.full_name}" if locality is not None else name
    sub = words()["sub_provincial_units"]
    lowered = plural_re().sub("", fold(units), count=1) if plural_re().match(fold(units)) else fold(units)
    belongs = words()["belongs"]
    if locality is not None and any(lowered.startswith(fold(u)) for u in sub):
        if fold(locality.name) not in fold(name) and f" {belongs} " not in f" {fold(name)} ":
            return f"{name} {belongs} {locality.full_name}"
        return name
    if _province_units(units):
        return qualify_body(name, locality)
    return name


def qualify_body(name: str, locality: Province | None) -> str:
    """A body named by its kind and a bare unit: "Ủy ban nhân dân tỉnh" → "Ủy ban nhân dân tỉnh Kon Tum"."""
    if locality is None:
        return name
    if fold(name).endswith(tuple(" " + fold(u) for u in words()["bare_units"])):
        return f"{name} {locality.name}"
    return name


def _body_name(text: str, locality: Province | None) -> tuple[str, str, float | None] | None:
    """A named body: the registry's name in the province, else as printed (abbreviations expanded)
    and placed in the province when it does not say where it is."""
    expanded = tidy(expand_abbreviations(text))
    if not expanded:
        return None
    match = resolve_agency(expanded, locality)
    if match is not None and match.match == "registry" and _same_length(expanded, match.name, locality):
        return match.name, "registry", match.confidence
    if match is not None and match.match == "fuzzy" and _same_length(expanded, match.name, locality):
        return match.name, "fuzzy", match.confidence
    name = expanded[:1].upper() + expanded[1:]
    return qualify(name, locality), "unknown", None


def _same_length(printed: str, canonical: str, locality: Province | None) -> bool:
    """Whether the registry name stands for all that is printed (not "Ngân hàng Nhà nước" for "Ngân hàng
    Nhà nước chi nhánh khu vực 14")."""
    p, c = fold(printed), fold(canonical)
    if locality is not None:
        c = c.replace(" " + fold(locality.full_name), "").replace(" " + fold(locality.name), "")
        p = p.replace(" " + fold(locality.full_name), "").replace(" " + fold(locality.name), "")
    for unit in words()["bare_units"]:
        p = p.removesuffix(" " + unit)
        c = c.removesuffix(" " + unit)
    return len(p.split()) <= len(c.split()) + 1


@cache
def _unit_before_tail_re() -> re.Pattern[str]:
    # A bare unit between a class and its tail: "Các sở, ban, ngành tỉnh có liên quan" (556/KH-UBND).
    w = words()
    related = [t for t in w["class_tails"] if t.endswith(w["related"])]
    return re.compile(rf"\s+(?:{alternation(w['bare_units'], ignore_case=True)})\s+(?P<tail>(?:{alternation(related, ignore_case=True)}))$", re.IGNORECASE)


def _owner_in_full(name: str) -> str:
    """A class's owner printed short, named in full: "Các tổ chức thành viên của Mặt trận thành phố Hồ Chí Minh" →
    "… của Mặt trận Tổ quốc Việt Nam thành phố Hồ Chí Minh" (174/KH-UBND)."""
    for short, full in words()["owner_short_names"].items():
        m = re.search(rf"(?<!\w){words()['owner_word']}\s+{re.escape(short)}(?!\w)", name)
        if m and not name[m.end():].lstrip().startswith(full[len(short):].strip()):
            name = name[:m.end()] + full[len(short):] + name[m.end():]
    return name


def qualify(name: str, locality: Province | None) -> str:
    """A class or an unplaced body in the issuer's province: "Các sở, ban, ngành" → "Các sở, ban, ngành
    tỉnh Kon Tum"; "… Thành phố" → "… Thành phố Hồ Chí Minh"; a name placed already is left as it is.

    >>> qualify("Hội Liên hiệp Phụ nữ Thành phố", vocabulary().province("Hồ Chí Minh"))
    'Hội Liên hiệp Phụ nữ Thành phố Hồ Chí Minh'
    >>> qualify("Ngân hàng Nhà nước chi nhánh khu vực 14", vocabulary().province("Cần Thơ"))
    'Ngân hàng Nhà nước chi nhánh khu vực 14'
    >>> qualify("Các sở, ban, ngành tỉnh có liên quan", vocabulary().province("Đồng Tháp"))
    'Các sở, ban, ngành có liên quan tỉnh Đồng Tháp'
    >>> qualify("Các chủ rừng", vocabulary().province("Hải Phòng"))
    'Các chủ rừng trên địa bàn thành phố Hải Phòng'
    """
    if locality is None:
        return name
    if m := _unit_before_tail_re().search(name):
        name = name[:m.start()] + " " + m["tail"]  # "Các sở, ban, ngành tỉnh có liên quan" → "… có liên quan tỉnh X"
    key = fold(name)
    if any(key.endswith(f" {fold(words()['located'])} {u}") for u in words()["bare_units"]) \
            and fold(locality.name) not in key:
        return f"{name} {locality.name}"  # "Thủ trưởng cơ quan Trung ương trên địa bàn thành phố" → "… thành phố Cần Thơ"
    if fold(locality.name) in key or any(re.search(rf"(?<!\w){re.escape(fold(p))}(?!\w)", key) for p in words()["placed"]) \
            or re.search(r"\d\s*$", name):
        return name
    for alias in locality.aliases:
        if fold(alias) in key:
            return name
    if any(key.endswith(" " + u) for u in words()["bare_units"]):
        return f"{name} {locality.name}"
    last = name.split()[-1]
    if last[:1].isupper() and not plural_re().match(key) and len(name.split()) > 2 \
            and fold(last) not in _council_words():
        return name  # "Công ty Điện lực Quảng Trị", "Hợp tác xã dịch vụ điện Quảng Phú": placed by its name
    if key.endswith(" " + fold(words()["located"])):
        return f"{name} {locality.full_name}"  # "Các Ngân hàng thương mại trên địa bàn" (157/KH-UBND)
    if (m := plural_re().match(key)) and any(key[m.end():].startswith(fold(n)) for n in words()["located_nouns"]):
        return f"{name} {words()['located']} {locality.full_name}"  # "Các chủ rừng trên địa bàn thành phố Hải Phòng"
    return f"{name} {locality.full_name}"


def _headed(head: str, name: str) -> str:
    """A title before a body or class: "Thủ trưởng" + "Các sở, ban, ngành …" → "Thủ trưởng các sở, ban, ngành …"."""
    if m := plural_re().match(name):
        name = name[:m.end()].lower() + name[m.end():]
    return f"{_capital(head)} {name}"


@cache
def _council_names() -> tuple[str, ...]:
    """The canonical names of the local councils: "Ủy ban nhân dân", "Hội đồng nhân dân"."""
    return tuple(c[0] for c in words()["councils"])


def _council_of(printed: str) -> str:
    """"UBND" → "Ủy ban nhân dân", "HĐND" → "Hội đồng nhân dân"."""
    key = fold(printed)
    return next((c[0] for c in words()["councils"] if key in {fold(x) for x in c}), _council_names()[0])


@cache
def _council_words() -> frozenset[str]:
    """The words of the councils' names: a name that ends with one is not placed by it ("… Ủy ban nhân dân")."""
    nouns = {fold(n) for n in words()["class_nouns"]}
    return frozenset(w for c in _council_names() for w in fold(c).split() if w not in nouns)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
