"""The report renders its charts, network and evidence, and escapes article text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx

from proxywatch import api
from proxywatch.dictionary import load_dictionary
from proxywatch.extract.records import Event, Evidence, Extraction, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.report import build_report, render_report
from proxywatch.store.db import Store
from proxywatch.store.documents import insert_document
from proxywatch.store.facts import save_extraction, sync_dictionary

HOSTILE = '<script>alert("x")</script> & the militias disregarded this.'


def seed_store(store: Store) -> None:
    """A small story written by hand: Ghaani asks, the PMF defies in a sentence carrying markup."""
    with store.begin() as conn:
        sync_dictionary(conn, load_dictionary())
        day = date(2021, 6, 1)
        doc = insert_document(
            conn, RawDocument(text="story " + HOSTILE, origin="t", fmt="text", published=day)
        )
        ask = Event(
            "REQUEST",
            "esmail_ghaani",
            "pmf",
            Evidence("Ghaani asked the PMF to stop.", 0, 10, "r", 0.8),
            date=day,
            date_precision="day",
            extra={"prohibits": "ASSAULT", "protected": "united_states"},
        )
        defy = Event(
            "REJECT",
            "pmf",
            "esmail_ghaani",
            Evidence(HOSTILE, 11, 40, "r", 0.8),
            date=day,
            date_precision="day",
        )
        follow = Tie(
            "follows", "pmf", "hassan_nasrallah", Evidence("They follow Nasrallah.", 41, 60, "r", 0.8)
        )
        save_extraction(conn, doc, day, Extraction(events=[ask, defy], ties=[follow]))


def test_report_has_charts_network_evidence_and_escapes_text(sqlite_store: Store, tmp_path: Path) -> None:
    seed_store(sqlite_store)
    data = build_report("Quds Force", store=sqlite_store)
    assert isinstance(data["graph"], nx.DiGraph) and data["graph"].number_of_edges() > 0
    html = render_report(data)
    assert html.count("<svg") >= 3  # control and cohesion charts, friction bars, network
    assert "Control is <strong>falling</strong>" in html
    assert "Esmail Ghaani" in html and "Hassan Nasrallah" in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; the militias disregarded this." in html
    assert "<script>" not in html  # nothing from an article runs, and the file needs no script at all
    assert "http://" not in html and "https://" not in html  # self-contained: nothing fetched on opening


def test_report_cli_writes_a_file(sqlite_store: Store, tmp_path: Path) -> None:
    seed_store(sqlite_store)
    from typer.testing import CliRunner

    from proxywatch.cli import app

    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "--db", sqlite_store.url])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert api.control("Quds Force", store=sqlite_store)["trend"] == "falling"
