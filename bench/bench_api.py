"""API load: POST /api/v1/assess with a short story, driven by wrk on loopback.

A real ``crampcheck serve`` (uvicorn) with 1 or 2 workers, on SQLite and on
PostgreSQL, loaded by ``wrk`` (Debian package ``wrk``; a C load generator, so
the client takes little of the 2 cores) with 8, 32 and 128 connections, each
run bounded in time. Also the bytes of the start page (HTML + CSS).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

Samples = dict[str, tuple[str, list[float]]]

STORY = "My calf cramps at night, I am 68."
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
DURATION_S = 5
REPEATS = 3
CONCURRENCY = (8, 32, 128)
WORKERS = (1, 2)
LUA = f"""wrk.method = "POST"
wrk.body = '{{"text": "{STORY}"}}'
wrk.headers["Content-Type"] = "application/json"
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except OSError:
        return 0


@contextmanager
def postgres_schema() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={name}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@contextmanager
def server(database_url: str, workers: int) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "CRAMPCHECK_DATABASE_URL": database_url}
    binary = Path(sys.executable).with_name("crampcheck")
    process = subprocess.Popen(
        [str(binary), "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _status(f"{base}/healthz") != 200:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("crampcheck serve did not start")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _ms(value: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s)", value)
    if not found:
        raise ValueError(value)
    return float(found.group(1)) * UNITS[found.group(2)]


def wrk(url: str, connections: int, script: Path) -> tuple[float, float, float, int]:
    """Requests/s, p50 ms, p99 ms and non-2xx count of one bounded wrk run."""
    threads = min(2, connections)
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{DURATION_S}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=DURATION_S + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, p50, p99, int(bad.group(1)) if bad else 0


def bench_api_load() -> Samples:
    if shutil.which("wrk") is None:
        raise SystemExit("the API load benchmark needs wrk: apt-get install wrk")
    out: Samples = {}
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "assess.lua"
        script.write_text(LUA)
        backends = {"SQLite": f"sqlite:///{folder}/bench.sqlite3"}
        with postgres_schema() as pg_url:
            backends["PostgreSQL"] = pg_url
            for backend, url in backends.items():
                for workers in WORKERS:
                    with server(url, workers) as base:
                        if backend == "SQLite" and workers == 1:
                            out.update(_page_size(base))
                        for connections in CONCURRENCY:
                            _one_config(out, base, script, backend, workers, connections)
    return out


def _one_config(
    out: Samples, base: str, script: Path, backend: str, workers: int, connections: int
) -> None:
    runs = [wrk(f"{base}/api/v1/assess", connections, script) for _ in range(REPEATS)]
    label = f"API assess, {backend}, {workers} worker(s), {connections} clients"
    out[f"{label}: requests/s"] = ("req/s", [r[0] for r in runs])
    out[f"{label}: p50 latency"] = ("ms", [r[1] for r in runs])
    out[f"{label}: p99 latency"] = ("ms", [r[2] for r in runs])
    out[f"{label}: non-2xx responses"] = ("count", [float(r[3]) for r in runs])


def _page_size(base: str) -> Samples:
    sizes = []
    for path in ("/", "/static/style.css"):
        with urllib.request.urlopen(base + path, timeout=5) as response:
            sizes.append(len(response.read()))
    return {"start page transferred (HTML + CSS, target < 50 KB)": ("KB", [sum(sizes) / 1024])}


if __name__ == "__main__":
    for name, (unit, values) in bench_api_load().items():
        print(f"{name}: {values} {unit}")
