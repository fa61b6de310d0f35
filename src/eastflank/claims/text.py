"""Sentences with their character offsets, and the normalisation of words for look-up.

Sentence boundaries come from ``sentencex`` (rule-based, no model weights), which keeps
sentences whole across the hard line breaks of text extracted from PDFs. Blank lines
(paragraphs, headings) always end a sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import sentencex  # type: ignore[import-untyped]

__all__ = ["Sentence", "fold", "plain", "split_sentences", "word_count"]

_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the text: its index, offsets and text (``text == full[start:end]``)."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    Examples
    --------
    >>> [s.text for s in split_sentences("Minsk is far. Warsaw is near.\\n\\nA heading")]
    ['Minsk is far.', 'Warsaw is near.', 'A heading']
    """
    out: list[Sentence] = []
    pos = 0
    paragraphs: list[tuple[int, str]] = []
    for m in _PARAGRAPH.finditer(text):
        paragraphs.append((pos, text[pos : m.start()]))
        pos = m.end()
    paragraphs.append((pos, text[pos:]))
    for p_index, (p_start, para) in enumerate(paragraphs):
        if not para.strip():
            continue
        cursor = 0
        for piece in sentencex.segment("en", para):
            stripped = piece.strip()
            if not stripped:
                continue
            at = para.find(stripped, cursor)
            if at < 0:  # the segmenter changed the text: fall back to the raw cursor
                at = cursor
            cursor = at + len(stripped)
            start = p_start + at
            out.append(Sentence(len(out), start, start + len(stripped), stripped, p_index))
    return out


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and unify apostrophes and dashes, keeping the length
    of the text unchanged where possible (so offsets still apply).

    Results are cached: resolvers fold the same names for every claim.

    Examples
    --------
    >>> fold("Suwałki’s")
    "suwalki's"
    >>> fold("Grodno `A-1`")
    "grodno 'a-1'"
    """
    if text.isascii():
        return text.lower().replace("`", "'")
    return text.translate(_FOLD)


def plain(text: str) -> str:
    """:func:`fold` without the lower-casing: diacritics stripped, apostrophes and dashes
    unified, the case kept (for telling a name, "Khrenin", from a word).

    >>> plain("Šimonytė’s")
    "Simonyte's"
    """
    if text.isascii():
        return text.replace("`", "'")
    return text.translate(_PLAIN)


@lru_cache(maxsize=4096)
def _plain_char(ch: str) -> str:
    if ch in "’‘`´":
        return "'"
    if ch in "‐‑‒–—―":
        return "-"
    if ch in "łŁ":
        return "l" if ch == "ł" else "L"
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base[:1] if base else ch


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return _plain_char(ch).lower()


class _Table(dict[int, str]):
    """A ``str.translate`` table that maps each character as ``char`` does, filled in as
    characters are met (one character each, so the text keeps its length)."""

    def __init__(self, char: Callable[[str], str]) -> None:
        super().__init__()
        self._char = char

    def __missing__(self, code: int) -> str:
        out = self[code] = self._char(chr(code))
        return out


_FOLD = _Table(_fold_char)
_PLAIN = _Table(_plain_char)


def word_count(text: str) -> int:
    """Number of words in ``text``."""
    return len(_WORD.findall(text))
