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

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .model import LineageGraph
# The CSV export's tables, column typing and command line, so both exports agree.
from .neo4j_csv import ImportTable, _cell, _type, admin_command, write_tables

ROW_GROUP = 100_000
_ARROW = {":boolean": pa.bool_(), ":long": pa.int64(), ":double": pa.float64(), "": pa.string()}


@dataclass(frozen=True)
class ParquetExport:
    nodes: tuple[Path, ...]
    relationships: tuple[Path, ...]

    def command(self, database: str = "neo4j") -> str:
        """The ``neo4j-admin`` command line that loads these files into an empty ``database``."""
        return admin_command(database, self.nodes, self.relationships, "--input-type=parquet")


def _value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == ":double":
        return float(value)
    return _cell(value) if kind == "" else value


def _write(path: Path, table: ImportTable) -> Path:
    """One file: the header columns (strings), then a typed column per property."""
    props = table.props
    names = sorted({k for row in props for k in row})
    columns: dict[str, pa.Array] = {name: pa.array(values, pa.string()) for name, values in table.head.items()}
    for name in names:
        if name in columns:  # a property named like a head column would clash; the CSV writes it twice
            continue
        kind = _type([row[name] for row in props if name in row])
        columns[name] = pa.array([_value(kind, row.get(name)) for row in props], _ARROW[kind])
    pq.write_table(pa.table(columns), path, row_group_size=ROW_GROUP, compression="zstd")
    return path


def write_neo4j_parquet(graph: LineageGraph, folder: str | Path) -> ParquetExport:
    return ParquetExport(*write_tables(graph, folder, ".parquet", _write))
