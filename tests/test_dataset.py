"""The packaged dataset: coverage minimums, sourcing, dated slices and the data CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eastflank.catalog import Catalog
from eastflank.cli import main

MINIMUMS = {
    "sources": 22,
    "places": 60,
    "units": 40,
    "weapon_systems": 8,
    "command_bodies": 20,
    "events": 20,
}

REQUIRED_BODIES = [
    "russian-president", "russian-general-staff", "western-military-district",
    "moscow-military-district", "leningrad-military-district", "belarusian-president",
    "belarusian-security-council", "belarusian-ministry-of-defence", "belarusian-general-staff",
    "western-operational-command", "north-western-operational-command",
    "regional-grouping-of-forces", "saceur", "jfc-brunssum", "mnc-ne", "mnd-ne",
    "polish-operational-command", "lithuanian-defence-staff",
]

REQUIRED_SYSTEMS = ["iskander-m", "polonez", "tornado-s", "s-300ps", "s-400", "oreshnik"]


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code = main([*argv, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_validate_json_counts_meet_minimums(capsys: pytest.CaptureFixture[str]) -> None:
    result = _json(capsys, "data", "validate")
    assert isinstance(result, dict)
    assert result["ok"] is True
    for kind, minimum in MINIMUMS.items():
        assert result["counts"][kind] >= minimum, kind
    assert result["records_without_source"] == []
    assert result["sources_without_url_or_page"] == []


def test_seeds_are_sources_with_the_right_status(catalog: Catalog) -> None:
    seed = catalog.sources["seed-000-putin-seizes-belarus-army-command"]
    assert seed.status.value == "claimed"
    assert catalog.sources["banasik-2022"].url == "https://doi.org/10.37105/sd.178"
    public = [s for s in catalog.sources.values() if s.kind != "seed" and s.url]
    assert len(public) >= 20


def test_every_record_resolves_to_a_source_with_url_or_page(catalog: Catalog) -> None:
    for rec in catalog.iter_records([k for k in catalog.records if k != "sources"]):
        for sid in rec.sources:
            src = catalog.sources[sid]
            assert src.url or src.page, (rec.id, sid)


def test_claimed_records_rest_on_a_claimed_source_or_say_why(catalog: Catalog) -> None:
    seed = "seed-000-putin-seizes-belarus-army-command"
    for rec in catalog.iter_records([k for k in catalog.records if k != "sources"]):
        if seed in rec.sources and len(rec.sources) == 1:
            assert rec.status.value in ("claimed", "hypothetical"), rec.id


@pytest.mark.parametrize("code", ["BY", "RU", "PL", "LT", "LV", "UA"])
def test_places_cover_each_actor(catalog: Catalog, code: str) -> None:
    assert catalog.select("places", code), code


@pytest.mark.parametrize(("alias", "expected"), [
    ("Grodno", "hrodna"), ("Hrodna", "hrodna"), ("Baranovichi", "baranavichy"),
    ("Osipovichi", "asipovichy"), ("Suwalki", "suwalki"), ("Warszawa", "warsaw"),
    ("Brest", "brest"), ("Vitebsk", "vitsebsk"),
])
def test_aliases_resolve(catalog: Catalog, alias: str, expected: str) -> None:
    assert catalog.resolve(alias, kind="places").id == expected


def test_lookup_is_exact_and_search_is_typo_tolerant(catalog: Catalog) -> None:
    from eastflank.errors import UnknownNameError

    with pytest.raises(UnknownNameError, match="did you mean 'baranavichy'"):
        catalog.resolve("Baranavichi", kind="places")
    assert catalog.find("Baranavichi", kind="places")[0]["id"] == "baranavichy"

    with pytest.raises(UnknownNameError, match="did you mean") as info:
        catalog.resolve("Warsw Centre East", kind="places")
    assert "warsaw" in info.value.suggestions


def test_required_command_bodies_and_systems(catalog: Catalog) -> None:
    for body in REQUIRED_BODIES:
        assert body in catalog.command_bodies, body
    for system in REQUIRED_SYSTEMS:
        assert system in catalog.weapon_systems, system


def test_belarusian_units_as_of_2026(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "data", "list", "units", "--actor", "BY", "--as-of", "2026-01-01")
    assert isinstance(rows, list)
    complete = 0
    for row in rows:
        rec = row["record"]
        assert rec["actor"] == "BY"
        assert row["sources"] and all(s["url"] or s["page"] for s in row["sources"])
        # Unknown garrison or parent is null, and the record says why in its note.
        for key in ("garrison", "parent"):
            assert key in row
            if row[key] is None:
                assert rec["note"], (rec["id"], key)
        if row["garrison"] and row["parent"]:
            assert {"id", "lat", "lon"} <= set(row["garrison"])
            complete += 1
    assert complete >= 15


def test_western_military_district_has_a_sourced_end(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _json(capsys, "data", "show", "western-military-district")
    assert isinstance(shown, dict)
    end = dt.date.fromisoformat(shown["record"]["valid_to"])
    assert dt.date(2024, 2, 1) <= end <= dt.date(2024, 3, 31)
    assert shown["sources"] and shown["sources"][0]["url"]


def test_districts_as_of_2025(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "data", "list", "command-bodies", "--as-of", "2025-01-01")
    assert isinstance(rows, list)
    ids = {r["record"]["id"] for r in rows}
    assert {"moscow-military-district", "leningrad-military-district"} <= ids
    assert "western-military-district" not in ids


def test_as_of_slices_are_consistent(catalog: Catalog) -> None:
    before = catalog.as_of(dt.date(2023, 1, 1))
    after = catalog.as_of(dt.date(2025, 1, 1))
    assert "western-military-district" in before.command_bodies
    assert "moscow-military-district" not in before.command_bodies
    assert "moscow-military-district" in after.command_bodies
    assert all(e.date <= dt.date(2023, 1, 1) for e in before.events.values())


def test_nato_filter_includes_members(catalog: Catalog) -> None:
    nato_units = catalog.select("units", "NATO")
    actors = {u.actor for u in nato_units}
    assert {"PL", "LT"} <= actors
    assert "BY" not in actors and "RU" not in actors


def test_query_and_export(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    result = _json(capsys, "data", "query",
                   "SELECT count(*) AS n FROM units WHERE actor = 'BY'")
    assert isinstance(result, dict)
    assert result["rows"][0]["n"] >= 15
    from pathlib import Path

    target = Path(str(tmp_path)) / "x.duckdb"
    exported = _json(capsys, "data", "export", "--duckdb", str(target))
    assert isinstance(exported, dict)
    assert target.exists() and exported["tables"]["places"] >= 60


def test_sources_command_counts_citations(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "data", "sources")
    assert isinstance(rows, list)
    assert sum(r["cited_by"] for r in rows) > 100
