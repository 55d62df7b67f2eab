"""Run every benchmark under bench/ and write docs/benchmarks.md.

Each benchmark is a function returning {figure name: (unit, [samples])}. The
report gives the median and the spread (min, p90, max) over repeated runs, with
the machine and the date, and keeps earlier results below the new ones so that
regressions show.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "docs" / "benchmarks.md"
HISTORY = "<!-- previous results below -->"
REPEATS = 15

Samples = dict[str, tuple[str, list[float]]]


def _time(fn: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def bench_knowledge_base() -> Samples:
    from crampcheck.knowledge.lint import check_kb, find_seeds_dir
    from crampcheck.knowledge.loader import default_data_dir, load_kb_from

    kb = load_kb_from(default_data_dir())
    seeds = find_seeds_dir(REPO)
    first_lint = _time(lambda: check_kb(kb, seeds), 1)
    return {
        "first lint in a process (loads the ICD-10-CM table)": ("ms", first_lint),
        "parse the knowledge base from YAML": (
            "ms",
            _time(lambda: load_kb_from(default_data_dir())),
        ),
        "whole-model lint, code table loaded": ("ms", _time(lambda: check_kb(kb, seeds))),
    }


STORY = "I'm 68 and my right calf knots up most nights; no swelling. I take bendroflumethiazide."


def _subprocess_ms(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def _peak_memory_mb(code: str) -> float:
    probe = code + "\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1]) / 1024


def bench_reader() -> Samples:
    import json

    import crampcheck

    stories = [json.loads(line)["text"] for line in (REPO / "eval" / "dev.jsonl").open()]
    crampcheck.assess(text=stories[0])
    per_story = []
    for story in stories * 3:
        start = time.perf_counter()
        crampcheck.assess(text=story)
        per_story.append((time.perf_counter() - start) * 1000)
    cold = f"import crampcheck; crampcheck.assess(text={STORY!r})"
    many = (
        "import json, crampcheck\n"
        "for l in open('eval/dev.jsonl'): crampcheck.assess(text=json.loads(l)['text'])"
    )
    return {
        "story -> assessment, warm (dev vignette stories)": ("ms", per_story),
        "first assessment from text in a new process (cold start)": (
            "ms",
            [_subprocess_ms(cold) for _ in range(5)],
        ),
        f"peak memory after {len(stories)} stories (RSS)": (
            "MB",
            [_peak_memory_mb(many) for _ in range(3)],
        ),
    }


def bench_cli_startup() -> Samples:
    exe = str(Path(sys.executable).with_name("crampcheck"))
    run = lambda: subprocess.run([exe, "--help"], check=True, capture_output=True)  # noqa: E731
    return {"`crampcheck --help` wall time": ("ms", _time(run, 7))}


def bench_assessment() -> Samples:
    import crampcheck
    from crampcheck.engine.model import default_model

    default_model()
    answers = {"age": 70, "night_cramps": True, "muscle_hardens": True, "wakes_from_sleep": True}
    short = "I'm 68 and my calf knots up most nights, no swelling."
    medium = " ".join([short, "It started after my doctor added a water tablet."] * 20)
    long = " ".join([short, "It started after my doctor added a water tablet."] * 50)
    crampcheck.assess(text=short)
    return {
        "assessment from answers": ("ms", _time(lambda: crampcheck.assess(answers=answers), 300)),
        "assessment from a short story (target <= 2 ms)": (
            "ms",
            _time(lambda: crampcheck.assess(text=short), 300),
        ),
        "assessment from a 400-word story (called ~1,000 words before 2026-11-21 12:00)": (
            "ms",
            _time(lambda: crampcheck.assess(text=medium), 100),
        ),
        f"assessment from a {len(long.split()):,}-word story": (
            "ms",
            _time(lambda: crampcheck.assess(text=long), 50),
        ),
    }


JSONL_STORIES = 1000


def bench_jsonl_throughput() -> Samples:
    """`crampcheck assess --jsonl` on 1,000 dev stories, the real CLI in a subprocess."""
    import json
    import tempfile

    stories = [json.loads(line)["text"] for line in (REPO / "eval" / "dev.jsonl").open()]
    lines = [json.dumps({"text": stories[n % len(stories)]}) for n in range(JSONL_STORIES)]
    exe = str(Path(sys.executable).with_name("crampcheck"))
    rates = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stories.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for _ in range(3):
            start = time.perf_counter()
            out = subprocess.run(
                [exe, "assess", "--jsonl", str(path), "--format", "json"],
                check=True,
                capture_output=True,
            )
            seconds = time.perf_counter() - start
            assert out.stdout.count(b"\n") >= JSONL_STORIES, "one result per story"
            rates.append(JSONL_STORIES / seconds)
    return {
        "`assess --jsonl`, 1,000 dev stories, whole process (start-up included)": (
            "stories/s",
            rates,
        )
    }


def bench_interview_length() -> Samples:
    """Questions the simulated interview asks, over the dev vignettes (from their text)."""
    from crampcheck.engine.model import default_model
    from crampcheck.evaluation.harness import run
    from crampcheck.evaluation.vignettes import read_vignettes

    results = run(default_model(), read_vignettes(REPO / "eval" / "dev.jsonl"), "interview")
    return {
        "interview length, dev vignettes (simulator; see p90)": (
            "questions",
            [float(r.questions) for r in results],
        )
    }


def bench_diary_scale() -> Samples:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_diary import bench_diary

    return bench_diary()


def bench_report_render() -> Samples:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_report import bench_report

    return bench_report()


def bench_api() -> Samples:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_api import bench_api_load

    return bench_api_load()


def bench_api_stateful() -> Samples:
    sys.path.insert(0, str(Path(__file__).parent))
    from fuzz_api import bench_api_fuzz

    return bench_api_fuzz()


BENCHMARKS = [
    bench_knowledge_base,
    bench_assessment,
    bench_reader,
    bench_jsonl_throughput,
    bench_interview_length,
    bench_cli_startup,
    bench_diary_scale,
    bench_report_render,
    bench_api,
    bench_api_stateful,
]


def _row(name: str, unit: str, samples: list[float]) -> str:
    if len(samples) > 1:
        q = statistics.quantiles(samples, n=100, method="inclusive")
        p90, p99 = q[89], q[98]
    else:
        p90 = p99 = samples[0]
    return (
        f"| {name} | {statistics.median(samples):.2f} {unit} | {min(samples):.2f} | "
        f"{p90:.2f} | {p99:.2f} | {max(samples):.2f} | {len(samples)} |"
    )


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    system = f"{platform.system()} {platform.release()}"
    return f"{system}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


NOTES_START = "<!-- notes: kept by bench/run.py -->"
NOTES_END = "<!-- end of notes -->"


def _split_report(old: str) -> tuple[str, str]:
    """(hand-written notes, earlier runs) from the current report."""
    notes = ""
    if NOTES_START in old and NOTES_END in old:
        before, rest = old.split(NOTES_START, 1)
        notes, after = rest.split(NOTES_END, 1)
        old = before + after
    previous = old.split(HISTORY, 1)[1].strip() if HISTORY in old else ""
    last = old.split(HISTORY, 1)[0].split("\n## ", 1)
    prior_run = ("## " + last[1]).strip() if len(last) > 1 else ""
    history = "\n\n".join(x for x in (prior_run, previous) if x)
    return notes.strip(), history


def _accuracy() -> list[str]:
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_baseline import accuracy_table

    return [
        "Accuracy on the vignettes (`crampcheck eval` metrics; the baseline is BM25 over the "
        "five seed articles, see docs/evaluation.md):",
        "",
        accuracy_table(),
        "",
    ]


def main() -> int:
    """Run every benchmark, or only those named on the command line (``run.py bench_api``)."""
    chosen = [b for b in BENCHMARKS if len(sys.argv) < 2 or b.__name__ in sys.argv[1:]]
    rows = []
    for bench in chosen:
        for name, (unit, samples) in bench().items():
            rows.append(_row(name, unit, samples))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = "\n".join(
        [
            f"## Run of {stamp}",
            "",
            f"Machine: {_machine()}.",
            ""
            if len(chosen) == len(BENCHMARKS)
            else f"Only: {', '.join(b.__name__ for b in chosen)}.\n",
            "| figure | median | min | p90 | p99 | max | runs |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            *_accuracy(),
        ]
    )
    old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    notes, history = _split_report(old)
    kept = f"{NOTES_START}\n\n{notes}\n\n{NOTES_END}\n\n" if notes else ""
    REPORT.write_text(
        "# Benchmarks\n\nWritten by `make bench` (bench/run.py). Newest run first; earlier runs "
        f"are kept below so regressions show.\n\n{kept}{section}\n{HISTORY}\n\n{history}\n",
        encoding="utf-8",
    )
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
