"""Evaluate the checker on labelled texts: recall, verdict accuracy, decisive precision.

An evaluation folder holds YAML files, one per public text::

    url: https://...            # where the excerpt comes from
    title: ...
    publisher: ...
    date: 2023-08-25            # the text's date: claims are checked at it
    text: |
      The excerpt ...
    claims:
      - quote: "range of up to 500 km"   # a substring of text
        kind: weapon_range
        verdict: supported
        reason: why this is the right verdict, from public evidence
        evidence:                        # optional: the public sources of the label
          - {title: ..., publisher: ..., year: 2023, url: https://...}

A folder with split subfolders (``dev/``, ``test/``, ...) is scored per split (each split on
its own, never pooled); a flat folder is one split named after it. An optional ``splits.yaml``
beside the split folders gives each split its role::

    splits:
      dev: {role: tuning}
      test4: {role: held_out, frozen: "2026-11-29 22:17 UTC, commit 1b725c5"}

``tuning`` splits are the ones rules are developed on; ``held_out`` splits are frozen and scored
only. A split the file does not list is held out; without the file, ``dev`` is the one tuning
split.

Scores, per split and per labelled claim kind:

recall
    labelled claims found (an extracted claim's span overlaps the quote) / labelled claims;
verdict accuracy
    found claims with the labelled verdict / found claims (the overlapping claim of the same
    kind is taken, else any overlapping claim);
end-to-end accuracy
    claims found with the labelled verdict / labelled claims;
decisive precision
    found claims given ``supported``, ``contradicted`` or ``outdated`` whose verdict is the
    label / found claims given such a verdict;
precision
    extracted claims that overlap some labelled quote / extracted claims.

Independence: a text whose own URL the dataset cites as a source is *cited*. Its claims may be
judged against facts taken from the text itself, so each split also reports the scores of the
claims of the texts the dataset does not cite (``independent``) and how many texts are cited.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from eastflank.catalog import Catalog
from eastflank.claims.check import check_text
from eastflank.claims.model import CheckResult, Claim, ClaimKind, Verdict
from eastflank.errors import ClaimInputError
from eastflank.yamlio import load_document

__all__ = [
    "Agreement",
    "ClaimOutcome",
    "EvalClaim",
    "EvalReport",
    "EvalText",
    "Scores",
    "SplitReport",
    "SplitRole",
    "SplitRoles",
    "cited_urls",
    "evaluate_dir",
    "evaluate_text",
    "label_agreement",
    "scores",
    "split_folders",
    "split_roles",
    "url_key",
]

DECISIVE: frozenset[str] = frozenset({"supported", "contradicted", "outdated"})
"""Verdicts that assert something about the claim."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EvalEvidence(_Frozen):
    """A public source behind a label."""

    title: str
    publisher: str | None = None
    author: str | None = None
    year: int | None = None
    url: str | None = None
    page: str | None = None


class EvalClaim(_Frozen):
    """A labelled claim of an evaluation text."""

    quote: str = Field(min_length=3)
    kind: ClaimKind
    verdict: Verdict
    reason: str = Field(min_length=3)
    evidence: list[EvalEvidence] = Field(default_factory=list)
    dataset: Literal["holds", "lacks"] | None = Field(
        None, description="Whether the dataset held a record deciding the claim when the split "
                          "was frozen, judged by reading the data files, not by any checker.")


class EvalText(_Frozen):
    """A public text (excerpt) with its labelled claims."""

    url: str = Field(pattern=r"^https?://")
    title: str
    publisher: str
    date: dt.date
    text: str = Field(min_length=20)
    claims: list[EvalClaim] = Field(min_length=1)


class SplitRole(_Frozen):
    """What a split is for: developing rules on (``tuning``) or scoring only (``held_out``)."""

    role: Literal["tuning", "held_out"]
    frozen: str | None = Field(None, description="When and at which commit it was frozen.")
    note: str | None = None


class SplitRoles(_Frozen):
    """The ``splits.yaml`` of an evaluation folder."""

    splits: dict[str, SplitRole] = Field(min_length=1)


class ClaimOutcome(_Frozen):
    """How one labelled claim fared."""

    file: str
    quote: str
    kind: ClaimKind
    expected: Verdict
    found: bool
    got: Verdict | None
    got_kind: ClaimKind | None
    correct: bool
    text_cited: bool = Field(False, description="The text's URL is a source of the dataset.")
    dataset: Literal["holds", "lacks"] | None = Field(
        None, description="The label's note of whether the dataset held the deciding record.")


class Scores(_Frozen):
    """Scores over a set of labelled claims (fractions in [0, 1]; ``None`` when undefined)."""

    n_labelled: int
    n_found: int
    n_correct: int
    n_decisive: int
    n_decisive_correct: int
    recall: float | None
    verdict_accuracy: float | None = Field(description="Correct verdicts / claims found.")
    end_to_end_accuracy: float | None = Field(description="Correct verdicts / labelled claims.")
    decisive_precision: float | None = Field(
        description="Correct decisive verdicts / decisive verdicts given to claims found.")


class SplitReport(_Frozen):
    """Scores of one split (``dev``, ``test`` or a flat folder)."""

    split: str
    role: Literal["tuning", "held_out"] = "tuning"
    n_texts: int
    n_labelled: int
    n_extracted: int
    recall: float | None
    precision: float | None = Field(description="Extracted claims on a labelled quote / "
                                                "extracted claims.")
    verdict_accuracy: float | None
    end_to_end_accuracy: float | None
    decisive_precision: float | None
    kind_accuracy: float | None = Field(description="Right kind / labelled claims found.")
    by_kind: dict[str, Scores]
    n_texts_cited: int = Field(0, description="Texts whose URL the dataset cites as a source.")
    independent: Scores | None = Field(
        None, description="Scores of the claims of the texts the dataset does not cite.")
    by_dataset: dict[str, Scores] = Field(
        default_factory=dict,
        description="Scores of the claims labelled as decided (``holds``) or not (``lacks``) by "
                    "a record the dataset held at the freeze; empty when no claim says.")
    outcomes: list[ClaimOutcome]


class EvalReport(_Frozen):
    """Scores per split of an evaluation folder; splits are never pooled."""

    folder: str
    splits: dict[str, SplitReport]
    status: Literal["ok"] = "ok"


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def scores(outcomes: Iterable[ClaimOutcome]) -> Scores:
    """Recall, verdict accuracy and decisive precision of ``outcomes``."""
    outs = list(outcomes)
    found = [o for o in outs if o.found]
    correct = sum(o.correct for o in found)
    decisive = [o for o in found if o.got in DECISIVE]
    dec_ok = sum(o.correct for o in decisive)
    return Scores(
        n_labelled=len(outs), n_found=len(found), n_correct=correct,
        n_decisive=len(decisive), n_decisive_correct=dec_ok,
        recall=_ratio(len(found), len(outs)),
        verdict_accuracy=_ratio(correct, len(found)),
        end_to_end_accuracy=_ratio(correct, len(outs)),
        decisive_precision=_ratio(dec_ok, len(decisive)),
    )


def url_key(url: str) -> str:
    """``url`` reduced to what names the page: host without ``www.``, path without a trailing
    slash, and the query; scheme, port and fragment dropped, case folded.

    >>> url_key("https://www.Example.org/a/b/?p=1#top") == url_key("http://example.org/a/b?p=1")
    True
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    key = f"{host}{parts.path.rstrip('/')}"
    return (f"{key}?{parts.query}" if parts.query else key).casefold()


def cited_urls(catalog: Catalog) -> frozenset[str]:
    """The :func:`url_key` of every source URL of the dataset."""
    return frozenset(url_key(s.url) for s in catalog.sources.values() if s.url)


def _overlaps(c: Claim, start: int, end: int) -> bool:
    return c.span.start < end and start < c.span.end


def evaluate_text(item: EvalText, catalog: Catalog, file: str = "",
                  cited: frozenset[str] | None = None) -> tuple[
        CheckResult, list[ClaimOutcome], int]:
    """Check one evaluation text; return the result, the outcome per labelled claim and the
    number of extracted claims that overlap a labelled quote. ``cited`` is
    :func:`cited_urls` of the catalog (computed when not given)."""
    result = check_text(item.text, catalog, item.date, source=item.url, title=item.title)
    text_cited = url_key(item.url) in (cited_urls(catalog) if cited is None else cited)
    outcomes: list[ClaimOutcome] = []
    spans: list[tuple[int, int]] = []
    for label in item.claims:
        start = item.text.find(label.quote)
        if start < 0:
            raise ClaimInputError(f"quote {label.quote!r} is not in the text", file=file,
                                  field="claims.quote")
        end = start + len(label.quote)
        spans.append((start, end))
        hits = [c for c in result.claims if _overlaps(c, start, end)]
        same = [c for c in hits if c.kind == label.kind]
        pool = same or hits
        best = pool[0] if pool else None
        outcomes.append(ClaimOutcome(
            file=file, quote=label.quote, kind=label.kind, expected=label.verdict,
            found=best is not None, got=best.verdict if best else None,
            got_kind=best.kind if best else None,
            correct=best is not None and best.verdict == label.verdict,
            text_cited=text_cited, dataset=label.dataset))
    on_label = sum(1 for c in result.claims
                   if any(_overlaps(c, s, e) for s, e in spans))
    return result, outcomes, on_label


def evaluate_split(folder: Path, catalog: Catalog, split: str | None = None) -> SplitReport:
    """Evaluate every ``*.yaml`` file of ``folder`` as one split.

    Raises
    ------
    ClaimInputError
        If the folder has no evaluation file, or a file is malformed or quotes text it does
        not contain.
    """
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise ClaimInputError("no evaluation files (*.yaml) in the folder", file=str(folder))
    outcomes: list[ClaimOutcome] = []
    extracted = on_label = 0
    cited = cited_urls(catalog)
    cited_files: set[str] = set()
    for path in files:
        item = load_document(path, EvalText, ClaimInputError)
        result, outs, hits = evaluate_text(item, catalog, path.name, cited)
        if url_key(item.url) in cited:
            cited_files.add(path.name)
        outcomes += outs
        extracted += len(result.claims)
        on_label += hits
    total = scores(outcomes)
    found = [o for o in outcomes if o.found]
    kinds = sorted({o.kind for o in outcomes})
    return SplitReport(
        split=split or folder.name,
        n_texts=len(files),
        n_labelled=len(outcomes),
        n_extracted=extracted,
        recall=total.recall,
        precision=_ratio(on_label, extracted),
        verdict_accuracy=total.verdict_accuracy,
        end_to_end_accuracy=total.end_to_end_accuracy,
        decisive_precision=total.decisive_precision,
        kind_accuracy=_ratio(sum(o.got_kind == o.kind for o in found), len(found)),
        by_kind={k: scores(o for o in outcomes if o.kind == k) for k in kinds},
        n_texts_cited=len(cited_files),
        independent=scores(o for o in outcomes if not o.text_cited),
        by_dataset={k: scores(o for o in outcomes if o.dataset == k)
                    for k in ("holds", "lacks") if any(o.dataset == k for o in outcomes)},
        outcomes=outcomes,
    )


TUNING_SPLIT = "dev"
"""The split rules are tuned on when an evaluation folder has no ``splits.yaml``; every other
split folder is then held out (frozen and scored only; see the evaluation set's README)."""

ROLES_FILE = "splits.yaml"


def split_roles(folder: Path) -> dict[str, SplitRole]:
    """The role of each split of ``folder`` from its ``splits.yaml``; ``{}`` without one.

    Raises
    ------
    ClaimInputError
        If the file is malformed, or names a split that has no folder of evaluation files.
    """
    path = folder / ROLES_FILE
    if not path.is_file():
        return {}
    roles = load_document(path, SplitRoles, ClaimInputError).splits
    for name in roles:
        sub = folder / name
        if not (sub.is_dir() and any(sub.glob("*.yaml"))):
            raise ClaimInputError(
                f"split {name!r} has no folder of evaluation files (*.yaml) beside the file",
                file=str(path), record=name, field="splits")
    return roles


def _role(name: str, roles: dict[str, SplitRole]) -> Literal["tuning", "held_out"]:
    if roles:
        return roles[name].role if name in roles else "held_out"
    return "tuning" if name == TUNING_SPLIT else "held_out"


def split_folders(folder: Path) -> list[Path]:
    """Subfolders of ``folder`` that hold evaluation files: the tuning splits first (``dev``
    before the others), then the held-out splits, each group by name."""
    roles = split_roles(folder)
    subs = [p for p in folder.iterdir() if p.is_dir() and any(p.glob("*.yaml"))]
    return sorted(subs, key=lambda p: (_role(p.name, roles) != "tuning",
                                       p.name != TUNING_SPLIT, p.name))


def evaluate_dir(folder: Path, catalog: Catalog) -> EvalReport:
    """Evaluate ``folder``: each of its split subfolders (:func:`split_folders`) as a split,
    or the folder itself as one split when it has none (its role then comes from the parent
    folder's ``splits.yaml``, and is ``tuning`` when that does not list it).

    Raises
    ------
    ClaimInputError
        If a split has no evaluation file, a file is malformed or quotes text it does not
        contain, or ``splits.yaml`` is malformed.
    """
    subs = split_folders(folder)
    if subs:
        roles = split_roles(folder)
        splits = {p.name: evaluate_split(p, catalog, p.name).model_copy(
            update={"role": _role(p.name, roles)}) for p in subs}
    else:
        parent = split_roles(folder.parent) if folder.parent != folder else {}
        role = parent[folder.name].role if folder.name in parent else "tuning"
        splits = {folder.name: evaluate_split(folder, catalog, folder.name).model_copy(
            update={"role": role})}
    return EvalReport(folder=str(folder), splits=splits)


class SecondLabel(_Frozen):
    """A claim of an evaluation text labelled a second time, without its first verdict."""

    file: str = Field(min_length=1, description="The evaluation file of the split.")
    quote: str = Field(min_length=3)
    kind: ClaimKind
    verdict: Verdict
    reason: str = Field(min_length=3)
    evidence: list[EvalEvidence] = Field(default_factory=list)


class SecondLabelling(_Frozen):
    """A second labelling of one split (``tests/data/claims/agreement``)."""

    split: str
    labels: list[SecondLabel] = Field(min_length=1)


class Agreement(_Frozen):
    """How far two labellings of the same claims agree."""

    split: str
    n: int
    agreement: float = Field(description="Share of the claims given the same verdict.")
    kappa: float = Field(description="Cohen's kappa: the agreement beyond chance.")
    confusion: dict[str, dict[str, int]] = Field(
        description="First verdict -> second verdict -> claims.")


def label_agreement(split: Path, second: Path) -> Agreement:
    """Compare the verdicts of the evaluation split ``split`` with the second labelling in
    ``second``, claim by claim (each claim of the split must be labelled again, once).

    Raises
    ------
    ClaimInputError
        If a file is malformed, or the second labelling leaves out a claim of the split,
        labels one twice or one the split does not have.
    """
    other = load_document(second, SecondLabelling, ClaimInputError)
    again: dict[tuple[str, str], str] = {}
    for i, lab in enumerate(other.labels):
        key = (lab.file, lab.quote)
        if key in again:
            raise ClaimInputError(f"claim labelled twice: {lab.quote[:60]!r}", file=str(second),
                                  record=f"labels.{i}", field="quote")
        again[key] = lab.verdict
    pairs: list[tuple[str, str]] = []
    for path in sorted(split.glob("*.yaml")):
        item = load_document(path, EvalText, ClaimInputError)
        for c in item.claims:
            got = again.pop((path.name, c.quote), None)
            if got is None:
                raise ClaimInputError(f"no label for {c.quote[:60]!r}; expected one for every "
                                      "claim of the split", file=str(second), record=path.name,
                                      field="labels")
            pairs.append((c.verdict, got))
    if again:
        (file, quote), _ = next(iter(again.items()))
        raise ClaimInputError(f"no such claim in the split: {quote[:60]!r}", file=str(second),
                              record=file, field="quote")
    if not pairs:
        raise ClaimInputError("no evaluation files (*.yaml) in the folder", file=str(split))
    n = len(pairs)
    verdicts = sorted({v for pair in pairs for v in pair})
    first = Counter(a for a, _ in pairs)
    then = Counter(b for _, b in pairs)
    observed = sum(a == b for a, b in pairs) / n
    chance = sum(first[v] * then[v] for v in verdicts) / n / n
    kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
    confusion = {a: {b: sum(1 for x, y in pairs if (x, y) == (a, b)) for b in verdicts}
                 for a in verdicts}
    return Agreement(split=other.split, n=n, agreement=observed, kappa=kappa,
                     confusion=confusion)
