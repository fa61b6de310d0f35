"""Monte Carlo of a gap campaign: force ratios over time and P(gap closed before reinforcement).

Each sample draws every uncertain input of the scenario (triangular distributions), then steps
the battle in the gap sector forward in time:

1. **Forces.** Each side's units on the stage date, counted once by
   :func:`eastflank.posture.order_of_battle` (a unit with listed subordinate units counts
   through them; strength in brigade equivalents from personnel where a source gives it, from
   the echelon otherwise). Red: ground, airborne and multinational units garrisoned in the
   scenario's Red areas, plus any forces a study states (``red_forces``); Belarusian units
   fight only where the stage gives a Russian body the authority to initiate combat with them
   (:mod:`eastflank.command`), otherwise only in the samples where Minsk joins
   (``belarus_joins``). Blue: units of the Blue actors, each times its commitment share
   (``blue_commit_share``), as Red's by ``red_commit_share``.
   **Arrivals.** Red units arrive after a road march to the objective; they choose the
   start, so they need no readiness time. Blue units arrive after their readiness delay plus
   road march, less the warning time (Blue starts moving when warned), never before t = 0.
   External reinforcements (NATO high-readiness forces) arrive after their stated delay less
   the warning time.
2. **Attrition.** The general Lanchester law ``ΔB = a·R^p·B^q``, ``ΔR = b·B^p·R^q`` with ``a``
   and ``b`` set so that at parity, at the reference force, each side loses its stated daily
   share.
3. **Movement.** Red advances along the gap axis at ``v_max · clip((R/B − s)/(f − s), 0, 1)``
   (``s`` the stall ratio, ``f`` the full-speed ratio); the gap is closed when the advance
   reaches the gap width measured on the borders (or, with ``advance``, the distance from a
   territory's border to a place, e.g. Riga).

"Reinforcement arrives" when Blue units from outside the forward zone add up to the threshold
(brigade equivalents). The result reports P(gap closed before that), the force ratio's
quantiles per day, the inputs with their sources and status, and the seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from eastflank.campaign.forces import StageDate
from eastflank.campaign.lanchester import LAW_EXPONENTS, Law
from eastflank.campaign.scenario import CampaignScenario, check_campaign_keys
from eastflank.catalog import Catalog
from eastflank.errors import EastflankError, ModelInputError, ScenarioError
from eastflank.geo import GeoPoint, default_region, distance_to_border, gap
from eastflank.posture import (
    CountedUnit,
    Counting,
    OrderOfBattle,
    SkippedUnit,
    order_of_battle,
    place_point,
)
from eastflank.scenario import Dist
from eastflank.warning import JointSamples

__all__ = ["CampaignResult", "InputRecord", "belarus_command", "campaign_counting",
           "campaign_forces", "model_warning_hours", "run_campaign", "sample_dist"]

FloatArray = NDArray[np.float64]


def sample_dist(d: Dist, rng: np.random.Generator, n: int) -> FloatArray:
    """``n`` draws of a triangular distribution (a constant when ``min == max``)."""
    if d.min == d.max:
        return np.full(n, d.min)
    return rng.triangular(d.min, d.mode, d.max, n)



# The borders are loaded once per process (``default_region``), so the two geometric inputs
# of a campaign depend only on their arguments: measure each once, not once per run.
@lru_cache(maxsize=64)
def _gap_km(a: str, b: str) -> float:
    return gap(default_region(), a, b).distance_km


@lru_cache(maxsize=256)
def _border_km(lat: float, lon: float, area: str) -> float:
    point = GeoPoint(lat, lon, "")
    return distance_to_border(point, default_region().get(area)).distance_km


@dataclass(frozen=True)
class InputRecord:
    """One input as used: its distribution, status, sources and reasoning."""

    field: str
    min: float
    mode: float
    max: float
    status: str
    sources: list[str]
    note: str | None


@dataclass(frozen=True)
class CampaignResult:
    """Result of :func:`run_campaign` (JSON-serialisable).

    ``blue_lead_hours_quantiles`` is NATO's lead time: the hours by which the defender's
    decision precedes the attack (the decision margin where positive, 0 where the decision
    comes after the attack is ready). It is not the warning time, which counts from the first
    detection; ``warning_from`` says where the samples came from.
    """

    scenario: str
    stage: str
    date: str
    date_from: str
    seed: int | None
    samples: int
    gap_km: float
    advance_km: float
    p_closed_before_reinforcement: float
    p_closed_before_reinforcement_stderr: float
    p_closed_within_horizon: float
    closure_hours_quantiles: dict[str, float | None]
    reinforcement_hours_quantiles: dict[str, float | None]
    blue_lead_hours_quantiles: dict[str, float]
    warning_from: str
    force_ratio_days: list[float]
    force_ratio_median: list[float | None]
    force_ratio_p10: list[float | None]
    force_ratio_p90: list[float | None]
    force_ratio_share_defined: list[float]
    red_brigades_median: list[float]
    blue_brigades_median: list[float]
    red_units: list[CountedUnit]
    blue_units: list[CountedUnit]
    red_skipped: list[SkippedUnit]
    blue_skipped: list[SkippedUnit]
    red_brigades: float
    blue_brigades: float
    counting: dict[str, Any]
    belarus_fights: dict[str, str]
    belarus_joined_share: float | None
    law: dict[str, float | str]
    inputs: list[InputRecord]
    sources: list[str]
    notes: list[str] = field(default_factory=list)


def _q(x: FloatArray, finite_only: bool = True) -> dict[str, float | None]:
    v = x[np.isfinite(x)] if finite_only else x
    if v.size == 0:
        return {"p10": None, "p50": None, "p90": None}
    p10, p50, p90 = np.percentile(v, [10, 50, 90])
    return {"p10": float(p10), "p50": float(p50), "p90": float(p90)}


def _record(name: str, d: Dist) -> InputRecord:
    return InputRecord(name, d.min, d.mode, d.max, d.status.value, list(d.sources), d.note)


def model_warning_hours(catalog: Catalog, scenario: str, stage: str, samples: int,
                        seed: int | None) -> tuple[JointSamples, str]:
    """The warning model's joint samples for the warning-time scenario of the same id, and a
    label saying where they came from (:func:`eastflank.campaign.timeline.model_joint`):
    pass both to :func:`run_campaign` so that the campaign starts from them.

    Raises
    ------
    UnknownNameError, ScenarioError, StageError
        If the warning scenario or stage cannot be loaded.
    """
    from eastflank.campaign.timeline import model_joint

    return model_joint(catalog, scenario, stage, samples, seed)


def run_campaign(
    scenario: CampaignScenario,
    catalog: Catalog,
    stage: StageDate,
    *,
    samples: int = 2000,
    seed: int | np.random.Generator | None = None,
    warning_hours: ArrayLike | JointSamples | None = None,
    warning_label: str | None = None,
) -> CampaignResult:
    """Run the Monte Carlo campaign of ``scenario`` at ``stage``.

    Parameters
    ----------
    scenario
        The campaign scenario.
    catalog
        The dataset (sliced here to the stage date).
    stage
        Stage id and date (:func:`eastflank.campaign.forces.stage_date`).
    samples
        Number of Monte Carlo samples.
    seed
        Seed or generator; the same seed gives the same result.
    warning_hours
        The warning model's joint samples (:func:`model_warning_hours`): sample ``i`` starts
        from joint sample ``i`` (Red forces the warning model moved at their jump-offs, Blue
        from the defender's decision; see :mod:`eastflank.campaign.timeline`); or warning
        times (hours) to resample from; when ``None``, the scenario's own stated assumption
        for the stage is used (and marked).

    Raises
    ------
    ModelInputError
        If ``samples`` < 1 or warning hours are negative or empty.
    ScenarioError
        If the scenario gives no warning assumption for the stage, or no Red or Blue unit is
        found on the stage date.
    """
    if samples < 1:
        raise ModelInputError(f"samples: expected at least 1, got {samples}", field="samples")
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    seed_value = None if isinstance(seed, np.random.Generator) else seed
    c = scenario.campaign
    cat = catalog.as_of(stage.date)
    objective = place_point(cat.places[c.objective_place])
    gap_km = _gap_km(c.axis_from, c.axis_to)
    advance_km, advance_label = gap_km, (f"gap width {c.axis_from}-{c.axis_to} on the borders")
    if c.advance is not None:
        target = cat.places[c.advance.to_place]
        point = place_point(target)
        advance_km = _border_km(point.lat, point.lon, c.advance.from_area)
        advance_label = (f"{c.advance.from_area} border to {target.name} on the borders")
    red_oob, blue_oob = campaign_forces(scenario, cat, objective)
    red, blue = red_oob.counted, blue_oob.counted
    if (not red and not c.red_forces) or (not blue and not c.external_reinforcements):
        raise ScenarioError(
            f"no {'Red' if not red and not c.red_forces else 'Blue'} ground unit found on "
            f"{stage.date} for the campaign; expected units in the dataset",
            record=scenario.id, field="campaign")
    fights = belarus_command(stage, catalog, red)
    n = samples
    inputs: list[InputRecord] = []

    def draw(name: str, d: Dist) -> FloatArray:
        inputs.append(_record(name, d))
        return sample_dist(d, rng, n)

    # -- warning -----------------------------------------------------------------------------
    moved: dict[str, float] = {}
    uncounted: list[tuple[str, str]] = []
    if isinstance(warning_hours, JointSamples):
        from eastflank.campaign.timeline import (
            blue_lead_hours,
            moved_red_units,
            uncounted_forces,
        )

        warn = blue_lead_hours(warning_hours, n)
        moved = {k: m.distance_km for k, m in moved_red_units(
            warning_hours, cat, [u.unit for u in red], objective).items()}
        uncounted = uncounted_forces(warning_hours, cat, [u.unit for u in red])
        warning_from = warning_label or "warning model joint samples"
    elif warning_hours is None:
        check_campaign_keys(scenario, stage_id=stage.stage)
        if stage.stage not in c.warning_hours:
            raise ScenarioError(f"no warning_hours assumption for stage {stage.stage!r}",
                                record=scenario.id, field="campaign.warning_hours")
        warn = draw(f"warning_hours.{stage.stage}", c.warning_hours[stage.stage])
        warning_from = ("scenario assumption (campaign.warning_hours) - "
                        f"{c.warning_hours[stage.stage].status.value}; not the warning model")
    else:
        pool = np.asarray(warning_hours, dtype=float).ravel()
        if pool.size == 0 or np.any(pool < 0) or not np.all(np.isfinite(pool)):
            raise ModelInputError("warning_hours: expected a non-empty array of hours >= 0")
        warn = rng.choice(pool, size=n, replace=True)
        warning_from = warning_label or f"given distribution ({pool.size} values)"

    commit = draw("red_commit_share", c.red_commit_share)
    v_red = draw("red_march_speed_kmh", c.red_march_speed_kmh)
    v_blue = draw("blue_march_speed_kmh", c.blue_march_speed_kmh)
    ready = {k: draw(f"blue_readiness_hours.{k}", d) for k, d in c.blue_readiness_hours.items()}
    threshold = draw("reinforcement_threshold_brigades", c.reinforcement_threshold_brigades)
    zone = draw("forward_zone_km", c.forward_zone_km)
    n_ref = draw("reference_force_brigades", c.reference_force_brigades)
    f_blue = draw("blue_loss_per_day", c.blue_loss_per_day)
    f_red = draw("red_loss_per_day", c.red_loss_per_day)
    v_max = draw("max_advance_km_per_day", c.max_advance_km_per_day)
    stall = draw("stall_ratio", c.stall_ratio)
    full = draw("full_speed_ratio", c.full_speed_ratio)
    if np.any(full <= stall):
        raise ScenarioError("full_speed_ratio must exceed stall_ratio", record=scenario.id,
                            field="campaign.full_speed_ratio")

    law = Law(c.attrition.law)
    p, q = (c.attrition.p, c.attrition.q) if law is Law.GENERAL else LAW_EXPONENTS[law]
    if p is None or q is None:
        raise ScenarioError("attrition law 'general' needs p and q", record=scenario.id,
                            field="campaign.attrition")
    a = f_blue * n_ref ** (1.0 - p - q)
    b = f_red * n_ref ** (1.0 - p - q)

    # -- arrivals (hours after Red's start), shape (n, units) ---------------------------------
    r_w = np.array([u.brigades for u in red])
    # a unit the warning model moved marches from its jump-off, not its garrison
    r_d = np.array([moved.get(u.unit, u.distance_km or 0.0) for u in red])
    red_arr = r_d[None, :] / v_red[:, None]
    red_str = commit[:, None] * r_w[None, :]
    # Belarusian units fight for Red where Moscow may initiate combat with them, else only
    # when Minsk joins (one decision for all of them, per sample)
    minsk = np.array([fights.get(u.unit, "red") == "minsk" for u in red], dtype=bool)
    if minsk.any():
        if c.belarus_joins is None:
            raise ScenarioError(
                f"stage {stage.stage!r} leaves Minsk the decision to initiate combat with "
                "Belarusian units; expected campaign.belarus_joins", record=scenario.id,
                field="campaign.belarus_joins")
        p_join = draw("belarus_joins", c.belarus_joins)
        joined = rng.random(n) < p_join
    else:
        joined = np.ones(n, dtype=bool)
    red_str = np.where(minsk[None, :] & ~joined[:, None], 0.0, red_str)
    red_arr = red_arr.reshape(n, len(red))
    red_str = red_str.reshape(n, len(red))
    for e in c.red_forces:
        red_str = np.concatenate(
            [red_str, draw(f"red_forces.{e.id}.brigades", e.brigades)[:, None]], axis=1)
        red_arr = np.concatenate(
            [red_arr, draw(f"red_forces.{e.id}.arrival_hours", e.arrival_hours)[:, None]],
            axis=1)

    b_w = np.array([u.brigades for u in blue])
    b_d = np.array([u.distance_km or 0.0 for u in blue])
    share_keys = [_share_key(c.blue_commit_share, u) for u in blue]
    shares = {k: draw(f"blue_commit_share.{k}", c.blue_commit_share[k])
              for k in dict.fromkeys(share_keys) if k is not None}
    b_share = np.stack([shares[k] if k is not None else np.ones(n) for k in share_keys],
                       axis=1) if blue else np.zeros((n, 0))
    default_ready = ready.get("permanent", next(iter(ready.values())))
    b_ready = (np.stack([ready.get(u.deployment, default_ready) for u in blue], axis=1)
               if blue else np.zeros((n, 0)))
    blue_arr = np.clip(b_ready + b_d[None, :] / v_blue[:, None] - warn[:, None], 0.0, None)
    blue_str = b_share * b_w[None, :]
    reinforcing = b_d[None, :] > zone[:, None]

    ext_arr, ext_str = [], []
    for e in c.external_reinforcements:
        ext_str.append(draw(f"external_reinforcements.{e.id}.brigades", e.brigades))
        t = draw(f"external_reinforcements.{e.id}.arrival_hours", e.arrival_hours)
        ext_arr.append(np.clip(t - warn, 0.0, None))
    if ext_arr:
        blue_arr = np.concatenate([blue_arr, np.stack(ext_arr, axis=1)], axis=1)
        blue_str = np.concatenate([blue_str, np.stack(ext_str, axis=1)], axis=1)
        reinforcing = np.concatenate(
            [reinforcing, np.ones((n, len(ext_arr)), dtype=bool)], axis=1)

    # time the reinforcement threshold is reached
    r_times = np.where(reinforcing, blue_arr, np.inf)
    order = np.argsort(r_times, axis=1)
    t_sorted = np.take_along_axis(r_times, order, axis=1)
    s_sorted = np.take_along_axis(np.where(reinforcing, blue_str, 0.0), order, axis=1)
    cum = np.cumsum(s_sorted, axis=1)
    reached = cum >= threshold[:, None]
    first = np.argmax(reached, axis=1)
    reinf_t = np.where(reached.any(axis=1), t_sorted[np.arange(n), first], np.inf)

    # -- stepping ------------------------------------------------------------------------------
    h = c.step_hours
    steps = round(c.horizon_days * 24 / h)
    rows = np.arange(n)[:, None]

    def arrivals(times: FloatArray, strength: FloatArray) -> FloatArray:
        out = np.zeros((steps + 1, n))
        idx = np.ceil(times / h - 1e-9).astype(int)
        ok = idx <= steps
        np.add.at(out, (idx[ok], np.broadcast_to(rows, idx.shape)[ok]), strength[ok])
        return out

    red_in = arrivals(red_arr, red_str)
    blue_in = arrivals(blue_arr, blue_str)
    rr = np.zeros(n)
    bb = np.zeros(n)
    adv = np.zeros(n)
    closed_t = np.full(n, np.inf)
    per_day = round(24 / h)
    ratio_days: list[FloatArray] = []
    red_days: list[FloatArray] = []
    blue_days: list[FloatArray] = []
    frac = h / 24.0
    for i in range(steps + 1):
        rr += red_in[i]
        bb += blue_in[i]
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(bb > 0, rr / np.where(bb > 0, bb, 1.0), np.inf)
        if i > 0 and i % per_day == 0:
            # end of each day; undefined (nan) while either side has no force in the sector
            ratio_days.append(np.where((rr > 0) & (bb > 0), ratio, np.nan))
            red_days.append(rr.copy())
            blue_days.append(bb.copy())
        if i == steps:
            break
        speed = v_max * np.clip((ratio - stall) / (full - stall), 0.0, 1.0)
        speed = np.where(rr > 0, speed, 0.0)
        adv += speed * frac
        newly = (adv >= advance_km) & ~np.isfinite(closed_t)
        closed_t[newly] = (i + 1) * h
        alive = (rr > 0) & (bb > 0)
        d_b = np.where(alive, a * rr**p * bb**q, 0.0) * frac
        d_r = np.where(alive, b * bb**p * rr**q, 0.0) * frac
        bb = np.clip(bb - d_b, 0.0, None)
        rr = np.clip(rr - d_r, 0.0, None)

    before = closed_t < reinf_t
    p_hat = float(before.mean())
    ratios = np.stack(ratio_days)  # (days, n)
    source_ids = sorted({s for rec in inputs for s in rec.sources} | set(scenario.sources)
                        | set(c.attrition.sources) | set(c.echelon_weights.sources))
    notes = [
        f"Gap width {gap_km:.1f} km: shortest distance {c.axis_from}-{c.axis_to} on the "
        "Natural Earth 1:10m borders (eastflank.geo.gap).",
        f"Advance to close: {advance_km:.1f} km ({advance_label}).",
        "Force ratio is Red/Blue in brigade equivalents in the sector at the end of each day, "
        "over the samples in which both sides have a force there (share_defined).",
        "Forces are counted once by eastflank.posture.order_of_battle on the stage date; "
        "units left out are listed with the reason in red_skipped / blue_skipped.",
    ]
    minsk_units = [u.unit for u in red if fights.get(u.unit) == "minsk"]
    if minsk_units:
        notes.append(
            f"At {stage.stage} Minsk decides whether {len(minsk_units)} Belarusian unit(s) "
            f"fight; they joined in {float(joined.mean()):.0%} of samples (belarus_joins).")
    if moved:
        notes.append("Red units the warning model moved start from their jump-offs: "
                     + ", ".join(f"{k} ({v:.0f} km)" for k, v in sorted(moved.items())) + ".")
    if uncounted:
        notes.append("Warning-model forces not among the counted Red units (not in the "
                     "campaign's Red areas or branches): "
                     + ", ".join(f"{f} ({u})" for f, u in uncounted) + ".")
    return CampaignResult(
        scenario=scenario.id,
        stage=stage.stage,
        date=stage.date.isoformat(),
        date_from=stage.date_from,
        seed=seed_value,
        samples=n,
        gap_km=gap_km,
        advance_km=advance_km,
        p_closed_before_reinforcement=p_hat,
        p_closed_before_reinforcement_stderr=float(np.sqrt(p_hat * (1 - p_hat) / n)),
        p_closed_within_horizon=float(np.isfinite(closed_t).mean()),
        closure_hours_quantiles=_q(closed_t),
        reinforcement_hours_quantiles=_q(reinf_t),
        blue_lead_hours_quantiles={k: float(v) for k, v in zip(
            ("p10", "p50", "p90"), np.percentile(warn, [10, 50, 90]), strict=True)},
        warning_from=warning_from,
        force_ratio_days=[float(d + 1) for d in range(len(ratio_days))],
        force_ratio_median=_nanq(ratios, 50),
        force_ratio_p10=_nanq(ratios, 10),
        force_ratio_p90=_nanq(ratios, 90),
        force_ratio_share_defined=[float(x) for x in np.isfinite(ratios).mean(axis=1)],
        red_brigades_median=[float(x) for x in np.median(np.stack(red_days), axis=1)],
        blue_brigades_median=[float(x) for x in np.median(np.stack(blue_days), axis=1)],
        red_units=red,
        blue_units=blue,
        red_skipped=red_oob.skipped,
        blue_skipped=blue_oob.skipped,
        red_brigades=red_oob.brigades,
        blue_brigades=blue_oob.brigades,
        counting=_counting_record(scenario),
        belarus_fights={u.unit: fights[u.unit] for u in red if u.unit in fights},
        belarus_joined_share=float(joined.mean()) if minsk_units else None,
        law={"law": law.value, "p": float(p), "q": float(q)},
        inputs=inputs,
        sources=source_ids,
        notes=notes,
    )


def _nanq(x: FloatArray, q: float) -> list[float | None]:
    """Per-row percentile ignoring nan; ``None`` for a row with no finite value."""
    out: list[float | None] = []
    for row in x:
        v = row[np.isfinite(row)]
        out.append(float(np.percentile(v, q)) if v.size else None)
    return out


def _share_key(shares: dict[str, Dist], u: CountedUnit) -> str | None:
    for key in (u.actor, u.deployment, "default"):
        if key in shares:
            return key
    return None


def _counting_record(scenario: CampaignScenario) -> dict[str, Any]:
    ew = scenario.campaign.echelon_weights
    return {"echelon_weights": dict(ew.weights),
            "personnel_per_brigade": ew.personnel_per_brigade,
            "rule": ("A unit counts once, at the lowest level the dataset lists: a unit with a "
                     "counted subordinate unit counts through it. Strength = personnel / "
                     "personnel_per_brigade where a source gives personnel, else the echelon "
                     "weight; times the commitment share (Red: red_commit_share; Blue: "
                     "blue_commit_share)."),
            "status": ew.status.value, "sources": list(ew.sources), "note": ew.note}


def campaign_counting(scenario: CampaignScenario) -> Counting:
    """The scenario's counting convention as :class:`eastflank.posture.Counting`."""
    ew = scenario.campaign.echelon_weights
    return Counting(dict(ew.weights), ew.personnel_per_brigade, ew.status.value,
                    tuple(ew.sources), ew.note)


def campaign_forces(scenario: CampaignScenario, catalog: Catalog, objective: GeoPoint | None
                    = None) -> tuple[OrderOfBattle, OrderOfBattle]:
    """Red and Blue orders of battle of the scenario in a dated catalog slice."""
    c = scenario.campaign
    counting = campaign_counting(scenario)
    red = order_of_battle(catalog, side="Red", counting=counting, branches=c.branches,
                          areas=c.red_areas, actors=RED_ACTORS, objective=objective) \
        if c.red_areas else OrderOfBattle("Red", None, [], [], 0.0, counting)
    blue = order_of_battle(catalog, side="Blue", counting=counting, branches=c.branches,
                           actors=c.blue_actors, objective=objective)
    return red, blue


RED_ACTORS = ("RU", "BY")
"""Actors whose units in the scenario's Red areas count for Red."""


def belarus_command(stage: StageDate, catalog: Catalog,
                    red: list[CountedUnit]) -> dict[str, str]:
    """For each Belarusian Red unit: ``"moscow"`` when the stage gives a Russian body the
    authority to initiate combat with it, else ``"minsk"`` (Minsk decides).

    Units of other actors are not listed. A stage without a stage file gives ``"minsk"``.
    """
    by = [u for u in red if u.actor == "BY"]
    if not by:
        return {}
    try:
        from eastflank.command import authority_graph, holder
        from eastflank.stages import load_stage

        st = load_stage(stage.stage, catalog)
        graph = authority_graph(st, catalog)
    except EastflankError:
        return {u.unit: "minsk" for u in by}
    out: dict[str, str] = {}
    for u in by:
        body_id = holder(graph, "initiate_combat", u.unit)
        body = catalog.command_bodies.get(body_id) if body_id else None
        out[u.unit] = "moscow" if body is not None and body.actor == "RU" else "minsk"
    return out
