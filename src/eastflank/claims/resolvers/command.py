"""Command-relationship claims at a date.

A command body named at a date after its ``valid_to`` makes the claim ``outdated`` (the
Western Military District in January 2026); one named before its ``valid_from``,
``contradicted``. A relation ("X subordinated to Y", "command resides in the Kremlin") is
``supported`` when X's chain of parents as of the claim's date reaches Y, else
``contradicted``.
"""

from __future__ import annotations

import datetime as dt
import re

from eastflank.catalog import Catalog
from eastflank.claims.detect import Candidate
from eastflank.claims.model import DateMention, Evidence, Mention
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    mentions_of,
    reference_date,
    unverifiable,
)
from eastflank.claims.text import fold
from eastflank.schema import CommandBody, Event

__all__ = ["chain_of", "resolve_command"]

_END = re.compile(r"\b(?:no\s+longer\s+exist\w*|ceas\w*\s+to\s+exist|abolish\w*|"
                  r"disband\w*|dissolv\w*|liquidat\w*)\b", re.I)
_CREATE = re.compile(r"\b(?:re-?establish\w*|creat\w*|form(?:ed|s|ing|ation)\b|"
                     r"restor\w*|recreat\w*|"
                     r"set\s+up|will)\b", re.I)


_FORMER = re.compile(r"\b(?:former(?:ly)?|erstwhile|then-|previous(?:ly)?|(?:now-?)?defunct|"
                     r"no\s+longer\s+exist\w*|had\s+been|used\s+to)\b", re.I)
"""Words that speak of a body as past: naming it after its end is then no anachronism."""


def chain_of(catalog: Catalog, record_id: str) -> list[str]:
    """Ids from ``record_id`` up its ``parent`` links (itself first), within ``catalog``."""
    out = [record_id]
    seen = {record_id}
    current = catalog.records["command_bodies"].get(record_id) or catalog.units.get(record_id)
    while current is not None:
        parent = getattr(current, "parent", None)
        if not isinstance(parent, str):
            break
        if parent in seen:
            break
        out.append(parent)
        seen.add(parent)
        current = catalog.command_bodies.get(parent) or catalog.units.get(parent)
    return out


_FORMATION = re.compile(r"\b(?:merg\w*\s+into|form(?:ed|s|ing|ation)\b|"
                        r"re-?establish\w*|establish\w*|"
                        r"creat\w*|re-?creat\w*|set\s+up|stood\s+up|founded)\b", re.I)


def _formation(cand: Candidate, ctx: Context, bodies: list[Mention]) -> Outcome | None:
    """"merged into a single Western Military District in 2010": the body's recorded
    ``valid_from`` against the sentence's date, at the date's precision."""
    verb = _FORMATION.search(cand.facts.text)
    dates = [d for d in cand.facts.dates if not d.relative]
    if verb is None or not dates:
        return None
    at, end = cand.facts.start + verb.start(), cand.facts.start + verb.end()
    # the body the verb governs: named right after it ("merged into a single Western
    # Military District in 2010") or right before it ("the WMD, formed in 2010")
    near = [m for m in bodies if end <= m.span.start <= end + 50] or \
        [m for m in bodies if at - 40 <= m.span.end <= at]
    for m in near[:1]:
        dates = sorted(dates, key=lambda d: abs(d.span.start - m.span.end))[:1]
        body = ctx.catalog.command_bodies[m.record]
        start = body.valid_from
        if start is None:
            continue
        ev = [evidence_of(body, "command_bodies", f"valid_from {start.isoformat()}")]
        for d in dates:
            same = {"year": start.year == d.date.year,
                    "month": (start.year, start.month) == (d.date.year, d.date.month),
                    "day": abs((start - d.date).days) <= ctx.tolerances.event_date.days,
                    }[d.precision]
            if same:
                return Outcome("supported", f"{body.name} is recorded from "
                               f"{start.isoformat()}; the sentence says {d.span.text!r}.",
                               evidence=ev, tolerance={"rule": "valid_from at the date's "
                                                       "precision"})
        if any(d.date <= e.valid_to for d in dates for e in body.earlier):
            # a district of the same name existed before ("formed in 1864 ... until 2010"):
            # when the earlier one was formed is not always recorded
            known = [e.valid_from for e in body.earlier if e.valid_from is not None]
            if not any(d.date.year == k.year for d in dates for k in known):
                return unverifiable(
                    f"{body.name} is recorded from {start.isoformat()}; a body of the same "
                    "name existed earlier (until "
                    + ", ".join(e.valid_to.isoformat() for e in body.earlier)
                    + "), and when it was formed is "
                    + ("recorded as " + ", ".join(k.isoformat() for k in known) if known
                       else "not recorded")
                    + f", so {', '.join(d.span.text for d in dates)!r} is not judged.",
                    evidence=ev)
            return Outcome("supported", f"{body.name}: an earlier body of the same name is "
                           f"recorded from {', '.join(k.isoformat() for k in known)}.",
                           evidence=ev, tolerance={"rule": "earlier valid_from, year"})
        process = _formation_process(ctx, body, dates)
        if process is not None:
            until = process.end_date.isoformat() if process.end_date else "?"
            return Outcome("supported", f"{body.name} is recorded from {start.isoformat()}, "
                           f"formed in a process recorded from {process.date.isoformat()} to "
                           f"{until} ({process.name}), which takes in "
                           f"{', '.join(d.span.text for d in dates)!r}.",
                           evidence=[*ev, evidence_of(process, "events", process.name)],
                           tolerance={"rule": "the date within the recorded formation"})
        return Outcome("contradicted", f"{body.name} is recorded from {start.isoformat()}, "
                       f"not {', '.join(d.span.text for d in dates)}.", evidence=ev,
                       tolerance={"rule": "valid_from at the date's precision"}, strength=0.8)
    return None


def _last_day(d: DateMention) -> dt.date:
    """The last day a date at its precision takes in ("2010": 31 December 2010)."""
    if d.end is not None:
        return d.end
    if d.precision == "year":
        return dt.date(d.date.year, 12, 31)
    if d.precision == "month":
        nxt = dt.date(d.date.year + d.date.month // 12, d.date.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d.date


_GENERIC_BODY_WORDS = frozenset({"military", "district", "districts", "command", "commands",
                                 "joint", "strategic", "operational", "forces", "force", "of",
                                 "the", "and", "armed", "headquarters", "hq", "md"})


def _formation_process(ctx: Context, body: CommandBody,
                       dates: list[DateMention]) -> Event | None:
    """A recorded reorganisation that formed ``body`` over a period taking in both its
    ``valid_from`` and a date the sentence gives: a district is decreed on one day and
    operates from another ("created on 1 December 2010", decreed 20 September), and either
    day is its creation. The record must name the body's own words ("Western", "Leningrad")."""
    start = body.valid_from
    if start is None:
        return None
    own = [w for w in re.findall(r"[a-z]+", fold(body.name)) if w not in _GENERIC_BODY_WORDS]
    if not own:
        return None
    for e in ctx.catalog.events.values():
        if e.end_date is None or not e.date <= start <= e.end_date:
            continue
        if not any(d.date <= e.end_date and e.date <= _last_day(d) for d in dates):
            continue
        told = fold(f"{e.name} {e.summary}")
        if (all(re.search(rf"\b{re.escape(w)}\b", told) for w in own) and \
                _FORMATION.search(f"{e.name} {e.summary} {e.kind}")) or (
                    e.kind == "reorganisation"
                    and all(re.search(rf"\b{re.escape(w)}\b", told) for w in own)):
            return e
    return None


_STATES = re.compile(r"\b(?:includ\w*|comprises?|covers?|covered|consists?|responsible|"
                     r"headquarter\w*|based|located|seat|transferred|moved|joined|part)\b",
                     re.I)


def _fmt(day: dt.date | None) -> str:
    return day.isoformat() if day else "an unknown date"


def resolve_command(cand: Candidate, ctx: Context) -> Outcome:
    """Check the command bodies and relation of a sentence at the claim's date (a person
    named with an office: :func:`eastflank.claims.resolvers.posts.resolve_post`)."""
    if "post" in cand.extra:
        from eastflank.claims.resolvers.posts import resolve_post

        return resolve_post(cand, ctx)
    day = reference_date(cand, ctx)
    bodies = mentions_of(cand, "command_bodies")
    if cand.extra.get("relation") is None:
        # "Kaliningrad, the main base of the Baltic Fleet": where a body is seated
        from eastflank.claims.resolvers.relation import located_before

        seated = located_before(cand, ctx, bodies, day)
        if seated is not None:
            return seated
    text = cand.facts.text
    end_verb = _END.search(text)
    if end_verb is not None:
        # the ending is said of the body named nearest before it ("..., and the Western
        # Military District will no longer exist"), else the nearest after it
        at = cand.facts.start + end_verb.start()
        before = [m for m in bodies if m.span.end <= at]
        after = [m for m in bodies if m.span.start >= at]
        ended = ([max(before, key=lambda m: m.span.end)] if before else
                 [min(after, key=lambda m: m.span.start)] if after else [])
        for m in ended:
            body = ctx.catalog.command_bodies[m.record]
            given = [d for d in cand.facts.dates if not d.relative]
            if body.valid_to is None and given and body.valid_from is not None \
                    and all(_last_day(d) < body.valid_from for d in given):
                # "the Leningrad Military District was disbanded in 2010": a body of that name
                # before the recorded one (re-created in 2024), which says nothing of it
                closed = [e.valid_to for e in body.earlier
                          if any(abs((d.date - e.valid_to).days) <= 31
                                 or (d.precision == "year" and d.date.year == e.valid_to.year)
                                 for d in given)]
                ev = [evidence_of(body, "command_bodies",
                                  f"valid_from {body.valid_from.isoformat()}")]
                if closed:
                    return Outcome("supported",
                                   f"An earlier {body.name} is recorded as ending on "
                                   f"{closed[0].isoformat()} (the present one is recorded from "
                                   f"{body.valid_from.isoformat()}).", evidence=ev,
                                   tolerance={"rule": "earlier valid_to, year or days",
                                              "days": 31})
                return unverifiable(f"{body.name} is recorded from "
                                    f"{body.valid_from.isoformat()}; the sentence speaks of a "
                                    f"body of that name before it, whose end is not recorded.",
                                    evidence=ev)
            if body.valid_to is None:
                return Outcome("contradicted",
                               f"The sentence says {body.name} ended, but the dataset records "
                               f"it without an end.",
                               evidence=[evidence_of(body, "command_bodies", "no valid_to")],
                               tolerance={"rule": "valid_to recorded"})
            dates = [d.date for d in cand.facts.dates if not d.relative]
            ref = dates or ([ctx.article_date] if ctx.article_date else [])
            slack = 31 if dates else 120
            if any(abs((d - body.valid_to).days) <= slack for d in ref):
                return Outcome("supported",
                               f"{body.name} is recorded as ending on "
                               f"{body.valid_to.isoformat()}.",
                               evidence=[evidence_of(body, "command_bodies",
                                                     f"valid_to {body.valid_to.isoformat()}")],
                               tolerance={"rule": "end within days of valid_to",
                                          "days": slack})
    formed = _formation(cand, ctx, bodies)
    if formed is not None:
        return formed
    creating = bool(_CREATE.search(text))
    for m in bodies:
        body = ctx.catalog.command_bodies[m.record]
        if day is not None and body.valid_to is not None and day > body.valid_to \
                and _FORMER.search(text):
            return Outcome("supported",
                           f"{body.name} ceased to exist on {body.valid_to.isoformat()}; the "
                           f"sentence speaks of it as past.",
                           evidence=[evidence_of(body, "command_bodies",
                                                 f"valid_to {body.valid_to.isoformat()}")],
                           tolerance={"rule": "valid_to before the claim's date"},
                           strength=0.8)
        if day is not None and body.valid_to is not None and day > body.valid_to:
            successors = [b.name for b in ctx.catalog.command_bodies.values()
                          if b.valid_from is not None and body.valid_to is not None
                          and abs((b.valid_from - body.valid_to).days) <= 120
                          and b.kind == body.kind and b.id != body.id]
            succ = f" Its successors: {', '.join(successors)}." if successors else ""
            return Outcome("outdated",
                           f"{body.name} ceased to exist on {body.valid_to.isoformat()}; the "
                           f"claim refers to it at {_fmt(day)}.{succ}",
                           evidence=[evidence_of(body, "command_bodies",
                                                 f"valid_to {body.valid_to.isoformat()}")],
                           tolerance={"rule": "valid_to before the claim's date"})
        if day is not None and body.valid_from is not None and day < body.valid_from:
            if creating:  # "a decree re-establishing the Moscow military district"
                return Outcome("unverifiable", "The sentence reports the body's creation.",
                               keep=False)
            span = next((e for e in body.earlier if (e.valid_from is None or e.valid_from <= day)
                         and day <= e.valid_to), None)
            if span is not None:
                # the Moscow Military District of 2009 is the one abolished in 2010, not the
                # one re-created in 2024: it existed, but its links then are not recorded
                return unverifiable(
                    f"{body.name} existed at {_fmt(day)} in an earlier span (until "
                    f"{span.valid_to.isoformat()}); the dataset records its structure only "
                    f"from {body.valid_from.isoformat()}.",
                    evidence=[evidence_of(body, "command_bodies",
                                          f"earlier span until {span.valid_to.isoformat()}",
                                          sources=span.sources)])
            gone = max((e.valid_to for e in body.earlier if e.valid_to < day), default=None)
            return Outcome("contradicted",
                           (f"{body.name} was abolished on {gone.isoformat()} and re-created "
                            f"only on {body.valid_from.isoformat()}" if gone else
                            f"{body.name} was only created on {body.valid_from.isoformat()}")
                           + f"; the claim refers to it at {_fmt(day)}.",
                           evidence=[evidence_of(body, "command_bodies",
                                                 f"valid_from {body.valid_from.isoformat()}")],
                           tolerance={"rule": "valid_from after the claim's date"})
    relation = cand.extra.get("relation")
    if not relation:
        # no command relation: the sentence may still say where the body sits, or when it
        # was formed or ended ("the Western Military District, headquartered in St Petersburg")
        from eastflank.claims.resolvers.relation import resolve_relation

        other = resolve_relation(cand, ctx)
        if other.verdict != "unverifiable":
            return other
        named = {m.record for m in cand.facts.mentions
                 if not (m.kind == "actors" and m.adjectival)}
        if len(named) >= 2 and _STATES.search(text):
            return other  # "Crimea was included in the Southern Military District": a claim
        from eastflank.claims.resolvers.match import match_statements, names_all

        # the body only names who did something ("Russian airborne troops landed at Hostomel"):
        # what the sentence says may be a recorded event's, if the event's record names every
        # proper name the sentence gives (not "the airport in Boryspil" for Hostomel's)
        said = match_statements(cand, ctx)
        if said is not None and said.strength >= ctx.tolerances.policy.decisive_threshold \
                and said.evidence and names_all(cand, said.evidence[0].record or "", ctx):
            return said
        return Outcome("unverifiable", "A command body is named but no relation is stated.",
                       keep=False)
    sliced = ctx.sliced(day)
    rel_at = cand.span.start
    for m in bodies:
        if m.span.start > cand.facts.start + cand.facts.text.find(str(relation)):
            rel_at = cand.facts.start + cand.facts.text.find(str(relation))
            break
    superiors = [m for m in bodies if m.span.start >= rel_at] or bodies[-1:]
    subordinates = [m for m in bodies if m.span.start < rel_at and m not in superiors]
    if not subordinates:
        # a unit under a body ("the 465th Missile Brigade is subordinate to ...")
        subordinates = [m for m in mentions_of(cand, "units") if m.span.start < rel_at][:1]
    if not subordinates:
        ctx_bodies = [m for m in mentions_of(cand, "command_bodies", with_context=True)
                      if m.record not in {s.record for s in superiors}]
        subordinates = ctx_bodies[:1]
    if not subordinates or not superiors:
        return unverifiable("The sentence does not name both a subordinate and a superior "
                            "command body.")
    sub, sup = subordinates[0], superiors[0]
    if sub.record not in sliced.command_bodies and sub.record not in sliced.units:
        return unverifiable(f"{sub.name} is not recorded at {_fmt(day)}.")
    chain = chain_of(sliced, sub.record)
    links = [(c, sliced.command_bodies.get(c) or sliced.units.get(c)) for c in chain]
    names = " -> ".join(rec.name for _, rec in links if rec is not None)
    evidence = [evidence_of(rec, "command_bodies" if c in sliced.command_bodies else "units",
                            f"parent: {getattr(rec, 'parent', None)}")
                for c, rec in links if rec is not None]
    if sup.record in chain:
        return Outcome("supported",
                       f"As of {_fmt(day)}, {sub.name} reports up to {sup.name}: {names}.",
                       evidence=evidence, tolerance={"rule": "parent chain reaches superior"})
    evidence.append(Evidence(record=sup.record, kind="command_bodies", name=sup.name,
                             detail="not in the chain of command of " + sub.name,
                             sources=list(ctx.catalog.command_bodies[sup.record].sources)))
    return Outcome("contradicted",
                   f"As of {_fmt(day)}, the recorded chain of {sub.name} is {names}; it does "
                   f"not reach {sup.name}.",
                   evidence=evidence, tolerance={"rule": "parent chain reaches superior"},
                   strength=0.8 if sub.kind == "units" else 1.0)
