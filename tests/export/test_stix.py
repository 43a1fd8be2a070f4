"""STIX 2.1: actors as identities and threat actors, ties as relationships, events as reports
(notes when undated); the bundle parses and a second export is the same bundle."""

from __future__ import annotations

import json
from typing import Any

import stix2

from tests.export.conftest import HOSTILE, HOSTILE_NAME, export


def _objects(text: str) -> list[Any]:
    bundle = stix2.parse(text, allow_custom=True)
    assert bundle.type == "bundle"
    return list(bundle.objects)


def _by_proxywatch_id(objects: list[Any]) -> dict[str, Any]:
    return {o["x_proxywatch_id"]: o for o in objects if "x_proxywatch_id" in o}


def test_bundle_parses_with_actors_ties_and_events(db: str) -> None:
    objects = _objects(export(db, "stix"))
    actors = _by_proxywatch_id(objects)
    assert actors["kataib_hezbollah"].type == "threat-actor"
    assert (actors["united_states"].type, actors["united_states"].identity_class) == (
        "identity",
        "organization",
    )
    assert actors["esmail_ghaani"].identity_class == "individual"
    relationships = [o for o in objects if o.type == "relationship"]
    types = {r.relationship_type for r in relationships}
    assert {"follows", "member-of", "designates-terrorist"} <= types
    assert all(t == t.lower() and "_" not in t for t in types)
    [leads] = [
        r
        for r in relationships
        if r.relationship_type == "leads" and r.source_ref == actors["hassan_nasrallah"].id
    ]
    assert leads["x_proxywatch_valid"] == "former"
    assert leads.start_time.year == 1992 and leads.stop_time.isoformat().startswith("2024-09-28")


def test_events_are_reports_with_evidence_and_undated_ones_notes(db: str) -> None:
    objects = _objects(export(db, "stix"))
    actors = _by_proxywatch_id(objects)
    reports = [o for o in objects if o.type == "report"]
    assert len(reports) == 6
    [reject] = [r for r in reports if r["x_proxywatch_event_type"] == "REJECT"]
    assert reject.description == HOSTILE
    assert set(reject.object_refs) == {actors["pmf"].id, actors["esmail_ghaani"].id}
    assert reject.external_references[0].source_name == 'Wire "A"'
    assert reject.external_references[0].url == "https://example.org/a?x=1&y=2"
    [note] = [o for o in objects if o.type == "note"]
    assert note.abstract == f"ASSAULT: {HOSTILE_NAME} -> Popular Mobilization Forces"


def test_a_second_export_is_the_same_bundle(db: str) -> None:
    first, second = export(db, "stix"), export(db, "stix")
    assert first == second
    ids = [o["id"] for o in json.loads(first)["objects"]]
    assert len(ids) == len(set(ids))
