"""An interview simulator: answers the engine's questions from a vignette's facts.

The simulated person knows exactly the vignette's structured ``answers``; any
other question gets "don't know". On the red-flag checklist they say "yes" when
one of the listed signs is among their facts and "none of these" otherwise. The
interview follows the same steps and stopping rule as the terminal interview.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from crampcheck.engine.assessment import Assessment, assess_answers
from crampcheck.engine.model import CompiledModel
from crampcheck.interview import InterviewState, next_step


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
    while (step := next_step(model, state, result)) is not None:
        if step[0] == "screen":
            state = state.answer_screen(model, any(facts.get(f.id) is True for f in step[1]))
        else:
            state = state.answer(step[1].id, facts.get(step[1].id), result)
        result = assess_answers(model, state.answers)
    return Simulation(result, state.asked)
