"""Figures for the report: matplotlib figures rendered to deterministic, compact inline SVG."""

from __future__ import annotations

import io
import re
from typing import Any

import matplotlib

matplotlib.use("Agg")

__all__ = ["svg"]

_D_ATTR = re.compile(r' d="([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d+")
_BETWEEN_TAGS = re.compile(r">\s+<")
_FONT_FAMILY = re.compile(r"font-family: [^;\"]*")
_FONTS = "font-family: 'DejaVu Sans', Verdana, Arial, sans-serif"


def _round_path(m: re.Match[str]) -> str:
    """A path's ``d`` with coordinates to 0.1 (a tenth of a point, far below a pixel) and
    single spaces."""

    def one(n: re.Match[str]) -> str:
        v = round(float(n.group(0)), 1)
        return f"{v:.1f}".rstrip("0").rstrip(".") if v != 0 else "0"

    return ' d="' + " ".join(_NUMBER.sub(one, m.group(1)).split()) + '"'


def svg(fig: Any) -> str:
    """Render a matplotlib Figure to an SVG string (no XML header, fixed ids, no date).

    Text stays text (selectable, set in the reader's sans-serif when DejaVu Sans is absent),
    path coordinates are written to a tenth of a point and the indentation between elements
    is dropped: a map is about a quarter of its size with glyph outlines, with no visible
    change.
    """
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "eastflank", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                    bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    start = text.find("<svg")
    text = text[start:] if start >= 0 else text
    text = _D_ATTR.sub(_round_path, text)
    text = _FONT_FAMILY.sub(_FONTS, text)
    return _BETWEEN_TAGS.sub("><", text)
