"""Rich renderings of knowledge-base records for people at a terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from crampcheck.knowledge.models import TRIAGE_WORDS, Condition, KnowledgeBase

TRIAGE_STYLE = {
    "emergency": "bold white on red",
    "urgent": "bold black on yellow",
    "routine": "bold black on cyan",
    "self_care": "bold black on green",
}


def _bullets(title: str, lines: list[str]) -> list[RenderableType]:
    if not lines:
        return []
    body = Text()
    for line in lines:
        body.append("  • " + line + "\n")
    return [Text(title, style="bold"), body]


def condition_panel(kb: KnowledgeBase, cond: Condition) -> Panel:
    """One condition, in the order a person needs it: what, how urgent, what to do."""
    tests = {t.id: t.name for t in kb.advice.tests}
    specialists = {s.id: s.name for s in kb.advice.specialists}
    refs = {r.id: r.citation for r in kb.references}
    triage = Text(f" {TRIAGE_WORDS[cond.triage]} ", style=TRIAGE_STYLE[cond.triage])
    parts: list[RenderableType] = [
        Text(cond.summary + "\n"),
        Text.assemble("If this is the cause: ", triage, f"  ({cond.triage})\n"),
        Text(f"ICD-10-CM: {', '.join(cond.icd10)}    group: {cond.group}\n", style="dim"),
    ]
    parts += _bullets("Gets more urgent when", [e.reason for e in cond.escalations])
    parts += _bullets("Tests that settle it", [tests.get(t, t) for t in cond.tests])
    parts += _bullets("Who to see", [specialists.get(s, s) for s in cond.specialists])
    parts += _bullets("Treatment", cond.treatment)
    parts += _bullets("Prevention", cond.prevention)
    parts += _bullets("Avoid", cond.avoid)
    parts += _bullets("Questions to ask the doctor", cond.ask_doctor)
    parts += _bullets("References", [refs.get(c.ref, c.ref) for c in cond.references])
    title = f"{cond.name} — {cond.lay_name}" if cond.lay_name != cond.name else cond.name
    return Panel(Group(*parts), title=title, title_align="left")


def kb_summary_table(kb: KnowledgeBase) -> Table:
    """How many conditions each group holds, and the triage levels they need."""
    table = Table(title=f"crampcheck knowledge base {kb.version}")
    table.add_column("group")
    table.add_column("conditions", justify="right")
    table.add_column("examples")
    by_group = Counter(c.group for c in kb.conditions)
    for group, count in sorted(by_group.items()):
        names = [c.lay_name for c in kb.conditions if c.group == group][:3]
        table.add_row(group, str(count), "; ".join(names))
    return table


def condition_list_table(kb: KnowledgeBase) -> Table:
    table = Table()
    for col in ("id", "name", "ICD-10-CM", "triage"):
        table.add_column(col)
    for c in sorted(kb.conditions, key=lambda c: c.id):
        table.add_row(c.id, c.name, ", ".join(c.icd10), c.triage)
    return table
