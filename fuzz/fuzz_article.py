"""atheris target: the article reader (text, HTML, PDF bytes) and the claim checker.
Any exception but an input error is a crash.

Run by ``make fuzz`` (``python fuzz/fuzz_article.py CORPUS -max_total_time=N``).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from eastflank.catalog import load_catalog
    from eastflank.claims import check_text
    from eastflank.claims.io import read_bytes
    from eastflank.errors import EastflankError

_CATALOG = load_catalog()
_SUFFIXES = ("", ".txt", ".html", ".pdf")


def test_one_input(data: bytes) -> None:
    suffix = _SUFFIXES[data[0] % len(_SUFFIXES)] if data else ""
    try:
        article = read_bytes(data[1:], "fuzz", suffix)
    except EastflankError:
        return
    check_text(article.text[:20_000], _CATALOG)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
