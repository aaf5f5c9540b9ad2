"""Coverage of a central directive: which provinces and ministries relayed it, which did not, and how long
each took. The relays come from the store (the ``relays`` query); who *should* have relayed it comes
from the agency registry as it stood on the directive's date (34 provinces after 1 July 2025, 63
before; the ministries then in being).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.vocabulary import vocabulary

from .run import run

MINISTRY_LEVEL = "ministry"


@dataclass(frozen=True)
class CoverageRow:
    unit: str            # "tỉnh Kon Tum", "Bộ Tài chính"
    kind: str            # "province" | "ministry"
    relayed: bool
    document: str | None  # the first relay (earliest date, then uid)
    issue_date: str | None
    lag_days: int | None  # from the directive's date to the relay's, when both are full dates
    relays: int           # how many documents of this unit relay it


def _days(start: str | None, end: str | None) -> int | None:
    try:
        return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
    except (TypeError, ValueError):
        return None


def coverage(source, directive: str, on: str | None = None) -> list[CoverageRow]:
    """One row per province and ministry in being on ``on`` (default: the directive's date, else today)."""
    relays = run("relays", source, directive=directive)
    directive_date = next((r.directive_date for r in relays if r.directive_date), None)
    if on is None:
        on = directive_date if directive_date and len(directive_date) == 10 else dt.date.today().isoformat()
    v = vocabulary()
    units = [(p.full_name, "province", p.name) for p in v.provinces_on(on)]
    units += [(b.name, "ministry", b.name) for b in v.central
              if b.level == MINISTRY_LEVEL and v.successors(b.name, on) == (b.name,)]
    by_unit: dict[tuple[str, str], list] = {}
    for r in relays:
        if r.province:
            by_unit.setdefault(("province", r.province), []).append(r)
        elif r.issuer:
            by_unit.setdefault(("ministry", r.issuer), []).append(r)
    rows = []
    for unit, kind, key in units:
        found = sorted(by_unit.get((kind, key), ()), key=lambda r: (r.issue_date or "9999", r.document))
        first = found[0] if found else None
        rows.append(CoverageRow(
            unit, kind, bool(found), first.document if first else None, first.issue_date if first else None,
            _days(directive_date, first.issue_date) if first else None, len(found)))
    return sorted(rows, key=lambda r: (not r.relayed, r.kind, r.unit))
