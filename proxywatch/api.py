"""The Python API: the functions the CLI, the REST server and the distributed runner all call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from proxywatch.demo import corpus_dir
from proxywatch.ingest.pipeline import DocumentHook, IngestReport, ingest_paths
from proxywatch.settings import DEFAULT_MAX_CHARS, IngestOptions
from proxywatch.store.db import Store, open_store
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


def ingest(
    paths: Sequence[Path | str],
    db: str | None = None,
    options: IngestOptions | None = None,
    encoding: str = "utf-8",
    on_file: Callable[[Path], None] | None = None,
    store: Store | None = None,
    on_document: DocumentHook | None = None,
) -> IngestReport:
    """Ingest files and folders into the store at ``db`` (or the given ``store``)."""
    own = store is None
    store = store or open_store(db)
    try:
        return ingest_paths(
            store, [Path(p) for p in paths], options, on_document=on_document, on_file=on_file,
            encoding=encoding,
        )
    finally:
        if own:
            store.close()


def stats(db: str | None = None, store: Store | None = None) -> dict[str, Any]:
    """Counts by table, by source and by month."""
    own = store is None
    store = store or open_store(db)
    try:
        with store.connect() as conn:
            return store_stats(conn)
    finally:
        if own:
            store.close()


def demo_corpus() -> Path:
    """Path of the bundled demo corpus."""
    return corpus_dir()
