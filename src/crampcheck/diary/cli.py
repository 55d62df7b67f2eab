"""``crampcheck diary ...`` and ``crampcheck profile ...``: a thin layer over the diary library.

Exit codes: 0 done; 2 bad input (nothing was written); 1 the database failed.
The library (SQLAlchemy, pydantic models, matplotlib) is imported inside the
commands, so registering these apps costs ``crampcheck --help`` nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.text import Text

from crampcheck.errors import DiaryInputError, StorageError, UserInputError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

diary_app = typer.Typer(help="Keep a cramp diary to show a doctor.", no_args_is_help=True)
profile_app = typer.Typer(
    help="Facts about you that the diary cannot tell (age, sex, pregnancy, medicines).",
    no_args_is_help=True,
)

out = Console()
err = Console(stderr=True)


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


class FileFormat(StrEnum):
    csv = "csv"
    json = "json"


def _fail(message: str, code: int) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _handled() -> Iterator[None]:
    """Input problems exit 2 and database problems exit 1, each with its message."""
    try:
        yield
    except UserInputError as exc:
        _fail(str(exc), 2)
    except StorageError as exc:
        _fail(str(exc), 1)


@contextmanager
def _session(*, write: bool = False) -> Iterator[Session]:
    """The diary in one transaction (committed when the block ends without error)."""
    from crampcheck.diary.db import diary_session

    with _handled(), diary_session(write=write) as session:
        yield session


def _day(option: str, value: str | None) -> dt.date | None:
    from crampcheck.diary.schemas import parse_day

    return None if value is None else parse_day(option, value)


def _json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


_AT = typer.Option(
    metavar="TIME", help="When it started, with its UTC offset: 2026-11-20T03:10:00+01:00."
)
_DURATION = typer.Option("--duration-s", metavar="SECONDS", help="How long, 1 to 86400.")
_MUSCLE = typer.Option(metavar="MUSCLE", help="calf, foot, toes, thigh or other.")
_SIDE = typer.Option(metavar="SIDE", help="left, right or both.")
_SEVERITY = typer.Option(metavar="0-10", help="0 (none) to 10 (worst).")
_ACTIVITY = typer.Option(
    metavar="ACTIVITY",
    help="sleeping, resting, sitting, standing, walking, running, swimming or stretching.",
)
Tags = Annotated[
    list[str] | None,
    typer.Option("--tag", metavar="TAG", help="A tag such as heat or new-shoes (repeatable)."),
]
Note = Annotated[str | None, typer.Option(metavar="TEXT", help="Free text, up to 2000 characters.")]
Since = Annotated[
    str | None, typer.Option(metavar="DATE", help="From this local date (YYYY-MM-DD).")
]
Until = Annotated[
    str | None, typer.Option(metavar="DATE", help="Up to this local date, inclusive.")
]
View = Annotated[ViewFormat, typer.Option("--format", help="Output format.")]


@diary_app.command("add")
def add(
    at: Annotated[str, _AT],
    duration_s: Annotated[str, _DURATION],
    muscle: Annotated[str, _MUSCLE],
    side: Annotated[str, _SIDE],
    severity: Annotated[str, _SEVERITY],
    activity: Annotated[str, _ACTIVITY],
    tag: Tags = None,
    note: Note = None,
) -> None:
    """Record one cramp; prints the new episode's id."""
    from crampcheck.diary import repository

    data = {
        "at": at,
        "duration_s": duration_s,
        "muscle": muscle,
        "side": side,
        "severity": severity,
        "activity": activity,
        "tags": tag or [],
        "note": note,
    }
    with _session(write=True) as session:
        episode_id = repository.add_episode(session, data)
    sys.stdout.write(f"{episode_id}\n")


@diary_app.command("list")
def list_(since: Since = None, until: Until = None, fmt: View = ViewFormat.table) -> None:
    """Show the episodes, oldest first."""
    from crampcheck.diary import display, io, repository

    with _session() as session:
        episodes = repository.list_episodes(session, _day("--since", since), _day("--until", until))
    if fmt is ViewFormat.json:
        io.write_json(episodes, sys.stdout)
    else:
        out.print(display.episodes_table(episodes))


@diary_app.command("edit")
def edit(
    episode_id: Annotated[int, typer.Argument(metavar="ID", help="The episode's id.")],
    at: Annotated[str | None, _AT] = None,
    duration_s: Annotated[str | None, _DURATION] = None,
    muscle: Annotated[str | None, _MUSCLE] = None,
    side: Annotated[str | None, _SIDE] = None,
    severity: Annotated[str | None, _SEVERITY] = None,
    activity: Annotated[str | None, _ACTIVITY] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG", help="Replace all tags with these (repeatable)."),
    ] = None,
    clear_tags: Annotated[bool, typer.Option("--clear-tags", help="Remove every tag.")] = False,
    note: Annotated[
        str | None, typer.Option(metavar="TEXT", help='New note ("" removes it).')
    ] = None,
) -> None:
    """Change some fields of one episode; the others stay as they are."""
    from crampcheck.diary import repository

    given = {
        "at": at,
        "duration_s": duration_s,
        "muscle": muscle,
        "side": side,
        "severity": severity,
        "activity": activity,
        "note": note,
    }
    changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    if tag or clear_tags:
        changes["tags"] = [] if clear_tags else tag
    with _session(write=True) as session:
        if not changes:
            raise DiaryInputError("nothing to change; give at least one option, see --help")
        repository.edit_episode(session, episode_id, changes)
    out.print(f"edited episode {episode_id}", highlight=False, markup=False)


@diary_app.command("delete")
def delete(
    episode_id: Annotated[int, typer.Argument(metavar="ID", help="The episode's id.")],
) -> None:
    """Delete one episode."""
    from crampcheck.diary import repository

    with _session(write=True) as session:
        repository.delete_episode(session, episode_id)
    out.print(f"deleted episode {episode_id}", highlight=False, markup=False)


@diary_app.command("export")
def export(
    fmt: Annotated[
        FileFormat | None,
        typer.Option("--format", help="csv or json [default: from the file name, else json]."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write [default: stdout].")
    ] = None,
) -> None:
    """Write every episode to a CSV or JSON file (import reads it back unchanged)."""
    from crampcheck.diary import io

    with _handled():
        chosen = fmt.value if fmt else (io.format_of(output) if output else "json")
    with _session() as session:
        count = io.export_file(session, output, "csv" if chosen == "csv" else "json")
    if output is not None:
        err.print(f"exported {count} episodes to {output}", highlight=False, markup=False)


@diary_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="A .csv or .json file, as export writes it.")],
) -> None:
    """Add every episode of a file, all or nothing: any bad row and none is added."""
    from crampcheck.diary import io

    with _session(write=True) as session:
        count = io.import_file(session, file)
    out.print(f"imported {count} episodes from {file}", highlight=False, markup=False)


@diary_app.command("stats")
def stats(since: Since = None, until: Until = None, fmt: View = ViewFormat.table) -> None:
    """How often, when, how long, where, the trend, and which tags go with cramps."""
    from crampcheck.diary import display
    from crampcheck.diary.stats import compute_stats

    with _session() as session:
        figures = compute_stats(session, _day("--since", since), _day("--until", until))
    if fmt is ViewFormat.json:
        _json(figures.to_dict())
    else:
        out.print(display.stats_table(figures))


@diary_app.command("plot")
def plot(
    output: Annotated[Path, typer.Option("-o", "--output", help="A .png or .svg file.")],
    since: Since = None,
    until: Until = None,
) -> None:
    """Draw episodes per week and an hour-of-day by weekday heat map."""
    from crampcheck.diary import plots
    from crampcheck.diary.stats import compute_stats

    with _handled():
        plots.plot_format(output)
    with _session() as session:
        figures = compute_stats(session, _day("--since", since), _day("--until", until))
    with _handled():
        plots.save_plot(figures, output)
    err.print(f"wrote {output}", highlight=False, markup=False)


@profile_app.command("set")
def profile_set(
    birth_year: Annotated[str | None, typer.Option(metavar="YEAR", help="e.g. 1958.")] = None,
    sex: Annotated[str | None, typer.Option(metavar="SEX", help="female or male.")] = None,
    due_date: Annotated[str | None, typer.Option(metavar="DATE", help="If pregnant.")] = None,
    postpartum_since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Date of a recent birth.")
    ] = None,
    medicine: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME:START_DATE", help="Replaces the list (repeatable)."),
    ] = None,
    condition: Annotated[
        list[str] | None, typer.Option(metavar="NAME", help="Replaces the list (repeatable).")
    ] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(
            metavar="FIELD",
            help="Forget a field: birth_year, sex, due_date, postpartum_since, medicines, "
            "conditions (repeatable).",
        ),
    ] = None,
) -> None:
    """Set the given facts; the others stay as they are."""
    from crampcheck.diary import display, repository
    from crampcheck.diary.schemas import parse_medicine

    given = {
        "birth_year": birth_year,
        "sex": sex,
        "due_date": due_date,
        "postpartum_since": postpartum_since,
    }
    changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    with _session(write=True) as session:
        if medicine is not None:
            changes["medicines"] = [parse_medicine(m) for m in medicine]
        if condition is not None:
            changes["conditions"] = condition
        if not changes and not clear:
            raise DiaryInputError("nothing to set; give at least one option, see --help")
        profile = repository.update_profile(session, changes, clear or ())
    out.print(display.profile_table(profile))


@profile_app.command("show")
def profile_show(fmt: View = ViewFormat.table) -> None:
    """Show the profile."""
    from crampcheck.diary import display, repository

    with _session() as session:
        profile = repository.get_profile(session)
    if fmt is ViewFormat.json:
        _json(profile.to_dict())
    else:
        out.print(display.profile_table(profile))
