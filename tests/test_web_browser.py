"""The web app in headless Debian Chromium, served on 127.0.0.1 by the test and stopped after:
the map renders, the date slider changes the units, a click shows sources, a warning parameter
changes the chart, an uploaded seed gets verdicts; nothing leaves the host; no console error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from eastflank.catalog import Catalog
from web_server import live_server

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
SEEDS = REPO.parent / "shared" / "seeds"




class Browser:
    """A page on the app, with every request, console error and page error recorded."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"web-{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def units_shown(self) -> set[str]:
        return set(self.page.eval_on_selector_all(
            "img[data-unit]", "els => els.map(e => e.dataset.unit)"))


@pytest.fixture(scope="module")
def browser(catalog: Catalog, chromium: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    executable = chromium
    with live_server(catalog) as base, sync_playwright() as pw:
        engine = pw.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"])
        try:
            context = engine.new_context(viewport={"width": 1400, "height": 900},
                                           accept_downloads=True)
            page = context.new_page()
            b = Browser(page, base)
            host = urlparse(base).netloc

            def route(r: Any) -> None:
                url = urlparse(r.request.url)
                if url.scheme in ("data", "blob") or url.netloc == host:
                    r.continue_()
                else:
                    b.blocked.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page.on("console", lambda m: b.console_errors.append(m.text)
                    if m.type == "error" else None)
            page.on("pageerror", lambda e: b.page_errors.append(str(e)))
            page.goto(f"{base}/", wait_until="load")
            page.wait_for_selector("body[data-ready=true]", timeout=60_000)
            page.wait_for_selector("img[data-unit]", timeout=60_000)
            yield b
        finally:
            engine.close()


def test_map_renders(browser: Browser) -> None:
    page = browser.page
    assert page.locator("#map .leaflet-overlay-pane path").count() >= 10  # borders
    assert len(browser.units_shown()) > 40
    assert page.locator("#map .leaflet-control-layers").count() == 1
    assert "Suwałki Gap" in page.inner_text("#map")
    assert browser.shot("map").stat().st_size > 20_000


def _wait_for_date(browser: Browser, year: str) -> None:
    browser.page.wait_for_function(
        "y => document.getElementById('status-line').textContent.includes('as of ' + y)",
        arg=year, timeout=30_000)


def test_date_slider_changes_the_units(browser: Browser, catalog: Catalog) -> None:
    page = browser.page
    slider = page.locator("#date-slider")
    slider.focus()
    page.keyboard.press("Home")
    _wait_for_date(browser, "2019-01-01")
    early = browser.units_shown()
    browser.shot("map-2019")
    page.keyboard.press("End")
    _wait_for_date(browser, "2026-12-31")
    late = browser.units_shown()
    browser.shot("map-2026")
    assert early != late
    import datetime as dt

    for day, shown in ((dt.date(2019, 1, 1), early), (dt.date(2026, 12, 31), late)):
        view = catalog.as_of(day)
        assert shown == {u.id for u in view.units.values()
                         if u.garrison and u.garrison in view.places}


def test_clicking_a_unit_shows_its_sources(browser: Browser, catalog: Catalog) -> None:
    page = browser.page
    unit = "6th-guards-mechanised-brigade"
    place = catalog.places[catalog.units[unit].garrison or ""]
    # Zoom in on the garrison, as a user would where symbols crowd.
    page.evaluate("([lat, lon]) => EF.map.leaflet.setView([lat, lon], 9, {animate: false})",
                  [place.lat, place.lon])
    page.locator(f"img[data-unit='{unit}']").click()
    page.wait_for_selector("#card-sources li a", timeout=30_000)
    links = page.eval_on_selector_all("#card-sources a", "els => els.map(e => e.href)")
    expected = [catalog.sources[s].url for s in catalog.units[unit].sources
                if catalog.sources[s].url]
    assert set(expected) <= set(links)
    assert catalog.units[unit].status.value in page.inner_text("#card")
    assert "autonomy-2019" in page.inner_text("#card")  # history across the stages
    browser.shot("card")


def test_changing_a_warning_parameter_changes_the_chart(browser: Browser) -> None:
    page = browser.page
    page.click("nav button[data-tab=warning]")
    page.wait_for_selector("#warn-chart svg path.series-0", timeout=60_000)
    before = page.get_attribute("#warn-chart svg path.series-0", "d")
    sliders = page.locator("#warn-params input[type=range]")
    assert sliders.count() > 10
    changed = False
    for i in range(sliders.count()):
        runs = page.get_attribute("#warn-status", "data-runs")
        slider = sliders.nth(i)
        slider.fill(slider.get_attribute("min") or "0")
        page.wait_for_function(
            "r => document.getElementById('warn-status').dataset.runs !== r", arg=runs,
            timeout=30_000)
        after = page.get_attribute("#warn-chart svg path.series-0", "d")
        if after != before:
            changed = True
            break
    assert changed
    assert page.locator("#warn-chart svg path.series-2").count() == 1  # the stated run
    browser.shot("warning")
    with page.expect_download() as svg:
        page.click(".chart-tools[data-chart=warn-chart] button:text('SVG')")
    assert Path(svg.value.path()).read_text(encoding="utf-8").startswith("<svg")
    with page.expect_download() as png:
        page.click(".chart-tools[data-chart=warn-chart] button:text('PNG')")
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as csv:
        page.click("#warn-summary .csv-button")
    assert Path(csv.value.path()).read_text(encoding="utf-8").startswith("quantity,p5,p50")


def test_uploading_seed_000_shows_verdicts(browser: Browser) -> None:
    seeds = sorted(SEEDS.glob("000_*.txt"))
    if not seeds:
        pytest.fail(f"seed 000 is expected in {SEEDS}")
    page = browser.page
    page.click("nav button[data-tab=check]")
    page.set_input_files("#check-file", str(seeds[0]))
    page.wait_for_selector("#check-article mark[data-verdict]", timeout=60_000)
    verdicts = set(page.eval_on_selector_all(
        "#check-article mark[data-verdict]", "els => els.map(e => e.dataset.verdict)"))
    assert verdicts <= {"supported", "contradicted", "outdated", "unverifiable"}
    assert len(verdicts) >= 2
    # with what such verdicts were measured to be worth on unseen texts
    assert "never seen" in page.inner_text("#check-reliability")
    page.hover("#check-article mark[data-verdict]")
    assert page.locator("#tooltip").is_visible()
    browser.shot("check")


def test_other_panels_render(browser: Browser) -> None:
    page = browser.page
    page.click("nav button[data-tab=command]")
    page.wait_for_selector("#cmd-graph canvas", timeout=30_000)
    page.wait_for_selector("#cmd-detail table", timeout=30_000)
    browser.shot("command")
    page.click("nav button[data-tab=campaign]")
    page.wait_for_selector("#camp-chart svg path.series-0", timeout=60_000)
    browser.shot("campaign")
    page.click("nav button[data-tab=sweeps]")
    page.wait_for_selector("#sweeps-none", timeout=10_000)
    page.click("nav button[data-tab=anchors]")
    page.wait_for_selector("#anchors p, #anchors table, #anchors pre", timeout=60_000)
    page.click("nav button[data-tab=export]")
    page.wait_for_selector("#export-links a[href*='orbat.geojson']")
    with page.expect_download() as download:
        page.click("#export-links a[href*='orbat.geojson']")
    assert download.value.suggested_filename.endswith(".geojson")


def test_content_security_policy_blocks_off_host_requests(browser: Browser) -> None:
    page = browser.page.context.new_page()  # its CSP reports stay out of the main page's log
    try:
        page.goto(f"{browser.base}/", wait_until="load")
        outcome = page.evaluate(
            "() => fetch('http://192.0.2.1/x.json').then(() => 'sent', () => 'blocked')")
        assert outcome == "blocked"
        violations = page.evaluate("""() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation',
                e => resolve(e.violatedDirective));
            const img = document.createElement('img');
            img.src = 'http://192.0.2.1/tile.png';
            document.body.append(img);
        })""")
        assert violations.startswith("img-src")
    finally:
        page.close()


def test_no_request_left_the_host_and_no_console_error(browser: Browser) -> None:
    # Runs last in this module: it covers every page action above.
    assert browser.blocked == []
    assert browser.console_errors == []
    assert browser.page_errors == []
