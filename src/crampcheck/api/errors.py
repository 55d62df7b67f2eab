"""One JSON error shape for every failure, and the handlers that produce it.

Every error the API returns looks like this (and nothing else; no stack traces)::

    {"error": {"status": 422, "code": "invalid_input",
               "message": "what went wrong and what to do next",
               "field": "answers.age_years"}}

``field`` is present when one field is to blame. Database trouble is 503 with a
``Retry-After`` header: the request can simply be sent again a little later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from crampcheck.errors import (
    ConflictError,
    CrampcheckError,
    KnowledgeBaseError,
    NotFoundError,
    StorageError,
    UserInputError,
)

log = logging.getLogger("crampcheck.api")
RETRY_AFTER_S = 5

CODES = {
    400: "bad_request",
    401: "login_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """An error with an HTTP status, raised by route code."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_body(status: int, message: str, field: str | None = None) -> dict[str, Any]:
    """The one error shape."""
    error: dict[str, Any] = {
        "status": status,
        "code": CODES.get(status, "error"),
        "message": message,
    }
    if field is not None:
        error["field"] = field
    return {"error": error}


HtmlErrors = Callable[[Request, int, str], Response]


def is_api(request: Request) -> bool:
    """True for the JSON API (and the health check); False for web pages."""
    path = request.url.path
    return path.startswith("/api/") or path in ("/healthz", "/openapi.json")


def error_response(
    status: int,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    request: Request | None = None,
) -> Response:
    """The error as JSON, or as a page for a browser on a web page."""
    html: HtmlErrors | None = None
    if request is not None and not is_api(request):
        html = getattr(request.app.state, "html_errors", None)
    if html is not None and request is not None:
        response = html(request, status, message)
        response.headers.update(headers or {})
        return response
    return JSONResponse(error_body(status, message, field), status_code=status, headers=headers)


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:] if parts[0] == "body" else parts
    return ".".join(parts) or "body"


def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request"}
    if first.get("type") == "json_invalid":
        ctx = first.get("ctx")
        where = ctx.get("error", "") if isinstance(ctx, dict) else ""
        message = f"the request body is not valid JSON ({where}); send JSON"
        return error_response(400, message, request=request)
    field = _field(tuple(first.get("loc", ("body",))))
    message = str(first.get("msg", "invalid value"))
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return error_response(422, f"{field}: {message}{more}", field, request=request)


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    messages = {
        404: "no such page or resource; see /openapi.json for the API",
        405: "this method is not allowed here; see /openapi.json",
    }
    message = messages.get(exc.status_code, str(exc.detail))
    return error_response(
        exc.status_code, message, headers=dict(exc.headers or {}), request=request
    )


def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.field, exc.headers, request)


def status_of(exc: CrampcheckError) -> int:
    """The HTTP status that fits a crampcheck error."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ConflictError):
        return 409
    if isinstance(exc, UserInputError):
        return 422
    if isinstance(exc, StorageError):
        return 503
    return 500


def _crampcheck(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, CrampcheckError)
    status = status_of(exc)
    if isinstance(exc, StorageError):
        return _unavailable(request, exc)
    if isinstance(exc, KnowledgeBaseError):
        log.error("knowledge base error: %s", exc)
        message = "crampcheck's knowledge base failed to load; tell the admin"
        return error_response(500, message, request=request)
    retry = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry)} if retry is not None else None
    status = 429 if retry is not None else status
    return error_response(status, str(exc), headers=headers, request=request)


def _unavailable(request: Request, exc: Exception) -> Response:
    # For the admin: what failed (the URL without password, the driver's first line).
    # Driver messages name tables and connections, not people's data.
    detail = str(exc) if isinstance(exc, StorageError) else type(exc).__name__
    log.warning("database unavailable: %s", detail.splitlines()[0][:300] if detail else "")
    return error_response(
        503,
        "the database is not answering just now; try again in a few seconds",
        headers={"Retry-After": str(RETRY_AFTER_S)},
        request=request,
    )


def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected %s", type(exc).__name__, exc_info=exc)
    message = "something went wrong inside crampcheck; nothing was saved"
    return error_response(500, message, request=request)


def install_error_handlers(app: FastAPI) -> None:
    """Make every failure come out in the one error shape."""
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(CrampcheckError, _crampcheck)
    app.add_exception_handler(DBAPIError, _unavailable)
    app.add_exception_handler(Exception, _unexpected)
