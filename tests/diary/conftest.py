"""Diary fixtures: the same tests run on SQLite (a temporary file) and on PostgreSQL.

PostgreSQL is the server at 127.0.0.1:5432 (trust auth, user postgres, database
test), or ``CRAMPCHECK_TEST_POSTGRES_URL``. Each test gets a fresh schema, is
connected with ``search_path`` set to it, and the schema is dropped afterwards,
so tests never see each other's data.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from crampcheck.diary.db import open_engine, transaction
from crampcheck.diary.repository import add_episode

POSTGRES_URL = os.environ.get(
    "CRAMPCHECK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]

AddEpisodes = Callable[..., list[int]]


def episode(**fields: Any) -> dict[str, Any]:
    """A valid episode as the CLI or a file gives it; ``fields`` override the defaults."""
    data: dict[str, Any] = {
        "at": "2026-11-20T03:10:00+01:00",
        "duration_s": 120,
        "muscle": "calf",
        "side": "left",
        "severity": 7,
        "activity": "sleeping",
        "tags": [],
        "note": None,
    }
    return data | fields


def postgres_schema(name: str, application: str | None = None) -> Iterator[str]:
    """Create schema ``name``, yield a URL whose search_path is it, then drop it."""
    # pre-ping: a test may restart the server in between (tests/faults)
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
    except OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_URL} ({exc.orig}); start it")
    query = {"options": f"-csearch_path={name}"}
    if application:
        query["application_name"] = application
    url = make_url(POSTGRES_URL).update_query_dict(query)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend (nothing migrated yet)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'diary.sqlite3'}"
        return
    yield from postgres_schema(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on a migrated, empty diary."""
    created = open_engine(database_url)
    yield created
    created.dispose()


@pytest.fixture
def other_engine(database_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A second, empty diary on the same backend (for copying between diaries)."""
    if database_url.startswith("sqlite"):
        created = open_engine(f"sqlite:///{tmp_path / 'other.sqlite3'}")
        yield created
        created.dispose()
        return
    for url in postgres_schema(f"t_{uuid.uuid4().hex[:12]}"):
        created = open_engine(url)
        yield created
        created.dispose()


@pytest.fixture
def add(engine: Engine) -> AddEpisodes:
    """add(*episodes) stores hand-made episodes in one transaction and returns their ids."""

    def store(*episodes: dict[str, Any]) -> list[int]:
        with transaction(engine) as session:
            return [add_episode(session, e) for e in episodes]

    return store


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """CRAMPCHECK_DATABASE_URL pointing at this test's database."""
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", database_url)
    return database_url


def at_days(days: Iterable[str], time: str = "03:10:00+01:00") -> list[dict[str, Any]]:
    """One episode at ``time`` on each YYYY-MM-DD day."""
    return [episode(at=f"{day}T{time}") for day in days]
