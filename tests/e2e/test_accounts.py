"""Server mode with accounts: each person sees only their own diary and interviews."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import NewContext, Server
from tests.e2e.flows import NIGHT_STORY, h1, register, submit, tell_story

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


def test_people_see_only_their_own(new_context: NewContext, accounts_server: Server) -> None:
    base = accounts_server.url
    alice = new_context().new_page()
    bob = new_context().new_page()
    register(alice, base, "alice", PASSWORD)
    register(bob, base, "bob", PASSWORD)

    alice.goto(f"{base}/diary")
    alice.get_by_label("Note").fill("alice-secret")
    submit(alice, alice.get_by_role("button", name="Save this cramp"))
    recent = alice.get_by_role("region", name="Recent cramps")
    expect(recent.get_by_text("alice-secret")).to_be_visible()
    tell_story(alice, base, NIGHT_STORY)
    alices_interview = alice.url
    assert "/interview/" in alices_interview

    bob.goto(f"{base}/diary")
    expect(bob.get_by_role("heading", name="Cramp diary", level=1)).to_be_visible()
    expect(bob.get_by_role("region", name="Recent cramps")).to_contain_text("None yet")
    expect(bob.get_by_text("alice-secret")).to_have_count(0)

    response = bob.goto(alices_interview)
    assert response is not None
    assert response.status == 404
    expect(h1(bob)).to_have_text("Not found")
    expect(bob.get_by_text(NIGHT_STORY)).to_have_count(0)

    # alice still has hers
    alice.goto(alices_interview)
    expect(h1(alice)).not_to_have_text("Not found")

    submit(bob, bob.get_by_role("button", name="Log out bob"))
    expect(h1(bob)).to_have_text("Log in")
    bob.goto(f"{base}/diary")
    assert bob.url == f"{base}/login"
    expect(h1(bob)).to_have_text("Log in")


def test_pages_need_a_login(new_context: NewContext, accounts_server: Server) -> None:
    page = new_context().new_page()
    page.goto(f"{accounts_server.url}/diary")
    assert page.url == f"{accounts_server.url}/login"
    expect(page.get_by_role("link", name="Create an account")).to_be_visible()
