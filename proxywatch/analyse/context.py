"""Everything the analytics read from one store, loaded once: events, ties, actor types, graph."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import networkx as nx

from proxywatch.analyse.graphs import bloc, generic_allies, patron_side, tie_basis, ties_graph
from proxywatch.analyse.load import load_actor_types, load_actors, load_events, load_ties
from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.ids import parse_generic
from proxywatch.store.db import Store


@dataclass
class Context:
    events: list[EventRecord]
    ties: list[TieRecord]
    types: dict[str, str]
    names: dict[str, str]
    graph: nx.MultiDiGraph
    countries: dict[str, str | None] = field(default_factory=dict)
    named: set[str] = field(default_factory=set)  # actors some document mentions

    def side(self, patron: str) -> set[str]:
        return patron_side(self.graph, patron)

    def proxies(self, patron: str, given: list[str] | None = None) -> set[str]:
        """The proxies given, else the patron's bloc: named groups by their ties, and the generic
        armed actors of the events that speak for them (see ``generic_allies``)."""
        if given:
            return set(given) - self.side(patron)
        named = bloc(self.graph, patron) if patron in self.graph else set()
        side = self.side(patron)
        generics = generic_allies(self.event_generics, self.types, self.countries, side, named)
        # "the militias" the patron's side gives orders to are its own, whatever their country
        generics |= {target for source, target in self.generic_requests if source in side}
        return (named | generics) - side

    @cached_property
    def event_generics(self) -> set[str]:
        """The generic actors at either end of an event (the candidates of ``generic_allies``,
        which passes over every other actor), found once for every patron."""
        actors = {a for e in self.events for a in (e.source, e.target) if a}
        return {a for a in actors if parse_generic(a)}

    @cached_property
    def generic_requests(self) -> set[tuple[str, str]]:
        """(source, target) of the REQUEST events aimed at a generic armed group."""
        return {
            (e.source, e.target)
            for e in self.events
            if e.type == "REQUEST"
            and e.source
            and e.target
            and parse_generic(e.target)
            and self.types.get(e.target) == "armed_group"
        }

    def basis(self, patron: str, proxies: set[str]) -> dict[str, str]:
        """For each proxy, what puts it in the patron's bloc: a tie read in a document, only the
        dictionary's background ties, or, for a generic actor with no tie, its backer, its
        country or the patron's directives to it (see ``generic_allies``)."""
        camp = self.side(patron) | proxies
        return {proxy: tie_basis(self.graph, proxy, camp) or "generic" for proxy in proxies}

    def graph_at(self, at: date | None) -> nx.MultiDiGraph:
        return ties_graph(self.ties, at=at, types=self.types)


def load_context(store: Store) -> Context:
    """Everything the analytics read, with the analysts' active corrections applied."""
    from proxywatch.store.corrections import active_corrections

    with store.connect() as conn:
        corrections = active_corrections(conn)
        events, ties = load_events(conn, corrections), load_ties(conn, corrections)
        types = load_actor_types(conn, corrections)
        names, countries, named = load_actors(conn, corrections)
    return Context(events, ties, types, names, ties_graph(ties, types=types), countries, named)
