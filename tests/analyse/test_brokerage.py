"""Brokerage (compiled betweenness) gives networkx's normalised betweenness of the ties graph read
as a simple undirected graph: self-loops dropped, parallel and opposite ties as one edge."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxywatch.analyse.graphs import ties_graph
from proxywatch.analyse.records import TieRecord
from proxywatch.analyse.whatif import brokerage

NAMES = [f"a{i}" for i in range(12)]
ties = st.lists(
    st.builds(
        TieRecord,
        st.sampled_from(["funds", "commands", "member_of", "follows"]),
        st.sampled_from(NAMES),
        st.sampled_from(NAMES),
        st.sampled_from(["current", "former"]),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(ties)
def test_brokerage_is_networkx_betweenness(found: list[TieRecord]) -> None:
    G = ties_graph(found)
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes)
    simple.add_edges_from((u, v) for u, v in G.edges() if u != v)
    expected = nx.betweenness_centrality(simple, normalized=True) if len(simple) > 2 else {}
    got = brokerage(G)
    assert got.keys() == expected.keys()
    for node, value in expected.items():
        assert got[node] == pytest.approx(value, abs=1e-12)
