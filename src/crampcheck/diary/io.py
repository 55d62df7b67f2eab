"""Export the diary to CSV or JSON, and import it back all or nothing.

Both formats hold the fields of :mod:`crampcheck.diary.schemas`, in that order.

* **JSON**: an array of episode objects, one per line, exactly as
  ``crampcheck diary list --format json`` prints them.
* **CSV**: a header row ``id,at,duration_s,muscle,side,severity,activity,tags,note``
  (UTF-8; ``tags`` joined with ``;``; an empty note is no note). ``id``,
  ``tags`` and ``note`` may be left out of the header.

Import reads and checks every row first and reports every bad row by line
number and field; only when all rows are good does it write them, in the
caller's single transaction. An ``id`` in the file is kept, so export ->
import -> export gives the same file; an id that is already in the diary (or
twice in the file) is a problem. Leave the ``id`` out to add rows as new episodes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from crampcheck.diary.models import Episode
from crampcheck.diary.repository import add_episodes, iter_episodes
from crampcheck.diary.schemas import EPISODE_FIELDS, EpisodeIn, episode_or_problems, show
from crampcheck.errors import DiaryInputError

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
TAG_SEPARATOR = ";"
REQUIRED = ("at", "duration_s", "muscle", "side", "severity", "activity")
MAX_IMPORT_BYTES = 512 * 1024 * 1024
ID_CHUNK = 5000

WHITESPACE = re.compile(r"[ \t\n\r]*")
Record = tuple[int, object]  # (line number, raw record)


def csv_row(episode: EpisodeIn) -> list[str]:
    """One CSV row of an episode, in :data:`EPISODE_FIELDS` order."""
    data = episode.to_dict()
    data["tags"] = TAG_SEPARATOR.join(episode.tags)
    return ["" if data[name] is None else str(data[name]) for name in EPISODE_FIELDS]


def write_json(episodes: Iterable[EpisodeIn], out: IO[str]) -> int:
    """Write a JSON array, one episode per line; returns how many."""
    count = 0
    out.write("[")
    for episode in episodes:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(episode.to_dict(), ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count


def write_csv(episodes: Iterable[EpisodeIn], out: IO[str]) -> int:
    """Write a CSV file with a header row; returns how many episodes."""
    writer = csv.writer(out)
    writer.writerow(EPISODE_FIELDS)
    count = 0
    for episode in episodes:
        writer.writerow(csv_row(episode))
        count += 1
    return count


def write_episodes(episodes: Iterable[EpisodeIn], out: IO[str], fmt: Format) -> int:
    """Write ``episodes`` to ``out`` as CSV or JSON; returns how many."""
    return write_csv(episodes, out) if fmt == "csv" else write_json(episodes, out)


@contextmanager
def _atomic_text(path: Path) -> Iterator[IO[str]]:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_file(session: Session, path: Path | None, fmt: Format) -> int:
    """Export every episode to ``path`` (replaced atomically) or stdout; returns how many."""
    if path is None:
        return write_episodes(iter_episodes(session), sys.stdout, fmt)
    if not path.parent.is_dir():
        raise DiaryInputError(f"-o: the folder {path.parent} does not exist; create it first")
    try:
        with _atomic_text(path) as out:
            return write_episodes(iter_episodes(session), out, fmt)
    except OSError as exc:
        raise DiaryInputError(
            f"-o: cannot write {path} ({exc.strerror}); choose another file"
        ) from None


def format_of(path: Path) -> Format:
    """``csv`` or ``json`` from the file name, or a message that says how to name it."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "csv":
        return "csv"
    if suffix == "json":
        return "json"
    raise DiaryInputError(f"{path}: cannot tell the format; name the file .csv or .json")


def _csv_record(line: int, row: dict[str | None, str | list[str]]) -> Record:
    if None in row:
        return line, "this row has more values than the header has columns; quote commas"
    record: dict[str, object] = {}
    for name, value in row.items():
        if name is None or value is None or value == "":  # absent: the schema says if it matters
            continue
        record[name] = value
    if "tags" in record:
        record["tags"] = [t for t in str(record["tags"]).split(TAG_SEPARATOR) if t.strip()]
    return line, record


def _header_problems(header: list[str]) -> list[str]:
    problems = [
        f"line 1: column {show(name)} is not known; the columns are {', '.join(EPISODE_FIELDS)}"
        for name in header
        if name not in EPISODE_FIELDS
    ]
    problems += [
        f"line 1: column {name!r} is missing; add it" for name in REQUIRED if name not in header
    ]
    if len(set(header)) != len(header):
        problems.append("line 1: a column name appears twice; keep one of each")
    return problems


def read_csv(text: str) -> Iterator[Record]:
    """(line number, record) for each CSV row; the line is where the row starts."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = list(reader.fieldnames or [])
    except csv.Error as exc:  # a broken header row, e.g. an unclosed quote
        raise DiaryInputError(
            f"line 1: not valid CSV ({exc}); fix the header row's quoting and import again"
        ) from None
    problems = _header_problems(header)
    if problems:
        raise DiaryInputError("the file was not imported; fix its header row:", tuple(problems))
    start = reader.line_num + 1
    try:
        for row in reader:
            yield _csv_record(start, row)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DiaryInputError(
            f"line {reader.line_num}: not valid CSV ({exc}); fix the quoting and import again"
        ) from None


def _skip(text: str, index: int) -> int:
    match = WHITESPACE.match(text, index)
    return match.end() if match else index


def read_json(text: str) -> Iterator[Record]:
    """(line number, record) for each element of a JSON array."""
    decoder = json.JSONDecoder()
    index = _skip(text, 0)
    if text[index : index + 1] != "[":
        raise DiaryInputError("line 1: expected a JSON array of episodes, [ {...}, {...} ]")
    index, line, counted = _skip(text, index + 1), 1, 0
    try:
        while text[index : index + 1] != "]":
            line += text.count("\n", counted, index)
            counted = index
            record, index = decoder.raw_decode(text, index)
            yield line, record
            index = _skip(text, index)
            if text[index : index + 1] == ",":
                index = _skip(text, index + 1)
            elif text[index : index + 1] != "]":
                raise json.JSONDecodeError("expected , or ] after an episode", text, index)
    except json.JSONDecodeError as exc:
        raise DiaryInputError(
            f"line {exc.lineno}: not valid JSON ({exc.msg}); fix it and import again"
        ) from None
    except RecursionError:
        raise DiaryInputError(
            f"line {line}: the JSON is nested too deeply to be an episode; fix it and import again"
        ) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise DiaryInputError(
            f"line {line}: not valid JSON ({exc}); fix it and import again"
        ) from None


def read_file(path: Path) -> Iterator[Record]:
    """The records of a CSV or JSON file, by its extension."""
    fmt = format_of(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise DiaryInputError(f"{path} is larger than {MAX_IMPORT_BYTES} bytes; split it up")
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DiaryInputError(f"{path} does not exist; check the path") from None
    except UnicodeDecodeError:
        raise DiaryInputError(f"{path} is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise DiaryInputError(f"cannot read {path} ({exc.strerror}); check the path") from None
    return read_csv(text) if fmt == "csv" else read_json(text)


def validate_records(records: Iterable[Record]) -> tuple[list[tuple[int, EpisodeIn]], list[str]]:
    """Every record checked: the good episodes with their lines, and every problem."""
    good: list[tuple[int, EpisodeIn]] = []
    bad: list[str] = []
    first_line: dict[int, int] = {}
    for line, record in records:
        if isinstance(record, str):
            bad.append(f"line {line}: {record}")
            continue
        if not isinstance(record, dict):
            bad.append(f"line {line}: {show(record)} is not an episode object; give {{...}}")
            continue
        result = episode_or_problems(record)
        if not isinstance(result, EpisodeIn):
            bad += [f"line {line}, {problem}" for problem in result]
            continue
        if result.id is not None and result.id in first_line:
            bad.append(
                f"line {line}, id: {result.id} is also on line {first_line[result.id]}; "
                "ids must be unique (or leave the id out)"
            )
            continue
        if result.id is not None:
            first_line[result.id] = line
        good.append((line, result))
    return good, bad


def _taken_ids(session: Session, good: list[tuple[int, EpisodeIn]]) -> list[str]:
    lines = {e.id: line for line, e in good if e.id is not None}
    ids = sorted(lines)
    taken: list[int] = []
    for start in range(0, len(ids), ID_CHUNK):
        chunk = ids[start : start + ID_CHUNK]
        taken += session.scalars(select(Episode.id).where(Episode.id.in_(chunk))).all()
    return [
        f"line {lines[i]}, id: {i} is already in the diary; leave the id out to add it as new"
        for i in sorted(taken, key=lines.__getitem__)
    ]


def import_records(session: Session, records: Iterable[Record], source: str) -> int:
    """Check every record, then write all of them (or raise and write none)."""
    good, bad = validate_records(records)
    bad += _taken_ids(session, good)
    if bad:
        raise DiaryInputError(
            f"{source}: {len(bad)} problem(s); nothing was imported. Fix these and import again:",
            tuple(sorted(bad, key=_line_of)),
        )
    return add_episodes(session, (episode for _, episode in good))


def _line_of(problem: str) -> int:
    number = problem.removeprefix("line ").split(",", 1)[0].split(":", 1)[0]
    return int(number) if number.isdigit() else 0


def import_file(session: Session, path: Path) -> int:
    """Import a CSV or JSON file all or nothing; returns how many episodes were added."""
    return import_records(session, read_file(path), str(path))
