"""Every store keeps one interface (graph/store.py), and code above the stores asks it what it can answer,
never its class: a named query runs in the store's own language, a raw query in the wrong one is refused with
what to do, a store with no language says so."""

import pytest

from graph.build import build
from graph.errors import LineageError
from graph.neo4j_store import Neo4jStore
from graph.nx_store import NetworkxStore
from graph.rdf_store import OxigraphStore
from graph.store import Store
from queries.raw import raw_cypher
from queries.run import run


@pytest.fixture(scope="module")
def graph(corpus_records):
    return build(corpus_records)


@pytest.fixture(scope="module")
def neo4j_store(neo4j_uri):
    from conftest_neo4j import neo4j_auth

    store = Neo4jStore(neo4j_uri, neo4j_auth())
    yield store
    store.close()


def test_every_store_keeps_the_interface(neo4j_store):
    for store in (OxigraphStore(), NetworkxStore(), neo4j_store):
        assert isinstance(store, Store), type(store).__name__
    assert (OxigraphStore().query_language, NetworkxStore().query_language, neo4j_store.query_language) == \
        ("sparql", None, "cypher")


def test_a_named_query_runs_in_the_store_language(graph, neo4j_store):
    rdf = OxigraphStore()
    rdf.write(graph)
    neo4j_store.delete_all()
    neo4j_store.write(graph)
    # the two seed letters relay 124/NQ-CP: both stores give the same rows, each from its own text
    rows = run("relays", rdf, directive="124/NQ-CP")
    assert rows == run("relays", neo4j_store, directive="124/NQ-CP") and len(rows) >= 2


def test_a_store_with_no_language_says_so(graph):
    nx = NetworkxStore()
    nx.write(graph)
    with pytest.raises(LineageError, match="runs no query language"):
        run("relays", nx, directive="124/NQ-CP")


def test_raw_cypher_on_the_embedded_store_says_what_to_do():
    with pytest.raises(LineageError, match="needs a store that runs CYPHER.*NEO4J_URI"):
        raw_cypher(OxigraphStore(), "MATCH (n) RETURN n LIMIT 1")
