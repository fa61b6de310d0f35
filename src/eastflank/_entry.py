"""The console entry point.

It imports nothing heavy itself, so that a Ctrl-C while the command's modules are still being
imported (the first fraction of a second) ends like one during the run: the one line
``eastflank: interrupted`` and exit status 130, no traceback.
"""

from __future__ import annotations

import sys

__all__ = ["run"]


def run() -> None:
    """Import the command line and run it; an interruption during the import exits 130."""
    try:
        from eastflank.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("eastflank: interrupted\n")
        sys.exit(130)
    sys.exit(main())
