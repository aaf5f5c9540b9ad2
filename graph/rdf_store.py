"""The embedded store: rdflib on Oxigraph (oxrdflib), persisted in a folder, queried with SPARQL.

Vocabulary: ELI for documents and their links (``eli:applies`` for implements, ``eli:based_on``,
``eli:cites``, ``eli:amends``, ``eli:changes`` for replaces, ``eli:repeals``, ``eli:passed_by``,
``eli:date_document``, ``eli:number``), W3C ORG for agencies (``org:subOrganizationOf``,
``org:ChangeEvent``), PROV-O for provenance, and ``lin:`` for tasks, targets and the rest.

Every edge is a direct triple (``doc eli:applies other``) and an ``rdf:Statement`` resource that
carries the edge's properties (span, sentence, extractor, confidence; ``prov:wasDerivedFrom`` the
source file by its sha256), so SPARQL can ask both "what does it implement" and "says who".
IRIs are stable: ``https://w3id.org/directive-lineage/id/`` + the uid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import quote, unquote

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS, SKOS

from .errors import LineageError
from .ids import edge_key
from .model import (AGENCY, DOCUMENT, DOCUMENT_EDGES, EDGE_TYPES, TARGET, TASK, Counts, Edge, LineageGraph, Node,
                    merge_node)

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
LIN = Namespace("https://w3id.org/directive-lineage/ns#")
BASE = "https://w3id.org/directive-lineage/id/"
PREFIXES = {"eli": ELI, "org": ORG, "prov": PROV, "lin": LIN, "skos": SKOS, "rdfs": RDFS, "xsd": XSD}
SHA256_URN = "urn:sha256:"

NODE_CLASSES = {DOCUMENT: ELI.LegalResource, AGENCY: ORG.Organization, TASK: LIN.Task, TARGET: LIN.Target}
CLASS_LABELS = {v: k for k, v in NODE_CLASSES.items()}
EDGE_PREDICATES = {
    DOCUMENT_EDGES["implements"]: ELI.applies,
    DOCUMENT_EDGES["based_on"]: ELI.based_on,
    DOCUMENT_EDGES["cites"]: ELI.cites,
    DOCUMENT_EDGES["amends"]: ELI.amends,
    DOCUMENT_EDGES["replaces"]: ELI.changes,
    DOCUMENT_EDGES["repeals"]: ELI.repeals,
    "ISSUED_BY": ELI.passed_by,
    "ADDRESSED_TO": LIN.addressedTo,
    "ASSIGNS": LIN.assigns,
    "ASSIGNED_TO": LIN.assignedTo,
    "SETS_TARGET": LIN.setsTarget,
    "TARGET_FOR": LIN.targetFor,
    "SUCCEEDED_BY": LIN.succeededBy,
    "PART_OF": ORG.subOrganizationOf,
}
assert set(EDGE_PREDICATES) == set(EDGE_TYPES)
EDGE_TYPE_OF = {v: k for k, v in EDGE_PREDICATES.items()}
# Properties with a standard term; every other property ``p`` is ``lin:p``.
PROPERTY_PREDICATES = {
    "code": ELI.id_local,
    "number": ELI.number,
    "issue_date": ELI.date_document,
    "subject": ELI.title,
    "doc_type": ELI.type_document,
    "name": SKOS.prefLabel,
    "sentence": PROV.value,
}
PROPERTY_OF = {v: k for k, v in PROPERTY_PREDICATES.items()}
# Date properties: written as xsd:date / gYearMonth / gYear when they are one, read back as printed.
DATE_PROPERTIES = frozenset({"issue_date", "deadline", "date", "abolished_on"})
DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def iri(uid: str) -> URIRef:
    return URIRef(BASE + quote(uid, safe="/-._"))


def uid_of(ref: URIRef) -> str:
    return unquote(str(ref)[len(BASE):])


def statement_iri(edge: Edge) -> URIRef:
    return URIRef(f"{BASE}edge/{edge_key(*edge.ident)}")


def _predicate(prop: str) -> URIRef:
    return PROPERTY_PREDICATES.get(prop, LIN[prop])


def _property(predicate: URIRef) -> str:
    """The property a predicate holds (the inverse of :func:`_predicate`)."""
    if predicate in PROPERTY_OF:
        return PROPERTY_OF[predicate]
    return predicate[len(str(LIN)):] if predicate.startswith(str(LIN)) else str(predicate)


def _literal(prop: str, value) -> Literal:
    if prop in DATE_PROPERTIES and isinstance(value, str) and len(value) in DATE_TYPES:
        return Literal(value, datatype=DATE_TYPES[len(value)])
    return Literal(value)


def _value(lit) -> object:
    if isinstance(lit, Literal) and lit.datatype in DATE_TYPES.values():
        return str(lit)
    return lit.toPython()


def plain(term) -> object:
    """A query result term as a plain value: a uid for our IRIs, a date as printed, a literal's value."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return uid_of(term) if str(term).startswith(BASE) else str(term)
    return _value(term)


def node_triples(node: Node) -> Iterator[tuple]:
    s = iri(node.uid)
    yield s, RDF.type, NODE_CLASSES[node.label]
    yield s, LIN.uid, Literal(node.uid)  # the uid as a literal too: queries take uids as parameters
    for label in node.labels[1:]:
        yield s, RDF.type, LIN[label]
    for prop, value in node.props.items():
        yield s, _predicate(prop), _literal(prop, value)


def edge_triples(edge: Edge) -> Iterator[tuple]:
    s, p, o = iri(edge.start), EDGE_PREDICATES[edge.type], iri(edge.end)
    st = statement_iri(edge)
    yield s, p, o
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    yield st, LIN.key, Literal(edge.key)
    for prop, value in edge.props.items():
        yield st, _predicate(prop), _literal(prop, value)
        if prop == "source_sha256":
            yield st, PROV.wasDerivedFrom, URIRef(SHA256_URN + str(value))
    if edge.type == "SUCCEEDED_BY" and "event" in edge.props:  # the change as org:ChangeEvent
        ev = URIRef(f"{BASE}event/{quote(str(edge.props['event']), safe='-')}")
        yield ev, RDF.type, ORG.ChangeEvent
        yield ev, ORG.originalOrganization, s
        yield ev, ORG.resultingOrganization, o
        if "date" in edge.props:
            yield ev, PROV.atTime, _literal("date", edge.props["date"])
        if "basis" in edge.props:
            yield ev, RDFS.comment, Literal(edge.props["basis"])


def to_rdf(graph: LineageGraph, into: Graph | None = None) -> Graph:
    """The RDF of ``graph`` (a fresh in-memory rdflib Graph unless ``into`` is given)."""
    g = into if into is not None else Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.addN((s, p, o, g) for node in graph.nodes.values() for s, p, o in node_triples(node))
    g.addN((s, p, o, g) for edge in graph.edges for s, p, o in edge_triples(edge))
    return g


def from_rdf(g: Graph) -> LineageGraph:
    """The lineage graph held in ``g`` (what :func:`to_rdf` wrote; other triples are ignored)."""
    nodes = {}
    for cls, label in CLASS_LABELS.items():
        for s in g.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and str(s).startswith(BASE):
                nodes[s] = _read_node(g, s, label)
    edges = [_read_edge(g, st) for st in g.subjects(RDF.type, RDF.Statement)]
    return LineageGraph.of(nodes.values(), [e for e in edges if e is not None])


def _read_node(g: Graph, s: URIRef, label: str) -> Node:
    labels, props = [label], {}
    for p, o in g.predicate_objects(s):
        if p == RDF.type:
            if isinstance(o, URIRef) and o.startswith(str(LIN)) and o not in CLASS_LABELS:
                labels.append(o[len(str(LIN)):])
        elif isinstance(o, Literal) and p != LIN.uid:
            props[_property(p)] = _value(o)
    return Node(uid_of(s), tuple(labels), props)


def _read_edge(g: Graph, st) -> Edge | None:
    s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
    if p not in EDGE_TYPE_OF or s is None or o is None:
        return None
    props, key = {}, ""
    for pred, value in g.predicate_objects(st):
        if pred == LIN.key:
            key = str(value)
        elif isinstance(value, Literal):
            props[_property(pred)] = _value(value)
    return Edge(EDGE_TYPE_OF[p], uid_of(s), uid_of(o), key, props)


class OxigraphStore:
    """rdflib ``Graph`` on an on-disk Oxigraph store at ``path`` (created when missing); ``read_only`` opens
    an existing one for reading only (the UI), which any number of processes may do."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        import pyoxigraph
        from oxrdflib import OxigraphStore as _Store
        self.path = Path(path) if path is not None else None
        store = _Store()
        try:
            if self.path is not None and read_only:
                if not self.path.exists():
                    raise LineageError(f"{self.path}: no store there; run `lineage ingest PATH` first")
                store = _Store(store=pyoxigraph.Store.read_only(str(self.path)))
            elif self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                store.open(str(self.path), create=not self.path.exists())
        except (OSError, ValueError) as exc:
            raise LineageError(
                f"{self.path}: cannot open the RDF store ({exc}); check that the folder is writable and that no "
                "other `lineage` process has it open") from exc
        self.graph = Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)

    def write(self, graph: LineageGraph) -> None:
        g = self.graph
        adds, removes = [], []
        # Look up only what is written (indexed), not every uid stored: ingests into a large store stay cheap.
        present = {n.uid for n in graph.nodes.values() if (iri(n.uid), RDF.type, NODE_CLASSES[n.label]) in g}
        for node in graph.nodes.values():
            s = iri(node.uid)
            old = _read_node(g, s, node.label) if node.uid in present else None
            merged = merge_node(old, node)
            if merged is None:
                continue
            if old is not None:
                removes += [(s, p, o) for p, o in g.predicate_objects(s) if isinstance(o, Literal) or p == RDF.type]
            adds += node_triples(merged)
        for edge in graph.edges:
            if edge.start in present:  # an edge of a node already stored may be stored: replace its properties
                st = statement_iri(edge)
                removes += [(st, p, o) for p, o in g.predicate_objects(st)]
            adds += edge_triples(edge)
        for triple in removes:
            g.remove(triple)
        g.addN((s, p, o, g) for s, p, o in adds)

    def read(self) -> LineageGraph:
        return from_rdf(self.graph)

    def counts(self) -> Counts:
        return self.read().counts()

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query with the store's prefixes; ``bindings`` are values, never spliced into text."""
        values = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in (bindings or {}).items()}
        return self.graph.query(sparql, initNs={k: str(v) for k, v in PREFIXES.items()}, initBindings=values)

    def select(self, sparql: str, bindings: dict | None = None, limit: int | None = None) -> list[dict]:
        """A SELECT's rows as dicts of plain values (uids for IRIs, dates as printed); unbound → None."""
        result = self.query(sparql, bindings)
        names = [str(v) for v in result.vars]
        rows = []
        for row in result:
            rows.append({name: plain(row[i]) for i, name in enumerate(names)})
            if limit is not None and len(rows) >= limit:
                break
        return rows

    def close(self) -> None:
        self.graph.close()

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_turtle(graph: LineageGraph, path: str | Path, format: str = "turtle") -> None:
    to_rdf(graph).serialize(destination=str(path), format=format, encoding="utf-8")


def read_rdf(path: str | Path, format: str | None = None) -> LineageGraph:
    g = Graph()
    try:
        g.parse(str(path), format=format)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise LineageError(f"{path}: cannot read RDF ({exc}); give Turtle or JSON-LD written by `lineage export`") from exc
    return from_rdf(g)



def select_read_only(path: str | Path, sparql: str, timeout: float = 30.0, limit: int = 1000,
                     bindings: dict | None = None) -> tuple[list[str], list[dict]]:
    """Run a SPARQL SELECT (or ASK) on the store at ``path`` opened **read-only** in a child process that
    is stopped after ``timeout`` seconds. Returns the variables and at most ``limit`` rows of plain values.
    The store must not be open for writing elsewhere (a `lineage ingest` running on it)."""
    import multiprocessing

    if not Path(path).exists():
        raise LineageError(f"{path}: no store there; run `lineage ingest PATH` first")
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_select_child, args=(str(path), sparql, limit, bindings or {}, send), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise LineageError(f"the query ran longer than {timeout:g} s and was stopped; narrow it or allow more time")
        outcome = receive.recv()
    except EOFError:
        raise LineageError("the query process ended without an answer (out of memory?)") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if "error" in outcome:
        raise LineageError(outcome["error"])
    return outcome["vars"], outcome["rows"]


def _select_child(path: str, sparql: str, limit: int, bindings: dict, send) -> None:
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox

    try:
        store = ox.Store.read_only(path)
        result = store.query(sparql, prefixes={k: str(v) for k, v in PREFIXES.items()},
                             substitutions={ox.Variable(k): ox.Literal(str(v)) for k, v in bindings.items()})
        if isinstance(result, ox.QueryBoolean):
            send.send({"vars": ["answer"], "rows": [{"answer": bool(result)}]})
            return
        if not isinstance(result, ox.QuerySolutions):
            send.send({"error": "only SELECT and ASK queries are answered here; use `lineage export` for triples"})
            return
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({n: plain(from_ox(solution[n])) if solution[n] is not None else None for n in names})
            if len(rows) >= limit:
                break
        send.send({"vars": names, "rows": rows})
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        send.send({"error": f"the RDF store refused the query: {exc}"})
    finally:
        send.close()
