"""Generated parts of ``docs/knowledge-base.md`` (``make docs`` rewrites them).

The table of conditions sits between two marker comments; a test checks that
the file in the repository matches what this module generates.
"""

from __future__ import annotations

import sys
from pathlib import Path

from crampcheck.knowledge.loader import load_kb
from crampcheck.knowledge.models import KnowledgeBase

BEGIN = "<!-- BEGIN GENERATED: conditions -->"
END = "<!-- END GENERATED: conditions -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def conditions_table(kb: KnowledgeBase) -> str:
    """A Markdown table of every condition, sorted by group then id."""
    rows = [
        "| id | condition | group | ICD-10-CM | triage | prior | red flag | mimic |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in sorted(kb.conditions, key=lambda c: (c.group, c.id)):
        flag = "yes" if c.red_flag else ""
        mimic = "yes" if c.mimic else ""
        rows.append(
            f"| `{c.id}` | {_cell(c.name)} | {c.group} | {', '.join(c.icd10)} | "
            f"{c.triage} | {c.prior.p:g} | {flag} | {mimic} |"
        )
    return "\n".join(rows)


def render(document: str, kb: KnowledgeBase) -> str:
    """``document`` with the generated section replaced by the current table."""
    head, found_begin, rest = document.partition(BEGIN)
    _, found_end, tail = rest.partition(END)
    if not (found_begin and found_end):
        raise ValueError(f"the document needs the markers {BEGIN} and {END}")
    return f"{head}{BEGIN}\n{conditions_table(kb)}\n{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/knowledge-base.md")
    path.write_text(render(path.read_text(encoding="utf-8"), load_kb()), encoding="utf-8")
    print(f"updated {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
