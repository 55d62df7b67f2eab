"""Run crampcheck on vignettes in one of three forms and collect per-case results."""

from __future__ import annotations

from collections.abc import Sequence

from crampcheck.core import assess
from crampcheck.engine.assessment import Assessment
from crampcheck.engine.model import CompiledModel
from crampcheck.evaluation.metrics import CaseResult
from crampcheck.evaluation.simulator import simulate
from crampcheck.evaluation.vignettes import Form, Vignette
from crampcheck.understand.reader import read_text


def _case(v: Vignette, a: Assessment, questions: int = 0) -> CaseResult:
    return CaseResult(
        id=v.id,
        gold_label=v.gold_label,
        gold_icd10=tuple(v.gold_icd10),
        gold_triage=v.triage,
        red_flag=v.red_flag,
        gold_rules=tuple(v.red_flag_rules),
        triage=a.triage.level,
        ranked_codes=tuple(c.icd10 for c in a.causes),
        ranked_ids=tuple(c.id for c in a.causes),
        fired_rules=tuple(r.id for r in a.triage.fired),
        questions=questions,
    )


def run_case(model: CompiledModel, v: Vignette, form: Form) -> CaseResult:
    if form == "answers":
        return _case(v, assess(answers=v.answers, model=model))
    if form == "text":
        return _case(v, assess(text=v.text, model=model))
    start = {f.id: f.value for f in read_text(model, v.text)}
    sim = simulate(model, v.answers, start)
    return _case(v, sim.assessment, sim.questions)


def run(model: CompiledModel, vignettes: Sequence[Vignette], form: Form) -> list[CaseResult]:
    return [run_case(model, v, form) for v in vignettes]
