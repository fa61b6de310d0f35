"""eastflank: an open, sourced, executable model of the Russia-Belarus Union State military
system and its consequences for NATO's eastern flank and Ukraine's north."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
