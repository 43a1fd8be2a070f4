"""A small store written by hand (no model): three documents, events and ties around the Quds
Force's camp and outside it, and text that carries markup and quotes."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from proxywatch.cli import app
from proxywatch.dictionary import load_dictionary
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import open_store
from proxywatch.store.documents import insert_document
from proxywatch.store.facts import save_extraction, sync_dictionary

HOSTILE = '<script>alert("x")</script> & the militias said "no", they\'d keep fighting.'
HOSTILE_NAME = 'Saraya "Awliya" <b>al-Dam</b>'
HOSTILE_ID = "armed_group:saraya_awliya_al_dam"


def _ev(sentence: str, start: int) -> Evidence:
    return Evidence(sentence, start, start + len(sentence), "test", 0.8)


def _documents() -> list[tuple[RawDocument, Extraction]]:
    june = date(2021, 6, 1)
    a = RawDocument(
        text="story a " + HOSTILE,
        origin="a.txt",
        fmt="text",
        published=june,
        title="<script>title</script>",
        url="https://example.org/a?x=1&y=2",
        source='Wire "A"',
    )
    a_facts = Extraction(
        events=[
            Event(
                "REQUEST",
                "esmail_ghaani",
                "pmf",
                _ev("Ghaani asked the PMF to stop.", 0),
                date=june,
                date_precision="day",
                extra={"prohibits": "ASSAULT", "protected": "united_states"},
            ),
            Event("REJECT", "pmf", "esmail_ghaani", _ev(HOSTILE, 40), date=june, date_precision="day"),
        ],
        ties=[Tie("follows", "pmf", "hassan_nasrallah", _ev("They follow Nasrallah.", 120))],
    )
    b = RawDocument(text="story b", origin="b.txt", fmt="text", published=date(2024, 1, 31))
    b_facts = Extraction(
        events=[
            Event(
                "ASSAULT",
                "kataib_hezbollah",
                "united_states",
                _ev("Kata'ib Hezbollah struck Tower 22.", 0),
                mode="drone",
                date=date(2024, 1, 28),
                date_precision="day",
                location="Tower 22",
                country="JOR",
            ),
            Event(
                "ASSAULT",
                "kataib_hezbollah",
                "united_states",
                _ev("Kata'ib Hezbollah attacked U.S. forces a week earlier.", 60),
                date=date(2024, 1, 20),
                date_precision="day",
            ),
            Event(
                "ASSAULT",
                "kataib_hezbollah",
                "united_states",
                _ev("Kata'ib Hezbollah did not attack the embassy.", 120),
                date=date(2024, 1, 30),
                date_precision="day",
                negated=True,
            ),
            Event(
                "CONSULT",
                "united_states",
                "iraq",
                _ev("U.S. and Iraqi officials met.", 200),
                date=date(2024, 1, 30),
                date_precision="day",
            ),
        ],
        ties=[Tie("trains", "hezbollah", "harakat_al_nujaba", _ev("Hezbollah trains Nujaba.", 300))],
    )
    c = RawDocument(text="story c", origin="c.txt", fmt="text")
    c_facts = Extraction(
        actors={HOSTILE_ID: Actor(HOSTILE_ID, HOSTILE_NAME, "armed_group", "IRQ", origin="extracted")},
        events=[Event("ASSAULT", HOSTILE_ID, "pmf", _ev(f"{HOSTILE_NAME} attacked the PMF.", 0))],
    )
    return [(a, a_facts), (b, b_facts), (c, c_facts)]


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of a SQLite store holding the dictionary and the three documents (read only)."""
    path = str(tmp_path_factory.mktemp("export") / "export.db")
    store = open_store(path)
    try:
        with store.begin() as conn:
            sync_dictionary(conn, load_dictionary())
            for doc, facts in _documents():
                doc_id = insert_document(conn, doc)
                save_extraction(conn, doc_id, doc.published, facts)
    finally:
        store.close()
    return path


runner = CliRunner()


def export(db: str, fmt: str, *args: str) -> str:
    """The text `proxywatch export` prints on stdout (asserting it succeeds)."""
    result = runner.invoke(app, ["export", "--format", fmt, "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def json_rows(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.split("\n") if line]
