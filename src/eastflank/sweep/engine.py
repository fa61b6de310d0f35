"""Running a sweep's partitions: on Dask distributed (a local cluster or a scheduler), or here.

A partition is a contiguous block of points. Each point's random streams are keyed by the
sweep's seed and the point's index (:func:`eastflank.sweep.params.point_seed`), so a point's
outputs do not depend on which worker runs it, in which order, or how many workers there are.

The local cluster has one single-threaded worker process per core (the model is numpy code
that holds the GIL between array operations). ``scheduler`` (``tcp://HOST:PORT``) runs on an
existing cluster started with ``dask scheduler`` and ``dask worker``; every worker needs the
same eastflank installed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from eastflank.errors import ModelInputError
from eastflank.sweep.params import Context, evaluate_point, point_seed

__all__ = ["PartResult", "run_partition", "run_partitions"]

PartResult = tuple[int, dict[str, list[Any]], float]
"""``(partition index, columns, seconds spent in the model)``."""


def run_partition(ctx: Context, k: int, start: int, x: NDArray[np.float64],
                  seed: int) -> PartResult:
    """Run the points ``x`` (indices ``start``, ``start + 1``, ...) and return their rows."""
    t0 = time.perf_counter()
    cols: dict[str, list[Any]] = {"point": []}
    for p in ctx.parameters:
        cols[p.name] = []
    outs = ctx.output_columns()
    for o in outs:
        cols[o] = []
    for i, row in enumerate(x):
        idx = start + i
        res = evaluate_point(ctx, row, point_seed(seed, idx))
        cols["point"].append(idx)
        for p, v in zip(ctx.parameters, row, strict=True):
            cols[p.name].append(float(v))
        for o in outs:
            cols[o].append(res[o])
    return k, cols, time.perf_counter() - t0


def _warm_up() -> None:
    """Import the models on a worker (part of start-up, not of the sweep's run time)."""
    import eastflank.campaign.model
    import eastflank.sweep.params
    import eastflank.warning  # noqa: F401


def _client(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout=10), None  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise ModelInputError(f"--scheduler: cannot reach {scheduler} ({exc})") from None
    n = workers or os.cpu_count() or 1
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, silence_logs=logging.ERROR,
        # no dashboard; the scheduler's small HTTP server on a free local port, not 8787
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def run_partitions(ctx: Context, x: NDArray[np.float64], seed: int,
                   parts: Sequence[tuple[int, int, int]], done: Callable[[PartResult], None],
                   *, engine: str = "dask", scheduler: str | None = None,
                   workers: int | None = None) -> dict[str, float]:
    """Run ``parts`` (``(k, start, stop)``) and call ``done`` as each one finishes.

    ``engine`` ``dask`` (default; a local cluster unless ``scheduler`` is given) or ``serial``
    (in this process, for comparison). A KeyboardInterrupt cancels what is not finished and
    propagates after the cluster is closed; ``done`` has been called for every finished part.

    Returns the seconds spent starting the engine (``startup_s``) and running the parts
    (``compute_s``).
    """
    t0 = time.perf_counter()
    if engine == "serial":
        for k, a, b in parts:
            done(run_partition(ctx, k, a, x[a:b], seed))
        return {"startup_s": 0.0, "compute_s": time.perf_counter() - t0}
    if engine != "dask":
        raise ModelInputError(f"engine: expected 'dask' or 'serial', got {engine!r}")
    from distributed import as_completed

    client, cluster = _client(scheduler, workers)
    futures: list[Any] = []
    try:
        try:
            client.wait_for_workers(1 if cluster is None else len(cluster.workers), timeout=120)
        except TimeoutError:
            raise ModelInputError(f"--scheduler: no worker joined {scheduler} within 120 s; "
                                  "start one with 'dask worker ADDRESS'") from None
        client.run(_warm_up)
        t1 = time.perf_counter()
        shared = client.scatter(ctx, broadcast=True)
        futures = [client.submit(run_partition, shared, k, a, x[a:b], seed, pure=False)
                   for k, a, b in parts]
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]
            done(fut.result())
        return {"startup_s": t1 - t0, "compute_s": time.perf_counter() - t1}
    finally:
        if futures:
            client.cancel(futures)
        client.close()
        if cluster is not None:
            cluster.close()
