"""Basing against a region the geography model draws: inside the territory, not near a point."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.catalog import Catalog
from eastflank.claims import check_text

DAY = dt.date(2022, 6, 21)


def _basing(catalog: Catalog, text: str) -> list[str]:
    return [c.verdict for c in check_text(text, catalog, DAY).claims if c.kind == "basing"]


@pytest.mark.parametrize("text", [
    "Iskander-M missiles are based in the Kaliningrad region.",
    "Iskander-M missiles are based in the Kaliningrad exclave.",
])
def test_a_site_inside_the_region_supports(catalog: Catalog, text: str) -> None:
    (claim,) = [c for c in check_text(text, catalog, DAY).claims if c.kind == "basing"]
    assert claim.verdict == "supported"
    assert "Chernyakhovsk" in claim.explanation and "geography model" in claim.explanation


def test_no_recorded_site_in_a_region_is_no_refutation(catalog: Catalog) -> None:
    assert _basing(catalog, "S-400 systems are based in the Kaliningrad region.") == [
        "unverifiable"]


def test_a_region_the_geography_model_does_not_draw_makes_no_anchor(catalog: Catalog) -> None:
    assert _basing(catalog, "Iskander-M missiles are based in the Brest region.") == []


def test_home_to_names_its_subject_after_the_opening_phrase(catalog: Catalog) -> None:
    text = ("Home to the deployment of Moscow’s Iskander missiles, Kaliningrad has been called "
            "an unsinkable aircraft carrier.")
    assert _basing(catalog, text) == ["supported"]
    # the same phrase about a state with no such forces is not borne out
    assert _basing(catalog, "Home to Iskander missiles, Poland has been called a fortress."
                   ) == ["contradicted"]
    # no place named after the phrase: no basing claim
    assert _basing(catalog, "Home to Iskander missiles and much else.") == []
