"""``eastflank geo``: distances, gaps, border lengths, coverage and maps on real borders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

if TYPE_CHECKING:
    from eastflank.catalog import Catalog
from eastflank.cli._common import DataOpt, JsonOpt, console, emit, get_catalog, parse_date
from eastflank.errors import ModelInputError

if TYPE_CHECKING:
    from eastflank.geo.maps import RingSpec
    from eastflank.geo.points import GeoPoint

app = typer.Typer(
    help="Geodesic distances, gaps, border lengths, coverage and maps on Natural Earth 1:10m "
    "borders.",
    no_args_is_help=True,
)

PngOpt = Annotated[Path | None, typer.Option("--png", help="Also draw a map to this PNG file.")]
SvgOpt = Annotated[Path | None, typer.Option("--svg", help="Also draw a map to this SVG file.")]


def register(root: typer.Typer) -> None:
    """Add the ``geo`` group to the root command."""
    root.add_typer(app, name="geo")


def _draw(png: Path | None, svg: Path | None, data: list[Path] | None, **kw: Any) -> list[str]:
    """Draw the flank map with ``kw`` overlays to the files asked for; return their paths."""
    from eastflank.geo.atlas import default_region
    from eastflank.geo.maps import draw_flank_map, markers_from_catalog, save_figure

    if png is None and svg is None:
        return []
    cat = get_catalog(data)
    kw.setdefault("markers", markers_from_catalog(cat))
    fig = draw_flank_map(region=default_region(), **kw)
    return [str(save_figure(fig, p)) for p in (png, svg) if p is not None]


@app.command("distance")
def distance_cmd(
    a: Annotated[str, typer.Argument(help="Place id, name or alias, or 'lat,lon'.")],
    b: Annotated[str, typer.Argument(help="Place id, name or alias, or 'lat,lon'.")],
    png: PngOpt = None,
    svg: SvgOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Geodesic distance (WGS84) between two places."""
    from eastflank.geo.maps import MapLine
    from eastflank.geo.measure import distance
    from eastflank.geo.points import resolve_point

    cat = get_catalog(data)
    res = distance(resolve_point(a, cat), resolve_point(b, cat))
    line = MapLine(res.a, res.b, f"{res.a.label}–{res.b.label} {res.distance_km:.1f} km")
    maps = _draw(png, svg, data, lines=[line], show_gap=False)
    out = {"distance": res, "maps": maps}

    def render(r: dict[str, Any]) -> None:
        d = r["distance"]
        console.print(f"{d.a.label} ({d.a.lat:.4f}, {d.a.lon:.4f}) → {d.b.label} "
                      f"({d.b.lat:.4f}, {d.b.lon:.4f}): [bold]{d.distance_km:.1f} km[/bold] "
                      f"geodesic (WGS84), initial bearing {d.azimuth_deg:.0f}°")
        for m in r["maps"]:
            console.print(f"map written to {m}")

    emit(out, as_json, render)


@app.command("to-border")
def to_border_cmd(
    place: Annotated[str, typer.Argument(help="Place id, name or alias, or 'lat,lon'.")],
    territory: Annotated[str, typer.Argument(help="Territory code (BY, PL, RU-KGD, ...).")],
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Geodesic distance from a place to the nearest point of a territory's border."""
    from eastflank.geo.atlas import default_region
    from eastflank.geo.measure import distance_to_border
    from eastflank.geo.points import resolve_point

    cat = get_catalog(data)
    region = default_region()
    res = distance_to_border(resolve_point(place, cat), region.get(territory))

    def render(r: Any) -> None:
        where = "inside" if r.inside else "outside"
        console.print(f"{r.point.label} ({where} {r.territory}) is [bold]{r.distance_km:.1f} "
                      f"km[/bold] from the {r.territory} border, nearest at "
                      f"({r.nearest.lat:.4f}, {r.nearest.lon:.4f}); borders at {r.scale}")

    emit(res, as_json, render)


@app.command("gap")
def gap_cmd(
    a: Annotated[str, typer.Argument(help="Territory code, e.g. BY.")],
    b: Annotated[str, typer.Argument(help="Territory code, e.g. RU-KGD.")],
    png: PngOpt = None,
    svg: SvgOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Shortest geodesic distance between two territories and its end points."""
    from eastflank.geo.atlas import default_region
    from eastflank.geo.maps import MapLine
    from eastflank.geo.measure import gap

    res = gap(default_region(), a, b)
    line = MapLine(res.point_a, res.point_b, f"{res.a}–{res.b} {res.distance_km:.1f} km")
    maps = _draw(png, svg, data, lines=[line], show_gap=False)
    out = {"gap": res, "maps": maps}

    def render(r: dict[str, Any]) -> None:
        g = r["gap"]
        console.print(f"{g.a} ↔ {g.b}: [bold]{g.distance_km:.1f} km[/bold] "
                      f"from ({g.point_a.lat:.4f}, {g.point_a.lon:.4f}) to "
                      f"({g.point_b.lat:.4f}, {g.point_b.lon:.4f}); borders at {g.scale}")
        for m in r["maps"]:
            console.print(f"map written to {m}")

    emit(out, as_json, render)


@app.command("border")
def border_cmd(
    a: Annotated[str, typer.Argument(help="Territory code, e.g. BY.")],
    b: Annotated[str, typer.Argument(help="Territory code, e.g. PL.")],
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Date for the NATO total (members on that day), YYYY-MM-DD.")] = None,
    png: PngOpt = None,
    svg: SvgOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Shared border length: measured at 1:10m next to the official lengths and sources.

    When one side is Belarus or Russia, the total of its land border with NATO states is
    given too, both ways.
    """
    from eastflank.geo.atlas import ATLAS_LABEL, default_region
    from eastflank.geo.borders import (
        belarus_nato_border,
        check_border_sources,
        compare_border,
        default_border_data,
        russia_nato_border,
    )
    from eastflank.geo.measure import common_boundary

    cat = get_catalog(data)
    region = default_region()
    borders = default_border_data()
    check_border_sources(borders, cat)
    day = parse_date(as_of)
    res = compare_border(region, borders, a, b, cat)
    totals = []
    sides = {res.a, res.b}
    if "BY" in sides:
        totals.append(belarus_nato_border(region, borders, day, cat))
    if sides & {"RU", "RU-KGD"}:
        totals.append(russia_nato_border(region, borders, day, cat))
    maps = _draw(png, svg, data, highlight=common_boundary(region, res.a, res.b),
                 highlight_label=f"{res.a}–{res.b} border, {res.geometric_km:.0f} km at 1:10m")
    out = {"border": res, "totals": totals, "maps": maps}

    def render(r: dict[str, Any]) -> None:
        c = r["border"]
        console.print(f"{c.a}–{c.b} border: [bold]{c.geometric_km:.1f} km[/bold] measured on "
                      f"{ATLAS_LABEL} lines (scale {c.scale}, generalised)")
        table = Table(title="official lengths")
        for col in ("km", "basis", "preferred", "sources"):
            table.add_column(col)
        for f in c.official:
            table.add_row(f"{f.value_km:g}", f.basis, "yes" if f.preferred else "",
                          "; ".join(s.get("title", s["id"]) for s in f.sources))
        console.print(table)
        if c.geometric_share is not None:
            console.print(f"the 1:10m line keeps {c.geometric_share:.0%} of the preferred "
                          "official length")
        for t in r["totals"]:
            basis = ", ".join(f"{k} {v:.0f} km" for k, v in t.by_basis.items() if v)
            console.print(f"{t.label} ({' + '.join(p.b for p in t.pairs)}): "
                          f"{t.geometric_km:.0f} km at 1:10m; official {t.preferred_km:.0f} km "
                          f"(preferred figures)" + (f"; {basis}" if basis else ""))
        for m in r["maps"]:
            console.print(f"map written to {m}")

    emit(out, as_json, render)


def _split_codes(values: list[str]) -> list[str]:
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@app.command("coverage")
def coverage_cmd(
    site: Annotated[list[str], typer.Option(
        "--site", help="Site: place id, name or alias, or 'lat,lon'; repeat for more.")],
    radius_km: Annotated[list[float], typer.Option(
        "--radius-km", help="Radius in km; repeat for more.")],
    territory: Annotated[list[str] | None, typer.Option(
        "--territory", help="Territory codes, comma-separated (default PL,LT,LV).")] = None,
    png: PngOpt = None,
    svg: SvgOpt = None,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Share and area (km², EPSG:3035) of territories within R km of any of the sites."""
    from eastflank.geo.atlas import default_region
    from eastflank.geo.maps import RingSpec
    from eastflank.geo.measure import coverage
    from eastflank.geo.points import resolve_point

    cat = get_catalog(data)
    sites = [resolve_point(s, cat) for s in site]
    codes = _split_codes(territory or ["PL,LT,LV"])
    res = coverage(default_region(), sites, radius_km, codes)
    rings = [RingSpec(s, r) for s in sites for r in res.radii_km if r > 0]
    maps = _draw(png, svg, data, rings=rings)
    out = {"coverage": res, "maps": maps}

    def render(r: dict[str, Any]) -> None:
        c = r["coverage"]
        table = Table(title=f"within R km of {', '.join(s.label for s in c.sites)}")
        for col in ("territory", "R km", "covered km²", "area km²", "share"):
            table.add_column(col, justify="right")
        for row in c.rows:
            table.add_row(row.territory, f"{row.radius_km:g}", f"{row.covered_km2:,.0f}",
                          f"{row.area_km2:,.0f}", f"{row.share:.1%}")
        console.print(table)
        console.print(f"areas in {c.projection} (equal-area); borders {c.data}")
        for m in r["maps"]:
            console.print(f"map written to {m}")

    emit(out, as_json, render)


@app.command("area")
def area_cmd(
    territory: Annotated[list[str], typer.Argument(help="Territory codes.")],
    as_json: JsonOpt = False,
) -> None:
    """Area of territories: geodesic and in the equal-area projection (km²)."""
    from eastflank.geo.atlas import ATLAS_LABEL, default_region
    from eastflank.geo.measure import territory_area

    region = default_region()
    res = [territory_area(region, t) for t in _split_codes(territory)]

    def render(r: list[Any]) -> None:
        table = Table(title=f"areas ({ATLAS_LABEL})")
        for col in ("territory", "km² (geodesic)", "km² (EPSG:3035)"):
            table.add_column(col, justify="right")
        for a in r:
            table.add_row(a.territory, f"{a.area_km2:,.0f}", f"{a.projected_km2:,.0f}")
        console.print(table)

    emit(res, as_json, render)


def _stage_date(stage: str, cat: Catalog) -> dt.date:
    """The date of a stage (built-in id or a stage file), loaded and checked."""
    from eastflank.stages import load_stage

    return load_stage(stage, cat).date


def _ring_spec(text: str, cat: Any) -> RingSpec:
    from eastflank.geo.maps import RingSpec
    from eastflank.geo.points import resolve_point

    place, sep, km = text.rpartition(":")
    if not sep:
        raise ModelInputError(f"expected PLACE:KM, got {text!r}", field="--ring")
    try:
        radius = float(km)
    except ValueError:
        raise ModelInputError(f"expected PLACE:KM with KM a number, got {text!r}",
                              field="--ring") from None
    if radius <= 0:
        raise ModelInputError(f"radius {radius:g} km is invalid; expected a radius > 0 km",
                              field="--ring")
    point: GeoPoint = resolve_point(place, cat)
    return RingSpec(point, radius)


@app.command("map")
def map_cmd(
    png: PngOpt = None,
    svg: SvgOpt = None,
    stage: Annotated[str | None, typer.Option(
        "--stage", help="Show the dataset as at this stage's date (stage id or file).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Show the dataset as at this date, YYYY-MM-DD.")] = None,
    ring: Annotated[list[str] | None, typer.Option(
        "--ring", help="Range ring PLACE:KM (e.g. brest:500); repeat for more.")] = None,
    no_gap: Annotated[bool, typer.Option("--no-gap", help="Do not draw the Suwałki Gap.")] = (
        False),
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Draw the eastern flank: borders, places and garrisons by actor, the gap, range rings."""
    from eastflank.geo.borders import default_border_data
    from eastflank.geo.maps import markers_from_catalog

    if png is None and svg is None:
        raise ModelInputError("nothing to draw to; give --png FILE and/or --svg FILE",
                              field="--png")
    if stage is not None and as_of is not None:
        raise ModelInputError("give --stage or --as-of, not both", field="--stage")
    cat = get_catalog(data)
    day = _stage_date(stage, cat) if stage is not None else parse_date(as_of)
    view = cat.as_of(day) if day is not None else cat
    rings = [_ring_spec(r, cat) for r in ring or []]
    label = f"stage {stage} ({day})" if stage else (f"as of {day}" if day else "all records")
    nato = default_border_data().nato_members(day)
    maps = _draw(png, svg, data, markers=markers_from_catalog(view), rings=rings,
                 show_gap=not no_gap, nato=nato, subtitle=label)
    out = {"maps": maps, "as_of": day.isoformat() if day else None, "stage": stage,
           "places": len(view.places), "rings": [
               {"center": r.center, "radius_km": r.radius_km} for r in rings]}

    def render(r: dict[str, Any]) -> None:
        for m in r["maps"]:
            console.print(f"map written to {m} ({r['places']} places, {label})")

    emit(out, as_json, render)
