"""Readers see a store before or after a write, never part of it; queries never wait for a writer; two writers
at once end as the two one after the other; the app shows what a document says as text (issue 19, item 5)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from graph.build import build
from graph.errors import LineageError
from graph.model import AGENCY, DOCUMENT, Edge, LineageGraph, Node
from graph.neo4j_store import Neo4jStore
from graph.rdf_store import OxigraphStore
from ui.tree import plain_markdown

ROOT = Path(__file__).resolve().parents[1]
KON_TUM = "kon-tum-cv-ubnd-ktth-trien-khai-nq-124-nq-cp-2025.txt"
# Many small documents, each issued by one of a few agencies: a merge into a store that holds the corpus is
# written in several batches, long enough for a reader to look many times while it runs.
MANY = 10_000


def many_documents(n: int = MANY) -> LineageGraph:
    agencies = [Node(f"agency/test-{i}", (AGENCY,), {"name": f"Agency {i}"}) for i in range(7)]
    documents = [Node(f"vn/test/2025/{i}", (DOCUMENT,), {"code": f"{i}/TEST", "stub": False}) for i in range(n)]
    edges = [Edge("ISSUED_BY", d.uid, agencies[i % 7].uid, "", {"confidence": 1.0}) for i, d in enumerate(documents)]
    return LineageGraph.of([*agencies, *documents], edges)


# A reader in its own process: opens the store read-only again and again, counts what it holds two ways (the
# store's counts, and raw SPARQL in `lineage sparql`'s child process), one JSON line per look, until STOP exists.
READER = """
import json, sys
from pathlib import Path
from graph.rdf_store import OxigraphStore, select_read_only
path, stop = Path(sys.argv[1]), Path(sys.argv[2])
while True:
    last = stop.exists()
    with OxigraphStore(path, read_only=True) as store:
        counts = store.counts()
    _, rows = select_read_only(path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    print(json.dumps([[counts.nodes, counts.edges], rows[0]["n"]]), flush=True)
    if last:
        break
"""


def _seen(counts, triples: int) -> tuple[str, int]:
    """What a look saw: the counts (as JSON) and the number of triples (each from its own opening of the store)."""
    return json.dumps([counts.nodes, counts.edges]), triples


def test_a_reader_during_a_long_write_sees_the_store_before_or_after_it(corpus_records, tmp_path):
    path, stop = tmp_path / "rdf", tmp_path / "stop"
    with OxigraphStore(path) as store:
        store.write(build(corpus_records))
        before = _seen(store.counts(), len(store.graph))
        reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(stop)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = reader.stdout.readline().strip()     # it has looked once before the write begins
        store.write(many_documents())
        after = _seen(store.counts(), len(store.graph))
        stop.touch()
        rest, errors = reader.communicate(timeout=120)
    assert reader.returncode == 0, errors
    seen = [(json.dumps(counts), triples) for counts, triples in map(json.loads, [first, *rest.splitlines()])]
    assert seen[0] == before and seen[-1] == after  # (the first look began before the write, the last after it)
    counts, triples = {c for c, _ in seen}, {n for _, n in seen}
    assert counts <= {before[0], after[0]}, counts - {before[0], after[0]}
    assert triples <= {before[1], after[1]}, triples - {before[1], after[1]}


def test_a_failed_write_leaves_readers_the_store_as_it_was(corpus_records, tmp_path, monkeypatch):
    path = tmp_path / "rdf"
    with OxigraphStore(path) as store:
        store.write(build(corpus_records))
        before = store.counts()

        def fails(*_):
            raise OSError("disk full")

        real = store._write_merged
        monkeypatch.setattr(store, "_write_merged", lambda graph: (real(graph), fails()))
        with pytest.raises(OSError):
            store.write(many_documents(1000))  # written, then stopped before it completes
        with OxigraphStore(path, read_only=True) as reader:
            assert reader.counts() == before
        assert store.counts() == before        # and the writer goes on from the store as it was


@pytest.fixture(scope="module")
def ingested(data_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reads") / "store"
    done = subprocess.run([sys.executable, "-m", "lineage", "ingest", str(data_dir / "corpus"), "--store", str(folder)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return folder


def lineage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lineage", *args], capture_output=True, text=True, cwd=ROOT)


def test_queries_answer_while_an_ingest_holds_the_write_lock(ingested, data_dir):
    with OxigraphStore(ingested / "rdf"):      # a writer has the store (as `lineage ingest` does while it runs)
        named = lineage("query", "document", "-p", "document=124/NQ-CP", "--store", str(ingested), "-f", "json")
        assert named.returncode == 0, named.stderr
        assert [r["code"] for r in json.loads(named.stdout)] == ["124/NQ-CP"]
        raw = lineage("sparql", "SELECT ?code WHERE { ?d eli:id_local ?code } ORDER BY ?code LIMIT 1",
                      "--store", str(ingested), "-f", "json")
        assert raw.returncode == 0, raw.stderr
        assert json.loads(raw.stdout)
        other = lineage("ingest", str(data_dir / "seeds"), "--store", str(ingested))
        assert other.returncode == 2
        assert "another `lineage ingest` is writing to this store; wait for it to finish" in other.stderr


def test_a_second_writer_is_told_to_wait(tmp_path):
    with OxigraphStore(tmp_path / "rdf"):
        with pytest.raises(LineageError, match="wait for it to finish"):
            OxigraphStore(tmp_path / "rdf")
        with pytest.raises(LineageError, match="first `lineage ingest` into this store is still writing; wait"):
            OxigraphStore(tmp_path / "rdf", read_only=True)  # nothing written yet
    with OxigraphStore(tmp_path / "rdf"):       # the first one done: the next may write
        pass


def test_a_reader_knows_when_a_write_has_completed_since_it_opened(corpus_records, tmp_path):
    with OxigraphStore(tmp_path / "rdf") as store:
        store.write(build(corpus_records[:10]))
        with OxigraphStore(tmp_path / "rdf", read_only=True) as reader:
            assert reader.is_current()
            store.write(build(corpus_records))
            assert not reader.is_current()
            assert reader.counts() != store.counts()  # it still reads the store as it opened it, whole
        with OxigraphStore(tmp_path / "rdf", read_only=True) as reader:
            assert reader.is_current() and reader.counts() == store.counts()


def test_a_store_written_before_generations_is_read_then_turned_into_them(corpus_records, tmp_path):
    import pyoxigraph as ox

    from graph.rdf_store import ntriples

    graph = build(corpus_records)
    legacy = ox.Store(str(tmp_path / "rdf"))   # Oxigraph's files in the folder itself, as stores were made before
    legacy.bulk_load(ntriples(graph), ox.RdfFormat.N_TRIPLES)
    legacy.flush()
    del legacy
    with OxigraphStore(tmp_path / "rdf", read_only=True) as reader:
        expected = reader.counts()
    with OxigraphStore(tmp_path / "rdf") as store:
        store.write(many_documents(10))
    with OxigraphStore(tmp_path / "rdf", read_only=True) as reader:
        assert reader.counts().nodes["Document"] == expected.nodes["Document"] + 10
    assert not (tmp_path / "rdf" / "CURRENT").exists()  # the old files went; the generation holds it all


# -- Neo4j --------------------------------------------------------------------------------------------------
def test_two_concurrent_neo4j_ingests_end_as_two_sequential_ones(corpus_records, neo4j_uri):
    from conftest_neo4j import neo4j_auth

    halves = (build(corpus_records[::2]), build(corpus_records[1::2]))  # sharing agencies and cited documents
    with Neo4jStore(neo4j_uri, neo4j_auth()) as store:
        sequential = []
        for order in (halves, halves[::-1]):
            store.delete_all()
            for graph in order:
                store.write(graph)
            sequential.append(store.read().canonical())
        for _ in range(3):                          # at once, several times over
            store.delete_all()
            start, failures = threading.Barrier(2), []

            def ingest(graph):
                try:
                    with Neo4jStore(neo4j_uri, neo4j_auth()) as writer:
                        start.wait()
                        writer.write(graph)
                except Exception as exc:  # noqa: BLE001 (reported below)
                    failures.append(exc)
            threads = [threading.Thread(target=ingest, args=(graph,)) for graph in halves]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert not failures, failures
            assert store.read().canonical() in sequential
            assert not store.query("MATCH (l:LineageWriteLock) RETURN l")  # the lock went with the writes


# -- the app ------------------------------------------------------------------------------------------------
IMAGE_URL = "http://127.0.0.1:8765/x.png"
IMAGE = f"![x]({IMAGE_URL})"


@pytest.fixture(scope="module")
def planted(data_dir, tmp_path_factory):
    """A store holding the Kon Tum letter with an image in Markdown written into its sentences and subject."""
    from ingest import extract_path

    folder = tmp_path_factory.mktemp("planted")
    docs = folder / "docs"
    docs.mkdir()
    text = (data_dir / "corpus" / KON_TUM).read_text(encoding="utf-8")
    for said in ("Xét đề nghị của Sở Tài chính", "V/v triển khai Nghị", "(có gửi kèm"):
        assert said in text
        text = text.replace(said, f"{said} {IMAGE}", 1)
    (docs / KON_TUM).write_text(text, encoding="utf-8")
    for name in ("001_nq-124-nq-cp-2025-phien-hop-cp-thuong-ky-thang-4.txt",):
        (docs / name).write_text((data_dir / "corpus" / name).read_text(encoding="utf-8"), encoding="utf-8")
    done = lineage("ingest", str(docs), "--store", str(folder / "store"))
    assert done.returncode == 0, done.stderr
    return folder / "store", extract_path(docs / KON_TUM).to_dict()["document"]["id"]


MARKDOWN_ELEMENTS = ("markdown", "caption", "header", "subheader", "title", "info", "warning", "error", "success",
                     "table", "exception")


@pytest.fixture
def fresh_source():
    """The app opens its store once per process (``st.cache_resource``): this test's store, and not for others."""
    from ui import pages

    pages.source.clear()
    yield
    pages.source.clear()


def test_the_app_shows_a_documents_markdown_as_text(planted, fresh_source, monkeypatch):
    from streamlit.testing.v1 import AppTest

    store, uid = planted
    monkeypatch.setenv("LINEAGE_STORE", str(store))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = AppTest.from_string("from ui import pages\npages.propagation_page()", default_timeout=60)
    at.query_params["sel"] = uid
    at.run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    assert any(IMAGE in t for t in texts)              # the sentences are shown, as they are printed
    for kind in MARKDOWN_ELEMENTS:                     # and no element that reads Markdown holds the URL
        assert not [e.value for e in at.get(kind) if IMAGE_URL in str(e.value)], kind
    assert not at.get("imgs") and not at.get("image")
    fields = at.dataframe[0].value                     # the subject, in a table of text (field, value)
    assert any(IMAGE in str(v) for v in fields.iloc[:, 1])


def test_the_app_shows_an_ingest_completed_after_it_opened_the_store(corpus_records, tmp_path, fresh_source,
                                                                     monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LINEAGE_STORE", str(tmp_path))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    with OxigraphStore(tmp_path / "rdf") as store:
        store.write(build(corpus_records[:10]))
        at = AppTest.from_string("from ui import pages\npages.find_page()", default_timeout=60).run()
        before = at.caption[0].value
        store.write(build(corpus_records))
        at.run()
        assert not at.exception and at.caption[0].value != before, before


# Markdown a document may hold → escaped, it renders as its own characters and as nothing else.
ESCAPED = [
    IMAGE,                                       # the finding: an image the browser would fetch
    f"[xem]({IMAGE_URL})",                       # a link
    f"<{IMAGE_URL}>",                            # an autolink
    f'<img src="{IMAGE_URL}">',                  # raw HTML
    "**:orange[Sở Tài chính]** :material/home:",  # Streamlit's colour and icon directives
    "# Điều 1. *Giao* _Sở_ `code` ~~x~~ $x^2$",  # heading, emphasis, code, strike, LaTeX
    "- mục 1 | cột \\ 2",                        # a list item, a table bar, a backslash
]


@pytest.mark.parametrize("text", ESCAPED)
def test_plain_markdown_renders_as_the_text_itself(text):
    html = MarkdownIt("commonmark", {"html": True}).enable("strikethrough").enable("table").render(plain_markdown(text))
    assert html.startswith("<p>") and "<img" not in html and "<a " not in html and "<em>" not in html
    assert html.count("<") == 2                  # only <p> and </p>: everything else is text
    import html as entities
    assert entities.unescape(html[3:-5]) == text
