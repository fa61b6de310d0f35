"""Tolerances of the claim checker, declared as data.

The values live in ``data/claims/tolerances.yaml`` (packaged) and are validated once into a
frozen :class:`Tolerances`. A user can pass their own file of the same shape.

Examples
--------
>>> tol = load_tolerances()
>>> tol.distance.relative
0.1
>>> tol.distance.within(205.0, 200.0)
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from eastflank.errors import DataError
from eastflank.yamlio import load_document

__all__ = [
    "BarrierTolerance",
    "CountTolerance",
    "EventTolerance",
    "GazetteerTolerance",
    "MatchTolerance",
    "NameTolerance",
    "NumericTolerance",
    "PolicyTolerance",
    "RelationTolerance",
    "Tolerances",
    "load_tolerances",
    "tolerances_path",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NumericTolerance(_Frozen):
    """A relative tolerance with an optional absolute floor (in the quantity's unit)."""

    relative: float = Field(ge=0, le=1, description="Allowed relative difference.")
    absolute_km: float = Field(0.0, ge=0, description="Absolute floor of the tolerance (km).")
    description: str

    def allowed(self, reference: float) -> float:
        """The allowed absolute difference around ``reference``."""
        return max(abs(reference) * self.relative, self.absolute_km)

    def within(self, value: float, reference: float) -> bool:
        """Whether ``value`` agrees with ``reference`` within the tolerance."""
        return abs(value - reference) <= self.allowed(reference)

    def admits(self, low: float, high: float, reference: float) -> bool:
        """Whether a claimed range ``low``-``high`` ("60 to 100 km") holds ``reference``
        within the tolerance (a single figure is a range of one value)."""
        allowed = self.allowed(reference)
        return low - allowed <= reference <= high + allowed

    def as_dict(self) -> dict[str, float]:
        """The numbers of the tolerance, for a verdict's record."""
        return {"relative": self.relative, "absolute_km": self.absolute_km}


class BarrierTolerance(NumericTolerance):
    """Tolerance of a fence's or wall's length, and how long a barrier takes to build."""

    build_days: int = Field(ge=0, description="A sentence about a barrier being built may be "
                            "borne out by the length it was completed to this many days "
                            "later.")


class CountTolerance(_Frozen):
    """Tolerance of a count: relative share and absolute slack."""

    relative: float = Field(ge=0, le=1)
    absolute: int = Field(ge=0)
    hedged_relative: float = Field(0.0, ge=0, le=1, description="Tolerance of a hedged "
                                   "(about, some, around) count.")
    description: str


class EventTolerance(_Frozen):
    """Tolerance of an event's date, and the share of an event's keywords a sentence needs."""

    days: int = Field(ge=0)
    keyword_share: float = Field(gt=0, le=1, description="Share needed at year precision.")
    keyword_share_month: float = Field(gt=0, le=1)
    keyword_share_day: float = Field(gt=0, le=1)
    summary_words_day: int = Field(ge=1, description="Or this many words of the summary.")
    typed_entities: int = Field(2, ge=1, description="Participants and places of an event "
                                "a sentence must name for a match by type.")
    typed_name_words: int = Field(2, ge=1, description="And this many words of its name.")
    typed_name_share: float = Field(0.75, gt=0, le=1, description="Share of the words of "
                                    "its name (over at most four) those must make.")
    typed_future_days: int = Field(31, ge=0, description="How far ahead of the claim's date "
                                   "a sentence in the future tense may point.")
    typed_strength: float = Field(0.8, ge=0, le=1, description="Evidence strength of a "
                                  "match by type (support only).")
    recent_days: int = Field(0, ge=0, description="How long before the article's date an "
                             "event an undated sentence tells as news may have happened (0: "
                             "undated sentences are not matched so).")
    description: str


class NameTolerance(_Frozen):
    """Fuzzy-match threshold of a person's or institution's name (rapidfuzz score 0-100)."""

    name_score: float = Field(ge=0, le=100)
    statement_days: int = Field(31, ge=0, description="A recorded statement this many days "
                                "before the claim's date may be the one the text reports.")
    statement_words: int = Field(2, ge=1, description="Words of the recorded statement's name "
                                 "and summary the sentence must share.")
    statement_share: float = Field(0.25, ge=0, le=1, description="Share of the sentence's "
                                   "content words the recorded statement must share.")
    statement_share_of: int = Field(12, ge=1, description="The share is taken of at most "
                                     "this many of the sentence's content words (a long "
                                     "sentence says more than the statement it reports).")
    spelling_score: float = Field(85, ge=50, le=100, description="A surname of six letters "
                                  "or more within this rapidfuzz ratio of a word of the "
                                  "statement's speaker, with the same first letter, is the "
                                  "same name spelt otherwise.")
    description: str


class CommandTolerance(_Frozen):
    """Command relations have no numeric tolerance; kept for the record of the rule."""

    description: str


class GazetteerTolerance(_Frozen):
    """Fuzzy-match threshold of the gazetteer (rapidfuzz ratio 0-100) and minimal length."""

    min_score: float = Field(ge=0, le=100)
    min_length: int = Field(ge=1)
    description: str


class PolicyTolerance(_Frozen):
    """When a verdict may be decisive: the evidence threshold and the nearest statements."""

    decisive_threshold: float = Field(ge=0, le=1, description="Least evidence strength for "
                                      "supported, contradicted or outdated.")
    nearest: int = Field(ge=0, le=20, description="Nearest statements shown with an "
                                                  "unverifiable claim.")
    stale_days: int = Field(60, ge=0, description="A unit's or facility's figure dated this "
                            "many days or more before the claim's date refutes it only weakly.")
    stale_days_forces: int = Field(730, ge=0, description="The same for a state's or a "
                                   "command's figures (armies change more slowly).")
    stale_strength: float = Field(0.6, ge=0, le=1)
    description: str


class RelationTolerance(_Frozen):
    """Tolerance of a relation claim: how near a garrison or venue must lie to a place."""

    place_km: float = Field(gt=0, description="A unit or event is 'in' a town within this "
                                              "distance (km).")
    recent_days: int = Field(gt=0, description="A value recorded this many days before the "
                                               "claim's date shows a series in operation.")
    region_score: float = Field(85, ge=50, le=100, description="A region's name spelt within "
                                "this rapidfuzz ratio of a recorded one is that region.")
    description: str


class EconomicTolerance(_Frozen):
    """Tolerance of an economic claim (a money amount, a tonnage, a trend of a series)."""

    relative: float = Field(ge=0, le=1, description="Largest relative difference a plain "
                            "figure's rounding may allow.")
    hedged_relative: float = Field(ge=0, le=1, description="Tolerance of a hedged figure "
                                   "(about, some, around).")
    stale_days: int = Field(gt=0, description="A series whose latest value is older than "
                            "this before the claim's date refutes only weakly.")
    collapse_share: float = Field(gt=0, lt=1, description="A fall of at least this share "
                                  "of the earlier value is a collapse.")
    nearest: int = Field(ge=0, le=20, description="Statements shown with an unverifiable "
                         "economic claim.")
    description: str


class MatchTolerance(_Frozen):
    """When the statement matcher may support a claim its kind's resolver left undecided."""

    retrieve: int = Field(ge=1, le=200, description="Statements retrieved per sentence.")
    name_words: int = Field(ge=1, description="Distinctive words of a record's name a "
                            "sentence must hold to be about it by name alone.")
    name_share: float = Field(gt=0, le=1, description="And this share of them (over at "
                              "most four); half of it with entities or summary words.")
    loose_score: float = Field(gt=0, description="Loose identification: name words count 1, "
                               "summary words 1/2, named venues, units or bodies among its "
                               "entities 1, named states 1/2; at least this much, with a name "
                               "word or a venue, unit or body.")
    entity_words: float = Field(gt=0, description="A loosely identified record is borne "
                                "out by the entities the sentence names only with this score "
                                "of its own words (name words 1, summary words 1/2).")
    common_share: float = Field(gt=0, le=1, description="A record pointed to by more than "
                                "this share of the subjects (a capital) counts like a state.")
    name_strength: float = Field(ge=0, le=1, description="Strength of a match by name.")
    entity_strength: float = Field(ge=0, le=1, description="Strength of a match by a name "
                                   "word with entities or summary words.")
    context_strength: float = Field(ge=0, le=1, description="Strength of a record named "
                                    "in the sentence before, for a figure whose sentence "
                                    "names no subject.")
    date_strength: float = Field(ge=0, le=1, description="Least identification strength for "
                                 "a date to support a claim.")
    relative: float = Field(ge=0, le=1, description="Tolerance of a plain figure.")
    hedged_relative: float = Field(ge=0, le=1, description="Tolerance of a hedged or round "
                                   "figure.")
    bound_factor: float = Field(gt=1, description="A bound ('more than X', 'up to X') holds "
                                "for a value within this factor of X.")
    future_days: int = Field(ge=0, description="A sentence in the future tense may be borne "
                             "out by a record this many days after its date.")
    content_words: int = Field(ge=1, description="An undated sentence without a figure is "
                               "borne out by an event it is about by name only when it holds "
                               "this many distinctive words of the event's name, aliases, "
                               "summary, participants and places ...")
    content_share: float = Field(gt=0, le=1, description="... and they are this share of "
                                 "its distinctive words.")
    content_retrieve: int = Field(ge=0, description="Events retrieved first for such a "
                                  "sentence are tried too, identified by content alone ...")
    content_share_alone: float = Field(gt=0, le=1, description="... with one word more and "
                                       "this share of the sentence's words.")
    place_near_km: float = Field(ge=0, le=1000, description="A place the sentence puts an "
                                 "event in is its record's when within this distance of one "
                                 "of the record's places (a town and its region).")
    description: str


class Tolerances(_Frozen):
    """Tolerances per claim kind (see ``data/claims/tolerances.yaml``)."""

    distance: NumericTolerance
    border_length: NumericTolerance
    barrier_length: BarrierTolerance
    gap_width: NumericTolerance
    strength: NumericTolerance
    count: CountTolerance
    weapon_range: NumericTolerance
    flight_time: NumericTolerance
    event_date: EventTolerance
    command: CommandTolerance
    attribution: NameTolerance
    gazetteer: GazetteerTolerance
    policy: PolicyTolerance
    relation: RelationTolerance
    economic: EconomicTolerance
    match: MatchTolerance


def tolerances_path() -> Path:
    """The packaged tolerances file."""
    return Path(str(files("eastflank") / "data" / "claims" / "tolerances.yaml"))


@lru_cache(maxsize=4)
def load_tolerances(path: Path | None = None) -> Tolerances:
    """Read and validate a tolerances file (default: the packaged one).

    Raises
    ------
    DataError
        If the file is missing, malformed, or a field is missing or out of range; the
        message names the file, line and field.
    """
    return load_document(path or tolerances_path(), Tolerances, DataError)
