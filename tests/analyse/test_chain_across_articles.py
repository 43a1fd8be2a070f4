"""A request in one article and the answers in later ones make a directive with its responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from proxywatch import api

pytestmark = pytest.mark.model

ARTICLES = [
    (
        "a1",
        "2024-01-28",
        "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. forces.",
    ),
    (
        "a2",
        "2024-01-31",
        "Kata'ib Hezbollah announced a suspension of its military operations against U.S. forces.",
    ),
    ("a3", "2024-02-04", "Harakat al-Nujaba said it rejected the request and would keep fighting."),
]


def test_a_directive_is_answered_in_later_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in ARTICLES)
    )
    db = str(tmp_path / "chain.db")
    assert api.ingest([corpus], db=db).added == 3
    report = api.control("Quds Force", db=db)
    outcomes = [o for w in report["windows"] for o in w["outcomes"]]
    [directive] = [o for o in outcomes if o["source"] == "esmail_ghaani"]
    assert directive["prohibits"] == "ASSAULT"
    kinds = {(r["source"], r["kind"]) for r in directive["responses"]}
    assert ("kataib_hezbollah", "compliance") in kinds
    assert directive["verdict"] in ("complied", "mixed")


def test_the_bloc_says_what_each_proxy_rests_on(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "published": d, "text": t}) + "\n" for i, d, t in ARTICLES)
        + json.dumps(
            {"id": "a4", "published": "2024-02-05", "text": "Kata'ib Hezbollah is funded by the Quds Force."}
        )
        + "\n"
    )
    db = str(tmp_path / "basis.db")
    api.ingest([corpus], db=db)
    basis = api.control("Quds Force", db=db)["basis"]
    assert basis["kataib_hezbollah"] == "documents"  # read in article a4
    assert basis["harakat_al_nujaba"] == "dictionary"  # known only from the actor dictionary
    assert basis["generic:uaf"] == "generic"  # "the factions" the commander addressed
