"""bench/run.py and bench/bench_baseline.py: the report keeps its notes and history."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import bench_baseline  # noqa: E402
import run  # noqa: E402

OLD = f"""# Benchmarks

intro

{run.NOTES_START}

## Profile and fix

figures

{run.NOTES_END}

## Run of B

| new |

{run.HISTORY}

## Run of A

| old |
"""


def test_the_notes_and_every_earlier_run_are_kept() -> None:
    notes, history = run._split_report(OLD)
    assert notes == "## Profile and fix\n\nfigures"
    assert history == "## Run of B\n\n| new |\n\n## Run of A\n\n| old |"


def test_a_report_without_notes_still_keeps_its_history() -> None:
    notes, history = run._split_report("# Benchmarks\n\n## Run of B\n\nx\n")
    assert notes == ""
    assert history == "## Run of B\n\nx"


def test_a_row_shows_median_and_p99() -> None:
    row = run._row("x", "ms", [float(n) for n in range(1, 101)])
    assert row == "| x | 50.50 ms | 1.00 | 90.10 | 99.01 | 100.00 | 100 |"


def test_the_accuracy_table_has_every_system_and_the_anchors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary: dict[str, Any] = {
        "cases": 2,
        "top1": 0.5,
        "top3": 1.0,
        "triage_exact": 0.5,
        "safety_of_advice": 1.0,
        "under_triage_rate": 0.0,
        "red_flag_sensitivity": None,
    }
    rows = [(split, "sys", summary) for split in ("dev", "test")]
    monkeypatch.setattr(bench_baseline, "evaluate", lambda: rows)
    table = bench_baseline.accuracy_table().splitlines()
    assert table[2] == "| dev | sys | 2 | 50.0 % | 100.0 % | 50.0 % | 100.0 % | 0.0 % | - |"
    assert "34.0 % | 51.0 % | 57.0 %" in table[4]
    assert "72.0 % | 84.0 % | - |" in table[5]
