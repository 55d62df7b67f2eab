"""Diary statistics: how often, when, how long, where, the trend and the tags.

All figures are over the episodes on local dates ``since``..``until`` (both
optional, inclusive); the SQL does the grouping (see :mod:`.queries`).

* **per week** — episodes / (days from ``since`` or the first episode to
  ``until`` or the last episode, at least 7) x 7; plus a count per week
  (weeks start on Monday).
* **night** — share of episodes between 22:00 and 07:00 in the episode's own
  local time (the offset it was recorded with).
* **duration** — median and longest, in seconds; **severity** — median.
* **by muscle, side, activity** — counts, every value listed.
* **trend** — episodes in the 28 days ending ``until`` (or today) against the
  28 days before. When the diary (``since``, else its first episode) began
  inside those earlier 4 weeks, their count is scaled up to 4 weeks; when it
  covers fewer than 14 of those days there is no verdict. "more frequent than a
  month ago" when the recent count is at least 1.5 times the earlier one and at
  least 2 more; "less frequent" the other way round; otherwise "about as
  frequent". With fewer than 3 episodes in those 8 weeks there is no verdict.
* **tags** — see :mod:`.triggers`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from crampcheck.diary.models import ACTIVITIES, MUSCLES, SIDES
from crampcheck.diary.queries import (
    Period,
    day_hour_counts,
    duration_counts,
    kind_counts,
    tag_day_counts,
)
from crampcheck.diary.schemas import iso as _iso
from crampcheck.diary.triggers import TagStat, tag_stats

NIGHT_FROM, NIGHT_UNTIL = 22, 7
TREND_DAYS = 28
TREND_RATIO = 1.5
TREND_MIN_CHANGE = 2
TREND_MIN_EPISODES = 3
TREND_MIN_COVERED = 14
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
Direction = Literal["more", "less", "same", "unknown"]
VERDICTS: dict[Direction, str] = {
    "more": "more frequent than a month ago",
    "less": "less frequent than a month ago",
    "same": "about as frequent as a month ago",
    "unknown": "too few episodes in the last 8 weeks to tell a trend",
}
YOUNG = "the diary does not reach back far enough to tell a trend"


def is_night(hour: int) -> bool:
    """22:00 to 06:59 local time."""
    return hour >= NIGHT_FROM or hour < NIGHT_UNTIL


def median(counts: Mapping[int, int]) -> float | None:
    """The median of values given as {value: how many times}."""
    total = sum(counts.values())
    if not total:
        return None
    middle = {(total - 1) // 2, total // 2}
    picked: list[int] = []
    seen = 0
    for value in sorted(counts):
        picked += [value for index in middle if seen <= index < seen + counts[value]]
        seen += counts[value]
    return sum(picked) / len(picked)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class Trend:
    """Episodes in the last 28 days against the 28 days before, with a verdict."""

    direction: Direction
    recent: int
    previous: int
    end: dt.date
    covered: int  # days of the earlier 4 weeks that the diary covers

    @property
    def verdict(self) -> str:
        """The plain-words verdict."""
        if self.direction == "unknown" and self.covered < TREND_MIN_COVERED:
            return YOUNG
        return VERDICTS[self.direction]

    def to_dict(self) -> dict[str, Any]:
        """The verdict with the numbers behind it."""
        recent_from = self.end - dt.timedelta(days=TREND_DAYS - 1)
        previous_from = recent_from - dt.timedelta(days=TREND_DAYS)
        before = (
            "the 4 weeks before"
            if self.covered == TREND_DAYS
            else f"the {self.covered} days before"
        )
        return {
            "verdict": self.verdict,
            "direction": self.direction,
            "recent_episodes": self.recent,
            "recent_from": recent_from.isoformat(),
            "recent_until": self.end.isoformat(),
            "previous_episodes": self.previous,
            "previous_from": previous_from.isoformat(),
            "previous_until": (recent_from - dt.timedelta(days=1)).isoformat(),
            "previous_days_covered": self.covered,
            "text": (
                f"{self.verdict}: {self.recent} episode(s) in the 4 weeks up to "
                f"{self.end.isoformat()} against {self.previous} in {before}"
            ),
        }


def _direction(recent: int, previous: int, covered: int) -> Direction:
    if covered < TREND_MIN_COVERED or recent + previous < TREND_MIN_EPISODES:
        return "unknown"
    expected = previous * TREND_DAYS / covered  # the earlier rate over a full 4 weeks
    if recent >= TREND_RATIO * expected and recent - expected >= TREND_MIN_CHANGE:
        return "more"
    if expected >= TREND_RATIO * recent and expected - recent >= TREND_MIN_CHANGE:
        return "less"
    return "same"


def trend(day_counts: Mapping[dt.date, int], end: dt.date, start: dt.date | None = None) -> Trend:
    """Compare the 28 days ending ``end`` with the 28 days before (the diary begins ``start``)."""
    recent_from = end - dt.timedelta(days=TREND_DAYS - 1)
    previous_from = recent_from - dt.timedelta(days=TREND_DAYS)
    begins = max(previous_from, start or min(day_counts, default=end))
    covered = max(0, min(TREND_DAYS, (recent_from - begins).days))
    recent = sum(n for day, n in day_counts.items() if recent_from <= day <= end)
    previous = sum(n for day, n in day_counts.items() if previous_from <= day < recent_from)
    return Trend(_direction(recent, previous, covered), recent, previous, end, covered)


def _by(values: tuple[str, ...], counts: Counter[str]) -> dict[str, int]:
    return {value: counts[value] for value in values}


@dataclass(frozen=True)
class DiaryStats:
    """Every figure of ``crampcheck diary stats``."""

    episodes: int
    since: dt.date | None
    until: dt.date | None
    first: dt.date | None
    last: dt.date | None
    days: int
    per_week: float
    weekly: tuple[tuple[dt.date, int], ...]
    night_episodes: int
    median_duration_s: float | None
    longest_duration_s: int | None
    median_severity: float | None
    by_muscle: dict[str, int]
    by_side: dict[str, int]
    by_activity: dict[str, int]
    heatmap: tuple[tuple[int, ...], ...]
    trend: Trend
    tags: tuple[TagStat, ...]
    day_counts: Mapping[dt.date, int] = field(repr=False)

    @property
    def night_share(self) -> float | None:
        """Share of episodes between 22:00 and 07:00 local time."""
        return self.night_episodes / self.episodes if self.episodes else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``crampcheck diary stats``."""
        share = self.night_share
        return {
            "episodes": self.episodes,
            "period": {
                "since": _iso(self.since),
                "until": _iso(self.until),
                "first_episode": _iso(self.first),
                "last_episode": _iso(self.last),
                "days": self.days,
            },
            "per_week": self.per_week,
            "weekly": [{"week_of": w.isoformat(), "episodes": n} for w, n in self.weekly],
            "night": {
                "hours": "22:00-07:00 local time",
                "episodes": self.night_episodes,
                "share": None if share is None else round(share, 3),
                "text": (
                    f"{self.night_episodes} of {self.episodes} episodes between 22:00 and 07:00"
                ),
            },
            "duration_s": {"median": self.median_duration_s, "longest": self.longest_duration_s},
            "severity": {"median": self.median_severity},
            "by_muscle": self.by_muscle,
            "by_side": self.by_side,
            "by_activity": self.by_activity,
            "hour_by_weekday": {
                "weekdays": list(WEEKDAYS),
                "counts": [list(r) for r in self.heatmap],
            },
            "trend": self.trend.to_dict(),
            "tags": [t.to_dict() for t in self.tags],
        }


def _weekly(
    day_counts: Mapping[dt.date, int], first: dt.date, last: dt.date
) -> tuple[tuple[dt.date, int], ...]:
    weeks = Counter({_monday(day): 0 for day in (first, last)})
    for day, n in day_counts.items():
        weeks[_monday(day)] += n
    week, out = _monday(first), []
    while week <= last:
        out.append((week, weeks[week]))
        week += dt.timedelta(days=7)
    return tuple(out)


def compute_stats(
    session: Session,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> DiaryStats:
    """Every figure over the episodes on local dates ``since``..``until``."""
    period = Period(since, until)
    cells = day_hour_counts(session, period)
    day_counts: Counter[dt.date] = Counter()
    heat = [[0] * 24 for _ in WEEKDAYS]
    for (day, hour), n in cells.items():
        day_counts[day] += n
        heat[day.weekday()][hour] += n
    total = sum(day_counts.values())
    first, last = (min(day_counts), max(day_counts)) if day_counts else (None, None)
    start, end = since or first, until or last
    days = (end - start).days + 1 if start and end else 0
    durations = duration_counts(session, period)
    kinds = kind_counts(session, period)
    muscles, sides, activities, severities = (
        Counter[str](),
        Counter[str](),
        Counter[str](),
        Counter[int](),
    )
    for kind in kinds:
        muscles[kind.muscle] += kind.episodes
        sides[kind.side] += kind.episodes
        activities[kind.activity] += kind.episodes
        severities[kind.severity] += kind.episodes
    tags = (
        tag_stats(tag_day_counts(session, period), day_counts, start, end) if start and end else ()
    )
    return DiaryStats(
        episodes=total,
        since=since,
        until=until,
        first=first,
        last=last,
        days=days,
        per_week=round(total / max(days, 7) * 7, 2),
        weekly=_weekly(day_counts, first, last) if first and last else (),
        night_episodes=sum(n for (_, hour), n in cells.items() if is_night(hour)),
        median_duration_s=median(durations),
        longest_duration_s=max(durations) if durations else None,
        median_severity=median(severities),
        by_muscle=_by(MUSCLES, muscles),
        by_side=_by(SIDES, sides),
        by_activity=_by(ACTIVITIES, activities),
        heatmap=tuple(tuple(row) for row in heat),
        trend=trend(day_counts, until or today or dt.date.today(), start),
        tags=tags,
        day_counts=day_counts,
    )
