"""Figures of a sweep: a tornado chart of the headline output and Sobol ST bars with intervals.

Both return a matplotlib Figure (not shown, not saved).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from eastflank.sweep.analysis import OutputIndices, SweepAnalysis

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_indices", "plot_tornado"]


def _short(name: str, labels: Mapping[str, str]) -> str:
    return labels.get(name, name.rsplit(":", maxsplit=1)[-1])


def plot_tornado(analysis: SweepAnalysis, labels: Mapping[str, str] | None = None,
                 top: int = 10) -> Figure:
    """The headline output's mean with each parameter in the lowest and the highest tenth of
    its range (bars), around its mean over the sweep (vertical line); widest swing on top."""
    from matplotlib.figure import Figure

    labels = labels or {}
    swings = sorted(analysis.swings, key=lambda s: abs(s.high - s.low))[-top:]
    fig = Figure(figsize=(8, 0.45 * max(len(swings), 2) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    for i, s in enumerate(swings):
        ax.barh(i, s.low - s.base, left=s.base, color="#4c72b0", height=0.6,
                label="parameter in its lowest tenth" if i == 0 else None)
        ax.barh(i, s.high - s.base, left=s.base, color="#dd8452", height=0.6,
                label="parameter in its highest tenth" if i == 0 else None)
    if swings:
        ax.axvline(swings[0].base, color="0.3", lw=0.8)
    ax.set_yticks(range(len(swings)), [_short(s.name, labels) for s in swings], fontsize=8)
    ax.set_xlabel(f"{analysis.headline} (mean over the sweep's points)")
    ax.set_title("What moves the answer: one parameter at each end of its range")
    ax.legend(fontsize=8, loc="lower right")
    return fig


def plot_indices(indices: OutputIndices, labels: Mapping[str, str] | None = None,
                 top: int = 12) -> Figure:
    """Sobol total (bars, with 95 % intervals) and first-order (dots) indices of one output;
    Morris mu* (bars, with intervals) for a Morris sweep."""
    from matplotlib.figure import Figure

    labels = labels or {}
    rows = indices.parameters[:top][::-1]
    fig = Figure(figsize=(8, 0.4 * max(len(rows), 2) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(rows)))
    if indices.method == "sobol":
        st = [p.st or 0.0 for p in rows]
        err = [[max(v - (p.st_lo if p.st_lo is not None else v), 0.0) for v, p in
                zip(st, rows, strict=True)],
               [max((p.st_hi if p.st_hi is not None else v) - v, 0.0) for v, p in
                zip(st, rows, strict=True)]]
        ax.barh(ys, st, xerr=err, color="#55a868", height=0.6, capsize=2,
                label="total ST (95% interval)")
        ax.plot([p.s1 or 0.0 for p in rows], ys, "k.", label="first-order S1")
        ax.set_xlabel("share of the output's variance")
    else:
        mu = [p.mu_star or abs(p.rank_corr or 0.0) for p in rows]
        conf = [p.mu_star_conf or 0.0 for p in rows]
        ax.barh(ys, mu, xerr=conf, color="#55a868", height=0.6, capsize=2)
        ax.set_xlabel("Morris mu*" if indices.method == "morris" else "|rank correlation|")
    ax.axvline(0, color="0.5", lw=0.6)
    ax.set_yticks(ys, [_short(p.name, labels) for p in rows], fontsize=8)
    ax.set_title(f"Sensitivity of {indices.output}")
    if indices.method == "sobol":
        ax.legend(fontsize=8, loc="lower right")
    return fig
