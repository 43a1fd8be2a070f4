"""The facts a store holds, as comparable sets of rows: for checking that concurrent or
distributed runs end with the facts of one serial run (tests, ``bench/concurrency.py``).

Columns that say *when* a row was written (ingested_at, created_at, …), how often a problem
was met, and the feed tables are left out: they record the run, not the facts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from proxywatch.store import schema

VOLATILE = {"ingested_at", "extracted_at", "created_at", "undone_at", "first_seen", "last_seen", "times"}
TABLES = [
    schema.documents,
    schema.actors,
    schema.actor_aliases,
    schema.actor_judgements,
    schema.mentions,
    schema.events,
    schema.event_evidence,
    schema.ties,
    schema.tie_evidence,
    schema.ingest_errors,
]


def _value(value: Any) -> Any:
    return round(value, 9) if isinstance(value, float) else value


def fact_rows(conn: Connection) -> dict[str, set[tuple[Any, ...]]]:
    """Every fact table as a set of rows (floats rounded, volatile columns left out).

    ``first_seen``/``last_seen`` of events and ties are kept; of ingest errors they are times."""
    rows: dict[str, set[tuple[Any, ...]]] = {}
    for table in TABLES:
        columns = [
            c
            for c in table.columns
            if c.name not in VOLATILE
            or (c.name in ("first_seen", "last_seen") and table.name != "ingest_errors")
        ]
        rows[table.name] = {tuple(_value(v) for v in r) for r in conn.execute(select(*columns))}
    return rows


def differences(expected: dict[str, set[tuple[Any, ...]]], got: dict[str, set[tuple[Any, ...]]]) -> list[str]:
    """One line per table whose rows differ: how many are missing and how many are extra."""
    lines = []
    for name in expected.keys() | got.keys():
        missing = expected.get(name, set()) - got.get(name, set())
        extra = got.get(name, set()) - expected.get(name, set())
        if missing or extra:
            example = sorted(missing or extra, key=str)[0]
            lines.append(f"{name}: {len(missing)} missing, {len(extra)} extra (e.g. {example})")
    return sorted(lines)
