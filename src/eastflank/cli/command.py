"""``eastflank command``: who may order what, order chains, stage diffs and drawings.

Every command takes ``--stage`` as a built-in stage id (``eastflank command stages``) or the
path of a user's own stage file (a counterfactual), and ``--json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from eastflank.catalog import Catalog
    from eastflank.schema import Stage
from eastflank.cli._common import DataOpt, JsonOpt, console, emit, get_catalog
from eastflank.errors import UnknownNameError
from eastflank.policy import check_samples

__all__ = ["app", "register"]

app = typer.Typer(help="Command authority by integration stage: who holds it, the chain of "
                       "an order and its latency, what moved between stages.",
                  no_args_is_help=True)

StageOpt = Annotated[str, typer.Option("--stage", "-s",
                                       help="Built-in stage id or path of a stage YAML file.")]
UnitOpt = Annotated[str, typer.Option(
    "--unit", "-u", help="Unit (or facility) id, name or alias, e.g. "
                         "6th-guards-mechanised-brigade.")]
AuthOpt = Annotated[str, typer.Option("--authority", "-a",
                                      help="administer, move, designate_targets, "
                                           "initiate_combat or nuclear_release.")]


def register(app_: typer.Typer) -> None:
    """Add the ``command`` group to the ``eastflank`` command."""
    app_.add_typer(app, name="command")


def _stage(name: str, cat: Catalog) -> Stage:
    from eastflank.command import load_stage

    return load_stage(name, cat)


def _unit(cat: Catalog, name: str) -> str:
    if name in cat.units or name in cat.facilities:
        return name
    try:
        return str(cat.resolve(name, kind="units").id)
    except UnknownNameError as first:
        try:
            return str(cat.resolve(name, kind="facilities").id)
        except UnknownNameError as second:
            near = [s for s in [*first.suggestions, *second.suggestions]
                    if s in cat.units or s in cat.facilities]
            raise UnknownNameError("unit", name, near[:3]) from None


def _body(cat: Catalog, name: str) -> str:
    if name in cat.command_bodies:
        return name
    try:
        return str(cat.resolve(name, kind="command_bodies").id)
    except UnknownNameError as exc:
        near = [s for s in exc.suggestions if s in cat.command_bodies]
        raise UnknownNameError("command body", name, near) from None


@app.command()
def stages(as_json: JsonOpt = False) -> None:
    """List the built-in stages with their date, status and gist."""
    from eastflank.command import list_stages
    from eastflank.stages import parse_stage, stage_path

    rows: list[dict[str, Any]] = []
    for sid in list_stages():
        st = parse_stage(stage_path(sid))
        rows.append({"id": st.id, "name": st.name, "date": st.date.isoformat(),
                     "status": st.status.value, "summary": " ".join(st.summary.split())})

    def render(r: list[dict[str, Any]]) -> None:
        table = Table(title="integration stages")
        for col in ("id", "date", "status", "name"):
            table.add_column(col, overflow="fold")
        for x in r:
            table.add_row(x["id"], x["date"], x["status"], x["name"])
        console.print(table)

    emit(rows, as_json, render)


@app.command("who")
def who_(
    authority: AuthOpt,
    unit: UnitOpt,
    stage: StageOpt,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who holds an authority over a unit at a stage, with the sources of the assignment."""
    from eastflank.command import parse_authority, who

    auth = parse_authority(authority)
    cat = get_catalog(data)
    st = _stage(stage, cat)
    result = who(st, cat, auth, _unit(cat, unit))

    def render(h: Any) -> None:
        console.print(f"[bold]{h.stage}[/] ({h.date}): {h.authority.value} over "
                      f"{escape(h.unit_name)} ({h.unit})")
        if h.holder is None:
            console.print(f"  held by nobody: {h.note}")
            return
        console.print(f"  held by [bold]{escape(h.holder_name)}[/] ({h.holder}, "
                      f"{h.holder_actor}) through force group '{escape(h.group_name)}'")
        if h.via:
            console.print(f"  order passes: {' -> '.join(h.via)}")
        console.print(f"  consents required: {', '.join(h.consents) or 'none'}")
        console.print(f"  status {h.status}; sources: {', '.join(h.sources) or '-'}")
        if h.note:
            console.print(f"  note: {escape(' '.join(h.note.split()))}")

    emit(result, as_json, render)


@app.command()
def chain(
    from_body: Annotated[str, typer.Option("--from", help="Deciding command body (id, name "
                                                          "or alias), e.g. russian-president.")],
    unit: UnitOpt,
    authority: AuthOpt,
    stage: StageOpt,
    samples: Annotated[int, typer.Option(help="Latency samples (at most 2,000,000).")]
    = 10_000,
    seed: Annotated[int | None, typer.Option(help="Random seed (default: fresh, printed).",
                                             min=0)] = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The chain of an order from a decision-maker to a unit: bodies, veto points, latency."""
    from eastflank.command import chain_report, parse_authority

    check_samples(samples, "chain")
    auth = parse_authority(authority)
    cat = get_catalog(data)
    st = _stage(stage, cat)
    result = chain_report(st, cat, _body(cat, from_body), _unit(cat, unit), auth,
                          samples=samples, seed=seed)

    def render(r: Any) -> None:
        c = r.chain
        console.print(f"[bold]{c.stage}[/]: {c.authority.value} over "
                      f"{escape(r.names[c.unit])} decided by {escape(r.names[c.decider])}")
        table = Table(show_header=True)
        for col in ("#", "body", "actor", "role"):
            table.add_column(col)
        for i, b in enumerate(c.bodies):
            role = ("decider" if b == c.decider else "") + (
                " holder" if b == c.holder else "") + (" VETO" if b in c.veto_points else "")
            table.add_row(str(i), escape(f"{r.names[b]} ({b})"), r.actors.get(b) or "",
                          role.strip())
        console.print(table)
        for g in c.gates:
            d = g.delay
            console.print(f"  gate: consent of {g.consent} ({g.origin}, {g.status}); delay "
                          f"{d.min_h:g}/{d.mode_h:g}/{d.max_h:g} h ({d.status.value})")
        console.print(f"  veto points: {', '.join(c.veto_points) or 'none'}")
        lat = r.latency
        console.print(f"  latency (h): p5 {lat.p5_h:.1f}  p50 {lat.p50_h:.1f}  p95 "
                      f"{lat.p95_h:.1f}  (n={lat.n}, seed={lat.seed})")

    emit(result, as_json, render)


@app.command()
def diff(
    stage_a: Annotated[str, typer.Argument(help="Earlier stage (id or file).")],
    stage_b: Annotated[str, typer.Argument(help="Later stage (id or file).")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Which authority over which force group moved from whom to whom between two stages."""
    from eastflank.command import stage_diff

    cat = get_catalog(data)
    result = stage_diff(_stage(stage_a, cat), _stage(stage_b, cat), cat)

    def render(d: Any) -> None:
        table = Table(title=f"{d.a} ({d.a_date}) -> {d.b} ({d.b_date}): "
                            f"{len(d.changes)} changed, {d.unchanged} unchanged")
        for col in ("group", "authority", "change", "before -> after", "vetoes"):
            table.add_column(col, overflow="fold")
        for c in d.changes:
            vetoes = (f"{', '.join(c.vetoes_before) or '-'} -> "
                      f"{', '.join(c.vetoes_after) or '-'}")
            table.add_row(c.group, c.authority.value, c.change,
                          f"{c.before or '-'} ({c.before_actor or '-'}) -> "
                          f"{c.after or '-'} ({c.after_actor or '-'})", vetoes)
        console.print(table)

    emit(result, as_json, render)


def _write_svg(fig: Any, path: Path) -> None:
    """Save a figure as SVG without leaving a half-written file."""
    from eastflank.safeio import atomic_target

    with atomic_target(path, "SVG file") as tmp:
        fig.savefig(tmp, format="svg")


@app.command()
def graph(
    stage: StageOpt,
    svg: Annotated[Path, typer.Option("--svg", help="SVG file to write.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Draw a stage's authority graph (bodies, force groups, authority edges) as SVG."""
    from eastflank.command import authority_graph, draw_stage
    from eastflank.schema import AUTHORITIES

    cat = get_catalog(data)
    st = _stage(stage, cat)
    fig = draw_stage(st, cat)
    _write_svg(fig, svg)
    g = authority_graph(st, cat)
    kinds: dict[str, int] = {}
    for _, _, d in g.edges(data=True):
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
    result = {"stage": st.id, "svg": str(svg), "nodes": g.number_of_nodes(),
              "edges": kinds, "authorities": [a.value for a in AUTHORITIES]}

    def render(r: dict[str, Any]) -> None:
        console.print(f"wrote {r['svg']} ({r['stage']}: {r['nodes']} nodes)")

    emit(result, as_json, render)
