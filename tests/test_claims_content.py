"""An undated sentence without a figure that a recorded event says in full is borne out by
it; a sentence naming a place, a state or a name the event does not is not. A brigade of one
state does not bear out a sentence about another state's brigade."""

from __future__ import annotations

import datetime as dt

from eastflank.claims import check_text
from eastflank.claims.model import Mention, Span


def _verdicts(catalog, text: str, day: dt.date) -> list[str]:
    """The verdicts of the sentence's claims, but for a person's office (checked against the
    posts in tests/test_claims_posts.py)."""
    return [c.verdict for c in check_text(text, catalog, day).claims
            if not any(e.kind == "posts" for e in c.evidence + c.nearest)]


def test_an_event_said_in_full_without_a_date(catalog) -> None:
    day = dt.date(2021, 9, 1)
    said = "Poland will build a fence on its border with Belarus to stop migrants."
    assert _verdicts(catalog, said, day) == ["supported"]
    # another state on the other side of the fence: the record does not name it
    other = "Poland will build a fence on its border with Ukraine to stop migrants."
    assert "supported" not in _verdicts(catalog, other, day)


def test_a_place_the_event_only_mentions_is_not_its_venue(catalog) -> None:
    # the diverted flight was bound for Vilnius (the record says so), but it landed in Minsk
    day = dt.date(2021, 6, 1)
    wrong = ("Belarus forced the Ryanair flight to land in Vilnius and arrested the "
             "journalist Raman Pratasevich.")
    assert "supported" not in _verdicts(catalog, wrong, day)
    right = ("Belarus forced the Ryanair flight to land in Minsk and arrested the journalist "
             "Raman Pratasevich.")
    assert "supported" in _verdicts(catalog, right, day)


def test_a_designation_the_event_leaves_out(catalog) -> None:
    day = dt.date(2025, 12, 1)
    assert _verdicts(catalog, "Belarus received Mi-35M attack helicopters from Russia.",
                     day) == ["supported"]
    assert "supported" not in _verdicts(
        catalog, "Belarus received Ka-52 attack helicopters from Russia.", day)


def test_a_named_event_of_another_state_than_the_sentence_s_subject(catalog) -> None:
    day = dt.date(2025, 12, 1)
    assert _verdicts(catalog, "Belarus suspended its participation in the Eastern "
                     "Partnership.", day) == ["supported"]
    assert "supported" not in _verdicts(
        catalog, "Ukraine suspended its participation in the Eastern Partnership.", day)


def test_another_state_s_brigade_is_not_borne_out_by_the_host_s(catalog) -> None:
    day = dt.date(2024, 7, 14)
    for text in ("Germany will station a brigade in Latvia permanently.",
                 "France will station a brigade in Lithuania permanently."):
        assert "supported" not in _verdicts(catalog, text, day), text


def test_an_event_placed_in_a_state_that_had_no_part_in_it(catalog) -> None:
    day = dt.date(2023, 10, 1)
    assert "supported" in _verdicts(catalog, "Large Wagner convoy enters Belarus.", day)
    for text in ("Large Wagner convoy enters Ukraine.",
                 "CSTO Combat Brotherhood 2023 in Ukraine.",
                 "1996 constitutional referendum in Ukraine."):
        assert "supported" not in _verdicts(catalog, text, day), text
    # a place in a state that took part may hold one of its venues
    assert "supported" in _verdicts(catalog, "Zapad-2021 was held in Belarus and Kaliningrad.",
                                    day)


def test_an_event_does_not_bear_out_a_figure_its_record_does_not_state(catalog) -> None:
    day = dt.date(2025, 12, 1)
    right = "In January 2020 Poland signed a contract for 32 F-35 fighter jets."
    assert ("event", "supported") in [(c.kind, c.verdict) for c in
                                      check_text(right, catalog, day).claims]
    for text in ("In January 2020 Poland signed a contract for 64 F-35 fighter jets.",
                 "Lukashenko won 90.5% of the vote in the August 2020 election, according to "
                 "official results."):
        assert "supported" not in _verdicts(catalog, text, day), text
    assert "supported" in _verdicts(
        catalog, "Lukashenko won 80.1% of the vote in the August 2020 election, according to "
        "official results.", day)


def test_a_recorded_statement_does_not_bear_out_another_figure(catalog) -> None:
    day = dt.date(2017, 7, 20)
    said = ("Estonian Defence Minister Juri Luik said on 13 July 2017 that Zapad 2017 was an "
            "attack scenario against NATO involving about {} Russian personnel.")
    right = [c.verdict for c in check_text(said.format("100,000"), catalog, day).claims
             if c.kind == "attribution"]
    wrong = [c.verdict for c in check_text(said.format("300,000"), catalog, day).claims
             if c.kind == "attribution"]
    assert right == ["supported"] and wrong == ["unverifiable"]


def test_the_year_in_an_event_s_name_is_not_a_date_the_sentence_gives(catalog) -> None:
    day = dt.date(2025, 12, 1)
    assert _verdicts(catalog, "BALTOPS 2021 began on 6 June 2019.", day) == ["contradicted"]
    assert _verdicts(catalog, "BALTOPS 2021 began on 6 June 2021.", day) == ["supported"]


def test_a_recorded_share_is_compared_with_the_one_a_sentence_gives(catalog) -> None:
    day = dt.date(2023, 6, 1)
    said = ("Alexander Volfovich said on 24 May 2023 that Poland was militarizing and spending "
            "{} of GDP on defence.")
    assert "unverifiable" not in _verdicts(catalog, said.format("4%"), day)
    assert "supported" not in _verdicts(catalog, said.format("6%"), day)


def test_what_one_official_said_does_not_bear_out_another_as_its_speaker(catalog) -> None:
    day = dt.date(2025, 12, 1)
    text = ("Sergei Shoigu said on 15 October 2025 at the joint board of the defence "
            "ministries of Russia and Belarus that the regional grouping would be "
            "strengthened.")
    assert "supported" not in _verdicts(catalog, text, day)


def test_of_the_events_a_date_agrees_with_the_best_named_is_taken(catalog) -> None:
    # "sending troops" in February 2022 also names the US troops sent on 2 February; the
    # invasion shares more of its name
    text = ("While not sending his own troops to Ukraine, Belarusian President Alexander "
            "Lukashenko allowed Moscow to use Belarusian territory to launch its full-scale "
            "invasion on Ukraine in February 2022.")
    assert "supported" in _verdicts(catalog, text, dt.date(2023, 7, 16))


def test_a_state_listed_with_the_parties_or_across_a_border_is_a_party(catalog) -> None:
    day = dt.date(2025, 12, 31)
    for right, wrong in (
            ("Withdrawal of Lithuania, Latvia and Estonia from the Ottawa Convention takes "
             "effect.", "Withdrawal of Finland, Latvia and Estonia from the Ottawa Convention "
             "takes effect."),
            ("Poland reopens the Kuźnica and Bobrowniki crossings with Belarus.",
             "Poland reopens the Kuźnica and Bobrowniki crossings with Ukraine.")):
        assert "supported" in _verdicts(catalog, right, day), right
        assert "supported" not in _verdicts(catalog, wrong, day), wrong


def test_a_figure_of_another_state_s_event_is_not_borne_out(catalog) -> None:
    day = dt.date(2025, 12, 31)
    assert "supported" in _verdicts(
        catalog, "Lithuania signs a contract for eight HIMARS launchers.", day)
    assert "supported" not in _verdicts(
        catalog, "Finland signs a contract for eight HIMARS launchers.", day)


def test_a_state_in_the_place_of_the_one_the_record_gives(catalog) -> None:
    # Ukraine took part (it was attacked), but the drones flew into Belarus
    day = dt.date(2025, 12, 31)
    said = "At least six Russian Shaheds fly into {} during an attack on Ukraine."
    assert "supported" in _verdicts(catalog, said.format("Belarus"), day)
    assert "supported" not in _verdicts(catalog, said.format("Ukraine"), day)


def test_a_state_in_place_of_the_one_the_event_names(catalog) -> None:
    # the record's name gives a state the sentence never names, and the sentence names
    # another that took no part: it is another state's event, whichever resolver found it
    pairs = [
        ("First Tor-M2 battery for Belarus.", "First Tor-M2 battery for Ukraine.",
         dt.date(2011, 3, 1)),
        ("Poland launches Operation Horizon with up to 10,000 soldiers guarding "
         "infrastructure.",
         "Hungary launches Operation Horizon with up to 10,000 soldiers guarding "
         "infrastructure.", dt.date(2025, 12, 1)),
        ("Trump orders 9,500 US troops out of Germany.",
         "Trump orders 9,500 US troops out of France.", dt.date(2020, 7, 1)),
    ]
    for right, wrong, day in pairs:
        assert "supported" in _verdicts(catalog, right, day), right
        got = check_text(wrong, catalog, day).claims
        assert got and "supported" not in [c.verdict for c in got], wrong
    # a state that only speaks of the event is no substitute for its party
    said = check_text("Ukraine says the first Tor-M2 battery for Belarus arrived.", catalog,
                      dt.date(2011, 3, 1)).claims
    assert "supported" in [c.verdict for c in said]


def test_a_place_the_event_record_does_not_name(catalog) -> None:
    day = dt.date(2023, 9, 1)
    crash = ("Wagner founder Yevgeny Prigozhin was killed when a business jet crashed in "
             "Russia's {} region on 23 August 2023.")
    assert "supported" in _verdicts(catalog, crash.format("Tver"), day)
    assert "supported" not in _verdicts(catalog, crash.format("Novgorod"), day)
    # the region around one of the record's places is the record's
    near = ("Wagner instructors trained Belarusian territorial defence troops near "
            "Osipovichi, in Mogilev Oblast, on 14 July 2023.")
    assert "supported" in _verdicts(catalog, near, day)
    # a place of the gazetteer the record does not give as the event's venue (an exercise's
    # record may leave out some of its ranges, and is not held to them)
    talks = "Shoigu and Khrenin signed documents in {} in October 2021 extending the " \
            "agreements on Russia's Baranavichy radar station and its Vileyka naval " \
            "communications centre in Belarus."
    assert "supported" in _verdicts(catalog, talks.format("Moscow"), dt.date(2021, 12, 1))
    assert "supported" not in _verdicts(catalog, talks.format("Minsk"), dt.date(2021, 12, 1))


def test_a_count_the_event_record_gives_otherwise(catalog) -> None:
    # a number in words counts too, against the record's words and its figures
    summit = ("At their Warsaw summit in July 2016, NATO leaders agreed to deploy {} "
              "multinational battlegroups to Estonia, Latvia, Lithuania and Poland.")
    assert "supported" in _verdicts(catalog, summit.format("four"), dt.date(2016, 9, 1))
    assert "supported" not in _verdicts(catalog, summit.format("eight"), dt.date(2016, 9, 1))
    drill = ("BALTOPS 2020, held entirely at sea because of the pandemic, involved forces "
             "from {} countries.")
    assert "supported" in _verdicts(catalog, drill.format("19"), dt.date(2020, 7, 20))
    got = check_text(drill.format("nine"), catalog, dt.date(2020, 7, 20)).claims
    assert got and "supported" not in [c.verdict for c in got]
    assert "nine countries" in got[0].explanation
    # the record gives four of something else (S-300 sets): still not four training jets
    jets = ("Shoigu said in October 2014 that Russia would place 12 combat and {} training "
            "Su-27 fighters at the Babruysk airfield the following year.")
    assert "supported" in _verdicts(catalog, jets.format("two"), dt.date(2014, 11, 20))
    assert "supported" not in _verdicts(catalog, jets.format("four"), dt.date(2014, 11, 20))


def test_a_detail_of_the_event_the_sentence_gives_otherwise(catalog) -> None:
    # (right, wrong, day): a venue after the same word, a point of the compass, a date whose
    # year is only part of the event's name, a figure in the sentence the record never gives
    cases = [
        ("Lithuania's defence minister, Dovilė Šakalienė, signed the deal for new Leopard 2A8 "
         "tanks in {} in December 2024.", "Berlin", "Munich", dt.date(2025, 1, 20)),
        ("Ukraine's pipeline operator Ukrtransnafta halted the flow of Russian oil through "
         "the {} leg of the Druzhba pipeline on 4 August 2022.", "southern", "northern",
         dt.date(2022, 9, 1)),
        ("Steadfast Defender 2024, NATO's largest exercise since the Cold War, ran from {} "
         "2024.", "January to May", "March to July", dt.date(2024, 8, 1)),
        ("Poland signed a ${} billion deal in January 2023 for 116 used M1A1 Abrams tanks.",
         "1.4", "2.8", dt.date(2023, 3, 1)),
    ]
    for text, right, wrong, day in cases:
        assert "supported" in _verdicts(catalog, text.format(right), day), right
        got = _verdicts(catalog, text.format(wrong), day)
        assert got and "supported" not in got, wrong


def test_a_civil_nuclear_site_and_a_body_named_without_forces(catalog) -> None:
    # a nuclear power plant is no nuclear arm: the distance is the town's
    day = dt.date(2024, 1, 1)
    plant = "Astravets, the site of Belarus's nuclear power plant, lies about {} km from Vilnius."
    assert _verdicts(catalog, plant.format(45), day) == ["supported"]
    assert _verdicts(catalog, plant.format(90), day) == ["contradicted"]
    # forces of no named kind missing near a town refute nothing
    hq = "NATO's Supreme Headquarters Allied Powers Europe is located near Mons in Belgium."
    assert "contradicted" not in _verdicts(catalog, hq, dt.date(2024, 10, 26))


def test_a_formation_named_by_its_own_name(catalog) -> None:
    # another formation's name at a garrison of a recorded brigade is not borne out by it,
    # and a basing claim is not borne out by the date of an exercise held there
    day = dt.date(2023, 12, 20)
    assert "supported" in _verdicts(
        catalog, "Lithuania's Iron Wolf Mechanised Infantry Brigade is based at Rukla.", day)
    got = check_text("Lithuania's Griffin Infantry Brigade held the Strong Griffin exercise "
                     "at the Gaižiūnai training area in November 2023.", catalog, day).claims
    assert [c.verdict for c in got if c.kind == "basing"] == ["unverifiable"]


def test_an_attribution_with_another_count_than_the_speaker_gave(catalog) -> None:
    said = ("Lukashenko said on 1 March 2022 that {} battalion tactical groups should be "
            "stationed on Belarus's southern border with Ukraine.")
    day = dt.date(2022, 3, 10)

    def attribution(text: str) -> list[str]:
        return [c.verdict for c in check_text(text, catalog, day).claims
                if c.kind == "attribution"]

    assert attribution(said.format("five")) == ["supported"]
    assert attribution(said.format("ten")) == ["unverifiable"]


def test_an_event_said_in_full_with_its_date_and_count(catalog) -> None:
    said = ("In {} some {} Afghan migrants were stranded on the Polish-Belarusian border near "
            "the village of Usnarz Górny.")
    day = dt.date(2021, 9, 1)
    got = check_text(said.format("August 2021", 30), catalog, day).claims
    assert {(c.kind, c.verdict) for c in got} == {("count", "supported"),
                                                    ("event", "supported")}
    for when, many in (("August 2021", 60), ("August 2019", 30)):
        got = check_text(said.format(when, many), catalog, day).claims
        assert got and "supported" not in [c.verdict for c in got], (when, many)


def test_a_unit_put_at_a_town_far_from_its_garrison(catalog) -> None:
    said = ("The Baltic Fleet's 4th Guards Naval Assault Aviation Regiment flies from {} in "
            "the Kaliningrad region.")
    day = dt.date(2024, 1, 1)

    def basing(text: str) -> list[str]:
        return [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "basing"]

    assert basing(said.format("Chernyakhovsk")) == ["supported"]
    # the recorded garrison is some 90 km away, and no other record may stand in for it
    assert basing(said.format("Donskoye")) == ["unverifiable"]


def test_a_surname_spelt_otherwise_and_more_verbs_of_speech() -> None:
    from eastflank.claims.attribution import find_attributions
    from eastflank.claims.resolvers.attribution import _name_words, _spelt_otherwise

    # transliterations differ: "Ravenko" is "Revenko"; a short or different name is not
    assert _spelt_otherwise("ravenko", _name_words("valery revenko"), 85)
    assert not _spelt_otherwise("peskov", _name_words("pesko"), 85)  # (too short to judge)
    assert not _spelt_otherwise("makei", _name_words("makey"), 85)
    assert not _spelt_otherwise("shoigu", _name_words("gerasimov"), 85)
    text = "The governor Anton Alikhanov clarified that the ban covers up to 50% of goods."
    assert [a.person for a in find_attributions(text)] == ["Anton Alikhanov"]


def test_a_figure_of_what_is_going_to_happen_is_a_planned_one() -> None:
    from eastflank.claims.resolvers.strength import claim_kinds

    s = "Germany is going to transfer a brigade of 4,000 troops to Lithuania."
    assert "planned" in claim_kinds(s, s.index("4,000"))
    s = "A brigade of 4,000 troops was transferred to Lithuania."
    assert "planned" not in claim_kinds(s, s.index("4,000"))


def test_no_refutation_from_what_the_record_does_not_cover(catalog) -> None:
    # a range of widths that holds the gap's width
    gap = "The Suwałki Gap, spanning {} kilometers, links Poland and Lithuania."
    assert _verdicts(catalog, gap.format("60 to 100"), dt.date(2023, 7, 1)) == ["supported"]
    assert _verdicts(catalog, gap.format("100 to 120"), dt.date(2023, 7, 1)) == [
        "contradicted"]
    # a district of the same name existed before the recorded one: its founding is unknown
    day = dt.date(2024, 2, 27)
    old = ("The Moscow Military District was formed in 1864 as part of the military reforms "
           "of Emperor Alexander II and existed until 2010.")
    assert "contradicted" not in _verdicts(catalog, old, day)
    assert "contradicted" in _verdicts(
        catalog, "The Moscow Military District was re-established in 2019.", day)
    # states the exclave lies between are not where the missiles are
    iskander = ("Iskander missiles have already been deployed in Kaliningrad, a small Russian "
                "Baltic exclave between NATO members Lithuania and Poland.")
    got = check_text(iskander, catalog, dt.date(2022, 6, 25)).claims
    assert [c.verdict for c in got if c.kind == "basing"] == ["supported"]
    # a range given for an unnamed variant or by unnamed sources
    for text in ("Some modifications of the Iskander can hit targets 700km (450 miles) away.",
                 "The Iskander-M reaches 500 km, or up to 700 km according to different "
                 "data."):
        got = check_text(text, catalog, dt.date(2018, 2, 5)).claims
        assert "contradicted" not in [c.verdict for c in got], text
    assert "contradicted" in _verdicts(
        catalog, "The Iskander-M can hit targets 700 km away.", dt.date(2018, 2, 5))


def test_a_weapon_called_by_another_class(catalog) -> None:
    said = ("Putin announced that the {} missile 'Oreshnik' will be put into combat duty by "
            "the end of 2025.")
    day = dt.date(2025, 12, 18)
    got = {c.kind: c.verdict for c in check_text(said.format("cruise"), catalog, day).claims}
    assert got["event"] == "contradicted" and got["attribution"] == "supported"
    got = {c.kind: c.verdict for c in check_text(said.format("ballistic"), catalog, day).claims}
    assert got["event"] == "supported"


def test_a_border_said_with_a_description_of_the_neighbour(catalog) -> None:
    day = dt.date(2023, 6, 26)
    for text in ("Lithuania borders the Russian exclave of Kaliningrad.",
                 "Kaliningrad Oblast is a Russian enclave that borders the Baltic Sea, "
                 "Lithuania and Poland.",
                 "Lithuania, neighbouring Kaliningrad and a member of Nato, said it would "
                 "protest to Moscow."):
        got = check_text(text, catalog, day).claims
        assert ("border_length", "supported") in [(c.kind, c.verdict) for c in got], text
    assert "contradicted" in _verdicts(
        catalog, "Latvia borders the Russian exclave of Kaliningrad.", day)
    # the noun ("its border with Belarus") asserts no neighbour of its own
    got = check_text("Poland will build a fence on its border with Belarus to stop migrants.",
                     catalog, day).claims
    assert "border_length" not in [c.kind for c in got]


def test_a_bracketed_conversion_is_no_figure_of_its_own() -> None:
    from eastflank.claims.resolvers.events import _numbers_in

    got = _numbers_in("Warsaw intends to spend about 10 billion zlotys (almost 2.6 billion US "
                      "dollars) and 400 kilometers (249 miles) of it.")
    assert [raw for raw, _ in got] == ["10 billion", "400"]


def test_the_new_tolerances_reject_values_out_of_range(tmp_path) -> None:
    from importlib.resources import files

    import pytest
    import yaml

    from eastflank.claims.tolerances import load_tolerances
    from eastflank.errors import DataError
    packaged = yaml.safe_load(
        files("eastflank").joinpath("data/claims/tolerances.yaml").read_text(encoding="utf-8"))
    assert load_tolerances().match.place_near_km == packaged["match"]["place_near_km"]
    for block, field, value in (("match", "place_near_km", -5),
                                ("attribution", "spelling_score", 20),
                                ("relation", "region_score", 140),
                                ("event_date", "recent_days", -1)):
        bad = dict(packaged)
        bad[block] = {**packaged[block], field: value}
        path = tmp_path / f"{field}.yaml"
        path.write_text(yaml.safe_dump(bad), encoding="utf-8")
        with pytest.raises(DataError, match=field):
            load_tolerances(path)


def test_a_measure_near_a_month_is_still_a_figure(catalog) -> None:
    # "11" after "June 2022" is a height, not a day of June: the record gives 5.5 metres
    day = dt.date(2023, 1, 10)
    right = "Poland finished its steel wall on the Belarusian border in June 2022; it is 5.5 metres high."
    wrong = "Poland finished its steel wall on the Belarusian border in June 2022; it is 11 metres high."
    assert "supported" in _verdicts(catalog, right, day)
    assert "supported" not in _verdicts(catalog, wrong, day)
    # a day and the range it opens are days, not figures
    from eastflank.claims.resolvers.events import _numbers_in

    assert _numbers_in("from Sept. 12 through 16 and on 10-16 September 2021") == []
    assert _numbers_in("in June 2022 it stood 11 metres high") == [("11", 11.0)]


def test_another_ordinal_than_the_record_s(catalog) -> None:
    day = dt.date(2014, 3, 1)
    right = "In December 2013 the 120th brigade received its third Tor-M2 battery."
    wrong = "In December 2013 the 120th brigade received its fifth Tor-M2 battery."
    assert "supported" in _verdicts(catalog, right, day)
    assert "supported" not in _verdicts(catalog, wrong, day)


def test_a_dated_occurrence_is_not_borne_out_by_an_undated_record(catalog) -> None:
    # the operator record of the Iskander-M says nothing of when Belarusian crews trained
    day = dt.date(2024, 1, 10)
    wrong = ("Crews of Belarusian Iskander-M launchers and Su-25 pilots began training in "
             "Russia on 3 October 2023 for the use of tactical nuclear weapons.")
    assert "supported" not in _verdicts(catalog, wrong, day)
    right = ("Crews of Belarusian Iskander-M launchers and Su-25 pilots began training in "
             "Russia on 3 April 2023 for the use of tactical nuclear weapons.")
    assert "supported" in _verdicts(catalog, right, day)


def test_a_list_of_states_with_one_swapped(catalog) -> None:
    day = dt.date(2021, 10, 1)
    right = ("Belarus will no longer protect Lithuania and Poland from migrants until the "
             "sanctions stop, Lukashenko said in September 2021.")
    wrong = ("Belarus will no longer protect Lithuania and Latvia from migrants until the "
             "sanctions stop, Lukashenko said in September 2021.")
    assert "supported" in _verdicts(catalog, right, day)
    assert "supported" not in _verdicts(catalog, wrong, day)
    # adjectives of states name speakers, not a list of states
    from eastflank.claims.resolvers.events import _state_lists

    class _Ctx:
        pass

    ctx = _Ctx()
    ctx.catalog = catalog  # type: ignore[attr-defined]
    assert _state_lists("Ukrainian and Polish officials said", ctx) == []  # type: ignore[arg-type]
    assert _state_lists("Latvia, Lithuania and Estonia agreed", ctx) == [
        frozenset({"LV", "LT", "EE"})]  # type: ignore[arg-type]


def test_an_exercise_venue_in_a_state_where_none_of_its_places_lies(catalog) -> None:
    day = dt.date(2018, 7, 1)
    assert "supported" in _verdicts(catalog, "BALTOPS 2018 began in June 2018 in Klaipėda.", day)
    # Latvia took part, but none of the exercise's recorded places lies in it
    assert "supported" not in _verdicts(catalog, "BALTOPS 2018 began in June 2018 in Riga.",
                                        day)


def test_a_province_named_after_its_word_of_place(catalog) -> None:
    day = dt.date(2025, 10, 1)
    said = ("A Ukrainian suspected of coordinating the Nord Stream sabotage was detained in the "
            "province of {} in August 2025.")
    assert "supported" in _verdicts(catalog, said.format("Rimini"), day)
    assert "supported" not in _verdicts(catalog, said.format("Naples"), day)


def test_speakers_with_long_titles_openers_and_bodies(catalog) -> None:
    from eastflank.claims.attribution import find_attributions

    [a] = find_attributions("However, according to Lithuanian Defense Minister Raimundas "
                            "Karoblis, the move is permanent.")
    assert a.person == "Lithuanian Defense Minister Raimundas Karoblis"
    [b] = find_attributions("But President Lukashenko assured on Thursday that he was not "
                            "in Belarus.")
    assert b.person == "President Lukashenko"
    # the name after "said" that opens what was said is its subject, not the speaker
    assert not [x for x in find_attributions("Officials said Russian Federation has every "
                                             "right to hold drills.") if x.person]
    # a ministry with a lowercase word before it speaks as that body; a year in what it said
    # ("a 2002 agreement") does not date the saying
    day = dt.date(2022, 6, 21)
    said = ("Russia's foreign ministry said that the transit ban violates a 2002 Russia-EU "
            "agreement and demanded the immediate lifting of Lithuania's openly hostile "
            "restrictions.")
    claims = check_text(said, catalog, day).claims
    att = [c for c in claims if c.kind == "attribution"]
    assert att and att[0].verdict == "supported"
    assert att[0].attribution is not None
    assert att[0].attribution.institution == "Russia's foreign ministry"
    # the same words from another body are not its statement
    other = said.replace("Russia's foreign ministry", "Belarus's foreign ministry")
    att = [c for c in check_text(other, catalog, day).claims if c.kind == "attribution"]
    assert att and att[0].verdict != "supported"


def test_a_place_said_to_lie_in_a_region(catalog) -> None:
    day = dt.date(2025, 1, 10)
    assert _verdicts(catalog, "The camp lies near Asipovichy, in the Mogilev region.",
                     day) == ["supported"]
    # the region named by its seat under another spelling ("Hrodna" for Grodno Oblast)
    assert _verdicts(catalog, "Baranovichi, in the Hrodna region, hosts an air base.",
                     day) == ["contradicted"]
    assert _verdicts(catalog, "Baranovichi, in the Brest region, hosts an air base.",
                     day) == ["supported"]
    # a town that is no region's seat is not its capital: the seat is recorded
    assert _verdicts(catalog, "Baranovichi is the capital of the Brest region.",
                     day) == ["contradicted"]



def test_a_month_named_without_its_year(catalog) -> None:
    from eastflank.claims.dates import find_dates

    day = dt.date(2024, 9, 13)
    got = [(d.span.text, d.date.isoformat()) for d in find_dates(
        "An advance party arrived in April; more came last November.", day)]
    assert got == [("April", "2024-04-01"), ("November", "2023-11-01")]
    # of what is to come, a month before the article's is next year's
    assert [d.date.isoformat() for d in find_dates("The rest will arrive by June.", day)] == [
        "2025-06-01"]
    # the first month of a range is the range's, and "may" is a verb
    assert [d.span.text for d in find_dates("ran from March to July 2024; they may go",
                                            day)] == ["July 2024"]
    # a sentence dated by its month alone finds its event
    said = "Back in April, the EU banned Russian and Belarusian road hauliers from its territory."
    assert "supported" in _verdicts(catalog, said, dt.date(2022, 6, 20))


def test_a_hyphenated_measure_is_a_figure() -> None:
    from eastflank.claims.resolvers.events import _numbers_in

    assert _numbers_in("a 250-km line and a 45,000-strong army, not the Su-30SM or 2-3") == [
        ("250", 250.0), ("45,000", 45000.0)]
    # a share in words is a figure; the first half of a year is a period
    assert _numbers_in("a third of its forces, in the first half of 2025") == [
        ("a third of", 1 / 3)]


def test_a_speaker_s_own_decision_is_borne_out_by_its_announcement(catalog) -> None:
    day = dt.date(2022, 6, 25)
    own = ("Putin told the Belarusian leader Lukashenko that he had decided to transfer the "
           "Iskander-M missile systems to the Belarusian armed forces.")
    events = [c.verdict for c in check_text(own, catalog, day).claims if c.kind == "event"]
    assert events == ["supported"]
    # what a speaker says of others is no evidence of it
    other = ("Putin told the Belarusian leader Lukashenko that NATO had decided to transfer the "
             "Iskander-M missile systems to the Belarusian armed forces.")
    events = [c.verdict for c in check_text(other, catalog, day).claims if c.kind == "event"]
    assert "supported" not in events


def test_a_plan_dated_to_when_it_is_to_be_done(catalog) -> None:
    day = dt.date(2024, 10, 25)
    lead = "Poland is building the East Shield fortifications along its eastern border. "
    right = lead + "The fortifications are scheduled to be completed in 2028."
    wrong = lead + "The fortifications are scheduled to be completed in 2031."
    assert "supported" in _verdicts(catalog, right, day)
    assert "supported" not in _verdicts(catalog, wrong, day)[1:]


def test_according_to_him_is_the_last_named_speaker(catalog) -> None:
    text = ("Belarusian Defence Minister Viktor Khrenin said the army was ready. According to "
            "him, the first echelons with Russian servicemen began to arrive in Belarus.")
    att = [c.attribution for c in check_text(text, catalog, dt.date(2022, 10, 16)).claims
           if c.kind == "attribution"]
    assert [a.person for a in att if a is not None] == [
        "Belarusian Defence Minister Viktor Khrenin"] * 2


def test_another_edition_of_a_series_is_not_the_one_named(catalog) -> None:
    day = dt.date(2019, 1, 10)
    events = [c.verdict for c in check_text(
        "The Vostok-2018 exercise involved about 150,000 troops.", catalog, day).claims
        if c.kind == "event"]
    assert events and "supported" not in events
    # an edition's month without its year takes the edition's year
    assert _verdicts(catalog, "Zapad-2017 was held in September.", day) == ["supported"]


def test_a_stem_shared_by_two_words_is_no_shared_word() -> None:
    from eastflank.claims.resolvers.events import same_words, word_forms

    forms = word_forms("since the summer of 2023, signing the treaty")
    assert same_words({"summ"}, "Union State summit April 2023", forms) == set()
    assert same_words({"sign"}, "Treaty signed", forms) == {"sign"}
    assert same_words({"crea"}, "creation of the Union State",
                      word_forms("it was created in 1999")) == {"crea"}


def test_a_formation_is_not_borne_out_by_a_record_of_another_kind(catalog) -> None:
    day = dt.date(2026, 3, 10)
    # a regiment the dataset does not know is not borne out by the naval base it names
    wrong = "The 336th Separate Guards Naval Infantry Regiment is based at Baltiysk."
    assert "supported" not in _verdicts(catalog, wrong, day)
    right = "The 152nd Guards Missile Brigade is stationed in Chernyakhovsk."
    assert _verdicts(catalog, right, day) == ["supported"]


def test_a_state_that_acts_after_an_opening_phrase(catalog) -> None:
    day = dt.date(2025, 10, 1)
    right = ("For the duration of the Zapad exercise, Poland closed all its crossings on the "
             "Belarusian border on 12 September 2025.")
    assert "supported" in _verdicts(catalog, right, day)
    wrong = right.replace("Poland closed", "Lithuania closed")
    assert "supported" not in _verdicts(catalog, wrong, day)


def test_a_place_in_a_list_of_names_the_record_gives_otherwise(catalog) -> None:
    from eastflank.claims.check import gazetteer_for
    from eastflank.claims.detect import detect_claims
    from eastflank.claims.extract import extract
    from eastflank.claims.resolvers.base import Context
    from eastflank.claims.resolvers.events import unsaid_places
    from eastflank.claims.tolerances import load_tolerances

    rec = next(e for e in catalog.events.values()
               if "Vilnius and Kaunas airports" in e.name)
    ctx = Context(catalog, load_tolerances(), rec.date)

    def places(text: str) -> list[str]:
        (facts,) = extract(text, gazetteer_for(catalog), rec.date)
        cand = detect_claims([facts])[0] if detect_claims([facts]) else None
        from eastflank.claims.detect import Candidate
        from eastflank.claims.model import Span
        cand = cand or Candidate("event", Span(start=0, end=len(text), text=text), facts)
        return unsaid_places(cand, rec, ctx)

    assert places("Lithuania shut its Vilnius and Palanga airports overnight.") == ["Palanga"]
    assert places("Lithuania shut its Vilnius and Kaunas airports overnight.") == []


def test_a_figure_in_words_is_compared_like_one_in_digits() -> None:
    from eastflank.claims.resolvers.events import _numbers_in

    assert [v for _, v in _numbers_in("border guards arrested eighty smugglers")] == [80.0]
    assert [v for _, v in _numbers_in("some forty-five thousand troops")] == [45000.0]
    assert [v for _, v in _numbers_in("eight smugglers and a tenfold rise")] == []


def test_a_route_s_length_is_no_gap_width(catalog) -> None:
    res = check_text("Lithuania plans to rebuild the 113 km Vilnius-Augustow road through the "
                     "Suwałki corridor.", catalog, dt.date(2025, 6, 1))
    assert [c.kind for c in res.claims if c.kind == "gap_width"] == []
    res = check_text("The Suwałki corridor is about 65 km wide.", catalog, dt.date(2025, 6, 1))
    assert [c.kind for c in res.claims] == ["gap_width"]


def test_a_loose_match_needs_the_very_day(catalog) -> None:
    # peace talks two days before share a state and a word with the sentence, nothing more
    text = ("Putin approved on 31 March 2022 a new foreign policy concept that calls the "
            "United States the main source of risks to Russia's security.")
    assert "supported" not in _verdicts(catalog, text, dt.date(2022, 6, 1))
    # the talks themselves, on their day
    talks = "Russia and Ukraine held peace talks in Istanbul on 29 March 2022."
    assert "supported" in _verdicts(catalog, talks, dt.date(2022, 6, 1))


def test_a_statement_put_in_another_speaker_s_mouth(catalog) -> None:
    said = ("Belarusian Defence Minister Viktor Khrenin said on Friday that the Oreshnik "
            "missile system had arrived in Belarus and was preparing for combat duty.")
    day = dt.date(2025, 12, 19)
    got = check_text(said, catalog, day).claims
    assert "supported" in [c.verdict for c in got if c.kind == "event"]
    other = said.replace("Belarusian Defence Minister Viktor Khrenin",
                         "Polish President Andrzej Duda")
    got = check_text(other, catalog, day).claims
    assert "supported" not in [c.verdict for c in got if c.kind in ("event", "attribution")]


def test_a_figure_is_not_a_statement_of_a_speaker_the_sentence_does_not_name(catalog) -> None:
    res = check_text("Belarusian defense officials initially said about 13,000 troops would "
                     "participate in the exercise that was to take place near its western "
                     "border.", catalog, dt.date(2025, 9, 12))
    (c,) = [c for c in res.claims if c.kind == "strength"]
    # (the statement may be shown among the nearest, not taken as the figure's subject)
    assert "Bychkovsky" not in c.explanation
    assert not any("Bychkovsky" in (e.name or "") for e in c.evidence)


def test_a_short_attribution_refers_to_the_sentence_before(catalog) -> None:
    before = ("The Iskander missiles have been deployed to Kaliningrad numerous times before. "
              "However, according to Lithuanian Defense Minister Raimundas Karoblis, the move "
              "is permanent.")
    day = dt.date(2018, 2, 5)

    def attribution(text: str) -> str:
        (c,) = [c for c in check_text(text, catalog, day).claims if c.kind == "attribution"]
        return c.verdict

    assert attribution(before) == "supported"
    # the same words after a sentence on something else: nothing says what the move was
    other = before.replace("The Iskander missiles have been deployed to Kaliningrad numerous "
                           "times before.", "Lithuania's parliament met on Monday.")
    assert attribution(other) == "unverifiable"
    # in another paragraph, the sentence before is no longer what it refers to
    assert attribution(before.replace("before. However", "before.\n\nHowever")) == \
        "unverifiable"


def test_a_thing_given_another_of_its_names(catalog) -> None:
    day = dt.date(2018, 2, 5)

    def relation(text: str) -> str:
        (c,) = [c for c in check_text(text, catalog, day).claims if c.kind == "relation"]
        return c.verdict

    said = ("The Iskander, a mobile ballistic missile system codenamed {} by NATO, replaced "
            "the Soviet Scud missile.")
    assert relation(said.format("SS-26 Stone")) == "supported"
    # another system's reporting name
    assert relation(said.format("SA-21 Growler")) == "contradicted"
    # and one the dataset does not know decides nothing
    assert relation(said.format("SS-99 Unknown")) == "unverifiable"


def test_a_negation_in_another_clause_of_a_border_sentence(catalog) -> None:
    text = ("This region, although part of Russia, does not have a common land border with it "
            "– it borders only Lithuania and Poland.")
    got = [c for c in check_text(text, catalog, dt.date(2022, 6, 20)).claims
           if "border" in c.explanation]
    assert got and got[0].verdict == "supported"
    text = "Kaliningrad does not border Belarus or Latvia."
    got = check_text(text, catalog, dt.date(2022, 6, 20)).claims
    assert "supported" not in [c.verdict for c in got]


def test_inhabitants_are_the_population_of_the_state_the_sentence_is_about(catalog) -> None:
    text = ("Lithuania has {} inhabitants and is located between the Russian exclave of the "
            "Kaliningrad Oblast and Belarus.")
    day = dt.date(2025, 5, 21)

    def count(n: str) -> tuple[str, str]:
        (c,) = [c for c in check_text(text.format(n), catalog, day).claims
                if c.kind == "count"]
        return c.verdict, c.explanation

    verdict, why = count("3 million")
    assert verdict == "supported" and "Lithuania" in why
    # (not judged against the Kaliningrad region the sentence also names)
    verdict, why = count("1 million")
    assert verdict != "supported" and "Kaliningrad" not in why


def test_a_town_outside_the_gazetteer_in_another_state(catalog) -> None:
    from eastflank.claims.cities import city_country

    assert city_country("Gdynia") == "PL" and city_country("Brest") is None
    day = dt.date(2018, 7, 1)
    # the record puts BALTOPS 2018 in Lithuania; Gdynia (Poland) is not in the gazetteer
    wrong = "BALTOPS 2018, hosted by Lithuania, set sail from Gdynia at the start of June 2018."
    assert "supported" not in _verdicts(catalog, wrong, day)
    right = "BALTOPS 2018, hosted by Lithuania, began at the start of June 2018."
    assert "supported" in _verdicts(catalog, right, day)
    # a month is no town, though England has a town called March
    assert city_country("March") == "GB"
    base = ("The forward command post of the US Army's V Corps in Poznań formally became the "
            "first permanent US base in Poland in March 2023.")
    assert "supported" in _verdicts(catalog, base, dt.date(2023, 6, 1))


def test_a_span_of_time_the_record_gives_otherwise(catalog) -> None:
    from eastflank.claims.resolvers.events import _durations

    assert [round(m) for _, m, _ in _durations("for two and a half hours, then 10 days")] == [
        150, 14400]
    day = dt.date(2024, 4, 1)
    said = ("The RAF jet carrying Britain's defence secretary Grant Shapps had its GPS signal "
            "jammed for {} near Kaliningrad on 13 March 2024.")
    assert "supported" in _verdicts(catalog, said.format("about 30 minutes"), day)
    assert "supported" not in _verdicts(catalog, said.format("about an hour"), day)


def test_a_vote_the_record_says_went_the_other_way(catalog) -> None:
    said = ("Belarus voted {} UN General Assembly resolution 68/262 on the territorial "
            "integrity of Ukraine in March 2014.")
    day = dt.date(2019, 12, 31)
    assert "supported" in _verdicts(catalog, said.format("against"), day)
    assert "supported" not in _verdicts(catalog, said.format("in favour of"), day)


def test_a_month_beside_the_speaker_dates_the_saying(catalog) -> None:
    # "said in May" in a text of October is the last May, though what was said looks ahead;
    # a statement so dated is looked up on that month, not at the text's date
    day = dt.date(2024, 10, 25)
    said = ("The government earmarked 10 billion zlotys for the border fortification plan "
            "that will make the Polish border safe, Prime Minister Donald Tusk said in May.")
    got = check_text(said, catalog, day).claims
    told = [c for c in got if c.kind == "attribution"]
    assert [c.verdict for c in told] == ["supported"]
    assert told[0].evidence[0].record == "stmt3-tusk-monte-cassino-east-shield-2024-05-18"
    # the same words a year later name no statement of that May
    later = check_text(said, catalog, dt.date(2025, 10, 25)).claims
    assert [c.verdict for c in later if c.kind == "attribution"] == ["unverifiable"]


def test_a_speaker_named_by_surname_with_any_verb_of_saying(catalog) -> None:
    # "Putin assured that ...": the surname alone before a verb of saying names the speaker,
    # whose recorded statement of the day bears the sentence out
    said = ("Putin assured that Moscow would retain control over any tactical nuclear weapons "
            "stationed in Belarus.")
    got = check_text(said, catalog, dt.date(2023, 3, 26)).claims
    assert [c.verdict for c in got if c.kind == "attribution"] == ["supported"]


def test_an_undated_sentence_tells_a_recent_event_as_news(catalog) -> None:
    # no date in the sentence: an event of the fortnight before the article's date that it
    # names by most of its name's words and by a place bears it out; a year later it does not
    said = ("Against the background of the events in the Kursk region of the Russian "
            "Federation, representatives of Belarus again began to make statements about the "
            "alleged presence of a threat from Ukraine.")
    assert _verdicts(catalog, said, dt.date(2024, 8, 18)) == ["supported"]
    assert _verdicts(catalog, said, dt.date(2025, 8, 18)) == ["unverifiable"]


def test_a_border_measured_only_on_the_map_refutes_no_longer_length(catalog) -> None:
    # no official length of the Ukraine-Moldova border is recorded; the 1:10m map leaves out
    # the bends of its rivers and comes out shorter, so a published 1,222 km stands
    # unrefuted, while a length far below the map's is still refuted
    day = dt.date(2024, 1, 1)
    assert _verdicts(catalog, "The border between Ukraine and Moldova is 1,222 km long.",
                     day) == ["unverifiable"]
    assert _verdicts(catalog, "The border between Ukraine and Moldova is 500 km long.",
                     day) == ["contradicted"]
    # the Ukraine-Belarus border has its published lengths: the national 1,084 km bears out
    assert _verdicts(catalog, "The border between Ukraine and Belarus is 1,084 km long.",
                     day) == ["supported"]


def test_a_quote_of_a_speaker_named_by_a_pronoun_reads_the_sentence_before(catalog) -> None:
    # "he said": the speaker and what the quote is about are in the sentence before
    text = ("Russia has moved Iskander missiles to its Kaliningrad exclave, an agency "
            "reported.\n\nVladimir Shamanov, head of the Duma's defence committee, confirmed "
            "the deployment. "
            "\u201cYes, they have been deployed. The deployment of foreign military "
            "infrastructure automatically falls onto the priority list for targeting,\u201d "
            "he said.")
    got = check_text(text, catalog, dt.date(2018, 2, 5)).claims
    quoted = [c for c in got if c.kind == "attribution" and c.text.startswith("Yes")]
    assert [c.verdict for c in quoted] == ["supported"]


def test_a_region_is_no_point_to_measure_a_garrison_from(catalog) -> None:
    # Gusev lies in Kaliningrad Oblast, 56 km from the point that locates the oblast: a unit
    # based there is not refuted by that distance
    said = ("The Baltic Fleet formed the 11th Army Corps in the Kaliningrad region in 2016, "
            "with its headquarters in Gusev.")
    assert "contradicted" not in _verdicts(catalog, said, dt.date(2020, 1, 1))


def test_drills_held_in_a_state_where_their_record_does_not_hold_them(catalog) -> None:
    # Search-2019 was held in Belarus; Kazakhstan sent troops to it, which its record says,
    # but that does not make Kazakhstan its venue
    day = dt.date(2020, 1, 10)
    said = ("About 2,000 reconnaissance troops from the CSTO states held the Search-2019 "
            "drills in {} in October 2019.")
    assert "supported" not in _verdicts(catalog, said.format("Kazakhstan"), day)
    assert "supported" in _verdicts(catalog, said.format("Belarus"), day)


def test_a_unit_named_by_its_state_and_echelon_alone(catalog) -> None:
    # the only German brigade the dataset records with a personnel figure is the 45th Panzer
    # Brigade in Lithuania, planned at 4,800 soldiers
    day = dt.date(2025, 6, 1)
    right = "The Bundeswehr brigade is planned to reach 4,800 soldiers by 2027."
    assert _verdicts(catalog, right, day) == ["supported"]
    wrong = "The Bundeswehr brigade is planned to reach 9,000 soldiers by 2027."
    assert "supported" not in _verdicts(catalog, wrong, day)


def test_a_type_designation_is_one_word_however_it_is_written() -> None:
    from eastflank.claims.resolvers.base import designations, keywords

    assert designations("two Su-30 SM fighters") == designations("Su-30SM jets") == {"su30sm"}
    assert designations("S-400s and F-16s") == {"s400", "f16"}
    assert designations("Zapad-2025 in May 2025") == set()
    assert "su30sm" in keywords("Su-30SM multirole fighters begin arriving in Belarus")


def test_an_opinion_of_an_event_is_not_borne_out_by_the_event(catalog) -> None:
    # Zapad-2017 ran from 14 to 20 September 2017; what Peskov suggested on its last day is
    # not what its record says (he spoke of Lithuania's president, not Latvia's)
    said = ("Dmitry Peskov, the Kremlin's spokesman, suggested on 20 September 2017 that "
            "Latvia's president Raimonds Vejonis might change his opinion of Zapad 2017.")
    assert "supported" not in _verdicts(catalog, said, dt.date(2017, 9, 25))
    held = "Zapad 2017 ended on 20 September 2017."
    assert "supported" in _verdicts(catalog, held, dt.date(2017, 9, 25))


def test_a_service_named_as_the_doer_of_a_recorded_event(catalog) -> None:
    # "Russian airborne troops" names the Airborne Forces; what they did is a recorded event
    day = dt.date(2024, 12, 22)
    said = ("Russian airborne troops landed by helicopter at the airport in {}, near Kyiv, on "
            "the first day of the invasion.")
    assert "supported" in _verdicts(catalog, said.format("Hostomel"), day)
    assert "supported" not in _verdicts(catalog, said.format("Boryspil"), day)


def test_a_body_of_the_same_name_formed_long_before_is_not_refuted(catalog) -> None:
    # the Moscow and Leningrad districts were re-created in 2024; districts of those names
    # existed until 2010, formed in the nineteenth and early twentieth centuries
    day = dt.date(2025, 1, 1)
    old = ("The Moscow Military District was founded on 6 August 1864 as part of the military "
           "reforms of Alexander II.")
    assert "contradicted" not in _verdicts(catalog, old, day)
    merged = ("The Western Military District was created on 1 September 2010 from the Moscow "
              "and Leningrad military districts.")
    assert "contradicted" not in _verdicts(catalog, merged, day)


def test_a_day_and_month_with_a_nineteenth_century_year() -> None:
    from eastflank.claims.dates import find_dates

    (d,) = find_dates("founded on 6 August 1864", dt.date(2025, 1, 1))
    assert (d.date, d.precision) == (dt.date(1864, 8, 6), "day")
    # a bare number is not read as a year of that century
    assert find_dates("some 1850 troops", dt.date(2025, 1, 1)) == []


def test_a_range_named_after_a_town_the_record_names(catalog) -> None:
    # Zapad-2025's Belarusian stage was held mainly near Barysaw (Borisov): the Borisovsky
    # range is named after it; the Obuz-Lesnovsky range is not named in its record
    day = dt.date(2025, 9, 15)
    said = ("Belarusian and Russian forces engaged in joint manoeuvres at the {} training "
            "ground as part of the Zapad-2025 drills.")
    assert "supported" in _verdicts(catalog, said.format("Borisovsky"), day)
    assert "supported" not in _verdicts(catalog, said.format("Obuz-Lesnovsky"), day)


def test_news_of_the_day_named_by_the_town_of_its_air_base(catalog) -> None:
    # the first two Su-30SM landed at the Baranavichy air base on 13 November 2019; the
    # sentence names the town, and writes the type with a space
    said = "The first two Su-30 SM fighters arrived at the military airfield in Baranovichi."
    assert "supported" in _verdicts(catalog, said, dt.date(2019, 11, 13))
    # the same words a year later tell of another arrival
    assert "supported" not in _verdicts(catalog, said, dt.date(2020, 11, 13))


def _outcomes(catalog, text: str, kind: str, day: dt.date) -> list[tuple[str, str]]:
    """The verdict and explanation of each claim of ``kind`` the sentence makes."""
    return [(c.verdict, c.explanation) for c in check_text(text, catalog, day).claims
            if c.kind == kind]


def _border_pairs(catalog, text: str) -> list[tuple[str, str]]:
    return [(verdict, why.split(":")[0])
            for verdict, why in _outcomes(catalog, text, "border_length", dt.date(2024, 6, 1))]


def test_a_border_length_is_of_the_border_its_own_words_name(catalog) -> None:
    # the alliance named elsewhere in the sentence does not make the pair's border NATO's
    assert _border_pairs(catalog, "Lithuania shares a 679 km border with Belarus, NATO's "
                         "eastern frontier.") == [("supported", "LT-BY")]
    # the far side of the border follows the length; the near side is named before it
    assert _border_pairs(catalog, "Finland, which joined NATO in April 2023, shares a "
                         "1,340-kilometre border with Russia.") == [("supported", "FI-RU")]
    # each length of a sentence with two borders is of its own border
    assert _border_pairs(catalog, "Poland shares a 232-km border with Russia's Kaliningrad "
                         "exclave and a 418-km border with Belarus.") == [
        ("supported", "RU-KGD-PL"), ("supported", "PL-BY")]
    # a state named before that does not border the far side is not the near side
    assert _border_pairs(catalog, "Latvia, unlike Estonia, has a 173-km border with "
                         "Belarus.") == [("supported", "LV-BY")]
    # "the border with Kaliningrad" is the exclave's, the city named for its region
    assert _border_pairs(catalog, "Lithuania's border with Kaliningrad is 261 km long.") == [
        ("supported", "LT-RU-KGD")]
    # an alliance on the far side: the near state's border with the alliance
    verdicts = _border_pairs(catalog, "Belarus has a 1,250-km border with NATO countries.")
    assert verdicts == [("supported", "Belarus-NATO land border (BY-PL, BY-LV, BY-LT)")]


def _distance_notes(catalog, text: str) -> list[tuple[str, str]]:
    return _outcomes(catalog, text, "distance", dt.date(2024, 6, 1))


def test_a_distance_from_a_border_named_by_the_state_adjective(catalog) -> None:
    # "the Belarusian border" is Belarus's border: measured from the place to Belarus
    ((verdict, why),) = _distance_notes(
        catalog, "Vilnius lies only about 30 kilometres from the Belarusian border.")
    assert verdict == "supported" and "nearest point of Belarus" in why
    ((verdict, why),) = _distance_notes(
        catalog, "Riga lies only about 30 kilometres from the Belarusian border.")
    assert verdict == "contradicted" and "nearest point of Belarus" in why


def test_a_distance_said_of_the_town_of_the_sentence_before(catalog) -> None:
    # "the town located ... north of the border": the town the sentence before names, though
    # the sentence speaks of a camp and fighters
    text = ("Wagner fighters arrived in Osipovichi. Dozens of tents were erected within the "
            "former military base in the town located approximately 120 kilometres north of "
            "the Ukrainian border.")
    ((verdict, why),) = _distance_notes(catalog, text)
    assert verdict == "contradicted" and why.startswith("Asipovichy lies")


def _command_verdicts(catalog, text: str) -> list[str]:
    return [verdict for verdict, _ in _outcomes(catalog, text, "command", dt.date(2025, 6, 1))]


def test_a_body_formed_over_a_recorded_period_is_formed_on_either_day(catalog) -> None:
    # the Western Military District was decreed on 20 September 2010 and formed by 1 December
    # 2010 (the recorded reform): either day is its creation, a later one is not
    assert _command_verdicts(catalog, "The Western Military District was created on "
                             "1 December 2010.") == ["supported"]
    assert _command_verdicts(catalog, "The Western Military District was created on "
                             "1 June 2011.") == ["contradicted"]


def test_the_end_of_an_earlier_body_of_the_same_name(catalog) -> None:
    # the Leningrad Military District of the dataset is the one re-created in 2024; the one
    # disbanded in 2010 is recorded only by its end
    assert _command_verdicts(catalog, "The Leningrad Military District was disbanded in "
                             "2010.") == ["supported"]
    assert _command_verdicts(catalog, "The Leningrad Military District was disbanded in "
                             "1995.") == ["unverifiable"]
    assert _command_verdicts(catalog, "The Leningrad Military District was disbanded in "
                             "May 2025.") == ["contradicted"]


def test_a_figure_only_a_claim_gives_refutes_nothing(catalog) -> None:
    # the deserter's "about 15 launchers" of a Russian brigade is only his claim: it bears
    # out no count and refutes none
    got = check_text("Belarus has about 20 Iskander launchers.", catalog,
                     dt.date(2025, 6, 1)).claims
    counts = [c for c in got if c.kind == "count"]
    assert [c.verdict for c in counts] == ["unverifiable"]
    assert "would have been contradicted" in counts[0].explanation


def test_an_event_at_another_target_or_of_another_change_is_not_borne_out(catalog) -> None:
    day = dt.date(2025, 12, 1)
    # the first Oreshnik strike was on Dnipro: a name the gazetteer does not know after
    # "against" that the record does not name is another target
    got = check_text("Russia first used the Oreshnik missile against Kharkiv on 21 November "
                     "2024.", catalog, day).claims
    assert [c.verdict for c in got if c.kind == "event"] == ["unverifiable"]
    assert "Kharkiv" in next(c.explanation for c in got if c.kind == "event")
    # a snap check of the Western Military District is not its abolition
    got = check_text("The Western Military District was abolished in 2021.", catalog,
                     day).claims
    assert "supported" not in [c.verdict for c in got]


def test_a_state_whose_name_ends_like_an_adjective_is_a_place(catalog) -> None:
    # "in Kazakhstan" is where: the name ends like "Belarusian" but is the state's own name;
    # the statement of that month does not say it
    got = check_text("Shoigu said in December 2020 that Zapad-2021 would be held in "
                     "Kazakhstan.", catalog, dt.date(2025, 6, 1)).claims
    assert "supported" not in [c.verdict for c in got]
    span = Span(start=0, end=10, text="Kazakhstan")
    assert not Mention(kind="actors", record="KZ", name="Kazakhstan", score=100,
                       span=span).adjectival
    span = Span(start=0, end=10, text="Belarusian")
    assert Mention(kind="actors", record="BY", name="Belarus", score=100, span=span).adjectival


def test_a_dated_delivery_is_not_who_operates_the_system(catalog) -> None:
    # that Russia operates the Iskander-M says nothing of when Belarus received its first
    got = check_text("Belarus received the first Iskander-M systems from Russia in December "
                     "2021.", catalog, dt.date(2025, 12, 1)).claims
    assert "supported" not in [c.verdict for c in got]


def test_a_numbered_unit_placed_elsewhere_is_named_with_its_garrison(catalog) -> None:
    # the refutation names the unit (not "no recorded brigade", which Brest has) and where
    # it is recorded
    got = check_text("Belarus's 6th Mechanised Brigade is stationed in Brest.", catalog,
                     dt.date(2025, 6, 1)).claims
    (basing,) = [c for c in got if c.kind == "basing"]
    assert basing.verdict == "contradicted"
    assert "6th Separate Guards Mechanised Brigade" in basing.explanation
    assert "recorded at Hrodna" in basing.explanation


def test_a_unit_under_a_body_is_judged_by_its_chain_of_command(catalog) -> None:
    # the 465th Missile Brigade reports through the Missile Troops and Artillery to the
    # General Staff, not to the Western Operational Command
    got = check_text("The 465th Missile Brigade is subordinate to the Western Operational "
                     "Command.", catalog, dt.date(2025, 6, 1)).claims
    (command,) = [c for c in got if c.kind == "command"]
    assert command.verdict == "contradicted"
    assert "465th Missile Brigade -> Missile Troops and Artillery" in command.explanation


def test_a_length_said_of_a_named_border_is_its_length_beside_the_gap(catalog) -> None:
    # the gap is named in the sentence, but the number is the length of the border its
    # words name
    got = _outcomes(catalog, "Near the Suwalki Gap runs the 65-mile border between Poland "
                    "and Lithuania.", "border_length", dt.date(2024, 6, 1))
    assert [v for v, _ in got] == ["supported"]
    assert _outcomes(catalog, "Near the Suwalki Gap runs the 65-mile border between Poland "
                     "and Lithuania.", "gap_width", dt.date(2024, 6, 1)) == []


def test_a_bearing_from_a_place_is_a_distance_not_a_weapons_range(catalog) -> None:
    got = check_text("The Oreshnik launchers stand at an airfield near Krichev, about 440 km "
                     "south-west of Moscow.", catalog, dt.date(2025, 12, 30)).claims
    assert [c.kind for c in got if c.claimed == 440] == ["distance"]
    assert "weapon_range" not in [c.kind for c in got]


def test_a_length_of_a_border_the_sentence_does_not_name_refutes_nothing(catalog) -> None:
    day = dt.date(2024, 6, 1)
    text = ("Poland is fortifying its borders with Russia and Belarus. New ditches will run "
            "along the 400-kilometre land border.")
    assert [v for v, _ in _outcomes(catalog, text, "border_length", day)] == ["unverifiable"]
    # several borders summed are no one border
    text = "Estonia, Latvia and Lithuania will guard their combined 600-mile border with Russia."
    assert [v for v, _ in _outcomes(catalog, text, "border_length", day)] == ["unverifiable"]
    text = ("Estonia, Lithuania, and Latvia are building defences along their collective 1,000 "
            "miles of border with Russia and Belarus.")
    assert [v for v, _ in _outcomes(catalog, text, "border_length", day)] == ["unverifiable"]
    # a border the words name is still refuted
    text = "Poland has a 150-kilometre border with Belarus."
    assert [v for v, _ in _outcomes(catalog, text, "border_length", day)] == ["contradicted"]


def test_not_a_single_kilometre_of_border_is_no_length(catalog) -> None:
    got = check_text("The Kaliningrad region does not have a one-kilometre land border with "
                     "the rest of Russia.", catalog, dt.date(2022, 6, 18)).claims
    assert "border_length" not in [c.kind for c in got]


def test_a_count_beside_the_records_own_figure_counts_something_else(catalog) -> None:
    # the record's 19 drones are named; the 415 drones of the same sentence are the whole
    # attack on Ukraine, not a wrong count of the incursion
    got = check_text("On the night of 9-10 September 2025 at least 19 Russian drones entered "
                     "Polish airspace during an attack on Ukraine involving some 415 drones.",
                     catalog, dt.date(2025, 9, 11)).claims
    counts = {c.claimed: c.verdict for c in got if c.kind == "count"}
    assert counts.get(415) == "unverifiable"


def test_an_event_matched_by_type_falls_on_the_day_the_text_gives(catalog) -> None:
    # "today" dates the meeting: the Sochi talks of December 2019 are no meeting of 2022
    day = dt.date(2022, 6, 23)
    got = check_text("Putin and Lukashenko held talks on deeper integration in Sochi today.",
                     catalog, day).claims
    assert "supported" not in [c.verdict for c in got if c.kind == "event"]
    got = check_text("Putin and Lukashenko held talks on deeper integration in Sochi.",
                     catalog, dt.date(2019, 12, 8)).claims
    assert "supported" in [c.verdict for c in got if c.kind == "event"]


def test_who_reports_a_sentence_is_not_what_it_says(catalog) -> None:
    # the outlet that reports the plan and the body it cites are not words the plan's
    # record must hold: the sentence is matched by what it says
    day = dt.date(2021, 8, 12)
    said = ("Lithuania is to put up a fence topped with razor wire along its border with "
            "Belarus at a cost of €152 million")
    plain = {c.kind: c.verdict for c in check_text(said + ".", catalog, day).claims}
    reported = {c.kind: c.verdict for c in check_text(
        said + ", the LRT broadcaster reported, citing the interior ministry.", catalog,
        day).claims}
    assert plain["economic"] == reported["economic"] == "supported"
    # a cost the record does not give is not borne out
    other = {c.kind: c.verdict for c in check_text(
        said.replace("152", "310") + ", the LRT broadcaster reported.", catalog, day).claims}
    assert other["economic"] == "unverifiable"


def test_of_two_records_of_one_day_the_one_naming_the_sentences_bodies(catalog) -> None:
    # two decrees of 26 February 2024 took effect on 1 March: the one recreating the
    # districts names the Western Military District, the one on the Northern Fleet does not
    got = check_text("Four regions will now be part of the Southern Military District and the "
                     "Western Military District will no longer exist under the decree, which "
                     "comes into force on March 1, 2024.", catalog, dt.date(2024, 2, 27)).claims
    events = [c for c in got if c.kind == "event"]
    assert [c.verdict for c in events] == ["supported"]
    assert events[0].evidence[0].record == "russian-military-districts-reorganisation-2024"


def test_a_figure_another_record_of_the_edition_holds_does_not_veto_the_event(catalog) -> None:
    # the ranges and the Russian contingent are recorded with the announced forces of
    # Zapad-2017, not with the exercise's dates: the start is still borne out
    day = dt.date(2017, 9, 16)
    text = ("A large exercise, Zapad-2017, began in Russia and Belarus on Thursday at three "
            "proving grounds in Russia and six in Belarus with 12,700 troops.")
    got = [c for c in check_text(text, catalog, day).claims if c.kind == "event"]
    assert [c.verdict for c in got] == ["supported"]
    # a figure no record of the edition gives still does
    wrong = text.replace("six in Belarus", "sixteen in Belarus")
    got = [c for c in check_text(wrong, catalog, day).claims if c.kind == "event"]
    assert [c.verdict for c in got] == ["unverifiable"]


def test_a_figure_expected_is_compared_with_planned_figures(catalog) -> None:
    # "it is expected that" makes the figure a planned one: the brigade's target bears it out
    got = check_text("It is expected that a total of about five thousand soldiers of the "
                     "45th Panzer Brigade, some of them with their families, will move to "
                     "Lithuania.", catalog, dt.date(2025, 6, 1)).claims
    assert [c.verdict for c in got if c.kind == "strength"] == ["supported"]


def test_what_a_camp_can_accommodate_is_its_capacity(catalog) -> None:
    day = dt.date(2023, 7, 14)
    got = check_text("A field camp at Tsel can accommodate about 8,000 military personnel.",
                     catalog, day).claims
    (strength,) = [c for c in got if c.kind == "strength"]
    assert strength.verdict == "supported" and strength.computed == 8000
    # "personnel" is no "per": the figure is the camp's, not each tent's
    got = check_text("A field camp at Tsel can accommodate about 20,000 military personnel.",
                     catalog, day).claims
    assert "each item" not in next(c for c in got if c.kind == "strength").explanation


def test_a_month_opening_a_sentence_is_a_date() -> None:
    from eastflank.claims.dates import find_dates

    got = find_dates("In August, Lithuania began building the base.", dt.date(2024, 11, 1))
    assert [(d.span.text, d.date, d.precision) for d in got] == [
        ("August", dt.date(2024, 8, 1), "month")]
    assert find_dates("May I ask a question?", dt.date(2024, 11, 1)) == []


def test_the_date_given_with_an_events_name_is_its_date(catalog) -> None:
    # the month opening the sentence dates the talks; the days after the exercise's name
    # are the exercise's, and they are not its recorded days
    got = check_text("In September, the leaders of Russia and Belarus discussed the results of "
                     "the West-2021 exercise, which took place from September 10 to 12 at 14 "
                     "ranges.",
                     catalog, dt.date(2021, 10, 20)).claims
    assert [c.verdict for c in got if c.kind == "event"] == ["contradicted"]


def test_no_name_begins_in_the_middle_of_a_number(catalog) -> None:
    from eastflank.claims.check import gazetteer_for

    # "000 soldiers" of "5,000 soldiers" names no statement about an army of 500,000
    found = gazetteer_for(catalog).find("a permanent presence of up to 5,000 soldiers")
    assert [m.kind for m in found if m.kind == "events"] == []


def test_a_clause_of_circumstance_does_not_hide_what_the_sentence_says(catalog) -> None:
    day = dt.date(2021, 8, 10)
    said = ("Latvia has declared a three-month state of emergency in the districts along its "
            "border with Belarus")
    why = (", following a rise in illegal crossings into Latvia and, in the wake of many more, "
           "into Lithuania.")
    got = [c for c in check_text(said + why, catalog, day).claims if c.kind in ("event",
                                                                               "relation")]
    assert [c.verdict for c in got] == ["supported"]
    assert got[0].evidence[0].record == "latvia-border-state-of-emergency-2021"
    # the cut clause is not borne out by it: a sentence whose main clause the record does not
    # hold stays undecided
    other = ("Latvia has closed its border with Belarus to all traffic" + why)
    assert "supported" not in [c.verdict for c in check_text(other, catalog, day).claims
                               if c.kind in ("event", "relation")]


def test_a_name_inside_several_events_names_names_each_earliest_first(catalog) -> None:
    from eastflank.claims.check import gazetteer_for

    found = [m.record for m in gazetteer_for(catalog).find("the East Shield programme")
             if m.kind == "events"]
    # the plan's announcement of May 2024 first, then the loans asked for it in 2025
    assert found[:2] == ["east-shield-announced-2024", "poland-safe-loan-application-2025"]


def test_states_listed_as_taking_part_in_the_exercise_named_before(catalog) -> None:
    day = dt.date(2021, 9, 12)
    lead = "Russia and Belarus are holding the Zapad-2021 exercise this week. "
    got = check_text(lead + "Troops from Armenia, India and Mongolia are taking part in the "
                     "exercise.", catalog, day).claims
    assert "supported" in [c.verdict for c in got if c.sentence.start > 0]
    got = check_text(lead + "Troops from China, Iran and Cuba are taking part in the "
                     "exercise.", catalog, day).claims
    assert "supported" not in [c.verdict for c in got if c.sentence.start > 0]


def test_a_decade_is_a_span_of_years() -> None:
    from eastflank.claims.dates import find_dates

    got = find_dates("The pipeline was built in the 1960s; talks began in the late 1990s.",
                     dt.date(2023, 8, 7))
    assert [(d.span.text, d.date.year, d.end.year if d.end else None) for d in got] == [
        ("1960s", 1960, 1969), ("1990s", 1995, 1999)]


def test_the_name_of_a_state_inside_an_events_name_names_no_event(catalog) -> None:
    from eastflank.claims.check import gazetteer_for

    # "referendum on preserving the Soviet Union" is not named by "the Soviet Union"
    found = gazetteer_for(catalog).find("the fall of the Soviet Union in 1991")
    assert [m.record for m in found if m.kind == "events"] == []


def test_western_allies_are_no_point_of_the_compass() -> None:
    from eastflank.claims.resolvers.events import _points

    assert _points("Western allies raised concerns after the drone incursion") == set()
    assert _points("drones crossed into western Poland") == {"west"}
    # regions named by a point of the compass are no part of what the sentence speaks of
    assert _points("manoeuvres near NATO's eastern flank and across Eastern Europe") == set()
    assert _points("drills in the Middle East and the Far East") == set()


def test_a_plan_for_a_month_is_one_made_that_year(catalog) -> None:
    from eastflank.claims.model import DateMention, Span
    from eastflank.claims.resolvers.events import _date_said

    # "in June" in a sentence of January 2022 is June 2022: a record of June 2015 that gives
    # "24-25 June" gives no plan for it; a record made in 2022 ("by the end of June") does
    june = DateMention(date=dt.date(2022, 6, 1), precision="month",
                       span=Span(start=0, end=4, text="June"))
    record = "Meeting in Brussels on 24-25 June, the ministers decide"
    assert not _date_said(june, record, dt.date(2015, 6, 24))
    assert _date_said(june, record, dt.date(2022, 1, 25))
    assert _date_said(june, "due for completion by the end of June 2022", dt.date(2015, 6, 24))
    # the wall whose works began that day bears the plan out, in a text of the day
    text = ("Poland on Tuesday started the construction of a fence along its border with "
            "Belarus. The construction is expected to be completed in June.")
    got = check_text(text, catalog, dt.date(2022, 1, 25)).claims
    assert any(e.record == "poland-belarus-border-wall-construction-begins-2022"
               for c in got if c.text.startswith("The construction is expected")
               for e in c.evidence)


def test_a_figure_a_record_states_in_its_own_words(catalog) -> None:
    # a count no figure field holds is borne out by a record of the same state that states
    # it, on the article's days; not by a record of another state, of years before, or by the
    # number of a name ("Nord Stream 2"); a bound is read on both sides
    drones = "At least 19 drones strayed into {} territory overnight."
    assert _verdicts(catalog, drones.format("Polish"), dt.date(2025, 9, 10)) == ["supported"]
    assert _verdicts(catalog, drones.format("Latvian"), dt.date(2025, 9, 10)) == ["unverifiable"]
    assert _verdicts(catalog, drones.format("Polish"), dt.date(2021, 9, 10)) == ["unverifiable"]
    crossings = "{} prevented 5,286 attempts to cross illegally from Belarus in 2022."
    assert _verdicts(catalog, crossings.format("Lithuania"), dt.date(2023, 1, 10)) \
        == ["unverifiable"]
    pipes = ("Explosions ruptured the Nord Stream 1 and Nord Stream 2 gas pipelines near the "
             "Swedish island of Gotland.")
    assert "supported" not in _verdicts(catalog, pipes, dt.date(2022, 10, 1))
    from eastflank.claims.model import Quantity, Span
    from eastflank.claims.resolvers.strength import _agrees

    def qty(value: float, bound: str, text: str) -> Quantity:
        return Quantity(value=value, unit="ships", bound=bound,
                        span=Span(start=0, end=len(text), text=text))

    more = qty(55, "at-least", "more than 55 ships")
    assert not _agrees(more, qty(55, "exact", "55 ships"), 0.0)
    assert _agrees(more, qty(60, "exact", "60 ships"), 0.0)
    assert _agrees(more, qty(55, "at-least", "more than 55 ships"), 0.0)
    assert _agrees(qty(55, "exact", "55 ships"), qty(55, "exact", "55 ships"), 0.0)
    # "about 9,000 will arrive" beside "up to 9,000": the cap is the figure said
    assert _agrees(qty(9000, "about", "about 9,000 ships"), qty(9000, "at-most",
                                                             "up to 9,000 ships"), 0.15)


def test_when_a_state_joined_nato(catalog) -> None:
    # the accession dates of the border file decide when a state joined the alliance; a bid
    # to join is no accession, and the state is the one the clause names
    day = dt.date(2024, 9, 14)
    assert _verdicts(catalog, "Poland joined NATO in 1999.", day) == ["supported"]
    assert _verdicts(catalog, "Poland joined NATO in 2004.", day) == ["contradicted"]
    assert _verdicts(catalog, "The Baltic states have been NATO members since 2004.", day) \
        == ["supported"]
    assert "supported" in _verdicts(
        catalog, "Finland, which joined NATO in April 2023, borders Russia.", day)
    assert "contradicted" in _verdicts(
        catalog, "Finland, which joined NATO in April 2022, borders Russia.", day)
    assert "contradicted" not in _verdicts(
        catalog, "Finland, which applied to join NATO in May 2022, borders Russia.", day)
    assert "contradicted" not in _verdicts(
        catalog, 'Canada helped found the alliance. "Poland joined the alliance in 1999," it '
                 "said.", day)


def test_since_when_a_leader_has_ruled(catalog) -> None:
    # a phrase of its own, checked against the posts: the rest of the sentence is not borne
    # out by it; a start the posts do not record refutes nothing (they may not hold every
    # office the person held before)
    day = dt.date(2020, 9, 14)
    got = check_text("Lukashenko, who has ruled Belarus since 1994, accused the West of lying.",
                     catalog, day).claims
    tenure = [c for c in got if c.text == "ruled Belarus since 1994"]
    assert [c.verdict for c in tenure] == ["supported"]
    assert tenure[0].evidence[0].kind == "posts"
    assert tenure[0].kind == "command"  # a person's office and its time, like a title
    assert _verdicts(catalog, "Alexander Lukashenko has been in power since 1993.", day) \
        == ["unverifiable"]
    # for how long, hedged: more than a quarter-century in 2020, not in 2015
    ruled = "Lukashenko, who has ruled Belarus with an iron fist for more than a quarter-century."

    def tenure(on: dt.date) -> list[str]:
        return [c.verdict for c in check_text(ruled, catalog, on).claims if c.kind == "command"]

    assert tenure(dt.date(2020, 9, 1)) == ["supported"]
    assert tenure(dt.date(2015, 9, 1)) == ["unverifiable"]


def test_not_just_is_no_negation(catalog) -> None:
    # "not just", "not only" add to what is said; "not" alone turns it
    from eastflank.claims.resolvers.events import NEGATION

    assert not NEGATION.search("the Russians are now deploying not just troops but weapons")
    assert not NEGATION.search("a threat not only to Lithuania")
    assert NEGATION.search("the missiles were not deployed")
    assert NEGATION.search("the missiles weren't deployed")
    said = ("“I have brought nuclear warheads here, and not just a single dozen of them,” "
            "Lukashenko said.")
    got = check_text(said, catalog, dt.date(2024, 12, 10)).claims
    assert "supported" in [c.verdict for c in got if c.kind == "attribution"]


def test_which_state_leads_a_battlegroup(catalog) -> None:
    # the units' lead nations decide which state leads the battlegroup in a host state; a
    # battlegroup is a battalion-size unit, and a plan said before it stood up counts
    day = dt.date(2018, 1, 1)
    assert _verdicts(catalog, "There is Battle Group Latvia led by Canada, Battle Group "
                              "Lithuania led by Germany.", day) == ["supported"]
    assert _verdicts(catalog, "The German-led battlegroup in Estonia held drills.", day) \
        == ["contradicted"]
    assert _verdicts(catalog, "Canada, the United Kingdom and the United States are the "
                              "framework nations in Latvia, Estonia and Poland respectively.",
                     day) == ["supported"]
    plan = ("Under the plan, the United States will lead the battalion in Poland and Germany "
            "will be in charge of the one in Lithuania.")
    assert "supported" in _verdicts(catalog, plan, dt.date(2016, 7, 8))


def test_details_of_the_event_the_text_has_just_spoken_of(catalog) -> None:
    # a sentence that adds details to an event a claim before bore out is borne out by that
    # event's record when the record gives its figures; not with another figure, another
    # year, or without the sentence before
    day = dt.date(2024, 9, 20)
    lead = "Estonia plans to build about 600 concrete bunkers on its eastern border. "
    detail = "The bunkers will cost up to {} million euros and be ready by the end of {}."

    def last(text: str) -> str:
        return [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "count"][-1]

    assert last(lead + detail.format(60, 2026)) == "supported"
    assert last(lead + detail.format(90, 2026)) == "unverifiable"
    assert last(lead + detail.format(60, 2029)) == "unverifiable"
    assert last(detail.format(60, 2026)) == "unverifiable"


def test_a_region_named_as_one_may_be_where_a_recorded_place_lies(catalog) -> None:
    # Mulino, a venue of Zapad-2025, lies in the Nizhny Novgorod region: naming the region
    # puts the figure at the exercise; a region none of its venues lies in does not
    day = dt.date(2025, 9, 16)
    text = ("Putin visited the joint strategic drills with Belarus called Zapad-2025 on Sept. "
            "16. Putin visited the Mulino training ground in Russia's {} region on the last "
            "day of the drills, conducted in Russia and Belarus and involving about 100,000 "
            "service members.")

    def strength(region: str) -> str:
        return [c.verdict for c in check_text(text.format(region), catalog, day).claims
                if c.kind == "strength"][-1]

    assert strength("Nizhny Novgorod") == "supported"
    assert strength("Penza") == "unverifiable"


def test_a_place_named_before_the_body_it_is_home_to(catalog) -> None:
    # the place, then what it is home to: the body's recorded seat decides
    day = dt.date(2023, 7, 1)

    def command(text: str) -> list[str]:
        return [c.verdict for c in check_text(text, catalog, day).claims
                if c.kind == "command"]

    assert command("Kaliningrad, the main base of Putin's Baltic Fleet, is heavily armed.") \
        == ["supported"]
    assert command("Kaliningrad, home to the Baltic Fleet, is heavily armed.") == ["supported"]
    assert command("Minsk, the main base of Putin's Baltic Fleet, is heavily armed.") != [
        "supported"]


def test_an_event_named_in_passing_with_its_date(catalog) -> None:
    # "its annexation of Crimea in 2014" is a claim of its own beside what the sentence says;
    # a date no record bears out leaves it out (the sentence's claims say what is checked)
    day = dt.date(2017, 6, 23)
    text = "NATO's efforts respond to Russia's aggressive policy after its annexation of Crimea in {}."

    def passing(year: int) -> list[tuple[str, str]]:
        return [(c.text, c.verdict) for c in check_text(text.format(year), catalog, day).claims
                if c.kind == "event"]

    assert passing(2014) == [("its annexation of Crimea in 2014", "supported")]
    assert passing(2012) == []


def test_a_range_set_against_another_system_is_not_that_system_s(catalog) -> None:
    # "their range is 500 km, whereas our Polonez is up to 300 km": 500 km is not Polonez's
    text = ("Lukashenko asked Russia for Iskander-M divisions. Their launch range is 500 "
            "kilometers, whereas our Polonez is up to 300 kilometers, he said.")
    got = _outcomes(catalog, text, "weapon_range", dt.date(2021, 11, 13))
    assert got and all(v != "contradicted" for v, _ in got)
    assert any(v == "supported" and "Iskander" in why for v, why in got)


def test_a_strip_along_a_border_and_its_depth_are_no_border_length(catalog) -> None:
    text = ("The Estonian section of the defence line will extend approximately 100 kilometers "
            "along the border with Russia and be approximately 40 kilometers deep.")
    assert _outcomes(catalog, text, "border_length", dt.date(2025, 9, 17)) == []


def test_a_speaker_s_full_name_may_take_an_auxiliary_before_the_verb() -> None:
    from eastflank.claims.attribution import find_attributions

    text = ("Belarusian President Alexander Lukashenko has said that he would like to receive "
            "several divisions of Iskander systems.")
    assert [a.person for a in find_attributions(text)] == [
        "Belarusian President Alexander Lukashenko"]
    text = "Jens Stoltenberg had also called on Russia to be open about the exercise."
    assert [a.person for a in find_attributions(text)] == []  # ("called on" is no saying)
    text = "Jens Stoltenberg had also warned Russia to be open about the exercise."
    assert [a.person for a in find_attributions(text)] == ["Jens Stoltenberg"]
    # a plural subject's "have" is not a person's
    assert find_attributions("Baltic States have pledged to raise spending.") == []


def test_a_region_s_distance_may_be_measured_from_the_city_it_is_named_after(catalog
                                                                            ) -> None:
    # Kaliningrad Oblast's point lies ~590 km from Berlin, the city of Kaliningrad ~530 km
    text = ("The Kaliningrad exclave lies between Lithuania and Poland. It is only about 500 "
            "kilometers from Berlin.")
    got = _outcomes(catalog, text, "distance", dt.date(2022, 6, 20))
    assert [v for v, _ in got] == ["supported"] and "named after" in got[0][1]


def test_a_monarch_s_one_name_is_no_surname(catalog) -> None:
    # the posts hold King Willem-Alexander: "Alexander" of "Alexander Volfovich" is not a
    # person the appointment's record leaves out
    said = ("In addition, Major General Alexander Volfovich, who previously worked as the first "
            "deputy chief of the General Staff, was appointed Chief of General Staff.")
    assert "supported" in _verdicts(catalog, said, dt.date(2020, 1, 20))
