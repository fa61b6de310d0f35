"""How often the claim checker was right on texts it had never seen.

The figures are read from ``data/claims/reliability.yaml``: the first scoring of each held-out
split of the evaluation set (real public texts labelled by public evidence and frozen before
any checker ran on them). :func:`reliability` pools them into the note ``eastflank check``
prints under its verdicts, so that a reader weighs a verdict by what it has been measured to
be worth, not by how sure its wording sounds.

>>> note = reliability()
>>> note.claims >= 600 and 0 < note.decisive_precision < 1
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eastflank.errors import DataError
from eastflank.yamlio import load_document

__all__ = ["HeldOutScore", "Reliability", "ReliabilityFile", "reliability", "reliability_path"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HeldOutScore(_Frozen):
    """The first scoring of one held-out split."""

    split: str = Field(min_length=1, description="Folder of the split in the evaluation set.")
    texts: int = Field(ge=1)
    claims: int = Field(ge=1, description="Labelled claims.")
    found: int = Field(ge=0, description="Labelled claims the checker found.")
    correct: int = Field(ge=0, description="Found claims given the labelled verdict.")
    decisive: int = Field(ge=0, description="Found claims given a decisive verdict.")
    decisive_right: int = Field(ge=0, description="Decisive verdicts that were the label.")
    frozen: str = Field(min_length=1, description="When and at which commit it was frozen.")
    scored_at: str = Field(min_length=7, description="Commit of the checker scored.")
    record: str = Field(min_length=1, description="Where the scoring is written up.")

    @model_validator(mode="after")
    def _counts_nest(self) -> HeldOutScore:
        if not (self.decisive_right <= self.decisive <= self.found <= self.claims
                and self.correct <= self.found):
            raise ValueError("expected decisive_right <= decisive <= found <= claims and "
                             "correct <= found")
        return self


class ReliabilityFile(_Frozen):
    """The file: measured scores of held-out splits."""

    status: Literal["measured"]
    held_out: list[HeldOutScore] = Field(min_length=1)


class Reliability(_Frozen):
    """The held-out scores pooled, and the note printed with every check."""

    splits: list[HeldOutScore]
    texts: int
    claims: int
    recall: float = Field(description="Labelled claims found, pooled over the splits.")
    accuracy: float = Field(description="Found claims given the labelled verdict, pooled.")
    decisive_precision: float = Field(description="Decisive verdicts that were right, pooled.")
    accuracy_range: tuple[float, float] = Field(description="Lowest and highest split.")
    decisive_precision_range: tuple[float, float]
    note: str = Field(description="One paragraph for readers of a check.")


def reliability_path() -> Path:
    """The packaged file of held-out scores."""
    return Path(str(files("eastflank") / "data" / "claims" / "reliability.yaml"))


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


@lru_cache(maxsize=4)
def reliability(path: Path | None = None) -> Reliability:
    """The held-out scores of ``path`` (default: the packaged file), pooled.

    Raises
    ------
    DataError
        If the file is missing or malformed, or a split's counts do not nest; the message
        names the file, line and field.
    """
    data = load_document(path or reliability_path(), ReliabilityFile, DataError)
    s = data.held_out
    claims = sum(x.claims for x in s)
    found = sum(x.found for x in s)
    correct = sum(x.correct for x in s)
    decisive = sum(x.decisive for x in s)
    right = sum(x.decisive_right for x in s)
    wrong = found - correct
    acc = [x.correct / x.found for x in s if x.found]
    dec = [x.decisive_right / x.decisive for x in s if x.decisive]
    recall = found / claims
    accuracy = correct / found if found else 0.0
    precision = right / decisive if decisive else 0.0
    acc_range = (min(acc), max(acc)) if acc else (0.0, 0.0)
    dec_range = (min(dec), max(dec)) if dec else (0.0, 0.0)
    note = (
        f"Measured on {sum(x.texts for x in s)} public texts it had never seen "
        f"({len(s)} held-out splits, {claims} claims labelled by public evidence): the "
        f"checker found {_pct(recall)} of the claims; of those, it gave the verdict the "
        f"evidence gives to {_pct(accuracy)} (splits {_pct(acc_range[0])}-"
        f"{_pct(acc_range[1])}); its supported, contradicted and outdated verdicts were "
        f"right {_pct(precision)} of the time ({right} of {decisive}; splits "
        f"{_pct(dec_range[0])}-{_pct(dec_range[1])}). {wrong - (decisive - right)} of its "
        f"{wrong} wrong verdicts were 'unverifiable' for a claim public evidence decides: "
        "'unverifiable' says the dataset does not decide the claim, not that the claim is "
        "doubtful.")
    return Reliability(splits=list(s), texts=sum(x.texts for x in s), claims=claims,
                       recall=recall, accuracy=accuracy, decisive_precision=precision,
                       accuracy_range=acc_range, decisive_precision_range=dec_range, note=note)
