"""Concurrent writers on one database: documents per second with 1, 2 and 4 `proxywatch
ingest` processes, and whether they end with the facts of the 1-writer run.

    python bench/concurrency.py [--texts 240] [--bulk 2000] [--pg URL]

Texts: pairs of paragraphs of the bundled public-domain demo corpus, each text once, in files
of 20. Each writer is a real `proxywatch ingest` process; the files are dealt out round-robin,
so the writers' inputs are disjoint (the work is shared, not repeated), and every run starts
from an empty database. Two workloads: `--texts` texts with extraction (the real work) and
`--bulk` texts with `--no-extract` (the store alone). SQLite always; PostgreSQL when `--pg`
(or $PROXYWATCH_TEST_PG) names a server (each run in a schema of its own). Prints, per
backend and workload: writers, seconds, documents/s, speed-up over one writer, and "same
facts" (the row sets of documents, mentions, events, ties and the rest equal the 1-writer
run's).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from texts import corpus, write_files  # bench/texts.py: the scripts run from this folder

from proxywatch.store.db import open_store
from proxywatch.store.snapshot import differences, fact_rows

CLI = [sys.executable, "-m", "proxywatch.cli", "ingest"]


@contextmanager
def empty_database(backend: str, folder: Path, pg: str | None) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.db'}"
        return
    assert pg is not None
    schema = f"pw_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(files: list[Path], writers: int, url: str, extract: bool) -> tuple[float, int]:
    """Seconds for ``writers`` processes to ingest ``files`` (dealt round-robin), and documents added."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROXYWATCH_")}
    flags = [] if extract else ["--no-extract"]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [*CLI, *map(str, files[k::writers]), "--db", url, "--json", *flags],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for k in range(writers)
    ]
    added = 0
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"a writer failed ({proc.returncode}): {err[-2000:]}")
        added += json.loads(out)["added"]
    return time.perf_counter() - start, added


def facts(url: str) -> dict[str, set[tuple[Any, ...]]]:
    store = open_store(url)
    with store.connect() as conn:
        rows = fact_rows(conn)
    store.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=240, help="texts ingested with extraction")
    parser.add_argument("--bulk", type=int, default=2000, help="texts ingested with --no-extract")
    parser.add_argument("--pg", default=os.environ.get("PROXYWATCH_TEST_PG"), help="PostgreSQL URL")
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if args.pg else [])
    print(f"cpus: {os.cpu_count()}; python {sys.version.split()[0]}")
    head = ("backend", "workload", "writers", "seconds", "docs/s", "speed-up")
    print(f"{head[0]:<11} {head[1]:<18} {head[2]:>7} {head[3]:>8} {head[4]:>8} {head[5]:>8}  same facts")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workloads = [
            (f"extract {args.texts}", write_files(folder / "texts", corpus(args.texts), 20), True),
            (f"no-extract {args.bulk}", write_files(folder / "bulk", corpus(args.bulk), 20), False),
        ]
        for backend in backends:
            for name, files, extract in workloads:
                baseline: dict[str, set[tuple[Any, ...]]] | None = None
                first = 0.0
                for writers in (1, 2, 4):
                    with empty_database(backend, folder, args.pg) as url:
                        seconds, added = run(files, writers, url, extract)
                        got = facts(url)
                    if baseline is None:
                        baseline, first = got, seconds
                    diff = differences(baseline, got)
                    same = "yes" if not diff else "NO: " + "; ".join(diff)
                    rate = added / seconds
                    print(
                        f"{backend:<11} {name:<18} {writers:>7} {seconds:>8.2f} {rate:>8.1f}"
                        f" {first / seconds:>8.2f}  {same}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
