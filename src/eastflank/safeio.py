"""Safe writing of output files: atomic, regular files only, no stray temporary files.

Every file eastflank writes (report pages, DuckDB exports, figures) goes through
:func:`atomic_write` or :func:`atomic_target`: the content is written to a temporary file in the
same folder, flushed to disk (``fsync``), then renamed over the target, so a reader sees either
the old file or the new one, never half of one. The temporary file is removed on any error and
on Ctrl-C; one left by a killed run (its name carries the process id) is removed the next time
eastflank writes into that folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from eastflank.errors import OutputError

__all__ = ["TMP_PREFIX", "atomic_target", "atomic_write", "check_target", "clean_stale"]

TMP_PREFIX = ".eastflank-tmp-"
"""Name prefix of every temporary file; followed by the writer's process id and ``-``."""


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove temporary files left in ``folder`` by eastflank runs that are no longer alive.

    Only regular files named ``.eastflank-tmp-<pid>-*`` whose process has ended are removed;
    returns the removed paths.
    """
    removed: list[Path] = []
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(TMP_PREFIX):
            continue
        pid_text = entry.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def check_target(path: Path, what: str = "file") -> Path:
    """Check that ``path`` can be replaced by a regular file; return it.

    Raises
    ------
    OutputError
        If the path is empty, names a folder, a device, a FIFO or a socket, or its folder does
        not exist.
    """
    text = str(path)
    if not text or text in (".", "..") or text.endswith(os.sep):
        raise OutputError(f"expected the path of a {what}, got a folder", file=text or "''")
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot use this path ({exc.strerror})", file=text) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise OutputError(f"expected the path of a {what}, found {kind}; nothing written",
                          file=text)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError("folder does not exist", file=str(folder))
    return path


@contextlib.contextmanager
def atomic_target(path: Path, what: str = "file") -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` on success.

    The temporary file does not exist when the block starts (some writers, e.g. DuckDB, want to
    create it). On an exception (Ctrl-C included) it is removed and ``path`` is left untouched.

    Raises
    ------
    OutputError
        If ``path`` is not a place for a regular file (see :func:`check_target`) or the folder
        cannot be written.
    """
    path = check_target(path, what)
    folder = path.parent
    clean_stale(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", suffix=path.suffix,
                                    dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror})", file=str(folder)) from None
    os.close(fd)
    tmp = Path(name)
    tmp.unlink()
    try:
        yield tmp
        if not tmp.is_file():
            raise OutputError("nothing was written", file=str(path))
        _fsync_file(tmp)
        tmp.replace(path)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write ({exc.strerror or exc})", file=str(path)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: bytes | str, what: str = "file") -> Path:
    """Write ``data`` (text is UTF-8) to ``path`` atomically; return ``path``.

    Raises
    ------
    OutputError
        If ``path`` is not a place for a regular file or cannot be written (disk full,
        read-only folder ...); nothing is left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_target(path, what) as tmp, open(tmp, "xb") as fh:
        fh.write(payload)
    return Path(path)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
