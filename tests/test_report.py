"""The HTML report: sections, determinism, atomic writing, and a headless-browser check."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from eastflank.catalog import Catalog
from eastflank.cli import main
from eastflank.report import Report, build_report, write_report

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
SAMPLES = 2000
SEED = 7

EXPECTED_SECTIONS = ["glance", "map", "command", "warning", "reach", "campaign", "anchors",
                     "drivers", "claims", "economy", "dataset", "sources"]


def _seeds() -> list[tuple[str, str]]:
    seeds = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.fail(f"the seed articles are expected in {REPO.parent / 'shared' / 'seeds'}")
    return [(p.name, p.read_text(encoding="utf-8")) for p in seeds]


@pytest.fixture(scope="module")
def report(catalog: Catalog) -> Report:
    return build_report(catalog, samples=SAMPLES, seed=SEED, articles=_seeds())


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory, report: Report) -> Path:
    out = tmp_path_factory.mktemp("report") / "report"
    write_report(report, out)
    return out


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def _section(report: Report, sid: str) -> dict[str, Any]:
    (section,) = [s for s in report.sections if s.id == sid]
    return json.loads(json.dumps(section.data))


def test_numbers_equal_the_cli(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    stages = ",".join(report.meta["stages"])
    warning = _section(report, "warning")["scenarios"]
    for comp in warning:
        cli = _cli_json(capsys, "warning", "compare", comp["scenario"], "--stages", stages,
                        "--samples", str(SAMPLES), "--seed", str(SEED))
        assert cli == comp
    for comp in _section(report, "warning")["controlled"]:
        cli = _cli_json(capsys, "warning", "compare", comp["scenario"], "--stages", stages,
                        "--samples", str(SAMPLES), "--seed", str(SEED), "--controlled")
        assert cli == comp
        assert comp["controlled"] is True
    gap = _cli_json(capsys, "geo", "gap", "BY", "RU-KGD")["gap"]
    assert gap["distance_km"] == _section(report, "map")["gap"]["distance_km"]
    reach = _section(report, "reach")
    first = report.meta["stages"][0]
    assert _cli_json(capsys, "reach", "windows", "--stage", first) == reach["windows"][0]
    assert _cli_json(capsys, "reach", "cover", "--stage", first) == reach["cover"][0]
    last = report.meta["stages"][-1]
    diff = _cli_json(capsys, "command", "diff", first, last)
    assert diff == _section(report, "command")["first_to_last"]
    campaign = _section(report, "campaign")
    cli_run = _cli_json(capsys, "campaign", "run", campaign["scenario"], "--stage", last,
                        "--samples", str(campaign["samples"]), "--seed", str(SEED))
    assert cli_run == campaign["runs"][-1]
    assert _cli_json(capsys, "anchors") == _section(report, "anchors")["rows"]
    assert _cli_json(capsys, "reach", "cover", "--stage", first, "--basis", "assessed") == \
        reach["cover_assessed"][0]
    seed_000 = sorted((REPO.parent / "shared" / "seeds").glob("000_*.txt"))[0]
    checked = _cli_json(capsys, "check", str(seed_000))
    (in_report,) = [a for a in _section(report, "claims")["articles"]
                    if a["source"] == seed_000.name]
    assert [(c["text"], c["verdict"]) for c in checked["claims"]] == [
        (c["text"], c["verdict"]) for c in in_report["claims"]]


def test_report_files_and_sections(report_dir: Path) -> None:
    data = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    assert data["meta"]["section_order"] == EXPECTED_SECTIONS
    assert set(data["sections"]) == set(EXPECTED_SECTIONS)
    assert data["meta"]["seed"] == SEED
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    for section in EXPECTED_SECTIONS:
        assert f'data-section="{section}"' in html
    checked = data["sections"]["claims"]["articles"]
    assert len(checked) == 2
    assert all(a["claims"] for a in checked)
    for external in ('src="http', "src='http", "url(http", "<link", "@import", "<script src"):
        assert external not in html, external


def test_report_json_is_byte_identical_for_a_seed(catalog: Catalog, tmp_path: Path) -> None:
    a = build_report(catalog, samples=SAMPLES, seed=SEED).to_json()
    b = build_report(catalog, samples=SAMPLES, seed=SEED).to_json()
    assert a == b


def test_cli_report_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r"
    code = main(["report", "--out", str(out), "--samples", str(SAMPLES), "--seed", "3", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    result = json.loads(captured.out)
    assert result["sections"] == EXPECTED_SECTIONS
    assert (out / "index.html").exists()


def test_unwritable_out_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing-parent" / "report"
    assert main(["report", "--out", str(target), "--samples", "200"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "parent folder does not exist" in err[0]
    file_target = tmp_path / "a-file"
    file_target.write_text("x", encoding="utf-8")
    assert main(["report", "--out", str(file_target), "--samples", "200"]) == 2
    assert "expected a folder for the report, found a file" in capsys.readouterr().err


def test_failed_run_leaves_previous_report_untouched(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "index.html").write_text("previous", encoding="utf-8")
    (out / "report.json").write_text('{"meta": {"eastflank_version": "0"}}', encoding="utf-8")
    report = build_report(catalog, samples=200, seed=1)

    def boom(_report: object) -> str:
        raise RuntimeError("render failed")

    monkeypatch.setattr("eastflank.report.render_html", boom)
    with pytest.raises(RuntimeError, match="render failed"):
        write_report(report, out)
    assert (out / "index.html").read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report"]
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "report.json"]


_LONG_FLOAT = re.compile(r"(?<![\w./-])-?\d+\.\d{5,}(?![\w/])")
_MISSING = re.compile(r"\b(None|nan|NaN|null|undefined|inf)\b")


def _assert_readable_text(text: str) -> None:
    """No long floats (URLs aside), no missing-value strings, no raw negative hours."""
    words = [w for w in text.split() if "://" not in w and not w.startswith("[")]
    joined = " ".join(words)
    assert not _LONG_FLOAT.findall(joined), _LONG_FLOAT.findall(joined)[:5]
    assert not _MISSING.findall(joined), [joined[max(m.start() - 60, 0):m.end() + 20]
                                          for m in _MISSING.finditer(joined)][:5]


def test_readable_text_check_catches_what_it_should() -> None:
    with pytest.raises(AssertionError):
        _assert_readable_text("median 292.53418159484863 h")
    with pytest.raises(AssertionError):
        _assert_readable_text("holder None")
    with pytest.raises(AssertionError):
        _assert_readable_text("ratio nan at day 0")
    _assert_readable_text("see https://example.org/a-1.2074677 and 36.5 h, −2.2 d")


def test_rendered_page_has_sensible_numbers_and_no_missing_values(report_dir: Path) -> None:
    html = (report_dir / "index.html").read_text(encoding="utf-8")
    body = re.sub(r"<(svg|style)\b.*?</\1>", " ", html, flags=re.S)
    _assert_readable_text(unescape(re.sub(r"<[^>]+>", " ", body)))
    # figure text (axis ticks, labels) holds no long floats either
    for svg_text in re.findall(r"<text[^>]*>([^<]*)</text>", html):
        assert not _LONG_FLOAT.search(svg_text), svg_text
    # decision margins are printed with a minus sign, warnings never negative
    assert not re.search(r">\s*-\d", body)




def test_report_in_headless_chromium_offline(report_dir: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    executable = chromium
    requests: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        try:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error"
                    else None)
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            page.goto((report_dir / "index.html").as_uri(), wait_until="load")
            for section in EXPECTED_SECTIONS:
                assert page.locator(f'section[data-section="{section}"]').count() == 1, section
                assert page.locator(f'section[data-section="{section}"] h2').inner_text()
            for section in ["map", "command", "warning", "campaign", "drivers"]:
                figures = page.locator(f'section[data-section="{section}"] figure svg')
                assert figures.count() >= 1, section
            # a cover map per stage, and the anchors panel with its rows
            cover_maps = page.locator('section[data-section="reach"] figure svg')
            assert cover_maps.count() == len(json.loads(
                (report_dir / "report.json").read_text(encoding="utf-8"))["meta"]["stages"])
            assert page.locator('section[data-section="anchors"] table tr').count() >= 5
            # a numbered table of contents linking every section
            toc = page.locator("nav.toc li a")
            assert toc.count() == len(EXPECTED_SECTIONS)
            assert [toc.nth(i).get_attribute("href") for i in range(toc.count())] == [
                f"#{s}" for s in EXPECTED_SECTIONS]
            # the page never scrolls sideways: wide tables scroll inside themselves
            assert page.evaluate("document.documentElement.scrollWidth") <= 1280
            # the thousands of sources the report does not cite are folded away: the page
            # stays short enough to read, print and capture whole
            assert page.evaluate("document.documentElement.scrollHeight") < 150_000
            assert page.locator("details.sources-rest").count() == 1
            # every citation leads to a listed source that is not folded away
            targets = page.locator("a.cite").evaluate_all(
                "as => as.map(a => document.getElementById(a.getAttribute('href').slice(1)))"
                ".filter(t => !t || t.closest('details')).length")
            assert targets == 0
            # no number cell is left empty
            empty = page.locator("td.num").evaluate_all(
                "cells => cells.filter(c => !c.textContent.trim()).length")
            assert empty == 0
            text = page.locator("main").inner_text()
            _assert_readable_text(text)
            page.set_viewport_size({"width": 800, "height": 900})
            assert page.evaluate("document.documentElement.scrollWidth") <= 800
            page.set_viewport_size({"width": 1280, "height": 900})
            ARTIFACTS.mkdir(exist_ok=True)
            # (a full-page capture of the long report is slow on a busy machine; the checks
            # above have already passed)
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False,
                            timeout=120_000)
            page.screenshot(path=str(ARTIFACTS / "report-full.png"), full_page=True,
                            timeout=120_000)
        finally:
            browser.close()
    leaving = [u for u in requests if not u.startswith(("file://", "data:", "about:"))]
    assert leaving == []
    assert console_errors == []
    assert page_errors == []
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
