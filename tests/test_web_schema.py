"""schemathesis over the app's /openapi.json: generated requests, valid and invalid, to every
operation of a live server on 127.0.0.1; none may get a 5xx (a bounded number per operation)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from eastflank.catalog import Catalog
from web_server import live_server

EXAMPLES = 12
"""Generated requests per operation and mode (positive, negative): keeps the run under 2 min."""


STAGE = "war-2022"
SCENARIO = {"scenario": "suwalki-gap-closure"}
VALID: dict[str, dict[str, Any]] = {
    "/api/records/{record_id}": {"path_parameters": {"record_id": "iskander-m"}},
    "/api/tables/{table}": {"path_parameters": {"table": "units"}},
    "/api/command/{stage}": {"path_parameters": {"stage": STAGE}},
    "/api/command-diff": {"query": {"a": "autonomy-2019", "b": STAGE}},
    "/api/warning/{scenario}/parameters": {"path_parameters": SCENARIO},
    "/api/warning/{scenario}/run": {"path_parameters": SCENARIO,
                                    "body": {"stage": STAGE, "samples": 500, "seed": 1}},
    "/api/campaign/{scenario}/parameters": {"path_parameters": SCENARIO},
    "/api/campaign/{scenario}/run": {"path_parameters": SCENARIO,
                                     "body": {"stage": STAGE, "samples": 200, "seed": 1}},
    "/api/export/orbat.geojson": {"query": {"stage": STAGE}},
    "/api/export/orbat.kml": {"query": {"stage": STAGE}},
    "/api/export/table/{table}.csv": {"path_parameters": {"table": "places"}},
}
"""Valid ids for the operations that need one, so that generated requests also reach the
models (random strings only meet the 404 of an unknown id)."""


@pytest.fixture(scope="module")
def base(catalog: Catalog) -> Iterator[str]:
    with live_server(catalog) as url:
        yield url


def test_no_server_error_on_generated_requests(base: str) -> None:
    import schemathesis
    from schemathesis.generation import GenerationMode

    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 20
    strategies = [(mode, op.as_strategy(generation_mode=mode)) for op in operations
                  for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    strategies += [(GenerationMode.POSITIVE, op.as_strategy(**VALID[op.path]))
                   for op in operations if op.path in VALID]
    seen: dict[str, set[int]] = {}
    failures: list[str] = []

    for mode, strategy in strategies:
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=strategy)
        def run(case: schemathesis.Case) -> None:
            response = case.call(base_url=base, timeout=60)
            seen.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> "
                                f"{response.status_code}: {response.text[:200]}")

        try:
            run()
        except Unsatisfiable:
            # An operation without parameters or body has no invalid request to make.
            assert mode is GenerationMode.NEGATIVE
    assert failures == []
    assert len(seen) == len(operations)
    # Every operation that needs an id answered with data at least once.
    assert all(200 in seen[f"{op.method.upper()} {op.path}"] for op in operations
               if op.path in VALID), seen


