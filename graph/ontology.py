"""The ``lin:`` ontology as a graph: the classes and properties of ``vocabulary/ontology.ttl`` (RDFS/OWL, labelled
in Vietnamese and English) and the SKOS concept scheme of document types made from ``vocabulary/doc_types.toml``.

The embedded store keeps it in the named graph :data:`ONTOLOGY_GRAPH` beside the lineage (the default graph), written
with every ingest, so ``SELECT ?label WHERE { GRAPH <https://w3id.org/directive-lineage/ns> { lin:assignedTo
rdfs:label ?label } }`` answers from the store itself; documents point at their type's concept with
``eli:type_document``, which ELI defines as a ``skos:Concept``. The scheme of document types (:func:`doc_type_scheme`)
is data the documents use, so the store also holds it in the default graph beside them, as it holds the agencies of
the registry: ``?d eli:type_document/skos:prefLabel ?type FILTER(LANG(?type) = "vi")`` reads a document's type.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .ids import slug
from .vocabulary import vocabulary

ONTOLOGY_GRAPH = "https://w3id.org/directive-lineage/ns"  # the ontology's IRI, and the name of its graph
LIN = Namespace(ONTOLOGY_GRAPH + "#")
DOC_TYPES = URIRef(ONTOLOGY_GRAPH + "/doc-types")  # the concept scheme of document types
DOC_TYPE = Namespace(ONTOLOGY_GRAPH + "/doc-type/")  # …/doc-type/nghi-quyet


def doc_type_concept(name: str) -> URIRef:
    """The SKOS concept of a document type by its canonical name: "Nghị quyết" → ``…/ns/doc-type/nghi-quyet``."""
    return DOC_TYPE[slug(name)]


@cache
def doc_type_names() -> dict[URIRef, str]:
    """Each document type's concept → its name: ``…/ns/doc-type/nghi-quyet`` → "Nghị quyết"."""
    return {doc_type_concept(t.name): t.name for t in vocabulary().doc_types}


@cache
def ontology() -> Graph:
    """The ontology: ``ontology.ttl`` and :func:`doc_type_scheme`."""
    graph = Graph()
    graph.parse(data=resources.files("graph.vocabulary").joinpath("ontology.ttl").read_text(encoding="utf-8"),
                format="turtle")
    graph += doc_type_scheme()
    return graph


@cache
def doc_type_scheme() -> Graph:
    """The document types as SKOS concepts (each in its graph family's class scheme, with its Vietnamese and
    English labels and its symbol abbreviations as notations)."""
    graph = Graph()
    graph.add((DOC_TYPES, RDF.type, SKOS.ConceptScheme))
    graph.add((DOC_TYPES, SKOS.prefLabel, Literal("Loại văn bản", lang="vi")))
    graph.add((DOC_TYPES, SKOS.prefLabel, Literal("Document types", lang="en")))
    for t in vocabulary().doc_types:
        concept = doc_type_concept(t.name)
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, DOC_TYPES))
        graph.add((concept, SKOS.topConceptOf, DOC_TYPES))
        graph.add((concept, SKOS.prefLabel, Literal(t.name, lang="vi")))
        graph.add((concept, SKOS.prefLabel, Literal(t.en, lang="en")))
        for alias in t.aliases:
            graph.add((concept, SKOS.altLabel, Literal(alias, lang="vi")))
        for abbr in t.abbr:
            graph.add((concept, SKOS.notation, Literal(abbr)))
        graph.add((concept, RDFS.seeAlso, LIN[t.family]))  # the class its documents also have
    return graph


@cache
def doc_type_scheme_ntriples() -> bytes:
    """:func:`doc_type_scheme` as N-Triples, what a store loads into its default graph."""
    return doc_type_scheme().serialize(format="nt", encoding="utf-8")


@cache
def ontology_ntriples() -> bytes:
    """:func:`ontology` as N-Triples, what a store loads into :data:`ONTOLOGY_GRAPH`."""
    return ontology().serialize(format="nt", encoding="utf-8")
