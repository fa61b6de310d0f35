"""Read-only SQL over the dataset, locked down.

:func:`run_query` runs one ``SELECT`` (``WITH``, ``FROM``, ``DESCRIBE``, ``SHOW``, ``SUMMARIZE``
and ``VALUES`` are selects too) on a read-only DuckDB connection to an eastflank export:

* the connection is opened ``read_only`` with ``enable_external_access = false`` (no file,
  no URL: ``read_text``, ``read_csv``, ``COPY ... TO``, ``ATTACH`` and ``INSTALL`` fail), no
  extension is installed or loaded automatically, and the configuration is locked so SQL
  cannot undo any of this; memory and threads are bounded;
* statements other than one select are refused before they run;
* at most :data:`~eastflank.policy.MAX_QUERY_ROWS` rows are returned and the query is
  interrupted after :data:`~eastflank.policy.MAX_QUERY_SECONDS` (or on Ctrl-C);
* every value is converted to a JSON type (:func:`json_value`) or the error names the column.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import math
import shutil
import signal
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from eastflank.errors import ModelInputError
from eastflank.policy import MAX_QUERY_ROWS, MAX_QUERY_SECONDS, MAX_SQL_CHARS

if TYPE_CHECKING:
    from eastflank.catalog import Catalog

__all__ = [
    "LOCKED", "QueryResult", "check_sql", "dataset_file", "json_value", "open_readonly",
    "run_query",
]

LOCKED: dict[str, Any] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "memory_limit": "512MB",
    "threads": 1,
    "lock_configuration": True,
}
"""Configuration of every query connection (``lock_configuration`` last: nothing can change)."""

QueryResult = dict[str, Any]


def open_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    """A locked-down, read-only connection to the DuckDB file ``path`` (see :data:`LOCKED`)."""
    try:
        return duckdb.connect(str(path), read_only=True, config=dict(LOCKED))
    except duckdb.Error as exc:
        raise ModelInputError(f"cannot open DuckDB file: {str(exc).splitlines()[0]}",
                              file=str(path)) from None


@contextlib.contextmanager
def dataset_file(catalog: Catalog, sweep: Path | None = None) -> Iterator[Path]:
    """A temporary DuckDB export of ``catalog`` (and of the results of the sweep in folder
    ``sweep``, as table ``sweep``), removed afterwards."""
    from eastflank.export import fill

    folder = Path(tempfile.mkdtemp(prefix="eastflank-query-"))
    try:
        path = folder / "dataset.duckdb"
        con = duckdb.connect(str(path))
        try:
            fill(con, catalog)
            if sweep is not None:
                from eastflank.sweep.store import register_duckdb

                register_duckdb(con, sweep)
        finally:
            con.close()
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_sql(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Refuse, before any data is touched, SQL that is empty, too long or not one SELECT.

    Raises
    ------
    ModelInputError
        Naming what was found and what is expected.
    """
    if con is None:
        scratch = duckdb.connect(":memory:", config=dict(LOCKED))
        try:
            check_sql(sql, scratch)
        finally:
            scratch.close()
        return
    if len(sql) > MAX_SQL_CHARS:
        raise ModelInputError(f"SQL is {len(sql):,} characters; expected at most "
                              f"{MAX_SQL_CHARS:,}")
    if not sql.strip():
        raise ModelInputError("SQL is empty; expected one SELECT statement")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ModelInputError(f"SQL error: {str(exc).splitlines()[0]}") from None
    if len(statements) != 1:
        raise ModelInputError(f"expected one SELECT statement, got {len(statements)} statements")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        words = str(getattr(statements[0], "query", "") or sql).split()
        what = words[0].upper() if words else kind.name.replace("_", " ")
        raise ModelInputError(f"only SELECT queries are allowed (read-only); got {what[:20]}")


def json_value(value: Any, column: str) -> Any:
    """``value`` from DuckDB as a JSON value.

    DECIMAL becomes a number, BLOB base64 text, dates and times ISO 8601 text, intervals
    seconds, UUIDs text, LIST/STRUCT/MAP arrays and objects; NaN and infinity ``null``.

    Raises
    ------
    ModelInputError
        For a type with no JSON form, naming the column.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, decimal.Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [json_value(v, column) for v in value]
    if isinstance(value, dict):
        if set(value) == {"key", "value"} and isinstance(value["key"], list):  # a MAP
            return {str(json_value(k, column)): json_value(v, column)
                    for k, v in zip(value["key"], value["value"], strict=False)}
        return {str(k): json_value(v, column) for k, v in value.items()}
    raise ModelInputError(f"column {column!r}: values of type {type(value).__name__} have no "
                          "JSON form; cast the column to VARCHAR in the query")


class _TimeUpError(Exception):
    """Raised by the query's alarm; DuckDB turns it into an interruption of the query."""


class _Deadline:
    """Interrupt a query on ``con`` after ``seconds``: a ``SIGALRM`` timer in the main thread
    (no extra thread, so it works under tight memory limits), else a timer thread."""

    def __init__(self, con: duckdb.DuckDBPyConnection, seconds: float) -> None:
        self.con = con
        self.seconds = seconds
        self.expired = False
        self._previous: Any = None
        self._thread: threading.Timer | None = None

    def _fire(self, *_: object) -> None:
        self.expired = True
        self.con.interrupt()
        if threading.current_thread() is threading.main_thread():
            raise _TimeUpError

    def __enter__(self) -> _Deadline:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            self._thread = threading.Timer(self.seconds, self._fire)
            self._thread.daemon = True
            self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._thread is not None:
            self._thread.cancel()
        else:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


def run_query(con: duckdb.DuckDBPyConnection, sql: str,
              max_rows: int = MAX_QUERY_ROWS,
              max_seconds: float = MAX_QUERY_SECONDS) -> QueryResult:
    """Run one read-only SELECT on ``con``; ``{"columns": [...], "rows": [{col: value}]}``.

    Raises
    ------
    ModelInputError
        If the SQL is not one SELECT, fails, returns more than ``max_rows`` rows, runs longer
        than ``max_seconds`` or yields a value with no JSON form.
    """
    check_sql(sql, con)
    timer = _Deadline(con, max_seconds)
    try:
        with timer:
            rel = con.sql(sql)
            cols: list[str] = list(rel.columns) if rel is not None else []
            rows = rel.limit(max_rows + 1).fetchall() if rel is not None else []
    except (duckdb.Error, RuntimeError, _TimeUpError) as exc:
        if timer.expired:
            raise ModelInputError(f"query ran longer than {max_seconds:g} s; expected a "
                                  "quicker query (add a LIMIT or a WHERE)") from None
        if isinstance(exc, duckdb.Error):
            raise ModelInputError(f"SQL error: {str(exc).splitlines()[0]}") from None
        raise
    if len(rows) > max_rows:
        raise ModelInputError(f"query returns more than {max_rows:,} rows; add a LIMIT")
    dup = {c for c in cols if cols.count(c) > 1}
    if dup:
        raise ModelInputError(f"column {sorted(dup)[0]!r} appears more than once; give each "
                              "column its own name (AS ...)")
    return {"columns": cols,
            "rows": [{c: json_value(v, c) for c, v in zip(cols, r, strict=True)} for r in rows]}
