"""The gap campaign: reproducibility, sources, warning input, laws and the CLI."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.campaign.forces import stage_date
from eastflank.campaign.lanchester import AttritionLaw, daily_losses, integrate
from eastflank.campaign.model import run_campaign
from eastflank.campaign.scenario import load_campaign_scenario
from eastflank.cli import main
from eastflank.errors import ModelInputError


@pytest.fixture(scope="module")
def scenario(catalog):
    return load_campaign_scenario("suwalki-gap-closure", catalog)


def test_same_seed_same_result(catalog, scenario):
    st_ = stage_date("subordination-2026", catalog)
    a = run_campaign(scenario, catalog, st_, samples=300, seed=11)
    b = run_campaign(scenario, catalog, st_, samples=300, seed=11)
    c = run_campaign(scenario, catalog, st_, samples=300, seed=12)
    assert a == b
    assert a.seed == 11
    assert (a.force_ratio_median, a.p_closed_before_reinforcement) != (
        c.force_ratio_median, c.p_closed_before_reinforcement) or a.inputs == c.inputs


def test_more_warning_never_helps_the_attacker(catalog, scenario):
    st_ = stage_date("subordination-2026", catalog)
    short = run_campaign(scenario, catalog, st_, samples=400, seed=3, warning_hours=[0.0])
    long = run_campaign(scenario, catalog, st_, samples=400, seed=3, warning_hours=[500.0])
    assert long.p_closed_before_reinforcement <= short.p_closed_before_reinforcement
    assert long.warning_from.startswith("given")


def test_inputs_carry_sources_or_reasoning(catalog, scenario):
    r = run_campaign(scenario, catalog, stage_date("war-2022", catalog), samples=50, seed=1)
    assert r.inputs
    for rec in r.inputs:
        assert rec.sources or (rec.status == "hypothetical" and rec.note)
    assert all(s in catalog.sources for s in r.sources)
    assert "scenario assumption" in r.warning_from


def test_bad_samples_and_warning(catalog, scenario):
    st_ = stage_date("war-2022", catalog)
    with pytest.raises(ModelInputError, match="samples"):
        run_campaign(scenario, catalog, st_, samples=0)
    with pytest.raises(ModelInputError, match="warning_hours"):
        run_campaign(scenario, catalog, st_, samples=10, warning_hours=[-1.0])


@settings(max_examples=30, deadline=None)
@given(st.floats(1.0, 1e5), st.floats(1.0, 1e5), st.floats(0.0, 2.0), st.floats(0.0, 2.0))
def test_losses_grow_with_the_enemy_force(b, r, p, q):
    law = AttritionLaw(1e-3, 2e-3, p, q)
    db1, _ = daily_losses(law, b, r)
    db2, _ = daily_losses(law, b, 2 * r)
    assert db2 >= db1


def test_square_law_conserves_lanchester_invariant():
    law = AttritionLaw.of("square", a=0.02, b=0.01)
    tr = integrate(law, 1000.0, 800.0, 10.0)
    inv = law.b * tr.blue**2 - law.a * tr.red**2
    assert np.allclose(inv, inv[0], rtol=1e-6)


def test_unknown_law_and_missing_exponents():
    with pytest.raises(ModelInputError, match="unknown attrition law"):
        AttritionLaw.of("cubic", 1.0, 1.0)
    with pytest.raises(ModelInputError, match="exponents p and q"):
        AttritionLaw.of("general", 1.0, 1.0)


def test_cli_run_json_reproducible(capsys):
    args = ["campaign", "run", "suwalki-gap-closure", "--stage", "subordination-2026",
            "--samples", "200", "--seed", "5", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert first == second
    assert 0.0 <= first["p_closed_before_reinforcement"] <= 1.0
    assert first["sources"] and first["inputs"]


def test_cli_run_unknown_scenario_and_stage(capsys):
    assert main(["campaign", "run", "suwalki-gap", "--stage", "war-2022"]) == 2
    assert "unknown campaign scenario" in capsys.readouterr().err
    assert main(["campaign", "run", "suwalki-gap-closure", "--stage", "war-2030"]) == 2
    assert "stage" in capsys.readouterr().err


def test_cli_fit_bad_csv_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("day,blue,red,blue_lost,red_lost\n1,100,90,5,x\n", encoding="utf-8")
    assert main(["campaign", "fit", str(bad), "--law", "general"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "bad.csv:2" in err and "red_lost" in err
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["campaign", "fit", str(odd)]) == 2
    assert "no known daily battle shape" in capsys.readouterr().err


def test_cli_fit_generic_csv_recovers_a_known_law(tmp_path, capsys):
    law = AttritionLaw.of("general", a=3e-3, b=2e-3, p=0.6, q=0.5)
    blue, red = 20000.0, 15000.0
    lines = ["day,blue,red,blue_lost,red_lost"]
    rng = np.random.default_rng(0)
    for day in range(1, 31):
        db, dr = daily_losses(law, blue, red)
        noise = rng.lognormal(0, 0.02, 2)
        lines.append(f"{day},{blue},{red},{float(db) * noise[0]},{float(dr) * noise[1]}")
        blue += 500 - float(db) * noise[0]
        red += 300 * (day % 3) - float(dr) * noise[1]
    path = tmp_path / "daily.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["campaign", "fit", str(path), "--law", "general", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["p"] == pytest.approx(0.6, abs=0.15)
    assert out["q"] == pytest.approx(0.5, abs=0.15)


def test_cli_run_with_warning_model_and_scenario_assumption(capsys):
    base = ["campaign", "run", "suwalki-gap-closure", "--stage", "war-2022", "--samples",
            "200", "--seed", "2", "--json"]
    assert main([*base, "--warning", "model"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert model["warning_from"].startswith("warning model")
    assert main([*base, "--warning", "scenario"]) == 0
    stated = json.loads(capsys.readouterr().out)
    assert stated["warning_from"].startswith("scenario assumption")
    assert main([*base, "--warning", "guess"]) == 2
    assert "--warning" in capsys.readouterr().err


@pytest.mark.parametrize(("old", "new", "field"), [
    ("  blue_readiness_hours:\n    forward:", "  blue_readiness_hours:\n    foward:",
     "campaign.blue_readiness_hours.foward"),
    ("  blue_commit_share:\n    forward:", "  blue_commit_share:\n    fowrard:",
     "campaign.blue_commit_share.fowrard"),
])
def test_a_misspelt_map_key_is_a_one_line_error_with_file_and_line(tmp_path, capsys, catalog,
                                                                   old, new, field):
    from eastflank.catalog import data_dir
    from eastflank.errors import ScenarioError

    text = (data_dir() / "scenarios" / "suwalki-gap-closure.campaign.yaml").read_text()
    assert old in text
    bad = tmp_path / "bad.campaign.yaml"
    bad.write_text(text.replace(old, new, 1))
    line = text[: text.index(old)].count("\n") + 2  # the line of the map's first key
    with pytest.raises(ScenarioError) as err:
        load_campaign_scenario(bad, catalog)
    assert err.value.field == field
    assert err.value.line == line
    assert main(["campaign", "run", str(bad), "--stage", "war-2022"]) == 2
    msg = capsys.readouterr().err.strip()
    assert len(msg.splitlines()) == 1
    assert f"{bad}:{line}" in msg and field in msg and "did you mean 'forward'" in msg


def test_a_warning_hours_key_naming_no_stage_is_refused(tmp_path, catalog):
    from eastflank.catalog import data_dir
    from eastflank.errors import ScenarioError

    text = (data_dir() / "scenarios" / "suwalki-gap-closure.campaign.yaml").read_text()
    bad = tmp_path / "bad.campaign.yaml"
    bad.write_text(text.replace("    autonomy-2019:\n", "    autonomy-2091:\n", 1))
    sc = load_campaign_scenario(bad, catalog)  # the stage being run is not known yet
    with pytest.raises(ScenarioError, match="did you mean 'autonomy-2019'") as err:
        run_campaign(sc, catalog, stage_date("war-2022", catalog), samples=10, seed=1)
    assert err.value.field == "campaign.warning_hours.autonomy-2091"
    assert err.value.line is not None
