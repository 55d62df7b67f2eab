"""Evaluation metrics, checked on hand-made results."""

from __future__ import annotations

from crampcheck.evaluation.metrics import CaseResult, summarise


def case(
    gold: str,
    triage: str,
    codes: list[tuple[str, ...]],
    red: bool = False,
    rules: tuple[str, ...] = (),
    fired: tuple[str, ...] = (),
) -> CaseResult:
    return CaseResult(
        id="x",
        gold_label="dvt",
        gold_icd10=("I82.4",),
        gold_triage=gold,  # type: ignore[arg-type]
        red_flag=red,
        gold_rules=rules,
        triage=triage,  # type: ignore[arg-type]
        ranked_codes=tuple(codes),
        ranked_ids=(),
        fired_rules=fired,
    )


def test_icd10_prefix_matching_gives_top1_and_top3() -> None:
    first = case("urgent", "urgent", [("I82.409",), ("R25.2",)])
    third = case("urgent", "urgent", [("R25.2",), ("G25.81",), ("I82.4Z9",)])
    missing = case("urgent", "urgent", [("R25.2",), ("G25.81",), ("M79.1",), ("I82.409",)])
    assert (first.top1, first.top3) == (True, True)
    assert (third.top1, third.top3) == (False, True)
    assert (missing.top1, missing.top3) == (False, False)


def test_triage_metrics_follow_the_symptomcheckr_definitions() -> None:
    results = [
        case("urgent", "urgent", []),  # correct
        case("urgent", "emergency", []),  # over-triage (safe)
        case("routine", "self_care", []),  # under-triage (unsafe)
        case("self_care", "routine", []),  # over-triage
    ]
    s = summarise(results)
    assert s["triage_exact"] == 0.25
    assert s["safety_of_advice"] == 0.75
    assert s["over_triage_rate"] == 0.5
    assert s["under_triage_rate"] == 0.25
    assert s["inclination_to_overtriage"] == round(2 / 3, 4)
    assert s["accuracy_by_triage"]["urgent"] == {"cases": 2, "accuracy": 0.5}


def test_red_flag_sensitivity_needs_urgent_or_worse_and_no_under_triage() -> None:
    results = [
        case("emergency", "emergency", [], red=True, rules=("a",), fired=("a",)),
        case("emergency", "urgent", [], red=True, rules=("b",), fired=()),
        case("urgent", "urgent", [], red=True),
        case("self_care", "self_care", []),
    ]
    s = summarise(results)
    assert s["red_flag_cases"] == 3
    assert s["red_flag_sensitivity"] == round(2 / 3, 4)
    assert s["red_flag_rule_recall"] == 0.5


def test_per_cause_table() -> None:
    s = summarise([case("urgent", "urgent", [("I82.409",)])])
    assert s["per_cause"]["dvt"] == {
        "cases": 1,
        "top1": 1.0,
        "top3": 1.0,
        "triage_exact": 1.0,
        "safe": 1.0,
    }
