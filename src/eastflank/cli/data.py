"""``eastflank data``: validate, list, show, export and query the dataset."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

if TYPE_CHECKING:
    from eastflank.catalog import Catalog
from eastflank.cli._common import DataOpt, JsonOpt, console, emit, get_catalog, parse_date
from eastflank.errors import ModelInputError, UnknownNameError

app = typer.Typer(help="Validate, list, show, export and query the sourced dataset.",
                  no_args_is_help=True)

def _kind(name: str) -> str:
    from eastflank.catalog import KINDS


    kind_names = {k.replace("_", "-"): k for k in KINDS}
    key = name.replace("_", "-").lower()
    if key not in kind_names:
        from rapidfuzz import process

        near = [c for c, s, _ in process.extract(key, list(kind_names), limit=2) if s >= 60]
        raise UnknownNameError("kind", name, near)
    return kind_names[key]


def validation_summary(cat: Catalog, seconds: float) -> dict[str, Any]:
    """Counts by kind, status and actor, and source coverage of a loaded catalog."""
    from eastflank.catalog import KINDS

    status: Counter[str] = Counter()
    by_actor: Counter[str] = Counter()
    unsourced: list[str] = []
    for kind in KINDS:
        if kind == "sources":
            continue
        for rec in cat.records[kind].values():
            status[rec.status.value] += 1
            by_actor[cat.actor_of(rec) or "none"] += 1
            if not rec.sources or any(s not in cat.sources for s in rec.sources):
                unsourced.append(rec.id)
    no_link = [s.id for s in cat.sources.values() if not (s.url or s.page)]
    return {
        "ok": not unsourced and not no_link,
        "counts": cat.counts(),
        "status": dict(sorted(status.items())),
        "by_actor": dict(sorted(by_actor.items())),
        "records_without_source": unsourced,
        "sources_without_url_or_page": no_link,
        "load_seconds": round(seconds, 3),
    }


@app.command()
def validate(
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Load and cross-check the whole dataset; print counts by kind, status and actor."""
    from eastflank.catalog import load_catalog

    t0 = time.perf_counter()
    cat = load_catalog(extra=data or ())
    result = validation_summary(cat, time.perf_counter() - t0)

    def render(r: dict[str, Any]) -> None:
        table = Table(title="eastflank dataset: valid" if r["ok"] else "eastflank dataset")
        table.add_column("kind")
        table.add_column("records", justify="right")
        for k, n in r["counts"].items():
            table.add_row(k.replace("_", "-"), str(n))
        console.print(table)
        console.print("by status: " + ", ".join(f"{k} {v}" for k, v in r["status"].items()))
        console.print("by actor: " + ", ".join(f"{k} {v}" for k, v in r["by_actor"].items()))
        console.print(f"loaded and cross-checked in {r['load_seconds']:.3f} s")

    emit(result, as_json, render)


@app.command("list")
def list_(
    kind: Annotated[str, typer.Argument(help="places, units, facilities, weapon-systems, "
                                        "command-bodies, events, indicators, sources or "
                                        "actors")],
    as_of: Annotated[str | None, typer.Option(help="Only records valid on this date.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code: BY, RU, PL, LT, LV, UA, NATO.")]
    = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the records of one kind, optionally as of a date and for one actor."""
    k = _kind(kind)
    day = parse_date(as_of)
    cat = get_catalog(data)
    if day is not None:
        cat = cat.as_of(day)
    recs = cat.select(k, actor.upper() if actor else None)
    result = [_listing(cat, r.id) for r in recs]

    def render(rows: list[dict[str, Any]]) -> None:
        table = Table(title=f"{kind} ({len(rows)})" + (f" as of {as_of}" if as_of else ""))
        table.add_column("id", overflow="fold", style="bold")
        table.add_column("name", overflow="fold")
        table.add_column("actor")
        table.add_column("where", overflow="fold")
        table.add_column("status")
        table.add_column("sources", justify="right")
        for r in rows:
            rec = r["record"]
            place = r.get("garrison") or r.get("place") or r.get("seat")
            loc = place["name"] if place else (
                f"{rec['lat']:.3f}, {rec['lon']:.3f}" if "lat" in rec else rec.get("date", ""))
            table.add_row(rec["id"], rec.get("name") or rec.get("title"),
                          str(cat.actor_of(cat.get(rec["id"])) or ""), str(loc or ""),
                          rec.get("status", ""), str(len(rec.get("sources", []))))
        console.print(table)

    emit(result, as_json, render)


def _listing(cat: Catalog, rid: str) -> dict[str, Any]:
    view = cat.describe(rid)
    view["sources"] = [{"id": s["id"], "title": s["title"], "url": s.get("url"),
                        "page": s.get("page")} for s in view["sources"]]
    return view


@app.command()
def show(
    record_id: Annotated[str, typer.Argument(help="Id, name or alias of any record.")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one record in full, with its sources and where it is defined.

    The id, name or alias must match exactly (case and diacritics aside); ``data find`` searches
    with typos.
    """
    cat = get_catalog(data)
    try:
        rec = cat.get(record_id)
    except UnknownNameError:
        rec = cat.resolve(record_id)
    result = cat.describe(rec.id)

    def render(r: dict[str, Any]) -> None:
        table = Table(title=f"{r['kind'].replace('_', '-')} {r['record']['id']}",
                      show_header=False)
        table.add_column("field", style="bold")
        table.add_column("value", overflow="fold")
        for key, value in r["record"].items():
            if value not in (None, [], {}):
                table.add_row(key, str(value))
        for key in ("garrison", "place", "seat", "parent"):
            if key in r:
                table.add_row(f"→ {key}", str(r[key]))
        table.add_row("defined at", r.get("defined_at", ""))
        console.print(table)
        for s in r["sources"]:
            console.print(f"  [{s['id']}] {s.get('author') or s.get('publisher')}, "
                          f"{s['title']} ({s['year']}) {s.get('url') or s.get('page')}")

    emit(result, as_json, render)


@app.command()
def find(
    text: Annotated[str, typer.Argument(help="Id, name or alias, possibly misspelt.")],
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    limit: Annotated[int, typer.Option(help="Most records to list (1-100).")] = 10,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Typo-tolerant search of ids, names and aliases (every other look-up is exact)."""
    if not 1 <= limit <= 100:
        raise ModelInputError(f"--limit: expected an integer from 1 to 100, got {limit}")
    cat = get_catalog(data)
    hits = cat.find(text, _kind(kind) if kind else None, limit=limit)

    def render(rows: list[dict[str, Any]]) -> None:
        table = Table(title=f"records like {text!r} ({len(rows)})")
        for col in ("id", "kind", "name", "score"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["id"], r["kind"].replace("_", "-"), r["name"], f"{r['score']:.0f}")
        console.print(table)

    emit(hits, as_json, render)


@app.command()
def sources(data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """List every source with the number of records citing it."""
    from eastflank.catalog import KINDS

    cat = get_catalog(data)
    cited: Counter[str] = Counter()
    for rec in cat.iter_records([k for k in KINDS if k != "sources"]):
        for s in set(rec.sources) | {s for f in rec.figures for s in f.sources}:
            cited[s] += 1
    result = [
        {**s.model_dump(mode="json", exclude_none=True), "cited_by": cited[s.id]}
        for s in cat.sources.values()
    ]

    def render(rows: list[dict[str, Any]]) -> None:
        table = Table(title=f"sources ({len(rows)})")
        for col in ("id", "author/publisher", "year", "title", "status", "cited"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(r["id"], r.get("author") or r.get("publisher", ""), str(r["year"]),
                          r["title"], r["status"], str(r["cited_by"]))
        console.print(table)

    emit(result, as_json, render)


@app.command()
def export(
    duckdb_file: Annotated[Path, typer.Option("--duckdb", help="DuckDB file to write.")],
    as_of: Annotated[str | None, typer.Option(help="Export the slice valid on this date.")]
    = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace an existing file that is not an eastflank export.")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the dataset (or a dated slice) to an embedded DuckDB file for SQL."""
    day = parse_date(as_of)
    cat = get_catalog(data)
    if day is not None:
        cat = cat.as_of(day)
    cat.to_duckdb(duckdb_file, force)
    result = {"path": str(duckdb_file), "tables": cat.counts()}
    emit(result, as_json, lambda r: console.print(f"wrote {r['path']}: {r['tables']}"))


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SELECT over tables sources, places, units, ...")],
    db: Annotated[Path | None, typer.Option(
        "--db", help="Query this eastflank DuckDB export instead of the loaded dataset.")]
    = None,
    data: DataOpt = None,
    sweep: Annotated[Path | None, typer.Option(
        "--sweep", help="Also load this sweep's results (one row per point) as table sweep.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run one read-only SELECT over the dataset (DuckDB, one table per kind).

    The connection is read-only with external access (files, URLs, extensions) disabled and
    its configuration locked; at most 100,000 rows and 30 s. ``--sweep`` adds a sweep's
    results as table ``sweep``.
    """
    from eastflank.export import is_eastflank_duckdb
    from eastflank.query import check_sql, dataset_file, open_readonly, run_query

    check_sql(sql)
    if db is not None and sweep is not None:
        raise ModelInputError("--db and --sweep: expected one of them (the sweep's results are "
                              "loaded beside the dataset, not into an export)")
    if db is not None:
        read_regular_check(db)
        if not is_eastflank_duckdb(db):
            raise ModelInputError("not an eastflank DuckDB export; expected a file written by "
                                  "'eastflank data export'", file=str(db))
        con = open_readonly(db)
        try:
            result = run_query(con, sql)
        finally:
            con.close()
    else:
        with dataset_file(get_catalog(data), sweep) as path:
            con = open_readonly(path)
            try:
                result = run_query(con, sql)
            finally:
                con.close()

    def render(r: dict[str, Any]) -> None:
        table = Table()
        for c in r["columns"]:
            table.add_column(str(c), overflow="fold")
        for row in r["rows"]:
            table.add_row(*(str(v) for v in row.values()))
        console.print(table)

    emit(result, as_json, render)


def read_regular_check(path: Path) -> None:
    """Refuse a ``--db`` path that is missing or not a regular file (a FIFO, a device)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ModelInputError(f"cannot open ({exc.strerror})", file=str(path)) from None
    if not stat.S_ISREG(mode):
        raise ModelInputError("expected a regular file", file=str(path))


@app.command()
def summary(data: DataOpt = None, as_json: JsonOpt = False) -> None:
    """Summarise the dataset by actor, kind and status."""
    from eastflank.catalog import KINDS

    cat = get_catalog(data)
    table_data: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        if kind in ("sources", "actors"):
            continue
        for rec in cat.records[kind].values():
            actor = cat.actor_of(rec) or "none"
            row = table_data.setdefault(actor, {})
            row[kind] = row.get(kind, 0) + 1
            row[rec.status.value] = row.get(rec.status.value, 0) + 1
    result = {"by_actor": dict(sorted(table_data.items())), "sources": len(cat.sources)}

    def render(r: dict[str, Any]) -> None:
        cols = [k for k in KINDS if k not in ("sources", "actors")]
        statuses = ["established", "reported", "claimed", "hypothetical"]
        table = Table(title=f"eastflank dataset by actor ({r['sources']} sources)")
        table.add_column("actor")
        for c in cols + statuses:
            table.add_column(c.replace("_", "-"), justify="right")
        for actor, row in r["by_actor"].items():
            table.add_row(actor, *(str(row.get(c, 0)) for c in cols + statuses))
        console.print(table)

    emit(result, as_json, render)


@app.command()
def cite(
    record_ids: Annotated[list[str] | None, typer.Argument(
        help="Ids of sources or of any records (a record brings its sources).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="bibtex, csl-json or ris.")] = "bibtex",
    kind: Annotated[str | None, typer.Option(
        "--kind", help="Cite the sources of every record of this kind (e.g. units).")] = None,
    report: Annotated[Path | None, typer.Option(
        "--report", help="Cite every source a written report cites (its folder or "
        "report.json).")] = None,
    data: DataOpt = None,
) -> None:
    """Print citations of the sources behind records, as BibTeX, CSL-JSON or RIS."""
    import sys

    from eastflank.cite import FORMATS, format_sources, report_source_ids, sources_for

    if fmt not in FORMATS:
        raise ModelInputError(f"--format: expected one of {', '.join(FORMATS)}, got {fmt!r}")
    if not record_ids and kind is None and report is None:
        raise ModelInputError("give record ids, --kind KIND or --report PATH")
    ids = list(record_ids or ())
    if report is not None:
        ids += report_source_ids(report)
    cat = get_catalog(data)
    found = sources_for(cat, ids, _kind(kind) if kind else None)
    sys.stdout.write(format_sources(found, fmt))
