"""Which tags go with cramps more often than the diary's own baseline.

A diary only records cramps, so a tag's baseline is the diary itself. For each
tag, over the period the statistics cover:

* **accompanies** — days with an episode carrying the tag have more episodes
  than other days with cramps: ``episodes on tag days / tag days`` is at least
  :data:`LIFT` times ``episodes on other cramp days / other cramp days``;
* **precedes** — the day after a tag day brings a cramp more often than a day
  in general: the share of tag days followed by a day with an episode is at
  least :data:`LIFT` times the share of all days in the period (after its first
  day) that have an episode.

Each needs the tag on at least :data:`MIN_DAYS` days. Every figure behind a
verdict is kept, so it can be shown with its counts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LIFT = 1.5
MIN_DAYS = 2
ONE_DAY = dt.timedelta(days=1)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class TagStat:
    """How one tag relates to the episodes, with every count behind it."""

    tag: str
    episodes: int
    days: int
    episodes_on_tag_days: int
    other_days: int
    episodes_on_other_days: int
    next_day_checked: int
    next_day_hits: int
    baseline_days: int
    baseline_hits: int

    @property
    def per_tag_day(self) -> float | None:
        """Episodes per day on days with this tag."""
        return _ratio(self.episodes_on_tag_days, self.days)

    @property
    def per_other_day(self) -> float | None:
        """Episodes per day on the other days with cramps (the baseline)."""
        return _ratio(self.episodes_on_other_days, self.other_days)

    @property
    def next_day_share(self) -> float | None:
        """Share of tag days followed by a day with a cramp."""
        return _ratio(self.next_day_hits, self.next_day_checked)

    @property
    def baseline_share(self) -> float | None:
        """Share of all days (after the first) that have a cramp (the baseline)."""
        return _ratio(self.baseline_hits, self.baseline_days)

    @property
    def accompanies(self) -> bool:
        """Tag days bring clearly more episodes than other cramp days."""
        tagged, other = self.per_tag_day, self.per_other_day
        return self.days >= MIN_DAYS and other is not None and (tagged or 0) >= LIFT * other

    @property
    def precedes(self) -> bool:
        """The day after a tag day brings a cramp clearly more often than any day."""
        share, base = self.next_day_share, self.baseline_share
        return (
            self.next_day_checked >= MIN_DAYS
            and share is not None
            and base is not None
            and share >= LIFT * base
        )

    def summary(self) -> str:
        """The figures in plain words."""
        text = f"{self.tag}: {self.episodes} episode(s) on {self.days} day(s)"
        if self.per_tag_day is not None and self.per_other_day is not None:
            text += (
                f"; those days had {self.per_tag_day:.1f} episodes each against "
                f"{self.per_other_day:.1f} on the {self.other_days} other day(s) with cramps"
            )
        if self.next_day_share is not None and self.baseline_share is not None:
            text += (
                f"; a cramp came the next day after {self.next_day_hits} of "
                f"{self.next_day_checked} such days ({self.next_day_share:.0%}) against "
                f"{self.baseline_share:.0%} of all days"
            )
        return text

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: counts, rates, verdicts and the summary."""
        return {
            "tag": self.tag,
            "episodes": self.episodes,
            "days": self.days,
            "episodes_on_tag_days": self.episodes_on_tag_days,
            "other_cramp_days": self.other_days,
            "episodes_on_other_cramp_days": self.episodes_on_other_days,
            "next_day_checked": self.next_day_checked,
            "next_day_with_cramp": self.next_day_hits,
            "baseline_days": self.baseline_days,
            "baseline_days_with_cramp": self.baseline_hits,
            "accompanies": self.accompanies,
            "precedes": self.precedes,
            "summary": self.summary(),
        }


def tag_stat(
    tag: str,
    tagged: Counter[dt.date],
    day_counts: Mapping[dt.date, int],
    start: dt.date,
    end: dt.date,
) -> TagStat:
    """The figures for one tag; ``tagged`` counts its episodes per day."""
    other = {day: n for day, n in day_counts.items() if day not in tagged}
    checked = [day for day in tagged if day < end]
    baseline_days = (end - start).days
    return TagStat(
        tag=tag,
        episodes=sum(tagged.values()),
        days=len(tagged),
        episodes_on_tag_days=sum(day_counts.get(day, 0) for day in tagged),
        other_days=len(other),
        episodes_on_other_days=sum(other.values()),
        next_day_checked=len(checked),
        next_day_hits=sum(1 for day in checked if day_counts.get(day + ONE_DAY, 0)),
        baseline_days=baseline_days,
        baseline_hits=sum(1 for day, n in day_counts.items() if n and start < day <= end),
    )


def tag_stats(
    tag_days: Mapping[str, Counter[dt.date]],
    day_counts: Mapping[dt.date, int],
    start: dt.date,
    end: dt.date,
) -> tuple[TagStat, ...]:
    """Every tag's figures, the most frequent tag first."""
    stats = [tag_stat(tag, days, day_counts, start, end) for tag, days in tag_days.items()]
    return tuple(sorted(stats, key=lambda s: (-s.episodes, s.tag)))
