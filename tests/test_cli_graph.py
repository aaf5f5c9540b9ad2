"""`lineage ingest`, `lineage export` and `lineage neo4j` as a user runs them (real processes)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import UNREADABLE
from graph.nx_store import read_graphml
from graph.rdf_store import OxigraphStore, read_rdf


def lineage(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "120", **(env or {})})


def _store_edges(out: str, kind: str) -> int:
    return int(re.search(rf"{kind}\s*│\s*\d+\s*│\s*(\d+)", out)[1])


def test_ingest_corpus_into_the_embedded_store_then_again(data_dir, tmp_path):
    store = tmp_path / "store"
    first = lineage("ingest", str(data_dir / "corpus"), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "40 files: 40 extracted, 0 reused from the cache, 0 failed" in first.stdout
    assert "40 documents" in first.stdout
    again = lineage("ingest", str(data_dir / "corpus"), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert "0 extracted, 40 reused" in again.stdout
    for kind in ("IMPLEMENTS", "ASSIGNED_TO", "SUCCEEDED_BY"):
        assert _store_edges(again.stdout, kind) == _store_edges(first.stdout, kind) > 0
    with OxigraphStore(store / "rdf") as rdf:  # a SPARQL view of what was written
        rows = rdf.query("SELECT ?doc WHERE { ?doc eli:applies ?nq . ?nq eli:id_local '124/NQ-CP' }")
        assert len(rows) == 2


def test_ingest_reports_a_bad_file_and_keeps_the_rest(data_dir, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(data_dir / "corpus" / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt", docs)
    (docs / "broken.txt").write_bytes(UNREADABLE)
    store = tmp_path / "store"
    result = lineage("ingest", str(docs), "--store", str(store))
    assert result.returncode == 1  # one failure, reported
    assert "2 files: 1 extracted, 0 reused from the cache, 1 failed" in result.stdout
    assert "broken.txt: binary data" in result.stdout
    with OxigraphStore(store / "rdf") as rdf:
        assert rdf.counts().nodes["Document"] > 1  # the good file is in the store


def test_a_corrected_file_ingested_again_replaces_what_it_gave(data_dir, tmp_path):
    """A user fixes a file and runs `lineage ingest` again: the store holds what one ingest of the fixed folder
    gives (the old tasks, the dropped reference and the stub only it cited are gone), not both versions."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt",
                 "001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt"):
        shutil.copy(data_dir / "corpus" / name, docs)
    letter = docs / "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
    store = tmp_path / "store"
    assert lineage("ingest", str(docs), "--store", str(store)).returncode == 0
    cut = "Kế hoạch số 1268/KH-UBND \n\nngày 16 tháng 4 năm 2025 của Ủy ban nhân dân tỉnh về Kế hoạch thực hiện \n\n"
    letter.write_text(letter.read_text(encoding="utf-8").replace(cut, ""), encoding="utf-8")
    again = lineage("ingest", str(docs), "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert "1 extracted, 1 reused" in again.stdout
    fresh = lineage("ingest", str(docs), "--store", str(tmp_path / "fresh"))
    for kind in ("CITES", "ASSIGNS", "ASSIGNED_TO", "SETS_TARGET"):
        assert _store_edges(again.stdout, kind) == _store_edges(fresh.stdout, kind) > 0, kind
    with OxigraphStore(store / "rdf") as rdf:
        assert not rdf.query("SELECT ?d WHERE { ?d eli:id_local '1268/KH-UBND' }")


def test_ingest_into_neo4j(data_dir, tmp_path, neo4j_uri):
    from conftest_neo4j import neo4j_auth
    from graph.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j_uri, neo4j_auth()) as store:
        store.delete_all()
    result = lineage("ingest", str(data_dir / "corpus"), "--store", str(tmp_path), "--neo4j", neo4j_uri)
    assert result.returncode == 0, result.stderr
    with Neo4jStore(neo4j_uri, neo4j_auth()) as store:
        rows = store.query("MATCH (d:Document)-[:IMPLEMENTS]->(:Document {code: $code}) RETURN d.uid AS uid",
                           {"code": "124/NQ-CP"})
    assert len(rows) == 2


def test_export_every_format(data_dir, tmp_path):
    store = tmp_path / "store"
    assert lineage("ingest", str(data_dir / "corpus"), "--store", str(store)).returncode == 0
    ttl, graphml, csv_dir = tmp_path / "g.ttl", tmp_path / "g.graphml", tmp_path / "csv"
    for out, fmt in ((ttl, "ttl"), (tmp_path / "g.jsonld", "jsonld"), (graphml, "graphml"), (csv_dir, "neo4j-csv")):
        result = lineage("export", str(out), "--format", fmt, "--store", str(store))
        assert result.returncode == 0, result.stderr
        assert f"wrote {out}" in result.stderr
    assert read_rdf(ttl).canonical() == read_graphml(graphml).canonical()
    assert (csv_dir / "nodes_Document.csv").is_file()


def test_export_without_a_store_says_what_to_do(tmp_path):
    result = lineage("export", str(tmp_path / "g.ttl"), "--store", str(tmp_path / "nothing"))
    assert result.returncode == 2
    assert "run `lineage ingest" in result.stderr


def test_neo4j_start_needs_a_password(tmp_path):
    result = lineage("neo4j", "start", "--home", str(tmp_path), env={"NEO4J_PASSWORD": ""})
    assert result.returncode == 2 and "set NEO4J_PASSWORD" in result.stderr


def test_neo4j_start_status_stop(tmp_path):
    from lineage.neo4j_server import free_port

    env = {"NEO4J_PASSWORD": "a-local-secret"}
    home = str(tmp_path / "server")
    started = lineage("neo4j", "start", "--home", home, "--port", str(free_port()), env=env)
    try:
        assert started.returncode == 0, started.stderr
        assert "running at bolt://127.0.0.1:" in started.stdout
        status = lineage("neo4j", "status", "--home", home, env=env)
        assert status.returncode == 0 and "running, answers" in status.stdout
        wrong = lineage("neo4j", "status", "--home", home, env={"NEO4J_PASSWORD": "wrong"})
        assert wrong.returncode == 1 and "does not answer" in wrong.stdout
    finally:
        stopped = lineage("neo4j", "stop", "--home", home)
    assert stopped.returncode == 0 and "stopped Neo4j" in stopped.stdout
    assert "no server recorded" in lineage("neo4j", "status", "--home", home).stdout


def test_query_commands_on_the_embedded_store(data_dir, tmp_path):
    import csv
    import io
    import json

    store = str(tmp_path / "store")
    assert lineage("ingest", str(data_dir / "corpus"), "--store", store).returncode == 0
    listed = lineage("queries")
    assert "propagation(directive)" in listed.stdout and "coverage(directive, on)" in listed.stdout
    result = lineage("query", "propagation", "--param", "directive=124/NQ-CP", "--store", store, "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {r["issuer"] for r in rows} == {"Ủy ban nhân dân tỉnh Kon Tum", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng"}
    result = lineage("query", "coverage", "-p", "directive=124/NQ-CP", "--store", store, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["unit"] for r in table if r["relayed"] == "True"] == ["thành phố Hải Phòng", "tỉnh Kon Tum"]
    table_out = lineage("query", "targets", "-p", "directive=124/NQ-CP", "--store", store)
    assert "12.5" in table_out.stdout and "rows" in table_out.stderr
    missing = lineage("query", "propagation", "--store", store)
    assert missing.returncode == 2 and "needs directive" in missing.stderr


def test_raw_sparql_and_its_refusals(data_dir, tmp_path):
    store = str(tmp_path / "store")
    assert lineage("ingest", str(data_dir / "corpus"), "--store", store).returncode == 0
    ok = lineage("sparql", "SELECT ?in_code ?d WHERE { ?d eli:applies ?x . ?x eli:id_local ?in_code }",
                 "-p", "code=124/NQ-CP",
                 "--store", store, "--format", "json")
    assert ok.returncode == 0, ok.stderr
    assert len(__import__("json").loads(ok.stdout)) == 2
    refused = lineage("sparql", "DELETE WHERE { ?s ?p ?o }", "--store", store)
    assert refused.returncode == 2 and "refused: DELETE" in refused.stderr
    slow = lineage("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--store", store,
                   "--timeout", "1")
    assert slow.returncode == 2 and "ran longer than 1 s" in slow.stderr


def test_raw_cypher_and_its_refusals(data_dir, tmp_path, neo4j_uri):
    from conftest_neo4j import neo4j_auth
    from graph.neo4j_store import Neo4jStore

    with Neo4jStore(neo4j_uri, neo4j_auth()) as store:
        store.delete_all()
    assert lineage("ingest", str(data_dir / "corpus"), "--store", str(tmp_path), "--neo4j", neo4j_uri).returncode == 0
    ok = lineage("cypher", "MATCH (d:Document {code: $code}) RETURN d.uid AS uid", "-p", "code=124/NQ-CP",
                 "--neo4j", neo4j_uri, "--format", "csv")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["uid", "vn/nq-cp/2025/124"]
    refused = lineage("cypher", "MATCH (n) DETACH DELETE n", "--neo4j", neo4j_uri)
    assert refused.returncode == 2 and "refused: Neo4j plans this query as a write" in refused.stderr
    same = lineage("query", "propagation", "-p", "directive=124/NQ-CP", "--neo4j", neo4j_uri, "--format", "json")
    assert same.returncode == 0 and "Sở Xây dựng tỉnh Kon Tum" in same.stdout
