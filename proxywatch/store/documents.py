"""Write and read documents and ingest errors. Each function takes an open connection."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from proxywatch.ids import document_id, fact_id
from proxywatch.ingest.records import IngestProblem, RawDocument
from proxywatch.store.schema import documents, ingest_errors


def now() -> datetime:
    return datetime.now(UTC)


def has_document(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first() is not None


def insert_document(conn: Connection, doc: RawDocument) -> str:
    """Insert ``doc`` (the caller has checked it is new) and return its id."""
    doc_id = document_id(doc.text)
    conn.execute(
        documents.insert().values(
            id=doc_id,
            title=doc.title,
            url=doc.url,
            source=doc.source,
            published=doc.published,
            published_from=doc.published_from,
            lang=doc.lang,
            fmt=doc.fmt,
            origin=doc.locator,
            external_id=doc.external_id,
            n_chars=len(doc.text),
            text=doc.text,
            ingested_at=now(),
        )
    )
    return doc_id


def mark_extracted(conn: Connection, doc_id: str, extractor: str) -> None:
    conn.execute(
        update(documents).where(documents.c.id == doc_id).values(extracted_at=now(), extractor=extractor)
    )


def record_problem(conn: Connection, problem: IngestProblem) -> None:
    """Record an ingest problem once; seeing it again bumps its count and last-seen time."""
    pid = fact_id("ingest_error", problem.origin, problem.line, problem.kind, problem.reason)
    stamp = now()
    existing = conn.execute(select(ingest_errors.c.times).where(ingest_errors.c.id == pid)).first()
    if existing is None:
        conn.execute(
            ingest_errors.insert().values(
                id=pid,
                origin=problem.origin,
                line=problem.line,
                kind=problem.kind,
                reason=problem.reason,
                first_seen=stamp,
                last_seen=stamp,
                times=1,
            )
        )
    else:
        conn.execute(
            update(ingest_errors)
            .where(ingest_errors.c.id == pid)
            .values(last_seen=stamp, times=existing.times + 1)
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
