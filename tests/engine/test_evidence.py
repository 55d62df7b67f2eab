"""Answers as people give them become yes/no evidence, or a clear error."""

from __future__ import annotations

import pytest

from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import default_model
from crampcheck.errors import UserInputError

MODEL = default_model()


def test_an_age_sets_exactly_one_age_band() -> None:
    known = read_answers(MODEL, {"age": 70}).known
    bands = {k: v for k, v in known.items() if k.startswith("age_")}
    assert bands["age_65_plus"] is True
    assert sum(bands.values()) == 1


def test_a_choice_sets_its_derived_findings() -> None:
    known = read_answers(MODEL, {"sex": "female"}).known
    assert known["female"] is True and known["male"] is False


@pytest.mark.parametrize("value", [None, "unknown", "don't know", ""])
def test_dont_know_is_left_out(value: object) -> None:
    assert read_answers(MODEL, {"night_cramps": value}).known == {}  # type: ignore[dict-item]


@pytest.mark.parametrize(("value", "expected"), [("yes", True), ("No", False), (True, True)])
def test_yes_no_accepts_words_and_booleans(value: object, expected: bool) -> None:
    known = read_answers(MODEL, {"night_cramps": value}).known  # type: ignore[dict-item]
    assert known == {"night_cramps": expected}


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"nigth_cramps": True}, "unknown finding id 'nigth_cramps'. Did you mean night_cramps?"),
        ({"night_cramps": "often"}, "must be true or false"),
        ({"age": "old"}, "must be a number (years)"),
        ({"age": 300}, "must be between 0 and 120 years"),
        ({"age": True}, "must be a number"),
        ({"sex": "robot"}, "must be one of female, male"),
    ],
)
def test_bad_answers_get_a_specific_message(answers: dict[str, object], message: str) -> None:
    with pytest.raises(UserInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_answers(MODEL, answers)  # type: ignore[arg-type]


def test_too_many_answers_are_refused() -> None:
    with pytest.raises(UserInputError, match="too many answers"):
        read_answers(MODEL, {f"x{i}": True for i in range(501)})
