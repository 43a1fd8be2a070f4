"""Writes that many processes can make at once: ``INSERT … ON CONFLICT`` on both backends, and
a lock on a key for the few read-then-write steps (merging reports of an event).

Locks are taken in one order in every transaction — documents, actors, aliases, judgements,
event groups, ties, each sorted by key — so that concurrent writers cannot deadlock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, text
from sqlalchemy.dialects import postgresql, sqlite


def insert(conn: Connection, table: Table) -> Any:
    """The backend's ``INSERT`` construct, which has ``on_conflict_do_nothing``/``_do_update``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


_STATEMENTS: dict[tuple[str, str], Any] = {}


def statement(conn: Connection, name: str, build: Callable[[Connection], Any]) -> Any:
    """The statement ``build`` makes for this backend, built once per process and backend.

    Writes run thousands of times per ingest: a statement object used again is compiled once
    and keeps its cache key, where one built per row costs more than the database's own work.
    The values go as parameters at execution (``conn.execute(stmt, row)``)."""
    key = (conn.dialect.name, name)
    found = _STATEMENTS.get(key)
    if found is None:
        found = _STATEMENTS[key] = build(conn)
    return found


def insert_new(conn: Connection, table: Table, rows: dict[str, Any] | list[dict[str, Any]]) -> int:
    """Insert rows whose key is not there yet. For one row, returns 1 if it was inserted and 0
    if its key was there; for a list, how many rows were sent."""
    if isinstance(rows, list) and not rows:
        return 0
    if isinstance(rows, dict):
        # RETURNING, not rowcount: drivers need not count the rows of an INSERT
        key = list(table.primary_key.columns)[0]
        one = statement(
            conn,
            f"insert-new-returning:{table.name}:{','.join(sorted(rows))}",
            lambda c: insert(c, table).on_conflict_do_nothing().returning(key),
        )
        return 0 if conn.execute(one, rows).first() is None else 1
    many = statement(conn, f"insert-new:{table.name}", lambda c: insert(c, table).on_conflict_do_nothing())
    conn.execute(many, rows)
    return len(rows)


def lock_key(*parts: object) -> int:
    """A signed 64-bit integer for ``pg_advisory_xact_lock`` from the parts of a key.

    >>> lock_key("event", "ASSAULT") == lock_key("event", "ASSAULT") != lock_key("event", "FIGHT")
    True
    """
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(joined.encode("utf-8")).digest()[:8], "big", signed=True)


def lock(conn: Connection, *parts: object) -> None:
    """Hold a lock on a key until the transaction ends. PostgreSQL: an advisory transaction lock;
    SQLite needs none (a write transaction holds the database's single writer lock)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(*parts)})
