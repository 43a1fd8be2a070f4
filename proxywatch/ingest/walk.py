"""Find input files under paths and send each to the reader for its format."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from proxywatch.errors import IngestError
from proxywatch.ingest.decode import decode_bytes, sniff_binary
from proxywatch.ingest.feed import read_feed
from proxywatch.ingest.html import read_html
from proxywatch.ingest.jsonl import read_jsonl
from proxywatch.ingest.records import IngestProblem, RawDocument
from proxywatch.ingest.text import read_text

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Files a folder walk passes over: they describe a corpus, they are not part of it.
_META_NAMES = re.compile(r"^(readme|license|licence|copying|changelog|notice)(\.|$)", re.I)


def sniff_format(data: bytes) -> str:
    """Guess the format of a file with an unknown extension from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in head else "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<")):
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and files found recursively under folders (sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    if not _META_NAMES.match(child.name):
                        yield child
        else:
            yield path


def read_path(
    path: Path, max_bytes: int | None = None, encoding: str = "utf-8"
) -> Iterator[RawDocument | IngestProblem]:
    """Documents (or problems) from one file, whatever its format."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            yield IngestProblem(
                origin,
                "too_large",
                f"file is {size:,} bytes, over the limit of {max_bytes:,}; split it or raise --max-chars",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestProblem(origin, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        binary = sniff_binary(data)
        if binary is not None:
            yield IngestProblem(origin, "binary", f"binary file ({binary}); not a supported input")
            return
        fmt = sniff_format(data)
    if fmt == "feed":
        binary = sniff_binary(data)
        if binary is not None:
            yield IngestProblem(origin, "binary", f"binary file ({binary}); expected an RSS/Atom feed")
            return
        yield from read_feed(data, origin)
        return
    try:
        text = decode_bytes(data, encoding)
    except IngestError as exc:
        yield IngestProblem(origin, exc.kind, exc.reason)
        return
    if fmt == "html":
        yield from read_html(text, origin)
    elif fmt == "jsonl":
        yield from read_jsonl(text, origin)
    else:
        yield from read_text(text, origin)


def iter_documents(
    paths: Iterable[Path], max_bytes: int | None = None, encoding: str = "utf-8"
) -> Iterator[RawDocument | IngestProblem]:
    """Every document or problem under ``paths``, in a stable order."""
    for path in iter_files(paths):
        if not path.exists():
            yield IngestProblem(str(path), "missing", "no such file or folder")
            continue
        yield from read_path(path, max_bytes=max_bytes, encoding=encoding)
