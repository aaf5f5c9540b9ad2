"""The document's own identity from its header: type, number, date, place, issuer, subject, signer.

Survives the layouts the corpus shows: the two-column header flattened onto one line, table pipes,
blank numbers and dates, a V/v line split over several lines, type lines in capitals, the old
"TYPE CỦA ISSUER SỐ code NGÀY date subject" heading, and documents without a header (then null and a
warning, never a guess).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

from graph.vocabulary import Province, fold, modern_tones, vocabulary

from .agencies import canonical_agency, expand_abbreviations, is_known_body, is_party_body, locality_of, tidy
from ..lexicon.codes import Code, find_codes, match_code
from ..lexicon.dates import DAY, FoundDate, date_at
from ..clean.flat import Flat, flatten
from ..clean.layout import Layout, Line
from ..lexicon.vocab import CAPITALS, alternation, common, cues, load, one_of, type_start_re, type_words, word_start_re

HEADER_LINES = 40
_HEADER = cues()["header"]  # "Số", the body openers, the heads' titles … (cues.toml)
# Separators in the header columns: "-------", "___________", "******".
SEPARATOR_RE = re.compile(r"[-_*=]{3,}")
# "Số: 124/NQ-CP", "Số:\n772/KH-UBND", "Số:          /UBND-KTTH" (case-sensitive "Số").
NUMBER_RE = re.compile(rf"\b{one_of(_HEADER['number_label'])}\s*:\s*")
# ", ngày" after the place name: "Hà Nội, ngày 08 tháng 5 năm 2025", "Kon Tum, ngày   tháng   năm 2025".
# (The comma, or the first space before it, is matched before the branches, so that a search skips at C speed.)
PLACE_DATE_RE = re.compile(rf"[\s,](?:(?<=,)\s*{DAY}(?:\s+|$)|(?<=\s)\s*,\s*{DAY}(?:\s+|$))", re.IGNORECASE)
# Body openers that end the header zone: "Căn cứ …", "Kính gửi:", "Điều 1. …", "QUYẾT ĐỊNH:", "II. ", "1. ".
BODY_START_RE = re.compile(
    rf"^\s*(?:{one_of(_HEADER['body_openers'])}|{one_of(load('outline.toml')['article'])}\s+\d"
    rf"|{one_of(_HEADER['enacting_colon'])}\s*:|[IVX]+\.\s|\d+\.\s)"
)


def _has_number(line: str) -> bool:
    """A "Số:" line (a plain substring test first: most lines have no "Số")."""
    return _HEADER["number_label"] in line and NUMBER_RE.search(line) is not None


def _has_place_date(line: str) -> bool:
    """A ", ngày" place-and-date line (a plain substring test first: the pattern needs a comma)."""
    return "," in line and PLACE_DATE_RE.search(line) is not None


# The end of a place name split from its date: "Minh, ngày 28 tháng 11 năm 2025" (4240/UBND-VX).
PLACE_TAIL_RE = re.compile(rf"^\w+\s*,\s*{DAY}\s", re.IGNORECASE)


def _place_goes_on(line: str, ahead: str) -> bool:
    """"Thành phố Hồ Chí" over "Minh, ngày 28 …": a place whose last word begins the next line."""
    return "," not in line and PLACE_TAIL_RE.match(ahead) is not None


def is_person_name(text: str) -> bool:
    """A person's name under the signature: "Lê Ngọc Tuấn" (2–5 capitalised words, no digits)."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)


def split_glued_name(text: str) -> tuple[str, str] | None:
    """A title glued to the name: "CHÁNH VĂN PHÒNGThái Hữu Phép" → ("CHÁNH VĂN PHÒNG", "Thái Hữu Phép").

    The name starts at the capital just before the first lower-case letter (no other capital has only
    capitals before it and a lower-case letter after it)."""
    for first, char in enumerate(text):
        if char.islower():
            break
    else:
        return None
    i = first - 1
    if 3 <= i < len(text) - 1 and text[i].isupper() and is_person_name(text[i:]):
        return text[:i].strip(), text[i:]
    return None


@cache
def _motto_re() -> re.Pattern[str]:
    return word_start_re(cues()["header"]["motto"], whole_word=False)


@lru_cache(maxsize=16)  # asked three times of each header zone: place and date, issuer block, its span
def _without_motto(text: str) -> str:
    """``text`` with the motto blanked out (old tone placement tolerated: "CỘNG HOÀ")."""
    modern = modern_tones(text)
    out = list(text)
    for m in _motto_re().finditer(modern):
        out[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(out)


@cache
def _heading_re() -> re.Pattern[str]:
    # "CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC XÂY DỰNG …"
    return re.compile(
        rf"^(?P<type>{type_words()})\s+{one_of(common()['of'])}\s+(?P<issuer>.+?)\s+{one_of(_HEADER['number_label'])}"
        r"\s*:?\s*(?=\d)", re.IGNORECASE
    )


@cache
def _subject_prefix_re() -> re.Pattern[str]:
    # "V/v triển khai …", "Về việc …".
    return re.compile(r"^\s*(?:" + alternation(cues()["header"]["subject_prefixes"]) + r")\s*:?\s*")


@cache
def _subject_lead_re() -> re.Pattern[str]:
    """"V/v", "Về việc" opening a subject (case ignored: "VỀ VIỆC …" in a title)."""
    return re.compile(r"\s*(?:" + alternation(cues()["header"]["subject_prefixes"], ignore_case=True) + r")\s*:?\s+",
                      re.IGNORECASE)


def _without_lead(subject: str | None) -> str | None:
    """A subject without its "V/v" / "Về việc": "Về việc xây dựng kế hoạch …" → "Xây dựng kế hoạch …"."""
    if subject and (lead := _subject_lead_re().match(subject)) and subject[lead.end():].strip():
        subject = subject[lead.end():]
        return subject[:1].upper() + subject[1:]
    return subject


@cache
def _signer_title_re() -> re.Pattern[str]:
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN", "TRƯỞNG BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH": a head's title line.
    return re.compile(r"^(?:" + alternation(cues()["header"]["signer_titles"], ignore_case=True) + r")\s", re.IGNORECASE)


@cache
def _authority_re() -> re.Pattern[str]:
    # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH ỦY"
    return re.compile(r"^\s*\|?\s*(?:" + alternation(cues()["header"]["authority_prefixes"]) + r")\s*\S")


@cache
def _signer_titles() -> dict[str, str]:
    return {fold(t): t for t in cues()["header"]["signer_titles"]}


@dataclass(frozen=True)
class Header:
    doc_type: str | None = None
    code: Code | None = None
    issue_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    authority: str | None = None
    addressees: tuple[str, ...] = ()
    title_span: tuple[int, int] | None = None  # source span of the title / V/v text
    issuer_span: tuple[int, int] | None = None  # source span of the text the issuer was read from
    issuer_printed: str | None = None  # that text, as printed ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    addressee_span: tuple[int, int] | None = None  # source span of the Kính gửi block
    locality: Province | None = None
    warnings: tuple[str, ...] = field(default=())


@lru_cache(maxsize=1024)  # each header and signature line is looked at by several readers
def _stripped(line: str) -> str:
    return SEPARATOR_RE.sub(" ", line.replace("|", " ")).strip()


def _is_caps(text: str) -> bool:
    return bool(text) and not any(map(str.islower, text)) and any(map(str.isalpha, text))


def _mostly_caps(word: str) -> bool:
    """A word in capitals, tolerating one stray lower-case letter ("Xà" for "XÃ")."""
    upper = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    return upper > 0 and lower <= 1 and upper >= lower


def _two_lower(text: str) -> bool:
    """At least two lower-case letters (found without counting them all: a sentence has them at once)."""
    return next(islice(filter(str.islower, text), 1, None), None) is not None


def _header_end(lines: list[Line]) -> int:
    """Index of the first body line (the header zone is ``lines[:end]``)."""
    for n, line in enumerate(lines[:HEADER_LINES]):
        text = _stripped(line.text)
        if not text or text == "[...]":
            continue
        if BODY_START_RE.match(text):
            return n
        words = text.split()
        if len(words) >= 10 and _two_lower(text) and not _subject_prefix_re().match(text) \
                and not _has_place_date(text) and not _motto_re().search(modern_tones(text)):
            return n
    return min(len(lines), HEADER_LINES)


@cache
def _proper_names() -> tuple[dict[str, str], re.Pattern[str]]:
    """Names a title in capitals lowers and must get back: "bộ tài chính" → "Bộ Tài chính", "tỉnh kon tum"."""
    v = vocabulary()
    names = {n.lower(): n for n in [*(b.name for b in v.central), *(f"{p.unit} {p.name}" for p in v.provinces),
                                    *_HEADER["proper_names"]]}
    return names, word_start_re(list(names), r"(?!\w)", ignore_case=False)


# A digit ("57-NQ/TW" keeps its case) and a Roman numeral ("PHẦN II").
DIGIT_RE = re.compile(r"\d")
ROMAN_RE = re.compile(r"[IVXLC]+")


def sentence_case(caps: str) -> str:
    """A title printed in capitals, in normal case: codes, Roman numerals and known names kept."""
    v = vocabulary()
    codes = {}
    for code, start, end in reversed(find_codes(caps)):
        token = f"\x00{len(codes)}\x00"
        codes[token] = str(code)
        caps = caps[:start] + token + caps[end:]
    words = []
    for word in caps.split():
        core = word.strip("()“”\"'.,;:")
        if DIGIT_RE.search(core) and ("/" in core or "-" in core) or ROMAN_RE.fullmatch(core):
            words.append(word)
        else:
            words.append(word.lower())
    text = " ".join(words)
    names, pattern = _proper_names()
    text = pattern.sub(lambda m: names.get(m.group(), m.group()), text)
    text = re.sub(r"([“\"])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)
    for token, code in codes.items():
        text = text.replace(token, code)
    return text[:1].upper() + text[1:]


def read_header(layout: Layout) -> Header:
    lines = list(layout.lines)
    end = _header_end(lines)
    zone = flatten(layout.text, [(lines[0].start, lines[end - 1].end)] if end else [], layout.dropped)
    warnings: list[str] = []

    heading = _heading_re().match(zone.text)
    if heading:
        return _from_heading(zone, heading, layout, lines, end)

    motto = _motto_re().search(modern_tones(zone.text))
    number = NUMBER_RE.search(zone.text)
    code: Code | None = None
    if number:
        found = match_code(zone.text, number.end())
        code = found[0] if found else None
    place, found_date = _place_and_date(zone)
    if found_date is None and end < len(lines):  # "Hà Nội, ngày 20 / tháng 11 năm 2025" after a long V/v line
        wider = flatten(layout.text, [(lines[0].start, lines[min(len(lines), end + DATE_REACH_LINES) - 1].end)],
                        layout.dropped)
        place, found_date = _place_and_date(wider)
    type_line, title, title_span = _type_and_title(layout, lines, end)
    subject, subject_span = _subject_line(layout, lines, end)
    if subject is None and title:
        subject, subject_span = title, title_span
    subject = _without_lead(subject)  # "VỀ VIỆC KHẨN TRƯƠNG …" under a type line reads as a V/v line

    has_header = bool(motto or number or found_date)
    v = vocabulary()
    place_province = v.province(place) if place else None

    issuer = None
    authority = None
    issuer_span = block = None
    ministry_unit = False  # the issuing unit is a ministry's (its block names the ministry over it)
    if has_header:
        block = _issuer_block(zone, motto)
        issuer_span = _block_span(zone, block) if block else None
        authority_line = _authority_line(layout, lines, end, type_line is not None)
        if authority_line:
            authority = canonical_agency(authority_line)
        locality = place_province or locality_of(authority)
        if block:
            issuer, ministry_unit = _issuer_from_block(block, locality)
        elif authority:
            issuer = canonical_agency(CHAIR_RE.sub("", authority_line), locality)
    doc_type = type_line
    letter = subject is not None and subject_span and _vv_present(layout, lines, end)
    if doc_type is None and code is not None and (t := code.doc_type()) and not (letter and t.family == "Directive"):
        doc_type = t.name  # ("5363/CT-CS" with a V/v line is a letter of the Cục Thuế, not a Chỉ thị)
    addressees, addressee_span = _addressees(layout, lines)
    if doc_type is None and (subject is not None and subject_span and _vv_present(layout, lines, end) or addressees):
        doc_type = _HEADER["letter"]

    issue_date = found_date.iso if found_date else None
    if not has_header:
        warnings.append("no header found: code, issue date and issuer are left null")
    else:
        if number and code is not None and code.number is None:
            warnings.append("number is blank")
        elif not number:
            warnings.append(f"no number line ({_HEADER['number_label']}: …) in the header")
        if found_date is None:
            warnings.append("no place-and-date line in the header")
        elif found_date.blank:
            warnings.append("day and month of the issue date are blank")
        if issuer is None:
            warnings.append("issuer block missing from the header")
    signer, signer_title, sig_authority = _signature(layout, lines)
    locality = locality_of(issuer) or (None if ministry_unit else place_province)
    return Header(
        doc_type=doc_type, code=code, issue_date=issue_date, place=place, issuer=issuer,
        subject=subject, signer=signer, signer_title=signer_title, authority=sig_authority or authority,
        addressees=tuple(addressees), title_span=subject_span, locality=locality, warnings=tuple(warnings),
        issuer_span=issuer_span if issuer else None, issuer_printed=block if issuer and block else None,
        addressee_span=addressee_span,
    )


# The date of the old heading, after its code: "… SỐ 16/2001/CT-TTG NGÀY 21 THÁNG 6 NĂM 2001 …".
HEADING_DATE_RE = re.compile(rf"\s*{DAY}\s+", re.IGNORECASE)


def _from_heading(zone: Flat, m: re.Match[str], layout: Layout, lines: list[Line], end: int) -> Header:
    v = vocabulary()
    doc_type = v.doc_type(m["type"]).name
    issuer = canonical_agency(m["issuer"])
    found = match_code(zone.text, m.end())
    code = found[0] if found else None
    pos = found[2] if found else m.end()
    issue_date = None
    subject = None
    span = None
    lead = HEADING_DATE_RE.match(zone.text, pos)
    if lead and (d := date_at(zone.text, lead.end())):
        issue_date = d.iso
        pos = d.end
    rest = zone.text[pos:].strip()
    if rest and _is_caps(rest.split(" ")[0]):
        caps = []
        for word in rest.split(" "):
            if not _mostly_caps(word) and not re.fullmatch(r"[\d\W]+", word):
                break
            caps.append(word)
        start = zone.text.index(rest)
        subject = _without_lead(sentence_case(" ".join(caps)))  # "… VỀ VIỆC XÂY DỰNG KẾ HOẠCH …"
        span = zone.span(start, start + len(" ".join(caps)))
    signer, signer_title, authority = _signature(layout, lines)
    return Header(doc_type=doc_type, code=code, issue_date=issue_date, issuer=issuer, subject=subject,
                  signer=signer, signer_title=signer_title, authority=authority, title_span=span,
                  locality=locality_of(issuer), issuer_span=zone.span(m.start("issuer"), m.end("issuer")),
                  issuer_printed=m["issuer"])


# How many lines past the header zone a place-and-date line is looked for when the zone has none.
DATE_REACH_LINES = 8
# A character no word of a place name has: "Số:", "124/NQ-CP", "|" (a table), "2025".
NOT_PLACE_CHAR_RE = re.compile(r"[\d/:|]")


def _place_and_date(zone: Flat) -> tuple[str | None, FoundDate | None]:
    text = _without_motto(zone.text)
    for m in PLACE_DATE_RE.finditer(text):
        found = date_at(text, m.end())
        if not found:
            continue
        tokens = text[: m.start()].split()
        place: list[str] = []
        for token in reversed(tokens):
            if token == "-" or (token[:1].isupper() and not token.isupper() and not NOT_PLACE_CHAR_RE.search(token)):
                place.insert(0, token)
                if len(place) >= 5:
                    break
                continue
            break
        while place and place[0] == "-":
            place.pop(0)
        return (" ".join(place) or None), found
    return None, None


def _block_span(zone: Flat, block: str) -> tuple[int, int] | None:
    """The source span of the issuer block's words in the header zone (motto and rules skipped)."""
    text = SEPARATOR_RE.sub(lambda m: " " * len(m.group()), _without_motto(zone.text))
    words = list(re.finditer(r"\S+", text))[:len(block.split())]
    return zone.span(words[0].start(), words[-1].end()) if words else None


def _issuer_block(zone: Flat, motto: re.Match[str] | None) -> str | None:
    """The leading run of capitals before the motto, "Số:" and the place-date line."""
    text = SEPARATOR_RE.sub(" ", _without_motto(zone.text))
    words = []
    for word in text.split():
        if not _is_caps(word):
            break
        words.append(word)
    block = " ".join(words)
    if not block:
        return None
    if type_start_re().match(block) and vocabulary().doc_type(block.split(" ")[0] + " " + " ".join(block.split(" ")[1:2])):
        return None
    if vocabulary().doc_type(block):
        return None
    return block


# A child body on the second line of the issuer block: "ỦY BAN NHÂN DÂN TỈNH X / SỞ TÀI CHÍNH".
CHILD_BODY_RE = re.compile("".join(rf"(?<!{one_of(w)})" for w in _HEADER["child_not_after"])
                           + rf"\s(?=(?:{one_of(_HEADER['child_bodies'])})\s)")


def _issuer_from_block(block: str, locality: Province | None) -> tuple[str | None, bool]:
    """The issuer the block names, and whether it is a unit under a central body ("BỘ TÀI CHÍNH" / "CỤC THUẾ",
    5363/CT-CS: the ministry's, no province's, whatever place the date line names)."""
    block = CHAIR_RE.sub("", block)  # "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ" (36/2025/QĐ-CTUBND): the body issues
    parts = CHILD_BODY_RE.split(block, maxsplit=1)
    if len(parts) == 2:
        parent = canonical_agency(parts[0], locality)
        if parent is not None and vocabulary().central_body(parent) is not None:
            return canonical_agency(parts[1], None), True
        return canonical_agency(parts[1], locality_of(parent) or locality), False
    return canonical_agency(block, locality), False


def _type_and_title(layout: Layout, lines: list[Line], end: int) -> tuple[str | None, str | None, tuple[int, int] | None]:
    v = vocabulary()
    for n in range(end):
        text = _stripped(lines[n].text)
        if not _is_caps(text) or ":" in text:
            continue
        t, first = v.doc_type(text), n + 1
        if t is None and n + 1 < end and _is_caps(after := _stripped(lines[n + 1].text)) and ":" not in after:
            t, first = v.doc_type(f"{text} {after}"), n + 2  # "NGHỊ" / "QUYẾT" on two lines (36/2025/NQ-HĐND Huế)
        if t is None:
            continue
        title_lines: list[Line] = []
        blank = False
        for line in lines[first:end]:
            body = _stripped(line.text)
            if body == "[...]":
                break
            if not body:
                if line.text.strip() in {"|", ""} and not SEPARATOR_RE.search(line.text):
                    blank = True
                    continue
                break
            if not (_is_caps(body) or re.fullmatch(r"[\d\W]+", body)) or ":" in body:
                break
            if title_lines and (_authority_name(body) or blank and _signer_title_re().match(body)):
                break  # "TRƯỞNG BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH" after the title: the enacting head
            title_lines.append(line)
            blank = False
        return (t.name, *_title(layout, title_lines))
    # No type line: capitals after the number and date lines, up to the authority line (005).
    seen = False
    title_lines = []
    for line in lines[:end]:
        text = _stripped(line.text)
        if _has_number(text) or _has_place_date(text):
            seen = True
            continue
        if not seen or not text:
            continue
        if not _is_caps(text) or ":" in text or _authority_name(text):
            break
        title_lines.append(line)
    return (None, *_title(layout, title_lines))


def _title(layout: Layout, title_lines: list[Line]) -> tuple[str | None, tuple[int, int] | None]:
    if not title_lines:
        return None, None
    span = (title_lines[0].start, title_lines[-1].end)
    flat = flatten(layout.text, [(l.start, l.end) for l in title_lines], layout.dropped)
    return sentence_case(flat.text), span


# A head's title before the body it heads: "CHỦ TỊCH ỦY BAN NHÂN DÂN …", "BỘ TRƯỞNG BỘ TÀI CHÍNH".
HEAD_TITLE_RE = re.compile(rf"^(?i:{one_of(_HEADER['head_titles'])})\s+")
# The chair before the body that issues: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "Chủ tịch UBND tỉnh yêu cầu …".
CHAIR_RE = re.compile(rf"^(?i:{one_of(_HEADER['chair'])})\s+")


def _authority_name(text: str) -> bool:
    """A line naming the enacting body: "CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG" — not a body of the
    Party, which ends a title instead ("… TẠI BUỔI LÀM VIỆC VỚI THƯỜNG TRỰC" / "TỈNH ỦY THANH HÓA", 634/TB-VPCP)."""
    name = HEAD_TITLE_RE.sub("", text)
    return is_known_body(name) and not is_party_body(name)


def _authority_line(layout: Layout, lines: list[Line], end: int, after_title: bool) -> str | None:
    """The enacting-authority line between the header and the Căn cứ lines."""
    seen_number = False
    for n in range(end):
        text = _stripped(lines[n].text)
        if _has_number(text) or _has_place_date(text):
            seen_number = True
            continue
        if seen_number and _is_caps(text) and ":" not in text and _authority_name(text):
            if vocabulary().doc_type(text) is None:
                return text
    return None


def _subject_line(layout: Layout, lines: list[Line], end: int) -> tuple[str | None, tuple[int, int] | None]:
    """The V/v line (possibly split over several lines), without "V/v"."""
    about = cues()["header"]["subject_about"]
    for n in range(min(end + 1, len(lines))):
        m = _subject_prefix_re().match(lines[n].text)
        if m and lines[n].text.strip().startswith(tuple(cues()["header"]["subject_prefixes"])):
            parts = [(lines[n].start + m.end(), lines[n].end)]
        elif n and _has_number(lines[n - 1].text) and lines[n].text.strip().startswith(about + " "):
            parts = [(lines[n].start, lines[n].end)]  # "Số: 5155/SGDĐT-GDTXNNĐH" / "Về hướng dẫn đánh giá …"
        else:
            continue
        following = [line for line in lines[n + 1 : n + 12] if line.text.strip()]
        for k, line in enumerate(following):
            text = line.text.strip()
            ahead = following[k + 1].text.strip() if k + 1 < len(following) else ""
            if BODY_START_RE.match(text) or _has_place_date(text) or _place_goes_on(text, ahead) \
                    or _has_number(text) or _motto_re().search(modern_tones(text)) or _is_caps(text):
                break  # "Thành phố Hồ Chí" / "Minh, ngày 28 tháng 11 năm 2025": a place-date over two lines
            parts.append((line.start, line.end))
        flat = flatten(layout.text, parts, layout.dropped)
        if not flat.text:
            return None, None
        subject = flat.text[:1].upper() + flat.text[1:]
        return subject, (parts[0][0], parts[-1][1])
    return None, None


def _vv_present(layout: Layout, lines: list[Line], end: int) -> bool:
    return any(lines[n].text.strip().startswith(_HEADER["letter_subject"]) for n in range(min(end + 1, len(lines))))


@cache
def _addressee_re() -> re.Pattern[str]:
    # "Kính gửi:" with the addressees on the same line or as "- …;" items below; "THỦ TƯỚNG CHÍNH PHỦ điện:"
    # (a telegram) with the items below.
    h = cues()["header"]
    cue = r"\s+".join(map(re.escape, h["addressee_cue"].split()))
    telegram = re.escape(h["telegram_cue"])
    return re.compile(rf"^\s*(?:{cue}\s*:?|[{CAPITALS}][{CAPITALS}\s]+\s{telegram}\s*:)\s*(?P<rest>.*)$")


# An addressee item ends with ";" or "." ("- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc" goes on
# with "Chính phủ;" on the next line). Not lexicon.stops.STOP_MARK_RE: the mark is the line's last, and a ":"
# does not end an item.
ITEM_END_RE = re.compile(r"[;.]\s*$")
ITEM_MARKS = "-+•"


def _addressees(layout: Layout, lines: list[Line]) -> tuple[list[str], tuple[int, int] | None]:
    """The Kính gửi lines, each item whole (its lines joined), expanded, and the source span of the block."""
    for n, line in enumerate(lines[:80]):
        m = _addressee_re().match(line.text)
        if not m and n + 1 < len(lines) and 0 < len(line.text.strip()) < len(cues()["header"]["addressee_cue"]):
            m = _addressee_re().match(f"{line.text.strip()} {lines[n + 1].text}")  # "Kính" / "gửi: Hội đồng …"
            n += 1 if m else 0
        if not m:
            continue
        rest = m["rest"].strip()
        listed = not rest or rest.startswith(tuple(ITEM_MARKS))
        items = [rest.lstrip(ITEM_MARKS + " ")] if rest else []
        last = line
        copies, prev = False, ""
        for nxt in lines[n + 1 : n + 40]:
            text = nxt.text.strip()
            if not text:
                continue
            if fold(text).startswith(fold(cues()["header"]["cc_cue"])):
                copies = listed = True  # "Đồng kính gửi:" — its items are the header's, no addressees
                last = nxt
                continue
            if copies:
                if text.startswith(tuple(ITEM_MARKS)) or not ITEM_END_RE.search(prev):
                    prev, last = text, nxt
                    continue
                break
            prev = text
            if listed and text.startswith(tuple(ITEM_MARKS)):
                items.append(text.lstrip(ITEM_MARKS + " "))
            elif items and not ITEM_END_RE.search(items[-1]) and not BODY_START_RE.match(text) \
                    and (text[:1].islower() or listed and ITEM_END_RE.search(text) or len(items[-1].split()) == 1
                         or items[-1].rstrip().endswith(",")):
                items[-1] += " " + text  # the item's line goes on: "… cơ quan thuộc" / "Chính phủ;", "… Xây dựng," /
                # "Công Thương, Văn hóa, …," (231/CĐ-TTg)
            else:
                break
            last = nxt
        out = []
        for item in items:
            item = tidy(expand_abbreviations(item)).rstrip(";.,")
            if item:
                out.append(item)
        return out, ((line.start, last.end) if out else None)
    return [], None


def _signature(layout: Layout, lines: list[Line]) -> tuple[str | None, str | None, str | None]:
    """(signer, signer_title, authority) from the signature block at the end."""
    start = max(0, len(lines) - 40)
    for n in range(len(lines) - 1, -1, -1):
        if lines[n].text.strip().startswith(_HEADER["recipients_cue"]):
            start = n
            break
    titles = _signer_titles()
    title = authority = signer = None
    for n in range(start, len(lines)):
        text = _stripped(lines[n].text)
        if not text:
            continue
        glued = split_glued_name(text)
        caps_part = glued[0] if glued else text
        if _authority_re().match(caps_part) and _is_caps(caps_part):
            authority = _recase_authority(caps_part)
            rest = re.sub(r"^\S+\s*", "", caps_part)
            if fold(rest) in titles:
                title = titles[fold(rest)]
        elif _is_caps(caps_part) and fold(caps_part) in titles:
            title = titles[fold(caps_part)]
        elif _is_caps(caps_part) and authority and not title:
            authority = f"{authority} {_recase_authority(caps_part)}"
            continue
        elif title and is_person_name(text):
            signer = text
            break
        else:
            continue
        if glued and title:
            signer = glued[1]
            break
    return signer, title, authority


def _recase_authority(text: str) -> str:
    m = re.match(r"^(\S+\.)\s*(.*)$", text)
    if not m:
        return canonical_agency(text) or text
    rest = m.group(2)
    titles = _signer_titles()
    name = titles.get(fold(rest)) or canonical_agency(rest) or rest
    return f"{m.group(1)} {name}"


@cache
def _speaker_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = alternation(cues()["body"]["speech_verbs"])
    # Closing formula naming the sender: "Văn phòng Ủy ban nhân dân thành phố thông báo để …",
    # "Ủy ban nhân dân tỉnh báo để các đơn vị, địa phương biết, thực hiện./."
    c = cues()["body"]
    closing = re.compile(r"(?:^|[.:;]\s+)(?P<agency>[A-ZĐ\u00C0-\u1EF8][^.;:,]{2,80}?)"
                         rf"\s+(?:{one_of(c['closing_verbs'])})\s+{one_of(c['closing_purpose'])}\b")
    # Opening main clause: "…, Chủ tịch UBND tỉnh yêu cầu", "Thủ tướng Chính phủ yêu cầu các …".
    opening = re.compile(
        r"(?:^|[,.:;)]\s+)(?P<agency>[A-ZĐ\u00C0-\u1EF8][^.;:,]{1,70}?)\s+(?:" + verbs + r")\b"
    )
    return closing, opening


@cache
def _province_mention_re() -> re.Pattern[str]:
    # "trên địa bàn tỉnh Lào Cai", "tỉnh Bà Rịa - Vũng Tàu áp dụng"
    names = "|".join(re.escape(n) for n in vocabulary().province_names())
    return re.compile(rf"\b(?:{one_of(common()['province_units'])})\s+(?P<name>{names})(?!\w)")


def body_locality(body: Flat) -> Province | None:
    """The province the body names most often ("tỉnh X", "thành phố X"); ties go to the first."""
    counts: dict[str, int] = {}
    for m in _province_mention_re().finditer(body.text):
        counts[m["name"]] = counts.get(m["name"], 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    name = next(n for n in counts if counts[n] == best)
    return vocabulary().province(name)


# A subject that recounts, no sender: "…, Cục Thuế đã có công văn số 5106/CT-CS …".
RECOUNTS_RE = re.compile(rf"\b{one_of(cues()['body']['recounts'])}\b")


def issuer_from_body(body: Flat, locality: Province | None) -> str | None:
    """The sender named by the body when the header has no issuer block.

    The closing formula wins over the opening main clause; a local body is returned only when the
    text names its province (by the place line or in the body), never guessed.
    """
    closing, opening = _speaker_res()
    locality = locality or body_locality(body)
    for pattern in (closing, opening):
        for m in pattern.finditer(body.text):
            agency = re.sub(r"\s*\([^)]*\)", "", m["agency"])
            agency = CHAIR_RE.sub("", agency).strip()
            if RECOUNTS_RE.search(agency) or not is_known_body(agency):
                continue
            name = canonical_agency(agency, locality)
            v = vocabulary()
            if name and (v.central_body(name) or locality_of(name)):
                return name
            return None
    return None
