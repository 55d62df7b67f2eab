"""docs/cli.md is the generated reference of every command, and it is up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from crampcheck.cli import app

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands(group: object, prefix: str = "crampcheck") -> list[str]:
    names = [prefix]
    for name, command in getattr(group, "commands", {}).items():
        names += _commands(command, f"{prefix} {name}")
    return names


def test_every_command_is_in_the_cli_reference() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [c for c in _commands(get_command(app)) if f"`{c}`" not in text]
    assert missing == []


def test_the_cli_reference_is_regenerated(tmp_path: Path) -> None:
    out = tmp_path / "cli.md"
    typer = Path(sys.executable).with_name("typer")
    subprocess.run(
        [
            str(typer),
            "crampcheck.cli",
            "utils",
            "docs",
            "--name",
            "crampcheck",
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    assert out.read_text(encoding="utf-8") == DOC.read_text(encoding="utf-8"), "run `make docs`"
