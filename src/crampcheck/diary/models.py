"""The diary's tables, as typed SQLAlchemy 2 ORM classes.

One row of ``episode`` is one cramp. The moment is stored twice on purpose:
``at_utc`` (naive, UTC) orders and compares episodes across time zones, and
``utc_offset_s`` keeps the offset the person gave, so the original local time
comes back exactly. ``local_date`` and ``local_hour`` are that local time
pre-computed, so the statistics group in SQL over covering indexes (one per
statistic) instead of in Python: ``diary stats`` on a million episodes stays
well under two seconds on SQLite.

The profile is a single row (``id = 1``) with its medicines and conditions.
The schema itself is created by the Alembic migrations in ``migrations/``;
these classes must match them (a test compares the two).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MUSCLES = ("calf", "foot", "toes", "thigh", "other")
SIDES = ("left", "right", "both")
ACTIVITIES = (
    "sleeping",
    "resting",
    "sitting",
    "standing",
    "walking",
    "running",
    "swimming",
    "stretching",
)
SEXES = ("female", "male")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable migrations)."""

    metadata = MetaData(naming_convention=NAMING)


class Episode(Base):
    """One cramp: when, how long, where, how bad, doing what."""

    __tablename__ = "episode"
    __table_args__ = (
        CheckConstraint("duration_s > 0 AND duration_s <= 86400", name="duration"),
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity"),
        CheckConstraint("local_hour BETWEEN 0 AND 23", name="local_hour"),
        CheckConstraint(_one_of("muscle", MUSCLES), name="muscle"),
        CheckConstraint(_one_of("side", SIDES), name="side"),
        CheckConstraint(_one_of("activity", ACTIVITIES), name="activity"),
        Index("ix_episode_local_date_hour", "local_date", "local_hour"),
        Index("ix_episode_kind", "muscle", "side", "activity", "severity", "local_date"),
        Index("ix_episode_duration", "duration_s", "local_date"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at_utc: Mapped[dt.datetime] = mapped_column(DateTime(), index=True)
    utc_offset_s: Mapped[int] = mapped_column(Integer)
    local_date: Mapped[dt.date] = mapped_column(Date)
    local_hour: Mapped[int] = mapped_column(SmallInteger)
    duration_s: Mapped[int] = mapped_column(Integer)
    muscle: Mapped[str] = mapped_column(String(8))
    side: Mapped[str] = mapped_column(String(8))
    severity: Mapped[int] = mapped_column(SmallInteger)
    activity: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)

    tags: Mapped[list[EpisodeTag]] = relationship(
        back_populates="episode",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EpisodeTag.tag",
    )


class EpisodeTag(Base):
    """A free tag on an episode (a lowercase slug such as ``heat`` or ``new-shoes``).

    ``local_date`` repeats the episode's local date so that tag statistics need
    no join (kept in step by the repository).
    """

    __tablename__ = "episode_tag"
    __table_args__ = (Index("ix_episode_tag_tag_local_date", "tag", "local_date"),)

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(40), primary_key=True)
    local_date: Mapped[dt.date] = mapped_column(Date)

    episode: Mapped[Episode] = relationship(back_populates="tags")


class Profile(Base):
    """Facts about the person that the diary alone cannot tell (a single row)."""

    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint(_one_of("sex", SEXES), name="sex"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    sex: Mapped[str | None] = mapped_column(String(8))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    postpartum_since: Mapped[dt.date | None] = mapped_column(Date)

    medicines: Mapped[list[ProfileMedicine]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ProfileMedicine.id"
    )
    conditions: Mapped[list[ProfileCondition]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ProfileCondition.id"
    )


class ProfileMedicine(Base):
    """A medicine the person takes, with the day they started it if known."""

    __tablename__ = "profile_medicine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date | None] = mapped_column(Date)


class ProfileCondition(Base):
    """A known condition (diagnosis) the person reports."""

    __tablename__ = "profile_condition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
