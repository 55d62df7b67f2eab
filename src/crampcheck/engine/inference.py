"""Posterior over causes from the known findings (pure, no I/O)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from crampcheck.engine.model import CompiledModel


def log_likelihood(model: CompiledModel, fid: str, value: bool) -> list[float]:
    """log P(finding = value | condition) for every condition."""
    return [math.log(p if value else 1.0 - p) for p in model.p_yes[fid]]


def _skip(model: CompiledModel, fid: str, value: bool) -> bool:
    """A false member of an exclusive group adds nothing once the true member is used."""
    return not value and fid in model.group_of


def log_posterior(model: CompiledModel, known: Mapping[str, bool]) -> list[float]:
    """Unnormalised log posterior for every condition."""
    scores = list(model.log_prior)
    for fid, value in known.items():
        if _skip(model, fid, value):
            continue
        for i, ll in enumerate(log_likelihood(model, fid, value)):
            scores[i] += ll
    return scores


def normalise(log_scores: Sequence[float]) -> list[float]:
    top = max(log_scores)
    weights = [math.exp(s - top) for s in log_scores]
    total = sum(weights)
    return [w / total for w in weights]


def posterior(model: CompiledModel, known: Mapping[str, bool]) -> list[float]:
    """P(condition | known findings), summing to one, in the model's condition order."""
    return normalise(log_posterior(model, known))


def factor(model: CompiledModel, index: int, fid: str, value: bool) -> float:
    """How much ``fid = value`` multiplies the odds of one condition against the background."""
    p = model.p_yes[fid][index]
    bg = model.background[fid]
    return p / bg if value else (1.0 - p) / (1.0 - bg)
