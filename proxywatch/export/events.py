"""Events as flat rows, one per event, in a POLECAT-like layout: CSV and JSON lines.

Text read from documents (names, sentences) is written as data through the csv and json
modules, never interpreted; in CSV the document ids are joined with ``;``.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from proxywatch.analyse.records import EventRecord
from proxywatch.export.selection import Selection

COLUMNS = (
    "event_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "source_id",
    "source_name",
    "source_type",
    "source_country",
    "target_id",
    "target_name",
    "target_type",
    "target_country",
    "negated",
    "intended",
    "hypothetical",
    "historical",
    "directive",
    "directive_type",
    "directive_target",
    "location",
    "country",
    "confidence",
    "n_sources",
    "first_seen",
    "last_seen",
    "evidence",
    "document_ids",
)


def _actor_columns(sel: Selection, role: str, actor_id: str | None) -> dict[str, Any]:
    actor = sel.actor(actor_id) if actor_id else None
    return {
        f"{role}_id": actor_id,
        f"{role}_name": actor.name if actor else None,
        f"{role}_type": actor.type if actor else None,
        f"{role}_country": actor.country if actor else None,
    }


def document_ids(event: EventRecord) -> list[str]:
    """The distinct documents reporting an event, in evidence order."""
    return list(dict.fromkeys(ev.document_id for ev in event.evidence if ev.document_id))


def event_row(sel: Selection, event: EventRecord) -> dict[str, Any]:
    """One event as a flat record of plain values (dates as ISO strings, flags as booleans)."""
    detail = sel.detail(event.id)
    row: dict[str, Any] = {
        "event_id": event.id,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": detail.date_precision,
        "type": event.type,
        "mode": detail.mode,
        **_actor_columns(sel, "source", event.source),
        **_actor_columns(sel, "target", event.target),
        "negated": event.negated,
        "intended": event.intended,
        "hypothetical": event.hypothetical,
        "historical": event.historical,
        "directive": event.directive,
        "directive_type": event.directive_type,
        "directive_target": event.directive_target,
        "location": detail.location,
        "country": detail.country,
        "confidence": round(detail.confidence, 3),
        "n_sources": detail.n_sources,
        "first_seen": detail.first_seen.isoformat() if detail.first_seen else None,
        "last_seen": detail.last_seen.isoformat() if detail.last_seen else None,
        "evidence": event.evidence[0].sentence if event.evidence else None,
        "document_ids": document_ids(event),
    }
    return row


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def write_csv(sel: Selection, stream: TextIO) -> None:
    """A header and one row per event; empty cells for unknown values, ``true``/``false`` flags."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    for event in sel.events:
        writer.writerow({k: _csv_value(v) for k, v in event_row(sel, event).items()})


def write_jsonl(sel: Selection, stream: TextIO) -> None:
    """One JSON object per line and event; ``document_ids`` is a list, unknown values null."""
    for event in sel.events:
        line = json.dumps(event_row(sel, event), ensure_ascii=False)
        # line and paragraph separators are valid in JSON strings but split lines in many readers
        stream.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")
