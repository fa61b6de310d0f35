"""Weapon-range and flight-time claims."""

from __future__ import annotations

import re
from typing import Any

from eastflank.claims.detect import Candidate
from eastflank.claims.model import Evidence, Verdict
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    independent_sources,
    mentions_of,
    unverifiable,
)
from eastflank.schema import WeaponSystem

__all__ = ["resolve_flight_time", "resolve_weapon_range"]


def _ranges(ws: WeaponSystem, ctx: Context) -> list[tuple[float, str, list[str]]]:
    """(range km, what, sources) of a system and of its variants."""
    out: list[tuple[float, str, list[str]]] = []
    family = [ws] + [v for v in ctx.catalog.weapon_systems.values() if v.parent_system == ws.id]
    for sys in family:
        if sys.range_km is not None and independent_sources(sys.sources, ctx):
            out.append((sys.range_km, f"{sys.name}: range_km", list(sys.sources)))
        for f in sys.figures:
            if f.quantity == "range_km" and f.value is not None:
                src = independent_sources(f.sources, ctx)
                if src and not any(r == f.value and w.startswith(sys.name) for r, w, _ in out):
                    out.append((f.value, f"{sys.name}: sourced range", src))
    return out


def resolve_weapon_range(cand: Candidate, ctx: Context) -> Outcome:
    """Check a claimed range against the system's and its variants' sourced ranges."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.weapon_range
    tolerance = {"relative": tol.relative}
    named = mentions_of(cand, "weapon_systems")
    weapons = [m for m in named if not _contrasted_after(m, q, cand)]
    if not weapons:
        weapons = [m for m in mentions_of(cand, "weapon_systems", with_context=True)
                   if m not in named][:1]
    if not weapons:
        return unverifiable("No weapon system of the dataset is named with this range.",
                            claimed=q.value, unit="km", tolerance=tolerance)
    best: Outcome | None = None
    for m in weapons:
        ws = ctx.catalog.weapon_systems[m.record]
        ranges = _ranges(ws, ctx)
        parent = ws.parent_system
        if not ranges and parent is not None and parent in ctx.catalog.weapon_systems:
            ws = ctx.catalog.weapon_systems[parent]  # "Iskander-M missile"
            ranges = _ranges(ws, ctx)
        if not ranges:
            continue
        evidence = [Evidence(record=ws.id, kind="weapon_systems", name=what, value=r,
                             unit="km", detail=f"{what} = {r:,.0f} km", sources=src)
                    for r, what, src in ranges]
        top = max(r for r, _, _ in ranges)
        if q.bound == "at-least":
            ok = top >= q.value * (1 - tol.relative)
            computed = top
        elif q.bound == "at-most":
            ok = tol.within(q.value, top) or any(tol.within(q.value, r) for r, _, _ in ranges)
            computed = top
        else:
            lo = q.low if q.low is not None else q.value
            hi = q.high if q.high is not None else q.value
            near = min((r for r, _, _ in ranges), key=lambda r: abs(r - q.value))
            ok = any(lo * (1 - tol.relative) <= r <= hi * (1 + tol.relative)
                     for r, _, _ in ranges)
            computed = near
        text = (f"{ws.name}: recorded ranges "
                + ", ".join(sorted({f'{r:,.0f}' for r, _, _ in ranges}))
                + f" km; the claim says {q.span.text.strip()}.")
        outcome = Outcome("supported" if ok else "contradicted", text, q.value, computed,
                          "km", tolerance, evidence)
        if ok:
            return outcome
        best = best or outcome
    if best is None:
        return unverifiable("The dataset records no range for "
                            + ", ".join(m.name for m in weapons) + ".",
                            claimed=q.value, unit="km", tolerance=tolerance)
    if best.verdict == "contradicted" and _OTHER_VARIANT.search(cand.facts.text):
        # "some modifications can hit 700 km", "up to 700 km according to different data":
        # a figure of an unnamed variant or source is not the recorded system's
        return unverifiable(best.explanation + " The sentence gives the figure for an "
                            "unnamed variant or source, so it is not refuted.",
                            claimed=q.value, computed=best.computed, unit="km",
                            tolerance=tolerance, evidence=best.evidence, settled=True)
    return best


def _contrasted_after(m: Any, q: Any, cand: Candidate) -> bool:
    """Whether a system is named after the range figure across a contrast ("[Their range]
    is 500 km, whereas our Polonez is up to 300 km"): the figure is not that system's."""
    if m.span.start < q.span.end:
        return False
    between = cand.facts.full[q.span.end:m.span.start]
    return bool(_CONTRAST.search(between))


_CONTRAST = re.compile(r"\b(?:whereas|while|but|unlike|compared\s+(?:with|to)|than)\b", re.I)
"""Words that set a second system against the first."""


_OTHER_VARIANT = re.compile(
    r"\b(?:some|certain|other|newer|later|upgraded|export)\s+(?:modifications?|versions?|"
    r"variants?|models?)\b|\baccording\s+to\s+(?:some|different|other|various|unconfirmed)\s+"
    r"(?:data|sources|estimates|reports)\b|\bby\s+some\s+(?:estimates|accounts)\b", re.I)
"""A figure given for an unnamed variant or by unnamed sources."""


def resolve_flight_time(cand: Candidate, ctx: Context) -> Outcome:
    """Check a flight time against the reach model's computed statement: from the launch
    place named (else the nearest recorded site of the system at the claim's date) to the
    target named."""
    from eastflank.claims.resolvers.base import reference_date, statement_evidence
    from eastflank.claims.resolvers.sites import family, force_sites

    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.flight_time
    tolerance: dict[str, Any] = {"relative": tol.relative}
    weapons = mentions_of(cand, "weapon_systems", with_context=True)
    places = [m for m in mentions_of(cand, "places") if m.record in ctx.catalog.places]
    if ctx.store is None or not weapons or not places:
        return unverifiable("A flight time needs a weapon system and a target place; the "
                            "sentence does not name both.", claimed=q.value, unit="min",
                            tolerance=tolerance)
    target = places[-1].record
    system = weapons[0].record
    if len(places) >= 2:
        launch = places[0].record
        strength = 1.0
    else:
        ids = family(ctx.catalog, [system])
        tp = ctx.catalog.places[target]
        sites = sorted((s for s in force_sites(ctx.catalog, reference_date(cand, ctx))
                        if set(s.systems) & ids and s.place != target),
                       key=lambda s: s.distance_to(tp.lat, tp.lon))
        if not sites:
            return unverifiable(f"No recorded launch site of {weapons[0].name} to compute a "
                                f"flight time from.", claimed=q.value, unit="min",
                                tolerance=tolerance)
        launch = sites[0].place
        strength = 0.8  # the launch point is the nearest site, not one the text names
    if weapons[0].score < 100:
        strength *= 0.7  # a fuzzy name match may be another variant (cruise vs ballistic)
    st = ctx.store.flight_time(system, launch, target)
    if st is None or st.value.number is None:
        return unverifiable("The reach model gives no flight time for this system.",
                            claimed=q.value, unit="min", tolerance=tolerance)
    minutes = st.value.number
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else q.value
    slack = tol.relative * minutes
    ok = lo - slack <= minutes <= hi + slack or (q.bound == "at-most" and minutes <= hi + slack)
    verdict: Verdict = "supported" if ok else "contradicted"
    return Outcome(verdict, f"Computed (hypothetical model output): {st.value.label}; the "
                   f"claim says {q.span.text.strip()}.", q.value, round(minutes, 2), "min",
                   tolerance, [statement_evidence(st)], strength=strength)
