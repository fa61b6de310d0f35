"""Economic claims: money amounts, tonnages and trends against the indicator statements.

A claim is judged only against statements of its own property (the indicator ``quantity``
its topic names, see :mod:`eastflank.claims.economy`), in its own unit, as of its reference
date (the sentence's latest date, else the article's). For an amount the latest actual
(not planned, unless the sentence speaks of a plan or forecast) value of each series is
compared with the ``economic`` tolerance; for a trend ("collapse of potash exports") a
recent value of the series is compared with an earlier one. When no statement of that
property exists, the claim is unverifiable and the nearest statements of its topic are
shown, so that a reader sees what the dataset does hold (the routes of potash exports, the
debt to Russia in two scopes, the gas price).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from eastflank.claims.detect import Candidate
from eastflank.claims.economy import POTASH_ROUTES, POTASH_VOLUME, Amount, Topic
from eastflank.claims.model import Evidence, Mention
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    evidence_of,
    independent_sources,
    reference_date,
    statement_evidence,
    unverifiable,
)
from eastflank.claims.statements import Statement
from eastflank.claims.text import fold
from eastflank.schema import Indicator

__all__ = ["resolve_economic", "rounding_allowance"]

_FAMILY: dict[str, tuple[str, ...]] = {
    "potash": POTASH_VOLUME + POTASH_ROUTES,
    "debt": ("state_debt_owed_to_russia", "owed_to_russia_world_bank", "state_debt_total",
             "debt_refinanced", "payments_deferred"),
    "energy": ("gas_price", "gas_price_europe_reference", "tax_manoeuvre_loss",
               "tax_manoeuvre_loss_cumulative"),
}
"""Quantities shown as the nearest statements of a topic's unverifiable claim."""

_EVENT_WORDS = {"potash": r"\bpotash|Klaip", "debt": r"\bdebt|\bloans?\b",
                "energy": r"\bgas\b|\bsubsid"}
_TREND_WORDS = {"collapse": "a collapse of", "growth": "a growth of", "continued": "continued"}
_PLANNED_CLAIM = re.compile(r"\b(?:plan\w*|forecast\w*|expect\w*|target\w*|projected|"
                            r"will|would)\b", re.I)
_OVER = {"more than", "over", "above", "at least", "in excess of", "exceeding"}
_UNDER = {"less than", "under", "below", "up to", "at most", "no more than"}


def rounding_allowance(digits: str, value: float, relative: float) -> float:
    """The half-step of the last non-zero digit of a plain figure, scaled to ``value``, at
    most ``relative`` of it: "8" billion covers ±0.5 bn but only ±0.8 bn at 10 %.

    >>> rounding_allowance("8", 8e9, 0.10)
    500000000.0
    >>> rounding_allowance("7.92", 7.92e9, 0.10)
    5000000.0
    """
    d = Decimal(digits)
    stripped = d.normalize()
    exponent = int(stripped.as_tuple().exponent)
    half = 0.5 * 10.0 ** exponent
    scale = value / float(d) if float(d) else 1.0
    return min(half * scale, abs(value) * relative)


def _dated(st: Statement) -> dt.date:
    return st.valid_from or dt.date.min


def _indicators(ctx: Context, quantities: tuple[str, ...], day: dt.date | None
                ) -> list[Statement]:
    assert ctx.store is not None
    out = [s for s in ctx.store if s.subject_kind == "indicators" and s.property in quantities
           and (day is None or s.valid_from is None or s.valid_from <= day)
           and independent_sources(s.sources, ctx)]
    return sorted(out, key=_dated)


def _nearest(ctx: Context, topic: Topic | None, unit: str | None, day: dt.date | None
             ) -> list[Evidence]:
    """The topic's statements as of ``day`` (newest first; of the claim's unit first) and
    its recorded events."""
    tol = ctx.tolerances.economic
    if topic is None:
        return []
    sts = _indicators(ctx, _FAMILY.get(topic.name, ()), day)
    sts.sort(key=lambda s: (s.kind == "planned", -_dated(s).toordinal()))
    out = [statement_evidence(s) for s in sts[: tol.nearest]]
    words = _EVENT_WORDS.get(topic.name)
    if words:
        for e in sorted(ctx.catalog.events.values(), key=lambda e: e.date, reverse=True):
            if (day is None or e.date <= day) and re.search(
                    words, f"{e.name} {e.summary}", re.I) and independent_sources(e.sources, ctx):
                out.append(evidence_of(e, "events", f"{e.name} ({e.date.isoformat()}): "
                                       f"{e.summary.strip()}"))
                if len(out) >= tol.nearest + 2:
                    break
    return out


def _fmt(x: float, unit: str) -> str:
    if unit == "t":
        return f"{x / 1e6:g} Mt"
    if abs(x) >= 1e9:
        return f"{x / 1e9:g} bn {unit}"
    if abs(x) >= 1e6:
        return f"{x / 1e6:g} m {unit}"
    return f"{x:,.0f} {unit}"


def _matches(a: Amount, value: float, allowed: float) -> bool:
    if a.hedge in _OVER:
        return value >= a.value
    if a.hedge in _UNDER:
        return value <= a.value
    return abs(value - a.value) <= allowed


_AS_KIND = re.compile(r"[\s-]+(?:member\s+)?(?:country|countries|members?|ally|allies|"
                      r"states?|nations?)\b", re.I)
"""An alliance's name used as a kind of state ("the NATO country", "NATO members")."""


def _share_state(cand: Candidate, ctx: Context, a: Amount) -> str | None:
    """The state (or alliance) whose share of GDP the figure is: the one named nearest before
    it in the sentence ("Poland, which spends 4% of GDP"), else the nearest after it, else
    the nearest of the sentences before."""
    known = ctx.catalog.actors
    at = cand.facts.start + a.start

    def party(m: Mention) -> bool:
        if known.get(m.record) is not None and known[m.record].kind == "alliance" and \
                _AS_KIND.match(cand.facts.full, m.span.end):
            return False  # "Poland remains the NATO country with ...": Poland's share
        return m.kind == "actors" and m.record in known and known[m.record].kind in (
            "state", "alliance")

    own = [m for m in cand.facts.mentions if party(m)]
    before = [m for m in own if m.span.end <= at]
    if before:
        return max(before, key=lambda m: m.span.end).record
    if own:
        return min(own, key=lambda m: m.span.start).record
    for facts in reversed(cand.context):
        earlier = [m for m in facts.mentions if party(m)]
        if earlier:
            return earlier[-1].record
    return None


_GOAL = re.compile(r"\b(?:guidelines?|benchmarks?|goals?|targets?|pledges?|commitments?|"
                   r"thresholds?|minimum|requirements?|aims?)\b", re.I)
"""Words that make a share of GDP a goal ("NATO's guideline of 2 %"), not a share spent."""


def _share(r: Indicator) -> str:
    """A recorded share as written: "4.12 %", or a range "5-6 %"."""
    if r.value is not None:
        return f"{r.value:g} %"
    return f"{r.low:g}-{r.high:g} %"


def _mid(r: Indicator) -> float:
    if r.value is not None:
        return float(r.value)
    return (float(r.low or 0) + float(r.high or 0)) / 2


def _share_matches(a: Amount, r: Indicator, allowed: float) -> bool:
    """Whether a claimed share agrees with a recorded one, or falls in a recorded range."""
    if r.value is not None:
        return _matches(a, float(r.value), allowed)
    lo, hi = float(r.low or 0), float(r.high or 0)
    if a.hedge in _OVER:
        return hi >= a.value
    if a.hedge in _UNDER:
        return lo <= a.value
    return lo - allowed <= a.value <= hi + allowed


_INNER_STOP = re.compile(r"(?<!\b[A-Z])(?<!Mr)(?<!Dr)(?<!St)(?<!Lt)(?<!No)(?<!Gen)(?<!Col)"
                         r"[.!?](?=\s+[\"“‘']?[A-Z])")
"""A sentence end inside a quoted passage kept whole ("... 3.4% of GDP. This year, ...")."""


def _inner_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence a figure stands in when a quotation keeps several together,
    for the year and the plan words of that sentence alone."""
    lo = max((m.end() for m in _INNER_STOP.finditer(text, 0, start)), default=0)
    nxt = _INNER_STOP.search(text, end)
    return lo, (nxt.start() if nxt else len(text))


def _gdp_share(cand: Candidate, ctx: Context, a: Amount, topic: Topic,
               day: dt.date | None) -> Outcome:
    """A state's defence expenditure as a share of GDP in a year, against every recorded value
    of that state and year (NATO's estimates and later figures, or a budgeted share for a
    plan). The year is the sentence's own; without one, the text's year or the year before
    (the latest figure a text can cite), and a figure matching neither is not judged."""
    tol = ctx.tolerances.economic
    what = f"{a.value:g} % of GDP" + (f" ({a.hedge})" if a.hedge else "")
    state = _share_state(cand, ctx, a)
    if state is None:
        return unverifiable(f"The claimed {what} names no state whose share could be looked "
                            "up.", claimed=a.value, unit="percent")
    name = ctx.catalog.actors[state].name
    near = cand.facts.text[max(0, a.start - 60):a.end + 30]
    goal = _GOAL.search(near)
    if goal is not None:
        return unverifiable(f"The claimed {what} is a goal or guideline (\"{goal.group(0)}\"), "
                            "not a share any state spent; the dataset judges only what was "
                            "spent or budgeted.", claimed=a.value, unit="percent")
    lo, hi = _inner_sentence(cand.facts.text, a.start, a.end)
    own = [d for d in cand.facts.dates
           if lo <= d.span.start - cand.facts.start and d.span.end - cand.facts.start <= hi]
    dated = sorted(own, key=lambda d: min(
        abs(d.span.start - cand.facts.start - a.end), abs(cand.facts.start + a.start
                                                            - d.span.end)))
    if dated and re.search(r"\b(?:since|from|by|until|till|through|before|after|between)\s+"
                           r"(?:the\s+(?:end|start)\s+of\s+)?$", cand.facts.full[
                               max(0, dated[0].span.start - 30):dated[0].span.start], re.I):
        # "since 2014", "by 2030": a span of years or a deadline, not the year of the share
        return unverifiable(f"The claimed {what} is said of a span of years or by a deadline "
                            f"({dated[0].span.text!r}), not of one year's spending.",
                            claimed=a.value, unit="percent")
    years = [dated[0].date.year] if dated else (
        [day.year, day.year - 1] if day is not None else [])
    # (the plan words of the figure's own clause: "4.12 % in 2024 – twice the organisation's
    # target" is no plan)
    clause = re.split(r"\s[–—]\s|;", cand.facts.text[a.end:hi], maxsplit=1)[0]
    planned = bool(_PLANNED_CLAIM.search(cand.facts.text[lo:a.end] + clause))
    europe = bool(re.search(r"\bEurope\w*\b.{0,30}\bCanada\b|\bEuropean\s+allies\b",
                            cand.facts.text))
    series = [r for r in ctx.catalog.indicators.values()
              if r.quantity in topic.quantities and state in r.actors
              and independent_sources(r.sources, ctx)
              # the alliance's whole share, or that of its European members and Canada
              and (ctx.catalog.actors[state].kind != "alliance"
                   or ("europe" in r.subject) == europe)]
    # what a state "will spend" this year is its plan or the estimate of the year under way
    own_text = cand.facts.text[lo:hi]
    this_year = day.year if day is not None else None
    current = planned and this_year in years and bool(re.search(
        r"\b(?:will|would)\s+(?:\w+\s+)?(?:spend|reach|allocate|devote)\b", own_text, re.I)
    ) and not re.search(r"\b(?:plan\w*|forecast\w*|target\w*|projected)\b", own_text, re.I)
    of_year = [r for r in series if r.date.year in years
               and ((r.kind == "planned") == planned or (current and r.date.year == this_year))]
    nearest = [evidence_of(r, "indicators", f"{name}, {r.date.year}: {_share(r)} "
                           f"({r.kind})", r.value, "percent")
               for r in sorted(series, key=lambda r: (r.date, r.kind))[-4:]]
    span = " or ".join(str(y) for y in years) or "the claim's year"
    if not of_year:
        return unverifiable(f"No {'planned' if planned else 'recorded'} share of GDP spent on "
                            f"defence by {name} for {span} is in the dataset.",
                            claimed=a.value, unit="percent", nearest=nearest or None)
    allowed = (a.value * tol.hedged_relative if a.hedge and a.hedge not in _OVER | _UNDER
               else rounding_allowance(a.digits, a.value, tol.relative))
    tolerance = {"relative": tol.relative, "hedged_relative": tol.hedged_relative,
                 "allowed": allowed, "hedge": a.hedge}
    evidence = [evidence_of(r, "indicators", f"{name}, {r.date.year}: {_share(r)} of GDP "
                            f"({r.kind}){': ' + r.note.strip() if r.note else ''}", r.value,
                            "percent") for r in of_year]
    good = [r for r in of_year if _share_matches(a, r, allowed)]
    if good:
        r = good[0]
        verb = "planned to spend" if r.kind == "planned" else "spent"
        return Outcome("supported", f"{name} {verb} {_share(r)} of GDP on defence in "
                       f"{r.date.year} ({r.kind}); the claim says {what}.", claimed=a.value,
                       computed=r.value, unit="percent", tolerance=tolerance,
                       evidence=evidence)
    values = ", ".join(f"{_share(r)} ({r.date.year}, {r.kind})" for r in of_year)
    if not dated and {r.date.year for r in of_year} != set(years):
        # the text's year may not be recorded yet: a figure of the year before refutes
        # nothing said of the text's own year
        return unverifiable(f"The claimed {what} matches no recorded share of {name} for "
                            f"{span} ({values}); not every year is recorded.",
                            claimed=a.value, unit="percent", nearest=evidence)
    best = min(of_year, key=lambda r: abs(_mid(r) - a.value))
    return Outcome("contradicted", f"{name}'s recorded share of GDP spent on defence in "
                   f"{span} is {values}; the claim says {what}.", claimed=a.value,
                   computed=_mid(best), unit="percent", tolerance=tolerance,
                   evidence=evidence)


def _amount(cand: Candidate, ctx: Context, a: Amount, topic: Topic | None,
            day: dt.date | None) -> Outcome:
    tol = ctx.tolerances.economic
    if topic is not None and topic.name == "defence" and a.unit == "percent":
        return _gdp_share(cand, ctx, a, topic, day)
    nearest = _nearest(ctx, topic, a.unit, day)
    what = f"{_fmt(a.value, a.unit)}" + (f" ({a.hedge})" if a.hedge else "")
    if topic is None or not topic.quantities:
        stated = _money_in_event(cand, ctx, a, day)
        if stated is not None:
            return stated
        scope = topic.scope_note if topic is not None else "no economic topic named"
        return unverifiable(
            f"The claimed {what} is not tied to a recorded series ({scope}); the dataset "
            "judges a figure only against statements of the same property.",
            claimed=a.value, unit=a.unit, nearest=nearest or None)
    sts = [s for s in _indicators(ctx, topic.quantities, day)
           if s.value.unit == a.unit and s.value.number is not None]
    planned = bool(_PLANNED_CLAIM.search(cand.facts.text))
    sts = [s for s in sts if (s.kind == "planned") == planned] or []
    if not sts:
        return unverifiable(
            f"No {'planned' if planned else 'actual'} value of {topic.scope_note} in {a.unit} "
            f"is recorded by {day.isoformat() if day else 'the claim date'}.",
            claimed=a.value, unit=a.unit, nearest=nearest)
    latest: dict[str, Statement] = {}
    for s in sts:
        latest[s.property] = s  # sorted oldest first: the last one is the latest
    allowed = (a.value * tol.hedged_relative if a.hedge and a.hedge not in _OVER | _UNDER
               else rounding_allowance(a.digits, a.value, tol.relative))
    tolerance = {"relative": tol.relative, "hedged_relative": tol.hedged_relative,
                 "allowed": allowed, "hedge": a.hedge}
    good = [s for s in latest.values() if _matches(a, float(s.value.number or 0), allowed)]
    lo, hi = a.value - allowed, a.value + allowed
    older = [s for s in sts if s not in latest.values()]
    evidence = [statement_evidence(s, s.describe() + (
        " — latest of its series, within the claim's range" if s in good else
        " — latest of its series") + f" by {day.isoformat() if day else 'the claim date'}")
        for s in latest.values()] + [statement_evidence(s) for s in reversed(older)]
    best = min(latest.values(), key=lambda s: abs(float(s.value.number or 0) - a.value))
    stale = day is not None and all(
        (day - _dated(s)).days > tol.stale_days for s in latest.values())
    span = f"{_fmt(lo, a.unit)} to {_fmt(hi, a.unit)}"
    if good:
        vals = ", ".join(f"{s.value.label} ({s.property.replace('_', ' ')}, "
                         f"{_dated(s).isoformat()})" for s in good)
        return Outcome("supported", f"The claimed {what} of {topic.scope_note} ({span}) "
                       f"agrees with the latest recorded value(s) by the claim's date: {vals}."
                       + (" The latest values are old; Minsk has withheld debt data since "
                          "2022." if stale and topic.name == "debt" else ""),
                       claimed=a.value, computed=float(good[0].value.number or 0),
                       unit=a.unit, tolerance=tolerance, evidence=evidence)
    return Outcome("contradicted", f"The claimed {what} of {topic.scope_note} ({span}) differs "
                   f"from every latest recorded value by the claim's date (nearest: "
                   f"{best.value.label}, {_dated(best).isoformat()}).",
                   claimed=a.value, computed=float(best.value.number or 0), unit=a.unit,
                   tolerance=tolerance, evidence=evidence,
                   strength=tol_stale(ctx) if stale else 1.0)


_MONEY_QUANTITY = re.compile(r"(?:^|_)(usd|eur|pln|rub)$")
"""A figure of money in one currency (``defence_budget_pln``, ``contract_value_usd``; not a
price per unit, ``price_cap_usd_per_barrel``)."""
_MONEY_WINDOW_DAYS = 730
"""How far before the article's date a record may lie to bear out an amount the sentence
gives no year for (a budget, contract or loan is cited for a year or two after it is made)."""


_EACH = re.compile(r"\b(?:each|every|per|apiece)\b", re.I)


def _said_of(quantity: str, words: set[str]) -> bool:
    """Whether the sentence has a word of the figure's quantity ("budget" of
    ``defence_budget_pln``), the currency aside."""
    own = {w[:5] for w in quantity.split("_") if len(w) > 3} - {"value"}
    return not own or bool(own & words)


def _near_amount(a: Amount, value: float, allowed: float) -> bool:
    """Whether a recorded amount bears out the claimed one: within the rounding, or, for "more
    than" / "up to", beyond the figure by at most half of it (a far larger sum is another
    sum's)."""
    if a.hedge in _OVER:
        return a.value <= value <= a.value * 1.5
    if a.hedge in _UNDER:
        return a.value * 0.5 <= value <= a.value
    return abs(value - a.value) <= allowed


_TOLD: dict[str, tuple[Any, list[Amount]]] = {}


def _amounts_told(e: Any) -> list[Amount]:
    """Money amounts an event's name and summary state (read once per record)."""
    from eastflank.claims.economy import find_amounts

    hit = _TOLD.get(e.id)
    if hit is not None and hit[0] is e:
        return hit[1]
    if len(_TOLD) > 8192:
        _TOLD.clear()
    found = [b for b in find_amounts(f"{e.name}. {e.summary}") if b.unit not in ("t", "percent")]
    _TOLD[e.id] = (e, found)
    return found


def _money_in_event(cand: Candidate, ctx: Context, a: Amount,
                    day: dt.date | None) -> Outcome | None:
    """A ``supported`` outcome when an event that names the states and places the sentence
    names (naming none, the sentence before it) records a money figure in the amount's
    currency that agrees with it (:func:`_near_amount`: hedges and the rounding of a plain
    figure), in its figures or its own words, made in a year the sentence gives or the year
    before it ("the defence budget for 2026", decided in 2025), or, giving none, in the two
    years before the article. Support only: a
    record gives one figure of what it tells, not every amount of its subject; a claimed or
    hypothetical record (the seed's own claims among them) bears out nothing. A modelling
    choice (hypothetical)."""
    from eastflank.claims.resolvers.events import NEGATION

    if a.unit in ("percent", "t") or NEGATION.search(cand.facts.text):
        return None
    clause = re.split(r"[;:]", cand.facts.text[:a.start])[-1]
    if _EACH.search(clause):
        return None  # "Each nation will allocate around €70 million": a sum per party
    cur = a.unit.lower()
    kinds = ("actors", "places", "units", "command_bodies", "facilities")
    named = {m.record for m in cand.facts.mentions if m.kind in kinds}
    if not named and cand.context:
        named = {m.record for m in cand.context[-1].mentions if m.kind in ("actors", "places")}
    if not named:
        return None
    states = {r for r in named if r in ctx.catalog.actors}
    years = {d.date.year for d in cand.facts.dates}
    tol = ctx.tolerances.economic
    allowed = (a.value * tol.hedged_relative if a.hedge and a.hedge not in _OVER | _UNDER
               else rounding_allowance(a.digits, a.value, tol.relative))
    words = {w[:5] for w in re.findall(r"[a-z]{4,}", fold(cand.facts.text).lower()
                                        .replace("defense", "defence"))}
    best: tuple[dt.date, Any, str, float, list[str]] | None = None
    for e in ctx.catalog.events.values():
        if e.status in ("hypothetical", "claimed"):
            continue
        own = {e.id, *e.actors, *e.places}
        if not named & own or not states <= set(e.actors) | {
                getattr(ctx.catalog.places.get(p), "country", None) for p in e.places}:
            continue
        if years:
            if not years & {e.date.year, e.date.year + 1}:
                continue
        elif day is None or not (day - dt.timedelta(days=_MONEY_WINDOW_DAYS) <= e.date <= day):
            continue
        for f in getattr(e, "figures", []):
            m = _MONEY_QUANTITY.search(f.quantity)
            if m is None or m.group(1) != cur or not _said_of(f.quantity, words):
                continue
            values = [float(v) for v in (f.value, f.low, f.high) if v is not None]
            hit: float | None
            if f.low is not None and f.high is not None and f.low <= a.value <= f.high:
                hit = a.value
            else:
                hit = next((v for v in values if _near_amount(a, v, allowed)), None)
            if hit is not None and (best is None or e.date > best[0]):
                best = (e.date, e, f.quantity.replace("_", " "), hit, list(f.sources))
        for b in _amounts_told(e):
            # an amount the record states in its own words ("a 10 billion zloty plan")
            if b.unit == a.unit and _near_amount(a, b.value, allowed) and \
                    (best is None or e.date > best[0]):
                best = (e.date, e, repr(b.text), b.value, list(e.sources))
    if best is None:
        return None
    _, e, said, hit, sources = best
    what = f"{_fmt(a.value, a.unit)}" + (f" ({a.hedge})" if a.hedge else "")
    ev = Evidence(record=e.id, kind="events", name=e.name, value=hit, unit=a.unit,
                  detail=f"{e.name} ({e.date}): {said} = {_fmt(hit, a.unit)}",
                  sources=sources)
    return Outcome("supported", f"{e.name} ({e.date}), a record of what the sentence names, "
                   f"gives {said} = {_fmt(hit, a.unit)}, which bears "
                   f"out the claimed {what}.", claimed=a.value, computed=hit, unit=a.unit,
                   tolerance={"relative": tol.relative, "hedged_relative": tol.hedged_relative,
                              "allowed": allowed, "window_days": _MONEY_WINDOW_DAYS},
                   evidence=[ev], strength=ctx.tolerances.event_date.typed_strength)


def tol_stale(ctx: Context) -> float:
    """Strength of a refutation by values all older than the economic ``stale_days``."""
    return ctx.tolerances.policy.stale_strength


def _trend(cand: Candidate, ctx: Context, topic: Topic, day: dt.date | None) -> Outcome:
    tol = ctx.tolerances.economic
    nearest = _nearest(ctx, topic, "t" if topic.name == "potash" else None, day)
    if not topic.quantities:
        trend = _TREND_WORDS.get(topic.trend or "", "a state of")
        return unverifiable(f"The sentence asserts {trend} {topic.scope_note}, which no "
                            "recorded series measures.", nearest=nearest)
    sts = [s for s in _indicators(ctx, topic.quantities, day)
           if s.kind != "planned" and s.value.number is not None]
    recent = [s for s in sts if day is None or (day - _dated(s)).days <= tol.stale_days]
    if topic.trend not in ("collapse", "growth") or not recent:
        have = (f"its latest actual value is {sts[-1].value.label} "
                f"({_dated(sts[-1]).isoformat()})" if sts
                else "no actual value of it is recorded")
        trend = _TREND_WORDS.get(topic.trend or "", "a state of")
        routes = ""
        if set(topic.quantities) <= set(POTASH_VOLUME):
            by_route = [r for r in _indicators(ctx, POTASH_ROUTES, day)
                        if r.value.number is not None or r.value.low is not None]
            if by_route:
                routes = (" The dataset records export routes, not the total exported: "
                          + "; ".join(f"{r.property.replace('_', ' ')} {r.value.label} "
                                      f"({r.kind}, {_dated(r).isoformat()})"
                                      for r in by_route)
                          + ". A closed route is not a fall of the volume.")
        need = (f"a trend needs two actual values, one within {tol.stale_days} days before "
                "that date." if topic.trend in ("collapse", "growth") else
                f"none is recorded within {tol.stale_days} days before that date, and the "
                "gas price alone does not measure a subsidy." if topic.name == "energy" else
                f"none is recorded within {tol.stale_days} days before that date.")
        return unverifiable(
            f"The sentence asserts {trend} {topic.scope_note} as of "
            f"{day.isoformat() if day else 'its date'}, but {have}; {need}{routes}",
            nearest=nearest)
    last = recent[-1]
    earlier = [s for s in sts if s.property == last.property and _dated(s) < _dated(last)]
    if not earlier:
        return unverifiable(f"Only one value of {topic.scope_note} is recorded; a "
                            f"{topic.trend} needs two.", nearest=nearest)
    base = max(earlier, key=lambda s: float(s.value.number or 0))
    ratio = float(last.value.number or 0) / float(base.value.number or 1)
    fell = ratio <= 1 - tol.collapse_share
    ok = fell if topic.trend == "collapse" else ratio > 1
    ev = [statement_evidence(last), statement_evidence(base)]
    return Outcome("supported" if ok else "contradicted",
                   f"{topic.scope_note}: {last.value.label} ({_dated(last).isoformat()}) against "
                   f"{base.value.label} ({_dated(base).isoformat()}), {ratio:.0%} of it.",
                   claimed=None, computed=ratio, tolerance={"collapse_share":
                                                            tol.collapse_share},
                   evidence=ev)


def resolve_economic(cand: Candidate, ctx: Context) -> Outcome:
    """Judge an economic claim against the indicator statements of its property."""
    amount = cand.extra.get("amount")
    topic = cand.extra.get("topic")
    a = amount if isinstance(amount, Amount) else None
    t = topic if isinstance(topic, Topic) else None
    day = reference_date(cand, ctx)
    if a is not None:
        return _amount(cand, ctx, a, t, day)
    if t is None:
        return Outcome("unverifiable", "No economic figure or topic.", keep=False)
    return _trend(cand, ctx, t, day)
