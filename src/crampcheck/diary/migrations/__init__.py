"""Alembic migrations of the diary schema (applied automatically on first use)."""
