"""The export entry point: one writer per format, chosen from a table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, TextIO

from proxywatch.export import ExportFormat
from proxywatch.export.events import write_csv, write_jsonl
from proxywatch.export.graph import write_gexf, write_graphml
from proxywatch.export.selection import Selection, load_selection
from proxywatch.export.stix import write_stix
from proxywatch.store.db import Store

Writer = Callable[[Selection, TextIO], None]

WRITERS: dict[ExportFormat, Writer] = {
    ExportFormat.GRAPHML: write_graphml,
    ExportFormat.GEXF: write_gexf,
    ExportFormat.CSV: write_csv,
    ExportFormat.JSONL: write_jsonl,
    ExportFormat.STIX: write_stix,
}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    actors: int
    ties: int
    events: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_selection(sel: Selection, fmt: ExportFormat | str, stream: TextIO) -> ExportSummary:
    """Write a selection in ``fmt`` to a text stream; what was written, counted."""
    fmt = ExportFormat(fmt)
    WRITERS[fmt](sel, stream)
    return ExportSummary(fmt.value, len(sel.actors), len(sel.ties), len(sel.events))


def export_store(
    store: Store,
    fmt: ExportFormat | str,
    stream: TextIO,
    start: date | None = None,
    end: date | None = None,
    patron: str | None = None,
) -> ExportSummary:
    """Export the store's actors, ties and events in [start, end] (those that touch the camp of
    ``patron``, an actor id, when given) as ``fmt`` to ``stream``."""
    return write_selection(load_selection(store, start, end, patron), fmt, stream)
