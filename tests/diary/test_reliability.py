"""The diary survives concurrent writers and a process killed in the middle of an import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from crampcheck.diary.db import open_engine, transaction
from crampcheck.diary.io import write_csv
from crampcheck.diary.repository import count_episodes
from crampcheck.diary.schemas import validate_episode
from tests.diary.conftest import episode, postgres_schema

REPO = Path(__file__).resolve().parents[2]
PER_PROCESS = 500
BIG_IMPORT = 30_000


def _worker(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.diary.workers", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _count(url: str) -> int:
    engine = open_engine(url)
    try:
        with transaction(engine, write=False) as session:
            return count_episodes(session)
    finally:
        engine.dispose()


def test_two_processes_adding_500_episodes_each_end_with_exactly_1000(
    database_url: str, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    workers = [_worker("add", database_url, str(PER_PROCESS), str(go)) for _ in range(2)]
    go.touch()
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr.decode()
    assert _count(database_url) == 2 * PER_PROCESS


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.csv"
    episodes = (
        validate_episode(episode(note=f"row {n}", tags=["heat"])) for n in range(BIG_IMPORT)
    )
    with path.open("w", encoding="utf-8", newline="") as out:
        write_csv(episodes, out)
    return path


def _kill_when(worker: subprocess.Popen[bytes], inserting: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not inserting():
        assert worker.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline, "the import never started writing"
        time.sleep(0.002)
    os.kill(worker.pid, signal.SIGKILL)
    worker.communicate(timeout=10)
    assert worker.returncode == -signal.SIGKILL


def test_sqlite_import_killed_midway_leaves_nothing(tmp_path: Path, big_file: Path) -> None:
    database = tmp_path / "diary.sqlite3"
    url = f"sqlite:///{database}"
    open_engine(url).dispose()  # migrated up front: the WAL then grows only with the import
    wal = Path(f"{database}-wal")
    worker = _worker("import", url, str(big_file))
    _kill_when(worker, lambda: wal.exists() and wal.stat().st_size > 1_000_000)
    assert _count(url) == 0
    with create_engine(url).connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.fixture
def postgres_url() -> Iterator[tuple[str, str]]:
    application = f"crampcheck-kill-{uuid.uuid4().hex[:8]}"
    for url in postgres_schema(f"t_{uuid.uuid4().hex[:12]}", application):
        yield url, application


@pytest.mark.postgres
def test_postgres_import_killed_midway_leaves_nothing(
    postgres_url: tuple[str, str], big_file: Path
) -> None:
    url, application = postgres_url
    open_engine(url).dispose()
    watcher = create_engine(url, isolation_level="AUTOCOMMIT")
    probe = text(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
        "AND query ILIKE 'INSERT INTO episode%'"
    )

    def inserting() -> bool:
        with watcher.connect() as conn:
            return bool(conn.execute(probe, {"name": application}).scalar())

    worker = _worker("import", url, str(big_file))
    try:
        _kill_when(worker, inserting)
    finally:
        watcher.dispose()
    assert _count(url) == 0
