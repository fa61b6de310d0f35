"""Economic claims: money amounts and tonnages, their topics, and verdicts against the
indicator statements of the same property only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eastflank.claims import check_text
from eastflank.claims.economy import DEBT_TO_RUSSIA, find_amounts, find_topics
from eastflank.claims.resolvers.economic import rounding_allowance

DAY = dt.date(2026, 1, 6)
SEED_000 = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / \
    "000_9db77e2b345259bb.txt"


@pytest.mark.parametrize(("text", "value", "unit", "hedge"), [
    ("Minsk's $8 billion debt", 8e9, "USD", None),
    ("a loan of USD 7.9bn", 7.9e9, "USD", None),
    ("about €300 million in credits", 3e8, "EUR", "about"),
    ("8.5 billion dollars owed", 8.5e9, "USD", None),
    ("more than 3 million tonnes of potash", 3e6, "t", "more than"),
    ("8.4 Mt forecast", 8.4e6, "t", None),
])
def test_amounts_are_parsed_with_currency_scale_and_hedge(text: str, value: float, unit: str,
                                                          hedge: str | None) -> None:
    [a] = find_amounts(text)
    assert (a.value, a.unit, a.hedge) == (pytest.approx(value), unit, hedge)


def test_no_amount_in_plain_numbers() -> None:
    assert find_amounts("45,000 troops and 200 kilometers in 2023") == []


def test_topics_keep_property_scope_apart() -> None:
    [debt] = find_topics("the refinancing of Minsk's debt to Russia")
    assert debt.quantities == DEBT_TO_RUSSIA
    [total] = find_topics("Belarus's total external debt rose")
    assert total.quantities == ()
    [potash] = find_topics("the collapse of potash exports due to sealed Baltic ports")
    assert potash.quantities == ("potash_exports_total",) and potash.trend == "collapse"
    [route] = find_topics("potash transit through Klaipeda ended")
    assert "potash_via_klaipeda" in route.quantities


def test_rounding_of_a_plain_figure() -> None:
    assert rounding_allowance("8", 8e9, 0.10) == pytest.approx(5e8)
    assert rounding_allowance("3", 3e6, 0.10) == pytest.approx(3e5)  # capped at 10 %


def _economic(text: str, catalog, day: dt.date = DAY):
    r = check_text(text, catalog, day)
    return [c for c in r.claims if c.kind == "economic"]


def test_debt_to_russia_supported_by_the_latest_records(catalog) -> None:
    [c] = _economic("Moscow agreed to refinance Minsk's $8 billion debt to Russia.", catalog)
    assert c.verdict == "supported"
    ids = {e.record for e in c.evidence}
    assert {"belarus-debt-to-russia"} == ids
    details = " ".join(e.detail for e in c.evidence)
    assert "2023-12-31" in details and "8,200,000,000" in details and "7,750,000,000" in details


def test_debt_to_russia_far_off_is_contradicted(catalog) -> None:
    [c] = _economic("Minsk owes Russia a $20 billion debt.", catalog)
    assert c.verdict == "contradicted"
    assert c.computed == pytest.approx(8.2e9)


def test_debt_judged_as_of_the_claims_date(catalog) -> None:
    # by mid-2020 only the Q1 2020 figure ($7.92 bn) is recorded: $8.5 bn is outside 8.5±0.05
    [c] = _economic("In June 2020 Minsk's debt to Russia stood at $8.5 billion.", catalog,
                    dt.date(2020, 6, 30))
    assert c.verdict == "contradicted"
    assert all("2021" not in e.detail and "2023" not in e.detail for e in c.evidence)


def test_total_external_debt_stays_unverifiable(catalog) -> None:
    # Belarus's total external debt is not the debt owed to Russia: no verdict from the
    # debt-to-Russia series, however close the figure
    [c] = _economic("Moscow notes that Belarus's total external debt stands at $8 billion.",
                    catalog)
    assert c.verdict == "unverifiable"
    assert "total or external debt" in c.explanation
    assert any("debt" in e.detail.lower() for e in c.nearest)


def test_potash_export_collapse_unverifiable_with_route_evidence(catalog) -> None:
    [c] = _economic("The collapse of potash exports due to sealed Baltic ports hit Minsk.",
                    catalog)
    assert c.verdict == "unverifiable"
    assert "not the total exported" in c.explanation
    shown = " ".join(e.detail for e in c.nearest)
    assert "Klaipeda" in shown and "3,000,000 t" in shown and "8,400,000 t" in shown


def test_potash_route_tonnage_against_route_series(catalog) -> None:
    [c] = _economic("In 2022 Belarus shipped 3 million tonnes of potash through Russian ports.",
                    catalog)
    assert c.verdict == "supported"
    assert any("transshipped through Russian ports, 2022" in e.detail for e in c.evidence)


def test_potash_volume_tonnage_not_judged_by_a_route(catalog) -> None:
    # 3 Mt is the Russian-port route in 2022, not the total exported: no verdict
    [c] = _economic("In 2022 Belarus's potash exports were 3 million tonnes.", catalog)
    assert c.verdict == "unverifiable"


def test_energy_subsidies_shown_with_gas_price(catalog) -> None:
    [c] = _economic("Moscow promised continued energy subsidies.", catalog)
    assert c.verdict == "unverifiable"
    assert any("gas price" in e.detail for e in c.nearest)


def test_seed_000_economic_sentences(catalog) -> None:
    r = check_text(SEED_000.read_text(encoding="utf-8"), catalog)
    eco = {c.text: c for c in r.claims if c.kind == "economic"}
    debt = eco["$8 billion debt"]
    assert debt.verdict == "supported"
    assert any("2023" in e.detail for e in debt.evidence)
    assert any("2021" in e.detail for e in debt.evidence)
    assert all(e.sources for e in debt.evidence)
    potash = eco["collapse of potash exports"]
    assert potash.verdict == "unverifiable"
    assert any("Klaipeda" in e.detail for e in potash.nearest)


def test_hedged_amounts(catalog) -> None:
    # "over $10 billion": no recorded value of the debt to Russia reaches it
    [over] = _economic("Minsk owes Russia over $10 billion.", catalog)
    assert over.verdict == "contradicted"
    # "more than 3 million tonnes" in 2022 through Russian ports: 3 Mt recorded (rounded)
    [more] = _economic("In 2022 more than 3 million tonnes of potash went through Russian "
                       "ports.", catalog)
    assert more.verdict == "supported"
    # a planned figure is judged only against planned ones: the 8.4 Mt forecast for 2023
    [plan] = _economic("Moscow expects 8.4 million tonnes of Belarusian potash to be shipped "
                       "through Russian ports in 2023.", catalog)
    assert plan.verdict == "supported"
    assert any("planned" in e.detail for e in plan.evidence)


@pytest.mark.parametrize(("text", "value", "hedge"), [
    ("Poland spent 4.12 percent of its GDP on defence", 4.12, None),
    ("Estonia spends close to 3.4% of GDP on its military", 3.4, "close to"),
    ("more than 2 per cent of gross domestic product on defence", 2.0, "more than"),
])
def test_shares_of_gdp_are_amounts_in_percent(text: str, value: float,
                                              hedge: str | None) -> None:
    [a] = find_amounts(text)
    assert (a.value, a.unit, a.hedge) == (value, "percent", hedge)
    assert [t.name for t in find_topics(text)] == ["defence"]


@pytest.mark.parametrize("text", [
    "Lithuania will spend between 5 and 6 percent of GDP on defence.",
    "Lithuania will spend 5-6% of GDP on defence.",
])
def test_a_range_of_shares_is_no_single_figure(text: str) -> None:
    assert find_amounts(text) == []


def test_a_share_of_gdp_is_not_defence_spending_without_defence() -> None:
    assert [t.name for t in find_topics("Public debt reached 40% of GDP.")] != ["defence"]


def test_a_share_another_record_gives_otherwise_is_not_its_event(catalog) -> None:
    # the 2026 budget's "4.8 % of GDP" is not a plan of 4.7 %, nor is a 5 % target
    got = check_text("Poland plans to spend 4.7% of GDP on defence in 2025.", catalog,
                     dt.date(2025, 9, 1)).claims
    assert [c.verdict for c in got if c.kind in ("event", "relation")] == ["unverifiable"]


def _shares(catalog, text: str, day: dt.date = dt.date(2025, 9, 1)) -> list[tuple[str, str]]:
    got = check_text(text, catalog, day).claims
    return [(c.verdict, c.explanation) for c in got if c.kind == "economic"]


def test_a_share_of_gdp_spent_on_defence_is_judged_for_its_state_and_year(catalog) -> None:
    # NATO's estimates for 2024: Poland 4.12 %, Estonia 3.43 % (data/indicators)
    ((verdict, why),) = _shares(catalog, "Poland spent 4.12 percent of its GDP on defence in "
                                "2024.")
    assert verdict == "supported" and "2024" in why
    ((verdict, why),) = _shares(catalog, "Poland spent 3.1% of GDP on defence in 2024.")
    assert verdict == "contradicted" and "4.12 %" in why
    # another state's share is not Poland's
    ((verdict, _),) = _shares(catalog, "Estonia spent 4.12% of GDP on defence in 2024.")
    assert verdict == "contradicted"
    # a plan is judged against a plan, not against what was spent
    ((verdict, why),) = _shares(catalog, "Poland plans to spend 4.7% of GDP on defence in "
                                "2025.")
    assert verdict == "supported" and "planned" in why


def test_an_undated_share_is_the_latest_a_text_could_cite(catalog) -> None:
    # without a year: the text's year or the one before
    ((verdict, why),) = _shares(catalog, "Poland spends around 4% of its GDP on defence.",
                                dt.date(2025, 3, 1))
    assert verdict == "supported" and "2024" in why


def test_a_goal_of_a_share_of_gdp_is_not_a_share_spent(catalog) -> None:
    ((verdict, why),) = _shares(catalog, "Only a few allies meet NATO's guideline of spending "
                                "2% of GDP on defence.")
    assert verdict == "unverifiable" and "guideline" in why


def test_a_share_since_a_year_or_by_a_deadline_is_no_year_s_share(catalog) -> None:
    # Poland's 1.88 % of 2014 does not refute "more than 2 % since 2014"
    ((verdict, why),) = _shares(catalog, "Poland has spent more than 2% of GDP on defence "
                                "since 2014.")
    assert verdict == "unverifiable" and "span of years" in why


def _money_verdicts(catalog, text: str, day: dt.date) -> list[str]:
    return [c.verdict for c in check_text(text, catalog, day).claims if c.kind == "economic"]


def test_zloty_amounts_are_money() -> None:
    assert [(a.value, a.unit) for a in find_amounts(
        "a historic level of 200 billion zlotys, or PLN 10 bn for the border")] == [
        (2e11, "PLN"), (1e10, "PLN")]


def test_shares_of_gdp_listed_after_a_dash_or_in_brackets(catalog) -> None:
    # once the sentence speaks of shares of GDP, a list gives each state's share; "the
    # NATO country" names no share of the alliance's
    text = ("Poland remains the NATO country with the highest percentage of GDP allocated "
            "to defense — {}%, followed by Lithuania ({}%) and Latvia (3.73%).")
    day = dt.date(2025, 8, 28)
    assert _money_verdicts(catalog, text.format(4.48, 4), day) == ["supported"] * 3
    assert _money_verdicts(catalog, text.format(2.48, 1), day) == [
        "contradicted", "contradicted", "supported"]


def test_an_amount_a_record_of_the_named_states_gives(catalog) -> None:
    # the 2026 defence budget decided in August 2025: its record gives 200 bn zloty
    text = ("The Polish government has announced a significant increase in its defense "
            "budget for 2026, reaching a historic level of {} billion zlotys.")
    day = dt.date(2025, 8, 28)
    assert _money_verdicts(catalog, text.format(200), day) == ["supported"]
    assert _money_verdicts(catalog, text.format(100), day) == ["unverifiable"]
    # a sum for each party is no record's total; "more than" a sum is not a far larger one
    each = ("Each of Poland's neighbours will allocate around 200 billion zlotys to its "
            "defense budget for 2026.")
    assert _money_verdicts(catalog, each, day) == ["unverifiable"]
    over = ("The Polish government has announced a defense budget for 2026 of more than "
            "{} billion zlotys.")
    assert _money_verdicts(catalog, over.format(150), day) == ["supported"]
    assert _money_verdicts(catalog, over.format(20), day) == ["unverifiable"]


def test_a_claimed_record_bears_out_no_amount(catalog) -> None:
    # the same record marked as a party's unconfirmed claim supports nothing
    from eastflank.catalog import Catalog

    text = ("The Polish government has announced a significant increase in its defense "
            "budget for 2026, reaching a historic level of 200 billion zlotys.")
    day = dt.date(2025, 8, 28)
    assert _money_verdicts(catalog, text, day) == ["supported"]
    events = {k: (e.model_copy(update={"status": "claimed"}) if any(
        f.quantity == "defence_budget_pln" for f in e.figures) else e)
        for k, e in catalog.events.items()}
    claimed = Catalog({**catalog.records, "events": events})
    assert _money_verdicts(claimed, text, day) == ["unverifiable"]


def test_a_quoted_passage_dates_each_of_its_sentences_on_its_own(catalog) -> None:
    # a quotation is kept as one sentence; "this year" of the next sentence does not date
    # the share said of "last year" (Estonia 2024: 3.43 %, data/indicators)
    text = ('"We invest heavily. Last year, Estonia\'s defense spending amounted to 3.4% of '
            'GDP. This year, we will reach almost 4%," the president said.')
    got = _shares(catalog, text, dt.date(2025, 2, 28))
    assert got and got[0][0] == "supported" and "2024" in got[0][1]


def test_what_a_state_will_spend_this_year_is_its_plan_or_the_year_s_estimate(catalog
                                                                              ) -> None:
    # NATO's estimate for Poland's 2024: 4.12 %; its plan for 2024: 4.2 %
    text = "Poland will spend the equivalent of 4.12% of its GDP on defence this year."
    got = _shares(catalog, text, dt.date(2024, 6, 20))
    assert got and got[0][0] == "supported" and "estimate" in got[0][1]


def test_a_length_by_land_is_a_section_of_the_border() -> None:
    from eastflank.catalog import load_catalog

    text = "The length of Poland's border with Belarus is 418 km, of which 186 km are by land."
    got = [(c.claimed, c.verdict) for c in check_text(text, load_catalog(cache=True),
                                                      dt.date(2022, 1, 24)).claims
           if c.kind == "border_length"]
    assert (186, "contradicted") not in got and (418, "supported") in got


def test_a_target_named_after_the_figure_s_clause_makes_it_no_plan(catalog) -> None:
    # "– twice the organisation's target": the target is NATO's guideline, not Poland's plan
    text = ("Poland has become one of the key military players in Nato, allocating 4.12% of its "
            "GDP to defence in 2024 – twice the organisation's target and more than the US.")
    got = _shares(catalog, text, dt.date(2025, 2, 21))
    assert got and got[0][0] == "supported"
