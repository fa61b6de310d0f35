"""Barrier-length claims: a fence's length against sourced barrier lengths, never the border's."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.catalog import Catalog
from eastflank.claims import check_text


def _barrier(catalog: Catalog, text: str, day: dt.date) -> list[tuple[str, float | None]]:
    return [(c.verdict, c.computed) for c in check_text(text, catalog, day).claims
            if c.kind == "border_length"]


def test_a_barrier_length_is_judged_against_barrier_figures(catalog: Catalog) -> None:
    found = check_text("Lithuania's fence on the Belarusian border is 502 km long.", catalog,
                       dt.date(2022, 9, 1)).claims
    (claim,) = [c for c in found if c.kind == "border_length"]
    assert claim.verdict == "supported" and claim.computed == 502
    assert claim.evidence and all(e.sources for e in claim.evidence)


def test_a_barrier_being_built_is_borne_out_by_its_completed_length(catalog: Catalog) -> None:
    text = "Poland has begun construction of a 115-mile long barbed wire fence."
    assert _barrier(catalog, text, dt.date(2022, 1, 28)) == [("supported", 186.25)]


@pytest.mark.parametrize(("text", "day"), [
    # the border is 679 km: a fence of that length is neither borne out by nor judged
    # against the border's length
    ("Lithuania's fence on the Belarusian border is 679 km long.", dt.date(2022, 9, 1)),
    # finished before it was completed: not borne out
    ("Poland has finished a 115-mile long barbed wire fence.", dt.date(2022, 1, 28)),
    ("Lithuania has not finished its 502 km fence.", dt.date(2022, 9, 1)),
    # no state named: no barrier to judge
    ("The wall with a length of 502 km was built by the company.", dt.date(2022, 9, 1)),
])
def test_near_misses_stay_unverifiable(catalog: Catalog, text: str, day: dt.date) -> None:
    verdicts = _barrier(catalog, text, day)
    assert verdicts and all(v == "unverifiable" for v, _ in verdicts)


def test_the_headline_names_the_states_when_the_text_does_not(catalog: Catalog) -> None:
    text = "The wall with a length of 502 km was built by the company."
    day = dt.date(2022, 9, 1)
    titled = check_text(text, catalog, day, title="Lithuania fences itself off from Belarus")
    assert [(c.verdict, c.computed) for c in titled.claims if c.kind == "border_length"] == [
        ("supported", 502)]
    # a headline naming other states does not lend them Lithuania's fence
    other = check_text(text, catalog, day, title="Poland fences itself off from Belarus")
    assert [c.verdict for c in other.claims if c.kind == "border_length"] == ["unverifiable"]
