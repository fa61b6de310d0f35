"""The campaign starts from the warning model's joint samples: one timeline."""

from __future__ import annotations

import numpy as np

from eastflank.campaign.forces import place_point, stage_date
from eastflank.campaign.model import model_warning_hours, run_campaign
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.campaign.timeline import blue_lead_hours, moved_red_units
from eastflank.catalog import Catalog

STAGE = "subordination-2026"


def test_campaign_uses_the_joint_sample_of_its_seed(catalog: Catalog) -> None:
    sc = load_campaign_scenario("suwalki-gap-closure", catalog)
    when = stage_date(STAGE, catalog)
    j1, label = model_warning_hours(catalog, sc.id, when.stage, 400, 5)
    j2, _ = model_warning_hours(catalog, sc.id, when.stage, 400, 5)
    np.testing.assert_array_equal(j1.decision_margin_h, j2.decision_margin_h)
    a = run_campaign(sc, catalog, when, samples=400, seed=5, warning_hours=j1,
                     warning_label=label)
    b = run_campaign(sc, catalog, when, samples=400, seed=5, warning_hours=j2,
                     warning_label=label)
    assert a == b
    # Blue's lead is the decision margin where positive, else 0, sample by sample
    lead = blue_lead_hours(j1, 400)
    m = j1.decision_margin_h
    assert np.all(lead >= 0)
    assert np.array_equal(lead > 0, np.isfinite(m) & (m > 0))
    assert a.blue_lead_hours_quantiles["p90"] == float(np.percentile(lead, 90))


def test_red_units_the_warning_model_moved_start_from_their_jump_off(catalog: Catalog) -> None:
    sc = load_campaign_scenario("suwalki-gap-closure", catalog)
    when = stage_date(STAGE, catalog)
    cat = catalog.as_of(when.date)
    joint, label = model_warning_hours(catalog, sc.id, when.stage, 200, 1)
    objective = place_point(cat.places[sc.campaign.objective_place])
    moved = moved_red_units(joint, cat, list(joint.units), objective)
    # every force's own unit is moved to its jump-off
    assert set(moved) == set(joint.units)
    for u, f, jump in zip(joint.units, joint.forces, joint.jump_off_places, strict=True):
        assert moved[u].force == f and moved[u].jump_off == jump
    # the 11th brigade marches from Hrodna, not from its garrison at Slonim
    far = moved_red_units(joint, cat, ["11th-guards-mechanised-brigade"], objective)
    hrodna = moved_red_units(joint, cat, ["6th-guards-mechanised-brigade"], objective)
    assert far["11th-guards-mechanised-brigade"].distance_km == \
        hrodna["6th-guards-mechanised-brigade"].distance_km
    res = run_campaign(sc, catalog, when, samples=200, seed=1, warning_hours=joint,
                       warning_label=label)
    red_ids = {u.unit for u in res.red_units}
    moved_counted = red_ids & set(moved)
    assert moved_counted, "the campaign should count some force the warning model moved"
    assert any("start from their jump-offs" in n for n in res.notes)
    # a subordinate of a moved unit is moved with it
    # (the 18th Division sits under the 11th Army Corps in the dataset)
    got = moved_red_units(joint, cat, ["18th-guards-motor-rifle-division"], objective)
    assert got["18th-guards-motor-rifle-division"].force_unit == "11th-army-corps"


def test_warning_forces_outside_the_red_areas_are_listed(catalog: Catalog) -> None:
    sc = load_campaign_scenario("suwalki-gap-closure", catalog)
    when = stage_date("autonomy-2019", catalog)
    joint, label = model_warning_hours(catalog, sc.id, when.stage, 200, 1)
    res = run_campaign(sc, catalog, when, samples=200, seed=1, warning_hours=joint,
                       warning_label=label)
    # the 144th Division comes by rail from Russia proper at this stage
    (note,) = [n for n in res.notes if n.startswith("Warning-model forces not among")]
    assert "144th-guards-motor-rifle-division" in note
