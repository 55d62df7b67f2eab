"""The few aggregate queries the statistics need, computed in SQL.

Each query groups the episodes (optionally only local dates ``since``..``until``)
so that only small summaries leave the database, whatever the diary's size:
counts per (local date, local hour), per duration, per (muscle, side,
activity, severity) and per (tag, local date). Each has a covering index in
the schema, so each is one index scan without sorting.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session

from crampcheck.diary.models import Episode, EpisodeTag

AnySelect = TypeVar("AnySelect", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class Period:
    """Local dates ``since``..``until`` (inclusive); None means open-ended."""

    since: dt.date | None = None
    until: dt.date | None = None

    def where(self, statement: AnySelect, column: Any = Episode.local_date) -> AnySelect:
        """``statement`` restricted to episodes in the period (by ``column``)."""
        if self.since is not None:
            statement = statement.where(column >= self.since)
        if self.until is not None:
            statement = statement.where(column <= self.until)
        return statement


@dataclass(frozen=True)
class Kind:
    """One combination of what, where and how bad, with its number of episodes."""

    muscle: str
    side: str
    activity: str
    severity: int
    episodes: int


def day_hour_counts(session: Session, period: Period) -> Counter[tuple[dt.date, int]]:
    """Episodes per (local date, local hour)."""
    count = func.count()
    statement = select(Episode.local_date, Episode.local_hour, count)
    statement = period.where(statement).group_by(Episode.local_date, Episode.local_hour)
    return Counter({(day, hour): n for day, hour, n in session.execute(statement)})


def duration_counts(session: Session, period: Period) -> Counter[int]:
    """Episodes per duration in seconds."""
    statement = period.where(select(Episode.duration_s, func.count()))
    statement = statement.group_by(Episode.duration_s)
    return Counter(dict(session.execute(statement).all()))


def kind_counts(session: Session, period: Period) -> list[Kind]:
    """Episodes per (muscle, side, activity, severity)."""
    groups = (Episode.muscle, Episode.side, Episode.activity, Episode.severity)
    statement = period.where(select(*groups, func.count())).group_by(*groups)
    return [Kind(*row) for row in session.execute(statement)]


def tag_day_counts(session: Session, period: Period) -> dict[str, Counter[dt.date]]:
    """For each tag, tagged episodes per local date."""
    statement = select(EpisodeTag.tag, EpisodeTag.local_date, func.count())
    statement = period.where(statement, EpisodeTag.local_date)
    statement = statement.group_by(EpisodeTag.tag, EpisodeTag.local_date)
    out: dict[str, Counter[dt.date]] = {}
    for tag, day, n in session.execute(statement):
        out.setdefault(tag, Counter())[day] = n
    return out


def episodes_tagged(session: Session, tags: Iterable[str], period: Period | None = None) -> int:
    """How many episodes carry at least one of ``tags``."""
    statement = select(func.count(distinct(EpisodeTag.episode_id))).where(
        EpisodeTag.tag.in_(list(tags))
    )
    return session.scalar((period or Period()).where(statement, EpisodeTag.local_date)) or 0
