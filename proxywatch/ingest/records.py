"""The records ingestion produces (defined in ``proxywatch.records``, below every layer)."""

from proxywatch.records import IngestProblem, RawDocument

__all__ = ["IngestProblem", "RawDocument"]
