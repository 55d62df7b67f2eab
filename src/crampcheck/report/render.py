"""The report as HTML (one Jinja2 template) and as PDF (WeasyPrint), at most two A4 pages.

``templates/report.html`` with ``templates/report.css`` inlined is the only
layout; the web app can render the same template. Charts are one SVG drawn by
:func:`crampcheck.diary.plots.figure`, embedded as a data URI. The PDF is
rendered with the normal list lengths first and, if it runs over two pages,
again with shorter lists (:data:`COMPACT`, then :data:`MINIMAL`).
"""

from __future__ import annotations

import base64
import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crampcheck.errors import UserInputError
from crampcheck.report.build import Report

if TYPE_CHECKING:
    from jinja2 import Environment

    from crampcheck.diary.stats import DiaryStats

REPORT_FORMATS = ("pdf", "html")
MAX_PAGES = 2
SECTION_HEADINGS = (
    "About the person",
    "What was reported",
    "How urgent",
    "Likely causes",
    "Red flags checked",
    "Suggested tests and specialist",
    "Cramp diary",
    "Questions to ask the doctor",
    "Disclaimer",
)
TRIAGE_MARKS = {"emergency": "!!!", "urgent": "!!", "routine": "!", "self_care": "i"}


@dataclass(frozen=True)
class Limits:
    """How many items of each list the template shows (the rest is counted)."""

    reasons: int = 4
    findings: int = 14
    cause_reasons: int = 3
    red_flags: int = 10
    tests: int = 6
    specialists: int = 3
    questions: int = 8
    chart_height_mm: int = 78
    fired: int = 4


NORMAL = Limits()
COMPACT = Limits(3, 8, 2, 6, 4, 2, 5, 62, 3)
MINIMAL = Limits(2, 5, 1, 4, 3, 2, 3, 50, 2)


def report_format(path: Path) -> str:
    """``pdf`` or ``html`` from the file name, or a message that says how to name it."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in REPORT_FORMATS:
        raise UserInputError(
            f"-o: {path.name} must end in .pdf or .html (got {path.suffix or 'no extension'}); "
            "rename it, e.g. -o report.pdf"
        )
    return suffix


@lru_cache(maxsize=1)
def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("crampcheck.report", "templates"),
        autoescape=select_autoescape(("html",)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def chart_uri(stats: DiaryStats) -> str:
    """Episodes per week and the hour-by-weekday map as one SVG data URI."""
    from crampcheck.diary.plots import figure

    fig = figure(stats)
    fig.set_size_inches(7.5, 5.2)
    buffer = io.BytesIO()
    with warnings.catch_warnings():  # matplotlib may warn about a very tight layout
        warnings.simplefilter("ignore", UserWarning)
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def render_html(report: Report, limits: Limits = NORMAL, chart: str | None = None) -> str:
    """The report as one self-contained HTML page (CSS and charts inline)."""
    if chart is None and report.diary is not None:
        chart = chart_uri(report.diary.stats)
    env = _environment()
    css = env.loader.get_source(env, "report.css")[0] if env.loader else ""
    context: dict[str, Any] = {
        "r": report,
        "limits": limits,
        "css": css,
        "chart": chart,
        "mark": TRIAGE_MARKS[report.triage_level],
    }
    return env.get_template("report.html").render(context)


def _weasyprint() -> Any:
    # WeasyPrint warns at import when HarfBuzz-Subset is missing; the PDF is fine without it.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import weasyprint

    return weasyprint


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes: A4, at most two pages (lists shortened when needed)."""
    weasyprint = _weasyprint()
    chart = chart_uri(report.diary.stats) if report.diary is not None else None
    document = None
    for limits in (NORMAL, COMPACT, MINIMAL):
        html = weasyprint.HTML(string=render_html(report, limits, chart))
        document = html.render()
        if len(document.pages) <= MAX_PAGES:
            break
    assert document is not None
    pdf: bytes = document.write_pdf()
    return pdf


def write_report(report: Report, path: Path) -> None:
    """Write ``path`` as PDF or HTML, by its extension."""
    fmt = report_format(path)
    if not path.parent.is_dir():
        raise UserInputError(f"-o: the folder {path.parent} does not exist; create it first")
    data = render_pdf(report) if fmt == "pdf" else render_html(report).encode("utf-8")
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise UserInputError(
            f"-o: cannot write {path} ({exc.strerror}); choose another file"
        ) from None
