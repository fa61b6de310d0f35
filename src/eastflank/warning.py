"""Warning time: a Monte Carlo model of decision-to-attack against the defender's detection.

For a :class:`~eastflank.scenario.Scenario` at an integration stage, each sample runs:

1. **decision** at t = 0 by the scenario's decision body;
2. **orders** down the stage's command chain to each force's unit
   (:func:`eastflank.command.order_chain`: transmission hops and consent gates, triangular
   delays; shared links of two chains are the same draw, as in
   :func:`eastflank.command.sample_latency`);
3. **movement** of each force from its start to its jump-off area: by rail (load and
   dispatch, run at the rail speed over the geodesic distance times a detour factor, unload),
   by road (assemble, march), or in place (assemble);
4. **readiness** at the jump-off; the attack is ready when the *last* force is ready;
5. **indicators**: each watches an activity (the decision, the first order, the first rail
   loading, the first force leaving garrison, the first arrival), appears ``onset_h`` after it,
   is seen with ``detection_probability`` and assessed ``lag_h`` later;
6. **warning** = attack-ready − first detection (0 when nothing is detected before the attack
   is ready: *no warning*; never negative);
7. **defender decision** = the detection its decision rule needs plus its decision delay;
   the **decision margin** = attack-ready − decision (negative when the defender decides
   after the attack is ready) is its own quantity, not a warning time.

The scenario's options (:class:`~eastflank.scenario.Options`) set the attacker's start
(``coordinated``: each force holds so that all are ready together), when consents are obtained
(``prior``: before the decision, so their delays drop out), exercise cover (damped detection
probabilities) and the defender's decision rule. A *controlled* run (:func:`stage_plan`) uses
one stage's forces and the default options at every stage. :func:`simulate_joint` returns the
joint samples (one timeline per sample) that :mod:`eastflank.campaign` starts from.

Every random quantity is a triangular distribution drawn by inverse transform from uniforms;
each quantity has its own stream keyed by its name and the seed (common random numbers), so a
changed scenario (a gate removed, a force moved, a probability raised) is compared sample by
sample with the original. The computation is vectorized with numpy over the samples, in chunks
that stay in cache; uniforms are drawn in double precision and transformed in single precision
(absolute error well under a minute on delays of hundreds of hours).
:mod:`eastflank.warning_ref` is an event-by-event SimPy implementation of the same model, kept
as the independent reference for tests and benchmarks.

Units: hours (``_h``), kilometres (``_km``), km/h (``_kmh``).

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> from eastflank.scenario import load_scenario
>>> cat = load_catalog()
>>> sc = load_scenario("suwalki-gap-closure", cat)
>>> r = run_warning(sc, "subordination-2026", cat, samples=20_000, seed=1)
>>> r.seed, r.samples
(1, 20000)
>>> 0.0 <= r.p_no_warning <= 1.0
True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray
from pyproj import Geod

from eastflank.catalog import Catalog
from eastflank.errors import EastflankError, ModelInputError, ScenarioError
from eastflank.scenario import (
    Anchor,
    ConsentRule,
    Dist,
    MovementMode,
    Options,
    Scenario,
    StartRule,
    check_position_keys,
)
from eastflank.schema import Stage

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "ANCHORS",
    "STATUSES",
    "Driver",
    "ForcePlan",
    "IndicatorPlan",
    "JointSamples",
    "OptionsUsed",
    "Quantiles",
    "StageEffect",
    "StageWarning",
    "StatusCounts",
    "Timeline",
    "TimelineEvent",
    "Var",
    "WarningComparison",
    "WarningPlan",
    "WarningResult",
    "WarningSamples",
    "WarningStudy",
    "compare_stages",
    "compile_plan",
    "controlled_forces",
    "distance_km",
    "explain_stage",
    "joint_from_samples",
    "parameter_table",
    "plot_cdf",
    "resolve_seed",
    "run_warning",
    "simulate",
    "simulate_joint",
    "stage_plan",
    "study_stages",
    "summarize",
    "with_parameters",
]

ANCHORS: tuple[Anchor, ...] = tuple(Anchor)
"""Indicator anchors, in the row order of :attr:`WarningSamples.anchors_h`."""

CHUNK = 8192
"""Samples per vectorized chunk: small enough for the working set to stay in cache."""

CDF_LEVELS = 101
"""Quantile levels (0, 1, ..., 100 %) kept per stage for CDF plots."""

_GEOD = Geod(ellps="WGS84")


# -- geography -------------------------------------------------------------------------------
def distance_km(catalog: Catalog, a: str, b: str) -> float:
    """Geodesic (WGS84) distance between two catalog places, in km.

    Route lengths are this times a detour factor from the scenario's movement model.
    """
    pa, pb = catalog.places[a], catalog.places[b]
    _, _, metres = _GEOD.inv(pa.lon, pa.lat, pb.lon, pb.lat)
    return float(metres) / 1000.0


# -- the compiled plan -----------------------------------------------------------------------
@dataclass(frozen=True)
class Var:
    """One random quantity: a triangular distribution and the key of its uniform stream."""

    key: str
    label: str
    min: float
    mode: float
    max: float
    stream: str = ""
    status: str = "hypothetical"

    @property
    def stream_key(self) -> str:
        """Key of the uniform stream (two quantities may share one, comonotone)."""
        return self.stream or self.key

    @property
    def random(self) -> bool:
        """Whether it needs a draw (``min < max``); a fixed quantity draws nothing."""
        return self.max > self.min


@dataclass(frozen=True)
class ForcePlan:
    """One force at one stage, reduced to numbers and the keys of its random quantities."""

    id: str
    name: str
    unit: str
    mode: str
    start: str
    jump_off: str
    distance_km: float
    order: tuple[str, ...]
    prep: str
    speed: str | None
    detour: str | None
    unload: str | None
    readiness: str
    chain: tuple[str, ...]
    veto_points: tuple[str, ...]
    status: str
    prior_consents: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorPlan:
    """One indicator at one stage: its anchor, probability and the keys of its delays."""

    id: str
    name: str
    anchor: Anchor
    probability: float
    onset: str
    lag: str
    draw: str
    base_probability: float | None = None
    probability_status: str = "hypothetical"


@dataclass(frozen=True)
class WarningPlan:
    """A scenario at a stage, compiled into numbers: what :func:`simulate` runs.

    ``variables`` lists every random quantity once; forces and indicators refer to them by
    key, so a link two command chains share is one draw.
    """

    scenario: str
    stage: str
    stage_date: dt.date
    defender: str
    variables: tuple[Var, ...]
    forces: tuple[ForcePlan, ...]
    indicators: tuple[IndicatorPlan, ...]
    defender_delay: str
    options: Options = field(default_factory=Options)
    forces_from: str | None = None

    @property
    def coordinated(self) -> bool:
        """Whether departures are scheduled so that all forces are ready together."""
        return self.options.start.value is StartRule.COORDINATED

    @property
    def detections_needed(self) -> int:
        """Detected indicators the defender needs to decide (its decision rule)."""
        return self.options.decision.detections

    def parameters(self) -> dict[str, str]:
        """Every parameter behind a result, by key, with its status: each quantity (stage
        delays, movement, readiness, indicator delays, the defender's delay), each detection
        probability, each force position and each of the four options."""
        out = {v.key: v.status for v in self.variables}
        out |= {f"{i.draw}|p": i.probability_status for i in self.indicators}
        out |= {f"position|{f.id}|{f.unit}|{f.start}": f.status for f in self.forces}
        o = self.options
        out |= {f"option|start|{o.start.value}": o.start.status.value,
                f"option|consent|{o.consent.value}": o.consent.status.value,
                f"option|cover|{o.cover.value}|{o.cover.damping:g}": o.cover.status.value,
                f"option|decision|{o.decision.rule}|{o.decision.detections}":
                    o.decision.status.value}
        return out

    @property
    def draws_per_sample(self) -> int:
        """Uniform draws per sample: one per non-fixed quantity, one per indicator."""
        return sum(v.random for v in self.variables) + len(self.indicators)


ChainFn = Callable[[Stage, Catalog, str, str, str], Any]
"""``(stage, catalog, from_body, unit_id, authority) -> Chain``, as
:func:`eastflank.command.order_chain`."""


def _var(key: str, label: str, d: Dist) -> Var:
    return Var(key, label, d.min, d.mode, d.max, status=d.status.value)


def _chain_vars(chain: Any) -> list[Var]:
    """The random components of a command chain, keyed as :mod:`eastflank.command` keys them."""
    from eastflank.command import _components

    return [Var(f"chain|{key}", key, d.min_h, d.mode_h, d.max_h, status=d.status.value)
            for key, d in _components(chain)]


def compile_plan(scenario: Scenario, stage: Stage, catalog: Catalog,
                 chain_fn: ChainFn | None = None, *, options: Options | None = None,
                 forces_from: str | None = None) -> WarningPlan:
    """Compile ``scenario`` at ``stage`` into a :class:`WarningPlan`.

    ``options`` default to the scenario's options at the stage
    (:meth:`~eastflank.scenario.Scenario.options_at`); ``forces_from`` takes every force's
    position from that stage id instead of ``stage`` (the controlled comparison). Consent
    ``prior`` drops the consent gates' delays from the order latencies (the consents are
    listed in :attr:`ForcePlan.prior_consents`); exercise cover multiplies the detection
    probabilities of the indicators it damps.

    Parameters
    ----------
    scenario
        A loaded scenario (:func:`eastflank.scenario.load_scenario`).
    stage
        A loaded stage (:func:`eastflank.stages.load_stage`).
    catalog
        The dataset.
    chain_fn
        How to find the command chain to a unit; default
        :func:`eastflank.command.order_chain`.

    Raises
    ------
    ScenarioError
        If a force has no position for the stage, its unit does not exist on the stage date,
        or the stage gives the decision body no way to order it (the message says why).
    UnknownNameError
        If a unit, place or body is unknown.
    """
    if chain_fn is None:
        from eastflank.command import order_chain

        chain_fn = order_chain
    day = catalog.as_of(stage.date)
    opts = scenario.options_at(stage.id) if options is None else options
    pos_stage = forces_from or stage.id
    stage = _with_home_command(scenario, stage, catalog, pos_stage)
    variables: dict[str, Var] = {}

    def add(v: Var) -> str:
        old = variables.get(v.key)
        if old is not None and (old.min, old.mode, old.max) != (v.min, v.mode, v.max):
            # the same stream (as command.sample_latency draws it), other parameters
            v = Var(f"{v.key}#{v.min:g},{v.mode:g},{v.max:g}", v.label, v.min, v.mode, v.max,
                    stream=v.key, status=v.status)
        variables.setdefault(v.key, v)
        return v.key

    mv = scenario.movement
    forces: list[ForcePlan] = []
    check_position_keys(scenario, stage.id, pos_stage)
    for i, force in enumerate(scenario.forces):
        pos = force.position(pos_stage)
        base = f"forces.{i}.positions"
        if pos is None:
            raise scenario.error(
                f"force {force.id!r} has no position for stage {pos_stage!r}; expected a key "
                f"{pos_stage!r} or 'default' in its positions", base)
        key = pos_stage if pos_stage in force.positions else "default"
        path = f"{base}.{key}"
        if pos.unit not in day.units:
            raise scenario.error(
                f"unit {pos.unit!r} does not exist on the stage date {stage.date} "
                "(valid_from/valid_to in the dataset); expected a unit valid then",
                f"{path}.unit")
        unit = day.units[pos.unit]
        start = pos.place or unit.garrison
        if start is None or start not in catalog.places:
            raise scenario.error(f"no start place for unit {pos.unit!r}", f"{path}.place")
        try:
            chain = chain_fn(stage, _operating(catalog, pos.unit, force.jump_off),
                             scenario.decision_body, pos.unit, scenario.authority)
        except ScenarioError:
            raise
        except EastflankError as exc:
            raise scenario.error(
                f"stage {stage.id!r} cannot order force {force.id!r} (unit {pos.unit!r}): "
                f"{exc.message}", f"{path}.unit") from None
        prior = opts.consent.value is ConsentRule.PRIOR
        order = tuple(add(v) for v in _chain_vars(chain)
                      if not (prior and v.label.startswith("gate|")))
        fid = force.id
        mode = pos.mode
        dist = 0.0 if mode is MovementMode.IN_PLACE else distance_km(catalog, start,
                                                                     force.jump_off)
        speed = detour = unload = None
        if mode is MovementMode.RAIL:
            prep = add(_var(f"force|{fid}|loading_h", f"{fid}: rail loading (h)",
                            mv.rail.loading_h))
            speed = add(_var(f"force|{fid}|rail_speed_kmh", f"{fid}: rail speed (km/h)",
                             mv.rail.speed_kmh))
            detour = add(_var(f"force|{fid}|rail_detour", f"{fid}: rail detour factor",
                              mv.rail.detour_factor))
            unload = add(_var(f"force|{fid}|unloading_h", f"{fid}: unloading (h)",
                              mv.rail.unloading_h))
        else:
            prep = add(_var(f"force|{fid}|assembly_h", f"{fid}: assembly (h)",
                            pos.assembly_h or force.assembly_h))
            if mode is MovementMode.ROAD:
                speed = add(_var(f"force|{fid}|road_speed_kmh", f"{fid}: road speed (km/h)",
                                 mv.road.speed_kmh))
                detour = add(_var(f"force|{fid}|road_detour", f"{fid}: road detour factor",
                                  mv.road.detour_factor))
        ready = add(_var(f"force|{fid}|readiness_h", f"{fid}: readiness (h)",
                         pos.readiness_h or force.readiness_h))
        forces.append(ForcePlan(
            id=fid, name=force.name, unit=pos.unit, mode=mode.value, start=start,
            jump_off=force.jump_off, distance_km=dist, order=order, prep=prep, speed=speed,
            detour=detour, unload=unload, readiness=ready, chain=tuple(chain.bodies),
            veto_points=tuple(chain.veto_points), status=pos.status.value,
            prior_consents=tuple(chain.veto_points) if prior else ()))
    indicators = []
    for ind in scenario.indicators:
        onset = add(_var(f"indicator|{ind.id}|onset_h", f"{ind.id}: onset (h)", ind.onset_h))
        lag = add(_var(f"indicator|{ind.id}|lag_h", f"{ind.id}: lag (h)", ind.lag_h))
        p = ind.detection_probability.value
        indicators.append(IndicatorPlan(
            id=ind.id, name=ind.name, anchor=ind.anchor,
            probability=p * opts.cover.factor(ind.anchor), onset=onset, lag=lag,
            draw=f"indicator|{ind.id}|detected", base_probability=p,
            probability_status=ind.detection_probability.status.value))
    delay = add(_var("defender|decision_h", "defender decision delay (h)",
                     scenario.defender_decision_delay_h))
    return WarningPlan(scenario=scenario.id, stage=stage.id, stage_date=stage.date,
                       defender=scenario.defender, variables=tuple(variables.values()),
                       forces=tuple(forces), indicators=tuple(indicators),
                       defender_delay=delay, options=opts, forces_from=forces_from)


def _operating(catalog: Catalog, unit_id: str, place: str) -> Catalog:
    """``catalog`` with ``unit_id`` garrisoned at ``place``, for the command rules.

    Who may order a force, and through which consents, follows where the force is to operate
    (its jump-off), not where it starts: a Russian division brought into Belarus falls under
    the stage's rules for Russian forces in Belarus, consents included, wherever it came from.
    """
    unit = catalog.units[unit_id]
    if unit.garrison == place:
        return catalog
    units = {**catalog.units, unit_id: unit.model_copy(update={"garrison": place})}
    return Catalog({**catalog.records, "units": units}, catalog.where, catalog.as_of_date)


def _with_home_command(scenario: Scenario, stage: Stage, catalog: Catalog,
                       pos_stage: str | None = None) -> Stage:
    """``stage`` plus a force group for the scenario's home forces the stage leaves out.

    A unit of the scenario's ``home_command.actor`` that starts on that actor's own territory
    and that no force group of the stage selects (placed at its jump-off) is put in a group
    ``home-forces`` whose authority the home command holds (see
    :class:`eastflank.scenario.HomeCommand`).
    """
    hc = scenario.home_command
    if hc is None:
        return stage
    from eastflank.schema import Assignment, ForceGroup, Selector
    from eastflank.stages import group_members

    home: list[str] = []
    for force in scenario.forces:
        pos = force.position(pos_stage or stage.id)
        if pos is None or pos.unit not in catalog.as_of(stage.date).units:
            continue
        day = _operating(catalog, pos.unit, force.jump_off).as_of(stage.date)
        if any(pos.unit in group_members(g, day) for g in stage.force_groups):
            continue
        start = pos.place or catalog.units[pos.unit].garrison
        place = catalog.places.get(start) if start else None
        if day.units[pos.unit].actor == hc.actor and place is not None \
                and place.country == hc.actor:
            home.append(pos.unit)
    if not home:
        return stage
    group = ForceGroup(id="home-forces", name=f"{hc.actor} forces on {hc.actor} territory",
                       select=[Selector(ids=sorted(set(home)))],
                       note="Added from the scenario's home_command.")
    assignment = Assignment(group="home-forces", authority=scenario.authority,
                            holder=hc.holder, via=hc.via, status=hc.status,
                            sources=hc.sources, note=hc.note)
    return stage.model_copy(update={
        "force_groups": [*stage.force_groups, group],
        "assignments": [*stage.assignments, assignment],
    })


# -- parameters, for sensitivity analysis --------------------------------------------------
def parameter_table(plan: WarningPlan) -> list[tuple[str, str, float, float, float, str]]:
    """Every parameter of ``plan`` a sweep can set, as ``(key, label, min, mode, max,
    status)``: each random or fixed quantity (:class:`Var`, hours, km/h or a factor) and each
    indicator's detection probability (key ``indicator|ID|detected|p``, min = mode = max =
    the probability after exercise cover). Keys are stable across runs of the same scenario
    and stage; :func:`with_parameters` takes them back."""
    rows = [(v.key, v.label, v.min, v.mode, v.max, v.status) for v in plan.variables]
    rows += [(f"{i.draw}|p", f"{i.id}: detection probability", i.probability, i.probability,
              i.probability, i.probability_status) for i in plan.indicators]
    return rows


def with_parameters(plan: WarningPlan,
                    values: dict[str, float | tuple[float, float, float]]) -> WarningPlan:
    """``plan`` with parameters set by key (see :func:`parameter_table`).

    A number fixes a quantity (min = mode = max) or sets a detection probability; a
    ``(min, mode, max)`` triple replaces a distribution. Every other quantity keeps its
    distribution and its uniform stream, so runs with the same seed differ only through the
    parameters set (common random numbers). Run the result with :func:`simulate` and
    :func:`summarize`.

    Raises
    ------
    ModelInputError
        For an unknown key, a probability outside [0, 1] or an invalid triple.
    """
    by_key = {v.key: v for v in plan.variables}
    probs = {f"{i.draw}|p": k for k, i in enumerate(plan.indicators)}
    variables = dict(by_key)
    indicators = list(plan.indicators)
    for key, value in values.items():
        if key in probs:
            if isinstance(value, tuple) or not 0.0 <= float(value) <= 1.0:
                raise ModelInputError(f"{key}: expected a probability in [0, 1], got {value!r}")
            k = probs[key]
            indicators[k] = replace(indicators[k], probability=float(value))
            continue
        if key not in by_key:
            raise ModelInputError(f"{key}: unknown parameter; expected a key of "
                                  "parameter_table(plan)")
        lo, mode, hi = value if isinstance(value, tuple) else (value, value, value)
        if not (0.0 <= lo <= mode <= hi) or not all(map(math.isfinite, (lo, mode, hi))):
            raise ModelInputError(f"{key}: expected finite 0 <= min <= mode <= max, got "
                                  f"{value!r}")
        v = by_key[key]
        # keep the quantity's own stream, whatever its key says about shared streams
        variables[key] = replace(v, min=float(lo), mode=float(mode), max=float(hi),
                                 stream=v.stream_key)
    return replace(plan, variables=tuple(variables.values()), indicators=tuple(indicators))


# -- seeds and streams -----------------------------------------------------------------------
def resolve_seed(seed: int | np.random.Generator | None) -> int:
    """A non-negative integer seed: ``seed`` itself, one drawn from a Generator, or fresh.

    Raises
    ------
    ModelInputError
        If ``seed`` is a negative integer or not an integer, Generator or None.
    """
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(0, 2**63 - 1))
    if seed is None:
        return int(np.random.SeedSequence().entropy % (2**63 - 1))  # type: ignore[operator]
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ModelInputError(f"seed: expected a non-negative integer, got {seed!r}")
    return int(seed)


def _stream(seed: int, key: str) -> np.random.Generator:
    """The uniform stream of quantity ``key``: the scheme of :mod:`eastflank.command`."""
    key = key.removeprefix("chain|") if key.startswith("chain|") else f"warning|{key}"
    word = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, word])))


# -- simulation ------------------------------------------------------------------------------
@dataclass(frozen=True)
class WarningSamples:
    """The raw samples of one run (hours after the decision); ``inf`` where an event never
    happens.

    Attributes
    ----------
    ready_h
        Time the attack is ready (the last force ready); the attack starts then.
    detected_h
        Time of the first detection of any indicator (``inf``: nothing detected).
    warning_h
        ``ready_h - detected_h`` where detected before ready, else 0 (no warning). Never
        negative.
    decision_h
        The defender's decision: the detection its decision rule needs plus its decision
        delay (``inf``: the indicators never give it).
    margin_h
        Decision margin, ``ready_h - decision_h``: positive when the defender decides before
        the attack is ready, negative when after; ``-inf`` where ``decision_h`` is ``inf``.
    first_indicator
        Index of the indicator detected first, -1 where none is detected before ready.
    last_force
        Index of the force that is ready last (with a coordinated start, all are ready
        together and this is the force with the longest timeline).
    force_ready_h, force_order_h, force_leave_h, force_arrive_h
        Per force (rows) and sample (columns), only when simulated with ``detail=True``.
    indicator_h
        Per indicator detection time (``inf``: not detected); ``detail=True`` only.
    defender_delay_h
        The defender's decision delay.
    """

    seed: int
    ready_h: NDArray[np.float64]
    detected_h: NDArray[np.float64]
    warning_h: NDArray[np.float64]
    decision_h: NDArray[np.float64]
    margin_h: NDArray[np.float64]
    first_indicator: NDArray[np.int16]
    last_force: NDArray[np.int16]
    defender_delay_h: NDArray[np.float64]
    force_ready_h: NDArray[np.float64] | None = None
    force_order_h: NDArray[np.float64] | None = None
    force_leave_h: NDArray[np.float64] | None = None
    force_arrive_h: NDArray[np.float64] | None = None
    indicator_h: NDArray[np.float64] | None = None

    @property
    def no_warning(self) -> NDArray[np.bool_]:
        """Samples in which nothing is detected before the attack is ready."""
        return self.first_indicator < 0

    @property
    def decides_before_ready(self) -> NDArray[np.bool_]:
        """Samples in which the defender decides before the attack is ready."""
        return self.decision_h < self.ready_h


@dataclass
class _Layout:
    """Row indices of the compiled plan in the per-chunk value matrix."""

    rows: dict[str, int]
    lo: NDArray[np.float64]
    k1: NDArray[np.float64]
    k2: NDArray[np.float64]
    cut: NDArray[np.float64]
    hi: NDArray[np.float64]
    fixed: list[tuple[int, float]]
    random_rows: list[int]
    order_rows: list[list[int]]
    bern_rows: list[int]
    probs: NDArray[np.float64]
    streams: list[str] = field(default_factory=list)


def _layout(plan: WarningPlan) -> _Layout:
    rnd = [v for v in plan.variables if v.random]
    fix = [v for v in plan.variables if not v.random]
    rows = {v.key: i for i, v in enumerate(rnd)}
    n_rnd = len(rnd)
    for j, v in enumerate(fix):
        rows[v.key] = n_rnd + j
    lo = np.array([v.min for v in rnd])[:, None]
    hi = np.array([v.max for v in rnd])[:, None]
    mode = np.array([v.mode for v in rnd])[:, None]
    width = hi - lo
    bern = [n_rnd + len(fix) + k for k in range(len(plan.indicators))]
    return _Layout(
        rows=rows, lo=lo, hi=hi, k1=width * (mode - lo), k2=width * (hi - mode),
        cut=(mode - lo) / width, fixed=[(rows[v.key], v.min) for v in fix],
        random_rows=list(range(n_rnd)),
        order_rows=[[rows[k] for k in f.order] for f in plan.forces],
        bern_rows=bern, probs=np.array([i.probability for i in plan.indicators]),
        streams=[v.stream_key for v in rnd] + [i.draw for i in plan.indicators],
    )


def _check_samples(samples: int) -> int:
    if isinstance(samples, bool) or not isinstance(samples, int | np.integer) or samples < 1:
        raise ModelInputError(f"samples: expected an integer >= 1, got {samples!r}")
    return int(samples)


def simulate(plan: WarningPlan, samples: int, seed: int | np.random.Generator | None = None,
             *, detail: bool = False, chunk: int = CHUNK) -> WarningSamples:
    """Run ``samples`` Monte Carlo samples of ``plan`` (vectorized).

    Parameters
    ----------
    plan
        From :func:`compile_plan`.
    samples
        Number of samples (>= 1).
    seed
        Non-negative int, a Generator (an int seed is drawn from it) or None (fresh); the
        seed used is recorded in the result.
    detail
        Also keep per-force and per-indicator event times (memory: ~8 bytes × samples ×
        (4 × forces + indicators)).
    chunk
        Samples per vectorized chunk.

    Returns
    -------
    WarningSamples

    Raises
    ------
    ModelInputError
        If ``samples`` or ``seed`` is invalid.
    """
    n = _check_samples(samples)
    base = resolve_seed(seed)
    lay = _layout(plan)
    gens: dict[str, np.random.Generator] = {}
    first_row: dict[str, int] = {}
    copy_from: list[int] = []
    for i, k in enumerate(lay.streams):
        if k not in gens:
            gens[k] = _stream(base, k)
            first_row[k] = i
        copy_from.append(first_row[k])
    streams = [gens[k] for k in lay.streams]
    n_rnd = len(lay.random_rows)
    n_ind = len(plan.indicators)
    n_force = len(plan.forces)
    n_rows = n_rnd + len(lay.fixed)
    ready = np.empty(n)
    detected = np.empty(n)
    decided = np.empty(n)
    first = np.empty(n, np.int16)
    last = np.empty(n, np.int16)
    delay = np.empty(n)
    keep = (np.empty((n_force, n)), np.empty((n_force, n)), np.empty((n_force, n)),
            np.empty((n_force, n)), np.empty((n_ind, n))) if detail else None
    m_max = min(chunk, n)
    f32 = np.float32
    row64 = np.empty(m_max)
    vals = np.empty((n_rows, m_max), f32)
    u_bern = np.empty((n_ind, m_max))
    tmp = np.empty((n_rnd, m_max), f32)
    mask = np.empty((n_rnd, m_max), f32)
    lo, hi = lay.lo.astype(f32), lay.hi.astype(f32)
    k1, k2, cut = lay.k1.astype(f32), lay.k2.astype(f32), lay.cut.astype(f32)
    lo_hi = lo - hi
    rows = lay.rows
    rail = [f.mode == MovementMode.RAIL.value for f in plan.forces]
    for start in range(0, n, m_max):
        m = min(m_max, n - start)
        x = vals[:, :m]
        u = x[:n_rnd]
        r64 = row64[:m]
        for i in range(n_rnd):
            if copy_from[i] == i:
                streams[i].random(out=r64)
                u[i] = r64
            else:
                u[i] = u[copy_from[i]]
        for i in range(n_ind):
            streams[n_rnd + i].random(out=u_bern[i, :m])
        for r, value in lay.fixed:
            x[r] = value
        # inverse CDF of the triangular distribution, in place, in single precision
        # (float32 halves the memory traffic and doubles the SIMD width; the uniforms and
        # the event times stay in double precision)
        # branch-free: a 0/1 mask blends the two branches with SIMD arithmetic, which is
        # several times faster than a masked copy
        t, left = tmp[:, :m], mask[:, :m]
        np.less(u, cut, out=left)
        np.multiply(u, k1, out=t)
        np.subtract(f32(1.0), u, out=u)
        np.multiply(u, k2, out=u)
        np.subtract(t, u, out=t)
        np.multiply(t, left, out=t)
        np.add(u, t, out=u)  # u*k1 on the left branch, (1-u)*k2 on the right
        np.sqrt(u, out=u)
        np.multiply(u, f32(2.0), out=t)
        np.add(t, lo_hi, out=t)
        np.multiply(t, left, out=t)
        np.subtract(hi, u, out=u)
        np.add(u, t, out=u)  # lo + s on the left branch, hi - s on the right
        _events(plan, lay, x, rows, rail, u_bern[:, :m], start, m, ready, detected, decided,
                first, last, delay, keep)
    warning = np.where(first >= 0, ready - detected, 0.0)
    margin = np.where(np.isfinite(decided), ready - np.where(np.isfinite(decided), decided, 0.0),
                      -np.inf)
    out = WarningSamples(seed=base, ready_h=ready, detected_h=detected, warning_h=warning,
                         decision_h=decided, margin_h=margin, first_indicator=first,
                         last_force=last, defender_delay_h=delay)
    if keep is not None:
        out = replace(out, force_ready_h=keep[0], force_order_h=keep[1],
                      force_leave_h=keep[2], force_arrive_h=keep[3], indicator_h=keep[4])
    return out


def _events(plan: WarningPlan, lay: _Layout, x: NDArray[np.float32], rows: dict[str, int],
            rail: list[bool], u_bern: NDArray[np.float64], start: int, m: int,
            ready: NDArray[np.float64], detected: NDArray[np.float64],
            decided: NDArray[np.float64],
            first: NDArray[np.int16], last: NDArray[np.int16], delay: NDArray[np.float64],
            keep: tuple[NDArray[np.float64], ...] | None) -> None:
    """Event times of one chunk of samples (``x``: the quantities, one row each; float32)."""
    sl = slice(start, start + m)
    n_force = len(plan.forces)
    f32 = np.float32
    f_ready = np.empty((n_force, m), f32)
    f_order = np.zeros((n_force, m), f32)
    f_leave = np.empty((n_force, m), f32)
    f_arrive = np.empty((n_force, m), f32)
    for j, f in enumerate(plan.forces):
        o = f_order[j]
        for r in lay.order_rows[j]:
            np.add(o, x[r], out=o)
        arrive = f_arrive[j]
        leave = f_leave[j]
        np.add(o, x[rows[f.prep]], out=leave)
        if f.speed is not None and f.detour is not None:
            np.divide(x[rows[f.detour]], x[rows[f.speed]], out=arrive)
            np.multiply(arrive, f32(f.distance_km), out=arrive)
            np.add(arrive, leave, out=arrive)
        else:
            arrive[:] = leave
        if f.unload is not None:
            np.add(arrive, x[rows[f.unload]], out=arrive)
        np.add(arrive, x[rows[f.readiness]], out=f_ready[j])
        if rail[j]:
            leave[:] = o
    t_ready, lst = _extreme(f_ready, np.greater, np.maximum)
    last[sl] = lst
    if plan.coordinated:
        # each force holds its order (and all that follows) until it will be ready together
        # with the last one
        hold = t_ready[None, :] - f_ready
        for arr in (f_order, f_leave, f_arrive, f_ready):
            np.add(arr, hold, out=arr)
    need = {ind.anchor for ind in plan.indicators}
    anchors: dict[Anchor, NDArray[np.float32]] = {}
    for a in need:
        if a is Anchor.DECISION:
            anchors[a] = np.zeros(m, f32)
        elif a is Anchor.ORDER:
            anchors[a] = f_order.min(axis=0)
        elif a is Anchor.RAIL_LOADING:
            anchors[a] = (f_order[np.array(rail)].min(axis=0) if any(rail)
                          else np.full(m, np.inf, f32))
        elif a is Anchor.GARRISON_EXIT:
            anchors[a] = f_leave.min(axis=0)
        else:
            anchors[a] = f_arrive.min(axis=0)
    n_ind = len(plan.indicators)
    t_ind = np.empty((n_ind, m), f32)
    # masked writes (t[mask] = ..., copyto(where=)) on random masks cost tens of times an
    # arithmetic pass; the selections below are arithmetic blends with the same results
    pen = np.empty(m, f32)
    with np.errstate(divide="ignore"):
        for k, ind in enumerate(plan.indicators):
            t = t_ind[k]
            np.add(anchors[ind.anchor], x[rows[ind.onset]], out=t)
            np.add(t, x[rows[ind.lag]], out=t)
            np.less(u_bern[k], lay.probs[k], out=pen)  # 1 detected, 0 not
            np.divide(f32(1.0), pen, out=pen)  # 1 or inf
            np.subtract(pen, f32(1.0), out=pen)  # 0 or inf
            np.add(t, pen, out=t)  # t, or inf when not detected
    if plan.coordinated:
        t_ready = f_ready.max(axis=0)
    ready[sl] = t_ready
    k_need = plan.detections_needed
    delay[sl] = x[rows[plan.defender_delay]]
    if n_ind:
        d, fi = _extreme(t_ind, np.less, np.minimum)
    if n_ind >= k_need:
        kth = np.partition(t_ind, k_need - 1, axis=0)[k_need - 1] if k_need > 1 else d
        decided[sl] = kth + delay[sl]
    else:
        decided[sl] = np.inf
    if n_ind:
        seen = np.less(d, t_ready)
        np.add(fi, np.int16(1), out=fi)
        np.multiply(fi, seen, out=fi)
        np.subtract(fi, np.int16(1), out=fi)  # -1 where nothing is detected before ready
        detected[sl] = d
    else:
        fi = np.full(m, -1, np.int16)
        detected[sl] = np.inf
    first[sl] = fi
    if keep is not None:
        keep[0][:, sl] = f_ready
        keep[1][:, sl] = f_order
        keep[2][:, sl] = f_leave
        keep[3][:, sl] = f_arrive
        keep[4][:, sl] = t_ind


def _extreme(a: NDArray[np.float32], beats: np.ufunc, pick: np.ufunc
             ) -> tuple[NDArray[np.float32], NDArray[np.int16]]:
    """Column-wise max and argmax (``np.greater``, ``np.maximum``) or min and argmin of a few
    rows, the first row winning ties (as ``argmax``/``argmin``), one contiguous row at a time
    (``argmax(axis=0)`` walks each column with a stride, and a masked write per row costs
    tens of arithmetic passes)."""
    best = a[0].copy()
    idx = np.zeros(a.shape[1], np.int16)
    better = np.empty(a.shape[1], np.bool_)
    step = np.empty(a.shape[1], np.int16)
    for j in range(1, a.shape[0]):
        beats(a[j], best, out=better)
        np.subtract(np.int16(j), idx, out=step)
        np.multiply(step, better, out=step)
        np.add(idx, step, out=idx)  # j where row j beats the best so far
        pick(best, a[j], out=best)
    return best, idx


# -- joint samples: one timeline for the campaign -----------------------------------------
@dataclass(frozen=True)
class JointSamples:
    """Joint samples of one scenario at one stage: one timeline per sample (hours after the
    decision to attack at t = 0; ``inf`` where an event never happens).

    Column ``i`` of every array is the same sample ``i``: the forces' movements, the first
    detection, the defender's decision and the attack start all come from the same draws, so
    a model that starts from these samples (the campaign) sees one consistent timeline. The
    same scenario, stage, options and seed give the same arrays.

    Attributes
    ----------
    scenario, stage, seed, samples
        What was run.
    forces, units
        Force ids of the scenario and the dataset unit of each at the stage (row order of the
        per-force arrays).
    start_places, jump_off_places
        Catalog place ids: where each force starts (garrison or stated place) and the jump-off
        area where it stands when the attack starts.
    modes
        ``rail``, ``road`` or ``in-place`` per force.
    force_order_h, force_leave_h, force_arrive_h, force_ready_h
        Per force (rows) and sample (columns): order received, start of loading or march,
        arrival at the jump-off, attack-ready at the jump-off.
    attack_ready_h
        The last force ready.
    attack_start_h
        When the attack starts: the model's attacker starts as soon as it is ready, so this
        equals ``attack_ready_h`` (kept apart so a hold could be modelled later).
    first_detection_h
        First indicator detected, at any time (``inf``: none is ever detected).
    decision_h
        The defender's decision to act: detection under the decision rule plus the
        defender's decision delay (``inf``: no detection, the attack itself is the warning).
    warning_h
        ``attack_start_h - first_detection_h`` where something is detected before the attack
        starts, else 0. Never negative.
    decision_margin_h
        ``attack_start_h - decision_h``: positive when the defender decides before the attack
        starts, negative when after, ``-inf`` when no decision comes from the indicators.
    """

    scenario: str
    stage: str
    seed: int
    samples: int
    forces: tuple[str, ...]
    units: tuple[str, ...]
    start_places: tuple[str, ...]
    jump_off_places: tuple[str, ...]
    modes: tuple[str, ...]
    force_order_h: NDArray[np.float64]
    force_leave_h: NDArray[np.float64]
    force_arrive_h: NDArray[np.float64]
    force_ready_h: NDArray[np.float64]
    attack_ready_h: NDArray[np.float64]
    attack_start_h: NDArray[np.float64]
    first_detection_h: NDArray[np.float64]
    decision_h: NDArray[np.float64]
    warning_h: NDArray[np.float64]
    decision_margin_h: NDArray[np.float64]

    @property
    def decides_before_attack(self) -> NDArray[np.bool_]:
        """Samples in which the defender decides before the attack starts."""
        return self.decision_h < self.attack_start_h


def joint_from_samples(plan: WarningPlan, s: WarningSamples) -> JointSamples:
    """The :class:`JointSamples` view of samples simulated with ``detail=True``.

    Raises
    ------
    ModelInputError
        If ``s`` was simulated without ``detail=True``.
    """
    if (s.force_ready_h is None or s.force_order_h is None or s.force_leave_h is None
            or s.force_arrive_h is None):
        raise ModelInputError("joint samples need simulate(..., detail=True)")
    start = s.ready_h
    decision = s.decision_h
    margin = s.margin_h
    return JointSamples(
        scenario=plan.scenario, stage=plan.stage, seed=s.seed, samples=int(start.size),
        forces=tuple(f.id for f in plan.forces), units=tuple(f.unit for f in plan.forces),
        start_places=tuple(f.start for f in plan.forces),
        jump_off_places=tuple(f.jump_off for f in plan.forces),
        modes=tuple(f.mode for f in plan.forces),
        force_order_h=s.force_order_h, force_leave_h=s.force_leave_h,
        force_arrive_h=s.force_arrive_h, force_ready_h=s.force_ready_h,
        attack_ready_h=s.ready_h, attack_start_h=start, first_detection_h=s.detected_h,
        decision_h=decision, warning_h=s.warning_h, decision_margin_h=margin)


def simulate_joint(scenario: Scenario, stage: str | Stage, catalog: Catalog,
                   samples: int = 10_000, seed: int | np.random.Generator | None = None, *,
                   controlled: bool = False, forces_from: str | None = None) -> JointSamples:
    """Joint samples of ``scenario`` at ``stage``: one timeline per sample.

    Parameters
    ----------
    scenario
        A loaded scenario.
    stage
        A stage id, a stage file path or a loaded :class:`~eastflank.schema.Stage`.
    catalog
        The dataset.
    samples
        Monte Carlo samples (memory: about 40 bytes x samples x forces).
    seed
        Seed; the same seed gives the same joint samples (recorded in the result).
    controlled, forces_from
        As in :func:`stage_plan`: the forces and options the samples are drawn with.

    Raises
    ------
    ScenarioError, StageError, UnknownNameError, ModelInputError
        On invalid input (see :func:`compile_plan`).

    Examples
    --------
    >>> from eastflank.catalog import load_catalog
    >>> from eastflank.scenario import load_scenario
    >>> cat = load_catalog()
    >>> sc = load_scenario("suwalki-gap-closure", cat)
    >>> j = simulate_joint(sc, "subordination-2026", cat, samples=1000, seed=4)
    >>> j.force_ready_h.shape == (len(j.forces), 1000)
    True
    >>> bool((j.warning_h >= 0).all())
    True
    """
    plan = stage_plan(scenario, stage, catalog, controlled=controlled, forces_from=forces_from)
    return joint_from_samples(plan, simulate(plan, samples, seed, detail=True))


# -- summaries -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Quantiles:
    """The 5th, 50th and 95th percentiles and the mean of a quantity (hours)."""

    p5_h: float
    p50_h: float
    p95_h: float
    mean_h: float

    @classmethod
    def of(cls, x: NDArray[np.float64]) -> Quantiles:
        """Percentiles of the finite values of ``x`` (all NaN if none is finite)."""
        fin = x[np.isfinite(x)]
        if fin.size == 0:
            return cls(math.nan, math.nan, math.nan, math.nan)
        p5, p50, p95 = np.percentile(fin, [5, 50, 95])
        return cls(float(p5), float(p50), float(p95), float(fin.mean()))


@dataclass(frozen=True)
class Driver:
    """One driver of the result and its share of the samples."""

    id: str
    name: str
    share: float


@dataclass(frozen=True)
class StageWarning:
    """What a force looks like at the stage: unit, start, mode, distance, chain."""

    force: str
    unit: str
    start: str
    jump_off: str
    mode: str
    distance_km: float
    chain: tuple[str, ...]
    veto_points: tuple[str, ...]
    status: str


STATUSES = ("established", "reported", "claimed", "hypothetical")
"""Statuses of a parameter, from best to least supported."""


@dataclass(frozen=True)
class StatusCounts:
    """How many of the parameters behind a result have each status."""

    established: int
    reported: int
    claimed: int
    hypothetical: int

    @classmethod
    def of(cls, statuses: Sequence[str]) -> StatusCounts:
        """Count ``statuses`` (each one of :data:`STATUSES`)."""
        return cls(*(sum(1 for x in statuses if x == k) for k in STATUSES))

    @property
    def total(self) -> int:
        """All parameters counted."""
        return self.established + self.reported + self.claimed + self.hypothetical

    @property
    def sourced(self) -> int:
        """Parameters that are established or reported (claimed ones are not sourced)."""
        return self.established + self.reported

    @property
    def mostly_sourced(self) -> bool:
        """Whether more than half of the parameters are sourced."""
        return self.sourced * 2 > self.total

    def phrase(self) -> str:
        """``"n established, n reported, n claimed, n hypothetical of N parameters"``."""
        return (f"{self.established} established, {self.reported} reported, {self.claimed} "
                f"claimed, {self.hypothetical} hypothetical of {self.total} parameters")


@dataclass(frozen=True)
class OptionsUsed:
    """The options a stage ran with (values and statuses)."""

    start: str
    consent: str
    cover: str
    cover_damping: float
    decision: str
    detections: int
    statuses: dict[str, str]

    @classmethod
    def of(cls, o: Options) -> OptionsUsed:
        """The options ``o`` as plain values."""
        return cls(start=o.start.value.value, consent=o.consent.value.value,
                   cover=o.cover.value.value, cover_damping=o.cover.damping,
                   decision=o.decision.rule.value, detections=o.decision.detections,
                   statuses={"start": o.start.status.value, "consent": o.consent.status.value,
                             "cover": o.cover.status.value,
                             "decision": o.decision.status.value})


@dataclass(frozen=True)
class WarningResult:
    """The warning-time distribution of a scenario at a stage (hours).

    Attributes
    ----------
    warning
        Quantiles of warning time: attack-ready − first detection, 0 when nothing is
        detected before the attack is ready. Never negative.
    ready
        Quantiles of the time from the decision to attack-ready.
    decision_margin
        Quantiles of the decision margin, attack-ready − the defender's decision, over the
        samples in which the indicators lead to a decision at all (negative: the defender
        decides after the attack is ready). Not a warning time.
    p_no_warning
        Share of samples in which nothing is detected before the attack is ready.
    p_decides_before_ready
        Share in which the defender decides before the attack is ready.
    p_no_decision
        Share in which the indicators never lead to a decision (too few detected).
    first_indicator
        Which indicator fired first (``none``: no warning), by share.
    last_force
        Which force was ready last, by share.
    cdf_h
        Warning-time quantiles at 0, 1, ..., 100 %, for plotting.
    margin_cdf_h
        Decision-margin quantiles at 0, 1, ..., 100 % of the samples with a decision.
    forces_from
        The stage whose force positions were used (``None``: this stage's own).
    options
        The attacker and defender options used.
    status_counts
        Statuses of the parameters behind the result (:meth:`WarningPlan.parameters`).
    seed
        The seed used: the same seed gives the same result.
    """

    scenario: str
    stage: str
    stage_date: dt.date
    defender: str
    samples: int
    seed: int
    warning: Quantiles
    ready: Quantiles
    decision_margin: Quantiles
    p_no_warning: float
    p_decides_before_ready: float
    p_no_decision: float
    first_indicator: list[Driver]
    last_force: list[Driver]
    forces: list[StageWarning]
    draws_per_sample: int
    cdf_h: list[float]
    margin_cdf_h: list[float]
    forces_from: str | None
    options: OptionsUsed
    status_counts: StatusCounts


def summarize(plan: WarningPlan, s: WarningSamples) -> WarningResult:
    """Summarise the samples of ``plan`` into a :class:`WarningResult`."""
    n = s.warning_h.size
    counts = np.bincount(s.first_indicator + 1, minlength=len(plan.indicators) + 1) / n
    firsts = [Driver("none", "no indicator before attack-ready", float(counts[0]))]
    firsts += [Driver(i.id, i.name, float(c)) for i, c in zip(plan.indicators, counts[1:],
                                                              strict=True)]
    lasts_c = np.bincount(s.last_force, minlength=len(plan.forces)) / n
    lasts = [Driver(f.id, f.name, float(c)) for f, c in zip(plan.forces, lasts_c, strict=True)]
    levels = np.linspace(0, 100, CDF_LEVELS)
    margin = s.margin_h[np.isfinite(s.margin_h)]
    return WarningResult(
        scenario=plan.scenario, stage=plan.stage, stage_date=plan.stage_date,
        defender=plan.defender, samples=n, seed=s.seed,
        warning=Quantiles.of(s.warning_h), ready=Quantiles.of(s.ready_h),
        decision_margin=Quantiles.of(margin),
        p_no_warning=float(s.no_warning.mean()),
        p_decides_before_ready=float(s.decides_before_ready.mean()),
        p_no_decision=float((~np.isfinite(s.decision_h)).mean()),
        first_indicator=sorted(firsts, key=lambda d: -d.share),
        last_force=sorted(lasts, key=lambda d: -d.share),
        forces=[StageWarning(f.id, f.unit, f.start, f.jump_off, f.mode, round(f.distance_km, 1),
                             f.chain, f.veto_points, f.status) for f in plan.forces],
        draws_per_sample=plan.draws_per_sample,
        cdf_h=[float(v) for v in np.percentile(s.warning_h, levels)],
        margin_cdf_h=([float(v) for v in np.percentile(margin, levels)] if margin.size
                      else []),
        forces_from=plan.forces_from,
        options=OptionsUsed.of(plan.options),
        status_counts=StatusCounts.of(list(plan.parameters().values())),
    )


def _stage(stage: str | Stage, catalog: Catalog) -> Stage:
    if isinstance(stage, Stage):
        return stage
    from eastflank.stages import load_stage

    return load_stage(stage, catalog)


def controlled_forces(scenario: Scenario) -> str:
    """The stage whose forces a controlled comparison uses: the scenario's ``controlled``
    setting, else its verdict's "after" stage.

    Raises
    ------
    ScenarioError
        If the scenario states neither.
    """
    if scenario.controlled is not None:
        return scenario.controlled.forces_from
    if scenario.verdict is not None:
        return scenario.verdict.after
    raise scenario.error("a controlled comparison needs 'controlled.forces_from' (a stage id "
                         "whose force positions are used at every stage)", "controlled")


def stage_plan(scenario: Scenario, stage: str | Stage, catalog: Catalog, *,
               controlled: bool = False, forces_from: str | None = None) -> WarningPlan:
    """The compiled plan of ``scenario`` at ``stage``.

    Stage-specific (default): the forces and options the scenario gives for that stage.
    ``controlled``: the scenario's default options and the forces of ``forces_from``
    (default :func:`controlled_forces`) at every stage, so the command stage is the only
    difference between stages.
    """
    st = _stage(stage, catalog)
    if not controlled:
        return compile_plan(scenario, st, catalog, forces_from=forces_from)
    return compile_plan(scenario, st, catalog, options=scenario.options_at(st.id, True),
                        forces_from=forces_from or controlled_forces(scenario))


def run_warning(scenario: Scenario, stage: str | Stage, catalog: Catalog, samples: int = 100_000,
                seed: int | np.random.Generator | None = None, *, controlled: bool = False,
                forces_from: str | None = None) -> WarningResult:
    """Warning time of ``scenario`` at ``stage``: quantiles, P(no warning), the decision
    margin, drivers, the options used and the status counts of the parameters.

    ``controlled`` and ``forces_from`` as in :func:`stage_plan`.

    Parameters
    ----------
    scenario
        A loaded scenario.
    stage
        A stage id, a stage file path or a loaded :class:`~eastflank.schema.Stage`.
    catalog
        The dataset.
    samples
        Monte Carlo samples.
    seed
        Seed (recorded in the result); the same seed gives the same result.

    Raises
    ------
    ScenarioError, StageError, UnknownNameError, ModelInputError
        On invalid input (see :func:`compile_plan`).
    """
    plan = stage_plan(scenario, stage, catalog, controlled=controlled, forces_from=forces_from)
    return summarize(plan, simulate(plan, samples, seed))


# -- comparison and verdict ------------------------------------------------------------------
@dataclass(frozen=True)
class WarningComparison:
    """Warning time of one scenario at several stages, and the verdict on the claim.

    ``controlled``: every stage ran with the forces of ``forces_from`` and the scenario's
    default options, so only the command stage differs; otherwise each stage ran with its own
    forces and options (stage-specific). ``verdict`` is one sentence computed from the
    medians, the scenario's thresholds and ``status_counts`` (the parameters behind the two
    stages the verdict compares, each counted once); ``holds`` is ``True`` (holds), ``False``
    (does not hold) or ``None`` (partly).
    """

    scenario: str
    defender: str
    samples: int
    seed: int
    controlled: bool
    forces_from: str | None
    results: list[WarningResult]
    claim: str | None
    holds: bool | None
    verdict: str
    status_counts: StatusCounts


def _fmt(hours: float) -> str:
    """Hours as ``"7.9 days"`` (48 h and more) or ``"23 hours"``; ``"undefined"`` if NaN."""
    if not math.isfinite(hours):
        return "undefined"
    if abs(hours) >= 48:
        return f"{hours / 24:.1f} days"
    return f"{hours:.0f} hours"


def _band(hours: float, weeks_min_h: float, hours_max_h: float) -> str:
    if hours >= weeks_min_h:
        return "weeks"
    if hours < hours_max_h:
        return "hours"
    return "days"


def _pair(scenario: Scenario, results: Sequence[WarningResult]
          ) -> tuple[WarningResult, WarningResult]:
    v = scenario.verdict
    by_stage = {r.stage: r for r in results}
    if v and v.before in by_stage and v.after in by_stage:
        return by_stage[v.before], by_stage[v.after]
    return results[0], results[-1]


def verdict_sentence(scenario: Scenario, results: Sequence[WarningResult],
                     counts: StatusCounts | None = None, controlled: bool = False
                     ) -> tuple[str | None, bool | None, str]:
    """The one-sentence verdict on the scenario's claim from ``results`` (medians).

    The "before" and "after" stages are the scenario's verdict stages when both were run,
    else the first and last stage run. "Weeks" and "hours" are the scenario's thresholds.
    The sentence states the status counts of the parameters behind it and opens "Under the
    model's assumptions" unless more than half of them are sourced.
    """
    v = scenario.verdict
    weeks_h = v.weeks_min_h if v else 168.0
    hours_h = v.hours_max_h if v else 48.0
    a, b = _pair(scenario, results)
    if counts is None:
        counts = a.status_counts
    ma, mb = a.warning.p50_h, b.warning.p50_h
    band_a, band_b = _band(ma, weeks_h, hours_h), _band(mb, weeks_h, hours_h)
    setting = ("with the same forces and options at both stages (controlled)" if controlled
               else "with each stage's own forces and options")
    detail = (f"{setting}, median warning for {a.defender} is {_fmt(ma)} (in the "
              f"'{band_a}' band) at {a.stage} and {_fmt(mb)} (in the '{band_b}' band) at "
              f"{b.stage}, P(no warning) "
              f"{a.p_no_warning:.0%} and {b.p_no_warning:.0%} (weeks: at least "
              f"{weeks_h / 24:g} days; hours: under {hours_h:g} h)")
    opening = ("Under mostly sourced parameters" if counts.mostly_sourced
               else "Under the model's assumptions")
    basis = f" ({counts.phrase()})"
    if v is None:
        return None, None, f"{opening}{basis}, {detail}."
    holds: bool | None
    rank = {"hours": 0, "days": 1, "weeks": 2}
    if band_a == "weeks" and band_b == "hours":
        holds, word = True, "holds"
    elif rank[band_b] < rank[band_a]:  # cut, but not from weeks to hours
        holds, word = None, "holds only in part"
    else:  # no cut between the bands
        holds, word = False, "does not hold"
    return v.claim, holds, (f"{opening}{basis}, the claim \"{v.claim}\" {word}: {detail}.")


def compare_stages(scenario: Scenario, stages: Sequence[str | Stage], catalog: Catalog,
                   samples: int = 100_000, seed: int | np.random.Generator | None = None,
                   progress: Callable[[str], None] | None = None, *, controlled: bool = False,
                   forces_from: str | None = None) -> WarningComparison:
    """Warning time of ``scenario`` at each of ``stages`` and the verdict on its claim.

    Every stage runs with the same seed (common random numbers), so differences between
    stages come from the stages, not from sampling noise.

    Parameters
    ----------
    scenario, catalog
        A loaded scenario and the dataset.
    stages
        Stage ids, paths or loaded stages (at least one).
    samples, seed
        Samples per stage; the seed (recorded).
    progress
        Called with each stage id after it has run (for progress bars).
    controlled, forces_from
        The controlled comparison (same forces and options at every stage), see
        :func:`stage_plan`.

    Returns
    -------
    WarningComparison
        Per-stage results, the status counts and the one-sentence verdict.
    """
    if not stages:
        raise ModelInputError("stages: expected at least one stage")
    base = resolve_seed(seed)
    n = _check_samples(samples)
    results: list[WarningResult] = []
    params: dict[str, dict[str, str]] = {}
    used_from = None
    for st in stages:
        loaded = _stage(st, catalog)
        plan = stage_plan(scenario, loaded, catalog, controlled=controlled,
                          forces_from=forces_from)
        used_from = plan.forces_from
        params[plan.stage] = plan.parameters()
        results.append(summarize(plan, simulate(plan, n, base)))
        if progress is not None:
            progress(loaded.id)
    a, b = _pair(scenario, results)
    behind = params[a.stage] | params[b.stage]
    counts = StatusCounts.of(list(behind.values()))
    claim, holds, sentence = verdict_sentence(scenario, results, counts, controlled)
    return WarningComparison(scenario=scenario.id, defender=scenario.defender, samples=n,
                             seed=base, controlled=controlled, forces_from=used_from,
                             results=results, claim=claim, holds=holds, verdict=sentence,
                             status_counts=counts)


@dataclass(frozen=True)
class StageEffect:
    """Median warning (hours) at one stage in both comparisons."""

    stage: str
    stage_specific_p50_h: float
    controlled_p50_h: float


@dataclass(frozen=True)
class WarningStudy:
    """The stage-specific and the controlled comparison side by side, and which effect is
    which.

    ``total_change_h`` is the change of the median warning from the verdict's "before" to its
    "after" stage with each stage's own forces and options; ``command_change_h`` the change
    with the same forces and options (the command stage alone); ``forces_options_change_h``
    the rest (what the changed forces and options add). ``summary`` says it in one sentence.
    """

    scenario: str
    before: str
    after: str
    stage_specific: WarningComparison
    controlled: WarningComparison
    effects: list[StageEffect]
    total_change_h: float
    command_change_h: float
    forces_options_change_h: float
    summary: str


def _signed(hours: float) -> str:
    word = "falls" if hours < 0 else "rises"
    return f"{word} by {_fmt(abs(hours))}" if abs(hours) >= 0.5 else "is unchanged"


def study_stages(scenario: Scenario, stages: Sequence[str | Stage], catalog: Catalog,
                 samples: int = 100_000, seed: int | np.random.Generator | None = None,
                 forces_from: str | None = None) -> WarningStudy:
    """Both comparisons of ``scenario`` over ``stages`` with one seed, and the split of the
    change in median warning into the command effect and the forces-and-options effect.

    Raises
    ------
    ModelInputError
        If fewer than one stage is given.
    ScenarioError
        If the scenario names no stage for the controlled forces (see
        :func:`controlled_forces`).
    """
    base = resolve_seed(seed)
    spec = compare_stages(scenario, stages, catalog, samples, base)
    ctl = compare_stages(scenario, stages, catalog, samples, base, controlled=True,
                         forces_from=forces_from)
    a, b = _pair(scenario, spec.results)
    ca, cb = _pair(scenario, ctl.results)
    total = b.warning.p50_h - a.warning.p50_h
    command = cb.warning.p50_h - ca.warning.p50_h
    rest = total - command
    effects = [StageEffect(r.stage, r.warning.p50_h, c.warning.p50_h)
               for r, c in zip(spec.results, ctl.results, strict=True)]
    summary = (f"From {a.stage} to {b.stage} the median warning {_signed(total)} with each "
               f"stage's own forces and options ({_fmt(a.warning.p50_h)} to "
               f"{_fmt(b.warning.p50_h)}); with the forces of {ctl.forces_from} and the same "
               f"options at both stages it {_signed(command)} ({_fmt(ca.warning.p50_h)} to "
               f"{_fmt(cb.warning.p50_h)}): that is the effect of the command stage. "
               + (f"The rest of the change (the median {_signed(rest)}) comes from the "
                  "different forces and options, not from who commands." if abs(rest) >= 0.5
                  else "The different forces and options add no change."))
    return WarningStudy(scenario=scenario.id, before=a.stage, after=b.stage,
                        stage_specific=spec, controlled=ctl, effects=effects,
                        total_change_h=total, command_change_h=command,
                        forces_options_change_h=rest, summary=summary)


# -- one sample, explained -------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineEvent:
    """One event of a sample: time (hours after the decision), what, who."""

    t_h: float
    event: str
    who: str


@dataclass(frozen=True)
class Timeline:
    """The events of the median-warning sample of a run, in time order.

    ``warning_h`` is never negative; ``decision_margin_h`` is attack-ready − the defender's
    decision (negative: decided after; ``None``: the indicators never led to a decision).
    """

    scenario: str
    stage: str
    seed: int
    sample: int
    warning_h: float
    decision_margin_h: float | None
    events: list[TimelineEvent]


def explain_stage(scenario: Scenario, stage: str | Stage, catalog: Catalog,
                  samples: int = 10_001, seed: int | np.random.Generator | None = None, *,
                  controlled: bool = False, forces_from: str | None = None) -> Timeline:
    """The timeline of the sample whose warning time is the median of ``samples`` samples."""
    plan = stage_plan(scenario, stage, catalog, controlled=controlled, forces_from=forces_from)
    s = simulate(plan, samples, seed, detail=True)
    order = np.argsort(s.warning_h, kind="stable")
    k = int(order[len(order) // 2])
    assert s.force_ready_h is not None and s.force_order_h is not None  # detail=True
    assert s.force_leave_h is not None and s.force_arrive_h is not None
    assert s.indicator_h is not None
    ev = [TimelineEvent(0.0, "decision to attack", scenario.decision_body)]
    for j, f in enumerate(plan.forces):
        ev.append(TimelineEvent(float(s.force_order_h[j, k]), "order received", f.unit))
        what = "starts rail loading" if f.mode == "rail" else "leaves garrison"
        ev.append(TimelineEvent(float(s.force_leave_h[j, k]), what, f.unit))
        ev.append(TimelineEvent(float(s.force_arrive_h[j, k]), f"at jump-off {f.jump_off}",
                                f.unit))
        ev.append(TimelineEvent(float(s.force_ready_h[j, k]), "ready", f.unit))
    for i, ind in enumerate(plan.indicators):
        t = float(s.indicator_h[i, k])
        if math.isfinite(t):
            ev.append(TimelineEvent(t, f"detected: {ind.name}", plan.defender))
    ev.append(TimelineEvent(float(s.ready_h[k]), "attack ready", scenario.decision_body))
    decided = float(s.decision_h[k])
    if math.isfinite(decided):
        ev.append(TimelineEvent(decided, "defender decides to act", plan.defender))
    ev.sort(key=lambda e: e.t_h)
    return Timeline(scenario=plan.scenario, stage=plan.stage, seed=s.seed, sample=k,
                    warning_h=float(s.warning_h[k]),
                    decision_margin_h=float(s.margin_h[k]) if math.isfinite(decided) else None,
                    events=ev)


# -- plot ------------------------------------------------------------------------------------
_STYLES = ("-", "--", "-.", ":")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def plot_cdf(comparison: WarningComparison) -> Figure:
    """CDFs per stage, in days: warning time (left) and decision margin (right).

    Each stage has its own colour, line style and marker; a stage whose curve is identical
    to an earlier stage's says so in the legend ("= autonomy-2019"), so overlapping curves
    are told apart. Vertical lines mark the "hours" (48 h) and "weeks" (7 days) thresholds
    on the warning panel and zero on the margin panel. Returns a matplotlib Figure (not
    shown, not saved).
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 5.2), layout="constrained")
    ax_w, ax_m = fig.subplots(1, 2)
    levels = np.linspace(0, 1, CDF_LEVELS)
    seen_w: list[tuple[str, list[float]]] = []
    seen_m: list[tuple[str, list[float]]] = []
    for i, r in enumerate(comparison.results):
        style: dict[str, Any] = {"ls": _STYLES[i % len(_STYLES)],
                                 "marker": _MARKERS[i % len(_MARKERS)],
                                 "markevery": (i * 3 % 20, 20), "ms": 4, "lw": 1.4}
        same_w = next((sid for sid, c in seen_w if np.allclose(c, r.cdf_h)), None)
        (line,) = ax_w.plot(np.array(r.cdf_h) / 24, levels,
                            label=r.stage + (f" (= {same_w})" if same_w else ""), **style)
        seen_w.append((r.stage, r.cdf_h))
        if r.margin_cdf_h:
            share = 1.0 - r.p_no_decision
            same_m = next((sid for sid, c in seen_m if len(c) == len(r.margin_cdf_h)
                           and np.allclose(c, r.margin_cdf_h)), None)
            ax_m.plot(np.array(r.margin_cdf_h) / 24, levels * share, color=line.get_color(),
                      label=r.stage + (f" (= {same_m})" if same_m else ""), **style)
            seen_m.append((r.stage, r.margin_cdf_h))
    for x, label in ((2, "48 h"), (7, "7 days")):
        ax_w.axvline(x, color="0.6", lw=0.8, ls=":")
        ax_w.text(x, 0.02, f" {label}", ha="left", va="bottom", fontsize=8, color="0.4")
    ax_m.axvline(0, color="0.4", lw=0.8)
    ax_w.set_xlabel("warning (days) = attack-ready − first detection, ≥ 0")
    ax_m.set_xlabel("decision margin (days) = attack-ready − defender's decision\n"
                    "(no decision: left out, so the curve ends below 1)")
    ax_w.set_ylabel("share of samples ≤ x")
    ax_m.set_ylabel("share of samples ≤ x")
    for ax in (ax_w, ax_m):
        ax.set_ylim(0, 1)
    handles, labels = ax_w.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=min(len(labels), 3),
               fontsize=8)
    kind = "controlled (same forces and options)" if comparison.controlled \
        else "stage-specific forces and options"
    fig.suptitle(f"{comparison.scenario}: warning for {comparison.defender}, {kind}",
                 fontsize=11)
    return fig
