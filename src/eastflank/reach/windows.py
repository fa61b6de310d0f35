"""Flight times and decision windows from launch sites in the dataset to key places, per stage.

Launch sites are the garrisons of units that hold missile systems on the stage date, in the
scenario's launch areas (Belarus, Kaliningrad). A unit's launcher system with missiles in the
dataset (``parent_system``) is expanded to the missiles its actor operates. Each system flies
the trajectory of its kind:

=====================  ======================================================================
kind                   trajectory
=====================  ======================================================================
ballistic-missile      quasi-ballistic (a depressed arc to the stated apogee) when the system
                       states an apogee, else minimum-energy; SRBM boost
irbm                   minimum-energy; IRBM boost
hypersonic-missile     depressed arc (half the minimum-energy angle); SRBM boost
cruise-missile         speed profile (cruise speed, route factor)
=====================  ======================================================================

Decision window = flight time − detection and alert latency (the scenario's assumption).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eastflank.campaign.forces import StageDate, place_point
from eastflank.campaign.scenario import CampaignScenario
from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError
from eastflank.geo import distance
from eastflank.posture import Deployment, deployments
from eastflank.reach.trajectory import Boost, CruiseProfile, Flight, ballistic_flight, cruise_flight
from eastflank.schema import Place, WeaponSystem

__all__ = ["FLYING_KINDS", "LaunchSite", "WindowRow", "WindowsResult", "fly",
           "launch_sites", "reach_windows"]

FLYING_KINDS = ("ballistic-missile", "irbm", "hypersonic-missile", "cruise-missile")
ALL_KINDS = ("ballistic-missile", "cruise-missile", "hypersonic-missile", "irbm", "mlrs", "sam",
             "aircraft", "artillery")


@dataclass(frozen=True)
class LaunchSite:
    """A unit's garrison holding a missile system on the stage date."""

    place: str
    place_name: str
    area: str | None
    unit: str
    system: str
    lat: float
    lon: float


def _missiles(cat: Catalog, system_id: str, actor: str, listed: list[str]) -> list[WeaponSystem]:
    """The missiles a unit fires for one listed system: the system itself, or, for a
    launcher whose missiles the unit does not list, the missiles its actor operates."""
    sys_ = cat.weapon_systems.get(system_id)
    if sys_ is None:
        return []
    children = [w for w in cat.weapon_systems.values() if w.parent_system == system_id]
    if any(w.id in listed for w in children):
        return []  # the unit names its missiles itself
    own = [w for w in children if actor in w.operators and w.kind in FLYING_KINDS]
    if own:
        return own
    return [sys_] if sys_.kind in FLYING_KINDS else []


def launch_sites(cat: Catalog, areas: list[str]) -> list[LaunchSite]:
    """Launch sites in ``areas`` (territory codes) in a dated catalog slice.

    The units and their garrisons come from :func:`eastflank.posture.deployments`; a
    launcher is expanded to the missiles its actor operates (:func:`_missiles`).
    """
    by_unit: dict[str, list[Deployment]] = {}
    for d in deployments(cat, actors=sorted({u.actor for u in cat.units.values()}),
                         kinds=ALL_KINDS, areas=areas, require_range=False):
        by_unit.setdefault(d.unit_id, []).append(d)
    sites: list[LaunchSite] = []
    for uid in sorted(by_unit):
        u = cat.units[uid]
        first = by_unit[uid][0]
        seen: set[str] = set()
        for sid in u.weapon_systems:
            for m in _missiles(cat, sid, u.actor, u.weapon_systems):
                if m.id not in seen:
                    seen.add(m.id)
                    sites.append(LaunchSite(first.place_id, first.place_name, first.area,
                                            u.id, m.id, first.lat, first.lon))
    return sites


def fly(system: WeaponSystem, range_km: float, sc: CampaignScenario) -> Flight:
    """Flight time of ``system`` over ``range_km`` with the scenario's assumptions (modes)."""
    r = sc.reach
    if system.kind == "cruise-missile":
        prof = CruiseProfile(r.cruise_speed_kmh.mode, route_factor=r.cruise_route_factor.mode,
                             source="scenario reach.cruise_speed_kmh")
        return cruise_flight(range_km, prof)
    if system.kind == "irbm":
        return ballistic_flight(range_km, "minimum-energy",
                                boost=Boost(r.irbm_boost_acceleration_m_s2.mode))
    boost = Boost(r.srbm_boost_acceleration_m_s2.mode)
    if system.kind == "hypersonic-missile":
        hyp = ballistic_flight(range_km, "depressed", boost=boost)
        return _with_note(hyp, "air-launched aeroballistic missile modelled as a depressed "
                             "ballistic arc from the launch point (carrier flight not included)")
    if system.kind == "ballistic-missile":
        if system.apogee_km is not None:
            vmax = _max_speed_km_s(system)
            f: Flight | None
            try:
                f = ballistic_flight(range_km, "depressed", apogee_km=system.apogee_km,
                                     boost=boost)
            except ModelInputError:
                f = None
            if f is not None and (vmax is None or (f.burnout_speed_km_s or 0) <= vmax):
                return _with_note(f, f"quasi-ballistic: depressed arc to the stated apogee "
                                     f"{system.apogee_km:g} km; drag and manoeuvres not modelled")
            g = ballistic_flight(range_km, "minimum-energy", boost=boost)
            return _with_note(g, f"apogee {system.apogee_km:g} km not reachable at this range "
                                 "within the stated maximum speed; minimum-energy arc instead")
        return ballistic_flight(range_km, "minimum-energy", boost=boost)
    raise ModelInputError(f"system {system.id!r} of kind {system.kind!r} has no flight model; "
                          f"expected one of {', '.join(FLYING_KINDS)}")


SPEED_OF_SOUND_KM_S = 0.2951
"""Speed of sound in the ISA stratosphere (11-20 km), km/s, to turn a stated Mach into km/s."""


def _max_speed_km_s(system: WeaponSystem) -> float | None:
    if system.max_speed_kmh is not None:
        return system.max_speed_kmh / 3600.0
    if system.max_speed_mach is not None:
        return system.max_speed_mach * SPEED_OF_SOUND_KM_S
    return None


def _with_note(f: Flight, note: str) -> Flight:
    from dataclasses import replace

    return replace(f, trajectory="quasi-ballistic" if "quasi" in note else f.trajectory,
                   assumption=f"{note}; {f.assumption}", notes=[*f.notes, note])


@dataclass(frozen=True)
class WindowRow:
    """The nearest launch site of one system to one target, with its flight and window."""

    target: str
    target_name: str
    system: str
    system_name: str
    kind: str
    nuclear_capable: bool | None
    launch_site: str
    launch_site_name: str
    launch_area: str | None
    unit: str
    distance_km: float
    range_km: float | None
    in_range: bool | None
    flight_time_s: float
    flight_time_min: float
    decision_window_s: float
    decision_window_min: float
    trajectory: str
    assumption: str


@dataclass(frozen=True)
class WindowsResult:
    """Flight-time and decision-window table of a stage."""

    stage: str
    date: str
    date_from: str
    latency_s: float
    latency_range_s: list[float]
    latency_status: str
    latency_sources: list[str]
    rows: list[WindowRow]
    nearest_nuclear: dict[str, WindowRow | None]
    targets: list[str]
    notes: list[str] = field(default_factory=list)


def reach_windows(sc: CampaignScenario, catalog: Catalog, stage: StageDate,
                  targets: list[str] | None = None) -> WindowsResult:
    """Per target and system present at the stage: nearest launch site, distance, flight
    time and decision window.

    Raises
    ------
    UnknownNameError
        If a target is not a place in the dataset.
    """
    cat = catalog.as_of(stage.date)
    tnames = targets or sc.reach.targets
    tplaces: list[Place] = [catalog.resolve(t, kind="places") for t in tnames]
    sites = launch_sites(cat, sc.reach.launch_areas)
    lat = sc.reach.detection_alert_latency_s
    rows: list[WindowRow] = []
    nearest: dict[str, WindowRow | None] = {}
    for tp in tplaces:
        best_nuc: WindowRow | None = None
        by_system: dict[str, tuple[float, LaunchSite]] = {}
        for s in sites:
            d = distance(place_point(tp), place_point(cat.places[s.place])).distance_km
            if s.system not in by_system or d < by_system[s.system][0]:
                by_system[s.system] = (d, s)
        for sid, (d, s) in by_system.items():
            ws = cat.weapon_systems[sid]
            f = fly(ws, d, sc)
            in_range = None if ws.range_km is None else (
                d <= ws.range_km and (ws.min_range_km is None or d >= ws.min_range_km))
            row = WindowRow(
                tp.id, tp.name, ws.id, ws.name, ws.kind, ws.nuclear_capable, s.place,
                s.place_name, s.area, s.unit, d, ws.range_km, in_range, f.flight_time_s,
                f.flight_time_s / 60, f.flight_time_s - lat.mode,
                (f.flight_time_s - lat.mode) / 60, f.trajectory, f.assumption)
            rows.append(row)
            if ws.nuclear_capable and (best_nuc is None or d < best_nuc.distance_km):
                best_nuc = row
        nearest[tp.id] = best_nuc
    notes = ["Distances are geodesic on WGS84 (eastflank.geo.distance) between the garrison "
             "and the target; a launcher may deploy anywhere in its area, so these are "
             "garrison-based.",
             f"Decision window = flight time - {lat.mode:g} s detection/alert latency "
             f"({lat.status.value}; range {lat.min:g}-{lat.max:g} s)."]
    return WindowsResult(stage.stage, stage.date.isoformat(), stage.date_from, lat.mode,
                         [lat.min, lat.max], lat.status.value, list(lat.sources), rows,
                         nearest, [p.id for p in tplaces], notes)


def flight_between(catalog: Catalog, system: str, launch: str, target: str,
                   scenario: str | CampaignScenario = "suwalki-gap-closure") -> dict[str, object]:
    """Flight of ``system`` between two places: every trajectory that applies to its kind.

    Raises
    ------
    UnknownNameError
        If the system or a place is unknown.
    ModelInputError
        If the system has no flight model (e.g. a SAM).
    """
    from eastflank.campaign.scenario import load_campaign_scenario

    sc = scenario if isinstance(scenario, CampaignScenario) else load_campaign_scenario(
        scenario, catalog)
    ws: WeaponSystem = catalog.resolve(system, kind="weapon_systems")
    a: Place = catalog.resolve(launch, kind="places")
    b: Place = catalog.resolve(target, kind="places")
    d = distance(place_point(a), place_point(b)).distance_km
    flights = [fly(ws, d, sc)]
    if ws.kind in ("ballistic-missile", "irbm", "hypersonic-missile"):
        acc = (sc.reach.irbm_boost_acceleration_m_s2 if ws.kind == "irbm"
               else sc.reach.srbm_boost_acceleration_m_s2).mode
        for traj in ("minimum-energy", "depressed"):
            if traj != flights[0].trajectory:
                flights.append(ballistic_flight(d, traj, boost=Boost(acc)))
    in_range = None if ws.range_km is None else d <= ws.range_km
    return {"system": ws.id, "system_name": ws.name, "kind": ws.kind, "from": a.id,
            "from_name": a.name, "to": b.id, "to_name": b.name, "distance_km": d,
            "range_km": ws.range_km, "in_range": in_range,
            "latency_s": sc.reach.detection_alert_latency_s.mode,
            "decision_window_s": flights[0].flight_time_s
            - sc.reach.detection_alert_latency_s.mode,
            "flights": flights}
