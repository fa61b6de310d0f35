"""The web app's JSON API against a live server on 127.0.0.1: same numbers as the CLI, errors
like the CLI's, the request-size limit, static files only from the package, exports."""

from __future__ import annotations

import datetime as dt
import html
import http.client
import importlib.util
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from eastflank.catalog import Catalog
from eastflank.cli import main
from web_server import live_server

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def sweeps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import duckdb

    folder = tmp_path_factory.mktemp("sweeps")
    con = duckdb.connect(":memory:")
    con.execute(f"COPY (SELECT range AS i, range * 0.5 AS x FROM range(300)) TO "
                f"'{folder / 'demo.parquet'}' (FORMAT PARQUET)")
    (folder / "gap-sweep").mkdir()  # a folder written by `eastflank sweep`
    con.execute(f"COPY (SELECT range AS point FROM range(7)) TO "
                f"'{folder / 'gap-sweep' / 'results.parquet'}' (FORMAT PARQUET)")
    con.close()
    return folder


@pytest.fixture(scope="module")
def base(catalog: Catalog, sweeps_dir: Path) -> Iterator[str]:
    with live_server(catalog, sweeps=sweeps_dir) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as c:
        yield c


def _cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def _seed_000() -> Path:
    seeds = sorted(SEEDS.glob("000_*.txt"))
    if not seeds:
        pytest.fail(f"seed 000 is expected in {SEEDS}")
    return seeds[0]


def test_meta_lists_stages_and_scenarios(client: httpx.Client) -> None:
    meta = client.get("/api/meta").json()
    ids = [s["id"] for s in meta["stages"]]
    assert ids[0] == "autonomy-2019" and "subordination-2026" in ids
    assert "suwalki-gap-closure" in meta["warning_scenarios"]
    assert "suwalki-gap-closure" in meta["campaign_scenarios"]


def test_unknown_id_is_404_with_nearest_names(client: httpx.Client) -> None:
    r = client.get("/api/records/6th-guards-mechanised-brigad")
    assert r.status_code == 404
    body = r.json()
    assert "6th-guards-mechanised-brigade" in body["suggestions"]
    assert "did you mean" in body["detail"]
    r = client.get("/api/command/subordinaton-2026")
    assert r.status_code == 404
    assert r.json()["suggestions"] == ["subordination-2026"]
    r = client.post("/api/warning/suwalki-gap-closur/run", json={"stage": "war-2022"})
    assert r.status_code == 404
    assert "suwalki-gap-closure" in r.json()["suggestions"]


def test_bad_input_is_422_naming_the_field(client: httpx.Client) -> None:
    r = client.get("/api/map/units", params={"as_of": "2022-13-01"})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "as_of"]
    r = client.post("/api/warning/suwalki-gap-closure/run",
                    json={"stage": "war-2022", "samples": 0})
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "samples"]
    params = client.get("/api/warning/suwalki-gap-closure/parameters").json()["parameters"]
    p = next(p for p in params if p["kind"] == "dist")
    r = client.post("/api/warning/suwalki-gap-closure/run",
                    json={"stage": "war-2022", "overrides": {p["path"]: p["high"] + 1}})
    assert r.status_code == 422
    assert r.json()["field"] == p["path"]
    assert "outside the stated range" in r.json()["detail"]
    r = client.post("/api/warning/suwalki-gap-closure/run",
                    json={"stage": "war-2022", "overrides": {"no.such.path": 1}})
    assert r.status_code == 422
    assert r.json()["field"] == "no.such.path"


def test_stage_names_never_reach_the_file_system(client: httpx.Client) -> None:
    for name in ("/etc/passwd", "../../etc/passwd.yaml"):
        r = client.get("/api/command-diff", params={"a": name, "b": "war-2022"})
        assert r.status_code == 404, r.text


def test_warning_run_equals_the_cli(client: httpx.Client,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    r = client.post("/api/warning/suwalki-gap-closure/run",
                    json={"stage": "subordination-2026", "samples": 20_000, "seed": 3})
    assert r.status_code == 200
    cli = _cli_json(capsys, "warning", "run", "suwalki-gap-closure", "--stage",
                    "subordination-2026", "--samples", "20000", "--seed", "3")
    assert r.json()["result"] == cli


def test_warning_parameters_change_the_result(client: httpx.Client) -> None:
    params = client.get("/api/warning/suwalki-gap-closure/parameters").json()["parameters"]
    assert all(p["low"] <= p["value"] <= p["high"] for p in params)
    assert {p["kind"] for p in params} >= {"dist", "probability"}
    assert all(p["status"] in ("established", "reported", "claimed", "hypothetical")
               for p in params)
    body = {"stage": "subordination-2026", "samples": 20_000, "seed": 1}
    base = client.post("/api/warning/suwalki-gap-closure/run", json=body).json()["result"]
    changed = False
    for p in params:
        for value in (p["low"], p["high"]):
            r = client.post("/api/warning/suwalki-gap-closure/run",
                            json={**body, "overrides": {p["path"]: value}})
            assert r.status_code == 200, r.text
            if r.json()["result"]["cdf_h"] != base["cdf_h"]:
                changed = True
                break
        if changed:
            break
    assert changed


def test_campaign_run_equals_the_cli(client: httpx.Client,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    r = client.post("/api/campaign/suwalki-gap-closure/run",
                    json={"stage": "war-2022", "samples": 500, "seed": 2})
    assert r.status_code == 200, r.text
    cli = _cli_json(capsys, "campaign", "run", "suwalki-gap-closure", "--stage", "war-2022",
                    "--samples", "500", "--seed", "2")
    assert r.json()["result"] == cli
    params = client.get("/api/campaign/suwalki-gap-closure/parameters").json()["parameters"]
    assert params


def test_check_upload_equals_the_cli(client: httpx.Client,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    seed = _seed_000()
    r = client.post("/api/check/file", params={"filename": seed.name},
                    content=seed.read_bytes())
    assert r.status_code == 200, r.text
    cli = _cli_json(capsys, "check", str(seed))
    got = r.json()["result"]
    assert [(c["text"], c["verdict"]) for c in got["claims"]] == [
        (c["text"], c["verdict"]) for c in cli["claims"]]
    text = r.json()["text"]
    assert all(text[c["span"]["start"]:c["span"]["end"]] == c["text"] for c in got["claims"])
    pasted = client.post("/api/check/text", json={"text": seed.read_text(encoding="utf-8")})
    assert pasted.json()["result"]["counts"] == got["counts"]
    page = ("<html><head><title>Seed</title></head><body><article>"
            + "".join(f"<p>{html.escape(p)}</p>" for p in seed.read_text(
                encoding="utf-8").split("\n\n") if p.strip())
            + "</article></body></html>")
    r = client.post("/api/check/file", params={"filename": "seed.html"},
                    content=page.encode())
    assert r.status_code == 200, r.text
    assert r.json()["result"]["claims"]
    r = client.post("/api/check/file", params={"filename": "x.pdf"}, content=b"%PDF-1.4 junk")
    assert r.status_code == 422
    assert r.json()["detail"]


def test_oversized_bodies_get_413(base: str, client: httpx.Client) -> None:
    big = b"x" * (60 * 1024 * 1024)
    r = client.post("/api/check/file", params={"filename": "big.txt"}, content=big)
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(60):
            yield b"y" * (1024 * 1024)

    r = client.post("/api/check/text", content=chunks(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/api/check/file", params={"filename": "a.txt"},
                    content=b"z" * (5 * 1024 * 1024 + 10))
    assert r.status_code in (413, 422)


TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%252f..%252fetc%252fpasswd",
    "/static/....//....//etc/passwd",
    "/static/%5c..%5c..%5cetc%5cpasswd",
    "/static//etc/passwd",
    "/static/vendor/../../../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_path_traversal_is_404(base: str, path: str) -> None:
    url = urlparse(base)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=10)
    try:
        conn.request("GET", path)  # sent as written: no client-side normalisation
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    assert resp.status == 404, (path, resp.status)
    assert b"root:" not in body


def test_static_files_and_security_headers(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    for directive in ("default-src 'self'", "connect-src 'self'", "script-src 'self'"):
        assert directive in csp
    assert "http" not in csp
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/vendor/milsymbol/milsymbol.js").status_code == 200
    assert client.get("/docs").status_code == 404  # no CDN-backed documentation page
    schema = client.get("/openapi.json").json()
    assert "/api/warning/{scenario}/run" in schema["paths"]


def test_foreign_host_header_is_refused(client: httpx.Client) -> None:
    r = client.get("/api/meta", headers={"host": "evil.example"})
    assert r.status_code == 400


def test_geojson_export_holds_every_unit_of_the_stage(client: httpx.Client, catalog: Catalog,
                                                      tmp_path: Path) -> None:
    import pyogrio
    import shapely

    from eastflank.stages import load_stage

    for stage_id in ("autonomy-2019", "subordination-2026"):
        r = client.get("/api/export/orbat.geojson", params={"stage": stage_id})
        assert r.status_code == 200
        path = tmp_path / f"{stage_id}.geojson"
        path.write_bytes(r.content)
        meta, _, geometry, fields = pyogrio.raw.read(path)
        names = list(meta["fields"])
        ids = list(fields[names.index("id")])
        points = {i: shapely.from_wkb(g) for i, g in zip(ids, geometry, strict=True)}
        day = load_stage(stage_id, catalog).date
        view = catalog.as_of(day)
        expected = {u.id: view.places[u.garrison] for u in view.units.values()
                    if u.garrison and u.garrison in view.places}
        assert set(points) == set(expected)
        for uid, place in expected.items():
            assert (points[uid].x, points[uid].y) == pytest.approx((place.lon, place.lat))
    assert len(expected) > 40


def test_kml_csv_and_citation_exports(client: httpx.Client, catalog: Catalog) -> None:
    from pybtex.database import parse_string

    r = client.get("/api/export/orbat.kml", params={"stage": "war-2022"})
    root = ET.fromstring(r.content)
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    marks = root.findall(".//k:Placemark", ns)
    geo = client.get("/api/export/orbat.geojson", params={"stage": "war-2022"}).json()
    assert len(marks) == len(geo["features"]) > 0
    csv_text = client.get("/api/export/table/units.csv",
                          params={"as_of": "2019-06-01"}).text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,name,")
    assert len(lines) - 1 == len(catalog.as_of(dt.date(2019, 6, 1)).units)
    bib = client.get("/api/export/sources.bib", params={"stage": "war-2022"}).text
    entries = parse_string(bib, "bibtex").entries
    csl = client.get("/api/export/sources.json", params={"stage": "war-2022"}).json()
    assert set(entries) == {item["id"] for item in csl}
    assert all(sid in catalog.sources for sid in entries)
    unit_sources = {s for f in geo["features"] for s in f["properties"]["sources"]}
    assert unit_sources <= set(entries)
    assert client.get("/api/export/table/nosuch.csv").status_code == 404


def test_sweeps_and_anchors_panels(client: httpx.Client) -> None:
    listed = client.get("/api/sweeps").json()
    assert [f["name"] for f in listed["files"]] == ["demo.parquet", "gap-sweep/results.parquet"]
    assert client.get("/api/sweeps/gap-sweep/results.parquet").json()["total_rows"] == 7
    assert client.get("/api/sweeps/../demo.parquet").status_code == 404
    table = client.get("/api/sweeps/demo.parquet", params={"limit": 5}).json()
    assert table["columns"] == ["i", "x"]
    assert table["total_rows"] == 300 and len(table["rows"]) == 5
    assert client.get("/api/sweeps/other.parquet").status_code == 404
    anchors = client.get("/api/anchors").json()
    assert anchors["available"] == (importlib.util.find_spec("eastflank.anchors") is not None)
    if anchors["available"]:
        from eastflank.anchors import anchor_rows
        from eastflank.catalog import load_catalog
        from eastflank.jsonable import to_jsonable

        assert anchors["result"] == to_jsonable(anchor_rows(load_catalog()))


def test_map_layers(client: httpx.Client) -> None:
    early = client.get("/api/map/units", params={"as_of": "2019-06-01"}).json()
    late = client.get("/api/map/units", params={"as_of": "2026-06-01"}).json()
    assert {f["properties"]["id"] for f in early["features"]} != {
        f["properties"]["id"] for f in late["features"]}
    assert all(len(f["properties"]["sidc"]) == 15 for f in late["features"])
    rings = client.get("/api/map/rings", params={"as_of": "2023-06-30"}).json()
    assert rings["features"] and all(
        f["geometry"]["type"] == "Polygon" for f in rings["features"])
    for basis in ("advertised", "assessed"):
        cover = client.get("/api/map/cover", params={"as_of": "2026-06-01", "basis": basis})
        assert cover.status_code == 200 and cover.json()["basis"] == basis
    gap = client.get("/api/map/gap").json()["features"][0]["properties"]
    assert 60 < gap["distance_km"] < 110
    assert len(client.get("/api/map/basemap").json()["features"]) >= 10
    card = client.get("/api/records/6th-guards-mechanised-brigade").json()
    assert card["sources"]
    assert card["history"][0]["stage"] == "autonomy-2019"


def test_serve_cli_warns_off_loopback(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: calls.append(kw))
    assert main(["serve", "--port", "8765"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["serve", "--host", "0.0.0.0", "--port", "8765"]) == 0
    assert "warning" in capsys.readouterr().err
    assert [c["host"] for c in calls] == ["127.0.0.1", "0.0.0.0"]
    assert main(["serve", "--port", "0"]) == 2
    assert "--port" in capsys.readouterr().err


# -- Host header and the article check's time limit -----------------------------------------
def _api_state(app: Any) -> Any:
    """The app's WebState, under its middleware wrappers."""
    while not hasattr(app, "state"):
        app = app.app
    return app.state.web


def test_ipv6_loopback_host_header_is_accepted(catalog: Catalog) -> None:
    from eastflank.web import create_app

    app = create_app(catalog, trusted_hosts=["127.0.0.1", "localhost", "::1"])
    with live_server(catalog, app=app) as url, httpx.Client(base_url=url, timeout=60) as c:
        assert c.get("/api/meta", headers={"host": "[::1]:8765"}).status_code == 200
        assert c.get("/api/meta", headers={"host": "[::1]"}).status_code == 200
        assert c.get("/api/meta", headers={"host": "[::2]:8765"}).status_code == 400
        assert c.get("/api/meta", headers={"host": "evil.example"}).status_code == 400


def test_a_timed_out_check_leaves_no_busy_worker(catalog: Catalog) -> None:
    from eastflank.web import create_app

    app = create_app(catalog, check_timeout_s=0.05)
    state = _api_state(app)
    text = _seed_000().read_text(encoding="utf-8")
    with live_server(catalog, app=app) as url, httpx.Client(base_url=url, timeout=120) as c:
        r = c.post("/api/check/text", json={"text": text})
        assert r.status_code == 422
        assert "took longer than 0.05 s" in r.json()["detail"]
        assert state.checker.busy_processes() == []  # the worker was terminated
        # the next check starts a fresh worker and, given the time, finishes
        state.check_timeout_s = 120.0
        ok = c.post("/api/check/text", json={"text": "The Western Military District moved "
                                             "troops to Minsk.", "date": "2026-01-10"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["result"]["claims"]
        state.checker.stop()
        assert state.checker.busy_processes() == []
