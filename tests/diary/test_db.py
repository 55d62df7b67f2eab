"""Opening the diary: migrations on first use, reversible; clear errors when the database fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from crampcheck.diary import db
from crampcheck.diary.models import Base
from crampcheck.diary.repository import add_episode, count_episodes
from crampcheck.errors import StorageError
from crampcheck.settings import Settings
from tests.diary.conftest import episode

DIARY_TABLES = {"episode", "episode_tag", "profile", "profile_medicine", "profile_condition"}


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_first_use_creates_every_table_and_records_the_revision(database_url: str) -> None:
    engine = db.open_engine(database_url)
    assert DIARY_TABLES | {"alembic_version"} <= _tables(engine)
    assert db.current_revision(engine) == db.head_revision() is not None
    engine.dispose()


def test_opening_again_keeps_the_data(database_url: str) -> None:
    with db.diary_session(database_url) as session:
        add_episode(session, episode())
    with db.diary_session(database_url, write=False) as session:
        assert count_episodes(session) == 1


def test_downgrade_to_base_removes_the_diary_and_upgrade_restores_it(engine: Engine) -> None:
    db.downgrade(engine, "base")
    assert db.current_revision(engine) is None
    assert not DIARY_TABLES & _tables(engine)
    db.migrate(engine)
    assert db.current_revision(engine) == db.head_revision()
    assert _tables(engine) >= DIARY_TABLES


def test_the_models_match_the_migrations(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_a_failed_transaction_writes_nothing(engine: Engine) -> None:
    with pytest.raises(RuntimeError), db.transaction(engine) as session:
        add_episode(session, episode())
        raise RuntimeError("boom")
    with db.transaction(engine, write=False) as session:
        assert count_episodes(session) == 0


def test_sqlite_waits_for_other_writers_in_wal_mode(tmp_path: Path) -> None:
    engine = db.open_engine(f"sqlite:///{tmp_path / 'd.sqlite3'}", Settings(database_timeout=7))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 7000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_the_default_diary_lives_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data" / "crampcheck"
    monkeypatch.delenv("CRAMPCHECK_DATABASE_URL", raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(folder))
    with db.diary_session() as session:
        add_episode(session, episode())
    assert (folder / "diary.sqlite3").is_file()
    assert (folder / "diary.sqlite3").stat().st_mode & 0o777 == 0o600


def test_an_unreachable_server_says_what_to_check() -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/test"
    with pytest.raises(StorageError, match="cannot reach the diary database") as caught:
        db.open_engine(url, Settings(database_timeout=2))
    assert "CRAMPCHECK_DATABASE_URL" in str(caught.value)


def test_a_password_never_appears_in_a_message() -> None:
    with pytest.raises(StorageError) as caught:
        db.open_engine("postgresql+psycopg://me:s3cret@127.0.0.1:1/x", Settings(database_timeout=1))
    assert "s3cret" not in str(caught.value)


def test_a_read_only_diary_says_so(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db.open_engine(f"sqlite:///{path}").dispose()
    read_only = db.open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(StorageError, match="read-only"), db.transaction(read_only) as session:
        add_episode(session, episode())
    read_only.dispose()


def test_a_missing_folder_says_what_to_check(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="check that the folder exists"):
        db.open_engine(f"sqlite:///{tmp_path / 'nowhere' / 'd.sqlite3'}")


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_a_malformed_url_is_explained(url: str) -> None:
    with pytest.raises(StorageError, match="is not a database URL crampcheck can use"):
        db.create_diary_engine(url)


def test_a_diary_from_a_newer_crampcheck_asks_for_an_upgrade(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageError, match="upgrade crampcheck"):
        db.migrate(engine)


def test_the_alembic_command_line_setup_works_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command
    from alembic.config import Config

    import crampcheck.diary

    ini = Path(crampcheck.diary.__file__).with_name("alembic.ini")
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", url)
    command.upgrade(Config(str(ini)), "head")
    engine = db.create_diary_engine(url)
    assert db.current_revision(engine) == db.head_revision()
    engine.dispose()


def test_the_migrations_can_be_printed_as_sql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from alembic import command

    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'd.sqlite3'}")
    buffer = io.StringIO()
    config = db.alembic_config()
    config.output_buffer = buffer
    command.upgrade(config, "head", sql=True)
    assert "CREATE TABLE episode" in buffer.getvalue()
    assert not (tmp_path / "d.sqlite3").exists()


def test_a_writer_that_waits_too_long_is_told_the_diary_is_busy(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    holder = db.open_engine(url)
    impatient = db.open_engine(url, Settings(database_timeout=0.1))
    with db.transaction(holder) as session:
        add_episode(session, episode())
        with pytest.raises(StorageError, match="is busy"), db.transaction(impatient) as other:
            add_episode(other, episode())
        with db.transaction(impatient, write=False) as reader:  # readers do not wait
            assert count_episodes(reader) == 0
    impatient.dispose()
    holder.dispose()


def test_a_briefly_locked_new_diary_is_migrated_on_a_second_look(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    real = db.current_revision
    calls = []

    def locked_once(engine: Engine, *args: object) -> str | None:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))
        return real(engine)

    monkeypatch.setattr(db, "current_revision", locked_once)
    engine = db.open_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    try:
        assert real(engine) == db.head_revision()
        assert len(calls) >= 2
    finally:
        engine.dispose()


def test_a_diary_that_stays_locked_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def always_locked(engine: Engine, *args: object) -> str | None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(db, "current_revision", always_locked)
    monkeypatch.setattr(db.time, "sleep", lambda _s: None)
    with pytest.raises(StorageError, match="is busy"):
        db.open_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
