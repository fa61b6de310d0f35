"""Where the campaign starts: the warning model's joint samples, one timeline per sample.

The campaign's clock starts at the attack (t = 0 is the warning model's attack start). From
the joint sample :func:`eastflank.warning.simulate_joint` draws for the same scenario id,
stage and seed:

* **Red** units that the warning model moved stand at their force's jump-off when the attack
  starts: their march to the objective is measured from the jump-off, not from the garrison.
  A campaign unit is moved when it is a warning force's unit or one of its subordinate units
  (its parent chain in the dataset reaches the force's unit). Units the warning model does
  not move start from their garrison at t = 0, as before.
* **Blue** starts moving at the defender's decision when that comes before the attack (by the
  decision margin, in hours), else at the attack start: ``lead_h = max(margin, 0)`` and 0 when
  the indicators never lead to a decision. Sample ``i`` of the campaign uses joint sample
  ``i``, so a Red force's position and Blue's lead come from the same timeline.

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog()
>>> joint, label = model_joint(cat, "suwalki-gap-closure", "subordination-2026", 500, 3)
>>> lead = blue_lead_hours(joint, 500)
>>> bool((lead >= 0).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from pyproj import Geod

from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError
from eastflank.geo import GeoPoint
from eastflank.warning import JointSamples

__all__ = ["MovedUnit", "blue_lead_hours", "model_joint", "moved_red_units",
           "uncounted_forces"]

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class MovedUnit:
    """A campaign Red unit the warning model moved: its force, jump-off and new distance."""

    unit: str
    force: str
    force_unit: str
    jump_off: str
    distance_km: float


def model_joint(catalog: Catalog, scenario: str, stage: str, samples: int,
                seed: int | None) -> tuple[JointSamples, str]:
    """Joint samples of the warning-time scenario with the campaign's id, and a label.

    Raises
    ------
    UnknownNameError, ScenarioError, StageError
        If the warning scenario or stage cannot be loaded.
    """
    from eastflank.scenario import load_scenario
    from eastflank.warning import simulate_joint

    joint = simulate_joint(load_scenario(scenario, catalog), stage, catalog, samples, seed)
    return joint, (f"warning model joint samples (eastflank.warning.simulate_joint, scenario "
                   f"{scenario!r}, seed {joint.seed}): Blue starts at the defender's decision "
                   "or at the attack, whichever is first; Red forces the warning model moved "
                   "start from their jump-offs")


def blue_lead_hours(joint: JointSamples, n: int) -> NDArray[np.float64]:
    """Hours by which Blue starts before the attack in the first ``n`` joint samples:
    the decision margin where positive, else 0 (never negative).

    Raises
    ------
    ModelInputError
        If the joint samples hold fewer than ``n`` samples.
    """
    if joint.samples < n:
        raise ModelInputError(f"joint samples: expected at least {n} samples, got "
                              f"{joint.samples}", field="samples")
    margin = np.asarray(joint.decision_margin_h[:n], dtype=float)
    return np.where(np.isfinite(margin), np.maximum(margin, 0.0), 0.0)


def _ancestors(catalog: Catalog, unit_id: str) -> list[str]:
    out = [unit_id]
    seen = {unit_id}
    cur = catalog.units.get(unit_id)
    while cur is not None and cur.parent and cur.parent not in seen:
        out.append(cur.parent)
        seen.add(cur.parent)
        cur = catalog.units.get(cur.parent)
    return out


def moved_red_units(joint: JointSamples, catalog: Catalog, red_units: Sequence[str],
                    objective: GeoPoint) -> dict[str, MovedUnit]:
    """The campaign Red units (ids) that the warning model moved, with the geodesic
    distance (km) from their force's jump-off to the objective."""
    forces = {u: (f, j) for f, u, j in zip(joint.forces, joint.units, joint.jump_off_places,
                                           strict=True)}
    out: dict[str, MovedUnit] = {}
    for uid in red_units:
        hit = next((a for a in _ancestors(catalog, uid) if a in forces), None)
        if hit is None:
            continue
        force, jump = forces[hit]
        place = catalog.places[jump]
        _, _, metres = _GEOD.inv(place.lon, place.lat, objective.lon, objective.lat)
        out[uid] = MovedUnit(uid, force, hit, jump, float(metres) / 1000.0)
    return out


def uncounted_forces(joint: JointSamples, catalog: Catalog, red_units: Sequence[str]
                     ) -> list[tuple[str, str]]:
    """Warning forces ``(force, unit)`` none of whose units the campaign counts for Red (e.g.
    a division brought from Russia proper, outside the campaign's Red areas): the campaign
    lists them rather than leaving them out silently."""
    covered = {a for uid in red_units for a in _ancestors(catalog, uid)}
    return [(f, u) for f, u in zip(joint.forces, joint.units, strict=True) if u not in covered]
