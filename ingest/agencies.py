"""Agency names in text → canonical names from the registry, qualified by the locality.

"UBND tỉnh" in a Kon Tum letter → "Ủy ban nhân dân tỉnh Kon Tum"; "Bộ trưởng Bộ Tư pháp" → "Bộ Tư
pháp"; "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khoá XIII" → "Ban Chấp hành Trung ương
Đảng". A name the registry does not know is kept as printed (abbreviations expanded), never dropped.
"""

from __future__ import annotations

import re
from functools import cache

from graph.vocabulary import Province, fold, modern_tones, vocabulary

from .vocab import alternation, cues

# "Hội nghị lần thứ sáu Ban Chấp hành …", "Hội nghị Trung ương 6 …" — the meeting, not the body.
MEETING_PREFIX_RE = re.compile(r"^hội nghị(?:\s+lần\s+thứ\s+\S+|\s+trung ương\s+\d+)?\s+", re.IGNORECASE)
# "(khóa XIII)", "khoá XII" after a Party body.
TERM_SUFFIX_RE = re.compile(r"\s*\(?\s*kh(?:óa|oá|oa)\s+[IVXLC]+\s*\)?\s*$", re.IGNORECASE)
# A bare locality word left at the end: "Ủy ban nhân dân tỉnh", "Sở Tài chính thành phố".
BARE_UNIT_RE = re.compile(r"^(?P<unit>tỉnh|thành phố)$")


@cache
def _abbreviation_re() -> re.Pattern[str]:
    keys = sorted(vocabulary().abbreviations, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w&])")


def expand_abbreviations(text: str) -> str:
    """Expand whole-word abbreviations: "UBND tỉnh" → "Ủy ban nhân dân tỉnh"."""
    table = vocabulary().abbreviations
    return _abbreviation_re().sub(lambda m: table[m.group(1)], text)


@cache
def _heads_re() -> re.Pattern[str]:
    return re.compile(r"^(?:" + alternation(cues()["body"]["heads"]) + r")\s+(?=\S)", re.IGNORECASE)


@cache
def _heads_split_re() -> re.Pattern[str]:
    return re.compile(r"\s+và\s+(?=(?:" + alternation(cues()["body"]["heads"]) + r")\s)", re.IGNORECASE)


def tidy(text: str) -> str:
    """Collapse whitespace, strip stray punctuation, modern tone marks."""
    text = re.sub(r"\s+", " ", modern_tones(text)).strip(" \t,;:.-–")
    return text


def _recase(text: str) -> str:
    return text[:1].upper() + text[1:] if text.islower() or not text.isupper() else text[:1] + text[1:].lower()


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
def _local_names() -> list[tuple[str, object]]:
    v = vocabulary()
    pairs = [(fold(n), b) for b in v.local for n in (b.name, *b.aliases)]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def _local(text: str, locality: Province | None) -> str | None:
    v = vocabulary()
    key = fold(text)
    for name, body in _local_names():
        if key != name and not key.startswith(name + " "):
            continue
        rest = key[len(name):].strip()
        if not rest or BARE_UNIT_RE.match(rest):
            if locality is not None:
                return body.qualified(locality)
            return body.name if not rest else f"{body.name} {rest}" if not body.name.endswith(rest) else body.name
        province = v.province(rest)
        if province is not None:
            return body.qualified(province)
        return None
    return None


def locality_of(name: str | None) -> Province | None:
    """The province a canonical agency name ends with ("Ủy ban nhân dân tỉnh Kon Tum" → Kon Tum)."""
    if not name:
        return None
    v = vocabulary()
    for province_name in v.province_names():
        if fold(name).endswith(" " + fold(province_name)):
            return v.province(province_name)
    return None


def is_known_body(text: str) -> bool:
    """Whether ``text`` names a registry body ("CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN")."""
    text = tidy(expand_abbreviations(text))
    return bool(text) and (vocabulary().central_body(text) is not None or _local(text, None) is not None)
