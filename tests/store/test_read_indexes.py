"""The migrations build the schema that ``schema.py`` declares, read indexes included, and the
graph of a window is counted from its covering index."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import event, inspect

from proxywatch.store import browse
from proxywatch.store.db import _alembic_config, open_store
from proxywatch.store.schema import metadata

READ_INDEXES = {
    "events": {"ix_events_window"},
    "documents": {"ix_documents_ingested_at", "ix_documents_extracted_at"},
}


def _indexes(conn: object, table: str) -> set[str]:
    return {ix["name"] for ix in inspect(conn).get_indexes(table) if ix["name"]}


def test_migrated_schema_matches_the_declared_one(empty_db: str) -> None:
    """Alembic's autogenerate finds nothing to do between the migrated database and schema.py
    (tables, columns, types and indexes; not comments), on SQLite and PostgreSQL."""
    store = open_store(empty_db)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
            # column comments are documentation (only PostgreSQL keeps them): left out here
            changes = [d for d in diff if not (isinstance(d, list) and d[0][0] == "modify_comment")]
            assert changes == []
            for table, names in READ_INDEXES.items():
                assert names <= _indexes(conn, table)
    finally:
        store.close()


def test_read_indexes_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    open_store(url).close()
    command.downgrade(_alembic_config(url), "0003")
    store = open_store(url, migrate=False)
    with store.engine.connect() as conn:
        assert all(not (names & _indexes(conn, table)) for table, names in READ_INDEXES.items())
    store.close()
    store = open_store(url)
    with store.engine.connect() as conn:
        assert all(names <= _indexes(conn, table) for table, names in READ_INDEXES.items())
    store.close()


def test_window_interactions_read_the_covering_index_alone(tmp_path: Path) -> None:
    """SQLite's plan for a month's interactions searches ix_events_window as a covering index."""
    store = open_store(f"sqlite:///{tmp_path / 'plan.db'}")
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    with store.connect() as conn:
        assert browse.interaction_counts(conn, date(2020, 1, 1), date(2020, 1, 31)) == []
        event.remove(store.engine, "before_cursor_execute", record)
        (statement, parameters), *_ = [s for s in seen if "GROUP BY" in s[0]]
        plan = " ".join(
            str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    store.close()
    assert "COVERING INDEX ix_events_window" in plan
