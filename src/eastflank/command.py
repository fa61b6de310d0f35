"""Command authority: who may order which force to do what, at each integration stage.

A stage (:class:`eastflank.schema.Stage`, loaded by :func:`eastflank.stages.load_stage`)
assigns, per force group and authority, the command body that holds it, the path of an order
and the consents (gates) between a decision and an order. This module turns a stage into a
networkx graph and answers the questions an analyst asks of it:

* :func:`holder` / :func:`who` -- who holds authority *A* over unit *U*;
* :func:`order_chain` -- the bodies an order passes from a decision-maker to a unit, the
  consents on the way and the veto points (bodies whose consent is required);
* :func:`sample_latency` / :func:`latency_summary` -- how long the order takes, as a
  distribution (sum of each gate's triangular delay and of a per-hop transmission delay);
* :func:`stage_diff` -- which authority over which group moved from whom to whom;
* :func:`draw_stage` -- a drawing of the authority graph (a matplotlib Figure).

The stable interface for other models is ``load_stage``, ``list_stages`` (re-exported here),
``authority_graph``, ``holder``, ``order_chain``, ``sample_latency`` and ``stage_diff``.

Units: every delay is in hours.

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog()
>>> stage = load_stage("autonomy-2019", cat)
>>> holder(authority_graph(stage, cat), "move", "6th-guards-mechanised-brigade")
'belarusian-president'
>>> chain = order_chain(stage, cat, "russian-president", "6th-guards-mechanised-brigade", "move")
>>> "belarusian-president" in chain.veto_points
True
>>> a = sample_latency(chain, 1000, 7)
>>> bool((a == sample_latency(chain, 1000, 7)).all())
True
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError, StageError, UnknownNameError
from eastflank.schema import AUTHORITIES, Assignment, Authority, DelayHours, Stage
from eastflank.stages import ancestors, group_members, list_stages, load_stage

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "AuthorityChange",
    "Chain",
    "ChainGate",
    "ChainReport",
    "Holding",
    "LatencySummary",
    "StageDiff",
    "authority_graph",
    "chain_components",
    "chain_report",
    "draw_stage",
    "holder",
    "latency_summary",
    "list_stages",
    "load_stage",
    "order_chain",
    "parse_authority",
    "sample_latency",
    "stage_diff",
    "who",
]

GROUP_PREFIX = "group:"
"""Force-group nodes of the authority graph are named ``group:<id>``."""


# -- results ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChainGate:
    """One consent on a chain: who must consent, the delay, and where the gate comes from.

    Attributes
    ----------
    consent
        Command body whose consent is required (a veto point).
    delay
        Triangular delay of obtaining the consent (hours).
    origin
        ``assignment`` (a gate of the holding assignment) or ``channel:<from>-><to>`` (the
        holder is asked by a body that does not hold the authority).
    status, sources, note
        How the gate is known; ``hypothetical`` gates carry their reasoning in ``note``.
    """

    consent: str
    delay: DelayHours
    origin: str
    status: str
    sources: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Chain:
    """The path of one order from a decision-maker to a unit.

    Attributes
    ----------
    stage, authority, unit, group
        What was asked: the stage id, the authority, the unit (or facility) id and the force
        group through which the stage assigns the authority.
    decider
        The body that takes the decision (``from_body``).
    holder
        The body that holds the authority at this stage.
    bodies
        Every node an order passes, in order: decider, ..., holder, ..., unit.
    gates
        The consents between the decision and the order, in order.
    veto_points
        Bodies whose consent is required, in order, each once.
    hop_delay
        Transmission delay of each hop between consecutive ``bodies`` (hours).
    """

    stage: str
    authority: Authority
    unit: str
    group: str
    decider: str
    holder: str
    bodies: tuple[str, ...]
    gates: tuple[ChainGate, ...]
    veto_points: tuple[str, ...]
    hop_delay: DelayHours

    @property
    def hops(self) -> int:
        """Number of transmission hops: ``len(bodies) - 1``."""
        return len(self.bodies) - 1

    @property
    def mean_latency_h(self) -> float:
        """Closed-form mean latency (hours): sum of the means of every delay."""
        return sum(g.delay.mean_h for g in self.gates) + self.hops * self.hop_delay.mean_h

    def without_gate(self, index: int) -> Chain:
        """The same chain with gate ``index`` removed (a counterfactual)."""
        if not 0 <= index < len(self.gates):
            raise ModelInputError(
                f"gate index {index} out of range; this chain has {len(self.gates)} gates"
            )
        gates = self.gates[:index] + self.gates[index + 1 :]
        return replace(self, gates=gates, veto_points=_vetoes(gates))


@dataclass(frozen=True)
class Holding:
    """The answer to *who holds authority A over unit U at stage S*.

    ``holder`` is ``None`` when the stage assigns the authority over the unit to nobody
    (e.g. ``nuclear_release`` over a mechanised brigade).
    """

    stage: str
    date: str
    authority: Authority
    unit: str
    unit_name: str
    group: str | None
    group_name: str | None
    holder: str | None
    holder_name: str | None
    holder_actor: str | None
    via: tuple[str, ...] = ()
    consents: tuple[str, ...] = ()
    status: str | None = None
    sources: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class LatencySummary:
    """Percentiles of a sampled chain latency (hours), with the seed that reproduces them."""

    n: int
    seed: int
    p5_h: float
    p50_h: float
    p95_h: float
    mean_h: float
    expected_mean_h: float


@dataclass(frozen=True)
class AuthorityChange:
    """How one authority over one force group differs between two stages.

    ``change`` is ``moved`` (another holder), ``added`` / ``removed`` (assigned in one stage
    only) or ``consents`` (same holder, other veto points). ``vetoes_before`` and
    ``vetoes_after`` are the consents of the assignment's own gates; the veto a holder
    exercises over a requesting body (a channel) shows as a ``moved`` holder instead.
    """

    group: str
    authority: Authority
    change: Literal["moved", "added", "removed", "consents"]
    before: str | None
    after: str | None
    before_actor: str | None = None
    after_actor: str | None = None
    vetoes_before: tuple[str, ...] = ()
    vetoes_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class StageDiff:
    """Every authority over every group that changed from stage ``a`` to stage ``b``."""

    a: str
    b: str
    a_date: str
    b_date: str
    changes: tuple[AuthorityChange, ...]
    unchanged: int
    moved: tuple[AuthorityChange, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "moved", tuple(c for c in self.changes if c.change == "moved"))


# -- helpers ---------------------------------------------------------------------------------
def parse_authority(value: str | Authority) -> Authority:
    """An :class:`~eastflank.schema.Authority` from its name (``move``, ``designate-targets``).

    Raises
    ------
    UnknownNameError
        If ``value`` names no authority; lists the authorities.
    """
    if isinstance(value, Authority):
        return value
    key = str(value).strip().lower().replace("-", "_")
    try:
        return Authority(key)
    except ValueError:
        raise UnknownNameError("authority", str(value), [a.value for a in AUTHORITIES]) from None


def _vetoes(gates: tuple[ChainGate, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(g.consent for g in gates))


_GRAPHS: OrderedDict[tuple[int, int], tuple[Stage, Catalog, nx.MultiDiGraph]] = OrderedDict()


def _cached_graph(stage: Stage, catalog: Catalog) -> nx.MultiDiGraph:
    key = (id(stage), id(catalog))
    hit = _GRAPHS.get(key)
    if hit is not None and hit[0] is stage and hit[1] is catalog:
        _GRAPHS.move_to_end(key)
        return hit[2]
    graph = authority_graph(stage, catalog)
    _GRAPHS[key] = (stage, catalog, graph)
    while len(_GRAPHS) > 32:
        _GRAPHS.popitem(last=False)
    return graph


def _name(catalog: Catalog, rid: str) -> str:
    for kind in ("command_bodies", "units", "facilities"):
        rec = catalog.records[kind].get(rid)
        if rec is not None:
            return str(rec.name)
    return rid


# -- the graph -------------------------------------------------------------------------------
def authority_graph(stage: Stage, catalog: Catalog) -> nx.MultiDiGraph:
    """The authority graph of ``stage`` over the dataset as of the stage date.

    Parameters
    ----------
    stage
        A loaded stage.
    catalog
        The dataset (sliced here to ``stage.date``).

    Returns
    -------
    networkx.MultiDiGraph
        Nodes: command bodies (``kind='body'``), force groups (``kind='group'``, named
        ``group:<id>``), units and facilities (``kind='unit'`` / ``'facility'``); each with
        ``name`` and ``actor``. Edges, each with a ``kind``:

        ``authority`` (holder -> group, key = the authority)
            with ``authority``, ``status``, ``sources``, ``note``, ``via``;
        ``order`` (holder -> via[0] -> ...), the path of an order before the unit's chain;
        ``consent`` (consenting body -> group), a gate, with ``authority`` and ``delay``;
        ``channel`` (asking body -> holder), with ``authorities``, ``groups``, ``delay``;
        ``member`` (group -> unit);
        ``parent`` (body or unit -> subordinate), the dataset's command chain.
    """
    day = catalog.as_of(stage.date)
    graph = nx.MultiDiGraph(stage=stage.id, date=stage.date.isoformat(), name=stage.name)

    def add_body(bid: str) -> None:
        if bid in graph:
            return
        rec = day.command_bodies.get(bid) or catalog.command_bodies.get(bid)
        graph.add_node(bid, kind="body", name=rec.name if rec else bid,
                       actor=rec.actor if rec else None,
                       body_kind=rec.kind if rec else None)

    def add_asset(rid: str) -> None:
        if rid in graph:
            return
        rec: Any = day.units.get(rid) or day.facilities.get(rid)
        kind = "unit" if rid in day.units else "facility"
        graph.add_node(rid, kind=kind, name=rec.name, actor=rec.actor)
        for child, parent in zip([rid, *ancestors(day, rid)], ancestors(day, rid), strict=False):
            if parent in day.units:
                add_asset(parent)
            else:
                add_body(parent)
            graph.add_edge(parent, child, key="parent", kind="parent")

    for group in stage.force_groups:
        gnode = GROUP_PREFIX + group.id
        members = group_members(group, day)
        actors = sorted({graph.nodes[m]["actor"] for m in members if m in graph}
                        | {getattr(day.units.get(m) or day.facilities.get(m), "actor", "")
                           for m in members})
        graph.add_node(gnode, kind="group", name=group.name, actor="/".join(actors),
                       members=members)
        for m in members:
            add_asset(m)
            graph.add_edge(gnode, m, key="member", kind="member")
    for a in stage.assignments:
        gnode = GROUP_PREFIX + a.group
        for b in (a.holder, *a.via):
            add_body(b)
        graph.add_edge(a.holder, gnode, key=a.authority.value, kind="authority",
                       authority=a.authority.value, status=a.status.value,
                       sources=list(a.sources), note=a.note, via=list(a.via))
        path = [a.holder, *a.via]
        for u, v in pairwise(path):
            graph.add_edge(u, v, key=f"order:{a.authority.value}:{a.group}", kind="order",
                           authority=a.authority.value, group=a.group)
        for g in a.gates:
            add_body(g.consent)
            graph.add_edge(g.consent, gnode, key=f"consent:{a.authority.value}",
                           kind="consent", authority=a.authority.value, status=g.status.value,
                           delay=g.delay.model_dump(mode="json"))
    for i, c in enumerate(stage.channels):
        add_body(c.from_body)
        add_body(c.to_body)
        graph.add_edge(c.from_body, c.to_body, key=f"channel:{i}", kind="channel",
                       authorities=[x.value for x in c.authorities], groups=list(c.groups),
                       status=c.status.value, delay=c.delay.model_dump(mode="json"),
                       mean_h=c.delay.mean_h, index=i)
    return graph


def _groups_of(graph: nx.MultiDiGraph, unit_id: str) -> list[str]:
    return [u for u, _, k in graph.in_edges(unit_id, keys=True) if k == "member"]


def holder(graph_or_stage: nx.MultiDiGraph | Stage, authority: str | Authority, unit_id: str,
           catalog: Catalog | None = None) -> str | None:
    """The command body holding ``authority`` over ``unit_id``, or ``None`` if nobody does.

    Parameters
    ----------
    graph_or_stage
        An :func:`authority_graph`, or a :class:`~eastflank.schema.Stage` with ``catalog``.
    authority
        ``administer``, ``move``, ``designate_targets``, ``initiate_combat`` or
        ``nuclear_release``.
    unit_id
        Id of a unit or facility of the dataset.
    catalog
        Needed only when a stage is given.

    Raises
    ------
    ModelInputError
        If a stage is given without a catalog.
    """
    auth = parse_authority(authority)
    if isinstance(graph_or_stage, Stage):
        if catalog is None:
            raise ModelInputError("holder(stage, ...) needs catalog=; or pass authority_graph()")
        graph = _cached_graph(graph_or_stage, catalog)
    else:
        graph = graph_or_stage
    if unit_id not in graph:
        return None
    for gnode in _groups_of(graph, unit_id):
        for u, _, key in graph.in_edges(gnode, keys=True):
            if key == auth.value:
                return str(u)
    return None


def _locate(stage: Stage, catalog: Catalog, unit_id: str, auth: Authority
            ) -> tuple[Assignment | None, int, str | None]:
    """The assignment of ``auth`` covering ``unit_id``, its index and the unit's group."""
    graph = _cached_graph(stage, catalog)
    if unit_id not in catalog.units and unit_id not in catalog.facilities:
        pool = {**catalog.units, **catalog.facilities}
        raise UnknownNameError("unit", unit_id, catalog.suggest(unit_id, "units")
                               or [p for p in pool if unit_id in p][:3])
    if unit_id not in graph or graph.nodes[unit_id]["kind"] == "body":
        raise ModelInputError(
            f"unit {unit_id!r} is in no force group of stage {stage.id!r} "
            f"(as of {stage.date}); expected a unit the stage's groups select"
        )
    groups = [g.removeprefix(GROUP_PREFIX) for g in _groups_of(graph, unit_id)]
    for i, a in enumerate(stage.assignments):
        if a.authority is auth and a.group in groups:
            return a, i, a.group
    return None, -1, groups[0] if groups else None


def who(stage: Stage, catalog: Catalog, authority: str | Authority, unit_id: str) -> Holding:
    """Who holds ``authority`` over ``unit_id`` at ``stage``, with the assignment's sources.

    Raises
    ------
    UnknownNameError
        If ``unit_id`` is not a unit or facility of the dataset, or the authority is unknown.
    ModelInputError
        If no force group of the stage selects the unit.
    """
    auth = parse_authority(authority)
    a, _, group = _locate(stage, catalog, unit_id, auth)
    gname = next((g.name for g in stage.force_groups if g.id == group), None)
    base = Holding(stage=stage.id, date=stage.date.isoformat(), authority=auth, unit=unit_id,
                   unit_name=_name(catalog, unit_id), group=group, group_name=gname,
                   holder=None, holder_name=None, holder_actor=None)
    if a is None:
        return replace(base, note=f"stage {stage.id!r} assigns {auth.value!r} over this group "
                       "to no command body")
    body = catalog.command_bodies.get(a.holder)
    return replace(base, holder=a.holder, holder_name=body.name if body else a.holder,
                   holder_actor=body.actor if body else None, via=tuple(a.via),
                   consents=tuple(dict.fromkeys(g.consent for g in a.gates)),
                   status=a.status.value, sources=tuple(a.sources), note=a.note)


def _request_path(stage: Stage, graph: nx.MultiDiGraph, decider: str, a: Assignment
                  ) -> tuple[list[str], list[ChainGate]]:
    """The bodies and channel gates from ``decider`` to the holder of assignment ``a``."""
    if decider == a.holder:
        return [decider], []
    usable: nx.DiGraph = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        if data.get("kind") != "channel":
            continue
        if a.authority.value not in data["authorities"]:
            continue
        if data["groups"] and a.group not in data["groups"]:
            continue
        old = usable.get_edge_data(u, v)
        if old is None or data["mean_h"] < old["mean_h"]:
            usable.add_edge(u, v, mean_h=data["mean_h"], index=data["index"])
    try:
        path: list[str] = nx.dijkstra_path(usable, decider, a.holder, weight="mean_h")
    except (nx.NodeNotFound, nx.NetworkXNoPath):
        raise ModelInputError(
            f"{decider!r} cannot obtain {a.authority.value!r} over force group {a.group!r} at "
            f"stage {stage.id!r}: the authority is held by {a.holder!r} and no channel of the "
            f"stage leads there from {decider!r}"
        ) from None
    gates = []
    for u, v in pairwise(path):
        c = stage.channels[usable.edges[u, v]["index"]]
        gates.append(ChainGate(consent=v, delay=c.delay, origin=f"channel:{u}->{v}",
                               status=c.status.value, sources=tuple(c.sources), note=c.note))
    return path, gates


def order_chain(stage: Stage, catalog: Catalog, from_body: str, unit_id: str,
                authority: str | Authority) -> Chain:
    """The chain an order of ``authority`` passes from ``from_body`` to ``unit_id``.

    The order goes from the decider through the stage's channels to the holder (each channel
    adds the consent of the body asked), then down the holder's ``via`` bodies, then down the
    unit's own parent chain in the dataset from where ``via`` joins it. The gates of the
    holding assignment follow the channel gates. A body consents once per chain, and the
    decider's own consent is implicit: such gates are left out.

    Parameters
    ----------
    stage, catalog
        A loaded stage and the dataset.
    from_body
        Id of the command body taking the decision (e.g. ``russian-president``).
    unit_id
        Id of a unit (or facility) selected by one of the stage's force groups.
    authority
        The authority exercised.

    Returns
    -------
    Chain

    Raises
    ------
    UnknownNameError
        Unknown body, unit or authority (with the nearest names).
    ModelInputError
        The unit is in no group, nobody holds the authority over it, or no channel leads
        from ``from_body`` to the holder.
    StageError
        The chain visits a body twice (a cycle between ``via`` and the unit's chain).
    """
    auth = parse_authority(authority)
    if from_body not in catalog.command_bodies:
        raise UnknownNameError("command body", from_body,
                               catalog.suggest(from_body, "command_bodies"))
    a, index, group = _locate(stage, catalog, unit_id, auth)
    if a is None:
        raise ModelInputError(
            f"no command body holds {auth.value!r} over {unit_id!r} (force group {group!r}) "
            f"at stage {stage.id!r}"
        )
    graph = _cached_graph(stage, catalog)
    prefix, channel_gates = _request_path(stage, graph, from_body, a)
    day = catalog.as_of(stage.date)
    top = [a.holder, *a.via]
    anc = ancestors(day, unit_id)
    descent = list(reversed(anc[: anc.index(top[-1])])) if top[-1] in anc else []
    bodies = [*prefix[:-1], *top, *descent, unit_id]
    repeated = [b for i, b in enumerate(bodies) if b in bodies[:i]]
    if repeated:
        file, line = stage.where(f"assignments.{index}.via")
        raise StageError(
            f"the order chain visits {repeated[0]!r} twice ({' -> '.join(bodies)}); expected "
            "a chain without cycles: fix 'via' or the channels",
            file=file, line=line, record=stage.id, field=f"assignments.{index}.via",
        )
    consented = {from_body}
    gates: list[ChainGate] = []
    for gate in [*channel_gates, *(
        ChainGate(consent=g.consent, delay=g.delay, origin="assignment", status=g.status.value,
                  sources=tuple(g.sources), note=g.note)
        for g in a.gates
    )]:
        if gate.consent not in consented:
            consented.add(gate.consent)
            gates.append(gate)
    return Chain(stage=stage.id, authority=auth, unit=unit_id, group=a.group,
                 decider=from_body, holder=a.holder, bodies=tuple(bodies), gates=tuple(gates),
                 veto_points=_vetoes(tuple(gates)), hop_delay=a.hop_delay or stage.hop_delay)


# -- latency ---------------------------------------------------------------------------------
def _key_int(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def chain_components(chain: Chain) -> Iterator[tuple[str, DelayHours]]:
    """The random components of a chain's latency: ``(key, delay)`` per gate and per hop.

    :func:`sample_latency` draws component ``key`` from its own uniform stream,
    ``Generator(PCG64(SeedSequence([seed, h])))`` with ``h`` the first 8 bytes (little
    endian) of the BLAKE2b digest of ``key``, and maps it through the triangular inverse CDF.
    Other models (the warning-time model) reuse the scheme to share draws with a chain.
    """
    return _components(chain)


def _components(chain: Chain) -> Iterator[tuple[str, DelayHours]]:
    # A gate's stream is keyed by what the gate is (origin, consent, delay), never by its
    # position, so removing one gate leaves every other gate's draws unchanged.
    seen: dict[str, int] = {}
    for g in chain.gates:
        d = g.delay
        ident = f"gate|{g.origin}|{g.consent}|{d.min_h!r}|{d.mode_h!r}|{d.max_h!r}"
        k = seen.get(ident, 0)
        seen[ident] = k + 1
        yield f"{ident}|{k}", d
    for i, (u, v) in enumerate(pairwise(chain.bodies)):
        yield f"hop|{i}|{u}|{v}", chain.hop_delay


def _triangular(delay: DelayHours, n: int, seq: np.random.SeedSequence) -> NDArray[np.float64]:
    lo, mode, hi = delay.min_h, delay.mode_h, delay.max_h
    if hi == lo:
        return np.full(n, lo)
    # numpy's triangular is the inverse CDF of one uniform per draw (next_double), the same
    # map as ``lo + sqrt(u (hi - lo)(mode - lo))`` below the mode and its mirror above.
    return np.random.Generator(np.random.PCG64(seq)).triangular(lo, mode, hi, n)


def _base_seed(rng: int | np.random.Generator | None) -> int:
    if isinstance(rng, np.random.Generator):
        return int(rng.integers(0, 2**63 - 1))
    if rng is None:
        return int(np.random.SeedSequence().entropy % (2**63 - 1))  # type: ignore[operator]
    if isinstance(rng, bool) or not isinstance(rng, int | np.integer) or rng < 0:
        raise ModelInputError(f"seed: expected a non-negative integer or a Generator, got {rng!r}")
    return int(rng)


def sample_latency(chain: Chain, n: int, rng: int | np.random.Generator | None = None
                   ) -> NDArray[np.float64]:
    """Sample the latency of ``chain``: each gate's delay plus each hop's transmission delay.

    Each delay is triangular (``min_h``, ``mode_h``, ``max_h``), sampled by inverse transform.
    Every component (a gate, a hop) draws from its own stream, keyed by the component and the
    seed, so the same seed gives the same arrays, and removing a gate leaves the other
    components' draws unchanged: a chain without a gate is never slower, sample by sample.

    Parameters
    ----------
    chain
        From :func:`order_chain`.
    n
        Number of samples (>= 1).
    rng
        A seed (non-negative int), a :class:`numpy.random.Generator`, or ``None`` (fresh
        entropy: not reproducible).

    Returns
    -------
    numpy.ndarray
        ``n`` latencies in hours.

    Raises
    ------
    ModelInputError
        If ``n < 1`` or ``rng`` is neither an int, a Generator nor None.

    Examples
    --------
    >>> from eastflank.catalog import load_catalog
    >>> cat = load_catalog()
    >>> stage = load_stage("subordination-2026", cat)
    >>> c = order_chain(stage, cat, "russian-president", "6th-guards-mechanised-brigade", "move")
    >>> x = sample_latency(c, 20_000, 1)
    >>> bool(abs(x.mean() - c.mean_latency_h) < 0.05 * c.mean_latency_h)
    True
    """
    return _sample(chain, n, _base_seed(rng))


def _sample(chain: Chain, n: int, base: int) -> NDArray[np.float64]:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ModelInputError(f"samples: expected an integer >= 1, got {n!r}")
    total = np.zeros(int(n))
    for key, delay in _components(chain):
        total += _triangular(delay, int(n), np.random.SeedSequence([base, _key_int(key)]))
    return total


def latency_summary(chain: Chain, n: int = 10_000, seed: int | None = None) -> LatencySummary:
    """Sample ``n`` latencies of ``chain`` and summarise them (hours), recording the seed.

    ``seed=None`` draws a fresh seed and records it, so the run can be replayed.
    """
    base = _base_seed(seed)
    x = _sample(chain, n, base)
    p5, p50, p95 = np.percentile(x, [5, 50, 95])
    return LatencySummary(n=int(n), seed=base, p5_h=float(p5), p50_h=float(p50),
                          p95_h=float(p95), mean_h=float(x.mean()),
                          expected_mean_h=chain.mean_latency_h)


@dataclass(frozen=True)
class ChainReport:
    """A chain with the names of its bodies and its sampled latency (what ``command chain``
    prints)."""

    chain: Chain
    names: dict[str, str]
    actors: dict[str, str | None]
    latency: LatencySummary


def chain_report(stage: Stage, catalog: Catalog, from_body: str, unit_id: str,
                 authority: str | Authority, samples: int = 10_000,
                 seed: int | None = None) -> ChainReport:
    """:func:`order_chain` and :func:`latency_summary` together, with names and actors.

    Raises
    ------
    UnknownNameError, ModelInputError, StageError
        As :func:`order_chain` and :func:`sample_latency`.
    """
    chain = order_chain(stage, catalog, from_body, unit_id, authority)
    latency = latency_summary(chain, samples, seed)
    names = {b: _name(catalog, b) for b in chain.bodies}
    actors: dict[str, str | None] = {}
    for b in chain.bodies:
        rec: Any = (catalog.command_bodies.get(b) or catalog.units.get(b)
                    or catalog.facilities.get(b))
        actors[b] = rec.actor if rec is not None else None
    return ChainReport(chain=chain, names=names, actors=actors, latency=latency)


# -- diff ------------------------------------------------------------------------------------
def stage_diff(a: Stage, b: Stage, catalog: Catalog | None = None) -> StageDiff:
    """Which authority over which force group changed from stage ``a`` to stage ``b``.

    Groups are matched by id. With ``catalog``, each holder's actor is filled in.
    """
    def index(s: Stage) -> dict[tuple[str, Authority], Assignment]:
        return {(x.group, x.authority): x for x in s.assignments}

    def actor(body: str | None) -> str | None:
        if body is None or catalog is None:
            return None
        rec = catalog.command_bodies.get(body)
        return rec.actor if rec else None

    def vetoes(x: Assignment | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(g.consent for g in x.gates)) if x else ()

    ia, ib = index(a), index(b)
    order = list(dict.fromkeys([g.id for g in b.force_groups] + [g.id for g in a.force_groups]))
    changes: list[AuthorityChange] = []
    unchanged = 0
    for gid in order:
        for auth in AUTHORITIES:
            xa, xb = ia.get((gid, auth)), ib.get((gid, auth))
            if xa is None and xb is None:
                continue
            kind: Literal["moved", "added", "removed", "consents"]
            if xa is None:
                kind = "added"
            elif xb is None:
                kind = "removed"
            elif xa.holder != xb.holder:
                kind = "moved"
            elif vetoes(xa) != vetoes(xb):
                kind = "consents"
            else:
                unchanged += 1
                continue
            ha, hb = (xa.holder if xa else None), (xb.holder if xb else None)
            changes.append(AuthorityChange(
                group=gid, authority=auth, change=kind, before=ha, after=hb,
                before_actor=actor(ha), after_actor=actor(hb),
                vetoes_before=vetoes(xa), vetoes_after=vetoes(xb)))
    return StageDiff(a=a.id, b=b.id, a_date=a.date.isoformat(), b_date=b.date.isoformat(),
                     changes=tuple(changes), unchanged=unchanged)


# -- drawing ---------------------------------------------------------------------------------
AUTHORITY_COLOURS: dict[str, str] = {
    "administer": "#7f7f7f",
    "move": "#1f77b4",
    "designate_targets": "#ff7f0e",
    "initiate_combat": "#d62728",
    "nuclear_release": "#9467bd",
}
"""Edge colour of each authority in :func:`draw_stage`."""

ACTOR_COLOURS: dict[str, str] = {
    "RU": "#f4a6a6", "BY": "#a6d8a6", "UNION-STATE": "#d8c6f0", "NATO": "#a6c8f4",
}
"""Node colour of each actor's bodies in :func:`draw_stage` (others grey)."""

_ACTOR_ORDER = {"RU": 0, "UNION-STATE": 1, "BY": 2}

_ROW_NAMES = {0: "heads of state", 1: "councils, ministries", 2: "general staffs",
              3: "districts, commands", 4: "forces"}

_LEVEL = {"head-of-state": 0, "council": 1, "government": 1, "ministry": 1,
          "general-staff": 2, "defence-staff": 2}


def draw_stage(stage: Stage, catalog: Catalog, ax: Axes | None = None) -> Figure:
    """Draw the authority graph of ``stage``: bodies, force groups, authority edges.

    Bodies are coloured by actor and placed in rows by level (heads of state, ministries,
    staffs, districts and commands); force groups form the bottom row. Authority edges
    (holder -> group) are coloured by authority; order paths are thin grey, consents dashed
    and channels (requests) dotted.

    Returns
    -------
    matplotlib.figure.Figure
        The figure (not shown, not saved): the caller saves or embeds it.
    """
    import matplotlib as mpl
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    mpl.use("Agg", force=False)
    graph = _cached_graph(stage, catalog)
    shown: set[str] = set()
    for u, v, d in graph.edges(data=True):
        if d["kind"] in ("authority", "order", "consent", "channel"):
            shown.update((u, v))
    drawn: nx.MultiDiGraph = graph.subgraph(shown).copy()

    def level(n: str) -> int:
        data = graph.nodes[n]
        if data["kind"] == "group":
            return 4
        return _LEVEL.get(data.get("body_kind") or "", 3)

    def sort_key(n: str) -> tuple[int, int, str]:
        data = graph.nodes[n]
        actor = str(data.get("actor") or "").split("/")[0]
        return level(n), _ACTOR_ORDER.get(actor, len(_ACTOR_ORDER)), str(data.get("name") or n)

    ordered: nx.MultiDiGraph = nx.MultiDiGraph()
    rows: dict[int, list[str]] = {}
    for n in sorted(drawn.nodes, key=sort_key):
        ordered.add_node(n, **drawn.nodes[n])
        rows.setdefault(level(n), []).append(n)
    ordered.add_edges_from(drawn.edges(keys=True, data=True))
    # Bodies stand in one column block per actor (RU left, BY right); groups spread below.
    def actor_rank(n: str) -> int:
        return sort_key(n)[1]

    block: dict[int, int] = {}
    for lvl, row in rows.items():
        if lvl == 4:
            continue
        for rank_ in {actor_rank(n) for n in row}:
            block[rank_] = max(block.get(rank_, 0), sum(actor_rank(n) == rank_ for n in row))
    start: dict[int, float] = {}
    total = 0.0
    for rank_ in sorted(block):
        start[rank_] = total
        total += block[rank_] + 0.6
    total = max(total - 0.6, 1.0)
    pos: dict[str, tuple[float, float]] = {}
    for lvl, row in rows.items():
        if lvl == 4:
            # at least one column per group so that the boxes never overlap; centred under
            # the bodies when the row is wider than they are
            step = max(total / max(len(row), 1), 1.0)
            left = (total - step * len(row)) / 2
            for i, n in enumerate(row):
                pos[n] = (left + step * (i + 0.5), -float(lvl))
            continue
        for rank_ in sorted({actor_rank(n) for n in row}):
            members = [n for n in row if actor_rank(n) == rank_]
            offset = start[rank_] + (block[rank_] - len(members)) / 2 + 0.5
            for i, n in enumerate(members):
                pos[n] = (offset + i, -float(lvl))

    xs_all = [p_[0] for p_ in pos.values()] or [0.0]
    if ax is None:
        # about 1.7 in per column, so that 10 pt labels stay legible at 100 % zoom when the
        # page shows the figure at its natural size (a 16 in wide figure was shrunk to ~60 %)
        span = max(xs_all) - min(xs_all) + 3.2
        fig = Figure(figsize=(min(max(1.7 * span, 8.0), 15.0), 8.5), layout="constrained")
        ax = fig.add_subplot()
    else:
        fig = ax.get_figure()  # type: ignore[assignment]
    ax.set_axis_off()
    ax.set_title(f"{stage.name} ({stage.id}, {stage.date}, {stage.status.value})",
                 fontsize=12)

    # Nodes are labelled boxes, coloured by actor (circles with small text are unreadable at
    # 100 % zoom); rows are named on the left: who decides at the top, the forces at the bottom.
    for n in ordered:
        data = ordered.nodes[n]
        is_group = data["kind"] == "group"
        colour = ACTOR_COLOURS.get(str(data.get("actor") or "").split("/")[0], "#dddddd")
        x, y = pos[n]
        ax.text(x, y, _wrap(str(data["name"]), 16), ha="center", va="center", fontsize=10,
                zorder=3, bbox={"boxstyle": "square,pad=0.35" if is_group else
                                "round,pad=0.35", "fc": colour, "ec": "#333333",
                                "lw": 1.2 if is_group else 0.8, "alpha": 0.95})
    xs = [p_[0] for p_ in pos.values()] or [0.0]
    for lvl in sorted(rows):
        ax.text(min(xs) - 0.6, -float(lvl), _ROW_NAMES.get(lvl, ""), ha="right", va="center",
                fontsize=10, style="italic", color="#555555")
    ax.set_xlim(min(xs) - 2.0, max(xs) + 0.6)
    ax.set_ylim(-4.6, 0.5)

    styles = {"order": ("#999999", "solid", 0.8), "consent": ("#8c564b", "dashed", 1.2),
              "channel": ("#17becf", "dotted", 1.6)}
    rank: dict[tuple[str, str], int] = {}
    done: set[tuple[str, str, str]] = set()
    for u, v, d in ordered.edges(data=True):
        if d["kind"] == "authority":
            colour, style, width = AUTHORITY_COLOURS[d["authority"]], "solid", 1.8
            tag = d["authority"]
        elif d["kind"] in styles:
            colour, style, width = styles[d["kind"]]
            tag = d["kind"]
        else:
            continue
        if (u, v, tag) in done:
            continue
        done.add((u, v, tag))
        k = rank.get((u, v), 0)
        rank[(u, v)] = k + 1
        nx.draw_networkx_edges(ordered, pos, edgelist=[(u, v)], ax=ax, edge_color=colour,
                               style=style, width=width, arrows=True, arrowsize=11,
                               node_size=3200, connectionstyle=f"arc3,rad={0.05 * k}")
    handles = [Line2D([], [], color=c, lw=2, label=a) for a, c in AUTHORITY_COLOURS.items()]
    handles += [Line2D([], [], color=c, lw=w, ls=s, label=k) for k, (c, s, w) in styles.items()]
    handles += [Line2D([], [], marker="o", ls="", color=c, label=a, markersize=8)
                for a, c in ACTOR_COLOURS.items()]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), fontsize=9,
              frameon=False, ncols=5)
    return fig


def _wrap(text: str, width: int = 18) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
