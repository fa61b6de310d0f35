"""An event claim the recorded events say nothing of falls back to the relation resolver."""

from __future__ import annotations

import datetime as dt

from eastflank.catalog import Catalog
from eastflank.claims import check_text

HANDED = ("The Iskander-M operational-tactical missile system was handed over to the Armed "
          "Forces of {} in December 2022.")


def test_a_handover_is_decided_by_the_systems_operator(catalog: Catalog) -> None:
    (claim,) = [c for c in check_text(HANDED.format("Belarus"), catalog,
                                      dt.date(2023, 4, 5)).claims if c.kind == "event"]
    assert claim.verdict == "supported"
    assert "operator" in claim.explanation and claim.evidence[0].sources


def test_a_handover_to_a_state_that_does_not_operate_it_is_not_supported(
        catalog: Catalog) -> None:
    (claim,) = [c for c in check_text(HANDED.format("Latvia"), catalog,
                                      dt.date(2023, 4, 5)).claims if c.kind == "event"]
    assert claim.verdict == "unverifiable"


def test_a_long_event_is_dated_by_its_start_or_end_not_by_any_day_within() -> None:
    from eastflank.claims.model import DateMention, Span
    from eastflank.claims.resolvers.events import _at_an_end, dates_agree
    from eastflank.schema import Event

    # a six-year phase-out does not agree with "September 2024" said of a drill
    e = Event.model_construct(id="phase-out", name="Russia starts the final stage of a tax "
                              "manoeuvre", kind="decision", date=dt.date(2019, 1, 1),
                              end_date=dt.date(2024, 12, 31), actors=["RU"], places=[],
                              summary="", status="established", sources=["s"])
    sept = DateMention(date=dt.date(2024, 9, 1), precision="month",
                       span=Span(start=0, end=14, text="September 2024"))
    assert dates_agree(sept, e, 3) and not _at_an_end(sept, e, 3)
    start = DateMention(date=dt.date(2019, 1, 1), precision="month",
                        span=Span(start=0, end=12, text="January 2019"))
    assert _at_an_end(start, e, 3)
    short = Event.model_construct(**{**dict(e), "end_date": dt.date(2019, 3, 1)})
    assert _at_an_end(DateMention(date=dt.date(2019, 2, 1), precision="month",
                                  span=Span(start=0, end=13, text="February 2019")), short, 3)


def test_a_summit_to_be_held_takes_the_year_ahead_of_its_month(catalog: Catalog) -> None:
    # written on 1 June 2016: "July 8-9" of a summit to be held is July 2016, not 2015
    text = "Stoltenberg came to Poland ahead of a NATO summit to be held in Warsaw July 8-9."
    got = [c.verdict for c in check_text(text, catalog, dt.date(2016, 6, 1)).claims
           if c.kind == "event"]
    assert got == ["supported"]


def test_a_period_given_relative_to_the_article_overlaps_an_event_it_need_not_match() -> None:
    from eastflank.claims.model import DateMention, Span
    from eastflank.claims.resolvers.events import dates_agree
    from eastflank.schema import Event

    drill = Event.model_construct(id="drill", name="Snap drill", kind="exercise",
                                  date=dt.date(2014, 3, 11), end_date=dt.date(2014, 3, 12),
                                  actors=["RU"], places=[], summary="",
                                  status="established", sources=["s"])
    week = DateMention(date=dt.date(2014, 3, 10), end=dt.date(2014, 3, 13), precision="day",
                       relative=True, span=Span(start=0, end=17, text="earlier this week"))
    assert dates_agree(week, drill, 3)
    # the same days given as dates must be the event's own
    given = week.model_copy(update={"relative": False})
    assert not dates_agree(given, drill, 3)


ARTICLE_4 = ("Afterwards, Poland invoked Article 4 of the North Atlantic Treaty initiating "
             "consultations with allies, but opted not to push for Article 5, which calls on all "
             "NATO countries to provide assistance if a member state's security is threatened.")


def test_coordinated_clauses_are_checked_each_on_its_own(catalog: Catalog) -> None:
    # the negation in the second clause says nothing of the first, which the events bear out
    claims = [c for c in check_text(ARTICLE_4, catalog, dt.date(2025, 9, 19)).claims
              if c.kind == "event"]
    assert [c.text.split(",")[0] for c in claims] == [
        "Afterwards", "opted not to push for Article 5"]
    assert claims[0].text.endswith("consultations with allies")
    assert [c.verdict for c in claims] == ["supported", "unverifiable"]
    assert claims[0].evidence and claims[0].evidence[0].sources
