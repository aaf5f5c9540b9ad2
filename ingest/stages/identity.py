"""Stable document identifiers.

A code is not unique: ``124/NQ-CP`` is the 124th Government resolution *of 2025*, and ``KH-UBND`` is
used by every province. The id is the code plus its issue year, plus the issuer when the symbol does
not name it (``vn/nq-cp/2025/124``, ``vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140``).

A document with no number ("Số:      /UBND-KTTH") is identified by its issuer, its date as printed (even
partial: ``2025``), its symbol, and a digest of its subject *and its whole text*
(``vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/<digest>``): two different letters of one office in one
year never share an id, and the same text read twice always gets the same one. An id never comes from
empty text: a file with no header at all is identified by its own digest (``vn/source/…``).

A *mention* of a document with no number cannot know that digest: its id (:func:`cited_unnumbered_id`)
is a stub's, built from the issuer, the date and the subject the mention gives ("… của UBND tỉnh Kon Tum
về việc …"), or from the sentence that cites it when it gives no subject. ``graph.build`` resolves such a
mention to the held document by issuer, date and subject.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from graph.errors import LineageError
from graph.ids import slug
from graph.vocabulary import CentralBody

from ..lexicon.codes import Code
from ..lexicon.vocab import CAPITALS, alternation, cues

DIGEST_CHARS = 12  # hex digits of an unnumbered document's digest (48 bits)
SUBJECT_MAX = 240  # characters a mention's subject may run before its stop


def symbol_names_issuer(code: Code) -> bool:
    bodies = code.issuer_bodies()
    if code.party and code.parts[-1] == "TW":
        return True
    return bool(bodies) and all(isinstance(b, CentralBody) for b in bodies)


def document_id(code: Code | None, issue_date: str | None, issuer: str | None,
                subject: str | None = None, title: str | None = None, doc_type: str | None = None,
                fallback: str | None = None, text: str | None = None) -> str:
    """The id of a document from what is known of it (see the module docstring). ``text`` is the whole
    cleaned text of a document read from its file (for one with no number); ``fallback`` the file's sha256."""
    year = issue_date[:4] if issue_date else (code.year if code and code.year else "undated")
    if code is not None and code.number is not None:
        parts = ["vn"]
        if not symbol_names_issuer(code):
            parts.append(slug(issuer) if issuer else "unknown-issuer")
        parts += [slug(code.symbol), year, code.number]
        return "/".join(parts)
    if title:
        return "/".join(["vn", slug(doc_type or "document"), year, slug(title)])
    if issuer or subject or issue_date:
        return _unnumbered(code, issue_date, issuer, _digest(subject or "", " ".join((text or "").split())))
    if not fallback:
        raise LineageError("a document with no code, issuer, date or subject needs its file's sha256 to be "
                           "identified by (document_id(…, fallback=sha256))")
    return f"vn/source/{fallback[:16]}"


def cited_unnumbered_id(code: Code | None, issue_date: str | None, issuer: str | None, subject: str | None,
                        sentence: str | None) -> str:
    """The stub id of a mentioned document with no number: its issuer, date and symbol, and a digest of the
    subject the mention gives, else of the sentence that cites it (two letters citing one unnumbered letter
    without its subject cannot be known to cite the same one)."""
    basis = ("subject", subject) if subject else ("mention", sentence or "")
    return _unnumbered(code, issue_date, issuer, "cited-" + _digest(*basis))


def _unnumbered(code: Code | None, issue_date: str | None, issuer: str | None, digest: str) -> str:
    symbol = slug(code.symbol) if code is not None and code.symbol else "unnumbered"
    return "/".join(["vn", slug(issuer) if issuer else "unknown-issuer", symbol, issue_date or "undated", digest])


def _digest(*parts: str) -> str:
    text = "\x1f".join(" ".join(p.split()).casefold() for p in parts)
    return hashlib.sha1(text.encode()).hexdigest()[:DIGEST_CHARS]


@cache
def _mention_subject_re() -> re.Pattern[str]:
    # The subject after a mention's date and issuer, up to a semicolon, bracket, full stop, or a comma before a
    # capital (the sentence's own subject): " về việc triển khai Nghị quyết số 124/NQ-CP ngày 08 tháng 5 năm 2025
    # của Chính phủ, Sở Y tế …"; a comma before a small letter is the subject's own ("phòng, chống thiên tai").
    leads = alternation(cues()["references"]["mention_subject_leads"], ignore_case=True)
    stop = rf"[;:()\[\]“”\"]|,\s*(?-i:[{CAPITALS}])|\.(?:\s|$)|$"
    return re.compile(rf"\s*(?:{leads})\s+(?P<subject>(?:(?!{stop}).){{3,{SUBJECT_MAX}}}?)\s*(?={stop})",
                      re.IGNORECASE)


def mention_subject(text: str, pos: int) -> str | None:
    """The subject a mention gives right after ``pos`` (the end of its date and issuer), if any.

    >>> mention_subject("Công văn số /UBND-KTTH của UBND tỉnh Kon Tum về việc triển khai Nghị quyết số 124/NQ-CP, Sở", 44)
    'triển khai Nghị quyết số 124/NQ-CP'
    """
    m = _mention_subject_re().match(text, pos)
    return " ".join(m["subject"].split()) if m else None
