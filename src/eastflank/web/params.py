"""The editable parameters of a scenario object, read generically, and overrides applied to it.

Scenarios (warning and campaign) are pydantic models whose numbers sit in sub-models: a
triangular distribution (fields ``min``, ``mode``, ``max``), a probability (a ``value`` with
bounds) or a plain bounded number. :func:`parameters` walks any such model and lists every
number a user may change, with its stated range, status and sources; :func:`apply_overrides`
returns a copy of the model with some of them changed, validated again by the model itself, so
a value out of its range is refused with the field named. Nothing here knows the fields of a
particular scenario: a field added to a scenario shows up by itself.

Examples
--------
>>> from eastflank.scenario import load_scenario
>>> sc = load_scenario("suwalki-gap-closure")
>>> ps = parameters(sc)
>>> any(p.path.endswith("detection_probability.value") for p in ps)
True
>>> p = next(p for p in ps if p.kind == "dist")
>>> changed = apply_overrides(sc, {p.path: p.low})
>>> type(changed) is type(sc)
True
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel, ValidationError

from eastflank.errors import ModelInputError

__all__ = ["Parameter", "apply_overrides", "parameters"]

M = TypeVar("M", bound=BaseModel)

_DIST_FIELDS = ("min", "mode", "max")


@dataclass(frozen=True)
class Parameter:
    """One editable number of a scenario.

    Attributes
    ----------
    path
        Dotted path of the number in the scenario (list items and dict keys by their index or
        key): ``forces.0.assembly_h.mode``. It is the key of an override.
    kind
        ``dist``: the mode of a triangular distribution, editable within its stated
        ``[low, high]`` (the distribution's own ``min`` and ``max``); ``probability``: a
        probability within its bounds; ``number``: a bounded number.
    low, high
        The stated range the value may take; ``open_low``/``open_high`` when a bound itself
        is excluded (a field stated ``> 0``).
    value
        The value in the scenario.
    status, sources, note
        Of the statement that holds the number, when it has them.
    """

    path: str
    label: str
    kind: Literal["dist", "probability", "number"]
    value: float
    low: float
    high: float
    status: str | None = None
    sources: list[str] = field(default_factory=list)
    note: str | None = None
    open_low: bool = False
    open_high: bool = False


def _bounds(model: type[BaseModel], name: str
            ) -> tuple[float | None, float | None, bool, bool]:
    """The bounds a field states, and whether each is exclusive (``gt``, ``lt``)."""
    lo: float | None = None
    hi: float | None = None
    open_lo = open_hi = False
    for meta in model.model_fields[name].metadata:
        if isinstance(meta, Ge | Gt):
            open_lo = isinstance(meta, Gt)
            lo = float(meta.gt if isinstance(meta, Gt) else meta.ge)  # type: ignore[arg-type]
        elif isinstance(meta, Le | Lt):
            open_hi = isinstance(meta, Lt)
            hi = float(meta.lt if isinstance(meta, Lt) else meta.le)  # type: ignore[arg-type]
    return lo, hi, open_lo, open_hi


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _meta(obj: BaseModel) -> dict[str, Any]:
    status = getattr(obj, "status", None)
    return {
        "status": getattr(status, "value", status) if status is not None else None,
        "sources": list(getattr(obj, "sources", []) or []),
        "note": getattr(obj, "note", None),
    }


def _label(path: str) -> str:
    return path.replace("_", " ").replace(".", " › ")


def _walk(obj: Any, path: str, inherited: dict[str, Any]) -> Iterator[Parameter]:
    if isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        meta = _meta(obj) if "status" in fields else inherited
        if all(f in fields for f in _DIST_FIELDS) and all(
                _is_number(getattr(obj, f)) for f in _DIST_FIELDS):
            lo, mode, hi = (float(getattr(obj, f)) for f in _DIST_FIELDS)
            yield Parameter(f"{path}.mode", _label(path), "dist", mode, lo, hi, **meta)
            return
        for name in fields:
            value = getattr(obj, name)
            sub = f"{path}.{name}" if path else name
            if _is_number(value):
                low, high, open_low, open_high = _bounds(type(obj), name)
                if low is None or high is None or not (
                        math.isfinite(low) and math.isfinite(high)):
                    continue
                kind: Literal["probability", "number"] = (
                    "probability" if (low, high) == (0.0, 1.0) else "number")
                label = _label(path if name == "value" and path else sub)
                yield Parameter(sub, label, kind, float(value), low, high, **meta,
                                open_low=open_low, open_high=open_high)
            else:
                yield from _walk(value, sub, meta)
    elif isinstance(obj, Mapping):
        for key, value in obj.items():
            yield from _walk(value, f"{path}.{key}", inherited)
    elif isinstance(obj, list | tuple):
        for i, value in enumerate(obj):
            yield from _walk(value, f"{path}.{i}", inherited)


def parameters(model: BaseModel) -> list[Parameter]:
    """Every editable number of ``model``, in field order (see :class:`Parameter`)."""
    return list(_walk(model, "", {"status": None, "sources": [], "note": None}))


def apply_overrides(model: M, overrides: Mapping[str, float]) -> M:
    """A copy of ``model`` with the numbers at the given paths replaced, validated again.

    A distribution's mode must stay within its ``min`` and ``max``; any other number within
    the bounds its field states.

    Raises
    ------
    ModelInputError
        Naming the path, when a path is not an editable parameter of ``model`` or a value is
        outside its range.
    """
    if not overrides:
        return model
    known = {p.path: p for p in parameters(model)}
    data = model.model_dump(mode="python")
    for path, value in overrides.items():
        p = known.get(path)
        if p is None:
            from rapidfuzz import process

            near = [n for n, s, _ in process.extract(path, list(known), limit=3) if s >= 60]
            hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
            raise ModelInputError(f"not an editable parameter{hint}", field=path)
        if not (_is_number(value) and math.isfinite(float(value))):
            raise ModelInputError(f"expected a finite number, got {value!r}", field=path)
        v = float(value)
        if not (p.low < v if p.open_low else p.low <= v) or not (
                v < p.high if p.open_high else v <= p.high):
            lo, hi = "(" if p.open_low else "[", ")" if p.open_high else "]"
            raise ModelInputError(
                f"{v:g} is outside the stated range {lo}{p.low:g}, {p.high:g}{hi}", field=path)
        *head, last = path.split(".")
        node: Any = data
        for part in head:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[last] = float(value)
    try:
        return type(model).model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise ModelInputError(err["msg"], field=where or None) from None
