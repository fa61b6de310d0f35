"""Extraction: sentences, and in each the quantities, dataset names, dates and attributions.

:func:`extract` is the one pass over a text that everything else works from; it returns a
:class:`SentenceFacts` per sentence. The gazetteer runs once over the whole text (not once per
sentence) and its matches are handed to the sentences they fall in.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from eastflank.claims.attribution import ROLE_SPEAKER, find_attributions, pronoun_speakers
from eastflank.claims.dates import find_dates
from eastflank.claims.gazetteer import Gazetteer
from eastflank.claims.model import Attribution, DateMention, Mention, Quantity, Span
from eastflank.claims.quantities import find_quantities
from eastflank.claims.text import Sentence, split_sentences

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
    attributions = [find_attributions(s.text, s.start) for s in sentences]
    _carry_quotes(text, sentences, attributions)
    _named_speakers(sentences, attributions)
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
                attributions=tuple(attributions[i]),
            )
        )
    return out


def _named_speakers(sentences: list[Sentence], attributions: list[list[Attribution]],
                    reach: int = 3) -> None:
    """A speaker named by a pronoun ("He said", "she added") is the last person named as a
    speaker in the paragraph; one named by a role alone ("according to the president") the
    last person named as a speaker in the ``reach`` sentences before."""
    last: tuple[int, int, str] | None = None  # (sentence, paragraph, person)
    for i, s in enumerate(sentences):
        in_paragraph = last[2] if last is not None and last[1] == s.paragraph else None
        if not attributions[i]:
            attributions[i] = pronoun_speakers(s.text, s.start, in_paragraph)
        else:
            recent = last[2] if last is not None and i - last[0] <= reach else None
            attributions[i] = [
                a.model_copy(update={"person": recent, "role": a.institution,
                                     "institution": None})
                if recent and a.person is None and a.institution
                and ROLE_SPEAKER.match(a.institution.strip()) else a
                for a in attributions[i]]
        named = [a.person for a in attributions[i] if a.person and a.role not in ("he", "she")]
        if named:
            last = (i, s.paragraph, named[-1])


_OPEN = "\"“"
_CLOSE = "\"”"


def _quote_balance(text: str) -> int:
    """Open quotation marks left unclosed at the end of ``text`` (straight quotes alternate)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth


def _carry_quotes(text: str, sentences: list[Sentence],
                  attributions: list[list[Attribution]], reach: int = 3) -> None:
    """A quotation over several paragraphs (each opening with a quotation mark, only the last
    closing it) is attributed in its last sentence ('“... ¶ “...,” X said.'): each earlier
    sentence of the quotation gets the same speaker, its whole text being what was said.
    (Within a paragraph the sentence splitter keeps a quotation whole.)"""
    i = 0
    while i < len(sentences):
        s = sentences[i]
        if not s.text.startswith(tuple(_OPEN)) or _quote_balance(s.text) == 0:
            i += 1
            continue
        for j in range(i + 1, min(len(sentences), i + 1 + reach)):
            closes = _quote_balance(sentences[j].text) == 0 and any(
                c in sentences[j].text for c in _CLOSE)
            if not closes:
                continue
            spoken = [a for a in attributions[j] if a.speaker is not None
                      and a.span.start < a.speaker.start]
            if spoken:
                a = spoken[0]
                for k in range(i, j):
                    t = sentences[k]
                    body = t.text.lstrip(_OPEN).rstrip()
                    at = t.start + len(t.text) - len(t.text.lstrip(_OPEN))
                    if attributions[k] or not body:
                        continue
                    attributions[k] = [a.model_copy(update={
                        "span": Span(start=at, end=at + len(body), text=body)})]
            i = j
            break
        i += 1
