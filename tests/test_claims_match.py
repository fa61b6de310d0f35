"""The statement matcher: claims their kind's resolver leaves undecided, against the store."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.claims import check_text

FENCE = "Lithuania has finished a 502 kilometre-{} fence on the border of Belarus."
PARADE = ("A ceremonial formation of Germany’s {} Tank Brigade took place in central Vilnius, "
          "attended by Chancellor Friedrich Merz.")


def _verdicts(catalog, text: str, day: dt.date) -> list[tuple[str, str]]:
    """Kinds and verdicts of the sentence's claims, but for a person's office (the posts)."""
    return [(c.kind, c.verdict) for c in check_text(text, catalog, day).claims
            if not any(e.kind == "posts" for e in c.evidence + c.nearest)]


def test_a_figure_of_the_right_property_supports(catalog) -> None:
    r = check_text(FENCE.format("long"), catalog, dt.date(2022, 8, 30))
    (claim,) = r.claims
    assert claim.verdict == "supported"
    assert "length" in claim.explanation and claim.computed == 502
    assert claim.evidence and all(e.sources for e in claim.evidence)


@pytest.mark.parametrize(("text", "day"), [
    (FENCE.format("long"), dt.date(2021, 12, 1)),   # the fence was finished later
    (FENCE.format("wide"), dt.date(2022, 8, 30)),   # a width is not a length
    (FENCE.format("long").replace("has finished", "has not finished"), dt.date(2022, 8, 30)),
])
def test_time_property_and_negation_keep_it_undecided(catalog, text: str,
                                                      day: dt.date) -> None:
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, text, day))


def test_an_event_by_its_name_words_and_venue(catalog) -> None:
    assert "supported" in {v for _, v in _verdicts(catalog, PARADE.format("45th"),
                                                   dt.date(2025, 5, 23))}
    # before the parade took place, or of another brigade: nothing to support it
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, PARADE.format("45th"),
                                                         dt.date(2024, 5, 23)))
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, PARADE.format("46th"),
                                                         dt.date(2025, 5, 23)))


def test_official_figure_of_an_event_named_by_its_summary(catalog) -> None:
    text = "Some 12,800 troops will take part in the Zapad drill, the Belarusian General Staff said."
    r = check_text(text, catalog, dt.date(2021, 9, 9))
    strength = [c for c in r.claims if c.kind == "strength"]
    assert strength and strength[0].verdict == "supported"
    assert "official" in strength[0].explanation


def test_states_alone_do_not_identify_an_event(catalog) -> None:
    text = "Russia has used Belarus' territory as a launchpad against Ukraine."
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, text, dt.date(2022, 10, 15)))


@pytest.mark.parametrize(("text", "verdict"), [
    ("The Belarus-Poland border is 375 km long.", "supported"),   # the factbook's figure
    ("The Belarus-Poland border is 418 km long.", "supported"),   # near the joint review's
    ("The Belarus-Poland border is 600 km long.", "contradicted"),
])
def test_border_lengths_against_every_published_length(catalog, text: str,
                                                       verdict: str) -> None:
    assert ("border_length", verdict) in _verdicts(catalog, text, dt.date(2024, 1, 1))


@pytest.mark.parametrize(("text", "verdict"), [
    ("Zapad-2021 was held in August 2021.", "contradicted"),
    ("Zapad-2021 was announced in August 2021.", "unverifiable"),  # another occasion's date
    ("Zapad-2021 took place in September 2021.", "supported"),
])
def test_an_event_date_refutes_only_when_it_is_the_events_own(catalog, text: str,
                                                              verdict: str) -> None:
    assert ("event", verdict) in _verdicts(catalog, text, dt.date(2022, 1, 1))


def test_a_claim_that_says_it_is_an_estimate_is_refuted_only_by_estimates(catalog) -> None:
    from eastflank.claims.resolvers.strength import claim_kinds

    assert claim_kinds("Western officials estimated that 100,000 troops took part") == \
        frozenset({"estimate", "recorded"})
    assert claim_kinds("Officially 12,700 troops took part") == frozenset({"official",
                                                                         "recorded"})


def test_a_figure_of_a_record_named_in_the_sentence_before(catalog) -> None:
    day = dt.date(2023, 9, 1)
    text = ("Lithuania completed its physical barrier on the Belarusian border. "
            "It stretches for 502 kilometres.")
    r = check_text(text, catalog, day)
    assert any(c.verdict == "supported" and "one before" in c.explanation for c in r.claims)
    apart = text.replace(". It", ".\n\nIt")  # another paragraph: not the same subject
    r = check_text(apart, catalog, day)
    assert not any("one before" in c.explanation for c in r.claims)


@pytest.mark.parametrize(("text", "verdict"), [
    ("Zapad-2021 was held in Belarus and Kaliningrad.", "supported"),
    ("Zapad-2021 was held near Warsaw.", "unverifiable"),   # not among its venues
    ("Zapad-2021 did not take place.", "unverifiable"),
])
def test_a_named_event_supports_only_what_its_record_bears_out(catalog, text: str,
                                                               verdict: str) -> None:
    assert ("event", verdict) in _verdicts(catalog, text, dt.date(2022, 1, 1))


def test_a_figure_to_come_is_compared_with_planned_and_announced_figures() -> None:
    from eastflank.claims.resolvers.strength import claim_kinds

    s = "Lukashenko ordered the formation of a new volunteer force of up to 150,000 people."
    assert "planned" in claim_kinds(s, s.index("150,000"))
    s = "Some 12,800 troops will take part, of which 2,500 will be Russian."
    assert claim_kinds(s, s.index("2,500")) == frozenset({"planned", "official", "recorded"})
    s = "Some 12,800 troops took part."
    assert "planned" not in claim_kinds(s, s.index("12,800"))


def test_a_published_road_distance_supports_a_longer_claim(catalog) -> None:
    from eastflank.catalog import Catalog
    from eastflank.schema import Figure

    kgd = catalog.places["kaliningrad"]
    road = Figure(quantity="road_distance_to_moscow_km", value=1289, sources=kgd.sources,
                  status="reported")
    places = {**catalog.places, "kaliningrad": kgd.model_copy(update={"figures": [road]})}
    with_road = Catalog({**catalog.records, "places": places})
    bare = Catalog({**catalog.records, "places": {  # the same place without road figures
        **catalog.places, "kaliningrad": kgd.model_copy(update={"figures": []})}})
    text = "Kaliningrad lies about 1,300 km from Moscow."
    day = dt.date(2022, 6, 21)
    (plain,) = [c for c in check_text(text, bare, day).claims if c.kind == "distance"]
    assert plain.verdict == "unverifiable" and "road" in plain.explanation
    (claim,) = [c for c in check_text(text, with_road, day).claims if c.kind == "distance"]
    assert claim.verdict == "supported" and claim.computed == 1289
    assert "road distance" in claim.explanation
    far = "Kaliningrad lies about 1,700 km from Moscow."  # beyond the road and the line
    (claim,) = [c for c in check_text(far, with_road, day).claims if c.kind == "distance"]
    assert claim.verdict != "supported"


@pytest.mark.parametrize(("text", "verdict"), [
    ("The former Western Military District covered the Baltic direction.", "supported"),
    ("The Western Military District moved troops to Minsk.", "outdated"),
])
def test_a_body_named_after_its_end_is_outdated_unless_spoken_of_as_past(
        catalog, text: str, verdict: str) -> None:
    assert ("command", verdict) in _verdicts(catalog, text, dt.date(2026, 1, 10))


def test_a_venue_in_a_records_name_counts_once(catalog) -> None:
    # a word of a record's name and its venue do not say the sentence is about it
    text = "As the war rages on, the spotlight is on Kaliningrad, Russia's westernmost region."
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, text, dt.date(2022, 6, 22)))
    # "parade" and Vilnius: the venue is the word of the name, not a second clue
    text = "The parade drew crowds in Warsaw and Vilnius."
    assert all(v == "unverifiable" for _, v in _verdicts(catalog, text, dt.date(2025, 6, 1)))


@pytest.mark.parametrize(("text", "verdict"), [
    ("In Belarus, Zapad-2021 involved 12,800 troops.", "supported"),  # its Belarusian stage
    ("Zapad-2021 involved 12,800 troops.", "contradicted"),  # the whole: 200,000 official
])
def test_a_part_of_a_record_only_when_the_sentence_names_the_part(catalog, text: str,
                                                                  verdict: str) -> None:
    assert ("strength", verdict) in _verdicts(catalog, text, dt.date(2021, 9, 17))


def test_a_bound_far_below_the_figure_neither_holds_nor_fails(catalog) -> None:
    text = "Zapad-2021 involved more than 20,000 troops."  # official: 200,000
    assert ("strength", "unverifiable") in _verdicts(catalog, text, dt.date(2021, 9, 17))


def test_a_superseded_plan_is_outdated_after_its_revision(catalog) -> None:
    from eastflank.catalog import Catalog
    from eastflank.claims.statements import superseded
    from eastflank.schema import Figure

    assert superseded("Planned (over 13,000); superseded on 28 May 2025.") == \
        dt.date(2025, 5, 28)
    assert superseded("Official figure.") is None
    ex = catalog.events["zapad-2025"]
    plan = Figure(quantity="planned_personnel", value=13000, as_of=dt.date(2025, 2, 20),
                  sources=ex.sources, status="reported",
                  note="Planned participation; superseded on 28 May 2025.")
    events = {**catalog.events, "zapad-2025": ex.model_copy(update={"figures": [plan]})}
    revised = Catalog({**catalog.records, "events": events})
    text = "Zapad-2025 will involve more than 13,000 troops."
    early = check_text(text, revised, dt.date(2025, 3, 1)).claims
    late = check_text(text, revised, dt.date(2025, 8, 13)).claims
    assert ("strength", "supported") in [(c.kind, c.verdict) for c in early]
    (claim,) = [c for c in late if c.kind == "strength"]
    assert claim.verdict == "outdated" and "until 2025-05-27" in claim.explanation


def test_a_unit_has_a_weapon_system_only_from_the_day_it_got_it(catalog) -> None:
    text = "Iskander-M missiles are stationed in Belarus."  # the 465th's since Dec 2022
    assert ("basing", "supported") in _verdicts(catalog, text, dt.date(2023, 6, 1))
    assert ("basing", "supported") not in _verdicts(catalog, text, dt.date(2021, 6, 1))


def test_figures_on_both_sides_of_a_strict_bound_decide_nothing(catalog) -> None:
    # Kaliningrad Oblast's sourced populations: 941,873 and 1,002,114
    text = "Kaliningrad Oblast houses under 1 million people."
    verdicts = {v for k, v in _verdicts(catalog, text, dt.date(2022, 6, 22)) if k == "count"}
    assert verdicts == {"unverifiable"}


def test_a_recorded_yes_no_property_bears_out_what_the_sentence_says(catalog) -> None:
    from eastflank.claims.check import gazetteer_for, statements_for
    from eastflank.claims.detect import Candidate
    from eastflank.claims.extract import extract
    from eastflank.claims.model import Span
    from eastflank.claims.resolvers.base import Context
    from eastflank.claims.resolvers.match import match_statements
    from eastflank.claims.tolerances import load_tolerances

    store, retriever = statements_for(catalog)
    day = dt.date(2023, 4, 1)
    ctx = Context(catalog, load_tolerances(), day, frozenset(), store, retriever)

    def outcome(text: str):
        facts = extract(text, gazetteer_for(catalog), day)
        last = facts[-1]
        cand = Candidate("event", Span(start=last.start, end=last.end, text=last.text), last,
                         tuple(facts[:-1]))
        return match_statements(cand, ctx)

    said = outcome("Russia handed over the Iskander-M. It is capable of launching both "
                   "conventional and nuclear missiles.")
    assert said is not None and said.verdict == "supported"
    assert "nuclear capable" in said.explanation
    assert outcome("Russia handed over the Iskander-M. It is a fine system.") is None


def test_a_subject_that_is_no_record_is_no_unit_named_for_a_state(catalog) -> None:
    # an indicator series' subject ("druzhba-pipeline") is a subject of statements but no
    # record: asking whether its name names a state must not fail
    from types import SimpleNamespace

    from eastflank.claims.resolvers.match import _other_state_named

    sentence = SimpleNamespace(states=frozenset({"PL"}))
    ctx = SimpleNamespace(catalog=catalog)
    assert _other_state_named(sentence, ctx, "druzhba-pipeline") is False  # type: ignore[arg-type]
    assert _other_state_named(sentence, ctx, "nato-battlegroup-lithuania") is True  # type: ignore[arg-type]
