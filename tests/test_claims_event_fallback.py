"""An event claim the recorded events say nothing of falls back to the relation resolver."""

from __future__ import annotations

import datetime as dt

from eastflank.catalog import Catalog
from eastflank.claims import check_text

HANDED = ("The Iskander-M operational-tactical missile system was handed over to the Armed "
          "Forces of {} in December 2022.")


def test_a_handover_is_decided_by_the_systems_operator(catalog: Catalog) -> None:
    (claim,) = [c for c in check_text(HANDED.format("Belarus"), catalog,
                                      dt.date(2023, 4, 5)).claims if c.kind == "event"]
    assert claim.verdict == "supported"
    assert "operator" in claim.explanation and claim.evidence[0].sources


def test_a_handover_to_a_state_that_does_not_operate_it_is_not_supported(
        catalog: Catalog) -> None:
    (claim,) = [c for c in check_text(HANDED.format("Latvia"), catalog,
                                      dt.date(2023, 4, 5)).claims if c.kind == "event"]
    assert claim.verdict == "unverifiable"
