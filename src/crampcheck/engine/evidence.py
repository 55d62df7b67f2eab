"""Answers as people give them -> the yes/no evidence the engine reasons with.

Answers map finding ids to values: ``true``/``false`` (or "yes"/"no") for
yes/no findings, a number for number findings, a choice id for choice findings,
and ``null`` or ``"unknown"`` for "don't know" (which is simply left out:
unknown is not absent). Number and choice answers set their derived findings.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass

from crampcheck.engine.model import CompiledModel
from crampcheck.errors import UserInputError
from crampcheck.knowledge.models import Finding

Answer = bool | int | float | str | None
UNKNOWN = {"unknown", "dont_know", "don't know", "?", ""}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
MAX_ANSWERS = 500


@dataclass(frozen=True)
class Evidence:
    """Known yes/no findings, and the raw answers they came from."""

    known: dict[str, bool]
    answers: dict[str, Answer]


def _unknown_id(model: CompiledModel, fid: str) -> UserInputError:
    close = difflib.get_close_matches(fid, list(model.findings), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    return UserInputError(
        f"unknown finding id {fid!r}.{hint} "
        "Run `crampcheck kb export --format json` to list every finding id."
    )


def _as_bool(f: Finding, value: Answer) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in YES | NO:
        return value.strip().lower() in YES
    raise UserInputError(f"answer for {f.id!r} must be true or false (yes/no); got {value!r}")


def _as_number(f: Finding, value: Answer) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise UserInputError(f"answer for {f.id!r} must be a number ({f.unit}); got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise UserInputError(
            f"answer for {f.id!r} must be a number ({f.unit}); got {value!r}"
        ) from None
    low, high = f.min or 0.0, f.max if f.max is not None else math.inf
    if not (low <= number <= high) or math.isnan(number):
        raise UserInputError(
            f"answer for {f.id!r} must be between {low:g} and {high:g} {f.unit}; got {value!r}"
        )
    return number


def _derive(model: CompiledModel, f: Finding, value: Answer) -> dict[str, bool]:
    out = {}
    group = model.groups.get(f.id)
    for member in group.members if group is not None else ():
        rule = model.findings[member].derived_from
        assert rule is not None
        if f.type == "number":
            number = _as_number(f, value)
            out[member] = (rule.min is None or number >= rule.min) and (
                rule.max is None or number < rule.max
            )
        else:
            out[member] = value == rule.equals
    return out


def _check_choice(f: Finding, value: Answer) -> None:
    ids = [c.id for c in f.choices]
    if value not in ids:
        raise UserInputError(f"answer for {f.id!r} must be one of {', '.join(ids)}; got {value!r}")


def read_answers(model: CompiledModel, answers: Mapping[str, Answer]) -> Evidence:
    """Validate ``answers`` and turn them into yes/no evidence."""
    if len(answers) > MAX_ANSWERS:
        raise UserInputError(f"too many answers ({len(answers)}); at most {MAX_ANSWERS} are read")
    known: dict[str, bool] = {}
    kept: dict[str, Answer] = {}
    for fid, value in answers.items():
        f = model.findings.get(fid)
        if f is None:
            raise _unknown_id(model, fid)
        if value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN):
            continue
        kept[fid] = value
        if f.type == "yes_no":
            known[fid] = _as_bool(f, value)
            continue
        if f.type == "choice":
            _check_choice(f, value)
        known.update(_derive(model, f, value))
    return Evidence(known=known, answers=kept)
