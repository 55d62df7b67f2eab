"""Opening the server's database once per process, and a diary per person.

A :class:`Store` holds one pooled engine for the main database (the server
tables, and the local person's diary) and hands out transactions:

* :meth:`Store.server` — on the server tables;
* :meth:`Store.diary` — on one person's diary. The local person (accounts off)
  has the ordinary diary. With accounts, each account has its own: a schema of
  its own in PostgreSQL (``diary_<id>``, sharing the one connection pool; when
  crampcheck's own tables are in schema ``s`` rather than ``public``, ``s__diary_<id>``), or a
  file of its own next to the main SQLite file (``accounts/<id>.sqlite3``). No
  query of one person's can touch another person's rows, because they are not
  in the tables it names.

Nothing about a request is kept here between requests; the only memory is
which diaries this process has already migrated (so it does not look twice)
and a bounded cache of open SQLite engines.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from crampcheck.diary.db import Chain, create_diary_engine, migrate, storage_error, transaction
from crampcheck.errors import StorageError
from crampcheck.server.migrations.environment import VERSION_TABLE
from crampcheck.server.models import LOCAL_OWNER, ServerSecret
from crampcheck.settings import Settings

SERVER = Chain("crampcheck.server:migrations", VERSION_TABLE)
MAX_OPEN_SQLITE_DIARIES = 32


class Store:
    """The database side of one web-server process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = create_diary_engine(settings=settings)
        self.backend = self.engine.dialect.name
        self._lock = threading.Lock()
        self._migrated: set[str] = set()
        self._sqlite: OrderedDict[int, Engine] = OrderedDict()
        self._secret: bytes | None = None
        self._schema_prefix = "diary_"
        try:
            migrate(self.engine)
            migrate(self.engine, chain=SERVER)
        except BaseException:
            self.engine.dispose()
            raise
        if self.backend == "postgresql":
            self._schema_prefix = self._prefix_for_schemas()
        if settings.accounts and self.backend == "sqlite" and not self._sqlite_folder():
            self.engine.dispose()
            raise StorageError(
                "accounts need a diary database on disk or on a server; "
                "CRAMPCHECK_DATABASE_URL points at an in-memory SQLite database"
            )

    def close(self) -> None:
        """Close every connection (at shutdown)."""
        with self._lock:
            for engine in self._sqlite.values():
                engine.dispose()
            self._sqlite.clear()
        self.engine.dispose()

    @contextmanager
    def server(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction on the server tables."""
        with transaction(self.engine, write=write) as session:
            yield session

    @contextmanager
    def diary(self, owner: int, *, write: bool = True) -> Iterator[Session]:
        """One transaction on the diary of ``owner`` (migrated on first use)."""
        if owner == LOCAL_OWNER:
            with transaction(self.engine, write=write) as session:
                yield session
        elif self.backend == "sqlite":
            with transaction(self._sqlite_engine(owner), write=write) as session:
                yield session
        else:
            schema = f"{self._schema_prefix}{int(owner)}"
            if schema not in self._migrated:
                migrate(self.engine, schema=schema)
                self._migrated.add(schema)
            with transaction(self.engine, write=write, schema=schema) as session:
                yield session

    def _prefix_for_schemas(self) -> str:
        """``diary_`` beside ``public``; ``<schema>__diary_`` when crampcheck lives elsewhere.

        So two crampchecks in two schemas of one database never share a diary.
        """
        with self.engine.connect() as conn:
            current = conn.execute(text("SELECT current_schema()")).scalar_one()
        return "diary_" if current in (None, "public") else f"{current}__diary_"

    def _sqlite_folder(self) -> Path | None:
        database = make_url(self.settings.database_url).database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database).resolve().parent / "accounts"

    def _sqlite_engine(self, owner: int) -> Engine:
        with self._lock:
            engine = self._sqlite.get(owner)
            if engine is not None:
                self._sqlite.move_to_end(owner)
                return engine
        folder = self._sqlite_folder()
        if folder is None:  # pragma: no cover - refused in __init__
            raise StorageError("accounts need a diary database on disk")
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"{int(owner)}.sqlite3"
        engine = create_diary_engine(f"sqlite:///{path}", self.settings)
        migrate(engine)
        with self._lock:
            self._sqlite[owner] = engine
            while len(self._sqlite) > MAX_OPEN_SQLITE_DIARIES:
                _, old = self._sqlite.popitem(last=False)
                old.dispose()
        return engine

    def secret(self) -> bytes:
        """The key that signs form tokens: from the settings, or made once and stored."""
        if self.settings.secret_key:
            return self.settings.secret_key.encode()
        if self._secret is None:
            self._secret = self._stored_secret()
        return self._secret

    def _stored_secret(self) -> bytes:
        query = select(ServerSecret.value).where(ServerSecret.id == 1)
        with self.server(write=False) as session:
            value = session.scalar(query)
        if value is None:
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(ServerSecret), [{"id": 1, "value": secrets.token_hex(32)}])
            except IntegrityError:
                pass  # another worker made it first: use theirs
            except DBAPIError as exc:
                raise storage_error(exc, self.engine.url) from None
            with self.server(write=False) as session:
                value = session.scalar(query)
        if value is None:  # pragma: no cover - just inserted
            raise StorageError("the server secret could not be stored")
        return value.encode()

    def check(self) -> None:
        """Raise StorageError unless the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise storage_error(exc, self.engine.url) from None
