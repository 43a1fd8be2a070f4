"""Write and read documents and ingest errors. Each function takes an open connection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from proxywatch.ids import document_id, fact_id
from proxywatch.records import IngestProblem, RawDocument
from proxywatch.store.schema import documents, ingest_errors
from proxywatch.store.upsert import insert, insert_new


def now() -> datetime:
    return datetime.now(UTC)


def has_document(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def _document_row(doc: RawDocument) -> dict[str, Any]:
    return {
        "id": document_id(doc.text),
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published,
        "published_from": doc.published_from,
        "lang": doc.lang,
        "fmt": doc.fmt,
        "origin": doc.locator,
        "external_id": doc.external_id,
        "n_chars": len(doc.text),
        "text": doc.text,
        "ingested_at": now(),
    }


def insert_document(conn: Connection, doc: RawDocument) -> str:
    """Insert ``doc`` (the caller has checked it is new) and return its id."""
    row = _document_row(doc)
    conn.execute(documents.insert().values(row))
    return str(row["id"])


def claim_document(conn: Connection, doc: RawDocument) -> str | None:
    """Insert ``doc`` unless a document with its text is stored; its id, or None if it was there.

    Two writers that claim one document at once: the second waits for the first to commit and
    gets None, so the document and its facts are written once."""
    row = _document_row(doc)
    return str(row["id"]) if insert_new(conn, documents, row) else None


def mark_extracted(conn: Connection, doc_id: str, extractor: str) -> None:
    conn.execute(
        update(documents).where(documents.c.id == doc_id).values(extracted_at=now(), extractor=extractor)
    )


def record_problem(conn: Connection, problem: IngestProblem) -> None:
    """Record an ingest problem once; seeing it again bumps its count and last-seen time."""
    stamp = now()
    stmt = insert(conn, ingest_errors).values(
        id=fact_id("ingest_error", problem.origin, problem.line, problem.kind, problem.reason),
        origin=problem.origin,
        line=problem.line,
        kind=problem.kind,
        reason=problem.reason,
        first_seen=stamp,
        last_seen=stamp,
        times=1,
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[ingest_errors.c.id],
            set_={"last_seen": stmt.excluded.last_seen, "times": ingest_errors.c.times + 1},
        )
    )


def get_document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
    return dict(row) if row else None


def list_documents(conn: Connection, limit: int | None = None) -> list[dict[str, Any]]:
    query = select(documents).order_by(documents.c.published, documents.c.id)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]


def count(conn: Connection, table: Any) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())
