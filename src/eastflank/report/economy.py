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


def _chart(series: Series) -> str:
    import matplotlib.pyplot as plt
    import numpy as np

    def days(*dates: Any) -> Any:
        return np.array(dates, dtype="datetime64[D]")

    fig, ax = plt.subplots(figsize=(5.2, 2.6))
    for kind, marker in _MARKERS.items():
        pts = [p for p in series.points if p.kind == kind]
        if not pts:
            continue
        mids = [p.value if p.value is not None else ((p.low or 0) + (p.high or 0)) / 2
                for p in pts]
        lows = [m - (p.low if p.low is not None else m) for m, p in zip(mids, pts, strict=True)]
        highs = [(p.high if p.high is not None else m) - m for m, p in zip(mids, pts, strict=True)]
        ax.errorbar(days(*(p.date for p in pts)), mids, yerr=[lows, highs], fmt=marker,
                    capsize=3, label=kind,
                    markerfacecolor="white" if kind == "planned" else None)
        for p in pts:
            if p.period_start is not None:
                ax.hlines(p.value if p.value is not None else 0, days(p.period_start),
                          days(p.date), alpha=0.35, linewidth=2)
    ax.set_ylabel(series.unit)
    ax.set_title(series.quantity.replace("_", " "), fontsize=9)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="best")
    fig.autofmt_xdate()
    return svg(fig)


def economy_section(ctx: Context) -> Section:
    """Economic levers: the indicator series (Druzhba, potash, debt, gas, oil terms)."""
    ctx.progress("economic levers")
    series = indicator_series(ctx.catalog)
    data: dict[str, Any] = {"series": [s.to_dict() for s in series]}
    blocks = [
        {"heading": SUBJECTS.get(s.subject, s.subject), "series": s.to_dict(), "svg": _chart(s)}
        for s in series
    ]
    return Section("economy", "Economic levers", data, ctx.render("economy", blocks=blocks))
