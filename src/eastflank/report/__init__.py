"""``eastflank report``: the whole system, every stage, one self-contained offline page.

:func:`build_report` calls the library (dataset, geography, command, warning, reach, campaign,
claims) and returns a :class:`Report`: one :class:`Section` per topic, each with its numbers
(``data``, written to ``report.json``) and its HTML fragment. :func:`write_report` writes
``index.html`` and ``report.json`` (each atomically) and nothing else in its folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from eastflank import __version__
from eastflank.catalog import Catalog
from eastflank.errors import OutputError
from eastflank.safeio import atomic_write

__all__ = [
    "REPORT_FILES", "Report", "Section", "build_report", "check_out", "holds_report",
    "render_html", "write_report",
]


@dataclass
class Section:
    """One section of the report: numbers for ``report.json`` and an HTML fragment."""

    id: str
    title: str
    data: dict[str, Any]
    html: str = ""
    figures: list[str] = field(default_factory=list)


@dataclass
class Report:
    """The assembled report."""

    sections: list[Section]
    meta: dict[str, Any]

    def to_json(self) -> str:
        """Deterministic JSON of every section's numbers (sorted keys, no timestamps)."""
        meta = {**self.meta, "section_order": [s.id for s in self.sections]}
        payload = {"meta": meta, "sections": {s.id: s.data for s in self.sections}}
        return json.dumps(_clean(payload), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _clean(obj: Any) -> Any:
    """Round floats to 6 significant digits so the JSON is stable and readable."""
    if isinstance(obj, float):
        return float(f"{obj:.6g}")
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def _env() -> Environment:
    return Environment(
        loader=PackageLoader("eastflank", "report/templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


Progress = Callable[[str], None]


def build_report(
    catalog: Catalog,
    *,
    stages: Sequence[str] | None = None,
    samples: int = 20_000,
    seed: int = 20260106,
    articles: Sequence[tuple[str, str]] = (),
    progress: Progress | None = None,
) -> Report:
    """Compute every section of the report.

    Parameters
    ----------
    catalog
        The loaded dataset.
    stages
        Stage ids or paths, in order (default: every built-in stage).
    samples
        Monte Carlo samples per stage for the warning and campaign models.
    seed
        Seed of every random draw; the same seed gives a byte-identical ``report.json``.
    articles
        ``(name, text)`` of the articles to claim-check (``make demo`` gives both seeds).
    progress
        Called with a short label as each step starts.
    """
    from eastflank.report import sections

    tell = progress or (lambda _label: None)
    ctx = sections.Context(catalog=catalog, stage_ids=list(stages) if stages else None,
                           samples=samples, seed=seed, env=_env(), progress=tell,
                           articles=list(articles))
    built = [builder(ctx) for builder in sections.BUILDERS]
    meta = {
        "eastflank_version": __version__,
        "seed": seed,
        "samples": samples,
        "stages": ctx.stage_list,
        "crs": "EPSG:4326 (WGS84); areas in EPSG:3035",
    }
    return Report([s for s in built if s is not None], meta)


def render_html(report: Report) -> str:
    """The self-contained HTML page of ``report`` (no external requests)."""
    template = _env().get_template("index.html.j2")
    return template.render(report=report, meta=report.meta)


REPORT_FILES = ("index.html", "report.json")
"""The only files :func:`write_report` writes into its folder."""


def holds_report(out: Path) -> bool:
    """Whether the folder ``out`` holds an eastflank report (a ``report.json`` of ours)."""
    try:
        with open(Path(out) / "report.json", encoding="utf-8") as fh:
            head = fh.read(1 << 20)
        meta = json.loads(head).get("meta", {})
    except (OSError, ValueError, AttributeError):
        return False
    return isinstance(meta, dict) and "eastflank_version" in meta


def check_out(out: Path, force: bool = False) -> None:
    """Fail early, before any work, if ``out`` cannot receive a report.

    A missing folder is created by :func:`write_report`; an existing one must be empty or hold
    an eastflank report, unless ``force`` (even then only the report's own files are written).

    Raises
    ------
    OutputError
        If ``out`` is a file, its parent folder does not exist, or it is a non-empty folder
        that holds no eastflank report and ``force`` is not given.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError("expected a folder for the report, found a file", file=str(out))
    if not out.exists():
        if not out.resolve().parent.is_dir():
            raise OutputError("parent folder does not exist", file=str(out.resolve().parent))
        return
    try:
        with os.scandir(out) as entries:
            empty = next(entries, None) is None
    except OSError as exc:
        raise OutputError(f"cannot read folder ({exc.strerror})", file=str(out)) from None
    if not empty and not force and not holds_report(out):
        raise OutputError("folder is not empty and holds no eastflank report; choose another "
                          "--out or pass --force (only index.html and report.json are written)",
                          file=str(out))


def write_report(report: Report, out: Path, force: bool = False) -> Path:
    """Write ``out/index.html`` and ``out/report.json``, each atomically; return ``out``.

    Only those two files are written; nothing else in ``out`` is touched. Each is written to a
    temporary file in ``out`` and renamed into place, so a failed or interrupted run never
    leaves a half-written file (see :mod:`eastflank.safeio`).

    Raises
    ------
    OutputError
        See :func:`check_out`; also if ``out`` cannot be written.
    """
    out = Path(out)
    check_out(out, force)
    created = False
    if not out.exists():
        try:
            out.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot create folder ({exc.strerror})", file=str(out)) from None
        created = True
    try:
        html = render_html(report)
        atomic_write(out / "report.json", report.to_json())
        atomic_write(out / "index.html", html)
    except BaseException:
        if created:
            for name in REPORT_FILES:
                (out / name).unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    return out
