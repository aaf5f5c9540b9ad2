"""Run a named query on any store: the same rows from Neo4j (Cypher) and from the RDF store (SPARQL).

Parameters are checked and typed here and always travel as bound values. Rows come back as frozen
dataclasses (one class per query, fields from its ``// columns:`` line), sorted by its ``// order:``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import make_dataclass
from functools import cache
from typing import Any, Mapping

from graph.errors import LineageError
from graph.store import CYPHER, SPARQL, Store

from .catalogue import NamedQuery, named

# An ISO day: "2025-07-25".
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LIMIT = "limit"  # the parameter applied to the sorted rows, not sent to the store
MAX_ROWS = 100_000  # a named query returning more than this is cut (and says so)


@cache
def row_type(name: str) -> type:
    """The row class of query ``name``: ``PropagationRow(document: str, depth: int, …)``."""
    return _row_class(named(name))


@cache
def _row_class(q: NamedQuery) -> type:
    class_name = "".join(part.title() for part in q.name.split("_") if not part.isdigit()) + "Row"
    return make_dataclass(class_name, [(col, kind | None) for col, kind in q.columns], frozen=True)


def bind(q: NamedQuery, given: Mapping[str, Any]) -> dict[str, Any]:
    """The query's parameters from ``given`` (strings from a command line, or values), checked and typed."""
    unknown = set(given) - {p.name for p in q.params}
    if unknown:
        raise LineageError(f"query {q.name} has no parameter {', '.join(sorted(unknown))}; it takes: "
                           f"{', '.join(p.name for p in q.params) or 'none'}")
    out: dict[str, Any] = {}
    for p in q.params:
        value = given.get(p.name, p.default)
        if value is None:
            raise LineageError(f"query {q.name} needs {p.name} ({p.help}): give --param {p.name}=…")
        if p.type == "int":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise LineageError(f"{p.name} must be a whole number, not {value!r}") from None
        elif p.type == "date":
            value = dt.date.today().isoformat() if value == "today" else str(value)
            if not ISO_DATE_RE.match(value):
                raise LineageError(f"{p.name} must be a day as YYYY-MM-DD (or 'today'), not {value!r}")
        else:
            value = str(value)
        out[p.name] = value
    return out


def run(name: str, source: Store, **params: Any) -> list:
    """The rows of query ``name`` on ``source``, in the language the store runs (its Cypher or its SPARQL)."""
    return run_query(named(name), source, **params)


def run_query(q: NamedQuery, source: Store, **params: Any) -> list:
    """The rows of ``q`` (a catalogue query or an example) on ``source``, as :func:`run` gives them."""
    values = bind(q, params)
    sent = {k: v for k, v in values.items() if k != LIMIT}
    texts = {CYPHER: q.cypher, SPARQL: q.sparql}
    language = getattr(source, "query_language", None)
    if language not in texts:
        raise LineageError(f"cannot query a {type(source).__name__}: it runs {language or 'no query language'}; "
                           "give the Neo4j store (Cypher) or the embedded store (SPARQL)")
    rows = source.rows(texts[language], sent, limit=MAX_ROWS)
    typed = [_typed(q, row) for row in rows]
    rows = sort_rows(q, typed)
    if LIMIT in values:
        rows = rows[:values[LIMIT]]
    cls = _row_class(q)
    return [cls(**row) for row in rows]


def _typed(q: NamedQuery, row: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for col, kind in q.columns:
        value = row.get(col)
        out[col] = None if value is None else kind(value)
    return out


def sort_rows(q: NamedQuery, rows: list[dict]) -> list[dict]:
    """Rows in the query's order; ties broken by every column, so both stores give one order."""
    names = q.column_names
    rows = sorted(rows, key=lambda r: tuple(_key(r[c]) for c in names))
    for col, descending in reversed(q.order):
        rows.sort(key=lambda r: _key(r[col]), reverse=descending)
    return rows


def _key(value: Any) -> tuple:
    return (value is not None, value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0,
            str(value) if value is not None else "")
