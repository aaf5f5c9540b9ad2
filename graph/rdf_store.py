"""The embedded store: rdflib on Oxigraph (oxrdflib), persisted in a folder, queried with SPARQL.

Vocabulary: ELI for documents and their links (``eli:applies`` for implements, ``eli:based_on``,
``eli:cites``, ``eli:amends``, ``eli:changes`` for replaces, ``eli:repeals``, ``eli:passed_by``,
``eli:date_document``, ``eli:number``), W3C ORG for agencies (``org:subOrganizationOf``,
``org:ChangeEvent``), PROV-O for provenance, and ``lin:`` for tasks, targets and the rest.

Every edge is a direct triple (``doc eli:applies other``) and an ``rdf:Statement`` resource that
carries the edge's properties (span, sentence, extractor, confidence; ``prov:wasDerivedFrom`` the
source file by its sha256), so SPARQL can ask both "what does it implement" and "says who".
An assignment (``ASSIGNED_TO``) is moreover a node of its own, ``lin:Assignment``, with direct links
``lin:task`` and ``lin:agency``, its ``lin:role``, ``lin:deadline``, ``lin:status``, ``prov:value`` (the
sentence) and ``lin:confidence``: a question about who must do what by when is a few triple patterns
(``?a lin:agency ?ag ; lin:role ?role ; lin:deadline ?d``), as a Task node is in Neo4j.

Dates are ``xsd:date`` whatever their precision, the precision in a property of its own
(``lin:issue_date_precision "year"`` beside ``eli:date_document "2025-01-01"^^xsd:date``); read back, a
date is printed to its precision ("2025"), as the other stores hold it. A task's deadline is held once,
on its assignments: ``Task.deadline`` (the deadline all its assignments share) is read back from them.
IRIs are stable: ``https://w3id.org/directive-lineage/id/`` + the uid.
"""

from __future__ import annotations

import fcntl
import gc
import math
import os
import re
import shutil
from collections import Counter
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from itertools import islice
from json.encoder import encode_basestring as _nt_string
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDFS, SKOS

from .errors import LineageError
from .ontology import (LIN, ONTOLOGY_GRAPH, doc_type_concept, doc_type_names, doc_type_scheme,
                       doc_type_scheme_ntriples, ontology_ntriples)
from .store import SPARQL
from .text_index import Term, open_fts, search_fts, write_fts
from .ids import edge_key, task_document
from .model import (AGENCY, ASSIGNED_TO, DOCUMENT, DOCUMENT_EDGES, EDGE_TYPES, HELD_FIELDS, INFERRED, OWNED_VIA, STUB_FIELDS,
                    TARGET, TASK, Counts, Edge, LineageGraph, Node, Revision, graph_digest, merge_node, revisions, without)

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
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
    "REUSES": LIN.reuses,
    "DERIVED_FROM": LIN.derivedFrom,
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
# Properties whose value is a SKOS concept, not a literal: ELI's ``eli:type_document`` ranges over concepts, so a
# document's type "Nghị quyết" is held as <https://w3id.org/directive-lineage/ns/doc-type/nghi-quyet>
# (graph.ontology.doc_type_scheme, held in the default graph too: its ``skos:prefLabel`` gives the name back).
CONCEPT_PROPERTIES = frozenset({"doc_type"})
# Date properties: a value that is a date ("2025-05-08"), a month ("2025-05") or a year ("2025") is written as
# the xsd:date of its first day, with its precision as ``lin:<property>_precision`` ("day" / "month" / "year");
# read back as printed. Any other value stays a string.
DATE_PROPERTIES = frozenset({"issue_date", "deadline", "date", "abolished_on", "valid_from"})
# "2025-05-08", "2025-05", "2025"
DATE_RE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
PRECISIONS = {10: "day", 7: "month", 4: "year"}
PRECISION_LENGTH = {name: n for n, name in PRECISIONS.items()}
FIRST_DAY = {10: "", 7: "-01", 4: "-01-01"}
# The assignment node of an ASSIGNED_TO edge: its class, its links to the task and the agency, its status.
ASSIGNMENT_CLASS = LIN.Assignment
ASSIGNMENT_TASK, ASSIGNMENT_AGENCY, ASSIGNMENT_STATUS = LIN.task, LIN.agency, LIN.status
# Shortcuts written beside an assignment, each what an axiom of ontology.ttl entails, so that a question about
# roles or about who gives tasks to whom is one triple pattern (Oxigraph looks each joined pattern up in an index,
# 10–40 µs a row, where Neo4j follows a pointer):
# - its agency by its role, sub-properties of lin:agency: lin:leadAgency for role "lead", …;
# - lin:givesTaskTo from the document that gives the task (graph.ids.task_document of the task) to the agency,
#   the chain lin:assigns / lin:assignedTo. The document owns it: its revision removes and rewrites it.
ROLE_AGENCY = {"lead": LIN.leadAgency, "support": LIN.supportAgency, "all": LIN.allAgency}
GIVES_TASK_TO = LIN.givesTaskTo
# A link read with a confidence below 1 is also a lin:UncertainLink (the class ontology.ttl defines by that
# restriction), so "the links to check" starts from those few, not from a scan of every link's confidence.
UNCERTAIN_LINK = LIN.UncertainLink


def is_uncertain(edge: Edge) -> bool:
    confidence = edge.props.get("confidence")
    return isinstance(confidence, (int, float)) and not isinstance(confidence, bool) and confidence < 1
# lin:status of an assignment, from what the text gives: "dated" (it has a deadline: overdue once the deadline
# has passed on the day asked about) or "standing" (no deadline: an ongoing duty, never overdue).
STATUS_DATED, STATUS_STANDING = "dated", "standing"
# Node properties RDF does not hold because they are derived from what it holds (read back from it):
# a task's deadline is that of its assignments when they all share one.
DERIVED_NODE_PROPERTIES = {TASK: frozenset({"deadline"})}


def precision_predicate(prop: str) -> URIRef:
    """``lin:issue_date_precision``: the precision of date property ``prop``."""
    return LIN[f"{prop}_precision"]


PRECISION_OF = {precision_predicate(p): p for p in DATE_PROPERTIES}


def _is_date(prop: str, value) -> bool:
    return prop in DATE_PROPERTIES and isinstance(value, str) and DATE_RE.match(value) is not None


def printed(value: str, precision: str | None) -> str:
    """A held xsd:date as printed to its precision: ("2025-01-01", "year") → "2025"."""
    return value[:PRECISION_LENGTH[precision]] if precision in PRECISION_LENGTH else value


def assignment_status(edge: Edge) -> str:
    return STATUS_DATED if edge.props.get("deadline") else STATUS_STANDING


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


CONCEPT_OF = {_predicate(p): p for p in CONCEPT_PROPERTIES}


def _concept(prop: str, value) -> URIRef:
    """The SKOS concept a value of a :data:`CONCEPT_PROPERTIES` property names: "Nghị quyết" → ``…/doc-type/nghi-quyet``."""
    concept = doc_type_concept(str(value))
    if concept not in doc_type_names():
        raise LineageError(f"{prop} {value!r} is not a document type of graph/vocabulary/doc_types.toml: the RDF store "
                           "points documents at their type's SKOS concept. Add the type there (with its English name) "
                           "or give one of its names")
    return concept


def _concept_name(concept: str) -> str:
    """The name of the concept ``concept`` (the inverse of :func:`_concept`); an IRI of no known concept is kept
    as it is."""
    return doc_type_names().get(URIRef(concept), concept)


def _literal(prop: str, value) -> Literal | URIRef:
    if prop in CONCEPT_PROPERTIES:
        return _concept(prop, value)
    if _is_date(prop, value):
        return Literal(value + FIRST_DAY[len(value)], datatype=XSD.date)
    if type(value) is float:
        return Literal(oxigraph_double(value), datatype=XSD.double, normalize=False)  # rdflib would print "1.0"
    return Literal(value)


def oxigraph_double(value: float) -> str:
    """An xsd:double as Oxigraph prints what it holds: positional, shortest digits, no ".0" (1.0 → "1",
    1e-05 → "0.00001"). Written so, a re-ingest finds the held statement equal and leaves it; written as
    Python prints floats ("1.0"), every confidence differed and was removed and added again."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


def _value(lit) -> object:
    if isinstance(lit, Literal) and lit.datatype == XSD.date:
        return str(lit)
    return lit.toPython()


def plain(term) -> object:
    """A query result term as a plain value: a uid for our IRIs, a date as printed, a literal's value."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return uid_of(term) if str(term).startswith(BASE) else str(term)
    return _value(term)


def _property_triples(s, props: Mapping[str, Any], derived: frozenset = frozenset()) -> Iterator[tuple]:
    for prop, value in props.items():
        if prop in derived:
            continue
        yield s, _predicate(prop), _literal(prop, value)
        if _is_date(prop, value):
            yield s, precision_predicate(prop), Literal(PRECISIONS[len(value)])


def node_triples(node: Node) -> Iterator[tuple]:
    s = iri(node.uid)
    yield s, RDF.type, NODE_CLASSES[node.label]
    yield s, LIN.uid, Literal(node.uid)  # the uid as a literal too: queries take uids as parameters
    for label in node.labels[1:]:
        yield s, RDF.type, LIN[label]
    yield from _property_triples(s, node.props, DERIVED_NODE_PROPERTIES.get(node.label, frozenset()))


def edge_triples(edge: Edge) -> Iterator[tuple]:
    s, p, o = iri(edge.start), EDGE_PREDICATES[edge.type], iri(edge.end)
    st = statement_iri(edge)
    if not edge.props.get(INFERRED):  # an inferred link is a statement about the documents, not asserted
        yield s, p, o
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, s
    yield st, RDF.predicate, p
    yield st, RDF.object, o
    yield st, LIN.key, Literal(edge.key)
    if is_uncertain(edge):
        yield st, RDF.type, UNCERTAIN_LINK
    if edge.type == ASSIGNED_TO:  # the assignment as a node of its own
        yield st, RDF.type, ASSIGNMENT_CLASS
        yield st, ASSIGNMENT_TASK, s
        yield st, ASSIGNMENT_AGENCY, o
        yield st, ASSIGNMENT_STATUS, Literal(assignment_status(edge))
        if (by_role := ROLE_AGENCY.get(edge.props.get("role"))) is not None:
            yield st, by_role, o
        if (document := task_document(edge.start)) is not None:
            yield iri(document), GIVES_TASK_TO, o
    yield from _property_triples(st, edge.props)
    if "source_sha256" in edge.props:
        yield st, PROV.wasDerivedFrom, URIRef(SHA256_URN + str(edge.props["source_sha256"]))
    if edge.type == "SUCCEEDED_BY" and "event" in edge.props:  # the change as org:ChangeEvent
        ev = URIRef(f"{BASE}event/{quote(str(edge.props['event']), safe='-')}")
        yield ev, RDF.type, ORG.ChangeEvent
        yield ev, ORG.originalOrganization, s
        yield ev, ORG.resultingOrganization, o
        if "date" in edge.props:
            yield ev, PROV.atTime, _literal("date", edge.props["date"])
        if "basis" in edge.props:
            yield ev, RDFS.comment, Literal(edge.props["basis"])


class _NTriples:
    """The N-Triples of nodes and edges: exactly the triples of :func:`node_triples` and :func:`edge_triples`,
    written as text without an rdflib term per triple (the store parses it in Rust; ~10x faster to load).

    IRIs are ours (percent-encoded uids, hex keys; the few others checked once each), so they need no escaping
    and the loader need not check them; strings are escaped as JSON strings, which N-Triples reads as they are
    (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``). Typed values take their lexical form from rdflib's ``Literal``, once
    per distinct value, so both paths write the same literal.
    """

    TYPE, UID, KEY = f"<{RDF.type}>", f"<{LIN.uid}>", f"<{LIN.key}>"
    STATEMENT, SUBJECT = f"<{RDF.Statement}>", f"<{RDF.subject}>"
    PREDICATE, OBJECT = f"<{RDF.predicate}>", f"<{RDF.object}>"
    DERIVED_FROM, CHANGE_EVENT = f"<{PROV.wasDerivedFrom}>", f"<{ORG.ChangeEvent}>"
    ORIGINAL, RESULTING = f"<{ORG.originalOrganization}>", f"<{ORG.resultingOrganization}>"
    AT_TIME, COMMENT = f"<{PROV.atTime}>", f"<{RDFS.comment}>"
    ASSIGNMENT, TASK, AGENCY = f"<{ASSIGNMENT_CLASS}>", f"<{ASSIGNMENT_TASK}>", f"<{ASSIGNMENT_AGENCY}>"
    STATUS, GIVES_TASK_TO, UNCERTAIN = f"<{ASSIGNMENT_STATUS}>", f"<{GIVES_TASK_TO}>", f"<{UNCERTAIN_LINK}>"
    ROLE_AGENCY = {role: f"<{p}>" for role, p in ROLE_AGENCY.items()}
    CLASSES = {label: f"<{cls}>" for label, cls in NODE_CLASSES.items()}
    EDGES = {kind: f"<{p}>" for kind, p in EDGE_PREDICATES.items()}

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}
        self._terms: dict[tuple, str] = {}  # predicates, family labels, typed literals, sha256 URNs

    def iri(self, uid: str) -> str:
        term = self._iris.get(uid)
        if term is None:
            term = self._iris[uid] = f"<{iri(uid)}>"
        return term

    def _term(self, key: tuple, make) -> str:
        term = self._terms.get(key)
        if term is None:
            term = self._terms[key] = make()
            if term.startswith("<"):
                ox.NamedNode(term[1:-1])  # checked once: the loader is told not to check IRIs
        return term

    def predicate(self, prop: str) -> str:
        return self._term(("p", prop), lambda: f"<{_predicate(prop)}>")

    def literal(self, prop: str, value) -> str:
        if prop in CONCEPT_PROPERTIES:
            return self._term(("c", prop, value), lambda: f"<{_concept(prop, value)}>")
        if type(value) is str and not _is_date(prop, value):
            return _nt_string(value)
        return self._term(("l", prop in DATE_PROPERTIES, type(value), value), lambda: self._typed(prop, value))

    def properties(self, s: str, props: Mapping[str, Any], derived: frozenset = frozenset()) -> Iterator[str]:
        """The lines of :func:`_property_triples`."""
        for prop, value in props.items():
            if prop in derived:
                continue
            yield f"{s} {self.predicate(prop)} {self.literal(prop, value)} .\n"
            if _is_date(prop, value):
                yield (f"{s} {self._term(('pp', prop), lambda: f'<{precision_predicate(prop)}>')} "
                       f"{_nt_string(PRECISIONS[len(value)])} .\n")

    @staticmethod
    def _typed(prop: str, value) -> str:
        lit = _literal(prop, value)
        return _nt_string(str(lit)) + (f"^^<{lit.datatype}>" if lit.datatype is not None else "")

    def node(self, node: Node) -> Iterator[str]:
        s = self.iri(node.uid)
        yield f"{s} {self.TYPE} {self.CLASSES[node.label]} .\n{s} {self.UID} {_nt_string(node.uid)} .\n"
        for label in node.labels[1:]:
            yield f"{s} {self.TYPE} {self._term(('c', label), lambda: f'<{LIN[label]}>')} .\n"
        yield from self.properties(s, node.props, DERIVED_NODE_PROPERTIES.get(node.label, frozenset()))

    def edge(self, edge: Edge) -> Iterator[str]:
        s, p, o = self.iri(edge.start), self.EDGES[edge.type], self.iri(edge.end)
        inferred = bool(edge.props.get(INFERRED))
        st = f"<{statement_iri(edge)}>"
        yield (("" if inferred else f"{s} {p} {o} .\n")  # an inferred link: its statement only
               + f"{st} {self.TYPE} {self.STATEMENT} .\n{st} {self.SUBJECT} {s} .\n"
               f"{st} {self.PREDICATE} {p} .\n{st} {self.OBJECT} {o} .\n{st} {self.KEY} {_nt_string(edge.key)} .\n")
        if is_uncertain(edge):
            yield f"{st} {self.TYPE} {self.UNCERTAIN} .\n"
        if edge.type == ASSIGNED_TO:
            yield (f"{st} {self.TYPE} {self.ASSIGNMENT} .\n{st} {self.TASK} {s} .\n{st} {self.AGENCY} {o} .\n"
                   f"{st} {self.STATUS} {_nt_string(assignment_status(edge))} .\n")
            if (by_role := self.ROLE_AGENCY.get(edge.props.get("role"))) is not None:
                yield f"{st} {by_role} {o} .\n"
            if (document := task_document(edge.start)) is not None:
                yield f"{self.iri(document)} {self.GIVES_TASK_TO} {o} .\n"
        yield from self.properties(st, edge.props)
        if "source_sha256" in edge.props:
            value = edge.props["source_sha256"]
            yield f"{st} {self.DERIVED_FROM} {self._term(('u', value), lambda: f'<{SHA256_URN}{value}>')} .\n"
        if edge.type == "SUCCEEDED_BY" and "event" in edge.props:
            ev = f"<{BASE}event/{quote(str(edge.props['event']), safe='-')}>"
            yield (f"{ev} {self.TYPE} {self.CHANGE_EVENT} .\n{ev} {self.ORIGINAL} {s} .\n"
                   f"{ev} {self.RESULTING} {o} .\n")
            if "date" in edge.props:
                yield f"{ev} {self.AT_TIME} {self.literal('date', edge.props['date'])} .\n"
            if "basis" in edge.props:
                yield f"{ev} {self.COMMENT} {self.literal('basis', edge.props['basis'])} .\n"

    def text(self, nodes: Iterable[Node], edges: Iterable[Edge]) -> bytes:
        parts = [line for node in nodes for line in self.node(node)]
        parts += [line for edge in edges for line in self.edge(edge)]
        return "".join(parts).encode("utf-8")


def ntriples(graph: LineageGraph) -> bytes:
    """The N-Triples of ``graph``: the triples of :func:`to_rdf`, as text."""
    return _NTriples().text(graph.nodes.values(), graph.edges)


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
    edges = [e for e in (_read_edge(g, st) for st in g.subjects(RDF.type, RDF.Statement)) if e is not None]
    return LineageGraph.of(with_derived(nodes.values(), edges), edges)


def with_derived(nodes: Iterable[Node], edges: Iterable[Edge]) -> list[Node]:
    """``nodes`` with the properties RDF holds elsewhere (:data:`DERIVED_NODE_PROPERTIES`): each task's deadline,
    the one its assignments share (as ``graph.build`` sets it)."""
    deadlines: dict[str, set] = {}
    for e in edges:
        if e.type == ASSIGNED_TO:
            deadlines.setdefault(e.start, set()).add(e.props.get("deadline"))
    out = []
    for node in nodes:
        shared = deadlines.get(node.uid, set())
        if node.label == TASK and len(shared) == 1 and (deadline := next(iter(shared))) is not None:
            node = Node(node.uid, node.labels, {**node.props, "deadline": deadline})
        out.append(node)
    return out


def _dated(props: dict[str, object], precisions: Mapping[str, str]) -> dict[str, object]:
    """``props`` with each date printed to its precision (:func:`printed`)."""
    for prop, precision in precisions.items():
        if isinstance(props.get(prop), str):
            props[prop] = printed(props[prop], precision)
    return props


def _read_node(g: Graph, s: URIRef, label: str) -> Node:
    labels, props, precisions = [label], {}, {}
    for p, o in g.predicate_objects(s):
        if p == RDF.type:
            if isinstance(o, URIRef) and o.startswith(str(LIN)) and o not in CLASS_LABELS:
                labels.append(o[len(str(LIN)):])
        elif p in PRECISION_OF:
            precisions[PRECISION_OF[p]] = str(o)
        elif isinstance(o, Literal) and p != LIN.uid:
            props[_property(p)] = _value(o)
        elif p in CONCEPT_OF and isinstance(o, URIRef):
            props[CONCEPT_OF[p]] = _concept_name(o)
    return Node(uid_of(s), tuple(labels), _dated(props, precisions))


def _read_edge(g: Graph, st) -> Edge | None:
    s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
    if p not in EDGE_TYPE_OF or s is None or o is None:
        return None
    props, key, precisions = {}, "", {}
    for pred, value in g.predicate_objects(st):
        if pred == LIN.key:
            key = str(value)
        elif pred in PRECISION_OF:
            precisions[PRECISION_OF[pred]] = str(value)
        elif isinstance(value, Literal) and pred != ASSIGNMENT_STATUS:
            props[_property(pred)] = _value(value)
    return Edge(EDGE_TYPE_OF[p], uid_of(s), uid_of(o), key, _dated(props, precisions))


# Counting in the store: nodes of each kind and family under BASE (as from_rdf reads them), reified statements
# of each edge type, stubs. Each is one or two index scans (0.2–0.8 s at 100k documents; joining the patterns
# of a statement took 7 s). Built once from the model's constants, never from values.
_UNDER_BASE = f"FILTER(STRSTARTS(STR(?s), \"{BASE}\"))"
_KIND_IRIS = " ".join(f"<{cls}>" for cls in CLASS_LABELS)
COUNT_KINDS = f"SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?kind {{ {_KIND_IRIS} }} ?s a ?kind . {_UNDER_BASE} }} GROUP BY ?kind"
COUNT_FAMILIES = (f"SELECT ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?label . {_UNDER_BASE} "
                  f"FILTER(STRSTARTS(STR(?label), \"{LIN}\") && ?label NOT IN ({', '.join(f'<{c}>' for c in (*CLASS_LABELS, ASSIGNMENT_CLASS, UNCERTAIN_LINK))})) }} "
                  "GROUP BY ?label")
COUNT_STATEMENTS = (f"SELECT ?p (COUNT(?st) AS ?n) WHERE {{ VALUES ?p {{ {' '.join(f'<{p}>' for p in EDGE_TYPE_OF)} }} "
                    "?st rdf:predicate ?p } GROUP BY ?p")
COUNT_STUBS = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s lin:stub true . {_UNDER_BASE} }}"
# The documents with no number read from their files (not stubs), with the fields graph.model.HELD_FIELDS names.
# (The documents are found first, then their fields: Oxigraph would look up every field of every document.)
_HELD_DATES = tuple(f for f in HELD_FIELDS if f in DATE_PROPERTIES)
HELD_UNNUMBERED = ("SELECT ?uid " + " ".join(f"?{f}" for f in HELD_FIELDS)
                   + "".join(f" ?{f}_precision" for f in _HELD_DATES) + " WHERE { { SELECT ?d WHERE { "
                   f"?d lin:stub false . FILTER NOT EXISTS {{ ?d <{_predicate('number')}> ?n }} }} }} ?d lin:uid ?uid . "
                   + " ".join(f"OPTIONAL {{ ?d <{_predicate(f)}> ?{f} }}" for f in HELD_FIELDS)
                   + "".join(f" OPTIONAL {{ ?d <{precision_predicate(f)}> ?{f}_precision }}" for f in _HELD_DATES) + " }")


def _held_row(row: dict[str, str]) -> dict[str, str]:
    """A row of :data:`HELD_UNNUMBERED` with its dates printed to their precision and its concepts named."""
    for f in CONCEPT_PROPERTIES:
        if isinstance(row.get(f), str):
            row[f] = _concept_name(row[f])
    for f in _HELD_DATES:
        precision = row.pop(f"{f}_precision", None)
        if f in row:
            row[f] = printed(row[f], precision)
    return row

# How many nodes or edges go to the store at once: a few hundred thousand triples, tens of MB of text.
WRITE_BATCH = 20_000
XSD_STRING, XSD_INTEGER, XSD_BOOLEAN, XSD_DOUBLE = str(XSD.string), str(XSD.integer), str(XSD.boolean), str(XSD.double)
DATE_TYPE_IRIS = frozenset({str(XSD.date)})
PRECISION_OF_IRI = {str(p): prop for p, prop in PRECISION_OF.items()}
BOOLEAN_LEXICAL = {"true": True, "1": True, "false": False, "0": False}
RDF_TYPE_IRI, LIN_IRI, LIN_UID_IRI = str(RDF.type), str(LIN), str(LIN.uid)
CLASS_IRIS = frozenset(str(cls) for cls in CLASS_LABELS)
PROPERTY_OF_IRI = {str(predicate): prop for predicate, prop in PROPERTY_OF.items()}
CONCEPT_OF_IRI = {str(predicate): prop for predicate, prop in CONCEPT_OF.items()}


# Beside a store at PATH, PATH.written holds the digest of the last graph written to it in full: an unchanged
# re-ingest is then skipped (comparing with what is held read every statement back: 6.5 min at 100k documents).
WRITTEN_SUFFIX = ".written"
# The store's own bookkeeping, beside the lineage in the default graph (which every query and read sees):
# the digest of what each document owned when last written (``graph.model.Revision.digest``).
DIGESTS = ox.NamedNode("urn:directive-lineage:digests")
ONTOLOGY = ox.NamedNode(ONTOLOGY_GRAPH)  # the lin: ontology and the SKOS schemes, beside the lineage
DIGEST = ox.NamedNode(str(LIN.digest))


def _ntriples_batches(graph: LineageGraph) -> Iterator[bytes]:
    """The graph's N-Triples in batches of :data:`WRITE_BATCH` nodes, then edges."""
    nt = _NTriples()
    yield from (nt.text(batch, ()) for batch in _batches(graph.nodes.values()))
    yield from (nt.text((), batch) for batch in _batches(graph.edges))


def _batches(items: Iterable, size: int = WRITE_BATCH) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


# An on-disk store is a folder of generations, so that a reader sees the store as it was before a write or
# after it, never part of one (an Oxigraph store opened read-only while another process writes it is undefined):
#   PATH/current              a symlink to the generation readers open ("gen-000007"), replaced in one rename
#   PATH/gen-000007/          an Oxigraph store made by Oxigraph's backup (hard links); never opened for writing
#   PATH/gen-000007.readers   each reader holds a shared lock on it while it has that generation open
#   PATH/work/                the writer's own copy of the current generation, which it writes; after a whole
#                             write, a backup of it becomes the next generation
#   PATH/writer.lock          held (exclusively) by the one writer
# A generation no reader holds is removed by the next write. A store written before generations (Oxigraph's files
# in PATH itself) is read as it is and turned into generations by its next write.
#   PATH/gen-000007.text      the documents' words of that generation, an SQLite FTS5 table (graph/text_index.py),
#                             made before the generation becomes current and removed with it
CURRENT_LINK, WORK_DIR, WRITER_LOCK, READERS_SUFFIX = "current", "work", "writer.lock", ".readers"
TEXT_SUFFIX = ".text"
# What the text index holds of each document (graph.text_index.TEXT_FIELDS and the columns of ``find``).
INDEX_DOCUMENTS = """SELECT ?document ?code ?doc_type ?issuer ?issue_date ?subject ?title ?stub ?outline WHERE {
  ?d a eli:LegalResource ; lin:uid ?document .
  OPTIONAL { ?d eli:id_local ?code } OPTIONAL { ?d lin:issuer ?issuer }
  OPTIONAL { ?d eli:type_document ?d_type_concept OPTIONAL { ?d_type_concept skos:prefLabel ?doc_type FILTER(LANG(?doc_type) = "vi") } }
  OPTIONAL { ?d eli:date_document ?issue_date } OPTIONAL { ?d eli:title ?subject } OPTIONAL { ?d lin:title ?title }
  OPTIONAL { ?d lin:stub ?stub } OPTIONAL { ?d lin:outline ?outline }
}"""
GENERATION_RE = re.compile(r"^gen-(\d{6})$")  # a generation's folder: "gen-000007"
# The files of an Oxigraph (RocksDB) store kept in PATH itself before generations: "000012.sst", "000010.log",
# "CURRENT", "IDENTITY", "LOCK", "LOG", "LOG.old.1733480000", "MANIFEST-000005", "OPTIONS-000007".
LEGACY_FILE_RE = re.compile(r"^(\d+\.(sst|log|blob)|CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+)$")
OPEN_ATTEMPTS = 100  # a reader that finds its generation removed under it (a newer one made) looks again


def _current_generation(path: Path) -> Path | None:
    """The folder readers open: the generation ``PATH/current`` names, else a store kept in PATH itself, else
    none (nothing written yet)."""
    try:
        return path / os.readlink(path / CURRENT_LINK)
    except FileNotFoundError:
        return path if (path / "CURRENT").is_file() else None
    except OSError as exc:
        raise LineageError(f"{path}: cannot read which generation of the store is current ({exc}); "
                           "check the folder's permissions") from exc


def _writer_active(path: Path) -> bool:
    """Whether a writer holds ``PATH/writer.lock`` now."""
    try:
        with open(path / WRITER_LOCK, "rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except FileNotFoundError:
        return False
    except BlockingIOError:
        return True
    return False


def open_snapshot(path: str | Path) -> tuple[ox.Store, IO | None]:
    """The store at ``path`` as its last whole write left it, opened read-only, and the lock file that keeps
    that generation from being removed (held shared until closed; ``None`` for a store kept in PATH itself).
    Never waits for a writer."""
    store, lock, _ = _snapshot(Path(path))
    return store, lock


def _snapshot(path: Path) -> tuple[ox.Store, IO | None, Path]:
    """:func:`open_snapshot`, and the generation opened."""
    for _ in range(OPEN_ATTEMPTS):
        generation = _current_generation(path)
        if generation is None:
            if path.is_dir() and _writer_active(path):
                raise LineageError(f"{path}: the first `lineage ingest` into this store is still writing; "
                                   "wait for it to finish, then ask again")
            raise LineageError(f"{path}: no store there; run `lineage ingest PATH` first")
        if generation == path:
            return ox.Store.read_only(str(path)), None, path
        try:
            lock = open(f"{generation}{READERS_SUFFIX}", "rb")
        except FileNotFoundError:
            continue  # removed after a newer write was made current: look again
        fcntl.flock(lock, fcntl.LOCK_SH)
        if (generation / "CURRENT").is_file():
            try:
                return ox.Store.read_only(str(generation)), lock, generation
            except BaseException:
                lock.close()
                raise
        lock.close()
    raise LineageError(f"{path}: the store changed {OPEN_ATTEMPTS} times while it was being opened; ask again")


def _lock_writer(path: Path) -> IO:
    """``PATH/writer.lock``, held exclusively, or a LineageError saying to wait when another writer has it."""
    path.mkdir(parents=True, exist_ok=True)
    lock = open(path / WRITER_LOCK, "a+b")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise LineageError(f"{path}: another `lineage ingest` is writing to this store; wait for it to finish, "
                           "then run this one again (queries still answer meanwhile, from the store before it)"
                           ) from None
    return lock


def _generations(path: Path) -> dict[int, Path]:
    return {int(m.group(1)): path / name for name in os.listdir(path) if (m := GENERATION_RE.match(name))}


def _publish(store: ox.Store, path: Path) -> Path:
    """A backup of ``store`` (the writer's work, written whole) made the current generation, in one rename."""
    number = max(_generations(path), default=0) + 1
    generation = path / f"gen-{number:06d}"
    store.backup(str(generation))
    write_fts(_index_rows(store), f"{generation}{TEXT_SUFFIX}").close()
    Path(f"{generation}{READERS_SUFFIX}").touch()
    link = path / f"{CURRENT_LINK}.{os.getpid()}"
    link.unlink(missing_ok=True)
    os.symlink(generation.name, link)
    os.replace(link, path / CURRENT_LINK)
    _sync_folder(path)
    return generation


def _sync_folder(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_unread(path: Path, current: Path | None) -> None:
    """Remove the generations other than ``current`` that no reader holds, and a store kept in PATH itself
    once a generation is current (the writer holds ``writer.lock``)."""
    for generation in _generations(path).values():
        if generation == current:
            continue
        readers = Path(f"{generation}{READERS_SUFFIX}")
        texts = (Path(f"{generation}{TEXT_SUFFIX}"), Path(f"{generation}{TEXT_SUFFIX}.partial"))
        try:
            lock = open(readers, "rb")
        except FileNotFoundError:
            shutil.rmtree(generation, ignore_errors=True)  # left by a write stopped while making it
            for text in texts:
                text.unlink(missing_ok=True)
            continue
        with lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader has it open: the next write removes it
            shutil.rmtree(generation, ignore_errors=True)
            for text in texts:
                text.unlink(missing_ok=True)
            readers.unlink(missing_ok=True)
    for name in os.listdir(path):
        if name.startswith(f"{CURRENT_LINK}.") and (path / name).is_symlink():
            (path / name).unlink()  # a link a writer stopped before renaming
        elif current is not None and current != path and LEGACY_FILE_RE.match(name) and (path / name).is_file():
            (path / name).unlink()


class OxigraphStore:
    """rdflib ``Graph`` on an on-disk Oxigraph store in the folder ``path`` (created when missing), or in memory
    without one. ``read_only`` opens an existing store for reading only (queries, the UI), which any number of
    processes may do at any time, a writer included: each sees the store as the last whole write left it
    (:func:`open_snapshot`). One writer at a time: a second one is told to wait.

    Writes and named queries go to pyoxigraph directly (``write``, ``select``); ``graph`` is the rdflib view
    of the same store (``read``, ``query``). Named queries run in SPARQL (:mod:`graph.store`)."""

    query_language = SPARQL

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._read_lock: IO | None = None
        self._writer: IO | None = None
        self._generation: Path | None = None  # the generation a reader opened
        self._text = None  # the text index, once asked (find_text)
        try:
            if self.path is not None and read_only:
                if not self.path.exists():
                    raise LineageError(f"{self.path}: no store there; run `lineage ingest PATH` first")
                store, self._read_lock, self._generation = _snapshot(self.path)
            elif self.path is not None:
                self._writer = _lock_writer(self.path)
                store = self._open_work()
            else:
                store = ox.Store()
        except (OSError, ValueError) as exc:
            self._release()
            raise LineageError(
                f"{self.path}: cannot open the RDF store ({exc}); check that the folder is writable") from exc
        except BaseException:
            self._release()
            raise
        self._attach(store)

    @property
    def generation(self) -> str | None:
        """The folder of the generation a reader opened (".../rdf/gen-000007"): what it shows changes only with it.
        ``None`` for the writer, a store in memory and a store kept before generations (what they show may change)."""
        return str(self._generation) if self._generation not in (None, self.path) else None

    def is_current(self) -> bool:
        """Whether this store shows what its folder holds now: false for a reader opened before a write that has
        since completed (open it again to see it); always true for the writer and for a store in memory."""
        return self._generation is None or _current_generation(self.path) == self._generation

    def _attach(self, store: ox.Store) -> None:
        from oxrdflib import OxigraphStore as _Store

        self._ox = store
        self.graph = Graph(store=_Store(store=self._ox), identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        # What rdflib would give Oxigraph: its usual prefixes (rdf:, rdfs:, xsd: …) and ours.
        self._prefixes = {prefix: str(ns) for prefix, ns in self.graph.namespaces() if prefix}

    def _detach(self) -> None:
        """Let go of the store, closed when this returns (Oxigraph closes a store when nothing holds it)."""
        self._ox = self.graph = None
        gc.collect()

    def _open_work(self) -> ox.Store:
        """The writer's copy of the current generation, opened for writing (a copy left by a writer that
        stopped is thrown away: it may hold part of a write)."""
        work = self.path / WORK_DIR
        shutil.rmtree(work, ignore_errors=True)
        current = _current_generation(self.path)
        if current is not None:
            ox.Store.read_only(str(current)).backup(str(work))
        return ox.Store(str(work))

    @contextmanager
    def _whole(self) -> Iterator[None]:
        """A write made visible to readers whole when it completes; one that fails leaves them nothing of it
        (the writer's copy is made again from the current generation)."""
        if self.path is None:
            yield
            return
        try:
            yield
            self._ox.flush()
        except BaseException:
            self._detach()
            self._attach(self._open_work())
            raise
        current = _publish(self._ox, self.path)
        _remove_unread(self.path, current)

    def write(self, graph: LineageGraph, retire: Iterable[str] = ()) -> None:
        """Store ``graph``: a node already held is merged (:func:`merge_node`) and its literal values and types
        replaced; an edge of a node already held has its statement's properties replaced; a document written
        again from its file keeps only what its new text gives (:meth:`_revise`). Writing the same graph twice
        changes nothing.

        Into an empty store the triples go by Oxigraph's bulk loader. Into a store that holds something,
        only what changes is removed and added, and documents held as they are (the digest of what they own in
        :data:`DIGESTS`) are passed over — unless the graph is the one last written to this store in full (its
        digest in ``PATH.written``), which is left as it is. ``retire``: documents whose file now gives another
        one, removed first (:meth:`_retire`), in the same write.

        On disk, readers see the store before this write or after it, never part of it (:meth:`_whole`); a
        write that fails or is killed leaves the store as it was."""
        marker = Path(f"{self.path}{WRITTEN_SUFFIX}") if self.path is not None else None
        self._forget_text()
        retire = list(retire)
        revised = revisions(graph)
        digest = graph_digest(graph, revised)
        empty = next(self._ox.quads_for_pattern(None, None, None, None), None) is None
        if not retire and not empty and marker is not None and marker.is_file() and marker.read_text() == digest:
            return  # the last write to this store was this very graph: writing it again changes nothing
        if marker is not None:
            marker.unlink(missing_ok=True)  # until this write is complete (or left by a store since deleted)
        with self._whole():
            if retire:
                self._retire(retire)
                empty = next(self._ox.quads_for_pattern(None, None, None, None), None) is None
            if empty:
                self._bulk_load(_ntriples_batches(graph))
                self._remember(revised)
            else:
                self._merge(graph, revised)
            self._keep_ontology()
        if marker is not None:
            marker.write_text(digest)

    def _keep_ontology(self) -> None:
        """Hold the ``lin:`` ontology and the SKOS schemes (:mod:`graph.ontology`) in their named graph, and the
        scheme of document types in the default graph beside the documents that point at it, as this code defines
        them (replaced whole: a few hundred triples)."""
        self._ox.remove_graph(ONTOLOGY)
        self._ox.load(ontology_ntriples(), ox.RdfFormat.N_TRIPLES, to_graph=ONTOLOGY)
        default = ox.DefaultGraph()
        for subject in {s for s in doc_type_scheme().subjects()}:
            for quad in list(self._ox.quads_for_pattern(ox.NamedNode(str(subject)), None, None, default)):
                self._ox.remove(quad)
        self._ox.load(doc_type_scheme_ntriples(), ox.RdfFormat.N_TRIPLES)

    def _held_digests(self, revised: list[Revision]) -> dict[str, ox.Quad]:
        """The digest quad held for each document of ``revised`` that has one."""
        held = {}
        for r in revised:
            quad = next(self._ox.quads_for_pattern(ox.NamedNode(str(iri(r.document))), DIGEST, None, DIGESTS), None)
            if quad is not None:
                held[r.document] = quad
        return held

    def _remember(self, revised: list[Revision]) -> None:
        """Keep the digest of each document of ``revised`` as written (none is held: a write drops them first)."""
        self._ox.extend(ox.Quad(ox.NamedNode(str(iri(r.document))), DIGEST, ox.Literal(r.digest), DIGESTS)
                        for r in revised)

    def _revise(self, revised: list[Revision]) -> None:
        """Remove what an earlier version of each document of ``revised`` gave and this one does not
        (:func:`graph.model.revisions`): its edges' statements and direct triples, its tasks and targets, and
        stubs that nothing cites any more."""
        store, default = self._ox, ox.DefaultGraph()
        subject = ox.NamedNode(str(RDF.subject))
        owning = [ox.NamedNode(str(EDGE_PREDICATES[kind])) for kind in OWNED_VIA]
        gives = ox.NamedNode(str(GIVES_TASK_TO))
        for r in revised:
            doc = ox.NamedNode(str(iri(r.document)))
            if next(store.quads_for_pattern(None, subject, doc, default), None) is None:
                continue  # held as a stub or not at all: it had no edges of its own
            owned = [q.object for p in owning for q in store.quads_for_pattern(doc, p, None, default)]
            old = list(store.quads_for_pattern(doc, gives, None, default))  # rewritten from the edges written next
            keep = {str(statement_iri(Edge(kind, owner, end, key)))
                    for owner, edges in r.keep.items() for kind, end, key in edges}
            kept_triples = {(str(iri(owner)), str(EDGE_PREDICATES[kind]), str(iri(end)))
                            for owner, edges in r.keep.items() for kind, end, _ in edges}
            ends = set()
            for owner in (doc, *owned):
                for q in store.quads_for_pattern(None, subject, owner, default):
                    if q.subject.value in keep:
                        continue
                    quads = list(store.quads_for_pattern(q.subject, None, None, default))
                    old += quads
                    fields = {x.predicate.value: x.object for x in quads}
                    p, o = fields.get(str(RDF.predicate)), fields.get(str(RDF.object))
                    if p is not None and o is not None and (owner.value, p.value, o.value) not in kept_triples:
                        old.append(ox.Quad(owner, p, o, default))
                        ends.add(o)
                if owner != doc and uid_of(URIRef(owner.value)) not in r.keep:
                    old += store.quads_for_pattern(owner, None, None, default)  # a task or target it no longer sets
            for quad in set(old):
                store.remove(quad)
            self._drop_stubs(ends)

    def _retire(self, uids: list[str]) -> None:
        """Remove documents whose file now gives another document: their edges, tasks and targets go
        (:meth:`_revise` keeping nothing), then each stays as a stub (its :data:`STUB_FIELDS`) while another
        document cites it, and goes otherwise."""
        store, default = self._ox, ox.DefaultGraph()
        self._revise([Revision(uid, {}, (), "") for uid in uids])
        kept = {ox.NamedNode(str(RDF.type)), ox.NamedNode(LIN_UID_IRI)} | {ox.NamedNode(str(_predicate(f)))
                                                                          for f in STUB_FIELDS}
        stub = ox.NamedNode(str(LIN.stub))
        for uid in uids:
            doc = ox.NamedNode(str(iri(uid)))
            for quad in list(store.quads_for_pattern(doc, DIGEST, None, DIGESTS)):
                store.remove(quad)
            cited = next(store.quads_for_pattern(None, None, doc, default), None) is not None
            for quad in list(store.quads_for_pattern(doc, None, None, default)):
                if not cited or quad.predicate not in kept:
                    store.remove(quad)
            if cited:
                store.add(ox.Quad(doc, stub, ox.Literal("true", datatype=ox.NamedNode(XSD_BOOLEAN)), default))

    def citing(self, uids: Iterable[str]) -> list[dict[str, str]]:
        """The documents read from their files that have an edge to any of ``uids``: ``uid``, ``source_path``,
        ``source_sha256``."""
        store, default = self._ox, ox.DefaultGraph()
        subject, obj = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))
        held = (ox.NamedNode(str(LIN.stub)), ox.Literal("false", datatype=ox.NamedNode(XSD_BOOLEAN)))
        path, sha = ox.NamedNode(str(_predicate("source_path"))), ox.NamedNode(str(_predicate("source_sha256")))
        out = {}
        for uid in uids:
            for st in store.quads_for_pattern(None, obj, ox.NamedNode(str(iri(uid))), default):
                for q in store.quads_for_pattern(st.subject, subject, None, default):
                    doc = q.object
                    if doc.value in out or next(store.quads_for_pattern(doc, *held, default), None) is None:
                        continue
                    row = {"uid": uid_of(URIRef(doc.value))}
                    for key, p in (("source_path", path), ("source_sha256", sha)):
                        if (value := next(store.quads_for_pattern(doc, p, None, default), None)) is not None:
                            row[key] = value.object.value
                    out[doc.value] = row
        return list(out.values())

    def held_documents(self, paths: Iterable[str] = ()) -> list[dict[str, str]]:
        """The documents read from their files that have no number or were read from one of ``paths``, with
        :data:`graph.model.HELD_FIELDS` (absent: not a key)."""
        rows = {r["uid"]: _held_row(r) for r in self._rows(HELD_UNNUMBERED)}
        store, default = self._ox, ox.DefaultGraph()
        held = (ox.NamedNode(str(LIN.stub)), ox.Literal("false", datatype=ox.NamedNode(XSD_BOOLEAN)))
        fields = {str(_predicate(f)): f for f in HELD_FIELDS}
        fields.update({str(precision_predicate(f)): f"{f}_precision" for f in _HELD_DATES})
        for path in paths:
            for q in store.quads_for_pattern(None, ox.NamedNode(str(_predicate("source_path"))), ox.Literal(path),
                                             default):
                uid = uid_of(URIRef(q.subject.value))
                if uid in rows or next(store.quads_for_pattern(q.subject, *held, default), None) is None:
                    continue
                rows[uid] = _held_row({"uid": uid, **{fields[x.predicate.value]: x.object.value
                                                      for x in store.quads_for_pattern(q.subject, None, None, default)
                                                      if x.predicate.value in fields}})
        return list(rows.values())

    def _drop_stubs(self, candidates: Iterable) -> None:
        """Remove each of ``candidates`` that is a stub nothing points at any more."""
        store, default = self._ox, ox.DefaultGraph()
        stub = (ox.NamedNode(str(LIN.stub)), ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))))
        for node in candidates:
            if next(store.quads_for_pattern(node, *stub, default), None) is not None \
                    and next(store.quads_for_pattern(None, None, node, default), None) is None:
                for quad in list(store.quads_for_pattern(node, None, None, default)):
                    store.remove(quad)

    def _merge(self, graph: LineageGraph, revised: list[Revision]) -> None:
        """Write ``graph`` into a store that holds something: documents held exactly as they are (their digest
        remembered) are passed over with all they own; of the others, first what their earlier versions gave
        and these do not is removed (:meth:`_revise`), then only what changes is removed and added."""
        held = self._held_digests(revised)
        unchanged = [r for r in revised if r.document in held and held[r.document].object.value == r.digest]
        if unchanged:
            graph = without(graph, unchanged)
            same = {r.document for r in unchanged}
            revised = [r for r in revised if r.document not in same]
        for r in revised:  # dropped before the write: a write cut short is not remembered
            if r.document in held:
                self._ox.remove(held[r.document])
        self._revise(revised)
        self._write_merged(graph)
        self._remember(revised)

    def _write_merged(self, graph: LineageGraph) -> None:
        """Merge ``graph``'s nodes with those held and replace the statements of edges of held nodes."""
        store, nt = self._ox, _NTriples()
        default, rdf_type = ox.DefaultGraph(), ox.NamedNode(str(RDF.type))
        classes = {label: ox.NamedNode(str(cls)) for label, cls in NODE_CLASSES.items()}
        # Look up only what is written (indexed), not every uid stored: ingests into a large store stay cheap.
        stored = {}  # uid → its quads, for the nodes held before this write
        for node in graph.nodes.values():
            quads = list(store.quads_for_pattern(ox.NamedNode(str(iri(node.uid))), None, None, default))
            if any(q.predicate == rdf_type and q.object == classes[node.label] for q in quads):
                stored[node.uid] = quads
        for batch in _batches(graph.nodes.values()):
            old, new = [], []
            for node in batch:
                quads = stored.get(node.uid)
                merged = merge_node(None if quads is None else _held_node(node.uid, node.label, quads), node)
                if merged is not None:
                    new.append(merged)
                    if quads is not None:
                        old += [q for q in quads if isinstance(q.object, ox.Literal) or q.predicate == rdf_type
                                or q.predicate.value in CONCEPT_OF_IRI]
            self._replace(old, nt.text(new, ()))
        for batch in _batches(graph.edges):
            old = [q for edge in batch if edge.start in stored  # an edge of a held node may be held: replace it
                   for q in store.quads_for_pattern(ox.NamedNode(str(statement_iri(edge))), None, None, default)]
            self._replace(old, nt.text((), batch))

    def _bulk_load(self, texts: Iterable[bytes]) -> None:
        """Load N-Triples batches with Oxigraph's bulk loader, the next batch written while one loads (the
        loader runs without the GIL), then compact the store: the loader leaves many small files, and
        lookups in them are about half as fast."""
        with ThreadPoolExecutor(max_workers=1) as loader:
            loading = None
            for text in texts:
                if loading is not None:
                    loading.result()
                loading = loader.submit(self._ox.bulk_load, text, ox.RdfFormat.N_TRIPLES, lenient=True)
            if loading is not None:
                loading.result()
        self._ox.optimize()

    def _replace(self, old: list, text: bytes) -> None:
        """Remove the quads ``old`` and add the triples ``text``, touching only what differs."""
        new = set(ox.parse(text, ox.RdfFormat.N_QUADS))
        held = set(old)
        for quad in held - new:
            self._ox.remove(quad)
        self._ox.extend(q for q in new if q not in held)

    def read(self) -> LineageGraph:
        return from_rdf(self.graph)

    def counts(self) -> Counts:
        """What the store holds, counted where it lies (reading it all back took minutes at 10k documents):
        the same figures as ``self.read().counts()``."""
        kinds = {str(cls): label for cls, label in CLASS_LABELS.items()}
        labels = Counter({kinds[r["kind"]]: int(r["n"]) for r in self._rows(COUNT_KINDS)})
        labels.update({r["label"][len(LIN_IRI):]: int(r["n"]) for r in self._rows(COUNT_FAMILIES)})
        types = {EDGE_TYPE_OF[URIRef(r["p"])]: int(r["n"]) for r in self._rows(COUNT_STATEMENTS)}
        stubs = int(next(iter(self._rows(COUNT_STUBS)))["n"])
        return Counts(dict(sorted(labels.items())), dict(sorted(types.items())), stubs)

    def _rows(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a fixed query (no parameters) as strings: IRIs and literals by their value."""
        result = self._ox.query(sparql, prefixes=self._prefixes)
        names = [v.value for v in result.variables]
        return [{n: term.value for n, term in zip(names, solution) if term is not None} for solution in result]

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query with the store's prefixes; ``bindings`` are values, never spliced into text."""
        values = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in (bindings or {}).items()}
        return self.graph.query(sparql, initNs={k: str(v) for k, v in PREFIXES.items()}, initBindings=values)

    def find_text(self, terms: Iterable[Term], doc_type: str = "*", year_from: str = "0000",
                  year_to: str = "9999", limit: int = 100_000) -> list[dict]:
        """The documents whose words ``terms`` find (:mod:`graph.text_index`): from the text index of the
        generation this reader opened, else (a store in memory, the writer, a store written before text indexes)
        from one made in memory from the store when first asked and again after each write."""
        if self._text is None:
            kept = Path(f"{self._generation}{TEXT_SUFFIX}") if self._generation not in (None, self.path) else None
            self._text = open_fts(kept) if kept is not None and kept.is_file() else write_fts(_index_rows(self._ox))
        return search_fts(self._text, list(terms), doc_type, year_from, year_to, limit)

    def _forget_text(self) -> None:
        if self._text is not None:
            self._text.close()
            self._text = None

    def rows(self, text: str, params: Mapping[str, Any] | None = None, limit: int | None = None) -> list[dict]:
        """A query in this store's language (:class:`graph.store.Store`): each parameter ``name`` binds the
        variable ``?in_name`` (:meth:`select`)."""
        return self.select(text, {f"in_{k}": v for k, v in (params or {}).items()}, limit=limit)

    def select(self, sparql: str, bindings: dict | None = None, limit: int | None = None) -> list[dict]:
        """A SELECT's rows as dicts of plain values (uids for IRIs, dates as printed); unbound → None.
        ``bindings`` are values, never spliced into text (Oxigraph's substitutions)."""
        from oxrdflib._converter import to_ox

        values = {ox.Variable(k): to_ox(v if isinstance(v, (URIRef, Literal)) else Literal(v))
                  for k, v in (bindings or {}).items()}
        result = self._ox.query(sparql, prefixes=self._prefixes, substitutions=values)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append(dict(zip(names, map(_plain_ox, solution))))  # a solution iterates in ``names`` order
            if limit is not None and len(rows) >= limit:
                break
        return rows

    def close(self) -> None:
        self._forget_text()
        if self.graph is not None:
            self.graph.close()
        self._detach()
        if self._writer is not None:
            shutil.rmtree(self.path / WORK_DIR, ignore_errors=True)
        self._release()

    def _release(self) -> None:
        """Let go of the reader's or the writer's lock."""
        for lock in (self._read_lock, self._writer):
            if lock is not None:
                lock.close()
        self._read_lock = self._writer = None

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _held_node(uid: str, label: str, quads: Iterable) -> Node:
    """:func:`_read_node` on a node's quads as pyoxigraph gives them (no rdflib term per quad)."""
    labels, props, precisions = [label], {}, {}
    for quad in quads:
        p, o = quad.predicate.value, quad.object
        if p == RDF_TYPE_IRI:
            if isinstance(o, ox.NamedNode) and o.value.startswith(LIN_IRI) and o.value not in CLASS_IRIS:
                labels.append(o.value[len(LIN_IRI):])
        elif p in PRECISION_OF_IRI:
            precisions[PRECISION_OF_IRI[p]] = o.value
        elif isinstance(o, ox.Literal) and p != LIN_UID_IRI:
            props[PROPERTY_OF_IRI.get(p, p[len(LIN_IRI):] if p.startswith(LIN_IRI) else p)] = _plain_ox(o)
        elif p in CONCEPT_OF_IRI and isinstance(o, ox.NamedNode):
            props[CONCEPT_OF_IRI[p]] = _concept_name(o.value)
    return Node(uid, tuple(labels), _dated(props, precisions))


def _plain_ox(term) -> object:
    """:func:`plain` of a pyoxigraph term, without making an rdflib term for the usual kinds."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        value = term.value
        return unquote(value[len(BASE):]) if value.startswith(BASE) else value
    if isinstance(term, ox.Literal):
        datatype, value = term.datatype.value, term.value
        if datatype == XSD_STRING or datatype in DATE_TYPE_IRIS:
            return value
        if datatype == XSD_BOOLEAN and value in BOOLEAN_LEXICAL:
            return BOOLEAN_LEXICAL[value]
        try:
            if datatype == XSD_INTEGER:
                return int(value)
            if datatype == XSD_DOUBLE:
                return float(value)
        except ValueError:
            pass  # not of its type: as rdflib gives it
    from oxrdflib._converter import from_ox
    return plain(from_ox(term))


def _index_rows(store: ox.Store) -> Iterator[dict]:
    """Each document of ``store`` with what the text index holds of it (:data:`INDEX_DOCUMENTS`)."""
    result = store.query(INDEX_DOCUMENTS, prefixes={k: str(v) for k, v in PREFIXES.items()})
    names = [v.value for v in result.variables]
    for solution in result:
        yield dict(zip(names, map(_plain_ox, solution)))


def write_turtle(graph: LineageGraph, path: str | Path, format: str = "turtle") -> None:
    """``graph`` as an RDF file, with the scheme of document types its ``eli:type_document`` points at."""
    g = to_rdf(graph)
    g += doc_type_scheme()
    g.serialize(destination=str(path), format=format, encoding="utf-8")


def read_rdf(path: str | Path, format: str | None = None) -> LineageGraph:
    g = Graph()
    try:
        g.parse(str(path), format=format)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise LineageError(f"{path}: cannot read RDF ({exc}); give Turtle or JSON-LD written by `lineage export`") from exc
    return from_rdf(g)



# Prefixes a raw query may use undeclared: the store's own, rdf: (rdf:type, rdf:Statement), owl: and dcterms:.
QUERY_PREFIXES = {"rdf": str(RDF), **{k: str(v) for k, v in PREFIXES.items()},
                  "owl": "http://www.w3.org/2002/07/owl#", "dcterms": "http://purl.org/dc/terms/"}
QUERY_MEMORY_MB = 2048  # address space a raw query may add to its process before it is stopped
TRIPLE_COLUMNS = ["subject", "predicate", "object"]  # the rows of a CONSTRUCT or DESCRIBE
OUT_OF_MEMORY = ("the query needed more than {memory_mb} MB of memory and was stopped; narrow it (fewer unbound "
                 "patterns, no ORDER BY over a cross product) or allow more memory")


def select_read_only(path: str | Path, sparql: str, timeout: float = 30.0, limit: int = 1000,
                     bindings: dict | None = None, memory_mb: int = QUERY_MEMORY_MB,
                     iris: bool = False) -> tuple[list[str], list[dict]]:
    """Run a SPARQL query on the store at ``path`` opened **read-only** in a child process that is stopped after
    ``timeout`` seconds and may not grow by more than ``memory_mb`` MB (``RLIMIT_AS``). Returns the variables and at
    most ``limit`` rows of plain values (an ASK gives one row ``answer``; CONSTRUCT and DESCRIBE give triples).

    It runs the text as given: raw queries reach it through ``queries.raw``, which refuses updates and SERVICE
    first. An ingest running on it meanwhile is not seen: the store is read as its last whole write left it.
    With ``iris`` every IRI is given whole (else the store's own IRIs are given as their uids)."""
    outcome = run_read_only(path, lambda store: _select(store, sparql, limit, bindings or {}, iris), timeout,
                            memory_mb)
    return outcome["vars"], outcome["rows"]


def run_read_only(path: str | Path, work, timeout: float = 30.0, memory_mb: int = QUERY_MEMORY_MB):
    """``work(store)`` on the store at ``path`` opened read-only in a forked child process, stopped after ``timeout``
    seconds and past ``memory_mb`` MB (see :func:`select_read_only`); returns what ``work`` returned (a dict, sent
    back through a pipe). ``work`` raises ``SyntaxError``, ``OSError``, ``ValueError`` or ``RuntimeError`` for a
    query the store refuses."""
    import multiprocessing
    import signal

    if not Path(path).exists():
        raise LineageError(f"{path}: no store there; run `lineage ingest PATH` first")
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_select_child, args=(str(path), work, memory_mb, send), daemon=True)
    child.start()
    send.close()
    outcome = None
    try:
        if not receive.poll(timeout):
            raise LineageError(f"the query ran longer than {timeout:g} s and was stopped; narrow it or allow more time")
        outcome = receive.recv()
    except EOFError:
        pass  # the child ended without an answer: below, how
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if outcome is None:
        if child.exitcode in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL):  # an allocation refused aborts
            raise LineageError(OUT_OF_MEMORY.format(memory_mb=memory_mb))
        raise LineageError(f"the query process ended without an answer (exit code {child.exitcode})")
    if "error" in outcome:
        raise LineageError(outcome["error"])
    return outcome


def _cap_memory(memory_mb: int) -> None:
    """Let this process's address space grow by ``memory_mb`` MB at most (a forked child starts as large as its
    parent); past it, allocations fail: Python raises MemoryError, Rust aborts the process."""
    import os
    import resource

    try:
        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # no /proc (macOS, where RLIMIT_AS is not enforced anyway)
        used = 0
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = used + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _select_child(path: str, work, memory_mb: int, send) -> None:
    import faulthandler
    import os

    # Everything the parent needs travels through ``send``; Rust's "memory allocation of … failed" and the
    # abort that follows would only clutter the terminal (the parent names the memory cap instead).
    faulthandler.disable()
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    try:
        _cap_memory(memory_mb)
        store, _held = open_snapshot(path)  # the generation stays while this process reads it
        send.send(work(store))
    except MemoryError:
        send.send({"error": OUT_OF_MEMORY.format(memory_mb=memory_mb)})
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        send.send({"error": f"the RDF store refused the query: {exc}"})
    finally:
        send.close()


def _select(store: ox.Store, sparql: str, limit: int, bindings: dict, iris: bool) -> dict:
    """The variables and at most ``limit`` rows of plain values of ``sparql`` (see :func:`select_read_only`)."""
    from oxrdflib._converter import from_ox

    def value(term):
        if term is None:
            return None
        if iris and isinstance(term, ox.NamedNode):
            return term.value
        return plain(from_ox(term))

    result = store.query(sparql, prefixes=QUERY_PREFIXES,
                         substitutions={ox.Variable(k): ox.Literal(str(v)) for k, v in bindings.items()})
    if isinstance(result, ox.QueryBoolean):
        return {"vars": ["answer"], "rows": [{"answer": bool(result)}]}
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [{n: value(s[n]) for n in names} for s in islice(result, limit)]
    else:  # CONSTRUCT, DESCRIBE: triples
        names = TRIPLE_COLUMNS
        rows = [dict(zip(names, (value(t) for t in triple))) for triple in islice(result, limit)]
    return {"vars": names, "rows": rows}
