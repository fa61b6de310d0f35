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


def _h(x: float) -> str:
    return "n/a" if math.isnan(x) else (f"{x / 24:.1f} d" if abs(x) >= 48 else f"{x:.1f} h")


def _render_result(r: WarningResult) -> None:
    t = Table(title=f"{r.scenario} at {r.stage}: warning for {r.defender} "
                    f"({r.samples} samples, seed {r.seed})")
    for col in ("quantity", "p5", "p50", "p95", "mean"):
        t.add_column(col, justify="right" if col != "quantity" else "left")
    for label, q in (("warning", r.warning), ("usable warning", r.usable),
                     ("time to attack-ready", r.ready)):
        t.add_row(label, _h(q.p5_h), _h(q.p50_h), _h(q.p95_h), _h(q.mean_h))
    console.print(t)
    console.print(f"P(no warning) {r.p_no_warning:.1%}; P(no usable warning) "
                  f"{r.p_no_usable_warning:.1%}")
    console.print("first indicator: " + ", ".join(f"{d.id} {d.share:.0%}"
                                                  for d in r.first_indicator[:4]))
    console.print("last force ready: " + ", ".join(f"{d.id} {d.share:.0%}"
                                                   for d in r.last_force))


@app.command()
def run(scenario: ScenarioArg, stage: StageOpt, samples: SamplesOpt = 100_000,
        seed: SeedOpt = 0, data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """p5/p50/p95 warning and usable warning (hours), P(no warning), top drivers."""
    from eastflank.scenario import load_scenario
    from eastflank.warning import run_warning

    cat = get_catalog(data)
    sc = load_scenario(scenario, cat)
    result = run_warning(sc, stage, cat, _samples(samples), _seed(seed))
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
            data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Warning time at several stages: table, CDF plot and the verdict sentence."""
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
                                                                description=sid))
    if png is not None:
        _write_png(result, png)

    def render(c: WarningComparison) -> None:
        t = Table(title=f"{c.scenario}: warning for {c.defender} ({c.samples} samples, "
                        f"seed {c.seed})")
        for col in ("stage", "warning p5", "p50", "p95", "usable p50", "P(no warning)",
                    "first indicator", "last force"):
            t.add_column(col)
        for r in c.results:
            t.add_row(r.stage, _h(r.warning.p5_h), _h(r.warning.p50_h), _h(r.warning.p95_h),
                      _h(r.usable.p50_h), f"{r.p_no_warning:.1%}", r.first_indicator[0].id,
                      r.last_force[0].id)
        console.print(t)
        console.print(c.verdict)
        if png is not None:
            console.print(f"wrote {png}")

    emit(result, as_json, render)


@app.command()
def explain(scenario: ScenarioArg, stage: StageOpt, samples: SamplesOpt = 10_001,
            seed: SeedOpt = 0, data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """The timeline of the median-warning sample."""
    from eastflank.scenario import load_scenario
    from eastflank.warning import explain_stage

    cat = get_catalog(data)
    sc = load_scenario(scenario, cat)
    result = explain_stage(sc, stage, cat, _samples(samples), _seed(seed))

    def render(tl: Timeline) -> None:
        t = Table(title=f"{tl.scenario} at {tl.stage}: median sample {tl.sample} "
                        f"(seed {tl.seed}); warning {_h(tl.warning_h)}, usable "
                        f"{_h(tl.usable_h)}")
        t.add_column("t", justify="right")
        t.add_column("event")
        t.add_column("who")
        for e in tl.events:
            t.add_row(_h(e.t_h), e.event, e.who)
        console.print(t)

    emit(result, as_json, render)
