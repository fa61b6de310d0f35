"""``eastflank check``: test an article's claims against the dataset and the models."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from eastflank.cli._common import (
    DataOpt,
    JsonOpt,
    console,
    emit,
    get_catalog,
    parse_date,
)
from eastflank.errors import ClaimInputError
from eastflank.safeio import atomic_write

__all__ = ["register"]

_STYLE = {"supported": "green", "contradicted": "red", "outdated": "yellow",
          "unverifiable": "dim"}


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    atomic_write(path, text)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def _render_evaluation(results: dict[str, Any]) -> None:
    """Scores per split (the tuning split first) and per claim kind; the per-claim misses of
    the tuning splits only (held-out splits are scored, not studied: their outcomes are in
    ``--json``)."""
    splits: dict[str, Any] = results["splits"]
    tuning = [n for n, r in splits.items() if r.get("role", "tuning") == "tuning"]
    held = [n for n in splits if n not in tuning]
    roles = (f"tuned on: {', '.join(tuning) or 'none'}; held out: {', '.join(held) or 'none'}. ")
    summary = Table(title=f"Claim checker on {results['folder']}",
                    caption=roles +
                    "accuracy: right verdicts / claims found; decisive: right decisive "
                    "verdicts / decisive verdicts; e2e: right verdicts / labelled claims; "
                    "extr.: extracted claims on a labelled quote / extracted claims")
    for col in ("split", "texts", "claims", "recall", "accuracy", "decisive", "e2e", "extr."):
        summary.add_column(col, justify="left" if col == "split" else "right",
                           no_wrap=True)
    for name, r in splits.items():
        summary.add_row(name, str(r["n_texts"]), str(r["n_labelled"]),
                        _pct(r["recall"]), _pct(r["verdict_accuracy"]),
                        _pct(r["decisive_precision"]), _pct(r["end_to_end_accuracy"]),
                        _pct(r["precision"]))
    console.print(summary)
    for name, r in splits.items():
        ind = r.get("independent")
        if r.get("n_texts_cited") and ind:
            console.print(
                f"{name}: the dataset cites {r['n_texts_cited']} of its {r['n_texts']} texts as "
                f"sources; on the claims of the other texts: recall {_pct(ind['recall'])}, "
                f"verdict accuracy {_pct(ind['verdict_accuracy'])}, decisive precision "
                f"{_pct(ind['decisive_precision'])} ({ind['n_labelled']} claims)")
        for key, what in (("holds", "a record of the dataset decided at the freeze"),
                          ("lacks", "no record of the dataset decided at the freeze")):
            part = r.get("by_dataset", {}).get(key)
            if part:
                console.print(
                    f"{name}: claims labelled as ones {what}: {part['n_labelled']}; recall "
                    f"{_pct(part['recall'])}, verdict accuracy {_pct(part['verdict_accuracy'])}, "
                    f"decisive precision {_pct(part['decisive_precision'])}")
    for name, r in splits.items():
        kinds = Table(title=f"{name}: by claim kind")
        for col in ("kind", "claims", "recall", "accuracy", "decisive"):
            kinds.add_column(col, justify="left" if col == "kind" else "right", no_wrap=True)
        for kind, k in r["by_kind"].items():
            kinds.add_row(kind, str(k["n_labelled"]), _pct(k["recall"]),
                          _pct(k["verdict_accuracy"]), _pct(k["decisive_precision"]))
        console.print(kinds)
        if name not in tuning:
            continue
        for o in r["outcomes"]:
            if not o["correct"]:
                console.print(f"  [red]miss[/red] {o['file']}: {o['quote']!r} expected "
                              f"{o['kind']}/{o['expected']}, got {o['got_kind']}/{o['got']}")


def _render(results: Any) -> None:
    if isinstance(results, dict) and "splits" in results:
        _render_evaluation(results)
        return
    for result in results:
        table = Table(title=f"{result.source} — checked at {result.article_date}")
        for col in ("id", "kind", "verdict", "claim", "why"):
            table.add_column(col, overflow="fold")
        for c in result.claims:
            table.add_row(c.id, c.kind, f"[{_STYLE[c.verdict]}]{c.verdict}[/]",
                          c.text.replace("\n", " ")[:60], c.explanation[:160])
        console.print(table)
        console.print(", ".join(f"{v} {k}" for k, v in result.counts.items()))
    if results and results[-1].reliability is not None:
        console.print(f"[dim]{results[-1].reliability.note}[/]")


def check(
    files: Annotated[list[str] | None, typer.Argument(
        help="Articles: text, HTML or PDF files, folders of them, or '-' for stdin.")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="The article's date (YYYY-MM-DD); default: from its metadata, else "
        "the latest date it mentions.")] = None,
    html: Annotated[Path | None, typer.Option(
        "--html", help="Write a self-contained HTML view of the claims to this file.")] = None,
    evaluate: Annotated[Path | None, typer.Option(
        "--evaluate", help="Score the checker on a folder of labelled texts instead.")] = None,
    as_json: JsonOpt = False,
    data: DataOpt = None,
) -> None:
    """Find an article's checkable claims and test each against the dataset and the models."""
    from eastflank.claims import check_text, read_articles
    from eastflank.claims.evaluate import evaluate_dir
    from eastflank.claims.html import render_html

    catalog = get_catalog(data)
    # the catalog and what checking builds from it (prepare) live as long as this command:
    # moved out of the garbage collector's reach, they are not traversed by every full
    # collection
    import gc

    from eastflank.claims.check import prepare

    prepare(catalog)
    gc.freeze()
    if evaluate is not None:
        report = evaluate_dir(evaluate, catalog)
        emit(report.model_dump(mode="json"), as_json, _render)
        return
    if not files:
        raise ClaimInputError("no input given; expected a file, a folder or '-' for stdin")
    day = parse_date(date, "--date")
    articles = read_articles(files)
    results = []
    for art in articles:
        when = day or art.date
        origin = "given" if day else ("metadata" if art.date else None)
        results.append(check_text(art.text, catalog, when, source=art.source, title=art.title,
                                  date_origin=origin))
    if html is not None:
        _write_atomic(html, render_html([(a.text, r) for a, r in
                                         zip(articles, results, strict=True)]))
    payload: Any = results[0] if len(results) == 1 else results
    emit(payload, as_json, lambda _: _render(results))


def register(app: typer.Typer) -> None:
    """Add ``eastflank check`` to the command line."""
    app.command("check")(check)
