"""What runs on a Dask worker: build the pipeline once, extract batches of texts.

Only plain data crosses the wire: (text, publication date, source) out, (language, ``Extraction``
record or ``Failed``) pairs back. The language check runs here too, when the options say so, to
leave the process that reads and writes the store as little as possible to do.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from distributed import WorkerPlugin

from proxywatch.ingest.pipeline import Failed, run_safely
from proxywatch.settings import IngestOptions


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts, so that no task waits for it."""

    name = "proxywatch-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from proxywatch.extract import build_pipeline

        build_pipeline(self.model)  # cached per process: every later task reuses it


def extract_batch(
    items: list[tuple[str, date | None, str | None]], model: str, options: IngestOptions | None = None
) -> list[tuple[str | None, Any]]:
    """One (language, result) per (text, publication date, source), in order. The result is the
    ``Extraction``, or ``Failed`` for a text the pipeline fails on (the rest of the batch goes
    on) or, with ``options.language_where_extracted``, for a text in a language not wanted."""
    from proxywatch.extract import extract_many
    from proxywatch.ingest.checks import detect_language, language_refusal

    check = options is not None and options.language_where_extracted
    langs = [detect_language(text) if check else None for text, *_ in items]
    refusals = [language_refusal(lang, options) if options and check else None for lang in langs]
    wanted = [item for item, refusal in zip(items, refusals, strict=True) if refusal is None]
    extracted = iter(run_safely(lambda batch: list(extract_many(batch, model=model)), wanted))
    return [
        (lang, Failed(refusal, "language") if refusal is not None else next(extracted))
        for lang, refusal in zip(langs, refusals, strict=True)
    ]
