"""Anchors: the model's headline figures set beside published studies.

Each anchor (``data/anchors/published.yaml``) names a published figure with its sources and
the model run that mirrors the study's assumptions: a command of the CLI (a campaign scenario
at a stage, or the air-defence cover) and the field of its JSON output that holds the model's
figure. :func:`anchor_rows` runs each, says whether the figure falls in the published band,
and carries the stated reason when it does not. Nothing here tunes a parameter: the scenario
files state their assumptions with sources or reasoning.

Field paths are dotted (``closure_hours_quantiles.p50``); a list is filtered by
``name[key=value]`` and its first match taken (``sites[system=s-400].range_km``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eastflank.catalog import Catalog, data_dir
from eastflank.errors import ModelInputError, ScenarioError
from eastflank.jsonable import to_jsonable
from eastflank.schema import KEBAB_ID
from eastflank.yamlio import load_records

__all__ = ["Anchor", "AnchorRow", "ModelRun", "anchor_rows", "anchors_path", "load_anchors",
           "model_run", "resolve_field"]

_Id = Annotated[str, Field(pattern=KEBAB_ID)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Published(_Frozen):
    """The published figure: a band ``low``-``high`` (or ``None`` when the study gives no
    number), its unit and the study's words."""

    low: float | None = None
    high: float | None = None
    unit: str
    text: str
    page: str | None = Field(None, description="Where in the study (or its report) the words "
                                                "stand: page, section.")

    @model_validator(mode="after")
    def _ordered(self) -> Published:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low:g} > high {self.high:g}; expected low <= high")
        return self


class ModelRun(_Frozen):
    """The model run that mirrors the study: a CLI command and a field of its JSON."""

    command: Literal["campaign", "cover"]
    scenario: _Id
    stage: _Id
    field: str
    unit: str
    samples: int = Field(1000, ge=1)
    seed: int = 1
    warning: Literal["scenario", "model"] = "scenario"
    basis: Literal["advertised", "assessed"] = "advertised"

    def argv(self) -> list[str]:
        """The ``eastflank`` arguments that give the figure."""
        if self.command == "campaign":
            return ["campaign", "run", self.scenario, "--stage", self.stage, "--samples",
                    str(self.samples), "--seed", str(self.seed), "--warning", self.warning,
                    "--json"]
        return ["reach", "cover", "--stage", self.stage, "--scenario", self.scenario,
                "--basis", self.basis, "--json"]


class Anchor(_Frozen):
    """A published result and the model run set beside it."""

    id: _Id
    study: str
    quantity: str
    published: Published
    sources: list[_Id] = Field(min_length=1)
    model: ModelRun
    interpretation: str | None = Field(
        None, description="How the published words are read as a band, when they are.")
    why_not: str = Field(description="Why the model may differ from the study (assumptions "
                                     "that are not mirrored); shown when out of band.")


def anchors_path() -> Path:
    """The built-in anchors file."""
    return data_dir() / "anchors" / "published.yaml"


def load_anchors(catalog: Catalog | None = None, path: Path | None = None) -> list[Anchor]:
    """The anchors, checked against the dataset's sources when ``catalog`` is given.

    Raises
    ------
    ScenarioError
        If the file is malformed or names an unknown source.
    """
    file = path or anchors_path()
    out = [a for a, _ in load_records(file, Anchor, ScenarioError)]
    if catalog is not None:
        for a in out:
            for sid in a.sources:
                if sid not in catalog.sources:
                    raise ScenarioError(f"unknown source id {sid!r}", file=str(file),
                                        record=a.id, field="sources")
    return out


_STEP = re.compile(r"^(?P<name>[A-Za-z0-9_]+)(?:\[(?P<key>[A-Za-z0-9_]+)=(?P<val>[^\]]+)\])?$")


def resolve_field(data: Any, path: str) -> Any:
    """The value at ``path`` in a JSON-like ``data`` (see the module docstring).

    Raises
    ------
    ModelInputError
        If a step of the path is missing.
    """
    cur = data
    for step in path.split("."):
        m = _STEP.match(step)
        if m is None or not isinstance(cur, dict) or m["name"] not in cur:
            raise ModelInputError(f"field path {path!r}: no {step!r} in the output")
        cur = cur[m["name"]]
        if m["key"] is not None:
            hits = [x for x in cur if isinstance(x, dict) and str(x.get(m["key"])) == m["val"]]
            if not hits:
                raise ModelInputError(f"field path {path!r}: no item with "
                                      f"{m['key']}={m['val']}")
            cur = hits[0]
    return cur


def model_run(run: ModelRun, catalog: Catalog) -> dict[str, Any]:
    """The JSON output of the run, as the CLI gives it (same functions, same arguments)."""
    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.scenario import load_campaign_scenario

    sc = load_campaign_scenario(run.scenario, catalog)
    when = stage_date(run.stage, catalog)
    if run.command == "cover":
        from eastflank.reach.cover import air_defence_cover

        return dict(to_jsonable(air_defence_cover(sc, catalog, when, run.basis)))
    from eastflank.campaign.model import model_warning_hours, run_campaign

    hours = label = None
    if run.warning == "model":
        hours, label = model_warning_hours(catalog, sc.id, when.stage, run.samples, run.seed)
    res = run_campaign(sc, catalog, when, samples=run.samples, seed=run.seed,
                       warning_hours=hours, warning_label=label)
    return dict(to_jsonable(res))


@dataclass(frozen=True)
class AnchorRow:
    """One row of the anchors panel."""

    id: str
    study: str
    quantity: str
    published_text: str
    published_low: float | None
    published_high: float | None
    published_unit: str
    published_page: str | None
    sources: list[str]
    interpretation: str | None
    scenario: str
    stage: str
    field: str
    command: str
    model_figure: float | None
    model_unit: str
    in_band: bool | None
    why_not: str | None


def anchor_rows(catalog: Catalog, anchors: list[Anchor] | None = None) -> list[AnchorRow]:
    """Every anchor with the model's figure and whether it falls in the published band."""
    rows: list[AnchorRow] = []
    for a in anchors if anchors is not None else load_anchors(catalog):
        out = model_run(a.model, catalog)
        raw = resolve_field(out, a.model.field)
        fig = None if raw is None else float(raw)
        lo, hi = a.published.low, a.published.high
        in_band: bool | None
        if fig is None or (lo is None and hi is None):
            in_band = None
        else:
            in_band = (lo is None or fig >= lo) and (hi is None or fig <= hi)
        rows.append(AnchorRow(
            id=a.id, study=a.study, quantity=a.quantity, published_text=a.published.text,
            published_low=lo, published_high=hi, published_unit=a.published.unit,
            published_page=a.published.page,
            sources=list(a.sources), interpretation=a.interpretation,
            scenario=a.model.scenario, stage=a.model.stage, field=a.model.field,
            command="eastflank " + " ".join(a.model.argv()), model_figure=fig,
            model_unit=a.model.unit, in_band=in_band,
            why_not=None if in_band else a.why_not))
    return rows
