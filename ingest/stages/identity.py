"""Stable document identifiers.

A code is not unique: ``124/NQ-CP`` is the 124th Government resolution *of 2025*, and ``KH-UBND`` is
used by every province. The id is the code plus its issue year, plus the issuer when the symbol does
not name it (``vn/nq-cp/2025/124``, ``vn/uy-ban-nhan-dan-tinh-quang-ngai/kh-ubnd/2025/140``).
Unnumbered documents get issuer + date + a hash of the subject.
"""

from __future__ import annotations

import hashlib

from graph.ids import slug
from graph.vocabulary import CentralBody

from ..lexicon.codes import Code


def symbol_names_issuer(code: Code) -> bool:
    bodies = code.issuer_bodies()
    if code.party and code.parts[-1] == "TW":
        return True
    return bool(bodies) and all(isinstance(b, CentralBody) for b in bodies)


def document_id(code: Code | None, issue_date: str | None, issuer: str | None,
                subject: str | None = None, title: str | None = None, doc_type: str | None = None,
                fallback: str | None = None) -> str:
    """The id of a document from what is known of it (see the module docstring)."""
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
        digest = hashlib.sha1((subject or "").casefold().encode()).hexdigest()[:10]
        symbol = slug(code.symbol) if code is not None else "unnumbered"
        return "/".join(["vn", slug(issuer) if issuer else "unknown-issuer", symbol, issue_date or "undated", digest])
    return f"vn/source/{(fallback or '')[:16]}"
