"""Border claims without a number: which territories border which, from the geography model."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.catalog import Catalog
from eastflank.claims import check_text

DAY = dt.date(2022, 6, 21)


def _borders(catalog: Catalog, text: str) -> list[str]:
    return [c.verdict for c in check_text(text, catalog, DAY).claims
            if c.kind == "border_length"]


@pytest.mark.parametrize(("text", "verdict"), [
    ("Belarus borders Poland, Lithuania and Latvia.", "supported"),
    ("Where is Kaliningrad? It is wedged between two Nato states, Poland and Lithuania.",
     "supported"),
    ("Russia borders Poland.", "supported"),  # through the Kaliningrad exclave
    # a name the verb's words begin in; a coastline between; members listed after a dash
    ("The Kaliningrad exclave around the former Königsberg lies between Lithuania and "
     "Poland.", "supported"),
    ("The Kaliningrad exclave around the former Königsberg lies between Lithuania and "
     "Latvia.", "contradicted"),
    ("Kaliningrad on the Baltic Sea coastline between Poland and Lithuania is armed.",
     "supported"),
    ("NATO members bordering Belarus — Poland, Lithuania, and Latvia — voiced concerns.",
     "supported"),
    ("NATO members bordering Belarus — Poland, Lithuania, and Estonia — voiced concerns.",
     "contradicted"),
    ("The Kaliningrad region borders Belarus.", "contradicted"),  # the Suwałki gap between
])
def test_adjacency_is_decided_on_the_borders(catalog: Catalog, text: str, verdict: str
                                             ) -> None:
    assert _borders(catalog, text) == [verdict]


@pytest.mark.parametrize("text", [
    "Kaliningrad does not border Belarus.",  # negated
    "The Kaliningrad region borders Latvia across the Baltic Sea.",  # a maritime neighbour
])
def test_near_misses_are_not_contradicted(catalog: Catalog, text: str) -> None:
    assert _borders(catalog, text) == ["unverifiable"]


def test_a_border_service_asserts_no_border(catalog: Catalog) -> None:
    assert _borders(catalog, "Lithuania's State Border Guard Service said Belarus sent "
                             "migrants.") == []


def test_a_subject_that_is_no_territory_makes_no_claim(catalog: Catalog) -> None:
    # "other countries bordering Belarus": no territory is the subject
    assert _borders(catalog, "Similar measures were taken up by other countries bordering "
                             "Belarus.") == []


def test_a_group_named_before_the_verb_is_what_borders(catalog: Catalog) -> None:
    # Romania does not border Russia; the allies the jets show solidarity with do
    text = ("Canada is also sending six F-18 Hornets to Romania as a sign of solidarity with "
            "Eastern European allies bordering Ukraine and Russia.")
    assert "contradicted" not in _borders(catalog, text)
    assert _borders(catalog, "Romania borders Russia.") == ["contradicted"]


def test_a_state_named_by_the_adjective_of_another_state_s_noun_is_no_side(
        catalog: Catalog) -> None:
    # "its close Russian ally Belarus": the border is Latvia's with Belarus (173 km)
    text = "Latvia shares a 172-kilometre border with its close Russian ally Belarus."
    assert _borders(catalog, text) == ["supported"]
    assert _borders(catalog, "Latvia shares a 172-kilometre border with Russia.") == [
        "contradicted"]
