"""JSON Lines corpora: one object per line, ``text`` required; title, url, published, source, id optional."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

from proxywatch.ingest.published import parse_date
from proxywatch.ingest.records import IngestProblem, RawDocument

_OPTIONAL = ("title", "url", "source", "id", "published")


def _parse(line: str) -> object:
    """The JSON value of one line, or raise ValueError with a reason a person can act on."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise ValueError("invalid JSON: nested too deeply (arrays or objects inside each other)") from exc
    except ValueError as exc:  # Python refuses to convert integers of too many digits
        limit = sys.get_int_max_str_digits()
        raise ValueError(f"invalid JSON: a number has more than {limit:,} digits") from exc


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


def read_jsonl(text: str, origin: str) -> Iterator[RawDocument | IngestProblem]:
    """Documents from a JSONL file; a bad line is a problem naming its line number, the rest go on.

    Lines end at ``\\n`` only: JSON text may hold U+2028 and other characters that
    :meth:`str.splitlines` would break a line at.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = _parse(line)
        except ValueError as exc:
            yield IngestProblem(origin, "malformed", str(exc), number)
            continue
        if not isinstance(obj, dict):
            yield IngestProblem(origin, "malformed", "line is not a JSON object", number)
            continue
        body = obj.get("text")
        if not isinstance(body, str):
            yield IngestProblem(origin, "malformed", "missing required string field 'text'", number)
            continue
        bad = [
            k
            for k in _OPTIONAL
            if obj.get(k) is not None and (not isinstance(obj[k], str | int) or isinstance(obj[k], bool))
        ]
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
            title=_optional(obj.get("title")),
            url=_optional(obj.get("url")),
            source=_optional(obj.get("source")),
            published=published,
            published_from="metadata" if published else "none",
            external_id=_optional(obj.get("id")),
        )
