"""Raw queries are decided by the engines (issue 19, items 2 and 6): every bypass found by the red team is
refused, every valid read that the old word checks refused is answered, against a real Neo4j and a real
Oxigraph store; ``--limit`` refuses negative values and says when it cut the rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graph.build import build
from graph.errors import LineageError
from graph.neo4j_store import Neo4jStore
from graph.rdf_store import OxigraphStore, select_read_only
from queries.raw import MEMORY_MB, RawAnswer, raw_cypher, raw_sparql


@pytest.fixture(scope="module")
def stores(corpus_records, neo4j_uri, tmp_path_factory):
    """The sample corpus in the session's Neo4j and in an Oxigraph store folder (``<store>/rdf``) the CLI can open."""
    from conftest_neo4j import neo4j_auth

    graph = build(corpus_records)
    neo = Neo4jStore(neo4j_uri, neo4j_auth())
    neo.delete_all()
    neo.write(graph)
    folder = tmp_path_factory.mktemp("guards") / "store"
    with OxigraphStore(folder / "rdf") as rdf:
        rdf.write(graph)
    yield {"neo4j": neo, "rdf": folder / "rdf", "store": folder}
    neo.close()


class Recorder(BaseHTTPRequestHandler):
    """A SPARQL endpoint that answers nothing and remembers that it was asked."""

    asked: list[str] = []

    def _answer(self) -> None:
        Recorder.asked.append(self.path)
        body = json.dumps({"head": {"vars": []}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def endpoint():
    """URL of a local HTTP server in a thread, and the list of requests it received."""
    Recorder.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", Recorder.asked
    server.shutdown()
    server.server_close()


# --- Cypher -------------------------------------------------------------------------------------

# Each must be refused; the comment names the finding or what the query would do.
CYPHER_REFUSED = [
    # issue 19: Neo4j ends a // comment at \r, the word check at \n; returned NEO4J_PASSWORD from the environment
    ("// x\rLOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l", "LOAD CSV"),
    ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS l RETURN l", "LOAD CSV"),  # the server fetching a URL
    ("CALL `dbms`.listConfig()", "dbms.listConfig"),                        # issue 19: backticks passed the check
    ("/* */ CALL dbms.listConfig() YIELD name RETURN name", "dbms.listConfig"),
    ("SHOW SETTINGS", "SHOW"),                                               # issue 19: SHOW … not refused
    ("SHOW TRANSACTIONS", "SHOW"),                                           # other users' queries
    ("SHOW PROCEDURES", "SHOW"),
    ("SHOW USERS", "administration"),                                        # an administration command
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),          # issue 19: not refused
    # PROFILE would run the query while it is being planned: Neo4j refuses EXPLAIN with PROFILE
    ("PROFILE TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "conflicting values for execution mode"),
    ("CALL dbms.components()", "dbms.components"),                          # a procedure off the allow-list
    ("CALL db.awaitIndexes(1)", "db.awaitIndexes"),
    ("CALL db.createLabel('X')", "db.createLabel"),                         # a write procedure
    ("MATCH (d:Document) CALL (d) { CALL dbms.components() YIELD name RETURN name } RETURN d.uid, name",
     "dbms.components"),                                                    # nested in a subquery
    ("MATCH (d:Document) WHERE EXISTS { CALL dbms.components() YIELD name RETURN name } RETURN d.uid",
     "dbms.components"),                                                    # nested in EXISTS
    ("CREATE (n:Document {uid: 'x'})", "write"),
    ("MATCH (d:Document) MERGE (d)-[:CITES]->(d)", "write"),
    ("MATCH (n) DETACH DELETE n", "write"),
    ("MATCH (d:Document) SET d.stub = false", "write"),
    ("CREATE INDEX x FOR (n:Document) ON (n.title)", "schema"),
]

# Valid reads the word check refused (issue 19), and others; each must be answered.
CYPHER_ACCEPTED = [
    ("CALL db.labels()", lambda rows: {"label": "Document"} in rows),
    ("CALL db.schema.visualization()", lambda rows: len(rows) == 1),
    ("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
     lambda rows: {"relationshipType": "SETS_TARGET"} in rows),
    ("CALL db.propertyKeys()", lambda rows: {"propertyKey": "uid"} in rows),
    # the documents' full-text index, as Find asks it (graph.neo4j_store.TEXT_INDEX): "vướng mắc" of the Kon Tum
    # letter's outline, typed without diacritics
    ("CALL db.index.fulltext.queryNodes('document_text', 'vuong* AND mac*') YIELD node RETURN node.uid AS uid",
     lambda rows: rows == [{"uid": "vn/uy-ban-nhan-dan-tinh-kon-tum/ubnd-ktth/2025/d956d31f51ab"}]),
    # names a relationship type containing SET
    ("MATCH (:Document)-[r:SETS_TARGET]->(:Target) RETURN count(r) AS n", lambda rows: rows[0]["n"] > 0),
    ("MATCH (d:Document) RETURN d.uid AS created LIMIT 1", lambda rows: len(rows) == 1),  # alias with CREATE in it
    ("MATCH (d:Document) WHERE d.subject CONTAINS 'DELETE' RETURN d.uid", lambda rows: rows == []),
    ("MATCH (d:Document {code: $code}) RETURN d.uid AS uid", lambda rows: rows == [{"uid": "vn/nq-cp/2025/124"}]),
]


@pytest.mark.parametrize(("text", "reason"), CYPHER_REFUSED)
def test_cypher_refused_on_neo4j_s_own_plan(stores, text, reason):
    with pytest.raises(LineageError, match="refused") as refusal:
        raw_cypher(stores["neo4j"], text)
    assert reason.lower() in str(refusal.value).lower()


def test_cypher_refusals_changed_nothing(stores):
    assert raw_cypher(stores["neo4j"], "MATCH (n {uid: 'x'}) RETURN n").rows == []
    assert raw_cypher(stores["neo4j"], "MATCH (d:Document) WHERE d.stub = false RETURN count(d) AS n").rows[0]["n"] > 0


@pytest.mark.parametrize(("text", "expect"), CYPHER_ACCEPTED)
def test_cypher_reads_are_answered(stores, text, expect):
    answer = raw_cypher(stores["neo4j"], text, {"code": "124/NQ-CP"})
    assert expect(answer.rows), answer.rows


# --- SPARQL -------------------------------------------------------------------------------------

SERVICE = "SERVICE <{url}> {{ ?a ?b ?c }}"
# Each hides or nests a SERVICE call; the comment names the trick.
SPARQL_SERVICE = [
    "SELECT * WHERE {{ ?s ?p ?o # x\r" + SERVICE + "\n }} LIMIT 1",              # issue 19: \r ends the comment
    "SELECT * WHERE {{ ?s ?p ?o # x\\u000D" + SERVICE + "\n }} LIMIT 1",          # the same \r as an escape
    "SELECT * WHERE {{ ?s ?p lin:a\\'b . " + SERVICE + " ?s ?p lin:c\\' }} LIMIT 1",  # issue 19: an escaped quote
    "SELECT * WHERE {{ ?s ?p \"a\\\"\" . " + SERVICE + " }} LIMIT 1",              # an escaped quote in a string
    "SELECT * WHERE {{ " + SERVICE + " }}",                                         # plain
    "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ " + SERVICE + " }} }} LIMIT 1",    # inside FILTER EXISTS
    "SELECT * WHERE {{ {{ SELECT ?a WHERE {{ " + SERVICE + " }} }} }}",             # inside a subquery
    "ASK {{ OPTIONAL {{ SERVICE SILENT <{url}> {{ ?a ?b ?c }} }} }}",               # SILENT, in OPTIONAL
    "CONSTRUCT {{ ?a ?b ?c }} WHERE {{ GRAPH ?g {{ " + SERVICE + " }} }}",         # CONSTRUCT, in GRAPH
]


def test_the_endpoint_is_reached_without_the_check(stores, endpoint):
    """The recording endpoint works: the store does call it when nothing checks the query first."""
    url, asked = endpoint
    select_read_only(stores["rdf"], SPARQL_SERVICE[4].format(url=url))
    assert asked


@pytest.mark.parametrize("template", SPARQL_SERVICE)
def test_sparql_service_is_refused_and_never_called(stores, endpoint, template):
    url, asked = endpoint
    with pytest.raises(LineageError, match="refused: SERVICE"):
        raw_sparql(stores["rdf"], template.format(url=url))
    assert asked == []


SPARQL_UPDATES = [
    ('INSERT DATA { <urn:a> <urn:b> "c" }', "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("CLEAR ALL", "CLEAR"),
]


@pytest.mark.parametrize(("text", "operation"), SPARQL_UPDATES)
def test_sparql_updates_are_refused(stores, text, operation):
    with pytest.raises(LineageError, match=f"refused: {operation}"):
        raw_sparql(stores["rdf"], text)
    assert raw_sparql(stores["rdf"], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"] > 6000


# Valid reads, with what they give on the sample store.
SPARQL_ACCEPTED = [
    ("SELECT ?with WHERE { ?with a eli:LegalResource } LIMIT 2", lambda a: a.columns == ["with"] and len(a.rows) == 2),
    ("SELECT ?st WHERE { ?st rdf:type rdf:Statement } LIMIT 1", lambda a: len(a.rows) == 1),  # rdf: undeclared
    ("ASK { ?d eli:id_local '124/NQ-CP' }", lambda a: a.rows == [{"answer": True}]),
    ("CONSTRUCT { ?d eli:id_local ?c } WHERE { ?d eli:id_local ?c } LIMIT 3",
     lambda a: a.columns == ["subject", "predicate", "object"] and len(a.rows) == 3),
    ("DESCRIBE ?d WHERE { ?d eli:id_local '124/NQ-CP' }", lambda a: {"object": "124/NQ-CP"} in [
        {"object": r["object"]} for r in a.rows]),
    ('SELECT ?d WHERE { ?d eli:title "SERVICE <http://127.0.0.1:9/> { } DELETE WHERE" }', lambda a: a.rows == []),
    ("SELECT ?d\r\nWHERE { ?d eli:id_local '124/NQ-CP' } # a comment\r\n", lambda a: len(a.rows) == 1),
    ("SELECT ?d WHERE { ?d eli:id_local '124\\u002FNQ-CP' }", lambda a: len(a.rows) == 1),  # an escape, read once
    # issue 22: IRIs come whole (pasteable into the next query), literals as values
    ("SELECT ?d ?c WHERE { ?d eli:id_local ?c FILTER(?c = '124/NQ-CP') }",
     lambda a: a.rows == [{"d": "https://w3id.org/directive-lineage/id/vn/nq-cp/2025/124", "c": "124/NQ-CP"}]),
    ("DESCRIBE <https://w3id.org/directive-lineage/id/vn/nq-cp/2025/124>",
     lambda a: {"subject": "https://w3id.org/directive-lineage/id/vn/nq-cp/2025/124",
                "predicate": "http://data.europa.eu/eli/ontology#id_local", "object": "124/NQ-CP"} in a.rows),
    # issue 22: owl:, dcterms:, skos:, rdfs:, xsd: need no PREFIX line
    ("ASK { ?s owl:sameAs ?o }", lambda a: a.rows == [{"answer": False}]),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s dcterms:title ?o }", lambda a: a.rows == [{"n": 0}]),
    ("SELECT ?s WHERE { ?s skos:prefLabel ?l ; rdfs:label ?m FILTER(datatype(?l) = xsd:string) } LIMIT 1",
     lambda a: a.columns == ["s"]),
]


@pytest.mark.parametrize(("text", "expect"), SPARQL_ACCEPTED)
def test_sparql_reads_are_answered(stores, text, expect):
    answer = raw_sparql(stores["rdf"], text)
    assert expect(answer), answer


def test_sparql_cross_product_is_stopped_by_the_memory_cap(stores):
    """issue 19: this query reached 10.2 GB within the 30 s timeout on the sample store."""
    with pytest.raises(LineageError, match=f"needed more than {MEMORY_MB} MB of memory"):
        raw_sparql(stores["rdf"], "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d ?c ?f", timeout=600)
    assert raw_sparql(stores["rdf"], "ASK { ?s ?p ?o }").rows == [{"answer": True}]  # the store is fine


# --- --limit ------------------------------------------------------------------------------------


def test_negative_limit_is_refused(stores):
    with pytest.raises(LineageError, match="0 or more, not -1"):
        raw_sparql(stores["rdf"], "SELECT ?s WHERE { ?s ?p ?o }", limit=-1)
    with pytest.raises(LineageError, match="0 or more, not -1"):
        raw_cypher(stores["neo4j"], "MATCH (n) RETURN n.uid AS uid", limit=-1)


def test_answers_say_when_the_limit_cut_them(stores):
    cut = raw_sparql(stores["rdf"], "SELECT ?s WHERE { ?s ?p ?o }", limit=7)
    assert len(cut.rows) == 7 and cut.cut
    whole = raw_sparql(stores["rdf"], "SELECT ?d WHERE { ?d eli:id_local '124/NQ-CP' }", limit=1)
    assert len(whole.rows) == 1 and not whole.cut  # exactly as many rows as the limit: nothing cut
    cut = raw_cypher(stores["neo4j"], "MATCH (n) RETURN n.uid AS uid", limit=7)
    assert len(cut.rows) == 7 and cut.cut
    whole = raw_cypher(stores["neo4j"], "MATCH (d:Document {code: '124/NQ-CP'}) RETURN d.uid AS uid", limit=1)
    assert len(whole.rows) == 1 and not whole.cut
    assert raw_cypher(stores["neo4j"], "MATCH (n) RETURN n.uid AS uid", limit=0) == RawAnswer(["uid"], [], True)


def lineage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "120"})


def test_cli_limit(stores, neo4j_uri):
    store = str(stores["store"])
    negative = lineage("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--store", store, "--limit", "-1")
    assert negative.returncode == 2 and "'--limit': Input should be greater than or equal to 0" in negative.stderr
    cut = lineage("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--store", store, "--limit", "3", "-f", "json")
    assert cut.returncode == 0, cut.stderr
    assert len(json.loads(cut.stdout)) == 3 and "more than 3 rows" in cut.stderr
    whole = lineage("sparql", "SELECT ?d WHERE { ?d eli:id_local '124/NQ-CP' }", "--store", store, "-f", "json")
    assert whole.returncode == 0 and "more than" not in whole.stderr
    cut = lineage("cypher", "MATCH (n) RETURN n.uid AS uid", "--neo4j", neo4j_uri, "--limit", "3", "-f", "csv")
    assert cut.returncode == 0, cut.stderr
    assert len(cut.stdout.splitlines()) == 4 and "more than 3 rows" in cut.stderr
    refused = lineage("cypher", "CALL `dbms`.listConfig()", "--neo4j", neo4j_uri)
    assert refused.returncode == 2 and "refused: the query calls dbms.listConfig" in refused.stderr
