"""The next question: informative, never negative, dangers first, only what makes sense."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck.engine.inference import posterior
from crampcheck.engine.model import default_model
from crampcheck.engine.questions import (
    askable,
    choice_gains,
    gain,
    next_questions,
    yes_no_gains,
)

MODEL = default_model()
YES_NO = sorted(MODEL.p_yes)
ASKABLE = askable(MODEL, {}, set())


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(YES_NO), st.booleans(), max_size=10),
    st.sampled_from(ASKABLE),
)
def test_information_gain_is_never_negative(known: dict[str, bool], question) -> None:  # type: ignore[no-untyped-def]
    assert gain(MODEL, posterior(MODEL, known), question) >= 0.0


def test_known_findings_are_not_asked_again() -> None:
    known = {"night_cramps": True}
    ids = {f.id for f in askable(MODEL, known, {"age"})}
    assert "night_cramps" not in ids and "age" not in ids


def test_pregnancy_is_not_asked_of_a_man() -> None:
    assert "pregnant" not in {f.id for f in askable(MODEL, {"male": True}, set())}


def test_pregnancy_weeks_are_asked_only_in_pregnancy() -> None:
    assert "pregnancy_weeks" not in {f.id for f in askable(MODEL, {}, set())}
    assert "pregnancy_weeks" in {f.id for f in askable(MODEL, {"pregnant": True}, set())}


def test_a_swollen_calf_brings_clot_questions_forward() -> None:
    known = {"calf_swollen_one_side": True}
    asked = [q.finding.id for q in next_questions(MODEL, posterior(MODEL, known), known, set(), 5)]
    clot_questions = {
        "calf_tender",
        "calf_warm_red",
        "breathless",
        "chest_pain",
        "long_journey",
        "recent_surgery",
        "immobilised",
        "previous_clot",
        "red_hot_spreading_skin",
        "pop_in_calf",
        "popliteal_lump",
        "muscle_hardens",
        "attacks_short",
    }
    assert set(asked) & clot_questions


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(YES_NO), st.booleans(), max_size=10))
def test_the_vectorised_gains_equal_the_plain_ones(known: dict[str, bool]) -> None:
    post = posterior(MODEL, known)
    fast = yes_no_gains(MODEL, post)
    for f in MODEL.kb.findings:
        if f.type == "yes_no":
            assert abs(fast[f.id] - gain(MODEL, post, f)) < 1e-9


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(YES_NO), st.booleans(), max_size=10))
def test_the_vectorised_choice_gains_equal_the_plain_ones(known: dict[str, bool]) -> None:
    post = posterior(MODEL, known)
    grouped = [f for f in MODEL.kb.findings if f.type != "yes_no" and f.id in MODEL.groups]
    assert grouped
    fast = choice_gains(MODEL, post, [f.id for f in grouped])
    for f in grouped:
        assert abs(fast[f.id] - gain(MODEL, post, f)) < 1e-9
