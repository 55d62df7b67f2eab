"""Diary and profile over the API: CRUD, stats, plot, FHIR out and in, the report."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

EPISODE: dict[str, Any] = {
    "at": "2026-11-20T03:10:00+01:00",
    "duration_s": 120,
    "muscle": "calf",
    "side": "left",
    "severity": 7,
    "activity": "sleeping",
    "tags": ["heat"],
    "note": "woke me up",
}


def _add(client: TestClient, **fields: Any) -> dict[str, Any]:
    response = client.post("/api/v1/diary/episodes", json=EPISODE | fields)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_an_added_episode_comes_back_exactly(client: TestClient) -> None:
    added = _add(client)
    assert added["id"] >= 1
    got = client.get(f"/api/v1/diary/episodes/{added['id']}").json()
    assert got == added
    assert got["at"] == "2026-11-20T03:10:00+01:00"
    assert got["tags"] == ["heat"]


def test_the_list_is_newest_first_and_paged(client: TestClient) -> None:
    for day in (18, 19, 20):
        _add(client, at=f"2026-11-{day}T03:10:00+01:00")
    body = client.get("/api/v1/diary/episodes", params={"limit": 2}).json()
    assert body["total"] == 3
    assert [e["at"][:10] for e in body["episodes"]] == ["2026-11-20", "2026-11-19"]
    rest = client.get("/api/v1/diary/episodes", params={"limit": 2, "offset": 2}).json()
    assert [e["at"][:10] for e in rest["episodes"]] == ["2026-11-18"]


def test_edit_and_delete(client: TestClient) -> None:
    added = _add(client)
    edited = client.patch(f"/api/v1/diary/episodes/{added['id']}", json={"severity": 3})
    assert edited.status_code == 200
    assert edited.json()["severity"] == 3
    assert edited.json()["side"] == "left"
    assert client.delete(f"/api/v1/diary/episodes/{added['id']}").status_code == 204
    assert client.get(f"/api/v1/diary/episodes/{added['id']}").status_code == 404


def test_an_invalid_episode_is_refused_naming_the_field_and_nothing_is_saved(
    client: TestClient,
) -> None:
    response = client.post("/api/v1/diary/episodes", json=EPISODE | {"severity": 11})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "severity"
    assert client.get("/api/v1/diary/episodes").json()["total"] == 0


def test_stats_and_plot(client: TestClient) -> None:
    _add(client)
    _add(client, at="2026-11-21T23:30:00+01:00", side="right")
    stats = client.get("/api/v1/diary/stats").json()
    assert stats["episodes"] == 2
    assert stats["night"]["episodes"] == 2
    plot = client.get("/api/v1/diary/plot.svg")
    assert plot.status_code == 200
    assert plot.headers["content-type"].startswith("image/svg+xml")
    assert plot.content.lstrip().startswith(b"<?xml") and b"<svg" in plot.content


def test_profile_set_read_and_clear(client: TestClient) -> None:
    empty = client.get("/api/v1/profile").json()
    assert empty["birth_year"] is None and empty["medicines"] == []
    body = {"birth_year": 1958, "sex": "female", "medicines": [{"name": "furosemide"}]}
    put = client.put("/api/v1/profile", json=body)
    assert put.status_code == 200
    assert put.json()["medicines"] == [{"name": "furosemide", "start_date": None}]
    cleared = client.put("/api/v1/profile", json={"clear": ["medicines"]}).json()
    assert cleared["medicines"] == [] and cleared["birth_year"] == 1958


def test_fhir_export_then_import_round_trips(client: TestClient, make_client: Any) -> None:
    _add(client)
    client.put("/api/v1/profile", json={"birth_year": 1958, "sex": "female"})
    exported = client.get("/api/v1/export/fhir")
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("application/fhir+json")
    bundle = exported.json()
    assert bundle["resourceType"] == "Bundle"
    types = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "Observation", "RiskAssessment"} <= types
    # importing into the same diary would duplicate ids: refused, nothing written
    again = client.post("/api/v1/import/fhir", json=bundle)
    assert again.status_code == 422
    assert "already in the diary" in again.json()["error"]["message"]
    assert client.get("/api/v1/diary/episodes").json()["total"] == 1


def test_fhir_import_of_broken_json_is_a_clear_error(client: TestClient) -> None:
    response = client.post(
        "/api/v1/import/fhir",
        content=b'{"resourceType": "Bundle", "entry": [',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["error"]["message"]


def test_the_report_as_pdf_and_html(client: TestClient) -> None:
    _add(client)
    iid = client.post("/api/v1/interviews", json={"text": "my calf cramps at night"}).json()["id"]
    pdf = client.get("/api/v1/report", params={"interview": iid})
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    html = client.get("/api/v1/report", params={"interview": iid, "format": "html"})
    assert html.status_code == 200
    assert "my calf cramps at night" in html.text


def test_the_phone_plot_is_tall_and_narrow(client: TestClient) -> None:
    _add(client)
    wide = client.get("/api/v1/diary/plot.svg").text
    phone = client.get("/api/v1/diary/plot.svg", params={"layout": "phone"}).text
    assert 'width="720pt" height="576pt"' in wide
    assert 'width="360pt" height="504pt"' in phone
