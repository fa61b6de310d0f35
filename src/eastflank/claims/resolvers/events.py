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
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

from eastflank.claims import vocab
from eastflank.claims.dates import MONTH_NAME, WEEKDAYS
from eastflank.claims.detect import Candidate
from eastflank.claims.measure import distance_km
from eastflank.claims.model import DateMention, Mention
from eastflank.claims.quantities import WORD_NUMBERS
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    keywords,
    mentions_of,
    reference_date,
    unverifiable,
    usable,
)
from eastflank.claims.retrieval import tokens
from eastflank.claims.text import fold, plain
from eastflank.schema import Event, Place

__all__ = [
    "NEGATION",
    "NOT_A_PLACE",
    "TURNED",
    "conflicting_counts",
    "counts_said",
    "dates_agree",
    "elsewhere",
    "index_events",
    "named_states",
    "other_direction",
    "other_venue",
    "reports",
    "resolve_event",
    "same_polarity",
    "speaker_of",
    "subject_state",
    "supporting_event",
    "swapped",
    "typed_event",
    "unsaid_numbers",
    "unsaid_places",
    "unsaid_records",
]

NEGATION = re.compile(r"\b(?:not(?!\s+(?:just|only|merely|least|to\s+mention)\b)|never|"
                      r"no\s+longer|n['’]t|denied|deny|denies|neither|nor|without|refused|"
                      r"rejected|ruled\s+out|false|fake|untrue)\b|n't\b", re.I)
"""Words that turn a sentence against the event it names: a match by type says nothing."""

TURNED = re.compile(rf"(?:{NEGATION.pattern})|\bno\b", re.I)
"""A negation, "no" included: a statement and a sentence of which only one holds one say
different things ("no specific threat" is not "a serious threat")."""


def same_polarity(text: str, e: Event) -> bool:
    """Whether ``text`` can report the statement event ``e``: both or neither negated, the
    statement read by its name (which gives its gist; a summary's side remarks would turn
    it). Events of other kinds always pass."""
    if e.kind != "statement":
        return True
    return _turned(text) == _turned(e.name)


@lru_cache(maxsize=8192)
def _turned(text: str) -> bool:
    return bool(TURNED.search(_ASIDE.sub(" ", text)))


_ASIDE = re.compile(r"\bnot\s+only\b|\bnot\s+least\b|\b(?:not|no)\s+(?:an?\s+)?exception\b|"
                    r"\b(?:did|does|would)\s*(?:not|n[o']t)\s+(?:say|specify|disclose|give|"
                    r"reveal|elaborate|comment)\b[^,;.]*", re.I)
"""Negative words that do not turn what a statement says: "not only ... but also", "an
exception", a reporter's aside ("but did not say how many")."""


_LEADING_NAME = re.compile(r"^(?:[A-Z\u00c0-\u017e][\w'’.-]*\s*|\([^)]*\)\s*)+")
"""The capitalised words an event's name opens with: its speaker ("Peskov on ...",
"Kremlin (Peskov) announces ...", "Putin says ...")."""


def speaker_of(e: Event) -> str:
    """The folded leading name of a statement event's name (its speaker), or ``""``; a
    possessive opening runs on through the body it names ("Russia's defence ministry on
    ..."). "Defense" is read as "defence"."""
    return _speaker_of_name(e.name)


@lru_cache(maxsize=16384)
def _speaker_of_name(name: str) -> str:
    m = _LEADING_NAME.match(name)
    if not m:
        return ""
    lead = m.group(0)
    if re.search(r"['’]s\s*$", lead):
        body = _BODY_AFTER.match(name, m.end())
        if body:
            lead += body.group(0)
    return spelling(fold(lead))


_BODY_AFTER = re.compile(r"(?:(?:defen[cs]e|foreign|interior|emergencies|border|state|"
                         r"general|armed|military|security)\s+)*(?:ministry|service|staff|"
                         r"committee|council|office|forces|guard|command)\b", re.I)


def spelling(text: str) -> str:
    """``text`` with American spellings of words in names of bodies made British."""
    return re.sub(r"\bdefense\b", "defence", text)


_GENERIC_SPEAKER = frozenset({
    "belarusian", "russian", "ukrainian", "lithuanian", "polish", "latvian", "estonian",
    "german", "american", "state", "ministry", "defence", "defense", "foreign", "general",
    "staff", "service", "border", "guard", "guards", "committee", "government", "armed",
    "forces", "office", "president"})
"""Words of a speaker's name that do not name the speaker on their own."""


@lru_cache(maxsize=16384)
def _long_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]{4,}", text))


def reports(text: str, e: Event) -> bool:
    """Whether ``text`` can report the event ``e``. A statement event only when the sentence
    names its speaker (a word of :func:`speaker_of` that names it, or all its words) and turns
    the same way (:func:`same_polarity`): what one person said is no evidence for a sentence
    about someone else. Events of other kinds always pass."""
    if e.kind != "statement":
        return True
    words = _long_words(speaker_of(e))
    if not words or not same_polarity(text, e):
        return False
    named = _long_words(fold(text))
    own = words - _GENERIC_SPEAKER
    return bool(own & named) if own else words <= named


_FUNCTION = keywords("between through about against during within without among around across "
                     "along towards until upon near next last year years month border "
                     "borders military forces troops army armed")
"""Words that say nothing of what an event was (or that nearly every event here shares)."""

_OCCURRED = re.compile(r"\b(?:held|took\s+place|t[ao]kes?\s+place|began|begin|begun|"
                       r"start\w*|ran|runs?|conducted|staged|launched|ended|ends?|"
                       r"happened|occurred|signed|carried\s+out|lasted|from\s+\d)\b", re.I)
"""Verbs that date the event itself."""

_REPORTED = re.compile(r"\b(?:announc\w*|said|says|stated|told|reported|declared|"
                       r"anniversary|since|after|before|ahead\s+of|following|prepar\w*|"
                       r"schedul\w*|postpon\w*)\b", re.I)
"""Words after which a date may be another occasion's (an announcement, an anniversary)."""

_FUTURE = vocab.FUTURE


def dates_agree(mention: DateMention, event: Event, days: int) -> bool:
    """Whether a date of the text agrees with an event's date (or period) at its precision."""
    start = event.date
    end = event.end_date or event.date
    if mention.precision == "year":  # (a decade, "the 1960s", is a span of years)
        return start.year <= (mention.end or mention.date).year and mention.date.year <= end.year
    if mention.precision == "month":
        first = mention.date
        return (start.year, start.month) <= (first.year, first.month) <= (end.year, end.month)
    lo = mention.date
    hi = mention.end or mention.date
    if mention.end is not None and mention.end != mention.date and event.end_date is not None \
            and not mention.relative:
        return lo == start and hi == end  # a period given to the day must match to the day
    slack = dt.timedelta(days=days)
    return lo <= end + slack and hi >= start - slack


_LONG_DAYS = 366
"""An event longer than this (a loan paid in tranches over years, a six-year phase-out) is
matched by a date of its start or end, not by any date within it."""


def _at_an_end(mention: DateMention, event: Event, days: int) -> bool:
    """Whether the date agrees with the start or the end of a long event (any date agrees
    with a short one)."""
    if event.end_date is None or (event.end_date - event.date).days <= _LONG_DAYS:
        return True
    return any(dates_agree(mention, event.model_copy(update={"date": day, "end_date": None}),
                           days) for day in (event.date, event.end_date))


def _describe(e: Event) -> str:
    period = e.date.isoformat() + (f" to {e.end_date.isoformat()}" if e.end_date else "")
    return f"{e.name} ({period})"


def _other_speaker(cand: Candidate, e: Event, ctx: Context) -> bool:
    """Whether the sentence gives a known person as its speaker who is not the speaker of
    the statement event ``e``."""
    own = set(re.findall(r"[a-z]{4,}", speaker_of(e)))
    people = _people(ctx)
    for a in cand.facts.attributions:
        who = plain(a.speaker.text if a.speaker is not None else (a.person or "")).lower()
        named = set(re.findall(r"[a-z]{4,}", fold(who))) & people
        if named and not named & own:
            return True
    return False


_Typed = tuple[Event, frozenset[str], frozenset[str], frozenset[str]]
_TYPED: dict[int, tuple[object, list[_Typed], dict[str, list[int]]]] = {}


def _typed_index(ctx: Context, words: set[str]) -> list[_Typed]:
    """The usable events of the catalog sharing a word of their names with ``words``, each
    with its name words, its participants and places, and its places, in catalog order: from
    an index by name word built once per catalog."""
    hit = _TYPED.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        listed: list[_Typed] = [
            (e, frozenset(keywords(" ".join([e.name, *e.aliases]))),
             frozenset(e.actors) | frozenset(e.places), frozenset(e.places))
            for e in ctx.catalog.events.values() if usable(e, ctx)]
        by_word: dict[str, list[int]] = {}
        for i, row in enumerate(listed):
            for w in row[1]:
                by_word.setdefault(w, []).append(i)
        hit = (ctx.catalog, listed, by_word)
        _TYPED[id(ctx.catalog)] = hit
    listed, by_word = hit[1], hit[2]
    found = {i for w in words for i in by_word.get(w, ())}
    return [listed[i] for i in sorted(found)]


_LOOKS_BACK = re.compile(r"\b(?:anniversary|ago|marks?|marking|commemorat\w*)\b", re.I)
"""Words that tie a day of the text to an earlier event ("on the 20th anniversary of")."""

_RELATIVE_DAYS = 7
"""Days either side of a day the text gives relative to its date ("today", "on Thursday")
within which an event matched by type must fall: the weekday may be last week's."""


def on_the_day_said(cand: Candidate, e: Event) -> bool:
    """Whether the event falls on a day the sentence gives only relative to the text's date
    ("today", "on Thursday"), within a week; true when the sentence gives a date of its own
    (judged by it), no such day, or ties the day to an earlier event ("the anniversary of")."""
    if any(not d.relative for d in cand.facts.dates) or _LOOKS_BACK.search(cand.facts.text):
        return True
    recent = [d for d in cand.facts.dates if d.relative and d.precision == "day"]
    return not recent or any(dates_agree(d, e, _RELATIVE_DAYS) for d in recent)


def typed_event(cand: Candidate, ctx: Context) -> Outcome | None:
    """An event the sentence names by its participants and places (actors and places the
    gazetteer finds) and a few words of its name, that took place by the claim's date (for a
    sentence in the future tense: within ``typed_future_days`` after it), at any date and in
    any year the sentence gives.

    A support only: the sentence may say something else of the event, so an event that does
    not match never refutes it. Among several matches the one naming most entities, then most
    name words, then the latest before the claim's date is taken."""
    tol = ctx.tolerances.event_date
    if NEGATION.search(cand.facts.text):
        return None  # "never delivered": a recorded event would refute, not support it
    named = {m.record for m in cand.facts.mentions if m.kind in ("actors", "places")}
    if len(named) < min(tol.typed_entities, 2) and not any(
            m.kind == "places" for m in cand.facts.mentions):
        return None
    # name words: not the entities already counted, nor prepositions
    entity_words = keywords(" ".join(m.span.text for m in cand.facts.mentions))
    words = keywords(cand.facts.text) - entity_words - _FUNCTION
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", cand.facts.text)}
    dates = [d for d in cand.facts.dates if not d.relative]
    day = reference_date(cand, ctx)
    future = bool(_FUTURE.search(cand.facts.text))
    slack = dt.timedelta(days=tol.days)
    ahead = dt.timedelta(days=tol.typed_future_days)
    best: tuple[tuple[int, int, dt.date], Event] | None = None
    for e, all_names, parties, venues in _typed_index(ctx, words):
        names = all_names - entity_words - _FUNCTION
        shared = len(names & words)
        if not names or shared / min(len(names), 4) < tol.typed_name_share:
            continue
        typed = named & parties
        # two entities, or one of its places with a word more of its name
        if not (len(typed) >= tol.typed_entities and shared >= tol.typed_name_words) and not (
                venues & named and shared > tol.typed_name_words):
            continue
        if not same_polarity(cand.facts.text, e):
            continue  # "no plans to deploy" does not bear out "deployed"
        if dates and not any(dates_agree(d, e, tol.days) for d in dates):
            continue
        if not on_the_day_said(cand, e):
            continue  # "met Shoigu in Moscow today" is no meeting of 2013
        if e.kind == "statement" and cand.facts.attributions and _other_speaker(cand, e, ctx):
            continue  # what Belousov said is no evidence that Shoigu said it
        if venue_state_swapped(cand, e, ctx):
            continue  # "drills in Kazakhstan" are not the drills its record holds in Belarus
        span = range(e.date.year, (e.end_date or e.date).year + 1)
        if years and not years & set(span):
            continue  # "West-2024" is not the exercise of 2025
        if day is not None:
            if future and not day - slack <= e.date <= day + ahead:
                continue
            if not future and e.date > day + slack:
                continue
        key = (len(typed), shared, e.date)
        if best is None or key > best[0]:
            best = (key, e)
    if best is None:
        return None
    (n_typed, shared, _), e = best
    return Outcome("supported",
                   f"Recorded: {_describe(e)}; the sentence names {n_typed} of its "
                   f"participants and places and {shared} words of its name"
                   + (", and its date agrees." if dates else "."),
                   evidence=[evidence_of(e, "events", _describe(e))],
                   tolerance={"typed_entities": tol.typed_entities,
                              "typed_name_words": tol.typed_name_words},
                   strength=tol.typed_strength)


def _same_day_event(cand: Candidate, ctx: Context, dates: list[DateMention],
                    events: dict[str, Event]) -> Outcome | None:
    """An event the sentence dates to its very day and names by its participants or places
    (at least ``typed_entities`` of them), when exactly one recorded event fits: "Putin sent
    troops rolling into Ukraine on Feb. 24, 2022" for the invasion of that day. A support
    only, like a match by type; a date after a verb of saying or a word of sequence ("said
    on", "after") may be another occasion's, and a negated sentence is not judged."""
    tol = ctx.tolerances.event_date
    if NEGATION.search(cand.facts.text):
        return None
    named = {m.record for m in cand.facts.mentions if m.kind in ("actors", "places")}
    if len(named) < tol.typed_entities:
        return None
    day = reference_date(cand, ctx)
    for d in dates:
        if d.precision != "day" or (d.end is not None and d.end != d.date):
            continue
        lead = cand.facts.full[max(cand.facts.start, d.span.start - 25):d.span.start]
        if _REPORTED.search(lead):
            continue
        fits = [e for e in events_dated_near(ctx, [d], tol.days) if e.kind != "statement"
                and e.date <= d.date <= (e.end_date or e.date)
                and (e.end_date is None or (e.end_date - e.date).days <= tol.days)
                and len(named & (set(e.actors) | set(e.places))) >= tol.typed_entities
                and (day is None or e.date <= day + dt.timedelta(days=tol.days))]
        if len(fits) == 1:
            e = fits[0]
            shared = len(named & (set(e.actors) | set(e.places)))
            return Outcome("supported",
                           f"Recorded: {_describe(e)}; the sentence dates it to the day "
                           f"({d.span.text!r}) and names {shared} of its participants and "
                           "places, and no other recorded event of that day fits.",
                           evidence=[evidence_of(e, "events", _describe(e))],
                           tolerance={"typed_entities": tol.typed_entities},
                           strength=tol.typed_strength)
    return None


def _recent_event(cand: Candidate, ctx: Context) -> Outcome | None:
    """An event an undated sentence tells as news: one recorded within ``recent_days``
    before the article's date (or ``days`` after it) that the sentence (with the sentence
    before it) names by ``keyword_share`` of the words of one of its names (over at most
    four: as many as a year would need, more than a day) and by one of its participants or
    places, naming no alliance or organisation that took no part in it. Among several, the
    one sharing most words, then the latest. A support only: a sentence without a date may
    tell of an earlier occasion, so an event that does not match refutes nothing."""
    tol = ctx.tolerances.event_date
    day = ctx.article_date
    if day is None or tol.recent_days == 0 or NEGATION.search(cand.facts.text) or \
            _FUTURE.search(cand.facts.text):
        return None
    told = cand.facts.text + " " + (cand.context[-1].text if cand.context else "")
    words = keywords(told)
    forms = word_forms(told)
    named = {m.record for m in cand.facts.mentions if m.kind in ("actors", "places")}
    if cand.context:
        named |= {m.record for m in cand.context[-1].mentions
                  if m.kind in ("actors", "places")}
    # (an alliance or organisation the sentence names must have taken part; states are named
    # as the background of many a story)
    said = {m.record for m in cand.facts.mentions if m.kind == "actors"
            and getattr(ctx.catalog.actors.get(m.record), "kind", "state") != "state"}
    lo = day - dt.timedelta(days=tol.recent_days)
    hi = day + dt.timedelta(days=tol.days)
    span = DateMention(date=lo, precision="day", end=hi, relative=True, span=cand.span)
    best: tuple[float, dt.date, Event] | None = None
    for e in events_dated_near(ctx, [span], tol.days):
        if not lo <= e.date <= hi:
            continue
        if not named & (set(e.actors) | set(e.places)) and not any(
                _near(ctx.catalog.places[p], e, ctx) for p in named if p in ctx.catalog.places):
            continue  # (a town names an event at its air base)
        if said - set(e.actors) - {getattr(ctx.catalog.places.get(p), "country", None)
                                   for p in e.places}:
            continue  # "NATO had decided" is not Putin's decision
        names = [n for n in [e.name, *e.aliases] if keywords(n)]
        if not names or not reports(cand.facts.text, e):
            continue
        share = max(len(same_words(keywords(n) & words, n, forms)) / min(len(keywords(n)), 4)
                    for n in names)
        if share < tol.keyword_share or (best is not None and (share, e.date) <= best[:2]):
            continue
        if unsaid(cand, e, ctx):
            continue
        best = (share, e.date, e)
    if best is None:
        return None
    share, _, e = best
    return Outcome("supported",
                   f"Recorded: {_describe(e)}, {(day - e.date).days} day(s) before the "
                   f"article's date; the undated sentence shares {min(share, 1.0):.0%} of the "
                   "event's name words (of at most four counted) and names one of its "
                   "participants or places.",
                   evidence=[evidence_of(e, "events", _describe(e))],
                   tolerance={"recent_days": tol.recent_days,
                              "keyword_share": tol.keyword_share},
                   strength=tol.typed_strength)


_HABITUAL = re.compile(r"\b(?:traditionally|always|typically|usually|generally|every\s+"
                       r"(?:year|two|four)|each\s+year)\b", re.I)
"""What exercises of a kind usually do, not what one did."""
_VENUE_BEFORE = re.compile(r"\b(?:in|at|on|near|across|around|within)\s+(?:the\s+)?"
                           r"(?:(?!how\b|what\b|which\b|whether\b)[\w’'-]+\s+){0,2}?$|"
                           r"\b(?:in|at|on)\b[^,;]{0,60}(?:,|and)\s*(?:the\s+)?$", re.I)


_ONE_NAME = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
_NAME_LIST = (rf"{_ONE_NAME}(?:\s*,\s*(?:and\s+)?{_ONE_NAME})*"
              rf"(?:,?\s+and\s+{_ONE_NAME})?")
_TAKING_PART = re.compile(
    rf"\b(?i:contingents?|troops|units|forces|servicemen|soldiers)\s+from\s+(?P<a>{_NAME_LIST})"
    rf"[^.;]*?\b(?:participat\w*|took\s+part|tak(?:e|es|ing)\s+part|join\w*)\b|"
    rf"^(?:[A-Z][\w-]*\s+){{0,2}}?(?P<b>{_NAME_LIST})\s+(?:also\s+)?(?:participated|took\s+part|"
    rf"(?:are|were)\s+(?:participating|taking\s+part))\b")
"""States listed as taking part in an exercise ("contingents from India, Armenia and Mongolia
are participating", "Armenia, India and Kazakhstan took part")."""


def _participants(text: str) -> list[str]:
    """The names :data:`_TAKING_PART` lists, folded and lower-cased."""
    m = _TAKING_PART.search(text)
    if m is None:
        return []
    raw = m.group("a") or m.group("b") or ""
    return [fold(n).lower() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", raw) if n]


def _story_event(cand: Candidate, ctx: Context, events: dict[str, Event]) -> Outcome | None:
    """"The exercise", "the drills" in a text about one (the event the text named last, any
    number of sentences before): the places the sentence gives it must all be its venues or
    lie in the states that took part, and at least one must be named. A support only; a
    negated sentence or one about the future beyond the event is left undecided."""
    if not vocab.THE_EXERCISE.search(cand.facts.text) or NEGATION.search(cand.facts.text) \
            or _HABITUAL.search(cand.facts.text):
        return None
    raw = cand.extra.get("story_events")
    told = [str(r) for r in raw] if isinstance(raw, tuple) else []
    e = events.get(told[0]) if told else None
    if e is None or e.kind == "statement":
        return None
    day = reference_date(cand, ctx)
    if day is not None and e.date > day + dt.timedelta(days=ctx.tolerances.event_date.
                                                        typed_future_days):
        return None
    full = cand.facts.full
    venues = [m for m in cand.facts.mentions if m.kind in ("places", "actors")
              and not (m.kind == "actors" and m.adjectival)
              and _VENUE_BEFORE.search(full[max(cand.facts.start, m.span.start - 40):
                                            m.span.start])]
    if not venues:
        # "contingents from India, Armenia and Mongolia are participating in the exercise":
        # every state the sentence lists as taking part is one its record names
        listed = _participants(cand.facts.text)
        said = fold(" ".join([e.name, *e.aliases, e.summary])).lower()
        theirs = {fold(ctx.catalog.actors[a].name).lower() for a in e.actors
                  if a in ctx.catalog.actors}
        if len(listed) >= 2 and all(re.search(rf"\b{re.escape(n)}\b", said) or n in theirs
                                    for n in listed):
            return Outcome("supported",
                           f"The sentence speaks of {_describe(e)}, named before in the text; "
                           f"each state it gives as taking part ({', '.join(listed)}) is one "
                           "its record names.",
                           evidence=[evidence_of(e, "events", _describe(e))],
                           strength=ctx.tolerances.event_date.typed_strength)
        return None  # a venue is named after "in", "at", "on": not a speaker's city
    for m in venues:
        country = (getattr(ctx.catalog.places.get(m.record), "country", None)
                   if m.kind == "places" else m.record)
        if m.record not in e.places and m.record not in e.actors and country not in e.actors:
            return None
    return Outcome("supported",
                   f"The sentence speaks of {_describe(e)}, named before in the text; each "
                   f"place it gives is a venue of it or in a state that took part.",
                   evidence=[evidence_of(e, "events", _describe(e))],
                   strength=ctx.tolerances.event_date.typed_strength)


_OWN_DECISION = re.compile(
    r"(?:\bthat\s+|^[\s,]*)(?:he|she|they|we|I)\s+(?:had\s+|has\s+|have\s+)?(?:decided|"
    r"ordered|approved|signed|instructed|agreed|will|would|plans?|planned|intends?|intended|"
    r"(?:is|was|are|were)\s+going\s+to)\b", re.I)
"""What was said opens with the speaker's own decision or undertaking ("that he had decided
to", "she would")."""


def own_decision(cand: Candidate, ctx: Context) -> Outcome | None:
    """An event the sentence gives as the speaker's own decision or undertaking ("Putin told
    Lukashenko that he had decided to transfer the Iskander-M systems"): the speaker's
    recorded statement of it (:func:`eastflank.claims.resolvers.attribution.recorded_statement`)
    bears out that it was decided and announced. Support only: what a speaker asserts of
    others is no evidence of it."""
    from eastflank.claims.resolvers.attribution import recorded_statement, speaker_parts

    if NEGATION.search(cand.facts.text):
        return None
    full = cand.facts.full
    for a in cand.facts.attributions:
        if a.speaker is None or not (a.span.start <= cand.span.start < a.span.end):
            continue
        tail = full[a.speaker.end:min(a.span.end, a.speaker.end + 160)]
        if not _OWN_DECISION.search(tail):
            continue
        person, institution = speaker_parts(a, full, cand.facts.end)
        out = recorded_statement(cand, ctx, person, institution)
        if out is not None and out.verdict == "supported" and out.evidence:
            e = ctx.catalog.events.get(out.evidence[0].record or "")
            if e is None:
                continue
            return Outcome("supported",
                           f"The speaker's own decision, recorded as {_describe(e)}: its "
                           "announcement bears out that it was decided.",
                           evidence=list(out.evidence), tolerance=out.tolerance,
                           strength=out.strength)
    return None


_PLANNED = re.compile(r"\b(?:scheduled|planned|expected|set|slated|intended)\s+to\b|"
                      r"\bdue\s+to\s+(?:be|start|begin|open|close|end|finish|arrive|take)\b|"
                      r"\bis\s+to\s+be\b|\bwill\b|\bto\s+be\s+(?:completed|finished|"
                      r"ready|built|operational)\b", re.I)
"""A sentence giving the date of what is planned ("will be complete in 2028", "scheduled to
be completed in 2028")."""


def _date_said(d: DateMention, text: str, made: dt.date) -> bool:
    """Whether a record's text gives the date ``d`` at its precision: the year, or the month's
    name with its year ("July 2023", "in 2028"), or a day of the month in a record made that
    year or the year before ("by July 7": a record of 2015 giving "24 June" plans nothing for
    June 2022)."""
    year = str(d.date.year)
    if d.precision == "year":
        return re.search(rf"(?<![\d-]){year}(?!\d)", text) is not None
    month = d.date.strftime("%B")
    if re.search(rf"\b{month}\b", text) is None:
        return False
    return re.search(rf"(?<![\d-]){year}(?!\d)", text) is not None or (
        d.date.year - 1 <= made.year <= d.date.year
        and re.search(rf"\b{month}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{month}\b", text) is not None)


_PLAN_INDEX: dict[int, tuple[object, list[tuple[Event, str]], dict[str, list[int]]]] = {}


def _plan_index(events: dict[str, Event]) -> tuple[list[tuple[Event, str]],
                                                   dict[str, list[int]]]:
    """Each record with its name, aliases and summary joined, and the records of each of
    those texts' keywords, kept per dict of records."""
    hit = _PLAN_INDEX.get(id(events))
    if hit is not None and hit[0] is events:
        return hit[1], hit[2]
    rows = [(e, " ".join([e.name, *e.aliases, e.summary])) for e in events.values()]
    index: dict[str, list[int]] = {}
    for i, (_, text) in enumerate(rows):
        for w in keywords(text):
            index.setdefault(w, []).append(i)
    if len(_PLAN_INDEX) > 8:
        _PLAN_INDEX.clear()
    _PLAN_INDEX[id(events)] = (events, rows, index)
    return rows, index


def planned_event(cand: Candidate, ctx: Context, dates: list[DateMention],
                  events: dict[str, Event]) -> Outcome | None:
    """A plan the sentence dates to when it is to be done ("the fortifications will be
    complete in 2028"): a record made by the claim's date (an announcement, a plan) whose
    text gives that date and shares ``summary_words_day`` of the sentence's words (with the
    sentence before it) bears out that it was so planned. Support only; whether it is done
    is another claim."""
    if not _PLANNED.search(cand.facts.text) or NEGATION.search(cand.facts.text):
        return None
    tol = ctx.tolerances.event_date
    day = reference_date(cand, ctx) if ctx.article_date is None else ctx.article_date
    ahead = [d for d in dates if day is None or d.date >= dt.date(day.year, 1, 1)]
    if not ahead:
        return None
    words = keywords(cand.facts.text) | (keywords(cand.context[-1].text)
                                         if cand.context else set())
    rows, index = _plan_index(events)
    # the records sharing enough words, in the records' order (the first of the most wins)
    hits = Counter(i for w in words for i in index.get(w, ()))
    best: tuple[int, Event, DateMention] | None = None
    for i in sorted(i for i, n in hits.items() if n >= tol.summary_words_day):
        e, text = rows[i]
        if day is not None and e.date > day + dt.timedelta(days=tol.days):
            continue
        shared = hits[i]
        for d in ahead:
            if _date_said(d, text, e.date) and (best is None or shared > best[0]):
                best = (shared, e, d)
    if best is None:
        return None
    shared, e, d = best
    if unsaid(cand, e, ctx):
        return None
    return Outcome("supported",
                   f"The plan is recorded: {_describe(e)} gives {d.span.text!r} for it, and "
                   f"the sentence shares {shared} of its words.",
                   evidence=[evidence_of(e, "events", _describe(e))],
                   tolerance={"summary_words_day": tol.summary_words_day},
                   strength=tol.typed_strength)


_NAMED_YEAR = re.compile(rf"\b(?!(?i:{MONTH_NAME[3:-4]}|in|on|since|by|until|of|from|after|"
                         r"before|summer|winter|spring|autumn|fall|late|early|end)\b)"
                         r"([A-Z][A-Za-z]+)[\s-]+((?:19|20)\d\d|\d\d)\b(?![\d,.%-])")
"""A name with a year ("Vostok-2018", "BALTOPS 22", "Zapad 2021")."""


@lru_cache(maxsize=16384)
def named_years(text: str) -> frozenset[tuple[str, int]]:
    """The (series, year) pairs of the editions a text names ("Vostok-2018": ("vostok",
    2018); "BALTOPS 22": ("baltops", 2022)).

    >>> sorted(named_years("Vostok-2018 and BALTOPS 22 ran; 300,000 troops"))
    [('baltops', 2022), ('vostok', 2018)]
    """
    return frozenset((m.group(1).lower(), int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0))
                     for m in _NAMED_YEAR.finditer(text))


def supporting_event(outcome: Outcome, ctx: Context) -> Event | None:
    """The recorded event a ``supported`` outcome rests on (its first evidence), if any."""
    if outcome.verdict != "supported" or not outcome.evidence:
        return None
    return ctx.catalog.events.get(outcome.evidence[0].record or "")


def _dates_its_name(d: DateMention, m: Mention) -> bool:
    """Whether the date is given within 60 characters of the event's name."""
    return abs(d.span.start - m.span.end) <= 60 or abs(m.span.start - d.span.end) <= 60


def figures_of_siblings(cand: Candidate, e: Event, ctx: Context,
                         missing: list[str]) -> list[str]:
    """``missing`` without the figures another record of the same edition states ("Zapad-2017
    began on Thursday with 12,700 troops, 7,200 Belarusian and 5,500 Russian": the forces are
    recorded apart from the exercise's dates). Each figure is then a claim of its own, judged
    against that record."""
    from eastflank.claims.resolvers.strength import siblings

    if not missing or cand.quantity is not None:
        return missing
    mine = set(unsaid_numbers(cand.facts.text, e)) | set(conflicting_counts(cand.facts.text, e))
    if not mine & set(missing):
        return missing
    told = [set(unsaid_numbers(cand.facts.text, s)) | set(conflicting_counts(cand.facts.text, s))
            for s in siblings(e, ctx)]
    return [m for m in missing if m not in mine or all(m in t for t in told)]


def resolve_event(cand: Candidate, ctx: Context) -> Outcome:
    """Check a dated statement against the recorded events. An event the sentence does not
    name but is matched to by its words, participants or date must not leave out a person or
    a weapon's designation the sentence names ("Khrenin was appointed ..." is not borne out by
    Ravkov's appointment, nor "Su-35 fighters arrived" by the Su-30SM's)."""
    out = _resolve_event(cand, ctx)
    rec = supporting_event(out, ctx)
    if rec is None:
        return out
    missing = figures_of_siblings(cand, rec, ctx, unsaid(cand, rec, ctx))
    if missing:
        recent = None if cand.facts.dates else _recent_event(cand, ctx)
        if recent is not None:
            return recent  # (an undated sentence may tell another event as news)
        # the record shown as the nearest, not as evidence: what the sentence asserts of its
        # named entities may still be decided by the statements
        return unverifiable(f"{out.explanation} But the sentence names {', '.join(missing)}, "
                            "which the record does not.", nearest=out.evidence,
                            tolerance=out.tolerance)
    return out


_SAYS_AFTER = re.compile(r"[^.;]{0,60}?\b(?:says?|said|told|accuse[sd]?|claim(?:s|ed)?|"
                         r"warn(?:s|ed)?|insist(?:s|ed)?)\b", re.I)
"""A state that speaks ("Lithuania and other EU states say ..."), not one that acts."""

_DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]{0,3}-[A-Z]?\d{1,3}[A-Z0-9]*\b")
"""A weapon's designation ("Su-30SM", "S-400", "Mi-35M", "Tor-M2")."""


def subject_state(cand: Candidate, ctx: Context) -> str | None:
    """The state a sentence opens with as its subject ("Latvia reinstated ..."): not an
    adjective ("Belarusian"), not one after a preposition ("At the urging of Poland"), not
    one that only speaks ("Lithuania says ...")."""
    first = cand.facts.mentions[0] if cand.facts.mentions else None
    if (first is not None and first.kind == "actors" and first.record in ctx.catalog.actors
            and ctx.catalog.actors[first.record].kind == "state"
            and not first.adjectival
            and first.span.start - cand.facts.start <= 20
            and not re.search(r"\b(?:of|by|from|with|to|for|at|against|in|on)\b",
                              cand.facts.full[cand.facts.start:first.span.start], re.I)
            and not _SAYS_AFTER.match(cand.facts.full, first.span.end, cand.facts.end)):
        return first.record
    # a state that opens a clause after an opening phrase and acts in it ("For the duration
    # of the exercise, Lithuania closed ...")
    for m in cand.facts.mentions:
        if (m.kind != "actors" or m.record not in ctx.catalog.actors
                or ctx.catalog.actors[m.record].kind != "state"
                or m.adjectival):
            continue
        before = cand.facts.full[cand.facts.start:m.span.start]
        if not re.search(r"(?:^|[,;:]|\bthen)\s*$", before) or not before.strip():
            continue
        if _ACTS.match(cand.facts.full, m.span.end, cand.facts.end) and not _SAYS_AFTER.match(
                cand.facts.full, m.span.end, cand.facts.end):
            return m.record
    return None


_ACTS = re.compile(r"(?:['’]s\s+[a-z]+\s+)?\s*(?:(?:has|have|had|will|would|also|then|"
                   r"has\s+also|had\s+also)\s+)?(?:(?!said\b|reported\b|claimed\b|"
                   r"warned\b|insisted\b|accused\b|expected\b)[a-z]+ed|shut|held|sent|began|"
                   r"built|set|put|took|made|gave|cut|kept|left|led|met|paid|sold|spent|froze|"
                   r"withdrew|bought|brought|chose|drew|became|sought|struck|won|lost|"
                   r"closes|opens|sends|holds|shuts|builds|deploys|moves|signs|joins|begins)\b")
"""A finite verb right after a state (or its possessive's noun): the state acts."""


_RE_FORMED = (r"re-?creat\w*", r"re-?establish\w*", r"restor\w*")
"""A body formed again under an old name ("recreated", "re-established")."""
_BODY_ENDED = vocab.ENDED
_BODY_FORMED = vocab.words(vocab.FORMED_WORDS, _RE_FORMED)
_REORGANISED = vocab.words(vocab.FORMED_WORDS, vocab.ENDED_WORDS, _RE_FORMED, (
    r"merg\w*", r"replac\w*", r"reform\w*", r"reorgani[sz]\w*", r"split", r"new"))
"""What an event's record says when it tells of a body's creation, end or reorganisation."""


def _lifecycle_unsaid(cand: Candidate, e: Event) -> list[str]:
    """The verb of a command body's creation or end ("the Western Military District was
    abolished in 2021") when the event's record tells of no creation, end or reorganisation:
    a snap check of the district is not its abolition, though it names the district."""
    if not any(m.kind == "command_bodies" for m in cand.facts.mentions):
        return []
    verb = _BODY_ENDED.search(cand.facts.text) or _BODY_FORMED.search(cand.facts.text)
    if verb is None or e.kind == "reorganisation":
        return []
    if _REORGANISED.search(" ".join([e.name, *e.aliases, e.summary])):
        return []
    return [verb.group(0)]


_SUMMIT = re.compile(r"\bsummits?\b", re.I)
_MINISTERIAL = re.compile(r"\bministers?\b|\bministerial\b", re.I)


def other_level(text: str, e: Event) -> list[str]:
    """A summit the sentence names where the record is a meeting of ministers, or the
    reverse ("taken at the NATO Summit in Warsaw" is not the defence ministers' meeting in
    Brussels a month before)."""
    name = " ".join([e.name, *e.aliases])
    if _SUMMIT.search(text) and _MINISTERIAL.search(name) and not _SUMMIT.search(name):
        return ["a summit"]
    if re.search(r"\b(?:defen[cs]e|foreign)\s+ministers'?\s+(?:meeting|met)\b|\bministerial\b",
                 text, re.I) and _SUMMIT.search(name) and not _MINISTERIAL.search(name):
        return ["a ministers' meeting"]
    return []


def unsaid(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """Designations the sentence names and the event's name, aliases and summary do not; the
    states it names when none of them took part in the event; and,
    for an event named after a person ("Muraveiko appointed ...", "Peskov on ..."), known
    people (speakers of recorded statements, people a recorded decision is named after) the
    sentence names and the event does not. A person who only reports it ("Lukashenko said
    ...") is not counted."""
    text = cand.facts.text
    said = _flat(" ".join([e.name, *e.aliases, e.summary]))
    out = [d for d in _DESIGNATION.findall(text) if _flat(d) not in said]
    for m in cand.facts.mentions:  # a weapon the event's record does not name ("Iskander-M")
        if m.kind != "weapon_systems" or m.span.text in out:
            continue
        rec = ctx.catalog.records["weapon_systems"].get(m.record)
        names = [m.span.text, *([rec.name, *rec.aliases] if rec is not None else [])]
        if not any(_flat(n) in said for n in names if len(n) > 2):
            out.append(m.span.text)
    # the state a sentence opens with as its subject (not "Belarusian", not one that only
    # speaks): when it took no part in the event, the event is another state's ("Latvia
    # reinstated conscription" is not Lithuania's)
    first = subject_state(cand, ctx)
    states = {first} if first is not None else set()
    took_part = set(e.actors) | {getattr(ctx.catalog.places.get(p), "country", None)
                                 for p in e.places}
    if states and not states & took_part:
        out += sorted(ctx.catalog.actors[c].name for c in states)
    out += [n for n in elsewhere(cand, e, ctx) if n not in out]
    out += [n for n in _other_end(cand, e, ctx) if n not in out]
    out += [n for n in swapped(cand, e, ctx) if n not in out]
    out += [n for n in unsaid_places(cand, e, ctx) if n not in out]
    out += [n for n in venue_state_swapped(cand, e, ctx) if n not in out]
    out += [d for d in other_duration(text, e) if d not in out]
    out += [v for v in _lifecycle_unsaid(cand, e) if v not in out]
    out += [d for d in other_side(text, e) if d not in out]
    out += [d for d in other_level(text, e) if d not in out]
    if cand.kind not in ("strength", "count", "economic"):  # (those compare their figure)
        out += unsaid_numbers(text, e)
        out += [n for n in conflicting_counts(text, e)
                if n not in out and n.split()[0] not in out]
    people = _people(ctx)
    own = set(re.findall(r"[a-z]{5,}", speaker_of(e))) & people
    cased = plain(text)  # diacritics folded, case kept
    runs = set(re.findall(r"\w+", cased))  # (a name as a whole run of word characters)
    if not own or any(p.capitalize() in runs for p in own):
        # an event of states, or one named after a person the sentence names too
        return out
    speakers = plain(" ".join(a.speaker.text if a.speaker is not None else (a.person or "")
                               for a in cand.facts.attributions))
    # the sentence has someone else say it: a recorded statement of one person does not bear
    # out what the sentence puts in another's mouth ("Defence Minister X said ...")
    from eastflank.claims.resolvers.attribution import (
        TITLE_WORDS,
        speaker_names,
        speaker_parts,
    )

    if e.kind == "statement":
        for a in cand.facts.attributions:
            names = [n for n in speaker_names(*speaker_parts(a, cand.facts.full, cand.facts.end))
                     if n not in TITLE_WORDS]
            if names and not any(n in own or _flat(n) in said for n in names):
                out.append(names[0].title())
                break
    spoken = set(re.findall(r"\w+", speakers))
    for person in sorted(people):  # (in a stable order: the explanation lists them)
        # a surname as a name, capitalised ("Khrenin"), not a word of the same spelling
        name = person.capitalize()
        if name in runs and person not in said and name not in spoken:
            out.append(person.title())
    return out




_MONTH = MONTH_NAME
_NUMBER = re.compile(
    r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(m|bn|k)\b)?"
    r"(?![\w]|-(?!(?:km|kilomet|metre|meter|mile|ton|tonne|kilogram|kg|strong|man|member|"
    r"day|week|month|year|hour|minute|second)\w*\b)|,\d)"
    r"(?:\s*(%|(?:per\s*cent|percent|million|mln|billion|bn|thousand|trillion)\b))?"
    rf"(?!\s*{_MONTH}\b)", re.I)
_SCALE = {"million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3,
          "trillion": 1e12}


_DAY_BEFORE = re.compile(rf"\b{_MONTH}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|–|to|until|till|"
                         rf"through|and)\s*)?$",
                         re.I)
_DAY_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:(?:-|–|to|until|till|through|and)\s*"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?\s*)?(?:of\s+)?{_MONTH}\b", re.I)
"""A month's name just before or after a number: the number is a day of it ("June 16",
"from Sept. 12 to 16", "10-16 September"), not a number near a month ("in June 2022 it
stands 11 metres high")."""


_PARTS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fifth": 5}
_FRACTION = re.compile(r"\b(?:(a|one|two|three)[\s-]+)?(half|halves|thirds?|quarters?|fifths?)"
                       r"\s+of\b", re.I)
"""A share in words ("a third of its armed forces", "two-thirds of", "half of")."""


def _numbers_in(text: str) -> list[tuple[str, float]]:
    """The figures a text states (not years, days of a month, ordinals or designations),
    each with its value scaled by a word that follows it ("1.5 billion")."""
    out = []
    for m in _NUMBER.finditer(text):
        if m.group(1).isdigit() and int(m.group(1)) <= 31 and not (m.group(2) or m.group(3)) \
                and (_DAY_BEFORE.search(text, 0, m.start()) or _DAY_AFTER.match(text, m.end())):
            continue  # a day: "September 10", "from Sept. 12 to 16", "10-16 September"
        if re.search(r"\d[^()]{0,30}\(\s*(?:(?:about|some|almost|nearly|over|around|roughly|"
                     r"approximately|more\s+than|ca\.?)\s+)?(?:US\s*\$|[$€£]|USD\s+|EUR\s+)?$",
                     text[max(0, m.start() - 45):m.start()]):
            continue  # "400 kilometers (249 miles)": a conversion repeats the figure
        raw, word = m.group(1), (m.group(3) or "").lower()
        value = float(raw.replace(",", ""))
        if not word and not m.group(2) and "," not in raw and "." not in raw and \
                1900 <= value <= 2099:
            continue  # a year
        if m.group(2):
            word = {"m": "million", "bn": "billion", "k": "thousand"}[m.group(2).lower()]
        out.append((m.group(0), value * _SCALE.get(word, 1.0)))
    for m in _SPELLED.finditer(text):
        tens = WORD_NUMBERS[m.group(1).lower()]
        unit = WORD_NUMBERS[m.group(2).lower()] if m.group(2) else 0
        scale = _SCALE.get((m.group(3) or "").lower(), 1.0)
        out.append((m.group(0), (tens + unit) * scale))
    for m in _FRACTION.finditer(text):
        if re.search(r"\b(?:first|second|latter|former)\s*$", text[max(0, m.start() - 8):
                                                                  m.start()], re.I):
            continue  # "the first half of 2025": a period
        n = {"a": 1, "one": 1, "two": 2, "three": 3}[m.group(1).lower()] if m.group(1) else 1
        out.append((m.group(0), n / _PARTS[m.group(2).lower().rstrip("s")]))
    return out


_SPELLED = re.compile(
    r"(?<![\w-])(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(one|two|three|four|five|six|seven|eight|nine))?(?![\w-])"
    r"(?:\s+(thousand|million|billion))?", re.I)
"""A figure of ten or more written in words ("eighty", "forty-five thousand")."""


def _bare(raw: str) -> bool:
    """A number without a unit word or sign ("three", "7"), not "6%" or "2bn"."""
    return bool(re.fullmatch(r"[\d.,]+", raw))


_REC_NUMBERS: dict[int, tuple[Event, tuple[float, ...]]] = {}


def _record_numbers(e: Event) -> tuple[float, ...]:
    hit = _REC_NUMBERS.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    values = [v for _, v in _numbers_in(" ".join([e.name, *e.aliases, e.summary]))]
    for f in getattr(e, "figures", []) or []:
        values += [float(x) for x in (f.value, getattr(f, "low", None),
                                      getattr(f, "high", None)) if x is not None]
    _REC_NUMBERS[id(e)] = (e, tuple(values))
    return tuple(values)


_SINGLE = sorted((w for w in WORD_NUMBERS if " " not in w), key=len, reverse=True)
_COUNTED = re.compile(
    r"(?<![\w.,-])(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_SINGLE) + r")\b(?=\s+"
    r"((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*))", re.I)
_COUNT_FILLER = frozenset(tokens("more than less fewer about some around nearly almost new "
                                 "other additional further extra"))


def _counted(text: str) -> list[tuple[float, frozenset[str], str]]:
    """Counts of things a text gives ("eight multinational battlegroups", "19 countries"):
    the value, the stems of the words after it and the words themselves."""
    out = []
    for m in _COUNTED.finditer(text):
        raw = m.group(1).lower()
        value = float(WORD_NUMBERS[raw]) if raw in WORD_NUMBERS else float(
            raw.replace(",", ""))
        if 1900 <= value <= 2099 and raw.isdigit():
            continue  # a year
        after = m.group(2).split()
        if re.match(rf"{_MONTH}\b", m.group(2), re.I) or re.search(
                rf"\b{_MONTH}\.?\s*$", text[max(0, m.start() - 12):m.start()], re.I):
            continue  # a day of a month: "14 July", "July 14"
        if after and after[0].lower() in _SCALE:
            value *= _SCALE[after[0].lower()]  # "200 thousand troops"
            after = after[1:]
        stems = frozenset(tokens(" ".join(after))) - _COUNT_FILLER
        if stems:
            out.append((value, stems, f"{m.group(1)} {m.group(2)}"))
    return out


def conflicting_counts(text: str, e: Event) -> list[str]:
    """Counts the sentence gives that the event's record gives otherwise: the record counts
    the same things (words after the number, or a figure's quantity) with another value and
    never with the sentence's ("eight battlegroups" where it says four; "nine countries"
    where its figure of countries is 19; "four training Su-27" where it gives two, though it
    gives four of something else)."""
    known = _record_numbers(e)
    theirs = [(v, s) for v, s, _ in _counted(" ".join([e.name, *e.aliases, e.summary]))]
    for f in getattr(e, "figures", []) or []:
        if f.value is not None:
            theirs.append((float(f.value), frozenset(tokens(f.quantity.replace("_", " ")))))
    out = []
    for value, stems, said in _counted(text):
        near = [abs(value - w) <= 0.05 * max(abs(w), 1e-9) for w, _ in theirs]
        same = [bool(stems & other) for _, other in theirs]
        if any(n and m for n, m in zip(near, same, strict=True)):
            continue  # the record gives this count of these things
        if not any(m for n, m in zip(near, same, strict=True) if not n):
            continue  # the record counts these things nowhere
        if any(abs(value - k) <= 0.05 * max(abs(k), 1e-9) for k in known) and not stems & {
                st for _, other in theirs for st in other}:
            continue
        out.append(said)
    return out


def counts_said(text: str, e: Event) -> bool:
    """Whether every count ``text`` gives is one the event's record gives of the same things
    (the same value, and a word after it or in the figure's quantity in common): "some 30
    Afghan migrants" where the record says "30 migrants"; not "679 km" of a fence where the
    record gives 679 km of a border."""
    mine = _counted(text)
    if not mine:
        return False
    theirs = [(v, st) for v, st, _ in _counted(" ".join([e.name, *e.aliases, e.summary]))]
    for f in getattr(e, "figures", []) or []:
        if f.value is not None:
            theirs.append((float(f.value), frozenset(tokens(f.quantity.replace("_", " ")))))
    return all(any(abs(v - w) <= 0.05 * max(abs(w), 1e-9) and stems & other
                   for w, other in theirs) for v, stems, _ in mine)


_DURATION = re.compile(
    r"\b(?:(half\s+an?)|(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)"
    r"(?:\s+and\s+a\s+half)?)[\s-]+(minutes?|mins?|hours?|hrs?|days?|weeks?)\b", re.I)
"""A span of time: "about an hour", "30 minutes", "a six-day exercise", "half an hour"."""
_DURATION_MINUTES = {"min": 1, "hou": 60, "hrs": 60, "hr": 60, "day": 1440, "wee": 10080}


def _durations(text: str) -> list[tuple[str, float, bool]]:
    """Spans of time a text gives: (words, minutes, short: minutes or hours)."""
    out = []
    for m in _DURATION.finditer(text):
        unit = m.group(3).lower()
        per = next(v for k, v in _DURATION_MINUTES.items() if unit.startswith(k))
        if m.group(1):
            n = 0.5
        else:
            raw = m.group(2).lower()
            if raw in ("a", "an"):
                n = 1.0
            elif raw[0].isdigit():
                n = float(raw)
            else:
                n = 45.0 if raw == "forty-five" else float(WORD_NUMBERS.get(raw, 0))
            if "and a half" in m.group(0).lower():
                n += 0.5
        if n > 0:
            out.append((m.group(0), n * per, per < 1440))
    return out


_VOTE = re.compile(r"\b(?:vot\w*|cast\s+\w+\s+votes?)\s+(?:\w+\s+)?(in\s+favou?r|for|"
                   r"against)\b|\b(abstain\w*|abstention)\b", re.I)
"""How a vote went: for, against, or an abstention."""


def _sides(text: str) -> set[str]:
    out = set()
    for m in _VOTE.finditer(text):
        side = (m.group(1) or m.group(2) or "").lower()
        out.add("against" if side == "against" else "abstained" if side.startswith(
            "abst") else "for")
    return out


def other_side(text: str, e: Event) -> list[str]:
    """A vote the sentence says went one way where the record says it went another ("voted
    in favour" for a record of a vote against)."""
    mine, theirs = _sides(text), _sides(" ".join([e.name, *e.aliases, e.summary]))
    if mine and theirs and not mine & theirs:
        return [f"voted {'/'.join(sorted(mine))}"]
    return []


def other_duration(text: str, e: Event) -> list[str]:
    """Spans of time the sentence gives where the record gives others of the same scale
    (minutes and hours, or days and weeks), none within a quarter: "jammed for about an hour"
    is not the record's "about 30 minutes". A record that gives no span says nothing of it."""
    theirs = _durations(" ".join([e.name, *e.aliases, e.summary]))
    out = []
    for words, minutes, short in _durations(text):
        same = [v for _, v, s in theirs if s == short]
        if same and not any(abs(minutes - v) <= 0.25 * v for v in same):
            out.append(words)
    return out


def unsaid_numbers(text: str, e: Event) -> list[str]:
    """Figures the sentence states that the event's record states nowhere (name, aliases,
    summary, figures), within 5 %: "64 F-35 jets" is not the order of 32, though the order
    is recorded; a share within the rounding of its last digit. Small bare numbers (below 10)
    are left out: "2 presidents", "3 days"; a share ("6%") is not."""
    known = _record_numbers(e)
    out = []
    for raw, value in _numbers_in(text):
        if value < 10 and _bare(raw):
            continue
        if _SHARE.search(raw):
            # a share is as exact as the coarser of the two figures' last digits, and within
            # 3 % of it: "4.7%" is not the 4.8 % recorded nor a 5 % target, "4%" may be
            # 4.12 %, "65.16%" the 65.2 % recorded
            digits = re.search(r"\d+(?:\.(\d+))?", raw)
            places = len(digits.group(1) or "") if digits else 0
            if not any(abs(value - k) <= 0.5 * 10.0 ** -min(places, _places(k)) + 1e-9
                       and abs(value - k) <= 0.03 * max(abs(k), 1e-9) for k in known):
                out.append(raw)
            continue
        if not any(abs(value - k) <= 0.05 * max(abs(k), 1e-9) for k in known):
            out.append(raw)
    return out


_SHARE = re.compile(r"%|per\s*cent|percent", re.I)


def _places(x: float) -> int:
    """Decimal places of a recorded figure as written (4.8: 1, 65.16: 2, 200: 0)."""
    text = repr(float(x))
    return 0 if text.endswith(".0") or "e" in text else len(text.split(".")[1])


_WHERE_BEFORE = re.compile(
    r"\b(?:in|into|to|from|at|via|with|inside|across|near|towards?|enter(?:s|ed|ing)?|"
    r"reach(?:es|ed)?|arriv(?:e|es|ed|ing)\s+in)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)
"""A locative word just before a state or place: the sentence says the event was there."""


def _party(cand: Candidate, m: Mention, part: set[str | None]) -> bool:
    """Whether a state is named as a party beside one that took part in the event: joined
    by a hyphen ("China-Ukraine talks") or in a list ("Finland, Latvia and Estonia")."""
    full = cand.facts.full
    for other in cand.facts.mentions:
        if other is m or other.kind != "actors" or other.record not in part:
            continue
        lo, hi = (other.span.end, m.span.start) if other.span.end <= m.span.start \
            else (m.span.end, other.span.start)
        if re.fullmatch(r"\s*(?:,|and|,\s*and|&|-|–)\s*", full[lo:hi]):
            return True
    return False


_ROLE = re.compile(r"\b(from|into|to|in|with|across|via|over)\s+(?:the\s+)?$", re.I)


_ROLE_RUN = re.compile(r"\b(from|into|to|in|with|across|via|over)\s+(?:the\s+)?"
                       r"((?:[A-Z][\w'’-]*(?:\s*,\s*|\s+and\s+|\s+or\s+|\s+))+)")
_STATE_NAMES: dict[int, tuple[object, dict[str, str]]] = {}
_ROLES: dict[int, tuple[Event, frozenset[tuple[str, str]]]] = {}


def _state_names(ctx: Context) -> dict[str, str]:
    """Every name and alias of a state (folded, lower case) with its id, once per catalog."""
    hit = _STATE_NAMES.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    out = {fold(n).lower(): a.id for a in ctx.catalog.actors.values() if a.kind == "state"
           for n in (a.name, *a.aliases) if len(n) > 3}
    _STATE_NAMES[id(ctx.catalog)] = (ctx.catalog, out)
    return out


def _roles(e: Event, ctx: Context) -> frozenset[tuple[str, str]]:
    """The (word, state) pairs of an event's name and aliases: "from Belarus", "with Belarus
    and Russia" give ("from", BY), ("with", BY), ("with", RU). (Not its summary, whose
    clauses name states in other roles.)"""
    hit = _ROLES.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    names = _state_names(ctx)
    pairs = set()
    for m in _ROLE_RUN.finditer(plain(" | ".join([e.name, *e.aliases]))):
        run = fold(m.group(2)).lower()
        for n, sid in names.items():
            if n in run and re.search(rf"\b{re.escape(n)}\b", run):
                pairs.add((m.group(1).lower(), sid))
    out = frozenset(pairs)
    _ROLES[id(e)] = (e, out)
    return out


def _other_end(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """A state the sentence gives after "from", "into", "with" ... where the record's name
    gives only other states after the same word ("Russian forces coming from Ukraine"
    is not "coming from Belarus"; "crossings with Ukraine" are not those with Belarus)."""
    out = []
    roles: frozenset[tuple[str, str]] | None = None
    venues = {getattr(ctx.catalog.places.get(p), "country", None) for p in e.places}
    for m in cand.facts.mentions:
        if m.kind != "actors" or m.record in venues or m.adjectival:
            continue  # an adjective, or the state of one of its venues ("to Kaliningrad")
        lead = _ROLE.search(cand.facts.full[max(cand.facts.start, m.span.start - 12):
                                            m.span.start])
        if lead is None:
            continue
        roles = _roles(e, ctx) if roles is None else roles
        word = lead.group(1).lower()
        given = {sid for w, sid in roles if w == word}
        if given and m.record not in given:
            out.append(m.span.text)
    return out


_NAMED_STATES: dict[int, tuple[object, frozenset[str]]] = {}


_SNOWBALL = Stemmer.Stemmer("english")


@lru_cache(maxsize=16384)
def word_forms(text: str) -> dict[str, frozenset[str]]:
    """The words of a text by their four-letter stem (as :func:`keywords` takes them), each as
    its Snowball stem (PyStemmer): what tells "summer" from "summit" under the stem "summ",
    and keeps "signing" and "signed" one word."""
    out: dict[str, set[str]] = {}
    words = re.findall(r"[a-z]{3,}", fold(text))
    for w, stem in zip(words, _SNOWBALL.stemWords(words), strict=True):
        out.setdefault(w[:4], set()).add(stem)
    return {k: frozenset(v) for k, v in out.items()}


def _one_word(a: str, b: str) -> bool:
    """Whether two Snowball stems are of one word: equal, or one opens the other ("creat",
    "creation")."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)))


def same_words(stems: set[str], name: str, forms: dict[str, frozenset[str]]) -> set[str]:
    """The shared stems that stand for the same word in ``name`` and in the text whose
    :func:`word_forms` are ``forms`` (a synonym's stem stands for itself)."""
    theirs = word_forms(name)
    return {st for st in stems if st not in theirs or st not in forms
            or any(_one_word(a, b) for a in theirs[st] for b in forms[st])}


def named_states(e: Event, ctx: Context) -> frozenset[str]:
    """The states an event's name or aliases name, by name or adjective ("Poland launches
    ...", "Belarusian leg of ..."), once per record."""
    hit = _NAMED_STATES.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    run = fold(" | ".join([e.name, *e.aliases])).lower()
    out = frozenset(sid for n, sid in _state_names(ctx).items()
                    if n in run and re.search(rf"\b{re.escape(n)}\b", run))
    _NAMED_STATES[id(e)] = (e, out)
    return out


def swapped(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """States the sentence names in place of the ones the event's name gives: the name
    gives a state the sentence never names, and the sentence names (not as a speaker) a
    state that took no part in the event and that its record never names ("First Tor-M2
    battery for Ukraine" is not the battery for Belarus; "Hungary launches Operation
    Horizon" is not Poland's)."""
    own = named_states(e, ctx)
    said = {m.record for m in cand.facts.mentions if m.kind == "actors"}
    if not own or own & said:
        return []
    record = _flat(" ".join([e.name, *e.aliases, e.summary]))
    part = set(e.actors) | {getattr(ctx.catalog.places.get(p), "country", None)
                            for p in e.places}
    speakers = [(a.speaker.start, a.speaker.end) for a in cand.facts.attributions
                if a.speaker is not None]
    out = []
    for m in cand.facts.mentions:
        actor = ctx.catalog.actors.get(m.record) if m.kind == "actors" else None
        if actor is None or actor.kind != "state" or m.record in part:
            continue
        if any(a <= m.span.start < b for a, b in speakers) or _SAYS_AFTER.match(
                cand.facts.full, m.span.end, cand.facts.end):
            continue  # a state that only speaks of it
        if any(_flat(n) in record for n in (actor.name, *actor.aliases) if len(n) > 3):
            continue
        out.append(m.span.text)
    return out


def _state_lists(text: str, ctx: Context) -> list[frozenset[str]]:
    """The lists of two or more states a text gives ("Lithuania and Poland", "Latvia,
    Lithuania and Estonia"), each as the set of the states' ids."""
    names = {n: sid for n, sid in _state_names(ctx).items()
             if not n.endswith(("ian", "ish", "ese"))}  # (not "Ukrainian and Polish officials")
    pattern = _STATE_LIST.get(id(ctx.catalog))
    if pattern is None or pattern[0] is not ctx.catalog:
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        one = rf"(?:the\s+)?(?:{alt})"
        pattern = (ctx.catalog, re.compile(
            rf"\b{one}(?:\s*,\s*{one})*\s*,?\s+(?:and|or)\s+{one}\b", re.I))
        _STATE_LIST[id(ctx.catalog)] = pattern
    out = []
    for m in pattern[1].finditer(fold(text)):
        ids = frozenset(names[n.lower()] for n in re.findall(
            "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)),
            m.group(0), re.I) if n.lower() in names)
        if len(ids) > 1:
            out.append(ids)
    return out


_STATE_LIST: dict[int, tuple[object, re.Pattern[str]]] = {}


def swapped_in_list(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """States of a list the sentence gives that the record's list of the same states gives
    otherwise: "Lithuania and Latvia" where the record speaks of "Lithuania and Poland" (the
    lists share a state, and the sentence's other state is named nowhere in the record)."""
    record = " ".join([e.name, *e.aliases, e.summary])
    theirs = _state_lists(record, ctx)
    if not theirs:
        return []
    flat = _flat(record)
    out: list[str] = []
    for mine in _state_lists(cand.facts.text, ctx):
        if not any(mine & other and mine - other for other in theirs):
            continue
        for sid in sorted(mine - set().union(*theirs)):
            actor = ctx.catalog.actors[sid]
            if not any(_flat(n) in flat for n in (actor.name, *actor.aliases) if len(n) > 3):
                out.append(actor.name)
    return out


_PLACE_NAME = re.compile(
    r"\b((?:[A-Z][\w'’.-]*\s+){1,3})(?:region|oblast|province|district|training\s+(?:area|"
    r"ground|range)|range|airfield|airports?|air\s+base|airbase|naval\s+base|ports?|county)\b"
    r"|\b(?:region|province|oblast|district|county)\s+of\s+((?:[A-Z][\w'’.-]*\s*){1,3})")
"""A capitalised name with a word of place after it ("the Novgorod region", "the Gaižiūnai
training area")."""

_TARGET_NAME = re.compile(r"\b(?:against|at)\s+([A-Z][a-z][\w'’-]{2,})")
"""A capitalised name after "against" (a strike's target) or "at" (where it happened)."""

_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|from|to|into|around)\s+(?:the\s+)?"
                       r"(?:\w+\s+){0,2}$", re.I)

_OF_PLACE = re.compile(r"\b(?:of|in|at|near|outside|from|to|into|around)\s+(?:the\s+)?"
                       r"(?:[\w'’]+\s+){0,2}$", re.I)
"""Before a name with a word of place, "of" places it too ("the governor of the Volyn
region")."""

NOT_A_PLACE = frozenset({"january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december", "monday",
                        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})

_RECORD_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _record_words(e: Event, ctx: Context) -> frozenset[str]:
    """Word stems of everything an event's record says: its name, aliases, summary and
    note, and the names and aliases of its participants and places."""
    hit = _RECORD_WORDS.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    parts = [e.name, *e.aliases, e.summary, getattr(e, "note", None) or ""]
    for a in e.actors:
        if a in ctx.catalog.actors:
            parts += [ctx.catalog.actors[a].name, *ctx.catalog.actors[a].aliases]
    for p in e.places:
        if p in ctx.catalog.places:
            parts += [ctx.catalog.places[p].name, *ctx.catalog.places[p].aliases]
    out = frozenset(tokens(" ".join(parts)))
    _RECORD_WORDS[id(e)] = (e, out)
    return out


def _town_of(word: str, words: frozenset[str], ctx: Context) -> bool:
    """Whether ``word`` is named after a town the record names ("Borisovsky" range after
    Borisov, which is Barysaw; "Osipovichesky" after Osipovichi): it opens with the name
    or an alias of a gazetteer place (less its last letter, at least six letters) one of
    whose names the record's words hold."""
    folded = fold(word).lower()
    for name, place in _town_names(ctx):
        if folded.startswith(name[:max(6, len(name) - 1)]) and len(folded) > len(name) - 1 \
                and any(set(tokens(n)) <= words for n in (place.name, *place.aliases)
                        if tokens(n)):
            return True
    return False


def _town_names(ctx: Context) -> list[tuple[str, Place]]:
    """Every folded name and alias (of six letters or more) of the gazetteer's places, once
    per catalog."""
    hit = _TOWN_NAMES.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    out = [(fold(n).lower(), p) for p in ctx.catalog.places.values()
           for n in (p.name, *p.aliases) if len(n) >= 6 and re.fullmatch(r"[\w'’-]+", n)]
    _TOWN_NAMES[id(ctx.catalog)] = (ctx.catalog, out)
    return out


_TOWN_NAMES: dict[int, tuple[object, list[tuple[str, Place]]]] = {}


def unsaid_places(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """Places the sentence puts what it says in that the event's record does not name: a
    name with a word of place after a word of place ("in Russia's Novgorod region", "at the
    Gaižiūnai training area"), or a place of the gazetteer after a word of place ("in Minsk")
    when the record gives places of its own and is not an exercise's. A gazetteer place
    within ``match.place_near_km`` of one of the record's places is the record's when named
    as a region ("near Osipovichi, in Mogilev Oblast").
    The record is otherwise of something that happened elsewhere."""
    words = _record_words(e, ctx)
    # a region named as one ("in Russia's Nizhny Novgorod region") may be the region one of
    # the record's places lies in
    regions = words | frozenset(tokens(" ".join(
        ctx.catalog.places[p].admin or "" for p in e.places if p in ctx.catalog.places)))
    known = [x for x in cand.facts.mentions if x.kind == "places"]
    full = cand.facts.full
    out = []
    text = cand.facts.text
    for m in _PLACE_NAME.finditer(text):
        at = cand.facts.start + m.start()
        if not _OF_PLACE.search(text[max(0, m.start() - 30):m.start()]) and not re.search(
                r"[A-Z][\w'’.-]+\s*(?:,|\band|\bor)\s*$", text[max(0, m.start() - 40):m.start()]):
            # the region itself as a subject ("the Donetsk region will be part"); but a
            # name in a list of such names is a place ("its Vilnius and Palanga airports")
            continue
        group = 1 if m.group(1) else 2  # "the Novgorod region", "the province of Rimini"
        for raw in re.findall(r"[A-Z][\w'’.-]*", m.group(group)):
            w = re.sub(r"(?:'s|’s)$", "", raw).rstrip(".")
            if len(w) < 3 or w.lower() in NOT_A_PLACE or w.isupper() or re.fullmatch(
                    _MONTH, w, re.I):
                continue
            if any(x.span.start <= at + m.group(0).find(raw) < x.span.end for x in known):
                continue  # a place of the gazetteer: judged below
            stems = tokens(w)
            if stems and not set(stems) & regions and not _town_of(w, words, ctx):
                out.append(w)
    for m in _TARGET_NAME.finditer(text):
        # a name the gazetteer does not know after "against" or "at" ("used Oreshnik against
        # Kharkiv" is not the strike on Dnipro)
        raw = m.group(1)
        at = cand.facts.start + m.start(1)
        w = re.sub(r"(?:'s|’s)$", "", raw)
        if w.lower() in NOT_A_PLACE or w.isupper() or re.fullmatch(_MONTH, w, re.I) or any(
                x.span.start <= at < x.span.end for x in cand.facts.mentions):
            continue
        stems = tokens(w)
        if stems and not set(stems) & words and not _town_of(w, words, ctx) and w not in out:
            out.append(w)
    if e.kind == "exercise" and e.places:
        # an exercise's record seldom lists every range it used, but a venue in a state
        # where none of its places lies, and that its record names nowhere, is another's
        # ("set sail from Gdynia" for an exercise of Klaipėda; "drills in Kazakhstan" for
        # ranges in Belarus)
        countries = {getattr(ctx.catalog.places.get(p), "country", None) for p in e.places}
        for x in cand.facts.mentions:
            if x.kind not in ("places", "actors") or x.record in e.places or \
                    not _LOCATIVE.search(full[max(cand.facts.start, x.span.start - 30):
                                              x.span.start]):
                continue
            if x.kind == "actors":
                actor = ctx.catalog.actors.get(x.record)
                if actor is None or actor.kind != "state" or x.adjectival:
                    continue
                country, names = x.record, [x.span.text, actor.name, *actor.aliases]
            else:
                place = ctx.catalog.places.get(x.record)
                if place is None:
                    continue
                country, names = place.country, [x.span.text, place.name, *place.aliases]
            if country in countries or any((set(tokens(n)) - _PLACE_WORDS) & words
                                           for n in names):
                continue
            out.append(x.span.text)
    out += [n for n in _town_elsewhere(cand, e, ctx, words) if n not in out]
    if not e.places or e.kind == "exercise":
        return out  # (an exercise's record seldom lists every range it used)
    for x in known:
        if x.record in e.places or not _LOCATIVE.search(
                full[max(cand.facts.start, x.span.start - 30):x.span.start]):
            continue
        place = ctx.catalog.places.get(x.record)
        names = [x.span.text, *([place.name, *place.aliases] if place is not None else [])]
        region = _REGION_AFTER.match(full, x.span.end) is not None
        if any((set(tokens(n)) - _PLACE_WORDS) & words for n in names) or (
                region and place is not None and _near(place, e, ctx)):
            continue
        out.append(x.span.text)
    return out


_TOWN_AFTER = re.compile(r"\b(?:in|at|near|outside|from|to|into|off)\s+(?:the\s+)?"
                         r"((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)")
"""A capitalised name after a word of place ("set sail from Gdynia")."""


_WEEKDAY = "|".join(WEEKDAYS)


def _town_elsewhere(cand: Candidate, e: Event, ctx: Context, words: frozenset[str]
                    ) -> list[str]:
    """Towns outside the gazetteer (:func:`eastflank.claims.cities.city_country`) the sentence
    puts what it says in, in a state where none of the record's places lies: "set sail from
    Gdynia" is not an exercise of Klaipėda, nor a summit "in Berlin" the one held in Paris.
    Only for a record that gives its places."""
    from eastflank.claims.cities import city_country

    if not e.places:
        return []
    countries = {getattr(ctx.catalog.places.get(p), "country", None) for p in e.places}
    known = [(x.span.start, x.span.end) for x in cand.facts.mentions]
    out = []
    for m in _TOWN_AFTER.finditer(cand.facts.text):
        at = cand.facts.start + m.start(1)
        if any(a <= at < b for a, b in known):
            continue  # a place or state of the gazetteer: judged with the records
        name = re.sub(r"['’]s$", "", m.group(1))
        if re.match(rf"(?:{_MONTH}|{_WEEKDAY})\b", name, re.I) or \
                name.split()[0].lower() in NOT_A_PLACE:
            continue  # "in March" is a month, not the town of March
        country = city_country(name) or (city_country(name.split()[-1])
                                         if " " in name else None)
        if country is None or country in countries or set(tokens(name)) & words:
            continue
        out.append(name)
    return out


_VENUE = re.compile(r"\b(in|at|near|from)\s+(?:around\s+)?(?:the\s+)?((?:[A-Z][\w'’.-]*"
                    r"(?:\s+and\s+|,\s+|\s+))*[A-Z][\w'’.-]*)")
"""A capitalised name after a word of place ("in Berlin", "from the Kyiv and Chernihiv")."""


def other_venue(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """Names the sentence gives after "in", "at", "near" or "from" where the event's name
    gives other names after the same word ("signed ... in Munich" is not the purchase
    "in Berlin"; "withdrawn from around Kharkiv" is not "from the Kyiv and Chernihiv
    regions"), and that its record names nowhere."""
    theirs: dict[str, set[str]] = {}
    for m in _VENUE.finditer(" | ".join([e.name, *e.aliases])):
        theirs.setdefault(m.group(1).lower(), set()).update(tokens(m.group(2)))
    if not theirs:
        return []
    words = _record_words(e, ctx)
    states = _state_names(ctx)
    out = []
    for m in _VENUE.finditer(cand.facts.text):
        if not theirs.get(m.group(1).lower()):
            continue
        for raw in re.findall(r"[A-Z][\w'’.-]*", m.group(2)):
            w = re.sub(r"(?:'s|’s)$", "", raw).rstrip(".")
            stems = set(tokens(w))
            if len(w) < 3 or w.lower() in NOT_A_PLACE or w.isupper() or not stems or \
                    fold(w).lower() in states or re.fullmatch(_MONTH, w, re.I):
                continue  # (a state is judged by the state rules)
            if not stems & words:
                out.append(w)
    return out


_ORDINALS = {w: i for i, w in enumerate(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
     "seventeenth", "eighteenth", "nineteenth", "twentieth"], start=1)}
_ORDINAL = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORDINALS) + r"))\s+"
                      r"((?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*)", re.I)


def _ordinals(text: str) -> list[tuple[int, frozenset[str], str]]:
    """Ordinals a text gives with the words after them ("the third battery", "its 5th
    rotation"): the number, the stems of those words and the words themselves."""
    out = []
    for m in _ORDINAL.finditer(text):
        n = int(m.group(1)) if m.group(1) else _ORDINALS[m.group(2).lower()]
        if re.match(rf"(?:of\s+)?{_MONTH}\b", m.group(3), re.I) or re.search(
                rf"\b{_MONTH}\.?\s*$", text[max(0, m.start() - 12):m.start()], re.I):
            continue  # a day of a month: "the 3rd of June", "June 3rd"
        stems = frozenset(tokens(m.group(3))) - _COUNT_FILLER
        if stems:
            out.append((n, stems, m.group(0)))
    return out


def other_ordinal(text: str, e: Event) -> list[str]:
    """Ordinals the sentence gives where the event's record gives another of the same things
    and never the sentence's ("the sixth Tor-M2 battery" is not the record of the third)."""
    theirs = _ordinals(" ".join([e.name, *e.aliases, e.summary]))
    out = []
    for n, stems, said in _ordinals(text):
        same = [k for k, other, _ in theirs if stems & other]
        if same and n not in same:
            out.append(said)
    return out


_COMPASS = {"north": "north", "northern": "north", "south": "south", "southern": "south",
            "east": "east", "eastern": "east", "west": "west", "western": "west"}


_POLITICAL_WEST = re.compile(r"\b(?:the\s+West\b|Western\s+(?:allies|countries|governments|"
                             r"leaders|officials|partners|nations|powers|media|intelligence|"
                             r"sanctions|world|capitals|diplomats|states|analysts|observers)"
                             r"|(?:the\s+)?eastern\s+flank|(?:central\s+and\s+)?eastern\s+europe|"
                             r"(?:middle|far)\s+east|eastern\s+partnership|north\s+atlantic|"
                             r"(?:north|south)\s+korea)",
                             re.I)
"""The West as a side in politics ("Western allies") and regions named by a point of the
compass ("NATO's eastern flank", "Eastern Europe", "the Middle East"), not a part of what the
sentence speaks of."""


def _points(text: str) -> set[str]:
    text = _POLITICAL_WEST.sub(" ", text)
    return {_COMPASS[w] for w in re.findall(r"[a-z]+", fold(text).lower()) if w in _COMPASS}


_FORMATION = re.compile(r"\b(?:command|district|army|corps|fleet|division|brigade|regiment|"
                        r"battalion|squadron)\b", re.I)


def _short(text: str) -> str:
    """Folded lower case with "military district" as "md" ("the Western MD")."""
    return re.sub(r"\bmilitary\s+district\b", "md", fold(text).lower())


def unsaid_records(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """Units and command bodies the sentence names that the event's record names nowhere
    ("the Southern Operational Command comes under the Western Operational Command" is not
    borne out by the order creating the southern one)."""
    words = _record_words(e, ctx)
    said = _short(" ".join([e.name, *e.aliases, e.summary]))
    out = []
    for m in cand.facts.mentions:
        if m.kind not in ("units", "command_bodies") or m.record in (e.id, *e.actors) \
                or not _FORMATION.search(m.span.text):
            continue  # (a title such as "Russian President" names a body too)
        rec = ctx.catalog.get(m.record)
        names = [m.span.text, *([getattr(rec, "name", ""), *(getattr(rec, "aliases", []) or [])]
                                if rec is not None else [])]
        if any(len(n) > 3 and _short(n) in said for n in names):
            continue
        if set(tokens(m.span.text)) <= words:
            continue  # every word of the name is the record's
        out.append(m.span.text)
    return out


def other_direction(cand: Candidate, e: Event) -> list[str]:
    """A point of the compass the sentence gives where the event's record gives only
    others ("the northern leg" of a pipeline whose record speaks of the southern)."""
    theirs = _points(" ".join([e.name, *e.aliases, e.summary]))
    if not theirs:
        return []
    return sorted(_points(cand.facts.text) - theirs)



_PLACE_WORDS = frozenset(tokens("training area ground range region oblast province district "
                                 "airfield air base naval port county city town village "
                                 "military polygon poligon"))
"""Words of a place's name that say what kind of place it is, not which."""

_REGION_AFTER = re.compile(r"\s+(?:region|oblast|province|district|voblast)\b", re.I)
"""A place named as the region around it ("Mogilev Oblast")."""


def _near(place: Place, e: Event, ctx: Context) -> bool:
    """Whether ``place`` lies within ``match.place_near_km`` of one of the event's places."""
    limit = ctx.tolerances.match.place_near_km
    for pid in e.places:
        other = ctx.catalog.places.get(pid)
        if other is not None and distance_km(place.lat, place.lon, other.lat,
                                             other.lon) <= limit:
            return True
    return False


_VENUE_IN = re.compile(r"\b(?:in|into|inside|across|throughout|hosted\s+by)\s+(?:the\s+)?"
                       r"(?:(?:north|south|east|west|central)\w*\s+)?"
                       r"(?:(?-i:[A-Z])[\w'’-]*(?:\s*,\s*|\s+and\s+))*$", re.I)
"""The word that makes a state the venue of what a sentence or record tells ("held in
Serbia", "drills in western Belarus")."""


def venue_states(e: Event, ctx: Context) -> frozenset[str]:
    """The states an event's record holds it in: those of its places, and those its name,
    aliases or summary name after "in" ("ranges in Serbia", "drills in Belarus"). Empty when
    the record gives no venue."""
    hit = _VENUES.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    out = {c for p in e.places if (c := getattr(ctx.catalog.places.get(p), "country", None))}
    said = fold(" | ".join([e.name, *e.aliases, e.summary])).lower()
    for n, sid in _state_names(ctx).items():
        if sid in out or n not in said:
            continue
        if any(_VENUE_IN.search(said[max(0, m.start() - 30):m.start()])
               for m in re.finditer(rf"\b{re.escape(n)}\b", said)):
            out.add(sid)
    _VENUES[id(e)] = (e, frozenset(out))
    return frozenset(out)


_VENUES: dict[int, tuple[Event, frozenset[str]]] = {}
_OPINION = re.compile(r"\b(?:suggest(?:ed|s)|claim(?:ed|s)|argu(?:ed|es)|insist(?:ed|s)|"
                      r"accus(?:ed|es)|speculat(?:ed|es)|doubt(?:ed|s)|hop(?:ed|es)|"
                      r"fear(?:ed|s)|believ(?:ed|es)|think|thinks|thought)\b[^.;]*"
                      r"\bthat\b", re.I)
"""A verb of opinion with its "that" before an event's name: the sentence reports what
someone thought of the event, not the event."""


def opinion_of(cand: Candidate, e: Event) -> bool:
    """Whether the sentence names the event ``e`` (not a statement) after a verb of opinion and
    its "that" ("Peskov suggested that Vejonis might change his view of Zapad-2017"): it
    reports what someone thought of the event, which the event's record does not bear out."""
    if e.kind == "statement":
        return False
    return any(m.kind == "events" and m.record == e.id and _OPINION.search(
        cand.facts.full[cand.facts.start:m.span.start]) for m in cand.facts.mentions)
_APPOSITION = re.compile(r"\s*(?:the|a|an|which|held|staged|conducted)\b", re.I)
"""A clause that describes what the clause before it named ("Union Shield 2015, the joint
exercise held in Belarus")."""


def venue_state_swapped(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """The states the sentence holds the event in ("drills in Kazakhstan"), in the clause
    that names it or an apposition after it, when none of them is a state its record holds
    it in (:func:`venue_states`): a participant or a state the summary names in another role
    is no venue ("with Kazakh troops" in a record of drills in Belarus). Empty when one of
    them is the record's ("in Russia and Belarus" of drills its places put in Belarus), or
    when the record gives no venue."""
    if e.kind == "statement":
        return []
    venues = venue_states(e, ctx)
    if not venues:
        return []
    full = cand.facts.full
    own = [m for m in cand.facts.mentions if m.kind == "events" and m.record == e.id]
    clauses = [(cand.facts.start + c.start(), cand.facts.start + c.end())
               for c in re.finditer(r"[^,;]+", cand.facts.text)]
    if own:  # the clause that names the event (and an apposition after it), not another
        keep = [i for i, c in enumerate(clauses) if any(c[0] <= m.span.start < c[1] for m in own)]
        keep += [i + 1 for i in keep if i + 1 < len(clauses) and _APPOSITION.match(
            full, clauses[i + 1][0])]
        clauses = [clauses[i] for i in sorted(set(keep))]
    given = []
    for m in cand.facts.mentions:
        if m.kind != "actors" or not any(a <= m.span.start < b for a, b in clauses):
            continue
        actor = ctx.catalog.actors.get(m.record)
        if actor is None or actor.kind != "state" or _SAYS_AFTER.match(full, m.span.end,
                                                                        cand.facts.end):
            continue
        if m.adjectival:
            continue  # "Belarusian", "German": whose, not where
        if _VENUE_IN.search(full[max(cand.facts.start, m.span.start - 40):m.span.start]):
            given.append(m)
    if any(m.record in venues for m in given):
        return []  # one of the states the sentence holds it in is the record's
    return [m.span.text for m in given]


def elsewhere(cand: Candidate, e: Event, ctx: Context) -> list[str]:
    """States and places the sentence names that have no part in the event: not among its
    participants, places or the states of its places, and not in its name, aliases or
    summary ("Large Wagner convoy enters Ukraine" is not the convoy that entered Belarus).
    A state that only speaks ("Lithuania said ...") or a speaker is not counted, nor a place
    in a state that took part."""
    said = _flat(" ".join([e.name, *e.aliases, e.summary]))
    countries = {getattr(ctx.catalog.places.get(p), "country", None) for p in e.places}
    part = {e.id, *e.actors, *e.places} | countries
    speakers = [(a.speaker.start, a.speaker.end) for a in cand.facts.attributions
                if a.speaker is not None]
    out: list[str] = []
    full = cand.facts.full
    for m in cand.facts.mentions:
        if m.kind not in ("actors", "places") or m.record in part:
            continue
        if not _WHERE_BEFORE.search(full[max(cand.facts.start, m.span.start - 40):m.span.start]) \
                and not _party(cand, m, part):
            continue  # where the event happened, not a state or place named on the side
        if m.adjectival and m.kind == "actors":
            continue  # "near the Ukrainian border" says what border, not where
        if any(a <= m.span.start < b for a, b in speakers) or _SAYS_AFTER.match(
                cand.facts.full, m.span.end, cand.facts.end):
            continue
        if m.kind == "actors":
            actor = ctx.catalog.actors.get(m.record)
            if actor is None or actor.kind != "state":
                continue
            names = [actor.name, *actor.aliases]
        else:
            place = ctx.catalog.places.get(m.record)
            if place is None or place.country in e.actors:
                continue  # a place in a state that took part may hold a venue of it
            names = [place.name, *place.aliases]
        if any(_flat(n) in said for n in names if len(n) > 3) or _flat(m.span.text) in said:
            continue
        out.append(m.span.text)
    return out


def _flat(text: str) -> str:
    return re.sub(r"[\s-]+", "", fold(text).lower())


_PEOPLE: dict[int, tuple[object, frozenset[str]]] = {}
_MONARCHS = frozenset({"king", "queen", "prince", "princess", "grand", "duke", "emperor"})
_NOT_PEOPLE = frozenset({"house", "kazakh", "white", "staff", "united", "states", "nations",
                         "union", "european", "ministry", "council"})
"""Words of speakers' names that are not people's names ("White House")."""


def _people(ctx: Context) -> frozenset[str]:
    """Surnames of the speakers of the recorded statements (folded, lower case), once per
    catalog."""
    hit = _PEOPLE.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    names: set[str] = set()
    lower: set[str] = set()  # words written in lower case somewhere: not names
    for e in ctx.catalog.events.values():
        # (not a word of a hyphenated record id a summary may cite)
        lower |= set(re.findall(r"(?<![\w-])[a-z]{5,}(?![\w-])",
                                plain(f"{e.name} {e.summary}")))
    for e in ctx.catalog.events.values():
        # the speaker of a statement, or the person a decision's name opens with ("Muraveiko
        # appointed ...")
        if e.kind not in ("statement", "decision"):
            continue
        words = re.findall(r"[a-z]{5,}", speaker_of(e))
        names |= {w for w in words if w not in _GENERIC_SPEAKER and w not in _NOT_PEOPLE
                  and (e.kind == "statement" or w not in lower)}
    # and the surnames of the people the posts record in office
    for post in ctx.catalog.records.get("posts", {}).values():
        # (a monarch's one name is no surname: "King Willem-Alexander" names no Alexander)
        words = [w for w in plain(post.person).lower().split() if w not in _MONARCHS]
        last = re.findall(r"[a-z]+", words[-1]) if len(words) >= 2 else []
        if last and len(last[-1]) >= 5:
            names.add(last[-1])
    # names of states, places, bodies and units are not people
    for kind in ("actors", "places", "command_bodies", "units", "facilities",
                 "weapon_systems"):
        for r in ctx.catalog.records[kind].values():
            for n in (getattr(r, "name", ""), *getattr(r, "aliases", [])):
                names -= set(re.findall(r"[a-z]{5,}", fold(n).lower()))
    found = frozenset(names)
    _PEOPLE[id(ctx.catalog)] = (ctx.catalog, found)
    return found


_USABLE: dict[tuple[int, frozenset[str]], tuple[object, dict[str, Event]]] = {}


def index_events(ctx: Context) -> None:
    """Build the look-ups of the catalog's usable events once (see :func:`prepare
    <eastflank.claims.check.prepare>`)."""
    _plan_index(_usable_events(ctx))


def _usable_events(ctx: Context) -> dict[str, Event]:
    """The catalog's events with a source besides the seed documents, listed once."""
    key = (id(ctx.catalog), ctx.seed_sources)
    hit = _USABLE.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_USABLE) > 16:
            _USABLE.clear()
        hit = (ctx.catalog, {eid: e for eid, e in ctx.catalog.events.items() if usable(e, ctx)})
        _USABLE[key] = hit
    return hit[1]


_BY_YEAR: dict[tuple[int, frozenset[str], int],
               tuple[object, dict[bool, dict[int, list[tuple[int, Event]]]]]] = {}


def events_dated_near(ctx: Context, dates: Iterable[DateMention], days: int, *,
                      usable_only: bool = True) -> list[Event]:
    """The events (those with a source besides the seeds, or with ``usable_only=False``
    those without) whose period, widened by ``days`` on each side, touches a year of one of
    ``dates``: every event :func:`dates_agree` could accept for them, and few others; usable
    events in date order (ties in catalog order), the others in catalog order. An index by
    year, built once per catalog."""
    key = (id(ctx.catalog), ctx.seed_sources, days)
    hit = _BY_YEAR.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_BY_YEAR) > 16:
            _BY_YEAR.clear()
        slack = dt.timedelta(days=days)
        index: dict[bool, dict[int, list[tuple[int, Event]]]] = {True: {}, False: {}}
        listed = list(ctx.catalog.events.values())
        dated = sorted(range(len(listed)), key=lambda i: listed[i].date)
        for position, i in enumerate(dated):
            e = listed[i]
            is_usable = usable(e, ctx)
            rank = position if is_usable else i
            side = index[is_usable]
            first = (e.date - slack).year
            last = ((e.end_date or e.date) + slack).year
            for year in range(first, last + 1):
                side.setdefault(year, []).append((rank, e))
        hit = (ctx.catalog, index)
        _BY_YEAR[key] = hit
    side = hit[1][usable_only]
    found: dict[int, Event] = {}
    for d in dates:
        last_year = (d.end or d.date).year if d.precision == "day" else d.date.year
        for year in range(d.date.year, last_year + 1):
            for rank, e in side.get(year, ()):
                found[rank] = e
    return [found[r] for r in sorted(found)]


def _resolve_event(cand: Candidate, ctx: Context) -> Outcome:
    tol = ctx.tolerances.event_date
    tolerance = {"days": tol.days, "keyword_share": tol.keyword_share}
    # relative dates ("last year", "on Friday") are resolved from the article's date
    dates = list(cand.facts.dates)
    events = _usable_events(ctx)
    named = [events[m.record] for m in mentions_of(cand, "events") if m.record in events]
    # the year in an event's name ("BALTOPS 2021") is its name, not a date the sentence gives
    spans = [(m.span.start, m.span.end) for m in mentions_of(cand, "events")]
    dates = [d for d in dates if not any(a <= d.span.start and d.span.end <= b
                                         for a, b in spans)]
    if not named and not dates:
        story = _story_event(cand, ctx, events)
        if story is not None:
            return story
    if named:
        # of records sharing a name ("East Shield" names the plan and a later loan), one made
        # by the text's date before one made after it
        day = reference_date(cand, ctx)
        if day is not None and not vocab.FUTURE.search(cand.facts.text):
            limit = day + dt.timedelta(days=tol.days)
            named = sorted(named, key=lambda r: r.date > limit)
        e = named[0]
        if not reports(cand.facts.text, e):
            return unverifiable(f"The sentence does not report {_describe(e)}: it names "
                                "another speaker or turns the other way.",
                                evidence=[evidence_of(e, "events", _describe(e))],
                                tolerance=tolerance)
        if not dates:
            # the sentence names the event and says something of it: what it says of its
            # venues must be the record's (a place named that is not among its places, nor in
            # a state that took part, may be a claim the record does not bear out)
            places = [m for m in cand.facts.mentions if m.kind == "places"
                      and m.record not in e.places
                      and getattr(ctx.catalog.places.get(m.record), "country", None)
                      not in e.actors]
            if places or NEGATION.search(cand.facts.text):
                return unverifiable(
                    f"The event is recorded ({_describe(e)}), but not "
                    + (f"at {', '.join(m.name for m in places)}" if places else
                       "what the negated sentence says of it") + ".",
                    evidence=[evidence_of(e, "events", _describe(e))], tolerance=tolerance)
        m0 = next(m for m in mentions_of(cand, "events") if m.record == e.id)
        own_dates = [d for d in dates if _dates_its_name(d, m0)]
        if own_dates and not any(d.relative for d in own_dates):
            # "In September, the presidents discussed West-2021, which took place from
            # September 10 to 15": the date given with the name is the event's
            dates = own_dates
        if opinion_of(cand, e):
            return unverifiable(
                f"The event is recorded ({_describe(e)}), but the sentence reports an opinion "
                "of it, which its record does not bear out.",
                evidence=[evidence_of(e, "events", _describe(e))], tolerance=tolerance)
        venue = venue_state_swapped(cand, e, ctx)
        if venue and (not dates or any(dates_agree(d, e, tol.days) for d in dates)):
            return unverifiable(
                f"The event is recorded ({_describe(e)}), but its record holds it elsewhere "
                f"than {', '.join(venue)}, where the sentence puts it.",
                evidence=[evidence_of(e, "events", _describe(e))], tolerance=tolerance)
        if not dates or any(dates_agree(d, e, tol.days) for d in dates):
            return Outcome("supported",
                           f"Recorded: {_describe(e)}." if dates else
                           f"The event is recorded: {_describe(e)}.",
                           evidence=[evidence_of(e, "events", _describe(e))],
                           tolerance=tolerance)
        # a date far from the event's name in the sentence may date something else
        near = any(_dates_its_name(d, m0) for d in dates)
        # the date must be the event's own: a verb of taking place, and no announcement,
        # plan or statement the date may belong to instead
        own = bool(_OCCURRED.search(cand.facts.text)) and not (
            _REPORTED.search(cand.facts.text) or _FUTURE.search(cand.facts.text))
        return Outcome("contradicted",
                       f"The dataset dates {e.name} to {e.date.isoformat()}, not "
                       f"{', '.join(d.span.text for d in dates)}.",
                       evidence=[evidence_of(e, "events", _describe(e))], tolerance=tolerance,
                       strength=1.0 if near and own else 0.6)
    typed = typed_event(cand, ctx)
    if typed is not None:
        return typed
    if not dates:
        return own_decision(cand, ctx) or _recent_event(cand, ctx) or unverifiable(
            "No date and no recorded event in the sentence.", tolerance=tolerance)
    words = keywords(cand.facts.text)
    near_words = words | (keywords(cand.context[-1].text) if cand.context else set())
    told = cand.facts.text + " " + (cand.context[-1].text if cand.context else "")
    forms = word_forms(cand.facts.text)
    near_forms = word_forms(told)
    # every event that agrees; the one sharing most of its name's words is taken, and one
    # that leaves out a person or weapon the sentence names yields to the next
    agreeing: list[tuple[float, dt.date, Event, DateMention]] = []
    for e in events_dated_near(ctx, dates, tol.days):
        if not any(dates_agree(d, e, tol.days) for d in dates):
            continue  # (no date of the sentence agrees: it cannot be taken below)
        # each name on its own: a short alias is not diluted by the long name's words
        names = [n for n in [e.name, *e.aliases] if keywords(n)]
        variants = [keywords(n) for n in names]
        if not variants:
            continue
        if not reports(cand.facts.text, e):
            continue
        # an edition of a series ("Okean-2024") is named by its series, not by the words of
        # its kind ("naval strategic exercise")
        series = {w for w, _ in named_years(e.name)}
        if series and not any(re.search(rf"\b{re.escape(w)}", told, re.I) for w in series):
            continue
        # an event that lasted weeks agrees with many a date: its summary words alone do not
        # identify it
        brief = e.end_date is None or (e.end_date - e.date).days <= tol.days
        for d in dates:
            if not dates_agree(d, e, tol.days) or not _at_an_end(d, e, tol.days):
                continue
            pool = near_words if d.precision == "day" else words
            # a stem shared by different words is no shared word ("summer" is not "summit",
            # nor "constructed" a "consignment")
            pool_words = near_forms if d.precision == "day" else forms
            share = max(len(same_words(k & pool, n, pool_words)) / min(len(k), 4)
                        for k, n in zip(variants, names, strict=True))
            need = {"day": tol.keyword_share_day, "month": tol.keyword_share_month,
                    "year": tol.keyword_share}[d.precision]
            summary_hits = len(keywords(e.summary) & words)
            if share >= need or (d.precision == "day" and brief
                                 and summary_hits >= tol.summary_words_day):
                agreeing.append((share, e.date, e, d))
                break
    agreeing.sort(key=lambda t: (-t[0], t[1]))
    withheld: Outcome | None = None
    for share, _, e, d in agreeing:
        # (a unit or command the record does not name is another record's: the decree
        # recreating the districts, not the one on the Northern Fleet of the same day)
        missing = unsaid(cand, e, ctx)
        missing += [n for n in unsaid_records(cand, e, ctx) if n not in missing]
        if missing:
            # (a record that leaves out what the sentence names yields to a plan or a
            # decision of the same words)
            withheld = withheld or unverifiable(
                f"Recorded: {_describe(e)}; the sentence's date {d.span.text!r} agrees, but "
                f"it names {', '.join(missing)}, which the record does not.",
                nearest=[evidence_of(e, "events", _describe(e))], tolerance=tolerance)
            continue
        return Outcome("supported",
                       f"Recorded: {_describe(e)}; the sentence's date "
                       f"{d.span.text!r} agrees and it shares {min(share, 1.0):.0%} of the "
                       f"event's name words (of at most four counted).",
                       evidence=[evidence_of(e, "events", _describe(e))],
                       tolerance=tolerance)
    same_day = _same_day_event(cand, ctx, dates, events) or own_decision(cand, ctx) or \
        planned_event(cand, ctx, dates, events) or withheld
    if same_day is not None:
        return same_day
    named_phrase = cand.extra.get("named")
    seed_only = [e for e in events_dated_near(ctx, dates, tol.days, usable_only=False)
                 if any(dates_agree(d, e, tol.days) for d in dates)]
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
