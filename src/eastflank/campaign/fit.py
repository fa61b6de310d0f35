"""Fitting attrition laws to daily battle data, and Engel's integral estimator.

Two estimators of the general law ``ΔB = a·R^p·B^q``, ``ΔR = b·B^p·R^q``:

* :func:`fit_log_regression` — Fricker's (1998) ordinary least squares on the logs of the
  ratio and the product of the two loss equations::

      log(ΔB/ΔR) = β·log(R/B) + log α        β = p − q,  α = a/b
      log(ΔB·ΔR) = δ·log(B·R) + log γ        δ = p + q,  γ = a·b

  so that ``p = (δ+β)/2``, ``q = (δ−β)/2``, ``a = √(αγ)``, ``b = √(γ/α)``. For a classical
  law (fixed ``p``, ``q``) only ``log a`` and ``log b`` are fitted, as the mean log residual.
* :func:`fit_least_squares` — Bracken's (1995) criterion, the sum of squared residuals of
  daily casualties, minimised with :func:`scipy.optimize.least_squares` (trust region
  reflective) instead of his grid search; it can also fit the attacker/defender factor ``d``.

:func:`fit_engel` is Engel's (1954) ratio-of-sums ("integral matching") estimator for the
square law with reinforcement.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import optimize, stats
from scipy.integrate import trapezoid

from eastflank.campaign.lanchester import LAW_EXPONENTS, AttritionLaw, Law, _law
from eastflank.errors import ModelInputError

__all__ = [
    "DailySeries",
    "EngelFit",
    "LawFit",
    "LogRegression",
    "fit_engel",
    "fit_law",
    "fit_least_squares",
    "fit_log_regression",
]

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class DailySeries:
    """Daily forces and losses of two sides (Blue and Red), one row per day.

    ``blue[i]`` and ``red[i]`` are the forces available on ``day[i]`` and ``blue_lost[i]``,
    ``red_lost[i]`` the losses that day (same unit: men, or weighted combat force).
    ``posture[i]`` is ``+1`` when Blue attacks, ``-1`` when Red attacks, 0 if unknown.
    """

    day: FloatArray
    blue: FloatArray
    red: FloatArray
    blue_lost: FloatArray
    red_lost: FloatArray
    posture: FloatArray
    label: str = ""

    def __post_init__(self) -> None:
        n = len(self.day)
        for name in ("blue", "red", "blue_lost", "red_lost", "posture"):
            if len(getattr(self, name)) != n:
                raise ModelInputError(
                    f"daily series {self.label!r}: column {name!r} has "
                    f"{len(getattr(self, name))} values, expected {n}"
                )

    @classmethod
    def of(cls, day: ArrayLike, blue: ArrayLike, red: ArrayLike, blue_lost: ArrayLike,
           red_lost: ArrayLike, posture: ArrayLike | None = None, label: str = "") -> DailySeries:
        """Build a series from array-likes (``posture`` defaults to zeros)."""
        d = np.asarray(day, dtype=float)
        pose = np.zeros_like(d) if posture is None else np.asarray(posture, dtype=float)
        return cls(d, np.asarray(blue, float), np.asarray(red, float),
                   np.asarray(blue_lost, float), np.asarray(red_lost, float), pose, label)

    def window(self, first: float | None = None, last: float | None = None) -> DailySeries:
        """Rows with ``first <= day <= last`` (inclusive; ``None`` is open).

        Raises
        ------
        ModelInputError
            If no row falls in the window.
        """
        lo = -np.inf if first is None else first
        hi = np.inf if last is None else last
        m = (self.day >= lo) & (self.day <= hi)
        if not m.any():
            raise ModelInputError(
                f"daily series {self.label!r}: no day in {first}..{last}; it has days "
                f"{self.day.min():g}..{self.day.max():g}"
            )
        return DailySeries(self.day[m], self.blue[m], self.red[m], self.blue_lost[m],
                           self.red_lost[m], self.posture[m], self.label)

    def usable(self) -> tuple[DailySeries, list[float]]:
        """Rows where both forces and both losses are positive (logs defined), and the days
        left out."""
        m = (self.blue > 0) & (self.red > 0) & (self.blue_lost > 0) & (self.red_lost > 0)
        kept = DailySeries(self.day[m], self.blue[m], self.red[m], self.blue_lost[m],
                           self.red_lost[m], self.posture[m], self.label)
        return kept, [float(x) for x in self.day[~m]]


@dataclass(frozen=True)
class LogRegression:
    """Result of one log-linear OLS ``y = slope·x + intercept``."""

    slope: float
    intercept: float
    r_squared: float
    slope_stderr: float
    intercept_stderr: float


@dataclass(frozen=True)
class LawFit:
    """A fitted attrition law with its goodness of fit.

    ``alpha``, ``beta``, ``r2_ratio`` (Fricker's ratio regression) and ``gamma``, ``delta``,
    ``r2_product`` (product regression) are filled by the log-regression method.
    ``r2_losses`` is the share of the variance of the daily losses (both sides stacked)
    explained by the fitted law, for every method.
    """

    law: str
    method: str
    a: float
    b: float
    p: float
    q: float
    d: float
    days: list[float]
    dropped_days: list[float]
    n: int
    sse_losses: float
    r2_losses: float
    alpha: float | None = None
    beta: float | None = None
    r2_ratio: float | None = None
    gamma: float | None = None
    delta: float | None = None
    r2_product: float | None = None
    label: str = ""

    @property
    def attrition(self) -> AttritionLaw:
        """The fitted law as an :class:`AttritionLaw`."""
        return AttritionLaw(self.a, self.b, self.p, self.q, self.d)


def _ols(x: FloatArray, y: FloatArray) -> LogRegression:
    if len(x) < 3 or np.ptp(x) == 0:
        raise ModelInputError(
            f"log regression: expected at least 3 usable days with varying forces, got {len(x)}"
        )
    res = stats.linregress(x, y)
    return LogRegression(float(res.slope), float(res.intercept), float(res.rvalue**2),
                         float(res.stderr), float(res.intercept_stderr))


def _loss_fit_stats(series: DailySeries, law: AttritionLaw) -> tuple[float, float]:
    from eastflank.campaign.lanchester import daily_losses

    db, dr = daily_losses(law, series.blue, series.red, series.posture)
    obs = np.concatenate([series.blue_lost, series.red_lost])
    pred = np.concatenate([db, dr])
    sse = float(np.sum((obs - pred) ** 2))
    sst = float(np.sum((obs - obs.mean()) ** 2))
    return sse, (1.0 - sse / sst) if sst > 0 else float("nan")


def fit_log_regression(series: DailySeries, law: Law | str = Law.GENERAL) -> LawFit:
    """Fit a law by OLS on log-transformed loss equations (Fricker 1998).

    Parameters
    ----------
    series
        Daily forces and losses; days with a zero force or loss are left out (listed in
        ``dropped_days``).
    law
        ``general`` fits ``p`` and ``q``; a classical law fixes them and fits ``a``, ``b``.

    Returns
    -------
    LawFit
        With Fricker's ``alpha``, ``beta``, ``r2_ratio`` (and ``gamma``, ``delta``,
        ``r2_product`` for the general law).

    Raises
    ------
    ModelInputError
        If fewer than 3 usable days remain.
    """
    named = _law(law)
    ok, dropped = series.usable()
    if len(ok.day) < 3:
        raise ModelInputError(
            f"log regression on {series.label or 'series'}: expected at least 3 days with "
            f"positive forces and losses, got {len(ok.day)}"
        )
    lb, lr = np.log(ok.blue), np.log(ok.red)
    ldb, ldr = np.log(ok.blue_lost), np.log(ok.red_lost)
    ratio = _ols(lr - lb, ldb - ldr)
    alpha, beta = float(np.exp(ratio.intercept)), ratio.slope
    gamma = delta = r2p = None
    if named is Law.GENERAL:
        product = _ols(lb + lr, ldb + ldr)
        gamma, delta, r2p = float(np.exp(product.intercept)), product.slope, product.r_squared
        p, q = (delta + beta) / 2, (delta - beta) / 2
        a, b = float(np.sqrt(alpha * gamma)), float(np.sqrt(gamma / alpha))
    else:
        p, q = LAW_EXPONENTS[named]
        a = float(np.exp(np.mean(ldb - p * lr - q * lb)))
        b = float(np.exp(np.mean(ldr - p * lb - q * lr)))
    fitted = AttritionLaw(a, b, p, q)
    sse, r2 = _loss_fit_stats(ok, fitted)
    return LawFit(named.value, "log-ols", a, b, p, q, 1.0, [float(x) for x in ok.day], dropped,
                  len(ok.day), sse, r2, alpha, beta, ratio.r_squared, gamma, delta, r2p,
                  series.label)


def fit_least_squares(series: DailySeries, law: Law | str = Law.GENERAL, *,
                      posture: bool = False) -> LawFit:
    """Fit a law by least squares on daily casualties (Bracken's criterion).

    Parameters are estimated on log scale for ``a``, ``b`` and ``d`` (so they stay
    positive), started from the log-regression fit, and solved with
    :func:`scipy.optimize.least_squares`. Residuals are scaled by the mean loss of each side
    so both sides weigh alike.

    Parameters
    ----------
    series
        Daily forces and losses.
    law
        Which law; ``general`` also fits ``p`` and ``q``.
    posture
        Also fit the attacker/defender factor ``d`` from ``series.posture``.
    """
    named = _law(law)
    start = fit_log_regression(series, named)
    ok, dropped = series.usable()
    sb, sr = ok.blue_lost.mean(), ok.red_lost.mean()
    general = named is Law.GENERAL
    x0 = [np.log(start.a), np.log(start.b)]
    if general:
        x0 += [start.p, start.q]
    if posture:
        if not np.any(ok.posture):
            raise ModelInputError(
                f"fit with posture on {series.label or 'series'}: the series gives no "
                "attacker (posture all 0)"
            )
        x0.append(0.0)

    def unpack(x: FloatArray) -> AttritionLaw:
        p, q = (x[2], x[3]) if general else LAW_EXPONENTS[named]
        d = float(np.exp(x[-1])) if posture else 1.0
        return AttritionLaw(float(np.exp(x[0])), float(np.exp(x[1])), float(p), float(q), d)

    def resid(x: FloatArray) -> FloatArray:
        from eastflank.campaign.lanchester import daily_losses

        law_x = unpack(x)
        db, dr = daily_losses(law_x, ok.blue, ok.red, ok.posture)
        return np.concatenate([(db - ok.blue_lost) / sb, (dr - ok.red_lost) / sr])

    sol = optimize.least_squares(resid, np.asarray(x0, float), method="trf", x_scale="jac")
    fitted = unpack(sol.x)
    sse, r2 = _loss_fit_stats(ok, fitted)
    return LawFit(named.value, "least-squares", fitted.a, fitted.b, fitted.p, fitted.q,
                  fitted.d, [float(x) for x in ok.day], dropped, len(ok.day), sse, r2,
                  label=series.label)


def fit_law(series: DailySeries, law: Law | str = Law.GENERAL, method: str = "log-ols",
            *, posture: bool = False) -> LawFit:
    """Fit ``law`` to ``series`` with ``method`` ``log-ols`` or ``least-squares``.

    Raises
    ------
    ModelInputError
        For an unknown method, or (``log-ols``) a posture fit, which only least squares does.
    """
    if method == "log-ols":
        if posture:
            raise ModelInputError("method 'log-ols' does not fit posture; use 'least-squares'")
        return fit_log_regression(series, law)
    if method == "least-squares":
        return fit_least_squares(series, law, posture=posture)
    raise ModelInputError(f"unknown fit method {method!r}; expected 'log-ols' or 'least-squares'")


@dataclass(frozen=True)
class EngelFit:
    """Engel's coefficients: ``A`` (Blue losses per Red soldier-day), ``B`` (Red losses per
    Blue soldier-day)."""

    A: float
    B: float
    blue_losses: float
    red_losses: float
    blue_force_days: float
    red_force_days: float


def fit_engel(t: ArrayLike, blue: ArrayLike, red: ArrayLike, blue_arrivals: float) -> EngelFit:
    """Engel's (1954) ratio-of-sums estimator of the square law with reinforcement.

    For ``dM/dt = P(t) − A·N``, ``dN/dt = −B·M`` integrated over the battle::

        B = (N(0) − N(T)) / ∫ M dt        A = (∫P dt − (M(T) − M(0))) / ∫ N dt

    The integrals are trapezoids over the samples ``t``.

    Parameters
    ----------
    t
        Times (days), increasing.
    blue, red
        Blue (M) and Red (N) forces at ``t``.
    blue_arrivals
        Total Blue reinforcement over the battle, ``∫P dt``.
    """
    tt = np.asarray(t, float)
    m = np.asarray(blue, float)
    n = np.asarray(red, float)
    if len(tt) < 2 or np.any(np.diff(tt) <= 0) or not (len(m) == len(n) == len(tt)):
        raise ModelInputError("fit_engel: expected increasing times and equal-length series")
    m_int, n_int = float(trapezoid(m, tt)), float(trapezoid(n, tt))
    red_losses = float(n[0] - n[-1])
    blue_losses = float(blue_arrivals - (m[-1] - m[0]))
    if m_int <= 0 or n_int <= 0:
        raise ModelInputError("fit_engel: forces must be positive over the battle")
    return EngelFit(blue_losses / n_int, red_losses / m_int, blue_losses, red_losses, m_int,
                    n_int)
