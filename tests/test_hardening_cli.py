"""Hostile inputs against the command line: one line on stderr and exit 2, nothing else touched.

Every case runs in a subprocess under a 1.5 GiB address-space limit (see ``_hostile``), in a
folder of its own holding a planted file that must survive, and whose listing must not change
unless the case is meant to write.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from _hostile import Case, Result, run_batch
from eastflank.catalog import data_dir

PLANTED = "thesis.txt"
PLANTED_TEXT = "three years of work\n"
BRIGADE7 = "7th-guards-mechanised-brigade"
SOURCE = "banasik-2022"


def _place(pid: str, alias: str) -> str:
    return (f"- {{id: {pid}, name: {pid}, aliases: [{alias!r}], status: reported, "
            f"sources: [{SOURCE}], country: BY, kind: town, lat: 53.0, lon: 27.0}}\n")


def _dataset(root: Path, kind: str, name: str, text: str) -> Path:
    folder = root / kind
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return root


def _bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return "\n".join(lines) + "\n"


def _cases(base: Path) -> list[Case]:
    """Build every case's folder and inputs under ``base``."""
    cases: list[Case] = []

    def case(name: str, argv: list[str], timeout: int = 60) -> Path:
        cwd = base / name
        cwd.mkdir()
        (cwd / PLANTED).write_text(PLANTED_TEXT, encoding="utf-8")
        cases.append(Case(name, argv, cwd, timeout))
        return cwd

    stage_text = (data_dir() / "stages" / "autonomy-2019.yaml").read_text(encoding="utf-8")
    scen_text = (data_dir() / "scenarios" / "suwalki-gap-closure.yaml").read_text("utf-8")

    # -- data loss ---------------------------------------------------------------------------
    cwd = case("report_into_user_folder", ["report", "--out", "x"])
    (cwd / "x").mkdir()
    (cwd / "x" / "t.txt").write_text("thesis", encoding="utf-8")
    case("report_into_cwd", ["report", "--out", "."])
    cwd = case("export_over_user_file", ["data", "export", "--duckdb", "mine.duckdb"])
    (cwd / "mine.duckdb").write_text("not a database", encoding="utf-8")
    case("export_to_folder", ["data", "export", "--duckdb", "."])
    case("export_to_root", ["data", "export", "--duckdb", "/"])
    case("export_to_empty", ["data", "export", "--duckdb", ""])
    case("export_to_device", ["data", "export", "--duckdb", "/dev/null", "--force"])
    case("export_png_missing_folder", ["warning", "compare", "suwalki-gap-closure", "--stages",
                                       "autonomy-2019,war-2022", "-n", "200",
                                       "--png", "nowhere/cdf.png"])
    case("export_png_into_folder", ["warning", "compare", "suwalki-gap-closure", "--stages",
                                    "autonomy-2019,war-2022", "-n", "200", "--png", "."])

    case("png_read_only_place", ["warning", "compare", "suwalki-gap-closure", "--stages",
                                 "autonomy-2019,war-2022", "-n", "200",
                                 "--png", "/proc/eastflank-cdf.png"])
    case("report_into_root", ["report", "--out", "/"])
    cwd = case("cycle_in_deep_chain", ["data", "validate", "--data", "ds"])
    units = [f"- {{id: deep-{i}, name: Deep {i}, status: hypothetical, sources: [{SOURCE}], "
             f"actor: BY, branch: ground, echelon: battalion, parent: deep-{(i + 1) % 3000}, "
             "note: test}" for i in range(3000)]
    _dataset(cwd / "ds", "units", "chain.yaml", "\n".join(units) + "\n")

    # -- silent wrong answers ---------------------------------------------------------------------
    case("show_unknown_id", ["data", "show", BRIGADE7])
    case("who_unknown_unit", ["command", "who", "-a", "move", "-u", BRIGADE7, "-s",
                              "autonomy-2019"])
    case("show_long_name", ["data", "show", "x" * 100_000])
    case("list_as_of", ["data", "list", "units", "--as-of", "2026-01-01", "--json"])
    case("list_as_of_ru", ["data", "list", "units", "--as-of", "2026-01-01", "--actor", "RU",
                           "--json"])
    for label, value in (("inf", ".inf"), ("huge", "1e308"), ("huge_text", "'1e308'"),
                         ("nan", ".nan")):
        cwd = case(f"stage_delay_{label}", ["command", "who", "-a", "move", "-u",
                                            "6th-guards-mechanised-brigade", "-s", "st.yaml"])
        (cwd / "st.yaml").write_text(stage_text.replace("max_h: 4.0", f"max_h: {value}", 1),
                                     encoding="utf-8")
    cwd = case("scenario_delay_huge", ["warning", "run", "sc.yaml", "-s", "autonomy-2019",
                                       "-n", "200"])
    (cwd / "sc.yaml").write_text(scen_text.replace("max: 48,", "max: 1e308,", 1), "utf-8")
    cwd = case("scenario_position_typo", ["warning", "run", "sc.yaml", "-s", "autonomy-2019",
                                          "-n", "200"])
    (cwd / "sc.yaml").write_text(scen_text.replace("      default:", "      defualt:", 1),
                                 "utf-8")
    cwd = case("dataset_range_inf", ["data", "validate", "--data", "ds"])
    _dataset(cwd / "ds", "weapon_systems", "x.yaml",
             "- {id: test-sam, name: Test, range_km: .inf}\n")
    cwd = case("dataset_range_beyond_earth", ["data", "validate", "--data", "ds"])
    _dataset(cwd / "ds", "weapon_systems", "x.yaml",
             "- {id: test-sam, name: Test, range_km: 1000000}\n")
    cwd = case("dataset_38_digit_personnel", ["data", "validate", "--data", "ds"])
    _dataset(cwd / "ds", "units", "x.yaml",
             "- {id: test-unit, figures: [{quantity: personnel, "
             "value: 12345678901234567890123456789012345678}]}\n")
    cwd = case("dataset_yml_is_read", ["data", "validate", "--data", "ds"])
    _dataset(cwd / "ds", "places", "x.yml", "- {id: yml-place, name: 3}\n")
    cwd = case("dataset_yml_record", ["data", "show", "yml-place", "--data", "ds", "--json"])
    _dataset(cwd / "ds", "places", "x.yml", _place("yml-place", "Yml Town"))
    cwd = case("ambiguous_place", ["geo", "distance", "Twin Town", "warsaw", "--data", "ds"])
    _dataset(cwd / "ds", "places", "x.yaml",
             _place("twin-a", "Twin Town") + _place("twin-b", "Twin Town"))
    cwd = case("ambiguous_show", ["data", "show", "Twin Town", "--data", "ds"])
    _dataset(cwd / "ds", "places", "x.yaml",
             _place("twin-a", "Twin Town") + _place("twin-b", "Twin Town"))

    # -- hangs and memory -------------------------------------------------------------------------
    cwd = case("yaml_bomb", ["data", "validate", "--data", "ds"], timeout=20)
    _dataset(cwd / "ds", "places", "x.yaml", _bomb())
    cwd = case("yaml_self_reference", ["data", "validate", "--data", "ds"], timeout=20)
    _dataset(cwd / "ds", "places", "x.yaml", "- &a {id: loop, name: x, self: *a}\n")
    cwd = case("yaml_deep", ["data", "validate", "--data", "ds"], timeout=20)
    _dataset(cwd / "ds", "places", "x.yaml", "[" * 5000 + "]" * 5000 + "\n")
    cwd = case("yaml_depth_100", ["data", "validate", "--data", "ds"], timeout=20)
    _dataset(cwd / "ds", "places", "x.yaml", "[" * 100 + "]" * 100 + "\n")
    cwd = case("dataset_fifo", ["data", "validate", "--data", "ds"], timeout=20)
    (cwd / "ds" / "places").mkdir(parents=True)
    os.mkfifo(cwd / "ds" / "places" / "x.yaml")
    cwd = case("dataset_dev_zero", ["data", "validate", "--data", "ds"], timeout=20)
    (cwd / "ds" / "places").mkdir(parents=True)
    (cwd / "ds" / "places" / "x.yaml").symlink_to("/dev/zero")
    cwd = case("stage_fifo", ["command", "who", "-a", "move", "-u",
                              "6th-guards-mechanised-brigade", "-s", "st.yaml"], timeout=20)
    os.mkfifo(cwd / "st.yaml")
    cwd = case("article_fifo", ["check", "a.txt"], timeout=20)
    os.mkfifo(cwd / "a.txt")
    cwd = case("article_dev_zero", ["check", "a.txt"], timeout=20)
    (cwd / "a.txt").symlink_to("/dev/zero")
    case("samples_billion", ["warning", "run", "suwalki-gap-closure", "-s", "autonomy-2019",
                             "-n", "1000000000"], timeout=20)
    case("campaign_samples_billion", ["campaign", "run", "suwalki-gap-closure", "--stage",
                                      "war-2022", "--samples", "1000000000"], timeout=20)

    # -- security: data query ----------------------------------------------------------------
    for label, sql in (("copy", "COPY (SELECT 1) TO 'x.csv'"),
                       ("read_text", "SELECT * FROM read_text('/etc/passwd')"),
                       ("read_shadow", "SELECT content FROM read_text('/etc/shadow')"),
                       ("attach", "ATTACH 'y.duckdb'"),
                       ("install", "INSTALL httpfs"),
                       ("url", "SELECT * FROM read_csv('https://example.com/x.csv')"),
                       ("unlock", "SET enable_external_access = true"),
                       ("two", "SELECT 1; COPY (SELECT 1) TO 'x.csv'"),
                       ("create", "CREATE TABLE z AS SELECT 1"),
                       ("empty", ""),
                       ("rows", "SELECT * FROM range(3000000)")):
        case(f"query_{label}", ["data", "query", sql])
    cwd = case("query_db_not_ours", ["data", "query", "SELECT 1", "--db", "mine.duckdb"])
    (cwd / "mine.duckdb").write_text("not a database", encoding="utf-8")
    case("query_types_json", ["data", "query", "--json",
                              "SELECT 1.5::DECIMAL(10,2) AS d, 'ab'::BLOB AS b, "
                              "'nan'::DOUBLE AS n, 'inf'::DOUBLE AS i, INTERVAL 3 HOURS AS h, "
                              "DATE '2026-01-01' AS day, [1, 2] AS l, {'a': 1} AS s"])

    # -- tracebacks ---------------------------------------------------------------------------
    for label, day in (("month_13", "2026-13-45"), ("feb_30", "2026-02-30")):
        cwd = case(f"record_date_{label}", ["data", "validate", "--data", "ds"])
        _dataset(cwd / "ds", "events", "x.yaml", f"- {{id: test-event, date: {day}}}\n")
        cwd = case(f"stage_date_{label}", ["command", "who", "-a", "move", "-u",
                                           "6th-guards-mechanised-brigade", "-s", "st.yaml"])
        text = re.sub(r"^date: .*$", f"date: {day}", stage_text, count=1, flags=re.M)
        (cwd / "st.yaml").write_text(text, encoding="utf-8")
    return cases


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Result], dict[str, Path],
                                                               dict[str, set[str]]]:
    base = tmp_path_factory.mktemp("hostile")
    cases = _cases(base)
    before = {c.name: _listing(c.cwd) for c in cases}
    results = run_batch(cases)
    return results, {c.name: c.cwd for c in cases}, before


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


REFUSED = {
    "report_into_user_folder": "holds no eastflank report",
    "report_into_cwd": "holds no eastflank report",
    "export_over_user_file": "not an eastflank DuckDB export",
    "export_to_folder": "got a folder",
    "export_to_root": "got a folder",
    "export_to_empty": "got a folder",
    "export_to_device": "not a regular file",
    "export_png_missing_folder": "folder does not exist",
    "export_png_into_folder": "got a folder",
    "png_read_only_place": "cannot write here",
    "report_into_root": "holds no eastflank report",
    "cycle_in_deep_chain": "parent chain has a cycle: deep-0 -> deep-1 -> deep-2",
    "show_unknown_id": "unknown record '7th-guards-mechanised-brigade'; did you mean "
                       "'6th-guards-mechanised-brigade'",
    "who_unknown_unit": "unknown unit '7th-guards-mechanised-brigade'; did you mean",
    "show_long_name": "expected at most 4096",
    "stage_delay_inf": "st.yaml:22: record 'autonomy-2019', field 'hop_delay.max_h': "
                       "expected a finite number",
    "stage_delay_huge": "st.yaml:22: record 'autonomy-2019', field 'hop_delay.max_h'",
    "stage_delay_huge_text": "expected a finite number of magnitude at most",
    "stage_delay_nan": "expected a finite number",
    "scenario_delay_huge": "sc.yaml",
    "scenario_position_typo": "unknown stage 'defualt' in positions; did you mean 'default'",
    "dataset_range_inf": "record 'test-sam', field 'range_km': expected a finite number",
    "dataset_range_beyond_earth": "expected at most 40,075 km",
    "dataset_38_digit_personnel": "integer of 38 digits",
    "dataset_yml_is_read": "x.yml",
    "ambiguous_place": "ambiguous place 'Twin Town': it names 'twin-a', 'twin-b'",
    "ambiguous_show": "ambiguous record 'Twin Town'",
    "yaml_bomb": "expands to more than",
    "yaml_self_reference": "self-referencing",
    "yaml_deep": "nesting depth",
    "yaml_depth_100": "nesting depth exceeds 64 levels",
    "dataset_fifo": "expected a regular file, found a device, FIFO or socket",
    "dataset_dev_zero": "expected a regular file, found a device, FIFO or socket",
    "stage_fifo": "expected a regular file",
    "article_fifo": "expected a regular file",
    "article_dev_zero": "expected a regular file",
    "samples_billion": "--samples: expected an integer from 1 to 2,000,000",
    "campaign_samples_billion": "--samples: expected an integer from 1 to 100,000",
    "query_copy": "only SELECT queries are allowed (read-only); got COPY",
    "query_read_text": "file system operations are disabled",
    "query_read_shadow": "file system operations are disabled",
    "query_attach": "only SELECT queries are allowed (read-only); got ATTACH",
    "query_install": "only SELECT queries are allowed (read-only); got INSTALL",
    "query_url": "file system operations are disabled",
    "query_unlock": "only SELECT queries are allowed (read-only); got SET",
    "query_two": "expected one SELECT statement, got 2 statements",
    "query_create": "only SELECT queries are allowed (read-only); got CREATE",
    "query_empty": "SQL is empty",
    "query_rows": "more than 100,000 rows",
    "query_db_not_ours": "not an eastflank DuckDB export",
    "record_date_month_13": "no such date '2026-13-45'",
    "record_date_feb_30": "no such date '2026-02-30'",
    "stage_date_month_13": "st.yaml:",
    "stage_date_feb_30": "no such date '2026-02-30'",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_one_line_exit_2_and_nothing_touched(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]], name: str
) -> None:
    results, cwds, before = hostile
    r = results[name]
    assert r.code == 2, (r.code, r.err[-2000:])
    assert len(r.err_lines) == 1, r.err
    assert r.err_lines[0].startswith("eastflank: error: ")
    assert "Traceback" not in r.err
    assert REFUSED[name] in r.err_lines[0], r.err_lines[0]
    assert r.out == ""
    cwd = cwds[name]
    assert (cwd / PLANTED).read_text(encoding="utf-8") == PLANTED_TEXT
    assert _listing(cwd) == before[name], "a refused command changed its folder"


def test_refused_report_keeps_the_users_file(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]]
) -> None:
    _, cwds, _ = hostile
    assert (cwds["report_into_user_folder"] / "x" / "t.txt").read_text("utf-8") == "thesis"
    assert (cwds["export_over_user_file"] / "mine.duckdb").read_text("utf-8") == "not a database"


@pytest.mark.parametrize("name", ["list_as_of", "list_as_of_ru"])
def test_list_as_of_a_date_answers(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]], name: str
) -> None:
    r = hostile[0][name]
    assert r.code == 0, r.err
    rows = json.loads(r.out)
    assert rows and all(row["kind"] == "units" for row in rows)
    assert all(row["parent"] is None or row["parent"]["id"] for row in rows)


def test_yml_dataset_file_is_read(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]]
) -> None:
    r = hostile[0]["dataset_yml_record"]
    assert r.code == 0, r.err
    assert json.loads(r.out)["record"]["id"] == "yml-place"


def test_no_temporary_files_anywhere(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]]
) -> None:
    _, cwds, _ = hostile
    for cwd in cwds.values():
        assert not list(cwd.rglob(".eastflank-tmp-*")), cwd


def test_interrupted_run_is_gone_without_a_trace(tmp_path: Path) -> None:
    """Stale temporary files of a killed run are removed at the next write there."""
    from eastflank.safeio import TMP_PREFIX, atomic_write

    dead = tmp_path / f"{TMP_PREFIX}999999999-abc.json"
    dead.write_text("half", encoding="utf-8")
    alive = tmp_path / f"{TMP_PREFIX}{os.getpid()}-abc.json"
    alive.write_text("in progress", encoding="utf-8")
    atomic_write(tmp_path / "out.json", "{}")
    assert not dead.exists()
    assert alive.exists()
    assert (tmp_path / "out.json").read_text("utf-8") == "{}"


def test_failed_atomic_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    from eastflank.safeio import atomic_target

    target = tmp_path / "keep.json"
    target.write_text("old", encoding="utf-8")

    def interrupted_write() -> None:
        with atomic_target(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted_write()
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.json"]


def test_export_replaces_its_own_file_and_force_replaces_a_user_file(tmp_path: Path) -> None:
    from eastflank.catalog import load_catalog
    from eastflank.errors import OutputError
    from eastflank.export import is_eastflank_duckdb, write_duckdb

    cat = load_catalog()
    db = tmp_path / "x.duckdb"
    write_duckdb(cat, db)
    assert is_eastflank_duckdb(db)
    write_duckdb(cat, db)  # our own export: replaced without --force
    mine = tmp_path / "mine.duckdb"
    mine.write_text("user data", encoding="utf-8")
    with pytest.raises(OutputError, match="not an eastflank DuckDB export"):
        write_duckdb(cat, mine)
    write_duckdb(cat, mine, force=True)
    assert is_eastflank_duckdb(mine)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.duckdb", "x.duckdb"]


def test_report_folder_rules(tmp_path: Path) -> None:
    from eastflank.errors import OutputError
    from eastflank.report import Report, write_report

    rep = Report([], {"eastflank_version": "test"})
    user = tmp_path / "user"
    user.mkdir()
    (user / "t.txt").write_text("thesis", encoding="utf-8")
    with pytest.raises(OutputError, match="holds no eastflank report"):
        write_report(rep, user)
    write_report(rep, user, force=True)  # forced: only its own files are added
    assert sorted(p.name for p in user.iterdir()) == ["index.html", "report.json", "t.txt"]
    write_report(rep, user)  # now it holds a report: rewritten in place
    assert (user / "t.txt").read_text("utf-8") == "thesis"
    fresh = tmp_path / "fresh"
    write_report(rep, fresh)
    assert sorted(p.name for p in fresh.iterdir()) == ["index.html", "report.json"]
    shutil.rmtree(fresh)


def test_query_types_become_valid_json(
    hostile: tuple[dict[str, Result], dict[str, Path], dict[str, set[str]]]
) -> None:
    r = hostile[0]["query_types_json"]
    assert r.code == 0, r.err
    data = json.loads(r.out, parse_constant=lambda c: pytest.fail(f"invalid JSON {c}"))
    assert data["rows"] == [{"d": 1.5, "b": "YWI=", "n": None, "i": None, "h": 10800.0,
                             "day": "2026-01-01", "l": [1, 2], "s": {"a": 1}}]


def test_query_is_interrupted_after_its_time_limit(tmp_path: Path) -> None:
    import duckdb

    from eastflank.errors import ModelInputError
    from eastflank.query import open_readonly, run_query

    db = tmp_path / "x.duckdb"
    duckdb.connect(str(db)).close()
    con = open_readonly(db)
    with pytest.raises(ModelInputError, match=r"longer than 0\.3 s"):
        run_query(con, "SELECT sum(hash(i)) FROM range(100000000000) t(i)", max_seconds=0.3)
    con.close()


def test_query_value_without_json_form_names_the_column() -> None:
    from eastflank.errors import ModelInputError
    from eastflank.query import json_value

    with pytest.raises(ModelInputError, match="column 'geom'"):
        json_value(object(), "geom")
