"""Shared fixtures: the packaged catalog, and a small dataset writer for bad-input tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eastflank import catcache
from eastflank.catalog import Catalog, load_catalog

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The packaged dataset, loaded once."""
    return load_catalog()


@pytest.fixture
def write_dataset(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write ``{"kind/file.yaml": text}`` under a fresh folder and return the folder."""

    def write(files: dict[str, str]) -> Path:
        root = tmp_path / "dataset"
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return write


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the validated-catalog cache of CLI runs inside the test session's temporary
    folder, so the suite never writes to the user's cache (tests that exercise the cache
    folder itself set their own)."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get(catcache.CACHE_ENV)
    os.environ[catcache.CACHE_ENV] = str(folder)
    yield
    if previous is None:
        os.environ.pop(catcache.CACHE_ENV, None)
    else:
        os.environ[catcache.CACHE_ENV] = previous


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of the Debian chromium the browser tests drive (installed by `make test`);
    missing chromium fails the run under CI and skips the browser tests elsewhere."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        message = "Debian chromium is not installed; `make test` installs it (apt-get)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
