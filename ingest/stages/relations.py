"""The kind of link from a document to each document it mentions.

implements > amends / replaces / repeals > based_on > cites. A mention gets a strong relation only
when it is a *direct object* of a governing phrase: the title or V/v line ("KẾ HOẠCH THỰC HIỆN NGHỊ
QUYẾT SỐ …"), an opening "Thực hiện …, Ủy ban nhân dân tỉnh ban hành …", a "Căn cứ …" line, an
"Điều 1. Ban hành kèm theo … Kế hoạch thực hiện …". A document named inside another's description
("… 138/NQ-CP về Ban hành Kế hoạch … thực hiện Nghị quyết số 68-NQ/TW") is only cited.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from graph.vocabulary import fold, vocabulary

from .references import Mention
from ..clean.flat import Flat
from ..lexicon.scanner import finditer_at, scan
from ..lexicon.stops import SENTENCE_OPENER
from ..lexicon.vocab import alternation, common, cues, load, one_of, phrases_re

STRENGTH = {"implements": 5, "amends": 4, "replaces": 4, "repeals": 4, "based_on": 2, "cites": 1}
# "của", "này" (common.toml) and "Điều" (outline.toml), as patterns.
OF, THIS, ARTICLE = one_of(common()["of"]), one_of(common()["this"]), one_of(load("outline.toml")["article"])

# A list marker right before a cue: "5. Thực hiện hiệu quả …", "- Thực hiện nghiêm túc …", "a) …".
LIST_MARKER_RE = re.compile(r"(?:^|\s)(?:\d+\.|[a-zđ]\)|[-+•])$")
LIST_MARKER_REACH = 40  # characters looked at before a cue for its marker
# Where a sentence ends: ". Chủ tịch UBND tỉnh ban hành …", "như sau:". Not lexicon.stops.STOP_MARK_RE: a full
# stop ends one only before what opens a sentence (or a bracket) or at the end, and a ";" does not end one.
SENTENCE_END_RE = re.compile(rf"\.(?=\s+[{SENTENCE_OPENER}(\[])|\.$|:(?=\s|$)")


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> list[int]:
    """Where each :data:`SENTENCE_END_RE` match of ``text`` starts, found once (its matches are one character,
    so these are all the places a search from any position can stop)."""
    return [m.start() for m in SENTENCE_END_RE.finditer(text)]


def _sentence_end(text: str, pos: int) -> int:
    """Where the first sentence end at or after ``pos`` starts (``len(text)`` if none): what
    ``SENTENCE_END_RE.search(text, pos)`` gives, without scanning the rest of the text each time."""
    ends = _sentence_ends(text)
    k = bisect.bisect_left(ends, pos)
    return ends[k] if k < len(ends) else len(text)
# What splits a scope into its objects: "; " outside brackets ("… (a; b); Nghị quyết …" cuts once).
BRACKET_OR_SEMICOLON_RE = re.compile(r"[();]")


@cache
def _preamble_re() -> re.Pattern[str]:
    """Other preamble openers that end a "Căn cứ" scope: "Theo đề nghị của …", "Xét Tờ trình số …"."""
    return re.compile(rf"(?:{alternation(_body_cues()['preamble_enders'])})(?!\w)")


def stronger(a: str, b: str) -> str:
    return a if STRENGTH[a] >= STRENGTH[b] else b


@cache
def _body_cues() -> dict:
    return cues()["body"]


@cache
def _numbers_follow_re() -> re.Pattern[str]:
    """A colon before a list of numbers: ": số 007/CĐ-UBND …" — the list goes on, the sentence does not end."""
    return re.compile(rf":\s*{re.escape(cues()['header']['number_label'])}\s", re.IGNORECASE)


@cache
def _opener_re() -> re.Pattern[str]:
    c = _body_cues()
    return re.compile(rf"(?P<cue>{alternation(c['implement_openers'] + c['basis_openers'])})(?!\w)")


@cache
def _description_re() -> re.Pattern[str]:
    return phrases_re(_body_cues()["description_openers"])


@cache
def _main_clause_re() -> re.Pattern[str]:
    # ", Ủy ban nhân dân tỉnh ban hành …", ", Chủ tịch UBND tỉnh yêu cầu …", ", các Bộ, cơ quan đã thực hiện …"
    verbs = alternation(_body_cues()["speech_verbs"] + _body_cues()["narrative_markers"], ignore_case=True)
    return re.compile(rf",\s+(?P<subj>[^\W\d][^,;\d]{{0,60}}?)\s+(?P<verb>{verbs})(?!\w)", re.IGNORECASE)


@cache
def _frame_re() -> re.Pattern[str]:
    # The lead of a title or an Điều 1 that makes the next document implemented:
    # "THỰC HIỆN …", "TRIỂN KHAI THỰC HIỆN …", "BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN …",
    # "Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện …",
    # "PHÁT ĐỘNG PHONG TRÀO THI ĐUA THỰC HIỆN …".
    c = _body_cues()
    types = alternation(vocabulary().type_words(), ignore_case=True)
    return re.compile(
        rf"(?:(?:{alternation(c['title_lead_ins'], ignore_case=True)})\s+)?"
        rf"(?:(?:{alternation(c['creation_verbs'], ignore_case=True)})\s+(?:(?:{types})\s+{THIS}\s+)?(?:{alternation(c['plan_nouns'], ignore_case=True)})"
        rf"(?:\s+{OF}\s+(?P<own>[^,;]{{1,60}}?))?\s+)?"
        rf"(?:{alternation(c['implement_verbs'], ignore_case=True)})\s+",
        re.IGNORECASE,
    )


@cache
def _amend_before_re() -> re.Pattern[str]:
    # "sửa đổi, bổ sung một số điều của Nghị định số …", "thay thế Quyết định số …", "bãi bỏ Điều 3 của …".
    c = _body_cues()
    some, parts = one_of(c["some_articles"]), one_of(load("outline.toml")["subdivisions"])
    return re.compile(
        rf"(?:(?P<amends>{alternation(c['amends'], ignore_case=True)})|(?P<replaces>{alternation(c['replaces'], ignore_case=True)})|(?P<repeals>{alternation(c['repeals'], ignore_case=True)}))"
        rf"\s+(?:{some}(?:\s+{OF})?\s+|(?:(?:{parts})\s+\S+\s+)?(?:{ARTICLE}\s+\S+\s+)?(?:{OF}\s+)?)?$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=64)
def _self_re(own_type: str | None = None) -> re.Pattern[str]:
    # "Quyết định này" in a Quyết định: the document speaking of itself (not "Luật này" in a letter that
    # quotes a law). Without a known type, any type word.
    words = [own_type] if own_type else vocabulary().type_words()
    return re.compile(rf"(?<!\w)(?:{alternation(words, ignore_case=True)})\s+{THIS}(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Scope:
    kind: str  # "implements" | "based_on"
    start: int  # where the objects start (after the cue or frame)
    end: int


def _sentence_initial(flat: Flat, source: str, pos: int) -> bool:
    text, end = flat.text, pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    # "^" matches only at the text's real start and "$" at ``end``: a window, the same answer as the whole prefix.
    if LIST_MARKER_RE.search(text, max(0, end - LIST_MARKER_REACH), end):
        return False
    if end == 0 or text[end - 1] in ".;:)]>":
        return True
    at = flat.index[pos]
    while at > 0 and source[at - 1] != "\n" and source[at - 1].isspace():
        at -= 1  # only whitespace back to the line's start (not a search back over a long line)
    return at == 0 or source[at - 1] == "\n"


# "V/v" or "Về việc" before a title's subject: "V/v triển khai Nghị quyết số …".
SUBJECT_LEAD_RE = re.compile(rf"\s*(?:{one_of(cues()['header']['subject_prefixes'])})\s*")
# The first article, whose lead may make the next document implemented: "Điều 1. Ban hành kèm theo …".
FIRST_ARTICLE_RE = re.compile(rf"{ARTICLE}\s+1\.\s*")


def _scopes(flat: Flat, source: str, title: tuple[int, int] | None, own: str | None) -> list[Scope]:
    scopes: list[Scope] = []
    if title:
        a, b = title
        text = flat.text[a:b]
        lead = SUBJECT_LEAD_RE.match(text)
        offset = lead.end() if lead else 0
        m = _frame_re().match(text, offset)
        if m and _own_ok(m, own):
            scopes.append(Scope("implements", a + m.end(), b))
    hits = scan(flat.text)
    openers = [m for m in finditer_at(_opener_re(), flat.text, hits.starts("implement_openers", "basis_openers"))
               if _sentence_initial(flat, source, m.start())]
    starts = sorted([m.start() for m in openers] + [m.start() for m in finditer_at(_preamble_re(), flat.text,
                                                                                  hits.starts("preamble_enders"))
                                                    if _sentence_initial(flat, source, m.start())])
    for m in openers:
        kind = "based_on" if m["cue"] in _body_cues()["basis_openers"] else "implements"
        end = _sentence_end(flat.text, m.end())
        while kind == "based_on" and _numbers_follow_re().match(flat.text, end):
            end = _sentence_end(flat.text, end + 1)  # "…; Các Công điện: số 007/CĐ-UBND …" (0129/KH-UBND): one basis line
        if (k := bisect.bisect_right(starts, m.start())) < len(starts):
            end = min(end, starts[k])  # the next opener
        if kind == "implements":
            main = _main_clause_re().search(flat.text, m.end(), end)
            if main:
                if main["verb"].casefold() in {w.casefold() for w in _body_cues()["narrative_markers"]}:
                    continue  # "Thực hiện X, các Bộ, cơ quan đã …" recounts; X is only cited
                end = main.start()
        scopes.append(Scope(kind, m.end(), end))
    for m in finditer_at(FIRST_ARTICLE_RE, flat.text, hits.starts("article")):
        frame = _frame_re().match(flat.text, m.end())
        if frame and _own_ok(frame, own):
            scopes.append(Scope("implements", frame.end(), _sentence_end(flat.text, frame.end())))
    return scopes


def _own_ok(frame: re.Match[str], own: str | None) -> bool:
    """"… Kế hoạch của Chính phủ thực hiện X" implements X only if the plan is the issuer's own."""
    said = frame.groupdict().get("own")
    if not said:
        return True
    return own is not None and (fold(said) in fold(own) or fold(own) in fold(said))


def _top_level_semicolons(text: str, start: int, end: int) -> list[int]:
    depth, cuts = 0, []
    for m in BRACKET_OR_SEMICOLON_RE.finditer(text, start, end):
        ch = m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append(m.start())
    return cuts


def _starting_in(starts: list[int], a: int, b: int) -> range:
    """The indexes of the mentions that start in ``[a, b)``, given their ``starts`` in text order (as
    :func:`find_mentions` gives them): found by bisection, not by a pass over every mention."""
    return range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))


def classify(flat: Flat, source: str, mentions: list[Mention], title: tuple[int, int] | None,
             own_issuer: str | None, own_type: str | None = None) -> list[str]:
    """The relation of each body mention, in order."""
    relations = ["cites"] * len(mentions)
    starts = [m.start for m in mentions]
    description = _description_re()
    for scope in _scopes(flat, source, title, own_issuer):
        cuts = _top_level_semicolons(flat.text, scope.start, scope.end)
        bounds = [scope.start, *[c + 1 for c in cuts], scope.end]
        for a, b in zip(bounds, bounds[1:]):
            cursor, nested = a, False
            for n in _starting_in(starts, a, b):
                m = mentions[n]
                if scope.kind != "based_on" and description.search(flat.text, cursor, m.start):
                    nested = True  # (in a "Căn cứ" line every document named is a basis, as the contract reads)
                if not nested:
                    relations[n] = stronger(scope.kind, relations[n])
                cursor = max(cursor, m.head_end)
    _approved_plans(flat, mentions, relations, _scopes(flat, source, title, own_issuer))
    _amendments(flat, mentions, relations, title, own_type)
    return relations


# How much of an approved plan's name the implemented plan must repeat: "Kế hoạch thực hiện Đề án phát triển
# ứng dụng dữ liệu dân cư, định danh …" against "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư …".
PLAN_NAME_WORDS = 8
PLAN_NAME_SHARE = 0.75
DESCRIPTION_REACH = 300


@cache
def _plan_object_re() -> re.Pattern[str]:
    # "Đề án 06 về “Phát triển …”", "Đề án phát triển ứng dụng …", "Chương trình mục tiêu quốc gia …"
    return re.compile(rf"\s*(?:{alternation(_body_cues()['approved_plans'], ignore_case=True)})(?!\w)\s*(?P<name>[^;]*)",
                      re.IGNORECASE)


@cache
def _approves_re() -> re.Pattern[str]:
    # "… của Thủ tướng Chính phủ phê duyệt Đề án “Phát triển ứng dụng dữ liệu …”"
    c = _body_cues()
    return re.compile(rf"(?<!\w)(?:{alternation(c['approval_verbs'], ignore_case=True)})\s+"
                      rf"(?:{alternation(c['approved_plans'], ignore_case=True)})(?!\w)\s*(?P<name>[^;]*)", re.IGNORECASE)


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text))][:PLAN_NAME_WORDS * 2]


def _approved_plans(flat: Flat, mentions: list[Mention], relations: list[str], scopes: list[Scope]) -> None:
    """A plan that carries out a programme by its name ("Kế hoạch thực hiện Đề án phát triển ứng dụng dữ liệu
    dân cư …") implements the document that approved it ("Quyết định số 06/QĐ-TTg … phê duyệt Đề án phát
    triển ứng dụng dữ liệu về dân cư …")."""
    starts = [m.start for m in mentions]
    approving: list[tuple[int, list[str]]] | None = None
    seen: set[frozenset[str]] = set()  # a plan named again changes nothing more
    for scope in scopes:
        if scope.kind != "implements":
            continue
        obj = _plan_object_re().match(flat.text, scope.start, scope.end)
        if obj is None or _starting_in(starts, scope.start, scope.end):
            continue
        wanted = set(_name_words(obj["name"]))
        if frozenset(wanted) in seen:
            continue
        seen.add(frozenset(wanted))
        if approving is None:
            approving = _approving(flat, mentions, starts)
        for n, words in approving:
            if words and sum(w in wanted for w in words) / len(words) >= PLAN_NAME_SHARE:
                relations[n] = stronger("implements", relations[n])


def _approving(flat: Flat, mentions: list[Mention], starts: list[int]) -> list[tuple[int, list[str]]]:
    """Each mention whose description approves a plan, with the first words of the plan's name (once for
    all the scopes that look for one)."""
    out = []
    for n, m in enumerate(mentions):
        k = bisect.bisect_left(starts, m.end)  # the next document named
        stop = min(len(flat.text), m.end + DESCRIPTION_REACH, starts[k] if k < len(starts) else len(flat.text))
        desc = flat.text[m.end:stop].split(";")[0]  # its own description, up to the next document
        found = _approves_re().search(desc)
        if found is None:
            continue
        out.append((n, [w for w in _name_words(found["name"]) if len(w) > 1][:PLAN_NAME_WORDS]))
    return out


def _amendments(flat: Flat, mentions: list[Mention], relations: list[str], title: tuple[int, int] | None,
                own_type: str | None = None) -> None:
    """"… thay thế Quyết định số …", "Bãi bỏ Quyết định số …" (this document's own change: its title, a
    sentence about "Quyết định này", or an item that opens with the cue), "X … hết hiệu lực kể từ …";
    documents listed after the first with ";" ("thay thế Quyết định số A …; Quyết định số B …")."""
    changed: dict[int, str] = {}
    stops, expiring = _full_stops(flat.text), _expiry_starts(flat.text)
    about_self: dict[tuple[int, int], bool] = {}  # per sentence: whether it speaks of this document
    for n, m in enumerate(mentions):
        k = bisect.bisect_right(stops, m.start - len(DOT_SPACE)) - 1
        left = stops[k] if k >= 0 else 0  # the last ". " before the mention
        right = _sentence_end(flat.text, m.end)
        cue = _amend_before_re().search(flat.text[max(0, m.start - 80) : m.start])
        if cue is None:
            if _expires_after(flat.text, m.end, right, expiring) and not _self_re(own_type).match(_lead(flat.text, m.end, right)) \
                    and not _nested_re().search(flat.text[max(0, m.start - NESTED_REACH):m.start]):
                relations[n] = stronger("replaces", relations[n])  # (not "… theo Nghị định số X": inside a title)
            elif (prev := changed.get(n - 1)) and _joined_change(flat.text, mentions[n - 1], m):
                relations[n] = stronger(prev, relations[n])
                changed[n] = prev
            continue
        cue_at = m.start - 80 + cue.start() if m.start >= 80 else cue.start()
        if _not_own_change_re().search(flat.text[max(0, cue_at - 60):cue_at]):
            continue  # "dự thảo Nghị định thay thế Nghị định số 54/2018/NĐ-CP": the draft's change
        in_title = title is not None and title[0] <= m.start < title[1]
        opens_item = LIST_MARKER_RE.search(flat.text, max(0, cue_at - LIST_MARKER_REACH), cue_at) is not None \
            or flat.text[max(0, cue_at - 2):cue_at].strip() in ("", ".", ":", ";")
        if not in_title and (left, right) not in about_self:
            about_self[left, right] = _self_re(own_type).search(flat.text, left, right) is not None
        if not in_title and not about_self[left, right] and not opens_item:
            continue
        kind = next(k for k in ("amends", "replaces", "repeals") if cue.group(k))
        relations[n] = stronger(kind, relations[n])
        changed[n] = kind
    _listed_changes(flat, mentions, relations, own_type)
    _article_changes(flat, mentions, relations)


# A full stop with the space after it, as the flat text prints a sentence's end: "… ngày ký. Điều 3." (not
# lexicon.stops.FULL_STOP: a stop at the end of the text is none here; found with ``str.find``).
DOT_SPACE = ". "
# More than any phrase of these patterns (the expiry phrases, "Quyết định này") takes.
PHRASE_CHARS = 100


@lru_cache(maxsize=4)
def _full_stops(text: str) -> list[int]:
    """Where each ". " of ``text`` starts, found once."""
    out, at = [], text.find(DOT_SPACE)
    while at >= 0:
        out.append(at)
        at = text.find(DOT_SPACE, at + 1)
    return out


@lru_cache(maxsize=4)
def _expiry_starts(text: str) -> list[int]:
    """Where each expiry phrase of ``text`` starts ("hết hiệu lực"), found once."""
    return [m.start() for m in finditer_at(_expires_re(), text, scan(text).starts("expires", word_start=True))]


def _expires_after(text: str, a: int, b: int, expiring: list[int]) -> bool:
    """Whether ``_expires_re().search(text[a:b])`` finds a phrase, for ``b`` a sentence end (:func:`_sentence_end`,
    which no phrase spans; tests/test_fast_paths.py checks it): one found in the whole text starts in
    ``[a, b)`` (the phrase holds no sentence end, so it ends there too), or one starts at ``a`` itself, where
    the slice sees no letter before it."""
    k = bisect.bisect_left(expiring, a)
    return k < len(expiring) and expiring[k] < b or _expires_re().match(text[a:min(b, a + PHRASE_CHARS)]) is not None


def _lead(text: str, a: int, b: int) -> str:
    """The start of ``text[a:b].lstrip()``, up to :data:`PHRASE_CHARS` characters (not a copy of the rest of
    a long sentence for each mention in it)."""
    while a < b and text[a].isspace():
        a += 1
    return text[a:min(b, a + PHRASE_CHARS)]


# Before a document named inside another's description: "… theo Nghị định số 116/2016/NĐ-CP".
NESTED_REACH = 12


@cache
def _nested_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(_body_cues()['nested_before'], ignore_case=True)})\s*$", re.IGNORECASE)


# A document listed after another with a semicolon: "; Quyết định số 824/QĐ-UBND …" (the type words and
# the number only between them).
JOINED_REACH = 40


def _joined_change(text: str, prev: Mention, m: Mention) -> bool:
    """"thay thế Quyết định số 1849/QĐ-UBND … thành phố Cần Thơ …; Quyết định số 824/QĐ-UBND …"."""
    gap = text[prev.end:m.start]
    semi = gap.rfind(";")
    return semi >= 0 and len(gap) - semi <= JOINED_REACH and "." not in gap[semi:]


# The end of a list of changed documents: the next article ("Điều 6.").
NEXT_ARTICLE_RE = re.compile(rf"\s{ARTICLE}\s+\d+[a-z]?\s*\.")
LISTED_CHANGE_REACH = 1500  # characters a list of changed documents runs over at most


@cache
def _listed_change_re() -> re.Pattern[str]:
    """An item that opens with a change and a colon: "Bãi bỏ các Quyết định sau:", "Bãi bỏ:"."""
    c = _body_cues()
    return re.compile(
        rf"(?:(?P<amends>{alternation(c['amends'], ignore_case=True)})|(?P<replaces>{alternation(c['replaces'], ignore_case=True)})"
        rf"|(?P<repeals>{alternation(c['repeals'], ignore_case=True)}))(?:\s+[^.:;]{{0,60}})?:\s", re.IGNORECASE)


def _listed_changes(flat: Flat, mentions: list[Mention], relations: list[str], own_type: str | None = None) -> None:
    """"Bãi bỏ các Quyết định sau: a) Quyết định số 32/2021/QĐ-UBND …; b) …", "Quyết định này bãi bỏ toàn bộ
    các Quyết định sau:", "Các quyết định sau hết hiệu lực thi hành kể từ ngày …:" — every document of the list."""
    found = [(cue, next(k for k in ("amends", "replaces", "repeals") if cue.group(k)))
             for cue in finditer_at(_listed_change_re(), flat.text, scan(flat.text).starts("amends", "replaces", "repeals"))]
    found += [(cue, "replaces") for cue in finditer_at(_listed_expiry_re(), flat.text,
                                                       scan(flat.text).starts("list_after", word_start=True))]
    starts = [m.start for m in mentions]
    for cue, kind in found:
        before = flat.text[max(0, cue.start() - LIST_MARKER_REACH):cue.start()].rstrip()
        if not (before == "" or before[-1] in ".;:" or LIST_MARKER_RE.search(before)
                or _self_re(own_type).search(before[-LIST_MARKER_REACH:]) or cue.re is _listed_expiry_re()):
            continue  # the change opens its item ("2. Bãi bỏ các Quyết định sau:") or this document makes it
        end_m = NEXT_ARTICLE_RE.search(flat.text, cue.end(), cue.end() + LISTED_CHANGE_REACH)
        end = end_m.start() if end_m else min(len(flat.text), cue.end() + LISTED_CHANGE_REACH)
        for n in _starting_in(starts, cue.end(), end):
            m = mentions[n]
            if not _nested_re().search(flat.text[max(0, m.start - NESTED_REACH):m.start]):
                relations[n] = stronger(kind, relations[n])


@cache
def _listed_expiry_re() -> re.Pattern[str]:
    """A list of documents that expire: "Các quyết định sau hết hiệu lực thi hành kể từ ngày … năm 2025:"."""
    c = _body_cues()
    return re.compile(rf"(?<!\w)(?:{alternation(c['list_after'], ignore_case=True)})\s+"
                      rf"(?:{alternation(c['expires'], ignore_case=True)})[^.:;]{{0,60}}:\s", re.IGNORECASE)


@cache
def _item_change_re() -> re.Pattern[str]:
    """An article or a numbered item of a legal text that opens with a change: "Điều 1. Bổ sung các cửa khẩu
    sau vào danh sách …", "2. Bãi bỏ cụm từ “Công an cấp huyện” tại điểm a khoản 1 Điều 3 Nghị quyết số …"."""
    c = _body_cues()
    return re.compile(
        rf"(?:^|\s)(?:{ARTICLE}\s+\d+[a-z]?\s*\.|\d+\.)\s*(?:(?P<amends>{alternation(c['amends'], ignore_case=True)})"
        rf"|(?P<replaces>{alternation(c['replaces'], ignore_case=True)})|(?P<repeals>{alternation(c['repeals'], ignore_case=True)}))"
        rf"(?!\w)", re.IGNORECASE)


def _article_changes(flat: Flat, mentions: list[Mention], relations: list[str]) -> None:
    """The first document named in the first sentence of an item that opens with a change (389/NQ-CP adds
    border gates to the list of 127/NQ-CP; 80/2025/NQ-HĐND strikes a phrase of 38/2024/NQ-HĐND): changed."""
    starts = [m.start for m in mentions]
    for cue in _item_change_re().finditer(flat.text):
        kind = next(k for k in ("amends", "replaces", "repeals") if cue.group(k))
        end = _sentence_end(flat.text, cue.end())
        for n in _starting_in(starts, cue.end(), end)[:1]:  # the first document named: the one changed
            m = mentions[n]
            if not _nested_re().search(flat.text[max(0, m.start - NESTED_REACH):m.start]):
                relations[n] = stronger(kind, relations[n])


@cache
def _expires_re() -> re.Pattern[str]:
    return phrases_re(_body_cues()["expires"])


@cache
def _not_own_change_re() -> re.Pattern[str]:
    return phrases_re(_body_cues()["not_own_change"])
