"""`crampcheck.assess` and the Assessment JSON contract of ARCHITECTURE.md."""

from __future__ import annotations

import re

import pytest

import crampcheck
from crampcheck.engine.model import default_model
from crampcheck.errors import UserInputError
from tests.knowledge.test_shipped_kb import offers_massage

KB = default_model().kb


def test_the_assessment_json_has_the_contract_fields() -> None:
    data = crampcheck.assess(answers={"age": 70, "night_cramps": True}).to_dict()
    assert {
        "kb_version",
        "triage",
        "red_flags",
        "causes",
        "findings",
        "next_questions",
        "advice",
        "disclaimer",
    } <= data.keys()
    assert data["triage"]["level"] in {"emergency", "urgent", "routine", "self_care"}
    assert {"first_aid", "tests", "specialists", "prevention", "avoid"} <= data["advice"].keys()
    cause = data["causes"][0]
    assert {"id", "name", "icd10", "probability", "why"} <= cause.keys()
    assert data["kb_version"] == KB.version


def test_causes_are_sorted_and_at_least_five() -> None:
    causes = crampcheck.assess(answers={"urge_to_move": True}).to_dict()["causes"]
    assert len(causes) >= 5
    probs = [c["probability"] for c in causes]
    assert probs == sorted(probs, reverse=True)


def test_why_names_the_findings_that_moved_the_top_cause() -> None:
    data = crampcheck.assess(answers={"urge_to_move": True, "worse_evening_rest": True}).to_dict()
    top = data["causes"][0]
    assert top["id"] == "restless_legs"
    assert {w["finding"] for w in top["why"]} >= {"urge_to_move"}
    assert all(w["factor"] > 0 for w in top["why"])


def test_no_massage_advice_when_a_clot_is_possible() -> None:
    data = crampcheck.assess(
        answers={"calf_swollen_one_side": True, "calf_tender": True, "night_cramps": True}
    ).to_dict()
    chosen = {aid["id"] for aid in data["advice"]["first_aid"]}
    unsafe_for_clot = {a.id for a in KB.advice.first_aid if "dvt" in a.not_when}
    assert chosen and not chosen & unsafe_for_clot
    steps = [s for aid in data["advice"]["first_aid"] for s in aid["steps"]]
    assert not [s for s in steps if offers_massage(s)]


def test_the_deep_water_procedure_only_when_swimming() -> None:
    ids = lambda d: {a["id"] for a in d["advice"]["first_aid"]}  # noqa: E731
    water = [a.id for a in KB.advice.first_aid if a.situation == "water"]
    assert set(water) & ids(crampcheck.assess(answers={"while_swimming": True}).to_dict())
    assert not set(water) & ids(crampcheck.assess(answers={"night_cramps": True}).to_dict())


def _unsafe_patterns() -> list[str]:
    return [p for c in KB.claims if c.verdict == "unsafe" for p in c.patterns]


@pytest.mark.parametrize(
    "answers",
    [
        {"night_cramps": True},
        {"during_exercise": True},
        {"while_swimming": True},
        {"pregnant": True, "night_cramps": True},
        {"age": 8, "night_cramps": True},
        {},
    ],
)
def test_advice_never_contains_an_unsafe_claim(answers: dict[str, object]) -> None:
    data = crampcheck.assess(answers=answers).to_dict()  # type: ignore[arg-type]
    advice = data["advice"]
    texts = [s for a in advice["first_aid"] for s in a["steps"]] + advice["prevention"]
    for pattern in _unsafe_patterns():
        assert not [t for t in texts if re.search(pattern, t, re.I)], pattern


def test_text_is_read_with_negation() -> None:
    data = crampcheck.assess(text="Calf cramps at night, no swelling.").to_dict()
    found = {f["id"]: f["value"] for f in data["findings"]}
    assert found.get("night_cramps") is True
    assert found.get("calf_swollen_one_side") is False


def test_answers_override_the_text() -> None:
    data = crampcheck.assess(text="cramps at night", answers={"night_cramps": False}).to_dict()
    assert {f["id"]: f["value"] for f in data["findings"]}["night_cramps"] is False


def test_an_overlong_story_is_refused_with_a_reason() -> None:
    with pytest.raises(UserInputError, match="at most 20000"):
        crampcheck.assess(text="x" * 20_001)
