"""Load, cross-check, slice and export the eastflank dataset.

The dataset is a folder of YAML files, one sub-folder per record kind (see
:data:`eastflank.schema.RECORD_TYPES`). :func:`load_catalog` reads every file, validates each
record into its frozen schema type, runs the consistency rules and returns a :class:`Catalog`.

Examples
--------
>>> cat = load_catalog()
>>> cat.get("banasik-2022").year
2022
>>> cat.resolve("Grodno", kind="places").id
'hrodna'

Look-up by id, name or alias is exact (case and diacritics folded, see :func:`fold`); a near
miss is an error listing the nearest names. :meth:`Catalog.find` is the typo-tolerant search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar, cast

from eastflank import catcache
from eastflank.consistency import check_all
from eastflank.errors import AmbiguousNameError, DataError, EastflankError, UnknownNameError
from eastflank.policy import check_name_length, fold, path_kind
from eastflank.schema import (
    RECORD_TYPES,
    Actor,
    CommandBody,
    Event,
    Facility,
    Indicator,
    Place,
    Record,
    Source,
    Unit,
    WeaponSystem,
)
from eastflank.yamlio import Located, load_records, yaml_files

__all__ = ["KINDS", "Catalog", "data_dir", "fold", "load_catalog"]

KINDS: tuple[str, ...] = tuple(RECORD_TYPES)
"""Record kinds in load order."""

R = TypeVar("R", bound=Record)


def data_dir() -> Path:
    """The folder of the packaged dataset."""
    return Path(str(files("eastflank") / "data"))


@dataclass(frozen=True)
class Catalog:
    """A validated dataset: records by kind and id, with where each came from.

    Create one with :func:`load_catalog`; slice it by date with :meth:`as_of`.
    """

    records: Mapping[str, Mapping[str, Any]]
    where: Mapping[str, Located] = field(default_factory=dict, repr=False)
    as_of_date: dt.date | None = None
    base: Catalog | None = field(default=None, repr=False, compare=False)
    """For a dated slice, the whole catalog it was cut from (references may point out of the
    slice, e.g. to a command that no longer exists on the date)."""

    # -- access ---------------------------------------------------------------------------
    def _kind(self, kind: str) -> Mapping[str, Any]:
        if kind not in self.records:
            raise UnknownNameError("record kind", kind, _nearest(kind, KINDS))
        return self.records[kind]

    @property
    def sources(self) -> Mapping[str, Source]:
        return cast(Mapping[str, Source], self.records["sources"])

    @property
    def actors(self) -> Mapping[str, Actor]:
        return cast(Mapping[str, Actor], self.records["actors"])

    @property
    def places(self) -> Mapping[str, Place]:
        return cast(Mapping[str, Place], self.records["places"])

    @property
    def units(self) -> Mapping[str, Unit]:
        return cast(Mapping[str, Unit], self.records["units"])

    @property
    def facilities(self) -> Mapping[str, Facility]:
        return cast(Mapping[str, Facility], self.records["facilities"])

    @property
    def weapon_systems(self) -> Mapping[str, WeaponSystem]:
        return cast(Mapping[str, WeaponSystem], self.records["weapon_systems"])

    @property
    def command_bodies(self) -> Mapping[str, CommandBody]:
        return cast(Mapping[str, CommandBody], self.records["command_bodies"])

    @property
    def events(self) -> Mapping[str, Event]:
        return cast(Mapping[str, Event], self.records["events"])

    @property
    def indicators(self) -> Mapping[str, Indicator]:
        return cast(Mapping[str, Indicator], self.records.get("indicators", {}))

    def series(self, subject: str, quantity: str | None = None) -> list[Indicator]:
        """The indicator records of ``subject`` (and ``quantity``), oldest first."""
        recs = [r for r in self.indicators.values()
                if r.subject == subject and (quantity is None or r.quantity == quantity)]
        return sorted(recs, key=lambda r: (r.date, r.id))

    def kind_of(self, record_id: str) -> str:
        """The kind (folder name) of the record ``record_id`` (an exact id)."""
        check_name_length(record_id)
        for kind, recs in self.records.items():
            if record_id in recs:
                return kind
        raise UnknownNameError("record", record_id, self.suggest(record_id))

    def get(self, record_id: str) -> Any:
        """The record with id ``record_id``, of any kind.

        Raises
        ------
        UnknownNameError
            If no record has that id; the error lists the nearest names.
        """
        return self.records[self.kind_of(record_id)][record_id]

    def iter_records(self, kinds: Iterable[str] | None = None) -> Iterator[Any]:
        """Every record of the given kinds (default: all), in kind then file order."""
        for kind in kinds or KINDS:
            yield from self._kind(kind).values()

    def counts(self) -> dict[str, int]:
        """Number of records per kind."""
        return {kind: len(recs) for kind, recs in self.records.items()}

    # -- selection ------------------------------------------------------------------------
    def actor_of(self, rec: Any) -> str | None:
        """The actor a record belongs to: ``actor``, a place's ``country``, a system's origin."""
        for attr in ("actor", "country", "origin"):
            value = getattr(rec, attr, None)
            if value:
                return str(value)
        if isinstance(rec, Actor):
            return rec.id
        return None

    def belongs_to(self, rec: Any, actor: str) -> bool:
        """Whether ``rec`` belongs to ``actor``, an alliance counting its members' records."""
        own = self.actor_of(rec)
        if own == actor:
            return True
        if isinstance(rec, WeaponSystem) and actor in rec.operators:
            return True
        group = self.actors.get(actor)
        if group is not None and group.members:
            return own in group.members or (
                isinstance(rec, WeaponSystem) and bool(set(rec.operators) & set(group.members))
            )
        return False

    def select(self, kind: str, actor: str | None = None) -> list[Any]:
        """Records of ``kind`` (optionally only those of ``actor``), in file order.

        Raises
        ------
        UnknownNameError
            If ``kind`` or ``actor`` is not known.
        """
        recs = list(self._kind(kind).values())
        if actor is None:
            return recs
        if actor not in self.actors:
            raise UnknownNameError("actor", actor, _nearest(actor, self.actors))
        return [r for r in recs if self.belongs_to(r, actor)]

    def describe(self, record_id: str) -> dict[str, Any]:
        """A record with its kind, where it is defined, its sources and its references spelled out.

        Returns a JSON-ready dict: ``kind``, ``record`` (all fields), ``defined_at``
        (``file:line``), ``sources`` (full source records) and, where they apply, ``garrison``,
        ``place``, ``seat`` (place id, name, lat, lon) and ``parent`` (id, name, kind).
        """
        kind = self.kind_of(record_id)
        rec = self.records[kind][record_id]
        out: dict[str, Any] = {"kind": kind, "record": rec.model_dump(mode="json")}
        loc = self.where.get(record_id)
        if loc is not None:
            out["defined_at"] = f"{_short(loc.file)}:{loc.line}"
        source_ids = list(getattr(rec, "sources", []))
        for fig in getattr(rec, "figures", []):
            source_ids += [s for s in fig.sources if s not in source_ids]
        out["sources"] = [
            self.sources[s].model_dump(mode="json", exclude_none=True)
            for s in source_ids
            if s in self.sources
        ]
        for attr in ("garrison", "place", "seat"):
            pid = getattr(rec, attr, None)
            if hasattr(rec, attr):
                out[attr] = None
            ref = self._reference(pid, "places") if isinstance(pid, str) else None
            if ref is not None:
                p, _, in_slice = ref
                out[attr] = {"id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon}
                if not in_slice:
                    out[attr]["valid_on_date"] = False
        parent = getattr(rec, "parent", None)
        if hasattr(rec, "parent"):
            out["parent"] = None
        if isinstance(parent, str):
            pk = next((k for k, recs in self.records.items() if parent in recs), None)
            name = self.records[pk][parent].name if pk else None
            out["parent"] = {"id": parent, "name": name, "kind": pk}
        return out

    def _reference(self, rid: str, kind: str | None = None) -> tuple[Any, str, bool] | None:
        """(record, kind, whether it is in this slice) of a referenced id, looked up in the
        slice first and then in the whole catalog it was cut from."""
        for cat, in_slice in ((self, True), (self.base, False)):
            if cat is None:
                continue
            for k in (kind,) if kind else tuple(cat.records):
                if rid in cat.records.get(k, {}):
                    return cat.records[k][rid], k, in_slice
        return None

    # -- names ----------------------------------------------------------------------------
    @cached_property
    def _names(self) -> dict[str, list[tuple[str, str]]]:
        """Folded names and aliases (see :func:`fold`) -> [(kind, id)], for look-up."""
        table: dict[str, list[tuple[str, str]]] = {}
        for kind, recs in self.records.items():
            for rid, rec in recs.items():
                names = [rid]
                if isinstance(rec, Record):
                    names += [rec.name, *rec.aliases]
                else:
                    names.append(rec.title)
                for n in names:
                    entries = table.setdefault(fold(n), [])
                    if (kind, rid) not in entries:
                        entries.append((kind, rid))
        return table

    def suggest(self, name: str, kind: str | None = None, limit: int = 3) -> list[str]:
        """Nearest known ids to ``name`` (typo-tolerant), best first."""
        return [hit["id"] for hit in self.find(name, kind, limit=limit, min_score=60)]

    def find(self, name: str, kind: str | None = None, limit: int = 10,
             min_score: float = 50) -> list[dict[str, Any]]:
        """Typo-tolerant search of ids, names and aliases; the best ``limit`` records.

        Each hit is ``{"id", "kind", "name", "matched", "score"}`` (score 0-100, best first).
        This is the only look-up that tolerates typos; :meth:`resolve` and :meth:`get` are exact.
        """
        check_name_length(name)
        pool: dict[str, list[tuple[str, str]]] = {
            key: [e for e in entries if kind is None or e[0] == kind]
            for key, entries in self._names.items()
        }
        pool = {k: v for k, v in pool.items() if v}
        from rapidfuzz import process

        hits = process.extract(fold(name), list(pool), scorer=_find_score,
                               limit=max(limit * 3, 10), score_cutoff=min_score)
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for key, score, _ in hits:
            for k, rid in pool[key]:
                if rid in seen:
                    continue
                seen.add(rid)
                rec = self.records[k][rid]
                out.append({"id": rid, "kind": k,
                            "name": getattr(rec, "name", None) or getattr(rec, "title", rid),
                            "matched": key, "score": round(float(score), 1)})
        return out[:limit]

    def resolve(self, name: str, kind: str | None = None) -> Any:
        """The record whose id, name or alias is ``name``, exactly (case and diacritics folded).

        A near miss is never taken for another record: use :meth:`find` for a typo-tolerant
        search.

        Raises
        ------
        UnknownNameError
            If nothing matches exactly; the error lists the nearest names.
        AmbiguousNameError
            If the name belongs to several records; the error lists them.
        """
        check_name_length(name)
        if kind is not None:
            self._kind(kind)
            if name in self.records[kind]:
                return self.records[kind][name]
        else:
            for recs in self.records.values():
                if name in recs:
                    return recs[name]
        exact = [e for e in self._names.get(fold(name), []) if kind is None or e[0] == kind]
        if len({rid for _, rid in exact}) == 1:
            k, rid = exact[0]
            return self.records[k][rid]
        label = (kind or "record").rstrip("s").replace("_", " ")
        if exact:
            raise AmbiguousNameError(label, name, [rid for _, rid in exact])
        raise UnknownNameError(label, name, self.suggest(name, kind))

    # -- time -----------------------------------------------------------------------------
    def as_of(self, day: dt.date) -> Catalog:
        """The dataset as it stood on ``day``: records valid then, events and indicator values
        up to then; each unit with the weapon systems it had and the parent it had that day.

        Sources are kept whole, so every record of the slice still resolves to its sources.
        """
        sliced: dict[str, dict[str, Any]] = {}
        for kind, recs in self.records.items():
            if kind == "sources":
                sliced[kind] = dict(recs)
            elif kind in ("events", "indicators"):
                sliced[kind] = {i: r for i, r in recs.items() if r.date <= day}
            else:
                sliced[kind] = {i: r for i, r in recs.items() if r.valid_on(day)}
        sliced["units"] = {
            i: _parent_on(_systems_on(u, day), day) for i, u in sliced["units"].items()
        }
        return Catalog(sliced, self.where, day, base=self.base or self)

    # -- export ---------------------------------------------------------------------------
    def to_duckdb(self, path: Path, force: bool = False) -> None:
        """Write every kind as a table into a DuckDB file (see :mod:`eastflank.export`)."""
        from eastflank.export import write_duckdb

        write_duckdb(self, path, force)


def _systems_on(unit: Unit, day: dt.date) -> Unit:
    """``unit`` with only the weapon systems it had in service on ``day``."""
    later = [s for s, since in unit.weapon_systems_from.items() if since > day]
    if not later:
        return unit
    return unit.model_copy(update={
        "weapon_systems": [s for s in unit.weapon_systems if s not in later],
        "weapon_systems_from": {
            s: d for s, d in unit.weapon_systems_from.items() if s not in later
        },
    })


def _parent_on(unit: Unit, day: dt.date) -> Unit:
    """``unit`` with ``parent`` set to its dated parent on ``day`` (see ``Unit.parents``)."""
    parent = unit.parent_on(day)
    if parent == unit.parent:
        return unit
    return unit.model_copy(update={"parent": parent})


def _short(file: str) -> str:
    """A file path relative to the package data folder when it lies inside it."""
    try:
        return str(Path(file).relative_to(data_dir().parent))
    except ValueError:
        return file


def _find_score(query: str, key: str, **_: Any) -> float:
    """rapidfuzz's weighted ratio, except that a name much shorter than the query (``UA`` for
    ``7th guards mech``) scores on the whole strings, not on a partial match."""
    from rapidfuzz import fuzz

    if len(key) * 3 < len(query):
        return float(fuzz.QRatio(query, key))
    return float(fuzz.WRatio(query, key))


def _nearest(name: str, choices: Iterable[str]) -> list[str]:
    from rapidfuzz import process

    return [c for c, s, _ in process.extract(name, list(choices), limit=3) if s >= 60]


def load_catalog(root: Path | None = None, extra: Iterable[Path] = (), *,
                 cache: bool = False) -> Catalog:
    """Load and cross-check the dataset under ``root`` (default: the packaged dataset).

    Parameters
    ----------
    root
        A folder with one sub-folder per kind (``sources/``, ``places/`` ...), each holding
        YAML files (``*.yaml`` or ``*.yml``) with lists of records. Missing sub-folders are
        empty kinds.
    extra
        More dataset folders of the same shape, loaded after ``root`` (a user's additions).
    cache
        Reuse the validated records from the cache folder when no dataset file (nor the code
        that reads and checks them) changed, and store them after a full load that passed
        every check (see :mod:`eastflank.catcache`).

    Raises
    ------
    DataError
        On the first malformed file, invalid record, duplicate id or broken cross-reference,
        naming file:line, record id, field and what was expected.
    """
    roots = [root or data_dir(), *extra]
    for base in roots:
        if path_kind(base) != "folder":
            raise DataError("dataset folder not found", file=str(base))
    files: list[tuple[str, type[Any], Path]] = [
        (kind, model, path)
        for base in roots
        for kind, model in RECORD_TYPES.items()
        if (base / kind).is_dir()
        for path in yaml_files(base / kind)
    ]
    key = ""
    cache_path = Path()
    if cache:
        cache_path = catcache.cache_file(roots)
        try:
            key = catcache.stamp(roots, [path for _, _, path in files])
        except (OSError, EastflankError):
            cache = False  # the full load reports what is wrong with the file
        else:
            hit = catcache.lookup(cache_path, key)
            if hit is not None:
                return Catalog(*hit)
    records: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    where: dict[str, Located] = {}
    for kind, model, path in files:
        for rec, loc in load_records(path, model, DataError):
            rid = rec.id
            if rid in where:
                first = where[rid]
                raise DataError(
                    f"duplicate id; first defined at {first.file}:{first.line}",
                    file=loc.file,
                    line=loc.line,
                    record=rid,
                    field="id",
                )
            records[kind][rid] = rec
            where[rid] = loc
    check_all(records, where)
    if cache:
        catcache.store(cache_path, key, records, where)
    return Catalog(records, where)
