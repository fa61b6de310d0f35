"""Run hostile command lines in a subprocess under a 1.5 GiB address-space limit.

:func:`run_batch` starts one Python process (limit set with ``RLIMIT_AS`` before it starts) that
runs every case through ``eastflank.cli.main`` in turn, each with its own working folder, a
captured stdout/stderr and a time limit (``SIGALRM``), and returns each case's exit status and
output. One process for many cases keeps the suite fast; :func:`run_cli` runs one real
``eastflank`` process for what needs one (signals, a closed or full stdout).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LIMIT_AS = 3 * 512 * 1024 * 1024  # 1.5 GiB
EASTFLANK = str(Path(sys.executable).with_name("eastflank"))

_RUNNER = r"""
import contextlib, io, json, os, signal, sys, time
from eastflank.cli import main

cases = json.loads(sys.stdin.read())
results = []

def _alarm(*_):
    raise TimeoutError("case did not finish in time")

signal.signal(signal.SIGALRM, _alarm)
for case in cases:
    os.chdir(case["cwd"])
    out, err = io.StringIO(), io.StringIO()
    signal.alarm(case["timeout"])
    t0 = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(case["argv"])
    except BaseException as exc:  # a crash is a result to report, not to hide
        code = "raised " + type(exc).__name__ + ": " + str(exc)[:300]
    finally:
        signal.alarm(0)
    results.append({"code": code, "out": out.getvalue(), "err": err.getvalue(),
                    "seconds": round(time.perf_counter() - t0, 3)})
    # each case stands for a fresh run: drop what the previous one cached
    from eastflank.cli import _common
    if _common._catalog.cache_info().currsize > 2:
        _common._catalog.cache_clear()
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    import gc
    gc.collect()
sys.stdout.write(json.dumps(results))
"""


def limit_memory() -> None:
    """``preexec_fn``: cap the child's address space at 1.5 GiB."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))


@dataclass
class Case:
    """One command line, run in ``cwd``."""

    name: str
    argv: list[str]
    cwd: Path
    timeout: int = 60


@dataclass
class Result:
    code: Any
    out: str
    err: str
    seconds: float

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_batch(cases: Sequence[Case], per_process: int = 30) -> dict[str, Result]:
    """Run ``cases`` in limited subprocesses of ``per_process`` cases each; results by name."""
    results: dict[str, Result] = {}
    for start in range(0, len(cases), per_process):
        results.update(_run_chunk(cases[start:start + per_process]))
    return results


def _run_chunk(cases: Sequence[Case]) -> dict[str, Result]:
    payload = json.dumps([{"argv": c.argv, "cwd": str(c.cwd), "timeout": c.timeout}
                          for c in cases])
    proc = subprocess.run([sys.executable, "-c", _RUNNER], input=payload, text=True,
                          capture_output=True, preexec_fn=limit_memory, timeout=600,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    raw = json.loads(proc.stdout)
    return {c.name: Result(**r) for c, r in zip(cases, raw, strict=True)}


def run_cli(argv: Sequence[str], cwd: Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run the real ``eastflank`` command under the memory limit."""
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run([EASTFLANK, *argv], cwd=cwd, text=True, capture_output=True,
                          preexec_fn=limit_memory, timeout=120, env=env, check=False, **kwargs)
