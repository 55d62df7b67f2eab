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
from crampcheck.interview import MAX_QUESTIONS, SCREEN_TEXT, InterviewState, next_step
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


def _ask_screen(console: Console, signs: list[Finding], ask: Ask) -> str:
    console.print(f"[bold]{SCREEN_TEXT}[/]")
    for f in signs:
        console.print(f"  • {f.text}", highlight=False)
    while True:
        reply = ask("Any of these? [y = yes, at least one / n = none of these] ").strip().lower()
        if reply in ("y", "yes", "n", "no", BACK, QUIT):
            return reply
        console.print("[yellow]Please type y or n.[/]")


def run_interview(
    console: Console, model: CompiledModel, ask: Ask, text: str | None = None
) -> Assessment:
    """Ask until the result is stable; returns the final assessment."""
    state = InterviewState()
    result = assess(text, state.answers, model=model)
    console.print(HELP)
    while (step := next_step(model, state, result)) is not None:
        console.print(f"[bold]Question {state.asked + 1}[/] (at most {MAX_QUESTIONS})")
        if step[0] == "screen":
            reply = _ask_screen(console, step[1], ask)
        else:
            reply = _ask_one(console, model, step[1], ask)
        if reply == QUIT:
            break
        if reply == BACK:
            state = state.back()
        elif step[0] == "screen":
            state = state.answer_screen(model, reply in ("y", "yes"))
        else:
            state = state.answer(step[1].id, reply, result)
        result = assess(text, state.answers, model=model)
    return result
