"""Settings in one declarative place, read from ``CRAMPCHECK_*`` environment variables.

::

    CRAMPCHECK_DATABASE_URL      where the cramp diary lives (SQLAlchemy URL)
    CRAMPCHECK_DATABASE_TIMEOUT  seconds a writer waits for another writer
    CRAMPCHECK_ACCOUNTS          web server with accounts (register, log in); off by default
    CRAMPCHECK_SECRET_KEY        key that signs form tokens (default: made once, kept in the DB)
    CRAMPCHECK_COOKIE_SECURE     send cookies only over HTTPS ("auto": when the request is HTTPS)

Read them with ``Settings()``; nothing is read at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "crampcheck"
DIARY_FILE = "diary.sqlite3"


def default_database_path() -> Path:
    """The SQLite file in the person's data folder (created on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DIARY_FILE


def default_database_url() -> str:
    """``sqlite:///`` URL of :func:`default_database_path`."""
    return f"sqlite:///{default_database_path()}"


class Settings(BaseSettings):
    """Every setting with its default and what it is for."""

    model_config = SettingsConfigDict(env_prefix="CRAMPCHECK_", extra="ignore", frozen=True)

    database_url: str = Field(
        default_factory=default_database_url,
        min_length=1,
        description=(
            "SQLAlchemy URL of the cramp diary. Default: an SQLite file in the user data "
            "folder (e.g. ~/.local/share/crampcheck/diary.sqlite3 on Linux). For a shared "
            "server use PostgreSQL, e.g. postgresql+psycopg://user@host:5432/crampcheck."
        ),
    )
    database_timeout: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description=(
            "Seconds a write waits for another process that is writing to the same diary "
            "before giving up (SQLite busy timeout; PostgreSQL connect timeout)."
        ),
    )
    accounts: bool = Field(
        default=False,
        description=(
            "Run the web app as a shared server with accounts: people register and log in, "
            "and each sees only their own diary, profile and interviews. Off by default: one "
            "local person, no login."
        ),
    )
    secret_key: str | None = Field(
        default=None,
        min_length=32,
        description=(
            "Key that signs the web forms' anti-forgery tokens. Default: a random key made on "
            "first use and kept in the database, so every worker shares it."
        ),
    )
    cookie_secure: Literal["auto", "always", "never"] = Field(
        default="auto",
        description=(
            "Mark cookies Secure (sent only over HTTPS): 'auto' does so when the request came "
            "over HTTPS (behind a proxy, run uvicorn with --proxy-headers)."
        ),
    )
