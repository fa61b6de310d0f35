"""Basing claims: "brigade HQs in Brest, Grodno, and Vitebsk", "Iskander-M brigades in Belarus".

Each place named is checked for a recorded unit or facility of the claim's type (echelon,
weapon system, country) garrisoned within ``RADIUS_KM`` of it at the claim's date; a country
for a unit or facility of that type standing on its territory. A town that gives its name to
its region ("Kaliningrad", Kaliningrad Oblast) may stand for the region: forces in the region
support the claim when the region is a territory of its own (the exclave,
:func:`eastflank.posture.area_of`), and otherwise keep it from being contradicted.
"""

from __future__ import annotations

import re

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.measure import distance_km
from eastflank.claims.model import Evidence
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    mentions_of,
    numbered_units,
    reference_date,
    unverifiable,
)
from eastflank.claims.resolvers.events import NOT_A_PLACE
from eastflank.claims.resolvers.sites import Site, family, force_sites
from eastflank.claims.text import fold
from eastflank.posture import area_of
from eastflank.schema import Place

__all__ = ["RADIUS_KM", "resolve_basing"]

RADIUS_KM = 30.0
"""A unit counts as "in" a town when its garrison lies within this distance (km)."""

_ECHELONS = ("brigade", "division", "regiment", "battalion", "corps", "base", "squadron")

_NAMED_FORMATION = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){1,3})(?:(?:Infantry|Mechani[sz]ed|Armou?red|Motori[sz]ed|Tank|"
    r"Air\s+Assault|Airborne|Artillery|Missile)\s+)?(?:Brigade|Division|Regiment|Battalion|"
    r"Battlegroup|Corps|Squadron)\b")
"""A formation named by a name of its own ("the Griffin Infantry Brigade", "Iron Wolf
Brigade")."""

_NOT_A_NAME = frozenset({"the", "a", "an", "its", "his", "their", "nato", "us", "u.s.", "uk",
                         "eu", "guards", "separate", "mechanised", "mechanized", "motorised",
                         "motorized", "armoured", "armored", "infantry", "tank", "air",
                         "assault", "airborne", "artillery", "missile", "multinational",
                         "forward", "presence", "enhanced", "heavy", "light", "new", "first",
                         "german", "polish", "lithuanian", "latvian", "estonian", "russian",
                         "belarusian", "american", "british", "french", "canadian",
                         "ukrainian", "rapid", "reaction", "special", "operations",
                         "forces", "baltic", "fleet", "army", "naval"})


_REGION_NAME = re.compile(r"\s+(?:region|oblast|province|district)\b", re.I)

_AT_NAME = re.compile(r"\b(?:in|at|near|from|outside)\s+(?:the\s+)?([A-Z][\w'’-]+)")
_AT_UNKNOWN = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?[A-Z]")
"""A name the gazetteer does not know is taken for a place after these words only ("images
from Planet Labs" names a firm)."""

def _unknown_places(cand: Candidate, ctx: Context, found: list[Evidence],
                    anchors: list[str]) -> list[str]:
    """Where the sentence puts the forces, if not where the records found stand: capitalised
    names after a word of place that no mention of the gazetteer covers and that the records
    (and their garrisons) do not name, and towns of the gazetteer (other than the places the
    claim was checked at) farther than ``RADIUS_KM`` from every garrison of the records
    found."""
    said = ""
    garrisons: list[Place] = []
    for e in found:
        rec = ctx.catalog.get(e.record or "")
        if rec is None:
            continue
        home = ctx.catalog.places.get(getattr(rec, "garrison", None) or "")
        if home is not None:
            garrisons.append(home)
        parts = [getattr(rec, "name", ""), *(getattr(rec, "aliases", []) or []),
                 getattr(rec, "note", "") or "", e.detail or ""]
        place = ctx.catalog.places.get(getattr(rec, "garrison", None) or "")
        if place is not None:
            parts += [place.name, *place.aliases]
        said += " " + " ".join(parts)
    said = fold(said).lower()
    out = []
    for m in _AT_NAME.finditer(cand.facts.text):
        at = cand.facts.start + m.start(1)
        word = re.sub(r"(?:'s|’s)$", "", m.group(1))
        if word.lower() in NOT_A_PLACE or word.isupper() or len(word) < 4:
            continue
        known = [x for x in cand.facts.mentions if x.span.start <= at < x.span.end]
        if known:
            place = ctx.catalog.places.get(known[0].record) if known[0].kind == "places" \
                else None
            if place is not None and place.kind != "region" and place.id not in anchors \
                    and garrisons and all(
                    distance_km(place.lat, place.lon, g.lat, g.lon) > RADIUS_KM
                    for g in garrisons) and not _REGION_NAME.match(
                        cand.facts.full, known[0].span.end):
                out.append(known[0].span.text)  # a town far from every garrison found
            continue  # a place, state or record the gazetteer knows
        if fold(word).lower()[:5] in said or not _AT_UNKNOWN.match(m.group(0)):
            continue
        out.append(word)
    return out


def _formation_names(text: str, states: set[str]) -> list[str]:
    """The own names of the formations a sentence names ("Griffin" in "Lithuania's Griffin
    Infantry Brigade"): capitalised words before the echelon that are neither states, nor
    words of kind, nor numbers."""
    out = []
    for m in _NAMED_FORMATION.finditer(text):
        words = [re.sub(r"(?:'s|’s)$", "", w) for w in m.group(1).split()]
        own = [w for w in words if w.lower() not in _NOT_A_NAME and fold(w).lower() not in
               states and not re.match(r"\d", w)]
        if own:
            out.append(" ".join(own))
    return out


def _matches(site: Site, cand: Candidate, ctx: Context, systems: set[str],
             echelon: str | None, actors: set[str]) -> bool:
    if systems and not set(site.systems) & systems:
        return False
    if echelon and site.kind == "units":
        unit = ctx.catalog.units.get(site.record)
        if unit is not None and unit.echelon != echelon:
            return False
    elif echelon and site.kind != "units":
        return False
    return not (actors and site.actor not in actors)


_DENIED = re.compile(r"\b(?:not|never|no\s+longer|denied|deny|denies|neither|nor)\b|n't\b",
                     re.I)
"""Words that deny a basing ("without disclosing how many" does not)."""

_STANDING = re.compile(
    r"\b(?:based|stationed|station|garrison\w*|headquarter\w*|deployed|located|positioned|"
    r"placed|hous\w*|host\w*|(?<!sent\s)(?<!went\s)(?<!go\s)(?<!gone\s)(?<!come\s)(?<!came\s)"
    r"(?<!back\s)(?<!returned\s)home\s+to|keeps?|kept|stand\w*|stood|sits?|are\s+in|is\s+in|"
    r"there\s+(?:are|is))\b", re.I)
"""Words that say forces stand somewhere: only such a sentence can be refuted by finding none
there ("flying from Moscow to St Petersburg" says nothing of a garrison)."""

_NOT_NOW = re.compile(
    r"\b(?:may|might|could|would|previous\w*|past|temporar\w*|once|formerly|used\s+to|"
    r"possibl\w*|reportedly|allegedly|suspected|candidate)\b", re.I)
"""Words that put a basing in the future, the past or doubt: no refutation at the date."""


def resolve_basing(cand: Candidate, ctx: Context) -> Outcome:
    """Check that forces of the claimed type stand at each place (or country) named."""
    if _DENIED.search(cand.facts.text):
        # "never deployed to Kaliningrad": what stands there would refute, not support it;
        # a negated sentence is left to a reader
        return unverifiable("The sentence is negated; the basing it denies is not judged.")
    day = reference_date(cand, ctx)
    sites = force_sites(ctx.catalog, day)
    units = mentions_of(cand, "units")
    weapons = mentions_of(cand, "weapon_systems")
    text = cand.span.text.lower()
    echelon = next((e for e in _ECHELONS if re.search(rf"\b{e}s?\b", text)), None)
    systems = family(ctx.catalog, [m.record for m in weapons]) if weapons else set()
    actors: set[str] = set()
    for m in mentions_of(cand, "actors"):
        if m.adjectival and m.span.start < cand.span.end:
            actors.add(m.record)
    anchors = [a for a in cand.extra.get("anchors", []) if isinstance(a, str)]  # type: ignore[attr-defined]
    numbered = [] if units else numbered_units(cand.facts.text, ctx.catalog)
    if numbered and any(uid is None for _, uid in numbered):
        unknown = ", ".join(t for t, uid in numbered if uid is None)
        return unverifiable(f"The sentence names a formation the dataset does not identify "
                            f"({unknown}); its basing cannot be checked.")
    if units or numbered:
        ids = {m.record for m in units} | {uid for _, uid in numbered if uid}
        pool = [s for s in sites if s.record in ids]
    else:
        pool = [s for s in sites if _matches(s, cand, ctx, systems, echelon, actors)]
    what = (", ".join(m.name for m in units) if units else
            ", ".join(dict.fromkeys(str(getattr(ctx.catalog.get(uid), "name", uid))
                                    for _, uid in numbered if uid)) if numbered else
            " ".join(x for x in (" ".join(sorted(actors)), ", ".join(m.name for m in weapons),
                                 echelon or "forces") if x))
    if not pool:
        if weapons and not units:
            return unverifiable(f"No located unit with {what} is recorded at the claim's date.")
        return unverifiable(f"No located {what} is recorded in the dataset.")
    found: list[Evidence] = []
    missing: list[str] = []
    in_region: list[str] = []  # towns whose region of the same name holds such forces
    unrecorded: list[str] = []  # regions where the dataset records no such forces
    strength = 1.0
    regions = cand.extra.get("regions")
    regions = regions if isinstance(regions, dict) else {}
    for anchor in anchors:
        if anchor in regions and anchor in ctx.catalog.places:
            # "based in the Kaliningrad region": inside the territory, not near its centre
            code = str(regions[anchor])
            near = [(0.0, s) for s in pool if _inside(s, code)]
            label = f"{ctx.catalog.places[anchor].name} ({code} on the geography model)"
            if not near:
                # the dataset's sites in a region are not all its forces: no refutation
                unrecorded.append(label)
                continue
        elif anchor in ctx.catalog.places:
            place = ctx.catalog.places[anchor]
            near = sorted(((s.distance_to(place.lat, place.lon), s) for s in pool
                           if s.distance_to(place.lat, place.lon) <= RADIUS_KM),
                          key=lambda t: t[0])
            label = place.name
            region = _namesake_region(place, pool, ctx)
            if not near and region:
                if area_of(place) not in (None, place.country):
                    # "Kaliningrad" for the exclave, a territory of its own
                    near = [(0.0, s) for s in region]
                    label = f"{place.admin} (named after {place.name})"
                    strength = min(strength, 0.8)
                else:
                    in_region.append(f"{place.name} ({place.admin}: "
                                     f"{', '.join(sorted({s.name for s in region}))})")
                    continue
        elif anchor in ctx.catalog.actors:
            near = [(0.0, s) for s in pool if s.country == anchor]
            label = ctx.catalog.actors[anchor].name
        else:
            continue
        if near:
            d, s = near[0]
            where = f"in {label}" if label.endswith(")") else f"{d:.0f} km from {label}"
            found.append(Evidence(record=s.record, kind=s.kind, name=s.name, value=round(d, 1),
                                  unit="km", detail=f"{s.name} at {s.place_name} "
                                  f"({s.deployment}), {where}",
                                  sources=list(s.sources)))
        else:
            missing.append(label)
    plural = echelon is not None and re.search(rf"\b{echelon}s\b", text) is not None
    if plural and weapons and not units and not missing:
        # "the Iskander-M brigades in Belarus": the plural claims more than one formation
        for anchor in anchors:
            if anchor not in ctx.catalog.actors:
                continue
            here = sorted({s.record for s in pool if s.country == anchor
                           and s.kind == "units"})
            if len(here) == 1:
                label = ctx.catalog.actors[anchor].name
                return Outcome("contradicted",
                               f"The claim speaks of {what}s (plural) in "
                               f"{label}; the dataset records one at {day or 'the claim date'}"
                               f": " + "; ".join(e.detail for e in found) + ".",
                               evidence=found, tolerance={"radius_km": RADIUS_KM,
                                                          "rule": "plural needs two or more"},
                               strength=0.9)
    if unrecorded and not missing:
        return unverifiable(
            f"No recorded {what} inside {', '.join(unrecorded)}; the dataset's sites in a "
            "region are not all the forces there, so this does not refute the claim.",
            evidence=found)
    if not found and not missing:
        return unverifiable("The places named are not in the dataset.")
    if (units or numbered) and found and missing:
        # a formation spreads over several sites (a brigade's battalions); the dataset
        # records one garrison, so another place named is not refuted by it
        return unverifiable(
            f"Recorded: {'; '.join(e.detail for e in found)}; the dataset records no site of "
            f"it at {', '.join(missing)}, where parts of it may stand.",
            evidence=found, tolerance={"radius_km": RADIUS_KM})
    if in_region and not missing:
        return unverifiable(
            f"No recorded {what} within {RADIUS_KM:.0f} km of the town named, but some in the "
            f"region of the same name, which the text may mean: {'; '.join(in_region)}.",
            evidence=found, tolerance={"radius_km": RADIUS_KM})
    if missing and (not _STANDING.search(cand.facts.text) or _NOT_NOW.search(cand.facts.text)
                    or vocab.FUTURE.search(cand.facts.text)):
        return unverifiable(
            f"No recorded {what} at {', '.join(missing)} at {day or 'the claim date'}, but the "
            "sentence does not say such forces stand there now (no verb of basing, or it "
            "speaks of the future, the past or a possibility), so this does not refute it.",
            evidence=found, tolerance={"radius_km": RADIUS_KM})
    if missing and not (units or numbered or weapons or echelon):
        # forces of no named kind ("NATO's headquarters is located near Mons"): the dataset
        # records the forces it models, not every force or body, so absence refutes nothing
        return unverifiable(
            f"No recorded {what} at {', '.join(missing)} at {day or 'the claim date'}; the "
            "sentence names no formation, unit or weapon the dataset would record there, so "
            "this does not refute it.", evidence=found, tolerance={"radius_km": RADIUS_KM})
    if missing:
        return Outcome("contradicted",
                       f"No recorded {what} "
                       + ("in " if all(a in ctx.catalog.actors for a in anchors) else
                          f"within {RADIUS_KM:.0f} km of ")
                       + f"{', '.join(missing)} at {day or 'the claim date'}"
                       + (f"; found at {', '.join(e.name or '' for e in found)}." if found
                          else f"; it is recorded at "
                          f"{', '.join(dict.fromkeys(x.place_name for x in pool))}."
                          if units or numbered else "."),
                       evidence=found, tolerance={"radius_km": RADIUS_KM})
    owners = _other_owners(cand, ctx, anchors, actors)
    if owners and not (units or numbered or weapons):
        held = {s.actor for s in pool if s.record in {e.record for e in found}}
        if not held & owners:
            # "Germany will station a brigade in Lithuania": a Lithuanian brigade there says
            # nothing of a German one
            names = ", ".join(sorted(ctx.catalog.actors[o].name for o in owners))
            return unverifiable(
                f"The sentence names {names}; the {what} recorded there "
                f"({'; '.join(e.detail for e in found)}) belong to another state.",
                evidence=found, tolerance={"radius_km": RADIUS_KM})
    elsewhere = _unknown_places(cand, ctx, found, anchors)
    if elsewhere:
        # "flies from Donskoye in the Kaliningrad region": the regiment at Chernyakhovsk, in
        # the same region, is not at Donskoye
        return unverifiable(
            f"The sentence puts it at {', '.join(elsewhere)}, which is not where the records "
            f"found stand (farther than {RADIUS_KM:.0f} km, or a place they do not name); "
            f"recorded: "
            f"{'; '.join(e.detail for e in found)}.",
            evidence=found, tolerance={"radius_km": RADIUS_KM}, settled=True)
    if not (units or numbered):
        states = {fold(n).lower() for a in ctx.catalog.actors.values()
                  for n in (a.name, *a.aliases)}
        named = _formation_names(cand.facts.text, states)
        said = fold(" ".join(
            " ".join([getattr(r, "name", ""), *(getattr(r, "aliases", []) or [])])
            for e in found if (r := ctx.catalog.get(e.record or "")) is not None)).lower()
        other = [n for n in named if fold(n).lower() not in said]
        if other:
            # "the Griffin Infantry Brigade ... at Gaižiūnai": the Iron Wolf Brigade there is
            # another formation
            return unverifiable(
                f"The sentence names {', '.join(other)}, which the dataset does not identify; "
                f"the forces recorded there ({'; '.join(e.detail for e in found)}) are not it.",
                evidence=found, tolerance={"radius_km": RADIUS_KM}, settled=True)
    return Outcome("supported",
                   "Recorded at each place named: "
                   + "; ".join(e.detail for e in found) + ".",
                   evidence=found, tolerance={"radius_km": RADIUS_KM}, strength=strength)


def _other_owners(cand: Candidate, ctx: Context, anchors: list[str],
                  actors: set[str]) -> set[str]:
    """States the sentence names that are not where the forces stand and not the forces'
    own adjective: the state whose forces the sentence may speak of."""
    if actors:
        return set()
    anchor_states = set(anchors) | {getattr(ctx.catalog.places.get(a), "country", None)
                                    for a in anchors}
    out = set()
    for m in mentions_of(cand, "actors"):
        actor = ctx.catalog.actors.get(m.record)
        if actor is not None and actor.kind == "state" and m.record not in anchor_states:
            out.add(m.record)
    return out


_EDGE_DEG = 0.02
"""A site this close (degrees, about 2 km) to a territory's 1:10m outline, and inside no other
territory, is taken to lie in it (a port on a coast the coarse outline cuts off)."""


def _inside(site: Site, code: str) -> bool:
    """Whether a site lies within the territory ``code`` of the geography model."""
    from shapely.geometry import Point

    from eastflank.geo import default_region

    region = default_region()
    pt = Point(site.lon, site.lat)
    terr = region.territories.get(code)
    if terr is None:
        return False
    if terr.geometry.contains(pt):
        return True
    return terr.geometry.distance(pt) < _EDGE_DEG and not any(
        t.geometry.contains(pt) for t in region if t.code != code)


def _namesake_region(place: Place, pool: list[Site], ctx: Context) -> list[Site]:
    """Sites of ``pool`` in the region named after ``place`` ("Kaliningrad" and Kaliningrad
    Oblast, "Brest" and Brest Oblast), which a text may mean by the town's name."""
    admin = place.admin or ""
    if not fold(admin).lower().startswith(fold(place.name).lower()) or place.kind == "region":
        return []
    out = []
    for s in pool:
        at = ctx.catalog.places.get(s.place)
        if at is not None and at.admin == admin:
            out.append(s)
    return out
