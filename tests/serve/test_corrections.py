"""The corrections endpoints: record (token), list, undo (token), export; every read of the API
reflects the active corrections; and a merge survives re-ingest and re-extraction of the same
documents, then undo restores what was read before. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Connection, select

from proxywatch import api
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import Store
from proxywatch.store.schema import documents, events, ties
from tests.serve.conftest import TOKEN, make_client
from tests.serve.test_errors_and_auth import assert_error
from tests.store.corrections_world import build

AUTH = {"Authorization": f"Bearer {TOKEN}"}
KH, KATAIB, PMF = "armed_group:kh", "kataib_hezbollah", "pmf"
WRITTEN = Path(__file__).parents[1] / "fixtures" / "written_corpus"


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    build(store)
    with make_client(store) as c:
        yield c


def fact(client: TestClient, table: Any, **where: str) -> str:
    store: Store = client.app.state.proxywatch.store  # type: ignore[attr-defined]
    query = select(table.c.id).where(*(table.c[k] == v for k, v in where.items()))
    with store.connect() as conn:
        return str(conn.execute(query).scalar_one())


def post(client: TestClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/corrections", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_every_kind_is_recorded_with_who_when_and_why(client: TestClient) -> None:
    reject, request = fact(client, events, type="REJECT"), fact(client, events, type="REQUEST")
    bodies: list[dict[str, Any]] = [
        {"kind": "merge", "actor_id": KH, "into_id": KATAIB, "reason": "same group", "made_by": "ana"},
        {"kind": "split", "actor_id": PMF, "aliases": ["Harakat al-Nujaba"], "name": "Harakat al-Nujaba"},
        {"kind": "set_actor", "actor_id": "us_embassy", "type": "facility", "country": "usa"},
        {"kind": "reject_event", "event_id": fact(client, events, type="CONSULT")},
        {"kind": "reject_tie", "tie_id": fact(client, ties, target_id=PMF)},
        {
            "kind": "set_event",
            "event_id": fact(client, events, type="ASSAULT", source_id=KATAIB),
            "type": "COERCE",
        },
        {"kind": "link_response", "event_id": reject, "directive_id": request},
    ]
    made = [post(client, b) for b in bodies]
    first = made[0]
    assert set(first) == {"id", "kind", "subject", "detail", "reason", "made_by", "created_at", "undone_at"}
    assert (first["kind"], first["subject"], first["detail"]) == ("merge", KH, {"into_id": KATAIB})
    assert (first["reason"], first["made_by"], first["undone_at"]) == ("same group", "ana", None)
    assert made[1]["made_by"] == "analyst" and made[1]["detail"]["new_id"] == "pmf~harakat_nujaba"
    assert made[2]["detail"] == {"type": "facility", "country": "USA"}
    assert [m["kind"] for m in made] == [b["kind"] for b in bodies]
    page = client.get("/api/corrections?limit=3&offset=1").json()
    assert (page["total"], page["limit"], page["offset"]) == (7, 3, 1)
    assert [c["id"] for c in page["items"]] == [m["id"] for m in made][::-1][1:4]


def test_undo_marks_the_correction_and_the_list_can_leave_it_out(client: TestClient) -> None:
    made = post(client, {"kind": "merge", "actor_id": KH, "into_id": KATAIB})
    response = client.post(f"/api/corrections/{made['id']}/undo", headers=AUTH)
    assert response.status_code == 200, response.text
    undone = response.json()
    assert undone["id"] == made["id"] and undone["undone_at"] is not None
    assert client.post(f"/api/corrections/{made['id']}/undo", headers=AUTH).json() == undone
    assert client.get("/api/corrections").json()["total"] == 1
    assert client.get("/api/corrections?include_undone=false").json() == {
        "items": [],
        "total": 0,
        "limit": 50,
        "offset": 0,
    }
    assert client.get(f"/api/actors/{KH}").json()["id"] == KH


def test_reads_reflect_a_merge(client: TestClient) -> None:
    cache = client.app.state.proxywatch.cache  # type: ignore[attr-defined]
    assert [a["id"] for a in client.get("/api/actors?q=KH").json()["items"]] == [KH]
    assert KH in client.get("/api/control?patron=Quds%20Force").json()["proxies"]
    version = cache.version()
    post(client, {"kind": "merge", "actor_id": KH, "into_id": KATAIB})
    assert cache.version() != version
    found = client.get("/api/actors?q=KH").json()["items"]
    assert [(a["id"], a["match"]["alias"]) for a in found] == [(KATAIB, "KH")]
    profile = client.get(f"/api/actors/{KH}").json()
    assert (profile["id"], profile["requested_id"], profile["merged_from"]) == (KATAIB, KH, [KH])
    assert "KH" in profile["aliases"] and [c["kind"] for c in profile["corrections"]] == ["merge"]
    assert {e["type"] for e in profile["events_as_source"]["items"]} == {"ASSAULT", "REJECT"}
    assert [(t["source"], t["target"]) for t in profile["ties"]] == [("quds_force", KATAIB)]
    listed = client.get(f"/api/events?actor={KATAIB}").json()
    assert listed["total"] == 3 and all(KH not in (e["source"], e["target"]) for e in listed["items"])
    assert client.get("/api/events?actor=KH").json()["total"] == 3  # the alias names the merged actor
    assert [t["target"] for t in client.get(f"/api/ties?actor={KH}").json()["items"]] == [KATAIB]
    graph = client.get("/api/graph").json()
    assert KH not in {n["id"] for n in graph["nodes"]} and KATAIB in {n["id"] for n in graph["nodes"]}
    assert not [e for e in graph["edges"] if KH in (e["source"], e["target"])]
    window = client.get("/api/graph?from=2024-01-20&to=2024-01-31").json()
    assert {(e["source"], e["target"]) for e in window["edges"] if e["kind"] == "interaction"} == {
        ("quds_force", KATAIB),
        (KATAIB, "quds_force"),
    }
    control = client.get("/api/control?patron=Quds%20Force").json()
    assert KATAIB in control["proxies"] and KH not in control["proxies"]
    doc_id = listed["items"][0]["evidence"][0]["document_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert KH not in {m["actor_id"] for m in doc["mentions"]} | {e["source"] for e in doc["events"]}


def test_rejected_facts_vanish_from_reads(client: TestClient) -> None:
    consult = fact(client, events, type="CONSULT")
    post(client, {"kind": "reject_event", "event_id": consult})
    post(client, {"kind": "reject_tie", "tie_id": fact(client, ties, target_id=KH)})
    assert consult not in {e["id"] for e in client.get("/api/events?limit=100").json()["items"]}
    assert client.get("/api/events").json()["total"] == 4
    assert client.get("/api/ties").json()["total"] == 1
    assert client.get(f"/api/actors/{KH}").json()["ties"] == []
    graph = client.get("/api/graph").json()
    assert ("funds", KH) not in {(e.get("tie"), e["target"]) for e in graph["edges"]}
    assert (PMF, "quds_force") not in {(e["source"], e["target"]) for e in graph["edges"]}


def test_the_export_is_yaml_in_the_gold_format(client: TestClient) -> None:
    assert client.get("/api/corrections/export").text.startswith("#")
    post(client, {"kind": "merge", "actor_id": KH, "into_id": KATAIB})
    response = client.get("/api/corrections/export")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/x-yaml")
    docs = list(yaml.safe_load_all(response.text))
    assert len(docs) == 2 and all({"document", "actors", "events", "ties"} <= set(d) for d in docs)
    assert all(KH not in {a["id"] for a in d["actors"]} for d in docs)


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"kind": "rename", "actor_id": KH}, 422, "invalid_request"),
        ({"kind": "merge", "actor_id": KH}, 422, "invalid_request"),
        ({"kind": "merge", "actor_id": KH, "into_id": KATAIB, "extra": 1}, 422, "invalid_request"),
        ({"kind": "merge", "actor_id": "nobody", "into_id": KATAIB}, 404, "not_found"),
        ({"kind": "merge", "actor_id": KH, "into_id": KH}, 422, "invalid_request"),
        ({"kind": "split", "actor_id": PMF, "aliases": ["Hezbollah"], "name": "X"}, 422, "invalid_request"),
        ({"kind": "set_actor", "actor_id": KH, "type": "dragon"}, 422, "invalid_request"),
        ({"kind": "set_event", "event_id": "nope", "type": "AID"}, 404, "not_found"),
        ({"kind": "reject_event", "event_id": "nope"}, 404, "not_found"),
        ({"kind": "reject_tie", "tie_id": "nope"}, 404, "not_found"),
        ({"kind": "link_response", "event_id": "nope", "directive_id": "x"}, 404, "not_found"),
    ],
)
def test_bad_corrections_answer_in_the_error_shape(
    client: TestClient, body: dict[str, Any], status: int, code: str
) -> None:
    assert_error(client.post("/api/corrections", json=body, headers=AUTH), status, code)
    assert client.get("/api/corrections").json()["total"] == 0


def test_undo_of_an_unknown_correction_is_404(client: TestClient) -> None:
    assert_error(client.post("/api/corrections/999/undo", headers=AUTH), 404, "not_found")
    assert_error(client.post("/api/corrections/zero/undo", headers=AUTH), 422, "invalid_request")


@pytest.mark.parametrize(
    "request_",
    [
        ("post", "/api/corrections", {"kind": "merge", "actor_id": KH, "into_id": KATAIB}),
        ("post", "/api/corrections/1/undo", None),
    ],
)
def test_writing_needs_the_token(store: Store, request_: tuple[str, str, Any]) -> None:
    build(store)
    method, url, body = request_
    with make_client(store) as client:
        post(client, {"kind": "reject_event", "event_id": fact(client, events, type="CONSULT")})
        for headers in ({}, {"Authorization": "Bearer wrong-token"}):
            response = client.request(method, url, json=body, headers=headers)
            assert_error(response, 401, "unauthorized")
    with make_client(store, token=None) as client:
        assert_error(client.request(method, url, json=body, headers=AUTH), 403, "forbidden")
        assert client.get("/api/corrections").status_code == 200  # reading needs no login
        assert client.get("/api/corrections/export").status_code == 200
        assert client.get("/api/corrections").json()["items"][0]["undone_at"] is None


# the key one: re-ingest and re-extraction with the real pipeline (loads the spaCy model) -------


def _upload(client: TestClient, paths: list[Path]) -> dict[str, Any]:
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in paths]
    response = client.post("/api/ingest", files=files, headers=AUTH)
    assert response.status_code == 200, response.text
    return dict(response.json())


def _reextract(store: Store) -> None:
    """Extract every stored document again and store the result, as ingest does."""
    run, write = api.extraction_processor()
    with store.connect() as conn:
        rows = conn.execute(select(documents)).mappings().all()
    docs = [
        RawDocument(text=r["text"], origin=r["origin"], fmt=r["fmt"], published=r["published"]) for r in rows
    ]
    results = run(docs)
    for row, doc, result in zip(rows, docs, results, strict=True):

        def store_one(conn: Connection, row: Any = row, doc: RawDocument = doc, result: Any = result) -> None:
            write(conn, row["id"], doc, result)

        store.write(store_one)


def _reads(client: TestClient, actor: str) -> dict[str, Any]:
    return {
        "profile": client.get(f"/api/actors/{actor}").json(),
        "events": client.get(f"/api/events?actor={actor}&limit=100").json(),
        "graph": client.get("/api/graph?limit=1000").json(),
        "search": client.get("/api/actors?q=Kataib%20Hezbollah").json(),
    }


def test_a_merge_survives_reingest_and_reextraction_and_undo_restores(store: Store) -> None:
    paths = [WRITTEN / "02-ghaani-named-quds-force-commander.txt", WRITTEN / "04-taji-attack-us-strikes.txt"]
    with make_client(store) as client:
        assert _upload(client, paths)["added"] == 2
        before = _reads(client, KATAIB)
        assert before["profile"]["id"] == KATAIB and before["events"]["total"] > 0
        made = post(client, {"kind": "merge", "actor_id": KATAIB, "into_id": PMF, "reason": "test"})
        merged = _reads(client, KATAIB)
        assert (merged["profile"]["id"], merged["profile"]["requested_id"]) == (PMF, KATAIB)
        assert KATAIB in merged["profile"]["merged_from"]
        assert merged["events"]["total"] >= before["events"]["total"]
        assert KATAIB not in {a["id"] for a in merged["search"]["items"]}
        assert PMF in {a["id"] for a in merged["search"]["items"]}
        assert KATAIB not in {n["id"] for n in merged["graph"]["nodes"]}

        again = _upload(client, paths)
        assert (again["added"], again["duplicates"]) == (0, 2)
        _reextract(store)
        client.app.state.proxywatch.cache.invalidate()  # type: ignore[attr-defined]
        assert _reads(client, KATAIB) == merged

        client.post(f"/api/corrections/{made['id']}/undo", headers=AUTH)
        assert _reads(client, KATAIB) == before
