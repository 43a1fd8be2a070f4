"""The network of a window: standing ties and the signed interactions of its events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from proxywatch.analyse.graphs import standing_between, weighted_interactions
from proxywatch.ontology import load_ontology
from proxywatch.serve.errors import ERROR_RESPONSES
from proxywatch.serve.models import Graph
from proxywatch.serve.routes.common import From, Paging, State, To, check_window
from proxywatch.store import browse
from proxywatch.store.db import Store

router = APIRouter(prefix="/api/graph", tags=["graph"], responses=ERROR_RESPONSES)
TIE_FIELDS = ("source", "target", "tie", "valid", "start", "end", "provenance")


class TieIndex:
    """Every tie by its source actor, loaded once per data version."""

    def __init__(self, ties: list[dict[str, Any]]) -> None:
        self.ties = ties
        self.by_source: dict[str, list[dict[str, Any]]] = {}
        for tie in ties:
            self.by_source.setdefault(tie["source"], []).append(tie)

    def among(self, members: set[str] | None) -> list[dict[str, Any]]:
        """The ties between two ``members`` (every tie when None), in a stable order."""
        if members is None:
            return self.ties
        found = [t for m in members for t in self.by_source.get(m, ()) if t["target"] in members]
        return sorted(found, key=lambda t: (t["tie"], t["source"], t["target"], t["valid"]))


def _ties(store: Store) -> TieIndex:
    with store.connect() as conn:
        return TieIndex(browse.tie_ends(conn))


@router.get("", response_model=Graph, summary="The network of a window")
def get_graph(state: State, page: Paging, start: From = None, end: To = None) -> dict[str, Any]:
    """Edges: per (source, target), the asserted events of the window summed with their PLOVER
    weights (as ``proxywatch.analyse.graphs.interaction_graph``), and the standing ties (those
    holding in the window) among the actors of those events. Without a window: every asserted
    event and every tie. Edges are paged (ties first, then interactions by count); the nodes
    are the actors of the page's edges, with name, type and country."""
    check_window(start, end)
    weights = {name: t.weight for name, t in load_ontology().event_types.items()}
    with state.store.connect() as conn:
        interactions = weighted_interactions(browse.interaction_counts(conn, start, end), weights)
        windowed = start is not None or end is not None
        members = {a for pair in interactions for a in pair} if windowed else None
        edges: list[dict[str, Any]] = [
            {"kind": "tie", **{k: t[k] for k in TIE_FIELDS}}
            for t in state.cache.get("ties", _ties).among(members)
            if standing_between(t["start"], t["end"], start, end)
        ]
        edges += [
            {
                "kind": "interaction",
                "source": source,
                "target": target,
                "weight": round(edge.weight, 3),
                "count": edge.count,
                "types": edge.types,
            }
            for (source, target), edge in sorted(interactions.items(), key=lambda kv: (-kv[1].count, kv[0]))
        ]
        shown = page.slice(edges)
        ids = sorted({e[end_] for e in shown for end_ in ("source", "target")})
        rows = browse.actors_by_id(conn, ids)
    nodes = [
        {
            "id": i,
            "name": rows.get(i, {}).get("name"),
            "type": rows.get(i, {}).get("type"),
            "country": rows.get(i, {}).get("country"),
        }
        for i in ids
    ]
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "nodes": nodes,
        "edges": shown,
        "total": len(edges),
        "limit": page.limit,
        "offset": page.offset,
    }
