"""Campaign: vectorised RK4 over many runs against scipy solve_ivp run by run; the Monte Carlo
of the Suwałki scenario; Fricker's log regression against numpy.polyfit."""

from __future__ import annotations

import time

import numpy as np

from eastflank.campaign.forces import stage_date
from eastflank.campaign.lanchester import AttritionLaw, integrate, integrate_fixed_step
from eastflank.campaign.model import run_campaign
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.catalog import load_catalog


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    law = AttritionLaw.of("general", a=2e-4, b=3e-4, p=0.4, q=0.75)
    runs = 500
    rng = np.random.default_rng(0)
    b0 = rng.uniform(3000, 6000, runs)
    r0 = rng.uniform(3000, 6000, runs)
    t0 = time.perf_counter()
    integrate_fixed_step(law, b0, r0, 14.0, dt=0.05)
    ours = (time.perf_counter() - t0) / runs
    k = 20
    t0 = time.perf_counter()
    for i in range(k):
        integrate(law, float(b0[i]), float(r0[i]), 14.0, step=0.05)
    peer = (time.perf_counter() - t0) / k
    rows.append({"name": "Lanchester run, 14 days (per run)", "ours_s": ours,
                 "peer": "scipy solve_ivp DOP853, one run at a time", "peer_s": peer})

    cat = load_catalog()
    sc = load_campaign_scenario("suwalki-gap-closure", cat)
    st = stage_date("subordination-2026", cat)
    t0 = time.perf_counter()
    run_campaign(sc, cat, st, samples=2000, seed=1)
    mc = (time.perf_counter() - t0) / 2000
    rows.append({"name": "Suwałki campaign Monte Carlo (per sample, 2000 samples)",
                 "ours_s": mc, "peer": "scipy solve_ivp DOP853 attrition only (per run)",
                 "peer_s": peer})

    from eastflank.campaign.fit import DailySeries, fit_log_regression

    days = np.arange(1, 33, dtype=float)
    s = DailySeries.of(days, rng.uniform(5e5, 6e5, 32), rng.uniform(4e5, 5e5, 32),
                       rng.uniform(1e3, 5e3, 32), rng.uniform(1e3, 5e3, 32))
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        fit_log_regression(s)
    ours_fit = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(n):
        x = np.log(s.red / s.blue)
        np.polyfit(x, np.log(s.blue_lost / s.red_lost), 1)
        np.polyfit(np.log(s.blue * s.red), np.log(s.blue_lost * s.red_lost), 1)
    peer_fit = (time.perf_counter() - t0) / n
    rows.append({"name": "Fricker log regression, 32 days", "ours_s": ours_fit,
                 "peer": "numpy.polyfit (two fits, no statistics)", "peer_s": peer_fit})

    # counting once: posture's parent walk against networkx ancestors on the unit tree
    import networkx as nx

    from eastflank.campaign.model import campaign_forces
    from eastflank.posture import stationed

    view = cat.as_of(st.date)
    stationed(view)  # warm the territory look-up cache
    n = 20
    t0 = time.perf_counter()
    for _ in range(n):
        campaign_forces(sc, view)
    ours_oob = (time.perf_counter() - t0) / n
    t0 = time.perf_counter()
    for _ in range(n):
        tree = nx.DiGraph([(u.parent, u.id) for u in view.units.values()
                           if u.parent in view.units])
        for side in stationed(view), stationed(view):
            for s_ in side:
                if s_.unit in tree:
                    nx.descendants(tree, s_.unit)
    peer_oob = (time.perf_counter() - t0) / n
    rows.append({"name": "Order of battle, both sides counted once (per call)",
                 "ours_s": ours_oob,
                 "peer": "networkx descendants per unit over the unit tree (no counting)",
                 "peer_s": peer_oob})
    return rows
