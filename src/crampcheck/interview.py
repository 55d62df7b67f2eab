"""Interview state, the red-flag screen and the stopping rule.

Shared by the terminal, the web and the simulator. The state is plain data
(answers in the order given), so it can be stored anywhere and replayed.

Every interview starts with one **red-flag screen**: a checklist of the warning
signs (every red-flag finding that is not asked only in a context), emergency
signs first. "None of these" records each of them as absent; "yes" leads to
asking them one by one until triage reaches emergency or the list ends. After
that the engine asks the most useful question each time. The interview stops
at once when an emergency red flag has fired (from the story or any answer), when nothing
is left worth asking, when a question limit is reached, or when
the top causes and the triage have stayed the same for ``STABLE_AFTER``
informative answers in a row ("don't know" changes nothing, so it does not
count towards stability).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from crampcheck.engine.assessment import Assessment
from crampcheck.engine.model import CompiledModel
from crampcheck.knowledge.models import TRIAGE_ORDER, Finding

MAX_QUESTIONS = 30
MIN_QUESTIONS = 3
STABLE_AFTER = 3
MIN_GAIN = 0.02
"""Expected information (nats) below which a question is not worth a person's time."""
SCREEN = "red_flag_screen"
SCREEN_TEXT = "Before anything else: is any of these happening now?"

Signature = tuple[tuple[str, ...], str]
ScreenState = Literal["unasked", "none", "positive"]


def signature(result: Assessment) -> Signature:
    """What must stay the same for the interview to stop: top three causes and triage."""
    return tuple(sorted(c.id for c in result.causes[:3])), result.triage.level


def _rule_rank(model: CompiledModel, fid: str) -> int:
    levels = [TRIAGE_ORDER.index(r.triage) for r in model.kb.red_flags if fid in r.when[-1]]
    return min(levels, default=len(TRIAGE_ORDER))


def screen_findings(model: CompiledModel) -> list[Finding]:
    """The warning signs on the red-flag checklist, emergency signs first."""
    signs = [f for f in model.kb.findings if f.red_flag and not f.ask_if]
    return sorted(signs, key=lambda f: _rule_rank(model, f.id))


@dataclass(frozen=True)
class InterviewState:
    answers: dict[str, Any] = field(default_factory=dict)
    order: tuple[str, ...] = ()
    signatures: tuple[Signature, ...] = ()
    screen: ScreenState = "unasked"
    screened: tuple[str, ...] = ()

    @property
    def asked(self) -> int:
        return len(self.order)

    def answer(
        self, finding_id: str, value: Any, result: Assessment | None = None
    ) -> InterviewState:
        """A new state with one more answer (``None`` means "don't know")."""
        sigs = self.signatures
        if result is not None and value is not None:
            sigs = (*sigs, signature(result))
        return InterviewState(
            {**self.answers, finding_id: value},
            (*self.order, finding_id),
            sigs,
            self.screen,
            self.screened,
        )

    def answer_screen(self, model: CompiledModel, positive: bool) -> InterviewState:
        """Record the checklist: "none of these" marks every sign shown as absent."""
        ids = tuple(f.id for f in screen_findings(model) if f.id not in self.answers)
        order = (*self.order, SCREEN)
        if positive:
            return InterviewState(self.answers, order, self.signatures, "positive", ids)
        answers = {**self.answers, **dict.fromkeys(ids, False)}
        return InterviewState(answers, order, self.signatures, "none", ids)

    def back(self) -> InterviewState:
        """A new state without the last answer ("go back")."""
        if not self.order:
            return self
        last = self.order[-1]
        if last == SCREEN:
            kept = (
                self.answers
                if self.screen == "positive"
                else {k: v for k, v in self.answers.items() if k not in self.screened}
            )
            return InterviewState(kept, self.order[:-1], self.signatures)
        answers = {k: v for k, v in self.answers.items() if k != last}
        sigs = self.signatures[:-1] if self.answers.get(last) is not None else self.signatures
        return InterviewState(answers, self.order[:-1], sigs, self.screen, self.screened)


Step = tuple[Literal["screen"], list[Finding]] | tuple[Literal["question"], Finding]


def next_step(model: CompiledModel, state: InterviewState, result: Assessment) -> Step | None:
    """What to ask next: the checklist, one of its signs, or the engine's best question.

    Nothing more is asked once an emergency red-flag rule has fired: the person
    must call for help now, and no further answer can lower that level (triage is
    monotone in red flags). An emergency that rests only on probabilities can still
    change with answers, so the interview goes on then.
    """
    if emergency_fired(result):
        return None
    if state.screen == "unasked":
        unknown_signs = [f for f in screen_findings(model) if f.id not in state.answers]
        if unknown_signs:
            return "screen", unknown_signs
    if state.screen == "positive":
        pending = [s for s in state.screened if s not in state.answers]
        if pending:
            return "question", model.findings[pending[0]]
    if should_stop(state, result):
        return None
    return "question", result.next_questions[0].finding


def emergency_fired(result: Assessment) -> bool:
    """True when a red-flag rule of emergency level has fired."""
    return any(rule.triage == "emergency" for rule in result.triage.fired)


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
