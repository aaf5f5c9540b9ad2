"""The graph as header CSV files for ``neo4j-admin database import full`` (an empty database, offline).

One ``nodes_<Kind>.csv`` per node kind (``uid:ID`` is kept as the ``uid`` property, ``:LABEL`` holds
the kind and family labels) and one ``relationships_<TYPE>.csv`` per edge type (``:START_ID``,
``:END_ID``, ``:TYPE``, then ``key`` and the edge's properties). Column types come from the values:
``:long``, ``:double``, ``:boolean``, or string.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .model import LineageGraph

LABEL_SEPARATOR = ";"  # neo4j-admin's default --array-delimiter, also used for :LABEL
NODE_FILE = "nodes_{}.csv"
EDGE_FILE = "relationships_{}.csv"


@dataclass(frozen=True)
class CsvExport:
    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command line that loads these files into an empty ``database``."""
        return " ".join(["neo4j-admin database import full", database, "--overwrite-destination=true",
                         *(f"--nodes={p}" for p in self.nodes), *(f"--relationships={p}" for p in self.relationships)])


def _type(values: list) -> str:
    if values and all(isinstance(v, bool) for v in values):
        return ":boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return ":long"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return ":double"
    return ""


def _columns(rows: list[dict]) -> list[tuple[str, str]]:
    names = sorted({k for row in rows for k in row})
    return [(name, _type([row[name] for row in rows if name in row])) for name in names]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write(path: Path, head: list[str], fixed: list[list[str]], props: list[dict]) -> Path:
    """One CSV: the ``head`` columns, then a typed column per property; ``fixed`` are the head cells per row."""
    columns = _columns(props)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow([*head, *(name + t for name, t in columns)])
        for cells, row in zip(fixed, props):
            out.writerow([*cells, *(_cell(row.get(name)) for name, _ in columns)])
    return path


def write_neo4j_csv(graph: LineageGraph, folder: str | Path) -> CsvExport:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list] = defaultdict(list)
    for node in graph.nodes.values():
        by_kind[node.label].append(node)
    node_files = [
        _write(folder / NODE_FILE.format(kind), ["uid:ID", ":LABEL"],
               [[n.uid, LABEL_SEPARATOR.join(n.labels)] for n in nodes], [dict(n.props) for n in nodes])
        for kind, nodes in sorted(by_kind.items())
    ]
    by_type: dict[str, list] = defaultdict(list)
    for edge in graph.edges:
        by_type[edge.type].append(edge)
    edge_files = [
        _write(folder / EDGE_FILE.format(kind), [":START_ID", ":END_ID", ":TYPE", "key"],
               [[e.start, e.end, e.type, e.key] for e in edges], [dict(e.props) for e in edges])
        for kind, edges in sorted(by_type.items())
    ]
    return CsvExport(tuple(node_files), tuple(edge_files))
