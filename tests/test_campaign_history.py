"""Reproduction of the published attrition fits on history: Engel's Iwo Jima and the Ardennes.

Reference values are those in ``shared/data/battles/NOTES.md`` (section 2). The data stay in
``shared/data/battles/`` (set ``EASTFLANK_BATTLES`` to read them from elsewhere); they are
never copied into the repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from eastflank.campaign.battles import read_daily_csv
from eastflank.campaign.fit import DailySeries, fit_engel, fit_least_squares, fit_log_regression
from eastflank.campaign.lanchester import AttritionLaw, Pulse, integrate, integrate_fixed_step
from eastflank.cli import main

BATTLES = Path(
    os.environ.get("EASTFLANK_BATTLES")
    or Path(__file__).parents[1].parent / "shared" / "data" / "battles"
)


def _need(rel: str) -> Path:
    path = BATTLES / rel
    if path.is_file():
        return path
    msg = (f"historical battle data missing: {path} must exist (the shared battle data, "
           f"see shared/data/battles/README.md; set EASTFLANK_BATTLES to its folder)")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg)
    pytest.skip(msg)
    raise AssertionError  # unreachable


def sig3(x: float) -> str:
    return f"{x:.3g}"


def as_printed(x: float, ref: str) -> bool:
    """Whether ``x`` rounds to ``ref`` at the number of decimals ``ref`` is printed with."""
    decimals = len(ref.partition(".")[2])
    return abs(x - float(ref)) <= 0.5 * 10.0**-decimals + 1e-12


@pytest.fixture(scope="module")
def total() -> DailySeries:
    d = "ardennes/"
    return read_daily_csv(_need(d + "fricker1998_t1_manpower.csv"),
                          equipment=_need(d + "fricker1998_t2_equipment.csv"))


@pytest.fixture(scope="module")
def combat() -> DailySeries:
    d = "ardennes/"
    return read_daily_csv(_need(d + "fricker1998_t1_manpower.csv"),
                          equipment=_need(d + "fricker1998_t2_equipment.csv"), manpower="combat")


# NOTES.md §2.3, total manpower, Bracken weights, same-day available and killed.
ARDENNES_TOTAL = [
    ((1, 32), 0.911344, 0.246170, 0.0142401),
    ((1, 10), 1.096380, 0.895519, 0.0670789),
    ((11, 32), 0.177591, -2.762798, 0.412511),
]
# NOTES.md §2.3, corrected combat rows.
ARDENNES_COMBAT = [
    ((1, 32), "0.7795", "0.5456", "0.064"),
    ((1, 10), "1.0188", "3.3609", "0.607"),
    ((11, 32), "0.2686", "-2.0870", "0.194"),
]


@pytest.mark.parametrize(("days", "alpha", "beta", "r2"), ARDENNES_TOTAL)
def test_ardennes_total_log_regression_matches_notes(total, days, alpha, beta, r2):
    fit = fit_log_regression(total.window(*days))
    assert fit.n == days[1] - days[0] + 1
    assert (sig3(fit.alpha), sig3(fit.beta), sig3(fit.r2_ratio)) == (
        sig3(alpha), sig3(beta), sig3(r2))
    assert fit.alpha == pytest.approx(alpha, rel=2e-6)
    assert fit.beta == pytest.approx(beta, rel=2e-6)


@pytest.mark.parametrize(("days", "alpha", "beta", "r2"), ARDENNES_COMBAT)
def test_ardennes_combat_log_regression_matches_notes(combat, days, alpha, beta, r2):
    fit = fit_log_regression(combat.window(*days))
    assert as_printed(fit.alpha, alpha)
    assert as_printed(fit.beta, beta)
    assert as_printed(fit.r2_ratio, r2)


def test_ardennes_reformatted_total_matches_notes():
    d = "ardennes/"
    s = read_daily_csv(_need(d + "fricker1998_t4_reformatted_manpower.csv"),
                       equipment=_need(d + "fricker1998_t5_reformatted_equipment.csv"))
    fit = fit_log_regression(s.window(1, 32))
    assert (sig3(fit.alpha), sig3(fit.beta), sig3(fit.r2_ratio)) == ("0.621", "-0.533", "0.00368")


def test_general_fit_recovers_exponents_from_ratio_and_product(total):
    fit = fit_log_regression(total.window(1, 32))
    assert fit.p - fit.q == pytest.approx(fit.beta)
    assert fit.p + fit.q == pytest.approx(fit.delta)
    assert fit.a / fit.b == pytest.approx(fit.alpha)
    assert fit.a * fit.b == pytest.approx(fit.gamma)


def test_wiper_transcription_agrees_with_fricker_losses(total):
    wiper = read_daily_csv(_need("ardennes/yiyuezhuo_wiper2000_Ardennes.csv"))
    # Wiper day d is Fricker day d - 1; losses (weighted combat) match on 63 of 64 values.
    d = "ardennes/"
    combat = read_daily_csv(_need(d + "fricker1998_t1_manpower.csv"),
                            equipment=_need(d + "fricker1998_t2_equipment.csv"),
                            manpower="combat").window(1, 32)
    same = np.concatenate([wiper.blue_lost == combat.blue_lost, wiper.red_lost == combat.red_lost])
    assert int(same.sum()) == 63


def test_ardennes_no_classical_law_fits_well(total):
    """Honest validation: on days 1-10, no classical law explains much of the daily losses."""
    for law in ("linear", "square", "logarithmic"):
        fit = fit_least_squares(total.window(1, 10), law)
        assert fit.r2_losses < 0.2


# -- Iwo Jima (Engel 1954) -----------------------------------------------------------------

def _engel_inputs():
    ref = json.loads(_need("iwo_jima/engel1954_model_reference.json").read_text())
    c = ref["coefficients"]
    law = AttritionLaw.of("square", a=c["A_japanese_effectiveness_on_US_per_day"],
                          b=c["B_US_effectiveness_on_japanese_per_day"])
    pulses = [Pulse("blue", x["day"] - 1, x["day"], x["troops"]) for x in ref["US_landings"]]
    return ref, law, pulses


def test_engel_iwo_jima_trajectory_matches_notes():
    ref, law, pulses = _engel_inputs()
    assert (law.a, law.b) == (0.0544, 0.0106)
    tr = integrate(law, 0.0, ref["initial_conditions"]["Japanese_N0"], 36.0,
                   reinforcements=pulses)
    # NOTES.md §2.1: M(1) ≈ 52,835, M(10) ≈ 62,777, M(20) ≈ 56,062, M(36) ≈ 51,984, N(36) ≈ 217.
    for day, m in ((1, 52835), (10, 62777), (20, 56062), (36, 51984)):
        assert sig3(tr.at(day)[0]) == sig3(m)
        assert tr.at(day)[0] == pytest.approx(m, rel=1e-4)
    assert sig3(tr.at(36)[1]) == "217"


def test_engel_estimator_recovers_coefficients():
    _ref, law, pulses = _engel_inputs()
    tr = integrate(law, 0.0, 21500.0, 36.0, reinforcements=pulses, step=0.005)
    est = fit_engel(tr.t, tr.blue, tr.red, blue_arrivals=sum(p.amount for p in pulses))
    assert (sig3(est.A), sig3(est.B)) == ("0.0544", "0.0106")


def test_fixed_step_agrees_with_adaptive_reference():
    law = AttritionLaw.of("general", a=2e-4, b=3e-4, p=0.4, q=0.75)
    tr = integrate(law, 5000.0, 4000.0, 20.0)
    _t, b, r = integrate_fixed_step(law, 5000.0, 4000.0, 20.0, dt=0.01)
    assert b[-1] == pytest.approx(tr.blue[-1], rel=1e-5)
    assert r[-1] == pytest.approx(tr.red[-1], rel=1e-5)


# -- the CLI ----------------------------------------------------------------------------------

def test_cli_fit_general_json(capsys):
    path = _need("ardennes/yiyuezhuo_wiper2000_Ardennes.csv")
    assert main(["campaign", "fit", str(path), "--law", "general", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["law"] == "general"
    assert out["p"] - out["q"] == pytest.approx(out["beta"])


def test_cli_fit_fricker_days_matches_notes(capsys):
    d = BATTLES / "ardennes"
    _need("ardennes/fricker1998_t1_manpower.csv")
    code = main(["campaign", "fit", str(d / "fricker1998_t1_manpower.csv"), "--equipment",
                 str(d / "fricker1998_t2_equipment.csv"), "--days", "1-10", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert sig3(out["alpha"]) == "1.1"
    assert sig3(out["beta"]) == "0.896"
