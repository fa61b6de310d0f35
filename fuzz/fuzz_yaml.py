"""atheris target: the YAML loader under the input policy, then validation into records,
a stage and a scenario. Any exception but an input error is a crash.

Run by ``make fuzz`` (``python fuzz/fuzz_yaml.py CORPUS -max_total_time=N``).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from eastflank.errors import EastflankError
    from eastflank.scenario import parse_scenario
    from eastflank.schema import RECORD_TYPES
    from eastflank.stages import parse_stage
    from eastflank.yamlio import load_records, parse_yaml

_DIR = Path(tempfile.mkdtemp(prefix="eastflank-fuzz-"))
_FILE = _DIR / "input.yaml"
_MODELS = list(RECORD_TYPES.values())


def test_one_input(data: bytes) -> None:
    try:
        parse_yaml(data, "fuzz.yaml", EastflankError)
    except EastflankError:
        return
    _FILE.write_bytes(data)
    model = _MODELS[len(data) % len(_MODELS)]
    for load in (lambda: load_records(_FILE, model, EastflankError),
                 lambda: parse_stage(_FILE), lambda: parse_scenario(_FILE)):
        with contextlib.suppress(EastflankError):
            load()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
