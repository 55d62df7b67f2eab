"""Assessment, interviews, the knowledge base (read-only) and the health check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from crampcheck.api.deps import ModelDep, OwnerDep, StoreDep
from crampcheck.api.errors import ApiError
from crampcheck.api.schemas import (
    AssessIn,
    AssessmentOut,
    ErrorOut,
    Health,
    InterviewIn,
    InterviewOut,
    StepIn,
)
from crampcheck.core import assess
from crampcheck.server import interviews

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 404, 409, 413, 415, 422, 429, 503)
}

router = APIRouter(prefix="/api/v1", responses=ERRORS)
health = APIRouter()


INLINE_CHARS = 2_000
"""Stories up to this long are assessed on the event loop (a few ms, first come first
served, which keeps the latency tail short under load); longer ones go to a worker
thread so that they do not hold up the requests behind them."""


@router.post("/assess", response_model=AssessmentOut, tags=["assess"])
async def post_assess(body: AssessIn, model: ModelDep) -> dict[str, Any]:
    """Rank causes, decide triage and choose advice from a story and/or answers."""
    if body.text is None and not body.answers:
        raise ApiError(422, "send a story in 'text', answers in 'answers', or both", field="text")
    if len(body.text or "") <= INLINE_CHARS and len(body.answers or {}) <= 100:
        return assess(body.text, body.answers, model=model).to_dict()
    result = await run_in_threadpool(assess, body.text, body.answers, model=model)
    return result.to_dict()


@router.post("/interviews", response_model=InterviewOut, status_code=201, tags=["interviews"])
def start_interview(
    body: InterviewIn, store: StoreDep, model: ModelDep, owner: OwnerDep, response: Response
) -> dict[str, Any]:
    """Start an interview (optionally from a story); returns the first question."""
    view = interviews.start(store, model, owner, body.text)
    response.headers["Location"] = f"/api/v1/interviews/{view.id}"
    return view.to_dict()


@router.get("/interviews/{interview_id}", response_model=InterviewOut, tags=["interviews"])
def get_interview(
    interview_id: str, store: StoreDep, model: ModelDep, owner: OwnerDep
) -> dict[str, Any]:
    """The next question, or the result when the interview is done."""
    return interviews.show(store, model, owner, interview_id).to_dict()


@router.post("/interviews/{interview_id}/answers", response_model=InterviewOut, tags=["interviews"])
def answer_interview(
    interview_id: str, body: StepIn, store: StoreDep, model: ModelDep, owner: OwnerDep
) -> dict[str, Any]:
    """Answer the question being asked (``value`` null = don't know), go back, or finish."""
    if body.action == "answer" and body.question is None:
        raise ApiError(422, "name the question you answer in 'question'", field="question")
    view = interviews.step(
        store, model, owner, interview_id, body.action, body.question, body.value
    )
    return view.to_dict()


@router.get("/kb/conditions", tags=["knowledge base"])
def list_conditions(model: ModelDep) -> list[dict[str, Any]]:
    """Every condition: id, name, ICD-10-CM codes, group, triage."""
    return [
        {"id": c.id, "name": c.name, "icd10": c.icd10, "group": c.group, "triage": c.triage}
        for c in model.kb.conditions
    ]


@router.get("/kb/conditions/{condition_id}", tags=["knowledge base"])
def get_condition(condition_id: str, model: ModelDep) -> dict[str, Any]:
    """One condition in full, with its sources and references."""
    for c in model.kb.conditions:
        if c.id == condition_id:
            return c.model_dump(mode="json")
    raise ApiError(404, f"no condition {condition_id[:64]!r}; GET /api/v1/kb/conditions lists them")


@router.get("/kb/findings", tags=["knowledge base"])
def list_findings(model: ModelDep) -> list[dict[str, Any]]:
    """Every finding (a question the engine can ask): id, text, type, red flag."""
    return [
        {"id": f.id, "text": f.text, "type": f.type, "red_flag": f.red_flag}
        for f in model.kb.findings
    ]


@router.get("/kb/findings/{finding_id}", tags=["knowledge base"])
def get_finding(finding_id: str, model: ModelDep) -> dict[str, Any]:
    """One finding in full (its phrases, choices, unit)."""
    f = model.findings.get(finding_id)
    if f is None:
        raise ApiError(404, f"no finding {finding_id[:64]!r}; GET /api/v1/kb/findings lists them")
    return f.model_dump(mode="json")


@router.get("/kb/claims", tags=["knowledge base"])
def list_claims(model: ModelDep) -> list[dict[str, Any]]:
    """The seed articles' notable claims, each with its verdict and reference."""
    return [c.model_dump(mode="json") for c in model.kb.claims]


@health.get(
    "/healthz", response_model=Health, responses={503: {"model": ErrorOut}}, tags=["health"]
)
def healthz(request: Request, store: StoreDep, model: ModelDep) -> dict[str, Any]:
    """200 when the database answers; 503 (with Retry-After) when it does not."""
    store.check()
    return {"status": "ok", "database": store.backend, "kb_version": model.kb.version}
