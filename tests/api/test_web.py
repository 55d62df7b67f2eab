"""Web pages without a browser: they render, forms need the anti-forgery token, sizes."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient


def _token(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', html)
    assert found, "no anti-forgery token on the page"
    return found.group(1)


def test_the_start_page_is_small(client: TestClient) -> None:
    page = client.get("/")
    css = client.get("/static/style.css")
    assert page.status_code == css.status_code == 200
    assert len(page.content) + len(css.content) < 50 * 1024
    assert "<h1>" in page.text
    assert 'lang="en"' in page.text


def test_a_story_form_leads_to_the_checklist(client: TestClient) -> None:
    token = _token(client.get("/").text)
    response = client.post(
        "/start", data={"csrf": token, "story": "my calf cramps at night"}, follow_redirects=False
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert "is any of these happening now" in page.text


def test_a_form_without_the_token_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    client.get("/")
    response = client.post("/start", data={"story": "x"}, follow_redirects=False)
    assert response.status_code == 403
    assert "expired" in response.text
    forged = client.post(
        "/diary",
        data={
            "csrf": "0" * 64,
            "at": "2026-11-20T03:00",
            "tz": "+0100",
            "duration": "60",
            "muscle": "calf",
            "side": "left",
            "severity": "5",
            "activity": "sleeping",
        },
    )
    assert forged.status_code == 403
    assert client.get("/api/v1/diary/episodes").json()["total"] == 0


def test_a_diary_form_saves_an_episode_with_its_offset(client: TestClient) -> None:
    token = _token(client.get("/diary").text)
    data = {
        "csrf": token,
        "at": "2026-11-20T03:10",
        "tz": "+0100",
        "duration": "180",
        "muscle": "foot",
        "side": "right",
        "severity": "6",
        "activity": "sleeping",
    }
    response = client.post("/diary", data=data, follow_redirects=False)
    assert response.status_code == 303
    episodes = client.get("/api/v1/diary/episodes").json()["episodes"]
    assert episodes[0]["at"] == "2026-11-20T03:10:00+01:00"
    assert episodes[0]["side"] == "right"
    page = client.get("/diary").text
    assert "1 cramp recorded" in page and "right foot" in page


def test_a_bad_diary_form_says_what_to_change_and_keeps_the_input(client: TestClient) -> None:
    token = _token(client.get("/diary").text)
    data = {
        "csrf": token,
        "at": "not a date",
        "tz": "+0100",
        "duration": "60",
        "muscle": "calf",
        "side": "left",
        "severity": "6",
        "activity": "sleeping",
        "note": "keep me",
    }
    response = client.post("/diary", data=data)
    assert response.status_code == 422
    assert "give a date and time" in response.text
    assert 'value="keep me"' in response.text


def test_pages_need_a_login_in_server_mode(make_client: MakeClient) -> None:
    server = make_client(accounts=True)
    response = server.get("/diary", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert server.get("/login").status_code == 200


def test_an_unknown_interview_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/interview/nothing")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "start a new one" in response.text


def test_the_profile_page_saves_and_shows_the_profile(client: TestClient) -> None:
    token = _token(client.get("/profile").text)
    data = {
        "csrf": token,
        "birth_year": "1958",
        "sex": "female",
        "medicines": "furosemide:2026-09-01\natorvastatin",
        "conditions": "diabetes",
    }
    response = client.post("/profile", data=data, follow_redirects=False)
    assert response.status_code == 303
    profile = client.get("/api/v1/profile").json()
    assert profile["birth_year"] == 1958 and profile["sex"] == "female"
    assert profile["medicines"] == [
        {"name": "furosemide", "start_date": "2026-09-01"},
        {"name": "atorvastatin", "start_date": None},
    ]
    assert "furosemide:2026-09-01" in client.get("/profile").text


def test_a_bad_profile_form_changes_nothing(client: TestClient) -> None:
    token = _token(client.get("/profile").text)
    client.post("/profile", data={"csrf": token, "birth_year": "1958"})
    bad = client.post(
        "/profile", data={"csrf": token, "birth_year": "1800", "medicines": "x:not-a-date"}
    )
    assert bad.status_code == 422
    assert "start date" in bad.text
    assert client.get("/api/v1/profile").json()["birth_year"] == 1958
