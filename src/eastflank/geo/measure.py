"""Geodesic measures on the WGS84 ellipsoid: distances, gaps, borders, rings, coverage, areas.

Distances and lengths are geodesic (pyproj :class:`~pyproj.Geod`, Karney's algorithms).
Shortest distances between a point or a territory and another territory's border are found
in an azimuthal equidistant projection centred on the point (or on the gap's midpoint), where
distances from the centre are exact, then measured geodesically. Areas and coverage are
computed in the equal-area projection :data:`~eastflank.geo.atlas.EQUAL_AREA_CRS`.

*Units*: kilometres, square kilometres, degrees. The border data are at scale 1:10m
(:data:`~eastflank.geo.atlas.SCALE`): border lines are generalised, so shared borders come
out 20-30% shorter than official lengths; see :mod:`eastflank.geo.borders`.

Examples
--------
>>> warsaw = GeoPoint(52.2298, 21.0118, "Warsaw")
>>> vilnius = GeoPoint(54.6892, 25.2798, "Vilnius")
>>> round(distance(warsaw, vilnius).distance_km)
394
>>> from eastflank.geo.atlas import default_region
>>> g = gap(default_region(), "BY", "RU-KGD")
>>> 64 < g.distance_km < 67
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import CRS, Geod, Transformer
from shapely.geometry.base import BaseGeometry

from eastflank.errors import ModelInputError
from eastflank.geo.atlas import ATLAS_LABEL, EQUAL_AREA_CRS, SCALE, Region, Territory
from eastflank.geo.points import GeoPoint, check_latlon

__all__ = [
    "GEOD",
    "MAX_RADIUS_KM",
    "Area",
    "BorderDistance",
    "Coverage",
    "CoverageRow",
    "Distance",
    "Gap",
    "SharedBorder",
    "common_boundary",
    "coverage",
    "distance",
    "distance_to_border",
    "gap",
    "ring",
    "rings",
    "shared_border",
    "territory_area",
]

GEOD = Geod(ellps="WGS84")
"""The WGS84 ellipsoid all geodesic measures use."""

MAX_RADIUS_KM = 5000.0
"""Largest ring radius accepted: beyond it a ring is no longer a simple polygon in the
equal-area projection of Europe (every territory of the region is then fully covered anyway)."""

RING_VERTICES = 256
"""Vertices of a ring polygon; the inscribed polygon's area falls short of the disc by
under 0.01%."""


@dataclass(frozen=True)
class Distance:
    """Geodesic distance between two points.

    Attributes
    ----------
    a, b
        The two points.
    distance_km
        Geodesic distance on WGS84, km.
    azimuth_deg
        Initial bearing from ``a`` to ``b``, degrees clockwise from north.
    """

    a: GeoPoint
    b: GeoPoint
    distance_km: float
    azimuth_deg: float
    ellipsoid: str = "WGS84"


@dataclass(frozen=True)
class BorderDistance:
    """Distance from a point to the border of a territory.

    Attributes
    ----------
    inside
        Whether the point lies inside the territory.
    distance_km
        Geodesic distance to the nearest point of the territory's boundary (coast included).
    nearest
        That nearest boundary point.
    """

    point: GeoPoint
    territory: str
    inside: bool
    distance_km: float
    nearest: GeoPoint
    scale: str = SCALE
    data: str = ATLAS_LABEL


@dataclass(frozen=True)
class Gap:
    """The shortest geodesic distance between two territories and its two end points.

    ``distance_km`` is 0 when the territories touch (then the end points coincide).
    """

    a: str
    b: str
    distance_km: float
    point_a: GeoPoint
    point_b: GeoPoint
    scale: str = SCALE
    data: str = ATLAS_LABEL


@dataclass(frozen=True)
class SharedBorder:
    """The border two territories share, measured on the 1:10m lines.

    Attributes
    ----------
    length_km
        Geodesic length of the common boundary, km (0 when they do not touch).
    pieces
        Number of separate lines the common boundary is made of.
    ends
        End points of the common boundary's pieces (tripoints, coasts).
    """

    a: str
    b: str
    length_km: float
    pieces: int
    ends: list[GeoPoint] = field(default_factory=list)
    scale: str = SCALE
    data: str = ATLAS_LABEL


@dataclass(frozen=True)
class Area:
    """Area of a territory: geodesic on the ellipsoid and in the equal-area projection."""

    territory: str
    name: str
    area_km2: float
    projected_km2: float
    projection: str = EQUAL_AREA_CRS
    scale: str = SCALE
    data: str = ATLAS_LABEL


@dataclass(frozen=True)
class CoverageRow:
    """How much of one territory lies within ``radius_km`` of at least one site."""

    territory: str
    radius_km: float
    area_km2: float
    covered_km2: float
    share: float


@dataclass(frozen=True)
class Coverage:
    """Coverage of territories by geodesic rings around sites, one row per territory and radius.

    Areas are in km² in :data:`~eastflank.geo.atlas.EQUAL_AREA_CRS`.
    """

    sites: list[GeoPoint]
    radii_km: list[float]
    rows: list[CoverageRow]
    projection: str = EQUAL_AREA_CRS
    ring_vertices: int = RING_VERTICES
    scale: str = SCALE
    data: str = ATLAS_LABEL

    def share(self, territory: str, radius_km: float) -> float:
        """The covered share of ``territory`` at ``radius_km`` (0 to 1)."""
        for row in self.rows:
            if row.territory == territory and row.radius_km == radius_km:
                return row.share
        raise KeyError((territory, radius_km))


# -- helpers ------------------------------------------------------------------------------
@lru_cache(maxsize=256)
def _aeqd(lat: float, lon: float) -> tuple[Transformer, Transformer]:
    """Forward and inverse transformers of an azimuthal equidistant projection at lat, lon."""
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m")
    return (
        Transformer.from_crs("EPSG:4326", crs, always_xy=True),
        Transformer.from_crs(crs, "EPSG:4326", always_xy=True),
    )


def _project(geom: BaseGeometry, tr: Transformer) -> BaseGeometry:
    return shapely.transform(geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def _point(tr_inv: Transformer, x: float, y: float, label: str) -> GeoPoint:
    lon, lat = tr_inv.transform(x, y)
    return GeoPoint(round(float(lat), 6), round(float(lon), 6), label)


def _km(a: GeoPoint, b: GeoPoint) -> float:
    _, _, d = GEOD.inv(a.lon, a.lat, b.lon, b.lat)
    return float(d) / 1000.0


def _check_radius(radius_km: float) -> None:
    if not np.isfinite(radius_km) or radius_km < 0:
        raise ModelInputError(
            f"radius {radius_km} km is invalid; expected a radius >= 0 km", field="radius_km"
        )
    if radius_km > MAX_RADIUS_KM:
        raise ModelInputError(
            f"radius {radius_km} km is too large; expected at most {MAX_RADIUS_KM:g} km",
            field="radius_km",
        )


# -- measures -----------------------------------------------------------------------------
def distance(a: GeoPoint, b: GeoPoint) -> Distance:
    """Geodesic distance and initial bearing from ``a`` to ``b`` on WGS84.

    Raises
    ------
    GeoError
        If a coordinate is out of range.
    """
    check_latlon(a.lat, a.lon)
    check_latlon(b.lat, b.lon)
    az, _, d = GEOD.inv(a.lon, a.lat, b.lon, b.lat)
    return Distance(a, b, float(d) / 1000.0, float(az) % 360.0)


def distance_to_border(point: GeoPoint, territory: Territory) -> BorderDistance:
    """Geodesic distance from ``point`` to the nearest point of ``territory``'s boundary.

    The boundary is projected to an azimuthal equidistant projection centred on the point,
    where distances from the centre are exact; the nearest point is then measured
    geodesically.
    """
    check_latlon(point.lat, point.lon)
    fwd, inv = _aeqd(point.lat, point.lon)
    boundary = _project(territory.geometry.boundary, fwd)
    origin = shapely.Point(0.0, 0.0)
    line = shapely.shortest_line(origin, boundary)
    x, y = shapely.get_coordinates(line)[1]
    nearest = _point(inv, x, y, f"{territory.code} border")
    inside = bool(territory.geometry.covers(shapely.Point(point.lon, point.lat)))
    return BorderDistance(point, territory.code, inside, _km(point, nearest), nearest)


def gap(region: Region, a: str, b: str) -> Gap:
    """The shortest geodesic distance between territories ``a`` and ``b``, with end points.

    Belarus to Kaliningrad (``gap(region, "BY", "RU-KGD")``) is the width of the Suwałki
    Gap. A first guess from the equal-area projection is refined in an azimuthal equidistant
    projection centred on the guess's midpoint (error a few metres at 100 km).

    Raises
    ------
    UnknownNameError
        If a territory code is unknown.
    """
    ta, tb = region.get(a), region.get(b)
    pa, pb = region.projected(ta.code), region.projected(tb.code)
    if shapely.intersects(pa, pb):
        touch = shapely.get_coordinates(shapely.intersection(ta.geometry, tb.geometry))[0]
        p = GeoPoint(float(touch[1]), float(touch[0]), f"{ta.code}/{tb.code} border")
        return Gap(ta.code, tb.code, 0.0, p, p)
    guess = shapely.shortest_line(pa, pb)
    (x0, y0), (x1, y1) = shapely.get_coordinates(guess)
    to_ll = _inverse_equal_area()
    mid_lon, mid_lat = to_ll.transform((x0 + x1) / 2, (y0 + y1) / 2)
    fwd, inv = _aeqd(float(mid_lat), float(mid_lon))
    # Only the boundary near the guess matters: clip to a generous window around it.
    d = float(np.hypot(x1 - x0, y1 - y0))
    window = shapely.buffer(guess, 2 * d + 50_000.0)
    local_a = _project(shapely.intersection(ta.geometry.boundary, _unproject(window, to_ll)), fwd)
    local_b = _project(shapely.intersection(tb.geometry.boundary, _unproject(window, to_ll)), fwd)
    line = shapely.shortest_line(local_a, local_b)
    (ax, ay), (bx, by) = shapely.get_coordinates(line)
    end_a = _point(inv, ax, ay, f"{ta.code} border")
    end_b = _point(inv, bx, by, f"{tb.code} border")
    return Gap(ta.code, tb.code, _km(end_a, end_b), end_a, end_b)


@lru_cache(maxsize=1)
def _inverse_equal_area() -> Transformer:
    return Transformer.from_crs(EQUAL_AREA_CRS, "EPSG:4326", always_xy=True)


def _unproject(geom: BaseGeometry, to_ll: Transformer) -> BaseGeometry:
    return _project(shapely.segmentize(geom, 10_000.0), to_ll)


def common_boundary(region: Region, a: str, b: str) -> BaseGeometry:
    """The common boundary of territories ``a`` and ``b`` as merged lon/lat lines.

    The intersection of the two boundaries (the atlas is topological, so shared lines
    coincide exactly); an empty ``MultiLineString`` when they do not touch.
    """
    ta, tb = region.get(a), region.get(b)
    common = shapely.intersection(ta.geometry.boundary, tb.geometry.boundary)
    parts = shapely.get_parts(common)
    lines = [p for p in parts if p.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        return shapely.MultiLineString()
    return shapely.line_merge(shapely.multilinestrings(shapely.get_parts(np.array(lines))))


def shared_border(region: Region, a: str, b: str) -> SharedBorder:
    """The common boundary of territories ``a`` and ``b`` and its geodesic length.

    The common boundary is the intersection of the two territories' boundaries (the atlas is
    topological, so shared lines coincide exactly). Its length is at scale 1:10m: compare
    it with official lengths through :func:`eastflank.geo.borders.compare_border`.
    """
    ta, tb = region.get(a), region.get(b)
    merged = common_boundary(region, ta.code, tb.code)
    if merged.is_empty:
        return SharedBorder(ta.code, tb.code, 0.0, 0)
    pieces = shapely.get_parts(merged)
    length_km = float(GEOD.geometry_length(merged)) / 1000.0
    ends: list[GeoPoint] = []
    for piece in pieces:
        for pt in (shapely.get_point(piece, 0), shapely.get_point(piece, -1)):
            ends.append(GeoPoint(round(pt.y, 6), round(pt.x, 6), "end of common border"))
    return SharedBorder(ta.code, tb.code, length_km, len(pieces), ends)


def territory_area(region: Region, code: str) -> Area:
    """Area of a territory in km²: geodesic (ellipsoid) and in the equal-area projection."""
    terr = region.get(code)
    geodesic, _ = GEOD.geometry_area_perimeter(shapely.orient_polygons(terr.geometry))
    projected = shapely.area(region.projected(terr.code))
    return Area(terr.code, terr.name, abs(float(geodesic)) / 1e6, float(projected) / 1e6)


# -- rings and coverage -------------------------------------------------------------------
def rings(
    lats: Sequence[float] | NDArray[np.float64],
    lons: Sequence[float] | NDArray[np.float64],
    radius_km: float,
    n_vertices: int = RING_VERTICES,
) -> NDArray[np.float64]:
    """Geodesic ring vertices around many centres at once.

    Parameters
    ----------
    lats, lons
        Centres, degrees (WGS84).
    radius_km
        Ring radius, km (geodesic).
    n_vertices
        Vertices per ring (the first is repeated at the end to close it).

    Returns
    -------
    ndarray, shape (len(lats), n_vertices + 1, 2)
        Longitude and latitude of each vertex, degrees.

    Raises
    ------
    ModelInputError
        If the radius is negative or above :data:`MAX_RADIUS_KM`.
    """
    _check_radius(radius_km)
    lat = np.asarray(lats, dtype=float)
    lon = np.asarray(lons, dtype=float)
    for la, lo in zip(lat, lon, strict=True):
        check_latlon(float(la), float(lo))
    az = np.linspace(0.0, 360.0, n_vertices, endpoint=False)
    k = lat.size
    lon2, lat2, _ = GEOD.fwd(
        np.repeat(lon, n_vertices),
        np.repeat(lat, n_vertices),
        np.tile(az, k),
        np.full(k * n_vertices, radius_km * 1000.0),
    )
    xy = np.stack([np.asarray(lon2), np.asarray(lat2)], axis=-1).reshape(k, n_vertices, 2)
    return np.concatenate([xy, xy[:, :1]], axis=1)


def ring(center: GeoPoint, radius_km: float, n_vertices: int = RING_VERTICES) -> BaseGeometry:
    """A geodesic range ring as a lon/lat polygon (rings crossing 180° are not supported)."""
    xy = rings([center.lat], [center.lon], radius_km, n_vertices)[0]
    return shapely.Polygon(xy)


def coverage(
    region: Region,
    sites: Sequence[GeoPoint],
    radii_km: Sequence[float],
    territories: Sequence[str] = ("PL", "LT", "LV"),
    n_vertices: int = RING_VERTICES,
) -> Coverage:
    """Share and area of each territory within ``R`` km of at least one site, for each ``R``.

    Rings are made for all sites at once (vectorised :meth:`pyproj.Geod.fwd`), projected to
    the equal-area CRS, turned into polygons in one call and unioned with GEOS
    (:func:`shapely.union_all`); each territory is then intersected once per radius.

    Parameters
    ----------
    region
        The territories.
    sites
        Ring centres.
    radii_km
        One or more radii, km.
    territories
        Territory codes to measure.

    Raises
    ------
    ModelInputError
        If a radius is negative or too large, or no site is given.
    UnknownNameError
        If a territory code is unknown.
    """
    if not sites:
        raise ModelInputError("no site given; expected at least one site", field="sites")
    for r in radii_km:
        _check_radius(float(r))
    terrs = [region.get(t) for t in territories]
    lats = np.array([s.lat for s in sites])
    lons = np.array([s.lon for s in sites])
    rows: list[CoverageRow] = []
    areas = {t.code: float(shapely.area(region.projected(t.code))) for t in terrs}
    for r in radii_km:
        radius = float(r)
        if radius == 0.0:
            union = shapely.Polygon()
        else:
            xy = rings(lats, lons, radius, n_vertices)
            polys = shapely.polygons(region.to_equal_area(shapely.linearrings(xy)))
            union = shapely.union_all(polys)
        for t in terrs:
            covered = float(shapely.area(shapely.intersection(region.projected(t.code), union)))
            area = areas[t.code]
            rows.append(CoverageRow(t.code, radius, area / 1e6, covered / 1e6, covered / area))
    return Coverage(list(sites), [float(r) for r in radii_km], rows, ring_vertices=n_vertices)
