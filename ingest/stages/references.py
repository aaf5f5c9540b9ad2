"""Every other document a text mentions, resolved into deduplicated references.

Mentions: "Nghị quyết số 124/NQ-CP ngày 08/5/2025 của Chính phủ" (full), "Nghị quyết số 138/NQ-CP"
(short, resolved to the earlier full mention), bare codes ("theo 57-NQ/TW"), Party codes, codes with
a year, blank numbers ("Tờ trình số …../TTr-BTP"), laws by name and date ("Luật Tổ chức Chính phủ
ngày 18 tháng 02 năm 2025", "Hiến pháp năm 2013") and anaphora ("Công văn nêu trên").
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from graph.vocabulary import Province, fold, vocabulary

from .agencies import canonical_agency, is_known_body, tidy
from .spans import Taken
from ..lexicon.codes import Code, find_codes, match_code
from ..lexicon.dates import DAY, TITLE_YEAR_RE, YEAR, YEAR_ONLY_RE, FoundDate, dated_at
from ..clean.flat import Flat
from ..lexicon.scanner import finditer_at, scan
from ..lexicon.stops import FULL_STOP, NEXT_SENTENCE_RE
from ..lexicon.vocab import alternation, common, cues, dates, one_of, type_words

_REFS = cues()["references"]  # the named laws, the words that end an issuer … (cues.toml)
OF, AT = one_of(common()["of"]), one_of(common()["at"])  # "của", "tại"


@cache
def _typed_re() -> re.Pattern[str]:
    # "Nghị quyết số 124/NQ-CP", "Quyết định số: 622/QĐ-TTg", "Chỉ thị 16/CT-TTg", "NGHỊ QUYẾT SỐ 138/NQ-CP",
    # "Tờ trình số …../TTr-BTP".
    number = one_of(cues()["header"]["number_label"])
    return re.compile(rf"(?<!\w)(?P<type>{type_words()})(?:\s+{number})?\s*:?\s*(?=[\d.…_/])", re.IGNORECASE)


def _typed_and_anaphora(text: str) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """``finditer`` of :func:`_typed_re` and of :func:`_anaphora_re` over ``text``, each tried only where the
    document's one scan found a type word starting a word (both patterns open with one)."""
    starts = scan(text).starts("type_words", word_start=True)
    return list(finditer_at(_typed_re(), text, starts)), list(finditer_at(_anaphora_re(), text, starts))


@cache
def _anaphora_re() -> re.Pattern[str]:
    # "theo yêu cầu tại Công văn nêu trên".
    phrases = alternation(cues()["body"]["anaphora"], ignore_case=True)
    return re.compile(rf"(?<!\w)(?P<type>{type_words()})\s+(?:{phrases})(?!\w)", re.IGNORECASE)


# A law cited by name: "Luật Tổ chức Chính phủ", "Luật sửa đổi, bổ sung một số điều của Luật …",
# "Bộ luật Lao động", "Hiến pháp" (then "năm 2013"), not inside a word, as printed (cues.toml's named_laws);
# tried only where the document's scan found one (:func:`scanner.scan`).
NAMED_START_RE = re.compile(rf"(?<!\w)(?P<type>{one_of(list(_REFS['named_laws']))})(?=\s)")
# Where a law's name stops and its date begins: " ngày 18 tháng 02 năm 2025", " năm 2012".
NAMED_DATE_RE = re.compile(rf"\s+(?:{DAY}\s+\S|{YEAR}\s+(?:19|20)\d\d(?!\d))", re.IGNORECASE)
# A law's name opens with a capital or "sửa đổi": "Luật Đê điều", "Luật sửa đổi, bổ sung một số điều của Luật …".
NAME_START_RE = re.compile(rf"\s+(?:[A-ZĐ\u00C0-\u1EF8]|{one_of(_REFS['name_openers'])})")
# What cannot be inside a law's name: digits, a clause break, brackets.
NAMED_BAD_RE = re.compile(r"[\d;:()\[\].]")
# "của" introducing the issuer right after a code or its date: "… ngày 08/5/2025 của Chính phủ".
OF_RE = re.compile(rf"\s*,?\s*(?:{OF}\s+)+", re.IGNORECASE)
# "đề nghị của Sở Tài chính tại Công văn số 2522/STC-TH": the issuer named before the mention.
OF_BEFORE_RE = re.compile(rf".*\b{OF}\s+(?P<agency>[^,;:()]{{2,120}}?)\s+{AT}\s*$", re.IGNORECASE | re.DOTALL)
# What that text must end with, trailing whitespace stripped: " tại" (the test that spares most mentions the
# backtracking of the pattern above).
AT_END_RE = re.compile(rf"\s{AT}", re.IGNORECASE)
# A steering committee's name carries its topic: "Ban Chỉ đạo Trung ương về phát triển khoa học, …".
STEERING_RE = re.compile(rf"{one_of(_REFS['steering'])}(?:\s+(?:{one_of(_REFS['steering_levels'])}))?$", re.IGNORECASE)
# " về" after it, where the topic starts.
STEERING_TOPIC = " " + _REFS["steering_topic"]
# Where the topic ends: "… về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số." (the end
# of the text at the latest). Not lexicon.stops.STOP_MARK_RE: any ".", ";" or "(" ends it, space or not, and
# a ":" does not.
TOPIC_END_RE = re.compile(r"[.;(]|$")
# How far an issuer's name may run after "của" (the longest of the corpora: 269 characters, "UBND tỉnh Bắc Ninh
# công bố thủ tục hành chính …"): a text with no stop is not read to its end after every mention.
ISSUER_REACH = 600
# More words than a registry body's name with its province has (13: "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận
# Tổ quốc Việt Nam"; 6: "tỉnh Bà Rịa - Vũng Tàu"): no longer run of words can be one.
MAX_ISSUER_WORDS = 24


@cache
def _issuer_stop_re() -> re.Pattern[str]:
    # Where an issuer phrase ends: "của Chính phủ về …", "của Bộ Chính trị và Chương trình …", "(", ",".
    words, after_and = one_of(_REFS["issuer_stops"]), one_of(_REFS["issuer_stops_after_and"])
    return re.compile(
        rf"\s+(?:{words})(?!\w)|\s+{one_of(common()['and'])}\s+(?=(?:{type_words()}|{after_and})(?!\w))"
        rf"|[,;:()\[\]“”\"]|{FULL_STOP}|\s+-\s|$",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class Mention:
    start: int  # flat offsets of the mention itself (type word … code, or the law's name and date)
    end: int
    head_end: int  # end of the mention with its date and "của <issuer>"
    kind: str  # "coded" | "blank" | "named" | "anaphora"
    doc_type: str | None
    explicit_type: bool
    code: Code | None = None
    title: str | None = None
    date: FoundDate | None = None
    issuer: str | None = None
    segment: int = 0  # 0: body; n: footnote n


def _issuer_after(flat: Flat, pos: int, locality: Province | None) -> tuple[str | None, int]:
    of = OF_RE.match(flat.text, pos)
    if not of:
        return None, pos
    start = of.end()
    reach = start + ISSUER_REACH
    stop = _issuer_stop_re().search(flat.text, start, reach)  # ("$" matches at the reach)
    end = stop.start() if stop else len(flat.text)
    phrase = flat.text[start:end]
    cut = reach < len(flat.text) and end >= reach - 1  # no stop within reach: whole words up to it
    if cut:
        phrase = phrase[:phrase.rfind(" ") + 1].rstrip()
    elif STEERING_RE.search(phrase) and flat.text.startswith(STEERING_TOPIC, end):
        more = TOPIC_END_RE.search(flat.text, end + len(STEERING_TOPIC), end + ISSUER_REACH)
        end = more.start() if more else len(flat.text)
        return canonical_agency(flat.text[start:end], locality), end
    words = phrase.split()
    for n in range(min(len(words), MAX_ISSUER_WORDS), 0, -1):
        if is_known_body(" ".join(words[:n])):
            if n < len(words) or cut:
                end = start + len(" ".join(words[:n]))
                phrase = " ".join(words[:n])
            break
    else:
        if len(words) > 14 or cut:
            return None, pos
    name = canonical_agency(phrase, locality)
    return name, (end if name else pos)


# A list introduced with its issuer: "04 Nghị quyết của Bộ Chính trị gồm: Nghị quyết số 57-NQ/TW …; …".
LIST_ISSUER_RE = re.compile(rf"{OF}\s+(?P<agency>(?:(?!{OF}\s)[^,;:.]){{2,60}}?),?\s+{one_of(_REFS['list_lead'])}\s*:",
                            re.IGNORECASE)
# A sentence boundary that ends such a list: "… Nghị quyết số 68-NQ/TW. Các Bộ, ngành …".
LIST_END_RE = NEXT_SENTENCE_RE


def _issuer_before(flat: Flat, start: int, locality: Province | None) -> str | None:
    before = flat.text[max(0, start - 160) : start]
    m = OF_BEFORE_RE.match(before) if AT_END_RE.fullmatch(before.rstrip()[-4:]) else None
    if m:
        return canonical_agency(m["agency"], locality)
    window_start = max(0, start - 700)
    window = flat.text[window_start:start]
    lists = list(LIST_ISSUER_RE.finditer(window))
    if lists and not LIST_END_RE.search(window, lists[-1].end()) and is_known_body(lists[-1]["agency"]):
        return canonical_agency(lists[-1]["agency"], locality)
    return None


def find_mentions(flat: Flat, locality: Province | None, segment: int = 0) -> list[Mention]:
    """Every mention in ``flat``, left to right."""
    v = vocabulary()
    out: list[Mention] = []
    taken = Taken()
    free = taken.free

    typed, anaphora = _typed_and_anaphora(flat.text)
    for m in typed:
        found = match_code(flat.text, m.end())
        if not found:
            continue
        code, _, code_end = found
        if not free(m.start(), code_end):
            continue
        doc_type = v.doc_type(m["type"]).name
        date = dated_at(flat.text, code_end)
        pos = date.end if date else code_end
        issuer, head_end = _issuer_after(flat, pos, locality)
        issuer = issuer or _issuer_before(flat, m.start(), locality)
        kind = "coded" if code.number else "blank"
        title = None if code.number else f"{flat.text[m.start():code_end]}"
        out.append(Mention(m.start(), code_end, head_end, kind, doc_type, True, code, title, date, issuer, segment))
        taken.add(m.start(), code_end)

    for code, start, end in find_codes(flat.text):
        if not free(start, end) or not (code.party or code.doc_type() or code.issuer_bodies()):
            continue
        date = dated_at(flat.text, end)
        pos = date.end if date else end
        issuer, head_end = _issuer_after(flat, pos, locality)
        issuer = issuer or _issuer_before(flat, start, locality)
        t = code.doc_type()
        out.append(Mention(start, end, head_end, "coded", t.name if t else None, False, code, None, date, issuer, segment))
        taken.add(start, end)

    for m in finditer_at(NAMED_START_RE, flat.text, scan(flat.text).starts("named_laws", word_start=True)):
        if not free(m.start(), m.end()):
            continue
        named = _named(flat, m)
        if named:
            out.append(dataclasses.replace(named, segment=segment))
            taken.add(named.start, named.end)

    for m in anaphora:
        if free(m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), m.end(), "anaphora", v.doc_type(m["type"]).name, True, segment=segment))
    return sorted(out, key=lambda x: x.start)


def _named(flat: Flat, m: re.Match[str]) -> Mention | None:
    kind = m["type"]
    date_at = NAMED_DATE_RE.search(flat.text, m.end(), m.end() + 220)
    if not date_at:
        return None
    name = flat.text[m.start() : date_at.start()]
    rest = name[len(kind):]
    if NAMED_BAD_RE.search(rest):
        return None
    # Another document's type inside the name means it is not one name ("Luật Đầu tư công, Chỉ thị số …"),
    # except a law named inside a law's name ("Luật sửa đổi … của Luật Tổ chức Chính phủ").
    law = _REFS["law"].casefold()
    others = [w for w in re.findall(rf"(?<!\w)(?:{type_words(ignore_case=False)})(?!\w)", rest) if w.casefold() != law]
    if others:
        return None
    if kind != _REFS["constitution"] and not NAME_START_RE.match(rest):
        return None
    year_only = YEAR_ONLY_RE.match(flat.text, date_at.start())
    if year_only:
        date = FoundDate(year_only["y"], year_only.start(), year_only.end())
    else:
        date = dated_at(flat.text, date_at.start())
        if date is None:
            return None
    title = tidy(name)
    if kind == _REFS["constitution"]:
        title = f"{title} {dates()['year']} {date.iso[:4]}" if date.iso else title  # "Hiến pháp năm 2013"
    issuer = _REFS["named_laws"][kind]
    return Mention(m.start(), date.end, date.end, "named", kind, True, None, title, date, issuer)


@dataclass
class Group:
    key: tuple
    mentions: list[Mention] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)


def _year(m: Mention) -> str | None:
    if m.date and m.date.iso:
        return m.date.iso[:4]
    if m.code is not None and m.code.year:
        return m.code.year
    return None


def group_mentions(mentions: list[Mention], relations: list[str]) -> list[Group]:
    """Deduplicate by code + year; short forms join the latest earlier group with their code."""
    groups: dict[tuple, Group] = {}
    order: list[tuple] = []
    last_by_code: dict[str, tuple] = {}
    last_by_type: dict[str, tuple] = {}

    def add(key: tuple, m: Mention, rel: str) -> None:
        if key not in groups:
            groups[key] = Group(key)
            order.append(key)
        groups[key].mentions.append(m)
        groups[key].relations.append(rel)
        if m.doc_type:
            last_by_type[fold(m.doc_type)] = key

    for m, rel in zip(mentions, relations):
        if m.kind == "anaphora":
            key = last_by_type.get(fold(m.doc_type or ""))
            if key:
                add(key, m, rel)
            continue
        if m.kind == "named":
            add(("named", fold(m.doc_type), fold(TITLE_YEAR_RE.sub("", m.title or "")), _year(m)), m, rel)
            continue
        if m.kind == "blank":
            add(("blank", fold(m.doc_type or ""), m.code.key, _year(m)), m, rel)
            continue
        code_key = m.code.key
        year = _year(m)
        if year is None and code_key in last_by_code:
            key = last_by_code[code_key]
        else:
            key = ("coded", code_key, year)
        add(key, m, rel)
        last_by_code[code_key] = key

    # A short form seen before any dated mention joins the one dated group with its code.
    dated_by_code: dict[str, list[tuple]] = {}
    for k in order:
        if k[0] == "coded" and k[2] is not None:
            dated_by_code.setdefault(k[1], []).append(k)
    for key in order:
        if key[0] == "coded" and key[2] is None:
            dated = dated_by_code.get(key[1], [])
            if len(dated) == 1:
                target = groups[dated[0]]
                target.mentions[:0] = groups[key].mentions
                target.relations[:0] = groups[key].relations
                del groups[key]
    return [groups[k] for k in order if k in groups]


def best_date(mentions: list[Mention]) -> str | None:
    """The date most mentions give (the first on a tie); the year alone if only that is printed."""
    dates = [m.date.iso for m in mentions if m.date and m.date.iso]
    if not dates:
        return None
    counts = Counter(dates)
    top = max(counts.values())
    full = [d for d in dates if counts[d] == top]
    return full[0]


def issuer_from_symbol(code: Code, locality: Province | None) -> str | None:
    """The issuer the symbol names ("NQ-CP" → Chính phủ, "KH-UBND" → the locality's UBND)."""
    names = []
    for body in code.issuer_bodies():
        if hasattr(body, "qualified"):
            names.append(body.qualified(locality) if locality else body.name)
        else:
            names.append(body.name)
    return ", ".join(names) or None
