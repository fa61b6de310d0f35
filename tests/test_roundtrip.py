"""Property: random valid records survive YAML -> schema -> DuckDB -> schema unchanged."""

from __future__ import annotations

import datetime as dt
import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.catalog import KINDS, Catalog
from eastflank.errors import DataError
from eastflank.export import read_duckdb, write_duckdb
from eastflank.schema import Event, Figure, Place, Source, Status, Unit, WeaponSystem
from eastflank.yamlio import load_records

ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
text = st.text(alphabet=string.ascii_letters + " -'ąłżČšŭ", min_size=1, max_size=20).map(
    lambda s: s.strip() or "x"
)
statuses = st.sampled_from(list(Status))
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
source_ids = st.lists(ids, min_size=1, max_size=3, unique=True)
floats = st.floats(min_value=0.5, max_value=5000, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def figures(draw: st.DrawFn) -> list[Figure]:
    n = draw(st.integers(0, 2))
    return [
        Figure(quantity="personnel", value=draw(floats), sources=draw(source_ids),
               status=draw(statuses), preferred=(i == 0), note="why" if i == 0 else None)
        for i in range(n)
    ]


@st.composite
def common(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.none() | dates)
    end = draw(st.none() | dates)
    if start and end and end < start:
        start, end = end, start
    return {
        "id": draw(ids), "name": draw(text), "aliases": draw(st.lists(text, max_size=3)),
        "status": draw(statuses), "sources": draw(source_ids), "valid_from": start,
        "valid_to": end, "figures": draw(figures()), "note": draw(st.none() | text),
    }


places = st.builds(
    lambda c, lat, lon, kind: Place(**c, country="BY", kind=kind, lat=lat, lon=lon),
    common(), st.floats(-90, 90).map(lambda x: round(x, 5)),
    st.floats(-180, 180).map(lambda x: round(x, 5)),
    st.sampled_from(["city", "air-base", "garrison", "tripoint"]),
)
units = st.builds(
    lambda c, pers, eq, ws: Unit(**c, actor="RU", branch="ground", echelon="brigade",
                                 personnel=pers, equipment=eq, weapon_systems=ws),
    common(), st.none() | st.integers(0, 100_000),
    st.dictionaries(text, st.integers(0, 500), max_size=3), st.lists(ids, max_size=2),
)
systems = st.builds(
    lambda c, r, nuc: WeaponSystem(**c, kind="ballistic-missile", origin="RU", range_km=r,
                                   nuclear_capable=nuc),
    common(), st.none() | floats, st.none() | st.booleans(),
)
events = st.builds(
    lambda c, d: Event(**c, kind="exercise", date=d, summary="s"), common(), dates,
)
sources = st.builds(
    lambda i, t, y, u: Source(id=i, title=t, publisher="P", year=y, url=u),
    ids, text, st.integers(1990, 2030), st.just("https://example.org/x"),
)


def _roundtrip(kind: str, record: Any) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.yaml"
        path.write_text(
            yaml.safe_dump([record.model_dump(mode="json", exclude_defaults=True)],
                           allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        ((loaded, _),) = load_records(path, type(record), DataError)
        assert loaded == record
        records: dict[str, dict[str, Any]] = {k: {} for k in KINDS}
        records[kind][loaded.id] = loaded
        db = Path(tmp) / "x.duckdb"
        write_duckdb(Catalog(records), db)
        (back,) = read_duckdb(db, kind)
        return back


@settings(max_examples=40, deadline=None)
@given(st.one_of(
    places.map(lambda r: ("places", r)),
    units.map(lambda r: ("units", r)),
    systems.map(lambda r: ("weapon_systems", r)),
    events.map(lambda r: ("events", r)),
    sources.map(lambda r: ("sources", r)),
))
def test_yaml_schema_duckdb_roundtrip(kind_record: tuple[str, Any]) -> None:
    kind, record = kind_record
    assert _roundtrip(kind, record) == record


@pytest.mark.parametrize("name", ["Nan", "Infinity", "INF", "-inf"])
def test_a_name_that_float_would_read_is_kept_as_a_name(name: str) -> None:
    place = Place(id="p", name=name, status=Status.REPORTED, sources=["s"], country="BY",
                  kind="city", lat=53.9, lon=27.5)
    assert _roundtrip("places", place) == place


@pytest.mark.parametrize("value", ["inf", "'nan'", "'-Infinity'", ".inf"])
def test_a_figure_value_that_reads_as_a_non_finite_number_is_refused(tmp_path: Path,
                                                                     value: str) -> None:
    path = tmp_path / "u.yaml"
    path.write_text(f"- {{id: u, name: U, status: reported, sources: [s], actor: RU, branch: "
                    f"ground, echelon: brigade, figures: [{{quantity: personnel, value: {value}, "
                    f"sources: [s], status: reported}}]}}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"figures\.0\.value|finite"):
        load_records(path, Unit, DataError)


def test_a_figure_kind_outside_the_four_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "u.yaml"
    path.write_text("- {id: u, name: U, status: reported, sources: [s], actor: RU, branch: "
                    "ground, echelon: brigade, figures: [{quantity: personnel, value: 10, "
                    "sources: [s], status: reported, kind: guess}]}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_records(path, Unit, DataError)
    message = str(err.value)
    assert "u.yaml" in message and "figures.0.kind" in message and "official" in message
