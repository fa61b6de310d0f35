"""Maps of the eastern flank with matplotlib: borders, places by actor, gap, rings.

No tile server and no internet: the borders are the region's Natural Earth 1:10m polygons,
drawn in the equal-area projection :data:`~eastflank.geo.atlas.EQUAL_AREA_CRS`. The main
entry point, :func:`draw_flank_map`, draws on a given :class:`matplotlib.axes.Axes` (or a
new figure) and returns the :class:`~matplotlib.figure.Figure`, so that the HTML report can
embed the same map as SVG for each stage.

Examples
--------
>>> from eastflank.geo.atlas import default_region
>>> fig = draw_flank_map(region=default_region())
>>> fig.axes[0].get_title()
'The eastern flank'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry.base import BaseGeometry

from eastflank.catalog import Catalog
from eastflank.errors import OutputError
from eastflank.geo.atlas import ATLAS_LABEL, EQUAL_AREA_CRS, Region
from eastflank.geo.measure import Gap, gap, ring
from eastflank.geo.points import GeoPoint
from eastflank.safeio import atomic_target

__all__ = [
    "ACTOR_COLOURS",
    "DEFAULT_EXTENT",
    "DRAW_TOLERANCE_M",
    "MapLine",
    "MapMarker",
    "RingSpec",
    "draw_flank_map",
    "markers_from_catalog",
    "save_figure",
]

DEFAULT_EXTENT = (13.0, 48.5, 33.5, 60.5)
"""Map window (lon_min, lat_min, lon_max, lat_max), degrees: Germany's east to Smolensk."""

ACTOR_COLOURS: dict[str, str] = {
    "RU": "#8b1a1a",
    "BY": "#e0672b",
    "UNION-STATE": "#b03a2e",
    "PL": "#1f4e9c",
    "LT": "#2a7f62",
    "LV": "#7d3c98",
    "EE": "#148f9c",
    "DE": "#444444",
    "US": "#1b2631",
    "NATO": "#2471a3",
    "UA": "#b7950b",
}
"""Marker colour per actor; other actors are drawn grey."""

_FILL_EAST = "#f6ddd5"  # Russia and Belarus
_FILL_NATO = "#dde8f3"
_FILL_OTHER = "#efefe6"
_EAST_TERRITORIES = {"RU", "RU-KGD", "BY"}


@dataclass(frozen=True)
class MapMarker:
    """A place to mark: a dot in its actor's colour, a square when it hosts a garrison."""

    point: GeoPoint
    actor: str
    garrison: bool = False
    label: bool = False


@dataclass(frozen=True)
class RingSpec:
    """A range ring: ``radius_km`` around ``center``."""

    center: GeoPoint
    radius_km: float
    label: str | None = None


@dataclass(frozen=True)
class MapLine:
    """A labelled geodesic line between two points (a distance, a gap)."""

    a: GeoPoint
    b: GeoPoint
    label: str


DRAW_TOLERANCE_M = 1000.0
"""Tolerance (metres, equal-area projection) to which borders are simplified for drawing
only: about half a point on the 9-inch flank map (some 2 km a point), so the figure looks the
same while its SVG is a fraction of the size. Distances and areas are computed on the
unsimplified borders (eastflank.geo)."""


def markers_from_catalog(catalog: Catalog, label_kinds: Iterable[str] = ("capital",)) -> list[
    MapMarker
]:
    """Every place of ``catalog``, coloured by its country; garrisons by their units' actor.

    A place that is the garrison of a unit becomes a square in the colour of the unit's
    actor (a Russian unit in Belarus is drawn in Russia's colour). Places of kinds in
    ``label_kinds`` are named on the map. Who stands where is read from
    :func:`eastflank.posture.stationed`, the one owner of that question.
    """
    from eastflank.posture import stationed  # posture imports eastflank.geo

    garrison_actor: dict[str, str] = {}
    for s in stationed(catalog):
        if s.garrison is None:
            continue
        prev = garrison_actor.get(s.garrison)
        place_country = catalog.places[s.garrison].country
        # A foreign garrison is the more telling colour; keep it once seen.
        if prev is None or (prev == place_country and s.actor != place_country):
            garrison_actor[s.garrison] = s.actor
    kinds = set(label_kinds)
    return [
        MapMarker(
            GeoPoint(p.lat, p.lon, p.name, p.id),
            garrison_actor.get(p.id, p.country),
            garrison=p.id in garrison_actor,
            label=p.kind in kinds,
        )
        for p in catalog.places.values()
    ]


def _polygon_path(geom: BaseGeometry) -> MplPath | None:
    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for poly in shapely.get_parts(geom):
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring_ in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring_.coords)
            c = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
            c[0], c[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return None
    return MplPath(np.concatenate(verts), np.concatenate(codes))


def _xy(region: Region, points: Sequence[GeoPoint]) -> np.ndarray:
    pts = shapely.points([[p.lon, p.lat] for p in points])
    return np.asarray(shapely.get_coordinates(region.to_equal_area(pts)), dtype=float)


def _window(region: Region, extent: tuple[float, float, float, float]) -> BaseGeometry:
    box = shapely.segmentize(shapely.box(*extent), 0.25)
    return shapely.box(*region.to_equal_area(box).bounds)


def draw_flank_map(
    ax: Axes | None = None,
    *,
    region: Region,
    markers: Sequence[MapMarker] = (),
    rings: Sequence[RingSpec] = (),
    lines: Sequence[MapLine] = (),
    highlight: BaseGeometry | None = None,
    highlight_label: str | None = None,
    show_gap: bool = True,
    nato: Collection[str] | None = None,
    extent: tuple[float, float, float, float] = DEFAULT_EXTENT,
    title: str = "The eastern flank",
    subtitle: str | None = None,
) -> Figure:
    """Draw the eastern flank: borders and names, places by actor, gap, rings, lines.

    Parameters
    ----------
    ax
        Axes to draw on; a new 9x9 in figure when ``None``.
    region
        The territories (:func:`~eastflank.geo.atlas.default_region`).
    markers
        Places to mark (:func:`markers_from_catalog`).
    rings
        Geodesic range rings.
    lines
        Labelled lines between points (drawn as geodesics).
    highlight
        A lon/lat line geometry to draw bold (e.g. a common border), with ``highlight_label``.
    nato
        Territory codes to fill as NATO states (default: the members listed in
        ``data/geo/borders.yaml``; pass ``BorderData.nato_members(day)`` for a date).
    show_gap
        Draw the Suwałki Gap: the shortest line from Belarus to Kaliningrad, with its km.
    extent
        Window (lon_min, lat_min, lon_max, lat_max), degrees.
    title, subtitle
        Title of the axes, and a smaller line under it (e.g. the stage or date).

    Returns
    -------
    matplotlib.figure.Figure
        The figure holding ``ax``.
    """
    if ax is None:
        fig = Figure(figsize=(9, 9.5), layout="constrained")
        ax = fig.add_subplot()
    else:
        fig = ax.get_figure()  # type: ignore[assignment]
    if nato is None:
        from eastflank.geo.borders import default_border_data

        nato = default_border_data().nato_members()
    nato_set = set(nato)
    window = _window(region, extent)
    shapely.prepare(window)
    handles: list[Any] = []

    # Territories: fill by side, outline, name.
    for terr in region:
        geom = shapely.intersection(region.projected(terr.code), window)
        # drawn at a tolerance far below a pixel; every distance is measured on the full borders
        geom = shapely.simplify(geom, DRAW_TOLERANCE_M, preserve_topology=True)
        path = _polygon_path(geom)
        if path is None:
            continue
        fill = (
            _FILL_EAST if terr.code in _EAST_TERRITORIES
            else _FILL_NATO if terr.code in nato_set else _FILL_OTHER
        )
        ax.add_patch(PathPatch(path, facecolor=fill, edgecolor="#555555", linewidth=0.7,
                               zorder=1))
        if shapely.area(geom) > 4e9:
            at = shapely.point_on_surface(geom)
            ax.text(at.x, at.y, terr.name.replace(" (without Kaliningrad)", ""),
                    ha="center", va="center", fontsize=9, color="#555555", style="italic",
                    zorder=2)
    handles += [
        Patch(facecolor=_FILL_EAST, edgecolor="#555555", label="Russia and Belarus"),
        Patch(facecolor=_FILL_NATO, edgecolor="#555555", label="NATO states"),
        Patch(facecolor=_FILL_OTHER, edgecolor="#555555", label="other (Ukraine de facto)"),
    ]

    # Graticule every 5 degrees.
    for lon in range(int(extent[0]) // 5 * 5, int(extent[2]) + 5, 5):
        line = region.to_equal_area(shapely.LineString([(lon, extent[1]), (lon, extent[3])]))
        ax.plot(*np.asarray(line.coords).T, color="#bbbbbb", linewidth=0.4, zorder=0.5)
    for lat in range(int(extent[1]) // 5 * 5, int(extent[3]) + 5, 5):
        seg = shapely.segmentize(shapely.LineString([(extent[0], lat), (extent[2], lat)]), 0.5)
        line = region.to_equal_area(seg)
        ax.plot(*np.asarray(line.coords).T, color="#bbbbbb", linewidth=0.4, zorder=0.5)

    if highlight is not None and not highlight.is_empty:
        proj = region.to_equal_area(highlight)
        for part in shapely.get_parts(proj):
            ax.plot(*np.asarray(part.coords).T, color="#c0392b", linewidth=3.0, zorder=3,
                    solid_capstyle="round")
        handles.append(Line2D([], [], color="#c0392b", linewidth=3.0,
                              label=highlight_label or "highlighted border"))

    for spec in rings:
        poly = region.to_equal_area(ring(spec.center, spec.radius_km))
        xy = np.asarray(poly.exterior.coords)
        ax.plot(xy[:, 0], xy[:, 1], color="#6c3483", linewidth=1.1, linestyle="--", zorder=3)
        cx, cy = _xy(region, [spec.center])[0]
        ax.plot(cx, cy, marker="+", color="#6c3483", markersize=9, zorder=6)
        top = xy[np.argmax(xy[:, 1])]
        ax.text(top[0], top[1], spec.label or f"{spec.radius_km:g} km from {spec.center.label}",
                fontsize=7.5, color="#6c3483", ha="center", va="bottom", zorder=6,
                clip_on=True)
    if rings:
        handles.append(Line2D([], [], color="#6c3483", linestyle="--",
                              label="geodesic range ring"))

    all_lines = list(lines)
    if show_gap:
        g: Gap = gap(region, "BY", "RU-KGD")
        all_lines.append(MapLine(g.point_a, g.point_b, f"Suwałki Gap {g.distance_km:.1f} km"))
    for ml in all_lines:
        seg = shapely.segmentize(shapely.LineString([(ml.a.lon, ml.a.lat),
                                                     (ml.b.lon, ml.b.lat)]), 0.05)
        xy = np.asarray(region.to_equal_area(seg).coords)
        ax.plot(xy[:, 0], xy[:, 1], color="#111111", linewidth=2.0, zorder=5,
                marker="o", markevery=[0, len(xy) - 1], markersize=3.5)
        mid = xy[len(xy) // 2]
        ax.annotate(ml.label, xy=(mid[0], mid[1]), xytext=(8, -14), textcoords="offset points",
                    fontsize=8.5, weight="bold", zorder=7,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#111111",
                          "lw": 0.6, "alpha": 0.9})

    # Places by actor.
    xy_all = _xy(region, [m.point for m in markers]) if markers else np.empty((0, 2))
    keep = shapely.contains_xy(window, xy_all[:, 0], xy_all[:, 1])
    inside = [m for m, k in zip(markers, keep, strict=True) if k]
    if inside:
        xy = xy_all[keep]
        actors_seen: dict[str, str] = {}
        for (x, y), m in zip(xy, inside, strict=True):
            colour = ACTOR_COLOURS.get(m.actor, "#7f8c8d")
            actors_seen.setdefault(m.actor, colour)
            ax.plot(x, y, marker="s" if m.garrison else "o",
                    markersize=5.5 if m.garrison else 3.5, color=colour,
                    markeredgecolor="white", markeredgewidth=0.4, zorder=4, linestyle="none")
            if m.label:
                ax.text(x, y, f" {m.point.label}", fontsize=7.5, va="bottom", zorder=6)
        handles += [
            Line2D([], [], marker="o", color=c, linestyle="none", label=f"place ({a})")
            for a, c in sorted(actors_seen.items())
        ]
        if any(m.garrison for m in inside):
            handles.append(Line2D([], [], marker="s", color="#555555", linestyle="none",
                                  label="garrison (unit's actor colour)"))

    xmin, ymin, xmax, ymax = window.bounds
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title + (f"\n{subtitle}" if subtitle else ""), fontsize=12)
    # Scale bar (true near the projection centre, 52°N 10°E; within 1-2% over this window).
    x0, y0 = xmin + 0.04 * (xmax - xmin), ymin + 0.05 * (ymax - ymin)
    ax.plot([x0, x0 + 200_000], [y0, y0], color="black", linewidth=2.5, zorder=8)
    ax.text(x0 + 100_000, y0 + 0.008 * (ymax - ymin), "200 km", ha="center", va="bottom",
            fontsize=8, zorder=8)
    ax.text(0.99, 0.005,
            f"Borders: {ATLAS_LABEL}, de facto; scale of data 1:10m. "
            f"Projection {EQUAL_AREA_CRS} (equal-area).",
            transform=ax.transAxes, ha="right", va="bottom", fontsize=7, color="#333333",
            bbox={"boxstyle": "square,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
            zorder=9)
    ax.set_facecolor("#eef4f8")  # sea
    ax.legend(handles=handles, loc="upper left", fontsize=7.5, framealpha=0.9)
    return fig


def save_figure(fig: Figure, path: Path) -> Path:
    """Write ``fig`` to ``path`` (format from the suffix: .png or .svg), atomically.

    Raises
    ------
    OutputError
        If the suffix is not .png or .svg, or the file cannot be written.
    """
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise OutputError(f"unsupported map format {path.suffix!r}; expected .png or .svg",
                          file=str(path))
    with atomic_target(Path(path), "map file") as tmp:
        fig.savefig(tmp, format=fmt, dpi=150)
    return path
