"""Warning-time scenarios: an objective, the forces it needs, how they move, what NATO sees.

A scenario is one YAML document under ``data/scenarios/<id>.yaml`` (files ending in
``.campaign.yaml`` belong to :mod:`eastflank.campaign` and are not scenarios of this kind), or a
user's own file passed by path. Every number in it is a :class:`Dist` (a triangular
distribution) or a :class:`Probability`, and each carries its sources or, when it is a
modelling assumption, ``status: hypothetical`` with the reasoning in ``note``. Nothing numeric
hides in code.

Loading validates the document into a frozen :class:`Scenario`; :func:`check_scenario`
cross-checks it against the dataset (units, places and sources exist, each force's unit exists
on the stage date). Errors name the file, line, scenario, field, the value and what was
expected (:class:`~eastflank.errors.ScenarioError`).

Examples
--------
>>> list_scenarios()
['northern-front-ukraine', 'suwalki-gap-closure']
>>> sc = load_scenario("suwalki-gap-closure")
>>> sc.defender
'NATO'
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from eastflank.catalog import Catalog, data_dir
from eastflank.errors import ScenarioError, UnknownNameError
from eastflank.schema import ACTOR_ID, KEBAB_ID, Status, check_triangular
from eastflank.yamlio import (
    nested_validation_error,
    node_lines,
    read_yaml,
    resolve_file,
    yaml_files,
)

__all__ = [
    "DEFAULT_OPTIONS",
    "Anchor",
    "ConsentOption",
    "ConsentRule",
    "Controlled",
    "CoverKind",
    "CoverOption",
    "DecisionOption",
    "DecisionRule",
    "Dist",
    "Force",
    "HomeCommand",
    "Indicator",
    "Movement",
    "MovementMode",
    "Options",
    "OptionsOverride",
    "Position",
    "Probability",
    "RailModel",
    "RoadModel",
    "Scenario",
    "StartOption",
    "StartRule",
    "Verdict",
    "check_position_keys",
    "check_scenario",
    "list_scenarios",
    "load_scenario",
    "parse_scenario",
    "scenario_path",
    "scenarios_dir",
]

_Id = Annotated[str, Field(pattern=KEBAB_ID)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class _Sourced(_Frozen):
    """A sourced statement, or ``hypothetical`` with its reasoning in ``note``."""

    status: Status
    sources: list[_Id] = Field(default_factory=list, description="Source ids.")
    note: str | None = Field(None, description="Reasoning; required when hypothetical.")

    @model_validator(mode="after")
    def _sourced_or_reasoned(self) -> _Sourced:
        if self.status is Status.HYPOTHETICAL:
            if not self.note:
                raise ValueError("a hypothetical value needs its reasoning in 'note'")
        elif not self.sources:
            raise ValueError(
                f"status {self.status.value!r} needs at least one source id in 'sources' "
                "(or set status 'hypothetical' and give the reasoning in 'note')"
            )
        return self


class Dist(_Sourced):
    """A triangular distribution: lower limit, mode, upper limit (``min == max``: fixed).

    The unit is in the name of the field that holds it (``speed_kmh``, ``lag_h``). Values
    must be finite, non-negative and ordered ``min <= mode <= max``.
    """

    min: float = Field(ge=0, allow_inf_nan=False, description="Lower limit.")
    mode: float = Field(ge=0, allow_inf_nan=False, description="Most likely value.")
    max: float = Field(ge=0, allow_inf_nan=False, description="Upper limit.")

    @model_validator(mode="after")
    def _ordered(self) -> Dist:
        check_triangular(self.min, self.mode, self.max)
        return self

    @property
    def mean(self) -> float:
        """Mean of the distribution: ``(min + mode + max) / 3``."""
        return (self.min + self.mode + self.max) / 3.0


class Probability(_Sourced):
    """A probability in [0, 1], sourced or stated as an assumption."""

    value: float = Field(ge=0, le=1, allow_inf_nan=False, description="Probability, 0 to 1.")


class RailModel(_Frozen):
    """Rail movement of a force: load and dispatch, run, unload (hours, km/h)."""

    loading_h: Dist = Field(description="From the order to the departure of the last train.")
    speed_kmh: Dist = Field(description="Average running speed of a military train.")
    unloading_h: Dist = Field(description="Unloading and march to the assembly area.")
    detour_factor: Dist = Field(description="Rail route length / geodesic distance (>= 1).")


class RoadModel(_Frozen):
    """Road march of a force (km/h); assembly before the march is a property of the force."""

    speed_kmh: Dist = Field(description="Average march speed of a column, halts included.")
    detour_factor: Dist = Field(description="Road route length / geodesic distance (>= 1).")


class Movement(_Frozen):
    """How forces move: by rail and by road."""

    rail: RailModel
    road: RoadModel

    @model_validator(mode="after")
    def _positive(self) -> Movement:
        for name, dist in (("rail.speed_kmh", self.rail.speed_kmh),
                           ("road.speed_kmh", self.road.speed_kmh)):
            if dist.min <= 0:
                raise ValueError(f"{name}: min {dist.min:g} must be > 0 (a speed)")
        for name, dist in (("rail.detour_factor", self.rail.detour_factor),
                           ("road.detour_factor", self.road.detour_factor)):
            if dist.min < 1:
                raise ValueError(f"{name}: min {dist.min:g} must be >= 1 (route/geodesic)")
        return self


class MovementMode(StrEnum):
    """How a force reaches its jump-off position."""

    RAIL = "rail"
    ROAD = "road"
    IN_PLACE = "in-place"


class Position(_Sourced):
    """Where a force starts at a stage: which unit, from which place, moving how.

    ``place`` defaults to the unit's garrison. ``in-place`` means the start is the jump-off
    area itself (the force still assembles and leaves its barracks). Optional
    ``assembly_h``/``readiness_h`` override the force's own (e.g. forward for an exercise).
    """

    unit: _Id = Field(description="Unit id in the dataset.")
    place: _Id | None = Field(None, description="Start place id; default the unit's garrison.")
    mode: MovementMode
    assembly_h: Dist | None = None
    readiness_h: Dist | None = None


class Force(_Frozen):
    """A force the objective needs, with its start position at each stage.

    ``positions`` maps a stage id (or ``default``) to a :class:`Position`.
    """

    id: _Id
    name: str = Field(min_length=1)
    role: str = Field(min_length=1, description="What the force does for the objective.")
    jump_off: _Id = Field(description="Place id of its jump-off area.")
    assembly_h: Dist = Field(description="From the order to leaving garrison by road.")
    readiness_h: Dist = Field(description="From arrival at the jump-off to attack-ready.")
    positions: dict[str, Position] = Field(min_length=1)

    def position(self, stage_id: str) -> Position | None:
        """The position at ``stage_id``, else the ``default`` one, else ``None``."""
        return self.positions.get(stage_id) or self.positions.get("default")


class Anchor(StrEnum):
    """The activity an indicator observes; its time is the earliest over the forces.

    ``decision``
        The decision itself (t = 0): political signals, reserve call-ups.
    ``order``
        The first unit receiving its order: leave cancellations, communications changes.
    ``rail-loading``
        The first force starting to load on trains (never, if no force moves by rail).
    ``garrison-exit``
        The first force leaving its garrison (to a railhead or on the road).
    ``arrival``
        The first force arriving in its jump-off area: field hospitals, forward logistics.
    """

    DECISION = "decision"
    ORDER = "order"
    RAIL_LOADING = "rail-loading"
    GARRISON_EXIT = "garrison-exit"
    ARRIVAL = "arrival"


class Indicator(_Frozen):
    """A warning indicator: the activity it watches, its chance of detection and its lag."""

    id: _Id
    name: str = Field(min_length=1)
    anchor: Anchor
    onset_h: Dist = Field(description="From the anchor activity to the observable sign.")
    detection_probability: Probability = Field(
        description="Chance that the sign is seen and reported at all before the attack."
    )
    lag_h: Dist = Field(description="From the observable sign to its assessment as warning.")


class HomeCommand(_Sourced):
    """How the decision body orders its own state's forces on its own soil.

    The stages describe command over forces in or of Belarus; a force of the deciding state
    that stands on that state's own territory (e.g. a Russian division in Smolensk oblast) is
    in no force group of a stage. For such a unit the order goes from ``holder`` through
    ``via`` and down the unit's parent chain, with no consent gate.
    """

    actor: Annotated[str, Field(pattern=ACTOR_ID)] = Field(description="The deciding state.")
    holder: _Id = Field(description="Command body holding the authority (e.g. its president).")
    via: list[_Id] = Field(default_factory=list, description="Bodies the order passes first.")


# -- attacker and defender options -----------------------------------------------------------
class StartRule(StrEnum):
    """How the attacker times its forces' departures.

    ``as-ordered``
        Each force starts as soon as its order arrives; early movers are seen early.
    ``coordinated``
        Departures are scheduled so that every force is ready when the last one is: each
        force holds its order (and everything after it) for the difference. This minimises
        the earliest detectable activity for the same time to attack-ready.
    """

    AS_ORDERED = "as-ordered"
    COORDINATED = "coordinated"


class ConsentRule(StrEnum):
    """When the consents on a command chain (veto points) are obtained.

    ``on-request``
        After the decision, on the chain: each consent's delay adds to the order's latency.
    ``prior``
        Before the decision (agreed in advance): the consent delays do not add to the
        latency. The consent itself is still required; only its timing moves.
    """

    ON_REQUEST = "on-request"
    PRIOR = "prior"


class CoverKind(StrEnum):
    """Whether the build-up moves under the cover of an announced exercise."""

    NONE = "none"
    EXERCISE = "exercise"


class DecisionRule(StrEnum):
    """What the defender needs to decide to act.

    ``first-detection``
        The first detected indicator, then the decision delay.
    ``corroborated``
        The ``detections``-th detected indicator (independent signs), then the delay.
    """

    FIRST_DETECTION = "first-detection"
    CORROBORATED = "corroborated"


class StartOption(_Sourced):
    """The attacker's start rule, with its sources or reasoning."""

    value: StartRule


class ConsentOption(_Sourced):
    """When consents are obtained, with sources or reasoning."""

    value: ConsentRule


class CoverOption(_Sourced):
    """Exercise cover: the detection probability of indicators watching ``anchors`` is
    multiplied by ``damping`` (a stated factor, 1 = no effect)."""

    value: CoverKind
    exercise: str | None = Field(None, description="The exercise giving cover, e.g. Zapad-2021.")
    damping: float = Field(1.0, ge=0, le=1, allow_inf_nan=False,
                           description="Factor on the detection probability (0 to 1).")
    anchors: list[Anchor] = Field(
        default_factory=lambda: [Anchor.RAIL_LOADING, Anchor.GARRISON_EXIT, Anchor.ARRIVAL],
        description="Indicator anchors the cover damps (the forces' visible movements).")

    @model_validator(mode="after")
    def _damping_only_with_cover(self) -> CoverOption:
        if self.value is CoverKind.NONE and self.damping != 1.0:
            raise ValueError("cover 'none' takes no damping (expected damping 1 or omitted)")
        return self

    def factor(self, anchor: Anchor) -> float:
        """The factor on the detection probability of an indicator watching ``anchor``."""
        if self.value is CoverKind.NONE or anchor not in self.anchors:
            return 1.0
        return self.damping


class DecisionOption(_Sourced):
    """The defender's decision rule, with sources or reasoning."""

    rule: DecisionRule
    detections: int = Field(1, ge=1, description="Detected indicators needed to decide.")

    @model_validator(mode="after")
    def _one_for_first(self) -> DecisionOption:
        if self.rule is DecisionRule.FIRST_DETECTION and self.detections != 1:
            raise ValueError("rule 'first-detection' needs detections 1 (or omitted); "
                             "use rule 'corroborated' for more")
        return self


_MODEL_DEFAULT = ("Model default when the scenario states no option: the behaviour of the "
                  "model before the options existed.")


class Options(_Frozen):
    """Attacker and defender options of a scenario (see :class:`Scenario`)."""

    start: StartOption = StartOption(value=StartRule.AS_ORDERED, status=Status.HYPOTHETICAL,
                                     note=_MODEL_DEFAULT)
    consent: ConsentOption = ConsentOption(value=ConsentRule.ON_REQUEST,
                                           status=Status.HYPOTHETICAL, note=_MODEL_DEFAULT)
    cover: CoverOption = CoverOption(value=CoverKind.NONE, status=Status.HYPOTHETICAL,
                                     note=_MODEL_DEFAULT)
    decision: DecisionOption = DecisionOption(rule=DecisionRule.FIRST_DETECTION,
                                              status=Status.HYPOTHETICAL, note=_MODEL_DEFAULT)

    def merged(self, override: OptionsOverride | None) -> Options:
        """These options with the fields ``override`` states replaced."""
        if override is None:
            return self
        return self.model_copy(update={k: v for k, v in override if v is not None})


class OptionsOverride(_Frozen):
    """Options for one stage; a field left out keeps the scenario's default option."""

    start: StartOption | None = None
    consent: ConsentOption | None = None
    cover: CoverOption | None = None
    decision: DecisionOption | None = None


DEFAULT_OPTIONS = Options()
"""The options of a scenario that states none."""


class Controlled(_Sourced):
    """The controlled comparison: the forces of one stage, placed at every stage.

    With the same forces and the same (default) options at every stage, the command stage
    (who may order whom, through which consents) is the only difference between stages.
    """

    forces_from: _Id = Field(description="Stage id whose force positions are used everywhere.")


class Verdict(_Frozen):
    """How to word the verdict on a claim about warning time (thresholds in hours)."""

    claim: str = Field(min_length=1, description="The claim tested, quoted.")
    claim_source: _Id = Field(description="Source id of the claim.")
    weeks_min_h: float = Field(168.0, gt=0, description="'Weeks' means at least this many h.")
    hours_max_h: float = Field(48.0, gt=0, description="'Hours' means fewer than this many h.")
    before: _Id = Field(description="Stage id of the 'before' state of the claim.")
    after: _Id = Field(description="Stage id of the 'after' state of the claim.")

    @model_validator(mode="after")
    def _ordered(self) -> Verdict:
        if self.hours_max_h > self.weeks_min_h:
            raise ValueError(
                f"hours_max_h {self.hours_max_h:g} > weeks_min_h {self.weeks_min_h:g}"
            )
        return self


class Scenario(_Sourced):
    """A warning-time scenario (see the module docstring).

    The decision body orders ``authority`` over each force's unit through the chain of the
    chosen stage (:mod:`eastflank.command`); the forces move and make ready; the defender's
    indicators fire, or not; the defender then needs ``defender_decision_delay_h`` to act.
    """

    id: _Id
    name: str = Field(min_length=1)
    objective: str = Field(min_length=1)
    defender: Annotated[str, Field(pattern=ACTOR_ID)] = Field(description="Who is warned.")
    decision_body: _Id = Field(description="Command body that decides to attack.")
    authority: Literal["move", "initiate_combat", "designate_targets"] = Field(
        "move", description="Authority the decision body must exercise over every force."
    )
    movement: Movement
    forces: list[Force] = Field(min_length=1)
    indicators: list[Indicator] = Field(min_length=1)
    defender_decision_delay_h: Dist = Field(
        description="From the first warning to the defender's decision to act."
    )
    home_command: HomeCommand | None = Field(
        None, description="Command of the deciding state's forces on its own territory."
    )
    verdict: Verdict | None = None
    options: Options = Field(DEFAULT_OPTIONS, description="Attacker and defender options.")
    stage_options: dict[str, OptionsOverride] = Field(
        default_factory=dict, description="Options that differ at a stage (by stage id).")
    controlled: Controlled | None = Field(
        None, description="Which stage's forces the controlled comparison uses.")

    _file: str | None = PrivateAttr(None)
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> Scenario:
        for label, ids in (("forces", [f.id for f in self.forces]),
                           ("indicators", [i.id for i in self.indicators])):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise ValueError(f"duplicate {label} id(s): {', '.join(dup)}")
        return self

    def options_at(self, stage_id: str, controlled: bool = False) -> Options:
        """The options at ``stage_id``: the defaults with that stage's overrides; in a
        controlled comparison the defaults at every stage."""
        if controlled:
            return self.options
        return self.options.merged(self.stage_options.get(stage_id))

    def where(self, path: str = "") -> tuple[str | None, int | None]:
        """The file and line a dotted field path (``forces.0.jump_off``) was read from."""
        parts = path.split(".") if path else []
        while parts:
            line = self._lines.get(".".join(parts))
            if line is not None:
                return self._file, line
            parts.pop()
        return self._file, self._lines.get("")

    def error(self, message: str, path: str) -> ScenarioError:
        """A :class:`ScenarioError` located at the field ``path`` of this scenario."""
        file, line = self.where(path)
        return ScenarioError(message, file=file, line=line, record=self.id, field=path)


# -- files -----------------------------------------------------------------------------------
def scenarios_dir() -> Path:
    """The folder of the built-in scenarios."""
    return data_dir() / "scenarios"


def _builtin() -> dict[str, Path]:
    return {
        p.stem: p
        for p in yaml_files(scenarios_dir())
        if not p.name.endswith((".campaign.yaml", ".campaign.yml"))
    }


def list_scenarios() -> list[str]:
    """Ids of the built-in scenarios, sorted."""
    return sorted(_builtin())


def scenario_path(name_or_path: str | Path) -> Path:
    """The file of a built-in scenario id, or ``name_or_path`` itself if it names a file.

    Raises
    ------
    UnknownNameError
        If it is neither a built-in scenario id nor an existing file.
    ScenarioError
        If it looks like a path (``.yaml`` or a ``/``) but no such file exists.
    """
    return resolve_file(name_or_path, _builtin(), "scenario", ScenarioError)


def parse_scenario(path: Path) -> Scenario:
    """Read and validate one scenario file, without the dataset cross-checks.

    Raises
    ------
    ScenarioError
        If the file is missing, malformed or a field invalid (a probability outside [0, 1],
        a distribution with ``min > max`` or negative values ...), naming file:line and field.
    """
    data, node = read_yaml(path, ScenarioError)
    file = str(path)
    if not isinstance(data, dict) or node is None:
        raise ScenarioError("expected a mapping (one scenario) at the top of the file",
                            file=file, line=1)
    lines = dict(node_lines(node))
    sid = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise nested_validation_error(exc, Scenario, sid, file, lines, ScenarioError,
                                      "scenario") from None
    scenario._file = file
    scenario._lines = lines
    return scenario


def load_scenario(name_or_path: str | Path, catalog: Catalog | None = None) -> Scenario:
    """Load a scenario by built-in id or path; cross-check it when ``catalog`` is given.

    Raises
    ------
    UnknownNameError
        If ``name_or_path`` is neither a built-in id nor a file.
    ScenarioError
        If the file or a cross-reference is invalid (see :func:`check_scenario`).
    """
    scenario = parse_scenario(scenario_path(name_or_path))
    if catalog is not None:
        check_scenario(scenario, catalog)
    return scenario


# -- cross-checks ----------------------------------------------------------------------------
def _iter_sourced(model: BaseModel, path: str) -> Iterator[tuple[str, _Sourced]]:
    if isinstance(model, _Sourced):
        yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        sub = f"{path}.{name}" if path else name
        if isinstance(value, BaseModel):
            yield from _iter_sourced(value, sub)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _iter_sourced(item, f"{sub}.{i}")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _iter_sourced(item, f"{sub}.{key}")


def _known(scenario: Scenario, catalog: Catalog, kind: str, rid: str, path: str) -> None:
    if rid in catalog.records[kind]:
        return
    file, line = scenario.where(path)
    label = kind.rstrip("s").replace("_", " ")
    raise UnknownNameError(label, rid, catalog.suggest(rid, kind), file=file or "",
                           line=line, record=scenario.id, field=path)  # type: ignore[arg-type]


def check_scenario(scenario: Scenario, catalog: Catalog) -> None:
    """Check that every source, place, unit and body the scenario names exists.

    Raises
    ------
    UnknownNameError
        For an unknown source, place, unit or command body (with the nearest names).
    """
    for path, item in _iter_sourced(scenario, ""):
        for i, sid in enumerate(item.sources):
            _known(scenario, catalog, "sources", sid, f"{path}.sources.{i}".lstrip("."))
    _known(scenario, catalog, "command_bodies", scenario.decision_body, "decision_body")
    if scenario.home_command is not None:
        hc = scenario.home_command
        _known(scenario, catalog, "command_bodies", hc.holder, "home_command.holder")
        for j, body in enumerate(hc.via):
            _known(scenario, catalog, "command_bodies", body, f"home_command.via.{j}")
    if scenario.verdict is not None:
        _known(scenario, catalog, "sources", scenario.verdict.claim_source,
               "verdict.claim_source")
    for i, force in enumerate(scenario.forces):
        _known(scenario, catalog, "places", force.jump_off, f"forces.{i}.jump_off")
        for key, pos in force.positions.items():
            base = f"forces.{i}.positions.{key}"
            _known(scenario, catalog, "units", pos.unit, f"{base}.unit")
            if pos.place is not None:
                _known(scenario, catalog, "places", pos.place, f"{base}.place")
            elif catalog.units[pos.unit].garrison is None:
                raise scenario.error(
                    f"unit {pos.unit!r} has no garrison in the dataset; give 'place'",
                    f"{base}.place",
                )


def check_position_keys(scenario: Scenario, stage_id: str, *more: str) -> None:
    """Check that every key of every force's ``positions`` names a stage: ``default``, the stage
    being run (``stage_id``, which may come from a user's stage file, and any of ``more``) or a
    built-in stage.

    Raises
    ------
    ScenarioError
        For a key that names no stage (a misspelt stage id would otherwise be ignored).
    """
    from rapidfuzz import process

    from eastflank.stages import list_stages

    known = {"default", stage_id, *more, *list_stages()}
    for i, force in enumerate(scenario.forces):
        for key in force.positions:
            if key in known:
                continue
            near = [c for c, s, _ in process.extract(key, sorted(known), limit=2) if s >= 70]
            hint = f"did you mean {', '.join(repr(n) for n in near)}? " if near else ""
            raise scenario.error(
                f"unknown stage {key!r} in positions; {hint}expected 'default', the stage being "
                f"run ({stage_id!r}) or a built-in stage id", f"forces.{i}.positions.{key}")
