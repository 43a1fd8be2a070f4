"""Corpus evaluation: gold folders are matched to documents by id and scores are micro-averaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from proxywatch.errors import ConfigError
from proxywatch.evaluation import evaluate_corpus
from proxywatch.evaluation.gold import load_gold_dir

TEXT = "Kata'ib Hezbollah attacked the U.S. Embassy in Baghdad on Monday."


def _write(tmp_path: Path, gold: dict[str, object]) -> tuple[Path, Path]:
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(json.dumps({"id": "doc-1", "published": "2020-01-06", "text": TEXT}) + "\n")
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "doc-1.yaml").write_text(yaml.safe_dump(gold))
    return corpus, folder


GOLD = {
    "document": "doc-1",
    "published": "2020-01-06",
    "actors": [
        {"id": "kh", "type": "armed_group", "mentions": ["Kata'ib Hezbollah"]},
        {"id": "embassy", "type": "facility", "mentions": ["the U.S. Embassy"]},
    ],
    "events": [
        {
            "id": "e1",
            "type": "ASSAULT",
            "source": "kh",
            "target": "embassy",
            "evidence": "attacked the U.S. Embassy",
        }
    ],
    "ties": [],
}


@pytest.mark.model
def test_corpus_scores_sum_the_documents_counts(tmp_path: Path) -> None:
    corpus, folder = _write(tmp_path, GOLD)
    report = evaluate_corpus(corpus, folder)
    assert list(report.documents) == ["doc-1"]
    doc = report.documents["doc-1"]
    for what in ("mentions", "events", "ties"):
        assert report.total(what).tp == getattr(doc, what).tp
        assert report.total(what).fn == getattr(doc, what).fn
    assert report.total("events").as_dict()["f1"] == 1.0
    assert report.as_dict()["documents"] == 1


def test_a_gold_file_without_its_document_is_an_error(tmp_path: Path) -> None:
    corpus, folder = _write(tmp_path, {**GOLD, "document": "doc-2"})
    with pytest.raises(ConfigError, match="doc-2"):
        evaluate_corpus(corpus, folder)


def test_an_empty_gold_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no gold files"):
        load_gold_dir(tmp_path)
