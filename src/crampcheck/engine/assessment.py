"""One assessment: ranked causes, triage, red flags, reasons, next questions, advice.

``Assessment.to_dict()`` gives the public JSON of ARCHITECTURE.md; fields may be
added, never renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crampcheck.engine.advice import AdviceResult, choose_advice
from crampcheck.engine.evidence import Answer, read_answers
from crampcheck.engine.explain import Reason, reasons
from crampcheck.engine.inference import posterior
from crampcheck.engine.model import CompiledModel
from crampcheck.engine.questions import Question, next_questions
from crampcheck.engine.triage import TriageResult, decide
from crampcheck.knowledge.models import TRIAGE_WORDS

MIN_CAUSES = 5
MAX_CAUSES = 10
DISCLAIMER = (
    "crampcheck gives decision support, not a diagnosis. It can be wrong. If you are "
    "worried, or if things get worse, see a doctor; in an emergency call an ambulance "
    "(112 / 999 / 911)."
)


@dataclass(frozen=True)
class Cause:
    id: str
    name: str
    icd10: tuple[str, ...]
    probability: float
    triage: str
    why: tuple[Reason, ...]


@dataclass(frozen=True)
class FoundFinding:
    id: str
    value: Answer
    source: str
    span: str | None = None


@dataclass(frozen=True)
class Assessment:
    kb_version: str
    triage: TriageResult
    causes: tuple[Cause, ...]
    findings: tuple[FoundFinding, ...]
    next_questions: tuple[Question, ...]
    advice: AdviceResult
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kb_version": self.kb_version,
            "triage": {
                "level": self.triage.level,
                "label": TRIAGE_WORDS[self.triage.level],
                "reasons": list(self.triage.reasons),
            },
            "red_flags": [
                {"id": r.id, "label": r.label, "triage": r.triage, "action": r.action}
                for r in self.triage.fired
            ],
            "causes": [_cause_dict(c) for c in self.causes],
            "findings": [
                {"id": f.id, "value": f.value, "source": f.source, "span": f.span}
                for f in self.findings
            ],
            "next_questions": [
                {"id": q.finding.id, "text": q.finding.text, "type": q.finding.type}
                for q in self.next_questions
            ],
            "advice": _advice_dict(self.advice),
            "warnings": list(self.warnings),
            "disclaimer": DISCLAIMER,
        }


def _cause_dict(c: Cause) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": c.name,
        "icd10": list(c.icd10),
        "probability": round(c.probability, 4),
        "triage": c.triage,
        "why": [
            {"finding": r.finding, "value": r.value, "factor": r.factor, "text": r.text}
            for r in c.why
        ],
    }


def _advice_dict(a: AdviceResult) -> dict[str, Any]:
    return {
        "first_aid": [
            {
                "id": f.id,
                "title": f.title,
                "steps": [s.text for s in f.steps],
                "get_help_if": f.get_help_if,
            }
            for f in a.first_aid
        ],
        "tests": a.tests,
        "specialists": a.specialists,
        "prevention": a.prevention,
        "avoid": a.avoid,
    }


def _causes(
    model: CompiledModel, post: list[float], known: Mapping[str, bool]
) -> tuple[Cause, ...]:
    order = sorted(range(model.size), key=lambda i: -post[i])
    keep = [i for i in order[:MAX_CAUSES] if post[i] >= 0.01] or order[:MIN_CAUSES]
    keep = (keep + [i for i in order if i not in keep])[: max(MIN_CAUSES, len(keep))]
    out = []
    for i in keep:
        c = model.conditions[i]
        out.append(
            Cause(c.id, c.name, tuple(c.icd10), post[i], c.triage, tuple(reasons(model, i, known)))
        )
    return tuple(out)


def assess_answers(
    model: CompiledModel,
    answers: Mapping[str, Answer],
    found: tuple[FoundFinding, ...] = (),
    warnings: tuple[str, ...] = (),
) -> Assessment:
    """Assess from structured answers (plus findings already read from text)."""
    evidence = read_answers(model, answers)
    known = evidence.known
    post = posterior(model, known)
    triage = decide(model, known, lambda k: posterior(model, k))
    answered_findings = tuple(
        FoundFinding(fid, value, "answers") for fid, value in evidence.answers.items()
    )
    return Assessment(
        kb_version=model.kb.version,
        triage=triage,
        causes=_causes(model, post, known),
        findings=found + tuple(f for f in answered_findings if f.id not in {x.id for x in found}),
        next_questions=tuple(next_questions(model, post, known, set(answers))),
        advice=choose_advice(model, known, post),
        warnings=warnings,
    )
