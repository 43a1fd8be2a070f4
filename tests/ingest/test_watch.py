"""`proxywatch watch`: polls feeds from a real local HTTP server — changing, slow, 304-aware,
broken and redirecting ones — and folders; ingests what is new and records every poll."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from proxywatch import api
from proxywatch.cli import app
from proxywatch.errors import ConfigError
from proxywatch.ingest.watch import Source, Watcher, parse_every, read_sources, watch
from proxywatch.settings import IngestOptions
from proxywatch.store.db import Store
from proxywatch.store.feeds import list_polls
from proxywatch.store.schema import documents, feeds

STORIES = [
    "Kataib Hezbollah fired rockets at a base hosting American troops in western Iraq on Tuesday, "
    "officials said, and no casualties were reported after the attack near the airfield.",
    "Iraqi counter-terrorism forces arrested several members of an armed group in southern Baghdad "
    "after a rocket attack on the international zone, security officials said on Wednesday.",
    "The United States Treasury imposed sanctions on the leader of an Iran-backed militia in Iraq, "
    "accusing the group of attacks on diplomats and of smuggling weapons across the border.",
]


def rss(items: list[str]) -> bytes:
    entries = "".join(
        f"<item><title>Report {i}</title><link>http://example.org/{i}</link><guid>r{i}</guid>"
        f"<pubDate>Tue, 0{i + 1} Jun 2021 10:00:00 GMT</pubDate><description>{escape(t)}</description></item>"
        for i, t in enumerate(items)
    )
    channel = f"<channel><title>Wire</title>{entries}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


class Feeds(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.items = STORIES[:2]
        self.version = 1
        self.seen: list[tuple[str, str | None]] = []  # (path, If-None-Match) of every request

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(BaseHTTPRequestHandler):
    server: Feeds

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.seen.append((self.path, self.headers.get("If-None-Match")))
        if self.path == "/changing.rss":
            etag = f'"v{self.server.version}"'
            if self.headers.get("If-None-Match") == etag:
                self.send(304, headers={"ETag": etag})
                return
            modified = formatdate(1_600_000_000 + self.server.version, usegmt=True)
            self.send(200, rss(self.server.items), {"ETag": etag, "Last-Modified": modified})
        elif self.path == "/slow.rss":
            time.sleep(3)
            self.send(200, rss(STORIES))
        elif self.path == "/garbage.rss":
            self.send(200, b"\x00\xff<html><body>not a feed at all</body>" + bytes(range(256)))
        elif self.path == "/error.rss":
            self.send(500, b"oops")
        elif self.path == "/to-file":
            self.send(302, headers={"Location": "file:///etc/passwd"})
        elif self.path == "/to-ftp":
            self.send(301, headers={"Location": "ftp://127.0.0.1/feed.rss"})
        elif self.path == "/moved":
            self.send(302, headers={"Location": "/changing.rss"})
        else:
            self.send(404)


@pytest.fixture
def server() -> Iterator[Feeds]:
    httpd = Feeds()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def watcher(store: Store, *sources: str, timeout: float = 5.0) -> Watcher:
    return Watcher(store, read_sources(list(sources)), IngestOptions(), None, timeout)


def n_documents(store: Store) -> int:
    with store.connect() as conn:
        return len(conn.execute(select(documents.c.id)).all())


def test_new_items_are_ingested_and_an_unchanged_feed_costs_a_304(store: Store, server: Feeds) -> None:
    url = server.url("/changing.rss")
    w = watcher(store, url)
    [first] = w.poll()
    assert (first.status, first.new_items, first.http_status) == ("ok", 2, 200)
    [again] = w.poll()
    assert (again.status, again.new_items, again.http_status) == ("not-modified", 0, 304)
    assert server.seen[-1] == ("/changing.rss", '"v1"')
    server.items, server.version = STORIES, 2
    [changed] = w.poll()
    assert (changed.status, changed.new_items) == ("ok", 1)
    assert n_documents(store) == 3
    with store.connect() as conn:
        polls = list_polls(conn, url)
        state = conn.execute(select(feeds)).mappings().one()
    assert [(p["status"], p["new_items"], p["http_status"]) for p in polls] == [
        ("ok", 2, 200),
        ("not-modified", 0, 304),
        ("ok", 1, 200),
    ]
    assert all(p["feed"] == url and p["polled_at"] is not None for p in polls)
    assert (state["etag"], state["polls"], state["new_items"], state["last_status"]) == ('"v2"', 3, 3, "ok")
    assert state["last_modified"].endswith("GMT")


def test_slow_broken_and_refused_feeds_are_recorded_and_the_others_go_on(store: Store, server: Feeds) -> None:
    paths = ["/slow.rss", "/garbage.rss", "/error.rss", "/to-file", "/to-ftp", "/missing.rss", "/moved"]
    started = time.monotonic()
    polls = watcher(store, *(server.url(p) for p in paths), timeout=0.5).poll()
    assert time.monotonic() - started < 3, "the slow feed was given up at the timeout"
    by_path = {p.feed.split("/")[-1]: p for p in polls}
    assert [p.status for p in polls] == ["error"] * 6 + ["ok"]
    assert "timed out" in (by_path["slow.rss"].error or "")
    assert "feed could not be read" in (by_path["garbage.rss"].error or "")
    assert by_path["error.rss"].http_status == 500 and "HTTP 500" in (by_path["error.rss"].error or "")
    for refused, scheme in (("to-file", "file:"), ("to-ftp", "ftp:")):  # never followed
        assert "redirect" in (by_path[refused].error or "").lower() and scheme in (
            by_path[refused].error or ""
        )
    assert by_path["missing.rss"].http_status == 404
    assert by_path["moved"].new_items == 2  # an http redirect is followed
    with store.connect() as conn:
        recorded = list_polls(conn)
    assert [p["status"] for p in recorded] == [p.status for p in polls]
    assert all(p["error"] for p in recorded[:6])


def test_a_feed_list_with_a_folder_reads_only_new_files(store: Store, server: Feeds, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(STORIES[2], encoding="utf-8")
    listing = tmp_path / "FEEDS.txt"
    listing.write_text(
        f"# wires\n{server.url('/changing.rss')}  # the changing one\n\ninbox\n", encoding="utf-8"
    )
    sources = read_sources([str(listing)])
    assert sources == [Source(server.url("/changing.rss"), "url"), Source(str(tmp_path / "inbox"), "path")]
    w = Watcher(store, sources, IngestOptions(), None, 5.0)
    assert [(p.status, p.new_items) for p in w.poll()] == [("ok", 2), ("ok", 1)]
    assert [(p.status, p.new_items) for p in w.poll()] == [("not-modified", 0), ("ok", 0)]
    (inbox / "b.txt").write_text(STORIES[0] + " A second report followed.", encoding="utf-8")
    assert [(p.status, p.new_items) for p in w.poll()] == [("not-modified", 0), ("ok", 1)]


def test_the_loop_polls_every_interval_and_goes_on_after_errors(store: Store, server: Feeds) -> None:
    naps: list[float] = []
    w = watcher(store, server.url("/error.rss"), server.url("/changing.rss"))
    rounds = list(watch(w, every=900, rounds=3, sleep=naps.append))
    assert [[p.status for p in r] for r in rounds] == [["error", "ok"], ["error", "not-modified"]] + [
        ["error", "not-modified"]
    ]
    assert len(naps) == 2 and all(800 < n <= 900 for n in naps)


def test_cli_watch_once_prints_polls_and_exits_2_when_a_feed_failed(server: Feeds, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    ok = CliRunner().invoke(
        app, ["watch", server.url("/changing.rss"), "--once", "--no-extract", "--db", db, "--json"]
    )
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout.splitlines()[0])["new_items"] == 2
    bad = CliRunner().invoke(app, ["watch", server.url("/garbage.rss"), "--once", "--no-extract", "--db", db])
    assert bad.exit_code == 2 and "error" in bad.output
    assert api.stats(db=db)["tables"]["documents"] == 2


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0", "file:///etc/passwd"])
def test_bad_intervals_and_sources_are_config_errors(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_every(text) if "://" not in text else read_sources([text])


def test_intervals() -> None:
    assert [parse_every(t) for t in ("45s", "15m", "2h", "1d", "10")] == [45, 900, 7200, 86400, 10]
