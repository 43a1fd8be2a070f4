"""Start or join a Dask cluster and map extraction over batches of documents on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from proxywatch.errors import ConfigError
from proxywatch.ingest.pipeline import BatchMapper, Failed
from proxywatch.ingest.records import RawDocument
from proxywatch.settings import IngestOptions


@contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, model: str | None = None
) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers``
    processes (one thread each; default: one per CPU), with the pipeline loaded on every worker."""
    from distributed import Client, LocalCluster

    from proxywatch.distributed.tasks import PipelinePlugin
    from proxywatch.settings import spacy_model

    if scheduler and workers:
        raise ConfigError("give --scheduler (a running cluster) or --workers (a local one), not both")
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
            )
            client = Client(cluster)
    except OSError as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler {scheduler}: {exc}; is `dask scheduler` running?"
        ) from exc
    try:
        client.register_plugin(PipelinePlugin(spacy_model(model)))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_mapper(
    client: Any,
    model: str | None = None,
    in_flight: int | None = None,
    options: IngestOptions | None = None,
) -> BatchMapper:
    """A mapper that sends each batch to the cluster and yields batches with their results as
    they finish, keeping ``in_flight`` batches (default: two per worker thread) queued. With
    ``options.language_where_extracted``, the workers check each text's language as well (and
    the document gets the language they found)."""
    from distributed import as_completed

    from proxywatch.distributed.tasks import extract_batch
    from proxywatch.settings import spacy_model

    name = spacy_model(model)

    def mapper(batches: Iterator[list[RawDocument]]) -> Iterator[tuple[list[RawDocument], list[Any]]]:
        limit = in_flight or 2 * max(1, sum(client.nthreads().values()))
        queue = as_completed()
        sent: dict[str, list[RawDocument]] = {}

        def submit(batch: list[RawDocument]) -> None:
            items = [(d.text, d.published, d.source) for d in batch]
            future = client.submit(extract_batch, items, name, options, pure=False)
            sent[future.key] = batch
            queue.add(future)

        for batch in islice(batches, limit):
            submit(batch)
        for future in queue:
            batch = sent.pop(future.key)
            try:
                pairs = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker lost: its documents are tried next run
                pairs = [(None, Failed(f"extraction failed on the cluster: {exc!r}"[:500]))] * len(batch)
            results = []
            for doc, (lang, result) in zip(batch, pairs, strict=True):
                if options is not None and options.language_where_extracted:
                    doc.lang = lang
                results.append(result)
            following = next(batches, None)
            if following is not None:
                submit(following)
            yield batch, results

    return mapper
