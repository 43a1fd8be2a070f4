"""Everything the analytics read from one store, loaded once: events, ties, actor types, graph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from proxywatch.analyse.graphs import bloc, patron_side, ties_graph
from proxywatch.analyse.load import load_actor_types, load_events, load_ties
from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.store.db import Store


@dataclass
class Context:
    events: list[EventRecord]
    ties: list[TieRecord]
    types: dict[str, str]
    names: dict[str, str]
    graph: nx.MultiDiGraph

    def side(self, patron: str) -> set[str]:
        return patron_side(self.graph, patron)

    def proxies(self, patron: str, given: list[str] | None = None) -> set[str]:
        found = set(given) if given else (bloc(self.graph, patron) if patron in self.graph else set())
        return found - self.side(patron)

    def graph_at(self, at: date | None) -> nx.MultiDiGraph:
        return ties_graph(self.ties, at=at, types=self.types)


def load_context(store: Store) -> Context:
    from sqlalchemy import select

    from proxywatch.store.schema import actors

    with store.connect() as conn:
        events, ties, types = load_events(conn), load_ties(conn), load_actor_types(conn)
        names = {row.id: row.name for row in conn.execute(select(actors.c.id, actors.c.name))}
    return Context(events, ties, types, names, ties_graph(ties, types=types))
