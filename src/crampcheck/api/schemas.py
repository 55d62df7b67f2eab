"""Request and response bodies of the JSON API (they become /openapi.json).

Responses allow extra keys: fields may be added to the contract, never renamed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from crampcheck.understand.checks import MAX_TEXT

AnswerValue = bool | int | float | str | None
MAX_ANSWERS = 500


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- requests -----------------------------------------------------------------------------


class AssessIn(Strict):
    """A story, answers (finding id -> value), or both."""

    text: str | None = Field(default=None, max_length=MAX_TEXT, examples=["my calf knots at night"])
    answers: dict[str, AnswerValue] | None = Field(default=None, max_length=MAX_ANSWERS)


class InterviewIn(Strict):
    """Start an interview, optionally from the person's story."""

    text: str | None = Field(default=None, max_length=MAX_TEXT)


class StepIn(Strict):
    """One step: answer the question being asked, go back, or finish now."""

    action: Literal["answer", "back", "finish"] = "answer"
    question: str | None = Field(default=None, max_length=64)
    value: AnswerValue = Field(default=None, description="null means don't know")


class Credentials(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class EpisodeBody(Strict):
    """A cramp for the diary (``at`` with its UTC offset, e.g. 2026-11-20T03:10:00+01:00)."""

    at: dt.datetime
    duration_s: int = Field(gt=0, le=86_400)
    muscle: Literal["calf", "foot", "toes", "thigh", "other"]
    side: Literal["left", "right", "both"]
    severity: int = Field(ge=0, le=10)
    activity: Literal[
        "sleeping", "resting", "sitting", "standing", "walking", "running", "swimming", "stretching"
    ]
    tags: list[str] = Field(default=[], max_length=20)
    note: str | None = Field(default=None, max_length=2000)


class EpisodePatch(Strict):
    """The fields to change (``tags`` replaces every tag)."""

    at: dt.datetime | None = None
    duration_s: int | None = Field(default=None, gt=0, le=86_400)
    muscle: Literal["calf", "foot", "toes", "thigh", "other"] | None = None
    side: Literal["left", "right", "both"] | None = None
    severity: int | None = Field(default=None, ge=0, le=10)
    activity: (
        Literal[
            "sleeping",
            "resting",
            "sitting",
            "standing",
            "walking",
            "running",
            "swimming",
            "stretching",
        ]
        | None
    ) = None
    tags: list[str] | None = Field(default=None, max_length=20)
    note: str | None = Field(default=None, max_length=2000)


class MedicineBody(Strict):
    name: str = Field(min_length=1, max_length=100)
    start_date: dt.date | None = None


class ProfileBody(Strict):
    """The fields to set; ``clear`` lists fields to empty."""

    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    sex: Literal["female", "male"] | None = None
    due_date: dt.date | None = None
    postpartum_since: dt.date | None = None
    medicines: list[MedicineBody] | None = Field(default=None, max_length=50)
    conditions: list[str] | None = Field(default=None, max_length=50)
    clear: list[
        Literal["birth_year", "sex", "due_date", "postpartum_since", "medicines", "conditions"]
    ] = Field(default=[], max_length=6)


# --- responses ----------------------------------------------------------------------------


class ErrorDetail(Open):
    status: int
    code: str
    message: str
    field: str | None = None


class ErrorOut(Open):
    """The one error shape."""

    error: ErrorDetail


class TriageOut(Open):
    level: Literal["emergency", "urgent", "routine", "self_care"]
    label: str
    reasons: list[str]


class WhyOut(Open):
    finding: str
    value: Any = None
    factor: float
    text: str


class CauseOut(Open):
    id: str
    name: str
    icd10: list[str]
    probability: float
    triage: str
    why: list[WhyOut]


class FindingOut(Open):
    id: str
    value: Any = None
    source: str
    span: str | None = None


class QuestionRef(Open):
    id: str
    text: str
    type: str


class AdviceOut(Open):
    first_aid: list[dict[str, Any]]
    tests: list[Any]
    specialists: list[Any]
    prevention: list[Any]
    avoid: list[Any]


class AssessmentOut(Open):
    """The Assessment JSON of ARCHITECTURE.md."""

    kb_version: str
    triage: TriageOut
    red_flags: list[dict[str, Any]]
    causes: list[CauseOut]
    findings: list[FindingOut]
    next_questions: list[QuestionRef]
    advice: AdviceOut
    warnings: list[str]
    disclaimer: str


class QuestionOut(Open):
    id: str
    type: str
    text: str


class InterviewOut(Open):
    """Where an interview stands: the question to answer next, or the result."""

    id: str
    status: Literal["screen", "question", "done"]
    asked: int
    max_questions: int
    can_go_back: bool
    question: QuestionOut | None
    result: AssessmentOut | None
    triage_so_far: str


class EpisodeOut(Open):
    id: int
    at: dt.datetime
    duration_s: int
    muscle: str
    side: str
    severity: int
    activity: str
    tags: list[str]
    note: str | None


class EpisodeList(Open):
    episodes: list[EpisodeOut]
    total: int
    offset: int
    limit: int


class ProfileOut(Open):
    birth_year: int | None
    sex: str | None
    due_date: dt.date | None
    postpartum_since: dt.date | None
    medicines: list[MedicineBody]
    conditions: list[str]


class Health(Open):
    status: Literal["ok"]
    database: str
    kb_version: str


class AccountOut(Open):
    id: int
    username: str
