"""Reading daily battle data (CSV) into :class:`~eastflank.campaign.fit.DailySeries`.

Three shapes are recognised from the header:

``generic`` (comma-separated)
    ``day,blue,red,blue_lost,red_lost`` and optionally ``posture`` (``+1`` Blue attacks,
    ``-1`` Red attacks, ``0`` unknown). Forces available that day and that day's losses.
``fricker`` (comma-separated; the Ardennes tables of Fricker 1998 as kept in
    ``shared/data/battles/ardennes/``)
    ``day`` plus ``{blue,red}_{combat,total}_mp_{avail,killed}`` (manpower, Table 1/4) and/or
    ``{blue,red}_{tanks,apc,arty}_{avail,killed}`` (equipment, Table 2/5). A manpower file
    and an equipment file can be joined on ``day``; forces are the weighted sum with
    Bracken's weights (man 1, tank 20, APC 5, gun 40).
``wiper`` (space-separated; Wiper, Pettit & Young 2000)
    ``Day ForcesAllies CasualtiesAllies ForcesGermans CasualtiesGermans`` — Allies are Blue.

Every error names the file, the line and what was expected.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from eastflank.campaign.fit import DailySeries
from eastflank.errors import DataError, ModelInputError

__all__ = ["BRACKEN_WEIGHTS", "GENERIC_COLUMNS", "read_daily_csv"]

BRACKEN_WEIGHTS: Mapping[str, float] = {"mp": 1.0, "tanks": 20.0, "apc": 5.0, "arty": 40.0}
"""Bracken's (1995) combat-force weights per man, tank, APC and artillery piece (CAA
practice; air sorties weigh 0)."""

GENERIC_COLUMNS = ("day", "blue", "red", "blue_lost", "red_lost")
WIPER_COLUMNS = ("Day", "ForcesAllies", "CasualtiesAllies", "ForcesGermans",
                 "CasualtiesGermans")
EQUIPMENT = ("tanks", "apc", "arty")


def _read_table(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and the 1-based line of each row; comma, semicolon or spaces."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError("file not found; expected a daily battle CSV", file=file) from None
    except UnicodeDecodeError:
        raise DataError("not UTF-8 text; expected a daily battle CSV", file=file) from None
    except OSError as exc:
        raise DataError(f"cannot read file ({exc.strerror})", file=file) from None
    lines = [(i + 1, ln) for i, ln in enumerate(text.splitlines()) if ln.strip()]
    if not lines:
        raise DataError("empty file; expected a header and daily rows", file=file, line=1)
    first = lines[0][1]
    if "," in first or ";" in first:
        delim = "," if "," in first else ";"
        parsed = list(csv.reader(io.StringIO("\n".join(ln for _, ln in lines)), delimiter=delim))
    else:
        parsed = [ln.split() for _, ln in lines]
    header = [h.strip() for h in parsed[0]]
    rows = parsed[1:]
    numbers = [n for n, _ in lines[1:]]
    for row, n in zip(rows, numbers, strict=True):
        if len(row) != len(header):
            raise DataError(f"row has {len(row)} fields, the header has {len(header)}",
                            file=file, line=n)
    if not rows:
        raise DataError("no data rows after the header", file=file, line=lines[0][0])
    return header, rows, numbers


def _columns(path: Path) -> tuple[dict[str, np.ndarray], list[int]]:
    header, rows, numbers = _read_table(path)
    out: dict[str, np.ndarray] = {}
    for j, name in enumerate(header):
        if name in ("date",):
            continue
        vals = np.empty(len(rows))
        for i, row in enumerate(rows):
            cell = row[j].strip()
            try:
                vals[i] = float(cell)
            except ValueError:
                raise DataError(f"column {name!r}: expected a number, got {cell!r}",
                                file=str(path), line=numbers[i]) from None
            if not np.isfinite(vals[i]):
                raise DataError(f"column {name!r}: expected a finite number, got {cell!r}",
                                file=str(path), line=numbers[i])
        out[name] = vals
    return out, numbers


def _shape(cols: Mapping[str, np.ndarray]) -> str:
    if all(c in cols for c in GENERIC_COLUMNS):
        return "generic"
    if all(c in cols for c in WIPER_COLUMNS):
        return "wiper"
    if "day" in cols and any(
        f"blue_{k}_avail" in cols for k in ("combat_mp", "total_mp", *EQUIPMENT)
    ):
        return "fricker"
    return "unknown"


def _weighted(cols: Mapping[str, np.ndarray], side: str, kind: str, manpower: str,
              weights: Mapping[str, float]) -> np.ndarray:
    total = np.zeros(len(cols["day"]))
    mp = f"{side}_{manpower}_mp_{kind}"
    if mp in cols:
        total += weights["mp"] * cols[mp]
    for eq in EQUIPMENT:
        name = f"{side}_{eq}_{kind}"
        if name in cols:
            total += weights[eq] * cols[name]
    return total


def read_daily_csv(
    path: Path,
    *,
    equipment: Path | None = None,
    manpower: str = "total",
    weights: Mapping[str, float] = BRACKEN_WEIGHTS,
) -> DailySeries:
    """Read a daily battle file (see the module docstring for the shapes).

    Parameters
    ----------
    path
        The CSV file.
    equipment
        For the ``fricker`` shape: an equipment table joined on ``day``.
    manpower
        For the ``fricker`` shape: ``total`` or ``combat`` manpower.
    weights
        Weights per man, tank, APC and gun for the ``fricker`` shape.

    Raises
    ------
    DataError
        If the file cannot be read, its header matches no known shape, a cell is not a
        number, a value is negative, or the days of a joined equipment file differ.
    """
    if manpower not in ("total", "combat"):
        raise ModelInputError(f"manpower: expected 'total' or 'combat', got {manpower!r}")
    file = str(path)
    cols, numbers = _columns(path)
    shape = _shape(cols)
    if shape == "unknown":
        raise DataError(
            "header matches no known daily battle shape; expected columns "
            f"{','.join(GENERIC_COLUMNS)}[,posture] (or the Fricker/Wiper Ardennes tables)",
            file=file, line=1,
        )
    if equipment is not None:
        if shape != "fricker":
            raise DataError("an equipment table can only be joined to a Fricker-shaped table",
                            file=file, line=1)
        extra, _ = _columns(equipment)
        if _shape(extra) != "fricker" or not np.array_equal(extra["day"], cols["day"]):
            raise DataError("expected a Fricker equipment table with the same days",
                            file=str(equipment), line=1)
        cols = {**cols, **{k: v for k, v in extra.items() if k != "day"}}
    posture = cols.get("posture")
    if shape == "generic":
        day, blue, red = cols["day"], cols["blue"], cols["red"]
        bl, rl = cols["blue_lost"], cols["red_lost"]
    elif shape == "wiper":
        day, blue, bl = cols["Day"], cols["ForcesAllies"], cols["CasualtiesAllies"]
        red, rl = cols["ForcesGermans"], cols["CasualtiesGermans"]
    else:
        day = cols["day"]
        blue = _weighted(cols, "blue", "avail", manpower, weights)
        red = _weighted(cols, "red", "avail", manpower, weights)
        bl = _weighted(cols, "blue", "killed", manpower, weights)
        rl = _weighted(cols, "red", "killed", manpower, weights)
    for name, arr in (("forces", np.concatenate([blue, red])),
                      ("losses", np.concatenate([bl, rl]))):
        if np.any(arr < 0):
            i = int(np.argmax(arr < 0)) % len(day)
            raise DataError(f"{name}: expected values >= 0, found a negative one",
                            file=file, line=numbers[i])
    if np.any(np.diff(day) <= 0):
        i = int(np.argmax(np.diff(day) <= 0)) + 1
        raise DataError(f"column 'day': expected increasing days, got {day[i]:g} after "
                        f"{day[i - 1]:g}", file=file, line=numbers[i])
    if posture is not None and not np.all(np.isin(posture, (-1.0, 0.0, 1.0))):
        i = int(np.argmax(~np.isin(posture, (-1.0, 0.0, 1.0))))
        raise DataError(f"column 'posture': expected -1, 0 or 1, got {posture[i]:g}",
                        file=file, line=numbers[i])
    return DailySeries.of(day, blue, red, bl, rl, posture, label=path.name)
