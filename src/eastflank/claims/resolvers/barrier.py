"""Barrier-length claims: the length of a fence, wall or barrier along a border.

A barrier is judged against the sourced lengths of barrier records (an event or a facility
whose name or summary names a fence, wall or barrier, with a ``*length_km`` figure) of the
states the claim names, never against the length of the border it runs along: "a 502 km fence"
on a 679 km border is no contradiction. Barriers are built in sections over years and their
published lengths differ with what is counted (fence, razor wire, river stretches), so a length
that matches no sourced figure is left ``unverifiable`` with the nearest figures shown, not
contradicted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.model import Quantity
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    independent_sources,
    mentions_of,
    reference_date,
    statement_evidence,
    unverifiable,
)
from eastflank.claims.resolvers.events import NEGATION
from eastflank.claims.statements import Statement
from eastflank.claims.tolerances import NumericTolerance

__all__ = ["barrier_statements", "resolve_barrier_length"]

BARRIER_WORDS = vocab.BARRIER
_FUTURE = vocab.BARRIER_PLANNED
"""A barrier to be built: its planned length, or the length it was built to later, bears the
claim out."""


def _barrier_record(rec: Any) -> bool:
    words = " ".join(str(getattr(rec, a, "") or "") for a in ("name", "summary"))
    return bool(BARRIER_WORDS.search(words))


def barrier_statements(ctx: Context, states: list[str]) -> list[tuple[Statement, Any]]:
    """Sourced barrier lengths (km) of barrier records whose actors include all of
    ``states``, with their record."""
    if ctx.store is None:
        return []
    out: list[tuple[Statement, Any]] = []
    pools = {"events": ctx.catalog.events, "facilities": ctx.catalog.facilities}
    for st in ctx.store:
        if st.subject_kind not in pools or st.value.unit != "km" \
                or not st.property.endswith("length"):
            continue
        rec = pools[st.subject_kind].get(st.subject)
        if rec is None or not _barrier_record(rec):
            continue
        actors = set(getattr(rec, "actors", []) or [])
        place = getattr(rec, "actor", None)
        if place:
            actors.add(str(place))
        if not set(states) <= actors:
            continue
        if not independent_sources(st.sources, ctx):
            continue
        out.append((st, rec))
    return out


def _fits(q: Quantity, km: float, tol: NumericTolerance) -> bool:
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else q.value
    if q.bound == "at-least":
        return km >= q.value - tol.allowed(km)
    if q.bound == "at-most":
        return km <= q.value + tol.allowed(km)
    return lo - tol.allowed(km) <= km <= hi + tol.allowed(km)


def resolve_barrier_length(cand: Candidate, ctx: Context) -> Outcome:
    """Check a fence's or barrier's length against the sourced lengths of the barriers of the
    states the claim names (a plan's length only when the claim speaks of a plan)."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.barrier_length
    known = ctx.catalog.actors

    def named(mentions: list[Any]) -> list[str]:
        return list(dict.fromkeys(m.record for m in mentions if m.record in known
                                  and known[m.record].kind == "state"))

    # the states of the sentence, else of the sentences before, else of the headline (which
    # names what the text is about): the barrier must stand between all of them
    states = named(mentions_of(cand, "actors")) or named(
        mentions_of(cand, "actors", with_context=True))
    if not states and ctx.title:
        states = [a.id for a in known.values() if a.kind == "state" and re.search(
            rf"\b{re.escape(a.name)}\b", ctx.title)]
    found = barrier_statements(ctx, states)
    if not states or not found:
        return unverifiable("No sourced barrier length for the states the claim names "
                            "(a barrier is not judged against the border's length).",
                            claimed=q.value, unit="km", tolerance=tol.as_dict())
    if NEGATION.search(cand.facts.text):
        return unverifiable("A negated barrier length (\"has not finished\") is not judged "
                            "against the lengths built.", claimed=q.value, unit="km",
                            tolerance=tol.as_dict())
    future = bool(_FUTURE.search(cand.facts.text))
    day = reference_date(cand, ctx)
    ahead = dt.timedelta(days=tol.build_days if future else ctx.tolerances.event_date.days)

    def in_time(st: Statement, rec: Any) -> bool:
        begun = getattr(rec, "date", None) or st.valid_from
        return day is None or begun is None or begun <= day + ahead

    usable = [(st, rec) for st, rec in found
              if (future or (st.kind != "planned" and not st.property.startswith("planned")))
              and in_time(st, rec)]
    matched = sorted(((st, rec) for st, rec in usable
                      if st.value.number is not None and _fits(q, st.value.number, tol)),
                     key=lambda t: abs((t[0].value.number or 0.0) - q.value))
    shown = sorted(found, key=lambda t: abs((t[0].value.number or 0.0) - q.value))[:3]
    if matched:
        st, rec = matched[0]
        return Outcome("supported",
                       f"{rec.name}: {st.property.replace('_', ' ')} {st.value.label}; the "
                       f"claim says {q.span.text.strip()}, within tolerance.",
                       q.value, st.value.number, "km", tol.as_dict(),
                       [statement_evidence(st)])
    values = "; ".join(f"{rec.name}: {st.value.label}" for st, rec in shown)
    return unverifiable(f"The claimed {q.span.text.strip()} matches no sourced barrier length "
                        f"(nearest: {values}); barriers are built and counted in sections, so "
                        "a different figure is not a contradiction.", claimed=q.value,
                        unit="km", tolerance=tol.as_dict(),
                        nearest=[statement_evidence(st) for st, _ in shown])
