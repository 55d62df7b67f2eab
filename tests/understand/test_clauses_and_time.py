"""Words that describe one finding must share a clause; time, age and temperature in the
forms people and clinicians write them."""

from __future__ import annotations

import pytest

from crampcheck.engine.model import default_model
from crampcheck.understand.normalise import stem
from crampcheck.understand.numbers import age, frequency, problem_duration, temperature
from crampcheck.understand.numbers import sex as sex_of
from crampcheck.understand.reader import read_text

MODEL = default_model()


def found(text: str) -> dict[str, object]:
    return {f.id: f.value for f in read_text(MODEL, text)}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        # "legs ... puffy" and "calf ... hot" are in different clauses
        ("both my legs feel heavy and achy, kind of buzzing, and my ankles go puffy",
         "calf_swollen_one_side"),
        ("at night his feet burn like hot sand, in the day they feel numb and he gets cramps "
         "in his calves", "calf_warm_red"),
    ],
)  # fmt: skip
def test_a_rule_does_not_join_words_from_two_clauses(text: str, finding: str) -> None:
    assert finding not in found(text)


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("my calf isnt swollen", "calf_swollen_one_side", False),
        ("Calf soft, not swollen.", "calf_swollen_one_side", False),
        ("the leg is not red or warm", "calf_warm_red", False),
        # a denial far from the rule's words is about something else
        ("my right calf has ached like a cramp that never lets go, and it's noticeably fatter "
         "than the left", "calf_swollen_one_side", True),
        # "can't" is part of "can't breathe", not a denial of it
        ("I can't catch my breath", "breathless", True),
    ],
)  # fmt: skip
def test_a_denial_inside_a_rule_span_denies_it(text: str, finding: str, value: bool) -> None:
    assert found(text)[finding] is value


def test_an_aside_does_not_split_a_clause() -> None:
    text = "something bit my ankle by the wood pile, I think a small black spider"
    assert found(text)["venomous_bite"] is True


@pytest.mark.parametrize(
    "text",
    [
        "For well over a year I've ached all over",
        "Two months of cramps in the calves",
        "since one year my legs cramp",
        "Over the last 6 weeks his right leg has been getting weaker",
        "My calf cramps every night. This is already 3 months.",
        "creepy crawly legs, been like this 4 yrs",
        "Sx x6/12.",
        "a 6-month history of R calf pain on walking",
        "lump behind my knee, had it a few months",
    ],
)
def test_a_problem_of_more_than_a_month_is_long_standing(text: str) -> None:
    assert ("long_standing", True) in [(h[0], h[1]) for h in problem_duration(text)]


@pytest.mark.parametrize(
    "text", ["bitten by a snake 20 mins ago, leg is swelling", "my foot went white 40 min ago"]
)
def test_a_problem_that_began_minutes_or_hours_ago_came_on_suddenly(text: str) -> None:
    hits = {h[0]: h[1] for h in problem_duration(text)}
    assert hits == {"long_standing": False, "sudden_onset": True}


@pytest.mark.parametrize(
    "text",
    [
        "58M started simvastatin 40mg 3/52 ago; since then muscle pains",
        "I have been on omeprazole for 10 years",
        "BP 134/80 at 22/40, seen 3/12/2025",
    ],
)
def test_how_long_a_medicine_was_taken_or_a_date_is_not_the_problem_duration(text: str) -> None:
    assert "long_standing" not in {h[0] for h in problem_duration(text)}


@pytest.mark.parametrize(
    ("text", "years"),
    [("Am 42 years female.", 42), ("44, female.", 44), ("I am woman 62 years", 62),
     ("I am 45 years man, I stand all day", 45)],
)  # fmt: skip
def test_non_native_and_terse_ages_are_read(text: str, years: int) -> None:
    assert [h[1] for h in age(text)] == [years]


@pytest.mark.parametrize(
    ("text", "fever"),
    [("T 38.1, HR 92", True), ("temp 101.5F", True), ("temperature was 36.9", False),
     ("afebrile, T 36.5C", False)],
)  # fmt: skip
def test_a_measured_temperature_says_fever_or_not(text: str, fever: bool) -> None:
    assert [h[1] for h in temperature(text)] == [fever]


@pytest.mark.parametrize("text", ["T2DM on metformin", "38 weeks pregnant"])
def test_an_unrelated_number_says_nothing_about_fever(text: str) -> None:
    assert list(temperature(text)) == []


def test_a_borderline_temperature_is_read_as_neither_fever_nor_none() -> None:
    assert [h[1] for h in temperature("Temp 37.8")] == [None]
    assert "fever" not in found("My legs ache. Temperature 37.9 °C, pulse 96.")


@pytest.mark.parametrize(
    ("text", "frequent"),
    [("once or twice a week I get woken by a cramp", False), ("cramps 1-2 times a week", False),
     ("twice a week I get cramps", True), ("once a week at first, now every night", True)],
)  # fmt: skip
def test_a_measured_frequency_wins_over_the_words_it_contains(text: str, frequent: bool) -> None:
    assert found(text)["frequent_weekly"] is frequent


def test_a_bloke_is_a_man() -> None:
    assert found("52 yr old bloke, a bit overweight")["sex"] == "male"


@pytest.mark.parametrize(
    ("text", "often"),
    [("every nite", True), ("~5 nights/week", True), ("3-4 nights/wk", True),
     ("3rd time this wk", True), ("nightly x 4 months", True), ("every evening", True),
     ("once a month", False), ("once or twice a week", False), ("twice a week", True)],
)  # fmt: skip
def test_how_often_in_lay_and_clinical_forms(text: str, often: bool) -> None:
    assert [h[1] for h in frequency(text)] == [often]


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("numb around the back passage", "saddle_numbness"),  # the phrase says "my"
        ("new difficulty starting his stream", "bladder_bowel_change"),
        ("her face is going down on one side and she talk strange",
         "one_side_weakness_face_speech"),
        ("my son is out past the buoys in the lake and shouting that his leg has cramped",
         "in_deep_water_now"),
    ],
)  # fmt: skip
def test_warning_signs_in_everyday_words(text: str, finding: str) -> None:
    assert found(text)[finding] is True


def test_a_cramp_while_swimming_in_the_past_is_not_deep_water_now() -> None:
    assert "in_deep_water_now" not in found("I got cramp swimming in the lake last summer")


@pytest.mark.parametrize(
    ("text", "weeks"),
    [("34 weeks with baby no.1", 34), ("I'm 30 wks gone", 30), ("28 weeks into my pregnancy", 28)],
)
def test_pregnancy_weeks_in_everyday_forms(text: str, weeks: int) -> None:
    assert found(text)["pregnancy_weeks"] == weeks


def test_a_relative_and_an_age_with_only_a_space_between() -> None:
    assert found("my grandmother 81, she has cramps")["age"] == 81


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("She has had swollen lower legs for years", "ankles_swollen_both", True),
        ("Saddle sensation intact, no sphincter disturbance.", "saddle_numbness", False),
        ("Antenatal contact, 24/40 primip. BP 112/70, urine NAD", "high_blood_pressure_pregnancy",
         False),
        ("33 weeks pregnant, BP 150/100 today", "high_blood_pressure_pregnancy", True),
        ("I didn't warm up and my calf seized", "unaccustomed_exercise", True),
    ],
)  # fmt: skip
def test_readings_that_once_raised_false_alarms(text: str, finding: str, value: bool) -> None:
    assert found(text)[finding] is value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("She has had swollen lower legs for years", "calf_swollen_one_side"),
        ("the swelling is much better now but he has cramps in both calves",
         "calf_swollen_one_side"),
        ("I'm out of the sea and warmed up now, calf a bit achy", "calf_warm_red"),
        ("Diabetic foot review: 57M, no ulceration", "ulcer_or_black_toes"),
        ("Started wild swimming in the reservoir, water about 11 degrees now. Twice now my "
         "calf went hard and I floated back", "in_deep_water_now"),
        ("ran my first marathon on Sunday", "regular_sport"),
    ],
)  # fmt: skip
def test_words_that_do_not_mean_the_finding(text: str, finding: str) -> None:
    assert found(text).get(finding) is not True


def test_a_duration_in_years_is_not_an_age() -> None:
    assert found("57M, T1DM x 30 yrs on insulin")["age"] == 57


@pytest.mark.parametrize(
    "forms",
    [("ache", "aches", "ached", "aching"), ("headache", "headaches"), ("ankle", "ankles"),
     ("tingle", "tingling", "tingles"), ("bruise", "bruised", "bruises"), ("crutch", "crutches")],
)  # fmt: skip
def test_singular_plural_and_verb_forms_read_alike(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


def test_open_sores_stay_apart_from_a_sore_calf() -> None:
    assert stem("sores") != stem("sore")
    assert "ulcer_or_black_toes" not in found("my calf is sore after the cramp")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("nothing swollen, no limp", "calf_swollen_one_side"),
        ("isnt red isnt hot, just a lump behind my knee", "calf_warm_red"),
        ("30 wks, calf cramps at night. No headache.", "severe_headache"),
        ("She's not swollen and can walk fine.", "cannot_bear_weight"),
        ("Triage: spasms in both legs. Afebrile.", "fever"),
        ("Obs normal. Temp normal, chest clear.", "fever"),
    ],
)  # fmt: skip
def test_plain_denials_clinicians_and_carers_write(text: str, finding: str) -> None:
    assert found(text)[finding] is False


def test_a_denial_never_hides_the_same_sign_stated_elsewhere() -> None:
    text = "My face is not swollen. My left calf is swollen and hot."
    assert found(text)["calf_swollen_one_side"] is True


@pytest.mark.parametrize(
    ("text", "often"),
    [("maybe once a fortnight", False), ("get maybe one cramp a week", False),
     ("cramps around my period every month", False), ("It's only happened the once", False),
     ("3 cramps a week", True)],
)  # fmt: skip
def test_rare_attacks_are_not_frequent(text: str, often: bool) -> None:
    assert [h[1] for h in frequency(text)] == [often]


def test_noted_is_not_a_denial() -> None:
    text = "6-week hx of worse morning headaches with vomiting, personality change noted"
    assert found(text).get("severe_headache") is not False


@pytest.mark.parametrize(
    ("text", "new"),
    [("58M started simvastatin 40mg 3/52 ago; since then muscle pains", True),
     ("ON ATORVASTIN SINCE MARCH N NOW BOTH MY LEGS ACHE", True),
     ("my GP switched me to amlodipine about six weeks ago", True),
     ("I have been on furosemide for years", None),
     ("takes Lipitor and Lasix", None)],
)  # fmt: skip
def test_a_medicine_named_with_its_start_is_a_new_medicine(text: str, new: bool | None) -> None:
    assert found(text).get("began_new_medicine") is new


@pytest.mark.parametrize("text", ["PMH: T2DM, HTN.", "pmh t2dm, htn"])
def test_abbreviations_match_in_either_case(text: str) -> None:
    assert found(text)["known_diabetes"] is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [("calf just knots up when i run hills", "during_exercise"),
     ("Ran my first marathon yesterday and now all my muscles hurt", "after_exercise"),
     ("my 5 yr old wakes up crying about her legs", "wakes_from_sleep"),
     ("I'm 19 and I work out hard most days", "regular_sport")],
)  # fmt: skip
def test_exercise_and_sleep_in_everyday_words(text: str, finding: str) -> None:
    assert found(text)[finding] is True


@pytest.mark.parametrize(
    ("text", "years"),
    [("Nocturnal leg cramps. 76F. Meds: omeprazole 20 mg (5 yrs)", 76),
     ("My father has 79 years.", 79), ("Clinic letter: Mrs A, 82, has had cramps", 82)],
)  # fmt: skip
def test_ages_in_letters_and_notes(text: str, years: int) -> None:
    assert [h[1] for h in age(text)] == [years]


@pytest.mark.parametrize(
    ("text", "long"),
    [("L calf pain 2/7 after football", False), ("48 h of left calf pain", False),
     ("hv had pain in my R calf since yday, its swolen", False),
     ("I have had cramps for 3 months", True)],
)  # fmt: skip
def test_short_clinical_durations(text: str, long: bool) -> None:
    assert {h[0]: h[1] for h in problem_duration(text)}["long_standing"] is long


@pytest.mark.parametrize(
    "text", ["I work 24/7 and my legs cramp", "Had my right hip replaced 3 weeks ago"]
)
def test_not_a_duration_of_the_problem(text: str) -> None:
    assert "long_standing" not in {h[0] for h in problem_duration(text)}


@pytest.mark.parametrize(
    "text",
    ["I play 5-a-side twice a week and my calves cramp in the last 10 mins",
     "she swims for her club 6 times a week"],
)  # fmt: skip
def test_how_often_someone_plays_is_not_how_often_they_cramp(text: str) -> None:
    assert list(frequency(text)) == []


@pytest.mark.parametrize(
    ("text", "sex"),
    [("70 y/o M, smoker, walks 150 m", "male"), ("78M BIBA", "male"), ("(35m) cramps", "male"),
     ("Hi, 45f here", "female"), ("70 yr old M", "male")],
)  # fmt: skip
def test_age_and_sex_shorthand_is_read(text: str, sex: str) -> None:
    assert [h[1] for h in sex_of(text)] == [sex]


@pytest.mark.parametrize("text", ["walks 200m then calf pain", "temp 101F", "walk 50m before"])
def test_a_distance_or_a_temperature_is_not_a_sex(text: str) -> None:
    assert list(sex_of(text)) == []


def test_minutes_earlier_is_a_sudden_onset() -> None:
    assert (
        found("Ninety minutes earlier she had complained of a cramp in her leg.")["sudden_onset"]
        is True
    )


def test_a_first_ever_long_hike_is_unaccustomed_exercise() -> None:
    text = "I did my first ever 30km hike yesterday and now my shin hurts."
    assert found(text)["unaccustomed_exercise"] is True


@pytest.mark.parametrize(
    ("text", "long"),
    [("59M with 8 months of progressive weakness of the R foot.", True),
     ("leg cramps evry night for like 6 months, both calfs", True),
     ("6yo girl, 6 months of evening and night-time pain in both shins", True)],
)  # fmt: skip
def test_how_long_the_problem_has_lasted_in_case_report_wording(text: str, long: bool) -> None:
    assert found(text).get("long_standing") is long


@pytest.mark.parametrize(
    "text",
    ["I'm 24, been vegan for 2 years and don't take supplements",
     "I drink 4 pints, have done for 2 years"],
)  # fmt: skip
def test_how_long_a_habit_has_lasted_is_not_the_problem_s_duration(text: str) -> None:
    assert list(problem_duration(text)) == []


def test_the_age_someone_started_smoking_is_not_their_age() -> None:
    assert found("hello, i am man 59 years, i smoke since i am 16, my calf cramps")["age"] == 59


def test_when_a_stent_was_placed_is_not_how_long_the_problem_has_lasted() -> None:
    text = "A man with a stent placed 14 months earlier has had calf pain since this morning."
    assert found(text).get("long_standing") is not True


@pytest.mark.parametrize(
    "text", ["I walk 2 miles daily and my calves cramp at night sometimes",
             "On my feet all day at work and my calves cramp now and then"]
)  # fmt: skip
def test_a_daily_walk_or_a_day_on_the_feet_is_not_how_often_the_cramps_come(text: str) -> None:
    assert found(text).get("frequent_weekly") is not True


@pytest.mark.parametrize(
    "text",
    ["60/M, k/c/o T2DM x 15 yrs on metformin, c/o burning feet and cramps in calves.",
     "I stopped my statin six months ago because of muscle aches. Night cramps now."],
)  # fmt: skip
def test_how_long_a_disease_or_a_medicine_has_been_there_is_not_the_problem_s(text: str) -> None:
    assert list(problem_duration(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("60/M, chronic alcoholic, cramps", ["male"]), ("42/F, c/o cramps", ["female"]),
     ("Pt on nifedipine MR 30mg, calf cramps", []),
     ("Carer for my husband (MS, 20 years). His legs go stiff", ["male"]),
     ("My dad had a blood clot in his leg at 50, so I panic. I'm 47", []),
     ("Had a clot after my son was born in 2010. I'm 45", []),
     ("my husband's right foot became white and cold", ["male"]),
     ("My nan's in her seventies and gets cramps", ["female"]),
     ("my 6yo has had flu, says his calves hurt", ["male"]),
     ("G2P1 at 34/40. BP 158/104", ["female"]),
     ("my wife says I should lose weight. I'm 58", [])],
)  # fmt: skip
def test_whose_sex_the_story_gives(text: str, expected: list[str]) -> None:
    assert [h[1] for h in sex_of(text)] == expected


def test_a_pregnancy_says_the_person_is_a_woman() -> None:
    assert found("Expecting twins, calf cramps every night")["sex"] == "female"


@pytest.mark.parametrize(
    ("text", "years"),
    [("My wife she is 38. Before her period", 38), ("Client is 45, cerebral palsy", 45),
     ("Teacher, 38, on my feet all day", 38), ("I'm a hairdresser, 39, on my feet", 39),
     ("Cyclist here, 29. Got a cramp", 29), ("31 f, cramps in both calfs", 31),
     ("Playing tennis at 47, lunged", 47), ("Been a smoker since 16, now 48, 15 a day", 48),
     ("Mum's 77 and had a fall", 77), ("Dad (88) has been drinking", 88), ("58/F, c/o cramps", 58),
     ("A lump behind my right knee. Had it a few months. 55", 55)],
)  # fmt: skip
def test_more_ways_of_giving_an_age(text: str, years: int) -> None:
    assert [h[1] for h in age(text)] == [years]


@pytest.mark.parametrize(
    "text", ["she is 28 weeks pregnant", "he was 3 hours late", "at 10 pm the cramp came",
             "Woke at 4am with cramp", "I walk at 5 km/h"]
)  # fmt: skip
def test_numbers_that_are_not_ages(text: str) -> None:
    assert list(age(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Not on any water pills, no heart problems, calves cramp",
      {"med_thiazide": False, "med_loop_diuretic": False}),
     ("I drink plenty of water though, calves cramp.", {"low_fluid_intake": False}),
     ("I don't drink enough water and my calves cramp", {"low_fluid_intake": True}),
     ("No bladder symptoms. Legs stiff at night.", {"bladder_bowel_change": False})],
)  # fmt: skip
def test_denials_told_in_general_words(text: str, expected: dict[str, bool]) -> None:
    read = found(text)
    assert {k: read.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("do i need to get it looked at 47m", {"age": 47.0, "sex": "male"}),
        ("28 m dictating on my watch", {"age": 28.0, "sex": "male"}),
        ("31, 28 weeks with my second.", {"age": 31.0, "pregnancy_weeks": 28.0}),
        ("had her first baby 6 days ago", {"postpartum": True}),
        ("my son was born 2 weeks ago", {"postpartum": True}),
        ("drove down to spain 20 hrs in the van", {"long_journey": True}),
    ],
)
def test_ages_births_and_journeys_in_shorthand(text: str, expected: dict[str, object]) -> None:
    read = {f.id: f.value for f in read_text(MODEL, text)}
    assert {k: read.get(k) for k in expected} == expected


@pytest.mark.parametrize("text", ["I can only walk about 50m", "calf pain after I walk 50m."])
def test_a_distance_at_the_end_is_not_an_age_and_sex(text: str) -> None:
    read = {f.id: f.value for f in read_text(MODEL, text)}
    assert "age" not in read and "sex" not in read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I drink about 4 pints most nights", {"heavy_alcohol": True, "frequent_weekly": None}),
        ("a glass of wine a week", {"heavy_alcohol": False}),
        (
            "2 bottles of wine a night and cramps every night",
            {"heavy_alcohol": True, "night_cramps": True},
        ),
        ("she was out cold for about a minute", {"attacks_short": None}),
        (
            "calves ache when i walk up hill, goes off when i stop for a min",
            {"attacks_short": None},
        ),
        ("doing about 60 hours a week, my calves cramp", {"cramp_duration_s": None}),
        ("the cramp lasts about 2 minutes", {"cramp_duration_s": 120.0}),
        ("She had a febrile convulsion when she was 2", {"age": None}),
    ],
)
def test_amounts_read_for_what_they_measure(text: str, expected: dict[str, object]) -> None:
    read = {f.id: f.value for f in read_text(MODEL, text)}
    assert {k: read.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pins and needles in my right leg. Been about 8 weeks.", True),
        ("I get a cramping pain in my calves when I lie down. Three or four nights a week, for "
         "roughly 6 months.", True),
        ("Charley horses in both calves most nights, for like the last year.", True),
        ("74M, 1 yr hx of heaviness and numbness in both legs", True),
        ("The cramps come at night. I had prostate cancer 8 yrs ago but am clear now.", None),
        ("My calves cramp at night. I've been vegan for 3 years.", None),
        ("I've had night cramps 2-3 times a week since about spring.", None),
    ],
)  # fmt: skip
def test_how_long_when_the_time_stands_alone(text: str, expected: object) -> None:
    assert {f.id: f.value for f in read_text(MODEL, text)}.get("long_standing") is expected


def test_an_age_told_as_a_number_and_a_comma_after_a_first_sentence() -> None:
    read = {f.id: f.value for f in read_text(MODEL, "Bit embarrassing. 36, mum of two.")}
    assert read.get("age") == 36
    assert "age" not in {f.id for f in read_text(MODEL, "It lasted ages. 20, 30 seconds maybe")}


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("It wakes me up and lasts maybe 90 seconds before it lets go.", 90.0),
        ("72F. Nocturnal calf cramps. Each episode ~5 min.", 300.0),
        ("Each resolves in ~2 min.", 120.0),
        ("Lasts a good 10 minuts each time.", 600.0),
        ("I walk for 20 minutes before I go to bed and get cramps", None),
    ],
)
def test_how_long_each_attack_lasts_in_note_and_typo_forms(text: str, seconds: object) -> None:
    assert {f.id: f.value for f in read_text(MODEL, text)}.get("cramp_duration_s") == seconds


def test_how_long_someone_sat_is_not_how_long_the_cramp_lasted() -> None:
    read = found("Sat cross-legged on the floor for an hour doing a jigsaw. When I got up the "
                 "calf cramped for about a minute.")  # fmt: skip
    assert read["cramp_duration_s"] == 60.0
    assert read["attacks_short"] is True


def test_a_count_after_smoking_is_cigarettes_not_cramps() -> None:
    assert "frequent_weekly" not in found("smoking since young, 20 a day")


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Her confusion is at her usual level, no more muddled than normal.", "confusion", False),
        ("Alzheimer's (baseline mildly confused), osteoarthritis.", "confusion", False),
        ("she is more confused than her baseline today", "confusion", True),
        ("Now breathing normally, very drowsy and muddled, not at baseline.", "confusion", True),
        ("stage 3b chronic kidney disease, found sweating and confused", "confusion", True),
        ("paracetamol 1 g four times a day", "frequent_weekly", None),
        ("Every evening his ankles and shins swell", "frequent_weekly", None),
        ("every night my ankles swell and my calves cramp", "frequent_weekly", True),
        ("frequent calf and foot cramps at training", "frequent_weekly", True),
        ("lymphoedema after pelvic radiotherapy decades ago, no current cancer", "active_cancer",
         False),
        ("lymphoedema after pelvic radiotherapy decades ago, no current cancer",
         "past_cancer_treatment", True),
        ("a hysterectomy with lymph nodes removed for womb cancer 4 years ago",
         "recent_surgery", None),
        ("on chemo for breast cancer", "active_cancer", True),
        ("had a knee replacement 3 weeks ago", "recent_surgery", True),
    ],
)  # fmt: skip
def test_the_usual_state_and_the_distant_past_are_not_new(
    text: str, finding: str, value: object
) -> None:
    assert {f.id: f.value for f in read_text(MODEL, text)}.get(finding) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My left leg has been swollen for about 2 years since my cancer surgery.", True),
        ("my left leg has been bigger than the right since my hysterectomy in 2015", True),
        ("Her right leg has been swollen for years; no sudden change, not red.", True),
        ("My right leg has been swollen for a week and the calf is sore.", None),
        ("My left leg has been swollen for years. Since Tuesday it is much bigger and sore.",
         None),
        ("I have lymphoedema in my left leg. Since yesterday it is bigger and painful.", True),
    ],
)  # fmt: skip
def test_swelling_timed_in_months_or_years_is_long_standing_but_days_are_not(
    text: str, expected: object
) -> None:
    assert found(text).get("leg_swelling_chronic") == expected


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("My leg has been swollen for about 2 years since my cancer surgery.", "active_cancer"),
        ("My leg has been swollen for about 2 years since my cancer surgery.", "recent_surgery"),
        ("my leg has been bigger than the right since my hysterectomy in 2015",
         "recent_surgery"),
    ],
)  # fmt: skip
def test_an_operation_dated_years_back_is_not_recent(text: str, finding: str) -> None:
    assert found(text).get(finding) is None


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Q: confused / fainted? A: no / no.", "confusion", False),
        ("Q: confused / fainted? A: no / yes.", "loss_of_consciousness", True),
        ("Q: chest pain? A: no. Q: calf swollen? A: yes, the left", "chest_pain", False),
        ("Bot: Any fever?\nUser: nope", "fever", False),
        ("Bot: Fever / vomiting?\nUser: felt sick this morning", "fever", None),
        ("Bot: Any change in your urine?\nUser: yes its like coke colour", "dark_urine", True),
        ("Q: legs? A: both aching. Q: urine? A: dark brown for 2 days", "dark_urine", True),
        ("Q: can she stand / take steps? A: no, tried, screamed.", "cannot_bear_weight", True),
        ("Breathless \u2717 / chest pain \u2717 / coughing blood \u2717", "chest_pain", False),
        ("\u2717 chest pain \u2713 swelling of the left calf", "calf_swollen_one_side", True),
        ("Swelling one leg: nil. Fever: no.", "calf_swollen_one_side", False),
        ("Sudden swelling/calf pain: no", "calf_swollen_one_side", False),
        ("calf swollen and painful since tuesday: no fever", "calf_swollen_one_side", True),
        ("Chest pain: N", "chest_pain", False),
    ],
)  # fmt: skip
def test_questions_answers_ticks_and_form_headings(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) == value


def test_a_line_break_before_a_new_form_field_ends_a_hypothetical() -> None:
    text = "Pharmacy - Repeat Prescription Query Form\nMedicine: quinine for cramps"
    assert found(text).get("med_quinine") is True


def test_a_line_wrapped_mid_sentence_keeps_its_denial() -> None:
    assert found("no chest pain or\nbreathlessness").get("breathless") is False


def test_nurse_line_is_not_a_job_on_the_feet_but_being_a_nurse_is() -> None:
    assert found("Nurse line. 36M driver, calves cramp.").get("prolonged_standing") is None
    assert found("I'm a nurse and my calves cramp").get("prolonged_standing") is True


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("My mum has had leg cramps for a week and today she's muddled", "confusion", True),
        ("My mum has had leg cramps for a week and today she's muddled", "muscle_hardens", True),
        ("My mum had a clot in her leg. I have cramps.", "previous_clot", None),
        ("My dad is 80. His brother had a clot. Dad's calf is swollen.", "previous_clot", None),
        ("My husband is 60, family history of clots: his mother had a DVT.", "previous_clot",
         None),
    ],
)  # fmt: skip
def test_in_a_story_about_a_relative_their_own_history_counts_but_others_does_not(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


def test_a_wh_question_in_a_chat_takes_its_finding_as_given() -> None:
    text = "Bot: Where do you get the cramps?\nMe: calves\nBot: How often?\nMe: most nights"
    assert found(text).get("muscle_hardens") is True


def test_a_spaced_slash_before_a_new_field_ends_a_denial() -> None:
    text = "Swelling of one leg: none / Chest pain: N / Cramps: calves, 2-3 times a week"
    read = found(text)
    assert read.get("muscle_hardens") is True and read.get("chest_pain") is False


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("Tick all that apply: [x] calf cramps at night  [ ] chest pain  [ ] weight loss",
         "chest_pain", False),
        ("Tick all that apply: [x] calf cramps at night  [ ] chest pain", "night_cramps", True),
        ("[\u2713] Wakes me at night\n[\u2717] Tingling or numbness", "tingling_numbness", False),
        ("Chest pain [ ]\nSwelling left calf [x]", "calf_swollen_one_side", True),
        ("Chest pain [ ]\nSwelling left calf [x]", "chest_pain", False),
        ("Found on floor. Able to stand with 2 staff: No - cries out", "cannot_bear_weight", True),
        ("Weight bearing: nil", "cannot_bear_weight", True),
        ("Walking: no problems", "cannot_bear_weight", None),
        ("Main concern: Mum has had leg cramps for a week and today she's muddled", "confusion",
         True),
        ("Mum had DVT when she was my age. I get cramps.", "previous_clot", None),
    ],
)  # fmt: skip
def test_form_boxes_fields_and_carers_notes(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) == value


def test_weeks_standing_alone_in_a_pregnancy_story_are_weeks_of_pregnancy() -> None:
    text = "35 weeks. Calf cramps most nights, which the midwife said is normal."
    assert found(text).get("pregnancy_weeks") == 35
    assert found("Cramps for 3 weeks. Started a new tablet.").get("pregnant") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23, female, vegan for a year. My feet cramp at night.", None),
        ("I've had an irregular heartbeat for years. My foot went cold an hour ago.", None),
        ("I've had diabetes for 10 years and cramps for months", True),
        ("my calves have cramped for years", True),
        ("calf cramps in the afternoons and evening for 3 days", False),
    ],
)
def test_a_duration_that_times_a_habit_or_another_condition_is_not_the_problems(
    text: str, expected: object
) -> None:
    assert found(text).get("long_standing") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("passing cola-coloured urine since last night", None),
        ("I work nights as a nurse and my calves cramp", None),
        ("big toe red hot swollen, came on overnight", None),
        ("my calves cramp at night", True),
        ("I work nights and my calves cramp in bed", True),
    ],
)
def test_night_words_that_time_an_onset_or_a_job_are_not_night_cramps(
    text: str, expected: object
) -> None:
    assert found(text).get("night_cramps") == expected


def test_losing_ones_footing_is_not_the_foot() -> None:
    assert found("Lost my footing at football and heard a pop").get("site_foot") is None


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("No chest pain, no cough, calf tender. R calf swollen.", "chest_pain", False),
        ("No fever, no cough, no calf tenderness", "calf_tender", False),
        ("no bruises, no fevers, no limp, hasn't lost any weight", "weight_loss", False),
        ("No headaches, no problems with my eyes, my face and hands aren't puffy",
         "sudden_swelling_face_hands", False),
        ("no red lumps, nothing hot, one leg isn't bigger than the other",
         "calf_swollen_one_side", False),
        ("Not on a statin despite known hypercholesterolaemia", "known_high_cholesterol", True),
        ("Cramps not limited to the legs: carpopedal spasm and perioral tingling.",
         "mouth_tingling_hand_spasm", True),
        ("Statin stopped 3 months ago. Nightly cramps persist.", "med_statin", False),
        ("atorvastatin was stopped in May but restarted in June", "med_statin", True),
        ("Indapamide at home - held. Cramps both legs.", "med_thiazide", True),
    ],
)  # fmt: skip
def test_denials_that_stop_at_their_own_item_or_at_a_contrast(
    text: str, finding: str, value: object
) -> None:
    assert found(text).get(finding) == value


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "My 3-year-old got into his grandmother's handbag and I've found her strip of quinine "
            "tablets (she takes them for cramps) with 4 missing.",
            "poisoning_suspected",
        ),
        (
            "she broke her shin bone skiing; the pain is much worse than when she broke it and "
            "the cast feels too tight",
            "tense_leg_after_injury",
        ),
        ("13 year old fell hard on his side off his skateboard", "leg_injury"),
        ("he's mumbling nonsense and doesn't seem to recognise me properly", "confusion"),
    ],
)
def test_childrens_emergencies_told_by_parents(text: str, finding: str) -> None:
    assert found(text).get(finding) is True


def test_a_calf_that_feels_tight_above_a_cast_is_not_a_cast_too_tight() -> None:
    text = "the calf above the cast feels tight and is larger than the left"
    assert found(text).get("tense_leg_after_injury") is None


@pytest.mark.parametrize(
    ("text", "long_standing"),
    [
        ("Hello, from 2 month my both legs is burning in feet", True),
        ("My legs are pulling in evening. Is 2 years like this.", True),
        ("Three month already cramps in feet in evening", True),
        ("Every night since half year the legs are pulling", True),
        ("I have cramps from 10 years, I am 72 now", True),
        ("Is 3 days my left leg is hurt in calf", False),
        ("he is 10 years old, cramps from 2 weeks", False),
    ],
)  # fmt: skip
def test_durations_as_written_by_people_who_think_in_another_language(
    text: str, long_standing: bool
) -> None:
    assert found(text).get("long_standing") is long_standing


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        # a denied state runs on through a list of states, unless a contrast follows
        ("I'm not sweaty, shaky or muddled at all.", "confusion", False),
        ("I'm not sweaty, shaky or muddled at all.", "hypo_symptoms", False),
        ("I'm not weak, just sore all the time.", "constant_pain", True),
        # an aside "I think" keeps the clause; "so I think it's ..." starts a new one
        ("the calf isn't swollen, I think, just sore", "calf_swollen_one_side", False),
        # an apology's "if" is not a condition
        ("Sorry if this is a silly question but my calf is swollen and hot.", "calf_warm_red",
         True),
        # what a condition "can make you" feel is not what the person has
        ("I read that cramps can mean low potassium, which can make you faint.",
         "loss_of_consciousness", None),
        ("My friend ended up in hospital with cola-coloured pee after a spin class",
         "dark_urine", None),
        ("My neighbour's foot went cold and blue and he lost two toes", "leg_cold_pale_sudden",
         None),
        # the baby is born: not pregnant now
        ("I'm 8 days after having my baby. My calf is swollen.", "pregnant", None),
        ("I'm 8 days after having my baby. My calf is swollen.", "postpartum", True),
    ],
)  # fmt: skip
def test_lists_asides_and_other_peoples_signs(text: str, finding: str, value: object) -> None:
    assert found(text).get(finding) == value
