"""Feed state and poll records for ``proxywatch watch``: the validators a feed last sent (ETag,
Last-Modified) and one row per poll (feed, time, status, new items, error)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from proxywatch.ids import fact_id
from proxywatch.store.documents import now
from proxywatch.store.schema import feed_polls, feeds
from proxywatch.store.upsert import insert


@dataclass(frozen=True)
class Poll:
    """What one poll of a feed found."""

    feed: str
    kind: str  # url or path
    status: str  # ok, not-modified or error
    new_items: int = 0
    http_status: int | None = None
    error: str | None = None
    seconds: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    polled_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "feed": self.feed,
            "status": self.status,
            "http_status": self.http_status,
            "new_items": self.new_items,
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }


def feed_key(url: str) -> str:
    return fact_id("feed", url)


def validators(conn: Connection, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) the feed sent with its last full response, to send back."""
    row = conn.execute(select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.id == feed_key(url))).first()
    return (row.etag, row.last_modified) if row else (None, None)


def record_poll(conn: Connection, poll: Poll) -> None:
    """Record a poll and update the feed's state; validators change only with a full response."""
    stamp = poll.polled_at or now()
    key = feed_key(poll.feed)
    state: dict[str, Any] = {
        "last_polled": stamp,
        "last_status": poll.status,
        "last_error": poll.error,
    }
    if poll.status == "ok":
        state.update(etag=poll.etag, last_modified=poll.last_modified)
    stmt = insert(conn, feeds).values(
        id=key, url=poll.feed, kind=poll.kind, polls=1, new_items=poll.new_items, **state
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[feeds.c.id],
            set_={**state, "polls": feeds.c.polls + 1, "new_items": feeds.c.new_items + poll.new_items},
        )
    )
    conn.execute(
        feed_polls.insert().values(
            feed_id=key,
            polled_at=stamp,
            status=poll.status,
            http_status=poll.http_status,
            new_items=poll.new_items,
            error=poll.error,
            seconds=poll.seconds,
        )
    )


def list_polls(conn: Connection, url: str | None = None) -> list[dict[str, Any]]:
    """Polls recorded, oldest first, with the feed's URL; of one feed when ``url`` is given."""
    query = (
        select(feeds.c.url.label("feed"), feed_polls)
        .join(feeds, feeds.c.id == feed_polls.c.feed_id)
        .order_by(feed_polls.c.id)
    )
    if url is not None:
        query = query.where(feeds.c.id == feed_key(url))
    return [dict(r) for r in conn.execute(query).mappings()]
