"""Claim checker speed: a 5,000-word article, ours against a naive full-gazetteer scan.

The peer is the obvious approach to name look-up: for every sentence, compare every name and
alias of the dataset with the sentence by rapidfuzz ``partial_ratio`` (the typo-tolerant scan
a first version would write). Ours scans the text once by n-gram hashing, fuzzy-matching only
capitalised n-grams within small buckets. Both are timed after start-up (catalog loaded).
The evaluation scores on the dev split of tests/data/claims/eval are reported alongside (the
frozen test split is scored only on purpose, with ``eastflank check --evaluate``), and the
time to derive the statement store and its BM25 index once per catalog. The budget for a
5,000-word article is 2 s (printed as ``within_budget``).

The 5,000-word article repeats seed 000, so from its second copy on the checker meets
sentences it has already read; 5,000 words of real articles of the tuning splits joined (no
sentence repeated) are timed as well, after it. Start-up (:func:`eastflank.claims.check.prepare`:
the gazetteer, the statement store and its index, the people in office, the towns, the unit
registry) is timed on its own and left out of both.
"""

from __future__ import annotations

import time
from pathlib import Path

from rapidfuzz import fuzz

from eastflank.catalog import load_catalog
from eastflank.claims import check_text
from eastflank.claims.check import gazetteer_for
from eastflank.claims.evaluate import EvalText, evaluate_dir
from eastflank.claims.gazetteer import GAZETTEER_KINDS
from eastflank.claims.text import split_sentences
from eastflank.errors import ClaimInputError
from eastflank.yamlio import load_document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_9db77e2b345259bb.txt"
EVAL = ROOT / "tests" / "data" / "claims" / "eval" / "dev"
WORDS = 5000
TUNING = ("dev", "test", "test2")


def _article() -> str:
    base = SEED.read_text(encoding="utf-8") if SEED.exists() else (
        "The 45,000-strong Belarusian force stands within 200 kilometers of Warsaw. ")
    text = base
    while len(text.split()) < WORDS:
        text += "\n\n" + base
    return text


def _distinct_texts() -> str:
    """Texts of the tuning splits (dev, then test, then test2) joined, up to :data:`WORDS`
    words: real articles, no sentence repeated."""
    parts: list[str] = []
    for split in TUNING:
        for path in sorted((EVAL.parent / split).glob("*.yaml")):
            parts.append(load_document(path, EvalText, ClaimInputError).text)
            if len(" ".join(parts).split()) >= WORDS:
                return "\n\n".join(parts)
    return "\n\n".join(parts)


def _naive_scan(text: str, names: list[str]) -> int:
    hits = 0
    for s in split_sentences(text):
        low = s.text.lower()
        for n in names:
            if fuzz.partial_ratio(n, low, score_cutoff=90):
                hits += 1
    return hits


def run() -> list[dict[str, object]]:
    catalog = load_catalog()
    text = _article()
    from eastflank.claims.retrieval import Retriever
    from eastflank.claims.statements import build_statements

    t0 = time.perf_counter()
    Retriever(build_statements(catalog))
    store_s = time.perf_counter() - t0
    from eastflank.claims.check import prepare

    t0 = time.perf_counter()
    prepare(catalog)  # start-up: gazetteer, statements, BM25 index, people, towns, units
    prepare_s = time.perf_counter() - t0
    import gc

    gc.freeze()  # as `eastflank check` does once it has prepared its catalog
    # check_text pauses the cyclic garbage collector while it runs; the collection it defers
    # is timed with it (gc.collect), so that the time is what the check costs in all
    t0 = time.perf_counter()
    result = check_text(text, catalog)
    gc.collect()
    ours = time.perf_counter() - t0
    names = sorted({n.lower() for kind in GAZETTEER_KINDS
                    for r in catalog.records.get(kind, {}).values()
                    for n in [getattr(r, "name", ""), *getattr(r, "aliases", [])] if n})
    t0 = time.perf_counter()
    _naive_scan(text, names)
    peer = time.perf_counter() - t0
    distinct = _distinct_texts()
    t0 = time.perf_counter()
    distinct_result = check_text(distinct, catalog)
    gc.collect()
    ours_distinct = time.perf_counter() - t0
    t0 = time.perf_counter()
    _naive_scan(distinct, names)
    peer_distinct = time.perf_counter() - t0
    gaz = gazetteer_for(catalog)
    t0 = time.perf_counter()
    gaz.find(text)
    ours_names = time.perf_counter() - t0
    report = evaluate_dir(EVAL, catalog)
    return [{
        "name": f"name look-up (gazetteer), {len(text.split())}-word article",
        "ours_s": ours_names,
        "peer": "naive per-sentence full-gazetteer rapidfuzz partial_ratio scan",
        "peer_s": peer,
    }, {
        "name": f"check_text, {len(text.split())}-word article ({len(result.claims)} claims)",
        "ours_s": ours,
        "peer": "naive per-sentence full-gazetteer rapidfuzz partial_ratio scan (names only)",
        "peer_s": peer,
        "within_budget": ours < 2.0,
        "statement_store_build_s": round(store_s, 3),
        "start_up_s": round(prepare_s, 3),
        "scores": {name: {"recall": r.recall, "verdict_accuracy": r.verdict_accuracy,
                          "decisive_precision": r.decisive_precision}
                   for name, r in report.splits.items()},
    }, {
        "name": f"check_text, tuning texts joined, {len(distinct.split())} words "
                f"({len(distinct_result.claims)} claims), no sentence repeated",
        "ours_s": ours_distinct,
        "peer": "naive per-sentence full-gazetteer rapidfuzz partial_ratio scan (names only)",
        "peer_s": peer_distinct,
        "within_budget": ours_distinct < 2.0,
    }]


if __name__ == "__main__":
    for row in run():
        print(row)
