"""docs/schema.md (issue 22) is what the code writes and what the stores hold: regenerated from the sample corpus
it is the same page, and a real Neo4j and a real Oxigraph store holding the corpus have exactly its labels,
properties, types, classes and predicates.

``LINEAGE_WRITE_SCHEMA=1 python3 -m pytest tests/test_schema.py`` rewrites the page."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build import build
from graph.model import NODE_LABELS
from graph.neo4j_store import Neo4jStore
from graph.rdf_store import BASE, QUERY_PREFIXES, OxigraphStore, open_snapshot
from graph.schema import EDGE_KEY, NEO4J_DIGEST, curie, describe, rdf_terms, render
from ingest.reuse.index import ReuseIndex
from ingest.reuse.link import link

PAGE = Path(__file__).parents[1] / "docs" / "schema.md"


@pytest.fixture(scope="module")
def graph(corpus_records, tmp_path_factory):
    """The sample corpus as `lineage ingest` stores it: the records' graph and the text reuse found among them."""
    linked, _report = link(build(corpus_records), corpus_records, ReuseIndex.open(tmp_path_factory.mktemp("reuse")))
    return linked


@pytest.fixture(scope="module")
def schema(graph):
    return describe(graph)


def test_the_page_is_up_to_date(schema):
    page = render(schema)
    if os.environ.get("LINEAGE_WRITE_SCHEMA"):
        PAGE.write_text(page, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == page, "docs/schema.md is out of date: LINEAGE_WRITE_SCHEMA=1 " \
                                                     "python3 -m pytest tests/test_schema.py rewrites it"


def test_the_page_names_the_mapping_the_issue_asked_for():
    """issue 22: Neo4j `subject` is `eli:title`, `title` is `lin:title`; Agency.kind's values are listed."""
    page = PAGE.read_text(encoding="utf-8")
    assert "| `subject` | String | `eli:title` |" in page
    assert "| `title` | String | `lin:title` |" in page
    # The sample corpus has no unknown agency since office-holders' titles are read as the bodies they head (every
    # one it had was "Giám đốc Sở …"): the page names the kind beside those the corpus holds.
    assert "`Agency.kind` (RDF `lin:kind`) takes the values: `central`, `collective`, `local` on the sample corpus; " \
           "a name the registry cannot place" in page and "is `unknown`." in page
    assert "| `IMPLEMENTS` | `Document` → `Document` | `eli:applies` |" in page


def test_neo4j_holds_what_the_page_says(graph, schema, neo4j_uri):
    from conftest_neo4j import neo4j_auth

    with Neo4jStore(neo4j_uri, neo4j_auth()) as store:
        store.delete_all()
        store.write(graph)
        nodes = store.query("CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes "
                            "RETURN nodeLabels, propertyName, propertyTypes", {})
        edges = store.query("CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes, mandatory "
                            "RETURN relType, propertyName, propertyTypes, mandatory", {})
        kinds = store.query("MATCH (a:Agency) RETURN DISTINCT a.kind AS kind ORDER BY kind", {})
    held: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for row in nodes:
        label = next(label for label in row["nodeLabels"] if label in NODE_LABELS)
        if row["propertyName"] not in (None, "uid", NEO4J_DIGEST):
            held[label][row["propertyName"]].update(row["propertyTypes"])
    assert {label: dict(props) for label, props in held.items()} == {
        label: {p.name: set(p.types) for p in props} for label, props in schema.nodes.items()}
    held_edges: dict[str, dict[str, set]] = defaultdict(dict)
    for row in edges:
        kind = row["relType"].strip(":`")
        if row["propertyName"] == EDGE_KEY:
            assert row["propertyTypes"] == ["String"] and row["mandatory"], row
        elif row["propertyName"] is not None:
            held_edges[kind][row["propertyName"]] = set(row["propertyTypes"])
    assert dict(held_edges) == {kind: {p.name: set(p.types) for p in props}
                                for kind, props in schema.edges.items() if props}
    assert tuple(row["kind"] for row in kinds) == schema.agency_kinds


def test_oxigraph_holds_what_the_page_says(graph, schema, tmp_path):
    with OxigraphStore(tmp_path / "rdf") as store:
        store.write(graph)
    store, _held = open_snapshot(tmp_path / "rdf")
    classes = {s["c"].value for s in store.query("SELECT DISTINCT ?c WHERE { ?s a ?c }")}
    predicates = {s["p"].value for s in store.query("SELECT DISTINCT ?p WHERE { ?s ?p ?o }")}
    page_classes, page_predicates = rdf_terms(schema)
    assert classes == page_classes
    assert predicates <= page_predicates, predicates - page_predicates
    unused = {p for p in page_predicates - predicates}
    assert all(curie(p) in ("eli:amends", "eli:changes", "eli:repeals") for p in unused), unused  # no such edge held
    # the datatype of every property's literals, as the page gives it
    typed: dict[str, set[str]] = defaultdict(set)
    lineage = f'FILTER(STRSTARTS(STR(?s), "{BASE}"))'  # not the scheme of document types held beside it
    for s in store.query(f"SELECT DISTINCT ?p ?t WHERE {{ ?s ?p ?o FILTER(isLiteral(?o)) {lineage} "
                         "BIND(DATATYPE(?o) AS ?t) }"):
        typed[curie(s["p"].value)].add(curie(s["t"].value))
    on_page: dict[str, set[str]] = defaultdict(set)
    for props in (*schema.nodes.values(), *schema.edges.values()):
        for p in props:
            on_page[p.predicate].update(p.datatype.split(" / "))
    for predicate, datatypes in on_page.items():
        if datatypes == {"skos:Concept (IRI)"}:  # eli:type_document: every value a concept of the held scheme
            assert predicate not in typed, predicate
            held = list(store.query(f"SELECT ?o (EXISTS {{ ?o a skos:Concept ; skos:prefLabel ?name }} AS ?known) "
                                    f"WHERE {{ ?s {predicate} ?o }}", prefixes=QUERY_PREFIXES))
            assert held and all(isinstance(r["o"], ox.NamedNode) and r["known"].value == "true" for r in held)
            continue
        assert typed[predicate] == datatypes, predicate
