"""Exports of the store for other tools: GraphML and GEXF (graph tools such as Gephi), CSV and
JSON lines (one row per event, spreadsheets and pandas), STIX 2.1 (threat-intelligence platforms).

``selection.load_selection`` reads what to export (the same records the analytics read, cut by
date and by patron); ``writers.write_export`` writes it in one of the :class:`ExportFormat`
formats. Kept light: the writers (networkx, stix2) load only when an export runs.
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    """The formats ``proxywatch export --format`` writes.

    >>> [f.value for f in ExportFormat]
    ['graphml', 'gexf', 'csv', 'jsonl', 'stix']
    """

    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"
    JSONL = "jsonl"
    STIX = "stix"


__all__ = ["ExportFormat"]
