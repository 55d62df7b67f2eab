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
    scored = [Question(f, gain(model, post, f)) for f in askable(model, known, answered)]
    scored.sort(key=lambda q: (-q.score, q.finding.id))
    return scored[:limit]
