"""The store keeps what it is given, on SQLite and on PostgreSQL, and its schema is at head."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect

from proxywatch.ids import document_id
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import Store, head_revision
from proxywatch.store.documents import get_document, has_document, insert_document
from proxywatch.store.schema import metadata

# Text PostgreSQL can hold: no NUL characters and no lone surrogates.
safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=300,
).filter(lambda t: t.strip() != "")
optional = st.none() | safe_text

documents = st.builds(
    RawDocument,
    text=safe_text,
    origin=safe_text,
    fmt=st.sampled_from(["text", "html", "feed", "jsonl"]),
    title=optional,
    url=optional,
    source=optional,
    published=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    external_id=optional,
    line=st.none() | st.integers(min_value=1, max_value=10**6),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents)
def test_document_round_trip(store: Store, doc: RawDocument) -> None:
    with store.begin() as conn:
        if has_document(conn, document_id(doc.text)):
            return  # hypothesis may repeat a text; the first copy is kept, as in ingest
        doc_id = insert_document(conn, doc)
    with store.connect() as conn:
        row = get_document(conn, doc_id)
    assert row is not None
    assert (row["text"], row["title"], row["url"], row["source"]) == (
        doc.text,
        doc.title,
        doc.url,
        doc.source,
    )
    assert (row["published"], row["external_id"], row["origin"]) == (
        doc.published,
        doc.external_id,
        doc.locator,
    )
    assert row["n_chars"] == len(doc.text)


def test_schema_is_migrated_to_head(store: Store) -> None:
    assert store.revision() == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert set(metadata.tables) <= tables
