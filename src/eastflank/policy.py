"""The input policy: every limit eastflank puts on what it reads, in one place.

Every file, argument and number from outside passes these checks before any object is built:

* only regular files are read (a FIFO, a device such as ``/dev/zero`` or a folder is refused
  without blocking), each within the size limit of its kind (:data:`MAX_FILE_BYTES`);
* YAML documents are scanned event by event before they are composed: nesting depth
  (:data:`MAX_YAML_DEPTH`), the number of nodes once aliases are expanded
  (:data:`MAX_YAML_NODES`, which stops "billion laughs" bombs) and self-referencing anchors;
* every number is finite, every integer fits in 64 bits, every date exists, and a quantity whose
  name carries a unit (``lag_h``, ``range_km``, a figure of ``personnel``) lies within the
  physical bound of :data:`UNIT_BOUNDS`;
* command-line arguments, names and SQL have maximum lengths; sample counts a maximum.

A violation raises the caller's :class:`~eastflank.errors.EastflankError` subclass naming the
file, line, record and field and what was expected; the command line prints it on one line and
exits 2.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from eastflank.errors import DataError, EastflankError, ModelInputError, ScenarioError, StageError

__all__ = [
    "MAX_ARG_CHARS",
    "MAX_FILE_BYTES",
    "MAX_NAME_CHARS",
    "MAX_QUERY_ROWS",
    "MAX_QUERY_SECONDS",
    "MAX_SAMPLES",
    "MAX_SQL_CHARS",
    "MAX_YAML_DEPTH",
    "MAX_YAML_NODES",
    "UNIT_BOUNDS",
    "check_args",
    "check_name_length",
    "check_samples",
    "check_yaml_events",
    "check_yaml_scalars",
    "fold",
    "path_kind",
    "read_regular",
]

MiB = 1024 * 1024

MAX_FILE_BYTES: dict[str, int] = {
    "dataset": 8 * MiB,
    "stage": 1 * MiB,
    "scenario": 1 * MiB,
    "article": 10 * MiB,
    "yaml": 8 * MiB,
}
"""Largest file read, by kind of input (bytes)."""

MAX_YAML_DEPTH = 64
"""Deepest nesting of mappings and sequences in a YAML document."""

MAX_YAML_NODES = 250_000
"""Most nodes a YAML document may hold once every alias is expanded."""

MAX_ARG_CHARS = 4096
"""Longest command-line argument (a name, a path, an option value)."""

MAX_SQL_CHARS = 20_000
"""Longest SQL text for ``data query``."""

MAX_NAME_CHARS = 200
"""Longest id, name or alias looked up in the dataset."""

MAX_SAMPLES: dict[str, int] = {
    "warning": 2_000_000,
    "chain": 2_000_000,
    "campaign": 100_000,
    "report": 100_000,
}
"""Most Monte Carlo samples of one run, by command (memory and time grow linearly with them:
2,000,000 warning samples take about 0.3 GB and 3 s here)."""

MAX_QUERY_ROWS = 100_000
"""Most rows ``data query`` returns."""

MAX_QUERY_SECONDS = 30.0
"""Longest time a ``data query`` may run."""

MAX_INT = 2**63 - 1
"""Integers must fit in a signed 64-bit integer (DuckDB ``BIGINT``)."""

MAX_ABS_FLOAT = 1e15
"""Largest magnitude of any number without a stated unit."""

UNIT_BOUNDS: tuple[tuple[str, float, str], ...] = (
    ("_kmh", 30_000.0, "km/h (above orbital speed)"),
    ("_h", 87_600.0, "hours (ten years)"),
    ("_s", 315_360_000.0, "seconds (ten years)"),
    ("_days", 3_650.0, "days (ten years)"),
    ("_km", 40_075.0, "km (the Earth's circumference)"),
    ("_m", 40_075_000.0, "m (the Earth's circumference)"),
    ("_kg", 1_000_000.0, "kg"),
    ("_mach", 50.0, "Mach"),
    ("_percent", 100.0, "per cent"),
    ("personnel", 100_000_000.0, "people"),
    ("troops", 100_000_000.0, "people"),
)
"""(name suffix or word, largest magnitude, unit) of quantities named with their unit."""


# -- names and arguments ---------------------------------------------------------------------
_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o",
                             "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h"})
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """``text`` with case, diacritics and punctuation folded: ``"Białystok"`` -> ``bialystok``.

    Hyphens, underscores and other punctuation become single spaces, so an id and its name
    spelt with spaces fold alike (``6th-guards`` and ``6th Guards``).
    """
    t = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return " ".join(p for p in _NON_WORD.split(t) if p)


def check_name_length(name: str, what: str = "name") -> None:
    """Refuse a name longer than :data:`MAX_NAME_CHARS` before any search is made."""
    if len(name) > MAX_NAME_CHARS:
        raise ModelInputError(
            f"{what} is {len(name)} characters long; expected at most {MAX_NAME_CHARS}")


def check_args(argv: Sequence[str]) -> None:
    """Refuse a command line with an argument longer than :data:`MAX_ARG_CHARS` (SQL may be
    up to :data:`MAX_SQL_CHARS`) or holding a NUL character (which no file name, id or
    number holds)."""
    for i, arg in enumerate(argv):
        if "\x00" in arg:
            raise ModelInputError(f"argument {i + 1} holds a NUL character")
        limit = MAX_SQL_CHARS if i >= 2 and list(argv[:2]) == ["data", "query"] else MAX_ARG_CHARS
        if len(arg) > limit:
            raise ModelInputError(
                f"argument {i + 1} is {len(arg)} characters long; expected at most {limit}")


def check_samples(n: int, kind: str, low: int = 1, option: str = "--samples") -> int:
    """``n`` if it is a sample count in [``low``, ``MAX_SAMPLES[kind]``], else a one-line
    error."""
    high = MAX_SAMPLES[kind]
    if not low <= n <= high:
        raise ModelInputError(f"{option}: expected an integer from {low:,} to {high:,}, got {n}")
    return n


# -- files -----------------------------------------------------------------------------------
def path_kind(path: Path | str) -> str:
    """What ``path`` names: ``"file"`` (regular), ``"folder"``, ``"other"`` (a device, FIFO or
    socket) or ``"missing"``. Never raises: a name no file can have (a part longer than the
    system allows, a NUL character) or an unreadable place names nothing, so it is missing."""
    try:
        st = Path(path).stat()
    except (OSError, ValueError):
        return "missing"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "folder" if stat.S_ISDIR(st.st_mode) else "other"


_KIND_OF_ERROR: dict[type[EastflankError], str] = {
    DataError: "dataset", StageError: "stage", ScenarioError: "scenario"}


def read_regular(path: Path | str, kind: str = "yaml",
                 error: type[EastflankError] = EastflankError) -> bytes:
    """The bytes of the regular file ``path``, at most ``MAX_FILE_BYTES[kind]`` long.

    The file is opened without blocking, so a FIFO cannot hang the run, and anything that is
    not a regular file (a device such as ``/dev/zero``, a folder, a socket) is refused.

    Raises
    ------
    EastflankError (of class ``error``)
        If the file is missing, unreadable, not a regular file or too large.
    """
    file = str(path)
    limit = MAX_FILE_BYTES.get(kind, MAX_FILE_BYTES["yaml"])
    try:
        fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error("file not found", file=file) from None
    except ValueError:  # a NUL character in the name
        raise error("no such file: the name holds a NUL character", file=file) from None
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise error("expected a file, found a folder", file=file) from None
        raise error(f"cannot read file ({exc.strerror})", file=file) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "a device, FIFO or socket"
            raise error(f"expected a regular file, found {what}", file=file)
        if st.st_size > limit:
            raise error(f"file is {st.st_size:,} bytes; the limit for a {kind} file is "
                        f"{limit:,} bytes", file=file)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise error(f"file exceeds the limit for a {kind} file of {limit:,} bytes",
                            file=file)
    except OSError as exc:
        raise error(f"cannot read file ({exc.strerror})", file=file) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def kind_of_error(error: type[EastflankError]) -> str:
    """The kind of input (size limit) read for errors of class ``error``."""
    for cls, kind in _KIND_OF_ERROR.items():
        if issubclass(error, cls):
            return kind
    return "yaml"


# -- YAML ------------------------------------------------------------------------------------
def check_yaml_events(text: str, file: str, error: type[EastflankError]) -> None:
    """Scan a YAML document's events: depth, expanded size and anchors, before composing it.

    Linear in the length of the text; an alias adds the size of its anchored node without
    expanding it, so a "billion laughs" bomb is refused after a few events.

    Raises
    ------
    EastflankError (of class ``error``)
        If the nesting is deeper than :data:`MAX_YAML_DEPTH`, an alias refers to an anchor that
        encloses it, or the expanded document exceeds :data:`MAX_YAML_NODES` nodes.
    """
    loader_cls: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, size] of each open collection
    total = 0
    try:
        while loader.check_event():
            ev = loader.get_event()
            line = ev.start_mark.line + 1 if ev.start_mark is not None else None
            if isinstance(ev, yaml.CollectionStartEvent):
                if len(stack) >= MAX_YAML_DEPTH:
                    raise error(f"YAML nesting depth exceeds {MAX_YAML_DEPTH} levels",
                                file=file, line=line)
                stack.append([ev.anchor, 1])
                continue
            if isinstance(ev, yaml.CollectionEndEvent):
                anchor, size = stack.pop()
                if anchor is not None:
                    sizes[anchor] = size
                if stack:
                    stack[-1][1] += size
                continue
            if isinstance(ev, yaml.AliasEvent):
                if ev.anchor not in sizes:
                    if any(a == ev.anchor for a, _ in stack):
                        raise error(f"alias *{ev.anchor} refers to an anchor that contains it "
                                    "(a self-referencing structure)", file=file, line=line)
                    raise error(f"alias *{ev.anchor} has no anchor before it",
                                file=file, line=line)
                size = sizes[ev.anchor]
            elif isinstance(ev, yaml.ScalarEvent):
                size = 1
                if ev.anchor is not None:
                    sizes[ev.anchor] = 1
            else:
                continue
            total += size
            if stack:
                stack[-1][1] += size
            if total > MAX_YAML_NODES or (stack and stack[-1][1] > MAX_YAML_NODES):
                raise error(f"YAML expands to more than {MAX_YAML_NODES:,} nodes through "
                            "aliases; expected a plain document", file=file, line=line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        raise error(f"malformed YAML: {problem}", file=file,
                    line=mark.line + 1 if mark is not None else None) from None
    except yaml.YAMLError as exc:
        raise error(f"malformed YAML: {exc}", file=file) from None
    finally:
        loader.dispose()


_CONSTRUCT = yaml.constructor.SafeConstructor()
_FLOAT = "tag:yaml.org,2002:float"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"
_NUMBERISH = re.compile(r"^[-+]?(\.?(inf|infinity|nan)|[0-9][0-9_]*(\.[0-9_]*)?[eE][-+]?[0-9]+)$",
                        re.IGNORECASE)
_WORDISH = re.compile(r"^[-+]?(inf|infinity|nan)$", re.IGNORECASE)
"""The words float() reads as a non-finite number; as text they are also names ("Nan")."""
_NUMERIC_FIELDS = frozenset({"value", "low", "high", "min", "mode", "max"})


def _numeric_field(quantity: str | None, path: str) -> bool:
    """Whether the scalar at ``path`` holds a number: a figure's value or bound, a field named
    with a unit, or a distribution's limits."""
    return quantity is not None or path.rsplit(".", 1)[-1] in _NUMERIC_FIELDS


@lru_cache(maxsize=4096)
def _bound_of(name: str | None) -> tuple[float, str] | None:
    if not name:
        return None
    for suffix, limit, unit in UNIT_BOUNDS:
        if name.endswith(suffix) or (not suffix.startswith("_") and suffix in name):
            return limit, unit
    return None


def check_yaml_scalars(node: yaml.Node, file: str, error: type[EastflankError]) -> None:
    """Check every number and date of a composed YAML node tree before it is constructed.

    Numbers must be finite; integers within 64 bits; dates real calendar dates; a number under
    a key named with a unit (``lag_h``, ``range_km``) or the ``value``/``low``/``high`` of a
    figure of such a quantity within the bound of :data:`UNIT_BOUNDS`.

    Raises
    ------
    EastflankError (of class ``error``)
        Naming file:line, the record id, the field and what was expected.
    """
    # (node, quantity name governing it, record id, dotted field path)
    todo: list[tuple[yaml.Node, str | None, str | None, str]] = [(node, None, None, "")]
    seen: set[int] = set()
    while todo:
        cur, quantity, record, path = todo.pop()
        if isinstance(cur, yaml.ScalarNode):
            _check_scalar(cur, quantity, record, path, file, error)
            continue
        if id(cur) in seen:  # an alias: its anchored node was checked already
            continue
        seen.add(id(cur))
        if isinstance(cur, yaml.SequenceNode):
            for i, child in enumerate(cur.value):
                todo.append((child, quantity, record, f"{path}.{i}" if path else str(i)))
        elif isinstance(cur, yaml.MappingNode):
            keys = {str(k.value): v for k, v in cur.value if isinstance(k, yaml.ScalarNode)}
            rec = record
            id_node = keys.get("id")
            if isinstance(id_node, yaml.ScalarNode) and len(str(id_node.value)) <= 200:
                rec = str(id_node.value)
                if path.isdigit():  # a record of a dataset file: fields relative to it
                    path = ""
            q_node = keys.get("quantity")
            figure_q = str(q_node.value) if isinstance(q_node, yaml.ScalarNode) else None
            for k, v in cur.value:
                name = str(k.value) if isinstance(k, yaml.ScalarNode) else ""
                sub = f"{path}.{name}" if path else name
                if figure_q and name in ("value", "low", "high"):
                    q: str | None = figure_q
                elif _bound_of(name) is not None:
                    q = name
                else:
                    q = quantity
                if isinstance(k, yaml.ScalarNode):
                    _check_scalar(k, None, rec, sub, file, error)
                todo.append((v, q, rec, sub))


def _check_scalar(node: yaml.ScalarNode, quantity: str | None, record: str | None, path: str,
                  file: str, error: type[EastflankError]) -> None:
    def fail(message: str) -> EastflankError:
        return error(message, file=file, line=node.start_mark.line + 1, record=record,
                     field=path or None)

    tag = node.tag
    value: float
    if tag == _INT:
        digits = str(node.value).replace("_", "").lstrip("+-")
        if len(digits) > 25:
            raise fail(f"integer of {len(digits)} digits; expected at most {MAX_INT:,}")
        try:
            value = _CONSTRUCT.construct_yaml_int(node)
        except (ValueError, TypeError):
            raise fail(f"not an integer: {node.value!r}") from None
        if abs(value) > MAX_INT:
            raise fail(f"integer {value} out of the 64-bit range; expected at most {MAX_INT:,}")
    elif tag == _FLOAT:
        try:
            value = _CONSTRUCT.construct_yaml_float(node)
        except (ValueError, TypeError):
            raise fail(f"not a number: {node.value!r}") from None
        if not math.isfinite(value):
            raise fail(f"expected a finite number, got {node.value!r}")
        if abs(value) > MAX_ABS_FLOAT:
            raise fail(f"{node.value} is out of range; expected a magnitude of at most "
                       f"{MAX_ABS_FLOAT:g}")
    elif tag == _STR:
        text = str(node.value).strip()
        if not _NUMBERISH.match(text):
            return
        if _WORDISH.match(text) and not _numeric_field(quantity, path):
            return  # "Nan", "Infinity": a name, where no number is read
        try:
            value = float(text.replace("_", ""))
        except ValueError:
            return
        # a number written as text (``"1e308"``, ``"inf"``) would still be read as one
        if not math.isfinite(value) or abs(value) > MAX_ABS_FLOAT:
            raise fail(f"expected a finite number of magnitude at most {MAX_ABS_FLOAT:g}, "
                       f"got {node.value!r}")
    elif tag == _TIMESTAMP:
        try:
            _CONSTRUCT.construct_yaml_timestamp(node)
        # AttributeError: PyYAML's own constructor fails that way on an explicit
        # ``!!timestamp`` tag whose text is no timestamp at all (``!!timestamp ''``).
        except (ValueError, TypeError, OverflowError, AttributeError) as exc:
            raise fail(f"no such date {node.value!r} ({exc}); expected a real date as "
                       "YYYY-MM-DD") from None
        return
    else:
        return
    bound = _bound_of(quantity)
    if bound is not None and abs(value) > bound[0]:
        raise fail(f"{node.value} is out of the physical range of {quantity}; expected at most "
                   f"{bound[0]:,g} {bound[1]}")
