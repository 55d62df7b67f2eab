"""Pure ASGI middleware: body-size limits, JSON-only API writes, security headers, logs.

* Bodies over the route's limit get 413 before they are read in full
  (:data:`BODY_LIMIT` for everything, :data:`IMPORT_LIMIT` for FHIR imports).
* ``POST``/``PUT``/``PATCH`` to ``/api/`` must be ``application/json`` (415
  otherwise). Together with the session cookie's SameSite=Lax and no CORS,
  this is what keeps other web sites from writing through a logged-in browser.
* Every response gets a Content-Security-Policy and the other security headers;
  personal pages are not cached.
* The log line of a request says method, route shape, status and time — never
  the story, an answer, a user name or a query string.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crampcheck.api.errors import error_body

BODY_LIMIT = 256 * 1024
IMPORT_LIMIT = 16 * 1024 * 1024
IMPORT_PATHS = ("/api/v1/import/fhir",)
WRITE_METHODS = {"POST", "PUT", "PATCH"}

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

log = logging.getLogger("crampcheck.access")
_ID_SEGMENT = re.compile(r"/(?:\d+|[A-Za-z0-9_-]{16,})(?=/|$)")  # numbers, random ids


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value)
    return None


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _read_limited(receive: Receive, limit: int) -> Receive | None:
    """Read a body sent without Content-Length; None when it passes ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


class GuardMiddleware:
    """Limits, content types, security headers and a privacy-safe access log."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        method: str = scope["method"]
        limit = IMPORT_LIMIT if path in IMPORT_PATHS else BODY_LIMIT
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _send_error(send, 413, _too_large(limit))
            return
        if method in WRITE_METHODS and path.startswith("/api/") and length != b"0":
            ctype = (_header(scope, b"content-type") or b"").split(b";")[0].strip().lower()
            if ctype != b"application/json":
                await _send_error(send, 415, "send the request body as application/json")
                return
        started = time.perf_counter()
        status = {"code": 500}
        if length is None and method in WRITE_METHODS:
            replay = await _read_limited(receive, limit)
            if replay is None:
                await _send_error(send, 413, _too_large(limit))
                return
            receive = replay

        async def guarded_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                headers = list(message.get("headers", []))
                headers.extend(SECURITY_HEADERS)
                if not path.startswith("/static/"):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, guarded_send)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            log.info("%s %s %d %.1fms", method, _shape(path), status["code"], elapsed)


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit // 1024} KiB; send less"


def _shape(path: str) -> str:
    """The path with ids replaced, so a log line identifies no one."""
    return _ID_SEGMENT.sub("/{id}", path[:200])


def client_address(scope: dict[str, Any]) -> str:
    """The client's address (for the login rate limit)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
