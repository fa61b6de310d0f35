"""Strength and count claims ("45,000-strong", "almost 9,000 Russian troops", "290 tanks").

The subject is the most specific record named in the sentence: a unit, then an event (an
exercise), then a command body (a grouping), then a facility (a camp), then a place (an
area, a population), then a state. Failing a name, the record whose
name shares the most words with the sentence among those with personnel figures is taken.
Every sourced figure of the subject is compared; the spread of all figures is reported.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import lru_cache
from typing import Any, Literal

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.model import Evidence, Quantity
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    independent_sources,
    keywords,
    mentions_of,
    numbered_units,
    reference_date,
    rounding,
    unverifiable,
)
from eastflank.claims.resolvers.events import NEGATION, speaker_of, subject_state
from eastflank.claims.retrieval import tokens
from eastflank.claims.statements import figure_kind, superseded
from eastflank.claims.text import fold
from eastflank.schema import Event, Record

__all__ = ["resolve_count", "resolve_strength", "siblings"]

_ORDER = ("units", "events", "command_bodies", "facilities", "actors")


_PLANNED_BEFORE = re.compile(r"\b(?:plann\w*|plans?|target\w*|expected\s+to\s+(?:reach|"
                             r"number|grow)|capacity\s+(?:of|for)|authori[sz]ed|to\s+grow\s+to|"

                             r"aim\w*\s+(?:at|for))\b[^.;]{0,40}$", re.I)
_HOLDS_BEFORE = re.compile(r"\b(?:can|could|able\s+to)\s+(?:accommodate|house|hold|host)\b"
                           r"[^.;]{0,25}$", re.I)
"""What a camp or base can take in: its capacity, not the force in it."""
_GROWTH = re.compile(r"\b(?:increas\w*|grow\w*|expand\w*|rais\w*|boost\w*|enlarg\w*)\b",
                     re.I)
_OFFICIAL_CLAIM = re.compile(r"\b(?:official\w*|according\s+to\s+(?:the\s+)?(?:ministry|MoD|"
                             r"Kremlin|government|authorities)|(?:ministry|Kremlin|government)"
                             r"\s+(?:said|says|announced))\b", re.I)
_ESTIMATE_CLAIM = re.compile(r"\b(?:estimat\w*|observers?|intelligence|analysts?|"
                             r"monitor\w*|satellite)\b", re.I)
_KINDS_DEFAULT = frozenset({"official", "estimate", "recorded"})
_PROSPECT_BEFORE = re.compile(r"\b(?:will|would|could|may|might|shall|(?:is|are)\s+"
                              r"(?:expected|due|set|scheduled|going)\s+to|(?:is|are)\s+"
                              r"expected\s+that)\b[^.;]{0,40}$|"
                              r"\b(?:formation|creation|establishment|setting\s+up|to\s+form|"
                              r"to\s+create|to\s+set\s+up)\s+of\b[^.;]{0,60}$", re.I)
_PROSPECT_AFTER = re.compile(r"[^.;\d]{0,20}\d[\d.,]*\s*(?:[\w'’-]+\s+){0,8}?(?:would|will|"
                             r"(?:are|were|is|was)\s+(?:expected|due|set|scheduled|planned)\s+"
                             r"to)\b", re.I)
_PROSPECT_KINDS = frozenset({"planned", "official", "recorded"})
"""A figure in the future or conditional tense, or the size of a force being formed, is a
planned or announced one: compared with planned, official (announced) and plain figures,
never with an observer's estimate."""
_ALL_KINDS = frozenset({"official", "estimate", "recorded", "planned"})
_KIND_WINDOW = 80
"""Characters either side of a figure within which its source's kind is read."""


def claim_kinds(sentence: str, at: int | None = None) -> frozenset[str]:
    """The kinds of figure a claimed number (at offset ``at`` of ``sentence``) may be
    compared with, from the words before it: a planned, target or authorised figure ("plans
    to increase ... to 80,000", "a capacity of 8,000") only with planned ones; a number after
    "from" in a growth ("from 45,000 to 80,000") is the actual one. Otherwise an official
    figure ("officially", "the ministry said") with official or plain recorded figures, an
    estimate ("observers estimated") with estimates or recorded ones, else any actual figure.

    >>> s = "Belarus plans to increase its army from 45,000 to 80,000."
    >>> sorted(claim_kinds(s, s.index("45,000"))), sorted(claim_kinds(s, s.index("80,000")))
    (['estimate', 'official', 'recorded'], ['planned'])
    >>> sorted(claim_kinds("Officially 12,700 troops took part", 11))
    ['official', 'recorded']
    """
    prefix = sentence[: at if at is not None else len(sentence)]
    if _HOLDS_BEFORE.search(prefix):
        # "can accommodate about 8,000": a capacity, planned (built for) or given officially
        return frozenset({"planned", "official"})
    if not re.search(r"\bfrom\s*$", prefix, re.I) and (
            _PLANNED_BEFORE.search(prefix)
            or (re.search(r"\bto\s*$", prefix, re.I) and _GROWTH.search(prefix))):
        return frozenset({"planned"})
    if _PROSPECT_BEFORE.search(prefix) or (at is not None and _PROSPECT_AFTER.match(
            sentence, at)):
        # "will involve", "could number up to", "13,000 troops would take part": announced
        return _PROSPECT_KINDS
    # who gave the figure is said near it: "Minsk estimated 13,000 ..., far below the 200,000
    # who took part in Zapad-2021" does not make the 200,000 an estimate
    near = sentence if at is None else sentence[max(0, at - _KIND_WINDOW):at + _KIND_WINDOW]
    if re.search(r"\bestimat\w*", near, re.I):
        return frozenset({"estimate", "recorded"})  # "officials estimated": an estimate
    if _OFFICIAL_CLAIM.search(near):
        return frozenset({"official", "recorded"})
    if _ESTIMATE_CLAIM.search(near):
        return frozenset({"estimate", "recorded"})
    return _KINDS_DEFAULT


def _claimed_values(rec: Any) -> set[float]:
    """Values that only claims back: every figure of the value has status ``claimed`` and is
    not an official figure (an announced total counts as official)."""
    figs = [f for f in getattr(rec, "figures", []) if f.value is not None]
    weak = {f.value for f in figs if f.status.value == "claimed"
            and figure_kind(f) != "official"}
    strong = {f.value for f in figs if f.value not in weak or f.status.value != "claimed"}
    return {v for v in weak if v not in strong or all(
        f.status.value == "claimed" and figure_kind(f) != "official"
        for f in figs if f.value == v)}


_PART = re.compile(r"\b(?:border|reserve|reservist|territorial|interior|paramilitary|special|"
                   r"airborne|naval|air\s+force|police|guard|volunteer|civilian|contract|"
                   r"conscript)\w*\s+(?:troops|soldiers|personnel|servicemen|forces|guards)\b",
                   re.I)
_SUBSET = re.compile(r"\b(?:of\s+(?:the\s+)?(?:Russian|Belarusian|Ukrainian|Polish|Lithuanian)|"
                     r"(?:Russian|Belarusian|Ukrainian|Polish|Lithuanian|foreign)\s+(?:troops|"
                     r"soldiers|servicemen|personnel|military)|in\s+(?:Belarus|Russia|"
                     r"Kaliningrad))\b", re.I)


_PLAIN = frozenset({"active", "total", "personnel", "troops", "strength", "target", "planned",
                    "peacetime", "authorised", "capacity", "received", "count", "number",
                    "area"})
"""Words of a figure's quantity name that do not narrow what it counts."""


def _qualified(quantity: str, want: tuple[str, ...], text: str | None) -> bool:
    """Whether the sentence names what a figure's quantity narrows its noun to:
    ``tents_removed`` judges "60 tents have been removed", not "the camp has 130 tents";
    ``russian_personnel`` judges "2,500 of them Russian", not the whole exercise."""
    if text is None:
        return True
    words = [w for w in quantity.split("_") if w not in _PLAIN
             and not any(w in x or x in w for x in want) and len(w) > 2]
    stems = {w[:4] for w in re.findall(r"[a-z]{3,}", text.lower())}
    return all(w[:4] in stems for w in words)


@lru_cache(maxsize=256)
def _wanted(unit: str) -> tuple[str, ...]:
    """Words a figure's quantity name holds when it is of ``unit``."""
    return (("personnel", "troops", "strength") if unit == "personnel" else
            (re.sub(r"\s+", "_", unit.rstrip("s")),))


def _values(rec: Any, unit: str, ctx: Context, kinds: frozenset[str] = _KINDS_DEFAULT,
            day: Any = None, text: str | None = None
            ) -> list[tuple[float, float, float, list[str], str]]:
    """(value, low, high, sources, quantity) of the record's figures for ``unit`` of the
    figure ``kinds`` (:func:`eastflank.claims.statements.figure_kind`), not dated after
    ``day``, and (given the sentence ``text``) whose quantity's qualifiers it names."""
    out = []
    want = _wanted(unit)
    for f in getattr(rec, "figures", []):
        if f.value is None or not any(w in f.quantity for w in want):
            continue
        if not _qualified(f.quantity, want, text):
            continue
        if figure_kind(f) not in kinds:
            continue
        if day is not None and f.as_of is not None and f.as_of > day:
            continue  # a figure of a later date does not judge an earlier claim
        until = superseded(f.note)
        if day is not None and until is not None and until <= day:
            continue  # a plan revised before the claim's date no longer holds at it
        sources = independent_sources(f.sources, ctx)
        if sources:
            out.append((f.value, f.low if f.low is not None else f.value,
                        f.high if f.high is not None else f.value, sources, f.quantity))
    if unit == "personnel" and getattr(rec, "personnel", None) and "planned" not in kinds:
        sources = independent_sources(rec.sources, ctx)
        if sources and not any(v[0] == rec.personnel for v in out):
            out.append((float(rec.personnel), float(rec.personnel), float(rec.personnel),
                        sources, "personnel"))
    return out


_ARMY = re.compile(r"\b(?:army|armed\s+forces|military|active|troops|soldiers|"
                   r"servicemen|personnel|strong)\b", re.I)


_WHOLE = re.compile(r"\b(?:army|armed\s+forces|active[- ]duty|military\s+personnel|"
                    r"-strong)\b", re.I)


_GENERIC = frozenset(
    w[
        :4] for w in ["army", "troops", "corps", "brigade", "division", "forces", "force",
        "military", "defence", "defense", "personnel", "soldiers", "unit", "units", "group",
        "guards", "separate", "territorial", "state", "border", "regiment", "battalion",
        "coastal", "exercise", "exercises", "joint", "operational", "strategic", "command",
        "staff", "training", "drills", "manoeuvres", "maneuvers",
    ]
)
"""Words too common in unit names to identify a subject by themselves."""


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _year_agrees(name: str, cand: Candidate, ctx: Context) -> bool:
    """Whether a record named with a year ("Union Shield 2019") may be the one a sentence
    means: the sentence names that year, or names none and is dated in it."""
    years = set(_YEAR.findall(name))
    if not years:
        return True
    said = set(_YEAR.findall(cand.facts.text))
    if said:
        return bool(years & said)
    day = reference_date(cand, ctx)
    return day is not None and str(day.year) in years


_EARLIER = re.compile(r"\b(?:initially|originally|at\s+first|first|earlier|previously|"
                      r"had\s+(?:planned|expected|said|announced))\b", re.I)
"""A figure stated as an earlier one ("officials initially said 13,000 would take part"):
a superseded figure bears it out."""

_THE_EVENT = vocab.THE_EXERCISE

_SERIES = re.compile(r"^(.+?)[\s-]+((?:19|20)\d\d)\b")
_EDITION_DAYS = 365
_EDITION_WORDS = re.compile(r"\b(?:edition|iteration|exercise|drills?|version)\b", re.I)


def _edition(cand: Candidate, ctx: Context, unit: str) -> Any:
    """The edition of an exercise series a sentence names without its own name ("Operation
    Zapad" in a text of September 2017, or "in 2017, ... Operation Zapad": Zapad-2017): the
    series' event of a year the sentence gives, or else held within :data:`_EDITION_DAYS`
    before the claim's date (or starting soon after it), latest first, with a figure of what
    the sentence counts. The sentence does not name the edition, so the
    match may only confirm a figure."""
    day = reference_date(cand, ctx)
    years = {int(y) for y in _YEAR.findall(cand.facts.text)}
    if day is None:
        return None
    text = fold(cand.facts.text)
    if _TAKING_PART.search(cand.facts.text) or _THE_EVENT.search(cand.facts.text):
        # "the actual number of participants": the series named in the sentences before
        text = " ".join([text, *(fold(c.text) for c in cand.context)])
    # "the 2021 edition" in a story about Zapad-2025: the series of the story's exercise
    raw = cand.extra.get("story_events")
    told = [str(r) for r in raw] if isinstance(raw, tuple) else []
    story = next((fold(m.group(1)).strip() for r in told[:1]
                  if (e0 := ctx.catalog.events.get(r)) is not None
                  and (m := _SERIES.match(e0.name)) is not None), None)
    edition_of_story = bool(years) and _EDITION_WORDS.search(cand.facts.text) is not None
    named = [(i, e) for series, (pattern, editions) in _series_index(ctx).items()
             if pattern.search(text) or (edition_of_story and series == story)
             for i, e in editions]
    best = None
    for _, e in sorted(named, key=lambda t: t[0]):
        if (years and e.date.year not in years) or (
                not years and not -60 <= (day - e.date).days <= _EDITION_DAYS):
            continue
        if (_values(e, unit, ctx, _ALL_KINDS, text=cand.facts.text)
                or _sibling_values(e, ctx, unit, cand.facts.text)) and (
                best is None or e.date > best.date):
            best = e
    return best


_SERIES_INDEX: dict[int, tuple[object, dict[str, tuple[re.Pattern[str],
                                                        list[tuple[int, Event]]]]]] = {}


def _series_index(ctx: Context) -> dict[str, tuple[re.Pattern[str], list[tuple[int, Event]]]]:
    """The catalog's editions of exercise series ("Zapad-2021"), by series name (folded, at
    least four letters), each series with the pattern that finds its name in a text and its
    editions with their positions in the catalog: built once per catalog."""
    hit = _SERIES_INDEX.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        index: dict[str, tuple[re.Pattern[str], list[tuple[int, Event]]]] = {}
        for i, e in enumerate(ctx.catalog.events.values()):
            m = _SERIES.match(e.name)
            if m is None or e.kind == "statement":
                continue
            series = fold(m.group(1)).strip()
            if len(series) < 4:
                continue
            entry = index.setdefault(series, (re.compile(rf"\b{re.escape(series)}\b"), []))
            entry[1].append((i, e))
        hit = (ctx.catalog, index)
        _SERIES_INDEX[id(ctx.catalog)] = hit
    return hit[1]


_TAKING_PART = re.compile(r"\b(?:t[ao]k(?:e|es|ing|en)\s+part|participa\w*|involv\w*|"
                          r"engag\w*|will\s+be\s+(?:used|deployed)|arriv\w*)\b", re.I)
"""Words that count what takes part in something: the exercise a story is about."""

_EACH = re.compile(r"\b(?:each|per|every|apiece|an?\s+average\s+of)\b", re.I)
"""A figure of each item ("each tent can accommodate around 20 people"), not a total."""


def _speaker_named(rec: Any, cand: Candidate) -> bool:
    """Whether the sentence names the speaker of a statement record (by a word of five
    letters or more of the speaker's name); a statement without a named speaker passes."""
    words = [w for w in re.findall(r"[a-z]+", speaker_of(rec)) if len(w) >= 5]
    text = fold(cand.facts.text)
    return not words or any(re.search(rf"\b{w}", text) for w in words)


_HAS_VALUES: dict[tuple[int, str, frozenset[str]], tuple[object, bool]] = {}


def _has_values(rec: Any, unit: str, ctx: Context) -> bool:
    """Whether ``rec`` has figures of ``unit`` of any kind (:func:`_values`), kept per record:
    the subject look-ups ask it of every record for every figure."""
    key = (id(rec), unit, ctx.seed_sources)
    hit = _HAS_VALUES.get(key)
    if hit is None or hit[0] is not rec:
        if len(_HAS_VALUES) > 65536:
            _HAS_VALUES.clear()
        # (a record none of whose figures names the unit has none, whatever their kind)
        named = unit == "personnel" or any(w in _quantities(rec) for w in _wanted(unit))
        hit = (rec, named and bool(_values(rec, unit, ctx, _ALL_KINDS)))
        _HAS_VALUES[key] = hit
    return hit[1]


_QUANTITIES: dict[int, tuple[object, str]] = {}


def _quantities(rec: Any) -> str:
    """The quantity names of a record's figures with a value, one a line."""
    hit = _QUANTITIES.get(id(rec))
    if hit is None or hit[0] is not rec:
        if len(_QUANTITIES) > 65536:
            _QUANTITIES.clear()
        hit = (rec, "\n".join(f.quantity for f in getattr(rec, "figures", [])
                               if f.value is not None))
        _QUANTITIES[id(rec)] = hit
    return hit[1]


_VALUED: dict[tuple[int, str, frozenset[str]],
              tuple[object, list[tuple[str, Record, frozenset[str]]]]] = {}


def _valued(ctx: Context, unit: str) -> list[tuple[str, Record, frozenset[str]]]:
    """The records of the first four subject kinds with figures of ``unit``
    (:func:`_has_values`), in catalog order, each with its kind and its name words (generic
    words left out): listed once per catalog and unit."""
    key = (id(ctx.catalog), unit, ctx.seed_sources)
    hit = _VALUED.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_VALUED) > 64:
            _VALUED.clear()
        listed = [(kind, rec, frozenset(keywords(" ".join([rec.name, *rec.aliases])) - _GENERIC))
                  for kind in _ORDER[:4] for rec in ctx.catalog.records[kind].values()
                  if isinstance(rec, Record) and _has_values(rec, unit, ctx)]
        hit = (ctx.catalog, listed)
        _VALUED[key] = hit
    return hit[1]


_ECHELON_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(brigade|division|regiment|battalion|"
                            r"battlegroup|corps)\b")
"""An echelon right after a state's name or adjective ("German brigade", "Bundeswehr
armoured brigade"), at most two lower-case words between."""


def _generic_unit(cand: Candidate, ctx: Context, unit: str) -> Any:
    """The one unit a sentence names by its state and echelon alone ("the German brigade",
    "a 5,000-strong Bundeswehr brigade in Lithuania"): the only unit of that state and echelon
    with a figure of what the sentence counts, stationed in another state the sentence names
    if it names one. Not the sentence's own name for it, so it only bears a figure out."""
    states = [m for m in cand.facts.mentions if m.kind == "actors"
              and getattr(ctx.catalog.actors.get(m.record), "kind", None) == "state"]
    for m in states:
        g = _ECHELON_AFTER.match(cand.facts.full, m.span.end)
        if g is None or g.end() > cand.facts.end:
            continue
        hosts = {x.record for x in states} - {m.record}
        found = []
        for u in ctx.catalog.units.values():
            if u.actor != m.record or u.echelon != g.group(1).lower() or \
                    not _values(u, unit, ctx, _ALL_KINDS):
                continue
            place = ctx.catalog.places.get(u.garrison) if u.garrison else None
            if hosts and getattr(place, "country", None) not in hosts:
                continue
            found.append(u)
        if len(found) == 1:
            return found[0]
    return None


def _subject(cand: Candidate, ctx: Context, unit: str) -> tuple[Any, bool]:
    """The record the number is about, and whether the sentence itself names it."""
    if unit == "population":
        # "Lithuania has 3 million inhabitants and lies between Kaliningrad and ...": the
        # state the sentence is about, not a region it names later
        state = subject_state(cand, ctx)
        actor = ctx.catalog.actors.get(state) if state is not None else None
        if actor is not None and _values(actor, unit, ctx, _ALL_KINDS):
            return actor, True
    for kind in (*_ORDER[:4], "places"):  # a camp's tents, a place's area or population
        for m in mentions_of(cand, kind):
            rec = ctx.catalog.records[kind].get(m.record)
            if rec is not None and _values(rec, unit, ctx, _ALL_KINDS):
                return rec, True
            region = _namesake_region(rec, ctx) if kind == "places" else None
            if region is not None and _values(region, unit, ctx, _ALL_KINDS):
                return region, False  # "Kaliningrad is home to a million": the oblast
    pools = [cand.facts.text]
    if re.search(r"\b[Tt]he\s+(?:brigade|division|regiment|battalion|corps|unit)\b",
                 cand.facts.text):  # "The brigade, expected to reach 5,000 troops": before
        pools += [c.text for c in reversed(cand.context)]
    for pool in pools:
        found = [uid for _, uid in numbered_units(pool, ctx.catalog) if uid]
        for uid in found[:1]:
            unit_rec = ctx.catalog.units[uid]
            if _values(unit_rec, unit, ctx, _ALL_KINDS):
                return unit_rec, True
        if found:
            break
    generic = _generic_unit(cand, ctx, unit)
    if generic is not None:
        return generic, False
    words = keywords(cand.facts.text) - _GENERIC
    best: tuple[float, Any] = (0.0, None)
    subject = subject_state(cand, ctx)
    for kind, rec, names in _valued(ctx, unit):
        if len(names & words) < 2:
            continue  # (too few of its words to be taken below)
        if subject is not None and kind == "events" and \
                subject not in getattr(rec, "actors", []):
            continue  # "Hungary launches Operation Horizon" is not Poland's operation
        if not _year_agrees(rec.name, cand, ctx):
            continue
        if kind == "events" and getattr(rec, "kind", None) == "statement" and \
                not _speaker_named(rec, cand):
            continue  # a statement is the speaker's: another's figure is not in it
        shared = len(names & words)
        # (over at most six of its words: two words of a long descriptive name,
        # "combat aircraft", say little of which record it is)
        share = shared / min(len(names), 6) if names else 0.0
        if shared >= 2 and share > best[0]:
            best = (share, rec)
    if best[0] >= 0.5:
        return best[1], True
    named_event = bool(mentions_of(cand, "events"))
    for kind in ("events", "command_bodies"):
        for m in mentions_of(cand, kind, with_context=True):
            rec = ctx.catalog.records[kind].get(m.record)
            if rec is not None and subject is not None and kind == "events" and \
                    subject not in getattr(rec, "actors", []):
                continue  # another state's operation of the same name
            # only a record with a figure of what the sentence counts ("observation
            # threshold" personnel is not the number of participants), and not one of
            # another year than the sentence gives ("the 2021 edition" after Zapad-2025)
            if rec is not None and (_values(rec, unit, ctx, _ALL_KINDS, text=cand.facts.text)
                                    or (kind == "events" and _sibling_values(
                                        rec, ctx, unit, cand.facts.text))) \
                    and (m in cand.facts.mentions or _year_agrees(rec.name, cand, ctx)):
                return rec, False
    if not named_event and (_THE_EVENT.search(cand.facts.text)
                            or _TAKING_PART.search(cand.facts.text)):
        # "the exercises", "will take part" in a story about one: the event the text named
        # last, even several sentences before
        raw = cand.extra.get("story_events")
        for rid in raw if isinstance(raw, tuple) else ():
            rec = ctx.catalog.events.get(str(rid))
            if rec is not None and (_values(rec, unit, ctx, _ALL_KINDS, text=cand.facts.text)
                                    or _sibling_values(rec, ctx, unit, cand.facts.text)):
                return rec, False
            break
    if not named_event:
        edition = _edition(cand, ctx, unit)
        if edition is not None:
            return edition, False
    if (named_event or _THE_EVENT.search(cand.facts.text)) and unit != "population":
        return None, False  # "the Zapad drills involve tens of thousands": not the army's size
    if unit == "population" or _ARMY.search(cand.facts.text):
        # a state's personnel figures are of its armed forces
        q = cand.quantity
        if q is not None and _PART.search(q.span.text):
            return None, False  # "12,000 border troops" are not the armed forces
        own = [m.record for m in cand.facts.mentions if m.kind == "actors" and q is not None
               and (q.span.start <= m.span.start <= q.span.end + 2
                    or re.fullmatch(r"\s+of\s+(?:the\s+)?", cand.facts.full[q.span.end:
                                                                            m.span.start]))
               and m.adjectival]
        for m in mentions_of(cand, "actors", with_context=True):
            if own and m.record not in own:
                continue  # "9,000 Russian troops ... in Belarus" are not Belarus's army
            rec = ctx.catalog.actors.get(m.record)
            if rec is not None and _values(rec, unit, ctx, _ALL_KINDS):
                return rec, any(m.record == x.record for x in cand.facts.mentions)
    return None, False


_CAP = re.compile(r"\b(?:no|not)\s+more\s+than|\bat\s+most\b|\bmaximum\s+of\b|"
                  r"\bnot\s+(?:to\s+)?exceed\w*|\bunder\b|\bless\s+than\b|\bfewer\s+than\b|"
                  r"\bbelow\b", re.I)
"""A cap the figure must not pass, unlike "up to", which names about the figure itself."""

_STRICT = re.compile(r"\b(?:under|less\s+than|fewer\s+than|below)\b", re.I)
"""A strict upper bound: a figure at or above it does not bear it out."""

_BOUND_FACTOR = 2.0
"""A bound ("more than X") is borne out by a figure up to this many times X; a figure far
beyond it neither bears it out nor refutes it."""

_NAME_SHARE = 0.75
"""Share of a record's name words a sentence must hold for a support-only subject."""


def _named_by_words(cand: Candidate, ctx: Context, unit: str) -> list[Any]:
    """Records with figures of ``unit`` whose full name (or an alias), generic words and
    state names included, the sentence holds at least :data:`_NAME_SHARE` of (three words
    or more): "some 12,000 state border troops" of the State Border Troops of Belarus,
    "9,000 Russian troops ... in Belarus as part of a regional grouping of forces" of the
    Russian contingent of the Regional Grouping of Forces in Belarus. Best share first.

    Such a match is loose (the words may describe something else), so it may only confirm a
    figure, never refute one."""
    words = set(tokens(cand.facts.text))
    ranked: list[tuple[float, int, Any]] = []
    subject = subject_state(cand, ctx)
    for kind, rec, _ in _valued(ctx, unit):
        if subject is not None and kind == "events" and \
                subject not in getattr(rec, "actors", []):
            continue  # "Finland signs a contract" is not Lithuania's contract
        best = (0.0, 0)
        for name in (rec.name, *rec.aliases):
            toks = {t for t in tokens(name) if not t.isdigit() or len(t) == 4}
            if len(toks) < 3:
                continue
            shared = len(toks & words)
            share = shared / len(toks)
            if shared >= 3 and share >= _NAME_SHARE and (share, shared) > best:
                best = (share, shared)
        if best[1]:
            ranked.append((best[0], best[1], rec))
    ranked.sort(key=lambda x: (-x[0], -x[1]))
    return [r for _, _, r in ranked]


_BY_ANOTHER_RECORD = 0.8
"""Evidence strength of a figure found on a record the sentence does not name itself (a part or
announcement of the same exercise, the region named after a town, a record named by most of its
words): it may confirm a claim, never refute one."""


def _confirmed(verdict: Literal["supported", "outdated"], rec: Any, kind: str, value: float,
               unit: str, quantity: str, sources: list[str], why: str, cand: Candidate,
               relative: float) -> Outcome:
    """An outcome from figure ``value`` (``quantity``) of ``rec``, which the sentence does not
    name itself, with strength :data:`_BY_ANOTHER_RECORD`."""
    q = cand.quantity
    assert q is not None
    ev = Evidence(record=rec.id, kind=kind, name=rec.name, value=value, unit=unit,
                  detail=f"{rec.name}: {quantity} = {value:,.0f}", sources=sources)
    return Outcome(verdict, why, q.value, value, unit, {"relative": relative}, [ev],
                   strength=_BY_ANOTHER_RECORD)


def _loose_support(cand: Candidate, ctx: Context, unit: str, relative: float,
                   kinds: frozenset[str], day: Any) -> Outcome | None:
    """A ``supported`` outcome when a record the sentence names by most of its words has a
    figure, of the kind the claim states and valid at its date, that the claim matches;
    else None (the claim stays unverifiable: a loose name match never contradicts)."""
    q = cand.quantity
    assert q is not None
    if NEGATION.search(cand.facts.text):
        return None
    claim_lo = q.low if q.low is not None else q.value
    claim_hi = q.high if q.high is not None else q.value
    for rec in _named_by_words(cand, ctx, unit)[:3]:
        weak = _claimed_values(rec)
        for v, lo, hi, src, qty in _values(rec, unit, ctx, kinds, day, cand.facts.text):
            if v in weak:
                continue
            lo_t, hi_t = lo * (1 - relative), hi * (1 + relative)
            if q.bound == "at-least":
                ok = hi_t >= q.value and lo <= q.value * 3
            elif q.bound == "at-most":
                ok = lo_t <= q.value <= hi_t
            else:
                ok = claim_lo <= hi_t and claim_hi >= lo_t
            if ok:
                return _confirmed(
                    "supported", rec, ctx.catalog.kind_of(rec.id), v, unit, qty, src,
                    f"The sentence names most words of {rec.name}; the claimed "
                    f"{q.value:,.0f} agrees within {relative:.0%} with its sourced {qty} "
                    f"figure of {v:,.0f}.", cand, relative)
    return None


_STATED: dict[int, tuple[object, list[Event]]] = {}

_VAGUE_NOUNS = frozenset({"unit", "object", "item", "piece", "point", "time", "thing", "way",
                          "step", "system", "type", "part", "case", "number"})
"""Nouns that say too little of what is counted for a figure to name it ("two units")."""

_UNDATED_DAYS = 730
_UNDATED_DAYS_PERSONNEL = 366
"""How long before an undated sentence's article a record may state its figure: forces come
and go faster than counts of what happened (modelling choices, hypothetical)."""


def _noun(unit: str) -> str:
    """A count's noun in one form ("drones", "drone" and "UAVs" apart: words differ)."""
    unit = unit.lower()
    return _SYNONYMS.get(unit, re.sub(r"s$", "", unit))


@lru_cache(maxsize=8192)
def _figures_in(text: str) -> tuple[Quantity, ...]:
    """The figures a record's text gives in its own words, read with the parser the
    sentences are read with."""
    from eastflank.claims.quantities import find_quantities

    return tuple(q for q in find_quantities(text) if q.unit not in ("count", "km", "min"))


def _stated_figures(ctx: Context) -> list[Event]:
    """The events whose words may state a figure of fact: a statement's figures are its
    speaker's, and a claimed or hypothetical record's are no evidence."""
    key = id(ctx.catalog)
    held = _STATED.get(key)
    if held is not None and held[0] is ctx.catalog:
        return held[1]
    out = [e for e in ctx.catalog.events.values()
           if e.status not in ("hypothetical", "claimed") and e.kind != "statement"
           and re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve|dozen|hundred|thousand)\b", e.summary, re.I)]
    _STATED[key] = (ctx.catalog, out)
    return out


def _agrees(q: Quantity, theirs: Quantity, relative: float) -> bool:
    """Whether a record's figure bears out the claimed one, bounds read on both sides ("more
    than 55" is not borne out by 55, but by "more than 55" or by 60)."""
    v = theirs.value
    if q.bound == "at-least":
        return (theirs.bound == "at-least" and v >= q.value) or q.value < v <= q.value * 2 or \
            (v == q.value and re.search(r"\bat\s+least\b", q.span.text, re.I) is not None)
    if q.bound == "at-most":
        return q.value * 0.5 <= v <= q.value * (1 + relative)
    lo = (q.low if q.low is not None else q.value) * (1 - relative)
    hi = (q.high if q.high is not None else q.value) * (1 + relative)
    if theirs.bound == "at-most":  # ("about 9,000 will arrive" beside "up to 9,000")
        return q.bound in ("about", "exact") and lo <= v <= hi
    return theirs.bound != "at-least" and lo <= v <= hi


def _stated_in_record(cand: Candidate, ctx: Context, unit: str,
                      relative: float) -> Outcome | None:
    """A ``supported`` outcome when an event that names every state and place the sentence
    names (naming none, the sentence before it) states the claimed figure of the same noun
    in its own words ("Poland says 19 drones crossed into its airspace"), on a date the
    sentence gives or, giving none, in the years before the article; else None. Support
    only: a record's words give what it says, not every figure of the thing."""
    from eastflank.claims.resolvers.events import dates_agree

    q = cand.quantity
    assert q is not None
    if NEGATION.search(cand.facts.text) or cand.kind == "attribution":
        return None
    noun = "personnel" if unit == "personnel" else _noun(unit)
    before = cand.facts.full[max(cand.facts.start, q.span.start - 30):q.span.start]
    if noun in _VAGUE_NOUNS or re.search(r"\w\s+[A-Z][\w-]*\s*$", before):
        return None  # (a number after a name is the name's: "Nord Stream 2 gas pipelines")
    named = {m.record: m.span.text for m in cand.facts.mentions
             if m.kind in ("actors", "places", "units", "command_bodies", "facilities")}
    if not named and cand.context:
        named = {m.record: m.span.text for m in cand.context[-1].mentions
                 if m.kind in ("actors", "places")}
    if not named:
        return None
    dates = [d for d in cand.facts.dates if not d.relative] or list(cand.facts.dates)
    day = ctx.article_date or reference_date(cand, ctx)
    tol = ctx.tolerances.event_date
    window = dt.timedelta(days=_UNDATED_DAYS_PERSONNEL if noun == "personnel"
                          else _UNDATED_DAYS)
    best: tuple[dt.date, Event, Quantity] | None = None
    stem = noun[:-1] if noun.endswith("e") else noun  # ("aircraft", "drone": "drones")
    for e in _stated_figures(ctx):
        own = {e.id, *e.actors, *e.places}
        if not named.keys() & own:
            continue
        said = fold(f"{e.name} {e.summary}").lower()
        if noun != "personnel" and stem.lower() not in said:
            continue
        if any(r not in own and fold(t).lower() not in said for r, t in named.items()):
            continue  # (a state or place the record does not name: another record's)
        if dates:
            if not any(dates_agree(d, e, tol.days) for d in dates):
                continue
        elif day is not None and not (day - window <= e.date
                                      <= day + dt.timedelta(days=tol.days)):
            continue
        for theirs in _figures_in(f"{e.name}. {e.summary}"):
            if _noun(theirs.unit) == noun and _agrees(q, theirs, relative) and \
                    (best is None or e.date > best[0]):
                best = (e.date, e, theirs)
    if best is None:
        return None
    _, e, theirs = best
    ev = Evidence(record=e.id, kind="events", name=e.name, value=theirs.value, unit=unit,
                  detail=f"{e.name} ({e.date}): {theirs.span.text!r}", sources=list(e.sources))
    return Outcome("supported",
                   f"{e.name} ({e.date}), a record of what the sentence names, gives "
                   f"{theirs.span.text!r}, which bears out the claimed {q.span.text.strip()!r}.",
                   q.value, theirs.value, unit, {"relative": relative}, [ev],
                   strength=_BY_ANOTHER_RECORD)


_PART_NAME = re.compile(r"\b(?:leg|part|stage|phase|contingent|segment|component)\b", re.I)


_SIBLINGS: dict[tuple[int, str], tuple[object, list[Any]]] = {}


def siblings(rec: Any, ctx: Context) -> list[Any]:
    """Other records of the same exercise or event as ``rec`` ("Forces of Zapad-2017",
    "Belarusian leg of Zapad-2021", "Minsk announces Zapad-2025 with ..."): events whose name
    holds the series word and the year of ``rec``'s name; listed once per catalog and record."""
    key = _SERIES.match(rec.name) if rec is not None else None
    if key is None:
        return []
    hit = _SIBLINGS.get((id(ctx.catalog), rec.id))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    series, year = fold(key.group(1)).strip(), key.group(2)
    found = [e for e in ctx.catalog.events.values() if e.id != rec.id and year in e.name
             and re.search(rf"\b{re.escape(series)}\b", fold(e.name))]
    if len(_SIBLINGS) > 4096:
        _SIBLINGS.clear()
    _SIBLINGS[(id(ctx.catalog), rec.id)] = (ctx.catalog, found)
    return found


def _qualifiers(quantity: str, unit: str) -> list[str]:
    """Words of a figure's quantity beyond the noun it counts ("russian" of
    ``russian_personnel``; none of ``training_grounds``)."""
    noun = {w[:4] for w in re.findall(r"[a-z]+", unit.lower())} | (
        {"pers", "troo", "stre"} if unit == "personnel" else set())
    return [w for w in quantity.split("_") if w not in _PLAIN and w[:4] not in noun
            and len(w) > 2]


def _only_state_of(part: Any, cand: Candidate, ctx: Context) -> bool:
    """Whether the sentence names no state but the one whose part ``part`` is ("Belarusian
    leg of ...": Belarus)."""
    m = re.match(r"^(\w{5})", part.name)
    states = {x.record for x in cand.facts.mentions if x.kind == "actors"
              and x.record in ctx.catalog.actors and ctx.catalog.actors[x.record].kind == "state"}
    return m is not None and bool(states) and all(
        ctx.catalog.actors[c].name.lower().startswith(m.group(1).lower()) for c in states)


def _other_state_named(quantity: str, cand: Candidate, ctx: Context) -> bool:
    """Whether the figure is of what lies in one state ("training_grounds_in_belarus") and
    the sentence names another state too ("in Russia and Belarus")."""
    parts = quantity.split("_")
    words = {w[:5] for before, w in itertools.pairwise(parts) if before == "in"}
    states = {x.record for x in cand.facts.mentions if x.kind == "actors"
              and x.record in ctx.catalog.actors and ctx.catalog.actors[x.record].kind == "state"}
    own = {c for c in states if ctx.catalog.actors[c].name.lower()[:5] in words}
    return bool(own) and bool(states - own)


def _sibling_values(rec: Any, ctx: Context, unit: str, text: str | None) -> bool:
    return any(_values(e, unit, ctx, _ALL_KINDS, text=text) for e in siblings(rec, ctx))


def _sibling_figure(rec: Any, cand: Candidate, ctx: Context, unit: str, kinds: frozenset[str],
                    day: Any, relative: float) -> Outcome | None:
    """A ``supported`` outcome from another record of the same event (:func:`_siblings`)
    with a figure the claim matches: of a part ("Belarusian leg"), only a figure the sentence
    qualifies as that part does ("2,500 ... Russian": ``russian_personnel``); of an
    announcement of the whole, any figure of the claim's unit. The sibling is not named, so
    this only confirms. A figure superseded before the claim's date makes it ``outdated``."""
    q = cand.quantity
    assert q is not None
    for e in siblings(rec, ctx):
        part = bool(_PART_NAME.search(e.name))
        for v, lo, hi, src, qty in _values(e, unit, ctx, kinds, None, cand.facts.text):
            if part and not (_qualifiers(qty, unit) or _only_state_of(e, cand, ctx)):
                # a part's figure judges a sentence that names the part: by the figure's
                # qualifier ("Russian" personnel) or by naming no other state than the part's
                continue
            if _other_state_named(qty, cand, ctx):
                continue  # "in Russia and Belarus" is not the figure "in_belarus"
            if not lo * (1 - relative) <= q.value <= hi * (1 + relative):
                continue
            gone = {f.value: until for f in getattr(e, "figures", [])
                    if day is not None and (until := superseded(f.note)) is not None
                    and until <= day}
            if v in gone and not _EARLIER.search(cand.facts.text):
                return _confirmed(
                    "outdated", e, "events", v, unit, qty, src,
                    f"The claimed {q.value:,.0f} agrees with the {qty.replace('_', ' ')} of "
                    f"{e.name} ({v:,.0f}), which held until "
                    f"{gone[v] - dt.timedelta(days=1)}, no longer at {day}.", cand, relative)
            return _confirmed(
                "supported", e, "events", v, unit, qty, src,
                f"The claimed {q.value:,.0f} agrees within {relative:.0%} with the "
                f"{qty.replace('_', ' ')} of {e.name}"
                + (f", a part of {rec.name} the sentence qualifies the figure by."
                   if part else f", a record of {rec.name}."), cand, relative)
    return None


def _namesake_region(rec: Any, ctx: Context) -> Any:
    """The region named after the town ``rec`` in its country (Kaliningrad Oblast for
    Kaliningrad), or None."""
    if rec is None or getattr(rec, "kind", None) == "region":
        return None
    name = fold(rec.name).lower()
    return next((p for p in ctx.catalog.places.values() if p.id != rec.id
                 and p.kind == "region" and p.country == rec.country
                 and fold(p.name).lower().startswith(name + " ")), None)


def _namesake_figure(rec: Any, cand: Candidate, ctx: Context, unit: str, kinds: frozenset[str],
                     day: Any, relative: float) -> Outcome | None:
    """A ``supported`` outcome from the region named after the town ``rec`` ("Kaliningrad is
    home to about a million people": Kaliningrad Oblast), whose figure the claim matches
    when the town's does not; a text may mean either by the name. Support only."""
    q = cand.quantity
    assert q is not None
    place = _namesake_region(rec, ctx)
    if place is not None:
        for v, lo, hi, src, qty in _values(place, unit, ctx, kinds, day, cand.facts.text):
            if lo * (1 - relative) <= q.value <= hi * (1 + relative):
                return _confirmed(
                    "supported", place, "places", v, unit, qty, src,
                    f"The claimed {q.value:,.0f} agrees within {relative:.0%} with the "
                    f"{qty.replace('_', ' ')} of {place.name}, the region named after "
                    f"{rec.name}, which the text may mean.", cand, relative)
    return None


def _compare(cand: Candidate, ctx: Context, unit: str, relative: float) -> Outcome:
    q = cand.quantity
    assert q is not None
    tolerance = {"relative": relative}
    at = q.span.start - cand.facts.start
    after = re.match(r".{0,25}\w*", cand.facts.text[at:], re.S)  # (whole words: "per" is
    # not "personnel")
    clause = re.split(r"[,;:]", cand.facts.text[:at])[-1] + (after.group() if after else "")
    if _EACH.search(clause):  # from the clause's start to just after the figure
        return unverifiable("The figure is of each item (\"each\", \"per\"), not a total the "
                            "dataset records.", claimed=q.value, unit=unit, tolerance=tolerance)
    rec, named = _subject(cand, ctx, unit)
    kinds = claim_kinds(cand.facts.text, q.span.start - cand.facts.start)
    if rec is not None and not _values(rec, unit, ctx, kinds, text=cand.facts.text):
        # another record the sentence names may hold a figure of the claim's kind (the camp's
        # capacity, where the contingent named first holds only counts of fighters)
        places = {m.record for m in mentions_of(cand, "places")}
        others = [r for kind in (*_ORDER[:4], "places") for m in mentions_of(cand, kind)
                  if (r := ctx.catalog.records[kind].get(m.record)) is not None]
        others += [f for f in ctx.catalog.facilities.values()
                   if getattr(f, "place", None) in places]  # ("the camp at Tsel")
        rec = next((r for r in others if _values(r, unit, ctx, kinds, text=cand.facts.text)),
                   rec)
    day = reference_date(cand, ctx)
    if rec is not None and not _values(rec, unit, ctx, kinds, text=cand.facts.text) and \
            ctx.catalog.kind_of(rec.id) == "events":
        sibling = _sibling_figure(rec, cand, ctx, unit, kinds, day, relative)
        if sibling is not None:
            return sibling
    if rec is not None and not _values(rec, unit, ctx, kinds, text=cand.facts.text):
        other = _values(rec, unit, ctx, frozenset({"official", "estimate", "recorded",
                                                   "planned"}), day)
        return unverifiable(
            f"{rec.name} has {len(other)} sourced {unit} figure(s), none of the kind the "
            f"claim states ({', '.join(sorted(kinds))}); a planned figure is not an actual "
            f"one, nor an official figure an estimate.",
            claimed=q.value, unit=unit, tolerance=tolerance,
            evidence=[Evidence(record=rec.id, kind=ctx.catalog.kind_of(rec.id), name=rec.name,
                               value=v, unit=unit, detail=f"{rec.name}: {qty} = {v:,.0f}",
                               sources=src) for v, _, _, src, qty in other])
    if rec is None:
        loose = _loose_support(cand, ctx, unit, relative, kinds, day) or \
            _stated_in_record(cand, ctx, unit, relative)
        if loose is not None:
            return loose
        return unverifiable(
            f"No record of the dataset named in the sentence has a sourced {unit} figure.",
            claimed=q.value, unit=unit, tolerance=tolerance,
        )
    now = _values(rec, unit, ctx, kinds, day, cand.facts.text)
    values = _values(rec, unit, ctx, kinds, text=cand.facts.text)
    kind = ctx.catalog.kind_of(rec.id)
    evidence = [
        Evidence(record=rec.id, kind=kind, name=rec.name, value=v, unit=unit,
                 detail=f"{rec.name}: {quantity} = {v:,.0f}"
                        + (f" ({lo:,.0f}-{hi:,.0f})" if lo != hi else ""),
                 sources=src)
        for v, lo, hi, src, quantity in values
    ]
    lows = [lo for _, lo, _, _, _ in values]
    highs = [hi for _, _, hi, _, _ in values]
    spread = f"{min(lows):,.0f}" + (f"-{max(highs):,.0f}" if max(highs) != min(lows) else "")
    claim_lo = q.low if q.low is not None else q.value
    claim_hi = q.high if q.high is not None else q.value
    matched = None
    strength = 1.0
    beyond = False
    for pool, weight in ((now, 1.0), (values, 0.8)):
        for v, lo, hi, _, _ in pool:
            lo_t, hi_t = lo * (1 - relative), hi * (1 + relative)
            if q.bound == "at-least":  # "more than 13,000": not a figure many times over
                ok = hi_t >= q.value and lo <= q.value * _BOUND_FACTOR
                beyond = beyond or hi_t >= q.value
            elif q.bound == "at-most" and _CAP.search(q.span.text):
                # "no more than 12,000": a figure above the cap (beyond its rounding) is not
                # within it, however near
                ok = q.value * 0.5 <= hi <= q.value * (1 + max(rounding(q.value), 0.01))
            elif q.bound == "at-most":  # "up to 200,000": the figure is near the cap
                ok = lo_t <= q.value <= hi_t or q.value * 0.5 <= hi <= q.value * (1 + relative)
            else:
                ok = claim_lo <= hi_t and claim_hi >= lo_t
            if ok:
                matched = v
                break
        if matched is not None:
            strength = weight  # a figure dated after the claim supports it less surely
            if matched in _claimed_values(rec):
                strength *= 0.5  # a figure that is itself only a claim confirms nothing
            break
    if matched is None and kind == "events":
        sibling = _sibling_figure(rec, cand, ctx, unit, kinds, day, relative)
        if sibling is not None:
            return sibling
    if matched is None and kind == "places":
        region = _namesake_figure(rec, cand, ctx, unit, kinds, day, relative)
        if region is not None:
            return region
    if matched is None:
        # a contradiction needs a figure valid at the claim's date, and for a state's armed
        # forces a sentence that speaks of the whole army
        strength = 1.0 if now else 0.6
        pol = ctx.tolerances.policy
        dated = [f.as_of for f in getattr(rec, "figures", []) if f.value in {v for v, *_ in now}]
        stale = pol.stale_days if kind in ("units", "facilities") else pol.stale_days_forces
        if kind != "events" and day is not None and dated and all(
                d is not None and (day - d).days >= stale for d in dated):
            # 298 tents in June, 130 in September; an army's strength of years before
            strength = min(strength, pol.stale_strength)
        if kind == "actors" and not _WHOLE.search(cand.facts.text):
            strength = min(strength, 0.7)
        if kind in ("events", "command_bodies", "actors") and (
                _SUBSET.search(cand.facts.text) or _PART.search(cand.facts.text)):
            # "2,500 Russian servicemen in Belarus", "4,000 airborne personnel" of an
            # exercise: the sentence names a part, not the whole the record counts
            strength = min(strength, 0.6)
        weak = _claimed_values(rec)
        if all(v in weak for v, *_ in (now or values)):
            # a figure that is itself only a claim (a deserter's "about 15 launchers")
            # refutes nothing, as it confirms nothing
            strength = min(strength, 0.5)
        stated = kinds - {"recorded"}
        if kinds != _KINDS_DEFAULT and not _values(rec, unit, ctx, frozenset(stated), day,
                                                   cand.facts.text):
            # the claim says which figure it is (an estimate, an official or a planned one):
            # only a figure of that kind refutes it, not one whose kind is not recorded
            strength = min(strength, 0.6)
    what = f"{rec.name} ({spread} in {len(values)} sourced figure{'s' * (len(values) > 1)})"
    if matched is not None and q.bound == "at-most" and _STRICT.search(q.span.text):
        figs = [v for v, *_ in (now or values)]
        if any(v >= q.value for v in figs) and any(v < q.value for v in figs):
            return unverifiable(
                f"The sourced figures for {what} lie on both sides of the claimed bound "
                f"({q.span.text.strip()}); none decides it.",
                claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    gone = {f.value: until for f in getattr(rec, "figures", [])
            if day is not None and (until := superseded(f.note)) is not None and until <= day}
    if matched is not None and matched in gone and not any(
            v == matched for v, *_ in now):
        last = gone[matched] - dt.timedelta(days=1)
        if _EARLIER.search(cand.facts.text[:max(0, q.span.start - cand.facts.start)]):
            return Outcome("supported",
                           f"The sentence gives {q.value:,.0f} as an earlier figure, and "
                           f"{matched:,.0f} for {what} held until {last}.",
                           q.value, matched, unit, tolerance, evidence,
                           strength=0.5 if matched in _claimed_values(rec) else 1.0)
        return Outcome("outdated",
                       f"The claimed {q.value:,.0f} agrees with a figure of {matched:,.0f} for "
                       f"{what}, which held until {last}, no longer at {day}.",
                       q.value, matched, unit, tolerance, evidence,
                       strength=0.5 if matched in _claimed_values(rec) else 1.0)
    if matched is not None:
        return Outcome("supported",
                       f"The claimed {q.value:,.0f} agrees within {relative:.0%} with a sourced "
                       f"figure of {matched:,.0f} for {what}.",
                       q.value, matched, unit, tolerance, evidence, strength=strength)
    if matched is None and beyond:
        # "more than 13,000" where the figure is 100,000: true as a bound, but the text may
        # mean another figure (a plan, a part); neither borne out nor refuted
        return unverifiable(
            f"The claimed lower bound of {q.value:,.0f} holds for {what}, but far below it; "
            f"the sentence may mean another figure.",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    nearest = min((v for v, *_ in values), key=lambda v: abs(v - q.value))
    if not named:
        loose = _loose_support(cand, ctx, unit, relative, kinds, day)
        if loose is not None:
            return loose
        return unverifiable(
            f"The sentence does not name its subject; the nearest record named before it, "
            f"{what}, does not match {q.value:,.0f} (the sentence may describe a part of it).",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    besides = [o for o in cand.facts.quantities
               if o.span.start != q.span.start and o.unit == q.unit and o.value != q.value]
    if any(lo * (1 - relative) <= o.value <= hi * (1 + relative)
           for o in besides for _, lo, hi, _, _ in values):
        # "at least 19 drones entered Polish airspace during an assault of 415 drones": the
        # sentence gives the record's figure for one thing and counts another with this one
        return unverifiable(
            f"Another number of the sentence agrees with {what}; the claimed "
            f"{q.value:,.0f} counts something else.",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    if not _named_here(cand, rec, ctx) and strength > 0.5:
        # (a figure that is only a claim is weighed as such above)
        # a record found by some of its words, a story or an edition, not named by the
        # sentence: its figure may be another edition's or the whole of which the sentence
        # counts a part ("4,700 troops" of Saber Strike 2014 against the 11,000 of 2017;
        # "Enhanced Forward Presence" is not its battlegroup in Lithuania)
        return unverifiable(
            f"The claimed {q.value:,.0f} is outside {relative:.0%} of every sourced figure for "
            f"{what}, but the sentence neither names nor dates that record, so it is not "
            "refuted.",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    if len(values) > 1 and min(lows) < claim_lo and claim_hi < max(highs) and len(
            {f.as_of for f in getattr(rec, "figures", [])}) > 1:
        # 1,350 between the 1,000 at stand-up and the 1,600 of a later rotation: a figure of
        # a date between them, not refuted
        return unverifiable(
            f"The claimed {q.value:,.0f} lies between sourced figures of different dates for "
            f"{what}; none of its date refutes it.",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    capped = q.bound == "at-most" and _CAP.search(q.span.text) is not None
    return Outcome("contradicted",
                   f"The claimed cap of {q.value:,.0f} ({q.span.text.strip()}) is passed by "
                   f"every sourced figure for {what}." if capped and min(lows) > q.value else
                   f"The claimed {q.value:,.0f} is outside {relative:.0%} of every sourced "
                   f"figure for {what}.",
                   q.value, nearest, unit, tolerance, evidence, strength=strength)


def _named_here(cand: Candidate, rec: Any, ctx: Context) -> bool:
    """Whether the sentence names the record (a name the gazetteer finds, a numbered
    formation), or, for an event, gives a date that agrees with it."""
    if any(m.record == rec.id for m in cand.facts.mentions):
        return True
    if any(uid == rec.id for _, uid in numbered_units(cand.facts.text, ctx.catalog)):
        return True
    return ctx.catalog.kind_of(rec.id) == "events" and _dated_to(cand, rec, ctx)


def _dated_to(cand: Candidate, rec: Any, ctx: Context) -> bool:
    """Whether a date the sentence gives (not one resolved from the article's) agrees with
    the event's."""
    from eastflank.claims.resolvers.events import dates_agree

    return any(not d.relative and dates_agree(d, rec, ctx.tolerances.event_date.days)
               for d in cand.facts.dates)


def resolve_strength(cand: Candidate, ctx: Context) -> Outcome:
    """Check a personnel strength against the sourced figures of its subject."""
    return _compare(cand, ctx, "personnel", ctx.tolerances.strength.relative)


def resolve_count(cand: Candidate, ctx: Context) -> Outcome:
    """Check a count of things against sourced figures of the same noun."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.count
    relative = tol.hedged_relative if q.bound in ("about", "vague") else tol.relative
    relative = max(relative, min(rounding(q.value), tol.hedged_relative))
    if cand.extra.get("noun") == "population" or q.unit == "inhabitants":
        # ("a country of 3 million inhabitants": its population)
        return _compare(cand, ctx, "population", relative)
    unit = q.unit
    if unit in _MEASURE_WORDS:
        # "800 pieces of military hardware": the noun is what the pieces are of
        of = re.match(r"\s+of\s+((?:military\s+)?[a-z-]+)", cand.facts.full[q.span.end:
                                                                        cand.facts.end])
        if of is not None:
            unit = f"{unit} of {of.group(1)}"
    noun = _SYNONYMS.get(unit, re.sub(r"s$", "", unit))
    return _compare(cand, ctx, noun + "s", relative)


_MEASURE_WORDS = frozenset({"pieces", "units", "items"})
"""Words that count something named after them ("pieces of hardware")."""


_SYNONYMS = {"planes": "aircraft", "jets": "aircraft", "warplanes": "aircraft",
             "units of weaponry": "vehicle", "combat vehicles": "vehicle",
             "units of weapons": "vehicle", "pieces of weaponry": "vehicle",
             "warships": "ship", "vessels": "ship",
             "pieces of military hardware": "vehicle", "armoured vehicles": "vehicle",
             "pieces of hardware": "vehicle", "units of military hardware": "vehicle",
             "pieces of military equipment": "vehicle", "units of military equipment": "vehicle",
             "pieces of equipment": "vehicle", "units of equipment": "vehicle"}
"""Count nouns that name the quantity of a figure under another word."""
