"""`proxywatch judge`: the corrections verbs on the command line, printing names beside ids,
calling the same library functions as the API."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from proxywatch import api
from proxywatch.cli import app
from proxywatch.store.db import open_store
from proxywatch.store.schema import events, ties
from tests.store.corrections_world import build

runner = CliRunner()


def _db(tmp_path: Path) -> tuple[str, dict[str, str]]:
    path = tmp_path / "judge.db"
    store = open_store(f"sqlite:///{path}")
    build(store)
    with store.connect() as conn:
        ids = {r.type: r.id for r in conn.execute(select(events.c.id, events.c.type))}
        ids["tie"] = conn.execute(select(ties.c.id).where(ties.c.target_id == "pmf")).scalar_one()
    store.close()
    return str(path), ids


def judge(db: str, *args: str) -> str:
    result = runner.invoke(app, ["judge", *args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_verb_records_and_prints_names(tmp_path: Path) -> None:
    db, ids = _db(tmp_path)
    merged = judge(
        db, "merge", "armed_group:kh", "Kata'ib Hezbollah", "--reason", "same group", "--by", "ana"
    )
    assert merged.startswith("#1 merge KH [armed_group:kh] into Kata'ib Hezbollah [kataib_hezbollah] (ana,")
    assert merged.rstrip().endswith("active) - same group")
    split = judge(
        db, "split", "Popular Mobilization Forces", "--alias", "Harakat al-Nujaba", "--name", "Nujaba"
    )
    assert "-> Nujaba [pmf~nujaba]" in split
    assert "set Nujaba [pmf~nujaba]: country=IRQ" in judge(db, "set-actor", "Nujaba", "--country", "irq")
    assert "(Popular Mobilization Forces CONSULT Quds Force)" in judge(db, "reject-event", ids["CONSULT"])
    assert "(Quds Force funds Popular Mobilization Forces)" in judge(db, "reject-tie", ids["tie"])
    retyped = judge(db, "set-event", ids["ASSAULT"], "--type", "COERCE", "--target", "Quds Force")
    assert "target_id=Quds Force [quds_force]" in retyped and "type=COERCE" in retyped
    linked = judge(db, "link", ids["REJECT"], ids["REQUEST"])
    assert f"event [{ids['REJECT']}] (KH REJECT Quds Force) answers [{ids['REQUEST']}]" in linked
    listed = judge(db, "list").splitlines()
    assert [line.split()[0] for line in listed] == [f"#{n}" for n in range(7, 0, -1)]
    assert "undone" in judge(db, "undo", "1")
    active = [json.loads(line) for line in judge(db, "list", "--active", "--json").splitlines()]
    assert [c["id"] for c in active] == [7, 6, 5, 4, 3, 2]
    found, total = api.judgements(db=db)  # what the API lists
    assert total == 7 and found[-1].undone_at is not None


def test_export_writes_annotation_yaml(tmp_path: Path) -> None:
    db, _ = _db(tmp_path)
    judge(db, "merge", "armed_group:kh", "kataib_hezbollah")
    out = tmp_path / "corrections.yaml"
    result = runner.invoke(app, ["judge", "export", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "wrote 2 annotated documents" in result.output
    docs = list(yaml.safe_load_all(out.read_text(encoding="utf-8")))
    assert [sorted({"document", "actors", "events", "ties"} & set(d)) for d in docs] == [
        ["actors", "document", "events", "ties"]
    ] * 2
    assert judge(db, "export") == out.read_text(encoding="utf-8")


def test_mistakes_are_one_line_and_exit_1(tmp_path: Path) -> None:
    db, _ = _db(tmp_path)
    for args in (["merge", "Nobody At All", "pmf"], ["reject-event", "nope"], ["undo", "9"]):
        result = runner.invoke(app, ["judge", *args, "--db", db])
        assert result.exit_code == 1 and result.output.startswith("error:"), result.output
    missing = runner.invoke(app, ["judge", "list", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and not (tmp_path / "none.db").exists()
