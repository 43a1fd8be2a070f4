"""Patron control index: the patron's directives to its proxies and what followed them.

A directive is a REQUEST, COERCE or THREATEN event from the patron or one of its
commanders (``commands``/``leads`` ties, so Ghaani's requests count for the Quds Force)
aimed at one of its proxies. Within ``horizon_days`` after it (or, for undated events,
later in the same article), a proxy's response is

- compliance: AGREE, CONCEDE or RETREAT toward the patron's side or toward the party the
  directive protects ("suspended its attacks on U.S. forces"), or the prohibited action
  ceasing (it happened in the horizon before the directive and not after);
- defiance: REJECT toward the patron's side, or the prohibited action continuing (e.g. an
  ASSAULT on the embassy after a request to stop attacking it).

An event an analyst linked to a directive (``proxywatch judge link``) answers that directive and
no other, whatever its date or source: compliance when it is of a compliance type or does what was
asked, defiance when it is of a defiance type or the prohibited action.

Per window (calendar month) the index is (compliance - defiance) / (compliance + defiance),
in [-1, 1]; windows with no response have none. This follows the principal-agent reading of
proxy control (Salehyan 2010, "The Delegation of War to Rebel Organizations"; Byman 2018 on
Iran's proxies): control shows in whether the agent does what the principal asks.

>>> from datetime import date
>>> from proxywatch.analyse.graphs import ties_graph
>>> from proxywatch.analyse.records import EventRecord, TieRecord
>>> G = ties_graph([TieRecord("funds", "qf", "pmf"), TieRecord("commands", "ghaani", "qf")])
>>> ask = EventRecord("e1", "REQUEST", "ghaani", "pmf", date(2021, 6, 1), directive="prohibits",
...                   directive_type="ASSAULT", directive_target="usa")
>>> hit = EventRecord("e2", "ASSAULT", "pmf", "usa", date(2021, 6, 10))
>>> report = control_index([ask, hit], G, "qf")
>>> report.windows[0].index, report.windows[0].defiance
(-1.0, 1)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from typing import Any

import networkx as nx

from proxywatch.analyse.graphs import bloc, patron_side
from proxywatch.analyse.records import EventRecord

DIRECTIVES = {"REQUEST", "COERCE", "THREATEN"}
COMPLY = {"AGREE", "CONCEDE", "RETREAT"}
DEFY = {"REJECT"}
TREND_EPSILON = 0.05


@dataclass
class Response:
    event_id: str
    kind: str  # compliance or defiance
    reason: str
    source: str | None
    date: str | None
    sentence: str


@dataclass
class Outcome:
    directive_id: str
    source: str | None
    target: str | None
    date: str | None
    prohibits: str | None
    protected: str | None
    sentence: str
    responses: list[Response] = field(default_factory=list)
    documents: int = 0  # distinct documents the directive and its responses are read from

    @property
    def verdict(self) -> str:
        kinds = {r.kind for r in self.responses}
        if kinds == {"compliance"}:
            return "complied"
        if kinds == {"defiance"}:
            return "defied"
        return "mixed" if kinds else "unanswered"


@dataclass
class WindowControl:
    window: str
    directives: int
    compliance: int
    defiance: int
    index: float | None
    outcomes: list[Outcome]


@dataclass
class ControlReport:
    patron: str
    side: list[str]
    proxies: list[str]
    windows: list[WindowControl]
    trend: str
    slope: float | None
    # why each proxy is in the bloc: "documents" (a tie read in a document), "dictionary" (only
    # the actor dictionary's background ties), "generic" (a generic actor: its backer, country
    # or the patron's directives to it)
    basis: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # actor id -> name, filled by the view

    def actor_ids(self) -> set[str]:
        """Every actor the report names."""
        found = {self.patron, *self.side, *self.proxies}
        for w in self.windows:
            for o in w.outcomes:
                found |= {a for a in (o.source, o.target, o.protected) if a}
                found |= {r.source for r in o.responses if r.source}
        return found

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for window, src in zip(data["windows"], self.windows, strict=True):
            for outcome, o in zip(window["outcomes"], src.outcomes, strict=True):
                outcome["verdict"] = o.verdict
        return data


def _sentence(event: EventRecord) -> str:
    return event.evidence[0].sentence if event.evidence else ""


def _follows(first: EventRecord, later: EventRecord, horizon_days: int) -> bool:
    """Whether ``later`` falls in the response horizon of ``first``."""
    if first.date is not None and later.date is not None:
        days = (later.date - first.date).days
        if days == 0 and first.order[0] == later.order[0]:
            return later.order > first.order
        return 0 <= days <= horizon_days
    return first.order[0] == later.order[0] and later.order > first.order


def _precedes(first: EventRecord, later: EventRecord, horizon_days: int) -> bool:
    if first.date is not None and later.date is not None:
        return 0 < (later.date - first.date).days <= horizon_days
    return False


def respond(
    directive: EventRecord,
    events: Sequence[EventRecord],
    side: set[str],
    proxies: set[str],
    horizon_days: int,
) -> list[Response]:
    """The proxies' responses to one directive, each with why it counts."""
    responses = []
    prohibited_after = []
    for e in events:
        if e.responds_to is not None:
            if e.responds_to == directive.id and (linked := _linked(directive, e)) is not None:
                responses.append(linked)
            continue  # an analyst's link decides which directive the event answers
        if e.id == directive.id or not e.asserted or e.source not in proxies:
            continue
        if not _follows(directive, e, horizon_days):
            continue
        when = e.date.isoformat() if e.date else None
        spared = directive.directive == "prohibits" and e.target == directive.directive_target
        if e.type in COMPLY and (e.target in side or spared):
            # toward the patron, or a halt of what was asked to stop ("suspended its attacks on U.S. forces")
            responses.append(
                Response(e.id, "compliance", f"{e.type} toward {e.target}", e.source, when, _sentence(e))
            )
        elif e.type in DEFY and e.target in side:
            responses.append(
                Response(e.id, "defiance", f"REJECT of {e.target}", e.source, when, _sentence(e))
            )
        elif directive.directive == "prohibits" and e.type == directive.directive_type:
            if e.target == directive.directive_target:
                prohibited_after.append(e)
                responses.append(
                    Response(
                        e.id, "defiance", f"{e.type} on {e.target} continued", e.source, when, _sentence(e)
                    )
                )
    if directive.directive == "prohibits" and not prohibited_after and directive.date is not None:
        before = [
            e
            for e in events
            if e.asserted
            and e.source in proxies
            and e.type == directive.directive_type
            and e.target == directive.directive_target
            and _precedes(e, directive, horizon_days)
        ]
        if before:
            responses.append(
                Response(
                    directive.id,
                    "compliance",
                    f"{directive.directive_type} on {directive.directive_target} ceased",
                    None,
                    directive.date.isoformat(),
                    _sentence(directive),
                )
            )
    return responses


def _linked(directive: EventRecord, e: EventRecord) -> Response | None:
    """The response an analyst linked to ``directive``, or None when its type says neither."""
    when = e.date.isoformat() if e.date else None
    asked = directive.directive == "asks" and e.type == directive.directive_type
    if e.type in COMPLY or asked:
        kind = "compliance"
    elif e.type in DEFY or (directive.directive == "prohibits" and e.type == directive.directive_type):
        kind = "defiance"
    else:
        return None
    return Response(e.id, kind, f"{e.type}, linked by an analyst", e.source, when, _sentence(e))


def _trend(indices: list[float]) -> tuple[str, float | None]:
    """Least-squares slope of the index over windows; one window: the sign of its index."""
    if not indices:
        return "unknown", None
    if len(indices) == 1:
        value = indices[0]
        return ("falling" if value < 0 else "rising" if value > 0 else "flat"), None
    n = len(indices)
    mean_x, mean_y = (n - 1) / 2, sum(indices) / n
    num = sum((i - mean_x) * (y - mean_y) for i, y in enumerate(indices))
    den = sum((i - mean_x) ** 2 for i in range(n))
    slope = num / den
    trend = "falling" if slope < -TREND_EPSILON else "rising" if slope > TREND_EPSILON else "flat"
    return trend, round(slope, 4)


class _Responders:
    """The asserted events of the proxies, found by date and by document, so that a directive's
    possible responses are looked up rather than sought among every event. ``candidates`` gives
    a superset of the events :func:`respond` can count for a directive (those dated within
    ``horizon_days`` of it either way, and those read in its document), in their order in
    ``events``: passing them instead of every event changes nothing in what ``respond`` finds."""

    def __init__(self, events: Sequence[EventRecord], proxies: set[str], horizon_days: int) -> None:
        self.horizon = timedelta(days=horizon_days)
        pool = [(i, e) for i, e in enumerate(events) if e.source in proxies and e.asserted]
        dated = sorted(((e.date, i) for i, e in pool if e.date is not None))
        self.dates = [d for d, _ in dated]
        self.dated = [i for _, i in dated]
        self.by_document: dict[str, list[int]] = {}
        for i, e in pool:
            self.by_document.setdefault(e.order[0], []).append(i)
        self.linked: dict[str, list[int]] = {}  # analysts' links, whatever the date or source
        for i, e in enumerate(events):
            if e.responds_to is not None:
                self.linked.setdefault(e.responds_to, []).append(i)
        self.events = events

    def candidates(self, directive: EventRecord) -> list[EventRecord]:
        found = set(self.by_document.get(directive.order[0], ())) | set(self.linked.get(directive.id, ()))
        if directive.date is not None:
            lo = bisect_left(self.dates, directive.date - self.horizon)
            hi = bisect_right(self.dates, directive.date + self.horizon)
            found.update(self.dated[lo:hi])
        return [self.events[i] for i in sorted(found)]


def control_index(
    events: Sequence[EventRecord],
    ties: nx.MultiDiGraph,
    patron: str,
    proxies: Iterable[str] | None = None,
    horizon_days: int = 30,
) -> ControlReport:
    """Directives from ``patron`` (and its commanders) to its proxies, their outcomes per month,
    the control index per month and its trend. ``proxies`` defaults to the patron's bloc."""
    side = patron_side(ties, patron)
    proxy_set = set(proxies) if proxies is not None else (bloc(ties, patron) if patron in ties else set())
    proxy_set -= side
    directives = [
        d
        for d in events
        if d.type in DIRECTIVES and d.source in side and d.target in proxy_set and not d.negated
    ]
    directives.sort(key=lambda e: (e.date is None, e.date or 0, e.order))  # stable, as sorting every event
    answered: list[tuple[EventRecord, list[Response]]] = []
    if directives:
        responders = _Responders(events, proxy_set, horizon_days)
        answered = [
            (d, respond(d, responders.candidates(d), side, proxy_set, horizon_days)) for d in directives
        ]
    # the documents of each directive and of the events that answer it, read in one pass
    wanted = {d.id for d in directives} | {r.event_id for _, responses in answered for r in responses}
    documents_of: dict[str, set[str | None]] = {}
    for e in events if wanted else ():
        if e.id in wanted:
            documents_of.setdefault(e.id, set()).update(ev.document_id for ev in e.evidence)
    windows: dict[str, list[Outcome]] = {}
    counts: dict[str, list[int]] = {}
    for d, responses in answered:
        key = d.date.strftime("%Y-%m") if d.date else "undated"
        answering = {r.event_id for r in responses} | {d.id}
        documents = set().union(*(documents_of.get(i, set()) for i in answering)) - {None}
        outcome = Outcome(
            d.id,
            d.source,
            d.target,
            d.date.isoformat() if d.date else None,
            d.directive_type if d.directive == "prohibits" else None,
            d.directive_target,
            _sentence(d),
            responses,
            len(documents),
        )
        windows.setdefault(key, []).append(outcome)
        c = counts.setdefault(key, [0, 0])
        c[0] += sum(r.kind == "compliance" for r in responses)
        c[1] += sum(r.kind == "defiance" for r in responses)
    result = []
    for key in sorted(windows, key=lambda k: (k == "undated", k)):
        comply, defy = counts[key]
        index = round((comply - defy) / (comply + defy), 3) if comply + defy else None
        result.append(WindowControl(key, len(windows[key]), comply, defy, index, windows[key]))
    trend, slope = _trend([w.index for w in result if w.index is not None])
    return ControlReport(patron, sorted(side), sorted(proxy_set), result, trend, slope)
