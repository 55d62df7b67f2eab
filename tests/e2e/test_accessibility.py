"""Accessibility basics without axe-core: labels, one h1, triage not by colour alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import NewContext, Server
from tests.e2e.flows import (
    NIGHT_STORY,
    answer_button,
    answer_until_result,
    on_result,
    submit,
    tell_story,
    triage_heading,
)

pytestmark = pytest.mark.e2e

CONTROLS = "input:not([type=hidden]), select, textarea"


def label_text(control: Locator) -> str:
    """The text of the control's first <label> (or its aria-label)."""
    text = control.evaluate(
        "el => (el.labels && el.labels.length ? el.labels[0].textContent"
        " : el.getAttribute('aria-label')) || ''"
    )
    return " ".join(str(text).split())


def check_page(page: Page, where: str) -> int:
    """Every form control is found by its label; the page has exactly one h1."""
    expect(page.get_by_role("heading", level=1), f"{where}: one h1").to_have_count(1)
    controls = page.locator(CONTROLS)
    for i in range(controls.count()):
        control = controls.nth(i)
        name = label_text(control)
        assert name, (
            f"{where}: a form control without a label: {control.evaluate('e=>e.outerHTML')}"
        )
        found = page.get_by_label(name, exact=True)
        assert found.evaluate_all(
            "(els, target) => els.includes(target)", control.element_handle()
        ), f"{where}: get_by_label({name!r}) does not find its control"
    return controls.count()


def check_triage_banner(page: Page) -> None:
    """The triage is said in words and with an icon, not by colour alone."""
    heading = triage_heading(page)
    expect(heading).to_be_visible()
    banner = page.get_by_role("status").filter(has=heading)
    expect(banner).to_have_count(1)
    icon = banner.locator("[aria-hidden=true]")
    expect(icon).to_be_visible()
    assert icon.inner_text().strip(), "the triage icon has no symbol"
    box = icon.bounding_box()
    assert box is not None
    assert box["width"] >= 16
    assert box["height"] >= 16


def test_local_pages(page: Page, local_server: Server) -> None:
    base = local_server.url
    page.goto(f"{base}/")
    assert check_page(page, "start") == 1
    tell_story(page, base, NIGHT_STORY)
    check_page(page, "checklist")
    for _ in range(40):
        if on_result(page):
            break
        check_page(page, "question")
        submit(page, answer_button(page, ("No, none of these", "No", "I don't know")))
    check_page(page, "result")
    check_triage_banner(page)
    page.goto(f"{base}/diary")
    assert check_page(page, "diary") >= 10
    page.goto(f"{base}/profile")
    assert check_page(page, "about you") >= 6
    page.goto(f"{base}/interview/no-such-interview")
    check_page(page, "not found")


def test_number_question_is_labelled(page: Page, local_server: Server) -> None:
    """Without a story the age is unknown, so a number question comes: with a label."""
    page.goto(local_server.url)
    submit(page, page.get_by_role("button", name="Answer questions instead"))
    submit(page, page.get_by_role("button", name="No, none of these"))
    for _ in range(40):
        if on_result(page) or page.get_by_role("spinbutton").count():
            break
        submit(page, answer_button(page, ("No", "I don't know")))
    assert page.get_by_role("spinbutton").count(), "no number question was asked"
    check_page(page, "number question")
    expect(page.get_by_label(re.compile("^Your answer"))).to_be_visible()
    page.get_by_label(re.compile("^Your answer")).fill("70")
    submit(page, page.get_by_role("button", name="Next"))
    answer_until_result(page, preferred=("No", "I don't know"))
    check_triage_banner(page)


def test_account_pages(new_context: NewContext, accounts_server: Server) -> None:
    page = new_context().new_page()
    for path in ("/login", "/register"):
        page.goto(f"{accounts_server.url}{path}")
        assert check_page(page, path) == 2
