"""Figures for the report: matplotlib figures rendered to deterministic inline SVG."""

from __future__ import annotations

import io
from typing import Any

import matplotlib

matplotlib.use("Agg")

__all__ = ["svg"]


def svg(fig: Any) -> str:
    """Render a matplotlib Figure to an SVG string (no XML header, fixed ids, no date)."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "eastflank", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                    bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
