"""Golden files pin the extraction output on the seed article, the demo corpus (real
public-domain reporting) and the stories written for the project (test fixtures).

Regenerate on purpose with ``make golden`` and review the diff. The seed's golden file keeps
offsets, ids and rules but no text from the article (its text is not ours to copy).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from proxywatch.demo import corpus_dir
from proxywatch.extract import extract_many
from proxywatch.ingest import RawDocument, iter_documents

pytestmark = pytest.mark.model
GOLDEN = Path(__file__).with_name("golden")
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "written_corpus"
REGENERATE = bool(os.environ.get("PROXYWATCH_REGENERATE_GOLDEN"))


def facts(record: dict[str, Any], keep_text: bool) -> dict[str, Any]:
    """The comparable part of an extraction: sorted, and without article text when asked."""
    actors = sorted(
        (
            a["id"],
            a["type"],
            [(m["start"], m["end"]) + ((m["text"],) if keep_text else ()) for m in a["mentions"]],
        )
        for a in record["actors"]
    )
    drop = set() if keep_text else {"sentence", "trigger"}
    events = sorted(
        json.dumps({k: v for k, v in e.items() if k not in drop}, sort_keys=True) for e in record["events"]
    )
    ties = sorted(
        json.dumps({k: v for k, v in t.items() if k not in drop}, sort_keys=True) for t in record["ties"]
    )
    return {"actors": [list(a) for a in actors], "events": events, "ties": ties}


def check(name: str, value: dict[str, Any]) -> None:
    path = GOLDEN / f"{name}.json"
    text = json.dumps(value, indent=1, ensure_ascii=False, default=list) + "\n"
    if REGENERATE or not path.exists():
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not REGENERATE:
            pytest.fail(f"golden file {path.name} was missing and has been written; review and commit it")
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), (
        f"{name} differs from its golden file"
    )


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed/article.txt")
def test_seed_golden() -> None:
    [ext] = list(extract_many([(SEED.read_text(encoding="utf-8"), None)]))
    check("seed", facts(ext.as_json({}), keep_text=False))


def _folder_facts(folder: Path) -> dict[str, Any]:
    docs = [d for d in iter_documents([folder]) if isinstance(d, RawDocument)]
    exts = extract_many((d.text, d.published) for d in docs)
    return {
        d.external_id or Path(d.locator).name: facts(e.as_json({}), keep_text=True)
        for d, e in zip(docs, exts, strict=True)
    }


def test_demo_corpus_golden() -> None:
    check("demo", _folder_facts(corpus_dir()))


def test_written_stories_golden() -> None:
    check("written", _folder_facts(WRITTEN))
