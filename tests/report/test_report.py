"""``crampcheck report``: a doctor-visit report of at most two A4 pages, as PDF or HTML.

Each PDF is rendered once per module (rendering takes about a second) and read
back with pypdf; nothing here needs poppler or a browser.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from pypdf import PdfReader
from typer.testing import CliRunner

from crampcheck.report.cli import report_cmd
from crampcheck.report.render import SECTION_HEADINGS, render_html, report_format

A4_POINTS = (595.28, 841.89)
STORY = (
    "I'm 68. My left calf is swollen, warm and tender since a long flight, and it cramps "
    "at night. I take furosemide."
)
TODAY = dt.date.today()


def app() -> typer.Typer:
    wrapper = typer.Typer()
    wrapper.command("report")(report_cmd)
    wrapper.command("noop")(lambda: None)  # two commands, so "report" is a sub-command
    return wrapper


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app(), ["report", *args])
    return result.exit_code, result.output


def pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def add_diary(url: str) -> None:
    """A profile and 40 night-time calf episodes over the last 8 weeks."""
    from crampcheck.diary.db import diary_session
    from crampcheck.diary.repository import add_episode, update_profile

    with diary_session(url) as session:
        update_profile(
            session,
            {"birth_year": 1957, "sex": "female", "medicines": [{"name": "atorvastatin"}]},
        )
        for n in range(40):
            day = TODAY - dt.timedelta(days=55 - n * 55 // 40)
            add_episode(
                session,
                {
                    "at": f"{day.isoformat()}T0{n % 5}:30:00+01:00",
                    "duration_s": 60 + n * 5,
                    "muscle": "calf",
                    "side": "left" if n % 2 else "right",
                    "severity": 6,
                    "activity": "sleeping",
                },
            )


@pytest.fixture(scope="module")
def story_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    code, output = run("--text", STORY, "-o", str(path))
    assert code == 0, output
    return path


@pytest.fixture(scope="module")
def story_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("report") / "report.html"
    code, output = run("--text", STORY, "-o", str(path))
    assert code == 0, output
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def diary_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('diary') / 'diary.db'}"
    add_diary(url)
    return url


@pytest.fixture(scope="module")
def diary_pdf(diary_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CRAMPCHECK_DATABASE_URL", diary_url)
        code, output = run("--use-diary", "-o", str(path))
    assert code == 0, output
    yield path


# --- the PDF -------------------------------------------------------------------------


def test_the_pdf_opens_and_has_at_most_two_a4_pages(story_pdf: Path) -> None:
    reader, _ = pdf_text(story_pdf)
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1)


@pytest.mark.parametrize("heading", SECTION_HEADINGS)
def test_the_pdf_has_every_section(story_pdf: Path, heading: str) -> None:
    assert heading in pdf_text(story_pdf)[1]


def test_the_pdf_says_how_urgent_in_words_and_that_it_is_no_diagnosis(story_pdf: Path) -> None:
    text = pdf_text(story_pdf)[1]
    assert "See a doctor today" in text
    assert "level 2 of 4: urgent" in text
    assert "decision support, not a diagnosis" in text


def test_the_pdf_without_a_diary_says_so(story_pdf: Path) -> None:
    assert "No cramp diary was used for this report" in pdf_text(story_pdf)[1]


def test_the_pdf_lists_causes_with_icd10_codes_and_red_flags(story_pdf: Path) -> None:
    text = pdf_text(story_pdf)[1]
    assert "Deep vein thrombosis" in text
    assert "I82" in text
    assert "red-flag question(s) not asked" in text


# --- the HTML ------------------------------------------------------------------------


@pytest.mark.parametrize("heading", SECTION_HEADINGS)
def test_the_html_has_every_section(story_html: str, heading: str) -> None:
    assert heading in story_html


def test_the_html_is_self_contained_and_says_the_triage(story_html: str) -> None:
    assert "See a doctor today" in story_html
    assert "<style>" in story_html and "@page" in story_html
    assert "No cramp diary was used for this report" in story_html
    assert "&#34;DejaVu Sans&#34;" not in story_html  # the CSS is not HTML-escaped


def test_the_sections_come_in_the_documented_order(story_html: str) -> None:
    positions = [story_html.index(f">{h}") for h in SECTION_HEADINGS]
    assert positions == sorted(positions)


def test_answers_are_shown_with_their_source(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"age": 45, "night_cramps": True, "chest_pain": False}))
    out = tmp_path / "r.html"
    code, output = run("--answers", str(answers), "-o", str(out))
    assert code == 0, output
    html = out.read_text(encoding="utf-8")
    assert "answers" in html
    assert "45 years" in html
    assert "chest" in html.lower()  # a red flag answered "no" is listed as checked


# --- with the diary ------------------------------------------------------------------


def test_the_diary_report_has_the_summary_and_the_charts(diary_pdf: Path) -> None:
    reader, text = pdf_text(diary_pdf)
    assert len(reader.pages) <= 2
    assert "Cramp diary summary" in text
    assert "40 (" in text  # episodes and the weekly rate
    assert "At night" in text and "Trend" in text
    assert "atorvastatin" in text  # the profile comes from the diary
    assert "No cramp diary" not in text
    assert any(page.images for page in reader.pages) or b"/XObject" in diary_pdf.read_bytes()


def test_everything_at_once_still_fits_on_two_pages(
    diary_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crampcheck.engine.model import default_model
    from crampcheck.report.build import collect
    from crampcheck.report.render import render_pdf

    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", diary_url)
    every_yes = {f.id: True for f in default_model().kb.findings if f.type == "yes_no"}
    report = collect(STORY * 20, every_yes, use_diary=True)
    reader = PdfReader(io.BytesIO(render_pdf(report)))
    assert len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Call an ambulance now" in " ".join(text.split())


def test_an_empty_diary_says_it_has_no_episodes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    out = tmp_path / "r.html"
    code, output = run("--use-diary", "--since", "2020-01-01", "-o", str(out))
    assert code == 0, output
    assert "The cramp diary has no episodes in this period." in out.read_text(encoding="utf-8")


def test_the_template_renders_without_css_errors(
    story_html: str, caplog: pytest.LogCaptureFixture
) -> None:
    from crampcheck.report.render import _weasyprint

    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        _weasyprint().HTML(string=story_html).render()
    problems = [r.message for r in caplog.records if "HarfBuzz" not in r.message]
    assert problems == []


# --- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["report.docx", "report", "report.PDFX"])
def test_a_bad_output_extension_exits_2_and_says_how_to_name_it(name: str) -> None:
    code, output = run("--text", STORY, "-o", name)
    assert code == 2
    assert ".pdf or .html" in output


def test_an_unreadable_answers_file_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "answers.json"
    broken.write_text("{not json")
    for path in (broken, tmp_path / "missing.json", tmp_path):
        code, output = run("--answers", str(path), "-o", str(tmp_path / "r.pdf"))
        assert code == 2, output
        assert "--answers" in output
    assert not (tmp_path / "r.pdf").exists()


def test_answers_that_are_not_an_object_exit_2(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("[1, 2]")
    code, output = run("--answers", str(answers), "-o", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "JSON object" in output


def test_no_input_exits_2_and_says_what_to_give(tmp_path: Path) -> None:
    code, output = run("-o", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "--text" in output and "--answers" in output and "--use-diary" in output


def test_no_output_exits_2_and_says_what_to_give() -> None:
    code, output = run("--text", STORY)
    assert code == 2
    assert "-o FILE.pdf" in output


def test_a_bad_since_date_exits_2(tmp_path: Path) -> None:
    code, output = run("--use-diary", "--since", "last week", "-o", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "YYYY-MM-DD" in output


def test_since_without_the_diary_exits_2(tmp_path: Path) -> None:
    code, output = run("--text", STORY, "--since", "2026-01-01", "-o", str(tmp_path / "r.pdf"))
    assert code == 2
    assert "--use-diary" in output


def test_a_missing_output_folder_exits_2(tmp_path: Path) -> None:
    code, output = run("--text", STORY, "-o", str(tmp_path / "nope" / "r.html"))
    assert code == 2
    assert "does not exist" in output


def test_a_broken_diary_database_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/x")
    monkeypatch.setenv("CRAMPCHECK_DATABASE_TIMEOUT", "2")
    code, output = run("--use-diary", "-o", str(tmp_path / "r.html"))
    assert code == 1
    assert "Traceback" not in output


# --- the library ---------------------------------------------------------------------


def test_report_format_accepts_pdf_and_html_in_any_case() -> None:
    assert report_format(Path("a.PDF")) == "pdf"
    assert report_format(Path("b.html")) == "html"


def test_long_lists_are_shortened_and_counted() -> None:
    from crampcheck.core import assess
    from crampcheck.engine.model import default_model
    from crampcheck.report.build import build_report
    from crampcheck.report.render import COMPACT

    model = default_model()
    answers = {f.id: False for f in model.kb.findings if f.red_flag}
    report = build_report(model.kb, assess(STORY, answers, model=model))
    assert len(report.red_flags_checked) > COMPACT.red_flags
    html = render_html(report, COMPACT)
    assert "more answered (not shown to keep the report to two pages)" in html
