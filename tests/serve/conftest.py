"""A real store built by ingesting a small JSONL corpus, on SQLite and (with PROXYWATCH_TEST_PG)
on PostgreSQL, and API clients over it; plus stores whose documents are not extracted, for
tests that need no spaCy model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proxywatch import api
from proxywatch.serve import create_app
from proxywatch.store.db import Store, open_store
from tests.conftest import BACKENDS, PG_URL, _pg_store

TOKEN = "operator-token-for-tests"
HOSTILE = '<script>alert("x")</script> & "quotes" <b>bold</b>'
CORPUS = [
    (
        "a1",
        "2024-01-28",
        "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. forces.",
    ),
    (
        "a2",
        "2024-01-31",
        "Kata'ib Hezbollah announced a suspension of its military operations against U.S. forces.",
    ),
    ("a3", "2024-02-04", "Harakat al-Nujaba rejected the Quds Force's request and vowed to keep fighting."),
    (
        "a4",
        "2024-02-05",
        "Kata'ib Hezbollah is funded by the Quds Force. Kata'ib Hezbollah vowed to attack U.S. forces in "
        "Iraq. Asaib Ahl al-Haq did not attack the U.S. Embassy.",
    ),
    ("a5", "2024-03-10", f"Kata'ib Hezbollah fired rockets at a U.S. base in Syria. {HOSTILE}"),
]


def write_corpus(folder: Path) -> Path:
    path = folder / "wire.jsonl"
    rows = [
        {"id": i, "published": d, "text": t, "title": f"story {i} {HOSTILE}", "source": "Wire"}
        for i, d, t in CORPUS
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _backend_store(request: pytest.FixtureRequest, folder: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        store = open_store(f"sqlite:///{folder / 'serve.db'}")
        yield store
        store.close()
    else:
        if not PG_URL:
            pytest.skip("set PROXYWATCH_TEST_PG to run the PostgreSQL tests")
        yield from _pg_store()


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The corpus ingested with extraction (loads the spaCy model), on each backend."""
    folder = tmp_path_factory.mktemp("corpus")
    for store in _backend_store(request, folder):
        report = api.ingest([write_corpus(folder)], store=store)
        assert report.added == len(CORPUS), report.as_dict()
        yield store


@pytest.fixture(scope="module")
def client(corpus_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=corpus_store, token=TOKEN)) as c:
        yield c


@pytest.fixture
def plain_store(tmp_path: Path) -> Iterator[Store]:
    """SQLite with the corpus's documents, not extracted (no model needed)."""
    store = open_store(f"sqlite:///{tmp_path / 'plain.db'}")
    api.ingest([write_corpus(tmp_path)], store=store, extract=False)
    yield store
    store.close()


def make_client(store: Store, token: str | None = TOKEN) -> TestClient:
    return TestClient(create_app(store=store, token=token))
