"""Quantities with units in English text: "200 kilometers", "45,000-strong", "about 1,200 km",
"hundreds of kilometers", "up to 500 km (310 mi)", "3,000-5,000 troops", "ten minutes".

A small regular-expression layer finds the number, its qualifier ("within", "about", "over")
and its unit; pint converts lengths to kilometres and durations to minutes. quantulum3 was
measured for the job and not taken: on a 5,580-word article it took 5.3 s (the whole budget is
2 s), emitted a warning without its scikit-learn classifier extra, read "45,000-strong" as a
dimensionless number and missed vague quantities ("hundreds of kilometers"). On the dev split
(``benchmarks/bench_claim_parsers.py``) it finds a number in 58 of the 66 numeric claims
against 59 here, and keeps none of their 32 hedges ("about", "up to", ranges) against 32.

Units
-----
Lengths in ``km``, durations in ``min``, people in ``personnel``, counted things by their
plural noun (``tanks``, ``divisions``, ``launchers``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from eastflank.claims.model import Quantity, Span

__all__ = ["COUNT_NOUNS", "WORD_NUMBERS", "find_quantities", "to_unit"]

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a thousand": 1000, "a million": 1_000_000,
    "half a million": 500_000,
}
WORD_NUMBERS = _WORD_NUMBERS
"""Numbers written as words ("eight", "a dozen") with their values."""
_VAGUE = {
    "tens": (20.0, 90.0), "dozens": (24.0, 99.0), "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0), "tens of thousands": (20000.0, 99999.0),
    "hundreds of thousands": (200000.0, 999999.0),
}
_LENGTH = {
    "km": "kilometer", "kms": "kilometer", "kilometer": "kilometer", "kilometers": "kilometer",
    "kilometre": "kilometer", "kilometres": "kilometer", "mi": "mile", "mile": "mile",
    "miles": "mile", "m": "meter", "meter": "meter", "meters": "meter", "metre": "meter",
    "metres": "meter", "nautical miles": "nautical_mile", "nautical mile": "nautical_mile",
    "nm": "nautical_mile",
}
_TIME = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "day": "day", "days": "day",
    "week": "week", "weeks": "week",
}
_PERSONNEL = (
    "troops", "soldiers", "servicemen", "service members", "servicemembers", "personnel",
    "strong", "men", "military personnel", "fighters", "mercenaries", "people",
    "participants", "border guards", "guards", "paratroopers", "officers", "reservists",
    "conscripts", "sailors", "airmen", "marines", "servicepeople", "contract soldiers",
)
COUNT_NOUNS = (
    "tanks", "divisions", "brigades", "battalions", "regiments", "aircraft", "planes",
    "helicopters", "launchers", "missiles", "systems", "warheads", "bombers", "jets",
    "ships", "vehicles", "units", "battalion tactical groups", "btgs", "guns", "batteries",
    "training grounds", "airfields", "bases", "brigade", "division", "launcher", "missile",
    "bomber", "tank", "system", "ranges",
)
"""Nouns counted by a :class:`Quantity` of that unit (singulars kept when a text uses them)."""

_NUM = r"\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_QUAL = (
    r"(?P<qual>within|up\s+to|under|less\s+than|fewer\s+than|no\s+more\s+than|at\s+most|"
    r"below|more\s+than|over|above|at\s+least|exceeding|in\s+excess\s+of|about|around|some|"
    r"approximately|approx\.|roughly|nearly|almost|circa|c\.|~|an\s+estimated|estimated|"
    r"just\s+over|just\s+under|only)\s+"
)
_UNIT_WORDS = sorted(
    [*_LENGTH, *_TIME, *_PERSONNEL, *COUNT_NOUNS], key=len, reverse=True
)
_UNIT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in _UNIT_WORDS)
_NUMBER = (
    rf"(?P<num>{_NUM})(?:\s*(?P<mult>thousand|million|k)\b)?"
    rf"(?:\s*(?:-|–|to|and)\s*(?P<num2>{_NUM})(?:\s*(?P<mult2>thousand|million)\b)?)?"
    rf"|(?P<word>{_WORDNUM})(?:\s+(?P<wmult>thousand|hundred|million))?"
    rf"|(?P<vague>{_VAGUE_RE})\s+of"
)
_PATTERN = re.compile(
    rf"(?<![\w.,/-])(?:{_QUAL})?(?:between\s+)?(?:{_NUMBER})"
    rf"(?:\s*-\s*|\s+|(?=(?:km|kms|mi)\b))(?P<gap>(?:(?:(?!of\b|and\b|the\b|in\b|to\b|from\b|with\b|at\b)"
    rf"[A-Za-zÀ-ž’'-]+|and(?=\s+(?-i:[A-Z])))\s+){{0,3}}?)"
    rf"(?P<unit>{_UNIT})(?![\w])",
    re.IGNORECASE,
)
_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "hundred": 1e2}


@lru_cache(maxsize=1)
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def to_unit(value: float, unit: str, target: str) -> float:
    """Convert ``value`` from pint unit ``unit`` to ``target`` (e.g. mile -> kilometer).

    Examples
    --------
    >>> round(to_unit(124.0, "mile", "kilometer"), 1)
    199.6
    """
    ureg = _registry()
    return float(ureg.Quantity(value, unit).to(target).magnitude)


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))  # "12.000 soldiers": a thousands point
    return float(re.sub(r"[,\u202f\u00a0]", "", text))


def _classify(unit_text: str, gap: str) -> tuple[str, str | None]:
    """(normalised unit, pint unit or None) of a matched unit word."""
    u = re.sub(r"\s+", " ", unit_text.lower())
    if u in _LENGTH and not gap.strip():
        return "km", _LENGTH[u]
    if u in _TIME and not gap.strip():
        return "min", _TIME[u]
    if u in _PERSONNEL:
        if u == "strong" and gap.strip():
            return "", None
        return "personnel", None
    if u in COUNT_NOUNS:
        return u if u.endswith("s") or u == "aircraft" else u + "s", None
    return "", None


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities with units in ``text``; spans are shifted by ``offset``.

    Examples
    --------
    >>> [(q.value, q.unit, q.bound) for q in find_quantities("within 200 kilometers of Warsaw")]
    [(200.0, 'km', 'at-most')]
    >>> [(q.value, q.unit) for q in find_quantities("the 45,000-strong force")]
    [(45000.0, 'personnel')]
    >>> q = find_quantities("hundreds of kilometers westward")[0]
    >>> (q.low, q.high, q.unit, q.bound)
    (200.0, 999.0, 'km', 'vague')
    """
    out: list[Quantity] = []
    for m in _PATTERN.finditer(text):
        gap = m.group("gap") or ""
        unit, pint_unit = _classify(m.group("unit"), gap)
        if not unit:
            continue
        if out and out[-1].unit == unit and re.fullmatch(
            r"\s*\(\s*", text[out[-1].span.end - offset : m.start()]
        ):
            continue  # "200 km (124 mi)": the conversion in brackets repeats the claim
        low = high = None
        if m.group("vague"):
            low, high = _VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
            value = (low * high) ** 0.5
            bound = "vague"
        elif m.group("word"):
            value = float(_WORD_NUMBERS[re.sub(r"\s+", " ", m.group("word").lower())])
            if m.group("wmult"):
                value *= _MULT[m.group("wmult").lower()]
            bound = "exact"
        else:
            value = _number(m.group("num"))
            mult = m.group("mult") or m.group("mult2")
            if m.group("num2"):
                low = value * _MULT[mult.lower()] if mult else value
                high = _number(m.group("num2")) * (_MULT[mult.lower()] if mult else 1.0)
                if low > high:  # "2024-25" style or a hyphenated compound: not a range
                    continue
                value = (low + high) / 2
                bound = "range"
            else:
                if mult:
                    value *= _MULT[mult.lower()]
                bound = "exact"
            if unit in ("personnel", *COUNT_NOUNS) and 1900 <= value <= 2100 and not mult \
                    and re.fullmatch(r"\d{4}", m.group("num") or ""):
                continue  # a year ("in 2023 units ..."); "2,000 personnel" is a number
        qual = (m.group("qual") or "").lower()
        qual = re.sub(r"\s+", " ", qual)
        if bound not in ("range", "vague"):
            if qual in ("within", "up to", "under", "less than", "fewer than", "no more than",
                        "at most", "below", "just under"):
                bound = "at-most"
            elif qual in ("more than", "over", "above", "at least", "exceeding",
                          "in excess of", "just over"):
                bound = "at-least"
            elif qual:
                bound = "about"
        if pint_unit is not None:
            target = "kilometer" if unit == "km" else "minute"
            factor = to_unit(1.0, pint_unit, target)
            value *= factor
            low = low * factor if low is not None else None
            high = high * factor if high is not None else None
        span = Span(start=offset + m.start(), end=offset + m.end(), text=m.group(0))
        out.append(Quantity(value=value, low=low, high=high, unit=unit, bound=bound, span=span))
    return _contextual(text, offset, _generic_counts(text, offset, out))


_WHO_TOOK_PART = r"who\s+(?:took\s+part|participated|served|fought)\b"
_QUAL_WORDS = _QUAL.removeprefix("(?P<qual>").removesuffix(r")\s+")
_BARE = re.compile(
    rf"(?<![\w.,/-])(?P<qual>(?:{_QUAL_WORDS}|closer\s+to|to|at|"
    rf"of|reach(?:ed|es)?|total(?:led|s)?)\s+)?(?P<num>{_NUM})"
    rf"(?:\s*(?P<mult>thousand|million)\b)?"
    rf"(?![\w%-]|[,.\u202f\u00a0]\d|\s*(?:percent|per\s+cent|(?!{_WHO_TOOK_PART})[a-z]))",
    re.IGNORECASE)
_HEADCOUNT = re.compile(
    r"\b(?:troops|soldiers|servicemen|service\s*members|personnel|participants|"
    r"army|armed\s+forces|military|strength|contingent|manpower|headcount|"
    r"population|inhabitants|residents)\b[^.;\d]{0,60}$", re.I)
"""A head count named before a bare number ("the number of participants will be closer to
200,000", "increase the army to 80,000", "a population of around 9.3 million")."""


def _contextual(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """Bare numbers (no unit after them) that count people named just before them."""
    out = list(found)
    for m in _BARE.finditer(text):
        start, end = offset + m.start("num"), offset + m.end()
        if any(q.span.start < end and start < q.span.end for q in out):
            continue
        num = m.group("num")
        mult = (m.group("mult") or "").lower()
        if re.fullmatch(r"(?:19|20)\d\d", num) and not mult:
            continue  # a year
        value = _number(num) * _MULT.get(mult, 1.0)
        took_part = re.match(rf"\s+{_WHO_TOOK_PART}", text[m.end():], re.I)
        if value < 100 or not (took_part or _HEADCOUNT.search(
                text[max(0, m.start() - 80):m.start()])):
            continue  # "the 200,000 who took part" counts people too
        qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower().strip())
        bound = ("at-most" if qual in ("up to", "under", "less than", "fewer than", "below",
                                       "at most", "no more than", "within", "just under")
                 else "at-least" if qual in ("more than", "over", "above", "at least",
                                             "exceeding", "just over", "in excess of")
                 else "exact" if qual in ("", "to", "at", "of", "reach", "reached", "reaches",
                                          "total", "totalled", "totals")
                 else "about")
        q0 = offset + m.start() if qual else start
        out.append(Quantity(value=value, unit="personnel", bound=bound,
                            span=Span(start=q0, end=end, text=text[q0 - offset:m.end()])))
    return sorted(out, key=lambda q: q.span.start)


_GENERIC = re.compile(
    rf"(?<![\w.,/-])(?:{_QUAL})?(?P<num>{_NUM})(?:\s*(?P<mult>thousand|million|billion)\b)?"
    rf"(?:\s*(?P<area>sq\.?\s*km|square\s+kilomet(?:er|re)s?|km2|km²)"
    rf"|\s+(?P<gap>(?:(?!of\b|in\b|to\b|from\b|with\b|at\b|on\b|the\b)"
    rf"[A-Za-z’'-]+\s+){{0,2}})(?P<noun>[a-z]{{3,}}s)\b)",
    re.IGNORECASE,
)
_MULT_GENERIC = {**_MULT, "billion": 1e9}


def _generic_counts(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """Counts of any plural noun ("292 tents", "85 such oblasts") and areas ("15,000 sq km")
    that the unit list above does not name, where no quantity was found already."""
    out = list(found)
    for m in _GENERIC.finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if any(q.span.start < end and start < q.span.end for q in out):
            continue
        num = m.group("num")
        if re.fullmatch(r"(?:19|20)\d\d", num) and not m.group("mult"):
            continue  # a year
        value = _number(num) * _MULT_GENERIC.get((m.group("mult") or "").lower(), 1.0)
        unit = "km2" if m.group("area") else m.group("noun").lower()
        if unit in ("years", "days", "hours", "months", "weeks", "times", "percent") \
                or ((unit in _LENGTH or unit in _TIME)
                    and "square" not in (m.group("gap") or "").lower()):
            continue  # a length or a time is no count ("(142 miles)" converting a distance)
        qual = re.sub(r"\s+", " ", (m.group("qual") or "").lower())
        bound = ("at-most" if qual in ("up to", "under", "less than", "fewer than", "below",
                                       "at most", "no more than", "within", "just under")
                 else "at-least" if qual in ("more than", "over", "above", "at least",
                                             "exceeding", "just over")
                 else "about" if qual else "exact")
        out.append(Quantity(value=value, unit=unit, bound=bound,
                            span=Span(start=start, end=end, text=m.group(0))))
    return sorted(out, key=lambda q: q.span.start)
