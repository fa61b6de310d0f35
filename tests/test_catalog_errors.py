"""Bad dataset input gets one clear error naming file:line, record, field and what was expected."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eastflank.catalog import load_catalog
from eastflank.cli import main
from eastflank.errors import DataError

SOURCE = """\
- id: src-a
  title: A source
  publisher: Somebody
  year: 2020
  url: https://example.org/a
"""

PLACE = """\
- id: somewhere
  name: Somewhere
  country: {country}
  kind: town
  lat: {lat}
  lon: 20.0
  status: established
  sources: [{source}]
"""

ACTOR = """\
- id: BY
  name: Belarus
  kind: state
  status: established
  sources: [src-a]
"""

Writer = Callable[[dict[str, str]], Path]


def _place(lat: float = 53.0, country: str = "BY", source: str = "src-a") -> str:
    return PLACE.format(lat=lat, country=country, source=source)


def _load(root: Path) -> DataError:
    with pytest.raises(DataError) as info:
        load_catalog(root=root)
    return info.value


def test_valid_minimal_dataset_loads(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place()})
    cat = load_catalog(root=root)
    assert cat.counts()["places"] == 1
    assert cat.resolve("somewhere", kind="places").lat == 53.0


def test_malformed_yaml_names_file_and_line(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE + "- id: x\n  title: a: b\n"})
    err = _load(root)
    assert "s.yaml:7" in str(err)
    assert "malformed YAML: mapping values are not allowed" in str(err)


def test_unknown_field_is_rejected(write_dataset: Writer) -> None:
    bad = _place().replace("  kind: town\n", "  kind: town\n  colour: red\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR, "places/p.yaml": bad})
    err = _load(root)
    assert err.line == 5
    assert err.record == "somewhere"
    assert err.field == "colour"
    assert "unknown field; expected one of" in str(err)


def test_duplicate_id_names_both_places(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place() + _place()})
    err = _load(root)
    assert err.record == "somewhere"
    assert err.field == "id"
    assert "duplicate id; first defined at" in str(err)
    assert "p.yaml:1" in str(err) and "p.yaml:9" in str(err)


def test_duplicate_key_in_record(write_dataset: Writer) -> None:
    bad = _place().replace("  lon: 20.0\n", "  lon: 20.0\n  lon: 21.0\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR, "places/p.yaml": bad})
    err = _load(root)
    assert "duplicate key 'lon'" in str(err)
    assert err.line == 7


def test_dangling_source_reference(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place(source="no-such-source")})
    err = _load(root)
    assert (err.record, err.field) == ("somewhere", "sources.0")
    assert "unknown source id 'no-such-source'" in str(err)
    assert err.line == 8


def test_dangling_actor_reference(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place(country="XX")})
    err = _load(root)
    assert err.field == "country"
    assert "unknown actor 'XX'" in str(err)


def test_dangling_lead_nation(write_dataset: Writer) -> None:
    unit = ("- id: a-battlegroup\n  name: A battlegroup\n  status: established\n"
            "  sources: [src-a]\n  actor: BY\n  branch: multinational\n"
            "  echelon: battlegroup\n  garrison: somewhere\n  lead_nation: XX\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place(), "units/u.yaml": unit})
    err = _load(root)
    assert (err.record, err.field) == ("a-battlegroup", "lead_nation")
    assert "unknown actor 'XX'" in str(err)


def test_coordinate_out_of_range(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place(lat=93.5)})
    err = _load(root)
    assert (err.record, err.field, err.line) == ("somewhere", "lat", 5)
    assert "less than or equal to 90" in str(err)
    assert "93.5" in str(err)


def test_valid_to_before_valid_from(write_dataset: Writer) -> None:
    bad = _place() + "  valid_from: 2024-03-01\n  valid_to: 2020-01-01\n"
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR, "places/p.yaml": bad})
    err = _load(root)
    assert err.record == "somewhere"
    assert "valid_to 2020-01-01 is before valid_from 2024-03-01" in str(err)


def test_record_without_source(write_dataset: Writer) -> None:
    bad = _place().replace("  sources: [src-a]\n", "  sources: []\n")
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR, "places/p.yaml": bad})
    err = _load(root)
    assert (err.record, err.field) == ("somewhere", "sources")
    assert "at least 1 item" in str(err)


def test_source_without_url_or_page(write_dataset: Writer) -> None:
    bad = SOURCE.replace("  url: https://example.org/a\n", "")
    root = write_dataset({"sources/s.yaml": bad})
    err = _load(root)
    assert "a source needs a 'url' or a 'page'" in str(err)
    assert err.record == "src-a"


def test_not_a_list(write_dataset: Writer) -> None:
    root = write_dataset({"sources/s.yaml": "id: x\n"})
    err = _load(root)
    assert "expected a list of records" in str(err)


def test_parent_cycle(write_dataset: Writer) -> None:
    bodies = """\
- id: a-body
  name: A
  actor: BY
  kind: council
  parent: b-body
  status: established
  sources: [src-a]
- id: b-body
  name: B
  actor: BY
  kind: council
  parent: a-body
  status: established
  sources: [src-a]
"""
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "command_bodies/b.yaml": bodies})
    err = _load(root)
    assert "cycle" in str(err)


def test_claimed_only_record_cannot_be_established(write_dataset: Writer) -> None:
    claimed = SOURCE.replace("  url: https://example.org/a\n",
                             "  url: https://example.org/a\n  status: claimed\n")
    root = write_dataset({"sources/s.yaml": claimed, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place()})
    err = _load(root)
    assert err.field == "status"
    assert "every source is a claimed source" in str(err)


def test_figures_need_one_preferred_with_reason(write_dataset: Writer) -> None:
    figs = """\
  figures:
    - {quantity: personnel, value: 100, sources: [src-a], status: reported}
    - {quantity: personnel, value: 120, sources: [src-a], status: reported}
"""
    root = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                          "places/p.yaml": _place() + figs})
    err = _load(root)
    assert "expected exactly one preferred figure" in str(err)


def test_cli_bad_dataset_exits_2_with_one_line(
    write_dataset: Writer, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_dataset({"places/p.yaml": _place(lat=123.0)})
    code = main(["data", "validate", "--data", str(root), "--json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("eastflank: error: ")
    assert "p.yaml:5" in lines[0] and "record 'somewhere'" in lines[0] and "field 'lat'" in lines[0]


def test_cli_missing_data_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["data", "validate", "--data", str(tmp_path / "nope")])
    assert code == 2
    assert "dataset folder not found" in capsys.readouterr().err


def test_cli_unknown_kind_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "list", "placs"]) == 2
    assert "did you mean 'places'" in capsys.readouterr().err


def test_cli_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "list", "units", "--as-of", "2026-13-01"]) == 2
    assert "expected a date as YYYY-MM-DD" in capsys.readouterr().err


def test_cli_bad_sql(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "query", "SELEC nonsense"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eastflank: error: SQL error") and len(err.strip().splitlines()) == 1


def test_cli_export_to_missing_folder_leaves_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.duckdb"
    assert main(["data", "export", "--duckdb", str(target)]) == 2
    assert "folder does not exist" in capsys.readouterr().err
    assert not target.exists()


BODY = """\
- id: old-district
  name: Old District
  actor: BY
  kind: military-district
  valid_from: 2024-03-01
  earlier:
    - valid_to: 2010-11-30
      sources: [{source}]
  status: established
  sources: [src-a]
"""


def test_earlier_span_of_a_body_names_its_sources(write_dataset: Writer) -> None:
    ok = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                        "command_bodies/b.yaml": BODY.format(source="src-a")})
    body = load_catalog(root=ok).command_bodies["old-district"]
    assert body.earlier[0].valid_to.year == 2010
    bad = write_dataset({"sources/s.yaml": SOURCE, "actors/a.yaml": ACTOR,
                         "command_bodies/b.yaml": BODY.format(source="nowhere")})
    err = _load(bad)
    assert (err.record, err.field) == ("old-district", "earlier.0.sources")
    assert "unknown source id 'nowhere'" in str(err)
