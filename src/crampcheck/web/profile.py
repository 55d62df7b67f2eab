"""The profile page: the facts the diary's patterns use (age, sex, pregnancy, medicines)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse

from crampcheck.api.deps import current_owner, get_store
from crampcheck.diary import repository
from crampcheck.diary.schemas import ProfileIn, parse_medicine
from crampcheck.errors import UserInputError
from crampcheck.web.pages import check_form, render, see_other

router = APIRouter(include_in_schema=False)
Text = Annotated[str | None, Form(max_length=5000)]
Short = Annotated[str | None, Form(max_length=40)]
MAX_LINES = 50


def _form(profile: ProfileIn) -> dict[str, str]:
    return {
        "birth_year": str(profile.birth_year or ""),
        "sex": profile.sex or "",
        "due_date": profile.due_date.isoformat() if profile.due_date else "",
        "postpartum_since": profile.postpartum_since.isoformat()
        if profile.postpartum_since
        else "",
        "medicines": "\n".join(
            f"{m.name}:{m.start_date.isoformat()}" if m.start_date else m.name
            for m in profile.medicines
        ),
        "conditions": "\n".join(profile.conditions),
    }


@router.get("/profile", response_class=HTMLResponse)
def profile_page(request: Request, saved: int | None = None) -> Response:
    owner = current_owner(request)
    with get_store(request).diary(owner, write=False) as session:
        profile = repository.get_profile(session)
    return render(request, "profile.html", form=_form(profile), saved=saved)


def _lines(text: str | None) -> list[str]:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_LINES:
        raise UserInputError(f"at most {MAX_LINES} lines, please")
    return lines


@router.post("/profile")
def profile_save(
    request: Request,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
    birth_year: Short = None,
    sex: Short = None,
    due_date: Short = None,
    postpartum_since: Short = None,
    medicines: Text = None,
    conditions: Text = None,
) -> Response:
    check_form(request, csrf_token)
    owner = current_owner(request)
    given = {
        "birth_year": birth_year or "",
        "sex": sex or "",
        "due_date": due_date or "",
        "postpartum_since": postpartum_since or "",
        "medicines": medicines or "",
        "conditions": conditions or "",
    }
    try:
        changes: dict[str, Any] = {
            "medicines": [parse_medicine(m) for m in _lines(medicines)],
            "conditions": _lines(conditions),
        }
        for name in ("birth_year", "sex", "due_date", "postpartum_since"):
            if given[name]:
                changes[name] = given[name]
        clear = [n for n in ("birth_year", "sex", "due_date", "postpartum_since") if not given[n]]
        with get_store(request).diary(owner) as session:
            repository.update_profile(session, changes, clear)
    except UserInputError as exc:
        return render(request, "profile.html", 422, form=given, error=str(exc))
    return see_other("/profile?saved=1")
