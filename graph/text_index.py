"""The documents' words, indexed in the store for Find: code, type, issuer, subject (or the title a stub
keeps) and the outline as printed, folded to plain letters (no diacritics, "đ" → "d", any case).

- **Neo4j** keeps a full-text index (Lucene, analyzer ``standard-folding``) over those properties
  (``graph.neo4j_store.TEXT_INDEX``), asked with ``db.index.fulltext.queryNodes``.
- **The embedded store** keeps an SQLite FTS5 table beside each generation (``gen-000007.text``), made from
  that generation before it becomes current, so that a reader sees the index of the store it opened, never
  of another (``graph.rdf_store``). A store in memory, or kept before generations, gets its table in memory
  when first asked.

A query is what a person typed, already understood by the caller (``queries.search``): every :class:`Term`
must match; a term matches when any of its alternatives does; an alternative is words that must all be
there, each the start of a word (``prefix``) or a whole word, in order when ``phrase``.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import LineageError

# The document properties indexed, in the store's names.
TEXT_FIELDS = ("code", "doc_type", "issuer", "subject", "title", "outline")
# What a hit gives: the columns of the named query ``find`` (queries/catalogue/find.cypher).
HIT_COLUMNS = ("document", "code", "doc_type", "issuer", "issue_date", "subject", "stub")
# A word as both indexes cut text: letters and digits ("124/NQ-CP" → "124", "nq", "cp").
WORD_RE = re.compile(r"[^\W_]+")
FTS_TABLE = "documents"
FTS_SCHEMA = (f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(document UNINDEXED, code UNINDEXED, "
              "doc_type UNINDEXED, issuer UNINDEXED, issue_date UNINDEXED, subject UNINDEXED, stub UNINDEXED, "
              "words, tokenize = 'unicode61 remove_diacritics 2')")
FTS_INSERT = f"INSERT INTO {FTS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
FTS_SELECT = (f"SELECT document, code, doc_type, issuer, issue_date, subject, stub FROM {FTS_TABLE} "
              f"WHERE {FTS_TABLE} MATCH ? AND (? = '*' OR doc_type = ?) "
              "AND substr(coalesce(issue_date, '0000'), 1, 4) >= ? AND substr(coalesce(issue_date, '9999'), 1, 4) <= ? "
              "LIMIT ?")


def fold(text: str | None) -> str:
    """Text folded for forgiving comparison: no diacritics, "đ" → "d", case-folded, spaces collapsed.

    >>> fold("HĐND tỉnh Đắk Lắk")
    'hdnd tinh dak lak'
    >>> fold("Nghị quyết  số 124/NQ-CP của Chính phủ")
    'nghi quyet so 124/nq-cp cua chinh phu'
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def words(text: str | None) -> tuple[str, ...]:
    """The words of ``text`` as the indexes cut it, folded.

    >>> words("124/NQ-CP của Chính phủ")
    ('124', 'nq', 'cp', 'cua', 'chinh', 'phu')
    """
    return tuple(WORD_RE.findall(fold(text)))


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]  # folded, as :func:`words` cuts them
    phrase: bool = False    # the words in this order, each whole ("uy ban nhan dan"); else each a word's start


@dataclass(frozen=True)
class Term:
    alternatives: tuple[Alternative, ...]


def lucene(terms: Iterable[Term]) -> str:
    """The Lucene query of ``terms`` (every word made of letters and digits only: nothing to escape).

    >>> lucene([Term((Alternative(("ubnd",)), Alternative(("uy", "ban", "nhan", "dan"), phrase=True))),
    ...         Term((Alternative(("124", "nq")),))])
    '(ubnd* OR "uy ban nhan dan") AND (124* AND nq*)'
    """
    def alt(a: Alternative) -> str:
        return f'"{" ".join(a.words)}"' if a.phrase else " AND ".join(f"{w}*" for w in a.words)

    parts = []
    for term in terms:
        alts = [alt(a) for a in term.alternatives if a.words]
        if alts:
            parts.append("(" + " OR ".join(alts if len(alts) == 1 else (f"({x})" if " AND " in x else x for x in alts))
                         + ")")
    return " AND ".join(parts)


def fts5(terms: Iterable[Term]) -> str:
    """The SQLite FTS5 query of ``terms``.

    >>> fts5([Term((Alternative(("ubnd",)), Alternative(("uy", "ban", "nhan", "dan"), phrase=True))),
    ...       Term((Alternative(("124", "nq")),))])
    '(("ubnd"*) OR ("uy ban nhan dan")) AND (("124"* AND "nq"*))'
    """
    def alt(a: Alternative) -> str:
        return f'"{" ".join(a.words)}"' if a.phrase else " AND ".join(f'"{w}"*' for w in a.words)

    parts = []
    for term in terms:
        alts = [f"({alt(a)})" for a in term.alternatives if a.words]
        if alts:
            parts.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(parts)


def index_words(doc: Mapping[str, Any]) -> str:
    """What a document is found by, folded: its indexed properties, one after the other."""
    return " ".join(w for f in TEXT_FIELDS for w in words(doc.get(f)))


def write_fts(documents: Iterable[Mapping[str, Any]], path: str | Path | None = None) -> sqlite3.Connection:
    """An FTS5 table of ``documents`` (dicts with :data:`TEXT_FIELDS` and :data:`HIT_COLUMNS`), in the file
    ``path`` (made whole under a temporary name, then renamed) or in memory; the connection to it, read-only
    for a file."""
    target = Path(path) if path is not None else None
    partial = target.with_name(target.name + ".partial") if target is not None else None
    if partial is not None:
        partial.unlink(missing_ok=True)
    conn = sqlite3.connect(":memory:" if partial is None else str(partial), check_same_thread=False)
    conn.execute(FTS_SCHEMA)
    conn.executemany(FTS_INSERT, ((d.get("document"), d.get("code"), d.get("doc_type"), d.get("issuer"),
                                   d.get("issue_date"), d.get("subject") or d.get("title"),
                                   None if d.get("stub") is None else int(bool(d.get("stub"))), index_words(d))
                                  for d in documents))
    conn.commit()
    if partial is None:
        return conn
    conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    conn.commit()
    conn.close()
    partial.replace(target)
    return open_fts(target)


def open_fts(path: str | Path) -> sqlite3.Connection:
    """The FTS5 table kept in ``path``, opened read-only."""
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LineageError(f"{path}: cannot open the store's text index ({exc}); run `lineage ingest` again "
                           "to make it anew") from exc


def search_fts(conn: sqlite3.Connection, terms: Iterable[Term], doc_type: str = "*", year_from: str = "0000",
               year_to: str = "9999", limit: int = 100_000) -> list[dict[str, Any]]:
    """The documents of the FTS5 table that ``terms`` find, as the named query ``find`` gives them."""
    query = fts5(terms)
    if not query:
        return []
    rows = conn.execute(FTS_SELECT, (query, doc_type, doc_type, year_from, year_to, limit)).fetchall()
    return [{**dict(zip(HIT_COLUMNS, r)), "stub": None if r[6] is None else bool(r[6])} for r in rows]
