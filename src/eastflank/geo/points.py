"""Points on the WGS84 ellipsoid: from catalog places (id, name, alias) or ``"lat,lon"`` text.

Examples
--------
>>> parse_latlon("52.23, 21.01")
GeoPoint(lat=52.23, lon=21.01, label='52.23,21.01', place=None)
>>> parse_latlon("95,10")
Traceback (most recent call last):
...
eastflank.errors.GeoError: field 'lat': latitude 95.0 is out of range; expected -90 to 90
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from eastflank.catalog import Catalog
from eastflank.errors import GeoError
from eastflank.schema import Place

__all__ = ["GeoPoint", "check_latlon", "parse_latlon", "resolve_point"]

_LATLON = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[, ]\s*([-+]?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class GeoPoint:
    """A point in WGS84 degrees, with the place it came from when there is one.

    Attributes
    ----------
    lat, lon
        Latitude and longitude, degrees (WGS84).
    label
        Name to show (the place's name, or the coordinates as given).
    place
        Catalog place id, or ``None`` for bare coordinates.
    """

    lat: float
    lon: float
    label: str
    place: str | None = None


def check_latlon(lat: float, lon: float) -> None:
    """Raise :class:`GeoError` unless ``lat`` is in [-90, 90] and ``lon`` in [-180, 180]."""
    if not math.isfinite(lat) or not -90.0 <= lat <= 90.0:
        raise GeoError(f"latitude {lat} is out of range; expected -90 to 90", field="lat")
    if not math.isfinite(lon) or not -180.0 <= lon <= 180.0:
        raise GeoError(f"longitude {lon} is out of range; expected -180 to 180", field="lon")


def parse_latlon(text: str) -> GeoPoint:
    """Parse ``"lat,lon"`` (degrees, WGS84) into a point.

    Raises
    ------
    GeoError
        If the text is not two numbers, or a coordinate is out of range.
    """
    m = _LATLON.match(text)
    if m is None:
        raise GeoError(f"expected 'lat,lon' in degrees, got {text!r}", field="point")
    lat, lon = float(m.group(1)), float(m.group(2))
    check_latlon(lat, lon)
    return GeoPoint(lat, lon, f"{m.group(1)},{m.group(2)}")


def resolve_point(text: str, catalog: Catalog) -> GeoPoint:
    """A point from a place id, name or alias in ``catalog``, or from ``"lat,lon"``.

    Raises
    ------
    GeoError
        If coordinates are given but out of range.
    UnknownNameError
        If no place matches; the message lists the nearest place names.
    """
    if _LATLON.match(text):
        return parse_latlon(text)
    place: Place = catalog.resolve(text, kind="places")
    return GeoPoint(place.lat, place.lon, place.name, place.id)
