"""Worst cases of the input policy: a 250 KB article, a 3,000-deep parent chain, start-up.

* ``check`` of a 250 KB article (both seeds repeated), against four times the check of its
  first quarter: the ratio is about 1 when claim checking is linear in the article's length
  (the issue's target: under 10 s here; it took 285 s when a pyproj transformer was built for
  each gap claim).
* Loading a dataset with 3,000 extra units in one parent chain, against the same 3,000 units
  without parents: the ratio shows what the chain costs (the cycle check is linear).
* ``eastflank --help`` and ``eastflank data show ID`` in a fresh interpreter, against
  ``python -c "import typer"`` (the least any typer command line can cost); ``data show`` with
  the validated-catalog cache (see :mod:`eastflank.catcache`) and without it (a full load).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eastflank.catalog import load_catalog
from eastflank.catcache import CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
ARTICLE_BYTES = 250_000
CHAIN = 3_000
SOURCE = "banasik-2022"


def _article() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] or [
        "The 45,000-strong Belarusian force stands within 200 kilometers of Warsaw. "
        "The Suwalki gap is 65 km wide."]
    base = "\n\n".join(parts)
    text = base
    while len(text.encode("utf-8")) < ARTICLE_BYTES:
        text += "\n\n" + base
    return text[:ARTICLE_BYTES]


def _units(folder: Path, chained: bool) -> Path:
    (folder / "units").mkdir(parents=True)
    lines = []
    for i in range(CHAIN):
        parent = f"bench-unit-{i - 1}" if chained and i else "western-operational-command"
        lines.append(f"- {{id: bench-unit-{i}, name: Bench unit {i}, status: hypothetical, "
                     f"sources: [{SOURCE}], actor: BY, branch: ground, echelon: battalion, "
                     f"parent: {parent}, note: benchmark}}")
    (folder / "units" / "chain.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _best(fn: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def _startup(argv: list[str], repeat: int = 5, env: dict[str, str] | None = None) -> float:
    return _best(lambda: subprocess.run(argv, capture_output=True, check=True, env=env), repeat)


def run() -> list[dict[str, object]]:
    from eastflank.claims import check_text

    rows: list[dict[str, object]] = []
    catalog = load_catalog()
    text = _article()
    quarter = text[: ARTICLE_BYTES // 4]
    check_text(quarter[:2000], catalog)  # start-up: gazetteer, unit registry, borders
    t0 = time.perf_counter()
    result = check_text(text, catalog)
    ours = time.perf_counter() - t0
    peer = 4 * _best(lambda: check_text(quarter, catalog), 1)
    rows.append({"name": f"check a {len(text.encode()) // 1000} KB article",
                 "ours_s": ours, "peer": "4 x the check of its first quarter (linear scaling)",
                 "peer_s": peer, "claims": len(result.claims), "target_s": 10})

    with tempfile.TemporaryDirectory() as tmp:
        chain = _units(Path(tmp) / "chain", chained=True)
        flat = _units(Path(tmp) / "flat", chained=False)
        ours = _best(lambda: load_catalog(extra=[chain]), 2)
        peer = _best(lambda: load_catalog(extra=[flat]), 2)
    rows.append({"name": f"load a dataset with a {CHAIN:,}-deep parent chain", "ours_s": ours,
                 "peer": f"the same {CHAIN:,} units without a chain", "peer_s": peer})

    exe = str(Path(sys.executable).with_name("eastflank"))
    ours = _startup([exe, "--help"])
    peer = _startup([sys.executable, "-c", "import typer"])
    rows.append({"name": "start-up: eastflank --help", "ours_s": ours,
                 "peer": 'python -c "import typer"', "peer_s": peer, "target_s": 0.3})
    show = [exe, "data", "show", "hrodna"]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, CACHE_ENV: tmp}
        subprocess.run(show, capture_output=True, check=True, env=env)  # writes the cache
        ours = _startup(show, env=env)
        blocked = Path(tmp) / "file"
        blocked.write_text("x", encoding="utf-8")  # a cache folder that cannot be made
        cold = _startup(show, repeat=3, env={**os.environ, CACHE_ENV: str(blocked / "c")})
    rows.append({"name": "start-up: eastflank data show hrodna (validated-catalog cache)",
                 "ours_s": ours, "peer": 'python -c "import typer"', "peer_s": peer,
                 "target_s": 0.3})
    rows.append({"name": "start-up: eastflank data show hrodna (no cache: full load)",
                 "ours_s": cold, "peer": 'python -c "import typer"', "peer_s": peer})
    return rows
