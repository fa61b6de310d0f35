"""``eastflank reach``: flight times, decision windows and air-defence cover."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from eastflank.cli._common import JsonOpt, console, emit, get_catalog

app = typer.Typer(help="Flight times, decision windows and air-defence cover.",
                  no_args_is_help=True)

ScenarioOpt = Annotated[str, typer.Option(help="Campaign scenario id or file.")]


@app.command("flight-time")
def flight_time(
    system: Annotated[str, typer.Option(help="Weapon system id, name or alias.")],
    from_: Annotated[str, typer.Option("--from", help="Launch place (id, name or alias).")],
    to: Annotated[str, typer.Option(help="Target place (id, name or alias).")],
    scenario: ScenarioOpt = "suwalki-gap-closure",
    as_json: JsonOpt = False,
) -> None:
    """Flight time of SYSTEM from one place to another, with its trajectory assumption."""
    from eastflank.reach.windows import flight_between

    cat = get_catalog()
    result = flight_between(cat, system, from_, to, scenario)

    def render(r: Any) -> None:
        console.print(f"{r['system_name']}: {r['from_name']} -> {r['to_name']}, "
                      f"{r['distance_km']:.0f} km")
        for f in r["flights"]:
            console.print(f"  {f.trajectory:16s} {f.flight_time_s / 60:6.2f} min  "
                          f"({f.assumption})")

    emit(result, as_json, render)


@app.command()
def windows(
    stage: Annotated[str, typer.Option(help="Stage id, e.g. nuclear-2023.")],
    scenario: ScenarioOpt = "suwalki-gap-closure",
    as_json: JsonOpt = False,
) -> None:
    """Per target: the nearest launch site of each system present at STAGE, its flight time
    and the decision window."""
    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.scenario import load_campaign_scenario
    from eastflank.reach.windows import reach_windows

    cat = get_catalog()
    sc = load_campaign_scenario(scenario, cat)
    result = reach_windows(sc, cat, stage_date(stage, cat))

    def render(r: Any) -> None:
        table = Table(title=f"Flight times and decision windows, stage {r.stage} ({r.date})")
        for col in ("target", "system", "from", "km", "in range", "flight min", "window min",
                    "trajectory"):
            table.add_column(col)
        for w in r.rows:
            table.add_row(w.target_name, w.system, w.launch_site_name, f"{w.distance_km:.0f}",
                          "?" if w.in_range is None else ("yes" if w.in_range else "no"),
                          f"{w.flight_time_min:.1f}", f"{w.decision_window_min:.1f}",
                          w.trajectory)
        console.print(table)
        for n in r.notes:
            console.print(n)

    emit(result, as_json, render)


@app.command()
def cover(
    stage: Annotated[str, typer.Option(help="Stage id, e.g. war-2022.")],
    basis: Annotated[str, typer.Option(help="SAM ranges: advertised or assessed.")]
    = "advertised",
    scenario: ScenarioOpt = "suwalki-gap-closure",
    png: Annotated[Path | None, typer.Option(help="Also draw the shares to this PNG.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Air-defence coverage shares of PL, LT, LV and the Suwałki Gap by target altitude."""
    from eastflank.campaign.forces import stage_date
    from eastflank.campaign.scenario import load_campaign_scenario
    from eastflank.reach.cover import air_defence_cover

    cat = get_catalog()
    sc = load_campaign_scenario(scenario, cat)
    result = air_defence_cover(sc, cat, stage_date(stage, cat), basis)  # type: ignore[arg-type]
    if png is not None:
        from eastflank.reach.plot import write_cover_png

        write_cover_png(result, png)

    def render(r: Any) -> None:
        table = Table(title=f"Air-defence cover, stage {r.stage} ({r.basis} ranges)")
        for col in ("territory", "target alt m", "area km2", "covered share"):
            table.add_column(col)
        for row in r.rows:
            table.add_row(row.territory, f"{row.target_altitude_m:g}", f"{row.area_km2:,.0f}",
                          f"{row.share:.1%}")
        console.print(table)
        sites = Table(title="SAM sites (Belarus and Kaliningrad) on the stage date")
        for col in ("unit", "system", "site", "range km", "range basis", "sources"):
            sites.add_column(col)
        for st_ in r.sites:
            where = st_.place_name + ("" if st_.sited == "garrison" else " (placed)")
            sites.add_row(st_.unit_name or st_.unit, st_.system, where,
                          "unknown" if st_.range_km is None else f"{st_.range_km:.0f}",
                          st_.range_basis, ", ".join(st_.sources))
        console.print(sites)
        for k, v in r.forward_shift_km.items():
            console.print(f"forward shift {k}: {v:.0f} km")

    emit(result, as_json, render)


def register(root: typer.Typer) -> None:
    """Add the ``reach`` group to the root command."""
    root.add_typer(app, name="reach")
