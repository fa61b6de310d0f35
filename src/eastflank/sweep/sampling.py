"""Sampling designs over the parameters' stated ranges (SALib): Sobol, Morris, Latin hypercube.

Every parameter is sampled uniformly over ``[min, max]`` of its triangular distribution: the
sweep asks what the answer is *anywhere* in the stated range, not how likely each value is.

Examples
--------
>>> problem = make_problem(["a", "b"], [(0.0, 1.0), (10.0, 20.0)])
>>> x = sample_points(problem, "sobol", 8, seed=1)
>>> x.shape
(32, 2)
>>> bool((x[:, 1] >= 10).all() and (x[:, 1] <= 20).all())
True
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from eastflank.errors import ModelInputError

__all__ = ["METHODS", "MORRIS_LEVELS", "make_problem", "point_count", "sample_points"]

METHODS: tuple[str, ...] = ("sobol", "morris", "lhs")
MORRIS_LEVELS = 4
"""Grid levels of the Morris design."""


def make_problem(names: Sequence[str], bounds: Sequence[tuple[float, float]]) -> dict[str, Any]:
    """The SALib problem: parameter names and ``[min, max]`` bounds."""
    return {"num_vars": len(names), "names": list(names),
            "bounds": [[float(lo), float(hi)] for lo, hi in bounds]}


def _check(method: str, n: int) -> None:
    if method not in METHODS:
        raise ModelInputError(f"--method: expected one of {', '.join(METHODS)}, got {method!r}")
    if isinstance(n, bool) or not isinstance(n, int) or n < 2:
        raise ModelInputError(f"--n: expected an integer >= 2, got {n!r}")
    if method == "sobol" and n & (n - 1):
        raise ModelInputError(f"--n: the Sobol design needs a power of 2 (e.g. "
                              f"{1 << (n.bit_length() - 1)} or {1 << n.bit_length()}), got {n}")


def point_count(method: str, n: int, d: int) -> int:
    """Number of model runs of a design: Sobol ``n(d+2)``, Morris ``n(d+1)``, LHS ``n``."""
    _check(method, n)
    if method == "sobol":
        return n * (d + 2)
    if method == "morris":
        return n * (d + 1)
    return n


def sample_points(problem: dict[str, Any], method: str, n: int, seed: int
                  ) -> NDArray[np.float64]:
    """The design's points, one row per point, in the order SALib's analysis expects.

    ``n`` is the base sample (Sobol: a power of 2; Morris: trajectories; LHS: points).
    """
    _check(method, n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        if method == "sobol":
            from SALib.sample import sobol

            x = sobol.sample(problem, n, calc_second_order=False, scramble=True, seed=seed)
        elif method == "morris":
            from SALib.sample import morris

            x = morris.sample(problem, n, num_levels=MORRIS_LEVELS, seed=seed)
        else:
            from SALib.sample import latin

            x = latin.sample(problem, n, seed=seed)
    return np.asarray(x, dtype=np.float64)
