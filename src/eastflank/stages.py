"""Integration stages (command frameworks): find, load, check and select their forces.

A stage is one YAML document (see :class:`eastflank.schema.Stage`). The five built-in stages
live in ``data/stages/``; a user's own stage (a counterfactual) is passed by path. Loading
validates the document into a frozen :class:`~eastflank.schema.Stage` and cross-checks it
against the dataset as of the stage date; every error names the file, line, stage, field, the
value and what was expected (:class:`~eastflank.errors.StageError`).

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> list_stages()[0]
'autonomy-2019'
>>> stage = load_stage("autonomy-2019", load_catalog())
>>> stage.date.isoformat()
'2019-12-31'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from pydantic import ValidationError
from rapidfuzz import process

from eastflank.catalog import Catalog, data_dir
from eastflank.errors import StageError
from eastflank.schema import (
    AUTHORITIES,
    Authority,
    CommandBody,
    Facility,
    ForceGroup,
    Selector,
    Stage,
    Unit,
)
from eastflank.yamlio import (
    nested_validation_error,
    node_lines,
    read_yaml,
    resolve_file,
    yaml_files,
)

__all__ = [
    "ancestors",
    "group_members",
    "list_stages",
    "load_stage",
    "parse_stage",
    "stage_path",
    "stages_dir",
]


def stages_dir() -> Path:
    """The folder of the built-in stages."""
    return data_dir() / "stages"


def _builtin() -> dict[str, Path]:
    return {p.stem: p for p in yaml_files(stages_dir())}


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (several times faster), else the pure one."""


def list_stages() -> list[str]:
    """Ids of the built-in stages, in date order (a user's own stages are passed by path).

    Returns
    -------
    list of str
        Stage ids such as ``autonomy-2019``, earliest first.
    """
    dated: list[tuple[dt.date, str]] = []
    for sid, path in _builtin().items():
        with path.open(encoding="utf-8") as fh:
            head = yaml.load(fh, Loader=_LOADER)
        day = head.get("date") if isinstance(head, dict) else None
        dated.append((day if isinstance(day, dt.date) else dt.date.max, sid))
    return [sid for _, sid in sorted(dated)]


def stage_path(name_or_path: str | Path) -> Path:
    """The file of a built-in stage id, or ``name_or_path`` itself if it names a file.

    Raises
    ------
    UnknownNameError
        If it is neither a built-in stage id nor an existing file; lists the nearest ids.
    """
    return resolve_file(name_or_path, _builtin(), "stage", StageError)


# -- loading -----------------------------------------------------------------------------------
def parse_stage(path: Path) -> Stage:
    """Read and validate one stage file, without the dataset cross-checks.

    Raises
    ------
    StageError
        If the file is missing, malformed, or a field is invalid (file:line, field).
    """
    data, node = read_yaml(path, StageError)
    file = str(path)
    if not isinstance(data, dict) or node is None:
        raise StageError("expected a mapping (one stage) at the top of the file", file=file,
                         line=1)
    lines = dict(node_lines(node))
    sid = data.get("id") if isinstance(data.get("id"), str) else None
    try:
        stage = Stage.model_validate(data)
    except ValidationError as exc:
        raise nested_validation_error(exc, Stage, sid, file, lines, StageError, "stage") from None
    stage._file = file
    stage._lines = lines
    return stage


def load_stage(name_or_path: str | Path, catalog: Catalog) -> Stage:
    """Load a stage by built-in id or file path and cross-check it against ``catalog``.

    Parameters
    ----------
    name_or_path
        A built-in stage id (see :func:`list_stages`) or the path of a stage YAML file.
    catalog
        The dataset; force groups are evaluated against ``catalog.as_of(stage.date)``.

    Returns
    -------
    Stage
        The validated, frozen stage.

    Raises
    ------
    UnknownNameError
        If ``name_or_path`` is neither a built-in id nor a file.
    StageError
        If the stage is invalid: a delay with ``min_h > max_h``, an unknown command body or
        source, a body not existing on the stage date, an authority assigned twice for a group,
        a force group selecting no unit, two groups giving one unit two holders of an
        authority, or a cycle in an order path. The message names file:line, stage and field.
    """
    stage = parse_stage(stage_path(name_or_path))
    check_stage(stage, catalog)
    return stage


# -- selection ---------------------------------------------------------------------------------
def ancestors(catalog: Catalog, record_id: str) -> list[str]:
    """The parent chain of a unit or command body, nearest first, within ``catalog``.

    Stops at a parent that is not in the catalog (e.g. not valid on a sliced date) and at a
    repeat (the dataset rejects parent cycles at load).
    """
    chain: list[str] = []
    rec: Any = catalog.units.get(record_id) or catalog.command_bodies.get(record_id)
    while rec is not None:
        parent = getattr(rec, "parent", None)
        if parent is None or parent in chain or parent == record_id:
            break
        chain.append(parent)
        rec = catalog.units.get(parent) or catalog.command_bodies.get(parent)
    return chain


def _country(catalog: Catalog, place_id: str | None) -> str | None:
    place = catalog.places.get(place_id) if place_id else None
    return place.country if place is not None else None


def _unit_matches(catalog: Catalog, unit: Unit, sel: Selector) -> bool:
    if sel.facility_kind:
        return False
    checks = (
        not sel.actor or unit.actor in sel.actor,
        not sel.branch or unit.branch in sel.branch,
        not sel.echelon or unit.echelon in sel.echelon,
        not sel.role or any(r.lower() in (unit.role or "").lower() for r in sel.role),
        not sel.deployment or unit.deployment in sel.deployment,
        not sel.located_in or _country(catalog, unit.garrison) in sel.located_in,
        not sel.under or bool(set(sel.under) & set(ancestors(catalog, unit.id))),
        not sel.weapon_systems or bool(set(sel.weapon_systems) & set(unit.weapon_systems)),
        not sel.ids or unit.id in sel.ids,
    )
    return all(checks)


def _facility_matches(catalog: Catalog, fac: Facility, sel: Selector) -> bool:
    if sel.branch or sel.echelon or sel.role or sel.deployment or sel.under or sel.weapon_systems:
        return False
    checks = (
        not sel.actor or fac.actor in sel.actor or fac.operator in sel.actor,
        not sel.facility_kind or fac.kind in sel.facility_kind,
        not sel.located_in or _country(catalog, fac.place) in sel.located_in,
        not sel.ids or fac.id in sel.ids,
    )
    return all(checks)


def _select(catalog: Catalog, sel: Selector) -> list[str]:
    out: list[str] = []
    if "units" in sel.kind:
        out += [u.id for u in catalog.units.values() if _unit_matches(catalog, u, sel)]
    if "facilities" in sel.kind:
        out += [f.id for f in catalog.facilities.values() if _facility_matches(catalog, f, sel)]
    return out


def group_members(group: ForceGroup, catalog: Catalog) -> tuple[str, ...]:
    """Ids of the units and facilities a force group selects in ``catalog`` (file order).

    ``catalog`` should already be sliced to the stage date (``catalog.as_of(stage.date)``).
    """
    chosen: dict[str, None] = {}
    for sel in group.select:
        chosen.update(dict.fromkeys(_select(catalog, sel)))
    for sel in group.exclude:
        for rid in _select(catalog, sel):
            chosen.pop(rid, None)
    return tuple(chosen)


# -- cross-checks --------------------------------------------------------------------------------
def _fail(stage: Stage, path: str, message: str) -> StageError:
    file, line = stage.where(path)
    return StageError(message, file=file, line=line, record=stage.id, field=path)


def _nearest(name: str, choices: Iterable[str]) -> str:
    near = [c for c, s, _ in process.extract(name, list(choices), limit=3) if s >= 60]
    return f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""


def _body_refs(stage: Stage) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(stage.assignments):
        yield f"assignments.{i}.holder", a.holder
        for j, b in enumerate(a.via):
            yield f"assignments.{i}.via.{j}", b
        for j, g in enumerate(a.gates):
            yield f"assignments.{i}.gates.{j}.consent", g.consent
    for i, c in enumerate(stage.channels):
        yield f"channels.{i}.from_body", c.from_body
        yield f"channels.{i}.to_body", c.to_body


def _source_refs(stage: Stage) -> Iterator[tuple[str, str]]:
    def sources(path: str, obj: Any) -> Iterator[tuple[str, str]]:
        for k, sid in enumerate(getattr(obj, "sources", [])):
            yield f"{path}.sources.{k}" if path else f"sources.{k}", sid

    yield from sources("", stage)
    yield from sources("hop_delay", stage.hop_delay)
    for i, a in enumerate(stage.assignments):
        yield from sources(f"assignments.{i}", a)
        if a.hop_delay is not None:
            yield from sources(f"assignments.{i}.hop_delay", a.hop_delay)
        for j, g in enumerate(a.gates):
            yield from sources(f"assignments.{i}.gates.{j}", g)
            yield from sources(f"assignments.{i}.gates.{j}.delay", g.delay)
    for i, c in enumerate(stage.channels):
        yield from sources(f"channels.{i}", c)
        yield from sources(f"channels.{i}.delay", c.delay)
    for i, s in enumerate(stage.statements):
        yield from sources(f"statements.{i}", s)


def _check_bodies(stage: Stage, catalog: Catalog, day_cat: Catalog) -> None:
    for path, body in _body_refs(stage):
        if body not in catalog.command_bodies:
            raise _fail(stage, path, f"unknown command body {body!r}"
                        + _nearest(body, catalog.command_bodies))
        if body not in day_cat.command_bodies:
            rec: CommandBody = catalog.command_bodies[body]
            span = f"{rec.valid_from or '...'} to {rec.valid_to or '...'}"
            raise _fail(stage, path, f"command body {body!r} does not exist on the stage date "
                        f"{stage.date} (valid {span}); expected a body that exists then")


def _check_sources(stage: Stage, catalog: Catalog) -> None:
    for path, sid in _source_refs(stage):
        if sid not in catalog.sources:
            raise _fail(stage, path, f"unknown source id {sid!r}"
                        + _nearest(sid, catalog.sources))


def _check_groups(stage: Stage, catalog: Catalog, day_cat: Catalog) -> dict[str, tuple[str, ...]]:
    members: dict[str, tuple[str, ...]] = {}
    for i, group in enumerate(stage.force_groups):
        if group.id in members:
            raise _fail(stage, f"force_groups.{i}.id",
                        f"duplicate force group id {group.id!r}; expected each id once")
        for part in ("select", "exclude"):
            for j, sel in enumerate(getattr(group, part)):
                _check_selector(stage, catalog, sel, f"force_groups.{i}.{part}.{j}")
        members[group.id] = group_members(group, day_cat)
        if not members[group.id]:
            raise _fail(stage, f"force_groups.{i}",
                        f"force group {group.id!r} selects no unit or facility as of "
                        f"{stage.date}; expected at least one")
    return members


def _check_selector(stage: Stage, catalog: Catalog, sel: Selector, path: str) -> None:
    for k, actor in enumerate([*sel.actor, *sel.located_in]):
        if actor not in catalog.actors:
            field = "actor" if k < len(sel.actor) else "located_in"
            raise _fail(stage, f"{path}.{field}",
                        f"unknown actor {actor!r}" + _nearest(actor, catalog.actors))
    for field, pool in (("under", {**catalog.command_bodies, **catalog.units}),
                        ("weapon_systems", catalog.weapon_systems),
                        ("ids", {**catalog.units, **catalog.facilities})):
        for k, rid in enumerate(getattr(sel, field)):
            if rid not in pool:
                raise _fail(stage, f"{path}.{field}.{k}",
                            f"unknown {field.replace('_', ' ').rstrip('s')} id {rid!r}"
                            + _nearest(rid, pool))


def _check_assignments(stage: Stage, members: Mapping[str, tuple[str, ...]]) -> None:
    seen: dict[tuple[str, Authority], int] = {}
    holder_of: dict[tuple[str, Authority], str] = {}
    for i, a in enumerate(stage.assignments):
        if a.group not in members:
            raise _fail(stage, f"assignments.{i}.group",
                        f"unknown force group {a.group!r}" + _nearest(a.group, members))
        key = (a.group, a.authority)
        if key in seen:
            _, first = stage.where(f"assignments.{seen[key]}")
            raise _fail(stage, f"assignments.{i}.authority",
                        f"authority {a.authority.value!r} over force group {a.group!r} is "
                        f"assigned twice (first at line {first}); expected one holder")
        seen[key] = i
        for unit in members[a.group]:
            other = holder_of.get((unit, a.authority))
            if other is not None and other != a.group:
                raise _fail(stage, f"assignments.{i}.group",
                            f"{unit!r} is in force groups {other!r} and {a.group!r}, which "
                            f"both assign {a.authority.value!r}; expected one holder per "
                            "unit and authority")
            holder_of[(unit, a.authority)] = a.group
    for i, c in enumerate(stage.channels):
        for j, g in enumerate(c.groups):
            if g not in members:
                raise _fail(stage, f"channels.{i}.groups.{j}",
                            f"unknown force group {g!r}" + _nearest(g, members))


def _check_cycles(stage: Stage) -> None:
    for authority in AUTHORITIES:
        graph: nx.DiGraph = nx.DiGraph()
        for i, a in enumerate(stage.assignments):
            if a.authority is not authority:
                continue
            path = [a.holder, *a.via]
            for k, (u, v) in enumerate(pairwise(path)):
                graph.add_edge(u, v)
                try:
                    cycle = nx.find_cycle(graph, u)
                except nx.NetworkXNoCycle:
                    continue
                nodes = [e[0] for e in cycle]
                first = min(range(len(nodes)), key=lambda j: path.index(nodes[j])
                            if nodes[j] in path else len(path))
                nodes = nodes[first:] + nodes[:first]
                ring = " -> ".join([*nodes, nodes[0]])
                raise _fail(stage, f"assignments.{i}.via.{k}",
                            f"the order path of {authority.value!r} has a cycle: {ring}; "
                            "expected each body once on the way down")


def check_stage(stage: Stage, catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Cross-check a parsed stage against the dataset; return each group's members.

    Raises
    ------
    StageError
        On the first inconsistency (see :func:`load_stage`).
    """
    day_cat = catalog.as_of(stage.date)
    _check_sources(stage, catalog)
    _check_bodies(stage, catalog, day_cat)
    members = _check_groups(stage, catalog, day_cat)
    _check_assignments(stage, members)
    _check_cycles(stage)
    return members
