"""Dates in English text: "January 6, 2026", "6 January 2026", "on 16 June", "in June 2023",
"in 2023", "since 2023", "September 10-16, 2021", "last year", "yesterday".

A date without a year takes the article's year (or the last year seen before it); relative
dates ("last year", "yesterday", "this month") are resolved against the article's date.

``dateparser`` was measured for the job on the dev split (``benchmarks/bench_claim_parsers.py``)
and not taken: its ``search_dates`` finds 32 of the 37 dated event claims against 35 here,
turns a month or a year ("in February 2022") into a day (precision kept in 25 against 35) and
reads "Sept. 10" as the reference date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from eastflank.claims import vocab
from eastflank.claims.model import DateMention, Span

__all__ = ["MONTH_NAME", "WEEKDAYS", "YEAR_IN_NAME", "find_dates", "latest_date"]

_MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
MONTH_NAME = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
"""A month's name or abbreviation ("September", "Sept.", "Sep"), as a regular expression."""
_MONTH = r"(?P<month>" + MONTH_NAME[3:]
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_FULL_YEAR = r"(?P<year>(?:18|19|20)\d{2})"
"""A year after a month's name may be of the nineteenth century ("6 August 1864"); a bare
year is read only from 1900 (a number like 1850 alone is seldom a year in these texts)."""
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?:\s*(?:[-–]|to|until|till|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?"

_PATTERNS = [
    # January 6, 2026 / Sept. 10-16, 2021 / June 16
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_DAY2}(?:,?\s+{_FULL_YEAR})?\b", re.IGNORECASE),
    # 6 January 2026 / 10-16 September 2021 / 16 June
    re.compile(rf"\b{_DAY}{_DAY2}\s+{_MONTH}(?:,?\s+{_FULL_YEAR})?\b", re.IGNORECASE),
    # June 2023
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_FULL_YEAR}\b", re.IGNORECASE),
    # in 2023 / since 2023 / the 2024 reorganisation; not "2024-2025" ranges' second half
    re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/-])"),
]
_SAID_ON = re.compile(r"\b(?:said|says|announced|told|stated|reported|declared|added|"
                      r"confirmed|wrote)\s+(?:on\s+|in\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|before|no\s+later\s+than)\s+$|"
                       r"\bahead\s+of\b[^.;]{0,50}$", re.I)
_WOULD = re.compile(r"\bwould\b", re.I)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6}
_YEARLESS_SLACK = dt.timedelta(days=7)
"""A date without a year more than this after the article's date (or before it, in a
sentence about the future) belongs to the year before (or after)."""
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = tuple(_WEEKDAYS)
"""The days of the week, lower case, Monday first."""
_CITATION = re.compile(r"\([^()]*[A-Z][^()]*,\s*$")
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|last\s+year|this\s+year|last\s+month|this\s+month|"
    r"(?:earlier\s+)?this\s+week|last\s+week|next\s+year|(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:a|an|one|two|three|four|five|six|\d{1,2})\s+(?:day|week|month|year)s?"
    r"\s+ago|"
    # a weekday without "on", as news copy gives it after a verb ("said Monday", "announced
    # Thursday"): read as "on Monday"; not "next Monday", "every Monday", "by Monday"
    r"(?<!next\s)(?<!every\s)(?<!this\s)(?<!by\s)(?<!until\s)(?<!till\s)(?<!from\s)"
    r"(?<=[a-z,]\s)(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)


_MONTH_ALONE = re.compile(
    r"\b(?:(?P<last>[Ll]ast)|(?i:in|since|by|until|till|from|through|during|early|late|mid)|"
    r"(?i:(?:in|since|by|until)\s+(?:early|late|mid)))[\s-]+(?:-\s*)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
    r"(?![\w-]|\s+\d|\s+of\s+\d|,\s*\d|\s*(?:to|until|till|through|and|or|[-–])\s*[A-Z])")
"""A month named without a day or a year ("in April", "by early June", "last September"):
the year of an edition the sentence names ("Zapad-2017 ... in September"), else the
article's year, or the year before for a month after the article's (the year after in a
sentence about the future). Either way it is resolved from outside the date and is marked
relative. The month is capitalised ("may" is a verb); the first month of a range ("from
March to July 2024") is left to the range's end."""


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(
    text: str, article_date: dt.date | None = None, offset: int = 0
) -> list[DateMention]:
    """Dates in ``text``, earliest position first; spans shifted by ``offset``.

    Examples
    --------
    >>> [(d.date.isoformat(), d.precision) for d in find_dates("On January 6, 2026, he signed")]
    [('2026-01-06', 'day')]
    >>> [(d.date.isoformat(), d.precision) for d in find_dates("stationed there since 2023")]
    [('2023-01-01', 'year')]
    >>> ref = dt.date(2023, 9, 1)
    >>> [d.date.isoformat() for d in find_dates("On 16 June, Putin said", ref)]
    ['2023-06-16']
    >>> [d.date.isoformat() for d in find_dates("The ban took effect on Dec. 8",
    ...                                         dt.date(2022, 1, 31))]
    ['2021-12-08']
    >>> [d.date.isoformat() for d in find_dates("They will sign the pact on Friday",
    ...                                         dt.date(2024, 12, 5))]
    ['2024-12-06']
    >>> [d.date.isoformat() for d in find_dates("He will leave, the Kremlin said on June 24",
    ...                                         dt.date(2023, 7, 14))]
    ['2023-06-24']
    >>> [d.date.isoformat() for d in find_dates("Namejs 2023, held from 5 September to "
    ...                                         "2 October", dt.date(2025, 6, 1))[1:]]
    ['2023-09-05', '2023-10-02']
    >>> [d.date.isoformat() for d in find_dates("He stated a week ago that", dt.date(2023, 7, 14))]
    ['2023-07-07']
    >>> [(d.date.isoformat(), d.precision) for d in find_dates(
    ...     "An advance party arrived in April; more came last November", dt.date(2024, 9, 13))]
    [('2024-04-01', 'month'), ('2023-11-01', 'month')]
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    default_year = article_date.year if article_date else None
    future = bool(vocab.FUTURE.search(text))
    for index, pattern in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            year = int(groups["year"]) if groups.get("year") else default_year
            if year is None:
                continue
            month = _MONTHS[groups["month"].lower()] if groups.get("month") else None
            if index < 2:
                assert month is not None
                day = int(groups["day"])
                date = _safe_date(year, month, day)
                if date is None:
                    continue
                earlier = [int(y.group(1)) for y in YEAR_IN_NAME.finditer(text, 0, m.start())]
                if not groups.get("year") and earlier:
                    # "Namejs 2023, held from 5 September": the year of the edition named
                    # before the date
                    moved = _safe_date(earlier[-1], month, day)
                    if moved is None:
                        continue
                    date, year = moved, earlier[-1]
                elif not groups.get("year") and article_date is not None:
                    # "Dec. 8" in a text of 31 January: the last December 8 before it,
                    # unless the sentence looks ahead; "on 5 January" said in December
                    # of what is to come: the next one
                    shift = 0
                    before = text[max(0, m.start() - 60):m.start()]
                    # "would be completed by July 1" in a text of May: the July to come
                    ahead = future or bool(_DEADLINE.search(before)) or bool(
                        _WOULD.search(text) and not _SAID_ON.search(before))
                    if date > article_date + _YEARLESS_SLACK and not ahead:
                        shift = -1
                    elif date < article_date - _YEARLESS_SLACK and future and not \
                            _SAID_ON.search(text[max(0, m.start() - 25):m.start()]):
                        shift = 1  # not "the Kremlin said on June 24" of what will be
                    if shift:
                        moved = _safe_date(year + shift, month, day)
                        if moved is None:
                            continue
                        date, year = moved, year + shift
                end = None
                if groups.get("day2"):
                    end = _safe_date(year, month, int(groups["day2"]))
                found.append(DateMention(date=date, precision="day", end=end,
                                         span=Span(start=offset + m.start(),
                                                   end=offset + m.end(), text=m.group(0))))
            elif index == 2:
                assert month is not None
                found.append(DateMention(date=dt.date(year, month, 1), precision="month",
                                         span=Span(start=offset + m.start(),
                                                   end=offset + m.end(), text=m.group(0))))
            else:
                before = text[max(0, m.start() - 60) : m.start()]
                if re.search(r"(?:no\.|vol\.|\(|page|pp\.)\s*$", before.lower()):
                    continue
                if _CITATION.search(before) and text[m.end() : m.end() + 1] in (")", ";"):
                    continue  # "(Hodges et al., 2019)": a reference, not a date
                if text[m.end():m.end() + 1] == "s" and year % 10 == 0:
                    # "in the 1960s", "the late 1990s": a decade, or a part of one
                    lead = text[max(0, m.start() - 12):m.start()].lower()
                    lo, hi = year, year + 9
                    if re.search(r"\bearly\s+$", lead):
                        hi = year + 4
                    elif re.search(r"\bmid(?:-|\s+)$", lead):
                        lo, hi = year + 3, year + 7
                    elif re.search(r"\blate\s+$", lead):
                        lo = year + 5
                    found.append(DateMention(date=dt.date(lo, 1, 1), precision="year",
                                             end=dt.date(hi, 12, 31),
                                             span=Span(start=offset + m.start(),
                                                       end=offset + m.end() + 1,
                                                       text=text[m.start():m.end() + 1])))
                    taken.append((m.start(), m.end() + 1))
                    continue
                found.append(DateMention(date=dt.date(year, 1, 1), precision="year",
                                         span=Span(start=offset + m.start(),
                                                   end=offset + m.end(), text=m.group(0))))
            taken.append((m.start(), m.end()))
    if article_date is not None:
        for m in _MONTH_ALONE.finditer(text):
            if any(m.start("month") < e and s < m.end() for s, e in taken):
                continue  # "in June 2023", "in June 16"
            month = _MONTHS[m.group("month").lower().rstrip(".")]
            year = article_date.year
            editions = [int(y.group(1)) for y in YEAR_IN_NAME.finditer(text)]
            earlier = [int(y.group(1)) for y in YEAR_IN_NAME.finditer(text, 0, m.start())]
            if editions and not m.group("last"):
                # "Zapad-2017 was held in September": the year of the edition the
                # sentence names (the last before the month, else the first after)
                found.append(DateMention(date=dt.date(earlier[-1] if earlier else editions[0],
                                                      month, 1),
                                         precision="month", relative=True,
                                         span=Span(start=offset + m.start("month"),
                                                   end=offset + m.end(), text=text[
                                                       m.start("month"):m.end()])))
                taken.append((m.start("month"), m.end()))
                continue
            if m.group("last"):
                # "last April": the last April before the article's month
                if month >= article_date.month:
                    year -= 1
            elif month > article_date.month and not future:
                year -= 1  # "in November" in a text of March, of what happened: the last one
            elif month < article_date.month and future and not \
                    _SAID_ON.search(text[max(0, m.start("month") - 25):m.start("month")]):
                year += 1  # "by April" in a text of December, of what is to come (not
                # "it will be done, he said in April")
            found.append(DateMention(date=dt.date(year, month, 1), precision="month",
                                     relative=True, span=Span(start=offset + m.start("month"),
                                               end=offset + m.end(), text=text[
                                                   m.start("month"):m.end()])))
            taken.append((m.start("month"), m.end()))
        for m in _RELATIVE.finditer(text):
            rel = re.sub(r"\s+", " ", m.group("rel").lower())
            span = Span(start=offset + m.start(), end=offset + m.end(), text=m.group(0))
            if rel == "yesterday":
                found.append(DateMention(date=article_date - dt.timedelta(days=1),
                                         precision="day", relative=True, span=span))
            elif rel == "today":
                found.append(DateMention(date=article_date, precision="day", relative=True,
                                         span=span))
            elif rel in ("last year", "this year", "next year"):
                y = article_date.year + {"last year": -1, "this year": 0, "next year": 1}[rel]
                found.append(DateMention(date=dt.date(y, 1, 1), precision="year",
                                         relative=True, span=span))
            elif rel in ("last month", "this month"):
                first = article_date.replace(day=1)
                if rel == "last month":
                    first = (first - dt.timedelta(days=1)).replace(day=1)
                found.append(DateMention(date=first, precision="month", relative=True,
                                         span=span))
            elif rel.split()[-1] in _WEEKDAYS:
                # "on Friday" in a Friday's article is that day; "last Friday" a week back;
                # "will sign on Friday" the Friday to come
                back = (article_date.weekday() - _WEEKDAYS.index(rel.split()[-1])) % 7
                if back == 0 and rel.split()[0].lower() == "last":
                    back = 7
                elif back and future and (rel.split()[0].lower() == "on"
                                          or len(rel.split()) == 1):
                    back -= 7
                found.append(DateMention(date=article_date - dt.timedelta(days=back),
                                         precision="day", relative=True, span=span))
            elif rel.endswith("this week"):
                # the week of the article's date, up to that day ("earlier this week") or to
                # its Sunday in a sentence about what is to come
                monday = article_date - dt.timedelta(days=article_date.weekday())
                end = monday + dt.timedelta(days=6) if future and not rel.startswith(
                    "earlier") else article_date
                found.append(DateMention(date=min(monday, end), precision="day", end=end,
                                         relative=True, span=span))
            elif rel == "last week":
                found.append(DateMention(date=article_date - dt.timedelta(days=7),
                                         precision="day", relative=True, span=span))
            elif rel.endswith(" ago"):
                # "a week ago", "two months ago": counted back from the article's date
                n_text, unit_text = rel.split()[:2]
                n = int(n_text) if n_text.isdigit() else _COUNT_WORDS.get(n_text, 1)
                unit = unit_text.rstrip("s")
                if unit in ("day", "week"):
                    since = dt.timedelta(days=n * (7 if unit == "week" else 1))
                    found.append(DateMention(date=article_date - since, precision="day",
                                             relative=True, span=span))
                elif unit == "month":
                    year, month0 = divmod(article_date.year * 12 + article_date.month - 1 - n,
                                          12)
                    found.append(DateMention(date=dt.date(year, month0 + 1, 1),
                                             precision="month",
                                             relative=True, span=span))
                else:
                    found.append(DateMention(date=dt.date(article_date.year - n, 1, 1),
                                             precision="year", relative=True, span=span))
    return sorted(found, key=lambda d: d.span.start)


def latest_date(dates: list[DateMention], today: dt.date | None = None) -> dt.date | None:
    """The latest day-precision date mentioned, not after ``today`` (an article's date when
    it gives none: the newest dated event it reports).
    """
    limit = today or dt.date.today()
    days = [d.date for d in dates if d.precision == "day" and not d.relative and d.date <= limit]
    return max(days) if days else None


YEAR_IN_NAME = re.compile(
    r"(?:[A-Za-z]-|\b(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Sept?|Oct|Nov|Dec|Jan|Feb|Mar|Apr|Jun|Jul|Aug|In|On|Since|"
    r"By|Until|Of|From|After|Before)\b)[A-Z][a-z]+\s)((?:19|20)\d\d)\b")
"""A year that is part of a name ("Zapad-2017", "Steadfast Defender 2024"), not a date: after
a capitalised word (not a month or a preposition opening a sentence) or a letter and a hyphen.

>>> [m.group(1) for m in YEAR_IN_NAME.finditer("In 2021, Zapad-2021 and Iron Wolf 2022 ran.")]
['2021', '2022']
"""
