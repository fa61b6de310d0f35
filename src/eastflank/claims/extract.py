"""Extraction: sentences, and in each the quantities, dataset names, dates and attributions.

:func:`extract` is the one pass over a text that everything else works from; it returns a
:class:`SentenceFacts` per sentence. The gazetteer runs once over the whole text (not once per
sentence) and its matches are handed to the sentences they fall in.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from eastflank.claims.attribution import find_attributions
from eastflank.claims.dates import find_dates
from eastflank.claims.gazetteer import Gazetteer
from eastflank.claims.model import Attribution, DateMention, Mention, Quantity
from eastflank.claims.quantities import find_quantities
from eastflank.claims.text import split_sentences

__all__ = ["SentenceFacts", "extract"]


@dataclass(frozen=True)
class SentenceFacts:
    """A sentence and what was found in it. Spans are offsets into the whole text."""

    index: int
    start: int
    end: int
    text: str
    full: str = field(repr=False)
    paragraph: int = 0
    mentions: tuple[Mention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()


def extract(
    text: str, gazetteer: Gazetteer, article_date: dt.date | None = None
) -> list[SentenceFacts]:
    """Split ``text`` into sentences and find quantities, names, dates and attributions.

    Parameters
    ----------
    text
        The article.
    gazetteer
        Names of the dataset (:func:`eastflank.claims.gazetteer.build_gazetteer`).
    article_date
        Resolves dates without a year and relative dates ("last year").
    """
    sentences = split_sentences(text)
    mentions = gazetteer.find(text)
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        i = bisect_right(starts, m.span.start) - 1
        if i >= 0 and m.span.end <= sentences[i].end:
            by_sentence.setdefault(i, []).append(m)
    out: list[SentenceFacts] = []
    for i, s in enumerate(sentences):
        out.append(
            SentenceFacts(
                index=s.index,
                start=s.start,
                end=s.end,
                text=s.text,
                full=text,
                paragraph=s.paragraph,
                mentions=tuple(by_sentence.get(i, [])),
                quantities=tuple(find_quantities(s.text, s.start)),
                dates=tuple(find_dates(s.text, article_date, s.start)),
                attributions=tuple(find_attributions(s.text, s.start)),
            )
        )
    return out
