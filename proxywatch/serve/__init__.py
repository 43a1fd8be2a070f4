"""The REST API: a FastAPI app over one store (``create_app``), run by ``proxywatch serve``.

Reading needs no login; writing (``POST /api/ingest``) needs the operator's bearer token.
Every error has one JSON shape: ``{"error": {"code", "message", "status"}}``.
"""

from proxywatch.serve.app import create_app, server_config

__all__ = ["create_app", "server_config"]
