"""The library's front door: ``crampcheck.assess(text=None, answers=None)``."""

from __future__ import annotations

from collections.abc import Mapping

from crampcheck.engine.assessment import Assessment, FoundFinding, assess_answers
from crampcheck.engine.evidence import Answer
from crampcheck.engine.model import CompiledModel, default_model
from crampcheck.errors import UserInputError
from crampcheck.understand.reader import MAX_TEXT, read_text


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
    if text is not None and len(text) > MAX_TEXT:
        raise UserInputError(
            f"the story is {len(text)} characters long; at most {MAX_TEXT} are read. "
            "Shorten it to the leg problem itself."
        )
    from_text = read_text(model, text) if text else []
    merged: dict[str, Answer] = {f.id: f.value for f in from_text}
    merged.update(answers or {})
    found = tuple(
        FoundFinding(f.id, f.value, "text", f.span)
        for f in from_text
        if f.id not in (answers or {})
    )
    return assess_answers(model, merged, found)
