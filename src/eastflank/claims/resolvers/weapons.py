"""Weapon-range and flight-time claims."""

from __future__ import annotations

import importlib
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
    weapons = mentions_of(cand, "weapon_systems") or mentions_of(
        cand, "weapon_systems", with_context=True)[:1]
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
    return best


def _reach() -> Any:
    try:
        return importlib.import_module("eastflank.reach")
    except ImportError:
        return None


def resolve_flight_time(cand: Candidate, ctx: Context) -> Outcome:
    """Check a flight time with the reach model, when it is available."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.flight_time
    reach = _reach()
    fn = getattr(reach, "flight_time_min", None) if reach is not None else None
    weapons = mentions_of(cand, "weapon_systems", with_context=True)
    places = [m for m in mentions_of(cand, "places") if m.record in ctx.catalog.places]
    if fn is None or not weapons or not places:
        return unverifiable(
            "A flight time needs a weapon system, a target place and the reach model; "
            + ("the reach model is not available." if fn is None else
               "the sentence does not name both."),
            claimed=q.value, unit="min", tolerance={"relative": tol.relative})
    try:
        minutes = float(fn(ctx.catalog, weapons[0].record, places[0].record))
    except Exception:  # the model declines (unknown trajectory): say so, do not guess
        return unverifiable("The reach model gives no flight time for this pair.",
                            claimed=q.value, unit="min", tolerance={"relative": tol.relative})
    verdict: Verdict = (
        "supported" if abs(minutes - q.value) <= tol.relative * minutes else "contradicted"
    )
    return Outcome(verdict, f"The reach model gives {minutes:.1f} min for {weapons[0].name} to "
                   f"{places[0].name}; the claim says {q.value:.0f} min.", q.value,
                   round(minutes, 2), "min", {"relative": tol.relative},
                   [Evidence(record=weapons[0].record, kind="weapon_systems",
                             name=weapons[0].name, value=round(minutes, 2), unit="min",
                             detail="eastflank.reach flight time")])
