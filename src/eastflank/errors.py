"""The eastflank exception hierarchy.

Two families are kept apart:

* :class:`EastflankError` and its subclasses mean *your input is wrong* (a data file, a stage,
  a scenario, a CLI argument, an article). Each message names the file, the record, the field,
  the value at fault and what was expected. The CLI prints such an error on one line and exits 2.
* :class:`InternalError` means *our bug*: an invariant of the code broke. It is never caught by
  the CLI, so it shows a traceback and can be reported.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousNameError",
    "ClaimInputError",
    "DataError",
    "EastflankError",
    "GeoError",
    "InternalError",
    "ModelInputError",
    "OutputError",
    "ScenarioError",
    "StageError",
    "UnknownNameError",
]


class EastflankError(Exception):
    """Base of every input error. Raised when a file, record, argument or value is invalid.

    Parameters
    ----------
    message
        What is wrong and what was expected.
    file, line, record, field
        Where the fault is, each optional; they prefix the message as
        ``file:line: record 'id', field 'name': message``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.record = record
        self.field = field
        super().__init__(self._render())

    def _render(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(f"{self.file}:{self.line}" if self.line else self.file)
        where: list[str] = []
        if self.record:
            where.append(f"record '{self.record}'")
        if self.field:
            where.append(f"field '{self.field}'")
        if where:
            parts.append(", ".join(where))
        parts.append(self.message)
        text = ": ".join(parts)
        # one line always: a name or value read from a file may hold line breaks
        return text.replace("\r", "\\r").replace("\n", "\\n")


class DataError(EastflankError):
    """Raised when a dataset file is malformed, a record invalid or a cross-reference broken."""


class StageError(EastflankError):
    """Raised when a stage file (command framework) is invalid or inconsistent."""


class ScenarioError(EastflankError):
    """Raised when a scenario file is invalid or cannot be run at the chosen stage."""


class ClaimInputError(EastflankError):
    """Raised when an article to check cannot be read (missing, too large, unparseable)."""


class GeoError(EastflankError):
    """Raised for invalid geographic input: coordinates out of range, unknown territory."""


class ModelInputError(EastflankError):
    """Raised when a model argument is out of its domain (negative samples, bad radius)."""


class OutputError(EastflankError):
    """Raised when an output file or directory cannot be written."""


class UnknownNameError(EastflankError, LookupError):
    """Raised when an id, name or alias matches nothing; carries the nearest names.

    Parameters
    ----------
    kind
        What was looked up (``place``, ``unit``, ``stage`` ...).
    name
        The name given.
    suggestions
        Nearest known names, best first.
    """

    def __init__(self, kind: str, name: str, suggestions: Sequence[str] = (), **where: str) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = list(suggestions)
        names = ", ".join(repr(s) for s in self.suggestions)
        hint = f"; did you mean {names}?" if suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}", **where)  # type: ignore[arg-type]


class AmbiguousNameError(EastflankError, LookupError):
    """Raised when a name or alias belongs to several records; carries the candidates.

    Parameters
    ----------
    kind
        What was looked up (``place``, ``unit`` ...).
    name
        The name given.
    candidates
        Ids of the records that bear the name.
    """

    def __init__(self, kind: str, name: str, candidates: Sequence[str], **where: str) -> None:
        self.kind = kind
        self.name = name
        self.candidates = list(dict.fromkeys(candidates))
        names = ", ".join(repr(s) for s in self.candidates)
        super().__init__(f"ambiguous {kind} {name!r}: it names {names}; give the id",
                         **where)  # type: ignore[arg-type]


class InternalError(RuntimeError):
    """Raised when an internal invariant breaks: a bug in eastflank, not in the input."""
