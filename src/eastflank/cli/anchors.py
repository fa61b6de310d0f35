"""``eastflank anchors``: the model's headline figures beside published studies."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from eastflank.cli._common import JsonOpt, console, emit, get_catalog


def _fmt(x: float | None, unit: str) -> str:
    if x is None:
        return "-"
    if unit.startswith("probability"):
        return f"{x:.2f}"
    return f"{x:,.0f}"


def anchors(as_json: JsonOpt = False) -> None:
    """Published results (RAND, CEPA, the German Wargaming Center game, FOI) beside the
    model's figure from the scenario file that mirrors each study."""
    from eastflank.anchors import anchor_rows

    rows = anchor_rows(get_catalog())

    def render(rs: Any) -> None:
        table = Table(title="The model beside published results")
        for col in ("study", "quantity", "published", "model", "in band", "scenario @ stage"):
            table.add_column(col)
        for r in rs:
            if r.published_low is None and r.published_high is None:
                band = "no number"
            elif r.published_low == r.published_high:
                band = f"{_fmt(r.published_low, r.published_unit)} {r.published_unit}"
            else:
                band = (f"{_fmt(r.published_low, r.published_unit)}-"
                        f"{_fmt(r.published_high, r.published_unit)} {r.published_unit}")
            table.add_row(r.study, r.quantity, band,
                          f"{_fmt(r.model_figure, r.model_unit)} {r.model_unit.split(' ')[0]}",
                          "-" if r.in_band is None else ("yes" if r.in_band else "no"),
                          f"{r.scenario} @ {r.stage}")
        console.print(table)
        for r in rs:
            if r.why_not:
                console.print(f"[bold]{r.id}[/]: {r.why_not}")

    emit(rows, as_json, render)


def register(root: typer.Typer) -> None:
    """Add the ``anchors`` command to the root command."""
    root.command("anchors")(anchors)
