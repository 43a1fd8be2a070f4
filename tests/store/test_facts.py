"""Facts are stored once, with evidence; reports of one event in several documents merge."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import Store
from proxywatch.store.documents import insert_document
from proxywatch.store.facts import date_window, save_extraction
from proxywatch.store.schema import event_evidence, events, mentions, tie_evidence, ties


def extraction(
    day: date, precision: str = "day", sentence: str = "KH fired rockets at the embassy."
) -> Extraction:
    ev = Evidence(sentence, 0, len(sentence), "verb:active:fire", 0.8)
    return Extraction(
        actors={"person:zorbak": Actor("person:zorbak", "Zorbak", "person", None, "extracted")},
        events=[
            Event(
                "ASSAULT",
                "kataib_hezbollah",
                "us_embassy_iraq",
                ev,
                date=day,
                date_precision=precision,
                trigger="fired",
            )
        ],
        ties=[Tie("member_of", "kataib_hezbollah", "pmf", ev)],
    )


def add_doc(store: Store, text: str, published: date, ext: Extraction) -> str:
    with store.begin() as conn:
        doc_id = insert_document(conn, RawDocument(text=text, origin="t", fmt="text", published=published))
        save_extraction(conn, doc_id, published, ext)
    return doc_id


def test_reports_of_one_event_merge_and_count_sources(store: Store) -> None:
    add_doc(store, "report one", date(2020, 1, 3), extraction(date(2020, 1, 3)))
    add_doc(
        store,
        "report two",
        date(2020, 1, 4),
        extraction(date(2020, 1, 4), sentence="Rockets hit the embassy."),
    )
    add_doc(
        store,
        "background",
        date(2020, 6, 1),
        extraction(date(2020, 1, 1), "month", "In January they attacked."),
    )
    add_doc(store, "another attack", date(2020, 3, 1), extraction(date(2020, 3, 1)))
    with store.connect() as conn:
        rows = conn.execute(select(events.c.date, events.c.n_sources).order_by(events.c.date)).all()
        n_evidence = len(conn.execute(select(event_evidence.c.id)).all())
        tie_rows = conn.execute(select(ties.c.n_sources)).all()
    assert rows == [(date(2020, 1, 3), 3), (date(2020, 3, 1), 1)]
    assert n_evidence == 4
    assert tie_rows == [(4,)]


def test_storing_the_same_extraction_twice_changes_nothing(store: Store) -> None:
    ext = extraction(date(2020, 1, 3))
    doc_id = add_doc(store, "report one", date(2020, 1, 3), ext)
    with store.begin() as conn:
        save_extraction(conn, doc_id, date(2020, 1, 3), ext)
    with store.connect() as conn:
        assert len(conn.execute(select(events.c.id)).all()) == 1
        assert len(conn.execute(select(event_evidence.c.id)).all()) == 1
        assert len(conn.execute(select(tie_evidence.c.id)).all()) == 1
        assert len(conn.execute(select(mentions.c.id)).all()) == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    precision=st.sampled_from(["day", "week", "month", "year"]),
)
def test_a_date_lies_inside_its_own_window(day: date, precision: str) -> None:
    window = date_window(day, precision)
    assert window is not None and window[0] <= day <= window[1]
