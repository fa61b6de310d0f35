"""Joint samples of the warning model: one timeline per sample, reproducible by seed."""

from __future__ import annotations

import numpy as np
import pytest

from eastflank.catalog import Catalog
from eastflank.scenario import load_scenario
from eastflank.stages import list_stages
from eastflank.warning import JointSamples, simulate_joint


def _joint(catalog: Catalog, stage: str, n: int = 3000, seed: int = 7, **kw: object
           ) -> JointSamples:
    sc = load_scenario("suwalki-gap-closure", catalog)
    return simulate_joint(sc, stage, catalog, n, seed, **kw)  # type: ignore[arg-type]


def test_same_seed_same_joint_sample_other_seed_other(catalog: Catalog) -> None:
    a = _joint(catalog, "autonomy-2019")
    b = _joint(catalog, "autonomy-2019")
    c = _joint(catalog, "autonomy-2019", seed=8)
    for name in ("force_ready_h", "force_leave_h", "first_detection_h", "decision_h",
                 "attack_start_h", "warning_h"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.attack_start_h, c.attack_start_h)


@pytest.mark.parametrize("stage", list_stages())
def test_joint_sample_is_one_consistent_timeline(catalog: Catalog, stage: str) -> None:
    j = _joint(catalog, stage)
    n_f = len(j.forces)
    assert j.force_ready_h.shape == (n_f, j.samples) == j.force_arrive_h.shape
    assert len(j.units) == len(j.jump_off_places) == len(j.start_places) == n_f
    # order <= leave <= arrive <= ready for every force in every sample
    assert np.all(j.force_order_h <= j.force_leave_h + 1e-3)
    assert np.all(j.force_leave_h <= j.force_arrive_h + 1e-3)
    assert np.all(j.force_arrive_h <= j.force_ready_h + 1e-3)
    # the attack starts when the last force is ready
    np.testing.assert_allclose(j.attack_start_h, j.force_ready_h.max(axis=0))
    # warning is never negative, and is the start less the first detection where positive
    assert np.all(j.warning_h >= 0)
    seen = j.first_detection_h < j.attack_start_h
    np.testing.assert_allclose(j.warning_h[seen], (j.attack_start_h - j.first_detection_h)[seen],
                               rtol=1e-6)
    assert np.all(j.warning_h[~seen] == 0)
    # the decision comes after the first detection; the margin is start - decision
    fin = np.isfinite(j.decision_h)
    assert np.all(j.decision_h[fin] >= j.first_detection_h[fin])
    np.testing.assert_allclose(j.decision_margin_h[fin], (j.attack_start_h - j.decision_h)[fin])
    assert np.all(j.decision_margin_h[~fin] == -np.inf)
    assert np.array_equal(j.decides_before_attack, j.decision_margin_h > 0)


def test_coordinated_start_makes_every_force_ready_together(catalog: Catalog) -> None:
    from eastflank.scenario import StartOption, StartRule
    from eastflank.schema import Status
    from eastflank.stages import load_stage
    from eastflank.warning import compile_plan, joint_from_samples, simulate

    sc = load_scenario("suwalki-gap-closure", catalog)
    st = load_stage("autonomy-2019", catalog)
    base = sc.options_at(st.id)
    coord = base.model_copy(update={"start": StartOption(
        value=StartRule.COORDINATED, status=Status.HYPOTHETICAL, note="test")})
    asis = base.model_copy(update={"start": StartOption(
        value=StartRule.AS_ORDERED, status=Status.HYPOTHETICAL, note="test")})
    jc = joint_from_samples(p := compile_plan(sc, st, catalog, options=coord),
                            simulate(p, 2000, 3, detail=True))
    ja = joint_from_samples(q := compile_plan(sc, st, catalog, options=asis),
                            simulate(q, 2000, 3, detail=True))
    # same draws: same attack-ready time, every force ready at it, nothing earlier seen
    np.testing.assert_allclose(jc.attack_start_h, ja.attack_start_h, rtol=1e-6)
    np.testing.assert_allclose(jc.force_ready_h, np.broadcast_to(jc.attack_start_h,
                                                                 jc.force_ready_h.shape),
                               rtol=1e-5)
    assert np.all(jc.force_leave_h.min(axis=0) >= ja.force_leave_h.min(axis=0) - 1e-3)
    # later activity, same indicator draws: never more warning, sample by sample
    assert np.all(jc.first_detection_h >= ja.first_detection_h - 1e-3)
    assert np.all(jc.warning_h <= ja.warning_h + 1e-3)
    assert np.median(jc.warning_h) < np.median(ja.warning_h)
