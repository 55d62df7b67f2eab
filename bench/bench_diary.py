"""Diary at scale: 1,000,000 episodes in a temporary SQLite file.

Measures the bulk insert of a million generated episodes (one transaction),
``diary stats`` over all of them (target: at most 2 s), the database size, and
the all-or-nothing import of a CSV file (every row validated) of
:data:`IMPORT_ROWS` episodes. Run directly to print the figures; ``bench/run.py``
calls :func:`bench_diary`.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from crampcheck.diary.db import open_engine, transaction
from crampcheck.diary.io import import_file, write_csv
from crampcheck.diary.models import ACTIVITIES, MUSCLES, SIDES
from crampcheck.diary.repository import add_episodes
from crampcheck.diary.schemas import EpisodeIn
from crampcheck.diary.stats import compute_stats

EPISODES = 1_000_000
IMPORT_ROWS = 100_000
STATS_REPEATS = 5
START = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
SPAN_S = 6 * 365 * 86_400
ZONES = [dt.timezone(dt.timedelta(hours=h)) for h in (-5, 0, 1, 2, 9)]
TAGS = ["heat", "wine", "long-walk", "new-shoes", "stress", "coffee", "sauna", "cold"]

Samples = dict[str, tuple[str, list[float]]]


def generate(count: int, seed: int = 1) -> Iterator[EpisodeIn]:
    """``count`` plausible episodes (already valid, so they skip validation)."""
    rng = random.Random(seed)
    for _ in range(count):
        at = START + dt.timedelta(seconds=rng.randrange(SPAN_S))
        tags = tuple(sorted(rng.sample(TAGS, rng.choice((0, 0, 1, 2)))))
        yield EpisodeIn.model_construct(
            id=None,
            at=at.astimezone(rng.choice(ZONES)),
            duration_s=rng.randint(5, 900),
            muscle=rng.choice(MUSCLES),
            side=rng.choice(SIDES),
            severity=rng.randint(0, 10),
            activity=rng.choice(ACTIVITIES),
            tags=tags,
            note="woke me up" if rng.random() < 0.1 else None,
        )


def _seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _insert(url: str) -> float:
    engine = open_engine(url)
    try:

        def insert() -> None:
            with transaction(engine) as session:
                add_episodes(session, generate(EPISODES))

        return _seconds(insert)
    finally:
        engine.dispose()  # the last connection checkpoints the WAL into the file


def _stats(url: str) -> list[float]:
    engine = open_engine(url)
    try:

        def stats() -> None:
            with transaction(engine, write=False) as session:
                compute_stats(session, today=dt.date(2026, 1, 1))

        return [_seconds(stats) for _ in range(STATS_REPEATS)]
    finally:
        engine.dispose()


def _import(url: str, csv_file: Path) -> float:
    with csv_file.open("w", encoding="utf-8", newline="") as out:
        write_csv(generate(IMPORT_ROWS, seed=2), out)
    engine = open_engine(url)
    try:

        def load() -> None:
            with transaction(engine) as session:
                import_file(session, csv_file)

        return _seconds(load)
    finally:
        engine.dispose()


def bench_diary() -> Samples:
    """Insert, stats, size and validated import figures over a fresh SQLite diary."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        url = f"sqlite:///{path}"
        insert_s = _insert(url)
        size_mb = path.stat().st_size / 1e6
        stats_s = _stats(url)
        import_s = _import(url, Path(folder) / "import.csv")
    return {
        f"bulk insert of {EPISODES:,} episodes (one transaction)": ("s", [insert_s]),
        f"`diary stats` over {EPISODES:,} episodes": ("s", stats_s),
        f"SQLite file with {EPISODES:,} episodes": ("MB", [size_mb]),
        f"validated CSV import of {IMPORT_ROWS:,} more episodes (all or nothing)": (
            "s",
            [import_s],
        ),
    }


def main() -> None:
    """Print each figure: median (min-max) and unit."""
    for name, (unit, samples) in bench_diary().items():
        spread = f" ({min(samples):.2f}-{max(samples):.2f})" if len(samples) > 1 else ""
        print(f"{name}: {statistics.median(samples):.2f} {unit}{spread}")


if __name__ == "__main__":
    main()
