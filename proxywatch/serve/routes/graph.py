"""The network of a window: standing ties and the signed interactions of its events."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from fastapi import APIRouter

from proxywatch.analyse.graphs import (
    Interaction,
    pair_counts,
    span_meets,
    tie_span,
    weighted_interactions,
)
from proxywatch.ontology import load_ontology
from proxywatch.serve.errors import ERROR_RESPONSES
from proxywatch.serve.models import Graph
from proxywatch.serve.routes.common import From, Paging, State, To, check_window
from proxywatch.store import browse
from proxywatch.store.db import Store

router = APIRouter(prefix="/api/graph", tags=["graph"], responses=ERROR_RESPONSES)
TIE_FIELDS = ("source", "target", "tie", "valid", "start", "end", "provenance")


def _tie_order(tie: dict[str, Any]) -> tuple[str, str, str, str]:
    return (tie["tie"], tie["source"], tie["target"], tie["valid"])


class TieIndex:
    """Every tie in the order the graph lists them (type, source, target, validity), the days
    each may hold, and their positions by source actor; loaded once per data version."""

    def __init__(self, ties: list[dict[str, Any]]) -> None:
        self.ties = sorted(ties, key=_tie_order)
        self.spans = [tie_span(t["start"], t["end"]) for t in self.ties]
        self.by_source: dict[str, list[tuple[str, int]]] = {}  # source -> (target, position)
        for i, tie in enumerate(self.ties):
            self.by_source.setdefault(tie["source"], []).append((tie["target"], i))

    def standing(
        self, members: set[str] | None, start: date | None, end: date | None
    ) -> list[dict[str, Any]]:
        """The ties between two ``members`` (every tie when None) that hold on some day of
        [start, end], in order."""
        if members is None:
            found: Iterable[int] = range(len(self.ties))
        else:
            found = sorted(i for m in members for t, i in self.by_source.get(m, ()) if t in members)
        return [self.ties[i] for i in found if span_meets(self.spans[i], start, end)]


def _ties(store: Store) -> TieIndex:
    with store.connect() as conn:
        return TieIndex(browse.tie_ends(conn))


def _tie_edge(tie: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "tie", **{k: tie[k] for k in TIE_FIELDS}}


def _interaction_edge(pair: tuple[str, str], edge: Interaction) -> dict[str, Any]:
    source, target = pair
    return {
        "kind": "interaction",
        "source": source,
        "target": target,
        "weight": round(edge.weight, 3),
        "count": edge.count,
        "types": edge.types,
    }


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
        counts = browse.interaction_counts(conn, start, end)
        per_pair = pair_counts(counts, weights)
        windowed = start is not None or end is not None
        members = {a for pair in per_pair for a in pair} if windowed else None
        standing = state.cache.get("ties", _ties).standing(members, start, end)
        # only the page's edges are built: ties first, then interactions by count
        first, last = page.offset, page.offset + page.limit
        shown = [_tie_edge(t) for t in standing[first:last]]
        if last > len(standing):
            ranked = sorted(per_pair, key=lambda pair: (-per_pair[pair], pair))
            cut = ranked[max(0, first - len(standing)) : last - len(standing)]
            wanted = set(cut)
            summed = weighted_interactions((c for c in counts if (c[0], c[1]) in wanted), weights)
            shown += [_interaction_edge(pair, summed[pair]) for pair in cut]
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
        "total": len(standing) + len(per_pair),
        "limit": page.limit,
        "offset": page.offset,
    }
