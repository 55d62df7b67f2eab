"""Interviews kept in the database, so any worker can take the next answer.

An interview is the person's story (optional) and :class:`InterviewState`
(the answers in order, the red-flag screen, the stability record) stored as
JSON. Every request loads it, applies one step (an answer, the screen, "go
back", "show the result now"), recomputes the assessment and stores it again.
A step is applied only to the state it was computed from (compare-and-set), so
two answers sent at once cannot overwrite each other: the second gets a
:class:`~crampcheck.errors.ConflictError`.

Only the owner can read or change an interview; anyone else gets
:class:`~crampcheck.errors.NotFoundError`, as for an id that does not exist.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import select, update

from crampcheck.core import assess
from crampcheck.engine.assessment import Assessment
from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import CompiledModel
from crampcheck.errors import ConflictError, NotFoundError, UserInputError
from crampcheck.interview import MAX_QUESTIONS, SCREEN, InterviewState, next_step
from crampcheck.knowledge.models import Finding
from crampcheck.server.models import StoredInterview
from crampcheck.server.store import Store

ID_BYTES = 16

Status = Literal["screen", "question", "done"]


@dataclass(frozen=True)
class InterviewView:
    """Where an interview stands: the next question (or the screen) and the result so far."""

    id: str
    status: Status
    asked: int
    story: str | None
    question: Finding | None
    screen: tuple[Finding, ...]
    result: Assessment
    can_go_back: bool

    @property
    def question_id(self) -> str | None:
        if self.status == "screen":
            return SCREEN
        return self.question.id if self.question is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The interview as the API returns it."""
        out: dict[str, Any] = {
            "id": self.id,
            "status": self.status,
            "asked": self.asked,
            "max_questions": MAX_QUESTIONS,
            "can_go_back": self.can_go_back,
            "question": None,
            "result": self.result.to_dict() if self.status == "done" else None,
            "triage_so_far": self.result.triage.level,
        }
        if self.status == "screen":
            out["question"] = {
                "id": SCREEN,
                "type": "screen",
                "text": "Before anything else: is any of these happening now?",
                "signs": [{"id": f.id, "text": f.text} for f in self.screen],
                "answers": ["none", "at_least_one"],
            }
        elif self.question is not None:
            out["question"] = question_dict(self.question)
        return out


def question_dict(f: Finding) -> dict[str, Any]:
    """One question as the API shows it, with the answers it accepts."""
    q: dict[str, Any] = {"id": f.id, "type": f.type, "text": f.text, "help": f.help}
    if f.type == "choice":
        q["choices"] = [{"id": c.id, "label": c.label} for c in f.choices]
    if f.type == "number":
        q.update(unit=f.unit, min=f.min, max=f.max)
    return q


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _dump(state: InterviewState, finished: bool) -> str:
    return json.dumps(
        {
            "answers": state.answers,
            "order": list(state.order),
            "signatures": [[list(top), level] for top, level in state.signatures],
            "screen": state.screen,
            "screened": list(state.screened),
            "finished": finished,
        },
        separators=(",", ":"),
    )


def _load(raw: str) -> tuple[InterviewState, bool]:
    data = json.loads(raw)
    state = InterviewState(
        answers=dict(data["answers"]),
        order=tuple(data["order"]),
        signatures=tuple((tuple(top), level) for top, level in data["signatures"]),
        screen=data["screen"],
        screened=tuple(data["screened"]),
    )
    return state, bool(data.get("finished", False))


def _view(
    model: CompiledModel, iid: str, story: str | None, state: InterviewState, finished: bool
) -> InterviewView:
    result = assess(story, state.answers, model=model)
    step = None if finished else next_step(model, state, result)
    status: Status = "done"
    question: Finding | None = None
    screen: tuple[Finding, ...] = ()
    if step is not None and step[0] == "screen":
        status, screen = "screen", tuple(step[1])
    elif step is not None:
        status, question = "question", step[1]
    return InterviewView(
        id=iid,
        status=status,
        asked=state.asked,
        story=story,
        question=question,
        screen=screen,
        result=result,
        can_go_back=bool(state.order),
    )


def start(store: Store, model: CompiledModel, owner: int, story: str | None) -> InterviewView:
    """A new interview, from a story or from nothing; stored before it is returned."""
    story = story if story and story.strip() else None
    state = InterviewState()
    view = _view(model, "", story, state, False)  # reads the story: bad text fails here
    iid = secrets.token_urlsafe(ID_BYTES)
    now = _now()
    with store.server() as session:
        session.add(
            StoredInterview(
                id=iid,
                owner_id=owner,
                story=story,
                state=_dump(state, False),
                created_at=now,
                updated_at=now,
            )
        )
    return replace(view, id=iid)


def _fetch(store: Store, owner: int, iid: str) -> tuple[str | None, str]:
    if not iid or len(iid) > 64:
        raise NotFoundError(f"no interview {iid[:64]!r}; start a new one")
    query = select(StoredInterview.story, StoredInterview.state).where(
        StoredInterview.id == iid, StoredInterview.owner_id == owner
    )
    with store.server(write=False) as session:
        row = session.execute(query).first()
    if row is None:
        raise NotFoundError(f"no interview {iid!r}; start a new one")
    return row[0], row[1]


def show(store: Store, model: CompiledModel, owner: int, iid: str) -> InterviewView:
    """The interview as it stands."""
    story, raw = _fetch(store, owner, iid)
    state, finished = _load(raw)
    return _view(model, iid, story, state, finished)


Action = Literal["answer", "back", "finish"]


def step(
    store: Store,
    model: CompiledModel,
    owner: int,
    iid: str,
    action: Action,
    question: str | None = None,
    value: Any = None,
) -> InterviewView:
    """Apply one step and store the new state; returns where the interview now stands.

    ``answer`` must name the question being asked (``question``) — the screen's id
    with ``value`` ``"none"`` or ``"at_least_one"``, or a finding id with its value
    (``None`` for "don't know"). ``back`` undoes the last answer; ``finish`` stops
    asking and shows the result.
    """
    story, raw = _fetch(store, owner, iid)
    state, finished = _load(raw)
    current = _view(model, iid, story, state, finished)
    if action == "back":
        state, finished = state.back(), False
    elif action == "finish":
        finished = True
    else:
        state = _answer(model, current, state, question, value)
    new_raw = _dump(state, finished)
    with store.server() as session:
        changed = session.execute(
            update(StoredInterview)
            .where(StoredInterview.id == iid, StoredInterview.state == raw)
            .values(state=new_raw, updated_at=_now())
        )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError("this interview changed meanwhile (answered twice?); reload it")
    return _view(model, iid, story, state, finished)


SCREEN_VALUES = {"none": False, "at_least_one": True}


def _answer(
    model: CompiledModel,
    current: InterviewView,
    state: InterviewState,
    question: str | None,
    value: Any,
) -> InterviewState:
    if current.status == "done":
        raise ConflictError("this interview is finished; go back to change an answer")
    if question != current.question_id:
        raise ConflictError(
            f"the question being asked is {current.question_id!r}, not {question!r}; "
            "reload the interview and answer that one"
        )
    if current.status == "screen":
        if value not in SCREEN_VALUES:
            raise UserInputError("answer the checklist with 'none' or 'at_least_one'")
        return state.answer_screen(model, SCREEN_VALUES[value])
    assert current.question is not None
    read_answers(model, {current.question.id: value})  # raises with what to send instead
    return state.answer(current.question.id, value, current.result)


def stored_state(store: Store, owner: int, iid: str) -> InterviewState:
    """The answers and order of an interview (for the report and the FHIR export)."""
    _story, raw = _fetch(store, owner, iid)
    return _load(raw)[0]
