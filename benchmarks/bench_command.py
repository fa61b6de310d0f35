"""Command model: latency sampling against scipy and the standard library; stage loading
(validation and cross-checks) against a bare PyYAML parse of the same file."""

from __future__ import annotations

import random
import time

import yaml
from scipy import stats

from eastflank.catalog import load_catalog
from eastflank.command import chain_components, order_chain, sample_latency
from eastflank.stages import load_stage, stage_path


def _per_op(fn: object, repeat: int) -> float:
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()  # type: ignore[operator]
    return (time.perf_counter() - t0) / repeat


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    cat = load_catalog()
    stage = load_stage("autonomy-2019", cat)
    chain = order_chain(stage, cat, "russian-president", "6th-guards-mechanised-brigade", "move")
    parts = [d for _, d in chain_components(chain)]
    n = 100_000

    ours = _per_op(lambda: sample_latency(chain, n, 1), 5)

    def scipy_peer() -> None:
        total = 0.0
        for d in parts:
            c = (d.mode_h - d.min_h) / (d.max_h - d.min_h)
            total = total + stats.triang.rvs(c, loc=d.min_h, scale=d.max_h - d.min_h, size=n,
                                             random_state=1)

    rows.append({"name": f"chain latency, {n} samples, {len(parts)} components",
                 "ours_s": ours, "peer": "scipy.stats.triang.rvs per component",
                 "peer_s": _per_op(scipy_peer, 5)})

    m = 20_000
    rng = random.Random(1)

    def stdlib_peer() -> None:
        for _ in range(m):
            sum(rng.triangular(d.min_h, d.max_h, d.mode_h) for d in parts)

    rows.append({"name": f"chain latency, {m} samples",
                 "ours_s": _per_op(lambda: sample_latency(chain, m, 1), 10),
                 "peer": "stdlib random.triangular, sample by sample",
                 "peer_s": _per_op(stdlib_peer, 2)})

    path = stage_path("nuclear-2023")
    text = path.read_text(encoding="utf-8")
    rows.append({"name": "load and cross-check a stage (nuclear-2023)",
                 "ours_s": _per_op(lambda: load_stage(path, cat), 20),
                 "peer": "yaml.safe_load of the same file (no validation)",
                 "peer_s": _per_op(lambda: yaml.safe_load(text), 20)})
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
