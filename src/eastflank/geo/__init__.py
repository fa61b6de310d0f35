"""Geography on real borders: geodesic distances, gaps, border lengths, rings and coverage.

The borders are Natural Earth 1:10m (:mod:`eastflank.geo.atlas`); measures are geodesic on
WGS84 (:mod:`eastflank.geo.measure`); official border lengths with their sources sit next to
the measured ones (:mod:`eastflank.geo.borders`); :mod:`eastflank.geo.maps` draws them.
"""

from __future__ import annotations

from eastflank.geo.atlas import (
    ATLAS_LABEL,
    EQUAL_AREA_CRS,
    SCALE,
    TERRITORIES,
    Region,
    Territory,
    default_region,
    load_region,
)
from eastflank.geo.measure import (
    Area,
    BorderDistance,
    Coverage,
    CoverageRow,
    Distance,
    Gap,
    SharedBorder,
    common_boundary,
    coverage,
    distance,
    distance_to_border,
    gap,
    ring,
    rings,
    shared_border,
    territory_area,
)
from eastflank.geo.points import GeoPoint, parse_latlon, resolve_point

__all__ = [
    "ATLAS_LABEL",
    "EQUAL_AREA_CRS",
    "SCALE",
    "TERRITORIES",
    "Area",
    "BorderDistance",
    "Coverage",
    "CoverageRow",
    "Distance",
    "Gap",
    "GeoPoint",
    "Region",
    "SharedBorder",
    "Territory",
    "common_boundary",
    "coverage",
    "default_region",
    "distance",
    "distance_to_border",
    "gap",
    "load_region",
    "parse_latlon",
    "resolve_point",
    "ring",
    "rings",
    "shared_border",
    "territory_area",
]
