"""What runs on a Dask worker: build the pipeline once, extract batches of texts.

Only plain data crosses the wire: (text, publication date) pairs out, ``Extraction`` records
(dataclasses of strings, numbers and dates) or ``Failed`` back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from distributed import WorkerPlugin

from proxywatch.ingest.pipeline import run_safely


class PipelinePlugin(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts, so that no task waits for it."""

    name = "proxywatch-pipeline"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from proxywatch.extract import build_pipeline

        build_pipeline(self.model)  # cached per process: every later task reuses it


def extract_batch(items: list[tuple[str, date | None]], model: str) -> list[Any]:
    """One ``Extraction`` per (text, publication date), in order; ``Failed`` for a text the
    pipeline fails on (the rest of the batch goes on)."""
    from proxywatch.extract import extract_many

    return run_safely(lambda batch: list(extract_many(batch, model=model)), items)
