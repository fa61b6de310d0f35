"""Find the checkable claims of a text and say which kind each is.

Each sentence is scanned once for quantities, gazetteer names, dates and attributions
(:mod:`eastflank.claims.extract`); rules over what was found decide the claim kinds:

==============  =========================================================================
kind            rule
==============  =========================================================================
attribution     a statement attributed to a named person
border_length   a length with "border" and "long/length/extend/stretch"
gap_width       a length with "gap" or "corridor"
weapon_range    a length with a weapon system named (or "range" and one named just before)
distance        a length with a place after "of/from/to", or a vague length ("hundreds of
                kilometers westward")
flight_time     a duration with a weapon system or missile
warning_time    "warning time"
strength        a number of personnel ("45,000-strong", "9,000 troops")
count           a number of things ("two divisions", "290 tanks")
command         a command body with a relation ("subordinated to", "under the command of",
                "resides in") or one that did not exist at the claim's date
basing          a unit, unit type or weapon system "in/at/near" a place or a country
event           a date with an event named, or with a verb of record (signed, deployed)
economic        a money amount ("$8 billion") or a tonnage ("3 million tonnes"), or a trend
                ("collapse of potash exports", "continued energy subsidies") of an economic
                topic: potash exports and routes, debt to Russia, energy subsidies
relation        any other sentence asserting something of a named unit, command body,
                facility, event, weapon system or indicator series: with a second named
                entity, a date, or a verb of state ("based", "part of", "now-defunct")
==============  =========================================================================
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from eastflank.claims import vocab
from eastflank.claims.economy import find_amounts, find_topics
from eastflank.claims.extract import SentenceFacts
from eastflank.claims.model import ClaimKind, Mention, Quantity, Span

__all__ = ["Candidate", "detect_claims"]


@dataclass(frozen=True)
class Candidate:
    """A claim found in a sentence, before it is resolved."""

    kind: ClaimKind
    span: Span
    facts: SentenceFacts
    context: tuple[SentenceFacts, ...] = ()
    quantity: Quantity | None = None
    extra: dict[str, object] = field(default_factory=dict)


_BORDER = re.compile(r"\b(?:borders?|frontiers?)\b", re.I)
_LENGTHY = re.compile(r"\b(?:long|length|extend\w*|stretch\w*|runs?)\b", re.I)
_BARRIER = vocab.BARRIER
_SECTION = re.compile(r"\b(?:over\s*land|on\s+land|by\s+land|land\s+section|along\s+(?:the\s+)?"
                      r"(?:rivers?|lakes?|water)|on\s+water|by\s+water|river\s+section)\b",
                      re.I)
_POPULATION = re.compile(r"\b(?:population|inhabitants|residents|citizens|people\s+liv\w*)\b",
                         re.I)
_MILITARY = re.compile(r"\b(?:troops|soldiers|servicem[ae]n|military|army|armed|forces?|"
                       r"exercis\w*|drills?|manoeuvres|maneuvers|participa\w*|took\s+part|"
                       r"involv\w*|deploy\w*|mobili[sz]\w*|fighters|mercenaries|units?|"
                       r"personnel|contingent|brigades?|divisions?|combat)\b", re.I)
"""Words that make "people" a body of troops rather than a population."""
_GAP = re.compile(r"\b(?:gap|corridor)\b", re.I)
_BETWEEN_KGD_BY = re.compile(r"between\b.{0,60}\bKaliningrad\b.{0,40}\bBelarus|"
                             r"between\b.{0,40}\bBelarus\b.{0,60}\bKaliningrad", re.I)
_ARMED = re.compile(r"\b(?:armed|equipped)\s+with\b", re.I)
_RANGE = re.compile(r"\b(?:range|reach|strike|hit|fly|flight)\w*\b", re.I)
_MISSILE = re.compile(r"\bmissiles?\b|\bwarheads?\b", re.I)
_WARNING = re.compile(r"\bwarning\s+times?\b", re.I)
_RELATION = re.compile(
    r"\b(?:subordinat\w*|under\s+the\s+(?:operational\s+)?(?:command|control)|"
    r"command(?:ed)?\s+by|reports?\s+to|integrated\s+into|controlled\s+by|"
    r"resides?\s+(?:\w+\s+)?in|answers?\s+to|part\s+of)\b",
    re.I,
)
_COMMANDS = re.compile(
    r"\b(?:(?:re)?subordinated?\s+to|under\s+the\s+(?:operational\s+|direct\s+|overall\s+|"
    r"joint\s+)?"
    r"(?:command|control)|(?:command(?:ed)?|led|headed|controlled)\s+by|reports?\s+to|"
    r"answers?\s+to|in\s+command\s+of|commanders?\s+of)\b", re.I)
"""Relations of command a sentence may state between any named parties."""
_UNIT_NOUN = re.compile(
    r"\b(?:brigades?|divisions?|regiments?|battalions?|HQs?|headquarters|garrisons?|"
    r"air\s+bases?|launchers?)\b",
    re.I,
)
_TRIGGER = re.compile(
    r"\b(?:sign\w*|deploy\w*|deliver\w*|announc\w*|held|hold|exercis\w*|drills?|"
    r"agreement|decree|treaty|arriv\w*|station\w*|began|begin|start\w*|creat\w*|"
    r"establish\w*|abolish\w*|disband\w*|hand\w*\s+over|launch\w*|entered|join\w*|"
    r"recreat\w*|ceas\w*|conduct\w*|struck|strike|relocat\w*|agreed|combat\s+duty|"
    r"transfer\w*|adopt\w*|approv\w*|referendum|election|invasion|invaded|fired|used|"
    r"moved|sent|set\s+up|put|"
    r"hit\w*|complet\w*|construct\w*|buil\w*|show\w*|restor\w*|suggest\w*|said|says)\b",
    re.I,
)
_COUNTRIES = frozenset({"BY", "RU", "UA", "PL", "LT", "LV", "EE"})
_HOSTS = re.compile(r"(?:’s|'s)?,?\s+(?:(?:is|was|has\s+been|remains)\s+)?(?:also\s+)?"
                    r"(?:home\s+to|hosts?|hosted|houses|housed|host\s+to)\b", re.I)
"""After a place: it holds what follows ("Kaliningrad, home to Iskander missiles")."""
_HOME_TO = re.compile(r"^\W*(?:(?:already|long|once|now)\s+)?home\s+to\b", re.I)
"""A sentence opening with "Home to ...": its subject is named after the opening phrase."""
_REGION = re.compile(r"\b(?:region|oblast|voblast|exclave|province|district|governorate|"
                     r"krai|county)\b", re.I)
_NEAR_PREP = re.compile(r"\b(?:in|at|near|around|to)(?:\s+the)?\s*$", re.I)


def _mentions(facts: SentenceFacts, kind: str) -> list[Mention]:
    return [m for m in facts.mentions if m.kind == kind]


def _place_after(facts: SentenceFacts, q: Quantity,
                 kinds: tuple[str, ...] = ("places", "facilities")) -> Mention | None:
    """The first place named within 60 characters after a quantity, after of/from/to."""
    for m in facts.mentions:
        if m.kind not in kinds or m.span.start < q.span.end:
            continue
        between = facts.text[q.span.end - facts.start : m.span.start - facts.start]
        if len(between) <= 60 and re.search(r"\b(?:of|from|to|off)\b", between, re.I):
            return m
    # "separated from Moscow by about 680 miles": the place before, after "from", then "by"
    for m in reversed(facts.mentions):
        if m.kind not in kinds or m.span.end > q.span.start:
            continue
        gap = facts.full[m.span.end:q.span.start]
        lead = facts.full[max(facts.start, m.span.start - 60):m.span.start]
        if len(gap) <= 25 and re.fullmatch(r"[^.;]{0,12}?\bby\s+", gap) \
                and re.search(r"\bfrom\b", lead, re.I):
            return m
        break
    return None


def _fence_or_section(text: str, start: int, end: int) -> bool:
    """Whether the length at ``text[start:end]`` measures a fence or wall, or one section of a
    border ("379.9 km overland"), rather than the border: the nearer of a border word and a
    barrier word before it decides, and a barrier or a section named right after it."""
    before = text[max(0, start - 80):start]
    after = re.split(r"[,;(]|\d", text[end:end + 40], maxsplit=1)[0]
    last_barrier = max((m.end() for m in _BARRIER.finditer(before)), default=-1)
    # a border named after the barrier is the subject only when not in a prepositional
    # phrase: "the fence along the border stretches 502 km" measures the fence
    subject_border = [m for m in _BORDER.finditer(before) if m.start() > last_barrier
                      and not re.search(r"\b(?:along|on|at|with|of|near)\s+(?:the\s+)?"
                                        r"(?:[\w-]+\s+){0,2}$", before[:m.start()], re.I)]
    return ((last_barrier >= 0 and not subject_border) or bool(_BARRIER.search(after))
            or bool(_SECTION.search(after)))


_NOT_LENGTH = re.compile(r"\b(?:wide|width|deep|depth|high|height|tall|thick)\b", re.I)


def _barrier_length(text: str, start: int, end: int) -> bool:
    """Whether the length at ``text[start:end]`` is a fence's or wall's length: a barrier
    word right after it ("a 115-mile long barbed wire fence") or just before it with a length
    word between ("the wall with a length of 502 km"), and no border section named after it."""
    after = re.split(r"[,;(]|\d", text[end:end + 40], maxsplit=1)[0]
    if _SECTION.search(after):
        return False
    barrier_after = _BARRIER.search(after)
    if barrier_after and not re.match(r"^\s*(?:from|away|of\s+the|off)\b", after, re.I):
        # "a 502 km-wide fence" measures no length
        return not _NOT_LENGTH.search(after[:barrier_after.start()])
    before = text[max(0, start - 50):start]
    if _NOT_LENGTH.search(re.split(r",|\band\b", before)[-1]):
        return False  # "a height of almost 5 m"
    barrier = list(_BARRIER.finditer(before))
    if not barrier:
        return False
    # the border the barrier runs along is no subject of its own: "the fence on the
    # Belarusian border is 502 km long"
    between = re.sub(r"^\s*(?:along|on|at)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
                     r"(?:borders?|frontiers?)\b", " ", before[barrier[-1].end():], flags=re.I)
    said = bool(_LENGTHY.search(between)) or (
        bool(re.search(r"\b(?:is|was|are|were|measures?|covers?)\s+(?:about\s+|some\s+)?$",
                       between, re.I)) and bool(re.match(r"^\s*long\b", after, re.I)))
    return said and not _BORDER.search(between)


_BORDER_AFTER = re.compile(r"^(?:\s*\([^()]{0,25}\))?[\s-]*(?:(?:[\w’'-]+\s+){0,2}?)"
                           r"(?:land\s+|state\s+|common\s+|"
                           r"shared\s+)?(?:borders?|frontiers?|boundary)\b"
                           r"(?!\s+(?:fence|wall|barrier|barbed|razor|fortification|"
                           r"section|stretch|area|zone|regions?|crossings?))", re.I)
_BORDER_BEFORE = re.compile(r"\bbetween\s+(?-i:[A-Z])[\w’'-]+(?:\s+\([^()]{0,30}\))?\s+and\s+"
                            r"(?-i:[A-Z])[\w’'-]+(?:\s+\([^()]{0,30}\))?\s*[–—-]\s*"
                            r"(?:(?:about|around|some|nearly|almost|roughly|approximately)\s+)?$|"
                            r"\b(?:borders?\s+(?:(?-i:[A-Z])[\w’'-]+\s+)?(?:for|over)|"
                            r"(?:borders?|frontiers?|boundary)\s+(?:of|measuring|is|was)"
                            r"(?:\s+(?:about|around|some|nearly|roughly|approximately))?)"
                            r"\s*$", re.I)


def _of_border(text: str, start: int, end: int) -> bool:
    """Whether the length at ``text[start:end]`` is said of a border: "a 679-kilometre
    border", "Belarus borders Poland for 398 km", "a frontier of 550 km"."""
    after = text[end:end + 40]
    if _BORDER_AFTER.match(after) and not re.match(r"^\s*(?:from|away|of\s+the|off)\b",
                                                   after, re.I):
        return True
    before = text[max(0, start - 80):start]
    m = _BORDER_BEFORE.search(before)
    # "the fence on the Belarusian border is 502 km long": the fence is the subject
    return m is not None and not _BARRIER_ON.search(before[:m.start()])


_BARRIER_ON = re.compile(r"\b(?:fence\w*|wall|barrier|fortification\w*)\s+(?:along|on|at)\s+"
                         r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.I)


_ROUTE_AFTER = re.compile(r"\s*(?:long\s+)?(?:[A-Z][\w'’.-]*(?:[- ][A-Z][\w'’.-]*)*\s+)?"
                          r"(?:roads?|routes?|rail(?:way)?s?|railroads?|lines?|pipelines?|"
                          r"highways?|motorways?|expressways?|tracks?|canals?|cables?)\b",
                          re.I)
"""A route's noun after a length ("113 km Vilnius-Augustow road"): the length of the route."""


_NEGATED = re.compile(r"\b(?:not|no|never|without|n't|nor)\s+(?:\w+\s+){0,3}?(?:a\s+)?"
                     r"(?:single\s+)?$", re.IGNORECASE)
"""A negation right before a length of one: "not a one-kilometer border" denies any."""

_NAMED_BORDER = re.compile(r"[\s-]*(?:long\s+)?(?:land\s+|state\s+|common\s+|shared\s+)?"
                           r"(?:border|frontier|boundary)\s+(?:between|of)\s+(?:the\s+)?"
                           r"(?-i:[A-Z])", re.IGNORECASE)
"""A length said of a border its words name ("the 64-mile border between Poland and
Lithuania"): the border's length even in a sentence on the gap along it."""

_BEARING_AFTER = re.compile(r"\s+(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?"
                            r"(?:ward)?\s+of\b", re.IGNORECASE)
"""A bearing after a length ("307 km east of Minsk"): how far a place lies from another."""

_ALONG_OR_DEPTH = re.compile(r"\s*(?:long\s+)?(?:along|deep|wide|inland)\b", re.IGNORECASE)
"""A length along a border or a depth from it, not the border's own length."""

_ADJECTIVE_BORDER = re.compile(r"\s+(?:state\s+)?(?:border|frontier)\b", re.IGNORECASE)


def _length_kind(facts: SentenceFacts, q: Quantity, context: tuple[SentenceFacts, ...]
                 ) -> tuple[ClaimKind, Mention | None] | None:
    text = facts.text
    if q.value == 1 and _NEGATED.search(text[:q.span.start - facts.start]):
        return None  # "does not have a one-kilometer land border": none at all
    said_of_border = _of_border(text, q.span.start - facts.start, q.span.end - facts.start)
    if q.bound != "vague" and (_GAP.search(text) or _BETWEEN_KGD_BY.search(text)) and not (
            said_of_border and _NAMED_BORDER.match(text, q.span.end - facts.start)):
        if _ROUTE_AFTER.match(text, q.span.end - facts.start):
            return None  # "a 113 km road through the corridor": a route's length, no width
        return "gap_width", None
    if q.bound != "vague" and _BORDER.search(text) and (_LENGTHY.search(text)
                                                         or said_of_border):
        if _ALONG_OR_DEPTH.match(text, q.span.end - facts.start):
            return None  # "extend 100 km along the border and 40 km deep": a strip's size
        if not said_of_border and _fence_or_section(text, q.span.start - facts.start,
                                                    q.span.end - facts.start):
            if _barrier_length(text, q.span.start - facts.start, q.span.end - facts.start):
                return "border_length", None  # a barrier's length, checked as one
            return None  # a section of the border is not its length
        return "border_length", None
    if q.bound != "vague" and _barrier_length(text, q.span.start - facts.start,
                                              q.span.end - facts.start):
        return "border_length", None
    weapons = _mentions(facts, "weapon_systems")
    if weapons and _BEARING_AFTER.match(text, q.span.end - facts.start):
        place = _place_after(facts, q)
        if place is not None:
            return "distance", place  # "roughly 307 km east of Minsk": where a thing is
    if weapons or (_RANGE.search(text) and context and _mentions(context[-1], "weapon_systems")):
        return "weapon_range", None
    place = _place_after(facts, q)
    if place is not None:
        return "distance", place
    territory = _place_after(facts, q, kinds=("actors",))
    if territory is not None and territory.record in _COUNTRIES and (
            not territory.adjectival
            or (_ADJECTIVE_BORDER.match(facts.full, territory.span.end) and re.search(
                r"\b(?:from|of|off)\s+the\s+$", facts.full[facts.start:territory.span.start],
                re.IGNORECASE))):
        # a state's adjective names the state only as the border a distance is measured from
        # ("30 km from the Belarusian border", "north of the Ukrainian border"), not as its
        # troops ("from Belarusian troops") or as where a frontier is moved to
        return "distance", territory
    if q.bound == "vague" or re.search(r"\b(?:away|westward|eastward|from)\b", text, re.I):
        return "distance", None
    return None


_NAME_AFTER = re.compile(
    r"(?:\s+(?:spokes(?:man|woman|person)|chief|head|commander|official|adviser|envoy|"
    r"minister|press\s+secretary))?,?\s+(?:[A-Z]\.\s+)?[A-Z][a-zà-ž'’-]+"
    r"(?:\s+[A-Z][a-zà-ž'’-]+){0,2}")


def _is_title(m: Mention, facts: SentenceFacts) -> bool:
    """Whether a command body is named as a person's title ("Belarusian President Alexander
    Lukashenko", "Kremlin spokesman Dmitry Peskov"), not as the subject of a claim."""
    after = _NAME_AFTER.match(facts.full, m.span.end, facts.end)
    if after is None or not re.search(r"\b[a-z]{4,}\b", facts.text):
        return False  # a heading in title case names no person
    name = after.group(0).split()[-1]
    return not any(o.span.start >= m.span.end and o.span.start < after.end()
                   for o in facts.mentions) and name[:1].isupper()


def _sentence_span(facts: SentenceFacts) -> Span:
    return Span(start=facts.start, end=facts.end, text=facts.text)


def detect_claims(
    sentences: list[SentenceFacts], context_size: int = 3
) -> list[Candidate]:
    """The checkable claims of a text, sentence by sentence, in text order.

    Parameters
    ----------
    sentences
        Facts of every sentence, in order (from :func:`eastflank.claims.extract.extract`).
    context_size
        How many earlier sentences are searched for the subject of a claim ("This places
        nuclear-capable systems ..." refers to the sentences before).
    """
    out: list[Candidate] = []
    story: list[str] = []  # events named so far, latest first: what "the exercise" refers to
    for i, facts in enumerate(sentences):
        context = tuple(sentences[max(0, i - context_size) : i])
        text = facts.text
        first = len(out)
        for q in facts.quantities:
            kind: ClaimKind | None = None
            extra: dict[str, object] = {}
            if q.unit == "km":
                found = _length_kind(facts, q, context)
                if found is not None:
                    kind, place = found
                    if place is not None:
                        extra["target"] = place.record
                    q0, q1 = q.span.start - facts.start, q.span.end - facts.start
                    if kind == "border_length" and not _of_border(text, q0, q1) \
                            and _barrier_length(text, q0, q1):
                        extra["barrier"] = True
            elif q.unit == "min":
                if _WARNING.search(text):
                    kind = "warning_time"
                elif _mentions(facts, "weapon_systems") or _MISSILE.search(text):
                    kind = "flight_time"
            elif q.unit == "personnel":
                kind = "strength" if q.bound != "vague" else None
                if _POPULATION.search(text[max(0, q.span.start - facts.start - 40):
                                           q.span.end - facts.start + 10]) or (
                        re.search(r"\bpeople$", q.span.text, re.I)
                        and not _MILITARY.search(text)):
                    kind = "count"  # a population is not a strength
                    extra["noun"] = "population"
            else:
                kind = "count"
            if kind is not None:
                out.append(Candidate(kind, q.span, facts, context, q, extra))
        if not any(c.kind == "border_length" for c in out[first:]):
            adjacency = _adjacency(facts, context)
            if adjacency is not None:
                out.append(adjacency)
        if _WARNING.search(text) and not any(
            c.kind == "warning_time" and c.facts is facts for c in out
        ):
            m = _WARNING.search(text)
            assert m is not None
            span = Span(start=facts.start + m.start(), end=facts.start + m.end(),
                        text=m.group(0))
            out.append(Candidate("warning_time", span, facts, context))
        pairs = lead_nations(facts)
        if pairs:  # (which state leads a battlegroup: no command of body over body)
            lo, hi = min(p[2] for p in pairs), max(p[3] for p in pairs)
            out.append(Candidate("command", Span(start=lo, end=hi, text=facts.full[lo:hi]),
                                 facts, context, extra={"lead_nations": pairs}))
        speakers = [a.speaker or a.span for a in facts.attributions]
        bodies = [b for b in _mentions(facts, "command_bodies") if not _is_title(b, facts)
                  and not any(sp.start <= b.span.start < sp.end for sp in speakers)]
        if not _RELATION.search(text):
            # "the Kremlin’s propensity for fudging": a possessive names the body as an
            # actor, not as a subject of a command claim
            bodies = [b for b in bodies
                      if not re.match(r"['’]s?\b", facts.full[b.span.end:b.span.end + 2])]
        if bodies:
            rel = _RELATION.search(text)
            start = min([b.span.start for b in bodies]
                        + ([facts.start + rel.start()] if rel else []))
            end = max([b.span.end for b in bodies] + ([facts.start + rel.end()] if rel else []))
            span = Span(start=start, end=end, text=facts.full[start:end])
            out.append(Candidate("command", span, facts, context,
                                 extra={"relation": rel.group(0) if rel else None}))
        elif not pairs and (m := _COMMANDS.search(text)) is not None and (
                len(facts.mentions) + len(_proper_nouns(facts)) >= 2):
            # who commands whom, named by title, state or person ("Belarus's armed forces are
            # under the command of President Lukashenko")
            said = Span(start=facts.start + m.start(), end=facts.start + m.end(),
                        text=m.group(0))
            out.append(Candidate("command", _clause(facts, [said]), facts, context,
                                 extra={"relation": m.group(0)}))
        phrases = _tenure_or_membership(facts, context)
        out.extend(phrases)

        basing = _basing(facts, context)
        if basing is not None:
            out.append(basing)
        event = _event(facts, context)
        if event is not None and not _said_by(phrases, facts):
            out.append(event)
        if not any(c.facts is facts and not (c.extra.get("tenure") or c.extra.get("membership"))
                   for c in out[first:]) and not _said_by(phrases, facts):
            # reported speech is checked for what it says, besides who said it
            fallback = _relation(facts, context)
            if fallback is not None:
                out.append(fallback)
        out.extend(_economic(facts, context))
        out.extend(_embedded_events(facts, context, out[first:]))
        # who said it comes after what was said: the claim of the content's own kind is the
        # one a reader checks first
        for a in facts.attributions:
            out.append(Candidate("attribution", a.span, facts, context))
        if story:
            for c in out[first:]:
                c.extra.setdefault("story_events", tuple(story))
        story = [m.record for m in reversed(facts.mentions) if m.kind == "events"] + [
            r for r in story if r not in {m.record for m in facts.mentions}]
    return out


_EVENT_NOUN = (r"(?:annexation|dissolution|collapse|break-?up|invasion|treaty|agreement|accord|"
               r"elections?|referendum|mutiny|rebellion|uprising|summit|crash|revolution|coup|"
               r"protests|withdrawal|accession|independence|founding|creation|establishment|"
               r"reform|reunification|unification|annexing)")
_EMBEDDED_BEFORE = re.compile(
    rf"\b(?:the|its|their|his|her|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_EVENT_NOUN}"
    r"(?:\s+(?:of|on|to|with|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?)?\s*(?:in|on|of)\s+$",
    re.I)
"""A noun phrase naming a past event just before its date ("the dissolution of the USSR in
1991", "its annexation of Crimea in 2014", "a presidential election on August 9")."""


_IN_PASSING = re.compile(r"\b(?:after|since|before|following|as\s+a\s+result\s+of|in\s+"
                         r"response\s+to|ahead\s+of|amid|during|because\s+of|due\s+to|than|"
                         r"until|till|by|over|of|to)\s+$", re.I)
"""Words that make an event a sentence names the background of what it says ("after its
annexation of Crimea in 2014"), not its main event."""


def _embedded_events(facts: SentenceFacts, context: tuple[SentenceFacts, ...],
                     made: list[Candidate]) -> list[Candidate]:
    """Events a sentence names in passing with their dates, each as a claim of its own
    beside what the sentence says (the sentence's own event may be another's, or say more
    than the record of the one named)."""
    out: list[Candidate] = []
    for d in facts.dates:
        if d.relative and d.precision != "day":
            continue
        head = facts.full[max(facts.start, d.span.start - 120):d.span.start]
        m = _EMBEDDED_BEFORE.search(head)
        if m is None:
            continue
        start = d.span.start - len(head) + m.start()
        end = d.span.end
        if not _IN_PASSING.search(facts.full, max(facts.start, start - 30), start):
            continue  # ("At their Warsaw summit in July 2016, leaders agreed": the main event)
        if any(c.span.start == start and c.span.end == end for c in made):
            continue
        mentions = tuple(x for x in facts.mentions
                         if start <= x.span.start and x.span.end <= end)
        part = SentenceFacts(index=facts.index, start=start, end=end,
                             text=facts.full[start:end], full=facts.full,
                             paragraph=facts.paragraph, mentions=mentions, dates=(d,))
        out.append(Candidate("event", Span(start=start, end=end, text=facts.full[start:end]),
                             part, context, extra={"embedded": True, "named": None}))
    return out


def _tenure_or_membership(facts: SentenceFacts,
                          context: tuple[SentenceFacts, ...]) -> list[Candidate]:
    """A phrase saying since when a leader has ruled ("who has ruled Belarus since 1994": a
    person's office and its time, a claim of the command kind like a title) or when a state
    joined NATO ("Poland joined NATO in 1999": an event), as a claim of its own beside what
    the rest of the sentence says."""
    out = []
    m = vocab.TENURE_SINCE.search(facts.text) or vocab.TENURE_YEARS.search(facts.text) or \
        vocab.TENURE_FOR.search(facts.text)
    if m is not None:
        span = Span(start=facts.start + m.start(), end=facts.start + m.end(), text=m.group(0))
        out.append(Candidate("command", span, facts, context, extra={"tenure": True}))
    m = vocab.JOINED_NATO.search(facts.text)
    if m is not None:
        at = facts.start + m.start()
        dates = [d for d in facts.dates if d.span.start >= at]
        if dates:
            end = dates[0].span.end
            span = Span(start=at, end=end, text=facts.full[at:end])
            out.append(Candidate("event", span, facts, context, extra={"membership": True}))
    return out


_BATTLEGROUP = re.compile(r"\b(?:battalions?|battle\s*groups?|battlegroups?|eFP|forward\s+"
                          r"presence|(?:lead|framework)\s+nations?)\b", re.I)
_LEADS = re.compile(r"\b(?:will\s+)?(?:lead|leads|leading|heads?|headed|commands?|"
                    r"(?:is|are|was|were|will\s+be)\s+(?:in\s+charge\s+of|responsible\s+for)|"
                    r"serv(?:e|es|ed|ing)\s+as\s+(?:the\s+)?(?:lead|framework)\s+nation|"
                    r"(?:is|are|was|were)\s+(?:the\s+)?(?:lead|framework)\s+nations?)\b", re.I)


def lead_nations(facts: SentenceFacts) -> list[tuple[str, str, int, int]]:
    """The (lead state, host state) pairs a sentence about NATO's battlegroups gives, with the
    offsets (in the text) of the words that give each: "Battle Group Latvia led by Canada",
    "the German-led battlegroup in Lithuania", "Germany will be in charge of the one in
    Lithuania", "Canada, the UK and the US are the framework nations in Latvia, Estonia and
    Poland respectively"."""
    text = facts.text
    if not _BATTLEGROUP.search(text):
        return []
    states = [m for m in facts.mentions if m.kind == "actors" and m.record != "NATO"]
    at = [(m.span.start - facts.start, m.span.end - facts.start, m) for m in states]
    out: list[tuple[str, str, int, int]] = []

    def host_after(i: int, reach: int = 60) -> Mention | None:
        for s0, _, m2 in at:
            if i <= s0 <= i + reach and not m2.adjectival and re.search(
                    r"\bin\s+(?:the\s+)?$", text[max(0, s0 - 8):s0]):
                return m2
        return None

    if re.search(r"\brespectively\b", text) and (v := _LEADS.search(text)) is not None:
        leads = [m for s0, _, m in at if s0 < v.start() and not m.adjectival]
        hosts = [m for s0, _, m in at if s0 > v.end() and not m.adjectival]
        if leads and len(leads) == len(hosts):
            return [(a.record, b.record, a.span.start, b.span.end)
                    for a, b in zip(leads, hosts, strict=True)]
    for m in re.finditer(r"\bled\s+by\s+", text):
        before = [x for s0, e0, x in at if m.start() - 50 <= s0 and e0 <= m.start()
                  and not x.adjectival]
        after = [x for s0, _, x in at if m.end() <= s0 <= m.end() + 20]
        if before and after:
            out.append((after[0].record, before[-1].record, before[-1].span.start,
                        after[0].span.end))
    for m in re.finditer(r"-led\b", text):
        lead = [x for _, e0, x in at if e0 == m.start()]
        host = host_after(m.end())
        if lead and host is not None:
            out.append((lead[0].record, host.record, lead[0].span.start, host.span.end))
    for m in _LEADS.finditer(text):
        clause_start = max((c.end() for c in re.finditer(r"[,;]", text[:m.start()])),
                           default=0)
        lead = [x for s0, e0, x in at if clause_start <= s0 and e0 <= m.start()
                and not x.adjectival]
        host = host_after(m.end())
        if lead and host is not None:
            out.append((lead[-1].record, host.record, lead[-1].span.start, host.span.end))
    return list(dict.fromkeys(out))


def _said_by(phrases: list[Candidate], facts: SentenceFacts) -> bool:
    """Whether the phrases say all the sentence says: beyond their words, the names it gives
    and words of no content, at most one word is left ("Poland joined NATO in 1999.")."""
    if not phrases:
        return False
    from eastflank.claims.retrieval import tokens

    rest = facts.text
    for c in phrases:
        rest = rest.replace(c.span.text, " ")
    for name in [m.span.text for m in facts.mentions] + [n.text for n in _proper_nouns(facts)]:
        rest = rest.replace(name, " ")
    return len(tokens(vocab.BALTIC_STATES.sub(" ", rest))) <= 1


_ADJACENT = re.compile(
    r"\b(?:(?:wedged|sandwiched|squeezed|nestled|lies|lying|located|situated|coast(?:line)?|"
    r"shores?)\s+between|"
    r"(?:exclave|enclave)\b[^.;]{0,40}?\bbetween(?:\s+the\s+countries\s+of)?|"
    r"borders?(?=\s+(?:on\s+)?(?!(?:with|of|between|near|in|at|to|and|from|for|area|region|"
    r"crossings?|guards?|zone|regime|troops|forces|security|service)\b)(?:the\s+)?"
    r"(?:[a-z]+\s+){0,3}?(?-i:[A-Z]))(?!\s+(?:Guards?|"
    r"Service|Force|Troops|Committee|Police|Patrol|Agency|Control|Crossing)\b)|bordering|"
    r"bordered\s+by|(?<=,\s)neighbou?ring(?=\s+(?-i:[A-Z]))|"
    r"shares?\s+(?:a\s+|its\s+)?(?:land\s+|common\s+)?borders?\s+with)\b", re.I)
"""A border asserted without a number: "Belarus borders Poland", "wedged between X and Y"."""


def _territory(m: Mention) -> str | None:
    """The geography model's territory a mention names (a state, or the Kaliningrad
    exclave by its city's or region's name); ``None`` for an adjective ("Russian")."""
    from eastflank.geo import TERRITORIES

    if m.kind == "actors":
        if m.adjectival:
            return None
        return m.record if m.record in TERRITORIES else None
    if m.kind != "places":
        return None
    return _territory_of_place(m.name)


@lru_cache(maxsize=512)
def _territory_of_place(name: str) -> str | None:
    """The territory a place name names in the geography model, or ``None``."""
    from eastflank.errors import EastflankError
    from eastflank.geo import default_region

    try:
        code = default_region().get(name).code
    except EastflankError:
        return None
    return code if code != name.upper() else None


def _is_territory_region(m: Mention) -> bool:
    """Whether a place mention is a region the geography model draws as a territory
    ("the Kaliningrad region", "the Kaliningrad exclave")."""
    return m.kind == "places" and _territory(m) is not None


def _regions(facts: SentenceFacts, anchors: list[Mention]) -> dict[str, str]:
    """Anchors named as a region the geography model draws: record -> territory code."""
    out: dict[str, str] = {}
    for m in anchors:
        if m.kind == "places" and (_REGION.search(m.span.text) or _REGION.match(
                facts.full, m.span.end + 1, min(facts.end, m.span.end + 20))):
            code = _territory(m)
            if code is not None:
                out[m.record] = code
    return out


_LIST_GAP = re.compile(
    r"^(?:[\s,;]|\b(?:and|or|as\s+well\s+as|the|to|in|on|of|north\w*|south\w*|east\w*|"
    r"west\w*|countries)\b|&)*$", re.I)
"""What may stand between two names of one list ("Poland, Lithuania and Latvia", "Poland to
the south and Lithuania to the east")."""


def _listed(facts: SentenceFacts, named: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """The names of ``named`` that form one list with the first: a later clause ("..., and
    missiles can reach Latvia") names other things."""
    out = named[:1]
    for prev, (m, t) in itertools.pairwise(named):
        gap = facts.full[prev[0].span.end:m.span.start]
        if not _LIST_GAP.match(gap):
            break
        out.append((m, t))
    return out


_GROUP_BEFORE = re.compile(r"\b(?:allies|countries|states|members|nations|neighbou?rs|partners|"
                           r"regions|territories)\s+(?:that\s+|which\s+)?$", re.I)
"""A plural noun right before the verb of bordering: the group borders, not the territory
named before it."""


def _adjacency(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> Candidate | None:
    """A claim that a territory borders others, without a length (see
    :mod:`eastflank.claims.resolvers.adjacency`)."""
    verb = _ADJACENT.search(facts.text)
    if verb is None:
        return None
    cut = facts.start + verb.start()
    # (a name the verb's words begin in is before it: "The Kaliningrad exclave ... lies
    # between")
    before = [(m, t) for m in facts.mentions if m.span.start < cut
              and (t := _territory(m)) is not None]
    after = _listed(facts, [(m, t) for m in facts.mentions
                            if m.span.start >= facts.start + verb.end()
                            and (t := _territory(m)) is not None])
    if not before and verb.group(0).lower() == "bordering" and after and \
            re.match(r"\s*(?:[–—:]|-\s)", facts.full[after[0][0].span.end:]):
        # "NATO members bordering Belarus — Poland, Lithuania, and Latvia": each listed
        # state borders the one named after the verb
        head = after[0][0].span.end
        before, after = after[:1], _listed(facts, [
            (m, t) for m in facts.mentions if m.span.start > head
            and (t := _territory(m)) is not None])
    others = list(dict.fromkeys(t for _, t in after))
    if not others:
        return None
    if before and _GROUP_BEFORE.search(facts.full[before[-1][0].span.end:cut]):
        # "sending jets to Romania in solidarity with allies bordering Ukraine and Russia":
        # the verb says what the allies border, not the state named before them
        return None
    subject = before[-1][1] if before else None
    in_sentence = subject is not None
    if subject is None and re.search(r"\b(?:it|which|oblast|region|exclave|enclave|"
                                     r"country|republic)\b", facts.full[facts.start:cut],
                                     re.I):
        # "it is wedged between ...": the territory named last in the sentences before
        for c in reversed(context):
            named = [t for m in c.mentions if (t := _territory(m)) is not None
                     and t not in others]
            if named:
                subject = named[-1]
                break
    if subject is None or subject in others:
        return None
    start = before[-1][0].span.start if before else cut
    end = after[-1][0].span.end
    if end - start > 200:
        return None
    return Candidate("border_length", Span(start=start, end=end, text=facts.full[start:end]),
                     facts, context, extra={"adjacency": True, "subject": subject,
                                            "others": others,
                                            "subject_in_sentence": in_sentence})


def _economic(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> list[Candidate]:
    """Economic claims of a sentence: each money amount or tonnage with the topic nearest to
    it, and each topic with no amount that asserts a trend ("collapse of potash exports",
    "continued energy subsidies")."""
    text = facts.text
    amounts = find_amounts(text)
    topics = find_topics(text, " ".join(c.text for c in context[-2:]))
    if not amounts and not topics:
        return []
    out: list[Candidate] = []
    used: set[int] = set()
    for a in amounts:
        topic = min(topics, key=lambda t: min(abs(t.start - a.end), abs(a.start - t.end)),
                    default=None)
        if topic is not None:
            used.add(topics.index(topic))
        lo = min(a.start, topic.start) if topic is not None else a.start
        hi = max(a.end, topic.end) if topic is not None else a.end
        span = Span(start=facts.start + lo, end=facts.start + hi, text=text[lo:hi])
        out.append(Candidate("economic", span, facts, context,
                             extra={"amount": a, "topic": topic}))
    for i, t in enumerate(topics):
        if i in used or t.trend is None:
            continue
        lo, hi = t.start, t.end
        grow = _TREND_SPAN.search(text[max(0, lo - 40):lo])
        if grow:
            lo = max(0, lo - 40) + grow.start()
        span = Span(start=facts.start + lo, end=facts.start + hi, text=text[lo:hi])
        out.append(Candidate("economic", span, facts, context,
                             extra={"amount": None, "topic": t}))
    return out


_TREND_SPAN = re.compile(r"\b(?:collaps|plung|plummet|slump|crash|halv|surg|soar|boom|doubl|"
                         r"recover|rebound|continu|maintain|preserv|extend)\w*.*$", re.I)


_SUBJECT_KINDS = ("units", "command_bodies", "facilities", "events", "weapon_systems",
                  "indicators")
_STATE_VERB = re.compile(
    r"\b(?:based|stationed|garrison\w*|headquarter\w*|deploy\w*|locat\w*|part\s+of|"
    r"subordinat\w*|under|command\w*|belong\w*|operat\w*|took\s+part|participat\w*|"
    r"held|hosted|form(?:ed|s|ing|ation)|establish\w*|creat\w*|disband\w*|abolish\w*|dissolv\w*|"
    r"defunct|no\s+longer|ceas\w*|shut\w*|clos\w*|halt\w*|stopp\w*|resum\w*|"
    r"leas\w*|rent\w*|received|delivered|equipped|armed|moved|relocat\w*|arriv\w*|"
    r"handed\s+over|transferred|supplied|sent|capable|"
    r"is|are|was|were|has|have|remains?)\b", re.I)


def _relation(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> Candidate | None:
    """A sentence asserting something of a named entity, when no other rule took it."""
    subjects = [m for m in facts.mentions if m.kind in _SUBJECT_KINDS]
    if not subjects:
        return _assertion(facts, context)
    others = [m for m in facts.mentions
              if (m.record != subjects[0].record and m.kind != "actors")
              or (m.kind == "actors" and not m.adjectival)]
    verb = _STATE_VERB.search(facts.text)
    if not (others or facts.dates or (verb and verb.group(0).lower() not in
                                      ("is", "are", "was", "were", "has", "have"))):
        return _assertion(facts, context)
    pieces = [m.span for m in (*subjects, *others)]
    if verb is not None:
        pieces.append(Span(start=facts.start + verb.start(), end=facts.start + verb.end(),
                           text=verb.group(0)))
    start = min(p.start for p in pieces)
    end = max(p.end for p in pieces)
    if end - start > 240:
        end = max(p.end for p in pieces if p.end - start <= 240)
    if _event_verb(facts.text):
        return Candidate("event", _clause(facts, pieces), facts, context,
                         extra={"verb": verb.group(0) if verb else None})
    return Candidate("relation", Span(start=start, end=end, text=facts.full[start:end]),
                     facts, context, extra={"verb": verb.group(0) if verb else None})


_WHERE_SAID = re.compile(r"\b(?:told|said|says|say|spoke|speaking|addressed|addressing|"
                         r"announced|journalists|reporters|press\s+conference|briefing|"
                         r"interview|visit(?:ed|ing)?)\b[^,;.]{0,30}$", re.I)
"""Words before a place that make it where something was said, not where forces stand."""


def _basing(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> Candidate | None:
    text = facts.text
    units = _mentions(facts, "units")
    weapons = _mentions(facts, "weapon_systems")
    noun = _UNIT_NOUN.search(text)
    if not (units or weapons or noun):
        return None
    anchors: list[Mention] = []
    for m in facts.mentions:
        if m.kind not in ("places", "actors"):
            continue
        before = facts.full[max(facts.start, m.span.start - 40) : m.span.start]
        after = facts.full[m.span.end : min(facts.end, m.span.end + 40)]
        if re.search(r"\bbetween\b[^,;.]{0,40}$", before):
            continue  # "Kaliningrad, an exclave between Lithuania and Poland": where it lies
        if _WHERE_SAID.search(before):
            continue  # "..., the president told journalists in Rukla": where it was said
        if _NEAR_PREP.search(before) or (anchors and re.search(r"(?:,|and)\s*$", before)) \
                or _HOSTS.match(after):
            if m.kind == "actors" and (
                m.record not in _COUNTRIES or m.adjectival
            ):
                continue  # "in Belarus" anchors a claim; "Belarusian" does not
            if m.kind == "places" and (_REGION.search(m.span.text) or _REGION.match(
                    facts.full, m.span.end + 1, min(facts.end, m.span.end + 20))) \
                    and not _is_territory_region(m):
                # a region is no point a garrison lies near: a town or a country is, or a
                # region the geography model draws (the Kaliningrad exclave)
                continue
            anchors.append(m)
    if not anchors and _HOME_TO.match(text):
        # "Home to Iskander missiles and the Baltic Fleet, Kaliningrad has been called ...":
        # the place the opening phrase describes is named after it
        for m in facts.mentions:
            before = facts.full[max(facts.start, m.span.start - 6):m.span.start]
            if m.kind in ("places", "actors") and re.search(r",\s+(?:the\s+)?$", before) and (
                    m.kind == "places" or (m.record in _COUNTRIES and not
                                           m.adjectival)):
                anchors = [m]
                break
    if not anchors and weapons and _ARMED.search(text):
        anchors = [m for m in facts.mentions if m.kind == "actors" and m.record in _COUNTRIES
                   and m.span.start < weapons[0].span.start]
    if not anchors:
        return None
    subject_starts = [m.span.start for m in (*units, *weapons)]
    if noun:
        subject_starts.append(facts.start + noun.start())
    if not subject_starts:
        return None
    if min(subject_starts) > anchors[-1].span.start:  # "near Osipovichi ... a brigade"
        start = anchors[0].span.start
        end = max(m.span.end for m in (*units, *weapons)) if (units or weapons) else (
            facts.start + noun.end() if noun else anchors[-1].span.end)
        if end - start > 160:
            return None
        return Candidate("basing", Span(start=start, end=end, text=facts.full[start:end]),
                         facts, context, extra={"anchors": [m.record for m in anchors],
                                                "regions": _regions(facts, anchors)})
    start = min(subject_starts)
    end = anchors[-1].span.end
    if end - start > 160:
        return None
    return Candidate("basing", Span(start=start, end=end, text=facts.full[start:end]), facts,
                     context, extra={"anchors": [m.record for m in anchors],
                                     "regions": _regions(facts, anchors)})


def _event(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> Candidate | None:
    dates = [d for d in facts.dates if not d.relative or d.precision != "year"]
    events = _mentions(facts, "events")
    if not dates and not events:
        return None
    trigger = _TRIGGER.search(facts.text)
    named = re.search(r"\b(?:[A-Z][\w-]+\s+){1,5}(?:Act|Treaty|Agreement|Accord|Protocols?|"
                      r"Decree|Doctrine|Concept|Exercise|Pact|Charter)\b", facts.text)
    if not (events or trigger or named):
        return None
    if not dates and not events:
        return None
    pieces = [*(d.span for d in dates), *(m.span for m in events)]
    if named:
        pieces.append(Span(start=facts.start + named.start(), end=facts.start + named.end(),
                           text=named.group(0)))
    elif trigger:
        pieces.append(Span(start=facts.start + trigger.start(),
                           end=facts.start + trigger.end(), text=trigger.group(0)))
    return Candidate("event", _clause(facts, pieces), facts,
                     context, extra={"named": named.group(0) if named else None})


_CLAUSE_END = re.compile(r"\s*(?:;|\s[–—]\s|\s-\s|:\s)\s*")


def _clause(facts: SentenceFacts, pieces: list[Span]) -> Span:
    """The clause that asserts an event: from the clause boundary (";", a dash, a colon, the
    sentence's start) before its first piece to the boundary after its last piece, less a
    speaker's phrase ("..., the Kremlin said") that an attribution claim covers."""
    text = facts.text
    lo = min(p.start for p in pieces) - facts.start
    hi = max(p.end for p in pieces) - facts.start
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, lo)), default=0)
    nxt = _CLAUSE_END.search(text, hi)
    end = nxt.start() if nxt else len(text.rstrip(" .!?\"”’'"))
    for a in facts.attributions:
        sp = a.speaker
        if sp is None:
            continue
        s0, e0 = sp.start - facts.start, sp.end - facts.start
        if a.span.start < sp.start and start < s0 < end \
                and re.search(r"[,\"”’']\s*$", text[:s0]) \
                and len(re.findall(r"\w+", text[e0:])) <= 4:
            # '..., the Kremlin said on June 24.': the clause ends before the speaker
            end = len(text[:s0].rstrip(" ,\"”’'"))
            hi = min(hi, end)
            lo = min(lo, a.span.start - facts.start)
        elif e0 <= lo and e0 > start:  # 'Putin said that ...'
            start = min(lo, e0 + len(text[e0:]) - len(text[e0:].lstrip(" ,:\"“‘'")))
    end = max(end, hi)
    return Span(start=facts.start + start, end=facts.start + end, text=text[start:end])


_EVENT_VERB = re.compile(
    r"\b(?:signed|met|meets|visit(?:ed|s)|paid\s+a\s+(?:\w+\s+)?visit|held|hosted|"
    r"took\s+place|will\s+(?:take\s+place|be\s+held|hold|begin|start|hand)|conducted|"
    r"began|begun|started|launched|ended|completed|announced|ordered|deployed|delivered|"
    r"handed\s+over|transferred|moved|arrived|left|withdr[ae]w\w*|invaded|attacked|struck|"
    r"fired|tested|built|constructed|erected|created|formed|founded|(?:re-?)?established|"
    r"disbanded|abolished|dissolved|ceded|renamed|annexed|joined|negotiated|agreed|adopted|"
    r"approved|ratified|banned|imposed|closed|opened|dismantled|born|died|killed|elected|"
    r"appointed|dismissed|fought|(?<!is\s)(?<!are\s)(?<!be\s)used(?!\s+to\b)|warned|"
    r"threatened|participated|took\s+part|"
    r"(?:is|are|was|were)\s+(?:preparing|planning)\s+to|plans?\s+to|existed\s+(?:\w+\s+){0,3}(?:until|till|since|from)|"
    r"(?:re-?)?introduced|suspended|resumed|restored|expelled|captured|seized|sent|"
    r"relocated|stationed\s+(?:in|at)\s+\w+\s+(?:in|on|since)|exercised?|drilled|"
    r"received|acquired|purchased|bought|supplied|shipped|set\s+up|"
    r"(?<!is\s)(?<!are\s)(?<!be\s)(?<!never\s)(?:stopped|halted|shut|sanctioned|invoked|"
    r"activated|offered|destroyed|invited|voted|decided|crossed|reopened|deactivated|"
    r"unveiled|notified|brokered|extended|redeployed|entered)|(?:will|would)\s+be\s+(?:stopped|halted|closed|opened|deployed)|"
    r"(?:has|have|had)\s+(?:been\s+)?(?:put|placed|taken|sent|brought)|"
    r"had\s+(?:been\s+)?(?:\w+ly\s+)?\w+ed)\b",
    re.I)
"""Verbs that report something done or to be done at a time: a sentence with one asserts an
event even when it gives no date ("Lukashenko negotiated a deal to harbor the Wagner
Group")."""

_HOLDS = re.compile(r"\b(?:hosts|hosted|houses|housed|stores|stored|keeps|stations|"
                    r"stationed|deploys|home\s+to|tracks|relays|monitors|produces|"
                    r"manufactures|trains|supplies|serves\s+as)\b", re.I)
"""Verbs of what a place holds or a facility does."""
_FACILITY_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:radar|air\s*base|airfield|base|naval\s+(?:\w+\s+)?(?:centre|"
    r"center|station)|communications?\s+(?:centre|center|node)|depot|plant|factory|"
    r"arsenal|storage|training\s+(?:ground|range|centre|center)|range|camp|port)\b", re.I)
"""A facility named by its place ("the Hantsavichy radar", "the Vileyka naval
communications centre")."""
_GATHERING = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games|"
                        r"parade|summit|talks|meeting|negotiations|ceremony)\b", re.I)
"""Nouns of events that parties take part in."""

_MODAL = re.compile(r"\b(?:can|could|may|might|would|should|must|if)\s+(?:\w+\s+){0,3}$", re.I)


def _event_verb(text: str) -> re.Match[str] | None:
    """The first verb of record in ``text`` that no modal hedges ("can be used" is not an
    event)."""
    for m in _EVENT_VERB.finditer(text):
        if not _MODAL.search(text[max(0, m.start() - 40):m.start()]):
            return m
    return None


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|\w+ed|\w+s)\b",
                     re.I)


_ACTING = re.compile(r"\s+(?:military|army|armed\s+forces|forces|troops|government|"
                     r"authorities|defen[cs]e\s+ministry|president|leader|side)\b", re.I)
"""After a nationality adjective, words that make it name the state acting ("the Russian
military is preparing ...")."""


_PROPER = re.compile(r"(?<![\w'’-])(?:[A-Z][a-zà-ž'’-]+|[A-Z]{2,}(?:-[A-Z0-9]+)?)"
                     r"(?:\s+(?:of\s+the\s+|of\s+)?(?:[A-Z][a-zà-ž'’-]+|[A-Z]{2,}))*")
_NOT_PROPER = re.compile(
    r"^(?:The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|In|On|At|By|For|But|And|As|"
    r"After|Before|While|When|Since|Until|If|Some|Many|Most|All|Every|Each|Last|Next|"
    r"According|However|Meanwhile|Earlier|Later|Also|Both|Such|Our|Their|His|Her|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|President|Minister|"
    r"Mr|Mrs|Ms|Dr)$")


def _proper_nouns(facts: SentenceFacts) -> list[Span]:
    """Capitalised names in a sentence that the gazetteer did not match ("Soviet Union",
    "Mikhail Kalinin", "EPSO-G"); a sentence's first word counts only if it is not a common
    opening word."""
    out: list[Span] = []
    for m in _PROPER.finditer(facts.text):
        words = m.group(0).split()
        while words and _NOT_PROPER.match(words[0]):
            words = words[1:]
        if not words:
            continue
        name = " ".join(words)
        at = facts.start + m.end() - len(name)
        if len(words) == 1 and not re.search(r"\w", facts.full[facts.start:at]) and (
                name.endswith("ly") or re.match(r",\s+(?:the|a|an|it|this|we|they|he|she)\b",
                                                facts.full[at + len(name):at + len(name) + 8],
                                                re.I)):
            continue  # "Secondly, ...": an adverb at the start of a sentence names nothing
        if any(x.span.start < at + len(name) and at < x.span.end for x in facts.mentions):
            continue
        if any(a.speaker is not None and a.speaker.start <= at < a.speaker.end
               for a in facts.attributions):
            continue  # the speaker is no party to what was said
        out.append(Span(start=at, end=at + len(name), text=name))
    return out


_ANAPHOR = re.compile(r"^(?:It|They|The\s+(?:exercises?|drills?|manoeuvres|maneuvers|"
                      r"deployment|transfer|agreement|treaty|document|decree|meeting|summit|"
                      r"talks|operation|brigade|division|unit|troops|forces|fence|barrier|"
                      r"wall|base|facility|missiles?|systems?|warheads?|weapons?))\b")


def _continues_event(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> bool:
    """Whether a sentence opening on "It", "They" or "The exercise" goes on about what the
    sentence before dated or named as an event (an event told over two sentences)."""
    if not context or not _ANAPHOR.match(facts.text):
        return False
    prev = context[-1]
    return bool(prev.dates or any(m.kind == "events" for m in prev.mentions))


def _assertion(facts: SentenceFacts, context: tuple[SentenceFacts, ...]) -> Candidate | None:
    """A sentence relating two named entities (places, states), or stating a date or a
    quantity, with a verb: a claim whose subject the dataset may not hold."""
    nouns = [m for m in facts.mentions
             if not (m.kind == "actors" and m.adjectival)
             or _ACTING.match(facts.full, m.span.end)]
    verb = _event_verb(facts.text)
    gathering = verb is not None and _GATHERING.search(facts.text) is not None
    holding = _HOLDS.search(facts.text) is not None
    if gathering or holding:
        # "Russian paratroopers took part in the exercise alongside Belarusian forces": who
        # took part, named by nationality alone
        nouns = list(facts.mentions)
    # "the Hantsavichy radar tracks ...": a place's facility, doing what it does
    sites = [m for m in facts.mentions if m.kind == "places"
             and _FACILITY_NOUN.match(facts.full, m.span.end, facts.end)]
    named = {m.record for m in nouns} | {f"{m.record}/facility" for m in sites}
    dates = [d for d in facts.dates if not d.relative or named]  # "this month" with a name
    proper: list[Span] = []
    if verb is not None and len(named) < 2 and not dates and not facts.quantities:
        # a verb of record between a known name and a name the dataset lacks ("Königsberg
        # was ceded to the Soviet Union"), one party to a gathering ("the drills took place
        # at the Borisovsky range"), or about what an earlier sentence dated ("It was held")
        proper = _proper_nouns(facts)
        parties = len(named) + len(proper)
        if parties < (1 if gathering else 2) and not _continues_event(facts, context):
            return None
        if not named and not proper:
            proper = [Span(start=facts.start + verb.start(), end=facts.start + verb.end(),
                           text=verb.group(0))]
    elif not (len(named) >= 2 or dates or facts.quantities):
        return None
    if not _FINITE.search(facts.text) or facts.text.rstrip().endswith("?"):
        return None
    pieces = [*(m.span for m in nouns), *(d.span for d in dates),
              *(q.span for q in facts.quantities), *proper]
    start = min(p.start for p in pieces)
    end = max(p.end for p in pieces)
    if end - start > 240:
        end = max(p.end for p in pieces if p.end - start <= 240)
    if _event_verb(facts.text):
        return Candidate("event", _clause(facts, pieces), facts, context, extra={"verb": None})
    return Candidate("relation", Span(start=start, end=end, text=facts.full[start:end]),
                     facts, context, extra={"verb": None})
