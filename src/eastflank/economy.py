"""Indicator series: the dataset's dated indicator values grouped for tables and charts.

An :class:`~eastflank.schema.Indicator` record is one value of one quantity of one subject on
one date (or over a period ending then). :func:`indicator_series` groups the records of a
catalog into :class:`Series` by subject, quantity and unit, each oldest first, so that a chart
never mixes units and every point keeps its kind (official, estimate, planned, reported),
status and sources.

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> series = indicator_series(load_catalog(), subject="belarus-debt-to-russia")
>>> [s.quantity for s in series][:2]
['debt_refinanced', 'owed_to_russia_world_bank']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from eastflank.catalog import Catalog
from eastflank.schema import Indicator

__all__ = ["Series", "indicator_series"]


@dataclass(frozen=True)
class Series:
    """The values of one quantity of one subject, in one unit, oldest first."""

    subject: str
    quantity: str
    unit: str
    points: tuple[Indicator, ...] = field(default_factory=tuple)

    @property
    def dates(self) -> list[dt.date]:
        return [p.date for p in self.points]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: subject, quantity, unit and each point with its kind and sources."""
        return {
            "subject": self.subject,
            "quantity": self.quantity,
            "unit": self.unit,
            "points": [
                {
                    "id": p.id, "name": p.name, "date": p.date.isoformat(),
                    "period_start": p.period_start.isoformat() if p.period_start else None,
                    "value": p.value, "low": p.low, "high": p.high, "kind": p.kind,
                    "status": p.status.value, "sources": list(p.sources),
                }
                for p in self.points
            ],
        }


def indicator_series(catalog: Catalog, subject: str | None = None) -> list[Series]:
    """Every indicator series of ``catalog`` (or of one ``subject``), sorted by subject,
    quantity and unit; points oldest first."""
    groups: dict[tuple[str, str, str], list[Indicator]] = {}
    for rec in catalog.indicators.values():
        if subject is None or rec.subject == subject:
            groups.setdefault((rec.subject, rec.quantity, rec.unit), []).append(rec)
    return [
        Series(s, q, u, tuple(sorted(recs, key=lambda r: (r.date, r.id))))
        for (s, q, u), recs in sorted(groups.items())
    ]
