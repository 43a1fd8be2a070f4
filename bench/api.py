"""Latency of the REST API on a large synthetic store.

    python bench/api.py [--events 1000000] [--actors 50000] [--requests 200] [--db PATH] [--write-docs]

Builds a SQLite store through the real schema (Alembic head) with bulk inserts: ``--actors``
actors with an alias each, two ties per actor (with evidence), ``--events`` events over ten
years (2015-2024) between actors drawn with a skew (a few hubs take part in thousands of
events, most actors in a few), one evidence row per event and one document per ten events.
Then, in process through FastAPI's TestClient (routing, validation and JSON included; no
network), it measures p50/p95 latency of three requests, each with a random actor or month:

- an actor profile: ``GET /api/actors/{id}`` (ties, first page of events as source and target);
- an events page filtered by actor and month: ``GET /api/events?actor=&from=&to=``;
- the graph of a one-month window: ``GET /api/graph?from=&to=&limit=500``.

Prints the figures; with ``--write-docs`` writes them into docs/performance.md (its section
"REST API latency" is replaced, other sections are kept).
"""

from __future__ import annotations

import argparse
import calendar
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from proxywatch.ontology import load_ontology
from proxywatch.serve import create_app
from proxywatch.store.db import Store, open_store
from proxywatch.store.schema import (
    actor_aliases,
    actors,
    documents,
    event_evidence,
    events,
    tie_evidence,
    ties,
)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "performance.md"
SECTION = "## REST API latency (`bench/api.py`)"
BATCH = 20_000
FIRST_DAY, DAYS = date(2015, 1, 1), 3653
ACTOR_TYPES = ["armed_group", "person", "state", "state_agency", "political_party", "media"]
COUNTRIES = ["IRN", "IRQ", "SYR", "LBN", "YEM", "USA", "ISR", "SAU", "TUR", "RUS", None]
TIE_TYPES = ["funds", "commands", "leads", "trains", "arms", "member_of", "follows", "allied_with"]


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _actor_id(i: int) -> str:
    return f"actor_{i:06d}"


def generate(store: Store, n_events: int, n_actors: int, seed: int = 7) -> dict[str, int]:
    """Fill an empty store with synthetic actors, aliases, ties, documents and events."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    types = sorted(load_ontology().event_types)
    n_docs = max(1, n_events // 10)

    def skewed() -> str:  # P(id < k) = sqrt(k / n): low ids are hubs
        return _actor_id(int(n_actors * rng.random() ** 2))

    def actor_rows() -> Iterator[dict[str, Any]]:
        for i in range(n_actors):
            yield {
                "id": _actor_id(i),
                "name": f"Actor {i}",
                "type": rng.choice(ACTOR_TYPES),
                "country": rng.choice(COUNTRIES),
                "part_of": None,
                "origin": "extracted",
                "created_at": now,
            }

    def alias_rows() -> Iterator[dict[str, Any]]:
        for i in range(n_actors):
            for alias in (f"Actor {i}", f"Group {i:x}"):
                yield {"actor_id": _actor_id(i), "alias": alias, "normalized": alias.lower()}

    tie_ids: list[tuple[str, bool]] = []

    def tie_rows() -> Iterator[dict[str, Any]]:
        for _ in range(2 * n_actors):
            tie_id, read = _hex(rng), rng.random() < 0.7
            tie_ids.append((tie_id, read))
            start = f"{rng.randint(2000, 2024)}" if rng.random() < 0.3 else None
            yield {
                "id": tie_id,
                "tie": rng.choice(TIE_TYPES),
                "source_id": skewed(),
                "target_id": _actor_id(rng.randrange(n_actors)),
                "valid": "former" if rng.random() < 0.1 else "current",
                "start": start,
                "end": None,
                "confidence": 0.8,
                "n_sources": 1 if read else 0,
                "first_seen": FIRST_DAY + timedelta(days=rng.randrange(DAYS)) if read else None,
                "last_seen": None,
            }

    def tie_evidence_rows() -> Iterator[dict[str, Any]]:
        for i, (tie_id, read) in enumerate(tie_ids):
            yield {
                "id": _hex(rng),
                "tie_id": tie_id,
                "document_id": f"{i % n_docs:032x}" if read else None,
                "sentence": "A synthetic sentence that states a tie.",
                "start": 0,
                "end": 39,
                "rule": "bench",
                "confidence": 0.8,
            }

    def document_rows() -> Iterator[dict[str, Any]]:
        for i in range(n_docs):
            text = f"Synthetic document {i}."
            yield {
                "id": f"{i:032x}",
                "title": f"Document {i}",
                "url": None,
                "source": "bench",
                "published": FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                "published_from": "metadata",
                "lang": "en",
                "fmt": "jsonl",
                "origin": f"bench.jsonl:{i + 1}",
                "external_id": None,
                "n_chars": len(text),
                "text": text,
                "ingested_at": now,
                "extracted_at": now,
                "extractor": "bench",
            }

    event_ids: list[str] = []

    def event_rows() -> Iterator[dict[str, Any]]:
        for _ in range(n_events):
            event_id = _hex(rng)
            event_ids.append(event_id)
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            yield {
                "id": event_id,
                "type": rng.choice(types),
                "mode": None,
                "source_id": skewed(),
                "target_id": skewed(),
                "date": day,
                "date_precision": "day",
                "location": None,
                "country": None,
                "negated": rng.random() < 0.03,
                "intended": rng.random() < 0.05,
                "hypothetical": rng.random() < 0.02,
                "historical": rng.random() < 0.03,
                "confidence": 0.8,
                "n_sources": 1,
                "first_seen": day,
                "last_seen": day,
                "directive": None,
                "directive_type": None,
                "directive_target": None,
            }

    def event_evidence_rows() -> Iterator[dict[str, Any]]:
        for i, event_id in enumerate(event_ids):
            yield {
                "id": _hex(rng),
                "event_id": event_id,
                "document_id": f"{(i // 10) % n_docs:032x}",
                "sentence": "A synthetic sentence that reports an event between two actors.",
                "start": 0,
                "end": 63,
                "rule": "bench",
                "confidence": 0.8,
            }

    plan: list[tuple[Any, Callable[[], Iterator[dict[str, Any]]]]] = [
        (actors, actor_rows),
        (actor_aliases, alias_rows),
        (documents, document_rows),
        (ties, tie_rows),
        (tie_evidence, tie_evidence_rows),
        (events, event_rows),
        (event_evidence, event_evidence_rows),
    ]
    counts: dict[str, int] = {}
    with store.engine.connect() as conn:  # WAL with synchronous=NORMAL, as the store opens it
        for table, rows in plan:
            started, n = time.perf_counter(), 0
            for batch in _batches(rows()):
                with conn.begin():
                    conn.execute(table.insert(), batch)
                n += len(batch)
            counts[table.name] = n
            print(f"  {table.name:15} {n:>10,} rows in {time.perf_counter() - started:6.1f} s", flush=True)
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    return counts


def _month(rng: random.Random) -> tuple[str, str]:
    year, month = rng.randint(2015, 2024), rng.randint(1, 12)
    last = calendar.monthrange(year, month)[1]
    return f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last}"


def measure(client: Any, make_url: Callable[[random.Random], str], n: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    started = time.perf_counter()
    assert client.get(make_url(rng)).status_code == 200  # cold: loads what the app caches
    first = (time.perf_counter() - started) * 1000
    for _ in range(4):  # warm-up
        assert client.get(make_url(rng)).status_code == 200
    times = []
    for _ in range(n):
        url = make_url(rng)
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    cuts = statistics.quantiles(times, n=20, method="inclusive")
    return {"first": first, "p50": statistics.median(times), "p95": cuts[18], "max": max(times)}


def write_docs(text: str) -> None:
    """Replace this benchmark's section of docs/performance.md (or add it), keeping the rest."""
    old = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Performance\n"
    start = old.find(SECTION)
    if start < 0:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        following = old.find("\n## ", start + len(SECTION))
        rest = old[following + 1 :] if following >= 0 else ""
        new = old[:start] + text.rstrip("\n") + ("\n\n" + rest if rest else "\n")
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per endpoint.")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file (default: bench/api-N.db).")
    parser.add_argument("--reuse", action="store_true", help="Measure an existing --db without regenerating.")
    parser.add_argument(
        "--analytics",
        action="store_true",
        help="Also time /api/control (loads every event), /api/cohesion and /api/follows of the top hub.",
    )
    parser.add_argument(
        "--whatif",
        action="store_true",
        help="With --analytics, also time /api/whatif removing the second hub (past 5,000 actors its "
        "brokerage is exact betweenness within the patron's network, at most 4,000 actors).",
    )
    parser.add_argument(
        "--write-docs", action="store_true", help="Write the figures into docs/performance.md."
    )
    args = parser.parse_args()
    path = args.db or ROOT / "bench" / f"api-{args.events}-{args.actors}.db"
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print(f"generating {args.events:,} events, {args.actors:,} actors into {path}", flush=True)
        started = time.perf_counter()
        store = open_store(f"sqlite:///{path}")
        generate(store, args.events, args.actors)
        store.close()
        build = time.perf_counter() - started
        print(f"generated in {build:.0f} s; {path.stat().st_size / 1e6:.0f} MB", flush=True)
    n_actors = args.actors

    def profile(rng: random.Random) -> str:
        return f"/api/actors/{_actor_id(rng.randrange(n_actors))}"

    def events_page(rng: random.Random) -> str:
        start, end = _month(rng)
        actor = _actor_id(int(n_actors * rng.random() ** 2))  # actors as often as they act
        return f"/api/events?actor={actor}&from={start}&to={end}"

    def graph(rng: random.Random) -> str:
        start, end = _month(rng)
        return f"/api/graph?from={start}&to={end}&limit=500"

    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    results = {}
    analytics: list[tuple[str, float]] = []
    loads = [os.getloadavg()[0]]  # the machine may be shared: the figures say how busy it was
    with TestClient(create_app(str(path))) as client:
        for name, make_url in (
            ("actor profile", profile),
            ("events page, actor and month", events_page),
            ("graph of one month", graph),
        ):
            results[name] = measure(client, make_url, args.requests, seed=len(name))
            loads.append(os.getloadavg()[0])
            r = results[name]
            print(
                f"{name:30} p50 {r['p50']:7.1f} ms   p95 {r['p95']:7.1f} ms   max {r['max']:7.1f} ms"
                f"   first {r['first']:7.1f} ms"
            )
        if args.analytics:  # the analytics context holds every event and tie, once per data version
            hub = _actor_id(0)
            timed = [
                ("control", f"/api/control?patron={hub}", "first, loading the analytics context"),
                ("control", f"/api/control?patron={hub}", "again, the context cached"),
                ("cohesion", f"/api/cohesion?patron={hub}", "the context cached"),
                ("follows", f"/api/follows?patron={hub}", "the context cached"),
            ]
            if args.whatif:
                timed.append(
                    ("whatif", f"/api/whatif?patron={hub}&remove={_actor_id(1)}", "removing the second hub")
                )
            for endpoint, url, label in timed:
                started = time.perf_counter()
                assert client.get(url).status_code == 200
                analytics.append(
                    (f"`GET /api/{endpoint}` of the top hub, {label}", time.perf_counter() - started)
                )
                print(f"{endpoint} of the top hub, {label}: {analytics[-1][1]:.2f} s", flush=True)
    if args.write_docs:
        rows = "\n".join(
            f"| {name} | {r['p50']:.1f} | {r['p95']:.1f} | {r['first']:.0f} |" for name, r in results.items()
        )
        extra = "".join(f"\n- {label}: {t:.2f} s." for label, t in analytics)
        if args.whatif:
            extra += (
                "\n- what-if's brokerage at this size is the exact betweenness within the patron's"
                "\n  network (its side, proxies and camp and the actors one tie from them, at most"
                "\n  4,000): over the whole graph it costs actors x ties and does not finish."
            )
        flags = (" --analytics" if args.analytics else "") + (" --whatif" if args.whatif else "")
        write_docs(
            f"""{SECTION}

A synthetic SQLite store ({path.stat().st_size / 1e6:,.0f} MB): {args.events:,} events with one
evidence row each, {args.actors:,} actors with {2 * args.actors:,} aliases and {2 * args.actors:,} ties,
{max(1, args.events // 10):,} documents; events spread over 2015-2024 between actors drawn with a
skew, so a few hubs take part in thousands of events. {args.requests} timed requests per endpoint,
each with a random actor or month, after a cold first request (timed apart: it loads what the
app caches per data version) and 4 warm-up ones; in process through FastAPI's TestClient, so
routing, validation and JSON are included and the network is not. Measured
{date.today().isoformat()} on {platform.machine()} ({os.cpu_count()} cores, shared with other work:
load average {min(loads):.1f}-{max(loads):.1f} while timing), Python {platform.python_version()}:
`python bench/api.py --events {args.events} --actors {args.actors}{flags} --write-docs`.

| request | p50 ms | p95 ms | first ms |
|---|---:|---:|---:|
{rows}

- actor profile: `GET /api/actors/{{id}}`: aliases, ties with evidence, first page of the
  events as source and as target, with their totals;
- events page: `GET /api/events?actor=ID&from=YYYY-MM-01&to=YYYY-MM-LAST`, actors drawn as often
  as they act, so hubs come up often;
- graph: `GET /api/graph?from=&to=&limit=500`: every asserted event of the month counted per
  pair and type from the covering index `ix_events_window` (migration 0004), and the standing
  ties among the month's actors (from an index of ties by source kept per data version, loaded
  by the first request); only the page's edges are built.{extra}
"""
        )
        print(f"written to {DOCS}")


if __name__ == "__main__":
    sys.exit(main())
