"""Brokerage (compiled betweenness) gives networkx's normalised betweenness of the ties graph read
as a simple undirected graph: self-loops dropped, parallel and opposite ties as one edge."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import proxywatch.analyse.whatif as whatif
from proxywatch.analyse.graphs import ties_graph
from proxywatch.analyse.records import TieRecord
from proxywatch.analyse.whatif import brokerage, removal

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


def _camp_and_far_chain() -> nx.MultiDiGraph:
    """A patron's network (qf funds kh and aah; nasrallah leads hezbollah, which kh follows)
    joined by one tie to a long chain of actors that never deal with it."""
    near = [
        TieRecord("funds", "qf", "kh"),
        TieRecord("funds", "qf", "aah"),
        TieRecord("commands", "soleimani", "qf"),
        TieRecord("follows", "kh", "nasrallah"),
        TieRecord("leads", "nasrallah", "hezbollah"),
        TieRecord("allied_with", "aah", "kh"),
    ]
    chain = [TieRecord("allied_with", f"far{i}", f"far{i + 1}") for i in range(30)]
    return ties_graph([*near, TieRecord("allied_with", "hezbollah", "far0"), *chain])


def test_past_the_exact_limit_brokerage_is_measured_within_the_patrons_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    G = _camp_and_far_chain()
    whole = removal(G, "qf", {"soleimani"}, {"kh", "aah"})
    assert whole.brokerage_scope == "whole graph"

    monkeypatch.setattr(whatif, "EXACT_LIMIT", 10)
    regional = removal(G, "qf", {"soleimani"}, {"kh", "aah"})
    region = whatif.network_region(G, {"qf", "soleimani", "kh", "aah", "nasrallah"})
    assert "far5" not in region and {"qf", "kh", "aah", "nasrallah", "hezbollah"} <= region
    assert regional.brokerage_scope == f"the patron's network: {len(region)} of {len(G)} actors"
    # the brokerage it reports is the exact betweenness of the region without the removed actor
    expected = brokerage(G.subgraph(region - {"soleimani"}))
    assert {c.actor: c.brokerage for c in regional.vacuum_candidates} == {
        c.actor: round(expected.get(c.actor, 0.0), 4) for c in regional.vacuum_candidates
    }
    # same heirs, same order: the far chain does not decide who fills the vacuum
    assert [c.actor for c in regional.vacuum_candidates] == [c.actor for c in whole.vacuum_candidates]
    assert regional.lost_proxies == whole.lost_proxies


def test_the_region_keeps_the_core_and_is_capped() -> None:
    G = _camp_and_far_chain()
    assert whatif.network_region(G, {"far10"}, limit=3) == {"far10", "far9", "far11"}
    assert whatif.network_region(G, {"qf"}, limit=100) == {"qf", "kh", "aah", "soleimani"}
