"""The library's front door: ``crampcheck.assess(text=None, answers=None)``."""

from __future__ import annotations

from collections.abc import Mapping

from crampcheck.engine.assessment import Assessment, FoundFinding, assess_answers
from crampcheck.engine.evidence import Answer
from crampcheck.engine.model import CompiledModel, default_model
from crampcheck.understand.reader import read_text


def assess(
    text: str | None = None,
    answers: Mapping[str, Answer] | None = None,
    *,
    model: CompiledModel | None = None,
) -> Assessment:
    """Rank causes, decide triage and choose advice from a story and/or answers.

    Answers override what the text says about the same finding.
    """
    model = model or default_model()
    from_text = read_text(model, text) if text is not None else []
    merged: dict[str, Answer] = {f.id: f.value for f in from_text}
    merged.update(answers or {})
    found = tuple(
        FoundFinding(f.id, f.value, "text", f.span)
        for f in from_text
        if f.id not in (answers or {})
    )
    return assess_answers(model, merged, found)
