"""The built-in stages on the real dataset: the acceptance criteria of the command model."""

from __future__ import annotations

import json
from typing import Any

import pytest

from eastflank.catalog import Catalog, load_catalog
from eastflank.cli import main
from eastflank.command import holder, order_chain, sample_latency, stage_diff, who
from eastflank.schema import AUTHORITIES, Stage, Status
from eastflank.stages import group_members, list_stages, load_stage

OPERATIONAL = ("move", "designate_targets", "initiate_combat")


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def stages(cat: Catalog) -> dict[str, Stage]:
    return {sid: load_stage(sid, cat) for sid in list_stages()}


def _actor(cat: Catalog, body: str | None) -> str | None:
    return cat.command_bodies[body].actor if body else None


def _mechanised_brigade(cat: Catalog, stage: Stage) -> str:
    """A Belarusian mechanised brigade of the dataset valid at the stage date."""
    day = cat.as_of(stage.date)
    ids = [u.id for u in day.units.values()
           if u.actor == "BY" and u.echelon == "brigade" and "mechanised" in (u.role or "")]
    assert ids, "the dataset holds no Belarusian mechanised brigade"
    return ids[0]


def test_every_builtin_stage_loads_with_non_empty_groups(cat: Catalog,
                                                         stages: dict[str, Stage]) -> None:
    assert set(stages) == {"autonomy-2019", "regional-grouping-2021", "war-2022",
                           "nuclear-2023", "subordination-2026"}
    for stage in stages.values():
        day = cat.as_of(stage.date)
        for group in stage.force_groups:
            assert group_members(group, day), (stage.id, group.id)


def _statements(stage: Stage) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("stage", stage), ("hop_delay", stage.hop_delay)]
    for i, a in enumerate(stage.assignments):
        out.append((f"assignments.{i}", a))
        out += [(f"assignments.{i}.gates.{j}", g) for j, g in enumerate(a.gates)]
        out += [(f"assignments.{i}.gates.{j}.delay", g.delay) for j, g in enumerate(a.gates)]
    for i, c in enumerate(stage.channels):
        out += [(f"channels.{i}", c), (f"channels.{i}.delay", c.delay)]
    return out


def test_every_assignment_and_gate_is_sourced_or_hypothetical_with_reasoning(
    cat: Catalog, stages: dict[str, Stage]
) -> None:
    for stage in stages.values():
        for where, item in _statements(stage):
            if item.status is Status.HYPOTHETICAL:
                assert item.note and len(item.note.split()) >= 3, (stage.id, where)
            else:
                assert item.sources, (stage.id, where)
            assert all(s in cat.sources for s in item.sources), (stage.id, where)
            for s in item.sources:
                src = cat.sources[s]
                assert src.url or src.page, s


def test_autonomy_2019_minsk_moves_its_brigade_and_vetoes_moscow(
    cat: Catalog, stages: dict[str, Stage]
) -> None:
    stage = stages["autonomy-2019"]
    brigade = _mechanised_brigade(cat, stage)
    assert _actor(cat, holder(stage, "move", brigade, catalog=cat)) == "BY"
    chain = order_chain(stage, cat, "russian-president", brigade, "move")
    assert "belarusian-president" in chain.veto_points
    assert chain.bodies[0] == "russian-president"
    assert chain.bodies[-1] == brigade


def test_subordination_2026_moscow_commands_minsk_administers(
    cat: Catalog, stages: dict[str, Stage]
) -> None:
    stage = stages["subordination-2026"]
    brigade = _mechanised_brigade(cat, stage)
    for authority in OPERATIONAL:
        h = who(stage, cat, authority, brigade)
        assert h.holder_actor == "RU", authority
        assert h.status == "claimed"
        assert "seed-000-putin-seizes-belarus-army-command" in h.sources
        chain = order_chain(stage, cat, "russian-president", brigade, authority)
        assert not [v for v in chain.veto_points if _actor(cat, v) == "BY"], authority
    assert who(stage, cat, "administer", brigade).holder_actor == "BY"


def test_subordination_2026_uses_a_district_that_exists(cat: Catalog,
                                                        stages: dict[str, Stage]) -> None:
    stage = stages["subordination-2026"]
    day = cat.as_of(stage.date)
    bodies = {b for a in stage.assignments for b in (a.holder, *a.via)}
    assert "western-military-district" not in day.command_bodies
    assert "western-military-district" not in bodies
    assert "Western Military District" in (stage.note or "")


def test_nuclear_2023_release_is_russian_and_both_sides_are_on_record(
    cat: Catalog, stages: dict[str, Stage]
) -> None:
    stage = stages["nuclear-2023"]
    group = next(g for g in stage.force_groups if g.id == "ru-nuclear-weapons-in-belarus")
    members = group_members(group, cat.as_of(stage.date))
    assert members
    for rid in members:
        assert _actor(cat, holder(stage, "nuclear_release", rid, catalog=cat)) == "RU"
    said = [s for s in stage.statements if s.topic == "nuclear-consent"]
    assert {s.actor for s in said} >= {"BY", "RU"}
    assert all(s.sources and all(x in cat.sources for x in s.sources) for s in said)


def test_latency_drops_from_autonomy_to_subordination(cat: Catalog,
                                                       stages: dict[str, Stage]) -> None:
    brigade = _mechanised_brigade(cat, stages["autonomy-2019"])
    before = order_chain(stages["autonomy-2019"], cat, "russian-president", brigade, "move")
    after = order_chain(stages["subordination-2026"], cat, "russian-president", brigade, "move")
    assert sample_latency(after, 2000, 1).mean() < sample_latency(before, 2000, 1).mean()
    assert after.mean_latency_h < before.mean_latency_h


def test_diff_autonomy_to_subordination_lists_each_moved_authority(
    cat: Catalog, stages: dict[str, Stage], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["command", "diff", "autonomy-2019", "subordination-2026", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    moved = {(c["group"], c["authority"]) for c in out["changes"] if c["change"] == "moved"}
    expected = {
        (a.group, a.authority.value)
        for a in stages["autonomy-2019"].assignments
        for b in stages["subordination-2026"].assignments
        if (a.group, a.authority) == (b.group, b.authority) and a.holder != b.holder
    }
    assert moved == expected
    for group in ("by-ground-forces", "by-air-force-and-air-defence",
                  "by-special-operations-forces", "by-missile-and-rocket-forces"):
        for authority in OPERATIONAL:
            assert (group, authority) in moved
    for c in out["changes"]:
        if c["change"] == "moved" and c["group"].startswith("by-"):
            assert (c["before_actor"], c["after_actor"]) == ("BY", "RU")
    assert out["moved"] == [c for c in out["changes"] if c["change"] == "moved"]
    assert stage_diff(stages["autonomy-2019"], stages["subordination-2026"]).unchanged == (
        out["unchanged"])


def test_each_stage_can_be_drawn_and_every_authority_has_a_colour(
    cat: Catalog, stages: dict[str, Stage]
) -> None:
    from eastflank.command import AUTHORITY_COLOURS, draw_stage

    assert set(AUTHORITY_COLOURS) == {a.value for a in AUTHORITIES}
    fig = draw_stage(stages["nuclear-2023"], cat)
    assert fig.axes[0].get_title().startswith(stages["nuclear-2023"].name)
