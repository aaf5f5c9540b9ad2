"""Quantified goals: "bảo đảm mục tiêu tăng trưởng năm 2025 của cả nước đạt 8% trở lên" → a target.

A number is a target when its clause states a goal ("mục tiêu", "phấn đấu", "chỉ tiêu", "bảo đảm
đạt"), carries a comparator ("trở lên", "ít nhất", "không quá"), or is the share a task must reach
("tích hợp, cung cấp 100% dịch vụ công trực tuyến"). Results and forecasts are not ("tăng 8,2% so
với cùng kỳ", "dự kiến … bãi bỏ 488 thủ tục", "(chiếm tỷ lệ 74,86% …)"), nor are document numbers
and dates, which carry no unit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, partial

from graph.vocabulary import SPACES_RE, Province, vocabulary

from .deadlines import MONTHS_RE
from ..lexicon.dates import MONTH, YEAR
from ..lexicon.stops import FULL_STOP
from ..lexicon.vocab import alternation, common, dates, duties, one_of, phrases_re

_TARGETS = duties()["targets"]  # the words of goals (duties.toml)
# "đạt", "của", "và", "tỉnh|thành phố", "trở lên|trở xuống" as patterns.
ATTAIN, OF, AND = one_of(_TARGETS["attain"]), one_of(common()["of"]), one_of(common()["and"])
PROVINCE_UNITS, AFTER = one_of(common()["province_units"]), one_of(list(_TARGETS["after"]))

# A number with its unit: "8%", "12,5%", "8,3-8,5%", "2.675 tỷ đồng", "100 %", "02 công trình/dự án" (two units
# joined by "/" are one), or a rate per a power of ten: "18 ca sinh/1.000 phụ nữ", "4/100.000 trẻ sinh ra còn sống"
# (at most five words after the base, up to a word of targets.rate_stops: "… phụ nữ vào năm 2025").
# (The alternations are filled in from duties.toml.) The number must not follow a letter, digit or one of
# "/.,-": the look-behind is checked after its first digit, so that the pattern starts with a digit and a
# search skips to the next digit at C speed.
NUMBER_PATTERN = (r"(?P<num>\d(?<![\w/.,-]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?))"
                  r"(?:\s*[-–]\s*(?P<num2>\d+(?:,\d+)?))?\s*"
                  r"(?P<unit>(?:[^\W\d]+(?:\s+[^\W\d]+){0,3})?/\s?(?:1(?:00|\.000|0\.000|00\.000)|{bases})"
                  r"(?:\s+(?!(?:{stops})(?!\w))[^\W\d]+){1,5}"
                  r"|(?:{units})(?:/(?:{units}))?(?!\w))")
# Where a clause starts: "…; tích hợp, cung cấp 100% …", "… năm 2025, phấn đấu …".
CLAUSE_START_RE = re.compile(r"[;:.(]\s*|^")
# A full stop that ends a clause: ". Tỷ lệ …", ". - 100% chính quyền …" (not "2.675" or an abbreviation). Not
# lexicon.stops.NEXT_SENTENCE_RE: a dash item may come between, and its letters leave out "Ă", "Ơ", "Ư" and the
# lower-case accented letters that lexicon.stops.SENTENCE_OPENER takes (the clauses of targets were read so).
STOP_BEFORE_CAPITAL_RE = re.compile(r"\.\s+(?:[-–]\s+)?[A-ZĐ\u00C0-\u00DD\u1EA0-\u1EF8\d]")
# A year that is the period of a goal: "năm 2025" (not inside a full date "08 tháng 5 năm 2025"),
# "giai đoạn 2021 - 2025".
YEAR_RE = re.compile(rf"(?<!{MONTH}\s\d)(?<!{MONTH}\s\d\d)(?<!\d/)(?:{one_of(dates()['period'])}\s+(?P<y1>(?:19|20)\d\d)"
                     rf"\s*[-–]\s*(?P<y2>(?:19|20)\d\d)|{YEAR}\s+(?P<y>(?:19|20)\d\d))(?!\d)", re.IGNORECASE)
# Scope words right before "đạt": "của tỉnh đạt 10%", "và thành phố đạt 12,5%".
LOCAL_SCOPE_RE = re.compile(rf"(?:(?:{one_of(_TARGETS['local_scope_leads'])})\s+)?(?P<unit>{PROVINCE_UNITS})(?:\s+{ATTAIN})?\s*$",
                            re.IGNORECASE)
# Where the object of a share ends: "100% dịch vụ công trực tuyến trên Cổng …" → "dịch vụ công trực tuyến".
OBJECT_STOP_RE = re.compile(rf"[,;.()]|\s(?:{one_of(_TARGETS['object_stops'])})\s", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    indicator: str | None
    value: float
    unit: str
    comparator: str
    scope: str | None
    period: str | None
    start: int                  # offsets of the number phrase in the text searched
    end: int
    value_max: float | None = None  # upper end of a range ("8,3-8,5%")
    period_span: tuple[int, int] | None = None  # where the period phrase was read
    origin: int | None = None  # where its list of goals (or the part holding its item) starts: see _once

    def to_dict(self) -> dict:
        out = {"indicator": self.indicator, "value": self.value, "unit": self.unit,
               "comparator": self.comparator, "scope": self.scope, "period": self.period}
        if self.value_max is not None:
            out["value_max"] = self.value_max
        return out


@cache
def _words() -> dict:
    return duties()["targets"]


@cache
def _number_re() -> re.Pattern[str]:
    w = _words()
    return re.compile(NUMBER_PATTERN.replace("{units}", alternation(w["units"], ignore_case=True))
                      .replace("{bases}", alternation(w["rate_bases"], ignore_case=True))
                      .replace("{stops}", alternation(w["rate_stops"], ignore_case=True)), re.IGNORECASE)


@cache
def _comparators(key: str) -> dict[str, str]:
    """Folded comparator phrase → sign, for ``targets.before`` / ``targets.after``."""
    return {k.casefold(): v for k, v in _words()[key].items()}


@cache
def _res() -> dict[str, re.Pattern[str]]:
    return {
        "goal": phrases_re(_words()["goal"]),
        "goal_idioms": phrases_re(_words()["goal_idioms"]),
        "past": phrases_re(_words()["past"]),
        "not_goal": phrases_re(_words()["not_goal"]),
        "result_after": phrases_re(_words()["result_after"]),
        "national": phrases_re(_words()["national"]),
        "share": re.compile(rf"(?<!\w)(?:{alternation(_words()['share_verbs'], ignore_case=True)})(?:\s*,\s*(?:{alternation(_words()['share_verbs'], ignore_case=True)}))*"
                            rf"(?:\s+(?:{one_of(_words()['share_noun'])}\s+)?[^\d,;.]{{0,40}}?)?\s*$", re.IGNORECASE),
        "before": re.compile(rf"(?<!\w)(?:{ATTAIN}\s+)?(?P<cmp>{alternation(list(_words()['before']), ignore_case=True)})\s*$", re.IGNORECASE),
        "after": re.compile(rf"^\s*(?P<cmp>{alternation(list(_words()['after']), ignore_case=True)})(?!\w)", re.IGNORECASE),
        "head": phrases_re(_words()["indicator_heads"]),
        # "tăng khoảng 10%" with no goal word: a statistic (not "tăng trưởng").
        "stat_verb": re.compile(rf"(?<!\w)(?:{one_of(_words()['soft_not_goal'])})(?!\s+(?:{one_of(_words()['not_goal_nouns'])}))"
                                rf"(?:\s+(?:{one_of(_words()['about'])}))?\s*$", re.IGNORECASE),
    }


@cache
def _link_re() -> re.Pattern[str]:
    # "đạt", "là" between indicator and number: "Tỷ lệ … đạt 95%".
    return re.compile(rf"\s*(?:{alternation(_words()['links'], ignore_case=True)})\s*$", re.IGNORECASE)


@cache
def _strong_bound_re() -> re.Pattern[str]:
    # A floor or ceiling right before the figure, which makes a goal of a change or a share: "giảm tối thiểu 10%",
    # "chiếm tối thiểu 20%" (not "trên", "hơn", "dưới": "giảm hơn 20%" reports).
    strong = [k for k, v in _words()["before"].items() if v in (">=", "<=")]
    return re.compile(rf"\s*(?:{alternation(strong, ignore_case=True)})\s*$", re.IGNORECASE)


@cache
def _numbering_re() -> re.Pattern[str]:
    # A word that makes the number after it a label, not a quantity: "Chuẩn bị khởi công giai đoạn 2 dự án".
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['numbering'], ignore_case=True)})\s*$", re.IGNORECASE)


@cache
def _qualifier_re() -> re.Pattern[str]:
    # A figure that only says which things are meant: "tài sản công khác có nguyên giá từ 01 tỷ đồng trở lên",
    # "ngành … có tỷ lệ nữ cán bộ, công chức … thấp dưới 30%" — "có", a noun, then a bound right before the figure.
    w = _words()
    bounds = alternation(list(w["before"]) + w["bound_from"], ignore_case=True)
    start = alternation(w["bound_from"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{alternation(w['qualifier_verbs'], ignore_case=True)})\s+"
                      rf"(?:(?P<noun>[^\d;:().]+?)\s+(?:{bounds})|(?:{start}))\s*$", re.IGNORECASE)


def _qualifier(before: str) -> bool:
    """Whether the figure after ``before`` bounds what a noun names rather than setting a goal: "có" and a bound
    ("thôn có từ 15% người dân tộc thiểu số trở lên"), or "có", a noun and a bound with no goal word, link or
    change in the noun ("có tỷ lệ … phấn đấu đạt trên 90%", "có chữ ký số … đạt trên 70%", "lao động nữ có việc
    làm xuống dưới 30%" set goals)."""
    m = _qualifier_re().search(before)
    if m is None or _goal_words(before):
        return False
    return not _down_words_re().search(m.group()) and not _links_in_re().search(m.group())


@cache
def _baseline_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "từ " right before the figure, and a word that moves to the goal after it: "giảm từ 23 ca sinh/1.000 phụ nữ
    # xuống 18 …", "tăng từ 40% lên 60%".
    w = _words()
    return (re.compile(rf"(?<!\w)(?:{alternation(w['bound_from'], ignore_case=True)})\s*$", re.IGNORECASE),
            re.compile(rf"(?<!\w)(?:{alternation(w['down_to'] + w['up_to'], ignore_case=True)})\s+(?:\w+\s+)?\d",
                       re.IGNORECASE))


def _threshold(before: str) -> bool:
    """Whether a figure after "từ" with no link before it bounds a class ("Hộ từ 05 người trở lên", "làm việc từ 08 giờ
    trở lên", "được khấu trừ hết từ 300 triệu đồng trở lên thì được hoàn thuế"); "đạt từ 8% trở lên" is a level."""
    m = _baseline_res()[0].search(before)
    return m is not None and _link_re().search(before, 0, m.start()) is None


def _baseline(before: str, after: str) -> bool:
    """Whether the figure is where a change starts, not the goal it moves to ("giảm từ 23 … xuống 18 …")."""
    start, to = _baseline_res()
    return start.search(before) is not None and to.search(after) is not None


@cache
def _links_in_re() -> re.Pattern[str]:
    return phrases_re(_words()["links"])


@cache
def _parenthesised_re() -> re.Pattern[str]:
    # A figure in brackets after the goal it restates, the comparator before that goal: "phấn đấu tăng trưởng kinh tế
    # vượt mục tiêu Chính phủ giao (10%)" → "> 10%".
    cmp = alternation(list(_words()["before"]), ignore_case=True)
    return re.compile(rf"(?<!\w)(?P<cmp>{cmp})\s+[^\d;:.()]{{1,80}}\(\s*$", re.IGNORECASE)


REACH = 120  # characters before a bracketed figure where the comparator of the goal it restates is looked for


def _goal_words(text: str) -> list[re.Match[str]]:
    """The goal words of ``text`` ("mục tiêu", "phấn đấu" …), not those inside a name or idiom ("các chương trình
    mục tiêu quốc gia", "bổ sung có mục tiêu": an earmarked transfer)."""
    idioms = [(i.start(), i.end()) for i in _res()["goal_idioms"].finditer(text)]
    return [g for g in _res()["goal"].finditer(text) if not any(a <= g.start() < b for a, b in idioms)]


def _value(text: str) -> float:
    """"12,5" → 12.5; "2.675" → 2675.0."""
    return float(text.replace(".", "").replace(",", "."))


def _clause_start(text: str, pos: int, floor: int) -> int:
    at = floor
    for m in CLAUSE_START_RE.finditer(text, floor, pos):
        if m.group().startswith(".") and not STOP_BEFORE_CAPITAL_RE.match(text, m.start()):
            continue  # "2.675" or an abbreviation, not a clause end
        if m.group().startswith("(") and ")" in text[m.end():pos]:
            continue  # a bracket closed before the number: "chỉ số … (VN_AQI) ở mức tốt … đạt tối thiểu 80%"
        at = m.end()
    return at


# Where a clause ends after a number: "… đạt 8%; …", "… năm 2025. …", "… như sau: …". Not
# lexicon.stops.STOP_MARK_RE: a ";" or ":" ends the figure's clause even with no space after ("đạt 8%;Tỷ lệ").
FIGURE_CLAUSE_END_RE = re.compile(rf";|{FULL_STOP}|:")
# Whose target, not what: "của cả nước", "toàn quốc", "tỉnh", "thành phố".
INDICATOR_SCOPE_RE = re.compile(rf"(?<!\w)(?:{OF}\s+)?(?:{one_of(_TARGETS['indicator_scopes'])})(?!\w)", re.IGNORECASE)
# A comparator left at the start: "trở lên …", "trở xuống …".
INDICATOR_COMPARATOR_RE = re.compile(rf"^\s*(?:{AFTER})(?!\w)")
# "… và tỷ lệ …": the indicator is the part after the last "và".
INDICATOR_AND_RE = re.compile(rf"(?<!\w){AND}(?:\s+|$)")
# A comparator opening the object after the number: "trở lên số xã …".
OBJECT_COMPARATOR_RE = re.compile(rf"^(?:{AFTER})\s*")
# An item's marker at the start of its text: "(1) 100% số …", "- Tỷ lệ …", "a) Chi …", "1. Tỷ lệ …".
ITEM_MARKER_RE = re.compile(r"^\s*(?:[-–—+•]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))\s+")
# "tháng 5 năm": the "năm" after it ends a full date ("ngày 08 tháng 5 năm 2025").
MONTH_BEFORE_RE = re.compile(rf"{MONTH}\s+\d{{1,2}}\s*$")
# "của tỉnh", "của thành phố" anywhere before the figure: the document's province is the scope.
OF_PROVINCE_RE = re.compile(rf"(?<!\w){OF} (?:{PROVINCE_UNITS})(?!\w)")
# A word before a month that is the figure's period: "trong tháng 11 năm 2025".
PERIOD_LEAD_RE = re.compile(rf"(?<!\w)(?:{one_of(_TARGETS['period_leads'])})\s+")


@cache
def _compared_re() -> re.Pattern[str]:
    # A comparison right after the number: "… 8% so với cùng kỳ", "so cùng kỳ năm trước".
    return re.compile(rf"\s*(?:{alternation(_words()['compared'], ignore_case=True)})(?!\w)", re.IGNORECASE)


@cache
def _base_year_re() -> re.Pattern[str]:
    # A comparison that ends right before a year, which is then the base, not the period: "(giảm 20% so với mức
    # trung bình năm 2024)".
    compared = alternation(_words()["compared"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?:{compared})[^;:.,()]{{0,40}}$", re.IGNORECASE)


@cache
def _same_period_re() -> re.Pattern[str]:
    return phrases_re(_words()["same_period"])


def _compared(after: str, goal: bool) -> bool:
    """Whether a comparison after the figure makes it a result: "tăng 8,2% so với cùng kỳ" always; "giảm 20% so với
    mức trung bình năm 2024" only when no goal governs it (a goal may be set against a base year)."""
    return _compared_re().match(after) is not None and (not goal or _same_period_re().search(after) is not None)


# How far from a figure its sentence or item is read (its clause, the goal word governing it, its period): a
# long run of figures is not read from its start at each one.
TARGET_REACH = 2000


def _around(m: re.Match[str], start: int, end: int) -> tuple[int, int]:
    """The part of ``[start, end)`` within :data:`TARGET_REACH` of the figure ``m``."""
    return max(start, m.start() - TARGET_REACH), min(end, m.end() + TARGET_REACH)


def _clause_end(text: str, pos: int, ceiling: int) -> int:
    m = FIGURE_CLAUSE_END_RE.search(text, pos, ceiling)
    return m.start() if m else ceiling


def find_targets(text: str, start: int, end: int, scope: str | None, locality: Province | None,
                 skip: list[tuple[int, int]] = (), origin: int | None = None, year: str | None = None) -> list[Target]:
    """Every goal in ``text[start:end]`` (one sentence or item); ``scope`` is the default whose-target; ``year``
    the document's, before which a deadline ("Đến năm 2030, 100% …") is past.

    >>> [(t.value, t.comparator, t.scope, t.period) for t in find_targets(
    ...     "bảo đảm mục tiêu tăng trưởng năm 2025 của cả nước đạt 8% trở lên và thành phố đạt 12,5%.",
    ...     0, 87, "thành phố Hải Phòng", None)]
    [(8.0, '>=', 'cả nước', '2025'), (12.5, '>=', 'thành phố Hải Phòng', '2025')]
    """
    res = _res()
    found: list[Target] = []
    item_start, item_end = start, end
    years = cache(partial(_period_years, text, start, end))  # found once, when a figure first needs them
    for m in _number_re().finditer(text, item_start, item_end):
        if any(a <= m.start() < b for a, b in skip):
            continue
        start, end = _around(m, item_start, item_end)
        clause = _clause_start(text, m.start(), start)
        before = text[clause:m.start()]
        after_end = _clause_end(text, m.end(), end)
        after = text[m.end():after_end]
        goal = _goal_in_reach(text, start, m.start())
        hard_no = _result_words(before, hard=True) or _res()["past"].search(before)
        if hard_no or _compared(after, goal) or _numbering_re().search(before) or _qualifier(before) \
                or _baseline(before, after):
            continue
        if not goal and (res["result_after"].search(text, m.end(), end) or _threshold(before)):
            continue
        cmp = None
        lead = None  # the goal a bracketed figure restates: "tăng trưởng kinh tế vượt mục tiêu … (10%)"
        if c := res["after"].match(after):
            cmp = _comparators("after").get(c["cmp"].casefold(), ">=")
        elif c := res["before"].search(before):
            cmp = _comparators("before").get(c["cmp"].casefold(), ">=")
        elif c := _parenthesised_re().search(text, max(start, m.start() - REACH), m.start()):
            cmp = _comparators("before").get(c["cmp"].casefold(), ">=")
            lead = text[_clause_start(text, c.start(), start):c.start()]
        share = res["share"].search(before)
        if res["stat_verb"].search(before) and not goal:
            continue
        if cmp is None:
            if goal:
                cmp = ">="
            elif share and m["unit"] == "%" or _deadline(before, year):
                cmp = "="
            else:
                continue
        value = _value(m["num"])
        value_max = _value(m["num2"]) if m["num2"] else None
        since = text[found[-1].end:m.start()] if found and found[-1].end > clause else before
        indicator = _indicator(lead if lead is not None else since, after, found)
        who = _scope(before, scope, locality, found, text, clause, m.start())
        period, pspan = _period(text, years, m.end(), after_end)
        found.append(Target(indicator, value, m["unit"], cmp, who, period,
                            m.start(), m.end(), value_max, pspan, origin))
    return found


@cache
def _deadline_re() -> re.Pattern[str]:
    # A clause that opens with a year to come sets a goal: "Đến năm 2030, 100% các khu vực bảo vệ nguồn lợi thủy sản
    # được xác định …".
    w = _words()
    return re.compile(rf"(?:^\W*|(?<!\w))(?:{alternation(w['deadlines'], ignore_case=True)})\s+"
                      rf"(?:{alternation(w['year_words'], ignore_case=True)}\s+)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def _deadline(before: str, year: str | None) -> bool:
    m = _deadline_re().match(before)
    return m is not None and (year is None or m["y"] >= year)


def _goal_in_reach(text: str, start: int, pos: int, words: re.Pattern[str] | None = None) -> bool:
    """A goal word (or one of ``words``) governs the number when no unrelated clause lies between."""
    window = text[max(start, pos - TARGET_REACH):pos]
    last = None
    for last in (words.finditer(window) if words else _goal_words(window)):
        pass
    if last is None:
        return False
    between = window[last.end():]
    return between.count(";") == 0


def _indicator(before: str, after: str, found: list[Target]) -> str | None:
    """What a figure measures: the words between the goal word and the number ("phấn đấu đạt tỷ lệ giải ngân
    100%" → "tỷ lệ giải ngân"), else the object after it ("hoàn thành 100% mục tiêu" → "mục tiêu")."""
    words = ITEM_MARKER_RE.sub("", before)
    g = None
    for g in _goal_words(words):
        pass
    if g is not None:
        words = words[g.end():]
    whole = _clean_indicator(words)
    words = INDICATOR_AND_RE.split(whole)[-1].strip()  # "… 8% trở lên và thành phố đạt": the part after "và"
    if words and _res()["head"].search(words):
        head = _res()["head"].search(words)
        return words[head.start():].strip(" ,") or None
    if heads := list(_res()["head"].finditer(whole)):  # "Tỷ lệ số ngày … ở mức tốt và trung bình đạt"
        return whole[heads[-1].start():].strip(" ,") or None
    obj = OBJECT_STOP_RE.split(after, maxsplit=1)[0].strip(" ,")
    obj = OBJECT_COMPARATOR_RE.sub("", obj).strip()
    if words and _only_share_verbs(words) and not obj:
        words = ""  # "Trong đó, Hà Nội có tối thiểu 200 công trình,": the goal before, for another place
    if words and obj and _only_share_verbs(words):
        return obj
    if words and obj:
        return f"{words} {obj}"
    if obj:
        return obj
    if words:
        return words
    return found[-1].indicator if found else None


@cache
def _indicator_lead_re() -> re.Pattern[str]:
    # Words before an indicator that are not part of it: "phấn đấu tỷ lệ …", "bảo đảm …", "Trong đó, Hà Nội có …".
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['indicator_leads'], ignore_case=True)})(?:\s+|\s*,\s*)",
                      re.IGNORECASE)


def _clean_indicator(words: str) -> str:
    """The words of an indicator without the goal's deadline, period, scope (a province named), comparator and link
    ("năm 2025 của cả nước đạt" → "", "Đến năm 2030, " → "")."""
    words = _indicator_lead_re().sub(" ", _deadline_re().sub(" ", words))
    words = _place_re().sub(" ", YEAR_RE.sub(" ", words))
    words = INDICATOR_SCOPE_RE.sub(" ", words)
    words = _res()["before"].sub(" ", words)
    words = _link_re().sub("", words)
    words = INDICATOR_COMPARATOR_RE.sub("", words)
    return SPACES_RE.sub(" ", words).strip(" ,;")


@cache
def _share_verbs_only_re() -> re.Pattern[str]:
    # "đạt, vượt" — nothing but share verbs.
    verbs = alternation(_words()["share_verbs"], ignore_case=True)
    return re.compile(rf"(?:(?:{verbs})\s*,?\s*)+", re.IGNORECASE)


def _only_share_verbs(words: str) -> bool:
    return _share_verbs_only_re().fullmatch(words) is not None


def _scope(before: str, default: str | None, locality: Province | None, found: list[Target], text: str,
           clause: int, pos: int) -> str | None:
    since = text[found[-1].end:pos] if found and found[-1].end > clause else before
    goals = _goal_words(since)
    if goals:
        since = since[goals[-1].start():]
    if named := _named_provinces(since):
        return f" {_words()['scope_joiner']} ".join(named)
    if _res()["national"].search(since):
        return _words()["national_scope"]
    if LOCAL_SCOPE_RE.search(since.rstrip()) or OF_PROVINCE_RE.search(since):
        if locality is not None:
            return locality.full_name
    if found and found[-1].scope not in (default, _words()["national_scope"]):
        return found[-1].scope  # "Tại thành phố Hà Nội, … dưới 40 μg/m3 (giảm 20% …)": the item's place goes on
    return default


@cache
def _province_re() -> re.Pattern[str]:
    # A province named as printed, in capitals: "Tại thành phố Hà Nội", "Thành phố Hồ Chí Minh có tối thiểu 500 …".
    return re.compile(rf"(?<!\w)(?:{alternation(vocabulary().province_names())})(?!\w)")


@cache
def _place_re() -> re.Pattern[str]:
    # A province named with the words that lead to it, which are not part of an indicator: "Tại thành phố Hà Nội, ".
    units = sorted({p.unit for p in vocabulary().provinces})
    return re.compile(rf"(?:(?<!\w)(?:{alternation(_words()['place_leads'], ignore_case=True)})\s+)?"
                      rf"(?:(?<!\w)(?:{alternation(units, ignore_case=True)})\s+)?"
                      rf"(?<!\w)(?-i:{alternation(vocabulary().province_names())})(?!\w)\s*,?", re.IGNORECASE)


def _named_provinces(text: str) -> list[str]:
    """The provinces ``text`` names, in order, once each: "Đối với Hà Nội và Thành phố Hồ Chí Minh, đến năm 2030" →
    ["thành phố Hà Nội", "thành phố Hồ Chí Minh"]."""
    out: list[str] = []
    for m in _province_re().finditer(text):
        p = vocabulary().province(m.group())
        if p is not None and p.full_name not in out:
            out.append(p.full_name)
    return out


def _period_years(text: str, start: int, end: int) -> tuple[list[int], list[re.Match[str]]]:
    """The years of ``text[start:end]`` that may be a figure's period (not in a full date, not the base of a
    comparison), with their starts: found once for all the figures of a sentence or item."""
    years = [y for y in YEAR_RE.finditer(text, start, end) if not _in_date(text, y.start())
             and not _base_year_re().search(text, max(start, y.start() - REACH), y.start())]
    return [y.start() for y in years], years


def _period(text: str, years: Callable[[], tuple[list[int], list[re.Match[str]]]], pos: int,
            clause_end: int) -> tuple[str | None, tuple[int, int] | None]:
    """"trong tháng 6 năm 2025" after the number → "2025-06"; else the nearest year in the sentence that is not
    the base of a comparison ("so với mức trung bình năm 2024"), of those ``years()`` gives (:func:`_period_years`)."""
    tail = text[pos:clause_end]
    for m in PERIOD_LEAD_RE.finditer(tail):
        mm = MONTHS_RE.match(tail, m.end())
        if mm and mm["y"]:
            return f"{mm['y']}-{int(mm['m2'] or mm['m']):02d}", (pos + m.start(), pos + mm.end())
    starts, found = years()
    if not found:
        return None, None
    k = bisect.bisect_left(starts, pos)
    near = min(found[max(0, k - 1):k + 1], key=lambda y: abs(y.start() - pos))  # the nearest is on either side
    if near["y1"]:
        return f"{near['y1']}-{near['y2']}", (near.start(), near.end())
    return near["y"], (near.start(), near.end())


def _in_date(text: str, pos: int) -> bool:
    """Whether the "năm" at ``pos`` ends a full date ("ngày 08 tháng 5 năm 2025")."""
    return MONTH_BEFORE_RE.search(text[max(0, pos - 12):pos]) is not None


# ---- whole documents: targets read from the outline -----------------------------------------------------

# A figure that is no target even in a list of goals: a year, a date, a document number.
YEAR_ONLY_RE = re.compile(r"(?:19|20)\d\d$")


@cache
def _section_res() -> dict[str, re.Pattern[str]]:
    w = _words()
    return {"sections": phrases_re(w["sections"]), "not_sections": phrases_re(w["not_sections"], at_start=True),
            "forecast_sections": phrases_re(w["forecast_sections"], at_start=True),
            "goal_columns": phrases_re(w["goal_columns"]), "time_columns": phrases_re(w["time_columns"]),
            "grid_columns": phrases_re(w["grid_columns"]),
            "sections_at_start": phrases_re(w["sections_at_start"], at_start=True),
            "section_titles": re.compile(rf"\s*(?:{alternation(w['section_titles'], ignore_case=True)})\s*[.:]?\s*",
                                         re.IGNORECASE),
            "regulation_articles": phrases_re(w["regulation_articles"], at_start=True),
            "norm_texts": re.compile(rf"\s*(?:{alternation(w['norm_texts'])})(?!\w)"),
            "weak": re.compile(rf"(?<!\w)(?:{ATTAIN}\s+)?(?:{alternation(w['weak_comparators'], ignore_case=True)})\s*$",
                               re.IGNORECASE)}


def list_targets(text: str, start: int, end: int, scope: str | None, locality: Province | None,
                 default_cmp: str, period: str | None, origin: int | None = None) -> list[Target]:
    """Every figure of an item in a list of goals ("Mục tiêu cụ thể": "(2) Ít nhất 85% người hưởng trợ cấp
    … mở mới tài khoản"): the comparator printed with it, else ``default_cmp`` ("=" for a bare figure, ">="
    under "phấn đấu"); the period printed in the item, else ``period``.

    >>> [(t.value, t.comparator) for t in list_targets("Ít nhất 85% người hưởng trợ cấp mở tài khoản; 100% số xã", 0, 58,
    ...  "thành phố Cần Thơ", None, "=", "2025")]
    [(85.0, '>='), (100.0, '=')]
    """
    res = _res()
    found: list[Target] = []
    item_start, item_end = start, end
    years = cache(partial(_period_years, text, start, end))  # found once, when a figure first needs them
    for m in _number_re().finditer(text, item_start, item_end):
        if YEAR_ONLY_RE.fullmatch(m["num"]) and m["unit"] != "%":
            continue
        start, end = _around(m, item_start, item_end)
        clause = _clause_start(text, m.start(), start)
        before = text[clause:m.start()]
        after_end = _clause_end(text, m.end(), end)
        after = text[m.end():after_end]
        if _compared(after, True) or _result_words(before[-30:], hard=True) and not _goal_words(before) \
                or _numbering_re().search(before) or _qualifier(before) or _baseline(before, after):
            continue
        cmp = "=" if default_cmp == ">=" and m["unit"] == "%" and m["num"] == "100" else default_cmp  # 100% is all
        if c := res["after"].match(after):
            cmp = _comparators("after").get(c["cmp"].casefold(), ">=")
        elif c := res["before"].search(before):
            cmp = _comparators("before").get(c["cmp"].casefold(), ">=")
        elif d := _down_to_re().search(before):
            cmp = "<" if d["below"] else "<="  # "giảm … còn 5%", "xuống dưới 3%"
        elif _within_re().search(before) and m["unit"].casefold() in _time_units():
            cmp = "<="  # "được tiếp cận hỗ trợ trong 24 giờ đầu"
        elif _exact_re().search(before):
            cmp = "="  # "Tỷ số giới tính khi sinh ở mức 107 …" under "Phấn đấu …"
        elif _goal_words(before):
            cmp = ">="
        value = _value(m["num"])
        value_max = _value(m["num2"]) if m["num2"] else None
        if value_max is not None:
            cmp = ">="
        since = text[found[-1].end:m.start()] if found and found[-1].end > clause else before
        indicator = _indicator(since, after, found)
        who = _scope(before, scope, locality, found, text, clause, m.start())
        own, pspan = _period(text, years, m.end(), after_end)
        found.append(Target(indicator, value, m["unit"], cmp, who, own or period, m.start(), m.end(), value_max, pspan,
                            origin))
    return found


@cache
def _within_re() -> re.Pattern[str]:
    # "trong " right before a span of time: "trong 24 giờ đầu".
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['within'], ignore_case=True)})\s*$", re.IGNORECASE)


@cache
def _exact_re() -> re.Pattern[str]:
    # "ở mức " right before the figure: a level, neither floor nor ceiling.
    return re.compile(rf"(?<!\w)(?:{alternation(_words()['exact_links'], ignore_case=True)})\s*$", re.IGNORECASE)


@cache
def _time_units() -> frozenset[str]:
    return frozenset(u.casefold() for u in _words()["time_units"])


@cache
def _down_words_re() -> re.Pattern[str]:
    # "còn", "xuống" anywhere: "… lao động nữ có việc làm xuống dưới 30%" brings a share down, it names nothing.
    return phrases_re(_words()["down_to"])


@cache
def _down_to_re() -> re.Pattern[str]:
    # "còn ", "xuống dưới " right before a figure.
    w = _words()
    return re.compile(rf"(?<!\w)(?:{alternation(w['down_to'], ignore_case=True)})\s*(?P<below>{re.escape(w['below'])}\s*)?$",
                      re.IGNORECASE)


@cache
def _striving_re() -> re.Pattern[str]:
    return phrases_re(_words()["striving"])


NOUN_CHARS = 100  # more than a noun after a result word takes ("tăng trưởng")


def _result_words(before: str, hard: bool = False) -> list[re.Match[str]]:
    """The words before a figure that make it a result ("so với cùng kỳ", "ước đạt", "tăng"), not counting
    "tăng" in "tăng trưởng"; ``hard``: not "tăng"/"giảm" either (prose that states a goal may use them)."""
    w = _words()
    soft = {x.casefold() for x in w["soft_not_goal"]}
    nouns = tuple(x.casefold() for x in w["not_goal_nouns"])
    out = []
    for g in _res()["not_goal"].finditer(before):
        if before[g.end():g.end() + NOUN_CHARS].lstrip().casefold().startswith(nouns) or hard and g.group().casefold() in soft \
                or _strong_bound_re().match(before, g.end()):
            continue
        out.append(g)
    return out


def _section_period(headings: list[str]) -> str | None:
    """The year a list of goals is for, from its headings: "Mục tiêu cụ thể đến năm 2030" → "2030",
    "giai đoạn 2026 - 2030" → "2030"."""
    for h in reversed(headings):
        if m := YEAR_RE.search(h):
            return m["y2"] or m["y"]
    return None


def outline_targets(outline, flat, scope: str | None, locality: Province | None, year: str | None,
                    span_of) -> list[Target]:
    """The targets of a whole document: every figure in a list of goals ("Mục tiêu cụ thể", "Chỉ tiêu", "II. MỤC
    TIÊU"), the figures of a table's column of goals, and goals stated in tasks elsewhere (see
    :func:`find_targets`); none in forecasts ("Dự báo các chỉ tiêu …") or in regulations (a document that states
    what it governs, an attached regulation or grid, a chapter of articles: their figures are norms); in results
    ("Tình hình …") only what the text still strives for ("… phấn đấu đạt 100% kế hoạch"); a goal restated later
    is counted once."""
    found: list[Target] = []
    sec = _section_res()
    if _regulation(outline, flat, span_of):
        return []

    def walk(node, headings: list[str], listed: bool, default_cmp: str, normative: bool, results: bool,
             origin: int | None) -> None:
        for child in node.children:
            if child.kind in ("recipients", "note"):
                continue
            if child.kind == "table":
                if not normative and not results:
                    period = _section_period(headings) or year
                    found.extend(_table_targets(child, flat, scope, locality, period, span_of))
                continue
            a, b = span_of(child.start, child.children[0].start if child.children else child.end)
            head = flat.text[slice(*span_of(*child.title))]
            if child.kind == "attachment":
                walk(child, [], False, "=", sec["norm_texts"].match(head) is not None, False, None)
                continue
            section = bool(child.children) or head.isupper()
            if normative or _regulation_chapter(child) or section and sec["forecast_sections"].match(head.strip()):
                continue
            here_results = results or section and sec["not_sections"].match(head.strip()) is not None \
                and not sec["sections"].search(head)
            heads = headings + [head]
            here_listed = not here_results and (listed or _goal_heading(head))
            here_origin = origin if listed else child.start  # a list of goals starts at its heading
            cmp = ">=" if _striving_re().search(head) else default_cmp
            if here_results:
                found.extend(_with_period(t, _section_period(heads))
                             for t in find_targets(flat.text, a, b, scope, locality, origin=node.start, year=year)
                             if _goal_in_reach(flat.text, a, t.start, _striving_re()))
            elif here_listed:  # an item of a list of goals, or its heading with the text after it
                found.extend(list_targets(flat.text, a, b, scope, locality, cmp, _section_period(heads) or year,
                                          origin=here_origin))
            else:
                found.extend(t for t in find_targets(flat.text, a, b, scope, locality, origin=node.start, year=year)
                             if not _weak_only(flat.text, t, a))
            walk(child, heads, here_listed, cmp, normative, here_results, here_origin)

    walk(outline, [], False, "=", False, False, None)
    return _once(found)


def _table_targets(table, flat, scope: str | None, locality: Province | None, period: str | None,
                   span_of) -> list[Target]:
    """The goals of a table: every figure in a cell of a column of goals ("Chỉ tiêu đạt được": "100% cơ sở trong danh
    mục đã được phê duyệt hoàn thành di dời."), dated by its own year, else by the row's time cell ("Giai đoạn 2026 -
    2030"), else by ``period``; in the other cells, the figures after a goal's label ("- Sản phẩm: …"); none in a
    scoring grid; cells merged over several rows are read once."""
    sec = _section_res()
    found: list[Target] = []
    seen: set[tuple[int, int]] = set()
    if any(sec["grid_columns"].search(c) for c in table.columns):
        return []  # a scoring grid ("ĐIỂM CHUẨN", "Điểm tự chấm") sets norms
    for row in table.children:
        cells = [c for c in row.children if c.kind == "cell"]
        times = [c for c in cells if c.column and sec["time_columns"].search(c.column)]
        when = None
        for c in times:
            a, b = span_of(c.start, c.end)
            if y := YEAR_RE.search(flat.text, a, b):
                when = f"{y['y1']}-{y['y2']}" if y["y1"] else y["y"]
                break
        for c in cells:
            if (c.start, c.end) in seen or not c.column:
                continue
            seen.add((c.start, c.end))
            a, b = span_of(c.start, c.end)
            if sec["goal_columns"].search(c.column):
                found.extend(list_targets(flat.text, a, b, scope, locality, "=", when or period,
                                          origin=table.start))
            else:  # "- Sản phẩm: Hoàn thành lắp đặt … 22 trạm quan trắc tự động quốc gia."
                for x, y in _labelled(flat.text, a, b):
                    found.extend(list_targets(flat.text, x, y, scope, locality, "=", when or period,
                                              origin=table.start))
    return found


@cache
def _label_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A line that opens with the label of a goal ("- Sản phẩm: …", "Chỉ tiêu: …"), and where the next line item starts.
    w = _words()
    labels = alternation(w["goal_labels"], ignore_case=True)
    return re.compile(rf"(?:^|(?<=[\s.;]))[-–+•]?\s*(?:{labels})\s*:", re.IGNORECASE), re.compile(r"\s[-–+•]\s")


def _labelled(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` after a goal's label, each up to the next dash item: in "- Đầu tư 03 trạm (xe)
    quan trắc … - Sản phẩm: Hoàn thành lắp đặt và đưa vào vận hành 22 trạm …", the part after "Sản phẩm:"."""
    label, item = _label_res()
    out = []
    for m in label.finditer(text, start, end):
        nxt = item.search(text, m.end(), end)
        out.append((m.end(), nxt.start() if nxt else end))
    return out


def _goal_heading(head: str) -> bool:
    """Whether a heading opens a list of goals: "2. Mục tiêu cụ thể giai đoạn 2026 - 2030", "… các chỉ tiêu cụ thể
    như sau:", "3. Tầm nhìn đến năm 2045", "II. MỤC TIÊU"."""
    sec = _section_res()
    head = head.strip()
    return sec["sections"].search(head) is not None or sec["sections_at_start"].match(head) is not None \
        or sec["section_titles"].fullmatch(head) is not None


def _regulation_chapter(node) -> bool:
    """Whether ``node`` is a chapter of articles ("Chương II" then "Điều 4. …"), the frame of a regulation, whose
    figures are norms (a scheme in chapters without articles may set goals)."""
    return node.kind == "chapter" and any(n.kind == "article" for n, _ in node.walk())


def _regulation(outline, flat, span_of) -> bool:
    """Whether the document is itself a regulation, whose every figure is a norm: one of its articles says what
    it governs or whom it applies to ("Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng")."""
    articles = _section_res()["regulation_articles"]
    return any(child.kind == "article" and articles.match(flat.text[slice(*span_of(*child.title))].strip())
               for child in outline.children)


def _with_period(t: Target, period: str | None) -> Target:
    """``t`` with ``period`` when its own sentence names none."""
    return t if t.period or period is None else replace(t, period=period)


def _weak_only(text: str, t: Target, start: int) -> bool:
    """A target read only from "trên/hơn/dưới" with no goal word: a statistic ("hơn 20.000 hộ")."""
    before = text[max(start, t.start - 60):t.start]
    return _section_res()["weak"].search(before) is not None and not _goal_in_reach(text, start, t.start)


def _once(found: list[Target]) -> list[Target]:
    """A goal restated later (same figure, a like goal: see :func:`_alike`) is counted once; the shares in the
    items of one list of goals, or of one part, are never restatements of each other ("(1) 100% số người hưởng
    trợ cấp … được tuyên truyền" and "(5) 100% số người hưởng trợ cấp … được rà soát"; "- Chi đầu tư từ nguồn
    vốn xây dựng cơ bản tập trung phấn đấu đạt 100% kế hoạch" and "- Chi đầu tư từ nguồn thu xổ số kiến thiết …")."""
    out: list[Target] = []
    by_figure: dict[tuple, list[Target]] = {}  # the goals kept, by figure: only those can be restated
    for t in found:
        same = by_figure.setdefault((t.value, t.unit), [])
        if any(_alike(o, t) and (o.origin is None or o.origin != t.origin or t.unit != "%") for o in same):
            continue
        out.append(t)
        same.append(t)
    return out


def _alike(a: Target, b: Target) -> bool:
    """Whether two goals with one figure are the same goal: a count in units is ("1.200 công trình xây dựng xanh",
    later "mục tiêu 1.200 công trình xanh được chứng nhận"); a share only when the indicators are alike (many goals
    are "100%")."""
    from rapidfuzz.distance import Indel
    if a.unit != "%":
        return True
    return Indel.normalized_similarity((a.indicator or "").casefold(), (b.indicator or "").casefold()) >= RESTATED


RESTATED = 0.6  # indicators this alike make a figure a restatement of an earlier goal
