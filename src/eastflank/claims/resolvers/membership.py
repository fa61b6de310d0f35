"""When a state joined NATO ("Poland joined NATO in 1999", "the Baltic states, NATO members
since 2004"), against the accession dates of ``data/geo/borders.yaml``.

The states are those the clause names before the verb (the nearest one for "..., which
joined NATO in 2023"); the date is the first the sentence gives after it. A state whose
recorded accession falls at the date given (its year, or within the event tolerance at day
precision) bears the sentence out; one whose accession falls at another date refutes it. A
state the file does not list, a sentence with no date, a plan or a bid to join ("applied to
join NATO") and a negated sentence are left to the other resolvers.
"""

from __future__ import annotations

import re

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.model import DateMention, Evidence
from eastflank.claims.resolvers.base import Context, Outcome
from eastflank.claims.resolvers.events import NEGATION

__all__ = ["resolve_membership"]

_JOINED = vocab.JOINED_NATO
_NOT_DONE = re.compile(r"\b(?:appl\w*|bid|want\w*|seek\w*|sought|aspir\w*|plan\w*|invit\w*|"
                       r"hop\w*|desire\w*|intend\w*|ready|refus\w*|could|would|may|might|will|"
                       r"to|never|not|attempt\w*|effort\w*|talks?|negotiat\w*|path)"
                       r"\W+(?:\w+\W+){0,2}$", re.I)
"""Words before the verb that make the accession a wish, a plan or a bid, not a fact."""
_RELATIVE = re.compile(r"\b(?:which|that|who)\s+(?:\w+\s+)?$", re.I)
_BALTIC = vocab.BALTIC_STATES
_CLAUSE = re.compile(r"[;:!?\"“”]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b", re.I)


def _agrees(d: DateMention, joined: object, days: int) -> bool:
    import datetime as dt

    assert isinstance(joined, dt.date)
    if d.precision == "year":
        return d.date.year <= joined.year <= (d.end or d.date).year
    if d.precision == "month":
        return (d.date.year, d.date.month) == (joined.year, joined.month)
    return abs((joined - d.date).days) <= days


def resolve_membership(cand: Candidate, ctx: Context) -> Outcome | None:
    """The outcome of a sentence saying when states joined NATO, or None when it says no
    such thing or names no state the accession dates list."""
    from eastflank.geo.borders import default_border_data

    text = cand.facts.text
    m = _JOINED.search(text)
    if m is None or NEGATION.search(text) or _NOT_DONE.search(text[:m.start()]):
        return None
    at = cand.facts.start + m.start()
    dates = [d for d in cand.facts.dates if d.span.start >= at]
    if not dates:
        return None
    date = dates[0]
    head = text[:m.start()]
    cut = max((c.end() for c in _CLAUSE.finditer(head)), default=0)
    states = [x for x in cand.facts.mentions
              if x.kind == "actors" and x.record != "NATO" and not x.adjectival
              and cand.facts.start + cut <= x.span.start < at]
    named = [(s.record, s.name) for s in states]
    if _RELATIVE.search(head) and named:
        named = named[-1:]
    if not named and _BALTIC.search(head[cut:]):
        named = [(a, ctx.catalog.actors[a].name) for a in ("EE", "LV", "LT")
                 if a in ctx.catalog.actors]
    if not named:
        return None
    joined = {ms.territory: ms for ms in default_border_data().memberships
              if ms.alliance == "NATO"}
    if any(a not in joined for a, _ in named):
        return None
    days = ctx.tolerances.event_date.days
    evidence = [Evidence(record=a, kind="actors", name=name,
                         detail=f"{name} joined NATO on {joined[a].joined}",
                         sources=list(joined[a].sources)) for a, name in named]
    wrong = [(a, name) for a, name in named if not _agrees(date, joined[a].joined, days)]
    said = "; ".join(f"{name} {joined[a].joined}" for a, name in (wrong or named))
    if wrong:
        return Outcome("contradicted", f"Recorded accession to NATO: {said}, not "
                       f"{date.span.text!r} as the sentence says.", evidence=evidence)
    return Outcome("supported", f"Recorded accession to NATO: {said}, which agrees with "
                   f"{date.span.text!r}.", evidence=evidence)
