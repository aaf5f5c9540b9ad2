"""``lineage serve`` (issue 22): a read-only SPARQL 1.1 Protocol endpoint, asked as analysts' tools ask it.

A real server is started as a user starts it (``python3 -m lineage serve``) on the sample corpus, and queried
with SPARQLWrapper and curl over HTTP; its answers are compared with ``lineage sparql``'s (queries.raw)."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.build import build
from graph.rdf_store import OxigraphStore
from lineage.neo4j_server import free_port
from queries.raw import raw_sparql

ID = "https://w3id.org/directive-lineage/id/"
ELI = "http://data.europa.eu/eli/ontology#"
NQ124 = ID + "vn/nq-cp/2025/124"  # Nghị quyết 124/NQ-CP, in the sample corpus (tests/data/corpus)
LIMIT = 50  # the server's row cap in these tests
TIMEOUT = 3  # seconds; every query of the sample store takes far less


@pytest.fixture(scope="module")
def endpoint(corpus_records, tmp_path_factory):
    """URL of ``lineage serve`` on the sample corpus (a store folder as `lineage ingest` leaves it), and the folder."""
    folder = tmp_path_factory.mktemp("serve") / "store"
    with OxigraphStore(folder / "rdf") as rdf:
        rdf.write(build(corpus_records))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "lineage", "serve", "--store", str(folder), "--port", str(port),
         "--limit", str(LIMIT), "--timeout", str(TIMEOUT)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 60
    while True:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"lineage serve did not start: {server.stdout.read()}")
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/sparql", folder
    server.terminate()
    server.wait(30)


def curl(*args: str) -> tuple[int, dict, str]:
    """Status, headers (lower-case names) and body of one curl request."""
    done = subprocess.run(["curl", "-s", "-i", *args], capture_output=True, check=True)
    head, _, body = done.stdout.decode().partition("\r\n\r\n")
    lines = head.split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


# --- SPARQLWrapper ------------------------------------------------------------------------------


def wrapper(url: str, query: str, format: str = JSON, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setQuery(query)
    client.setReturnFormat(format)
    if method:
        client.setMethod(method)
    return client


SELECT_124 = "SELECT ?d ?title WHERE { ?d eli:id_local '124/NQ-CP' ; eli:title ?title }"


@pytest.mark.parametrize("method", [None, POST])  # SPARQLWrapper's GET, and a POSTed form
def test_sparqlwrapper_select(endpoint, method):
    url, _ = endpoint
    answer = wrapper(url, SELECT_124, method=method).query().convert()
    assert answer["head"]["vars"] == ["d", "title"]
    assert answer["results"]["bindings"] == [{
        "d": {"type": "uri", "value": NQ124},
        "title": {"type": "literal", "value": "Phiên họp Chính phủ thường kỳ tháng 4 năm 2025"},
    }]


def test_sparqlwrapper_ask_construct_and_csv(endpoint):
    url, _ = endpoint
    assert wrapper(url, "ASK { ?d eli:id_local '124/NQ-CP' }").query().convert()["boolean"] is True
    assert wrapper(url, "ASK { ?d eli:id_local '999/NQ-CP' }").query().convert()["boolean"] is False
    turtle = wrapper(url, f"CONSTRUCT {{ ?d eli:id_local ?c }} WHERE {{ ?d eli:id_local ?c FILTER(?d = <{NQ124}>) }}",
                     TURTLE).query().convert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert set(graph) == {(URIRef(NQ124), URIRef(ELI + "id_local"), Literal("124/NQ-CP"))}
    rows = list(csv.reader(io.StringIO(wrapper(url, SELECT_124, CSV).query().convert().decode())))
    assert rows == [["d", "title"], [NQ124, "Phiên họp Chính phủ thường kỳ tháng 4 năm 2025"]]
    xml = wrapper(url, SELECT_124, XML).query().convert()  # a DOM document
    assert xml.getElementsByTagName("uri")[0].firstChild.data == NQ124


def test_sparqlwrapper_sees_a_syntax_error(endpoint):
    url, _ = endpoint
    with pytest.raises(QueryBadFormed):
        wrapper(url, "SELECT ?d WHERE { ?d eli:id_local }").query()


def test_endpoint_and_lineage_sparql_give_the_same_rows(endpoint):
    """Every document code with its IRI, through HTTP and through `lineage sparql` (whole IRIs both)."""
    url, folder = endpoint
    query = "SELECT ?d ?code WHERE { ?d a eli:LegalResource ; eli:id_local ?code } ORDER BY ?code ?d LIMIT 40"
    answer = wrapper(url, query).query().convert()
    over_http = [{k: v["value"] for k, v in b.items()} for b in answer["results"]["bindings"]]
    assert len(over_http) == 40 and all(row["d"].startswith(ID) for row in over_http)
    assert over_http == raw_sparql(folder / "rdf", query).rows


# --- curl: the protocol, formats, limits, refusals ----------------------------------------------

Q = "query=SELECT ?d WHERE { ?d eli:id_local '124/NQ-CP' }"
# (curl arguments after the URL's query, expected status, content type, a piece of the body); each names what it shows
CURL = [
    (["-G", "--data-urlencode", Q, "-H", "Accept: application/sparql-results+json"], 200,
     "application/sparql-results+json", NQ124),                                       # GET, JSON
    (["--data-urlencode", Q, "-H", "Accept: text/csv"], 200, "text/csv", NQ124),      # POST form, CSV
    (["-H", "Content-Type: application/sparql-query", "-H", "Accept: text/tab-separated-values",
      "--data-binary", Q.removeprefix("query=")], 200, "text/tab-separated-values", f"<{NQ124}>"),  # POST query, TSV
    (["-G", "--data-urlencode", Q, "-H", "Accept: application/sparql-results+xml"], 200,
     "application/sparql-results+xml", f"<uri>{NQ124}</uri>"),                        # XML
    (["-G", "--data-urlencode", f"query=DESCRIBE <{NQ124}>", "-H", "Accept: text/turtle"], 200, "text/turtle",
     "@prefix eli:"),                                                                 # DESCRIBE as Turtle
    (["-G", "--data-urlencode", f"query=DESCRIBE <{NQ124}>", "-H", "Accept: application/n-triples"], 200,
     "application/n-triples", f"<{NQ124}> <{ELI}id_local> \"124/NQ-CP\" ."),           # N-Triples
    (["-G", "--data-urlencode", Q, "--data-urlencode", "format=csv"], 200, "text/csv", NQ124),  # ?format=
    (["-G", "--data-urlencode", Q, "-H", "Accept: text/html,*/*;q=0.8"], 200,
     "application/sparql-results+json", NQ124),                                       # a browser: JSON
    (["-H", "Accept: text/html"], 200, "text/html", "<form"),                         # no query: the form
    (["--data-urlencode", "update=CLEAR ALL"], 403, "text/plain", "read-only"),       # an update, by the protocol
    (["-H", "Content-Type: application/sparql-update", "--data-binary", "CLEAR ALL"], 403, "text/plain", "read-only"),
    (["-G", "--data-urlencode", "query=DELETE WHERE { ?s ?p ?o }"], 400, "text/plain", "refused: DELETE WHERE"),
    (["-G", "--data-urlencode", "query=SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }"], 400,
     "text/plain", "refused: SERVICE"),                                               # would call another server
    (["-G", "--data-urlencode", "query=SELECT ?d WHERE { ?d eli:id_local }"], 400, "text/plain", "syntax error"),
    (["-G", "--data-urlencode", Q, "--data-urlencode", f"default-graph-uri={ID}g"], 400, "text/plain",
     "not supported"),
    (["-G", "--data-urlencode", Q, "-H", "Host: lineage.example.com"], 400, "text/plain", "Invalid host"),  # rebinding
    (["-G", "--data-urlencode", "query=SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"], 500,
     "text/plain", f"ran longer than {TIMEOUT} s"),                                   # stopped by the timeout
]


@pytest.mark.parametrize(("args", "status", "media_type", "piece"), CURL)
def test_curl(endpoint, args, status, media_type, piece):
    url, _ = endpoint
    got, headers, body = curl(*args, url)
    assert (got, headers["content-type"].split(";")[0]) == (status, media_type), body
    assert piece in body


def test_a_body_past_the_cap_is_refused(endpoint, tmp_path):
    url, _ = endpoint
    (tmp_path / "long.rq").write_text("# " + "x" * 1_000_000 + "\nASK {}")
    status, _, body = curl("-H", "Content-Type: application/sparql-query", "--data-binary", f"@{tmp_path / 'long.rq'}",
                           url)
    assert status == 413 and "longer than 1000000 bytes" in body


def test_rows_past_the_cap_are_left_out_and_said(endpoint):
    url, _ = endpoint
    status, headers, body = curl("-G", "--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o }", "-H",
                                 "Accept: text/tab-separated-values", url)
    assert status == 200 and headers["lineage-cut"] == f"more than {LIMIT} rows; only the first {LIMIT} are sent"
    rows = list(ox.parse_query_results(body.encode(), ox.QueryResultsFormat.TSV))
    assert len(rows) == LIMIT
    status, headers, body = curl("-G", "--data-urlencode", f"query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT {LIMIT}",
                                 "-H", "Accept: application/sparql-results+json", url)
    assert "lineage-cut" not in headers and len(json.loads(body)["results"]["bindings"]) == LIMIT
    status, headers, body = curl("-G", "--data-urlencode", "query=CONSTRUCT WHERE { ?s ?p ?o }", "-H",
                                 "Accept: application/n-triples", url)
    assert "lineage-cut" in headers and len(list(ox.parse(body.encode(), ox.RdfFormat.N_TRIPLES))) == LIMIT


def test_every_format_holds_the_same_rows(endpoint):
    """The four result formats of one query, parsed back by pyoxigraph, hold the same solutions."""
    url, _ = endpoint
    query = "query=SELECT ?d ?code WHERE { ?d eli:id_local ?code } ORDER BY ?code ?d LIMIT 20"
    parsed = []
    for format in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV):
        _, _, body = curl("-G", "--data-urlencode", query, "-H", f"Accept: {format.media_type}", url)
        parsed.append([(s["d"], s["code"]) for s in ox.parse_query_results(body.encode(), format)])
    _, _, body = curl("-G", "--data-urlencode", query, "-H", "Accept: text/csv", url)
    in_csv = [(ox.NamedNode(r["d"]), ox.Literal(r["code"])) for r in csv.DictReader(io.StringIO(body))]
    assert len(parsed[0]) == 20 and parsed[0] == parsed[1] == parsed[2] == in_csv


def test_serve_without_a_store_says_what_to_do(tmp_path):
    done = subprocess.run([sys.executable, "-m", "lineage", "serve", "--store", str(tmp_path / "none")],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 2 and "run `lineage ingest PATH --store" in done.stderr
