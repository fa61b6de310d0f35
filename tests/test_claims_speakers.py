"""Speakers named by a pronoun or a role alone take the last person named as a speaker."""

from __future__ import annotations

import datetime as dt

from eastflank.catalog import Catalog
from eastflank.claims import check_text
from eastflank.claims.check import gazetteer_for
from eastflank.claims.extract import extract


def _people(catalog: Catalog, text: str) -> list[list[str | None]]:
    return [[a.person for a in f.attributions]
            for f in extract(text, gazetteer_for(catalog), None)]


def test_a_pronoun_speaker_is_the_last_named_speaker_of_the_paragraph(catalog: Catalog
                                                                     ) -> None:
    text = ("Lukashenko said the army would grow. Minsk is quiet. He added that the brigade "
            "would move.")
    assert _people(catalog, text) == [["Lukashenko"], [], ["Lukashenko"]]


def test_a_pronoun_in_another_paragraph_names_no_one(catalog: Catalog) -> None:
    text = "Lukashenko said the army would grow.\n\nHe added that the brigade would move."
    assert _people(catalog, text) == [["Lukashenko"], []]


def test_a_role_speaker_is_decided_by_the_named_persons_statement(catalog: Catalog) -> None:
    text = ("Putin announced that the Oreshnik missile system will be placed on combat duty "
            "by the end of 2025.\n\nAccording to the president, more than 300 settlements were "
            "liberated this year.")
    found = [c for c in check_text(text, catalog, dt.date(2025, 12, 17)).claims
             if c.kind == "attribution" and c.text.startswith("According")]
    assert [c.verdict for c in found] == ["supported"]
    assert "Putin" in found[0].explanation
    # with no person named before, the role stays a role and decides nothing
    alone = [c for c in check_text(text.split("\n\n")[1], catalog,
                                   dt.date(2025, 12, 17)).claims if c.kind == "attribution"]
    assert [c.verdict for c in alone] == ["unverifiable"]


def test_condemning_and_agency_reports_are_attributed() -> None:
    from eastflank.claims.attribution import find_attributions

    def who(text: str) -> list[tuple[str | None, str | None]]:
        return [(a.person, a.institution) for a in find_attributions(text)]

    assert who("Chancellor Olaf Scholz condemned the strike as a crime.") == [
        ("Chancellor Olaf Scholz", None)]
    assert who("The agency quoted outgoing Latvian President Egils Levits as saying the border "
               "was safe.") == [("Levits", None)]
    assert who("Interfax reported that the fleet had declined to comment.") == [
        (None, "Interfax")]


def test_a_name_inside_a_statements_title_names_no_statement(catalog: Catalog) -> None:
    # "since World War II" in a recorded statement's title is what was spoken of: a sentence
    # on another matter that says it does not name that statement
    got = check_text("Berlin opened its first permanent brigade base abroad since World War II "
                     "in 2025.", catalog, dt.date(2025, 6, 1)).claims
    assert not any(m.kind == "events" and m.span.text == "World War"
                   for c in got for m in c.mentions)


def test_a_speaker_spelt_as_a_posts_alias_is_the_holder(catalog: Catalog) -> None:
    # the posts give "Uladzimir Siamashka" as a spelling of Vladimir Semashko, whose statement
    # on the road maps is recorded
    got = check_text("Uladzimir Siamashka said on Tuesday that the last of the 28 integration "
                     "road maps would be agreed after the leaders' meeting.", catalog,
                     dt.date(2021, 9, 1)).claims
    assert [c.verdict for c in got if c.kind == "attribution"] == ["supported"]


def test_a_role_before_the_verb_is_the_last_named_speaker(catalog: Catalog) -> None:
    text = ("Lukashenko said on Friday that the army was ready. As the Belarusian leader "
            "pointed out, the brigade would move to the border.")
    assert _people(catalog, text)[1] == ["Lukashenko"]
    assert _people(catalog, "As Lukashenko noted, the army is ready.") == [["Lukashenko"]]


def test_a_few_summary_words_are_no_statement_of_the_speaker(catalog: Catalog) -> None:
    # the record of that interview is on the Iskander's range against the Polonez's: a quote on
    # other weapons shares some of its summary's words but none of its name's
    text = ('"I need several divisions in the west and in the south," Lukashenko said in an '
            'interview on Saturday. The Belarusian president recalled that missile launches '
            'had been conducted at the Zapad-2021 exercise earlier in the year. "We see where '
            'we have to strike with a missile or use Tochka (tactical missile system) and '
            'Buk-MB [anti-aircraft missile system]," he noted.')
    got = [c.verdict for c in check_text(text, catalog, dt.date(2021, 11, 13)).claims
           if c.kind == "attribution" and c.text.startswith("We see")]
    assert got == ["unverifiable"]
    said = ('"Their launch range is 500 kilometers, whereas our Polonez is up to 300 '
            'kilometers," Lukashenko said in an interview on Saturday.')
    got = [c.verdict for c in check_text(said, catalog, dt.date(2021, 11, 13)).claims
           if c.kind == "attribution"]
    assert got == ["supported"]
