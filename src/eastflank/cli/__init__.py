"""The ``eastflank`` command. Each sub-command group lives in a module of this package.

Errors in the input (:class:`eastflank.errors.EastflankError`) and usage errors are printed on
one line to stderr and exit with status 2; anything else is a bug and shows a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer
from typer import exceptions as typer_exc
from typer._click import exceptions as click_exc

from eastflank import __version__
from eastflank.cli import data as data_cmd
from eastflank.errors import EastflankError

__all__ = ["app", "main"]

app = typer.Typer(
    name="eastflank",
    help="An open, sourced, executable model of the Russia-Belarus Union State military "
    "system and its consequences for NATO's eastern flank and Ukraine's north.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(data_cmd.app, name="data")


def _register_optional() -> None:
    """Add the command groups of the model modules."""
    import importlib

    for name in ("geo", "command", "warning", "reach", "campaign", "anchors", "check", "report",
                 "serve", "sweep"):
        try:
            module = importlib.import_module(f"eastflank.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eastflank.cli.{name}":
                continue
            raise
        module.register(app)


_register_optional()


@app.callback(invoke_without_command=True)
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit(0)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 2 bad input or usage)."""
    command = typer.main.get_command(app)
    try:
        command.main(args=list(argv) if argv is not None else None, prog_name="eastflank",
                     standalone_mode=False)
    except EastflankError as exc:
        sys.stderr.write(f"eastflank: error: {exc}\n")
        return 2
    except click_exc.NoArgsIsHelpError:
        return 0
    except click_exc.UsageError as exc:
        msg = " ".join(exc.format_message().split())
        sys.stderr.write(f"eastflank: error: {msg}\n")
        return 2
    except typer_exc.Exit as exc:
        return int(exc.exit_code)
    except typer_exc.Abort:
        sys.stderr.write("eastflank: aborted\n")
        return 130
    except click_exc.ClickException as exc:
        sys.stderr.write(f"eastflank: error: {exc.format_message()}\n")
        return 2
    return 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
