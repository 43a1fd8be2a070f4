"""Dask runner: extraction on a cluster, storage in the client process.

``proxywatch ingest PATH… --engine dask`` starts a :class:`distributed.LocalCluster` (one
process per worker, one thread each) or connects to a running scheduler (``--scheduler
tcp://HOST:8786``). Each worker builds the spaCy pipeline once (:class:`PipelinePlugin`, and
``build_pipeline``'s per-process cache); batches of texts go out, plain
:class:`~proxywatch.extract.records.Extraction` records come back, and the client writes them
with the concurrency-safe store, each document in its own transaction. The facts are those of
the single-process path.
"""

from proxywatch.distributed.runner import dask_client, dask_mapper
from proxywatch.distributed.tasks import PipelinePlugin, extract_batch

__all__ = ["PipelinePlugin", "dask_client", "dask_mapper", "extract_batch"]
