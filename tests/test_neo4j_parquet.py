"""The graph as Parquet for ``neo4j-admin database import full --input-type=parquet``: loaded by the real
tool (Neo4j 5.26) into a fresh database, it reads back as the same graph."""

from __future__ import annotations

import pyarrow.parquet as pq

from lineage import neo4j_server
from graph.build import build
from graph.neo4j_parquet import write_neo4j_parquet
from graph.neo4j_store import Neo4jStore


def test_columns_carry_the_import_header_and_parquet_types(corpus_records, tmp_path):
    files = write_neo4j_parquet(build(corpus_records), tmp_path)
    documents = pq.read_schema(tmp_path / "nodes_Document.parquet")
    assert documents.names[:2] == ["uid:ID", ":LABEL"]
    assert str(documents.field("stub").type) == "bool"
    assigned = pq.read_schema(tmp_path / "relationships_ASSIGNED_TO.parquet")
    assert assigned.names[:4] == [":START_ID", ":END_ID", ":TYPE", "key"]
    assert str(assigned.field("span_start").type) == "int64"
    assert len(files.nodes) == 4 and "--input-type=parquet" in files.command()


def test_parquet_round_trip_through_neo4j_admin(corpus_records, tmp_path):
    graph = build(corpus_records)
    files = write_neo4j_parquet(graph, tmp_path / "parquet")
    home = tmp_path / "neo4j"
    output = neo4j_server.admin_import(home, list(files.nodes), list(files.relationships),
                                       extra_args=["--input-type=parquet"])
    assert "IMPORT DONE" in output
    with neo4j_server.start(home) as server, Neo4jStore(server.uri) as store:
        assert store.counts() == graph.counts()
        assert store.read().canonical() == graph.canonical()
