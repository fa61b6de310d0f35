"""Article checks in a worker process that is stopped when a check runs out of time.

A thread cannot be stopped from outside: a check that overruns its time would keep a thread
(and a core) busy after its request has been answered. The check runs instead in one worker
process (started on the first check, with the catalog); on timeout the process is
terminated, and the next check starts a fresh one.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from multiprocessing.pool import Pool
from typing import Any

from eastflank.catalog import Catalog
from eastflank.errors import EastflankError

__all__ = ["CheckTimeoutError", "CheckWorker"]

_CATALOG: Catalog | None = None


class CheckTimeoutError(Exception):
    """The check did not finish in time; its worker process has been terminated."""


def _init(catalog: Catalog) -> None:
    global _CATALOG  # noqa: PLW0603 - the worker process's one catalog
    _CATALOG = catalog


def _run(data: bytes | str, source: str, day: dt.date | None, suffix: str) -> dict[str, Any]:
    try:
        return _check(data, source, day, suffix)
    except EastflankError as exc:  # sent back whole: file, line, field and all
        return {"error": (type(exc), dict(exc.__dict__), exc.args)}


def _check(data: bytes | str, source: str, day: dt.date | None,
           suffix: str) -> dict[str, Any]:
    from eastflank.claims import check_text
    from eastflank.claims.io import read_bytes

    assert _CATALOG is not None  # set by the pool's initializer
    if isinstance(data, bytes):
        article = read_bytes(data, source, suffix)
        text, title = article.text, article.title
    else:
        text, title = data, None
    result = check_text(text, _CATALOG, day, source=source, title=title)
    return {"text": text, "result": result.model_dump(mode="json")}


class CheckWorker:
    """One worker process for article checks, terminated when a check overruns."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._pool: Pool | None = None
        self._lock = threading.Lock()

    def _get_pool(self) -> Pool:
        with self._lock:
            if self._pool is None:
                ctx = multiprocessing.get_context("spawn")
                self._pool = ctx.Pool(1, initializer=_init, initargs=(self._catalog,))
            return self._pool

    def check(self, data: bytes | str, source: str, day: dt.date | None, suffix: str,
              timeout_s: float) -> dict[str, Any]:
        """The check's result (blocking), within ``timeout_s`` seconds.

        Raises
        ------
        CheckTimeoutError
            If it takes longer; the worker process is terminated first.
        EastflankError
            As the checker raises it (e.g. an unreadable file).
        """
        pool = self._get_pool()
        pending = pool.apply_async(_run, (data, source, day, suffix))
        try:
            out: dict[str, Any] = pending.get(timeout_s)
        except multiprocessing.TimeoutError:
            self.stop(pool)
            raise CheckTimeoutError from None
        if "error" in out:
            cls, attrs, args = out["error"]
            exc = cls.__new__(cls)
            Exception.__init__(exc, *args)
            exc.__dict__.update(attrs)
            raise exc
        return out

    def stop(self, pool: Pool | None = None) -> None:
        """Terminate the worker process (``pool``: only if it is still the current one)."""
        with self._lock:
            if self._pool is None or (pool is not None and pool is not self._pool):
                return
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def busy_processes(self) -> list[Any]:
        """The worker processes alive now (empty when none is running)."""
        pool = self._pool
        if pool is None:
            return []
        return [p for p in getattr(pool, "_pool", []) if p.is_alive()]
