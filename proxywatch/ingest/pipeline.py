"""Ingest files into the store: read, check, skip duplicates, store each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from proxywatch.ids import document_id
from proxywatch.ingest.checks import check_document
from proxywatch.ingest.records import IngestProblem, RawDocument
from proxywatch.ingest.walk import iter_sources, read_path
from proxywatch.settings import IngestOptions
from proxywatch.store.db import Store
from proxywatch.store.documents import has_document, insert_document, record_problem

# Called inside the document's transaction after it is inserted, so that the
# document and everything extracted from it land together or not at all.
DocumentHook = Callable[[Connection, str, RawDocument], None]
# Turns a batch of documents into one result per document (extraction, in practice),
# run before the transactions so that the model sees whole batches.
BatchProcessor = Callable[[list[RawDocument]], list[Any]]
ResultWriter = Callable[[Connection, str, RawDocument, Any], None]
BATCH_SIZE = 16


@dataclass
class IngestReport:
    """What a batch did: counts, the ids added and every problem with its reason."""

    files: int = 0
    added: int = 0
    duplicates: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "added": self.added,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "problems": [
                {"origin": p.origin, "line": p.line, "kind": p.kind, "reason": p.reason}
                for p in self.problems
            ],
        }


def _with_fallbacks(doc: RawDocument, options: IngestOptions) -> RawDocument:
    if doc.published is None and options.published is not None:
        from proxywatch.ingest.published import parse_date

        doc.published = parse_date(options.published)
        doc.published_from = "option" if doc.published else "none"
    if doc.source is None and options.source is not None:
        doc.source = options.source
    return doc


_FAILED = object()


def _report_problem(store: Store, report: IngestReport, problem: IngestProblem) -> None:
    """Count a problem in this batch's report and record it in ``ingest_errors``."""
    report.problems.append(problem)
    with store.begin() as conn:
        record_problem(conn, problem)


def _process(run: BatchProcessor, docs: list[RawDocument], report: IngestReport, store: Store) -> list[Any]:
    """Results for a batch; if the batch fails, each document alone, and one that still fails
    is reported (and left unstored, so a later run tries it again) while the rest go on."""
    try:
        return run(docs)
    except Exception:  # noqa: BLE001 - find the document at fault below
        results: list[Any] = []
        for doc in docs:
            try:
                results.extend(run([doc]))
            except Exception as exc:  # noqa: BLE001 - reported with its reason
                problem = IngestProblem(
                    doc.origin, "extraction", f"extraction failed: {exc!r}"[:500], doc.line
                )
                _report_problem(store, report, problem)
                results.append(_FAILED)
        return results


def store_batch(
    store: Store,
    batch: list[RawDocument],
    report: IngestReport,
    on_document: DocumentHook | None = None,
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
) -> None:
    """Store checked documents, each in its own transaction; duplicates are counted, not stored."""
    fresh: list[RawDocument] = []
    seen: set[str] = set()
    with store.connect() as conn:
        for doc in batch:
            doc_id = document_id(doc.text)
            if doc_id in seen or has_document(conn, doc_id):
                report.duplicates += 1
            else:
                seen.add(doc_id)
                fresh.append(doc)
    results = _process(processor[0], fresh, report, store) if processor and fresh else [None] * len(fresh)
    for doc, result in zip(fresh, results, strict=True):
        if result is _FAILED:
            continue
        doc_id = document_id(doc.text)
        try:
            with store.begin() as conn:
                insert_document(conn, doc)
                if processor is not None:
                    processor[1](conn, doc_id, doc, result)
                if on_document is not None:
                    on_document(conn, doc_id, doc)
        except DBAPIError as exc:
            if exc.connection_invalidated:
                raise  # the database is gone: nothing after this would be stored either
            reason = f"the database refused it: {str(exc.orig or exc).strip().split(chr(10))[0]}"
            _report_problem(store, report, IngestProblem(doc.origin, "unstorable", reason[:500], doc.line))
            continue
        report.added += 1
        report.added_ids.append(doc_id)


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    options: IngestOptions | None = None,
    on_document: DocumentHook | None = None,
    on_file: Callable[[Path], None] | None = None,
    encoding: str = "utf-8",
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; bad items are recorded with their reason and the batch goes on.

    Re-running on the same inputs adds nothing: documents are keyed by the hash of their
    normalised text, and problems are keyed by origin, line and reason.
    """
    options = options or IngestOptions()
    report = IngestReport()
    max_bytes = options.max_chars * 4 + 4096  # a UTF-8 character takes at most four bytes
    batch: list[RawDocument] = []
    for path, root in iter_sources(paths):
        report.files += 1
        for item in read_path(path, max_bytes=max_bytes, encoding=encoding, root=root):
            problem = item if isinstance(item, IngestProblem) else check_document(item, options)
            if problem is not None:
                _report_problem(store, report, problem)
                continue
            assert isinstance(item, RawDocument)
            batch.append(_with_fallbacks(item, options))
            if len(batch) >= BATCH_SIZE:
                store_batch(store, batch, report, on_document, processor)
                batch = []
        if on_file is not None:
            on_file(path)
    store_batch(store, batch, report, on_document, processor)
    return report
