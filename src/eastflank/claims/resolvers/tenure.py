"""How long a leader has ruled ("Lukashenko, who has ruled Belarus since 1994", "his 26-year
rule", "for more than a quarter-century"), against the posts: when the person's term as head
of state or government began.

The person is the one the sentence names nearest before the phrase (by full name or by a
surname the posts hold for one person only); for "his 26-year rule", the one person the
sentence before names. The years of the rule are counted back from the article's date. A term
of the person as head of state or government that began in the year given (a year either side
for a count of years, which texts round; for "for over N years", N to N + 5 years before the
article's date, for "nearly N years" N - 1.5 to N) and lasts to the article's date bears the
sentence out. Anything else is left to the other resolvers: the posts may not hold every office a
leader held before (a prime minister's term before a presidency), so a start they do not
record refutes nothing.
"""

from __future__ import annotations

import re

from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.posts import _people, posts_index
from eastflank.claims.resolvers.base import Context, Outcome, evidence_of
from eastflank.claims.resolvers.events import NEGATION

__all__ = ["resolve_tenure"]

_SINCE = vocab.TENURE_SINCE
_YEARS = vocab.TENURE_YEARS
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
            "twenty": 20, "thirty": 30}
_FOR = vocab.TENURE_FOR


def _count(raw: str) -> int:
    """Years a phrase counts ("30", "thirty", "a quarter-century", "two decades")."""
    raw = re.sub(r"[\s-]+", " ", raw.lower())
    if raw.isdigit():
        return int(raw)
    if "quarter" in raw:
        return 25
    if raw.endswith("decades"):
        return 10 * _NUMBERS[raw.split()[0]]
    return _NUMBERS[raw]


_RULING = frozenset({"head-of-state", "head-of-government"})


def resolve_tenure(cand: Candidate, ctx: Context) -> Outcome | None:
    """A ``supported`` outcome when the sentence says since when (or for how many years) a
    person the posts know has ruled and a recorded term bears it out; else None."""
    text = cand.facts.text
    day = ctx.article_date
    if day is None or NEGATION.search(text):
        return None
    m = _SINCE.search(text)
    slack = 0
    span: tuple[float, float] | None = None  # (years in office, at least and at most)
    if m is not None:
        years = {int(m.group(1))}
    elif (m := _YEARS.search(text)) is not None:
        n = m.group(1).lower()
        count = int(n) if n.isdigit() else _NUMBERS[n]
        years = {day.year - count}
        slack = 1  # ("26 years" may be 25 and a half)
    elif (m := _FOR.search(text)) is not None:
        count = _count(m.group("n"))
        hedge = re.sub(r"\s+", " ", (m.group("hedge") or "").lower())
        span = ((count, count + 5) if hedge in ("over", "more than") else
                (count - 1.5, count) if hedge in ("nearly", "almost") else
                (count - 1, count + 1))
        years = set()
    else:
        return None
    index = posts_index(ctx.catalog)
    people = [p for p in _people(cand.facts, index) if p[1] <= m.start()]
    persons = people[-1][2] if people else set()
    if not persons and re.search(r"\b(?:his|her)\b", text[:m.start()], re.I) and cand.context:
        before = {q for p in _people(cand.context[-1], index) for q in p[2]}
        persons = before if len(before) == 1 else set()
    if len(persons) != 1:
        return None
    person = next(iter(persons))
    for post in index.by_person.get(person, []):
        if post.office not in _RULING or not post.valid_on(day):
            continue
        held = (day - post.valid_from).days / 365.25
        if any(abs(post.valid_from.year - y) <= slack for y in years) or (
                span is not None and span[0] <= held <= span[1]):
            return Outcome(
                "supported",
                f"{person} has held the office of {post.title} ({post.actor}) since "
                f"{post.valid_from.isoformat()}, which bears out {m.group(0)!r}.",
                evidence=[evidence_of(post, "posts", f"{post.title}: {person} from "
                                      f"{post.valid_from.isoformat()}")])
    return None
