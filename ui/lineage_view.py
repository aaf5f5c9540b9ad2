"""The propagation as an interactive graph (Cytoscape.js through the ``st-link-analysis`` component, shipped
with the package: nothing is fetched) and as files to take away (CSV of the links, GraphML of the subgraph).

Pure functions from query rows to the component's elements, a GraphML text and the clicked document, tested
without a browser; the page (``ui.pages.propagation_page``) draws them.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from .tree import DocNode, TYPE_COLOURS, document_label, short

GROUP_PREFIX = "group:"   # the id of a province's (or level's) box
AGENCY_CATEGORY = "agency"
GROUP_CATEGORY = "group"
IMPLEMENTS = "implements"
CLICKED = "clicked_node"  # the name of the click event the component sends back
FOLDS = {"remove": "collapse", "expand": "expand"}  # the component's node actions → what the page does
AGENCY_COLOUR = "#bbbbbb"
GROUP_COLOUR = "#f3f3f3"
OTHER_COLOUR = "#9fc5e8"
COLUMN, ROW = 110, 34  # between levels, between neighbours (the component draws 20-unit nodes, 3.6-unit labels)
ASPECT = 1.5           # width / height a wide level is wrapped to
PRESET_LAYOUT = {"name": "preset", "fit": True, "padding": 20, "animate": False}


@dataclass(frozen=True)
class Words:
    """What the reader sees, in their language: the categories of the legend and the edge labels."""
    document: str       # a document of no known type
    agency: str         # the legend's name for agencies given tasks
    implements: str     # the edge from a document to what carries it out
    roles: Mapping[str, str]  # lead / support / all in words
    level: str          # "Cấp {depth}" for a box of one level


def elements(root: DocNode, edges: list[tuple[DocNode, DocNode]], words: Words,
             assignments: Mapping[str, list[tuple[str, str]]] | None = None,
             groups: Mapping[str, str] | None = None) -> dict[str, list[dict]]:
    """The component's elements: a node per document (``label``: its type, for the legend and colour; ``name``:
    how it is named), an edge from each document to those implementing it, agency leaves with their role, and
    when ``groups`` (uid → province or level) is given, each document inside its group's box."""
    nodes: dict[str, DocNode] = {root.uid: root}
    for a, b in edges:
        nodes.setdefault(b.uid, b)
        nodes.setdefault(a.uid, a)
    out_nodes, out_edges = [], []
    boxes = {}
    for uid, n in nodes.items():
        data: dict[str, Any] = {"id": uid, "label": n.doc_type or words.document,
                                "name": document_label(n.doc_type, n.code, n.issuer)}
        group = (groups or {}).get(uid)
        if group and uid != root.uid:
            box = GROUP_PREFIX + group
            boxes.setdefault(box, group)
            data["parent"] = box
        out_nodes.append({"data": data})
    out_nodes[:0] = [{"data": {"id": box, "label": GROUP_CATEGORY, "name": name}} for box, name in boxes.items()]
    for i, (a, b) in enumerate(edges):
        out_edges.append({"data": {"id": f"e{i}", "source": b.uid, "target": a.uid, "label": IMPLEMENTS,
                                   "name": words.implements}})
    for uid, pairs in (assignments or {}).items():
        if uid not in nodes:
            continue
        for agency, role in pairs:
            leaf = f"{uid}|{agency}"
            out_nodes.append({"data": {"id": leaf, "label": words.agency, "name": short(agency)}})
            out_edges.append({"data": {"id": f"a{len(out_edges)}", "source": uid, "target": leaf, "label": role,
                                       "name": words.roles.get(role, role)}})
    drawn = {"nodes": out_nodes, "edges": out_edges}
    place(drawn, root.uid)
    return drawn


def place(drawn: Mapping[str, list[dict]], root: str) -> None:
    """Left to right by level, each level in blocks by group (:func:`_shelves`), so that the browser draws at
    once (Cytoscape's ``preset`` layout, the component then fits the view) instead of laying 500 documents
    out itself."""
    below: dict[str, list[str]] = {}
    for e in drawn["edges"]:
        below.setdefault(e["data"]["source"], []).append(e["data"]["target"])
    level, frontier = {root: 0}, [root]
    while frontier:
        nxt = []
        for uid in frontier:
            for child in below.get(uid, ()):
                if child not in level:
                    level[child] = level[uid] + 1
                    nxt.append(child)
        frontier = nxt
    columns: dict[int, list[dict]] = {}
    for n in drawn["nodes"]:
        if n["data"]["label"] != GROUP_CATEGORY:
            columns.setdefault(level.get(n["data"]["id"], 0), []).append(n)
    x = 0
    for depth in sorted(columns):
        x = _shelves(columns[depth], x) + COLUMN


def categories(elements_: Mapping[str, list[dict]]) -> dict[str, str]:
    """Each node category drawn → its colour (documents by type, as in the static picture)."""
    out = {}
    for n in elements_["nodes"]:
        label = n["data"]["label"]
        if label == GROUP_CATEGORY:
            out[label] = GROUP_COLOUR
        elif "|" in n["data"]["id"]:
            out[label] = AGENCY_COLOUR
        else:
            out.setdefault(label, TYPE_COLOURS.get(label, OTHER_COLOUR))
    return out


def clicked_document(event: Any, known: Iterable[str]) -> str | None:
    """The document a click on the graph chose (the component's return value), if it is one of ``known``:
    ``{"action": "clicked_node", "data": {"target_id": uid, …}}``. Agencies and boxes open nothing."""
    if not isinstance(event, Mapping) or event.get("action") != CLICKED:
        return None
    uid = (event.get("data") or {}).get("target_id")
    return uid if uid in set(known) else None


def _shelves(members: list[dict], left: float) -> float:
    """Place one level's nodes from ``left``: each group (province or level box) a block of columns, blocks
    side by side and wrapped onto shelves below, so that the level is about ASPECT times as wide as tall
    (500 letters in 63 provinces: 11 columns of shelves). Returns the right edge."""
    groups: dict[str, list[dict]] = {}
    for n in sorted(members, key=lambda n: (n["data"].get("parent", ""), n["data"]["name"])):
        groups.setdefault(n["data"].get("parent", ""), []).append(n)
    rows = max(1, math.ceil(math.sqrt(len(members) * COLUMN / ROW / ASPECT)))  # the tallest a block may be
    width = max(COLUMN, math.sqrt(len(members) * COLUMN * ROW * ASPECT))
    x, y, shelf, right = left, 0.0, 0, left
    for block in groups.values():
        tall = min(rows, len(block))
        wide = math.ceil(len(block) / tall) * COLUMN
        if x > left and x + wide - left > width:  # the shelf is full: the next one below
            x, y, shelf = left, y + shelf + ROW, 0
        for i, n in enumerate(block):
            n["position"] = {"x": x + (i // tall) * COLUMN, "y": y + (i % tall) * ROW}
        x += wide
        shelf = max(shelf, tall * ROW)
        right = max(right, x)
    return right - COLUMN


def clicked_agency(event: Any) -> str | None:
    """The agency a click on one of its leaves chose (leaf ids are "<document uid>|<agency name>")."""
    if not isinstance(event, Mapping) or event.get("action") != CLICKED:
        return None
    uid = str((event.get("data") or {}).get("target_id") or "")
    return uid.split("|", 1)[1] if "|" in uid else None


def fold_action(event: Any, last: int | None) -> tuple[str, list[str], int] | None:
    """A fold asked for in the graph and not yet done: ("collapse", documents, when) for the component's
    "remove" (the delete key or its button on selected nodes: what is below them is hidden), ("expand", …)
    for its "expand" (a double click: shown again). ``last`` is the timestamp of the last one done (the
    component keeps returning its last event on every rerun)."""
    if not isinstance(event, Mapping) or event.get("action") not in FOLDS or event.get("timestamp") == last:
        return None
    ids = [i for i in (event.get("data") or {}).get("node_ids") or () if "|" not in i and
           not str(i).startswith(GROUP_PREFIX)]
    return FOLDS[event["action"]], ids, event.get("timestamp")


def graphml(elements_: Mapping[str, list[dict]]) -> str:
    """The drawn subgraph as GraphML (documents, agencies, boxes; ``implements`` and role edges), for Gephi,
    yEd or networkx."""
    g = nx.DiGraph()
    for n in elements_["nodes"]:
        d = n["data"]
        g.add_node(d["id"], category=d["label"], name=d["name"], **({"group": d["parent"]} if "parent" in d else {}))
    for e in elements_["edges"]:
        d = e["data"]
        g.add_edge(d["source"], d["target"], relation=d["label"], name=d["name"])
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
