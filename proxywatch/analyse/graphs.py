"""Graphs from records: the standing-ties graph and patron blocs.

>>> from proxywatch.analyse.records import EventRecord, TieRecord
>>> G = ties_graph([TieRecord("funds", "quds_force", "pmf"), TieRecord("member_of", "kh", "pmf"),
...                 TieRecord("commands", "ghaani", "quds_force")], types={"ghaani": "person"})
>>> sorted(bloc(G, "quds_force"))
['kh', 'pmf']
>>> sorted(commanders(G, "quds_force"))
['ghaani']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.ids import parse_generic

CONTROL_TIES = {"funds", "commands", "leads", "trains", "arms"}
COMMAND_TIES = {"commands", "leads"}


def _year_bound(value: str | None, end: bool) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        return date(parts[0], parts[1], 28 if end else 1)
    return date(parts[0], parts[1], parts[2])


def holds_at(tie: TieRecord, at: date | None) -> bool:
    """Whether a tie holds at a date, by its start and end where known (always, when unknown)."""
    if at is None:
        return True
    start, end = _year_bound(tie.start, False), _year_bound(tie.end, True)
    return (start is None or start <= at) and (end is None or at <= end)


def ties_graph(
    ties: Iterable[TieRecord], at: date | None = None, types: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """A directed multigraph of standing ties (one edge per tie and validity) holding at ``at``;
    ``types`` (actor id -> actor type) become the nodes' ``type`` attribute."""
    G = nx.MultiDiGraph()
    for tie in ties:
        if holds_at(tie, at):
            G.add_edge(
                tie.source,
                tie.target,
                key=(tie.tie, tie.valid),
                tie=tie.tie,
                valid=tie.valid,
                start=tie.start,
                end=tie.end,
                observed=tie.observed,
            )
    for node in G.nodes:
        G.nodes[node]["type"] = (types or {}).get(node, "other")
    return G


def incident(G: nx.MultiDiGraph, node: str) -> list[tuple[str, str, dict[str, object]]]:
    """The edges into and out of ``node`` with their data (none when it is not in ``G``), read
    from its adjacency rather than by scanning every edge.

    >>> G = ties_graph([TieRecord("funds", "qf", "kh"), TieRecord("member_of", "kh", "pmf")])
    >>> sorted((u, v, d["tie"]) for u, v, d in incident(G, "kh"))
    [('kh', 'pmf', 'member_of'), ('qf', 'kh', 'funds')]
    """
    if node not in G:
        return []
    return [*G.in_edges(node, data=True), *G.out_edges(node, data=True)]


def tie_basis(G: nx.MultiDiGraph, actor: str, camp: set[str]) -> str | None:
    """What an actor's ties to the rest of ``camp`` rest on: "documents" when one was read in a
    document, "dictionary" when they are only the actor dictionary's background, None without ties.

    >>> G = ties_graph([TieRecord("funds", "qf", "kh", observed=False), TieRecord("funds", "qf", "aah")])
    >>> tie_basis(G, "kh", {"qf"}), tie_basis(G, "aah", {"qf"}), tie_basis(G, "pmf", {"qf"})
    ('dictionary', 'documents', None)
    """
    linking = [d for u, v, d in incident(G, actor) if ({u, v} - {actor}) & camp]
    if any(d.get("observed", True) for d in linking):
        return "documents"
    return "dictionary" if linking else None


def _out(G: nx.MultiDiGraph, node: str, kinds: set[str]) -> set[str]:
    """The actors ``node`` has a tie of one of ``kinds`` to (read from its adjacency)."""
    return {v for _, v, t in G.out_edges(node, data="tie") if t in kinds} if node in G else set()


def _in(G: nx.MultiDiGraph, node: str, kinds: set[str]) -> set[str]:
    """The actors that have a tie of one of ``kinds`` to ``node`` (read from its adjacency)."""
    return {u for u, _, t in G.in_edges(node, data="tie") if t in kinds} if node in G else set()


def commanders(G: nx.MultiDiGraph, organisation: str) -> set[str]:
    """Actors that command or lead ``organisation`` (current or former), so their directives count as its."""
    return _in(G, organisation, COMMAND_TIES)


def patron_side(G: nx.MultiDiGraph, patron: str) -> set[str]:
    """The patron and its commanders: whose directives count as the patron's."""
    return {patron} | (commanders(G, patron) if patron in G else set())


def bloc(G: nx.MultiDiGraph, patron: str) -> set[str]:
    """The patron's proxies: groups it funds, commands, leads, trains or arms, their member
    groups, and the umbrellas they belong to (Kata'ib Hezbollah brings in the PMF). People are
    left out: they act for their groups."""
    proxies = _out(G, patron, CONTROL_TIES)
    proxies -= patron_side(G, patron)
    members = {u for p in proxies for u in _in(G, p, {"member_of"})}
    umbrellas = {
        v for p in proxies for v in _out(G, p, {"member_of"}) if G.nodes[v].get("type") == "armed_group"
    }
    found = proxies | members | umbrellas
    return {a for a in found if G.nodes[a].get("type") != "person"} - {patron}


def generic_allies(
    candidates: Iterable[str],
    types: dict[str, str],
    countries: dict[str, str | None],
    patron_side_ids: set[str],
    named_bloc: set[str],
) -> set[str]:
    """Generic armed actors that speak for the bloc: militants backed by the patron's state
    ("Iran-backed militias"), or armed groups of a country where the bloc's named armed groups
    are ("Iraqi militias" when the bloc holds the PMF). Actors of other sectors are left out.

    >>> sorted(generic_allies(["generic:irq:uaf", "generic:syr:uaf", "generic:backed_irn:uaf",
    ...                        "generic:irq:mil"], {"generic:irq:uaf": "armed_group",
    ...     "generic:syr:uaf": "armed_group", "generic:backed_irn:uaf": "armed_group",
    ...     "generic:irq:mil": "state_agency", "pmf": "armed_group"},
    ...     {"quds_force": "IRN", "pmf": "IRQ"}, {"quds_force"}, {"pmf"}))
    ['generic:backed_irn:uaf', 'generic:irq:uaf']
    """
    patron_countries = {countries.get(a) for a in patron_side_ids} - {None}
    bloc_countries = {countries.get(a) for a in named_bloc if types.get(a) == "armed_group"} - {None}
    found = set()
    for actor in candidates:
        parsed = parse_generic(actor)
        if parsed is None or types.get(actor) != "armed_group":
            continue
        home, patron, _sector = parsed
        if (patron is not None and patron in patron_countries) or (
            home is not None and home in bloc_countries
        ):
            found.add(actor)
    return found


def interaction_graph(
    events: Iterable[EventRecord],
    weights: dict[str, float],
    start: date | None = None,
    end: date | None = None,
) -> nx.DiGraph:
    """The signed, weighted, directed interaction graph of a window [start, end]: one edge per
    (source, target) with the summed PLOVER weight, the event count and the event ids.

    >>> from proxywatch.analyse.records import EventRecord
    >>> G = interaction_graph([EventRecord("1", "ASSAULT", "kh", "usa", date(2020, 1, 2)),
    ...                        EventRecord("2", "CONSULT", "kh", "usa", date(2020, 1, 3))],
    ...                       {"ASSAULT": -10.0, "CONSULT": 1.0}, date(2020, 1, 1), date(2020, 1, 31))
    >>> G["kh"]["usa"]["weight"], G["kh"]["usa"]["count"]
    (-9.0, 2)
    """
    G = nx.DiGraph()
    for e in events:
        if not e.asserted or not e.source or not e.target or e.type not in weights:
            continue
        if (start and (e.date is None or e.date < start)) or (end and (e.date is None or e.date > end)):
            continue
        if G.has_edge(e.source, e.target):
            data = G[e.source][e.target]
            data["weight"] += weights[e.type]
            data["count"] += 1
            data["events"].append(e.id)
        else:
            G.add_edge(e.source, e.target, weight=weights[e.type], count=1, events=[e.id])
    return G


def tie_span(tie_start: str | None, tie_end: str | None) -> tuple[date | None, date | None]:
    """The first and last day a tie begun at ``tie_start`` and ended at ``tie_end``
    (``YYYY[-MM[-DD]]``) may hold; None where unknown (open).

    >>> tie_span("1998", "2020-01")
    (datetime.date(1998, 1, 1), datetime.date(2020, 1, 28))
    """
    return _year_bound(tie_start, False), _year_bound(tie_end, True)


def span_meets(span: tuple[date | None, date | None], start: date | None, end: date | None) -> bool:
    """Whether a tie's :func:`tie_span` shares a day with [start, end] (None = open)."""
    begun, ended = span
    return (end is None or begun is None or begun <= end) and (
        start is None or ended is None or start <= ended
    )


def standing_between(
    tie_start: str | None, tie_end: str | None, start: date | None, end: date | None
) -> bool:
    """Whether a tie begun at ``tie_start`` and ended at ``tie_end`` (``YYYY[-MM[-DD]]``,
    unknown = open) holds on some day of [start, end].

    >>> standing_between("2020-01-03", None, date(2019, 12, 1), date(2019, 12, 31))
    False
    >>> standing_between("1998", "2020-01-03", date(2020, 1, 1), None)
    True
    """
    return span_meets(tie_span(tie_start, tie_end), start, end)


@dataclass
class Interaction:
    """The asserted events from one actor to another in a window: summed weight, count, types."""

    weight: float = 0.0
    count: int = 0
    types: dict[str, int] = field(default_factory=dict)


def weighted_interactions(
    counts: Iterable[tuple[str, str, str, int]], weights: dict[str, float]
) -> dict[tuple[str, str], Interaction]:
    """Per (source, target): the summed PLOVER weight, the event count and the count per type,
    from events counted by (source, target, type), as :func:`interaction_graph` sums them.

    >>> weighted_interactions([("kh", "usa", "ASSAULT", 2), ("kh", "usa", "CONSULT", 1)],
    ...                       {"ASSAULT": -10.0, "CONSULT": 1.0})[("kh", "usa")].weight
    -19.0
    """
    found: dict[tuple[str, str], Interaction] = {}
    for source, target, kind, n in counts:
        if kind in weights:
            edge = found.setdefault((source, target), Interaction())
            edge.weight += weights[kind] * n
            edge.count += n
            edge.types[kind] = edge.types.get(kind, 0) + n
    return found


def pair_counts(
    counts: Iterable[tuple[str, str, str, int]], weights: dict[str, float]
) -> dict[tuple[str, str], int]:
    """Per (source, target): the number of events of a weighted type, the count
    :func:`weighted_interactions` gives, without building an :class:`Interaction` per pair (a
    window's graph ranks every pair but shows one page of them).

    >>> pair_counts([("kh", "usa", "ASSAULT", 2), ("kh", "usa", "CONSULT", 1), ("kh", "qf", "X", 4)],
    ...             {"ASSAULT": -10.0, "CONSULT": 1.0})
    {('kh', 'usa'): 3}
    """
    found: dict[tuple[str, str], int] = {}
    for source, target, kind, n in counts:
        if kind in weights:
            found[source, target] = found.get((source, target), 0) + n
    return found
