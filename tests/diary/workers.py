"""Child processes for the reliability tests: ``python -m tests.diary.workers ...``.

``add URL COUNT GO_FILE`` waits for GO_FILE, then adds COUNT episodes, one
transaction each. ``import URL FILE`` imports FILE through ``crampcheck diary import``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def add(url: str, count: int, go_file: Path) -> None:
    from crampcheck.diary.db import open_engine, transaction
    from crampcheck.diary.repository import add_episode
    from tests.diary.conftest import episode

    while not go_file.exists():
        time.sleep(0.005)
    engine = open_engine(url)
    for n in range(count):
        with transaction(engine) as session:
            add_episode(session, episode(note=f"{os.getpid()} #{n}"))
    engine.dispose()


def import_(url: str, file: str) -> None:
    from crampcheck.diary.cli import diary_app

    os.environ["CRAMPCHECK_DATABASE_URL"] = url
    diary_app(["import", file])


if __name__ == "__main__":
    command, url, *rest = sys.argv[1:]
    if command == "add":
        add(url, int(rest[0]), Path(rest[1]))
    else:
        import_(url, rest[0])
