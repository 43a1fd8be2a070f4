"""The window graph on a synthetic store (the benchmark's generator, no spaCy model): every page
of edges is the page of the whole edge list the analytics would build, ties first, then the
interactions by count, whatever the offset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bench.api import generate
from proxywatch.analyse.context import load_context
from proxywatch.analyse.graphs import interaction_graph, standing_between
from proxywatch.ontology import load_ontology
from proxywatch.serve import create_app
from proxywatch.store import browse
from proxywatch.store.db import Store

WINDOWS = [(date(2019, 3, 1), date(2019, 3, 31)), (date(2016, 1, 1), date(2016, 6, 30)), (None, None)]


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    generate(store, n_events=3000, n_actors=120)
    with TestClient(create_app(store=store)) as c:
        yield c


def expected_edges(store: Store, start: date | None, end: date | None) -> list[dict[str, Any]]:
    """Every edge of the window as the analytics see it: the standing ties among the actors of
    the window's interactions (sorted by type, source, target, validity), then the interaction
    graph's edges by count, then by pair."""
    weights = {name: t.weight for name, t in load_ontology().event_types.items()}
    G = interaction_graph(load_context(store).events, weights, start, end)
    with store.connect() as conn:
        ties = sorted(browse.tie_ends(conn), key=lambda t: (t["tie"], t["source"], t["target"], t["valid"]))
    members = set(G.nodes) if start or end else None
    edges = [
        {"kind": "tie", "source": t["source"], "target": t["target"], "tie": t["tie"], "valid": t["valid"]}
        for t in ties
        if (members is None or {t["source"], t["target"]} <= members)
        and standing_between(t["start"], t["end"], start, end)
    ]
    pairs = sorted(G.edges(data=True), key=lambda e: (-e[2]["count"], (e[0], e[1])))
    edges += [
        {
            "kind": "interaction",
            "source": u,
            "target": v,
            "weight": round(d["weight"], 3),
            "count": d["count"],
        }
        for u, v, d in pairs
    ]
    return edges


def _shape(edge: dict[str, Any]) -> dict[str, Any]:
    keys = (
        ("kind", "source", "target", "tie", "valid")
        if edge["kind"] == "tie"
        else ("kind", "source", "target")
    )
    found = {k: edge[k] for k in keys}
    if edge["kind"] == "interaction":
        found |= {"weight": edge["weight"], "count": edge["count"]}
        assert sum(edge["types"].values()) == edge["count"]
    return found


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_every_page_of_the_graph_is_a_slice_of_the_whole(
    client: TestClient, store: Store, start: date | None, end: date | None
) -> None:
    expected = expected_edges(store, start, end)
    n_ties = sum(e["kind"] == "tie" for e in expected)
    assert 0 < n_ties < len(expected)
    window = {"from": start.isoformat(), "to": end.isoformat()} if start and end else {}
    for offset in (0, n_ties - 3, n_ties, len(expected) - 4, len(expected) + 1):
        response = client.get("/api/graph", params={**window, "limit": 7, "offset": max(0, offset)})
        assert response.status_code == 200, response.text
        got = response.json()
        assert got["total"] == len(expected)
        assert [_shape(e) for e in got["edges"]] == expected[max(0, offset) : max(0, offset) + 7]
        ends = {x for e in got["edges"] for x in (e["source"], e["target"])}
        assert {n["id"] for n in got["nodes"]} == ends
        assert all(n["name"] and n["type"] for n in got["nodes"])
