"""`ingest --engine dask`: extraction on a real Dask cluster, storage in the client; the facts
are those of the single-process path."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proxywatch import api
from proxywatch.cli import app
from proxywatch.errors import ConfigError
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Mention, Tie
from proxywatch.ingest.pipeline import Failed
from proxywatch.store.db import open_store
from proxywatch.store.snapshot import differences, fact_rows

DEMO = Path(api.demo_corpus())


def _facts(url: str) -> dict[str, set[tuple[Any, ...]]]:
    store = open_store(url)
    with store.connect() as conn:
        rows = fact_rows(conn)
    store.close()
    return rows


def test_extractions_and_failures_cross_the_wire_as_plain_records() -> None:
    ev = Evidence("KH fired rockets at the embassy.", 0, 31, "verb:active:fire", 0.8)
    ext = Extraction(
        actors={"kataib_hezbollah": Actor("kataib_hezbollah", "Kataib Hezbollah", "armed_group", "IRQ")},
        mentions=[Mention("kataib_hezbollah", "KH", 0, 2, "dictionary", 1.0)],
        events=[
            Event("ASSAULT", "kataib_hezbollah", None, ev, date=date(2020, 1, 3), extra={"asks": "RETREAT"})
        ],
        ties=[Tie("member_of", "kataib_hezbollah", "pmf", ev)],
    )
    assert pickle.loads(pickle.dumps([ext, Failed("why")])) == [ext, Failed("why")]


def test_engine_options_are_checked(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine"):
        api.ingest([DEMO], db=str(tmp_path / "a.db"), engine="spark")
    with pytest.raises(ConfigError, match="--engine dask"):
        api.ingest([DEMO], db=str(tmp_path / "a.db"), workers=2)
    result = CliRunner().invoke(
        app,
        [
            "ingest",
            str(DEMO),
            "--db",
            str(tmp_path / "b.db"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://x:1",
            "--workers",
            "2",
        ],
    )
    assert result.exit_code == 1 and "not both" in result.output


@pytest.mark.model
def test_two_local_workers_store_the_facts_of_one_process(tmp_path: Path) -> None:
    serial = f"sqlite:///{tmp_path / 'serial.db'}"
    dask = f"sqlite:///{tmp_path / 'dask.db'}"
    assert api.ingest([DEMO], db=serial).added == 49
    report = api.ingest([DEMO], db=dask, engine="dask", workers=2)
    assert report.ok and report.added == 49, report.problems[:3]
    got = _facts(dask)
    assert {t: len(rows) for t, rows in got.items()} == {t: len(rows) for t, rows in _facts(serial).items()}
    assert len(got["events"]) > 50 and len(got["mentions"]) > 1000 and len(got["ties"]) > 100
    assert differences(_facts(serial), got) == []


@pytest.mark.model
def test_an_existing_scheduler_is_used_when_given(tmp_path: Path) -> None:
    from distributed import LocalCluster

    rows = [json.loads(line) for line in (DEMO / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    subset = tmp_path / "subset.jsonl"
    french = {
        "id": "fr-1",
        "text": "Les milices ont tiré des roquettes sur la base aérienne pendant la nuit, selon les "
        "autorités irakiennes, qui ont annoncé l'ouverture d'une enquête sur cette attaque.",
    }
    lines = [json.dumps(r) for r in rows[:10]] + [json.dumps(french, ensure_ascii=False)]
    subset.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    serial = f"sqlite:///{tmp_path / 'serial.db'}"
    alone = api.ingest([subset], db=serial)
    with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        dask = f"sqlite:///{tmp_path / 'dask.db'}"
        report = api.ingest([subset], db=dask, engine="dask", scheduler=cluster.scheduler_address)
        assert report.added == 10
        assert len(cluster.workers) == 1  # the cluster given, not a new one
    # the workers check the language: the French text is refused with the reason given here
    assert [(p.kind, p.line, p.reason) for p in report.problems] == [
        (p.kind, p.line, p.reason) for p in alone.problems
    ]
    assert [p.kind for p in report.problems] == ["language"]
    assert differences(_facts(serial), _facts(dask)) == []
