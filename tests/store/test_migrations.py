"""Migrations upgrade an existing database in place and keep its data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, select

from proxywatch.ingest.records import RawDocument
from proxywatch.store import schema
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


def test_upgrade_merges_doubled_events_and_repoints_their_evidence(tmp_path: Path) -> None:
    """Two rows for one event (as concurrent writers stored them before events had a key) and a
    third report within its window become one event with three reports; another stays apart."""
    from datetime import date

    from sqlalchemy import text

    from proxywatch.store.merge import Report, event_id

    url = f"sqlite:///{tmp_path / 'doubled.db'}"
    command.upgrade(_alembic_config(url), "0002")
    engine = create_engine(url)
    stamp = datetime(2024, 1, 1)
    with engine.begin() as conn:
        for n, published in enumerate(
            [date(2020, 1, 3), date(2020, 1, 4), date(2020, 1, 5), date(2020, 3, 1)]
        ):
            conn.execute(
                documents.insert().values(
                    id=f"d{n}",
                    fmt="text",
                    origin="x",
                    n_chars=1,
                    text=f"t{n}",
                    ingested_at=stamp,
                    published=published,
                )
            )
        event = (
            "INSERT INTO events (id, type, source_id, target_id, date, date_precision, negated, intended, "
        )
        event += "hypothetical, historical, confidence, n_sources, mode) VALUES "
        conn.execute(
            text(
                event + "('old1', 'ASSAULT', 'kh', 'embassy', '2020-01-03', 'day', 0, 0, 0, 0, 0.6, 1, NULL),"
                "('old2', 'ASSAULT', 'kh', 'embassy', '2020-01-03', 'day', 0, 0, 0, 0, 0.9, 1, 'rocket'),"
                "('old3', 'ASSAULT', 'kh', 'embassy', '2020-01-05', 'day', 0, 0, 0, 0, 0.5, 1, NULL),"
                "('old4', 'ASSAULT', 'kh', 'embassy', '2020-03-01', 'day', 0, 0, 0, 0, 0.5, 1, NULL)"
            )
        )
        conn.execute(
            text(
                'INSERT INTO event_evidence (id, event_id, document_id, sentence, start, "end", rule, '
                "confidence) VALUES ('e1', 'old1', 'd0', 's', 0, 1, 'r', 0.6), "
                "('e2', 'old2', 'd1', 's', 0, 1, 'r', 0.9),"
                "('e3', 'old3', 'd2', 's', 0, 1, 'r', 0.5), ('e4', 'old4', 'd3', 's', 0, 1, 'r', 0.5)"
            )
        )
    engine.dispose()
    store = open_store(url)
    assert store.revision() == head_revision()
    with store.connect() as conn:
        e = schema.events.c
        query = select(e.id, e.date, e.n_sources, e.confidence, e.mode, e.first_seen, e.last_seen)
        rows = conn.execute(query.order_by(e.date)).all()
        pointed = {r.id: r.event_id for r in conn.execute(select(schema.event_evidence))}
        tables = set(inspect(conn).get_table_names())
    group = ("ASSAULT", "kh", "embassy", False, False, False)
    merged = event_id(group, Report("e1", "d0", None, 0.6, date(2020, 1, 3), "day"))
    apart = event_id(group, Report("e4", "d3", None, 0.5, date(2020, 3, 1), "day"))
    assert [tuple(r) for r in rows] == [
        (merged, date(2020, 1, 3), 3, 0.9, "rocket", date(2020, 1, 3), date(2020, 1, 5)),
        (apart, date(2020, 3, 1), 1, 0.5, None, date(2020, 3, 1), date(2020, 3, 1)),
    ]
    assert pointed == {"e1": merged, "e2": merged, "e3": merged, "e4": apart}
    assert {"feeds", "feed_polls"} <= tables
    store.close()
