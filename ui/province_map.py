"""Coverage at a glance: a map of the provinces in being on the directive's date (63 before 1 July 2025,
34 after), each outline filled by how fast it relayed the directive, and a timeline of relays in days after it.

The outlines are ``ui/provinces.geojson`` (Natural Earth, simplified: ``ui/province_shapes.py``), the points
``ui/provinces_map.toml`` (the centre of each unit of 2025; a unit formed by merging is drawn at the mean of
what it joined): shipped with the package, no tiles, nothing fetched. Pure functions from coverage
rows to a table and Vega-Lite specs, tested without a browser.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Iterable

import pandas as pd

from graph.errors import LineageError
from graph.vocabulary import vocabulary

PROVINCE = "province"
NOT_RELAYED = -1  # the colour scale's value for a unit that has not relayed


@cache
def _places() -> dict:
    with resources.files(__package__).joinpath("provinces_map.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def own_centres() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of each provincial unit of ``ui/provinces_map.toml``, its own point."""
    return {name: tuple(v) for name, v in _places()["centre"].items()}


def archipelagos() -> list[dict]:
    """The archipelagos of Viet Nam every map marks and names (``ui/provinces_map.toml``): name, lat, lon."""
    return [{"name": name, "lat": v[0], "lon": v[1]} for name, v in _places()["archipelago"].items()]


@cache
def centres() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) of every provincial unit the registry knows, by its name: its own point, or for a
    unit that absorbed others the mean of its own and theirs."""
    own = own_centres()
    out = {}
    for p in vocabulary().provinces:
        if p.name not in own:
            raise LineageError(f"ui/provinces_map.toml: no centre for {p.name}; add one")
        members = [own[p.name]] + [own[q.name] for q in vocabulary().provinces if q.merged_into == p.name
                                   and q.name in own]
        out[p.name] = (sum(m[0] for m in members) / len(members), sum(m[1] for m in members) / len(members))
    return out


def points(rows: Iterable, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One point per province of the coverage rows (ministries have no place): name, where, whether and how
    fast it relayed (``lag``: days, ``NOT_RELAYED`` when it has not, None when its relay prints no day)."""
    by_full = {p.full_name: p.name for p in vocabulary().provinces}
    out = []
    for r in rows:
        if r.kind != PROVINCE or r.unit not in by_full:
            continue
        lat, lon = centres()[by_full[r.unit]]
        out.append({"unit": r.unit, "lat": lat, "lon": lon, "relayed": r.relayed,
                    "lag": r.lag_days if r.relayed else NOT_RELAYED, "document": (labels or {}).get(r.document, ""),
                    "issue_date": r.issue_date or ""})
    return pd.DataFrame(out, columns=["unit", "lat", "lon", "relayed", "lag", "document", "issue_date"])


def outlines(dots: pd.DataFrame, day: str | None) -> list[dict]:
    """The outlines of the provinces of ``day`` (``ui/provinces.geojson``: 63 before 1 July 2025, 34 after), each
    with what :func:`points` says of its unit (``relayed``, ``lag``, ``unit``, ``document``, ``issue_date``);
    a province with no coverage row is drawn as not relayed."""
    from .province_shapes import AFTER, features

    by_name = {p.name: p.full_name for p in vocabulary().provinces}
    rows = {r["unit"]: r for r in dots.to_dict("records")}
    out = []
    for f in features(day or AFTER):
        name = f["properties"]["name"]
        row = rows.get(by_name.get(name, name), {})
        lag = row.get("lag", NOT_RELAYED)
        props = {"name": name, "unit": row.get("unit") or by_name.get(name, name),
                 "relayed": bool(row.get("relayed", False)), "lag": None if pd.isna(lag) else int(lag),
                 "document": row.get("document", ""), "issue_date": row.get("issue_date", "")}
        out.append({"type": "Feature", "properties": props, "geometry": f["geometry"]})
    return out


def map_spec(titles: dict[str, str], shapes: list[dict] | None = None) -> dict:
    """Vega-Lite: each province a dot at its place (Mercator, fitted to the points), grey when it has not
    relayed, from light to dark by the days it took; with ``shapes`` (:func:`outlines`), each province's
    outline filled the same way under the dots of those that relayed (the grey dots left out). The archipelagos
    Hoàng Sa and Trường Sa are marked and named on every map (:func:`archipelagos`)."""
    tooltip = [{"field": f"properties.{k}", "title": titles[k]} for k in ("unit", "document", "issue_date", "lag")]
    drawn = [] if shapes is None else [
        {"data": {"values": shapes}, "transform": [{"filter": "datum.properties.relayed == false"}],
         "mark": {"type": "geoshape", "fill": "#e6e6e6", "stroke": "#999999", "strokeWidth": 0.5},
         "encoding": {"tooltip": tooltip[:1]}},
        {"data": {"values": shapes}, "transform": [{"filter": "datum.properties.relayed == true"}],
         "mark": {"type": "geoshape", "stroke": "#555555", "strokeWidth": 0.6},
         "encoding": {"color": {"field": "properties.lag", "type": "quantitative", "title": titles["lag"],
                                "scale": {"scheme": "orangered"}, "legend": None},
                      "tooltip": tooltip}},
    ]
    islands = {"data": {"values": archipelagos()},
               "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                            "latitude": {"field": "lat", "type": "quantitative"}}}
    marked = [{**islands, "mark": {"type": "point", "shape": "diamond", "size": 40, "color": "#666666", "filled": True},
               "encoding": {**islands["encoding"], "tooltip": [{"field": "name", "title": titles["unit"]}]}},
              {**islands, "mark": {"type": "text", "dy": 14, "fontSize": 11, "color": "#444444"},
               "encoding": {**islands["encoding"], "text": {"field": "name"}}}]
    return {
        "height": 560,
        "projection": {"type": "mercator"},
        "layer": drawn + marked + [
            *([] if shapes is not None else [{"transform": [{"filter": "datum.relayed == false"}],
             "mark": {"type": "circle", "size": 90, "color": "#cccccc", "stroke": "#888888"},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"},
                          "tooltip": [{"field": "unit", "title": titles["unit"]}]}}]),
            {"transform": [{"filter": "datum.relayed == true"}],
             "mark": {"type": "circle", "size": 220, "stroke": "#333333", "opacity": 1},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"},
                          "color": {"field": "lag", "type": "quantitative", "title": titles["lag"],
                                    "scale": {"scheme": "orangered"}},
                          "tooltip": [{"field": "unit", "title": titles["unit"]},
                                      {"field": "document", "title": titles["document"]},
                                      {"field": "issue_date", "title": titles["issue_date"]},
                                      {"field": "lag", "title": titles["lag"]}]}},
        ],
    }


def timeline(rows: Iterable) -> pd.DataFrame:
    """The relays with a day, in order: days after the directive and how many units had relayed by then."""
    lags = sorted(r.lag_days for r in rows if r.relayed and r.lag_days is not None)
    return pd.DataFrame({"days": lags, "relayed": range(1, len(lags) + 1)})


def timeline_spec(titles: dict[str, str]) -> dict:
    """Vega-Lite: the number of units that had relayed, stepping up on each relay's day."""
    return {
        "height": 260,
        "mark": {"type": "line", "interpolate": "step-after", "point": True},
        "encoding": {"x": {"field": "days", "type": "quantitative", "title": titles["days"]},
                     "y": {"field": "relayed", "type": "quantitative", "title": titles["relayed"]}},
    }
