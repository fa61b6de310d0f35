"""A live ``eastflank serve`` app on 127.0.0.1 and a free port, for the web tests.

The server is started on port 0, so the system binds it to a free port as it starts listening
(no other process, a second test worker or another server, can take the port between choosing
it and serving on it); the port is then read from the listening socket."""

from __future__ import annotations

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


@contextmanager
def live_server(catalog: Catalog, sweeps: Path | None = None,
                app: Any = None) -> Iterator[str]:
    """Serve the app (default: a new one) in a thread on 127.0.0.1; yield its base URL;
    stop it afterwards."""
    if app is None:
        app = create_app(catalog, sweeps=sweeps, trusted_hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not (server.started and server.servers):
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the web app did not start within 30 s")
        time.sleep(0.05)
    port = int(server.servers[0].sockets[0].getsockname()[1])
    base = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{base}/api/meta", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the web app did not start within 30 s")
        time.sleep(0.1)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
