"""Air-defence cover: engagement radius by target altitude with the radar horizon, coverage
shares of Polish, Lithuanian and Latvian airspace and of the Suwałki Gap, and the forward
shift of the umbrella from basing in Belarus rather than Russia proper.

Radar horizon (standard refraction, 4/3 effective Earth radius)::

    d = √(2·k·R·h_radar) + √(2·k·R·h_target),   k = 4/3, R = 6371 km

The engagement radius of a site against a target at altitude ``h`` is the smaller of the
system's range (``advertised``: the dataset's ``range_km``; ``assessed``: its
``practical_range_km`` figure, e.g. FOI's, falling back to the advertised value and saying
so) and the radar horizon; zero above the system's ceiling. Areas are measured in the
equal-area projection of the geography module (EPSG:3035) on geodesic rings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import shapely
from shapely.geometry.base import BaseGeometry

from eastflank.campaign.forces import StageDate, place_point
from eastflank.campaign.scenario import CampaignScenario
from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError
from eastflank.geo import (
    EQUAL_AREA_CRS,
    GeoPoint,
    Region,
    default_region,
    distance,
    distance_to_border,
    gap,
)
from eastflank.geo.measure import rings
from eastflank.posture import SAM_KINDS, deployments
from eastflank.reach.trajectory import EARTH_RADIUS_KM
from eastflank.schema import WeaponSystem

__all__ = ["K_FACTOR", "CoverResult", "CoverRow", "SamSite", "air_defence_cover",
           "coverage_shares", "engagement_radius_km", "radar_horizon_km", "sam_range_km"]

K_FACTOR = 4.0 / 3.0
"""Effective Earth-radius factor for standard atmospheric refraction."""

RangeBasis = Literal["advertised", "assessed"]


def radar_horizon_km(radar_m: float, target_m: float, k: float = K_FACTOR) -> float:
    """Line-of-sight distance (km) between a radar and a target over a smooth 4/3 Earth.

    Examples
    --------
    >>> round(radar_horizon_km(25.0, 50.0), 1)
    49.8
    """
    if radar_m < 0 or target_m < 0:
        raise ModelInputError(f"heights must be >= 0 m, got radar {radar_m}, target {target_m}")
    re_m = k * EARTH_RADIUS_KM * 1000.0
    return (math.sqrt(2 * re_m * radar_m) + math.sqrt(2 * re_m * target_m)) / 1000.0


def sam_range_km(system: WeaponSystem, basis: RangeBasis) -> tuple[float | None, str]:
    """A SAM's range on ``basis`` and where it came from."""
    if basis == "assessed":
        for fig in system.figures:
            if fig.quantity == "practical_range_km":
                val = fig.value if fig.value is not None else (
                    None if fig.low is None or fig.high is None else (fig.low + fig.high) / 2)
                if val is not None:
                    return val, f"assessed practical range ({', '.join(fig.sources)})"
    if system.range_km is None:
        return None, "no range in the dataset"
    label = "advertised range" if basis == "advertised" else (
        "advertised range (no assessed figure in the dataset)")
    return system.range_km, label


def engagement_radius_km(range_km: float, ceiling_km: float | None, radar_m: float,
                         target_m: float) -> float:
    """Engagement radius against a target at ``target_m``: min(range, radar horizon)."""
    if ceiling_km is not None and target_m > ceiling_km * 1000.0:
        return 0.0
    return min(range_km, radar_horizon_km(radar_m, target_m))


@dataclass(frozen=True)
class SamSite:
    """A SAM system at a garrison on the stage date."""

    place: str
    place_name: str
    area: str | None
    unit: str
    system: str
    lat: float
    lon: float
    range_km: float | None
    range_basis: str
    unit_name: str = ""
    sited: str = "garrison"
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CoverRow:
    """Covered share of one territory against one target altitude."""

    territory: str
    target_altitude_m: float
    area_km2: float
    covered_km2: float
    share: float


@dataclass(frozen=True)
class CoverResult:
    """Air-defence cover of a stage."""

    stage: str
    date: str
    basis: str
    radar_mast_m: float
    sites: list[SamSite]
    rows: list[CoverRow]
    forward_shift_km: dict[str, float | None]
    equal_area_crs: str = EQUAL_AREA_CRS
    notes: list[str] = field(default_factory=list)


def coverage_shares(region: Region, discs: list[tuple[GeoPoint, float]],
                    targets: dict[str, BaseGeometry]) -> dict[str, tuple[float, float]]:
    """Area (km²) and covered share of each target geometry (equal-area metres) under the
    union of geodesic discs ``(centre, radius_km)``.
    """
    polys = []
    for centre, radius in discs:
        if radius > 0:
            xy = rings([centre.lat], [centre.lon], radius)
            polys.append(shapely.polygons(region.to_equal_area(shapely.linearrings(xy)))[0])
    union = shapely.union_all(polys) if polys else shapely.Polygon()
    out: dict[str, tuple[float, float]] = {}
    for name, geom in targets.items():
        area = float(shapely.area(geom))
        cov = float(shapely.area(shapely.intersection(geom, union))) if polys else 0.0
        out[name] = (area / 1e6, cov / area if area > 0 else 0.0)
    return out


def gap_zone(region: Region, a: str = "BY", b: str = "RU-KGD") -> BaseGeometry:
    """The Suwałki Gap as a zone: Polish and Lithuanian land within half the gap width of the
    midpoint of the shortest Belarus-Kaliningrad segment (equal-area metres)."""
    g = gap(region, a, b)
    mid = GeoPoint((g.point_a.lat + g.point_b.lat) / 2, (g.point_a.lon + g.point_b.lon) / 2,
                   "gap midpoint")
    xy = rings([mid.lat], [mid.lon], g.distance_km / 2 + 1e-6)
    disc = shapely.polygons(region.to_equal_area(shapely.linearrings(xy)))[0]
    land = shapely.union_all([region.projected("PL"), region.projected("LT")])
    return shapely.intersection(disc, land)


def air_defence_cover(sc: CampaignScenario, catalog: Catalog, stage: StageDate,
                      basis: RangeBasis = "advertised",
                      territories: tuple[str, ...] = ("PL", "LT", "LV")) -> CoverResult:
    """Coverage shares by target altitude, and the forward shift of basing in Belarus.

    The forward shift for each system is the distance its umbrella's edge moves towards
    Warsaw when the system sits at its Belarusian site instead of the nearest site in Russia
    proper: ``d(Russia, Warsaw) − d(Belarus site, Warsaw)``, both for the nearest point of
    Russia proper's border (Kaliningrad excluded) and for the scenario's named Russian sites.
    """
    if basis not in ("advertised", "assessed"):
        raise ModelInputError(f"range basis {basis!r}: expected 'advertised' or 'assessed'")
    cat = catalog.as_of(stage.date)
    region = default_region()
    ad = sc.air_defence
    mast = ad.radar_mast_m.mode
    placements = {uid: p.place for uid, p in ad.placements.items()}
    sites: list[SamSite] = []
    for d in deployments(cat, kinds=SAM_KINDS, areas=("BY", "RU-KGD"), require_range=False,
                         placements=placements):
        if d.system_id not in ad.systems:
            continue
        rng, label = sam_range_km(cat.weapon_systems[d.system_id], basis)
        sites.append(SamSite(d.place_id, d.place_name, d.area, d.unit_id, d.system_id, d.lat,
                             d.lon, rng, label, unit_name=d.unit_name, sited=d.sited,
                             sources=list(d.sources)))
    targets = {t: region.projected(t) for t in territories}
    targets["suwalki-gap"] = gap_zone(region)
    rows: list[CoverRow] = []
    for alt in ad.target_altitudes_m:
        discs = []
        for s in sites:
            if s.range_km is None:
                continue
            ceiling = cat.weapon_systems[s.system].ceiling_km
            discs.append((GeoPoint(s.lat, s.lon, s.place_name),
                          engagement_radius_km(s.range_km, ceiling, mast, alt)))
        for terr, (area_km2, share) in coverage_shares(region, discs, targets).items():
            rows.append(CoverRow(terr, alt, area_km2, area_km2 * share, share))
    shift: dict[str, float | None] = {}
    warsaw = cat.places.get("warsaw")
    if warsaw is not None:
        to_ru = distance_to_border(place_point(warsaw), region.get("RU")).distance_km
        for s in sites:
            if s.area == "BY":
                here = distance(GeoPoint(s.lat, s.lon, s.place_name),
                                place_point(warsaw)).distance_km
                shift[f"{s.system}@{s.place} vs nearest Russia-proper border point"] = float(
                    to_ru - here)
    ru_sites = [cat.places[p] for p in ad.russia_proper_sites if p in cat.places]
    for s in sites:
        if s.area != "BY" or warsaw is None or not ru_sites:
            continue
        here = distance(GeoPoint(s.lat, s.lon, s.place_name), place_point(warsaw)).distance_km
        there = min(distance(place_point(p), place_point(warsaw)).distance_km for p in ru_sites)
        key = f"{s.system}@{s.place} vs {', '.join(p.id for p in ru_sites)}"
        shift[key] = float(there - here)
    notes = [f"Radar horizon on a 4/3 Earth with the engagement radar at {mast:g} m "
             f"({ad.radar_mast_m.status.value}).",
             "Sites are garrisons of units holding the system on the stage date (or the "
             "scenario's stated placement where the sources name no site: sited); mobile "
             "batteries may deploy forward of them.",
             "Forward shift is measured towards Warsaw from the scenario's Russia-proper "
             f"site(s): {', '.join(ad.russia_proper_sites)}."]
    if not sites:
        notes.append("No SAM site in Belarus or Kaliningrad on this date in the dataset.")
    return CoverResult(stage.stage, stage.date.isoformat(), basis, mast, sites, rows, shift,
                       notes=notes)
