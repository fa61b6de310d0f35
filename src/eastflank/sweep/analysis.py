"""What drives the answers: sensitivity indices, P(verdict holds), PRIM boxes, flip values.

* **Sobol** (SALib): first-order ``S1`` and total ``ST`` indices with bootstrap confidence
  intervals, per numeric output; **Morris**: ``mu*`` (with its interval) and ``sigma``;
  **LHS**: Spearman rank correlations (no variance decomposition).
* **P(verdict holds)**: the share of the sweep's points at which the claim's band holds,
  overall and per stage.
* **PRIM** (ema_workbench's implementation): the box of parameter ranges in which the rarer
  outcome (verdict holds / does not hold) is concentrated, with its coverage (share of all
  such points inside the box) and density (share of the box's points with that outcome).
* **Flip values**: for the top parameters, the value at which P(verdict holds | value)
  crosses one half (a monotone fit over the sweep's points), if it does within the range.
* **Swings**: the headline output's mean with the parameter in the lowest and the highest
  tenth of its range (the tornado chart).

Examples
--------
>>> import numpy as np
>>> x = np.linspace(0, 1, 200)[:, None]
>>> flip_value(x[:, 0], x[:, 0] > 0.3)
(0.299, 'above')
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "Flip",
    "OutputIndices",
    "ParamIndex",
    "PrimBox",
    "PrimLimit",
    "SweepAnalysis",
    "Swing",
    "analyse",
    "flip_value",
    "indices",
    "prim_box",
]

TOP = 3
"""Parameters named in the sentence and given flip values."""
SIGNIFICANCE = 0.05
"""A PRIM box limit is reported when its quasi-p-value is below this (Bryant & Lempert 2010)
and it cuts at least :data:`MIN_CUT` of the parameter's range."""
MIN_CUT = 0.1


@dataclass(frozen=True)
class ParamIndex:
    """Sensitivity of one output to one parameter (``None`` where the method has none)."""

    name: str
    s1: float | None = None
    s1_lo: float | None = None
    s1_hi: float | None = None
    st: float | None = None
    st_lo: float | None = None
    st_hi: float | None = None
    mu_star: float | None = None
    mu_star_conf: float | None = None
    sigma: float | None = None
    rank_corr: float | None = None

    @property
    def importance(self) -> float:
        """The ranking key: ST (Sobol), mu* (Morris) or |rank correlation| (LHS)."""
        for v in (self.st, self.mu_star, None if self.rank_corr is None
                  else abs(self.rank_corr)):
            if v is not None and math.isfinite(v):
                return v
        return 0.0


@dataclass(frozen=True)
class OutputIndices:
    """The indices of one output, most important parameter first; or why there are none."""

    output: str
    method: str
    parameters: list[ParamIndex]
    note: str | None = None


@dataclass(frozen=True)
class PrimLimit:
    """One restricted dimension of a PRIM box: ``lo <= parameter <= hi``."""

    name: str
    lo: float
    hi: float
    range_lo: float
    range_hi: float


@dataclass(frozen=True)
class PrimBox:
    """A PRIM box: where ``outcome`` is concentrated, with coverage, density and mass."""

    target: str
    outcome: str
    limits: list[PrimLimit]
    coverage: float
    density: float
    mass: float
    base_rate: float
    words: str


@dataclass(frozen=True)
class Flip:
    """Where P(verdict holds | parameter) crosses one half (``value`` None: it does not)."""

    name: str
    value: float | None
    holds_when: str | None
    p_low: float
    p_high: float
    words: str = ""
    """The flip in words: label, side and value with its unit."""


@dataclass(frozen=True)
class Swing:
    """The headline output's mean with the parameter in its lowest and highest tenth."""

    name: str
    low: float
    high: float
    base: float


@dataclass(frozen=True)
class SweepAnalysis:
    """Everything :func:`analyse` finds; see the module docstring."""

    method: str
    points: int
    headline: str
    indices: list[OutputIndices]
    p_verdict_holds: float
    p_verdict_holds_by_stage: dict[str, float]
    prim: list[PrimBox]
    flips: list[Flip]
    swings: list[Swing]
    top_drivers: list[str]
    sentence: str
    notes: list[str] = field(default_factory=list)


def _f(v: Any) -> float | None:
    x = float(v)
    return x if math.isfinite(x) else None


def indices(method: str, problem: dict[str, Any], x: NDArray[np.float64],
            y: NDArray[np.float64], output: str, seed: int) -> OutputIndices:
    """Sensitivity indices of one output (``y``, one value per row of ``x``)."""
    names = list(problem["names"])
    if not np.all(np.isfinite(y)):
        return OutputIndices(output, method, [], "not analysed: some points give no value "
                             "(e.g. the gap is never closed within the horizon)")
    if float(np.ptp(y)) == 0.0:
        return OutputIndices(output, method, [ParamIndex(n) for n in names],
                             "the output is the same at every point: no parameter moves it")
    rows: list[ParamIndex] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", FutureWarning)
        if method == "sobol":
            from SALib.analyze import sobol

            r = sobol.analyze(problem, y, calc_second_order=False, num_resamples=200,
                              conf_level=0.95, print_to_console=False, seed=seed)
            for i, n in enumerate(names):
                s1, c1, st, ct = (float(r[k][i]) for k in ("S1", "S1_conf", "ST", "ST_conf"))
                rows.append(ParamIndex(n, s1=_f(s1), s1_lo=_f(s1 - c1), s1_hi=_f(s1 + c1),
                                       st=_f(st), st_lo=_f(st - ct), st_hi=_f(st + ct)))
        elif method == "morris":
            from SALib.analyze import morris

            from eastflank.sweep.sampling import MORRIS_LEVELS

            r = morris.analyze(problem, x, y, num_resamples=200, conf_level=0.95,
                               num_levels=MORRIS_LEVELS, print_to_console=False, seed=seed)
            for i, n in enumerate(names):
                rows.append(ParamIndex(n, mu_star=_f(r["mu_star"][i]),
                                       mu_star_conf=_f(r["mu_star_conf"][i]),
                                       sigma=_f(r["sigma"][i])))
        else:
            from scipy.stats import spearmanr

            for i, n in enumerate(names):
                col = x[:, i]
                rho = spearmanr(col, y).statistic if np.ptp(col) > 0 else math.nan
                rows.append(ParamIndex(n, rank_corr=_f(rho)))
    rows.sort(key=lambda p: -p.importance)
    return OutputIndices(output, method, rows)


def flip_value(x: NDArray[np.float64], holds: NDArray[np.bool_]
               ) -> tuple[float | None, str | None]:
    """The value of ``x`` at which P(holds | x) crosses one half, and on which side it holds.

    Only when P(holds) over the lowest tenth of the range and over the highest tenth are on
    opposite sides of one half; then P(holds | x) is fitted as a monotone function of ``x``
    (isotonic regression, in the direction of the two ends) and the crossing interpolated
    between the fitted points on either side of one half. Else ``(None, None)``.
    """
    from scipy.optimize import isotonic_regression

    order = np.argsort(x, kind="stable")
    xs, ys = x[order], holds[order].astype(float)
    if xs.size < 2 or xs[-1] <= xs[0]:
        return None, None
    span = xs[-1] - xs[0]
    p_low = ys[xs <= xs[0] + 0.1 * span].mean()
    p_high = ys[xs >= xs[-1] - 0.1 * span].mean()
    if (p_low >= 0.5) == (p_high >= 0.5):
        return None, None
    rising = p_high > p_low
    fit = isotonic_regression(ys, increasing=bool(rising)).x
    side = fit >= 0.5
    if side.all() or not side.any():
        return None, None
    i = int(np.argmax(side != side[0])) - 1
    a, b = fit[i] - 0.5, fit[i + 1] - 0.5
    t = a / (a - b) if a != b else 0.5
    v = float(xs[i] + t * (xs[i + 1] - xs[i]))
    return round(v, 3 if abs(v) < 10 else 1), "above" if rising else "below"


def prim_box(x: NDArray[np.float64], names: Sequence[str],
             bounds: Sequence[tuple[float, float]], y: NDArray[np.bool_], target: str,
             outcome: str, threshold: float = 0.8, labels: Mapping[str, str] | None = None,
             units: Mapping[str, str] | None = None) -> PrimBox | None:
    """The PRIM box (ema_workbench) of the points where ``y`` is true.

    Of the peeling trajectory (peeled until the density reaches ``threshold``), the box with
    the highest coverage × density; its limits whose quasi-p-value is not below
    :data:`SIGNIFICANCE` (they could be chance) or that cut less than :data:`MIN_CUT` of the
    range are dropped, and the coverage and density are those of the box as reported.
    ``None`` when ``y`` is never or always true.
    """
    n_true = int(y.sum())
    if n_true in {0, y.size}:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pandas as pd
        from ema_workbench.analysis import prim

        frame = pd.DataFrame(x, columns=list(names))
        alg = prim.Prim(frame, np.asarray(y, dtype=bool), threshold=threshold)
        box = alg.find_box()
        traj = box.peeling_trajectory
        i = int((traj["coverage"] * traj["density"]).idxmax())
        box.select(i)
        lims = box.box_lim
        qp = box.qp[i]
        coverage, density, mass = (float(box.coverage), float(box.density), float(box.mass))
    limits = []
    inside = np.ones(y.size, dtype=bool)
    for i, (n, (rlo, rhi)) in enumerate(zip(names, bounds, strict=True)):
        blo, bhi = float(lims[n].iloc[0]), float(lims[n].iloc[1])
        cut = (blo - rlo) + (rhi - bhi) >= MIN_CUT * (rhi - rlo)
        if cut and any(0 <= q < SIGNIFICANCE for q in qp.get(n, ())):
            limits.append(PrimLimit(n, blo, bhi, rlo, rhi))
            inside &= (x[:, i] >= blo) & (x[:, i] <= bhi)
    if limits:
        # the box as reported (limits that cut little dropped): its own coverage and density
        coverage = float((y & inside).sum() / n_true)
        density = float(y[inside].mean()) if inside.any() else 0.0
        mass = float(inside.mean())
    words = _box_words(limits, outcome, coverage, density, labels, units)
    return PrimBox(target=target, outcome=outcome, limits=limits, coverage=coverage,
                   density=density, mass=mass, base_rate=n_true / y.size, words=words)


def _num(v: float, unit: str = "") -> str:
    """A number for the report's text: 3 significant digits, a real minus sign, its unit."""
    text = f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
    text = text.replace("-", "\u2212")
    return f"{text} {unit}" if unit else text


def _box_words(limits: Sequence[PrimLimit], outcome: str, coverage: float,
               density: float, labels: Mapping[str, str] | None = None,
               units: Mapping[str, str] | None = None) -> str:
    labels, units = labels or {}, units or {}
    if not limits:
        return f"No box narrower than the whole range concentrates \"{outcome}\"."
    parts = []
    for lim in limits:
        edge = 0.02 * (lim.range_hi - lim.range_lo)  # a side this close to the range is open
        low_cut, high_cut = lim.lo > lim.range_lo + edge, lim.hi < lim.range_hi - edge
        name, unit = labels.get(lim.name, lim.name), units.get(lim.name, "")
        if low_cut and high_cut:
            parts.append(f"{name} between {_num(lim.lo)} and {_num(lim.hi, unit)}")
        elif low_cut:
            parts.append(f"{name} at least {_num(lim.lo, unit)}")
        else:
            parts.append(f"{name} at most {_num(lim.hi, unit)}")
    return (f"\"{outcome}\" where {'; '.join(parts)}: the box holds {coverage:.0%} of such "
            f"points (coverage) and {density:.0%} of the points in it are such (density).")


def _swing(x: NDArray[np.float64], y: NDArray[np.float64], name: str) -> Swing:
    lo, hi = float(x.min()), float(x.max())
    span = hi - lo
    low = y[x <= lo + 0.1 * span]
    high = y[x >= hi - 0.1 * span]
    base = float(y.mean())
    return Swing(name, float(low.mean()) if low.size else base,
                 float(high.mean()) if high.size else base, base)


def analyse(method: str, names: Sequence[str], bounds: Sequence[tuple[float, float]],
            x: NDArray[np.float64], outputs: Mapping[str, NDArray[Any]],
            stages: Sequence[str], headline: str, seed: int,
            labels: Mapping[str, str] | None = None,
            relevant: Mapping[str, Sequence[str]] | None = None,
            units: Mapping[str, str] | None = None) -> SweepAnalysis:
    """Analyse a finished sweep.

    Parameters
    ----------
    method
        The design: ``sobol``, ``morris`` or ``lhs`` (the rows of ``x`` in SALib's order).
    names, bounds
        Parameter names and ``(min, max)``.
    x
        The points, one row each.
    outputs
        Output columns (``<stage>.<output>`` and ``verdict_holds``), one value per point.
    stages
        The stage ids, in run order.
    headline
        The output the sentence and the tornado chart speak of.
    seed
        Seed of the bootstrap intervals.
    labels
        Readers' names of parameters for the sentence, PRIM boxes and flips (default: the
        names).
    relevant
        Per stage, the parameters that change its run (PRIM looks only at those); default
        every parameter.
    units
        The unit of each parameter's values, printed after flip values and box limits.
    """
    from eastflank.sweep.sampling import make_problem

    problem = make_problem(names, bounds)
    labels = labels or {}
    units = units or {}
    out_idx = []
    for col, values in outputs.items():
        arr = np.asarray(values)
        if arr.dtype.kind in "fiub" and not col.endswith("verdict_holds"):
            out_idx.append(indices(method, problem, x, arr.astype(float), col, seed))
    holds = np.asarray(outputs["verdict_holds"], dtype=bool)
    by_stage = {s: float(np.asarray(outputs[f"{s}.verdict_holds"], dtype=bool).mean())
                for s in stages}
    p_holds = float(holds.mean())
    boxes = []
    for s in stages:
        y = np.asarray(outputs[f"{s}.verdict_holds"], dtype=bool)
        rare_holds = y.mean() <= 0.5
        use = [i for i, n in enumerate(names) if relevant is None or n in relevant.get(s, names)]
        box = prim_box(x[:, use], [names[i] for i in use], [bounds[i] for i in use],
                       y if rare_holds else ~y, f"{s}.verdict_holds",
                       f"{s}: verdict holds" if rare_holds else f"{s}: verdict does not hold",
                       labels=labels, units=units)
        if box is not None:
            boxes.append(box)
    head = next((o for o in out_idx if o.output == headline), None)
    notes = [o.output + ": " + o.note for o in out_idx if o.note]
    ranked = [p.name for p in head.parameters if p.importance > 0] if head else []
    top = ranked[:TOP]
    flips = []
    for n in top:
        xi = x[:, list(names).index(n)]
        v, when = flip_value(xi, holds)
        lo, hi = float(xi.min()), float(xi.max())
        span = hi - lo
        words = (f"the claim holds when {labels.get(n, n)} is {when} {_num(v, units.get(n, ''))}"
                 if v is not None else
                 f"{labels.get(n, n)} does not flip the verdict alone within its range")
        flips.append(Flip(n, v, when, float(holds[xi <= lo + 0.1 * span].mean()),
                          float(holds[xi >= hi - 0.1 * span].mean()), words))
    swings = []
    if headline in outputs and np.all(np.isfinite(np.asarray(outputs[headline], float))):
        y = np.asarray(outputs[headline], float)
        swings = [_swing(x[:, list(names).index(n)], y, n) for n in ranked[:10]]
    sentence = _sentence(method, head, top, flips, p_holds, labels, units)
    return SweepAnalysis(method=method, points=int(x.shape[0]), headline=headline,
                         indices=out_idx, p_verdict_holds=p_holds,
                         p_verdict_holds_by_stage=by_stage, prim=boxes, flips=flips,
                         swings=swings, top_drivers=top, sentence=sentence, notes=notes)


def _sentence(method: str, head: OutputIndices | None, top: Sequence[str],
              flips: Sequence[Flip], p_holds: float, labels: Mapping[str, str],
              units: Mapping[str, str] | None = None) -> str:
    units = units or {}
    if head is None or not top:
        return (f"No parameter moves the headline output; the verdict holds at "
                f"{p_holds:.0%} of the points.")
    by = {p.name: p for p in head.parameters}

    def one(n: str) -> str:
        p = by[n]
        if method == "sobol" and p.st is not None:
            interval = f"{p.st_lo or 0:.2f}–{p.st_hi or 0:.2f}".replace("-", "\u2212")
            return f"{labels.get(n, n)} (ST {p.st:.2f}, 95% interval {interval})"
        if method == "morris" and p.mu_star is not None:
            return f"{labels.get(n, n)} (mu* {p.mu_star:.3g})"
        rho = f"{p.rank_corr or 0:+.2f}".replace("-", "\u2212")
        return f"{labels.get(n, n)} (rank correlation {rho})"

    names = [one(n) for n in top]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    flip = next((f for f in flips if f.value is not None), None)
    tail = ""
    if flip is not None:
        tail = (f"; the verdict holds when {labels.get(flip.name, flip.name)} is "
                f"{flip.holds_when} {_num(flip.value or 0.0, units.get(flip.name, ''))}")
    return (f"The top drivers of {head.output} are {listed}; the verdict holds at "
            f"{p_holds:.0%} of the points{tail}.")
