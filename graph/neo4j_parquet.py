"""The graph as Parquet files for ``neo4j-admin database import full --input-type=parquet`` (Neo4j 5.25+,
a public beta there; 5.26 takes them).

The same layout as the CSV export (:mod:`graph.neo4j_csv`), one ``nodes_<Kind>.parquet`` per node kind
and one ``relationships_<TYPE>.parquet`` per edge type, with the header in the column names:
``uid:ID``, ``:LABEL`` (labels joined by ``;`` — the importer refuses list columns),
``:START_ID``, ``:END_ID``, ``:TYPE``, ``key``, then one column per property. Column types are
Parquet types (boolean, int64, double, string), chosen from the values as for the CSV; an absent
property is a null, which the importer leaves out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .model import LineageGraph
from .neo4j_csv import LABEL_SEPARATOR, _cell, _type  # the CSV's column typing, so both exports agree

NODE_FILE = "nodes_{}.parquet"
EDGE_FILE = "relationships_{}.parquet"
ROW_GROUP = 100_000
_ARROW = {":boolean": pa.bool_(), ":long": pa.int64(), ":double": pa.float64(), "": pa.string()}


@dataclass(frozen=True)
class ParquetExport:
    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command line that loads these files into an empty ``database``."""
        return " ".join(["neo4j-admin database import full", database, "--input-type=parquet",
                         "--overwrite-destination=true", *(f"--nodes={p}" for p in self.nodes),
                         *(f"--relationships={p}" for p in self.relationships)])


def _value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == ":double":
        return float(value)
    return _cell(value) if kind == "" else value


def _write(path: Path, head: dict[str, list[str]], props: list[dict]) -> Path:
    """One file: the ``head`` columns (strings), then a typed column per property."""
    names = sorted({k for row in props for k in row})
    columns: dict[str, pa.Array] = {name: pa.array(values, pa.string()) for name, values in head.items()}
    for name in names:
        if name in columns:  # a property named like a head column would clash; the CSV writes it twice
            continue
        kind = _type([row[name] for row in props if name in row])
        columns[name] = pa.array([_value(kind, row.get(name)) for row in props], _ARROW[kind])
    pq.write_table(pa.table(columns), path, row_group_size=ROW_GROUP, compression="zstd")
    return path


def write_neo4j_parquet(graph: LineageGraph, folder: str | Path) -> ParquetExport:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list] = defaultdict(list)
    for node in graph.nodes.values():
        by_kind[node.label].append(node)
    node_files = [
        _write(folder / NODE_FILE.format(kind),
               {"uid:ID": [n.uid for n in nodes], ":LABEL": [LABEL_SEPARATOR.join(n.labels) for n in nodes]},
               [dict(n.props) for n in nodes])
        for kind, nodes in sorted(by_kind.items())
    ]
    by_type: dict[str, list] = defaultdict(list)
    for edge in graph.edges:
        by_type[edge.type].append(edge)
    edge_files = [
        _write(folder / EDGE_FILE.format(kind),
               {":START_ID": [e.start for e in edges], ":END_ID": [e.end for e in edges],
                ":TYPE": [e.type for e in edges], "key": [e.key for e in edges]},
               [dict(e.props) for e in edges])
        for kind, edges in sorted(by_type.items())
    ]
    return ParquetExport(tuple(node_files), tuple(edge_files))
