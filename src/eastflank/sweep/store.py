"""The results store of a sweep: a folder of Parquet files (pyarrow) and a JSON manifest.

::

    DIR/sweep.json              settings, parameters, hashes, status (written first)
    DIR/parts/part-00012.parquet  finished partitions, one row per point (kept on Ctrl-C)
    DIR/results.parquet         every point, in order, with the metadata (when complete)
    DIR/analysis.json           indices, P(verdict holds), PRIM boxes, flips, the sentence

Each Parquet file carries the metadata under the key ``eastflank`` (JSON: scenario and stage
hashes, seed, eastflank version, method). Files are written to a temporary name and renamed,
so a file that exists is whole.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eastflank.errors import ModelInputError, OutputError

__all__ = [
    "MANIFEST",
    "META_KEY",
    "RESULTS",
    "finished_parts",
    "part_path",
    "read_manifest",
    "read_results",
    "register_duckdb",
    "write_json",
    "write_part",
    "write_results",
]

MANIFEST = "sweep.json"
RESULTS = "results.parquet"
ANALYSIS = "analysis.json"
META_KEY = b"eastflank"


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write(tmp)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Write ``data`` as JSON to ``path`` (atomically)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    _atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the sweep in ``folder``.

    Raises
    ------
    ModelInputError
        If ``folder`` holds no sweep (or an unreadable manifest).
    """
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise ModelInputError(f"{folder}: not a sweep folder (no {MANIFEST})")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelInputError(f"{path}: unreadable manifest ({exc})") from None
    if not isinstance(data, dict) or "settings" not in data:
        raise ModelInputError(f"{path}: expected a sweep manifest with 'settings'")
    return data


def part_path(folder: Path, k: int) -> Path:
    """The file of partition ``k``."""
    return Path(folder) / "parts" / f"part-{k:05d}.parquet"


def finished_parts(folder: Path) -> set[int]:
    """Indices of the partitions already written."""
    parts = Path(folder) / "parts"
    if not parts.is_dir():
        return set()
    return {int(p.stem.split("-")[1]) for p in parts.glob("part-*.parquet")}


def _table(columns: Mapping[str, Sequence[Any]], meta: Mapping[str, Any]) -> pa.Table:
    table = pa.table(dict(columns))
    return table.replace_schema_metadata({META_KEY: json.dumps(meta, default=str).encode()})


def write_part(folder: Path, k: int, columns: Mapping[str, Sequence[Any]],
               meta: Mapping[str, Any]) -> None:
    """Write partition ``k`` (columns of equal length) with the sweep's metadata."""
    path = part_path(folder, k)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = _table(columns, meta)
    _atomic(path, lambda p: pq.write_table(table, p))


def read_results(folder: Path) -> pa.Table:
    """Every finished point of the sweep in ``folder``, in point order.

    Reads ``results.parquet`` when the sweep is complete, else the finished partitions.

    Raises
    ------
    ModelInputError
        If ``folder`` holds no sweep or no finished point.
    """
    folder = Path(folder)
    read_manifest(folder)
    whole = folder / RESULTS
    if whole.is_file():
        return pq.read_table(whole)
    files = sorted((folder / "parts").glob("part-*.parquet"))
    if not files:
        raise ModelInputError(f"{folder}: the sweep has no finished point yet")
    tables = [pq.read_table(f) for f in files]
    meta = tables[0].schema.metadata
    table = pa.concat_tables(tables).sort_by("point")
    return table.replace_schema_metadata(meta)


def write_results(folder: Path, meta: Mapping[str, Any]) -> pa.Table:
    """Gather the partitions into ``results.parquet`` (with ``meta``) and return it."""
    files = sorted((Path(folder) / "parts").glob("part-*.parquet"))
    table = pa.concat_tables([pq.read_table(f) for f in files]).sort_by("point")
    table = table.replace_schema_metadata(
        {META_KEY: json.dumps(meta, default=str).encode()})
    _atomic(Path(folder) / RESULTS, lambda p: pq.write_table(table, p))
    return table


def register_duckdb(con: Any, folder: Path, name: str = "sweep") -> None:
    """Load the sweep results in ``folder`` into the DuckDB connection as table ``name``.

    The rows are read here with pyarrow and copied into DuckDB, so the connection needs no
    file access of its own (it may be locked down afterwards).
    """
    if not name.isidentifier():
        raise ModelInputError(f"--sweep: table name {name!r} is not an identifier")
    table = read_results(Path(folder))
    con.register("_sweep_arrow", table)
    try:
        con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _sweep_arrow')
    finally:
        con.unregister("_sweep_arrow")
