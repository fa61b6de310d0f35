"""Relation claims: what a sentence asserts of a named entity, against the statements.

The subject is the first unit, command body, facility, event, weapon system or indicator
series the sentence names; the objects are the other entities it names. Each pair is compared
through the statement store (:mod:`eastflank.claims.statements`) at the claim's date:

- a unit, body or facility and a place: its garrison, seat or location within
  ``relation.place_km`` supports the claim; one recorded only before the claim's date makes
  it outdated; with a verb of basing ("based", "stationed", "headquartered") a recorded place
  farther away contradicts it;
- a unit or body and a command body or unit: the recorded chain of parents at the date;
- an event and a place or a state: its recorded venues and participants (support only: an
  exercise spans more places than any record lists);
- a weapon system and a state: its recorded operators (support only);
- "now-defunct", "no longer operates", "shut down" of a series or record: a recorded value
  of the series after the record says otherwise, a recorded end date agrees;
- a creation or end with a date: ``valid_from`` / ``valid_to`` at the date's precision.

Anything else stays ``unverifiable`` with the nearest statements (added by the checker).
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from rapidfuzz import fuzz

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.measure import distance_km
from eastflank.claims.model import DateMention, Mention
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    reference_date,
    statement_evidence,
    unverifiable,
)
from eastflank.claims.resolvers.command import chain_of
from eastflank.claims.resolvers.events import NEGATION, typed_event, unsaid
from eastflank.claims.resolvers.sites import family
from eastflank.claims.statements import Statement
from eastflank.claims.text import fold

__all__ = ["resolve_relation"]

_SUBJECTS = ("units", "command_bodies", "facilities", "events", "weapon_systems", "indicators")
_BASED = re.compile(r"\b(?:based|stationed|garrison\w*|headquarter\w*|home\s+base|"
                    r"permanently|located)\b", re.I)
_PARENT = re.compile(r"\b(?:part\s+of|subordinat\w*|under\s+the\s+(?:operational\s+)?"
                     r"(?:command|control)|belong\w*\s+to|reports?\s+to)\b", re.I)
_DEFUNCT = re.compile(r"\b(?:(?:now-?)?defunct|no\s+longer\s+(?:operat\w*|exist\w*|"
                      r"function\w*|work\w*|in\s+use)|shut\s+down|ceased\s+(?:operat\w*|"
                      r"to\s+exist)|closed\s+down|stopped\s+(?:operat\w*|working|pumping))\b",
                      re.I)
_FORMED = vocab.FORMED
_ENDED = vocab.ENDED
_LOCATIVE = re.compile(r"\b(?:in|at|near|based|stationed|headquartered|located|garrisoned|"
                       r"held|took\s+place|deployed\s+to|moved\s+to|comprises?|covers?)\b",
                       re.I)
_HOME_OF = re.compile(r"^,?\s+(?:is\s+)?(?:the\s+|a\s+)?(?:main\s+|major\s+|principal\s+)?"
                      r"(?:naval\s+)?(?:base|home(?:\s+port)?|headquarters|seat)\s+(?:of|to)\s+"
                      r"(?:the\s+)?(?:[\w’']+\s+){0,3}?$", re.I)
"""A place named before what it is home to ("Kaliningrad, the main base of Putin's Baltic
Fleet", "Kaliningrad, home to the Baltic Fleet")."""
_NEGATED = re.compile(r"\b(?:not|never|no|denied|deny|without|neither|nor)\b", re.I)


def _place_of(ctx: Context, st: Statement) -> tuple[float, float] | None:
    ref = st.value.ref
    if ref is None or ref not in ctx.catalog.places:
        return None
    p = ctx.catalog.places[ref]
    return p.lat, p.lon


def _located(cand: Candidate, ctx: Context, subj: Mention, obj: Mention,
             day: dt.date | None) -> Outcome | None:
    """A unit, body, facility or event and a place or a state."""
    store = ctx.store
    assert store is not None
    props = {"units": ("garrison",), "command_bodies": ("seat",), "facilities": ("place",),
             "events": ("place",)}.get(subj.kind)
    if props is None:
        return None
    between = cand.facts.full[subj.span.end:obj.span.start]
    if obj.span.end <= subj.span.start:
        # "Kaliningrad, the main base of the Baltic Fleet": the place, then what it is home to
        if not _HOME_OF.match(cand.facts.full[obj.span.end:subj.span.start]):
            return None
    elif len(between) > 80 or not _LOCATIVE.search(between):
        return None  # "the Kremlin's goal is to make Belarus dependent" locates nothing
    sts = [s for p in props for s in store.about(subj.record, p)]
    if not sts:
        return None
    radius = ctx.tolerances.relation.place_km
    tol = {"place_km": radius}
    if obj.kind == "actors":
        match = [s for s in sts if s.value.ref in ctx.catalog.places
                 and ctx.catalog.places[str(s.value.ref)].country == obj.record]
        now = [s for s in match if s.holds_on(day)]
        if now:
            return Outcome("supported", f"{now[0].describe()}: in {obj.name}.", tolerance=tol,
                           evidence=[statement_evidence(s) for s in now[:3]])
        return None
    place = ctx.catalog.places.get(obj.record)
    if place is None:
        return None
    near: list[tuple[float, Statement]] = []
    far: list[tuple[float, Statement]] = []
    for s in sts:
        loc = _place_of(ctx, s)
        if loc is None:
            continue
        d = distance_km(loc[0], loc[1], place.lat, place.lon)
        (near if d <= radius else far).append((d, s))
    now_near = [(d, s) for d, s in near if s.holds_on(day)]
    if now_near:
        d, s = min(now_near, key=lambda t: t[0])
        return Outcome("supported", f"{s.describe()}, {d:.0f} km from {place.name}.",
                       tolerance=tol, evidence=[statement_evidence(s)])
    before = [(d, s) for d, s in near if day is not None and s.valid_to is not None
              and s.valid_to < day]
    if before and subj.kind != "events":
        d, s = before[0]  # it held there before the claim's date, not at it
        return Outcome("outdated", f"{s.describe()}: {d:.0f} km from {place.name}, but that "
                       f"no longer holds at {day}.", tolerance=tol,
                       evidence=[statement_evidence(s)])
    now_far = [(d, s) for d, s in far if s.holds_on(day)]
    # (a region is no point: a garrison far from its centre may lie within it)
    if now_far and subj.kind != "events" and place.kind != "region" \
            and _BASED.search(cand.facts.text) and not _NEGATED.search(cand.facts.text):
        d, s = min(now_far, key=lambda t: t[0])
        return Outcome("contradicted", f"{s.describe()}: {d:.0f} km from {place.name}, "
                       f"beyond {radius:.0f} km.", tolerance=tol,
                       evidence=[statement_evidence(s)], strength=0.8)
    return None


def located_before(cand: Candidate, ctx: Context, subjects: list[Mention],
                   day: dt.date | None) -> Outcome | None:
    """The outcome of :func:`_located` for a place named before what it is home to
    ("Kaliningrad, the main base of Putin's Baltic Fleet"), or None."""
    places = [m for m in cand.facts.mentions if m.kind == "places"]
    for subj in subjects:
        for obj in places:
            if obj.span.end <= subj.span.start and _HOME_OF.match(
                    cand.facts.full[obj.span.end:subj.span.start]):
                return _located(cand, ctx, subj, obj, day)
    return None


def _parent(cand: Candidate, ctx: Context, subj: Mention, obj: Mention,
            day: dt.date | None) -> Outcome | None:
    """A unit or body and a superior body or unit."""
    if subj.kind not in ("units", "command_bodies") or obj.kind not in ("units",
                                                                         "command_bodies"):
        return None
    sliced = ctx.sliced(day)
    if subj.record not in sliced.records.get(subj.kind, {}):
        return None
    chain = chain_of(sliced, subj.record)
    if obj.record in chain:
        names = " -> ".join(str(getattr(sliced.get(c), "name", c)) for c in chain
                            if obj.record not in chain[: chain.index(c)])
        return Outcome("supported", f"As of {day}: {names}.",
                       evidence=[statement_evidence(s) for s in
                                 ctx.store.about(subj.record, "parent")] if ctx.store else [])
    if _PARENT.search(cand.facts.text) and not _NEGATED.search(cand.facts.text) \
            and len(chain) > 1:
        return Outcome("contradicted", f"As of {day}, the recorded chain of {subj.name} does "
                       f"not reach {obj.name}.", strength=0.8,
                       evidence=[statement_evidence(s) for s in
                                 ctx.store.about(subj.record, "parent")] if ctx.store else [])
    return None


_HANDED = re.compile(r"\b(?:receiv\w*|deliver\w*|suppl(?:y|ies|ied)|transferr?\w*|"
                     r"handed|hand\s+over|arriv\w*|shipp\w*|sold|bought|purchas\w*|"
                     r"acquir\w*)\b", re.I)
"""Verbs of a delivery: its source is not an operator of the system delivered."""


def _member(cand: Candidate, ctx: Context, subj: Mention, obj: Mention) -> Outcome | None:
    """An event's participants, a weapon system's operators."""
    store = ctx.store
    assert store is not None
    prop = {"events": "participant", "weapon_systems": "operator"}.get(subj.kind)
    if prop is None or obj.kind != "actors":
        return None
    hits = [s for s in store.about(subj.record, prop) if s.value.ref == obj.record]
    if not hits:
        return None
    if subj.kind == "weapon_systems":
        full = cand.facts.full
        if _HANDED.search(cand.facts.text) and re.search(
                r"\bfrom\s+(?:the\s+)?$", full[max(cand.facts.start, obj.span.start - 12):
                                                obj.span.start], re.I):
            # "received the first Iskander-M systems from Russia in December 2021": the state
            # a delivery came from; that it operates the system says nothing of the delivery
            # (the receiving state's units holding it at the date do)
            return None
        # an operator holds the system at the claim's date only through a unit that has it
        day = reference_date(cand, ctx)
        ids = family(ctx.catalog, [subj.record])
        held = [s for s in store.with_property("weapon_system")
                if s.value.ref in ids and s.holds_on(day)
                and getattr(ctx.catalog.units.get(s.subject), "actor", None) == obj.record]
        if not held:
            return None
        return Outcome("supported", f"{hits[0].describe()}; at {day}: {held[0].describe()}.",
                       evidence=[statement_evidence(hits[0]), statement_evidence(held[0])])
    return Outcome("supported", hits[0].describe() + ".",
                   evidence=[statement_evidence(hits[0])])


def _defunct(cand: Candidate, ctx: Context, subjects: list[Mention],
             day: dt.date | None) -> Outcome | None:
    """"now-defunct X": a later recorded value of X's series, or its recorded end."""
    store = ctx.store
    assert store is not None
    words = set(re.findall(r"[a-z]+", fold(cand.facts.text)))
    recent = dt.timedelta(days=ctx.tolerances.relation.recent_days)
    for m in subjects:
        rec = ctx.catalog.get(m.record)
        series = str(getattr(rec, "subject", m.record))
        # the most specific series the sentence names in full ("Druzhba pipeline northern
        # branch": druzhba-northern-branch rather than druzhba-pipeline)
        named = [sub for sub in {st.subject for st in store.statements
                                 if st.subject_kind == "indicators"}
                 if set(sub.split("-")) <= words]
        if named:
            series = max(named, key=lambda sub: len(sub.split("-")))
        sts = [s for s in store.about(series) if s.value.kind == "quantity"
               and s.valid_from is not None and (day is None or s.valid_from <= day)]
        active = [s for s in sts if (s.value.number or 0) > 0 and s.kind != "planned"
                  and (day is None or s.valid_from is None or day - s.valid_from <= recent)]
        if active:
            last = max(active, key=lambda s: s.valid_from or dt.date.min)
            return Outcome("contradicted",
                           f"The claim calls {series.replace('-', ' ')} defunct, but the "
                           f"dataset records it in operation within "
                           f"{recent.days} days before the claim's date: {last.describe()}.",
                           evidence=[statement_evidence(s) for s in
                                     sorted(active, key=lambda s: s.valid_from or dt.date.min,
                                            reverse=True)[:3]],
                           tolerance={"recent_days": recent.days})
        end = getattr(rec, "valid_to", None)
        if isinstance(end, dt.date) and (day is None or end <= day):
            return Outcome("supported", f"{m.name} is recorded as ending on "
                           f"{end.isoformat()}.",
                           evidence=[statement_evidence(s) for s in
                                     store.about(m.record, "valid_to")])
    return None


def _dated(cand: Candidate, ctx: Context, subj: Mention, dates: list[DateMention]
           ) -> Outcome | None:
    """A creation or an end of a record with a date."""
    store = ctx.store
    assert store is not None
    text = cand.facts.text
    prop = "valid_to" if _ENDED.search(text) else "valid_from" if _FORMED.search(text) else None
    if prop is None:
        return None
    sts = store.about(subj.record, prop)
    if not sts:
        return None
    st = sts[0]
    rec_day = st.value.date
    assert rec_day is not None
    for d in dates:
        prec = d.precision if st.value.precision in (None, "day") else st.value.precision
        same = {"year": rec_day.year == d.date.year,
                "month": (rec_day.year, rec_day.month) == (d.date.year, d.date.month),
                "day": abs((rec_day - d.date).days) <= ctx.tolerances.event_date.days,
                }[prec if prec in ("year", "month") else ("day" if d.precision == "day"
                                                          else d.precision)]
        if same:
            return Outcome("supported", f"{st.describe()}; the claim says {d.span.text!r}.",
                           evidence=[statement_evidence(st)])
    earlier = getattr(ctx.catalog.command_bodies.get(subj.record), "earlier", None) or []
    if any(d.date <= e.valid_to for d in dates for e in earlier):
        return None  # a body of the same name existed before: the date may be the earlier one's
    if all(d.date.year != rec_day.year for d in dates):
        return Outcome("contradicted", f"{st.describe()}; the claim says "
                       f"{', '.join(d.span.text for d in dates)}.",
                       evidence=[statement_evidence(st)], strength=0.8)
    return None


_REGION_AFTER = re.compile(
    r"(?:,\s*|\s+(?:(?:lies|is|was|are|located|situated|sits)\s+)?)(?:(?:in|of)\s+|"
    r"(?:is|was)\s+the\s+(?:administrative\s+)?(?:capital|centre|center|seat)\s+of\s+)"
    r"(?:the\s+)?(?:[A-Z][\w'’-]+['’]s\s+)?(?P<name>(?:[A-Z][\w'’-]+[\s-]+){1,2}?)"
    r"(?P<word>region|oblast|voblast|province|voivodeship|county)\b")
"""A first-level region a place is said to lie in, right after the place: "Elbląg, in
Poland's Warmian-Masurian province", "Yelnya is in the Smolensk region", "Lublin is the
capital of the Lublin province"."""
_REGION_WORDS = frozenset({"region", "oblast", "voblast", "province", "voivodeship", "county"})


def _region_key(name: str) -> str:
    """A region's name without its word of place, folded ("Grodno Oblast": "grodno")."""
    words = [w for w in re.split(r"[\s]+", fold(name)) if w and w not in _REGION_WORDS]
    return " ".join(words)


def _region_of(name: str, ctx: Context) -> str | None:
    """The recorded first-level region a region's name refers to: the ``admin`` of a place
    whose own name (or alias) it is when that place is the region's seat ("Hrodna region":
    Grodno Oblast), else a recorded ``admin`` of the same name within spelling distance."""
    key = _region_key(name)
    if not key:
        return None
    admins = {p.admin for p in ctx.catalog.places.values() if p.admin}
    for p in ctx.catalog.places.values():
        if p.oblast_capital and p.admin and any(fold(n) == key for n in (p.name, *p.aliases)):
            return p.admin
    best = max(admins, key=lambda a: fuzz.ratio(_region_key(a), key), default=None)
    if best is not None and fuzz.ratio(_region_key(best), key) >= \
            ctx.tolerances.relation.region_score:
        return best
    return None


def _region(cand: Candidate, ctx: Context) -> Outcome | None:
    """A place said to lie in a first-level region, against the place's recorded ``admin``:
    the same region (by its seat's name or a spelling within ``relation.region_score``)
    supports; another recorded region refutes, the sentence being about that place."""
    full = cand.facts.full
    for m in cand.facts.mentions:
        place = ctx.catalog.places.get(m.record) if m.kind == "places" else None
        if place is None or not place.admin or place.kind == "region":
            continue
        said = _REGION_AFTER.match(full, m.span.end, cand.facts.end)
        if said is None:
            continue
        region = _region_of(said.group("name") + said.group("word"), ctx)
        tol = {"region_score": ctx.tolerances.relation.region_score}
        if re.search(r"capital|centre|center|seat", said.group(0)) and region is not None:
            # the region's seat: the place recorded as the seat of that region
            seats = [p for p in ctx.catalog.places.values()
                     if p.oblast_capital and p.admin == region and p.kind != "region"]
            if place in seats:
                return Outcome("supported", f"{place.name} is recorded as the seat of "
                               f"{region}.", evidence=[evidence_of(
                                   place, "places", f"{place.name}: seat of {region}")],
                               tolerance=tol)
            if seats and not _NEGATED.search(cand.facts.text):
                return Outcome("contradicted", f"The seat of {region} is {seats[0].name} "
                               f"(recorded), not {place.name}.", evidence=[evidence_of(
                                   seats[0], "places", f"{seats[0].name}: seat of {region}")],
                               tolerance=tol, strength=0.8)
            return unverifiable(f"The dataset does not record the seat of {region}.",
                                settled=True)
        detail = f"{place.name} lies in {place.admin} (recorded)"
        ev = [evidence_of(place, "places", detail)]
        if region == place.admin:
            return Outcome("supported", detail + ".", evidence=ev, tolerance=tol)
        if region is not None and not _NEGATED.search(cand.facts.text):
            return Outcome("contradicted", f"{detail}, not in {region}.", evidence=ev,
                           tolerance=tol, strength=0.8)
    return None


_NAMED_AS = re.compile(r"(?:codenamed|code-named|known\s+as|also\s+called|dubbed|"
                       r"designated(?:\s+as)?|(?:NATO\s+)?reporting\s+name)\s+(?:the\s+)?$",
                       re.I)
"""Words that give a thing another name ("the Iskander, ... codenamed SS-26 Stone")."""


def _other_name(cand: Candidate, ctx: Context) -> Outcome | None:
    """A thing given another of its recorded names ("The Iskander, a mobile ballistic missile
    system codenamed SS-26 Stone by NATO"): both names are the same record's."""
    full = cand.facts.full
    ments = list(cand.facts.mentions)
    for first, second in pairwise(ments):
        # (the name given is the other name of the thing named just before it)
        between = full[first.span.end:second.span.start]
        if len(between) > 80 or not _NAMED_AS.search(between) or NEGATION.search(between) \
                or second.kind != first.kind:
            continue
        rec = ctx.catalog.records[first.kind].get(first.record)
        other = ctx.catalog.records[second.kind].get(second.record)
        if rec is None or other is None:
            continue
        names = [evidence_of(r, first.kind, "name and aliases: " + ", ".join([r.name,
                                                                              *r.aliases]))
                 for r in ([rec] if rec is other else [rec, other])]
        if second.record == first.record:
            return Outcome("supported", f"{first.span.text!r} and {second.span.text!r} are "
                           f"names of one record, {rec.name}.", evidence=names,
                           tolerance={"rule": "two recorded names of one record"})
        return Outcome("contradicted", f"{second.span.text!r} names {other.name}, not "
                       f"{rec.name} ({first.span.text!r}).", evidence=names,
                       tolerance={"rule": "the other name is another record's"})
    return None


def resolve_relation(cand: Candidate, ctx: Context) -> Outcome:
    """Check what a sentence asserts of a named entity against the statements."""
    if ctx.store is None:
        return unverifiable("No statement store.")
    day = reference_date(cand, ctx)
    ments = list(cand.facts.mentions)
    subjects = [m for m in ments if m.kind in _SUBJECTS]
    text = cand.facts.text
    if _DEFUNCT.search(text):
        out = _defunct(cand, ctx, subjects, ctx.article_date)
        if out is not None:
            return out
    region = _region(cand, ctx)
    if region is not None:
        return region
    named = _other_name(cand, ctx)
    if named is not None:
        return named
    dates = [d for d in cand.facts.dates if not d.relative]
    for subj in subjects:
        objects = [m for m in ments if m.span.start > subj.span.start
                   and m.record != subj.record
                   and not (m.kind == "actors" and m.adjectival)]
        for obj in objects:
            for fn in (_located, _parent):
                out = fn(cand, ctx, subj, obj, day)
                if out is not None:
                    return out
            out = _member(cand, ctx, subj, obj)
            if out is not None:
                return out
        if dates:
            out = _dated(cand, ctx, subj, dates)
            if out is not None:
                return out
    typed = typed_event(cand, ctx)
    rec = ctx.catalog.events.get(typed.evidence[0].record or "") if (
        typed is not None and typed.evidence) else None
    if typed is not None and (rec is None or not unsaid(cand, rec, ctx)):
        return typed
    names = ", ".join(dict.fromkeys(m.name for m in subjects or ments)) or "its subject"
    return unverifiable(f"No recorded statement about {names} decides what this sentence "
                        f"asserts; the nearest statements are shown.")
