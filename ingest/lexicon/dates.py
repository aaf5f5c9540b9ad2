"""Vietnamese dates as the corpus writes them → ISO strings ("2025-05-08", "2025-06", "2025")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .vocab import dates, one_of

# The words of dates (dates.toml), as patterns: "ngày", "tháng", "năm", "quý".
DAY, MONTH, YEAR, QUARTER = (one_of(dates()[k]) for k in ("day", "month", "year", "quarter"))

# "08/5/2025", "17/05/2025", "06/01/2022".
NUMERIC_DATE_RE = re.compile(r"(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})\s?/\s?(?P<y>(?:19|20)\d\d)(?!\d)")
# "08 tháng 5 năm 2025", "18 tháng 02 năm 2025"; blanks print as spaces or dots:
# "ngày       tháng     năm 2025", "ngày ….. tháng ….. năm 2025".
WORD_DATE_RE = re.compile(
    rf"(?P<d>\d{{1,2}}|[.…_]*)\s*{MONTH}\s*(?P<m>\d{{1,2}}|[.…_]*)\s*{YEAR}\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# A date introduced by "ngày", as in every document mention: "ngày 08/5/2025", ", ngày 06/01/2022".
DATED_RE = re.compile(rf"\s*,?\s*{DAY}\s+", re.IGNORECASE)
# "năm 2012" after a law's name: "Luật Phổ biến, giáo dục pháp luật năm 2012".
YEAR_ONLY_RE = re.compile(rf"\s+{YEAR}\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
# "quý III/2025", "quý I/2020" → the quarter's last day.
QUARTER_RE = re.compile(rf"{QUARTER}\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:/|{YEAR})\s*(?P<y>(?:19|20)\d\d)", re.IGNORECASE)
# The year that closes a law's title: "Hiến pháp năm 2013" (a title compared without it).
TITLE_YEAR_RE = re.compile(rf"\s+{YEAR}\s+\d{{4}}$")


@dataclass(frozen=True)
class FoundDate:
    iso: str | None  # "2025-05-08", "2025" when day/month are blank, None when nothing usable
    start: int
    end: int
    blank: bool = False  # day or month printed blank


def iso(year: int | str, month: int | str | None = None, day: int | str | None = None) -> str | None:
    """A validated ISO date, or the year (and month) alone when the rest is unknown."""
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def date_at(text: str, pos: int) -> FoundDate | None:
    """A date starting exactly at ``pos`` (numeric or in words)."""
    if m := NUMERIC_DATE_RE.match(text, pos):
        return FoundDate(iso(m["y"], m["m"], m["d"]), m.start(), m.end())
    if m := WORD_DATE_RE.match(text, pos):
        if m["d"].isdigit() and m["m"].isdigit():
            return FoundDate(iso(m["y"], m["m"], m["d"]), m.start(), m.end())
        if m["m"].isdigit():
            return FoundDate(iso(m["y"], m["m"]), m.start(), m.end(), blank=True)
        return FoundDate(iso(m["y"]), m.start(), m.end(), blank=True)
    return None


def dated_at(text: str, pos: int) -> FoundDate | None:
    """A ``ngày <date>`` phrase starting at ``pos``; a cut date ("ngày 06/01/") gives ``iso=None``."""
    lead = DATED_RE.match(text, pos)
    if not lead:
        return None
    found = date_at(text, lead.end())
    if found:
        return FoundDate(found.iso, pos, found.end, found.blank)
    cut = re.compile(r"\d{1,2}\s?/\s?\d{1,2}\s?/?").match(text, lead.end())
    if cut:
        return FoundDate(None, pos, cut.end())
    return None


def find_date(text: str) -> FoundDate | None:
    """The first date anywhere in ``text``."""
    hits = [m for m in (NUMERIC_DATE_RE.search(text), WORD_DATE_RE.search(text)) if m]
    if not hits:
        return None
    return date_at(text, min(h.start() for h in hits))


def quarter_end(quarter: str, year: str) -> str:
    """"III", "2025" → "2025-09-30"."""
    q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(quarter.upper()) or int(quarter)
    month = q * 3
    return date(int(year), month, calendar.monthrange(int(year), month)[1]).isoformat()
