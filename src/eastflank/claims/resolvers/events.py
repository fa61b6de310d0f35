"""Dated-event claims against the dataset's events.

An event named in the sentence ("Zapad-2021") is compared with the sentence's date: the same
date supports the claim, another date contradicts it. Otherwise the events whose names share
at least ``keyword_share`` of their content words with the sentence are candidates; one whose
date agrees supports the claim, and a merely similar event at another date leaves the claim
unverifiable (it may be about something else). Events sourced only to the seed
documents are not evidence.
"""

from __future__ import annotations

import datetime as dt

from eastflank.claims.detect import Candidate
from eastflank.claims.model import DateMention
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    keywords,
    mentions_of,
    unverifiable,
    usable,
)
from eastflank.schema import Event

__all__ = ["dates_agree", "resolve_event"]


def dates_agree(mention: DateMention, event: Event, days: int) -> bool:
    """Whether a date of the text agrees with an event's date (or period) at its precision."""
    start = event.date
    end = event.end_date or event.date
    if mention.precision == "year":
        return start.year <= mention.date.year <= end.year
    if mention.precision == "month":
        first = mention.date
        return (start.year, start.month) <= (first.year, first.month) <= (end.year, end.month)
    lo = mention.date
    hi = mention.end or mention.date
    if mention.end is not None and mention.end != mention.date and event.end_date is not None:
        return lo == start and hi == end  # a period given to the day must match to the day
    slack = dt.timedelta(days=days)
    return lo <= end + slack and hi >= start - slack


def _describe(e: Event) -> str:
    period = e.date.isoformat() + (f" to {e.end_date.isoformat()}" if e.end_date else "")
    return f"{e.name} ({period})"


def resolve_event(cand: Candidate, ctx: Context) -> Outcome:
    """Check a dated statement against the recorded events."""
    tol = ctx.tolerances.event_date
    tolerance = {"days": tol.days, "keyword_share": tol.keyword_share}
    # relative dates ("last year", "on Friday") are resolved from the article's date
    dates = list(cand.facts.dates)
    events = {eid: e for eid, e in ctx.catalog.events.items() if usable(e, ctx)}
    named = [events[m.record] for m in mentions_of(cand, "events") if m.record in events]
    if named:
        e = named[0]
        if not dates or any(dates_agree(d, e, tol.days) for d in dates):
            return Outcome("supported",
                           f"Recorded: {_describe(e)}." if dates else
                           f"The event is recorded: {_describe(e)}.",
                           evidence=[evidence_of(e, "events", _describe(e))],
                           tolerance=tolerance)
        # a date far from the event's name in the sentence may date something else
        m0 = next(m for m in mentions_of(cand, "events") if m.record == e.id)
        near = any(abs(d.span.start - m0.span.end) <= 60 or abs(m0.span.start - d.span.end)
                   <= 60 for d in dates)
        return Outcome("contradicted",
                       f"The dataset dates {e.name} to {e.date.isoformat()}, not "
                       f"{', '.join(d.span.text for d in dates)}.",
                       evidence=[evidence_of(e, "events", _describe(e))], tolerance=tolerance,
                       strength=1.0 if near else 0.6)
    if not dates:
        return unverifiable("No date and no recorded event in the sentence.",
                            tolerance=tolerance)
    words = keywords(cand.facts.text)
    near_words = words | (keywords(cand.context[-1].text) if cand.context else set())
    for e in sorted(events.values(), key=lambda e: e.date):
        names = keywords(" ".join([e.name, *e.aliases]))
        if not names:
            continue
        for d in dates:
            if not dates_agree(d, e, tol.days):
                continue
            pool = near_words if d.precision == "day" else words
            share = len(names & pool) / min(len(names), 4)
            need = {"day": tol.keyword_share_day, "month": tol.keyword_share_month,
                    "year": tol.keyword_share}[d.precision]
            summary_hits = len(keywords(e.summary) & words)
            if share >= need or (d.precision == "day"
                                 and summary_hits >= tol.summary_words_day):
                return Outcome("supported",
                               f"Recorded: {_describe(e)}; the sentence's date "
                               f"{d.span.text!r} agrees and it shares {share:.0%} of the "
                               f"event's name words.",
                               evidence=[evidence_of(e, "events", _describe(e))],
                               tolerance=tolerance)
    named_phrase = cand.extra.get("named")
    seed_only = [e for e in ctx.catalog.events.values() if not usable(e, ctx)
                 and any(dates_agree(d, e, tol.days) for d in dates)]
    why = (f"No recorded event matches {named_phrase!s} at "
           f"{', '.join(d.span.text for d in dates)}" if named_phrase else
           f"No recorded event matches this statement at "
           f"{', '.join(d.span.text for d in dates)}")
    if seed_only:
        why += ("; the dataset holds it only as a claim of the seed document itself ("
                + ", ".join(e.id for e in seed_only) + "), which is not evidence")
    return unverifiable(why + ".", tolerance=tolerance,
                        evidence=[evidence_of(e, "events", "claimed by the seed only")
                                  for e in seed_only])
