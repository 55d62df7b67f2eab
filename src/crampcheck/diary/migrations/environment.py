"""What ``env.py`` runs (kept in an ordinary module so it is imported, typed and measured).

crampcheck runs the migrations itself (:func:`crampcheck.diary.db.migrate`) and
passes its open connection in ``config.attributes["connection"]``. Run by hand
(``alembic -c src/crampcheck/diary/alembic.ini upgrade head``) they connect to
``CRAMPCHECK_DATABASE_URL`` (or the default SQLite file) instead; with ``--sql``
they print the SQL.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from crampcheck.diary.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate over the given connection, or over a new one to the configured diary."""
    from crampcheck.diary.db import create_diary_engine

    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_diary_engine()
    try:
        with engine.begin() as new_connection:
            _run(new_connection)
    finally:
        engine.dispose()


def run_offline() -> None:
    """Print the SQL instead of running it (``alembic upgrade head --sql``)."""
    from crampcheck.settings import Settings

    context.configure(
        url=Settings().database_url,
        target_metadata=Base.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Offline (print SQL) or online (run it), as Alembic was asked."""
    if context.is_offline_mode():
        run_offline()
    else:
        run_online()
