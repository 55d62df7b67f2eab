"""The ``crampcheck`` command: a thin Typer layer over the library."""

from __future__ import annotations

import difflib
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from crampcheck.api.serve import serve_cmd
from crampcheck.diary.cli import diary_app, profile_app
from crampcheck.errors import CrampcheckError, StorageError, UserInputError
from crampcheck.report.cli import report_cmd
from crampcheck.report.fhir_cli import export_cmd, import_cmd

if TYPE_CHECKING:
    from crampcheck.knowledge.models import KnowledgeBase

# Heavy modules (the engine with numpy, the knowledge base, spaCy) are imported inside
# the commands that need them, so `crampcheck --help` starts quickly.

app = typer.Typer(
    help="Why do my legs cramp? Decision support, not a diagnosis.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="Inspect and check the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
app.add_typer(diary_app, name="diary")
app.add_typer(profile_app, name="profile")
app.command("report")(report_cmd)
app.command("export")(export_cmd)
app.command("import")(import_cmd)
app.command("serve")(serve_cmd)

out = Console()
err = Console(stderr=True)


class ExportFormat(StrEnum):
    json = "json"


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


MAX_INPUT_BYTES = 5_000_000


def _fail(message: str, code: int = 2) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


def _kb() -> KnowledgeBase:
    from crampcheck.knowledge.loader import load_kb

    try:
        return load_kb()
    except CrampcheckError as exc:
        _fail(str(exc), 1)
        raise  # unreachable: _fail exits


DataOption = Annotated[
    Path | None, typer.Option(help="Check this data folder instead of the shipped one.")
]
SeedsOption = Annotated[
    Path | None,
    typer.Option(help="Folder of seed articles for line-range checks [default: ../shared/seeds]."),
]


@kb_app.command("lint")
def kb_lint(data: DataOption = None, seeds: SeedsOption = None) -> None:
    """Check the whole knowledge base; exit 1 and list every problem if any."""
    from crampcheck.knowledge.lint import check_kb, find_seeds_dir
    from crampcheck.knowledge.loader import default_data_dir, load_kb_from

    seeds_dir = seeds or find_seeds_dir()
    if seeds is not None and not seeds.is_dir():
        _fail(f"seeds folder {seeds} does not exist; pass an existing folder or omit --seeds")
    try:
        kb = load_kb_from(data if data is not None else default_data_dir())
    except CrampcheckError as exc:
        _fail(str(exc), 1)
        return
    problems = check_kb(kb, seeds_dir)
    for problem in problems:
        err.print(str(problem), highlight=False, markup=False, soft_wrap=True)
    if problems:
        _fail(f"{len(problems)} problem(s) in the knowledge base", 1)
    checked = f"seed line ranges checked against {seeds_dir}" if seeds_dir else "seeds not found"
    out.print(
        f"knowledge base {kb.version}: {len(kb.conditions)} conditions, "
        f"{len(kb.findings)} findings, {len(kb.claims)} claims, no problems ({checked})",
        highlight=False,
        soft_wrap=True,
    )


@kb_app.command("show")
def kb_show(condition_id: Annotated[str, typer.Argument(help="Condition id, e.g. dvt.")]) -> None:
    """Show one condition in plain language."""
    from crampcheck.display import condition_panel

    kb = _kb()
    by_id = {c.id: c for c in kb.conditions}
    if condition_id not in by_id:
        close = difflib.get_close_matches(condition_id, list(by_id), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        _fail(f"no condition {condition_id!r}.{hint} Run `crampcheck kb list` to see all ids.")
    out.print(condition_panel(kb, by_id[condition_id]))


@kb_app.command("list")
def kb_list() -> None:
    """List every condition with its ICD-10-CM codes and triage level."""
    from crampcheck.display import condition_list_table

    out.print(condition_list_table(_kb()))


@kb_app.command("export")
def kb_export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.json
    ),
) -> None:
    """Print the whole knowledge base as one JSON object."""
    from crampcheck.knowledge.export import export_kb

    json.dump(export_kb(_kb()), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@kb_app.command("summary")
def kb_summary() -> None:
    """What the knowledge base holds, by group, after a full check."""
    from crampcheck.display import kb_summary_table
    from crampcheck.knowledge.lint import check_kb, find_seeds_dir

    kb = _kb()
    problems = check_kb(kb, find_seeds_dir())
    out.print(kb_summary_table(kb))
    state = "passes every check" if not problems else f"has {len(problems)} problem(s)"
    out.print(
        f"{len(kb.conditions)} conditions, {len(kb.findings)} findings, "
        f"{len(kb.claims)} claims; the knowledge base {state}.",
        highlight=False,
    )
    if problems:
        raise typer.Exit(1)


def _read_json_file(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise UserInputError(f"{path} is larger than {MAX_INPUT_BYTES} bytes; split it up")
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserInputError(f"{path} does not exist; check the path") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserInputError(f"{path} is not valid JSON ({exc}); fix it and try again") from None


def _answers_from(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    data = _read_json_file(path)
    if not isinstance(data, dict):
        raise UserInputError(f"{path} must hold one JSON object mapping finding ids to answers")
    return data


def _diary(use_diary: bool) -> list[Any]:
    """Findings from the cramp diary and profile, when asked for."""
    if not use_diary:
        return []
    from crampcheck.diary import read_diary_findings

    return list(read_diary_findings())


def _jsonl(path: Path) -> None:
    from crampcheck.core import assess

    if not path.is_file():
        raise UserInputError(f"{path} does not exist; check the path")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("each line must be a JSON object")
                result = assess(record.get("text"), record.get("answers")).to_dict()
            except (ValueError, UserInputError) as exc:
                result = {"error": {"line": number, "message": str(exc)}}
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


@app.command("assess")
def assess_cmd(
    text: Annotated[str | None, typer.Option(help="Your story, in your own words.")] = None,
    answers: Annotated[
        Path | None, typer.Option(help="JSON file mapping finding ids to answers.")
    ] = None,
    jsonl: Annotated[
        Path | None,
        typer.Option(help="JSON lines with `text` and/or `answers`; one result per line."),
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
    use_diary: Annotated[
        bool,
        typer.Option("--use-diary", help="Also use findings from your cramp diary and profile."),
    ] = False,
) -> None:
    """Rank the likely causes, say how urgent it is and what to do."""
    from crampcheck.core import assess
    from crampcheck.report_text import assessment_panel

    try:
        if jsonl is not None:
            _jsonl(jsonl)
            return
        if text is None and answers is None and not use_diary:
            raise UserInputError('give --text "your story", --answers FILE.json and/or --use-diary')
        result = assess(text, _answers_from(answers), diary=_diary(use_diary))
    except UserInputError as exc:
        _fail(str(exc))
        return
    except StorageError as exc:
        _fail(str(exc), 1)
        return
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(assessment_panel(_kb(), result))


class EvalForm(StrEnum):
    answers = "answers"
    text = "text"
    interview = "interview"


@app.command("eval")
def eval_cmd(
    file: Annotated[Path, typer.Argument(help="Vignette JSONL file.")],
    form: Annotated[EvalForm, typer.Option(help="Which form of the vignettes to use.")] = (
        EvalForm.answers
    ),
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
) -> None:
    """Measure accuracy and triage safety on vignettes (top-1, top-3, triage, red flags)."""
    from crampcheck.engine.model import default_model
    from crampcheck.evaluation.harness import run
    from crampcheck.evaluation.metrics import summarise
    from crampcheck.evaluation.vignettes import read_vignettes
    from crampcheck.report_text import eval_table, question_stats

    try:
        vignettes = read_vignettes(file)
    except UserInputError as exc:
        _fail(str(exc))
        return
    results = run(default_model(), vignettes, form.value)
    summary = summarise(results)
    if form is EvalForm.interview:
        summary["questions"] = question_stats([r.questions for r in results])
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(summary, indent=1) + "\n")
    else:
        out.print(eval_table(summary, file.name, form.value))


@app.command("interview")
def interview_cmd(
    text: Annotated[str | None, typer.Option(help="Start from your story.")] = None,
) -> None:
    """Answer questions one at a time (y/n, ? for don't know, b to go back, q to stop)."""
    from crampcheck.engine.model import default_model
    from crampcheck.report_text import assessment_panel
    from crampcheck.terminal import run_interview

    try:
        result = run_interview(out, default_model(), out.input, text)
    except (KeyboardInterrupt, EOFError):
        err.print("\nStopped. Nothing was saved.")
        raise typer.Exit(130) from None
    except UserInputError as exc:
        _fail(str(exc))
        return
    out.print(assessment_panel(_kb(), result))


@app.command("eval-reader")
def eval_reader_cmd(
    file: Annotated[Path, typer.Argument(help="Annotated corpus JSONL (eval/understand/).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = (
        OutputFormat.text
    ),
    errors: Annotated[bool, typer.Option(help="Also list every disagreement.")] = False,
) -> None:
    """Precision, recall and F1 of the text reader against annotated sentences."""
    from crampcheck.engine.model import default_model
    from crampcheck.evaluation.reader_eval import evaluate_reader, read_corpus
    from crampcheck.report_text import reader_table

    try:
        report = evaluate_reader(default_model(), read_corpus(file))
    except UserInputError as exc:
        _fail(str(exc))
        return
    data = report.to_dict()
    if errors:
        data["errors"] = report.errors
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(data, indent=1) + "\n")
    else:
        out.print(reader_table(data, file.name))


def main() -> None:
    """Console entry point: the Typer app, with no traceback for unexpected errors.

    Set CRAMPCHECK_DEBUG=1 to see the traceback of an unexpected error.
    """
    import os

    try:
        app()
    except CrampcheckError as exc:
        err.print(Text.assemble(("error: ", "bold red"), str(exc)), soft_wrap=True)
        raise SystemExit(1) from None
    except Exception as exc:  # the last line of defence: a person never sees a traceback
        if os.environ.get("CRAMPCHECK_DEBUG"):
            raise
        err.print(
            Text.assemble(
                ("error: ", "bold red"),
                f"crampcheck hit an unexpected problem ({type(exc).__name__}). Nothing was "
                "changed. Please report it; run again with CRAMPCHECK_DEBUG=1 to see details.",
            ),
            soft_wrap=True,
        )
        raise SystemExit(1) from None
