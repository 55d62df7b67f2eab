"""Interview state and the stopping rule, shared by the terminal, the web and the simulator.

The state is plain data (answers in the order given), so it can be stored
anywhere and replayed. The interview stops when nothing is left worth asking,
when a question limit is reached, or when the top causes and the triage have
stayed the same for ``STABLE_AFTER`` informative answers in a row ("don't know"
changes nothing, so it does not count towards stability).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crampcheck.engine.assessment import Assessment

MAX_QUESTIONS = 30
MIN_QUESTIONS = 3
STABLE_AFTER = 4
MIN_GAIN = 0.005
"""Expected information (nats) below which a question is not worth a person's time."""

Signature = tuple[tuple[str, ...], str]


def signature(result: Assessment) -> Signature:
    """What must stay the same for the interview to stop: top three causes and triage."""
    return tuple(c.id for c in result.causes[:3]), result.triage.level


@dataclass(frozen=True)
class InterviewState:
    answers: dict[str, Any] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] = ()

    @property
    def asked(self) -> int:
        return len(self.order)

    def answer(
        self, finding_id: str, value: Any, result: Assessment | None = None
    ) -> InterviewState:
        """A new state with one more answer (``None`` means "don't know")."""
        informative = result is not None and value is not None
        sigs = self.signatures + ((signature(result),) if informative else ())
        return InterviewState({**self.answers, finding_id: value}, (*self.order, finding_id), sigs)

    def back(self) -> InterviewState:
        """A new state without the last answer ("go back")."""
        if not self.order:
            return self
        last = self.order[-1]
        answers = {k: v for k, v in self.answers.items() if k != last}
        return InterviewState(answers, self.order[:-1], self.signatures[:-1])


def should_stop(state: InterviewState, result: Assessment) -> bool:
    """True when asking more would not change what crampcheck tells the person."""
    if not result.next_questions or state.asked >= MAX_QUESTIONS:
        return True
    if result.next_questions[0].score < MIN_GAIN:
        return True
    if len(state.signatures) < MIN_QUESTIONS:
        return False
    recent = [*state.signatures[-(STABLE_AFTER - 1) :], signature(result)]
    return len(recent) >= STABLE_AFTER and len(set(recent)) == 1
