"""Border data: the region's territories from Natural Earth 1:10m, read once and cached.

The borders are Natural Earth's 1:10m admin-0 countries (public domain) as shipped in the npm
package ``world-atlas@2.0.2`` (``countries-10m.json``, TopoJSON), which ``make setup`` puts in
``vendor/world-atlas/``. The file is read with pyogrio (GDAL's TopoJSON driver); the region's
territories are then cached as WKB in a small ``.npz`` file, so later loads skip the 3.6 MB
TopoJSON decode. Nothing is fetched at run time.

Territories are named by ISO 3166 alpha-2 code and mapped explicitly from the atlas's ISO
3166 numeric ids. Russia is split in two by geometry: ``RU-KGD`` is the Kaliningrad exclave
(the part of Russia between Poland and Lithuania), ``RU`` the rest.

Notes
-----
Russia's far east, cut by the atlas at the antimeridian, is kept whole with longitudes past
180° (up to 191°E), so its areas and boundaries are right.

Natural Earth draws *de facto* control: its Russia contains Crimea and its Ukraine does not.
``UA`` here is therefore Ukraine without Crimea; a statement about Ukraine's full
internationally recognised territory needs other data.

Examples
--------
>>> region = default_region()
>>> region.get("Kaliningrad").code
'RU-KGD'
>>> region.codes[:3]
['BY', 'RU', 'RU-KGD']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from rapidfuzz import process, utils
from shapely.geometry.base import BaseGeometry

from eastflank.errors import GeoError, UnknownNameError

__all__ = [
    "ATLAS_ENV",
    "ATLAS_LABEL",
    "CACHE_ENV",
    "EQUAL_AREA_CRS",
    "SCALE",
    "TERRITORIES",
    "Region",
    "Territory",
    "TerritorySpec",
    "atlas_path",
    "default_region",
    "load_region",
    "read_atlas",
]

ATLAS_ENV = "EASTFLANK_ATLAS"
"""Environment variable naming the ``countries-10m.json`` file to read."""

CACHE_ENV = "EASTFLANK_CACHE_DIR"
"""Environment variable naming the folder for the region cache."""

SCALE = "1:10m"
"""Scale of the border data. Generalised lines: shared borders come out shorter than the
official lengths, which follow every bend of the rivers."""

ATLAS_LABEL = "Natural Earth 1:10m (world-atlas 2.0.2)"
"""How maps and results name the border data."""

EQUAL_AREA_CRS = "EPSG:3035"
"""ETRS89 / LAEA Europe: the equal-area projection used for areas and coverage."""

CACHE_VERSION = 2
_ATLAS_RELATIVE = Path("vendor") / "world-atlas" / "countries-10m.json"
_KGD_BOX = (19.0, 54.2, 23.0, 55.4)  # lon/lat box holding the whole Kaliningrad exclave


@dataclass(frozen=True)
class TerritorySpec:
    """How a territory is found in the atlas."""

    code: str
    name: str
    iso_numeric: str
    atlas_name: str
    note: str | None = None


TERRITORIES: dict[str, TerritorySpec] = {
    s.code: s
    for s in (
        TerritorySpec("BY", "Belarus", "112", "Belarus"),
        TerritorySpec(
            "RU", "Russia (without Kaliningrad)", "643", "Russia",
            "Natural Earth's de facto Russia, including Crimea, without the Kaliningrad exclave.",
        ),
        TerritorySpec(
            "RU-KGD", "Kaliningrad (Russia)", "643", "Russia",
            "The Kaliningrad exclave, split off Russia by geometry.",
        ),
        TerritorySpec("PL", "Poland", "616", "Poland"),
        TerritorySpec("LT", "Lithuania", "440", "Lithuania"),
        TerritorySpec("LV", "Latvia", "428", "Latvia"),
        TerritorySpec("EE", "Estonia", "233", "Estonia"),
        TerritorySpec(
            "UA", "Ukraine", "804", "Ukraine",
            "Natural Earth's de facto Ukraine: Crimea is drawn within Russia.",
        ),
        TerritorySpec("DE", "Germany", "276", "Germany"),
        TerritorySpec("SE", "Sweden", "752", "Sweden"),
        TerritorySpec("FI", "Finland", "246", "Finland"),
        TerritorySpec("NO", "Norway", "578", "Norway"),
        TerritorySpec("DK", "Denmark", "208", "Denmark"),
        TerritorySpec("CZ", "Czechia", "203", "Czechia"),
        TerritorySpec("SK", "Slovakia", "703", "Slovakia"),
        TerritorySpec("HU", "Hungary", "348", "Hungary"),
        TerritorySpec("RO", "Romania", "642", "Romania"),
        TerritorySpec("MD", "Moldova", "498", "Moldova"),
    )
}
"""The region: territory code -> where it is in the atlas (ISO 3166 numeric id and name)."""

_ALIASES: dict[str, str] = {
    "kaliningrad": "RU-KGD",
    "kaliningrad oblast": "RU-KGD",
    "russia": "RU",
    "russian federation": "RU",
}


@dataclass(frozen=True)
class Territory:
    """One territory of the region.

    Attributes
    ----------
    code
        ISO 3166 alpha-2 code, or ``RU-KGD`` for Kaliningrad.
    name
        English name.
    geometry
        (Multi)polygon in WGS84 longitude/latitude degrees.
    note
        What the territory does or does not include, when that is not obvious.
    """

    code: str
    name: str
    geometry: BaseGeometry = field(repr=False)
    note: str | None = None


@dataclass(frozen=True)
class Region:
    """The territories of the region, with their equal-area projections made on demand.

    Create one with :func:`load_region` or :func:`default_region`.
    """

    territories: Mapping[str, Territory]
    source: str = ATLAS_LABEL

    @property
    def codes(self) -> list[str]:
        """Territory codes, in region order."""
        return list(self.territories)

    def __iter__(self) -> Iterator[Territory]:
        return iter(self.territories.values())

    def get(self, name: str) -> Territory:
        """The territory with code or name ``name`` (case-insensitive; ``Kaliningrad`` works).

        Raises
        ------
        UnknownNameError
            If nothing matches; the message lists the nearest codes.
        """
        key = name.strip().upper()
        if key in self.territories:
            return self.territories[key]
        low = utils.default_process(name)
        for terr in self.territories.values():
            if utils.default_process(terr.name) == low:
                return terr
        if low in _ALIASES and _ALIASES[low] in self.territories:
            return self.territories[_ALIASES[low]]
        choices = {c: c for c in self.territories} | {
            t.name: c for c, t in self.territories.items()
        }
        near: list[str] = []
        for hit, score, _ in process.extract(name, list(choices), limit=4):
            if score >= 60 and choices[hit] not in near:
                near.append(choices[hit])
        raise UnknownNameError(
            "territory", name, near or self.codes[:3], field="territory"
        )

    @cached_property
    def _to_equal_area(self) -> Transformer:
        return Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)

    def to_equal_area(self, geom: Any) -> Any:
        """Project lon/lat geometry (or an array of them) to :data:`EQUAL_AREA_CRS` metres."""
        tr = self._to_equal_area
        return shapely.transform(
            geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))
        )

    @cached_property
    def _projected(self) -> dict[str, BaseGeometry]:
        return {}

    def projected(self, code: str) -> BaseGeometry:
        """The territory ``code`` in :data:`EQUAL_AREA_CRS` metres (prepared for fast tests).

        Projected on first use and kept.
        """
        key = self.get(code).code
        geom = self._projected.get(key)
        if geom is None:
            geom = self.to_equal_area(self.territories[key].geometry)
            shapely.prepare(geom)
            self._projected[key] = geom
        return geom


# -- locating and reading the atlas ---------------------------------------------------------
def atlas_path() -> Path:
    """Where the atlas file is: ``$EASTFLANK_ATLAS``, else ``vendor/`` of the source tree.

    Raises
    ------
    GeoError
        If the file is not there, with the fix (``make setup``).
    """
    env = os.environ.get(ATLAS_ENV)
    candidates = [Path(env)] if env else [
        Path(__file__).resolve().parents[3] / _ATLAS_RELATIVE,  # editable install: repo root
        Path.cwd() / _ATLAS_RELATIVE,
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise GeoError(
        f"border data not found at {candidates[0]}; run `make setup` "
        f"(or set {ATLAS_ENV} to a world-atlas countries-10m.json)",
        file=str(candidates[0]),
    )


def read_atlas(path: Path) -> dict[str, BaseGeometry]:
    """Read the atlas with pyogrio and return the region's territories (lon/lat geometries).

    Raises
    ------
    GeoError
        If the file cannot be read as TopoJSON or a territory is missing from it.
    """
    import pyogrio

    try:
        _, _, wkb, fields = pyogrio.raw.read(path, layer="countries")
    except Exception as exc:  # pyogrio raises several GDAL error types
        msg = " ".join(str(exc).split())
        raise GeoError(f"cannot read border data ({msg})", file=str(path)) from None
    ids, names = fields[0], fields[1]
    geoms = shapely.from_wkb(wkb)
    by_key = {(i, n): g for i, n, g in zip(ids, names, geoms, strict=True)}
    out: dict[str, BaseGeometry] = {}
    kgd_box = shapely.box(*_KGD_BOX)
    for code, spec in TERRITORIES.items():
        geom = by_key.get((spec.iso_numeric, spec.atlas_name))
        if geom is None:
            raise GeoError(
                f"territory {code} (ISO {spec.iso_numeric}, {spec.atlas_name!r}) "
                "is not in the atlas; expected world-atlas@2.0.2 countries-10m.json",
                file=str(path),
            )
        if spec.atlas_name == "Russia":
            geom = _unwrap_antimeridian(geom)
        geom = _valid_polygons(geom)
        if spec.atlas_name == "Russia":
            parts = shapely.get_parts(geom)
            in_kgd = shapely.within(shapely.point_on_surface(parts), kgd_box)
            keep = parts[in_kgd] if code == "RU-KGD" else parts[~in_kgd]
            geom = shapely.multipolygons(keep) if len(keep) > 1 else keep[0]
        out[code] = geom
    return out


def _unwrap_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Shift western longitudes by +360° so that Chukotka joins the rest of Russia.

    The atlas cuts Russia at the antimeridian; read as plane polygons, the cut rings span
    the whole globe. Russia has no land west of 0°, so longitudes < 0 become 180°-191°E.
    """
    return shapely.transform(
        geom, lambda xy: np.column_stack([np.where(xy[:, 0] < 0, xy[:, 0] + 360.0, xy[:, 0]),
                                          xy[:, 1]])
    )


def _valid_polygons(geom: BaseGeometry) -> BaseGeometry:
    """Repair self-touching rings (GEOS ``make_valid``), keeping only the polygon parts."""
    if shapely.is_valid(geom):
        return geom
    fixed = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    parts = shapely.get_parts(fixed)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    flat = shapely.get_parts(np.array(polys))
    return shapely.multipolygons(flat) if len(flat) > 1 else flat[0]


# -- the cache ----------------------------------------------------------------------------
def _cache_dir(atlas: Path) -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    if os.access(atlas.parent, os.W_OK):
        return atlas.parent
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eastflank"


def _stamp(atlas: Path) -> str:
    st = atlas.stat()
    spec = json.dumps([[s.code, s.iso_numeric, s.atlas_name] for s in TERRITORIES.values()])
    raw = f"{CACHE_VERSION}|{atlas.resolve()}|{st.st_size}|{st.st_mtime_ns}|{spec}|{_KGD_BOX}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _write_cache(path: Path, stamp: str, geoms: Mapping[str, BaseGeometry]) -> None:
    blobs = [shapely.to_wkb(g) for g in geoms.values()]
    offsets = np.cumsum([0, *map(len, blobs)]).astype(np.int64)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".region-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.savez(
                fh,
                stamp=np.array(stamp),
                codes=np.array(list(geoms)),
                offsets=offsets,
                wkb=np.frombuffer(b"".join(blobs), dtype=np.uint8),
            )
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_cache(path: Path, stamp: str) -> dict[str, BaseGeometry] | None:
    try:
        with np.load(path, allow_pickle=False) as npz:
            if str(npz["stamp"]) != stamp:
                return None
            codes = [str(c) for c in npz["codes"]]
            offsets = npz["offsets"]
            blob = npz["wkb"].tobytes()
    except (OSError, ValueError, KeyError):
        return None  # missing, truncated or foreign file: rebuild it
    if codes != list(TERRITORIES):
        return None
    wkbs = [blob[offsets[i] : offsets[i + 1]] for i in range(len(codes))]
    try:
        geoms = shapely.from_wkb(wkbs)
    except shapely.errors.GEOSException:
        return None
    return dict(zip(codes, geoms, strict=True))


def load_region(
    atlas: Path | None = None, cache_dir: Path | None = None, *, use_cache: bool = True
) -> Region:
    """Load the region's territories, from the cache when it is fresh.

    Parameters
    ----------
    atlas
        The ``countries-10m.json`` file; default :func:`atlas_path`.
    cache_dir
        Folder for the cache file; default ``$EASTFLANK_CACHE_DIR``, else the atlas's folder
        when writable, else ``~/.cache/eastflank``.
    use_cache
        Read and write the cache (``False`` always decodes the TopoJSON).

    Raises
    ------
    GeoError
        If the atlas is missing or unreadable.
    """
    atlas = atlas or atlas_path()
    if not atlas.is_file():
        raise GeoError(f"border data not found at {atlas}; run `make setup`", file=str(atlas))
    geoms: dict[str, BaseGeometry] | None = None
    if use_cache:
        stamp = _stamp(atlas)
        cache = (cache_dir or _cache_dir(atlas)) / f"eastflank-region-v{CACHE_VERSION}.npz"
        geoms = _read_cache(cache, stamp)
    if geoms is None:
        geoms = read_atlas(atlas)
        if use_cache:
            with contextlib.suppress(OSError):  # a read-only place: work without a cache
                _write_cache(cache, stamp, geoms)
    return Region(
        {
            code: Territory(code, TERRITORIES[code].name, geoms[code], TERRITORIES[code].note)
            for code in TERRITORIES
        }
    )


@lru_cache(maxsize=1)
def default_region() -> Region:
    """The region from the default atlas and cache, loaded once per process."""
    return load_region()
