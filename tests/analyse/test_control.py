"""Control index on small hand-made records with known answers, and its invariants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from proxywatch.analyse.control import control_index
from proxywatch.analyse.graphs import bloc, commanders, ties_graph
from proxywatch.analyse.records import EventRecord, Evidence, TieRecord

TIES = [
    TieRecord("funds", "qf", "pmf"),
    TieRecord("commands", "ghaani", "qf", "current", "2020-01"),
    TieRecord("commands", "soleimani", "qf", "former", "1998", "2020-01-03"),
    TieRecord("member_of", "kh", "pmf"),
    TieRecord("member_of", "aah", "pmf"),
]
TYPES = {
    "ghaani": "person",
    "soleimani": "person",
    "pmf": "armed_group",
    "kh": "armed_group",
    "aah": "armed_group",
}
G = ties_graph(TIES, types=TYPES)


def ev(i: str, type_: str, src: str, tgt: str, day: date | None, **kw: object) -> EventRecord:
    return EventRecord(i, type_, src, tgt, day, evidence=(Evidence("d" + i, f"sentence {i}", 0),), **kw)  # type: ignore[arg-type]


def ask(i: str, src: str, tgt: str, day: date, protected: str = "usa") -> EventRecord:
    return ev(
        i,
        "REQUEST",
        src,
        tgt,
        day,
        directive="prohibits",
        directive_type="ASSAULT",
        directive_target=protected,
    )


def test_bloc_and_commanders() -> None:
    assert bloc(G, "qf") == {"pmf", "kh", "aah"}
    assert commanders(G, "qf") == {"ghaani", "soleimani"}


def test_rejection_is_defiance_and_commanders_speak_for_the_patron() -> None:
    events = [
        ask("1", "ghaani", "pmf", date(2021, 6, 1)),
        ev("2", "REJECT", "pmf", "ghaani", date(2021, 6, 2)),
    ]
    report = control_index(events, G, "qf")
    [window] = report.windows
    assert (window.window, window.directives, window.compliance, window.defiance, window.index) == (
        "2021-06",
        1,
        0,
        1,
        -1.0,
    )
    assert window.outcomes[0].verdict == "defied" and report.trend == "falling"


def test_retreat_toward_the_patron_is_compliance() -> None:
    events = [ask("1", "ghaani", "kh", date(2024, 1, 30)), ev("2", "RETREAT", "kh", "qf", date(2024, 1, 31))]
    [window] = control_index(events, G, "qf").windows
    assert (window.compliance, window.defiance, window.index) == (1, 0, 1.0)


def test_prohibited_action_continuing_is_defiance_and_ceasing_is_compliance() -> None:
    d = date(2021, 6, 1)
    continuing = [ask("1", "ghaani", "pmf", d), ev("2", "ASSAULT", "aah", "usa", d + timedelta(days=5))]
    assert control_index(continuing, G, "qf").windows[0].defiance == 1
    ceasing = [ev("0", "ASSAULT", "kh", "usa", d - timedelta(days=5)), ask("1", "ghaani", "pmf", d)]
    window = control_index(ceasing, G, "qf").windows[0]
    assert (window.compliance, window.defiance) == (1, 0)
    late = [ask("1", "ghaani", "pmf", d), ev("2", "ASSAULT", "aah", "usa", d + timedelta(days=60))]
    assert control_index(late, G, "qf").windows[0].outcomes[0].verdict == "unanswered"


def test_an_analysts_link_decides_which_directive_an_event_answers() -> None:
    d = date(2024, 1, 30)
    # a suspension reported two months later by a generic "militias", outside every rule's reach
    late = ev("3", "RETREAT", "generic:irq:uaf", "usa", d + timedelta(days=60))
    events = [ask("1", "ghaani", "kh", d), ask("2", "ghaani", "aah", d + timedelta(days=1)), late]
    unlinked = control_index(events, G, "qf")
    assert sum(w.compliance for w in unlinked.windows) == 0
    linked = [*events[:2], replace(late, responds_to="2")]
    outcomes = {o.directive_id: o for w in control_index(linked, G, "qf").windows for o in w.outcomes}
    assert [r.event_id for r in outcomes["2"].responses] == ["3"]
    assert outcomes["2"].responses[0].kind == "compliance" and outcomes["1"].responses == []
    # linked to a directive it cannot answer (a meeting is neither compliance nor defiance): nothing
    meeting = replace(late, type="CONSULT", responds_to="2")
    assert all(
        not o.responses for w in control_index([*events[:2], meeting], G, "qf").windows for o in w.outcomes
    )


def test_undated_responses_follow_in_the_same_article() -> None:
    a = EventRecord("1", "REQUEST", "ghaani", "pmf", None, evidence=(Evidence("doc", "asked", 10),))
    before = EventRecord("0", "REJECT", "pmf", "ghaani", None, evidence=(Evidence("doc", "earlier", 1),))
    after = EventRecord("2", "REJECT", "pmf", "ghaani", None, evidence=(Evidence("doc", "disregarded", 50),))
    [window] = control_index([before, a, after], G, "qf").windows
    assert window.window == "undated" and window.defiance == 1
    assert [r.event_id for r in window.outcomes[0].responses] == ["2"]


def test_trend_falls_then_recovers() -> None:
    events = [
        ask("1", "soleimani", "kh", date(2019, 6, 1)),
        ev("2", "CONCEDE", "kh", "soleimani", date(2019, 6, 3)),
        ask("3", "ghaani", "kh", date(2021, 6, 1)),
        ev("4", "REJECT", "kh", "ghaani", date(2021, 6, 3)),
        ask("5", "ghaani", "kh", date(2022, 6, 1)),
        ev("6", "REJECT", "kh", "ghaani", date(2022, 6, 3)),
    ]
    report = control_index(events, G, "qf")
    assert [w.index for w in report.windows] == [1.0, -1.0, -1.0] and report.trend == "falling"


def test_intended_or_negated_events_are_not_responses() -> None:
    events = [
        ask("1", "ghaani", "pmf", date(2021, 6, 1)),
        ev("2", "REJECT", "pmf", "ghaani", date(2021, 6, 2), intended=True),
    ]
    assert control_index(events, G, "qf").windows[0].outcomes[0].verdict == "unanswered"


SCENARIO = [
    ask("1", "ghaani", "pmf", date(2021, 6, 1)),
    ev("2", "REJECT", "pmf", "ghaani", date(2021, 6, 2)),
    ask("3", "ghaani", "kh", date(2024, 1, 30)),
    ev("4", "RETREAT", "kh", "qf", date(2024, 1, 31)),
]


@given(st.permutations(["qf", "ghaani", "soleimani", "pmf", "kh", "aah", "usa"]))
def test_relabelling_actors_changes_no_figure(names: list[str]) -> None:
    mapping = dict(
        zip(["qf", "ghaani", "soleimani", "pmf", "kh", "aah", "usa"], [f"x_{n}" for n in names], strict=True)
    )
    ties = [TieRecord(t.tie, mapping[t.source], mapping[t.target], t.valid, t.start, t.end) for t in TIES]
    graph = ties_graph(ties, types={mapping[k]: v for k, v in TYPES.items()})
    events = [
        EventRecord(
            e.id,
            e.type,
            mapping[e.source or ""],
            mapping[e.target or ""],
            e.date,
            directive=e.directive,
            directive_type=e.directive_type,
            directive_target=mapping[e.directive_target] if e.directive_target else None,
            evidence=e.evidence,
        )
        for e in SCENARIO
    ]
    before = [(w.window, w.compliance, w.defiance, w.index) for w in control_index(SCENARIO, G, "qf").windows]
    after = [
        (w.window, w.compliance, w.defiance, w.index)
        for w in control_index(events, graph, mapping["qf"]).windows
    ]
    assert before == after


@given(st.text(alphabet="abcdefgh", min_size=3, max_size=8))
def test_an_isolated_actor_changes_nothing(name: str) -> None:
    extra = [TieRecord("allied_with", f"iso_{name}", f"other_{name}")]
    graph = ties_graph([*TIES, *extra], types=TYPES)
    figures = [(w.window, w.index) for w in control_index(SCENARIO, G, "qf").windows]
    assert [(w.window, w.index) for w in control_index(SCENARIO, graph, "qf").windows] == figures
