"""Geography: region load + one query, and coverage of many sites, against named peers.

* load+query: loading the region from the WKB cache and answering one gap query, against
  decoding the TopoJSON atlas with pyogrio every time (the peer: no cache). Target < 0.5 s.
* coverage: 50 sites x 3 radii over PL, LT, LV, vectorised (one ``Geod.fwd`` call per radius,
  ``shapely.polygons`` + ``union_all``), against a naive per-site loop: a scalar
  ``Geod.fwd`` per vertex, one shapely ``Polygon`` per ring, pairwise ``.union``, then the
  same intersection with each territory. Target < 1 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import shapely
from pyproj import Geod, Transformer

from eastflank.geo import GeoPoint, coverage, gap, load_region
from eastflank.geo.atlas import EQUAL_AREA_CRS, atlas_path, read_atlas

REPEATS = 3
RADII = (100.0, 300.0, 500.0)
TERRITORIES = ("PL", "LT", "LV")


def _best(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _sites(n: int = 50, seed: int = 0) -> list[GeoPoint]:
    rng = np.random.default_rng(seed)
    lats, lons = rng.uniform(51.5, 56.0, n), rng.uniform(23.5, 31.0, n)
    return [GeoPoint(float(a), float(b), f"site {i}") for i, (a, b) in
            enumerate(zip(lats, lons, strict=True))]


def _naive_coverage(sites: list[GeoPoint], region: object) -> list[float]:
    geod = Geod(ellps="WGS84")
    tr = Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)
    shares = []
    for r in RADII:
        union = None
        for s in sites:
            pts = []
            for az in np.linspace(0.0, 360.0, 256, endpoint=False):
                lon, lat, _ = geod.fwd(s.lon, s.lat, az, r * 1000.0)
                pts.append(tr.transform(lon, lat))
            poly = shapely.Polygon(pts)
            union = poly if union is None else union.union(poly)
        for code in TERRITORIES:
            terr = region.projected(code)  # type: ignore[attr-defined]
            shares.append(terr.intersection(union).area / terr.area)
    return shares


def run() -> list[dict[str, object]]:
    atlas = atlas_path()
    load_region()  # make sure the cache exists

    def ours_load() -> None:
        region = load_region()
        gap(region, "BY", "RU-KGD")

    def peer_load() -> None:
        read_atlas(atlas)

    region = load_region()
    sites = _sites()
    ours_cov = _best(lambda: coverage(region, sites, RADII, TERRITORIES))
    peer_cov = _best(lambda: _naive_coverage(sites, region))
    ours = coverage(region, sites, RADII, TERRITORIES)
    naive = _naive_coverage(sites, region)
    max_diff = float(np.max(np.abs(np.array([row.share for row in ours.rows]) - naive)))
    ours_l = _best(ours_load)
    return [
        {"name": "load cached region + one gap query", "ours_s": ours_l,
         "peer": "pyogrio TopoJSON decode, no cache", "peer_s": _best(peer_load),
         "target_s": 0.5, "meets_target": ours_l < 0.5},
        {"name": "coverage 50 sites x 3 radii over PL, LT, LV", "ours_s": ours_cov,
         "peer": "naive per-site loop (scalar Geod.fwd, pairwise shapely union)",
         "peer_s": peer_cov, "target_s": 1.0, "meets_target": ours_cov < 1.0,
         "max_share_difference": round(max_diff, 6)},
    ]
