"""Find input files under paths and send each to the reader for its format."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from proxywatch.errors import IngestError
from proxywatch.ingest.decode import clean_text, decode_bytes, display_path, sniff_binary
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
# Readers of decoded text; feeds are read from bytes (feedparser honours the XML encoding).
TEXT_READERS: dict[str, Callable[[str, str], Iterator[RawDocument | IngestProblem]]] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
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


Item = RawDocument | IngestProblem
# Longest metadata kept, in characters; longer values are cut (a UTF-8 character takes at most 4 bytes).
_FIELD_CHARS = {"title": 1000, "source": 500}
# A file of many documents (JSONL, feeds) or of markup (HTML) is larger than its longest text:
# the limit on document size bounds its bytes no lower than this.
MIN_FILE_BYTES = 32 * 2**20
# Opened without blocking, so that a FIFO swapped in after the check cannot hang the batch.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),  # walked when it can be listed, never read as a file
)


def _walk(folder: Path, root: Path) -> Iterator[tuple[Path, Path]]:
    """Entries under ``folder`` in name order, hidden and README-like ones passed over.

    Folders are entered, links to folders never (their contents are either inside ``root``,
    and so walked anyway, or outside it); a link to a folder outside ``root`` is yielded so
    that it is reported.
    """
    try:
        with os.scandir(folder) as entries:
            found = sorted(entries, key=lambda e: e.name)
    except OSError:
        yield folder, root  # reported by read_path with the reason
        return
    for entry in found:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root)
        elif _META_NAMES.match(entry.name):
            continue
        elif not (entry.is_symlink() and os.path.isdir(path) and not _outside(path, root)):
            yield path, root


def _outside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves to somewhere outside the folder ``root``."""
    target = os.path.realpath(path)
    return os.path.commonpath([target, os.path.realpath(root)]) != os.path.realpath(root)


def iter_sources(paths: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """(file, folder it was found in) for files under ``paths``; None for a file named directly."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path, path)
        else:
            yield path, None


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and files found recursively under folders (sorted, hidden ones skipped)."""
    for path, _ in iter_sources(paths):
        yield path


def _special(mode: int) -> str | None:
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return None


def _refusal(path: Path, origin: str, root: Path | None) -> IngestProblem | None:
    """Why ``path`` must not be opened: a link out of ``root``, or not a regular file.

    Decided from the link and ``stat`` alone, so a FIFO or device is never opened.
    """
    if root is not None and path.is_symlink() and _outside(path, root):
        target = display_path(os.path.realpath(path))
        return IngestProblem(
            origin, "link", f"symbolic link to {target}, outside the folder being ingested; not followed"
        )
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            os.listdir(path)  # raises the reason a folder walk could not enter it
    except FileNotFoundError:
        if path.is_symlink():
            return IngestProblem(origin, "unreadable", "symbolic link to a file that does not exist")
        return IngestProblem(origin, "missing", "no such file or folder")
    except OSError as exc:
        return IngestProblem(origin, "unreadable", f"cannot read file: {exc.strerror or exc}")
    special = _special(mode)
    if special is not None:
        return IngestProblem(origin, "special", f"{special}, not a regular file; skipped unopened")
    return None


def _read_file(path: Path, origin: str, root: Path | None, max_bytes: int | None) -> bytes | IngestProblem:
    """The bytes of a regular file, or the problem that stops it being read."""
    refusal = _refusal(path, origin, root)
    if refusal is not None:
        return refusal
    try:
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            special = _special(info.st_mode)
            if special is not None:  # swapped in after the check
                return IngestProblem(origin, "special", f"{special}, not a regular file; skipped")
            if max_bytes is not None and info.st_size > max_bytes:
                return _too_large(origin, info.st_size, max_bytes)
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except OSError as exc:
        return IngestProblem(origin, "unreadable", f"cannot read file: {exc.strerror or exc}")
    if max_bytes is not None and len(data) > max_bytes:  # the file grew while it was read
        return _too_large(origin, len(data), max_bytes)
    return data


def _too_large(origin: str, size: int, max_bytes: int) -> IngestProblem:
    return IngestProblem(
        origin,
        "too_large",
        f"file is {size:,} bytes, over the limit of {max_bytes:,}; split it or raise --max-chars",
    )


def read_path(
    path: Path, max_bytes: int | None = None, encoding: str = "utf-8", root: Path | None = None
) -> Iterator[Item]:
    """Documents (or problems) from one file, whatever its format.

    ``root`` is the folder the file was found in, if any: links out of it are not followed.
    ``max_bytes`` bounds a plain-text file; other files may hold up to :data:`MIN_FILE_BYTES`.
    """
    origin = display_path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if max_bytes is not None and fmt != "text":
        max_bytes = max(max_bytes, MIN_FILE_BYTES)
    data = _read_file(path, origin, root, max_bytes)
    if isinstance(data, IngestProblem):
        yield data
        return
    yield from read_bytes(data, origin, fmt, encoding)


def read_bytes(data: bytes, origin: str, fmt: str | None = None, encoding: str = "utf-8") -> Iterator[Item]:
    """Documents (or problems) from the bytes of one file in format ``fmt`` (sniffed when None).

    Text comes out storable on every backend (see :func:`clean_text`), and a reader that
    fails on input nobody foresaw is one more problem, never the end of the batch.
    """
    try:
        for item in _dispatch(data, origin, fmt, encoding):
            yield _cleaned(item)
    except Exception as exc:  # noqa: BLE001 - the batch goes on; the reason names the failure
        reason = clean_text(f"reader failed: {type(exc).__name__}: {exc}"[:500])
        yield IngestProblem(origin, "unreadable", reason)


def _dispatch(data: bytes, origin: str, fmt: str | None, encoding: str) -> Iterator[Item]:
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
    yield from TEXT_READERS[fmt](text, origin)


def _cleaned(item: Item) -> Item:
    """``item`` with every text field storable: no NUL characters, no lone surrogates, and
    metadata cut to a length every backend can index (PostgreSQL refuses index entries
    over about 2,700 bytes)."""
    if isinstance(item, IngestProblem):
        return dataclasses.replace(item, origin=clean_text(item.origin), reason=clean_text(item.reason))
    item.text = clean_text(item.text)
    for name in ("title", "url", "source", "external_id"):
        value = getattr(item, name)
        if value is not None:
            value = clean_text(str(value))
            limit = _FIELD_CHARS.get(name)
            setattr(item, name, value if limit is None or len(value) <= limit else value[: limit - 1] + "…")
    return item


def iter_documents(
    paths: Iterable[Path], max_bytes: int | None = None, encoding: str = "utf-8"
) -> Iterator[Item]:
    """Every document or problem under ``paths``, in a stable order."""
    for path, root in iter_sources(paths):
        yield from read_path(path, max_bytes=max_bytes, encoding=encoding, root=root)
