"""The campaign's invariants over every shipped scenario and stage; markers read posture;
the Wagner contingent's strength by date."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from eastflank.campaign.forces import stage_date
from eastflank.campaign.model import CampaignResult, run_campaign
from eastflank.campaign.scenario import list_campaign_scenarios, load_campaign_scenario
from eastflank.catalog import Catalog
from eastflank.geo.maps import markers_from_catalog
from eastflank.posture import personnel_of, stationed
from eastflank.stages import list_stages

SCENARIOS = list_campaign_scenarios()
STAGES = list_stages()
# a fixed warning for stages a scenario states no warning for, so every stage is exercised
FALLBACK_WARNING = [0.0, 24.0, 168.0]


def test_every_scenario_and_stage_is_listed() -> None:
    assert {"suwalki-gap-closure", "rand-2016-baltics", "rand-2016-seven-brigades",
            "wargame-2025-suwalki"} <= set(SCENARIOS)
    assert {"autonomy-2019", "regional-grouping-2021", "war-2022", "nuclear-2023",
            "subordination-2026"} <= set(STAGES)


def _check(res: CampaignResult, catalog: Catalog, stated_red: bool, stated_blue: bool,
           horizon_h: float) -> None:
    where = f"{res.scenario} @ {res.stage}"
    # probabilities
    for name in ("p_closed_before_reinforcement", "p_closed_within_horizon"):
        p = getattr(res, name)
        assert 0.0 <= p <= 1.0, f"{where}: {name} = {p}"
    assert res.p_closed_before_reinforcement <= res.p_closed_within_horizon + 1e-12, where
    assert res.p_closed_before_reinforcement_stderr >= 0.0, where
    if res.belarus_joined_share is not None:
        assert 0.0 <= res.belarus_joined_share <= 1.0, where
    for share in res.force_ratio_share_defined:
        assert 0.0 <= share <= 1.0, where
    # no negative times or distances
    assert res.gap_km > 0 and res.advance_km > 0, where
    for qs in (res.closure_hours_quantiles, res.reinforcement_hours_quantiles,
               res.blue_lead_hours_quantiles):
        vals = [v for v in qs.values() if v is not None]
        assert all(v >= 0 and math.isfinite(v) for v in vals), f"{where}: {qs}"
        assert vals == sorted(vals), f"{where}: quantiles out of order {qs}"
    closed = res.closure_hours_quantiles["p90"]
    if closed is not None:
        assert closed <= horizon_h, f"{where}: closure after the horizon"
    for series in (res.force_ratio_median, res.force_ratio_p10, res.force_ratio_p90):
        assert all(v is None or v >= 0 for v in series), where
    assert all(v >= 0 for v in res.red_brigades_median + res.blue_brigades_median), where
    # forces: positive, counted once, each with its derivation
    assert res.red_brigades > 0 or stated_red, f"{where}: no Red force"
    assert res.blue_brigades > 0 or stated_blue, f"{where}: no Blue force"
    assert max([*res.red_brigades_median, 0.0]) > 0, f"{where}: Red never in the sector"
    assert max([*res.blue_brigades_median, 0.0]) > 0, f"{where}: Blue never in the sector"
    units = [u.unit for u in res.red_units + res.blue_units]
    assert len(units) == len(set(units)), f"{where}: a unit counted twice"
    slice_ = catalog.as_of(dt.date.fromisoformat(res.date))
    for side, counted, total in (("Red", res.red_units, res.red_brigades),
                                 ("Blue", res.blue_units, res.blue_brigades)):
        assert total == pytest.approx(sum(u.brigades for u in counted)), f"{where} {side}"
        for u in counted:
            assert u.unit in slice_.units, f"{where}: {u.unit} not in the slice"
            assert u.brigades > 0, f"{where}: {u.unit} counts {u.brigades}"
            assert u.basis in ("personnel", "echelon"), f"{where}: {u.unit} basis {u.basis}"
            assert u.derivation.strip(), f"{where}: {u.unit} has no derivation"
            assert u.basis in u.derivation, f"{where}: {u.unit}: {u.derivation}"
            assert u.distance_km is None or u.distance_km >= 0, where
    for k in res.red_skipped + res.blue_skipped:
        assert k.reason.strip(), f"{where}: {k.unit} skipped without a reason"
    for rec in res.inputs:
        assert 0 <= rec.min <= rec.mode <= rec.max, f"{where}: {rec.field}"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_campaign_invariants_hold_for_every_stage(catalog: Catalog, scenario: str) -> None:
    sc = load_campaign_scenario(scenario, catalog)
    stated_red = bool(sc.campaign.red_forces)
    stated_blue = bool(sc.campaign.external_reinforcements)
    ran = 0
    for stage in STAGES:
        when = stage_date(stage, catalog)
        warning = None if stage in sc.campaign.warning_hours else FALLBACK_WARNING
        res = run_campaign(sc, catalog, when, samples=200, seed=3, warning_hours=warning,
                           warning_label=None if warning is None else "test fallback")
        _check(res, catalog, stated_red, stated_blue, 24 * sc.campaign.horizon_days)
        ran += 1
    assert ran == len(STAGES)


def test_garrison_markers_are_posture_garrisons(catalog: Catalog) -> None:
    for day in (dt.date(2019, 6, 1), dt.date(2026, 6, 1)):
        view = catalog.as_of(day)
        squares = {m.point.place for m in markers_from_catalog(view) if m.garrison}
        garrisons = {s.garrison for s in stationed(view) if s.garrison is not None}
        assert squares == garrisons
        # a foreign unit colours its garrison (Russian units in Belarus drawn as RU)
        colour = {m.point.place: m.actor for m in markers_from_catalog(view)}
        for s in stationed(view):
            if s.garrison is not None and s.actor != view.places[s.garrison].country:
                assert colour[s.garrison] != view.places[s.garrison].country


def test_wagner_strength_by_date_and_absent_in_2026(catalog: Catalog) -> None:
    unit = catalog.units["wagner-group-in-belarus"]
    assert personnel_of(unit, dt.date(2023, 8, 15))[0] == 5000
    assert personnel_of(unit, dt.date(2023, 10, 1))[0] == 1000
    assert "wagner-group-in-belarus" in catalog.as_of(dt.date(2023, 8, 15)).units
    assert "wagner-group-in-belarus" not in catalog.as_of(dt.date(2026, 6, 1)).units
