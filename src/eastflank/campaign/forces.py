"""Stage dates for the campaign, reach and cover models.

Which forces stand where, and how they are counted, is answered by :mod:`eastflank.posture`
(``place_point`` and ``area_of`` are re-exported here for existing callers).
:func:`stage_date` uses :func:`eastflank.stages.load_stage` when the stage file exists and
falls back to the canonical dates of the design (:data:`STAGE_DATES`) otherwise, saying which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eastflank.catalog import Catalog
from eastflank.errors import EastflankError, UnknownNameError
from eastflank.posture import area_of, place_point

__all__ = ["STAGE_DATES", "StageDate", "area_of", "place_point", "stage_date"]

STAGE_DATES: dict[str, dt.date] = {
    "autonomy-2019": dt.date(2019, 12, 31),
    "regional-grouping-2021": dt.date(2021, 9, 30),
    "war-2022": dt.date(2022, 2, 24),
    "nuclear-2023": dt.date(2023, 6, 30),
    "subordination-2026": dt.date(2026, 1, 6),
}
"""Canonical stage dates (DESIGN.md), used when no stage file is available."""


@dataclass(frozen=True)
class StageDate:
    """A stage id and its date, with where the date came from (``stage file`` or ``design``)."""

    stage: str
    date: dt.date
    date_from: str


def stage_date(stage: str, catalog: Catalog) -> StageDate:
    """The date of ``stage``.

    Raises
    ------
    UnknownNameError
        If the stage is neither a stage file nor one of the canonical stages.
    """
    try:
        from eastflank.stages import load_stage

        st = load_stage(stage, catalog)
        return StageDate(st.id, st.date, "stage file")
    except (ImportError, EastflankError):
        if stage in STAGE_DATES:
            return StageDate(stage, STAGE_DATES[stage], "design (canonical stage date)")
        from rapidfuzz import process

        near = [n for n, s, _ in process.extract(stage, list(STAGE_DATES), limit=3) if s >= 60]
        raise UnknownNameError("stage", stage, near, field="stage") from None
