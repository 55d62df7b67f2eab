"""The reader's evaluation: the corpus is sound, and the scoring counts correctly."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcheck.cli import app
from crampcheck.engine.evidence import read_answers
from crampcheck.engine.model import default_model
from crampcheck.evaluation.reader_eval import Counts, evaluate_reader, evidence, read_corpus

CORPUS = Path(__file__).resolve().parents[2] / "eval" / "understand"
DEV = read_corpus(CORPUS / "dev.jsonl")
TEST = read_corpus(CORPUS / "test.jsonl")
MODEL = default_model()


def test_the_corpus_is_big_enough_and_varied() -> None:
    items = DEV + TEST
    tags = Counter(t for item in items for t in item["tags"])
    styles = Counter(item["style"] for item in items)
    assert len(items) >= 250
    assert tags["negation"] >= 50 and tags["typo"] >= 40
    assert styles["lay"] >= 50 and styles["clinical"] >= 50
    assert not {i["id"] for i in DEV} & {i["id"] for i in TEST}
    assert not {i["text"] for i in DEV} & {i["text"] for i in TEST}


@pytest.mark.parametrize("item", DEV + TEST, ids=lambda i: i["id"])
def test_every_annotation_uses_known_findings_and_values(item: dict[str, object]) -> None:
    read_answers(MODEL, item["findings"])  # type: ignore[arg-type]


def test_counts_give_precision_recall_and_f1() -> None:
    assert Counts(tp=8, fp=2, fn=8).scores() == {
        "precision": 0.8, "recall": 0.5, "f1": 0.6154, "tp": 8, "fp": 2, "fn": 8,
    }  # fmt: skip
    assert Counts().scores()["f1"] is None


def test_evidence_keeps_only_the_true_age_band() -> None:
    assert evidence(MODEL, {"age": 70}) == {"age_65_plus": True}


def test_a_wrong_polarity_is_one_false_positive_and_one_false_negative() -> None:
    items = [{"id": "x", "text": "no swelling of the calf", "style": "lay", "tags": [],
              "findings": {"calf_swollen_one_side": True}}]  # fmt: skip
    report = evaluate_reader(MODEL, items)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)
    assert report.polarity_seen == 1 and report.polarity_right == 0


def test_eval_reader_command_reports_json(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "a", "text": "calf cramps at night", "style": "lay",
                               "tags": [], "findings": {"night_cramps": True}}) + "\n")  # fmt: skip
    result = CliRunner().invoke(app, ["eval-reader", str(one), "--format", "json", "--errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["tp"] >= 1 and "errors" in data
    table = CliRunner().invoke(app, ["eval-reader", str(one)], env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "negation accuracy" in table.stdout


def test_the_dev_corpus_does_not_regress() -> None:
    report = evaluate_reader(MODEL, DEV).to_dict()
    assert report["overall"]["f1"] >= 0.75
    assert report["negation_accuracy"] >= 0.95
