"""``eastflank serve``: the web app on uvicorn, on the loopback interface by default."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from eastflank.cli._common import DataOpt, err_console, get_catalog
from eastflank.errors import ModelInputError

__all__ = ["register", "serve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    data: DataOpt = None,
    sweeps: Annotated[Path | None, typer.Option(
        help="Folder of sweep results (Parquet) to show.")] = Path("sweeps"),
) -> None:
    """Serve the web app: map, command diagrams, models, claim checker, exports."""
    if not 0 < port < 65536:
        raise ModelInputError(f"--port: expected 1-65535, got {port}")
    import uvicorn

    from eastflank.web import create_app

    app = create_app(get_catalog(data), sweeps=sweeps,
                     trusted_hosts=[*LOOPBACK, f"{host}"] if _is_loopback(host) else None)
    if not _is_loopback(host):
        err_console.print(f"[bold yellow]warning:[/] listening on {host}: the app is reachable "
                          "from other machines; it has no authentication")
    err_console.print(f"eastflank serve: http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``eastflank`` command."""
    app.command(name="serve")(serve)
