"""Event-by-event reference of the warning-time model, with SimPy.

The same model as :func:`eastflank.warning.simulate`, written independently as a discrete-event
simulation: each sample is a SimPy environment in which every force (passing the links of its
command chain one after the other, then moving and making ready) and every indicator is a
process; a link two chains share has one value per sample, as in
:func:`eastflank.command.sample_latency`. Draws use Python's :mod:`random` and a scalar
inverse CDF, so agreement with the vectorized model (a two-sample Kolmogorov-Smirnov test
in the tests) checks the event logic and the sampling at once. It is slow by design and
serves as the benchmark's peer.

The options are applied here on their own terms: a coordinated start is a planner process
that knows each force's durations and releases each force's order after the hold that makes
all forces ready together; exercise cover damps the detection probabilities from the
scenario's stated factor; the defender decides at its rule's k-th detection plus its delay.
(Consent ``prior`` is a change of the command chain, applied when the plan is compiled.)

SimPy is a test dependency (``pip install eastflank[test]``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Generator
from typing import Any

import numpy as np
from numpy.typing import NDArray

from eastflank.scenario import Anchor
from eastflank.warning import Var, WarningPlan, resolve_seed

__all__ = ["simulate_ref", "triangular_inverse"]


def triangular_inverse(u: float, lo: float, mode: float, hi: float) -> float:
    """The value of a triangular(lo, mode, hi) distribution at cumulative probability ``u``."""
    if hi <= lo:
        return lo
    cut = (mode - lo) / (hi - lo)
    if u < cut:
        return lo + math.sqrt(u * (hi - lo) * (mode - lo))
    return hi - math.sqrt((1.0 - u) * (hi - lo) * (hi - mode))


def _draw(rng: random.Random, plan: WarningPlan) -> dict[str, float]:
    """One value per quantity; quantities sharing a stream share their uniform."""
    uniforms: dict[str, float] = {}
    values: dict[str, float] = {}
    v: Var
    for v in plan.variables:
        if not v.random:
            values[v.key] = v.min
            continue
        if v.stream_key not in uniforms:
            uniforms[v.stream_key] = rng.random()
        values[v.key] = triangular_inverse(uniforms[v.stream_key], v.min, v.mode, v.max)
    return values


def _duration(plan: WarningPlan, x: dict[str, float], j: int) -> float:
    """Planned duration of force ``j`` from the decision to ready (no hold)."""
    f = plan.forces[j]
    t = sum(x[k] for k in f.order) + x[f.prep] + x[f.readiness]
    if f.speed is not None and f.detour is not None:
        t += f.distance_km * x[f.detour] / x[f.speed]
    if f.unload is not None:
        t += x[f.unload]
    return t


def _one(plan: WarningPlan, rng: random.Random) -> tuple[float, float, float, int]:
    import simpy

    env = simpy.Environment()
    x = _draw(rng, plan)
    cover = plan.options.cover
    detected = [rng.random() < (ind.probability if ind.base_probability is None
                                else ind.base_probability * cover.factor(ind.anchor))
                for ind in plan.indicators]
    if plan.options.start.value == "coordinated":
        plans = [_duration(plan, x, j) for j in range(len(plan.forces))]
        holds = [max(plans) - d for d in plans]
    else:
        holds = [0.0] * len(plan.forces)
    anchors = {a: env.event() for a in Anchor}
    anchor_t: dict[Anchor, float] = {}

    def mark(a: Anchor) -> None:
        if a not in anchor_t:
            anchor_t[a] = env.now
            anchors[a].succeed()

    ready_at: list[float] = [math.inf] * len(plan.forces)

    def force(j: int) -> Generator[simpy.Event, Any, None]:
        f = plan.forces[j]
        if holds[j] > 0:
            yield env.timeout(holds[j])
        for key in f.order:  # the links of its command chain, one after the other
            yield env.timeout(x[key])
        mark(Anchor.ORDER)
        if f.mode == "rail":
            mark(Anchor.RAIL_LOADING)
            mark(Anchor.GARRISON_EXIT)
        yield env.timeout(x[f.prep])
        if f.mode != "rail":
            mark(Anchor.GARRISON_EXIT)
        if f.speed is not None and f.detour is not None:
            yield env.timeout(f.distance_km * x[f.detour] / x[f.speed])
        if f.unload is not None:
            yield env.timeout(x[f.unload])
        mark(Anchor.ARRIVAL)
        yield env.timeout(x[f.readiness])
        ready_at[j] = env.now

    seen: list[float] = [math.inf] * len(plan.indicators)

    def indicator(k: int) -> Generator[simpy.Event, Any, None]:
        ind = plan.indicators[k]
        yield anchors[ind.anchor]
        yield env.timeout(x[ind.onset] + x[ind.lag])
        if detected[k]:
            seen[k] = env.now

    mark(Anchor.DECISION)
    for j in range(len(plan.forces)):
        env.process(force(j))
    for k in range(len(plan.indicators)):
        env.process(indicator(k))
    env.run()
    ready = max(ready_at)
    first = min(range(len(seen)), key=lambda k: seen[k]) if seen else -1
    t_first = seen[first] if first >= 0 else math.inf
    if not t_first < ready:
        first, warning = -1, 0.0
    else:
        warning = ready - t_first
    need = plan.options.decision.detections
    times = sorted(seen)
    decided = (times[need - 1] + x[plan.defender_delay]
               if len(times) >= need and math.isfinite(times[need - 1]) else math.inf)
    margin = ready - decided if math.isfinite(decided) else -math.inf
    return ready, warning, margin, first


def simulate_ref(plan: WarningPlan, samples: int, seed: int | None = None
                 ) -> dict[str, NDArray[Any]]:
    """Run ``samples`` samples of ``plan`` event by event.

    Returns
    -------
    dict
        ``ready_h``, ``warning_h``, ``margin_h`` (decision margin, ``-inf`` where no
        decision) (float arrays) and ``first_indicator`` (int array, -1 for no warning), plus
        ``seed``.
    """
    base = resolve_seed(seed)
    rng = random.Random(base)
    rows = [_one(plan, rng) for _ in range(samples)]
    arr = np.array(rows, dtype=float).reshape(-1, 4)
    return {"ready_h": arr[:, 0], "warning_h": arr[:, 1], "margin_h": arr[:, 2],
            "first_indicator": arr[:, 3].astype(int), "seed": np.array(base)}
