"""Attacker and defender options, the controlled comparison, and outputs that mean what
they say: warning never negative, the decision margin apart, verdicts from status counts."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from scipy.stats import ks_2samp

from eastflank.catalog import Catalog
from eastflank.cli import main
from eastflank.errors import ScenarioError
from eastflank.scenario import (
    ConsentOption,
    ConsentRule,
    CoverKind,
    CoverOption,
    DecisionOption,
    DecisionRule,
    Options,
    StartOption,
    StartRule,
    load_scenario,
    scenario_path,
)
from eastflank.schema import Status
from eastflank.stages import list_stages, load_stage
from eastflank.warning import (
    StatusCounts,
    compare_stages,
    compile_plan,
    run_warning,
    simulate,
    study_stages,
)
from eastflank.warning_ref import simulate_ref

H = Status.HYPOTHETICAL
PAIR = "autonomy-2019,subordination-2026"


def _opts(start: StartRule, consent: ConsentRule, cover: float | None,
          rule: DecisionRule, k: int = 1) -> Options:
    return Options(
        start=StartOption(value=start, status=H, note="test"),
        consent=ConsentOption(value=consent, status=H, note="test"),
        cover=(CoverOption(value=CoverKind.NONE, status=H, note="test") if cover is None else
               CoverOption(value=CoverKind.EXERCISE, damping=cover, status=H, note="test")),
        decision=DecisionOption(rule=rule, detections=k, status=H, note="test"))


ALL_ON = _opts(StartRule.COORDINATED, ConsentRule.PRIOR, 0.5, DecisionRule.CORROBORATED, 2)
ALL_OFF = _opts(StartRule.AS_ORDERED, ConsentRule.ON_REQUEST, None,
                DecisionRule.FIRST_DETECTION)


@pytest.mark.parametrize("options", [ALL_ON, ALL_OFF], ids=["all-options", "no-options"])
@pytest.mark.parametrize("stage", ["autonomy-2019", "war-2022"])
def test_vectorized_agrees_with_simpy_reference_under_options(
        catalog: Catalog, stage: str, options: Options) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage(stage, catalog), catalog, options=options)
    ours = simulate(plan, 40_000, 31)
    ref = simulate_ref(plan, 1500, 32)
    assert ks_2samp(ours.warning_h, ref["warning_h"]).pvalue > 0.01
    assert ks_2samp(ours.ready_h, ref["ready_h"]).pvalue > 0.01
    fin, rfin = np.isfinite(ours.margin_h), np.isfinite(ref["margin_h"])
    assert abs(fin.mean() - rfin.mean()) < 0.05
    assert ks_2samp(ours.margin_h[fin], ref["margin_h"][rfin]).pvalue > 0.01


def test_prior_consent_drops_gate_delays_only(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    st = load_stage("autonomy-2019", catalog)
    on_request = compile_plan(sc, st, catalog, options=ALL_OFF)
    prior = compile_plan(sc, st, catalog, options=ALL_OFF.model_copy(update={
        "consent": ConsentOption(value=ConsentRule.PRIOR, status=H, note="test")}))
    for a, b in zip(on_request.forces, prior.forces, strict=True):
        gates = [k for k in a.order if "|gate|" in k]
        assert list(b.order) == [k for k in a.order if k not in gates]
        assert b.prior_consents == (a.veto_points if gates or a.veto_points else ())
    assert any("|gate|" in k for f in on_request.forces for k in f.order)
    # sample by sample, no force is ready later with the consents agreed in advance
    s_a, s_b = simulate(on_request, 5000, 3, detail=True), simulate(prior, 5000, 3, detail=True)
    assert s_a.force_ready_h is not None and s_b.force_ready_h is not None
    assert np.all(s_b.force_ready_h <= s_a.force_ready_h + 1e-3)


def test_exercise_cover_damps_only_its_anchors(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    st = load_stage("war-2022", catalog)
    plan = compile_plan(sc, st, catalog)
    assert plan.options.cover.value is CoverKind.EXERCISE  # stated in the scenario file
    for ind in plan.indicators:
        assert ind.base_probability is not None
        factor = plan.options.cover.damping if ind.anchor in plan.options.cover.anchors else 1
        assert ind.probability == pytest.approx(ind.base_probability * factor)
    assert any(i.probability < (i.base_probability or 0) for i in plan.indicators)


def test_corroborated_rule_decides_no_earlier(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    st = load_stage("subordination-2026", catalog)
    one = simulate(compile_plan(sc, st, catalog, options=ALL_OFF), 5000, 9)
    two = simulate(compile_plan(sc, st, catalog, options=ALL_OFF.model_copy(update={
        "decision": DecisionOption(rule=DecisionRule.CORROBORATED, detections=2, status=H,
                                   note="test")})), 5000, 9)
    assert np.all(two.decision_h >= one.decision_h)
    assert np.array_equal(one.warning_h, two.warning_h)  # warning does not depend on the rule
    assert (two.decision_h > one.decision_h).any()


def test_option_errors_name_the_field(tmp_path: Path) -> None:
    data = yaml.safe_load(scenario_path("suwalki-gap-closure").read_text(encoding="utf-8"))
    data["options"]["decision"] = {"rule": "first-detection", "detections": 2,
                                   "status": "hypothetical", "note": "x"}
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScenarioError) as exc:
        load_scenario(bad)
    assert "options.decision" in str(exc.value) and "corroborated" in str(exc.value)
    data["options"]["decision"] = {"rule": "first-detection", "status": "hypothetical",
                                   "note": "x"}
    data["options"]["cover"] = {"value": "exercise", "damping": 1.5, "status": "hypothetical",
                                "note": "x"}
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ScenarioError) as exc:
        load_scenario(bad)
    assert "options.cover.damping" in str(exc.value)


def test_controlled_json_same_forces_and_options_with_status_counts(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["warning", "compare", "suwalki-gap-closure", "--stages", PAIR,
                 "--controlled", "--samples", "4000", "--seed", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["controlled"] is True and out["forces_from"] == "subordination-2026"
    a, b = out["results"]
    assert [a["stage"], b["stage"]] == PAIR.split(",")
    strip = [{k: v for k, v in f.items() if k not in ("chain", "veto_points")}
             for f in a["forces"]]
    assert strip == [{k: v for k, v in f.items() if k not in ("chain", "veto_points")}
                     for f in b["forces"]]
    assert a["options"] == b["options"]
    counts = out["status_counts"]
    assert set(counts) == {"established", "reported", "claimed", "hypothetical"}
    assert sum(counts.values()) > 0
    for r in (a, b):
        assert sum(r["status_counts"].values()) > 0
    # the verdict is built from the counts
    assert (f"{counts['established']} established, {counts['reported']} reported, "
            f"{counts['claimed']} claimed, {counts['hypothetical']} hypothetical"
            in out["verdict"])


def test_stage_specific_comparison_differs_in_forces(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    c = compare_stages(sc, PAIR.split(","), catalog, 2000, 1)
    assert not c.controlled and c.forces_from is None
    assert c.results[0].forces != c.results[1].forces


def test_study_splits_the_change_into_command_and_forces(catalog: Catalog) -> None:
    sc = load_scenario("suwalki-gap-closure", catalog)
    s = study_stages(sc, PAIR.split(","), catalog, 3000, 4)
    spec, ctl = s.stage_specific.results, s.controlled.results
    assert s.total_change_h == pytest.approx(spec[1].warning.p50_h - spec[0].warning.p50_h)
    assert s.command_change_h == pytest.approx(ctl[1].warning.p50_h - ctl[0].warning.p50_h)
    assert s.total_change_h == pytest.approx(s.command_change_h + s.forces_options_change_h)
    assert "effect of the command stage" in s.summary


@pytest.mark.parametrize(("counts", "opening"), [
    (StatusCounts(1, 1, 0, 5), "Under the model's assumptions"),
    (StatusCounts(3, 2, 0, 4), "Under mostly sourced parameters"),
    (StatusCounts(2, 2, 1, 0), "Under mostly sourced parameters"),
    (StatusCounts(1, 1, 3, 0), "Under the model's assumptions"),
])
def test_verdict_opening_follows_the_counts(catalog: Catalog, counts: StatusCounts,
                                            opening: str) -> None:
    from eastflank.warning import verdict_sentence

    sc = load_scenario("suwalki-gap-closure", catalog)
    results = [run_warning(sc, st, catalog, 1000, 1) for st in PAIR.split(",")]
    _, _, sentence = verdict_sentence(sc, results, counts)
    assert sentence.startswith(opening + f" ({counts.phrase()})")


def _walk(obj: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(obj, dict):
        return [x for k, v in obj.items() for x in _walk(v, f"{path}.{k}")]
    if isinstance(obj, list):
        return [x for i, v in enumerate(obj) for x in _walk(v, f"{path}[{i}]")]
    return [(path, obj)]


NEG_WARNING = re.compile(r"warning[^\n|│]*?(?<![\w-])[-−]\s?\d", re.IGNORECASE)


@pytest.mark.parametrize("scenario", ["suwalki-gap-closure", "northern-front-ukraine"])
@pytest.mark.parametrize("controlled", [False, True])
def test_no_output_prints_a_negative_warning(capsys: pytest.CaptureFixture[str],
                                             scenario: str, controlled: bool) -> None:
    stages = ",".join(list_stages())
    extra = ["--controlled"] if controlled else []
    runs = [["warning", "compare", scenario, "--stages", stages, *extra],
            *[["warning", "run", scenario, "--stage", st, *extra] for st in list_stages()],
            ["warning", "explain", scenario, "--stage", "subordination-2026", *extra]]
    for base in runs:
        argv = [*base, "--samples", "3000", "--seed", "5"]
        assert main([*argv, "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        for path, value in _walk(data):
            key = path.rsplit(".", 1)[-1].split("[")[0]
            if "warning" in path.lower().replace("no_warning", "") and "margin" not in path \
                    and isinstance(value, int | float) and not isinstance(value, bool):
                assert value >= 0, (argv, path, value)
            assert not (key in ("warning_h", "cdf_h") and value < 0), (argv, path)
        assert main(argv) == 0
        text = capsys.readouterr().out
        assert text.strip()
        bad = [m.group(0) for m in NEG_WARNING.finditer(text)
               if "margin" not in m.group(0).lower()]
        assert not bad, (argv, bad)


def test_negative_warning_would_be_caught() -> None:
    assert NEG_WARNING.search("median warning for NATO is -3 hours at autonomy-2019")
    assert NEG_WARNING.search("warning −2.1 d")
    assert not NEG_WARNING.search("warning for UA is 31 hours (hours) at autonomy-2019")


def test_campaign_warning_hours_never_negative(capsys: pytest.CaptureFixture[str]) -> None:
    for st in ("autonomy-2019", "subordination-2026"):
        assert main(["campaign", "run", "suwalki-gap-closure", "--stage", st, "--samples",
                     "300", "--seed", "2", "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert all(v >= 0 for v in data["blue_lead_hours_quantiles"].values())


def test_with_parameters_sets_one_quantity_and_keeps_the_other_draws(catalog: Catalog) -> None:
    from eastflank.errors import ModelInputError
    from eastflank.warning import parameter_table, with_parameters

    sc = load_scenario("suwalki-gap-closure", catalog)
    plan = compile_plan(sc, load_stage("autonomy-2019", catalog), catalog)
    table = parameter_table(plan)
    keys = [row[0] for row in table]
    assert len(keys) == len(set(keys))
    assert {row[5] for row in table} <= {"established", "reported", "claimed", "hypothetical"}
    # same values back: the same samples
    same = with_parameters(plan, {})
    np.testing.assert_array_equal(simulate(same, 2000, 1).warning_h,
                                  simulate(plan, 2000, 1).warning_h)
    # a slower defender decides no earlier, sample by sample; warning is unchanged
    slow = with_parameters(plan, {"defender|decision_h": 500.0})
    a, b = simulate(plan, 2000, 1), simulate(slow, 2000, 1)
    np.testing.assert_array_equal(a.warning_h, b.warning_h)
    assert np.all(b.defender_delay_h == 500.0)
    assert np.all(b.decision_h >= a.decision_h)
    # a detection probability of 0 for every indicator: no warning at all
    blind = with_parameters(plan, {k: 0.0 for k in keys if k.endswith("|detected|p")})
    assert simulate(blind, 2000, 1).no_warning.all()
    with pytest.raises(ModelInputError):
        with_parameters(plan, {"no-such-key": 1.0})
    with pytest.raises(ModelInputError):
        with_parameters(plan, {"defender|decision_h": (5.0, 1.0, 9.0)})
