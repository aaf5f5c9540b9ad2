"""Agency names in text → canonical names from the registry, qualified by the locality.

"UBND tỉnh" in a Kon Tum letter → "Ủy ban nhân dân tỉnh Kon Tum"; "Bộ trưởng Bộ Tư pháp" → "Bộ Tư
pháp"; "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khoá XIII" → "Ban Chấp hành Trung ương
Đảng". A name the registry does not know is kept as printed (abbreviations expanded), never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from graph.vocabulary import SPACES_RE, Province, fold, modern_tones, vocabulary

from ..lexicon.vocab import alternation, common, cues, one_of

_AGENCY = cues()["agency"]  # "hội nghị", "lần thứ", "trung ương", "khóa"
_ROUND = one_of(_AGENCY["meeting_round"], r"\s+")  # "lần\s+thứ"
# "Hội nghị lần thứ sáu Ban Chấp hành …", "Hội nghị Trung ương 6 …" — the meeting, not the body.
MEETING_PREFIX_RE = re.compile(rf"^{one_of(_AGENCY['meeting'])}(?:\s+{_ROUND}\s+\S+"
                               rf"|\s+{one_of(_AGENCY['meeting_central'])}\s+\d+)?\s+", re.IGNORECASE)
# "(khóa XIII)", "khoá XII" after a Party body.
TERM_SUFFIX_RE = re.compile(rf"\s*\(?\s*(?:{one_of(_AGENCY['term'])})\s+[IVXLC]+\s*\)?\s*$", re.IGNORECASE)
# The provincial units, "tỉnh|thành phố".
PROVINCE_UNITS = one_of(common()["province_units"])
# A bare locality word left at the end: "Ủy ban nhân dân tỉnh", "Sở Tài chính thành phố".
BARE_UNIT_RE = re.compile(rf"^(?P<unit>{PROVINCE_UNITS})$")


@cache
def _abbreviation_re() -> re.Pattern[str]:
    keys = sorted(vocabulary().abbreviations, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w&])")


# Agency names recur in every document of a cascade ("Sở Tài chính", "UBND các xã"): the pure look-ups
# below are cached for the process (the vocabulary is fixed for it).
NAME_CACHE = 1 << 15


@lru_cache(maxsize=NAME_CACHE)
def expand_abbreviations(text: str) -> str:
    """Expand whole-word abbreviations: "UBND tỉnh" → "Ủy ban nhân dân tỉnh"."""
    table = vocabulary().abbreviations
    return _abbreviation_re().sub(lambda m: table[m.group(1)], text)


@cache
def _heads_re() -> re.Pattern[str]:
    return re.compile(r"^(?:" + alternation(cues()["body"]["heads"], ignore_case=True) + r")\s+(?=\S)", re.IGNORECASE)


@cache
def _heads_split_re() -> re.Pattern[str]:
    # "Giám đốc Sở Nông nghiệp và Môi trường và Giám đốc Sở Nội vụ": two bodies, each after its head.
    heads = alternation(cues()["body"]["heads"], ignore_case=True)
    return re.compile(rf"\s+{one_of(common()['and'])}\s+(?=(?:{heads})\s)", re.IGNORECASE)


@lru_cache(maxsize=NAME_CACHE)
def tidy(text: str) -> str:
    """Collapse whitespace, strip stray punctuation, modern tone marks."""
    text = SPACES_RE.sub(" ", modern_tones(text)).strip(" \t,;:.-–")
    return text


def _recase(text: str) -> str:
    return text[:1].upper() + text[1:] if text.islower() or not text.isupper() else text[:1] + text[1:].lower()


@lru_cache(maxsize=NAME_CACHE)
def canonical_agency(text: str, locality: Province | None = None) -> str | None:
    """The canonical name of the body (or bodies) ``text`` names; ``None`` for empty text."""
    text = tidy(expand_abbreviations(text))
    if not text:
        return None
    names = [_canonical_one(part, locality) for part in _heads_split_re().split(text)]
    return ", ".join(n for n in names if n) or None


def _canonical_one(text: str, locality: Province | None) -> str | None:
    v = vocabulary()
    text = _heads_re().sub("", tidy(text))
    text = MEETING_PREFIX_RE.sub("", text)
    text = TERM_SUFFIX_RE.sub("", text)
    if not text:
        return None
    if body := v.central_body(text):
        return body.name
    resolved = _local(text, locality)
    if resolved:
        return resolved
    return _recase(text) if text.isupper() else text


@cache
def _local_names() -> dict[str, object]:
    """Folded local body name or alias → body (the first body listed keeps a name two share)."""
    v = vocabulary()
    names: dict[str, object] = {}
    for b in v.local:
        for n in (b.name, *b.aliases):
            names.setdefault(fold(n), b)
    return names


def _longest_local_name(key: str) -> str | None:
    """The longest registry name that ``key`` is or starts with, word for word."""
    names = _local_names()
    if key in names:
        return key
    at = key.rfind(" ")
    while at > 0:
        if key[:at] in names:
            return key[:at]
        at = key.rfind(" ", 0, at)
    return None


def _local(text: str, locality: Province | None) -> str | None:
    v = vocabulary()
    key = fold(text)
    name = _longest_local_name(key)
    if name is None:
        return None
    body = _local_names()[name]
    rest = key[len(name):].strip()
    if not rest or BARE_UNIT_RE.match(rest):
        if locality is not None:
            return body.qualified(locality)
        return body.name if not rest else f"{body.name} {rest}" if not body.name.endswith(rest) else body.name
    province = v.province(rest) or _province_misread(rest)
    if province is not None and _former_area(province, rest, locality):
        return text  # "Ban quản lý Khu Kinh tế Phú Yên" in a 2025 text of Đắk Lắk (010/CT-UBND): Phú Yên is a place now
    if province is not None:
        return body.qualified(province)
    return None


def _former_area(province: Province, printed: str, locality: Province | None) -> bool:
    """A province merged into the issuer's, named bare (no "tỉnh"): the place it was, not a province."""
    return locality is not None and province.merged_into is not None and fold(province.merged_into) == fold(locality.name) \
        and fold(printed) == fold(province.name)


# A province with its unit misread by one mark (OCR: "TĨNH KON TUM" for "TỈNH KON TUM") is still that
# province when the whole phrase is this similar (Indel) to exactly one "tỉnh …"/"thành phố …" name.
PROVINCE_MISREAD_CUTOFF = 0.9


@cache
def _province_full_names() -> tuple[list[str], list[Province]]:
    provinces = list(vocabulary().provinces)
    return [fold(p.full_name) for p in provinces], provinces


def _province_misread(text: str) -> Province | None:
    """The province ``text`` names despite a misread letter, when one province alone is that close.

    >>> _province_misread("tĩnh kon tum").name, _province_misread("tỉnh hà nam").name
    ('Kon Tum', 'Hà Nam')
    >>> _province_misread("huyện kon tum") is None
    True
    """
    names, provinces = _province_full_names()
    hits = process.extract(fold(text), names, scorer=Indel.normalized_similarity,
                           score_cutoff=PROVINCE_MISREAD_CUTOFF, limit=2)
    if len(hits) == 1 or (len(hits) == 2 and hits[0][1] > hits[1][1]):
        return provinces[hits[0][2]]
    return None


@lru_cache(maxsize=NAME_CACHE)  # the same issuers and parents are asked of every document
def locality_of(name: str | None) -> Province | None:
    """The province a canonical agency name ends with ("Ủy ban nhân dân tỉnh Kon Tum" → Kon Tum)."""
    if not name:
        return None
    key = fold(name)
    for suffix, province_name in _province_suffixes():
        if key.endswith(suffix):
            return vocabulary().province(province_name)
    return None


@cache
def _province_suffixes() -> tuple[tuple[str, str], ...]:
    """(" " + folded spelling, spelling) of every province, longest first: what a name ends with."""
    return tuple((" " + fold(n), n) for n in vocabulary().province_names())


@lru_cache(maxsize=NAME_CACHE)
def is_known_body(text: str) -> bool:
    """Whether ``text`` names a registry body ("CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")."""
    text = tidy(expand_abbreviations(text))
    return bool(text) and (vocabulary().central_body(text) is not None or _local(text, None) is not None)


def is_party_body(text: str) -> bool:
    """Whether ``text`` names a body of the Party ("TỈNH ỦY THANH HÓA"), which enacts no State document."""
    name = _longest_local_name(fold(tidy(expand_abbreviations(text))))
    return name is not None and _local_names()[name].party


@dataclass(frozen=True)
class AgencyMatch:
    """How a printed agency name resolved: ``registry`` (exact), ``fuzzy`` (rapidfuzz, with the
    score as confidence), ``collective`` (a class of bodies: "Các sở, ban, ngành tỉnh Kon Tum") or
    ``unknown`` (kept as printed, abbreviations expanded)."""

    name: str
    match: str
    confidence: float | None


# "tỉnh Hậu Giang", "thành phố Hải Phòng" at the end of a name.
PROVINCE_SUFFIX_RE = re.compile(rf"\s+(?:{PROVINCE_UNITS})\s+(?P<name>[^\W\d_][\w\s-]*)$", re.IGNORECASE)
FUZZY_CUTOFF = 88.0


@cache
def _registry_names() -> tuple[tuple[str, ...], tuple[object, ...]]:
    v = vocabulary()
    keys, bodies = [], []
    for body in (*v.central, *v.local):
        for name in (body.name, *body.aliases):
            if len(name) > 6:  # abbreviations are matched exactly, never fuzzily
                keys.append(fold(name))
                bodies.append(body)
    return tuple(keys), tuple(bodies)


@lru_cache(maxsize=NAME_CACHE)
def resolve_agency(text: str, locality: Province | None = None) -> AgencyMatch | None:
    """The registry agency ``text`` names, exactly or by fuzzy match; unknown names kept as printed.

    >>> resolve_agency("Sở Xây dựng", vocabulary().province("Kon Tum"))
    AgencyMatch(name='Sở Xây dựng tỉnh Kon Tum', match='registry', confidence=1.0)
    >>> m = resolve_agency("Sở Văn hoá - Thể thao và Du lịch", vocabulary().province("Hậu Giang"))
    >>> m.name, m.match, m.confidence > 0.9
    ('Sở Văn hóa, Thể thao và Du lịch tỉnh Hậu Giang', 'fuzzy', True)
    >>> resolve_agency("Hợp tác xã Nông nghiệp Tân Tiến")
    AgencyMatch(name='Hợp tác xã Nông nghiệp Tân Tiến', match='unknown', confidence=None)
    """
    expanded = tidy(expand_abbreviations(text))
    if not expanded:
        return None
    if is_known_body(expanded):
        return AgencyMatch(canonical_agency(expanded, locality) or expanded, "registry", 1.0)
    province = None
    stem = expanded
    if m := PROVINCE_SUFFIX_RE.search(expanded):
        province = vocabulary().province(m["name"])
        if province is not None:
            stem = expanded[: m.start()]
    keys, bodies = _registry_names()
    best = process.extractOne(fold(stem), keys, scorer=Indel.normalized_similarity, score_cutoff=FUZZY_CUTOFF / 100)

    if best is not None:
        body = bodies[best[2]]
        where = province or locality
        name = body.qualified(where) if where is not None and hasattr(body, "qualified") else body.name
        return AgencyMatch(name, "fuzzy", round(best[1], 3))
    return AgencyMatch(_recase(expanded) if expanded.isupper() else expanded, "unknown", None)
