"""Corrections are stored judgements applied at read time: merges, splits, overrides and
rejections change every read, survive a re-extraction, and undo restores what was read before.
On SQLite and PostgreSQL; no spaCy model (the store is written by hand)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from sqlalchemy import delete, inspect, select

from proxywatch.errors import NotFoundError
from proxywatch.evaluation.gold import gold_occurrences
from proxywatch.store import browse
from proxywatch.store.annotation import export_annotations
from proxywatch.store.corrections import (
    InvalidCorrection,
    active_corrections,
    list_corrections,
    record_correction,
    undo_correction,
)
from proxywatch.store.db import Store
from proxywatch.store.schema import event_evidence, events, mentions, tie_evidence, ties
from tests.store.corrections_world import DOC1, DOC2, build, reextract

KH, KATAIB, PMF, NUJABA = "armed_group:kh", "kataib_hezbollah", "pmf", "pmf~harakat_nujaba"


@pytest.fixture
def world(store: Store) -> Store:
    build(store)
    return store


def judge(store: Store, kind: str, **fields: Any) -> int:
    with store.begin() as conn:
        return record_correction(conn, kind, fields, reason="test", made_by="tester").id


def event_id(store: Store, kind: str, source: str | None = None) -> str:
    query = select(events.c.id).where(events.c.type == kind)
    if source is not None:
        query = query.where(events.c.source_id == source)
    with store.connect() as conn:
        return str(conn.execute(query).scalar_one())


def tie_id(store: Store, target: str) -> str:
    with store.connect() as conn:
        return str(conn.execute(select(ties.c.id).where(ties.c.target_id == target)).scalar_one())


def reads(store: Store) -> dict[str, Any]:
    """What the browsing reads show, for comparing before and after."""
    with store.connect() as conn:
        found: dict[str, Any] = {
            "events": browse.page_events(conn, 100, 0, browse.EventFilter()),
            "ties": browse.page_ties(conn, None, None),
            "aliases": sorted(browse.all_aliases(conn)),
            "actors": browse.page_actors(conn, 100, 0),
            "graph": sorted(browse.interaction_counts(conn)),
            "tie_ends": browse.tie_ends(conn),
        }
        for actor in (KH, KATAIB, PMF):
            found[actor] = browse.actor_profile(conn, actor, 50, 0)
    return found


def test_the_table_is_the_migrations(store: Store) -> None:
    columns = {c["name"] for c in inspect(store.engine).get_columns("corrections")}
    assert columns == {"id", "kind", "subject", "detail", "reason", "made_by", "created_at", "undone_at"}


def test_a_merge_shows_one_actor_everywhere(world: Store) -> None:
    with world.connect() as conn:
        before = browse.data_version(conn)
    judge(world, "merge", actor_id=KH, into_id=KATAIB)
    with world.connect() as conn:
        assert browse.data_version(conn) != before
        profile = browse.actor_profile(conn, KH, 50, 0)
        assert profile is not None
        assert (profile["id"], profile["requested_id"], profile["merged_from"]) == (KATAIB, KH, [KH])
        assert profile["name"] == "Kata'ib Hezbollah"
        assert {"KH", "Kata'ib Hezbollah"} <= set(profile["aliases"])
        assert [c["kind"] for c in profile["corrections"]] == ["merge"]
        assert {(t["tie"], t["source"], t["target"]) for t in profile["ties"]} == {
            ("funds", "quds_force", KATAIB)
        }
        as_source = {e["type"] for e in profile["events_as_source"]["items"]}
        assert as_source == {"ASSAULT", "REJECT"}
        assert {e["type"] for e in profile["events_as_target"]["items"]} == {"REQUEST"}
        assert {a for a, _, _ in browse.all_aliases(conn)} >= {KATAIB} and KH not in {
            a for a, _, _ in browse.all_aliases(conn)
        }
        listed, _ = browse.page_actors(conn, 100, 0)
        assert KH not in {a["id"] for a in listed}
        assert browse.actors_by_id(conn, [KH])[KH]["id"] == KATAIB
        page, total = browse.page_events(conn, 50, 0, browse.EventFilter(actor=KATAIB))
        assert total == 3 and all(KATAIB in (e["source"], e["target"]) for e in page)
        assert all(e["source_name"] != "KH" for e in page)
        counts = browse.interaction_counts(conn)
        assert ("quds_force", KATAIB, "REQUEST", 1) in counts
        assert not [c for c in counts if KH in c[:2]]
        assert not [t for t in browse.tie_ends(conn) if KH in (t["source"], t["target"])]
        doc = browse.document_detail(conn, str(page[0]["evidence"][0]["document_id"]))
        assert doc is not None and KH not in {m["actor_id"] for m in doc["mentions"]}


def test_a_split_takes_the_mentions_and_what_rests_on_them_alone(world: Store) -> None:
    judge(world, "split", actor_id=PMF, aliases=["Harakat al-Nujaba"], name="Harakat al-Nujaba")
    with world.connect() as conn:
        new = browse.actor_profile(conn, NUJABA, 50, 0)
        old = browse.actor_profile(conn, PMF, 50, 0)
        assert new is not None and old is not None
        assert (new["name"], new["type"], new["origin"]) == ("Harakat al-Nujaba", "armed_group", "split")
        assert [(e["type"], e["target"]) for e in new["events_as_source"]["items"]] == [
            ("ASSAULT", "us_embassy")
        ]
        assert [(t["tie"], t["source"]) for t in new["ties"]] == [("funds", "quds_force")]
        assert [e["type"] for e in old["events_as_source"]["items"]] == ["CONSULT"]
        assert old["ties"] == []
        assert "Harakat al-Nujaba" in new["aliases"] and "Harakat al-Nujaba" not in old["aliases"]
        doc_id = new["events_as_source"]["items"][0]["evidence"][0]["document_id"]
        doc = browse.document_detail(conn, doc_id)
        assert doc is not None
        shown = {m["text"]: (m["actor_id"], m["actor_name"]) for m in doc["mentions"]}
        assert shown["Harakat al-Nujaba"] == (NUJABA, "Harakat al-Nujaba")
        assert shown["PMF"] == (PMF, "Popular Mobilization Forces")
        assert (NUJABA, "us_embassy", "ASSAULT", 1) in browse.interaction_counts(conn)


def test_rejected_events_and_ties_vanish_from_every_read(world: Store) -> None:
    assault = event_id(world, "ASSAULT", KATAIB)
    judge(world, "reject_event", event_id=assault)
    judge(world, "reject_tie", tie_id=tie_id(world, KH))
    with world.connect() as conn:
        page, total = browse.page_events(conn, 50, 0, browse.EventFilter())
        assert total == 4 and assault not in {e["id"] for e in page}
        _, total = browse.page_events(conn, 50, 0, browse.EventFilter(types=("ASSAULT",)))
        assert total == 1
        assert browse.page_ties(conn, None, None)[1] == 1
        assert browse.page_ties(conn, None, None, actor=KH) == ([], 0)
        assert (KATAIB, "us_embassy", "ASSAULT", 1) not in browse.interaction_counts(conn)
        assert len(browse.tie_ends(conn)) == 1
        doc = browse.document_detail(conn, page[0]["evidence"][0]["document_id"])
        assert doc is not None and assault not in {e["id"] for e in doc["events"]}


def test_set_event_and_set_actor_change_types_and_ends(world: Store) -> None:
    consult = event_id(world, "CONSULT")
    judge(world, "set_event", event_id=consult, type="AID", source_id=KATAIB)
    judge(
        world,
        "set_actor",
        actor_id="us_embassy",
        type="state_agency",
        country="usa",
        name="US Embassy Baghdad",
    )
    with world.connect() as conn:
        page, total = browse.page_events(conn, 50, 0, browse.EventFilter(types=("AID",)))
        assert total == 1
        assert (page[0]["id"], page[0]["source"], page[0]["source_name"]) == (
            consult,
            KATAIB,
            "Kata'ib Hezbollah",
        )
        assert browse.page_events(conn, 50, 0, browse.EventFilter(types=("CONSULT",)))[1] == 0
        assert browse.page_events(conn, 50, 0, browse.EventFilter(actor=PMF))[1] == 1  # the ASSAULT only
        agencies, n = browse.page_actors(conn, 50, 0, "state_agency")
        assert {a["id"] for a in agencies} == {"quds_force", "us_embassy"} and n == 2
        embassy = browse.actors_by_id(conn, ["us_embassy"])["us_embassy"]
        assert (embassy["type"], embassy["country"], embassy["name"]) == (
            "state_agency",
            "USA",
            "US Embassy Baghdad",
        )
        assert ("us_embassy", "US Embassy Baghdad", "us embassy baghdad") in browse.all_aliases(conn)


def test_a_response_is_linked_to_its_directive(world: Store) -> None:
    reject, request = event_id(world, "REJECT"), event_id(world, "REQUEST")
    judge(world, "link_response", event_id=reject, directive_id=request)
    with world.connect() as conn:
        page, _ = browse.page_events(conn, 50, 0, browse.EventFilter(types=("REJECT",)))
        assert page[0]["responds_to"] == request
        assert active_corrections(conn).responses == {reject: request}


def test_undo_restores_every_read(world: Store) -> None:
    before = reads(world)
    ids = [
        judge(world, "merge", actor_id=KH, into_id=KATAIB),
        judge(world, "split", actor_id=PMF, aliases=["Harakat al-Nujaba"], name="Harakat al-Nujaba"),
        judge(world, "reject_event", event_id=event_id(world, "REQUEST")),
        judge(world, "set_event", event_id=event_id(world, "CONSULT"), type="AID"),
    ]
    assert reads(world) != before
    with world.begin() as conn:
        for n in ids:
            undone = undo_correction(conn, n)
            assert undone.undone_at is not None
            assert undo_correction(conn, n).undone_at == undone.undone_at  # again: no change
    assert reads(world) == before
    with world.connect() as conn:
        listed, total = list_corrections(conn)
        assert total == 4 and [c.id for c in listed] == sorted(ids, reverse=True)
        assert list_corrections(conn, include_undone=False) == ([], 0)
        assert not active_corrections(conn)


def test_corrections_survive_reextraction(world: Store) -> None:
    judge(world, "merge", actor_id=KH, into_id=KATAIB)
    judge(world, "split", actor_id=PMF, aliases=["Harakat al-Nujaba"], name="Harakat al-Nujaba")
    judge(world, "reject_event", event_id=event_id(world, "CONSULT"))
    corrected = reads(world)
    reextract(world)
    assert reads(world) == corrected
    # the facts themselves thrown away and read again: the corrections still apply
    with world.begin() as conn:
        for table in (event_evidence, tie_evidence, mentions, events, ties):
            conn.execute(delete(table))
    reextract(world)
    again = reads(world)
    for key in ("events", "ties", "aliases", "graph", "tie_ends", KH, PMF):
        assert again[key] == corrected[key], key


@pytest.mark.parametrize(
    ("kind", "fields", "error"),
    [
        ("rename", {"actor_id": KH}, InvalidCorrection),
        ("merge", {"actor_id": "nobody", "into_id": KATAIB}, NotFoundError),
        ("merge", {"actor_id": KH, "into_id": "nobody"}, NotFoundError),
        ("merge", {"actor_id": KH, "into_id": KH}, InvalidCorrection),
        ("split", {"actor_id": PMF, "aliases": ["Hezbollah"], "name": "X"}, InvalidCorrection),
        ("split", {"actor_id": PMF, "aliases": [], "name": "X"}, InvalidCorrection),
        ("set_actor", {"actor_id": KH}, InvalidCorrection),
        ("set_actor", {"actor_id": KH, "type": "dragon"}, InvalidCorrection),
        ("set_actor", {"actor_id": KH, "country": "Iraq"}, InvalidCorrection),
        ("reject_event", {"event_id": "nope"}, NotFoundError),
        ("reject_tie", {"tie_id": "nope"}, NotFoundError),
        ("set_event", {"event_id": "nope", "type": "AID"}, NotFoundError),
        ("link_response", {"event_id": "nope", "directive_id": "nope"}, NotFoundError),
    ],
)
def test_impossible_corrections_are_refused(
    world: Store, kind: str, fields: dict[str, Any], error: type[Exception]
) -> None:
    with pytest.raises(error), world.begin() as conn:
        record_correction(conn, kind, fields)
    with world.connect() as conn:
        assert list_corrections(conn) == ([], 0)


def test_merge_chains_and_repeats_are_checked(world: Store) -> None:
    judge(world, "merge", actor_id=KH, into_id=KATAIB)
    judge(world, "merge", actor_id=KATAIB, into_id=PMF)
    with world.connect() as conn:
        c = active_corrections(conn)
        assert c.canonical(KH) == PMF and c.members(KH) == {KH, KATAIB, PMF}
    for fields in ({"actor_id": PMF, "into_id": KH}, {"actor_id": KH, "into_id": "quds_force"}):
        with pytest.raises(InvalidCorrection), world.begin() as conn:
            record_correction(conn, "merge", fields)
    with pytest.raises(InvalidCorrection), world.begin() as conn:
        record_correction(conn, "reject_event", {"event_id": event_id(world, "REJECT")})
        record_correction(conn, "reject_event", {"event_id": event_id(world, "REJECT")})


def test_the_export_reads_back_in_the_gold_format(world: Store) -> None:
    judge(world, "merge", actor_id=KH, into_id=KATAIB)
    judge(world, "split", actor_id=PMF, aliases=["Harakat al-Nujaba"], name="Harakat al-Nujaba")
    reject = judge(world, "reject_event", event_id=event_id(world, "CONSULT"))
    judge(world, "link_response", event_id=event_id(world, "REJECT"), directive_id=event_id(world, "REQUEST"))
    with world.connect() as conn:
        docs = list(yaml.safe_load_all(export_annotations(conn)))
    assert len(docs) == 2
    texts = {d["document_id"]: d for d in docs}
    for doc, text in zip(sorted(docs, key=lambda d: d["published"]), (DOC1, DOC2), strict=True):
        assert {"document", "published", "actors", "events", "ties", "corrections"} <= set(doc)
        ids = {a["id"] for a in doc["actors"]}
        assert KH not in ids and all({"id", "type", "name", "mentions"} <= set(a) for a in doc["actors"])
        for event in doc["events"]:
            assert {event["source"], event["target"]} <= ids and event["evidence"] in text
        assert {t["source"] for t in doc["ties"]} | {t["target"] for t in doc["ties"]} <= ids
        assert gold_occurrences(doc, text)  # the gold reader finds the mentions in the text
    first, second = sorted(texts.values(), key=lambda d: d["published"])
    kh = next(a for a in first["actors"] if a["id"] == KATAIB)
    assert set(kh["mentions"]) == {"Kata'ib Hezbollah", "KH"}
    assert [e["type"] for e in first["rejected"]["events"]] == ["CONSULT"] and reject in first["corrections"]
    assert any(e["source"] == NUJABA for e in first["events"])
    assert [e["responds_to"] for e in second["events"] if e["type"] == "REJECT"] == [
        event_id(world, "REQUEST")
    ]
