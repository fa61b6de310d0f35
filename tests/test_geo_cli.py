"""``eastflank geo``: the acceptance commands, and one-line errors with exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eastflank.cli import main


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> dict:  # type: ignore[type-arg]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_gap_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["geo", "gap", "BY", "RU-KGD", "--json"])
    assert 64 <= out["gap"]["distance_km"] <= 67
    assert out["gap"]["scale"] == "1:10m"
    assert {"lat", "lon"} <= set(out["gap"]["point_a"])


def test_distance_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["geo", "distance", "brest", "warsaw", "--json"])
    assert 183 <= out["distance"]["distance_km"] <= 190
    assert out["distance"]["a"]["place"] == "brest"


def test_distance_with_coordinates_and_map(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    png = tmp_path / "d.png"
    out = _json(capsys, ["geo", "distance", "52.1,23.7", "Warszawa", "--png", str(png),
                         "--json"])
    assert out["maps"] == [str(png)]
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_border_json_shows_both_ways(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["geo", "border", "BY", "PL", "--json"])
    b = out["border"]
    assert 300 < b["geometric_km"] < 400 and b["scale"] == "1:10m"
    preferred = [f for f in b["official"] if f["preferred"]]
    assert len(preferred) == 1 and preferred[0]["sources"][0]["url"].startswith("https://")
    total = out["totals"][0]
    assert total["label"] == "Belarus-NATO land border"
    assert sorted(p["b"] for p in total["pairs"]) == ["LT", "LV", "PL"]
    assert total["geometric_km"] < total["by_basis"]["factbook"] < total["by_basis"]["national"]


def test_border_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geo", "border", "RU-KGD", "LT"]) == 0
    text = capsys.readouterr().out
    assert "measured on Natural Earth 1:10m" in text
    assert "Russia-NATO land border" in text


def test_coverage_json(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["geo", "coverage", "--site", "brest", "--radius-km", "500",
                         "--radius-km", "300", "--territory", "PL", "--json"])
    rows = {r["radius_km"]: r for r in out["coverage"]["rows"]}
    assert 0.78 <= rows[500.0]["share"] <= 0.85
    assert rows[300.0]["share"] < rows[500.0]["share"]
    assert out["coverage"]["projection"] == "EPSG:3035"


def test_area_and_to_border(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, ["geo", "area", "BY", "--json"])
    assert 200_000 < out[0]["area_km2"] < 215_000
    out = _json(capsys, ["geo", "to-border", "warsaw", "BY", "--json"])
    assert out["inside"] is False and 130 < out["distance_km"] < 170


def test_map_as_of(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    svg = tmp_path / "m.svg"
    out = _json(capsys, ["geo", "map", "--svg", str(svg), "--as-of", "2022-02-24",
                         "--ring", "brest:500", "--json"])
    assert out["as_of"] == "2022-02-24" and out["rings"][0]["radius_km"] == 500
    assert "Suwałki Gap" in svg.read_text(encoding="utf-8")


def test_map_at_a_stage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    png = tmp_path / "stage.png"
    out = _json(capsys, ["geo", "map", "--stage", "war-2022", "--png", str(png), "--json"])
    assert out["as_of"] == "2022-02-24" and out["stage"] == "war-2022"
    assert png.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["geo", "distance", "Brezt", "warsaw"], "unknown place 'Brezt'; did you mean 'brest'"),
        (["geo", "distance", "95,20", "warsaw"], "latitude 95.0 is out of range"),
        (["geo", "distance", "52,200", "warsaw"], "longitude 200.0 is out of range"),
        (["geo", "coverage", "--site", "brest", "--radius-km", "-5"],
         "radius -5.0 km is invalid; expected a radius >= 0 km"),
        (["geo", "gap", "BY", "XX"], "unknown territory 'XX'"),
        (["geo", "border", "BY", "Polska"], "unknown territory 'Polska'"),
        (["geo", "coverage", "--site", "brest", "--radius-km", "100", "--territory", "PL,QQ"],
         "unknown territory 'QQ'"),
        (["geo", "map"], "nothing to draw to; give --png FILE"),
        (["geo", "map", "--png", "x.png", "--ring", "brest"], "expected PLACE:KM"),
        (["geo", "map", "--png", "x.gif"], "unsupported map format '.gif'"),
        (["geo", "map", "--png", "x.png", "--as-of", "2022-13-01"], "expected a date"),
        (["geo", "map", "--png", "x.png", "--stage", "war-2022", "--as-of", "2022-01-01"],
         "give --stage or --as-of, not both"),
        (["geo", "map", "--png", "x.png", "--stage", "war-2O22"],
         "unknown stage 'war-2O22'; did you mean 'war-2022'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eastflank: error: ")
    assert message in lines[0]
