"""Warning-time Monte Carlo: the vectorized model against its event-by-event SimPy reference.

Peer: :func:`eastflank.warning_ref.simulate_ref` (SimPy, one environment per sample) on the
same compiled plan (``suwalki-gap-closure`` at ``autonomy-2019``, the stage with the most
random quantities). Besides the ratio, it prints the uniform draws per sample and the physical
bound = measured uniform draws/s on one core / draws per sample, and the peak memory of a
1e6-sample run (tracemalloc). Targets: >= 100x the reference, within 4x of the bound, 1e6
samples within 1 GiB.
"""

from __future__ import annotations

import time
import tracemalloc

import numpy as np

from eastflank.catalog import load_catalog
from eastflank.scenario import load_scenario
from eastflank.stages import load_stage
from eastflank.warning import compile_plan, simulate
from eastflank.warning_ref import simulate_ref

N_OURS = 1_000_000
N_PEER = 3_000
STAGE = "autonomy-2019"


def _best(fn: object, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> list[dict[str, object]]:
    cat = load_catalog()
    plan = compile_plan(load_scenario("suwalki-gap-closure", cat), load_stage(STAGE, cat), cat)
    draws = plan.draws_per_sample
    ours = _best(lambda: simulate(plan, N_OURS, 1), 3) / N_OURS
    peer = _best(lambda: simulate_ref(plan, N_PEER, 1), 1) / N_PEER
    gen = np.random.default_rng(0)
    buf = np.empty(N_OURS)
    uniform_s = _best(lambda: gen.random(out=buf), 5) / N_OURS
    bound = (1.0 / uniform_s) / draws
    tracemalloc.start()
    simulate(plan, N_OURS, 1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return [{
        "name": f"warning samples (suwalki-gap-closure @ {STAGE})",
        "ours_s": ours, "peer": "SimPy event-by-event reference (warning_ref)", "peer_s": peer,
        "ours_samples_per_s": round(1 / ours), "peer_samples_per_s": round(1 / peer),
        "draws_per_sample": draws, "uniform_draws_per_s": round(1 / uniform_s),
        "bound_samples_per_s": round(bound), "share_of_bound": round((1 / ours) / bound, 3),
        "within_4x_of_bound": (1 / ours) * 4 >= bound, "ratio_target_100x": peer / ours >= 100,
        "peak_mib_1e6_samples": round(peak / 2**20, 1), "within_1_gib": peak < 2**30,
    }]


if __name__ == "__main__":
    for row in run():
        print(row)
