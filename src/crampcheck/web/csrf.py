"""Anti-forgery tokens for the web forms (double submit, signed).

The browser gets a random ``cc_csrf`` cookie (HttpOnly, SameSite=Strict); each
form carries HMAC-SHA256(server secret, cookie). A forged form from another
site cannot know the cookie, so it cannot compute the field; the server needs
no memory of tokens, so any worker can check any form.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

from crampcheck.api.errors import ApiError

CSRF_COOKIE = "cc_csrf"
FIELD = "csrf"


def token_for(secret: bytes, cookie: str) -> str:
    return hmac.new(secret, cookie.encode(), hashlib.sha256).hexdigest()


def ensure_cookie(request: Request) -> tuple[str, bool]:
    """The request's CSRF cookie, or a new one (and whether it is new)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if cookie and 20 <= len(cookie) <= 64:
        return cookie, False
    return secrets.token_urlsafe(24), True


def set_cookie(response: Response, cookie: str, secure: bool) -> None:
    response.set_cookie(
        CSRF_COOKIE, cookie, httponly=True, samesite="strict", secure=secure, path="/"
    )


def check(request: Request, secret: bytes, submitted: str | None) -> None:
    """403 unless the form's token matches the cookie."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not hmac.compare_digest(token_for(secret, cookie), submitted):
        raise ApiError(
            403,
            "this form has expired or did not come from this site; go back, reload the page "
            "and send it again",
        )
