"""Official border lengths next to the measured ones, and border totals such as Belarus–NATO.

Generalised 1:10m border lines run 20-30% shorter than official lengths, which follow every
bend of the border rivers; official figures differ among themselves too (the CIA World
Factbook against the states' border commissions). Both are always shown together: the
measured length from :func:`eastflank.geo.measure.shared_border` and every official figure
with its sources, one of them *preferred* with the reason in its note.

The official figures and NATO accession dates live in ``data/geo/borders.yaml``, validated
into :class:`BorderData`.

Examples
--------
>>> from eastflank.geo.atlas import default_region
>>> cmp = compare_border(default_region(), default_border_data(), "BY", "PL")
>>> cmp.preferred_km
427.9
>>> 300 < cmp.geometric_km < cmp.preferred_km
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eastflank.catalog import Catalog, data_dir
from eastflank.errors import DataError
from eastflank.geo.atlas import ATLAS_LABEL, SCALE, TERRITORIES, Region
from eastflank.geo.measure import shared_border
from eastflank.schema import KEBAB_ID, Status
from eastflank.yamlio import load_document

__all__ = [
    "BorderComparison",
    "BorderData",
    "BorderRecord",
    "BorderTotal",
    "Membership",
    "OfficialFigure",
    "OfficialLength",
    "belarus_nato_border",
    "border_total",
    "borders_file",
    "check_border_sources",
    "compare_border",
    "default_border_data",
    "load_border_data",
    "russia_nato_border",
]

Basis = Literal["factbook", "national", "reference"]
TerritoryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}(-[A-Z]{3})?$")]
SourceId = Annotated[str, Field(pattern=KEBAB_ID)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class OfficialLength(_Frozen):
    """One published length of a border, with its sources."""

    value_km: float = Field(gt=0, description="Length of the border, km.")
    basis: Basis = Field(
        description="factbook (CIA World Factbook), national (a border commission or "
        "authority of one of the two states) or reference (secondary works)."
    )
    sources: list[SourceId] = Field(min_length=1)
    status: Status
    preferred: bool = Field(False, description="The figure to use; exactly one per border.")
    as_of: dt.date | None = Field(None, description="Date of the measurement, if known.")
    note: str | None = None


class BorderRecord(_Frozen):
    """The published lengths of the border between two territories."""

    id: Annotated[str, Field(pattern=KEBAB_ID)]
    territories: tuple[TerritoryCode, TerritoryCode]
    lengths: list[OfficialLength] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _one_preferred(self) -> BorderRecord:
        n = sum(length.preferred for length in self.lengths)
        if n != 1:
            raise ValueError(f"expected exactly one preferred length, got {n}")
        unknown = [t for t in self.territories if t not in TERRITORIES]
        if unknown:
            raise ValueError(
                f"unknown territory {unknown[0]!r}; expected one of {', '.join(TERRITORIES)}"
            )
        return self

    @property
    def preferred(self) -> OfficialLength:
        """The preferred length."""
        return next(length for length in self.lengths if length.preferred)


class Membership(_Frozen):
    """A territory's accession to an alliance."""

    territory: TerritoryCode
    alliance: Literal["NATO"] = "NATO"
    joined: dt.date
    sources: list[SourceId] = Field(min_length=1)


class BorderData(_Frozen):
    """Official border lengths and alliance memberships (``data/geo/borders.yaml``)."""

    borders: list[BorderRecord]
    memberships: list[Membership]

    def find(self, a: str, b: str) -> BorderRecord | None:
        """The record of the border between ``a`` and ``b`` (either order), if any."""
        for rec in self.borders:
            if set(rec.territories) == {a, b}:
                return rec
        return None

    def nato_members(self, as_of: dt.date | None = None) -> list[str]:
        """Territories that are NATO members on ``as_of`` (default: every listed member)."""
        return [
            m.territory
            for m in self.memberships
            if m.alliance == "NATO" and (as_of is None or m.joined <= as_of)
        ]


def borders_file() -> Path:
    """The packaged file of official border lengths."""
    return data_dir() / "geo" / "borders.yaml"


def load_border_data(path: Path | None = None) -> BorderData:
    """Read and validate the official border lengths.

    Raises
    ------
    DataError
        If the file is missing or malformed, naming file, line, record and field.
    """
    return load_document(path or borders_file(), BorderData, DataError)


@lru_cache(maxsize=1)
def default_border_data() -> BorderData:
    """The packaged border data, loaded once per process."""
    return load_border_data()


def check_border_sources(data: BorderData, catalog: Catalog, file: str | None = None) -> None:
    """Every figure and membership cites sources that exist in ``catalog``.

    Raises
    ------
    DataError
        Naming the border or membership and the unknown source id.
    """
    where = file or str(borders_file())
    for rec in data.borders:
        for i, length in enumerate(rec.lengths):
            for sid in length.sources:
                if sid not in catalog.sources:
                    raise DataError(
                        f"unknown source id {sid!r}", file=where, record=rec.id,
                        field=f"lengths.{i}.sources",
                    )
    for m in data.memberships:
        for sid in m.sources:
            if sid not in catalog.sources:
                raise DataError(
                    f"unknown source id {sid!r}", file=where, record=f"membership {m.territory}",
                    field="sources",
                )


# -- results ------------------------------------------------------------------------------
@dataclass(frozen=True)
class OfficialFigure:
    """A published length as reported in results, with its sources spelled out."""

    value_km: float
    basis: str
    status: str
    preferred: bool
    sources: list[dict[str, Any]]
    as_of: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class BorderComparison:
    """A border measured on the 1:10m lines next to its official lengths.

    Attributes
    ----------
    geometric_km
        Geodesic length of the common 1:10m boundary, km.
    official
        Every published figure, with sources.
    preferred_km
        The preferred published figure (``None`` when the dataset has none).
    geometric_share
        ``geometric_km / preferred_km``: how much of the official length the generalised
        line keeps (typically 0.7-0.8).
    """

    a: str
    b: str
    geometric_km: float
    official: list[OfficialFigure]
    preferred_km: float | None
    geometric_share: float | None
    scale: str = SCALE
    data: str = ATLAS_LABEL


@dataclass(frozen=True)
class BorderTotal:
    """A sum of borders, both ways: measured at 1:10m and from the official figures.

    Attributes
    ----------
    pairs
        The borders summed.
    geometric_km
        Sum of the measured lengths.
    preferred_km
        Sum of the preferred official figures (borders without one are listed in
        ``missing_official``).
    by_basis
        Sum over a single basis (``factbook``, ``national``) when every border has a figure
        on that basis; otherwise ``None``.
    """

    label: str
    as_of: str | None
    pairs: list[BorderComparison]
    geometric_km: float
    preferred_km: float
    by_basis: dict[str, float | None]
    missing_official: list[str] = field(default_factory=list)
    scale: str = SCALE
    data: str = ATLAS_LABEL


def _source_details(ids: Iterable[str], catalog: Catalog | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for sid in ids:
        src = catalog.sources.get(sid) if catalog is not None else None
        if src is None:
            out.append({"id": sid})
        else:
            out.append(
                {
                    "id": sid,
                    "title": src.title,
                    "by": src.author or src.publisher,
                    "year": src.year,
                    "url": src.url,
                }
            )
    return out


def compare_border(
    region: Region, data: BorderData, a: str, b: str, catalog: Catalog | None = None
) -> BorderComparison:
    """The border between ``a`` and ``b``: measured length and every official figure.

    Parameters
    ----------
    region
        The territories.
    data
        The official figures.
    a, b
        Territory codes or names.
    catalog
        When given, each figure's sources are spelled out (title, author, year, URL).

    Raises
    ------
    UnknownNameError
        If a territory is unknown.
    """
    ta, tb = region.get(a), region.get(b)
    measured = shared_border(region, ta.code, tb.code)
    rec = data.find(ta.code, tb.code)
    figures = [
        OfficialFigure(
            value_km=length.value_km,
            basis=length.basis,
            status=length.status.value,
            preferred=length.preferred,
            sources=_source_details(length.sources, catalog),
            as_of=length.as_of.isoformat() if length.as_of else None,
            note=length.note,
        )
        for length in (rec.lengths if rec is not None else [])
    ]
    preferred = rec.preferred.value_km if rec is not None else None
    share = measured.length_km / preferred if preferred else None
    return BorderComparison(ta.code, tb.code, measured.length_km, figures, preferred, share)


def border_total(
    region: Region,
    data: BorderData,
    pairs: Sequence[tuple[str, str]],
    label: str,
    as_of: dt.date | None = None,
    catalog: Catalog | None = None,
) -> BorderTotal:
    """Sum several borders, measured and official (see :class:`BorderTotal`)."""
    rows = [compare_border(region, data, a, b, catalog) for a, b in pairs]
    by_basis: dict[str, float | None] = {}
    for basis in ("factbook", "national"):
        total = 0.0
        for row in rows:
            values = [f.value_km for f in row.official if f.basis == basis]
            if not values:
                by_basis[basis] = None
                break
            total += values[0]
        else:
            by_basis[basis] = total if rows else None
    return BorderTotal(
        label=label,
        as_of=as_of.isoformat() if as_of else None,
        pairs=rows,
        geometric_km=sum(r.geometric_km for r in rows),
        preferred_km=sum(r.preferred_km or 0.0 for r in rows),
        by_basis=by_basis,
        missing_official=[f"{r.a}-{r.b}" for r in rows if r.preferred_km is None],
    )


def _nato_neighbours(
    region: Region, data: BorderData, codes: Sequence[str], as_of: dt.date | None
) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    members = [m for m in data.nato_members(as_of) if m in region.territories]
    for code in codes:
        for member in members:
            if shared_border(region, code, member).length_km > 0:
                pairs.append((code, member))
    return pairs


def belarus_nato_border(
    region: Region,
    data: BorderData,
    as_of: dt.date | None = None,
    catalog: Catalog | None = None,
) -> BorderTotal:
    """Belarus's land border with NATO states (Poland, Lithuania, Latvia), both ways.

    This is the length by which a direct Russia–NATO border would grow if Belarus's border
    became Russia's: Banasik (2022) puts it at "about 1,200 kilometers".

    Parameters
    ----------
    as_of
        Count only states that were NATO members on this date (default: all listed).
    """
    pairs = _nato_neighbours(region, data, ["BY"], as_of)
    return border_total(region, data, pairs, "Belarus-NATO land border", as_of, catalog)


def russia_nato_border(
    region: Region,
    data: BorderData,
    as_of: dt.date | None = None,
    catalog: Catalog | None = None,
) -> BorderTotal:
    """Russia's land border (Kaliningrad included) with NATO states on ``as_of``, both ways.

    Finland counts from its accession on 2023-04-04; the default counts every listed member.
    """
    pairs = _nato_neighbours(region, data, ["RU", "RU-KGD"], as_of)
    return border_total(region, data, pairs, "Russia-NATO land border", as_of, catalog)
