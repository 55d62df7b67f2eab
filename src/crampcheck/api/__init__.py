"""The HTTP side of crampcheck: a FastAPI app serving the JSON API and the web pages.

``create_app()`` builds it (``crampcheck serve`` runs it under uvicorn). The JSON
API is versioned under ``/api/v1`` and described at ``/openapi.json``; the web
pages (:mod:`crampcheck.web`) are server-rendered and work without JavaScript.
"""
