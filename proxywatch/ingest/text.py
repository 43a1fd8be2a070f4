"""Plain-text articles: an optional headline line, a body, and an optional wire dateline."""

from __future__ import annotations

from collections.abc import Iterator

from proxywatch.ingest.published import parse_dateline
from proxywatch.ingest.records import IngestProblem, RawDocument

_MAX_TITLE = 200


def split_title(text: str) -> tuple[str | None, str]:
    """Split a leading headline (a short first line followed by a blank line) from the body.

    >>> split_title("Rockets hit embassy\\n\\nBAGHDAD — Three rockets ...")
    ('Rockets hit embassy', 'BAGHDAD — Three rockets ...')
    """
    stripped = text.lstrip("\ufeff\n\r ")
    head, sep, rest = stripped.partition("\n")
    if sep and len(head.strip()) <= _MAX_TITLE and rest.startswith(("\n", "\r\n")):
        title = head.strip()
        if title and not title.endswith((".", ",", ";", ":")):
            return title, rest.strip("\r\n")
    return None, text


def read_text(text: str, origin: str) -> Iterator[RawDocument | IngestProblem]:
    """One document from a plain-text file; the date comes from a dateline if it has one.

    The headline stays part of the text (it often carries an event); it is also the title.
    """
    title, body = split_title(text)
    doc = RawDocument(text=text.strip(), origin=origin, fmt="text", title=title)
    dateline = parse_dateline(body)
    if dateline is not None:
        doc.published, doc.published_from = dateline[1], "dateline"
    yield doc
