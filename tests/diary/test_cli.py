"""`crampcheck diary ...` and `crampcheck profile ...` as a person or another tool uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from crampcheck.diary.cli import diary_app, profile_app

runner = CliRunner()
ADD = [
    "add",
    "--at",
    "2026-11-20T03:10:00+01:00",
    "--duration-s",
    "120",
    "--muscle",
    "calf",
    "--side",
    "left",
    "--severity",
    "7",
    "--activity",
    "sleeping",
]


def diary(*args: str) -> Result:
    return runner.invoke(diary_app, list(args), env={"COLUMNS": "200"})


def profile(*args: str) -> Result:
    return runner.invoke(profile_app, list(args), env={"COLUMNS": "200"})


def listed() -> list[dict[str, object]]:
    result = diary("list", "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


@pytest.mark.usefixtures("cli_env")
def test_add_prints_the_new_id_and_list_shows_it() -> None:
    result = diary(*ADD, "--tag", "heat", "--tag", "wine", "--note", "woke me")
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"
    assert listed() == [
        {
            "id": 1,
            "at": "2026-11-20T03:10:00+01:00",
            "duration_s": 120,
            "muscle": "calf",
            "side": "left",
            "severity": 7,
            "activity": "sleeping",
            "tags": ["heat", "wine"],
            "note": "woke me",
        }
    ]


@pytest.mark.usefixtures("cli_env")
def test_list_as_a_table_and_with_dates() -> None:
    diary(*ADD, "--note", "[/] is not markup [bold]")
    table = diary("list")
    assert "[/] is not markup [bold]" in table.stdout
    assert table.exit_code == 0 and "sleeping" in table.stdout and "7/10" in table.stdout
    assert diary("list", "--since", "2026-11-21", "--format", "json").stdout == "[\n]\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--at", "2026-11-20 3am", "at: '2026-11-20 3am' is not a date and time"),
        ("--at", "2026-11-20T03:10:00", "at: '2026-11-20T03:10:00' has no time-zone offset"),
        ("--duration-s", "-5", "duration_s: '-5' is out of range"),
        ("--severity", "11", "severity: '11' is out of range"),
        ("--muscle", "neck", "muscle: 'neck' is not allowed; use one of calf, foot"),
    ],
)
@pytest.mark.usefixtures("cli_env")
def test_bad_input_exits_2_names_the_field_and_writes_nothing(
    option: str, value: str, message: str
) -> None:
    args = list(ADD)
    args[args.index(option) + 1] = value
    result = diary(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert listed() == []


@pytest.mark.usefixtures("cli_env")
def test_edit_and_delete() -> None:
    diary(*ADD, "--tag", "heat")
    assert diary("edit", "1", "--severity", "3", "--clear-tags", "--note", "eased").exit_code == 0
    [edited] = listed()
    assert (edited["severity"], edited["tags"], edited["note"]) == (3, [], "eased")
    assert diary("edit", "1", "--tag", "wine").exit_code == 0
    assert listed()[0]["tags"] == ["wine"]
    assert diary("delete", "1").stdout == "deleted episode 1\n"
    assert listed() == []


@pytest.mark.usefixtures("cli_env")
def test_edit_and_delete_of_an_unknown_id_exit_2() -> None:
    for args in (("edit", "7", "--severity", "1"), ("delete", "7"), ("edit", "7")):
        result = diary(*args)
        assert result.exit_code == 2, args
        assert "error:" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.usefixtures("cli_env")
def test_export_then_import_is_lossless_and_all_or_nothing(tmp_path: Path, fmt: str) -> None:
    diary(*ADD, "--tag", "heat", "--note", 'a "quoted", note')
    first = tmp_path / f"first.{fmt}"
    assert diary("export", "--format", fmt, "-o", str(first)).exit_code == 0
    assert diary("delete", "1").exit_code == 0
    imported = diary("import", str(first))
    assert imported.exit_code == 0 and "imported 1 episodes" in imported.stdout
    second = tmp_path / f"second.{fmt}"
    assert diary("export", "-o", str(second)).exit_code == 0  # format from the name
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    again = diary("import", str(first))
    assert again.exit_code == 2
    assert "line 2, id: 1 is already in the diary" in again.stderr
    assert len(listed()) == 1


@pytest.mark.usefixtures("cli_env")
def test_export_to_stdout_defaults_to_json() -> None:
    diary(*ADD)
    assert json.loads(diary("export").stdout)[0]["id"] == 1


@pytest.mark.usefixtures("cli_env")
def test_stats_as_json_and_as_a_table() -> None:
    diary(*ADD, "--tag", "heat")
    data = json.loads(diary("stats", "--format", "json").stdout)
    assert data["episodes"] == 1 and data["night"]["episodes"] == 1
    assert {"per_week", "weekly", "duration_s", "by_muscle", "by_side", "trend", "tags"} <= set(
        data
    )
    table = diary("stats", "--since", "2026-11-01", "--until", "2026-11-30")
    assert table.exit_code == 0
    assert "at night" in table.stdout and "heat: 1 episode(s)" in table.stdout


@pytest.mark.usefixtures("cli_env")
def test_a_bad_date_option_exits_2() -> None:
    result = diary("stats", "--since", "last week")
    assert result.exit_code == 2
    assert "--since: 'last week' is not a date" in result.stderr


@pytest.mark.usefixtures("cli_env")
def test_plot_writes_png_and_svg(tmp_path: Path) -> None:
    diary(*ADD)
    for name, magic in (("d.png", b"\x89PNG"), ("d.svg", b"<?xml")):
        assert diary("plot", "-o", str(tmp_path / name)).exit_code == 0
        assert (tmp_path / name).read_bytes().startswith(magic)
    wrong = diary("plot", "-o", str(tmp_path / "d.jpg"))
    assert wrong.exit_code == 2 and "must end in .png or .svg" in wrong.stderr


@pytest.mark.usefixtures("cli_env")
def test_profile_set_and_show() -> None:
    result = profile(
        "set",
        "--birth-year",
        "1958",
        "--sex",
        "female",
        "--medicine",
        "atorvastatin:2026-09-01",
        "--medicine",
        "omeprazole",
        "--condition",
        "diabetes",
    )
    assert result.exit_code == 0, result.output
    assert "atorvastatin (since 2026-09-01)" in result.stdout
    assert json.loads(profile("show", "--format", "json").stdout) == {
        "birth_year": 1958,
        "sex": "female",
        "due_date": None,
        "postpartum_since": None,
        "medicines": [
            {"name": "atorvastatin", "start_date": "2026-09-01"},
            {"name": "omeprazole", "start_date": None},
        ],
        "conditions": ["diabetes"],
    }
    assert profile("set", "--clear", "medicines").exit_code == 0
    assert "omeprazole" not in profile("show").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--sex", "other"), "sex: 'other' is not allowed; use female or male"),
        (("--birth-year", "nineteen"), "birth_year: 'nineteen' is not a whole number"),
        (("--due-date", "soon"), "due_date: 'soon' is not a date"),
        (("--medicine", "statin:yesterday"), "give NAME:YYYY-MM-DD"),
        ((), "nothing to set"),
    ],
)
@pytest.mark.usefixtures("cli_env")
def test_bad_profile_input_exits_2(args: tuple[str, ...], message: str) -> None:
    result = profile("set", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_an_unreachable_database_exits_1_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/x")
    monkeypatch.setenv("CRAMPCHECK_DATABASE_TIMEOUT", "2")
    result = diary("list")
    assert result.exit_code == 1
    assert "cannot reach the diary database" in result.stderr
    assert "Traceback" not in result.output


def test_a_read_only_database_exits_1(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///{path}")
    diary(*ADD)
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", f"sqlite:///file:{path}?mode=ro&uri=true")
    result = diary(*ADD)
    assert result.exit_code == 1
    assert "read-only" in result.stderr
    assert diary("list", "--format", "json").exit_code == 0
