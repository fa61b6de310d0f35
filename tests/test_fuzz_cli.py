"""Property: every command line ends in success or in one line on stderr with exit 2.

Command lines are drawn for the real application (``eastflank.cli.main``, run inside typer's
``CliRunner`` isolation so that stdout and stderr are captured): real ids and near misses,
hostile text, real and impossible dates, numbers of every size and spelling, and paths to
fuzzed stage, scenario and article files, to folders, devices and nothing. Whatever the input,
the command must exit 0 (and print valid JSON when asked) or exit 2 with exactly one line on
stderr; an exception escaping ``main`` is a failure, and so is a hang.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from eastflank.cli import _common, main
from fuzz_strategies import (
    BAD_DATES,
    NUMBER_TEXTS,
    ODD_TEXT,
    _records,
    article_bytes,
    fuzz_settings,
    no_hang,
    record_files,
    safe_text,
    scenario_texts,
    stage_texts,
)

STAGES = ["autonomy-2019", "regional-grouping-2021", "war-2022", "nuclear-2023",
          "subordination-2026"]
SCENARIOS = ["suwalki-gap-closure", "northern-front-ukraine"]
AUTHORITIES = ["administer", "move", "designate_targets", "initiate_combat", "nuclear_release"]
ACTORS = ["BY", "RU", "PL", "LT", "LV", "UA", "NATO"]
TERRITORIES = ["BY", "PL", "LT", "LV", "RU-KGD", "UA", "RU"]
KINDS = ["places", "units", "facilities", "weapon-systems", "weapon_systems", "command-bodies",
         "sources", "events", "actors"]


def _ids(*kinds: str) -> list[str]:
    out: list[str] = []
    for kind in kinds:
        for rec in _records()[kind]:
            out.append(rec["id"])
            out.extend(str(a) for a in rec.get("aliases") or [])
            if rec.get("name"):
                out.append(str(rec["name"]))
    return out


@st.composite
def _near_miss(draw: st.DrawFn, name: str) -> str:
    how = draw(st.integers(0, 4))
    if how == 0 and name:
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + draw(st.characters(blacklist_categories=("Cs",))) + name[at + 1:]
    if how == 1:
        return name.upper()
    if how == 2:
        return name.replace("-", " ")
    if how == 3:
        return f" {name}\t"
    return name + draw(safe_text)


def names(*kinds: str) -> st.SearchStrategy[str]:
    """Ids, names and aliases of ``kinds``, near misses of them, and hostile text."""
    real = st.sampled_from(_ids(*kinds))
    hostile = st.one_of(real.flatmap(_near_miss), safe_text, st.sampled_from(ODD_TEXT),
                        st.text(min_size=195, max_size=210), st.just("x" * 5000),
                        st.sampled_from(["-", "--json", "--help"]))
    return st.one_of(real, real, real, hostile)


dates = st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(BAD_DATES), safe_text)
numbers = st.one_of(st.integers(-(2**70), 2**70).map(str), st.sampled_from(NUMBER_TEXTS),
                    st.floats().map(repr), safe_text)
samples = st.one_of(st.integers(1, 200).map(str), st.integers(-3, 200).map(str), st.sampled_from(
    ["0", "-1", "2000001", "1000000000", "1e3", "nan", "", " 5", "99999999999999999999999"]))
seeds = st.one_of(st.integers(0, 2**32).map(str), st.integers(-(2**70), 2**70).map(str),
                  st.sampled_from(["-1", "nan", "1.5", ""]))
coords = st.one_of(
    st.tuples(st.floats(-100, 100), st.floats(-200, 200)).map(lambda p: f"{p[0]},{p[1]}"),
    st.tuples(st.floats(), st.floats()).map(lambda p: f"{p[0]},{p[1]}"),
    st.sampled_from(["53.9,27.5", "nan,nan", "inf,0", "1e308,1e308", "91,0", "0,181", ",", "1,2,3"]))


class Inputs:
    """Files a command line refers to, written into the work folder before it runs."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}


@st.composite
def file_arg(draw: st.DrawFn, inputs: Inputs, name: str,
             content: st.SearchStrategy[bytes]) -> str:
    """A path argument: a fuzzed file, or a folder, a device, nothing at all."""
    how = draw(st.integers(0, 9))
    if how <= 5:
        inputs.files[name] = draw(content)
        return name
    return draw(st.sampled_from([".", "/dev/null", "/dev/zero", "missing.yaml", "no/such/dir/",
                                 "", "/", "/etc/passwd"]))


@st.composite
def stage_arg(draw: st.DrawFn, inputs: Inputs) -> str:
    builtin = st.sampled_from(STAGES)
    return draw(st.one_of(builtin, builtin, builtin, names("command_bodies"),
                          file_arg(inputs, "stage.yaml", stage_texts())))


@st.composite
def scenario_arg(draw: st.DrawFn, inputs: Inputs) -> str:
    builtin = st.sampled_from(SCENARIOS)
    return draw(st.one_of(builtin, builtin, builtin, safe_text,
                          file_arg(inputs, "scenario.yaml", scenario_texts())))


def _opt(flag: str, value: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.one_of(st.just([]), value.map(lambda v: [flag, v]))


@st.composite
def command_lines(draw: st.DrawFn) -> tuple[list[str], Inputs]:
    """A command line for the real application and the files it names."""
    inputs = Inputs()
    js = draw(st.sampled_from([[], ["--json"]]))
    which = draw(st.sampled_from([
        "show", "find", "list", "who", "chain", "diff", "warning", "explain", "flight",
        "distance", "to-border", "coverage", "check", "validate", "junk"]))
    if which == "show":
        argv = ["data", "show", draw(names("units", "places", "command_bodies"))]
    elif which == "find":
        argv = ["data", "find", draw(names("units", "places")),
                *draw(_opt("--kind", st.sampled_from(KINDS) | safe_text)),
                *draw(_opt("--limit", numbers))]
    elif which == "list":
        argv = ["data", "list", draw(st.sampled_from(KINDS) | safe_text),
                *draw(_opt("--as-of", dates)),
                *draw(_opt("--actor", st.sampled_from(ACTORS) | safe_text))]
    elif which == "who":
        argv = ["command", "who", "-a", draw(st.sampled_from(AUTHORITIES) | safe_text),
                "-u", draw(names("units", "facilities")), "-s", draw(stage_arg(inputs))]
    elif which == "chain":
        argv = ["command", "chain", "--from", draw(names("command_bodies")),
                "-u", draw(names("units")), "-a", draw(st.sampled_from(AUTHORITIES)),
                "-s", draw(stage_arg(inputs)), "--samples", draw(samples),
                *draw(_opt("--seed", seeds))]
    elif which == "diff":
        argv = ["command", "diff", draw(stage_arg(inputs)), draw(st.sampled_from(STAGES))]
    elif which in ("warning", "explain"):
        argv = ["warning", "run" if which == "warning" else "explain",
                draw(scenario_arg(inputs)), "-s", draw(stage_arg(inputs)),
                "-n", draw(samples), *draw(_opt("--seed", seeds))]
    elif which == "flight":
        argv = ["reach", "flight-time", "--system", draw(names("weapon_systems")),
                "--from", draw(names("places")), "--to", draw(names("places"))]
    elif which == "distance":
        argv = ["geo", "distance", draw(names("places") | coords), draw(names("places") | coords)]
    elif which == "to-border":
        argv = ["geo", "to-border", draw(names("places") | coords),
                draw(st.sampled_from(TERRITORIES) | safe_text)]
    elif which == "coverage":
        argv = ["geo", "coverage", "--site", draw(names("places") | coords),
                "--radius-km", draw(numbers),
                *draw(_opt("--territory", st.sampled_from(TERRITORIES) | safe_text))]
    elif which == "check":
        suffix = draw(st.sampled_from([".txt", ".html", ".pdf", ""]))
        argv = ["check", draw(file_arg(inputs, f"article{suffix}", article_bytes)),
                *draw(_opt("--date", dates))]
    elif which == "validate":
        inputs.files["extra/units/fuzz.yaml"] = draw(record_files("units"))
        argv = ["data", "validate", "--data", "extra"]
    else:
        argv = draw(st.lists(st.one_of(safe_text, st.sampled_from(
            ["data", "show", "--json", "-s", "--", "warning", "run", "--help", "-h"])),
            max_size=5))
    return argv + js, inputs


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_cli(argv: list[str], workdir: Path, inputs: Inputs) -> tuple[int, str, str]:
    """Run ``argv`` through the real command line in ``workdir``; (status, stdout, stderr)."""
    for name, data in inputs.files.items():
        path = workdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if "--data" in argv:  # the catalog is cached by folder name: the content just changed
        _common._catalog.cache_clear()
    runner = CliRunner()
    with _cwd(workdir), runner.isolation() as (out, err, _), no_hang(60):
        status = main(argv)
        sys.stdout.flush()
        sys.stderr.flush()
        return status, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode(
            "utf-8", "replace")


def assert_one_line_or_success(argv: list[str], status: int, out: str, err: str) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    if status == 2:
        assert len(lines) == 1, f"{argv!r}: expected one line on stderr, got {err!r}"
        assert lines[0].startswith("eastflank: error: "), lines[0]
    else:
        assert status == 0, f"{argv!r}: exit {status}; stderr {err!r}"
        assert "Traceback" not in err, err
        if "--json" in argv and "--help" not in argv and "-h" not in argv and out.strip():
            def no_constant(name: str) -> Any:
                raise AssertionError(f"{argv!r}: JSON holds {name}")

            json.loads(out, parse_constant=no_constant)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cli")


@given(line=command_lines())
@fuzz_settings(200)
def test_command_line_succeeds_or_says_one_line(workdir: Path,
                                                line: tuple[list[str], Inputs]) -> None:
    argv, inputs = line
    status, out, err = run_cli(argv, workdir, inputs)
    event(f"{argv[0] if argv else '-'}: exit {status}")
    assert_one_line_or_success(argv, status, out, err)
