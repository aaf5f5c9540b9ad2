"""Which store answers: the embedded RDF store (a folder, the default) or Neo4j (a URI). The UI and the
command line open stores through here."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # each store's library is imported when that store is opened (`lineage --help` stays fast)
    from graph.neo4j_store import Neo4jStore
    from graph.rdf_store import OxigraphStore

DEFAULT_STORE = Path("lineage-data")
STORE_ENV = "LINEAGE_STORE"


def open_store(store: str | Path | None = None, neo4j: str | None = None,
               read_only: bool = False) -> Neo4jStore | OxigraphStore:
    """Neo4j when ``neo4j`` (a bolt:// URI) is given, else the embedded store in ``store`` (default
    ``$LINEAGE_STORE`` or ``lineage-data``); ``read_only`` for readers that may share it."""
    if neo4j:
        from graph.neo4j_store import connect_from_env

        return connect_from_env(neo4j)
    from graph.rdf_store import OxigraphStore

    folder = Path(store) if store is not None else Path(os.environ.get(STORE_ENV, DEFAULT_STORE))
    return OxigraphStore(folder / "rdf", read_only=read_only)


def store_from_env() -> Neo4jStore | OxigraphStore:
    """The store the environment names: ``$NEO4J_URI`` if set, else ``$LINEAGE_STORE`` (read-only)."""
    return open_store(neo4j=os.environ.get("NEO4J_URI") or None, read_only=True)
