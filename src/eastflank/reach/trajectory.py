"""Flight times of ballistic, quasi-ballistic, IRBM-class, hypersonic and cruise missiles.

Earth model
-----------
A **spherical, non-rotating Earth** (mean radius :data:`EARTH_RADIUS_KM`, gravitational
parameter :data:`MU_KM3_S2`) with no atmosphere above burnout. Earth rotation would change
flight times by well under a minute at these ranges (< 3,000 km) and is left out on purpose;
drag and aerodynamic manoeuvring in the terminal phase are not modelled either, so the
free-flight times are lower bounds for missiles that manoeuvre or glide in the atmosphere.

Ballistic flight
----------------
A **boost phase** (straight-line, constant mean acceleration ``a`` along the burnout
direction: duration ``v/a``, ground distance and height ``½·v·t·cos γ`` and ``½·v·t·sin γ``)
is followed by a **Keplerian arc** from the burnout point to the ground. The arc's speed for a
given flight-path angle ``γ`` and central angle ``ψ`` comes from the conic equation::

    r1/r2 = (1 − cos ψ) / (Q cos²γ) + cos(γ + ψ) / cos γ,   Q = v² r1 / μ

and its time from Kepler's equation. Trajectories:

``minimum-energy``
    the ``γ`` that minimises burnout speed for the range (about 45° − ψ/4);
``depressed``
    below the minimum-energy angle, with a given apogee (or half the minimum-energy angle);
``lofted``
    above it, with a given apogee.

Quasi-ballistic missiles (Iskander's 9M723) are modelled as a depressed arc whose apogee is
the system's stated apogee; cruise missiles fly a speed profile (climb, cruise, route factor).

References
----------
.. [1] R. R. Bate, D. D. Mueller, J. E. White, *Fundamentals of Astrodynamics*, Dover 1971,
   ch. 6 (ballistic missile trajectories; the free-flight range equation).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from scipy import optimize

from eastflank.errors import ModelInputError

__all__ = [
    "EARTH_MODEL",
    "EARTH_RADIUS_KM",
    "MU_KM3_S2",
    "Arc",
    "Boost",
    "CruiseProfile",
    "Flight",
    "ballistic_flight",
    "cruise_flight",
    "free_flight_arc",
    "minimum_energy_angle",
]

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), km."""
MU_KM3_S2 = 398600.4418
"""Earth's gravitational parameter GM, km³/s²."""
EARTH_MODEL = "spherical non-rotating Earth, R = 6371.0 km, GM = 398600.4418 km^3/s^2, no drag"
"""The Earth model every flight time states."""


@dataclass(frozen=True)
class Arc:
    """A Keplerian free-flight arc.

    Attributes
    ----------
    range_km
        Ground range (along the surface) from burnout to impact, km.
    burnout_altitude_km
        Altitude at the start of the arc, km.
    gamma_deg
        Flight-path angle above the local horizontal at burnout, degrees.
    speed_km_s
        Speed at burnout, km/s.
    time_s
        Time from burnout to impact, s.
    apogee_km
        Highest altitude on the arc, km.
    """

    range_km: float
    burnout_altitude_km: float
    gamma_deg: float
    speed_km_s: float
    time_s: float
    apogee_km: float


def _psi(range_km: float) -> float:
    return range_km / EARTH_RADIUS_KM


def _q(psi: float, gamma: float, r1: float, r2: float) -> float:
    """Speed parameter ``Q = v² r1 / μ`` of the conic through both radii (inf if none)."""
    denom = math.cos(gamma) ** 2 * (r1 / r2 - math.cos(gamma + psi) / math.cos(gamma))
    return (1.0 - math.cos(psi)) / denom if denom > 0 else math.inf


def _arc(psi: float, gamma: float, h1: float) -> Arc:
    r1, r2 = EARTH_RADIUS_KM + h1, EARTH_RADIUS_KM
    q = _q(psi, gamma, r1, r2)
    if not (0 < q < 2):
        raise ModelInputError(
            f"no sub-orbital arc for range {psi * EARTH_RADIUS_KM:.0f} km at flight-path "
            f"angle {math.degrees(gamma):.1f} deg"
        )
    v = math.sqrt(q * MU_KM3_S2 / r1)
    a = r1 / (2.0 - q)
    p = r1 * q * math.cos(gamma) ** 2
    e = math.sqrt(max(0.0, 1.0 - p / a))
    # true anomaly at burnout: r1 = p / (1 + e cos ν), ascending (sin ν > 0) when γ > 0
    cos_nu1 = (p / r1 - 1.0) / e
    nu1 = math.acos(max(-1.0, min(1.0, cos_nu1)))
    if gamma < 0:
        nu1 = 2 * math.pi - nu1
    nu2 = nu1 + psi

    def mean_anomaly(nu: float) -> float:
        ecc = 2.0 * math.atan2(math.sqrt(1 - e) * math.sin(nu / 2),
                               math.sqrt(1 + e) * math.cos(nu / 2))
        if ecc < 0:
            ecc += 2 * math.pi
        return ecc - e * math.sin(ecc)

    n = math.sqrt(MU_KM3_S2 / a**3)
    t = (mean_anomaly(nu2) - mean_anomaly(nu1)) / n
    passes_apogee = nu1 < math.pi < nu2
    apogee = a * (1 + e) - EARTH_RADIUS_KM if passes_apogee else max(h1, 0.0)
    return Arc(psi * EARTH_RADIUS_KM, h1, math.degrees(gamma), v, t, apogee)


def minimum_energy_angle(range_km: float, burnout_altitude_km: float = 0.0) -> float:
    """Flight-path angle (degrees) that minimises burnout speed for a free-flight range.

    Equal to ``45° − ψ/4`` (ψ the central angle) when burnout is at ground level.

    Examples
    --------
    >>> round(minimum_energy_angle(300.0), 2)
    44.33
    """
    _check_range(range_km)
    psi = _psi(range_km)
    r1, r2 = EARTH_RADIUS_KM + burnout_altitude_km, EARTH_RADIUS_KM
    res = optimize.minimize_scalar(lambda g: _q(psi, g, r1, r2), bounds=(1e-4, math.pi / 2 - 1e-4),
                                   method="bounded", options={"xatol": 1e-10})
    return math.degrees(float(res.x))


def _check_range(range_km: float) -> None:
    if not (math.isfinite(range_km) and 0 < range_km < math.pi * EARTH_RADIUS_KM):
        raise ModelInputError(
            f"range {range_km!r} km: expected a ground range between 0 and "
            f"{math.pi * EARTH_RADIUS_KM:.0f} km"
        )


def free_flight_arc(
    range_km: float,
    trajectory: str = "minimum-energy",
    *,
    apogee_km: float | None = None,
    gamma_deg: float | None = None,
    burnout_altitude_km: float = 0.0,
) -> Arc:
    """The Keplerian arc covering ``range_km`` from a burnout altitude to the ground.

    Parameters
    ----------
    range_km
        Ground range of the free flight, km.
    trajectory
        ``minimum-energy``, ``depressed`` or ``lofted``.
    apogee_km
        For ``depressed`` and ``lofted``: the apogee to fly to. A ``depressed`` arc without
        apogee flies at half the minimum-energy angle.
    gamma_deg
        An explicit flight-path angle (overrides ``trajectory``).
    burnout_altitude_km
        Altitude where the arc starts.

    Raises
    ------
    ModelInputError
        If the range is out of bounds, the trajectory unknown, or no arc of that kind has the
        apogee asked for (e.g. a depressed arc with an apogee above the minimum-energy one).

    Examples
    --------
    >>> arc = free_flight_arc(1000.0)
    >>> round(arc.time_s / 60, 1), round(arc.apogee_km)
    (7.9, 240)
    """
    _check_range(range_km)
    psi = _psi(range_km)
    h1 = burnout_altitude_km
    if gamma_deg is not None:
        if not 0 < gamma_deg < 90:
            raise ModelInputError(f"gamma_deg {gamma_deg!r}: expected 0 < angle < 90 degrees")
        return _arc(psi, math.radians(gamma_deg), h1)
    g_opt = math.radians(minimum_energy_angle(range_km, h1))
    if trajectory == "minimum-energy":
        return _arc(psi, g_opt, h1)
    if trajectory not in ("depressed", "lofted"):
        raise ModelInputError(
            f"unknown trajectory {trajectory!r}; expected minimum-energy, depressed or lofted"
        )
    if apogee_km is None:
        if trajectory == "lofted":
            raise ModelInputError("a lofted trajectory needs its apogee_km")
        return _arc(psi, g_opt / 2, h1)
    opt = _arc(psi, g_opt, h1)
    lo, hi = (1e-5, g_opt) if trajectory == "depressed" else (g_opt, _steepest(psi, h1, g_opt))
    f_lo = _arc(psi, lo, h1).apogee_km - apogee_km if trajectory == "depressed" else (
        opt.apogee_km - apogee_km)
    f_hi = opt.apogee_km - apogee_km if trajectory == "depressed" else (
        _arc(psi, hi, h1).apogee_km - apogee_km)
    if f_lo > 0 or f_hi < 0:
        raise ModelInputError(
            f"no {trajectory} arc over {range_km:.0f} km reaches apogee {apogee_km:g} km; the "
            f"minimum-energy apogee is {opt.apogee_km:.0f} km"
        )
    g = optimize.brentq(lambda x: _arc(psi, x, h1).apogee_km - apogee_km, lo, hi, xtol=1e-12)
    return _arc(psi, g, h1)


def _steepest(psi: float, h1: float, g_opt: float) -> float:
    """The steepest flight-path angle that still gives a sub-orbital arc (bisection)."""
    r1, r2 = EARTH_RADIUS_KM + h1, EARTH_RADIUS_KM
    top = math.pi / 2 - 1e-6
    if 0 < _q(psi, top, r1, r2) < 2:
        return top
    lo, hi = g_opt, top
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if 0 < _q(psi, mid, r1, r2) < 1.999999 else (lo, mid)
    return lo


@dataclass(frozen=True)
class Boost:
    """Boost phase: a straight-line burn at constant mean acceleration (an assumption).

    Attributes
    ----------
    mean_acceleration_m_s2
        Mean acceleration along the flight path during the burn, m/s².
    source
        Where the value comes from (a scenario-data id or a note).
    """

    mean_acceleration_m_s2: float
    source: str = "assumption"

    def __post_init__(self) -> None:
        if not self.mean_acceleration_m_s2 > 0:
            raise ModelInputError(
                f"boost mean_acceleration_m_s2: expected > 0, got {self.mean_acceleration_m_s2}"
            )


@dataclass(frozen=True)
class Flight:
    """A flight time with every assumption stated.

    Attributes
    ----------
    range_km
        Ground range launch to impact, km.
    flight_time_s
        Launch to impact, s.
    trajectory
        ``minimum-energy``, ``depressed``, ``lofted``, ``quasi-ballistic``, ``cruise`` or
        ``hypersonic``.
    assumption
        One sentence stating the trajectory and Earth model behind the value.
    """

    range_km: float
    flight_time_s: float
    trajectory: str
    assumption: str
    boost_time_s: float = 0.0
    free_flight_time_s: float = 0.0
    burnout_speed_km_s: float | None = None
    gamma_deg: float | None = None
    apogee_km: float | None = None
    earth_model: str = EARTH_MODEL
    notes: list[str] = field(default_factory=list)

    @property
    def flight_time_min(self) -> float:
        """Flight time in minutes."""
        return self.flight_time_s / 60.0


def ballistic_flight(
    range_km: float,
    trajectory: str = "minimum-energy",
    *,
    apogee_km: float | None = None,
    boost: Boost | None = None,
) -> Flight:
    """Flight time of a ballistic missile: boost phase plus Keplerian arc.

    The boost covers part of the range and lifts the missile to its burnout altitude; the
    two are solved together by fixed-point iteration (the boost is a small share of the
    range, so it converges in a few steps).

    Parameters
    ----------
    range_km
        Ground range, km.
    trajectory
        ``minimum-energy``, ``depressed`` or ``lofted`` (see :func:`free_flight_arc`).
    apogee_km
        Apogee for ``depressed``/``lofted``.
    boost
        The boost phase; ``None`` means burnout at the launch point (an impulsive start).

    Examples
    --------
    >>> f = ballistic_flight(300.0, boost=Boost(100.0))
    >>> 3 * 60 < f.flight_time_s < 6 * 60
    True
    """
    _check_range(range_km)
    ff_range, h_b, t_b = range_km, 0.0, 0.0
    arc = free_flight_arc(range_km, trajectory, apogee_km=apogee_km)
    if boost is not None:
        for _ in range(50):
            v = arc.speed_km_s * 1000.0
            t_b = v / boost.mean_acceleration_m_s2
            path_km = 0.5 * v * t_b / 1000.0
            g = math.radians(arc.gamma_deg)
            new_range = range_km - path_km * math.cos(g)
            h_b = path_km * math.sin(g)
            if new_range <= 0:
                raise ModelInputError(
                    f"range {range_km:g} km is shorter than the boost phase covers; "
                    "expected a longer range or a faster boost"
                )
            arc = free_flight_arc(new_range, trajectory, apogee_km=apogee_km,
                                  burnout_altitude_km=h_b)
            if abs(new_range - ff_range) < 1e-6:
                break
            ff_range = new_range
    what = {"minimum-energy": "minimum-energy ballistic trajectory",
            "depressed": "depressed ballistic trajectory",
            "lofted": "lofted ballistic trajectory"}[trajectory]
    if apogee_km is not None:
        what += f" (apogee {apogee_km:g} km)"
    elif trajectory == "depressed":
        what += " (half the minimum-energy flight-path angle)"
    boost_txt = (f"boost at {boost.mean_acceleration_m_s2:g} m/s^2 mean acceleration"
                 if boost else "impulsive launch (no boost phase)")
    return Flight(
        range_km=range_km,
        flight_time_s=t_b + arc.time_s,
        trajectory=trajectory,
        assumption=f"{what}; {boost_txt}; Keplerian free flight over a {EARTH_MODEL}",
        boost_time_s=t_b,
        free_flight_time_s=arc.time_s,
        burnout_speed_km_s=arc.speed_km_s,
        gamma_deg=arc.gamma_deg,
        apogee_km=max(arc.apogee_km, h_b),
    )


@dataclass(frozen=True)
class CruiseProfile:
    """Speed profile of a cruise missile (assumptions, from scenario data).

    Attributes
    ----------
    cruise_speed_kmh
        Speed on the cruise leg, km/h.
    launch_phase_s
        Time of the launch and climb phase before cruise, s.
    launch_phase_km
        Ground distance covered in that phase, km.
    route_factor
        Flown distance over great-circle distance (≥ 1: dog-legs around air defences).
    """

    cruise_speed_kmh: float
    launch_phase_s: float = 0.0
    launch_phase_km: float = 0.0
    route_factor: float = 1.0
    source: str = "assumption"

    def __post_init__(self) -> None:
        if not self.cruise_speed_kmh > 0 or self.route_factor < 1 or self.launch_phase_s < 0 \
                or self.launch_phase_km < 0:
            raise ModelInputError(
                "cruise profile: expected cruise_speed_kmh > 0, route_factor >= 1 and "
                f"non-negative launch phase, got {self}"
            )


def cruise_flight(range_km: float, profile: CruiseProfile, trajectory: str = "cruise") -> Flight:
    """Flight time on a speed profile: launch phase, then cruise at constant speed.

    Also used for ``hypersonic`` flight (a constant mean speed) with ``trajectory``
    ``hypersonic``.

    Examples
    --------
    >>> round(cruise_flight(800.0, CruiseProfile(800.0)).flight_time_s / 3600, 2)
    1.0
    """
    _check_range(range_km)
    flown = range_km * profile.route_factor
    leg = max(0.0, flown - profile.launch_phase_km)
    t = profile.launch_phase_s + leg / profile.cruise_speed_kmh * 3600.0
    return Flight(
        range_km=range_km,
        flight_time_s=t,
        trajectory=trajectory,
        assumption=(f"{trajectory} at a constant {profile.cruise_speed_kmh:g} km/h after a "
                    f"{profile.launch_phase_s:g} s launch phase; route {profile.route_factor:g}x "
                    "the great-circle distance"),
        boost_time_s=profile.launch_phase_s,
        free_flight_time_s=t - profile.launch_phase_s,
        earth_model="great-circle distance on WGS84; speed profile, no trajectory physics",
    )


def flight_times_grid(ranges_km: np.ndarray, trajectory: str = "minimum-energy",
                      boost: Boost | None = None) -> np.ndarray:
    """Flight times (s) for many ranges (a convenience for tables and plots)."""
    return np.array([ballistic_flight(float(r), trajectory, boost=boost).flight_time_s
                     for r in np.asarray(ranges_km, float)])
