"""Scaling of `ingest --engine dask`: the single process against a Dask cluster of 1 and 2
workers, on the same texts, into fresh SQLite databases.

    python bench/scale.py [--texts 2000] [--workers 1 2]

Texts: pairs of paragraphs of the bundled public-domain demo corpus (each pair once), in
JSONL files of 50. Every configuration is timed after a warm-up (the spaCy pipeline loaded in
the single process and on every worker, and a first small ingest run), so the figures compare
extraction and storage, not start-up; the cluster's start-up is printed apart. Prints seconds,
texts/s and the speed-up over one worker, and the ratio 2 workers / 1 worker against the
target of 1.7. Worker processes need CPUs of their own: on a machine with two cores, the two
workers share them with the client process, which reads the files and writes the store.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from texts import corpus, write_files  # bench/texts.py: the scripts run from this folder

from proxywatch import api
from proxywatch.extract import build_pipeline

TARGET = 1.7


def timed(files: list[Path], db: str, **engine: Any) -> tuple[float, int]:
    start = time.perf_counter()
    report = api.ingest(files, db=db, **engine)
    if not report.ok:
        raise SystemExit(f"ingest failed: {report.problems[:3]}")
    return time.perf_counter() - start, report.added


def main() -> None:
    from distributed import LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}; python {sys.version.split()[0]}; texts: {args.texts}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_files(folder / "texts", corpus(args.texts), 50)
        warm = write_files(folder / "warm", corpus(60)[-10:], 50)
        build_pipeline()
        api.ingest(warm, db=str(folder / "warm-single.db"))
        seconds, added = timed(files, str(folder / "single.db"))
        rows = [("single process", seconds, added, None)]
        for n in args.workers:
            started = time.perf_counter()
            with LocalCluster(
                n_workers=n, processes=True, threads_per_worker=1, dashboard_address=None
            ) as cluster:
                address = cluster.scheduler_address
                api.ingest(warm, db=str(folder / f"warm-{n}.db"), engine="dask", scheduler=address)
                start_up = time.perf_counter() - started
                seconds, added = timed(files, str(folder / f"dask-{n}.db"), engine="dask", scheduler=address)
            rows.append((f"dask, {n} worker{'s' if n > 1 else ''}", seconds, added, start_up))
    one = next((r[1] for r in rows if r[0] == "dask, 1 worker"), None)
    print(f"{'engine':<18} {'seconds':>8} {'texts/s':>8} {'vs 1 worker':>11} {'start-up s':>10}")
    for name, seconds, added, start_up in rows:
        ratio = f"{one / seconds:.2f}" if one else "-"
        up = f"{start_up:.1f}" if start_up is not None else "-"
        print(f"{name:<18} {seconds:>8.2f} {added / seconds:>8.1f} {ratio:>11} {up:>10}")
    two = next((r[1] for r in rows if r[0] == "dask, 2 workers"), None)
    if one and two:
        ratio = one / two
        verdict = "met" if ratio >= TARGET else "missed"
        print(f"ratio 2 workers / 1 worker: {ratio:.2f} (target {TARGET}: {verdict})")


if __name__ == "__main__":
    main()
