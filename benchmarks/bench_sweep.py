"""Sweeps on Dask: overhead on 2 local workers, 1 -> 2 worker scaling, and a plain loop.

Peer: a plain Python loop over :func:`eastflank.warning.run_warning`, one call per point with
the point's parameter values written into the scenario and stage (what one would write
without :mod:`eastflank.sweep`), timed on the first ``N_PEER`` points of the same design.

Printed besides the ratio (per point):

* ``model_share_2_workers``: the pure simulation time of the whole sweep (the same points
  run in this process, :func:`eastflank.sweep.engine.run_partition`) over 2 × the wall time
  of the sweep on a 2-worker local cluster, cluster start-up excluded (target >= 0.7);
* ``in_model_share_2_workers``: the time the workers spent inside the model (measured on
  them) over 2 × that wall time: the rest is scheduling, transfer and idle time;
* ``scaling_1_to_2``: wall time on 1 worker / wall time on 2 workers (start-up excluded);
* ``startup_s``: starting the 2-worker local cluster.

On a machine shared with other work, the scaling and the share measure the cores that were
free, not the code.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from eastflank.catalog import load_catalog
from eastflank.scenario import load_scenario
from eastflank.stages import load_stage
from eastflank.sweep import SweepSettings, _load, run_sweep
from eastflank.sweep.engine import run_partition
from eastflank.sweep.params import _set, point_seed
from eastflank.sweep.sampling import make_problem, sample_points
from eastflank.warning import run_warning

SETTINGS = SweepSettings("suwalki-gap-closure", ("subordination-2026",), "sobol", 32, 1000, 1)
N_PEER = 96


def run() -> list[dict[str, object]]:
    cat = load_catalog()
    ctx = _load(SETTINGS, cat)
    names = [p.name for p in ctx.parameters]
    x = sample_points(make_problem(names, [(p.min, p.max) for p in ctx.parameters]),
                      SETTINGS.method, SETTINGS.n, SETTINGS.seed)
    points = x.shape[0]
    t0 = time.perf_counter()
    run_partition(ctx, 0, 0, x, SETTINGS.seed)
    pure = time.perf_counter() - t0

    walls = {}
    startup = in_model = 0.0
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            r = run_sweep(SETTINGS, Path(tmp) / "s", cat, workers=workers)
        walls[workers] = r.timing["compute_s"]
        if workers == 2:
            startup, in_model = r.timing["startup_s"], r.timing["model_s"]

    scenario = load_scenario(SETTINGS.scenario, cat)
    stage = load_stage(SETTINGS.stages[0], cat)
    t0 = time.perf_counter()
    for i in range(N_PEER):
        sc, st = scenario, stage
        for p, v in zip(ctx.parameters, x[i], strict=True):
            if p.owner == "scenario":
                sc = _set(sc, p.path, float(v))
            else:
                st = _set(st, p.path, float(v))
        run_warning(sc, st, cat, SETTINGS.samples, point_seed(SETTINGS.seed, i))
    peer = (time.perf_counter() - t0) / N_PEER
    ours = walls[2] / points
    return [{
        "name": f"sweep point ({SETTINGS.method} n={SETTINGS.n}, {points} points x "
                f"{SETTINGS.samples} samples, 2 local workers)",
        "ours_s": ours, "peer": "plain loop over run_warning (1 process)", "peer_s": peer,
        "cores": os.cpu_count(), "pure_simulation_s": round(pure, 3),
        "wall_1_worker_s": round(walls[1], 3), "wall_2_workers_s": round(walls[2], 3),
        "startup_s": round(startup, 3),
        "model_share_2_workers": round(pure / (2 * walls[2]), 3),
        "share_target_0_7": pure / (2 * walls[2]) >= 0.7,
        "in_model_share_2_workers": round(in_model / (2 * walls[2]), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "scaling_1_to_2": round(walls[1] / walls[2], 3),
    }]


if __name__ == "__main__":
    for row in run():
        print(row)
