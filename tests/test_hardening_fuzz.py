"""Property tests: hostile YAML records, stage and scenario files, CLI arguments and articles.

The property everywhere: an input is either accepted or refused with an
:class:`~eastflank.errors.EastflankError` (one line, exit 2 on the command line); nothing else
escapes, and an accepted file never holds a non-finite number.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import math
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eastflank.catalog import data_dir
from eastflank.errors import DataError, EastflankError
from eastflank.schema import RECORD_TYPES

# Derandomized unless a count is set by hand: ``make test`` runs the same inputs every time.
SETTINGS = settings(max_examples=int(os.environ.get("EASTFLANK_FUZZ_EXAMPLES", "60")), deadline=None,
                    derandomize="EASTFLANK_FUZZ_EXAMPLES" not in os.environ,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# -- strategies ------------------------------------------------------------------------------
NASTY_NUMBERS = st.sampled_from([math.inf, -math.inf, math.nan, 1e308, -1e308, 2**63, 2**64,
                                 10**38, -(2**63) - 1, 0, -1, 1e-320])
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    NASTY_NUMBERS, st.text(max_size=30),
    st.sampled_from(["2026-13-45", "2026-02-30", ".inf", "1e308", "nan", "", "BY", "hrodna",
                     "banasik-2022", "established", "hypothetical"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
KEYS = st.one_of(st.sampled_from(["id", "name", "aliases", "status", "sources", "lat", "lon",
                                  "country", "kind", "range_km", "personnel", "figures",
                                  "quantity", "value", "parent", "actor", "date", "min_h",
                                  "mode_h", "max_h", "valid_from", "valid_to"]),
                 st.text(min_size=1, max_size=12))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=20)
RECORDS = st.lists(st.dictionaries(KEYS, VALUES, max_size=10), max_size=4)


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _no_bad_floats(obj: Any) -> None:
    if isinstance(obj, float):
        assert math.isfinite(obj), obj
    elif isinstance(obj, dict):
        for v in obj.values():
            _no_bad_floats(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            _no_bad_floats(v)


# -- YAML records ----------------------------------------------------------------------------
@SETTINGS
@given(records=RECORDS, kind=st.sampled_from(sorted(RECORD_TYPES)))
def test_yaml_records_are_loaded_or_refused_with_an_input_error(
    tmp_path: Path, records: list[dict[str, Any]], kind: str
) -> None:
    from eastflank.yamlio import load_records

    path = tmp_path / "records.yaml"
    path.write_text(_dump(records), encoding="utf-8")
    try:
        loaded = load_records(path, RECORD_TYPES[kind], DataError)
    except DataError as exc:
        message = str(exc)
        loaded = []
        assert "\n" not in message, message
    for rec, _ in loaded:
        _no_bad_floats(rec.model_dump())


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("[]{}&*!|>-:,'\" \n\tab01.#%@`?")),
                    max_size=200))
def test_yaml_text_soup_is_parsed_or_refused(text: str) -> None:
    from eastflank.yamlio import parse_yaml

    with contextlib.suppress(DataError):
        parse_yaml(text, "soup.yaml", DataError)


# -- stage and scenario files ----------------------------------------------------------------
def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(doc: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    doc = copy.deepcopy(doc)
    if not path:
        return value if action == "set" else doc
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "set":
        parent[last] = value
    elif action == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    return doc


def _document(name: str) -> Any:
    return yaml.safe_load((data_dir() / name).read_text(encoding="utf-8"))


STAGE = _document("stages/autonomy-2019.yaml")
SCENARIO = _document("scenarios/suwalki-gap-closure.yaml")


@pytest.mark.parametrize("which", ["stage", "scenario"])
def test_unchanged_stage_and_scenario_files_are_valid(tmp_path: Path, which: str) -> None:
    from eastflank.scenario import parse_scenario
    from eastflank.stages import parse_stage

    path = tmp_path / f"{which}.yaml"
    path.write_text(_dump(STAGE if which == "stage" else SCENARIO), encoding="utf-8")
    parsed = parse_stage(path) if which == "stage" else parse_scenario(path)
    assert parsed.id


@SETTINGS
@given(data=st.data(), which=st.sampled_from(["stage", "scenario"]),
       action=st.sampled_from(["delete", "set", "rename"]), value=VALUES)
def test_broken_stage_and_scenario_files_are_refused_with_an_input_error(
    tmp_path: Path, data: st.DataObject, which: str, action: str, value: Any
) -> None:
    from eastflank.scenario import parse_scenario
    from eastflank.stages import parse_stage

    doc = STAGE if which == "stage" else SCENARIO
    path_in_doc = data.draw(st.sampled_from(_paths(doc)))
    mutated = _mutate(doc, path_in_doc, action, value)
    path = tmp_path / f"{which}.yaml"
    path.write_text(_dump(mutated), encoding="utf-8")
    try:
        parsed: Any = parse_stage(path) if which == "stage" else parse_scenario(path)
    except EastflankError as exc:
        parsed = None
        message = str(exc)
        assert "\n" not in message, message
    if parsed is not None:
        _no_bad_floats(parsed.model_dump())


# -- command-line arguments ------------------------------------------------------------------
WORDS = st.one_of(st.sampled_from(["hrodna", "warsaw", "Grodno", "BY", "RU", "units", "places",
                                   "6th-guards-mechanised-brigade", "autonomy-2019", "move",
                                   "--json", "--as-of", "2026-01-01", "2026-02-30", "-1", "0",
                                   "1e308", "nan", "", " ", "--actor", "--kind", "--limit"]),
                  st.text(max_size=40))
COMMANDS = st.sampled_from([["data", "show"], ["data", "find"], ["data", "list"],
                            ["command", "who", "-a"], ["geo", "distance"],
                            ["data", "query"], ["command", "stages"]])


@SETTINGS
@given(command=COMMANDS, args=st.lists(WORDS, max_size=5))
def test_cli_arguments_never_escape_as_anything_but_an_input_error(
    command: list[str], args: list[str]
) -> None:
    from eastflank.cli import app

    result = CliRunner().invoke(app, [*command, *args])
    exc = result.exception
    assert exc is None or isinstance(exc, EastflankError | SystemExit), repr(exc)


# -- articles --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def catalog() -> Any:
    from eastflank.catalog import load_catalog

    return load_catalog()


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=2000),
                     st.text(max_size=1500).map(lambda t: t.encode("utf-8")),
                     st.sampled_from([b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n", b"<html><body>",
                                      b"\xff\xfe\x00", b"The gap is 65 km wide.\n" * 50])),
       suffix=st.sampled_from(["", ".txt", ".html", ".pdf"]))
def test_article_bytes_are_checked_or_refused(catalog: Any, raw: bytes, suffix: str) -> None:
    from eastflank.claims import check_text
    from eastflank.claims.io import read_bytes

    try:
        article = read_bytes(raw, "fuzz", suffix)
    except EastflankError:
        return
    check_text(article.text, catalog)


# -- regressions found by the property tests -------------------------------------------------
@pytest.mark.parametrize("which", ["stage", "scenario"])
def test_key_with_a_line_break_is_reported_on_one_line(tmp_path: Path, which: str) -> None:
    """Found by hypothesis: a key holding a line break split the error message in two."""
    from eastflank.scenario import parse_scenario
    from eastflank.stages import parse_stage

    doc = {**(STAGE if which == "stage" else SCENARIO), "\n": None}
    path = tmp_path / f"{which}.yaml"
    path.write_text(_dump(doc), encoding="utf-8")
    with pytest.raises(EastflankError) as info:
        parse_stage(path) if which == "stage" else parse_scenario(path)
    assert "\n" not in str(info.value)
    assert "field '\\n'" in str(info.value)


def test_record_key_with_a_line_break_is_reported_on_one_line(tmp_path: Path) -> None:
    from eastflank.yamlio import load_records

    path = tmp_path / "r.yaml"
    path.write_text(_dump([{"id": "x", "a\nb": 1}]), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_records(path, RECORD_TYPES["places"], DataError)
    assert "\n" not in str(info.value)
