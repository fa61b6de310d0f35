"""Force posture: which weapon systems stand where, as of a catalog's date.

A *deployment* is a unit with a garrison operating a weapon system with a known range. The
dataset's units carry their ``weapon_systems``; slicing the catalog with
:meth:`~eastflank.catalog.Catalog.as_of` gives the posture of a stage.

Examples
--------
>>> import datetime as dt
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog().as_of(dt.date(2023, 6, 30))
>>> any(d.system_id == "iskander-m" and d.actor == "BY" for d in deployments(cat))
True
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from eastflank.catalog import Catalog

__all__ = ["MISSILE_KINDS", "SAM_KINDS", "Deployment", "deployments"]

MISSILE_KINDS = frozenset({"ballistic-missile", "cruise-missile", "hypersonic-missile", "irbm",
                           "mlrs"})
"""Weapon-system kinds that strike ground targets at range."""

SAM_KINDS = frozenset({"sam"})
"""Weapon-system kinds that defend airspace."""


@dataclass(frozen=True)
class Deployment:
    """One weapon system of one unit at the unit's garrison.

    Attributes
    ----------
    range_km
        The system's maximum range as the dataset gives it (``range_km`` of the record).
    nuclear_capable
        ``None`` when the dataset does not know.
    """

    unit_id: str
    unit_name: str
    actor: str
    system_id: str
    system_name: str
    kind: str
    range_km: float
    nuclear_capable: bool | None
    place_id: str
    place_name: str
    lat: float
    lon: float
    deployment: str
    sources: tuple[str, ...]


def deployments(
    catalog: Catalog,
    *,
    actors: Collection[str] = ("BY", "RU"),
    kinds: Collection[str] = MISSILE_KINDS | SAM_KINDS,
) -> list[Deployment]:
    """Weapon systems with a range at the garrisons of the units of ``actors``.

    Units without a garrison and systems without ``range_km`` are left out (the dataset does
    not know where or how far). Sorted by system, then unit id, so the order is stable.
    """
    out: list[Deployment] = []
    for unit in catalog.units.values():
        if unit.actor not in actors or not unit.garrison:
            continue
        place = catalog.places.get(unit.garrison)
        if place is None:
            continue
        for sid in unit.weapon_systems:
            system = catalog.weapon_systems.get(sid)
            if system is None or system.kind not in kinds or system.range_km is None:
                continue
            out.append(Deployment(
                unit_id=unit.id, unit_name=unit.name, actor=unit.actor, system_id=system.id,
                system_name=system.name, kind=system.kind, range_km=system.range_km,
                nuclear_capable=system.nuclear_capable, place_id=place.id,
                place_name=place.name, lat=place.lat, lon=place.lon,
                deployment=unit.deployment,
                sources=tuple(dict.fromkeys([*unit.sources, *system.sources])),
            ))
    return sorted(out, key=lambda d: (d.system_id, d.unit_id))
