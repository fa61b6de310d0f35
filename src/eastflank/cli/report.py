"""``eastflank report``: write the self-contained HTML report and its JSON numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eastflank.cli._common import DataOpt, JsonOpt, console, emit, err_console, get_catalog
from eastflank.policy import check_samples


def report(
    out: Annotated[Path, typer.Option(help="Folder to write index.html and report.json to.")]
    = Path("report"),
    stages: Annotated[str | None, typer.Option(help="Comma-separated stage ids or files.")]
    = None,
    samples: Annotated[int, typer.Option(help="Monte Carlo samples per stage.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Seed of every random draw.")] = 20260106,
    article: Annotated[list[str] | None, typer.Option(
        "--article", help="Article (text, HTML, PDF) or folder of them to claim-check; "
        "repeatable.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write into a non-empty folder that holds no report (only index.html "
        "and report.json are written).")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Compute every section and write the offline HTML report (index.html + report.json)."""
    from eastflank.report import build_report, check_out, write_report

    check_samples(samples, "report", low=100)
    check_out(out, force)
    stage_list = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    texts: list[tuple[str, str]] = []
    if article:
        from eastflank.claims import read_articles

        texts = [(Path(a.source).name, a.text) for a in read_articles(article)]
    cat = get_catalog(data)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=err_console, transient=as_json, disable=as_json) as bar:
        task = bar.add_task("report", total=None)
        rep = build_report(cat, stages=stage_list, samples=samples, seed=seed, articles=texts,
                           progress=lambda label: bar.update(task, description=label))
        path = write_report(rep, out, force)
    result = {"out": str(path), "index": str(path / "index.html"),
              "json": str(path / "report.json"), "sections": [s.id for s in rep.sections]}
    emit(result, as_json, lambda r: console.print(
        f"report written: [bold]{r['index']}[/bold] (numbers in {r['json']})"))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
