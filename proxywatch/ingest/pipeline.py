"""Ingest files into the store: read, check, skip duplicates, store each document in its own transaction.

Any number of ingest processes may share one database: a document is claimed with
``INSERT … ON CONFLICT DO NOTHING`` in the transaction that writes its facts, so a document
two processes both read is stored once, by whichever commits first, and the other counts it
as a duplicate. Extraction runs before the transactions, on whole batches, in this process
or elsewhere (a :data:`BatchMapper`, e.g. the Dask runner in ``proxywatch.distributed``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
from proxywatch.store.documents import claim_document, has_document, record_problem

# Called inside the document's transaction after it is inserted, so that the
# document and everything extracted from it land together or not at all.
DocumentHook = Callable[[Connection, str, RawDocument], None]
# Turns a batch of documents into one result per document (extraction, in practice),
# run before the transactions so that the model sees whole batches.
BatchProcessor = Callable[[list[RawDocument]], list[Any]]
ResultWriter = Callable[[Connection, str, RawDocument, Any], None]
# Runs the batch processor over a stream of batches, anywhere (a Dask cluster, say), and yields
# each batch with its results as they are ready, in any order: one result or Failed per document.
BatchMapper = Callable[[Iterator[list[RawDocument]]], Iterator[tuple[list[RawDocument], list[Any]]]]
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


@dataclass(frozen=True)
class Failed:
    """The result for a document the processor failed on or refused (``kind`` says which, as in
    the ingest problems: extraction, language): it is reported and left unstored, so a later run
    tries it again."""

    reason: str
    kind: str = "extraction"


def run_safely(run: Callable[[list[Any]], list[Any]], items: list[Any]) -> list[Any]:
    """``run(items)``; if the batch fails, each item alone, and an item that still fails gets
    :class:`Failed` with the reason while the rest go on."""
    try:
        return run(items)
    except Exception:  # noqa: BLE001 - find the item at fault below
        results: list[Any] = []
        for item in items:
            try:
                results.extend(run([item]))
            except Exception as exc:  # noqa: BLE001 - reported with its reason
                results.append(Failed(f"extraction failed: {exc!r}"[:500]))
        return results


def serial_mapper(run: BatchProcessor) -> BatchMapper:
    """The mapper that processes each batch here, one after the other."""

    def mapper(batches: Iterator[list[RawDocument]]) -> Iterator[tuple[list[RawDocument], list[Any]]]:
        for batch in batches:
            yield batch, run_safely(run, batch)

    return mapper


def _report_problem(store: Store, report: IngestReport, problem: IngestProblem) -> None:
    """Count a problem in this batch's report and record it in ``ingest_errors``."""
    report.problems.append(problem)
    store.write(lambda conn: record_problem(conn, problem))


def _fresh(store: Store, batch: list[RawDocument], report: IngestReport, seen: set[str]) -> list[RawDocument]:
    """The documents of ``batch`` neither stored nor met before in this run; the rest are counted
    as duplicates. (Another process may store one meanwhile: the write then counts it.)"""
    fresh: list[RawDocument] = []
    with store.connect() as conn:
        for doc in batch:
            doc_id = document_id(doc.text)
            if doc_id in seen or has_document(conn, doc_id):
                report.duplicates += 1
            else:
                seen.add(doc_id)
                fresh.append(doc)
    return fresh


def _store_document(
    store: Store,
    report: IngestReport,
    doc: RawDocument,
    result: Any,
    writer: ResultWriter | None,
    on_document: DocumentHook | None,
) -> None:
    """Claim the document and write its facts in one transaction (run again if the database was
    locked or the transaction lost a deadlock)."""

    def write(conn: Connection) -> str | None:
        doc_id = claim_document(conn, doc)
        if doc_id is None:
            return None  # another writer stored it first
        if writer is not None:
            writer(conn, doc_id, doc, result)
        if on_document is not None:
            on_document(conn, doc_id, doc)
        return doc_id

    try:
        doc_id = store.write(write)
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise  # the database is gone: nothing after this would be stored either
        reason = f"the database refused it: {str(exc.orig or exc).strip().split(chr(10))[0]}"
        _report_problem(store, report, IngestProblem(doc.origin, "unstorable", reason[:500], doc.line))
        return
    if doc_id is None:
        report.duplicates += 1
        return
    report.added += 1
    report.added_ids.append(doc_id)


def store_batch(
    store: Store,
    batch: list[RawDocument],
    report: IngestReport,
    on_document: DocumentHook | None = None,
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
) -> None:
    """Store checked documents, each in its own transaction; duplicates are counted, not stored."""
    store_batches(store, iter([batch]), report, on_document, processor)


def store_batches(
    store: Store,
    batches: Iterator[list[RawDocument]],
    report: IngestReport,
    on_document: DocumentHook | None = None,
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
    mapper: BatchMapper | None = None,
) -> None:
    """Store batches of checked documents: skip those already stored, process the rest (with
    ``mapper`` if given, else here), then write each document with its result."""
    seen: set[str] = set()
    fresh = (f for f in (_fresh(store, b, report, seen) for b in batches) if f)
    if processor is None:
        for batch in fresh:
            for doc in batch:
                _store_document(store, report, doc, None, None, on_document)
        return
    run, writer = processor
    for batch, results in (mapper or serial_mapper(run))(fresh):
        for doc, result in zip(batch, results, strict=True):
            if isinstance(result, Failed):
                _report_problem(
                    store, report, IngestProblem(doc.origin, result.kind, result.reason, doc.line)
                )
            else:
                _store_document(store, report, doc, result, writer, on_document)


def _checked_batches(
    store: Store,
    items: Iterable[RawDocument | IngestProblem],
    options: IngestOptions,
    report: IngestReport,
) -> Iterator[list[RawDocument]]:
    """Batches of documents that pass the checks; the problems are reported on the way."""
    batch: list[RawDocument] = []
    for item in items:
        problem = item if isinstance(item, IngestProblem) else check_document(item, options)
        if problem is not None:
            _report_problem(store, report, problem)
            continue
        assert isinstance(item, RawDocument)
        batch.append(_with_fallbacks(item, options))
        if len(batch) >= BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_items(
    store: Store,
    items: Iterable[RawDocument | IngestProblem],
    options: IngestOptions | None = None,
    on_document: DocumentHook | None = None,
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
    mapper: BatchMapper | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Check, deduplicate, process and store documents read elsewhere (a feed, say)."""
    options = options or IngestOptions()
    report = report or IngestReport()
    store_batches(
        store, _checked_batches(store, items, options, report), report, on_document, processor, mapper
    )
    return report


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    options: IngestOptions | None = None,
    on_document: DocumentHook | None = None,
    on_file: Callable[[Path], None] | None = None,
    encoding: str = "utf-8",
    processor: tuple[BatchProcessor, ResultWriter] | None = None,
    mapper: BatchMapper | None = None,
    only: Callable[[Path], bool] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; bad items are recorded with their reason and the batch goes on.

    Re-running on the same inputs adds nothing: documents are keyed by the hash of their
    normalised text, and problems are keyed by origin, line and reason. ``only``, when given,
    picks the files to read (the others are passed over, uncounted).
    """
    options = options or IngestOptions()
    report = IngestReport()
    max_bytes = options.max_chars * 4 + 4096  # a UTF-8 character takes at most four bytes

    def items() -> Iterator[RawDocument | IngestProblem]:
        for path, root in iter_sources(paths):
            if only is not None and not only(path):
                continue
            report.files += 1
            yield from read_path(path, max_bytes=max_bytes, encoding=encoding, root=root)
            if on_file is not None:
                on_file(path)

    return ingest_items(store, items(), options, on_document, processor, mapper, report)
