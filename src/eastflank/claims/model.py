"""Typed, JSON-serialisable results of the claim checker.

Every object here is a frozen pydantic model, so a :class:`CheckResult` turns into JSON with
``result.model_dump(mode="json")`` and back with ``CheckResult.model_validate(data)``.

Spans are character offsets into the checked text (``text[start:end]``), half-open.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from eastflank.claims.reliability import Reliability

__all__ = [
    "Attribution",
    "CheckResult",
    "Claim",
    "ClaimKind",
    "DateMention",
    "Evidence",
    "Mention",
    "Quantity",
    "Span",
    "Verdict",
]

Verdict = Literal["supported", "contradicted", "outdated", "unverifiable"]
"""What the dataset and models say about a claim.

``supported``
    The computed or recorded value agrees with the claim within the tolerance of its kind.
``contradicted``
    The dataset or a model gives a value outside the tolerance, or a relation that differs.
``outdated``
    The claim was true once but no longer holds at the article's date (e.g. a command body
    that had been dissolved).
``unverifiable``
    Nothing in the dataset bears on the claim (an unknown person, an unrecorded treaty).
"""

ClaimKind = Literal[
    "distance",
    "border_length",
    "gap_width",
    "strength",
    "count",
    "weapon_range",
    "flight_time",
    "command",
    "basing",
    "event",
    "attribution",
    "warning_time",
    "relation",
    "economic",
]
"""Kinds of checkable claims; each has a resolver in :mod:`eastflank.claims.resolvers`."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A half-open character range ``[start, end)`` of the text and the text it covers."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Quantity(_Frozen):
    """A number with its unit found in the text.

    Units are normalised: lengths in ``km``, durations in ``min``, people in ``personnel``;
    other counted things keep their noun (``tanks``, ``divisions``) and ``count`` is used for
    bare numbers.
    """

    value: float = Field(description="Central value in ``unit``.")
    low: float | None = Field(None, description="Lower end of a range or vague quantity.")
    high: float | None = Field(None, description="Upper end of a range or vague quantity.")
    unit: str
    bound: Literal["exact", "about", "at-most", "at-least", "range", "vague"] = "exact"
    span: Span


class Mention(_Frozen):
    """A name from the dataset's gazetteer found in the text."""

    kind: str = Field(description="Record kind: places, units, command_bodies, ...")
    record: str = Field(description="Record id.")
    name: str = Field(description="Canonical name of the record.")
    score: float = Field(description="Match score, 100 for an exact (normalised) match.")
    span: Span

    @property
    def adjectival(self) -> bool:
        """Whether the text names the record by an adjective ("Belarusian", "Polish",
        "Chinese"), not by its name ("Belarus", and "Kazakhstan" or "Japan", whose names end
        like an adjective)."""
        return self.span.text != self.name and self.span.text.endswith(
            ("ian", "an", "ish", "ese"))


class DateMention(_Frozen):
    """A date found in the text, with its precision."""

    date: dt.date = Field(description="The date; the first day of the month or year if coarser.")
    precision: Literal["day", "month", "year"]
    end: dt.date | None = Field(None, description="Last day when the text gives a period.")
    relative: bool = Field(False, description="Resolved relative to the article's date.")
    span: Span


class Attribution(_Frozen):
    """A statement attributed to a named person or institution."""

    person: str | None
    role: str | None = None
    institution: str | None = None
    span: Span = Field(description="The attributed statement: the speaker's phrase and, when "
                       "the sentence gives it, what was said.")
    speaker: Span | None = Field(None, description="The speaker's phrase alone (\"Putin "
                                 "later said\"), when ``span`` also covers what was said.")


class Evidence(_Frozen):
    """One piece of evidence behind a verdict: a record, its sources, a computed value."""

    record: str | None = Field(None, description="Record id, if the evidence is a record.")
    kind: str | None = Field(None, description="Record kind.")
    name: str | None = None
    value: float | None = Field(None, description="Recorded or computed value, if numeric.")
    unit: str | None = None
    detail: str = Field(description="What this evidence says, in one line.")
    sources: list[str] = Field(default_factory=list, description="Source ids.")


class Claim(_Frozen):
    """A checkable claim, its verdict and the working behind it."""

    id: str = Field(description="Stable id within the result: c001, c002, ...")
    kind: ClaimKind
    text: str = Field(description="The claim's key phrase.")
    span: Span = Field(description="Span of the key phrase.")
    sentence: Span = Field(description="Span of the sentence the claim sits in.")
    reference_date: dt.date | None = Field(
        None, description="Date the claim is checked at (its own date, else the article's)."
    )
    verdict: Verdict
    explanation: str = Field(description="Why, in a sentence or two, with the numbers.")
    claimed: float | None = Field(None, description="The claimed value, if numeric.")
    computed: float | None = Field(None, description="The value the dataset or model gives.")
    unit: str | None = None
    tolerance: dict[str, Any] = Field(
        default_factory=dict, description="Tolerance used (from tolerances.yaml)."
    )
    evidence: list[Evidence] = Field(default_factory=list)
    strength: float = Field(1.0, ge=0, le=1, description="Evidence strength behind the "
                            "verdict; decisive verdicts need the policy's threshold.")
    nearest: list[Evidence] = Field(default_factory=list, description="Nearest statements "
                                    "of the dataset, shown when the claim is unverifiable.")
    quantities: list[Quantity] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    attribution: Attribution | None = None


class CheckResult(_Frozen):
    """The claims of one text, with their verdicts."""

    source: str | None = Field(None, description="File name or URL of the text, if any.")
    title: str | None = None
    article_date: dt.date | None = Field(None, description="Date the text is checked at.")
    article_date_origin: Literal["given", "metadata", "inferred", "none"] = "none"
    n_sentences: int
    n_words: int
    claims: list[Claim]
    counts: dict[str, int] = Field(description="Number of claims per verdict.")
    dataset_version: str = Field(description="eastflank version whose dataset was used.")
    reliability: Reliability | None = Field(
        None, description="How often the checker was right on texts it had never seen "
        "(held-out splits of its evaluation set), to weigh these verdicts by.")
