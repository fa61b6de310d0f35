"""A cache of the validated dataset, so that a command does not re-read the YAML every run.

Reading the dataset costs mostly YAML parsing, the input-policy scan of every file and
validation into the schema types (:func:`eastflank.catalog.load_catalog`). After a load that
passed every check (policy, schema, duplicate ids, cross-checks), :func:`store` keeps the
validated records and where each was defined in one file of the cache folder; :func:`lookup`
returns them on the next run when nothing they depend on has changed.

The cache is keyed by:

* a stamp of every dataset file: its path, size, ``mtime_ns`` and SHA-256 of its bytes (and
  the listing of the folders, so an added or removed file counts), for the packaged dataset and
  every ``--data`` folder alike;
* the eastflank version, the cache format, the Python, PyYAML and pydantic versions, and the
  SHA-256 of the source of the modules that read, police, validate and cross-check the data
  (so a change of the schema or of the input policy means a full load).

Any difference means a full load and full validation. A cache file that is missing,
unreadable, truncated, from another version, or that holds anything but the dataset's own
record types, dates and plain data (it is read with an unpickler that refuses every other
class) is ignored, and the dataset is read and validated in full.

The folder is ``$EASTFLANK_CACHE_DIR``, else ``$XDG_CACHE_HOME/eastflank``, else
``~/.cache/eastflank``; one file per set of dataset folders (at most :data:`KEEP` are kept).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from eastflank import __version__
from eastflank.errors import EastflankError

__all__ = ["CACHE_ENV", "FORMAT", "KEEP", "Records", "cache_dir", "cache_file", "lookup",
           "stamp", "store"]

CACHE_ENV = "EASTFLANK_CACHE_DIR"
"""Environment variable naming the cache folder (shared with the border cache)."""

FORMAT = 1
"""Version of the cache file's layout; bump it when the layout changes."""

KEEP = 4
"""Number of catalog cache files kept (one per set of dataset folders, newest first)."""

MAX_CACHE_BYTES = 256 * 1024 * 1024
"""A larger cache file is ignored."""

Records = dict[str, dict[str, Any]]
"""Validated records by kind and id (as in :class:`eastflank.catalog.Catalog`)."""

_CODE_MODULES = ("eastflank.policy", "eastflank.yamlio", "eastflank.schema",
                 "eastflank.consistency", "eastflank.catalog", "eastflank.catcache")

_SAFE_GLOBALS = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
                 ("datetime", "timedelta"), ("copyreg", "_reconstructor"),
                 ("copyreg", "__newobj__"), ("builtins", "object"), ("builtins", "set"),
                 ("builtins", "frozenset"), ("eastflank.yamlio", "Located")}


def cache_dir() -> Path:
    """The cache folder (see the module notes); it may not exist yet."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eastflank"


def cache_file(roots: Sequence[Path], folder: Path | None = None) -> Path:
    """The cache file for the dataset folders ``roots`` (in load order)."""
    key = hashlib.sha256("\0".join(str(r) for r in roots).encode("utf-8", "surrogateescape"))
    return (folder or cache_dir()) / f"catalog-v{FORMAT}-{key.hexdigest()[:16]}.pickle"


def _code_stamp() -> bytes:
    import pydantic
    import yaml

    h = hashlib.sha256()
    h.update(f"{FORMAT}|{__version__}|{sys.version}|{yaml.__version__}|"
             f"{pydantic.VERSION}".encode())
    for name in _CODE_MODULES:
        module = sys.modules.get(name)
        file = getattr(module, "__file__", None)
        if file is None:
            raise OSError(f"source of {name} not found")
        h.update(Path(file).read_bytes())
    return h.digest()


def stamp(roots: Sequence[Path], files: Sequence[Path]) -> str:
    """The key of a dataset: the code that reads it and every file's path, size, mtime, hash.

    Raises
    ------
    EastflankError, OSError
        If a file cannot be read under the input policy (the full load then reports it).
    """
    from eastflank.policy import read_regular

    h = hashlib.sha256(_code_stamp())
    for root in roots:
        h.update(b"root\0" + str(root).encode("utf-8", "surrogateescape") + b"\0")
    for path in files:
        raw = read_regular(path)
        st = Path(path).stat()
        h.update(f"file\0{path}\0{st.st_size}\0{st.st_mtime_ns}\0{len(raw)}\0"
                 .encode("utf-8", "surrogateescape"))
        h.update(hashlib.sha256(raw).digest())
    return h.hexdigest()


class _DatasetUnpickler(pickle.Unpickler):
    """Unpickles the dataset's record types, dates and plain data; refuses any other class."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        if module == "eastflank.schema" and not name.startswith("__"):
            from enum import Enum

            from pydantic import BaseModel

            from eastflank import schema

            obj = getattr(schema, name, None)
            if isinstance(obj, type) and issubclass(obj, BaseModel | Enum):
                return obj
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _well_formed(records: object, where: object) -> bool:
    from eastflank.schema import RECORD_TYPES
    from eastflank.yamlio import Located

    if not (isinstance(records, dict) and list(records) == list(RECORD_TYPES)
            and isinstance(where, dict)):
        return False
    n = 0
    for kind, recs in records.items():
        model = RECORD_TYPES[kind]
        if not isinstance(recs, dict):
            return False
        for rid, rec in recs.items():
            if not (type(rec) is model and getattr(rec, "id", None) == rid
                    and isinstance(where.get(rid), Located)):
                return False
            n += 1
    return n == len(where)


def lookup(path: Path, key: str) -> tuple[Records, dict[str, Any]] | None:
    """The validated records and their locations cached at ``path`` under ``key``, or ``None``
    (then load in full).

    Never raises: a missing, unreadable, corrupt, foreign or stale cache is ``None``.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_CACHE_BYTES:
                return None
            blob = fh.read(MAX_CACHE_BYTES + 1)
        payload = _DatasetUnpickler(io.BytesIO(blob)).load()
    except Exception:  # any damage to the cache means a full load
        return None
    if not (isinstance(payload, dict) and payload.get("format") == FORMAT
            and payload.get("version") == __version__ and payload.get("key") == key):
        return None
    records, where = payload.get("records"), payload.get("where")
    if not _well_formed(records, where):
        return None
    return cast(Records, records), cast(dict[str, Any], where)


def store(path: Path, key: str, records: Records, where: dict[str, Any]) -> None:
    """Write the validated records to ``path`` atomically under ``key``; keep the newest
    :data:`KEEP` catalog caches. A cache that cannot be written is silently skipped."""
    from eastflank.safeio import atomic_write

    payload = {"format": FORMAT, "version": __version__, "key": key, "records": records,
               "where": where}
    try:
        blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, blob, "cache file")
    except (OSError, EastflankError, pickle.PicklingError, TypeError, RecursionError):
        return
    _prune(path.parent)


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        caches = sorted(folder.glob(f"catalog-v{FORMAT}-*.pickle"),
                        key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in caches[KEEP:]:
            old.unlink(missing_ok=True)
