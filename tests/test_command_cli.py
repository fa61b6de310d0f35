"""``eastflank command``: output on good input, one line and exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eastflank.cli import main

BRIGADE = "6th-guards-mechanised-brigade"
DATA = Path(__file__).parent / "data"


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main([*argv, "--json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out)


def _bad(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("eastflank: error: ")
    return lines[0]


def test_stages_lists_the_builtins(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["command", "stages"])
    assert [r["id"] for r in rows] == ["autonomy-2019", "regional-grouping-2021", "war-2022",
                                       "nuclear-2023", "subordination-2026"]
    assert main(["command", "stages"]) == 0
    assert "subordination-2026" in capsys.readouterr().out


def test_who_json_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["command", "who", "--authority", "move", "--unit", BRIGADE,
                         "--stage", "autonomy-2019"])
    assert out["holder_actor"] == "BY"
    assert out["authority"] == "move"
    assert out["sources"]
    assert main(["command", "who", "-a", "administer", "-u", BRIGADE, "-s",
                 "subordination-2026"]) == 0
    assert "Ministry of Defence of the Republic of Belarus" in capsys.readouterr().out


def test_who_accepts_a_unit_name_or_small_typo(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("6th Separate Guards Mechanised Brigade", "6th-guards-mechanized-brigade"):
        out = _json(capsys, ["command", "who", "--authority", "move", "--unit", name,
                             "--stage", "autonomy-2019"])
        assert out["unit"] == BRIGADE


def test_chain_json_is_reproducible_with_seed(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["command", "chain", "--from", "russian-president", "--unit", BRIGADE,
            "--authority", "move", "--stage", "autonomy-2019", "--samples", "3000",
            "--seed", "9"]
    first = _json(capsys, argv)
    second = _json(capsys, argv)
    assert first == second
    assert "belarusian-president" in first["chain"]["veto_points"]
    lat = first["latency"]
    assert lat["seed"] == 9
    assert lat["n"] == 3000
    assert lat["p5_h"] <= lat["p50_h"] <= lat["p95_h"]
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "veto points: belarusian-president" in text
    assert "seed=9" in text


def test_chain_at_subordination_has_no_veto(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["command", "chain", "--from", "russian-president", "--unit", BRIGADE,
                         "--authority", "initiate_combat", "--stage", "subordination-2026",
                         "--seed", "1", "--samples", "500"])
    assert out["chain"]["veto_points"] == []
    assert out["actors"][out["chain"]["holder"]] == "RU"


def test_graph_writes_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svg = tmp_path / "war.svg"
    out = _json(capsys, ["command", "graph", "--stage", "war-2022", "--svg", str(svg)])
    assert out["svg"] == str(svg)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text
    assert "initiate_combat" in text
    assert list(tmp_path.iterdir()) == [svg]


def test_user_stage_file_is_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = Path(__file__).parents[1] / "src/eastflank/data/stages/autonomy-2019.yaml"
    text = src.read_text(encoding="utf-8").replace("id: autonomy-2019", "id: my-counterfactual")
    mine = tmp_path / "mine.yaml"
    mine.write_text(text, encoding="utf-8")
    out = _json(capsys, ["command", "who", "-a", "move", "-u", BRIGADE, "-s", str(mine)])
    assert out["stage"] == "my-counterfactual"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["command", "who", "-a", "move", "-u", BRIGADE, "-s", "autonomy-2091"],
         "unknown stage 'autonomy-2091'; did you mean 'autonomy-2019'"),
        (["command", "who", "-a", "move", "-u", "hrodna-mechanised-brigade", "-s",
          "autonomy-2019"], "unknown unit 'hrodna-mechanised-brigade'; did you mean"),
        (["command", "who", "-a", "launch", "-u", BRIGADE, "-s", "autonomy-2019"],
         "unknown authority 'launch'"),
        (["command", "chain", "--from", "russian-presidential-council", "-u", BRIGADE, "-a",
          "move", "-s", "autonomy-2019"],
         "unknown command body 'russian-presidential-council'; did you mean"),
        (["command", "chain", "--from", "belarusian-president", "-u", BRIGADE, "-a", "move",
          "-s", "war-2022", "--samples", "0"], "--samples"),
        (["command", "chain", "--from", "belarusian-ministry-of-defence", "-u", BRIGADE, "-a",
          "move", "-s", "subordination-2026"], "cannot obtain 'move'"),
        (["command", "diff", "autonomy-2019", "nowhere.yaml"], "stage file not found"),
        (["command", "graph", "-s", "war-2022", "--svg", "/no/such/folder/x.svg"],
         "folder does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                          message: str) -> None:
    assert message in _bad(capsys, argv)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("min_h: 24, mode_h: 72, max_h: 336", "min_h: 400, mode_h: 72, max_h: 336",
         "min_h 400 > max_h 336"),
        ("  - consent: belarusian-president", "  - consent: belarusian-presidnt",
         "unknown command body 'belarusian-presidnt'"),
        ("select: {actor: BY, branch: ground}", "select: {actor: BY, branch: naval}",
         "selects no unit or facility"),
    ],
)
def test_bad_user_stage_names_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    src = Path(__file__).parents[1] / "src/eastflank/data/stages/autonomy-2019.yaml"
    text = src.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = _bad(capsys, ["command", "who", "-a", "move", "-u", BRIGADE, "-s", str(bad)])
    assert f"{bad}:" in line
    assert "record 'autonomy-2019', field '" in line
    assert message in line
