"""Typed records of the eastflank dataset.

Every record type is declared once here, as a frozen pydantic model that rejects unknown
fields. Quantities carry their unit in the field name (``range_km``, ``personnel``). Files are
validated into these objects once, at load (see :mod:`eastflank.catalog`); nothing downstream
re-checks them.

Status vocabulary
-----------------
``established``
    Confirmed by official documents or several independent reputable sources.
``reported``
    Reported by reputable sources (news, think tanks) but not officially confirmed.
``claimed``
    Asserted by one party or one source only (seed 000 is a claimed source).
``hypothetical``
    A modelling assumption or counterfactual, with its reasoning in ``note``.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    model_validator,
)

__all__ = [
    "ACTOR_ID",
    "INDICATOR_UNITS",
    "KEBAB_ID",
    "OFFICES",
    "RECORD_TYPES",
    "Actor",
    "CommandBody",
    "Event",
    "Facility",
    "Figure",
    "Indicator",
    "ParentSpan",
    "Place",
    "Post",
    "Record",
    "Source",
    "Status",
    "Unit",
    "WeaponSystem",
]

KEBAB_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""Record ids are kebab-case ASCII: ``hrodna``, ``6th-mechanised-brigade``."""

ACTOR_ID = r"^[A-Z]{2}(-[A-Z]{2,3})?$|^NATO$|^EU$|^CSTO$|^UNION-STATE$"
"""Actors are named by ISO 3166 code (``BY``, ``RU``, ``PL``) or ``NATO``."""


def check_triangular(low: float, mode: float, high: float, suffix: str = "") -> None:
    """Raise ``ValueError`` unless ``low <= mode <= high`` (fields ``min``/``mode``/``max``
    with the unit ``suffix`` of their names, e.g. ``_h``)."""
    lo, mo, hi = f"min{suffix}", f"mode{suffix}", f"max{suffix}"
    expected = f"expected {lo} <= {mo} <= {hi}"
    if low > high:
        raise ValueError(f"{lo} {low:g} > {hi} {high:g}; {expected}")
    if not low <= mode <= high:
        raise ValueError(f"{mo} {mode:g} outside [{low:g}, {high:g}]; {expected}")


class Status(StrEnum):
    """How well a record is known (see the module docstring)."""

    ESTABLISHED = "established"
    REPORTED = "reported"
    CLAIMED = "claimed"
    HYPOTHETICAL = "hypothetical"


class _Frozen(BaseModel):
    # defer_build: a model's validator is built when first used, so a command that reads the
    # cached catalog (see eastflank.catcache) does not pay for every model at start-up.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True,
                              allow_inf_nan=False, defer_build=True)


class Source(_Frozen):
    """A citable source. Needs a title, an author or publisher, a year and a URL or page."""

    id: Annotated[str, Field(pattern=KEBAB_ID)]
    title: str = Field(min_length=1, description="Title of the work or page.")
    author: str | None = Field(None, description="Author(s); or give `publisher`.")
    publisher: str | None = Field(None, description="Publisher or organisation.")
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    date: dt.date | None = Field(None, description="Exact publication date, if known.")
    url: str | None = Field(None, description="URL of the work (http or https).")
    page: str | None = Field(None, description="Page, table or section cited.")
    kind: Literal[
        "official", "think-tank", "news", "academic", "reference", "dataset", "book", "seed"
    ] = "reference"
    status: Status = Field(
        Status.REPORTED, description="Reliability class of what this source asserts."
    )
    note: str | None = None

    @model_validator(mode="after")
    def _citable(self) -> Source:
        if not (self.author or self.publisher):
            raise ValueError("a source needs an 'author' or a 'publisher'")
        if not (self.url or self.page):
            raise ValueError("a source needs a 'url' or a 'page'")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"url must start with http:// or https://, got {self.url!r}")
        return self


class Figure(_Frozen):
    """One sourced value of a quantity; several figures of one quantity record a disagreement.

    When sources disagree, every value is kept with its own sources, and exactly one is
    ``preferred`` with a ``note`` saying why.
    """

    quantity: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(
        description="Quantity name with its unit, e.g. `active_personnel`, `range_km`."
    )
    value: float | None = Field(description="The value; null when a source says unknown.")
    low: float | None = Field(None, description="Lower end when a source gives a range.")
    high: float | None = Field(None, description="Upper end when a source gives a range.")
    as_of: dt.date | None = Field(None, description="Date the value refers to.")
    sources: list[Annotated[str, Field(pattern=KEBAB_ID)]] = Field(min_length=1)
    status: Status
    preferred: bool = False
    kind: Literal["official", "estimate", "planned", "recorded"] | None = Field(
        None, description="Whose figure it is: `official` (a government's or command's own "
        "figure), `estimate` (an observer's or another government's estimate), `planned` (a "
        "plan, target or capacity, not a count), `recorded` (a count of what was); when "
        "absent, the claim checker reads the kind from the quantity name and the note.")
    note: str | None = None


class Record(_Frozen):
    """Fields shared by every dataset record except sources."""

    id: Annotated[str, Field(pattern=KEBAB_ID)]
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="Other names and spellings.")
    status: Status
    sources: list[Annotated[str, Field(pattern=KEBAB_ID)]] = Field(
        min_length=1, description="Ids of the sources that support this record."
    )
    valid_from: dt.date | None = Field(None, description="First day the record holds.")
    valid_to: dt.date | None = Field(None, description="Last day the record holds.")
    figures: list[Figure] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _dates_ordered(self) -> Record:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(
                f"valid_to {self.valid_to} is before valid_from {self.valid_from}"
            )
        return self

    def valid_on(self, day: dt.date) -> bool:
        """Whether the record holds on ``day`` (bounds inclusive, open ends unbounded)."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


class Actor(Record):
    """A state or alliance, named by ISO 3166 code or ``NATO``."""

    id: Annotated[str, Field(pattern=ACTOR_ID)]
    kind: Literal["state", "alliance", "union", "region"]
    members: list[str] = Field(default_factory=list, description="Member actor ids.")


class Place(Record):
    """A located place in WGS84 (degrees)."""

    country: Annotated[str, Field(pattern=ACTOR_ID)]
    kind: Literal[
        "capital",
        "city",
        "town",
        "village",
        "air-base",
        "garrison",
        "training-ground",
        "border-crossing",
        "rail-crossing",
        "tripoint",
        "radar",
        "communications",
        "naval-base",
        "storage-site",
        "region",
        "point",
    ]
    lat: float = Field(ge=-90, le=90, description="Latitude, degrees north (WGS84).")
    lon: float = Field(ge=-180, le=180, description="Longitude, degrees east (WGS84).")
    admin: str | None = Field(None, description="Region/oblast/voivodeship it lies in.")
    oblast_capital: bool = Field(False, description="Seat of a first-level region.")


class EarlierSpan(_Frozen):
    """An earlier span of existence of a body of the same name (a district abolished and
    later re-created): from one day (``None``: not recorded) to the last day it existed."""

    valid_from: dt.date | None = None
    valid_to: dt.date
    sources: list[str] = Field(min_length=1)
    note: str | None = None


class CommandBody(Record):
    """A command authority: a head of state, staff, district, operational command, HQ."""

    actor: Annotated[str, Field(pattern=ACTOR_ID)]
    kind: Literal[
        "head-of-state",
        "council",
        "ministry",
        "general-staff",
        "military-district",
        "operational-command",
        "joint-grouping",
        "alliance-command",
        "corps-hq",
        "division-hq",
        "service-command",
        "defence-staff",
        "government",
    ]
    parent: str | None = Field(None, description="Id of the superior command body.")
    seat: str | None = Field(None, description="Place id of its headquarters.")
    earlier: list[EarlierSpan] = Field(
        default_factory=list, description="Earlier spans of existence before ``valid_from``, "
        "when a body of the same name was abolished and later re-created.")


class ParentSpan(_Frozen):
    """One dated parent of a unit: the parent command body or unit from one day to another.

    Bounds are inclusive; an open bound is unbounded. A unit lists its spans in date order,
    without overlaps; the catalog's dated slice (:meth:`eastflank.catalog.Catalog.as_of`) gives
    the unit the parent of the span valid that day.
    """

    parent: Annotated[str, Field(pattern=KEBAB_ID)] = Field(
        description="Id of the parent command body or unit during the span."
    )
    valid_from: dt.date | None = Field(None, description="First day of the span.")
    valid_to: dt.date | None = Field(None, description="Last day of the span.")
    sources: list[Annotated[str, Field(pattern=KEBAB_ID)]] = Field(min_length=1)
    status: Status
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> ParentSpan:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    def valid_on(self, day: dt.date) -> bool:
        """Whether the span holds on ``day`` (bounds inclusive, open ends unbounded)."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return not (self.valid_to is not None and day > self.valid_to)


class Unit(Record):
    """A military formation with a garrison and a parent command.

    ``parent`` is the current parent. A unit whose parent changed over time lists every dated
    parent in ``parents``; the last span's parent must then be ``parent``, and the catalog's
    dated slice gives the unit the parent valid on the slice date.
    """

    actor: Annotated[str, Field(pattern=ACTOR_ID)]
    branch: Literal[
        "ground",
        "airborne",
        "special-operations",
        "missile",
        "rocket-artillery",
        "artillery",
        "air",
        "air-defence",
        "engineer",
        "signals",
        "electronic-warfare",
        "logistics",
        "naval",
        "nuclear",
        "territorial",
        "multinational",
    ]
    echelon: Literal[
        "army", "corps", "division", "brigade", "regiment", "battalion", "battlegroup", "base",
        "group", "squadron",
    ]
    role: str | None = Field(None, description="e.g. mechanised, tank, air-assault, SRBM.")
    garrison: str | None = Field(None, description="Place id of the home garrison.")
    parent: str | None = Field(None, description="Id of the parent command body or unit.")
    lead_nation: Annotated[str, Field(pattern=ACTOR_ID)] | None = Field(
        None, description="Actor id of the framework (lead) nation of a multinational unit.")
    deployment: Literal["permanent", "rotational", "forward", "exercise", "training"] = (
        "permanent"
    )
    personnel: int | None = Field(None, ge=0, description="Personnel, if a source gives it.")
    equipment: dict[str, int] = Field(
        default_factory=dict, description="Main equipment counts, e.g. {'T-72B3 tanks': 41}."
    )
    weapon_systems: list[str] = Field(default_factory=list, description="Weapon-system ids.")
    weapon_systems_from: dict[str, dt.date] = Field(
        default_factory=dict,
        description="Date a listed weapon system entered service with the unit, when later "
        "than the unit itself; a dated slice leaves it out before then.",
    )
    parents: list[ParentSpan] = Field(
        default_factory=list,
        description="Dated parents, oldest first, when the parent changed over time.",
    )

    @model_validator(mode="after")
    def _parents_in_order(self) -> Unit:
        spans = self.parents
        for i, (a, b) in enumerate(pairwise(spans), start=1):
            if a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to:
                raise ValueError(
                    f"parents.{i} starts {b.valid_from} but parents.{i - 1} runs to "
                    f"{a.valid_to}; expected dated spans, oldest first, without overlap"
                )
        if spans and spans[-1].parent != self.parent:
            raise ValueError(
                f"parent {self.parent!r} differs from the latest dated parent "
                f"{spans[-1].parent!r} (parents.{len(spans) - 1}); expected them to agree"
            )
        return self

    def parent_on(self, day: dt.date) -> str | None:
        """The parent on ``day``: from ``parents`` when given (None if no span covers the
        day), else ``parent``."""
        if not self.parents:
            return self.parent
        return next((s.parent for s in self.parents if s.valid_on(day)), None)


class Facility(Record):
    """A fixed installation: radar, communications centre, air base, storage, range."""

    actor: Annotated[str, Field(pattern=ACTOR_ID)]
    operator: str | None = Field(None, description="Actor id of the operator, if different.")
    kind: Literal[
        "radar",
        "communications",
        "air-base",
        "training-ground",
        "training-centre",
        "nuclear-storage",
        "logistics-base",
        "missile-base",
        "naval-base",
        "headquarters",
    ]
    place: str = Field(description="Place id.")


class WeaponSystem(Record):
    """A weapon system with its performance figures (units in field names)."""

    kind: Literal[
        "ballistic-missile",
        "cruise-missile",
        "hypersonic-missile",
        "irbm",
        "mlrs",
        "sam",
        "aircraft",
        "artillery",
    ]
    origin: Annotated[str, Field(pattern=ACTOR_ID)]
    operators: list[str] = Field(default_factory=list, description="Actor ids operating it.")
    range_km: float | None = Field(None, gt=0, description="Maximum range (km).")
    min_range_km: float | None = Field(None, ge=0, description="Minimum range (km).")
    max_speed_kmh: float | None = Field(None, gt=0, description="Maximum speed (km/h).")
    max_speed_mach: float | None = Field(None, gt=0, description="Maximum speed (Mach).")
    apogee_km: float | None = Field(None, gt=0, description="Apogee of a ballistic flight.")
    ceiling_km: float | None = Field(None, gt=0, description="Engagement ceiling (SAM).")
    payload_kg: float | None = Field(None, gt=0, description="Warhead/payload mass (kg).")
    cep_m: float | None = Field(None, gt=0, description="Circular error probable (m).")
    nuclear_capable: bool | None = Field(None, description="Null when unknown.")
    variants: list[str] = Field(default_factory=list)
    parent_system: str | None = Field(None, description="Id of the system it belongs to.")


class Event(Record):
    """A dated event: exercise, treaty, deployment, reorganisation, statement."""

    kind: Literal[
        "exercise",
        "treaty",
        "agreement",
        "deployment",
        "reorganisation",
        "statement",
        "election",
        "war",
        "decision",
    ]
    date: dt.date
    end_date: dt.date | None = None
    actors: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list, description="Place ids.")
    summary: str = Field(min_length=1)

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError(f"end_date {self.end_date} is before date {self.date}")
        return self


IndicatorKind = Literal["official", "estimate", "planned", "reported"]
"""How an indicator value was produced: an ``official`` statistic or statement, an
``estimate`` by an outside analyst, a ``planned`` (announced, budgeted, contracted) figure, or a
``reported`` figure from the press whose origin is not stated."""

IndicatorUnit = Literal["t", "t/month", "t/year", "USD", "RUB", "USD/1000m3", "RUB/t", "percent"]
"""Units an indicator value may carry. Values are in these base units, never scaled
(1.2 million tonnes is ``1200000`` with unit ``t``)."""

INDICATOR_UNITS: tuple[str, ...] = get_args(IndicatorUnit)
"""Every indicator unit, in the order above."""


class Indicator(Record):
    """One dated value of an economic or other indicator series, with its source.

    Records sharing ``subject`` and ``quantity`` form one series (e.g. the oil delivered to
    Germany through the Druzhba pipeline's northern branch, per year). ``date`` is the day the
    value refers to, or the last day of the period when ``period_start`` is given.
    """

    subject: Annotated[str, Field(pattern=KEBAB_ID)] = Field(
        description="Series subject, e.g. `druzhba-northern-branch`, `belarus-debt-to-russia`."
    )
    quantity: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(
        description="What is measured, e.g. `oil_delivered`, `debt_outstanding`."
    )
    value: float | None = Field(description="The value; null when only a range is given.")
    low: float | None = Field(None, description="Lower end when a source gives a range.")
    high: float | None = Field(None, description="Upper end when a source gives a range.")
    unit: IndicatorUnit = Field(description="Unit of value/low/high (see INDICATOR_UNITS).")
    date: dt.date = Field(description="Day the value refers to (the period's last day).")
    period_start: dt.date | None = Field(None, description="First day of the period, if any.")
    kind: IndicatorKind
    actors: list[str] = Field(default_factory=list, description="Actor ids concerned.")

    @model_validator(mode="after")
    def _value_and_period(self) -> Indicator:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("a null value needs both 'low' and 'high'")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low:g} > high {self.high:g}")
        if self.period_start is not None and self.period_start > self.date:
            raise ValueError(f"period_start {self.period_start} is after date {self.date}")
        return self


Office = Literal[
    "head-of-state",
    "head-of-government",
    "defence-minister",
    "deputy-defence-minister",
    "foreign-minister",
    "interior-minister",
    "chief-of-general-staff",
    "commander-in-chief",
    "commander",
    "security-council-secretary",
    "secretary-general",
    "governor",
    "speaker-of-parliament",
    "spokesperson",
    "ambassador",
    "intelligence-chief",
    "border-guard-chief",
]
"""The kinds of office a :class:`Post` records. ``commander`` heads the command body named in
``body``; ``governor`` heads the region named by ``actor`` (``RU-KGD``)."""

OFFICES: tuple[str, ...] = get_args(Office)
"""Every office kind, in the order above."""

SINGLE_HOLDER_OFFICES: frozenset[str] = frozenset(OFFICES) - {
    "deputy-defence-minister", "spokesperson", "ambassador"}
"""Offices one person holds at a time (for one actor and body): their terms may not overlap."""


class Post(Record):
    """A person in an office, from ``valid_from`` (took office) to ``valid_to`` (left it; open
    while in office as of the sources).

    ``name`` reads "Person, title" ("Viktor Khrenin, Minister of Defence of Belarus");
    ``aliases`` are other spellings of the person's name ("Victor Khrenin"), never the title.
    """

    person: str = Field(min_length=1, description="The holder's name as English texts write it.")
    office: Office
    title: str = Field(min_length=1, description="The office's title as the sources give it.")
    actor: Annotated[str, Field(pattern=ACTOR_ID)] = Field(
        description="Actor id of the state, region or alliance whose office it is.")
    body: str | None = Field(None, description="Id of the command body the office heads.")
    valid_from: dt.date = Field(description="First day in office.")


RECORD_TYPES: dict[str, type[_Frozen]] = {
    "sources": Source,
    "actors": Actor,
    "places": Place,
    "command_bodies": CommandBody,
    "units": Unit,
    "facilities": Facility,
    "weapon_systems": WeaponSystem,
    "events": Event,
    "indicators": Indicator,
    "posts": Post,
}
"""Dataset folder name -> record type. Each folder under ``data/`` holds YAML lists."""


# =============================================================================================
# Stages: command frameworks (who holds which authority over which forces, and the consents
# between a decision and an order). One YAML document per stage under ``data/stages/``; loaded
# and cross-checked against the dataset by :mod:`eastflank.stages`.
# =============================================================================================

__all__ += [
    "AUTHORITIES",
    "Assignment",
    "Authority",
    "Channel",
    "DelayHours",
    "ForceGroup",
    "Gate",
    "Selector",
    "Stage",
    "Statement",
]


class Authority(StrEnum):
    """An authority a command body may hold over a force.

    ``administer``
        Manning, pay, housing, pensions, upkeep: the administrative control seed 000 says
        Minsk keeps.
    ``move``
        Order a force to move, deploy or redeploy.
    ``designate_targets``
        Assign targets to a force.
    ``initiate_combat``
        Order a force into combat (open fire, cross a border).
    ``nuclear_release``
        Release nuclear warheads for use by a force.
    """

    ADMINISTER = "administer"
    MOVE = "move"
    DESIGNATE_TARGETS = "designate_targets"
    INITIATE_COMBAT = "initiate_combat"
    NUCLEAR_RELEASE = "nuclear_release"


AUTHORITIES: tuple[Authority, ...] = tuple(Authority)
"""Every authority, in the order above."""


def _as_list(value: object) -> object:
    """Let a selector field be written as one value or as a list of values."""
    if value is None:
        return []
    if isinstance(value, str | int | dict):
        return [value]
    return value


_Ids = Annotated[list[Annotated[str, Field(pattern=KEBAB_ID)]], BeforeValidator(_as_list)]
_Strs = Annotated[list[str], BeforeValidator(_as_list)]
_Actors = Annotated[list[Annotated[str, Field(pattern=ACTOR_ID)]], BeforeValidator(_as_list)]


class _Sourced(_Frozen):
    """A statement of the stage: sourced, or ``hypothetical`` with its reasoning in ``note``."""

    status: Status
    sources: list[Annotated[str, Field(pattern=KEBAB_ID)]] = Field(
        default_factory=list, description="Ids of the sources that support it."
    )
    note: str | None = Field(None, description="Reasoning, caveats; required if hypothetical.")

    @model_validator(mode="after")
    def _sourced_or_reasoned(self) -> _Sourced:
        if self.status is Status.HYPOTHETICAL:
            if not self.note:
                raise ValueError("a hypothetical statement needs its reasoning in 'note'")
        elif not self.sources:
            raise ValueError(
                f"status {self.status.value!r} needs at least one source id in 'sources' "
                "(or set status 'hypothetical' and give the reasoning in 'note')"
            )
        return self


class DelayHours(_Sourced):
    """A triangular delay distribution, in hours: lower limit, mode, upper limit.

    Units: hours. ``min_h <= mode_h <= max_h``; ``min_h == max_h`` is a fixed delay.
    """

    min_h: float = Field(ge=0, description="Shortest delay (hours).")
    mode_h: float = Field(ge=0, description="Most likely delay (hours).")
    max_h: float = Field(ge=0, description="Longest delay (hours).")

    @model_validator(mode="after")
    def _ordered(self) -> DelayHours:
        check_triangular(self.min_h, self.mode_h, self.max_h, "_h")
        return self

    @property
    def mean_h(self) -> float:
        """Mean of the distribution (hours): ``(min_h + mode_h + max_h) / 3``."""
        return (self.min_h + self.mode_h + self.max_h) / 3.0


_SelectKind = Literal["units", "facilities"]


def _units_only() -> list[_SelectKind]:
    return ["units"]


class Selector(_Frozen):
    """Selects dataset records (units, facilities) for a force group.

    Fields combine with AND; the values listed in one field combine with OR; an empty field
    selects everything. A force group's selectors combine with OR.
    """

    kind: Annotated[list[_SelectKind], BeforeValidator(_as_list)] = Field(
        default_factory=_units_only, description="Record kinds to select from."
    )
    actor: _Actors = Field(default_factory=list, description="Actor codes (BY, RU).")
    branch: _Strs = Field(default_factory=list, description="Unit branches (ground, air...).")
    echelon: _Strs = Field(default_factory=list, description="Unit echelons (brigade...).")
    role: _Strs = Field(
        default_factory=list, description="Case-insensitive substrings of the unit role."
    )
    deployment: _Strs = Field(default_factory=list, description="permanent, forward, ...")
    facility_kind: _Strs = Field(default_factory=list, description="Facility kinds.")
    located_in: _Actors = Field(
        default_factory=list,
        description="Country of the garrison (units) or place (facilities).",
    )
    under: _Ids = Field(
        default_factory=list,
        description="Command bodies or units the record sits under (its parent chain).",
    )
    weapon_systems: _Ids = Field(
        default_factory=list, description="Weapon-system ids the unit operates."
    )
    ids: _Ids = Field(
        default_factory=list, description="Explicit record ids: a last resort, say why."
    )


class ForceGroup(_Frozen):
    """A named set of forces, defined by selectors over the dataset as of the stage date."""

    id: Annotated[str, Field(pattern=KEBAB_ID)]
    name: str = Field(min_length=1)
    select: Annotated[list[Selector], BeforeValidator(_as_list)] = Field(min_length=1)
    exclude: Annotated[list[Selector], BeforeValidator(_as_list)] = Field(
        default_factory=list, description="Records matching any of these are left out."
    )
    note: str | None = None


class Gate(_Sourced):
    """A consent that must be given between a decision and an order, and how long it takes."""

    consent: Annotated[str, Field(pattern=KEBAB_ID)] = Field(
        description="Command body whose consent is required (a veto point)."
    )
    delay: DelayHours = Field(description="Time to obtain the consent (hours).")


class Assignment(_Sourced):
    """Which command body holds one authority over one force group, and by which path."""

    group: Annotated[str, Field(pattern=KEBAB_ID)]
    authority: Authority
    holder: Annotated[str, Field(pattern=KEBAB_ID)] = Field(
        description="Command body that holds the authority."
    )
    via: _Ids = Field(
        default_factory=list,
        description="Bodies an order passes from the holder before it joins the unit's own "
        "parent chain; empty when the holder is in that chain.",
    )
    gates: list[Gate] = Field(default_factory=list)
    hop_delay: DelayHours | None = Field(
        None, description="Per-hop transmission delay; default: the stage's."
    )


class Channel(_Sourced):
    """How a body that does not hold an authority obtains an order: it asks ``to_body``.

    ``to_body`` decides and may refuse: it is a veto point of every chain through the channel.
    """

    from_body: Annotated[str, Field(pattern=KEBAB_ID)]
    to_body: Annotated[str, Field(pattern=KEBAB_ID)]
    authorities: Annotated[list[Authority], BeforeValidator(_as_list)] = Field(
        default_factory=lambda: list(AUTHORITIES), description="Default: every authority."
    )
    groups: _Ids = Field(default_factory=list, description="Default: every force group.")
    delay: DelayHours = Field(description="Time for the request to be decided (hours).")


class Statement(_Frozen):
    """What an actor has said on a question of the stage (e.g. Belarusian nuclear consent)."""

    actor: Annotated[str, Field(pattern=ACTOR_ID)]
    speaker: str = Field(min_length=1)
    date: dt.date
    topic: str = Field(min_length=1, description="e.g. `nuclear-consent`.")
    summary: str = Field(min_length=1, description="What was said, in our words.")
    status: Status
    sources: list[Annotated[str, Field(pattern=KEBAB_ID)]] = Field(min_length=1)


class Stage(_Sourced):
    """An integration stage: a command framework as of a date.

    ``force_groups`` select forces from the dataset as of ``date``; ``assignments`` give, per
    group and authority, the holding body, the path of an order and the consents (``gates``);
    ``channels`` say how a body without an authority may obtain an order; ``hop_delay`` is the
    transmission delay of each hop of a chain. See :mod:`eastflank.command`.
    """

    id: Annotated[str, Field(pattern=KEBAB_ID)]
    name: str = Field(min_length=1)
    date: dt.date
    summary: str = Field(min_length=1)
    hop_delay: DelayHours = Field(description="Transmission delay per hop (hours).")
    force_groups: list[ForceGroup] = Field(min_length=1)
    assignments: list[Assignment] = Field(min_length=1)
    channels: list[Channel] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)

    _file: str | None = PrivateAttr(None)
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def where(self, path: str = "") -> tuple[str | None, int | None]:
        """The file and line a dotted field path (``assignments.3.holder``) was read from.

        Falls back to the nearest enclosing path; ``(None, None)`` for a stage built in code.
        """
        parts = path.split(".") if path else []
        while parts:
            line = self._lines.get(".".join(parts))
            if line is not None:
                return self._file, line
            parts.pop()
        return self._file, self._lines.get("")


# =============================================================================================
# Scenario: warning-time scenarios (objective, forces by stage, movement, indicators), declared
# in eastflank.scenario and re-exported here lazily (eastflank.scenario imports this module).
# =============================================================================================
def __getattr__(name: str) -> object:
    if name == "Scenario":
        from eastflank.scenario import Scenario

        return Scenario
    raise AttributeError(f"module 'eastflank.schema' has no attribute {name!r}")
