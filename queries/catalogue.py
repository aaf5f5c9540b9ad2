"""The named queries: ``queries/catalogue/<name>.cypher`` and ``<name>.rq``, read once.

A query's metadata sits in the Cypher file's leading ``//`` comment lines::

    // <description, one or more lines>
    // param directive: str — the directive's uid or code          (required)
    // param as_of: date = today — the day deadlines are judged on   (with a default)
    // columns: document, depth:int, overdue:bool, value:float       (the row, in order; str by default)
    // order: -citing, document                                       (how rows are sorted; - for descending)

The ``.rq`` file holds the same query in SPARQL, its parameters bound as ``?in_<name>``. A ``limit``
parameter is applied to the sorted rows (SPARQL cannot take LIMIT from a binding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.errors import LineageError

# "// param as_of: date = today — the day deadlines are judged on"
PARAM_RE = re.compile(r"^param\s+(?P<name>\w+)\s*:\s*(?P<type>str|int|date)(?:\s*=\s*(?P<default>\S+))?\s*—\s*(?P<help>.+)$")
# "// columns: document, depth:int"
COLUMNS_RE = re.compile(r"^columns\s*:\s*(?P<columns>.+)$")
# "// order: -citing, document"
ORDER_RE = re.compile(r"^order\s*:\s*(?P<order>.+)$")
COLUMN_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # "str" | "int" | "date"
    default: str | None  # None: required
    help: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[tuple[str, type], ...]
    order: tuple[tuple[str, bool], ...]  # (column, descending)
    cypher: str
    sparql: str

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)


def _parse(name: str, cypher: str, sparql: str) -> NamedQuery:
    description, params, columns, order = [], [], [], []
    for line in cypher.splitlines():
        if not line.startswith("//"):
            break
        text = line[2:].strip()
        if m := PARAM_RE.match(text):
            params.append(Param(m["name"], m["type"], m["default"], m["help"]))
        elif m := COLUMNS_RE.match(text):
            for column in m["columns"].split(","):
                col, _, kind = column.strip().partition(":")
                columns.append((col, COLUMN_TYPES[kind or "str"]))
        elif m := ORDER_RE.match(text):
            order = [(c.strip().lstrip("-"), c.strip().startswith("-")) for c in m["order"].split(",")]
        else:
            description.append(text)
    if not columns:
        raise LineageError(f"queries/catalogue/{name}.cypher: no '// columns:' line; add one")
    return NamedQuery(name, " ".join(description), tuple(params), tuple(columns), tuple(order), cypher, sparql)


def _folder(kind: str) -> dict[str, NamedQuery]:
    folder = resources.files(__package__).joinpath(kind)
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            sparql = folder.joinpath(f"{name}.rq")
            if not sparql.is_file():
                raise LineageError(f"queries/{kind}/{name}.rq is missing: every named query needs Cypher and SPARQL")
            out[name] = _parse(name, entry.read_text(encoding="utf-8"), sparql.read_text(encoding="utf-8"))
    return out


@cache
def catalogue() -> dict[str, NamedQuery]:
    """Every named query, by name."""
    return _folder("catalogue")


@cache
def examples() -> dict[str, NamedQuery]:
    """The analyst's questions of ``queries/examples`` (docs/examples.md), by name ("01_relay_coverage"), in the
    catalogue's form: each in Cypher and in standard SPARQL 1.1, giving the same rows."""
    return _folder("examples")


def named(name: str) -> NamedQuery:
    try:
        return catalogue()[name]
    except KeyError:
        raise LineageError(f"no query named {name!r}; the catalogue has: {', '.join(catalogue())}") from None
