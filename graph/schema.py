"""The published schema (``docs/schema.md``): what the stores hold, in Neo4j's terms and in RDF's, side by side.

:func:`describe` reads a :class:`~graph.model.LineageGraph` (the tests give it the sample corpus) for the labels,
relationship types, properties with their types and an example each, and ``Agency.kind``'s values; the Neo4j ↔
RDF mapping comes from the tables :mod:`graph.rdf_store` writes with, so the page cannot say one thing while
the stores do another. ``tests/test_schema.py`` checks the page against the code (regenerated, it must be the
same) and against what a real Neo4j and a real Oxigraph store hold after writing the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF

from .ontology import DOC_TYPE, DOC_TYPES, ONTOLOGY_GRAPH, doc_type_scheme
from .model import EDGE_TYPES, ENDPOINTS, NODE_LABELS, PROVENANCE, REGISTRY_EDGES, TEXT_EDGES, LineageGraph
from .rdf_store import (GIVES_TASK_TO, ROLE_AGENCY, UNCERTAIN_LINK, ASSIGNMENT_AGENCY, ASSIGNMENT_CLASS, ASSIGNMENT_STATUS, ASSIGNMENT_TASK, BASE, CONCEPT_PROPERTIES,
                        DATE_PROPERTIES,
                        DERIVED_NODE_PROPERTIES, DIGEST, DIGESTS, EDGE_PREDICATES, LIN, NODE_CLASSES, ORG, PRECISIONS,
                        PROV, QUERY_PREFIXES, SHA256_URN, STATUS_DATED, STATUS_STANDING, _is_date, _predicate,
                        precision_predicate)

# Neo4j's names of the property types (as db.schema.nodeTypeProperties gives them) and the RDF datatypes.
NEO4J_TYPES = {str: "String", int: "Long", float: "Double", bool: "Boolean"}
RDF_TYPES = {str: "xsd:string", int: "xsd:integer", float: "xsd:double", bool: "xsd:boolean"}
EXAMPLE_WIDTH = 48
# What only one store holds, for its own bookkeeping (never part of the lineage).
NEO4J_DIGEST = "lineage_digest"
EDGE_KEY = "key"  # on every relationship in Neo4j, on every statement in RDF (lin:key); "" for most


@dataclass(frozen=True)
class Property:
    name: str
    types: tuple[str, ...]  # Neo4j's type names
    predicate: str          # the RDF predicate, as a CURIE
    datatype: str           # the RDF datatype(s)
    example: str


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, tuple[Property, ...]]        # label → properties (besides uid)
    families: dict[str, tuple[str, ...]]          # label → the second labels seen with it
    edges: dict[str, tuple[Property, ...]]        # type → properties
    agency_kinds: tuple[str, ...]


def curie(iri: str) -> str:
    """``http://data.europa.eu/eli/ontology#title`` → ``eli:title``."""
    for prefix, namespace in sorted(QUERY_PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _datatypes(prop: str, values: list) -> str:
    if prop in CONCEPT_PROPERTIES:
        return "skos:Concept (IRI)"
    if prop in DATE_PROPERTIES:
        kinds = {"xsd:date" if _is_date(prop, v) else RDF_TYPES[type(v)] for v in values}
        return " / ".join(sorted(kinds))
    return " / ".join(sorted({RDF_TYPES[type(v)] for v in values}))


# Properties that hold a path on the machine that ingested: their example is the file's name, the same everywhere.
PATH_PROPERTIES = frozenset({"source_path"})


def _example(values: list, prop: str = "") -> str:
    value = min(values, key=str)  # the same example whatever order the graph gives
    if prop in PATH_PROPERTIES:
        value = "…/" + str(value).replace("\\", "/").rsplit("/", 1)[-1]  # not "/work/…/tests/data/corpus/001_….txt"
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= EXAMPLE_WIDTH else text[:EXAMPLE_WIDTH - 1] + "…"


def _properties(props: dict[str, list]) -> tuple[Property, ...]:
    return tuple(
        Property(name, tuple(sorted({NEO4J_TYPES[type(v)] for v in values})), curie(str(_predicate(name))),
                 _datatypes(name, values), _example(values, name))
        for name, values in sorted(props.items()))


def describe(graph: LineageGraph) -> Schema:
    """The schema of what ``graph`` holds."""
    node_props: dict[str, dict[str, list]] = {label: defaultdict(list) for label in NODE_LABELS}
    families: dict[str, set[str]] = {label: set() for label in NODE_LABELS}
    kinds: set[str] = set()
    for node in graph.nodes.values():
        families[node.label].update(node.labels[1:])
        for prop, value in node.props.items():
            node_props[node.label][prop].append(value)
        if node.label == "Agency" and "kind" in node.props:
            kinds.add(str(node.props["kind"]))
    edge_props: dict[str, dict[str, list]] = {kind: defaultdict(list) for kind in EDGE_TYPES}
    for edge in graph.edges:
        for prop, value in edge.props.items():
            edge_props[edge.type][prop].append(value)
    return Schema({label: _properties(p) for label, p in node_props.items()},
                  {label: tuple(sorted(f)) for label, f in families.items()},
                  {kind: _properties(p) for kind, p in edge_props.items()}, tuple(sorted(kinds)))


def render(schema: Schema) -> str:
    """``docs/schema.md``."""
    out = [
        "# The schema of the lineage graph",
        "",
        "<!-- Generated by graph/schema.py from the sample corpus (tests/data/corpus) and the tables the stores",
        "     write with; tests/test_schema.py fails when it is out of date and checks it against a real Neo4j",
        "     and a real Oxigraph store. Regenerate: LINEAGE_WRITE_SCHEMA=1 python3 -m pytest tests/test_schema.py -->",
        "",
        "One graph, written alike to every store: Neo4j (labels, relationship types, properties), RDF on",
        "Oxigraph (classes, predicates, literals), networkx/GraphML. Property values are scalars; an absent value",
        "is an absent property, never null or \"\". Examples are from the sample corpus.",
        "",
        "## Identifiers",
        "",
        "- Every node has `uid` (Neo4j property `uid`; RDF: the IRI `" + BASE + "<uid>`, percent-encoded,",
        "  and the literal `lin:uid`). Documents: `vn/<type>/<year>/<number>` (`vn/nq-cp/2025/124`); agencies:",
        "  `agency/<slug>`; tasks and targets: `<document uid>#task-…`, `#target-…`.",
        "- Prefixes (predeclared in `lineage sparql` and `lineage serve`): "
        + ", ".join(f"`{p}:` <{ns}>" for p, ns in sorted(QUERY_PREFIXES.items())) + ".",
        "",
        "## Nodes",
        "",
        "| Neo4j label | RDF class | second labels (RDF: also `rdf:type lin:<label>`) |",
        "| --- | --- | --- |",
    ]
    for label in NODE_LABELS:
        families = ", ".join(f"`{f}`" for f in schema.families[label]) or "—"
        out.append(f"| `{label}` | `{curie(str(NODE_CLASSES[label]))}` | {families} |")
    for label in NODE_LABELS:
        out += ["", f"### `{label}` properties", "", "| property | Neo4j type | RDF predicate | RDF datatype | example |",
                "| --- | --- | --- | --- | --- |",
                "| `uid` | String | `lin:uid` (and the node's IRI) | xsd:string | |"]
        derived = DERIVED_NODE_PROPERTIES.get(label, frozenset())
        out += [f"| `{p.name}` | {', '.join(p.types)} | "
                + (f"not held: the `{p.predicate}` all its assignments share |" if p.name in derived
                   else f"`{p.predicate}` |") + f" {p.datatype} | {p.example} |"
                for p in schema.nodes[label]]
    out += ["", "`Agency.kind` (RDF `lin:kind`) takes the values: "
            + ", ".join(f"`{k}`" for k in schema.agency_kinds) + " on the sample corpus; a name the registry cannot "
            "place, not even after an office-holder's title, is `unknown`."]
    out += [
        "",
        "## Relationships",
        "",
        "Each relationship is a direct triple `start <predicate> end`. Its properties sit on an `rdf:Statement`",
        "that reifies it (`rdf:subject`, `rdf:predicate`, `rdf:object`). Every relationship has `key` (Neo4j,",
        "String; RDF `lin:key` on the statement), which tells apart two `ASSIGNED_TO` between the same task and",
        "agency (`lead|2025-07-25`: role and deadline) and is empty otherwise; `source_sha256` is also `prov:wasDerivedFrom <"
        + SHA256_URN + "…>`. Statements have IRIs `" + BASE + "edge/<key>`.",
        "",
        f"An `ASSIGNED_TO` statement is also an assignment node, `{curie(str(ASSIGNMENT_CLASS))}`, linked directly to its"
        f" task (`{curie(str(ASSIGNMENT_TASK))}`) and agency (`{curie(str(ASSIGNMENT_AGENCY))}`), with `lin:role`,"
        " `lin:deadline`, `prov:value` (the sentence), `lin:confidence` … on it (Neo4j: the `ASSIGNED_TO` relationship's"
        f" properties) and `{curie(str(ASSIGNMENT_STATUS))}`: `{STATUS_DATED}` when it has a deadline (overdue once the"
        f" deadline has passed on the day a question asks about), `{STATUS_STANDING}` when it has none (an ongoing duty;"
        " never overdue). Neo4j holds no status: a Cypher query reads it from `deadline`. So \"who must do what by"
        " when\" is `?a lin:agency ?ag ; lin:task ?t ; lin:role ?role ; lin:deadline ?deadline` in SPARQL, as"
        " `(t:Task)-[a:ASSIGNED_TO]->(ag)` is in Cypher; a task's deadline is held once, on its assignments.",
        "",
        "Shortcuts, each what an axiom of the ontology entails, written by the store so that a question about roles or"
        " about who gives tasks to whom is one triple pattern: the assignment's agency by its role, "
        + ", ".join(f"`{curie(str(p))}` (role `{role}`)" for role, p in ROLE_AGENCY.items())
        + f", sub-properties of `{curie(str(ASSIGNMENT_AGENCY))}`; and `{curie(str(GIVES_TASK_TO))}` from a document to"
        " each agency it gives a task, the chain `lin:assigns` / `lin:assignedTo` (`owl:propertyChainAxiom`). Neo4j"
        " has no such shortcuts: it follows the relationships. A statement whose `confidence` is below 1 is also a"
        f" `{curie(str(UNCERTAIN_LINK))}` (the class the ontology defines by that restriction), so the links to check"
        " are found without reading every link's confidence.",
        "",
        "Dates (" + ", ".join(f"`{p}`" for p in sorted(DATE_PROPERTIES)) + ") are `xsd:date` whatever their precision:"
        " a year or a month is its first day, and its precision is a property of its own, `lin:<property>_precision`"
        " (" + " / ".join(f'`\"{v}\"`' for v in PRECISIONS.values()) + "), e.g. `eli:date_document \"2025-01-01\"^^xsd:date ;"
        " lin:issue_date_precision \"year\"` for Neo4j's `issue_date: \"2025\"`. Read back (and in the catalogue's"
        " rows) a date is printed to its precision, as Neo4j holds it; a coarser date compares as its first day, in"
        " the order its printed form sorts.",
        "",
        "| Neo4j type | from → to | RDF predicate | read from | properties |",
        "| --- | --- | --- | --- | --- |",
    ]
    for kind in EDGE_TYPES:
        start, end = ENDPOINTS[kind]
        origin = "a document's text" if kind in TEXT_EDGES else "the registry" if kind in REGISTRY_EDGES else "—"
        props = ", ".join(f"`{p.name}`" for p in schema.edges[kind]) or "`key` only"
        out.append(f"| `{kind}` | `{start}` → `{end}` | `{curie(str(EDGE_PREDICATES[kind]))}` | {origin} | {props} |")
    out += ["", "Provenance of every edge read from a text: " + ", ".join(f"`{p}`" for p in PROVENANCE) + "."]
    for kind in EDGE_TYPES:
        if not schema.edges[kind]:
            continue
        out += ["", f"### `{kind}` properties", "", "| property | Neo4j type | RDF predicate (on the statement) | "
                "RDF datatype | example |", "| --- | --- | --- | --- | --- |"]
        out += [f"| `{p.name}` | {', '.join(p.types)} | `{p.predicate}` | {p.datatype} | {p.example} |"
                for p in schema.edges[kind]]
    out += [
        "",
        "## RDF only",
        "",
        f"- A `SUCCEEDED_BY` edge with an `event` is also an `{curie(str(ORG.ChangeEvent))}` (IRI `{BASE}event/<id>`)",
        f"  with `{curie(str(ORG.originalOrganization))}`, `{curie(str(ORG.resultingOrganization))}`,"
        f" `{curie(str(PROV.atTime))}` (its date) and `rdfs:comment` (its legal basis).",
        f"- The lineage is the default graph. The named graph `<{DIGESTS.value}>` holds one `{curie(DIGEST.value)}`",
        "  per document: the digest of what it owns, so a re-ingest writes only what changed.",
        f"- The named graph `<{ONTOLOGY_GRAPH}>` holds the `lin:` ontology (`graph/vocabulary/ontology.ttl`: every",
        "  class and property above with its domain, range, and labels and comments in Vietnamese and English) and the",
        f"  SKOS concept schemes of document types (`<{DOC_TYPES}>`) and roles (`lin:roles`).",
        f"- `eli:type_document` points at a concept of the scheme of document types (`<{DOC_TYPE}nghi-quyet>` for",
        "  \"Nghị quyết\"), as ELI defines it. The default graph holds that scheme too, beside the documents, so a",
        "  document's type reads in one path: `?d eli:type_document/skos:prefLabel ?type FILTER(LANG(?type) = \"vi\")`",
        "  (each concept has a Vietnamese and an English `skos:prefLabel`, its other names as `skos:altLabel`, its",
        "  symbol abbreviations as `skos:notation`).",
        "",
        "## Neo4j only",
        "",
        f"- `Document.{NEO4J_DIGEST}` (String): the same digest. A node `:LineageWriteLock {{name: 'write'}}` exists",
        "  while an ingest writes (the lease concurrent ingests take turns on).",
        "- Constraints: `uid` unique on each of " + ", ".join(f"`{label}`" for label in NODE_LABELS)
        + "; indexes on `Document.code` and `Agency.name` (`lineage neo4j schema`).",
        "",
    ]
    return "\n".join(out)


def rdf_terms(schema: Schema) -> tuple[set[str], set[str]]:
    """The classes and predicates the page names for the default graph (full IRIs), for the tests."""
    classes = {str(c) for c in NODE_CLASSES.values()} | {str(RDF.Statement), str(ORG.ChangeEvent), str(ASSIGNMENT_CLASS),
                                                          str(UNCERTAIN_LINK)}
    classes |= {str(LIN[f]) for families in schema.families.values() for f in families}
    predicates = {str(RDF.type), str(LIN.uid), str(LIN.key), str(RDF.subject), str(RDF.predicate), str(RDF.object),
                  str(PROV.wasDerivedFrom), str(ORG.originalOrganization), str(ORG.resultingOrganization),
                  str(PROV.atTime), "http://www.w3.org/2000/01/rdf-schema#comment"}
    predicates |= {str(p) for p in EDGE_PREDICATES.values()}
    predicates |= {str(_predicate(p.name)) for props in (*schema.nodes.values(), *schema.edges.values())
                   for p in props}
    predicates |= {str(ASSIGNMENT_TASK), str(ASSIGNMENT_AGENCY), str(ASSIGNMENT_STATUS), str(GIVES_TASK_TO)}
    predicates |= {str(p) for p in ROLE_AGENCY.values()}
    # the scheme of document types, held beside the documents (graph.ontology.doc_type_scheme)
    classes |= {str(o) for o in doc_type_scheme().objects(None, RDF.type)}
    predicates |= {str(p) for p in doc_type_scheme().predicates()}
    predicates |= {str(precision_predicate(p.name)) for props in (*schema.nodes.values(), *schema.edges.values())
                   for p in props if "xsd:date" in p.datatype.split(" / ")}
    return classes, predicates

