"""The interview in a real browser: story, checklist, questions, result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import NewContext, Server
from tests.e2e.flows import (
    CHECKLIST,
    EMERGENCY_STORY,
    NIGHT_STORY,
    answer_until_result,
    h1,
    on_result,
    question_number,
    submit,
    tell_story,
    triage_heading,
)

pytestmark = pytest.mark.e2e


def assert_result_page(page: Page) -> None:
    """The triage banner in words, and the first-aid steps under it."""
    expect(triage_heading(page)).to_be_visible()
    first_aid = page.get_by_role("region", name="What to do right now")
    expect(first_aid.get_by_role("heading", name="What to do right now")).to_be_visible()
    expect(first_aid.get_by_role("listitem").first).to_be_visible()


def test_story_to_result(page: Page, local_server: Server) -> None:
    tell_story(page, local_server.url, NIGHT_STORY)
    expect(h1(page)).to_have_text(CHECKLIST)
    expect(page.get_by_role("button", name="No, none of these")).to_be_visible()
    asked = answer_until_result(page)
    assert asked[0] == CHECKLIST
    assert len(asked) >= 2, "the story alone should not settle it: expected follow-up questions"
    assert_result_page(page)
    expect(page.get_by_role("heading", name="What may be behind it")).to_be_visible()
    expect(page.get_by_text("not a diagnosis", exact=False).first).to_be_visible()

    report = page.get_by_role("link", name=re.compile("Download the report"))
    href = report.get_attribute("href")
    assert href
    response = page.request.get(f"{local_server.url}{href}")
    assert response.status == 200, response.text()[:500]
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body().startswith(b"%PDF")


def test_emergency_story_reaches_ambulance(page: Page, local_server: Server) -> None:
    tell_story(page, local_server.url, EMERGENCY_STORY)
    answer_until_result(page, preferred=("Yes, at least one", "Yes", "I don't know"))
    expect(triage_heading(page)).to_have_text("Call an ambulance now")
    assert_result_page(page)


def test_an_emergency_story_asks_nothing_more(page: Page, local_server: Server) -> None:
    """A story that fires an emergency red flag goes straight to "Call an ambulance now"."""
    tell_story(page, local_server.url, EMERGENCY_STORY)
    assert on_result(page), "an emergency story must not be asked the checklist or questions"
    expect(triage_heading(page)).to_have_text("Call an ambulance now")
    expect(page.get_by_role("heading", name="What to do right now")).to_be_visible()


def test_back_and_dont_know(page: Page, local_server: Server) -> None:
    tell_story(page, local_server.url, NIGHT_STORY)
    submit(page, page.get_by_role("button", name="No, none of these"))
    first = h1(page).inner_text()
    first_number = question_number(page)
    submit(page, page.get_by_role("button", name="No", exact=True))
    assert not on_result(page), "expected a second question after one answer"
    second = h1(page).inner_text()
    assert second != first
    assert question_number(page) == first_number + 1

    submit(page, page.get_by_role("button", name=re.compile(r"\bBack\b")))
    expect(h1(page)).to_have_text(first)
    assert question_number(page) == first_number

    submit(page, page.get_by_role("button", name="I don't know"))
    assert not on_result(page)
    expect(h1(page)).not_to_have_text(first)
    assert question_number(page) == first_number + 1


def test_interview_without_javascript(new_context: NewContext, local_server: Server) -> None:
    page = new_context(java_script_enabled=False).new_page()
    tell_story(page, local_server.url, NIGHT_STORY)
    # a number question too: "I don't know" must submit without the browser's validation
    answer_until_result(page)
    assert_result_page(page)
    submit(page, page.get_by_role("button", name="Change my last answer"))
    assert not on_result(page)
    expect(page.get_by_role("button", name=re.compile(r"\bBack\b"))).to_be_visible()


def test_diary_without_javascript(new_context: NewContext, local_server: Server) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{local_server.url}/diary")
    page.get_by_label("Note").fill("no-script entry")
    submit(page, page.get_by_role("button", name="Save this cramp"))
    expect(page.get_by_role("status")).to_have_text(re.compile("Saved"))
    recent = page.get_by_role("region", name="Recent cramps")
    expect(recent.get_by_text("no-script entry")).to_be_visible()


def test_keyboard_only(page: Page, local_server: Server) -> None:
    page.goto(f"{local_server.url}/")
    story = page.get_by_label("What happens?")
    for _ in range(15):
        page.keyboard.press("Tab")
        if story.evaluate("el => el === document.activeElement"):
            break
    expect(story).to_be_focused()
    page.keyboard.type(NIGHT_STORY)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Check my story")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(h1(page)).to_have_text(CHECKLIST)

    none = page.get_by_role("button", name="No, none of these")
    for _ in range(15):
        page.keyboard.press("Tab")
        if none.evaluate("el => el === document.activeElement"):
            break
    expect(none).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(h1(page)).not_to_have_text(CHECKLIST)
