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
from typing import Callable

from .model import LineageGraph

LABEL_SEPARATOR = ";"  # neo4j-admin's default --array-delimiter, also used for :LABEL


@dataclass(frozen=True)
class ImportTable:
    """One import file's content, whatever its format: ``stem`` ("nodes_Document", "relationships_CITES"),
    the header columns with their cells, and each row's properties (one typed column each)."""

    stem: str
    head: dict[str, list[str]]
    props: list[dict]


def import_tables(graph: LineageGraph) -> tuple[list[ImportTable], list[ImportTable]]:
    """The node tables (one per node kind) and relationship tables (one per edge type) of ``graph``."""
    by_kind: dict[str, list] = defaultdict(list)
    for node in graph.nodes.values():
        by_kind[node.label].append(node)
    nodes = [ImportTable(f"nodes_{kind}",
                         {"uid:ID": [n.uid for n in group], ":LABEL": [LABEL_SEPARATOR.join(n.labels) for n in group]},
                         [dict(n.props) for n in group])
             for kind, group in sorted(by_kind.items())]
    by_type: dict[str, list] = defaultdict(list)
    for edge in graph.edges:
        by_type[edge.type].append(edge)
    edges = [ImportTable(f"relationships_{kind}",
                         {":START_ID": [e.start for e in group], ":END_ID": [e.end for e in group],
                          ":TYPE": [e.type for e in group], "key": [e.key for e in group]},
                         [dict(e.props) for e in group])
             for kind, group in sorted(by_type.items())]
    return nodes, edges


def write_tables(graph: LineageGraph, folder: str | Path, suffix: str,
                 write: Callable[[Path, ImportTable], Path]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Write each import table of ``graph`` as ``folder/<stem><suffix>`` with ``write``: the node files, the
    relationship files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = import_tables(graph)
    return (tuple(write(folder / f"{t.stem}{suffix}", t) for t in nodes),
            tuple(write(folder / f"{t.stem}{suffix}", t) for t in edges))


def admin_command(database: str, nodes, relationships, *options: str) -> str:
    """The ``neo4j-admin`` command line that loads these node and relationship files into an empty ``database``."""
    return " ".join(["neo4j-admin database import full", database, *options, "--overwrite-destination=true",
                     *(f"--nodes={p}" for p in nodes), *(f"--relationships={p}" for p in relationships)])


# neo4j-admin reads a quoted field over several lines (a document's outline) only when told to.
MULTILINE = "--multiline-fields=true"


@dataclass(frozen=True)
class CsvExport:
    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]
    multiline: bool = False  # some field holds a line break

    @property
    def options(self) -> tuple[str, ...]:
        """The import options these files need: ``--multiline-fields=true`` when a field spans lines."""
        return (MULTILINE,) if self.multiline else ()

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command line that loads these files into an empty ``database``."""
        return admin_command(database, self.nodes, self.relationships, *self.options)


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


def _write(path: Path, table: ImportTable) -> Path:
    """One CSV: the header columns, then a typed column per property."""
    columns = _columns(table.props)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow([*table.head, *(name + t for name, t in columns)])
        for cells, row in zip(zip(*table.head.values()), table.props):
            out.writerow([*cells, *(_cell(row.get(name)) for name, _ in columns)])
    return path


def write_neo4j_csv(graph: LineageGraph, folder: str | Path) -> CsvExport:
    nodes, relationships = write_tables(graph, folder, ".csv", _write)
    multiline = any("\n" in v for n in graph.nodes.values() for v in n.props.values() if isinstance(v, str)) \
        or any("\n" in v for e in graph.edges for v in e.props.values() if isinstance(v, str))
    return CsvExport(nodes, relationships, multiline)
