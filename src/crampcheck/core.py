"""The library's front door: ``crampcheck.assess(text=None, answers=None)``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from crampcheck.engine.assessment import Assessment, FoundFinding, assess_answers
from crampcheck.engine.evidence import Answer
from crampcheck.engine.model import CompiledModel, default_model
from crampcheck.understand.reader import read_text


class Evidenced(Protocol):
    """A finding with the plain-words evidence for it (e.g. from the cramp diary)."""

    @property
    def id(self) -> str: ...
    @property
    def value(self) -> bool | float | str: ...
    @property
    def evidence(self) -> str: ...


def assess(
    text: str | None = None,
    answers: Mapping[str, Answer] | None = None,
    *,
    diary: Sequence[Evidenced] = (),
    model: CompiledModel | None = None,
) -> Assessment:
    """Rank causes, decide triage and choose advice from a story and/or answers.

    The person's answers override the diary, and the diary overrides what the
    text says about the same finding. Every finding in the result names its
    source ("text", "diary" or "answers") and the words or evidence behind it.
    """
    model = model or default_model()
    from_text = read_text(model, text) if text is not None else []
    given = dict(answers or {})
    merged: dict[str, Answer] = {f.id: f.value for f in from_text}
    merged.update({f.id: f.value for f in diary})
    merged.update(given)
    found = {f.id: FoundFinding(f.id, f.value, "text", f.span) for f in from_text}
    found.update({f.id: FoundFinding(f.id, f.value, "diary", f.evidence) for f in diary})
    kept = tuple(f for fid, f in found.items() if fid not in given)
    return assess_answers(model, merged, kept)
