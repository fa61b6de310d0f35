"""A live ``eastflank serve`` app on 127.0.0.1 and a free port, for the web tests.

The listening socket is bound here (port 0: the system picks a free one) and handed to uvicorn
as it is, so no other process (a second test worker, another server) can take the port between
choosing it and serving on it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from eastflank.catalog import Catalog
from eastflank.web import create_app


def bound_socket() -> socket.socket:
    """A TCP socket bound to a free port of 127.0.0.1 (not yet listening)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
    except OSError:
        sock.close()
        raise
    return sock


@contextmanager
def live_server(catalog: Catalog, sweeps: Path | None = None,
                app: Any = None) -> Iterator[str]:
    """Serve the app (default: a new one) in a thread on 127.0.0.1; yield its base URL;
    stop it afterwards."""
    if app is None:
        app = create_app(catalog, sweeps=sweeps, trusted_hosts=["127.0.0.1", "localhost"])
    sock = bound_socket()
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/api/meta", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            server.should_exit = True
            thread.join(timeout=10)
            sock.close()
            raise RuntimeError("the web app did not start within 30 s")
        time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
