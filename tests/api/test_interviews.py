"""Interviews live in the database: start, answer, go back, finish, from any worker."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import MakeClient


def _start(client: TestClient, text: str | None = None) -> dict[str, Any]:
    response = client.post("/api/v1/interviews", json={"text": text} if text else {})
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/api/v1/interviews/{response.json()['id']}"
    body: dict[str, Any] = response.json()
    return body


def _answer(client: TestClient, iid: str, question: str, value: object) -> dict[str, Any]:
    response = client.post(
        f"/api/v1/interviews/{iid}/answers", json={"question": question, "value": value}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _reply(question: dict[str, Any]) -> object:
    if question["type"] == "screen":
        return "none"
    if question["type"] == "choice":
        return question["choices"][0]["id"]
    if question["type"] == "number":
        return None
    return "no"


def test_an_interview_from_a_story_opens_with_the_red_flag_checklist(client: TestClient) -> None:
    body = _start(client, "my calves cramp at night")
    assert body["status"] == "screen"
    assert body["question"]["id"] == "red_flag_screen"
    assert body["question"]["signs"]
    assert body["result"] is None


def test_answering_until_done_gives_the_assessment(client: TestClient) -> None:
    body = _start(client, "I'm 70 and my calves cramp at night")
    for _ in range(40):
        if body["status"] == "done":
            break
        body = _answer(client, body["id"], body["question"]["id"], _reply(body["question"]))
    assert body["status"] == "done"
    assert body["question"] is None
    assert body["result"]["causes"]
    assert body["asked"] >= 2
    again = client.get(f"/api/v1/interviews/{body['id']}").json()
    assert again == body


def test_back_undoes_the_last_answer(client: TestClient) -> None:
    first = _start(client)
    second = _answer(client, first["id"], "red_flag_screen", "none")
    assert second["question"]["id"] != "red_flag_screen"
    back = client.post(f"/api/v1/interviews/{first['id']}/answers", json={"action": "back"})
    assert back.json()["question"]["id"] == "red_flag_screen"
    assert back.json()["asked"] == 0


def test_finish_shows_the_result_at_once(client: TestClient) -> None:
    first = _start(client, "my calf cramps")
    done = client.post(f"/api/v1/interviews/{first['id']}/answers", json={"action": "finish"})
    assert done.json()["status"] == "done"
    assert done.json()["result"]["triage"]["level"]


def test_an_answer_to_a_question_not_asked_is_a_conflict(client: TestClient) -> None:
    first = _start(client)
    response = client.post(
        f"/api/v1/interviews/{first['id']}/answers",
        json={"question": "night_cramps", "value": "yes"},
    )
    assert response.status_code == 409
    assert "red_flag_screen" in response.json()["error"]["message"]


def test_a_bad_value_is_a_422_and_changes_nothing(client: TestClient) -> None:
    first = _start(client)
    second = _answer(client, first["id"], "red_flag_screen", "none")
    question = second["question"]
    response = client.post(
        f"/api/v1/interviews/{first['id']}/answers",
        json={"question": question["id"], "value": "banana"},
    )
    assert response.status_code == 422
    assert client.get(f"/api/v1/interviews/{first['id']}").json() == second


def test_an_unknown_interview_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/interviews/nope")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_second_app_instance_continues_the_same_interview(make_client: MakeClient) -> None:
    """No state in process memory: another worker on the same database takes over."""
    one, two = make_client(), make_client()
    first = _start(one, "my calf cramps at night")
    second = _answer(two, first["id"], "red_flag_screen", "none")
    assert one.get(f"/api/v1/interviews/{first['id']}").json() == second


def test_a_story_that_cannot_be_read_is_refused_before_anything_is_stored(
    client: TestClient,
) -> None:
    response = client.post("/api/v1/interviews", json={"text": "\x00\x01 bad"})
    assert response.status_code == 422
    assert response.json()["error"]["message"]
