"""Sources as BibTeX (written by pybtex) and as CSL-JSON (the citation data of CSL processors).

Examples
--------
>>> from eastflank.catalog import load_catalog
>>> cat = load_catalog()
>>> sid = next(iter(cat.sources))
>>> "@" in bibtex([cat.sources[sid]])
True
>>> csl_json([cat.sources[sid]])[0]["id"] == sid
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from eastflank.schema import Source

__all__ = ["bibtex", "csl_json"]

_BIB_TYPE = {"academic": "article", "book": "book", "think-tank": "techreport",
             "official": "misc", "news": "misc", "reference": "misc", "dataset": "misc",
             "seed": "misc"}
_CSL_TYPE = {"academic": "article-journal", "book": "book", "think-tank": "report",
             "official": "document", "news": "article-newspaper", "reference": "webpage",
             "dataset": "dataset", "seed": "article"}


def bibtex(sources: Iterable[Source]) -> str:
    """BibTeX entries of ``sources``, keyed by source id."""
    from pybtex.database import BibliographyData, Entry, Person

    entries: dict[str, Any] = {}
    for s in sources:
        fields = {"title": s.title, "year": str(s.year)}
        if s.publisher:
            fields["institution" if _BIB_TYPE[s.kind] == "techreport" else "publisher"] = (
                s.publisher)
        if s.url:
            fields["url"] = s.url
        if s.page:
            fields["note"] = s.page
        if s.date:
            fields["urldate" if s.url else "month"] = s.date.isoformat()
        names = _split(s.author) if s.author else []
        people = [Person(n if n.replace(" ", "").replace(".", "").replace("-", "").isalpha()
                         else "{" + n + "}") for n in names]
        if s.author and s.author.rstrip(". ").endswith("et al"):
            people.append(Person("others"))
        entries[s.id] = Entry(_BIB_TYPE[s.kind], fields=fields,
                              persons={"author": people} if people else {})
    return str(BibliographyData(entries=entries).to_string("bibtex"))


def _split(author: str) -> list[str]:
    """Names of a free-text author field ("A. B, C. D et al."), each as written."""
    text = author.replace(" and ", ", ").replace(";", ",")
    text = text.removesuffix(".").removesuffix(" et al").removesuffix(",")
    return [n.strip() for n in text.split(",") if n.strip() and n.strip() != "et al."]


def _names(author: str) -> list[dict[str, str]]:
    return [{"literal": n} for n in _split(author)]


def csl_json(sources: Iterable[Source]) -> list[dict[str, Any]]:
    """CSL-JSON items of ``sources`` (ids kept), as citation processors read them."""
    items: list[dict[str, Any]] = []
    for s in sources:
        item: dict[str, Any] = {"id": s.id, "type": _CSL_TYPE[s.kind], "title": s.title,
                                "issued": {"date-parts": [[s.year]]}}
        if s.date:
            item["issued"] = {"date-parts": [[s.date.year, s.date.month, s.date.day]]}
        if s.author:
            item["author"] = _names(s.author)
        if s.publisher:
            item["publisher"] = s.publisher
        if s.url:
            item["URL"] = s.url
        if s.page:
            item["page"] = s.page
        if s.note:
            item["note"] = s.note
        items.append(item)
    return items
