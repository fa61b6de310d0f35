"""Force posture: who stands where, under whom, counted how, at a date.

This module is the one place that answers that question for the models and interfaces:

* :func:`stationed` -- every unit of a dated catalog slice with its garrison, the territory
  the garrison lies in (from the borders), its parent and its personnel figure;
* :func:`order_of_battle` -- the units of one side counted once, in brigade equivalents,
  with the units left out and why;
* :func:`deployments` -- weapon systems with a range at the garrisons of a side's units
  (reach windows, air-defence cover, claim resolvers and the report map read it).

Counting once
-------------
A unit is counted at the level the data states: a unit with a *counted* subordinate unit
(a division with listed brigades, a corps with a listed division) counts through those units
and is listed as skipped with their names. So adding a counted unit's parent to a side never
changes the side's strength. A unit's strength in brigade equivalents is its personnel over
the personnel of a brigade equivalent when a source gives its personnel, and its echelon's
weight otherwise (:class:`Counting`, a modelling convention, ``hypothetical``).

Examples
--------
>>> import datetime as dt
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog().as_of(dt.date(2023, 6, 30))
>>> any(d.system_id == "iskander-m" and d.actor == "BY" for d in deployments(cat))
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from shapely.geometry import Point

from eastflank.catalog import Catalog
from eastflank.geo import GeoPoint, default_region, distance
from eastflank.schema import Place, Unit

__all__ = [
    "MISSILE_KINDS",
    "SAM_KINDS",
    "CountedUnit",
    "Counting",
    "Deployment",
    "OrderOfBattle",
    "SkippedUnit",
    "Stationed",
    "area_of",
    "deployments",
    "order_of_battle",
    "personnel_of",
    "place_point",
    "stationed",
]

MISSILE_KINDS = frozenset({"ballistic-missile", "cruise-missile", "hypersonic-missile", "irbm",
                           "mlrs"})
"""Weapon-system kinds that strike ground targets at range."""

SAM_KINDS = frozenset({"sam"})
"""Weapon-system kinds that defend airspace."""


# -- where -----------------------------------------------------------------------------------
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


def personnel_of(unit: Unit, day: dt.date | None = None) -> tuple[int | None, str]:
    """A unit's personnel and where the number came from.

    ``unit.personnel`` when set; else the preferred ``personnel`` figure (or the latest one
    dated on or before ``day``). ``(None, reason)`` when the dataset gives none.
    """
    if unit.personnel is not None:
        return unit.personnel, f"personnel field ({', '.join(unit.sources)})"
    figs = [f for f in unit.figures if f.quantity == "personnel" and f.value is not None
            and (day is None or f.as_of is None or f.as_of <= day)]
    if not figs:
        return None, "no personnel figure"
    pref = [f for f in figs if f.preferred]
    fig = pref[0] if pref else max(figs, key=lambda f: f.as_of or dt.date.min)
    assert fig.value is not None
    dated = f", as of {fig.as_of}" if fig.as_of else ""
    return int(fig.value), f"personnel figure{dated} ({', '.join(fig.sources)})"


@dataclass(frozen=True)
class Stationed:
    """One unit on the slice's date: where it stands and under whom."""

    unit: str
    name: str
    actor: str
    branch: str
    echelon: str
    deployment: str
    parent: str | None
    parent_name: str | None
    garrison: str | None
    garrison_name: str | None
    area: str | None
    lat: float | None
    lon: float | None
    personnel: int | None
    personnel_from: str
    status: str


def _name(catalog: Catalog, rid: str | None) -> str | None:
    if rid is None:
        return None
    for kind in ("units", "command_bodies"):
        rec = catalog.records.get(kind, {}).get(rid)
        if rec is not None:
            return str(rec.name)
    return rid


def stationed(catalog: Catalog) -> list[Stationed]:
    """Every unit of ``catalog`` (slice it with :meth:`Catalog.as_of` first), sorted by id."""
    out: list[Stationed] = []
    for u in sorted(catalog.units.values(), key=lambda x: x.id):
        place = catalog.places.get(u.garrison) if u.garrison else None
        pers, pers_from = personnel_of(u, catalog.as_of_date)
        out.append(Stationed(
            unit=u.id, name=u.name, actor=u.actor, branch=u.branch, echelon=u.echelon,
            deployment=u.deployment, parent=u.parent, parent_name=_name(catalog, u.parent),
            garrison=place.id if place else None, garrison_name=place.name if place else None,
            area=area_of(place) if place else None, lat=place.lat if place else None,
            lon=place.lon if place else None, personnel=pers, personnel_from=pers_from,
            status=u.status.value))
    return out


# -- counted how -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Counting:
    """How strength is counted: brigade equivalents per echelon, personnel per brigade.

    A counting convention (``hypothetical`` unless a source is named); the scenario states it.
    """

    echelon_weights: Mapping[str, float]
    personnel_per_brigade: float
    status: str = "hypothetical"
    sources: tuple[str, ...] = ()
    note: str | None = None

    def strength(self, s: Stationed) -> tuple[float, str, str]:
        """Brigade equivalents of ``s``, the basis (``personnel``/``echelon``) and the
        derivation in words."""
        if s.personnel is not None and s.personnel > 0:
            be = s.personnel / self.personnel_per_brigade
            return be, "personnel", (
                f"{s.personnel:,} personnel / {self.personnel_per_brigade:,.0f} per brigade "
                f"equivalent = {be:.2f} ({s.personnel_from})")
        w = float(self.echelon_weights.get(s.echelon, 0.0))
        return w, "echelon", (f"echelon {s.echelon} = {w:g} brigade equivalents "
                              "(no personnel figure)")


@dataclass(frozen=True)
class CountedUnit:
    """A unit counted in an order of battle."""

    unit: str
    name: str
    actor: str
    branch: str
    echelon: str
    deployment: str
    parent: str | None
    parent_name: str | None
    garrison: str
    garrison_name: str
    area: str | None
    lat: float
    lon: float
    brigades: float
    basis: str
    derivation: str
    distance_km: float | None = None


@dataclass(frozen=True)
class SkippedUnit:
    """A unit of the side's scope left out of the count, with the reason."""

    unit: str
    name: str
    actor: str
    reason: str


@dataclass(frozen=True)
class OrderOfBattle:
    """A side's units counted once, with its strength and the units left out."""

    side: str
    date: str | None
    counted: list[CountedUnit]
    skipped: list[SkippedUnit]
    brigades: float
    counting: Counting
    notes: list[str] = field(default_factory=list)


def _in_scope(s: Stationed, areas: Collection[str] | None,
              actors: Collection[str] | None) -> bool:
    if actors is not None and s.actor not in actors:
        return False
    if areas is None:
        return True
    return s.area in areas if s.garrison is not None else True


def order_of_battle(
    catalog: Catalog,
    *,
    side: str,
    counting: Counting,
    branches: Collection[str],
    areas: Collection[str] | None = None,
    actors: Collection[str] | None = None,
    objective: GeoPoint | None = None,
    units: Collection[str] | None = None,
) -> OrderOfBattle:
    """The units of a side counted once, in brigade equivalents.

    Parameters
    ----------
    catalog
        A dated slice (:meth:`Catalog.as_of`).
    side
        A label (``Red``, ``Blue``).
    counting
        The counting convention.
    branches
        Branches counted (e.g. ground, airborne, multinational); others are skipped.
    areas, actors
        The side's scope: units of ``actors`` (all when ``None``) garrisoned in ``areas``
        (anywhere when ``None``). Units of the scope without a garrison are skipped.
    objective
        When given, each counted unit's geodesic distance to it.
    units
        Restrict the scope to these unit ids (used to test the counting rule).

    The rule: among the units of the scope with a strength, a unit one of whose descendants
    (by ``parent``) is counted is skipped, as counted through them.
    """
    scope = [s for s in stationed(catalog)
             if _in_scope(s, areas, actors) and (units is None or s.unit in units)]
    skipped: list[SkippedUnit] = []
    strong: dict[str, tuple[Stationed, float, str, str]] = {}
    weak: list[tuple[Stationed, str]] = []
    for s in scope:
        if s.branch not in branches:
            skipped.append(SkippedUnit(s.unit, s.name, s.actor,
                                       f"branch {s.branch!r} is not counted in the land balance"))
            continue
        if s.garrison is None:
            weak.append((s, "no garrison place in the dataset (location unknown)"))
            continue
        be, basis, how = counting.strength(s)
        if be <= 0:
            weak.append((s, f"echelon {s.echelon!r} counts 0 and no personnel figure is given"))
            continue
        strong[s.unit] = (s, be, basis, how)
    # units with a counted descendant are counted through it
    through: dict[str, list[str]] = {}
    for uid in strong:
        seen: set[str] = set()
        parent = catalog.units[uid].parent
        while parent is not None and parent in catalog.units and parent not in seen:
            seen.add(parent)
            through.setdefault(parent, []).append(uid)
            parent = catalog.units[parent].parent

    def through_reason(uid: str) -> str:
        names = ", ".join(sorted(strong[c][0].name for c in through[uid]))
        return (f"counted through its listed subordinate units ({names}); the dataset lists "
                f"{len(through[uid])} of them")

    for s, why in weak:
        skipped.append(SkippedUnit(s.unit, s.name, s.actor,
                                   through_reason(s.unit) if s.unit in through else why))
    counted: list[CountedUnit] = []
    for uid, (s, be, basis, how) in strong.items():
        if uid in through:
            skipped.append(SkippedUnit(s.unit, s.name, s.actor, through_reason(uid)))
            continue
        assert s.garrison is not None and s.garrison_name is not None
        assert s.lat is not None and s.lon is not None
        d = None if objective is None else distance(
            GeoPoint(s.lat, s.lon, s.garrison_name), objective).distance_km
        counted.append(CountedUnit(
            unit=s.unit, name=s.name, actor=s.actor, branch=s.branch, echelon=s.echelon,
            deployment=s.deployment, parent=s.parent, parent_name=s.parent_name,
            garrison=s.garrison, garrison_name=s.garrison_name, area=s.area, lat=s.lat,
            lon=s.lon, brigades=be, basis=basis, derivation=how, distance_km=d))
    counted.sort(key=lambda c: c.unit)
    skipped.sort(key=lambda k: k.unit)
    date = catalog.as_of_date.isoformat() if catalog.as_of_date else None
    return OrderOfBattle(side, date, counted, skipped, float(sum(c.brigades for c in counted)),
                         counting)


# -- weapon systems at garrisons -------------------------------------------------------------
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
    range_km: float | None
    nuclear_capable: bool | None
    place_id: str
    place_name: str
    lat: float
    lon: float
    deployment: str
    sources: tuple[str, ...]
    area: str | None = None
    sited: str = "garrison"


def deployments(
    catalog: Catalog,
    *,
    actors: Collection[str] = ("BY", "RU"),
    kinds: Collection[str] = MISSILE_KINDS | SAM_KINDS,
    areas: Collection[str] | None = None,
    require_range: bool = True,
    placements: Mapping[str, str] | None = None,
) -> list[Deployment]:
    """Weapon systems at the garrisons of the units of ``actors`` (in ``areas`` if given).

    Units without a garrison are left out unless ``placements`` (unit id -> place id, a
    scenario's stated assumption) sites them; systems without ``range_km`` are left out
    when ``require_range``. Sorted by system, then unit id, so the order is stable.
    """
    out: list[Deployment] = []
    placements = placements or {}
    for unit in catalog.units.values():
        if unit.actor not in actors:
            continue
        sited = "garrison"
        pid = unit.garrison
        if pid is None and unit.id in placements:
            pid, sited = placements[unit.id], "scenario placement (hypothetical)"
        place = catalog.places.get(pid) if pid else None
        if place is None:
            continue
        area = area_of(place)
        if areas is not None and area not in areas:
            continue
        for sid in unit.weapon_systems:
            system = catalog.weapon_systems.get(sid)
            if system is None or system.kind not in kinds:
                continue
            if require_range and system.range_km is None:
                continue
            out.append(Deployment(
                unit_id=unit.id, unit_name=unit.name, actor=unit.actor, system_id=system.id,
                system_name=system.name, kind=system.kind, range_km=system.range_km,
                nuclear_capable=system.nuclear_capable, place_id=place.id,
                place_name=place.name, lat=place.lat, lon=place.lon,
                deployment=unit.deployment,
                sources=tuple(dict.fromkeys([*unit.sources, *system.sources])),
                area=area, sited=sited,
            ))
    return sorted(out, key=lambda d: (d.system_id, d.unit_id))
