"""The harness runs vignettes in every form; `crampcheck eval` reports the metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcheck.cli import app
from crampcheck.engine.model import default_model
from crampcheck.errors import UserInputError
from crampcheck.evaluation.harness import run
from crampcheck.evaluation.simulator import simulate
from crampcheck.evaluation.vignettes import read_vignettes

MINI = Path(__file__).parent / "fixtures" / "mini.jsonl"
runner = CliRunner()


@pytest.mark.parametrize("form", ["answers", "text", "interview"])
def test_every_form_gives_one_result_per_vignette(form: str) -> None:
    results = run(default_model(), read_vignettes(MINI), form)  # type: ignore[arg-type]
    assert [r.id for r in results] == ["t-1", "t-2", "t-3"]
    assert all(r.ranked_ids for r in results)


def test_the_simulator_asks_and_answers_from_the_facts() -> None:
    sim = simulate(default_model(), {"urge_to_move": True, "worse_evening_rest": True})
    assert 1 <= sim.questions <= 30
    asked = {f.id for f in sim.assessment.findings}
    assert "urge_to_move" in asked or sim.questions == 30


def test_eval_json_reports_every_metric() -> None:
    result = runner.invoke(app, ["eval", str(MINI), "--format", "json", "--form", "interview"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in (
        "top1",
        "top3",
        "triage_exact",
        "safety_of_advice",
        "over_triage_rate",
        "red_flag_sensitivity",
        "per_cause",
        "questions",
    ):
        assert key in data
    assert data["cases"] == 3


def test_eval_table_is_readable() -> None:
    result = runner.invoke(app, ["eval", str(MINI)], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "top1" in result.stdout and "restless_legs" in result.stdout


def test_a_bad_vignette_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(MINI.read_text().splitlines()[0] + '\n{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(UserInputError, match=r"bad.jsonl:2: text: Field required"):
        read_vignettes(bad)
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl:2" in result.stderr


def test_a_missing_vignette_file_is_explained(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
