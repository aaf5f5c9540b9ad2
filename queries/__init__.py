"""Questions asked of the lineage graph: the named query catalogue (Cypher and SPARQL), run on any store.

>>> sorted(catalogue())[:4]
['agency', 'ancestry', 'copied_share', 'derived_tasks']
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from . import stores
from .catalogue import catalogue, named
from .coverage import CoverageRow, coverage
from .run import row_type, run

# Questions answered in Python over a named query and the registry.
COMPOSED = {"coverage": ("For a central directive: which provinces and ministries relayed it, which did not "
                         "(from the agency registry), and the lag in days.", ("directive", "on"))}


def names() -> list[str]:
    return sorted([*catalogue(), *COMPOSED])


def answer(name: str, source, **params: Any) -> tuple[list[str], list[dict]]:
    """Columns and rows (dicts) of any question by name: a catalogue query or a composed one."""
    if name == "coverage":
        rows = coverage(source, **params)
        return [f.name for f in fields(CoverageRow)], [asdict(r) for r in rows]
    rows = run(name, source, **params)
    return list(named(name).column_names), [asdict(r) for r in rows]


__all__ = ["answer", "catalogue", "coverage", "names", "named", "row_type", "run", "stores"]
