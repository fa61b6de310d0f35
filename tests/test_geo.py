"""eastflank.geo: measures on the real borders, checked against published figures and
independent computations (spherical haversine, a point-grid estimate of coverage)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.catalog import Catalog
from eastflank.errors import GeoError, ModelInputError, UnknownNameError
from eastflank.geo import (
    GeoPoint,
    Region,
    common_boundary,
    coverage,
    default_region,
    distance,
    distance_to_border,
    gap,
    parse_latlon,
    resolve_point,
    rings,
    shared_border,
    territory_area,
)
from eastflank.geo.measure import GEOD

# Lithuania-Poland-Russia tripoint as published (it.wikipedia, "Confine tra la Lituania e la
# Russia"), degrees.
TRIPOINT_LT_PL_RU = (54.363416, 22.792032)


@pytest.fixture(scope="module")
def region() -> Region:
    return default_region()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(a[1], a[0], b[1], b[0])[2]) / 1000.0


def _haversine_km(a: GeoPoint, b: GeoPoint, r_km: float = 6371.0088) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r_km * math.asin(math.sqrt(h))


# -- acceptance ---------------------------------------------------------------------------
def _tripoint(region: Region, a: str, b: str, c: str) -> tuple[float, float]:
    """Where the borders of three territories meet in the atlas (lat, lon)."""
    ab = common_boundary(region, a, b)
    meet = shapely.intersection(ab, region.get(c).geometry.boundary)
    lon, lat = shapely.get_coordinates(meet)[0]
    return float(lat), float(lon)


def test_suwalki_gap_width_and_end_points(region: Region) -> None:
    g = gap(region, "BY", "RU-KGD")
    assert 64.0 <= g.distance_km <= 67.0
    by_lt_pl = _tripoint(region, "LT", "PL", "BY")
    lt_pl_ru = _tripoint(region, "LT", "PL", "RU-KGD")
    assert _km(lt_pl_ru, TRIPOINT_LT_PL_RU) < 2.0  # the atlas agrees with the published point
    assert _km((g.point_a.lat, g.point_a.lon), by_lt_pl) < 5.0
    assert _km((g.point_b.lat, g.point_b.lon), lt_pl_ru) < 5.0
    assert g.scale == "1:10m"
    # The end points lie on the two borders and are the distance apart.
    assert _km((g.point_a.lat, g.point_a.lon), (g.point_b.lat, g.point_b.lon)) == pytest.approx(
        g.distance_km, rel=1e-9
    )


def test_gap_is_symmetric_and_zero_for_neighbours(region: Region) -> None:
    assert gap(region, "RU-KGD", "BY").distance_km == pytest.approx(
        gap(region, "BY", "RU-KGD").distance_km, abs=0.01
    )
    assert gap(region, "BY", "PL").distance_km == 0.0


def test_brest_warsaw_distance(catalog: Catalog) -> None:
    d = distance(resolve_point("brest", catalog), resolve_point("Warszawa", catalog))
    assert 183.0 <= d.distance_km <= 190.0
    # Independent reference: the haversine formula on the mean sphere agrees within 0.5%.
    assert d.distance_km == pytest.approx(_haversine_km(d.a, d.b), rel=5e-3)


def test_share_of_poland_within_500_km_of_brest(catalog: Catalog, region: Region) -> None:
    brest = resolve_point("brest", catalog)
    share = coverage(region, [brest], [500.0], ["PL"]).share("PL", 500.0)
    assert 0.78 <= share <= 0.85


def test_coverage_matches_a_point_grid_estimate(region: Region) -> None:
    """Independent reference: the share of a 10 km grid over Poland within 500 km of Brest,
    each grid point's distance measured geodesically (no rings, no union)."""
    brest = GeoPoint(52.0976, 23.6567, "Brest")
    poland = region.projected("PL")
    x0, y0, x1, y1 = poland.bounds
    xs, ys = np.meshgrid(np.arange(x0, x1, 10_000.0), np.arange(y0, y1, 10_000.0))
    inside = shapely.contains_xy(poland, xs.ravel(), ys.ravel())
    from pyproj import Transformer

    lon, lat = Transformer.from_crs("EPSG:3035", "EPSG:4326", always_xy=True).transform(
        xs.ravel()[inside], ys.ravel()[inside]
    )
    _, _, d = GEOD.inv(np.full(lon.size, brest.lon), np.full(lon.size, brest.lat), lon, lat)
    grid_share = float(np.mean(np.asarray(d) <= 500_000.0))
    share = coverage(region, [brest], [500.0], ["PL"]).share("PL", 500.0)
    assert share == pytest.approx(grid_share, abs=0.01)


# -- borders ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [("BY", "PL", 300, 400), ("BY", "LT", 420, 560), ("BY", "LV", 110, 160),
     ("RU-KGD", "PL", 180, 230), ("RU-KGD", "LT", 170, 240)],
)
def test_shared_border_lengths_are_plausible(
    region: Region, a: str, b: str, low: float, high: float
) -> None:
    sb = shared_border(region, a, b)
    assert low < sb.length_km < high
    assert sb.pieces >= 1
    assert shared_border(region, b, a).length_km == pytest.approx(sb.length_km)


def test_no_shared_border_between_separated_territories(region: Region) -> None:
    sb = shared_border(region, "BY", "RU-KGD")
    assert sb.length_km == 0.0
    assert sb.pieces == 0


def test_kaliningrad_is_split_off_russia(region: Region) -> None:
    kgd, ru = region.get("RU-KGD"), region.get("RU")
    assert kgd.geometry.covers(shapely.Point(20.51, 54.71))  # Kaliningrad city
    assert not ru.geometry.intersects(kgd.geometry)
    assert 12_000 < territory_area(region, "RU-KGD").area_km2 < 16_000


@pytest.mark.parametrize("code", ["BY", "PL", "LT", "LV", "RU-KGD", "RU", "NO"])
def test_geodesic_and_equal_area_areas_agree(region: Region, code: str) -> None:
    a = territory_area(region, code)
    assert a.projected_km2 == pytest.approx(a.area_km2, rel=1e-4)


def test_russia_area_is_whole_across_the_antimeridian(region: Region) -> None:
    # About 17.1 million km² with the Kaliningrad exclave; the atlas cut at 180° is rejoined.
    assert 16.8e6 < territory_area(region, "RU").area_km2 < 17.2e6


def test_distance_to_border(region: Region) -> None:
    warsaw = GeoPoint(52.2298, 21.0118, "Warsaw")
    to_by = distance_to_border(warsaw, region.get("BY"))
    assert not to_by.inside
    assert 130 < to_by.distance_km < 170
    assert to_by.distance_km == pytest.approx(
        _km((warsaw.lat, warsaw.lon), (to_by.nearest.lat, to_by.nearest.lon)), rel=1e-9
    )
    # No point of Belarus's border is nearer than the reported one (checked vertex-wise).
    xy = shapely.get_coordinates(region.get("BY").geometry.boundary)
    _, _, d = GEOD.inv(np.full(len(xy), warsaw.lon), np.full(len(xy), warsaw.lat),
                       xy[:, 0], xy[:, 1])
    assert to_by.distance_km <= float(np.min(d)) / 1000.0 + 1e-3  # 1 m: rounded coordinates
    assert distance_to_border(warsaw, region.get("PL")).inside


# -- rings and coverage properties -------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(
    lat=st.floats(-80, 80),
    lon=st.floats(-179, 179),
    radius_km=st.floats(0.5, 3000),
)
def test_ring_points_lie_at_the_radius(lat: float, lon: float, radius_km: float) -> None:
    xy = rings([lat], [lon], radius_km, n_vertices=64)[0]
    _, _, d = GEOD.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    assert np.allclose(np.asarray(d) / 1000.0, radius_km, rtol=1e-3)


site_strategy = st.builds(
    lambda la, lo: GeoPoint(la, lo, "site"), st.floats(50.0, 57.0), st.floats(20.0, 31.0)
)


@settings(max_examples=25, deadline=None)
@given(
    sites=st.lists(site_strategy, min_size=1, max_size=4),
    r1=st.floats(0.0, 600.0),
    dr=st.floats(0.0, 400.0),
)
def test_a_larger_radius_never_covers_less(
    region: Region, sites: list[GeoPoint], r1: float, dr: float
) -> None:
    res = coverage(region, sites, [r1, r1 + dr], ["PL", "LT", "LV"])
    for code in ("PL", "LT", "LV"):
        small, large = res.share(code, r1), res.share(code, r1 + dr)
        assert 0.0 <= small <= large + 1e-9
        assert large <= 1.0 + 1e-9


def test_coverage_grows_with_more_sites(region: Region) -> None:
    a = GeoPoint(53.0, 24.0, "a")
    b = GeoPoint(55.5, 27.0, "b")
    one = coverage(region, [a], [200.0]).share("LV", 200.0)
    two = coverage(region, [a, b], [200.0]).share("LV", 200.0)
    assert two > one


def test_zero_radius_covers_nothing(region: Region) -> None:
    res = coverage(region, [GeoPoint(52.0, 21.0, "x")], [0.0], ["PL"])
    assert res.share("PL", 0.0) == 0.0


# -- bad input ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("95,10", "latitude 95.0 is out of range; expected -90 to 90"),
        ("50,190", "longitude 190.0 is out of range; expected -180 to 180"),
        ("fifty,ten", "expected 'lat,lon' in degrees"),
    ],
)
def test_bad_coordinates(text: str, message: str) -> None:
    with pytest.raises(GeoError, match=message):
        parse_latlon(text)


def test_unknown_place_suggests(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError, match=r"unknown place 'Brezt'; did you mean 'brest'"):
        resolve_point("Brezt", catalog)


def test_negative_radius(region: Region) -> None:
    with pytest.raises(ModelInputError, match=r"radius -5\.0 km is invalid; expected a radius >= 0"):
        coverage(region, [GeoPoint(52.0, 21.0, "x")], [-5.0])


def test_too_large_radius(region: Region) -> None:
    with pytest.raises(ModelInputError, match="expected at most 5000 km"):
        rings([52.0], [21.0], 6000.0)


def test_unknown_territory(region: Region) -> None:
    with pytest.raises(UnknownNameError, match=r"unknown territory 'PX'; did you mean"):
        region.get("PX")


def test_territory_by_name(region: Region) -> None:
    assert region.get("kaliningrad").code == "RU-KGD"
    assert region.get("poland").code == "PL"
    assert region.get("ru-kgd").code == "RU-KGD"
