"""Border data: the atlas cache, the official border lengths file and the maps."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from eastflank.catalog import Catalog
from eastflank.errors import DataError, GeoError, OutputError
from eastflank.geo import default_region
from eastflank.geo.atlas import ATLAS_ENV, CACHE_VERSION, atlas_path, load_region
from eastflank.geo.borders import (
    belarus_nato_border,
    borders_file,
    check_border_sources,
    compare_border,
    default_border_data,
    load_border_data,
    russia_nato_border,
)
from eastflank.geo.maps import RingSpec, draw_flank_map, markers_from_catalog, save_figure
from eastflank.geo.points import GeoPoint


# -- the atlas and its cache --------------------------------------------------------------
def test_cache_is_written_then_reused(tmp_path: Path) -> None:
    first = load_region(cache_dir=tmp_path)
    cache = tmp_path / f"eastflank-region-v{CACHE_VERSION}.npz"
    assert cache.is_file()
    stamp = cache.stat().st_mtime_ns
    second = load_region(cache_dir=tmp_path)
    assert cache.stat().st_mtime_ns == stamp
    for code in first.codes:
        assert first.get(code).geometry.equals_exact(second.get(code).geometry, 0.0)


def test_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / f"eastflank-region-v{CACHE_VERSION}.npz"
    cache.write_bytes(b"not a cache")
    region = load_region(cache_dir=tmp_path)
    assert region.get("BY").name == "Belarus"
    assert cache.stat().st_size > 1000


def test_cache_follows_the_atlas(tmp_path: Path) -> None:
    atlas = tmp_path / "countries-10m.json"
    shutil.copy(atlas_path(), atlas)
    load_region(atlas, cache_dir=tmp_path)
    cache = tmp_path / f"eastflank-region-v{CACHE_VERSION}.npz"
    before = cache.stat().st_mtime_ns
    atlas.touch()  # a newer atlas file invalidates the cache
    load_region(atlas, cache_dir=tmp_path)
    assert cache.stat().st_mtime_ns != before


def test_missing_atlas_says_run_make_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ATLAS_ENV, str(tmp_path / "nowhere.json"))
    with pytest.raises(GeoError, match=r"border data not found at .*; run `make setup`"):
        atlas_path()


def test_unreadable_atlas(tmp_path: Path) -> None:
    bad = tmp_path / "countries-10m.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GeoError, match="cannot read border data"):
        load_region(bad, use_cache=False)


# -- official border lengths --------------------------------------------------------------
def test_border_file_sources_exist(catalog: Catalog) -> None:
    check_border_sources(default_border_data(), catalog)


def test_unknown_source_is_named(catalog: Catalog, tmp_path: Path) -> None:
    text = borders_file().read_text(encoding="utf-8").replace(
        "[belta-2008-belarus-latvia-demarcation]", "[no-such-source]"
    )
    path = tmp_path / "borders.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"record 'by-lv', field 'lengths.1.sources': unknown "
                                        r"source id 'no-such-source'"):
        check_border_sources(load_border_data(path), catalog, str(path))


def test_exactly_one_preferred_length(tmp_path: Path) -> None:
    text = borders_file().read_text(encoding="utf-8").replace(
        "        preferred: true\n        as_of: 2008-09-17\n", "        as_of: 2008-09-17\n"
    )
    path = tmp_path / "borders.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=r"borders.yaml:\d+: .*expected exactly one preferred "
                                        r"length, got 0"):
        load_border_data(path)


def test_norway_code_survives_yaml() -> None:
    assert "NO" in default_border_data().nato_members()
    assert default_border_data().find("NO", "RU") is not None


def test_compare_border_shows_both_ways(catalog: Catalog) -> None:
    cmp = compare_border(default_region(), default_border_data(), "BY", "PL", catalog)
    assert {"factbook", "national"} <= {f.basis for f in cmp.official}
    assert [f.value_km for f in cmp.official if f.basis == "factbook"] == [375]
    assert all(s.get("url") for f in cmp.official for s in f.sources)
    # Generalised 1:10m lines run 20-30% shorter than the official lengths.
    assert cmp.geometric_share is not None
    assert 0.7 < cmp.geometric_share < 0.9


def test_belarus_nato_border_both_ways() -> None:
    total = belarus_nato_border(default_region(), default_border_data())
    assert sorted(p.b for p in total.pairs) == ["LT", "LV", "PL"]
    assert total.by_basis["factbook"] == pytest.approx(375 + 640 + 161)
    assert total.by_basis["national"] == pytest.approx(427.9 + 678.8 + 172.912)
    assert total.preferred_km == pytest.approx(total.by_basis["national"])
    assert 0.7 * total.preferred_km < total.geometric_km < total.preferred_km
    # Banasik (2022): "about 1,200 kilometers" lies between the two official totals.
    assert total.by_basis["factbook"] < 1200 < total.by_basis["national"]


def test_russia_nato_border_grows_with_finland() -> None:
    region, data = default_region(), default_border_data()
    before = russia_nato_border(region, data, dt.date(2022, 12, 31))
    after = russia_nato_border(region, data, dt.date(2023, 4, 4))
    assert {p.b for p in after.pairs} - {p.b for p in before.pairs} == {"FI"}
    assert after.preferred_km - before.preferred_km == pytest.approx(1309)
    assert {"PL", "LT"} <= {p.b for p in before.pairs if p.a == "RU-KGD"}
    assert russia_nato_border(region, data, dt.date(1998, 1, 1)).pairs[0].b == "NO"


# -- maps ---------------------------------------------------------------------------------
def test_map_draws_gap_rings_and_places(catalog: Catalog, tmp_path: Path) -> None:
    brest = GeoPoint(52.0976, 23.6567, "Brest")
    fig = draw_flank_map(region=default_region(), markers=markers_from_catalog(catalog),
                         rings=[RingSpec(brest, 300.0)], subtitle="test")
    svg = save_figure(fig, tmp_path / "flank.svg").read_text(encoding="utf-8")
    assert "Suwałki Gap 6" in svg
    assert "300 km from Brest" in svg
    assert "Natural Earth 1:10m" in svg
    assert "Warsaw" in svg  # capitals are named


def test_map_on_given_axes_returns_its_figure() -> None:
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert draw_flank_map(ax, region=default_region(), show_gap=False) is fig


def test_map_bad_suffix(tmp_path: Path) -> None:
    fig = draw_flank_map(region=default_region(), show_gap=False)
    with pytest.raises(OutputError, match=r"unsupported map format '.gif'; expected .png"):
        save_figure(fig, tmp_path / "map.gif")
    assert list(tmp_path.iterdir()) == []
