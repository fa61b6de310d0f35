"""What every resolver shares: the context of a check, the outcome type and small helpers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eastflank.catalog import Catalog
from eastflank.claims import vocab
from eastflank.claims.detect import Candidate
from eastflank.claims.extract import SentenceFacts
from eastflank.claims.model import DateMention, Evidence, Mention, Verdict
from eastflank.claims.retrieval import Retriever
from eastflank.claims.statements import Statement, StatementStore
from eastflank.claims.text import fold
from eastflank.claims.tolerances import Tolerances
from eastflank.schema import Figure, Record

__all__ = [
    "Context",
    "Outcome",
    "evidence_of",
    "independent_sources",
    "keywords",
    "mentions_of",
    "numbered_units",
    "reference_date",
    "rounding",
    "statement_evidence",
    "unverifiable",
]


@dataclass(frozen=True)
class Context:
    """What a resolver may use: the catalog, the tolerances and the article's date."""

    catalog: Catalog
    tolerances: Tolerances
    article_date: dt.date | None
    seed_sources: frozenset[str] = frozenset()
    store: StatementStore | None = None
    retriever: Retriever | None = None
    title: str | None = None

    def sliced(self, day: dt.date | None) -> Catalog:
        """The catalog as of ``day`` (the whole catalog when the date is unknown)."""
        return self.catalog.as_of(day) if day is not None else self.catalog


@dataclass(frozen=True)
class Outcome:
    """A resolver's answer, before it is turned into a :class:`~eastflank.claims.model.Claim`."""

    verdict: Verdict
    explanation: str
    claimed: float | None = None
    computed: float | None = None
    unit: str | None = None
    tolerance: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    keep: bool = True
    """False when the candidate turned out to hold no checkable claim (it is dropped)."""
    strength: float = 1.0
    """Evidence strength in [0, 1] (see the ``policy`` block of ``tolerances.yaml``)."""
    nearest: list[Evidence] | None = None
    """The nearest statements to show with an unverifiable claim, when the resolver chose
    them (else the check retrieves them for the sentence)."""
    settled: bool = False
    """An ``unverifiable`` outcome the resolver reached on a detail that the records found
    contradict (another place, another formation): the statement matcher may not turn it
    into a support."""


def statement_evidence(st: Statement, detail: str | None = None) -> Evidence:
    """Evidence citing one statement (its subject record, value, kind and sources)."""
    return Evidence(
        record=st.subject if not st.subject.startswith(("border:", "computed:")) else None,
        kind=st.subject_kind,
        name=st.subject_name,
        value=st.value.number,
        unit=st.value.unit,
        detail=detail or st.describe()
        + (f"; assumptions: {'; '.join(st.assumptions)}" if st.assumptions else ""),
        sources=list(st.sources),
    )


def unverifiable(why: str, **kw: Any) -> Outcome:
    """An ``unverifiable`` outcome with its reason."""
    return Outcome("unverifiable", why, **kw)


def reference_date(cand: Candidate, ctx: Context) -> dt.date | None:
    """The date a claim is checked at: the latest non-relative date of its sentence, else the
    article's date."""
    own = [d.end or _period_end(d) for d in cand.facts.dates if not d.relative]
    if own:
        day = max(own)
        if ctx.article_date is not None and day > ctx.article_date:
            return ctx.article_date
        return day
    return ctx.article_date


def _period_end(d: DateMention) -> dt.date:
    """The last day of a date's period (a year-precision "2010" ends on 31 December)."""
    if d.precision == "year":
        return dt.date(d.date.year, 12, 31)
    if d.precision == "month":
        nxt = (d.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return nxt - dt.timedelta(days=1)
    return d.date


def independent_sources(sources: Iterable[str], ctx: Context) -> list[str]:
    """Sources that are not seed documents: a claim is never supported by its own text."""
    return [s for s in sources if s not in ctx.seed_sources]


def usable(rec: Record, ctx: Context) -> bool:
    """Whether a record has at least one source besides the seed documents."""
    return not ctx.seed_sources.issuperset(rec.sources)


def usable_figures(rec: Record, ctx: Context) -> list[Figure]:
    """Figures of ``rec`` with a value and a source besides the seed documents."""
    return [
        f for f in rec.figures if f.value is not None and independent_sources(f.sources, ctx)
    ]


def evidence_of(rec: Any, kind: str, detail: str, value: float | None = None,
                unit: str | None = None, sources: Sequence[str] | None = None) -> Evidence:
    """Evidence citing a record and its sources."""
    return Evidence(
        record=getattr(rec, "id", None),
        kind=kind,
        name=getattr(rec, "name", None),
        value=value,
        unit=unit,
        detail=detail,
        sources=list(sources if sources is not None else getattr(rec, "sources", [])),
    )


def mentions_of(cand: Candidate, kind: str, with_context: bool = False) -> list[Mention]:
    """Mentions of ``kind`` in the claim's sentence (and, if asked, in the sentences before,
    nearest first), without repeating a record."""
    out: list[Mention] = []
    seen: set[str] = set()
    pools: list[SentenceFacts] = [cand.facts]
    if with_context:
        pools += list(reversed(cand.context))
    for facts in pools:
        for m in facts.mentions:
            if m.kind == kind and m.record not in seen:
                seen.add(m.record)
                out.append(m)
    return out


_STOPWORDS = frozenset(
    [
        "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "is", "are", "was", "were", "be", "been", "this", "that", "its", "it", "his",
        "her", "their", "new", "first", "into", "over", "under", "after", "before", "since",
        "which", "who", "what", "when", "where", "will", "would", "could", "should", "may",
        "might", "has", "have", "had", "not", "no", "yes", "also", "than", "then", "there",
        "here", "russia", "russian", "belarus", "belarusian", "union", "state", "states",
        "ukraine", "ukrainian", "poland", "polish", "lithuania", "lithuanian", "latvia", "nato",
        "putin", "lukashenko", "lukashenka", "moscow", "minsk", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december",
        "sept", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "said", "says", "year",
    ]
)


_NUMBERED = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\b(?:\s+[A-Z][\w-]*){0,5}?\s+"
    r"(brigade|division|regiment|battalion|corps|army|squadron|group)s?\b", re.I)


def numbered_units(text: str, catalog: Any) -> list[tuple[str, str | None]]:
    """Numbered formations a text names ("120th Guards Mechanised Brigade"): for each, the
    text and the id of the one unit whose name has that number and echelon word, or ``None``
    when the dataset has none or several."""
    out: list[tuple[str, str | None]] = []
    for m in _NUMBERED.finditer(text):
        num, noun = m.group(1), m.group(2).lower()
        ids = [u.id for u in catalog.units.values()
               if re.match(rf"{num}(?:st|nd|rd|th)\b", u.name)
               and re.search(rf"\b{noun}\b", u.name, re.I)]
        if len(ids) > 1:  # "120th Guards Mechanised Brigade" among two 120th brigades
            words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", m.group(0))} - {noun}
            ids = [i for i in ids
                   if words <= {w.lower() for w in re.findall(r"[A-Za-z]{4,}",
                                                              catalog.units[i].name)}]
        out.append((m.group(0), ids[0] if len(ids) == 1 else None))
    return out


def keywords(text: str) -> set[str]:
    """Content-word stems (first four letters) of ``text``, without stop words or names of
    the two states, and its type designations (:func:`designations`), for matching a
    sentence with an event's name."""
    return set(_keywords(text))


_DESIGNATION = re.compile(r"\b([A-Z][A-Za-z]{0,3})-(\d{2,4})(?:\s?([A-Z]{1,3}\d?))?s?(?![\w-])")
"""A type designation ("Su-30SM", "Su-30 SM", "S-400", "Mi-35M", "Tu-22M3"): letters, a
hyphen, digits and an optional capital suffix, written with or without a space."""


def designations(text: str) -> set[str]:
    """The type designations ``text`` names, each folded to one word ("su30sm")."""
    return {"".join(g or "" for g in m.groups()).lower() for m in _DESIGNATION.finditer(text)}


@lru_cache(maxsize=32768)
def _keywords(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]{3,}", fold(text))
    return frozenset({vocab.SYNONYMS.get(w[:4], w[:4]) for w in words if w not in _STOPWORDS}
                     | designations(text))


def rounding(value: float, smallest: float = 100) -> float:
    """Half the rounding step of a round figure, relative to it: the tolerance a rounded figure
    carries (15,000 is round to the thousand: 0.033; 290 to the ten: 0.017); 0 for a figure
    that is not round or is below ``smallest``.

    >>> round(rounding(15000), 3), round(rounding(290), 3), rounding(293), rounding(80)
    (0.033, 0.017, 0.0, 0.0)
    >>> rounding(500, smallest=10), rounding(80, smallest=10)
    (0.1, 0.0625)
    """
    if value < smallest or value != int(value):
        return 0.0
    n, step = int(value), 1
    while n % (step * 10) == 0:
        step *= 10
    return step / 2 / value if step > 1 else 0.0
