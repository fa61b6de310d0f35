"""Export the dataset to an embedded DuckDB file, and read records back from it.

One table per record kind, named after the kind (``places``, ``units`` ...). Scalars become typed
columns, lists of strings ``VARCHAR[]``, nested values (figures, equipment) JSON text. A
``metadata`` table stamps the package version, the coordinate system and the slice date.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import stat
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from pydantic import BaseModel

from eastflank import __version__
from eastflank.errors import OutputError
from eastflank.safeio import atomic_target, check_target
from eastflank.schema import RECORD_TYPES

if TYPE_CHECKING:
    from eastflank.catalog import Catalog

__all__ = [
    "CRS", "column_types", "connect", "fill", "is_eastflank_duckdb", "read_duckdb",
    "write_duckdb",
]

CRS = "EPSG:4326"
"""Coordinate system of every latitude/longitude in the dataset (WGS84)."""


def _sql_type(annotation: Any) -> tuple[str, bool]:
    """(DuckDB type, stored as JSON?) for a pydantic field annotation."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _sql_type(args[0])
        return "VARCHAR", True
    if origin is typing.Annotated:
        return _sql_type(typing.get_args(annotation)[0])
    if origin is typing.Literal:
        return "VARCHAR", False
    if origin is list:
        (item,) = typing.get_args(annotation)
        inner, as_json = _sql_type(item)
        if inner == "VARCHAR" and not as_json:
            return "VARCHAR[]", False
        return "VARCHAR", True
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "BOOLEAN", False
        if issubclass(annotation, enum.Enum):
            return "VARCHAR", False
        if issubclass(annotation, int):
            return "BIGINT", False
        if issubclass(annotation, float):
            return "DOUBLE", False
        if issubclass(annotation, str):
            return "VARCHAR", False
        if issubclass(annotation, dt.date):
            return "DATE", False
    return "VARCHAR", True


def column_types(model: type[BaseModel]) -> dict[str, tuple[str, bool]]:
    """Column name -> (DuckDB type, stored as JSON?) for every field of ``model``."""
    return {name: _sql_type(f.annotation) for name, f in model.model_fields.items()}


def _row(rec: BaseModel, cols: dict[str, tuple[str, bool]]) -> list[Any]:
    dumped = rec.model_dump(mode="json")
    out: list[Any] = []
    for name, (sql, as_json) in cols.items():
        value = dumped[name]
        if as_json:
            out.append(None if value is None else json.dumps(value, sort_keys=True))
        elif sql == "DATE" and value is not None:
            out.append(dt.date.fromisoformat(value))
        else:
            out.append(value)
    return out


_BATCH = 100
"""Rows per INSERT statement when filling a table."""


def fill(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """Create one table per record kind and a ``metadata`` table in ``con``."""
    for kind, model in RECORD_TYPES.items():
        cols = column_types(model)
        ddl = ", ".join(f'"{c}" {t}' for c, (t, _) in cols.items())
        con.execute(f'CREATE TABLE "{kind}" ({ddl})')
        rows = [_row(r, cols) for r in catalog.records[kind].values()]
        marks = "(" + ", ".join("?" for _ in cols) + ")"
        for start in range(0, len(rows), _BATCH):  # one statement per batch: far quicker
            batch = rows[start:start + _BATCH]
            con.execute(f'INSERT INTO "{kind}" VALUES ' + ", ".join([marks] * len(batch)),
                        [v for row in batch for v in row])
    con.execute("CREATE TABLE metadata (key VARCHAR, value VARCHAR)")
    con.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [
            ["eastflank_version", __version__],
            ["crs", CRS],
            ["as_of", catalog.as_of_date.isoformat() if catalog.as_of_date else "all"],
        ],
    )


def connect(catalog: Catalog) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection holding ``catalog`` (for ad-hoc SQL)."""
    con = duckdb.connect(":memory:")
    fill(con, catalog)
    return con


def is_eastflank_duckdb(path: Path) -> bool:
    """Whether ``path`` is a regular file holding a DuckDB database written by eastflank."""
    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return False
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head[8:12] != b"DUCK":
            return False
        con = duckdb.connect(str(path), read_only=True,
                             config={"enable_external_access": False})
        try:
            row = con.execute(
                "SELECT value FROM metadata WHERE key = 'eastflank_version'").fetchone()
        finally:
            con.close()
    except (OSError, duckdb.Error):
        return False
    return row is not None


def write_duckdb(catalog: Catalog, path: Path, force: bool = False) -> None:
    """Write ``catalog`` to a DuckDB file at ``path``, atomically.

    An existing file is replaced only if it is an eastflank export, or if ``force``; anything
    that is not a regular file (a folder, a device, a FIFO) is never written to.

    Raises
    ------
    OutputError
        If the folder of ``path`` does not exist or cannot be written, or ``path`` exists and
        is not an eastflank DuckDB file (without ``force``) or not a regular file.
    """
    path = check_target(Path(path), "DuckDB file")
    if path.exists() and not force and not is_eastflank_duckdb(path):
        raise OutputError("file exists and is not an eastflank DuckDB export; choose another "
                          "path or pass --force to replace it", file=str(path))
    with atomic_target(path, "DuckDB file") as tmp:
        con = duckdb.connect(str(tmp))
        try:
            fill(con, catalog)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        Path(f"{tmp}.wal").unlink(missing_ok=True)


def read_duckdb(path: Path, kind: str) -> list[BaseModel]:
    """Read the records of ``kind`` back from a DuckDB file written by :func:`write_duckdb`."""
    model = RECORD_TYPES[kind]
    cols = column_types(model)
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(f'SELECT * FROM "{kind}"').fetchall()
        names = [d[0] for d in con.description or []]
    finally:
        con.close()
    out: list[BaseModel] = []
    for row in rows:
        data: dict[str, Any] = {}
        for name, value in zip(names, row, strict=True):
            _, as_json = cols[name]
            data[name] = json.loads(value) if as_json and value is not None else value
        out.append(model.model_validate(data))
    return out
