"""Writers that meet on one database: schema created once, facts written once, events merged
the same whatever the order; the facts of one serial run."""

from __future__ import annotations

import random
import threading
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from proxywatch.dictionary import load_dictionary
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Mention, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import Store, head_revision, is_transient, open_store
from proxywatch.store.documents import claim_document
from proxywatch.store.facts import save_extraction, sync_dictionary
from proxywatch.store.schema import event_evidence, events
from proxywatch.store.snapshot import differences, fact_rows

PRECISIONS = ["day", "document", "week", "month", "year", "none"]


def report(
    n: int, day: date | None, precision: str, kind: str = "ASSAULT", negated: bool = False
) -> Extraction:
    sentence = f"Report {n}: the militia fired rockets at the embassy."
    ev = Evidence(sentence, 0, len(sentence), "verb:active:fire", 0.5 + n / 100)
    return Extraction(
        actors={
            "person:zorbak": Actor(
                "person:zorbak", f"Zorbak{'' if n % 2 else ' Al'}", "person", None, "extracted"
            )
        },
        mentions=[Mention("person:zorbak", "Zorbak", 0, 6, "ner", 0.7)],
        events=[
            Event(
                kind,
                "kataib_hezbollah",
                "us_embassy_iraq",
                ev,
                mode="rocket" if n % 3 == 0 else None,
                date=day if precision != "none" else None,
                date_precision=precision,
                location="Baghdad" if n % 4 == 1 else None,
                country="IRQ" if n % 4 == 1 else None,
                negated=negated,
                trigger="fired",
            )
        ],
        ties=[Tie("member_of", "kataib_hezbollah", "pmf", ev)],
    )


def store_one(store: Store, n: int, ext: Extraction) -> None:
    doc = RawDocument(text=f"document {n}", origin=f"d{n}", fmt="text", published=date(2020, 1, 1 + n % 28))

    def write(conn: Any) -> None:
        doc_id = claim_document(conn, doc)
        if doc_id is not None:
            save_extraction(conn, doc_id, doc.published, ext)

    store.write(write)


def facts(store: Store) -> dict[str, set[tuple[Any, ...]]]:
    with store.connect() as conn:
        return fact_rows(conn)


reports = st.lists(
    st.tuples(
        st.dates(min_value=date(2020, 1, 1), max_value=date(2020, 3, 31)),
        st.sampled_from(PRECISIONS),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(found=reports, seed=st.integers(0, 1000))
def test_events_merged_from_reports_do_not_depend_on_their_order(
    found: list[tuple[date, str, bool]], seed: int
) -> None:
    exts = [report(n, day, precision, negated=neg) for n, (day, precision, neg) in enumerate(found)]
    order = list(range(len(exts)))
    results = []
    for shuffle in (False, True):
        if shuffle:
            random.Random(seed).shuffle(order)
        store = open_store("sqlite://")
        for n in order:
            store_one(store, n, exts[n])
        results.append(facts(store))
        with store.connect() as conn:  # every event has evidence, every report one event
            assert {r.event_id for r in conn.execute(select(event_evidence.c.event_id))} == set(
                conn.execute(select(events.c.id)).scalars()
            )
        store.close()
    assert differences(results[0], results[1]) == []


def test_writers_on_a_new_database_create_its_schema_once(empty_db: str) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        try:
            start.wait()
            open_store(empty_db).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert open_store(empty_db).revision() == head_revision()


def test_concurrent_writers_store_each_document_and_event_once(empty_db: str, tmp_path: Path) -> None:
    """Eight documents reporting one event (same day, or days apart within the merge window),
    written by four threads at once, each thread given overlapping documents: one event, eight
    reports, as in a serial run. Before event keys, two writers could each insert the event."""
    exts = {n: report(n, date(2020, 1, 3 + n % 3), "day") for n in range(8)}
    dictionary = load_dictionary()
    serial = open_store(f"sqlite:///{tmp_path / 'serial.db'}")
    serial.write(lambda conn: sync_dictionary(conn, dictionary))
    for n, ext in exts.items():
        store_one(serial, n, ext)
    shared = open_store(empty_db)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            start.wait()
            shared.write(lambda conn: sync_dictionary(conn, dictionary))
            for n in [*range(8)][k:] + [*range(8)][:k]:
                store_one(shared, n, exts[n])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    got = facts(shared)
    assert len(got["events"]) == 1 and len(got["event_evidence"]) == 8
    expected = facts(serial)
    assert differences(expected, got) == []
    serial.close()
    shared.close()


def test_only_lock_and_deadlock_errors_are_retried() -> None:
    from sqlalchemy.exc import OperationalError

    class Locked(Exception):
        sqlstate = None

    class Deadlock(Exception):
        sqlstate = "40P01"

    assert is_transient(OperationalError("x", {}, Locked("database is locked")))
    assert is_transient(OperationalError("x", {}, Deadlock("deadlock detected")))
    assert not is_transient(OperationalError("x", {}, Locked("no such table: nothing")))
