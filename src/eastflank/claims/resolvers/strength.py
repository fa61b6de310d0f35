"""Strength and count claims ("45,000-strong", "almost 9,000 Russian troops", "290 tanks").

The subject is the most specific record named in the sentence: a unit, then an event (an
exercise), then a command body (a grouping), then a state. Failing a name, the record whose
name shares the most words with the sentence among those with personnel figures is taken.
Every sourced figure of the subject is compared; the spread of all figures is reported.
"""

from __future__ import annotations

import re
from typing import Any

from eastflank.claims.detect import Candidate
from eastflank.claims.model import Evidence
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    independent_sources,
    keywords,
    mentions_of,
    unverifiable,
)
from eastflank.schema import Record

__all__ = ["resolve_count", "resolve_strength"]

_ORDER = ("units", "events", "command_bodies", "actors")


def _values(rec: Any, unit: str, ctx: Context) -> list[tuple[float, float, float, list[str],
                                                             str]]:
    """(value, low, high, sources, quantity) of the record's figures for ``unit``."""
    out = []
    want = ("personnel", "troops", "strength") if unit == "personnel" else (unit.rstrip("s"),)
    for f in getattr(rec, "figures", []):
        if f.value is None or not any(w in f.quantity for w in want):
            continue
        if "capacity" in f.quantity or "target" in f.quantity or "planned" in f.quantity:
            continue
        sources = independent_sources(f.sources, ctx)
        if sources:
            out.append((f.value, f.low if f.low is not None else f.value,
                        f.high if f.high is not None else f.value, sources, f.quantity))
    if unit == "personnel" and getattr(rec, "personnel", None):
        sources = independent_sources(rec.sources, ctx)
        if sources and not any(v[0] == rec.personnel for v in out):
            out.append((float(rec.personnel), float(rec.personnel), float(rec.personnel),
                        sources, "personnel"))
    return out


_ARMY = re.compile(r"\b(?:army|armed\s+forces|military|active|troops|soldiers|"
                   r"servicemen|personnel|strong)\b", re.I)


_GENERIC = frozenset(
    w[
        :4] for w in ["army", "troops", "corps", "brigade", "division", "forces", "force",
        "military", "defence", "defense", "personnel", "soldiers", "unit", "units", "group",
        "guards", "separate", "territorial", "state", "border", "regiment", "battalion",
        "coastal",
    ]
)
"""Words too common in unit names to identify a subject by themselves."""


def _subject(cand: Candidate, ctx: Context, unit: str) -> tuple[Any, bool]:
    """The record the number is about, and whether the sentence itself names it."""
    for kind in _ORDER[:3]:
        for m in mentions_of(cand, kind):
            rec = ctx.catalog.records[kind].get(m.record)
            if rec is not None and _values(rec, unit, ctx):
                return rec, True
    words = keywords(cand.facts.text) - _GENERIC
    best: tuple[float, Any] = (0.0, None)
    for kind in _ORDER[:3]:
        for rec in ctx.catalog.records[kind].values():
            if not isinstance(rec, Record) or not _values(rec, unit, ctx):
                continue
            names = keywords(" ".join([rec.name, *rec.aliases])) - _GENERIC
            shared = len(names & words)
            share = shared / min(len(names), 4) if names else 0.0
            if shared >= 2 and share > best[0]:
                best = (share, rec)
    if best[0] >= 0.5:
        return best[1], True
    for kind in ("events", "command_bodies"):
        for m in mentions_of(cand, kind, with_context=True):
            rec = ctx.catalog.records[kind].get(m.record)
            if rec is not None and _values(rec, unit, ctx):
                return rec, False
    if _ARMY.search(cand.facts.text):  # a state's figures are of its armed forces
        for m in mentions_of(cand, "actors", with_context=True):
            rec = ctx.catalog.actors.get(m.record)
            if rec is not None and _values(rec, unit, ctx):
                return rec, any(m.record == x.record for x in cand.facts.mentions)
    return None, False


def _compare(cand: Candidate, ctx: Context, unit: str, relative: float) -> Outcome:
    q = cand.quantity
    assert q is not None
    tolerance = {"relative": relative}
    rec, named = _subject(cand, ctx, unit)
    if rec is None:
        return unverifiable(
            f"No record of the dataset named in the sentence has a sourced {unit} figure.",
            claimed=q.value, unit=unit, tolerance=tolerance,
        )
    values = _values(rec, unit, ctx)
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
    for v, lo, hi, _, _ in values:
        lo_t, hi_t = lo * (1 - relative), hi * (1 + relative)
        if q.bound == "at-least":
            ok = hi_t >= q.value
        elif q.bound == "at-most":  # "up to 200,000": the figure is near the cap
            ok = lo_t <= q.value <= hi_t or q.value * 0.5 <= hi <= q.value * (1 + relative)
        else:
            ok = claim_lo <= hi_t and claim_hi >= lo_t
        if ok:
            matched = v
            break
    what = f"{rec.name} ({spread} in {len(values)} sourced figure{'s' * (len(values) > 1)})"
    if matched is not None:
        return Outcome("supported",
                       f"The claimed {q.value:,.0f} agrees within {relative:.0%} with a sourced "
                       f"figure of {matched:,.0f} for {what}.",
                       q.value, matched, unit, tolerance, evidence)
    nearest = min((v for v, *_ in values), key=lambda v: abs(v - q.value))
    if not named:
        return unverifiable(
            f"The sentence does not name its subject; the nearest record named before it, "
            f"{what}, does not match {q.value:,.0f} (the sentence may describe a part of it).",
            claimed=q.value, unit=unit, tolerance=tolerance, evidence=evidence)
    return Outcome("contradicted",
                   f"The claimed {q.value:,.0f} is outside {relative:.0%} of every sourced "
                   f"figure for {what}.",
                   q.value, nearest, unit, tolerance, evidence)


def resolve_strength(cand: Candidate, ctx: Context) -> Outcome:
    """Check a personnel strength against the sourced figures of its subject."""
    return _compare(cand, ctx, "personnel", ctx.tolerances.strength.relative)


def resolve_count(cand: Candidate, ctx: Context) -> Outcome:
    """Check a count of things against sourced figures of the same noun."""
    q = cand.quantity
    assert q is not None
    noun = re.sub(r"s$", "", q.unit)
    return _compare(cand, ctx, noun + "s", ctx.tolerances.count.relative)
