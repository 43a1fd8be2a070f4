"""The selection as one graph, written as GraphML or GEXF (networkx, Gephi and yEd read both).

Nodes are actors, keyed by actor id, with ``name``, ``type``, ``country`` and, when the export
is cut to a patron, ``camp`` (patron, side, bloc or other). Edges are of two kinds:

- ``kind="tie"``, one per standing tie, keyed by the store's tie id: ``relation`` (the tie
  type), ``valid`` (current or former), ``tie_start`` and ``tie_end`` (``YYYY[-MM[-DD]]``),
  ``provenance`` (``documents`` when a document reports it, else ``dictionary``),
  ``first_seen`` and ``evidence`` (a sentence);
- ``kind="event"``, asserted events (not denied, intended or hypothetical) with both ends
  aggregated per (source, target, PLOVER type): ``relation`` (the type), ``count``,
  ``documents`` (distinct documents) and ``first_date``/``last_date`` when any is dated.

Each attribute keeps one type (text or integer) and unknown values are left out, as both
formats need. The dates are not called ``start``/``end``: GEXF reserves those for dynamic
spells with full dates, and a tie's dates are often a bare year.

>>> from proxywatch.analyse.records import TieRecord
>>> from proxywatch.export.selection import ActorInfo, Selection
>>> sel = Selection({"a": ActorInfo("a", "A", "state"), "b": ActorInfo("b", "B", "armed_group")},
...                 [TieRecord("funds", "a", "b", start="2014")], [])
>>> [(u, v, d["relation"], d["tie_start"]) for u, v, d in export_graph(sel).edges(data=True)]
[('a', 'b', 'funds', '2014')]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

import networkx as nx

from proxywatch.analyse.records import EventRecord
from proxywatch.export.events import document_ids
from proxywatch.export.selection import Selection
from proxywatch.ids import fact_id


def _present(**values: Any) -> dict[str, Any]:
    """The values that are known (GraphML and GEXF have no null)."""
    return {k: v for k, v in values.items() if v is not None and v != ""}


def _add_ties(G: nx.MultiDiGraph, sel: Selection) -> None:
    for tie in sel.ties:
        G.add_edge(
            tie.source,
            tie.target,
            key=fact_id("tie", tie.source, tie.tie, tie.target, tie.valid),
            **_present(
                kind="tie",
                relation=tie.tie,
                valid=tie.valid,
                tie_start=tie.start,
                tie_end=tie.end,
                provenance="documents" if tie.observed else "dictionary",
                first_seen=tie.first_seen.isoformat() if tie.first_seen else None,
                evidence=tie.sentence,
            ),
        )


def _add_events(G: nx.MultiDiGraph, sel: Selection) -> None:
    groups: dict[tuple[str, str, str], list[EventRecord]] = defaultdict(list)
    for e in sel.events:
        if e.asserted and e.source and e.target:
            groups[(e.source, e.target, e.type)].append(e)
    for (source, target, kind), group in groups.items():
        dates = sorted(e.date for e in group if e.date)
        G.add_edge(
            source,
            target,
            key=fact_id("event_edge", source, kind, target),
            **_present(
                kind="event",
                relation=kind,
                count=len(group),
                documents=len({d for e in group for d in document_ids(e)}),
                first_date=dates[0].isoformat() if dates else None,
                last_date=dates[-1].isoformat() if dates else None,
            ),
        )


def export_graph(sel: Selection) -> nx.MultiDiGraph:
    """Actors as nodes, ties and aggregated events as edges (see the module docstring)."""
    G = nx.MultiDiGraph()
    for actor in sel.actors.values():
        camp = sel.camp.get(actor.id, "other") if sel.camp else None
        G.add_node(actor.id, **_present(name=actor.name, type=actor.type, country=actor.country, camp=camp))
    _add_ties(G, sel)
    _add_events(G, sel)
    for node in G.nodes:  # an end the actors table lacks still gets a name and a type
        G.nodes[node].setdefault("name", node)
        G.nodes[node].setdefault("type", "other")
    return G


def _write_lines(lines: Any, stream: TextIO) -> None:
    stream.write('<?xml version="1.0" encoding="utf-8"?>\n')
    for line in lines:
        stream.write(line + "\n")


def write_graphml(sel: Selection, stream: TextIO) -> None:
    _write_lines(nx.generate_graphml(export_graph(sel)), stream)


def write_gexf(sel: Selection, stream: TextIO) -> None:
    """GEXF 1.2, with the actor's name as node label and the relation as edge label (as Gephi shows)."""
    G = export_graph(sel)
    for _node, data in G.nodes(data=True):
        data["label"] = data["name"]
    for _u, _v, data in G.edges(data=True):
        data["label"] = data["relation"]
    _write_lines(nx.generate_gexf(G), stream)
