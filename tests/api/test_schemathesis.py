"""Property-based tests of the whole API against its own OpenAPI document (schemathesis).

Every operation gets generated requests, valid and invalid; no response may be
a 5xx, and every response must match the schema the app publishes. The stateful
run (sequences that follow the API's links) is in ``bench/fuzz_api.py``: it depends
on the database's state, so Hypothesis sometimes aborts it as "flaky generation",
which would make CI flaky; ``make bench`` runs it and records what it found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from crampcheck.api.app import create_app
from crampcheck.settings import Settings

# No 5xx, and every status, content type, header and body as the schema says. Business
# rules that a JSON Schema cannot say (an unknown finding id, a story the reader refuses)
# are allowed to reject schema-valid data with 422, so positive_data_acceptance is left out.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


@pytest.fixture
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    folder: Path = tmp_path_factory.mktemp("schemathesis")
    app = create_app(Settings(database_url=f"sqlite:///{folder / 'main.sqlite3'}"))
    with TestClient(app):  # runs the lifespan: the store and the model
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_operation_fails_or_breaks_its_schema(api_schema: object) -> None:
    tried = []
    for result in api_schema.get_all_operations():  # type: ignore[attr-defined]
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            suppress_health_check=list(HealthCheck),
            deadline=None,
            derandomize=True,  # the same cases every run: CI does not flake
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=CHECKS)

        check()
        tried.append(operation.label)
    assert len(tried) >= 20, tried
