"""Events as CSV and JSON lines: one flat row per event, text written as data."""

from __future__ import annotations

from pathlib import Path

from proxywatch.export.events import COLUMNS
from tests.export.conftest import HOSTILE, HOSTILE_ID, HOSTILE_NAME, csv_rows, export, json_rows


def test_csv_has_one_row_per_event_in_the_flat_layout(db: str) -> None:
    rows = csv_rows(export(db, "csv"))
    assert len(rows) == 7 and tuple(rows[0]) == COLUMNS
    [assault] = [r for r in rows if r["mode"] == "drone"]
    assert (assault["source_id"], assault["source_name"]) == ("kataib_hezbollah", "Kata'ib Hezbollah")
    assert (assault["target_id"], assault["target_name"]) == ("united_states", "United States")
    assert (assault["date"], assault["date_precision"]) == ("2024-01-28", "day")
    assert (assault["location"], assault["country"], assault["n_sources"]) == ("Tower 22", "JOR", "1")
    assert assault["evidence"] == "Kata'ib Hezbollah struck Tower 22."
    assert assault["negated"] == "false"
    assert [r["negated"] for r in rows if "did not attack" in r["evidence"]] == ["true"]
    [request] = [r for r in rows if r["type"] == "REQUEST"]
    assert (request["directive"], request["directive_type"]) == ("prohibits", "ASSAULT")


def test_csv_keeps_markup_quotes_and_joins_documents(db: str) -> None:
    rows = csv_rows(export(db, "csv"))
    [reject] = [r for r in rows if r["type"] == "REJECT"]
    assert reject["evidence"] == HOSTILE
    [hostile] = [r for r in rows if r["source_id"] == HOSTILE_ID]
    assert hostile["source_name"] == HOSTILE_NAME and hostile["date"] == ""
    documents = {d for r in rows for d in r["document_ids"].split(";")}
    assert len(documents) == 3


def test_jsonl_matches_csv_with_typed_values(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(db, "jsonl", "--out", str(out))
    rows = json_rows(out.read_text(encoding="utf-8"))
    flat = csv_rows(export(db, "csv"))
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in flat]
    [reject] = [r for r in rows if r["type"] == "REJECT"]
    assert reject["evidence"] == HOSTILE and reject["negated"] is False
    assert isinstance(reject["document_ids"], list) and reject["n_sources"] == 1
    [hostile] = [r for r in rows if r["source_id"] == HOSTILE_ID]
    assert hostile["date"] is None and hostile["source_name"] == HOSTILE_NAME
