"""Distance, border-length and gap-width claims.

A distance claim ("nuclear-capable systems within 200 kilometers of Warsaw") names a target
place and, in its sentence or the sentences before, a subject: weapon systems, units, or
"nuclear-capable" forces, in a country. The resolver measures the geodesic distance from the
target to every site of that subject recorded at the claim's date, permanent garrisons and
forward (rotational, exercise) deployments told apart, and compares the nearest with the claim.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from eastflank.claims.detect import Candidate
from eastflank.claims.measure import (
    alliance_border,
    border_length,
    distance_km,
    gap_width,
    territory_distance_km,
)
from eastflank.claims.model import Evidence, Mention, Quantity, Verdict
from eastflank.claims.resolvers.adjacency import resolve_adjacency
from eastflank.claims.resolvers.barrier import resolve_barrier_length
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    mentions_of,
    reference_date,
    statement_evidence,
    unverifiable,
)
from eastflank.claims.resolvers.sites import (
    Site,
    family,
    force_sites,
    nuclear_capable_systems,
)
from eastflank.claims.statements import Statement
from eastflank.claims.text import fold
from eastflank.claims.tolerances import NumericTolerance

__all__ = ["resolve_border_length", "resolve_distance", "resolve_gap_width"]

_CIVIL = r"(?!\s+(?:power|energy|plant|station|reactor|fuel|safety))"
_NUCLEAR = re.compile(rf"\bnuclear\b{_CIVIL}", re.I)
"""Nuclear arms, not a nuclear power plant ("Astravets, the site of Belarus's nuclear power
plant")."""
_HOSTILE = frozenset({"RU", "BY", "UNION-STATE"})
_TERRITORIES = frozenset({"RU", "RU-KGD", "BY", "PL", "LT", "LV", "EE", "UA"})


def _subject_sites(cand: Candidate, ctx: Context) -> tuple[list[Site], str]:
    """Sites of the claim's subject, and a phrase describing the subject."""
    day = reference_date(cand, ctx)
    sites = [s for s in force_sites(ctx.catalog, day) if s.actor in _HOSTILE]
    texts = [cand.facts.text, *(c.text for c in reversed(cand.context))]
    weapons = mentions_of(cand, "weapon_systems")
    units = mentions_of(cand, "units")
    described = ""
    if units:
        ids = {m.record for m in units}
        chosen = [s for s in sites if s.record in ids]
        described = ", ".join(m.name for m in units)
    elif weapons:
        ids = family(ctx.catalog, [m.record for m in weapons])
        chosen = [s for s in sites if set(s.systems) & ids]
        described = "sites with " + ", ".join(m.name for m in weapons)
    elif _NUCLEAR.search(texts[0]):
        ids = nuclear_capable_systems(ctx.catalog)
        chosen = [s for s in sites if set(s.systems) & ids or s.record.endswith("storage-site")]
        chosen += [s for s in sites if "nuclear" in s.name.lower() and s not in chosen]
        described = "nuclear-capable systems"
    else:
        weapons = mentions_of(cand, "weapon_systems", with_context=True)
        if weapons:
            ids = family(ctx.catalog, [m.record for m in weapons])
            chosen = [s for s in sites if set(s.systems) & ids]
            described = "sites with " + ", ".join(m.name for m in weapons)
        else:
            chosen = []
    countries = {
        m.record for m in mentions_of(cand, "actors", with_context=True)
        if m.record in ("BY", "RU") and not m.adjectival
    }
    if "BY" in countries and any(s.country == "BY" for s in chosen):
        chosen = [s for s in chosen if s.country == "BY"]
        described += " in Belarus"
    return chosen, described


def resolve_distance(cand: Candidate, ctx: Context) -> Outcome:
    """Check a distance claim against geodesic distances from the dataset's sites."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.distance
    target_id = cand.extra.get("target")
    between = _place_to_place(cand, ctx)
    if between is not None:
        return between
    if not isinstance(target_id, str) or target_id not in ctx.catalog.places:
        return unverifiable(
            "The claim names no place to measure from, so no distance can be computed.",
            claimed=q.value, unit="km", tolerance=tol.as_dict(),
        )
    target = ctx.catalog.places[target_id]
    sites, described = _subject_sites(cand, ctx)
    if not sites:
        return unverifiable(
            f"No site of the claim's subject is located in the dataset, so the distance to "
            f"{target.name} cannot be computed.",
            claimed=q.value, unit="km", tolerance=tol.as_dict(),
        )
    ranked = sorted(((s.distance_to(target.lat, target.lon), s) for s in sites),
                    key=lambda t: t[0])
    permanent = [(d, s) for d, s in ranked if s.deployment == "permanent"]
    forward = [(d, s) for d, s in ranked if s.deployment != "permanent"]
    evidence = [
        Evidence(record=s.record, kind=s.kind, name=s.name, value=round(d, 1), unit="km",
                 detail=f"{s.name} at {s.place_name} ({s.deployment}): {d:.0f} km from "
                        f"{target.name}",
                 sources=list(s.sources))
        for d, s in ranked[:6]
    ]
    border = None
    border_label = ""
    country = "BY" if "in Belarus" in described else None
    if country is not None:
        border = territory_distance_km(country, target.lat, target.lon)
        border_label = "the nearest point of Belarus"
        if border is None:
            # without the borders of the geography model: the nearest Belarusian place of
            # the dataset stands for a launch position near the border
            near = sorted(
                ((p.name, distance_km(p.lat, p.lon, target.lat, target.lon))
                 for p in ctx.catalog.places.values() if p.country == country),
                key=lambda t: t[1],
            )
            if near:
                pname, border = near[0]
                border_label = f"{pname} (nearest place in Belarus in the dataset)"
        if border is not None:
            evidence.append(Evidence(record=country, kind="actors", name=border_label,
                                     value=round(border, 1), unit="km",
                                     detail=f"{border_label}: {border:.0f} km from "
                                            f"{target.name}; a launch position near the "
                                            f"border"))
    nearest_d, nearest = ranked[0]
    claimed = q.value
    tolerance = tol.as_dict()
    note_fwd = ""
    if border is not None:
        note_fwd = (f" Only launchers moved forward to the border area ({border_label}, "
                    f"{border:.0f} km) would be within range of the claim; no such "
                    f"deployment is recorded.")
    if q.bound in ("at-most", "vague") or (q.bound == "exact" and
                                            re.search(r"\bwithin\b", q.span.text, re.I)):
        limit = (q.high if q.bound == "vague" and q.high else claimed) + tol.allowed(claimed)
        if permanent and permanent[0][0] <= limit:
            d, s = permanent[0]
            return Outcome("supported",
                           f"{s.name} at {s.place_name} is permanently based {d:.0f} km from "
                           f"{target.name}, within the claimed {claimed:.0f} km.",
                           claimed, round(d, 1), "km", tolerance, evidence)
        if forward and forward[0][0] <= limit:
            d, s = forward[0]
            return Outcome("supported",
                           f"Only a forward/temporary deployment brings {described} within "
                           f"{claimed:.0f} km: {s.name} at {s.place_name}, {d:.0f} km "
                           f"({s.deployment}); the nearest permanent site is "
                           + (f"{permanent[0][0]:.0f} km away." if permanent else "unknown."),
                           claimed, round(d, 1), "km", tolerance, evidence)
        return Outcome("contradicted",
                       f"The nearest recorded site of {described} is {nearest.name} at "
                       f"{nearest.place_name}, {nearest_d:.0f} km from {target.name} "
                       f"({nearest.deployment}); the claim says within {claimed:.0f} km."
                       + note_fwd,
                       claimed, round(nearest_d, 1), "km", tolerance, evidence)
    if q.bound == "at-least":
        verdict: Verdict = (
            "supported" if nearest_d >= claimed - tol.allowed(claimed) else "contradicted"
        )
        return Outcome(verdict,
                       f"The nearest recorded site of {described} is {nearest_d:.0f} km from "
                       f"{target.name}; the claim says more than {claimed:.0f} km.",
                       claimed, round(nearest_d, 1), "km", tolerance, evidence)
    for d, s in ranked:
        if tol.within(d, claimed):
            return Outcome("supported",
                           f"{s.name} at {s.place_name} is {d:.0f} km from {target.name}, "
                           f"within tolerance of the claimed {claimed:.0f} km.",
                           claimed, round(d, 1), "km", tolerance, evidence)
    return Outcome("contradicted",
                   f"No recorded site of {described} lies about {claimed:.0f} km from "
                   f"{target.name}; the nearest is {nearest_d:.0f} km.",
                   claimed, round(nearest_d, 1), "km", tolerance, evidence)


_FORCES = re.compile(rf"\b(?:missiles?|weapons?|systems?|launchers?|troops|forces|units?|"
                     r"brigades?|divisions?|regiments?|battalions?|bases?|Iskanders?|"
                     rf"nuclear{_CIVIL}|"
                     r"warheads?|aircraft|bombers?|garrisons?|deploy\w*|stationed)\b", re.I)
ROAD_FACTOR = 1.4
"""A route between two places is rarely more than this many times their geodesic distance:
a claimed distance longer than the straight line by less than that may be a road distance."""


_APPOSITIVE = re.compile(r"\s*[,(–-]?\s*(?:(?:which\s+is|that\s+is|is|lies|located|situated|"
                         r"lying|some|about|around|roughly|approximately|just|only|nearly|"
                         r"almost)\s+)*", re.I)
"""What may stand between a place's name and the distance that describes it."""


_ANAPHOR_BEFORE = re.compile(
    r"\b(?:the|this)\s+(?:city|town|village|oblast|region|exclave|enclave|camp|base|site)"
    r"\s*,?\s*(?:(?:which|that)\s+(?:is|lies)\s+|(?:is|lies)\s+)?(?:located\s+|situated\s+|"
    r"lying\s+)?(?:(?:some|about|around|roughly|approximately|just|only|nearly|almost)\s+)?$",
    re.IGNORECASE)
"""A place of an earlier sentence that the distance describes: "... in the town located
approximately 230 kilometres north of the border"."""


def _place_to_place(cand: Candidate, ctx: Context) -> Outcome | None:
    """"Tsel is about 90 km from Minsk", "It lies 1,300 km from Moscow" (after a sentence
    about Kaliningrad), "almost 300 km from mainland Russia": the geodesic distance between a
    place and the place or territory after "from", when the sentence is not about forces.

    The straight line is the shortest route: a claim shorter than it (beyond the tolerance)
    is contradicted whatever route is meant; a longer claim within :data:`ROAD_FACTOR` may be
    a road distance and stays unverifiable.
    """
    q = cand.quantity
    assert q is not None
    target = cand.extra.get("target")
    if not isinstance(target, str):
        return None
    cat = ctx.catalog
    q_at = q.span.start
    kinds = ("places", "facilities", "actors")
    own = [m for m in cand.facts.mentions
           if m.kind in kinds and m.record != target and m.span.end <= q_at
           and not (m.kind == "actors" and m.adjectival)]
    anaphor = _ANAPHOR_BEFORE.search(cand.facts.full, cand.facts.start, q_at) is not None
    if _FORCES.search(cand.facts.text) and not anaphor and not (
            own and own[-1].kind == "places"
            and _APPOSITIVE.fullmatch(cand.facts.full[own[-1].span.end:q_at])):
        # a sentence about forces measures from them, unless a place is described by the
        # distance right after its name ("Rūdninkai, located about 30 km south of Vilnius")
        return None
    subject = None
    if own:
        # a place before a state ("Astravets, the site of Belarus's nuclear power plant,
        # lies about 45 km from Vilnius" measures from Astravets)
        subject = next((m for m in reversed(own) if m.kind != "actors"), own[-1])
    elif (re.match(r"[\s\-–•*]*(?:It|The\s+(?:city|town|oblast|region|exclave|enclave|camp|base|"
                   r"site))\b", cand.facts.text)
          or anaphor) and cand.context:
        fallback = None
        for facts in reversed(cand.context):  # the nearest sentence naming a place
            prev = [m for m in facts.mentions
                    if m.kind in kinds and m.record != target
                    and not (m.kind == "actors" and m.adjectival)]
            # a place before a state: "It" is the place a sentence describes, not the states
            # it lies "between"
            places = [m for m in prev if m.kind != "actors"]
            if places:
                subject = places[0]
                break
            if prev and fallback is None and not re.search(
                    r"\bbetween\b", facts.full[facts.start:prev[0].span.start], re.I):
                fallback = prev[0]
        subject = subject or fallback
    if subject is None:
        return None
    tol = ctx.tolerances.distance
    if subject.kind == "actors":
        if subject.record not in _TERRITORIES or target not in _TERRITORIES:
            return None
        try:  # "the Kaliningrad oblast ... lies almost 300 km from mainland Russia"
            g = gap_width(subject.record, target)
        except Exception:  # the borders are not available: no measure, no verdict
            return None
        if g.km < tol.absolute_km:
            return None  # neighbours: the figure measures something else (a fence, a border)
        return _compare_geodesic(q, g.km, f"{cat.actors[subject.record].name} lies "
                                 f"{g.km:.0f} km from {cat.actors[target].name} at the "
                                 f"nearest points of their territories", tol,
                                 [Evidence(kind="geo", name="territory to territory",
                                           value=round(g.km, 1), unit="km", detail=g.detail)])
    rec = cat.places.get(subject.record)
    if rec is None and subject.record in cat.facilities:
        rec = cat.places.get(cat.facilities[subject.record].place)
    if rec is None:
        return None
    if target in cat.places:
        st = ctx.store.distance(rec.id, target) if ctx.store is not None else None
        if st is None or st.value.number is None:
            return None
        d = st.value.number
        to_name = cat.places[target].name
        sources = list(st.sources)
    elif target in cat.actors:
        near = territory_distance_km(target, rec.lat, rec.lon)
        if near is None or near == 0.0:
            return None
        d = near
        to_name = f"the nearest point of {cat.actors[target].name}"
        sources = list(rec.sources)
    else:
        return None
    ev = [Evidence(record=rec.id, kind="places", name=rec.name, value=round(d, 1), unit="km",
                   detail=f"{rec.name} to {to_name}: {d:.0f} km (geodesic, WGS84)",
                   sources=sources)]
    roads = ctx.store.road_distances(rec.id, target) if ctx.store is not None else []
    by_road = _by_road(q, d, roads, tol, ev)
    if by_road is not None:
        return by_road
    out = _compare_geodesic(q, d, f"{rec.name} lies {d:.0f} km from {to_name} in a straight "
                            f"line", tol, ev)
    town = _namesake_town(rec, ctx) if out.verdict == "contradicted" else None
    if town is not None and target in cat.places and ctx.store is not None:
        # "the Kaliningrad exclave ... is about 500 km from Berlin": measured from its city
        st = ctx.store.distance(town.id, target)
        if st is not None and st.value.number is not None:
            alt = _compare_geodesic(q, st.value.number, f"{town.name}, the city {rec.name} is "
                                    f"named after, lies {st.value.number:.0f} km from "
                                    f"{to_name} in a straight line", tol, ev)
            if alt.verdict == "supported":
                return alt
            return unverifiable(f"{out.explanation} Measured from {town.name}, the city it is "
                                f"named after, the claim fails too, but a region's distance "
                                "depends on the point it is measured from.",
                                claimed=q.value, computed=out.computed, unit="km",
                                tolerance=out.tolerance, evidence=ev)
    return out


def _namesake_town(rec: Any, ctx: Context) -> Any:
    """The town a region is named after ("Kaliningrad" of Kaliningrad Oblast), or None."""
    if getattr(rec, "kind", None) != "region":
        return None
    first = fold(rec.name).lower().split()[0]
    return next((p for p in ctx.catalog.places.values() if p.id != rec.id
                 and p.kind != "region" and p.country == rec.country
                 and fold(p.name).lower() == first), None)


def _by_road(q: Quantity, straight: float, roads: list[Statement], tol: NumericTolerance,
             ev: list[Evidence]) -> Outcome | None:
    """A claimed distance longer than the straight line that matches a published road
    distance between the same places (within the tolerance, with the claim's hedge)."""
    allowed = tol.allowed(q.value)
    if q.value <= straight + tol.allowed(straight):
        return None  # the straight line decides
    for st in roads:
        km = st.value.number
        if km is None:
            continue
        ok = (km <= q.value + allowed if q.bound == "at-most" else
              km >= q.value - allowed if q.bound == "at-least" else
              abs(km - q.value) <= allowed)
        if ok:
            return Outcome("supported",
                           f"The claimed {q.value:,.0f} km matches the published road "
                           f"distance of {km:,.0f} km (straight line {straight:,.0f} km).",
                           q.value, km, "km", {**tol.as_dict(), "road_factor": ROAD_FACTOR},
                           [*ev, statement_evidence(st)])
    return None


def _compare_geodesic(q: Quantity, d: float, what: str, tol: NumericTolerance,
                      ev: list[Evidence]) -> Outcome:
    """A claimed distance against a geodesic one, with its hedge and the road caveat."""
    allowed = tol.allowed(q.value)
    lo = (q.low if q.low is not None else q.value) - allowed
    hi = (q.high if q.high is not None else q.value) + allowed
    tolerance = {**tol.as_dict(), "road_factor": ROAD_FACTOR}
    if q.bound == "at-most":
        ok = d <= hi
        return Outcome("supported" if ok else "contradicted",
                       f"{what}; the claim says {q.span.text.strip()}.", q.value, round(d, 1),
                       "km", tolerance, ev)
    if q.bound == "at-least" and d >= lo:
        return Outcome("supported", f"{what}; the claim says {q.span.text.strip()}.",
                       q.value, round(d, 1), "km", tolerance, ev)
    if lo <= d <= hi:
        return Outcome("supported", f"{what}, within tolerance of the claimed "
                       f"{q.value:,.0f} km.", q.value, round(d, 1), "km", tolerance, ev)
    if hi < d:
        return Outcome("contradicted", f"{what}: farther than the claimed {q.value:,.0f} km "
                       f"by any route.", q.value, round(d, 1), "km", tolerance, ev)
    if q.value <= d * ROAD_FACTOR:
        return unverifiable(f"{what}; the claimed {q.value:,.0f} km may be a distance by "
                            f"road.", claimed=q.value, computed=round(d, 1), unit="km",
                            tolerance=tolerance, evidence=ev)
    return Outcome("contradicted", f"{what}; the claimed {q.value:,.0f} km is longer than "
                   f"any likely route.", q.value, round(d, 1), "km", tolerance, ev,
                   strength=0.8)


def _published(states: list[str], alliance: bool, day: object) -> list[tuple[float, str]]:
    """Every published length of the border the claim names, with what it is: each official
    figure of a pair (a factbook's, a national commission's), or for a state and an alliance
    the sum over the members on each basis; the 1:10m measured length only when nothing is
    published."""
    from eastflank.errors import EastflankError
    from eastflank.geo import default_region
    from eastflank.geo.borders import (
        belarus_nato_border,
        compare_border,
        default_border_data,
        russia_nato_border,
    )

    out: list[tuple[float, str]] = []
    try:
        if alliance and states:
            own = "BY" if "BY" in states else states[0]
            fn = {"BY": belarus_nato_border, "RU": russia_nato_border}.get(own)
            if fn is None:
                return []
            as_of = day if isinstance(day, dt.date) else None
            total = fn(default_region(), default_border_data(), as_of)
            out.append((total.preferred_km, f"{total.label}: preferred official figures"))
            out += [(v, f"{total.label}: {basis} figures") for basis, v in
                    total.by_basis.items() if v]
        elif len(states) >= 2:
            row = compare_border(default_region(), default_border_data(), states[0], states[1])
            out += [(f.value_km, f"{row.a}-{row.b}: {f.basis} figure") for f in row.official]
    except EastflankError:
        return []
    return out


_FRONTIER = re.compile(r"\b(?:borders?|frontiers?)\b(?:\s+\w+){0,2}?\s+(?:with|to)\s+",
                       re.IGNORECASE)
"""What opens a border's far side: "border with", "frontier to", "border line with"."""
_KALININGRAD = frozenset({"kaliningrad", "kaliningrad-oblast", "RU-KGD"})
"""Records that stand for the Kaliningrad region when a border is measured ("Lithuania's
border with Kaliningrad" is the exclave's, not the city's)."""


_COMBINED = re.compile(r"\b(?:combined|total|overall|joint|cumulative|together|collective)\b"
                       r"[^.;]*$", re.IGNORECASE)
"""A sum of borders before a length ("their combined 600-mile border with Russia")."""


def _border_party(m: Mention, ctx: Context) -> str | None:
    """The territory code a mention stands for on a border: a state, the Kaliningrad region
    (its city named for it), ``"NATO"`` for an alliance; ``None`` for anything else."""
    if m.record in _KALININGRAD:
        return "RU-KGD"
    actor = ctx.catalog.actors.get(m.record) if m.kind == "actors" else None
    if actor is None:
        return None
    if actor.kind == "alliance":
        return "NATO" if m.record == "NATO" else None
    return m.record if actor.kind == "state" else None


_BETWEEN_DASH = re.compile(r"\bbetween\s+(?:(?!between)[^,;.–—]){1,60}?\s+and\s+"
                           r"[^,;.–—]{1,60}?\s*[–—-]\s*"
                           r"(?:(?:about|around|some|nearly|almost|roughly|approximately)\s+)?"
                           r"(?=\d)")
"""Two sides named right before a dash and a length ("between Poland and Belarus – 418 km")."""


def _border_of_quantity(cand: Candidate,
                        ctx: Context) -> tuple[tuple[str, ...], bool] | None:
    """The two sides of the border the claim's own length is of, read from its words, or
    ``None`` when the wording does not say.

    The far side is the first state, region or alliance after the "border with" that follows
    the length in its clause ("a 418-km border with Belarus") or, failing that, that comes
    before it ("Lithuania's border with Kaliningrad is 227 km long"). The near side is the
    nearest state or region named before that, leaving out the far sides of other borders of
    the sentence ("a 232-km border with Russia's Kaliningrad exclave and a 418-km border with
    Belarus") and any that does not border the far side ("After Russia's invasion, Poland
    shares a 535-km border with Ukraine"). An alliance on the far side reads the border as the
    near state's with the alliance."""
    q = cand.quantity
    if q is None:
        return None
    full, facts = cand.facts.full, cand.facts
    listed = next((m for m in _BETWEEN_DASH.finditer(full, facts.start, q.span.end)
                   if q.span.start <= m.end() < q.span.end), None)
    if listed is not None:
        # "between Poland and Russia (Kaliningrad region) – almost 200 km": the pair just
        # before the dash (a region in brackets stands for its state)
        sides = [side for m in facts.mentions
                 if listed.start() <= m.span.start and m.span.end <= listed.end()
                 for side in (_border_party(m, ctx),) if side not in (None, "NATO")]
        if "RU-KGD" in sides:
            sides = [x for x in sides if x != "RU"]
        sides = list(dict.fromkeys(sides))
        if len(sides) == 2 and border_length(sides[0], sides[1]) is not None:
            return (sides[0], sides[1]), False
    opened = list(_FRONTIER.finditer(full, facts.start, facts.end))
    if not opened:
        return None
    after = [m for m in opened if q.span.end <= m.start() <= q.span.end + 40
             and not re.search(r"[;.,]|\band\b", full[q.span.end:m.start()])]
    before = [m for m in opened if m.end() <= q.span.start <= m.end() + 60
              and not re.search(r"[;.]", full[m.end():q.span.start])]
    frontier = after[0] if after else (before[-1] if before else None)
    if frontier is None:
        return None
    qualifying = _qualifying(cand)
    parties = sorted(((m, side) for m in facts.mentions
                      for side in (_border_party(m, ctx),) if side is not None
                      and not (m.adjectival and m.record in qualifying)),
                     key=lambda t: t[0].span.start)
    far = next((side for m, side in parties
                if frontier.end() <= m.span.start <= frontier.end() + 40), None)
    if far is None:
        return None
    far_sides = [m for m, _ in parties
                 if any(o.end() <= m.span.start <= o.end() + 40 for o in opened)]
    limit = min(q.span.start, frontier.start())
    for m, own in reversed(parties):
        if m.span.end > limit or m in far_sides or own in ("NATO", far):
            continue
        if far == "NATO":
            if own in ("BY", "RU"):
                return (own,), True
        elif border_length(own, far) is not None:
            return (own, far), False
    return None


def _qualifying(cand: Candidate) -> set[str]:
    """States the sentence names only by an adjective of a noun that another state's name
    follows ("its Russian ally Belarus", "the Belarusian neighbour Lithuania")."""
    ms = sorted((m for m in cand.facts.mentions if m.kind == "actors"),
                key=lambda m: m.span.start)
    out: set[str] = set()
    for a, b in itertools.pairwise(ms):
        between = cand.facts.full[a.span.end:b.span.start]
        if a.adjectival and not b.adjectival and a.record != b.record and re.fullmatch(
                r"\s+(?:[a-z]+\s+){1,2}", between):
            out.add(a.record)
    return out


def resolve_border_length(cand: Candidate, ctx: Context) -> Outcome:
    """Check a border length against every published length of the border (several sources
    give several lengths for one border: each is a published value), the preferred one
    reported first."""
    if cand.extra.get("barrier"):
        return resolve_barrier_length(cand, ctx)
    if cand.extra.get("adjacency"):
        return resolve_adjacency(cand, ctx)
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.border_length
    actors = [m.record for m in mentions_of(cand, "actors", with_context=True)]
    known = ctx.catalog.actors
    states = [a for a in dict.fromkeys(actors) if a in known and known[a].kind == "state"]
    alliance = any(a in known and known[a].kind == "alliance" for a in actors)
    qualifying = _qualifying(cand)
    if len([a for a in states if a not in qualifying]) >= 2:
        # "a border with its close Russian ally Belarus": Belarus's border, not Russia's
        states = [a for a in states if a not in qualifying]
    day = reference_date(cand, ctx)
    measure = None
    pair = _border_of_quantity(cand, ctx)
    if pair is not None:
        # the quantity's own border ("a 232-km border with Kaliningrad and a 418-km border
        # with Belarus"; "Lithuania's 679 km border with Belarus, NATO's eastern frontier")
        states, alliance = list(pair[0]), pair[1]
    if alliance and states:
        # "the border between Russia and NATO would extend by ..." after "absorption of
        # Belarus": Belarus's border with the alliance
        own = "BY" if "BY" in states else states[0]
        measure = alliance_border(own, day)
    elif len(states) >= 2:
        named = [a for a in dict.fromkeys(m.record for m in cand.facts.mentions
                                         if m.kind == "actors") if a in states]
        if len(named) >= 2:
            states = named + [a for a in states if a not in named]  # the sentence's own pair
        measure = border_length(states[0], states[1])
        if measure is None and "RU" in states[:2]:
            # Russia borders Lithuania and Poland through its Kaliningrad exclave
            other = states[1] if states[0] == "RU" else states[0]
            measure = border_length("RU-KGD", other)
            if measure is not None:
                states = ["RU-KGD", other]
    if measure is None:
        return unverifiable("The claim does not name two bordering states (or a state and "
                            "an alliance) whose border could be measured.", claimed=q.value,
                            unit="km", tolerance=tol.as_dict())
    official = _published(states, alliance, day)
    published = official or [(measure.km, measure.detail)]
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else q.value

    def fits(km: float) -> bool:
        if q.bound == "at-least":
            return km >= q.value - tol.allowed(km)
        if q.bound == "at-most":
            return km <= q.value + tol.allowed(km)
        return lo - tol.allowed(km) <= km <= hi + tol.allowed(km)

    matched = sorted(((km, what) for km, what in published if fits(km)),
                     key=lambda t: abs(t[0] - q.value))
    values = ", ".join(f"{km:,.1f} km ({what})" for km, what in published)
    ev = [Evidence(kind="geo", name="border length", value=round(measure.km, 1),
                   unit="km", detail=measure.detail + f"; published: {values}",
                   sources=measure.sources)]
    if matched and not _COMBINED.search(cand.facts.full, max(0, q.span.start - 25),
                                        q.span.start):
        km, what = matched[0]
        return Outcome("supported", f"{measure.detail}; the claim says "
                       f"{q.span.text.strip()}, within tolerance of {km:,.1f} km ({what}).",
                       q.value, round(km, 1), "km", tol.as_dict(), ev)
    own_sides = {side for m in cand.facts.mentions for side in (_border_party(m, ctx),)
                 if side is not None}
    if matched or (pair is None and len(own_sides) < 2) or _COMBINED.search(
            cand.facts.full, max(0, q.span.start - 25), q.span.start):
        # a border the sentence does not name ("along the 400-kilometer land border"), or
        # several borders summed ("their combined 600-mile border with Russia"), is no one
        # recorded border: a length that differs from it refutes nothing
        return unverifiable(f"{measure.detail}; the sentence does not name the one border "
                            f"its {q.span.text.strip()} is of (published: {values}).",
                            claimed=q.value, computed=round(measure.km, 1), unit="km",
                            tolerance=tol.as_dict(), nearest=ev)
    if not official and lo > measure.km:
        # a border drawn at 1:10m leaves out the bends of its rivers: measured on the map it
        # comes out shorter than its official length (Belarus-Lithuania: 482 km on the map,
        # 679 km by the border agreement), so a longer figure is not refuted by the map alone
        return unverifiable(f"{measure.detail}; no official length of this border is "
                            f"recorded, and the map's measure, shorter than a border's "
                            f"official length, does not refute the claim's "
                            f"{q.span.text.strip()}.", claimed=q.value,
                            computed=round(measure.km, 1), unit="km", tolerance=tol.as_dict(),
                            nearest=ev)
    return Outcome("contradicted",
                   f"{measure.detail}; the claim says {q.span.text.strip()}, outside the "
                   f"tolerance of every published length ({values}).",
                   q.value, round(measure.km, 1), "km", tol.as_dict(), ev)


def resolve_gap_width(cand: Candidate, ctx: Context) -> Outcome:
    """Check the width of the Suwałki gap against the geography model."""
    q = cand.quantity
    assert q is not None
    tol = ctx.tolerances.gap_width
    g = gap_width()
    ok = tol.admits(q.low if q.low is not None else q.value,
                    q.high if q.high is not None else q.value, g.km)
    return Outcome("supported" if ok else "contradicted",
                   f"The {g.detail}; the claim says {q.span.text.strip()}.",
                   q.value, round(g.km, 1), "km", tol.as_dict(),
                   [Evidence(kind="geo", name="Suwałki gap", value=round(g.km, 1), unit="km",
                             detail=g.detail)])
