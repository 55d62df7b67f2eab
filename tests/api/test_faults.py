"""A database that cannot be written: a clear 503, reading still works, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi.testclient import TestClient

from crampcheck.api.app import create_app
from crampcheck.settings import Settings
from tests.api.test_diary import EPISODE


def _client(url: str) -> TestClient:
    return TestClient(create_app(Settings(database_url=url)), base_url="https://testserver")


def test_a_read_only_sqlite_diary_refuses_writes_with_503_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "main.sqlite3"
    with _client(f"sqlite:///{path}") as client:
        assert client.post("/api/v1/diary/episodes", json=EPISODE).status_code == 201
        assert client.get("/").status_code == 200  # the form key is made and stored
    # root ignores file modes, so open the file read-only the way SQLite itself offers
    with _client(f"sqlite:///file:{path}?mode=ro&uri=true") as client:
        refused = client.post("/api/v1/diary/episodes", json=EPISODE | {"note": "lost?"})
        assert refused.status_code == 503
        assert refused.headers["retry-after"].isdigit()
        assert "Traceback" not in refused.text
        listed = client.get("/api/v1/diary/episodes").json()
        assert listed["total"] == 1
        assert client.get("/diary").status_code == 200
        page = client.post("/diary", data={"csrf": "x"})
        assert page.status_code == 403  # the form check runs before any write
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM episode").fetchone() == (1,)
