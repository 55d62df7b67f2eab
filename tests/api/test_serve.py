"""`crampcheck serve` starts a real server (uvicorn, 2 workers) and prints its address."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, object]]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, json.loads(response.read())


def test_serve_with_two_workers_answers_and_prints_its_address(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "CRAMPCHECK_DATABASE_URL": f"sqlite:///{tmp_path / 'd.sqlite3'}"}
    command = [str(Path(sys.executable).with_name("crampcheck")), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail(f"the server did not start: {process.communicate()[1][-2000:]}")
                time.sleep(0.3)
        assert status == 200 and body["status"] == "ok"
        busy = subprocess.run([*command], env=env, capture_output=True, text=True, timeout=60)
        assert busy.returncode == 1
        assert f"port {port}" in busy.stderr and "in use" in busy.stderr
        assert "Traceback" not in busy.stderr
    finally:
        process.terminate()
        out, _err = process.communicate(timeout=30)
    assert f"crampcheck is running at http://127.0.0.1:{port}/" in out
