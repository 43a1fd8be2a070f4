"""Ingest: read news from plain text, HTML, RSS/Atom and JSONL into :class:`RawDocument` records.

``read_path`` dispatches one file to its reader; ``ingest_paths`` walks files and
folders, checks each document (size, emptiness, language) and stores it.
"""

from proxywatch.ingest.pipeline import IngestReport, ingest_paths
from proxywatch.ingest.records import IngestProblem, RawDocument
from proxywatch.ingest.walk import iter_documents, read_path

__all__ = [
    "IngestProblem",
    "IngestReport",
    "RawDocument",
    "ingest_paths",
    "iter_documents",
    "read_path",
]
