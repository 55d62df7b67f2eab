"""The diary, the profile, their charts and statistics, the report, and FHIR in and out.

Every route works on the diary of the person making the request (the local
person, or the logged-in account): an episode id from someone else's diary is
simply not found.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from crampcheck.api.deps import ModelDep, OwnerDep, StoreDep
from crampcheck.api.routes_core import ERRORS
from crampcheck.api.schemas import (
    EpisodeBody,
    EpisodeList,
    EpisodeOut,
    EpisodePatch,
    ProfileBody,
    ProfileOut,
)
from crampcheck.diary import repository
from crampcheck.diary.patterns import diary_findings
from crampcheck.diary.schemas import EpisodeIn
from crampcheck.diary.stats import compute_stats
from crampcheck.engine.model import CompiledModel
from crampcheck.server import interviews
from crampcheck.server.store import Store

router = APIRouter(prefix="/api/v1", responses=ERRORS)
MAX_PAGE = 1000

Day = Annotated[dt.date | None, Query(description="local date, YYYY-MM-DD")]


def episode_dict(e: EpisodeIn) -> dict[str, Any]:
    return {**e.model_dump(mode="json"), "tags": list(e.tags)}


@router.get("/diary/episodes", response_model=EpisodeList, tags=["diary"])
def list_episodes(
    store: StoreDep,
    owner: OwnerDep,
    since: Day = None,
    until: Day = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> dict[str, Any]:
    """Episodes on local dates ``since``..``until``, newest first, a page at a time."""
    with store.diary(owner, write=False) as session:
        found = repository.list_episodes(session, since, until)
    found.reverse()
    page = found[offset : offset + limit]
    return {
        "episodes": [episode_dict(e) for e in page],
        "total": len(found),
        "offset": offset,
        "limit": limit,
    }


@router.post("/diary/episodes", response_model=EpisodeOut, status_code=201, tags=["diary"])
def add_episode(
    body: EpisodeBody, store: StoreDep, owner: OwnerDep, response: Response
) -> dict[str, Any]:
    """Record one cramp; returns it with its id."""
    with store.diary(owner) as session:
        new_id = repository.add_episode(session, body.model_dump())
        episode = repository.get_episode(session, new_id)
    response.headers["Location"] = f"/api/v1/diary/episodes/{new_id}"
    return episode_dict(episode)


EpisodeId = Annotated[int, Query(ge=1, le=2**31 - 1)]


@router.get("/diary/episodes/{episode_id}", response_model=EpisodeOut, tags=["diary"])
def get_episode(episode_id: int, store: StoreDep, owner: OwnerDep) -> dict[str, Any]:
    """One episode."""
    with store.diary(owner, write=False) as session:
        return episode_dict(repository.get_episode(session, _id(episode_id)))


@router.patch("/diary/episodes/{episode_id}", response_model=EpisodeOut, tags=["diary"])
def edit_episode(
    episode_id: int, body: EpisodePatch, store: StoreDep, owner: OwnerDep
) -> dict[str, Any]:
    """Change some fields of one episode."""
    changes = body.model_dump(exclude_unset=True)
    with store.diary(owner) as session:
        return episode_dict(repository.edit_episode(session, _id(episode_id), changes))


@router.delete("/diary/episodes/{episode_id}", status_code=204, tags=["diary"])
def delete_episode(episode_id: int, store: StoreDep, owner: OwnerDep) -> Response:
    """Delete one episode."""
    with store.diary(owner) as session:
        repository.delete_episode(session, _id(episode_id))
    return Response(status_code=204)


def _id(episode_id: int) -> int:
    from crampcheck.errors import EpisodeNotFoundError

    if not 1 <= episode_id <= 2**31 - 1:
        raise EpisodeNotFoundError(f"no episode with id {episode_id}")
    return episode_id


@router.get("/diary/stats", tags=["diary"])
def diary_stats(
    store: StoreDep, owner: OwnerDep, since: Day = None, until: Day = None
) -> dict[str, Any]:
    """Counts, trend, night share, durations, severity, sites, triggers (as ``diary stats``)."""
    with store.diary(owner, write=False) as session:
        return compute_stats(session, since=since, until=until).to_dict()


@router.get(
    "/diary/plot.svg",
    tags=["diary"],
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def diary_plot(
    store: StoreDep,
    owner: OwnerDep,
    since: Day = None,
    until: Day = None,
    layout: Literal["wide", "phone"] = "wide",
) -> Response:
    """Episodes per week and hour of day by weekday, as one SVG (``phone``: tall and narrow)."""
    from crampcheck.diary.plots import FULL, PHONE, figure

    with store.diary(owner, write=False) as session:
        stats = compute_stats(session, since=since, until=until)
    buffer = io.BytesIO()
    figure(stats, PHONE if layout == "phone" else FULL).savefig(buffer, format="svg")
    return Response(buffer.getvalue(), media_type="image/svg+xml")


def profile_dict(session: Any) -> dict[str, Any]:
    data: dict[str, Any] = repository.get_profile(session).model_dump(mode="json")
    data["medicines"] = list(data["medicines"])
    data["conditions"] = list(data["conditions"])
    return data


@router.get("/profile", response_model=ProfileOut, tags=["diary"])
def get_profile(store: StoreDep, owner: OwnerDep) -> dict[str, Any]:
    """The profile (unknown fields are null)."""
    with store.diary(owner, write=False) as session:
        return profile_dict(session)


@router.put("/profile", response_model=ProfileOut, tags=["diary"])
def put_profile(body: ProfileBody, store: StoreDep, owner: OwnerDep) -> dict[str, Any]:
    """Set the given fields, empty those in ``clear``, keep the rest."""
    changes = body.model_dump(exclude_unset=True, exclude={"clear"})
    with store.diary(owner) as session:
        repository.update_profile(session, changes, body.clear)
        return profile_dict(session)


def _story_and_answers(
    store: Store, model: CompiledModel, owner: int, interview_id: str | None
) -> tuple[str | None, dict[str, Any]]:
    if interview_id is None:
        return None, {}
    view = interviews.show(store, model, owner, interview_id)
    state = interviews.stored_state(store, owner, interview_id)
    return view.story, dict(state.answers)


@router.get(
    "/export/fhir",
    tags=["exchange"],
    response_class=Response,
    responses={200: {"content": {"application/fhir+json": {"schema": {"type": "object"}}}}},
)
def export_fhir(
    store: StoreDep,
    model: ModelDep,
    owner: OwnerDep,
    interview: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """The diary, profile and differential as a FHIR R4 Bundle (R4B models)."""
    from crampcheck.report.fhir import export_bundle

    story, answers = _story_and_answers(store, model, owner, interview)
    with store.diary(owner, write=False) as session:
        bundle = export_bundle(session, story, answers)
    headers = {"Content-Disposition": 'attachment; filename="crampcheck-bundle.json"'}
    return Response(json.dumps(bundle), media_type="application/fhir+json", headers=headers)


@router.post("/import/fhir", tags=["exchange"])
async def import_fhir(request: Request, store: StoreDep, owner: OwnerDep) -> dict[str, Any]:
    """Add a Bundle's cramp episodes and profile to the diary, all or nothing (max 16 MiB)."""
    from starlette.concurrency import run_in_threadpool

    from crampcheck.report.fhir import import_bundle
    from crampcheck.report.fhir_read import parse_json, read_bundle

    raw = await request.body()

    def work() -> dict[str, Any]:
        text = raw.decode("utf-8-sig", errors="strict")
        content = read_bundle(parse_json(text, "the bundle"), "the bundle")
        with store.diary(owner) as session:
            count = import_bundle(session, content, "the bundle")
        return {"imported_episodes": count, "profile": bool(content.profile)}

    try:
        return await run_in_threadpool(work)
    except UnicodeDecodeError:
        from crampcheck.errors import DiaryInputError

        raise DiaryInputError("the bundle is not UTF-8 text; send it as UTF-8 JSON") from None


@router.get(
    "/report",
    tags=["exchange"],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}, "text/html": {}}}},
)
def report(
    store: StoreDep,
    model: ModelDep,
    owner: OwnerDep,
    interview: Annotated[str | None, Query(max_length=64)] = None,
    format: Literal["pdf", "html"] = "pdf",
    use_diary: bool = True,
    since: Day = None,
) -> Response:
    """The doctor-visit report (at most two A4 pages) for an interview and/or the diary."""
    from crampcheck.report.build import build_report
    from crampcheck.report.render import render_html, render_pdf

    today = dt.date.today()
    story, answers = _story_and_answers(store, model, owner, interview)
    found: list[Any] = []
    profile = stats = None
    if use_diary:
        with store.diary(owner, write=False) as session:
            found = diary_findings(session, today)
            profile = repository.get_profile(session)
            stats = compute_stats(session, since=since, today=today)
    from crampcheck.core import assess

    a = assess(story, answers, diary=found, model=model)
    built = build_report(model.kb, a, story=story, profile=profile, stats=stats, today=today)
    if format == "html":
        return Response(render_html(built), media_type="text/html")
    headers = {"Content-Disposition": 'attachment; filename="crampcheck-report.pdf"'}
    return Response(render_pdf(built), media_type="application/pdf", headers=headers)
