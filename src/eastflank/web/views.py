"""The data of each view of the web app, shaped for the browser from library results.

Every function here calls the library (catalog slices, geography, posture, command, reach)
and arranges its result as JSON-ready dicts, GeoJSON, KML or CSV; none models anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from eastflank.catalog import Catalog
from eastflank.schema import Stage, Unit

__all__ = [
    "TABLES",
    "basemap",
    "command_elements",
    "facilities_geojson",
    "gap_geojson",
    "history",
    "kml",
    "rings_geojson",
    "sidc",
    "table_csv",
    "units_geojson",
]

TABLES = ("units", "facilities", "places", "command_bodies", "weapon_systems", "events",
          "sources", "actors")
"""Dataset tables offered as CSV."""

_HOSTILE = {"BY", "RU", "RU-KGD", "UNION-STATE", "CSTO"}

# MIL-STD-2525C letter codes: function id (characters 5-10) per unit branch, and the echelon
# (character 12) per unit echelon, as milsymbol reads them.
_FUNCTION = {
    "ground": "UCI---", "airborne": "UCIA--", "special-operations": "UCI---",
    "missile": "UCM---", "rocket-artillery": "UCFR--", "artillery": "UCF---",
    "air": "UCV---", "air-defence": "UCD---", "engineer": "UCE---", "signals": "UUS---",
    "electronic-warfare": "UUMSE-", "logistics": "USS---", "naval": "U-----",
    "nuclear": "UCM---", "territorial": "UCI---", "multinational": "UCI---",
}
_ROLE_FUNCTION = {"tank": "UCA---", "armour": "UCA---", "mechanised": "UCIZ--",
                  "motor": "UCIZ--", "air-assault": "UCIA--"}
_ECHELON = {"army": "K", "corps": "J", "division": "I", "brigade": "H", "regiment": "G",
            "battalion": "F", "battlegroup": "F", "group": "G", "squadron": "E", "base": "-"}


def affiliation(actor: str) -> str:
    """``H`` (hostile) for the Union State's actors, ``F`` (friendly) for the others."""
    return "H" if actor in _HOSTILE else "F"


def sidc(unit: Unit) -> str:
    """The 15-character MIL-STD-2525C symbol code of a unit (actor, branch, role, echelon).

    >>> from eastflank.catalog import load_catalog
    >>> u = next(u for u in load_catalog().units.values() if u.echelon == "brigade")
    >>> code = sidc(u)
    >>> len(code), code[11]
    (15, 'H')
    """
    function = _FUNCTION.get(unit.branch, "U-----")
    role = (unit.role or "").lower()
    if unit.branch == "ground":
        for key, code in _ROLE_FUNCTION.items():
            if key in role:
                function = code
                break
    return f"S{affiliation(unit.actor)}GP{function}-{_ECHELON.get(unit.echelon, '-')}---"


def _feature(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props}


def units_geojson(catalog: Catalog, day: dt.date) -> dict[str, Any]:
    """Every unit of the dataset as of ``day`` that has a garrison with coordinates, where
    :func:`eastflank.posture.stationed` puts it.

    Properties: id, name, actor, branch, echelon, role, status, deployment, garrison (id,
    name and territory), parent, personnel, weapon systems as of ``day``, sources and the
    symbol code. Units without a located garrison are listed in ``unlocated``.
    """
    from eastflank.posture import stationed

    view = catalog.as_of(day)
    features: list[dict[str, Any]] = []
    unlocated: list[str] = []
    for s in stationed(view):
        if s.lat is None or s.lon is None:
            unlocated.append(s.unit)
            continue
        u = view.units[s.unit]
        features.append(_feature(s.lon, s.lat, {
            "id": s.unit, "name": s.name, "actor": s.actor, "branch": s.branch,
            "echelon": s.echelon, "role": u.role, "status": s.status,
            "deployment": s.deployment, "garrison": s.garrison,
            "garrison_name": s.garrison_name, "area": s.area, "parent": s.parent,
            "parent_name": s.parent_name, "personnel": s.personnel,
            "weapon_systems": list(u.weapon_systems), "sources": list(u.sources),
            "sidc": sidc(u), "kind": "units",
        }))
    return {"type": "FeatureCollection", "as_of": day.isoformat(), "features": features,
            "unlocated": unlocated}


def facilities_geojson(catalog: Catalog, day: dt.date) -> dict[str, Any]:
    """Every facility as of ``day`` at its place."""
    view = catalog.as_of(day)
    features = []
    for f in view.facilities.values():
        place = view.places.get(f.place)
        if place is None:
            continue
        features.append(_feature(place.lon, place.lat, {
            "id": f.id, "name": f.name, "actor": f.actor, "kind": "facilities",
            "facility_kind": f.kind, "status": f.status.value, "place": place.id,
            "place_name": place.name, "sources": list(f.sources),
        }))
    return {"type": "FeatureCollection", "as_of": day.isoformat(), "features": features}


def _polygon(lat: float, lon: float, radius_km: float) -> dict[str, Any]:
    from eastflank.geo import rings

    xy = rings([lat], [lon], radius_km, 96)[0]
    return {"type": "Polygon", "coordinates": [[[round(float(x), 5), round(float(y), 5)]
                                                for x, y in xy]]}


RING_KM = (100.0, 1500.0)
"""Ranges drawn as rings on the flank map (as in the report's map); longer ones are listed."""


def rings_geojson(catalog: Catalog, day: dt.date) -> dict[str, Any]:
    """Geodesic range rings of the strike systems deployed as of ``day``
    (:func:`eastflank.posture.deployments`), one per place and range; systems whose range
    is beyond the map (:data:`RING_KM`) are listed in ``beyond_map``."""
    from eastflank.posture import MISSILE_KINDS, deployments

    view = catalog.as_of(day)
    seen: set[tuple[str, float]] = set()
    features = []
    beyond: dict[str, None] = {}
    for d in deployments(view, kinds=MISSILE_KINDS):
        km = d.range_km
        if km is None:  # the dataset does not know how far
            continue
        if km > RING_KM[1]:
            beyond[d.system_id] = None
        if (d.place_id, km) in seen or not RING_KM[0] <= km <= RING_KM[1]:
            continue
        seen.add((d.place_id, km))
        features.append({"type": "Feature", "geometry": _polygon(d.lat, d.lon, km),
                         "properties": {"system": d.system_id, "system_name": d.system_name,
                                        "unit": d.unit_id, "place": d.place_id,
                                        "range_km": d.range_km, "actor": d.actor,
                                        "nuclear_capable": d.nuclear_capable,
                                        "sources": list(d.sources)}})
    return {"type": "FeatureCollection", "as_of": day.isoformat(), "features": features,
            "beyond_map": list(beyond)}


def cover_geojson(cover: Any) -> dict[str, Any]:
    """The SAM sites of an air-defence cover result (:mod:`eastflank.reach.cover`) as discs
    of their range on its basis, with the covered shares."""
    features = []
    for s in cover.sites:
        if s.range_km is None:
            continue
        features.append({"type": "Feature", "geometry": _polygon(s.lat, s.lon, s.range_km),
                         "properties": {"system": s.system, "unit": s.unit, "place": s.place,
                                        "place_name": s.place_name,
                                        "unit_name": getattr(s, "unit_name", ""),
                                        "range_km": s.range_km, "basis": s.range_basis,
                                        "sources": list(getattr(s, "sources", []))}})
    return {"type": "FeatureCollection", "basis": cover.basis, "stage": cover.stage,
            "features": features,
            "rows": [{"territory": r.territory, "target_altitude_m": r.target_altitude_m,
                      "share": r.share} for r in cover.rows],
            "notes": list(cover.notes)}


def gap_geojson(the_gap: Any) -> dict[str, Any]:
    """The Suwałki Gap: its shortest Belarus-Kaliningrad segment, with its width."""
    a, b = the_gap.point_a, the_gap.point_b
    return {"type": "FeatureCollection", "features": [{
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[a.lon, a.lat], [b.lon, b.lat]]},
        "properties": {"name": "Suwałki Gap", "a": the_gap.a, "b": the_gap.b,
                       "distance_km": the_gap.distance_km, "scale": the_gap.scale},
    }]}


@lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """The territories of the region (Natural Earth 1:10m), simplified for the screen."""
    import shapely

    from eastflank.geo import default_region

    features = []
    for terr in default_region():
        geom = shapely.simplify(terr.geometry, 0.01, preserve_topology=True)
        features.append({"type": "Feature", "geometry": shapely.geometry.mapping(geom),
                         "properties": {"code": terr.code, "name": terr.name}})
    return {"type": "FeatureCollection", "features": features}


def history(catalog: Catalog, record_id: str, stages: Iterable[Stage]) -> list[dict[str, Any]]:
    """The record ``record_id`` at each stage date: present or not, and where it stood."""
    rows: list[dict[str, Any]] = []
    for st in stages:
        view = catalog.as_of(st.date)
        row: dict[str, Any] = {"stage": st.id, "date": st.date.isoformat(),
                               "present": False}
        try:
            rec = view.get(record_id)
        except LookupError:
            rows.append(row)
            continue
        row["present"] = True
        for attr in ("garrison", "place", "seat"):
            pid = getattr(rec, attr, None)
            if isinstance(pid, str):
                place = view.places.get(pid)
                row[attr] = {"id": pid, "name": place.name if place else pid}
        for attr in ("parent", "deployment", "status"):
            value = getattr(rec, attr, None)
            if value is not None:
                row[attr] = getattr(value, "value", value)
        if isinstance(rec, Unit):
            row["weapon_systems"] = list(rec.weapon_systems)
        rows.append(row)
    return rows


def command_elements(graph: Any, diff: Any | None = None) -> list[dict[str, Any]]:
    """Cytoscape.js elements of an authority graph (:func:`eastflank.command.authority_graph`):
    bodies and force groups as nodes (units are counted on their group), authority, order,
    consent, channel and parent (body over body) edges. With a
    :class:`~eastflank.command.StageDiff` whose ``b`` is this stage, changed authority edges
    carry ``changed``."""
    changed = {(c.group, c.authority.value if hasattr(c.authority, "value") else c.authority)
               for c in (diff.changes if diff is not None else ())}
    out: list[dict[str, Any]] = []
    keep = set()
    for node, data in graph.nodes(data=True):
        if data.get("kind") not in ("body", "group"):
            continue
        keep.add(node)
        members = data.get("members") or ()
        out.append({"group": "nodes", "data": {
            "id": node, "label": data.get("name") or node, "kind": data["kind"],
            "actor": data.get("actor") or "", "body_kind": data.get("body_kind") or "",
            "members": len(members)}})
    orders: dict[tuple[str, str], list[str]] = {}
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        kind = data.get("kind")
        if kind not in ("authority", "order", "consent", "channel", "parent") or u not in keep \
                or v not in keep:
            continue
        group = v.split(":", 1)[1] if v.startswith("group:") else None
        auth = data.get("authority")
        if kind == "order":  # one edge per pair of bodies, listing what passes along it
            orders.setdefault((u, v), []).append(f"{auth} ({data.get('group')})")
            continue
        out.append({"group": "edges", "data": {
            "id": f"e{i}", "source": u, "target": v, "kind": kind, "key": str(key),
            "authority": auth or "", "status": data.get("status") or "",
            "sources": list(data.get("sources") or []),
            "changed": bool(group and auth and (group, auth) in changed)}})
    for i, ((u, v), what) in enumerate(orders.items()):
        out.append({"group": "edges", "data": {
            "id": f"o{i}", "source": u, "target": v, "kind": "order", "key": "order",
            "authority": "", "status": "", "sources": [], "carries": what,
            "changed": False}})
    return out


def table_csv(catalog: Catalog, table: str) -> str:
    """One dataset table as CSV, columns as in the DuckDB export (:mod:`eastflank.export`)."""
    from eastflank.export import connect

    con = connect(catalog)
    try:
        cur = con.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["|".join(map(str, v)) if isinstance(v, list) else v for v in row])
    return buf.getvalue()


def kml(collection: dict[str, Any], name: str) -> str:
    """A KML 2.2 document of the points of a GeoJSON feature collection."""
    marks = []
    for f in collection["features"]:
        lon, lat = f["geometry"]["coordinates"]
        p = f["properties"]
        data = "".join(
            f'<Data name="{escape(str(k))}"><value>{escape(str(v))}</value></Data>'
            for k, v in p.items() if v is not None and k != "name")
        marks.append(
            f"<Placemark><name>{escape(str(p.get('name', '')))}</name>"
            f"<ExtendedData>{data}</ExtendedData>"
            f"<Point><coordinates>{lon},{lat},0</coordinates></Point></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<name>{escape(name)}</name>{''.join(marks)}</Document></kml>\n")
