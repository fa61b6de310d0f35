"""Resolvers: one function per claim kind, each ``(Candidate, Context) -> Outcome``."""

from __future__ import annotations

from collections.abc import Callable

from eastflank.claims.detect import Candidate
from eastflank.claims.model import ClaimKind
from eastflank.claims.resolvers.attribution import resolve_attribution
from eastflank.claims.resolvers.base import Context, Outcome, unverifiable
from eastflank.claims.resolvers.basing import resolve_basing
from eastflank.claims.resolvers.command import resolve_command
from eastflank.claims.resolvers.distance import (
    resolve_border_length,
    resolve_distance,
    resolve_gap_width,
)
from eastflank.claims.resolvers.economic import resolve_economic
from eastflank.claims.resolvers.events import resolve_event, unsaid
from eastflank.claims.resolvers.lead_nation import resolve_lead_nations
from eastflank.claims.resolvers.membership import resolve_membership
from eastflank.claims.resolvers.relation import resolve_relation
from eastflank.claims.resolvers.strength import resolve_count, resolve_strength
from eastflank.claims.resolvers.tenure import resolve_tenure
from eastflank.claims.resolvers.warning import resolve_warning_time
from eastflank.claims.resolvers.weapons import resolve_flight_time, resolve_weapon_range

__all__ = ["RESOLVERS", "Context", "Outcome", "resolve"]


def resolve_event_or_relation(cand: Candidate, ctx: Context) -> Outcome:
    """An event claim against the recorded events; when they hold nothing on it (no event
    found, no evidence shown), what the sentence asserts of its named entities ("the
    Iskander-M ... was handed over") is checked against the statements instead."""
    out = resolve_event(cand, ctx)
    if out.verdict != "unverifiable" or out.evidence:
        return out
    rel = resolve_relation(cand, ctx)
    if rel.verdict == "unverifiable":
        return out
    # an event the sentence says something of must not leave out what it adds (a state it
    # puts the event in, a figure, a person), whichever resolver found it
    rec = ctx.catalog.events.get(rel.evidence[0].record or "") if rel.evidence else None
    if rec is not None and unsaid(cand, rec, ctx):
        return out
    return rel


RESOLVERS: dict[ClaimKind, Callable[[Candidate, Context], Outcome]] = {
    "distance": resolve_distance,
    "border_length": resolve_border_length,
    "gap_width": resolve_gap_width,
    "strength": resolve_strength,
    "count": resolve_count,
    "weapon_range": resolve_weapon_range,
    "flight_time": resolve_flight_time,
    "command": resolve_command,
    "basing": resolve_basing,
    "event": resolve_event_or_relation,
    "attribution": resolve_attribution,
    "warning_time": resolve_warning_time,
    "relation": resolve_relation,
    "economic": resolve_economic,
}
"""Claim kind -> resolver."""


def resolve(cand: Candidate, ctx: Context) -> Outcome:
    """Resolve one candidate claim with the resolver of its kind; a phrase saying when a
    state joined NATO, or since when a leader has ruled, with the accession dates or the
    posts."""
    if cand.extra.get("membership"):
        return resolve_membership(cand, ctx) or unverifiable(
            "No recorded accession to NATO decides the date the sentence gives (a state the "
            "accession dates do not list, or a bid or plan to join).")
    if cand.extra.get("lead_nations"):
        return resolve_lead_nations(cand, ctx) or unverifiable(
            "The units hold no battlegroup of the host states the sentence names with a lead "
            "nation at its date.")
    if cand.extra.get("embedded"):
        # an event named in passing with its date: borne out by its record, or left out (the
        # sentence's own claims say what is checked of it)
        outcome = RESOLVERS["event"](cand, ctx)
        if outcome.verdict != "supported":
            return unverifiable("No record bears out the event named in passing.", keep=False)
        return outcome
    if cand.extra.get("tenure"):
        return resolve_tenure(cand, ctx) or unverifiable(
            "No recorded term of the person as head of state or government began at the "
            "time the sentence gives; the posts may not hold every office the person held "
            "before, so this refutes nothing.")
    return RESOLVERS[cand.kind](cand, ctx)
