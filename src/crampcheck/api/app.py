"""The FastAPI application: ``create_app()`` (uvicorn runs it as a factory).

Each worker process opens the database once (migrating it if needed), compiles
the knowledge base once and warms the text reader, then answers requests from
the database alone: no interview, diary or login lives in process memory.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from crampcheck import __version__
from crampcheck.api import routes_auth, routes_core, routes_diary
from crampcheck.api.errors import install_error_handlers
from crampcheck.api.middleware import GuardMiddleware
from crampcheck.settings import Settings

log = logging.getLogger("crampcheck.api")

DESCRIPTION = """\
Why do my legs cramp? Ranked causes with ICD-10-CM codes, triage, first aid, tests,
specialists and prevention; interviews; a cramp diary; the doctor-visit report and FHIR.
Decision support, not a diagnosis.

Every error has one shape: `{"error": {"status", "code", "message", "field"?}}`.
Request bodies are limited to 256 KiB (FHIR imports: 16 MiB); larger ones get 413.
Writes must be `application/json` (415 otherwise). With accounts on
(`CRAMPCHECK_ACCOUNTS=1`), log in first: the session cookie authorises the rest.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The whole app: JSON API under /api/v1, web pages at /, health at /healthz."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from crampcheck.engine.model import default_model
        from crampcheck.server.store import Store
        from crampcheck.understand.reader import read_text

        model = default_model()
        read_text(model, "my calf cramps at night")  # load spaCy before the first request
        app.state.model = model
        app.state.store = Store(settings)
        # Everything loaded so far (the knowledge base, spaCy, numpy tables) lives as long
        # as the process: move it out of the garbage collector's sight, so that full
        # collections stay short and do not stretch the latency tail under load.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(
        title="crampcheck",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads scripts from a CDN; /openapi.json is the reference
        redoc_url=None,
    )
    install_error_handlers(app)
    app.include_router(routes_core.health)
    app.include_router(routes_core.router)
    app.include_router(routes_diary.router)
    app.include_router(routes_auth.router)
    from crampcheck.web.pages import install_web

    install_web(app)
    app.add_middleware(GuardMiddleware)
    return app
