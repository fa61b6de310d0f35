"""The console entry point.

It imports nothing heavy itself, so that a Ctrl-C while the command's modules are still being
imported (the first fraction of a second) ends like one during the run: the one line
``eastflank: interrupted`` and exit status 130, no traceback.

Python ignores an exception raised in a weak-reference callback or a finaliser (it prints
"Exception ignored in ..." and goes on). The import system runs such a callback when it
releases a module lock, so a Ctrl-C landing there would be lost and the run would go on to the
end. :func:`guarded` watches for that case and delivers the interruption again once the callback
is over.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["guarded", "run"]

_REDELIVER_AFTER_S = 0.01
"""Delay before an interruption that Python ignored is delivered again (a callback is short)."""


class _Watch:
    """One guarded call: whether an interruption was lost; its pending re-delivery."""

    def __init__(self, previous_hook: Callable[[Any], object]) -> None:
        self.previous_hook = previous_hook
        self.lost = threading.Event()
        self.running = True
        self.timer: threading.Timer | None = None

    def hook(self, unraisable: Any) -> None:
        """``sys.unraisablehook``: an ignored interruption is noted and delivered again."""
        if isinstance(unraisable.exc_value, KeyboardInterrupt) or (
                type(unraisable.exc_value).__name__ == "Interrupted"):
            self.lost.set()
            if self.running and self.timer is None:
                self.timer = threading.Timer(_REDELIVER_AFTER_S, self._redeliver)
                self.timer.daemon = True
                self.timer.start()
            return
        self.previous_hook(unraisable)

    def _redeliver(self) -> None:
        if self.running:
            self.timer = None
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)


def guarded(call: Callable[[], int]) -> int:
    """Run ``call`` and return its exit status; an interruption, even one Python ignored
    inside a callback, ends it with the one line ``eastflank: interrupted`` and 130."""
    watch = _Watch(sys.unraisablehook)
    sys.unraisablehook = watch.hook
    try:
        status = call()
    except KeyboardInterrupt:
        status, said = 130, False
    else:
        said = status == 130  # the command line wrote its own line
    finally:
        watch.running = False
        if watch.timer is not None:
            watch.timer.cancel()
        sys.unraisablehook = watch.previous_hook
    if status == 0 and watch.lost.is_set():  # lost and not delivered again before the end
        status = 130
    if status == 130 and not said:
        sys.stderr.write("eastflank: interrupted\n")
    return status


def _main() -> int:
    from eastflank.cli import main

    return main()


def run() -> None:
    """Import the command line and run it; an interruption during the import exits 130."""
    sys.exit(guarded(_main))
