"""Add, list, edit and delete episodes, and read and change the profile.

Every function takes a :class:`~sqlalchemy.orm.Session` that is already inside
a transaction (see :func:`crampcheck.diary.db.transaction`); the caller's
``with`` block commits all of it or none of it. Input is validated before
anything is written; problems raise :class:`~crampcheck.errors.DiaryInputError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session, selectinload

from crampcheck.diary.models import (
    Base,
    Episode,
    EpisodeTag,
    Profile,
    ProfileCondition,
    ProfileMedicine,
)
from crampcheck.diary.queries import Period
from crampcheck.diary.schemas import (
    EpisodeIn,
    MedicineIn,
    ProfileIn,
    validate_episode,
    validate_profile,
)
from crampcheck.errors import DiaryInputError, EpisodeNotFoundError

BATCH = 5000
PROFILE_ID = 1
EPISODE_TABLE = Base.metadata.tables["episode"]
TAG_TABLE = Base.metadata.tables["episode_tag"]
CLEARABLE = ("birth_year", "sex", "due_date", "postpartum_since", "medicines", "conditions")


def columns(episode: EpisodeIn) -> dict[str, Any]:
    """The stored columns of a valid episode (UTC moment, offset, local date and hour)."""
    offset = episode.at.utcoffset() or dt.timedelta(0)
    return {
        "at_utc": episode.at.astimezone(dt.UTC).replace(tzinfo=None),
        "utc_offset_s": int(offset.total_seconds()),
        "local_date": episode.at.date(),
        "local_hour": episode.at.hour,
        "duration_s": episode.duration_s,
        "muscle": episode.muscle,
        "side": episode.side,
        "severity": episode.severity,
        "activity": episode.activity,
        "note": episode.note,
    }


def to_episode(row: Episode) -> EpisodeIn:
    """A stored episode as it was given: ``at`` with its original offset."""
    zone = dt.timezone(dt.timedelta(seconds=row.utc_offset_s))
    return EpisodeIn.model_construct(
        id=row.id,
        at=row.at_utc.replace(tzinfo=dt.UTC).astimezone(zone),
        duration_s=row.duration_s,
        muscle=row.muscle,
        side=row.side,
        severity=row.severity,
        activity=row.activity,
        tags=tuple(t.tag for t in row.tags),
        note=row.note,
    )


def _batches(items: Iterable[EpisodeIn]) -> Iterator[list[EpisodeIn]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _reserve_ids(session: Session, count: int) -> list[int]:
    """``count`` new episode ids, taken inside the write transaction."""
    if session.get_bind().dialect.name == "postgresql":
        sequence = text(
            "SELECT nextval(pg_get_serial_sequence('episode', 'id')) FROM generate_series(1, :n)"
        )
        return list(session.scalars(sequence, {"n": count}))
    # SQLite: BEGIN IMMEDIATE holds the write lock, so nobody else can take these ids.
    used = session.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'episode'"))
    highest = max(used or 0, session.scalar(select(func.max(Episode.id))) or 0)
    return list(range(highest + 1, highest + 1 + count))


def _insert_batch(session: Session, batch: Sequence[EpisodeIn]) -> int:
    fresh = iter(_reserve_ids(session, sum(1 for e in batch if e.id is None)))
    ids = [e.id if e.id is not None else next(fresh) for e in batch]
    session.execute(
        insert(EPISODE_TABLE), [columns(e) | {"id": i} for i, e in zip(ids, batch, strict=True)]
    )
    tags = [
        {"episode_id": i, "tag": tag, "local_date": e.at.date()}
        for i, e in zip(ids, batch, strict=True)
        for tag in e.tags
    ]
    if tags:
        session.execute(insert(TAG_TABLE), tags)
    return sum(1 for e in batch if e.id is not None)


ADVANCE_PG_SEQUENCE = text(
    "SELECT setval(s, GREATEST((SELECT max(id) FROM episode), "
    "COALESCE(pg_sequence_last_value(s), 0))) "
    "FROM CAST(pg_get_serial_sequence('episode', 'id') AS regclass) AS s"
)


def _advance_id_sequence(session: Session) -> None:
    """After ids were given explicitly, new ids continue above them (PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":  # SQLite's AUTOINCREMENT does it
        session.execute(ADVANCE_PG_SEQUENCE)


def add_episodes(session: Session, episodes: Iterable[EpisodeIn]) -> int:
    """Insert many valid episodes in batches (ids given are kept); returns how many."""
    count = kept = 0
    for batch in _batches(episodes):
        kept += _insert_batch(session, batch)
        count += len(batch)
    if kept:
        _advance_id_sequence(session)
    return count


def add_episode(session: Session, data: Mapping[str, object]) -> int:
    """Validate and store one episode; returns its new id."""
    episode = validate_episode(data)
    day = episode.at.date()
    row = Episode(
        **columns(episode), tags=[EpisodeTag(tag=t, local_date=day) for t in episode.tags]
    )
    if episode.id is not None:
        row.id = episode.id
    session.add(row)
    session.flush()
    return row.id


def iter_episodes(
    session: Session, since: dt.date | None = None, until: dt.date | None = None
) -> Iterator[EpisodeIn]:
    """Episodes (on local dates ``since``..``until``, inclusive) oldest first, streamed."""
    statement = Period(since, until).where(select(Episode)).options(selectinload(Episode.tags))
    statement = statement.order_by(Episode.at_utc, Episode.id).execution_options(yield_per=1000)
    for row in session.scalars(statement):
        yield to_episode(row)


def list_episodes(
    session: Session, since: dt.date | None = None, until: dt.date | None = None
) -> list[EpisodeIn]:
    """Episodes (on local dates ``since``..``until``, inclusive), oldest first."""
    return list(iter_episodes(session, since, until))


def count_episodes(session: Session) -> int:
    """How many episodes the diary holds."""
    return session.scalar(select(func.count()).select_from(Episode)) or 0


def _row(session: Session, episode_id: int) -> Episode:
    row = session.get(Episode, episode_id, options=[selectinload(Episode.tags)])
    if row is None:
        raise EpisodeNotFoundError(
            f"no episode with id {episode_id}; run `crampcheck diary list` to see the ids"
        )
    return row


def get_episode(session: Session, episode_id: int) -> EpisodeIn:
    """One episode by id."""
    return to_episode(_row(session, episode_id))


def edit_episode(session: Session, episode_id: int, changes: Mapping[str, object]) -> EpisodeIn:
    """Change the given fields of one episode (``tags`` replaces all tags)."""
    row = _row(session, episode_id)
    current = to_episode(row).model_dump(exclude={"id"})
    episode = validate_episode({**current, **changes})
    for name, value in columns(episode).items():
        setattr(row, name, value)
    kept = [t for t in row.tags if t.tag in episode.tags]
    have = {t.tag for t in kept}
    row.tags = kept + [EpisodeTag(tag=tag) for tag in episode.tags if tag not in have]
    for tag in row.tags:
        tag.local_date = row.local_date
    session.flush()
    return to_episode(row)


def delete_episode(session: Session, episode_id: int) -> None:
    """Delete one episode and its tags."""
    _row(session, episode_id)
    session.execute(delete(Episode).where(Episode.id == episode_id))


def get_profile(session: Session) -> ProfileIn:
    """The profile (every field unknown when it was never set)."""
    row = session.get(Profile, PROFILE_ID)
    if row is None:
        return ProfileIn()
    return ProfileIn.model_construct(
        birth_year=row.birth_year,
        sex=row.sex,
        due_date=row.due_date,
        postpartum_since=row.postpartum_since,
        medicines=tuple(MedicineIn(name=m.name, start_date=m.start_date) for m in row.medicines),
        conditions=tuple(c.name for c in row.conditions),
    )


def update_profile(
    session: Session, changes: Mapping[str, object], clear: Iterable[str] = ()
) -> ProfileIn:
    """Set the given fields, empty the ``clear``-ed ones, keep the rest; returns the result."""
    unknown = sorted(set(clear) - set(CLEARABLE))
    if unknown:
        raise DiaryInputError(
            f"clear: {', '.join(unknown)} cannot be cleared; use one of {', '.join(CLEARABLE)}"
        )
    current = get_profile(session).model_dump()
    for name in clear:
        current[name] = ProfileIn.model_fields[name].get_default(call_default_factory=True)
    profile = validate_profile({**current, **changes})
    row = session.get(Profile, PROFILE_ID) or Profile(id=PROFILE_ID)
    row.birth_year, row.sex = profile.birth_year, profile.sex
    row.due_date, row.postpartum_since = profile.due_date, profile.postpartum_since
    row.medicines = [
        ProfileMedicine(name=m.name, start_date=m.start_date) for m in profile.medicines
    ]
    row.conditions = [ProfileCondition(name=name) for name in profile.conditions]
    session.add(row)
    session.flush()
    return profile
