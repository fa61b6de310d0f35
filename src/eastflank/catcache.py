"""A cache of the parsed dataset files, so that a command does not re-parse YAML every run.

Reading the dataset costs mostly YAML parsing and the input-policy scan of every file
(:func:`eastflank.yamlio.read_yaml`); both are a pure function of the file's bytes and of the
code that reads them. After a load that passed every check, :func:`store` keeps each file's
parsed records (plain data with their lines) in one file of the cache folder; :func:`lookup`
returns them on the next run when nothing they depend on has changed. Validation into the
schema types, the duplicate-id check and the cross-checks run on every load, cached or not.

The cache is keyed by:

* a stamp of every dataset file: its path, size, ``mtime_ns`` and SHA-256 of its bytes (the
  listing of the folders too, so an added or removed file counts);
* the eastflank version, the cache format, the Python, PyYAML and pydantic versions, and the
  SHA-256 of the source of the modules that read, police, validate and cross-check the data.

Any difference means a full load. A cache file that is missing, unreadable, truncated, from
another version or holds anything but plain data (it is read with an unpickler that accepts
only containers, strings, numbers and dates) is ignored, and the dataset is read in full.

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
from typing import Any

from eastflank import __version__
from eastflank.errors import EastflankError

__all__ = ["CACHE_ENV", "FORMAT", "KEEP", "Parsed", "cache_dir", "cache_file", "lookup",
           "stamp", "store"]

CACHE_ENV = "EASTFLANK_CACHE_DIR"
"""Environment variable naming the cache folder (shared with the border cache)."""

FORMAT = 1
"""Version of the cache file's layout; bump it when the layout changes."""

KEEP = 4
"""Number of catalog cache files kept (one per set of dataset folders, newest first)."""

MAX_CACHE_BYTES = 256 * 1024 * 1024
"""A larger cache file is ignored."""

Parsed = list[list[tuple[dict[str, Any], int, dict[str, int]]]]
"""Per dataset file, in load order: each record's mapping, its line and its keys' lines."""

_CODE_MODULES = ("eastflank.policy", "eastflank.yamlio", "eastflank.schema",
                 "eastflank.consistency", "eastflank.catalog", "eastflank.catcache")

_SAFE_GLOBALS = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timezone"),
                 ("datetime", "timedelta")}


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


class _PlainUnpickler(pickle.Unpickler):
    """Unpickles containers, strings, numbers and dates only; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")


def _well_formed(files: object, n: int) -> bool:
    if not isinstance(files, list) or len(files) != n:
        return False
    for entries in files:
        if not isinstance(entries, list):
            return False
        for entry in entries:
            if not (isinstance(entry, tuple) and len(entry) == 3
                    and isinstance(entry[0], dict) and isinstance(entry[1], int)
                    and isinstance(entry[2], dict)):
                return False
    return True


def lookup(path: Path, key: str, n_files: int) -> Parsed | None:
    """The parsed files cached at ``path`` under ``key``, or ``None`` (then load in full).

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
        payload = _PlainUnpickler(io.BytesIO(blob)).load()
    except Exception:  # any damage to the cache means a full load
        return None
    if not (isinstance(payload, dict) and payload.get("format") == FORMAT
            and payload.get("version") == __version__ and payload.get("key") == key):
        return None
    files = payload.get("files")
    if not _well_formed(files, n_files):
        return None
    return files


def store(path: Path, key: str, files: Parsed) -> None:
    """Write the parsed files to ``path`` atomically under ``key``; keep the newest
    :data:`KEEP` catalog caches. A cache that cannot be written is silently skipped."""
    from eastflank.safeio import atomic_write

    payload = {"format": FORMAT, "version": __version__, "key": key, "files": files}
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
