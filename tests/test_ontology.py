"""The lin: ontology (issue 22 item 3): every lin: class and property a store holds is declared in RDFS/OWL with
labels and comments in Vietnamese and English, document types and roles are SKOS concepts, and the store holds it
all in the named graph <https://w3id.org/directive-lineage/ns>, where a SPARQL query finds it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.build import build
from graph.ontology import DOC_TYPES, LIN, ONTOLOGY_GRAPH, doc_type_concept, ontology
from graph.rdf_store import OxigraphStore, open_snapshot
from graph.vocabulary import vocabulary
from queries.raw import raw_sparql

ROOT = Path(__file__).parents[1]
KINDS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


def _labels(graph, term, predicate=RDFS.label) -> dict[str, str]:
    return {o.language: str(o) for o in graph.objects(term, predicate) if isinstance(o, Literal)}


def test_every_lin_term_the_store_holds_is_declared_in_both_languages(corpus_rdf):
    store, _held = open_snapshot(corpus_rdf)
    lin = str(LIN)
    used = {s["t"].value for s in store.query(
        "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }") if s["t"].value.startswith(lin)}
    assert {str(LIN.assignedTo), str(LIN.Task), str(LIN.role), str(LIN.Resolution)} <= used  # the query sees them
    declared = ontology()
    for term in sorted(used):
        kinds = set(declared.objects(URIRef(term), RDF.type))
        assert kinds & KINDS, f"{term} is not declared as a class or property in graph/vocabulary/ontology.ttl"
        assert set(_labels(declared, URIRef(term))) >= {"vi", "en"}, term
        assert set(_labels(declared, URIRef(term), RDFS.comment)) >= {"vi", "en"}, term


@pytest.mark.parametrize("term, vi, en", [
    (LIN.assignedTo, "giao cho", "assigned to"),     # ASSIGNED_TO, the task → agency link
    (LIN.Task, "Nhiệm vụ", "Task"),
    (LIN.deadline, "thời hạn", "deadline"),
    (LIN.Dispatch, "Công điện", "Dispatch"),         # the class of 231/CĐ-TTg and the other Công điện
])
def test_labels(term, vi, en):
    assert _labels(ontology(), term) == {"vi": vi, "en": en}


def test_object_properties_say_what_they_link():
    declared = ontology()
    for prop in declared.subjects(RDF.type, OWL.ObjectProperty):
        assert declared.value(prop, RDFS.domain) is not None and declared.value(prop, RDFS.range) is not None, prop


@pytest.mark.parametrize("name, en, notations, family", [
    ("Nghị quyết", "Resolution", {"NQ"}, "Resolution"),     # 124/NQ-CP, the seeds' directive
    ("Công điện", "Official dispatch", {"CĐ"}, "Dispatch"),  # 231/CĐ-TTg (tests/data/whole)
    ("Luật", "Law", set(), "Law"),                          # "Luật Tổ chức Chính phủ", cited by name
])
def test_document_types_are_skos_concepts(name, en, notations, family):
    declared, concept = ontology(), doc_type_concept(name)
    assert (concept, RDF.type, SKOS.Concept) in declared and (concept, SKOS.inScheme, DOC_TYPES) in declared
    assert _labels(declared, concept, SKOS.prefLabel) == {"vi": name, "en": en}
    assert {str(n) for n in declared.objects(concept, SKOS.notation)} == notations
    assert declared.value(concept, RDFS.seeAlso) == LIN[family]


def test_every_document_type_of_the_registry_has_its_concept():
    declared = ontology()
    concepts = set(declared.subjects(SKOS.inScheme, DOC_TYPES))
    assert concepts == {doc_type_concept(t.name) for t in vocabulary().doc_types}
    assert len(concepts) == len(vocabulary().doc_types)  # no two types share a slug


def test_roles_are_concepts_labelled_as_the_app_labels_them():
    app_roles = tomllib.loads((ROOT / "ui" / "labels.toml").read_text(encoding="utf-8"))["vi"]["values"]["role"]
    declared = ontology()
    for role in ("lead", "support", "all"):
        assert (LIN[role], SKOS.inScheme, LIN.roles) in declared
        assert _labels(declared, LIN[role], SKOS.prefLabel)["vi"] == app_roles[role]


def test_the_store_holds_the_ontology_once_in_its_graph(tmp_path, corpus_records):
    for records in (corpus_records[:5], corpus_records[:3]):  # a second write replaces it, never adds a copy
        with OxigraphStore(tmp_path / "rdf") as store:
            store.write(build(records))
    store, _held = open_snapshot(tmp_path / "rdf")
    held = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")))
    assert int(held["n"].value) == len(ontology())
    # and the lineage (the default graph) holds none of it
    assert not store.query(f"ASK {{ <{LIN.assignedTo}> ?p ?o }}")


def test_an_analyst_asks_the_store_what_a_property_means(corpus_rdf):
    answer = raw_sparql(corpus_rdf, "SELECT ?label WHERE { GRAPH <https://w3id.org/directive-lineage/ns> "
                                    "{ lin:assignedTo rdfs:label ?label } } ORDER BY ?label")
    assert [r["label"] for r in answer.rows] == ["assigned to", "giao cho"]
