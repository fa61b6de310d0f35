"""Campaign scenarios: the ``*.campaign.yaml`` files (campaign, reach and air-defence inputs).

A campaign scenario holds every number the campaign, reach and cover models use, each a
triangular :class:`~eastflank.scenario.Dist` carrying its sources or, as a modelling
assumption, ``status: hypothetical`` with its reasoning. Forces are not listed here: they
come from the dataset as of the stage date.

Examples
--------
>>> sc = load_campaign_scenario("suwalki-gap-closure")
>>> sc.campaign.attrition.p, sc.campaign.attrition.q
(0.4, 0.75)
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from eastflank.catalog import Catalog, data_dir
from eastflank.errors import ScenarioError, UnknownNameError
from eastflank.policy import path_kind
from eastflank.scenario import Dist
from eastflank.schema import KEBAB_ID, Status
from eastflank.yamlio import _located, node_lines, read_yaml, validate_located

__all__ = [
    "DEPLOYMENTS",
    "AdvanceAxis",
    "AirDefenceInputs",
    "Attrition",
    "CampaignInputs",
    "CampaignScenario",
    "EchelonWeights",
    "ExternalReinforcement",
    "ReachInputs",
    "campaign_scenario_path",
    "check_campaign_keys",
    "check_campaign_scenario",
    "list_campaign_scenarios",
    "load_campaign_scenario",
]

SUFFIX = ".campaign.yaml"
_Id = Annotated[str, Field(pattern=KEBAB_ID)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class _Sourced(_Frozen):
    status: Status
    sources: list[_Id] = Field(default_factory=list)
    note: str | None = None


class EchelonWeights(_Sourced):
    """Brigade equivalents per unit echelon (unlisted echelons count 0), and the personnel of
    one brigade equivalent, used instead of the echelon when a source gives a unit's personnel
    (see :mod:`eastflank.posture`)."""

    weights: dict[str, float]
    personnel_per_brigade: float = Field(gt=0)


class Attrition(_Sourced):
    """The attrition law: ``ΔB = a·R^p·B^q`` (see :mod:`eastflank.campaign.lanchester`)."""

    law: Literal["linear", "square", "logarithmic", "general"]
    p: float | None = None
    q: float | None = None


class ExternalReinforcement(_Frozen):
    """Reinforcement not in the dataset as units (e.g. NATO high-readiness forces)."""

    id: _Id
    name: str
    brigades: Dist
    arrival_hours: Dist


class AdvanceAxis(_Frozen):
    """The distance Red must advance: from a territory's border to a place (measured on the
    borders), instead of the gap width."""

    from_area: str
    to_place: _Id
    note: str | None = None


class CampaignInputs(_Frozen):
    """Inputs of the gap campaign (see the scenario file for each one's reasoning)."""

    horizon_days: float = Field(gt=0, le=120)
    step_hours: float = Field(gt=0, le=24)
    axis_from: str
    axis_to: str
    red_areas: list[str]
    blue_actors: list[str]
    objective_place: str
    branches: list[str]
    echelon_weights: EchelonWeights
    red_commit_share: Dist
    blue_commit_share: dict[str, Dist] = Field(
        default_factory=dict,
        description="Share of each Blue unit committed to the sector, by actor id, deployment "
                    "kind or 'default' (looked up in that order); 1 when none applies.")
    belarus_joins: Dist | None = Field(
        None, description="Probability that Minsk commits its forces where the stage leaves "
                          "it the decision to initiate combat (0 to 1).")
    red_forces: list[ExternalReinforcement] = Field(
        default_factory=list,
        description="Red forces stated by a study rather than read from the dataset.")
    advance: AdvanceAxis | None = None
    red_march_speed_kmh: Dist
    blue_march_speed_kmh: Dist
    blue_readiness_hours: dict[str, Dist]
    external_reinforcements: list[ExternalReinforcement] = Field(default_factory=list)
    reinforcement_threshold_brigades: Dist
    forward_zone_km: Dist
    attrition: Attrition
    reference_force_brigades: Dist
    blue_loss_per_day: Dist
    red_loss_per_day: Dist
    max_advance_km_per_day: Dist
    stall_ratio: Dist
    full_speed_ratio: Dist
    warning_hours: dict[str, Dist]


class ReachInputs(_Frozen):
    """Inputs of the flight-time and decision-window tables."""

    targets: list[str]
    launch_areas: list[str]
    detection_alert_latency_s: Dist
    srbm_boost_acceleration_m_s2: Dist
    irbm_boost_acceleration_m_s2: Dist
    cruise_speed_kmh: Dist
    cruise_route_factor: Dist


class SitePlacement(_Sourced):
    """Where the cover model places a unit whose garrison the sources do not name."""

    place: _Id


class AirDefenceInputs(_Frozen):
    """Inputs of the air-defence cover."""

    systems: list[str]
    radar_mast_m: Dist
    target_altitudes_m: list[float]
    russia_proper_sites: list[str]
    russia_proper_note: str | None = None
    placements: dict[str, SitePlacement] = Field(
        default_factory=dict, description="Unit id -> stated placement (units without a "
                                          "garrison in the dataset).")


class CampaignScenario(_Sourced):
    """One ``*.campaign.yaml`` document."""

    id: _Id
    name: str
    campaign: CampaignInputs
    reach: ReachInputs
    air_defence: AirDefenceInputs

    _file: str | None = PrivateAttr(None)
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def where(self, path: str) -> tuple[str | None, int | None]:
        """The file and line a dotted field path (``campaign.blue_readiness_hours.forward``)
        was read from (the nearest enclosing key when the path itself has no line)."""
        parts = path.split(".")
        while parts:
            line = self._lines.get(".".join(parts))
            if line is not None:
                return self._file, line
            parts.pop()
        return self._file, self._lines.get("")


DEPLOYMENTS: tuple[str, ...] = ("permanent", "rotational", "forward", "exercise", "training")
"""The deployment kinds a unit record may have (:class:`eastflank.schema.Unit`)."""


def _unknown_key(sc: CampaignScenario, key: str, field: str, known: set[str],
                 expected: str) -> ScenarioError:
    from rapidfuzz import process

    near = [c for c, score, _ in process.extract(key, sorted(known), limit=2) if score >= 70]
    hint = f"did you mean {', '.join(repr(n) for n in near)}? " if near else ""
    path, name = f"{field}.{key}", field.rsplit(".", maxsplit=1)[-1]
    file, line = sc.where(path)
    return ScenarioError(f"unknown key {key!r} in {name}; {hint}expected "
                         f"{expected}", file=file or "", line=line, record=sc.id, field=path)


def check_campaign_keys(sc: CampaignScenario, catalog: Catalog | None = None,
                        stage_id: str | None = None) -> None:
    """Every key of the scenario's maps names something the model looks up: a deployment
    kind (``blue_readiness_hours``); an actor, a deployment kind or ``default``
    (``blue_commit_share``; actors are checked when ``catalog`` is given); and, when
    ``stage_id`` (the stage being run) is given, a stage: the one being run or a built-in one
    (``warning_hours``).

    Raises
    ------
    ScenarioError
        For a key that names none of these (a misspelt key would otherwise be ignored), with
        file:line and field.
    """
    c = sc.campaign
    for key in c.blue_readiness_hours:
        if key not in DEPLOYMENTS:
            raise _unknown_key(sc, key, "campaign.blue_readiness_hours", set(DEPLOYMENTS),
                               f"a deployment kind ({', '.join(DEPLOYMENTS)})")
    shares = {"default", *DEPLOYMENTS}
    for key in c.blue_commit_share:
        if key in shares or (catalog is None or key in catalog.actors):
            continue
        raise _unknown_key(sc, key, "campaign.blue_commit_share", shares | set(catalog.actors),
                           "an actor id, a deployment kind or 'default'")
    if stage_id is not None:
        from eastflank.stages import list_stages

        stages = {stage_id, *list_stages()}
        for key in c.warning_hours:
            if key not in stages:
                raise _unknown_key(sc, key, "campaign.warning_hours", stages,
                                   f"the stage being run ({stage_id!r}) or a built-in stage id")


def _check_probability(sc: CampaignScenario, file: str) -> None:
    bj = sc.campaign.belarus_joins
    if bj is not None and bj.max > 1:
        raise ScenarioError(f"max {bj.max:g} > 1; expected a probability from 0 to 1",
                            file=file, record=sc.id, field="campaign.belarus_joins")
    for key, d in sc.campaign.blue_commit_share.items():
        if d.max > 1:
            raise ScenarioError(f"max {d.max:g} > 1; expected a share from 0 to 1", file=file,
                                record=sc.id, field=f"campaign.blue_commit_share.{key}")


def _dir() -> Path:
    return data_dir() / "scenarios"


def list_campaign_scenarios() -> list[str]:
    """Ids of the built-in campaign scenarios."""
    return sorted(p.name[: -len(SUFFIX)] for p in _dir().glob(f"*{SUFFIX}"))


def campaign_scenario_path(name_or_path: str | Path) -> Path:
    """The file of a built-in campaign scenario id, or a path given by the user.

    Raises
    ------
    UnknownNameError
        If it is neither a built-in id nor an existing file.
    """
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path_kind(path) == "file":
        return path
    builtin = _dir() / f"{name_or_path}{SUFFIX}"
    if path_kind(builtin) == "file":
        return builtin
    from rapidfuzz import process

    names = list_campaign_scenarios()
    near = [n for n, s, _ in process.extract(str(name_or_path), names, limit=3) if s >= 60]
    raise UnknownNameError("campaign scenario", str(name_or_path), near)


def load_campaign_scenario(name_or_path: str | Path,
                           catalog: Catalog | None = None) -> CampaignScenario:
    """Load and validate a campaign scenario; cross-check it when ``catalog`` is given.

    Raises
    ------
    UnknownNameError
        If the name is unknown.
    ScenarioError
        If the file is malformed, a field invalid or a reference broken (file:line, field).
    """
    path = campaign_scenario_path(name_or_path)
    data, node = read_yaml(path, ScenarioError)
    if not isinstance(data, dict) or node is None:
        raise ScenarioError("expected a mapping at the top of the file", file=str(path), line=1)
    sc = validate_located(CampaignScenario, _located(data, node, str(path)), ScenarioError)
    sc._file, sc._lines = str(path), dict(node_lines(node))
    _check_probability(sc, str(path))
    check_campaign_keys(sc, catalog)
    if catalog is not None:
        check_campaign_scenario(sc, catalog, str(path))
    return sc


def _walk(obj: object, path: str) -> list[tuple[str, _Sourced | Dist]]:
    out: list[tuple[str, _Sourced | Dist]] = []
    if isinstance(obj, _Sourced | Dist):
        out.append((path, obj))
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            out += _walk(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out += _walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _walk(v, f"{path}[{i}]")
    return out


def check_campaign_scenario(sc: CampaignScenario, catalog: Catalog, file: str = "") -> None:
    """Every source, place and weapon system the scenario names exists in the dataset.

    Raises
    ------
    ScenarioError
        Naming the scenario, the field and the unknown id.
    """
    for path, item in _walk(sc, ""):
        for sid in item.sources:
            if sid not in catalog.sources:
                raise ScenarioError(f"unknown source id {sid!r}", file=file, record=sc.id,
                                    field=path or "sources")
    for field, ids, kind in (
        ("reach.targets", sc.reach.targets, "places"),
        ("air_defence.russia_proper_sites", sc.air_defence.russia_proper_sites, "places"),
        ("campaign.objective_place", [sc.campaign.objective_place], "places"),
        ("campaign.advance.to_place",
         [sc.campaign.advance.to_place] if sc.campaign.advance else [], "places"),
        ("air_defence.systems", sc.air_defence.systems, "weapon_systems"),
        ("air_defence.placements", [p.place for p in sc.air_defence.placements.values()],
         "places"),
        ("air_defence.placements", list(sc.air_defence.placements), "units"),
    ):
        for rid in ids:
            if rid not in catalog.records[kind]:
                raise ScenarioError(f"unknown {kind.rstrip('s').replace('_', ' ')} {rid!r}",
                                    file=file, record=sc.id, field=field)
