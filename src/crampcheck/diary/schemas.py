"""What a valid episode and a valid profile are, and plain-words messages when they are not.

An episode (the JSON and CSV field names)::

    id          whole number > 0 (optional; given on export, kept on import)
    at          ISO 8601 date and time WITH its UTC offset, e.g. 2026-11-20T03:10:00+01:00
                (kept to the second; the offset is kept so the local hour stays right)
    duration_s  whole seconds, 1 to 86400
    muscle      calf | foot | toes | thigh | other
    side        left | right | both
    severity    whole number 0 (none) to 10 (worst)
    activity    sleeping | resting | sitting | standing | walking | running | swimming
                | stretching
    tags        up to 20 lowercase slugs (letters, digits, single hyphens), each at most
                40 characters; stored sorted and without repeats
    note        free text, at most 2000 characters (empty means none)

Every problem message starts with the field name, shows the value, and says
what to give instead, e.g. ``severity: 11 is out of range; give a whole number
from 0 (none) to 10 (worst)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from crampcheck.diary.models import ACTIVITIES, MUSCLES, SIDES
from crampcheck.errors import DiaryInputError

Muscle = Literal["calf", "foot", "toes", "thigh", "other"]
Side = Literal["left", "right", "both"]
Activity = Literal[
    "sleeping", "resting", "sitting", "standing", "walking", "running", "swimming", "stretching"
]
Sex = Literal["female", "male"]

EPISODE_FIELDS = (
    "id",
    "at",
    "duration_s",
    "muscle",
    "side",
    "severity",
    "activity",
    "tags",
    "note",
)
MAX_DURATION_S = 86_400
MAX_TAGS = 20
MAX_TAG_LENGTH = 40
MAX_NOTE = 2000
MAX_OFFSET = dt.timedelta(hours=14)
TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_NAMES = 50
MAX_NAME = 100

HELP = {
    "id": "give a whole number above 0, or leave the id out to add a new episode",
    "at": "give the date and time with its UTC offset, e.g. 2026-11-20T03:10:00+01:00",
    "duration_s": f"give the length in whole seconds, from 1 to {MAX_DURATION_S} (24 hours)",
    "muscle": f"use one of {', '.join(MUSCLES)}",
    "side": f"use one of {', '.join(SIDES)}",
    "severity": "give a whole number from 0 (none) to 10 (worst)",
    "activity": f"use one of {', '.join(ACTIVITIES)}",
    "tags": (
        f"use at most {MAX_TAGS} tags of lowercase letters, digits and hyphens, each at most "
        f"{MAX_TAG_LENGTH} characters, e.g. heat or new-shoes"
    ),
    "note": f"keep the note to at most {MAX_NOTE} characters",
    "birth_year": "give the year of birth as four digits, e.g. 1958",
    "sex": "use female or male",
    "due_date": "give the expected date of birth as YYYY-MM-DD",
    "postpartum_since": "give the date of the birth as YYYY-MM-DD",
    "medicines": f"give NAME or NAME:YYYY-MM-DD, at most {MAX_NAMES} medicines",
    "conditions": f"give at most {MAX_NAMES} names of at most {MAX_NAME} characters",
}
PROBLEMS = {
    "missing": "is missing",
    "literal_error": "is not allowed",
    "int_parsing": "is not a whole number",
    "int_type": "is not a whole number",
    "int_from_float": "is not a whole number",
    "greater_than": "is out of range",
    "greater_than_equal": "is out of range",
    "less_than": "is out of range",
    "less_than_equal": "is out of range",
    "string_too_short": "is empty",
    "string_too_long": "is too long",
    "too_long": "has too many entries",
    "date_parsing": "is not a date",
    "date_from_datetime_parsing": "is not a date",
    "date_type": "is not a date",
}


def show(value: object) -> str:
    """A value as it appears in a message: quoted text, cut short when long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _no_bool(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"{show(value)} is not a whole number")
    return value


def parse_moment(value: object) -> dt.datetime:
    """An aware datetime from ISO 8601 text (or a datetime), to the second."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{show(value)} is not a date and time") from None
        if len(value.strip()) <= 10:
            raise ValueError(f"{show(value)} is a date without a time")
    else:
        raise ValueError(f"{show(value)} is not a date and time")
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError(f"{show(value)} has no time-zone offset")
    if abs(offset) > MAX_OFFSET:
        raise ValueError(f"{show(value)} has an offset beyond 14 hours")
    if not 1900 <= moment.year <= 2200:
        raise ValueError(f"{show(value)} is not between the years 1900 and 2200")
    return moment.replace(microsecond=0)


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple | set | frozenset):
        raise ValueError(f"{show(value)} is not a list of tags")
    tags = set()
    for raw in value:
        tag = raw.strip().lower() if isinstance(raw, str) else raw
        if not isinstance(tag, str) or not TAG.fullmatch(tag) or len(tag) > MAX_TAG_LENGTH:
            raise ValueError(f"{show(raw)} is not a valid tag")
        tags.add(tag)
    if len(tags) > MAX_TAGS:
        raise ValueError(f"{len(tags)} tags given, more than {MAX_TAGS}")
    return tuple(sorted(tags))


class EpisodeIn(BaseModel):
    """One valid episode, ready to store (``id`` only when it should be kept)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = Field(default=None, gt=0, le=2**31 - 1)
    at: dt.datetime
    duration_s: int = Field(gt=0, le=MAX_DURATION_S)
    muscle: Muscle
    side: Side
    severity: int = Field(ge=0, le=10)
    activity: Activity
    tags: tuple[str, ...] = ()
    note: str | None = None

    @field_validator("id", "duration_s", "severity", mode="before")
    @classmethod
    def _whole(cls, value: object) -> object:
        return _no_bool(value)

    @field_validator("at", mode="before")
    @classmethod
    def _at(cls, value: object) -> dt.datetime:
        return parse_moment(value)

    @field_validator("muscle", "side", "activity", mode="before")
    @classmethod
    def _word(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_list(cls, value: object) -> tuple[str, ...]:
        return _tags(value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if len(value) > MAX_NOTE:
                raise ValueError(f"{len(value)} characters given")
            return value or None
        return value

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: every field, ``at`` as ISO 8601 with the original offset."""
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "duration_s": self.duration_s,
            "muscle": self.muscle,
            "side": self.side,
            "severity": self.severity,
            "activity": self.activity,
            "tags": list(self.tags),
            "note": self.note,
        }


class MedicineIn(BaseModel):
    """A medicine and the day it was started (if known)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=MAX_NAME)
    start_date: dt.date | None = None


class ProfileIn(BaseModel):
    """Facts about the person; every field may be unknown."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    sex: Sex | None = None
    due_date: dt.date | None = None
    postpartum_since: dt.date | None = None
    medicines: tuple[MedicineIn, ...] = Field(default=(), max_length=MAX_NAMES)
    conditions: tuple[str, ...] = Field(default=(), max_length=MAX_NAMES)

    @field_validator("birth_year", mode="before")
    @classmethod
    def _whole(cls, value: object) -> object:
        return _no_bool(value)

    @field_validator("birth_year")
    @classmethod
    def _not_future(cls, value: int | None) -> int | None:
        if value is not None and value > dt.date.today().year:
            raise ValueError(f"{value} is in the future")
        return value

    @field_validator("conditions")
    @classmethod
    def _names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not name.strip() or len(name) > MAX_NAME:
                raise ValueError(f"{show(name)} is not a condition name")
        return tuple(dict.fromkeys(name.strip() for name in value))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the profile (dates as YYYY-MM-DD)."""
        return {
            "birth_year": self.birth_year,
            "sex": self.sex,
            "due_date": iso(self.due_date),
            "postpartum_since": iso(self.postpartum_since),
            "medicines": [
                {"name": m.name, "start_date": iso(m.start_date)} for m in self.medicines
            ],
            "conditions": list(self.conditions),
        }


def iso(day: dt.date | None) -> str | None:
    """YYYY-MM-DD, or None."""
    return None if day is None else day.isoformat()


def _problem(error: Mapping[str, Any]) -> str:
    location = [str(part) for part in error["loc"]]
    field = location[0] if location else "record"
    name = ".".join(location) or "record"
    kind = error["type"]
    help_text = HELP.get(field, f"remove it; the known fields are {', '.join(EPISODE_FIELDS)}")
    if kind == "value_error":
        return f"{name}: {error['ctx']['error']}; {help_text}"
    if kind == "missing":
        return f"{name}: is missing; {help_text}"
    if kind == "extra_forbidden":
        return f"{name}: is not a known field; {help_text}"
    problem = PROBLEMS.get(kind, f"is not valid ({error['msg']})")
    return f"{name}: {show(error.get('input'))} {problem}; {help_text}"


def problems(exc: ValidationError) -> tuple[str, ...]:
    """One plain-words line per field that failed, field first."""
    return tuple(_problem(error) for error in exc.errors(include_url=False))


def episode_or_problems(data: Mapping[str, object]) -> EpisodeIn | tuple[str, ...]:
    """A valid episode, or the problems with ``data``."""
    try:
        return EpisodeIn.model_validate(data)
    except ValidationError as exc:
        return problems(exc)


def validate_episode(data: Mapping[str, object]) -> EpisodeIn:
    """A valid episode, or :class:`DiaryInputError` listing every problem."""
    result = episode_or_problems(data)
    if isinstance(result, EpisodeIn):
        return result
    raise DiaryInputError("the episode was not saved:", result)


def validate_profile(data: Mapping[str, object]) -> ProfileIn:
    """A valid profile, or :class:`DiaryInputError` listing every problem."""
    try:
        return ProfileIn.model_validate(data)
    except ValidationError as exc:
        raise DiaryInputError("the profile was not saved:", problems(exc)) from None


def parse_day(field: str, value: str) -> dt.date:
    """A YYYY-MM-DD option value, or a message that names the option."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise DiaryInputError(
            f"{field}: {show(value)} is not a date; give it as YYYY-MM-DD, e.g. 2026-11-20"
        ) from None


def parse_medicine(value: str) -> dict[str, object]:
    """``NAME`` or ``NAME:YYYY-MM-DD`` -> ``{"name": ..., "start_date": ...}``."""
    name, colon, start = value.rpartition(":")
    if not colon:
        return {"name": value.strip()}
    try:
        return {"name": name.strip(), "start_date": dt.date.fromisoformat(start.strip())}
    except ValueError:
        raise DiaryInputError(
            f"medicine: {show(value)} has no valid start date after the colon; "
            "give NAME:YYYY-MM-DD, e.g. atorvastatin:2026-09-01"
        ) from None
