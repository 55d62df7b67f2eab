"""The first, rule-based reader: phrases as whole words, negation by clause, age."""

from __future__ import annotations

import pytest

from crampcheck.engine.model import default_model
from crampcheck.understand.reader import read_text

MODEL = default_model()


def found(text: str) -> dict[str, object]:
    return {f.id: f.value for f in read_text(MODEL, text)}


def test_phrases_match_whole_words_only() -> None:
    assert "male" not in found("it stays sore the next day")


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("No swelling, I take bendroflumethiazide.", "med_thiazide", True),
        ("No swelling, I take bendroflumethiazide.", "calf_swollen_one_side", False),
        ("Denies chest pain. Calf cramps at night.", "chest_pain", False),
        ("Denies chest pain. Calf cramps at night.", "night_cramps", True),
        ("no fever, no cough", "fever", False),
        ("I don't smoke but my calf cramps", "smoker", False),
    ],
)
def test_negation_stays_in_its_clause(text: str, finding: str, value: bool) -> None:
    assert found(text)[finding] is value


@pytest.mark.parametrize(
    ("text", "age"),
    [("I'm 68", 68), ("67 yo woman", 67), ("a 45-year-old man", 45), ("aged 30", 30)],
)
def test_ages_are_read(text: str, age: int) -> None:
    assert found(text)["age"] == age


def test_a_finding_stated_both_ways_counts_as_stated() -> None:
    assert found("no cramps in the day, but cramps at night")["night_cramps"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my pee this morning looked like cola", "dark_urine"),
        ("the foot has gone white and stone cold", "leg_cold_pale_sudden"),
        ("the area between my legs feels numb", "saddle_numbness"),
        ("he can't put any weight on it", "cannot_bear_weight"),
        ("the right side of his mouth is drooping", "one_side_weakness_face_speech"),
        ("bitten on the hand by a black spider", "venomous_bite"),
    ],
)
def test_findings_described_in_pieces_are_read(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_a_rule_finding_can_be_denied() -> None:
    assert found("no pain in my chest")["chest_pain"] is False


def test_a_time_ago_is_not_an_attack_duration() -> None:
    assert "cramp_duration_s" not in found("it started about an hour ago, my calf is sore")


def test_short_stems_match_whole_words_only() -> None:
    assert "calf_warm_red" not in found("a shiny black spider with a red mark")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my pee is a normal colour", "dark_urine"),
        ("the midwife says my blood pressure is normal", "high_blood_pressure_pregnancy"),
        ("I can pee fine", "bladder_bowel_change"),
    ],
)
def test_findings_stated_as_normal_are_recorded_absent(text: str, finding: str) -> None:
    assert found(text)[finding] is False


def test_a_recent_event_is_not_long_standing() -> None:
    assert found("came off my motorbike 6h ago, now my calf is tense")["long_standing"] is False


def test_a_negated_verb_does_not_deny_what_comes_after_a_comma() -> None:
    text = "i cant bend my knees, arms too, n my wee looks like strong tea"
    assert found(text)["dark_urine"] is True


def test_no_still_denies_a_whole_list() -> None:
    text = "No fever, cough or chest pain."
    assert (found(text)["fever"], found(text)["chest_pain"]) == (False, False)


def test_a_measurement_in_a_denied_list_ends_the_denial() -> None:
    read = found("Screening Qs: no headache, vision normal, no swelling of face or hands, "
                 "BP 116/74 at antenatal appt on Tues, baby moving normally.")  # fmt: skip
    assert read["pregnant"] is True
    assert read["severe_headache"] is False
    assert read["sudden_swelling_face_hands"] is False


def test_a_negated_verb_after_a_measurement_still_denies() -> None:
    read = found("Sodium 139 mmol/L, glucose 5.6 mmol/L. He had not noticed any dark urine.")
    assert read.get("dark_urine") is False


def test_pillows_and_breathlessness_on_walking_are_two_findings() -> None:
    read = found("He now sleeps on three pillows and gets short of breath walking to the postbox.")
    assert read["breathless_lying_flat"] is True
    assert read["breathless"] is True


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("35 weeks, first baby. I've had the usual calf cramps at night.", 35.0),
        ("Maternity triage line. 31yo, second baby, 29+2 wks. Calf cramps.", 29.0),
    ],
)
def test_weeks_of_pregnancy_in_midwives_shorthand(text: str, weeks: float) -> None:
    read = found(text)
    assert read["pregnant"] is True
    assert read["pregnancy_weeks"] == weeks


def test_weeks_before_a_first_baby_that_is_not_a_pregnancy_are_not_read() -> None:
    assert "pregnant" not in found("For 3 weeks, my first baby has been unwell.")


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("67yo M, retired, c/o bilateral nocturnal calf cramps", "male"),
        ("big toe went red hot and swollen overnight. 48 m", "male"),
        ("my dads right leg suddenly went cold and white", "male"),
        ("worried about my dad, hes 80 and lives alone", "male"),
        ("my husbands breathing is terrible", "male"),
        ("72yo F with night cramps", "female"),
    ],
)
def test_sex_in_shorthand_and_relatives_typed_without_apostrophes(text: str, sex: str) -> None:
    assert found(text)["sex"] == sex


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Triage: 48F c/o L calf pain. SOB: nil. CP: nil.", "breathless"),
        ("Triage: 48F c/o L calf pain. SOB: nil. CP: nil.", "chest_pain"),
        ("Alcohol: nil. Bilateral nocturnal calf cramps x 6/12. DM: no.", "known_diabetes"),
        ("Nocturnal leg cramps since starting it. Leg swelling: nil.", "calf_swollen_one_side"),
        ("PMH: CKD stage 4, not yet on dialysis.", "on_dialysis"),
        ("Hip fracture fixed 5/52 ago. L calf 3 cm larger than R. Apyrexial.", "fever"),
    ],
)
def test_headings_denied_as_clinicians_write_them(text: str, finding: str) -> None:
    assert found(text)[finding] is False


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("80F, day 5 after cholecystectomy. Mobilising independently.", "immobilised"),
        ("Had a DVT after my c-section 6 years ago.", "postpartum"),
        ("Sometimes when I stand up I feel faint, but I've never passed out.",
         "loss_of_consciousness"),
        ("alendronic acid stopped (swallowing)", "poisoning_suspected"),
    ],
)  # fmt: skip
def test_words_that_only_look_like_a_finding(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_without_fail_is_not_a_denial() -> None:
    read = found("Without fail, every time I wear my new heels the arches of both feet cramp.")
    assert read["unsuitable_shoes"] is True
    assert read["muscle_hardens"] is True


def test_weeks_of_pregnancy_said_the_usual_way_and_the_age_after_them() -> None:
    read = found("I'm 35 weeks, 27. Since this afternoon I've got a really bad headache.")
    assert read["pregnant"] is True
    assert read["pregnancy_weeks"] == 35.0
    assert read["age"] == 27.0


@pytest.mark.parametrize(
    "text", ["I'm 3 weeks post-op from my knee", "I'm 6 weeks into a new running plan"]
)
def test_weeks_after_an_operation_or_into_a_plan_are_not_a_pregnancy(text: str) -> None:
    assert "pregnant" not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "My GP started me on quinine sulphate 200mg at night five weeks ago for the cramps",
        "The doctor put me on quinine tablets and they helped",
        "my doctor put me on magnesium for the cramps",
    ],
)
def test_a_treatment_started_for_the_cramps_is_not_a_new_medicine_behind_them(text: str) -> None:
    assert "began_new_medicine" not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "started amlodipine 3 weeks ago and now I get cramps at night",
        "put me on quinine and a new water tablet, and the cramps got worse",
    ],
)
def test_a_medicine_that_can_cause_cramps_started_recently_is_still_new(text: str) -> None:
    assert found(text).get("began_new_medicine") is True


def test_a_new_clause_with_there_ends_a_denial_that_follows() -> None:
    read = found("The wee I passed was the colour of cola and there wasn't much of it.")
    assert read["dark_urine"] is True
