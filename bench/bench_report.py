"""The doctor-visit report with a year of diary: render time to PDF and PDF size.

A temporary SQLite diary gets one episode a day for 365 days (mostly at night,
with a profile); the report (assessment, diary summary, charts, PDF) is then
built and rendered :data:`REPEATS` times. Targets: at most 3 s per report and at
most 1 MB per PDF. Run directly to print the figures; ``bench/run.py`` can call
:func:`bench_report`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from crampcheck.diary.db import diary_session
from crampcheck.diary.models import MUSCLES, SIDES
from crampcheck.diary.repository import add_episodes, update_profile
from crampcheck.diary.schemas import EpisodeIn

DAYS = 365
REPEATS = 5
STORY = "I'm 71 and my calves knot up most nights. I take furosemide."
Samples = dict[str, tuple[str, list[float]]]


def fill_diary(url: str, today: dt.date, seed: int = 7) -> None:
    """One plausible episode a day for a year, and a profile."""
    rng = random.Random(seed)
    zone = dt.timezone(dt.timedelta(hours=1))
    episodes = []
    for back in range(DAYS):
        day = today - dt.timedelta(days=back)
        hour = rng.choice((23, 0, 1, 2, 3, 4, 5, 14, 18))
        at = dt.datetime.combine(day, dt.time(hour, rng.randrange(60)), tzinfo=zone)
        episodes.append(
            EpisodeIn.model_construct(
                id=None,
                at=at,
                duration_s=rng.randint(20, 600),
                muscle=rng.choice(MUSCLES[:2]),
                side=rng.choice(SIDES),
                severity=rng.randint(3, 9),
                activity="sleeping",
                tags=(),
                note=None,
            )
        )
    with diary_session(url) as session:
        add_episodes(session, episodes)
        update_profile(
            session,
            {"birth_year": today.year - 71, "sex": "male", "medicines": [{"name": "furosemide"}]},
        )


def bench_report() -> Samples:
    """Seconds per report (build + charts + PDF) and the PDF size in MB."""
    from crampcheck.report.build import collect
    from crampcheck.report.render import render_pdf

    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'diary.db'}"
        fill_diary(url, today)
        old = os.environ.get("CRAMPCHECK_DATABASE_URL")
        os.environ["CRAMPCHECK_DATABASE_URL"] = url
        try:
            collect(STORY, None, use_diary=True, today=today)  # load the model once
            seconds, sizes = [], []
            for _ in range(REPEATS):
                start = time.perf_counter()
                pdf = render_pdf(collect(STORY, None, use_diary=True, today=today))
                seconds.append(time.perf_counter() - start)
                sizes.append(len(pdf) / 1_000_000)
        finally:
            if old is None:
                del os.environ["CRAMPCHECK_DATABASE_URL"]
            else:
                os.environ["CRAMPCHECK_DATABASE_URL"] = old
    return {
        f"report with {DAYS} diary episodes to PDF (target <= 3 s)": ("s", seconds),
        "report PDF size (target <= 1 MB)": ("MB", sizes),
    }


if __name__ == "__main__":
    for name, (unit, values) in bench_report().items():
        print(
            f"{name}: median {statistics.median(values):.3f} {unit}, max {max(values):.3f} {unit}"
        )
