"""Export and import: lossless round trips, and all-or-nothing imports that report every bad row."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from crampcheck.diary.db import transaction
from crampcheck.diary.io import (
    export_file,
    format_of,
    import_file,
    read_csv,
    read_json,
    validate_records,
    write_csv,
    write_json,
)
from crampcheck.diary.repository import count_episodes, delete_episode
from crampcheck.diary.schemas import EpisodeIn
from crampcheck.errors import DiaryInputError
from tests.diary.conftest import AddEpisodes, episode

TRICKY = [
    episode(tags=["heat", "wine"], note='said "ouch", then, well;\nwalked it off'),
    episode(at="2026-11-19T22:45:00-05:00", muscle="foot", side="both", activity="walking"),
    episode(at="2026-11-21T07:00:00+05:45", note="Wadenkrampf — ünïcödé ✓", severity=0),
    episode(at="2026-11-22T12:00:00+00:00", duration_s=86400, muscle="other", tags=["x-1"]),
]


def _export(engine: Engine, path: Path, fmt: str) -> str:
    with transaction(engine, write=False) as session:
        export_file(session, path, "csv" if fmt == "csv" else "json")
    return path.read_text(encoding="utf-8")


def _import(engine: Engine, path: Path) -> int:
    with transaction(engine) as session:
        return import_file(session, path)


def _count(engine: Engine) -> int:
    with transaction(engine, write=False) as session:
        return count_episodes(session)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_import_export_is_identical(
    engine: Engine, other_engine: Engine, add: AddEpisodes, tmp_path: Path, fmt: str
) -> None:
    ids = add(*TRICKY)
    with transaction(engine) as session:
        delete_episode(session, ids[1])  # a gap in the ids survives too
    first = _export(engine, tmp_path / f"first.{fmt}", fmt)
    assert _import(other_engine, tmp_path / f"first.{fmt}") == 3
    assert _export(other_engine, tmp_path / f"second.{fmt}", fmt) == first


def test_the_json_export_is_the_list_format(
    engine: Engine, add: AddEpisodes, tmp_path: Path
) -> None:
    [episode_id] = add(episode(tags=["heat"]))
    data = json.loads(_export(engine, tmp_path / "e.json", "json"))
    assert data == [episode(id=episode_id, tags=["heat"])]


def test_the_csv_export_has_a_header_and_joins_tags_with_semicolons(
    engine: Engine, add: AddEpisodes, tmp_path: Path
) -> None:
    [episode_id] = add(episode(tags=["heat", "wine"]))
    assert _export(engine, tmp_path / "e.csv", "csv").splitlines() == [
        "id,at,duration_s,muscle,side,severity,activity,tags,note",
        f"{episode_id},2026-11-20T03:10:00+01:00,120,calf,left,7,sleeping,heat;wine,",
    ]


def test_import_without_ids_adds_new_episodes(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        "at,duration_s,muscle,side,severity,activity\n"
        "2026-11-20T03:10:00+01:00,60,calf,left,5,sleeping\n"
        "2026-11-21T03:10:00+01:00,90,foot,right,6,resting\n",
        encoding="utf-8",
    )
    assert _import(engine, path) == 2
    assert _import(engine, path) == 2
    assert _count(engine) == 4


BAD_CSV = """id,at,duration_s,muscle,side,severity,activity,tags,note
1,2026-11-20T03:10:00+01:00,60,calf,left,5,sleeping,,fine
2,2026-11-20T03:10:00,60,calf,left,11,sleeping,,"two problems,
on a row that spans two lines"
3,2026-11-21T03:10:00+01:00,-5,calf,left,5,sleeping,,
4,2026-11-22T03:10:00+01:00,60,neck,left,5,sleeping,,
1,2026-11-23T03:10:00+01:00,60,calf,left,5,sleeping,,
"""


def test_a_bad_import_reports_every_bad_row_by_line_and_field_and_writes_nothing(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    with pytest.raises(DiaryInputError) as caught:
        _import(engine, path)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "line 3, at",
        "line 3, severity",
        "line 5, duration_s",
        "line 6, muscle",
        "line 7, id",
    ]
    assert "line 7, id: 1 is also on line 2" in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert _count(engine) == 0


def test_a_bad_json_import_reports_lines_too(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    good, bad = json.dumps(episode()), json.dumps(episode(side="up"))
    path.write_text(f"[\n{good},\n\n{bad},\n 42\n]\n", encoding="utf-8")
    with pytest.raises(DiaryInputError) as caught:
        _import(engine, path)
    assert caught.value.problems == (
        "line 4, side: 'up' is not allowed; use one of left, right, both",
        "line 5: 42 is not an episode object; give {...}",
    )
    assert _count(engine) == 0


def test_ids_already_in_the_diary_are_refused(
    engine: Engine, add: AddEpisodes, tmp_path: Path
) -> None:
    [episode_id] = add(episode())
    path = tmp_path / "again.json"
    path.write_text(json.dumps([episode(id=episode_id)]), encoding="utf-8")
    with pytest.raises(DiaryInputError, match=f"line 1, id: {episode_id} is already in the diary"):
        _import(engine, path)
    assert _count(engine) == 1


def test_importing_old_ids_never_hands_out_an_id_twice(
    engine: Engine, add: AddEpisodes, tmp_path: Path
) -> None:
    ids = add(episode(), episode(), episode())
    with transaction(engine) as session:
        for episode_id in ids:
            delete_episode(session, episode_id)
    path = tmp_path / "old.json"
    path.write_text(json.dumps([episode(id=ids[0])]), encoding="utf-8")
    _import(engine, path)
    [new] = add(episode())
    assert new == ids[-1] + 1


def test_imported_ids_do_not_collide_with_new_ones(
    engine: Engine, add: AddEpisodes, tmp_path: Path
) -> None:
    path = tmp_path / "ids.json"
    path.write_text(json.dumps([episode(id=50)]), encoding="utf-8")
    _import(engine, path)
    [new] = add(episode())
    assert new == 51


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("e.txt", "", "cannot tell the format; name the file .csv or .json"),
        ("e.json", '{"at": 1}', "line 1: expected a JSON array of episodes"),
        ("e.json", '[{"at": 1}\n{"at": 2}]', "line 2: not valid JSON (expected , or ]"),
        ("e.json", "[\n{]", "line 2: not valid JSON"),
        ("e.csv", "at,weather\n", "line 1: column 'weather' is not known"),
        ("e.csv", "at,duration_s\n", "line 1: column 'muscle' is missing; add it"),
        (
            "e.csv",
            "at,at,duration_s,muscle,side,severity,activity\n",
            "a column name appears twice",
        ),
        ("e.csv", 'at,duration_s,muscle,side,severity,activity\n"x\n', "not valid CSV"),
    ],
)
def test_a_broken_file_is_explained(
    engine: Engine, tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DiaryInputError, match=message.replace("(", r"\(").replace("[", r"\[")):
        _import(engine, path)


def test_a_row_with_too_many_values_is_reported() -> None:
    text = (
        "at,duration_s,muscle,side,severity,activity\n"
        "2026-11-20T03:10:00+01:00,1,calf,left,1,resting,x\n"
    )
    _, bad = validate_records(read_csv(text))
    assert bad == ["line 2: this row has more values than the header has columns; quote commas"]


def test_a_missing_file_and_a_non_utf8_file_are_explained(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(DiaryInputError, match="does not exist"):
        _import(engine, tmp_path / "nope.csv")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("at\n\xe9".encode("latin-1"))
    with pytest.raises(DiaryInputError, match="is not UTF-8 text"):
        _import(engine, latin)


def test_export_to_a_missing_folder_is_explained(engine: Engine, tmp_path: Path) -> None:
    with pytest.raises(DiaryInputError, match="does not exist; create it first"):
        _export(engine, tmp_path / "no" / "e.csv", "csv")


def test_export_onto_a_folder_is_explained_and_leaves_no_temporary_file(
    engine: Engine, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    (folder / "e.csv").mkdir(parents=True)
    with pytest.raises(DiaryInputError, match=r"-o: cannot write .*; choose another file"):
        _export(engine, folder / "e.csv", "csv")
    assert [p.name for p in folder.iterdir()] == ["e.csv"]


def test_import_of_a_folder_is_explained(engine: Engine, tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(DiaryInputError, match="cannot read"):
        _import(engine, tmp_path / "d.json")


def test_the_format_comes_from_the_extension() -> None:
    assert (format_of(Path("a.CSV")), format_of(Path("b.json"))) == ("csv", "json")


ZONES = [dt.timezone(dt.timedelta(minutes=m)) for m in (-300, 0, 60, 345, 840)]
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8})?", fullmatch=True)
NOTE = st.text(max_size=80).filter(lambda t: t.strip() == t and "\r" not in t)
FIELDS = {
    "id": st.none() | st.integers(1, 10**6),
    "duration_s": st.integers(1, 86400),
    "muscle": st.sampled_from(["calf", "foot", "toes", "thigh", "other"]),
    "side": st.sampled_from(["left", "right", "both"]),
    "severity": st.integers(0, 10),
    "activity": st.sampled_from(["sleeping", "walking", "swimming"]),
    "tags": st.lists(SLUG, max_size=5),
    "note": st.none() | NOTE,
}


@st.composite
def valid_episodes(draw: st.DrawFn) -> EpisodeIn:
    moment = draw(st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2100, 1, 1)))
    fields = draw(st.fixed_dictionaries(FIELDS))
    at = moment.replace(tzinfo=draw(st.sampled_from(ZONES))).isoformat()
    return EpisodeIn.model_validate({**fields, "at": at})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(valid_episodes(), max_size=5, unique_by=lambda e: e.id or id(e)))
def test_any_valid_diary_round_trips_through_csv_and_json(diary: list[EpisodeIn]) -> None:
    for write, read in ((write_csv, read_csv), (write_json, read_json)):
        buffer = io.StringIO()
        write(diary, buffer)
        good, bad = validate_records(read(buffer.getvalue()))
        assert bad == []
        assert [e for _, e in good] == diary
