"""Adding, listing, editing and deleting episodes; reading and changing the profile."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func, select

from crampcheck.diary.db import transaction
from crampcheck.diary.models import Episode, EpisodeTag
from crampcheck.diary.repository import (
    add_episode,
    count_episodes,
    delete_episode,
    edit_episode,
    get_episode,
    get_profile,
    list_episodes,
    update_profile,
)
from crampcheck.diary.schemas import MedicineIn
from crampcheck.errors import DiaryInputError
from tests.diary.conftest import AddEpisodes, episode


def test_an_added_episode_comes_back_exactly_as_given(engine: Engine, add: AddEpisodes) -> None:
    given = episode(tags=["heat", "new-shoes"], note="woke me at 3")
    [episode_id] = add(given)
    with transaction(engine, write=False) as session:
        [stored] = list_episodes(session)
    assert stored.to_dict() == {**given, "id": episode_id, "tags": ["heat", "new-shoes"]}


def test_the_local_hour_and_date_come_from_the_given_offset(
    engine: Engine, add: AddEpisodes
) -> None:
    [episode_id] = add(episode(at="2026-11-20T23:30:00-05:00"))
    with transaction(engine, write=False) as session:
        row = session.get_one(Episode, episode_id)
    assert (row.local_date, row.local_hour) == (dt.date(2026, 11, 20), 23)
    assert row.at_utc == dt.datetime(2026, 11, 21, 4, 30)


def test_episodes_are_listed_in_time_order_across_time_zones(
    engine: Engine, add: AddEpisodes
) -> None:
    add(episode(at="2026-11-20T02:30:00+00:00"), episode(at="2026-11-20T03:00:00+01:00"))
    with transaction(engine, write=False) as session:
        ats = [e.to_dict()["at"] for e in list_episodes(session)]
    assert ats == ["2026-11-20T03:00:00+01:00", "2026-11-20T02:30:00+00:00"]


def test_since_and_until_are_local_dates_inclusive(engine: Engine, add: AddEpisodes) -> None:
    add(*(episode(at=f"2026-11-{day}T23:30:00-08:00") for day in (18, 19, 20, 21)))
    with transaction(engine, write=False) as session:
        days = [
            e.at.day for e in list_episodes(session, dt.date(2026, 11, 19), dt.date(2026, 11, 20))
        ]
    assert days == [19, 20]


def test_an_invalid_episode_writes_nothing(engine: Engine) -> None:
    with pytest.raises(DiaryInputError, match="severity: 11 is out of range"):  # noqa: SIM117
        with transaction(engine) as session:
            add_episode(session, episode())
            add_episode(session, episode(severity=11))
    with transaction(engine, write=False) as session:
        assert count_episodes(session) == 0


def test_edit_changes_only_the_given_fields(engine: Engine, add: AddEpisodes) -> None:
    [episode_id] = add(episode(tags=["heat", "wine"], note="first"))
    with transaction(engine) as session:
        edit_episode(session, episode_id, {"severity": "3", "tags": ["wine", "stress"]})
    with transaction(engine, write=False) as session:
        edited = get_episode(session, episode_id)
    assert (edited.severity, edited.tags, edited.note) == (3, ("stress", "wine"), "first")
    assert edited.at == episode_obj_at()


def episode_obj_at() -> dt.datetime:
    return dt.datetime.fromisoformat(episode()["at"])


def test_editing_the_time_moves_the_tags_to_the_new_day(engine: Engine, add: AddEpisodes) -> None:
    [episode_id] = add(episode(tags=["heat"]))
    with transaction(engine) as session:
        edit_episode(session, episode_id, {"at": "2026-12-01T22:00:00+01:00"})
    with transaction(engine, write=False) as session:
        assert session.scalars(select(EpisodeTag.local_date)).all() == [dt.date(2026, 12, 1)]


def test_an_invalid_edit_writes_nothing(engine: Engine, add: AddEpisodes) -> None:
    [episode_id] = add(episode())
    with pytest.raises(DiaryInputError, match="muscle: 'neck'"), transaction(engine) as session:
        edit_episode(session, episode_id, {"muscle": "neck", "severity": 1})
    with transaction(engine, write=False) as session:
        assert get_episode(session, episode_id).severity == 7


def test_delete_removes_the_episode_and_its_tags(engine: Engine, add: AddEpisodes) -> None:
    first, second = add(episode(tags=["heat"]), episode(tags=["heat"]))
    with transaction(engine) as session:
        delete_episode(session, first)
    with transaction(engine, write=False) as session:
        assert [e.id for e in list_episodes(session)] == [second]
        assert session.scalar(select(func.count()).select_from(EpisodeTag)) == 1


@pytest.mark.parametrize("action", ["get", "edit", "delete"])
def test_an_unknown_id_says_how_to_find_the_ids(engine: Engine, action: str) -> None:
    with pytest.raises(DiaryInputError, match="no episode with id 42; run `crampcheck diary list`"):  # noqa: SIM117
        with transaction(engine) as session:
            if action == "get":
                get_episode(session, 42)
            elif action == "edit":
                edit_episode(session, 42, {"severity": 1})
            else:
                delete_episode(session, 42)


def test_ids_of_deleted_episodes_are_not_reused(engine: Engine, add: AddEpisodes) -> None:
    first, second = add(episode(), episode())
    with transaction(engine) as session:
        delete_episode(session, second)
    [third] = add(episode())
    assert third > second > first


def test_an_empty_profile_is_all_unknown(engine: Engine) -> None:
    with transaction(engine, write=False) as session:
        assert get_profile(session).to_dict() == {
            "birth_year": None,
            "sex": None,
            "due_date": None,
            "postpartum_since": None,
            "medicines": [],
            "conditions": [],
        }


def test_profile_updates_keep_what_is_not_given(engine: Engine) -> None:
    with transaction(engine) as session:
        update_profile(session, {"birth_year": "1958", "sex": "female"})
    with transaction(engine) as session:
        update_profile(
            session,
            {"medicines": [{"name": "atorvastatin", "start_date": "2026-09-01"}]},
            clear=["sex"],
        )
    with transaction(engine, write=False) as session:
        profile = get_profile(session)
    assert (profile.birth_year, profile.sex) == (1958, None)
    assert profile.medicines == (MedicineIn(name="atorvastatin", start_date=dt.date(2026, 9, 1)),)


def test_profile_lists_are_replaced_and_can_be_cleared(engine: Engine) -> None:
    with transaction(engine) as session:
        update_profile(session, {"conditions": ["diabetes", "gout"]})
        update_profile(session, {"conditions": ["hypothyroidism"]})
        assert get_profile(session).conditions == ("hypothyroidism",)
        update_profile(session, {}, clear=["conditions"])
        assert get_profile(session).conditions == ()


def test_an_unknown_field_to_clear_is_named(engine: Engine) -> None:
    with pytest.raises(DiaryInputError, match="clear: weight cannot be cleared"):  # noqa: SIM117
        with transaction(engine) as session:
            update_profile(session, {}, clear=["weight"])
