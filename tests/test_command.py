"""Unit and property tests of eastflank.command on a small test dataset (tests/data/command)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from eastflank.catalog import Catalog, load_catalog
from eastflank.command import (
    Chain,
    ChainGate,
    authority_graph,
    chain_report,
    draw_stage,
    holder,
    latency_summary,
    order_chain,
    parse_authority,
    sample_latency,
    stage_diff,
    who,
)
from eastflank.errors import ModelInputError, UnknownNameError
from eastflank.schema import Authority, DelayHours, Status
from eastflank.stages import group_members, load_stage

DATA = Path(__file__).parent / "data"
BASE = DATA / "command_stages" / "base.yaml"


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog(DATA / "command")


@pytest.fixture(scope="module")
def base(cat: Catalog):
    return load_stage(BASE, cat)


def _delay(lo: float, mode: float, hi: float) -> DelayHours:
    return DelayHours(min_h=lo, mode_h=mode, max_h=hi, status=Status.HYPOTHETICAL, note="test")


# -- groups and graph --------------------------------------------------------------------------
def test_groups_select_by_actor_branch_and_location(cat: Catalog, base) -> None:
    day = cat.as_of(base.date)
    groups = {g.id: group_members(g, day) for g in base.force_groups}
    assert groups["by-ground"] == ("by-brigade-one", "by-brigade-two")
    assert groups["by-missile"] == ("by-missiles",)
    # the regiment at home (garrison in RU) is not a Russian force in Belarus
    assert set(groups["ru-in-by"]) == {"ru-regiment", "ru-store"}


def test_groups_are_sliced_by_stage_date(cat: Catalog, base) -> None:
    early = cat.as_of(base.date.replace(year=2020))
    ru = next(g for g in base.force_groups if g.id == "ru-in-by")
    assert "ru-regiment" not in group_members(ru, early)


def test_authority_graph_nodes_and_edges(cat: Catalog, base) -> None:
    g = authority_graph(base, cat)
    assert isinstance(g, nx.DiGraph)
    assert g.nodes["group:by-ground"]["kind"] == "group"
    assert g.nodes["by-head"]["actor"] == "BY"
    assert g.has_edge("by-head", "group:by-ground", key="move")
    assert g.edges["by-head", "group:by-ground", "move"]["kind"] == "authority"
    assert g.has_edge("group:by-ground", "by-brigade-one", key="member")
    assert g.has_edge("by-head", "ru-head") is False
    assert g.has_edge("ru-head", "by-head", key="channel:0")
    assert g.has_edge("by-head", "group:ru-in-by", key="consent:move")


def test_holder_from_graph_and_from_stage(cat: Catalog, base) -> None:
    g = authority_graph(base, cat)
    assert holder(g, "move", "by-brigade-one") == "by-head"
    assert holder(g, Authority.ADMINISTER, "by-brigade-two") == "by-staff"
    assert holder(base, "move", "ru-regiment", catalog=cat) == "ru-head"
    assert holder(g, "nuclear_release", "by-brigade-one") is None
    assert holder(g, "move", "ru-home-regiment") is None
    with pytest.raises(ModelInputError, match="needs catalog"):
        holder(base, "move", "by-brigade-one")


def test_who_reports_holder_actor_and_sources(cat: Catalog, base) -> None:
    h = who(base, cat, "move", "by-brigade-one")
    assert (h.holder, h.holder_actor, h.group) == ("by-head", "BY", "by-ground")
    assert h.sources == ("test-source",)
    nobody = who(base, cat, "initiate_combat", "by-brigade-one")
    assert nobody.holder is None
    assert "no command body" in (nobody.note or "")


def test_parse_authority_accepts_dashes_and_rejects_unknown() -> None:
    assert parse_authority("designate-targets") is Authority.DESIGNATE_TARGETS
    with pytest.raises(UnknownNameError, match="unknown authority 'launch'; did you mean"):
        parse_authority("launch")


# -- chains ------------------------------------------------------------------------------------
def test_chain_from_holder_follows_via_then_unit_parents(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "by-head", "by-brigade-one", "move")
    assert c.bodies == ("by-head", "by-staff", "by-west", "by-brigade-one")
    assert c.gates == ()
    assert c.veto_points == ()
    assert c.hops == 3


def test_chain_without_parent_chain_hops_directly(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "by-head", "by-missiles", "move")
    assert c.bodies == ("by-head", "by-staff", "by-missiles")


def test_chain_through_channel_adds_the_holder_as_veto_point(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "ru-head", "by-brigade-one", "move")
    assert c.bodies[:2] == ("ru-head", "by-head")
    assert c.veto_points == ("by-head",)
    assert c.gates[0].origin == "channel:ru-head->by-head"


def test_assignment_gate_is_a_veto_point(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "ru-head", "ru-regiment", "move")
    assert c.bodies == ("ru-head", "ru-staff", "ru-regiment")
    assert c.veto_points == ("by-head",)
    assert c.gates[0].origin == "assignment"


def test_no_channel_to_the_holder_is_an_input_error(cat: Catalog, base) -> None:
    with pytest.raises(ModelInputError, match=r"'by-head' cannot obtain 'move'.*held by 'ru-head'"):
        order_chain(base, cat, "by-head", "ru-regiment", "move")
    with pytest.raises(ModelInputError, match="no command body holds 'initiate_combat'"):
        order_chain(base, cat, "by-head", "by-brigade-one", "initiate_combat")


def test_unknown_unit_body_and_ungrouped_unit(cat: Catalog, base) -> None:
    with pytest.raises(UnknownNameError, match="unknown unit 'by-brigade-on'"):
        order_chain(base, cat, "by-head", "by-brigade-on", "move")
    with pytest.raises(UnknownNameError, match="unknown command body 'by-haed'; did you mean"):
        order_chain(base, cat, "by-haed", "by-brigade-one", "move")
    with pytest.raises(ModelInputError, match="'ru-home-regiment' is in no force group"):
        order_chain(base, cat, "ru-head", "ru-home-regiment", "move")


def test_chain_report_names_and_latency(cat: Catalog, base) -> None:
    r = chain_report(base, cat, "ru-head", "by-brigade-one", "move", samples=2000, seed=3)
    assert r.names["by-head"] == "Belarusian head of state"
    assert r.actors["ru-head"] == "RU"
    assert r.latency.seed == 3
    assert r.latency.p5_h <= r.latency.p50_h <= r.latency.p95_h


# -- latency -----------------------------------------------------------------------------------
def test_latency_is_reproducible_with_a_seed_or_generator(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "ru-head", "by-brigade-one", "move")
    a = sample_latency(c, 5000, 11)
    np.testing.assert_array_equal(a, sample_latency(c, 5000, 11))
    assert not np.array_equal(a, sample_latency(c, 5000, 12))
    g1 = sample_latency(c, 100, np.random.default_rng(5))
    g2 = sample_latency(c, 100, np.random.default_rng(5))
    np.testing.assert_array_equal(g1, g2)
    s = latency_summary(c, 1000, seed=None)
    np.testing.assert_allclose(np.percentile(sample_latency(c, 1000, s.seed), 50), s.p50_h)


def test_latency_mean_matches_closed_form(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "ru-head", "by-brigade-one", "move")
    x = sample_latency(c, 200_000, 2)
    expected = (5 + 10 + 50) / 3 + 4 * (1 + 2 + 3) / 3
    assert c.mean_latency_h == pytest.approx(expected)
    assert x.mean() == pytest.approx(expected, rel=0.01)
    assert x.min() >= 5 + 4 * 1
    assert x.max() <= 50 + 4 * 3


def test_single_delay_sampler_matches_scipy_triangular() -> None:
    d = _delay(2.0, 3.0, 11.0)
    c = Chain(stage="t", authority=Authority.MOVE, unit="u", group="g", decider="a",
              holder="a", bodies=("a",), gates=(ChainGate("b", d, "assignment", "hypothetical"),),
              veto_points=("b",), hop_delay=_delay(0, 0, 0))
    x = sample_latency(c, 20_000, 4)
    ref = stats.triang(c=(3 - 2) / (11 - 2), loc=2, scale=9)
    assert stats.kstest(x, ref.cdf).pvalue > 0.001


def test_fixed_delays_need_no_randomness() -> None:
    c = Chain(stage="t", authority=Authority.MOVE, unit="u", group="g", decider="a",
              holder="a", bodies=("a", "b", "u"), gates=(), veto_points=(),
              hop_delay=_delay(1.5, 1.5, 1.5))
    np.testing.assert_array_equal(sample_latency(c, 4, 0), np.full(4, 3.0))


@pytest.mark.parametrize("n", [0, -3, 2.5, True])
def test_bad_sample_counts_are_rejected(cat: Catalog, base, n: object) -> None:
    c = order_chain(base, cat, "by-head", "by-brigade-one", "move")
    with pytest.raises(ModelInputError, match="samples: expected an integer >= 1"):
        sample_latency(c, n, 1)  # type: ignore[arg-type]


def test_bad_seed_is_rejected(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "by-head", "by-brigade-one", "move")
    with pytest.raises(ModelInputError, match="seed: expected a non-negative integer"):
        sample_latency(c, 10, -1)


delays = st.tuples(
    st.floats(0, 100, allow_nan=False), st.floats(0, 1), st.floats(0, 100, allow_nan=False)
).map(lambda t: _delay(t[0], t[0] + t[1] * t[2], t[0] + t[2]))


@settings(max_examples=60, deadline=None)
@given(gate_delays=st.lists(delays, min_size=1, max_size=6), hop=delays,
       hops=st.integers(1, 6), drop=st.integers(0, 5), seed=st.integers(0, 2**32))
def test_removing_a_consent_gate_never_makes_a_chain_slower(
    gate_delays: list[DelayHours], hop: DelayHours, hops: int, drop: int, seed: int
) -> None:
    bodies = tuple(f"b{i}" for i in range(hops + 1))
    gates = tuple(ChainGate(f"c{i % 3}", d, "assignment", "hypothetical")
                  for i, d in enumerate(gate_delays))
    chain = Chain(stage="t", authority=Authority.MOVE, unit=bodies[-1], group="g",
                  decider=bodies[0], holder=bodies[0], bodies=bodies, gates=gates,
                  veto_points=tuple(dict.fromkeys(g.consent for g in gates)), hop_delay=hop)
    fewer = chain.without_gate(drop % len(gates))
    with_gate = sample_latency(chain, 300, seed)
    without = sample_latency(fewer, 300, seed)
    assert np.all(without <= with_gate + 1e-9)
    assert len(fewer.gates) == len(gates) - 1


def test_without_gate_index_out_of_range(cat: Catalog, base) -> None:
    c = order_chain(base, cat, "by-head", "by-brigade-one", "move")
    with pytest.raises(ModelInputError, match="gate index 0 out of range"):
        c.without_gate(0)


# -- diff and drawing --------------------------------------------------------------------------
def test_stage_diff_lists_moved_added_removed_and_consents(cat: Catalog, base, tmp_path) -> None:
    text = BASE.read_text(encoding="utf-8")
    text = text.replace("id: test-base", "id: test-later")
    text = text.replace("{group: by-ground, authority: move, holder: by-head, via: [by-staff],",
                        "{group: by-ground, authority: move, holder: ru-head, via: [ru-staff],")
    text = text.replace("""  - {group: by-missile, authority: move, holder: by-head, via: [by-staff],
     status: reported, sources: [test-source]}
""", "")
    text = text.replace("    gates:\n      - consent: by-head\n", "    gates:\n      - consent: by-staff\n")
    text = text.replace("groups: [by-ground]", "groups: [by-missile]")
    later_file = tmp_path / "later.yaml"
    later_file.write_text(text.replace("channels:", """  - {group: by-missile, authority: designate_targets, holder: by-head,
     status: reported, sources: [test-source]}
channels:"""), encoding="utf-8")
    later = load_stage(later_file, cat)
    d = stage_diff(base, later, cat)
    kinds = {(c.group, c.authority.value): c for c in d.changes}
    moved = kinds[("by-ground", "move")]
    assert (moved.change, moved.before, moved.after) == ("moved", "by-head", "ru-head")
    assert (moved.before_actor, moved.after_actor) == ("BY", "RU")
    assert kinds[("by-missile", "move")].change == "removed"
    assert kinds[("by-missile", "designate_targets")].change == "added"
    consents = kinds[("ru-in-by", "move")]
    assert (consents.change, consents.vetoes_before, consents.vetoes_after) == (
        "consents", ("by-head",), ("by-staff",))
    assert d.moved == (moved,)
    assert d.unchanged == 1


def test_stage_diff_of_a_stage_with_itself_is_empty(base) -> None:
    d = stage_diff(base, base)
    assert d.changes == ()
    assert d.unchanged == len(base.assignments)


def test_draw_stage_returns_a_figure(cat: Catalog, base) -> None:
    from matplotlib.figure import Figure

    fig = draw_stage(base, cat)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert "test-base" in ax.get_title()
    labels = {t.get_text() for t in ax.texts}
    assert any("Belarusian head" in t for t in labels)
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"move", "nuclear_release", "consent", "channel"} <= legend
