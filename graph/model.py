"""The lineage graph as plain values: nodes, edges, and what every store must hold.

Nodes are ``Document`` (with a second label for its family: ``Resolution``, ``Letter``, ``Plan`` …),
``Agency``, ``Task`` and ``Target``. Edges::

    (Document)-[IMPLEMENTS | BASED_ON | CITES | AMENDS | REPLACES | REPEALS]->(Document)
    (Document)-[ISSUED_BY]->(Agency)          (Document)-[ADDRESSED_TO]->(Agency)
    (Document)-[ASSIGNS]->(Task)-[ASSIGNED_TO {role, deadline}]->(Agency)
    (Document)-[SETS_TARGET]->(Target)-[TARGET_FOR]->(Agency)
    (Agency)-[SUCCEEDED_BY {date, event}]->(Agency)    (Agency)-[PART_OF]->(Agency)
    (Document)-[REUSES {copied_share, passages, …}]->(Document)    (Task)-[DERIVED_FROM]->(Task)

A document read from its own file owns what its text gave: the text edges out of it, and its tasks and
targets with their edges (:func:`revisions`). Written again from a changed file, it keeps only what the new
text gives: a store removes the rest (a task whose sentence moved, an assignment dropped, a reference
corrected), and a stub no longer cited by anything.

Property values are scalars only (str, int, float, bool) so that every store keeps them as they are;
an absent value is an absent property, never ``None`` or "".
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Iterable, Mapping

Scalar = str | int | float | bool

DOCUMENT, AGENCY, TASK, TARGET = "Document", "Agency", "Task", "Target"
NODE_LABELS = (DOCUMENT, AGENCY, TASK, TARGET)

# Record relation → edge type between documents, strongest first (the record's order of strength).
DOCUMENT_EDGES = {
    "implements": "IMPLEMENTS",
    "amends": "AMENDS",
    "replaces": "REPLACES",
    "repeals": "REPEALS",
    "based_on": "BASED_ON",
    "cites": "CITES",
}
ISSUED_BY, ADDRESSED_TO = "ISSUED_BY", "ADDRESSED_TO"
ASSIGNS, ASSIGNED_TO = "ASSIGNS", "ASSIGNED_TO"
SETS_TARGET, TARGET_FOR = "SETS_TARGET", "TARGET_FOR"
SUCCEEDED_BY, PART_OF = "SUCCEEDED_BY", "PART_OF"
# Text reuse (ingest/reuse): a document → an earlier one whose passages it copies or changes, and a task → the
# earlier document's task its words come from. An IMPLEMENTS that no reference gives but reuse suggests is
# ``inferred: true`` (key "inferred").
REUSES, DERIVED_FROM = "REUSES", "DERIVED_FROM"
INFERRED = "inferred"
EDGE_TYPES = (*DOCUMENT_EDGES.values(), ISSUED_BY, ADDRESSED_TO, ASSIGNS, ASSIGNED_TO, SETS_TARGET, TARGET_FOR,
              SUCCEEDED_BY, PART_OF, REUSES, DERIVED_FROM)
# Edges read from a document's text; each carries provenance (PROVENANCE below).
TEXT_EDGES = frozenset((*DOCUMENT_EDGES.values(), ISSUED_BY, ADDRESSED_TO, ASSIGNS, ASSIGNED_TO, SETS_TARGET,
                        TARGET_FOR, REUSES, DERIVED_FROM))
# Edges from the registry (graph/vocabulary), not from any one document.
REGISTRY_EDGES = frozenset((SUCCEEDED_BY, PART_OF))
# The labels at each end of each edge type (stores look nodes up by label and uid).
ENDPOINTS = {
    **{t: (DOCUMENT, DOCUMENT) for t in DOCUMENT_EDGES.values()},
    ISSUED_BY: (DOCUMENT, AGENCY), ADDRESSED_TO: (DOCUMENT, AGENCY),
    ASSIGNS: (DOCUMENT, TASK), ASSIGNED_TO: (TASK, AGENCY),
    SETS_TARGET: (DOCUMENT, TARGET), TARGET_FOR: (TARGET, AGENCY),
    SUCCEEDED_BY: (AGENCY, AGENCY), PART_OF: (AGENCY, AGENCY),
    REUSES: (DOCUMENT, DOCUMENT), DERIVED_FROM: (TASK, TASK),
}
# A document's own nodes: the tasks and targets its text sets, which go with it when it is revised.
OWNED_VIA = frozenset((ASSIGNS, SETS_TARGET))
# Properties a stub document may carry (what a reference knows of the document it cites).
STUB_FIELDS = ("doc_type", "code", "issue_date", "issuer", "title")
# What the stores' ``held_documents`` give of each document read from its file that has no number or was read
# from one of the paths asked about (beside its uid): what references to documents with no number resolve by,
# and the file it was read from (graph.build).
HELD_FIELDS = ("number", "doc_type", "issue_date", "issuer", "subject", "source_path", "source_sha256")
# Provenance properties of a text edge: always the first four; span and sentence when the record has them.
PROVENANCE = ("source_sha256", "source_path", "extractor", "confidence", "span_start", "span_end", "sentence")


def _frozen(props: Mapping[str, Scalar | None]) -> Mapping[str, Scalar]:
    return MappingProxyType({k: v for k, v in props.items() if v is not None and v != ""})


@dataclass(frozen=True)
class Node:
    uid: str
    labels: tuple[str, ...]  # the kind first ("Document"), then any family label ("Resolution")
    props: Mapping[str, Scalar] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "props", _frozen(self.props))

    @property
    def label(self) -> str:
        return self.labels[0]

    def as_tuple(self) -> tuple:
        """A comparable form: uid, labels (sorted after the kind) and props."""
        return (self.uid, (self.labels[0], *sorted(self.labels[1:])), tuple(sorted(self.props.items())))


@dataclass(frozen=True)
class Edge:
    type: str
    start: str  # uid of the start node
    end: str
    key: str = ""  # tells apart edges of one type between the same two nodes (ASSIGNED_TO: role and deadline)
    props: Mapping[str, Scalar] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "props", _frozen(self.props))

    @property
    def ident(self) -> tuple[str, str, str, str]:
        return (self.type, self.start, self.end, self.key)

    def as_tuple(self) -> tuple:
        return (*self.ident, tuple(sorted(self.props.items())))


@dataclass(frozen=True)
class LineageGraph:
    """Nodes by uid and edges by identity; the unit every store writes and reads."""

    nodes: Mapping[str, Node]
    edges: tuple[Edge, ...]
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, nodes: Iterable[Node], edges: Iterable[Edge], warnings: Iterable[str] = ()) -> "LineageGraph":
        by_uid = {n.uid: n for n in sorted(nodes, key=lambda n: n.uid)}
        unique = {e.ident: e for e in edges}
        return cls(MappingProxyType(by_uid), tuple(unique[k] for k in sorted(unique)), tuple(warnings))

    def counts(self) -> "Counts":
        """Nodes by label (every label, so ``Resolution`` counts too) and edges by type."""
        labels = Counter(label for n in self.nodes.values() for label in n.labels)
        stubs = sum(1 for n in self.nodes.values() if n.props.get("stub") is True)
        return Counts(dict(sorted(labels.items())), dict(sorted(Counter(e.type for e in self.edges).items())), stubs)

    def canonical(self) -> tuple[tuple, tuple]:
        """A form two graphs compare equal in exactly when they hold the same nodes, edges and properties."""
        return (tuple(n.as_tuple() for n in self.nodes.values()), tuple(sorted(e.as_tuple() for e in self.edges)))


def merge_node(old: Node | None, new: Node) -> Node | None:
    """What a store holds after writing ``new`` over ``old`` (``None``: leave ``old`` as it is).

    A document read from its own file replaces whatever was there (a stub included); a stub never
    overwrites a held document and only fills in what an earlier stub lacked. Other nodes are replaced.
    """
    if old is None:
        return new
    if new.props.get("stub") is True:
        if old.props.get("stub") is not True:
            return None
        filled = {**old.props, **{k: v for k, v in new.props.items() if k not in old.props}}
        labels = tuple(dict.fromkeys((*old.labels, *new.labels)))
        return None if filled == dict(old.props) and labels == old.labels else Node(old.uid, labels, filled)
    return new


@dataclass(frozen=True)
class Revision:
    """What a document read from its own file owns in a graph: a store holding an earlier version of it keeps
    only this. ``owned`` gives the uids of its tasks and targets by label, ``edges`` the edges out of the
    document and out of what it owns; ``digest`` changes whenever any of these nodes or edges or their
    properties do (a store that remembers it can pass over a document written again unchanged)."""

    document: str
    owned: Mapping[str, frozenset[str]]  # TASK / TARGET → uids
    edges: tuple[Edge, ...]
    digest: str

    @cached_property
    def keep(self) -> Mapping[str, frozenset[tuple[str, str, str]]]:
        """Owner uid (the document, each task and target) → ``(type, end, key)`` of each edge out of it."""
        keep: dict[str, set[tuple[str, str, str]]] = {self.document: set()}
        for uids in self.owned.values():
            keep.update((uid, set()) for uid in uids)
        for e in self.edges:
            keep[e.start].add((e.type, e.end, e.key))
        return MappingProxyType({uid: frozenset(ids) for uid, ids in keep.items()})

    def keeps(self, owner: str, edge_type: str, end: str, key: str) -> bool:
        return (edge_type, end, key) in self.keep.get(owner, ())


def revisions(graph: LineageGraph) -> list[Revision]:
    """One :class:`Revision` per document of ``graph`` read from its own file (stubs own nothing: a stub
    written over a held document changes nothing of it).

    >>> doc = Node("vn/cv/2025/1", (DOCUMENT,), {"stub": False})
    >>> task = Node("vn/cv/2025/1#task-10-40", (TASK,))
    >>> edges = [Edge(ASSIGNS, doc.uid, task.uid), Edge(ASSIGNED_TO, task.uid, "agency/so-tai-chinh", "lead|")]
    >>> (r,) = revisions(LineageGraph.of([doc, task], edges))
    >>> sorted(r.owned[TASK]), r.keeps(task.uid, ASSIGNED_TO, "agency/so-tai-chinh", "lead|")
    (['vn/cv/2025/1#task-10-40'], True)
    """
    out_edges: dict[str, list[Edge]] = {}
    for e in graph.edges:  # in identity order: each owner's edges come sorted
        out_edges.setdefault(e.start, []).append(e)
    out = []
    for node in graph.nodes.values():
        if node.label != DOCUMENT or node.props.get("stub") is not False:
            continue
        mine = out_edges.get(node.uid, ())
        owned: dict[str, list[str]] = {TASK: [], TARGET: []}
        for e in mine:
            if e.type in OWNED_VIA:
                owned[ENDPOINTS[e.type][1]].append(e.end)
        edges = [*mine, *(e for uids in owned.values() for uid in uids for e in out_edges.get(uid, ()))]
        # Values in the order the graph holds them (the same input gives the same order; another order could
        # only make an unchanged document look changed, and be written again).
        held = ([(n.uid, n.labels, tuple(n.props.items()))
                 for n in (node, *(graph.nodes[uid] for uids in owned.values() for uid in uids))],
                [(e.type, e.start, e.end, e.key, tuple(e.props.items())) for e in edges])
        out.append(Revision(node.uid, MappingProxyType({k: frozenset(v) for k, v in owned.items()}), tuple(edges),
                            hashlib.sha256(repr(held).encode()).hexdigest()))
    return out


def graph_digest(graph: LineageGraph, revised: Iterable[Revision]) -> str:
    """sha256 of everything ``graph`` holds, from its documents' digests (``revised``: its
    :func:`revisions`) and the nodes and edges no document owns (agencies, stubs, the registry's edges)."""
    digest = hashlib.sha256()
    owned: set[str] = set()
    for r in revised:
        digest.update(r.digest.encode())
        owned.add(r.document)
        owned.update(*r.owned.values())
    rest = ([n.as_tuple() for uid, n in graph.nodes.items() if uid not in owned],
            [e.as_tuple() for e in graph.edges if e.start not in owned])
    digest.update(repr(rest).encode())
    return digest.hexdigest()


def without(graph: LineageGraph, revised: Iterable[Revision]) -> LineageGraph:
    """``graph`` less the documents of ``revised``, what they own and the edges out of all of these."""
    gone: set[str] = set()
    for r in revised:
        gone.add(r.document)
        gone.update(*r.owned.values())
    nodes = {uid: n for uid, n in graph.nodes.items() if uid not in gone}
    return LineageGraph(MappingProxyType(nodes), tuple(e for e in graph.edges if e.start not in gone), graph.warnings)


@dataclass(frozen=True)
class Counts:
    nodes: dict[str, int]
    edges: dict[str, int]
    stubs: int

    def total(self) -> tuple[int, int]:
        return sum(v for k, v in self.nodes.items() if k in NODE_LABELS), sum(self.edges.values())
