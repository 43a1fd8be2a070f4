"""The analytics follow the analysts' corrections: a merge makes one actor of two in the events,
ties, graph and bloc; a rejected event no longer counts; an undo restores the figures. Real
SQLite and PostgreSQL stores written by hand (no spaCy model)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from proxywatch.analyse.context import load_context
from proxywatch.analyse.records import EventRecord
from proxywatch.analyse.views import control_view
from proxywatch.store.corrections import Correction, Corrections, record_correction, undo_correction
from proxywatch.store.db import Store
from proxywatch.store.schema import events
from tests.store.corrections_world import build

KH, KATAIB, PMF, QF = "armed_group:kh", "kataib_hezbollah", "pmf", "quds_force"


@pytest.fixture
def world(store: Store) -> Store:
    build(store)
    return store


def judge(store: Store, kind: str, **fields: Any) -> int:
    with store.begin() as conn:
        return record_correction(conn, kind, fields).id


def verdicts(store: Store) -> list[tuple[str | None, str]]:
    report = control_view(load_context(store), QF, horizon_days=10)  # the assault of Jan 5 falls outside
    return [(o.target, o.verdict) for w in report.windows for o in w.outcomes]


def test_a_merge_makes_one_actor_in_the_analytics(world: Store) -> None:
    ctx = load_context(world)
    assert KH in ctx.proxies(QF) and KATAIB not in ctx.proxies(QF)
    assert verdicts(world) == [(KH, "defied")]
    judge(world, "merge", actor_id=KH, into_id=KATAIB)
    ctx = load_context(world)
    actors = {a for e in ctx.events for a in (e.source, e.target)} | {
        a for t in ctx.ties for a in (t.source, t.target)
    }
    assert KH not in actors and KATAIB in actors
    assert KH not in ctx.graph and ctx.graph.has_edge(QF, KATAIB)
    assert KATAIB in ctx.proxies(QF) and KH not in ctx.proxies(QF)
    assert (ctx.names[KATAIB], ctx.types[KATAIB]) == (
        "Kata'ib Hezbollah",
        "armed_group",
    ) and KH not in ctx.names
    assert verdicts(world) == [(KATAIB, "defied")]


def test_a_rejected_response_no_longer_counts_and_undo_restores_it(world: Store) -> None:
    with world.connect() as conn:
        reject = conn.execute(select(events.c.id).where(events.c.type == "REJECT")).scalar_one()
    n = judge(world, "reject_event", event_id=reject)
    assert reject not in {e.id for e in load_context(world).events}
    assert verdicts(world) == [(KH, "unanswered")]
    with world.begin() as conn:
        undo_correction(conn, n)
    assert verdicts(world) == [(KH, "defied")]


def test_a_split_gives_the_new_actor_its_events_and_a_name(world: Store) -> None:
    judge(world, "split", actor_id=PMF, aliases=["Harakat al-Nujaba"], name="Harakat al-Nujaba")
    judge(world, "set_actor", actor_id="pmf~harakat_nujaba", country="IRQ")
    ctx = load_context(world)
    new = "pmf~harakat_nujaba"
    assert {
        (e.type, e.source) for e in ctx.events if PMF in (e.source, e.target) or new in (e.source, e.target)
    } == {
        ("ASSAULT", new),
        ("CONSULT", PMF),
    }
    assert (ctx.names[new], ctx.types[new], ctx.countries[new]) == ("Harakat al-Nujaba", "armed_group", "IRQ")
    assert ctx.graph.has_edge(QF, new) and new in ctx.named


def test_apply_event_is_pure() -> None:
    c = Corrections.from_records(
        [
            Correction(1, "merge", "kh", {"into_id": "kataib"}, "", "a", None),
            Correction(2, "set_event", "e1", {"type": "AID", "target_id": "kh"}, "", "a", None),
            Correction(3, "reject_event", "e2", {}, "", "a", None),
        ]
    )
    event = EventRecord("e1", "CONSULT", "qf", "pmf", directive_target="kh")
    assert c.apply_event(event) == EventRecord("e1", "AID", "qf", "kataib", directive_target="kataib")
    assert event == EventRecord("e1", "CONSULT", "qf", "pmf", directive_target="kh")
    assert c.apply_event(EventRecord("e2", "ASSAULT", "kh", "usa")) is None
    untouched = EventRecord("e3", "ASSAULT", "qf", "usa")
    assert c.apply_event(untouched) is untouched


def test_a_linked_response_counts_for_its_directive_and_undo_removes_it(world: Store) -> None:
    with world.connect() as conn:
        request = conn.execute(select(events.c.id).where(events.c.type == "REQUEST")).scalar_one()
        assault = conn.execute(
            select(events.c.id).where(events.c.type == "ASSAULT", events.c.source_id == PMF)
        ).scalar_one()

    def responses() -> list[tuple[str, str]]:
        report = control_view(load_context(world), QF, horizon_days=10)
        return sorted((r.event_id, r.kind) for w in report.windows for o in w.outcomes for r in o.responses)

    before = responses()
    assert (assault, "defiance") not in before  # out of the horizon: no rule links it
    link = judge(world, "link_response", event_id=assault, directive_id=request)
    assert responses() == sorted([*before, (assault, "defiance")])
    assert {e.id: e.responds_to for e in load_context(world).events}[assault] == request
    with world.begin() as conn:
        undo_correction(conn, link)
    assert responses() == before
