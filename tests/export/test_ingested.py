"""Every format from a store built by ingesting articles (the model runs): the formats agree
with each other and with the documents, and text from documents comes back as written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
import stix2
from typer.testing import CliRunner

from proxywatch import api
from proxywatch.cli import app

pytestmark = pytest.mark.model

TITLE = '<script>alert("t")</script> Qaani\'s "request"'
ARTICLES = [
    (
        "a1",
        "2024-01-28",
        TITLE,
        "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. forces.",
    ),
    (
        "a2",
        "2024-01-31",
        "Suspension",
        "Kata'ib Hezbollah announced a suspension of its military operations against U.S. forces.",
    ),
    (
        "a3",
        "2024-02-04",
        "Refusal",
        "Harakat al-Nujaba said it rejected the request and would keep fighting.",
    ),
]
runner = CliRunner()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("ingested")
    corpus = folder / "wire.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "published": d, "title": title, "text": t}) + "\n"
            for i, d, title, t in ARTICLES
        ),
        encoding="utf-8",
    )
    db = str(folder / "wire.db")
    assert api.ingest([corpus], db=db).added == 3
    return db, folder


def _export(db: str, folder: Path, fmt: str, *args: str) -> str:
    out = folder / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--db", db, "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_every_format_reads_back_and_agrees(ingested: tuple[str, Path]) -> None:
    db, folder = ingested
    texts = " ".join(t for *_, t in ARTICLES)
    rows = list(csv.DictReader(io.StringIO(_export(db, folder, "csv"), newline="")))
    lines = [json.loads(line) for line in _export(db, folder, "jsonl").splitlines()]
    assert rows and [r["event_id"] for r in rows] == [r["event_id"] for r in lines]
    for row, line in zip(rows, lines, strict=True):
        assert row["evidence"] == line["evidence"] and row["evidence"] in texts
        assert row["document_ids"].split(";") == line["document_ids"]
    assert any(r["source_id"] == "esmail_ghaani" for r in lines)

    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        G = read(io.BytesIO(_export(db, folder, fmt).encode("utf-8")))
        assert G.nodes["esmail_ghaani"]["name"] == "Esmail Ghaani"
        assert G.nodes["kataib_hezbollah"]["type"] == "armed_group"
        assert all(d["kind"] in ("tie", "event") for *_, d in G.edges(data=True))

    bundle = stix2.parse(_export(db, folder, "stix"), allow_custom=True)
    events = [o for o in bundle.objects if o.type in ("report", "note")]
    assert {o["x_proxywatch_event_id"] for o in events} <= {r["event_id"] for r in lines}
    titles = {ref.get("description") for o in events for ref in o.get("external_references", [])}
    assert TITLE in titles  # markup and quotes from a document title, kept as text


def test_patron_cut_of_an_ingested_store(ingested: tuple[str, Path]) -> None:
    db, folder = ingested
    lines = [json.loads(line) for line in _export(db, folder, "jsonl", "--patron", "Quds Force").splitlines()]
    assert any(r["source_id"] == "esmail_ghaani" for r in lines)
    dated = [json.loads(line) for line in _export(db, folder, "jsonl", "--from", "2024-02-01").splitlines()]
    assert all(r["date"] >= "2024-02-01" for r in dated)
