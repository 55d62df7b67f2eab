"""The cramp diary in a real browser: add an episode quickly, see it listed and charted."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import Server
from tests.e2e.flows import submit

pytestmark = pytest.mark.e2e

MAX_INTERACTIONS = 4
MAX_SECONDS = 15.0  # the "add an episode in under 15 seconds"


def test_add_episode(page: Page, fresh_local_server: Server) -> None:
    started = time.monotonic()
    page.goto(f"{fresh_local_server.url}/diary")
    expect(page.get_by_text("No cramps recorded yet")).to_be_visible()
    interactions = 0

    page.get_by_label("right", exact=True).check()
    interactions += 1
    page.get_by_label("How bad").fill("7")
    interactions += 1
    submit(page, page.get_by_role("button", name="Save this cramp"))
    interactions += 1
    expect(page.get_by_role("status")).to_contain_text("Saved")
    elapsed = time.monotonic() - started

    assert interactions <= MAX_INTERACTIONS
    assert elapsed < MAX_SECONDS, f"adding a cramp took {elapsed:.1f} s"

    recent = page.get_by_role("region", name="Recent cramps")
    entry = recent.get_by_role("listitem")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("right calf")
    expect(entry).to_contain_text("severity 7/10")

    shows = page.get_by_role("region", name="What your diary shows")
    expect(shows.get_by_text(re.compile(r"^1 cramp recorded\b"))).to_be_visible()
    chart = shows.get_by_role("img", name=re.compile("Charts of your diary"))
    expect(chart).to_be_visible()
    chart.evaluate("img => img.decode()")
    assert chart.evaluate("img => img.complete && img.naturalWidth") > 0

    # the saved entry is in the database, not only on the page
    page.reload()
    expect(page.get_by_role("region", name="Recent cramps").get_by_role("listitem")).to_have_count(
        1
    )
