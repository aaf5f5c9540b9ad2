"""Deadlines in a task: "trước ngày 30 tháng 6 năm 2025" → 2025-06-30.

"trong tháng 6 năm 2025" → the month's last day; "trong quý III" → the quarter's last day of the
document's year; "định kỳ hằng tháng" → recurring, kept as text with no date. A date printed
without its year takes the document's year. "bắt đầu từ ngày 22/02/2006" is a start, not a deadline.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..lexicon.dates import MONTH, YEAR, iso, quarter_end
from ..lexicon.scanner import finditer_at
from ..lexicon.vocab import alternation, common, dates, duties, one_of, word_start_re
from .spans import Taken

# The date after a cue: "30 tháng 6 năm 2025", "25 tháng 7", "28/9/2018", "15/7".
DAY_MONTH_RE = re.compile(
    rf"(?P<d>\d{{1,2}})\s*(?:{MONTH}|/|-)\s*(?P<m>\d{{1,2}})(?:\s*(?:{YEAR}|/|-)\s*(?P<y>(?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE)
# A day with no month after a cue: "trước ngày 15 hằng tháng".
DAY_NUMBER_RE = re.compile(r"\d{1,2}\s+")
# A month after a cue: "tháng 6 năm 2025", "tháng 5 và tháng 6 năm 2025", "tháng 6/2025", "tháng 12".
MONTHS_RE = re.compile(
    rf"{MONTH}\s+(?P<m>\d{{1,2}})(?:\s*(?:{one_of(common()['and'])}|,|-)\s*(?:{MONTH}\s+)?(?P<m2>\d{{1,2}}))?"
    rf"(?:\s*(?:{YEAR}\s+|/)(?P<y>(?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE)
# A quarter after a cue: "quý III", "quý I/2020", "quý IV năm 2025".
QUARTER_AFTER_RE = re.compile(rf"(?P<q>IV|I{{1,3}}|[1-4])(?!\w)(?:\s*(?:/|{YEAR})\s*(?P<y>(?:19|20)\d\d))?", re.IGNORECASE)


@dataclass(frozen=True)
class Deadline:
    date: str | None            # ISO date; None for a recurring duty or an unreadable date
    text: str                   # as printed: "trước ngày 25 tháng 7 năm 2025"
    start: int                  # offsets in the text searched
    end: int
    recurring: str | None = None  # "monthly", "quarterly", … for "định kỳ hằng tháng"


def _cue_re(key: str) -> re.Pattern[str]:
    return word_start_re(duties()["deadlines"][key], r"\s+")


CUE_KEYS = ("by_date", "in_month", "before_month", "in_quarter", "before_quarter", "in_year", "before_year")
# The year after a year cue: "trong năm 2026" (the cue holds "năm"), "trong năm nay" is no date.
YEAR_AFTER_RE = re.compile(r"\s*(?P<y>(?:19|20)\d\d)(?!\d)")


def cue_phrases() -> list[str]:
    """Every phrase a deadline starts with ("trước ngày", "trong quý", "hằng tháng" …)."""
    return [p for k in CUE_KEYS for p in duties()["deadlines"][k]] + list(duties()["deadlines"]["recurring"])


@cache
def _res() -> dict[str, re.Pattern[str]]:
    res = {k: _cue_re(k) for k in CUE_KEYS}
    res["any"] = word_start_re(cue_phrases())
    # "định kỳ hằng tháng", "hằng quý": "định kỳ" (case ignored, first letter exact) and a recurring phrase, or a
    # recurring phrase not inside a word. Both branches open with an exact letter, so that a search skips at C
    # speed; the matches are those of ``(?:định kỳ\s+)?(?<!\w)(?:<phrases>)(?!\w)`` (case ignored).
    recurring = list(duties()["deadlines"]["recurring"])
    first, rest = _periodic()[0], one_of(_periodic()[1:])  # "[Đđ]", "ịnh kỳ"
    res["recurring"] = re.compile(rf"[{first.upper()}{first.lower()}](?i:{rest}\s+"
                                  rf"(?:{alternation(recurring, ignore_case=True)})(?!\w))|"
                                  + word_start_re(recurring, r"(?!\w)").pattern)
    return res


def _month_end(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def _previous_month_end(year: int, month: int) -> str | None:
    if not 1 <= month <= 12:
        return None
    return _month_end(year - 1, 12) if month == 1 else _month_end(year, month - 1)


# What may stand between a recurring phrase and the day it names: "Định kỳ hằng năm (trước ngày 30 tháng 11)".
RECURRING_GAP_RE = re.compile(r"[\s,(]*")
RECURRING_REACH = 40  # characters back from a date to the recurring phrase it belongs to


def _recurring_before(text: str, start: int, at: int) -> re.Match[str] | None:
    """The recurring phrase right before ``at`` whose day the date there names, if any."""
    last = None
    for rec in _res()["recurring"].finditer(text, max(start, at - RECURRING_REACH), at):
        last = rec
    return last if last is not None and RECURRING_GAP_RE.fullmatch(text, last.end(), at) else None


def find_deadlines(text: str, start: int = 0, end: int | None = None, year: str | None = None) -> list[Deadline]:
    """Every deadline in ``text[start:end]``, in order; ``year`` fills dates printed without one.

    >>> [d.date for d in find_deadlines("hoàn thành trước ngày 30 tháng 6 năm 2025.")]
    ['2025-06-30']
    >>> [d.date for d in find_deadlines("trong tháng 5 và tháng 6 năm 2025")]
    ['2025-06-30']
    >>> [d.date for d in find_deadlines("báo cáo trong quý III", year="2025")]
    ['2025-09-30']
    >>> [d.date for d in find_deadlines("hoàn thành trong năm 2026; trước năm 2030")]
    ['2026-12-31', '2029-12-31']
    >>> [(d.date, d.recurring) for d in find_deadlines("báo cáo định kỳ hằng tháng")]
    [(None, 'monthly')]
    >>> [(d.date, d.recurring) for d in find_deadlines("Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo", year="2025")]
    [(None, 'yearly')]
    """
    end = len(text) if end is None else end
    found: list[Deadline] = []
    res = _res()
    first = res["any"].search(text, start, end)
    if not first:
        return found  # most sentences have no deadline cue at all: one search instead of seven
    starts = _cue_starts(text, first, end)
    taken = Taken()

    def add(d: Deadline) -> None:
        if taken.free(d.start, d.end):  # overlaps no deadline found before
            found.append(d)
            taken.add(d.start, d.end)

    for m in finditer_at(res["by_date"], text, starts, start, end):
        dm = DAY_MONTH_RE.match(text, m.end(), end)
        if not dm:
            day = DAY_NUMBER_RE.match(text, m.end(), end)
            rec = res["recurring"].match(text, day.end(), end) if day else None
            if rec:  # "trước ngày 15 hằng tháng"
                add(Deadline(None, text[m.start():rec.end()], m.start(), rec.end(), _recurring_kind(rec.group())))
            continue
        y = dm["y"] or year
        stop = dm.end()
        rec = res["recurring"].match(text, stop + 1) if stop + 1 < end else None
        if rec and rec.start() <= stop + 2:  # "trước ngày 15 hằng tháng"
            add(Deadline(None, text[m.start():rec.end()], m.start(), rec.end(), _recurring_kind(rec.group())))
            continue
        if not dm["y"] and (rec := _recurring_before(text, start, m.start())):  # "Định kỳ hằng năm (trước ngày 30 tháng 11)"
            add(Deadline(None, text[rec.start():stop], rec.start(), stop, _recurring_kind(rec.group())))
            continue
        when = iso(y, dm["m"], dm["d"]) if y else None
        add(Deadline(when, text[m.start():stop], m.start(), stop))
    for key, before in (("in_month", False), ("before_month", True)):
        for m in finditer_at(res[key], text, starts, start, end):
            mm = MONTHS_RE.match(text, _month_word_at(text, m), end)
            if not mm:
                continue
            y = mm["y"] or year
            month = int(mm["m2"] or mm["m"])
            if y is None:
                add(Deadline(None, text[m.start():mm.end()], m.start(), mm.end()))
                continue
            when = _previous_month_end(int(y), month) if before else _month_end(int(y), month)
            add(Deadline(when, text[m.start():mm.end()], m.start(), mm.end()))
    for key, before in (("before_quarter", True), ("in_quarter", False)):
        for m in finditer_at(res[key], text, starts, start, end):
            q = QUARTER_AFTER_RE.match(text, m.end(), end)
            if not q:
                continue
            y = q["y"] or year
            when = None
            if y is not None:
                n = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(q["q"].upper()) or int(q["q"])
                if before:
                    when = _month_end(int(y) - 1, 12) if n == 1 else quarter_end(str(n - 1), y)
                else:
                    when = quarter_end(q["q"], y)
            add(Deadline(when, text[m.start():q.end()], m.start(), q.end()))
    for key, before in (("before_year", True), ("in_year", False)):
        for m in finditer_at(res[key], text, starts, start, end):
            yr = YEAR_AFTER_RE.match(text, m.end(), end)
            if yr:
                y = int(yr["y"]) - (1 if before else 0)
                add(Deadline(f"{y}-12-31", text[m.start():yr.end()], m.start(), yr.end()))
    for m in res["recurring"].finditer(text, start, end):
        add(Deadline(None, m.group(), m.start(), m.end(), _recurring_kind(m.group())))
    return sorted(found, key=lambda d: d.start)


def _cue_starts(text: str, first: re.Match[str], end: int) -> list[int]:
    """Every position up to ``end`` where a deadline cue starts, from the ``first``."""
    starts, cue = [], _res()["any"]
    at: re.Match[str] | None = first
    while at is not None:
        starts.append(at.start())
        at = cue.search(text, at.start() + 1, end)
    return starts


def _month_word_at(text: str, m: re.Match[str]) -> int:
    """Where "tháng" starts inside or right after a cue ("trong tháng 6" → the "tháng")."""
    at = text[m.start():m.end() + 6].lower().find(dates()["month"])
    return m.start() + at if at >= 0 else m.end()


def _periodic() -> str:
    """"định kỳ", the word before a recurring phrase."""
    return duties()["deadlines"]["periodic"]


@cache
def _periodic_re() -> re.Pattern[str]:
    # "định kỳ " opening a recurring phrase (case-folded): "định kỳ hằng tháng" → "hằng tháng".
    return re.compile(rf"^{one_of(_periodic())}\s+")


def _recurring_kind(phrase: str) -> str:
    table = {k.casefold(): v for k, v in duties()["deadlines"]["recurring"].items()}
    key = _periodic_re().sub("", phrase.casefold())
    key = re.sub(r"\s+", " ", key)
    return table.get(key, "recurring")
