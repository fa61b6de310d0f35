"""The report's "Economic levers" section: every indicator series as a small chart and a
table, each value with its kind (official, estimate, planned, reported) and its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eastflank.economy import Series, indicator_series
from eastflank.report import Section
from eastflank.report.figures import svg

if TYPE_CHECKING:
    from eastflank.report.sections import Context

__all__ = ["economy_section"]

SUBJECTS = {
    "druzhba-pipeline": "Druzhba pipeline, both branches",
    "druzhba-northern-branch": "Druzhba pipeline, northern branch (Belarus - Poland - Germany)",
    "belarus-oil-transit-tariff": "Belarusian transit tariff on Druzhba",
    "belarus-potash-exports": "Belarusian potash exports and routes",
    "belarus-debt-to-russia": "Belarusian state debt to Russia",
    "belarus-state-debt": "Belarusian state debt",
    "russian-gas-price-for-belarus": "Russian gas price for Belarus",
    "russian-oil-terms-for-belarus": "Russian oil terms for Belarus (tax manoeuvre)",
}
"""Headings of the known subjects; others are shown under their id."""

_MARKERS = {"official": "o", "planned": "^", "estimate": "s", "reported": "D"}

_UNITS = {"USD/1000m3": "USD per 1,000 m³", "t": "tonnes", "t/year": "tonnes a year",
          "t/month": "tonnes a month", "RUB/t": "roubles per tonne", "percent": "%"}
_PROPER = {"russia": "Russia", "russian": "Russian", "kazakh": "Kazakh", "belarus": "Belarus",
           "germany": "Germany", "poland": "Poland", "europe": "Europe", "china": "China",
           "klaipeda": "Klaipėda", "schwedt": "Schwedt", "orlen": "Orlen",
           "druzhba": "Druzhba"}


def _scale(series: Series) -> tuple[float, str]:
    """A readable scale for a series' values: (divisor, unit as printed)."""
    unit = _UNITS.get(series.unit, series.unit)
    values = [abs(v) for p in series.points for v in (p.value, p.low, p.high) if v is not None]
    top = max(values, default=0.0)
    if top >= 1e9:
        return 1e9, f"billion {unit}"
    if top >= 1e6:
        return 1e6, f"million {unit}"
    return 1.0, unit


def _label(quantity: str) -> str:
    """``owed_to_russia_world_bank`` -> ``Owed to Russia world bank``."""
    words = [_PROPER.get(w, w) for w in quantity.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _number(value: float, divisor: float) -> str:
    """A value in the series' scale, up to four significant digits, thousands separated."""
    v = value / divisor
    return f"{v:,.0f}" if abs(v) >= 10_000 else f"{v:,.4g}"


def _chart(series: Series) -> str:
    import matplotlib.pyplot as plt
    import numpy as np

    def days(*dates: Any) -> Any:
        return np.array(dates, dtype="datetime64[D]")

    divisor, unit = _scale(series)
    fig, ax = plt.subplots(figsize=(5.2, 2.6))
    for kind, marker in _MARKERS.items():
        pts = [p for p in series.points if p.kind == kind]
        if not pts:
            continue
        mids = [(p.value if p.value is not None else ((p.low or 0) + (p.high or 0)) / 2)
                / divisor for p in pts]
        lows = [m - (p.low / divisor if p.low is not None else m)
                for m, p in zip(mids, pts, strict=True)]
        highs = [(p.high / divisor if p.high is not None else m) - m
                 for m, p in zip(mids, pts, strict=True)]
        ax.errorbar(days(*(p.date for p in pts)), mids, yerr=[lows, highs], fmt=marker,
                    capsize=3, label=kind,
                    markerfacecolor="white" if kind == "planned" else None)
        for p in pts:
            if p.period_start is not None:
                ax.hlines((p.value if p.value is not None else 0) / divisor,
                          days(p.period_start),
                          days(p.date), alpha=0.35, linewidth=2)
    ax.set_ylabel(unit)
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    ax.set_title(_label(series.quantity), fontsize=9)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="best")
    fig.autofmt_xdate()
    return svg(fig)


def economy_section(ctx: Context) -> Section:
    """Economic levers: the indicator series (Druzhba, potash, debt, gas, oil terms)."""
    ctx.progress("economic levers")
    series = indicator_series(ctx.catalog)
    data: dict[str, Any] = {"series": [s.to_dict() for s in series]}
    blocks = []
    for s in series:
        divisor, unit = _scale(s)
        values = [(_number(p.value, divisor) if p.value is not None else
                   f"{_number(p.low or 0.0, divisor)}–{_number(p.high or 0.0, divisor)}")
                  for p in s.points]
        blocks.append({"heading": SUBJECTS.get(s.subject, s.subject), "series": s.to_dict(),
                       "svg": _chart(s), "label": _label(s.quantity), "unit": unit,
                       "shown": values})
    return Section("economy", "Economic levers", data, ctx.render("economy", blocks=blocks))
