"""The web pages (server-rendered Jinja2; forms, no JavaScript needed).

Every form carries an anti-forgery token (:mod:`.csrf`); every page shows the
emergency line and the disclaimer. The interview is one question per page, with
"don't know", "back", progress and "show the result now". With accounts on, the
pages other than start, login and register need a login.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from crampcheck.api.deps import SESSION_COOKIE, account_of, current_owner, get_model, get_store
from crampcheck.api.errors import ApiError
from crampcheck.api.routes_auth import do_login, secure_cookies, set_session_cookie
from crampcheck.diary import repository
from crampcheck.diary.schemas import EpisodeIn
from crampcheck.diary.stats import compute_stats
from crampcheck.engine.assessment import DISCLAIMER
from crampcheck.errors import ConflictError, NotFoundError, UserInputError
from crampcheck.interview import MAX_QUESTIONS
from crampcheck.knowledge.models import TRIAGE_WORDS
from crampcheck.server import accounts, interviews
from crampcheck.web import csrf
from crampcheck.web.result import result_context
from crampcheck.web.words import diary_sentences, episode_words

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
router = APIRouter(include_in_schema=False)

Field = Annotated[str | None, Form(max_length=20_000)]
Short = Annotated[str | None, Form(max_length=200)]


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """A page, with the anti-forgery token and who is logged in."""
    store = get_store(request)
    cookie, new = csrf.ensure_cookie(request)
    account = account_of(request) if store.settings.accounts else None
    response = templates.TemplateResponse(
        request,
        name,
        {
            "csrf": csrf.token_for(store.secret(), cookie),
            "accounts": store.settings.accounts,
            "account": account,
            "disclaimer": DISCLAIMER,
            "triage_words": TRIAGE_WORDS,
            **context,
        },
        status_code=status,
    )
    if new:
        csrf.set_cookie(response, cookie, secure_cookies(request, store))
    return response


def check_form(request: Request, token: str | None) -> None:
    """403 unless the form carries this browser's anti-forgery token."""
    csrf.check(request, get_store(request).secret(), token)


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> Response:
    return render(request, "start.html")


@router.post("/start")
def start(
    request: Request,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    story: Field = None,
) -> Response:
    check_form(request, csrf_token)
    owner = current_owner(request)
    try:
        view = interviews.start(get_store(request), get_model(request), owner, story)
    except UserInputError as exc:
        return render(request, "start.html", 422, error=str(exc), story=story or "")
    return see_other(f"/interview/{view.id}")


@router.get("/interview/{interview_id}", response_class=HTMLResponse)
def interview_page(request: Request, interview_id: str) -> Response:
    owner = current_owner(request)
    view = interviews.show(get_store(request), get_model(request), owner, interview_id)
    return _interview(request, view)


def _interview(
    request: Request, view: interviews.InterviewView, error: str | None = None
) -> Response:
    if view.status == "done":
        model = get_model(request)
        return render(request, "result.html", **result_context(model, view))
    return render(
        request,
        "question.html",
        422 if error else 200,
        view=view,
        number=view.asked + 1,
        max_questions=MAX_QUESTIONS,
        error=error,
    )


@router.post("/interview/{interview_id}")
def interview_step(
    request: Request,
    interview_id: str,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    action: Short = "answer",
    question: Short = None,
    value: Short = None,
) -> Response:
    check_form(request, csrf_token)
    owner = current_owner(request)
    store, model = get_store(request), get_model(request)
    if action not in ("answer", "back", "finish"):
        raise ApiError(422, "unknown action; use the buttons on the page")
    answer: Any = None if value in (None, "", "unknown") else value
    try:
        interviews.step(store, model, owner, interview_id, action, question, answer)  # type: ignore[arg-type]
    except UserInputError as exc:
        if isinstance(exc, NotFoundError | ConflictError):
            raise
        view = interviews.show(store, model, owner, interview_id)
        return _interview(request, view, str(exc))
    return see_other(f"/interview/{interview_id}")


# --- the diary ------------------------------------------------------------------------------


def _now_local() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(second=0, microsecond=0)


@router.get("/diary", response_class=HTMLResponse)
def diary_page(request: Request, added: int | None = None) -> Response:
    return _diary(request, added=added)


def _diary(
    request: Request,
    status: int = 200,
    error: str | None = None,
    form: dict[str, str] | None = None,
    added: int | None = None,
) -> Response:
    owner = current_owner(request)
    with get_store(request).diary(owner, write=False) as session:
        recent = repository.list_episodes(session)[-20:][::-1]
        stats = compute_stats(session)
    now = _now_local()
    defaults = {
        "at": now.strftime("%Y-%m-%dT%H:%M"),
        "tz": now.strftime("%z"),
        "duration": "60",
        "muscle": "calf",
        "side": "left",
        "severity": "5",
        "activity": "sleeping",
        "note": "",
    }
    return render(
        request,
        "diary.html",
        status,
        episodes=[episode_words(e) for e in recent],
        sentences=diary_sentences(stats),
        has_chart=stats.episodes > 0,
        form={**defaults, **(form or {})},
        error=error,
        added=added,
    )


def _moment(at: str, tz: str) -> dt.datetime:
    try:
        naive = dt.datetime.fromisoformat(at)
        sign = -1 if tz.startswith("-") else 1
        digits = tz.lstrip("+-").replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)) * sign
        return naive.replace(tzinfo=dt.timezone(offset))
    except (ValueError, IndexError):
        raise UserInputError("when: give a date and time, e.g. 2026-11-20 03:10") from None


@router.post("/diary")
def diary_add(
    request: Request,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    at: Short = None,
    tz: Short = "+0000",
    duration: Short = None,
    muscle: Short = None,
    side: Short = None,
    severity: Short = None,
    activity: Short = None,
    note: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    check_form(request, csrf_token)
    owner = current_owner(request)
    form = {
        k: v or ""
        for k, v in {
            "at": at,
            "tz": tz,
            "duration": duration,
            "muscle": muscle,
            "side": side,
            "severity": severity,
            "activity": activity,
            "note": note,
        }.items()
    }
    try:
        data = {
            "at": _moment(at or "", tz or "+0000"),
            "duration_s": duration,
            "muscle": muscle,
            "side": side,
            "severity": severity,
            "activity": activity,
            "note": note or None,
        }
        with get_store(request).diary(owner) as session:
            new_id = repository.add_episode(session, data)
    except UserInputError as exc:
        return _diary(request, 422, str(exc), form)
    return see_other(f"/diary?added={new_id}")


@router.post("/diary/{episode_id}/delete")
def diary_delete(
    request: Request, episode_id: int, csrf_token: Annotated[str | None, Form(alias="csrf")] = None
) -> Response:
    check_form(request, csrf_token)
    owner = current_owner(request)
    with get_store(request).diary(owner) as session:
        repository.delete_episode(session, episode_id)
    return see_other("/diary")


# --- accounts -------------------------------------------------------------------------------


def _accounts_on(request: Request) -> None:
    if not get_store(request).settings.accounts:
        raise ApiError(404, "accounts are off: this crampcheck has one local person, no login")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    _accounts_on(request)
    return render(request, "login.html", mode="login")


@router.get("/register", response_class=HTMLResponse)
def register_page(request: Request) -> Response:
    _accounts_on(request)
    return render(request, "login.html", mode="register")


def _login_form(
    request: Request, mode: str, token: str | None, username: str | None, password: str | None
) -> Response:
    _accounts_on(request)
    check_form(request, token)
    store = get_store(request)
    try:
        if mode == "register":
            accounts.register(store, username or "", password or "")
        found = do_login(request, store, username or "", password or "")
    except accounts.TooManyAttemptsError as exc:
        response = render(request, "login.html", 429, mode=mode, error=str(exc), username=username)
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except UserInputError as exc:
        return render(request, "login.html", 422, mode=mode, error=str(exc), username=username)
    response = see_other("/")
    set_session_cookie(response, request, store, found.token)
    return response


@router.post("/login")
def login(
    request: Request,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    username: Short = None,
    password: Annotated[str | None, Form(max_length=1024)] = None,
) -> Response:
    return _login_form(request, "login", csrf_token, username, password)


@router.post("/register")
def register(
    request: Request,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    username: Short = None,
    password: Annotated[str | None, Form(max_length=1024)] = None,
) -> Response:
    return _login_form(request, "register", csrf_token, username, password)


@router.post("/logout")
def logout(
    request: Request, csrf_token: Annotated[str | None, Form(alias="csrf")] = None
) -> Response:
    _accounts_on(request)
    check_form(request, csrf_token)
    accounts.logout(get_store(request), request.cookies.get(SESSION_COOKIE))
    response = see_other("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def html_errors(request: Request, status: int, message: str) -> Response:
    """Errors on web pages: a page in words (401 sends the person to the login page)."""
    if status == 401:
        return see_other("/login")
    titles = {
        404: "Not found",
        403: "Please try again",
        409: "This page is out of date",
        429: "Please wait",
        503: "Please try again in a moment",
    }
    try:
        return render(
            request,
            "error.html",
            status,
            title=titles.get(status, "Something went wrong"),
            message=message,
        )
    except Exception:  # the database itself may be what failed
        return HTMLResponse(
            f"<!doctype html><title>crampcheck</title><p>{status}: try again later",
            status_code=status,
        )


def install_web(app: FastAPI) -> None:
    """Mount the pages, the static files and the HTML error pages."""
    from crampcheck.web.profile import router as profile_router

    app.include_router(router)
    app.include_router(profile_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.state.html_errors = html_errors


__all__ = ["EpisodeIn", "install_web"]
