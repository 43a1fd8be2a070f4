"""The Python API: the functions the CLI, the REST server and the distributed runner all call."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from proxywatch.demo import corpus_dir
from proxywatch.ingest.pipeline import (
    BatchProcessor,
    DocumentHook,
    IngestReport,
    ResultWriter,
    ingest_paths,
)
from proxywatch.ingest.records import RawDocument
from proxywatch.settings import DEFAULT_MAX_CHARS, IngestOptions
from proxywatch.store.corrections import Correction
from proxywatch.store.db import Store, opened_store
from proxywatch.store.lookup import resolve_actor
from proxywatch.store.stats import store_stats


def ingest_options(
    published: str | None = None,
    source: str | None = None,
    lang: str = "en",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> IngestOptions:
    """Ingest options from CLI-style values (``lang`` is ``any`` or comma-separated codes)."""
    codes = frozenset(c.strip().lower() for c in lang.split(",") if c.strip())
    return IngestOptions(
        max_chars=max_chars,
        languages=codes - {"any"},
        any_language="any" in codes,
        published=published,
        source=source,
    )


def extraction_processor(model: str | None = None) -> tuple[BatchProcessor, ResultWriter]:
    """The (batch extractor, writer) pair that ingest uses to store facts with each document."""
    from proxywatch.extract import EXTRACTOR_VERSION, extract_many
    from proxywatch.store.documents import mark_extracted
    from proxywatch.store.facts import save_extraction

    def run(docs: list[RawDocument]) -> list[Any]:
        return list(extract_many(((d.text, d.published, d.source) for d in docs), model=model))

    def write(conn: Connection, doc_id: str, doc: RawDocument, result: Any) -> None:
        save_extraction(conn, doc_id, doc.published, result)
        mark_extracted(conn, doc_id, EXTRACTOR_VERSION)

    return run, write


def _ready_to_extract(store: Store, model: str | None) -> tuple[BatchProcessor, ResultWriter]:
    """Store the dictionary's actors and ties the store lacks (what extraction resolves to),
    then the extraction processor."""
    from proxywatch.dictionary import load_dictionary
    from proxywatch.store.facts import sync_dictionary

    dictionary = load_dictionary()
    store.write(lambda conn: sync_dictionary(conn, dictionary))
    return extraction_processor(model)


def ingest(
    paths: Sequence[Path | str],
    db: str | None = None,
    options: IngestOptions | None = None,
    encoding: str = "utf-8",
    on_file: Callable[[Path], None] | None = None,
    store: Store | None = None,
    on_document: DocumentHook | None = None,
    extract: bool = True,
    model: str | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files and folders into the store at ``db`` (or the given ``store``).

    With ``extract`` (the default), actors, events and ties are extracted from each new
    document and stored in the same transaction as the document. ``engine="dask"`` extracts
    on a Dask cluster — the scheduler at ``scheduler``, or a local one of ``workers``
    processes — and stores here (``proxywatch.distributed``); the facts are the same.
    Any number of ingests may write to one database at once.
    """
    from contextlib import nullcontext

    from proxywatch.errors import ConfigError

    if engine not in ("local", "dask"):
        raise ConfigError(f"unknown engine {engine!r}; use local or dask")
    if engine == "local" and (scheduler or workers):
        raise ConfigError("--scheduler and --workers go with --engine dask")
    with opened_store(db, store) as store:
        processor = _ready_to_extract(store, model) if extract else None
        cluster: Any = nullcontext(None)
        if extract and engine == "dask":
            from proxywatch.distributed import dask_client

            cluster = dask_client(scheduler, workers, model)
        with cluster as client:
            mapper = None
            if client is not None:
                from dataclasses import replace

                from proxywatch.distributed import dask_mapper

                options = replace(options or IngestOptions(), language_where_extracted=True)
                mapper = dask_mapper(client, model, options=options)
            return ingest_paths(
                store,
                [Path(p) for p in paths],
                options,
                on_document=on_document,
                on_file=on_file,
                encoding=encoding,
                processor=processor,
                mapper=mapper,
            )


def watch(
    sources: Sequence[str],
    db: str | None = None,
    every: str = "15m",
    once: bool = False,
    options: IngestOptions | None = None,
    extract: bool = True,
    model: str | None = None,
    timeout: float = 20.0,
    on_poll: Callable[[Any], None] | None = None,
    store: Store | None = None,
    rounds: int | None = None,
) -> list[Any]:
    """Poll feeds (http(s) URLs), files and folders, and lists of them, every ``every`` (``15m``),
    ingesting what is new; once with ``once``, else until interrupted (or ``rounds`` rounds).
    Every poll is recorded (``feeds``, ``feed_polls``) and passed to ``on_poll``; returns the
    polls of the last round. See ``proxywatch.ingest.watch``."""
    from proxywatch.ingest.watch import Watcher, parse_every, read_sources
    from proxywatch.ingest.watch import watch as poll_rounds

    interval = parse_every(every)
    found = read_sources(sources)
    with opened_store(db, store) as store:
        processor = _ready_to_extract(store, model) if extract else None
        watcher = Watcher(store, found, options or IngestOptions(), processor, timeout)
        last: list[Any] = []
        for polls in poll_rounds(watcher, interval, rounds=1 if once else rounds, on_poll=on_poll):
            last = polls
        return last


def stats(db: str | None = None, store: Store | None = None) -> dict[str, Any]:
    """Counts by table, by source and by month."""
    with opened_store(db, store, create=False) as store:
        with store.connect() as conn:
            return store_stats(conn)


def demo_corpus() -> Path:
    """Path of the bundled demo corpus."""
    return corpus_dir()


def _document_json(doc: RawDocument) -> dict[str, Any]:
    from proxywatch.ids import document_id

    return {
        "id": doc.external_id or document_id(doc.text),
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published.isoformat() if doc.published else None,
        "origin": doc.locator,
    }


def extract_file(
    source: str | Path, published: str | None = None, model: str | None = None
) -> Iterator[dict[str, Any]]:
    """Extraction output (the contract in docs/output.md) for each document of a file, in order.

    ``source`` is a path in any format ingest reads, or ``-`` for standard input (JSONL when
    it starts with ``{``, else plain text). An item that cannot be read yields an object with
    an ``error`` instead of facts, so the output stays aligned with the input.
    """
    import sys
    import tempfile

    from proxywatch.extract import extract_many
    from proxywatch.extract.records import OUTPUT_VERSION
    from proxywatch.ingest.published import parse_date
    from proxywatch.ingest.records import IngestProblem
    from proxywatch.ingest.walk import read_path

    fallback = parse_date(published) if published else None
    if str(source) == "-":
        data = sys.stdin.buffer.read()
        suffix = ".jsonl" if data.lstrip().startswith(b"{") else ".txt"
        with tempfile.NamedTemporaryFile(suffix=suffix, delete=False) as handle:
            handle.write(data)
        items = list(read_path(Path(handle.name)))
        Path(handle.name).unlink()
        for item in items:
            item.__dict__["origin"] = "-" if isinstance(item, RawDocument) else item.origin
    else:
        items = list(read_path(Path(source)))
    docs = [i for i in items if isinstance(i, RawDocument)]
    for doc in docs:
        if doc.published is None and fallback is not None:
            doc.published, doc.published_from = fallback, "option"
    results = iter(extract_many(((d.text, d.published, d.source) for d in docs), model=model))
    for item in items:
        if isinstance(item, IngestProblem):
            yield {
                "version": OUTPUT_VERSION,
                "document": {"origin": item.origin, "line": item.line},
                "error": {"kind": item.kind, "reason": item.reason},
            }
        else:
            yield next(results).as_json(_document_json(item))


def control(
    patron: str,
    db: str | None = None,
    proxies: Sequence[str] | None = None,
    horizon_days: int = 30,
    store: Store | None = None,
) -> dict[str, Any]:
    """The patron control index per month, with the directives, responses and evidence behind it."""
    from proxywatch.analyse.context import load_context
    from proxywatch.analyse.views import control_view

    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store)
        proxy_ids = [resolve_actor(p, store) for p in proxies] if proxies else None
        return control_view(load_context(store), patron_id, proxy_ids, horizon_days).as_dict()


def cohesion(
    patron: str, db: str | None = None, bloc: Sequence[str] | None = None, store: Store | None = None
) -> dict[str, Any]:
    """Bloc cohesion per month and rift flags, for a patron's bloc (or the actors given)."""
    from proxywatch.analyse.context import load_context
    from proxywatch.analyse.views import cohesion_view

    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store)
        members = [resolve_actor(b, store) for b in bloc] if bloc else None
        return cohesion_view(load_context(store), patron_id, members).as_dict()


def follows(
    patron: str, db: str | None = None, proxies: Sequence[str] | None = None, store: Store | None = None
) -> dict[str, Any]:
    """Whom the patron's proxies follow over time, and any shift of reference leader."""
    from proxywatch.analyse.context import load_context
    from proxywatch.analyse.views import follows_view

    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store)
        given = [resolve_actor(p, store) for p in proxies] if proxies else None
        return follows_view(load_context(store), patron_id, given).as_dict()


def whatif(
    remove: Sequence[str],
    patron: str,
    db: str | None = None,
    as_of: str | None = None,
    store: Store | None = None,
) -> dict[str, Any]:
    """Remove actors (as of a date): lost command paths, brokerage, vacuum candidates, and the
    control index before and after the date where the data covers it."""
    from proxywatch.analyse.context import load_context
    from proxywatch.analyse.views import whatif_view
    from proxywatch.ingest.published import parse_date

    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store)
        removed = {resolve_actor(r, store) for r in remove}
        return whatif_view(
            load_context(store), patron_id, removed, parse_date(as_of) if as_of else None
        ).as_dict()


def _export_day(value: str | None, which: str) -> date | None:
    from proxywatch.errors import ConfigError
    from proxywatch.ingest.published import parse_date

    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise ConfigError(f"cannot read the {which} date {value!r}; write it as YYYY-MM-DD")
    return day


def export(
    fmt: str,
    out: Path | str | None = None,
    db: str | None = None,
    start: str | None = None,
    end: str | None = None,
    patron: str | None = None,
    store: Store | None = None,
) -> dict[str, Any]:
    """Export actors, ties and events as GraphML, GEXF, CSV, JSON lines or a STIX 2.1 bundle
    (see ``proxywatch.export``) to ``out``, or to standard output when it is None or ``-``.

    ``start``/``end`` keep the events dated in that window and the ties standing in it;
    ``patron`` keeps the facts that touch the patron, its side or its bloc. Returns what was
    written, counted.
    """
    import sys

    from proxywatch.errors import ConfigError
    from proxywatch.export import ExportFormat
    from proxywatch.export.selection import load_selection
    from proxywatch.export.writers import write_selection

    try:
        kind = ExportFormat(fmt.strip().lower())
    except ValueError as exc:
        known = ", ".join(f.value for f in ExportFormat)
        raise ConfigError(f"unknown export format {fmt!r}; use one of {known}") from exc
    since, until = _export_day(start, "start"), _export_day(end, "end")
    if since and until and since > until:
        raise ConfigError(f"the start date {since} is after the end date {until}; swap them")
    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store) if patron else None
        selection = load_selection(store, since, until, patron_id)
    if out is None or str(out) == "-":
        summary = write_selection(selection, kind, sys.stdout)
    else:
        try:
            with Path(out).open("w", encoding="utf-8", newline="") as handle:
                summary = write_selection(selection, kind, handle)
        except OSError as exc:
            raise ConfigError(f"cannot write {out}: {exc.strerror or exc}; check the --out path") from exc
    return {**summary.as_dict(), "patron": patron_id, "out": "-" if out is None else str(out)}


# corrections ---------------------------------------------------------------------------------


def judge(
    kind: str,
    fields: dict[str, Any],
    reason: str | None = None,
    made_by: str | None = None,
    db: str | None = None,
    store: Store | None = None,
) -> Correction:
    """Record an analyst's correction (see ``proxywatch.store.corrections.KINDS``): checked
    against the store and the active corrections, then applied by every read."""
    from proxywatch.store.corrections import record_correction

    with opened_store(db, store, create=False) as store:
        return store.write(lambda conn: record_correction(conn, kind, fields, reason, made_by))


def undo_judgement(correction_id: int, db: str | None = None, store: Store | None = None) -> Correction:
    """Undo a correction: it stays stored, marked undone, and reads no longer apply it."""
    from proxywatch.store.corrections import undo_correction

    with opened_store(db, store, create=False) as store:
        return store.write(lambda conn: undo_correction(conn, correction_id))


def judgements(
    limit: int | None = None,
    offset: int = 0,
    include_undone: bool = True,
    db: str | None = None,
    store: Store | None = None,
) -> tuple[list[Correction], int]:
    """Corrections, newest first, and how many there are."""
    from proxywatch.store.corrections import list_corrections

    with opened_store(db, store, create=False) as store:
        with store.connect() as conn:
            return list_corrections(conn, limit, offset, include_undone)


def export_judgements(db: str | None = None, store: Store | None = None) -> str:
    """The active corrections as annotation data (YAML, the gold format of seed.yaml)."""
    from proxywatch.store.annotation import export_annotations

    with opened_store(db, store, create=False) as store:
        with store.connect() as conn:
            return export_annotations(conn)


def describe_judgements(
    found: Sequence[Correction], db: str | None = None, store: Store | None = None
) -> list[str]:
    """One line per correction with the names of the actors, events and ties it names."""
    from proxywatch.store.describe import describe

    with opened_store(db, store, create=False) as store:
        with store.connect() as conn:
            return describe(conn, found)
