"""Warning-time claims against the warning model's computed statements.

A claim such as "the warning time for a thrust into Lithuania has been cut from weeks to
hours" names a theatre and a change of band. The theatre picks a built-in scenario
(Lithuania, Poland, the Baltic states or the Suwałki gap: ``suwalki-gap-closure``); the model
runs the scenario's verdict stages (:meth:`StatementStore.warning`) and the median warning at
each stage is put in its band (weeks: at least ``weeks_min_h``; hours: under
``hours_max_h``, from the scenario). The model's parameters are assumptions (status
``hypothetical``) and its later stage may itself rest on the claim being checked, so the
outcome's strength is ``MODEL_STRENGTH``, below the decisive threshold: the claim stays
``unverifiable``, with what the model would say and its assumptions as evidence.
"""

from __future__ import annotations

import re
from typing import Any

from eastflank.claims.detect import Candidate
from eastflank.claims.resolvers.base import (
    Context,
    Outcome,
    statement_evidence,
    unverifiable,
)

__all__ = ["MODEL_STRENGTH", "resolve_warning_time"]

MODEL_STRENGTH = 0.6
"""Evidence strength of a model output under hypothetical parameters."""

_THEATRES = (
    (re.compile(r"\b(?:Lithuania|Suwa[lł]ki|Baltic|Poland|Latvia|NATO)\b", re.I),
     "suwalki-gap-closure"),
)
_CHANGE = re.compile(r"\bfrom\s+(minutes|hours|days|weeks|months)\s+to\s+"
                     r"(minutes|hours|days|weeks|months)\b", re.I)


def _band(hours: float, weeks_h: float, hours_h: float) -> str:
    return "weeks" if hours >= weeks_h else "hours" if hours < hours_h else "days"


_VERDICTS: dict[tuple[int, str], tuple[object, Any]] = {}


def _verdict_of(scenario: str, ctx: Context) -> Any:
    """The verdict bands of a built-in scenario, read once per catalog."""
    from eastflank.scenario import load_scenario

    hit = _VERDICTS.get((id(ctx.catalog), scenario))
    if hit is None or hit[0] is not ctx.catalog:
        hit = (ctx.catalog, load_scenario(scenario, ctx.catalog).verdict)
        _VERDICTS[(id(ctx.catalog), scenario)] = hit
    return hit[1]


def resolve_warning_time(cand: Candidate, ctx: Context) -> Outcome:
    """Run the warning model for the claim's theatre and compare the bands."""
    text = " ".join([*(c.text for c in cand.context[-1:]), cand.facts.text])
    scenario = next((sid for rx, sid in _THEATRES if rx.search(text)), None)
    change = _CHANGE.search(cand.facts.text)
    if ctx.store is None or scenario is None:
        return unverifiable("Warning time depends on a scenario (forces, stage, detection); "
                            "the claim names no theatre a built-in scenario models.")
    sts = ctx.store.warning(scenario)
    if len(sts) < 2:
        return unverifiable(f"The warning model could not run scenario {scenario}.")
    before, after = sts[0], sts[-1]
    v = _verdict_of(scenario, ctx)
    weeks_h = v.weeks_min_h if v else 168.0
    hours_h = v.hours_max_h if v else 48.0
    evidence = [statement_evidence(s) for s in sts]
    if change is None:
        return unverifiable("The sentence states no change of warning time the model can "
                            "test; the model's medians are shown.", evidence=evidence)
    want_a, want_b = change.group(1).lower(), change.group(2).lower()
    got_a = _band(before.value.number or 0.0, weeks_h, hours_h)
    got_b = _band(after.value.number or 0.0, weeks_h, hours_h)
    holds = got_a == want_a and got_b == want_b
    return Outcome("supported" if holds else "contradicted",
                   f"Model output (hypothetical parameters): {before.value.label} "
                   f"({got_a}); {after.value.label} ({got_b}); the claim says from {want_a} "
                   f"to {want_b}.",
                   computed=after.value.number, unit="h",
                   tolerance={"weeks_min_h": weeks_h, "hours_max_h": hours_h},
                   evidence=evidence, strength=MODEL_STRENGTH)
