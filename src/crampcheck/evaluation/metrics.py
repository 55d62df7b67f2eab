"""Accuracy and safety metrics for symptom checkers.

Triage metrics follow Kopka et al. (Digital Health 2023) as implemented in the R
package symptomcheckR: *accuracy* (exact triage level), *accuracy by triage
level*, *safety of advice* (share of cases advised at the correct level or a more
urgent one), *inclination to overtriage* (of the wrong advice, the share that was
too urgent) and *comprehensiveness* (share of cases that received advice).
Diagnostic metrics follow Semigran et al. (BMJ 2015): the gold condition listed
first (top-1) or within the first three (top-3); a listed ICD-10 code matches when
it starts with a gold code. *Over-triage rate* is the share of all cases advised
more urgently than needed; *red-flag sensitivity* is the share of red-flag cases
advised at least as urgently as the gold level and at least ``urgent``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crampcheck.knowledge.models import TRIAGE_ORDER, TriageLevel


@dataclass(frozen=True)
class CaseResult:
    """What crampcheck said about one vignette."""

    id: str
    gold_label: str
    gold_icd10: tuple[str, ...]
    gold_triage: TriageLevel
    red_flag: bool
    gold_rules: tuple[str, ...]
    triage: TriageLevel
    ranked_codes: tuple[tuple[str, ...], ...]
    ranked_ids: tuple[str, ...]
    fired_rules: tuple[str, ...]
    questions: int = 0

    def rank_of_gold(self) -> int | None:
        for rank, codes in enumerate(self.ranked_codes, 1):
            if any(code.startswith(gold) for code in codes for gold in self.gold_icd10):
                return rank
        return None

    @property
    def top1(self) -> bool:
        return self.rank_of_gold() == 1

    @property
    def top3(self) -> bool:
        rank = self.rank_of_gold()
        return rank is not None and rank <= 3

    @property
    def urgency_gap(self) -> int:
        """Positive when advised more urgently than needed, negative when less."""
        return TRIAGE_ORDER.index(self.gold_triage) - TRIAGE_ORDER.index(self.triage)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def summarise(results: Sequence[CaseResult]) -> dict[str, Any]:
    """Every metric over ``results``, plus per-cause and per-level tables."""
    n = len(results)
    over = sum(r.urgency_gap > 0 for r in results)
    under = sum(r.urgency_gap < 0 for r in results)
    flagged = [r for r in results if r.red_flag]
    rules_wanted = sum(len(r.gold_rules) for r in results)
    rules_hit = sum(len(set(r.gold_rules) & set(r.fired_rules)) for r in results)
    return {
        "cases": n,
        "top1": _share(sum(r.top1 for r in results), n),
        "top3": _share(sum(r.top3 for r in results), n),
        "triage_exact": _share(sum(r.urgency_gap == 0 for r in results), n),
        "safety_of_advice": _share(sum(r.urgency_gap >= 0 for r in results), n),
        "over_triage_rate": _share(over, n),
        "under_triage_rate": _share(under, n),
        "inclination_to_overtriage": _share(over, over + under),
        "comprehensiveness": _share(n, n),
        "red_flag_cases": len(flagged),
        "red_flag_sensitivity": _share(
            sum(r.urgency_gap >= 0 and r.triage in ("emergency", "urgent") for r in flagged),
            len(flagged),
        ),
        "red_flag_rule_recall": _share(rules_hit, rules_wanted),
        "accuracy_by_triage": _by_level(results),
        "per_cause": _per_cause(results),
    }


def _by_level(results: Sequence[CaseResult]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for level in TRIAGE_ORDER:
        subset = [r for r in results if r.gold_triage == level]
        out[level] = {
            "cases": len(subset),
            "accuracy": _share(sum(r.urgency_gap == 0 for r in subset), len(subset)),
        }
    return out


def _per_cause(results: Sequence[CaseResult]) -> dict[str, Any]:
    groups: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        groups[r.gold_label].append(r)
    return {
        label: {
            "cases": len(rs),
            "top1": _share(sum(r.top1 for r in rs), len(rs)),
            "top3": _share(sum(r.top3 for r in rs), len(rs)),
            "triage_exact": _share(sum(r.urgency_gap == 0 for r in rs), len(rs)),
            "safe": _share(sum(r.urgency_gap >= 0 for r in rs), len(rs)),
        }
        for label, rs in sorted(groups.items())
    }
