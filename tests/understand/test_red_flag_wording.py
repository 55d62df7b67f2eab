"""Warning signs in everyday and clinical wording, and their denials
(`eval/understand/dev_red_flags.jsonl`: 240 items by an author who did not see the reader;
a development set, so a floor here guards against regressions, it does not measure)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crampcheck.engine.model import default_model
from crampcheck.understand.reader import read_text

MODEL = default_model()
CORPUS = Path(__file__).resolve().parents[2] / "eval" / "understand" / "dev_red_flags.jsonl"
RED_FLAGS = {f.id for f in MODEL.kb.findings if f.red_flag}


def found(text: str) -> dict[str, object]:
    return {f.id: f.value for f in read_text(MODEL, text)}


def test_most_warning_signs_in_the_paraphrase_set_are_read() -> None:
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    present = [(i, fid) for i in items for fid, v in i["findings"].items()
               if fid in RED_FLAGS and v is True]  # fmt: skip
    read = sum(found(i["text"]).get(fid) is True for i, fid in present)
    assert len(present) >= 150
    assert read / len(present) >= 0.85  # 0.671 when the set arrived, 0.890 after the fixes


def test_most_denied_warning_signs_in_the_paraphrase_set_are_read_as_denied() -> None:
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    denied = [(i, fid) for i in items for fid, v in i["findings"].items()
              if fid in RED_FLAGS and v is False]  # fmt: skip
    read = sum(found(i["text"]).get(fid) is False for i, fid in denied)
    assert len(denied) >= 90
    assert read / len(denied) >= 0.8  # 0.495 when the set arrived, 0.856 after the fixes


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("I cannot make pee, it is not coming", "bladder_bowel_change", True),
        ("My toddler got into Nana's tablets - not sure how many she swallowed",
         "poisoning_suspected", True),
        ("O/E calves soft, non-tender, no swelling.", "calf_tender", False),
        ("Toes look a normal colour, nothing black or weeping", "ulcer_or_black_toes", False),
        ("I'm 79 and since dinner there's a pressing ache behind my breastbone", "chest_pain",
         True),
        ("this morning I coughed up bright red streaks in my phlegm", "coughing_blood", True),
        ("36/40, calf cramps. Severe frontal headache unresponsive to analgesia.",
         "severe_headache", True),
        ("everything's gone fuzzy and there are black spots floating in front of my eyes",
         "vision_change", True),
        ("Acute onset L leg pallor, cold to touch, absent pedal pulses, onset 2h ago.",
         "leg_cold_pale_sudden", True),
        ("On gliclazide. Leg cramps with diaphoresis and tremor, CBG 2.9.", "hypo_symptoms", True),
    ],
)  # fmt: skip
def test_warning_signs_and_denials(text: str, finding: str, value: bool) -> None:
    assert found(text)[finding] is value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("36/40, calf cramps. Severe frontal headache unresponsive to analgesia.",
         "loss_of_consciousness"),
        ("The leaflet says to stop the quinine if I get bruising or a rash", "quinine_bleeding"),
        ("Suddenly my face is very swelling and the fingers are too fat",
         "calf_swollen_one_side"),
        ("My daughter stepped on a stonefish at the rock pool and is screaming with the pain",
         "in_deep_water_now"),
    ],
)  # fmt: skip
def test_words_that_only_look_like_a_warning_sign(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("A few nights a week he wakes up crying that his calf is cramping and can't settle",
         "loss_of_consciousness"),
        ("27, female, otherwise fit and well, play hockey twice a week", "seizure"),
        ("pain from my left buttock right down into the foot, numb toes",
         "one_side_weakness_face_speech"),
        ("my calf isnt swollen, breathing fine, no temp", "breathless"),
    ],
)  # fmt: skip
def test_everyday_words_that_once_raised_an_emergency(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("after a long march his right shin got tighter and tighter, swollen and hard as a "
         "board, painkillers arent touching it", "tense_leg_after_injury"),
        ("felt a sharp sting on my calf. There was a small black spider with a red stripe",
         "venomous_bite"),
        ("he had noticed numbness where he'd sit on a bike saddle", "saddle_numbness"),
        ("had to strain to start passing urine", "bladder_bowel_change"),
        ("Ankle dorsiflexion 3/5 and extensor hallucis longus 2/5 on the left", "leg_weakness"),
        ("he's in the water holding onto the edge of the board", "in_deep_water_now"),
        ("a painful sore on the tip of the second toe that had not healed", "ulcer_or_black_toes"),
        ("cramping pain in the calf after walking about 100 m, easing within a few minutes of "
         "stopping", "calf_pain_walking_relieved_rest"),
    ],
)  # fmt: skip
def test_case_report_wordings(text: str, finding: str) -> None:
    assert found(text)[finding] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("at the 30 km mark of a marathon run on a warm day (24 C) after both calves went into "
         "spasm", "calf_warm_red"),
        ("a resting tremor of the right hand, treated with co-careldopa", "hypo_symptoms"),
        ("scleral icterus, palmar erythema, spider naevi and bilateral ankle oedema",
         "calf_warm_red"),
        ("aching in both thighs, worst after climbing stairs, without weakness",
         "hip_shoulder_weakness"),
        ("reviewed 7 weeks after his atorvastatin was increased from 20 mg to 80 mg",
         "getting_more_frequent"),
    ],
)  # fmt: skip
def test_clinical_words_that_are_not_the_warning_sign(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_tense_shin_over_two_sentences_is_compartment_pressure() -> None:
    text = ("After a march yesterday his right shin got tighter and tighter, by tonight it's "
            "swollen and hard as a board, he says it's the worst pain he's ever had. painkillers "
            "arent touching it")  # fmt: skip
    assert found(text)["tense_leg_after_injury"] is True


@pytest.mark.parametrize(
    "text",
    ["My calf cramps at night and feels tight in the morning. Paracetamol doesn't help.",
     "my calf went rock hard, excruciating. Painkillers don't help my cramps."],
)  # fmt: skip
def test_a_bad_night_cramp_is_not_compartment_pressure(text: str) -> None:
    assert found(text).get("tense_leg_after_injury") is not True


@pytest.mark.parametrize(
    ("text", "value"),
    [("today cant get up the stairs without being out of breath", True),
     ("I can walk to the shops without getting out of breath", False)],
)  # fmt: skip
def test_out_of_breath_with_two_negatives(text: str, value: bool) -> None:
    assert found(text)["breathless"] is value


def test_a_worried_question_mark_does_not_make_a_sign_hypothetical() -> None:
    assert (
        found("i coughed up a bit of blood in a tissue?? is this serious")["coughing_blood"] is True
    )


def test_a_long_flight_in_hours() -> None:
    assert found("got back from thailand sunday, 11hr flight")["long_journey"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Leg cramps. Alert, orientated x3, GCS 15.", "confusion"),
        ("Cramping pain L calf. Limbs warm and well perfused, pedal pulses palpable bilat.",
         "leg_cold_pale_sudden"),
        ("Nocturnal calf cramps R>L. Calves symmetrical, no calf or pedal oedema.",
         "calf_swollen_one_side"),
        ("Calf cramp overnight. Fully weight-bearing, gait normal.", "cannot_bear_weight"),
        ("Jaw's fine, I can open my mouth wide - it's just leg cramps.", "stiff_jaw"),
        ("Nocturnal leg cramps, 29/40. No visual symptoms.", "vision_change"),
        ("Calf cramps. No myalgia between episodes, power 5/5 throughout.",
         "severe_muscle_pain"),
        ("No probs with my waterworks or bowels, it's just the cramps.", "bladder_bowel_change"),
        ("Got the cramp in the shallows but could stand up, I'm back on the beach now.",
         "in_deep_water_now"),
    ],
)  # fmt: skip
def test_clinical_and_lay_normals_deny_the_sign(text: str, finding: str) -> None:
    assert found(text)[finding] is False


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I'm 28 weeks pregnant. My face and hands aren't swollen.",
         "one_side_weakness_face_speech"),
        ("48M, flu-like illness, now severe aching in both calves, cannot walk on tiptoes",
         "severe_muscle_pain"),
    ],
)  # fmt: skip
def test_a_normal_reading_needs_the_right_words(text: str, finding: str) -> None:
    assert found(text).get(finding) is not False


def test_a_gcs_below_15_is_a_new_confusion() -> None:
    assert found("c/o cramps. New drowsiness, GCS 13/15.")["confusion"] is True


@pytest.mark.parametrize(
    "text",
    ["Urine concentrated, SG 1.030, dipstick negative for blood.", "urine dip nil blood",
     "my pee is dark yellow because I haven't drunk much"],
)  # fmt: skip
def test_concentrated_urine_or_a_clear_dipstick_is_not_cola_coloured_urine(text: str) -> None:
    assert found(text).get("dark_urine") is not True


@pytest.mark.parametrize(
    "text",
    ["my whole body aches like I've run a marathon but I haven't",
     "thighs ache as if I'd run a marathon"],
)  # fmt: skip
def test_a_comparison_is_not_an_event(text: str) -> None:
    assert "extreme_exertion" not in found(text)


def test_a_marathon_that_was_run_is_still_read() -> None:
    assert found("I ran a marathon yesterday and now my urine is dark")["extreme_exertion"] is True


@pytest.mark.parametrize(
    "text",
    ["She sleeps on three pillows because lying flat makes her breathless.",
     "I can't breathe when lying flat", "I get short of breath when I lie down"],
)  # fmt: skip
def test_breathlessness_lying_flat_is_read_as_such_and_not_as_new_breathlessness(
    text: str,
) -> None:
    read = found(text)
    assert read["breathless_lying_flat"] is True
    assert "breathless" not in read


def test_breathlessness_on_the_stairs_is_breathlessness() -> None:
    assert found("he's puffed on the stairs")["breathless"] is True


def test_a_faint_pulse_is_not_a_faint() -> None:
    text = "My legs ache when I walk. R pedal pulses not palpable, L DP faint; no ulcers."
    assert "loss_of_consciousness" not in found(text)
    assert found("I fainted after the cramp")["loss_of_consciousness"] is True


@pytest.mark.parametrize(
    ("text", "value"),
    [("both his ankles and feet have swollen", True), ("both my ankles have swollen", True),
     ("no swelling in my legs", None), ("calf isn't swollen", None)],
)  # fmt: skip
def test_swollen_ankles_are_read_in_pieces_but_a_denied_swelling_is_not_theirs(
    text: str, value: bool | None
) -> None:
    assert found(text).get("ankles_swollen_both") is value


def test_a_denial_after_the_swelling_is_of_something_else() -> None:
    text = "Both his ankles have swollen so his shoes don't fit."
    assert found(text).get("calf_swollen_one_side") is not False


@pytest.mark.parametrize(
    ("text", "finding"),
    [("Plan: rest, fluids; safety-net re dark urine and unilateral swelling.", "dark_urine"),
     ("His wife read that numbness can mean a stroke.", "one_side_weakness_face_speech"),
     ("Plan: wide-fitting shoes and podiatry for the toe cramps.", "seizure"),
     ("I had febrile fits as a toddler, now my calves cramp.", "age_under_13")],
)  # fmt: skip
def test_advice_worries_and_long_ago_are_not_present_signs(text: str, finding: str) -> None:
    assert finding not in found(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [("He said toilet paper felt strange when wiping.", "saddle_numbness"),
     ("Pinprick was reduced over S2-S4 and anal tone was reduced.", "saddle_numbness"),
     ("He had not passed urine since the previous evening.", "bladder_bowel_change"),
     ("The front of my lower leg is swollen, shiny and hard as a board.",
      "tense_leg_after_injury"),
     ("Weakness of the right lower limb with milder weakness of the right upper limb.",
      "one_side_weakness_face_speech")],
)  # fmt: skip
def test_case_report_wordings_of_warning_signs_are_read(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_legs_stiff_as_boards_in_spasticity_are_not_a_tense_leg() -> None:
    text = "Lately my legs go stiff as boards at night and feel tight and heavy when I walk."
    assert "tense_leg_after_injury" not in found(text)


def test_a_rash_or_ringing_ears_on_quinine_is_a_quinine_reaction() -> None:
    text = ("My father was put on quinine last month for night cramps. Since Friday he has had "
            "an itchy rash and his ears are ringing.")  # fmt: skip
    assert found(text)["quinine_bleeding"] is True


def test_a_denied_or_possible_reaction_on_quinine_is_not_one() -> None:
    text = "The leaflet says to stop the quinine if I get bruising or a rash. Cramps are better."
    assert "quinine_bleeding" not in found(text)


def test_a_story_told_from_home_is_not_in_deep_water_now() -> None:
    text = ("200m out my calf went into a massive cramp; I floated and it eased. I'm home now, "
            "my husband says it was a near-drowning.")  # fmt: skip
    assert found(text).get("in_deep_water_now") is not True


def test_drowning_without_water_is_not_deep_water() -> None:
    text = "He sleeps sitting up because he says he drowns if he lies flat. No water tablets."
    assert "in_deep_water_now" not in found(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [("MRI showed a lesion with surrounding vasogenic edema.", "ankles_swollen_both"),
     ("He had been treated for presumed lumbar radiculopathy.", "shooting_pain_down_leg"),
     ("A 56-year-old right-handed man with weakness of the right leg.",
      "one_side_weakness_face_speech")],
)  # fmt: skip
def test_case_report_words_that_only_look_like_signs(text: str, finding: str) -> None:
    assert finding not in found(text)


def test_weakness_of_all_four_limbs_is_generalised_weakness() -> None:
    read = found("Progressive weakness of all four limbs and inability to stand since morning.")
    assert read["generalised_weakness"] is True
    assert read["cannot_bear_weight"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("Started atorvastatin after a chest pain scare, my thighs ache.", "chest_pain"),
     ("He's eating well, hasn't lost weight, his legs ache at night.", "cannot_bear_weight"),
     ("It's not hot, the leg isn't swollen, just a sore calf.", "calf_warm_red")],
)  # fmt: skip
def test_a_scare_weight_loss_or_a_denial_before_a_comma_is_not_a_sign(
    text: str, finding: str
) -> None:
    assert found(text).get(finding) is not True


def test_cannot_put_weight_on_it_is_still_read() -> None:
    assert found("I can't put any weight on my left leg since the fall.")["cannot_bear_weight"]


@pytest.mark.parametrize(
    ("text", "finding"),
    [("She's acting really spaced out and asked me the same question 4 times.", "confusion"),
     ("Felt a definite pop in my calf playing squash.", "pop_in_calf"),
     ("Felt like someone had whacked the back of my calf, nobody there.", "pop_in_calf"),
     ("Now I can't put my heel down on the right.", "cannot_bear_weight")],
)  # fmt: skip
def test_everyday_wordings_of_confusion_a_calf_tear_and_not_bearing_weight(
    text: str, finding: str
) -> None:
    assert found(text)[finding] is True


def test_hours_later_is_not_how_long_a_cramp_lasts() -> None:
    assert "cramp_duration_s" not in found("About 3 hours later she has awful cramps in both legs.")


def test_someone_else_not_in_the_water_does_not_take_the_swimmer_out_of_it() -> None:
    text = ("A boy 80 metres out is shouting that he has cramp; his friend says he is well out "
            "of his depth and going under. No one else is in the water.")  # fmt: skip
    assert found(text)["in_deep_water_now"] is True


def test_weakness_of_the_leg_and_shoulder_on_one_side_is_one_sided_weakness() -> None:
    text = "Weakness of right hip flexion (2/5) and mild weakness of the right shoulder."
    assert found(text)["one_side_weakness_face_speech"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("My legs cramp at night. Spider naevi on the chest, reduced pinprick to mid-shin.",
      "venomous_bite"),
     ("My feet ache. Both medial arches collapse on standing.", "loss_of_consciousness"),
     ("My thighs ache and I have mild difficulty swallowing dry food.", "poisoning_suspected"),
     ("Cramps in both legs, toes drawing down, and frequent tingling around the mouth.",
      "one_side_weakness_face_speech"),
     ("Red shin since yesterday; erythema now beyond the line, skin hot, tense and shiny.",
      "tense_leg_after_injury"),
     ("Cramps and weakness after 5 days of watery diarrhoea; she needed help off the toilet. "
      "ECG showed U waves.", "in_deep_water_now"),
     ("Mum is not herself and her calves ache.", "confusion")],
)  # fmt: skip
def test_words_that_only_look_like_warning_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_swimmer_home_now_is_out_of_the_water_even_after_nearly_drowning() -> None:
    text = "Swimming in the lake my calf cramped and I nearly drowned. I'm home now, warm."
    assert found(text)["in_deep_water_now"] is False


@pytest.mark.parametrize(
    "text",
    ["Today after lunch strong cramp in my left leg, 5 hours now. My colleague say my leg from "
     "the knee to down is look like white paper and when he touch is cold like from fridge.",
     "Calf pain began abruptly four hours before. The left foot was cooler than the right with "
     "delayed capillary refill; left popliteal and pedal pulses were not palpable."],
)  # fmt: skip
def test_a_cold_white_or_pulseless_leg_that_is_new_today_is_an_acute_limb(text: str) -> None:
    assert found(text)["leg_cold_pale_sudden"] is True


@pytest.mark.parametrize(
    "text",
    ["8 months of calf pain on walking 150 m, no sudden change in symptoms. The right foot was "
     "slightly cooler than the left; right pedal pulses were absent.",
     "My feet go white and cold in winter, in attacks that last an hour."],
)  # fmt: skip
def test_a_cool_foot_of_long_standing_arterial_disease_or_raynauds_is_not(text: str) -> None:
    assert "leg_cold_pale_sudden" not in found(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [("I get this sharp catch under my right boob when I breathe in deep.", "chest_pain"),
     ("Had to stop halfway up the stairs with my heart going like mad.", "palpitations"),
     ("At breakfast his tea dribbled out of the corner of his mouth.",
      "one_side_weakness_face_speech"),
     ("He woke saying his right leg was still useless.", "leg_weakness"),
     ("When I wipe after the toilet it feels like I'm wiping someone else's backside.",
      "saddle_numbness"),
     ("She has to push to get the wee started and then it's a dribble.", "bladder_bowel_change"),
     ("He was mixing sheep dip concentrate without gloves; now his legs twitch.",
      "poisoning_suspected")],
)  # fmt: skip
def test_indirect_wordings_of_warning_signs(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_nosebleeds_without_quinine_are_not_a_quinine_reaction() -> None:
    assert "quinine_bleeding" not in found("He stopped clopidogrel because of nosebleeds.")


def test_a_later_positive_reading_is_not_hidden_by_an_earlier_denial() -> None:
    text = "No incontinence. Since yesterday she has to push to get the wee started."
    assert found(text)["bladder_bowel_change"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("Plan: stop sertraline, carers to report any confusion or unsteadiness. Calves cramp.",
      "confusion"),
     ("Cramp in her calf while swimming across the lake. Helped to shore, did not go under. "
      "Reviewed on dry land: walking normally.", "in_deep_water_now"),
     ("On raloxifene, cramps in both calves plus some hot flushes.", "calf_warm_red"),
     ("Advised to cut down caffeine, self-referral to talking therapies; calves cramp.",
      "one_side_weakness_face_speech"),
     ("Calf cramps at night, 'maybe twice a month', lasts less than a minute.",
      "calf_swollen_one_side")],
)  # fmt: skip
def test_plans_past_swims_and_look_alike_words_are_not_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_someone_still_in_the_water_who_cannot_get_out_is_in_deep_water() -> None:
    text = "Help, my son is in the lake with a cramp and he can't get out of the water!"
    assert found(text)["in_deep_water_now"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("On clearing his throat that morning he had seen a few streaks of blood.",
      "coughing_blood"),
     ("The right calf measured 3 cm more than the left.", "calf_swollen_one_side"),
     ("R lower leg redder than yesterday, redness now above the knee and hot.",
      "red_hot_spreading_skin"),
     ("She was calling me by her sister's name and not sure where she was.", "confusion"),
     ("I've started catching my right toe on the kerb.", "leg_weakness"),
     ("This morning I just couldn't put the foot down, I had to hop.", "cannot_bear_weight"),
     ("My calf has cramped since a 30-hour round trip in the lorry.", "long_journey")],
)  # fmt: skip
def test_case_report_and_lay_wordings_read_in_the_third_session(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_a_rule_window_with_a_comma_gives_way_to_a_later_window_without_one() -> None:
    text = ("One odd thing, probably the naproxen: when I wipe after the toilet it feels like "
            "I'm wiping someone else's backside, sort of dead.")  # fmt: skip
    assert found(text)["saddle_numbness"] is True


def test_not_knowing_who_the_carer_is_is_confusion() -> None:
    assert found("She was clammy and didn't seem to know who I was.")["confusion"] is True


def test_it_was_not_red_denies_only_the_redness_not_the_swelling_before_it() -> None:
    text = ("The right calf measured 3.5 cm more than the left, with pitting oedema and "
            "tenderness along the deep veins; it was not red.")  # fmt: skip
    read = found(text)
    assert read["calf_tender"] is True
    assert read["calf_swollen_one_side"] is True
    assert read["calf_warm_red"] is False


def test_a_finding_followed_by_was_not_is_still_denied() -> None:
    assert found("Calf swelling was not present.")["calf_swollen_one_side"] is False


@pytest.mark.parametrize(
    ("text", "finding"),
    [("Severe pain, redness and swelling of the right big-toe joint. His calf cramps at night.",
      "calf_warm_red"),
     ("Burning pain in both feet, like walking on hot sand, and calf cramps at night.",
      "calf_warm_red"),
     ("My son gets cramp in his calf at training, it's a warm indoor pool.", "calf_warm_red"),
     ("A cramp wakes me, toes pulling down, I stand on it and it passes in a minute.",
      "tense_leg_after_injury"),
     ("Her ankles are swollen. The heart failure nurse is not answering the phone.",
      "loss_of_consciousness"),
     ("In the sea my calf seized; my mate helped me in. Calf sore now.", "in_deep_water_now")],
)  # fmt: skip
def test_more_words_that_only_look_like_warning_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_red_hot_swollen_toe_joint_is_a_hot_swollen_joint() -> None:
    text = "Woke with my big toe joint on fire - red, shiny, swollen. My calf cramped too."
    assert found(text)["joint_hot_swollen"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("She gets puffed just going to the toilet.", "breathless"),
     ("At night she has to sleep on 4 pillows or sit in the chair.", "breathless_lying_flat"),
     ("After the fall she was unable to take four steps.", "cannot_bear_weight"),
     ("My water has gone dark brown like strong tea and my thighs ache.", "dark_urine"),
     ("A hole under my big toe with yellow fluid on the sock, but it doesn't hurt.",
      "ulcer_or_black_toes")],
)  # fmt: skip
def test_wordings_from_the_last_fresh_set(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_the_gp_surgery_being_closed_is_not_recent_surgery() -> None:
    assert "recent_surgery" not in found("It's Saturday and the surgery is closed. Legs cramp.")


@pytest.mark.parametrize(
    ("text", "finding"),
    [("A deep ache across the toes at night, I let the leg dangle over the side of the bed.",
      "in_deep_water_now"),
     ("The muscle goes hard and her foot points, she yelps and we stretch it for her.",
      "tense_leg_after_injury"),
     ("His left foot turns inwards and he cannot walk normal for half an hour.",
      "cannot_bear_weight"),
     ("My calves cramp and I can't walk far before I have to stop.", "cannot_bear_weight")],
)  # fmt: skip
def test_ordinary_words_that_only_look_like_emergencies(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_spider_with_a_red_hourglass_found_after_a_prick_is_a_venomous_bite() -> None:
    text = ("He felt a sharp prick on the back of his thigh while pulling on work trousers left "
            "in a shed. Within half an hour the pain spread, then severe cramping developed in "
            "both legs, with sweating. A glossy black spider with a red hourglass mark was found "
            "crushed in the trouser leg.")  # fmt: skip
    assert found(text)["venomous_bite"] is True


def test_breathing_fast_while_unable_to_lie_down_is_also_breathless() -> None:
    text = ("Tonight he cannot lie down at all, he is sitting on the edge of the bed propped on "
            "his arms, breathing fast.")  # fmt: skip
    assert found(text)["breathless"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "About an hour ago her leg went into a cramp that is not easing - the foot is white as "
            "a sheet and cold as ice",
            "leg_cold_pale_sudden",
        ),
        (
            "Calf pain walking for years. But since lunch left leg gone numb n cold, foot looks "
            "kind of grey white",
            "leg_cold_pale_sudden",
        ),
        (
            "3 hours ago my foot went to sleep and hasn't woken up, it's blotchy and bluish, cold "
            "to touch",
            "leg_cold_pale_sudden",
        ),
        ("my right calf is noticeably fatter than the left", "calf_swollen_one_side"),
        ("my calf is tight and my jeans are tighter that side", "calf_swollen_one_side"),
        ("For the past week my right leg has been stiff and weak", "leg_weakness"),
        ("she can't wiggle her toes", "leg_weakness"),
        ("the leg is heavy and won't do what I tell it", "leg_weakness"),
        ("face feels numb on that side", "one_side_weakness_face_speech"),
        ("can't grip my cup with my right hand", "one_side_weakness_face_speech"),
        ("holding onto the swim buoy 200m off the beach, calf locked", "in_deep_water_now"),
        (
            "he jumped off the boat for a swim and is hanging onto the rope with a cramp",
            "in_deep_water_now",
        ),
        ("she's talking to people who aren't there", "confusion"),
        ("rubbing a tincture of thorn-apple seeds into her legs", "poisoning_suspected"),
    ],
)
def test_warning_signs_told_the_long_way_round(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my legs cramp and I feel weak and tired", "leg_weakness"),
        ("Feet warm, DP weak bilat.", "leg_weakness"),
        ("I hold the kettle with my right hand", "one_side_weakness_face_speech"),
        ("ECG: prominent U waves. Needed help off the toilet with cramps", "in_deep_water_now"),
        ("My feet go white and cold in winter, for years now", "leg_cold_pale_sudden"),
    ],
)
def test_the_same_words_where_they_are_not_a_warning_sign(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_dash_between_clauses_ends_a_denial() -> None:
    read = found("the cramp is not easing - the calf is swollen and red")
    assert read.get("calf_swollen_one_side") is True


def test_thorn_apple_is_a_plant_not_a_thorn_in_a_wound() -> None:
    assert "dirty_wound" not in found("rubbing a tincture of thorn-apple seeds into her legs")


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("my right leg is clumsy, I drag it", "leg_weakness", True),
        ("anterior compartment tense and woody", "tense_leg_after_injury", True),
        ("calf tense and exquisitely tender after the tackle", "tense_leg_after_injury", True),
        ("my calves twitch and my legs feel tense all the time", "tense_leg_after_injury", None),
        (
            "cramps in my calves most nights and sometimes my hands cramp too",
            "mouth_tingling_hand_spasm",
            None,
        ),
        (
            "cramps in my calves most nights and sometimes my hands cramp too",
            "cramps_arms_face",
            True,
        ),
        ("leg cramps for months, always cold when everyone else is warm", "calf_warm_red", None),
        (
            "Two years ago I lost the sight in my left eye for a few weeks, it came back",
            "past_neuro_episodes",
            True,
        ),
    ],
)
def test_signs_read_only_with_the_words_that_make_them(
    text: str, finding: str, value: bool | None
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("now both his thighs are agony and his pee looks like cola", "severe_muscle_pain"),
        ("2 days of severe pain and swelling in both thighs", "severe_muscle_pain"),
        ("she was out cold for about a minute", "loss_of_consciousness"),
        ("he's 2 and now he's really sleepy and floppy", "confusion"),
        ("new difficulty passing urine and numbness around the anus", "saddle_numbness"),
        ("frontal headache unresponsive to analgesia", "severe_headache"),
        ("a few tablets are missing from the strip", "poisoning_suspected"),
        ("my toddler may have eaten some of her grandma's tablets", "poisoning_suspected"),
        ("leg cramps, shakiness and sweating after a missed meal", "hypo_symptoms"),
    ],
)
def test_more_warning_signs_from_a_fresh_reader_set(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


def test_several_cramps_are_not_severe_pain() -> None:
    assert "severe_muscle_pain" not in found("Overnight several cramps in both calves")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "sea swimming 200 metres out, calf locked, cant kick treading water with my arms",
            "in_deep_water_now",
        ),
        ("I can't walk because my calf is swollen", "calf_swollen_one_side"),
        (
            "since about lunchtime my right leg has gone cold and sort of bluey white from the "
            "knee down and its numb I had the stents put in that leg two years ago",
            "leg_cold_pale_sudden",
        ),
        (
            "he's really sleepy, can't follow the TV and called the dog by the wrong name",
            "confusion",
        ),
        (
            "his belly keeps filling up with fluid - the hospital has drained it twice",
            "jaundice_or_swollen_belly",
        ),
        ("he trod on a nail in the cowshed and it went through his trainer", "dirty_wound"),
        ("now my toes hurt even in bed at night", "rest_pain_foot"),
        ("the tip of my second toe has gone dark", "ulcer_or_black_toes"),
        ("there's a sore on the ball of her right foot", "ulcer_or_black_toes"),
        ("pain shoots from my right buttock down the back of my leg", "shooting_pain_down_leg"),
        ("harder and harder to get up out of a low chair", "hip_shoulder_weakness"),
    ],
)
def test_signs_from_the_later_fresh_sets(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I can't see any swelling", "calf_swollen_one_side"),
        ("she can't feel any lump and the calf is not swollen", "calf_swollen_one_side"),
        ("both legs, nothing's swollen or red", "calf_warm_red"),
    ],
)
def test_seeing_and_feeling_nothing_still_deny(text: str, finding: str) -> None:
    assert found(text).get(finding) is False


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "he got knocked out in a clash of heads last season - today he's chatting",
            "loss_of_consciousness",
        ),
        ("Years back I had a fit when I tried to stop drinking, nothing since", "seizure"),
        ("I had a stent put in for chest pain 3 years ago", "chest_pain"),
        ("She had a febrile convulsion when she was 2", "seizure"),
        ("My dad died of a stroke so every twinge panics me", "one_side_weakness_face_speech"),
        ("Coughing makes it worse", "flu_symptoms"),
        ("I drink 4 pints most nights and GP says cut down", "skin_break"),
    ],
)
def test_warning_signs_of_long_ago_or_of_someone_else_are_not_current(
    text: str, finding: str
) -> None:
    assert found(text).get(finding) is not True


def test_a_fit_minutes_ago_is_current() -> None:
    assert found("she had a fit 10 minutes ago").get("seizure") is True


def test_a_puncture_wound_or_bite_is_a_break_in_the_skin() -> None:
    assert found("stood on a rusty nail 10 days ago").get("skin_break") is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("she's not on anything for her water", "med_loop_diuretic"),
        ("I'm not on any tablets for cholesterol", "med_statin"),
        ("I'm not on tablets for my stomach either", "med_ppi"),
        ("I don't take any supplements", "med_mineral_supplement"),
        ("O/E: calves SNT bilaterally", "calf_tender"),
        ("Calf soft, no bruising yet", "tense_leg_after_injury"),
        ("power 5/5 throughout, sensation intact", "leg_weakness"),
        ("power 5/5 throughout, sensation intact", "tingling_numbness"),
        ("Proximal power normal.", "hip_shoulder_weakness"),
        ("Leg: skin intact, no erythema", "skin_break"),
        ("I'm not stressed and I'm sleeping well", "poor_sleep"),
        ("eating and drinking normally, no D&V", "vomiting_diarrhoea"),
        ("eating and drinking normally, no D&V", "low_fluid_intake"),
        ("my back doesn't hurt", "back_pain"),
        ("Not the drink, I'm teetotal", "heavy_alcohol"),
        ("No focal neuro deficit", "one_side_weakness_face_speech"),
        ("Haven't lost any weight", "weight_loss"),
        ("No recent travel or surgery.", "long_journey"),
    ],
)
def test_normal_findings_as_clinicians_and_people_write_them(text: str, finding: str) -> None:
    assert found(text).get(finding) is False


def test_a_terse_examination_note_is_read_as_english() -> None:
    assert found("Power 5/5 throughout, sensation intact")  # no "English only" refusal


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "since yesterday my head is breaking in two, the paracetamol does nothing",
            "severe_headache",
        ),
        ("a banging headache that paracetamol won't shift", "severe_headache"),
        ("I see small flies flying in front of my eyes", "vision_change"),
        ("my rings won't go on since this morning", "sudden_swelling_face_hands"),
        ("my jaw feels wired shut", "stiff_jaw"),
        ("my jaw has been clamped like a vice", "stiff_jaw"),
        ("been dipping sheep all afternoon and got splashed", "poisoning_suspected"),
        ("from one hour his right side is sleeping", "one_side_weakness_face_speech"),
        ("the face is hanging on the right", "one_side_weakness_face_speech"),
        ("when he speaks the words are porridge", "one_side_weakness_face_speech"),
        ("the leg does not listen to him", "leg_weakness"),
        ("my legs feel like jelly, I had to crawl up the stairs", "leg_weakness"),
        ("the thighs became thin like a chicken's", "muscle_wasting"),
        ("small jumpings under the skin all the time, like popcorn", "muscle_twitching"),
        ("around my mouth it is like ants walking", "mouth_tingling_hand_spasm"),
        ("my fingers closed themselves like the beak of a bird", "mouth_tingling_hand_spasm"),
        ("something zig-zaggy bit me on the ankle, two little marks", "venomous_bite"),
        ("Woke up on the kitchen floor after a big session", "loss_of_consciousness"),
        ("Woke this am on bedroom floor, bitten side of tongue", "seizure"),
        ("the dog sank its teeth into my calf 10 days ago", "dirty_wound"),
        ("he is in the sea, far from the beach, he shouts he cannot swim", "in_deep_water_now"),
        ("on quinine; bruises on arms without injury, gums bleed on brushing", "quinine_bleeding"),
    ],
)
def test_idioms_and_translations_of_warning_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Both legs have got these blue snakes winding up the backs", "venomous_bite"),
        ("My wife says this statin is poison", "poisoning_suspected"),
        ("Jaw fine, neck supple, swallowing ok", "poisoning_suspected"),
        ("10 mins later walking fine, both legs same colour and warm", "calf_warm_red"),
        ("I've been sweating buckets in the heat with cramps", "hypo_symptoms"),
    ],
)
def test_figures_of_speech_that_are_not_warning_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        (
            "pain in my left calf since the flight. It's puffier than the other one and warm to "
            "touch.",
            "calf_swollen_one_side",
            True,
        ),
        (
            "pain in my left calf since the flight. It's puffier than the other one and warm to "
            "touch.",
            "calf_warm_red",
            True,
        ),
        ("R calf pain x 1 day; calf +2 cm, warm, tender", "calf_swollen_one_side", True),
        ("brought in ~4 h after taking ~30 x amitriptyline 25 mg", "poisoning_suspected", True),
        ("took 2 paracetamol for the cramp", "poisoning_suspected", None),
        (
            "My husband is still out in the lake right now, shouting that his leg has cramped",
            "in_deep_water_now",
            True,
        ),
        ("calves SNT, Homan's neg", "calf_tender", False),
        ("Today frontal headache unrelieved by paracetamol", "severe_headache", True),
        ("Left leg warm with palpable pulses.", "calf_warm_red", None),
        ("he won't walk on his right leg at all", "cannot_bear_weight", True),
        ("I'd bitten my tongue and I don't remember any of it", "loss_of_consciousness", True),
    ],
)
def test_readings_from_the_clinical_shorthand_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        (
            "his calf cramped 2 hours ago. I just looked and his foot is a blotchy bluey-white and "
            "freezing, the other one is warm and pink.",
            "leg_cold_pale_sudden",
            True,
        ),
        (
            "the foot is warm and pink, not pale or cold, since 2 hours",
            "leg_cold_pale_sudden",
            False,
        ),
        (
            "Dave's on insulin. He's sweating buckets, shaking and both legs are cramping",
            "hypo_symptoms",
            True,
        ),
        ("Sweating buckets in the heat after the match, legs cramping", "hypo_symptoms", None),
        (
            "broke his shin and A&E put it in a half plaster; the painkillers aren't touching it",
            "tense_leg_after_injury",
            True,
        ),
        (
            "my toes point and it's agony for a minute, my husband pushes my foot up",
            "tense_leg_after_injury",
            None,
        ),
        ("I just found her in my bedroom with my quinine tablets", "poisoning_suspected", True),
        ("I found the tablets helped with my cramps", "poisoning_suspected", None),
        ("the tip of my second toe on the left has gone dark", "ulcer_or_black_toes", True),
    ],
)
def test_readings_from_the_last_fresh_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        (
            "his right calf has been aching since the flight. It's swollen and warm now.",
            "calf_swollen_one_side",
            True,
        ),
        (
            "his right calf has been aching since the flight. It's swollen and warm now.",
            "calf_warm_red",
            True,
        ),
        ("My calf cramped. It's fine now.", "calf_swollen_one_side", None),
        ("ankles not swollen though", "ankles_swollen_both", False),
        ("On quinine 10 years. No bruising or rashes, heart rate fine.", "quinine_bleeding", False),
        ("On quinine 10 years. No bruising or rashes, heart rate fine.", "palpitations", False),
        (
            "I take quinine at bedtime. Tonight I noticed little purple dots on my shins and my "
            "gums bled",
            "quinine_bleeding",
            True,
        ),
        ("44M, lithium for bipolar. Li level 1.9. Confused per wife.", "poisoning_suspected", True),
        ("On lithium for years, Li 0.8, stable", "poisoning_suspected", None),
        ("65yo F on raloxifene. No hx VTE. Calves SNT.", "previous_clot", False),
        (
            "After half a mile my calf aches. No pain at rest and my feet are warm.",
            "feet_always_cold",
            False,
        ),
    ],
)
def test_readings_from_the_everyday_reader_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("peed this morning and it looked like flat coke", "dark_urine", True),
        (
            "Ten days back I fell in the yard and took a nasty graze with some grit in it",
            "dirty_wound",
            True,
        ),
        (
            "he had an accident in his trousers and didn't feel it coming",
            "bladder_bowel_change",
            True,
        ),
        ("This morning he could not feel the toilet paper when wiping", "saddle_numbness", True),
        ("had to strain to pass urine", "bladder_bowel_change", True),
        (
            "On quinine. This week purple blotches on my shins that I don't remember knocking, and "
            "my gums bled",
            "quinine_bleeding",
            True,
        ),
        (
            "No blistering or crepitus; pain in proportion to findings, calf swollen",
            "tense_leg_after_injury",
            None,
        ),
        (
            "night cramps in both calves, tiredness, breathless on hills and a sore, red tongue",
            "calf_warm_red",
            None,
        ),
        (
            "an ileostomy after colectomy for ulcerative colitis; cramps in both calves and feet",
            "ulcer_or_black_toes",
            None,
        ),
        (
            "On examination the left first MTP joint was swollen, hot and erythematous",
            "calf_swollen_one_side",
            None,
        ),
    ],
)
def test_readings_from_the_case_report_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        (
            "now the front of his left shin is swollen and rock hard and he's in agony",
            "tense_leg_after_injury",
            True,
        ),
        (
            "The front of his shin feels hard as a table top when I press it.",
            "tense_leg_after_injury",
            True,
        ),
        ("my calf goes rock hard at night", "tense_leg_after_injury", None),
        (
            "When I emptied his bottle it was the colour of strong tea without milk.",
            "dark_urine",
            True,
        ),
    ],
)
def test_a_shin_hard_as_a_table_and_urine_in_a_bottle(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        (
            "took 'about 20' over-the-counter caffeine tablets to stay awake",
            "poisoning_suspected",
            True,
        ),
        ("took 2 paracetamol tablets for the cramp", "poisoning_suspected", None),
        ("my left leg looks skinnier than the right", "muscle_wasting", True),
        ("she won't stand on her right leg", "cannot_bear_weight", True),
    ],
)
def test_readings_from_the_final_fresh_sets(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        # a possible broken hip, told by a relative or in a handover
        (
            "she says her hip and thigh hurt and the foot looks turned out",
            "hip_or_groin_pain",
            True,
        ),
        ("82F fall at home, L leg shortened and externally rotated", "hip_or_groin_pain", True),
        ("82F fall at home, unable to weight bear", "leg_injury", True),
        ("I had a hip replacement 10 years ago", "hip_or_groin_pain", None),
        ("my toes point outwards when I walk", "hip_or_groin_pain", None),
        ("I fell in love with running", "leg_injury", None),
        ("I keep tripping on kerbs and my foot slaps down", "leg_injury", None),
        # breathing too hard to speak, at rest, or blue lips
        ("New SOB at rest since last night", "severe_breathlessness", True),
        ("she is gasping for air and her lips are going blue", "severe_breathlessness", True),
        ("she is gasping for air", "breathless", True),
        ("he had twice woken gasping for breath", "severe_breathlessness", None),
        ("he had twice woken gasping for breath", "breathless_lying_flat", True),
        ("No respiratory distress.", "breathless", False),
        ("she can't get her words out", "severe_breathlessness", None),
    ],
)
def test_a_broken_hip_and_breathing_that_is_too_hard(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Baby born last Thursday, so 6 days ago, normal delivery", "postpartum", True),
        ("I took about 20 of my mum's amitriptyline with the wine", "poisoning_suspected", True),
        ("took 16 paracetamol last night", "poisoning_suspected", True),
        ("I've taken 12 ibuprofen over 3 days for it", "poisoning_suspected", None),
        ("he takes 10 tablets a day for his heart", "poisoning_suspected", None),
        (
            "my 3 yr old got into my nans handbag and there were loose tablets in the bottom",
            "poisoning_suspected",
            True,
        ),
        ("he's been acting a bit weird and wobbly", "confusion", True),
        ("her mouth is going to one side and words are not clear", "one_side_weakness_face_speech",
         True),
        ("out past the flags at the beach, i can see him bobbing", "in_deep_water_now", True),
        ("i can see him bobbing", "in_deep_water_now", None),
        # words that only look like a warning sign
        ("muscle goes tight as a drum for a minute or two most nights", "tense_leg_after_injury",
         None),
        ("did a 20 mile tab yesterday, left calf is tight as a drum, pins and needles in my foot",
         "tense_leg_after_injury", True),
        ("we have to wear these narrow black heels all shift", "ulcer_or_black_toes", None),
        ("thirsty, red-faced and sweaty after three races in the heat", "hypo_symptoms", None),
        ("the health visitor said he'd grow out of it", "loss_of_consciousness", None),
        ("swam to the side holding the lane rope and it passed", "in_deep_water_now", None),
    ],
)  # fmt: skip
def test_readings_from_the_november_evening_fresh_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("urine 'the colour of black coffee'", "dark_urine", True),
        ("urine 'the colour of black coffee'", "coffee_heavy", None),
        ("my pee looks like Guinness", "dark_urine", True),
        ("'Every muscle aches like I've been hit by a bus', legs cramping; urine 'like port wine'",
         "dark_urine", True),
        ("my pee is its usual pale yellow", "dark_urine", False),
        ("R calf 'like a rugby ball' since the flight, hurts to touch", "calf_swollen_one_side",
         True),
        ("my left calf's been achy and fat since my op last week", "calf_swollen_one_side", True),
        ("a warm, angry patch on my shin that's grown a lot since yesterday",
         "red_hot_spreading_skin", True),
        ("Cut my hand on a rusty bit of fence 10 days ago", "dirty_wound", True),
        ("my head's been in a vice all day", "severe_headache", True),
        ("my longest training run was 18 miles", "severe_muscle_pain", None),
        ("safety-net \u2013 dark urine, calf swelling or breathlessness \u2192 call back",
         "dark_urine", None),
    ],
)  # fmt: skip
def test_idioms_for_warning_signs_from_the_evening_reader_set(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("He isn't short of breath and has no chest pain", "breathless", False),
        ("she's not out of breath", "breathless", False),
        ("I can't catch my breath", "breathless", True),
        ("blue snakes winding up the backs of my legs", "breathless", None),
        ("the right stocking was much harder to pull up over the calf than the left",
         "calf_swollen_one_side", True),
        ("and that calf was pinker", "calf_warm_red", True),
    ],
)  # fmt: skip
def test_denied_breathlessness_and_a_calf_told_by_its_stocking(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


def test_months_of_breathlessness_on_the_stairs_is_not_new_breathlessness() -> None:
    slow = found("For about 4 months I've been getting out of breath climbing the stairs, and my "
                 "legs cramp at night.")  # fmt: skip
    assert slow.get("breathless") is None and slow.get("breathless_lying_flat") is True
    new = found("My periods have been heavy for a year. What's new is I'm out of breath going up "
                "the stairs.")  # fmt: skip
    assert new.get("breathless") is True
    clot = found("For 2 months I've been out of breath on the stairs, and now my left calf is "
                 "swollen.")  # fmt: skip
    assert clot.get("breathless") is True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("She slipped in the kitchen about an hour ago and landed on her left side", "leg_injury",
         True),
        ("She had a slipped disc years ago", "leg_injury", None),
        ("she could not get up or take any weight on the leg", "cannot_bear_weight", True),
        ("Sensation between his legs and his bladder function were normal", "saddle_numbness",
         None),
        ("reduced sensation between the legs", "saddle_numbness", True),
        ("concrete floors and the arches of my feet keep cramping, and by end of shift my feet and "
         "shins ache", "tense_leg_after_injury", None),
        ("the front of his shin is hard as concrete since the tackle", "tense_leg_after_injury",
         True),
    ],
)  # fmt: skip
def test_readings_from_the_published_case_and_lay_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("took a hard kick to the shin playing rugby 4 hours ago; the front of my lower leg is now "
         "rock hard and tight, pain is through the roof even with co-codamol",
         "tense_leg_after_injury", True),
        ("it's agony if I move my toes since the tackle", "tense_leg_after_injury", True),
        ("a man with no record of tetanus vaccination, a keen gardener, who trod on a rusty nail "
         "through his boot", "dirty_wound", True),
        ("her GP rang to say her sodium was a bit low", "blood_low_sodium", True),
        ("I'm on a low sodium diet", "blood_low_sodium", None),
        ("her sodium was not low", "blood_low_sodium", False),
    ],
)  # fmt: skip
def test_an_if_that_is_the_sign_a_relative_clause_and_a_result_in_words(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


def test_even_at_rest_is_not_worse_in_the_evening() -> None:
    assert found("it hurts even at rest").get("worse_evening_rest") is None
    assert found("my calves ache by evening").get("worse_evening_rest") is True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("after my trip to Spain my calves cramp", "leg_weakness", None),
        ("I keep tripping over my own feet", "leg_weakness", True),
        ("his legs keep kicking all night", "leg_injury", None),
        ("took a hard kick to the shin", "leg_injury", True),
    ],
)
def test_a_trip_is_a_journey_and_kicking_legs_are_restless(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("grandma 84 fell in bathroom, she is on floor", "leg_injury", True),
        ("14F went over on her R ankle landing a netball jump", "leg_injury", True),
        ("couldn't take 4 steps even with help", "cannot_bear_weight", True),
        ("Couldn't stand even with 2 staff", "cannot_bear_weight", True),
        ("Standing still doesn't help, I have to sit", "cannot_bear_weight", None),
        ("I can't stand even the thought of another cramp", "cannot_bear_weight", None),
        ("my friend swim in lake far from beach, now he is screaming and he go under water",
         "in_deep_water_now", True),
        ("Today I see on her sole a wound size 1 cm, she didnt feel it", "ulcer_or_black_toes",
         True),
        ("my sister 31 give birth 5 days ago", "postpartum", True),
        ("can't get more than a few words out and his lips look greyish",
         "severe_breathlessness", True),
        ("he had his new hip done three weeks ago", "recent_surgery", True),
    ],
)  # fmt: skip
def test_readings_from_relayed_and_second_language_stories(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("On quinine. He had not noticed bruising, bleeding, a rash or palpitations.",
         "quinine_bleeding", False),
        ("On quinine. He had not noticed bruising, bleeding, a rash or palpitations.",
         "palpitations", False),
        ("He hasn't had any cramps, his calf is swollen and red.", "calf_swollen_one_side", True),
        ("On quinine. No rash, but my gums are bleeding.", "quinine_bleeding", True),
        ("referred with 'night cramps unresponsive to quinine'", "loss_of_consciousness", None),
        ("calf circumferences were equal", "calf_swollen_one_side", False),
        ("a painful sore had appeared on the tip of the second toe", "ulcer_or_black_toes", True),
        ("toes ached at night, easing if he hung the foot over the edge of the bed",
         "rest_pain_foot", True),
    ],
)  # fmt: skip
def test_readings_from_the_second_case_report_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("grandma 84 fell in bathroom, she can not stand.", "cannot_bear_weight", True),
        ("she can't stand, her hip hurts", "cannot_bear_weight", True),
        ("I can't stand the cramps any more", "cannot_bear_weight", None),
        ("I can't stand for long without my legs going numb", "cannot_bear_weight", None),
        ("Last week I found a hole under the big toe on my right foot", "ulcer_or_black_toes",
         True),
        ("a hard, tender line like a piece of string under the skin running up the inside of my "
         "knee", "red_cord_vein", True),
    ],
)  # fmt: skip
def test_cannot_stand_is_not_an_idiom_and_a_hole_and_a_string(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Back's been killing me 10 days, pain going down both legs", "back_pain", True),
        ("Back's been killing me 10 days, pain going down both legs", "shooting_pain_down_leg",
         True),
        ("when I sit on the loo seat it feels like it's someone else's arse", "saddle_numbness",
         True),
        ("it feels like it has gone to sleep round my privates", "saddle_numbness", True),
        ("my bum goes numb on long drives", "saddle_numbness", None),
        ("I didn't realise I'd wet myself till I stood up", "bladder_bowel_change", True),
        ("my lips feel fizzy, like I licked a battery", "mouth_tingling_hand_spasm", True),
        ("my fingers keep bunching up together like a chicken's foot",
         "mouth_tingling_hand_spasm", True),
        ("can't get up off the hallway floor even with me helping", "cannot_bear_weight", True),
        ("Been sick 4 times since last night and can't keep much water down",
         "vomiting_diarrhoea", True),
        ("my daughter is in the middle of the quarry lake, screaming her calf is knotted",
         "in_deep_water_now", True),
        ("he's sat forward gulping, can't say more than a couple of words at a time",
         "severe_breathlessness", True),
        ("broke his ankle 2 weeks ago and has been in a boot on the sofa since", "immobilised",
         True),
    ],
)  # fmt: skip
def test_readings_from_the_danger_signs_in_lay_words_set(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("I've read statins can destroy your muscles and turn your urine brown", "dark_urine",
         None),
        ("He's terrified of having a stroke like his brother", "one_side_weakness_face_speech",
         None),
        ("Mum insists it's the epilepsy coming back", "seizure", None),
        ("I've read low calcium can cause fits", "seizure", None),
        ("my running club says it's normal", "vomiting_diarrhoea", None),
        ("I've had the runs for two days", "vomiting_diarrhoea", True),
        ("has not passed urine for 10 hrs despite the urge", "bladder_bowel_change", True),
        ("numbness 'where you sit on a bike'", "saddle_numbness", True),
        ("screamed when it cramped; it only pulls when I point my foot", "tense_leg_after_injury",
         None),
    ],
)  # fmt: skip
def test_what_was_read_or_feared_is_not_what_is_there(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Drove 9 hours down from Inverness yesterday", "long_journey", True),
        ("I drove 1 hour to work", "long_journey", False),
        ("I can't take a single step on that leg", "cannot_bear_weight", True),
        ("nipped on the calf by a neighbour's dog 10 days ago", "dirty_wound", True),
    ],
)
def test_a_drive_in_hours_a_single_step_and_a_nip(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("the top of my leg where it joins my body is giving me real gyp", "hip_or_groin_pain",
         True),
        ("My neighbour says my foot's pointing out sideways funny", "hip_or_groin_pain", True),
        ("She complained of pain in the right groin after the fall", "hip_or_groin_pain", True),
        ("a red cord about a hand's breadth below the groin", "hip_or_groin_pain", None),
        ("I can't get myself up off the settee, the leg just won't take me", "cannot_bear_weight",
         True),
        ("found on her kitchen floor by her carer, having slipped", "leg_injury", True),
        ("Today I can hardly get a teaspoon in and my teeth feel glued together", "stiff_jaw",
         True),
        ("my neck's gone like a plank", "stiff_jaw", True),
        ("Today he thinks it's Tuesday morning when it's Friday night", "confusion", True),
        ("we can hardly keep him awake in his chair", "confusion", True),
        ("she can't get more than two or three words out at a time", "severe_breathlessness",
         True),
        ("her mouth has gone dusky round the lips", "severe_breathlessness", True),
        ("The little toe has gone a dusky colour, like an old bruise", "severe_breathlessness",
         None),
        ("she can't wiggle her toes at all", "leg_weakness", True),
        ("I have to swing it round from the hip to walk", "leg_weakness", True),
        ("Caught my shin on some old wire in the compost heap", "dirty_wound", True),
        ("the calf around the teeth marks keeps clenching up", "skin_break", True),
        ("The midwife said my BP was a bit high", "high_blood_pressure_pregnancy", True),
    ],
)  # fmt: skip
def test_readings_from_the_red_flag_wording_and_case_report_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


def test_a_foot_like_candle_wax_and_marble_tonight_is_a_blocked_artery() -> None:
    text = ("Tonight she called it just a bad one. Her left foot looks like candle wax next to "
            "the right one and it's like touching marble.")  # fmt: skip
    assert found(text).get("leg_cold_pale_sudden") is True


def test_toes_white_then_blue_then_red_in_the_cold_are_raynauds_not_a_blocked_artery() -> None:
    text = ("She described three winters of attacks in which her toes turned suddenly white in "
            "the cold, then blue, then bright red and throbbing as they warmed.")  # fmt: skip
    read = found(text)
    assert read.get("colour_change_cold") is True
    assert "leg_cold_pale_sudden" not in read


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("she had had shivering fits overnight", "seizure", None),
        ("on a warm, humid evening, with both calves locking into spasm", "calf_warm_red", None),
        ("She had to stop halfway up a flight of stairs to catch her breath", "long_journey",
         None),
        ("When I got up the calf cramped, and I nearly fell over.", "leg_injury", None),
        ("my right foot had gone completely dead", "tingling_numbness", True),
        ("the calf keeps clenching up like a fist", "muscle_hardens", True),
        ("if my mum even bends my toes back i scream", "tense_leg_after_injury", True),
        ("I'm worried in case it could be compartment syndrome", "tense_leg_after_injury", None),
    ],
)  # fmt: skip
def test_idioms_weather_stairs_and_pain_brought_on_by_an_if(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("most nights shes woken up sobbing that her legs hurt", "breathless", None),
        ("c/o SOB on exertion", "breathless", True),
        ("ran my first marathon (4:52 dont judge) and at mile 21 both calves locked up",
         "muscle_hardens", True),
        ("before his first tablets kick in his left foot twists in", "leg_injury", None),
        ("kicked in his calf during football", "leg_injury", True),
        ("my dad has parkinsons, shaky right hand and slow", "hypo_symptoms", None),
        ("worse when I sit or cough", "flu_symptoms", None),
        ("Can still walk on tiptoes and heels fine", "unsuitable_shoes", None),
        ("I slipped a disc last month", "leg_injury", None),
        ("his wee has been the colour of Coke since last night", "dark_urine", True),
        ("300 squats and an hour on the erg in a hot boathouse", "extreme_exertion", True),
        ("my bottom and the inside of my thighs feel numb", "saddle_numbness", True),
        ("I couldn't tell whether I needed a wee", "bladder_bowel_change", True),
        ("found sitting on the bedroom floor at 3am", "leg_injury", True),
    ],
)  # fmt: skip
def test_readings_from_the_relayed_and_patient_letter_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Now when I go up the stairs I am out of breath and must sit", "severe_breathlessness",
         None),
        ("she is breathless even sitting in her chair", "severe_breathlessness", True),
        ("hands a little shaky since the new salmeterol inhaler", "hypo_symptoms", None),
        ("I'm on insulin and feel shaky", "hypo_symptoms", True),
        ("my friend is swimming in lake now, far from the shore, he shout his leg have cramp",
         "in_deep_water_now", True),
        ("I got the cramp far out but I'm back on the beach now, safe", "in_deep_water_now",
         False),
        ("O/E widespread fasciculations, brisk knee jerks, power 5/5", "seizure", None),
        ("Discharge letter. Plan: MLLB and garment fitting.", "seizure", None),
        ("Practice nurse leg-ulcer clinic. No ulcer.", "ulcer_or_black_toes", False),
        ("Found on floor beside bed at 05:00, unwitnessed fall.", "leg_injury", True),
        ("c/o pain L groin and thigh. L leg looks shorter and foot rolled outwards.",
         "hip_or_groin_pain", True),
        ("he lose breath when he walk to kitchen", "breathless", True),
        ("I saw something slither off into the bracken; two tiny puncture marks",
         "venomous_bite", True),
    ],
)  # fmt: skip
def test_readings_from_the_second_language_and_multimorbidity_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Our 8 year old's feet ache after school trips or long walks", "leg_weakness", None),
        ("my right leg has been dragging and I trip over my own foot", "leg_weakness", True),
        ("He says he didn't eat before training and took his usual insulin at lunch.",
         "med_insulin_or_sulfonylurea", True),
        ("in this heatwave I barely drink, always thirsty and my wee is dark", "dark_urine", None),
        ("after the spin class my thighs are agony and my wee is dark, I'm so thirsty",
         "dark_urine", True),
        ("thirsty and my pee is the colour of tea", "dark_urine", True),
        ("A small black spider had been found in the shorts.", "venomous_bite", True),
        ("fluid tracking down from a collapsed cyst behind the knee", "loss_of_consciousness",
         None),
        ("He now slept on three pillows and sometimes woke needing to sit up.",
         "breathless_lying_flat", True),
        ("She got cramp swimming in the sea yesterday; her dad pulled her out. She's fine today.",
         "in_deep_water_now", None),
        ("She's just waved from out past the second buoy shouting 'cramp', she's stopped "
         "swimming and is bobbing.", "in_deep_water_now", True),
    ],
)  # fmt: skip
def test_readings_from_the_children_pregnancy_and_case_report_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("bought 'fat burner' capsules online and took double the dose today",
         "poisoning_suspected", True),
        ("took double the dose today to cut for summer", "skin_break", None),
        ("I'm out now, warm and dry, calf just a bit achy", "calf_warm_red", None),
        ("the calf is visibly fuller than the left and tender", "calf_swollen_one_side", True),
    ],
)  # fmt: skip
def test_readings_from_the_sport_work_and_heat_set(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Caught the sickness bug and I've been up at both ends for two days",
         "vomiting_diarrhoea", True),
        ("I've got really puffed the last couple of days doing nothing much", "breathless", True),
        ("I need three pillows now or I get puffed lying flat at night", "breathless", None),
        ("my heart is going like crazy, I'm shaking, sweating, my legs keep cramping",
         "hypo_symptoms", True),
        ("finished a 20 km loaded march 3 hours ago", "extreme_exertion", True),
        ("pain shoots up when I gently bend his toes down", "tense_leg_after_injury", True),
        ("she yelps and we stretch it, her foot points", "tense_leg_after_injury", None),
        ("Calf's cramped up, I'm about halfway across the lake, floating on my back",
         "in_deep_water_now", True),
        ("halfway across the car park my calf cramped", "in_deep_water_now", None),
        ("68M on atorvastatin. 3/7 severe bilat thigh myalgia, urine dark 'like cola'.",
         "severe_muscle_pain", True),
        ("37M, blow to R thigh playing rugby. Unable to WB.", "cannot_bear_weight", True),
        ("he is sweating very much and shaking, and talking strange", "confusion", True),
        ("took a load of his sleeping pills with vodka about an hour ago",
         "poisoning_suspected", True),
        ("Since yesterday he can't pass water properly", "bladder_bowel_change", True),
        ("Non-healing ulcer L lateral malleolus x 6/52.", "ulcer_or_black_toes", True),
        ("It was warm and at about mile 11 my right calf just locked solid", "calf_warm_red",
         None),
    ],
)  # fmt: skip
def test_readings_from_the_played_down_and_sport_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("husbands foot has gone blueish and cold since he got up for the loo",
         "leg_cold_pale_sudden", True),
        ("had a knee op 3 wks ago", "recent_surgery", True),
        ("just coughed and there was blood in it", "coughing_blood", True),
        ("I coughed, no blood", "coughing_blood", False),
        ("dad gashed his shin on muddy barbed wire last week. now his neck is stiff and the "
         "calf spasms are going up into his tummy", "stiff_jaw", True),
        ("stepped on a rusty nail on Sunday, no stiffness in the neck, calf spasms", "stiff_jaw",
         None),
        ("im on dialysis 3x a week", "known_kidney_disease", True),
        ("broke my ankle 2 yrs ago all healed now", "ulcer_or_black_toes", None),
        ("my leg ulcer hasn't healed in 3 months", "ulcer_or_black_toes", True),
        ("got a cramp swimming lengths at the pool, hung on the side till it passed",
         "rest_pain_foot", None),
        ("She isn't breathless and has no chest pain.", "breathless", False),
        ("SOB -, no palpitations.", "breathless", False),
        ("SOB on moderate exertion - at his baseline, no change.", "breathless", False),
        ("SOB worse than his baseline since Tuesday", "breathless", True),
        ("housebound for two years after a stroke", "one_side_weakness_face_speech", None),
        ("I think she's having a stroke", "one_side_weakness_face_speech", True),
        ("he's in the lake right now, about 50 m out from the jetty, his calf has cramped",
         "in_deep_water_now", True),
        ("found by a neighbour on her kitchen floor after losing her balance", "leg_injury",
         True),
        ("The midwife told me to try sleeping on my left side.", "one_leg_only", None),
        ("it switches from one leg to the other", "both_legs", True),
        ("it switches from one leg to the other", "one_leg_only", None),
    ],
)  # fmt: skip
def test_readings_from_the_lay_relayed_and_case_report_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) is value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("both ankles are like balloons by teatime", "ankles_swollen_both", True),
        ("he's been rubbing his chest and says it feels like someone is sitting on it",
         "chest_pain", True),
        ("he's on furosemide for his heart", "known_heart_disease", True),
        ("now her right arm is floppy too", "one_side_weakness_face_speech", True),
        ("she sounds drunk and she doesn't drink", "one_side_weakness_face_speech", True),
        ("when I stood up my leg was completely dead", "one_side_weakness_face_speech", None),
        ("she has a cramp in her groin and the top of her leg", "hip_or_groin_pain", True),
        ("the left leg look more short than the other", "hip_or_groin_pain", True),
        ("the foot turn to outside, and she cry when we move the hip", "hip_or_groin_pain",
         True),
        ("she fall yesterday in the garden", "leg_injury", True),
        ("slipped on the bathroom mat this afternoon, and she can't get up",
         "cannot_bear_weight", True),
        ("She not stand up since, we carry her to bed", "cannot_bear_weight", True),
        ("I drew round it with a biro. This morning the pink has gone past the line",
         "red_hot_spreading_skin", True),
        ("the top of the foot is red and now the red goes up to the ankle",
         "red_hot_spreading_skin", True),
        ("pressure marks over the fifth metatarsal heads", "red_hot_spreading_skin", None),
        ("The muscle between thumb and finger on my right hand has become hollow",
         "muscle_wasting", True),
        ("37 yo, 35 weeks with #2", "pregnancy_weeks", 35.0),
        ("big bulgy veins since my second pregnancy", "pregnant", None),
        ("both my calves and thighs keep cramping in little bursts", "tense_leg_after_injury",
         None),
        ("my calf feels like it is going to burst after the tackle", "tense_leg_after_injury",
         True),
        ("(all clear since, touch wood). My left leg has been swollen for 2 years",
         "tense_leg_after_injury", None),
        ("im 58, no swelin or redness tho", "calf_swollen_one_side", False),
        ("had a thyroid op in 2010", "neck_surgery", True),
        ("had my parathyroids out", "neck_surgery", True),
        ("my belly has swollen right up n my eyes r yellow, horrible leg cramps",
         "calf_swollen_one_side", None),
        ("my calf aches after 200m walking and goes off if i stand still", "cannot_bear_weight",
         None),
    ],
)  # fmt: skip
def test_readings_from_the_indirect_forum_and_older_adult_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("took half a pill someone gave her about 2 hrs ago", "poisoning_suspected", True),
        ("She's still talking but not making much sense and keeps asking where we are",
         "confusion", True),
        ("Drank 4 monsters plus a scoop of pre-workout. Now my heart is going crazy fast",
         "poisoning_suspected", True),
        ("had two scoops of a pre workout plus 2 energy drinks, now my heart is going like crazy",
         "poisoning_suspected", True),
        ("I use pre-workout before the gym and get calf cramps", "poisoning_suspected", None),
        ("I haven't been breathless and I have no chest pain.", "breathless", False),
        ("The leg didn't go suddenly cold or white; this has crept up slowly.",
         "leg_cold_pale_sudden", False),
        ("his foot suddenly went white and cold an hour ago", "leg_cold_pale_sudden", True),
        ("leg circumferences were equal on both sides", "both_legs", None),
        ("on clearing his throat he had seen a few streaks of blood", "coughing_blood", True),
        ("Her throat was red and the chest was clear", "coughing_blood", None),
        ("he wakes at night yelling that his calf has gone hard, we stretch his foot up",
         "tense_leg_after_injury", None),
    ],
)  # fmt: skip
def test_readings_from_the_translated_young_and_long_message_sets(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("he can only say three words before he has to stop for air", "severe_breathlessness",
         True),
        ("Every few words I have to stop and suck in air", "severe_breathlessness", True),
        ("she's gulping at the air like a fish out of water", "severe_breathlessness", True),
        ("I've got no breath left at all, I'm typing this because I can't talk",
         "severe_breathlessness", True),
        ("Her calf is swollen after the operation. SpO2 89% RA, RR 32", "severe_breathlessness",
         True),
        ("sats 90% on air", "severe_breathlessness", True),
        ("SpO2 98% on air, RR 16", "severe_breathlessness", None),
        ("since this morning she keeps asking me what day it is, over and over", "confusion",
         True),
        ("today she keeps dozing off and she's picking at thin air", "confusion", True),
        ("Dad's had dementia for years so he's always asked what day it is; nothing new there.",
         "confusion", False),
    ],
)  # fmt: skip
def test_breathing_and_confusion_told_by_what_is_seen(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("there's a small painful sore on the tip of my big toe", "ulcer_or_black_toes"),
        ("my toes ache at night in bed", "rest_pain_foot"),
    ],
)
def test_a_sore_on_a_toe_and_toes_aching_in_bed_are_read(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("The headache hasn't budged with paracetamol.", "severe_headache", True),
        ("I've had a headache that won't shift.", "severe_headache", True),
        ("the headache eased after a nap", "severe_headache", None),
        ("The leg didn't go suddenly cold or white.", "leg_cold_pale_sudden", False),
        ("I had to sit down on the stairs halfway up to get my breath back", "breathless",
         True),
        ("came round not knowing my name", "confusion", True),
        ("since this morning she's unable to give the year", "confusion", True),
        ("he refuses to put his foot down, hopping everywhere", "cannot_bear_weight", True),
        ("it feels like I'm sitting on a block of wood down below", "saddle_numbness", True),
        ("coughing up phlegm with streaks of blood", "coughing_blood", True),
    ],
)  # fmt: skip
def test_signs_told_by_what_is_seen_and_relief_that_failed(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("swimmer grabbing my bow says her calf has cramped solid, about 300 m from shore",
         "in_deep_water_now"),
        ("Mum slipped in the kitchen. She's on the floor and won't let us move her.",
         "cannot_bear_weight"),
    ],
)  # fmt: skip
def test_a_swimmer_far_out_and_a_fallen_mother_who_cannot_be_moved(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        # warning signs buried in long, rambling stories (set bcdev)
        (
            "The other odd thing, and sorry if TMI, is I'm sort of numb down there when I wipe.",
            "saddle_numbness",
            True,
        ),
        (
            "my sock left a deep line on that leg but not the other, so I think its a bit puffy",
            "calf_swollen_one_side",
            True,
        ),
        (
            "his leg's gone a funny colour, kind of whitish-grey below the knee, and it feels "
            "colder than the other one",
            "leg_cold_pale_sudden",
            True,
        ),
        (
            "a horse stood on my foot in the muddy yard and the shoe cut in quite deep",
            "dirty_wound",
            True,
        ),
        (
            "a little sore on the side of my little toe where my shoe rubbed, it's been there "
            "over a month and it's just not healing",
            "ulcer_or_black_toes",
            True,
        ),
        (
            "he suddenly went down in the kitchen, went rigid and shook all over for a minute",
            "seizure",
            True,
        ),
        (
            "35 wks, had leg cramps all week but now pounding headache n seeing flashing lights",
            "pregnant",
            True,
        ),
        ("had baby 5 days ago, headache that wont shift, blurry vision", "postpartum", True),
        (
            "I nearly passed out in the shower, I went dizzy but didn't actually faint",
            "loss_of_consciousness",
            False,
        ),
    ],
)
def test_warning_signs_told_in_passing_are_read(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("sometimes his calf cramps so he hops around", "cannot_bear_weight"),
        ("She can't see any arch when she stands.", "cannot_bear_weight"),
        (
            "I genuinely couldn't walk in them, had to carry my shoes to the taxi",
            "cannot_bear_weight",
        ),
        ("My sister says dead legs can be a stroke or a clot", "one_side_weakness_face_speech"),
        (
            "By the end of a Saturday my legs feel so heavy and throbbing they feel like they "
            "might burst",
            "tense_leg_after_injury",
        ),
        ("my calf went stiff and started shaking", "seizure"),
        ("a cut on my shin that is healing well", "ulcer_or_black_toes"),
    ],
)
def test_look_alike_words_are_not_warning_signs(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A 4-year-old swallowed bleach", True),
        ("my toddler drank from the bleach bottle", True),
        ("my mother ate mushrooms she picked in the forest yesterday", True),
        ("I swallowed a paracetamol with water", None),
        ("we ate mushrooms for dinner", None),
        ("He drinks every day, half a bottle of vodka or more, for many years.", None),
        ("my lips feel fizzy, like I licked a battery", None),
    ],
)  # fmt: skip
def test_poisoning_needs_something_poisonous_not_just_swallowing(text: str, value: object) -> None:
    assert found(text).get("poisoning_suspected") == value


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        # told by relatives and carers, or written in staff notes (sets bidev, bjdev, bkdev)
        ("Her right foot looks a bit dusky compared with the other one and feels cold",
         "leg_cold_pale_sudden", True),
        ("the toilet seat feels weird, like he's sitting on a cushion", "saddle_numbness", True),
        ("he didn't quite make it to the loo this morning and leaked", "bladder_bowel_change",
         True),
        ("When he asked for tea his words came out a bit thick", "one_side_weakness_face_speech",
         True),
        ("her new baby, who was born five days ago", "postpartum", True),
        ("At 6 am I found one of our residents on the floor beside her bed.", "leg_injury", True),
        ("L calf looks fuller than R, pitting to ankle L only", "calf_swollen_one_side", True),
        ("She went down in the queue, 'out for about 10 seconds', no jerking, came round quickly.",
         "loss_of_consciousness", True),
        ("a thumping headache since yesterday that paracetamol hasn't touched at all",
         "severe_headache", True),
        ("hes awake now but really out of it doesnt know where he is", "confusion", True),
        # look-alikes
        ("my sister came round to help", "loss_of_consciousness", None),
        ("my sister came round quickly to help", "loss_of_consciousness", None),
        ("it feels like a shark has bitten a chunk out of it", "loss_of_consciousness", None),
        ("He sobs like he's being tortured", "breathless", None),
        ("My heart sank when I saw a documentary about leg ulcers", "ulcer_or_black_toes", None),
        ("drinking three energy drinks a day, my heart races after the third one",
         "poisoning_suspected", None),
        ("I wake with my calf gone rock hard. It feels like the muscle is going to burst.",
         "tense_leg_after_injury", None),
        ("Pressing on the side of the foot doesn't really hurt her, it's the soft bit in front of "
         "the ankle bone that's sore.", "ulcer_or_black_toes", None),
    ],
)  # fmt: skip
def test_signs_told_by_others_and_in_notes(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) == value
