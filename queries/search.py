"""Find that forgives: documents and agencies by what a person types, without diacritics, in any case, with
the abbreviations documents use ("UBND", "HĐND", "TTg", "CP", "NQ") and with part of a code ("124" finds
124/NQ-CP and the letters that implement it).

Both stores keep a text index of every document's code, type, issuer, subject and outline folded to plain letters
(:mod:`graph.text_index`), which :func:`search` asks; the abbreviations are expanded and code hits told apart
here, and both stores answer the same named queries (``links``, ``document``, ``known_agencies``) for the rest.
The abbreviations come from the agency registry and the document types (``graph/vocabulary``), never from
this file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.errors import LineageError
from graph.text_index import Alternative, Term, fold, words
from graph.vocabulary import vocabulary

from .catalogue import named
from .run import MAX_ROWS, row_type, run, sort_rows

# A typed word that is the start of a document code: "124", "124/nq", "124/NQ-CP", "57-NQ/TW", "198/2025/QH15".
CODE_TERM_RE = re.compile(r"^\d+(?:[/\-][\w\-/]*)?$")
# The start of a word: after no letter or digit ("kon" in "tinh kon tum", "nq" in "124/nq-cp").
WORD_START = r"(?<![^\W_])"
# Where a code's number ends: "124/NQ-CP" after "124", "57-NQ/TW" after "57".
CODE_BOUNDARY_RE = re.compile(r"[^\w]")
IMPLEMENTS = "IMPLEMENTS"
FOLLOWED_CODES = 20  # code hits whose implementing documents are added (a bare "1" hits hundreds)

MATCH = "match"          # the document's own words match
IMPLEMENTER = "implements"  # it implements a document whose code matches


@dataclass(frozen=True)
class Hit:
    document: str
    code: str | None
    doc_type: str | None
    issuer: str | None
    issue_date: str | None
    subject: str | None
    stub: bool | None
    reason: str                # MATCH or IMPLEMENTER
    via: str | None = None     # for IMPLEMENTER: the code it implements ("124/NQ-CP")


@dataclass(frozen=True)
class AgencyMatch:
    name: str | None               # the one agency meant, as the store names it
    candidates: tuple[str, ...]    # when several (or none) fit: the names that do


@cache
def expansions() -> dict[str, tuple[str, ...]]:
    """Each abbreviation (folded) → what it stands for (folded): the registry's abbreviations ("UBND"), the
    symbols and short aliases of central bodies ("TTg", "CP", "TTCP") and the document types' ("NQ", "KH")."""
    v = vocabulary()
    out: dict[str, set[str]] = {}

    def add(abbr: str, meaning: str) -> None:
        out.setdefault(fold(abbr), set()).add(fold(meaning))

    for abbr, meaning in v.abbreviations.items():
        add(abbr, meaning)
    for body in v.central:
        for short in (*body.symbol, *(a for a in body.aliases if " " not in a)):
            add(short, body.name)
    for t in v.doc_types:
        for abbr in t.abbr:
            add(abbr, t.name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def expand(text: str) -> str:
    """``text`` folded, each abbreviation replaced by what it stands for.

    >>> expand("UBND tinh Kon Tum")
    'uy ban nhan dan tinh kon tum'
    """
    table = expansions()
    return " ".join(table[w][0] if len(table.get(w, ())) == 1 else w for w in fold(text).split())


@cache
def _word_start_re(term: str) -> re.Pattern[str]:
    """``term`` where a word starts: "hai phong" in "thanh pho hai phong", not in "phai phong"."""
    return re.compile(WORD_START + re.escape(term))


def code_matches(term: str, code: str | None) -> bool:
    """Whether ``term`` (folded) is the start of ``code`` up to a boundary: "124" starts "124/NQ-CP",
    not "1240/QĐ-UBND".

    >>> code_matches("124", "124/NQ-CP"), code_matches("124", "1240/QĐ-UBND"), code_matches("124/nq", "124/NQ-CP")
    (True, False, True)
    """
    folded = fold(code)
    if not folded.startswith(term):
        return False
    rest = folded[len(term):]
    return not rest or bool(CODE_BOUNDARY_RE.match(rest)) or not term[-1].isalnum()


def text_terms(text: str) -> list[Term]:
    """What the stores' text indexes are asked for ``text``: each typed word (folded) as the start of a word, or
    what it stands for as a phrase ("ubnd" or "uy ban nhan dan"); a typed word made of several ("124/nq-cp") as
    those words in that order ("110/NQ-CP" does not have "11/nq-cp").

    >>> [[(a.words, a.phrase) for a in t.alternatives] for t in text_terms("UBND 124/NQ")]
    [[(('ubnd',), False), (('uy', 'ban', 'nhan', 'dan'), True)], [(('124', 'nq'), True)]]
    """
    terms = []
    for typed in fold(text).split():
        own = words(typed)
        alternatives = [Alternative(own, phrase=len(own) > 1),
                        *(Alternative(words(e), phrase=True) for e in expansions().get(typed, ()))]
        alternatives = [a for a in alternatives if a.words]
        if alternatives:
            terms.append(Term(tuple(alternatives)))
    return terms


def search(source, text: str, doc_type: str = "*", year_from: str = "0000", year_to: str = "9999",
           limit: int = 200) -> list[Hit]:
    """The documents ``text`` finds: each of its words (folded, or what an abbreviation stands for) starts a
    word of the code, type, issuer, subject or outline — asked of the store's text index (``find_text``:
    Neo4j's full-text index, the embedded store's FTS5 table, :mod:`graph.text_index`); a word that starts a
    code also brings the documents implementing the documents of that code. Held documents and stubs alike
    (``stub`` says which). Code hits come first, then what implements them, then the rest; held documents
    before stubs, newest first."""
    doc_type, year_from, year_to = doc_type or "*", year_from or "0000", year_to or "9999"
    terms = text_terms(text)
    if not terms:
        rows = run("find", source, doc_type=doc_type, year_from=year_from, year_to=year_to, limit=MAX_ROWS)
        return [_hit(r, MATCH) for r in sorted(rows, key=lambda r: bool(r.stub))[:limit]]
    if not callable(getattr(source, "find_text", None)):
        raise LineageError(f"Find needs a store with a text index (Neo4j or the embedded store), not "
                           f"{type(source).__name__}")
    found = source.find_text(terms, doc_type=doc_type, year_from=year_from, year_to=year_to, limit=MAX_ROWS)
    cls = row_type("find")
    rows = [cls(**r) for r in sort_rows(named("find"), [{c: r.get(c) for c in cls.__dataclass_fields__}
                                                        for r in found])]
    rows.sort(key=lambda r: bool(r.stub))  # held documents before those only cited, newest first
    code_terms = [t for t in fold(text).split() if CODE_TERM_RE.match(t)]
    code_hits, word_hits = [], []
    for r in rows:
        (code_hits if any(code_matches(t, r.code) for t in code_terms) else word_hits).append(r)
    seen = {r.document for r in code_hits}
    implementers = []
    for r in code_hits[:FOLLOWED_CODES]:
        for link in run("links", source, document=r.document):
            if link.direction == "in" and link.type == IMPLEMENTS and link.other not in seen:
                seen.add(link.other)
                implementers += [_hit(d, IMPLEMENTER, r.code, subject=d.subject or d.title)
                                 for d in run("document", source, document=link.other)[:1]
                                 if _fits(d, doc_type, year_from, year_to)]
    out = [_hit(r, MATCH) for r in code_hits] + implementers
    out += [_hit(r, MATCH) for r in word_hits if r.document not in seen]
    return out[:limit]


def _fits(d, doc_type: str, year_from: str, year_to: str) -> bool:
    """Whether document row ``d`` is of the type and years asked (as the named query ``find`` filters)."""
    return ((doc_type == "*" or d.doc_type == doc_type) and (d.issue_date or "0000")[:4] >= year_from
            and (d.issue_date or "9999")[:4] <= year_to)


def _hit(r, reason: str, via: str | None = None, subject: str | None = None) -> Hit:
    return Hit(r.document, r.code, r.doc_type, r.issuer, r.issue_date, subject or r.subject, r.stub, reason, via)


def find_agency(source, typed: str) -> AgencyMatch:
    """The agency of the store that ``typed`` names: by the registry's canonical name ("UBND tỉnh Kon Tum"),
    else by its words without diacritics or abbreviations ("uy ban nhan dan tinh kon tum", "ubnd kon tum").
    One fit gives ``name``; several give ``candidates``; none gives neither."""
    names = sorted({r.name for r in run("known_agencies", source) if r.name})
    if not typed.strip():
        return AgencyMatch(None, ())
    if typed in names:
        return AgencyMatch(typed, ())
    canonical = vocabulary().canonical_name(typed)
    if canonical in names:
        return AgencyMatch(canonical, ())
    wanted = expand(typed)
    folded = {n: expand(n) for n in names}
    exact = [n for n, f in folded.items() if f == wanted]
    if len(exact) == 1:
        return AgencyMatch(exact[0], ())
    typed_words = wanted.split()
    fits = [n for n, f in folded.items() if all(_word_start_re(w).search(f) for w in typed_words)]
    if len(fits) == 1:
        return AgencyMatch(fits[0], ())
    return AgencyMatch(None, tuple(fits))
