"""The validated-catalog cache: same records as a full load, and any change means a full load."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from eastflank import catcache
from eastflank.catalog import Catalog, data_dir, load_catalog
from eastflank.errors import DataError

UNIT = ("- {{id: {id}, name: {name}, status: hypothetical, sources: [banasik-2022], actor: BY, "
        "branch: ground, echelon: battalion, parent: western-operational-command, "
        "note: test record}}\n")


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(catcache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    (folder / "units").mkdir(parents=True)
    (folder / "units" / "mine.yaml").write_text(
        UNIT.format(id="test-cache-unit", name="Test cache unit"), encoding="utf-8")
    return folder


def _snapshot(cat: Catalog) -> dict[str, Any]:
    return {
        "records": {kind: {rid: (type(rec).__name__, rec.model_dump(mode="json"))
                           for rid, rec in recs.items()}
                    for kind, recs in cat.records.items()},
        "where": {rid: (loc.file, loc.line, loc.key_lines, loc.data)
                  for rid, loc in cat.where.items()},
    }


def _hit(roots: list[Path]) -> bool:
    """Whether the cache for ``roots`` is fresh (would be used by the next load)."""
    files = [p for r in roots for kind in catcache_kinds() if (r / kind).is_dir()
             for p in sorted((r / kind).iterdir()) if p.suffix in (".yaml", ".yml")]
    key = catcache.stamp(roots, files)
    return catcache.lookup(catcache.cache_file(roots), key) is not None


def catcache_kinds() -> list[str]:
    from eastflank.catalog import KINDS

    return list(KINDS)


def test_cached_load_equals_fresh_load(cache_dir: Path, extra: Path) -> None:
    fresh = load_catalog(extra=[extra])
    first = load_catalog(extra=[extra], cache=True)  # full load; writes the cache
    roots = [data_dir(), extra]
    assert catcache.cache_file(roots).is_file()
    assert _hit(roots)
    cached = load_catalog(extra=[extra], cache=True)
    assert _snapshot(cached) == _snapshot(fresh) == _snapshot(first)
    assert cached.get("test-cache-unit").name == "Test cache unit"
    assert cached.describe("hrodna") == fresh.describe("hrodna")
    assert cached.resolve("Grodno", kind="places").id == "hrodna"


def test_each_set_of_folders_has_its_own_cache(cache_dir: Path, extra: Path) -> None:
    assert catcache.cache_file([data_dir()]) != catcache.cache_file([data_dir(), extra])
    load_catalog(cache=True)
    load_catalog(extra=[extra], cache=True)
    assert "test-cache-unit" not in load_catalog(cache=True).units
    assert "test-cache-unit" in load_catalog(extra=[extra], cache=True).units


def test_touching_a_data_file_invalidates_the_cache(cache_dir: Path, extra: Path) -> None:
    roots = [data_dir(), extra]
    load_catalog(extra=[extra], cache=True)
    assert _hit(roots)
    path = extra / "units" / "mine.yaml"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert not _hit(roots)
    load_catalog(extra=[extra], cache=True)  # full load, cache rewritten
    assert _hit(roots)


def test_changed_added_or_broken_files_are_read_in_full(cache_dir: Path, extra: Path) -> None:
    load_catalog(extra=[extra], cache=True)
    path = extra / "units" / "mine.yaml"
    st = path.stat()
    # same size and mtime, other bytes: the content hash still tells them apart
    path.write_text(UNIT.format(id="test-cache-unix", name="Test cache unix"),
                    encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    cat = load_catalog(extra=[extra], cache=True)
    assert "test-cache-unix" in cat.units and "test-cache-unit" not in cat.units
    (extra / "units" / "more.yml").write_text(
        UNIT.format(id="test-cache-more", name="Test cache more"), encoding="utf-8")
    assert "test-cache-more" in load_catalog(extra=[extra], cache=True).units
    (extra / "units" / "more.yml").write_text("- {id: test-cache-more, name: x}\n",
                                              encoding="utf-8")
    with pytest.raises(DataError, match=r"more\.yml"):
        load_catalog(extra=[extra], cache=True)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", b"truncate"])
def test_a_corrupt_cache_falls_back_to_a_full_load(cache_dir: Path, damage: bytes) -> None:
    fresh = load_catalog()
    load_catalog(cache=True)
    path = catcache.cache_file([data_dir()])
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2] if damage == b"truncate" else damage)
    assert not _hit([data_dir()])
    assert _snapshot(load_catalog(cache=True)) == _snapshot(fresh)
    assert _hit([data_dir()])  # rewritten by the full load


def test_a_cache_that_is_not_a_file_is_ignored(cache_dir: Path) -> None:
    path = catcache.cache_file([data_dir()])
    path.mkdir(parents=True)
    assert "hrodna" in load_catalog(cache=True).places
    assert path.is_dir()  # the cache is skipped, not forced


def test_a_cache_from_another_version_is_ignored(cache_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = catcache.__version__
    monkeypatch.setattr(catcache, "__version__", "0.0.0-other")
    load_catalog(cache=True)
    assert _hit([data_dir()])
    monkeypatch.setattr(catcache, "__version__", real)
    assert not _hit([data_dir()])
    load_catalog(cache=True)
    assert _hit([data_dir()])


def test_a_cache_with_a_foreign_class_is_refused(cache_dir: Path, tmp_path: Path) -> None:
    load_catalog(cache=True)
    path = catcache.cache_file([data_dir()])
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {marker}",))

    real = pickle.loads(path.read_bytes())
    real["records"]["places"]["hrodna"] = Evil()
    path.write_bytes(pickle.dumps(real))
    assert not _hit([data_dir()])
    assert not marker.exists()
    assert load_catalog(cache=True).get("hrodna").name


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(catcache.CACHE_ENV, str(blocker / "cache"))
    assert "hrodna" in load_catalog(cache=True).places


def test_old_caches_are_pruned(cache_dir: Path, tmp_path: Path) -> None:
    for i in range(catcache.KEEP + 2):
        folder = tmp_path / f"d{i}"
        folder.mkdir()
        load_catalog(extra=[folder], cache=True)
    assert len(list(cache_dir.glob("catalog-v*.pickle"))) == catcache.KEEP


def test_data_commands_use_the_cache(cache_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eastflank.cli import _common, main

    _common._catalog.cache_clear()
    try:
        assert main(["data", "show", "hrodna", "--json"]) == 0
        assert catcache.cache_file([data_dir()]).is_file()
        first = capsys.readouterr().out
        _common._catalog.cache_clear()
        assert main(["data", "show", "hrodna", "--json"]) == 0  # from the cache
        assert capsys.readouterr().out == first
    finally:
        _common._catalog.cache_clear()
