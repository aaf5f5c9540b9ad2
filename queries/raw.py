"""Raw Cypher and SPARQL, read-only, bounded in time, memory (SPARQL) and rows; see :mod:`queries.safety`.

The CLI (`lineage cypher`, `lineage sparql`) and the app's query console both call these two functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import LineageError
from graph.rdf_store import QUERY_MEMORY_MB, QUERY_PREFIXES, OxigraphStore, select_read_only
from graph.store import CYPHER, SPARQL, needs

from .safety import check_cypher_plan, check_limit, check_sparql

if TYPE_CHECKING:  # the Neo4j driver is imported only by a command that connects (`lineage --help` stays fast)
    from graph.neo4j_store import Neo4jStore

TIMEOUT = 30.0
LIMIT = 1000
MEMORY_MB = QUERY_MEMORY_MB


@dataclass(frozen=True)
class RawAnswer:
    """The columns and at most ``limit`` rows of a raw query; ``cut`` when the query had more rows than that."""

    columns: list[str]
    rows: list[dict]
    cut: bool


def raw_cypher(store: Neo4jStore, text: str, params: dict[str, Any] | None = None, timeout: float = TIMEOUT,
               limit: int = LIMIT) -> RawAnswer:
    """Run ``text`` if Neo4j's own plan of it is a read of the graph (checked in the read transaction it runs in)."""
    check_limit(limit)
    needs(store, CYPHER, "raw Cypher")
    rows = store.query(text, params or {}, timeout=timeout, limit=limit + 1,
                       check=lambda summary: check_cypher_plan(summary.query_type, summary.plan))
    return _answer(list(rows[0]) if rows else [], rows, limit)


def raw_sparql(store: OxigraphStore | Path, text: str, params: dict[str, Any] | None = None,
               timeout: float = TIMEOUT, limit: int = LIMIT, memory_mb: int = MEMORY_MB) -> RawAnswer:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) after its parsed algebra is checked.

    ``params`` bind ``?in_<name>`` variables (which the SELECT must name). IRIs come whole, so they can be pasted
    into the next query; literals as their values."""
    check_limit(limit)
    checked = check_sparql(text, QUERY_PREFIXES)
    if not isinstance(store, (str, Path)):
        needs(store, SPARQL, "raw SPARQL")
    path = Path(store) if isinstance(store, (str, Path)) else store.path
    if path is None:
        raise LineageError("raw SPARQL needs a store on disk")
    bindings = {f"in_{k}": v for k, v in (params or {}).items()}
    columns, rows = select_read_only(path, checked, timeout=timeout, limit=limit + 1, bindings=bindings,
                                     memory_mb=memory_mb, iris=True)
    return _answer(columns, rows, limit)


def _answer(columns: list[str], rows: list[dict], limit: int) -> RawAnswer:
    """One row past the limit was asked for: it tells whether the rows were cut."""
    return RawAnswer(columns, rows[:limit], len(rows) > limit)
