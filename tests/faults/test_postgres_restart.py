"""PostgreSQL restarted while the API is under load (a real server, a real restart).

While writers add diary episodes through the HTTP API, the PostgreSQL server is
restarted. Requests during the outage must fail with 503 and a Retry-After hint
(never 500), the service must recover by itself, and every episode the API
confirmed (201) must be in the database afterwards, with its content.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.test_serve import _free_port
from tests.diary.conftest import postgres_schema

pytestmark = pytest.mark.postgres

CLUSTERS = Path("/etc/postgresql")


def _cluster() -> list[str]:
    if shutil.which("pg_ctlcluster") is None or not CLUSTERS.is_dir() or os.geteuid() != 0:
        pytest.skip("needs root and pg_ctlcluster to restart the local PostgreSQL")
    version = sorted(p.name for p in CLUSTERS.iterdir())[0]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def _post(url: str, body: dict[str, object]) -> tuple[int, dict[str, object], str | None]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"content-type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read()), None
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}"), exc.headers.get("retry-after")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        return 0, {"transport": str(exc)}, None


@pytest.fixture
def server_url(tmp_path: Path) -> Iterator[str]:
    command = _cluster()
    for url in postgres_schema(f"t_{uuid.uuid4().hex[:12]}"):
        port = _free_port()
        env = {**os.environ, "CRAMPCHECK_DATABASE_URL": url, "CRAMPCHECK_DATABASE_TIMEOUT": "3"}
        binary = Path(os.sys.executable).with_name("crampcheck")  # type: ignore[attr-defined]
        log = (tmp_path / "server.log").open("w")
        process = subprocess.Popen(
            [str(binary), "serve", "--port", str(port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while _get_status(f"{base}/healthz") != 200:
                assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()
                time.sleep(0.3)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
            log.close()
            subprocess.run([*command, "start"], check=False, capture_output=True)


def _get_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


def _stored_notes(server_url: str) -> dict[int, str]:
    stored: dict[int, str] = {}
    offset = 0
    while True:
        url = f"{server_url}/api/v1/diary/episodes?limit=1000&offset={offset}"
        page = json.loads(urllib.request.urlopen(url, timeout=20).read())
        stored.update({e["id"]: e["note"] for e in page["episodes"]})
        offset += 1000
        if offset >= page["total"]:
            return stored


def test_a_restart_under_load_gives_503s_then_recovers_and_loses_nothing(server_url: str) -> None:
    command = _cluster()
    confirmed: dict[int, str] = {}
    statuses: Counter[int] = Counter()
    retry_hints: list[str | None] = []
    stop = threading.Event()
    lock = threading.Lock()

    def writer(n: int) -> None:
        i = 0
        while not stop.is_set():
            note = f"w{n}-{i}"
            body = {
                "at": "2026-11-20T03:10:00+01:00",
                "duration_s": 60,
                "muscle": "calf",
                "side": "left",
                "severity": 5,
                "activity": "sleeping",
                "note": note,
            }
            status, answer, retry = _post(f"{server_url}/api/v1/diary/episodes", body)
            with lock:
                statuses[status] += 1
                if status == 201:
                    confirmed[int(answer["id"])] = note  # type: ignore[call-overload]
                if status == 503:
                    retry_hints.append(retry)
            i += 1
            if status != 201:
                time.sleep(0.05)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    time.sleep(2)
    before = len(confirmed)
    subprocess.run([*command, "stop", "--", "-m", "fast"], check=True, capture_output=True)
    time.sleep(2)
    subprocess.run([*command, "start"], check=True, capture_output=True)
    recovered_at = time.monotonic()
    while _get_status(f"{server_url}/healthz") != 200:
        assert time.monotonic() - recovered_at < 30, "the API did not recover within 30 s"
        time.sleep(0.2)
    after_restart = len(confirmed)
    time.sleep(2)
    stop.set()
    for t in threads:
        t.join(timeout=60)

    assert before > 0 and len(confirmed) > after_restart, statuses  # wrote before and after
    assert statuses[500] == 0, statuses
    assert statuses[503] > 0, statuses  # the outage was seen, and said so
    assert all(hint is not None and hint.isdigit() for hint in retry_hints)
    assert set(statuses) <= {201, 503}, statuses

    stored = _stored_notes(server_url)
    print(f"statuses {dict(statuses)}, confirmed {len(confirmed)}, stored {len(stored)}")
    missing = {i: note for i, note in confirmed.items() if stored.get(i) != note}
    assert not missing, f"confirmed but lost: {list(missing.items())[:5]}"
