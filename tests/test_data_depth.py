"""Indicator records, dated unit parents, exercises, corrections and citation export."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from eastflank.catalog import Catalog, load_catalog
from eastflank.cli import main
from eastflank.errors import DataError
from eastflank.export import read_duckdb

Writer = Callable[[dict[str, str]], Path]

SOURCE = """\
- id: src-a
  title: A source
  publisher: Somebody
  year: 2020
  url: https://example.org/a
"""
ACTORS = """\
- id: BY
  name: Belarus
  kind: state
  status: established
  sources: [src-a]
- id: RU
  name: Russia
  kind: state
  status: established
  sources: [src-a]
"""
INDICATOR = """\
- id: debt-2023
  name: Debt
  subject: belarus-debt-to-russia
  quantity: state_debt_owed_to_russia
  value: {value}
  unit: {unit}
  date: 2023-12-31
  kind: official
  actors: [BY, RU]
  status: reported
  sources: [src-a]
"""
BODIES = """\
- id: hq-a
  name: HQ A
  actor: RU
  kind: corps-hq
  status: established
  sources: [src-a]
  valid_to: 2019-12-31
- id: hq-b
  name: HQ B
  actor: RU
  kind: corps-hq
  status: established
  sources: [src-a]
"""
UNIT = """\
- id: unit-x
  name: Unit X
  actor: RU
  branch: ground
  echelon: brigade
  status: established
  sources: [src-a]
  valid_from: 2016-01-01
  parent: {parent}
  parents:
    - parent: hq-a
      valid_from: 2016-01-01
      valid_to: {end}
      sources: [src-a]
      status: reported
    - parent: hq-b
      valid_from: 2020-01-01
      sources: [{source}]
      status: reported
"""


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def _error(root: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_catalog(root=root)
    return info.value


# --- indicators --------------------------------------------------------------------------
def test_indicator_loads_and_slices(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS,
                          "indicators/i.yaml": INDICATOR.format(value=7.75e9, unit="USD")})
    cat = load_catalog(root=root)
    assert cat.indicators["debt-2023"].value == 7.75e9
    assert "debt-2023" not in cat.as_of(dt.date(2023, 12, 30)).indicators
    assert "debt-2023" in cat.as_of(dt.date(2024, 1, 1)).indicators


@pytest.mark.parametrize(("value", "unit", "field", "expected"), [
    ("1.0", "EUR", "unit", "Input should be"),
    ("null", "USD", "value", "both 'low' and 'high'"),
])
def test_bad_indicator_names_file_record_field(write_dataset: Writer, value: str, unit: str,
                                               field: str, expected: str) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS,
                          "indicators/i.yaml": INDICATOR.format(value=value, unit=unit)})
    err = _error(root)
    assert err.file is not None
    assert err.file.endswith("i.yaml")
    assert err.record == "debt-2023"
    assert expected in str(err)
    if field == "unit":
        assert err.field == "unit"


def test_indicator_unknown_actor_is_an_error(write_dataset: Writer) -> None:
    text = INDICATOR.format(value=1, unit="USD").replace("[BY, RU]", "[BY, XX]")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS,
                          "indicators/i.yaml": text})
    err = _error(root)
    assert err.record == "debt-2023"
    assert err.field == "actors.1"
    assert "unknown actor 'XX'" in str(err)


def test_cli_lists_the_economic_levers(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "data", "list", "indicators")
    assert isinstance(rows, list)
    recs = {r["record"]["id"]: r["record"] for r in rows}
    subjects = {r["subject"] for r in recs.values()}
    assert {"druzhba-northern-branch", "belarus-potash-exports",
            "belarus-debt-to-russia"} <= subjects
    for rec in recs.values():
        assert rec["date"] and rec["unit"] and rec["sources"]
        assert rec["value"] is not None or (rec["low"] is not None and rec["high"] is not None)
    assert recs["druzhba-kazakh-oil-germany-2023"]["value"] == 993000
    assert recs["belarus-state-debt-to-russia-2023"]["value"] == 7.75e9
    assert recs["belarus-potash-via-russian-ports-2022"]["value"] == 3e6
    shown = _json(capsys, "data", "show", "druzhba-kazakh-oil-germany-2023")
    assert isinstance(shown, dict)
    assert shown["kind"] == "indicators"
    assert shown["sources"][0]["url"].startswith("https://")


def test_validate_counts_new_records_all_sourced(capsys: pytest.CaptureFixture[str]) -> None:
    res = _json(capsys, "data", "validate")
    assert isinstance(res, dict)
    assert res["ok"]
    assert res["counts"]["indicators"] >= 30
    assert not res["records_without_source"]


def test_duckdb_export_has_indicators_and_dated_parents(catalog: Catalog,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "d.duckdb"
    catalog.to_duckdb(path)
    back = {r.id: r for r in read_duckdb(path, "indicators")}  # type: ignore[attr-defined]
    assert back == dict(catalog.indicators)
    units = {r.id: r for r in read_duckdb(path, "units")}  # type: ignore[attr-defined]
    assert units["11th-army-corps"] == catalog.units["11th-army-corps"]


# --- dated parents -------------------------------------------------------------------------
def test_as_of_gives_the_parent_valid_that_day(catalog: Catalog) -> None:
    assert catalog.units["11th-army-corps"].parent == "leningrad-military-district"
    assert catalog.as_of(dt.date(2020, 6, 1)).units["11th-army-corps"].parent == "baltic-fleet"
    assert (catalog.as_of(dt.date(2025, 1, 1)).units["11th-army-corps"].parent
            == "leningrad-military-district")


def test_dated_parents_load_and_slice(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS, "command_bodies/b.yaml": BODIES,
                          "units/u.yaml": UNIT.format(parent="hq-b", end="2019-12-31",
                                                      source="src-a")})
    cat = load_catalog(root=root)
    assert cat.as_of(dt.date(2018, 1, 1)).units["unit-x"].parent == "hq-a"
    assert cat.as_of(dt.date(2021, 1, 1)).units["unit-x"].parent == "hq-b"


@pytest.mark.parametrize(("parent", "end", "source", "field", "expected"), [
    ("hq-a", "2019-12-31", "src-a", None, "differs from the latest dated parent"),
    ("hq-b", "2020-06-30", "src-a", None, "without overlap"),
    ("hq-b", "2019-12-31", "nope", "parents.1.sources", "unknown source id 'nope'"),
])
def test_bad_dated_parents(write_dataset: Writer, parent: str, end: str, source: str,
                           field: str | None, expected: str) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS, "command_bodies/b.yaml": BODIES,
                          "units/u.yaml": UNIT.format(parent=parent, end=end, source=source)})
    err = _error(root)
    assert err.record == "unit-x"
    assert expected in str(err)
    if field:
        assert err.field == field


def test_dated_parent_must_exist_during_its_span(write_dataset: Writer) -> None:
    bodies = BODIES.replace("  valid_to: 2019-12-31\n", "  valid_to: 2017-12-31\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTORS, "command_bodies/b.yaml": bodies,
                          "units/u.yaml": UNIT.format(parent="hq-b", end="2019-12-31",
                                                      source="src-a").replace(
                              "  parents:\n    - parent: hq-a\n      valid_from: 2016-01-01",
                              "  parents:\n    - parent: hq-a\n      valid_from: 2018-01-01")})
    err = _error(root)
    assert err.field == "parents.0.parent"
    assert "does not exist during the span" in str(err)


# --- exercises and corrections ---------------------------------------------------------------
def test_exercises_keep_every_figure_with_a_preferred_one(catalog: Catalog) -> None:
    for eid in ("slavic-brotherhood-2020", "union-shield-2019", "union-shield-2023",
                "zapad-2025"):
        assert catalog.events[eid].kind == "exercise"
    zapad = catalog.events["zapad-2025"]
    preferred = {f.quantity: f for f in zapad.figures if f.preferred}
    assert preferred["personnel_in_belarus"].value == 7000
    assert preferred["personnel"].value == 100000
    assert preferred["personnel"].status.value == "claimed"
    assert preferred["personnel_in_russia"].value == 50000
    assert 13000 in [f.value for f in zapad.figures if not f.preferred]


def test_audit_corrections(catalog: Catalog) -> None:
    shield = catalog.events["east-shield-announced-2024"]
    assert next(f for f in shield.figures if f.preferred).value == 700
    assert "reuters-invasion-graphics-2022" not in catalog.sources
    assert catalog.sources["foi-bursting-the-bubble-2019"].url is None
    iskander_400 = next(f for f in catalog.weapon_systems["iskander-m"].figures
                        if f.quantity == "range_km" and f.value == 400)
    assert "not labelled as officially stated" in (iskander_400.note or "")
    assert "7 Jun 2021" in (catalog.facilities["vileyka-43rd-communications-centre"].note or "")
    from eastflank.geo.borders import load_border_data

    ru_ee = next(b for b in load_border_data().borders if b.id == "ru-ee")
    assert next(x for x in ru_ee.lengths if x.preferred).value_km == 324


# --- citations -------------------------------------------------------------------------------
def _cite(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(["data", "cite", *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_bibtex_parses_with_bibtexparser(capsys: pytest.CaptureFixture[str],
                                         catalog: Catalog) -> None:
    import bibtexparser

    text = _cite(capsys, "--kind", "indicators", "--format", "bibtex")
    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks
    keys = {e.key for e in lib.entries}
    wanted = {s for r in catalog.indicators.values()
              for s in [*r.sources, *(x for f in r.figures for x in f.sources)]}
    assert keys == wanted
    entry = next(e for e in lib.entries if e.key == "nv-2025-03-05-debt-deferral")
    assert entry.fields_dict["year"].value == "2025"
    assert "Shevko" in entry.fields_dict["author"].value


def test_csl_json_renders_with_citeproc(capsys: pytest.CaptureFixture[str]) -> None:
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = json.loads(_cite(capsys, "zapad-2025", "11th-army-corps", "--format", "csl-json"))
    ids = [i["id"] for i in items]
    assert len(set(ids)) == len(ids)
    assert set(ids) >= {"afp-2025-09-16-putin-100000", "wiki-11th-army-corps-ja"}
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    bib.register(Citation([CitationItem(i["id"]) for i in items]))
    rendered = [str(entry) for entry in bib.bibliography()]
    assert len(rendered) == len(items)
    assert any("Putin says 100,000 troops" in r for r in rendered)


def test_ris_parses(capsys: pytest.CaptureFixture[str]) -> None:
    import rispy

    entries = rispy.loads(_cite(capsys, "iskander-m", "--format", "ris"))
    assert "braw-baltic-bubble-2015" in {e["id"] for e in entries}


@pytest.mark.parametrize("argv", [["nope-record"], ["banasik-2022", "--format", "xml"], []])
def test_cite_bad_input_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(["data", "cite", *argv]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Traceback" not in err


# --- report ------------------------------------------------------------------------------
def test_economy_section_charts_every_series(catalog: Catalog) -> None:
    from eastflank.economy import indicator_series
    from eastflank.report import _env
    from eastflank.report.economy import economy_section
    from eastflank.report.sections import Context

    ctx = Context(catalog=catalog, stage_ids=None, samples=1, seed=1, env=_env(),
                  progress=lambda _l: None)
    section = economy_section(ctx)
    series = indicator_series(catalog)
    assert len(section.data["series"]) == len(series)
    assert section.html.count("<svg") == len(series)
    assert "druzhba-kazakh-oil-germany-2023" in {
        p["id"] for s in section.data["series"] for p in s["points"]}
    assert "nv-2025-03-05-debt-deferral" in ctx.cited


def test_cite_a_written_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import bibtexparser

    (tmp_path / "report.json").write_text(json.dumps({"sections": {"sources": {
        "cited_in_report": ["banasik-2022", "nv-2025-03-05-debt-deferral"]}}}))
    lib = bibtexparser.parse_string(_cite(capsys, "--report", str(tmp_path)))
    assert [e.key for e in lib.entries] == ["banasik-2022", "nv-2025-03-05-debt-deferral"]
    (tmp_path / "bad.json").write_text("{}")
    assert main(["data", "cite", "--report", str(tmp_path / "bad.json")]) == 2
    assert "expected an eastflank report.json" in capsys.readouterr().err


def test_every_source_is_cited_or_says_where_it_is_used(catalog: Catalog) -> None:
    """Sources no record, stage, scenario or border file names must say who uses them."""
    import yaml

    from eastflank.catalog import data_dir

    seen: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            seen.add(node)

    for path in data_dir().rglob("*.yaml"):
        if path.parent.name != "sources":
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    uncited = {sid: src for sid, src in catalog.sources.items() if sid not in seen}
    for sid, src in uncited.items():
        note = (src.note or "").lower()
        assert "cited by the code" in note or "validation reference" in note, sid
    assert len(uncited) <= 6


def test_list_as_of_with_a_parent_not_yet_valid(capsys: pytest.CaptureFixture[str]) -> None:
    """A dated slice may hold a unit whose (undated) parent is not valid that day."""
    rows = _json(capsys, "data", "list", "units", "--as-of", "2020-06-01")
    assert isinstance(rows, list)
    by_id = {r["record"]["id"]: r for r in rows}
    assert by_id["11th-army-corps"]["parent"]["id"] == "baltic-fleet"
    assert by_id["11th-army-corps"]["parent"]["kind"] == "command_bodies"
    assert any(r["parent"] and r["parent"]["kind"] is None for r in rows)
