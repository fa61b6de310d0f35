"""Sweeps: sampling and analysis wiring on known models, PRIM, engines, store, resume, CLI."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from eastflank.catalog import load_catalog
from eastflank.cli import main
from eastflank.sweep import (
    SweepInterruptedError,
    SweepSettings,
    list_parameters,
    load_sweep,
    resume_sweep,
    run_sweep,
)
from eastflank.sweep.analysis import flip_value, indices, prim_box
from eastflank.sweep.sampling import make_problem, sample_points

SCEN = "suwalki-gap-closure"
STAGE = "subordination-2026"
SMALL = SweepSettings(SCEN, (STAGE,), "sobol", 8, 200, 1)


@pytest.fixture(scope="module")
def cat():
    return load_catalog()


# -- wiring on models with known indices -----------------------------------------------------
def _ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_sobol_recovers_ishigami_indices():
    pi = math.pi
    problem = make_problem(["x1", "x2", "x3"], [(-pi, pi)] * 3)
    x = sample_points(problem, "sobol", 4096, seed=3)
    r = indices("sobol", problem, x, _ishigami(x), "y", seed=3)
    by = {p.name: p for p in r.parameters}
    # analytic values (Ishigami & Homma 1990; a = 7, b = 0.1)
    for name, s1, st in (("x1", 0.3139, 0.5576), ("x2", 0.4424, 0.4424), ("x3", 0.0, 0.2437)):
        assert by[name].s1 == pytest.approx(s1, abs=0.04)
        assert by[name].st == pytest.approx(st, abs=0.04)
        assert by[name].st_lo < st + 0.04 and by[name].st_hi > st - 0.04
    assert [p.name for p in r.parameters] == ["x1", "x2", "x3"]  # ranked by ST


def test_morris_and_lhs_rank_a_linear_additive_model():
    # y = 1 a + 2 b + 0 c on [0, 1]: elementary effects are exactly the coefficients
    problem = make_problem(["a", "b", "c"], [(0, 1)] * 3)
    x = sample_points(problem, "morris", 20, seed=1)
    y = x @ np.array([1.0, 2.0, 0.0])
    r = indices("morris", problem, x, y, "y", seed=1)
    by = {p.name: p for p in r.parameters}
    assert by["a"].mu_star == pytest.approx(1.0)
    assert by["b"].mu_star == pytest.approx(2.0)
    assert by["c"].mu_star == pytest.approx(0.0)
    assert [p.name for p in r.parameters] == ["b", "a", "c"]
    x = sample_points(problem, "lhs", 500, seed=1)
    r = indices("lhs", problem, x, x @ np.array([1.0, 2.0, 0.0]), "y", seed=1)
    assert [p.name for p in r.parameters][:2] == ["b", "a"]


def test_sobol_needs_a_power_of_two():
    from eastflank.errors import ModelInputError

    with pytest.raises(ModelInputError, match="power of 2"):
        sample_points(make_problem(["a"], [(0, 1)]), "sobol", 100, seed=1)


def test_prim_finds_a_planted_box():
    rng = np.random.default_rng(5)
    x = rng.random((3000, 3))
    y = (x[:, 0] > 0.6) & (x[:, 1] < 0.3)
    box = prim_box(x, ["a", "b", "c"], [(0, 1)] * 3, y, "t", "inside")
    assert box is not None
    lims = {lim.name: lim for lim in box.limits}
    assert set(lims) == {"a", "b"}
    assert lims["a"].lo == pytest.approx(0.6, abs=0.03)
    assert lims["b"].hi == pytest.approx(0.3, abs=0.03)
    assert box.coverage > 0.85
    assert box.density > 0.85
    assert "a at least" in box.words and "b at most" in box.words


def test_flip_value_of_a_noisy_threshold():
    rng = np.random.default_rng(2)
    x = rng.uniform(0, 100, 4000)
    holds = rng.random(4000) < np.where(x < 40, 0.9, 0.1)
    v, when = flip_value(x, holds)
    assert v == pytest.approx(40, abs=3)
    assert when == "below"
    assert flip_value(x, np.ones(4000, bool)) == (None, None)


# -- the model adapter -----------------------------------------------------------------------
def test_parameters_are_the_ones_the_model_uses(cat):
    names = [p.name for p in list_parameters(SweepSettings(SCEN, (STAGE,)), cat)]
    assert "scenario:indicators.garrison-exit.lag_h" in names
    assert f"stage:{STAGE}:hop_delay" in names
    # rail movement is not used at this stage (no force moves by rail), nor campaign inputs
    assert not any("movement.rail" in n for n in names)
    assert not any(n.startswith("campaign:") for n in names)
    early = [p.name for p in list_parameters(SweepSettings(SCEN, ("autonomy-2019",)), cat)]
    assert "scenario:movement.rail.loading_h" in early
    both = [p.name for p in list_parameters(SweepSettings(SCEN, (STAGE,), model="both"), cat)]
    assert "campaign:red_commit_share" in both


# -- engines, store, resume ------------------------------------------------------------------
def _rows(folder: Path) -> dict:
    return pq.read_table(folder / "results.parquet").to_pydict()


def test_serial_and_local_cluster_give_identical_rows_and_metadata(cat, tmp_path):
    a = run_sweep(SMALL, tmp_path / "a", cat, engine="serial")
    b = run_sweep(SMALL, tmp_path / "b", cat, workers=2)
    assert _rows(tmp_path / "a") == _rows(tmp_path / "b")
    assert a.analysis == b.analysis
    meta = json.loads(pq.read_schema(tmp_path / "a" / "results.parquet").metadata[b"eastflank"])
    assert meta["seed"] == 1 and meta["eastflank_version"]
    assert set(meta["hashes"]) == {"scenario", f"stage:{STAGE}"}
    n_params = len(a.parameters)
    assert a.points == 8 * (n_params + 2) == len(_rows(tmp_path / "a")["point"])


def test_interrupted_sweep_keeps_partitions_and_resumes(cat, tmp_path):
    calls = []

    def stop_after_first(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:  # the first call reports 0 done; the second, one partition
            raise KeyboardInterrupt

    folder = tmp_path / "s"
    with pytest.raises(SweepInterruptedError, match="--resume"):
        run_sweep(SMALL, folder, cat, engine="serial", progress=stop_after_first)
    assert json.loads((folder / "sweep.json").read_text())["status"] == "interrupted"
    assert len(list((folder / "parts").glob("*.parquet"))) == 1
    assert not (folder / "results.parquet").exists()
    partial = load_sweep(folder)
    assert partial.status == "interrupted" and 0 < partial.points_done < partial.points
    done = resume_sweep(folder, cat, engine="serial")
    whole = run_sweep(SMALL, tmp_path / "w", cat, engine="serial")
    assert _rows(folder) == _rows(tmp_path / "w")
    assert done.analysis == whole.analysis


def _dask() -> str:
    exe = Path(sys.executable).with_name("dask")
    return str(exe) if exe.exists() else shutil.which("dask") or "dask"


def _wait_address(info: Path, proc: subprocess.Popen, seconds: float = 60) -> str:
    """The scheduler's address, read from the file it writes once it listens (it is started
    on port 0, so the system gives it a free port no other process can take meanwhile)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        assert proc.poll() is None, "dask scheduler exited"
        try:
            addr = json.loads(info.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError, TypeError):
            addr = None  # not written yet, or half written
        if isinstance(addr, str) and addr.startswith("tcp://127.0.0.1:"):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", int(addr.rsplit(":", 1)[1]))) == 0:
                    return addr
        time.sleep(0.2)
    raise AssertionError("dask scheduler did not start")


def test_sweep_on_an_existing_cluster_matches_the_local_run(tmp_path, capsys):
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    sched = subprocess.Popen([_dask(), "scheduler", "--host", "127.0.0.1", "--port", "0",
                              "--scheduler-file", str(info),
                              "--no-dashboard", "--dashboard-address", "127.0.0.1:0"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env)
    worker = None
    try:
        addr = _wait_address(info, sched)
        worker = subprocess.Popen([_dask(), "worker", addr, "--nthreads", "1",
                                   "--nworkers", "2", "--no-dashboard", "--host", "127.0.0.1"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        args = ["sweep", SCEN, "--stage", STAGE, "--method", "sobol", "--n", "8",
                "--samples", "200", "--seed", "1", "--json"]
        assert main([*args, "--out", str(tmp_path / "cluster"), "--scheduler", addr]) == 0
        remote = json.loads(capsys.readouterr().out)
        assert main([*args, "--out", str(tmp_path / "local")]) == 0
        local = json.loads(capsys.readouterr().out)
    finally:
        for p in (worker, sched):
            if p is not None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
    for key in ("parameters", "indices", "p_verdict_holds", "prim", "flips", "sentence"):
        assert remote[key] == local[key], key
    assert _rows(tmp_path / "cluster") == _rows(tmp_path / "local")


# -- command line ----------------------------------------------------------------------------
def test_cli_json_lists_every_parameter_with_indices(cat, tmp_path, capsys):
    folder = tmp_path / "s"
    run_sweep(SMALL, folder, cat, engine="serial")
    assert main(["sweep", "show", str(folder), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    names = {p.name for p in list_parameters(SweepSettings(SCEN, (STAGE,)), cat)}
    assert {p["name"] for p in out["parameters"]} == names
    for p in out["parameters"]:
        assert p["s1_lo"] <= p["s1"] <= p["s1_hi"] and p["st_lo"] <= p["st"] <= p["st_hi"]
    assert 0.0 <= out["p_verdict_holds"] <= 1.0
    labels = {p["name"]: p["label"] for p in out["parameters"]}
    assert labels[out["top_drivers"][0]] in out["sentence"]  # named for readers, not by id
    assert out["top_drivers"][0] not in out["sentence"]
    assert not re.search(r"(^|[\s(–])-\d", out["sentence"])  # negatives print with a real minus
    assert out["metadata"]["hashes"]["scenario"]
    # the sweep's rows through DuckDB
    assert main(["data", "query", "--sweep", str(folder), "--json",
                 'SELECT count(*) AS n, avg("verdict_holds"::INT) AS p FROM sweep']) == 0
    q = json.loads(capsys.readouterr().out)["rows"][0]
    assert q["n"] == out["points"]
    assert q["p"] == pytest.approx(out["p_verdict_holds"])


def test_cli_params_glob_limits_the_sweep(tmp_path, capsys):
    folder = tmp_path / "g"
    assert main(["sweep", SCEN, "--stage", STAGE, "--method", "lhs", "--n", "20", "--samples",
                 "100", "--params", "indicators.garrison-exit.*", "--workers", "1",
                 "--out", str(folder), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in out["parameters"]] == [
        "scenario:indicators.garrison-exit.onset_h", "scenario:indicators.garrison-exit.lag_h"]
    assert out["points"] == 20


@pytest.mark.parametrize(("args", "message"), [
    (["--method", "fast"], "--method: expected one of sobol, morris, lhs"),
    (["--n", "100"], "power of 2"),
    (["--params", "nothing.*"], "--params nothing.*: matches none"),
    (["--model", "war"], "--model: expected one of"),
    (["--scheduler", "localhost:1"], "--scheduler: expected an address"),
])
def test_cli_bad_input_is_one_line(tmp_path, capsys, args, message):
    code = main(["sweep", SCEN, "--stage", STAGE, "--out", str(tmp_path / "x"), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_cli_refuses_a_folder_holding_another_sweep(cat, tmp_path, capsys):
    run_sweep(SMALL, tmp_path / "s", cat, engine="serial")
    code = main(["sweep", SCEN, "--stage", STAGE, "--n", "16", "--samples", "200",
                 "--out", str(tmp_path / "s")])
    assert code == 2
    assert "holds a different sweep" in capsys.readouterr().err
    assert main(["sweep", "show", str(tmp_path / "nothing")]) == 2


# -- readers' labels -------------------------------------------------------------------------
def test_parameters_carry_a_readers_label_and_unit(cat):
    params = {p.name: p for p in list_parameters(SweepSettings(SCEN, ("autonomy-2019", STAGE),
                                                               model="both"), cat)}
    p = params["scenario:forces.manoeuvre-force.readiness_h"]
    assert (p.label, p.unit) == ("readiness of the manoeuvre force (h)", "h")
    assert params["scenario:indicators.garrison-exit.lag_h"].label == \
        "garrison-exit indicator lag (h)"
    assert params[f"stage:{STAGE}:hop_delay"].label == f"hop delay at {STAGE} (h)"
    assert params["scenario:movement.rail.speed_kmh"].unit == "km/h"
    assert params["campaign:red_commit_share"].unit == ""
    assert all(":" not in p.label for p in params.values())


def test_a_gate_delay_is_named_by_its_consenting_body(cat):
    from eastflank.stages import load_stage
    from eastflank.sweep.params import human_label

    stage = load_stage("autonomy-2019", cat)
    k, a = next((k, a) for k, a in enumerate(stage.assignments) if a.gates)
    body = cat.command_bodies[a.gates[0].consent].name
    label, unit = human_label(f"stage:{stage.id}", ("assignments", str(k), "gates", "0",
                                                     "delay"), stage, cat)
    assert label == f"consent of {body} delay at autonomy-2019 (h)"
    assert unit == "h"


def test_flip_and_box_words_use_labels_units_and_a_real_minus():
    from eastflank.sweep.analysis import analyse

    rng = np.random.default_rng(4)
    x = rng.uniform(-200, 100, (2000, 2))
    holds = x[:, 0] < -50
    outputs = {"s.median_warning_h": x[:, 0] + 0.01 * x[:, 1], "s.verdict_holds": holds,
               "verdict_holds": holds}
    a = analyse("lhs", ["p:a", "p:b"], [(-200, 100), (-200, 100)], x, outputs, ["s"],
                "s.median_warning_h", 1, labels={"p:a": "lag of a (h)", "p:b": "b"},
                units={"p:a": "h"})
    flip = next(f for f in a.flips if f.name == "p:a")
    assert flip.value is not None and flip.value < 0
    assert flip.words.startswith("the claim holds when lag of a (h) is below \u2212")
    assert flip.words.endswith(" h")
    assert "-" not in flip.words.replace("p:a", "")
    assert "lag of a (h) at least \u2212" in a.prim[0].words
    assert a.prim[0].words.split(":")[1].rstrip().endswith(" h")
    assert "p:a" not in a.sentence and "lag of a (h)" in a.sentence
