"""Finding-level precision, recall and F1 of the text reader on an annotated corpus.

Gold and predicted findings are both turned into the yes/no evidence the engine
sees (:func:`crampcheck.engine.evidence.read_answers`): an age becomes its age
band, "sex: female" becomes ``female``. Only the true member of a derived group
is scored. A prediction is a true positive when the gold has the same finding
with the same value; a wrong value counts once as a false positive and once as a
false negative. *Negation accuracy* is, over gold yes/no findings the reader
found at all, the share read with the right polarity.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import CompiledModel
from crampcheck.errors import UserInputError
from crampcheck.understand.reader import read_text


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict[str, float | int | None]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        rounded = {k: None if v is None else round(v, 4) for k, v in
                   {"precision": p, "recall": r, "f1": f1}.items()}  # fmt: skip
        return {**rounded, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class ReaderReport:
    overall: Counts = field(default_factory=Counts)
    by_category: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_polarity: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    polarity_right: int = 0
    polarity_seen: int = 0
    items: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "overall": self.overall.scores(),
            "negation_accuracy": round(self.polarity_right / self.polarity_seen, 4)
            if self.polarity_seen
            else None,
            "by_category": {k: v.scores() for k, v in sorted(self.by_category.items())},
            "by_polarity": {k: v.scores() for k, v in sorted(self.by_polarity.items())},
        }


def evidence(model: CompiledModel, findings: dict[str, Any]) -> dict[str, bool]:
    """Yes/no evidence, keeping only the true member of each derived group."""
    known = read_answers(model, findings).known
    return {k: v for k, v in known.items() if v or k not in model.group_of}


def read_corpus(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise UserInputError(f"{path} does not exist; give an annotated corpus JSONL file")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UserInputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
    return items


def _category(model: CompiledModel, fid: str) -> str:
    return model.findings[fid].category


def _score_item(model: CompiledModel, report: ReaderReport, item: dict[str, Any]) -> None:
    gold = evidence(model, item["findings"])
    predicted_raw = {f.id: f.value for f in read_text(model, item["text"])}
    predicted = evidence(model, predicted_raw)
    for fid in gold.keys() | predicted.keys():
        counts = [report.overall, report.by_category[_category(model, fid)]]
        if fid in gold:
            counts.append(report.by_polarity["negated" if not gold[fid] else "stated"])
        _tally(counts, gold.get(fid), predicted.get(fid))
        if fid in gold and fid in predicted:
            report.polarity_seen += 1
            report.polarity_right += gold[fid] == predicted[fid]
        if gold.get(fid) != predicted.get(fid):
            error = {"id": item["id"], "finding": fid}
            report.errors.append({**error, "gold": gold.get(fid), "predicted": predicted.get(fid)})


def _tally(counts: Iterable[Counts], gold: bool | None, predicted: bool | None) -> None:
    for c in counts:
        if gold is not None and gold == predicted:
            c.tp += 1
            continue
        if predicted is not None:
            c.fp += 1
        if gold is not None:
            c.fn += 1


def evaluate_reader(model: CompiledModel, items: list[dict[str, Any]]) -> ReaderReport:
    report = ReaderReport()
    for item in items:
        report.items += 1
        _score_item(model, report, item)
    return report
