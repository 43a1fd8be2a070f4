"""Any number of `proxywatch ingest` processes on one database, inputs overlapping, end with
exactly the facts of one serial run, while a reader queries the store; a writer killed
mid-ingest and run again ends with the same facts. Real CLI subprocesses, SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from proxywatch import api
from proxywatch.store.db import open_store
from proxywatch.store.schema import documents
from proxywatch.store.snapshot import differences, fact_rows
from tests.store.conftest import empty_database

CLI = [sys.executable, "-m", "proxywatch.cli", "ingest"]
DEMO = Path(api.demo_corpus()) / "articles.jsonl"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]
ARTICLES = 28
TEXTS = 240

# Reads the store while the writers write: the counts the analytics and `stats` see, and the
# graph the analytics load; documents never go down, nothing raises.
READER = """
import json, sys, time
from pathlib import Path
from proxywatch import api
from proxywatch.analyse.context import load_context
from proxywatch.store.db import open_store
url, stop = sys.argv[1], Path(sys.argv[2])
reads, last, store = 0, 0, None
while not stop.exists() or reads == 0:
    try:
        store = store or open_store(url)
    except Exception:
        time.sleep(0.05)  # the first writer is still creating the schema
        continue
    n = api.stats(store=store)["tables"]["documents"]
    assert n >= last, (n, last)
    load_context(store)
    last, reads = n, reads + 1
    time.sleep(0.1)  # leave the writers the CPU: the suite runs on two cores
print(json.dumps({"reads": reads, "documents": last}))
"""


def _paragraphs() -> list[str]:
    rows = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]
    return [p.strip() for r in rows for p in r["text"].split("\n") if len(p.strip()) > 80]


def _write_files(folder: Path, records: list[dict[str, Any]], per_file: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n, start in enumerate(range(0, len(records), per_file)):
        path = folder / f"part-{n:02d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start : start + per_file]), "utf-8")
        files.append(path)
    return files


def _overlapping(files: list[Path]) -> list[list[Path]]:
    """Four inputs that overlap and together cover every file; one of them in reverse order."""
    n = len(files)
    return [files[: n * 2 // 3], files[n // 3 :], files[::2] + files[1:2], files[::-1]]


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """12 files of 20 texts (pairs of the demo corpus's paragraphs), every text in one file."""
    paras = _paragraphs()
    n = len(paras)
    pairs = [(i % n, (i + 1 + i // n) % n) for i in range(TEXTS)]  # each pair once
    records = [
        {"id": f"t{i}", "text": f"{paras[a]}\n\n{paras[b]}", "source": "t"} for i, (a, b) in enumerate(pairs)
    ]
    return _write_files(tmp_path_factory.mktemp("texts"), records, 20)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The demo corpus's first 28 articles in 4 files (extraction is the slow part)."""
    records = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()][:ARTICLES]
    return _write_files(tmp_path_factory.mktemp("articles"), records, 7)


def _serial(files: list[Path], folder: Path, extract: bool) -> dict[str, set[tuple[Any, ...]]]:
    url = f"sqlite:///{folder / 'serial.db'}"
    report = api.ingest(files, db=url, extract=extract)
    assert report.ok
    store = open_store(url)
    with store.connect() as conn:
        rows = fact_rows(conn)
    store.close()
    return rows


@pytest.fixture(scope="module")
def texts_serial(
    texts: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, set[tuple[Any, ...]]]:
    return _serial(texts, tmp_path_factory.mktemp("serial-texts"), extract=False)


@pytest.fixture(scope="module")
def articles_serial(
    articles: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, set[tuple[Any, ...]]]:
    return _serial(articles, tmp_path_factory.mktemp("serial-articles"), extract=True)


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with no schema yet (SQLite file or PostgreSQL schema)."""
    with empty_database(request.param, tmp_path) as url:
        yield url


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROXYWATCH_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


def _start(files: list[Path], url: str, *flags: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, *map(str, files), "--db", url, "--json", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def _facts(url: str) -> dict[str, set[tuple[Any, ...]]]:
    store = open_store(url)
    with store.connect() as conn:
        rows = fact_rows(conn)
    store.close()
    return rows


def _run_writers_with_reader(
    inputs: list[list[Path]], url: str, tmp_path: Path, *flags: str
) -> list[dict[str, Any]]:
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, url, str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    writers = [_start(files, url, *flags) for files in inputs]
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err[-3000:]
        reports.append(json.loads(out))
    stop.touch()
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err[-3000:]
    assert json.loads(out)["reads"] >= 1
    return reports


def test_four_writers_over_overlapping_inputs_store_the_serial_facts(
    empty_db: str, texts: list[Path], texts_serial: dict[str, set[tuple[Any, ...]]], tmp_path: Path
) -> None:
    inputs = _overlapping(texts)
    reports = _run_writers_with_reader(inputs, empty_db, tmp_path, "--no-extract")
    assert sum(r["added"] for r in reports) == len(texts_serial["documents"]) == TEXTS
    for files, report in zip(inputs, reports, strict=True):
        assert report["added"] + report["duplicates"] == 20 * len(files) and report["failed"] == 0
    assert differences(texts_serial, _facts(empty_db)) == []


def test_four_writers_extracting_store_the_serial_facts(
    empty_db: str,
    articles: list[Path],
    articles_serial: dict[str, set[tuple[Any, ...]]],
    tmp_path: Path,
) -> None:
    reports = _run_writers_with_reader(_overlapping(articles), empty_db, tmp_path)
    assert sum(r["added"] for r in reports) == ARTICLES
    got = _facts(empty_db)
    assert len(got["events"]) > 30 and len(got["mentions"]) > 500
    assert differences(articles_serial, got) == []


def _documents(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())
    except Exception:  # noqa: BLE001 - no schema yet
        return 0
    finally:
        engine.dispose()


def test_a_writer_killed_mid_ingest_and_run_again_stores_the_serial_facts(
    empty_db: str, articles: list[Path], articles_serial: dict[str, set[tuple[Any, ...]]]
) -> None:
    writer = _start(articles, empty_db)
    deadline = time.monotonic() + 120
    while _documents(empty_db) == 0 and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    stored = _documents(empty_db)
    assert 0 < stored < ARTICLES, "the writer was to be killed mid-ingest"
    again = _start(articles, empty_db)
    out, err = again.communicate(timeout=240)
    assert again.returncode == 0, err[-3000:]
    assert json.loads(out)["added"] == ARTICLES - stored
    assert differences(articles_serial, _facts(empty_db)) == []
