"""Read an article to check: plain text, HTML or PDF, from a file, a directory or stdin.

Hostile or broken input never hangs and never shows a traceback: a file over the size limit,
binary junk, a PDF that does not parse, text in an unknown encoding all raise
:class:`~eastflank.errors.ClaimInputError` with one line naming the file and what was expected.

HTML is reduced to its main text with trafilatura (its metadata give the title and date); PDF
text comes from pypdf, page by page, up to a page limit.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from eastflank.errors import ClaimInputError
from eastflank.policy import read_regular

__all__ = [
    "MAX_BYTES",
    "MAX_PDF_PAGES",
    "Article",
    "decode_text",
    "read_article",
    "read_articles",
    "read_bytes",
]

MAX_BYTES = 10 * 1024 * 1024
"""Largest input accepted (bytes). A 5,000-word article is ~35 kB of text; PDFs are larger."""

MAX_PDF_PAGES = 200
"""Pages read from a PDF at most."""

SUFFIXES = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".pdf": "pdf"}
"""File suffixes read from a directory, and the format each implies."""

Format = Literal["text", "html", "pdf"]


@dataclass(frozen=True)
class Article:
    """A text to check, with what its container said about it."""

    text: str
    source: str
    format: Format
    title: str | None = None
    date: dt.date | None = None


def _sniff(data: bytes, suffix: str) -> Format:
    """The format of ``data``: by its magic bytes first, then the file suffix."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    fmt = SUFFIXES.get(suffix.lower())
    if fmt == "pdf":
        return "pdf"  # named .pdf but without the magic: let pypdf say why it fails
    return "html" if fmt == "html" else "text"


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes as text: UTF-8 (with or without BOM), else UTF-16 with a BOM, else the
    best guess of charset-normalizer when it is confident.

    Raises
    ------
    ClaimInputError
        If the bytes look binary (NUL bytes, many control characters) or no encoding fits.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ClaimInputError("not valid UTF-16 text despite its byte-order mark",
                                  file=source) from None
    sample = data[:65536]
    if b"\x00" in sample:
        raise ClaimInputError("binary data (NUL bytes); expected text, HTML or PDF",
                              file=source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.chaos > 0.2:
            raise ClaimInputError(
                "not UTF-8 and no other encoding fits; expected UTF-8 text", file=source
            ) from None
        text = str(best)
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise ClaimInputError(
            f"binary data ({controls} control characters); expected text, HTML or PDF",
            file=source,
        )
    return text


def _html_article(data: bytes, source: str) -> Article:
    import trafilatura

    html = decode_text(data, source)
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_recall=True)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise ClaimInputError(f"HTML could not be parsed ({type(exc).__name__})",
                              file=source) from None
    if not text:
        raise ClaimInputError("no main text found in the HTML page", file=source)
    date = None
    title = None
    if meta is not None:
        title = meta.title
        if meta.date:
            try:
                date = dt.date.fromisoformat(str(meta.date)[:10])
            except ValueError:
                date = None
    return Article(text, source, "html", title, date)


def _pdf_article(data: bytes, source: str) -> Article:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ClaimInputError("the PDF is encrypted; expected an unencrypted PDF",
                                  file=source)
        pages = reader.pages
        parts = [page.extract_text() or "" for page in list(pages)[:MAX_PDF_PAGES]]
    except ClaimInputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise ClaimInputError(f"the PDF does not parse ({type(exc).__name__})",
                              file=source) from None
    text = "\n\n".join(p for p in parts if p.strip())
    if not text.strip():
        raise ClaimInputError("the PDF has no extractable text (scanned images?)", file=source)
    title = None
    try:
        meta = reader.metadata
        title = str(meta.title) if meta is not None and meta.title else None
    except (PyPdfError, ValueError, KeyError, TypeError):
        title = None
    return Article(text, source, "pdf", title)


def read_bytes(data: bytes, source: str, suffix: str = "") -> Article:
    """Turn the bytes of one document into an :class:`Article`.

    Parameters
    ----------
    data
        The raw bytes (at most :data:`MAX_BYTES`).
    source
        Name shown in messages and results (a file name, ``<stdin>``).
    suffix
        File suffix, a hint when the bytes do not say their format.

    Raises
    ------
    ClaimInputError
        If the input is too large, empty, binary, in an unknown encoding or does not parse.
    """
    if len(data) > MAX_BYTES:
        raise ClaimInputError(
            f"input is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB",
            file=source,
        )
    if not data.strip():
        raise ClaimInputError("input is empty; expected an article", file=source)
    fmt = _sniff(data, suffix)
    if fmt == "pdf":
        return _pdf_article(data, source)
    if fmt == "html":
        return _html_article(data, source)
    text = decode_text(data, source)
    return Article(text, source, "text")


def _read_limited(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ClaimInputError(
            f"input exceeds the limit of {MAX_BYTES / 1e6:.0f} MB", file=source
        )
    return data


def read_article(path: Path | str) -> Article:
    """Read one article from a file path, or from stdin when ``path`` is ``-``.

    Raises
    ------
    ClaimInputError
        If the file is missing, unreadable, too large or does not parse.
    """
    if str(path) == "-":
        return read_bytes(_read_limited(sys.stdin.buffer, "<stdin>"), "<stdin>")
    p = Path(path)
    source = str(p)
    if p.is_dir():
        raise ClaimInputError("is a directory; expected a file", file=source)
    # regular files only, read without blocking (a FIFO or a device cannot hang the run)
    data = read_regular(p, "article", ClaimInputError)
    return read_bytes(data, source, p.suffix)


def read_articles(paths: Iterable[Path | str]) -> list[Article]:
    """Read every article named: files, ``-`` for stdin, and directories (their text, HTML
    and PDF files, sorted by name, not recursing).

    Raises
    ------
    ClaimInputError
        On the first input that cannot be read, or when nothing is given.
    """
    out: list[Article] = []
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not files:
                raise ClaimInputError(
                    f"no article in the folder (expected {', '.join(sorted(SUFFIXES))} files)",
                    file=str(p),
                )
            out.extend(read_article(f) for f in files)
        else:
            out.append(read_article(path))
    if not out:
        raise ClaimInputError("no input given; expected a file, a folder or '-' for stdin")
    return out
