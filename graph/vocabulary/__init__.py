"""Domain vocabulary loaded from the TOML files beside this module.

Document types (``doc_types.toml``), central, local and district-level agencies with their symbol
codes and abbreviations (``agencies.toml``), the provincial units with the 2025 mergers
(``provinces.toml``) and the dated changes to bodies (``succession.toml``, plus the province
mergers derived from ``provinces.toml``). Lookups go through :func:`fold`, so case, Unicode form,
spacing and the old tone placement ("Thanh Hoá", "UỶ BAN") do not matter.

:func:`successors` follows the changes: which bodies carry a body on at a date.

>>> successors("Sở Kế hoạch và Đầu tư tỉnh Kon Tum", on="2025-12-31")
('Sở Tài chính tỉnh Quảng Ngãi',)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date as _date
from functools import cache, lru_cache
from importlib import resources

from ..ids import slug

# Old-style tone placement on the first vowel of a word-final "oa", "oe", "uy" → modern placement:
# "hoá" → "hóa", "UỶ" → "ỦY". "quý" is left alone (the "u" belongs to "qu").
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONES.update({k.upper(): v.upper() for k, v in _OLD_TONES.items()})
_OLD_TONES.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in list(_OLD_TONES.items()) if k.islower()})
# "Thanh Hoá", "UỶ BAN", "hoà" — a word-final pair, not preceded by "q".
# Grouped by the first letter ("o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]|…"), one branch per letter, not one per pair.
_BY_FIRST: dict[str, str] = {}
for _pair in sorted(_OLD_TONES):
    _BY_FIRST[_pair[0]] = _BY_FIRST.get(_pair[0], "") + _pair[1]
# (The "not after q" look-behind is checked after the first letter, so that every branch starts with a letter
# and a search skips to those at C speed.)
OLD_TONE_RE = re.compile(r"(" + "|".join(f"{first}(?<![qQ].)[{rest}]" for first, rest in _BY_FIRST.items())
                         + r")(?![^\W\d_])")


_MODERN_TONES = {v: k for k, v in _OLD_TONES.items()}
# "Thanh Hóa", "ỦY BAN", "hòa" — a word-final modern pair, not preceded by "q" (the inverse of OLD_TONE_RE).
MODERN_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(re.escape(p) for p in sorted(_MODERN_TONES)) + r")(?![^\W\d_])")


def old_tones(text: str) -> str:
    """Move tone marks to the old position: ``"Thanh Hóa"`` → ``"Thanh Hoá"`` (how 41 of the 375 whole
    documents print them), so that a pattern can take both."""
    return MODERN_TONE_RE.sub(lambda m: _MODERN_TONES[m.group(1)], text)


def modern_tones(text: str) -> str:
    """Move tone marks to the modern position: ``"Thanh Hoá"`` → ``"Thanh Hóa"``."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)


# "Sở  Xây dựng" → one space; " - " around a hyphen: "Bà Rịa-Vũng Tàu" → "bà rịa - vũng tàu".
SPACED_HYPHEN_RE = re.compile(r"\s*-\s*")
SPACES_RE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # the same names are folded again and again: agency lists, headers, codes
def fold(text: str) -> str:
    """Comparison key: NFC, modern tones, case-folded, whitespace collapsed, spaced hyphens unified.

    >>> fold("UỶ BAN NHÂN DÂN  TỈNH THANH HOÁ") == fold("Ủy ban nhân dân tỉnh Thanh Hóa")
    True
    """
    text = modern_tones(text).casefold()
    text = SPACED_HYPHEN_RE.sub(" - ", text)
    return SPACES_RE.sub(" ", text).strip()


# The digits a symbol part may end with: "QH15" → "QH".
TRAILING_DIGITS_RE = re.compile(r"\d+$")
# The unit word before a province's name (folded text): "tỉnh kon tum", "thành phố hải phòng", "tp. hà nội".
UNIT_PREFIX_RE = re.compile(r"^(?P<unit>tỉnh|thành phố|tp\.?)\s+")


@dataclass(frozen=True)
class DocType:
    name: str
    abbr: tuple[str, ...]
    aliases: tuple[str, ...]
    family: str
    named: bool  # cited by name and date ("Luật Tổ chức Chính phủ ngày …"), not by number
    en: str = ""  # the English name: the English label of the type's SKOS concept (graph/ontology.py)


@dataclass(frozen=True)
class CentralBody:
    name: str
    symbol: tuple[str, ...]
    aliases: tuple[str, ...]
    level: str


@dataclass(frozen=True)
class LocalBody:
    name: str
    symbol: tuple[str, ...]
    aliases: tuple[str, ...]
    pattern: str | None
    department: bool

    @property
    def party(self) -> bool:
        """A body of the Party ("Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"), not of the State."""
        return bool(self.pattern) and "{party}" in self.pattern

    def qualified(self, province: "Province") -> str:
        """The body's name in one province: ``Sở Xây dựng`` → ``Sở Xây dựng tỉnh Kon Tum``."""
        if self.department:
            return f"{self.name} {province.unit} {province.name}"
        party = "Thành ủy" if province.unit == "thành phố" else "Tỉnh ủy"
        name = province.name if "{unit}" in self.pattern else province.proper_name  # the unit printed once
        return self.pattern.format(unit=province.unit, name=name, party=party)


@dataclass(frozen=True)
class Province:
    name: str
    unit: str  # "tỉnh" | "thành phố"
    aliases: tuple[str, ...] = ()
    merged_into: str | None = None
    merged_on: str | None = None
    since: str | None = None  # the day the unit came into being, if after 2024 ("Huế": 2025-01-01)
    named_with_unit: bool = False  # never named without its unit: "Thành phố Hồ Chí Minh", not "Hồ Chí Minh"

    @property
    def full_name(self) -> str:
        return f"{self.unit} {self.name}"

    @property
    def proper_name(self) -> str:
        """The name after a body's own name: "Đài Phát thanh và Truyền hình Hậu Giang", "Thành ủy Thành phố Hồ Chí
        Minh" (a city named after a person keeps its unit)."""
        return f"{self.unit[:1].upper()}{self.unit[1:]} {self.name}" if self.named_with_unit else self.name


@dataclass(frozen=True)
class DistrictBody:
    """A district-level (cấp huyện) body, named with its district, not its province."""

    name: str  # "Ủy ban nhân dân cấp huyện"
    prefixes: tuple[str, ...]  # the name before the district: "Ủy ban nhân dân", "UBND"; first canonical
    aliases: tuple[str, ...] = ()

    def qualified(self, district: str) -> str:
        """The body's name in one district: ``huyện Đăk Hà`` → ``Ủy ban nhân dân huyện Đăk Hà``."""
        return f"{self.prefixes[0]} {district}"


# What the names of a change event are (see succession.toml):
NATIONAL = "national"  # central bodies: "Bộ Kế hoạch và Đầu tư"
EVERY_PROVINCE = "every province"  # local bodies, the same change in each province: "Sở Tài chính"
EVERY_DISTRICT = "every district"  # district-level bodies: "Ủy ban nhân dân cấp huyện"
PROVINCE = "province"  # provincial units: "tỉnh Kon Tum"
EVENT_SCOPES = (NATIONAL, EVERY_PROVINCE, EVERY_DISTRICT, PROVINCE)
EVENT_KINDS = ("merger", "rename", "split", "abolition")


@dataclass(frozen=True)
class ChangeEvent:
    """A dated change to bodies, after the W3C ORG ``org:ChangeEvent``.

    ``predecessors`` (org:originalOrganization) are carried on by ``successors``
    (org:resultingOrganization) from ``date`` on; an abolition has no successors. ``scope`` says
    what the names are: one of :data:`EVENT_SCOPES`.

    >>> ChangeEvent("x", "2025-07-01", "abolition", ("Ủy ban nhân dân cấp huyện",), ("Sở Nội vụ",), "")
    Traceback (most recent call last):
    ...
    ValueError: x: an abolition has no successors
    """

    id: str
    date: str  # ISO, the first day the successors act
    kind: str  # one of EVENT_KINDS
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    basis: str  # as printed: "Nghị quyết 176/2025/QH15"
    note: str = ""
    scope: str = NATIONAL

    def __post_init__(self) -> None:
        _iso(self.date)
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"{self.id}: kind {self.kind!r} is not one of {EVENT_KINDS}")
        if self.scope not in EVENT_SCOPES:
            raise ValueError(f"{self.id}: scope {self.scope!r} is not one of {EVENT_SCOPES}")
        if not self.predecessors:
            raise ValueError(f"{self.id}: no predecessors")
        if (self.kind == "abolition") != (not self.successors):
            problem = "an abolition has no successors" if self.successors else "only an abolition has no successors"
            raise ValueError(f"{self.id}: {problem}")


def _iso(day: str) -> str:
    """``day`` as an ISO date, or ``ValueError``: ``"2025-07-01"`` → ``"2025-07-01"``."""
    return _date.fromisoformat(day).isoformat()


@dataclass(frozen=True, eq=False)  # hashed by identity: the cached indexes below take it as their key
class Vocabulary:
    doc_types: tuple[DocType, ...]
    central: tuple[CentralBody, ...]
    local: tuple[LocalBody, ...]
    provinces: tuple[Province, ...]
    abbreviations: dict[str, str] = field(hash=False)
    districts: tuple[DistrictBody, ...] = field(default=(), hash=False)
    district_units: tuple[str, ...] = field(default=(), hash=False)  # "huyện", "quận", "thị xã", …
    events: tuple[ChangeEvent, ...] = field(default=(), hash=False)  # by date, then id
    heads: tuple[str, ...] = field(default=(), hash=False)  # office-holders' titles: "Giám đốc", "Bộ trưởng", …

    # -- document types -------------------------------------------------------------------------
    def doc_type(self, word: str) -> DocType | None:
        """The type named by ``word`` ("KẾ HOẠCH", "Văn bản", "nghị quyết")."""
        return _doc_type_index(self).get(fold(word))

    def doc_type_by_abbr(self, abbr: str) -> DocType | None:
        """The type whose symbol abbreviation is ``abbr`` ("NQ", "CTr"); exact case first."""
        index = _abbr_index(self)
        return index.get(abbr) or index.get(fold(abbr))

    def type_words(self) -> list[str]:
        """Every word naming a type, longest first (for building regexes)."""
        words = {t.name for t in self.doc_types} | {a for t in self.doc_types for a in t.aliases}
        return sorted(words, key=len, reverse=True)

    # -- agencies -------------------------------------------------------------------------------
    def central_body(self, name: str) -> CentralBody | None:
        return _central_index(self).get(fold(name))

    def local_body(self, name: str) -> LocalBody | None:
        return _local_index(self).get(fold(name))

    def body_by_symbol(self, code: str) -> CentralBody | LocalBody | None:
        """The body a symbol part stands for: "CP", "TTg", "QH15", "UBND", "STC"."""
        code = TRAILING_DIGITS_RE.sub("", code)
        return _symbol_index(self).get(code) or _symbol_index(self).get(fold(code))

    def province(self, name: str) -> Province | None:
        """A province by name ("Thanh Hoá", "TỈNH KON TUM", "thành phố Hải Phòng")."""
        key = fold(name)
        key = UNIT_PREFIX_RE.sub("", key)
        return _province_index(self).get(key)

    def province_names(self) -> list[str]:
        """Every spelling of every province, longest first (for building regexes)."""
        names = {p.name for p in self.provinces} | {a for p in self.provinces for a in p.aliases}
        return sorted(names, key=len, reverse=True)

    def provinces_on(self, on: str) -> tuple[Province, ...]:
        """The provincial units in being on ``on`` (ISO date).

        >>> len(vocabulary().provinces_on("2025-06-30")), len(vocabulary().provinces_on("2025-07-01"))
        (63, 34)
        """
        on = _iso(on)
        return tuple(
            p for p in self.provinces
            if (p.since is None or p.since <= on) and (p.merged_on is None or p.merged_on > on)
        )

    def district_body(self, name: str) -> DistrictBody | None:
        """A district-level body by its generic name ("Ủy ban nhân dân cấp huyện", "UBND cấp huyện")."""
        return _district_index(self).get(fold(name))

    # -- where a body sits ---------------------------------------------------------------------
    def place_of(self, name: str) -> "Placed | None":
        """What a canonical agency name is: its kind, the registry body and the province it belongs to.

        >>> v = vocabulary()
        >>> v.place_of("Sở Xây dựng tỉnh Kon Tum")
        Placed(kind='local', body='Sở Xây dựng', province='Kon Tum')
        >>> v.place_of("Bộ Tài chính").kind, v.place_of("tỉnh Kon Tum").kind, v.place_of("Hội Nông dân xã X")
        ('central', 'province', None)
        """
        node = _resolve(self, name)
        if node is None:
            return None
        province = node.place if node.kind in ("local", "province") and node.place else None
        return Placed(node.kind, node.body or None, province)

    # -- office-holders -------------------------------------------------------------------------
    def titled(self, name: str) -> tuple[tuple[str, str], ...]:
        """The ways ``name`` reads as an office-holder's title (:attr:`heads`) followed by more words, longest title
        first: (the title as printed, what follows it).

        >>> vocabulary().titled("Chánh án Tòa án nhân dân tối cao")
        (('Chánh án', 'Tòa án nhân dân tối cao'), ('Chánh', 'án Tòa án nhân dân tối cao'))
        >>> vocabulary().titled("Giám đốc"), vocabulary().titled("Sở Tài chính tỉnh Quảng Ngãi")
        ((), ())
        """
        words = name.split()
        return tuple((" ".join(words[:n]), " ".join(words[n:])) for n, title in _heads_index(self)
                     if len(words) > n and fold(" ".join(words[:n])) == title)

    def head_of(self, name: str) -> tuple[str, str] | None:
        """(title, canonical name of the body) when ``name`` is an office-holder's title before a body the registry
        can place, and the registry does not know ``name`` itself as it is printed; ``None`` otherwise.

        >>> v = vocabulary()
        >>> v.head_of("Giám đốc Sở Kế hoạch và Đầu tư tỉnh Kon Tum")
        ('Giám đốc', 'Sở Kế hoạch và Đầu tư tỉnh Kon Tum')
        >>> v.head_of("Chánh Văn phòng UBND tỉnh Thái Nguyên")
        ('Chánh', 'Văn phòng Ủy ban nhân dân tỉnh Thái Nguyên')
        >>> v.head_of("Thủ tướng Chính phủ"), v.head_of("Giám đốc Trung tâm Phục vụ hành chính công tỉnh Cao Bằng")
        (None, None)
        """
        if _resolve(self, name) is not None:
            return None
        for title, rest in self.titled(name):
            if (body := self.canonical_name(rest)) is not None:
                return title, body
        return None

    # -- succession -----------------------------------------------------------------------------
    def successors(self, name: str, on: str | None = None) -> tuple[str, ...]:
        """The canonical names of the bodies that carry ``name`` on at ``on`` (ISO; default: latest).

        Follows :attr:`events` in date order up to and including ``on``. A known body no event
        touched comes back under its canonical name; an abolished one gives ``()``; a name the
        registry cannot place comes back as given. Local bodies are read with their province
        ("Sở Xây dựng tỉnh Kon Tum", "UBND tỉnh Bình Dương"), district-level ones with their
        district ("Ủy ban nhân dân huyện Đăk Hà").

        >>> v = vocabulary()
        >>> v.successors("BKHĐT"), v.successors("Bộ Kế hoạch và Đầu tư", on="2025-02-28")
        (('Bộ Tài chính',), ('Bộ Kế hoạch và Đầu tư',))
        >>> v.successors("Ủy ban nhân dân tỉnh Kon Tum")
        ('Ủy ban nhân dân tỉnh Quảng Ngãi',)
        >>> v.successors("UBND huyện Đăk Hà", on="2025-06-30"), v.successors("UBND huyện Đăk Hà")
        (('Ủy ban nhân dân huyện Đăk Hà',), ())
        """
        if on is not None:
            on = _iso(on)
        node = _resolve(self, name)
        if node is None:
            return (" ".join(name.split()),)
        nodes = [node]
        for event in self.events:
            if on is not None and event.date > on:
                break
            nodes = list(dict.fromkeys(after for before in nodes for after in _step(self, event, before)))
        return tuple(dict.fromkeys(_render(self, n) for n in nodes))

    def next_change(self, name: str, after: str | None = None) -> tuple[ChangeEvent, tuple[str, ...]] | None:
        """The first event after ``after`` (ISO, exclusive) that changes the body ``name``, and the canonical
        names that carry it on (``()`` when it was abolished); ``None`` if no event touches it.

        >>> ev, names = vocabulary().next_change("Sở Kế hoạch và Đầu tư tỉnh Kon Tum")
        >>> ev.date, names
        ('2025-03-01', ('Sở Tài chính tỉnh Kon Tum',))
        >>> vocabulary().next_change("Sở Tài chính tỉnh Kon Tum")[1]
        ('Sở Tài chính tỉnh Quảng Ngãi',)
        """
        node = _resolve(self, name)
        if node is None:
            return None
        for event in self.events:
            if after is not None and event.date <= after:
                continue
            moved = _step(self, event, node)
            if moved != (node,):
                return event, tuple(dict.fromkeys(_render(self, n) for n in moved))
        return None

    def canonical_name(self, name: str) -> str | None:
        """The registry's spelling of a body it can place, ``None`` if it cannot.

        >>> vocabulary().canonical_name("UBND tỉnh Kon Tum")
        'Ủy ban nhân dân tỉnh Kon Tum'
        """
        node = _resolve(self, name)
        return _render(self, node) if node is not None else None


@cache
def _doc_type_index(v: Vocabulary) -> dict[str, DocType]:
    index = {}
    for t in v.doc_types:
        index[fold(t.name)] = t
        for alias in t.aliases:
            index[fold(alias)] = t
    return index


@cache
def _abbr_index(v: Vocabulary) -> dict[str, DocType]:
    index: dict[str, DocType] = {}
    for t in v.doc_types:
        for a in t.abbr:
            index.setdefault(a, t)
            index.setdefault(fold(a), t)
    return index


def _names_index(bodies: tuple) -> dict:
    """Folded name and alias → body; the first body to claim a name keeps it."""
    index = {}
    for body in bodies:
        for name in (body.name, *body.aliases):
            index.setdefault(fold(name), body)
    return index


@cache
def _central_index(v: Vocabulary) -> dict[str, CentralBody]:
    return _names_index(v.central)


@cache
def _local_index(v: Vocabulary) -> dict[str, LocalBody]:
    return _names_index(v.local)


@cache
def _symbol_index(v: Vocabulary) -> dict[str, CentralBody | LocalBody]:
    index: dict[str, CentralBody | LocalBody] = {}
    for body in (*v.central, *v.local):
        for code in body.symbol:
            index.setdefault(code, body)
            index.setdefault(fold(code), body)
    return index


@cache
def _province_index(v: Vocabulary) -> dict[str, Province]:
    index = {}
    for p in v.provinces:
        for name in (p.name, *p.aliases):
            index[fold(name)] = p
    return index


@cache
def _district_index(v: Vocabulary) -> dict[str, DistrictBody]:
    return _names_index(v.districts)


@cache
def _heads_index(v: Vocabulary) -> tuple[tuple[int, str], ...]:
    """(words, folded title) of each office-holder's title, the longest first: "chánh án" before "chánh"."""
    return tuple(sorted({(len(t.split()), fold(t)) for t in v.heads}, key=lambda h: (-h[0], -len(h[1]), h[1])))


# -- succession ---------------------------------------------------------------------------------

# The provincial unit word left at the end once the province is cut off (folded text): "sở xây dựng
# tỉnh" from "Sở Xây dựng tỉnh Kon Tum", "ủy ban nhân dân thành phố", "ubnd tp." from "UBND TP. Hà Nội".
UNIT_SUFFIX_RE = re.compile(r"\s+(?P<unit>tỉnh|thành phố|tp\.?)$")


def _province_events(provinces: tuple[Province, ...], changes: dict[str, dict]) -> list[ChangeEvent]:
    """One event per (merged_into, merged_on) in provinces.toml; basis and note from ``changes``."""
    by_name = {p.name: p for p in provinces}
    groups: dict[tuple[str, str], list[Province]] = {}
    for p in provinces:
        if p.merged_into:
            if p.merged_into not in by_name or not p.merged_on:
                raise ValueError(f"provinces.toml: {p.name} merged into {p.merged_into!r} on {p.merged_on!r}")
            groups.setdefault((p.merged_into, p.merged_on), []).append(p)
    events = []
    for (name, on), merged in groups.items():
        target = by_name[name]
        if on not in changes:
            raise ValueError(f"succession.toml: no [[province_change]] for {on} ({target.full_name})")
        kept = target.since is None or target.since < on  # the target existed before and absorbed them
        predecessors = tuple(p.full_name for p in merged) + ((target.full_name,) if kept else ())
        events.append(ChangeEvent(
            id=f"{on}-{slug(target.full_name)}", date=on, kind="merger" if kept else "rename",
            predecessors=predecessors, successors=(target.full_name,), basis=changes[on]["basis"],
            note=changes[on].get("note", ""), scope=PROVINCE,
        ))
    return events


@dataclass(frozen=True)
class Placed:
    """Where a body sits: ``kind`` is "central" | "local" | "province" | "district"."""

    kind: str
    body: str | None  # registry name ("Sở Xây dựng"); None for a provincial unit itself
    province: str | None  # province name for local bodies and provincial units


@dataclass(frozen=True)
class _Node:
    """One body followed through the events."""

    kind: str  # "central" | "local" | "province" | "district"
    body: str = ""  # canonical body name; "" for a provincial unit itself
    place: str = ""  # province name ("local", "province"), district as printed ("district"); "" if none


@cache
def _qualified_index(v: Vocabulary) -> dict[str, tuple[LocalBody, Province]]:
    """Folded canonical qualified name → (body, province): "thành ủy hà nội" → (Tỉnh ủy, Hà Nội)."""
    return {fold(b.qualified(p)): (b, p) for b in v.local for p in v.provinces}


@cache
def _province_suffixes(v: Vocabulary) -> list[tuple[str, Province]]:
    """(folded spelling, province), longest spelling first ("thừa thiên huế" before "huế")."""
    pairs = [(fold(n), p) for p in v.provinces for n in (p.full_name, p.name, *p.aliases)]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


@cache
def _district_name_re(v: Vocabulary) -> re.Pattern[str]:
    """A district-level prefix, then a district: "Ủy ban nhân dân huyện Đăk Hà", "UBND thị xã Buôn Hồ"."""
    prefixes = sorted({x for b in v.districts for x in b.prefixes}, key=len, reverse=True)
    units = sorted(v.district_units, key=len, reverse=True)
    return re.compile(
        rf"^(?P<prefix>{'|'.join(map(re.escape, prefixes))})\s+(?P<place>(?:{'|'.join(map(re.escape, units))})\s+\S.*)$",
        re.IGNORECASE,
    )


def _local_in_province(v: Vocabulary, text: str) -> tuple[LocalBody, Province] | None:
    """"Sở KH&ĐT tỉnh Kon Tum" → (Sở Kế hoạch và Đầu tư, Kon Tum); "UBND thành phố Kon Tum" → None
    (a district-level city: the unit does not fit the province)."""
    key = fold(text)
    if hit := _qualified_index(v).get(key):
        return hit
    for spelling, province in _province_suffixes(v):
        if not key.endswith(" " + spelling):
            continue
        rest = key[: -len(spelling) - 1]
        unit = UNIT_SUFFIX_RE.search(rest)
        if unit and _unit(unit["unit"]) != province.unit:
            return None
        candidates = (rest, rest[: unit.start()]) if unit else (rest,)
        for candidate in candidates:
            if body := v.local_body(candidate):
                return body, province
        return None
    return None


def _province_named(v: Vocabulary, text: str) -> Province | None:
    """"Kon Tum", "tỉnh Kon Tum", "TP.HCM" → the province; "thành phố Kon Tum" → None (that city is
    district-level: the unit does not fit the province)."""
    province = v.province(text)
    if province is None:
        return None
    unit = UNIT_PREFIX_RE.match(fold(text))
    if unit and _unit(unit["unit"]) != province.unit and fold(text) not in {fold(a) for a in province.aliases}:
        return None
    return province


def _unit(word: str) -> str:
    """A folded unit word as Province.unit writes it: ``"tp."`` → ``"thành phố"``."""
    return "thành phố" if word.startswith("tp") else word


@lru_cache(maxsize=1 << 14)  # a build resolves the same few hundred agency names for every assignment
def _resolve(v: Vocabulary, name: str) -> _Node | None:
    """What ``name`` is, as a node the events can move; ``None`` if the registry cannot place it."""
    text = " ".join(modern_tones(name).split())
    if body := v.central_body(text):
        return _Node("central", body.name)
    if found := _local_in_province(v, text):
        return _Node("local", found[0].name, found[1].name)
    if body := v.local_body(text):
        return _Node("local", body.name)
    if province := _province_named(v, text):
        return _Node("province", "", province.name)
    if body := v.district_body(text):
        return _Node("district", body.name)
    if m := _district_name_re(v).match(text):
        prefix = fold(m["prefix"])
        body = next(b for b in v.districts if prefix in {fold(x) for x in b.prefixes})
        return _Node("district", body.name, m["place"])
    return None


def _step(v: Vocabulary, event: ChangeEvent, node: _Node) -> tuple[_Node, ...]:
    """``node`` after ``event``: itself if the event does not touch it, ``()`` if it ends it."""
    names = {fold(n) for n in event.predecessors}
    if event.scope == PROVINCE:
        if node.place and node.kind in ("local", "province") and fold(v.province(node.place).full_name) in names:
            return tuple(replace(node, place=v.province(s).name) for s in event.successors)
        return (node,)
    kind = {NATIONAL: "central", EVERY_PROVINCE: "local", EVERY_DISTRICT: "district"}[event.scope]
    if node.kind == kind and fold(node.body) in names:
        return tuple(replace(node, body=s) for s in event.successors)
    return (node,)


def _render(v: Vocabulary, node: _Node) -> str:
    """The canonical name of ``node``: "Sở Tài chính tỉnh Quảng Ngãi", "tỉnh Quảng Ngãi"."""
    if node.kind == "central":
        return v.central_body(node.body).name
    if node.kind == "province":
        return v.province(node.place).full_name
    if node.kind == "local":
        body = v.local_body(node.body)
        return body.qualified(v.province(node.place)) if node.place else body.name
    body = v.district_body(node.body)
    return body.qualified(node.place) if node.place else body.name


def _load(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once."""
    types = _load("doc_types.toml")["type"]
    agencies = _load("agencies.toml")
    provinces = tuple(
        Province(p["name"], p["unit"], tuple(p.get("aliases", ())), p.get("merged_into"), p.get("merged_on"), p.get("since"),
                 p.get("named_with_unit", False))
        for p in _load("provinces.toml")["province"]
    )
    succession = _load("succession.toml")
    events = [
        ChangeEvent(
            e["id"], e["date"], e["kind"], tuple(e["predecessors"]), tuple(e["successors"]), e["basis"],
            e.get("note", ""), e.get("scope", NATIONAL),
        )
        for e in succession["event"]
    ]
    events += _province_events(provinces, {c["date"]: c for c in succession["province_change"]})
    return Vocabulary(
        doc_types=tuple(
            DocType(t["name"], tuple(t.get("abbr", ())), tuple(t.get("aliases", ())), t["family"], t.get("named", False),
                    t["en"])
            for t in types
        ),
        central=tuple(
            CentralBody(b["name"], tuple(b.get("symbol", ())), tuple(b.get("aliases", ())), b["level"])
            for b in agencies["central"]
        ),
        local=tuple(
            LocalBody(b["name"], tuple(b.get("symbol", ())), tuple(b.get("aliases", ())), b.get("pattern"), b.get("department", False))
            for b in agencies["local"]
        ),
        provinces=provinces,
        abbreviations=dict(agencies["abbreviations"]),
        districts=tuple(
            DistrictBody(b["name"], tuple(b["prefixes"]), tuple(b.get("aliases", ()))) for b in agencies["district"]
        ),
        district_units=tuple(agencies["district_units"]),
        events=tuple(sorted(events, key=lambda e: (e.date, e.id))),
        heads=tuple(agencies.get("heads", ())),
    )


def change_events() -> tuple[ChangeEvent, ...]:
    """Every change event, the province mergers included, by date."""
    return vocabulary().events


def successors(name: str, on: str | None = None) -> tuple[str, ...]:
    """:meth:`Vocabulary.successors` of the loaded vocabulary.

    >>> successors("Sở Xây dựng tỉnh Kon Tum")
    ('Sở Xây dựng tỉnh Quảng Ngãi',)
    """
    return vocabulary().successors(name, on)
