"""One router per resource: documents, actors, events, ties, graph, analytics, ingest, corrections."""

from proxywatch.serve.routes import (
    actors,
    analytics,
    corrections,
    documents,
    events,
    graph,
    ingest,
    ties,
)

ROUTERS = [r.router for r in (documents, actors, events, ties, graph, analytics, ingest, corrections)]
