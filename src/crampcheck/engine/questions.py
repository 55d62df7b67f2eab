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


def askable(model: CompiledModel, known: Mapping[str, bool], answered: set[str]) -> list[Finding]:
    """Questions that may still be asked, given what is known."""
    out = []
    for f in model.kb.findings:
        if not f.ask or f.id in known or f.id in answered:
            continue
        if f.type != "yes_no" and f.id not in model.groups:
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
    fast = yes_no_gains(model, post)
    scored = [
        Question(f, fast[f.id] if f.type == "yes_no" else gain(model, post, f))
        for f in askable(model, known, answered)
    ]
    scored.sort(key=lambda q: (-q.score, q.finding.id))
    return scored[:limit]
