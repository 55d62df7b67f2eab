"""The next most useful question: expected information gain, dangers first.

For every question that can still be asked, the score is the expected drop in
entropy of the posterior over causes, plus ``DANGER_WEIGHT`` times the expected
drop in entropy of "is the cause a red-flag condition or not". Number and choice
questions are scored over the answers' derived groups (e.g. age bands).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crampcheck.engine.model import CompiledModel
from crampcheck.knowledge.models import Finding

DANGER_WEIGHT = 3.0


@dataclass(frozen=True)
class Question:
    finding: Finding
    score: float


def entropy(dist: Sequence[float]) -> float:
    return -sum(p * math.log(p) for p in dist if p > 0)


def _danger(model: CompiledModel, post: Sequence[float]) -> list[float]:
    d = sum(p for p, c in zip(post, model.conditions, strict=True) if c.red_flag)
    return [d, 1.0 - d]


def _outcomes(model: CompiledModel, f: Finding) -> list[tuple[float, ...]]:
    """P(outcome | condition) for each possible answer to ``f``."""
    if f.type == "yes_no":
        yes = model.p_yes[f.id]
        return [yes, tuple(1.0 - p for p in yes)]
    members = model.groups[f.id].members
    columns = [model.p_yes[m] for m in members]
    totals = [sum(col[i] for col in columns) for i in range(model.size)]
    return [tuple(col[i] / totals[i] for i in range(model.size)) for col in columns]


def gain(model: CompiledModel, post: Sequence[float], f: Finding) -> float:
    """Expected information (nats) the answer to ``f`` gives, danger-weighted. Never negative."""
    before = entropy(post) + DANGER_WEIGHT * entropy(_danger(model, post))
    expected = 0.0
    for likelihood in _outcomes(model, f):
        joint = [p * q for p, q in zip(post, likelihood, strict=True)]
        mass = sum(joint)
        if mass <= 0:
            continue
        after = [j / mass for j in joint]
        expected += mass * (entropy(after) + DANGER_WEIGHT * entropy(_danger(model, after)))
    return max(0.0, before - expected)


def _entropy_rows(rows: NDArray[np.float64]) -> NDArray[np.float64]:
    """Entropy of each row of a matrix of distributions."""
    logs = np.log(np.where(rows > 0, rows, 1.0))
    result: NDArray[np.float64] = -(rows * logs).sum(axis=1)
    return result


def _binary_entropy(p: NDArray[np.float64]) -> NDArray[np.float64]:
    return _entropy_rows(np.stack([p, 1.0 - p], axis=1))


def yes_no_gains(model: CompiledModel, post: Sequence[float]) -> dict[str, float]:
    """:func:`gain` for every yes/no finding at once (vectorised; same numbers)."""
    prior = np.asarray(post, dtype=np.float64)
    danger = np.array([c.red_flag for c in model.conditions], dtype=np.float64)
    before = entropy(post) + DANGER_WEIGHT * entropy(_danger(model, post))
    expected = np.zeros(len(model.yes_no_ids))
    for table in (model.p_matrix, 1.0 - model.p_matrix):
        joint = table * prior
        mass = joint.sum(axis=1)
        after = joint / np.where(mass > 0, mass, 1.0)[:, None]
        score = _entropy_rows(after) + DANGER_WEIGHT * _binary_entropy(after @ danger)
        expected += mass * score
    gains = np.maximum(0.0, before - expected)
    return dict(zip(model.yes_no_ids, gains.tolist(), strict=True))


@dataclass(frozen=True)
class _Static:
    """What never changes for a model: the questions that can be asked at all, and the
    outcome tables of the choice and number questions (one row per answer group)."""

    candidates: tuple[Finding, ...]
    tables: dict[str, NDArray[np.float64]]
    danger: NDArray[np.float64]


_STATIC: dict[int, tuple[CompiledModel, _Static]] = {}


def _static(model: CompiledModel) -> _Static:
    cached = _STATIC.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    candidates = tuple(
        f for f in model.kb.findings if f.ask and (f.type == "yes_no" or f.id in model.groups)
    )
    tables = {
        f.id: np.asarray(_outcomes(model, f), dtype=np.float64)
        for f in candidates
        if f.type != "yes_no"
    }
    danger = np.array([c.red_flag for c in model.conditions], dtype=np.float64)
    static = _Static(candidates, tables, danger)
    _STATIC[id(model)] = (model, static)
    return static


def choice_gains(
    model: CompiledModel, post: Sequence[float], ids: Sequence[str]
) -> dict[str, float]:
    """:func:`gain` for number and choice questions, one matrix product each."""
    static = _static(model)
    prior = np.asarray(post, dtype=np.float64)
    before = entropy(post) + DANGER_WEIGHT * entropy(_danger(model, post))
    out = {}
    for fid in ids:
        joint = static.tables[fid] * prior
        mass = joint.sum(axis=1)
        keep = mass > 0
        after = joint[keep] / mass[keep][:, None]
        score = _entropy_rows(after) + DANGER_WEIGHT * _binary_entropy(after @ static.danger)
        out[fid] = max(0.0, before - float((mass[keep] * score).sum()))
    return out


def askable(model: CompiledModel, known: Mapping[str, bool], answered: set[str]) -> list[Finding]:
    """Questions that may still be asked, given what is known."""
    out = []
    for f in _static(model).candidates:
        if f.id in known or f.id in answered:
            continue
        if f.ask_if and not any(known.get(x) for x in f.ask_if):
            continue
        if any(known.get(x) for x in f.skip_if):
            continue
        out.append(f)
    return out


def next_questions(
    model: CompiledModel,
    post: Sequence[float],
    known: Mapping[str, bool],
    answered: set[str],
    limit: int = 3,
) -> list[Question]:
    """The ``limit`` best questions to ask next, best first."""
    candidates = askable(model, known, answered)
    fast = yes_no_gains(model, post)
    fast.update(choice_gains(model, post, [f.id for f in candidates if f.type != "yes_no"]))
    scored = [Question(f, fast[f.id]) for f in candidates]
    scored.sort(key=lambda q: (-q.score, q.finding.id))
    return scored[:limit]
