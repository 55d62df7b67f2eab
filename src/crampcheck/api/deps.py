"""What routes need from the app: the store, the model, and whose data this is."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from crampcheck.api.errors import ApiError
from crampcheck.engine.model import CompiledModel
from crampcheck.server.accounts import session_account
from crampcheck.server.models import LOCAL_OWNER
from crampcheck.server.store import Store

SESSION_COOKIE = "cc_session"


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_model(request: Request) -> CompiledModel:
    model: CompiledModel = request.app.state.model
    return model


def account_of(request: Request) -> tuple[int, str] | None:
    """The logged-in (account id, user name), or None (always None without accounts)."""
    store = get_store(request)
    if not store.settings.accounts:
        return None
    return session_account(store, request.cookies.get(SESSION_COOKIE))


def current_owner(request: Request) -> int:
    """Whose diary and interviews this request may touch; 401 when no one is logged in."""
    store = get_store(request)
    if not store.settings.accounts:
        return LOCAL_OWNER
    found = account_of(request)
    if found is None:
        raise ApiError(401, "log in first (POST /api/v1/auth/login, or the login page)")
    return found[0]


StoreDep = Annotated[Store, Depends(get_store)]
ModelDep = Annotated[CompiledModel, Depends(get_model)]
OwnerDep = Annotated[int, Depends(current_owner)]
