"""Every read endpoint over a store built by ingesting a small corpus (SQLite, and PostgreSQL
when PROXYWATCH_TEST_PG names one): documents with spans, actor search and profile, events
and ties with their filters, the window graph, and the analytics as the CLI gives them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from proxywatch import api
from proxywatch.analyse.context import load_context
from proxywatch.analyse.graphs import interaction_graph
from proxywatch.ontology import load_ontology
from proxywatch.store.db import Store
from tests.serve.conftest import CORPUS, HOSTILE

pytestmark = pytest.mark.model


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def doc_id(client: TestClient, external: str) -> str:
    docs = get(client, "/api/documents", limit=100)["items"]
    found = [d["id"] for d in docs if d["published"] == dict((i, p) for i, p, _ in CORPUS)[external]]
    return found[0]


def test_documents_are_listed_newest_first_and_paged(client: TestClient) -> None:
    page = get(client, "/api/documents")
    assert page["total"] == len(CORPUS) and len(page["items"]) == len(CORPUS)
    assert [d["published"] for d in page["items"]] == sorted((p for _, p, _ in CORPUS), reverse=True)
    assert "text" not in page["items"][0]
    second = get(client, "/api/documents", limit=2, offset=2)
    assert second["total"] == len(CORPUS) and (second["limit"], second["offset"]) == (2, 2)
    assert [d["id"] for d in second["items"]] == [d["id"] for d in page["items"][2:4]]
    assert get(client, "/api/documents", offset=10)["items"] == []
    window = get(client, "/api/documents", **{"from": "2024-02-01", "to": "2024-02-28"})
    assert {d["published"] for d in window["items"]} == {"2024-02-04", "2024-02-05"}
    assert get(client, "/api/documents", source="Wire")["total"] == len(CORPUS)
    assert get(client, "/api/documents", source="Other")["total"] == 0


def test_a_document_comes_with_the_spans_of_its_mentions_events_and_ties(client: TestClient) -> None:
    doc = get(client, f"/api/documents/{doc_id(client, 'a1')}")
    text = doc["text"]
    assert text == CORPUS[0][2]
    qaani = [m for m in doc["mentions"] if m["actor_id"] == "esmail_ghaani"]
    assert qaani and qaani[0]["actor_name"] == "Esmail Ghaani"
    for m in doc["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    [request] = [e for e in doc["events"] if e["type"] == "REQUEST"]
    assert request["source"] == "esmail_ghaani" and request["source_name"] == "Esmail Ghaani"
    span = request["span"]
    assert text[span["start"] : span["end"]].strip() == span["sentence"].strip()
    funded = get(client, f"/api/documents/{doc_id(client, 'a4')}")
    assert any(t["tie"] == "funds" and t["provenance"] == "documents" for t in funded["ties"])


def test_markup_in_documents_comes_back_as_plain_json_strings(client: TestClient) -> None:
    doc = get(client, f"/api/documents/{doc_id(client, 'a5')}")
    assert HOSTILE in doc["text"] and doc["title"].endswith(HOSTILE)
    listed = get(client, "/api/documents")["items"]
    assert all(d["title"].endswith(HOSTILE) for d in listed)
    raw = client.get(f"/api/documents/{doc['id']}").text
    assert "<script>" in raw  # JSON strings, not HTML-escaped; served as JSON, never sniffed
    assert client.get("/api/documents").headers["x-content-type-options"] == "nosniff"


def test_search_finds_an_actor_by_alias_or_misspelling(client: TestClient) -> None:
    found = get(client, "/api/actors", q="Qaani")
    assert found["items"][0]["id"] == "esmail_ghaani" and found["items"][0]["match"]["exact"]
    assert found["items"][0]["match"]["alias"] == "Qaani"
    misspelt = get(client, "/api/actors", q="Esmail Ghaany")["items"]
    assert misspelt[0]["id"] == "esmail_ghaani" and not misspelt[0]["match"]["exact"]
    assert get(client, "/api/actors", q="Kataib Hezbolah")["items"][0]["id"] == "kataib_hezbollah"
    people = get(client, "/api/actors", q="Hezbollah", type="person")["items"]
    assert all(a["type"] == "person" for a in people)
    assert get(client, "/api/actors", q="zzzzqqqq")["total"] == 0
    listing = get(client, "/api/actors", limit=5)
    assert listing["total"] > 100 and len(listing["items"]) == 5  # the whole dictionary


def test_an_actor_profile_has_aliases_ties_and_events_both_ways(client: TestClient) -> None:
    profile = get(client, "/api/actors/kataib_hezbollah")
    assert profile["name"] == "Kata'ib Hezbollah" and profile["country"] == "IRQ"
    assert "KH" in profile["aliases"]
    funds = [t for t in profile["ties"] if t["tie"] == "funds" and t["source"] == "quds_force"]
    assert funds and funds[0]["provenance"] == "documents" and funds[0]["documents"]
    assert any(t["provenance"] == "dictionary" for t in profile["ties"])
    out = profile["events_as_source"]
    assert out["total"] >= 2 and {e["source"] for e in out["items"]} == {"kataib_hezbollah"}
    assert all(e["evidence"] and e["evidence"][0]["document_id"] for e in out["items"])
    ghaani = get(client, "/api/actors/esmail_ghaani", limit=1)
    assert ghaani["events_as_source"]["total"] >= 1 and len(ghaani["events_as_source"]["items"]) == 1


def test_events_filter_by_window_type_actor_bloc_and_attribute(client: TestClient) -> None:
    everything = get(client, "/api/events", limit=1000)
    assert everything["total"] == len(everything["items"]) > 0
    dates = [e["date"] for e in everything["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    feb = get(client, "/api/events", **{"from": "2024-02-01", "to": "2024-02-29"})
    assert feb["items"] and all("2024-02-01" <= e["date"] <= "2024-02-29" for e in feb["items"])
    requests = get(client, "/api/events", type="REQUEST")["items"]
    assert requests and {e["type"] for e in requests} == {"REQUEST"}
    by_name = get(client, "/api/events", actor="Qaani")
    by_id = get(client, "/api/events", actor="esmail_ghaani")
    assert by_name == by_id and by_id["total"] >= 1
    assert all("esmail_ghaani" in (e["source"], e["target"]) for e in by_id["items"])
    bloc = get(client, "/api/events", bloc="Quds Force", limit=1000)["items"]
    assert {e["source"] for e in bloc} >= {"kataib_hezbollah", "esmail_ghaani"}
    for flag in ("negated", "intended", "hypothetical", "historical"):
        flagged = get(client, "/api/events", attribute=flag, limit=1000)["items"]
        assert all(e[flag] for e in flagged)
        assert len(flagged) == sum(e[flag] for e in everything["items"])
    [denied] = get(client, "/api/events", attribute="negated")["items"]  # "did not attack"
    assert (denied["type"], denied["source"]) == ("ASSAULT", "asaib_ahl_al_haq")
    assert get(client, "/api/events", attribute="intended", type="THREATEN")["total"] >= 1  # "vowed to"
    paged = get(client, "/api/events", limit=1, offset=1)
    assert paged["items"] == everything["items"][1:2]


def test_ties_filter_by_actor_type_and_provenance(client: TestClient) -> None:
    read = get(client, "/api/ties", provenance="documents", limit=1000)["items"]
    assert read and all(t["provenance"] == "documents" and t["documents"] for t in read)
    known = get(client, "/api/ties", provenance="dictionary", limit=5)
    assert known["total"] > 100 and all(t["n_sources"] == 0 for t in known["items"])
    funds = get(client, "/api/ties", tie="funds", actor="KH", limit=1000)["items"]
    assert funds and all(
        t["tie"] == "funds" and "kataib_hezbollah" in (t["source"], t["target"]) for t in funds
    )
    assert all(t["source_name"] and t["target_name"] for t in funds)


def test_the_graph_of_a_window_sums_interactions_as_the_analytics_do(
    client: TestClient, corpus_store: Store
) -> None:
    start, end = date(2024, 1, 1), date(2024, 2, 29)
    graph = get(client, "/api/graph", **{"from": start.isoformat(), "to": end.isoformat(), "limit": 1000})
    weights = {name: t.weight for name, t in load_ontology().event_types.items()}
    expected = interaction_graph(load_context(corpus_store).events, weights, start, end)
    got = {(e["source"], e["target"]): e for e in graph["edges"] if e["kind"] == "interaction"}
    assert set(got) == set(expected.edges) and got
    for (u, v), edge in got.items():
        assert edge["weight"] == pytest.approx(expected[u][v]["weight"])
        assert edge["count"] == expected[u][v]["count"] == sum(edge["types"].values())
    ties = [e for e in graph["edges"] if e["kind"] == "tie"]
    assert any(t["tie"] == "funds" and t["target"] == "kataib_hezbollah" for t in ties)
    assert not any(t["tie"] == "commands" and t["source"] == "qassem_soleimani" for t in ties)  # ended 2020
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["esmail_ghaani"]["name"] == "Esmail Ghaani" and nodes["esmail_ghaani"]["type"] == "person"
    assert {x for e in graph["edges"] for x in (e["source"], e["target"])} == set(nodes)
    march = get(client, "/api/graph", **{"from": "2024-03-01", "to": "2024-03-31"})
    assert {(e["source"], e["kind"]) for e in march["edges"]} >= {("kataib_hezbollah", "interaction")}
    page = get(client, "/api/graph", limit=1)
    assert len(page["edges"]) == 1 and page["total"] > 1


@pytest.mark.parametrize(
    ("url", "params", "call"),
    [
        ("/api/control", {}, lambda s: api.control("Quds Force", store=s)),
        ("/api/cohesion", {}, lambda s: api.cohesion("Quds Force", store=s)),
        ("/api/follows", {}, lambda s: api.follows("Quds Force", store=s)),
        (
            "/api/whatif",
            {"remove": "Qaani", "as_of": "2024-02-01"},
            lambda s: api.whatif(["esmail_ghaani"], "Quds Force", as_of="2024-02-01", store=s),
        ),
    ],
)
def test_analytics_answer_as_the_cli_does(
    client: TestClient, corpus_store: Store, url: str, params: dict[str, str], call: Any
) -> None:
    assert get(client, url, **params) == call(corpus_store)


def test_analytics_name_every_actor_they_mention(client: TestClient) -> None:
    control = get(client, "/api/control")
    assert control["names"]["esmail_ghaani"] == "Esmail Ghaani"
    assert set(control["side"]) | set(control["proxies"]) <= set(control["names"])
    outcome = next(o for w in control["windows"] for o in w["outcomes"])
    assert {outcome["source"], outcome["target"]} <= set(control["names"])
    whatif = get(client, "/api/whatif", remove=["Qaani"])
    assert whatif["removed"] == ["esmail_ghaani"] and "as_of" not in whatif
    assert whatif["names"]["esmail_ghaani"] == "Esmail Ghaani"
    assert get(client, "/api/control", patron="quds_force", proxy=["KH"])["proxies"] == ["kataib_hezbollah"]
    assert get(client, "/api/cohesion", bloc=["KH", "Nujaba"])["proxies"] == [
        "harakat_al_nujaba",
        "kataib_hezbollah",
    ]
