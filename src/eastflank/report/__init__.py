"""``eastflank report``: the whole system, every stage, one self-contained offline page.

:func:`build_report` calls the library (dataset, geography, command, warning, reach, campaign,
claims) and returns a :class:`Report`: one :class:`Section` per topic, each with its numbers
(``data``, written to ``report.json``) and its HTML fragment. :func:`write_report` writes
``index.html`` and ``report.json`` atomically (a temporary folder renamed into place).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from eastflank import __version__
from eastflank.catalog import Catalog
from eastflank.errors import OutputError

__all__ = ["Report", "Section", "build_report", "check_out", "render_html", "write_report"]


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


def check_out(out: Path) -> None:
    """Fail early, before any work, if ``out`` cannot receive a report.

    Raises
    ------
    OutputError
        If ``out``'s parent folder does not exist or ``out`` is a file.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError("expected a folder for the report, found a file", file=str(out))
    if not out.resolve().parent.is_dir():
        raise OutputError("parent folder does not exist", file=str(out.resolve().parent))


def write_report(report: Report, out: Path) -> Path:
    """Write ``out/index.html`` and ``out/report.json`` atomically; return ``out``.

    A temporary folder beside ``out`` is filled, then renamed into place, so a failed run never
    leaves a half-written report.

    Raises
    ------
    OutputError
        If ``out``'s parent folder does not exist or cannot be written, or ``out`` is a file.
    """
    out = Path(out)
    check_out(out)
    parent = out.resolve().parent
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror})", file=str(parent)) from None
    try:
        (tmp / "index.html").write_text(render_html(report), encoding="utf-8")
        (tmp / "report.json").write_text(report.to_json(), encoding="utf-8")
        tmp.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=parent))
            out.replace(old / "report")
            tmp.replace(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.replace(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
