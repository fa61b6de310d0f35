"""Geographic measures the resolvers need, from :mod:`eastflank.geo`.

Point-to-point distances use pyproj's ``Geod`` on WGS84 directly (fast, no atlas needed);
border lengths, the Suwałki gap and the distance to a state's territory come from the
geography model on the Natural Earth borders, with the official border lengths and their
sources (:mod:`eastflank.geo.borders`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pyproj import Geod

from eastflank.errors import EastflankError

__all__ = [
    "Measure",
    "alliance_border",
    "border_length",
    "distance_km",
    "gap_width",
    "territory_distance_km",
]

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Measure:
    """A measured length (km) with how it was obtained and the sources of official figures."""

    km: float
    detail: str
    sources: list[str] = field(default_factory=list)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance between two WGS84 points, in km.

    Examples
    --------
    >>> round(distance_km(52.2298, 21.0118, 53.9, 27.5667))  # Warsaw - Minsk
    477
    """
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


def _sources(figures: Sequence[object]) -> list[str]:
    out: list[str] = []
    for f in figures:
        for s in getattr(f, "sources", []):
            sid = s.get("id") if isinstance(s, dict) else None
            if isinstance(sid, str) and sid not in out:
                out.append(sid)
    return out


def border_length(a: str, b: str) -> Measure | None:
    """The land border of ``a`` and ``b``: the preferred official length when the geography
    data hold one (else the length measured on the 1:10m borders); ``None`` if they do not
    border or a code is unknown."""
    from eastflank.geo import default_region
    from eastflank.geo.borders import compare_border, default_border_data

    try:
        row = compare_border(default_region(), default_border_data(), a, b)
    except EastflankError:
        return None
    if row.preferred_km:
        return Measure(row.preferred_km, f"{a}-{b}: {row.preferred_km:.0f} km official "
                       f"({row.geometric_km:.0f} km on the 1:10m map)", _sources(row.official))
    if row.geometric_km > 0:
        return Measure(row.geometric_km, f"{a}-{b}: {row.geometric_km:.0f} km on the 1:10m map")
    return None


def alliance_border(state: str, as_of: dt.date | None = None) -> Measure | None:
    """The land border of Belarus (``BY``) or Russia (``RU``) with NATO members on ``as_of``."""
    from eastflank.geo import default_region
    from eastflank.geo.borders import belarus_nato_border, default_border_data, russia_nato_border

    fn = {"BY": belarus_nato_border, "RU": russia_nato_border}.get(state)
    if fn is None:
        return None
    total = fn(default_region(), default_border_data(), as_of)
    pairs = ", ".join(f"{r.a}-{r.b}" for r in total.pairs)
    figures = [f for r in total.pairs for f in r.official]
    return Measure(total.preferred_km, f"{total.label} ({pairs}): {total.preferred_km:.0f} km "
                   f"official; factbook {total.by_basis.get('factbook')} km; "
                   f"{total.geometric_km:.0f} km on the 1:10m map", _sources(figures))


@lru_cache(maxsize=16)
def gap_width(a: str = "BY", b: str = "RU-KGD") -> Measure:
    """The shortest distance between two territories (the Suwałki gap by default)."""
    from eastflank.geo import default_region, gap

    g = gap(default_region(), a, b)
    return Measure(g.distance_km, f"shortest {a}-{b} distance: {g.distance_km:.1f} km "
                   f"(Natural Earth 1:10m borders, geodesic)")


@lru_cache(maxsize=256)
def territory_distance_km(actor: str, lat: float, lon: float) -> float | None:
    """Distance from a point to the nearest point of ``actor``'s territory (0 inside);
    remembered per point, as building the local projection dominates the cost."""
    from eastflank.geo import GeoPoint, default_region, distance_to_border

    try:
        d = distance_to_border(GeoPoint(lat, lon, "target"), default_region().get(actor))
    except EastflankError:
        return None
    return 0.0 if d.inside else d.distance_km
