"""Advice chosen for the person: first aid for their situation, tests, doctor, prevention.

Nothing here invents advice: every text comes from the knowledge base, and a
procedure is withheld when a condition it is unsafe for is plausible (e.g. no
massage when a clot cannot be ruled out).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from crampcheck.engine.model import CompiledModel
from crampcheck.knowledge.models import Condition, FirstAid

PLAUSIBLE = 0.05
"""Posterior at which a condition is plausible enough to shape advice."""
RELEVANT = 0.1
MAX_ITEMS = 8

SITUATION_FINDINGS = {
    "water": ("in_deep_water_now", "while_swimming"),
    "running": ("during_exercise", "regular_sport"),
    "walking": ("calf_pain_walking_relieved_rest",),
    "in_bed": ("night_cramps", "wakes_from_sleep", "on_stretching"),
}


@dataclass(frozen=True)
class AdviceResult:
    first_aid: list[FirstAid]
    tests: list[str]
    specialists: list[str]
    prevention: list[str]
    avoid: list[str]


def _plausible(model: CompiledModel, post: Sequence[float]) -> set[str]:
    out = set()
    for p, c in zip(post, model.conditions, strict=True):
        threshold = c.alert.p if c.alert is not None else PLAUSIBLE
        if p >= min(threshold, PLAUSIBLE):
            out.add(c.id)
    return out


def _situations(known: Mapping[str, bool]) -> list[str]:
    found = [s for s, fids in SITUATION_FINDINGS.items() if any(known.get(f) for f in fids)]
    return found or ["in_bed"]


def _safe_steps(aid: FirstAid, plausible: set[str]) -> FirstAid:
    steps = [s for s in aid.steps if not plausible & set(s.not_when)]
    return aid.model_copy(update={"steps": steps})


def _applies(aid: FirstAid, known: Mapping[str, bool]) -> bool:
    return not aid.only_if or any(known.get(f) for f in aid.only_if)


def choose_first_aid(
    model: CompiledModel, known: Mapping[str, bool], post: Sequence[float]
) -> list[FirstAid]:
    """Procedures for the person's situations, without anything unsafe given what is plausible.

    A procedure is dropped when a condition it is unsafe for is plausible; a single
    step (e.g. rubbing) is dropped when a condition that step is unsafe for is plausible.
    When a clot or a vascular emergency is plausible, the general no-massage
    procedure comes first.
    """
    plausible = _plausible(model, post)
    wanted = set(_situations(known))
    safe = [
        _safe_steps(a, plausible)
        for a in model.kb.advice.first_aid
        if not plausible & set(a.not_when) and _applies(a, known)
    ]
    chosen = [a for a in safe if a.situation in wanted and a.steps]
    if known.get("pregnant"):
        chosen = [a for a in chosen if a.only_if] or chosen
    if known.get("age_under_13"):
        chosen = [a for a in chosen if a.only_if] or chosen
    unsafe_somewhere = {c for a in model.kb.advice.first_aid for c in a.not_when}
    if plausible & unsafe_somewhere:
        chosen = [a for a in safe if a.situation == "general"] + chosen
    return chosen


def _ranked(model: CompiledModel, post: Sequence[float]) -> list[Condition]:
    order = sorted(range(model.size), key=lambda i: -post[i])
    top = [model.conditions[i] for i in order[:3]]
    rest = [model.conditions[i] for i in order[3:] if post[i] >= RELEVANT]
    alerts = [
        c
        for p, c in zip(post, model.conditions, strict=True)
        if c.alert is not None and p >= c.alert.p
    ]
    unique = {c.id: c for c in [*alerts, *top, *rest]}
    return list(unique.values())


def _collect(conditions: Sequence[Condition], field: str) -> list[str]:
    items: list[str] = []
    for c in conditions:
        items += getattr(c, field)
    return list(dict.fromkeys(items))[:MAX_ITEMS]


def choose_advice(
    model: CompiledModel, known: Mapping[str, bool], post: Sequence[float]
) -> AdviceResult:
    conds = _ranked(model, post)
    return AdviceResult(
        first_aid=choose_first_aid(model, known, post),
        tests=_collect(conds, "tests"),
        specialists=_collect(conds, "specialists"),
        prevention=_collect(conds, "prevention"),
        avoid=_collect(conds, "avoid"),
    )
