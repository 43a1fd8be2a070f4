"""RSS and Atom feed files: each entry becomes a document.

A feed that breaks off (not well-formed XML) is reported once; the entries read
in full before the break are still kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax import SAXParseException

import feedparser

from proxywatch.ingest.html import html_fragment_to_text
from proxywatch.ingest.published import struct_to_date
from proxywatch.ingest.records import IngestProblem, RawDocument


def read_feed(data: bytes, origin: str) -> Iterator[RawDocument | IngestProblem]:
    """Documents from an RSS/Atom file; a feed that cannot be parsed at all is one problem."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries found")
        yield IngestProblem(origin, "malformed", f"feed could not be read: {reason}")
        return
    broken = isinstance(parsed.get("bozo_exception"), SAXParseException)
    if broken:
        exc = parsed["bozo_exception"]
        yield IngestProblem(
            origin, "malformed", f"feed is not well-formed XML: {exc.getMessage()}", exc.getLineNumber()
        )
    site = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        content = entry.get("content")
        body = content[0].get("value", "") if content else entry.get("summary", "")
        text = html_fragment_to_text(body or "")
        title = entry.get("title")
        if title and text and not text.startswith(title):
            text = f"{title}\n\n{text}"
        if broken and not (body or "").strip():
            continue  # a fragment cut off by the break: the problem above already names it
        published = struct_to_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield RawDocument(
            text=text,
            origin=origin,
            fmt="feed",
            line=index,
            title=title,
            url=entry.get("link"),
            source=site,
            published=published,
            published_from="metadata" if published else "none",
            external_id=entry.get("id"),
        )
