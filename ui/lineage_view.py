"""The propagation as an interactive graph (Cytoscape.js through the ``st-link-analysis`` component, shipped
with the package: nothing is fetched) and as files to take away (CSV of the links, GraphML of the subgraph).

Pure functions from query rows to the component's elements, a GraphML text and the clicked document, tested
without a browser; the page (``ui.pages.propagation_page``) draws them.
"""

from __future__ import annotations

import hashlib
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


def drawn_key(elements_: Mapping[str, list[dict]]) -> str:
    """A short digest of the nodes drawn: it changes when a node is shown or hidden."""
    ids = "\n".join(sorted(n["data"]["id"] for n in elements_["nodes"]))
    return hashlib.sha1(ids.encode("utf-8")).hexdigest()[:12]


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


PICTURE_FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
INCH = 100        # layout units (``place``) per inch of the picture
NODE_SIZE = 60    # points² of a node's dot
LABEL_POINTS = 5  # the size of the names


def picture(elements_: Mapping[str, list[dict]], colours: Mapping[str, str], fmt: str) -> bytes:
    """The drawn view as a picture (``fmt`` "png" or "svg"): every node where :func:`place` put it, coloured as in
    the browser (``colours``: :func:`categories`), named, with its edges and the boxes of its groups; drawn on the
    server with matplotlib, so it is the same whatever the browser shows."""
    from matplotlib import rc_context
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    if fmt not in PICTURE_FORMATS:
        raise ValueError(f"a picture is {' or '.join(PICTURE_FORMATS)}, not {fmt!r}")
    at = {n["data"]["id"]: (n["position"]["x"], -n["position"]["y"]) for n in elements_["nodes"] if "position" in n}
    xs, ys = [x for x, _ in at.values()] or [0.0], [y for _, y in at.values()] or [0.0]
    width, height = max(xs) - min(xs) + 2 * COLUMN, max(ys) - min(ys) + 2 * ROW
    figure = Figure(figsize=(max(4.0, width / INCH), max(3.0, height / INCH)))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(min(xs) - COLUMN / 2, max(xs) + COLUMN)
    ax.set_ylim(min(ys) - ROW, max(ys) + ROW)
    members: dict[str, list[tuple[float, float]]] = {}
    for n in elements_["nodes"]:
        if (parent := n["data"].get("parent")) and n["data"]["id"] in at:
            members.setdefault(parent, []).append(at[n["data"]["id"]])
    names = {n["data"]["id"]: n["data"]["name"] for n in elements_["nodes"]}
    for box, points in members.items():
        left, bottom = min(x for x, _ in points) - 12, min(y for _, y in points) - 12
        ax.add_patch(Rectangle((left, bottom), max(x for x, _ in points) - left + 12,
                               max(y for _, y in points) - bottom + 22, facecolor=GROUP_COLOUR, edgecolor="#cccccc",
                               linewidth=0.5, zorder=0))
        ax.text(left + 2, max(y for _, y in points) + 14, names.get(box, box), fontsize=LABEL_POINTS, color="#666666")
    lines = [(at[e["data"]["source"]], at[e["data"]["target"]]) for e in elements_["edges"]
             if e["data"]["source"] in at and e["data"]["target"] in at]
    ax.add_collection(LineCollection(lines, colors="#aaaaaa", linewidths=0.4, zorder=1))
    drawn = [n for n in elements_["nodes"] if n["data"]["id"] in at]
    ax.scatter([at[n["data"]["id"]][0] for n in drawn], [at[n["data"]["id"]][1] for n in drawn], s=NODE_SIZE,
               c=[colours.get(n["data"]["label"], OTHER_COLOUR) for n in drawn], edgecolors="#666666", linewidths=0.4,
               zorder=2)
    for n in drawn:
        x, y = at[n["data"]["id"]]
        ax.text(x + 7, y - 3, n["data"]["name"], fontsize=LABEL_POINTS, zorder=3)
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):  # the names as text in the SVG (searchable, smaller), not paths
        figure.savefig(buffer, format=fmt, dpi=120 if fmt == "png" else 72)
    return buffer.getvalue()


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
