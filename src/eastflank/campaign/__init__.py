"""Campaign models: Lanchester attrition, fits to historical battles, the gap campaign.

:mod:`~eastflank.campaign.lanchester` (laws and integration), :mod:`~eastflank.campaign.fit`
(log-regression, least squares, Engel's estimator), :mod:`~eastflank.campaign.battles` (daily
battle CSVs), :mod:`~eastflank.campaign.scenario` (``*.campaign.yaml``),
:mod:`~eastflank.campaign.model` (Monte Carlo of the gap campaign).
"""

from __future__ import annotations

from eastflank.campaign.fit import (
    DailySeries,
    LawFit,
    fit_engel,
    fit_law,
    fit_least_squares,
    fit_log_regression,
)
from eastflank.campaign.lanchester import AttritionLaw, Law, Pulse, integrate

__all__ = [
    "AttritionLaw",
    "DailySeries",
    "Law",
    "LawFit",
    "Pulse",
    "fit_engel",
    "fit_law",
    "fit_least_squares",
    "fit_log_regression",
    "integrate",
]
