"""API fixtures: the real app on a real database (SQLite file, or a PostgreSQL schema).

The HTTP client speaks to the app in-process (Starlette's TestClient), over
``https://testserver`` so that Secure cookies behave as in production.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from crampcheck.api.app import create_app
from crampcheck.settings import Settings
from tests.diary.conftest import BACKENDS, POSTGRES_URL, postgres_schema

MakeClient = Callable[..., TestClient]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend; per-account schemas are dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'main.sqlite3'}"
        return
    name = f"t_{uuid.uuid4().hex[:12]}"
    try:
        yield from postgres_schema(name)
    finally:
        admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            found = conn.execute(
                text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"),
                {"p": f"{name}__diary_%"},
            ).scalars()
            for schema in list(found):
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def make_client(database_url: str) -> Iterator[MakeClient]:
    """make_client(accounts=False) -> a TestClient on the app (started, then shut down)."""
    opened: list[TestClient] = []

    def make(*, accounts: bool = False, **settings: object) -> TestClient:
        app = create_app(
            Settings(database_url=database_url, accounts=accounts, **settings)  # type: ignore[arg-type]
        )
        client = TestClient(app, base_url="https://testserver")
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    """The app in its default mode: one local person, no login."""
    return make_client()


@pytest.fixture
def server(make_client: MakeClient) -> TestClient:
    """The app in server mode (accounts on)."""
    return make_client(accounts=True)
