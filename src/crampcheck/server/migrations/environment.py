"""What ``env.py`` runs: the server tables' migrations over crampcheck's own connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from crampcheck.server.models import ServerBase

VERSION_TABLE = "crampcheck_server_version"


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Migrate over the connection crampcheck passes in (online only)."""
    connection = context.config.attributes.get("connection")
    if connection is None:  # pragma: no cover - crampcheck always passes its connection
        raise SystemExit("run the server migrations through crampcheck (crampcheck serve)")
    _run(connection)
