"""Line-aware YAML reading and validation into typed records.

Every input file (dataset, stages, scenarios) goes through :func:`load_records` or
:func:`load_document`, so that every error names the file, the line, the record and the field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from eastflank.errors import EastflankError, UnknownNameError
from eastflank.policy import (
    check_yaml_events,
    check_yaml_scalars,
    kind_of_error,
    path_kind,
    read_regular,
)

__all__ = [
    "Located",
    "load_document",
    "load_records",
    "nested_validation_error",
    "node_lines",
    "parse_yaml",
    "read_yaml",
    "resolve_file",
    "validate_located",
    "yaml_files",
]

M = TypeVar("M", bound=BaseModel)

# libyaml's loader when PyYAML was built with it (several times faster), else the pure one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A YAML mapping with the line of the mapping and of each of its keys (1-based)."""

    data: Any
    file: str
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: object) -> int:
        """The line of ``key`` in this mapping, else the mapping's own line."""
        return self.key_lines.get(str(key), self.line)


def _check_duplicate_keys(node: yaml.Node, file: str, error: type[EastflankError]) -> None:
    todo = [node]
    seen: set[int] = set()
    while todo:
        cur = todo.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, yaml.MappingNode):
            keys: set[str] = set()
            for key_node, value_node in cur.value:
                key = str(key_node.value)
                if key in keys:
                    raise error(
                        f"duplicate key {key!r}; each key may appear once in a mapping",
                        file=file,
                        line=key_node.start_mark.line + 1,
                    )
                keys.add(key)
                todo.append(value_node)
        elif isinstance(cur, yaml.SequenceNode):
            todo.extend(cur.value)


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of ``folder`` (``*.yaml`` and ``*.yml``), sorted by name."""
    if path_kind(folder) != "folder":
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def read_yaml(
    path: Path, error: type[EastflankError] = EastflankError
) -> tuple[Any, yaml.Node | None]:
    """Parse one YAML file into Python data and its node tree.

    The input policy (:mod:`eastflank.policy`) is applied first: a regular file within the
    size limit, nesting depth and alias expansion bounded, every number finite and within its
    bounds, every date real.

    Raises
    ------
    EastflankError (of class ``error``)
        If the file cannot be read, is not UTF-8, is malformed YAML, repeats a key or breaks
        the input policy.
    """
    file = str(path)
    raw = read_regular(path, kind_of_error(error), error)
    return parse_yaml(raw, file, error)


def parse_yaml(
    raw: bytes | str, file: str, error: type[EastflankError] = EastflankError
) -> tuple[Any, yaml.Node | None]:
    """Parse YAML bytes or text (read from ``file``) into Python data and its node tree, under
    the input policy; see :func:`read_yaml`."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise error(f"not UTF-8 text ({exc.reason})", file=file) from None
    else:
        text = raw
    check_yaml_events(text, file, error)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_duplicate_keys(node, file, error)
        check_yaml_scalars(node, file, error)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise error(f"malformed YAML: {problem}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"malformed YAML: {exc}", file=file) from None
    finally:
        loader.dispose()
    return data, node


def _located(data: Any, node: yaml.Node, file: str) -> Located:
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return Located(data, file, node.start_mark.line + 1, key_lines)


def iter_located(path: Path, error: type[EastflankError]) -> Iterator[Located]:
    """Yield each item of a YAML file holding a list of mappings, with its lines."""
    data, node = read_yaml(path, error)
    file = str(path)
    if data is None:
        return
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise error("expected a list of records (a YAML sequence)", file=file, line=1)
    for item, item_node in zip(data, node.value, strict=True):
        if not isinstance(item, dict):
            raise error(
                f"expected a record (a mapping), got {type(item).__name__}",
                file=file,
                line=item_node.start_mark.line + 1,
            )
        yield _located(item, item_node, file)


def validate_located(model: type[M], loc: Located, error: type[EastflankError]) -> M:
    """Validate one located mapping into ``model``; the error names file:line, id and field."""
    record_id = loc.data.get("id") if isinstance(loc.data, dict) else None
    try:
        return model.model_validate(loc.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        path = [str(p) for p in first["loc"]]
        field_name = ".".join(path) if path else None
        line = loc.line_of(path[0]) if path else loc.line
        value = first.get("input")
        if first["type"] == "extra_forbidden":
            allowed = ", ".join(sorted(model.model_fields))
            msg = f"unknown field; expected one of: {allowed}"
        elif first["type"] == "missing":
            msg = "required field is missing"
        else:
            shown = repr(value)
            if len(shown) > 60:
                shown = shown[:57] + "..."
            msg = f"{first['msg']} (got {shown})" if path else first["msg"]
        more = len(exc.errors()) - 1
        if more:
            msg += f" (and {more} more error{'s' if more > 1 else ''} in this record)"
        raise error(
            msg,
            file=loc.file,
            line=line,
            record=str(record_id) if record_id is not None else None,
            field=field_name,
        ) from None


def load_records(
    path: Path, model: type[M], error: type[EastflankError]
) -> list[tuple[M, Located]]:
    """Load a YAML list of records from ``path`` into ``model`` objects, with their locations."""
    return [(validate_located(model, loc, error), loc) for loc in iter_located(path, error)]


def load_document(path: Path, model: type[M], error: type[EastflankError]) -> M:
    """Load a YAML file holding one mapping (a stage, a scenario) into ``model``."""
    data, node = read_yaml(path, error)
    if not isinstance(data, dict) or node is None:
        raise error("expected a mapping at the top of the file", file=str(path), line=1)
    return validate_located(model, _located(data, node, str(path)), error)


# -- documents with nested records (stages, scenarios) --------------------------------------
def node_lines(node: yaml.Node, prefix: str = "") -> Iterator[tuple[str, int]]:
    """Every dotted path of a YAML node tree (``assignments.3.holder``) with its 1-based line."""
    yield prefix, node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}.{key.value}" if prefix else str(key.value)
            yield path, key.start_mark.line + 1
            for sub, line in node_lines(value, path):
                if sub != path:
                    yield sub, line
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            yield from node_lines(child, f"{prefix}.{i}" if prefix else str(i))


def resolve_file(
    name_or_path: str | Path, builtin: Mapping[str, Path], kind: str,
    error: type[EastflankError],
) -> Path:
    """The file of a built-in id, or ``name_or_path`` itself if it names a file.

    Raises
    ------
    UnknownNameError
        If it is neither a built-in id nor an existing file; lists the nearest ids.
    EastflankError (of class ``error``)
        If it looks like a path (``.yaml`` or a ``/``) but no such file exists.
    """
    text = str(name_or_path)
    if text in builtin:
        return builtin[text]
    path = Path(text)
    if path_kind(path) != "missing":
        return path  # read_regular refuses what is not a regular file
    if path.suffix in (".yaml", ".yml") or "/" in text:
        raise error(f"{kind} file not found; expected a YAML {kind} file", file=text)
    from rapidfuzz import process

    near = [c for c, s, _ in process.extract(text, list(builtin), limit=3) if s >= 60]
    raise UnknownNameError(kind, text, near)


def _model_in(annotation: Any) -> Any:
    """The pydantic model inside an annotation such as ``list[Gate]`` or ``Gate | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _fields_at(model: Any, loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the (nested) model found at a validation-error location."""
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part)
        if field_info is None:
            return []
        model = _model_in(field_info.annotation)
        if model is None:
            return []
    return sorted(model.model_fields)


def nested_validation_error(
    exc: ValidationError, model: type[BaseModel], record_id: str | None, file: str,
    lines: Mapping[str, int], error: type[EastflankError], what: str,
) -> EastflankError:
    """An ``error`` for the first problem of ``exc``, at the line of its dotted field path.

    ``what`` names the document in the message (``stage``, ``scenario``); an unknown field
    lists the allowed ones at its depth and suggests the nearest.
    """
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    path = ".".join(str(p) for p in first["loc"])
    line = None
    parts = path.split(".") if path else []
    while line is None and parts:
        line = lines.get(".".join(parts))
        parts.pop()
    if first["type"] == "extra_forbidden":
        from rapidfuzz import process

        allowed = _fields_at(model, first["loc"][:-1])
        near = process.extractOne(str(first["loc"][-1]), allowed) if allowed else None
        hint = f"did you mean {near[0]!r}? " if near and near[1] >= 70 else ""
        msg = f"unknown field; {hint}expected one of: {', '.join(allowed)}"
    elif first["type"] == "missing":
        msg = "required field is missing"
    else:
        msg = first["msg"].removeprefix("Value error, ")
        if first["type"] != "value_error":
            shown = repr(first.get("input"))
            msg += f" (got {shown[:57] + '...' if len(shown) > 60 else shown})"
    more = len(exc.errors()) - 1
    if more:
        msg += f" (and {more} more error{'s' if more > 1 else ''} in this {what})"
    return error(msg, file=file, line=line or lines.get(""), record=record_id,
                 field=path or None)
