"""Quantity and date parsers for the claim checker: ours against quantulum3 and dateparser.

Measured on the dev split of the evaluation set (never the test split). For every labelled
claim of a numeric kind, a parser *finds* it when it returns a quantity inside the quote with
the unit the kind needs (km for distances, ranges, borders and gaps; minutes for flight and
warning times; a number for strengths and counts, where quantulum3 cannot name personnel);
it *keeps the hedge* when the claim's "about", "up to", "more than", "almost" or a range
reaches the result as a bound. For every event claim with a date in its quote, a parser finds
it when it returns a date inside the quote, and *keeps the precision* when a month or a year
is not turned into a day. Time per quote is timed for both.

The peers are optional (``pip install quantulum3 dateparser``); without them the row says so.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import warnings
from pathlib import Path
from typing import Any

from eastflank.claims.dates import find_dates
from eastflank.claims.evaluate import EvalText
from eastflank.claims.quantities import find_quantities
from eastflank.errors import ClaimInputError
from eastflank.yamlio import load_document

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "data" / "claims" / "eval"
DEV = EVAL / "dev" if (EVAL / "dev").is_dir() else EVAL
UNIT = {"distance": "km", "border_length": "km", "gap_width": "km", "weapon_range": "km",
        "flight_time": "min", "warning_time": "min", "strength": "number", "count": "number"}
Q3_UNITS = {"km": {"kilometre", "mile", "metre"}, "min": {"minute", "second", "hour"}}
HEDGE = re.compile(r"\b(?:about|around|some|nearly|almost|up\s+to|more\s+than|over|at\s+least|"
                   r"less\s+than|under|approximately|roughly)\b|\d\s*(?:-|–|to)\s*\d", re.I)
DATE_LIKE = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                       r"Oct|Nov|Dec)[a-z]*\.?\s+\d", re.I)


def _items() -> list[tuple[EvalText, Any]]:
    out = []
    for path in sorted(DEV.glob("*.yaml")):
        item = load_document(path, EvalText, ClaimInputError)
        out += [(item, c) for c in item.claims]
    return out


def _ours_quantity(quote: str, kind: str) -> tuple[bool, bool]:
    qs = find_quantities(quote, 0)
    want = UNIT[kind]
    hits = [q for q in qs if (q.unit == want) or (want == "number" and q.unit not in
                                                  ("km", "min"))]
    hedged = any(q.bound != "exact" for q in hits)
    return bool(hits), hedged


def _q3_quantity(parser: Any, quote: str, kind: str) -> tuple[bool, bool]:
    want = UNIT[kind]
    qs = parser.parse(quote)
    hits = [q for q in qs if (want == "number" and q.unit.name == "dimensionless")
            or q.unit.name in Q3_UNITS.get(want, set())]
    # quantulum3 returns a value with an optional uncertainty; a hedge survives only as one
    hedged = any(getattr(q, "uncertainty", None) for q in hits)
    return bool(hits), hedged


def _ours_date(quote: str, day: dt.date) -> tuple[bool, bool]:
    ds = find_dates(quote, day, 0)
    coarse = bool(re.search(r"\b(?:in|since|by|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", quote))
    return bool(ds), (not coarse) or any(d.precision != "day" for d in ds)


def _dp_date(search: Any, quote: str, day: dt.date) -> tuple[bool, bool]:
    base = dt.datetime(day.year, day.month, day.day)
    found = search(quote, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    found = [f for f in found if re.search(r"\d", f[0])]
    coarse = bool(re.search(r"\b(?:in|since|by|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", quote))
    return bool(found), not coarse  # dateparser returns datetimes: no precision survives


def run() -> list[dict[str, object]]:
    items = _items()
    numeric = [(t, c) for t, c in items if c.kind in UNIT]
    dated = [(t, c) for t, c in items if c.kind == "event" and DATE_LIKE.search(c.quote)]
    hedged_claims = [(t, c) for t, c in numeric if HEDGE.search(c.quote)]
    rows: list[dict[str, object]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
        parser.parse("warm-up 5 km")
    except ImportError:
        parser = None
    find_quantities("warm-up 5 km", 0)
    t0 = time.perf_counter()
    ours = [_ours_quantity(c.quote, c.kind) for _, c in numeric]
    ours_s = (time.perf_counter() - t0) / max(len(numeric), 1)
    row: dict[str, object] = {
        "name": f"quantities in {len(numeric)} numeric dev claims",
        "ours_s": ours_s,
        "ours_found": sum(f for f, _ in ours),
        "ours_hedges_kept": sum(h for (f, h), (_, c) in zip(ours, numeric, strict=True)
                                if HEDGE.search(c.quote)),
        "hedged_claims": len(hedged_claims),
    }
    if parser is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            peer = [_q3_quantity(parser, c.quote, c.kind) for _, c in numeric]
            peer_s = (time.perf_counter() - t0) / max(len(numeric), 1)
        row.update(peer="quantulum3", peer_s=peer_s, peer_found=sum(f for f, _ in peer),
                   peer_hedges_kept=sum(h for (f, h), (_, c) in zip(peer, numeric, strict=True)
                                        if HEDGE.search(c.quote)))
    else:
        row.update(peer="quantulum3 (not installed)", peer_s=float("nan"))
    rows.append(row)
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
    t0 = time.perf_counter()
    ours_d = [_ours_date(c.quote, t.date) for t, c in dated]
    ours_s = (time.perf_counter() - t0) / max(len(dated), 1)
    drow: dict[str, object] = {
        "name": f"dates in {len(dated)} dated dev event claims",
        "ours_s": ours_s,
        "ours_found": sum(f for f, _ in ours_d),
        "ours_precision_kept": sum(p for f, p in ours_d if f),
    }
    if search_dates is not None:
        search_dates("warm-up 5 May 2020", languages=["en"])
        t0 = time.perf_counter()
        peer_d = [_dp_date(search_dates, c.quote, t.date) for t, c in dated]
        peer_s = (time.perf_counter() - t0) / max(len(dated), 1)
        drow.update(peer="dateparser.search_dates", peer_s=peer_s,
                    peer_found=sum(f for f, _ in peer_d),
                    peer_precision_kept=sum(p for f, p in peer_d if f))
    else:
        drow.update(peer="dateparser (not installed)", peer_s=float("nan"))
    rows.append(drow)
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)
