"""Word lists the detector and the resolvers share, kept in one place so they cannot drift.

Each list is a tuple of regular-expression alternatives; :func:`words` turns lists into one
case-insensitive pattern bounded by word edges. Patterns that need more than one list are built
from the lists, never written out again.
"""

from __future__ import annotations

import re

__all__ = [
    "BARRIER",
    "BARRIER_PLANNED",
    "BEGAN",
    "ENDED",
    "ENDED_OR_CLOSED",
    "FORMED",
    "FORMED_OR_BEGAN",
    "FUTURE",
    "SYNONYMS",
    "TENURE_FOR",
    "THE_EXERCISE",
    "words",
]


def words(*lists: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any alternative of ``lists`` as whole words."""
    alternatives = "|".join(a for lst in lists for a in lst)
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


FUTURE_WORDS: tuple[str, ...] = (
    r"will", r"shall", r"is\s+to", r"are\s+to", r"prepar\w*", r"plan(?:s|ned|ning)?\s+to",
    r"expected", r"going\s+to", r"intends?\s+to", r"upcoming", r"next", r"due\s+to\s+be",
    r"scheduled\s+(?:to|for)", r"slated\s+(?:to|for)",
    r"to\s+be\s+(?:held|hosted|staged|signed|opened|launched)")
"""A sentence that speaks of what is yet to happen."""

FORMED_WORDS: tuple[str, ...] = (
    r"form(?:ed|s|ing|ation)", r"establish\w*", r"creat\w*", r"set\s+up", r"stood\s+up",
    r"founded")
"""An organisation coming into being."""

BEGAN_WORDS: tuple[str, ...] = (
    r"since", r"began", r"begun", r"start\w*", r"open\w*", r"launch\w*", r"introduc\w*",
    r"enter\w*\s+(?:into\s+)?(?:force|service)")
"""Something starting to hold (an agreement, a service, an office)."""

ENDED_WORDS: tuple[str, ...] = (
    r"disband\w*", r"abolish\w*", r"dissolv\w*", r"liquidat\w*", r"ceas\w*", r"ended")
"""An organisation ceasing to exist."""

CLOSED_WORDS: tuple[str, ...] = (
    r"end\s+of", r"until", r"merged", r"closed", r"expired", r"withdraw\w*", r"existed")
"""Something ceasing to hold (a lease, a presence, a period)."""

BARRIER_WORDS: tuple[str, ...] = (
    r"fence\w*", r"wall", r"barriers?", r"barbed", r"razor[- ]wire", r"fortification\w*",
    r"concertina")
"""A built barrier along a border, not the border itself."""

CONSTRUCTION_PLANNED_WORDS: tuple[str, ...] = (
    r"plan\w*", r"to\s+be", r"intend\w*", r"would", r"decided", r"propos\w*",
    r"(?:beg[ua]n|start\w*|launch\w*)\s+(?:the\s+)?(?:construction|building|to\s+build)",
    r"under\s+construction")
"""A barrier being or to be built."""

FUTURE = words(FUTURE_WORDS)
FORMED = words(FORMED_WORDS)
ENDED = words(ENDED_WORDS)
BEGAN = words(BEGAN_WORDS)
FORMED_OR_BEGAN = words(FORMED_WORDS, BEGAN_WORDS)
ENDED_OR_CLOSED = words(ENDED_WORDS, CLOSED_WORDS)
BARRIER = words(BARRIER_WORDS)
BARRIER_PLANNED = words(FUTURE_WORDS, CONSTRUCTION_PLANNED_WORDS)

THE_EXERCISE = re.compile(r"\b(?:the|this|these|its)\s+(?:joint\s+|military\s+|strategic\s+|"
                          r"large-scale\s+)*(?:exercises?|drills?|manoeuvres|maneuvers|"
                          r"war\s+games|activities)\b", re.I)
"""A definite reference to an exercise a text has named before ("the drills")."""

SYNONYMS: dict[str, str] = {
    word[:4]: group[0][:4]
    for group in (
        ("barrier", "fence", "wall"),
        ("mutiny", "rebellion", "uprising"),
        ("agreement", "deal", "pact", "treaty"),
        ("exercise", "drill", "manoeuvres", "maneuvers", "wargames"),
        ("halt", "stop"),
        ("invasion", "invade"),
        ("warhead", "nukes"),
        ("border", "frontier"),
        ("soldiers", "troops"),
        ("drone", "uav", "unmanned"),
        ("soviet", "ussr"),
        ("close", "shut"),
        ("nuclear", "atomic"),
    )
    for word in group
}
"""Four-letter stems of words that name the same thing in the dataset's records and in
articles ("fence" and "wall" of a border barrier, "deal" and "agreement"), each mapped to the
stem of its group's first word. Only stems no common word of another meaning shares: "stat"
(station, state), "comp" (complete, company), "acco" (accord, according) are left out."""


_NATO = r"(?:NATO|the\s+(?:North\s+Atlantic\s+)?[Aa]lliance)"
JOINED_NATO = re.compile(
    rf"\b(?:join(?:ed|s)?\s+{_NATO}|acce(?:ded|des)\s+to\s+{_NATO}|(?:accession|admission)\s+"
    rf"(?:to|into)\s+{_NATO}|became\s+(?:a\s+|full\s+)*(?:NATO\s+members?|members?\s+of\s+"
    rf"{_NATO})|(?:NATO\s+members?|members?\s+of\s+{_NATO})\s+since)\b")
"""A state's accession to the alliance, said as done ("joined NATO", "NATO members since")."""

_RULED = (r"\b(?:ruled|led|governed|run|headed|been\s+in\s+power|in\s+power|been\s+in\s+"
          r"office|at\s+the\s+helm|reigned|presided\s+over)\b[^.;:]{0,40}?")
"""A verb of ruling, then up to 40 characters of the same clause ("ruled Belarus with an iron
fist")."""
TENURE_SINCE = re.compile(rf"{_RULED}\bsince\s+((?:19|20)\d\d)\b", re.I)
"""Since when a leader has ruled ("who has ruled Belarus since 1994")."""
_YEARS_COUNT = (r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty")
"""A count of years, in figures or words."""
TENURE_YEARS = re.compile(
    rf"\b({_YEARS_COUNT})[\s-]+years?"
    r"(?:[\s-]+(?:long|old))?\s+(?:rule|reign|tenure|presidency|premiership|grip\s+on\s+power|"
    r"hold\s+on\s+power|time\s+in\s+power)\b", re.I)
"""For how many years a leader has ruled ("his 26-year rule")."""
TENURE_FOR = re.compile(
    rf"{_RULED}\bfor\s+(?:(?P<hedge>over|more\s+than|nearly|almost|about|around|some|"
    rf"roughly)\s+)?(?P<n>{_YEARS_COUNT}|a\s+quarter[\s-]+(?:of\s+a\s+)?century|two\s+"
    r"decades|three\s+decades)(?:\s+years)?\b", re.I)
"""For how long a leader has ruled ("who has ruled Belarus with an iron fist for more than a
quarter-century", "in power for over 30 years")."""
BALTIC_STATES = re.compile(r"\b(?:the\s+)?(?:three\s+)?Baltic\s+(?:states|countries|nations|"
                           r"republics)\b", re.I)
"""The three Baltic states named together."""

