"""Signals and standard output: Ctrl-C, a closed or full stdout, a reader that goes away.

Real ``eastflank`` processes under a 1.5 GiB address-space limit (see ``_hostile``).
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _hostile import EASTFLANK, limit_memory
from eastflank.cli._common import emit

# Every stage at the most samples: several seconds, so that the interruption (sent once start-up
# is over) lands mid-run even now that start-up reads the validated-catalog cache.
LONG_RUN = ["warning", "compare", "suwalki-gap-closure", "--stages",
            "autonomy-2019,regional-grouping-2021,war-2022,nuclear-2023,subordination-2026",
            "-n", "2000000", "--png", "cdf.png"]


def _wait_for_cpu(pid: int, seconds: float, timeout: float = 60.0, poll: float = 0.05) -> None:
    """Wait until process ``pid`` has used ``seconds`` of CPU time: past start-up and into the
    run whatever the load on the machine (wall-clock sleeps are either too short under load
    or too long on an idle machine)."""
    tick = os.sysconf("SC_CLK_TCK")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return
        if (int(fields[11]) + int(fields[12])) / tick >= seconds:
            return
        time.sleep(poll)


def test_ctrl_c_prints_interrupted_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("keep", encoding="utf-8")
    proc = subprocess.Popen([EASTFLANK, *LONG_RUN], cwd=tmp_path, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=limit_memory)  # noqa: PLW1509
    _wait_for_cpu(proc.pid, 1.5)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1] == "eastflank: interrupted", err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


_PYTHON_START_UP = ("init_import_site", "is an import path entry")
"""What Python itself writes when an interrupt reaches it before any of the program's code."""


def _before_our_code(err: str) -> bool:
    """Whether ``err`` is the traceback of an interrupt that reached the generated console
    script while Python's import system was still finding ``eastflank`` (its frames are hidden):
    no frame of the traceback is in the package, so none of its lines had run."""
    frames = re.findall(r'^  File "([^"]+)"', err, flags=re.MULTILINE)
    return (err.rstrip().endswith("KeyboardInterrupt") and bool(frames)
            and all(Path(frame) == Path(EASTFLANK) for frame in frames))


def test_ctrl_c_during_start_up_is_one_line_and_130(tmp_path: Path) -> None:
    # 0.05 s of CPU is inside the import of the command's modules (about 0.1 s of CPU). On a
    # cold machine Python's own start-up (before any of our code runs) can take that long: an
    # interrupt before Python installs its own handler kills the process silently (-SIGINT,
    # nothing written), one in the `site` module is Python's fatal error, and one while Python
    # looks for the script's path among its import paths ("Failed checking if argv[0] is an
    # import path entry") is reported by Python and ignored, and one while the import system
    # is still finding the package named by the generated console script is a traceback through
    # that script alone; no program can handle any of them, and the attempt is then made again
    # a little later.
    for cpu in (0.05, 0.1, 0.15, 0.2, 0.25):
        proc = subprocess.Popen([EASTFLANK, *LONG_RUN], cwd=tmp_path, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                preexec_fn=limit_memory)  # noqa: PLW1509
        _wait_for_cpu(proc.pid, cpu, poll=0.002)
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
        before_python = proc.returncode == -signal.SIGINT and not err.strip()
        if not (before_python or _before_our_code(err)
                or any(phase in err for phase in _PYTHON_START_UP)):
            break
        for leftover in tmp_path.iterdir():  # (a run that went on may have written its output)
            if leftover.is_dir():
                shutil.rmtree(leftover)
            else:
                leftover.unlink()
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["eastflank: interrupted"], err
    assert list(tmp_path.iterdir()) == []


_IGNORED_INTERRUPT = """
import sys, time, weakref
from eastflank._entry import guarded

def work():
    class Held:
        pass
    held = Held()
    def callback(_ref):  # as the import system's module-lock callback: Python ignores its errors
        raise KeyboardInterrupt
    ref = weakref.ref(held, callback)
    del held
    time.sleep({sleep})
    print("finished")
    return 0

sys.exit(guarded(work))
"""


@pytest.mark.parametrize(("sleep", "out"), [(5.0, ""), (0.0, "finished\n")])
def test_ctrl_c_that_python_ignores_in_a_callback_still_ends_the_run(sleep: float,
                                                                     out: str) -> None:
    # An interrupt raised in a weak-reference callback is one Python reports as "Exception
    # ignored" and then forgets; the entry point delivers it again (a long run stops at once) or,
    # when the run ends first, still exits 130.
    proc = subprocess.run([sys.executable, "-c", _IGNORED_INTERRUPT.format(sleep=sleep)],
                          text=True, capture_output=True, timeout=60, check=False)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip().splitlines() == ["eastflank: interrupted"]
    assert proc.stdout == out  # a long run did not go on to its end


def test_other_ignored_errors_still_reach_pythons_report() -> None:
    code = ("import sys, weakref\nfrom eastflank._entry import guarded\n"
            "class Held: pass\n"
            "def work():\n    held = Held()\n"
            "    def callback(_ref): raise ValueError('boom')\n"
            "    ref = weakref.ref(held, callback)\n    del held\n    return 0\n"
            "sys.exit(guarded(work))\n")
    proc = subprocess.run([sys.executable, "-c", code], text=True, capture_output=True,
                          timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Exception ignored" in proc.stderr and "ValueError: boom" in proc.stderr


def test_ctrl_c_during_a_query_is_interrupted_130(tmp_path: Path) -> None:
    proc = subprocess.Popen([EASTFLANK, "data", "query",
                             "SELECT sum(hash(i)) AS s FROM range(100000000000) t(i)"],
                            cwd=tmp_path, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=limit_memory)  # noqa: PLW1509
    time.sleep(4.0)
    assert proc.poll() is None, "the query ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["eastflank: interrupted"]


def test_closed_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(f"exec {EASTFLANK} data show hrodna --json >&-", shell=True,
                          cwd=tmp_path, text=True, stderr=subprocess.PIPE,
                          preexec_fn=limit_memory, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip().splitlines() == ["eastflank: error: standard output is closed"]


def test_full_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([EASTFLANK, "data", "list", "places", "--json"], cwd=tmp_path,
                              stdout=full, stderr=subprocess.PIPE, text=True,
                              preexec_fn=limit_memory, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("eastflank: error: cannot write to standard output")


def test_reader_going_away_ends_quietly_non_zero(tmp_path: Path) -> None:
    proc = subprocess.run(f"{EASTFLANK} data list sources --json | true; "
                          "echo ${PIPESTATUS[0]} >&2", shell=True, executable="/bin/bash",
                          cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          preexec_fn=limit_memory, check=False)
    lines = proc.stderr.strip().splitlines()
    assert lines and int(lines[-1]) != 0
    assert lines[:-1] == [], proc.stderr


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_json_output_never_holds_nan_or_infinity(capsys: pytest.CaptureFixture[str],
                                                 value: float) -> None:
    emit({"p50_h": value, "rows": [value, 1.5]}, True, print)
    out = capsys.readouterr().out
    data = json.loads(out, parse_constant=lambda c: pytest.fail(f"invalid JSON constant {c}"))
    assert data == {"p50_h": None, "rows": [None, 1.5]}
