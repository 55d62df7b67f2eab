"""The assessment for a person at a terminal: triage in words first, then why and what to do."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
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
    parts += _section("Still worth answering", [q.finding.text for q in a.next_questions])
    parts += [Text(a.to_dict()["disclaimer"], style="italic")]
    return Panel(Group(*parts), title="crampcheck", title_align="left")
