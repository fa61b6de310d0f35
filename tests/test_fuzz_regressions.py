"""Regression tests for the inputs the fuzzers found (hypothesis properties in
``test_fuzz_*.py`` and the atheris targets of ``fuzz/``). Each was a crash or a silent wrong
answer; each is now an input error on one line.

* An article that is only a byte-order mark, or only Unicode spaces, was read as an empty text
  and "checked" (0 claims, exit 0); it is now refused as empty.
* A file or folder name with a part longer than the system allows (``OSError: File name too
  long`` from ``Path.exists``) or a NUL character (``ValueError``) escaped as a traceback from
  stage, scenario, article, dataset and report paths; such a name now names no file, and the
  command line refuses a NUL character in any argument.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _hostile import Case, run_batch
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.catalog import Catalog, load_catalog
from eastflank.claims.io import read_article, read_articles, read_bytes
from eastflank.errors import (
    ClaimInputError,
    DataError,
    EastflankError,
    ScenarioError,
    StageError,
    UnknownNameError,
)
from eastflank.policy import path_kind, read_regular
from eastflank.scenario import load_scenario
from eastflank.stages import load_stage

LONG = "0" * 170 + "\U00013e83" * 25  # 195 characters, 270 bytes in UTF-8: too long a name
PLANTED = "thesis.txt"


@pytest.mark.parametrize("data", [
    b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n",
    "\u3000\u2003\n".encode(), "\ufeff\u00a0".encode("utf-16"),
])
@pytest.mark.parametrize("suffix", ["", ".txt"])
def test_article_without_text_is_refused_as_empty(data: bytes, suffix: str) -> None:
    with pytest.raises(ClaimInputError, match="no text"):
        read_bytes(data, "a.txt", suffix)


def test_html_without_text_is_refused() -> None:
    with pytest.raises(ClaimInputError):
        read_bytes("<html><body>\u3000</body></html>".encode(), "a.html", ".html")


@pytest.mark.parametrize("name", [LONG, "x" * 300, "a/" + "b" * 256, "bad\x00name.yaml"])
def test_impossible_file_names_name_nothing(name: str) -> None:
    assert path_kind(name) == "missing"
    with pytest.raises(StageError):
        read_regular(name, "stage", StageError)


@pytest.mark.parametrize("name", [LONG, LONG + ".yaml", "a\x00b.yaml", "x/" + "y" * 300])
def test_stage_and_scenario_names_too_long_for_a_file(catalog: Catalog, name: str) -> None:
    with pytest.raises((StageError, UnknownNameError)):
        load_stage(name, catalog)
    with pytest.raises((ScenarioError, UnknownNameError)):
        load_scenario(name, catalog)
    with pytest.raises((ScenarioError, UnknownNameError)):
        load_campaign_scenario(name, catalog)


@pytest.mark.parametrize("name", [LONG, LONG + ".txt", "a\x00b.txt"])
def test_article_names_too_long_for_a_file(name: str) -> None:
    with pytest.raises(ClaimInputError):
        read_article(name)
    with pytest.raises(ClaimInputError):
        read_articles([name])


@pytest.mark.parametrize("name", [LONG, "a\x00b"])
def test_dataset_folder_names_too_long_for_a_folder(name: str) -> None:
    with pytest.raises(DataError, match="dataset folder not found"):
        load_catalog(extra=[Path(name)])


def test_cli_refuses_impossible_names_on_one_line(tmp_path: Path) -> None:
    """The command lines the fuzzer shrank to, in a memory-limited subprocess; each exits 2
    with one line and leaves the planted file alone."""
    argvs = {
        "who_long_stage": ["command", "who", "-a", "move", "-u",
                           "6th-guards-mechanised-brigade", "-s", LONG],
        "warning_long_scenario": ["warning", "run", LONG, "-s", "autonomy-2019", "-n", "10"],
        "warning_long_stage_file": ["warning", "run", "suwalki-gap-closure", "-s",
                                    LONG + ".yaml", "-n", "10"],
        "campaign_long_scenario": ["campaign", "run", LONG + ".yaml", "--stage", "war-2022"],
        "check_long_article": ["check", LONG + ".txt"],
        "data_long_folder": ["data", "validate", "--data", LONG],
        "report_long_out": ["report", "--out", LONG],
        "nul_in_argument": ["data", "show", "min\x00sk"],
        "nul_in_path": ["check", "a\x00.txt"],
    }
    cases = []
    for name, argv in argvs.items():
        cwd = tmp_path / name
        cwd.mkdir()
        (cwd / PLANTED).write_text("kept\n", encoding="utf-8")
        cases.append(Case(name, argv, cwd))
    results = run_batch(cases)
    for case in cases:
        r = results[case.name]
        assert r.code == 2, (case.name, r.code, r.err[-2000:])
        assert len(r.err_lines) == 1, (case.name, r.err)
        assert r.err_lines[0].startswith("eastflank: error: "), (case.name, r.err)
        assert sorted(p.name for p in case.cwd.iterdir()) == [PLANTED], case.name
        assert (case.cwd / PLANTED).read_text(encoding="utf-8") == "kept\n"


def test_input_errors_stay_input_errors() -> None:
    """The classes the properties accept are the project's input errors."""
    for cls in (ClaimInputError, DataError, ScenarioError, StageError, UnknownNameError):
        assert issubclass(cls, EastflankError)


@pytest.mark.parametrize("text", ["!!timestamp ''", "a: !!timestamp x", "- !!timestamp 2026-13"])
def test_explicit_timestamp_tag_on_no_date_is_an_input_error(text: str) -> None:
    # Found by test_fuzz_yaml: PyYAML's constructor raised AttributeError on ``!!timestamp ''``.
    from eastflank.yamlio import parse_yaml

    with pytest.raises(DataError, match="no such date"):
        parse_yaml(text, "x.yaml", DataError)
