"""Watch live feeds and folders: poll, ingest what is new, record every poll.

A feed is fetched with a conditional request — the ETag and Last-Modified it last sent go
back as If-None-Match and If-Modified-Since — so an unchanged feed costs one 304 and no
parsing. Entries become documents through the ordinary ingest path (checks, duplicates by
text, document and facts in one transaction). A feed that times out, answers with an error or
sends something that is not a feed is reported and recorded, and the loop goes on. Redirects
are followed to http(s) URLs only; a folder is re-read only for files new or changed since the
last poll. Nothing is recomputed: the analytics read the store when asked.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import (
    HTTPDefaultErrorHandler,
    HTTPErrorProcessor,
    HTTPHandler,
    HTTPRedirectHandler,
    HTTPSHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    UnknownHandler,
)

from proxywatch.errors import ConfigError
from proxywatch.ingest.feed import read_feed
from proxywatch.ingest.pipeline import BatchProcessor, IngestReport, ResultWriter, ingest_items, ingest_paths
from proxywatch.ingest.records import RawDocument
from proxywatch.settings import IngestOptions
from proxywatch.store.db import Store
from proxywatch.store.documents import now
from proxywatch.store.feeds import Poll, record_poll, validators

USER_AGENT = "proxywatch/0.1 (feed watcher)"
DEFAULT_TIMEOUT = 20.0
MAX_FEED_BYTES = 20 * 1024 * 1024
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_COMMENT = re.compile(r"\s+#")  # a comment after an entry; a URL's own #fragment stays
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_every(text: str) -> float:
    """Seconds in a poll interval such as ``90s``, ``15m``, ``1h`` or ``2d`` (bare numbers are seconds).

    >>> parse_every("15m"), parse_every("1.5h"), parse_every("30")
    (900.0, 5400.0, 30.0)
    """
    match = _DURATION.match(text)
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError(f"cannot read the interval {text!r}; write it as 30s, 15m, 1h or 1d")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@dataclass(frozen=True)
class Source:
    """Something to poll: an http(s) feed URL, or a file or folder on disk."""

    target: str
    kind: str  # url or path


def _source(text: str, base: Path | None = None) -> Source:
    scheme = urlsplit(text).scheme.lower()
    if scheme in ("http", "https"):
        return Source(text, "url")
    if "://" in text:
        raise ConfigError(f"{text!r}: only http(s) feeds are polled; name files and folders by path")
    path = Path(text).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    return Source(str(path), "path")


def read_sources(args: Sequence[str]) -> list[Source]:
    """Sources from the command line: URLs, folders, feed files, and lists of them (a ``.txt``
    or ``.list`` file: one URL or path a line, ``#`` starts a comment; paths are relative to
    the list's folder).

    >>> [s.kind for s in read_sources(["https://example.org/rss", "/tmp"])]
    ['url', 'path']
    """
    sources: list[Source] = []
    for arg in args:
        path = Path(arg)
        if "://" not in arg and path.is_file() and path.suffix.lower() in (".txt", ".list"):
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read the feed list {arg}: {exc}") from exc
            for line in lines:
                line = _COMMENT.split(line.strip(), maxsplit=1)[0]
                if line and not line.startswith("#"):
                    sources.append(_source(line, path.parent))
        else:
            sources.append(_source(arg))
    if not sources:
        raise ConfigError("no feeds to watch: give URLs, folders or a file that lists them")
    return list(dict.fromkeys(sources))


class FetchError(Exception):
    """A feed could not be fetched: timeout, refused connection, HTTP error, refused redirect."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.status = status


class _HttpOnlyRedirects(HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(f"refused a redirect to a {scheme or 'schemeless'} URL: {newurl[:200]}", code)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> OpenerDirector:
    """http(s) only: no file:, ftp: or data: handlers, and redirects to http(s) alone."""
    opener = OpenerDirector()
    for handler in (
        ProxyHandler(),
        UnknownHandler(),
        HTTPHandler(),
        HTTPSHandler(),
        HTTPDefaultErrorHandler(),
        _HttpOnlyRedirects(),
        HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


@dataclass(frozen=True)
class Fetched:
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None


def fetch(
    url: str, etag: str | None = None, last_modified: str | None = None, timeout: float = DEFAULT_TIMEOUT
) -> Fetched:
    """GET ``url`` with the validators given; a 304 comes back with no body. The whole request
    must finish within ``timeout`` seconds and the body stay under :data:`MAX_FEED_BYTES`."""
    from urllib.error import HTTPError, URLError

    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(Request(url, headers=headers), timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(65536):
                size += len(chunk)
                if size > MAX_FEED_BYTES:
                    raise FetchError(f"the feed is larger than {MAX_FEED_BYTES:,} bytes", response.status)
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {timeout:g} s", response.status)
                chunks.append(chunk)
            return Fetched(
                response.status,
                b"".join(chunks),
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )
    except HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return Fetched(304, None, etag, last_modified)
        raise FetchError(f"HTTP {exc.code} {exc.reason}", exc.code) from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"timed out after {timeout:g} s") from None
        raise FetchError(f"cannot fetch: {reason}") from None
    except (OSError, ValueError) as exc:  # connection reset, bad status line, malformed URL
        raise FetchError(f"cannot fetch: {exc.__class__.__name__}: {exc}") from None


def _problems(report: IngestReport) -> str | None:
    if not report.problems:
        return None
    first = report.problems[0]
    more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
    return f"{first.kind}: {first.reason}{more}"[:1000]


@dataclass
class Watcher:
    """Polls its sources into a store; remembers the files of watched folders between polls."""

    store: Store
    sources: list[Source]
    options: IngestOptions = field(default_factory=IngestOptions)
    processor: tuple[BatchProcessor, ResultWriter] | None = None
    timeout: float = DEFAULT_TIMEOUT
    files: dict[str, tuple[int, int]] = field(default_factory=dict)

    def poll_url(self, url: str) -> Poll:
        started = time.monotonic()
        with self.store.connect() as conn:
            etag, last_modified = validators(conn, url)
        try:
            fetched = fetch(url, etag, last_modified, self.timeout)
        except FetchError as exc:
            return Poll(url, "url", "error", 0, exc.status, str(exc), time.monotonic() - started)
        if fetched.status == 304 or fetched.body is None:
            return Poll(url, "url", "not-modified", 0, 304, None, time.monotonic() - started)
        items = list(read_feed(fetched.body, url))
        report = ingest_items(self.store, items, self.options, processor=self.processor)
        readable = any(isinstance(i, RawDocument) for i in items)  # at least one entry was read
        return Poll(
            url,
            "url",
            "ok" if readable else "error",
            report.added,
            fetched.status,
            _problems(report),
            time.monotonic() - started,
            fetched.etag,
            fetched.last_modified,
        )

    def _changed(self, path: Path) -> bool:
        try:
            info = path.stat()
        except OSError:
            return True  # let the reader report it
        signature = (info.st_size, info.st_mtime_ns)
        if self.files.get(str(path)) == signature:
            return False
        self.files[str(path)] = signature
        return True

    def poll_path(self, target: str) -> Poll:
        started = time.monotonic()
        path = Path(target)
        if not path.exists():
            return Poll(
                target, "path", "error", 0, None, "no such file or folder", time.monotonic() - started
            )
        report = ingest_paths(self.store, [path], self.options, processor=self.processor, only=self._changed)
        return Poll(target, "path", "ok", report.added, None, _problems(report), time.monotonic() - started)

    def poll_one(self, source: Source) -> Poll:
        stamp = now()
        try:
            poll = self.poll_url(source.target) if source.kind == "url" else self.poll_path(source.target)
        except Exception as exc:  # noqa: BLE001 - one feed's failure never stops the others
            poll = Poll(
                source.target, source.kind, "error", 0, None, f"{exc.__class__.__name__}: {exc}"[:1000]
            )
        poll = replace(poll, polled_at=stamp)
        try:
            self.store.write(lambda conn: record_poll(conn, poll))
        except Exception as exc:  # noqa: BLE001 - reported; the loop goes on
            poll = replace(poll, status="error", error=f"poll not recorded: {exc}"[:1000])
        return poll

    def poll(self, on_poll: Callable[[Poll], None] | None = None) -> list[Poll]:
        """Poll every source once, in order."""
        polls = []
        for source in self.sources:
            poll = self.poll_one(source)
            if on_poll is not None:
                on_poll(poll)
            polls.append(poll)
        return polls


def watch(
    watcher: Watcher,
    every: float,
    rounds: int | None = None,
    on_poll: Callable[[Poll], None] | None = None,
    sleep: Callable[[float], Any] = time.sleep,
) -> Iterable[list[Poll]]:
    """Poll all sources every ``every`` seconds, ``rounds`` times (forever when None); yields
    each round's polls. The interval runs from the start of one round to the next."""
    done = 0
    while rounds is None or done < rounds:
        started = time.monotonic()
        yield watcher.poll(on_poll)
        done += 1
        if rounds is None or done < rounds:
            sleep(max(0.0, every - (time.monotonic() - started)))
