"""Counts named by a measure word ("pieces of military hardware") take the noun after it."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.catalog import Catalog
from eastflank.claims import check_text


@pytest.mark.parametrize(("text", "verdict"), [
    ("Zapad-2021 involved up to 800 pieces of military hardware.", "supported"),  # 760
    ("Zapad-2021 involved 2,000 pieces of military hardware.", "contradicted"),
    ("Zapad-2021 involved up to 800 pieces of artillery.", "unverifiable"),  # no such figure
])
def test_pieces_of_hardware_are_the_vehicles(catalog: Catalog, text: str, verdict: str
                                             ) -> None:
    (claim,) = [c for c in check_text(text, catalog, dt.date(2021, 9, 10)).claims
                if c.kind == "count"]
    assert claim.verdict == verdict
