"""Property: the article reader turns any bytes into an article or a :class:`ClaimInputError`.

Random bytes, text in several encodings, HTML (deeply nested, mis-declared charsets), valid and
damaged PDFs, byte-order marks alone: each either reads or is refused with the one input error,
never another exception and never a hang.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eastflank.claims.io import Article, read_article, read_bytes
from eastflank.errors import ClaimInputError
from fuzz_strategies import _minimal_pdf, article_bytes, fuzz_settings, loads_or_refuses

SUFFIXES = st.sampled_from(["", ".txt", ".md", ".html", ".htm", ".pdf", ".PDF", ".bin"])


@given(data=article_bytes, suffix=SUFFIXES)
@fuzz_settings(300)
def test_read_bytes_reads_or_refuses(data: bytes, suffix: str) -> None:
    out = loads_or_refuses(lambda: read_bytes(data, "fuzz", suffix), ClaimInputError)
    if isinstance(out, Article):
        assert isinstance(out.text, str)
        assert out.text.strip()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-article")


@given(data=article_bytes, suffix=SUFFIXES)
@fuzz_settings(40)
def test_read_article_file_reads_or_refuses(workdir: Path, data: bytes, suffix: str) -> None:
    path = workdir / f"article{suffix}"
    path.write_bytes(data)
    loads_or_refuses(lambda: read_article(path), ClaimInputError)


def test_generated_pdf_is_read() -> None:
    """The PDF strategy starts from a document the reader accepts."""
    art = read_bytes(_minimal_pdf("Russia deployed Iskander-M launchers"), "x.pdf", ".pdf")
    assert art.format == "pdf"
    assert "Iskander" in art.text
