"""The control index looks a directive's responses up by date and document instead of scanning
every event: on random histories it finds exactly what the scan finds."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from proxywatch.analyse.control import DIRECTIVES, ControlReport, control_index, respond
from proxywatch.analyse.graphs import bloc, patron_side, ties_graph
from proxywatch.analyse.records import EventRecord, Evidence, TieRecord

G = ties_graph(
    [
        TieRecord("funds", "qf", "kh"),
        TieRecord("funds", "qf", "aah"),
        TieRecord("commands", "ghaani", "qf"),
        TieRecord("member_of", "kh", "pmf"),
    ],
    types={"ghaani": "person", "pmf": "armed_group", "kh": "armed_group", "aah": "armed_group"},
)
SIDE, PROXIES = ["qf", "ghaani"], ["kh", "aah", "pmf"]
ACTORS = [*SIDE, *PROXIES, *PROXIES, "usa", "embassy", None]
DOCUMENTS = [f"d{i}" for i in range(12)]
TYPES = [*sorted(DIRECTIVES), "AGREE", "CONCEDE", "RETREAT", "REJECT", "ASSAULT", "CONSULT"]


@st.composite
def histories(draw: st.DrawFn) -> list[EventRecord]:
    """Directives from the patron's side to its proxies, and the proxies' (and others') events,
    within a few horizons of each other, dated or not, read in a few documents."""
    found = []
    for n in range(draw(st.integers(0, 40))):
        if draw(st.integers(0, 3)) == 0:  # a directive
            kind, source, target = (
                draw(st.sampled_from(sorted(DIRECTIVES))),
                draw(st.sampled_from(SIDE)),
                None,
            )
            target = draw(st.sampled_from(PROXIES))
        else:
            kind, source = draw(st.sampled_from(TYPES)), draw(st.sampled_from(ACTORS))
            target = draw(st.sampled_from(ACTORS))
        day = draw(st.one_of(st.none(), st.integers(0, 70)))
        prohibits = draw(st.booleans())
        found.append(
            EventRecord(
                f"e{n}",
                kind,
                source,
                target,
                None if day is None else date(2020, 1, 1) + timedelta(days=day),
                negated=draw(st.integers(0, 5)) == 0,
                intended=draw(st.integers(0, 5)) == 0,
                directive="prohibits" if prohibits else None,
                directive_type=draw(st.sampled_from(["ASSAULT", "REJECT"])) if prohibits else None,
                directive_target=draw(st.sampled_from(["usa", "embassy", "qf"])) if prohibits else None,
                evidence=tuple(
                    Evidence(draw(st.sampled_from([*DOCUMENTS, None])), "s", draw(st.integers(0, 9)))
                    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2])))
                ),
            )
        )
    return found


def scanned(events: Sequence[EventRecord], patron: str, horizon_days: int) -> list[tuple[object, ...]]:
    """Each directive's outcome as the index found it before lookups: ``respond`` over every
    event, and the documents of every event the directive or a response is."""
    side = patron_side(G, patron)
    proxies = bloc(G, patron) - side
    found: list[tuple[object, ...]] = []
    for d in sorted(events, key=lambda e: (e.date is None, e.date or 0, e.order)):
        if d.type not in DIRECTIVES or d.source not in side or d.target not in proxies or d.negated:
            continue
        responses = respond(d, events, side, proxies, horizon_days)
        answering = {r.event_id for r in responses}
        documents = {ev.document_id for e in events if e.id == d.id or e.id in answering for ev in e.evidence}
        found.append((d.id, [(r.event_id, r.kind, r.reason) for r in responses], len(documents - {None})))
    return found


def outcomes(report: ControlReport) -> list[tuple[object, ...]]:
    return [
        (o.directive_id, [(r.event_id, r.kind, r.reason) for r in o.responses], o.documents)
        for w in report.windows
        for o in w.outcomes
    ]


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from([0, 3, 10, 30]))
def test_looked_up_responses_are_those_of_the_scan(events: list[EventRecord], horizon: int) -> None:
    report = control_index(events, G, "qf", horizon_days=horizon)
    # windows are months in order, undated last: the directives in the order they were sorted
    assert outcomes(report) == scanned(events, "qf", horizon)


def _event(n: int, kind: str, source: str, target: str, day: int, doc: str, **kw: str) -> EventRecord:
    return EventRecord(
        f"e{n}",
        kind,
        source,
        target,
        date(2020, 3, 1) + timedelta(days=day),
        evidence=(Evidence(doc, "s", 0),),
        **kw,
    )


ASK = {"directive": "prohibits", "directive_type": "ASSAULT", "directive_target": "usa"}
EDGES = [  # (events besides the directive on day 0 in d0, horizon, expected responses)
    ([_event(1, "REJECT", "kh", "qf", 30, "d1")], 30, [("e1", "defiance")]),
    ([_event(1, "REJECT", "kh", "qf", 31, "d1")], 30, []),
    ([_event(1, "REJECT", "kh", "qf", -1, "d1")], 30, []),
    ([_event(1, "ASSAULT", "kh", "usa", -30, "d1")], 30, [("e0", "compliance")]),  # ceased
    ([_event(1, "ASSAULT", "kh", "usa", -31, "d1")], 30, []),
    (
        [_event(1, "ASSAULT", "kh", "usa", -30, "d1"), _event(2, "ASSAULT", "aah", "usa", 30, "d2")],
        30,
        [("e2", "defiance")],
    ),
]


@pytest.mark.parametrize(("others", "horizon", "expected"), EDGES)
def test_responses_at_the_edges_of_the_horizon(
    others: list[EventRecord], horizon: int, expected: list[tuple[str, str]]
) -> None:
    directive = _event(0, "REQUEST", "ghaani", "kh", 0, "d0", **ASK)
    report = control_index([directive, *others], G, "qf", horizon_days=horizon)
    (outcome,) = [o for w in report.windows for o in w.outcomes]
    assert [(r.event_id, r.kind) for r in outcome.responses] == expected
