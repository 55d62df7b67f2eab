"""POST /api/v1/assess returns the Assessment JSON of ARCHITECTURE.md."""

from __future__ import annotations

from fastapi.testclient import TestClient

from crampcheck import assess


def test_a_story_gives_the_same_assessment_as_the_library(client: TestClient) -> None:
    story = "I'm 68 and my right calf knots up most nights; no swelling."
    response = client.post("/api/v1/assess", json={"text": story})
    assert response.status_code == 200
    body = response.json()
    expected = assess(text=story).to_dict()
    assert body == expected
    assert body["triage"]["level"] in ("emergency", "urgent", "routine", "self_care")
    assert len(body["causes"]) >= 5
    assert body["disclaimer"]


def test_answers_alone_are_enough(client: TestClient) -> None:
    answers = {"calf_swollen_one_side": True, "calf_tender": True, "calf_warm_red": True}
    response = client.post("/api/v1/assess", json={"answers": answers})
    assert response.status_code == 200
    assert response.json()["triage"]["level"] in ("emergency", "urgent")


def test_an_emergency_story_says_call_an_ambulance(client: TestClient) -> None:
    story = "My left leg suddenly went cold, pale and numb an hour ago and it hurts a lot."
    body = client.post("/api/v1/assess", json={"text": story}).json()
    assert body["triage"]["level"] == "emergency"
    assert body["triage"]["label"] == "Call an ambulance now"
    assert body["red_flags"]


def test_nothing_to_assess_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.post("/api/v1/assess", json={})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "text"


def test_an_unknown_answer_id_is_a_422_with_what_to_do(client: TestClient) -> None:
    response = client.post("/api/v1/assess", json={"answers": {"no_such_finding": True}})
    assert response.status_code == 422
    assert "no_such_finding" in response.json()["error"]["message"]
