"""Border claims without a number: which states border which ("Belarus borders Poland,
Lithuania and Latvia", "Kaliningrad is wedged between Lithuania and Poland").

Adjacency is read from the geography model: two territories border when the 1:10m borders
share a boundary (:func:`eastflank.claims.measure.border_length`), with the published length
shown when the border data hold one. Russia borders a state through either its mainland or the
Kaliningrad exclave. A pair that shares no land boundary contradicts the claim only when the
subject is named in the claim's own sentence and the sentence says nothing of the sea (a
maritime neighbour is no land border); otherwise it stays ``unverifiable``.
"""

from __future__ import annotations

import re

from eastflank.claims.detect import Candidate
from eastflank.claims.measure import Measure, border_length
from eastflank.claims.model import Evidence
from eastflank.claims.resolvers.base import Context, Outcome, unverifiable
from eastflank.claims.resolvers.events import NEGATION

__all__ = ["resolve_adjacency"]

_SEA = re.compile(r"\b(?:sea|maritime|coast\w*|across|shore|waters?|gulf|lagoon)\b", re.I)


def _border(a: str, b: str) -> tuple[str, str, Measure] | None:
    """The land border of ``a`` and ``b`` (Russia through its mainland or its exclave)."""
    for x in ("RU", "RU-KGD") if a == "RU" else (a,):
        for y in ("RU", "RU-KGD") if b == "RU" else (b,):
            if x == y:
                continue
            m = border_length(x, y)
            if m is not None:
                return x, y, m
    return None


_CLAUSE_END = re.compile(r"\s[–—-]\s|[;:]")
"""Where a clause ends: a dash between spaces, a semicolon or a colon."""


def _clause_of(cand: Candidate) -> str:
    """The clause of the sentence the border claim stands in ("It has no land border with
    Russia – it borders only Lithuania and Poland": the second), for a negation to be read in
    the clause it belongs to."""
    text = cand.facts.text
    end = cand.span.end - cand.facts.start
    # (the clause of the last territory named: the subject may stand in an earlier one)
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, max(end, 0))]
    after = _CLAUSE_END.search(text, max(end, 0))
    return text[(before[-1] if before else 0):(after.start() if after else len(text))]


def resolve_adjacency(cand: Candidate, ctx: Context) -> Outcome:
    """Check that the claim's subject borders each territory it names."""
    subject = str(cand.extra.get("subject") or "")
    raw = cand.extra.get("others")
    others = [str(o) for o in raw] if isinstance(raw, list | tuple) else []
    own_sentence = bool(cand.extra.get("subject_in_sentence"))
    if not subject or not others:
        return unverifiable("The claim does not name a territory and its neighbours.")
    clause = _clause_of(cand)
    if NEGATION.search(clause) or re.search(r"\bno\s+borders?\b", clause, re.I):
        return unverifiable("A negated border claim is not judged.")
    found: list[Evidence] = []
    missing: list[str] = []
    for other in others:
        hit = _border(subject, other)
        if hit is None:
            missing.append(other)
            continue
        x, y, m = hit
        found.append(Evidence(kind="geo", name=f"{x}-{y} border", value=round(m.km, 1),
                              unit="km", detail=m.detail, sources=m.sources))
    pairs = ", ".join(f"{subject}-{o}" for o in others)
    if not missing:
        return Outcome("supported", f"The geography model has a land border for each pair "
                       f"({pairs}).", evidence=found)
    if own_sentence and not _SEA.search(cand.facts.text):
        return Outcome("contradicted", f"{subject} shares no land border with "
                       f"{', '.join(missing)} on the 1:10m borders of the geography model.",
                       evidence=found, strength=0.8)
    return unverifiable(f"No land border of {subject} with {', '.join(missing)} in the "
                        "geography model; the claim's subject is not named in its sentence "
                        "or it may speak of the sea.", evidence=found)
