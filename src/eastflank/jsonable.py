"""Conversion of results (pydantic models, dataclasses, dates, numpy values) to JSON types."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

__all__ = ["finite", "to_jsonable"]


def to_jsonable(obj: Any) -> Any:
    """Convert results (pydantic models, dataclasses, dates, numpy values) to JSON types."""
    if hasattr(obj, "model_dump") and hasattr(type(obj), "model_fields"):  # pydantic model
        return obj.model_dump(mode="json")
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        return to_jsonable(dataclasses.asdict(obj))
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "value") and hasattr(obj, "name") and not isinstance(obj, str | int | float):
        return obj.value
    return obj


def finite(obj: Any) -> Any:
    """JSON data with every NaN or infinite float replaced by ``null`` (JSON has neither)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [finite(v) for v in obj]
    return obj
