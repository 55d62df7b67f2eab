"""The assessment for a person at a terminal: triage in words first, then why and what to do."""

from __future__ import annotations

import statistics
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from crampcheck.display import TRIAGE_STYLE
from crampcheck.engine.assessment import Assessment
from crampcheck.knowledge.models import TRIAGE_WORDS, KnowledgeBase

MAX_SHOWN_CAUSES = 5


def _section(title: str, lines: list[str]) -> list[RenderableType]:
    if not lines:
        return []
    body = Text()
    for line in lines:
        body.append(f"  • {line}\n")
    return [Text(title, style="bold"), body]


def _causes(a: Assessment) -> list[RenderableType]:
    out: list[RenderableType] = [Text("Likely causes", style="bold")]
    for c in a.causes[:MAX_SHOWN_CAUSES]:
        out.append(Text(f"  {c.probability:>4.0%}  {c.name}  [{', '.join(c.icd10)}]"))
        for r in c.why[:3]:
            direction = "for" if r.factor > 1 else "against"
            out.append(Text(f"          {direction} (x{r.factor:g}): {r.text}", style="dim"))
    return [*out, Text("")]


def assessment_panel(kb: KnowledgeBase, a: Assessment) -> Panel:
    """Everything a person needs, most urgent first."""
    level = a.triage.level
    tests = {t.id: t.name for t in kb.advice.tests}
    specialists = {s.id: s.name for s in kb.advice.specialists}
    parts: list[RenderableType] = [
        Text(f" {TRIAGE_WORDS[level].upper()} ", style=TRIAGE_STYLE[level]),
        Text(""),
        *_section("Why", list(a.triage.reasons)),
        *_causes(a),
    ]
    for aid in a.advice.first_aid:
        parts += _section(f"First aid: {aid.title}", [s.text for s in aid.steps])
    parts += _section("Tests that can settle it", [tests.get(t, t) for t in a.advice.tests])
    parts += _section("Who to see", [specialists.get(s, s) for s in a.advice.specialists])
    parts += _section("Prevention", a.advice.prevention)
    parts += _section("What not to do", a.advice.avoid)
    diary = [f"{f.id}: {f.span}" for f in a.findings if f.source == "diary"]
    parts += _section("From your cramp diary", diary)
    parts += _section("Still worth answering", [q.finding.text for q in a.next_questions])
    parts += [Text(a.to_dict()["disclaimer"], style="italic")]
    return Panel(Group(*parts), title="crampcheck", title_align="left")


def question_stats(counts: list[int]) -> dict[str, Any]:
    """Distribution of questions asked per simulated interview."""
    if not counts:
        return {}
    ordered = sorted(counts)
    return {
        "median": statistics.median(ordered),
        "mean": round(statistics.fmean(ordered), 2),
        "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "max": ordered[-1],
        "histogram": {str(k): ordered.count(k) for k in sorted(set(ordered))},
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def eval_table(summary: dict[str, Any], name: str, form: str) -> Group:
    """The headline metrics and the per-cause table."""
    head = Table(title=f"{name} ({form} form): {summary['cases']} cases")
    head.add_column("metric")
    head.add_column("value", justify="right")
    for key in (
        "top1",
        "top3",
        "triage_exact",
        "safety_of_advice",
        "over_triage_rate",
        "under_triage_rate",
        "inclination_to_overtriage",
        "red_flag_sensitivity",
        "red_flag_rule_recall",
    ):
        head.add_row(key.replace("_", " "), _pct(summary[key]))
    if "questions" in summary:
        q = summary["questions"]
        head.add_row(
            "questions asked (median / p90 / max)", f"{q['median']} / {q['p90']} / {q['max']}"
        )
    causes = Table(title="per cause")
    for col in ("cause", "cases", "top-1", "top-3", "triage exact", "safe"):
        causes.add_column(col)
    for label, row in summary["per_cause"].items():
        causes.add_row(
            label,
            str(row["cases"]),
            _pct(row["top1"]),
            _pct(row["top3"]),
            _pct(row["triage_exact"]),
            _pct(row["safe"]),
        )
    return Group(head, causes)


def reader_table(data: dict[str, Any], name: str) -> Table:
    """Precision, recall and F1 overall, by polarity and by finding category."""
    table = Table(title=f"{name}: {data['items']} items; negation accuracy "
                  f"{_pct(data['negation_accuracy'])}")  # fmt: skip
    for col in ("scope", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col)
    rows = [("overall", data["overall"])]
    rows += [(f"polarity: {k}", v) for k, v in data["by_polarity"].items()]
    rows += [(f"category: {k}", v) for k, v in data["by_category"].items()]
    for label, s in rows:
        table.add_row(label, _pct(s["precision"]), _pct(s["recall"]), _pct(s["f1"]),
                      str(s["tp"]), str(s["fp"]), str(s["fn"]))  # fmt: skip
    return table
