"""``crampcheck export --format fhir`` and ``crampcheck import --format fhir``: thin commands.

Exit codes: 0 done; 2 bad input (nothing was written); 1 the database or the
knowledge base failed. The FHIR models, the engine and the database are
imported inside the commands, so registering them costs ``--help`` nothing.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from crampcheck.errors import KnowledgeBaseError, StorageError, UserInputError

MAX_ANSWERS_BYTES = 5_000_000

out = Console()
err = Console(stderr=True)


class ExchangeFormat(StrEnum):
    fhir = "fhir"


FormatOption = Annotated[
    ExchangeFormat,
    typer.Option("--format", help="fhir: a FHIR R4 (R4B 4.3) Bundle of type collection."),
]


def _fail(message: str, code: int) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _handled() -> Iterator[None]:
    """Input problems exit 2; database and knowledge-base problems exit 1."""
    try:
        yield
    except UserInputError as exc:
        _fail(str(exc), 2)
    except (StorageError, KnowledgeBaseError) as exc:
        _fail(str(exc), 1)


def _answers(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_ANSWERS_BYTES:
            raise UserInputError(f"--answers: {path} is larger than {MAX_ANSWERS_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(f"--answers: {path} does not exist; check the path") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserInputError(f"--answers: {path} is not valid JSON ({exc}); fix it") from None
    except OSError as exc:
        raise UserInputError(f"--answers: cannot read {path} ({exc.strerror})") from None
    if not isinstance(data, dict):
        raise UserInputError(f"--answers: {path} must hold one JSON object of finding ids")
    return data


def _write(bundle: dict[str, Any], path: Path | None) -> None:
    """Write the bundle to stdout, or to ``path`` replaced atomically."""
    text = json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"
    if path is None:
        sys.stdout.write(text)
        return
    if not path.parent.is_dir():
        raise UserInputError(f"-o: the folder {path.parent} does not exist; create it first")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserInputError(
            f"-o: cannot write {path} ({exc.strerror}); choose another file"
        ) from None


def export_cmd(
    fmt: FormatOption,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write [default: stdout].")
    ] = None,
    text: Annotated[
        str | None, typer.Option(help="Your story, for the answers and the differential.")
    ] = None,
    answers: Annotated[
        Path | None, typer.Option(help="JSON file mapping finding ids to answers.")
    ] = None,
) -> None:
    """Write the diary, profile, answers and differential as a FHIR Bundle for a doctor."""
    from crampcheck.diary.db import diary_session
    from crampcheck.report.fhir import export_bundle

    with _handled():
        given = _answers(answers)
        with diary_session(write=False) as session:
            bundle = export_bundle(session, text, given)
        _write(bundle, output)
    if output is not None:
        count = sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
        err.print(
            f"exported {count} episodes to {output} as a FHIR R4 Bundle",
            highlight=False,
            markup=False,
        )


def import_cmd(
    fmt: FormatOption,
    file: Annotated[Path, typer.Argument(help="A FHIR Bundle (JSON), as export writes it.")],
) -> None:
    """Add a FHIR Bundle's cramp episodes and profile to the diary, all or nothing."""
    from crampcheck.diary.db import diary_session
    from crampcheck.report.fhir import import_bundle, read_bundle_file

    with _handled():
        content = read_bundle_file(file)  # every check before the diary is opened
        with diary_session(write=True) as session:
            count = import_bundle(session, content, str(file))
    profile = " and the profile" if content.profile else ""
    out.print(f"imported {count} episodes{profile} from {file}", highlight=False, markup=False)
