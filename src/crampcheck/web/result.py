"""What the result page shows, in the order a person needs it."""

from __future__ import annotations

from typing import Any

from crampcheck.engine.model import CompiledModel
from crampcheck.report.build import build_report
from crampcheck.server.interviews import InterviewView

ICONS = {"emergency": "!", "urgent": "!", "routine": "i", "self_care": "✓"}
TOP = 5


def percent(p: float) -> str:
    """A probability in words a person reads at a glance."""
    if p < 0.01:
        return "under 1 %"
    return f"{round(p * 100)} %"


def result_context(model: CompiledModel, view: InterviewView) -> dict[str, Any]:
    """Triage first, then first aid, causes and why, questions, tests, prevention, avoid."""
    a = view.result
    report = build_report(model.kb, a, story=view.story)
    causes = [
        {
            "name": c.name,
            "percent": percent(c.probability),
            "icd10": ", ".join(c.icd10),
            "why": [r.text for r in c.why[:4]],
        }
        for c in a.causes[:TOP]
    ]
    return {
        "view": view,
        "level": a.triage.level,
        "icon": ICONS[a.triage.level],
        "reasons": a.triage.reasons,
        "fired": a.triage.fired,
        "first_aid": a.advice.first_aid,
        "causes": causes,
        "questions": report.questions,
        "tests": report.tests,
        "specialists": report.specialists,
        "prevention": a.advice.prevention,
        "avoid": a.advice.avoid,
        "warnings": a.warnings,
    }
