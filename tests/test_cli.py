"""The `crampcheck` command, as a person or another tool would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crampcheck.cli import app
from tests.conftest import Mutator

runner = CliRunner()


def test_kb_lint_passes_on_the_shipped_knowledge_base() -> None:
    result = runner.invoke(app, ["kb", "lint"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_kb_lint_reports_each_problem_and_exits_1(
    kb_dir: Path, fixture_seeds: Path, mutate: Mutator
) -> None:
    mutate("conditions/alpha.yaml", lambda d: d.update(icd10=["R25.99"]))
    result = runner.invoke(
        app, ["kb", "lint", "--data", str(kb_dir), "--seeds", str(fixture_seeds)]
    )
    assert result.exit_code == 1
    assert "alpha.icd10: expected a valid ICD-10-CM code; found 'R25.99'" in result.stderr
    assert "1 problem(s)" in result.stderr


def test_kb_lint_explains_a_file_that_does_not_parse(kb_dir: Path) -> None:
    (kb_dir / "findings.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "lint", "--data", str(kb_dir)])
    assert result.exit_code == 1
    assert "findings.yaml: not valid YAML" in result.stderr
    assert "Traceback" not in result.output


def test_kb_lint_rejects_a_missing_seeds_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["kb", "lint", "--seeds", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_kb_show_presents_a_condition_for_a_person() -> None:
    result = runner.invoke(app, ["kb", "show", "dvt"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Deep vein thrombosis" in result.stdout
    assert "See a doctor today" in result.stdout


def test_kb_show_suggests_close_ids_for_a_typo() -> None:
    result = runner.invoke(app, ["kb", "show", "dvtt"])
    assert result.exit_code == 2
    assert "Did you mean dvt" in result.stderr


def test_kb_export_json_has_the_public_shape() -> None:
    result = runner.invoke(app, ["kb", "export", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"version", "conditions", "findings", "claims"} <= data.keys()
    assert {"id", "name", "icd10", "group", "triage", "prior"} <= data["conditions"][0].keys()
    assert {"id", "text", "type", "red_flag"} <= data["findings"][0].keys()
    assert {f["type"] for f in data["findings"]} == {"yes_no", "choice", "number"}
    assert {"id", "text", "verdict"} <= data["claims"][0].keys()


def test_kb_list_and_summary_run() -> None:
    listed = runner.invoke(app, ["kb", "list"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0 and "idiopathic_nocturnal_cramps" in listed.stdout
    summary = runner.invoke(app, ["kb", "summary"])
    assert summary.exit_code == 0 and "passes every check" in summary.stdout


def test_no_arguments_prints_help() -> None:
    result = runner.invoke(app, [])
    assert "kb" in result.output


def test_assess_answers_file_prints_the_assessment_json(tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text('{"age": 70, "night_cramps": true, "muscle_hardens": true}')
    result = runner.invoke(app, ["assess", "--answers", str(answers), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["causes"][0]["id"] == "idiopathic_nocturnal_cramps"


def test_assess_text_default_output_puts_triage_first() -> None:
    result = runner.invoke(
        app, ["assess", "--text", "my calf cramps at night"], env={"COLUMNS": "120"}
    )
    assert result.exit_code == 0
    assert result.stdout.index("AT HOME") < result.stdout.index("Likely causes")


def test_assess_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = tmp_path / "in.jsonl"
    lines.write_text(
        '{"text": "calf cramps at night"}\n'
        '{"answers": {"nigth": true}}\n'
        "not json\n"
        '{"text": "my leg went cold and pale an hour ago"}\n'
    )
    result = runner.invoke(app, ["assess", "--jsonl", str(lines)])
    assert result.exit_code == 0
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == 4
    assert "causes" in out[0]
    assert out[1]["error"]["line"] == 2 and "nigth" in out[1]["error"]["message"]
    assert out[2]["error"]["line"] == 3
    assert out[3]["triage"]["level"] == "emergency"


def test_assess_without_input_says_what_to_give() -> None:
    result = runner.invoke(app, ["assess"])
    assert result.exit_code == 2 and "--text" in result.stderr


def test_assess_with_a_broken_answers_file_is_explained(tmp_path: Path) -> None:
    bad = tmp_path / "a.json"
    bad.write_text("{not json")
    result = runner.invoke(app, ["assess", "--answers", str(bad)])
    assert result.exit_code == 2 and "not valid JSON" in result.stderr
    listed = tmp_path / "b.json"
    listed.write_text("[1, 2]")
    result = runner.invoke(app, ["assess", "--answers", str(listed)])
    assert result.exit_code == 2 and "one JSON object" in result.stderr
    result = runner.invoke(app, ["assess", "--answers", str(tmp_path / "none.json")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_interview_ctrl_d_exits_cleanly() -> None:
    result = runner.invoke(app, ["interview"], input="")
    assert result.exit_code == 130
    assert "Nothing was saved" in result.stderr
    assert "Traceback" not in result.output


def test_interview_ends_on_the_result_screen() -> None:
    result = runner.invoke(app, ["interview", "--text", "calf cramps at night"], input="n\nq\n")
    assert result.exit_code == 0
    assert "Likely causes" in result.stdout


def test_assess_use_diary_names_the_diary_as_evidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'diary.db'}")
    for day in range(14, 22):
        added = runner.invoke(app, [
            "diary", "add", "--at", f"2026-11-{day}T03:10:00+01:00", "--duration-s", "90",
            "--muscle", "calf", "--side", "left", "--severity", "6", "--activity", "sleeping",
        ])  # fmt: skip
        assert added.exit_code == 0, added.output
    result = runner.invoke(app, ["assess", "--use-diary", "--format", "json"])
    assert result.exit_code == 0, result.output
    diary = {f["id"]: f for f in json.loads(result.stdout)["findings"] if f["source"] == "diary"}
    assert diary["night_cramps"]["value"] is True
    assert "8 of 8 episodes" in diary["night_cramps"]["span"]


def test_answers_override_the_diary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'diary.db'}")
    for day in range(14, 20):
        runner.invoke(app, [
            "diary", "add", "--at", f"2026-11-{day}T03:10:00+01:00", "--duration-s", "90",
            "--muscle", "calf", "--side", "left", "--severity", "6", "--activity", "sleeping",
        ])  # fmt: skip
    answers = tmp_path / "a.json"
    answers.write_text('{"night_cramps": false}')
    result = runner.invoke(
        app, ["assess", "--use-diary", "--answers", str(answers), "--format", "json"]
    )
    found = {f["id"]: f for f in json.loads(result.stdout)["findings"]}
    assert found["night_cramps"] == {"id": "night_cramps", "value": False, "source": "answers",
                                     "span": None}  # fmt: skip


def test_an_unexpected_error_shows_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import crampcheck.cli as cli

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("CRAMPCHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert "unexpected problem (RuntimeError)" in captured.err
    assert "Traceback" not in captured.err


def test_debug_mode_shows_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import crampcheck.cli as cli

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.setenv("CRAMPCHECK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()


def test_a_crampcheck_error_is_shown_as_its_own_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import crampcheck.cli as cli
    from crampcheck.errors import KnowledgeBaseError

    def broken() -> None:
        raise KnowledgeBaseError("findings.yaml: not valid YAML; fix the syntax")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    assert "findings.yaml: not valid YAML; fix the syntax" in capsys.readouterr().err
