"""Posture: forces counted once, at the level the data states; Belarusian units follow the
stage's command; Kaliningrad's SAM regiments in the cover."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.campaign.forces import stage_date
from eastflank.campaign.model import campaign_counting, run_campaign
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.cli import main
from eastflank.posture import Counting, order_of_battle, stationed

BLUE = ["PL", "LT", "LV", "DE", "US", "NATO"]
BRANCHES = ["ground", "airborne", "multinational"]
COUNTING = Counting({"brigade": 1.0, "regiment": 1.0, "division": 3.0, "battlegroup": 0.33,
                     "battalion": 0.33}, 4000.0)


@pytest.fixture(scope="module")
def scenario(catalog):
    return load_campaign_scenario("suwalki-gap-closure", catalog)


@pytest.fixture(scope="module")
def war(catalog):
    return catalog.as_of(stage_date("war-2022", catalog).date)


@pytest.fixture(scope="module")
def campaign_json():
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        rc = main(["campaign", "run", "suwalki-gap-closure", "--stage", "war-2022",
                   "--samples", "200", "--seed", "1", "--json"])
    assert rc == 0
    return json.loads(buf.getvalue())


def _ancestors(cat, uid):
    out = []
    p = cat.units[uid].parent
    while p is not None and p in cat.units:
        out.append(p)
        p = cat.units[p].parent
    return out


def test_no_unit_counted_with_an_ancestor(catalog, war, campaign_json):
    for side in ("red_units", "blue_units"):
        ids = {u["unit"] for u in campaign_json[side]}
        assert ids
        for uid in ids:
            assert not set(_ancestors(war, uid)) & ids, (side, uid)


def test_divisions_count_through_their_brigades(campaign_json):
    blue = {u["unit"] for u in campaign_json["blue_units"]}
    skipped = {u["unit"]: u["reason"] for u in campaign_json["blue_skipped"]}
    assert "16th-mechanised-division" not in blue
    assert "counted through" in skipped["16th-mechanised-division"]
    assert {"15th-mechanised-brigade", "20th-mechanised-brigade"} <= blue


def test_nato_forward_battlegroups_counted(campaign_json):
    blue = {u["unit"]: u for u in campaign_json["blue_units"]}
    for bg in ("nato-battlegroup-lithuania", "nato-battlegroup-poland"):
        assert bg in blue
    # personnel given: strength from personnel, with the derivation
    lt = blue["nato-battlegroup-lithuania"]
    assert lt["basis"] == "personnel"
    assert "personnel" in lt["derivation"] and "per brigade equivalent" in lt["derivation"]


def test_brigade_equivalents_and_derivation_in_json(campaign_json):
    assert campaign_json["counting"]["personnel_per_brigade"] > 0
    assert "counts once" in campaign_json["counting"]["rule"]
    for u in campaign_json["red_units"] + campaign_json["blue_units"]:
        assert u["brigades"] > 0 and u["basis"] in ("personnel", "echelon") and u["derivation"]
    assert campaign_json["blue_brigades"] == pytest.approx(
        sum(u["brigades"] for u in campaign_json["blue_units"]))


def test_group_with_personnel_counts(war):
    oob = order_of_battle(war, side="Red", counting=COUNTING, branches=BRANCHES,
                          areas=["BY", "RU-KGD"], actors=["RU", "BY"])
    ur = {u.unit: u for u in oob.counted}["ru-union-resolve-2022-ground-forces"]
    assert ur.basis == "personnel" and ur.brigades == pytest.approx(30000 / 4000)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_adding_a_counted_units_parent_never_changes_strength(war, data):
    """Take any subset of a side's units; add the parent of one counted unit: same strength."""
    pool = sorted(s.unit for s in stationed(war) if s.actor in [*BLUE, "RU", "BY"])
    subset = data.draw(st.sets(st.sampled_from(pool), min_size=1, max_size=12))
    for side, kw in (("Blue", {"actors": BLUE}),
                     ("Red", {"areas": ["BY", "RU-KGD"], "actors": ["RU", "BY"]})):
        base = order_of_battle(war, side=side, counting=COUNTING, branches=BRANCHES,
                               units=subset, **kw)
        with_parent = [c for c in base.counted if c.parent in war.units]
        if not with_parent:
            continue
        child = data.draw(st.sampled_from(with_parent))
        assert child.parent is not None
        more = order_of_battle(war, side=side, counting=COUNTING, branches=BRANCHES,
                               units=subset | {child.parent}, **kw)
        assert more.brigades == pytest.approx(base.brigades)


def test_division_alone_counts_at_its_echelon(war):
    """Without its brigades listed in the scope, a division counts as a division."""
    oob = order_of_battle(war, side="Blue", counting=COUNTING, branches=BRANCHES, actors=BLUE,
                          units={"16th-mechanised-division"})
    assert oob.brigades == pytest.approx(3.0)
    both = order_of_battle(war, side="Blue", counting=COUNTING, branches=BRANCHES, actors=BLUE,
                           units={"16th-mechanised-division", "15th-mechanised-brigade"})
    assert both.brigades == pytest.approx(1.0)


def _red_by_share(catalog, scenario, stage, p):
    bj = scenario.campaign.belarus_joins.model_copy(update={"min": p, "mode": p, "max": p})
    camp = scenario.campaign.model_copy(update={"belarus_joins": bj})
    sc = scenario.model_copy(update={"campaign": camp})
    return run_campaign(sc, catalog, stage_date(stage, catalog), samples=200, seed=5,
                        warning_hours=[24.0])


def test_minsk_decides_at_autonomy_2019(catalog, scenario):
    never = _red_by_share(catalog, scenario, "autonomy-2019", 0.0)
    by = [u for u in never.red_units if u.actor == "BY"]
    assert by, "Belarusian ground units expected on the Red side's scope"
    assert all(never.belarus_fights[u.unit] == "minsk" for u in by)
    assert never.belarus_joined_share == 0.0
    always = _red_by_share(catalog, scenario, "autonomy-2019", 1.0)
    assert always.belarus_joined_share == 1.0
    # without Belarus, Red is weaker on day 1 in the median
    assert never.red_brigades_median[0] < always.red_brigades_median[0]


def test_moscow_commands_belarusian_units_in_2026(catalog, scenario):
    r = _red_by_share(catalog, scenario, "subordination-2026", 0.0)
    assert r.belarus_fights and set(r.belarus_fights.values()) == {"moscow"}
    assert r.belarus_joined_share is None


def test_force_ratio_has_no_day_zero(catalog, scenario):
    r = run_campaign(scenario, catalog, stage_date("war-2022", catalog), samples=100, seed=2,
                     warning_hours=[0.0])
    assert r.force_ratio_days[0] == 1.0
    assert len(r.force_ratio_p10) == len(r.force_ratio_p90) == len(r.force_ratio_days)


def test_counting_matches_scenario(scenario):
    c = campaign_counting(scenario)
    assert c.personnel_per_brigade == scenario.campaign.echelon_weights.personnel_per_brigade


def test_cover_2019_reaches_lithuania_and_poland_from_kaliningrad(capsys):
    assert main(["reach", "cover", "--stage", "autonomy-2019", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    kgd = [s for s in out["sites"] if s["area"] == "RU-KGD"]
    assert {s["system"] for s in kgd} == {"s-400"}
    for s in kgd:
        assert s["sources"] and s["unit_name"]
    share = {(r["territory"], r["target_altitude_m"]): r["share"] for r in out["rows"]}
    assert share[("LT", 10000.0)] > 0.5
    assert share[("PL", 10000.0)] > 0.05


def test_probability_above_one_is_a_clear_error(tmp_path, capsys):
    from eastflank.campaign.scenario import campaign_scenario_path

    text = campaign_scenario_path("suwalki-gap-closure").read_text(encoding="utf-8")
    bad = text.replace("  belarus_joins:\n    min: 0.1\n    mode: 0.5\n    max: 0.9",
                       "  belarus_joins:\n    min: 0.1\n    mode: 0.5\n    max: 1.5")
    assert bad != text
    path = tmp_path / "bad.campaign.yaml"
    path.write_text(bad, encoding="utf-8")
    assert main(["campaign", "run", str(path), "--stage", "war-2022", "--samples", "10",
                 "--warning", "scenario"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "belarus_joins" in err[0] and "probability" in err[0]
