"""The diary's public names, and a command line that stays quick to start."""

from __future__ import annotations

import subprocess
import sys

import pytest

import crampcheck.diary


def test_every_public_name_exists() -> None:
    for name in crampcheck.diary.__all__:
        assert callable(getattr(crampcheck.diary, name)), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = crampcheck.diary.nope


def test_loading_the_commands_does_not_load_the_database_or_plotting_libraries() -> None:
    code = (
        "import sys, crampcheck.diary.cli; "
        "print([m for m in ('sqlalchemy', 'alembic', 'matplotlib') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
