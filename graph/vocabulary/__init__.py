"""Domain vocabulary loaded from the TOML files beside this module.

Document types (``doc_types.toml``), central and local agencies with their symbol codes and
abbreviations (``agencies.toml``) and the provincial units with the 2025 mergers
(``provinces.toml``). Lookups go through :func:`fold`, so case, Unicode form, spacing and the
old tone placement ("Thanh Hoá", "UỶ BAN") do not matter.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

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
OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(sorted(_OLD_TONES, key=len, reverse=True)) + r")(?![^\W\d_])")


def modern_tones(text: str) -> str:
    """Move tone marks to the modern position: ``"Thanh Hoá"`` → ``"Thanh Hóa"``."""
    text = unicodedata.normalize("NFC", text)
    return OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)


def fold(text: str) -> str:
    """Comparison key: NFC, modern tones, case-folded, whitespace collapsed, spaced hyphens unified.

    >>> fold("UỶ BAN NHÂN DÂN  TỈNH THANH HOÁ") == fold("Ủy ban nhân dân tỉnh Thanh Hóa")
    True
    """
    text = modern_tones(text).casefold()
    text = re.sub(r"\s*-\s*", " - ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class DocType:
    name: str
    abbr: tuple[str, ...]
    aliases: tuple[str, ...]
    family: str
    named: bool  # cited by name and date ("Luật Tổ chức Chính phủ ngày …"), not by number


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

    def qualified(self, province: "Province") -> str:
        """The body's name in one province: ``Sở Xây dựng`` → ``Sở Xây dựng tỉnh Kon Tum``."""
        if self.department:
            return f"{self.name} {province.unit} {province.name}"
        party = "Thành ủy" if province.unit == "thành phố" else "Tỉnh ủy"
        return self.pattern.format(unit=province.unit, name=province.name, party=party)


@dataclass(frozen=True)
class Province:
    name: str
    unit: str  # "tỉnh" | "thành phố"
    aliases: tuple[str, ...] = ()
    merged_into: str | None = None
    merged_on: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.unit} {self.name}"


@dataclass(frozen=True)
class Vocabulary:
    doc_types: tuple[DocType, ...]
    central: tuple[CentralBody, ...]
    local: tuple[LocalBody, ...]
    provinces: tuple[Province, ...]
    abbreviations: dict[str, str] = field(hash=False)

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
        code = re.sub(r"\d+$", "", code)
        return _symbol_index(self).get(code) or _symbol_index(self).get(fold(code))

    def province(self, name: str) -> Province | None:
        """A province by name ("Thanh Hoá", "TỈNH KON TUM", "thành phố Hải Phòng")."""
        key = fold(name)
        key = re.sub(r"^(tỉnh|thành phố|tp\.?)\s+", "", key)
        return _province_index(self).get(key)

    def province_names(self) -> list[str]:
        """Every spelling of every province, longest first (for building regexes)."""
        names = {p.name for p in self.provinces} | {a for p in self.provinces for a in p.aliases}
        return sorted(names, key=len, reverse=True)


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


def _load(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once."""
    types = _load("doc_types.toml")["type"]
    agencies = _load("agencies.toml")
    provinces = _load("provinces.toml")["province"]
    return Vocabulary(
        doc_types=tuple(
            DocType(t["name"], tuple(t.get("abbr", ())), tuple(t.get("aliases", ())), t["family"], t.get("named", False))
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
        provinces=tuple(
            Province(p["name"], p["unit"], tuple(p.get("aliases", ())), p.get("merged_into"), p.get("merged_on"))
            for p in provinces
        ),
        abbreviations=dict(agencies["abbreviations"]),
    )
