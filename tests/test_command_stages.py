"""Stage files: loading, and every kind of bad stage giving one StageError with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eastflank.catalog import Catalog, load_catalog
from eastflank.command import order_chain
from eastflank.errors import StageError, UnknownNameError
from eastflank.stages import list_stages, load_stage, stage_path

DATA = Path(__file__).parent / "data"
BASE_TEXT = (DATA / "command_stages" / "base.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(DATA / "command")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stage.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return lines[nth]


def _load_bad(tmp_path: Path, cat: Catalog, text: str) -> StageError:
    path = _write(tmp_path, text)
    with pytest.raises(StageError) as info:
        load_stage(path, cat)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    return info.value


def test_base_stage_loads_and_records_lines(cat: Catalog) -> None:
    stage = load_stage(DATA / "command_stages" / "base.yaml", cat)
    file, line = stage.where("assignments.3.gates.0.consent")
    assert file is not None and file.endswith("base.yaml")
    assert line == _line_of(BASE_TEXT, "- consent: by-head")


def test_delay_with_min_above_max(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("delay: {min_h: 10, mode_h: 20, max_h: 40",
                             "delay: {min_h: 50, mode_h: 20, max_h: 40")
    err = _load_bad(tmp_path, cat, text)
    assert err.line == _line_of(text, "delay: {min_h: 50")
    assert err.field == "assignments.3.gates.0.delay"
    assert err.record == "test-base"
    assert "min_h 50 > max_h 40; expected min_h <= mode_h <= max_h" in str(err)


def test_delay_with_mode_outside_range(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("hop_delay: {min_h: 1, mode_h: 2,", "hop_delay: {min_h: 1, mode_h: 7,")
    err = _load_bad(tmp_path, cat, text)
    assert err.field == "hop_delay"
    assert "mode_h 7 outside [1, 3]" in str(err)


def test_unknown_consent_body_suggests_names(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("- consent: by-head", "- consent: by-haed")
    err = _load_bad(tmp_path, cat, text)
    assert err.line == _line_of(text, "- consent: by-haed")
    assert err.field == "assignments.3.gates.0.consent"
    assert "unknown command body 'by-haed'; did you mean 'by-head'" in str(err)


def test_body_not_existing_on_stage_date(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("via: [ru-staff]", "via: [ru-staff, old-district]")
    err = _load_bad(tmp_path, cat, text)
    assert err.field == "assignments.3.via.1"
    assert "'old-district' does not exist on the stage date 2022-06-01" in str(err)


def test_authority_assigned_twice(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("assignments:\n", """assignments:
  - {group: by-ground, authority: move, holder: ru-head, status: reported,
     sources: [test-source]}
""")
    err = _load_bad(tmp_path, cat, text)
    second = _line_of(text, "{group: by-ground, authority: move", 1)
    assert err.line == second
    assert err.field == "assignments.1.authority"
    assert "authority 'move' over force group 'by-ground' is assigned twice" in str(err)


def test_force_group_selecting_no_unit(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("select: {actor: BY, branch: missile}",
                             "select: {actor: BY, branch: naval}")
    err = _load_bad(tmp_path, cat, text)
    assert err.line == _line_of(text, "- id: by-missile")
    assert "force group 'by-missile' selects no unit or facility as of 2022-06-01" in str(err)


def test_two_groups_giving_one_unit_two_holders(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("select: {actor: BY, branch: missile}",
                             "select: {actor: BY, branch: [missile, ground]}")
    err = _load_bad(tmp_path, cat, text)
    assert "'by-brigade-one' is in force groups 'by-ground' and 'by-missile'" in str(err)


def test_cycle_in_order_path(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace(
        "{group: by-missile, authority: move, holder: by-head, via: [by-staff],",
        "{group: by-missile, authority: move, holder: by-head, via: [by-staff, by-head],")
    err = _load_bad(tmp_path, cat, text)
    assert err.field == "assignments.2.via.1"
    assert "has a cycle: by-head -> by-staff -> by-head" in str(err)


def test_cycle_across_assignments(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace(
        "{group: by-missile, authority: move, holder: by-head, via: [by-staff],",
        "{group: by-missile, authority: move, holder: by-staff, via: [by-head],")
    err = _load_bad(tmp_path, cat, text)
    assert "cycle" in str(err)
    assert err.field == "assignments.2.via.0"


def test_cycle_between_via_and_unit_chain_at_query_time(tmp_path: Path, cat: Catalog) -> None:
    text = BASE_TEXT.replace("{group: by-ground, authority: move, holder: by-head, via: [by-staff],",
                             "{group: by-ground, authority: move, holder: by-head, "
                             "via: [by-west, by-staff],")
    stage = load_stage(_write(tmp_path, text), cat)
    with pytest.raises(StageError, match="visits 'by-west' twice") as info:
        order_chain(stage, cat, "by-head", "by-brigade-one", "move")
    assert info.value.field == "assignments.0.via"
    assert info.value.line == _line_of(text, "via: [by-west, by-staff]")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("        note: test gate\n", "", "a hypothetical statement needs its reasoning in 'note'"),
        ("{group: by-ground, authority: administer, holder: by-staff, status: reported,\n"
         "     sources: [test-source]}",
         "{group: by-ground, authority: administer, holder: by-staff, status: reported}",
         "status 'reported' needs at least one source id"),
        ("sources: [test-source]\nsummary", "sources: [no-such-source]\nsummary",
         "unknown source id 'no-such-source'"),
        ("authority: administer", "authority: adminster", "Input should be"),
        ("{actor: RU, located_in: BY}", "{actor: RU, located_in: XX}", "unknown actor 'XX'"),
        ("- {group: by-ground, authority: administer",
         "- {group: by-grund, authority: administer",
         "unknown force group 'by-grund'; did you mean 'by-ground'"),
        ("hop_delay:", "hop_dealy:", "unknown field"),
    ],
)
def test_invalid_stage_content(tmp_path: Path, cat: Catalog, old: str, new: str,
                               message: str) -> None:
    assert old in BASE_TEXT
    err = _load_bad(tmp_path, cat, BASE_TEXT.replace(old, new, 1))
    assert message in str(err)
    assert err.line is not None


def test_malformed_yaml_and_missing_file(tmp_path: Path, cat: Catalog) -> None:
    err = _load_bad(tmp_path, cat, "id: x\nname: [unclosed\n")
    assert "malformed YAML" in str(err)
    with pytest.raises(StageError, match="stage file not found"):
        load_stage(tmp_path / "nothing.yaml", cat)


def test_unknown_stage_name_suggests_builtins() -> None:
    with pytest.raises(UnknownNameError, match="unknown stage 'autonomy-2091'; did you mean "
                                               "'autonomy-2019'"):
        stage_path("autonomy-2091")


def test_builtin_stages_are_listed_in_date_order() -> None:
    assert list_stages() == ["autonomy-2019", "regional-grouping-2021", "war-2022",
                             "nuclear-2023", "subordination-2026"]
