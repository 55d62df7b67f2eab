"""The server's own tables (typed SQLAlchemy 2 ORM classes).

They live in the main database (beside the local person's diary), in a
metadata of their own, migrated by ``crampcheck/server/migrations``. Secrets are
never stored in the clear: login-session tokens and rate-limit keys are stored
as SHA-256 digests, passwords as argon2 hashes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from crampcheck.diary.models import NAMING

LOCAL_OWNER = 0
"""The owner id of the one local person when accounts are off."""


class ServerBase(DeclarativeBase):
    """Declarative base of the server tables (their own metadata and migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class Account(ServerBase):
    """A person who registered (server mode only)."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime())


class LoginSession(ServerBase):
    """A logged-in browser: the cookie holds the token, the table its SHA-256."""

    __tablename__ = "login_session"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime())


class FailedLogin(ServerBase):
    """One failed login, kept for the rate limit (the key is a digest, not a name)."""

    __tablename__ = "failed_login"
    __table_args__ = (Index("ix_failed_login_key_at", "key_sha256", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime())


class StoredInterview(ServerBase):
    """An interview in progress or finished: the story and the answers so far (JSON)."""

    __tablename__ = "interview"
    __table_args__ = (Index("ix_interview_owner_updated", "owner_id", "updated_at"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner_id: Mapped[int] = mapped_column(Integer)
    story: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime())


class ServerSecret(ServerBase):
    """The key that signs form tokens, made once and shared by every worker."""

    __tablename__ = "server_secret"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[str] = mapped_column(String(128))
