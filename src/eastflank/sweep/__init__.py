"""What drives the answers: parameter sweeps, sensitivity analysis and scenario discovery.

:func:`run_sweep` samples every parameter with a range (stage delays, scenario and campaign
parameters; :mod:`eastflank.sweep.params`) over its stated range with a SALib design
(:mod:`eastflank.sweep.sampling`), runs the model at each point with ``samples`` Monte Carlo
samples on Dask distributed (:mod:`eastflank.sweep.engine`), stores one row per point in
Parquet (:mod:`eastflank.sweep.store`) and analyses the result
(:mod:`eastflank.sweep.analysis`): Sobol or Morris indices, P(verdict holds), PRIM boxes,
flip values and a sentence naming the top drivers.

The same settings and seed give the same rows and indices on any engine and any number of
workers. A sweep stopped with Ctrl-C keeps its finished partitions; running it again with the
same settings into the same folder (or :func:`resume_sweep`) finishes it.
"""

from __future__ import annotations

import fnmatch
import json
import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from eastflank import __version__
from eastflank.catalog import Catalog
from eastflank.errors import EastflankError, ModelInputError
from eastflank.sweep.analysis import SweepAnalysis, analyse
from eastflank.sweep.params import Context, Parameter, build_context
from eastflank.sweep.sampling import make_problem, point_count, sample_points
from eastflank.sweep.store import (
    ANALYSIS,
    MANIFEST,
    finished_parts,
    read_manifest,
    read_results,
    write_json,
    write_part,
    write_results,
)

__all__ = [
    "SweepInterruptedError",
    "SweepResult",
    "SweepSettings",
    "list_parameters",
    "load_sweep",
    "resume_sweep",
    "run_sweep",
    "summary",
]


class SweepInterruptedError(EastflankError):
    """The sweep was stopped (Ctrl-C); its finished partitions are kept."""


@dataclass(frozen=True)
class SweepSettings:
    """What a sweep runs: everything needed to run it again identically."""

    scenario: str
    stages: tuple[str, ...]
    method: str = "sobol"
    n: int = 64
    samples: int = 1000
    seed: int = 0
    model: str = "warning"
    params: tuple[str, ...] = ()
    data: tuple[str, ...] = ()


@dataclass(frozen=True)
class SweepResult:
    """A finished (or partly finished) sweep and its analysis."""

    folder: str
    settings: SweepSettings
    status: str
    points: int
    points_done: int
    parameters: list[dict[str, Any]]
    outputs: list[str]
    metadata: dict[str, Any]
    analysis: SweepAnalysis | None
    timing: dict[str, float] = field(default_factory=dict)


def _load(settings: SweepSettings, catalog: Catalog) -> Context:
    from eastflank.scenario import load_scenario
    from eastflank.stages import load_stage

    scenario = load_scenario(settings.scenario, catalog)
    stages = [load_stage(s, catalog) for s in settings.stages]
    campaign = None
    if settings.model != "warning":
        from eastflank.campaign.scenario import load_campaign_scenario

        campaign = load_campaign_scenario(scenario.id, catalog)
    ctx = build_context(scenario, stages, catalog, model=settings.model,
                        samples=settings.samples, campaign=campaign)
    if settings.params:
        names = [p.name for p in ctx.parameters]
        chosen = [n for n in names if any(fnmatch.fnmatchcase(n, g) or
                                          fnmatch.fnmatchcase(n.split(":", 1)[-1], g)
                                          for g in settings.params)]
        if not chosen:
            raise ModelInputError(f"--params {','.join(settings.params)}: matches none of the "
                                  f"{len(names)} parameters (e.g. {names[0]})")
        ctx = build_context(scenario, stages, catalog, model=settings.model,
                            samples=settings.samples, campaign=campaign, select=chosen)
    return ctx


def list_parameters(settings: SweepSettings, catalog: Catalog) -> list[Parameter]:
    """The parameters a sweep with ``settings`` would sample."""
    return list(_load(settings, catalog).parameters)


def _headline(ctx: Context) -> str:
    v = ctx.scenario.verdict
    main = v.after if v is not None and v.after in ctx.stage_ids else ctx.stage_ids[-1]
    return f"{main}.median_warning_h" if ctx.model != "campaign" else f"{main}.p_gap_closed"


def _parts(points: int) -> list[tuple[int, int, int]]:
    size = max(8, min(256, math.ceil(points / 64)))
    return [(k, a, min(a + size, points)) for k, a in enumerate(range(0, points, size))]


def _meta(settings: SweepSettings, ctx: Context) -> dict[str, Any]:
    return {"eastflank_version": __version__, "seed": settings.seed,
            "method": settings.method, "n": settings.n, "samples": settings.samples,
            "model": settings.model, "scenario": ctx.scenario.id,
            "stages": list(ctx.stage_ids), "hashes": ctx.hashes,
            "claimed_band": dict(zip(ctx.stage_ids, ctx.expected, strict=True)),
            "verdict_stages": [ctx.stage_ids[k] for k in ctx.claim_stages]}


def run_sweep(settings: SweepSettings, folder: Path, catalog: Catalog, *,
              engine: str = "dask", scheduler: str | None = None, workers: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> SweepResult:
    """Run (or finish) the sweep ``settings`` into ``folder``.

    If ``folder`` already holds the same sweep (same settings, scenario and stage hashes),
    only the missing partitions run. ``progress(points_done, points)`` is called as
    partitions finish.

    Raises
    ------
    SweepInterruptedError
        On Ctrl-C, after the finished partitions are written.
    ModelInputError
        On bad settings, or if ``folder`` holds a different sweep.
    """
    folder = Path(folder)
    ctx = _load(settings, catalog)
    names = [p.name for p in ctx.parameters]
    bounds = [(p.min, p.max) for p in ctx.parameters]
    problem = make_problem(names, bounds)
    points = point_count(settings.method, settings.n, len(names))
    x = sample_points(problem, settings.method, settings.n, settings.seed)
    if x.shape[0] != points:
        raise ModelInputError(f"the {settings.method} design gave {x.shape[0]} points, "
                              f"expected {points}")
    meta = _meta(settings, ctx)
    manifest: dict[str, Any] = json.loads(json.dumps({
        "settings": asdict(settings), "metadata": meta, "points": points,
        "parameters": [asdict(p) for p in ctx.parameters], "outputs": ctx.output_columns(),
        "headline": _headline(ctx), "parts": _parts(points), "status": "running"}))
    if (folder / MANIFEST).is_file():
        old = read_manifest(folder)
        if old.get("settings") != manifest["settings"] or \
                old.get("metadata", {}).get("hashes") != meta["hashes"]:
            raise ModelInputError(f"{folder}: holds a different sweep (other settings or a "
                                  "changed scenario or stage); choose another --out")
        manifest["parts"] = old["parts"]
    elif folder.exists() and any(folder.iterdir()):
        raise ModelInputError(f"{folder}: exists and is not a sweep folder; choose another "
                              "--out")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelInputError(f"{folder}: cannot create ({exc.strerror or exc})") from None
    write_json(folder / MANIFEST, manifest)
    parts = [(int(k), int(a), int(b)) for k, a, b in manifest["parts"]]
    have = finished_parts(folder)
    todo = [p for p in parts if p[0] not in have]
    done_points = sum(b - a for k, a, b in parts if k in have)
    model_s = 0.0
    engine_s: dict[str, float] = {}
    t0 = time.perf_counter()

    def done(res: tuple[int, dict[str, list[Any]], float]) -> None:
        nonlocal done_points, model_s
        k, cols, seconds = res
        write_part(folder, k, cols, meta)
        done_points += len(cols["point"])
        model_s += seconds
        if progress is not None:
            progress(done_points, points)

    if progress is not None:
        progress(done_points, points)
    if todo:
        try:
            from eastflank.sweep.engine import run_partitions

            engine_s = run_partitions(ctx, x, settings.seed, todo, done, engine=engine,
                                      scheduler=scheduler, workers=workers)
        except KeyboardInterrupt:
            write_json(folder / MANIFEST, {**manifest, "status": "interrupted"})
            raise SweepInterruptedError(
                f"interrupted: {done_points} of {points} points kept in {folder}; run "
                f"'eastflank sweep --resume {folder}' to finish") from None
    wall = time.perf_counter() - t0
    table = write_results(folder, meta)
    result = _analyse(folder, manifest, table)
    write_json(folder / MANIFEST, {**manifest, "status": "complete"})
    write_json(folder / ANALYSIS, _jsonable(result.analysis))
    return SweepResult(**{**result.__dict__, "status": "complete",
                          "timing": {"wall_s": wall, "model_s": model_s, **engine_s}})


def _jsonable(obj: Any) -> Any:
    from eastflank.jsonable import to_jsonable

    return to_jsonable(obj)


def _analyse(folder: Path, manifest: dict[str, Any], table: Any) -> SweepResult:
    s = manifest["settings"]
    settings = SweepSettings(**{**s, "stages": tuple(s["stages"]), "params": tuple(s["params"]),
                                "data": tuple(s["data"])})
    params = manifest["parameters"]
    names = [p["name"] for p in params]
    bounds = [(p["min"], p["max"]) for p in params]
    points = int(manifest["points"])
    done = table.num_rows
    analysis = None
    if done == points:
        x = np.column_stack([table.column(n).to_numpy() for n in names])
        outputs = {o: table.column(o).to_numpy(zero_copy_only=False)
                   for o in manifest["outputs"]}
        labels = {p["name"]: p["label"] for p in params}
        stages = manifest["metadata"]["stages"]
        relevant = {s: [p["name"] for p in params if s in p.get("stages", stages)]
                    for s in stages}
        units = {p["name"]: p.get("unit", "") for p in params}
        analysis = analyse(settings.method, names, bounds, x, outputs, stages,
                           manifest["headline"], settings.seed, labels, relevant, units)
    status = "complete" if done == points else manifest.get("status", "partial")
    return SweepResult(folder=str(folder), settings=settings, status=status, points=points,
                       points_done=done, parameters=params, outputs=manifest["outputs"],
                       metadata=manifest["metadata"], analysis=analysis)


def resume_sweep(folder: Path, catalog: Catalog, **kwargs: Any) -> SweepResult:
    """Finish the sweep in ``folder`` with the settings it was started with."""
    s = read_manifest(Path(folder))["settings"]
    settings = SweepSettings(**{**s, "stages": tuple(s["stages"]), "params": tuple(s["params"]),
                                "data": tuple(s["data"])})
    return run_sweep(settings, Path(folder), catalog, **kwargs)


def load_sweep(folder: Path) -> SweepResult:
    """The sweep in ``folder``: settings, metadata and (when complete) the analysis."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    return _analyse(folder, manifest, read_results(folder))


def summary(r: SweepResult) -> dict[str, Any]:
    """The JSON shape of a sweep: every parameter with its headline indices, then the rest."""
    a = r.analysis
    head: dict[str, Any] = {}
    if a is not None:
        ix = next((o for o in a.indices if o.output == a.headline), None)
        head = {p.name: p for p in ix.parameters} if ix else {}
    params = []
    for p in r.parameters:
        row = {k: p[k] for k in ("name", "label", "unit", "min", "mode", "max", "status")
               if k in p}
        pi = head.get(p["name"])
        if pi is not None:
            row.update({k: v for k, v in pi.__dict__.items() if k != "name" and v is not None})
        params.append(row)
    out: dict[str, Any] = {
        "folder": r.folder, "status": r.status, "points": r.points,
        "points_done": r.points_done, "settings": r.settings, "metadata": r.metadata,
        "headline": a.headline if a else None, "parameters": params,
    }
    if a is not None:
        out.update({
            "p_verdict_holds": a.p_verdict_holds,
            "p_verdict_holds_by_stage": a.p_verdict_holds_by_stage,
            "top_drivers": a.top_drivers, "sentence": a.sentence,
            "flips": a.flips, "prim": a.prim, "swings": a.swings,
            "indices": a.indices, "notes": a.notes,
        })
    if r.timing:
        out["timing"] = r.timing
    return out
