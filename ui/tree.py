"""The propagation picture as Graphviz DOT: pure functions from query rows to text (tested without a browser).

Left to right: the directive, the documents that implement it, those that implement them …, and (on
request) the agencies each document assigned tasks to. Each document node links to ``?sel=<uid>``
so a click opens its card.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from .labels import data

# Short forms for labels ("Ủy ban nhân dân tỉnh Quảng Ngãi" → "UBND tỉnh Quảng Ngãi") and fill colours by document
# type (the family the reader knows at a glance; others white): ui/labels.toml's [style].
SHORT_NAMES = tuple(data("style")["short_names"].items())
TYPE_COLOURS = data("style")["type_colours"]
UNNUMBERED = data("style")["unnumbered"]   # a document printed without a number
DOCUMENT = data("style")["document"]       # a document whose type is not known
AGENCY_COLOUR = "#eeeeee"
ROLE_STYLES = {"lead": "solid", "support": "dashed", "all": "dotted"}
LABEL_WIDTH = 38


@dataclass(frozen=True)
class DocNode:
    uid: str
    code: str | None
    doc_type: str | None
    issuer: str | None


def short(name: str | None) -> str:
    """A name with its long words abbreviated as documents do.

    >>> short("Ủy ban nhân dân tỉnh Quảng Ngãi")
    'UBND tỉnh Quảng Ngãi'
    """
    if not name:
        return ""
    for long, abbr in SHORT_NAMES:
        name = name.replace(long, abbr)
    return name


def document_label(doc_type: str | None, code: str | None, issuer: str | None) -> str:
    """How a document is named in the app.

    >>> document_label("Kế hoạch", "140/KH-UBND", "Ủy ban nhân dân tỉnh Quảng Ngãi")
    'Kế hoạch 140/KH-UBND — UBND tỉnh Quảng Ngãi'
    """
    head = " ".join(x for x in (doc_type or DOCUMENT, code or UNNUMBERED) if x)
    return f"{head} — {short(issuer)}" if issuer else head


# The characters Markdown (and Streamlit's additions: :orange[…], :material/…:, $…$) gives a meaning to in a line
# of text: escaped, a document's "![x](http://host/x.png)" shows as those characters instead of making the browser
# fetch the image. (Brackets, "!", "<" and ":" alone stop images, links, autolinks, HTML and directives.)
MARKDOWN_SPECIALS = frozenset("\\`*_{}[]<>#+-!|~$:")


def plain_markdown(text: object) -> str:
    """``text`` as Markdown that shows exactly its characters, on one line: for document text inside the app's
    Markdown (headers, captions, messages); whole passages go to ``st.text`` instead.

    >>> plain_markdown("V/v ![x](http://127.0.0.1:9/x.png) *số* 1")
    'V/v \\\\!\\\\[x\\\\](http\\\\://127.0.0.1\\\\:9/x.png) \\\\*số\\\\* 1'
    """
    return "".join("\\" + c if c in MARKDOWN_SPECIALS else c for c in " ".join(str(text).split()))


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a DOT string: quotes and backslashes escaped


def _wrap(text: str) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > LABEL_WIDTH:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines)


def propagation_dot(root: DocNode, edges: list[tuple[DocNode, DocNode]], selected: str | None = None,
                    assignments: dict[str, list[tuple[str, str]]] | None = None,
                    citing: list[DocNode] = (), words: dict[str, str] | None = None, keep: str = "") -> str:
    """DOT of the tree: ``edges`` are (document, what it implements); ``assignments`` maps a document uid
    to (agency, role) pairs drawn as leaves; ``citing`` documents hang off the root with dashed edges.
    ``words`` names roles and "cites" on the edges in the reader's language (default: as stored); ``keep`` is
    added to each document's link (``&directive=…&view=static``: the page reloads as it was)."""
    words = words or {}
    nodes = {root.uid: root}
    for a, b in edges:
        nodes.setdefault(a.uid, a)
        nodes.setdefault(b.uid, b)
    for c in citing:
        nodes.setdefault(c.uid, c)
    out = ["digraph propagation {", "  rankdir=LR; nodesep=0.25; ranksep=0.6;",
           '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=11];',
           '  edge [color="#666666", arrowsize=0.7];']
    for uid, n in nodes.items():
        label = _wrap(document_label(n.doc_type, n.code, n.issuer))
        attrs = {
            "label": label, "fillcolor": TYPE_COLOURS.get(n.doc_type or "", "#ffffff"),
            "URL": f"?sel={quote(uid, safe='')}{keep}", "target": "_self", "tooltip": uid,
        }
        if uid == selected:
            attrs["penwidth"] = "3"
        out.append(f"  {_q(uid)} [" + ", ".join(f"{k}={_q(v)}" for k, v in attrs.items()) + "];")
    for a, b in edges:  # drawn parent → child: the directive on the left
        out.append(f"  {_q(b.uid)} -> {_q(a.uid)};")
    for c in citing:
        out.append(f'  {_q(root.uid)} -> {_q(c.uid)} [style=dashed, label={_q(words.get("cites", "cites"))}];')
    for uid, pairs in (assignments or {}).items():
        if uid not in nodes:
            continue
        for agency, role in pairs:
            leaf = f"{uid}|{agency}"
            link = f"agency?agency={quote(agency, safe='')}"  # the agency's page (a link relative to this page)
            out.append(f'  {_q(leaf)} [label={_q(_wrap(short(agency)))}, fillcolor="{AGENCY_COLOUR}", '
                       f'shape=box, style="filled", fontsize=10, URL={_q(link)}, target="_self"];')
            out.append(f'  {_q(uid)} -> {_q(leaf)} [style={ROLE_STYLES.get(role, "solid")}, label={_q(words.get(role, role))}, '
                       'fontsize=9];')
    out.append("}")
    return "\n".join(out)


def within(edges: list[tuple[DocNode, DocNode]], root: str, hops: int, collapsed: set[str] = frozenset()
           ) -> list[tuple[DocNode, DocNode]]:
    """The edges at most ``hops`` steps from ``root``, minus what hangs below a collapsed document."""
    children: dict[str, list[tuple[DocNode, DocNode]]] = {}
    for a, b in edges:
        children.setdefault(b.uid, []).append((a, b))
    kept, frontier, seen = [], [root], {root}
    for _ in range(hops):
        nxt = []
        for uid in frontier:
            if uid in collapsed:
                continue
            for a, b in children.get(uid, ()):
                kept.append((a, b))
                if a.uid not in seen:
                    seen.add(a.uid)
                    nxt.append(a.uid)
        frontier = nxt
    return kept


def toward(edges: list[tuple[DocNode, DocNode]], root: str, wanted: set[str]) -> list[tuple[DocNode, DocNode]]:
    """The edges on the way from ``root`` down to the ``wanted`` documents: what a search in the graph keeps."""
    parents: dict[str, list[tuple[DocNode, DocNode]]] = {}
    for edge in edges:
        parents.setdefault(edge[0].uid, []).append(edge)
    kept, stack, seen = [], [u for u in wanted if u in parents], set()
    while stack:
        uid = stack.pop()
        if uid in seen or uid == root:
            continue
        seen.add(uid)
        for edge in parents.get(uid, ()):
            kept.append(edge)
            stack.append(edge[1].uid)
    order = {id(e): i for i, e in enumerate(edges)}
    return sorted(kept, key=lambda e: order[id(e)])
