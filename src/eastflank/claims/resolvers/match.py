"""A claim against the statement store when its kind's resolver finds nothing to decide on.

Every record of the dataset becomes typed statements (:mod:`eastflank.claims.statements`);
a claim's sentence retrieves candidates by entity links and BM25
(:mod:`eastflank.claims.retrieval`). This module then asks, for the records those
statements are about:

1. **Is the sentence about this record?** (:func:`identify`) Named by the gazetteer
   (strength 1); or holding most of the distinctive words of one of its names (strength
   ``match.name_strength``); or loosely, by a score of its name words, summary words and the
   entities its statements point to (a venue, a participant, a parent), states and capitals
   counting half (strength ``match.entity_strength``). Names of states and generic military
   words identify nothing; years in names do ("Zapad-2017"), another ordinal vetoes ("the
   46th" is not the 45th), and a record that refines a name the sentence uses ("Belarusian
   stage of Zapad-2021" of "Zapad-2021") needs a word the refinement adds. A figure whose
   sentence names no record it fits may be one of a record named in the sentence before.
2. **Does a statement of that record say what the claim says?** Typed comparison:

   - a quantity against statements of the same unit and *property* (a length is not a width
     nor a height; the qualifiers of a figure's name, e.g. ``tents_removed``, must be in the
     sentence) and *kind* (a planned figure is not an actual one, an official figure is not an
     estimate: :func:`eastflank.claims.resolvers.strength.claim_kinds`), read with the claim's
     hedge ("about", "more than", "up to") and the ``match`` tolerance;
   - a date against an event's date or a record's start or end (the verb says which) at the
     coarser of the two precisions;
   - otherwise entities: the other records the sentence names must be values of the record's
     statements (an event's venue and participant, a unit's parent).

The matcher never *refutes*: a loose identification refutes nothing, so a mismatch leaves
the claim ``unverifiable`` with the nearest statements. It may find a figure ``outdated``
when the figure held but was superseded before the claim's date. Statements only ``claimed`` or
sourced only to the seed documents are never evidence. A statement dated after the claim's
reference date does not support it (a plan is not confirmed by what came later unless the
sentence is in the future tense and the record lies within ``match.future_days``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from eastflank.claims import vocab
from eastflank.claims.dates import YEAR_IN_NAME
from eastflank.claims.detect import Candidate
from eastflank.claims.model import DateMention, Quantity, Span
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    independent_sources,
    reference_date,
    rounding,
    statement_evidence,
)
from eastflank.claims.resolvers.events import NEGATION, reports
from eastflank.claims.resolvers.strength import claim_kinds
from eastflank.claims.retrieval import tokens
from eastflank.claims.statements import Statement
from eastflank.schema import Event

__all__ = ["Identified", "identify", "main_clause", "match_statements", "refines"]

_GENERIC = frozenset(tokens(
    "russia russian russians belarus belarusian belarusians belarussian ukraine ukrainian "
    "poland polish lithuania lithuanian latvia latvian estonia estonian germany german nato "
    "union state states military forces force troops army armed country countries "
    "government defence defense ministry minister president year years new first "
    "joint national federation republic official officially training ground grounds "
    "range base brigade brigades division divisions regiment regiments battalion battalions "
    "corps unit units group separate guards missile missiles system systems"))
"""Stems that identify no record: states, generic military words, common title words."""

_TEXT_PROPS = frozenset({"echelon", "deployment", "function", "actor", "origin"})
"""Entity properties too broad to identify a record by (every unit has an actor)."""

_ENTITY_PROPS = frozenset({"place", "participant", "garrison", "parent", "seat", "operator",
                           "member", "weapon_system"})

_WHERE_PROPS = frozenset({"place", "garrison", "seat"})
"""What bears out where something stands: not its parent, members or operator."""

_CUES: dict[str, re.Pattern[str]] = {
    "length": re.compile(r"\b(?:long|length|stretch\w*|extend\w*|spans?|runs?|kilomet\w*-long"
                         r"|km-long|mile-long)\b", re.I),
    "width": re.compile(r"\b(?:wide|width|across|narrow\w*)\b", re.I),
    "height": re.compile(r"\b(?:high|tall|height)\b", re.I),
    "depth": re.compile(r"\b(?:deep|depth)\b", re.I),
    "range": re.compile(r"\b(?:range|reach\w*|strike|hit|fly|flies)\b", re.I),
    "area": re.compile(r"\b(?:area|square|sq)\b", re.I),
    "population": re.compile(r"\b(?:population|inhabitants|residents|people\s+liv\w*)\b",
                             re.I),
}
"""Words a sentence must hold for a figure of that property to be the one it states."""

_FORMED = vocab.FORMED_OR_BEGAN
_ENDED = vocab.ENDED_OR_CLOSED
_FUTURE = vocab.FUTURE
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True)
class Identified:
    """A record a sentence is about, how surely (``strength``) and why."""

    record: str
    strength: float
    why: str
    entities: frozenset[str]
    """Records the sentence names that the record's statements point to."""
    loose: bool = False
    """Identified by a word of its name or its summary with its entities, not by its name:
    enough only where the claim's value (an exact figure, a day) corroborates it."""
    specific: int = 0
    """How many of ``entities`` are not states (a venue, a unit, a body)."""
    name_words: int = 0
    """Distinctive words of its name the sentence holds."""
    summary_words: int = 0
    """Distinctive words of its summary (not of its name) the sentence holds."""


_ORDINAL = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)\b", re.I)


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """Distinctive word stems; of numbers only years ("Zapad-2017", "the 2010 reform")."""
    return frozenset(t for t in tokens(text) if t not in _GENERIC
                     and (not re.match(r"\d", t) or _YEAR_TOKEN.fullmatch(t)))


_BARE = re.compile(r"(?<![\d,.])\b(\d{1,3})\b(?![\d,.])")


_NAMED_YEAR = YEAR_IN_NAME


@lru_cache(maxsize=4096)
def _sentence_stems(text: str) -> frozenset[str]:
    """A sentence's distinctive stems, with a year only where it is part of a name
    ("Zapad-2017", "Zapad 2021"): a plain date ("in 2013") is compared as a date, and
    identifies no record by the year in its name."""
    named = set(_NAMED_YEAR.findall(text))
    return frozenset(t for t in _stems(text) if not _YEAR_TOKEN.fullmatch(t) or t in named)


@lru_cache(maxsize=4096)
def _numbers(text: str, bare: bool = False) -> frozenset[str]:
    """Ordinals in a sentence ("38th"), and with ``bare`` the short numbers of a name
    ("Panzerbrigade 45"): a sentence naming another ordinal than a record's name is about
    another formation."""
    out = {m.group(1) for m in _ORDINAL.finditer(text)}
    if bare:
        out |= {m.group(1) for m in _BARE.finditer(text)}
    return frozenset(out)


@dataclass(frozen=True)
class _Profile:
    names: tuple[frozenset[str], ...]
    numbers: tuple[frozenset[str], ...]
    summary: frozenset[str]
    refs: frozenset[str]
    common: frozenset[str] = frozenset()
    """Records pointed to by so many subjects (a capital, a state) that naming them says
    little of which subject a sentence is about."""
    full: frozenset[str] = frozenset()
    """Every word stem of its name, generic ones included ("belaru", "stage")."""
    parents: tuple[tuple[str, frozenset[str]], ...] = ()
    """Records whose name it refines ("Belarusian stage of Zapad-2021" refines
    "Zapad-2021"), each with the words it adds: a sentence is about the refinement only
    when it holds one of them."""
    summary_only: frozenset[str] = frozenset()
    """Its summary stems that are in none of its names."""


@dataclass(frozen=True)
class _Index:
    """Inverted indexes over the profiles of a catalog, to find the few subjects a sentence
    can be about without scoring every retrieved one."""

    by_stem: dict[str, frozenset[str]]
    """Name stem -> subjects with the stem in one of their names."""
    by_ref: dict[str, frozenset[str]]
    """Record -> subjects whose statements point to it, for records not in ``common``."""
    by_common: dict[str, frozenset[str]]
    """The same for the records in ``common`` (states, alliances, capitals)."""
    by_summary: dict[str, frozenset[str]]
    """Summary stem -> subjects with the stem in their summary and in none of their names."""
    subjects: np.ndarray
    """Every subject, in a fixed order: the four indexes below give positions in it."""
    stem_at: dict[str, np.ndarray]
    ref_at: dict[str, np.ndarray]
    common_at: dict[str, np.ndarray]
    summary_at: dict[str, np.ndarray]
    """``by_stem`` ... ``by_summary`` as positions in ``subjects``, so that a sentence's
    hits are counted for every subject at once (:func:`_read_sentence`)."""


_PROFILES: dict[int, tuple[object, dict[str, _Profile]]] = {}


def _profiles(ctx: Context) -> dict[str, _Profile]:
    """Distinctive name stems, summary stems and pointed-to records of every subject of the
    store, built once per catalog."""
    hit = _PROFILES.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    assert ctx.store is not None
    out: dict[str, _Profile] = {}
    for subject, sts in ctx.store.by_subject.items():
        rec = ctx.catalog.get(subject) if any(
            subject in recs for recs in ctx.catalog.records.values()) else None
        names = [getattr(rec, "name", sts[0].subject_name),
                 *(getattr(rec, "aliases", []) or [])]
        variants = tuple(frozenset(v) for v in (_stems(n) for n in names) if v)
        numbers = tuple(frozenset(_numbers(n, bare=True)) for n in names if _stems(n))
        summary = frozenset(_stems(str(getattr(rec, "summary", "") or "")))
        refs = frozenset(s.value.ref for s in sts
                         if s.value.ref is not None and s.property in _ENTITY_PROPS)
        full = frozenset(t for t in tokens(str(names[0])) if not t.isdigit()
                         or _YEAR_TOKEN.fullmatch(t))
        out[subject] = _Profile(variants, numbers, summary, refs, full=full)
    freq: dict[str, int] = {}
    for prof in out.values():
        for r in prof.refs:
            freq[r] = freq.get(r, 0) + 1
    limit = max(3.0, ctx.tolerances.match.common_share * len(out))
    common = frozenset(r for r, n in freq.items() if n > limit or r in ctx.catalog.actors)
    # a subject's parents: the others one of whose names (two stems or more) is a proper part
    # of its first name; each name is filed under its rarest stem, which a name holding it
    # must have
    order = {k: i for i, k in enumerate(out)}
    stem_count = Counter(w for q in out.values() for v in q.names if len(v) >= 2 for w in v)
    filed: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for j, q in out.items():
        for v in q.names:
            if len(v) >= 2:
                filed.setdefault(min(v, key=lambda w: (stem_count[w], w)), []).append((j, v))
    parents: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for k, p in out.items():
        first = p.names[0] if p.names else frozenset()
        within = {j for w in first for j, v in filed.get(w, ()) if j != k and v < first}
        for j in sorted(within, key=order.__getitem__):
            extra = p.full - out[j].full
            if extra:
                parents.setdefault(k, []).append((j, extra))
    out = {k: _Profile(p.names, p.numbers, p.summary, p.refs, common, p.full,
                       tuple(parents.get(k, ())),
                       p.summary - (set().union(*p.names) if p.names else set()))
           for k, p in out.items()}
    _PROFILES[id(ctx.catalog)] = (ctx.catalog, out)
    return out


_INDEXES: dict[int, tuple[object, _Index]] = {}


def index_subjects(ctx: Context) -> None:
    """Build the subjects' profiles and their indexes for ``ctx``'s catalog now rather than
    at the first sentence that needs them."""
    _index(ctx)


def _index(ctx: Context) -> _Index:
    """The inverted indexes of :func:`_profiles`, built once per catalog."""
    hit = _INDEXES.get(id(ctx.catalog))
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    by_stem: dict[str, set[str]] = {}
    by_ref: dict[str, set[str]] = {}
    by_common: dict[str, set[str]] = {}
    by_summary: dict[str, set[str]] = {}
    for subject, prof in _profiles(ctx).items():
        for v in prof.names:
            for w in v:
                by_stem.setdefault(w, set()).add(subject)
        for r in prof.refs:
            (by_common if r in prof.common else by_ref).setdefault(r, set()).add(subject)
        for w in prof.summary_only:
            by_summary.setdefault(w, set()).add(subject)
    maps = [{k: frozenset(v) for k, v in d.items()} for d in (by_stem, by_ref, by_common,
                                                             by_summary)]
    subjects = sorted({x for d in maps for v in d.values() for x in v})
    at = {x: i for i, x in enumerate(subjects)}
    positions = [{k: np.array(sorted(at[x] for x in v), dtype=np.intp) for k, v in d.items()}
                 for d in maps]
    out = _Index(maps[0], maps[1], maps[2], maps[3], np.array(subjects, dtype=object),
                 positions[0], positions[1], positions[2], positions[3])
    _INDEXES[id(ctx.catalog)] = (ctx.catalog, out)
    return out


@dataclass(frozen=True)
class _Sentence:
    """What :func:`identify` reads of a claim's sentence, worked out once per sentence."""

    named: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[str]
    every: frozenset[str]
    said: tuple[tuple[str, frozenset[str], frozenset[str]], ...]
    """Each mention's record, the distinctive stems and all the stems of its text."""
    states: frozenset[str]
    """States the sentence names as places (not by an adjective, "Belarusian")."""
    by_name: frozenset[str]
    """Subjects with a word of one of their names in the sentence."""
    possible: frozenset[str]
    """Subjects :func:`identify` may find: named, or scoring enough with every word of their
    names counted (an upper bound of what :func:`identify` counts)."""


_SENTENCES: dict[tuple[object, ...], tuple[object, _Sentence]] = {}


def _sentence(cand: Candidate, ctx: Context) -> _Sentence:
    """:class:`_Sentence` of the claim's sentence (kept for the sentence's other claims and
    look-ups)."""
    tol = ctx.tolerances.match
    key = (id(ctx.catalog), tol.name_words, tol.loose_score, cand.facts.text,
           tuple((m.record, m.kind, m.span.text) for m in cand.facts.mentions))
    hit = _SENTENCES.get(key)
    if hit is not None and hit[0] is ctx.catalog:
        return hit[1]
    out = _read_sentence(cand, ctx)
    if len(_SENTENCES) > 1024:
        _SENTENCES.clear()
    _SENTENCES[key] = (ctx.catalog, out)
    return out


def _read_sentence(cand: Candidate, ctx: Context) -> _Sentence:
    index = _index(ctx)
    tol = ctx.tolerances.match
    named = frozenset(m.record for m in cand.facts.mentions)
    words = _sentence_stems(cand.facts.text)
    # per subject: words of its names, of its summary only, named records it points to
    # that are not states, alliances or capitals, and those that are
    n = len(index.subjects)

    def hits(at: dict[str, np.ndarray], keys: Iterable[str]) -> np.ndarray:
        found = [at[k] for k in keys if k in at]
        return np.bincount(np.concatenate(found), minlength=n) if found \
            else np.zeros(n, dtype=np.intp)

    name_hits = hits(index.stem_at, words)
    specific = hits(index.ref_at, named)
    # a subject with a word of its names or a specific record in the sentence, scoring
    # enough with every word of its names counted
    score = name_hits + hits(index.summary_at, words) / 2 + specific + hits(
        index.common_at, named) / 2
    keep = ((name_hits > 0) | (specific > 0)) & (
        (name_hits >= tol.name_words) | (score >= tol.loose_score))
    possible = set(named).union(index.subjects[np.flatnonzero(keep)])
    by_name = frozenset(index.subjects[np.flatnonzero(name_hits)])
    return _Sentence(
        named, words, _numbers(cand.facts.text), _tokens(cand.facts.text),
        tuple((m.record, _stems(m.span.text), _tokens(m.span.text))
              for m in cand.facts.mentions),
        frozenset(x.record for x in cand.facts.mentions if x.kind == "actors"
                  and not x.adjectival),
        by_name, frozenset(possible))


_STATE_PART = re.compile(r"^(\w+?)(?:ian|n)?\s+(?:leg|part|stage|phase|contingent|segment|"
                         r"component|share)\b", re.I)


@lru_cache(maxsize=16384)
def _state_part(name: str) -> str | None:
    """The stem of the state whose part an event's name says it is ("Belarusian leg of
    ..." gives "belar"), or ``None``."""
    m = _STATE_PART.match(name)
    return m.group(1).lower()[:5] if m is not None else None


def _other_states_part(sentence: _Sentence, ctx: Context, subject: str) -> bool:
    """Whether ``subject`` is one state's part of something ("Belarusian leg of Zapad-2017")
    and the sentence names another state as where it happens ("in Russia and Belarus"): the
    sentence then speaks of the whole."""
    rec = ctx.catalog.records["events"].get(subject)
    stem = _state_part(rec.name) if rec is not None else None
    if stem is None:
        return False
    return any(not ctx.catalog.actors[c].name.lower().startswith(stem)
               for c in sentence.states if c in ctx.catalog.actors)


def _other_state_named(sentence: _Sentence, ctx: Context, subject: str) -> bool:
    """Whether a unit's or command's name names a state ("NATO Multinational Battlegroup
    Lithuania") that the sentence does not name while it names another state."""
    if not sentence.states or not (subject in ctx.catalog.units
                                   or subject in ctx.catalog.command_bodies):
        return False  # (an event's name may name a state the sentence gives as an adjective;
        # an indicator's subject is no record)
    hit = _NAME_STATES.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        hit = (ctx.catalog, {})
        _NAME_STATES[id(ctx.catalog)] = hit
    cache = hit[1]
    own = cache.get(subject)
    if own is None:
        rec = ctx.catalog.units.get(subject) or ctx.catalog.command_bodies.get(subject)
        said = " ".join([getattr(rec, "name", ""), *getattr(rec, "aliases", [])])
        own = frozenset(a.id for a in ctx.catalog.actors.values() if a.kind == "state"
                        and re.search(rf"\b{re.escape(a.name)}\b", said))
        cache[subject] = own
    return bool(own) and not own & sentence.states


_NAME_STATES: dict[int, tuple[object, dict[str, frozenset[str]]]] = {}
"""The states each record's name names, per catalog."""


def identify(cand: Candidate, ctx: Context, subject: str) -> Identified | None:
    """How surely the claim's sentence is about ``subject`` (see the module's step 1)."""
    return _identify(cand, ctx, subject, _sentence(cand, ctx))


def _identify(cand: Candidate, ctx: Context, subject: str,
              sentence: _Sentence) -> Identified | None:
    if subject not in sentence.possible:
        return None  # no name word, no unit, body or venue of it: nothing to score it by
    prof = _profiles(ctx).get(subject)
    if prof is None:
        return None
    tol = ctx.tolerances.match
    named = sentence.named
    entities = frozenset(prof.refs & named)
    states = entities & prof.common  # states, alliances, capitals
    specific = len(entities) - len(states)
    if subject in named:
        return Identified(subject, 1.0, "named in the sentence", entities, specific=specific,
                          name_words=9)
    if _other_states_part(sentence, ctx, subject):
        return None  # "six ranges in Russia and Belarus" is not the Belarusian leg's count
    words = sentence.words
    numbers = sentence.numbers
    every = sentence.every
    if any(not extra & every for _, extra in prof.parents) or any(
            not extra & every for _, extra in _named_parents(sentence, prof)):
        return None  # "Zapad-2021 had 12,800 troops" is not about its Belarusian stage
    best = (0, 0.0)
    for v, nums in zip(prof.names, prof.numbers, strict=True):
        if nums and numbers and not nums & numbers:
            continue  # "the 999th brigade" is not the 38th
        shared = len(v & words)
        share = shared / min(len(v), 4)
        best = max(best, (shared, share))
    shared, share = best
    summary = len(prof.summary_only & words)
    if _other_state_named(sentence, ctx, subject):
        return None  # "a battle group in Latvia" is not the battlegroup named for Lithuania
    if shared >= tol.name_words and share >= tol.name_share:
        return Identified(subject, tol.name_strength,
                          f"{shared} words of its name in the sentence", entities,
                          specific=specific, name_words=shared)
    # loosely, a word of its name that names one of its entities ("parade in Vilnius") is
    # counted once, as the entity
    named_words = _stems(" ".join(m.span.text for m in cand.facts.mentions
                                  if m.record in entities))
    rest = words - named_words
    shared = max((len(v & rest) for v, nums in zip(prof.names, prof.numbers, strict=True)
                  if not (nums and numbers and not nums & numbers)), default=0)
    score = shared + summary / 2 + specific + len(states) / 2
    if (shared or specific) and score >= tol.loose_score:
        why = (f"{shared} word(s) of its name, {summary} of its summary and "
               f"{len(entities)} of its participants, places or parents in the sentence")
        return Identified(subject, tol.entity_strength, why, entities, loose=True,
                          specific=specific, name_words=shared, summary_words=summary)
    return None


def _named_parents(sentence: _Sentence, prof: _Profile) -> list[tuple[str, frozenset[str]]]:
    """Records the sentence names by a phrase that a record's name refines ("Zapad-2025"
    in "Belarusian leg of Zapad-2025"), each with the words the name adds."""
    out: list[tuple[str, frozenset[str]]] = []
    if not prof.names:
        return out
    first = prof.names[0]
    for record, said, spoken in sentence.said:
        if len(said) >= 2 and said < first:
            extra = prof.full - spoken
            if extra:
                out.append((record, extra))
    return out


def refines(cand: Candidate, ctx: Context, record: str | None,
            others: Iterable[str | None]) -> bool:
    """Whether ``record``'s name refines one of ``others`` as the sentence names it
    ("Belarusian leg of Zapad-2025" of "Zapad-2025"), and the sentence holds a word the
    refinement adds: a figure of the part, not of the whole."""
    prof = _profiles(ctx).get(record or "")
    if prof is None:
        return False
    wanted = {o for o in others if o}
    every = _tokens(cand.facts.text)
    return any(j in wanted and extra & every
               for j, extra in (*prof.parents, *_named_parents(_sentence(cand, ctx), prof)))


def _usable(st: Statement, ctx: Context) -> bool:
    if st.status == "hypothetical" and st.kind != "computed":
        return False
    if st.status == "claimed" and st.kind != "official":
        return False  # a party's claim confirms nothing, unless it is its official figure
    return bool(independent_sources(st.sources, ctx)) or not st.sources


def _unit_of(q: Quantity) -> tuple[str, str | None]:
    """The statement unit a claimed quantity compares with, and the counted noun."""
    if q.unit in ("km", "personnel", "m", "kg", "min", "km/h", "%", "t", "USD"):
        return q.unit, None
    noun = re.sub(r"(?:ies)$", "y", q.unit.lower())
    noun = re.sub(r"(?<!s)s$", "", noun)
    return "count", _NOUNS.get(noun, noun)


_NOUNS = {"euro": "eur", "dollar": "usd", "plane": "aircraft", "jet": "aircraft",
          "warplane": "aircraft", "range": "ground", "btg": "battalion tactical group",
          "bomber": "aircraft"}
"""Counted nouns that a figure names with another word."""


def _property_fits(st: Statement, q: Quantity, text: str, noun: str | None) -> bool:
    """Whether the statement's property is what the sentence states of the quantity."""
    prop = st.property
    words = [w for w in prop.split("_") if w]
    if noun is not None:
        stems = {w[:4] for w in words}
        nstem = noun.split()[-1][:4] if noun else ""
        if nstem not in stems:
            return False
        rest = [w for w in words if w[:4] != nstem and w not in ("total", "number", "count")]
    else:
        rest = words
    lowered = text.lower()
    sent = {w[:4] for w in re.findall(r"[a-z]{3,}", lowered)}
    for w in rest:
        cue = _CUES.get(w)
        if cue is not None:
            if not cue.search(text):
                return False
        elif w in ("border",):
            if "border" not in lowered:
                return False
        elif w not in ("personnel", "troops", "active", "max", "min") and w[:4] not in sent:
            return False
    # a km figure must say which length it is
    return not (q.unit == "km" and not any(w in _CUES for w in words) and prop != "distance")


def _agrees(q: Quantity, lo: float, hi: float, ctx: Context) -> bool:
    """Whether a statement's value (or range lo-hi) bears out the claimed quantity."""
    tol = ctx.tolerances.match
    v = q.value
    rel = tol.hedged_relative if q.bound in ("about", "vague") else tol.relative
    rel = max(rel, min(rounding(v, smallest=10), tol.hedged_relative))
    if q.bound == "at-least":
        return hi >= v * (1 - tol.relative) and lo <= v * tol.bound_factor
    if q.bound == "at-most":
        return hi <= v * (1 + rel) and hi >= v / tol.bound_factor
    c_lo = q.low if q.low is not None else v
    c_hi = q.high if q.high is not None else v
    return c_lo <= hi * (1 + rel) and c_hi >= lo * (1 - rel)


def _when(cand: Candidate, ctx: Context) -> tuple[dt.date | None, bool]:
    return reference_date(cand, ctx), bool(_FUTURE.search(cand.facts.text))


def _in_time(st: Statement, day: dt.date | None, future: bool, ctx: Context) -> bool:
    """A statement (dated by ``valid_from``) that held by the claim's date, or shortly after
    it for a sentence in the future tense."""
    if day is None or st.valid_from is None:
        return True
    slack = dt.timedelta(days=ctx.tolerances.event_date.days)
    if future:
        return st.valid_from <= day + dt.timedelta(days=ctx.tolerances.match.future_days)
    return st.valid_from <= day + slack


def _record_in_time(record: str, day: dt.date | None, future: bool, ctx: Context) -> bool:
    """An event (its date statements) that took place by the claim's date; a figure of an
    event to come does not bear out a sentence written before it."""
    assert ctx.store is not None
    dated = ctx.store.about(record, "date")
    return all(_in_time(s, day, future, ctx) for s in dated)


def _years_fit(cand: Candidate, st_from: dt.date | None, st_to: dt.date | None) -> bool:
    """Every year the sentence writes lies within the record's time (a "West-2024" is not the
    exercise of 2025)."""
    years = {int(y) for y in _YEAR.findall(cand.facts.text)}
    if not years or st_from is None:
        return True
    end = st_to or st_from
    return bool(years & set(range(st_from.year, end.year + 1)))


def _date_agrees(d: DateMention, st: Statement, days: int) -> bool:
    v = st.value
    assert v.date is not None
    start, end = v.date, v.end or v.date
    prec = d.precision
    if v.precision == "year" or (v.precision == "month" and prec == "day"):
        prec = v.precision
    if prec == "year":
        return start.year <= d.date.year <= end.year
    if prec == "month":
        return (start.year, start.month) <= (d.date.year, d.date.month) <= (end.year, end.month)
    slack = dt.timedelta(days=days)
    hi = d.end or d.date
    return d.date <= end + slack and hi >= start - slack


_CANDIDATES: dict[tuple[object, ...], tuple[object, object, object, list[Identified]]] = {}


def _candidates(cand: Candidate, ctx: Context) -> list[Identified]:
    """Records the sentence may be about, surest first (kept for the sentence's other claims
    and look-ups: they depend on its text and names alone)."""
    key = (id(ctx.catalog), id(ctx.tolerances), id(ctx.retriever), cand.facts.text,
           tuple((m.record, m.kind, m.span.text) for m in cand.facts.mentions))
    hit = _CANDIDATES.get(key)
    if hit is not None and hit[0] is ctx.catalog and hit[1] is ctx.tolerances \
            and hit[2] is ctx.retriever:
        return list(hit[3])
    out = _find_candidates(cand, ctx)
    if len(_CANDIDATES) > 1024:
        _CANDIDATES.clear()
    _CANDIDATES[key] = (ctx.catalog, ctx.tolerances, ctx.retriever, out)
    return list(out)


def _find_candidates(cand: Candidate, ctx: Context) -> list[Identified]:
    assert ctx.retriever is not None
    named = [m.record for m in cand.facts.mentions]
    k = ctx.tolerances.match.retrieve
    hits = ctx.retriever.retrieve(cand.facts.text, named, k=k)
    sentence = _sentence(cand, ctx)
    seen: dict[str, Identified] = {}
    for h in hits:
        subj = h.statement.subject
        if subj in seen or subj not in sentence.possible:
            continue
        found = _identify(cand, ctx, subj, sentence)
        if found is not None:
            seen[subj] = found
    # records the sentence points to through the values of their statements ("held in
    # Vilnius", "attended by Germany"): every subject pointing at two named records
    for subj in _pointing(ctx, named, sentence.by_name):
        if subj not in seen and subj in sentence.possible:
            found = _identify(cand, ctx, subj, sentence)
            if found is not None:
                seen[subj] = found
    return sorted(seen.values(), key=lambda i: -i.strength)


def _from_before(cand: Candidate, ctx: Context) -> list[Identified]:
    """Records named in the sentence before (same paragraph) together with this one, for a
    figure whose sentence does not name its subject ("Zapad-2017 began on Thursday. Some 250
    tanks take part."): never surer than ``match.context_strength``."""
    if not cand.context:
        return []
    prev = cand.context[-1]
    if prev.paragraph != cand.facts.paragraph:
        return []
    joined = replace(cand.facts, text=prev.text + " " + cand.facts.text,
                     mentions=prev.mentions + cand.facts.mentions)
    view = replace(cand, facts=joined, context=cand.context[:-1])
    cap = ctx.tolerances.match.context_strength
    return [replace(i, strength=min(i.strength, cap),
                    why=i.why.replace("the sentence", "the sentence and the one before"))
            for i in _candidates(view, ctx) if not i.loose]


def _pointing(ctx: Context, named: Iterable[str], by_name: frozenset[str]) -> list[str]:
    """Subjects whose statements point at two of the named records. One pointing only at
    states, alliances or capitals (hundreds do) is kept only when a word of its name is in
    the sentence (it is in ``by_name``), without which :func:`identify` would not find it
    either."""
    assert ctx.retriever is not None
    named = list(dict.fromkeys(named))
    profiles = _profiles(ctx)
    key = (id(ctx.catalog), tuple(sorted(named)))
    hit = _POINTING.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        common = next(iter(profiles.values())).common if profiles else frozenset()
        count: dict[str, int] = {}
        specific: set[str] = set()
        # (a statement counted points at one named record, its value: the counts of each
        # named record's pointers add up, in the order the statements come)
        for r in named:
            for subject, n in _pointers(ctx, r).items():
                if subject in named:
                    continue
                count[subject] = count.get(subject, 0) + n
                if r not in common:
                    specific.add(subject)
        hit = (ctx.catalog, tuple((s, s in specific) for s, n in count.items() if n >= 2))
        if len(_POINTING) > 512:
            _POINTING.clear()
        _POINTING[key] = hit
    return [s for s, spec in hit[1] if spec or s in by_name]


_POINTING: dict[tuple[int, tuple[str, ...]], tuple[object, tuple[tuple[str, bool], ...]]] = {}
_POINTERS: dict[tuple[int, str], tuple[object, dict[str, int]]] = {}


def _pointers(ctx: Context, record: str) -> dict[str, int]:
    """Subjects with statements pointing at ``record`` (an entity value of theirs), each with
    how many, in the order of the statements: kept per catalog and record."""
    assert ctx.retriever is not None
    key = (id(ctx.catalog), record)
    hit = _POINTERS.get(key)
    if hit is None or hit[0] is not ctx.catalog:
        if len(_POINTERS) > 4096:
            _POINTERS.clear()
        out: dict[str, int] = {}
        for i in ctx.retriever.linked([record]):
            st = ctx.retriever.statements[i]
            if st.property in _ENTITY_PROPS and st.value.ref == record and st.subject != record:
                out[st.subject] = out.get(st.subject, 0) + 1
        hit = (ctx.catalog, out)
        _POINTERS[key] = hit
    return hit[1]


def _support(ident: Identified, sts: list[Statement], what: str, claimed: float | None = None,
             computed: float | None = None, unit: str | None = None,
             strength: float | None = None) -> Outcome:
    return Outcome("supported",
                   f"The sentence is about {sts[0].subject_name} ({ident.why}); {what}",
                   claimed=claimed, computed=computed, unit=unit,
                   evidence=[statement_evidence(s) for s in sts[:3]],
                   tolerance={"identification": ident.strength},
                   strength=strength if strength is not None else ident.strength)


_THE_EXERCISE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games)\b",
                           re.I)


def _by_quantity(cand: Candidate, ctx: Context, found: list[Identified],
                 q: Quantity) -> Outcome | None:
    assert ctx.store is not None
    unit, noun = _unit_of(q)
    # a population is judged by population statements alone, and they judge nothing else
    population = cand.extra.get("noun") == "population"
    if population:
        unit, noun = "count", None
    day, future = _when(cand, ctx)
    at = q.span.start - cand.facts.start
    kinds = claim_kinds(cand.facts.text, at)
    exact = rounding(q.value, smallest=10) < ctx.tolerances.match.relative and q.bound != "vague"
    before: Outcome | None = None
    exercise = any(m.kind == "events" for m in cand.facts.mentions) or bool(
        _THE_EXERCISE.search(cand.facts.text))
    for ident in found:
        if ident.loose and not exact:
            continue  # a round figure does not tell a loosely named record from another
        if exercise and not population and ctx.catalog.kind_of(ident.record) == "actors":
            continue  # "the Zapad drills involve tens of thousands": not the state's army
        for st in ctx.store.about(ident.record):
            v = st.value
            if v.kind != "quantity" or v.unit != unit or not _usable(st, ctx):
                continue
            if (st.property == "population") != population:
                continue
            if st.kind not in kinds and not (st.kind == "computed" and "recorded" in kinds):
                continue
            if not _property_fits(st, q, cand.facts.text, noun):
                continue
            if not _in_time(st, day, future, ctx) or not _record_in_time(
                    ident.record, day, future, ctx):
                continue
            if not _years_fit(cand, st.valid_from, None) and st.subject_kind == "events":
                continue
            lo = v.low if v.low is not None else v.number
            hi = v.high if v.high is not None else v.number
            if lo is None or hi is None or not _agrees(q, lo, hi, ctx):
                continue
            if day is not None and st.valid_to is not None and st.valid_to < day:
                # it held, but was superseded before the claim's date
                before = before or Outcome(
                    "outdated",
                    f"The sentence is about {st.subject_name} ({ident.why}); its "
                    f"{st.property.replace('_', ' ')} ({st.kind}) was {v.label} until "
                    f"{st.valid_to.isoformat()}, no longer at {day.isoformat()}.",
                    q.value, v.number, unit, {"identification": ident.strength},
                    [statement_evidence(st)], strength=ident.strength)
                continue
            return _support(ident, [st],
                            f"its {st.property.replace('_', ' ')} ({st.kind}) is {v.label}, "
                            f"which bears out {q.span.text.strip()!r}.",
                            q.value, v.number, unit)
    return before


def _by_date(cand: Candidate, ctx: Context, found: list[Identified],
             dates: list[DateMention]) -> Outcome | None:
    from eastflank.claims.resolvers.events import opinion_of, unsaid

    assert ctx.store is not None
    text = cand.facts.text
    props = ["date"]
    if _ENDED.search(text):
        props.append("valid_to")
    if _FORMED.search(text):
        props.append("valid_from")
    days = ctx.tolerances.event_date.days
    for ident in found:
        if ident.strength < ctx.tolerances.match.date_strength:
            continue
        event = ctx.catalog.events.get(ident.record)
        if event is not None and opinion_of(cand, event):
            continue  # what someone thought of the event is not its date
        for st in ctx.store.about(ident.record):
            if st.property not in props or st.value.date is None or not _usable(st, ctx):
                continue
            if st.property != "date" and st.value.date is None:
                continue
            # a loosely identified record needs the very day (a record of the same week
            # that shares a state and a word is another event: no reporting lag for it)
            agree = [d for d in dates
                     if _date_agrees(d, st, 0 if ident.loose else days)
                     and (d.precision != "year" or not ident.loose or ident.specific)
                     and not (ident.loose and _SAYING_BEFORE.search(
                         cand.facts.full[max(cand.facts.start, d.span.start - 30):
                                         d.span.start]))]
            if not agree or not _years_fit(cand, st.value.date, st.value.end):
                continue
            if event is not None and unsaid(cand, event, ctx):
                # the record the sentence's date points to does not bear it out (it puts it
                # elsewhere or names what the record does not: "Zapad-2021 would be held in
                # Kazakhstan"), and a record identified less surely does not stand in for it
                return None
            return _support(ident, [st],
                            f"its {st.property.replace('_', ' ')} {st.value.label} agrees "
                            f"with {', '.join(d.span.text for d in agree)!r}.")
    return None


_SAYING_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+(?:\s+\w+)?|stated|announced|declared|"
                            r"suggested|claimed|argued|warned|insisted|added|wrote)\s+"
                            r"(?:on|in)?\s*$", re.I)
"""A verb of saying just before a date: the day something was said, which does not tell a
loosely identified event that happened that day."""


def _by_entities(cand: Candidate, ctx: Context, found: list[Identified]) -> Outcome | None:
    assert ctx.store is not None
    day, future = _when(cand, ctx)
    tol = ctx.tolerances.match
    for ident in found:
        if not ident.entities or ident.strength < tol.entity_strength:
            continue
        if not ident.specific:
            continue  # states and alliances take part in nearly everything
        if ident.loose and ident.name_words + ident.summary_words / 2 < tol.entity_words:
            continue  # a word of its name and its venue do not say which event it was
        props = _WHERE_PROPS if cand.kind == "basing" else _ENTITY_PROPS
        sts = [s for s in ctx.store.about(ident.record)
               if s.value.ref in ident.entities and s.property in props
               and s.property != "member" and s.value.ref not in _profiles(ctx)[ident.record].common
               and _usable(s, ctx)]
        if not _record_in_time(ident.record, day, future, ctx):
            continue
        rec = ctx.catalog.get(ident.record)
        start = getattr(rec, "date", None) or getattr(rec, "valid_from", None)
        end = getattr(rec, "end_date", None) or getattr(rec, "valid_to", None)
        if not _years_fit(cand, start, end):
            continue
        held = [s for s in sts if s.holds_on(day) or s.subject_kind == "events"]
        if not held:
            continue
        return _support(ident, held,
                        "its recorded " + ", ".join(
                            f"{s.property.replace('_', ' ')} {s.value.label}" for s in held[:3])
                        + " are named in the sentence.")
    return None


_FLAGS: dict[str, re.Pattern[str]] = {
    "nuclear_capable": re.compile(r"\bnuclear[- ]capable\b|\b(?:capable|able)\s+of\s+"
                                  r"(?:\w+\s+){0,6}?nuclear\b|\bcan\s+(?:carry|deliver|"
                                  r"launch|fire)\s+(?:\w+\s+){0,4}?nuclear\b", re.I),
}
"""What a sentence must say for a yes/no property of a record to be what it states."""


def _by_flag(cand: Candidate, ctx: Context, found: list[Identified]) -> Outcome | None:
    """A yes/no property the sentence states ("capable of launching nuclear missiles") that
    a record the sentence (or the one before) is about has as recorded: yes supports it."""
    assert ctx.store is not None
    for prop, cue in _FLAGS.items():
        if not cue.search(cand.facts.text):
            continue
        for ident in found:
            sts = [s for s in ctx.store.about(ident.record, prop)
                   if s.value.kind == "flag" and s.value.label == "yes" and _usable(s, ctx)]
            if sts and not ident.loose:
                return _support(ident, sts, f"its {prop.replace('_', ' ')} is recorded as "
                                f"{sts[0].value.label}.")
    return None


_CONTENT: dict[tuple[int, str], tuple[object, Event, frozenset[str]]] = {}


def _content(rec: Event, ctx: Context) -> frozenset[str]:
    """Distinctive stems of an event's name, aliases, summary, participants and places."""
    hit = _CONTENT.get((id(ctx.catalog), rec.id))
    if hit is not None and hit[0] is ctx.catalog and hit[1] is rec:
        return hit[2]
    out = _event_content(rec, ctx)
    if len(_CONTENT) > 8192:
        _CONTENT.clear()
    _CONTENT[(id(ctx.catalog), rec.id)] = (ctx.catalog, rec, out)
    return out


def _event_content(rec: Event, ctx: Context) -> frozenset[str]:
    words = [rec.name, *rec.aliases, rec.summary]
    words += [ctx.catalog.actors[a].name for a in rec.actors if a in ctx.catalog.actors]
    words += [ctx.catalog.places[p].name for p in rec.places if p in ctx.catalog.places]
    return _stems(" ".join(words)) | {a.lower() for a in rec.actors}


def names_all(cand: Candidate, record: str, ctx: Context) -> bool:
    """Whether the record ``record`` names every proper name the sentence gives (save its
    first word, its speakers, names of months and days, and the records the sentence names)
    and, for an event, the sentence names nothing its record leaves out
    (:func:`eastflank.claims.resolvers.events.unsaid`)."""
    from eastflank.claims.resolvers.events import unsaid

    named = frozenset(st for m in cand.facts.mentions for st in _stems(m.span.text))
    rec = ctx.catalog.events.get(record)
    if rec is None:
        try:
            other = ctx.catalog.get(record)
        except KeyError:
            return False
        return not (_proper(cand) - named - _stems(" ".join(
            [other.name, *getattr(other, "aliases", [])])))
    return not (_proper(cand) - _content(rec, ctx) - named) and not unsaid(cand, rec, ctx)


_PROPER = re.compile(r"(?:[A-Z]\.){2,}|\b[A-Z][\w'’-]*")
_MONTHS = frozenset(tokens("January February March April May June July August September "
                           "October November December Monday Tuesday Wednesday Thursday "
                           "Friday Saturday Sunday"))


def _proper(cand: Candidate) -> frozenset[str]:
    """Distinctive stems of the capitalised words and acronyms ("U.S.") of a sentence, save
    its first word and the names of its speakers."""
    text = cand.facts.text
    skip = [(a.speaker.start - cand.facts.start, a.speaker.end - cand.facts.start)
            for a in cand.facts.attributions if a.speaker is not None] + _reporters(cand)
    out: set[str] = set()
    for m in _PROPER.finditer(text):
        if m.start() == 0 or any(a <= m.start() < b for a, b in skip):
            continue
        word = m.group().replace(".", "")
        out |= set(_stems(word)) if len(word) > 2 else {word.lower()}
    return frozenset(out - _MONTHS)


_FILLER = frozenset(tokens("he she they we you our them him us one ones used recent recently "
                           "shortly just only now still already very more most some many much "
                           "other another such same thousand thousands million millions "
                           "billion billions"))
"""Words that say nothing of what happened, left out of a sentence's words for its content."""

_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)(?=\s+([A-Z][a-z]+)\b)")
"""A capitalised word and the one after it ("Minister Boris Pistorius" gives both pairs)."""


_CITING = re.compile(r"[,;]?\s*(?:citing|quoting|referring\s+to)\s+[^,;.]*", re.I)


_ASIDE = re.compile(r"(?:,\s*|\s+)(?:(?:in\s+order\s+)?to\s+(?:stop|prevent|deter|counter|curb|"
                    r"halt|block|keep\s+out)\b|amid\b)[^,;.]*", re.I)
"""A clause of purpose or circumstance ("to stop migrants entering", "amid tensions"): why or
amid what something was done, which its record need not say."""


def _reporters(cand: Candidate) -> list[tuple[int, int]]:
    """Where the sentence says which outlet or body reports it and whom they cite ("the Baltic
    News Service agency reported, citing the State Border Guard Service"), as offsets into
    it."""
    text, start = cand.facts.text, cand.facts.start
    out = []
    for a in cand.facts.attributions:
        if a.speaker is None or a.person or not 0 <= a.speaker.start - start < len(text):
            continue  # (a person's statement may be the record itself)
        lo, hi = a.speaker.start - start, a.speaker.end - start
        tail = _CITING.match(text, hi)
        out.append((lo, tail.end() if tail else hi))
    return out


_CIRCUMSTANCE = re.compile(r",\s*(?:following|in\s+the\s+wake\s+of|in\s+response\s+to|"
                           r"due\s+to|because\s+of|amid|after)\b[^;]*", re.I)
"""A clause of cause or circumstance after a comma, to the end of the sentence ("..., following
a surge in crossings into Lithuania"): why or after what something happened, which the
record of what happened need not tell."""


def _blanked(text: str, cuts: list[tuple[int, int]]) -> str:
    """``text`` with each cut ``(start, end)`` blanked, so that offsets into it still hold."""
    chars = list(text)
    for a, b in cuts:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _asides(cand: Candidate) -> list[tuple[int, int]]:
    """Who reports the sentence and whom they cite (:func:`_reporters`) and its clauses of
    purpose (:data:`_ASIDE`), as offsets into it."""
    return _reporters(cand) + [(m.start(), m.end()) for m in _ASIDE.finditer(cand.facts.text)]


def main_clause(cand: Candidate) -> Candidate | None:
    """The candidate with its sentence cut to what it says: without the outlet reporting it
    and whom it cites, a clause of purpose (:func:`_asides`) or of circumstance
    (:data:`_CIRCUMSTANCE`); the names in what was cut are left out too, its dates and figures
    kept (an aside in parentheses, often a source cited, stays). ``None`` when nothing is cut.
    The cut text is blanked, so that offsets into the sentence still hold."""
    text = cand.facts.text
    cuts = _asides(cand) + [(m.start(), m.end()) for m in _CIRCUMSTANCE.finditer(text)][:1]
    if not cuts:
        return None
    start = cand.facts.start

    def kept(span: Span) -> bool:
        return not any(a <= span.start - start < b for a, b in cuts)

    kept_text = _blanked(text, cuts)
    if len(re.findall(r"\w+", kept_text)) < 4:
        return None
    # (its dates and figures are kept: they still say when and how much, and a record that
    # does not agree with them is not the one the sentence tells of)
    facts = replace(
        cand.facts, text=kept_text,
        mentions=tuple(m for m in cand.facts.mentions if kept(m.span)),
        attributions=tuple(a for a in cand.facts.attributions if kept(a.span)))
    return replace(cand, facts=facts)


def _said(cand: Candidate) -> str:
    """The sentence without who reports it and whom they cite, a clause of purpose
    (:func:`_asides`) and asides in parentheses: what the sentence says, whose words an event
    must hold."""
    cuts = _asides(cand) + [(m.start(), m.end())
                            for m in re.finditer(r"\([^()]*\)", cand.facts.text)]
    return _blanked(cand.facts.text, cuts)


_PLACE_KIND = frozenset({"region", "oblast", "province", "district", "county", "voblast"})


def _where_words(cand: Candidate) -> frozenset[str]:
    """Stems of the places and states the sentence names and of the words of a kind of
    place ("region")."""
    spans = " ".join(m.span.text for m in cand.facts.mentions if m.kind in ("places", "actors"))
    return frozenset(_sentence_stems(spans + " " + " ".join(
        w for w in re.findall(r"[A-Za-z]+", cand.facts.text) if w.lower() in _PLACE_KIND)))


_EVENT_IDS: dict[int, tuple[object, frozenset[str]]] = {}


def _event_ids(ctx: Context) -> frozenset[str]:
    """The ids of the catalog's events, once per catalog."""
    hit = _EVENT_IDS.get(id(ctx.catalog))
    if hit is None or hit[0] is not ctx.catalog:
        if len(_EVENT_IDS) > 8:
            _EVENT_IDS.clear()
        hit = (ctx.catalog, frozenset(ctx.catalog.events))
        _EVENT_IDS[id(ctx.catalog)] = hit
    return hit[1]


def _by_content(cand: Candidate, ctx: Context, found: list[Identified],
                counted: str | None = None) -> Outcome | None:
    """A sentence that an event it is about says in full ("Poland will build a fence on its
    border with Belarus to stop migrants"): most of its distinctive words are the event's,
    whatever else it names the event names too, every figure it gives is the record's, and
    a date it gives agrees with the event's."""
    from eastflank.claims.resolvers.events import (
        conflicting_counts,
        counts_said,
        dates_agree,
        on_the_day_said,
        opinion_of,
        unsaid,
        unsaid_numbers,
    )

    tol = ctx.tolerances.match
    day, future = _when(cand, ctx)
    assert ctx.retriever is not None
    # a common word no record uses ("counterpart") can tell no record from another: only
    # the words of the dataset's vocabulary and the sentence's names are weighed
    known, names = ctx.retriever.vocabulary, _proper(cand)
    words = {w for w in _sentence_stems(_said(cand)) - _FILLER if w in known or w in names}
    # besides the records identified by name, the events retrieved first for the sentence,
    # identified by their content alone
    named = [m.record for m in cand.facts.mentions]
    seen = {i.record for i in found}
    more = []
    # (the statements of other records, an office-holder's say, do not crowd the events out)
    for h in ctx.retriever.retrieve(_said(cand), named, k=tol.content_retrieve,
                                    subjects=_event_ids(ctx)):
        subj = h.statement.subject
        if subj not in seen:
            seen.add(subj)
            more.append(Identified(subj, tol.entity_strength, "retrieved by its words",
                                   frozenset(), loose=True))
    # (a place the sentence names, and the word saying what kind of place it is, tell where,
    # not what: "the spotlight is on Kaliningrad, Russia's westernmost region")
    where = _where_words(cand)
    for ident in [*found, *more]:
        rec = ctx.catalog.events.get(ident.record)
        if rec is None:
            continue
        if not _record_in_time(ident.record, day, future, ctx) or not _years_fit(
                cand, rec.date, rec.end_date):
            continue
        own = _content(rec, ctx)
        # a first name before a surname the event gives ("Yevgeny Prigozhin")
        given = _stems(" ".join(g for g, n in _FULL_NAME.findall(cand.facts.text)
                                if _stems(n) and _stems(n) <= own)) - own
        mine = words - given - where
        shared = mine & own
        need = tol.content_share if ident in found else tol.content_share_alone
        if len(shared) < tol.content_words + (ident not in found) or \
                len(shared) < need * len(mine):
            continue
        said = {rec.id, *rec.actors, *rec.places}
        text = _tokens(" ".join([rec.name, *rec.aliases, rec.summary]))
        if any(m.record not in said and (m.kind in ("actors", "places")
                                         or not _tokens(m.span.text) <= text)
               for m in cand.facts.mentions):
            continue  # it names a state, place or unit the event does not
        if unsaid(cand, rec, ctx) or _proper(cand) - own - given or opinion_of(cand, rec):
            continue  # a person, weapon, state or name the event leaves out ("U.S.-led")
        if unsaid_numbers(cand.facts.text, rec) or conflicting_counts(cand.facts.text, rec):
            continue  # every figure it gives must be the record's
        if counted is not None and not counts_said(counted, rec):
            continue  # the claim's count must be the record's count of the same things
        dated = [d for d in cand.facts.dates if not d.relative]
        if dated and not any(dates_agree(d, rec, ctx.tolerances.event_date.days)
                             for d in dated):
            continue  # a date of its own the event's does not agree with
        if not on_the_day_said(cand, rec):
            continue  # "talks in Sochi today" are not the talks of years before
        sts = ctx.store.about(rec.id, "date") if ctx.store is not None else []
        if not sts or not all(_usable(st, ctx) for st in sts):
            continue
        return _support(ident, sts, f"{len(shared)} of the sentence's {len(mine)} "
                        "distinctive words are the event's, and it names nothing the event "
                        "does not.")
    return None


def match_statements(cand: Candidate, ctx: Context) -> Outcome | None:
    """A ``supported`` outcome from the statement store (see the module), or ``None``."""
    if ctx.store is None or ctx.retriever is None:
        return None
    if NEGATION.search(cand.facts.text):
        return None  # "never delivered": a recorded event would refute, not support it
    if cand.kind == "attribution":
        # whether the person said it: the attribution resolver's recorded statements (speaker,
        # date, shared content) alone bear that out; an identification by name words does not
        return None
    found = [i for i in _candidates(cand, ctx)
             if (e := ctx.catalog.events.get(i.record)) is None
             or reports(cand.facts.text, e)]  # another speaker, or "no threat" for "a threat"
    if not found and not cand.facts.quantities and not cand.context:
        return None if cand.kind == "command" else _by_content(cand, ctx, [])
    dates = list(cand.facts.dates)
    if cand.kind in ("command", "basing"):
        # who commands whom, what stands where: a date or a figure of the record says
        # nothing of it; only the parties the sentence names can (its parent, its garrison)
        return _by_entities(cand, ctx, found)
    if cand.quantity is None and dates:
        out = _by_date(cand, ctx, found, dates)  # a dated sentence: its date first
        if out is not None:
            return out
    # a claim without its own quantity may state one within its span ("the fence and the
    # razor wire stretch for about 502 kilometres")
    quantities = [cand.quantity] if cand.quantity is not None else [
        q for q in cand.facts.quantities
        if cand.span.start <= q.span.start and q.span.end <= cand.span.end]
    for q in quantities:
        out = _by_quantity(cand, ctx, found, q)
        if out is None:
            out = _by_quantity(cand, ctx, _from_before(cand, ctx), q)
        if out is not None:
            return out
    if cand.quantity is not None:
        # an event said in full, its count included ("some 30 Afghan migrants were stranded
        # on the border near Usnarz Gorny"): a count of the same things, not a measure
        if cand.kind not in ("count", "strength", "economic"):
            return None
        return _by_content(cand, ctx, found, counted=cand.span.text)
    flag = _by_flag(cand, ctx, found) or _by_flag(cand, ctx, _from_before(cand, ctx))
    if flag is not None:
        return flag
    if dates:
        return _by_content(cand, ctx, found)
    return _by_entities(cand, ctx, found) or _by_content(cand, ctx, found)
