"""``crampcheck serve``: the web app and the API under uvicorn."""

from __future__ import annotations

import os
import socket
from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every one).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (they share the database).")
    ] = 1,
) -> None:
    """Start the web app and the JSON API (SQLite by default; CRAMPCHECK_DATABASE_URL)."""
    import uvicorn

    from crampcheck.diary.db import describe, open_engine
    from crampcheck.settings import Settings

    settings = Settings()
    engine = open_engine(settings=settings)  # migrate once here, and fail early and clearly
    where = describe(engine.url)
    engine.dispose()
    if not _port_free(host, port):
        err.print(f"error: port {port} on {host} is in use; choose another with --port")
        raise typer.Exit(1)
    shown = f"[{host}]" if ":" in host else host
    mode = "accounts on (people log in)" if settings.accounts else "one local person, no login"
    print(f"crampcheck is running at http://{shown}:{port}/  ({mode}; Ctrl-C to stop)")
    print(f"diary database: {where}", flush=True)
    os.environ.setdefault("CRAMPCHECK_LOG", "warning")
    uvicorn.run(
        "crampcheck.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_level=os.environ["CRAMPCHECK_LOG"],
        server_header=False,
        proxy_headers=True,
        timeout_graceful_shutdown=10,
    )
