"""The command line: ingest, stats, extract (the output contract), evaluate, demo; and docs cover it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from proxywatch.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed.yaml"


def test_every_command_is_documented() -> None:
    docs = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")
    )
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    for name in names:
        assert f"proxywatch {name}" in docs, f"command {name!r} is not in the README or docs/"


def test_ingest_reports_problems_with_exit_code_2(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "ok.txt").write_text(
        "Kataib Hezbollah fired rockets at a base in Iraq on Tuesday.", encoding="utf-8"
    )
    (inbox / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["ingest", str(inbox), "--db", str(db), "--no-extract", "--json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["added"] == 1 and report["failed"] == 1
    assert report["problems"][0]["line"] == 1 and report["problems"][0]["kind"] == "malformed"


def test_unreachable_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 1
    assert "cannot open database" in result.output and "Traceback" not in result.output


@pytest.mark.model
def test_extract_jsonl_keeps_input_order_ids_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        json.dumps(
            {"id": "a1", "text": "Esmail Ghaani met Qais al-Khazali in Baghdad.", "published": "2021-06-27"}
        ),
        "{not json",
        json.dumps({"id": "a3", "text": "Kata'ib Hezbollah fired rockets at the U.S. Embassy in Baghdad."}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2021-07-01"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["document"].get("id") for o in out] == ["a1", None, "a3"]
    assert out[1]["error"]["kind"] == "malformed"
    first, third = out[0], out[2]
    assert first["version"] == "1.0" and first["document"]["published"] == "2021-06-27"
    assert third["document"]["published"] == "2021-07-01"
    event = next(e for e in first["events"] if e["type"] == "CONSULT")
    assert (event["source"], event["target"]) == ("esmail_ghaani", "qais_al_khazali")
    text = json.loads(rows[0])["text"]
    for actor in first["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


@pytest.mark.model
def test_extract_reads_stdin() -> None:
    result = runner.invoke(app, ["extract", "-"], input="Asaib Ahl al-Haq attacked a U.S. convoy near Basra.")
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["document"]["origin"] == "-"
    assert any(a["id"] == "asaib_ahl_al_haq" for a in record["actors"])


@pytest.mark.model
@pytest.mark.skipif(not SEED_GOLD.exists(), reason="needs ../shared/gold/seed.yaml")
def test_evaluate_prints_scores_as_json() -> None:
    result = runner.invoke(app, ["evaluate", str(SEED_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for key in ("mentions", "events", "event_types", "ties"):
        assert 0.0 <= report[key]["f1"] <= 1.0
    assert report["alignment"]["ghaani"] == "esmail_ghaani"


@pytest.mark.model
def test_demo_stores_every_article_once_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.db")
    first = runner.invoke(app, ["demo", "--db", db])
    assert first.exit_code == 0, first.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    # the 49 real documents of proxywatch/demo/corpus/articles.jsonl, every one stored
    assert stats["tables"]["documents"] == 49 and stats["tables"]["ingest_errors"] == 0
    assert stats["tables"]["events"] > 50 and stats["tables"]["mentions"] > 1000
    assert {"REQUEST", "ASSAULT", "SANCTION"} <= set(stats["events_by_type"])
    again = runner.invoke(app, ["demo", "--db", db])
    assert again.exit_code == 0
    assert json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)["tables"] == stats["tables"]


@pytest.mark.model
def test_analytics_print_actor_names_beside_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    rows = [
        (
            "a1",
            "2024-01-28",
            "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. forces.",
        ),
        (
            "a2",
            "2024-02-04",
            "Harakat al-Nujaba rejected the Quds Force's request and vowed to keep fighting.",
        ),
    ]
    corpus.write_text("".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in rows))
    db = str(tmp_path / "names.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    control = runner.invoke(app, ["control", "--db", db])
    assert control.exit_code == 0, control.output
    assert "IRGC Quds Force (quds_force)" in control.stdout
    assert "Harakat Hezbollah al-Nujaba (harakat_al_nujaba)" in control.stdout  # the bloc line
    data = json.loads(runner.invoke(app, ["control", "--db", db, "--json"]).stdout)
    assert data["patron"] == "quds_force" and data["names"]["quds_force"] == "IRGC Quds Force"
    whatif = runner.invoke(app, ["whatif", "--remove", "Qaani", "--db", db])
    assert "removed Esmail Ghaani (esmail_ghaani)" in whatif.stdout
