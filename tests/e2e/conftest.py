"""Browser tests: a real ``crampcheck serve`` subprocess driven by Debian's Chromium.

Each server gets its own temporary SQLite database (``CRAMPCHECK_DATABASE_URL``) and
data folder, listens on a free loopback port, is waited for on ``/healthz`` and is
stopped (SIGTERM to its process group, SIGKILL after a grace period) when its fixture
ends, whether the test passed or not. Chromium is Debian's (``apt-get install
chromium``); when it is missing the tests fail and say so instead of skipping.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
START_TIMEOUT_S = 90.0
STOP_GRACE_S = 15.0
TIMEOUT_MS = 15_000

_running: list[Server] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "e2e: browser test against a real crampcheck server in Debian's Chromium "
        "(apt-get install chromium)",
    )


@dataclass(eq=False)
class Server:
    """One ``crampcheck serve`` process and where to reach it."""

    url: str
    database: Path
    log_path: Path
    process: subprocess.Popen[bytes]
    accounts: bool
    _log: IO[bytes] = field(repr=False)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM the whole process group, wait, then SIGKILL what is left (once)."""
        if self._log.closed:
            return
        if self.alive():
            _signal_group(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                _signal_group(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        _signal_group(self.process.pid, signal.SIGKILL)  # any child left in the group
        self._log.close()
        if self in _running:
            _running.remove(self)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


@atexit.register
def _stop_leftovers() -> None:  # a last resort if pytest itself is torn down hard
    for server in list(_running):
        server.stop()


def _parent_death_signal() -> Callable[[], None] | None:
    """Linux: a child that gets SIGTERM when pytest dies without tearing down (SIGKILL)."""
    name = ctypes.util.find_library("c")
    if not sys.platform.startswith("linux") or not name:
        return None
    prctl = ctypes.CDLL(name, use_errno=True).prctl  # loaded here, not in the forked child

    def set_it() -> None:
        prctl(1, int(signal.SIGTERM))  # 1 = PR_SET_PDEATHSIG

    return set_it


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _command(port: int) -> list[str]:
    cli = Path(sys.executable).with_name("crampcheck")
    if cli.exists():
        return [str(cli), "serve", "--host", "127.0.0.1", "--port", str(port)]
    return [
        *(sys.executable, "-m", "uvicorn", "crampcheck.api.app:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port)),
    ]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            return bool(response.status == 200)
    except urllib.error.HTTPError as exc:
        exc.close()
        return False
    except OSError:
        return False


def _launch(root: Path, accounts: bool) -> Server:
    root.mkdir(parents=True, exist_ok=True)
    database = root / "crampcheck.sqlite3"
    port = _free_port()
    env = {
        **os.environ,
        "CRAMPCHECK_DATABASE_URL": f"sqlite:///{database}",
        "CRAMPCHECK_ACCOUNTS": "1" if accounts else "0",
        "CRAMPCHECK_LOG": "warning",
        "XDG_DATA_HOME": str(root / "data"),
    }
    env.pop("CRAMPCHECK_SECRET_KEY", None)
    log_path = root / "server.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        _command(port),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stop() ends every child too
        preexec_fn=_parent_death_signal(),
    )
    server = Server(f"http://127.0.0.1:{port}", database, log_path, process, accounts, log)
    _running.append(server)
    return server


def start_server(root: Path, *, accounts: bool) -> Server:
    """Start a server on its own database and wait until ``/healthz`` answers 200."""
    for attempt in range(3):
        server = _launch(root / f"try{attempt}", accounts)
        deadline = time.monotonic() + START_TIMEOUT_S
        while server.alive() and time.monotonic() < deadline:
            if _healthy(server.url):
                return server
            time.sleep(0.2)
        server.stop()
        if "in use" not in server.log():  # only a lost race for the port is worth a retry
            break
    pytest.fail(
        f"crampcheck serve did not become healthy within {START_TIMEOUT_S:.0f} s "
        f"(exit code {server.process.returncode}); its output:\n{server.log()}",
        pytrace=False,
    )


def stop_and_check(servers: list[Server]) -> None:
    """Stop every server; then fail if any of them logged a traceback (a hidden 500)."""
    for server in servers:
        server.stop()
    broken = [s.log() for s in servers if "Traceback" in s.log()]
    if broken:
        pytest.fail("the server logged an error:\n" + "\n".join(broken), pytrace=False)


ServerFactory = Callable[..., Server]


@pytest.fixture(scope="session")
def server_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerFactory]:
    """``server_factory(accounts=False)``: a fresh server, stopped at the end of the session."""
    started: list[Server] = []

    def make(*, accounts: bool = False) -> Server:
        server = start_server(tmp_path_factory.mktemp("server"), accounts=accounts)
        started.append(server)
        return server

    try:
        yield make
    finally:
        stop_and_check(started)


@pytest.fixture(scope="session")
def local_server(server_factory: ServerFactory) -> Server:
    """Local mode (one person, no login), shared by the tests that only run interviews."""
    return server_factory(accounts=False)


@pytest.fixture
def fresh_local_server(tmp_path: Path) -> Iterator[Server]:
    """Local mode on an empty database of its own, for tests that count diary entries."""
    server = start_server(tmp_path / "server", accounts=False)
    try:
        yield server
    finally:
        stop_and_check([server])


@pytest.fixture(scope="session")
def accounts_server(server_factory: ServerFactory) -> Server:
    """Server mode: people register and log in (``CRAMPCHECK_ACCOUNTS=1``)."""
    return server_factory(accounts=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; missing Chromium is a failure, not a skip."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Debian's Chromium is missing at {CHROMIUM}: run `apt-get install chromium` "
            "(CI installs it); the browser tests need it",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


NewContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(browser: Browser) -> Iterator[NewContext]:
    """``new_context(**options)``: a browser context (phone-sized by default), closed after."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        options.setdefault("viewport", PHONE)
        context = browser.new_context(**options)  # type: ignore[arg-type]
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def page(new_context: NewContext) -> Page:
    """A page in a fresh phone-sized context."""
    return new_context().new_page()
