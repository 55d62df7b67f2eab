"""Why each cause ranks where it does: the known findings that moved it most."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from crampcheck.engine.inference import factor
from crampcheck.engine.model import CompiledModel

MAX_REASONS = 5
NEUTRAL = 0.05
"""|log factor| below this is treated as 'did not move the cause'."""


@dataclass(frozen=True)
class Reason:
    finding: str
    value: bool
    factor: float
    text: str


def _describe(model: CompiledModel, fid: str, value: bool) -> str:
    question = model.findings[fid].text.rstrip("?")
    return f"{'yes' if value else 'no'}: {question}"


def reasons(model: CompiledModel, index: int, known: Mapping[str, bool]) -> list[Reason]:
    """Findings that changed this cause's odds most, strongest first."""
    out = []
    for fid, value in known.items():
        if not value and fid in model.group_of:
            continue
        f = factor(model, index, fid, value)
        if abs(math.log(f)) >= NEUTRAL:
            out.append(Reason(fid, value, round(f, 2), _describe(model, fid, value)))
    out.sort(key=lambda r: -abs(math.log(r.factor)))
    return out[:MAX_REASONS]
