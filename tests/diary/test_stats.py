"""Statistics on a hand-made diary, checked number by number."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import Engine

from crampcheck.diary.db import transaction
from crampcheck.diary.stats import DiaryStats, compute_stats, median, trend
from tests.diary.conftest import AddEpisodes, episode

TODAY = dt.date(2026, 11, 21)
DIARY = [
    episode(at="2026-10-05T23:30:00+01:00", duration_s=60, severity=5, tags=["heat"]),
    episode(at="2026-10-06T03:00:00+01:00", duration_s=120, severity=7),
    episode(
        at="2026-10-20T14:00:00+01:00",
        duration_s=30,
        severity=3,
        muscle="foot",
        side="right",
        activity="walking",
        tags=["heat"],
    ),
    episode(at="2026-11-02T02:00:00-05:00", duration_s=90, severity=6, side="both"),
    episode(
        at="2026-11-16T06:59:00+01:00",
        duration_s=600,
        severity=9,
        muscle="thigh",
        activity="running",
        tags=["wine"],
    ),
    episode(
        at="2026-11-17T07:00:00+01:00",
        duration_s=45,
        severity=2,
        activity="stretching",
        tags=["wine"],
    ),
    episode(
        at="2026-11-17T22:00:00+01:00",
        duration_s=200,
        severity=8,
        muscle="toes",
        side="right",
        tags=["heat", "wine"],
    ),
    episode(at="2026-11-20T03:10:00+01:00", duration_s=120, severity=7),
]


@pytest.fixture
def stats(engine: Engine, add: AddEpisodes) -> dict[str, Any]:
    add(*DIARY)
    with transaction(engine, write=False) as session:
        return compute_stats(session, today=TODAY).to_dict()


def test_counts_span_and_rate(stats: dict[str, Any]) -> None:
    assert stats["episodes"] == 8
    assert stats["period"] == {
        "since": None,
        "until": None,
        "first_episode": "2026-10-05",
        "last_episode": "2026-11-20",
        "days": 47,
    }
    assert stats["per_week"] == 1.19  # 8 / 47 days * 7


def test_episodes_per_week_start_on_monday_and_include_empty_weeks(stats: dict[str, Any]) -> None:
    assert [(w["week_of"], w["episodes"]) for w in stats["weekly"]] == [
        ("2026-10-05", 2),
        ("2026-10-12", 0),
        ("2026-10-19", 1),
        ("2026-10-26", 0),
        ("2026-11-02", 1),
        ("2026-11-09", 0),
        ("2026-11-16", 4),
    ]


def test_night_is_22_to_07_in_the_episodes_own_local_time(stats: dict[str, Any]) -> None:
    # 23:30, 03:00, 02:00 (at -05:00), 06:59, 22:00, 03:10 are night; 14:00 and 07:00 are not.
    assert stats["night"]["episodes"] == 6
    assert stats["night"]["share"] == 0.75
    assert stats["night"]["text"] == "6 of 8 episodes between 22:00 and 07:00"


def test_duration_severity_and_counts(stats: dict[str, Any]) -> None:
    assert stats["duration_s"] == {"median": 105.0, "longest": 600}
    assert stats["severity"] == {"median": 6.5}
    assert stats["by_muscle"] == {"calf": 5, "foot": 1, "toes": 1, "thigh": 1, "other": 0}
    assert stats["by_side"] == {"left": 5, "right": 2, "both": 1}
    assert stats["by_activity"] == {
        "sleeping": 5,
        "resting": 0,
        "sitting": 0,
        "standing": 0,
        "walking": 1,
        "running": 1,
        "swimming": 0,
        "stretching": 1,
    }


def test_hour_by_weekday(stats: dict[str, Any]) -> None:
    counts = stats["hour_by_weekday"]["counts"]
    cells = {(d, h): n for d, row in enumerate(counts) for h, n in enumerate(row) if n}
    monday, tuesday, friday = 0, 1, 4
    assert cells == {
        (monday, 23): 1,
        (monday, 2): 1,
        (monday, 6): 1,
        (tuesday, 3): 1,
        (tuesday, 14): 1,
        (tuesday, 7): 1,
        (tuesday, 22): 1,
        (friday, 3): 1,
    }


def test_the_trend_gives_a_verdict_and_the_numbers(stats: dict[str, Any]) -> None:
    # The diary began on 2026-10-05: 3 episodes in 20 days is 4.2 in 4 weeks, against 5 now.
    assert stats["trend"] == {
        "verdict": "about as frequent as a month ago",
        "direction": "same",
        "recent_episodes": 5,
        "recent_from": "2026-10-25",
        "recent_until": "2026-11-21",
        "previous_episodes": 3,
        "previous_from": "2026-09-27",
        "previous_until": "2026-10-24",
        "previous_days_covered": 20,
        "text": "about as frequent as a month ago: 5 episode(s) in the 4 weeks up to 2026-11-21 "
        "against 3 in the 20 days before",
    }


def test_tags_come_with_every_count_behind_the_verdict(stats: dict[str, Any]) -> None:
    heat, wine = stats["tags"]
    assert heat | {"summary": ""} == {
        "tag": "heat",
        "episodes": 3,
        "days": 3,
        "episodes_on_tag_days": 4,
        "other_cramp_days": 4,
        "episodes_on_other_cramp_days": 4,
        "next_day_checked": 3,
        "next_day_with_cramp": 1,
        "baseline_days": 46,
        "baseline_days_with_cramp": 6,
        "accompanies": False,  # 1.33 a day against 1.0: less than 1.5 times
        "precedes": True,  # 1 of 3 next days (33 %) against 6 of 46 days (13 %)
        "summary": "",
    }
    assert (wine["episodes"], wine["days"], wine["episodes_on_tag_days"]) == (3, 2, 3)
    assert (wine["accompanies"], wine["precedes"]) == (True, True)
    assert wine["summary"] == (
        "wine: 3 episode(s) on 2 day(s); those days had 1.5 episodes each against 1.0 on the "
        "5 other day(s) with cramps; a cramp came the next day after 1 of 2 such days (50%) "
        "against 13% of all days"
    )


def test_since_and_until_limit_every_figure(engine: Engine, add: AddEpisodes) -> None:
    add(*DIARY)
    with transaction(engine, write=False) as session:
        stats = compute_stats(session, dt.date(2026, 11, 16), dt.date(2026, 11, 17))
    assert (stats.episodes, stats.days, stats.night_episodes) == (3, 2, 2)
    assert stats.by_muscle["thigh"] == 1 and stats.by_muscle["foot"] == 0
    assert stats.trend.end == dt.date(2026, 11, 17)
    assert [t.tag for t in stats.tags] == ["wine", "heat"]


def test_an_empty_diary_has_no_figures_to_invent(engine: Engine) -> None:
    with transaction(engine, write=False) as session:
        stats: DiaryStats = compute_stats(session, today=TODAY)
    data = stats.to_dict()
    assert (data["episodes"], data["per_week"], data["weekly"], data["tags"]) == (0, 0.0, [], [])
    assert data["night"]["share"] is None
    assert data["duration_s"] == {"median": None, "longest": None}
    assert data["trend"]["direction"] == "unknown"


@pytest.mark.parametrize(
    ("recent", "previous", "direction", "verdict"),
    [
        (6, 2, "more", "more frequent than a month ago"),
        (3, 2, "same", "about as frequent as a month ago"),  # 1.5 times, but only 1 more
        (4, 3, "same", "about as frequent as a month ago"),
        (1, 5, "less", "less frequent than a month ago"),
        (2, 0, "unknown", "too few episodes in the last 8 weeks to tell a trend"),
        (3, 0, "more", "more frequent than a month ago"),
    ],
)
def test_trend_verdicts(recent: int, previous: int, direction: str, verdict: str) -> None:
    day_counts = {TODAY: recent, TODAY - dt.timedelta(days=40): previous}
    result = trend(day_counts, TODAY, start=dt.date(2026, 1, 1))
    assert (result.direction, result.verdict) == (direction, verdict)
    assert (result.recent, result.previous) == (recent, previous)


def test_episodes_outside_the_two_windows_do_not_count_for_the_trend() -> None:
    result = trend({TODAY - dt.timedelta(days=56): 9, TODAY + dt.timedelta(days=1): 9}, TODAY)
    assert (result.recent, result.previous, result.covered) == (0, 0, 28)


def test_a_diary_younger_than_six_weeks_has_no_trend_yet() -> None:
    result = trend(
        {TODAY: 9, TODAY - dt.timedelta(days=40): 1}, TODAY, start=TODAY - dt.timedelta(days=40)
    )
    assert (result.direction, result.covered) == ("unknown", 13)
    assert result.verdict == "the diary does not reach back far enough to tell a trend"


def test_a_partly_covered_earlier_month_is_scaled_to_four_weeks() -> None:
    # 2 episodes in the 14 covered days are 4 in 4 weeks; 6 now is 1.5 times that and 2 more.
    day_counts = {TODAY: 6, TODAY - dt.timedelta(days=41): 2}
    result = trend(day_counts, TODAY, start=TODAY - dt.timedelta(days=41))
    assert (result.direction, result.covered) == ("more", 14)
    assert result.to_dict()["text"].endswith("against 2 in the 14 days before")


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, None),
        ({5: 1}, 5.0),
        ({1: 1, 2: 1}, 1.5),
        ({1: 2, 9: 1}, 1.0),
        ({1: 1, 3: 2, 8: 1}, 3.0),
    ],
)
def test_median_of_counted_values(counts: dict[int, int], expected: float | None) -> None:
    assert median(counts) == expected
