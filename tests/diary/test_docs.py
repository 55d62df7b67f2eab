"""docs/diary.md describes every command, every finding the diary sets, and every setting."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from crampcheck.diary.cli import diary_app, profile_app
from crampcheck.diary.patterns import MEDICINES
from crampcheck.settings import Settings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "diary.md").read_text(encoding="utf-8")
PATTERN_FINDINGS = [
    "night_cramps",
    "wakes_from_sleep",
    "during_exercise",
    "while_swimming",
    "on_stretching",
    "site_calf",
    "site_foot",
    "site_toes",
    "site_thigh",
    "one_leg_only",
    "both_legs",
    "cramp_duration_s",
    "frequent_weekly",
    "getting_more_frequent",
    "long_standing",
    "heat_sweating",
    "cold_exposure",
    "age",
    "sex",
    "pregnant",
    "pregnancy_weeks",
    "postpartum",
    "began_new_medicine",
]


def _commands(app: typer.Typer) -> list[str]:
    return [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]


@pytest.mark.parametrize(
    "command",
    [f"diary {c}" for c in _commands(diary_app)] + [f"profile {c}" for c in _commands(profile_app)],
)
def test_every_command_has_a_section(command: str) -> None:
    assert f"### `crampcheck {command}`" in DOC


@pytest.mark.parametrize("finding", PATTERN_FINDINGS + list(MEDICINES))
def test_every_finding_the_diary_sets_is_documented(finding: str) -> None:
    assert f"`{finding}`" in DOC


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_documented(name: str) -> None:
    assert f"`CRAMPCHECK_{name.upper()}`" in DOC
