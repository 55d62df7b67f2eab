"""SQLite faults: a read-only diary and a full disk give exit code 1, one sentence that
says what to do, no traceback, and leave the diary intact (integrity_check ok, every
earlier row still there). A process killed during an import: see test_reliability.py.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from crampcheck.diary.db import open_engine, transaction
from crampcheck.diary.repository import add_episode
from tests.diary.conftest import episode

REPO = Path(__file__).resolve().parents[2]
CRAMPCHECK = str(Path(sys.executable).with_name("crampcheck"))
ADD = [
    "diary", "add", "--at", "2026-11-21T03:10:00+01:00", "--duration-s", "60",
    "--muscle", "calf", "--side", "right", "--severity", "6", "--activity", "sleeping",
    "--note", "n" * 2000,
]  # fmt: skip
BIG_NOTE = "x" * 2000
"""Earlier rows with notes this long fill a 4 KiB page each, so a new row needs a new page."""


def _diary(path: Path, rows: int = 5) -> str:
    url = f"sqlite:///{path}"
    engine = open_engine(url)
    with transaction(engine) as session:
        for n in range(rows):
            add_episode(session, episode(note=f"{n} {BIG_NOTE}"[:2000], tags=["heat"]))
    engine.dispose()
    return url


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM episode ORDER BY id").fetchall()


def _intact(path: Path, rows: list[tuple[object, ...]]) -> None:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _rows(path) == rows


def _run(args: list[str], url: str, *, full: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "tests.diary.full_disk"] if full else [CRAMPCHECK]
    env = {**os.environ, "CRAMPCHECK_DATABASE_URL": url}
    return subprocess.run(
        [*command, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def _clear_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("error: ")
    for word in words:
        assert word in result.stderr


def test_a_read_only_diary_says_so_and_stays_intact(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    _diary(path)
    rows = _rows(path)
    result = _run(ADD, f"sqlite:///file:{path}?mode=ro&uri=true")
    _clear_failure(result, "read-only", "writable")
    _intact(path, rows)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_diary_file_without_write_permission(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "diary.sqlite3"
    _diary(path)
    rows = _rows(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = _run(ADD, f"sqlite:///{path}")
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    _clear_failure(result, "writable")
    _intact(path, rows)


def test_a_full_disk_says_what_to_do_and_keeps_every_earlier_row(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    url = _diary(path)
    rows = _rows(path)
    result = _run(ADD, url, full=True)
    _clear_failure(result, "full", "free some disk space")
    _intact(path, rows)
    assert _run(ADD, url).returncode == 0  # with space again the same entry is saved
    assert len(_rows(path)) == len(rows) + 1


def test_an_import_onto_a_full_disk_imports_nothing(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    url = _diary(path)
    rows = _rows(path)
    source = tmp_path / "more.json"
    assert _run(["diary", "export", "-o", str(source)], url).returncode == 0
    fresh = tmp_path / "fresh.sqlite3"
    result = _run(["diary", "import", str(source)], _diary(fresh, rows=0), full=True)
    _clear_failure(result, "full")
    _intact(fresh, [])
    _intact(path, rows)


def test_a_full_disk_error_from_the_driver_says_what_to_do() -> None:
    import sqlite3

    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from crampcheck.diary.db import storage_error

    driver = OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
    message = str(storage_error(driver, make_url("sqlite:///x.sqlite3")))
    assert "free some disk space" in message
    assert "already saved are unchanged" in message
    busy = OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
    assert "free some disk space" not in str(storage_error(busy, make_url("sqlite:///x")))
