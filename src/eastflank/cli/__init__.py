"""The ``eastflank`` command. Each sub-command group lives in a module of this package.

Errors in the input (:class:`eastflank.errors.EastflankError`) and usage errors are printed on
one line to stderr and exit with status 2; anything else is a bug and shows a traceback.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any

import typer
from typer import exceptions as typer_exc
from typer._click import exceptions as click_exc

from eastflank import __version__
from eastflank.cli import data as data_cmd
from eastflank.errors import EastflankError
from eastflank.policy import check_args

__all__ = ["app", "main"]

_app = typer.Typer(
    name="eastflank",
    help="An open, sourced, executable model of the Russia-Belarus Union State military "
    "system and its consequences for NATO's eastern flank and Ukraine's north.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_app.add_typer(data_cmd.app, name="data")
_registered: list[bool] = []


def _register_optional() -> None:
    """Add the command groups of the model modules (once). A ``data`` command does not need
    them, so :func:`main` skips them there to start faster."""
    import importlib

    if _registered:
        return
    _registered.append(True)
    for name in ("geo", "command", "warning", "reach", "campaign", "anchors", "check", "report",
                 "serve", "sweep"):
        try:
            module = importlib.import_module(f"eastflank.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eastflank.cli.{name}":
                continue
            raise
        module.register(_app)


def __getattr__(name: str) -> Any:
    """``app``: the root command with every group registered."""
    if name == "app":
        _register_optional()
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@_app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit(0)


class Interrupted(BaseException):
    """Raised by the SIGINT handler of :func:`main` (not caught by the command framework)."""


_SIGINT_SEEN = threading.Event()


def _on_sigint(_signum: int, _frame: object) -> None:
    _SIGINT_SEEN.set()
    raise Interrupted


def _quiet_stdout() -> None:
    """Point file descriptor 1 at /dev/null so no later flush can fail (or print)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _stdout_failed(exc: OSError) -> int:
    _quiet_stdout()
    if exc.errno == errno.EPIPE:
        return 141  # 128 + SIGPIPE: the reader went away; nothing to say
    reason = exc.strerror or str(exc)
    sys.stderr.write(f"eastflank: error: cannot write to standard output ({reason})\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    0 ok; 2 bad input, usage or an output that cannot be written (one line on stderr);
    130 interrupted (Ctrl-C; one line ``interrupted``); 141 when the reader of standard output
    went away (SIGPIPE), without a message.
    """
    if sys.stdout is None:
        sys.stderr.write("eastflank: error: standard output is closed\n")
        return 2
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _on_sigint) if in_main_thread else None
    _SIGINT_SEEN.clear()
    try:
        status = _run(argv)
        sys.stdout.flush()
    except (Interrupted, KeyboardInterrupt):
        sys.stderr.write("eastflank: interrupted\n")
        status = 130
    except BaseException as exc:
        if _SIGINT_SEEN.is_set():  # a library turned the interruption into its own error
            sys.stderr.write("eastflank: interrupted\n")
            status = 130
        elif isinstance(exc, OSError) and exc.errno in (errno.EPIPE, errno.ENOSPC,
                                                        errno.EBADF, errno.EIO):
            status = _stdout_failed(exc)
        else:
            raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return status


def _run(argv: Sequence[str] | None) -> int:
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        check_args(args)
        first = next((a for a in args if not a.startswith("-")), None)
        if first != "data":
            _register_optional()
        command = typer.main.get_command(_app)
        rv = command.main(args=args, prog_name="eastflank", standalone_mode=False)
    except EastflankError as exc:
        if _SIGINT_SEEN.is_set():  # the interruption surfaced as an input error
            raise Interrupted from None
        sys.stderr.write(f"eastflank: error: {_one_line(str(exc))}\n")
        return 2
    except click_exc.NoArgsIsHelpError:
        return 0
    except click_exc.UsageError as exc:
        msg = " ".join(exc.format_message().split())
        sys.stderr.write(f"eastflank: error: {_one_line(msg)}\n")
        return 2
    except typer_exc.Exit as exc:
        return int(exc.exit_code)
    except typer_exc.Abort:
        sys.stderr.write("eastflank: interrupted\n")
        return 130
    except click_exc.ClickException as exc:
        sys.stderr.write(f"eastflank: error: {_one_line(exc.format_message())}\n")
        return 2
    if rv == 130:  # the framework turned a KeyboardInterrupt into Exit(130)
        sys.stderr.write("eastflank: interrupted\n")
        return 130
    return 0


def _one_line(text: str, limit: int = 1000) -> str:
    """``text`` on one line, shortened to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
