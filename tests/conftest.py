"""Shared fixtures: the packaged catalog, and a small dataset writer for bad-input tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

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
