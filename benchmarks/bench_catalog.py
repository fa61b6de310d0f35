"""Catalog load: eastflank's validated, cross-checked load against a bare YAML parse.

Peer: ``yaml.safe_load`` of the same files with PyYAML's C loader when available (parsing
only, no validation): the floor any YAML-based dataset pays. The acceptance target is a full
load under 0.5 s.
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from eastflank.catalog import data_dir, load_catalog

REPEATS = 5


def _best(fn: object) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> list[dict[str, object]]:
    files = sorted(Path(data_dir()).glob("*/*.yaml"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def bare() -> None:
        for f in files:
            yaml.load(f.read_text(encoding="utf-8"), Loader=loader)

    ours = _best(load_catalog)
    peer = _best(bare)
    n = sum(load_catalog().counts().values())
    return [{"name": "load+validate+cross-check dataset", "ours_s": ours,
             "peer": f"yaml.load({loader.__name__}) parse only", "peer_s": peer,
             "records": n, "target_s": 0.5, "meets_target": ours < 0.5}]
