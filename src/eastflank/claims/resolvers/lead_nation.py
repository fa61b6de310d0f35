"""Which state leads NATO's battlegroup in a host state ("Battle Group Latvia led by Canada",
"Germany will be in charge of the one in Lithuania"), against the units' ``lead_nation``.

The battlegroup of a host is a multinational unit of the alliance with a lead nation whose
garrison lies in the host state and that stands at the claim's date (or, for a sentence in the
future tense, stands up within two years of it: "the United States will lead the battalion in
Poland", said in 2016). A pair whose battlegroup the units hold with that lead nation bears the
sentence out; one with another lead nation refutes it; a host whose battlegroup the units do not
hold is left aside.
"""

from __future__ import annotations

import datetime as dt
import re

from eastflank.claims.detect import Candidate
from eastflank.claims.resolvers.base import Context, Outcome, evidence_of, reference_date
from eastflank.claims.resolvers.events import NEGATION
from eastflank.schema import Unit

__all__ = ["resolve_lead_nations"]

_FUTURE = re.compile(r"\b(?:will|would|shall|to\s+be|plans?\s+to|is\s+to|are\s+to)\b", re.I)
_AHEAD = dt.timedelta(days=731)


def _battlegroup(ctx: Context, host: str, day: dt.date | None, future: bool) -> Unit | None:
    for u in ctx.catalog.units.values():
        if u.lead_nation is None or u.garrison is None:
            continue
        place = ctx.catalog.places.get(u.garrison)
        if place is None or place.country != host:
            continue
        if day is None or u.valid_on(day) or (
                future and u.valid_from is not None and day <= u.valid_from <= day + _AHEAD):
            return u
    return None


def resolve_lead_nations(cand: Candidate, ctx: Context) -> Outcome | None:
    """The outcome of the (lead, host) pairs the sentence gives, or None when no pair is
    decided by the units."""
    if NEGATION.search(cand.facts.text):
        return None
    pairs = cand.extra.get("lead_nations")
    if not isinstance(pairs, list):
        return None
    day = reference_date(cand, ctx)
    future = bool(_FUTURE.search(cand.facts.text))
    right: list[tuple[Unit, str, str]] = []
    wrong: list[tuple[Unit, str, str]] = []
    evidence = []
    for lead, host, _, _ in pairs:
        u = _battlegroup(ctx, host, day, future)
        if u is None or u.lead_nation is None:
            continue
        actor = ctx.catalog.actors.get(u.lead_nation)
        lead_name = actor.name if actor is not None else u.lead_nation
        said = ctx.catalog.actors[lead].name if lead in ctx.catalog.actors else lead
        evidence.append(evidence_of(u, "units", f"{u.name}: lead nation {lead_name}"))
        (right if u.lead_nation == lead else wrong).append((u, said, lead_name))
    if wrong:
        return Outcome(
            "contradicted",
            "; ".join(f"{u.name} is led by {lead_name}, not {said}" for u, said, lead_name in
                      wrong) + ".", evidence=evidence)
    if right:
        return Outcome(
            "supported",
            "; ".join(f"{u.name} is led by {lead_name}" for u, _, lead_name in right)
            + ", as the sentence says.", evidence=evidence)
    return None
