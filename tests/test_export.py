"""Export → import round trips give the same graph: Turtle, JSON-LD, GraphML, and neo4j-admin CSV
loaded by the real ``neo4j-admin database import full`` into a fresh Neo4j."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from lineage import neo4j_server
from graph.build import build
from graph.neo4j_csv import write_neo4j_csv
from graph.neo4j_store import Neo4jStore
from graph.nx_store import read_graphml, write_graphml
from graph.rdf_store import read_rdf, write_turtle
from lineage.cli import app


# The uniqueness constraints' indexes and the look-ups by code and by name (graph/neo4j_store.py).
INDEXES = ("document_uid", "agency_uid", "task_uid", "target_uid", "document_code", "agency_name")


@pytest.fixture(scope="module")
def graph(corpus_records):
    return build(corpus_records)


@pytest.mark.parametrize("name, fmt", [
    ("graph.ttl", "turtle"),    # Turtle: what analysts load into any triple store
    ("graph.jsonld", "json-ld"),  # JSON-LD: the same triples for web tools
])
def test_rdf_round_trip(graph, tmp_path, name, fmt):
    path = tmp_path / name
    write_turtle(graph, path, fmt)
    assert read_rdf(path, fmt).canonical() == graph.canonical()


def test_turtle_uses_eli_for_implements(graph, tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    text = path.read_text(encoding="utf-8")
    assert "eli:applies" in text and "eli:based_on" in text and "org:subOrganizationOf" in text
    assert "org:ChangeEvent" in text and "prov:wasDerivedFrom <urn:sha256:" in text


def test_graphml_round_trip(graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(graph, path)
    assert read_graphml(path).canonical() == graph.canonical()


def test_neo4j_csv_headers(graph, tmp_path):
    files = write_neo4j_csv(graph, tmp_path)
    with (tmp_path / "nodes_Document.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["uid:ID", ":LABEL"] and "stub:boolean" in header
    with (tmp_path / "relationships_ASSIGNED_TO.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "key"] and "span_start:long" in header
    assert len(files.nodes) == 4 and "neo4j-admin database import full" in files.command()


def test_neo4j_csv_round_trip_through_neo4j_admin(graph, tmp_path):
    files = write_neo4j_csv(graph, tmp_path / "csv")
    home = tmp_path / "neo4j"
    neo4j_server.admin_import(home, list(files.nodes), list(files.relationships), extra_args=files.options)
    with neo4j_server.start(home) as server, Neo4jStore(server.uri) as store:
        assert store.counts() == graph.counts()
        assert store.read().canonical() == graph.canonical()
        # The import loads data only: `lineage neo4j schema` adds the constraints and the queries' indexes.
        result = CliRunner().invoke(app, ["neo4j", "schema", "--neo4j", server.uri])
        assert result.exit_code == 0, result.output
        rows, _, _ = store.driver.execute_query("SHOW INDEXES YIELD name, state RETURN name, state")
        states = {r["name"]: r["state"] for r in rows}
        assert {k: states.get(k) for k in INDEXES} == {k: "ONLINE" for k in INDEXES}
