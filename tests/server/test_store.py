"""The store: one migrated database, a diary per person, a shared secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcheck.diary.repository import add_episode, count_episodes
from crampcheck.errors import StorageError
from crampcheck.server import store as store_module
from crampcheck.server.models import LOCAL_OWNER
from crampcheck.server.store import Store
from crampcheck.settings import Settings
from tests.api.conftest import database_url  # noqa: F401 - the fixture, on both backends
from tests.diary.conftest import episode


def _store(url: str, accounts: bool = True) -> Store:
    return Store(Settings(database_url=url, accounts=accounts))


def test_each_owner_has_a_separate_diary(database_url: str) -> None:  # noqa: F811
    store = _store(database_url)
    try:
        for owner in (LOCAL_OWNER, 1, 2):
            with store.diary(owner) as session:
                for _ in range(owner + 1):
                    add_episode(session, episode())
        counts = []
        for owner in (LOCAL_OWNER, 1, 2):
            with store.diary(owner, write=False) as session:
                counts.append(count_episodes(session))
        assert counts == [1, 2, 3]
    finally:
        store.close()


def test_the_secret_is_made_once_and_shared_by_every_process(database_url: str) -> None:  # noqa: F811
    one, two = _store(database_url), _store(database_url)
    try:
        assert one.secret() == two.secret()
        assert len(one.secret()) == 64
    finally:
        one.close()
        two.close()


def test_a_configured_secret_wins(database_url: str) -> None:  # noqa: F811
    key = "k" * 40
    store = Store(Settings(database_url=database_url, secret_key=key))
    try:
        assert store.secret() == key.encode()
    finally:
        store.close()


def test_accounts_refuse_an_in_memory_sqlite_database() -> None:
    with pytest.raises(StorageError, match="in-memory"):
        _store("sqlite://")


def test_open_sqlite_diaries_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "MAX_OPEN_SQLITE_DIARIES", 2)
    store = _store(f"sqlite:///{tmp_path / 'main.sqlite3'}")
    try:
        for owner in (1, 2, 3):
            with store.diary(owner) as session:
                add_episode(session, episode())
        assert len(store._sqlite) == 2
        assert sorted(p.name for p in (tmp_path / "accounts").glob("*.sqlite3")) == [
            "1.sqlite3",
            "2.sqlite3",
            "3.sqlite3",
        ]
        with store.diary(1, write=False) as session:  # reopened after eviction
            assert count_episodes(session) == 1
    finally:
        store.close()
