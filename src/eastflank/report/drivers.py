"""The report's "What drives the answers" section: a small sweep over every stage.

A Sobol sweep (:mod:`eastflank.sweep`) of the Suwałki warning scenario over every parameter
with a range, at every stage of the report, run in this process (no cluster: the sweep is
small enough for the report's time budget). The section's numbers are those
``eastflank sweep ... --json`` prints for the same settings.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from eastflank.jsonable import to_jsonable
from eastflank.report import Section
from eastflank.report.figures import svg

if TYPE_CHECKING:
    from eastflank.report.sections import Context

__all__ = ["SWEEP_N", "SWEEP_SAMPLES", "SWEEP_SCENARIO", "drivers_section"]

SWEEP_SCENARIO = "suwalki-gap-closure"
"""The scenario whose verdict the section examines."""
SWEEP_N = 16
"""Sobol base sample: n (d + 2) points."""
SWEEP_SAMPLES = 400
"""Monte Carlo samples per point and stage."""


def drivers_section(ctx: Context) -> Section:
    """Sobol indices, tornado chart, P(verdict holds) per stage, PRIM boxes, flip values."""
    from eastflank.sweep import SweepSettings, run_sweep, summary
    from eastflank.sweep.plot import plot_indices, plot_tornado

    ctx.progress("what drives the answers (sweep)")
    stages = tuple(ctx.stage_ids or ctx.stage_list)
    settings = SweepSettings(scenario=SWEEP_SCENARIO, stages=stages, method="sobol",
                             n=SWEEP_N, samples=SWEEP_SAMPLES, seed=ctx.seed)
    with tempfile.TemporaryDirectory(prefix="eastflank-sweep-") as tmp:
        result = run_sweep(settings, Path(tmp) / "sweep", ctx.catalog, engine="serial")
    a = result.analysis
    assert a is not None  # a finished sweep is analysed
    data = to_jsonable(summary(result))
    for key in ("folder", "timing"):
        data.pop(key, None)  # a temporary folder and run times: not results
    labels = {p["name"]: p["label"] for p in result.parameters}
    head = next(o for o in a.indices if o.output == a.headline)
    figures = [svg(plot_tornado(a, labels)), svg(plot_indices(head, labels))]
    command = (f"eastflank sweep {SWEEP_SCENARIO} --stages {','.join(stages)} --method sobol "
               f"--n {SWEEP_N} --samples {SWEEP_SAMPLES} --seed {ctx.seed}")
    from eastflank.scenario import load_scenario

    verdict = load_scenario(SWEEP_SCENARIO, ctx.catalog).verdict
    html = ctx.render("drivers", data=data, claim=verdict.claim if verdict else "",
                      analysis=a, labels=labels, figures=figures, command=command,
                      n_params=len(result.parameters))
    return Section("drivers", "What drives the answers", data, html, figures)
