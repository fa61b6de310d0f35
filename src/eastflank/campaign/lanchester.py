"""Lanchester attrition laws: the general power law, its classical cases, and integration.

Every law here is a case of the general daily-casualty form used by Bracken (1995) and
Fricker (1998)::

    ΔB = a · d**(+s) · R**p · B**q        (Blue's losses)
    ΔR = b · d**(-s) · B**p · R**q        (Red's losses)

with ``s = +1`` on days Blue attacks, ``-1`` on days Red attacks and ``0`` when no posture is
given; ``d`` is the attacker/defender factor (``d > 1`` makes attacking cost the attacker
more, following Bracken's tactical parameter). The classical laws fix the exponents:

========== === === ==========================================================
law         p   q  reading
========== === === ==========================================================
linear      1   1  area fire: losses grow with both forces
square      1   0  aimed fire: losses grow with the enemy's force only
logarithmic 0   1  losses grow with one's own force only (exposure)
general     p   q  free exponents (Hartley's mixed law is p = 0.4, q = 0.75)
========== === === ==========================================================

Units: forces and losses in the same unit (men, or weighted "combat force"); time in days;
``a`` and ``b`` in losses per day per unit of ``R**p B**q``.

References
----------
.. [1] J. H. Engel, "A verification of Lanchester's law", J. Oper. Res. Soc. America
   2(2):163-171, 1954.
.. [2] J. Bracken, "Lanchester models of the Ardennes campaign", Naval Research Logistics
   42:559-577, 1995.
.. [3] R. D. Fricker, "Attrition models of the Ardennes campaign", Naval Research Logistics
   45:1-22, 1998.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy.integrate import solve_ivp

from eastflank.errors import ModelInputError

__all__ = [
    "LAW_EXPONENTS",
    "AttritionLaw",
    "Law",
    "Pulse",
    "Trajectory",
    "daily_losses",
    "integrate",
    "integrate_fixed_step",
]

FloatArray = NDArray[np.float64]


class Law(StrEnum):
    """Named Lanchester laws (see the module docstring for their exponents)."""

    LINEAR = "linear"
    SQUARE = "square"
    LOGARITHMIC = "logarithmic"
    GENERAL = "general"


LAW_EXPONENTS: dict[Law, tuple[float, float]] = {
    Law.LINEAR: (1.0, 1.0),
    Law.SQUARE: (1.0, 0.0),
    Law.LOGARITHMIC: (0.0, 1.0),
}
"""Exponents ``(p, q)`` of the classical laws; the general law has free exponents."""


@dataclass(frozen=True)
class AttritionLaw:
    """One attrition law with its coefficients.

    Parameters
    ----------
    a
        Blue's loss coefficient (losses per day per unit of ``R**p B**q``).
    b
        Red's loss coefficient (losses per day per unit of ``B**p R**q``).
    p
        Exponent on the enemy's force.
    q
        Exponent on one's own force.
    d
        Attacker/defender factor; 1 means posture does not matter.

    Examples
    --------
    >>> law = AttritionLaw.of("square", a=0.0544, b=0.0106)
    >>> (law.p, law.q)
    (1.0, 0.0)
    >>> round(float(daily_losses(law, 60000.0, 20000.0)[0]), 1)  # Blue loses a*R
    1088.0
    """

    a: float
    b: float
    p: float = 1.0
    q: float = 0.0
    d: float = 1.0

    def __post_init__(self) -> None:
        for name in ("a", "b", "d"):
            value = getattr(self, name)
            if not np.isfinite(value) or value < 0 or (name == "d" and value == 0):
                raise ModelInputError(
                    f"attrition coefficient {name!r}: expected a finite value "
                    f"{'> 0' if name == 'd' else '>= 0'}, got {value!r}"
                )
        for name in ("p", "q"):
            if not np.isfinite(getattr(self, name)):
                raise ModelInputError(f"exponent {name!r}: expected a finite number")

    @classmethod
    def of(cls, law: Law | str, a: float, b: float, *, p: float | None = None,
           q: float | None = None, d: float = 1.0) -> AttritionLaw:
        """A law by name; ``p`` and ``q`` are needed for ``general`` and fixed otherwise.

        Raises
        ------
        ModelInputError
            If the name is unknown, or exponents are missing for (or given to a fixed) law.
        """
        named = _law(law)
        if named is Law.GENERAL:
            if p is None or q is None:
                raise ModelInputError("law 'general': expected both exponents p and q")
            return cls(a, b, float(p), float(q), d)
        if p is not None or q is not None:
            raise ModelInputError(
                f"law {named.value!r} fixes its exponents; use law 'general' to give p and q"
            )
        fp, fq = LAW_EXPONENTS[named]
        return cls(a, b, fp, fq, d)


def _law(law: Law | str) -> Law:
    try:
        return Law(law)
    except ValueError:
        names = ", ".join(x.value for x in Law)
        raise ModelInputError(f"unknown attrition law {law!r}; expected one of: {names}") from None


def daily_losses(
    law: AttritionLaw, blue: ArrayLike, red: ArrayLike, posture: ArrayLike = 0.0
) -> tuple[FloatArray, FloatArray]:
    """Loss rates ``(ΔB, ΔR)`` per day for forces ``blue`` and ``red`` (broadcast).

    Parameters
    ----------
    law
        The attrition law.
    blue, red
        Forces (non-negative); a side at zero neither loses more nor inflicts losses.
    posture
        ``+1`` where Blue attacks, ``-1`` where Red attacks, ``0`` for no posture.

    Returns
    -------
    tuple of ndarray
        Blue's and Red's loss rates, same unit as the forces, per day.
    """
    bb = np.clip(np.asarray(blue, dtype=float), 0.0, None)
    rr = np.clip(np.asarray(red, dtype=float), 0.0, None)
    s = np.asarray(posture, dtype=float)
    alive = (bb > 0) & (rr > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        db = law.a * law.d**s * np.power(rr, law.p) * np.power(bb, law.q)
        dr = law.b * law.d ** (-s) * np.power(bb, law.p) * np.power(rr, law.q)
    db = np.where(alive, db, 0.0)
    dr = np.where(alive, dr, 0.0)
    return db, dr


@dataclass(frozen=True)
class Pulse:
    """A reinforcement arriving at a constant rate over ``[start, end)`` (days).

    ``amount`` is the total that arrives; the rate is ``amount / (end - start)``.
    """

    side: str
    start: float
    end: float
    amount: float

    def __post_init__(self) -> None:
        if self.side not in ("blue", "red"):
            raise ModelInputError(
                f"reinforcement side: expected 'blue' or 'red', got {self.side!r}")
        if not self.end > self.start >= 0 or self.amount < 0:
            raise ModelInputError(
                f"reinforcement: expected 0 <= start < end and amount >= 0, got "
                f"start={self.start}, end={self.end}, amount={self.amount}"
            )

    @property
    def rate(self) -> float:
        """Arrival rate, per day."""
        return self.amount / (self.end - self.start)


@dataclass(frozen=True)
class Trajectory:
    """Forces over time from :func:`integrate` (``t`` in days)."""

    t: FloatArray
    blue: FloatArray
    red: FloatArray
    law: AttritionLaw
    method: str
    notes: list[str] = field(default_factory=list)

    def at(self, day: float) -> tuple[float, float]:
        """Blue and Red forces at ``day`` (linear interpolation on the stored grid)."""
        return (float(np.interp(day, self.t, self.blue)), float(np.interp(day, self.t, self.red)))


def _inflow(pulses: Sequence[Pulse], side: str) -> Callable[[float], float]:
    own = [p for p in pulses if p.side == side]

    def rate(t: float) -> float:
        return sum(p.rate for p in own if p.start <= t < p.end)

    return rate


def integrate(
    law: AttritionLaw,
    blue0: float,
    red0: float,
    days: float,
    *,
    reinforcements: Sequence[Pulse] = (),
    posture: Callable[[float], float] | None = None,
    step: float = 0.01,
    rtol: float = 1e-10,
    atol: float = 1e-6,
) -> Trajectory:
    """Integrate the continuous law ``dB/dt = P_B(t) - ΔB``, ``dR/dt = P_R(t) - ΔR``.

    The right-hand side is piecewise smooth: the integration restarts at every reinforcement
    start and end, and a side that reaches zero stays at zero until reinforced (a force
    cannot become negative). Uses :func:`scipy.integrate.solve_ivp` (DOP853).

    Parameters
    ----------
    law
        The attrition law.
    blue0, red0
        Initial forces.
    days
        Length of the run (days).
    reinforcements
        Arrivals as constant-rate pulses.
    posture
        Optional function of time giving ``+1`` (Blue attacks), ``-1`` (Red attacks) or 0.
    step
        Spacing of the returned grid (days).
    rtol, atol
        Tolerances of the integrator.

    Returns
    -------
    Trajectory

    Examples
    --------
    Engel's Iwo Jima model (square law, US landings as inflow; N(36) ≈ 217):

    >>> law = AttritionLaw.of("square", a=0.0544, b=0.0106)
    >>> landings = [Pulse("blue", 0, 1, 54000), Pulse("blue", 2, 3, 6000),
    ...             Pulse("blue", 5, 6, 13000)]
    >>> tr = integrate(law, 0.0, 21500.0, 36.0, reinforcements=landings)
    >>> round(tr.at(36)[0], -2), round(tr.at(36)[1])
    (52000.0, 217)
    """
    if blue0 < 0 or red0 < 0 or not days > 0 or not step > 0:
        raise ModelInputError(
            f"integrate: expected forces >= 0, days > 0 and step > 0, got blue0={blue0}, "
            f"red0={red0}, days={days}, step={step}"
        )
    blue_in = _inflow(reinforcements, "blue")
    red_in = _inflow(reinforcements, "red")
    pose = posture or (lambda _t: 0.0)
    breaks = sorted({0.0, float(days)} | {
        x for p in reinforcements for x in (p.start, p.end) if 0.0 < x < days
    })
    grid = np.arange(0.0, days + step / 2, step)
    grid[-1] = min(grid[-1], days)

    def rhs(t: float, y: FloatArray) -> list[float]:
        db, dr = daily_losses(law, y[0], y[1], pose(t))
        return [blue_in(t) - float(db), red_in(t) - float(dr)]

    def hits_zero(side: int) -> Callable[[float, FloatArray], float]:
        def event(_t: float, y: FloatArray) -> float:
            return float(y[side])

        event.terminal = True  # type: ignore[attr-defined]
        event.direction = -1  # type: ignore[attr-defined]
        return event

    ts: list[FloatArray] = []
    ys: list[FloatArray] = []
    y = np.array([blue0, red0], dtype=float)
    for t0, t1 in itertools.pairwise(breaks):
        t = t0
        while t < t1:
            sides = [i for i in (0, 1) if y[i] > 0]
            sol = solve_ivp(rhs, (t, t1), y, method="DOP853", dense_output=True,
                            events=[hits_zero(i) for i in sides], rtol=rtol, atol=atol)
            if not sol.success:  # pragma: no cover - a solver failure is our bug
                raise ModelInputError(f"integration failed at t={t}: {sol.message}")
            t_end = float(sol.t[-1])
            sel = grid[(grid >= t) & (grid <= t_end)]
            ts.append(sel)
            ys.append(np.clip(sol.sol(sel), 0.0, None) if len(sel) else np.empty((2, 0)))
            y = np.clip(sol.y[:, -1], 0.0, None)
            if sol.status == 1:  # a side reached zero: it stays there until reinforced
                for k, side in enumerate(sides):
                    if len(sol.t_events[k]):
                        y[side] = 0.0
            t = t_end
            if sol.status == 1 and not np.any(y > 0):
                break
    t_all = np.concatenate([*ts, [float(days)]])
    y_all = np.concatenate([*ys, y[:, None]], axis=1)
    t_all, keep = np.unique(t_all, return_index=True)
    return Trajectory(t_all, y_all[0, keep], y_all[1, keep], law, "solve_ivp DOP853")


def integrate_fixed_step(
    law: AttritionLaw,
    blue0: ArrayLike,
    red0: ArrayLike,
    days: float,
    *,
    blue_inflow: Callable[[float], ArrayLike] | None = None,
    red_inflow: Callable[[float], ArrayLike] | None = None,
    dt: float = 0.05,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Vectorised classical RK4 over many runs at once (arrays of initial forces).

    Used by the Monte Carlo campaign; :func:`integrate` is its adaptive reference.
    Forces are clipped at zero after every step.

    Parameters
    ----------
    law
        The attrition law; ``a`` and ``b`` may be per-run arrays if given as such via
        :func:`daily_losses` broadcasting.
    blue0, red0
        Initial forces, broadcastable to a common shape (the runs).
    days
        Length of the run (days).
    blue_inflow, red_inflow
        Arrival rates per day as functions of time returning arrays of the runs' shape.
    dt
        Step (days).

    Returns
    -------
    tuple of ndarray
        ``t`` (steps + 1), ``blue`` and ``red`` of shape ``(steps + 1, *runs)``.
    """
    if not dt > 0 or not days > 0:
        raise ModelInputError(
            f"integrate_fixed_step: expected dt > 0 and days > 0, got {dt}, {days}")
    b = np.asarray(blue0, dtype=float)
    r = np.asarray(red0, dtype=float)
    b, r = np.broadcast_arrays(b, r)
    b, r = b.copy(), r.copy()
    n = int(np.ceil(days / dt - 1e-9))
    t = np.linspace(0.0, n * dt, n + 1)
    out_b = np.empty((n + 1, *b.shape))
    out_r = np.empty((n + 1, *r.shape))
    out_b[0], out_r[0] = b, r
    zero = np.zeros_like(b)

    def f(tt: float, bb: FloatArray, rr: FloatArray) -> tuple[FloatArray, FloatArray]:
        db, dr = daily_losses(law, bb, rr)
        pin = np.asarray(blue_inflow(tt), dtype=float) if blue_inflow else zero
        rin = np.asarray(red_inflow(tt), dtype=float) if red_inflow else zero
        return pin - db, rin - dr

    for i in range(n):
        tt = t[i]
        k1 = f(tt, b, r)
        k2 = f(tt + dt / 2, b + dt / 2 * k1[0], r + dt / 2 * k1[1])
        k3 = f(tt + dt / 2, b + dt / 2 * k2[0], r + dt / 2 * k2[1])
        k4 = f(tt + dt, b + dt * k3[0], r + dt * k3[1])
        b = np.clip(b + dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]), 0.0, None)
        r = np.clip(r + dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]), 0.0, None)
        out_b[i + 1], out_r[i + 1] = b, r
    return t, out_b, out_r
