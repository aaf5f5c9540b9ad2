"""Document codes (số/ký hiệu): parse, format, and what the symbol says about type and issuer.

State codes: ``124/NQ-CP``, ``39/2022/NĐ-CP``, ``2522/STC-TH``, ``198/2025/QH15``.
Party codes keep the hyphen: ``57-NQ/TW``, ``371-KH/TU``. A blank number (``Số:   /UBND-KTTH``)
has a symbol but no code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.vocabulary import CentralBody, DocType, LocalBody, vocabulary

from .vocab import cues

# One part of a symbol: "NQ", "TTg", "QH15", "VX1", "KH&ĐT", "V.I" (VPCP-V.I); it must end at a word boundary.
# Parts may be set apart by a hyphen and a stray space: "13/CT- TTg".
_PART = r"[A-ZĐ][A-Za-zĐđ&]*(?:\.[A-Z]+)?\d*(?![^\W\d_])"
SYMBOL = rf"{_PART}(?:-\s?{_PART})*"
# "124/NQ-CP", "39/2022/NĐ-CP", "66/ NQ-CP" (stray space), "16/2001/CT-TTG". The number must not follow a
# letter, digit or "/": the look-behind is checked after its first digit (``\d(?<![\w/]\d)``), so that the
# pattern starts with a digit and a search skips to the next digit at C speed instead of trying every position.
STATE_CODE_RE = re.compile(
    rf"(?P<number>\d(?<![\w/]\d)\d{{0,4}})\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?(?P<symbol>{SYMBOL})"
)
# "57-NQ/TW", "371-KH/TU", "68- NQ/TW" (broken over a line in a title); the number must not follow a letter,
# digit, "/" or "-" (checked after its first digit, as above).
PARTY_CODE_RE = re.compile(
    rf"(?P<number>\d(?<![\w/-]\d)\d{{0,4}})\s?-\s?(?P<kind>[A-ZĐ][A-Za-zĐđ]*)\s?/\s?(?P<org>{SYMBOL})"
)
# Between the parts of a symbol: "NQ-CP", "KH/TU".
SYMBOL_PART_SEPARATOR_RE = re.compile(r"[-/]")
# A blank number before the symbol: "Số:          /UBND-KTTH", "Tờ trình số …../TTr-BTP".
BLANK_CODE_RE = re.compile(rf"(?P<blank>[.…_]*)\s?/\s?(?P<symbol>{SYMBOL})")


@dataclass(frozen=True)
class Code:
    number: str | None
    symbol: str
    year: str | None = None
    party: bool = False

    def __str__(self) -> str:
        if self.number is None:
            return f"/{self.symbol}"
        if self.party:
            return f"{self.number}-{self.symbol}"
        if self.year:
            return f"{self.number}/{self.year}/{self.symbol}"
        return f"{self.number}/{self.symbol}"

    @property
    def text(self) -> str | None:
        """The code as the record writes it; ``None`` for a blank number."""
        return None if self.number is None else str(self)

    @property
    def key(self) -> str:
        """Case-insensitive comparison key ("16/2001/CT-TTG" ~ "16/2001/CT-TTg")."""
        return str(self).casefold()

    @property
    def parts(self) -> list[str]:
        return SYMBOL_PART_SEPARATOR_RE.split(self.symbol)

    def doc_type(self) -> DocType | None:
        """The type the symbol names: NQ → Nghị quyết; "UBND-KTTH" (issuer-unit) → Công văn."""
        v = vocabulary()
        first = self.parts[0]
        if t := v.doc_type_by_abbr(first):
            return t
        if not self.party and len(self.parts) >= 2 and v.body_by_symbol(first):
            return v.doc_type(cues()["header"]["letter"])
        return None

    def issuer_bodies(self) -> list[CentralBody | LocalBody]:
        """Bodies the symbol names: "NQ-CP" → Chính phủ; "TTr-BKHCN-BTTTT" → both ministries."""
        v = vocabulary()
        parts = self.parts
        if self.party:
            candidates = parts[1:]
        elif v.doc_type_by_abbr(parts[0]) and len(parts) > 1:
            candidates = parts[1:]
        else:
            candidates = parts[:-1] if len(parts) > 1 else parts
        bodies = []
        for part in candidates:
            body = v.body_by_symbol(part)
            if body is None:
                break
            bodies.append(body)
        return bodies


def _solid(symbol: str) -> str:
    """A symbol without the stray space printed after a hyphen: "QĐ- TTg" → "QĐ-TTg"."""
    return "".join(symbol.split())


def match_code(text: str, pos: int) -> tuple[Code, int, int] | None:
    """A code starting at ``pos``: (code, start, end)."""
    if m := PARTY_CODE_RE.match(text, pos):
        return Code(m["number"], f"{m['kind']}/{_solid(m['org'])}", party=True), m.start(), m.end()
    if m := STATE_CODE_RE.match(text, pos):
        return Code(m["number"], _solid(m["symbol"]), m["year"]), m.start(), m.end()
    if m := BLANK_CODE_RE.match(text, pos):
        return Code(None, _solid(m["symbol"])), m.start(), m.end()
    return None


def parse_code(text: str) -> Code | None:
    """Parse a whole code string; ``None`` if it is not one.

    >>> str(parse_code("39/2022/NĐ-CP"))
    '39/2022/NĐ-CP'
    """
    text = text.strip()
    found = match_code(text, 0)
    if found and found[2] == len(text):
        return found[0]
    return None


def find_codes(text: str) -> list[tuple[Code, int, int]]:
    """Every numbered code in ``text``, left to right, non-overlapping."""
    out = []
    pos = 0
    patterns = (PARTY_CODE_RE, STATE_CODE_RE)
    ahead = [p.search(text) for p in patterns]  # each pattern's next match, searched again only once passed
    while True:
        ahead = [m if m is None or m.start() >= pos else p.search(text, pos) for p, m in zip(patterns, ahead)]
        hits = [m for m in ahead if m]
        if not hits:
            return out
        first = min(hits, key=lambda m: (m.start(), -len(m.group())))
        found = match_code(text, first.start())
        if found is None:  # pragma: no cover - the search and the match use the same patterns
            return out
        out.append(found)
        pos = found[2]
