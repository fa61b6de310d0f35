"""Reach: flight times, decision windows and air-defence cover.

:mod:`eastflank.reach.trajectory` holds the physics (spherical non-rotating Earth),
:mod:`eastflank.reach.windows` the per-stage tables from launch sites in the dataset and
:mod:`eastflank.reach.cover` the air-defence umbrella with the radar horizon.
"""

from __future__ import annotations

from eastflank.reach.trajectory import (
    EARTH_MODEL,
    Boost,
    CruiseProfile,
    Flight,
    ballistic_flight,
    cruise_flight,
    free_flight_arc,
    minimum_energy_angle,
)

__all__ = [
    "EARTH_MODEL",
    "Boost",
    "CruiseProfile",
    "Flight",
    "ballistic_flight",
    "cruise_flight",
    "free_flight_arc",
    "minimum_energy_angle",
]
