"""An interview simulator: answers the engine's questions from a vignette's facts.

The simulated person knows exactly the vignette's structured ``answers``; any
other question gets "don't know". The interview stops by the same rule as the
terminal interview (:func:`crampcheck.interview.should_stop`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crampcheck.engine.assessment import Assessment, assess_answers
from crampcheck.engine.model import CompiledModel
from crampcheck.interview import InterviewState, should_stop


@dataclass(frozen=True)
class Simulation:
    assessment: Assessment
    questions: int


def simulate(
    model: CompiledModel, facts: Mapping[str, Any], start: Mapping[str, Any] | None = None
) -> Simulation:
    """Run an interview against ``facts``, starting from ``start`` (e.g. read from text)."""
    state = InterviewState(answers=dict(start or {}))
    result = assess_answers(model, state.answers)
    while not should_stop(state, result):
        question = result.next_questions[0].finding.id
        state = state.answer(question, facts.get(question), result)
        result = assess_answers(model, state.answers)
    return Simulation(result, state.asked)
