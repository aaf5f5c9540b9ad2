"""The one interface every store keeps — Neo4j (``neo4j_store``), the embedded RDF store (``rdf_store``) and
networkx (``nx_store``) — and what each can answer.

Code above the stores (``ingest/batch``, ``queries``, ``ui``) asks a store for what it can do, never for its
class: ``store.query_language`` says which of a named query's two texts it runs ("cypher", "sparql"), or
``None`` for a store that only holds the graph for algorithms (networkx).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Protocol, runtime_checkable

from .errors import LineageError
from .model import Counts, LineageGraph

CYPHER = "cypher"
SPARQL = "sparql"


@runtime_checkable
class Store(Protocol):
    """Write, read back, count; find what a new document's mentions resolve to (``held_documents``,
    ``citing``); answer queries in ``query_language`` (``rows``) when it has one."""

    query_language: str | None

    def write(self, graph: LineageGraph, retire: Iterable[str] = ()) -> None: ...

    def read(self) -> LineageGraph: ...

    def counts(self) -> Counts: ...

    def held_documents(self, paths: Iterable[str] = ()) -> list[dict[str, Any]]: ...

    def citing(self, uids: Iterable[str]) -> list[dict[str, Any]]: ...

    def rows(self, text: str, params: Mapping[str, Any] | None = None, limit: int | None = None) -> list[dict]: ...

    def is_current(self) -> bool: ...  # false for a reader opened before a write that has since completed

    def close(self) -> None: ...


def needs(store: Store, language: str, what: str) -> None:
    """Refuse, saying what to do, when ``store`` does not run ``language``."""
    if getattr(store, "query_language", None) != language:
        held = getattr(store, "query_language", None) or "no query language"
        raise LineageError(f"{what} needs a store that runs {language.upper()}; this one runs {held}"
                           + (" — start Neo4j (`lineage neo4j start`) and set NEO4J_URI" if language == CYPHER
                              else " — open the embedded store (leave NEO4J_URI unset)"))
