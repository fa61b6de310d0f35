"""Stage dates and the forces of a stage, read from the dataset as of that date.

:func:`stage_date` uses :func:`eastflank.stages.load_stage` when the stage file exists and
falls back to the canonical dates of the design (:data:`STAGE_DATES`) otherwise, saying which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from shapely.geometry import Point

from eastflank.catalog import Catalog
from eastflank.errors import EastflankError, UnknownNameError
from eastflank.geo import GeoPoint, default_region, distance
from eastflank.schema import Place, Unit

__all__ = ["STAGE_DATES", "ForceUnit", "StageDate", "area_of", "place_point", "stage_date",
           "units_in_areas"]

STAGE_DATES: dict[str, dt.date] = {
    "autonomy-2019": dt.date(2019, 12, 31),
    "regional-grouping-2021": dt.date(2021, 9, 30),
    "war-2022": dt.date(2022, 2, 24),
    "nuclear-2023": dt.date(2023, 6, 30),
    "subordination-2026": dt.date(2026, 1, 6),
}
"""Canonical stage dates (DESIGN.md), used when no stage file is available."""


@dataclass(frozen=True)
class StageDate:
    """A stage id and its date, with where the date came from (``stage file`` or ``design``)."""

    stage: str
    date: dt.date
    date_from: str


def stage_date(stage: str, catalog: Catalog) -> StageDate:
    """The date of ``stage``.

    Raises
    ------
    UnknownNameError
        If the stage is neither a stage file nor one of the canonical stages.
    """
    try:
        from eastflank.stages import load_stage

        st = load_stage(stage, catalog)
        return StageDate(st.id, st.date, "stage file")
    except (ImportError, EastflankError):
        if stage in STAGE_DATES:
            return StageDate(stage, STAGE_DATES[stage], "design (canonical stage date)")
        from rapidfuzz import process

        near = [n for n, s, _ in process.extract(stage, list(STAGE_DATES), limit=3) if s >= 60]
        raise UnknownNameError("stage", stage, near, field="stage") from None


def place_point(place: Place) -> GeoPoint:
    """A catalog place as a :class:`~eastflank.geo.GeoPoint`."""
    return GeoPoint(place.lat, place.lon, place.name, place.id)


@lru_cache(maxsize=4096)
def _area_of(lat: float, lon: float) -> str | None:
    region = default_region()
    pt = Point(lon, lat)
    for terr in region:
        if terr.geometry.contains(pt):
            return terr.code
    return None


def area_of(place: Place) -> str | None:
    """The territory code (``BY``, ``RU-KGD``, ``PL`` ...) a place lies in, from the borders."""
    return _area_of(place.lat, place.lon)


@dataclass(frozen=True)
class ForceUnit:
    """A unit counted in a campaign: its strength in brigade equivalents and its distance."""

    unit: str
    name: str
    actor: str
    echelon: str
    deployment: str
    garrison: str
    area: str | None
    brigades: float
    distance_km: float


def units_in_areas(
    catalog: Catalog,
    *,
    areas: list[str] | None = None,
    actors: list[str] | None = None,
    branches: list[str],
    weights: dict[str, float],
    objective: GeoPoint,
) -> tuple[list[ForceUnit], list[dict[str, Any]]]:
    """Units of ``branches`` garrisoned in ``areas`` (or belonging to ``actors``).

    Returns the counted units and the units left out, each with the reason.
    """
    counted: list[ForceUnit] = []
    skipped: list[dict[str, Any]] = []
    for u in catalog.units.values():
        if not isinstance(u, Unit) or u.branch not in branches:
            continue
        if actors is not None and u.actor not in actors:
            continue
        if u.garrison is None or u.garrison not in catalog.places:
            if areas is None or u.actor in ("RU", "BY"):
                skipped.append({"unit": u.id, "reason": "no garrison place in the dataset"})
            continue
        place = catalog.places[u.garrison]
        area = area_of(place)
        if areas is not None and area not in areas:
            continue
        w = weights.get(u.echelon, 0.0)
        if w <= 0:
            skipped.append({"unit": u.id, "reason": f"echelon {u.echelon!r} counts 0"})
            continue
        d = distance(place_point(place), objective).distance_km
        counted.append(ForceUnit(u.id, u.name, u.actor, u.echelon, u.deployment, u.garrison,
                                 area, w, d))
    return counted, skipped
