"""Settings: one declarative place, the SQLite default, an environment override, help for each."""

from __future__ import annotations

from pathlib import Path

import pytest

from crampcheck.settings import Settings


def test_the_default_is_an_sqlite_file_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CRAMPCHECK_DATABASE_URL", raising=False)
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "crampcheck"))
    assert Settings().database_url == f"sqlite:///{tmp_path / 'crampcheck' / 'diary.sqlite3'}"


def test_the_environment_overrides_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    monkeypatch.setenv("CRAMPCHECK_DATABASE_URL", url)
    monkeypatch.setenv("CRAMPCHECK_DATABASE_TIMEOUT", "5")
    assert (Settings().database_url, Settings().database_timeout) == (url, 5.0)


def test_every_setting_has_help_text() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 20, name
