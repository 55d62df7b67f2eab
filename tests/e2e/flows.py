"""What a person does in the browser, step by step, for the e2e tests."""

from __future__ import annotations

import re
from collections.abc import Sequence

from playwright.sync_api import Locator, Page, expect

TRIAGE_PHRASES = (
    "Call an ambulance now",
    "See a doctor today",
    "Book an appointment",
    "You can look after this at home",
)
TRIAGE = re.compile("|".join(re.escape(p) for p in TRIAGE_PHRASES))
NIGHT_STORY = "I'm 68, my right calf knots up most nights around 3 am, no swelling"
EMERGENCY_STORY = "my left leg suddenly went cold, pale and numb an hour ago"
CHECKLIST = "Before anything else: is any of these happening now?"
CALM_ANSWERS = ("No, none of these", "No", "I don't know")
MAX_CLICKS = 40
PROGRESS = re.compile(r"^Question (\d+) of at most \d+$")


def h1(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def triage_heading(page: Page) -> Locator:
    """The result page's main heading: one of the four triage phrases."""
    return page.get_by_role("heading", level=1, name=TRIAGE)


def on_result(page: Page) -> bool:
    return triage_heading(page).count() == 1


def submit(page: Page, button: Locator) -> None:
    """Click (or press Enter on) a form button and wait for the next page to load."""
    with page.expect_navigation():
        button.click()


def tell_story(page: Page, base_url: str, story: str) -> None:
    """Type the story on the start page and submit it; lands on the first question."""
    page.goto(f"{base_url}/")
    page.get_by_label("What happens?").fill(story)
    submit(page, page.get_by_role("button", name="Check my story"))
    expect(h1(page)).to_be_visible()


def answer_button(page: Page, preferred: Sequence[str]) -> Locator:
    """The first preferred answer on the page, else the first answer offered."""
    for name in preferred:
        button = page.get_by_role("button", name=name, exact=True)
        if button.count():
            return button
    return page.get_by_role("group").get_by_role("button").first


def answer_until_result(page: Page, preferred: Sequence[str] = CALM_ANSWERS) -> list[str]:
    """Answer each question until the result shows; returns the questions asked."""
    asked: list[str] = []
    for _ in range(MAX_CLICKS):
        if on_result(page):
            return asked
        asked.append(h1(page).inner_text())
        submit(page, answer_button(page, preferred))
    assert on_result(page), f"no result after {MAX_CLICKS} answers; asked: {asked}"
    return asked


def question_number(page: Page) -> int:
    """The N of the "Question N of at most M" line."""
    line = page.get_by_text(PROGRESS)
    expect(line).to_be_visible()
    match = PROGRESS.search(line.inner_text())
    assert match
    return int(match.group(1))


def register(page: Page, base_url: str, name: str, password: str) -> None:
    page.goto(f"{base_url}/register")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    submit(page, page.get_by_role("button", name="Create account"))
    expect(page.get_by_role("button", name=f"Log out {name}")).to_be_visible()
