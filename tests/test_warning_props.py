"""Property tests of the warning-time model (hypothesis), sample by sample with common
random numbers: each random quantity draws from its own keyed stream, so a changed scenario
is compared with the original on the same draws."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from eastflank.catalog import Catalog, load_catalog
from eastflank.command import order_chain
from eastflank.scenario import DEFAULT_OPTIONS, MovementMode, Scenario, load_scenario
from eastflank.stages import list_stages, load_stage
from eastflank.warning import compile_plan, distance_km, simulate

CAT: Catalog = load_catalog()
SC: Scenario = load_scenario("suwalki-gap-closure", CAT)
STAGES = list_stages()
BY_PLACES = sorted(p.id for p in CAT.places.values() if p.country == "BY")
N = 3000
SETTINGS = settings(max_examples=12, deadline=None)


def _moved(place: str, mode: MovementMode) -> Scenario:
    """The scenario with the manoeuvre force starting at ``place`` at autonomy-2019."""
    forces = []
    for f in SC.forces:
        if f.id == "manoeuvre-force":
            pos = f.positions["autonomy-2019"].model_copy(update={"place": place, "mode": mode})
            forces.append(f.model_copy(update={"positions": {**f.positions,
                                                               "autonomy-2019": pos}}))
        else:
            forces.append(f)
    return SC.model_copy(update={"forces": forces})


@SETTINGS
@given(place=st.sampled_from(BY_PLACES), seed=st.integers(0, 2**32))
def test_moving_a_force_from_russia_into_belarus_never_lengthens_time_to_ready(
        place: str, seed: int) -> None:
    stage = load_stage("autonomy-2019", CAT)
    base = compile_plan(SC, stage, CAT)
    f = next(x for x in base.forces if x.id == "manoeuvre-force")
    assert CAT.places[f.start].country == "RU"
    assert distance_km(CAT, place, f.jump_off) <= f.distance_km
    moved = compile_plan(_moved(place, MovementMode(f.mode)), stage, CAT)
    a, b = simulate(base, N, seed), simulate(moved, N, seed)
    assert np.all(b.ready_h <= a.ready_h + 1e-3)


@SETTINGS
@given(stage_id=st.sampled_from(STAGES), seed=st.integers(0, 2**32), data=st.data())
def test_removing_a_consent_gate_never_lengthens_time_to_ready(stage_id: str, seed: int,
                                                               data: st.DataObject) -> None:
    stage = load_stage(stage_id, CAT)
    full = compile_plan(SC, stage, CAT, options=DEFAULT_OPTIONS)  # consents on request
    gated = [(f.unit, sum(k.startswith("chain|gate|") for k in f.order))
             for f in full.forces if f.veto_points]
    if not gated:
        return
    unit, count = data.draw(st.sampled_from(gated))
    index = data.draw(st.integers(0, count - 1))

    def fewer(stage_: object, cat: Catalog, frm: str, uid: str, auth: str) -> object:
        chain = order_chain(stage_, cat, frm, uid, auth)  # type: ignore[arg-type]
        return chain.without_gate(index) if uid == unit else chain

    lean = compile_plan(SC, stage, CAT, chain_fn=fewer, options=DEFAULT_OPTIONS)
    a, b = simulate(full, N, seed), simulate(lean, N, seed)
    assert np.all(b.ready_h <= a.ready_h + 1e-3)


@SETTINGS
@given(stage_id=st.sampled_from(STAGES), seed=st.integers(0, 2**32), data=st.data())
def test_raising_a_detection_probability_never_shortens_warning(stage_id: str, seed: int,
                                                                data: st.DataObject) -> None:
    plan = compile_plan(SC, load_stage(stage_id, CAT), CAT)
    k = data.draw(st.integers(0, len(plan.indicators) - 1))
    ind = plan.indicators[k]
    higher = data.draw(st.floats(ind.probability, 1.0))
    inds = list(plan.indicators)
    inds[k] = dataclasses.replace(ind, probability=higher)
    raised = dataclasses.replace(plan, indicators=tuple(inds))
    a, b = simulate(plan, N, seed), simulate(raised, N, seed)
    assert np.all(b.warning_h >= a.warning_h - 1e-3)
    assert b.no_warning.sum() <= a.no_warning.sum()
