"""A real Neo4j 5.26 server from Maven Central jars: start, query, auth, background control, import.

Nothing here is mocked: each test starts a server (5-10 s each after the first jar fetch) and a
server that cannot start fails the test.
"""

import base64
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError

from lineage import neo4j_server
from lineage.neo4j_server import Neo4jServerError

PASSWORD = "lineage-test-secret"
PAGECACHE_MB, HEAP_MB = 300, 700  # not the defaults, to see them reach the server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server without auth for the whole module; its teardown checks that it really stopped."""
    running = neo4j_server.start(tmp_path_factory.mktemp("neo4j-plain"))
    yield running
    running.stop()
    assert not running.alive()
    assert neo4j_server.check_connectivity(running.uri) is not None


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """A background server with a password, stopped (and its record removed) at module end."""
    home = tmp_path_factory.mktemp("neo4j-auth")
    record = neo4j_server.start_background(home, port=neo4j_server.free_port(), password=PASSWORD,
                                           pagecache_mb=PAGECACHE_MB, heap_mb=HEAP_MB)
    yield home, record
    neo4j_server.stop_background(home)


def test_jars_are_cached_with_a_marker():
    lib = neo4j_server.ensure_jars()
    assert lib == neo4j_server.lib_dir()
    assert (lib / neo4j_server.MARKER_NAME).is_file()
    assert (lib / f"neo4j-command-line-{neo4j_server.NEO4J_VERSION}.jar").is_file()
    assert len(list(lib.glob("*.jar"))) > 100


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LINEAGE_NEO4J_CACHE", str(tmp_path))
    assert neo4j_server.lib_dir() == tmp_path / f"lib-{neo4j_server.NEO4J_VERSION}"


def test_missing_maven_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("LINEAGE_NEO4J_CACHE", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jServerError, match="Maven"):
        neo4j_server.ensure_jars()


def test_server_runs_cypher(server):
    with GraphDatabase.driver(server.uri) as driver:
        driver.execute_query(
            "CREATE (:Directive {uid: 'CT-01'})-[:IMPLEMENTS]->(:Directive {uid: 'NQ-02'})", database_="neo4j"
        )
        records, _, _ = driver.execute_query(
            "MATCH (a:Directive)-[:IMPLEMENTS]->(b:Directive) RETURN a.uid AS a, b.uid AS b", database_="neo4j"
        )
    assert [(r["a"], r["b"]) for r in records] == [("CT-01", "NQ-02")]
    assert (server.home / "neo4j.log").read_text().startswith("READY bolt://127.0.0.1:")


def test_port_in_use_is_refused(server, tmp_path):
    with pytest.raises(Neo4jServerError, match="already in use"):
        neo4j_server.start(tmp_path, port=server.port)


def test_short_password_is_refused_before_starting(tmp_path):
    with pytest.raises(Neo4jServerError, match="at least 8 characters"):
        neo4j_server.start(tmp_path, password="short")
    assert not (tmp_path / "neo4j.log").exists()


def test_right_password_connects(guarded):
    _, record = guarded
    with GraphDatabase.driver(record["uri"], auth=("neo4j", PASSWORD)) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_="neo4j")
    assert records[0]["one"] == 1


def test_wrong_password_is_rejected(guarded):
    _, record = guarded
    with GraphDatabase.driver(record["uri"], auth=("neo4j", "wrong")) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


def test_status_reports_the_background_server(guarded):
    home, record = guarded
    assert neo4j_server.status(home, PASSWORD) == {**record, "alive": True, "connected": True, "error": None}
    assert not neo4j_server.status(home, "wrong")["connected"]


def test_memory_settings_reach_the_server(guarded):
    home, record = guarded
    with GraphDatabase.driver(record["uri"], auth=("neo4j", PASSWORD)) as driver:
        rows, _, _ = driver.execute_query("CALL dbms.listConfig('server.memory.pagecache.size') "
                                          "YIELD name, value RETURN value")
    assert rows[0]["value"] in (f"{PAGECACHE_MB}m", f"{PAGECACHE_MB}.00MiB", str(PAGECACHE_MB * 2**20))
    command = Path(f"/proc/{record['pid']}/cmdline").read_bytes().split(b"\0")
    assert f"-Xmx{HEAP_MB}m".encode() in command


def test_password_is_never_written(guarded):
    home, _ = guarded
    for path in home.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path


def test_second_background_start_is_refused(guarded):
    home, _ = guarded
    with pytest.raises(Neo4jServerError, match="already running"):
        neo4j_server.start_background(home, port=neo4j_server.free_port())


def test_stop_background_ends_the_server(tmp_path):
    record = neo4j_server.start_background(tmp_path, port=neo4j_server.free_port())
    assert json.loads((tmp_path / "server.json").read_text()) == record
    assert neo4j_server.stop_background(tmp_path)["pid"] == record["pid"]
    assert neo4j_server.status(tmp_path) is None
    with pytest.raises(ProcessLookupError):
        os.kill(record["pid"], 0)
    assert neo4j_server.stop_background(tmp_path) is None


def test_admin_import_round_trip(tmp_path):
    nodes, relationships = tmp_path / "nodes.csv", tmp_path / "relationships.csv"
    nodes.write_text("uid:ID,title,:LABEL\nCT-01,Chỉ thị 01,Directive\nKH-07,Kế hoạch 07,Directive;Plan\n")
    relationships.write_text(":START_ID,:END_ID,:TYPE\nKH-07,CT-01,IMPLEMENTS\n")
    home = tmp_path / "home"

    output = neo4j_server.admin_import(home, [nodes], [relationships])

    assert "IMPORT DONE" in output
    with neo4j_server.start(home) as server, GraphDatabase.driver(server.uri) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (p:Plan)-[:IMPLEMENTS]->(d:Directive) RETURN p.uid AS p, d.title AS d, "
            "COUNT { MATCH (n) } AS nodes",
            database_="neo4j",
        )
    assert [(r["p"], r["d"], r["nodes"]) for r in records] == [("KH-07", "Chỉ thị 01", 2)]


def test_password_is_not_in_the_server_s_environment_or_arguments(guarded):
    """issue 19: a query reading /proc/self/environ returned NEO4J_PASSWORD; the password now arrives on stdin."""
    _, record = guarded
    for part in ("environ", "cmdline"):
        assert PASSWORD.encode() not in Path(f"/proc/{record['pid']}/{part}").read_bytes(), part


def test_load_csv_may_not_read_the_server_s_files(server):
    """Even a query that reaches the server unchecked cannot read its files (queries.safety refuses LOAD CSV first)."""
    with GraphDatabase.driver(server.uri) as driver:
        with pytest.raises(ClientError, match="'dbms.security.allow_csv_import_from_file_urls' is false"):
            driver.execute_query("LOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l")


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEO4J_PASSWORD": PASSWORD, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True, env=env)


def test_start_stop_start_on_the_same_home_with_neo4j_browser(tmp_path):
    """issue 22: a second `lineage neo4j start` on the same home and password failed ("Old password and new
    password cannot be the same"); and the HTTP connector serves Neo4j Browser, auth on, on 127.0.0.1."""
    home, bolt, http = tmp_path / "home", neo4j_server.free_port(), neo4j_server.free_port()
    for attempt in (1, 2):
        started = _cli("neo4j", "start", "--home", str(home), "--port", str(bolt), "--http-port", str(http))
        try:
            assert started.returncode == 0, (attempt, started.stderr)
            assert f"Neo4j Browser: http://127.0.0.1:{http}/browser/" in started.stdout
            assert neo4j_server.check_connectivity(f"bolt://127.0.0.1:{bolt}", PASSWORD) is None
            base = f"http://127.0.0.1:{http}"
            with urllib.request.urlopen(f"{base}/browser/") as page:
                assert page.status == 200 and b"<title>Neo4j Browser</title>" in page.read()
            with urllib.request.urlopen(base) as discovery:  # what Browser reads to find Bolt
                assert json.load(discovery)["bolt_direct"] == f"bolt://127.0.0.1:{bolt}"
            query = json.dumps({"statements": [{"statement": "RETURN 1 AS one"}]}).encode()
            request = urllib.request.Request(f"{base}/db/neo4j/tx/commit", data=query,
                                             headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError, match="401"):
                urllib.request.urlopen(request)  # auth on: no password, no answer
            token = base64.b64encode(f"neo4j:{PASSWORD}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
            with urllib.request.urlopen(request) as answer:
                assert json.load(answer)["results"][0]["data"][0]["row"] == [1]
            status = _cli("neo4j", "status", "--home", str(home))
            assert status.returncode == 0 and f"Neo4j Browser http://127.0.0.1:{http}/browser/" in status.stdout
        finally:
            stopped = _cli("neo4j", "stop", "--home", str(home))
        assert stopped.returncode == 0 and "stopped Neo4j" in stopped.stdout, stopped.stderr
    assert neo4j_server.check_connectivity(f"bolt://127.0.0.1:{bolt}", PASSWORD) is not None


def test_http_without_a_password_is_refused(tmp_path):
    with pytest.raises(Neo4jServerError, match="only with auth on"):
        neo4j_server.start(tmp_path, http_port=neo4j_server.free_port())
    assert not (tmp_path / "neo4j.log").exists()
