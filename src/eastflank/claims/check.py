"""Check a text's claims against the dataset and the models: :func:`check_text`."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from typing import Any

from eastflank import __version__
from eastflank.catalog import Catalog
from eastflank.claims import vocab
from eastflank.claims.dates import YEAR_IN_NAME, find_dates, latest_date
from eastflank.claims.detect import Candidate, detect_claims
from eastflank.claims.extract import SentenceFacts, extract
from eastflank.claims.gazetteer import Gazetteer, build_gazetteer
from eastflank.claims.model import CheckResult, Claim, DateMention, Evidence, Span
from eastflank.claims.posts import PostsIndex, find_plural_titled, find_titled, posts_index
from eastflank.claims.reliability import reliability
from eastflank.claims.resolvers import resolve
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    reference_date,
    statement_evidence,
    unverifiable,
)
from eastflank.claims.resolvers.events import named_years
from eastflank.claims.resolvers.match import main_clause, match_statements, refines
from eastflank.claims.retrieval import Retriever
from eastflank.claims.statements import StatementStore, build_statements
from eastflank.claims.text import word_count
from eastflank.claims.tolerances import Tolerances, load_tolerances
from eastflank.errors import UnknownNameError

__all__ = ["apply_policy", "check_text", "gazetteer_for", "prepare", "statements_for"]

_GAZETTEERS: dict[int, tuple[Catalog, Gazetteer]] = {}
_STORES: dict[int, tuple[Catalog, StatementStore, Retriever]] = {}


def statements_for(catalog: Catalog) -> tuple[StatementStore, Retriever]:
    """The statement store of ``catalog`` and its retriever, built once per catalog object."""
    hit = _STORES.get(id(catalog))
    if hit is None or hit[0] is not catalog:
        store = build_statements(catalog)
        _STORES[id(catalog)] = (catalog, store, Retriever(store))
        return store, _STORES[id(catalog)][2]
    return hit[1], hit[2]


def prepare(catalog: Catalog) -> None:
    """Build once what checking against ``catalog`` needs, rather than at the first sentence
    that needs it: the gazetteer, the statement store and its index, the profiles of the
    store's subjects, the people in office, the towns of GeoNames, the unit registry and the
    map with its projections. A
    caller timing :func:`check_text` times the checking alone after this."""
    from eastflank.claims.cities import city_country
    from eastflank.claims.measure import gap_width
    from eastflank.claims.posts import posts_index
    from eastflank.claims.quantities import to_unit
    from eastflank.claims.resolvers.base import keywords
    from eastflank.claims.resolvers.events import index_events
    from eastflank.claims.resolvers.match import index_subjects

    tol = load_tolerances()
    gazetteer_for(catalog, tol)
    store, retriever = statements_for(catalog)
    seeds = frozenset(sid for sid, s in catalog.sources.items() if s.kind == "seed")
    ctx = Context(catalog, tol, None, seeds, store, retriever)
    index_subjects(ctx)
    index_events(ctx)
    posts_index(catalog)
    for e in catalog.events.values():
        # (the words of every event's name and summary, which the event look-ups compare
        # with each sentence's)
        for text in (e.name, e.summary, " ".join([e.name, *e.aliases, e.summary]), *e.aliases):
            keywords(text)
    city_country("")
    to_unit(1.0, "mile", "kilometer")
    gap_width()  # (the map, its projections, and the gap the texts most often measure)


def apply_policy(outcome: Outcome, tol: Tolerances) -> Outcome:
    """Turn a decisive verdict whose evidence is below the policy's threshold into
    ``unverifiable``, keeping the evidence and saying why."""
    threshold = tol.policy.decisive_threshold
    if outcome.verdict == "unverifiable" or outcome.strength >= threshold:
        return outcome
    return unverifiable(
        f"Evidence too weak for a verdict (strength {outcome.strength:.2f} < "
        f"{threshold:.2f}); it would have been {outcome.verdict}: {outcome.explanation}",
        claimed=outcome.claimed, computed=outcome.computed, unit=outcome.unit,
        tolerance={**outcome.tolerance, "decisive_threshold": threshold},
        evidence=outcome.evidence, strength=outcome.strength)


_INTO_STATE = re.compile(r"\b(?:into|entered|entering|enters)\s+(?-i:[A-Z])", re.I)
"""A sentence that says where something went ("fly into Ukraine", "entered Poland")."""


def _details_differ(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support through an event is withdrawn, whichever resolver found it, when the
    sentence gives a detail the record gives otherwise (see
    :mod:`eastflank.claims.resolvers.events`): a state in place of the one its name gives,
    or one state of a list swapped for another (``swapped``, ``swapped_in_list``); a count
    of the same things with another value, another ordinal of the same things, or, when no
    figure was compared, a figure the record states nowhere (``conflicting_counts``,
    ``other_ordinal``, ``unsaid_numbers``); a unit or command it does not name
    (``unsaid_records``); a place it does not name or another venue after the same word
    (``unsaid_places``, ``other_venue``); another point of the compass
    (``other_direction``)."""
    from eastflank.claims.resolvers.events import (
        conflicting_counts,
        figures_of_siblings,
        named_states,
        other_direction,
        other_ordinal,
        other_venue,
        supporting_event,
        swapped,
        swapped_in_list,
        unsaid_numbers,
        unsaid_places,
        unsaid_records,
        venue_state_swapped,
    )

    rec = supporting_event(outcome, ctx)
    if rec is None:
        return outcome
    names = swapped(cand, rec, ctx) or swapped_in_list(cand, rec, ctx)
    if not names and _INTO_STATE.search(cand.facts.text):
        # "drones fly into Ukraine" of drones recorded falling in Romania: another venue
        names = venue_state_swapped(cand, rec, ctx)
    if names:
        own = sorted(ctx.catalog.actors[s].name for s in named_states(rec, ctx))
        return unverifiable(
            f"The nearest record, {rec.name!r}, is of {', '.join(own)}; the sentence names "
            f"{', '.join(names)} instead, so it does not bear the sentence out.",
            nearest=list(outcome.evidence))
    # (a figure compared with the record's speaks for itself, and the sentence's other
    # figures may be of other things; an attribution's figures are its resolver's to judge)
    counts = [] if outcome.claimed is not None or cand.kind == "attribution" else (
        figures_of_siblings(cand, rec, ctx, conflicting_counts(cand.facts.text, rec)
                            + unsaid_numbers(cand.facts.text, rec))
        + other_ordinal(cand.facts.text, rec))
    if counts:
        return unverifiable(
            f"The nearest record, {rec.name!r}, does not give {', '.join(counts)}, which the "
            "sentence states, so it does not bear the sentence out.",
            nearest=list(outcome.evidence))
    named = unsaid_records(cand, rec, ctx)
    if named:
        return unverifiable(
            f"The nearest record, {rec.name!r}, does not name {', '.join(named)}, which the "
            "sentence names, so it does not bear the sentence out.",
            nearest=list(outcome.evidence))
    places = unsaid_places(cand, rec, ctx) + other_venue(cand, rec, ctx)
    if places:
        return unverifiable(
            f"The nearest record, {rec.name!r}, does not name {', '.join(places)}, where the "
            "sentence puts what it says, so it does not bear the sentence out.",
            nearest=list(outcome.evidence))
    points = other_direction(cand, rec)
    if points:
        return unverifiable(
            f"The nearest record, {rec.name!r}, speaks of another part ({', '.join(points)} "
            "is not the one it names), so it does not bear the sentence out.",
            nearest=list(outcome.evidence))
    return outcome




_CLASS = re.compile(r"\b(cruise|ballistic)\s+missiles?\b", re.I)
_CLASS_KINDS = {"cruise": frozenset({"cruise-missile"}),
                "ballistic": frozenset({"ballistic-missile", "irbm"})}


def _misclassed(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support of a sentence that calls a weapon by another class than its record's ("the
    cruise missile 'Oreshnik'", recorded as an intermediate-range ballistic missile) becomes
    a refutation: no system of the weapon's family is of the class the sentence gives."""
    from eastflank.claims.resolvers.sites import family

    if outcome.verdict != "supported" or cand.kind == "attribution":
        return outcome  # (whether a person said it is not what the weapon is)
    for m in cand.facts.mentions:
        if m.kind != "weapon_systems":
            continue
        near = cand.facts.full[max(cand.facts.start, m.span.start - 25):
                               min(cand.facts.end, m.span.end + 20)]
        said = _CLASS.search(near)
        ws = ctx.catalog.weapon_systems.get(m.record)
        if said is None or ws is None:
            continue
        kinds = {ctx.catalog.weapon_systems[i].kind for i in family(ctx.catalog, [ws.id])
                 if i in ctx.catalog.weapon_systems}
        want = _CLASS_KINDS[said.group(1).lower()]
        if kinds & want or not kinds & (_CLASS_KINDS["cruise"] | _CLASS_KINDS["ballistic"]):
            continue
        return Outcome(
            "contradicted",
            f"The sentence calls {m.span.text} a {said.group(1).lower()} missile; the dataset "
            f"records {ws.name} as {ws.kind.replace('-', ' ')}, and no system of its family "
            "as such a missile.",
            evidence=[evidence_of(ws, "weapon_systems", f"{ws.name}: kind {ws.kind}")],
            tolerance={"rule": "weapon class"}, strength=0.9)
    return outcome


def _other_edition(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support through one edition of a series ("Vostok-2014") of a sentence that names
    another edition ("Vostok-2018") is withdrawn, whichever resolver found it: the name is
    the series', the year the edition's."""
    if outcome.verdict != "supported" or not outcome.evidence:
        return outcome
    rec = ctx.catalog.events.get(outcome.evidence[0].record or "")
    if rec is None:
        return outcome
    theirs = named_years(" | ".join([rec.name, *rec.aliases]))
    mine = {(w, y) for w, y in named_years(cand.facts.text)
            if any(w == t for t, _ in theirs)}
    if not mine or mine & theirs:
        return outcome
    return unverifiable(
        f"The nearest record, {rec.name!r}, is of another edition than the sentence names "
        f"({', '.join(sorted(f'{w.title()} {y}' for w, y in mine))}), so it does not bear "
        "the sentence out.", nearest=list(outcome.evidence))


_FORMATION_WORD = re.compile(r"\b(regiment|brigade|division|battalion|squadron|corps|army)s?\b",
                             re.I)


def _other_formation(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support of where a formation stands, or what it belongs to, through a record that
    is no formation of that kind ("the ... Regiment is based at Baltiysk" through the naval
    base at Baltiysk, or through a brigade's record) is withdrawn: the record is of another
    thing than the sentence's subject."""
    if outcome.verdict != "supported" or cand.kind not in ("basing", "relation", "command") \
            or not outcome.evidence:
        return outcome
    said = {m.group(1).lower() for m in _FORMATION_WORD.finditer(cand.span.text)}
    ev = outcome.evidence[0]
    name = (ev.name or "").lower()
    if re.search(r"\bbattle\s*group", name):
        name += " battalion"  # (a battlegroup is a reinforced battalion: "battalion-size")
    if not said or ev.kind not in ("units", "facilities", "places") or any(
            re.search(rf"\b{w}", name) for w in said):
        return outcome
    return unverifiable(
        f"The nearest record, {ev.name!r}, is no {'/'.join(sorted(said))}, which the "
        "sentence speaks of, so it does not bear the sentence out.",
        nearest=list(outcome.evidence))


def _year_ahead(d: DateMention, rec: Any, cand: Candidate) -> bool:
    """Whether ``d`` is the year a budget or plan is for ("the defence budget for 2026") and
    the record was made that year or the year before it."""
    before = cand.facts.full[max(cand.facts.start, d.span.start - 12):d.span.start]
    return d.precision == "year" and re.search(r"\bfor\s+(?:the\s+)?(?:year\s+)?$", before,
                                               re.I) is not None \
        and rec.date.year in (d.date.year - 1, d.date.year)


def _misdated(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support through an event the sentence dates otherwise is withdrawn: the sentence
    gives dates of its own (not relative ones such as "on Friday") and none agrees with the
    event's date or period at its precision ("In December 2020, Estonia signs a contract
    for six HIMARS launchers" is not the contract of 2022), whichever resolver found it.
    A statement and a sentence on what is to come are left alone: their dates may be those
    of what is said or planned ("the border will be fenced by autumn 2022")."""
    from eastflank.claims.resolvers.events import dates_agree, supporting_event

    rec = supporting_event(outcome, ctx)
    if rec is None or rec.kind == "statement" or cand.kind == "attribution" \
            or vocab.FUTURE.search(cand.facts.text):
        return outcome
    named = {(cand.facts.start + m.start(1), cand.facts.start + m.end(1))
             for m in YEAR_IN_NAME.finditer(cand.facts.text)}
    own = [d for d in cand.facts.dates if not d.relative
           and (d.span.start, d.span.end) not in named]
    days = ctx.tolerances.event_date.days
    if not own or any(dates_agree(d, rec, days) or _year_ahead(d, rec, cand) for d in own):
        return outcome
    return unverifiable(
        f"The nearest record, {rec.name!r}, is dated {rec.date.isoformat()}"
        + (f" to {rec.end_date.isoformat()}" if rec.end_date else "")
        + f"; the sentence dates what it says {', '.join(repr(d.span.text) for d in own)}, "
        "so it does not bear the sentence out.", nearest=list(outcome.evidence))


_OCCURS = re.compile(r"\b(?:found(?:ed|ing)|formed|created|established|set\s+up|began|begun|"
                     r"start(?:ed|s)?|arriv(?:ed|es|al)|held|took\s+place|signed|launched|"
                     r"opened|delivered|took\s+delivery|traces?)\b", re.I)
"""Verbs of something that happened at a time (not of a state that holds)."""


def _undated(cand: Candidate, ctx: Context, outcome: Outcome) -> Outcome:
    """A support through a record that carries no date agreeing with the sentence's (a
    unit's garrison, a weapon's operator, a fleet's headquarters) is withdrawn when the
    sentence dates an occurrence to the month or the day ("traces its founding to 18 May
    1696", "began training in Russia on 3 October 2023"): the record says nothing of when
    it happened. A record whose own dates (``valid_from``, ``valid_to``) agree stands."""
    if outcome.verdict != "supported" or cand.kind in ("attribution", "basing") or \
            not outcome.evidence or outcome.claimed is not None:
        return outcome  # (a figure compared is what the support rests on; where a unit
        # stands holds over time, and its resolver judges the time)
    ev = outcome.evidence[0]
    if ev.record is None or ev.record in ctx.catalog.events or ev.kind == "posts":
        return outcome  # (a term of office is judged at the sentence's dates by its resolver)
    named = {(cand.facts.start + m.start(1), cand.facts.start + m.end(1))
             for m in YEAR_IN_NAME.finditer(cand.facts.text)}
    own = [d for d in cand.facts.dates if not d.relative and d.precision in ("day", "month")
           and (d.span.start, d.span.end) not in named]
    if not own or not _OCCURS.search(cand.facts.text):
        return outcome
    try:
        rec = ctx.catalog.get(ev.record)
    except UnknownNameError:
        return outcome  # (a source, not a record)
    for attr in ("valid_from", "valid_to", "date"):
        when = getattr(rec, attr, None)
        if isinstance(when, dt.date) and any(
                d.date.year == when.year and (d.precision == "month" or abs(
                    (d.date - when).days) <= ctx.tolerances.event_date.days)
                and (d.precision == "day" or d.date.month == when.month) for d in own):
            return outcome
    from eastflank.claims.resolvers.events import resolve_event

    dated = resolve_event(cand, ctx)  # the recorded events decide what happened when
    if dated.verdict == "supported":
        return _misdated(cand, ctx, _details_differ(cand, ctx, dated))
    return unverifiable(
        f"The nearest record, {ev.name or ev.record!r}, gives no date; the sentence dates "
        f"what happened {', '.join(repr(d.span.text) for d in own)}, so it does not bear "
        "the sentence out.", nearest=list(outcome.evidence))


_STORY_KINDS = frozenset({"event", "relation", "count", "strength"})
_STORY_BACK = 3
"""How many sentences back an event that bore out a claim is still what the text is about."""
_STORY_SHARE = 0.6
_STORY_FIGURE_SHARE = 0.3
_STORY_WORDS = 3
_AHEAD = re.compile(r"\b(?:will|expected|plann?\w*|scheduled|aims?|targets?|due(?=\s+(?:to\s+"
                    r"(?:be|start|begin|open|close|end|finish|arrive|take)|in|by|for|on)\b))\b",
                    re.I)
"""Words that make a date one a plan is for ("to be ready by the end of 2026", "due to be
completed in 2027"; not "halted due to balloons")."""


def _story_detail(cand: Candidate, ctx: Context, story: dict[int, list[str]]
                  ) -> Outcome | None:
    """A support for a sentence that adds details to an event the text has just spoken of:
    an event that bore out a claim of the ``_STORY_BACK`` sentences before, whose record
    gives every figure the sentence states (one at least, with ``_STORY_FIGURE_SHARE`` of its
    content words, two at least), or ``_STORY_SHARE`` of its content
    words (``_STORY_WORDS`` at least), and names every person, place, unit and body the
    sentence names ("Most of the bunkers will be built in Ida-Virumaa", after the plan was
    named). The sentence must give no date of its own that the record does not bear out,
    and not be negated. Modelling choices (hypothetical); support only."""
    from eastflank.claims.resolvers.base import keywords
    from eastflank.claims.resolvers.events import (
        NEGATION,
        _numbers_in,
        dates_agree,
        unsaid,
        unsaid_numbers,
        unsaid_places,
        unsaid_records,
    )

    text = cand.facts.text
    if NEGATION.search(text):
        return None
    recent = [r for i in range(cand.facts.index - 1, cand.facts.index - 1 - _STORY_BACK, -1)
              for r in story.get(i, [])]
    if not recent:
        return None
    words = keywords(text)
    ahead = _AHEAD.search(text) is not None
    figures = [raw for raw, value in _numbers_in(text) if value >= 10 or not raw.isdigit()]
    for rid in dict.fromkeys(recent):
        e = ctx.catalog.events.get(rid)
        if e is None:
            continue
        if any(not dates_agree(d, e, ctx.tolerances.event_date.days)
               and not (ahead and str(d.date.year) in e.summary)
               for d in cand.facts.dates if not d.relative or d.precision == "day"):
            continue  # (a date the record neither bears nor plans for, a weekday of the
            # article's week among them: another occasion)
        shared = words & keywords(f"{e.name} {e.summary}")
        by_figures = bool(figures) and len(shared) >= max(2, _STORY_FIGURE_SHARE * len(words)) \
            and not unsaid_numbers(text, e)
        by_words = len(shared) >= _STORY_WORDS and len(shared) >= _STORY_SHARE * len(words)
        if not (by_figures or by_words):
            continue
        if unsaid(cand, e, ctx) or unsaid_places(cand, e, ctx) or unsaid_records(cand, e, ctx):
            continue
        why = (f"the figures it states ({', '.join(figures)})" if by_figures else
               f"{len(shared)} of its {len(words)} content words")
        return Outcome("supported",
                       f"The text has just spoken of {e.name} ({e.date}), which a claim "
                       f"before bore out; its record gives {why}, and names what the sentence "
                       "names.", evidence=[evidence_of(e, "events", e.name)],
                       strength=ctx.tolerances.event_date.typed_strength)
    return None


def _leaves_out(cand: Candidate, ctx: Context, ev: Evidence) -> bool:
    """Whether the event a loose match found leaves out a person or designation the sentence
    names (:func:`eastflank.claims.resolvers.events.unsaid`)."""
    from eastflank.claims.resolvers.events import unsaid

    rec = ctx.catalog.events.get(ev.record or "")
    if rec is None:
        return False
    return bool(unsaid(cand, rec, ctx))


_OWN_MEASURE = frozenset({"distance", "flight_time", "warning_time", "gap_width"})
"""Kinds measured by a model (geodesic distance, reach, warning): the statement matcher
does not second-guess them."""


def _refuted(outcome: Outcome) -> bool:
    """Whether a resolver's outcome, turned unverifiable by the policy, would have refuted
    the claim: a weak refutation and a loose support do not add up to a verdict."""
    return "it would have been contradicted" in outcome.explanation or \
        "it would have been outdated" in outcome.explanation


def _with_posts(cands: list[Candidate], facts: list[SentenceFacts],
                index: PostsIndex) -> list[Candidate]:
    """The candidates with, after each sentence's own, a command claim for every person the
    sentence names with an office (:func:`eastflank.claims.posts.find_titled`)."""
    if not index.by_person:
        return cands
    out: list[Candidate] = []
    pending = iter(facts)  # sentences whose office claims are still to be added, in order
    nxt = next(pending, None)

    def flush(upto: int | None) -> SentenceFacts | None:
        f = nxt
        while f is not None and (upto is None or f.index < upto):
            singular = find_titled(f, index)
            named = {t.person for t in singular}
            out.extend(Candidate("command", t.span, f, extra={"post": t})
                       for t in [*singular, *(p for p in find_plural_titled(f, index)
                                              if p.person not in named)])
            f = next(pending, None)
        return f

    for c in cands:
        nxt = flush(c.facts.index)
        out.append(c)
    flush(None)
    return out


_WHOLE_SENTENCE = frozenset({"event", "attribution", "relation"})
"""Kinds whose claim is the sentence as a whole (a figure's claim is the figure alone)."""


def _wrong_office(claims: list[Claim]) -> list[Claim]:
    """A sentence that gives a person an office they never held is not borne out as a whole:
    its event, attribution or relation is no longer ``supported`` (a figure it states is
    still checked on its own)."""
    wrong = [c for c in claims if c.kind == "command" and c.verdict == "contradicted"
             and any(e.kind == "posts" for e in c.evidence)]
    if not wrong:
        return claims
    out = []
    for c in claims:
        bad = next((w for w in wrong if w.sentence.start == c.sentence.start), None)
        if bad is not None and c.kind in _WHOLE_SENTENCE and c.verdict == "supported":
            out.append(c.model_copy(update={
                "verdict": "unverifiable", "nearest": list(c.evidence), "evidence": [],
                "explanation": f"The sentence names {bad.text!r} in an office the posts "
                f"record them never holding ({bad.id}); what else it says would have been "
                f"supported: {c.explanation}"}))
        else:
            out.append(c)
    return out


def gazetteer_for(catalog: Catalog, tolerances: Tolerances | None = None) -> Gazetteer:
    """The gazetteer of ``catalog``, built once per catalog object."""
    tol = tolerances or load_tolerances()
    key = id(catalog)
    hit = _GAZETTEERS.get(key)
    if hit is None or hit[0] is not catalog:
        gaz = build_gazetteer(catalog, min_score=tol.gazetteer.min_score,
                              min_length=tol.gazetteer.min_length)
        _GAZETTEERS[key] = (catalog, gaz)
        return gaz
    return hit[1]


@lru_cache(maxsize=8)
def _seed_sources(catalog_id: int, ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(ids)


def check_text(
    text: str,
    catalog: Catalog,
    article_date: dt.date | None = None,
    *,
    source: str | None = None,
    title: str | None = None,
    tolerances: Tolerances | None = None,
    date_origin: str | None = None,
) -> CheckResult:
    """Find the checkable claims of ``text`` and test each against ``catalog`` and the models.

    Parameters
    ----------
    text
        The article (plain text; see :mod:`eastflank.claims.io` for HTML and PDF).
    catalog
        The dataset (:func:`eastflank.catalog.load_catalog`).
    article_date
        The article's date; claims without their own date are checked at it. When ``None``,
        the latest full date the text mentions is taken (its origin is recorded).
    source, title
        Recorded in the result.
    tolerances
        Tolerances per claim kind (default: the packaged ``tolerances.yaml``).

    Returns
    -------
    CheckResult
        Every claim with its kind, span, verdict, computed value, tolerance and evidence.

    Examples
    --------
    >>> from eastflank.catalog import load_catalog
    >>> r = check_text("The Western Military District moved troops to Minsk.", load_catalog(),
    ...                dt.date(2026, 1, 10))
    >>> [(c.kind, c.verdict) for c in r.claims]
    [('command', 'outdated')]
    """
    with _collector_paused():
        return _check_text(text, catalog, article_date, source=source, title=title,
                           tolerances=tolerances, date_origin=date_origin)


_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although|though)\s+|;\s+")
"""Where a sentence joins clauses that each say something of their own ("Poland invoked
Article 4 ..., but opted not to push for Article 5")."""


def _clauses(cands: Iterable[Candidate]) -> Iterator[Candidate]:
    """Each event told over a whole sentence of coordinated clauses, cut into one claim per
    clause: a clause is borne out or not on its own, and a negation or a figure of one clause
    says nothing of the other. The other clauses are blanked (offsets still hold), and the
    names, figures, dates and attributions found in them left out."""
    for cand in cands:
        text = cand.facts.text
        breaks = list(_CLAUSE_BREAK.finditer(text))
        whole = cand.span.start <= cand.facts.start + 1 and \
            cand.span.end >= cand.facts.start + len(text.rstrip(" .")) - 1
        if cand.kind != "event" or not breaks or not whole:
            yield cand
            continue
        bounds = [(0, breaks[0].start())]
        bounds += [(a.end(), b.start()) for a, b in itertools.pairwise(breaks)]
        bounds.append((breaks[-1].end(), len(text.rstrip(" ."))))
        pieces = [(a, b) for a, b in bounds if len(re.findall(r"\w+", text[a:b])) >= 4]
        if len(pieces) < 2:
            yield cand
            continue
        off = cand.facts.start
        for a, b in pieces:
            def inside(span: Span, a: int = a, b: int = b, off: int = off) -> bool:
                return a <= span.start - off and span.end - off <= b
            kept = "".join(ch if a <= i < b else " " for i, ch in enumerate(text))
            facts = replace(
                cand.facts, text=kept,
                mentions=tuple(m for m in cand.facts.mentions if inside(m.span)),
                quantities=tuple(q for q in cand.facts.quantities if inside(q.span)),
                dates=tuple(d for d in cand.facts.dates if inside(d.span)),
                attributions=tuple(x for x in cand.facts.attributions if inside(x.span)))
            yield replace(cand, facts=facts,
                          span=Span(start=off + a, end=off + b, text=text[a:b]))


def _main_clause_support(cand: Candidate, ctx: Context, tol: Tolerances
                         ) -> tuple[Candidate, Outcome] | None:
    """A support for what the sentence says in its main clause
    (:func:`eastflank.claims.resolvers.match.main_clause`) when the whole sentence found none:
    "Latvia has declared a state of emergency on its border with Belarus, following a surge
    of crossings into Latvia and, in the wake of larger numbers, into Lithuania". Support
    only: what was cut is neither borne out nor refuted. The candidate cut to its main clause
    is returned with the outcome, so that the checks after it judge the same words."""
    main = main_clause(cand)
    if main is None:
        return None
    out = apply_policy(resolve(main, ctx), tol)
    if out.verdict != "supported":
        matched = match_statements(main, ctx)
        if matched is None or matched.verdict != "supported" or \
                matched.strength < tol.policy.decisive_threshold or (
                    matched.evidence and _leaves_out(main, ctx, matched.evidence[0])):
            return None
        out = matched
    return main, out


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one text is checked, and resume it after.

    Checking allocates many small objects at once (sentences, mentions, candidates, cached
    matches); their count sets the collector off again and again, and its full collections walk
    every tracked object of the process (some 300,000, the catalog's records among them),
    though none of them is garbage. Reference counting still frees what is dropped during the
    check; only reference cycles wait until the collector runs again, after the text: one
    collection instead of many (``benchmarks/bench_claims.py`` times the check with it). The
    collector is resumed only if it was running (a caller that paused it keeps it paused)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _check_text(
    text: str,
    catalog: Catalog,
    article_date: dt.date | None,
    *,
    source: str | None,
    title: str | None,
    tolerances: Tolerances | None,
    date_origin: str | None,
) -> CheckResult:
    tol = tolerances or load_tolerances()
    origin = date_origin or ("given" if article_date is not None else "none")
    if article_date is None:
        article_date = latest_date(find_dates(text))
        if article_date is not None:
            origin = "inferred"
    gaz = gazetteer_for(catalog, tol)
    seeds = frozenset(sid for sid, s in catalog.sources.items() if s.kind == "seed")
    store, retriever = statements_for(catalog)
    ctx = Context(catalog, tol, article_date, seeds, store, retriever, title)
    facts = extract(text, gaz, article_date)
    claims: list[Claim] = []
    story: dict[int, list[str]] = {}  # sentence -> events that bore out its claims
    for cand in _clauses(_with_posts(detect_claims(facts), facts, posts_index(catalog))):
        outcome = resolve(cand, ctx)
        if not outcome.keep:
            continue
        outcome = apply_policy(outcome, tol)
        if outcome.verdict == "contradicted" and cand.kind in ("strength", "count"):
            # the sentence names a part of the record the figure was compared with ("the
            # Belarusian part of Zapad-2025"): a figure of that part decides
            part = match_statements(cand, ctx)
            if part is not None and part.strength >= tol.match.name_strength and refines(
                    cand, ctx, part.evidence[0].record if part.evidence else None,
                    [e.record for e in outcome.evidence]):
                outcome = part
        if outcome.verdict == "unverifiable" and cand.kind not in _OWN_MEASURE \
                and not cand.extra.get("adjacency") and not outcome.settled:
            # (which states border which is read from the borders alone: a record that names
            # the places says nothing of it)
            matched = match_statements(cand, ctx)
            if matched is not None and matched.evidence and _leaves_out(cand, ctx,
                                                                        matched.evidence[0]):
                matched = None
            if matched is not None and matched.strength >= tol.policy.decisive_threshold \
                    and (not _refuted(outcome) or matched.strength > max(
                        outcome.strength, tol.match.entity_strength)):
                outcome = matched  # a weak refutation yields only to a surer support
        judged = cand
        if outcome.verdict == "unverifiable" and cand.kind in ("event", "relation") \
                and not outcome.settled:
            main = _main_clause_support(cand, ctx, tol)
            if main is not None:
                judged, outcome = main
        if outcome.verdict == "unverifiable" and cand.kind in _STORY_KINDS \
                and not outcome.settled:
            outcome = _story_detail(cand, ctx, story) or outcome
        outcome = _misclassed(judged, ctx, _undated(judged, ctx, _other_edition(
            judged, ctx, _misdated(judged, ctx, _details_differ(judged, ctx, _other_formation(
                judged, ctx, outcome))))))
        if outcome.verdict == "supported" and cand.kind != "attribution":
            story.setdefault(cand.facts.index, []).extend(
                e.record for e in outcome.evidence if e.kind == "events" and e.record)
        nearest: list[Evidence] = []
        if outcome.verdict == "unverifiable" and outcome.nearest is not None:
            nearest = list(outcome.nearest)
        elif outcome.verdict == "unverifiable" and tol.policy.nearest:
            records = [m.record for m in cand.facts.mentions]
            nearest = [statement_evidence(h.statement) for h in
                       retriever.retrieve(cand.facts.text, records, k=tol.policy.nearest)]
        claims.append(
            Claim(
                id=f"c{len(claims) + 1:03d}",
                kind=cand.kind,
                text=cand.span.text,
                span=cand.span,
                sentence=Span(start=cand.facts.start, end=cand.facts.end,
                              text=cand.facts.text),
                reference_date=reference_date(cand, ctx),
                verdict=outcome.verdict,
                explanation=outcome.explanation,
                claimed=outcome.claimed,
                computed=outcome.computed,
                unit=outcome.unit,
                tolerance=outcome.tolerance,
                evidence=outcome.evidence,
                strength=outcome.strength,
                nearest=nearest,
                quantities=[cand.quantity] if cand.quantity is not None else [],
                mentions=list(cand.facts.mentions),
                dates=list(cand.facts.dates),
                attribution=next((a for a in cand.facts.attributions
                                  if a.span.start == cand.span.start), None)
                if cand.kind == "attribution" else None,
            )
        )
    claims = _wrong_office(claims)
    counts = Counter(c.verdict for c in claims)
    return CheckResult(
        source=source,
        title=title,
        article_date=article_date,
        article_date_origin=origin,
        n_sentences=len(facts),
        n_words=word_count(text),
        claims=claims,
        counts={v: counts.get(v, 0) for v in
                ("supported", "contradicted", "outdated", "unverifiable")},
        dataset_version=__version__,
        reliability=reliability(),
    )
