"""--from/--to keep the events of the window and the ties standing in it; --patron keeps the
facts that touch the patron, its side or its bloc; bad values are one-line errors."""

from __future__ import annotations

import io

import networkx as nx
import stix2

from proxywatch.cli import app
from tests.export.conftest import csv_rows, export, json_rows, runner


def test_dates_keep_the_events_of_the_window(db: str) -> None:
    rows = csv_rows(export(db, "csv", "--from", "2024-01-21", "--to", "2024-01-29"))
    assert [(r["type"], r["date"]) for r in rows] == [("ASSAULT", "2024-01-28")]
    early = json_rows(export(db, "jsonl", "--to", "2023-12-31"))
    assert {r["date"] for r in early} == {"2021-06-01"}  # undated events fall outside any window
    assert csv_rows(export(db, "csv", "--from", "2025-01-01")) == []
    reports = [
        o
        for o in stix2.parse(export(db, "stix", "--to", "2023-12-31"), allow_custom=True).objects
        if o.type in ("report", "note")
    ]
    assert {o["x_proxywatch_date"] for o in reports} == {"2021-06-01"}


def _ties(db: str, *args: str) -> set[tuple[str, str, str]]:
    G = nx.read_graphml(io.BytesIO(export(db, "graphml", *args).encode()), force_multigraph=True)
    return {(u, d["relation"], v) for u, v, d in G.edges(data=True) if d["kind"] == "tie"}


def test_dates_keep_the_ties_standing_in_the_window(db: str) -> None:
    everything = _ties(db)
    trains = ("hezbollah", "trains", "harakat_al_nujaba")  # first reported on 2024-01-31
    leads = ("hassan_nasrallah", "leads", "hezbollah")  # 1992-02 .. 2024-09-27
    undated = ("kataib_hezbollah", "member_of", "pmf")  # the dictionary gives no dates
    assert {trains, leads, undated} <= everything
    assert trains not in _ties(db, "--to", "2023-12-31") and trains in _ties(db, "--from", "2024-02-01")
    assert leads not in _ties(db, "--from", "2025-01-01") and leads in _ties(db, "--to", "2024-01-01")
    assert leads not in _ties(db, "--to", "1991-12-31")
    assert undated in _ties(db, "--from", "2025-01-01") and undated in _ties(db, "--to", "1990-01-01")


def test_patron_keeps_the_facts_that_touch_its_camp(db: str) -> None:
    rows = json_rows(export(db, "jsonl", "--patron", "Quds Force"))
    pairs = {(r["source_id"], r["target_id"]) for r in rows}
    assert ("united_states", "iraq") not in pairs
    assert {("esmail_ghaani", "pmf"), ("kataib_hezbollah", "united_states")} <= pairs
    assert len(rows) == len(json_rows(export(db, "jsonl"))) - 1
    ties = _ties(db, "--patron", "Quds Force")
    assert ("quds_force", "funds", "kataib_hezbollah") in ties
    assert not any(u == "united_states" and v == "nato" for u, _, v in ties)


def test_bad_values_are_one_line_errors(db: str) -> None:
    for args, message in (
        (["--from", "not a date at all"], "cannot read the start date"),
        (["--from", "2024-02-01", "--to", "2024-01-01"], "is after the end date"),
        (["--patron", "Nobody Known Here"], "no actor is called"),
        (["--out", "/nonexistent/folder/x.csv"], "cannot write"),
    ):
        result = runner.invoke(app, ["export", "--format", "csv", "--db", db, *args])
        assert result.exit_code == 1, result.output
        assert message in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["export", "--format", "pdf", "--db", db])
    assert result.exit_code == 2 and "Traceback" not in result.output
