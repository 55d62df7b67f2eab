"""Accounts over the API (server mode): register, log in, log out, who am I."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from crampcheck.api.deps import SESSION_COOKIE, StoreDep, account_of
from crampcheck.api.errors import ApiError
from crampcheck.api.middleware import client_address
from crampcheck.api.routes_core import ERRORS
from crampcheck.api.schemas import AccountOut, Credentials
from crampcheck.server import accounts
from crampcheck.server.store import Store

router = APIRouter(prefix="/api/v1/auth", responses=ERRORS, tags=["accounts"])


def _require_accounts(store: Store) -> None:
    if not store.settings.accounts:
        raise ApiError(404, "accounts are off on this server (one local person, no login)")


def secure_cookies(request: Request, store: Store) -> bool:
    """Whether cookies get the Secure flag (see CRAMPCHECK_COOKIE_SECURE)."""
    mode = store.settings.cookie_secure
    return mode == "always" or (mode == "auto" and request.url.scheme == "https")


def set_session_cookie(response: Response, request: Request, store: Store, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=accounts.SESSION_DAYS * 86_400,
        httponly=True,
        secure=secure_cookies(request, store),
        samesite="lax",
        path="/",
    )


def do_login(request: Request, store: Store, username: str, password: str) -> accounts.Login:
    return accounts.login(store, username, password, client_address(dict(request.scope)))


@router.post("/register", response_model=AccountOut, status_code=201)
def register(body: Credentials, store: StoreDep, request: Request, response: Response) -> Any:
    """Create an account and log it in."""
    _require_accounts(store)
    account_id = accounts.register(store, body.username, body.password)
    login = do_login(request, store, body.username, body.password)
    set_session_cookie(response, request, store, login.token)
    return {"id": account_id, "username": login.username}


@router.post("/login", response_model=AccountOut)
def login(body: Credentials, store: StoreDep, request: Request, response: Response) -> Any:
    """Log in; the session cookie comes back with the answer."""
    _require_accounts(store)
    found = do_login(request, store, body.username, body.password)
    set_session_cookie(response, request, store, found.token)
    return {"id": found.account_id, "username": found.username}


@router.post("/logout", status_code=204)
def logout(store: StoreDep, request: Request) -> Response:
    """End this session (the cookie is cleared)."""
    _require_accounts(store)
    accounts.logout(store, request.cookies.get(SESSION_COOKIE))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/me", response_model=AccountOut)
def me(store: StoreDep, request: Request) -> Any:
    """The logged-in account (401 when no one is)."""
    _require_accounts(store)
    found = account_of(request)
    if found is None:
        raise ApiError(401, "not logged in")
    return {"id": found[0], "username": found[1]}
