"""Start-up: ``eastflank --help`` and ``data show`` import none of the heavy modules."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("matplotlib", "shapely", "pyproj", "duckdb", "scipy", "networkx", "eastflank.claims",
         "eastflank.geo", "eastflank.warning", "eastflank.command", "eastflank.campaign",
         "trafilatura", "pypdf", "pint")

_PROBE = """
import contextlib, io, json, sys
from eastflank.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
heavy = json.loads(sys.argv[2])
loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy))
print(json.dumps({"code": code, "loaded": loaded}))
"""


@pytest.mark.parametrize("argv", [["--help"], ["data", "--help"], ["warning", "--help"],
                                  ["data", "show", "hrodna"], ["data", "list", "places"]])
def test_light_commands_import_no_heavy_module(argv: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(argv), json.dumps(HEAVY)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["loaded"] == [], f"{argv} imported {result['loaded']}"
