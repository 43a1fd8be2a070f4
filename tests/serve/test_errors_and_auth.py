"""One JSON error shape for every kind of error, and the bearer token that writing needs.
No spaCy model: the store's documents are ingested without extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from proxywatch.errors import StoreError
from proxywatch.serve import create_app
from proxywatch.serve.routes.ingest import safe_name
from proxywatch.store.db import Store
from tests.serve.conftest import CORPUS, TOKEN, make_client


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert {"code", "message", "status"} <= set(error) <= {"code", "message", "status", "details"}
    assert (error["status"], error["code"]) == (status, code)
    assert isinstance(error["message"], str) and error["message"]
    return dict(error)


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("get", "/api/nowhere", 404, "not_found"),
        ("get", "/api/documents/0000", 404, "not_found"),
        ("get", "/api/actors/nobody_at_all", 404, "not_found"),
        ("get", "/api/events?actor=Nobody%20At%20All", 404, "not_found"),
        ("get", "/api/control?patron=Nobody%20At%20All", 404, "not_found"),
        ("get", "/api/documents?limit=0", 422, "invalid_request"),
        ("get", "/api/documents?limit=5000", 422, "invalid_request"),
        ("get", "/api/documents?offset=-1", 422, "invalid_request"),
        ("get", "/api/events?from=yesterday", 422, "invalid_request"),
        ("get", "/api/events?from=2024-02-01&to=2024-01-01", 422, "invalid_request"),
        ("get", "/api/events?attribute=rumoured", 422, "invalid_request"),
        ("get", "/api/events?type=EXPLODE", 422, "invalid_request"),
        ("get", "/api/ties?tie=likes", 422, "invalid_request"),
        ("get", "/api/ties?provenance=rumour", 422, "invalid_request"),
        ("get", "/api/whatif", 422, "invalid_request"),
        ("get", "/api/control?horizon=0", 422, "invalid_request"),
        ("delete", "/api/documents", 405, "method_not_allowed"),
        ("post", "/api/events", 405, "method_not_allowed"),
    ],
)
def test_every_error_has_one_shape(plain_store: Store, method: str, url: str, status: int, code: str) -> None:
    with make_client(plain_store) as client:
        assert_error(getattr(client, method)(url), status, code)


def test_validation_errors_say_which_parameter(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        error = assert_error(client.get("/api/events?from=yesterday"), 422, "invalid_request")
    assert "from" in error["message"] and error["details"][0]["loc"] == ["query", "from"]


def _upload(client: TestClient, headers: dict[str, str] | None = None, name: str = "new.txt") -> Any:
    text = b"Kataib Hezbollah fired rockets at a base in Iraq on Tuesday.\n"
    return client.post(
        "/api/ingest",
        files=[("files", (name, text, "text/plain"))],
        data={"extract": "false", "published": "2024-04-02"},
        headers=headers or {},
    )


def test_writing_is_disabled_without_a_token_configured(plain_store: Store) -> None:
    with make_client(plain_store, token=None) as client:
        error = assert_error(_upload(client, {"Authorization": f"Bearer {TOKEN}"}), 403, "forbidden")
        assert "PROXYWATCH_TOKEN" in error["message"]
        assert client.get("/api/documents").status_code == 200  # reading needs no login
    with make_client(plain_store, token="") as client:
        assert_error(_upload(client), 403, "forbidden")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer"},
    ],
)
def test_a_missing_or_wrong_token_is_refused(plain_store: Store, headers: dict[str, str]) -> None:
    with make_client(plain_store) as client:
        response = _upload(client, headers)
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
        assert client.get("/api/documents").json()["total"] == len(CORPUS)  # nothing was written


def test_the_right_token_ingests_an_upload(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        response = _upload(client, {"Authorization": f"Bearer {TOKEN}"}, name="../../evil name.txt")
        assert response.status_code == 200, response.text
        result = response.json()
        assert (result["files"], result["added"], result["failed"]) == (1, 1, 0)
        [new] = result["documents"]
        doc = client.get(f"/api/documents/{new}").json()
        assert doc["published"] == "2024-04-02" and doc["text"].startswith("Kataib Hezbollah")
        again = _upload(client, {"Authorization": f"Bearer {TOKEN}"}).json()
        assert (again["added"], again["duplicates"]) == (0, 1)
        broken = client.post(
            "/api/ingest",
            files=[("files", ("bad.jsonl", b"{broken\n", "application/json"))],
            data={"extract": "false"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        ).json()
        assert broken["failed"] == 1 and broken["problems"][0]["origin"].startswith("bad.jsonl")
        assert "proxywatch-upload" not in str(broken)  # no server paths in the answer


def test_an_upload_over_the_limit_is_refused(plain_store: Store) -> None:
    with TestClient(create_app(store=plain_store, token=TOKEN, max_upload_bytes=1000)) as client:
        response = client.post(
            "/api/ingest",
            files=[("files", ("big.txt", b"x" * 5000, "text/plain"))],
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert_error(response, 413, "payload_too_large")


def test_upload_names_stay_in_the_folder() -> None:
    assert safe_name(3, "..\\..\\windows\\evil.txt") == "003-evil.txt"
    assert safe_name(0, ".hidden") == "000-hidden"
    assert safe_name(0, "\x00") == "000-upload"


def test_the_openapi_document_lists_every_endpoint(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/ties",
        "/api/graph",
        "/api/control",
        "/api/cohesion",
        "/api/follows",
        "/api/whatif",
        "/api/ingest",
    ):
        assert path in paths, path
    assert "ErrorResponse" in spec["components"]["schemas"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_a_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    with pytest.raises(StoreError, match="no database at"):
        create_app(str(missing))
    assert not missing.exists()
