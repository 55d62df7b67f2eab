"""The knowledge base compiled into the numbers the engine reasons with.

Naive Bayes over causes with a leak term: for every condition ``c`` and yes/no
finding ``f``, ``P(f | c)`` is the condition's own likelihood when it gives one
and the finding's background rate otherwise, mixed with the background by the
leak ``LEAK`` so that no single answer can rule a cause out completely (the
data are estimates, and people misremember).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from crampcheck.knowledge.loader import load_kb
from crampcheck.knowledge.models import Condition, Finding, KnowledgeBase

LEAK = 0.05
"""Share of every likelihood taken from the background rate."""


@dataclass(frozen=True)
class Group:
    """Yes/no findings derived from one number or choice finding; exactly one is true."""

    source: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class CompiledModel:
    kb: KnowledgeBase
    conditions: tuple[Condition, ...]
    log_prior: tuple[float, ...]
    p_yes: dict[str, tuple[float, ...]]
    background: dict[str, float]
    findings: dict[str, Finding]
    groups: dict[str, Group] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    yes_no_ids: tuple[str, ...] = ()
    p_matrix: NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 0)))
    """P(yes | condition) as a matrix: one row per id in ``yes_no_ids``."""

    @property
    def size(self) -> int:
        return len(self.conditions)

    def index(self, condition_id: str) -> int:
        return next(i for i, c in enumerate(self.conditions) if c.id == condition_id)


def _mix(p: float, background: float) -> float:
    return (1 - LEAK) * p + LEAK * background


def _groups(kb: KnowledgeBase) -> dict[str, Group]:
    members: dict[str, list[str]] = {}
    for f in kb.findings:
        if f.derived_from is not None:
            members.setdefault(f.derived_from.finding, []).append(f.id)
    return {src: Group(src, tuple(ids)) for src, ids in members.items()}


def compile_model(kb: KnowledgeBase) -> CompiledModel:
    """Turn the knowledge base into per-finding likelihood vectors."""
    yes_no = [f for f in kb.findings if f.type == "yes_no"]
    background = {f.id: f.background.p for f in yes_no}
    conds = tuple(kb.conditions)
    p_yes = {
        f.id: tuple(
            _mix(
                c.likelihoods[f.id].p if f.id in c.likelihoods else background[f.id],
                background[f.id],
            )
            for c in conds
        )
        for f in yes_no
    }
    total = sum(c.prior.p for c in conds)
    groups = _groups(kb)
    return CompiledModel(
        kb=kb,
        conditions=conds,
        log_prior=tuple(math.log(c.prior.p / total) for c in conds),
        p_yes=p_yes,
        background=background,
        findings={f.id: f for f in kb.findings},
        groups=groups,
        group_of={m: g.source for g in groups.values() for m in g.members},
        yes_no_ids=tuple(p_yes),
        p_matrix=np.array([p_yes[fid] for fid in p_yes], dtype=np.float64),
    )


@lru_cache(maxsize=1)
def default_model() -> CompiledModel:
    """The shipped knowledge base, compiled once per process."""
    return compile_model(load_kb())
