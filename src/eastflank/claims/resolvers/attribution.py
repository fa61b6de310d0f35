"""Attributed statements: is the quoted person (and institution) known to the dataset?

The quote itself cannot be checked offline. The resolver says whether any source of the
dataset is written by the person (rapidfuzz token-set score on ``author``) and whether the
institution publishes any source; a person unknown to the sources makes the claim
``unverifiable``, stated plainly.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from eastflank.claims.detect import Candidate
from eastflank.claims.model import Evidence
from eastflank.claims.resolvers.base import Context, Outcome, unverifiable
from eastflank.claims.text import fold

__all__ = ["resolve_attribution"]

_TITLES = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Gen|Col|Lt|Maj|Adm|Sen|Rep|Minister)\.?\s+")


def _acronym(inst: str) -> str | None:
    m = re.search(r"\(([A-Z]{2,8})\)", inst)
    return m.group(1) if m else None


def resolve_attribution(cand: Candidate, ctx: Context) -> Outcome:
    """Say whether the dataset's sources know the quoted person and institution."""
    attrs = [a for a in cand.facts.attributions if a.span.start == cand.span.start]
    if not attrs:
        return unverifiable("No attributed statement found.")
    a = attrs[0]
    person = _TITLES.sub("", a.person or "")
    threshold = ctx.tolerances.attribution.name_score
    tolerance = {"name_score": threshold}
    by_person: list[Evidence] = []
    by_inst: list[Evidence] = []
    inst = re.sub(r"^the\s+", "", a.institution or "", flags=re.I)
    inst_name = re.sub(r"\s*\([^)]*\)", "", inst).strip()
    acronym = _acronym(inst)
    for s in ctx.catalog.sources.values():
        if s.id in ctx.seed_sources:
            continue
        author = s.author or ""
        if person and author and fuzz.token_set_ratio(fold(person), fold(author)) >= threshold:
            by_person.append(Evidence(record=s.id, kind="sources", name=s.title,
                                      detail=f"source by {author}", sources=[s.id]))
        pub = " ".join(x for x in (s.publisher, s.author, s.title) if x)
        if inst_name and (fuzz.partial_ratio(fold(inst_name), fold(pub)) >= threshold
                          or (acronym and re.search(rf"\b{acronym}\b", pub))):
            by_inst.append(Evidence(record=s.id, kind="sources", name=s.title,
                                    detail=f"source from {s.publisher or s.author}",
                                    sources=[s.id]))
    if by_person:
        return Outcome("supported",
                       f"{person} is an author of {len(by_person)} source(s) of the dataset; "
                       f"the quotation itself is not checked.",
                       evidence=by_person[:5], tolerance=tolerance)
    inst_note = ""
    if inst_name:
        inst_note = (f" The institution ({inst_name}) publishes {len(by_inst)} source(s) of "
                     f"the dataset, none by this person." if by_inst else
                     f" The institution ({inst_name}) is not among the dataset's sources.")
    return unverifiable(f"No source of the dataset is by or names {person or 'the speaker'}, "
                        f"so the attribution cannot be verified.{inst_note}",
                        evidence=by_inst[:3], tolerance=tolerance)
