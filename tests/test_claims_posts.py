"""People named with an office: the posts record kind, how a sentence's titles are read, and
the verdicts on them (a held office, one held at another time, one given to the wrong person).

The checker tests use a catalog with made-up posts, so they do not depend on which holders the
packaged dataset records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from eastflank.catalog import Catalog, load_catalog
from eastflank.claims import check_text
from eastflank.claims.posts import find_titled, posts_index
from eastflank.errors import DataError
from eastflank.schema import Post
from test_catalog_errors import ACTOR, SOURCE

Writer = Callable[[dict[str, str]], Path]


def _post(pid: str, person: str, office: str, actor: str, start: str, end: str | None = None,
          **kw: object) -> Post:
    return Post.model_validate({
        "id": pid, "name": f"{person}, {office}", "person": person, "office": office,
        "title": kw.pop("title", office.replace("-", " ")), "actor": actor,
        "valid_from": start, "valid_to": end, "status": "established",
        "sources": ["banasik-2022"], **kw})


@pytest.fixture(scope="module")
def staffed(catalog: Catalog) -> Catalog:
    """The packaged catalog with made-up posts in place of the recorded ones."""
    posts = [
        _post("ann-lt-dm", "Anna Example", "defence-minister", "LT", "2016-12-13",
              "2020-12-11", aliases=["Ana Example"]),
        _post("bob-lt-dm", "Bob Sample", "defence-minister", "LT", "2020-12-11"),
        _post("cid-lt-pres", "Cid Person", "head-of-state", "LT", "2019-07-12"),
        _post("dan-lt-dep", "Dan Deputy", "deputy-defence-minister", "LT", "2019-01-01"),
        _post("eve-lt-fm", "Eve Other", "foreign-minister", "LT", "2020-12-07", "2024-12-12"),
        _post("fay-lt-cinc", "Fay Chief", "commander-in-chief", "LT", "2019-07-25"),
    ]
    return Catalog({**catalog.records, "posts": {p.id: p for p in posts}})


def _posts(text: str, catalog: Catalog, day: str) -> list[tuple[str, str]]:
    res = check_text(text, catalog, dt.date.fromisoformat(day))
    return [(c.text, c.verdict) for c in res.claims
            if c.kind == "command" and any(e.kind == "posts" for e in c.evidence + c.nearest)]


def test_a_title_before_or_after_a_known_name_is_read(staffed: Catalog) -> None:
    from eastflank.claims.check import gazetteer_for
    from eastflank.claims.extract import extract

    index = posts_index(staffed)
    text = ("Lithuania's Defence Minister Anna Example met the press. Bob Sample, Lithuania's "
            "defence minister, said so. Deputy Defence Minister Dan Deputy spoke. "
            "Vice President Cid Person spoke. Defence Minister Zed Unknown spoke. "
            "Minister Example left.")
    facts = extract(text, gazetteer_for(staffed), dt.date(2020, 1, 1))
    found = [(t.person, t.office, t.actors) for f in facts for t in find_titled(f, index)]
    assert found == [
        ("Anna Example", "defence-minister", ("LT",)),
        ("Bob Sample", "defence-minister", ("LT",)),
        ("Dan Deputy", "deputy-defence-minister", ()),
    ]


def test_a_given_name_is_no_surname(staffed: Catalog) -> None:
    # a lone word of a known name is read as a surname only where a name ends: "Alexandra
    # Bogus" is someone else than the Alexandra the posts know
    staffed = Catalog({**staffed.records, "posts": {
        **staffed.records["posts"],
        "kim-lt-pm": _post("kim-lt-pm", "Queen Alexandra", "head-of-government", "LT",
                           "2019-01-01", aliases=["Alexandra"])}})
    named = [t for t, _ in _posts("Lithuania's prime minister Alexandra Bogus spoke.",
                                  staffed, "2020-06-01")]
    assert named == []
    assert _posts("Lithuania's prime minister Alexandra spoke.", staffed, "2020-06-01")


def test_a_held_office_is_supported_and_another_time_is_not(staffed: Catalog) -> None:
    assert _posts("Lithuanian Defence Minister Anna Example visited Rukla.", staffed,
                  "2018-05-01") == [("Lithuanian Defence Minister Anna Example", "supported")]
    # the same words four years later: she held it, but not then
    assert _posts("Lithuanian Defence Minister Anna Example visited Rukla.", staffed,
                  "2022-05-01") == [("Lithuanian Defence Minister Anna Example",
                                     "unverifiable")]
    # a date in the sentence is the date the title speaks of
    assert _posts("In 2018, Lithuanian Defence Minister Anna Example visited Rukla.", staffed,
                  "2022-05-01") == [("Lithuanian Defence Minister Anna Example", "supported")]
    # as a former holder, at a date after her term
    assert _posts("Former defence minister Anna Example visited Rukla.", staffed,
                  "2022-05-01") == [("Former defence minister Anna Example", "supported")]


def test_an_office_given_to_the_wrong_person_is_contradicted(staffed: Catalog) -> None:
    # Eve held another office; Lithuania's defence minister on the date was Bob
    got = check_text("Lithuania's Defence Minister Eve Other visited Rukla.", staffed,
                     dt.date(2022, 5, 1))
    post = [c for c in got.claims if c.kind == "command"]
    assert [c.verdict for c in post] == ["contradicted"]
    assert "Bob Sample" in post[0].explanation
    assert {e.record for e in post[0].evidence} >= {"bob-lt-dm", "eve-lt-fm"}
    # without the state the office is whose, nothing decides it
    assert _posts("Defence Minister Eve Other visited Rukla.", staffed, "2022-05-01") == [
        ("Defence Minister Eve Other", "unverifiable")]
    # nor an acting holder, nor a title several offices bear (a commander-in-chief may be
    # the head of state)
    assert _posts("Lithuania's acting Defence Minister Eve Other visited Rukla.", staffed,
                  "2022-05-01") == [("Lithuania's acting Defence Minister Eve Other",
                                     "unverifiable")]
    assert _posts("Lithuania's Commander-in-Chief Cid Person visited Rukla.", staffed,
                  "2022-05-01") == [("Lithuania's Commander-in-Chief Cid Person",
                                     "unverifiable")]
    # an office several people hold at once is never given to the wrong person
    assert _posts("Lithuania's deputy defence minister Eve Other visited Rukla.", staffed,
                  "2022-05-01") == [("Lithuania's deputy defence minister Eve Other",
                                     "unverifiable")]
    # a sentence of another date than the article's, when the posts record no holder then
    # (Anna's term began in December 2016): a gap in the posts, not another holder
    assert _posts("Lithuania's Defence Minister Eve Other said in April 2016 that the drills "
                  "would be large.", staffed, "2022-05-01") == [
        ("Lithuania's Defence Minister Eve Other", "unverifiable")]
    assert _posts("Lithuania's Defence Minister Eve Other said in April 2018 that the drills "
                  "would be large.", staffed, "2022-05-01") == [
        ("Lithuania's Defence Minister Eve Other", "contradicted")]


def test_without_posts_no_claim_is_added(catalog: Catalog) -> None:
    bare = Catalog({**catalog.records, "posts": {}})
    res = check_text("Lithuania's Defence Minister Anna Example visited Rukla.", bare,
                     dt.date(2018, 5, 1))
    assert not [c for c in res.claims if c.kind == "command"]


POSTS = """\
- id: {pid}
  name: {person}, President
  person: {person}
  office: head-of-state
  title: President
  actor: BY
  valid_from: {start}
  status: established
  sources: [src-a]
"""



def test_overlapping_terms_of_one_office_are_rejected(write_dataset: Writer) -> None:
    first = POSTS.format(pid="first", person="First Holder", start="2010-01-01")
    second = POSTS.format(pid="second", person="Second Holder", start="2015-01-01")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "posts/p.yaml": first + second})
    with pytest.raises(DataError) as info:
        load_catalog(root=root)
    err = info.value
    assert (err.record, err.field) == ("second", "valid_from")
    assert "overlaps 'first'" in str(err) and "p.yaml" in str(err)
    # one after the other, they load
    ended = first.replace("  valid_from: 2010-01-01\n",
                          "  valid_from: 2010-01-01\n  valid_to: 2015-01-01\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "posts/p.yaml": ended + second})
    assert load_catalog(root=root).counts()["posts"] == 2


def test_a_post_must_name_a_known_body(write_dataset: Writer) -> None:
    bad = POSTS.format(pid="first", person="First Holder", start="2010-01-01").replace(
        "  actor: BY\n", "  actor: BY\n  body: no-such-body\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "posts/p.yaml": bad})
    with pytest.raises(DataError) as info:
        load_catalog(root=root)
    assert (info.value.record, info.value.field) == ("first", "body")
    assert "unknown command body 'no-such-body'" in str(info.value)


def test_a_speaker_named_by_office_is_the_holder_on_the_date(catalog: Catalog) -> None:
    text = ("The Oreshnik missile system has arrived in Belarus and is preparing for combat "
            "duty, according to the Belarusian defence minister.")

    def attribution(posts: list[Post]) -> tuple[str, list[str]]:
        staffed = Catalog({**catalog.records, "posts": {p.id: p for p in posts}})
        res = check_text(text, staffed, dt.date(2025, 12, 19))
        (c,) = [c for c in res.claims if c.kind == "attribution"]
        return c.verdict, [e.record or "" for e in c.evidence]

    # the minister who made the recorded statement held the office that day
    verdict, records = attribution([_post("khrenin", "Viktor Khrenin", "defence-minister", "BY",
                                          "2020-01-20")])
    assert verdict == "supported" and "khrenin" in records
    # someone else held it: the recorded statement is not the speaker's
    verdict, _ = attribution([_post("khrenin", "Viktor Khrenin", "defence-minister", "BY",
                                    "2020-01-20", "2025-06-30"),
                              _post("other", "Other Person", "defence-minister", "BY",
                                    "2025-06-30")])
    assert verdict == "unverifiable"


@pytest.mark.parametrize(("old", "new", "field", "expected"), [
    ("  office: head-of-state\n", "  office: king\n", "office", "head-of-state"),
    ("  actor: BY\n", "  actor: XX\n", "actor", "unknown actor 'XX'"),
    ("  valid_from: 2010-01-01\n", "", "valid_from", "missing"),
])
def test_a_bad_post_is_refused_naming_its_field(write_dataset: Writer, old: str, new: str,
                                                 field: str, expected: str) -> None:
    bad = POSTS.format(pid="first", person="First Holder", start="2010-01-01").replace(old, new)
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "posts/p.yaml": bad})
    with pytest.raises(DataError) as info:
        load_catalog(root=root)
    assert (info.value.record, info.value.field) == ("first", field)
    assert expected in str(info.value) and "p.yaml" in str(info.value)


def test_a_minister_is_not_the_spokesperson_of_his_ministry(catalog: Catalog) -> None:
    got = check_text("Viktor Khrenin, the defence ministry's spokesman, said the drills were "
                     "over.", catalog, dt.date(2024, 3, 1)).claims
    (command,) = [c for c in got if c.kind == "command"]
    assert command.verdict == "contradicted"
    assert "Minister of Defence (BY)" in command.explanation


def test_intelligence_and_border_guard_chiefs_are_titles(catalog: Catalog) -> None:
    got = check_text("The head of the Main Directorate of Intelligence Kyrylo Budanov spoke on "
                     "television.", catalog, dt.date(2023, 6, 21)).claims
    assert [c.verdict for c in got if c.kind == "command"] == ["supported"]
    from eastflank.claims.posts import OFFICE_TITLES

    assert re.fullmatch(OFFICE_TITLES["border-guard-chief"], "head of the State Border Guard "
                        "Service", re.I)


def test_a_former_holder_still_in_office_is_contradicted(staffed: Catalog) -> None:
    # Bob has been defence minister since December 2020: "former" is wrong in 2022
    got = _posts("Former defence minister Bob Sample visited Rukla.", staffed, "2022-05-01")
    assert got == [("Former defence minister Bob Sample", "contradicted")]
    # days into the term, the old title may still be used; "then-" speaks of a past date
    assert _posts("Former defence minister Bob Sample visited Rukla.", staffed,
                  "2020-12-20") != got
    assert _posts("Then-defence minister Bob Sample visited Rukla.", staffed,
                  "2022-05-01") == [("Then-defence minister Bob Sample", "unverifiable")]
    # an office several people hold at once is never said to be left
    assert _posts("Former deputy defence minister Dan Deputy visited Rukla.", staffed,
                  "2022-05-01") == [("Former deputy defence minister Dan Deputy",
                                     "unverifiable")]
    # the mark may stand before the state's name
    assert _posts("Former Lithuanian defence minister Bob Sample visited Rukla.", staffed,
                  "2022-05-01") == [("Former Lithuanian defence minister Bob Sample",
                                     "contradicted")]


def test_a_held_office_stands_beside_a_day_the_sentence_dates(staffed: Catalog) -> None:
    # the day dates what the minister spoke of; the term covers it and the article's date
    assert _posts("Lithuanian Defence Minister Bob Sample said the drills began on 3 October "
                  "2022.", staffed, "2022-10-05") == [("Lithuanian Defence Minister Bob Sample",
                                                       "supported")]


def test_a_name_with_particles_and_a_council_named_by_its_state(catalog: Catalog) -> None:
    # "von der" stands between the words of a name; "the Belarusian Security Council" is the
    # council a state secretary serves
    def verdicts(text: str, day: dt.date) -> list[str]:
        return [c.verdict for c in check_text(text, catalog, day).claims
                if c.kind == "command"]

    text = "German Defense Minister Ursula von der Leyen visited Rukla."
    assert verdicts(text, dt.date(2017, 2, 7)) == ["supported"]
    assert verdicts(text, dt.date(2021, 2, 7)) == ["unverifiable"]  # held it until 2019
    assert verdicts("State Secretary of the Belarusian Security Council Alexander Volfovich "
                    "said so.", dt.date(2026, 1, 16)) == ["supported"]


def test_a_title_nested_in_another_is_the_name_s_own(catalog: Catalog) -> None:
    # "spokesman for President Vladimir Putin": Putin is the president, not a spokesman
    day = dt.date(2024, 6, 1)
    for text in ("The spokesman of President Vladimir Putin said the talks went well.",
                 "Dmitry Peskov, spokesman for President Vladimir Putin, said so.",
                 "The press secretary of the Russian President Dmitry Peskov said so."):
        got = [(c.verdict, c.text) for c in check_text(text, catalog, day).claims
               if c.kind == "command"]
        assert got and all(v == "supported" for v, _ in got), (text, got)


def test_a_name_after_a_verb_holds_no_title_before_it(catalog: Catalog) -> None:
    # "the president of Belarus asked Putin": Putin is asked, not made Belarus's president
    day = dt.date(2020, 8, 27)
    text = "The president of Belarus asked Putin to prepare a reserve of police officers."
    got = [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "command"]
    assert "contradicted" not in got
    text = "The president of Belarus, Alexander Lukashenko, met the press."
    got = [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "command"]
    assert got == ["supported"]


def test_a_plural_title_names_each_person_after_it(catalog: Catalog) -> None:
    day = dt.date(2017, 2, 8)
    text = ("They were also welcomed by German and Lithuanian defense ministers Ursula von der "
            "Leyen and Raimundas Karoblis.")
    got = [(c.verdict, c.explanation.split(" held")[0]) for c in
           check_text(text, catalog, day).claims if c.kind == "command"]
    assert got == [("supported", "Ursula von der Leyen"), ("supported", "Raimundas Karoblis")]
    # a plural title gives no state to each name: it never refutes
    text = "Presidents Vladimir Putin and Raimundas Karoblis met."
    got = [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "command"]
    assert got and "contradicted" not in got


def test_of_a_double_title_the_office_the_person_held_is_checked(catalog: Catalog) -> None:
    # Belarus's chief of the general staff is also first deputy defence minister; the posts
    # record the first office
    text = ("Chief of the General Staff — First Deputy Minister of Defence of Belarus Pavel "
            "Muraveiko said the situation was complex.")
    got = [c.verdict for c in check_text(text, catalog, dt.date(2025, 12, 21)).claims
           if c.kind == "command"]
    assert got == ["supported"]


def test_a_deputy_s_title_may_carry_the_state(staffed: Catalog) -> None:
    # "Deputy Lithuanian defence minister" is a deputy's title, not the minister's
    got = _posts("Deputy Lithuanian defence minister Dan Deputy spoke.", staffed, "2020-06-01")
    assert [v for _, v in got] == ["supported"]
