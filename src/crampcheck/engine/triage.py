"""Safety-first triage: hard red-flag rules, low alert thresholds, escalations.

The level is the most urgent of: every red-flag rule that fires; the likely
causes (posterior >= ``LIKELY``, or the top cause) at their own level, raised by
their escalations; and every dangerous condition whose posterior passes its low
``alert`` threshold. A dangerous condition that is possible but not likely lifts
triage to at most ``urgent`` (a same-day check rules it in or out); an ambulance
is called for by a red-flag rule or by an emergency that is likely.

To guarantee that adding a red-flag finding can never lower the level, the level
is also computed with each subset of the present red-flag findings left out, and
the most urgent result is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations

from crampcheck.engine.model import CompiledModel
from crampcheck.knowledge.models import TRIAGE_ORDER, Condition, RedFlagRule, TriageLevel

LIKELY = 0.2
"""Posterior at which a condition counts as likely for triage."""
MAX_SUBSET_FLAGS = 6


@dataclass(frozen=True)
class TriageResult:
    level: TriageLevel
    reasons: tuple[str, ...]
    fired: tuple[RedFlagRule, ...]


def more_urgent(a: TriageLevel, b: TriageLevel) -> TriageLevel:
    return a if TRIAGE_ORDER.index(a) <= TRIAGE_ORDER.index(b) else b


def fired_rules(model: CompiledModel, known: Mapping[str, bool]) -> list[RedFlagRule]:
    present = {fid for fid, value in known.items() if value}
    return [
        r
        for r in model.kb.red_flags
        if all(present & set(group) for group in r.when) and not present & set(r.unless)
    ]


def condition_level(cond: Condition, known: Mapping[str, bool]) -> tuple[TriageLevel, str]:
    """The condition's own level, raised by any escalation whose findings are present."""
    level, reason = cond.triage, ""
    for esc in cond.escalations:
        hit_all = all(known.get(f) for f in esc.when_all)
        hit_any = not esc.when_any or any(known.get(f) for f in esc.when_any)
        if hit_all and hit_any and more_urgent(esc.triage, level) == esc.triage != level:
            level, reason = esc.triage, esc.reason
    return level, reason


def _candidates(
    model: CompiledModel, known: Mapping[str, bool], post: list[float]
) -> Iterator[tuple[TriageLevel, str]]:
    for rule in fired_rules(model, known):
        yield rule.triage, f"Red flag: {rule.label}. {rule.action}"

    def possible(cond: Condition) -> bool:
        return all(
            not group or any(known.get(f) for f in group)
            for group in (cond.requires, cond.requires_also)
        )

    # the top cause among those that can set triage: a cause ruled out by its requirement
    # (pre-eclampsia without a pregnancy) must not leave the level with no cause at all
    top = max(
        (i for i, c in enumerate(model.conditions) if possible(c)),
        key=post.__getitem__,
        default=-1,
    )
    for i, cond in enumerate(model.conditions):
        if not possible(cond):
            continue
        alert = cond.alert is not None and post[i] >= cond.alert.p
        if not (alert or post[i] >= LIKELY or i == top):
            continue
        level, why = condition_level(cond, known)
        if post[i] < LIKELY and i != top:
            level = "urgent" if level == "emergency" else level
            when = "today" if level == "urgent" else "at a booked appointment"
            yield level, f"{cond.name} cannot be ruled out ({post[i]:.0%}); get it checked {when}."
            continue
        yield level, f"{cond.name} is likely ({post[i]:.0%}).{' ' + why if why else ''}"


def _level(candidates: list[tuple[TriageLevel, str]]) -> TriageLevel:
    level: TriageLevel = "self_care"
    for cand, _ in candidates:
        level = more_urgent(level, cand)
    return level


def decide(
    model: CompiledModel,
    known: Mapping[str, bool],
    posterior_of: Callable[[Mapping[str, bool]], list[float]],
) -> TriageResult:
    """Triage for ``known``, monotone in the red-flag findings."""
    cands = list(_candidates(model, known, posterior_of(known)))
    level = _level(cands)
    flags = [f for f, v in known.items() if v and model.findings[f].red_flag][:MAX_SUBSET_FLAGS]
    for size in range(1, len(flags) + 1):
        for drop in combinations(flags, size):
            reduced = {f: v for f, v in known.items() if f not in drop}
            sub = list(_candidates(model, reduced, posterior_of(reduced)))
            if TRIAGE_ORDER.index(_level(sub)) < TRIAGE_ORDER.index(level):
                level = _level(sub)
                cands += [c for c in sub if c[0] == level]
    reasons = tuple(dict.fromkeys(r for lvl, r in cands if lvl == level))
    return TriageResult(level, reasons, tuple(fired_rules(model, known)))
