"""Raw Cypher and SPARQL, read-only, bounded in time and rows (see :mod:`queries.safety`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.errors import LineageError
from graph.neo4j_store import Neo4jStore
from graph.rdf_store import OxigraphStore, select_read_only

from .safety import check_cypher, check_sparql

TIMEOUT = 30.0
LIMIT = 1000


def raw_cypher(store: Neo4jStore, text: str, params: dict[str, Any] | None = None, timeout: float = TIMEOUT,
               limit: int = LIMIT) -> tuple[list[str], list[dict]]:
    check_cypher(text)
    rows = store.query(text, params or {}, timeout=timeout, limit=limit)
    return (list(rows[0]) if rows else []), rows


def raw_sparql(store: OxigraphStore | Path, text: str, params: dict[str, Any] | None = None,
               timeout: float = TIMEOUT, limit: int = LIMIT) -> tuple[list[str], list[dict]]:
    """``params`` bind ``?in_<name>`` variables (which the SELECT must name)."""
    check_sparql(text)
    path = store.path if isinstance(store, OxigraphStore) else Path(store)
    if path is None:
        raise LineageError("raw SPARQL needs a store on disk")
    bindings = {f"in_{k}": v for k, v in (params or {}).items()}
    return select_read_only(path, text, timeout=timeout, limit=limit, bindings=bindings)
