"""One JSON error shape everywhere; limits; content types; security headers; health."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crampcheck.api.middleware import BODY_LIMIT


def _is_error_shape(body: object, status: int) -> bool:
    if not isinstance(body, dict) or set(body) != {"error"}:
        return False
    error = body["error"]
    return (
        error["status"] == status
        and isinstance(error["code"], str)
        and isinstance(error["message"], str)
        and set(error) <= {"status", "code", "message", "field"}
    )


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/api/v1/nothing-here", {}, 404),
        ("delete", "/api/v1/assess", {}, 405),
        (
            "post",
            "/api/v1/assess",
            {"content": b"{not json", "headers": {"content-type": "application/json"}},
            400,
        ),
        ("post", "/api/v1/assess", {"json": {"text": 5}}, 422),
        ("post", "/api/v1/assess", {"json": {"text": "x", "extra": 1}}, 422),
        (
            "post",
            "/api/v1/assess",
            {
                "content": b"text=hi",
                "headers": {"content-type": "application/x-www-form-urlencoded"},
            },
            415,
        ),
        ("get", "/api/v1/interviews/unknown", {}, 404),
        ("get", "/api/v1/diary/episodes/99", {}, 404),
        ("get", "/api/v1/diary/episodes", {"params": {"limit": 0}}, 422),
        ("get", "/api/v1/kb/conditions/nope", {}, 404),
        ("post", "/api/v1/auth/login", {"json": {"username": "a", "password": "b"}}, 404),
    ],
)
def test_every_error_has_the_one_shape(
    client: TestClient, method: str, path: str, kwargs: dict[str, object], status: int
) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == status, response.text
    assert _is_error_shape(response.json(), status), response.json()
    assert "Traceback" not in response.text


def test_a_malformed_field_is_named(client: TestClient) -> None:
    response = client.post("/api/v1/assess", json={"text": ["not", "a", "string"]})
    assert response.json()["error"]["field"] == "text"


def test_a_body_over_the_limit_is_413_before_it_is_read(client: TestClient) -> None:
    big = b'{"text": "' + b"a" * BODY_LIMIT + b'"}'
    response = client.post(
        "/api/v1/assess", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert _is_error_shape(response.json(), 413)


def test_a_chunked_body_over_the_limit_is_413_too(client: TestClient) -> None:
    def chunks() -> object:
        yield b'{"text": "'
        for _ in range(BODY_LIMIT // 1024 + 2):
            yield b"a" * 1024
        yield b'"}'

    response = client.post(
        "/api/v1/assess", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_a_story_over_the_text_limit_is_422(client: TestClient) -> None:
    response = client.post("/api/v1/assess", json={"text": "cramp " * 4000})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "text"


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for path in ("/", "/api/v1/kb/conditions", "/api/v1/nothing"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"


def test_health_checks_the_database(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] in ("sqlite", "postgresql")


def test_health_is_503_with_retry_after_when_the_database_is_gone(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    store.engine.dispose()
    real = store.engine.url
    from crampcheck.diary.db import create_diary_engine

    store.engine = create_diary_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    try:
        response = client.get("/healthz")
    finally:
        store.engine = create_diary_engine(real.render_as_string(hide_password=False))
    assert response.status_code == 503
    assert response.headers["retry-after"].isdigit()
    assert _is_error_shape(response.json(), 503)


def test_openapi_describes_the_versioned_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["info"]["title"] == "crampcheck"
    for path in (
        "/api/v1/assess",
        "/api/v1/interviews",
        "/api/v1/interviews/{interview_id}/answers",
        "/api/v1/diary/episodes",
        "/api/v1/profile",
        "/api/v1/kb/conditions",
        "/healthz",
    ):
        assert path in spec["paths"]
    assert not any(p.startswith("/interview/") for p in spec["paths"])  # pages are not API


def test_the_knowledge_base_is_read_only(client: TestClient) -> None:
    conditions = client.get("/api/v1/kb/conditions").json()
    assert len(conditions) >= 60
    dvt = client.get("/api/v1/kb/conditions/dvt").json()
    assert dvt["icd10"]
    assert client.post("/api/v1/kb/conditions", json={}).status_code == 405
    assert client.get("/api/v1/kb/findings/night_cramps").status_code == 200
    assert client.get("/api/v1/kb/claims").json()


def test_logs_name_no_story_answer_or_id(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    story = "Margaret Smith, 71, calf cramps since starting furosemide"
    with caplog.at_level(logging.INFO, logger="crampcheck"):
        iid = client.post("/api/v1/interviews", json={"text": story}).json()["id"]
        client.get(f"/api/v1/interviews/{iid}?name=Margaret")
        client.post("/api/v1/assess", json={"answers": {"no_such": True}})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /api/v1/interviews 201" in logged
    assert "GET /api/v1/interviews/{id} 200" in logged
    for secret in ("Margaret", "furosemide", iid, "no_such"):
        assert secret not in logged
