"""Detection of the claim checker: which sentences are claims, and of which kind."""

from __future__ import annotations

import datetime as dt

import pytest

from eastflank.catalog import Catalog
from eastflank.claims.check import gazetteer_for
from eastflank.claims.detect import Candidate, detect_claims
from eastflank.claims.extract import extract

DAY = dt.date(2023, 7, 14)


def _detect(text: str, catalog: Catalog) -> list[Candidate]:
    return detect_claims(extract(text, gazetteer_for(catalog), DAY))


def test_a_title_is_not_a_command_claim(catalog: Catalog) -> None:
    # "Belarusian President" names the speaker's office, not a command relation: the
    # sentence is an event with no date
    cands = _detect("Belarusian President Alexander Lukashenko negotiated a deal to harbor "
                    "the Wagner Group.", catalog)
    assert [c.kind for c in cands] == ["event"]
    assert "Wagner Group" in cands[0].span.text
    # a command body that is the subject keeps its command claim
    cands = _detect("The Belarusian General Staff is subordinated to the Western Military "
                    "District.", catalog)
    assert "command" in [c.kind for c in cands]


@pytest.mark.parametrize(("text", "kind"), [
    ("Wagner leader Yevgeny Prigozhin met with Russian President Vladimir Putin in Moscow.",
     "event"),
    ("Warsaw and Vilnius announced new barriers.", "event"),
    # a modal makes it no event, and a verb of state no event either
    ("Belarus can be used as a springboard by Russia and Poland.", "relation"),
    ("Minsk and Moscow are close allies.", "relation"),
])
def test_undated_sentences_with_a_verb_of_record_are_events(catalog: Catalog, text: str,
                                                            kind: str) -> None:
    assert [c.kind for c in _detect(text, catalog)] == [kind]


def test_an_event_claim_covers_its_clause_not_the_speaker(catalog: Catalog) -> None:
    text = ("The signing ceremony took place on Friday at a meeting of the Supreme State "
            "Council of the Union State in Minsk; the treaty was published later.")
    (event,) = [c for c in _detect(text, catalog) if c.kind == "event"]
    assert event.span.text == ("The signing ceremony took place on Friday at a meeting of the "
                               "Supreme State Council of the Union State in Minsk")
    text = ("Prigozhin will leave for Belarus and a criminal case against him will be "
            "dropped, the Kremlin said on June 24.")
    cands = _detect(text, catalog)
    assert [c.kind for c in cands] == ["event", "attribution"]
    assert cands[0].span.text == ("Prigozhin will leave for Belarus and a criminal case "
                                  "against him will be dropped")
    assert "the Kremlin said" in cands[1].span.text


def test_events_with_names_the_dataset_lacks_and_over_two_sentences(catalog: Catalog) -> None:
    # one known place and names the gazetteer lacks, with a verb of record
    cands = _detect("Königsberg was ceded to the Soviet Union and renamed in honour of "
                    "Mikhail Kalinin.", catalog)
    assert [c.kind for c in cands] == ["event"]
    # a capitalised first word is no name: one known name alone makes no claim
    assert _detect("Secondly, Minsk was tested.", catalog) == []
    # "It was held ..." goes on about the exercise the sentence before dated
    text = "Zapad-2021 began on 10 September 2021. It was held in the west of the country."
    kinds = [(c.kind, c.facts.index) for c in _detect(text, catalog)]
    assert ("event", 1) in kinds
    assert [c for c in _detect("It was held in the west of the country.", catalog)
            if c.kind == "event"] == []


@pytest.mark.parametrize(("text", "kind"), [
    ("The region houses under 1 million people.", "count"),  # a population
    ("More than 100,000 people took part in the exercise.", "strength"),
    ("Some 1,500 border guards patrol the frontier.", "strength"),
])
def test_people_count_or_strength(catalog: Catalog, text: str, kind: str) -> None:
    assert kind in [c.kind for c in _detect(text, catalog)]


@pytest.mark.parametrize(("text", "kind"), [
    ("Kaliningrad is home to Iskander-M missiles.", "basing"),
    ("Asipovichy hosts the 465th Missile Brigade.", "basing"),
    ("Russian paratroopers took part in the exercise alongside Belarusian forces.", "event"),
    ("Lukashenko told reporters that Belarus had received Iskander systems.", "event"),
])
def test_basing_hosts_and_events_of_record(catalog: Catalog, text: str, kind: str) -> None:
    assert kind in [c.kind for c in _detect(text, catalog)]


def test_a_quotation_over_paragraphs_is_attributed_in_each(catalog: Catalog) -> None:
    text = ("Khrenin spoke on Monday.\n\n“The drills are purely defensive and will be held "
            "near Brest.\n\n“About 13,000 troops will take part,” Khrenin said.\n\nNo more.")
    facts = extract(text, gazetteer_for(catalog), DAY)
    assert [[a.person for a in f.attributions] for f in facts] == [
        [], ["Khrenin"], ["Khrenin"], []]
    carried = facts[1].attributions[0]
    assert carried.span.text.startswith("The drills") and carried.speaker is not None
    assert carried.speaker.text == "Khrenin said"
    # a quotation never closed is attributed to nobody
    facts = extract("“The drills are defensive.\n\nThey end soon.", gazetteer_for(catalog), DAY)
    assert all(not f.attributions for f in facts)


@pytest.mark.parametrize(("text", "kind"), [
    ("Lithuania shares a 679-kilometre border with Belarus.", "border_length"),
    ("Belarus borders Poland for 398 kilometres.", "border_length"),
    ("The barrier covers 206 kilometres of the 418-kilometre border.", "border_length"),
    ("Vilnius is only 30 km from the Belarusian border.", "distance"),
    ("Poland finished a 186-km border fence.", "border_length"),  # a fence's length
])
def test_lengths_said_of_a_border(catalog: Catalog, text: str, kind: str | None) -> None:
    kinds = [c.kind for c in _detect(text, catalog) if c.quantity is not None]
    assert kinds == ([kind] if kind else [])


@pytest.mark.parametrize(("text", "barrier"), [
    ("Poland finished a 186-km border fence.", True),
    ("The construction of the wall with a length of 502 km was carried out by EPSO-G.", True),
    ("Poland began a 16 foot high and 115-mile long barbed wire fence.", True),
    ("Lithuania shares a 679-kilometre border with Belarus.", False),
    ("The fence runs along the 679-kilometre border with Belarus.", False),
])
def test_barrier_lengths_are_told_from_border_lengths(catalog: Catalog, text: str,
                                                      barrier: bool) -> None:
    found = [c for c in _detect(text, catalog) if c.quantity is not None
             and c.quantity.unit == "km"]
    assert [c.kind for c in found] == ["border_length"]
    assert bool(found[0].extra.get("barrier")) is barrier


@pytest.mark.parametrize(("text", "kind"), [
    ("Belarus's armed forces are under the command of President Lukashenko.", "command"),
    ("Russia moved Iskander-M systems to Kaliningrad in October 2016.", "event"),
    ("Wagner fighters set up camp in Tsel in July 2023.", "event"),
])
def test_command_by_any_named_party_and_moves(catalog: Catalog, text: str, kind: str) -> None:
    assert kind in [c.kind for c in _detect(text, catalog)]


def test_a_region_anchors_a_basing_claim_only_as_a_territory(catalog: Catalog) -> None:
    # a garrison lies near a town or in a country; a region only when the geography model
    # draws it (the Kaliningrad exclave), and then by whether the site lies inside it
    for text in ("Iskander missiles were deployed to the Kaliningrad region.",
                 "Iskander-M systems are based in the Kaliningrad exclave."):
        (basing,) = [c for c in _detect(text, catalog) if c.kind == "basing"]
        assert basing.extra["regions"] == {"kaliningrad-oblast": "RU-KGD"}
    assert "basing" not in [c.kind for c in _detect(
        "Iskander-M systems are based in the Brest region.", catalog)]
    assert "basing" in [c.kind for c in _detect("Iskander missiles are in Kaliningrad.",
                                                catalog)]


def test_a_possessive_body_makes_no_command_claim(catalog: Catalog) -> None:
    text = "The ambiguity is heightened by the Kremlin’s propensity for fudging."
    assert "command" not in [c.kind for c in _detect(text, catalog)]
    text = "The Belarusian General Staff is subordinated to the Western Military District."
    assert "command" in [c.kind for c in _detect(text, catalog)]


@pytest.mark.parametrize(("text", "kind"), [
    # what a facility does, named by its place
    ("The Hantsavichy radar tracks ballistic missile launches from Western Europe.",
     "relation"),
    # who took part, named by names the dataset lacks
    ("India and Mongolia also took part in the drills.", "event"),
    ("The drills took place at the Borisovsky training ground.", "event"),
])
def test_facility_functions_and_parties(catalog: Catalog, text: str, kind: str) -> None:
    assert [c.kind for c in _detect(text, catalog)] == [kind]


def test_no_claim_in_a_sentence_without_names(catalog: Catalog) -> None:
    for text in ("The weather was fine and everyone went home.",
                 "Secondly, it was tested.", "What happens next is unclear."):
        assert _detect(text, catalog) == []


def test_reported_speech_is_checked_for_what_it_says(catalog: Catalog) -> None:
    text = ("Lukashenko claimed that Germany and France had fully recommissioned their "
            "nuclear facilities.")
    cands = _detect(text, catalog)
    assert [c.kind for c in cands] == ["event", "attribution"]
    assert "Germany and France had fully recommissioned" in cands[0].span.text
    assert "Lukashenko claimed" not in cands[0].span.text
    cands = _detect("Khrenin said the Belarusian army has 48,000 troops.", catalog)
    assert [c.kind for c in cands] == ["strength", "attribution"]


@pytest.mark.parametrize("text", [
    "Lithuania shut its land border with Belarus.",
    "Belarus has completely stopped accepting oil through the Druzhba pipeline.",
    "Warsaw formally invoked Article 4 of the NATO Treaty.",
    "The transit of Belarusian fertilizers through Lithuania will be stopped as of February 1.",
])
def test_verbs_of_closing_and_deciding_report_an_event(catalog: Catalog, text: str) -> None:
    # a border shut, a flow stopped, an article invoked: something done at a time
    assert "event" in [c.kind for c in _detect(text, catalog)]


def test_a_general_passive_reports_no_event(catalog: Catalog) -> None:
    # what happens whenever it is invoked is no event of a date
    kinds = [c.kind for c in _detect("As soon as Article 4 is invoked, NATO allies consult "
                                     "Poland and Lithuania.", catalog)]
    assert "event" not in kinds
