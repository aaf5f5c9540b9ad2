"""A list of agencies in a sentence → canonical groups, each with where it was printed.

"Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các
tỉnh, thành phố trực thuộc Trung ương và các cơ quan, tổ chức, cá nhân có liên quan chịu trách
nhiệm thi hành …" reads as three groups: "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
"Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", and a catch-all that names no one.

Pieces are cut at commas, semicolons and "và"; a piece joins the group before it when it only
continues it ("ban", "ngành" after "các sở"; "thị xã" after "Ủy ban nhân dân các huyện") and starts a
group of its own when it names a body, starts with "các" or a head ("Giám đốc", "Chủ tịch"), or is
a different tier ("các Bộ, ngành, địa phương và cơ sở" → bộ/ngành · địa phương · cơ sở). Registry
names are protected from cutting ("Sở Văn hóa, Thể thao và Du lịch"). The list ends where the task
starts ("… cấp huyện căn cứ chức năng …", "… báo chí tiếp tục …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from graph.vocabulary import Province, fold, vocabulary

from .agencies import expand_abbreviations, resolve_agency, tidy
from ..lexicon.vocab import alternation, common, duties, one_of, phrases_re

MASK = "\uE000"
KIND_FUZZY_CUTOFF = 0.9
_LISTS = duties()["lists"]  # the words of lists of bodies (duties.toml)
PLURAL, LEVEL, WITHIN = common()["plural"], _LISTS["level"], _LISTS["within"]  # "các", "cấp", "thuộc"
JOINERS = one_of(_LISTS["joiners"])  # "và|cùng"
LOCAL_GOVERNMENT = _LISTS["local_government"][0]  # "Ủy ban nhân dân", the name of a group of them
# Cuts between pieces: "các sở, ban, ngành; Chủ tịch …", "… và các cơ quan …" — a comma or semicolon (with
# the spaces around it and a "và" or "cùng" after it), or "và" / "cùng" between spaces. The first character
# is matched before the branches (a comma or semicolon: the look-behind), so that a search skips at C speed.
SEPARATOR_RE = re.compile(rf"[\s,;](?:(?<=[,;])\s*(?:(?:{JOINERS})\s+)?|\s*[,;]\s*(?:(?:{JOINERS})\s+)?|\s*(?:{JOINERS})\s+)")
# Where a list can end at the latest: ". ", a colon, an opening bracket ("(sau đây gọi là …)").
STOP_RE = re.compile(r"\.(?=\s|$)|:(?=\s|$)|\(|\./\.|\[(?:\.\.\.|…)\]")
# "Ủy ban nhân dân các huyện, …", "UBND huyện, thị xã, thành phố", "Uỷ ban nhân dân cấp huyện".
LOCAL_GOV_RE = re.compile(rf"^(?:{one_of(_LISTS['local_government'])})(?:\s+(?P<rest>.*))?$", re.IGNORECASE)
# What may follow a registry name inside one agency: "… tỉnh Kon Tum", "… Thành ủy", "… Hậu Giang".
NAME_TAIL_RE = re.compile(rf"(?:\s+(?:{one_of(_LISTS['name_tails'])})(?=\s|$))?"
                          r"(?:\s+[A-ZĐ\u00C0-\u00DD\u1EA0-\u1EF8][\w-]*)*")
# A capital (or a hyphen) after a body noun makes a proper name: "Đài Phát thanh", "Trung tâm - …".
PROPER_NAME_AFTER_RE = re.compile(r"\s+(?:[A-ZĐ\u00C0-\u00DD\u1EA0-\u1EF8]|-)")
# "các " before a class of bodies.
PLURAL_RE = re.compile(rf"^{one_of(PLURAL)}\s+", re.IGNORECASE)
# A piece that already names a place: "… thuộc tỉnh Kon Tum", "… trực thuộc Trung ương".
THUOC_RE = re.compile(rf"^(?:{one_of(_LISTS['belongs'])})\b", re.IGNORECASE)
# A comma before "thuộc", dropped from a collective's name: "các sở, ban, ngành, thuộc tỉnh" → "… ngành thuộc tỉnh".
COMMA_WITHIN_RE = re.compile(rf",\s+(?={one_of(WITHIN)}\b)")


@dataclass(frozen=True)
class Group:
    """One agency (or class of agencies) in a list."""

    printed: str                     # as printed, head stripped ("Sở Xây dựng", "các sở, ban ngành …")
    span: tuple[int, int]            # offsets into the text the list was read from
    name: str | None                 # canonical and qualified; None for catch-alls and addressee phrases
    match: str                       # registry | fuzzy | collective | unknown | catch_all | addressees
    confidence: float | None = None


@dataclass(frozen=True)
class AgencyList:
    groups: tuple[Group, ...]
    start: int
    end: int  # where the list ends (the task starts here)

    @property
    def named(self) -> list[Group]:
        return [g for g in self.groups if g.name]

    @property
    def addressed(self) -> bool:
        """The list says "the addressees" ("các đơn vị, địa phương")."""
        return any(g.match == "addressees" for g in self.groups)


@dataclass
class _Draft:
    parts: list[str]
    start: int
    end: int
    origin: int
    plural: bool = False
    level: str | None = None        # tier of a class of bodies; None for a named body
    qualify: str = "none"
    local_gov: bool = False
    units: list[str] = field(default_factory=list)
    catch: bool = False


@dataclass(frozen=True)
class _Kind:
    word: str
    level: str
    qualify: str


@cache
def _kinds() -> dict[str, _Kind]:
    out = {}
    for entry in duties()["kind"]:
        for word in entry["words"]:
            out[fold(word)] = _Kind(word, entry["level"], entry["qualify"])
    return out


@cache
def _kind_re() -> re.Pattern[str]:
    return phrases_re([k.word for k in _kinds().values()], at_start=True)


def _kind_of(text: str) -> tuple[_Kind, str, float] | None:
    """The class of bodies ``text`` starts with; a cut or misspelt one by fuzzy match.

    >>> _kind_of("cơ quan thuộc Chính ph")[1:]
    ('cơ quan thuộc Chính phủ', 0.978)
    """
    exact = _kind_re().match(text)
    best = process.extractOne(fold(text), list(_kinds()), scorer=Indel.normalized_similarity,
                              score_cutoff=KIND_FUZZY_CUTOFF)
    if best is not None and (exact is None or len(best[0]) > exact.end() and best[1] < 1.0):
        kind = _kinds()[best[0]]
        return kind, kind.word, round(best[1], 3)
    if exact is None:
        return None
    kind = _kinds()[fold(exact.group())]
    return kind, exact.group(), 1.0


@cache
def _head_re() -> re.Pattern[str]:
    heads = duties()["lists"]["heads"]
    return re.compile(rf"^(?P<plural>{one_of(PLURAL)}\s+)?(?P<head>{alternation(heads, ignore_case=True)})(?!\w)\s*:?\s*",
                      re.IGNORECASE)


def _registry_names() -> list[str]:
    """Registry names and aliases long enough not to be abbreviations ("UBND" is expanded instead)."""
    v = vocabulary()
    return [n for b in (*v.central, *v.local) for n in (b.name, *b.aliases) if len(n) > 4]


@cache
def _registry_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_registry_names(), ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def _protect_re() -> re.Pattern[str]:
    return phrases_re(_registry_names() + duties()["lists"]["protected"] + duties()["assign"]["addressees"])


@cache
def _task_re() -> re.Pattern[str]:
    return phrases_re(duties()["assign"]["task_starts"])


@cache
def _catch_re() -> re.Pattern[str]:
    return phrases_re(duties()["assign"]["catch_all"], ignore_case=False)


@cache
def _catch_head_re() -> re.Pattern[str]:
    return phrases_re(duties()["assign"]["catch_heads"], at_start=True)


@cache
def _body_noun_re() -> re.Pattern[str]:
    return phrases_re(duties()["lists"]["body_nouns"], at_start=True, ignore_case=False)


@cache
def _addressee_prefixes() -> tuple[str, ...]:
    """The addressee phrases folded, for ``str.startswith`` (any of them)."""
    return tuple(fold(p) for p in duties()["assign"]["addressees"])


@cache
def _addressee_phrases() -> frozenset[str]:
    return frozenset(_addressee_prefixes())


@cache
def _unit_re() -> re.Pattern[str]:
    units = alternation(_LISTS["units"], ignore_case=True)
    return re.compile(rf"^(?:{one_of(PLURAL)}\s+|{one_of(LEVEL)}\s+)?(?:{units})(?!\w)", re.IGNORECASE)


def mask(text: str) -> str:
    """``text`` with registry names and fixed phrases blanked out (same length), so that their commas,
    "và" and verbs ("Sở Xây dựng", "Ban Chỉ đạo") are not read as list structure."""
    return _protect_re().sub(lambda m: MASK * len(m.group()), text)


def list_end(text: str, pos: int, limit: int | None = None) -> int:
    """Where a sentence-level list starting at ``pos`` can end at the latest."""
    limit = len(text) if limit is None else limit
    at = pos
    while m := STOP_RE.search(text, at, limit):
        if m.group() == ":" and _head_re().search(text[max(pos, m.start() - 20):m.start()].split(",")[-1].strip() + ":"):
            at = m.end()  # "Giao Giám đốc: Sở …" — the colon follows a head, the list goes on
            continue
        return m.start()
    return limit


def read_list(text: str, pos: int, locality: Province | None = None, limit: int | None = None,
              require_task: bool = False) -> AgencyList | None:
    """The agencies listed from ``pos``; ``None`` when the text there does not start with one.

    With ``require_task`` the list must be followed by a task word (a subject-first sentence:
    "Các sở, … Ủy ban nhân dân các huyện, thành phố căn cứ chức năng …").
    """
    stop = list_end(text, pos, limit)
    masked = mask(text[pos:stop])
    task = _task_re().search(masked)
    end = pos + task.start() if task else stop
    if require_task and not task:
        return None
    cut: list[int] = []
    drafts = _drafts(text, masked[: end - pos], pos, cut)
    if cut:
        end = cut[0]
    if not drafts:
        return None
    groups = tuple(_resolve(d, locality) for d in _merged(drafts))
    return AgencyList(groups, pos, end)


def _pieces(masked: str, offset: int) -> list[tuple[int, int]]:
    out, at = [], 0
    for m in SEPARATOR_RE.finditer(masked):
        if m.start() > at:
            out.append((offset + at, offset + m.start()))
        at = m.end()
    if at < len(masked.rstrip(" ,;")):
        out.append((offset + at, offset + len(masked.rstrip(" ,;"))))
    return out


def _drafts(text: str, masked: str, offset: int, cut: list[int]) -> list[_Draft]:
    drafts: list[_Draft] = []
    origin = 0
    for a, b in _pieces(masked, offset):
        piece = text[a:b].strip()
        if not piece or fold(piece) == fold(PLURAL):
            continue
        lead = len(text[a:b]) - len(text[a:b].lstrip())
        a += lead
        current = drafts[-1] if drafts else None
        headed = carry = False
        while (head := _head_re().match(piece)) and _strippable(piece[head.end():], masked[a - offset + head.end():]):
            headed = True
            carry = carry or bool(head["plural"])
            rest = piece[head.end():]
            if rest:
                a += head.end()
                keep = duties()["lists"]["head_keeps"].get(fold(head["head"]))
                piece = f"{keep} {rest}" if keep else rest
                continue
            piece = duties()["lists"]["head_bodies"].get(_capital(head["head"]), "")
            break
        if carry and piece and not PLURAL_RE.match(piece) and not _named_start(piece, masked[a - offset:]):
            piece = f"{PLURAL} {piece}"
        if not piece:
            continue  # "Giao Giám đốc: Sở …" — the bodies follow
        if _named_start(piece, masked[a - offset:]) and not LOCAL_GOV_RE.match(expand_abbreviations(piece)):
            reg = _registry_re().match(piece)
            run = reg.end() if reg else 0
            if run:
                tail = NAME_TAIL_RE.match(piece, run)
                if tail.end() < len(piece):  # "UBND tỉnh nhận được …" — the name stops before "nhận"
                    piece = piece[:tail.end()].rstrip()
                    drafts.append(_Draft([piece], a, a + len(piece), origin + 1))
                    cut.append(a + len(piece))
                    break
            if _catch_re().search(piece):
                origin += 1
                drafts.append(_Draft([piece], a, b, origin, catch=True))
                continue
            origin += 1
            drafts.append(_Draft([piece], a, b, origin))
            continue
        plural = bool(PLURAL_RE.match(piece))
        bare = PLURAL_RE.sub("", piece)
        kind = _kind_of(bare)
        if kind is not None and kind[2] < 1.0:
            piece = f"{PLURAL} {kind[1]}" if plural else kind[1]
        local = LOCAL_GOV_RE.match(expand_abbreviations(bare)) if not plural else None
        if current is not None and current.catch and not plural and not headed and piece[:1].islower():
            current.parts.append(piece)
            current.end = b
            continue
        if _catch_re().search(piece) and not local:
            starts_catch = _catch_head_re().match(piece) is not None
            if current is not None and not plural and not headed and not starts_catch \
                    and current.level is not None and not current.local_gov:
                current.parts.append(piece)
                current.end = b
                _spread_catch(drafts, current.origin)
                continue
            origin += 1
            drafts.append(_Draft([piece], a, b, origin, catch=True))
            continue
        if local and not plural:
            origin += 1
            rest = (local["rest"] or "").strip()
            units, unit_plural = _units(rest)
            if units:
                drafts.append(_Draft([piece], a, b, origin, plural=unit_plural, level="local_gov",
                                     local_gov=True, units=units))
            else:
                drafts.append(_Draft([piece], a, b, origin))
            continue
        if current is not None and current.local_gov and not plural and not headed and _unit_re().match(piece):
            current.units.append(piece)
            current.end = b
            continue
        if kind and not headed and not plural and current is not None and current.level is not None \
                and not current.local_gov:
            k = kind[0]
            if _compatible(current.level, k.level):
                current.parts.append(piece)
                current.end = b
                continue
            drafts.append(_Draft([f"{PLURAL} {piece}"], a, b, current.origin, plural=True, level=k.level,
                                 qualify=k.qualify))
            continue
        if kind and (plural or headed or current is None or current.level is None):
            k = kind[0]
            origin += 1
            drafts.append(_Draft([piece], a, b, origin, plural=plural, level=k.level, qualify=k.qualify))
            continue
        if current is not None and not plural and not headed and (THUOC_RE.match(piece) or piece[:1].islower()):
            if THUOC_RE.match(piece):
                current.parts[-1] += " " + piece  # "các sở, ban, ngành, thuộc tỉnh" → "… ngành thuộc tỉnh"
            else:
                current.parts.append(piece)
            current.end = b
            continue
        # Anything else is no agency: stray words ("đồng thời"), a capitalised task ("Đề cao hơn nữa …").
        # An unknown body must at least start like one ("Đài …", "Trung tâm …"): see _named_start.
    return drafts


def _strippable(rest: str, masked: str) -> bool:
    """Whether a head title can go: "Thủ trưởng các sở" → yes; "Chủ tịch nước" (a body) → no."""
    if not rest or masked.startswith(MASK) or rest[:1].isupper() or PLURAL_RE.match(rest):
        return True
    return bool(_kind_re().match(rest) or _head_re().match(rest) or LOCAL_GOV_RE.match(rest))


def _named_start(piece: str, masked: str) -> bool:
    """The piece starts with a registry name or a body's proper name ("Đài Phát thanh - …")."""
    if masked.lstrip().startswith(MASK) and not PLURAL_RE.match(piece):
        return not fold(piece).startswith(_addressee_prefixes())
    m = _body_noun_re().match(piece)
    return bool(m) and bool(PROPER_NAME_AFTER_RE.match(piece, m.end()))


def _spread_catch(drafts: list[_Draft], origin: int) -> None:
    for d in drafts:
        if d.origin == origin:
            d.catch = True


def _units(rest: str) -> tuple[list[str], bool]:
    """"các huyện" → (["huyện"], True); "cấp huyện" → (["cấp huyện"], False); "tỉnh Kon Tum" → ([], False)."""
    plural = bool(PLURAL_RE.match(rest))
    bare = PLURAL_RE.sub("", rest)
    m = _unit_re().match(bare)
    if not m or (m.end() < len(bare) and not plural and not bare.startswith(LEVEL)):
        return [], False
    if not plural and fold(m.group()) in _province_units():
        return [], False  # "Ủy ban nhân dân tỉnh" is one body, not a class
    return [bare], plural


@cache
def _province_units() -> frozenset[str]:
    """The provincial units, folded: "tỉnh", "thành phố"."""
    return frozenset(fold(u) for u in common()["province_units"])


def _compatible(a: str, b: str) -> bool:
    return a == b or "any" in (a, b)


def _merged(drafts: list[_Draft]) -> list[_Draft]:
    """Adjacent classes of one tier are one group: "các sở" + "các ban, ngành, đơn vị cấp tỉnh"."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and not d.catch and not prev.catch and d.level in ("central", "provincial") \
                and prev.level is not None and _compatible(prev.level, d.level) and not prev.local_gov:
            prev.parts.extend(PLURAL_RE.sub("", p) for p in d.parts)
            prev.end = d.end
            continue
        out.append(d)
    return out


def _qualified_collective(text: str, locality: Province | None) -> str:
    if locality is None or fold(locality.name) in fold(text):
        return text
    words = fold(text).split()
    if any(words[-len(unit.split()):] == unit.split() for unit in _province_units()):
        return f"{text} {locality.name}"  # "… ngành tỉnh" + "Kon Tum"
    return f"{text} {locality.unit} {locality.name}"


def _resolve(d: _Draft, locality: Province | None) -> Group:
    printed = ", ".join(d.parts) if not d.local_gov else d.parts[0]
    span = (d.start, d.end)
    if d.catch:
        return Group(printed, span, None, "catch_all")
    if fold(printed) in _addressee_phrases():
        return Group(printed, span, None, "addressees")
    if d.local_gov:
        expansions = duties()["lists"]["unit_expansions"]
        units = [expansions.get(u, u) for u in (PLURAL_RE.sub("", u) for u in d.units)]
        plural = d.plural or (len(units) > 1 and not units[0].startswith(LEVEL))
        name = f"{LOCAL_GOVERNMENT} " + (f"{PLURAL} " if plural else "") + ", ".join(units)
        sub = set(duties()["lists"]["sub_provincial_units"])
        if locality is not None and any(u.split()[0] in sub or u in sub for u in units) \
                and f" {WITHIN} " not in f" {name} " and fold(locality.name) not in fold(name):
            name += f" {WITHIN} {locality.unit} {locality.name}"
        return Group(printed, span, name, "collective", 1.0)
    if d.level is not None:
        text = tidy(expand_abbreviations(", ".join(d.parts)))
        text = COMMA_WITHIN_RE.sub(" ", text)
        text = _capital(PLURAL_RE.sub(f"{_capital(PLURAL)} ", text, count=1) if d.plural else text)
        if d.qualify == "unit":
            text = _qualified_collective(text, locality)
        return Group(printed, span, text, "collective", 1.0)
    match = resolve_agency(printed, locality)
    if match is None:
        return Group(printed, span, None, "catch_all")
    return Group(printed, span, _capital(match.name), match.match, match.confidence)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
