"""The coverage map and timeline (ui/province_map.py): every province placed, merged ones at the mean of what
they joined, the points and the steps from coverage rows; nothing fetched."""

from __future__ import annotations

import json

import pytest

from graph.vocabulary import vocabulary
from queries.coverage import CoverageRow
from ui.province_map import NOT_RELAYED, centres, map_spec, points, timeline, timeline_spec

TITLES = {k: k for k in ("unit", "lag", "document", "issue_date", "days", "relayed")}


def test_every_province_of_the_registry_has_a_place_in_vietnam():
    places = centres()
    assert set(places) == {p.name for p in vocabulary().provinces}
    assert all(8.4 < lat < 23.5 and 102.1 < lon < 109.5 for lat, lon in places.values())
    assert places["Hà Nội"][0] > places["Đà Nẵng"][0] > places["Cà Mau"][0]  # north to south


def test_a_merged_province_sits_between_what_it_joined():
    places = centres()  # Quảng Ngãi absorbed Kon Tum on 1 July 2025
    assert places["Quảng Ngãi"][1] < 108.70 and places["Quảng Ngãi"][1] > 107.90


# Coverage rows as queries.coverage gives them (124/NQ-CP on the sample corpus: two letters, no full dates).
ROWS = [
    CoverageRow("tỉnh Kon Tum", "province", True, "vn/kt", "2025", None, 1),
    CoverageRow("thành phố Hải Phòng", "province", True, "vn/hp", "2025", None, 1),
    CoverageRow("tỉnh Cà Mau", "province", False, None, None, None, 0),
    CoverageRow("Bộ Tài chính", "ministry", False, None, None, None, 0),
]


def test_points_of_the_provinces_only():
    dots = points(ROWS, {"vn/kt": "Công văn (không số) — UBND tỉnh Kon Tum"})
    assert list(dots["unit"]) == ["tỉnh Kon Tum", "thành phố Hải Phòng", "tỉnh Cà Mau"]  # no ministry
    kon_tum = dots.iloc[0]
    assert kon_tum["relayed"] and kon_tum["document"] == "Công văn (không số) — UBND tỉnh Kon Tum"
    assert dots.iloc[2]["lag"] == NOT_RELAYED and not dots.iloc[2]["relayed"]


def test_the_specs_fetch_nothing():
    for spec in (map_spec(TITLES), timeline_spec(TITLES)):
        text = json.dumps(spec)
        assert "url" not in text and "http" not in text  # data is passed in; no tiles, no topojson
    assert map_spec(TITLES)["projection"]["type"] == "mercator"


@pytest.mark.parametrize("with_outlines", [False, True])
def test_every_map_marks_and_names_hoang_sa_and_truong_sa(with_outlines):
    spec = map_spec(TITLES, [] if with_outlines else None)
    names = [v["name"] for layer in spec["layer"] if layer["mark"]["type"] == "text"
             for v in layer["data"]["values"]]
    assert names == ["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"]
    marks = [v for layer in spec["layer"] if layer["mark"].get("shape") == "diamond" for v in layer["data"]["values"]]
    assert [(round(v["lat"]), round(v["lon"])) for v in marks] == [(16, 112), (10, 114)]  # off Đà Nẵng, off Khánh Hòa


def test_timeline_steps_up_on_each_relay_day():
    rows = [CoverageRow("tỉnh A", "province", True, "a", "2025-05-20", 12, 1),
            CoverageRow("tỉnh B", "province", True, "b", "2025-05-10", 2, 1),
            CoverageRow("tỉnh C", "province", True, "c", "2025", None, 1),   # no full date: not on the timeline
            CoverageRow("tỉnh D", "province", False, None, None, None, 0)]
    steps = timeline(rows)
    assert list(steps["days"]) == [2, 12] and list(steps["relayed"]) == [1, 2]


def test_outlines_of_the_63_and_the_34_shipped():
    """ui/provinces.geojson (Natural Earth, simplified): each unit of the registry before 1 July 2025 and after it
    has one outline, and the centre ui/provinces_map.toml gives each of the 63 lies inside its own."""
    from shapely.geometry import Point, shape

    from ui.province_map import own_centres
    from ui.province_shapes import features

    before, after = features("2025-05-08"), features("2025-07-01")
    assert sorted(f["properties"]["name"] for f in before) == sorted(p.name for p in vocabulary().provinces_on("2025-06-30"))
    assert sorted(f["properties"]["name"] for f in after) == sorted(p.name for p in vocabulary().provinces_on("2025-07-01"))
    assert len(before) == 63 and len(after) == 34
    for f in before:
        lat, lon = own_centres()[f["properties"]["name"]]
        assert shape(f["geometry"]).buffer(0.05).contains(Point(lon, lat)), f["properties"]["name"]
    # Quảng Ngãi of 1 July 2025 holds Kon Tum's centre (it absorbed Kon Tum); Quảng Ngãi before does not
    kon_tum = Point(own_centres()["Kon Tum"][1], own_centres()["Kon Tum"][0])
    assert shape(next(f for f in after if f["properties"]["name"] == "Quảng Ngãi")["geometry"]).contains(kon_tum)
    assert not shape(next(f for f in before if f["properties"]["name"] == "Quảng Ngãi")["geometry"]).contains(kon_tum)


def test_outlines_coloured_from_the_rows():
    from ui.province_map import outlines

    drawn = outlines(points(ROWS), "2025-05-08")
    by_name = {f["properties"]["name"]: f["properties"] for f in drawn}
    assert by_name["Kon Tum"]["relayed"] and by_name["Kon Tum"]["lag"] is None  # its relay prints no full day
    assert not by_name["Cà Mau"]["relayed"] and by_name["Cà Mau"]["lag"] == NOT_RELAYED
    assert not by_name["Hà Nội"]["relayed"]  # no row: drawn as not relayed
    spec = json.dumps(map_spec(TITLES, drawn))
    assert "url" not in spec and "http" not in spec and '"geoshape"' in spec
