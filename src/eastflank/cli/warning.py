"""``eastflank warning``: warning time of a scenario at one or several integration stages.

``SCENARIO`` is a built-in scenario id (``suwalki-gap-closure``, ``northern-front-ukraine``)
or the path of a user's scenario file; ``--stage``/``--stages`` take built-in stage ids or
stage files. Every command takes ``--json``; long runs show a progress bar on stderr.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eastflank.cli._common import DataOpt, JsonOpt, console, emit, get_catalog
from eastflank.errors import ModelInputError
from eastflank.policy import check_samples

if TYPE_CHECKING:
    from eastflank.warning import Timeline, WarningComparison, WarningResult

__all__ = ["app", "register"]

app = typer.Typer(help="Warning time: decision-to-attack against the defender's detection "
                       "(Monte Carlo).", no_args_is_help=True)

ScenarioArg = Annotated[str, typer.Argument(help="Scenario id or path of a scenario YAML file.")]
StageOpt = Annotated[str, typer.Option("--stage", "-s", help="Stage id or stage file.")]
SamplesOpt = Annotated[int, typer.Option("--samples", "-n", help="Monte Carlo samples.")]
SeedOpt = Annotated[int, typer.Option("--seed", help="Random seed (non-negative).")]


def register(app_: typer.Typer) -> None:
    """Add the ``warning`` group to the ``eastflank`` command."""
    app_.add_typer(app, name="warning")


def _samples(n: int) -> int:
    return check_samples(n, "warning")


def _seed(k: int) -> int:
    if k < 0:
        raise ModelInputError(f"--seed: expected a non-negative integer, got {k}")
    return k


def _h(x: float | None) -> str:
    """Hours with a unit: days to one decimal from 48 h, else hours to one decimal."""
    if x is None or not math.isfinite(x):
        return "n/a"
    return f"{x / 24:.1f} d" if abs(x) >= 48 else f"{x:.1f} h"


def _options(r: WarningResult) -> str:
    o = r.options
    cover = o.cover if o.cover == "none" else f"{o.cover} (x{o.cover_damping:g})"
    decision = o.decision if o.detections == 1 else f"{o.decision} ({o.detections})"
    forces = f"forces of {r.forces_from}" if r.forces_from else "own forces"
    return f"{forces}; start {o.start}; consent {o.consent}; cover {cover}; decision {decision}"


def _render_result(r: WarningResult) -> None:
    t = Table(title=f"{r.scenario} at {r.stage}: warning for {r.defender} "
                    f"({r.samples} samples, seed {r.seed})")
    for col in ("quantity", "p5", "p50", "p95", "mean"):
        t.add_column(col, justify="right" if col != "quantity" else "left")
    for label, q in (("warning (≥ 0)", r.warning), ("time to attack-ready", r.ready),
                     ("decision margin", r.decision_margin)):
        t.add_row(label, _h(q.p5_h), _h(q.p50_h), _h(q.p95_h), _h(q.mean_h))
    console.print(t)
    console.print(f"P(no warning) {r.p_no_warning:.1%}; P(defender decides before attack-ready)"
                  f" {r.p_decides_before_ready:.1%}; P(no decision from indicators) "
                  f"{r.p_no_decision:.1%}")
    console.print("decision margin = attack-ready − defender's decision (negative: decided "
                  "after); over the samples with a decision")
    console.print(_options(r))
    console.print(f"parameters: {r.status_counts.phrase()}")
    console.print("first indicator: " + ", ".join(f"{d.id} {d.share:.0%}"
                                                  for d in r.first_indicator[:4]))
    console.print("last force ready: " + ", ".join(f"{d.id} {d.share:.0%}"
                                                   for d in r.last_force))


ControlledOpt = Annotated[bool, typer.Option(
    "--controlled", help="Same forces (see --forces-from) and the scenario's default options "
                         "at every stage: the command stage is the only difference.")]
ForcesFromOpt = Annotated[str | None, typer.Option(
    "--forces-from", help="Stage id whose force positions are used (default with "
                          "--controlled: the scenario's controlled.forces_from).")]


@app.command()
def run(scenario: ScenarioArg, stage: StageOpt, samples: SamplesOpt = 100_000,
        seed: SeedOpt = 0, controlled: ControlledOpt = False,
        forces_from: ForcesFromOpt = None, data: DataOpt = None,
        as_json: JsonOpt = False) -> None:
    """p5/p50/p95 warning (≥ 0), decision margin, P(no warning), drivers, status counts."""
    from eastflank.scenario import load_scenario
    from eastflank.warning import run_warning

    cat = get_catalog(data)
    sc = load_scenario(scenario, cat)
    result = run_warning(sc, stage, cat, _samples(samples), _seed(seed), controlled=controlled,
                         forces_from=forces_from)
    emit(result, as_json, _render_result)


def _write_png(comparison: WarningComparison, path: Path) -> None:
    from eastflank.safeio import atomic_target
    from eastflank.warning import plot_cdf

    fig = plot_cdf(comparison)
    import matplotlib.pyplot as plt

    try:
        with atomic_target(path, "PNG file") as tmp:
            fig.savefig(tmp, dpi=120, format="png")
    finally:
        plt.close(fig)


@app.command()
def compare(scenario: ScenarioArg,
            stages: Annotated[str, typer.Option("--stages", help="Comma-separated stage ids.")],
            samples: SamplesOpt = 100_000, seed: SeedOpt = 0,
            png: Annotated[Path | None, typer.Option("--png", help="Write the CDF plot.")] = None,
            controlled: ControlledOpt = False, forces_from: ForcesFromOpt = None,
            data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Warning time at several stages: table, CDF plot and the verdict sentence.

    Stage-specific by default (each stage's own forces and options); ``--controlled``
    holds forces and options fixed so that only the command stage differs.
    """
    from eastflank.scenario import load_scenario
    from eastflank.warning import compare_stages

    cat = get_catalog(data)
    sc = load_scenario(scenario, cat)
    names = [s.strip() for s in stages.split(",") if s.strip()]
    if not names:
        raise ModelInputError(f"--stages: expected comma-separated stage ids, got {stages!r}")
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True,
                  disable=samples * len(names) < 1_000_000) as bar:
        task = bar.add_task("warning", total=len(names))
        result = compare_stages(sc, names, cat, _samples(samples), _seed(seed),
                                progress=lambda sid: bar.update(task, advance=1,
                                                                description=sid),
                                controlled=controlled, forces_from=forces_from)
    if png is not None:
        _write_png(result, png)

    def render(c: WarningComparison) -> None:
        kind = (f"controlled: forces of {c.forces_from}, default options" if c.controlled
                else "stage-specific forces and options")
        t = Table(title=f"{c.scenario}: warning for {c.defender}, {kind} ({c.samples} "
                        f"samples, seed {c.seed})")
        for col in ("stage", "warning p50 (p5–p95)", "P(no warning)", "decision margin p50",
                    "P(decides before ready)", "first indicator", "last force"):
            t.add_column(col, no_wrap=col.startswith("warning"))
        for r in c.results:
            t.add_row(r.stage, f"{_h(r.warning.p50_h)} ({_h(r.warning.p5_h)}–"
                               f"{_h(r.warning.p95_h)})",
                      f"{r.p_no_warning:.1%}", _h(r.decision_margin.p50_h),
                      f"{r.p_decides_before_ready:.1%}", r.first_indicator[0].id,
                      r.last_force[0].id)
        console.print(t)
        for r in c.results:
            console.print(f"{r.stage}: {_options(r)}")
        console.print(c.verdict)
        if png is not None:
            console.print(f"wrote {png}")

    emit(result, as_json, render)


@app.command()
def explain(scenario: ScenarioArg, stage: StageOpt, samples: SamplesOpt = 10_001,
            seed: SeedOpt = 0, controlled: ControlledOpt = False,
            forces_from: ForcesFromOpt = None, data: DataOpt = None,
            as_json: JsonOpt = False) -> None:
    """The timeline of the median-warning sample."""
    from eastflank.scenario import load_scenario
    from eastflank.warning import explain_stage

    cat = get_catalog(data)
    sc = load_scenario(scenario, cat)
    result = explain_stage(sc, stage, cat, _samples(samples), _seed(seed),
                           controlled=controlled, forces_from=forces_from)

    def render(tl: Timeline) -> None:
        t = Table(title=f"{tl.scenario} at {tl.stage}: median sample {tl.sample} "
                        f"(seed {tl.seed}); warning {_h(tl.warning_h)}, decision margin "
                        f"{_h(tl.decision_margin_h)}")
        t.add_column("t", justify="right")
        t.add_column("event")
        t.add_column("who")
        for e in tl.events:
            t.add_row(_h(e.t_h), e.event, e.who)
        console.print(t)

    emit(result, as_json, render)
