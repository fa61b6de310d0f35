"""Shared pieces of the command line: output, options, and the catalog for a command.

Commands compute nothing themselves: they call the library, then print its result as JSON
(``--json``: machine-readable on stdout, nothing else there) or as rich tables for people.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError
from eastflank.jsonable import finite, to_jsonable

__all__ = [
    "DataOpt",
    "JsonOpt",
    "console",
    "emit",
    "err_console",
    "get_catalog",
    "parse_date",
    "to_jsonable",
]

console = Console()
err_console = Console(stderr=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON on stdout.")]
DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="Extra dataset folder (same layout as the packaged one); may be repeated.",
        exists=False,
    ),
]


@lru_cache(maxsize=8)
def _catalog(extra: tuple[Path, ...]) -> Catalog:
    from eastflank.catalog import load_catalog

    return load_catalog(extra=extra, cache=True)


def get_catalog(extra: list[Path] | None = None) -> Catalog:
    """The packaged catalog, plus any extra dataset folders, loaded once per process."""
    return _catalog(tuple(Path(p).absolute() for p in extra or ()))


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    """Parse an ISO date given on the command line; a bad one is a one-line error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ModelInputError(f"{option}: expected a date as YYYY-MM-DD, got {value!r}") from None


def emit(result: Any, as_json: bool, render: Callable[[Any], None]) -> None:
    """Print ``result`` as JSON on stdout, or let ``render`` print it for people.

    The JSON is always valid: a NaN or infinite number (e.g. a quantile of no samples) is
    printed as ``null``.
    """
    if as_json:
        data = finite(to_jsonable(result))
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        render(result)
