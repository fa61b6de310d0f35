"""Cross-record rules of the dataset, one small named function per rule.

Each rule takes the records of a loaded dataset and raises :class:`~eastflank.errors.DataError`
naming the offending record, field and value and what was expected. :func:`check_all` runs
them in order; the catalog calls it once, at load.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise

from eastflank.errors import DataError
from eastflank.schema import SINGLE_HOLDER_OFFICES, Record, Source
from eastflank.yamlio import Located

__all__ = ["RULES", "check_all"]

Records = Mapping[str, Mapping[str, Record | Source]]
Where = Mapping[str, Located]


def _fail(where: Where, record_id: str, field: str, message: str) -> DataError:
    loc = where.get(record_id)
    return DataError(
        message,
        file=loc.file if loc else None,
        line=loc.line_of(field.split(".", 1)[0]) if loc else None,
        record=record_id,
        field=field,
    )


def _refs(
    records: Iterable[Record | Source], attr: str
) -> Iterable[tuple[str, str, str]]:
    for rec in records:
        value = getattr(rec, attr, None)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for i, v in enumerate(values):
            yield rec.id, (f"{attr}.{i}" if isinstance(value, list) else attr), v


def check_sources_exist(data: Records, where: Where) -> None:
    """Every record and every figure cites sources that exist."""
    sources = data["sources"]
    for kind, recs in data.items():
        if kind == "sources":
            continue
        for rec in recs.values():
            assert isinstance(rec, Record)
            for i, sid in enumerate(rec.sources):
                if sid not in sources:
                    raise _fail(where, rec.id, f"sources.{i}", f"unknown source id {sid!r}")
            for j, fig in enumerate(rec.figures):
                for sid in fig.sources:
                    if sid not in sources:
                        raise _fail(
                            where, rec.id, f"figures.{j}.sources", f"unknown source id {sid!r}"
                        )
            for field in ("parents", "earlier"):
                for j, span in enumerate(getattr(rec, field, [])):
                    for sid in span.sources:
                        if sid not in sources:
                            raise _fail(where, rec.id, f"{field}.{j}.sources",
                                        f"unknown source id {sid!r}")


def check_actor_refs(data: Records, where: Where) -> None:
    """Actor codes (actor, country, operators, origin, members, lead nation) name known
    actors."""
    actors = data["actors"]
    for kind, attrs in {
        "places": ["country"],
        "command_bodies": ["actor"],
        "units": ["actor", "lead_nation"],
        "facilities": ["actor", "operator"],
        "weapon_systems": ["origin", "operators"],
        "events": ["actors"],
        "indicators": ["actors"],
        "actors": ["members"],
        "posts": ["actor"],
    }.items():
        for attr in attrs:
            for rid, fld, value in _refs(data[kind].values(), attr):
                if value not in actors:
                    raise _fail(
                        where, rid, fld, f"unknown actor {value!r}; expected one of "
                        f"{', '.join(sorted(actors))}"
                    )


def check_place_refs(data: Records, where: Where) -> None:
    """Garrisons, seats, facility places and event places are known place ids."""
    places = data["places"]
    for kind, attr in [
        ("units", "garrison"),
        ("command_bodies", "seat"),
        ("facilities", "place"),
        ("events", "places"),
    ]:
        for rid, fld, value in _refs(data[kind].values(), attr):
            if value not in places:
                raise _fail(where, rid, fld, f"unknown place id {value!r}")


def check_command_refs(data: Records, where: Where) -> None:
    """A unit's parent is a command body or a unit; a command body's parent a command body."""
    bodies, units = data["command_bodies"], data["units"]
    for rid, fld, value in _refs(data["units"].values(), "parent"):
        if value not in bodies and value not in units:
            raise _fail(
                where, rid, fld, f"unknown parent {value!r}; expected a command body or unit id"
            )
        if value == rid:
            raise _fail(where, rid, fld, "a unit cannot be its own parent")
    for unit in data["units"].values():
        for j, span in enumerate(getattr(unit, "parents", [])):
            fld = f"parents.{j}.parent"
            if span.parent not in bodies and span.parent not in units:
                raise _fail(where, unit.id, fld, f"unknown parent {span.parent!r}; expected a "
                            "command body or unit id")
            if span.parent == unit.id:
                raise _fail(where, unit.id, fld, "a unit cannot be its own parent")
    for rid, fld, value in _refs(data["command_bodies"].values(), "parent"):
        if value not in bodies:
            raise _fail(where, rid, fld, f"unknown parent {value!r}; expected a command body id")


def check_weapon_refs(data: Records, where: Where) -> None:
    """Units' weapon systems and systems' parent systems exist."""
    systems = data["weapon_systems"]
    for kind, attr in [("units", "weapon_systems"), ("weapon_systems", "parent_system")]:
        for rid, fld, value in _refs(data[kind].values(), attr):
            if value not in systems:
                raise _fail(where, rid, fld, f"unknown weapon system id {value!r}")


def check_weapon_dates(data: Records, where: Where) -> None:
    """A unit dates only weapon systems it lists, and not before the unit itself exists."""
    for unit in data["units"].values():
        for sid, since in getattr(unit, "weapon_systems_from", {}).items():
            if sid not in getattr(unit, "weapon_systems", []):
                raise _fail(where, unit.id, "weapon_systems_from",
                            f"dates {sid!r}, which is not in the unit's weapon_systems")
            start = getattr(unit, "valid_from", None)
            if start is not None and since < start:
                raise _fail(where, unit.id, "weapon_systems_from",
                            f"{sid!r} from {since}, before the unit's valid_from {start}")


def check_parent_dates(data: Records, where: Where) -> None:
    """A dated parent span lies within the unit's own validity and overlaps its parent's."""
    for unit in data["units"].values():
        start, end = getattr(unit, "valid_from", None), getattr(unit, "valid_to", None)
        for j, span in enumerate(getattr(unit, "parents", [])):
            if start is not None and span.valid_from is not None and span.valid_from < start:
                raise _fail(where, unit.id, f"parents.{j}.valid_from",
                            f"{span.valid_from} is before the unit's valid_from {start}")
            if end is not None and span.valid_to is not None and span.valid_to > end:
                raise _fail(where, unit.id, f"parents.{j}.valid_to",
                            f"{span.valid_to} is after the unit's valid_to {end}")
            parent = data["units"].get(span.parent) or data["command_bodies"].get(span.parent)
            p_from = getattr(parent, "valid_from", None)
            p_to = getattr(parent, "valid_to", None)
            if (p_to is not None and span.valid_from is not None and p_to < span.valid_from) or (
                p_from is not None and span.valid_to is not None and span.valid_to < p_from
            ):
                raise _fail(where, unit.id, f"parents.{j}.parent",
                            f"parent {span.parent!r} (valid {p_from or '...'} to {p_to or '...'}) "
                            f"does not exist during the span {span.valid_from or '...'} to "
                            f"{span.valid_to or '...'}")


def check_parent_cycles(data: Records, where: Where) -> None:
    """Parent chains of units and command bodies end; no record is its own ancestor."""
    parent: dict[str, str] = {}
    for kind in ("units", "command_bodies"):
        for rec in data[kind].values():
            p = getattr(rec, "parent", None)
            if p:
                parent[rec.id] = p
    done: set[str] = set()  # records whose chain is known to end
    for start in parent:
        path: list[str] = []
        index: dict[str, int] = {}
        node = start
        while node in parent and node not in done:  # each record is walked once: linear
            if node in index:
                chain = " -> ".join([*path, node])
                raise _fail(where, start, "parent", f"parent chain has a cycle: {chain}")
            index[node] = len(path)
            path.append(node)
            node = parent[node]
        done.update(path)


def check_preferred_figures(data: Records, where: Where) -> None:
    """Where one quantity has several figures, exactly one is preferred and says why."""
    for kind, recs in data.items():
        if kind == "sources":
            continue
        for rec in recs.values():
            assert isinstance(rec, Record)
            by_q: dict[str, list[int]] = defaultdict(list)
            for i, fig in enumerate(rec.figures):
                by_q[fig.quantity].append(i)
            for q, idx in by_q.items():
                preferred = [i for i in idx if rec.figures[i].preferred]
                if len(idx) > 1 and len(preferred) != 1:
                    raise _fail(
                        where, rec.id, "figures",
                        f"quantity {q!r} has {len(idx)} figures and {len(preferred)} preferred; "
                        "expected exactly one preferred figure with a note saying why",
                    )
                if len(idx) > 1 and not rec.figures[preferred[0]].note:
                    raise _fail(
                        where, rec.id, f"figures.{preferred[0]}.note",
                        f"the preferred figure of {q!r} needs a note saying why it is preferred",
                    )


def check_claimed_sources(data: Records, where: Where) -> None:
    """A record resting only on claimed sources cannot be more certain than `claimed`."""
    sources = data["sources"]
    for kind, recs in data.items():
        if kind == "sources":
            continue
        for rec in recs.values():
            assert isinstance(rec, Record)
            statuses = {
                src.status.value
                for s in rec.sources
                if isinstance(src := sources.get(s), Source)
            }
            if statuses == {"claimed"} and rec.status.value in ("established", "reported"):
                raise _fail(
                    where, rec.id, "status",
                    f"status {rec.status.value!r} but every source is a claimed source; "
                    "expected 'claimed' or 'hypothetical'",
                )


def check_posts(data: Records, where: Where) -> None:
    """A post's body is a command body; one person at a time holds a single-holder office.

    Terms of the same office of the same actor and body may touch (one leaves the day the next
    takes office) but not overlap.
    """
    bodies = data["command_bodies"]
    terms: dict[tuple[str, str, str | None], list[Record]] = defaultdict(list)
    for rec in data.get("posts", {}).values():
        body = getattr(rec, "body", None)
        if body is not None and body not in bodies:
            raise _fail(where, rec.id, "body", f"unknown command body {body!r}")
        office = getattr(rec, "office", "")
        if office in SINGLE_HOLDER_OFFICES and isinstance(rec, Record):
            terms[(office, getattr(rec, "actor", ""), body)].append(rec)
    for (office, actor, body), recs in terms.items():
        recs.sort(key=lambda r: str(r.valid_from))
        for before, after in pairwise(recs):
            if before.valid_to is None or (after.valid_from is not None
                                           and after.valid_from < before.valid_to):
                end = before.valid_to or "open"
                raise _fail(where, after.id, "valid_from",
                            f"term from {after.valid_from} overlaps {before.id!r} (to {end}) "
                            f"in the same office ({office} of {actor}"
                            f"{', ' + body if body else ''}); expected terms one after another")


RULES: list[Callable[[Records, Where], None]] = [
    check_sources_exist,
    check_actor_refs,
    check_place_refs,
    check_command_refs,
    check_weapon_refs,
    check_weapon_dates,
    check_parent_dates,
    check_parent_cycles,
    check_preferred_figures,
    check_claimed_sources,
    check_posts,
]
"""The rules :func:`check_all` runs, in order."""


def check_all(data: Records, where: Where) -> None:
    """Run every rule in :data:`RULES`; raise the first :class:`DataError` found."""
    for rule in RULES:
        rule(data, where)

