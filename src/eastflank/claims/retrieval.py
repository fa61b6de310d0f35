"""Retrieve the statements a sentence may be about: entity links first, then BM25.

Each statement's surface text (subject, aliases, property, value) is indexed once with
`bm25s <https://github.com/xhluca/bm25s>`_ (Okapi BM25). A sentence's candidates are

1. the statements about a record the gazetteer found in it (the sentence names the subject),
   or whose value is such a record (the sentence names the garrison, the parent ...);
2. ranked by BM25 similarity between the sentence and the statement's text, so that among
   the statements about the Iskander-M the range ones come first for "range of 500 km".

With no entity link, BM25 alone ranks the whole store: such candidates are only ever shown as
the *nearest statements* of an unverifiable claim, never used for a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from typing import NamedTuple

import bm25s
import numpy as np

from eastflank.claims.statements import Statement, StatementStore
from eastflank.claims.text import fold

__all__ = ["Hit", "Retriever", "tokens"]

_STOP = frozenset([
    "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "from", "by", "with", "as",
    "is", "are", "was", "were", "be", "been", "this", "that", "its", "it", "his", "her",
    "their", "into", "over", "under", "after", "before", "since", "which", "who", "what",
    "when", "where", "will", "would", "could", "should", "may", "might", "has", "have", "had",
    "not", "no", "also", "than", "then", "there", "here", "said", "says",
])


def tokens(text: str) -> list[str]:
    """Lower-case, accent-folded word stems (first six letters) without stop words.

    >>> tokens("Iskander-M brigades stationed in Belarus")
    ['iskand', 'brigad', 'statio', 'belaru']
    """
    words = re.findall(r"[a-z0-9]+", fold(text).lower())
    return [w[:6] for w in words if w not in _STOP and (len(w) > 1 or w.isdigit())]


class Hit(NamedTuple):
    """A retrieved statement with its score and whether an entity link found it (a named
    tuple: a sentence's retrieval makes dozens of them)."""

    statement: Statement
    score: float
    linked: bool


class Retriever:
    """BM25 over the surface texts of a statement store, with entity links."""

    def __init__(self, store: StatementStore) -> None:
        self.store = store
        self.statements = list(store.statements)
        self._index: dict[str, list[int]] = {}
        for i, st in enumerate(self.statements):
            self._index.setdefault(st.subject, []).append(i)
            if st.value.ref is not None:
                self._index.setdefault(st.value.ref, []).append(i)
        corpus = [tokens(st.text) or ["_"] for st in self.statements]
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)
        self._vocab = set(self.bm25.vocab_dict)
        self._vocabulary = frozenset(self._vocab)
        self._memo: dict[tuple[str, tuple[str, ...], tuple[str, ...] | None,
                               frozenset[str] | None],
                         tuple[int, list[Hit]]] = {}
        self._linked: dict[tuple[str, ...], list[int]] = {}

    @property
    def vocabulary(self) -> frozenset[str]:
        """The word stems of every statement's text."""
        return self._vocabulary

    def scores(self, text: str) -> np.ndarray:
        """BM25 score of every statement for ``text``."""
        query = [t for t in tokens(text) if t in self._vocab]
        if not query:
            return np.zeros(len(self.statements))
        return np.asarray(self.bm25.get_scores(query), dtype=float)

    def linked(self, records: Iterable[str]) -> list[int]:
        """Indices of the statements about, or pointing to, any of ``records``."""
        key = tuple(records)
        hit = self._linked.get(key)
        if hit is None:
            hit = self._find_linked(key)
            if len(self._linked) > 1024:
                self._linked.clear()
            self._linked[key] = hit
        return list(hit)

    def _find_linked(self, records: tuple[str, ...]) -> list[int]:
        out: list[int] = []
        seen: set[int] = set()
        for r in records:
            for i in self._index.get(r, []):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return out

    def retrieve(self, text: str, records: Sequence[str] = (), k: int = 5,
                 properties: Iterable[str] | None = None,
                 subjects: Container[str] | None = None) -> list[Hit]:
        """The ``k`` best statements for a sentence naming ``records``.

        Statements linked to a named record come first (ranked by BM25 among themselves);
        the rest of the store follows by BM25 alone. ``properties`` restricts the result to
        statements of those properties, ``subjects`` to statements about those records.
        """
        if subjects is not None and not isinstance(subjects, frozenset):
            # (a mutable or short-lived container has no stable key: not kept)
            return self._retrieve(text, records, k, properties, subjects)
        key = (text, tuple(records), None if properties is None else tuple(properties),
               subjects)
        memo = self._memo.get(key)
        if memo is not None and memo[0] >= k:
            return memo[1][:k]  # the same ranking, cut shorter
        hits = self._retrieve(text, records, k, properties, subjects)
        if len(self._memo) > 256:
            self._memo.clear()
        self._memo[key] = (k, hits)
        return hits

    def _retrieve(self, text: str, records: Sequence[str], k: int,
                  properties: Iterable[str] | None,
                  subjects: Container[str] | None = None) -> list[Hit]:
        sc = self.scores(text)
        props = set(properties) if properties is not None else None

        def wanted(st: Statement) -> bool:
            return (props is None or st.property in props) and (
                subjects is None or st.subject in subjects)

        linked = self.linked(records)
        if props is not None or subjects is not None:
            linked = [i for i in linked if wanted(self.statements[i])]
        hits: list[Hit] = []
        if linked:
            # best first; equal scores keep their order (a stable sort, as list.sort)
            at = np.asarray(linked, dtype=np.intp)
            best = at[np.argsort(-sc[at], kind="stable")[:k]]
            hits = [Hit(self.statements[int(i)], float(sc[i]), True) for i in best]
        if len(hits) < k:
            taken = set(linked)
            scored = np.flatnonzero(sc > 0)  # only a statement sharing a word is retrieved
            order = scored[np.argsort(-sc[scored], kind="stable")]
            for i in order:
                if len(hits) >= k:
                    break
                st = self.statements[int(i)]
                if int(i) in taken or (
                        (props is not None or subjects is not None) and not wanted(st)):
                    continue
                hits.append(Hit(st, float(sc[i]), False))
        return hits
