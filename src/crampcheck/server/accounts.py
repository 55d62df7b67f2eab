"""Accounts for server mode: registration, argon2 passwords, login sessions, rate limit.

* Passwords are hashed with argon2id (argon2-cffi); a login with an unknown name
  still runs one hash, so the answer takes as long as for a known name.
* A login makes a random session token: the browser keeps it in a cookie, the
  database keeps only its SHA-256 (a stolen database holds no usable token).
  Sessions end after :data:`SESSION_DAYS` days or at logout.
* Failed logins are counted in the database (so every worker sees them) per
  name and per client address: more than :data:`MAX_FAILURES` in
  :data:`FAILURE_WINDOW` and further attempts are refused for a while.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from crampcheck.errors import UserInputError
from crampcheck.server.models import Account, FailedLogin, LoginSession
from crampcheck.server.store import Store

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
MIN_PASSWORD, MAX_PASSWORD = 10, 256
SESSION_DAYS = 14
MAX_FAILURES = 5
MAX_FAILURES_PER_CLIENT = 30
FAILURE_WINDOW = dt.timedelta(minutes=15)


class LoginRefusedError(UserInputError):
    """Wrong name or password (deliberately not saying which)."""


class TooManyAttemptsError(UserInputError):
    """Too many failed logins lately; ``retry_after`` seconds until the next try."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, round(retry_after / 60))
        super().__init__(f"too many failed logins; wait about {minutes} minute(s) and try again")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Login:
    account_id: int
    username: str
    token: str


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash(secrets.token_hex(16))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def normalise_username(username: str) -> str:
    """Names are compared without case and surrounding spaces."""
    return username.strip().lower()


def check_new_account(username: str, password: str) -> str:
    """The normalised name, or UserInputError saying what to change."""
    name = normalise_username(username)
    if not USERNAME.match(name):
        raise UserInputError(
            "choose a user name of 3 to 64 characters: letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserInputError(
            f"choose a password of {MIN_PASSWORD} to {MAX_PASSWORD} characters "
            "(a few unrelated words are easy to remember and hard to guess)"
        )
    if password.strip().lower() == name:
        raise UserInputError("choose a password that is not your user name")
    return name


def register(store: Store, username: str, password: str) -> int:
    """Create an account; returns its id. UserInputError when the name is taken."""
    name = check_new_account(username, password)
    hashed = _hasher().hash(password)
    try:
        with store.engine.begin() as conn:
            row = {"username": name, "password_hash": hashed, "created_at": _now()}
            result = conn.execute(insert(Account).returning(Account.id), [row])
            return int(result.scalar_one())
    except IntegrityError:
        raise UserInputError(f"the user name {name!r} is taken; choose another") from None


def _recent_failures(store: Store, key: str) -> tuple[int, dt.datetime | None]:
    since = _now() - FAILURE_WINDOW
    query = select(func.count(), func.min(FailedLogin.at)).where(
        FailedLogin.key_sha256 == key, FailedLogin.at >= since
    )
    with store.server(write=False) as session:
        count, first = session.execute(query).one()
    return int(count), first


def _refuse_if_limited(store: Store, keys: dict[str, int]) -> None:
    for key, limit in keys.items():
        count, first = _recent_failures(store, key)
        if count >= limit and first is not None:
            wait = (first + FAILURE_WINDOW - _now()).total_seconds()
            raise TooManyAttemptsError(max(1, int(wait) + 1))


def login(store: Store, username: str, password: str, client: str) -> Login:
    """Check the password and open a session (else LoginRefusedError, TooManyAttemptsError)."""
    name = normalise_username(username)
    keys = {
        _sha256(f"name:{name}"): MAX_FAILURES,
        _sha256(f"client:{client}"): MAX_FAILURES_PER_CLIENT,
    }
    _refuse_if_limited(store, keys)
    with store.server(write=False) as session:
        account = session.execute(
            select(Account.id, Account.password_hash).where(Account.username == name)
        ).first()
    if account is None or len(password) > MAX_PASSWORD:
        _verify(_dummy_hash(), password[:MAX_PASSWORD])  # the same time as a known name
        matched = False
    else:
        matched = _verify(account[1], password)
    if not matched or account is None:
        with store.server() as session:
            session.execute(insert(FailedLogin), [{"key_sha256": k, "at": _now()} for k in keys])
        raise LoginRefusedError(
            "that user name and password do not match; check both and try again"
        )
    token = secrets.token_urlsafe(32)
    now = _now()
    with store.server() as session:
        session.execute(delete(FailedLogin).where(FailedLogin.key_sha256.in_(list(keys)[:1])))
        session.execute(delete(LoginSession).where(LoginSession.expires_at < now))
        session.add(
            LoginSession(
                token_sha256=_sha256(token),
                account_id=account[0],
                created_at=now,
                expires_at=now + dt.timedelta(days=SESSION_DAYS),
            )
        )
    return Login(int(account[0]), name, token)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def session_account(store: Store, token: str | None) -> tuple[int, str] | None:
    """The (account id, user name) of a live session token, or None."""
    if not token or len(token) > 128:
        return None
    query = (
        select(Account.id, Account.username)
        .join(LoginSession, LoginSession.account_id == Account.id)
        .where(LoginSession.token_sha256 == _sha256(token), LoginSession.expires_at > _now())
    )
    with store.server(write=False) as session:
        row = session.execute(query).first()
    return (int(row[0]), str(row[1])) if row else None


def logout(store: Store, token: str | None) -> None:
    """End the session (nothing happens for an unknown token)."""
    if token and len(token) <= 128:
        with store.server() as session:
            session.execute(delete(LoginSession).where(LoginSession.token_sha256 == _sha256(token)))
