"""What a valid episode and profile are; every problem names the field, the value and the fix."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from crampcheck.diary.schemas import (
    EpisodeIn,
    parse_day,
    parse_medicine,
    validate_episode,
    validate_profile,
)
from crampcheck.errors import DiaryInputError, UserInputError
from tests.diary.conftest import episode


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"at": "20/11/2026 03:10"}, "at: '20/11/2026 03:10' is not a date and time; give"),
        ({"at": "2026-11-20T03:10:00"}, "at: '2026-11-20T03:10:00' has no time-zone offset"),
        ({"at": "2026-11-20"}, "at: '2026-11-20' is a date without a time"),
        ({"at": "2026-11-20T03:10:00+15:00"}, "has an offset beyond 14 hours"),
        ({"at": 1763600000}, "at: 1763600000 is not a date and time"),
        ({"duration_s": -5}, "duration_s: -5 is out of range; give the length in whole seconds"),
        ({"duration_s": 0}, "duration_s: 0 is out of range"),
        ({"duration_s": 86401}, "duration_s: 86401 is out of range"),
        ({"duration_s": 1.5}, "duration_s: 1.5 is not a whole number"),
        ({"severity": 11}, "severity: 11 is out of range; give a whole number from 0 (none) to 10"),
        ({"severity": True}, "severity: True is not a whole number"),
        ({"muscle": "neck"}, "muscle: 'neck' is not allowed; use one of calf, foot, toes, thigh"),
        ({"side": "middle"}, "side: 'middle' is not allowed; use one of left, right, both"),
        ({"activity": "dancing"}, "activity: 'dancing' is not allowed; use one of sleeping"),
        ({"tags": ["hot weather"]}, "tags: 'hot weather' is not a valid tag; use at most 20 tags"),
        ({"tags": "heat"}, "tags: 'heat' is not a list of tags"),
        ({"tags": [f"t{n}" for n in range(21)]}, "tags: 21 tags given, more than 20"),
        ({"tags": ["x" * 41]}, "is not a valid tag"),
        ({"note": "x" * 2001}, "note: 2001 characters given; keep the note to at most 2000"),
        ({"id": 0}, "id: 0 is out of range; give a whole number above 0"),
        ({"mood": "bad"}, "mood: is not a known field; remove it"),
    ],
)
def test_a_bad_field_is_named_with_its_value_and_the_fix(
    fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(DiaryInputError) as caught:
        validate_episode(episode(**fields))
    assert message in str(caught.value)
    assert isinstance(caught.value, UserInputError)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(DiaryInputError) as caught:
        validate_episode({"at": "2026-11-20T03:10:00", "severity": 11})
    fields = [problem.split(":")[0] for problem in caught.value.problems]
    assert fields == ["at", "duration_s", "muscle", "side", "severity", "activity"]


def test_input_is_normalised() -> None:
    e = validate_episode(
        episode(
            at="2026-11-20T03:10:00.75Z",
            muscle=" Calf ",
            tags=["Heat", "heat", "new-shoes"],
            note="  ",
            severity="7",
        )
    )
    assert e.at == dt.datetime(2026, 11, 20, 3, 10, tzinfo=dt.UTC)
    assert (e.muscle, e.tags, e.note, e.severity) == ("calf", ("heat", "new-shoes"), None, 7)


def test_the_original_offset_is_kept() -> None:
    e = validate_episode(episode(at="2026-11-20T03:10:00+05:30"))
    assert e.to_dict()["at"] == "2026-11-20T03:10:00+05:30"


def test_the_json_form_has_the_contract_keys_in_order() -> None:
    keys = list(EpisodeIn.model_validate(episode()).to_dict())
    assert keys == [
        "id",
        "at",
        "duration_s",
        "muscle",
        "side",
        "severity",
        "activity",
        "tags",
        "note",
    ]


def test_a_profile_problem_names_the_field() -> None:
    with pytest.raises(DiaryInputError) as caught:
        validate_profile({"birth_year": 2100, "sex": "x", "conditions": [" "]})
    text = str(caught.value)
    assert "birth_year: 2100 is in the future" in text
    assert "sex: 'x' is not allowed; use female or male" in text
    assert "conditions: ' ' is not a condition name" in text


def test_a_profile_keeps_conditions_once_each() -> None:
    assert validate_profile({"conditions": ["diabetes", " diabetes"]}).conditions == ("diabetes",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("atorvastatin:2026-09-01", {"name": "atorvastatin", "start_date": dt.date(2026, 9, 1)}),
        ("the pill", {"name": "the pill"}),
    ],
)
def test_a_medicine_is_a_name_with_an_optional_start_date(text: str, expected: object) -> None:
    assert parse_medicine(text) == expected


def test_a_medicine_with_a_bad_date_says_how_to_write_it() -> None:
    with pytest.raises(DiaryInputError, match="give NAME:YYYY-MM-DD"):
        parse_medicine("atorvastatin:last week")


def test_a_bad_date_option_names_the_option() -> None:
    with pytest.raises(
        DiaryInputError, match="--since: '1/2/2026' is not a date; give it as YYYY-MM-DD"
    ):
        parse_day("--since", "1/2/2026")
