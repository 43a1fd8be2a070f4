"""GraphML and GEXF read back with networkx: actors with their attributes, ties with their
provenance and dates, asserted events aggregated per (source, target, type)."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest

from proxywatch.cli import app
from tests.export.conftest import HOSTILE_ID, HOSTILE_NAME, export, runner


def _read(db: str, fmt: str, *args: str) -> nx.MultiDiGraph:
    text = export(db, fmt, *args)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    data = io.BytesIO(text.encode("utf-8"))
    G = nx.read_graphml(data, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(data)
    assert isinstance(G, nx.MultiDiGraph)
    return G


def _edges(G: nx.MultiDiGraph, u: str, v: str, kind: str) -> list[dict]:
    return [d for a, b, d in G.edges(data=True) if (a, b) == (u, v) and d["kind"] == kind]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_nodes_are_actors_with_name_type_and_country(db: str, fmt: str) -> None:
    G = _read(db, fmt)
    assert G.nodes["pmf"]["name"] == "Popular Mobilization Forces"
    assert (G.nodes["pmf"]["type"], G.nodes["pmf"]["country"]) == ("armed_group", "IRQ")
    assert G.nodes[HOSTILE_ID]["name"] == HOSTILE_NAME  # markup and quotes stay text
    assert all("name" in d and "type" in d for _, d in G.nodes(data=True))
    if fmt == "gexf":
        assert G.nodes["pmf"]["label"] == "Popular Mobilization Forces"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_ties_carry_validity_dates_and_provenance(db: str, fmt: str) -> None:
    G = _read(db, fmt)
    [follows] = _edges(G, "pmf", "hassan_nasrallah", "tie")
    assert follows["relation"] == "follows" and follows["valid"] == "current"
    assert (follows["provenance"], follows["first_seen"]) == ("documents", "2021-06-01")
    assert follows["evidence"] == "They follow Nasrallah."
    [leads] = _edges(G, "hassan_nasrallah", "hezbollah", "tie")
    assert (leads["valid"], leads["tie_start"], leads["tie_end"]) == ("former", "1992-02", "2024-09-27")
    assert leads["provenance"] == "dictionary" and "first_seen" not in leads


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_asserted_events_are_aggregated_per_pair_and_type(db: str, fmt: str) -> None:
    G = _read(db, fmt)
    [assault] = _edges(G, "kataib_hezbollah", "united_states", "event")
    # two attacks reported by one document; the denied one is not an attack
    assert assault["relation"] == "ASSAULT" and assault["count"] == 2 and assault["documents"] == 1
    assert (assault["first_date"], assault["last_date"]) == ("2024-01-20", "2024-01-28")
    [undated] = _edges(G, HOSTILE_ID, "pmf", "event")
    assert undated["count"] == 1 and "first_date" not in undated


def test_graph_to_a_file_and_patron_roles(db: str, tmp_path: Path) -> None:
    out = tmp_path / "camp.graphml"
    result = runner.invoke(
        app, ["export", "--format", "graphml", "--db", db, "--patron", "Quds Force", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "exported" in result.output
    G = nx.read_graphml(out, force_multigraph=True)
    assert G.nodes["quds_force"]["camp"] == "patron"
    assert G.nodes["esmail_ghaani"]["camp"] == "side"
    assert G.nodes["kataib_hezbollah"]["camp"] == "bloc"
    assert G.nodes["united_states"]["camp"] == "other"
    assert "iraq" not in G  # met the United States only: outside the camp
