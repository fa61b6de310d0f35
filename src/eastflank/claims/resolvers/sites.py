"""Located sites of forces: unit garrisons and facilities, with their deployment type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from eastflank.catalog import Catalog
from eastflank.claims.measure import distance_km
from eastflank.schema import Facility, Place, Unit, WeaponSystem

__all__ = ["Site", "family", "force_sites", "nuclear_capable_systems"]


@dataclass(frozen=True)
class Site:
    """Where a unit or facility stands."""

    record: str
    kind: str
    name: str
    actor: str
    place: str
    place_name: str
    country: str
    lat: float
    lon: float
    deployment: str
    systems: tuple[str, ...]
    sources: tuple[str, ...]

    def distance_to(self, lat: float, lon: float) -> float:
        """Geodesic distance (km) from this site to a point."""
        return distance_km(self.lat, self.lon, lat, lon)


def family(catalog: Catalog, system_ids: Iterable[str]) -> set[str]:
    """The systems with their variants and parent systems."""
    ids = set(system_ids)
    systems = catalog.weapon_systems
    for _ in range(3):
        for ws in systems.values():
            if ws.parent_system in ids or (ws.id in ids and ws.parent_system):
                ids.add(ws.id)
                if ws.parent_system:
                    ids.add(ws.parent_system)
    return ids


def nuclear_capable_systems(catalog: Catalog) -> set[str]:
    """Ids of the weapon systems recorded as nuclear-capable."""
    return {ws.id for ws in catalog.weapon_systems.values() if ws.nuclear_capable}


def force_sites(catalog: Catalog, day: dt.date | None) -> list[Site]:
    """Every located unit and facility of the catalog valid on ``day``, each with the weapon
    systems it had by then (``weapon_systems_from``)."""
    cat = catalog.as_of(day) if day is not None else catalog
    places = catalog.places
    out: list[Site] = []
    from eastflank.posture import stationed  # who stands where: one answer for every model

    for st in stationed(cat):
        unit = cat.units[st.unit]
        since = getattr(unit, "weapon_systems_from", {}) or {}
        systems = tuple(w for w in unit.weapon_systems
                        if day is None or since.get(w) is None or since[w] <= day)
        _add(out, unit, st.garrison, places, st.deployment, systems)
    for fac in cat.facilities.values():
        _add(out, fac, fac.place, places, "permanent", ())
    return out


def _add(out: list[Site], rec: Unit | Facility, place_id: str | None,
         places: Mapping[str, Place], deployment: str, systems: tuple[str, ...]) -> None:
    place = places.get(place_id) if place_id is not None else None
    if place is None:
        return
    kind = "units" if isinstance(rec, Unit) else "facilities"
    out.append(
        Site(
            record=rec.id,
            kind=kind,
            name=rec.name,
            actor=rec.actor,
            place=place.id,
            place_name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            deployment=deployment,
            systems=systems,
            sources=tuple(rec.sources),
        )
    )


def is_weapon(obj: object) -> bool:
    """Whether ``obj`` is a weapon system record."""
    return isinstance(obj, WeaponSystem)
