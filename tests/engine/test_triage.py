"""Triage is safety-first: red flags lift it, and adding one never lowers it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcheck.engine.inference import posterior
from crampcheck.engine.model import default_model
from crampcheck.engine.triage import decide
from crampcheck.knowledge.models import TRIAGE_ORDER

MODEL = default_model()
RULES = MODEL.kb.red_flags
RED_FLAGS = sorted(f.id for f in MODEL.kb.findings if f.red_flag)
YES_NO = sorted(MODEL.p_yes)


def level(known: dict[str, bool]) -> int:
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    return TRIAGE_ORDER.index(result.level)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_red_flag_rule_lifts_triage_to_its_level(rule) -> None:  # type: ignore[no-untyped-def]
    known = {group[0]: True for group in rule.when}
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert TRIAGE_ORDER.index(result.level) <= TRIAGE_ORDER.index(rule.triage)
    assert rule.id in {r.id for r in result.fired}


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(YES_NO), st.booleans(), max_size=12),
    st.sampled_from(RED_FLAGS),
)
def test_adding_a_red_flag_never_lowers_triage(known: dict[str, bool], flag: str) -> None:
    known.pop(flag, None)
    assert level({**known, flag: True}) <= level(known)


def test_a_cold_pale_leg_is_an_emergency_whatever_else_is_said() -> None:
    known = {"leg_cold_pale_sudden": True, "night_cramps": True, "muscle_hardens": True}
    assert level(known) == TRIAGE_ORDER.index("emergency")


def test_ordinary_night_cramps_in_an_older_adult_are_self_care() -> None:
    known = {
        "age_65_plus": True,
        "night_cramps": True,
        "muscle_hardens": True,
        "attacks_short": True,
        "calf_swollen_one_side": False,
    }
    assert level(known) == TRIAGE_ORDER.index("self_care")


def test_a_suspected_clot_without_chest_symptoms_is_same_day() -> None:
    known = {"calf_swollen_one_side": True, "calf_tender": True, "long_journey": True}
    assert level(known) == TRIAGE_ORDER.index("urgent")


LONG_SWOLLEN = {
    "calf_swollen_one_side": True,
    "leg_swelling_chronic": True,
    "long_standing": True,
    "past_cancer_treatment": True,
    "heavy_tired_legs": True,
}


def test_a_leg_swollen_for_months_after_cancer_treatment_is_not_a_same_day_clot_check() -> None:
    result = decide(MODEL, LONG_SWOLLEN, lambda k: posterior(MODEL, k))
    assert result.level == "routine"
    assert "possible_dvt" not in {r.id for r in result.fired}


@pytest.mark.parametrize("change", ["calf_warm_red", "sudden_onset"])
def test_a_long_swollen_leg_that_turns_warm_or_suddenly_bigger_is_same_day(change: str) -> None:
    result = decide(MODEL, {**LONG_SWOLLEN, change: True}, lambda k: posterior(MODEL, k))
    assert result.level == "urgent"
    assert "chronic_swelling_changed" in {r.id for r in result.fired}


def test_a_long_swollen_leg_with_breathlessness_is_still_an_ambulance() -> None:
    assert level({**LONG_SWOLLEN, "breathless": True}) == TRIAGE_ORDER.index("emergency")


def test_cramps_in_a_marathon_that_settled_are_not_sent_for_same_day_tests() -> None:
    known = {
        "extreme_exertion": True,
        "after_exercise": True,
        "heat_sweating": True,
        "both_legs": True,
        "site_thigh": True,
        "site_calf": True,
        "muscle_hardens": True,
        "age_18_to_49": True,
        "dark_urine": False,
    }
    assert level(known) == TRIAGE_ORDER.index("self_care")


@pytest.mark.parametrize(
    "sign", ["dark_urine", "severe_muscle_pain", "generalised_weakness", "blood_high_ck"]
)
def test_a_sign_of_muscle_breakdown_after_a_marathon_needs_same_day_care(sign: str) -> None:
    known = {"extreme_exertion": True, "after_exercise": True, "both_legs": True, sign: True}
    assert level(known) <= TRIAGE_ORDER.index("urgent")


def test_a_cause_ruled_out_by_its_requirement_does_not_leave_triage_without_a_cause() -> None:
    # headache, vomiting and a puffy face outside pregnancy: pre-eclampsia cannot set triage,
    # so the next likeliest cause must
    known = {"severe_headache": True, "vomiting_diarrhoea": True,
             "sudden_swelling_face_hands": True, "female": True, "age_18_to_49": True}  # fmt: skip
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert result.reasons


def test_a_low_potassium_result_with_legs_too_weak_to_stand_is_an_emergency() -> None:
    known = {"blood_low_potassium": True, "cannot_bear_weight": True, "leg_weakness": True,
             "vomiting_diarrhoea": True, "both_legs": True}  # fmt: skip
    assert level(known) == TRIAGE_ORDER.index("emergency")


def test_cramps_in_pregnancy_with_no_warning_sign_are_not_a_same_day_pre_eclampsia_check() -> None:
    known = {"pregnant": True, "pregnancy_second_half": True, "urge_to_move": True,
             "night_cramps": True, "female": True, "age_18_to_49": True}  # fmt: skip
    assert level(known) > TRIAGE_ORDER.index("urgent")


def test_a_warning_sign_in_pregnancy_still_calls_for_same_day_care() -> None:
    known = {"pregnant": True, "pregnancy_second_half": True, "night_cramps": True,
             "ankles_swollen_both": True, "female": True, "age_18_to_49": True}  # fmt: skip
    assert level(known) <= TRIAGE_ORDER.index("urgent")


def test_signs_of_an_underactive_thyroid_with_cramps_lead_to_a_booked_gp_visit() -> None:
    # tired, cold, constipated, heavier, dry skin for months, with aching cramping calves:
    # night cramps may still rank first, but the thyroid is worth a blood test (nice_ng145)
    known = {"hypothyroid_features": True, "site_calf": True, "long_standing": True,
             "female": True, "age_50_to_64": True}  # fmt: skip
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert result.level == "routine"
    assert any("Hypothyroidism" in r and "booked appointment" in r for r in result.reasons)


def test_without_thyroid_signs_the_same_cramps_stay_self_care() -> None:
    known = {"hypothyroid_features": False, "site_calf": True, "long_standing": True,
             "female": True, "age_50_to_64": True}  # fmt: skip
    assert level(known) == TRIAGE_ORDER.index("self_care")


def test_a_fall_with_hip_pain_and_unable_to_stand_is_an_ambulance() -> None:
    # NHS advice for a suspected broken hip is to call 999 (nhs_hip_fracture)
    known = {"leg_injury": True, "cannot_bear_weight": True, "hip_or_groin_pain": True,
             "age_65_plus": True}  # fmt: skip
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert result.level == "emergency"
    assert "possible_broken_hip" in {r.id for r in result.fired}


def test_a_twisted_ankle_that_cannot_take_weight_is_still_same_day() -> None:
    known = {"leg_injury": True, "cannot_bear_weight": True, "hip_or_groin_pain": False,
             "age_65_plus": True}  # fmt: skip
    assert level(known) == TRIAGE_ORDER.index("urgent")


def test_breathless_at_rest_or_blue_lips_is_an_ambulance_but_breathless_alone_is_same_day() -> None:
    assert level({"breathless": True, "severe_breathlessness": True}) == 0
    assert level({"breathless": True, "severe_breathlessness": False}) == TRIAGE_ORDER.index(
        "urgent"
    )


def test_vomiting_or_diarrhoea_on_water_pills_needs_advice_today() -> None:
    known = {"vomiting_diarrhoea": True, "med_loop_diuretic": True, "age_65_plus": True,
             "both_legs": True, "muscle_hardens": True}  # fmt: skip
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert result.level == "urgent"
    assert "fluid_loss_on_water_pills" in {r.id for r in result.fired}
    known["med_loop_diuretic"] = False
    result = decide(MODEL, known, lambda k: posterior(MODEL, k))
    assert "fluid_loss_on_water_pills" not in {r.id for r in result.fired}
