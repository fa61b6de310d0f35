"""A person named with an office, checked against the posts (who held which office when).

``supported`` when a post of the person in that office (of the state or body the sentence
gives it, if it gives one) covers the sentence's date, or the article's date, or, for a title
marked as past ("former defence minister"), ended before the article's date.
``contradicted`` only when the office is one a single person holds at a time and that a title
names unambiguously (a head of state or government, a defence, foreign or interior minister, a
secretary general or security council secretary; not an acting, interim or "supreme" title),
the sentence says whose office it is, the posts record the person in no term of that office at
all, and they record another holder on the article's date and on every date the sentence gives:
the office given to the wrong person. Otherwise
``unverifiable``, with the person's recorded posts: a person who held the office at another time
may be spoken of as of another date than the sentence gives.
"""

from __future__ import annotations

import datetime as dt
import re

from eastflank.claims.detect import Candidate
from eastflank.claims.model import Evidence
from eastflank.claims.posts import Titled, posts_index
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    reference_date,
    unverifiable,
)
from eastflank.schema import SINGLE_HOLDER_OFFICES, Post

__all__ = ["resolve_post"]

_REFUTABLE = frozenset({"head-of-state", "head-of-government", "defence-minister",
                        "foreign-minister", "interior-minister", "secretary-general",
                        "security-council-secretary"}) & SINGLE_HOLDER_OFFICES
"""Offices whose title names one post of one state unambiguously. A commander-in-chief may be
the head of state ("Supreme Commander-in-Chief") or a service's chief; a chief of the general
staff is called a chief of defence in some states; a commander or governor may be of a body or
region the title names loosely: a title of those is never said to be the wrong person's."""


_SETTLED_DAYS = 30
"""Days a term must have run by the article's date before "former" is said to contradict it
(a text written in the days of a handover may still call the new holder by the old title)."""


_HEAD_OFFICES = frozenset({"head-of-state", "head-of-government", "defence-minister",
                           "foreign-minister", "interior-minister", "chief-of-general-staff"})
"""Offices whose holder heads the body they belong to, and so does not speak for it as its
spokesperson."""


def _term(p: Post) -> str:
    end = p.valid_to.isoformat() if p.valid_to else "in office"
    return f"{p.title} ({p.actor}) from {p.valid_from.isoformat()} to {end}"


def _fits(p: Post, t: Titled) -> bool:
    return p.office == t.office and (not t.actors or p.actor in t.actors) and _body_fits(p, t)


def _body_fits(p: Post, t: Titled) -> bool:
    """A post tied to a body fits a title naming that body or none; a post tied to none
    fits any ("Russian President" names the presidency's own body record)."""
    return p.body is None or not t.bodies or p.body in t.bodies


def _covers(p: Post, lo: dt.date, hi: dt.date) -> bool:
    """Whether the term overlaps the period ``lo`` .. ``hi``."""
    return p.valid_from <= hi and (p.valid_to is None or p.valid_to >= lo)


def _periods(cand: Candidate, ctx: Context, *,
             relative: bool = False) -> list[tuple[dt.date, dt.date]]:
    """The periods the title may speak of: each full date of the sentence (its whole day,
    month or year; with ``relative``, dates resolved from the article's too, "in April")
    and the article's date."""
    out: list[tuple[dt.date, dt.date]] = []
    for d in cand.facts.dates:
        if d.relative and not relative:
            continue
        lo = d.date
        hi = d.end or lo
        if d.end is None and d.precision == "year":
            lo, hi = dt.date(lo.year, 1, 1), dt.date(lo.year, 12, 31)
        elif d.end is None and d.precision == "month":
            nxt = (lo.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            lo, hi = lo.replace(day=1), nxt - dt.timedelta(days=1)
        if ctx.article_date is None or lo <= ctx.article_date:
            out.append((lo, min(hi, ctx.article_date) if ctx.article_date else hi))
    day = reference_date(cand, ctx)
    if ctx.article_date is not None:
        out.append((ctx.article_date, ctx.article_date))
    elif day is not None:
        out.append((day, day))
    return out


def _evidence(posts: list[Post], detail: str | None = None) -> list[Evidence]:
    return [evidence_of(p, "posts", detail or f"{p.person}: {_term(p)}") for p in posts]


def resolve_post(cand: Candidate, ctx: Context) -> Outcome:
    """Check that the person held the office the sentence gives them on its date."""
    t = cand.extra["post"]
    assert isinstance(t, Titled)
    index = posts_index(ctx.catalog)
    posts = index.by_person.get(t.person, [])
    own = [p for p in posts if _fits(p, t)]
    periods = _periods(cand, ctx)
    if not periods:
        return unverifiable("The text gives no date to check the office at.", settled=True,
                            nearest=_evidence(posts))
    rule = {"rule": "a recorded term of the office covers the date"}
    if t.former and ctx.article_date is not None and t.office in _REFUTABLE and \
            re.match(r"(?:former|ex-)", t.title, re.I):
        # "former President Trump" in a text of April 2025: he holds the office again, and
        # has for more than a month ("then-" speaks of a past date, whoever holds it now)
        day = ctx.article_date
        now = [p for p in own if _covers(p, day, day)
               and p.valid_from <= day - dt.timedelta(days=_SETTLED_DAYS)]
        if now:
            return Outcome("contradicted", f"{t.person} holds the office on the article's "
                           f"date ({_term(now[0])}), so is no former holder of it.",
                           evidence=_evidence(now),
                           tolerance={"rule": "a recorded term covers the article's date",
                                      "days_in_office_at_least": _SETTLED_DAYS})
    if t.former and ctx.article_date is not None:
        past = [p for p in own if p.valid_to is not None and p.valid_to < ctx.article_date]
        if past:
            return Outcome("supported", f"{t.person} held the office before the article's "
                           f"date: {_term(past[-1])}.", evidence=_evidence(past),
                           tolerance={"rule": "a recorded term ended before the date"})
        return unverifiable(f"The sentence speaks of {t.person} as a former holder; the posts "
                            "record no term of the office that ended before the article's "
                            "date.", settled=True, nearest=_evidence(posts))
    held = [p for p in own if any(_covers(p, lo, hi) for lo, hi in periods)]
    if held:
        return Outcome("supported", f"{t.person} held the office on the date: "
                       f"{_term(held[0])}.", evidence=_evidence(held), tolerance=rule)
    if own:
        return unverifiable(f"{t.person} held the office at another time ("
                            f"{'; '.join(_term(p) for p in own)}), not on the sentence's "
                            "date.", settled=True, nearest=_evidence(own))
    if t.office in _REFUTABLE and len(t.actors) == 1 and not re.search(
            r"\b(?:acting|supreme|interim|caretaker)\b", t.title, re.I):
        # another holder on every date the sentence may speak of ("told Reuters in April
        # 2017" in a text of 2026: a gap in the posts of 2017 is no evidence)
        every = _periods(cand, ctx, relative=True)
        holders = [p for ps in index.by_person.values() for p in ps
                   if p.person != t.person and p.office == t.office
                   and p.actor == t.actors[0] and _body_fits(p, t)]
        lo, hi = periods[-1]
        others = [p for p in holders if _covers(p, lo, hi)]
        if others and all(any(_covers(p, a, b) for p in holders) for a, b in every):
            mine = "; ".join(_term(p) for p in posts) or "no post"
            return Outcome(
                "contradicted",
                f"On {hi.isoformat()} the office was held by {others[0].person} "
                f"({_term(others[0])}); the posts record {t.person} in no term of it "
                f"({mine}).",
                evidence=_evidence(others) + _evidence(posts),
                tolerance={"rule": "another holder of a single-holder office on the date; "
                                   "the person never held it"})
    if t.office == "spokesperson":
        # a minister or head of state is not the spokesperson of the office they head:
        # "Victor Khrenin, the ministry's spokesperson" when he was defence minister
        lo, hi = periods[-1]
        heads = [p for p in posts if p.office in _HEAD_OFFICES and _covers(p, lo, hi)
                 and (not t.actors or p.actor in t.actors)]
        if heads:
            return Outcome("contradicted",
                           f"On {hi.isoformat()} {t.person} held the office of {_term(heads[0])}"
                           f", not that of a spokesperson.", evidence=_evidence(heads),
                           tolerance={"rule": "the head of an office is not its spokesperson"})
    return unverifiable(f"The posts record no term of {t.person} in the office "
                        f"{t.office!r}" + (f" of {', '.join(t.actors)}" if t.actors else "")
                        + ".", settled=True, nearest=_evidence(posts))
