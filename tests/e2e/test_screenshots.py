"""Phone-sized, full-page screenshots of the main pages.

Always taken (into a temporary folder) so the path keeps working; with
``CRAMPCHECK_SCREENSHOTS=1`` they are written to ``docs/screenshots/`` instead::

    CRAMPCHECK_SCREENSHOTS=1 .venv/bin/python -m pytest tests/e2e -k screenshots
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import PHONE, NewContext, Server
from tests.e2e.flows import NIGHT_STORY, answer_until_result, h1, submit, tell_story

pytestmark = pytest.mark.e2e

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# a few weeks of night cramps, so the diary's chart and sentences have something to show
HISTORY = [  # (days ago, hour, side, severity)
    (26, 3, "right", 6),
    (22, 2, "right", 5),
    (19, 4, "left", 4),
    (15, 3, "right", 7),
    (12, 1, "right", 6),
    (9, 23, "both", 5),
    (6, 3, "right", 8),
    (3, 2, "right", 6),
]


def target(tmp_path: Path) -> Path:
    if os.environ.get("CRAMPCHECK_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        return DOCS
    return tmp_path


def shoot(page: Page, folder: Path, name: str) -> Path:
    path = folder / name
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    return path


def add_history(page: Page, base_url: str) -> None:
    now = dt.datetime.now().astimezone()
    for days, hour, side, severity in HISTORY:
        at = (now - dt.timedelta(days=days)).replace(hour=hour, minute=10, second=0, microsecond=0)
        response = page.request.post(
            f"{base_url}/api/v1/diary/episodes",
            data={
                "at": at.isoformat(),
                "duration_s": 90,
                "muscle": "calf",
                "side": side,
                "severity": severity,
                "activity": "sleeping",
            },
        )
        assert response.ok, response.text()


def test_screenshots(new_context: NewContext, fresh_local_server: Server, tmp_path: Path) -> None:
    folder = target(tmp_path)
    base = fresh_local_server.url
    page = new_context(viewport=PHONE, color_scheme="light").new_page()
    shots: list[Path] = []

    page.goto(f"{base}/")
    page.get_by_label("What happens?").fill(NIGHT_STORY)
    shots.append(shoot(page, folder, "web-start.png"))

    tell_story(page, base, NIGHT_STORY)
    submit(page, page.get_by_role("button", name="No, none of these"))
    expect(h1(page)).to_be_visible()
    shots.append(shoot(page, folder, "web-question.png"))

    answer_until_result(page)
    shots.append(shoot(page, folder, "web-result.png"))

    add_history(page, base)
    page.goto(f"{base}/diary")
    page.get_by_label("right", exact=True).check()
    page.get_by_label("How bad").fill("7")
    page.get_by_label("Note").fill("after a long walk")
    submit(page, page.get_by_role("button", name="Save this cramp"))
    expect(page.get_by_role("status")).to_contain_text("Saved")
    chart = page.get_by_role("img", name=re.compile("Charts of your diary"))
    chart.evaluate("img => img.decode()")
    shots.append(shoot(page, folder, "web-diary.png"))

    for path in shots:
        data = path.read_bytes()
        assert data.startswith(PNG_MAGIC), path
        assert len(data) > 10_000, f"{path.name} looks empty"
