"""Accuracy side by side: crampcheck (text and answers forms) against the BM25 baseline.

The same vignettes (eval/dev.jsonl and eval/test.jsonl) and the same metrics as
`crampcheck eval`; the baseline is :mod:`crampcheck.evaluation.baseline`
("search the five seed articles"). Published anchors are printed for scale:
they were measured on other vignettes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SPLITS = ("dev", "test")
COLUMNS = [
    ("top-1", "top1"),
    ("top-3", "top3"),
    ("triage exact", "triage_exact"),
    ("safety of advice", "safety_of_advice"),
    ("under-triage", "under_triage_rate"),
    ("red-flag sensitivity", "red_flag_sensitivity"),
]
ANCHORS = [
    (
        "anchor: 23 online symptom checkers (Semigran et al., BMJ 2015;351:h3480; top-3 "
        "as restated for the same runs in the 2016 letter, 51.2 %)",
        {"top1": 0.34, "top3": 0.51, "triage_exact": 0.57},
    ),
    (
        "anchor: 234 physicians (Semigran et al., JAMA Intern Med 2016;176(12):1860-1861, "
        "doi:10.1001/jamainternmed.2016.6001)",
        {"top1": 0.72, "top3": 0.84},
    ),
]


def evaluate() -> list[tuple[str, str, dict[str, Any]]]:
    """(split, system, summary) for crampcheck text, crampcheck answers and the baseline."""
    from crampcheck.engine.model import default_model
    from crampcheck.evaluation.baseline import ArticleSearch
    from crampcheck.evaluation.harness import run
    from crampcheck.evaluation.metrics import summarise
    from crampcheck.evaluation.vignettes import read_vignettes
    from crampcheck.knowledge.lint import find_seeds_dir

    seeds = find_seeds_dir(REPO)
    if seeds is None:
        sys.exit("bench_baseline: ../shared/seeds must be beside the checkout")
    model = default_model()
    search = ArticleSearch(model.kb, seeds)
    out = []
    for split in SPLITS:
        vignettes = read_vignettes(REPO / "eval" / f"{split}.jsonl")
        out.append((split, "crampcheck, text form", summarise(run(model, vignettes, "text"))))
        out.append((split, "crampcheck, answers form", summarise(run(model, vignettes, "answers"))))
        out.append(
            (split, "baseline: BM25 over the seed articles", summarise(search.run(vignettes)))
        )
    return out


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f} %"


def accuracy_table() -> str:
    """The side-by-side table as Markdown."""
    head = "| split | system | cases | " + " | ".join(name for name, _ in COLUMNS) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 3)]
    for split, system, summary in evaluate():
        cells = " | ".join(_cell(summary[key]) for _, key in COLUMNS)
        lines.append(f"| {split} | {system} | {summary['cases']} | {cells} |")
    for name, figures in ANCHORS:
        cells = " | ".join(_cell(figures.get(key)) for _, key in COLUMNS)
        lines.append(f"| other vignettes | {name} | 45 | {cells} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(accuracy_table())
