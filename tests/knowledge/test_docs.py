"""docs/knowledge-base.md carries the current, generated table of conditions."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcheck.knowledge.docs import BEGIN, END, conditions_table, render
from crampcheck.knowledge.loader import load_kb

DOC = Path(__file__).resolve().parents[2] / "docs" / "knowledge-base.md"


def test_the_generated_table_is_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert render(text, load_kb()) == text, "run `make docs` and commit docs/knowledge-base.md"


def test_every_condition_appears_in_the_docs() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [c.id for c in load_kb().conditions if f"`{c.id}`" not in text]
    assert missing == []


def test_render_needs_the_markers() -> None:
    with pytest.raises(ValueError, match="markers"):
        render("no markers here", load_kb())


def test_render_replaces_only_the_generated_section() -> None:
    kb = load_kb()
    doc = f"before\n{BEGIN}\nstale\n{END}\nafter\n"
    assert render(doc, kb) == f"before\n{BEGIN}\n{conditions_table(kb)}\n{END}\nafter\n"
