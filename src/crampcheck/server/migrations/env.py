"""Alembic environment for the server tables; the work is in :mod:`.environment`."""

from crampcheck.server.migrations.environment import run

run()
