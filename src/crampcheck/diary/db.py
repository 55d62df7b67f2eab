"""Opening the diary database: engines, migrations on first use, transactions.

Nothing connects at import time and no engine lives at module level: call
:func:`open_engine` (or use :func:`diary_session`) when the diary is needed.

* The URL comes from :class:`crampcheck.settings.Settings` (``CRAMPCHECK_DATABASE_URL``);
  the default is an SQLite file in the user data folder, created on first use.
* :func:`open_engine` upgrades the schema to the newest Alembic revision
  (recorded in ``alembic_version``) under a lock, so two processes starting on
  a fresh database do not race.
* SQLite runs in WAL mode with a busy timeout, and a write transaction starts
  with ``BEGIN IMMEDIATE``: a second writer waits for the first instead of
  failing. Foreign keys are enforced.
* Every :func:`transaction` commits as a whole or not at all, and database
  failures come out as :class:`~crampcheck.errors.StorageError` with a message
  that says what to do.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session

from crampcheck.errors import StorageError
from crampcheck.settings import Settings, default_database_path

if TYPE_CHECKING:  # Alembic is imported when a migration is checked (it is slow to import)
    from alembic.config import Config

SCRIPT_LOCATION = "crampcheck.diary:migrations"
WRITE_OPTION = "crampcheck_write"
PG_MIGRATION_LOCK = 4_711_2026  # pg_advisory_xact_lock key: one migrator at a time


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the migrations shipped in this package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    """The newest diary migration this version of crampcheck knows."""
    return DIARY.head()


def describe(url: URL) -> str:
    """The URL without a password, safe to show and log."""
    return url.render_as_string(hide_password=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (see _begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, True)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _prepare_sqlite_file(url: URL) -> None:
    """Create the default diary's folder and file, readable only by the person."""
    path = default_database_path()
    if url.database and Path(url.database) == path and not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.touch(mode=0o600)


def create_diary_engine(url: str | None = None, settings: Settings | None = None) -> Engine:
    """A configured engine for ``url`` (default: the settings); nothing is migrated yet."""
    settings = settings or Settings()
    raw = url or settings.database_url
    try:
        parsed = make_url(raw)
        if parsed.get_backend_name() == "sqlite":
            _prepare_sqlite_file(parsed)
            engine = create_engine(parsed, connect_args={"timeout": settings.database_timeout})
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        connect_args = {"connect_timeout": max(1, round(settings.database_timeout))}
        return create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StorageError(
            f"CRAMPCHECK_DATABASE_URL is not a database URL crampcheck can use ({exc}); "
            "use e.g. sqlite:////home/me/diary.sqlite3 or "
            "postgresql+psycopg://user@localhost:5432/crampcheck"
        ) from None


def storage_error(exc: DBAPIError, url: URL) -> StorageError:
    """Turn a driver error into a message that says what to do next."""
    where = describe(url)
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    lowered = detail.lower()
    if any(words in lowered for words in ("disk is full", "disk full", "no space left")):
        return StorageError(
            f"the diary at {where} could not be written: the disk (or the diary's size limit) "
            f"is full ({detail}); free some disk space, or move the diary with "
            "CRAMPCHECK_DATABASE_URL, and try again; the entries already saved are unchanged"
        )
    if "readonly" in lowered or "read-only" in lowered:
        hint = "make the file (and its folder) writable, or point CRAMPCHECK_DATABASE_URL elsewhere"
        return StorageError(f"the diary at {where} is read-only ({detail}); {hint}")
    if "locked" in lowered or "busy" in lowered:
        return StorageError(
            f"the diary at {where} is busy: another program held it too long ({detail}); "
            "try again, or raise CRAMPCHECK_DATABASE_TIMEOUT"
        )
    if "unable to open" in lowered:
        return StorageError(
            f"cannot open the diary at {where} ({detail}); check that the folder exists and "
            "is writable, or set CRAMPCHECK_DATABASE_URL"
        )
    if "connect" in lowered or "connection" in lowered:
        return StorageError(
            f"cannot reach the diary database at {where} ({detail}); check that the server is "
            "running and that CRAMPCHECK_DATABASE_URL is right"
        )
    return StorageError(f"the diary database at {where} failed ({detail}); nothing was saved")


def _lock_for_migration(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})


def _use_schema(conn: Connection, schema: str | None, *, create: bool = False) -> None:
    """Point this transaction at ``schema`` (PostgreSQL: one schema per person's diary)."""
    if schema is None:
        return
    quoted = conn.dialect.identifier_preparer.quote_identifier(schema)
    if create:
        conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {quoted}")
    conn.exec_driver_sql(f"SET LOCAL search_path TO {quoted}")


MIGRATION_ATTEMPTS = 8


@dataclass(frozen=True)
class Chain:
    """One chain of Alembic migrations: where its scripts are and its version table."""

    script_location: str = SCRIPT_LOCATION
    version_table: str = "alembic_version"

    def config(self, connection: Connection | None = None) -> Config:
        config = alembic_config(connection)
        config.set_main_option("script_location", self.script_location)
        return config

    def head(self) -> str | None:
        return _chain_head(self.script_location)


DIARY = Chain()


@lru_cache(maxsize=4)
def _chain_head(script_location: str) -> str | None:
    from alembic.script import ScriptDirectory

    config = alembic_config()
    config.set_main_option("script_location", script_location)
    return ScriptDirectory.from_config(config).get_current_head()


def _revision(conn: Connection, chain: Chain) -> str | None:
    from alembic.runtime.migration import MigrationContext

    opts = {"version_table": chain.version_table}
    return MigrationContext.configure(conn, opts=opts).get_current_revision()


def migrate(
    engine: Engine, revision: str = "head", *, schema: str | None = None, chain: Chain = DIARY
) -> None:
    """Upgrade the schema to ``revision`` in one locked transaction, if it is not there yet.

    The usual case, a diary already at the newest revision, only reads (so it
    does not wait for a writer); otherwise the lock is taken and the check repeated.
    ``schema`` (PostgreSQL) migrates the diary kept in that schema, creating it first.
    """
    from alembic import command
    from alembic.util.exc import CommandError

    for attempt in range(MIGRATION_ATTEMPTS):
        try:
            if revision == "head" and current_revision(engine, schema, chain) == chain.head():
                return
            with engine.begin() as conn:
                _lock_for_migration(conn)
                _use_schema(conn, schema, create=True)
                if revision == "head" and _revision(conn, chain) == chain.head():
                    return
                command.upgrade(chain.config(conn), revision)
            return
        except DBAPIError as exc:
            # Two processes creating a new SQLite diary at the same moment can see
            # "database is locked" straight away (SQLite refuses to wait when waiting
            # could deadlock); the migration is idempotent, so look again shortly.
            if "locked" not in str(exc).lower() or attempt == MIGRATION_ATTEMPTS - 1:
                raise storage_error(exc, engine.url) from None
            time.sleep(0.05 * (attempt + 1))
        except CommandError as exc:
            raise _unknown_schema(engine, exc) from None


def _unknown_schema(engine: Engine, exc: Exception) -> StorageError:
    return StorageError(
        f"the diary at {describe(engine.url)} has a schema this crampcheck does not know "
        f"({exc}); upgrade crampcheck (pip install -U crampcheck)"
    )


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Undo migrations down to ``revision`` (``base`` drops every diary table)."""
    from alembic import command

    try:
        with engine.begin() as conn:
            _lock_for_migration(conn)
            command.downgrade(alembic_config(conn), revision)
    except DBAPIError as exc:
        raise storage_error(exc, engine.url) from None


def current_revision(engine: Engine, schema: str | None = None, chain: Chain = DIARY) -> str | None:
    """The revision recorded in the chain's version table (None for an empty database)."""
    with engine.execution_options(**{WRITE_OPTION: False}).connect() as conn:
        if schema is None:
            return _revision(conn, chain)
        with conn.begin():
            _use_schema(conn, schema)
            return _revision(conn, chain)


def open_engine(url: str | None = None, settings: Settings | None = None) -> Engine:
    """An engine for the diary, with the schema upgraded to the newest revision."""
    engine = create_diary_engine(url, settings)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


@contextmanager
def transaction(
    engine: Engine, *, write: bool = True, schema: str | None = None
) -> Iterator[Session]:
    """A session inside one transaction: committed on success, rolled back on any error.

    ``schema`` (PostgreSQL) points the transaction at the diary kept in that schema.
    """
    bind = engine.execution_options(**{WRITE_OPTION: write})
    try:
        with Session(bind, expire_on_commit=False) as session, session.begin():
            if schema is not None:
                _use_schema(session.connection(), schema)
            yield session
    except DBAPIError as exc:
        raise storage_error(exc, engine.url) from None


@contextmanager
def diary_session(url: str | None = None, *, write: bool = True) -> Iterator[Session]:
    """Open the diary, yield a session in one transaction, and close everything after."""
    engine = open_engine(url)
    try:
        with transaction(engine, write=write) as session:
            yield session
    finally:
        engine.dispose()
