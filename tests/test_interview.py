"""The interview: state, going back, stopping, and the terminal loop."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console

from crampcheck.core import assess
from crampcheck.engine.model import default_model
from crampcheck.interview import (
    MAX_QUESTIONS,
    InterviewState,
    emergency_fired,
    next_step,
    screen_findings,
    should_stop,
    signature,
)
from crampcheck.terminal import parse_reply, run_interview

MODEL = default_model()


def test_answer_and_back_are_inverse() -> None:
    state = InterviewState().answer("night_cramps", True)
    assert state.answers == {"night_cramps": True} and state.asked == 1
    assert state.back() == InterviewState()
    assert InterviewState().back() == InterviewState()


def test_the_interview_stops_at_the_question_limit() -> None:
    state = InterviewState()
    for i in range(MAX_QUESTIONS):
        state = state.answer(f"q{i}", None)
    assert should_stop(state, assess(answers={"night_cramps": True}))


def test_the_interview_stops_when_the_result_is_stable() -> None:
    result = assess(answers={"urge_to_move": True})
    state = InterviewState()
    for fid in ("age", "sex", "night_cramps", "both_legs"):
        state = state.answer(fid, True, result)
    assert signature(result) == state.signatures[-1]
    assert should_stop(state, result)


def test_the_interview_does_not_stop_before_the_minimum() -> None:
    result = assess(answers={})
    assert not should_stop(InterviewState().answer("age", 40, result), result)


def test_dont_know_does_not_count_towards_stability() -> None:
    result = assess(answers={})
    state = InterviewState()
    for fid in ("age", "sex", "night_cramps", "both_legs", "site_calf"):
        state = state.answer(fid, None, result)
    assert state.signatures == ()
    assert not should_stop(state, result)


def test_replies_are_parsed_by_answer_type() -> None:
    by_id = {f.id: f for f in MODEL.kb.findings}
    assert parse_reply(by_id["night_cramps"], "Y") == "yes"
    assert parse_reply(by_id["night_cramps"], "?") is None
    assert parse_reply(by_id["sex"], "1") == "female"
    assert parse_reply(by_id["sex"], "Male") == "male"
    assert parse_reply(by_id["age"], "67") == "67"


def _replies(*items: str) -> Iterator[str]:
    yield from items


def test_the_terminal_interview_screens_then_accepts_dont_know_back_and_quit() -> None:
    replies = _replies("maybe", "n", "?", "b", "?", "q")
    console = Console(record=True, width=120)
    result = run_interview(console, MODEL, lambda _prompt: next(replies), "cramps at night")
    text = console.export_text()
    assert "Before anything else" in text and "Please type y or n" in text
    assert result.triage.level == "self_care"
    assert {f.id: f.value for f in result.findings}["chest_pain"] is False


def test_a_positive_screen_asks_the_signs_until_the_emergency_is_found() -> None:
    state = InterviewState().answer_screen(MODEL, positive=True)
    first = next_step(MODEL, state, assess(answers=state.answers))
    assert first is not None and first[0] == "question"
    assert first[1].id in {f.id for f in screen_findings(MODEL)}
    state = state.answer(first[1].id, True)
    result = assess(answers=state.answers)
    assert result.triage.level == "emergency"
    assert next_step(MODEL, state, result) != ("question", first[1])


def test_back_undoes_the_screen() -> None:
    state = InterviewState().answer_screen(MODEL, positive=False)
    assert state.answers and all(v is False for v in state.answers.values())
    assert state.back() == InterviewState()


def test_a_red_flag_story_asks_about_the_danger_early() -> None:
    result = assess(text="my calf is swollen and tender since the flight")
    first = [q.finding.id for q in result.next_questions]
    assert {
        "breathless",
        "chest_pain",
        "calf_warm_red",
        "pop_in_calf",
        "calf_tender",
        "leg_injury",
        "sudden_onset",
        "red_hot_spreading_skin",
    } & set(first)


def test_a_dont_know_question_is_not_asked_again() -> None:
    first = assess(answers={}).next_questions[0].finding.id
    again = assess(answers={first: None}).next_questions
    assert first not in {q.finding.id for q in again}


def test_an_emergency_red_flag_in_the_story_ends_the_interview_at_once() -> None:
    story = "My left leg suddenly went cold, pale and numb an hour ago."
    result = assess(story, {}, model=MODEL)
    assert emergency_fired(result)
    assert next_step(MODEL, InterviewState(), result) is None


def test_without_an_emergency_red_flag_the_interview_goes_on() -> None:
    result = assess("my calf cramps at night", {}, model=MODEL)
    assert not emergency_fired(result)
    assert next_step(MODEL, InterviewState(), result) is not None
