"""Migrations upgrade an existing database in place and keep its data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, select

from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import _alembic_config, head_revision, open_store
from proxywatch.store.documents import insert_document
from proxywatch.store.schema import documents


def test_upgrade_from_first_revision_keeps_documents(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(_alembic_config(url), "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            documents.insert().values(
                id="d1",
                fmt="text",
                origin="x",
                n_chars=4,
                text="text",
                ingested_at=datetime(2024, 1, 1),
            )
        )
    assert "directive" not in {c["name"] for c in inspect(engine).get_columns("events")}
    engine.dispose()
    store = open_store(url)
    assert store.revision() == head_revision()
    assert "directive" in {c["name"] for c in inspect(store.engine).get_columns("events")}
    with store.connect() as conn:
        assert conn.execute(select(documents.c.text)).scalar_one() == "text"
    with store.begin() as conn:
        insert_document(conn, RawDocument(text="another", origin="y", fmt="text"))
    store.close()
