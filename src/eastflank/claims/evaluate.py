"""Evaluate the checker on labelled texts: extraction recall and precision, verdict accuracy.

An evaluation folder holds YAML files, one per public text::

    url: https://...            # where the excerpt comes from
    title: ...
    publisher: ...
    date: 2023-08-25            # the text's date: claims are checked at it
    text: |
      The excerpt ...
    claims:
      - quote: "range of up to 500 km"   # a substring of text
        kind: weapon_range
        verdict: supported
        reason: why this is the right verdict, from the dataset

A labelled claim is *found* when an extracted claim's span overlaps its quote; its verdict is
*correct* when the overlapping claim of the same kind (else any overlapping claim) has the
labelled verdict. Precision counts extracted claims that overlap some labelled quote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eastflank.catalog import Catalog
from eastflank.claims.check import check_text
from eastflank.claims.model import CheckResult, Claim, ClaimKind, Verdict
from eastflank.errors import ClaimInputError
from eastflank.yamlio import load_document

__all__ = ["EvalClaim", "EvalReport", "EvalText", "evaluate_dir", "evaluate_text"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EvalClaim(_Frozen):
    """A labelled claim of an evaluation text."""

    quote: str = Field(min_length=3)
    kind: ClaimKind
    verdict: Verdict
    reason: str = Field(min_length=3)


class EvalText(_Frozen):
    """A public text (excerpt) with its labelled claims."""

    url: str = Field(pattern=r"^https?://")
    title: str
    publisher: str
    date: dt.date
    text: str = Field(min_length=20)
    claims: list[EvalClaim] = Field(min_length=1)


class ClaimOutcome(_Frozen):
    """How one labelled claim fared."""

    file: str
    quote: str
    kind: ClaimKind
    expected: Verdict
    found: bool
    got: Verdict | None
    got_kind: ClaimKind | None
    correct: bool


class EvalReport(_Frozen):
    """Scores over an evaluation folder."""

    n_texts: int
    n_labelled: int
    n_extracted: int
    recall: float = Field(description="Labelled claims found / labelled claims.")
    precision: float = Field(description="Extracted claims on a labelled quote / extracted.")
    verdict_accuracy: float = Field(description="Correct verdicts / labelled claims found.")
    kind_accuracy: float = Field(description="Right kind / labelled claims found.")
    outcomes: list[ClaimOutcome]
    status: Literal["ok"] = "ok"


def _overlaps(c: Claim, start: int, end: int) -> bool:
    return c.span.start < end and start < c.span.end


def evaluate_text(item: EvalText, catalog: Catalog, file: str = "") -> tuple[
        CheckResult, list[ClaimOutcome], int]:
    """Check one evaluation text; return the result, the outcome per labelled claim and the
    number of extracted claims that overlap a labelled quote."""
    result = check_text(item.text, catalog, item.date, source=item.url, title=item.title)
    outcomes: list[ClaimOutcome] = []
    spans: list[tuple[int, int]] = []
    for label in item.claims:
        start = item.text.find(label.quote)
        if start < 0:
            raise ClaimInputError(f"quote {label.quote!r} is not in the text", file=file,
                                  field="claims.quote")
        end = start + len(label.quote)
        spans.append((start, end))
        hits = [c for c in result.claims if _overlaps(c, start, end)]
        same = [c for c in hits if c.kind == label.kind]
        pool = same or hits
        best = pool[0] if pool else None
        outcomes.append(ClaimOutcome(
            file=file, quote=label.quote, kind=label.kind, expected=label.verdict,
            found=best is not None, got=best.verdict if best else None,
            got_kind=best.kind if best else None,
            correct=best is not None and best.verdict == label.verdict))
    on_label = sum(1 for c in result.claims
                   if any(_overlaps(c, s, e) for s, e in spans))
    return result, outcomes, on_label


def evaluate_dir(folder: Path, catalog: Catalog) -> EvalReport:
    """Evaluate every ``*.yaml`` file of ``folder``.

    Raises
    ------
    ClaimInputError
        If the folder has no evaluation file, or a file is malformed or quotes text it does
        not contain.
    """
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise ClaimInputError("no evaluation files (*.yaml) in the folder", file=str(folder))
    outcomes: list[ClaimOutcome] = []
    extracted = on_label = 0
    for path in files:
        item = load_document(path, EvalText, ClaimInputError)
        result, outs, hits = evaluate_text(item, catalog, path.name)
        outcomes += outs
        extracted += len(result.claims)
        on_label += hits
    found = [o for o in outcomes if o.found]
    return EvalReport(
        n_texts=len(files),
        n_labelled=len(outcomes),
        n_extracted=extracted,
        recall=len(found) / len(outcomes),
        precision=on_label / extracted if extracted else 0.0,
        verdict_accuracy=sum(o.correct for o in found) / len(found) if found else 0.0,
        kind_accuracy=sum(o.got_kind == o.kind for o in found) / len(found) if found else 0.0,
        outcomes=outcomes,
    )
