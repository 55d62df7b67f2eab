"""Hand-made diaries become findings the engine understands, each with its evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine

from crampcheck.diary.db import transaction
from crampcheck.diary.patterns import DiaryFinding, diary_findings, medicine_class
from crampcheck.diary.repository import update_profile
from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import default_model
from crampcheck.knowledge import load_kb
from tests.diary.conftest import AddEpisodes, episode

TODAY = dt.date(2026, 11, 21)


def _day(days_ago: int, time: str = "03:10:00+01:00") -> str:
    return f"{(TODAY - dt.timedelta(days=days_ago)).isoformat()}T{time}"


def _findings(engine: Engine) -> dict[str, DiaryFinding]:
    with transaction(engine, write=False) as session:
        return {f.id: f for f in diary_findings(session, today=TODAY)}


def _values(found: dict[str, DiaryFinding]) -> dict[str, Any]:
    return {fid: f.value for fid, f in found.items()}


@pytest.fixture
def night_sleeper(engine: Engine, add: AddEpisodes) -> dict[str, DiaryFinding]:
    """9 of 10 episodes at night while asleep, all in the left calf, over the last 4 weeks."""
    add(*(episode(at=_day(3 * n)) for n in range(9)))
    add(episode(at=_day(2, "15:00:00+01:00"), activity="walking", duration_s=30))
    return _findings(engine)


def test_night_cramps_come_with_their_counts(night_sleeper: dict[str, DiaryFinding]) -> None:
    night = night_sleeper["night_cramps"]
    assert night.value is True
    assert night.evidence == "9 of 10 episodes between 22:00 and 07:00 local time"


def test_a_night_sleeper_diary(night_sleeper: dict[str, DiaryFinding]) -> None:
    # 25 days old: too young for a trend (getting_more_frequent) or long_standing.
    assert _values(night_sleeper) == {
        "night_cramps": True,
        "wakes_from_sleep": True,
        "during_exercise": False,
        "while_swimming": False,
        "on_stretching": False,
        "site_calf": True,
        "site_foot": False,
        "site_toes": False,
        "site_thigh": False,
        "one_leg_only": True,
        "both_legs": False,
        "frequent_weekly": True,
        "cramp_duration_s": 120.0,
    }
    assert night_sleeper["one_leg_only"].evidence == "10 of 10 episodes in the left leg only"
    assert night_sleeper["frequent_weekly"].evidence == (
        "10 episodes in the 25 days up to 2026-11-21 (2.8 a week)"  # the diary is 25 days old
    )


def test_a_daytime_sporty_diary(engine: Engine, add: AddEpisodes) -> None:
    add(
        episode(at=_day(1, "10:00:00+00:00"), activity="running", side="left"),
        episode(at=_day(2, "11:00:00+00:00"), activity="swimming", side="right"),
        episode(at=_day(5, "18:00:00+00:00"), activity="swimming", side="both", muscle="foot"),
        episode(at=_day(9, "12:00:00+00:00"), activity="running", side="right"),
    )
    values = _values(_findings(engine))
    assert values["night_cramps"] is False
    assert values["during_exercise"] is True
    assert values["while_swimming"] is True
    assert values["wakes_from_sleep"] is False
    assert (values["one_leg_only"], values["both_legs"]) == (False, True)
    assert values["site_calf"] is True
    assert "site_foot" not in values  # 1 of 4 (25 %): neither common nor absent


def test_a_mixed_diary_leaves_night_cramps_unknown(engine: Engine, add: AddEpisodes) -> None:
    add(*(episode(at=_day(n, "03:00:00+01:00" if n % 2 else "15:00:00+01:00")) for n in range(4)))
    assert "night_cramps" not in _findings(engine)


def test_fewer_than_three_episodes_say_nothing(engine: Engine, add: AddEpisodes) -> None:
    add(episode(at=_day(1)), episode(at=_day(2)))
    assert _findings(engine) == {}


def test_a_growing_long_standing_problem(engine: Engine, add: AddEpisodes) -> None:
    add(episode(at=_day(50)), *(episode(at=_day(n)) for n in range(6)))
    found = _findings(engine)
    assert found["getting_more_frequent"].value is True
    assert found["getting_more_frequent"].evidence.startswith(
        "more frequent than a month ago: 6 episode(s) in the 4 weeks up to 2026-11-21 against 1"
    )
    assert found["long_standing"].value is True
    assert found["long_standing"].evidence == "first episode on 2026-10-02, 50 days ago"


def test_a_rare_and_steady_diary(engine: Engine, add: AddEpisodes) -> None:
    add(*(episode(at=_day(n)) for n in (2, 12, 30, 40, 50)))
    values = _values(_findings(engine))
    assert values["frequent_weekly"] is False  # 2 in 28 days
    assert values["getting_more_frequent"] is False  # 2 against 3: about as frequent


def test_heat_tags_on_a_third_of_episodes(engine: Engine, add: AddEpisodes) -> None:
    add(
        *(
            episode(at=_day(n), tags=["heat"] if n < 2 else ["sauna", "sweating"] if n < 3 else [])
            for n in range(9)
        )
    )
    found = _findings(engine)
    assert found["heat_sweating"].value is True
    assert found["heat_sweating"].evidence == "3 of 9 episodes tagged heat/hot/hot-weather"
    assert "cold_exposure" not in found


def test_the_profile_gives_age_sex_and_pregnancy(engine: Engine) -> None:
    with transaction(engine) as session:
        update_profile(
            session,
            {"birth_year": 1990, "sex": "female", "due_date": "2027-02-13"},
        )
    found = _findings(engine)
    assert _values(found) == {"age": 36, "sex": "female", "pregnant": True, "pregnancy_weeks": 28.0}
    assert found["pregnant"].evidence == "due date 2027-02-13 in the profile"


@pytest.mark.parametrize(("since", "expected"), [("2026-11-01", True), ("2026-09-01", False)])
def test_postpartum_lasts_six_weeks(engine: Engine, since: str, expected: bool) -> None:
    with transaction(engine) as session:
        update_profile(session, {"postpartum_since": since})
    assert _findings(engine)["postpartum"].value is expected


def test_a_due_date_long_past_says_nothing_about_pregnancy(engine: Engine) -> None:
    with transaction(engine) as session:
        update_profile(session, {"due_date": "2026-01-01"})
    assert _findings(engine) == {}


@pytest.mark.parametrize(
    ("name", "finding"),
    [
        ("Furosemide 40 mg", "med_loop_diuretic"),
        ("atorvastatin", "med_statin"),
        ("simvastatin", "med_statin"),
        ("omeprazole", "med_ppi"),
        ("salbutamol inhaler", "med_beta2_agonist"),
        ("hydrochlorothiazide", "med_thiazide"),
        ("nifedipine", "med_calcium_channel_blocker"),
        ("amlodipine", "med_calcium_channel_blocker"),
        ("insulin glargine", "med_insulin_or_sulfonylurea"),
        ("gliclazide", "med_insulin_or_sulfonylurea"),
        ("the pill", "med_estrogen"),
        ("HRT patch", "med_estrogen"),
        ("paracetamol", None),
        ("pillow spray", None),
    ],
)
def test_medicines_map_to_their_class(name: str, finding: str | None) -> None:
    assert medicine_class(name) == finding


def test_a_new_medicine_before_the_first_episode(engine: Engine, add: AddEpisodes) -> None:
    add(*(episode(at=_day(n)) for n in (1, 2, 3)))
    with transaction(engine) as session:
        medicines = [{"name": "atorvastatin", "start_date": "2026-10-01"}, {"name": "aspirin"}]
        update_profile(session, {"medicines": medicines})
    found = _findings(engine)
    assert found["med_statin"].value is True
    assert found["began_new_medicine"].value is True
    assert found["began_new_medicine"].evidence == (
        "first episode on 2026-11-18, 48 days after starting atorvastatin on 2026-10-01"
    )


def test_a_medicine_started_long_before(engine: Engine, add: AddEpisodes) -> None:
    add(*(episode(at=_day(n)) for n in (1, 2, 3)))
    with transaction(engine) as session:
        update_profile(session, {"medicines": [{"name": "omeprazole", "start_date": "2020-01-01"}]})
    assert _findings(engine)["began_new_medicine"].value is False


def test_every_finding_is_one_the_engine_accepts(
    night_sleeper: dict[str, DiaryFinding], engine: Engine
) -> None:
    with transaction(engine) as session:
        update_profile(
            session,
            {
                "birth_year": 1958,
                "sex": "female",
                "medicines": [
                    {"name": f, "start_date": "2026-11-01"} for f in ("lasix", "the pill")
                ],
            },
        )
    found = _findings(engine)
    kinds = {f.id: f.type for f in load_kb().findings}
    expected: dict[str, type | tuple[type, ...]] = {
        "yes_no": bool,
        "number": (int, float),
        "choice": str,
    }
    for finding in found.values():
        assert isinstance(finding.value, expected[kinds[finding.id]]), finding
        assert finding.evidence
    read_answers(default_model(), {f.id: f.value for f in found.values()})


def test_read_diary_findings_opens_and_closes_the_configured_diary(
    engine: Engine, cli_env: str
) -> None:
    from crampcheck.diary import read_diary_findings

    with transaction(engine) as session:
        update_profile(session, {"sex": "male"})
    assert read_diary_findings(today=TODAY) == [DiaryFinding("sex", "male", "profile: male")]
