"""``eastflank campaign``: fit attrition laws to daily battle data; run the Suwałki campaign."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from eastflank.cli._common import JsonOpt, console, emit
from eastflank.errors import ModelInputError

app = typer.Typer(help="Lanchester fits to historical battles and the Suwałki campaign.",
                  no_args_is_help=True)


def _days(text: str | None) -> tuple[float | None, float | None]:
    """Parse ``"1-10"``, ``"11-"`` or ``"-32"`` into inclusive bounds."""
    if text is None:
        return None, None
    lo, sep, hi = text.partition("-")
    try:
        if not sep:
            return float(lo), float(lo)
        return (float(lo) if lo.strip() else None, float(hi) if hi.strip() else None)
    except ValueError:
        raise ModelInputError(f"--days: expected FIRST-LAST such as 1-10, got {text!r}") from None


@app.command()
def fit(
    file: Annotated[Path, typer.Argument(help="Daily battle CSV (generic, Fricker or Wiper "
                                              "shape; see eastflank.campaign.battles).")],
    law: Annotated[str, typer.Option(help="linear, square, logarithmic or general.")] = "general",
    method: Annotated[str, typer.Option(help="log-ols (Fricker) or least-squares (Bracken).")]
    = "log-ols",
    days: Annotated[str | None, typer.Option(help="Day window, e.g. 1-10 or 11-.")] = None,
    equipment: Annotated[Path | None, typer.Option(
        help="Fricker equipment table to join (weights 1/20/5/40).")] = None,
    manpower: Annotated[str, typer.Option(help="Fricker tables: total or combat.")] = "total",
    posture: Annotated[bool, typer.Option(
        help="Also fit the attacker/defender factor d (least-squares; needs a posture column)."
    )] = False,
    as_json: JsonOpt = False,
) -> None:
    """Fit an attrition law ΔB = a·R^p·B^q, ΔR = b·B^p·R^q to a daily battle file."""
    from eastflank.campaign.battles import read_daily_csv
    from eastflank.campaign.fit import fit_law

    series = read_daily_csv(file, equipment=equipment, manpower=manpower)
    lo, hi = _days(days)
    result = fit_law(series.window(lo, hi), law, method, posture=posture)

    def render(r: Any) -> None:
        table = Table(title=f"{r.law} law fitted by {r.method} to {r.label} "
                            f"(days {r.days[0]:g}-{r.days[-1]:g}, n={r.n})")
        table.add_column("parameter")
        table.add_column("value", justify="right")
        rows = [("a (Blue losses)", r.a), ("b (Red losses)", r.b), ("p", r.p), ("q", r.q),
                ("d (attacker factor)", r.d), ("R² of daily losses", r.r2_losses)]
        for name, value in (("alpha = a/b", r.alpha), ("beta = p-q", r.beta),
                            ("R² ratio regression", r.r2_ratio), ("gamma = a·b", r.gamma),
                            ("delta = p+q", r.delta), ("R² product regression", r.r2_product)):
            if value is not None:
                rows.append((name, value))
        for name, value in rows:
            table.add_row(name, f"{value:.6g}")
        console.print(table)
        if r.dropped_days:
            console.print(f"days left out (zero force or loss): {r.dropped_days}")

    emit(result, as_json, render)


@app.command()
def run(
    scenario: Annotated[str, typer.Argument(help="Campaign scenario id or file.")],
    stage: Annotated[str, typer.Option(help="Stage id, e.g. subordination-2026.")],
    samples: Annotated[int, typer.Option(help="Monte Carlo samples.")] = 2000,
    seed: Annotated[int | None, typer.Option(help="Random seed (same seed, same result).")]
    = None,
    warning: Annotated[str, typer.Option(
        help="Warning time from 'model' (eastflank.warning, same scenario id) or from the "
             "campaign scenario's stated 'scenario' assumption.")] = "model",
    as_json: JsonOpt = False,
) -> None:
    """Monte Carlo of the gap campaign: P(gap closed before reinforcement arrives)."""
    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.model import run_campaign
    from eastflank.campaign.scenario import load_campaign_scenario
    from eastflank.cli._common import get_catalog
    from eastflank.policy import check_samples

    check_samples(samples, "campaign")
    cat = get_catalog()
    sc = load_campaign_scenario(scenario, cat)
    when = stage_date(stage, cat)
    hours = label = None
    if warning == "model":
        from eastflank.campaign.model import model_warning_hours

        hours, label = model_warning_hours(cat, sc.id, when.stage, samples, seed)
    elif warning != "scenario":
        raise ModelInputError(f"--warning: expected 'model' or 'scenario', got {warning!r}")
    result = run_campaign(sc, cat, when, samples=samples, seed=seed, warning_hours=hours,
                          warning_label=label)

    def render(r: Any) -> None:
        def hours(q: dict[str, float | None]) -> str:
            if q["p50"] is None:
                return "never within the horizon"
            return f"{q['p50']:.0f} h (p10-p90 {q['p10']:.0f}-{q['p90']:.0f} h)"

        console.print(f"[bold]{r.scenario}[/] at stage {r.stage} ({r.date}), {r.samples} "
                      f"samples, seed {r.seed}")
        console.print(f"P(gap closed before reinforcement arrives) = "
                      f"{r.p_closed_before_reinforcement:.3f} "
                      f"± {r.p_closed_before_reinforcement_stderr:.3f}")
        console.print(f"P(closed within the horizon) = {r.p_closed_within_horizon:.3f}; "
                      f"closure {hours(r.closure_hours_quantiles)}")
        console.print(f"advance to close {r.advance_km:.1f} km (gap {r.gap_km:.1f} km); "
                      f"NATO lead time (decision before the attack) "
                      f"{hours(r.blue_lead_hours_quantiles)} from {r.warning_from}")
        console.print(f"counted: Red {r.red_brigades:.1f}, Blue {r.blue_brigades:.1f} brigade "
                      "equivalents before commitment shares")
        if r.belarus_joined_share is not None:
            console.print(f"Minsk decides for Belarusian units; they joined in "
                          f"{r.belarus_joined_share:.0%} of samples")
        forces = Table(title="forces counted (each once)")
        for col in ("side", "unit", "garrison", "brigade eq.", "basis", "km to objective"):
            forces.add_column(col)
        for side, units in (("Red", r.red_units), ("Blue", r.blue_units)):
            for u in units:
                forces.add_row(side, u.name, u.garrison_name, f"{u.brigades:.2f}", u.basis,
                               f"{u.distance_km:.0f}" if u.distance_km is not None else "-")
        console.print(forces)
        table = Table(title="force ratio Red/Blue at the end of each day (median, p10-p90)")
        table.add_column("day")
        table.add_column("median", justify="right")
        table.add_column("p10-p90", justify="right")
        for d, m, lo, hi in zip(r.force_ratio_days, r.force_ratio_median, r.force_ratio_p10,
                                r.force_ratio_p90, strict=True):
            table.add_row(f"{d:g}", "-" if m is None else f"{m:.2f}",
                          "-" if lo is None or hi is None else f"{lo:.2f}-{hi:.2f}")
        console.print(table)
        console.print(f"left out: {len(r.red_skipped)} Red, {len(r.blue_skipped)} Blue units "
                      "(reasons in --json)")
        console.print("sources: " + ", ".join(r.sources))

    emit(result, as_json, render)


def register(root: typer.Typer) -> None:
    """Add the ``campaign`` group to the root command."""
    root.add_typer(app, name="campaign")
