"""``eastflank warning``: run, compare, explain; JSON output, PNG output, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eastflank.cli import main


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_is_deterministic_for_a_seed(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["warning", "run", "suwalki-gap-closure", "--stage", "war-2022", "--samples",
            "5000", "--seed", "7", "--json"]
    a, b = _json(capsys, argv), _json(capsys, argv)
    assert a == b
    assert a["seed"] == 7
    assert set(a["warning"]) == {"p5_h", "p50_h", "p95_h", "mean_h"}
    assert 0 <= a["p_no_warning"] <= 1
    assert a["first_indicator"][0]["share"] >= a["first_indicator"][-1]["share"]


def test_compare_json_has_one_verdict_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["warning", "compare", "suwalki-gap-closure", "--stages",
                         "autonomy-2019,subordination-2026", "--samples", "5000", "--json"])
    assert [r["stage"] for r in out["results"]] == ["autonomy-2019", "subordination-2026"]
    assert out["verdict"].startswith("Under the model's assumptions (")
    assert out["verdict"].count(". ") == 0 and out["verdict"].endswith(".")
    assert out["holds"] in (True, False, None)


def test_compare_writes_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "cdf.png"
    assert main(["warning", "compare", "northern-front-ukraine", "--stages",
                 "autonomy-2019,subordination-2026", "--samples", "2000", "--png", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "wrote" in capsys.readouterr().out


def test_explain_prints_a_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["warning", "explain", "suwalki-gap-closure", "--stage",
                         "subordination-2026", "--samples", "1001", "--json"])
    assert out["events"][0]["event"] == "decision to attack"
    assert any(e["event"] == "attack ready" for e in out["events"])


@pytest.mark.parametrize(("argv", "message"), [
    (["warning", "run", "suwalki-gap-closur", "--stage", "war-2022"],
     "unknown scenario 'suwalki-gap-closur'; did you mean 'suwalki-gap-closure'"),
    (["warning", "run", "suwalki-gap-closure", "--stage", "war-2030"], "unknown stage 'war-2030'"),
    (["warning", "run", "suwalki-gap-closure", "--stage", "war-2022", "--samples", "0"],
     "--samples: expected an integer from 1 to 2,000,000, got 0"),
    (["warning", "compare", "suwalki-gap-closure", "--stages", " , "],
     "--stages: expected comma-separated stage ids"),
    (["warning", "compare", "suwalki-gap-closure", "--stages", "war-2022", "--samples", "10",
      "--png", "/nonexistent-folder/x.png"], "folder does not exist"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                          message: str) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_bad_scenario_file_names_file_line_and_field(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    text = Path(__file__).resolve().parents[1].joinpath(
        "src/eastflank/data/scenarios/suwalki-gap-closure.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("value: 0.95", "value: 1.95"), encoding="utf-8")
    assert main(["warning", "run", str(bad), "--stage", "war-2022"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:" in err
    assert "indicators.0.detection_probability.value" in err
    assert "less than or equal to 1" in err
