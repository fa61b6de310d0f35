"""``eastflank sweep``: which assumptions drive the answers (sensitivity, scenario discovery).

::

    eastflank sweep SCENARIO --stage S [--stages A,B] --method sobol|morris|lhs --n N
        --samples M --seed K [--params GLOB] [--model warning|campaign|both]
        [--scheduler tcp://HOST:PORT] [--workers W] [--out DIR] [--json]
    eastflank sweep --resume DIR
    eastflank sweep show DIR [--json]
    eastflank sweep params SCENARIO --stage S [--model M]

The sweep runs on Dask distributed: a local cluster with one worker per core, or the cluster
of ``--scheduler``. Progress goes to stderr; Ctrl-C stops and keeps the finished partitions.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from eastflank.cli._common import DataOpt, JsonOpt, console, emit, err_console, get_catalog
from eastflank.errors import ModelInputError

__all__ = ["app", "register"]


class _RunByDefault(TyperGroup):
    """``eastflank sweep SCENARIO ...`` means ``eastflank sweep run SCENARIO ...``."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(cls=_RunByDefault, no_args_is_help=True,
                  help="Which assumptions drive the answers: Sobol/Morris sensitivity, "
                       "P(verdict holds) and PRIM scenario discovery over every parameter's "
                       "range, on Dask distributed.")


def register(app_: typer.Typer) -> None:
    """Add the ``sweep`` group to the ``eastflank`` command."""
    app_.add_typer(app, name="sweep")


def _stages(stage: str | None, stages: str | None) -> tuple[str, ...]:
    out: list[str] = []
    if stages:
        out += [s.strip() for s in stages.split(",") if s.strip()]
    if stage:
        out.append(stage)
    if not out:
        raise ModelInputError("--stage: expected a stage id or file (or --stages A,B)")
    return tuple(dict.fromkeys(out))


def _default_out(scenario: str, stages: tuple[str, ...], method: str, n: int, seed: int,
                 samples: int, model: str) -> Path:
    name = Path(scenario).stem if scenario.endswith((".yaml", ".yml")) else scenario
    return Path("sweeps") / (f"{name}-{'+'.join(Path(s).stem for s in stages)}-{model}-"
                             f"{method}-n{n}-m{samples}-seed{seed}")


@app.command("run")
def run_cmd(
    scenario: Annotated[str | None, typer.Argument(
        help="Scenario id or path of a scenario YAML file.")] = None,
    stage: Annotated[str | None, typer.Option("--stage", "-s", help="Stage id or file.")] = None,
    stages: Annotated[str | None, typer.Option(
        "--stages", help="Several stages, comma-separated (parameters shared).")] = None,
    method: Annotated[str, typer.Option("--method", help="sobol, morris or lhs.")] = "sobol",
    n: Annotated[int, typer.Option(
        "--n", help="Base sample: Sobol (power of 2) n(d+2) runs, Morris n(d+1), LHS n.")] = 64,
    samples: Annotated[int, typer.Option(
        "--samples", help="Monte Carlo samples per point and stage.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Seed (non-negative).")] = 0,
    params: Annotated[str | None, typer.Option(
        "--params", help="Sweep only parameters matching these globs (comma-separated), "
                         "e.g. 'indicators.*'; the rest keep their distributions.")] = None,
    model: Annotated[str, typer.Option(
        "--model", help="warning, campaign or both.")] = "warning",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address tcp://HOST:PORT (default: a local "
                            "cluster on this machine).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Workers of the local cluster (default: one per core).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Results folder (default sweeps/<scenario>-<stage>-...).")] = None,
    resume: Annotated[Path | None, typer.Option(
        "--resume", help="Finish the partial sweep in this folder.")] = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Sweep every parameter with a range; sensitivity, P(verdict holds), PRIM boxes."""
    from eastflank.sweep import SweepInterruptedError, summary

    if seed < 0:
        raise ModelInputError(f"--seed: expected a non-negative integer, got {seed}")
    if workers is not None and workers < 1:
        raise ModelInputError(f"--workers: expected an integer >= 1, got {workers}")
    if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "inproc://",
                                                           "ucx://", "ws://", "wss://")):
        raise ModelInputError(f"--scheduler: expected an address like tcp://HOST:PORT, got "
                              f"{scheduler!r}")
    bar = Progress(TextColumn("sweep"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("points"), TimeElapsedColumn(), console=err_console,
                   transient=True, disable=not err_console.is_terminal)
    with bar:
        task = bar.add_task("sweep", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        kw: dict[str, Any] = {"scheduler": scheduler, "workers": workers, "progress": progress}
        try:
            result = _run(scenario, stage, stages, method, n, samples, seed, params, model, out,
                          resume, data, kw)
        except SweepInterruptedError as exc:
            bar.stop()
            err_console.print(f"eastflank: {exc}", highlight=False, soft_wrap=True)
            raise typer.Abort from None  # exit status 130
    emit(summary(result), as_json, _render)


def _run(scenario: str | None, stage: str | None, stages: str | None, method: str, n: int,
         samples: int, seed: int, params: str | None, model: str, out: Path | None,
         resume: Path | None, data: list[Path] | None, kw: dict[str, Any]) -> Any:
    from eastflank.sweep import SweepSettings, resume_sweep, run_sweep

    if resume is not None:
        if scenario is not None:
            raise ModelInputError("--resume: give the folder only (the settings are in it)")
        from eastflank.sweep.store import read_manifest

        extra = read_manifest(resume)["settings"].get("data") or []
        return resume_sweep(resume, get_catalog([Path(p) for p in extra]), **kw)
    if scenario is None:
        raise ModelInputError("SCENARIO: expected a scenario id or file (or --resume)")
    st = _stages(stage, stages)
    settings = SweepSettings(
        scenario=scenario, stages=st, method=method, n=n, samples=samples, seed=seed,
        model=model, params=tuple(g.strip() for g in (params or "").split(",")
                                  if g.strip()),
        data=tuple(str(p) for p in data or ()))
    folder = out or _default_out(scenario, st, method, n, seed, samples, model)
    return run_sweep(settings, folder, get_catalog(data), **kw)


@app.command("show")
def show_cmd(
    folder: Annotated[Path, typer.Argument(help="A sweep's results folder.")],
    as_json: JsonOpt = False,
) -> None:
    """Show a sweep: settings, metadata, indices, P(verdict holds), PRIM boxes."""
    from eastflank.sweep import load_sweep, summary

    emit(summary(load_sweep(folder)), as_json, _render)


@app.command("params")
def params_cmd(
    scenario: Annotated[str, typer.Argument(help="Scenario id or file.")],
    stage: Annotated[str | None, typer.Option("--stage", "-s", help="Stage id or file.")] = None,
    stages: Annotated[str | None, typer.Option("--stages", help="Comma-separated.")] = None,
    model: Annotated[str, typer.Option("--model", help="warning, campaign or both.")] =
        "warning",
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the parameters a sweep would sample (name, range, mode, status)."""
    from eastflank.sweep import SweepSettings, list_parameters

    st = _stages(stage, stages)
    ps = list_parameters(SweepSettings(scenario=scenario, stages=st, model=model),
                         get_catalog(data))

    def render(rows: list[Any]) -> None:
        t = Table(title=f"{len(rows)} parameters with a range")
        for c in ("parameter", "min", "mode", "max", "status"):
            t.add_column(c)
        for p in rows:
            t.add_row(p.name, f"{p.min:g}", f"{p.mode:g}", f"{p.max:g}", p.status)
        console.print(t)

    emit(ps, as_json, render)


def _fmt(v: float | None, lo: float | None = None, hi: float | None = None) -> str:
    if v is None or not math.isfinite(v):
        return "–"
    return f"{v:.2f}" + (f" [{lo:.2f}, {hi:.2f}]" if lo is not None and hi is not None else "")


def _render(s: dict[str, Any]) -> None:
    st = s["settings"]
    console.print(f"[bold]{st.scenario}[/bold] at {', '.join(st.stages)}: {st.method} "
                  f"n={st.n}, {s['points_done']}/{s['points']} points × {st.samples} samples, "
                  f"seed {st.seed} ({s['status']}); results in {s['folder']}")
    if s["status"] != "complete":
        return
    t = Table(title=f"Sensitivity of {s['headline']}")
    t.add_column("parameter")
    t.add_column("range")
    if st.method == "sobol":
        t.add_column("S1 [95%]")
        t.add_column("ST [95%]")
    elif st.method == "morris":
        t.add_column("mu* ± conf")
        t.add_column("sigma")
    else:
        t.add_column("rank corr.")
    rows = sorted(s["parameters"], key=lambda p: -(p.get("st") or p.get("mu_star") or
                                                   abs(p.get("rank_corr") or 0)))
    for p in rows:
        cells = [p["name"], f"{p['min']:g}–{p['max']:g}"]
        if st.method == "sobol":
            cells += [_fmt(p.get("s1"), p.get("s1_lo"), p.get("s1_hi")),
                      _fmt(p.get("st"), p.get("st_lo"), p.get("st_hi"))]
        elif st.method == "morris":
            cells += [f"{_fmt(p.get('mu_star'))} ± {_fmt(p.get('mu_star_conf'))}",
                      _fmt(p.get("sigma"))]
        else:
            cells.append(_fmt(p.get("rank_corr")))
        t.add_row(*cells)
    console.print(t)
    by = ", ".join(f"{k} {v:.0%}" for k, v in s["p_verdict_holds_by_stage"].items())
    console.print(f"P(verdict holds): {s['p_verdict_holds']:.0%} ({by})")
    for b in s["prim"]:
        console.print(f"PRIM: {b.words}")
    for f in s["flips"]:
        where = (f"flips at {f.value:g} (holds {f.holds_when})" if f.value is not None
                 else "does not flip the verdict alone")
        console.print(f"  {f.name}: {where}; P(holds) {f.p_low:.0%} at the low end, "
                      f"{f.p_high:.0%} at the high end")
    console.print(s["sentence"])
