"""Alembic environment for the diary; the work is in :mod:`.environment`."""

from crampcheck.diary.migrations.environment import run

run()
