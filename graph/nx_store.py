"""The networkx view: a ``MultiDiGraph`` for algorithms and the UI, built from any store or from records.

Node attributes are the node's properties plus ``labels`` (a tuple, the kind first); edge keys are the
edge's :func:`graph.ids.edge_key`, edge attributes its properties plus ``type`` and ``key``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx

from .errors import LineageError
from .ids import edge_key
from .model import (DOCUMENT, HELD_FIELDS, OWNED_VIA, STUB_FIELDS, TEXT_EDGES, Counts, Edge, LineageGraph, Node,
                    Revision, merge_node, revisions)

# GraphML keeps scalars only: the labels tuple is written joined by this.
GRAPHML_LABEL_SEPARATOR = ":"


def to_networkx(graph: LineageGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node in graph.nodes.values():
        g.add_node(node.uid, labels=node.labels, **node.props)
    for e in graph.edges:
        g.add_edge(e.start, e.end, key=edge_key(*e.ident), type=e.type, edge_key=e.key, **e.props)
    return g


def from_networkx(g: nx.MultiDiGraph) -> LineageGraph:
    nodes = []
    for uid, data in g.nodes(data=True):
        data = dict(data)
        labels = data.pop("labels")
        if isinstance(labels, str):
            labels = tuple(labels.split(GRAPHML_LABEL_SEPARATOR))
        nodes.append(Node(uid, tuple(labels), data))
    edges = []
    for start, end, data in g.edges(data=True):
        data = dict(data)
        kind, key = data.pop("type"), data.pop("edge_key", "")
        edges.append(Edge(kind, start, end, key or "", data))
    return LineageGraph.of(nodes, edges)


def write_graphml(graph: LineageGraph, path: str | Path) -> None:
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        data["labels"] = GRAPHML_LABEL_SEPARATOR.join(data["labels"])
    nx.write_graphml(g, str(path))


def read_graphml(path: str | Path) -> LineageGraph:
    try:
        g = nx.read_graphml(str(path), force_multigraph=True)
    except (OSError, ValueError, nx.NetworkXError) as exc:
        raise LineageError(f"{path}: cannot read GraphML ({exc}); give a file written by `lineage export`") from exc
    return from_networkx(nx.MultiDiGraph(g))


class NetworkxStore:
    """An in-memory store with the same write rules as the others (:func:`graph.model.merge_node`), for the
    algorithms and the app's view; it runs no query language (:mod:`graph.store`)."""

    query_language = None

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def write(self, graph: LineageGraph, retire: Iterable[str] = ()) -> None:
        if retire := list(retire):
            self._retire(retire)
        self._revise(revisions(graph))
        for node in graph.nodes.values():
            old = None
            if node.uid in self.graph:
                data = dict(self.graph.nodes[node.uid])
                old = Node(node.uid, tuple(data.pop("labels")), data)
            merged = merge_node(old, node)
            if merged is not None:
                if node.uid in self.graph:
                    self.graph.nodes[node.uid].clear()
                self.graph.add_node(node.uid, labels=merged.labels, **merged.props)
        for e in graph.edges:
            key = edge_key(*e.ident)
            if self.graph.has_edge(e.start, e.end, key):
                self.graph.remove_edge(e.start, e.end, key)
            self.graph.add_edge(e.start, e.end, key=key, type=e.type, edge_key=e.key, **e.props)

    def _retire(self, uids: list[str]) -> None:
        """Remove documents whose file now gives another document: their text edges, tasks and targets go,
        then each stays as a stub (its STUB_FIELDS) while another document cites it, and goes otherwise."""
        self._revise([Revision(uid, {}, (), "") for uid in uids])
        for uid in uids:
            if uid not in self.graph:
                continue
            if self.graph.in_degree(uid) == 0:
                self.graph.remove_node(uid)
                continue
            data = self.graph.nodes[uid]
            kept = {k: data[k] for k in ("labels", *STUB_FIELDS) if data.get(k) is not None}
            data.clear()
            data.update(kept, stub=True)

    def citing(self, uids: Iterable[str]) -> list[dict[str, Any]]:
        """The documents read from their files that have an edge to any of ``uids``: ``uid``, ``source_path``,
        ``source_sha256``."""
        g, out = self.graph, {}
        for uid in uids:
            for start in (g.predecessors(uid) if uid in g else ()):
                data = g.nodes[start]
                if DOCUMENT in data.get("labels", ()) and data.get("stub") is False:
                    out[start] = {"uid": start, "source_path": data.get("source_path"),
                                  "source_sha256": data.get("source_sha256")}
        return list(out.values())

    def held_documents(self, paths: Iterable[str] = ()) -> list[dict[str, Any]]:
        """The documents read from their files that have no number or were read from one of ``paths``, with
        :data:`graph.model.HELD_FIELDS` (absent: ``None``)."""
        paths = set(paths)
        return [{"uid": uid, **{f: data.get(f) for f in HELD_FIELDS}} for uid, data in self.graph.nodes(data=True)
                if DOCUMENT in data.get("labels", ()) and data.get("stub") is False
                and (data.get("number") is None or data.get("source_path") in paths)]

    def _revise(self, revised: list[Revision]) -> None:
        """Remove what an earlier version of each document of ``revised`` gave and this one does not
        (:func:`graph.model.revisions`): its text edges, its tasks and targets, stubs cited by nothing else."""
        g = self.graph
        for r in revised:
            if r.document not in g:
                continue
            owned = [end for _, end, kind in g.out_edges(r.document, data="type") if kind in OWNED_VIA]
            ends = set()
            for owner in (r.document, *owned):
                for _, end, key, data in list(g.out_edges(owner, keys=True, data=True)):
                    if data["type"] in TEXT_EDGES and not r.keeps(owner, data["type"], end, data.get("edge_key", "")):
                        g.remove_edge(owner, end, key)
                        ends.add(end)
            g.remove_nodes_from([uid for uid in owned if uid not in r.keep])
            g.remove_nodes_from([uid for uid in ends if uid in g and g.nodes[uid].get("stub") is True
                                 and g.in_degree(uid) == 0])

    def read(self) -> LineageGraph:
        return from_networkx(self.graph)

    def counts(self) -> Counts:
        return self.read().counts()

    def rows(self, text: str, params: Mapping[str, Any] | None = None, limit: int | None = None) -> list[dict]:
        raise LineageError("the networkx store runs no query language: query Neo4j (Cypher) or the embedded "
                           "store (SPARQL)")

    def is_current(self) -> bool:
        """Always: every read asks the live graph (:class:`graph.store.Store`)."""
        return True

    def close(self) -> None:
        pass
