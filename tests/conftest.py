"""Shared fixtures: a real store on SQLite always, and on PostgreSQL when PROXYWATCH_TEST_PG names one."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from proxywatch.store.db import Store, open_store

PG_URL = os.environ.get("PROXYWATCH_TEST_PG")


def _pg_store() -> Iterator[Store]:
    """A store in a fresh PostgreSQL schema of its own, dropped afterwards."""
    assert PG_URL is not None
    schema = f"pw_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    store = open_store(f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    """A migrated, empty store on each backend; PostgreSQL is skipped when no server is named."""
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'test.db'}")
        yield s
        s.close()
    else:
        if not PG_URL:
            pytest.skip("set PROXYWATCH_TEST_PG to run the PostgreSQL tests")
        yield from _pg_store()


@pytest.fixture
def sqlite_store(tmp_path) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 'test.db'}")
    yield s
    s.close()
