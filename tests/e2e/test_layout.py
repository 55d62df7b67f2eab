"""Readable at 320 px: no page scrolls sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import NewContext, Server
from tests.e2e.flows import NIGHT_STORY, answer_until_result, submit, tell_story

pytestmark = pytest.mark.e2e

NARROW = {"width": 320, "height": 640}


def scroll_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def test_no_horizontal_scroll_at_320px(new_context: NewContext, local_server: Server) -> None:
    page = new_context(viewport=NARROW).new_page()
    widths: dict[str, int] = {}

    page.goto(f"{local_server.url}/")
    widths["start"] = scroll_width(page)
    tell_story(page, local_server.url, NIGHT_STORY)
    widths["checklist"] = scroll_width(page)
    submit(page, page.get_by_role("button", name="No, none of these"))
    widths["question"] = scroll_width(page)
    answer_until_result(page)
    widths["result"] = scroll_width(page)
    page.goto(f"{local_server.url}/diary")
    widths["diary"] = scroll_width(page)
    page.goto(f"{local_server.url}/profile")
    widths["about you"] = scroll_width(page)

    too_wide = {name: w for name, w in widths.items() if w > NARROW["width"]}
    assert not too_wide, f"pages wider than 320 px (they scroll sideways): {too_wide}"
