"""Property: every dataset, stage and scenario file either loads or raises the project's input
error of its kind (never another exception, never a hang).

Examples come from :mod:`fuzz_strategies`: the packaged documents mutated (wrong types, unknown
keys, huge, infinite and NaN numbers, impossible dates, deep nesting, anchors and aliases,
self-reference, other encodings, truncation) and hand-written YAML attacks. Each example runs
under an alarm so that a hang fails the test instead of blocking the suite.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.catalog import Catalog, data_dir, load_catalog
from eastflank.errors import DataError, ScenarioError, StageError
from eastflank.scenario import load_scenario
from eastflank.stages import load_stage
from eastflank.yamlio import read_yaml
from fuzz_strategies import (
    campaign_scenario_texts,
    dataset_records,
    dump,
    fuzz_settings,
    hostile_yaml,
    loads_or_refuses,
    record_files,
    record_kinds,
    scenario_texts,
    stage_texts,
    yaml_bytes,
)

FUZZ = fuzz_settings(60)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-yaml")


@pytest.fixture(scope="module")
def small_dataset(workdir: Path) -> Path:
    """A dataset with the packaged sources, actors and places (what records refer to)."""
    root = workdir / "base"
    for kind in ("sources", "actors", "places", "command_bodies"):
        shutil.copytree(data_dir() / kind, root / kind)
    return root


@given(data=st.one_of(hostile_yaml.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      hostile_yaml.flatmap(yaml_bytes), st.binary(max_size=300)))
@FUZZ
def test_read_yaml_loads_or_refuses(workdir: Path, data: bytes) -> None:
    path = workdir / "doc.yaml"
    path.write_bytes(data)
    for error in (DataError, StageError, ScenarioError):
        loads_or_refuses(lambda e=error: read_yaml(path, e), error)  # type: ignore[misc]


@pytest.mark.parametrize("kind", record_kinds())
@given(data=st.data())
@fuzz_settings(10)
def test_dataset_file_loads_or_refuses(small_dataset: Path, workdir: Path, kind: str,
                                       data: st.DataObject) -> None:
    """A mutated dataset file, loaded with the small dataset it refers to.

    Ten fixed examples per kind (each loads the small dataset, about 0.7 s with its sources):
    ``make fuzz`` and ``EASTFLANK_FUZZ_SCALE`` run many more."""
    root = workdir / f"ds-{kind}"
    if not root.exists():
        shutil.copytree(small_dataset, root)
        (root / kind).mkdir(exist_ok=True)
    name = data.draw(st.sampled_from(["fuzz.yaml", "fuzz.yml"]))
    for old in (root / kind).glob("fuzz.*"):
        old.unlink()
    (root / kind / name).write_bytes(data.draw(record_files(kind)))
    loads_or_refuses(lambda: load_catalog(root=root), DataError)


@given(records=st.data())
@fuzz_settings(10)
def test_extra_dataset_over_packaged_loads_or_refuses(workdir: Path,
                                                      records: st.DataObject) -> None:
    """A user's extra folder of mutated units on top of the packaged dataset."""
    root = workdir / "extra"
    (root / "units").mkdir(parents=True, exist_ok=True)
    recs = records.draw(dataset_records("units"))
    (root / "units" / "fuzz.yaml").write_bytes(records.draw(yaml_bytes(dump(recs))))
    loads_or_refuses(lambda: load_catalog(extra=[root]), DataError)


@given(data=stage_texts())
@FUZZ
def test_stage_file_loads_or_refuses(catalog: Catalog, workdir: Path, data: bytes) -> None:
    path = workdir / "stage.yaml"
    path.write_bytes(data)
    loads_or_refuses(lambda: load_stage(path, catalog), StageError)


@given(data=scenario_texts())
@FUZZ
def test_scenario_file_loads_or_refuses(catalog: Catalog, workdir: Path, data: bytes) -> None:
    path = workdir / "scenario.yaml"
    path.write_bytes(data)
    loads_or_refuses(lambda: load_scenario(path, catalog), ScenarioError)


@given(data=campaign_scenario_texts())
@FUZZ
def test_campaign_scenario_file_loads_or_refuses(catalog: Catalog, workdir: Path,
                                                 data: bytes) -> None:
    path = workdir / "fuzz.campaign.yaml"
    path.write_bytes(data)
    loads_or_refuses(lambda: load_campaign_scenario(path, catalog), ScenarioError)


@pytest.mark.parametrize("kind", record_kinds())
def test_unmutated_records_load(workdir: Path, kind: str) -> None:
    """The fuzzers start from valid input: packaged records, dumped again under new ids, load
    beside the packaged dataset."""
    from fuzz_strategies import _records, fresh_id

    root = workdir / f"plain-{kind}"
    (root / kind).mkdir(parents=True)
    recs = [dict(r, id=fresh_id(kind, r["id"], i)) for i, r in enumerate(_records()[kind][:3])]
    if kind == "posts":
        # a copy of a term in an office one person holds at a time would overlap the original
        # (the loader rejects that): the copies are of an office several people hold at once
        recs = [dict(r, office="spokesperson", body=None) for r in recs]
    (root / kind / "fuzz.yml").write_text(dump(recs), encoding="utf-8")
    cat = load_catalog(extra=[root])
    assert all(cat.kind_of(r["id"]) == kind for r in recs)


@pytest.mark.parametrize(("pattern", "load"), [
    ("stages/*.yaml", load_stage), ("scenarios/*e.yaml", load_scenario),
    ("scenarios/*.campaign.yaml", load_campaign_scenario)])
def test_unmutated_documents_load(catalog: Catalog, workdir: Path, pattern: str,
                                  load: Callable[..., Any]) -> None:
    import yaml

    for i, src in enumerate(sorted(data_dir().glob(pattern))):
        path = workdir / f"plain-{i}{''.join(src.suffixes)}"
        path.write_text(dump(yaml.safe_load(src.read_text("utf-8"))), encoding="utf-8")
        assert load(path, catalog).id == src.name.split(".")[0]
