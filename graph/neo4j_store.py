"""The production store: Neo4j over Bolt. Every Cypher statement the project writes to Neo4j is here.

Writes are batched ``UNWIND $rows … MERGE`` in managed transactions, after the uniqueness constraints
exist; values only ever travel as parameters. Node look-ups name their label so the constraint's
index serves them: one statement per pair of end labels (``graph.model.ENDPOINTS``).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Mapping

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, ResultSummary, unit_of_work
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

from .errors import LineageError
from .store import CYPHER
from .text_index import TEXT_FIELDS, Term, lucene
from .model import (AGENCY, DOCUMENT, EDGE_TYPES, ENDPOINTS, HELD_FIELDS, NODE_LABELS, OWNED_VIA, STUB_FIELDS, TARGET,
                    TASK, Counts, Edge, LineageGraph, Node, Revision, revisions, without)

BATCH = 5000  # rows per transaction (Neo4j's guidance: 1k–10k)
# Transactions in flight at once: nodes of different uids never contend; edges lock both end nodes, and two
# writers deadlocked (and retried) often enough on shared agencies to be slower than one at 10k documents.
NODE_WRITERS, EDGE_WRITERS = 2, 1
QUERY_TIMEOUT = 30.0  # seconds a read query may run before the server stops it

TEXT_INDEX = "document_text"  # the full-text index of the documents' words
CONSTRAINTS = (
    "CREATE CONSTRAINT document_uid IF NOT EXISTS FOR (n:Document) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT agency_uid IF NOT EXISTS FOR (n:Agency) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT task_uid IF NOT EXISTS FOR (n:Task) REQUIRE n.uid IS UNIQUE",
    "CREATE CONSTRAINT target_uid IF NOT EXISTS FOR (n:Target) REQUIRE n.uid IS UNIQUE",
    # The catalogue finds a document by uid or code and an agency by uid or name: without these two, each
    # look-up by code or name scans every node of the label (30 ms at 100k documents, growing with the store).
    "CREATE INDEX document_code IF NOT EXISTS FOR (n:Document) ON (n.code)",
    "CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name)",
    "CREATE INDEX agency_level IF NOT EXISTS FOR (n:Agency) ON (n.level)",  # the registry's provinces (not_relayed)
    # Find (queries/search.py): the documents' words without diacritics, in any case (graph/text_index.py).
    "CREATE FULLTEXT INDEX " + TEXT_INDEX + " IF NOT EXISTS FOR (n:Document) ON EACH ["
    + ", ".join(f"n.{f}" for f in TEXT_FIELDS) + "] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
)
# The documents a Lucene query finds in that index (graph.text_index.lucene), with the columns of the named query
# ``find``; type and years as there.
FIND_TEXT = ("CALL db.index.fulltext.queryNodes($index, $query) YIELD node AS d "
             "WHERE ($doc_type = '*' OR d.doc_type = $doc_type) "
             "AND substring(coalesce(d.issue_date, '0000'), 0, 4) >= $year_from "
             "AND substring(coalesce(d.issue_date, '9999'), 0, 4) <= $year_to "
             "RETURN d.uid AS document, d.code AS code, d.doc_type AS doc_type, d.issuer AS issuer, "
             "d.issue_date AS issue_date, coalesce(d.subject, d.title) AS subject, d.stub AS stub LIMIT $limit")
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"  # an index made on a full database fills in the background

# A node read from its own source replaces what was stored (a stub included); extra labels are the family.
WRITE_NODES = {
    DOCUMENT: "UNWIND $rows AS row MERGE (n:Document {uid: row.uid}) SET n = row.props, n.uid = row.uid "
              "SET n:$(row.labels)",
    AGENCY: "UNWIND $rows AS row MERGE (n:Agency {uid: row.uid}) SET n = row.props, n.uid = row.uid",
    TASK: "UNWIND $rows AS row MERGE (n:Task {uid: row.uid}) SET n = row.props, n.uid = row.uid",
    TARGET: "UNWIND $rows AS row MERGE (n:Target {uid: row.uid}) SET n = row.props, n.uid = row.uid",
}
# A stub never overwrites a held document; on an earlier stub it fills in what that one lacked.
WRITE_STUBS = (
    "UNWIND $rows AS row "
    "MERGE (n:Document {uid: row.uid}) "
    "ON CREATE SET n = row.props, n.uid = row.uid "
    "WITH n, row WHERE n.stub = true "
    "SET n:$(row.labels), "
    + ", ".join(f"n.{f} = coalesce(n.{f}, row.props.{f})" for f in STUB_FIELDS)
)
# One statement per edge type, made once from the model's constants (never from values): a static type
# lets the planner expand MERGE from the low-degree end; with a dynamic type ($(row.type)) it expanded
# from agencies with thousands of ISSUED_BY edges (12.5 s against 2.0 s for 10k edges).
WRITE_EDGE = ("UNWIND $rows AS row MATCH (a:{start} {{uid: row.start}}) MATCH (b:{end} {{uid: row.end}}) "
              "MERGE (a)-[r:{type} {{key: row.key}}]->(b) SET r = row.props, r.key = row.key")
WRITE_EDGES = {kind: WRITE_EDGE.format(start=a, end=b, type=kind) for kind, (a, b) in ENDPOINTS.items()}
assert set(WRITE_EDGES) == set(EDGE_TYPES)

# Into an empty database nothing can be merged with: plain CREATE, and no look-up before each write
# (the graph's nodes are unique by uid and its edges by identity, so the result is what MERGE gives).
CREATE_NODES = {
    label: f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props, n.uid = row.uid"
           + (" SET n:$(row.labels)" if label == DOCUMENT else "")
    for label in NODE_LABELS
}
CREATE_EDGE = ("UNWIND $rows AS row MATCH (a:{start} {{uid: row.start}}) MATCH (b:{end} {{uid: row.end}}) "
               "CREATE (a)-[r:{type}]->(b) SET r = row.props, r.key = row.key")
CREATE_EDGES = {kind: CREATE_EDGE.format(start=a, end=b, type=kind) for kind, (a, b) in ENDPOINTS.items()}
ANY_NODE = "MATCH (n) WHERE n.uid IS NOT NULL RETURN n.uid AS uid LIMIT 1"  # (not the write lock below)

# Writers take turns: a write holds a lease on one node for as long as it runs, so two ingests at once end as the
# two one after the other (both once read an empty database and CREATEd into it: 7,968 nodes without edges). The
# lease is taken in a write transaction that first locks the node (SET), so two writers never both find it free;
# the writer renews it while it writes and deletes it when done; one that dies lets go when the lease runs out.
# The node has no uid: reads, counts and the test for an empty database pass over it.
WRITE_LOCK_CONSTRAINT = ("CREATE CONSTRAINT lineage_write_lock IF NOT EXISTS "
                         "FOR (n:LineageWriteLock) REQUIRE n.name IS UNIQUE")
TAKE_WRITE_LOCK = ("MERGE (l:LineageWriteLock {name: 'write'}) SET l.taking = true "
                   "WITH l, (l.holder IS NULL OR l.holder = $me OR l.expires < timestamp()) AS free "
                   "SET l.holder = CASE WHEN free THEN $me ELSE l.holder END, "
                   "l.expires = CASE WHEN free THEN timestamp() + $lease ELSE l.expires END "
                   "REMOVE l.taking RETURN free, l.holder AS holder")
RENEW_WRITE_LOCK = ("MATCH (l:LineageWriteLock {name: 'write'}) WHERE l.holder = $me "
                    "SET l.expires = timestamp() + $lease RETURN count(l) AS held")
DROP_WRITE_LOCK = "MATCH (l:LineageWriteLock {name: 'write'}) WHERE l.holder = $me DELETE l"
LEASE_MS = 60_000     # a writer that stops renewing (killed) holds the lock this long at most
RENEW_SECONDS = 10.0  # how often a running writer renews its lease
WAIT_SECONDS = 0.5    # how often a waiting writer asks again

# The store's bookkeeping on a document read from its file: the digest of what it owned when last written
# (graph.model.Revision.digest). A document held with the digest it comes with is passed over, with all it owns.
DIGEST = "lineage_digest"
HELD_UNCHANGED = (f"UNWIND $rows AS row MATCH (d:Document {{uid: row.uid}}) WHERE d.{DIGEST} = row.digest "
                  "RETURN d.uid AS uid")
FORGET_DIGESTS = f"UNWIND $rows AS row MATCH (d:Document {{uid: row.uid}}) REMOVE d.{DIGEST}"
REMEMBER_DIGESTS = f"UNWIND $rows AS row MATCH (d:Document {{uid: row.uid}}) SET d.{DIGEST} = row.digest"

# A document written again from its file keeps only what the new text gives (graph.model.revisions): first the
# tasks and targets it no longer sets go, then the edges out of it and out of its kept tasks and targets that
# the new version lacks (``row.keep``: [type, end uid, key] of each edge kept), then a stub nothing cites now.
DROP_OWNED = ("UNWIND $rows AS row MATCH (:Document {uid: row.uid})-[:" + "|".join(sorted(OWNED_VIA)) + "]->(n) "
              "WHERE NOT n.uid IN row.owned DETACH DELETE n")
DROP_EDGES = {
    label: f"UNWIND $rows AS row MATCH (a:{label} {{uid: row.uid}})-[r]->(b) "
           "WHERE NOT [type(r), b.uid, r.key] IN row.keep DELETE r "
           "WITH DISTINCT b WHERE b:Document AND b.stub = true AND NOT EXISTS { ()-->(b) } DETACH DELETE b"
    for label in (DOCUMENT, TASK, TARGET)
}

# A document whose file now gives another one (its edges, tasks and targets gone by DROP_OWNED and DROP_EDGES)
# stays as a stub while another document cites it, and goes otherwise.
RETIRE_CITED = ("UNWIND $rows AS row MATCH (d:Document {uid: row.uid}) WHERE EXISTS { ()-->(d) } "
                "SET d = {uid: d.uid, stub: true, " + ", ".join(f"{f}: d.{f}" for f in STUB_FIELDS) + "}")
RETIRE_UNCITED = "UNWIND $rows AS row MATCH (d:Document {uid: row.uid}) WHERE NOT EXISTS { ()-->(d) } DETACH DELETE d"
# The documents read from their files that have no number or were read from one of $paths.
HELD_DOCUMENTS = ("MATCH (d:Document) WHERE d.stub = false AND (d.number IS NULL OR d.source_path IN $paths) "
                  "RETURN d.uid AS uid, " + ", ".join(f"d.{f} AS {f}" for f in HELD_FIELDS))

CITING = ("UNWIND $rows AS row MATCH (c:Document)-->(:Document {uid: row.uid}) WHERE c.stub = false "
          "RETURN DISTINCT c.uid AS uid, c.source_path AS source_path, c.source_sha256 AS source_sha256")

READ_NODES = "MATCH (n) WHERE n.uid IS NOT NULL RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props"
READ_EDGES = ("MATCH (a)-[r]->(b) WHERE a.uid IS NOT NULL AND b.uid IS NOT NULL "
              "RETURN type(r) AS type, a.uid AS start, b.uid AS end, properties(r) AS props")
COUNT_LABELS = "MATCH (n) WHERE NOT n:LineageWriteLock UNWIND labels(n) AS label RETURN label, count(*) AS n"
COUNT_TYPES = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n"
COUNT_STUBS = "MATCH (n:Document) WHERE n.stub = true RETURN count(n) AS n"
DELETE_ALL = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"


def connect_from_env(uri: str | None = None) -> "Neo4jStore":
    """A store at ``uri`` or ``$NEO4J_URI``, as ``$NEO4J_USER`` (default neo4j) with ``$NEO4J_PASSWORD``."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise LineageError("no Neo4j server given: pass --neo4j bolt://HOST:PORT or set NEO4J_URI "
                           "(`lineage neo4j start` runs a local one)")
    password = os.environ.get("NEO4J_PASSWORD")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), password) if password else None
    return Neo4jStore(uri, auth)


class Neo4jStore:
    """The production store: a Neo4j server over Bolt; named queries run in Cypher (:mod:`graph.store`)."""

    query_language = CYPHER

    def __init__(self, uri: str, auth: tuple[str, str] | None = None, database: str = "neo4j") -> None:
        self.uri, self.database = uri, database
        # Warnings such as "relationship type AMENDS does not exist" (none in this graph yet) are not news.
        self.driver: Driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
        try:
            self.driver.verify_connectivity()
        except AuthError as exc:
            self.driver.close()
            raise LineageError(f"{uri}: Neo4j refused the credentials; set NEO4J_USER and NEO4J_PASSWORD") from exc
        except (ServiceUnavailable, OSError, ValueError) as exc:
            self.driver.close()
            raise LineageError(f"{uri}: no Neo4j answers there ({exc}); start one with `lineage neo4j start` "
                               "or point NEO4J_URI at a running server") from exc

    # -- writing -----------------------------------------------------------------------------------
    def ensure_constraints(self) -> None:
        for statement in (WRITE_LOCK_CONSTRAINT, *CONSTRAINTS):
            self.driver.execute_query(statement, database_=self.database)
        self.driver.execute_query(AWAIT_INDEXES, database_=self.database)

    def write(self, graph: LineageGraph, retire: Iterable[str] = ()) -> None:
        """Store ``graph``: MERGE into a database that holds anything (idempotent, a stub never overwrites a
        document, a document written again from its file keeps only what its new text gives: :meth:`_revise`,
        and one held exactly as it comes is passed over with all it owns), CREATE into an empty one; batches of
        :data:`BATCH` rows. ``retire``: documents whose file now gives another one, removed first
        (:meth:`_retire`). One writer at a time: a write waits while another one runs (:meth:`_write_lock`)."""
        self._ensure_lock_constraint()
        with self._write_lock():
            self._write(graph, retire)

    def _write(self, graph: LineageGraph, retire: Iterable[str] = ()) -> None:
        self.ensure_constraints()
        if retire := list(retire):
            self._retire(retire)
        fresh = next(self._rows(ANY_NODE), None) is None
        revised = revisions(graph)
        if not fresh:
            same = self._unchanged(revised)
            graph = without(graph, [r for r in revised if r.document in same])
            revised = [r for r in revised if r.document not in same]
        by_label: dict[str, list[dict]] = defaultdict(list)
        stubs: list[dict] = []
        for node in graph.nodes.values():
            row = {"uid": node.uid, "props": dict(node.props), "labels": list(node.labels)}
            (stubs if node.props.get("stub") is True and not fresh else by_label[node.label]).append(row)
        by_type: dict[str, list[dict]] = defaultdict(list)
        for e in graph.edges:
            by_type[e.type].append({"start": e.start, "end": e.end, "key": e.key, "props": dict(e.props)})
        nodes, edges = (CREATE_NODES, CREATE_EDGES) if fresh else (WRITE_NODES, WRITE_EDGES)
        digests = _digest_rows(revised)
        if not fresh:
            self._parallel([(FORGET_DIGESTS, digests)], 1)  # a write cut short is not remembered
            self._revise(graph, revised)
        self._parallel([(nodes[label], by_label[label]) for label in NODE_LABELS] + [(WRITE_STUBS, stubs)],
                       NODE_WRITERS)
        self._parallel([(edges[kind], rows) for kind, rows in by_type.items()], EDGE_WRITERS)  # nodes are in
        self._parallel([(REMEMBER_DIGESTS, digests)], NODE_WRITERS)

    def _ensure_lock_constraint(self) -> None:
        """The write lock's uniqueness constraint (without it two first writers could each MERGE a lock node);
        two writers making it at once may clash once."""
        for attempt in range(3):
            try:
                self.driver.execute_query(WRITE_LOCK_CONSTRAINT, database_=self.database)
                return
            except ClientError as exc:
                if attempt == 2 or "Schema" not in (exc.code or ""):
                    raise

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        """Hold the database's write lease while the block runs: wait while another writer holds it, renew it
        meanwhile, let go at the end (or when this process dies, after :data:`LEASE_MS`)."""
        me, params = uuid.uuid4().hex, {"lease": LEASE_MS}
        while not self._one(TAKE_WRITE_LOCK, me=me, **params)["free"]:
            time.sleep(WAIT_SECONDS)
        done, lost = threading.Event(), threading.Event()

        def renew() -> None:
            while not done.wait(RENEW_SECONDS):
                try:
                    held = self._one(RENEW_WRITE_LOCK, me=me, **params)["held"]
                except (ServiceUnavailable, ClientError, OSError):
                    continue  # asked again in a moment; the lease outlasts a few misses
                if not held:
                    lost.set()
                    return

        renewer = threading.Thread(target=renew, name="neo4j-write-lease", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            done.set()
            renewer.join()
            self._one(DROP_WRITE_LOCK, me=me)
        if lost.is_set():
            raise LineageError(f"{self.uri}: this write's lock on the database ran out while it wrote (the server "
                               "did not answer for a minute), so another writer may have written meanwhile; "
                               "run the ingest again")

    def _one(self, statement: str, **params: Any) -> dict:
        """The first row of a write statement, in its own transaction."""
        records, _, _ = self.driver.execute_query(statement, params, database_=self.database)
        return records[0].data() if records else {}

    def _unchanged(self, revised: list[Revision]) -> set[str]:
        """The documents of ``revised`` held with the digest they come with."""
        rows = _digest_rows(revised)
        return {r["uid"] for i in range(0, len(rows), BATCH)
                for r in self._rows(HELD_UNCHANGED, rows=rows[i:i + BATCH])}

    def _revise(self, graph: LineageGraph, revised: list[Revision]) -> None:
        """Remove what earlier versions of the documents of ``revised`` gave and these do not, one transaction
        at a time (two would lock the same agencies)."""
        owners: dict[str, list[dict]] = defaultdict(list)
        owned: list[dict] = []
        for r in revised:
            owned.append({"uid": r.document, "owned": sorted(set().union(*r.owned.values()))})
            for uid, edges in r.keep.items():
                label = DOCUMENT if uid == r.document else graph.nodes[uid].label
                owners[label].append({"uid": uid, "keep": [list(edge) for edge in sorted(edges)]})
        self._parallel([(DROP_OWNED, owned)] + [(DROP_EDGES[label], rows) for label, rows in owners.items()], 1)

    def _retire(self, uids: list[str]) -> None:
        """Remove documents whose file now gives another document: what they own and their edges go, then each
        stays as a stub (its STUB_FIELDS) while another document cites it, and goes otherwise."""
        rows = [{"uid": uid} for uid in uids]
        self._parallel([(DROP_OWNED, [{"uid": uid, "owned": []} for uid in uids]),
                        (DROP_EDGES[DOCUMENT], [{"uid": uid, "keep": []} for uid in uids]),
                        (RETIRE_CITED, rows), (RETIRE_UNCITED, rows)], 1)

    def citing(self, uids: Iterable[str]) -> list[dict[str, Any]]:
        """The documents read from their files that have an edge to any of ``uids``: ``uid``, ``source_path``,
        ``source_sha256``."""
        return list(self._rows(CITING, rows=[{"uid": uid} for uid in uids]))

    def held_documents(self, paths: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The documents read from their files that have no number or were read from one of ``paths``, with
        :data:`graph.model.HELD_FIELDS` (absent: ``None``)."""
        return list(self._rows(HELD_DOCUMENTS, paths=list(paths)))

    def _parallel(self, work: list[tuple[str, list[dict]]], writers: int) -> None:
        """Run every batch of every (statement, rows), ``writers`` transactions at a time (a deadlock
        between two of them is a transient error the driver retries)."""
        batches = [(statement, rows[i:i + BATCH]) for statement, rows in work for i in range(0, len(rows), BATCH)]
        if not batches:
            return
        with ThreadPoolExecutor(max_workers=min(writers, len(batches))) as pool:
            for future in [pool.submit(self._write_batch, statement, chunk) for statement, chunk in batches]:
                future.result()

    def _write_batch(self, statement: str, rows: list[dict]) -> None:
        with self.driver.session(database=self.database) as session:
            session.execute_write(_run, statement, rows)

    def delete_all(self) -> None:
        """Empty the database (tests, and `lineage ingest --fresh`)."""
        with self.driver.session(database=self.database) as session:
            session.run(DELETE_ALL).consume()

    # -- reading -----------------------------------------------------------------------------------
    def read(self) -> LineageGraph:
        nodes = [_node(r["uid"], r["labels"], r["props"]) for r in self._rows(READ_NODES)]
        edges = []
        for r in self._rows(READ_EDGES):
            props = dict(r["props"])
            key = props.pop("key", "")
            edges.append(Edge(r["type"], r["start"], r["end"], key, props))
        return LineageGraph.of(nodes, edges)

    def counts(self) -> Counts:
        labels = {r["label"]: r["n"] for r in self._rows(COUNT_LABELS)}
        types = {r["type"]: r["n"] for r in self._rows(COUNT_TYPES)}
        stubs = next(iter(self._rows(COUNT_STUBS)))["n"]
        return Counts(dict(sorted(labels.items())), dict(sorted(types.items())), stubs)

    def find_text(self, terms: Iterable[Term], doc_type: str = "*", year_from: str = "0000",
                  year_to: str = "9999", limit: int = 100_000) -> list[dict]:
        """The documents whose words ``terms`` find (:mod:`graph.text_index`), from the full-text index."""
        query = lucene(terms)
        if not query:
            return []
        return self.query(FIND_TEXT, {"index": TEXT_INDEX, "query": query, "doc_type": doc_type,
                                      "year_from": year_from, "year_to": year_to, "limit": limit})

    def rows(self, text: str, params: Mapping[str, Any] | None = None, limit: int | None = None) -> list[dict]:
        """A query in this store's language (:class:`graph.store.Store`): :meth:`query` with its defaults."""
        return self.query(text, dict(params or {}), limit=limit)

    def query(self, cypher: str, params: dict[str, Any] | None = None, timeout: float = QUERY_TIMEOUT,
              limit: int | None = None, check: Callable[[ResultSummary], None] | None = None) -> list[dict]:
        """Run a query read-only: a READ session and a read transaction (the server refuses writes), stopped
        by the server after ``timeout`` seconds; at most ``limit`` rows are fetched. With ``check``, the server
        first plans the query (``EXPLAIN``) in the same transaction and ``check`` reads the plan's summary;
        it raises to refuse the query before it runs."""
        def work(tx: ManagedTransaction) -> list[dict]:
            if check is not None:
                check(tx.run("EXPLAIN " + cypher, params or {}).consume())
            result = tx.run(cypher, params or {})
            records = result.fetch(limit) if limit is not None else list(result)
            return [r.data() for r in records]

        with self.driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
            try:
                return session.execute_read(unit_of_work(timeout=timeout)(work))
            except ClientError as exc:
                code = exc.code or ""
                if "TransactionTimedOut" in code or "Terminated" in code or "TransactionTerminated" in code:
                    raise LineageError(f"the query ran longer than {timeout:g} s and Neo4j stopped it; narrow it "
                                       "(bounded paths, fewer rows) or allow more time") from exc
                if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
                    raise LineageError("writes are refused: queries here run read-only "
                                       f"(Neo4j said: {exc.message})") from exc
                raise LineageError(f"Neo4j refused the query: {exc.message}") from exc

    def _rows(self, statement: str, **params: Any) -> Iterator[dict]:
        records, _, _ = self.driver.execute_query(statement, params, database_=self.database, routing_="r")
        return iter([r.data() for r in records])

    def is_current(self) -> bool:
        """Always: every read asks the live server (:class:`graph.store.Store`)."""
        return True

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _run(tx: ManagedTransaction, statement: str, rows: list[dict]) -> None:
    tx.run(statement, rows=rows).consume()


def _digest_rows(revised: list[Revision]) -> list[dict]:
    return [{"uid": r.document, "digest": r.digest} for r in revised]


def _node(uid: str, labels: Iterable[str], props: dict) -> Node:
    props = {k: v for k, v in props.items() if k != "uid" and k != DIGEST}
    labels = list(labels)
    kind = next(label for label in labels if label in NODE_LABELS)
    return Node(uid, (kind, *sorted(label for label in labels if label != kind)), props)
