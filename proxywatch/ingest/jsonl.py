"""JSON Lines corpora: one object per line, ``text`` required; title, url, published, source, id optional."""

from __future__ import annotations

import json
from collections.abc import Iterator

from proxywatch.ingest.published import parse_date
from proxywatch.ingest.records import IngestProblem, RawDocument

_OPTIONAL = ("title", "url", "source", "id", "published")


def read_jsonl(text: str, origin: str) -> Iterator[RawDocument | IngestProblem]:
    """Documents from a JSONL file; a bad line is a problem naming its line number, the rest go on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestProblem(origin, "malformed", f"invalid JSON: {exc.msg} at column {exc.colno}", number)
            continue
        if not isinstance(obj, dict):
            yield IngestProblem(origin, "malformed", "line is not a JSON object", number)
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield IngestProblem(origin, "malformed", "missing required string field 'text'", number)
            continue
        bad = [k for k in _OPTIONAL if obj.get(k) is not None and not isinstance(obj[k], str | int)]
        if bad:
            yield IngestProblem(origin, "malformed", f"fields must be strings: {', '.join(bad)}", number)
            continue
        published = parse_date(str(obj["published"])) if obj.get("published") else None
        if obj.get("published") and published is None:
            yield IngestProblem(origin, "malformed", f"cannot read date {obj['published']!r}", number)
            continue
        yield RawDocument(
            text=body,
            origin=origin,
            fmt="jsonl",
            line=number,
            title=obj.get("title"),
            url=obj.get("url"),
            source=obj.get("source"),
            published=published,
            published_from="metadata" if published else "none",
            external_id=None if obj.get("id") is None else str(obj["id"]),
        )
