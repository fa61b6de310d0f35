"""Statements, retrieval, the evidence threshold and relation claims of the claim checker."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.claims import check_text
from eastflank.claims.check import apply_policy, statements_for
from eastflank.claims.resolvers.base import Outcome
from eastflank.claims.retrieval import tokens
from eastflank.claims.statements import figure_kind
from eastflank.claims.tolerances import load_tolerances
from eastflank.schema import Figure

DAY = dt.date(2024, 1, 1)


def test_statements_keep_figure_kinds(catalog) -> None:
    store, _ = statements_for(catalog)
    zapad = store.about("zapad-2017", "personnel")
    assert {(s.value.number, s.kind) for s in zapad} == {(12700.0, "official"),
                                                         (12400.0, "estimate")}
    planned = [s for s in store.about("45th-panzer-brigade") if s.kind == "planned"]
    assert planned and all(s.property in ("personnel", "personnel_in_lithuania")
                           for s in planned)
    wmd = store.about("western-military-district", "valid_to")
    assert wmd and wmd[0].value.date == dt.date(2024, 2, 29)
    assert store.about("by-pl", "border_length")


@pytest.mark.parametrize(("quantity", "note", "kind"), [
    ("target_personnel", None, "planned"),
    ("personnel", "Official Russian/Belarusian figure.", "official"),
    ("personnel", "Count reported by a Swedish observer officer.", "estimate"),
    ("personnel_capacity", "Capacity of the camp", "planned"),
    ("personnel", None, "recorded"),
])
def test_figure_kind(quantity: str, note: str | None, kind: str) -> None:
    f = Figure(quantity=quantity, value=1, sources=["x"], status="reported", note=note)
    assert figure_kind(f) == kind


def test_computed_statements_carry_assumptions(catalog) -> None:
    store, _ = statements_for(catalog)
    d = store.distance("warsaw", "minsk")
    assert d is not None and d.kind == "computed" and 470 < (d.value.number or 0) < 485
    f = store.flight_time("iskander-m", "chernyakhovsk", "warsaw")
    assert f is not None and f.status == "hypothetical" and f.assumptions
    assert 2 < (f.value.number or 0) < 6
    assert store.flight_time("s-400", "minsk", "warsaw") is None  # no flight model for a SAM


def test_retrieval_links_entities_before_similarity(catalog) -> None:
    _, retriever = statements_for(catalog)
    hits = retriever.retrieve("Iskander-M missiles have a range of 500 km", ["iskander-m"])
    assert hits[0].linked and hits[0].statement.property == "range"
    loose = retriever.retrieve("range of the missile", [], k=3)
    assert loose and not any(h.linked for h in loose)
    assert tokens("The Stationed brigades") == ["statio", "brigad"]
    # restricted to some subjects, the best statements of those (others do not crowd them out)
    some = frozenset({"iskander-m"})
    only = retriever.retrieve("range of the missile", [], k=3, subjects=some)
    assert only and all(h.statement.subject in some for h in only)
    # a mutable container is read as it is at each call, never answered from a kept ranking
    chosen = {"iskander-m"}
    assert retriever.retrieve("range of the missile", [], k=3, subjects=chosen) == only
    chosen.clear()
    assert retriever.retrieve("range of the missile", [], k=3, subjects=chosen) == []


def test_policy_turns_weak_decisive_verdicts_unverifiable() -> None:
    tol = load_tolerances()
    weak = apply_policy(Outcome("contradicted", "x", strength=0.5), tol)
    assert weak.verdict == "unverifiable" and "would have been contradicted" in weak.explanation
    strong = Outcome("contradicted", "x", strength=tol.policy.decisive_threshold)
    assert apply_policy(strong, tol) is strong


def test_unverifiable_claims_show_nearest_statements(catalog) -> None:
    r = check_text("The 999th Brigade is based in Brest.", catalog, DAY)
    (claim,) = r.claims
    assert claim.verdict == "unverifiable" and claim.nearest


@pytest.mark.parametrize(("text", "verdict"), [
    ("The 120th Guards Mechanised Brigade is based in Minsk.", "supported"),
    ("The 120th Guards Mechanised Brigade is based in Brest.", "contradicted"),
    ("The Iskander-M brigades in Belarus are ready.", "contradicted"),
    ("The Iskander-M brigade in Belarus is ready.", "supported"),
])
def test_basing_identifies_the_formation(catalog, text: str, verdict: str) -> None:
    (claim,) = [c for c in check_text(text, catalog, DAY).claims if c.kind == "basing"]
    assert claim.verdict == verdict


def test_relation_claims_use_statements(catalog) -> None:
    r = check_text("The Hantsavichy Volga early-warning radar (Baranovichi radar node) is "
                   "located in Belarus.", catalog, DAY)
    rel = [c for c in r.claims if c.kind == "relation"]
    assert rel and rel[0].verdict == "supported"
    r = check_text("Warsaw and Vilnius announced new barriers.", catalog, DAY)
    # "announced" makes it an event claim; no statement decides it either way
    assert [c.verdict for c in r.claims if c.kind in ("relation", "event")] == ["unverifiable"]


def test_flight_time_from_the_reach_model(catalog) -> None:
    r = check_text("An Iskander-M fired from Chernyakhovsk would hit Warsaw within 20 "
                   "minutes.", catalog, DAY)
    (claim,) = [c for c in r.claims if c.kind == "flight_time"]
    assert claim.verdict == "supported" and claim.computed is not None and claim.computed < 6
    assert "assumptions" in claim.evidence[0].detail


def test_warning_claims_run_the_model_but_stay_undecided(catalog) -> None:
    r = check_text("The warning time for a potential thrust into Lithuania has been cut from "
                   "weeks to hours.", catalog, dt.date(2026, 1, 6))
    (claim,) = [c for c in r.claims if c.kind == "warning_time"]
    assert claim.verdict == "unverifiable" and claim.strength < 0.75
    assert "would have been" in claim.explanation
    assert any("warning model" in e.detail for e in claim.evidence)


@pytest.mark.parametrize(("text", "verdict"), [
    ("Kaliningrad is small. It is situated almost 300 km away from mainland Russia.",
     "contradicted"),  # geodesic ~500 km from the city: farther by any route
    ("Brest lies about 190 km from Warsaw.", "supported"),
    ("Brest lies about 240 km from Warsaw.", "unverifiable"),  # may be a road distance
])
def test_distances_between_places(catalog, text: str, verdict: str) -> None:
    (claim,) = [c for c in check_text(text, catalog, DAY).claims if c.kind == "distance"]
    assert claim.verdict == verdict


def test_property_guards(catalog) -> None:
    r = check_text("The fence and the razor wire along the border stretch for about 502 "
                   "kilometres.", catalog, DAY)
    # a fence's length is checked as a barrier's, never against the border's 679 km
    (fence,) = [c for c in r.claims if c.kind == "border_length"]
    assert fence.verdict == "supported" and fence.computed == 502
    # a population is judged by a population figure, never by the army's strength
    r = check_text("Belarus has a population of around 9.3 million people.", catalog, DAY)
    (pop,) = [c for c in r.claims if c.kind in ("count", "strength")]
    assert pop.kind == "count" and pop.verdict == "supported"
    assert pop.computed is not None and pop.computed > 9_000_000
    # border troops are judged by the border troops' figure, not the army's
    r = check_text("Belarus has a professional army of 48,000 troops and 12,000 border troops.",
                   catalog, DAY)
    army, border = [c for c in r.claims if c.kind == "strength"]
    assert army.verdict == "supported" and border.verdict == "supported"
    assert {e.record for e in border.evidence} == {"belarusian-state-border-troops"}


def test_now_defunct_series_with_later_values_is_contradicted(catalog) -> None:
    """An indicator series (the record kind the dataset uses for dated values) named in the
    text and recorded in operation after the claim: "now-defunct" is contradicted."""
    from dataclasses import dataclass, field

    from eastflank.catalog import Catalog

    @dataclass(frozen=True)
    class Indicator:  # the fields the checker reads from an indicator record
        id: str
        name: str
        subject: str
        quantity: str
        value: float
        unit: str
        date: dt.date
        kind: str
        status: str = "reported"
        sources: list[str] = field(default_factory=lambda: ["banasik-2022"])
        aliases: list[str] = field(default_factory=list)
        note: str | None = None

    rows = {
        "flow-2025": Indicator("flow-2025", "Oil through the Test pipeline, 2025",
                               "testline-pipeline", "oil_delivered", 160000, "t",
                               dt.date(2025, 7, 31), "reported"),
        "flow-2026-plan": Indicator("flow-2026-plan", "Planned oil, 2026", "testline-pipeline",
                                    "oil_delivered", 2e6, "t", dt.date(2026, 12, 31),
                                    "planned"),
    }
    cat = Catalog({**catalog.records, "indicators": rows}, catalog.where)
    r = check_text("The loss of fees from the now-defunct Testline pipeline hurts Minsk.", cat,
                   dt.date(2026, 1, 6))
    (claim,) = [c for c in r.claims if c.kind == "relation"]
    assert claim.verdict == "contradicted"
    assert [e.value for e in claim.evidence] == [160000]  # the plan is not an operation


def test_planned_figures_judge_planned_claims_only(catalog) -> None:
    day = dt.date(2025, 5, 22)
    r = check_text("On 22 May a ceremonial formation of Germany's 45th Tank Brigade takes place "
                   "in Vilnius. The brigade, expected to reach 5,000 troops by the end of 2027, "
                   "is a first.", catalog, day)
    (claim,) = [c for c in r.claims if c.kind == "strength"]
    assert claim.verdict == "supported" and claim.evidence
    r = check_text("Germany's 45th Tank Brigade has 5,000 troops in Lithuania.", catalog, day)
    (claim,) = [c for c in r.claims if c.kind == "strength"]
    assert claim.verdict == "unverifiable"  # only planned figures exist: not an actual one
    assert "planned" in claim.explanation


def test_generic_counts_and_areas() -> None:
    from eastflank.claims.quantities import find_quantities

    got = [(q.value, q.unit, q.bound) for q in find_quantities(
        "The camp had about 292 tents on 15,000 sq km; in 2023 units left.")]
    assert got == [(292.0, "tents", "about"), (15000.0, "km2", "exact")]


def test_place_figures_are_statements_with_their_property(catalog) -> None:
    from eastflank.claims.statements import build_statements

    store = build_statements(catalog)
    pops = store.about("kaliningrad-oblast", "population")
    assert pops and all(s.value.unit == "count" and s.sources for s in pops)
    areas = store.about("kaliningrad-oblast", "area")
    assert areas and all(s.value.unit == "km2" and s.sources for s in areas)


@pytest.mark.parametrize(("text", "verdict"), [
    ("Kaliningrad Oblast has a population of about 1 million people.", "supported"),
    # the sourced populations lie on both sides of the bound
    ("The Kaliningrad region houses under 1 million people.", "unverifiable"),
    # a population figure does not bear out a troop figure
    ("Kaliningrad Oblast has 1,002,114 troops.", "unverifiable"),
])
def test_population_claims_against_population_statements_only(catalog, text: str,
                                                               verdict: str) -> None:
    (claim,) = [c for c in check_text(text, catalog, DAY).claims
                if c.kind in ("count", "strength")]
    assert claim.verdict == verdict
