"""The warning-time model: built-in scenarios, determinism, agreement with the SimPy
reference and with the command module's latency sampler, the verdict, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy.stats import ks_2samp

from eastflank.catalog import Catalog
from eastflank.command import order_chain, sample_latency
from eastflank.errors import ScenarioError, UnknownNameError
from eastflank.scenario import DEFAULT_OPTIONS, list_scenarios, load_scenario, scenario_path
from eastflank.stages import list_stages, load_stage
from eastflank.warning import (
    _fmt,
    compare_stages,
    compile_plan,
    explain_stage,
    plot_cdf,
    run_warning,
    simulate,
)
from eastflank.warning_ref import simulate_ref, triangular_inverse

STAGES = list_stages()


def test_builtin_scenarios_are_listed_without_campaign_files() -> None:
    names = list_scenarios()
    assert "suwalki-gap-closure" in names
    assert "northern-front-ukraine" in names
    assert not any(n.endswith(".campaign") for n in names)


@pytest.mark.parametrize("name", ["suwalki-gap-closure", "northern-front-ukraine"])
@pytest.mark.parametrize("stage", STAGES)
def test_every_builtin_scenario_runs_at_every_stage(catalog: Catalog, name: str,
                                                    stage: str) -> None:
    r = run_warning(load_scenario(name, catalog), stage, catalog, samples=4000, seed=3)
    assert r.seed == 3
    assert r.samples == 4000
    assert r.warning.p5_h <= r.warning.p50_h <= r.warning.p95_h
    assert 0.0 <= r.p_no_warning <= 1.0
    assert sum(d.share for d in r.first_indicator) == pytest.approx(1.0)
    assert sum(d.share for d in r.last_force) == pytest.approx(1.0)
    # no warning can exceed the time to attack-ready
    assert r.warning.p95_h <= r.ready.p95_h + 1e-6


def test_same_seed_same_arrays_other_seed_other_arrays(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage("autonomy-2019", catalog), catalog)
    a, b, c = simulate(plan, 5000, 11), simulate(plan, 5000, 11), simulate(plan, 5000, 12)
    assert np.array_equal(a.warning_h, b.warning_h)
    assert np.array_equal(a.first_indicator, b.first_indicator)
    assert not np.array_equal(a.warning_h, c.warning_h)
    # the chunking does not change the samples
    d = simulate(plan, 5000, 11, chunk=777)
    np.testing.assert_allclose(a.warning_h, d.warning_h)


def test_fresh_seed_is_recorded_and_replays(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage("subordination-2026", catalog), catalog)
    first = simulate(plan, 2000, None)
    again = simulate(plan, 2000, first.seed)
    assert np.array_equal(first.ready_h, again.ready_h)


def test_order_latency_matches_command_sample_latency(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    stage = load_stage("autonomy-2019", catalog)
    # orders as given, consents requested after the decision: the chain's own latency
    plan = compile_plan(sc, stage, catalog, options=DEFAULT_OPTIONS)
    s = simulate(plan, 20_000, 5, detail=True)
    assert s.force_order_h is not None
    j = [f.id for f in plan.forces].index("hrodna-brigade")
    chain = order_chain(stage, catalog, "russian-president", "6th-guards-mechanised-brigade",
                        "move")
    # the same draws; the vectorized transform runs in single precision (error << 1 minute)
    np.testing.assert_allclose(s.force_order_h[j], sample_latency(chain, 20_000, 5), rtol=0,
                               atol=0.01)


@pytest.mark.parametrize("stage", STAGES)
def test_vectorized_agrees_with_simpy_reference(catalog: Catalog, stage: str) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage(stage, catalog), catalog)
    ours = simulate(plan, 40_000, 21)
    ref = simulate_ref(plan, 1500, 22)
    assert ks_2samp(ours.warning_h, ref["warning_h"]).pvalue > 0.01
    assert ks_2samp(ours.ready_h, ref["ready_h"]).pvalue > 0.01


def test_reference_triangular_inverse_closed_form() -> None:
    assert triangular_inverse(0.0, 1, 2, 4) == 1
    assert triangular_inverse(1.0, 1, 2, 4) == 4
    # the CDF at the mode is (mode - min) / (max - min)
    assert triangular_inverse(1 / 3, 1, 2, 4) == pytest.approx(2)
    assert triangular_inverse(0.7, 5, 5, 5) == 5


def test_mean_time_to_ready_of_a_single_force_matches_closed_form(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage("subordination-2026", catalog), catalog,
                        options=DEFAULT_OPTIONS)  # each force starts as ordered
    s = simulate(plan, 200_000, 2, detail=True)
    assert s.force_ready_h is not None
    j = [f.id for f in plan.forces].index("hrodna-brigade")
    f = plan.forces[j]
    var = {v.key: v for v in plan.variables}

    def mean(k: str) -> float:
        return (var[k].min + var[k].mode + var[k].max) / 3

    expected = sum(mean(k) for k in f.order) + mean(f.prep) + mean(f.readiness)
    assert s.force_ready_h[j].mean() == pytest.approx(expected, rel=0.01)


def test_verdict_comes_from_the_model_output(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    c = compare_stages(sc, ["autonomy-2019", "subordination-2026"], catalog, 20_000, 4)
    before, after = c.results
    assert _fmt(before.warning.p50_h) in c.verdict
    assert _fmt(after.warning.p50_h) in c.verdict
    weeks = before.warning.p50_h >= 168
    hours = after.warning.p50_h < 48
    assert c.holds == (True if weeks and hours else False if not (weeks or hours) else None)
    word = {True: " holds:", False: "does not hold", None: "holds only in part"}[c.holds]
    assert word in c.verdict
    assert c.claim is not None and c.claim in c.verdict


def test_compare_uses_common_random_numbers(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    c = compare_stages(sc, ["war-2022", "war-2022"], catalog, 5000, 9)
    assert c.results[0] == c.results[1]


def test_explain_gives_the_median_sample_in_time_order(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    tl = explain_stage(sc, "subordination-2026", catalog, samples=2001, seed=1)
    times = [e.t_h for e in tl.events]
    assert times == sorted(times)
    assert tl.events[0].event == "decision to attack"
    r = run_warning(sc, "subordination-2026", catalog, samples=2001, seed=1)
    assert tl.warning_h == pytest.approx(r.warning.p50_h, rel=1e-3)


def test_plot_cdf_returns_a_figure(catalog: Catalog) -> None:
    from matplotlib.figure import Figure

    sc = load_scenario("northern-front-ukraine", catalog)
    fig = plot_cdf(compare_stages(sc, ["autonomy-2019", "subordination-2026"], catalog, 2000, 1))
    assert isinstance(fig, Figure)
    assert len(fig.axes[0].lines) >= 4


# -- bad input ---------------------------------------------------------------------------------
def _variant(tmp_path: Path, edit: object) -> Path:
    data = yaml.safe_load(scenario_path("suwalki-gap-closure").read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_probability_outside_unit_interval_is_rejected(tmp_path: Path) -> None:
    def edit(d: dict) -> None:
        d["indicators"][0]["detection_probability"]["value"] = 1.5

    with pytest.raises(ScenarioError, match=r"indicators\.0\.detection_probability\.value"):
        load_scenario(_variant(tmp_path, edit))


def test_negative_delay_is_rejected(tmp_path: Path) -> None:
    def edit(d: dict) -> None:
        d["indicators"][1]["lag_h"]["min"] = -3

    with pytest.raises(ScenarioError, match=r"indicators\.1\.lag_h\.min.*greater than or equal"):
        load_scenario(_variant(tmp_path, edit))


def test_inverted_delay_is_rejected(tmp_path: Path) -> None:
    def edit(d: dict) -> None:
        d["defender_decision_delay_h"].update({"min": 100, "mode": 100, "max": 10})

    with pytest.raises(ScenarioError, match=r"min 100 > max 10; expected min <= mode <= max"):
        load_scenario(_variant(tmp_path, edit))


def test_unknown_unit_is_named_with_suggestions(tmp_path: Path, catalog: Catalog) -> None:
    def edit(d: dict) -> None:
        d["forces"][1]["positions"]["default"]["unit"] = "6th-guards-mechanised-brigad"

    with pytest.raises(UnknownNameError, match="unknown unit '6th-guards-mechanised-brigad'"):
        load_scenario(_variant(tmp_path, edit), catalog)


def test_unknown_place_is_rejected(tmp_path: Path, catalog: Catalog) -> None:
    def edit(d: dict) -> None:
        d["forces"][0]["jump_off"] = "atlantis"

    with pytest.raises(UnknownNameError, match="unknown place 'atlantis'"):
        load_scenario(_variant(tmp_path, edit), catalog)


def test_force_the_stage_cannot_order_is_an_error(tmp_path: Path, catalog: Catalog) -> None:
    def edit(d: dict) -> None:
        del d["home_command"]

    sc = load_scenario(_variant(tmp_path, edit), catalog)
    with pytest.raises(ScenarioError, match="stage 'autonomy-2019' cannot order force "
                                            "'kaliningrad-grouping'"):
        run_warning(sc, "autonomy-2019", catalog, 100, 1)


def test_unit_not_existing_on_the_stage_date_is_an_error(tmp_path: Path,
                                                         catalog: Catalog) -> None:
    def edit(d: dict) -> None:
        d["forces"][2]["positions"]["autonomy-2019"]["unit"] = "ru-union-resolve-2022-ground-forces"

    sc = load_scenario(_variant(tmp_path, edit), catalog)
    with pytest.raises(ScenarioError, match="does not exist on the stage date 2019-12-31"):
        run_warning(sc, "autonomy-2019", catalog, 100, 1)


def test_unknown_scenario_name_suggests(catalog: Catalog) -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'suwalki-gap-closure'"):
        load_scenario("suwalki-gap-closur", catalog)
