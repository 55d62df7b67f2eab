"""``crampcheck report``: the doctor-visit report as PDF or HTML.

Registered by :mod:`crampcheck.cli` with ``app.command("report")(report_cmd)``.
Exit codes: 0 written, 2 bad input (an option, a file), 1 the diary cannot be read.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from crampcheck.errors import StorageError, UserInputError

MAX_INPUT_BYTES = 5_000_000
err = Console(stderr=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


def read_answers(path: Path) -> dict[str, Any]:
    """The answers file: one JSON object mapping finding ids to answers."""
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise UserInputError(f"--answers: {path} is larger than {MAX_INPUT_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(f"--answers: {path} does not exist; check the path") from None
    except OSError as exc:
        raise UserInputError(
            f"--answers: cannot read {path} ({exc.strerror}); give a readable JSON file"
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserInputError(f"--answers: {path} is not valid JSON ({exc}); fix it") from None
    if not isinstance(data, dict):
        raise UserInputError(
            f"--answers: {path} must hold one JSON object mapping finding ids to answers"
        )
    return data


def parse_since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserInputError(f"--since: {value!r} is not a date; use YYYY-MM-DD") from None


def _check_input(
    text: str | None, answers: Path | None, use_diary: bool, since: str | None
) -> None:
    if text is None and answers is None and not use_diary:
        raise UserInputError(
            'nothing to report on: give --text "your story", --answers FILE.json and/or --use-diary'
        )
    if since is not None and not use_diary:
        raise UserInputError("--since limits the diary summary; add --use-diary or leave it out")


def report_cmd(
    text: Annotated[str | None, typer.Option(help="Your story, in your own words.")] = None,
    answers: Annotated[
        Path | None, typer.Option(help="JSON file mapping finding ids to answers.")
    ] = None,
    use_diary: Annotated[
        bool,
        typer.Option("--use-diary", help="Include your cramp diary, its charts and your profile."),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Summarise diary episodes from this date on (YYYY-MM-DD)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Where to write the report: FILE.pdf or FILE.html."),
    ] = None,
) -> None:
    """Write a report to take to a doctor (at most two A4 pages): PDF or HTML."""
    from crampcheck.report.build import collect
    from crampcheck.report.render import report_format, write_report

    try:
        if output is None:
            raise UserInputError("give -o FILE.pdf or -o FILE.html: where to write the report")
        report_format(output)
        _check_input(text, answers, use_diary, since)
        report = collect(
            text,
            read_answers(answers) if answers is not None else None,
            use_diary=use_diary,
            since=parse_since(since),
        )
        write_report(report, output)
    except UserInputError as exc:
        _fail(str(exc))
        return
    except StorageError as exc:
        _fail(str(exc), 1)
        return
    err.print(f"wrote {output} (triage: {report.triage_words})", highlight=False, soft_wrap=True)
