"""Server mode: register, log in, rate limit, and each person sees only their own data."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crampcheck.server.accounts import MAX_FAILURES
from tests.api.conftest import MakeClient
from tests.api.test_diary import EPISODE

PASSWORD = "correct horse battery"


def _register(client: TestClient, name: str) -> None:
    response = client.post("/api/v1/auth/register", json={"username": name, "password": PASSWORD})
    assert response.status_code == 201, response.text


def _two_people(make_client: MakeClient) -> tuple[TestClient, TestClient]:
    alice = make_client(accounts=True)
    bob = make_client(accounts=True)
    _register(alice, "alice")
    _register(bob, "bob")
    return alice, bob


def test_without_login_the_personal_api_says_log_in_first(server: TestClient) -> None:
    for path in ("/api/v1/diary/episodes", "/api/v1/profile", "/api/v1/diary/stats"):
        response = server.get(path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "login_required"
    assert server.post("/api/v1/interviews", json={}).status_code == 401


def test_assess_and_the_knowledge_base_need_no_login(server: TestClient) -> None:
    assert server.post("/api/v1/assess", json={"text": "calf cramps"}).status_code == 200
    assert server.get("/api/v1/kb/conditions").status_code == 200


def test_the_session_cookie_is_httponly_secure_and_samesite(server: TestClient) -> None:
    response = server.post(
        "/api/v1/auth/register", json={"username": "carol", "password": PASSWORD}
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "secure" in cookie and "samesite=lax" in cookie
    assert server.get("/api/v1/auth/me").json()["username"] == "carol"


def test_one_person_cannot_see_or_change_anothers_diary(make_client: MakeClient) -> None:
    alice, bob = _two_people(make_client)
    added = alice.post("/api/v1/diary/episodes", json=EPISODE | {"note": "alice-secret"}).json()
    assert bob.get("/api/v1/diary/episodes").json()["total"] == 0
    assert bob.get(f"/api/v1/diary/episodes/{added['id']}").status_code == 404
    assert (
        bob.patch(f"/api/v1/diary/episodes/{added['id']}", json={"severity": 1}).status_code == 404
    )
    assert bob.delete(f"/api/v1/diary/episodes/{added['id']}").status_code == 404
    assert "alice-secret" not in bob.get("/api/v1/export/fhir").text
    assert alice.get(f"/api/v1/diary/episodes/{added['id']}").json()["severity"] == 7


def test_one_person_cannot_see_anothers_profile_or_interview(make_client: MakeClient) -> None:
    alice, bob = _two_people(make_client)
    alice.put("/api/v1/profile", json={"birth_year": 1950})
    assert bob.get("/api/v1/profile").json()["birth_year"] is None
    iid = alice.post("/api/v1/interviews", json={"text": "my calf cramps"}).json()["id"]
    assert bob.get(f"/api/v1/interviews/{iid}").status_code == 404
    steal = bob.post(f"/api/v1/interviews/{iid}/answers", json={"action": "finish"})
    assert steal.status_code == 404
    assert bob.get("/api/v1/report", params={"interview": iid}).status_code == 404
    assert alice.get(f"/api/v1/interviews/{iid}").json()["status"] == "screen"


def test_a_wrong_password_does_not_say_which_part_was_wrong(server: TestClient) -> None:
    _register(server, "dave")
    wrong = server.post("/api/v1/auth/login", json={"username": "dave", "password": "nope" * 3})
    unknown = server.post("/api/v1/auth/login", json={"username": "eve", "password": "nope" * 3})
    assert wrong.status_code == unknown.status_code == 422
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]


def test_logins_are_rate_limited_across_workers(make_client: MakeClient) -> None:
    one, two = make_client(accounts=True), make_client(accounts=True)
    _register(one, "frank")
    for attempt in range(MAX_FAILURES):
        client = one if attempt % 2 else two
        bad = client.post("/api/v1/auth/login", json={"username": "frank", "password": "x" * 12})
        assert bad.status_code == 422
    limited = one.post("/api/v1/auth/login", json={"username": "frank", "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["retry-after"]) > 0


def test_logout_ends_the_session(server: TestClient) -> None:
    _register(server, "gina")
    assert server.get("/api/v1/profile").status_code == 200
    assert server.post("/api/v1/auth/logout").status_code == 204
    assert server.get("/api/v1/profile").status_code == 401


@pytest.mark.parametrize(
    ("username", "password", "words"),
    [
        ("ab", PASSWORD, "3 to 64 characters"),
        ("has space", PASSWORD, "letters, digits"),
        ("henry", "short", "10 to 256"),
        ("henryhenry", "henryhenry", "not your user name"),
    ],
)
def test_registration_says_what_to_change(
    server: TestClient, username: str, password: str, words: str
) -> None:
    response = server.post(
        "/api/v1/auth/register", json={"username": username, "password": password}
    )
    assert response.status_code == 422
    assert words in response.json()["error"]["message"]


def test_a_taken_name_is_refused(server: TestClient) -> None:
    _register(server, "ivy")
    again = server.post("/api/v1/auth/register", json={"username": "IVY", "password": PASSWORD})
    assert again.status_code == 422
    assert "taken" in again.json()["error"]["message"]


def test_passwords_are_stored_as_argon2_hashes(server: TestClient) -> None:
    from sqlalchemy import select

    from crampcheck.server.models import Account

    _register(server, "jack")
    with server.app.state.store.server(write=False) as session:  # type: ignore[attr-defined]
        stored = session.scalar(select(Account.password_hash).where(Account.username == "jack"))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored
