"""Citations of the dataset's sources as BibTeX, CSL-JSON or RIS.

:func:`sources_for` gathers the sources behind records (a source id stands for itself; any other
record brings the sources of the record, of its figures and of its dated parents);
:func:`format_sources` writes them with maintained libraries: pybtex for BibTeX, rispy for RIS,
and CSL-JSON items as the CSL data schema defines them (checked by citeproc-py in the tests).

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog()
>>> [s.id for s in sources_for(cat, ["banasik-2022"])]
['banasik-2022']
>>> print(format_sources(sources_for(cat, ["banasik-2022"]), "bibtex").splitlines()[0])
@article{banasik-2022,
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from eastflank.catalog import Catalog
from eastflank.errors import ModelInputError
from eastflank.schema import Source

__all__ = ["FORMATS", "CiteFormat", "format_sources", "report_source_ids", "sources_for",
           "to_csl"]

CiteFormat = Literal["bibtex", "csl-json", "ris"]
FORMATS: tuple[str, ...] = ("bibtex", "csl-json", "ris")
"""Citation formats :func:`format_sources` writes."""

_BIBTEX_TYPE = {"book": "book", "academic": "article", "think-tank": "techreport"}
_CSL_TYPE = {
    "official": "document",
    "think-tank": "report",
    "news": "article-newspaper",
    "academic": "article-journal",
    "reference": "webpage",
    "dataset": "dataset",
    "book": "book",
    "seed": "article",
}
_RIS_TYPE = {
    "official": "GOVDOC",
    "think-tank": "RPRT",
    "news": "NEWS",
    "academic": "JOUR",
    "reference": "ELEC",
    "dataset": "DATA",
    "book": "BOOK",
    "seed": "GEN",
}


def sources_for(
    catalog: Catalog, ids: Iterable[str] = (), kind: str | None = None
) -> list[Source]:
    """The sources behind ``ids`` and, if given, every record of ``kind``; each once, in order.

    Raises
    ------
    UnknownNameError
        If an id or the kind is not known (the error lists the nearest names).
    """
    wanted: list[str] = []
    records: list[Any] = [catalog.get(i) for i in ids]
    if kind is not None:
        records += catalog.select(kind)
    for rec in records:
        if isinstance(rec, Source):
            found = [rec.id]
        else:
            found = list(rec.sources)
            for fig in getattr(rec, "figures", []):
                found += fig.sources
            for span in getattr(rec, "parents", []):
                found += span.sources
        for sid in found:
            if sid not in wanted:
                wanted.append(sid)
    return [catalog.sources[s] for s in wanted]


def report_source_ids(path: Path) -> list[str]:
    """The ids of the sources a written report cites (``report.json``, or its folder).

    Raises
    ------
    ModelInputError
        If the file is missing, is not JSON or is not an eastflank report.
    """
    path = Path(path)
    if path.is_dir():
        path = path / "report.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelInputError(f"{path}: no such report file") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelInputError(f"{path}: cannot read the report ({exc})") from None
    try:
        ids = data["sections"]["sources"]["cited_in_report"]
    except (KeyError, TypeError):
        raise ModelInputError(f"{path}: expected an eastflank report.json with a sources "
                              "section") from None
    return [str(i) for i in ids]


def _people(names: str) -> list[str]:
    """Split an author field ("A B, C D and E F") into single names."""
    return [n.strip() for n in re.split(r",|;|\band\b", names) if n.strip()]


def _bibtex(sources: Sequence[Source]) -> str:
    from pybtex.database import BibliographyData, Entry, Person

    entries: dict[str, Entry] = {}
    for src in sources:
        fields: dict[str, str] = {"title": src.title, "year": str(src.year)}
        if src.date is not None:
            fields["month"] = src.date.strftime("%b").lower()
        if src.publisher:
            key = {"techreport": "institution"}.get(_BIBTEX_TYPE.get(src.kind, ""), "publisher")
            fields[key] = src.publisher
        if src.url:
            fields["url"] = src.url
            fields["howpublished"] = f"\\url{{{src.url}}}"
        if src.page:
            fields["note"] = src.page
        persons = {"author": [Person(n) for n in _people(src.author)]} if src.author else {}
        entries[src.id] = Entry(_BIBTEX_TYPE.get(src.kind, "misc"), fields=fields,
                                persons=persons)
    return str(BibliographyData(entries=entries).to_string("bibtex"))


def to_csl(src: Source) -> dict[str, Any]:
    """One source as a CSL-JSON item (the CSL 1.0 data schema)."""
    item: dict[str, Any] = {"id": src.id, "type": _CSL_TYPE[src.kind], "title": src.title}
    if src.author:
        item["author"] = [_csl_name(n) for n in _people(src.author)]
    if src.publisher:
        item["publisher"] = src.publisher
    parts = [src.date.year, src.date.month, src.date.day] if src.date else [src.year]
    item["issued"] = {"date-parts": [parts]}
    if src.url:
        item["URL"] = src.url
    if src.page:
        item["page" if re.fullmatch(r"[0-9\-–, ]+", src.page) else "note"] = src.page
    return item


def _csl_name(name: str) -> dict[str, str]:
    parts = name.rsplit(" ", 1)
    if len(parts) == 2:
        return {"given": parts[0], "family": parts[1]}
    return {"literal": name}


def _ris(sources: Sequence[Source]) -> str:
    import rispy

    entries = []
    for src in sources:
        entry: dict[str, Any] = {"type_of_reference": _RIS_TYPE[src.kind], "id": src.id,
                                 "title": src.title, "year": str(src.year)}
        if src.author:
            entry["authors"] = _people(src.author)
        if src.publisher:
            entry["publisher"] = src.publisher
        if src.date is not None:
            entry["date"] = src.date.strftime("%Y/%m/%d")
        if src.url:
            entry["urls"] = [src.url]
        if src.page:
            entry["notes"] = [src.page]
        entries.append(entry)
    return str(rispy.dumps(entries))


def format_sources(sources: Sequence[Source], fmt: str = "bibtex") -> str:
    """``sources`` as BibTeX, CSL-JSON (a JSON array) or RIS text.

    Raises
    ------
    ModelInputError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "bibtex":
        return _bibtex(sources)
    if fmt == "csl-json":
        return json.dumps([to_csl(s) for s in sources], indent=2, ensure_ascii=False) + "\n"
    if fmt == "ris":
        return _ris(sources)
    raise ModelInputError(f"unknown citation format {fmt!r}; expected one of "
                          f"{', '.join(FORMATS)}")
