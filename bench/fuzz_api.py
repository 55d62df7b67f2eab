"""Stateful schemathesis runs against the API (sequences following its links).

Each run starts the app on a fresh SQLite database and lets schemathesis chain
calls along the links it infers from the OpenAPI document (an added episode is
read, changed, deleted; an interview is answered...). Every response is checked
for no 5xx and conformance to the schema (status, content type, headers, body).

Hypothesis may abort a run as "flaky generation" because the data it draws
depends on earlier responses (the database); such runs are counted separately,
never as passes. Any real failure is printed and makes the benchmark fail.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from typing import Any

RUNS = 5

Samples = dict[str, tuple[str, list[float]]]


def _one_run(seen: Counter[str]) -> str:
    import schemathesis
    from fastapi.testclient import TestClient
    from hypothesis import HealthCheck, settings
    from hypothesis.errors import FlakyStrategyDefinition
    from schemathesis import checks

    from crampcheck.api.app import create_app
    from crampcheck.settings import Settings

    chosen = [
        checks.not_a_server_error,
        checks.status_code_conformance,
        checks.content_type_conformance,
        checks.response_headers_conformance,
        checks.response_schema_conformance,
    ]
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(database_url=f"sqlite:///{folder}/fuzz.sqlite3"))
        with TestClient(app):
            base: Any = schemathesis.openapi.from_asgi("/openapi.json", app).as_state_machine()

            class Workflow(base):  # type: ignore[misc, valid-type]
                def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
                    seen[f"{case.method} {case.path}"] += 1
                    case.validate_response(response, checks=chosen)

            try:
                Workflow.run(
                    settings=settings(
                        max_examples=60,
                        stateful_step_count=8,
                        database=None,
                        deadline=None,
                        suppress_health_check=list(HealthCheck),
                    )
                )
            except FlakyStrategyDefinition:
                return "aborted"
    return "passed"


def bench_api_fuzz() -> Samples:
    seen: Counter[str] = Counter()
    outcomes = Counter(_one_run(seen) for _ in range(RUNS))  # a real failure raises
    return {
        "stateful schemathesis runs passed (no 5xx, schema conformance)": (
            "runs",
            [float(outcomes["passed"])],
        ),
        "stateful runs aborted by Hypothesis as flaky generation": (
            "runs",
            [float(outcomes["aborted"])],
        ),
        "API calls checked in stateful runs": ("calls", [float(sum(seen.values()))]),
        "operations reached in stateful runs": ("operations", [float(len(seen))]),
    }


if __name__ == "__main__":
    for name, (unit, values) in bench_api_fuzz().items():
        print(f"{name}: {values[0]:g} {unit}")
