"""The web app's rerun of a model with a changed parameter, over HTTP, at 20,000 samples.

Ours: ``POST /api/warning/suwalki-gap-closure/run`` (and the campaign's) on a live server on
127.0.0.1 with one parameter changed, as the page sends it when a slider is released. Peer:
the same library calls made directly in Python (``apply_overrides`` then ``run_warning`` /
``run_campaign``), so the ratio is the cost of the web layer (below 1: the web is slower).
Target: a rerun in about a second (``within_1_s``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

import httpx
import uvicorn

from eastflank.campaign.forces import stage_date
from eastflank.campaign.model import model_warning_hours, run_campaign
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.catalog import load_catalog
from eastflank.scenario import load_scenario
from eastflank.stages import load_stage
from eastflank.warning import run_warning
from eastflank.web import create_app
from eastflank.web.params import apply_overrides, parameters

SAMPLES = 20_000
STAGE = "subordination-2026"
SCENARIO = "suwalki-gap-closure"


def _best(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run() -> list[dict[str, object]]:
    cat = load_catalog()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(cat), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            httpx.get(f"{base}/api/meta", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    rows: list[dict[str, object]] = []
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            sc = load_scenario(SCENARIO, cat)
            p = next(p for p in parameters(sc) if p.kind == "probability")
            change = {p.path: p.low}
            stage = load_stage(STAGE, cat)
            body = {"stage": STAGE, "samples": SAMPLES, "seed": 1, "overrides": change}
            ours = _best(lambda: client.post(f"/api/warning/{SCENARIO}/run", json=body), 5)
            peer = _best(lambda: run_warning(apply_overrides(sc, change), stage, cat, SAMPLES,
                                             1), 5)
            rows.append({"name": f"warning rerun over HTTP ({SAMPLES} samples, one parameter "
                                 "changed)", "ours_s": ours,
                         "peer": "the same library calls in-process", "peer_s": peer,
                         "within_1_s": ours <= 1.0})
            csc = load_campaign_scenario(SCENARIO, cat)
            q = next(q for q in parameters(csc.campaign) if q.kind == "dist")
            cchange = {q.path: q.high}
            cbody = {"stage": STAGE, "samples": SAMPLES, "seed": 1, "overrides": cchange}
            when = stage_date(STAGE, cat)

            def direct() -> object:
                changed = csc.model_copy(update={"campaign": apply_overrides(csc.campaign,
                                                                             cchange)})
                hours, label = model_warning_hours(cat, SCENARIO, STAGE, SAMPLES, 1)
                return run_campaign(changed, cat, when, samples=SAMPLES, seed=1,
                                    warning_hours=hours, warning_label=label)

            ours = _best(lambda: client.post(f"/api/campaign/{SCENARIO}/run", json=cbody), 3)
            peer = _best(direct, 3)
            rows.append({"name": f"campaign rerun over HTTP ({SAMPLES} samples, one parameter "
                                 "changed)", "ours_s": ours,
                         "peer": "the same library calls in-process", "peer_s": peer,
                         "within_1_s": ours <= 1.0})
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return rows
