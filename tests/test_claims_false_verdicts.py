"""Sentences that once drew a decisive verdict the claim did not earn, and the kinds of figure
a sentence states. Each test fails without the rule it names."""

from __future__ import annotations

import datetime as dt

from eastflank.claims import check_text


def _verdicts(catalog, text: str, day: dt.date, kind: str) -> list[str]:
    return [c.verdict for c in check_text(text, catalog, day).claims if c.kind == kind]


def test_a_border_list_ends_with_its_clause(catalog) -> None:
    text = ("Kaliningrad, which is sandwiched between Lithuania and Poland, Iskander missiles "
            "can reach targets in both countries as well as Baltic neighbors Latvia and "
            "Estonia.")
    assert _verdicts(catalog, text, dt.date(2018, 2, 5), "border_length") == ["supported"]
    # one list, however it is joined, is still checked name by name
    listed = "Belarus borders Poland, Lithuania, as well as Estonia."
    assert _verdicts(catalog, listed, dt.date(2018, 2, 5), "border_length") == [
        "contradicted"]


def test_basing_is_refuted_only_by_a_sentence_that_says_forces_stand_there(catalog) -> None:
    day = dt.date(2022, 6, 25)
    promise = ("Within the next few months we will transfer the Iskander-M tactical missile "
               "systems to Belarus.")
    assert "contradicted" not in _verdicts(catalog, promise, day, "basing")
    maybe = "Oreshnik systems may be deployed near Minsk, according to journalists."
    assert "contradicted" not in _verdicts(catalog, maybe, dt.date(2025, 12, 18), "basing")
    stands = "Russian Iskander-M missiles are stationed in Minsk."
    assert _verdicts(catalog, stands, dt.date(2023, 7, 20), "basing") == ["contradicted"]


def test_a_figure_of_each_item_is_not_a_total(catalog) -> None:
    # the camp's recorded capacity (5,000) is a total; a tent's is not refuted by it
    text = "Each tent at the Wagner camp in Tsel can accommodate around 20 fighters."
    assert _verdicts(catalog, text, dt.date(2023, 8, 24), "strength") == ["unverifiable"]
    total = "The Wagner camp at Tsel can accommodate around 5,000 fighters."
    assert _verdicts(catalog, total, dt.date(2023, 8, 24), "strength") == ["supported"]


_ZAPAD = ("Russia and Belarus began their joint strategic military exercise Zapad-2025 on "
          "Friday. The ministry said the drills aim to improve the skills of commanders. "
          "The first stage will practice managing formations. The second stage will focus on "
          "restoring territorial integrity. Partner countries were invited to take part. ")


def test_the_exercise_a_story_named_sentences_before(catalog) -> None:
    day = dt.date(2025, 9, 12)
    later = _ZAPAD + ("The defence ministries of Russia and Belarus said some 13,000 personnel "
                      "are expected to take part in the exercises.")
    # the plan of 13,000 was cut on 28 May 2025: outdated at the text's date
    assert _verdicts(catalog, later, day, "strength") == ["outdated"]
    earlier = _ZAPAD + ("Belarusian officials initially said about 13,000 troops would "
                        "participate in the exercise.")
    # stated as the earlier plan, it is borne out by that plan
    assert _verdicts(catalog, earlier, day, "strength") == ["supported"]


def test_a_record_named_with_a_year_needs_that_year(catalog) -> None:
    # Union Shield 2019 (12,000) shares "joint" and "operational" with the sentence; in 2025
    # and without its name it is not the subject
    text = "Some 13,000 personnel took part in joint operational exercises this week."
    r = check_text(text, catalog, dt.date(2025, 9, 12))
    assert all("Union Shield" not in c.explanation for c in r.claims if c.kind == "strength")


def test_a_ministry_quoted_is_that_state_s_ministry(catalog) -> None:
    day = dt.date(2017, 9, 14)
    # the dataset records the Belarusian Defence Ministry on Zapad 2017 and the Vienna
    # Document (13 Sep 2017); the Russian ministry's words are not borne out by it
    russian = ("The Russian Defence Ministry said the Zapad 2017 troop numbers comply with the "
               "Vienna Document.")
    assert _verdicts(catalog, russian, day, "attribution") == ["unverifiable"]
    belarusian = ("The Belarusian Defence Ministry said the Zapad 2017 troop numbers comply "
                  "with the Vienna Document.")
    assert _verdicts(catalog, belarusian, day, "attribution") == ["supported"]


def test_a_speaker_named_after_a_long_title(catalog) -> None:
    # "Lithuanian Minister of National Defence Raimundas Karoblis": the name is at the end
    text = ("Lithuanian Minister of National Defence Raimundas Karoblis said that Russia intends "
            "to keep the Iskander missiles in Kaliningrad permanently.")
    assert _verdicts(catalog, text, dt.date(2018, 2, 5), "attribution") == ["supported"]


def test_a_place_described_by_its_distance_in_a_sentence_about_troops(catalog) -> None:
    day = dt.date(2024, 4, 4)
    near = ("The German troops will serve in Rūdninkai, located about 30 kilometers south of "
            "Vilnius.")
    assert _verdicts(catalog, near, day, "distance") == ["supported"]
    far = "The German troops will serve in Rūdninkai, about 60 kilometers south of Vilnius."
    assert _verdicts(catalog, far, day, "distance") == ["contradicted"]


def test_a_million_in_words(catalog) -> None:
    from eastflank.claims.quantities import find_quantities

    (q,) = find_quantities("Kaliningrad is home to about a million people.")
    assert q.value == 1_000_000
    text = "Some one million people live in the Kaliningrad region."
    assert _verdicts(catalog, text, dt.date(2018, 10, 25), "count") == ["supported"]


def test_an_exercise_series_named_without_its_year(catalog) -> None:
    day = dt.date(2017, 9, 13)
    said = "Russian figures number troops participating in Operation Zapad at 12,700."
    assert _verdicts(catalog, said, day, "strength") == ["supported"]
    # the edition is inferred from the date, so a mismatch is not refuted
    other = "Russian figures number troops participating in Operation Zapad at 50,000."
    assert _verdicts(catalog, other, day, "strength") == ["unverifiable"]


def test_a_state_s_part_is_not_the_whole_the_sentence_places_in_two_states(catalog) -> None:
    day = dt.date(2017, 9, 14)
    lead = "The Zapad-2017 exercise began on Thursday. It will be held at six training grounds"
    # the Belarusian leg of Zapad-2017 used six ranges; the whole used more
    assert _verdicts(catalog, lead + " in Russia and Belarus.", day, "count") == [
        "unverifiable"]
    assert _verdicts(catalog, lead + " in Belarus.", day, "count") == ["supported"]


def test_an_exercise_s_troops_are_not_a_state_s_army(catalog) -> None:
    text = ("The Zapad drills typically involve tens of thousands of troops in a show of force "
            "near Belarus's border with NATO.")
    r = check_text(text, catalog, dt.date(2025, 5, 28))
    assert all(c.verdict == "unverifiable" for c in r.claims)


def test_a_bare_figure_is_read_whole_and_its_kind_near_it() -> None:
    from eastflank.claims.quantities import find_quantities
    from eastflank.claims.resolvers.strength import claim_kinds

    text = ("In January, Minsk estimated the participation at 13,000 troops, but later cut the "
            "figure in half, far below the 200,000 who took part in Zapad-2021.")
    assert [q.value for q in find_quantities(text)] == [13_000, 200_000]  # not "200"
    # "estimated" is said of the 13,000, not of the 200,000
    assert "estimate" in claim_kinds(text, text.index("13,000"))
    assert "official" in claim_kinds(text, text.index("200,000"))


def test_the_edition_of_another_year_than_the_story_s_exercise(catalog) -> None:
    lead = "Belarus said on Wednesday it would scale back the Zapad-2025 exercise. "
    day = dt.date(2025, 5, 28)
    said = lead + "Around 200,000 troops took part in the 2021 edition."
    assert _verdicts(catalog, said, day, "strength") == ["supported"]
    # Zapad-2025 (named before) does not judge a figure the sentence gives for 2021
    r = check_text(lead + "Around 50,000 troops took part in the 2021 edition.", catalog, day)
    assert all("Zapad-2025" not in c.explanation for c in r.claims if c.kind == "strength")


def test_the_exercise_a_story_is_about_and_its_venues(catalog) -> None:
    day = dt.date(2025, 9, 14)
    lead = ("Russia and Belarus began their joint strategic military exercise Zapad-2025 on "
            "Friday. Officials gave no figures. ")

    def drills(text: str) -> list[str]:
        return [c.verdict for c in check_text(lead + text, catalog, day).claims
                if c.kind == "event" and "drills" in c.text]

    assert drills("The drills will mainly take place in Belarus, with one held in the Baltic "
                  "Sea.") == ["supported"]
    # a venue the record does not hold leaves it undecided
    assert "supported" not in drills("The drills will mainly take place in Belarus, with one "
                                     "held near Warsaw.")


def test_a_wall_is_the_barrier_a_record_names() -> None:
    from eastflank.claims.resolvers.base import keywords

    # stems of words that name the same thing meet; a word of another meaning stays apart
    assert keywords("the steel wall") & keywords("the physical barrier")
    assert keywords("a deal to harbor Wagner") & keywords("agreement on Wagner")
    assert not keywords("according to the ministry") & keywords("the agreement")
    # an article's plain words for what a record names otherwise
    assert keywords("the frontier") == keywords("the border")
    assert keywords("the dissolution of the USSR") == keywords("dissolution of the Soviet")
    assert keywords("unmanned aerial vehicles") & keywords("drones")
    assert keywords("atomic arsenal") & keywords("nuclear weapons")


def test_who_commands_is_not_borne_out_by_a_date(catalog) -> None:
    text = ("Union Shield 2015 ran from 10 to 16 September 2015 under the command of the "
            "Belarusian Chief of General Staff and the Commander of the Russian Western "
            "Military District.")
    r = check_text(text, catalog, dt.date(2015, 9, 10))
    assert all(c.verdict != "supported" or "date" not in c.explanation
               for c in r.claims if c.kind == "command")


def test_what_takes_part_is_counted_for_the_story_s_exercise(catalog) -> None:
    text = ("Russia and Belarus began the Zapad-2017 exercise on Thursday. Officials spoke in "
            "Minsk. Observers were invited. The weather was poor. Nobody was hurt. "
            "Some 12,700 servicemen will take part, the ministry said.")
    assert _verdicts(catalog, text, dt.date(2017, 9, 14), "strength") == ["supported"]


def test_a_speaker_s_own_title_is_not_what_was_said(catalog) -> None:
    # the words of "the Russian Defence Ministry" name the speaker; they do not make a
    # recorded statement of the ministry say what this sentence says
    text = "The Russian Defence Ministry said 200,000 troops took part in Zapad 2025."
    assert _verdicts(catalog, text, dt.date(2025, 9, 13), "attribution") == ["unverifiable"]


def test_speakers_by_bracketed_name_possessive_body_and_spelling(catalog) -> None:
    # the name in brackets after a title
    bondarev = ("Russia will establish an air base in Babruysk in 2016 and transfer there "
                "Su-27 jets, said Commander of the Russian AF (Colonel General Bondarev) in "
                "October 2014.")
    assert _verdicts(catalog, bondarev, dt.date(2014, 12, 3), "attribution") == ["supported"]
    # a record named "Russia's defence ministry on ..." is the Russian Defense Ministry's
    start = ("The Zapad-2017 joint Russian-Belarusian military drills have kicked off in the "
             "two countries, the Russian Defense Ministry said in a statement.")
    assert _verdicts(catalog, start, dt.date(2017, 9, 14), "attribution") == ["supported"]


def test_an_aside_is_no_negation_and_a_forecast_year_no_date_of_saying(catalog) -> None:
    aside = ("Vladimir Shamanov, head of the Russian lower house of parliament's defense "
             "committee, said on Monday that Iskander missile systems had been sent to "
             "Kaliningrad, but did not say how many or for how long.")
    assert _verdicts(catalog, aside, dt.date(2018, 2, 5), "attribution") == ["supported"]
    turned = ("Vladimir Shamanov said on Monday that Iskander missile systems had not been "
              "sent to Kaliningrad.")
    assert _verdicts(catalog, turned, dt.date(2018, 2, 5), "attribution") == ["unverifiable"]


def test_a_cap_a_figure_passes_and_a_thousands_point(catalog) -> None:
    day = dt.date(2017, 9, 14)
    # the Kremlin's own figure was 12,700: "no more than 12.000" is passed by it
    capped = "Zapad 2017 involves no more than 12.000 soldiers according to the Kremlin."
    r = check_text(capped, catalog, day)
    (c,) = [c for c in r.claims if c.kind == "strength"]
    assert c.verdict == "contradicted" and c.claimed == 12_000 and "cap" in c.explanation
    # "up to" names about the figure itself
    about = "Zapad 2017 involves up to 12,700 soldiers according to the Kremlin."
    assert _verdicts(catalog, about, day, "strength") == ["supported"]


def test_russia_borders_lithuania_through_kaliningrad(catalog) -> None:
    text = "The total length of the Lithuanian border with Russia is 679 km."
    r = check_text(text, catalog, dt.date(2022, 8, 29))
    (c,) = [c for c in r.claims if c.kind == "border_length"]
    assert c.verdict == "contradicted" and "RU-KGD" in c.explanation


def test_a_qualified_figure_of_a_part_of_the_exercise(catalog) -> None:
    day = dt.date(2021, 9, 10)
    lead = "Russia and Belarus held the Zapad-2021 exercise. "
    # 2,500 Russian servicemen took part on Belarusian soil (the Belarusian leg's figure)
    part = lead + "The exercise in Belarus was attended by 2,500 servicemen of the Russian army."
    assert _verdicts(catalog, part, day, "strength") == ["supported"]
    # an unqualified figure is the whole's
    whole = lead + "The exercise was attended by 2,500 servicemen."
    assert "supported" not in _verdicts(catalog, whole, day, "strength")


def test_more_ways_of_naming_who_said_it() -> None:
    from eastflank.claims.attribution import find_attributions

    quoted = ("“We have deployed our military along the entire border,” Belta quoted "
              "Lukashenko as saying in an interview.")
    assert [a.person for a in find_attributions(quoted)] == ["Lukashenko"]
    claims = ("The comments follow claims from Belarusian President Alexander Lukashenko this "
              "week that his nation received the first part of the bombs.")
    assert [a.person for a in find_attributions(claims)] == ["Alexander Lukashenko"]
    threat = "Alexander Lukashenko threatened to stop transit supplies via the Yamal pipeline."
    assert [a.person for a in find_attributions(threat)] == ["Alexander Lukashenko"]


def test_a_distance_with_no_space_and_its_conversion_in_brackets() -> None:
    from eastflank.claims.quantities import find_quantities

    text = ("The camp lies approximately 230 kilometres (142 miles) north of the border and "
            "approximately 90km (56 miles) from Minsk; it will be 24,000 square metres large.")
    found = [(q.value, q.unit) for q in find_quantities(text)]
    assert (230.0, "km") in found and (90.0, "km") in found
    assert all(unit != "miles" for _, unit in found)  # a conversion is not a count of miles
    assert any(unit == "metres" and v == 24_000 for v, unit in found)


def test_a_town_s_name_for_the_region_named_after_it(catalog) -> None:
    day = dt.date(2018, 10, 25)
    text = "Kaliningrad is home to about a million people."
    assert _verdicts(catalog, text, day, "count") == ["supported"]  # Kaliningrad Oblast
    # the town's own figure bears out a figure of the town
    assert _verdicts(catalog, "Kaliningrad is home to about 470,000 people.", day,
                     "count") == ["supported"]
    # a figure far from both the town's and the region's is refuted by the town's
    wrong = "Kaliningrad is home to about 3 million people."
    assert _verdicts(catalog, wrong, day, "count") == ["contradicted"]


def test_figures_of_another_record_of_the_same_exercise(catalog) -> None:
    day = dt.date(2017, 9, 14)
    lead = ("Russia and Belarus began the Zapad-2017 exercise on Thursday. Officials spoke. "
            "Observers came. Nobody was hurt. ")
    # the announced forces of Zapad-2017 (a record of its own) count about 250 tanks
    tanks = lead + "About 250 tanks will take part."
    assert _verdicts(catalog, tanks, day, "count") == ["supported"]
    # the announced forces are not refuted through a figure the sentence does not state
    other = lead + "About 900 tanks will take part."
    assert "contradicted" not in _verdicts(catalog, other, day, "count")


def test_a_district_of_the_same_name_before_its_re_creation(catalog) -> None:
    text = "Troops of the Moscow Military District took part in the exercise."
    # 2009: the district abolished in 2010 existed; its links then are not recorded
    then = check_text(text, catalog, dt.date(2009, 9, 20))
    assert [c.verdict for c in then.claims if c.kind == "command"] == ["unverifiable"]
    # 2015: between its abolition and its re-creation in 2024 it did not exist
    gap = check_text(text, catalog, dt.date(2015, 9, 20))
    (c,) = [c for c in gap.claims if c.kind == "command"]
    assert c.verdict == "contradicted" and "re-created" in c.explanation


def test_separated_from_a_place_by_a_distance_and_an_exclave_between_states(catalog) -> None:
    day = dt.date(2022, 6, 21)
    near = ("Kaliningrad is separated from its mother country's capital of Moscow by about "
            "680 miles.")
    assert _verdicts(catalog, near, day, "distance") == ["supported"]
    far = "Kaliningrad is separated from Moscow by about 300 miles."
    assert _verdicts(catalog, far, day, "distance") == ["contradicted"]
    between = "Kaliningrad, an exclave on the Baltic Sea between Lithuania and Poland, is Russian."
    assert _verdicts(catalog, between, day, "border_length") == ["supported"]


def test_participants_of_a_series_named_sentences_before_and_it_after_a_place(catalog) -> None:
    text = ("Some 12,800 troops will be taking part in the Zapad drill. That figure is right "
            "under the threshold set by the Vienna Document. Yet a Russian general suggested "
            "that the actual number of participants will be closer to 200,000.")
    r = check_text(text, catalog, dt.date(2021, 9, 9))
    assert [c.verdict for c in r.claims if c.kind == "strength" and "200,000" in c.text] == [
        "supported"]
    where = ("Where is Kaliningrad?\nThe Russian region is on the Baltic sea, wedged between "
             "Lithuania and Poland. It lies about 800 miles (1,300km) from Moscow.")
    assert _verdicts(catalog, where, dt.date(2022, 6, 21), "distance") == ["supported"]


def test_a_titled_speaker_with_an_aside_and_a_date_counted_back() -> None:
    from eastflank.claims.attribution import find_attributions
    from eastflank.claims.dates import find_dates

    text = ("Belarusian President Alexander Lukashenko, who helped mediate the agreement, "
            "stated a week ago that Prigozhin is in Russia.")
    assert [a.person for a in find_attributions(text)] == [
        "Belarusian President Alexander Lukashenko"]
    (d,) = find_dates(text, dt.date(2023, 7, 14))
    assert (d.date, d.precision, d.relative) == (dt.date(2023, 7, 7), "day", True)
    (m,) = find_dates("It began two months ago.", dt.date(2023, 1, 14))
    assert (m.date, m.precision) == (dt.date(2022, 11, 1), "month")


def test_an_event_matched_by_its_words_must_not_leave_out_who_or_what(catalog) -> None:
    # records: Muraveiko appointed chief of the general staff (May 2024); Zhadobin leaves
    # the defence ministry (Nov 2014); a Tor-M2K consignment (Dec 2022)
    wrong_person = "Lukashenko dismissed Volfovich as chief of the general staff in 2024."
    assert _verdicts(catalog, wrong_person, dt.date(2024, 6, 1), "event") == ["unverifiable"]
    other = "Khrenin was appointed defence minister in November 2014."
    assert _verdicts(catalog, other, dt.date(2015, 1, 1), "event") == ["unverifiable"]
    wrong_system = "A batch of S-400 systems arrived in Belarus in December 2022."
    assert _verdicts(catalog, wrong_system, dt.date(2023, 1, 1), "event") == ["unverifiable"]
    right = "A batch of Tor-M2K systems arrived in Belarus in December 2022."
    assert _verdicts(catalog, right, dt.date(2023, 1, 1), "event") == ["supported"]
    # a head of state named with an event of states does not count against it
    said = ("When Putin's troops captured the Hostomel airport near Kyiv on 24 February 2022, "
            "Ukraine fought back.")
    assert "supported" in _verdicts(catalog, said, dt.date(2025, 9, 12), "event")
    # several recorded events of that day fit "troops rolling into Ukraine" by their
    # participants alone (the invasion, the first missiles from Belarus): none is chosen
    rolling = ("When Putin sent troops rolling into Ukraine on Feb. 24, 2022, many of them "
               "crossed from Belarus.")
    assert "contradicted" not in _verdicts(catalog, rolling, dt.date(2025, 9, 12), "event")


def test_an_event_of_another_state_than_the_sentence_s_subject(catalog) -> None:
    day = dt.date(2016, 1, 1)
    # the record: Lithuania decides to reinstate conscription (2015)
    assert "supported" not in _verdicts(catalog, "Latvia reinstated conscription in 2015.", day,
                                         "event") + _verdicts(
        catalog, "Latvia reinstated conscription in 2015.", day, "relation")
    assert "supported" in _verdicts(catalog, "Lithuania reinstated conscription in 2015.", day,
                                    "event") + _verdicts(
        catalog, "Lithuania reinstated conscription in 2015.", day, "relation")


def test_due_to_gives_a_cause_not_a_plan(catalog) -> None:
    # "halted due to balloons" is no plan: a Tuesday three weeks after the last recorded
    # closure is another closure, borne out neither as a plan nor as a detail of one recorded
    text = ("Vilnius airport suspended operations due to weather balloons from Belarus "
            "entering its airspace. Operations at Lithuania's Vilnius Airport were halted on "
            "Tuesday evening due to balloons from Belarus entering its airspace.")

    def second(day: dt.date) -> str:
        return [c.verdict for c in check_text(text, catalog, day).claims
                if c.kind == "event"][1]

    assert second(dt.date(2026, 1, 27)) == "supported"  # the Tuesday of the record
    assert second(dt.date(2026, 3, 10)) == "unverifiable"


def test_due_to_be_still_plans() -> None:
    from eastflank.claims.check import _AHEAD
    from eastflank.claims.resolvers.events import _PLANNED

    for rx in (_AHEAD, _PLANNED):
        assert rx.search("The line is due to be completed in 2027.")
        assert not rx.search("Flights were halted due to balloons.")


def test_a_border_length_with_a_conversion_in_brackets(catalog) -> None:
    day = dt.date(2021, 8, 10)
    text = "Latvia has a nearly {}km (109-mile) border with Belarus."
    assert _verdicts(catalog, text.format(175), day, "border_length") == ["supported"]
    assert _verdicts(catalog, text.format(375), day, "border_length") == ["contradicted"]


def test_border_lengths_listed_after_dashes_are_each_their_pair_s(catalog) -> None:
    # each length is of the pair named just before its dash, not of the sentence's first
    day = dt.date(2023, 2, 25)
    text = ("The border will be guarded between Poland and Russia (Kaliningrad region) – "
            "almost {} km, and between Poland and Belarus – {} km.")
    assert _verdicts(catalog, text.format(200, 418), day, "border_length") == [
        "supported", "supported"]
    assert _verdicts(catalog, text.format(418, 200), day, "border_length") == [
        "contradicted", "contradicted"]


def test_a_summit_is_not_a_meeting_of_ministers(catalog) -> None:
    # the defence ministers agreed the four battalions on 14 June 2016 in Brussels; the Warsaw
    # summit met on 8-9 July: "a summit in June" is not the ministers' meeting
    text = ("The decision to establish an EFP battalion to the Baltic States and Poland was "
            "taken at the NATO Summit in Warsaw in June 2016.")
    assert "supported" not in _verdicts(catalog, text, dt.date(2017, 2, 8), "event")
    ministers = ("NATO defence ministers agreed in June 2016 to deploy four rotational "
                 "battalions to the Baltic states and Poland.")
    assert _verdicts(catalog, ministers, dt.date(2017, 2, 8), "event") == ["supported"]


def test_a_strength_is_refuted_only_by_the_event_it_names_or_dates(catalog) -> None:
    # Saber Strike 17 counted 11,000; the 2014 edition's 4,700 is not refuted by it
    text = ("Some 4,700 NATO troops are participating in the fourth installment of the Saber "
            "Strike exercise being held in Lithuania, Latvia and Estonia.")
    assert "contradicted" not in _verdicts(catalog, text, dt.date(2014, 6, 10), "strength")
    # a sentence that dates the event to its day is refuted by the record of that day
    # (Romania: about 1,000 US troops left after the reduction of 29 October 2025)
    dated = ("Romania's defence ministry said on 29 October 2025 that the United States was "
             "reducing its forces in the country, leaving about 2,000 American troops there.")
    assert _verdicts(catalog, dated, dt.date(2025, 10, 30), "strength") == ["contradicted"]


def test_a_strength_between_figures_of_different_dates_is_not_refuted(catalog) -> None:
    # the Lithuanian battlegroup: about 1,000 at stand-up (2017), 1,600 in 2023
    text = "NATO Multinational Battlegroup Lithuania now numbers 1,350 soldiers."
    assert "contradicted" not in _verdicts(catalog, text, dt.date(2020, 4, 1), "strength")


def test_a_strength_of_a_record_named_by_some_of_its_words_refutes_nothing(catalog) -> None:
    # "NATO's Enhanced Forward Presence" shares three words with an alias of the battlegroup
    # in Lithuania, but is all four battlegroups: 4,000 troops are not refuted by its figures
    text = ("They will be part of NATO's Enhanced Forward Presence, which will have 4,000 "
            "troops stationed across the region, including French and Danish soldiers.")
    assert "contradicted" not in _verdicts(catalog, text, dt.date(2017, 3, 1), "strength")


def test_forces_sent_home_to_a_country_are_not_stationed_there(catalog) -> None:
    text = ("Telegram channels associated with the PMC Wagner write that some of the military "
            "are sent home to Russia.")
    assert "contradicted" not in _verdicts(catalog, text, dt.date(2023, 8, 31), "basing")


def test_a_unit_named_for_one_state_is_not_the_subject_of_a_sentence_on_another(catalog
                                                                               ) -> None:
    # the Canadian-led battlegroup is in Latvia; the one named for Lithuania is not it
    text = ("Hundreds of Canadian troops will start arriving in Latvia on Saturday to lead a "
            "multinational battle group as part of NATO's efforts to deter Russia.")
    got = check_text(text, catalog, dt.date(2017, 6, 9)).claims
    assert not any("Battlegroup Lithuania" in (c.explanation or "") and c.verdict == "supported"
                   for c in got)


def test_a_kind_of_formation_in_an_event_s_name_does_not_name_the_event(catalog) -> None:
    from eastflank.claims.check import gazetteer_for
    from eastflank.claims.extract import extract

    # "12th and 17th Mechanised Brigades" in the name of Poland's move east of July 2023
    text = ("The armored vehicles likely belong to units from the Belarusian Army's 120th "
            "Mechanized Brigade, which is based near Minsk.")
    found = [m.kind for f in extract(text, gazetteer_for(catalog), dt.date(2020, 8, 30))
             for m in f.mentions]
    assert "events" not in found
