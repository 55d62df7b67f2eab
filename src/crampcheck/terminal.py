"""The terminal interview: one question at a time, "don't know" and "go back" allowed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console

from crampcheck.core import assess
from crampcheck.engine.assessment import Assessment
from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import CompiledModel
from crampcheck.errors import UserInputError
from crampcheck.interview import MAX_QUESTIONS, InterviewState, should_stop
from crampcheck.knowledge.models import Finding

BACK, DONT_KNOW, QUIT = "b", "?", "q"
HELP = "[dim](y = yes, n = no, ? = don't know, b = go back, q = stop and show the result)[/]"

Ask = Callable[[str], str]


def _hint(f: Finding) -> str:
    if f.type == "yes_no":
        return "y / n"
    if f.type == "choice":
        return " / ".join(f"{i + 1} = {c.label}" for i, c in enumerate(f.choices))
    return f"a number in {f.unit}"


def parse_reply(f: Finding, reply: str) -> Any:
    """The answer value for ``reply``, or raise UserInputError with what to type instead."""
    text = reply.strip().lower()
    if text in ("?", "dk", "don't know", "dont know", "unknown"):
        return None
    if f.type == "choice" and text.isdigit() and 1 <= int(text) <= len(f.choices):
        return f.choices[int(text) - 1].id
    if f.type == "choice":
        return next((c.id for c in f.choices if c.label.lower() == text or c.id == text), text)
    if f.type == "number":
        return text
    return {"y": "yes", "n": "no"}.get(text, text)


def _ask_one(console: Console, model: CompiledModel, f: Finding, ask: Ask) -> Any:
    while True:
        reply = ask(f"{f.text} [{_hint(f)}] ").strip().lower()
        if reply in (BACK, QUIT):
            return reply
        value = parse_reply(f, reply)
        try:
            read_answers(model, {f.id: value})
        except UserInputError as exc:
            console.print(f"[yellow]{exc}[/]", highlight=False)
            continue
        return value


def run_interview(
    console: Console, model: CompiledModel, ask: Ask, text: str | None = None
) -> Assessment:
    """Ask until the result is stable; returns the final assessment."""
    state = InterviewState()
    result = assess(text, state.answers, model=model)
    console.print(HELP)
    while not should_stop(state, result):
        f = result.next_questions[0].finding
        console.print(f"[bold]Question {state.asked + 1}[/] (at most {MAX_QUESTIONS})")
        reply = _ask_one(console, model, f, ask)
        if reply == QUIT:
            break
        state = state.back() if reply == BACK else state.answer(f.id, reply, result)
        result = assess(text, state.answers, model=model)
    return result
